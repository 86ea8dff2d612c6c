"""Accuracy assessment and area estimation (core/accuracy.py).

The worked example is Olofsson et al. (2014), Remote Sensing of Environment 148: 42–57, section 5
(Tables 8 and 9): an error matrix of sample counts for deforestation, forest gain, stable forest and
stable non-forest, with mapped areas of 200,000 / 150,000 / 3,200,000 / 6,450,000 Landsat pixels
(30 m, 0.09 ha). The published values used below were not read from the paper itself here; they are
the values that the public test suite of boothmanrylan/accuracyAssessmentTools
(tests/test_olofsson.py, "table 9") attributes to the paper, and they agree with our own hand
calculation to the printed precision:

- area of deforestation 235,086 pixels ± 68,418 (95 % CI) = 21,158 ± 6,158 ha; forest gain
  11,686 ± 3,756 ha; stable forest 285,770 ± 15,510 ha; stable non-forest 581,386 ± 16,282 ha;
- user's accuracy 0.88 ± 0.07, 0.73 ± 0.10, 0.93 ± 0.04, 0.96 ± 0.02;
- producer's accuracy 0.75 ± 0.21, 0.85, 0.93 ± 0.03, 0.96; overall 0.95 ± 0.02.
  (For forest gain and stable non-forest the printed producer's CIs, 0.23 and 0.01, are not
  reproduced by Eq. 7 — 0.254 and 0.018 — which the same third-party suite also notes; we assert
  only our hand values for them.)

Note the published ± figures use z = 1.96.
"""

from __future__ import annotations

import numpy as np
import pytest

from carbon_pool_plugin.core.accuracy import (
    Z95,
    allocate_stratified,
    choose_sample_ordinals,
    confusion_matrix,
    kappa,
    olofsson_estimate,
    overall_accuracy,
    sample_class_metrics,
)

OLOFSSON_COUNTS = np.array(
    [
        [66, 0, 5, 4],
        [0, 55, 8, 12],
        [1, 0, 153, 11],
        [2, 1, 9, 313],
    ]
)
OLOFSSON_MAPPED_PX = [200_000, 150_000, 3_200_000, 6_450_000]
HA_PER_PIXEL = 0.09


@pytest.fixture
def olofsson():
    return olofsson_estimate(OLOFSSON_COUNTS, OLOFSSON_MAPPED_PX, classes=[1, 2, 3, 4])


def test_olofsson_area_estimates_in_pixels(olofsson):
    assert olofsson.area[0] == pytest.approx(235_086, abs=1)
    assert olofsson.area_ci95[0] == pytest.approx(68_418, abs=1)
    assert olofsson.area.sum() == pytest.approx(sum(OLOFSSON_MAPPED_PX))


@pytest.mark.parametrize(
    "i, area_ha, ci_ha",
    [(0, 21_158, 6_158), (1, 11_686, 3_756), (2, 285_770, 15_510), (3, 581_386, 16_282)],
)
def test_olofsson_area_estimates_in_hectares(olofsson, i, area_ha, ci_ha):
    assert olofsson.area[i] * HA_PER_PIXEL == pytest.approx(area_ha, abs=1)
    assert olofsson.area_ci95[i] * HA_PER_PIXEL == pytest.approx(ci_ha, abs=1)


def test_olofsson_table9_proportions(olofsson):
    expected = np.array(
        [
            [0.0176, 0.0000, 0.0013, 0.0011],
            [0.0000, 0.0110, 0.0016, 0.0024],
            [0.0019, 0.0000, 0.2967, 0.0213],
            [0.0040, 0.0020, 0.0179, 0.6212],
        ]
    )
    assert np.allclose(np.round(olofsson.proportions, 4), expected, atol=1e-4)


def test_olofsson_accuracies(olofsson):
    assert np.round(olofsson.users, 2).tolist() == [0.88, 0.73, 0.93, 0.96]
    assert np.round(Z95 * olofsson.users_se, 2).tolist() == [0.07, 0.10, 0.04, 0.02]
    assert np.round(olofsson.producers, 2).tolist() == [0.75, 0.85, 0.93, 0.96]
    ci = Z95 * olofsson.producers_se
    assert round(ci[0], 2) == 0.21
    assert round(ci[2], 2) == 0.03
    # hand calculation with Olofsson et al. (2013) Eq. 7 (printed values differ, see docstring)
    assert ci[1] == pytest.approx(0.2544, abs=5e-4)
    assert ci[3] == pytest.approx(0.0184, abs=5e-4)
    assert round(olofsson.overall, 2) == 0.95
    assert round(Z95 * olofsson.overall_se, 2) == 0.02


def test_hand_deforestation_proportion():
    # p_.1 = 0.02·66/75 + 0 + 0.32·1/165 + 0.645·2/325
    hand = 0.02 * 66 / 75 + 0.32 * 1 / 165 + 0.645 * 2 / 325
    est = olofsson_estimate(OLOFSSON_COUNTS, OLOFSSON_MAPPED_PX)
    assert est.area_proportion[0] == pytest.approx(hand)


def test_perfect_map_keeps_mapped_areas():
    mat = np.diag([30, 30, 30])
    est = olofsson_estimate(mat, [100.0, 300.0, 600.0])
    assert np.allclose(est.area, [100, 300, 600])
    assert np.allclose(est.area_ci95, 0)
    assert est.overall == pytest.approx(1.0)


def test_unsampled_stratum_refused():
    mat = np.array([[10, 0], [0, 0]])
    with pytest.raises(ValueError):
        olofsson_estimate(mat, [10.0, 20.0])


def test_confusion_kappa_hand_values():
    m = [1, 1, 1, 2, 2, 2, 2, 1]
    r = [1, 1, 2, 2, 2, 2, 1, 1]
    mat, cls = confusion_matrix(m, r)
    assert cls.tolist() == [1, 2]
    assert mat.tolist() == [[3, 1], [1, 3]]
    assert overall_accuracy(mat) == pytest.approx(0.75)
    # po = 0.75, pe = 0.5 → kappa 0.5
    assert kappa(mat) == pytest.approx(0.5)
    metrics = sample_class_metrics(mat)
    assert metrics["users"].tolist() == [0.75, 0.75]
    assert metrics["f1"].tolist() == pytest.approx([0.75, 0.75])


def test_allocation_with_minimum_and_total():
    sizes = allocate_stratified(
        [200_000, 150_000, 3_200_000, 6_450_000], n_total=640, min_per_class=75
    )
    assert sizes.sum() == 640
    assert (sizes >= 75).all()
    assert sizes[3] > sizes[2] > sizes[0]


def test_allocation_equal_capped_by_stratum_size():
    assert allocate_stratified([5, 100, 1000], n_per_class=50).tolist() == [5, 50, 50]


def test_sample_ordinals_seeded():
    a = choose_sample_ordinals([100, 50], [10, 5], seed=3)
    b = choose_sample_ordinals([100, 50], [10, 5], seed=3)
    c = choose_sample_ordinals([100, 50], [10, 5], seed=4)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c))
    assert len(set(a[0].tolist())) == 10 and a[0].max() < 100
