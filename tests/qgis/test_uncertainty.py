"""carbonpool:uncertainty through processing.run on the sample municipality."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
GPKG = SAMPLE / "sample_municipality.gpkg"


@pytest.fixture(scope="module")
def trees_2568(processing, tmp_path_factory):
    out = tmp_path_factory.mktemp("uncertainty") / "trees_2568.gpkg"
    processing.run(
        "carbonpool:treebiomass",
        {
            "INPUT": str(SAMPLE / "trees_2568.csv"),
            "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
            "DBH_FIELD": "เส้นรอบวง_ซม",
            "DBH_UNIT": 2,
            "HEIGHT_FIELD": "ความสูง_ม",
            "PLOT_FIELD": "รหัสแปลง",
            "STEMS_FIELD": "ลำต้น",
            "METHOD": 0,
            "EQUATION": "auto",
            "OUTPUT": str(out),
        },
    )
    return out


def _params(trees, tmp_path, **extra):
    tmp_path.mkdir(parents=True, exist_ok=True)
    params = {
        "TREES": str(trees),
        "TREE_PLOT_FIELD": "รหัสแปลง",
        "TREE_STATUS_FIELD": "สถานะ",
        "PLOTS": f"{GPKG}|layername=plots",
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATA": f"{GPKG}|layername=green_space",
        "STRATUM_FIELD": "class_code",
        "METHOD": 0,
        "ITERATIONS": 200,
        "SEED": 42,
        "DBH_ERROR": 1,
        "HEIGHT_ERROR": 1,
        "WD_ERROR": True,
        "MODEL_ERROR": True,
        "MODEL_RSE": 0.3,
        "CF_SD": 0.0206,
        "SAMPLING": 0,
        "OUTPUT_SUMMARY": str(tmp_path / "summary.gpkg"),
        "OUTPUT_BUDGET": str(tmp_path / "budget.gpkg"),
    }
    params.update(extra)
    return params


def _rows(path):
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def test_sample_municipality_total_and_budget(processing, trees_2568, tmp_path):
    res = processing.run("carbonpool:uncertainty", _params(trees_2568, tmp_path))
    mean, lo, hi, sd = (
        res["TOTAL_TCO2E_MEAN"],
        res["TOTAL_TCO2E_Q025"],
        res["TOTAL_TCO2E_Q975"],
        res["TOTAL_TCO2E_SD"],
    )
    assert 0 < lo < mean < hi and sd > 0
    assert res["SEED"] == 42 and res["ITERATIONS"] == 200

    summary = _rows(res["OUTPUT_SUMMARY"])
    levels = {r["level"] for r in summary}
    assert levels == {"plot", "stratum_per_ha", "stratum", "total_per_ha", "total"}
    plots = [r for r in summary if r["level"] == "plot"]
    assert len(plots) == QgsVectorLayer(f"{GPKG}|layername=plots", "p", "ogr").featureCount()
    strata = {r["id"] for r in summary if r["level"] == "stratum"}
    assert strata == {"park", "institutional", "street", "riparian", "residential"}
    total = [r for r in summary if r["level"] == "total"][0]
    assert total["unit"] == "t CO2e" and total["seed"] == 42 and total["iterations"] == 200
    assert math.isclose(total["mean"], mean)
    # the MC mean stays close to the deterministic point estimate (errors are ~ unbiased)
    assert abs(total["mean"] - total["point"]) < 0.05 * total["point"]
    assert total["q025"] <= total["median"] <= total["q975"]

    budget = {r["source"]: r for r in _rows(res["OUTPUT_BUDGET"])}
    assert {"dbh", "height", "wood_density", "model", "carbon_fraction", "sampling"} <= set(budget)
    assert "combined" in budget
    shares = [r["share_pct"] for s, r in budget.items() if s != "combined"]
    assert math.isclose(sum(shares), 100.0, rel_tol=1e-9)
    # analytic combination: combined variance = MC variance + design-based sampling variance
    assert budget["combined"]["variance"] > budget["sampling"]["variance"]


def test_same_seed_same_result_and_chunking(processing, trees_2568, tmp_path):
    a = processing.run(
        "carbonpool:uncertainty",
        _params(trees_2568, tmp_path / "a", SAMPLING=1, ITERATIONS=60, CHUNK_SIZE=7),
    )
    b = processing.run(
        "carbonpool:uncertainty",
        _params(trees_2568, tmp_path / "b", SAMPLING=1, ITERATIONS=60, CHUNK_SIZE=0),
    )
    for key in ("TOTAL_TCO2E_MEAN", "TOTAL_TCO2E_Q025", "TOTAL_TCO2E_Q975", "TOTAL_TCO2E_SD"):
        assert a[key] == b[key]
    c = processing.run(
        "carbonpool:uncertainty",
        _params(trees_2568, tmp_path / "c", SAMPLING=1, ITERATIONS=60, SEED=7),
    )
    assert c["TOTAL_TCO2E_MEAN"] != a["TOTAL_TCO2E_MEAN"]
    assert c["SEED"] == 7


def test_missing_treebiomass_columns_is_a_clear_error(processing, tmp_path):
    params = _params(SAMPLE / "trees_2568.csv", tmp_path)
    with pytest.raises(QgsProcessingException, match="Tree biomass"):
        processing.run("carbonpool:uncertainty", params)


def test_without_budget_only_combined_row(processing, trees_2568, tmp_path):
    res = processing.run(
        "carbonpool:uncertainty",
        _params(trees_2568, tmp_path, ITERATIONS=30, ERROR_BUDGET=False, SAMPLING=2),
    )
    budget = _rows(res["OUTPUT_BUDGET"])
    assert [r["source"] for r in budget] == ["combined"]
    assert math.isclose(budget[0]["sd"], res["TOTAL_TCO2E_SD"])
