#!/usr/bin/env bash
# make demo: run every algorithm that exists so far, headless through qgis_process, on the bundled
# sample municipality; results go to demo-output/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/demo-output"
SAMPLE="$ROOT/resources/sample"
rm -rf "$OUT"; mkdir -p "$OUT"
QP="$ROOT/scripts/qgis_process.sh"
export CARBONPOOL_PROFILE="$OUT/.qgis-profile"

echo "== Urban Carbon Pool demo — sample municipality ($(sed -n 's/^version=//p' metadata.txt))"
"$QP" plugins | grep -i carbon_pool_plugin || true

run() {  # run <algorithm> <log-name> KEY=VALUE...
  local alg="$1" name="$2"; shift 2
  echo "-- $alg"
  "$QP" --json run "$alg" -- "$@" > "$OUT/$name.json" 2> "$OUT/$name.log" || {
    echo "FAILED: $alg (see $OUT/$name.log)"; cat "$OUT/$name.log"; exit 1; }
  .venv/bin/python - "$OUT/$name.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
res = json.loads(text[text.find("{"):]).get("results", {})
for key, value in res.items():
    print(f"   {key}: {value}")
PY
}

for year in 2568 2572; do
  run carbonpool:treebiomass "trees_$year" \
    INPUT="$SAMPLE/trees_$year.csv" \
    SPECIES_FIELD="ชื่อวิทยาศาสตร์" DBH_FIELD="เส้นรอบวง_ซม" DBH_UNIT=2 HEIGHT_FIELD="ความสูง_ม" \
    PLOT_FIELD="รหัสแปลง" STEMS_FIELD="ลำต้น" METHOD=0 EQUATION=auto HEIGHT_MODEL=0 \
    OUTPUT="$OUT/trees_$year.gpkg"
done
echo "== demo finished: results in $OUT"
ls -1 "$OUT"
