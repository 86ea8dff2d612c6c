"""carbonpool:stockchange: tree bookkeeping, per-plot change, stratified change from per-plot
differences (AR-TOOL14 §6.2, science.md §6.2), independent estimates (AR-TOOL14 §6.1,
science.md §6.3), annual rates with fractional years (Eq. 11), and the sample town."""

from __future__ import annotations

import math

import pytest
from qgis.core import QgsVectorLayer
from scipy import stats

from .layer_factory import RecordingFeedback, memory_layer, square, trees_layer

X0, Y0 = 640000.0, 1580000.0
C2CO2 = 44.0 / 12.0
# carbon of a tree = 0.47 × 1.27 × AGB (T-VER, science.md §1.3); per ha over 400 m² = /0.04 ha
K = 0.47 * 1.27 / 1000.0 / 0.04  # tC/ha per kg AGB


def _strata():
    rows = [
        (square(X0, Y0, 100.0), ["GS-1", "A"]),
        (square(X0 + 200, Y0, 100.0), ["GS-2", "A"]),
        (square(X0 + 400, Y0, 300.0, 100.0), ["GS-3", "B"]),
    ]
    return memory_layer("Polygon", [("gs_id", "s"), ("class_code", "s")], rows)


def _plots():
    fields = [
        ("plot_id", "s"),
        ("stratum", "s"),
        ("area_m2", "d"),
        ("status", "s"),
        ("date_1", "s"),
        ("date_2", "s"),
    ]
    rows = [
        ["A1", "A", 400.0, "active", "2025-01-01", "2029-01-01"],
        ["A2", "A", 400.0, "active", "2025-01-01", "2029-01-01"],
        ["A3", "A", 400.0, "abandoned", "2025-01-01", None],
        ["B1", "B", 400.0, "active", "2025-01-01", "2029-01-01"],
        ["B2", "B", 400.0, "active", "2025-01-01", "2029-01-01"],
    ]
    return memory_layer("None", fields, [(None, r) for r in rows])


T1 = [
    ("A1", "1", "มีชีวิต", 20.0, 100.0),
    ("A1", "2", "มีชีวิต", 15.0, 50.0),
    ("A2", "1", "alive", 25.0, 200.0),
    ("A3", "1", "alive", 18.0, 80.0),
    ("B1", "1", "alive", 30.0, 300.0),
    ("B2", "1", "alive", 20.0, 100.0),
]
T2 = [
    ("A1", "1", "มีชีวิต", 21.0, 120.0),  # survivor +20
    ("A1", "2", "ตาย", 15.0, 50.0),  # mortality -50
    ("A1", "3", "ใหม่", 5.0, 10.0),  # ingrowth +10
    ("A2", "1", "alive", 27.0, 260.0),  # survivor +60
    ("B1", "1", "alive", 28.0, 280.0),  # survivor -20, DBH shrank 2 cm > 1 cm
    ("B2", "1", "alive", 22.0, 140.0),  # survivor +40
    ("B2", "", "alive", 5.0, 5.0),  # blank tag: ingrowth, MISSING_TAG
]


def _run(processing, tmp_path, **extra):
    feedback = RecordingFeedback()
    params = {
        "TREES_T1": trees_layer(T1, "t1"),
        "TREES_T2": trees_layer(T2, "t2"),
        "PLOTS": _plots(),
        "PLOT_AREA_FIELD": "area_m2",
        "PLOT_STATUS_FIELD": "status",
        "DATE1_FIELD": "date_1",
        "DATE2_FIELD": "date_2",
        "STRATA": _strata(),
        "STRATUM_FIELD": "class_code",
        "OUTPUT_TREES": str(tmp_path / "trees.csv"),
        "OUTPUT_PLOTS": str(tmp_path / "plots.gpkg"),
        "OUTPUT_STRATA": str(tmp_path / "strata.gpkg"),
        "OUTPUT_MAP": str(tmp_path / "map.gpkg"),
    }
    params.update(extra)
    return processing.run("carbonpool:stockchange", params, feedback=feedback), feedback


def _features(path):
    layer = QgsVectorLayer(path, "x", "ogr")
    assert layer.isValid()
    return list(layer.getFeatures())


def test_hand_made_change(processing, tmp_path):
    result, feedback = _run(processing, tmp_path)
    # 2025-01-01 -> 2029-01-01 = 1461 days / 365.25 = 4 years exactly
    assert result["YEARS"] == pytest.approx(4.0)
    assert result["N_SURVIVORS"] == 4 and result["N_MORTALITY"] == 1
    assert result["N_INGROWTH"] == 2 and result["N_TAG_PROBLEMS"] == 2
    assert result["N_PLOTS_REMEASURED"] == 4
    assert "A3" in feedback.text()  # not re-measured: reported

    trees = {(f["plot"], f["tag"]): f for f in _features(result["OUTPUT_TREES"])}
    assert trees[("A1", "2")]["class"] == "mortality"
    assert trees[("A1", "3")]["class"] == "ingrowth"
    assert "DBH_SHRANK" in trees[("B1", "1")]["flags"]

    plots = {f["plot_id"]: f for f in _features(result["OUTPUT_PLOTS"])}
    a1 = plots["A1"]
    assert a1["net_change_t_ha"] == pytest.approx(-20 * K)
    assert a1["mortality_t_ha"] == pytest.approx(-50 * K)  # losses stay negative
    assert a1["gross_growth_t_ha"] == pytest.approx(30 * K)  # +20 survivor +10 ingrowth
    assert a1["annual_net_t_ha_yr"] == pytest.approx(-5 * K)
    assert abs(a1["residual_t_ha"]) < 1e-9
    assert plots["A3"]["remeasured"] == 0

    # AR-TOOL14 §6.2 on per-plot annual differences (tC/ha/yr):
    # A: -5K, 15K (mean 5K, s² 200K²); B: -5K, 11.25K (mean 3.125K, s² 132.03125K²)
    mean = 0.4 * 5 * K + 0.6 * 3.125 * K
    se = math.sqrt(0.4**2 * 200 * K**2 / 2 + 0.6**2 * 132.03125 * K**2 / 2)
    t90 = stats.t.ppf(0.95, 4 - 2)
    assert result["ANNUAL_TCO2E_YR"] == pytest.approx(5 * mean * C2CO2)
    assert result["ANNUAL_TCO2E_YR_CI90_LOW"] == pytest.approx(5 * (mean - t90 * se) * C2CO2)
    assert result["U90_PCT"] == pytest.approx(t90 * se / mean * 100)
    assert result["NET_CHANGE_TCO2E"] == pytest.approx(4 * 5 * mean * C2CO2)

    # AR-TOOL14 §6.1: independent stocks, t1 with A3, t2 without it
    c1 = 5 * (0.4 * (150 + 200 + 80) / 3 + 0.6 * (300 + 100) / 2) * K
    c2 = 5 * (0.4 * (130 + 260) / 2 + 0.6 * (280 + 145) / 2) * K
    assert result["INDEPENDENT_NET_CHANGE_TCO2E"] == pytest.approx((c2 - c1) * C2CO2)
    assert result["INDEPENDENT_ANNUAL_TCO2E_YR"] == pytest.approx((c2 - c1) * C2CO2 / 4)

    strata = _features(result["OUTPUT_STRATA"])
    methods = {(f["stratum"], f["method"].split(" ")[0]) for f in strata}
    assert ("ALL", "paired") in methods and ("ALL", "independent") in methods
    assert ("A", "paired") in methods and ("B", "independent") in methods

    polys = {f["gs_id"]: f for f in _features(result["OUTPUT_MAP"])}
    assert polys["GS-1"]["seq_tco2e_ha_yr"] == pytest.approx(5 * K * C2CO2)
    assert polys["GS-3"]["seq_tco2e_yr"] == pytest.approx(3 * 3.125 * K * C2CO2)
    assert sum(f["seq_tco2e_yr"] for f in polys.values()) == pytest.approx(
        result["ANNUAL_TCO2E_YR"]
    )


def test_dates_as_parameters(processing, tmp_path):
    result, _ = _run(
        processing,
        tmp_path,
        DATE1_FIELD=None,
        DATE2_FIELD=None,
        DATE1="2025-01-01",
        DATE2="2029-05-01",
    )
    # without per-plot dates the abandoned plot A3 is taken as not measured at t2 only
    assert result["N_PLOTS_REMEASURED"] == 4
    assert result["YEARS"] == pytest.approx((1461 + 120) / 365.25)


def test_sample_town(processing, sample_epochs, tmp_path):
    gpkg = sample_epochs["gpkg"]
    feedback = RecordingFeedback()
    result = processing.run(
        "carbonpool:stockchange",
        {
            "TREES_T1": sample_epochs["2568"]["trees"],
            "TREES_T2": sample_epochs["2572"]["trees"],
            "PLOTS": gpkg + "|layername=plots",
            "PLOT_AREA_FIELD": "area_m2",
            "FRACTION_FIELD": "fraction",
            "PLOT_STATUS_FIELD": "status",
            "DATE1_FIELD": "date_1",
            "DATE2_FIELD": "date_2",
            "STRATA": gpkg + "|layername=green_space",
            "STRATUM_FIELD": "class_code",
            "OUTPUT_TREES": str(tmp_path / "t.csv"),
            "OUTPUT_PLOTS": str(tmp_path / "p.gpkg"),
            "OUTPUT_STRATA": str(tmp_path / "s.csv"),
            "OUTPUT_MAP": str(tmp_path / "m.gpkg"),
        },
        feedback=feedback,
    )
    # resources/sample/README.md: ST-0006 abandoned (no re-measurement), the ghost plot PK-0099
    assert result["N_PLOTS_REMEASURED"] == 51
    assert "TH-SAMPLE-01-ST-0006" in feedback.text()
    assert "TH-SAMPLE-01-PK-0099" in feedback.text()
    # 61 dead in 2572 of which 2 were already dead in 2568
    assert result["N_MORTALITY"] == 59
    # 99 new tags + the sapling crossing 4.5 cm + the duplicated tag's second record
    assert result["N_INGROWTH"] == 101
    assert result["N_TAG_PROBLEMS"] >= 3  # duplicate tag, changed species, shrinking girth
    assert result["YEARS"] == pytest.approx(4.0, abs=0.02)
    assert result["ANNUAL_TCO2E_YR"] > 0
    assert result["ANNUAL_TCO2E_YR_CI90_LOW"] < result["ANNUAL_TCO2E_YR"]
    assert result["NET_CHANGE_TCO2E"] == pytest.approx(
        result["ANNUAL_TCO2E_YR"] * result["YEARS"], rel=0.01
    )
    trees = _features(result["OUTPUT_TREES"])
    species = [f for f in trees if "SPECIES_CHANGED" in (f["flags"] or "")]
    assert len(species) == 1 and species[0]["plot"] == "TH-SAMPLE-01-ST-0001"
    plots = _features(result["OUTPUT_PLOTS"])
    assert all(abs(f["residual_t_ha"]) < 1e-6 for f in plots if f["remeasured"] == 1), (
        "tree components must add up to the plot change"
    )
    assert len(_features(result["OUTPUT_MAP"])) == 353
