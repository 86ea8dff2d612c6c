"""Carbon-stock map and stratum tables built on a stratified estimate (pure pandas, no QGIS).

* :func:`normalize_tree_status` / :func:`plot_is_abandoned` -- Thai and English field values.
* :func:`parse_merge_map` -- ``"street:residential;riparian:park"`` -> {small: target}.
* :func:`strata_table` -- one row per stratum (after merging) + merged/excluded members + the
  ``ALL`` total row: AR-TOOL14 Eq. 12-17 statistics (science.md 6.1), totals in tC and tCO2e,
  and the T-VER uncertainty deduction (T-VER-P-TOOL-01-02 == AR-TOOL14 Appendix 2, science.md
  6.4; applied to the 90 % half-width, project kind: X - d * half-width).
* :func:`polygon_stock` -- every green-space polygon gets a density and a total:
  carbon_t = area_ha * density (science.md 0: B = A * b). The density is the mean of the
  polygon's stratum (design-based; the polygon totals then add up exactly to the stratified
  total, A * b = sum_i A_i b_i) or, with ``mode="plots"``, the mean of the plots inside the
  polygon when there are at least ``min_plots`` of them (post-stratified / small-area estimate;
  its interval uses t(df = n - 1) and s / sqrt(n) of those plots). The choice is recorded per
  polygon in ``density_source``.
"""

from __future__ import annotations

import math
import re
from typing import Any, Dict, Iterable, List, Mapping, Optional

import numpy as np
import pandas as pd

from .estimation import _norm_key
from .sampling_stats import StratifiedResult, t_two_sided, uncertainty_deduction
from .units import C_TO_CO2, RAI_PER_HA

__all__ = [
    "ABANDONED_VALUES",
    "TREE_STATUS_VALUES",
    "normalize_tree_status",
    "plot_is_abandoned",
    "plot_keys",
    "status_for_core",
    "parse_merge_map",
    "value_factors",
    "strata_table",
    "polygon_stock",
    "ALL_LABEL",
]

#: Tree status spellings (lower-case, stripped) -> canonical alive/dead/new.
TREE_STATUS_VALUES: Dict[str, str] = {
    # Thai field forms (resources/sample/README.md: มีชีวิต alive, ตาย dead, ใหม่ new/ingrowth)
    "มีชีวิต": "alive",
    "ยังมีชีวิต": "alive",
    "ยืนต้น": "alive",
    "ตาย": "dead",
    "ยืนต้นตาย": "dead",
    "ตัดออก": "dead",
    "ถูกตัด": "dead",
    "หาย": "dead",
    "ใหม่": "new",
    "ไม้ใหม่": "new",
    # English
    "alive": "alive",
    "live": "alive",
    "living": "alive",
    "a": "alive",
    "l": "alive",
    "standing": "alive",
    "1": "alive",
    "true": "alive",
    "yes": "alive",
    "dead": "dead",
    "d": "dead",
    "0": "dead",
    "false": "dead",
    "no": "dead",
    "removed": "dead",
    "cut": "dead",
    "felled": "dead",
    "missing": "dead",
    "gone": "dead",
    "new": "new",
    "n": "new",
    "ingrowth": "new",
    "recruit": "new",
}

#: Plot status values meaning "not measured any more" (compared lower-case, stripped).
ABANDONED_VALUES = frozenset(
    {"abandoned", "inactive", "lost", "destroyed", "dropped", "ยกเลิก", "ยกเลิกแปลง", "ละทิ้ง"}
)

ALL_LABEL = "ALL"


def normalize_tree_status(values: Iterable[Any]) -> np.ndarray:
    """Map tree status values to ``alive`` / ``dead`` / ``new``; blanks stay None (= alive).

    ``new`` (ingrowth, Thai ใหม่) is a live tree. Unknown values raise ``ValueError`` naming
    them (never guessed).
    """
    out: List[Optional[str]] = []
    unknown: Dict[str, int] = {}
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
            continue
        if isinstance(v, (bool, np.bool_)):
            out.append("alive" if v else "dead")
            continue
        key = str(v).strip().lower()
        if key in ("1.0", "0.0"):
            key = key[0]
        if key == "":
            out.append(None)
        elif key in TREE_STATUS_VALUES:
            out.append(TREE_STATUS_VALUES[key])
        else:
            unknown[str(v)] = unknown.get(str(v), 0) + 1
            out.append(None)
    if unknown:
        raise ValueError(
            "unknown tree status value(s): "
            + ", ".join(f"{k!r} ({n})" for k, n in sorted(unknown.items()))
            + "; expected alive/dead/new or มีชีวิต/ตาย/ใหม่"
        )
    return np.array(out, dtype=object)


def plot_keys(values: Any) -> pd.Series:
    """Plot/tag ids as comparable strings, exactly as :mod:`.estimation` matches them."""
    return _norm_key(pd.Series(values).reset_index(drop=True))


def status_for_core(canonical: np.ndarray) -> np.ndarray:
    """``alive``/``dead`` as :func:`core.estimation.plot_carbon` expects (new -> alive)."""
    return np.array(
        ["dead" if s == "dead" else "alive" for s in canonical],
        dtype=object,
    )


def plot_is_abandoned(values: Iterable[Any]) -> np.ndarray:
    """True where a plot status value means the plot is no longer measured."""
    return np.array(
        [v is not None and str(v).strip().lower() in ABANDONED_VALUES for v in values], dtype=bool
    )


_PAIR = re.compile(r"\s*(.+?)\s*(?:->|=>|:|=)\s*(.+?)\s*$")


def parse_merge_map(text: str | None) -> Dict[str, str]:
    """``"street:residential; riparian:park"`` (also ``->``, ``=``, ``,`` or new lines)."""
    out: Dict[str, str] = {}
    if not text or not str(text).strip():
        return out
    for part in re.split(r"[;,\n]+", str(text)):
        if not part.strip():
            continue
        m = _PAIR.match(part)
        if not m:
            raise ValueError(
                f"cannot read merge rule {part.strip()!r}: write small:target, e.g. "
                "street:residential;riparian:park"
            )
        src, dst = m.group(1), m.group(2)
        if src in out and out[src] != dst:
            raise ValueError(f"stratum {src!r} has two merge targets ({out[src]!r}, {dst!r})")
        out[src] = dst
    return out


def value_factors(value_kind: str, cf: float | None) -> tuple:
    """(factor to tC, factor to tCO2e) for a per-ha value of kind carbon / biomass / other."""
    kind = str(value_kind).lower()
    if kind == "carbon":
        return 1.0, C_TO_CO2
    if kind == "biomass":
        if cf is None or not 0.0 < float(cf) <= 1.0:
            raise ValueError(f"biomass values need a carbon fraction CF in (0, 1] (got {cf!r})")
        return float(cf), float(cf) * C_TO_CO2
    if kind == "other":
        return None, None
    raise ValueError(f"value kind must be carbon, biomass or other (got {value_kind!r})")


def _f(x: Any) -> Optional[float]:
    if x is None:
        return None
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def _mul(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None else a * b


STRATA_COLUMNS = [
    ("stratum", "string"),
    ("row_type", "string"),
    ("members", "string"),
    ("area_ha", "double"),
    ("area_rai", "double"),
    ("weight", "double"),
    ("n", "int"),
    ("df", "int"),
    ("mean", "double"),
    ("sd", "double"),
    ("se", "double"),
    ("t90", "double"),
    ("ci90_low", "double"),
    ("ci90_high", "double"),
    ("t95", "double"),
    ("ci95_low", "double"),
    ("ci95_high", "double"),
    ("u90_pct", "double"),
    ("u95_pct", "double"),
    ("mean_tc_ha", "double"),
    ("mean_tc_rai", "double"),
    ("total", "double"),
    ("total_tc", "double"),
    ("total_tc_ci95_low", "double"),
    ("total_tc_ci95_high", "double"),
    ("total_tco2e", "double"),
    ("total_tco2e_ci90_low", "double"),
    ("total_tco2e_ci90_high", "double"),
    ("total_tco2e_ci95_low", "double"),
    ("total_tco2e_ci95_high", "double"),
    ("deduction_pct", "double"),
    ("conservative_total", "double"),
    ("conservative_total_tco2e", "double"),
    ("note", "string"),
]


def strata_table(
    result: StratifiedResult,
    areas_ha: Mapping[str, float],
    plot_counts: Mapping[str, int],
    value_kind: str = "carbon",
    cf: float | None = None,
) -> pd.DataFrame:
    """Stratum rows + merged/excluded member rows + the ``ALL`` total row (see module doc).

    ``mean`` etc. are in the units of the estimated per-ha value; ``total`` = area * mean in
    value units * ha; ``total_tc``/``total_tco2e`` convert with :func:`value_factors` (None for
    ``other``). ``deduction_pct`` is d * 100 (share of the 90 % half-width deducted, science.md
    6.4) and ``conservative_total`` = total - d * total half-width (project kind).
    """
    to_c, to_co2 = value_factors(value_kind, cf)
    tot = result.totals
    dof = int(tot["df"])
    rows: List[Dict[str, Any]] = []

    def totals_of(area: float, mean: float, hw90: float, hw95: float) -> Dict[str, Any]:
        total = area * mean
        thw90 = area * hw90
        thw95 = area * hw95
        ded = uncertainty_deduction(total, thw90, "project")
        r: Dict[str, Any] = {
            "total": total,
            "deduction_pct": ded.d_fraction * 100.0,
            "conservative_total": ded.adjusted,
            "mean_tc_ha": _mul(mean, to_c),
            "mean_tc_rai": _mul(_mul(mean, to_c), 1.0 / RAI_PER_HA),
            "total_tc": _mul(total, to_c),
            "total_tc_ci95_low": _mul(total - thw95, to_c),
            "total_tc_ci95_high": _mul(total + thw95, to_c),
            "total_tco2e": _mul(total, to_co2),
            "total_tco2e_ci90_low": _mul(total - thw90, to_co2),
            "total_tco2e_ci90_high": _mul(total + thw90, to_co2),
            "total_tco2e_ci95_low": _mul(total - thw95, to_co2),
            "total_tco2e_ci95_high": _mul(total + thw95, to_co2),
            "conservative_total_tco2e": _mul(ded.adjusted, to_co2),
        }
        return r

    for rec in result.strata.to_dict("records"):
        area = float(rec["area_ha"])
        row: Dict[str, Any] = {
            "stratum": str(rec["stratum"]),
            "row_type": "stratum",
            "members": rec.get("members"),
            "area_ha": area,
            "area_rai": area * RAI_PER_HA,
            "weight": _f(rec.get("weight")),
            "n": int(rec["n"]),
            "df": dof,
            "mean": _f(rec["mean"]),
            "sd": _f(rec["sd"]),
            "se": _f(rec["se"]),
            "t90": _f(rec.get("t90")),
            "ci90_low": _f(rec.get("ci90_low")),
            "ci90_high": _f(rec.get("ci90_high")),
            "t95": _f(rec.get("t95")),
            "ci95_low": _f(rec.get("ci95_low")),
            "ci95_high": _f(rec.get("ci95_high")),
            "u90_pct": _f(rec.get("u90_pct")),
            "u95_pct": _f(rec.get("u95_pct")),
        }
        row.update(
            totals_of(area, float(rec["mean"]), float(rec["hw90"]), float(rec.get("hw95", 0.0)))
        )
        source = str(rec.get("source") or "plots")
        if source == "merged":
            row["note"] = "merged: " + str(rec.get("members"))
        elif source != "plots":
            row["note"] = source + ": " + str(rec.get("members"))
        else:
            row["note"] = None
        rows.append(row)

    for member, target in sorted(result.merged.items()):
        area = float(areas_ha.get(member, 0.0))
        rows.append(
            {
                "stratum": member,
                "row_type": "merged",
                "members": target,
                "area_ha": area,
                "area_rai": area * RAI_PER_HA,
                "n": int(plot_counts.get(member, 0)),
                "note": f"fewer than 2 plots: estimated with stratum {target!r}",
            }
        )
    for member in sorted(result.excluded):
        area = float(areas_ha.get(member, 0.0))
        rows.append(
            {
                "stratum": member,
                "row_type": "excluded",
                "area_ha": area,
                "area_rai": area * RAI_PER_HA,
                "n": int(plot_counts.get(member, 0)),
                "note": "fewer than 2 plots: excluded (area and plots left out of the total)",
            }
        )

    area = float(tot["area_ha"])
    all_row: Dict[str, Any] = {
        "stratum": ALL_LABEL,
        "row_type": "total",
        "members": ";".join(str(s) for s in result.strata["stratum"]),
        "area_ha": area,
        "area_rai": area * RAI_PER_HA,
        "weight": 1.0,
        "n": int(tot["n_plots"]),
        "df": dof,
        "mean": tot["mean"],
        "sd": None,
        "se": tot["se"],
        "t90": tot["t90"],
        "ci90_low": tot["ci90_low"],
        "ci90_high": tot["ci90_high"],
        "t95": tot.get("t95"),
        "ci95_low": tot.get("ci95_low"),
        "ci95_high": tot.get("ci95_high"),
        "u90_pct": _f(tot["u90_pct"]),
        "u95_pct": _f(tot.get("u95_pct")),
        "note": "; ".join(result.notes) or None,
    }
    all_row.update(totals_of(area, float(tot["mean"]), float(tot["hw90"]), float(tot["hw95"])))
    if tot.get("area_excluded_ha"):
        all_row["note"] = (all_row["note"] or "") + " (excluded area {:.4f} ha)".format(
            tot["area_excluded_ha"]
        )
    rows.append(all_row)
    frame = pd.DataFrame(rows)
    for name, _kind in STRATA_COLUMNS:
        if name not in frame.columns:
            frame[name] = None
    return frame[[c for c, _ in STRATA_COLUMNS]]


POLYGON_COLUMNS = [
    ("stratum_used", "string"),
    ("area_ha", "double"),
    ("area_rai", "double"),
    ("density_ha", "double"),
    ("density_se", "double"),
    ("density_tc_ha", "double"),
    ("density_tc_rai", "double"),
    ("density_tco2e_ha", "double"),
    ("density_tco2e_rai", "double"),
    ("density_source", "string"),
    ("n_plots_in_polygon", "int"),
    ("carbon_t", "double"),
    ("carbon_t_ci95_low", "double"),
    ("carbon_t_ci95_high", "double"),
    ("co2e_t", "double"),
    ("co2e_t_ci95_low", "double"),
    ("co2e_t_ci95_high", "double"),
]


def polygon_stock(
    polygons: pd.DataFrame,
    result: StratifiedResult,
    plot_values: pd.DataFrame | None = None,
    mode: str = "stratum",
    min_plots: int = 2,
    value_kind: str = "carbon",
    cf: float | None = None,
) -> pd.DataFrame:
    """Density and totals per polygon (see module doc).

    ``polygons``: ``poly_key``, ``stratum`` (None = no stratum), ``area_ha``.
    ``plot_values``: ``poly_key`` (polygon holding the plot centre, None if none) and ``value``.
    Returns the :data:`POLYGON_COLUMNS` in ``polygons`` order. Polygons whose stratum was
    excluded (or have none) get ``density_source`` = ``excluded`` / ``no stratum`` and empty
    densities, never a silent 0.
    """
    if mode not in ("stratum", "plots"):
        raise ValueError(f"mode must be 'stratum' or 'plots' (got {mode!r})")
    if min_plots < 2:
        raise ValueError("min_plots must be >= 2 (a polygon mean needs a variance)")
    to_c, to_co2 = value_factors(value_kind, cf)
    stats_by_final = {str(r["stratum"]): r for r in result.strata.to_dict("records")}
    label: Dict[str, str] = {s: s for s in stats_by_final}
    label.update({str(k): str(v) for k, v in result.merged.items()})
    excluded = {str(s) for s in result.excluded}
    t95_global = float(result.totals.get("t95", np.nan))

    groups: Dict[Any, np.ndarray] = {}
    if plot_values is not None and len(plot_values):
        pv = plot_values[plot_values["poly_key"].notna()]
        # the plot values of each polygon, in plot order (as a groupby, without its per-group cost)
        codes, keys = pd.factorize(pv["poly_key"], sort=True)
        values = pd.to_numeric(pv["value"], errors="coerce").to_numpy(dtype=float)
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(1, len(keys)))
        groups = dict(zip(keys.tolist(), np.split(values[order], bounds)))

    # Vectorised over polygons (the same float operations, in the same order, as one row at a
    # time): one status per distinct stratum, the plots-inside means only where there are plots.
    n = len(polygons)
    area = polygons["area_ha"].to_numpy(dtype=float)
    empty = np.array([])
    vals_of = [groups.get(k, empty) for k in polygons["poly_key"].tolist()]
    n_in = np.fromiter((len(v) for v in vals_of), dtype=np.int64, count=n)
    codes, uniques = pd.factorize(polygons["stratum"].astype(object), use_na_sentinel=True)
    kinds = []  # per distinct stratum: (source, stratum_used, density, se, t95)
    for stratum in uniques:
        if isinstance(stratum, float) and math.isnan(stratum):
            kinds.append(("no stratum", None, np.nan, np.nan, np.nan))
        elif str(stratum) in excluded:
            kinds.append(("excluded", None, np.nan, np.nan, np.nan))
        elif str(stratum) not in label:
            kinds.append(("no estimate", None, np.nan, np.nan, np.nan))
        else:
            final = label[str(stratum)]
            st = stats_by_final[final]
            t95 = float(st.get("t95", t95_global))
            kinds.append(("stratum", final, float(st["mean"]), float(st["se"]), t95))
    kinds.append(("no stratum", None, np.nan, np.nan, np.nan))  # code -1: None / NaN stratum
    source = np.array([k[0] for k in kinds], dtype=object)[codes]
    used = np.array([k[1] for k in kinds], dtype=object)[codes]
    density = np.array([k[2] for k in kinds], dtype=float)[codes]
    se = np.array([k[3] for k in kinds], dtype=float)[codes]
    t95 = np.array([k[4] for k in kinds], dtype=float)[codes]
    if mode == "plots":
        for i in np.flatnonzero((source == "stratum") & (n_in >= min_plots)):
            vals = vals_of[i]
            density[i] = float(vals.mean())
            se[i] = float(vals.std(ddof=1) / math.sqrt(len(vals)))
            t95[i] = t_two_sided(0.95, len(vals) - 1)
            source[i] = "plots"
    has = np.isin(source, ("stratum", "plots"))
    hw = t95 * se
    nan = np.full(n, np.nan)

    def times(a: np.ndarray, b: Optional[float]) -> np.ndarray:
        return nan if b is None else a * b

    rai = None if to_c is None else 1.0 / RAI_PER_HA
    rai_co2 = None if to_co2 is None else 1.0 / RAI_PER_HA
    frame = pd.DataFrame(
        {
            "stratum_used": used,
            "area_ha": area,
            "area_rai": area * RAI_PER_HA,
            "density_ha": np.where(has, density, np.nan),
            "density_se": np.where(has, se, np.nan),
            "density_tc_ha": times(density, to_c),
            "density_tc_rai": times(times(density, to_c), rai),
            "density_tco2e_ha": times(density, to_co2),
            "density_tco2e_rai": times(times(density, to_co2), rai_co2),
            "density_source": source,
            "n_plots_in_polygon": n_in,
            "carbon_t": times(area * density, to_c),
            "carbon_t_ci95_low": times(area * (density - hw), to_c),
            "carbon_t_ci95_high": times(area * (density + hw), to_c),
            "co2e_t": times(area * density, to_co2),
            "co2e_t_ci95_low": times(area * (density - hw), to_co2),
            "co2e_t_ci95_high": times(area * (density + hw), to_co2),
        },
        index=polygons.index,
    )
    return frame[[c for c, _ in POLYGON_COLUMNS]]
