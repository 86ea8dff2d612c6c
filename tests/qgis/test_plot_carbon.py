"""carbonpool:plotcarbon on hand-made layers (answers computed here) and on the sample town.

Source of the arithmetic: science.md §0 (b_p = Σ trees / A_plot; 1 ha = 6.25 rai) and §1.3
(T-VER: BGB = 0.27 AGB, C = 0.47 (AGB + BGB)); §1.4 (tree = DBH ≥ 4.5 cm, T-VER-P-TOOL-01-02).
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from .layer_factory import RecordingFeedback, memory_layer, square, trees_layer

X0, Y0 = 640000.0, 1580000.0


def _plots(crs="EPSG:32647", geometry="Polygon", with_area=False, p3_date=None):
    fields = [("plot_id", "s"), ("fraction", "d"), ("status", "s"), ("date", "s")]
    if with_area:
        fields.append(("area_m2", "d"))
    rows = []
    for i, (pid, frac, status, date) in enumerate(
        (
            ("P1", 0.5, "active", "2025-03-03"),
            ("P2", 1.0, "active", "2025-03-04"),
            ("P3", 1.0, "abandoned", p3_date),
        )
    ):
        wkt = square(X0 + 100 * i, Y0, 20.0)
        if geometry == "Point":
            wkt = "POINT({} {})".format(X0 + 100 * i + 10, Y0 + 10)
        values = [pid, frac, status, date] + ([400.0] if with_area else [])
        rows.append((wkt, values))
    return memory_layer(geometry, fields, rows, crs=crs, name="plots")


def _trees():
    return trees_layer(
        [
            ("P1", "1", "มีชีวิต", 20.0, 100.0),
            ("P1", "2", "ตาย", 15.0, 50.0),  # dead: not in the live-tree pool
            ("P1", "3", "ใหม่", 6.0, 10.0),  # new (ingrowth): alive
            ("P1", "4", "มีชีวิต", 3.0, 1.0),  # DBH 3 < 4.5: sapling, excluded
            ("P9", "1", "alive", 10.0, 20.0),  # orphan: no plot P9
            ("P3", "1", "alive", 10.0, 20.0),  # on the abandoned plot
        ]
    )


def _run(processing, tmp_path, plots, **extra):
    feedback = RecordingFeedback()
    params = {
        "TREES": _trees(),
        "PLOTS": plots,
        "FRACTION_FIELD": "fraction",
        "STATUS_FIELD": "status",
        "OUTPUT": str(tmp_path / "plots.gpkg"),
    }
    params.update(extra)
    result = processing.run("carbonpool:plotcarbon", params, feedback=feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    return result, {f["plot_id"]: f for f in layer.getFeatures()}, feedback


def test_hand_made_plots(processing, tmp_path):
    result, plots, feedback = _run(processing, tmp_path, _plots())
    # P1: AGB 100 + 10 = 110 kg over 400 m² × 0.5 = 0.02 ha
    agb = 110.0
    carbon_kg = 0.47 * 1.27 * agb
    p1 = plots["P1"]
    assert p1["area_m2"] == pytest.approx(400.0, rel=1e-9)  # planar footprint area
    assert p1["n_trees"] == 2 and p1["n_dead"] == 1 and p1["n_saplings"] == 1
    assert p1["agb_t_ha"] == pytest.approx(agb / 1000 / 0.02)
    assert p1["bgb_t_ha"] == pytest.approx(0.27 * agb / 1000 / 0.02)
    assert p1["carbon_t_ha"] == pytest.approx(carbon_kg / 1000 / 0.02)
    assert p1["carbon_t_rai"] == pytest.approx(carbon_kg / 1000 / 0.02 / 6.25)
    assert p1["co2e_t_ha"] == pytest.approx(carbon_kg * 44 / 12 / 1000 / 0.02)
    # P2 measured with no trees: zeros, not missing
    p2 = plots["P2"]
    assert p2["n_trees"] == 0 and p2["carbon_t_ha"] == 0.0 and p2["co2e_t_rai"] == 0.0
    # P3 abandoned without a date: left out and reported; its tree is not an orphan
    assert "P3" not in plots and result["N_EXCLUDED_PLOTS"] == 1
    assert result["N_ORPHAN_TREES"] == 1
    assert "P9 (1)" in feedback.text() and "abandoned" in feedback.text()
    assert result["N_PLOTS"] == 2 and result["N_TREES"] == 2
    assert result["MEAN_CARBON_T_HA"] == pytest.approx(carbon_kg / 1000 / 0.02 / 2)


def test_abandoned_plot_with_a_date_is_kept_and_saplings_included(processing, tmp_path):
    result, plots, feedback = _run(
        processing, tmp_path, _plots(p3_date="2025-03-05"), DATE_FIELD="date", SAPLING_RULE=1
    )
    # P3 is abandoned now but has a date: it was measured on this occasion, so it is kept
    assert result["N_EXCLUDED_PLOTS"] == 0 and plots["P3"]["n_trees"] == 1
    assert plots["P3"]["date"] == "2025-03-05"
    # saplings included: P1 sums 100 + 10 + 1 kg AGB
    assert plots["P1"]["n_trees"] == 3 and plots["P1"]["n_saplings"] == 0
    assert plots["P1"]["agb_t_ha"] == pytest.approx(111.0 / 1000 / 0.02)
    assert result["N_ORPHAN_TREES"] == 1


def test_points_need_an_area_field(processing, tmp_path):
    with pytest.raises(QgsProcessingException):
        _run(processing, tmp_path, _plots(geometry="Point"))
    result, plots, _ = _run(
        processing, tmp_path, _plots(geometry="Point", with_area=True), PLOT_AREA_FIELD="area_m2"
    )
    assert plots["P1"]["effective_area_m2"] == pytest.approx(200.0)


def test_geographic_plots_give_ellipsoidal_areas(processing, tmp_path):
    projected = _plots()
    geographic = processing.run(
        "native:reprojectlayer",
        {"INPUT": projected, "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"},
    )["OUTPUT"]
    _r, plots, feedback = _run(processing, tmp_path, geographic)
    assert plots["P1"]["area_m2"] == pytest.approx(400.0, rel=0.005)
    assert "ellipsoidal" in feedback.text()


def test_sample_town(sample_epochs):
    r68 = sample_epochs["2568"]["result"]
    r72 = sample_epochs["2572"]["result"]
    assert r68["N_PLOTS"] == 52  # the abandoned plot was measured in 2568 (date_1 set)
    assert r72["N_PLOTS"] == 51 and r72["N_EXCLUDED_PLOTS"] == 1
    assert r68["N_ORPHAN_TREES"] == 1  # TH-SAMPLE-01-PK-0099 (resources/sample/README.md)
    assert r68["N_SAPLINGS"] == 1  # girth 11 cm = DBH 3.5 cm
    assert r68["N_DEAD"] == 2 and r72["N_DEAD"] == 61
    layer = QgsVectorLayer(sample_epochs["2568"]["plots"], "p", "ogr")
    by_id = {f["plot_id"]: f for f in layer.getFeatures()}
    empty = by_id["TH-SAMPLE-01-RS-0006"]
    assert empty["n_trees"] == 0 and empty["carbon_t_ha"] == 0.0
    assert by_id["TH-SAMPLE-01-ST-0002"]["effective_area_m2"] == pytest.approx(400 * 0.544)
    assert layer.wkbType() != 100  # footprints kept


def test_no_tree_matching_a_plot_is_an_error(processing, tmp_path):
    """Every tree's plot id misses the plots (e.g. a prefix added in one table): every plot would
    read 0 tC/ha, so the run stops and shows ids from both sides."""
    trees = trees_layer([("ZZ-P1", "1", "alive", 20.0, 100.0), ("ZZ-P2", "1", "alive", 15.0, 50.0)])
    with pytest.raises(QgsProcessingException, match=r"No tree matched a plot.*ZZ-P1.*P1"):
        _run(processing, tmp_path, _plots(), TREES=trees)


def test_empty_tree_table_warns(processing, tmp_path):
    result, rows, feedback = _run(processing, tmp_path, _plots(), TREES=trees_layer([]))
    assert set(rows) == {"P1", "P2"} and all(r["carbon_t_ha"] == 0 for r in rows.values())
    assert any("tree table has no rows" in m for m in feedback.messages)
