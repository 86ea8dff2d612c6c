"""Plot carbon, stratified estimate and uncertainty deduction.

Sources (science.md): section 0 (implementation chain, 1 ha = 6.25 rai, 44/12),
section 6.1 (CDM AR-TOOL14 v04.2 Eq. 12-17 and its worked example, T14 p.4-5),
section 6.4 (T-VER-P-TOOL-01-02 == AR-TOOL14 Appendix 2 deduction table and its 60 +- 9 example),
section 9 items 7 and 10 (90 % and 95 %; s_i^2 is the sample variance, SE divides by n_i).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from carbon_pool_plugin.core.estimation import (
    POOLED_LABEL,
    EstimationError,
    deduction_fraction,
    mean_uncertainty,
    plot_carbon,
    stratified_estimate,
    t_two_sided,
    uncertainty_deduction,
)

C_TO_CO2 = 44.0 / 12.0


def eq15_variance(x):
    """AR-TOOL14 Eq. 15 exactly as printed: [n sum b^2 - (sum b)^2] / [n (n - 1)]."""
    x = np.asarray(x, dtype=float)
    n = len(x)
    return (n * np.sum(x**2) - np.sum(x) ** 2) / (n * (n - 1))


# ---------------------------------------------------------------------------------------------
# AR-TOOL14 worked example (science.md 6.1): mean 45.328, n 34, s 12.776 -> SEM 2.191,
# t(0.1, 33) = 1.692 -> 3.707 -> U = 8.18 %
# ---------------------------------------------------------------------------------------------


def test_ar_tool14_worked_example_from_summary():
    r = mean_uncertainty(45.328, 12.776, 34, confidence=0.90)
    assert r["df"] == 33
    assert round(r["se"], 3) == 2.191
    assert round(r["t"], 3) == 1.692
    # the source multiplies the rounded figures: 2.191 x 1.692 = 3.707 (unrounded: 3.708)
    assert round(round(r["se"], 3) * round(r["t"], 3), 3) == 3.707
    assert r["half_width"] == pytest.approx(3.707, abs=1.5e-3)
    assert round(r["u_pct"], 2) == 8.18


def test_ar_tool14_worked_example_through_stratified_estimate():
    z = np.linspace(-1.0, 1.0, 34)
    z = (z - z.mean()) / z.std(ddof=1)  # sample mean 0, sample SD 1
    vals = 45.328 + 12.776 * z
    res = stratified_estimate(pd.DataFrame({"stratum": "s", "value": vals}), {"s": 10.0})
    t = res.totals
    assert t["mean"] == pytest.approx(45.328, abs=1e-9)
    assert t["df"] == 33
    assert t["se"] == pytest.approx(12.776 / math.sqrt(34), rel=1e-12)
    assert round(t["se"], 3) == 2.191
    assert round(t["t90"], 3) == 1.692
    assert round(t["u90_pct"], 2) == 8.18
    assert t["total"] == pytest.approx(453.28, rel=1e-12)
    assert t["total_hw90"] == pytest.approx(10 * t["hw90"], rel=1e-12)


def test_eq15_textbook_variance_equals_stable_form():
    rng = np.random.default_rng(7)
    for n in (2, 3, 10, 57):
        x = rng.gamma(2.0, 40.0, size=n)
        res = stratified_estimate(pd.DataFrame({"stratum": "a", "value": x}), {"a": 1.0})
        assert res.strata.loc[0, "var"] == pytest.approx(eq15_variance(x), rel=1e-10)
        assert res.strata.loc[0, "var"] == pytest.approx(np.var(x, ddof=1), rel=1e-12)


# ---------------------------------------------------------------------------------------------
# Stratified formulas against a hand calculation (AR-TOOL14 Eq. 12-17)
# ---------------------------------------------------------------------------------------------

THREE = pd.DataFrame(
    {
        "stratum": ["A", "A", "A", "B", "B", "C", "C", "C", "C"],
        "value": [1.0, 2.0, 3.0, 4.0, 6.0, 10.0, 12.0, 14.0, 16.0],
    }
)
AREAS = {"A": 50.0, "B": 30.0, "C": 20.0}


def test_stratified_hand_calculation():
    # Eq. 14 means:  A: 6/3 = 2;  B: 10/2 = 5;  C: 52/4 = 13
    # Eq. 15 s^2:    A: (3*14 - 6^2)/(3*2) = 1
    #                B: (2*52 - 10^2)/(2*1) = 2
    #                C: (4*696 - 52^2)/(4*3) = 80/12 = 20/3
    # Eq. 13 w:      50/100 = 0.5, 30/100 = 0.3, 20/100 = 0.2
    # Eq. 12 b:      0.5*2 + 0.3*5 + 0.2*13 = 5.1
    # Var(b):        0.25*1/3 + 0.09*2/2 + 0.04*(20/3)/4 = 1/12 + 0.09 + 1/15 = 0.24
    # df = n - M = 9 - 3 = 6; t(0.10, 6) = 1.943180, t(0.05, 6) = 2.446912 (Student tables;
    # to 16 digits 1.943180280515303 and 2.446911851144969; scipy 1.10's t.ppf is off by ~1e-9,
    # hence rel=1e-8 on quantities that involve t)
    res = stratified_estimate(THREE, AREAS)
    s = res.strata.set_index("stratum")
    assert list(s.index) == ["A", "B", "C"]
    assert s["n"].tolist() == [3, 2, 4]
    np.testing.assert_allclose(s["mean"], [2.0, 5.0, 13.0], rtol=0, atol=1e-12)
    np.testing.assert_allclose(s["var"], [1.0, 2.0, 20.0 / 3.0], rtol=1e-12)
    np.testing.assert_allclose(s["weight"], [0.5, 0.3, 0.2], rtol=1e-12)
    np.testing.assert_allclose(s["se"], [math.sqrt(1 / 3), 1.0, math.sqrt(5 / 3)], rtol=1e-12)
    t = res.totals
    assert t["mean"] == pytest.approx(5.1, abs=1e-12)
    assert t["se"] == pytest.approx(math.sqrt(0.24), abs=1e-12)
    assert t["df"] == 6 and t["n_plots"] == 9 and t["n_strata"] == 3
    assert t["t90"] == pytest.approx(1.943180, abs=1e-6)
    assert t["t95"] == pytest.approx(2.446912, abs=1e-6)
    hw90 = 1.943180280515303 * math.sqrt(0.24)
    hw95 = 2.446911851144969 * math.sqrt(0.24)
    assert t["hw90"] == pytest.approx(hw90, rel=1e-8)
    assert t["ci90_low"] == pytest.approx(5.1 - hw90, rel=1e-8)
    assert t["ci90_high"] == pytest.approx(5.1 + hw90, rel=1e-8)
    assert t["ci95_low"] == pytest.approx(5.1 - hw95, rel=1e-8)
    assert t["ci95_high"] == pytest.approx(5.1 + hw95, rel=1e-8)
    assert t["u90_pct"] == pytest.approx(hw90 / 5.1 * 100, rel=1e-8)
    assert t["u95_pct"] == pytest.approx(hw95 / 5.1 * 100, rel=1e-8)
    # B = A * b = 100 ha * 5.1 t/ha = 510 t; CO2e = 44/12 x (values are carbon by default)
    assert t["area_ha"] == 100.0
    assert t["total"] == pytest.approx(510.0, rel=1e-8)
    assert t["total_ci90"][0] == pytest.approx(510.0 - 100 * hw90, rel=1e-8)
    assert t["total_ci95"][1] == pytest.approx(510.0 + 100 * hw95, rel=1e-8)
    assert t["co2e_total"] == pytest.approx(510.0 * 44 / 12, rel=1e-8)
    assert t["co2e_total_ci90"][0] == pytest.approx((510.0 - 100 * hw90) * 44 / 12, rel=1e-8)
    # per-stratum CI at the global df
    assert s.loc["C", "hw90"] == pytest.approx(1.943180280515303 * math.sqrt(5 / 3), rel=1e-8)
    assert s.loc["A", "u95_pct"] == pytest.approx(
        2.446911851144969 * math.sqrt(1 / 3) / 2 * 100, rel=1e-8
    )
    assert res.notes == []


def test_biomass_values_with_cf():
    res = stratified_estimate(THREE, AREAS, cf=0.47)
    t = res.totals
    assert t["value_kind"] == "biomass"
    assert t["carbon_total"] == pytest.approx(510.0 * 0.47)
    assert t["co2e_total"] == pytest.approx(510.0 * 0.47 * 44 / 12)
    other = stratified_estimate(THREE, AREAS, value_kind="other")
    assert "co2e_total" not in other.totals


def test_stratified_invariant_to_plot_order():
    base = stratified_estimate(THREE, AREAS).totals
    rng = np.random.default_rng(1)
    for _ in range(5):
        shuffled = THREE.sample(frac=1.0, random_state=int(rng.integers(1e6)))
        tot = stratified_estimate(shuffled, dict(reversed(list(AREAS.items())))).totals
        for k in ("mean", "se", "df", "hw90", "hw95", "total"):
            assert tot[k] == pytest.approx(base[k], rel=1e-14, abs=1e-14)


def test_other_column_names_and_missing_values():
    df = THREE.rename(columns={"stratum": "zone", "value": "carbon_t_ha"})
    res = stratified_estimate(df, AREAS, stratum_col="zone", value_col="carbon_t_ha")
    assert res.totals["mean"] == pytest.approx(5.1)
    bad = THREE.copy()
    bad.loc[0, "value"] = np.nan
    with pytest.raises(EstimationError, match="missing"):
        stratified_estimate(bad, AREAS)
    with pytest.raises(EstimationError, match="without an area"):
        stratified_estimate(THREE, {"A": 1.0, "B": 1.0})


# ---------------------------------------------------------------------------------------------
# Strata with 0 or 1 plot: never a silent NaN
# ---------------------------------------------------------------------------------------------

WITH_SMALL = pd.DataFrame(
    {
        "stratum": ["A", "A", "A", "B", "B", "E"],
        "value": [1.0, 2.0, 3.0, 4.0, 6.0, 7.0],
    }
)
AREAS_SMALL = {"A": 50.0, "B": 30.0, "E": 20.0, "D": 10.0}  # D: 0 plots, E: 1 plot


def test_small_strata_error_names_them():
    with pytest.raises(EstimationError) as err:
        stratified_estimate(WITH_SMALL, AREAS_SMALL, small_strata="error")
    assert "'D'" in str(err.value) and "'E'" in str(err.value)


def test_small_strata_exclude():
    res = stratified_estimate(WITH_SMALL, AREAS_SMALL, small_strata="exclude")
    t = res.totals
    # A: mean 2, s2 1; B: mean 5, s2 2; A = 80 ha; w = 50/80, 30/80
    assert t["area_ha"] == 80.0 and t["area_excluded_ha"] == 30.0
    assert t["n_plots"] == 5 and t["df"] == 3
    assert t["mean"] == pytest.approx(50 / 80 * 2 + 30 / 80 * 5)
    assert t["se"] == pytest.approx(math.sqrt((50 / 80) ** 2 / 3 + (30 / 80) ** 2 * 2 / 2))
    assert res.excluded == ["D", "E"]
    assert any("excluded" in n and "'D'" in n and "'E'" in n for n in res.notes)
    assert not res.strata.isna().any().any()


def test_small_strata_merge_with_map():
    res = stratified_estimate(
        WITH_SMALL, AREAS_SMALL, small_strata="merge", merge_map={"E": "B", "D": "A"}
    )
    s = res.strata.set_index("stratum")
    assert list(s.index) == ["A", "B"]
    # A absorbs D's area (60 ha, plots 1,2,3); B absorbs E (50 ha, plots 4,6,7)
    assert s.loc["A", "area_ha"] == 60.0 and s.loc["B", "area_ha"] == 50.0
    assert s.loc["B", "n"] == 3 and s.loc["B", "members"] == "B;E"
    assert s.loc["B", "var"] == pytest.approx(eq15_variance([4, 6, 7]))
    w_a, w_b = 60 / 110, 50 / 110
    assert res.totals["mean"] == pytest.approx(w_a * 2 + w_b * 17 / 3)
    assert res.totals["se"] == pytest.approx(
        math.sqrt(w_a**2 * 1 / 3 + w_b**2 * eq15_variance([4, 6, 7]) / 3)
    )
    assert res.totals["df"] == 6 - 2
    assert res.merged == {"D": "A", "E": "B"}
    assert len([n for n in res.notes if "merged into" in n]) == 2


def test_small_strata_merge_without_map_uses_pooled_whole_sample():
    res = stratified_estimate(WITH_SMALL, AREAS_SMALL, small_strata="merge")
    s = res.strata.set_index("stratum")
    assert list(s.index) == ["A", "B", POOLED_LABEL]
    allv = [1.0, 2.0, 3.0, 4.0, 6.0, 7.0]
    m_all, v_all = np.mean(allv), eq15_variance(allv)
    assert s.loc[POOLED_LABEL, "area_ha"] == 30.0  # D + E
    assert s.loc[POOLED_LABEL, "n"] == 6
    assert s.loc[POOLED_LABEL, "mean"] == pytest.approx(m_all)
    assert s.loc[POOLED_LABEL, "members"] == "D;E"
    # b = w_A b_A + w_B b_B + w_o mean_all ; A = 110 ha
    w_a, w_b, w_o = 50 / 110, 30 / 110, 30 / 110
    assert res.totals["mean"] == pytest.approx(w_a * 2 + w_b * 5 + w_o * m_all)
    # Var = sum_i w_i^2 s_i^2/n_i + w_o^2 s_all^2/n + 2 w_o sum_i w_i s_i^2 / n   (covariance)
    var = w_a**2 * 1 / 3 + w_b**2 * 2 / 2 + w_o**2 * v_all / 6 + 2 * w_o * (w_a * 1 + w_b * 2) / 6
    assert res.totals["se"] == pytest.approx(math.sqrt(var), rel=1e-12)
    assert res.totals["df"] == 6 - 3
    assert res.merged == {"D": POOLED_LABEL, "E": POOLED_LABEL}
    assert any("whole-sample" in n for n in res.notes)
    assert np.isfinite(res.strata.select_dtypes("number").to_numpy()).all()


def test_all_strata_small_pooled_is_simple_random_sample():
    df = pd.DataFrame({"stratum": ["a", "b", "c"], "value": [2.0, 4.0, 9.0]})
    res = stratified_estimate(df, {"a": 1.0, "b": 1.0, "c": 2.0})
    assert res.totals["mean"] == pytest.approx(5.0)
    assert res.totals["se"] == pytest.approx(math.sqrt(eq15_variance([2, 4, 9]) / 3))
    assert res.totals["df"] == 2


def test_too_few_plots_is_a_clear_error():
    df = pd.DataFrame({"stratum": ["a"], "value": [2.0]})
    with pytest.raises(EstimationError, match="plot"):
        stratified_estimate(df, {"a": 1.0})
    with pytest.raises(EstimationError, match="degrees of freedom"):
        t_two_sided(0.9, 0)
    with pytest.raises(EstimationError, match="cycle"):
        stratified_estimate(WITH_SMALL, AREAS_SMALL, merge_map={"E": "D", "D": "E"})


# ---------------------------------------------------------------------------------------------
# Uncertainty deduction (science.md 6.4; T-VER-P-TOOL-01-02 == AR-TOOL14 Appendix 2)
# ---------------------------------------------------------------------------------------------


def test_deduction_worked_example():
    # 60 +- 9 -> U = 15 % -> d = 25 % of the half-width = 2.25 -> 57.75 / 62.25
    p = uncertainty_deduction(60, 9, "project")
    assert p.u_pct == pytest.approx(15.0)
    assert p.d_fraction == 0.25
    assert p.adjusted == pytest.approx(57.75, abs=1e-12)
    b = uncertainty_deduction(60, 9, "baseline")
    assert b.adjusted == pytest.approx(62.25, abs=1e-12)


@pytest.mark.parametrize(
    "u, d",
    [
        (0.0, 0.0),
        (10.0, 0.0),
        (10.000001, 0.25),
        (15.0, 0.25),
        (15.000001, 0.50),
        (20.0, 0.50),
        (20.000001, 0.75),
        (30.0, 0.75),
        (30.000001, 1.0),
        (250.0, 1.0),
    ],
)
def test_deduction_band_edges(u, d):
    assert deduction_fraction(u) == d
    r = uncertainty_deduction(100.0, u, "project")
    assert r.d_fraction == d
    assert r.adjusted == pytest.approx(100.0 - d * u)
    assert uncertainty_deduction(100.0, u, "baseline").adjusted == pytest.approx(100.0 + d * u)


def test_deduction_edges_from_float_ratios():
    # 9/60*100 == 15.000000000000002 in floating point; it is on the 15 % edge
    assert uncertainty_deduction(60, 9).d_fraction == 0.25
    assert uncertainty_deduction(0.3, 0.03).d_fraction == 0.0  # 10 %
    assert uncertainty_deduction(0.7, 0.21).d_fraction == 0.75  # 30 %


def test_deduction_on_stratified_result():
    res = stratified_estimate(THREE, AREAS)  # U90 ~ 18.67 % -> d = 0.5
    d = res.deduction("project")
    assert d.d_fraction == 0.5
    assert d.adjusted == pytest.approx(510.0 - 0.5 * res.totals["total_hw90"])
    log = res.log()
    assert log["df"] == 6 and log["n_plots"] == 9


# ---------------------------------------------------------------------------------------------
# Plot carbon (science.md 0: b_p = sum trees / A_plot; 6.1: include plots with no trees)
# ---------------------------------------------------------------------------------------------


def _trees():
    return pd.DataFrame(
        {
            "plot": [1, 1, 2, 2, 2, 9, 9, 1],
            "agb_kg": [100.0, 200.0, 50.0, 40.0, 5.0, 10.0, 10.0, np.nan],
            "bgb_kg": [27.0, 54.0, 13.5, 10.8, 1.35, 2.7, 2.7, np.nan],
            "carbon_kg": [59.69, 119.38, 29.845, 23.876, 2.9845, 5.969, 5.969, np.nan],
            "co2e_kg": [218.86, 437.73, 109.43, 87.55, 10.94, 21.89, 21.89, np.nan],
            "dbh_cm": [20.0, 30.0, 15.0, 12.0, 3.0, 10.0, 11.0, 25.0],
        }
    )


def _plots():
    return pd.DataFrame(
        {
            "plot_id": ["1", "2", "3"],
            "area_m2": [400.0, 400.0, 100.0],
            "fraction": [1.0, 0.5, 1.0],
            "stratum": ["park", "park", "street"],
        }
    )


def test_plot_carbon_values_and_units():
    table, report = plot_carbon(_trees(), _plots(), min_dbh_cm=4.5)
    t = table.set_index("plot_id")
    # plot 1: 0.04 ha; trees 1+2 used (AGB 300 kg, BGB 81 kg), tree 8 unusable (NaN)
    assert t.loc["1", "n_trees"] == 2 and t.loc["1", "n_unusable"] == 1
    assert t.loc["1", "agb_t_ha"] == pytest.approx(0.300 / 0.04)
    assert t.loc["1", "bgb_t_ha"] == pytest.approx(0.081 / 0.04)
    assert t.loc["1", "biomass_t_ha"] == pytest.approx(0.381 / 0.04)
    assert t.loc["1", "carbon_t_ha"] == pytest.approx((59.69 + 119.38) / 1000 / 0.04)
    assert t.loc["1", "co2e_t_ha"] == pytest.approx((218.86 + 437.73) / 1000 / 0.04)
    assert t.loc["1", "carbon_t_rai"] == pytest.approx(t.loc["1", "carbon_t_ha"] / 6.25)
    # plot 2: half measured -> effective 200 m2 = 0.02 ha; the 3 cm tree is a sapling
    assert t.loc["2", "effective_area_m2"] == 200.0
    assert t.loc["2", "n_trees"] == 2 and t.loc["2", "n_saplings"] == 1
    assert t.loc["2", "agb_t_ha"] == pytest.approx(0.090 / 0.02)
    # plot 3 has no trees: zeros, not missing
    assert t.loc["3", "n_trees"] == 0
    for col in ("agb_t_ha", "carbon_t_ha", "co2e_t_ha", "carbon_t_rai"):
        assert t.loc["3", col] == 0.0
    assert not table.isna().any().any()
    assert report["orphan_trees"] == {"9": 2}
    assert report["n_orphan_trees"] == 2
    assert report["n_unusable"] == 1 and report["n_saplings_excluded"] == 1
    assert report["plots_without_trees"] == ["3"]


def test_plot_carbon_sapling_include_and_co2e_derivation():
    trees = _trees().drop(columns="co2e_kg")
    table, report = plot_carbon(trees, _plots(), min_dbh_cm=4.5, sapling_rule="include")
    t = table.set_index("plot_id")
    assert t.loc["2", "n_trees"] == 3 and t.loc["2", "n_saplings"] == 0
    assert report["n_saplings_included"] == 1
    assert t.loc["2", "co2e_t_ha"] == pytest.approx(t.loc["2", "carbon_t_ha"] * C_TO_CO2)
    with pytest.raises(ValueError):
        plot_carbon(trees, _plots(), sapling_rule="maybe")


def test_plot_carbon_id_types_dead_trees_and_order_invariance():
    trees = _trees()
    trees["status"] = ["alive"] * 7 + ["dead"]
    plots = _plots()
    plots["plot_id"] = [1.0, 2.0, 3.0]  # numeric ids still match "1" / 1
    table, report = plot_carbon(trees, plots)
    assert report["n_dead"] == 1 and report["n_unusable"] == 0
    shuffled = trees.sample(frac=1.0, random_state=3)
    table2, _ = plot_carbon(shuffled, plots.iloc[::-1].reset_index(drop=True))
    a = table.set_index("plot_id").sort_index()
    b = table2.set_index("plot_id").sort_index()
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-14)


def test_plot_carbon_rejects_bad_plots():
    plots = _plots()
    plots.loc[1, "area_m2"] = 0.0
    with pytest.raises(EstimationError, match="area"):
        plot_carbon(_trees(), plots)
    plots = _plots()
    plots.loc[2, "plot_id"] = "1"
    with pytest.raises(EstimationError, match="duplicate"):
        plot_carbon(_trees(), plots)


def test_plot_carbon_feeds_stratified_estimate():
    table, _ = plot_carbon(_trees(), _plots())
    res = stratified_estimate(
        table,
        {"park": 10.0, "street": 2.0},
        value_col="carbon_t_ha",
        merge_map={"street": "park"},
    )
    assert res.totals["n_plots"] == 3 and res.totals["df"] == 2
    vals = table["carbon_t_ha"].to_numpy()
    assert res.totals["mean"] == pytest.approx(vals.mean())
    assert res.totals["se"] == pytest.approx(stats.sem(vals))
