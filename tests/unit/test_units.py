"""Unit constants and conversions (science.md section 0; T-VER DBH definition section 1.0)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core import units


def test_constants_match_science_sheet() -> None:
    # science.md section 0: 1 rai = 1,600 m2 = 0.16 ha; 1 ha = 6.25 rai [S NONARKARA]; 44/12 [>=3 S]
    assert units.RAI_M2 == 1600
    assert units.HA_M2 == 10000
    assert units.RAI_PER_HA == 6.25
    assert units.HA_PER_RAI == pytest.approx(0.16)
    assert units.C_TO_CO2 == pytest.approx(3.6667, abs=1e-4)


def test_girth_to_dbh() -> None:
    # D = C / pi (circumference at 1.30 m): 94.25 cm girth -> 30.0 cm DBH
    out = units.dbh_to_cm(np.array([94.25, 31.4159]), "girth_cm")
    assert out == pytest.approx([30.0, 10.0], abs=0.01)
    assert units.dbh_to_cm([0.9425], "girth_m")[0] == pytest.approx(30.0, abs=0.01)


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [("cm", 30.0, 30.0), ("mm", 300.0, 30.0), ("m", 0.30, 30.0), ("girth_mm", 942.48, 30.0)],
)
def test_dbh_units(unit: str, value: float, expected: float) -> None:
    assert units.dbh_to_cm(np.array([value]), unit)[0] == pytest.approx(expected, abs=0.01)


def test_dbh_non_numeric_becomes_nan_and_bad_unit_raises() -> None:
    out = units.dbh_to_cm(np.array(["12", "x", None], dtype=object), "cm")
    assert out[0] == 12.0 and np.isnan(out[1]) and np.isnan(out[2])
    with pytest.raises(ValueError, match="Unknown DBH unit"):
        units.dbh_to_cm([1.0], "inch")


def test_quadratic_mean_stems() -> None:
    # equivalent diameter sqrt(sum d_i^2): 12, 8.5, 6 -> sqrt(144 + 72.25 + 36) = 15.882
    expected = math.sqrt(12**2 + 8.5**2 + 6**2)
    assert units.quadratic_mean_stems("12;8.5;6") == pytest.approx(expected)
    assert units.quadratic_mean_stems([12, 8.5, 6]) == pytest.approx(expected)
    assert units.quadratic_mean_stems(" 3 , 4 ") == pytest.approx(5.0)
    assert units.quadratic_mean_stems(7.0) == pytest.approx(7.0)
    assert math.isnan(units.quadratic_mean_stems(""))
    assert math.isnan(units.quadratic_mean_stems("a;b"))
    assert math.isnan(units.quadratic_mean_stems(None))


def test_quadratic_mean_stems_series() -> None:
    s = pd.Series(["3;4", "10", None, "6|8"], index=[5, 6, 7, 8])
    out = units.quadratic_mean_stems(s)
    assert list(out.index) == [5, 6, 7, 8]
    assert out.iloc[0] == pytest.approx(5.0)
    assert out.iloc[1] == pytest.approx(10.0)
    assert np.isnan(out.iloc[2])
    assert out.iloc[3] == pytest.approx(10.0)


def test_detect_implausible_dbh_unit() -> None:
    # plugin heuristic: median > 150 cm suggests mm or girth; < 1 cm suggests metres
    assert units.detect_implausible_dbh_unit([25, 30, 40]) is None
    msg = units.detect_implausible_dbh_unit([250, 300, 400])
    assert msg is not None and "millimetres" in msg
    assert "metres" in units.detect_implausible_dbh_unit([0.2, 0.3, 0.25])
    assert units.detect_implausible_dbh_unit([np.nan, None]) is None


def test_detect_wrong_unit_from_height_dbh_ratio() -> None:
    """Plugin heuristic (units.HD_RATIO_*): trees have a median H/D of ~0.3–1.2 m per cm; the
    expected ratios below are hand-computed from H = 0.55 m/cm × D."""
    d = np.linspace(10.0, 60.0, 40)  # cm
    h = 0.55 * d  # m: median ratio 0.55
    assert units.detect_implausible_dbh_unit(d, h, "cm") is None
    girth_as_dbh = units.detect_implausible_dbh_unit(d * np.pi, h, "cm")  # 0.55 / π = 0.175
    assert girth_as_dbh is not None and "0.18" in girth_as_dbh and "girth" in girth_as_dbh
    # chosen unit is already a girth: the π explanation does not apply
    assert units.detect_implausible_dbh_unit(d * np.pi, h, "girth_cm") is None
    cm_as_mm = units.detect_implausible_dbh_unit(d / 10.0, h, "mm")  # 0.55 × 10 = 5.5
    assert cm_as_mm is not None and "5.50" in cm_as_mm and "10 times" in cm_as_mm
    # too few trees with both H and D: the ratio is not used (median DBH 35 cm × π = 110 cm)
    assert units.detect_implausible_dbh_unit(d[:10] * np.pi, h[:10], "cm") is None
    # no heights: centimetres read as millimetres still show by the median DBH (35 / 10 = 3.5,
    # 20 / 10 = 2.0 cm)
    assert units.detect_implausible_dbh_unit(d / 10.0, None, "mm") is None
    small = units.detect_implausible_dbh_unit(np.full(30, 2.0), None, "mm")
    assert small is not None and "centimetres" in small


def test_per_rai_conversion() -> None:
    assert units.per_ha_to_per_rai(62.5) == pytest.approx(10.0)
    assert units.per_rai_to_per_ha(10.0) == pytest.approx(62.5)
