#!/usr/bin/env bash
# Install PostgreSQL + PostGIS (Debian 12 packages) for the PostGIS tests (tests/qgis/test_postgis.py).
# Idempotent; called by .ci/run. The tests start their own throw-away server on a free local port,
# so no system cluster is needed (and none is started here).
set -euo pipefail
PACKAGES=(postgresql postgresql-15-postgis-3)
missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup_postgis: PostgreSQL/PostGIS present"
  exit 0
fi
echo "setup_postgis: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
# policy-rc.d keeps the package from starting the system cluster during the install
if [ "$(id -u)" = "0" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
