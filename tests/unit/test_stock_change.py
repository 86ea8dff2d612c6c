"""Stock change: tree dynamics, per-plot change, stratified and independent change.

Sources (science.md): 6.2 (AR-TOOL14 section 6.2, change from re-measured permanent plots:
per-plot differences, s^2 of the differences), 6.3 (AR-TOOL14 section 6.1: difference of two
independent estimates, u = sqrt((u1 C1)^2 + (u2 C2)^2)/|dC|, Eq. 11 annual rate with
fractional years, 4 yr 5 mo = 4.417; Eq. 22-23 stock update), 6.5 (dead trees 0 at t2;
gross growth, mortality and ingrowth reported separately).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from carbon_pool_plugin.core.estimation import (
    EstimationError,
    fractional_years,
    independent_change,
    plot_carbon,
    plot_change,
    stratified_change,
    stratified_estimate,
    tree_dynamics,
    update_stock,
)

# Plot P1 (400 m2). Hand-made bookkeeping (carbon kg):
#   T1 alive 100 -> alive 120          survivor  +20
#   T2 alive  50 -> dead               mortality -50
#   T3 alive  20 -> (no record)        mortality -20, NOT_RELOCATED
#   T4 dead   30 -> dead               out of stock, 0
#   T5 (new)     -> alive   8          ingrowth   +8
#   T6 alive 200 -> alive 190 (DBH 30 -> 28.5, shrank 1.5 cm > 1 cm tolerance)  survivor -10
# live t1 = 100 + 50 + 20 + 200 = 370; live t2 = 120 + 8 + 190 = 318; net = -52
#   = survivor increment (+20 - 10 = 10) + ingrowth (8) + mortality (-70)
T1 = pd.DataFrame(
    {
        "plot": ["P1"] * 5,
        "tag": ["T1", "T2", "T3", "T4", "T6"],
        "species": ["Tectona grandis", "Samanea saman", "Samanea saman", "Ficus", "Mangifera"],
        "dbh_cm": [20.0, 15.0, 10.0, 12.0, 30.0],
        "status": ["alive", "alive", "alive", "dead", "alive"],
        "carbon_kg": [100.0, 50.0, 20.0, 30.0, 200.0],
    }
)
T2 = pd.DataFrame(
    {
        "plot": ["P1"] * 5,
        "tag": ["T1", "T2", "T4", "T5", "T6"],
        "species": ["Pterocarpus indicus", "Samanea saman", "Ficus", "Ficus", "mangifera "],
        "dbh_cm": [22.0, 15.0, 12.0, 6.0, 28.5],
        "status": ["alive", "dead", "dead", "alive", "alive"],
        "carbon_kg": [120.0, 50.0, 30.0, 8.0, 190.0],
    }
)


def _classes(table):
    return dict(zip(table["tag"], table["class"]))


def test_tree_dynamics_bookkeeping():
    table, counts = tree_dynamics(T1, T2)
    assert _classes(table) == {
        "T1": "survivor",
        "T2": "mortality",
        "T3": "mortality",
        "T4": "out_both",
        "T5": "ingrowth",
        "T6": "survivor",
    }
    assert counts["n_survivor"] == 2 and counts["n_mortality"] == 2
    assert counts["n_ingrowth"] == 1 and counts["n_out_both"] == 1
    assert counts["survivor_increment_kg"] == pytest.approx(10.0)
    assert counts["ingrowth_kg"] == pytest.approx(8.0)
    assert counts["mortality_kg"] == pytest.approx(-70.0)  # losses stay negative
    assert counts["net_kg"] == pytest.approx(-52.0)
    flags = dict(zip(table["tag"], table["flags"]))
    assert flags["T1"] == "SPECIES_CHANGED"
    assert flags["T3"] == "NOT_RELOCATED"
    assert flags["T6"] == "DBH_SHRANK"  # species differs only by case/blank: not flagged
    assert flags["T2"] == "" and flags["T5"] == ""
    assert counts["SPECIES_CHANGED"] == 1 and counts["DBH_SHRANK"] == 1
    assert counts["NOT_RELOCATED"] == 1 and counts["DUPLICATE_TAG"] == 0


def test_dbh_tolerance_and_threshold_ingrowth():
    _, counts = tree_dynamics(T1, T2, dbh_shrink_tol_cm=2.0)
    assert counts["DBH_SHRANK"] == 0
    # with a 10 cm threshold T5 (6 cm) stays out of stock; T3 (10 cm) is in stock at t1
    t1 = T1.copy()
    t2 = T2.copy()
    t1.loc[len(t1)] = ["P1", "T7", "Ficus", 8.0, "alive", 5.0]
    t2.loc[len(t2)] = ["P1", "T7", "Ficus", 11.0, "alive", 12.0]
    table, counts = tree_dynamics(t1, t2, min_dbh_cm=10.0)
    cls = _classes(table)
    assert cls["T7"] == "ingrowth"  # crossed the threshold
    assert cls["T5"] == "out_both"
    assert counts["ingrowth_kg"] == pytest.approx(12.0)


def test_duplicate_and_missing_tags():
    t1 = pd.DataFrame(
        {
            "plot": [2, 2, 2],
            "tag": ["7", "7", None],
            "species": ["A", "A", "B"],
            "dbh_cm": [10.0, 20.0, 15.0],
            "carbon_kg": [10.0, 40.0, 25.0],
        }
    )
    t2 = pd.DataFrame(
        {
            "plot": [2, 2, 2],
            "tag": ["7", "7", ""],
            "species": ["A", "A", "B"],
            "dbh_cm": [21.0, 11.0, 16.0],
            "carbon_kg": [45.0, 12.0, 28.0],
        }
    )
    table, counts = tree_dynamics(t1, t2)
    dup = table[table["flags"].str.contains("DUPLICATE_TAG")]
    assert len(dup) == 2 and set(dup["class"]) == {"survivor"}
    # paired by DBH rank: 20 -> 21 (+5) and 10 -> 11 (+2)
    assert sorted(dup["survivor_increment_kg"]) == [2.0, 5.0]
    blank = table[table["flags"].str.contains("MISSING_TAG")]
    assert sorted(blank["class"]) == ["ingrowth", "mortality"]  # blank tags never match
    assert counts["net_kg"] == pytest.approx((45 + 12 + 28) - (10 + 40 + 25))


def _plots(date):
    return pd.DataFrame(
        {"plot_id": ["P1"], "area_m2": [400.0], "stratum": ["park"], "date": [date]}
    )


def _as_trees(survey):
    out = survey.rename(columns={})
    out["agb_kg"] = out["carbon_kg"] / 0.47 / 1.27
    out["bgb_kg"] = out["agb_kg"] * 0.27
    return out


def test_plot_change_components_and_annual_rate():
    p1, _ = plot_carbon(_as_trees(T1), _plots("2019-01-01"))
    p2, _ = plot_carbon(_as_trees(T2), _plots("2023-06-01"))
    # dead trees are not in the live stock: 370 kg and 318 kg on 0.04 ha
    assert p1.loc[0, "carbon_t_ha"] == pytest.approx(0.370 / 0.04)
    assert p2.loc[0, "carbon_t_ha"] == pytest.approx(0.318 / 0.04)
    trees, _ = tree_dynamics(T1, T2)
    ch, report = plot_change(p1, p2, tree_table=trees)
    r = ch.iloc[0]
    assert r["net_change_t_ha"] == pytest.approx(-0.052 / 0.04)  # -1.3 tC/ha
    assert r["survivor_increment_t_ha"] == pytest.approx(0.010 / 0.04)
    assert r["ingrowth_t_ha"] == pytest.approx(0.008 / 0.04)
    assert r["gross_growth_t_ha"] == pytest.approx(0.018 / 0.04)
    assert r["mortality_t_ha"] == pytest.approx(-0.070 / 0.04)
    assert abs(r["residual_t_ha"]) < 1e-12
    # 2019-01-01 -> 2023-06-01 = 4 yr 5 mo = 1612 days / 365.25 = 4.4134 (~4.417)
    assert r["years"] == pytest.approx(1612 / 365.25)
    assert r["years"] == pytest.approx(4 + 5 / 12, abs=0.005)
    assert r["annual_net_t_ha_yr"] == pytest.approx(-1.3 / (1612 / 365.25))
    assert r["annual_mortality_t_ha_yr"] < 0
    assert r["net_change_co2e_t_ha"] == pytest.approx(-1.3 * 44 / 12)
    assert report["max_abs_residual_t_ha"] < 1e-12


def test_plot_change_unmatched_plots_and_explicit_dates():
    p1 = pd.DataFrame({"plot_id": [1, 2], "carbon_t_ha": [10.0, 20.0]})
    p2 = pd.DataFrame({"plot_id": ["1", "3"], "carbon_t_ha": [12.0, 5.0]})
    ch, report = plot_change(p1, p2, dt.date(2020, 1, 1), pd.Timestamp("2021-01-01"))
    assert ch["plot_id"].tolist() == [1]
    assert ch.loc[0, "net_change_t_ha"] == pytest.approx(2.0)
    assert ch.loc[0, "years"] == pytest.approx(366 / 365.25)
    assert report["only_t1"] == [2] and report["only_t2"] == ["3"]
    with pytest.raises(EstimationError, match="date"):
        plot_change(p1, p2)


def test_fractional_years():
    assert fractional_years("2019-01-01", "2023-06-01") == pytest.approx(4.4134, abs=1e-4)
    assert fractional_years("2000-01-01", "2004-01-01") == pytest.approx(4 * 365.25 / 365.25)
    arr = fractional_years(["2020-01-01", "2020-01-01"], ["2021-01-01", "2020-07-02"])
    np.testing.assert_allclose(arr, [366 / 365.25, 183 / 365.25])
    with pytest.raises(EstimationError):
        fractional_years("2021-01-01", "2020-01-01")


def test_stratified_change_hand_calculation():
    # per-plot differences: A: [1, 3] (mean 2, s2 2), 10 ha; B: [-2, -4, -6] (mean -4, s2 4), 30 ha
    # w = 0.25, 0.75; db = 0.25*2 + 0.75*(-4) = -2.5 (a loss, stays negative)
    # Var = 0.0625*2/2 + 0.5625*4/3 = 0.0625 + 0.75 = 0.8125; df = 5 - 2 = 3
    diffs = pd.DataFrame({"stratum": ["A", "A", "B", "B", "B"], "value": [1, 3, -2, -4, -6.0]})
    res = stratified_change(diffs, {"A": 10.0, "B": 30.0}, years=5.0)
    t = res.totals
    assert t["mean"] == pytest.approx(-2.5)
    assert t["se"] == pytest.approx(math.sqrt(0.8125))
    assert t["df"] == 3
    t90 = stats.t.ppf(0.95, 3)
    assert t["u90_pct"] == pytest.approx(t90 * math.sqrt(0.8125) / 2.5 * 100)
    assert t["total"] == pytest.approx(-100.0)
    assert t["annual_mean"] == pytest.approx(-0.5)
    assert t["annual_total"] == pytest.approx(-20.0)
    assert t["annual_total_ci90"][0] < -20.0 < t["annual_total_ci90"][1]
    assert t["co2e_total"] == pytest.approx(-100.0 * 44 / 12)


def test_independent_change_and_stock_update():
    # C1 = 1000 +- 100, C2 = 1200 +- 150 (90 % half-widths)
    r = independent_change((1000.0, 100.0), (1200.0, 150.0), years=4 + 5 / 12)
    assert r.delta == pytest.approx(200.0)
    assert r.half_width_90 == pytest.approx(math.sqrt(100**2 + 150**2))
    assert r.u90_pct == pytest.approx(math.sqrt(100**2 + 150**2) / 200 * 100)
    assert r.annual == pytest.approx(200 / 4.416666666666667)
    # relative-uncertainty form: u1 = 10 %, u2 = 12.5 %
    r2 = independent_change({"total": 1000.0, "u90_pct": 10.0}, {"total": 1200.0, "u90_pct": 12.5})
    assert r2.half_width_90 == pytest.approx(r.half_width_90)
    loss = independent_change((1200.0, 150.0), (1000.0, 100.0))
    assert loss.delta == pytest.approx(-200.0) and loss.u90_pct == pytest.approx(r.u90_pct)
    # Eq. 22-23
    c2, u2 = update_stock(1000.0, 10.0, 200.0, r.u90_pct)
    assert c2 == pytest.approx(1200.0)
    assert u2 == pytest.approx(math.sqrt(100**2 + (r.u90_pct / 100 * 200) ** 2) / 1200 * 100)


def test_independent_change_from_stratified_results():
    a = pd.DataFrame({"stratum": ["s"] * 4, "value": [10.0, 12.0, 14.0, 16.0]})
    b = a.assign(value=a["value"] + 3.0)
    e1 = stratified_estimate(a, {"s": 5.0})
    e2 = stratified_estimate(b, {"s": 5.0})
    r = independent_change(e1, e2, years=2.0)
    assert r.delta == pytest.approx(15.0)
    assert r.half_width_90 == pytest.approx(math.sqrt(2) * e1.totals["total_hw90"])
    assert r.annual == pytest.approx(7.5)
