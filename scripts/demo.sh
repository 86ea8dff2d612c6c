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
# permanent plot network: sample size from prior CVs, then extend the sample's 52 plots to that plan
run carbonpool:samplesize plot_sample_size \
  STRATA="$SAMPLE/sample_municipality.gpkg|layername=green_space" STRATUM_FIELD=class_code \
  CV_TABLE="park:0.6;street:0.8" DEFAULT_CV=0.6 PRECISION=0.1 CONFIDENCE=0 PLOT_AREA_M2=400 \
  ALLOCATION=0 MIN_PER_STRATUM=2 OUTPUT="$OUT/plot_sample_size.gpkg"
run carbonpool:designplots plot_network \
  STRATA="$SAMPLE/sample_municipality.gpkg|layername=green_space" STRATUM_FIELD=class_code \
  ALLOCATION_TABLE="$OUT/plot_sample_size.gpkg" DESIGN=0 PLOT_SHAPE=0 MIN_DISTANCE=50 EDGE_RULE=0 \
  SEED=2568 EXISTING_PLOTS="$SAMPLE/sample_municipality.gpkg|layername=plots" \
  MUNICIPALITY_CODE=TH-SAMPLE-01 STRATUM_CODE_MAP="park:PK;institutional:IN;street:ST;riparian:RP;residential:RS" \
  OUTPUT_CENTRES="$OUT/plot_network_centres.gpkg" OUTPUT_PLOTS="$OUT/plot_network_plots.gpkg" \
  FIELD_SHEET="$OUT/plot_network_field_sheet.csv" GPX="$OUT/plot_network.gpx" \
  REGISTRY_GPKG="$OUT/plot_registry.gpkg"
# baseline and monitoring (issue 4): plot carbon for both years, the 2568 stratified estimate with
# its carbon-stock map saved as a baseline, and the 2568 -> 2572 stock change
GPKG="$SAMPLE/sample_municipality.gpkg"
for year in 2568 2572; do
  [ "$year" = 2568 ] && date_field=date_1 || date_field=date_2
  run carbonpool:plotcarbon "plots_$year" \
    TREES="$OUT/trees_$year.gpkg" PLOTS="$GPKG|layername=plots" \
    PLOT_AREA_FIELD=area_m2 FRACTION_FIELD=fraction STRATUM_FIELD=stratum \
    DATE_FIELD="$date_field" STATUS_FIELD=status SAPLING_RULE=0 \
    OUTPUT="$OUT/plots_$year.gpkg"
done
run carbonpool:stratifiedestimate "stock_2568" \
  PLOTS="$OUT/plots_2568.gpkg" DENSITY_FIELD=carbon_t_ha PLOT_STRATUM_FIELD=stratum \
  STRATA="$GPKG|layername=green_space" STRATUM_FIELD=class_code VALUE_KIND=0 SMALL_STRATA=0 \
  POLYGON_DENSITY=0 BOUNDARY="$GPKG|layername=boundary" \
  OUTPUT="$OUT/carbon_stock_2568.gpkg" OUTPUT_STRATA="$OUT/strata_2568.csv" \
  BASELINE_GPKG="$OUT/carbonpool_project.gpkg" BASELINE_NAME="baseline 2568" YEAR=2568
run carbonpool:stockchange "change_2568_2572" \
  TREES_T1="$OUT/trees_2568.gpkg" TREES_T2="$OUT/trees_2572.gpkg" \
  PLOTS="$GPKG|layername=plots" PLOT_AREA_FIELD=area_m2 FRACTION_FIELD=fraction \
  PLOT_STRATUM_FIELD=stratum PLOT_STATUS_FIELD=status DATE1_FIELD=date_1 DATE2_FIELD=date_2 \
  STRATA="$GPKG|layername=green_space" STRATUM_FIELD=class_code DBH_SHRINK_TOLERANCE=1.0 \
  OUTPUT_TREES="$OUT/tree_dynamics.csv" OUTPUT_PLOTS="$OUT/plot_change.gpkg" \
  OUTPUT_STRATA="$OUT/strata_change.csv" OUTPUT_MAP="$OUT/sequestration_map.gpkg"
.venv/bin/python - "$OUT/carbonpool_project.gpkg" <<'PY'
import sys
sys.path.insert(0, ".")
from carbon_pool_plugin.baseline_store import load_baselines
for rec in load_baselines(sys.argv[1]):
    print("   baseline {} | {} | {} | {} {} | {:.1f} tCO2e".format(
        rec["name"], rec["municipality"], rec["year"], rec["method_pack"], rec["method_version"],
        rec["totals"]["co2e_total"]))
PY

# --- Green-space mapping from the sample image (issue 9) ---------------------------------------------
IMG="$SAMPLE/sample_image.tif"; GPKG="$SAMPLE/sample_municipality.gpkg"
run carbonpool:vegetationindices map_indices INPUT="$IMG" PRESET=0 INDICES=0,1,2,3 OUTPUT="$OUT/map_indices.tif"
run carbonpool:classifygreenspace map_classify_ml INPUT="$IMG" PRESET=0 \
  TRAINING="$GPKG|layername=training" CLASS_FIELD=lc_code CLASS_NAME_FIELD=lc_name CLASSIFIER=1 SEED=42 \
  OUTPUT="$OUT/map_classes_ml.tif" OUTPUT_MODEL="$OUT/map_model_ml.json" OUTPUT_AREAS="$OUT/map_class_areas_ml.csv"
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  run carbonpool:classifygreenspace map_classify_rf INPUT="$IMG" PRESET=0 \
    TRAINING="$GPKG|layername=training" CLASS_FIELD=lc_code CLASS_NAME_FIELD=lc_name CLASSIFIER=0 TEXTURE=true SEED=42 \
    OUTPUT="$OUT/map_classes_rf.tif" OUTPUT_MODEL="$OUT/map_model_rf.json" OUTPUT_AREAS="$OUT/map_class_areas_rf.csv"
else
  echo "-- scikit-learn not installed: random forest skipped (maximum likelihood map used)"
fi
run carbonpool:greenspacepolygons map_green_polygons INPUT="$OUT/map_classes_ml.tif" GREEN_CLASSES=1,2 \
  CANOPY_CLASSES=1 MIN_AREA_M2=400 BOUNDARY="$GPKG|layername=boundary" MUNI_TYPE=1 POPULATION_FIELD=population \
  OUTPUT="$OUT/map_green_polygons.gpkg"
.venv/bin/python - "$OUT/map_green_polygons.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for line in json.loads(text[text.find("{"):]).get("log", {}).get("info", []):
    if "Green share" in line or "per person" in line:
        print("   " + line)
PY
run carbonpool:accuracyassessment map_accuracy_sample MODE=0 INPUT="$OUT/map_classes_ml.tif" N_PER_CLASS=50 SEED=42 \
  OUTPUT_POINTS="$OUT/map_reference_points.gpkg"
echo "   -> label ref_class in map_reference_points.gpkg from INDEPENDENT reference data, then run ASSESS on it."
"$QP" run native:centroids -- INPUT="$GPKG|layername=training" OUTPUT="$OUT/map_training_centroids.gpkg" \
  > /dev/null 2>> "$OUT/map_accuracy_assess.log"
echo "   NOTE: the quick check below uses the TRAINING polygons as reference. They are not independent of the"
echo "   classifier, so the accuracy is optimistic; real reference data must be independent of the training data."
run carbonpool:accuracyassessment map_accuracy_assess MODE=1 INPUT="$OUT/map_classes_ml.tif" \
  REFERENCE="$OUT/map_training_centroids.gpkg" REF_FIELD=lc_code \
  OUTPUT_MATRIX="$OUT/map_error_matrix.csv" OUTPUT_CLASSES="$OUT/map_accuracy_classes.csv"
echo "   (example densities, not measured: 1 tree canopy 45.2 [38.1–52.3] tC/ha, 2 grass/shrub 5.0 [3.1–6.9] tC/ha)"
run carbonpool:carbonraster map_carbon INPUT="$OUT/map_classes_ml.tif" CLASS_DENSITY="1:45.2:38.1:52.3;2:5.0:3.1:6.9" \
  BOUNDARY="$GPKG|layername=boundary" ZONE_FIELD=name_th OUTPUT="$OUT/map_carbon_density.tif" \
  OUTPUT_TABLE="$OUT/map_carbon_by_class.csv"
# --- uncertainty (issue 8): Monte Carlo total with its interval and the error budget ---------------
echo "   (DBH Chave 2004, H-D model residuals, wood-density sd, CF sd 0.0206 as BIOMASS; analytic sampling error)"
run carbonpool:uncertainty uncertainty_2568 TREES="$OUT/trees_2568.gpkg" TREE_PLOT_FIELD="รหัสแปลง" \
  TREE_STATUS_FIELD="สถานะ" PLOTS="$SAMPLE/sample_municipality.gpkg|layername=plots" PLOT_ID_FIELD=plot_id \
  PLOT_AREA_FIELD=area_m2 FRACTION_FIELD=fraction PLOT_STRATUM_FIELD=stratum \
  STRATA="$SAMPLE/sample_municipality.gpkg|layername=green_space" STRATUM_FIELD=class_code METHOD=0 \
  ITERATIONS=500 SEED=42 DBH_ERROR=1 HEIGHT_ERROR=1 WD_ERROR=true MODEL_ERROR=true CF_SD=0.0206 SAMPLING=0 \
  OUTPUT_SUMMARY="$OUT/uncertainty_summary.csv" OUTPUT_BUDGET="$OUT/uncertainty_budget.csv"
.venv/bin/python - "$OUT/uncertainty_2568.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for line in json.loads(text[text.find("{"):]).get("log", {}).get("info", []):
    if line.startswith(("Total ", "Error budget", "  ", "Sum of one-source")):
        print("   " + line)
PY
# --- municipal report (issue 5): PDF + HTML in Thai and English from the 2568 estimate -------------
echo "   (illustrative carbon price 200 THB/tCO2e, discount 3 %/yr, 20 years: not a market price)"
for lang in th en; do
  [ "$lang" = th ] && L=0 || L=1
  run carbonpool:carbonreport "report_$lang" \
    CARBON_MAP="$OUT/carbon_stock_2568.gpkg" STRATA_TABLE="$OUT/strata_2568.csv" \
    TREES="$OUT/trees_2568.gpkg" CHANGE_TABLE="$OUT/strata_change.csv" \
    SEQUESTRATION="$OUT/sequestration_map.gpkg" BOUNDARY="$GPKG|layername=boundary" \
    UNCERTAINTY="$OUT/uncertainty_budget.csv" \
    MUNICIPALITY_TYPE=1 LANGUAGE=$L PRICE_THB_PER_TCO2E=200 DISCOUNT_RATE=3 PRICE_CHANGE_RATE=0 \
    HORIZON_YEARS=20 OUTPUT_PDF="$OUT/report_$lang.pdf" OUTPUT_HTML="$OUT/report_$lang.html"
done
# --- GreenArea package (issue 6): GeoPackage + JSON summary (proposed format) -> demo-output/greenarea/
res() { .venv/bin/python -c 'import json,sys; t=open(sys.argv[1],encoding="utf-8").read(); print(json.loads(t[t.find("{"):])["results"][sys.argv[2]])' "$OUT/$1.json" "$2"; }
run carbonpool:exportgreenarea greenarea \
  INPUT="$OUT/carbon_stock_2568.gpkg" STRATA="$OUT/strata_2568.csv" BOUNDARY="$GPKG|layername=boundary" \
  TOTAL_TCO2E="$(res stock_2568 TOTAL_TCO2E)" TOTAL_TCO2E_CI95_LOW="$(res stock_2568 TOTAL_TCO2E_CI95_LOW)" \
  TOTAL_TCO2E_CI95_HIGH="$(res stock_2568 TOTAL_TCO2E_CI95_HIGH)" TOTAL_TC="$(res stock_2568 TOTAL_TC)" \
  U90_PCT="$(res stock_2568 U90_PCT)" ANNUAL_TCO2E_YR="$(res change_2568_2572 ANNUAL_TCO2E_YR)" \
  ANNUAL_TCO2E_YR_CI95_LOW="$(res change_2568_2572 ANNUAL_TCO2E_YR_CI95_LOW)" \
  ANNUAL_TCO2E_YR_CI95_HIGH="$(res change_2568_2572 ANNUAL_TCO2E_YR_CI95_HIGH)" \
  MUNI_TYPE=1 YEAR=2568 METHOD_VERSION="$(res trees_2568 METHOD_VERSION)" \
  EQUATION_PACK_VERSION="$(res trees_2568 EQUATION_PACK_VERSION)" OUTPUT_FOLDER="$OUT/greenarea"
# --- batch across municipalities (issue 10): two municipalities derived from the sample -----------
.venv/bin/python scripts/make_batch_sample.py "$OUT/batch_input.gpkg" TH-DEMO-A:2568:0 TH-DEMO-B:2572:20000
BATCH="$OUT/batch_input.gpkg"
run carbonpool:batchassessment batch TREES="$BATCH|layername=trees" PLOTS="$BATCH|layername=plots" \
  STRATA="$BATCH|layername=green_space" BOUNDARY="$BATCH|layername=boundary" MUNI_FIELD=muni_code \
  SPECIES_FIELD="ชื่อวิทยาศาสตร์" DBH_FIELD="เส้นรอบวง_ซม" DBH_UNIT=2 HEIGHT_FIELD="ความสูง_ม" \
  STEMS_FIELD="ลำต้น" TREE_PLOT_FIELD="รหัสแปลง" TREE_STATUS_FIELD="สถานะ" METHOD=0 \
  PLOT_AREA_FIELD=area_m2 FRACTION_FIELD=fraction PLOT_STATUS_FIELD=status STRATUM_FIELD=class_code \
  YEAR=2568 EXPORT=true OUTPUT_FOLDER="$OUT/batch" OUTPUT_SUMMARY="$OUT/batch_summary.csv"
cut -d, -f1-3,7 "$OUT/batch_summary.csv" | sed 's/^/   /'
echo "== demo finished: results in $OUT"
ls -1 "$OUT"
