"""qgis_process sees, enables and runs the plugin from the built zip (QGIS 3.22 syntax)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.cli


def test_plugin_enabled_and_provider_listed(qgis_process):
    plugins = qgis_process("plugins").stdout
    assert "carbon_pool_plugin" in plugins
    listing = qgis_process("list").stdout
    assert "Urban Carbon Pool" in listing
    assert "carbonpool:treebiomass" in listing


def test_help_documents_every_parameter(qgis_process):
    text = qgis_process("help", "carbonpool:treebiomass").stdout
    for key in (
        "INPUT",
        "SPECIES_FIELD",
        "DBH_FIELD",
        "DBH_UNIT",
        "HEIGHT_FIELD",
        "WOOD_DENSITY_FIELD",
        "LIFE_FORM_FIELD",
        "PLOT_FIELD",
        "METHOD",
        "EQUATION",
        "OUTPUT",
    ):
        assert key in text, key


def test_designplots_runs_headless(qgis_process, tmp_path):
    """samplesize then designplots end to end (QGIS 3.22 KEY=VALUE syntax); GPX parses."""
    import xml.etree.ElementTree as ET  # noqa: N817 - parses a file this test wrote
    from pathlib import Path

    gpkg = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_municipality.gpkg"
    green = "{}|layername=green_space".format(gpkg)
    plan = qgis_process.run_json(
        "carbonpool:samplesize",
        STRATA=green,
        STRATUM_FIELD="class_code",
        CV_TABLE="park:0.6;street:0.8",
        OUTPUT=str(tmp_path / "plan.gpkg"),
    )["results"]
    assert int(plan["N_TOTAL"]) > 0
    res = qgis_process.run_json(
        "carbonpool:designplots",
        STRATA=green,
        STRATUM_FIELD="class_code",
        ALLOCATION_TABLE=plan["OUTPUT"],
        SEED="2568",
        MUNICIPALITY_CODE="TH-SAMPLE-01",
        STRATUM_CODE_MAP="park:PK;institutional:IN;street:ST;riparian:RP;residential:RS",
        EXISTING_PLOTS="{}|layername=plots".format(gpkg),
        OUTPUT_CENTRES=str(tmp_path / "centres.gpkg"),
        OUTPUT_PLOTS=str(tmp_path / "plots.gpkg"),
        FIELD_SHEET=str(tmp_path / "sheet.csv"),
        GPX=str(tmp_path / "plots.gpx"),
    )["results"]
    assert int(res["N_PLOTS"]) == int(res["N_NEW"]) + int(res["N_EXISTING"])
    assert int(res["N_EXISTING"]) == 52 and int(res["N_NEW"]) > 0
    wpts = ET.parse(res["GPX"]).getroot().findall("{http://www.topografix.com/GPX/1/1}wpt")
    assert len(wpts) == int(res["N_PLOTS"]) - 1  # the sample's one abandoned plot is not visited
    sheet = Path(res["FIELD_SHEET"]).read_text(encoding="utf-8-sig").splitlines()
    assert sheet[0].startswith("รหัสแปลง / plot_id") and len(sheet) == len(wpts) + 1


def test_stratifiedestimate_json_totals(qgis_process, tmp_path):
    """treebiomass → plotcarbon → stratifiedestimate through qgis_process --json (3.22 syntax)."""
    import math
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample"
    gpkg = sample / "sample_municipality.gpkg"
    trees = qgis_process.run_json(
        "carbonpool:treebiomass",
        INPUT=str(sample / "trees_2568.csv"),
        SPECIES_FIELD="ชื่อวิทยาศาสตร์",
        DBH_FIELD="เส้นรอบวง_ซม",
        DBH_UNIT="2",
        PLOT_FIELD="รหัสแปลง",
        OUTPUT=str(tmp_path / "trees.gpkg"),
    )["results"]
    plots = qgis_process.run_json(
        "carbonpool:plotcarbon",
        TREES=trees["OUTPUT"],
        PLOTS="{}|layername=plots".format(gpkg),
        PLOT_AREA_FIELD="area_m2",
        FRACTION_FIELD="fraction",
        DATE_FIELD="date_1",
        STATUS_FIELD="status",
        OUTPUT=str(tmp_path / "plots.gpkg"),
    )["results"]
    assert int(plots["N_ORPHAN_TREES"]) == 1
    res = qgis_process.run_json(
        "carbonpool:stratifiedestimate",
        PLOTS=plots["OUTPUT"],
        STRATA="{}|layername=green_space".format(gpkg),
        STRATUM_FIELD="class_code",
        OUTPUT=str(tmp_path / "map.gpkg"),
        OUTPUT_STRATA=str(tmp_path / "strata.csv"),
        BASELINE_GPKG=str(tmp_path / "project.gpkg"),
        BASELINE_NAME="cli",
    )["results"]
    total = float(res["TOTAL_TCO2E"])
    assert math.isfinite(total) and total > 0
    assert float(res["TOTAL_TCO2E_CI95_LOW"]) < total < float(res["TOTAL_TCO2E_CI95_HIGH"])
    assert int(res["N_PLOTS"]) == 52 and len(res["BASELINE_ID"]) == 36


def test_vegetation_indices_headless(qgis_process, tmp_path):
    """carbonpool:vegetationindices from the built zip: NDVI band matches a hand computation."""
    from pathlib import Path

    import numpy as np
    from osgeo import gdal

    image = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample_image.tif"
    out = tmp_path / "ndvi.tif"
    res = qgis_process.run_json(
        "carbonpool:vegetationindices",
        INPUT=str(image),
        PRESET="0",
        INDICES="0,3",
        OUTPUT=str(out),
    )["results"]
    assert res["BANDS"] == "NDVI,NDWI"
    ds = gdal.Open(str(out))
    assert [ds.GetRasterBand(b).GetDescription() for b in (1, 2)] == ["NDVI", "NDWI"]
    ndvi = ds.GetRasterBand(1).ReadAsArray()
    img = gdal.Open(str(image)).ReadAsArray().astype(np.float64)
    valid = (img > 0).all(axis=0)
    red, nir = img[2][valid], img[3][valid]
    assert np.allclose(ndvi[valid], (nir - red) / (nir + red), atol=1e-5)
    assert int(float(res["N_VALID"])) == int(valid.sum())


def test_carbon_report_headless(qgis_process, tmp_path):
    """carbonpool:carbonreport from the built zip under qgis_process (no display): Thai PDF + HTML."""
    import shutil
    import subprocess
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample"
    gpkg = str(sample / "sample_municipality.gpkg")
    qgis_process.run_json(
        "carbonpool:treebiomass",
        INPUT=str(sample / "trees_2568.csv"),
        SPECIES_FIELD="ชื่อวิทยาศาสตร์",
        DBH_FIELD="เส้นรอบวง_ซม",
        DBH_UNIT="2",
        HEIGHT_FIELD="ความสูง_ม",
        PLOT_FIELD="รหัสแปลง",
        STEMS_FIELD="ลำต้น",
        OUTPUT=str(tmp_path / "trees.gpkg"),
    )
    qgis_process.run_json(
        "carbonpool:plotcarbon",
        TREES=str(tmp_path / "trees.gpkg"),
        PLOTS=gpkg + "|layername=plots",
        PLOT_AREA_FIELD="area_m2",
        FRACTION_FIELD="fraction",
        STRATUM_FIELD="stratum",
        DATE_FIELD="date_1",
        STATUS_FIELD="status",
        OUTPUT=str(tmp_path / "plots.gpkg"),
    )
    est = qgis_process.run_json(
        "carbonpool:stratifiedestimate",
        PLOTS=str(tmp_path / "plots.gpkg"),
        DENSITY_FIELD="carbon_t_ha",
        PLOT_STRATUM_FIELD="stratum",
        STRATA=gpkg + "|layername=green_space",
        STRATUM_FIELD="class_code",
        BOUNDARY=gpkg + "|layername=boundary",
        OUTPUT=str(tmp_path / "stock.gpkg"),
        OUTPUT_STRATA=str(tmp_path / "strata.csv"),
    )["results"]
    res = qgis_process.run_json(
        "carbonpool:carbonreport",
        CARBON_MAP=str(tmp_path / "stock.gpkg"),
        STRATA_TABLE=str(tmp_path / "strata.csv"),
        TREES=str(tmp_path / "trees.gpkg"),
        BOUNDARY=gpkg + "|layername=boundary",
        MUNICIPALITY_TYPE="1",
        LANGUAGE="0",
        OUTPUT_PDF=str(tmp_path / "report_th.pdf"),
        OUTPUT_HTML=str(tmp_path / "report_th.html"),
    )["results"]
    assert int(float(res["PAGES"])) == 6
    assert res["COVER_SOURCE"] == "template:carbon_report_a4.qpt"
    total = "{:,.1f}".format(float(est["TOTAL_TCO2E"]))
    assert total in (tmp_path / "report_th.html").read_text(encoding="utf-8")
    assert (tmp_path / "report_th.pdf").stat().st_size > 10000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "report_th.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert total in text
