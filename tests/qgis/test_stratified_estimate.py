"""carbonpool:stratifiedestimate: hand calculation (CDM AR-TOOL14 Eq. 12–17, science.md §6.1),
T-VER deduction (T-VER-P-TOOL-01-02 ≡ AR-TOOL14 Appendix 2, §6.4), small strata, the map, styling,
geographic CRS and the sample town."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from qgis.core import (
    NULL,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)
from scipy import stats

from carbon_pool_plugin.core.estimation import stratified_estimate
from carbon_pool_plugin.paths import STYLES_DIR

from .layer_factory import RecordingFeedback, memory_layer, square

X0, Y0 = 640000.0, 1580000.0
C2CO2 = 44.0 / 12.0


def _strata(with_c=False):
    rows = [
        (square(X0, Y0, 100.0), ["GS-1", "A"]),  # 1 ha
        (square(X0 + 200, Y0, 100.0), ["GS-2", "A"]),  # 1 ha
        (square(X0 + 400, Y0, 300.0, 100.0), ["GS-3", "B"]),  # 3 ha
    ]
    if with_c:
        rows.append((square(X0 + 800, Y0, 100.0), ["GS-4", "C"]))  # 1 ha
    return memory_layer("Polygon", [("gs_id", "s"), ("class_code", "s")], rows, name="green")


# plot id, stratum, carbon tC/ha, point inside its polygon
PLOTS = [
    ("A1", "A", 10.0, (X0 + 20, Y0 + 20)),
    ("A2", "A", 20.0, (X0 + 60, Y0 + 60)),
    ("A3", "A", 30.0, (X0 + 250, Y0 + 50)),
    ("B1", "B", 40.0, (X0 + 450, Y0 + 50)),
    ("B2", "B", 60.0, (X0 + 600, Y0 + 50)),
]


def _plots(extra=(), points=False):
    rows = []
    for pid, stratum, value, (x, y) in list(PLOTS) + list(extra):
        wkt = "POINT({} {})".format(x, y) if points else None
        rows.append((wkt, [pid, stratum, value, "tver"]))
    fields = [("plot_id", "s"), ("stratum", "s"), ("carbon_t_ha", "d"), ("method", "s")]
    return memory_layer("Point" if points else "None", fields, rows, name="plots")


def _run(processing, tmp_path, plots, strata, **extra):
    tmp_path.mkdir(parents=True, exist_ok=True)
    feedback = RecordingFeedback()
    params = {
        "PLOTS": plots,
        "STRATA": strata,
        "STRATUM_FIELD": "class_code",
        "OUTPUT": str(tmp_path / "map.gpkg"),
        "OUTPUT_STRATA": str(tmp_path / "strata.gpkg"),
    }
    params.update(extra)
    result = processing.run("carbonpool:stratifiedestimate", params, feedback=feedback)
    return result, feedback


def _rows(path):
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.isValid()
    return list(layer.getFeatures())


def test_hand_calculation_ar_tool14(processing, tmp_path):
    result, feedback = _run(processing, tmp_path, _plots(), _strata())
    # Eq. 13: w_A = 2/5, w_B = 3/5; Eq. 14: b_A = 20, b_B = 50; Eq. 15: s²_A = 100, s²_B = 200
    b = 0.4 * 20 + 0.6 * 50  # Eq. 12 = 38
    se = math.sqrt(0.4**2 * 100 / 3 + 0.6**2 * 200 / 2)
    t90 = stats.t.ppf(0.95, 5 - 2)  # df = n - M = 3
    t95 = stats.t.ppf(0.975, 3)
    u90 = t90 * se / b * 100  # Eq. 16/17
    assert result["MEAN_TC_HA"] == pytest.approx(b)
    assert result["AREA_HA"] == pytest.approx(5.0)
    assert result["N_PLOTS"] == 5
    assert result["TOTAL_TC"] == pytest.approx(5 * b)
    assert result["TOTAL_TCO2E"] == pytest.approx(5 * b * C2CO2)
    assert result["U90_PCT"] == pytest.approx(u90)
    assert result["TOTAL_TCO2E_CI90_LOW"] == pytest.approx(5 * (b - t90 * se) * C2CO2)
    assert result["TOTAL_TCO2E_CI95_HIGH"] == pytest.approx(5 * (b + t95 * se) * C2CO2)
    # U = 39.8 % > 30 % -> d = 100 % of the half-width (science.md §6.4), project kind
    assert u90 > 30 and result["DEDUCTION_PCT"] == 100.0
    assert result["CONSERVATIVE_TCO2E"] == pytest.approx(5 * (b - t90 * se) * C2CO2)
    # the same numbers as core
    core = stratified_estimate(
        pd.DataFrame({"stratum": [p[1] for p in PLOTS], "value": [p[2] for p in PLOTS]}),
        {"A": 2.0, "B": 3.0},
    )
    assert result["TOTAL_TCO2E"] == pytest.approx(core.totals["co2e_total"])
    # stratum table: one row per stratum + ALL
    rows = {(f["stratum"], f["row_type"]): f for f in _rows(result["OUTPUT_STRATA"])}
    assert set(rows) == {("A", "stratum"), ("B", "stratum"), ("ALL", "total")}
    a = rows[("A", "stratum")]
    assert a["n"] == 3 and a["mean"] == pytest.approx(20) and a["sd"] == pytest.approx(10)
    assert a["se"] == pytest.approx(10 / math.sqrt(3)) and a["area_rai"] == pytest.approx(12.5)
    assert a["ci90_low"] == pytest.approx(20 - t90 * 10 / math.sqrt(3))
    assert rows[("ALL", "total")]["total_tco2e"] == pytest.approx(result["TOTAL_TCO2E"])
    # map: every polygon; totals = Σ area × density
    polys = _rows(result["OUTPUT"])
    assert len(polys) == 3
    assert {f["gs_id"] for f in polys} == {"GS-1", "GS-2", "GS-3"}  # input fields kept
    assert sum(f["carbon_t"] for f in polys) == pytest.approx(result["TOTAL_TC"])
    for f in polys:
        assert f["carbon_t"] == pytest.approx(f["area_ha"] * f["density_tc_ha"])
        assert f["density_tco2e_rai"] == pytest.approx(f["density_tc_ha"] * C2CO2 / 6.25)
        assert f["density_source"] == "stratum"
    assert "planar" in feedback.text() and "U = 39.8" in feedback.text()


def test_plots_inside_polygon_and_location(processing, tmp_path):
    # no stratum field on the plots: strata come from the polygons by location
    plots = memory_layer(
        "Point",
        [("plot_id", "s"), ("carbon_t_ha", "d")],
        [("POINT({} {})".format(x, y), [pid, v]) for pid, _s, v, (x, y) in PLOTS],
    )
    result, feedback = _run(
        processing, tmp_path, plots, _strata(), POLYGON_DENSITY=1, MIN_PLOTS_IN_POLYGON=2
    )
    assert "by location" in feedback.text()
    assert result["MEAN_TC_HA"] == pytest.approx(38.0)
    polys = {f["gs_id"]: f for f in _rows(result["OUTPUT"])}
    assert polys["GS-1"]["density_source"] == "plots" and polys["GS-1"]["n_plots_in_polygon"] == 2
    assert polys["GS-1"]["density_tc_ha"] == pytest.approx(15.0)  # mean of 10 and 20
    t95 = stats.t.ppf(0.975, 1)
    assert polys["GS-1"]["carbon_t_ci95_high"] == pytest.approx(1.0 * (15 + t95 * 5.0))
    assert polys["GS-2"]["density_source"] == "stratum"  # 1 plot < 2
    assert polys["GS-2"]["density_tc_ha"] == pytest.approx(20.0)


def test_small_strata_merge_exclude_error(processing, tmp_path):
    extra = [("C1", "C", 70.0, (X0 + 850, Y0 + 50))]
    result, feedback = _run(
        processing, tmp_path, _plots(extra), _strata(with_c=True), MERGE_MAP="C:B"
    )
    # C (1 plot, 1 ha) merged into B: B has 40, 60, 70 over 4 ha
    b = (2 * 20 + 4 * (170 / 3)) / 6
    assert result["MEAN_TC_HA"] == pytest.approx(b)
    rows = {(f["stratum"], f["row_type"]): f for f in _rows(result["OUTPUT_STRATA"])}
    assert ("C", "merged") in rows and rows[("C", "merged")]["members"] == "B"
    polys = {f["gs_id"]: f for f in _rows(result["OUTPUT"])}
    assert polys["GS-4"]["stratum_used"] == "B"
    assert "merged" in feedback.text()

    result, _ = _run(
        processing, tmp_path / "x", _plots(extra), _strata(with_c=True), SMALL_STRATA=1
    )
    assert result["AREA_HA"] == pytest.approx(5.0) and result["MEAN_TC_HA"] == pytest.approx(38)
    rows = {(f["stratum"], f["row_type"]): f for f in _rows(result["OUTPUT_STRATA"])}
    assert rows[("C", "excluded")]["area_ha"] == pytest.approx(1.0)
    polys = {f["gs_id"]: f for f in _rows(result["OUTPUT"])}
    assert polys["GS-4"]["density_source"] == "excluded"
    assert polys["GS-4"]["carbon_t"] in (None, NULL)  # never a silent 0

    with pytest.raises(QgsProcessingException):
        _run(processing, tmp_path / "y", _plots(extra), _strata(with_c=True), SMALL_STRATA=2)


def test_zero_plot_stratum_without_merge_target_is_pooled(processing, tmp_path):
    result, feedback = _run(processing, tmp_path, _plots(), _strata(with_c=True))
    rows = {(f["stratum"], f["row_type"]): f for f in _rows(result["OUTPUT_STRATA"])}
    assert ("C", "merged") in rows and rows[("C", "merged")]["n"] == 0
    assert "whole-sample" in feedback.text()
    assert result["AREA_HA"] == pytest.approx(6.0)


def test_biomass_value_kind(processing, tmp_path):
    result, _ = _run(processing, tmp_path, _plots(), _strata(), VALUE_KIND=1, CF=0.5)
    assert result["TOTAL_TC"] == pytest.approx(5 * 38 * 0.5)
    assert result["TOTAL_TCO2E"] == pytest.approx(5 * 38 * 0.5 * C2CO2)


def test_style_files_and_post_processor(processing, tmp_path):
    for name in ("carbon_density.qml", "sequestration.qml", "plots_status.qml"):
        root = ET.parse(str(STYLES_DIR / name)).getroot()
        assert root.tag == "qgis"
    text = (STYLES_DIR / "carbon_density.qml").read_text(encoding="utf-8")
    assert 'attr="density_tc_ha"' in text and "tC/ha" in text and "graduatedSymbol" in text

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = str(tmp_path / "styled.gpkg")
    result = processing.run(
        "carbonpool:stratifiedestimate",
        {
            "PLOTS": _plots(),
            "STRATA": _strata(),
            "STRATUM_FIELD": "class_code",
            "OUTPUT": QgsProcessingOutputLayerDefinition(out, QgsProject.instance()),
            "OUTPUT_STRATA": str(tmp_path / "s.gpkg"),
        },
        context=context,
    )
    dest = result["OUTPUT"]
    assert context.willLoadLayerOnCompletion(dest)
    processor = context.layerToLoadOnCompletionDetails(dest).postProcessor()
    assert processor is not None
    layer = QgsVectorLayer(dest, "map", "ogr")
    processor.postProcessLayer(layer, context, RecordingFeedback())
    assert layer.renderer().type() == "graduatedSymbol"
    assert layer.renderer().classAttribute() == "density_tc_ha"
    assert all("tC/ha" in r.label() for r in layer.renderer().ranges())


def test_sample_town_and_geographic_crs(processing, sample_epochs, tmp_path):
    gpkg = sample_epochs["gpkg"]
    params = {
        "PLOTS": sample_epochs["2568"]["plots"],
        "STRATUM_FIELD": "class_code",
        "BOUNDARY": gpkg + "|layername=boundary",
    }
    feedback = RecordingFeedback()
    projected = processing.run(
        "carbonpool:stratifiedestimate",
        dict(
            params,
            STRATA=gpkg + "|layername=green_space",
            OUTPUT=str(tmp_path / "m1.gpkg"),
            OUTPUT_STRATA=str(tmp_path / "s1.gpkg"),
        ),
        feedback=feedback,
    )
    # resources/sample/README.md: green space 251.7 ha = 20.5 % of 1226.9 ha
    assert projected["AREA_HA"] == pytest.approx(251.7, abs=0.1)
    assert projected["GREEN_SHARE_PCT"] == pytest.approx(20.5, abs=0.1)
    assert projected["N_PLOTS"] == 52
    polys = _rows(projected["OUTPUT"])
    assert len(polys) == 353
    assert sum(f["co2e_t"] for f in polys) == pytest.approx(projected["TOTAL_TCO2E"], rel=1e-9)
    assert projected["TOTAL_TCO2E_CI95_LOW"] < projected["TOTAL_TCO2E"]
    assert projected["TOTAL_TCO2E"] < projected["TOTAL_TCO2E_CI95_HIGH"]

    geographic = processing.run(
        "native:reprojectlayer",
        {
            "INPUT": gpkg + "|layername=green_space",
            "TARGET_CRS": "EPSG:4326",
            "OUTPUT": str(tmp_path / "green_4326.gpkg"),
        },
    )["OUTPUT"]
    feedback = RecordingFeedback()
    geo = processing.run(
        "carbonpool:stratifiedestimate",
        dict(
            params,
            STRATA=geographic,
            OUTPUT=str(tmp_path / "m2.gpkg"),
            OUTPUT_STRATA=str(tmp_path / "s2.gpkg"),
        ),
        feedback=feedback,
    )
    assert "ellipsoidal" in feedback.text()
    assert geo["AREA_HA"] == pytest.approx(projected["AREA_HA"], rel=0.005)
    assert geo["TOTAL_TCO2E"] == pytest.approx(projected["TOTAL_TCO2E"], rel=0.005)
