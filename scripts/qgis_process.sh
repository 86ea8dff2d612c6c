#!/usr/bin/env bash
# Run QGIS's qgis_process with this plugin enabled, headless, in an isolated QGIS profile.
#   scripts/qgis_process.sh list
#   scripts/qgis_process.sh help carbonpool:treebiomass
#   scripts/qgis_process.sh run carbonpool:treebiomass -- INPUT=trees.csv DBH_FIELD=... OUTPUT=out.gpkg
# Environment (all optional):
#   CARBONPOOL_PLUGIN_DIR  folder that contains carbon_pool_plugin/ (default: build/plugin, made by `make build`)
#   CARBONPOOL_PROFILE     isolated QGIS settings folder (default: build/qgis-profile)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QGIS_PLUGINPATH="${CARBONPOOL_PLUGIN_DIR:-$ROOT/build/plugin}"
export QGIS_CUSTOM_CONFIG_PATH="${CARBONPOOL_PROFILE:-$ROOT/build/qgis-profile}"
mkdir -p "$QGIS_CUSTOM_CONFIG_PATH"
# Debian 12's /usr/bin/qgis_process wrapper passes --noversioncheck, which 3.22 rejects: use the binary.
QP=/usr/bin/qgis_process.bin
[ -x "$QP" ] || QP="$(command -v qgis_process)"
if [ ! -f "$QGIS_PLUGINPATH/carbon_pool_plugin/metadata.txt" ]; then
  echo "qgis_process.sh: no built plugin in $QGIS_PLUGINPATH — run 'make build' first" >&2
  exit 2
fi
# Enabling is idempotent and only touches the isolated profile.
"$QP" plugins enable carbon_pool_plugin >/dev/null 2>&1 || true
exec "$QP" "$@"
