#!/usr/bin/env bash
# i18n.sh update   — refresh the .ts files from tr() calls in the sources
# i18n.sh compile  — build .qm files with lrelease (qttools5-dev-tools)
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
[ -x "$PY" ] || PY=/usr/bin/python3
case "${1:-compile}" in
  update) "$PY" scripts/i18n_extract.py --lang th ;;
  compile)
    LRELEASE=$(command -v lrelease || true)
    [ -n "$LRELEASE" ] || LRELEASE=/usr/lib/qt5/bin/lrelease
    for ts in carbon_pool_plugin/i18n/*.ts; do
      [ -e "$ts" ] || continue
      "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
    done ;;
  *) echo "usage: $0 update|compile" >&2; exit 2 ;;
esac
