"""Reading numbers and column names as Thai field sheets write them."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.inventory import merge_flags, prepare_trees
from carbon_pool_plugin.core.tabular import detect_columns, to_numeric, to_text


def test_to_numeric_reads_people_numbers():
    values = [12.5, "12,5", "๑๒.๕", " 7 ", "1,234.5", "45 cm", "30 ซม.", None, "", "ไม่ได้วัด", "inf"]
    numbers, missing, invalid = to_numeric(values)
    assert numbers[:7].tolist() == [12.5, 12.5, 12.5, 7.0, 1234.5, 45.0, 30.0]
    assert missing.tolist() == [False] * 7 + [True, True, False, False]
    assert invalid.tolist() == [False] * 9 + [True, True]
    assert all(math.isnan(v) for v in numbers[7:])


def test_to_text_blank_is_none():
    assert to_text([" Samanea saman ", "", None, 5]).tolist() == ["Samanea saman", None, None, "5"]


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            ["รหัสแปลง", "เลขป้าย", "ชื่อวิทยาศาสตร์", "เส้นรอบวง_ซม", "ความสูง_ม"],
            {
                "plot": "รหัสแปลง",
                "tag": "เลขป้าย",
                "species": "ชื่อวิทยาศาสตร์",
                "girth": "เส้นรอบวง_ซม",
                "height": "ความสูง_ม",
            },
        ),
        (
            ["Plot_ID", "Species", "DBH", "Height"],
            {"plot": "Plot_ID", "species": "Species", "dbh": "DBH", "height": "Height"},
        ),
        (
            ["ชนิดไม้", "เส้นรอบวง", "ความสูง"],
            {"species": "ชนิดไม้", "girth": "เส้นรอบวง", "height": "ความสูง"},
        ),
    ],
)
def test_detect_columns_thai_and_english(headers, expected):
    assert detect_columns(headers) == expected


def test_prepare_trees_girth_multistem_and_flags():
    import pandas as pd

    raw = pd.DataFrame(
        {
            "sp": ["Samanea saman", "Tectona grandis", "x", "y", "z", "w"],
            "girth": ["94.2478", "-5", "ไม่ได้วัด", None, "0", "10"],
            "stems": [None, None, None, None, None, "31.4159;31.4159"],
            "h": [20, "?", None, 5, 5, 5],
        }
    )
    prepared = prepare_trees(
        raw, {"species": "sp", "dbh": "girth", "stems": "stems", "height": "h"}, "girth_cm"
    )
    dbh = prepared.frame["dbh_cm"].to_numpy()
    # girth 94.2478 cm / pi = 30.0000 cm (science.md §0: D = C/π)
    assert dbh[0] == pytest.approx(30.0, abs=1e-4)
    # two stems of girth 10π cm -> d = 10 cm each -> √(10² + 10²) = 14.142 cm
    assert dbh[5] == pytest.approx(math.sqrt(200.0), rel=1e-5)
    assert np.isnan(dbh[1:5]).all()
    flags = merge_flags(prepared.flags, pd.Series([""] * 6))
    assert flags[1] == "DBH_INVALID;H_INVALID"  # negative girth, "?" height
    assert flags[2] == "DBH_INVALID"  # text
    assert flags[3] == "DBH_MISSING"
    assert flags[4] == "DBH_INVALID"  # zero
    assert "H_INVALID" in flags[1]
    assert "MULTI_STEM" in flags[5]


def test_prepare_trees_requires_dbh():
    import pandas as pd

    with pytest.raises(ValueError, match="DBH"):
        prepare_trees(pd.DataFrame({"a": [1]}), {"species": "a"}, "cm")


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("girth_cm", None),  # the sample's right unit: no warning
        ("cm", "girth"),  # girths taken for diameters: median H/D 0.18 m/cm
        # girths read as millimetre diameters: D = g / 10 instead of g / π, median H/D 1.8 m/cm,
        # within the normal range: not detected here (see the BELOW_MIN_DBH share warning)
        ("mm", None),
    ],
)
def test_prepare_trees_warns_about_a_wrong_dbh_unit(unit, expected):
    """The bundled sample inventory (girth at 1.30 m in cm, heights in m) with each DBH unit;
    median H/D ratios hand-computed from the file: 0.57 (girth), 0.18 (cm), 1.80 (mm)."""
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "trees_2568.csv"
    raw = pd.read_csv(sample, encoding="utf-8-sig", dtype=str)
    prepared = prepare_trees(
        raw, {"species": "ชื่อวิทยาศาสตร์", "dbh": "เส้นรอบวง_ซม", "height": "ความสูง_ม"}, unit
    )
    if expected is None:
        assert prepared.warnings == []
    else:
        assert len(prepared.warnings) == 1 and expected in prepared.warnings[0]
