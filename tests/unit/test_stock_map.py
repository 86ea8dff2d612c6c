"""core.stock_map and core.baseline: status values, merge maps, stratum table, polygon stock,
baseline record content (pure Python; science.md §0, §6.1, §6.4)."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.baseline import build_record, latest, parse_record, to_json
from carbon_pool_plugin.core.estimation import stratified_estimate
from carbon_pool_plugin.core.stock_map import (
    normalize_tree_status,
    parse_merge_map,
    plot_is_abandoned,
    polygon_stock,
    status_for_core,
    strata_table,
)

VALUES = pd.DataFrame({"stratum": list("AAABB"), "value": [10.0, 20.0, 30.0, 40.0, 60.0]})
AREAS = {"A": 2.0, "B": 3.0}


def test_tree_status_thai_and_english():
    got = normalize_tree_status(["มีชีวิต", "ตาย", "ใหม่", "Alive", " dead ", None, "", 1, 0.0])
    assert list(got) == ["alive", "dead", "new", "alive", "dead", None, None, "alive", "dead"]
    assert list(status_for_core(got)) == ["alive", "dead", "alive", "alive", "dead"] + [
        "alive"
    ] * 2 + [
        "alive",
        "dead",
    ]
    with pytest.raises(ValueError, match="ล้ม"):
        normalize_tree_status(["ล้ม"])


def test_abandoned_and_merge_map():
    assert list(plot_is_abandoned(["active", "Abandoned ", None, "ยกเลิก"])) == [
        False,
        True,
        False,
        True,
    ]
    assert parse_merge_map("street:residential; riparian -> park\nx=y") == {
        "street": "residential",
        "riparian": "park",
        "x": "y",
    }
    assert parse_merge_map("  ") == {}
    with pytest.raises(ValueError):
        parse_merge_map("street")
    with pytest.raises(ValueError):
        parse_merge_map("a:b;a:c")


def test_strata_table_hand_numbers_and_deduction():
    res = stratified_estimate(VALUES, AREAS)
    table = strata_table(res, AREAS, {"A": 3, "B": 2})
    total = table[table["row_type"] == "total"].iloc[0]
    assert total["total_tc"] == pytest.approx(5 * 38.0)  # B = A × b (AR-TOOL14 Eq. 12)
    assert total["total_tco2e"] == pytest.approx(5 * 38.0 * 44 / 12)
    hw90 = res.totals["total_hw90"]
    assert total["total_tco2e_ci90_low"] == pytest.approx((190 - hw90) * 44 / 12)
    # U ≈ 39.8 % > 30 % -> d = 100 % (science.md §6.4)
    assert total["deduction_pct"] == 100.0
    assert total["conservative_total"] == pytest.approx(190 - hw90)
    a = table[table["stratum"] == "A"].iloc[0]
    assert a["total"] == pytest.approx(40.0) and a["area_rai"] == pytest.approx(12.5)


def test_strata_table_other_kind_has_no_carbon():
    res = stratified_estimate(VALUES, AREAS, value_kind="other")
    table = strata_table(res, AREAS, {"A": 3, "B": 2}, value_kind="other")
    assert table["total_tc"].isna().all() and table["total"].notna().all()


def test_polygon_stock_modes_and_excluded():
    vals = pd.concat([VALUES, pd.DataFrame({"stratum": ["C"], "value": [5.0]})])
    res = stratified_estimate(vals, {**AREAS, "C": 1.0}, small_strata="exclude")
    polys = pd.DataFrame(
        {
            "poly_key": [0, 1, 2, 3],
            "stratum": ["A", "B", "C", None],
            "area_ha": [2.0, 3.0, 1.0, 0.5],
        }
    )
    out = polygon_stock(polys, res)
    assert list(out["density_source"]) == ["stratum", "stratum", "excluded", "no stratum"]
    assert out["carbon_t"].iloc[:2].sum() == pytest.approx(res.totals["total"])
    assert out["carbon_t"].iloc[2:].isna().all()
    plots = pd.DataFrame({"poly_key": [0, 0, 1], "value": [10.0, 30.0, 50.0]})
    out = polygon_stock(polys, res, plots, mode="plots", min_plots=2)
    assert out["density_source"].iloc[0] == "plots" and out["density_tc_ha"].iloc[0] == 20.0
    assert out["density_source"].iloc[1] == "stratum"
    with pytest.raises(ValueError):
        polygon_stock(polys, res, plots, mode="plots", min_plots=1)


def test_baseline_record_json_is_strict():
    rec = build_record(
        name=" b ",
        municipality="เทศบาล",
        year=2568,
        plugin_version="0.1.0",
        method_pack="tver",
        method_version="v",
        equation_pack_version="e",
        parameters={"A": np.int64(3)},
        strata=pd.DataFrame({"x": [1.0, np.nan, math.inf]}),
        totals={"t": np.float64(2.5), "ci": (1.0, 2.0)},
    )
    assert rec["name"] == "b" and len(rec["baseline_id"]) == 36 and rec["seed"] is None
    assert json.loads(rec["strata_json"]) == [{"x": 1.0}, {"x": None}, {"x": None}]
    assert "เทศบาล" == rec["municipality"] and to_json({"k": "ไทย"}) == '{"k": "ไทย"}'
    parsed = parse_record(rec)
    assert parsed["totals"] == {"ci": [1.0, 2.0], "t": 2.5} and parsed["parameters"] == {"A": 3}
    assert latest([rec, dict(rec, name="c")])["name"] == "c"
    with pytest.raises(ValueError):
        build_record(
            name="",
            municipality="",
            year=None,
            plugin_version="",
            method_pack="",
            method_version="",
            equation_pack_version="",
            parameters={},
            strata=[],
            totals={},
        )
