"""Sample size and allocation.

Source: BioCarbon Fund Sourcebook (Pearson, Walker & Brown), science.md 7.3:
n = (sum N_h s_h)^2 / (N^2 E^2 / t^2 + sum N_h s_h^2), N_h = stratum area / plot area,
E = mean x precision, t ~ 2 at 95 %; single stratum n = (N s)^2 / (N^2 E^2/t^2 + N s^2);
Neyman allocation n_h ~ N_h s_h. The proportional/equal totals follow Cochran (1977) 5.26-5.27
(the same derivation; the Sourcebook formula is its Neyman case).
"""

from __future__ import annotations

import math

import pytest
from scipy import stats

from carbon_pool_plugin.core.sampling_stats import sample_size


def test_single_stratum_hand_calculation():
    # 100 ha / 0.04 ha plots -> N = 2500; s = 30, mean 100, precision 10 % -> E = 10; t = 2
    # n = (2500*30)^2 / (2500^2 * 10^2 / 2^2 + 2500 * 30^2) = 5.625e9 / 1.585e8 = 35.489 -> 36
    n_hand = (2500 * 30) ** 2 / (2500**2 * 10**2 / 2**2 + 2500 * 30**2)
    assert n_hand == pytest.approx(35.48895899)
    for alloc in ("proportional", "neyman", "equal"):
        r = sample_size(
            {"s": 100.0},
            {"s": 30.0},
            mean=100.0,
            plot_area_ha=0.04,
            t_value=2.0,
            allocation=alloc,
        )
        assert r.n_required == pytest.approx(n_hand, rel=1e-12)
        assert r.n_sourcebook == pytest.approx(n_hand, rel=1e-12)
        assert r.n_total == 36
        assert r.allocation["n"].tolist() == [36]


AREAS = {"a": 60.0, "b": 40.0}
SD = {"a": 20.0, "b": 40.0}
MEAN = {"a": 80.0, "b": 120.0}


def test_neyman_equals_sourcebook_formula():
    # plot 0.1 ha: N_a = 600, N_b = 400, N = 1000; mean = 0.6*80 + 0.4*120 = 96; E = 9.6; t = 2
    # sum N s = 12000 + 16000 = 28000; sum N s^2 = 600*400 + 400*1600 = 880000
    # n = 28000^2 / (1000^2 * 9.6^2 / 4 + 880000) = 7.84e8 / 2.392e7 = 32.776 -> 33
    # Neyman shares 12/28, 16/28 -> 14.143, 18.857 -> floor 14 + 18 = 32, +1 to b (.857) -> 14, 19
    n_hand = 28000**2 / (1000**2 * 9.6**2 / 4 + 880000)
    r = sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, t_value=2.0, allocation="neyman")
    assert r.n_required == pytest.approx(n_hand, rel=1e-12)
    assert r.n_sourcebook == pytest.approx(n_hand, rel=1e-12)
    assert r.n_total == 33
    assert r.allocation["n"].tolist() == [14, 19]
    assert r.achieved_precision <= 0.1


def test_proportional_total_is_larger_and_meets_precision():
    # Cochran, proportional: n = sum W s^2 / (E^2/t^2 + sum W s^2 / N)
    #   = (0.6*400 + 0.4*1600) / (9.6^2/4 + 880/1000) = 880 / 23.92 = 36.789 -> 37
    # allocation 0.6*37 = 22.2, 0.4*37 = 14.8 -> 22 + 14 = 36, +1 to b (.8) -> 22, 15
    n_hand = 880 / (9.6**2 / 4 + 880 / 1000)
    r = sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, t_value=2.0)
    assert r.n_required == pytest.approx(n_hand, rel=1e-12)
    assert r.n_required > r.n_sourcebook
    assert r.n_total == 37
    assert r.allocation["n"].tolist() == [22, 15]
    assert r.allocation["n"].sum() == r.n_total
    assert r.achieved_precision <= 0.1


def test_equal_allocation_and_cv_input():
    # equal: n = L sum W^2 s^2 / (E^2/t^2 + sum W s^2/N) = 2*(0.36*400 + 0.16*1600)/23.92
    n_hand = 2 * (0.36 * 400 + 0.16 * 1600) / 23.92
    cv = {"a": 20 / 80, "b": 40 / 120}
    r = sample_size(AREAS, cv=cv, mean=MEAN, plot_area_ha=0.1, t_value=2.0, allocation="equal")
    assert r.n_required == pytest.approx(n_hand, rel=1e-12)
    assert r.allocation["n"].tolist() == [17, 17]  # ceil(33.44) = 34 split evenly


def test_min_per_stratum_enforced_and_total_re_reported():
    areas = {"a": 60.0, "b": 40.0, "tiny": 0.5}
    sd = {"a": 20.0, "b": 40.0, "tiny": 5.0}
    mean = {"a": 80.0, "b": 120.0, "tiny": 50.0}
    r = sample_size(areas, sd, mean=mean, plot_area_ha=0.1, t_value=2.0, min_per_stratum=2)
    alloc = dict(zip(r.allocation["stratum"], r.allocation["n"]))
    assert alloc["tiny"] == 2
    assert r.n_total == sum(alloc.values())
    assert r.n_total > math.ceil(r.n_required)
    assert any("min_per_stratum" in n for n in r.notes)


def test_iterated_t_is_consistent_with_its_df():
    r = sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, allocation="neyman")
    assert r.df == r.n_total - 2
    assert r.t == pytest.approx(stats.t.ppf(0.975, r.df))
    fixed = sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, allocation="neyman", t_value=r.t)
    assert fixed.n_total == r.n_total
    # small samples need t > z, so more plots than with t = 1.96
    z = sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, allocation="neyman", t_value=1.96)
    assert r.n_total >= z.n_total


def test_allocation_invariant_to_stratum_order():
    r1 = sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, allocation="neyman")
    rev = dict(reversed(list(AREAS.items())))
    r2 = sample_size(rev, SD, mean=MEAN, plot_area_ha=0.1, allocation="neyman")
    a1 = dict(zip(r1.allocation["stratum"], r1.allocation["n"]))
    a2 = dict(zip(r2.allocation["stratum"], r2.allocation["n"]))
    assert a1 == a2 and r1.n_total == r2.n_total


def test_bad_input():
    with pytest.raises(ValueError):
        sample_size(AREAS, SD, plot_area_ha=0.1)  # no mean
    with pytest.raises(ValueError):
        sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, allocation="optimal")
    with pytest.raises(ValueError):
        sample_size(AREAS, SD, mean=MEAN, plot_area_ha=0.1, precision=10)
