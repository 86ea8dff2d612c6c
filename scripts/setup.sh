#!/usr/bin/env bash
# Idempotent set-up on Debian/Ubuntu: system packages (only the missing ones), then a venv from the
# system interpreter that sees the system numpy/pandas/scipy/GDAL/QGIS bindings, with pinned dev tools.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  qgis python3-qgis qgis-providers gdal-bin python3-gdal
  python3-numpy python3-pandas python3-scipy python3-matplotlib python3-openpyxl python3-jsonschema
  python3-sklearn python3-venv python3-pip python3-psycopg2
  fonts-thai-tlwg
  pyqt5-dev-tools qttools5-dev-tools poppler-utils xvfb xauth zip unzip
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing missing system packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: system packages present"
fi

SYS_PY=/usr/bin/python3
VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating $VENV from $SYS_PY (--system-site-packages)"
  "$SYS_PY" -m venv --system-site-packages "$VENV"
fi
# Never let pip replace the numpy/pandas/scipy that GDAL and QGIS were built against.
"$SYS_PY" - > "$VENV/constraints-system.txt" <<'PY'
import importlib
for name in ("numpy", "pandas", "scipy", "matplotlib", "openpyxl"):
    try:
        mod = importlib.import_module(name)
    except ImportError:
        continue
    print(f"{name}=={mod.__version__}")
PY
stamp="$VENV/.requirements-dev.sha"
want=$(cat requirements-dev.txt "$VENV/constraints-system.txt" | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
      -c "$VENV/constraints-system.txt" -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
"$VENV/bin/python" -c "import numpy, qgis.core; from osgeo import gdal_array; print('setup: ok — QGIS', qgis.core.Qgis.QGIS_VERSION, '| numpy', numpy.__version__)"
