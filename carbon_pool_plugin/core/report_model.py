"""Data model of the municipal carbon report (pure Python + pandas; no QGIS).

:func:`build_report_data` turns plain tables (the outputs of ``stratifiedestimate``,
``stockchange``, ``uncertainty``, the mapping algorithms and ``treebiomass``, read into pandas by
the algorithm) into a :class:`ReportData`: every number already formatted in the report language,
so the PDF (QgsLayout) and the HTML show exactly the same strings.

Readers are tolerant: columns are looked up by name (several accepted spellings); a section whose
input is missing is left out and listed in ``ReportData.missing``.

Sources
-------
* Green-area criterion 1 by local-government type (เทศบาลนคร 15 %, เทศบาลเมือง 20 %,
  เทศบาลตำบล / อบต. 25 %) and per-capita references (WHO 9 m², ONEP 15 m² per person):
  science.md §8.
* Uncertainty deduction (T-VER-P-TOOL-01-02 ≡ AR-TOOL14 Appendix 2): science.md §6.4.
* Present value of annual sequestration — the InVEST Carbon Storage and Sequestration model
  (Natural Capital Project, InVEST user guide "Carbon Storage and Sequestration", equation
  ``carbon_value``; ``natcap/invest`` ``src/natcap/invest/carbon.py``
  ``_calculate_valuation_constant``)::

      V = Σ_{t=0}^{T-1}  p × ΔC_annual / ((1 + r/100)^t × (1 + c/100)^t)

  with p the price per tonne, ΔC_annual the (linear) annual sequestration, r the market discount
  rate in % per year and c the "annual rate of change in the price of carbon" in % per year. As
  in InVEST, c sits in the denominator: a positive c means carbon sequestered later is worth
  less (a carbon discount rate); use a negative c for a price expected to rise. InVEST prices
  elemental carbon (per Mg C); this report uses a price per tCO2e and ΔC in tCO2e per year
  (the same formula, consistent units).
* Buddhist Era year = Common Era year + 543.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import pandas as pd

from .report_text import CATALOG, MONTHS_EN, MONTHS_TH, text
from .sampling_stats import uncertainty_deduction

try:  # single home of the municipality types and their green-share criterion
    from .greenarea import MUNI_TYPES as _MUNI_TYPES
except ImportError:  # pragma: no cover - keeps this module standalone
    _MUNI_TYPES = {
        "city_municipality": ("เทศบาลนคร", "city municipality", 15.0),
        "town_municipality": ("เทศบาลเมือง", "town municipality", 20.0),
        "subdistrict_municipality": ("เทศบาลตำบล", "subdistrict municipality", 25.0),
        "sao": ("องค์การบริหารส่วนตำบล", "subdistrict administrative organisation", 25.0),
    }

BE_OFFSET = 543
RAI_PER_HA = 6.25
C_TO_CO2 = 44.0 / 12.0
WHO_M2_PER_PERSON = 9.0
ONEP_M2_PER_PERSON = 15.0

#: Order of the MUNICIPALITY_TYPE enum of ``carbonpool:carbonreport``.
MUNI_TYPE_KEYS: Tuple[str, ...] = (
    "city_municipality",
    "town_municipality",
    "subdistrict_municipality",
    "sao",
)
#: Criterion-1 minimum green share (% of the municipal area) per type (science.md §8).
GREEN_TARGET_PCT: Dict[str, float] = {k: float(_MUNI_TYPES[k][2]) for k in MUNI_TYPE_KEYS}

DBH_BINS_CM: Tuple[float, ...] = (0, 10, 20, 30, 40, 50, 60, 80, 100, math.inf)
DASH = "–"


# ------------------------------------------------------------------------------------------------
# small helpers
# ------------------------------------------------------------------------------------------------
def num(value: Any) -> Optional[float]:
    """``float(value)`` or None for missing / non-numeric / non-finite values."""
    if value is None:
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def fmt_num(value: Any, decimals: int = 1) -> str:
    """Thousands separator and fixed decimals (``1,234.5``); a dash when missing.

    The same function formats the PDF, the HTML and the test expectations.
    """
    v = num(value)
    if v is None:
        return DASH
    if decimals == 0:
        v = round(v)
    return "{:,.{d}f}".format(v, d=decimals)


def fmt_range(low: Any, high: Any, lang: str, decimals: int = 1) -> str:
    if num(low) is None or num(high) is None:
        return DASH
    return text("range", lang, low=fmt_num(low, decimals), high=fmt_num(high, decimals))


def be_year(ce_year: int) -> int:
    """Buddhist Era year for a Common Era year (B.E. = C.E. + 543)."""
    return int(ce_year) + BE_OFFSET


def format_date(day: _dt.date, lang: str) -> str:
    """The date in both calendars, Thai month names in Thai.

    th: ``15 มกราคม พ.ศ. 2569 (ค.ศ. 2026)``; en: ``15 January 2026 CE (B.E. 2569)``.
    """
    if lang == "th":
        return "{d} {m} พ.ศ. {be} (ค.ศ. {ce})".format(
            d=day.day, m=MONTHS_TH[day.month - 1], be=be_year(day.year), ce=day.year
        )
    return "{d} {m} {ce} CE (B.E. {be})".format(
        d=day.day, m=MONTHS_EN[day.month - 1], ce=day.year, be=be_year(day.year)
    )


def green_target_pct(muni_type: str) -> float:
    """Criterion-1 minimum green share in % for a municipality type key (science.md §8)."""
    try:
        return GREEN_TARGET_PCT[muni_type]
    except KeyError:
        raise ValueError("Unknown municipality type: {!r}".format(muni_type)) from None


def present_value(
    annual: float, price: float, discount_pct: float, price_change_pct: float, years: int
) -> float:
    """InVEST present value of a constant annual sequestration (see the module docstring).

    ``V = Σ_{t=0}^{T-1} price × annual / ((1 + r/100)^t (1 + c/100)^t)``.
    """
    years = int(years)
    if years <= 0:
        return 0.0
    ratio = 1.0 / ((1.0 + discount_pct / 100.0) * (1.0 + price_change_pct / 100.0))
    return float(sum(price * annual * ratio**t for t in range(years)))


def find_column(frame: Optional[pd.DataFrame], *candidates: str) -> Optional[str]:
    """First column of ``frame`` matching one of ``candidates`` (case-insensitive), else None."""
    if frame is None:
        return None
    lower = {str(c).lower(): c for c in frame.columns}
    for cand in candidates:
        if cand.lower() in lower:
            return lower[cand.lower()]
    return None


def _value(row: Optional[Mapping], frame: Optional[pd.DataFrame], *candidates: str):
    col = find_column(frame, *candidates)
    if row is None or col is None:
        return None
    return row.get(col)


def _split_total(frame: Optional[pd.DataFrame]) -> Tuple[Optional[dict], Optional[pd.DataFrame]]:
    """(total row as dict, stratum rows) of a table with a ``row_type``/``stratum`` = ALL row."""
    if frame is None or len(frame) == 0:
        return None, None
    rt = find_column(frame, "row_type", "type")
    st = find_column(frame, "stratum", "class", "stratum_used")
    is_total = pd.Series(False, index=frame.index)
    if rt is not None:
        is_total |= frame[rt].astype(str).str.lower().isin(["total", "all"])
    if st is not None:
        is_total |= frame[st].astype(str).str.upper().isin(["ALL", "TOTAL"])
    total = frame[is_total]
    rest = frame[~is_total]
    if rt is not None:
        kinds = rest[rt].astype(str).str.lower()
        keep = kinds.isin(["stratum", "", "none", "nan"])
        if keep.any():
            rest = rest[keep]
    total_row = total.iloc[0].to_dict() if len(total) else None
    if total_row is None and len(frame) == 1:
        total_row = frame.iloc[0].to_dict()
    return total_row, rest


# ------------------------------------------------------------------------------------------------
# inputs and outputs
# ------------------------------------------------------------------------------------------------
@dataclass
class ReportInputs:
    """Everything the report needs, as plain Python / pandas objects."""

    lang: str = "th"
    municipality_name: str = ""
    municipality_type: str = "town_municipality"
    municipality_code: str = ""
    population: Optional[int] = None
    boundary_area_ha: Optional[float] = None
    polygons: Optional[pd.DataFrame] = None
    strata: Optional[pd.DataFrame] = None
    trees: Optional[pd.DataFrame] = None
    change: Optional[pd.DataFrame] = None
    budget: Optional[pd.DataFrame] = None
    class_areas: Optional[pd.DataFrame] = None
    accuracy: Optional[pd.DataFrame] = None
    price_thb_per_tco2e: float = 0.0
    discount_rate_pct: float = 0.0
    price_change_pct: float = 0.0
    horizon_years: int = 0
    density_unit: str = "tc_ha"  # or "tco2e_rai"
    generated: Optional[_dt.date] = None
    plugin_version: str = ""
    crs: str = ""
    #: equation_id -> (name, citation) from the equation library
    equation_citations: Mapping[str, Tuple[str, str]] = field(default_factory=dict)
    #: method id -> "id version (name)" from the method packs
    method_descriptions: Mapping[str, str] = field(default_factory=dict)
    equation_pack_version: str = ""
    parameters: Mapping[str, Any] = field(default_factory=dict)
    seed: Optional[Any] = None
    n_largest: int = 10
    n_species: int = 10


@dataclass
class Table:
    headers: List[str]
    rows: List[List[str]]
    align_right: List[bool] = field(default_factory=list)


@dataclass
class ReportData:
    """The assembled, formatted report (one language)."""

    lang: str
    title: str
    subtitle: str
    municipality_name: str
    municipality_type_label: str
    municipality_code: str
    date_text: str
    prepared_with: str
    key_figure_label: str
    key_figure: str
    key_figure_ci: str
    totals: Dict[str, Optional[float]]
    green_rows: List[Tuple[str, str]]
    stock_rows: List[Tuple[str, str]]
    seq_rows: List[Tuple[str, str]]
    value_rows: List[Tuple[str, str]]
    strata_table: Optional[Table]
    polygon_table: Optional[Table]
    class_chart: Optional[Tuple[List[str], List[float]]]
    dbh_chart: Optional[Tuple[List[str], List[int]]]
    species_chart: Optional[Tuple[List[str], List[float]]]
    budget_chart: Optional[Tuple[List[str], List[float]]]
    equations_table: Optional[Table]
    methods_lines: List[str]
    flag_lines: List[str]
    notes: List[str]
    missing: List[str]
    density_field: str
    density_label: str

    def t(self, key: str, **values) -> str:
        return text(key, self.lang, **values)


# ------------------------------------------------------------------------------------------------
# builders
# ------------------------------------------------------------------------------------------------
def _class_labels(polygons: Optional[pd.DataFrame], lang: str) -> Dict[str, str]:
    """stratum/class code -> display label, from ``class_th``/``class_en`` columns if present."""
    if polygons is None or len(polygons) == 0:
        return {}
    code = find_column(polygons, "stratum_used", "stratum", "class_code")
    label = find_column(polygons, "class_th" if lang == "th" else "class_en", "class_name")
    if code is None or label is None:
        return {}
    pairs = polygons[[code, label]].dropna().drop_duplicates(subset=[code])
    return {str(k): str(v) for k, v in zip(pairs[code], pairs[label])}


def _green(inp: ReportInputs, total_row, lang: str, totals: dict) -> List[Tuple[str, str]]:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    green_ha = num(_value(total_row, inp.strata, "area_ha"))
    if green_ha is None and inp.polygons is not None:
        col = find_column(inp.polygons, "area_ha")
        if col is not None:
            green_ha = num(pd.to_numeric(inp.polygons[col], errors="coerce").sum())
    if green_ha is None and inp.class_areas is not None:
        col = find_column(inp.class_areas, "green_area_ha", "area_ha")
        if col is not None:
            green_ha = num(pd.to_numeric(inp.class_areas[col], errors="coerce").sum())
    totals["green_area_ha"] = green_ha
    rows: List[Tuple[str, str]] = []
    area = num(inp.boundary_area_ha)
    type_label = t("type_" + inp.municipality_type)
    target = green_target_pct(inp.municipality_type)
    totals["green_target_pct"] = target
    if area is not None and area > 0:
        rows.append(
            (
                t("boundary_area"),
                "{} {} ({} {})".format(
                    fmt_num(area * RAI_PER_HA, 0), t("u_rai"), fmt_num(area, 1), t("u_ha")
                ),
            )
        )
    if green_ha is None:
        rows.append((t("green_area"), t("not_available")))
        return rows
    rows.append(
        (
            t("green_area"),
            "{} {} ({} {})".format(
                fmt_num(green_ha * RAI_PER_HA, 0), t("u_rai"), fmt_num(green_ha, 1), t("u_ha")
            ),
        )
    )
    if area is not None and area > 0:
        share = 100.0 * green_ha / area
        totals["green_share_pct"] = share
        meets = share >= target
        totals["meets_target"] = float(meets)
        gap_rai = max(0.0, target / 100.0 * area - green_ha) * RAI_PER_HA
        verdict = t("meets_target") if meets else t("below_target", gap=fmt_num(gap_rai, 0))
        rows.append((t("green_share"), "{} %".format(fmt_num(share, 1))))
        rows.append(
            (t("green_target", type=type_label), "{} % — {}".format(fmt_num(target, 0), verdict))
        )
    pop = inp.population
    if pop:
        per_capita = green_ha * 10000.0 / pop
        totals["m2_per_person"] = per_capita
        rows.append((t("population"), "{} {}".format(fmt_num(pop, 0), t("u_persons"))))
        rows.append((t("per_capita"), "{} {}".format(fmt_num(per_capita, 1), t("u_m2_person"))))
        rows.append(("", t("per_capita_refs")))
    return rows


def _stock(inp: ReportInputs, total_row, lang: str, totals: dict) -> List[Tuple[str, str]]:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    s = inp.strata
    tco2e = num(_value(total_row, s, "total_tco2e", "co2e_t", "total_co2e"))
    tc = num(_value(total_row, s, "total_tc", "carbon_t"))
    if tc is None and tco2e is not None:
        tc = tco2e / C_TO_CO2
    if tco2e is None and tc is not None:
        tco2e = tc * C_TO_CO2
    u90 = num(_value(total_row, s, "u90_pct"))
    u95 = num(_value(total_row, s, "u95_pct"))

    def ci(prefix_list: Sequence[str], level: str, value: Optional[float], u: Optional[float]):
        for prefix in prefix_list:
            lo = num(_value(total_row, s, "{}_ci{}_low".format(prefix, level)))
            hi = num(_value(total_row, s, "{}_ci{}_high".format(prefix, level)))
            if lo is not None and hi is not None:
                return lo, hi
        if value is not None and u is not None:
            return value * (1 - u / 100.0), value * (1 + u / 100.0)
        return None, None

    c90 = ci(("total_tco2e", "co2e_t"), "90", tco2e, u90)
    c95 = ci(("total_tco2e", "co2e_t"), "95", tco2e, u95)
    tc95 = ci(("total_tc", "carbon_t"), "95", tc, u95)
    totals.update(
        total_tco2e=tco2e,
        total_tc=tc,
        tco2e_ci90_low=c90[0],
        tco2e_ci90_high=c90[1],
        tco2e_ci95_low=c95[0],
        tco2e_ci95_high=c95[1],
        u90_pct=u90,
    )
    rows: List[Tuple[str, str]] = []
    if tco2e is None:
        return rows
    rows.append((t("stock_tc"), "{} tC".format(fmt_num(tc, 1))))
    rows.append((t("ci95") + " (tC)", fmt_range(tc95[0], tc95[1], lang)))
    rows.append((t("stock_tco2e"), "{} tCO2e".format(fmt_num(tco2e, 1))))
    rows.append((t("ci90") + " (tCO2e)", fmt_range(c90[0], c90[1], lang)))
    rows.append((t("ci95") + " (tCO2e)", fmt_range(c95[0], c95[1], lang)))
    if u90 is not None:
        rows.append((t("u90"), "{} %".format(fmt_num(u90, 1))))
    ded = num(_value(total_row, s, "deduction_pct"))
    cons = num(_value(total_row, s, "conservative_total_tco2e"))
    if cons is None:
        raw = num(_value(total_row, s, "conservative_total"))
        total_raw = num(_value(total_row, s, "total"))
        if raw is not None and total_raw and tco2e is not None:
            cons = tco2e * raw / total_raw
    if ded is not None:
        value = "{} %".format(fmt_num(ded, 0))
        if cons is not None and tco2e is not None and tco2e - cons > 0:
            value += " (−{} tCO2e)".format(fmt_num(tco2e - cons, 1))
        rows.append((t("deduction"), value))
    if cons is not None:
        totals["conservative_tco2e"] = cons
        rows.append((t("conservative"), "{} tCO2e".format(fmt_num(cons, 1))))
    mean = num(_value(total_row, s, "mean_tc_ha"))
    if mean is not None:
        rows.append(
            (
                t("mean_density"),
                "{} tC/ha · {} tCO2e/rai".format(
                    fmt_num(mean, 2), fmt_num(mean * C_TO_CO2 / RAI_PER_HA, 2)
                ),
            )
        )
    n = num(_value(total_row, s, "n", "n_plots"))
    if n is not None:
        rows.append((t("n_plots"), fmt_num(n, 0)))
    if inp.trees is not None:
        rows.append((t("n_trees"), fmt_num(len(inp.trees), 0)))
    return rows


_SEQ_NAMES = (
    "annual_tco2e",
    "annual_co2e_t",
    "annual_change_tco2e",
    "annual_tco2e_yr",
    "tco2e_per_year",
    "seq_tco2e_yr",
    "annual_total_tco2e",
    "net_tco2e_yr",
)


def _sequestration(inp: ReportInputs, lang: str, totals: dict) -> List[Tuple[str, str]]:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    frame = inp.change
    if frame is None or len(frame) == 0:
        return []
    total_row, _rest = _split_total(frame)
    if total_row is None:
        total_row = frame.iloc[0].to_dict()
    col = find_column(frame, *_SEQ_NAMES)
    if col is None:  # any "annual … co2e" column that is not an interval bound
        for c in frame.columns:
            name = str(c).lower()
            if "annual" in name and "co2e" in name and not re.search(r"ci|low|high|se$", name):
                col = c
                break
    if col is None:
        return []
    annual = num(total_row.get(col))
    if annual is None:
        return []
    lo = num(_value(total_row, frame, col + "_ci95_low", "annual_ci95_low", "ci95_low"))
    hi = num(_value(total_row, frame, col + "_ci95_high", "annual_ci95_high", "ci95_high"))
    totals.update(annual_tco2e=annual, annual_ci95_low=lo, annual_ci95_high=hi)
    rows = [(t("seq_annual"), "{} {}".format(fmt_num(annual, 1), t("u_tco2e_yr")))]
    if lo is not None and hi is not None:
        rows.append((t("ci95"), fmt_range(lo, hi, lang)))
    lo90 = num(_value(total_row, frame, col + "_ci90_low", "annual_ci90_low"))
    hi90 = num(_value(total_row, frame, col + "_ci90_high", "annual_ci90_high"))
    if lo90 is not None and hi90 is not None and annual > 0 and hi90 >= lo90:
        # T-VER deduction on the removal, as for the stock (science.md §6.4; stockchange's
        # CONSERVATIVE_ANNUAL_TCO2E_YR)
        ded = uncertainty_deduction(annual, (hi90 - lo90) / 2.0, "project")
        totals["conservative_annual_tco2e"] = ded.adjusted
        value = "{} %".format(fmt_num(ded.d_fraction * 100.0, 0))
        if ded.deduction > 0:
            value += " (−{} {})".format(fmt_num(ded.deduction, 1), t("u_tco2e_yr"))
        rows.append((t("deduction"), value))
        rows.append(
            (t("conservative_seq"), "{} {}".format(fmt_num(ded.adjusted, 1), t("u_tco2e_yr")))
        )
    years = num(_value(total_row, frame, "years", "interval_years", "period_years"))
    if years is not None:
        rows.append((t("seq_period"), "{} {}".format(fmt_num(years, 2), t("u_years"))))
    return rows


def _valuation(inp: ReportInputs, lang: str, totals: dict) -> List[Tuple[str, str]]:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    price = num(inp.price_thb_per_tco2e) or 0.0
    if price <= 0:
        return [(t("sec_value"), t("value_absent"))]
    rows = [(t("price"), "{} {}".format(fmt_num(price, 2), t("price_unit")))]
    stock = totals.get("total_tco2e")
    if stock is not None:
        value = stock * price
        totals["stock_value_thb"] = value
        rows.append((t("stock_value"), "{} {}".format(fmt_num(value, 0), t("u_thb"))))
    annual = totals.get("annual_tco2e")
    years = int(inp.horizon_years or 0)
    if annual is not None and years > 0:
        pv = present_value(annual, price, inp.discount_rate_pct, inp.price_change_pct, years)
        totals["npv_thb"] = pv
        rows.append((t("npv", years=years), "{} {}".format(fmt_num(pv, 0), t("u_thb"))))
        rows.append(
            (
                "",
                t(
                    "npv_params",
                    r=fmt_num(inp.discount_rate_pct, 1),
                    c=fmt_num(inp.price_change_pct, 1),
                ),
            )
        )
    rows.append(("", t("value_note")))
    return rows


def _strata_table(inp: ReportInputs, rest, total_row, labels, lang: str) -> Optional[Table]:
    s = inp.strata
    if s is None or rest is None or len(rest) == 0:
        return None
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    headers = [
        t("col_stratum"),
        t("col_area_rai"),
        t("col_n"),
        t("col_mean_tc_ha"),
        t("col_total_tco2e"),
        t("col_ci95_tco2e"),
        t("col_u90"),
    ]

    def row_of(row: Mapping, label: str) -> List[str]:
        area_rai = num(_value(row, s, "area_rai"))
        if area_rai is None and num(_value(row, s, "area_ha")) is not None:
            area_rai = num(_value(row, s, "area_ha")) * RAI_PER_HA
        return [
            label,
            fmt_num(area_rai, 0),
            fmt_num(_value(row, s, "n", "n_plots"), 0),
            fmt_num(_value(row, s, "mean_tc_ha", "mean"), 2),
            fmt_num(_value(row, s, "total_tco2e", "co2e_t"), 1),
            fmt_range(
                _value(row, s, "total_tco2e_ci95_low"),
                _value(row, s, "total_tco2e_ci95_high"),
                lang,
            ),
            fmt_num(_value(row, s, "u90_pct"), 1),
        ]

    st = find_column(s, "stratum", "class")
    rows = []
    for rec in rest.to_dict("records"):
        code = str(rec.get(st, "")) if st else ""
        rows.append(row_of(rec, labels.get(code, code)))
    if total_row is not None:
        rows.append(row_of(total_row, t("all_strata")))
    return Table(headers, rows, [False] + [True] * 6)


def _polygon_table(inp: ReportInputs, labels, lang: str) -> Optional[Table]:
    p = inp.polygons
    if p is None or len(p) == 0:
        return None
    area = find_column(p, "area_ha")
    co2e = find_column(p, "co2e_t", "total_tco2e")
    if area is None or co2e is None:
        return None
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    name_cols = [
        find_column(p, "name_th" if lang == "th" else "name_en"),
        find_column(p, "name_en" if lang == "th" else "name_th"),
        find_column(p, "name", "gs_id", "id", "fid"),
    ]
    cls = find_column(p, "stratum_used", "stratum", "class_code")
    dens = find_column(p, "density_tco2e_rai")
    dens_ha = find_column(p, "density_tc_ha")
    src = find_column(p, "density_source")
    frame = p.copy()
    frame["_area"] = pd.to_numeric(frame[area], errors="coerce")
    frame = frame.sort_values("_area", ascending=False).head(inp.n_largest)
    headers = [
        t("col_name"),
        t("col_class"),
        t("col_area_rai"),
        t("col_density"),
        t("col_co2e"),
        t("col_density_source"),
    ]
    rows = []
    for rec in frame.to_dict("records"):
        name = ""
        for c in name_cols:
            if c is not None and rec.get(c) not in (None, "") and not _isnan(rec.get(c)):
                name = str(rec.get(c))
                break
        code = str(rec.get(cls, "")) if cls else ""
        d = num(rec.get(dens)) if dens else None
        if d is None and dens_ha is not None and num(rec.get(dens_ha)) is not None:
            d = num(rec.get(dens_ha)) * C_TO_CO2 / RAI_PER_HA
        rows.append(
            [
                name or t("unnamed"),
                labels.get(code, code),
                fmt_num(num(rec.get(area)) * RAI_PER_HA if num(rec.get(area)) else None, 1),
                fmt_num(d, 2),
                fmt_num(rec.get(co2e), 1),
                _source_label(rec.get(src), lang) if src else "",
            ]
        )
    return Table(headers, rows, [False, False, True, True, True, False])


def _source_label(value: Any, lang: str) -> str:
    """A stock-map ``density_source`` value in the report's language (unknown values as is)."""
    if value is None or _isnan(value) or value == "":
        return ""
    key = "source_" + str(value)
    return text(key, lang) if key in CATALOG else str(value)


def _isnan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _class_chart(inp: ReportInputs, rest, labels) -> Optional[Tuple[List[str], List[float]]]:
    s = inp.strata
    if rest is not None and len(rest):
        st = find_column(s, "stratum", "class")
        val = find_column(s, "total_tco2e", "co2e_t")
        if st is not None and val is not None:
            pairs = [
                (labels.get(str(r[st]), str(r[st])), num(r[val]) or 0.0)
                for r in rest.to_dict("records")
            ]
            return [a for a, _ in pairs], [b for _, b in pairs]
    p = inp.polygons
    cls = find_column(p, "stratum_used", "stratum", "class_code")
    val = find_column(p, "co2e_t")
    if p is not None and cls is not None and val is not None:
        grouped = pd.to_numeric(p[val], errors="coerce").groupby(p[cls].astype(str)).sum()
        return [labels.get(k, k) for k in grouped.index], [float(v) for v in grouped.values]
    return None


def dbh_histogram(dbh_cm: Sequence[float]) -> Tuple[List[str], List[int]]:
    """Tree counts in the DBH classes of :data:`DBH_BINS_CM` (labels ``0–10`` … ``≥100``)."""
    values = pd.to_numeric(pd.Series(list(dbh_cm)), errors="coerce").dropna()
    values = values[values > 0]
    labels, counts = [], []
    for lo, hi in zip(DBH_BINS_CM[:-1], DBH_BINS_CM[1:]):
        if math.isinf(hi):
            labels.append("≥{:g}".format(lo))
        else:
            labels.append("{:g}–{:g}".format(lo, hi))
        counts.append(int(((values >= lo) & (values < hi)).sum()))
    return labels, counts


def species_summary(trees: pd.DataFrame, top: int = 10) -> Optional[pd.DataFrame]:
    """Trees and tCO2e per species (accepted name, else the user's species field), largest first."""
    name = find_column(trees, "accepted_name")
    fallback = find_column(trees, "species", "species_name", "scientific_name")
    value = find_column(trees, "co2e_kg")
    if value is None or (name is None and fallback is None):
        return None
    names = pd.Series([None] * len(trees), index=trees.index, dtype=object)
    for col in (name, fallback):
        if col is not None:
            cand = trees[col].where(trees[col].notna() & (trees[col].astype(str).str.strip() != ""))
            names = names.where(names.notna(), cand)
    names = names.fillna("?").astype(str)
    co2e = pd.to_numeric(trees[value], errors="coerce").fillna(0.0) / 1000.0
    out = (
        pd.DataFrame({"species": names, "tco2e": co2e})
        .groupby("species")
        .agg(trees=("tco2e", "size"), tco2e=("tco2e", "sum"))
        .sort_values("tco2e", ascending=False)
        .head(top)
        .reset_index()
    )
    return out


def flag_counts(flags: Sequence[Any]) -> Dict[str, int]:
    """Count of trees per flag code (flags separated by ``;``, ``,``, ``|`` or spaces)."""
    counter: Counter = Counter()
    for value in flags:
        if value is None or _isnan(value):
            continue
        for token in set(re.split(r"[;,|\s]+", str(value))):
            token = token.strip()
            if token and token.upper() not in ("OK", "NONE", "NULL"):
                counter[token] += 1
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def _budget_chart(inp: ReportInputs) -> Optional[Tuple[List[str], List[float]]]:
    b = inp.budget
    if b is None or len(b) == 0:
        return None
    label = find_column(b, "source", "component", "term", "label", "name")
    share = find_column(
        b, "share_pct", "contribution_pct", "variance_share_pct", "pct_of_variance", "share"
    )
    if label is None or share is None:
        return None
    frame = b[[label, share]].copy()
    frame[share] = pd.to_numeric(frame[share], errors="coerce")
    frame = frame.dropna()
    frame = frame[~frame[label].astype(str).str.lower().isin(["total", "all"])]
    if len(frame) == 0:
        return None
    values = frame[share].astype(float)
    if values.max() <= 1.0 + 1e-9 and values.sum() <= 1.0 + 1e-6:
        values = values * 100.0  # fractions -> %
    return [str(v) for v in frame[label]], [float(v) for v in values]


def _methods(inp: ReportInputs, lang: str) -> Tuple[Optional[Table], List[str], List[str]]:
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    lines = [t("methods_chain"), t("methods_estimator")]
    if num(inp.price_thb_per_tco2e):
        lines.append(t("methods_value"))
    eq_table = None
    flag_lines: List[str] = []
    trees = inp.trees
    if trees is not None and len(trees):
        eq = find_column(trees, "equation_id")
        if eq is not None:
            counts = trees[eq].dropna().astype(str)
            counts = counts[counts.str.strip() != ""].value_counts()
            rows = []
            for eq_id, n in counts.items():
                name, citation = inp.equation_citations.get(eq_id, ("", ""))
                rows.append([eq_id, fmt_num(n, 0), citation or name or DASH])
            if rows:
                eq_table = Table(
                    [t("methods_equations"), t("axis_trees"), t("col_citation")],
                    rows,
                    [False, True, False],
                )
        fl = find_column(trees, "flags")
        if fl is not None:
            counts = flag_counts(trees[fl].tolist())
            flag_lines = ["{}: {}".format(k, fmt_num(v, 0)) for k, v in counts.items()] or [
                t("methods_no_flags")
            ]
        meth = find_column(trees, "method")
        if meth is not None:
            for mid in sorted(set(trees[meth].dropna().astype(str))):
                desc = inp.method_descriptions.get(mid, mid)
                lines.append("{}: {}".format(t("methods_method_pack"), desc))
    else:
        lines.append(t("methods_absent"))
    if inp.equation_pack_version:
        lines.append("{}: {}".format(t("methods_equation_pack"), inp.equation_pack_version))
    seed = inp.seed
    if seed is None and inp.budget is not None:
        col = find_column(inp.budget, "seed")
        if col is not None and len(inp.budget[col].dropna()):
            seed = inp.budget[col].dropna().iloc[0]
    lines.append("{}: {}".format(t("methods_seed"), seed if seed is not None else DASH))
    if inp.parameters:
        params = "; ".join("{}={}".format(k, v) for k, v in inp.parameters.items())
        lines.append("{}: {}".format(t("methods_params"), params))
    acc = inp.accuracy
    if acc is not None and len(acc):
        total_row, _ = _split_total(acc)
        row = total_row or acc.iloc[0].to_dict()
        oa = num(_value(row, acc, "overall_accuracy", "oa", "overall_accuracy_pct"))
        kappa = num(_value(row, acc, "kappa"))
        if oa is not None:
            if oa <= 1.0:
                oa *= 100.0
            lines.append(t("methods_accuracy", oa=fmt_num(oa, 1), kappa=fmt_num(kappa, 2)))
    return eq_table, lines, flag_lines


def build_report_data(inp: ReportInputs) -> ReportData:
    """Assemble the report in ``inp.lang`` from whatever inputs are present."""
    lang = inp.lang if inp.lang in ("th", "en") else "en"
    t = lambda key, **kw: text(key, lang, **kw)  # noqa: E731
    totals: Dict[str, Optional[float]] = {}
    missing: List[str] = []
    total_row, rest = _split_total(inp.strata)
    labels = _class_labels(inp.polygons, lang)
    if inp.strata is None:
        missing.append("strata")
    green_rows = _green(inp, total_row, lang, totals)
    stock_rows = _stock(inp, total_row, lang, totals)
    seq_rows = _sequestration(inp, lang, totals)
    if not seq_rows:
        seq_rows = [(t("seq_annual"), t("seq_absent"))]
        missing.append("change")
    value_rows = _valuation(inp, lang, totals)
    strata_table = _strata_table(inp, rest, total_row, labels, lang)
    polygon_table = _polygon_table(inp, labels, lang)
    if polygon_table is None:
        missing.append("polygons")
    class_chart = _class_chart(inp, rest, labels)
    dbh_chart = species_chart = None
    if inp.trees is not None and len(inp.trees):
        dbh = find_column(inp.trees, "dbh_cm")
        if dbh is not None:
            dbh_chart = dbh_histogram(inp.trees[dbh].tolist())
        sp = species_summary(inp.trees, inp.n_species)
        if sp is not None and len(sp):
            species_chart = (sp["species"].tolist(), [float(v) for v in sp["tco2e"]])
    else:
        missing.append("trees")
    budget_chart = _budget_chart(inp)
    if budget_chart is None:
        missing.append("budget")
    eq_table, methods_lines, flag_lines = _methods(inp, lang)
    notes: List[str] = []
    note_col = find_column(inp.strata, "note")
    if note_col is not None and inp.strata is not None:
        for value in inp.strata[note_col].dropna().astype(str):
            for part in re.split(r"\s*[|\n]\s*", value):
                if part.strip() and part.strip() not in notes:
                    notes.append(part.strip())
    tco2e = totals.get("total_tco2e")
    type_label = t("type_" + inp.municipality_type)
    density_field = "density_tco2e_rai" if inp.density_unit == "tco2e_rai" else "density_tc_ha"
    return ReportData(
        lang=lang,
        title=t("report_title"),
        subtitle=t("report_subtitle"),
        municipality_name=inp.municipality_name,
        municipality_type_label=type_label,
        municipality_code=inp.municipality_code,
        date_text=format_date(inp.generated or _dt.date.today(), lang),
        prepared_with=t("prepared_with", version=inp.plugin_version),
        key_figure_label=t("key_figure"),
        key_figure="{} tCO2e".format(fmt_num(tco2e, 1)) if tco2e is not None else DASH,
        key_figure_ci=(
            "{}: {}".format(
                t("ci95"),
                fmt_range(totals.get("tco2e_ci95_low"), totals.get("tco2e_ci95_high"), lang),
            )
            if tco2e is not None
            else ""
        ),
        totals=totals,
        green_rows=green_rows,
        stock_rows=stock_rows,
        seq_rows=seq_rows,
        value_rows=value_rows,
        strata_table=strata_table,
        polygon_table=polygon_table,
        class_chart=class_chart,
        dbh_chart=dbh_chart,
        species_chart=species_chart,
        budget_chart=budget_chart,
        equations_table=eq_table,
        methods_lines=methods_lines,
        flag_lines=flag_lines,
        notes=notes,
        missing=missing,
        density_field=density_field,
        density_label=t("layer_" + density_field),
    )


def muni_type_from_text(value: Any) -> Optional[str]:
    """Municipality type key from a Thai/English label (e.g. a boundary ``muni_type`` field)."""
    if value is None:
        return None
    s = str(value).strip().lower()
    table = {
        "เทศบาลนคร": "city_municipality",
        "city": "city_municipality",
        "เทศบาลเมือง": "town_municipality",
        "town": "town_municipality",
        "เทศบาลตำบล": "subdistrict_municipality",
        "subdistrict": "subdistrict_municipality",
        "อบต": "sao",
        "องค์การบริหารส่วนตำบล": "sao",
        "sao": "sao",
    }
    for key, value_key in table.items():
        if s.startswith(key):
            return value_key
    return None


__all__ = [
    "BE_OFFSET",
    "GREEN_TARGET_PCT",
    "MUNI_TYPE_KEYS",
    "ReportData",
    "ReportInputs",
    "Table",
    "be_year",
    "build_report_data",
    "dbh_histogram",
    "find_column",
    "flag_counts",
    "fmt_num",
    "format_date",
    "green_target_pct",
    "muni_type_from_text",
    "present_value",
    "species_summary",
]
