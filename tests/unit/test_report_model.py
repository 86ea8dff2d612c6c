"""Report data model: targets, calendars, valuation (InVEST), catalog and tolerant readers."""

from __future__ import annotations

import datetime as dt
import re
import string

import pandas as pd
import pytest

from carbon_pool_plugin.core import report_model as rm
from carbon_pool_plugin.core.report_html import build_html
from carbon_pool_plugin.core.report_text import (
    CATALOG,
    LANGUAGES,
    MONTHS_TH,
    text,
)


@pytest.mark.parametrize(
    "key, pct",
    [
        ("city_municipality", 15.0),
        ("town_municipality", 20.0),
        ("subdistrict_municipality", 25.0),
        ("sao", 25.0),
    ],
)
def test_green_targets_by_municipality_type(key, pct):
    assert rm.green_target_pct(key) == pct  # science.md §8 criterion 1


def test_enum_order_and_unknown_type():
    assert rm.MUNI_TYPE_KEYS == (
        "city_municipality",
        "town_municipality",
        "subdistrict_municipality",
        "sao",
    )
    with pytest.raises(ValueError):
        rm.green_target_pct("metropolis")
    assert rm.muni_type_from_text("เทศบาลเมือง") == "town_municipality"
    assert rm.muni_type_from_text("อบต.ตัวอย่าง") == "sao"


def test_buddhist_era_and_thai_dates():
    assert rm.be_year(2025) == 2568
    assert rm.be_year(2029) == 2572
    day = dt.date(2026, 1, 15)
    assert rm.format_date(day, "th") == "15 มกราคม พ.ศ. 2569 (ค.ศ. 2026)"
    assert rm.format_date(day, "en") == "15 January 2026 CE (B.E. 2569)"
    assert rm.format_date(dt.date(2025, 12, 31), "th").startswith("31 ธันวาคม พ.ศ. 2568")
    assert len(MONTHS_TH) == 12 and MONTHS_TH[3] == "เมษายน"


def test_present_value_against_hand_calculation():
    # 100 tCO2e/yr at 200 THB for 3 years, r = 10 %, c = 0 %:
    # 20000 + 20000/1.1 + 20000/1.21 = 20000 + 18181.818… + 16528.925… = 54710.743…
    assert rm.present_value(100, 200, 10, 0, 3) == pytest.approx(54710.7438, abs=1e-3)
    # c acts like a second discount factor (InVEST): r = 5, c = 2, T = 2
    # 1000 + 1000/(1.05*1.02) = 1000 + 933.7068… = 1933.7068…
    assert rm.present_value(10, 100, 5, 2, 2) == pytest.approx(1933.7068, abs=1e-3)
    # no discounting: price x annual x T (the InVEST forum check: value = ΔC x price)
    assert rm.present_value(24697 / 30, 37, 0, 0, 30) == pytest.approx(24697 * 37)
    assert rm.present_value(100, 200, 3, 0, 0) == 0.0


def test_number_format():
    assert rm.fmt_num(11733.333, 1) == "11,733.3"
    assert rm.fmt_num(2610000, 0) == "2,610,000"
    assert rm.fmt_num(None) == rm.DASH
    assert rm.fmt_num(float("nan")) == rm.DASH


def test_catalog_complete_and_placeholders_match():
    fmt = string.Formatter()
    for key, entry in CATALOG.items():
        for lang in LANGUAGES:
            assert entry.get(lang), "{} has no {}".format(key, lang)
        names = [{f for _, f, _, _ in fmt.parse(entry[lang]) if f} for lang in LANGUAGES]
        assert names[0] == names[1], key
    for key in ("type_" + k for k in rm.MUNI_TYPE_KEYS):
        assert key in CATALOG
    assert re.search("[\u0e00-\u0e7f]", text("report_title", "th"))


STRATA = pd.DataFrame(
    [
        dict(
            stratum="park",
            row_type="stratum",
            area_ha=30.0,
            n=12,
            mean_tc_ha=90.0,
            total_tco2e=9900.0,
            total_tco2e_ci95_low=8600.0,
            total_tco2e_ci95_high=11200.0,
            u90_pct=11.0,
        ),
        dict(
            stratum="ALL",
            row_type="total",
            area_ha=50.0,
            n=20,
            mean_tc_ha=64.0,
            total_tc=3200.0,
            total_tco2e=11733.33,
            total_tco2e_ci90_low=10607.0,
            total_tco2e_ci90_high=12860.0,
            total_tco2e_ci95_low=10372.0,
            total_tco2e_ci95_high=13094.0,
            u90_pct=9.6,
            deduction_pct=0.0,
            conservative_total_tco2e=11733.33,
            note="a | b",
        ),
    ]
)


def _inputs(**kw):
    base = dict(
        lang="th",
        municipality_name="เทศบาลเมืองทดสอบ",
        municipality_type="town_municipality",
        population=12000,
        boundary_area_ha=400.0,
        strata=STRATA,
        generated=dt.date(2026, 1, 15),
        plugin_version="9.9.9",
    )
    base.update(kw)
    return rm.ReportInputs(**base)


def test_green_share_against_target_and_per_capita():
    data = rm.build_report_data(_inputs())
    assert data.totals["green_area_ha"] == 50.0
    assert data.totals["green_share_pct"] == pytest.approx(12.5)
    assert data.totals["meets_target"] == 0.0
    assert data.totals["m2_per_person"] == pytest.approx(50 * 10000 / 12000)
    rows = dict(data.green_rows)
    # short of 20 % of 400 ha = 80 ha by 30 ha = 187.5 rai -> "188"
    assert "188" in rows["เกณฑ์ขั้นต่ำสำหรับเทศบาลเมือง"]
    ok = rm.build_report_data(
        _inputs(boundary_area_ha=200.0, municipality_type="city_municipality")
    )
    assert ok.totals["meets_target"] == 1.0


def test_stock_valuation_and_missing_sections():
    data = rm.build_report_data(
        _inputs(lang="en", price_thb_per_tco2e=200.0, discount_rate_pct=3.0, horizon_years=10)
    )
    assert data.key_figure == "11,733.3 tCO2e"
    assert data.totals["stock_value_thb"] == pytest.approx(11733.33 * 200)
    assert "npv_thb" not in data.totals  # no sequestration input
    assert set(data.missing) >= {"change", "trees", "budget", "polygons"}
    assert data.notes == ["a", "b"]
    change = pd.DataFrame(
        [
            dict(
                stratum="ALL",
                row_type="total",
                annual_tco2e_yr=100.0,
                annual_tco2e_yr_ci95_low=60.0,
                annual_tco2e_yr_ci95_high=140.0,
            )
        ]
    )
    data = rm.build_report_data(
        _inputs(
            lang="en",
            change=change,
            price_thb_per_tco2e=200.0,
            discount_rate_pct=10.0,
            horizon_years=3,
        )
    )
    assert data.totals["annual_tco2e"] == 100.0
    assert data.totals["annual_ci95_low"] == 60.0
    assert data.totals["npv_thb"] == pytest.approx(54710.7438, abs=1e-3)


def test_trees_species_dbh_flags_and_html_is_well_formed(tmp_path):
    import xml.etree.ElementTree as ET

    trees = pd.DataFrame(
        dict(
            species=["Samanea samann", "Samanea saman", "Ficus religiosa", "?"],
            accepted_name=["Samanea saman", "Samanea saman", "Ficus religiosa", None],
            dbh_cm=[55.0, 12.0, 150.0, None],
            co2e_kg=[3000.0, 200.0, 800.0, None],
            equation_id=["tver_t1_general"] * 3 + [None],
            method=["tver"] * 4,
            flags=["", "SPECIES_FUZZY", None, "DBH_MISSING;SPECIES_UNMATCHED"],
        )
    )
    data = rm.build_report_data(_inputs(trees=trees))
    labels, values = data.species_chart
    assert labels[0] == "Samanea saman" and values[0] == pytest.approx(3.2)
    dbh_labels, counts = data.dbh_chart
    assert sum(counts) == 3 and counts[-1] == 1 and dbh_labels[-1] == "≥100"
    assert rm.flag_counts(trees["flags"]) == {
        "DBH_MISSING": 1,
        "SPECIES_FUZZY": 1,
        "SPECIES_UNMATCHED": 1,
    }
    assert data.equations_table.rows[0][:2] == ["tver_t1_general", "3"]
    html = build_html(data, {}, credits="x & y")
    root = ET.fromstring(html.split("\n", 1)[1])
    assert root.get("lang") == "th"
    assert "11,733.3" in html and "x &amp; y" in html


def test_tolerant_column_lookup():
    frame = pd.DataFrame({"Total_TCO2E": [1.0]})
    assert rm.find_column(frame, "total_tco2e") == "Total_TCO2E"
    assert rm.find_column(frame, "nope") is None
    assert rm.find_column(None, "x") is None


def test_deduction_row_says_what_it_is_a_share_of():
    """T-VER deduction = share of the 90 % half-width (science.md §6.4), not of the stock: with a
    50 % deduction and a conservative value 563.33 tCO2e below the estimate (11,733.33 -
    11,170.00, hand-computed), the row names the half-width and the tonnes deducted."""
    strata = STRATA.copy()
    total = strata["row_type"] == "total"
    strata.loc[total, "deduction_pct"] = 50.0
    strata.loc[total, "conservative_total_tco2e"] = 11170.0
    for lang, label in (("en", "share of the 90 % half-width"), ("th", "ครึ่งช่วงความเชื่อมั่น 90 %")):
        rows = dict(rm.build_report_data(_inputs(lang=lang, strata=strata)).stock_rows)
        (key,) = [k for k in rows if label in k]
        assert rows[key] == "50 % (−563.3 tCO2e)"


def test_polygon_table_translates_the_density_source():
    """The stock map's density_source codes (core.stock_map) appear in the report's language."""
    polygons = pd.DataFrame(
        {
            "gs_id": ["a", "b", "c"],
            "area_ha": [3.0, 2.0, 1.0],
            "co2e_t": [30.0, 20.0, 0.0],
            "density_source": ["stratum", "plots", "no estimate"],
        }
    )
    for lang, expected in (
        ("th", ["ค่าเฉลี่ยชั้นภูมิ", "แปลงตัวอย่างในรูปแปลง", "ไม่มีค่าประมาณ"]),
        ("en", ["stratum mean", "plots in the polygon", "no estimate"]),
    ):
        table = rm.build_report_data(_inputs(lang=lang, polygons=polygons)).polygon_table
        assert [row[-1] for row in table.rows] == expected


def test_conservative_annual_removal_in_the_report():
    """T-VER deduction on the removal (science.md §6.4), hand-computed: 100 tCO2e/yr with a 90 %
    interval 80–120 -> half-width 20, U = 20 % -> d = 50 % -> 10 deducted -> 90 tCO2e/yr."""
    change = pd.DataFrame(
        [
            dict(
                stratum="ALL",
                row_type="total",
                annual_tco2e_yr=100.0,
                annual_tco2e_yr_ci90_low=80.0,
                annual_tco2e_yr_ci90_high=120.0,
                annual_tco2e_yr_ci95_low=76.0,
                annual_tco2e_yr_ci95_high=124.0,
            )
        ]
    )
    data = rm.build_report_data(_inputs(lang="en", change=change))
    rows = dict(data.seq_rows)
    assert data.totals["conservative_annual_tco2e"] == pytest.approx(90.0)
    assert rows["Conservative annual removal (after deduction)"] == "90.0 tCO2e per year"
    deduction = [v for k, v in data.seq_rows if k.startswith("Uncertainty deduction")]
    assert deduction == ["50 % (−10.0 tCO2e per year)"]
