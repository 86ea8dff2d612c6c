"""Monte Carlo engine (core/montecarlo.py): known-variance cases, convergence, determinism.

Conventions: plot values are t CO2e/ha, totals t CO2e. Small synthetic tables are built with
the equation library itself so the point values are exact.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.biomass import compute_tree_biomass
from carbon_pool_plugin.core.equations import EquationLibrary
from carbon_pool_plugin.core.methods import MethodPack
from carbon_pool_plugin.core.montecarlo import (
    MonteCarloError,
    MonteCarloOptions,
    _evaluate,
    rng_for,
    run_monte_carlo,
)
from carbon_pool_plugin.core.units import C_TO_CO2
from carbon_pool_plugin.core.wood_density import WoodDensityTable

LIB = EquationLibrary.load()
CF, RS = 0.47, 0.27


def table(eq, dbh, height=None, wd=0.6, wd_sd=0.07, plots=None, h_source="measured"):
    """A tree table as compute_tree_biomass returns it, for one equation."""
    dbh = np.asarray(dbh, dtype=float)
    n = dbh.size
    h = np.full(n, 20.0) if height is None else np.broadcast_to(height, (n,)).astype(float)
    w = np.broadcast_to(wd, (n,)).astype(float)
    agb = LIB.evaluate(eq, D=dbh, H=h, WD=w).agb
    bgb = agb * RS
    return pd.DataFrame(
        {
            "plot": plots if plots is not None else [f"p{i}" for i in range(n)],
            "dbh_cm": dbh,
            "height_m": h,
            "height_source": h_source,
            "wd": w,
            "wd_sd": wd_sd,
            "wd_level": "species",
            "equation_id": eq,
            "agb_kg": agb,
            "bgb_kg": bgb,
            "carbon_kg": (agb + bgb) * CF,
            "cf": CF,
            "root_shoot": RS,
        }
    )


def plots_for(ids, strata=None, area=400.0):
    return pd.DataFrame(
        {
            "plot_id": list(ids),
            "area_m2": area,
            "fraction": 1.0,
            "stratum": strata if strata is not None else ["s"] * len(ids),
        }
    )


def opts(**kw):
    base = dict(iterations=400, seed=42, sampling="none", budget=True, threads=1)
    base.update(kw)
    return MonteCarloOptions(**base)


def rel_sd(x):
    return float(np.std(x, ddof=1) / np.mean(x))


@pytest.fixture(scope="module")
def inventory():
    """A realistic small inventory through compute_tree_biomass (local heights, mixed eqs)."""
    rng = np.random.default_rng(7)
    n = 240
    dbh = np.round(rng.lognormal(np.log(25), 0.5, n).clip(5, 150), 1)
    h = np.round(40 * (1 - np.exp(-0.04 * dbh**0.85)) * rng.lognormal(0, 0.12, n), 1)
    h = np.where(rng.random(n) < 0.25, np.nan, h)
    species = rng.choice(
        ["Samanea saman", "Tectona grandis", "Mangifera indica", "Ficus religiosa", "Xyz abc"], n
    )
    eq = rng.choice(["tver_t1_general", "chave2014_eq4", "komiyama2005_mangrove"], n)
    plot = [f"P{i:02d}" for i in rng.integers(0, 24, n)]
    trees = pd.DataFrame(
        {"species": species, "dbh_cm": dbh, "height_m": h, "plot": plot, "equation_id": eq}
    )
    res = compute_tree_biomass(trees, MethodPack.load("tver"), LIB, WoodDensityTable.load())
    strata = ["a", "b", "c", "d"]
    plots = plots_for([f"P{i:02d}" for i in range(24)], [strata[i % 4] for i in range(24)])
    areas = {"a": 10.0, "b": 20.0, "c": 5.0, "d": 15.0}
    return res, plots, areas


ALL_ON = dict(
    dbh_error="chave2004_large",
    height_error="model_measured",
    height_rel_sd=0.05,
    wd_error=True,
    model_error=True,
    model_rse=0.25,
    cf_sd=0.0206,
    rs_sd=0.05,
)


# ---------------------------------------------------------------------------------------------
# nominal values and the lean evaluator
# ---------------------------------------------------------------------------------------------


def test_lean_evaluator_matches_library():
    d = np.array([5.0, 12.5, 30.0, 80.0])
    h = np.array([4.0, 9.0, 20.0, 35.0])
    w = np.array([0.4, 0.55, 0.6, 0.9])
    for eid in ("tver_t1_general", "chave2014_eq4", "chave2005_moist_noh", "komiyama2005_mangrove"):
        ref = LIB.evaluate(eid, D=d, H=h, WD=w)
        agb, bgb = _evaluate(LIB.get(eid), {"D": d, "H": h, "WD": w, "Hs": np.full(4, np.nan)})
        assert np.array_equal(agb, ref.agb), eid
        if ref.has_bgb:
            assert np.array_equal(bgb, ref.bgb)


def test_no_error_reproduces_point_estimate(inventory):
    res, plots, areas = inventory
    out = run_monte_carlo(res, plots, areas, LIB, opts(iterations=5, cf_sd=0.0, rs_sd=0.0))
    point = out.summary[out.summary.level == "plot"]["point"].to_numpy()
    assert np.allclose(out.samples["plot"], point[None, :], rtol=1e-12, atol=1e-12)
    assert out.totals["sd"] == 0.0
    assert math.isclose(out.totals["mean"], out.totals["point"], rel_tol=1e-12)
    assert list(out.budget["source"]) == ["combined"]


def test_open_grown_and_sapling_factors_are_kept():
    """Table AGB differing from the equation (i-Tree 0.8, sapling 0) is kept as a ratio."""
    t = table("brown1997_moist", [30.0, 30.0, 3.0, 30.0], plots=["a", "a", "b", "b"])
    t.loc[0, ["agb_kg", "bgb_kg", "carbon_kg"]] *= 0.8
    t.loc[2, ["agb_kg", "bgb_kg", "carbon_kg"]] = 0.0
    out = run_monte_carlo(
        t, plots_for(["a", "b"]), {"s": 1.0}, LIB, opts(iterations=3, dbh_error="none")
    )
    point = out.summary[out.summary.level == "plot"]["point"].to_numpy()
    assert np.allclose(out.samples["plot"], point, rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# known-variance cases (one source at a time)
# ---------------------------------------------------------------------------------------------


def test_carbon_fraction_only_is_exact():
    """CF error on a fixed total: T_k = T / CF x (CF + sd z_k), so sd(T) = T / CF x sd_CF.

    z_k is the documented stream: one standard normal of rng_for(seed, 'carbon_fraction', k).
    """
    t = table("brown1997_moist", [20.0, 35.0, 50.0, 12.0], plots=["a", "b", "c", "d"])
    sd_cf, n = 0.0206, 3000
    out = run_monte_carlo(t, plots_for("abcd"), {"s": 2.0}, LIB, opts(iterations=n, cf_sd=sd_cf))
    total = out.totals["point"]
    z = np.array([rng_for(42, "carbon_fraction", k).standard_normal() for k in range(n)])
    expected = total / CF * (CF + sd_cf * z)
    assert np.allclose(out.samples["total"], expected, rtol=1e-12)
    assert math.isclose(out.totals["sd"], total / CF * sd_cf * np.std(z, ddof=1), rel_tol=1e-9)
    assert out.totals["sd"] == pytest.approx(total / CF * sd_cf, rel=0.05)


def test_relative_dbh_error_on_power_law():
    """AGB = a D^b (Brown 1997 moist, b = 2.53). With D* = D (1 + s z):
    AGB* = AGB (1 + s z)^b = AGB (1 + b s z + b(b-1)/2 s^2 z^2 + ...), so the relative sd of
    one tree is b s + O(s^2); for N identical, independent trees the total's is b s / sqrt(N).
    """
    s, n_trees = 0.01, 2
    t = table("brown1997_moist", [30.0] * n_trees, plots=["a", "b"])
    out = run_monte_carlo(
        t,
        plots_for("ab"),
        {"s": 1.0},
        LIB,
        opts(iterations=4000, dbh_error="relative", dbh_error_value=s),
    )
    b = LIB.get("brown1997_moist").components[0].coefficients["b"]
    assert b == pytest.approx(2.53)
    assert rel_sd(out.samples["total"]) == pytest.approx(b * s / math.sqrt(n_trees), rel=0.05)


def test_wood_density_only_on_rho_linear_equation_is_exact():
    """Chave 2005 moist with H: AGB = exp(-2.977) rho D^2 H is linear in rho, so
    T_k / T = mean_i(rho*_ik / rho_i) for identical trees, and sd(AGB)/AGB = sd(rho)/rho."""
    rho, sd = 0.6, 0.07
    t = table("chave2005_moist_h", [30.0, 30.0], wd=rho, wd_sd=sd, plots=["a", "b"])
    n = 3000
    out = run_monte_carlo(t, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=n, wd_error=True))
    # bounds (0.08, 1.39) are > 7 sd away: no re-draws, the stream is one normal per tree
    rho_star = np.array(
        [rho + sd * rng_for(42, "wood_density", k).standard_normal(2) for k in range(n)]
    )
    ratio = out.samples["total"] / out.totals["point"]
    assert np.allclose(ratio, rho_star.mean(axis=1) / rho, rtol=1e-12)
    assert rel_sd(out.samples["total"]) == pytest.approx(sd / rho / math.sqrt(2), rel=0.05)


def test_model_error_is_lognormal_and_mean_preserving():
    s, n = 0.3, 6000
    t = table("brown1997_moist", [30.0, 30.0], plots=["a", "b"])
    out = run_monte_carlo(
        t, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=n, model_error=True, model_rse=s)
    )
    tot = out.samples["total"]
    assert tot.mean() == pytest.approx(out.totals["point"], rel=0.01)
    assert rel_sd(tot) == pytest.approx(math.sqrt(math.exp(s * s) - 1) / math.sqrt(2), rel=0.05)


def test_height_model_error_log_scale():
    """Chave Eq. 6a heights: H* = H exp(0.243 z - 0.243^2/2); with AGB linear in H the
    relative sd of one tree is sqrt(exp(0.243^2) - 1)."""
    t = table(
        "chave2005_moist_h", [30.0, 30.0], height=20.0, plots=["a", "b"], h_source="chave_e6a"
    )
    out = run_monte_carlo(
        t, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=6000, height_error="model")
    )
    expected = math.sqrt(math.exp(0.243**2) - 1) / math.sqrt(2)
    assert rel_sd(out.samples["total"]) == pytest.approx(expected, rel=0.05)
    assert out.samples["total"].mean() == pytest.approx(out.totals["point"], rel=0.01)


def test_measured_height_error_only_with_option():
    t = table("chave2005_moist_h", [30.0, 30.0], plots=["a", "b"])
    args = (t, plots_for("ab"), {"s": 1.0}, LIB)
    model_only = run_monte_carlo(*args, opts(iterations=50, height_error="model"))
    assert model_only.totals["sd"] == 0.0  # measured heights have no model error
    meas = run_monte_carlo(
        *args, opts(iterations=4000, height_error="model_measured", height_rel_sd=0.05)
    )
    assert rel_sd(meas.samples["total"]) == pytest.approx(0.05 / math.sqrt(2), rel=0.05)


def test_root_shoot_sd_shared_per_iteration():
    t = table("brown1997_moist", [25.0, 40.0], plots=["a", "b"])
    n = 2000
    out = run_monte_carlo(t, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=n, rs_sd=0.05))
    z = np.array([rng_for(42, "root_shoot", k).standard_normal() for k in range(n)])
    expected = out.totals["point"] * (1 + RS + 0.05 * z) / (1 + RS)
    assert np.allclose(out.samples["total"], expected, rtol=1e-12)


def test_chave2004_dbh_sd():
    """Chave 2004: sd = 0.0062 D + 0.0904 -> for D = 40 cm, sd = 0.3384 cm; on a power law the
    relative sd of AGB is about b x sd/D."""
    t = table("brown1997_moist", [40.0, 40.0], plots=["a", "b"])
    out = run_monte_carlo(
        t, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=4000, dbh_error="chave2004")
    )
    expected = 2.53 * (0.0062 * 40 + 0.0904) / 40 / math.sqrt(2)
    assert rel_sd(out.samples["total"]) == pytest.approx(expected, rel=0.05)


# ---------------------------------------------------------------------------------------------
# combination with sampling error
# ---------------------------------------------------------------------------------------------


def _two_strata():
    # one tree per plot; plot value b_p = C_kg x 44/12 / 1000 / 0.04 ha
    dbh = [20.0, 30.0, 25.0, 45.0, 15.0, 35.0, 28.0]
    ids = [f"q{i}" for i in range(7)]
    strata = ["x", "x", "x", "y", "y", "y", "y"]
    t = table("brown1997_moist", dbh, plots=ids)
    b = t["carbon_kg"].to_numpy() * C_TO_CO2 / 1000 / 0.04
    return t, plots_for(ids, strata), {"x": 30.0, "y": 70.0}, b, np.array(strata)


def _hand_sampling_variance(b, strata, areas):
    A = sum(areas.values())
    var_b = 0.0
    for s, a in areas.items():
        v = b[strata == s]
        n = v.size
        s2 = (n * np.sum(v**2) - np.sum(v) ** 2) / (n * (n - 1))  # AR-TOOL14 Eq. 15
        var_b += (a / A) ** 2 * s2 / n
    return A**2 * var_b


def test_analytic_combination_against_hand_calculation():
    t, plots, areas, b, strata = _two_strata()
    var_samp = _hand_sampling_variance(b, strata, areas)
    out = run_monte_carlo(
        t, plots, areas, LIB, opts(iterations=1000, cf_sd=0.0206, sampling="analytic")
    )
    sd_mc = np.std(out.samples["total_mc"], ddof=1)
    assert out.totals["sd"] == pytest.approx(math.sqrt(sd_mc**2 + var_samp), rel=1e-12)
    budget = out.budget.set_index("source")
    assert budget.loc["sampling", "variance"] == pytest.approx(var_samp, rel=1e-12)
    assert budget.loc["carbon_fraction", "variance"] == pytest.approx(sd_mc**2, rel=1e-12)
    assert budget.loc["combined", "variance"] == pytest.approx(sd_mc**2 + var_samp, rel=1e-12)
    shares = budget.drop("combined")["share_pct"]
    assert shares.sum() == pytest.approx(100.0)
    # the quantiles come from MC draws + normal sampling draws with that variance
    assert np.std(out.samples["total"], ddof=1) == pytest.approx(out.totals["sd"], rel=0.08)
    # point estimate = A sum w_i mean_i
    A = sum(areas.values())
    point = sum(areas[s] * b[strata == s].mean() for s in areas)
    assert out.totals["point"] == pytest.approx(point, rel=1e-12)
    assert A == out.totals["area_ha"]


def test_bootstrap_sampling_variance():
    """Plain stratified bootstrap: Var = A^2 sum w_i^2 (n_i - 1)/n_i s_i^2 / n_i."""
    t, plots, areas, b, strata = _two_strata()
    A = sum(areas.values())
    expected = 0.0
    for s, a in areas.items():
        v = b[strata == s]
        n = v.size
        expected += (a / A) ** 2 * (n - 1) / n * v.var(ddof=1) / n
    expected *= A**2
    out = run_monte_carlo(t, plots, areas, LIB, opts(iterations=6000, sampling="bootstrap"))
    assert np.var(out.samples["total"], ddof=1) == pytest.approx(expected, rel=0.08)
    assert out.totals["mean"] == pytest.approx(out.totals["point"], rel=0.01)
    budget = out.budget.set_index("source")
    assert budget.loc["sampling", "variance"] == pytest.approx(expected, rel=0.08)


def test_pooled_small_strata_follow_stratified_estimate():
    t, plots, _, b, _ = _two_strata()
    plots = plots.copy()
    plots.loc[6, "stratum"] = "z"  # a stratum with one plot -> pooled pseudo-stratum
    areas = {"x": 30.0, "y": 70.0, "z": 10.0}
    out = run_monte_carlo(t, plots, areas, LIB, opts(iterations=3, sampling="analytic"))
    assert "other (pooled)" in out.strata
    assert out.totals["sd"] == pytest.approx(out.totals["sd_sampling_analytic"], rel=1e-12)
    assert np.allclose(out.samples["total_mc"], out.totals["point"], rtol=1e-12)


# ---------------------------------------------------------------------------------------------
# convergence, determinism, chunking, sources alone
# ---------------------------------------------------------------------------------------------


def test_monte_carlo_error_shrinks_like_one_over_sqrt_n():
    t = table("brown1997_moist", [20.0, 30.0, 40.0, 25.0], plots=list("abcd"))
    args = (t, plots_for("abcd"), {"s": 1.0}, LIB)

    def spread(n):
        means = [
            run_monte_carlo(
                *args, opts(iterations=n, seed=s, dbh_error="relative", dbh_error_value=0.05)
            ).totals["mean"]
            for s in range(16)
        ]
        return np.std(means, ddof=1)

    ratio = spread(64) / spread(1024)  # expected sqrt(1024/64) = 4
    assert 2.5 < ratio < 6.0


def test_same_seed_identical_different_seed_differs(inventory):
    res, plots, areas = inventory
    a = run_monte_carlo(res, plots, areas, LIB, opts(iterations=40, sampling="bootstrap", **ALL_ON))
    b = run_monte_carlo(res, plots, areas, LIB, opts(iterations=40, sampling="bootstrap", **ALL_ON))
    c = run_monte_carlo(
        res, plots, areas, LIB, opts(iterations=40, seed=43, sampling="bootstrap", **ALL_ON)
    )
    for key, arr in a.samples.items():
        assert np.array_equal(arr, b.samples[key], equal_nan=True), key
    pd.testing.assert_frame_equal(a.summary, b.summary)
    pd.testing.assert_frame_equal(a.budget, b.budget)
    assert not np.array_equal(a.samples["total"], c.samples["total"])
    assert (a.summary["seed"] == 42).all() and (c.summary["seed"] == 43).all()
    assert (a.summary["iterations"] == 40).all()


@pytest.mark.parametrize("sampling", ["analytic", "bootstrap"])
def test_chunking_and_threads_invariance(inventory, sampling):
    res, plots, areas = inventory
    runs = [
        run_monte_carlo(
            res,
            plots,
            areas,
            LIB,
            opts(iterations=45, sampling=sampling, chunk_size=chunk, threads=threads, **ALL_ON),
        )
        for chunk, threads in ((7, 1), (1000, 1), (4, 2), (1, 2))
    ]
    for other in runs[1:]:
        for key, arr in runs[0].samples.items():
            assert np.array_equal(arr, other.samples[key], equal_nan=True), key
        pd.testing.assert_frame_equal(runs[0].summary, other.summary)
        pd.testing.assert_frame_equal(runs[0].budget, other.budget)
    assert runs[0].chunk_size == 7 and runs[1].chunk_size == 1000


@pytest.mark.parametrize(
    "source, kw",
    [
        ("dbh", dict(dbh_error="chave2004_large")),
        ("height", dict(height_error="model_measured", height_rel_sd=0.05)),
        ("wood_density", dict(wd_error=True)),
        ("model", dict(model_error=True, model_rse=0.25)),
        ("carbon_fraction", dict(cf_sd=0.0206)),
        ("root_shoot", dict(rs_sd=0.05)),
    ],
)
def test_each_source_alone(inventory, source, kw):
    res, plots, areas = inventory
    alone = run_monte_carlo(res, plots, areas, LIB, opts(iterations=30, **kw))
    assert list(alone.budget["source"]) == [source, "combined"]
    var = alone.budget.set_index("source")["variance"]
    assert var[source] > 0
    assert var[source] == pytest.approx(var["combined"], rel=1e-12)
    # the one-source column of a run with every source on uses exactly the same draws
    full = run_monte_carlo(res, plots, areas, LIB, opts(iterations=30, **ALL_ON))
    j = [s for s in full.budget["source"] if s != "combined"].index(source)
    assert np.array_equal(full.samples["budget"][:, j], alone.samples["total_mc"])


def test_modelled_heights_follow_dbh_error(inventory):
    """With DBH error alone, modelled heights move with D (through the H-D model)."""
    res, plots, areas = inventory
    assert (res["height_source"] != "measured").any()
    out = run_monte_carlo(res, plots, areas, LIB, opts(iterations=30, dbh_error="chave2004"))
    assert out.totals["sd"] > 0
    assert any("refitted" in n for n in out.notes)


def test_options_are_validated(inventory):
    res, plots, areas = inventory
    for bad in (
        dict(iterations=1),
        dict(seed=-1),
        dict(dbh_error="huge"),
        dict(dbh_error="relative", dbh_error_value=0.0),
        dict(sampling="jackknife"),
        dict(cf_sd=-0.1),
    ):
        with pytest.raises(MonteCarloError):
            run_monte_carlo(res, plots, areas, LIB, opts(**bad))


def test_missing_stratum_area_is_an_error(inventory):
    res, plots, areas = inventory
    with pytest.raises(MonteCarloError):
        run_monte_carlo(res, plots, {"a": 1.0}, LIB, opts(iterations=5))


def test_wood_density_error_note_when_no_equation_uses_it():
    """The T-VER Ogawa general-species equation takes D and H only (science.md §1.1): wood
    density error has no effect (sd 0 in the budget) and the run says why."""
    t = table("tver_t1_general", [30.0, 30.0], wd=0.6, wd_sd=0.07, plots=["a", "b"])
    out = run_monte_carlo(t, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=50, wd_error=True))
    assert any(n.startswith("wood density error: no equation used needs") for n in out.notes)
    chave = table("chave2005_moist_h", [30.0, 30.0], wd=0.6, wd_sd=0.07, plots=["a", "b"])
    out = run_monte_carlo(
        chave, plots_for("ab"), {"s": 1.0}, LIB, opts(iterations=50, wd_error=True)
    )
    assert not any(n.startswith("wood density error") for n in out.notes)
