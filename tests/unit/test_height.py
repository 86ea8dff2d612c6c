"""Height-diameter models (science.md §3.1)."""

from __future__ import annotations

import math
import os
import warnings

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core import height as height_mod
from carbon_pool_plugin.core.height import (
    HDModel,
    HeightFallbackWarning,
    HeightModelError,
    chave_e6a,
    feldpausch,
    fill_heights,
    fit_hd_models,
    fit_local_hd,
    hd_fit_subsample,
    valid_height_mask,
)

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")


# --- regional models: hand calculations ----------------------------------------------------------


def test_feldpausch_hand_calculation():
    # Feldpausch et al. 2012, coefficients from BIOMASS data/feldCoef.rda (science.md §3.1):
    # SEAsia a = 57.122, b = 0.0332, c = 0.8468; Pantropical a = 50.874, b = 0.0420, c = 0.7840.
    # D = 30 cm: 30^0.8468 = 17.817, 0.0332 * 17.817 = 0.59151, 57.122 * (1 - e^-0.59151) = 25.506
    se = 57.122 * (1 - math.exp(-0.0332 * 30**0.8468))
    # D = 30 cm: 30^0.7840 = 14.390, 0.0420 * 14.390 = 0.60438, 50.874 * (1 - e^-0.60438) = 23.076
    pt = 50.874 * (1 - math.exp(-0.0420 * 30**0.7840))
    assert se == pytest.approx(25.506, abs=1e-3)
    assert pt == pytest.approx(23.076, abs=1e-3)
    assert feldpausch([30.0])[0] == pytest.approx(se, rel=1e-12)
    assert feldpausch([30.0], region="Pantropical")[0] == pytest.approx(pt, rel=1e-12)
    assert feldpausch([30.0], region="seasia")[0] == pytest.approx(se, rel=1e-12)
    out = feldpausch([np.nan, 0.0, -1.0, 10.0])
    assert np.isnan(out[:3]).all() and out[3] == pytest.approx(11.887, abs=1e-3)
    with pytest.raises(ValueError):
        feldpausch([10.0], region="Africa-ish")


def test_chave_e6a_hand_calculation():
    # Chave et al. 2014 Eq. 6a as in BIOMASS R/retrieveH.R (science.md §3.1):
    # ln H = 0.893 - E + 0.760 ln D - 0.0340 (ln D)^2, RSE = 0.243, H = exp(ln H + RSE^2 / 2)
    # D = 10, E = 0.1: ln D = 2.302585; ln H = 0.793 + 1.749965 - 0.180265 = 2.362700;
    # + 0.029525 = 2.392225 -> H = 10.938 m
    lnd = math.log(10.0)
    expected = math.exp(0.893 - 0.1 + 0.760 * lnd - 0.0340 * lnd**2 + 0.5 * 0.243**2)
    assert expected == pytest.approx(10.938, abs=1e-3)
    assert chave_e6a([10.0], 0.1)[0] == pytest.approx(expected, rel=1e-12)
    # D = 30, E = 0: ln H = 0.893 + 2.584910 - 0.393317 = 3.084593 (+0.029525) -> 22.513 m
    assert chave_e6a([30.0], 0.0)[0] == pytest.approx(22.513, abs=1e-3)
    # E per tree
    out = chave_e6a([10.0, 10.0, np.nan], [0.1, np.nan, 0.0])
    assert out[0] == pytest.approx(expected) and np.isnan(out[1:]).all()


# --- local fits on synthetic data --------------------------------------------------------------


def _synthetic(f, n: int = 400, noise: float = 1.5, seed: int = 20240501):
    rng = np.random.default_rng(seed)
    d = rng.uniform(5.0, 100.0, n)
    h = f(d) + rng.normal(0.0, noise, n)
    return d, h


def test_weibull_recovers_parameters():
    a, b, c = 40.0, 0.05, 0.9
    d, h = _synthetic(lambda x: a * (1 - np.exp(-b * x**c)))
    m = fit_local_hd(d, h, models=("weibull",))
    assert m.name == "weibull" and m.n == len(d)
    assert m.params["a"] == pytest.approx(a, rel=0.05)
    assert m.params["b"] == pytest.approx(b, rel=0.25)
    assert m.params["c"] == pytest.approx(c, rel=0.10)
    assert m.rse == pytest.approx(1.5, rel=0.1)  # noise sd
    grid = np.array([10.0, 30.0, 60.0, 90.0])
    assert m.predict(grid) == pytest.approx(a * (1 - np.exp(-b * grid**c)), abs=0.6)


def test_michaelis_menten_recovers_parameters():
    a, b = 45.0, 20.0
    d, h = _synthetic(lambda x: a * x / (b + x), seed=7)
    m = fit_local_hd(d, h, models=("michaelis_menten",))
    assert m.params["a"] == pytest.approx(a, rel=0.05)
    assert m.params["b"] == pytest.approx(b, rel=0.10)
    assert m.source == "local_michaelis_menten"


def test_loglog_recovers_parameters_and_baskerville():
    rng = np.random.default_rng(11)
    d = rng.uniform(5.0, 80.0, 500)
    a, b, s = 1.2, 0.55, 0.15
    h = np.exp(a + b * np.log(d) + rng.normal(0.0, s, d.size))
    m = fit_local_hd(d, h, models=("loglog",))
    assert m.params["a"] == pytest.approx(a, abs=0.05)
    assert m.params["b"] == pytest.approx(b, abs=0.02)
    rse_log = m.extra["rse_log"]
    assert rse_log == pytest.approx(s, rel=0.1)
    assert m.params["cf"] == pytest.approx(math.exp(rse_log**2 / 2))
    # prediction = exp(a + b ln D) * exp(RSE_log^2 / 2)
    pred = math.exp(m.params["a"] + m.params["b"] * math.log(20.0)) * m.params["cf"]
    assert m.predict([20.0])[0] == pytest.approx(pred)
    # RSE on the H scale with df = n - 2
    res = h - m.predict(d)
    assert m.rse == pytest.approx(math.sqrt(np.sum(res**2) / (d.size - 2)))


def test_best_model_is_smallest_rse():
    a, b, c = 35.0, 0.02, 1.3  # sigmoid-like curve only the Weibull can follow
    d, h = _synthetic(lambda x: a * (1 - np.exp(-b * x**c)), seed=3, noise=1.0)
    fits = fit_hd_models(d, h)
    assert [f.name for f in fits] == sorted(
        [f.name for f in fits], key=lambda nm: next(f.rse for f in fits if f.name == nm)
    )
    assert {f.name for f in fits} == {"loglog", "michaelis_menten", "weibull"}
    best = fit_local_hd(d, h)
    assert best.rse == min(f.rse for f in fits)
    assert best.name == "weibull"
    # RSE uses df = n - p on the H scale
    res = h - best.predict(d)
    assert best.rse == pytest.approx(math.sqrt(np.sum(res**2) / (d.size - 3)))


def test_large_set_fits_on_stratified_subsample_close_to_full_fit(monkeypatch):
    # 100k trees: the non-linear models are fitted on HD_FIT_MAX_TREES DBH-stratified trees; the
    # parameters and predictions stay within a tight tolerance of the fit on every tree, and the
    # reported RSE is the one on all trees.
    rng = np.random.default_rng(2568)
    n = 100_000
    d = rng.lognormal(np.log(22.0), 0.6, n)
    h = 38.0 * (1 - np.exp(-0.04 * d**0.95)) * rng.normal(1.0, 0.12, n)
    assert n > height_mod.HD_FIT_MAX_TREES
    sub_fits = {m.name: m for m in fit_hd_models(d, h)}
    again = {m.name: m for m in fit_hd_models(d[::-1], h[::-1])}  # deterministic, order-free
    monkeypatch.setattr(height_mod, "HD_FIT_MAX_TREES", 10**9)
    full_fits = {m.name: m for m in fit_hd_models(d, h)}
    grid = np.quantile(d, [0.01, 0.1, 0.5, 0.9, 0.99])
    for name in ("michaelis_menten", "weibull"):
        sub, full = sub_fits[name], full_fits[name]
        assert sub.extra["n_fit"] == 5000 and sub.n == n and "n_fit" not in full.extra
        assert again[name].params == sub.params
        assert again[name].rse == pytest.approx(sub.rse, rel=1e-12)  # summation order only
        # differences are the sampling error of a 5,000-tree fit (Weibull b and c compensate)
        tol = {"a": 0.03, "b": 0.08, "c": 0.03}
        for key, value in full.params.items():
            assert sub.params[key] == pytest.approx(value, rel=tol[key]), (name, key)
        assert sub.predict(grid) == pytest.approx(full.predict(grid), abs=0.35)
        p = len(sub.params)
        assert sub.rse == pytest.approx(math.sqrt(np.sum((h - sub.predict(d)) ** 2) / (n - p)))
        assert sub.rse == pytest.approx(full.rse, rel=1e-3)
    assert sub_fits["loglog"].params == full_fits["loglog"].params  # OLS: always every tree


def test_hd_fit_subsample_is_stratified_and_small_sets_untouched():
    d = np.arange(1.0, 20_001.0)
    h = np.full(d.size, 10.0)
    idx = hd_fit_subsample(d, h, cap=100)
    assert len(idx) == 100 and np.all(np.diff(idx) > 0)
    assert np.array_equal(np.sort(d[idx]) // 200, np.arange(100.0))  # one per DBH class
    assert np.array_equal(idx, hd_fit_subsample(d, h, cap=100))
    assert np.array_equal(hd_fit_subsample(d[:50], h[:50], cap=100), np.arange(50))


def test_too_few_or_invalid_trees():
    with pytest.raises(HeightModelError):
        fit_local_hd([10, 20, 30, 40, 50], [8, 12, 15, 17, 18])
    d = np.arange(5.0, 25.0)
    h = np.full(d.size, np.nan)
    h[:9] = 10 + 0.5 * d[:9]
    h[9:12] = [1.0, 0.0, 150.0]  # invalid heights do not count
    with pytest.raises(HeightModelError):
        fit_local_hd(d, h, min_trees=10)
    with pytest.raises(HeightModelError):
        fit_local_hd([10] * 12, list(range(5, 17)))  # one diameter only
    with pytest.raises(ValueError):
        fit_local_hd(d, h, models=("cubic",))


def test_hdmodel_predict_handles_bad_diameters():
    m = HDModel("weibull", {"a": 40.0, "b": 0.05, "c": 0.9}, 1.0, 10)
    out = m.predict([np.nan, -2.0, 0.0, 20.0])
    assert np.isnan(out[:3]).all() and out[3] > 0


# --- fill_heights ------------------------------------------------------------------------------


def test_valid_height_mask_tver_limits():
    h = [np.nan, -1.0, 0.0, 1.3, 1.31, 50.0, 100.0, 100.1, np.inf]
    assert valid_height_mask(h).tolist() == [
        False,
        False,
        False,
        False,
        True,
        True,
        True,
        False,
        False,
    ]


def test_fill_heights_local_keeps_measured_and_marks_invalid():
    a, b, c = 40.0, 0.05, 0.9
    d, h = _synthetic(lambda x: a * (1 - np.exp(-b * x**c)), n=60, seed=5)
    h = h.copy()
    h[0], h[1], h[2] = np.nan, 1.0, 180.0
    filled, source = fill_heights(d, h, option="local")
    model = fit_local_hd(d, h)
    assert source[3:].tolist() == ["measured"] * 57
    assert filled[3:] == pytest.approx(h[3:])
    label = "local_" + model.name
    assert source[:3].tolist() == [label, label + "|invalid_h", label + "|invalid_h"]
    assert filled[:3] == pytest.approx(model.predict(d[:3]))


def test_fill_heights_falls_back_to_feldpausch_when_too_few():
    d = np.array([10.0, 20.0, 30.0, 40.0, 50.0, 60.0])
    h = np.array([12.0, 18.0, np.nan, np.nan, 0.5, 30.0])
    with pytest.warns(HeightFallbackWarning):
        filled, source = fill_heights(d, h, option="local", min_trees=10)
    assert source.tolist() == [
        "measured",
        "measured",
        "feldpausch_seasia",
        "feldpausch_seasia",
        "feldpausch_seasia|invalid_h",
        "measured",
    ]
    assert filled[2:5] == pytest.approx(feldpausch(d[2:5], "SEAsia"))


def test_fill_heights_other_options():
    d = np.array([10.0, 30.0, np.nan])
    h = np.array([np.nan, 25.0, np.nan])
    filled, source = fill_heights(d, h, option="feldpausch", region="Pantropical")
    assert source.tolist() == ["feldpausch_pantropical", "measured", "none"]
    assert filled[0] == pytest.approx(feldpausch([10.0], "Pantropical")[0])
    assert np.isnan(filled[2])
    filled, source = fill_heights(d, h, option="chave", E=0.1)
    assert source.tolist() == ["chave_e6a", "measured", "none"]
    assert filled[0] == pytest.approx(chave_e6a([10.0], 0.1)[0])
    with pytest.raises(ValueError):
        fill_heights(d, h, option="chave")
    filled, source = fill_heights(d, [1.0, 25.0, np.nan], option="none")
    assert source.tolist() == ["none|invalid_h", "measured", "none"]
    assert np.isnan(filled[0]) and filled[1] == 25.0
    filled, source = fill_heights(d, None, option="feldpausch")  # no heights at all
    assert source.tolist() == ["feldpausch_seasia", "feldpausch_seasia", "none"]
    with pytest.raises(ValueError):
        fill_heights(d, h, option="magic")


def test_fill_heights_with_prefitted_model():
    m = HDModel("michaelis_menten", {"a": 45.0, "b": 20.0}, 1.0, 50)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no fallback warning: the model is used as given
        filled, source = fill_heights([20.0, 40.0], [np.nan, 30.0], option="local", model=m)
    assert source.tolist() == ["local_michaelis_menten", "measured"]
    assert filled[0] == pytest.approx(22.5)


# --- real inventory ----------------------------------------------------------------------------


def test_local_fit_on_nouragues_subset():
    # BIOMASS vignette data (umr-amap/BIOMASS, GPL-2), see tests/data/README.md. Its H is itself
    # the output of a local H-D model, so the fit is far tighter than on real measurements.
    df = pd.read_csv(os.path.join(DATA, "nouragues_subset.csv"))
    assert len(df) == 300
    fits = fit_hd_models(df["D"], df["H"])
    best = fits[0]
    assert best.n == 300
    assert 0.0 < best.rse < 6.0
    pred = best.predict(df["D"])
    assert np.all((pred > 5.0) & (pred < 60.0))
    # the regional model (SE Asia) differs from this Guianan forest but stays in range
    assert 0.5 < np.median(feldpausch(df["D"]) / df["H"]) < 1.5
