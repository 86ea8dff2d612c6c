"""Plot network design core (science.md section 7): shapes, serpentine numbering, ids, random and
systematic designs, minimum distance, shortfall, sample-size plan."""

from __future__ import annotations

import hashlib
import math
import time

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import pdist

from carbon_pool_plugin.core import plot_design as pd_core
from carbon_pool_plugin.core.plot_design import (
    EDGE_CENTRE,
    EDGE_INSIDE,
    PathContainment,
    PolygonSet,
    allocation_from_table,
    assign_ids,
    design_grid,
    design_random,
    make_shape,
    new_plot_ids,
    parse_key_values,
    sample_size_plan,
    serpentine_cells,
    serpentine_number,
    stratum_codes,
    utm_epsg,
)
from carbon_pool_plugin.core.sampling_stats import sample_size


def _rect(x0, y0, x1, y1):
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], dtype=float)


def _world():
    """Two strata: a 400 x 300 m park with a 100 x 100 m lake (hole), and two 30 m wide strips."""
    rings = [
        [_rect(0, 0, 400, 300), _rect(150, 100, 250, 200)],
        [_rect(500, 0, 530, 600)],
        [_rect(600, 0, 900, 30)],
    ]
    polys = PolygonSet(
        stratum=["park", "street", "street"],
        bbox=[[0, 0, 400, 300], [500, 0, 530, 600], [600, 0, 900, 30]],
        area=[400 * 300 - 100 * 100, 30 * 600, 300 * 30],
    )
    return rings, polys


def _hash(frame: pd.DataFrame) -> str:
    return hashlib.sha256(np.round(frame[["x", "y"]].to_numpy(float), 6).tobytes()).hexdigest()


# ---- subplot numbering ---------------------------------------------------------------------


def test_serpentine_matches_science_7_2_description():
    """science.md 7.2 (TGO T-VER-S-TOOL-01-01 plotfield.png): 100 x 100 m, 100 subplots of
    10 x 10 m, numbered serpentine 1-100: 1 at the SE corner running north to 10, then (next
    column west) south to 20, and so on."""
    shape, _ = make_shape("square100")
    cells = shape.subplots(50.0, 50.0)  # plot spans x 0..100, y 0..100
    assert [n for n, _ in cells] == list(range(1, 101))
    by_number = {n: ring[:-1].min(axis=0) for n, ring in cells}  # SW corner of each subplot
    # written out: column 1 (easternmost, x 90-100) runs north 1..10 from the SE corner
    for k in range(10):
        assert tuple(by_number[1 + k]) == (90.0, 10.0 * k)
    # column 2 (x 80-90) runs south: 11 at the north end, 20 at the south end
    for k in range(10):
        assert tuple(by_number[11 + k]) == (80.0, 90.0 - 10.0 * k)
    # column 3 runs north again; the last column (x 0-10) runs south, 100 at the SW corner
    assert tuple(by_number[21]) == (70.0, 0.0)
    assert tuple(by_number[30]) == (70.0, 90.0)
    assert tuple(by_number[91]) == (0.0, 90.0)
    assert tuple(by_number[100]) == (0.0, 0.0)
    # neighbours in number are neighbours on the ground (a walkable path)
    for n in range(1, 100):
        step = np.abs(by_number[n + 1] - by_number[n]).sum()
        assert step == 10.0


def test_serpentine_helpers_and_40m_plot():
    assert serpentine_number(0, 0, 10) == 1
    assert serpentine_number(0, 9, 10) == 10
    assert serpentine_number(1, 9, 10) == 11
    assert serpentine_number(1, 0, 10) == 20
    assert serpentine_number(9, 0, 10) == 100
    cells = serpentine_cells(4, 4)
    assert [c[0] for c in cells] == list(range(1, 17))
    assert cells[0][1:] == (3, 0)  # 1 = SE corner (col 3 from west, row 0)
    shape, _ = make_shape("square40")
    sub = shape.subplots(0.0, 0.0)
    assert len(sub) == 16
    assert sum(abs(_shoelace(r)) for _, r in sub) == pytest.approx(1600.0)


def _shoelace(ring):
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))


def test_shapes_areas_and_override():
    circle, _ = make_shape("circle")
    assert circle.area_m2 == pytest.approx(400.0)
    assert circle.size == pytest.approx(11.2838, abs=1e-4)
    assert circle.area_rai == pytest.approx(0.25)
    assert abs(_shoelace(circle.footprint(5, 5))) == pytest.approx(400.0, rel=0.002)
    sq, notes = make_shape("square40", 25.0)
    assert sq.subplot is None and notes
    sq, notes = make_shape("square100", 50.0)
    assert sq.subplot == 10.0 and not notes and len(sq.subplots(0, 0)) == 25
    assert make_shape("square20")[0].subplots(0, 0) == []
    with pytest.raises(ValueError):
        make_shape("hexagon")


# ---- codes, ids, parsing, UTM --------------------------------------------------------------


def test_ids_continue_after_existing_and_codes():
    ids = new_plot_ids("TH-01-PK", ["TH-01-PK-0003", "TH-01-PK-0010", "TH-01-ST-0050", "x"], 3)
    assert ids == ["TH-01-PK-0011", "TH-01-PK-0012", "TH-01-PK-0013"]
    assert new_plot_ids("M-ST", [], 2) == ["M-ST-0001", "M-ST-0002"]
    codes, notes = stratum_codes(["park", "street", "riparian"], {"park": "PK"})
    assert codes == {"park": "PK", "street": "ST", "riparian": "RI"}
    assert not notes
    codes, notes = stratum_codes(["street", "stream"])
    assert codes == {"street": "ST", "stream": "ST"} and notes
    assert parse_key_values("park:0.6; street = 0.8") == {"park": 0.6, "street": 0.8}
    assert parse_key_values("park:PK;street:ST", str) == {"park": "PK", "street": "ST"}
    with pytest.raises(ValueError):
        parse_key_values("park 0.6")


def test_utm_zone_for_thailand():
    assert utm_epsg(100.3, 14.3) == 32647  # Bangkok area
    assert utm_epsg(101.99, 15.0) == 32647
    assert utm_epsg(102.01, 15.0) == 32648  # Khon Kaen / Ubon side
    assert utm_epsg(104.8, 15.2) == 32648


def test_assign_ids_orders_north_to_south():
    plots = pd.DataFrame({"x": [0, 10, 5], "y": [0, 100, 50], "stratum": ["park"] * 3})
    out = assign_ids(plots, "M", {"park": "PK"}, ["M-PK-0004"])
    assert out["plot_id"].tolist() == ["M-PK-0007", "M-PK-0005", "M-PK-0006"]


# ---- designs -------------------------------------------------------------------------------


@pytest.mark.parametrize("edge_rule", [EDGE_INSIDE, EDGE_CENTRE])
def test_random_design_reproducible_inside_and_spaced(edge_rule):
    rings, polys = _world()
    shape, _ = make_shape("circle")
    cont = PathContainment(rings, shape, edge_rule)
    req = {"park": 12, "street": 6}
    a = design_random(polys, req, cont, shape, edge_rule, min_distance=40.0, seed=7)
    b = design_random(polys, req, cont, shape, edge_rule, min_distance=40.0, seed=7)
    c = design_random(polys, req, cont, shape, edge_rule, min_distance=40.0, seed=8)
    assert _hash(a.plots) == _hash(b.plots)
    assert _hash(a.plots) != _hash(c.plots)
    assert a.summary.set_index("stratum")["placed"].to_dict() == {"park": 12, "street": 6}
    assert a.n_shortfall == 0
    xy = a.plots[["x", "y"]].to_numpy(float)
    assert pdist(xy).min() >= 40.0
    park = a.plots[a.plots["stratum"] == "park"]
    lake = (park.x > 150) & (park.x < 250) & (park.y > 100) & (park.y < 200)
    assert not lake.any()
    r = shape.size
    for _, p in a.plots.iterrows():
        x0, y0, x1, y1 = polys.bbox[int(p.poly_idx)]
        if edge_rule == EDGE_INSIDE:
            assert x0 + r <= p.x <= x1 - r and y0 + r <= p.y <= y1 - r
            assert p.fraction == 1.0
            if p.poly_idx == 0:  # the footprint stays out of the lake
                dx = max(150 - p.x, 0, p.x - 250)
                dy = max(100 - p.y, 0, p.y - 200)
                assert math.hypot(dx, dy) >= r - 1e-6
        else:
            assert x0 <= p.x <= x1 and y0 <= p.y <= y1
            assert 0.0 < p.fraction <= 1.0


def test_existing_plots_count_and_keep_distance():
    rings, polys = _world()
    shape, _ = make_shape("circle")
    cont = PathContainment(rings, shape)
    existing = np.array([[50.0, 50.0], [350.0, 250.0]])
    res = design_random(
        polys,
        {"park": 5},
        cont,
        shape,
        min_distance=60.0,
        seed=3,
        existing_xy=existing,
        existing_counts={"park": 2},
    )
    row = res.summary.iloc[0]
    assert (row.requested, row.existing, row.needed, row.placed, row.shortfall) == (5, 2, 3, 3, 0)
    xy = np.vstack((existing, res.plots[["x", "y"]].to_numpy(float)))
    assert pdist(xy).min() >= 60.0


def test_impossible_request_terminates_quickly_with_shortfall():
    rings, polys = _world()
    shape, _ = make_shape("circle")
    cont = PathContainment(rings, shape)
    t0 = time.perf_counter()
    res = design_random(polys, {"park": 500, "street": 40}, cont, shape, min_distance=50.0, seed=1)
    assert time.perf_counter() - t0 < 30.0
    s = res.summary.set_index("stratum")
    assert 0 < s.loc["park", "placed"] < 500
    assert s.loc["park", "shortfall"] == 500 - s.loc["park", "placed"]
    assert res.n_shortfall == int(s["shortfall"].sum()) > 0
    # a shape that fits nowhere: the 100 m TGO plot in 30 m strips -> nothing, immediately
    big, _ = make_shape("square100")
    t0 = time.perf_counter()
    res = design_random(polys, {"street": 3}, PathContainment(rings, big), big, seed=1)
    assert time.perf_counter() - t0 < 5.0
    assert res.summary.iloc[0].shortfall == 3
    assert res.notes


def test_grid_design_random_start_spacing_and_subsample():
    rings, polys = _world()
    shape, _ = make_shape("circle")
    cont = PathContainment(rings, shape)
    everything = design_grid(polys, {"park": None}, cont, shape, spacing=50.0, seed=5)
    xy = everything.plots[["x", "y"]].to_numpy(float)
    assert len(xy) > 10
    # a regular lattice: every coordinate difference is a multiple of the spacing
    assert np.allclose(np.mod(xy - xy[0] + 1e-6, 50.0), 0.0, atol=1e-4)
    again = design_grid(polys, {"park": None}, cont, shape, spacing=50.0, seed=5)
    assert _hash(again.plots) == _hash(everything.plots)
    other = design_grid(polys, {"park": None}, cont, shape, spacing=50.0, seed=6)
    assert _hash(other.plots) != _hash(everything.plots)
    sub = design_grid(polys, {"park": 8, "street": 200}, cont, shape, spacing=50.0, seed=5)
    s = sub.summary.set_index("stratum")
    assert s.loc["park", "placed"] == 8 and s.loc["park", "shortfall"] == 0
    assert s.loc["street", "shortfall"] == 200 - s.loc["street", "placed"] > 0


# ---- sample size and allocation -------------------------------------------------------------


def test_sample_size_plan_reuses_sourcebook_and_allocation_sums():
    areas = {"park": 32.73, "street": 45.91, "residential": 123.20}
    for alloc in ("proportional", "neyman", "equal"):
        res, table, notes = sample_size_plan(
            areas, cv_table={"park": 0.6, "street": 0.8}, default_cv=0.7, allocation=alloc
        )
        assert int(table["n_h"].sum()) == res.n_total
        assert (table["n_h"] >= 2).all()
        direct = sample_size(
            areas,
            {"park": 0.6, "street": 0.8, "residential": 0.7},
            mean=1.0,
            plot_area_ha=0.04,
            precision=0.1,
            confidence=0.9,
            allocation=alloc,
        )
        assert res.n_sourcebook == pytest.approx(direct.n_sourcebook)
        assert (
            table.set_index("stratum")["n_h"].to_dict()
            == direct.allocation.set_index("stratum")["n"].to_dict()
        )
        assert table.set_index("stratum").loc["residential", "sd_source"] == "default cv"


def test_sample_size_plan_with_pilot():
    pilot = pd.DataFrame(
        {"stratum": ["park"] * 4 + ["street"], "value": [100.0, 120.0, 80.0, 110.0, 40.0]}
    )
    res, table, _ = sample_size_plan({"park": 30.0, "street": 40.0}, pilot=pilot, default_cv=0.5)
    t = table.set_index("stratum")
    assert t.loc["park", "sd"] == pytest.approx(np.std([100, 120, 80, 110], ddof=1))
    assert t.loc["park", "mean"] == pytest.approx(102.5)
    assert t.loc["street", "mean"] == pytest.approx(40.0)
    assert t.loc["street", "sd"] == pytest.approx(20.0)


def test_allocation_from_table():
    alloc, notes = allocation_from_table(["park", "park", "street", None], [5, 5, "7", 3])
    assert alloc == {"park": 5, "street": 7} and not notes
    alloc, notes = allocation_from_table(["park", "park"], [5, 6])
    assert alloc == {"park": 6} and notes


def test_module_has_no_qgis_import():
    import inspect

    src = inspect.getsource(pd_core)
    assert "from qgis" not in src and "import qgis" not in src


def test_square_plots_never_overlap():
    rings, polys = _world()
    shape, _ = make_shape("square40")
    cont = PathContainment(rings, shape)
    res = design_random(polys, {"park": 40}, cont, shape, min_distance=0.0, seed=11)
    xy = res.plots[["x", "y"]].to_numpy(float)
    assert len(xy) > 5
    cheb = np.abs(xy[:, None, :] - xy[None, :, :]).max(axis=2)
    np.fill_diagonal(cheb, np.inf)
    assert cheb.min() >= 40.0 - 1e-9
    assert pd_core.separation(make_shape("circle")[0], 10.0)[0] == pytest.approx(22.5676, abs=1e-4)
