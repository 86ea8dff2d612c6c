"""Plot carbon, stratified estimation, uncertainty deduction and stock change.

Pure Python + numpy/pandas/scipy (no QGIS). Implements science.md section 6 (and the
implementation chain of section 0):

* :func:`plot_carbon` -- b_p = sum_trees mass / A_plot (science.md 0; AR-TOOL14 Appendix 1,
  b_p = sum_j sum_l f_j(x)(1 + R_j) / A_plot), plots with no trees are 0 (i-Tree, 6.1).
* :func:`tree_dynamics` / :func:`plot_change` -- re-measured permanent plots: survivors,
  mortality, ingrowth (science.md 6.5, dead trees set to 0 at t2) and per-plot differences
  for AR-TOOL14 section 6.2 (science.md 6.2); annual rates with fractional years (6.3, Eq. 11).
* Statistics (stratified estimate Eq. 12-17, uncertainty deduction, independent change,
  sample size) live in :mod:`.sampling_stats` and are re-exported here.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, Tuple

import numpy as np
import pandas as pd

from .messages import Message
from .sampling_stats import (
    POOLED_LABEL,
    ChangeResult,
    DeductionResult,
    EstimationError,
    SampleSizeResult,
    StratifiedResult,
    deduction_fraction,
    independent_change,
    mean_uncertainty,
    sample_size,
    stratified_change,
    stratified_estimate,
    t_two_sided,
    uncertainty_deduction,
    update_stock,
)

try:  # shared constants (core/units.py); local fallback keeps this module standalone
    from .units import C_TO_CO2, RAI_PER_HA
except ImportError:  # pragma: no cover
    C_TO_CO2 = 44.0 / 12.0
    RAI_PER_HA = 6.25

__all__ = [
    "POOLED_LABEL",
    "ChangeResult",
    "DeductionResult",
    "EstimationError",
    "SampleSizeResult",
    "StratifiedResult",
    "DAYS_PER_YEAR",
    "FLAGS",
    "deduction_fraction",
    "fractional_years",
    "independent_change",
    "mean_uncertainty",
    "plot_carbon",
    "plot_change",
    "sample_size",
    "stratified_change",
    "stratified_estimate",
    "t_two_sided",
    "tree_dynamics",
    "uncertainty_deduction",
    "update_stock",
]

#: Mean Julian year, used for fractional years between two dates (4 yr 5 mo ~ 4.41).
DAYS_PER_YEAR = 365.25
_M2_PER_HA = 10000.0
_KG_PER_T = 1000.0
_MASS_COLS = ("agb_kg", "bgb_kg", "carbon_kg", "co2e_kg")
_PER_HA = {
    "agb_kg": "agb_t_ha",
    "bgb_kg": "bgb_t_ha",
    "biomass_kg": "biomass_t_ha",
    "carbon_kg": "carbon_t_ha",
    "co2e_kg": "co2e_t_ha",
}
_MISSING_KEY = "<missing>"


def _norm_key(series: pd.Series) -> pd.Series:
    """Plot/tag identifiers as comparable strings.

    Integral floats (1.0, as read from a shapefile) become "1", so 1, 1.0 and "1" match;
    surrounding blanks are stripped; missing ids become ``<missing>``.
    """
    s = series.reset_index(drop=True)
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        vals = s.to_numpy(dtype=float)
        finite = np.isfinite(vals)
        integral = finite & (np.floor(np.where(finite, vals, 0.0)) == vals)
        out = s.astype(object).astype(str)
        out[integral] = [str(int(v)) for v in vals[integral]]
        out[~finite] = _MISSING_KEY
        return out.str.strip()
    out = s.astype(object).where(s.notna(), _MISSING_KEY).astype(str).str.strip()
    return out.where(out != "", _MISSING_KEY)


# --------------------------------------------------------------------------------------------
# Plot carbon
# --------------------------------------------------------------------------------------------


def plot_carbon(
    trees: pd.DataFrame,
    plots: pd.DataFrame,
    min_dbh_cm: float | None = None,
    sapling_rule: str = "exclude",
) -> Tuple[pd.DataFrame, Dict[str, Any]]:
    """Per-plot biomass/carbon per ha and per rai (science.md 0; AR-TOOL14 Appendix 1).

    b_p [t ha-1] = sum_trees mass[kg] / 1000 / A_eff[ha], A_eff = area_m2 x fraction, where
    ``fraction`` is the measured / in-polygon share of the plot (default 1; i-Tree: account
    for partially measured plots). Per rai = per ha / 6.25 (1 ha = 6.25 rai).

    ``trees``: ``plot``, ``agb_kg``, ``bgb_kg``, ``carbon_kg`` (required); ``co2e_kg`` (derived
    as 44/12 x carbon if absent); ``dbh_cm`` (required when ``min_dbh_cm`` is set).
    ``plots``: ``plot_id``, ``area_m2`` (required); ``fraction``, ``stratum``, ``date``
    (optional; passed through).

    Trees are classified in this order:

    0. dead -- only if ``trees`` has a ``status`` column (values as in :func:`tree_dynamics`):
       not summed (live-tree pool; dead wood is a separate pool, science.md 4.4), ``n_dead``;
    1. sapling -- ``dbh_cm < min_dbh_cm`` and ``sapling_rule == "exclude"``: not summed,
       counted in ``n_saplings`` (with ``"include"`` they are summed like any tree);
    2. unusable -- any of agb/bgb/carbon/co2e missing: not summed, counted in ``n_unusable``
       (never dropped silently; the report carries the total);
    3. used -- summed, counted in ``n_trees``.

    A tree with a missing DBH is never treated as a sapling (it cannot be classified); the
    report counts such trees when a threshold is set. Plots with no trees get 0 (not NaN).
    Trees whose plot id matches no plot are reported in ``report["orphan_trees"]``
    ({plot id: count}) and not summed. Plot ids are matched as strings (1, 1.0 and "1" match).
    """
    if sapling_rule not in ("exclude", "include"):
        raise ValueError(f"sapling_rule must be 'exclude' or 'include' (got {sapling_rule!r})")
    need_t = ["plot", "agb_kg", "bgb_kg", "carbon_kg"]
    if min_dbh_cm is not None:
        need_t.append("dbh_cm")
    miss = [c for c in need_t if c not in trees.columns]
    if miss:
        raise ValueError("trees is missing column(s) " + ", ".join(miss))
    miss = [c for c in ("plot_id", "area_m2") if c not in plots.columns]
    if miss:
        raise ValueError("plots is missing column(s) " + ", ".join(miss))

    report: Dict[str, Any] = {
        "warnings": [],
        "sapling_rule": sapling_rule,
        "min_dbh_cm": min_dbh_cm,
    }

    # ---- plots -------------------------------------------------------------------------------
    pl = pd.DataFrame({"plot_id": plots["plot_id"].to_numpy()})
    pl["_key"] = _norm_key(plots["plot_id"].reset_index(drop=True))
    if (pl["_key"] == _MISSING_KEY).any():
        raise EstimationError(f"{int((pl['_key'] == _MISSING_KEY).sum())} plot(s) have no plot_id")
    dup = pl["_key"][pl["_key"].duplicated()].unique().tolist()
    if dup:
        raise EstimationError("duplicate plot_id(s): " + ", ".join(map(str, dup)))
    pl["stratum"] = (
        plots["stratum"].to_numpy() if "stratum" in plots.columns else np.full(len(pl), None)
    )
    area = pd.to_numeric(plots["area_m2"], errors="coerce").to_numpy(dtype=float)
    bad = ~(np.isfinite(area) & (area > 0))
    if bad.any():
        raise EstimationError(
            "plot area_m2 must be > 0 for plot(s): " + ", ".join(pl.loc[bad, "_key"].tolist())
        )
    if "fraction" in plots.columns:
        frac = pd.to_numeric(plots["fraction"], errors="coerce").to_numpy(dtype=float)
    else:
        frac = np.ones(len(pl))
    defaulted = np.isnan(frac)
    if defaulted.any():
        frac = np.where(defaulted, 1.0, frac)
        report["warnings"].append(
            Message(
                "{n} plot(s) without a fraction: 1 assumed ({plots})",
                n=int(defaulted.sum()),
                plots=", ".join(pl.loc[defaulted, "_key"].tolist()),
            )
        )
    report["fraction_defaulted"] = int(defaulted.sum())
    badf = ~((frac > 0) & (frac <= 1))
    if badf.any():
        raise EstimationError(
            "plot fraction must be in (0, 1] for plot(s): "
            + ", ".join(pl.loc[badf, "_key"].tolist())
        )
    pl["area_m2"] = area
    pl["fraction"] = frac
    pl["effective_area_m2"] = area * frac
    pl["effective_area_ha"] = pl["effective_area_m2"] / _M2_PER_HA
    if "date" in plots.columns:
        pl["date"] = plots["date"].to_numpy()

    # ---- trees -------------------------------------------------------------------------------
    tr = pd.DataFrame(index=trees.index)
    tr["_key"] = _norm_key(trees["plot"]).to_numpy()
    for c in ("agb_kg", "bgb_kg", "carbon_kg"):
        tr[c] = pd.to_numeric(trees[c], errors="coerce")
    if "co2e_kg" in trees.columns:
        tr["co2e_kg"] = pd.to_numeric(trees["co2e_kg"], errors="coerce")
    else:
        tr["co2e_kg"] = tr["carbon_kg"] * C_TO_CO2
    dead = ~_alive(trees, "trees")
    below = np.zeros(len(tr), dtype=bool)
    if min_dbh_cm is not None:
        dbh = pd.to_numeric(trees["dbh_cm"], errors="coerce")
        below = (dbh < float(min_dbh_cm)).to_numpy() & ~dead
        report["n_dbh_missing"] = int(dbh.isna().sum())
    sapling = below if sapling_rule == "exclude" else np.zeros(len(tr), dtype=bool)
    report["n_saplings_included"] = int(below.sum()) if sapling_rule == "include" else 0
    unusable = ~dead & ~sapling & tr[list(_MASS_COLS)].isna().any(axis=1).to_numpy()
    used = ~dead & ~sapling & ~unusable
    tr["_used"] = used.astype(int)
    tr["_dead"] = dead.astype(int)
    tr["_unusable"] = unusable.astype(int)
    tr["_sapling"] = sapling.astype(int)
    for c in _MASS_COLS:
        tr[c] = tr[c].where(used, 0.0)
    tr["biomass_kg"] = tr["agb_kg"] + tr["bgb_kg"]

    known = tr["_key"].isin(set(pl["_key"]))
    orphans = tr.loc[~known, "_key"].value_counts().sort_index()
    report["orphan_trees"] = {k: int(v) for k, v in orphans.items()}
    report["n_orphan_trees"] = int(orphans.sum())
    if len(orphans):
        report["warnings"].append(
            Message(
                "{n} tree(s) reference plot id(s) not in the plot table: {plots}",
                n=int(orphans.sum()),
                plots=", ".join(orphans.index.tolist()),
            )
        )

    sums = (
        tr.loc[known]
        .groupby("_key")[["_used", "_unusable", "_sapling", "_dead", *_PER_HA]]
        .sum()
        .reindex(pl["_key"], fill_value=0)
    )
    out = pl.copy()
    out["n_trees"] = sums["_used"].to_numpy().astype(int)
    out["n_unusable"] = sums["_unusable"].to_numpy().astype(int)
    out["n_saplings"] = sums["_sapling"].to_numpy().astype(int)
    out["n_dead"] = sums["_dead"].to_numpy().astype(int)
    eff_ha = out["effective_area_ha"].to_numpy()
    for kg_col, ha_col in _PER_HA.items():
        out[ha_col] = sums[kg_col].to_numpy(dtype=float) / _KG_PER_T / eff_ha
    for ha_col in _PER_HA.values():
        out[ha_col.replace("_t_ha", "_t_rai")] = out[ha_col] / RAI_PER_HA

    cols = ["plot_id", "stratum", "n_trees", "n_unusable", "n_saplings", "n_dead"]
    cols += list(_PER_HA.values()) + [c.replace("_t_ha", "_t_rai") for c in _PER_HA.values()]
    cols += ["area_m2", "fraction", "effective_area_m2", "effective_area_ha"]
    if "date" in out.columns:
        cols.append("date")
    table = out[cols].reset_index(drop=True)

    report["n_plots"] = int(len(table))
    report["n_trees_input"] = int(len(trees))
    report["n_trees_used"] = int(table["n_trees"].sum())
    report["n_unusable"] = int(table["n_unusable"].sum())
    report["n_saplings_excluded"] = int(table["n_saplings"].sum())
    report["n_dead"] = int(table["n_dead"].sum())
    report["plots_without_trees"] = table.loc[table["n_trees"] == 0, "plot_id"].tolist()
    if report["n_unusable"]:
        report["warnings"].append(
            Message(
                "{n} tree(s) without biomass/carbon were not summed (n_unusable per plot); plot "
                "values are biased low until they are fixed",
                n=report["n_unusable"],
            )
        )
    if "stratum" in plots.columns and table["stratum"].isna().any():
        report["warnings"].append(
            Message("{n} plot(s) have no stratum", n=int(table["stratum"].isna().sum()))
        )
    return table, report


# --------------------------------------------------------------------------------------------
# Re-measurement: tree dynamics and per-plot change
# --------------------------------------------------------------------------------------------

#: Flags set by :func:`tree_dynamics`.
FLAGS = {
    "DUPLICATE_TAG": "(plot, tag) occurs more than once in a survey; paired by DBH rank",
    "MISSING_TAG": "blank tag: the tree cannot be matched between surveys",
    "NOT_RELOCATED": "alive at t1, no record at t2: counted as mortality",
    "SPECIES_CHANGED": "species differs between surveys",
    "DBH_SHRANK": "DBH at t2 smaller than at t1 by more than the tolerance",
    "STATUS_REVERSED": "dead at t1, alive at t2: counted as ingrowth",
    "CARBON_MISSING": "a live tree has no carbon value: counted as 0",
}

_ALIVE = {"alive", "live", "living", "a", "l", "1", "true", "yes", "y", "standing"}
_DEAD = {"dead", "d", "0", "false", "no", "n", "removed", "cut", "felled", "missing", "gone"}


def _alive(df: pd.DataFrame, label: str) -> np.ndarray:
    if "status" not in df.columns:
        return np.ones(len(df), dtype=bool)
    st = df["status"]
    if pd.api.types.is_bool_dtype(st):
        return st.to_numpy(dtype=bool)
    txt = st.astype(object).where(st.notna(), "alive").astype(str).str.strip().str.lower()
    txt = txt.replace({"1.0": "1", "0.0": "0"})
    unknown = sorted(set(txt) - _ALIVE - _DEAD)
    if unknown:
        raise ValueError(f"unknown tree status value(s) in {label}: " + ", ".join(unknown))
    return txt.isin(_ALIVE).to_numpy()


def _prep_survey(df: pd.DataFrame, label: str) -> pd.DataFrame:
    miss = [c for c in ("plot", "tag", "carbon_kg") if c not in df.columns]
    if miss:
        raise ValueError(f"{label} is missing column(s) " + ", ".join(miss))
    out = pd.DataFrame(
        {
            "plot": df["plot"].to_numpy(),
            "_plot": _norm_key(df["plot"]).to_numpy(),
            "tag": df["tag"].to_numpy(),
            "_tag": _norm_key(df["tag"]).to_numpy(),
            "species": (
                df["species"].to_numpy() if "species" in df.columns else np.full(len(df), None)
            ),
            "dbh_cm": pd.to_numeric(df["dbh_cm"], errors="coerce").to_numpy()
            if "dbh_cm" in df.columns
            else np.full(len(df), np.nan),
            "alive": _alive(df, label),
            "carbon_kg": pd.to_numeric(df["carbon_kg"], errors="coerce").to_numpy(),
        }
    )
    out["missing_tag"] = out["_tag"] == _MISSING_KEY
    # blank tags get a key unique to this survey and row, so they never match anything
    n_blank = int(out["missing_tag"].sum())
    out.loc[out["missing_tag"], "_tag"] = [f"{_MISSING_KEY}#{label}#{i}" for i in range(n_blank)]
    # Unique pairing key; blank tags get a unique per-row key so they never match.
    out["_dup"] = out.duplicated(["_plot", "_tag"], keep=False) & ~out["missing_tag"]
    out["_rank"] = (
        out.assign(_d=out["dbh_cm"].fillna(-np.inf), _c=out["carbon_kg"].fillna(-np.inf))
        .sort_values(["_plot", "_tag", "_d", "_c"], ascending=[True, True, False, False])
        .groupby(["_plot", "_tag"])
        .cumcount()
        .reindex(out.index)
    )
    out["_rank"] = out["_rank"].astype(int)
    return out


def _norm_species(s: pd.Series) -> pd.Series:
    return s.astype(object).where(s.notna(), "").astype(str).str.strip().str.lower()


def tree_dynamics(
    t1: pd.DataFrame,
    t2: pd.DataFrame,
    dbh_shrink_tol_cm: float = 1.0,
    min_dbh_cm: float | None = None,
) -> Tuple[pd.DataFrame, Dict[str, Any]]:
    """Match two surveys of permanent plots tree by tree (science.md 6.5).

    ``t1``/``t2``: ``plot``, ``tag``, ``carbon_kg`` (required), ``species``, ``dbh_cm``,
    ``status`` (optional; missing status = alive; accepted: alive/live/a/1/true,
    dead/d/0/false/removed/cut/felled/missing). Trees are matched on (plot, tag).

    Live stock only counts live trees (dead trees are 0 at t2, science.md 6.5). With
    ``min_dbh_cm`` a tree below the threshold is outside the stock (as in :func:`plot_carbon`
    with ``sapling_rule="exclude"``), so a tree crossing the threshold is ingrowth.
    Each record pair gets one class:

    * ``survivor`` -- in stock at t1 and t2: increment = C2 - C1 (may be negative);
    * ``mortality`` -- in stock at t1, dead or absent at t2: change = -C1;
    * ``ingrowth`` -- not in stock at t1 (new tag, below threshold or dead), in stock at t2:
      change = +C2;
    * ``out_both`` -- in stock at neither survey (dead twice, or sapling twice): 0.

    so that, per plot, live C2 - live C1 = sum(increment) + ingrowth + mortality exactly.
    A live tree whose carbon is missing counts as 0 (flag CARBON_MISSING), consistent with
    :func:`plot_carbon`, which does not sum unusable trees. Flags: see :data:`FLAGS`.

    Returns ``(tree_table, counts)``; ``counts`` has n_survivor, n_mortality, n_ingrowth,
    n_out_both, one count per flag, and the carbon sums (kg) per class.
    """
    a = _prep_survey(t1, "t1")
    b = _prep_survey(t2, "t2")
    keys = ["_plot", "_tag", "_rank"]
    m = a.merge(b, on=keys, how="outer", suffixes=("_t1", "_t2"), indicator=True)
    in1 = (m["_merge"] != "right_only").to_numpy()
    in2 = (m["_merge"] != "left_only").to_numpy()

    def stock(sfx: str, present: np.ndarray) -> np.ndarray:
        alive = m["alive" + sfx].fillna(False).to_numpy(dtype=bool) & present
        if min_dbh_cm is not None:
            alive &= ~(m["dbh_cm" + sfx].to_numpy(dtype=float) < float(min_dbh_cm))
        return alive

    s1 = stock("_t1", in1)
    s2 = stock("_t2", in2)
    c1 = np.where(s1, m["carbon_kg_t1"].fillna(0.0).to_numpy(dtype=float), 0.0)
    c2 = np.where(s2, m["carbon_kg_t2"].fillna(0.0).to_numpy(dtype=float), 0.0)

    cls = np.select(
        [s1 & s2, s1 & ~s2, ~s1 & s2],
        ["survivor", "mortality", "ingrowth"],
        default="out_both",
    )
    flags: Dict[str, np.ndarray] = {
        "DUPLICATE_TAG": m["_dup_t1"].fillna(False).to_numpy(dtype=bool)
        | m["_dup_t2"].fillna(False).to_numpy(dtype=bool),
        "MISSING_TAG": m["missing_tag_t1"].fillna(False).to_numpy(dtype=bool)
        | m["missing_tag_t2"].fillna(False).to_numpy(dtype=bool),
        "NOT_RELOCATED": s1 & ~in2,
        "SPECIES_CHANGED": in1
        & in2
        & (_norm_species(m["species_t1"]) != "").to_numpy()
        & (_norm_species(m["species_t2"]) != "").to_numpy()
        & (_norm_species(m["species_t1"]) != _norm_species(m["species_t2"])).to_numpy(),
        "DBH_SHRANK": in1
        & in2
        & m["alive_t1"].fillna(False).to_numpy(dtype=bool)
        & m["alive_t2"].fillna(False).to_numpy(dtype=bool)
        & (
            m["dbh_cm_t2"].to_numpy(dtype=float)
            < m["dbh_cm_t1"].to_numpy(dtype=float) - float(dbh_shrink_tol_cm)
        ),
        "STATUS_REVERSED": in1
        & in2
        & ~m["alive_t1"].fillna(True).to_numpy(dtype=bool)
        & m["alive_t2"].fillna(False).to_numpy(dtype=bool),
        "CARBON_MISSING": (s1 & m["carbon_kg_t1"].isna().to_numpy())
        | (s2 & m["carbon_kg_t2"].isna().to_numpy()),
    }
    flag_txt = pd.Series([""] * len(m), dtype=object)
    for name, mask in flags.items():
        flag_txt[mask] = flag_txt[mask] + ";" + name
    flag_txt = flag_txt.str.lstrip(";")

    plot_col = m["plot_t1"].where(m["plot_t1"].notna(), m["plot_t2"])
    tag_col = m["tag_t1"].where(in1, m["tag_t2"])
    table = pd.DataFrame(
        {
            "plot": plot_col.to_numpy(),
            "tag": tag_col.to_numpy(),
            "plot_key": m["_plot"].to_numpy(),
            "class": cls,
            "species_t1": m["species_t1"].to_numpy(),
            "species_t2": m["species_t2"].to_numpy(),
            "dbh_cm_t1": m["dbh_cm_t1"].to_numpy(dtype=float),
            "dbh_cm_t2": m["dbh_cm_t2"].to_numpy(dtype=float),
            "alive_t1": np.where(in1, m["alive_t1"].fillna(False).to_numpy(dtype=bool), False),
            "alive_t2": np.where(in2, m["alive_t2"].fillna(False).to_numpy(dtype=bool), False),
            "carbon_kg_t1": c1,
            "carbon_kg_t2": c2,
            "survivor_increment_kg": np.where(cls == "survivor", c2 - c1, 0.0),
            "ingrowth_kg": np.where(cls == "ingrowth", c2, 0.0),
            "mortality_kg": np.where(cls == "mortality", -c1, 0.0),
            "delta_kg": c2 - c1,
            "flags": flag_txt.to_numpy(),
        }
    )
    table = table.sort_values(["plot_key", "tag"], key=lambda s: s.astype(str), kind="mergesort")
    table = table.reset_index(drop=True)

    counts: Dict[str, Any] = {
        f"n_{k}": int((table["class"] == k).sum())
        for k in ("survivor", "mortality", "ingrowth", "out_both")
    }
    for name, mask in flags.items():
        counts[name] = int(mask.sum())
    counts["survivor_increment_kg"] = float(table["survivor_increment_kg"].sum())
    counts["ingrowth_kg"] = float(table["ingrowth_kg"].sum())
    counts["mortality_kg"] = float(table["mortality_kg"].sum())
    counts["net_kg"] = float(table["delta_kg"].sum())
    return table, counts


def fractional_years(date1: Any, date2: Any) -> Any:
    """(date2 - date1) in years = days / 365.25 (science.md 6.3: 4 yr 5 mo = 4.417).

    Scalars (str, date, datetime, Timestamp) give a float; array-likes give an ndarray.
    Raises if a date is missing or date2 is not after date1.
    """
    scalar = np.ndim(date1) == 0 and np.ndim(date2) == 0
    d1 = pd.to_datetime(pd.Series(np.atleast_1d(np.asarray(date1, dtype=object))))
    d2 = pd.to_datetime(pd.Series(np.atleast_1d(np.asarray(date2, dtype=object))))
    if d1.isna().any() or d2.isna().any():
        raise EstimationError("a survey date is missing")
    days = (d2.to_numpy() - d1.to_numpy()) / np.timedelta64(1, "D")
    years = days.astype(float) / DAYS_PER_YEAR
    if (years <= 0).any():
        raise EstimationError("the second survey date must be after the first")
    return float(years[0]) if scalar else years


def _dates_for(plot_table: pd.DataFrame, date: Any, label: str) -> Any:
    if date is not None:
        if isinstance(date, (str, _dt.date, pd.Timestamp)) or np.ndim(date) == 0:
            return date
        if isinstance(date, pd.Series):
            return date
        return np.asarray(date, dtype=object)
    if "date" in plot_table.columns:
        return plot_table["date"]
    raise EstimationError(f"no survey date for {label}: pass {label} or a 'date' column")


def plot_change(
    plot_t1: pd.DataFrame,
    plot_t2: pd.DataFrame,
    date1: Any = None,
    date2: Any = None,
    tree_table: pd.DataFrame | None = None,
) -> Tuple[pd.DataFrame, Dict[str, Any]]:
    """Per-plot change between two surveys of permanent plots (science.md 6.2, 6.3, 6.5).

    ``plot_t1``/``plot_t2``: outputs of :func:`plot_carbon` for each survey (``plot_id``,
    ``carbon_t_ha``, ``effective_area_ha``, optional ``stratum``/``date``). ``date1``/``date2``:
    scalars, per-plot sequences aligned with the tables, or None to use their ``date`` columns.

    Per plot (tC/ha): c_t1, c_t2, net_change = c_t2 - c_t1 (the Delta b_p of AR-TOOL14 6.2;
    losses stay negative), years = days / 365.25, annual_net = net / years, and CO2e versions
    (x 44/12). With ``tree_table`` from :func:`tree_dynamics` the components are added:
    survivor_increment = sum(C2 - C1 of survivors), ingrowth = sum C2 of ingrowth,
    gross_growth = survivor_increment + ingrowth, mortality = -sum C1 of mortality (negative),
    each divided by that survey's effective area, plus ``residual`` = net - (gross + mortality),
    which is 0 when the tree and plot inputs agree (e.g. same thresholds; reported otherwise).

    Plots present in only one survey are left out and listed in the report.
    """
    for lab, t in (("plot_t1", plot_t1), ("plot_t2", plot_t2)):
        miss = [c for c in ("plot_id", "carbon_t_ha") if c not in t.columns]
        if miss:
            raise ValueError(f"{lab} is missing column(s) " + ", ".join(miss))
    d1 = _dates_for(plot_t1, date1, "date1")
    d2 = _dates_for(plot_t2, date2, "date2")

    def frame(t: pd.DataFrame, d: Any, sfx: str) -> pd.DataFrame:
        f = pd.DataFrame({"_key": _norm_key(t["plot_id"].reset_index(drop=True))})
        f["plot_id" + sfx] = t["plot_id"].to_numpy()
        f["c" + sfx] = pd.to_numeric(t["carbon_t_ha"], errors="coerce").to_numpy()
        if "effective_area_ha" in t.columns:
            f["area" + sfx] = t["effective_area_ha"].to_numpy(dtype=float)
        else:
            f["area" + sfx] = np.nan
        f["stratum" + sfx] = t["stratum"].to_numpy() if "stratum" in t.columns else None
        if isinstance(d, pd.Series) and len(d) == len(t):
            f["date" + sfx] = d.to_numpy()
        elif np.ndim(d) == 0:
            f["date" + sfx] = [d] * len(t)
        else:
            f["date" + sfx] = np.asarray(d, dtype=object)
        if f["_key"].duplicated().any():
            raise EstimationError(f"duplicate plot_id in the t{sfx[-1]} table")
        return f

    f1 = frame(plot_t1, d1, "_1")
    f2 = frame(plot_t2, d2, "_2")
    m = f1.merge(f2, on="_key", how="outer", indicator=True)
    report: Dict[str, Any] = {
        "only_t1": m.loc[m["_merge"] == "left_only", "plot_id_1"].tolist(),
        "only_t2": m.loc[m["_merge"] == "right_only", "plot_id_2"].tolist(),
        "warnings": [],
    }
    if report["only_t1"] or report["only_t2"]:
        report["warnings"].append(
            Message(
                "plots not in both surveys were left out of the change: only t1 {t1}, only t2 {t2}",
                t1=report["only_t1"],
                t2=report["only_t2"],
            )
        )
    m = m[m["_merge"] == "both"].reset_index(drop=True)
    if m[["c_1", "c_2"]].isna().any().any():
        raise EstimationError("a plot has no carbon value in one survey")
    s1 = m["stratum_1"].astype(object)
    s2 = m["stratum_2"].astype(object)
    changed = s1.notna() & s2.notna() & (s1.astype(str) != s2.astype(str))
    if changed.any():
        report["warnings"].append(
            Message(
                "stratum differs between surveys (t2 used) for plot(s): {plots}",
                plots=", ".join(m.loc[changed, "_key"].tolist()),
            )
        )
    years = fractional_years(m["date_1"].to_numpy(), m["date_2"].to_numpy()) if len(m) else []

    out = pd.DataFrame(
        {
            "plot_id": m["plot_id_1"].to_numpy(),
            "stratum": s2.where(s2.notna(), s1).to_numpy(),
            "date1": m["date_1"].to_numpy(),
            "date2": m["date_2"].to_numpy(),
            "years": np.asarray(years, dtype=float),
            "c_t1_t_ha": m["c_1"].to_numpy(dtype=float),
            "c_t2_t_ha": m["c_2"].to_numpy(dtype=float),
        }
    )
    out["net_change_t_ha"] = out["c_t2_t_ha"] - out["c_t1_t_ha"]
    if tree_table is not None:
        comp = tree_table.groupby("plot_key")[
            ["survivor_increment_kg", "ingrowth_kg", "mortality_kg"]
        ].sum()
        c1_surv = (
            (tree_table["carbon_kg_t1"].where(tree_table["class"] == "survivor", 0.0))
            .groupby(tree_table["plot_key"])
            .sum()
        )
        c2_surv = (
            (tree_table["carbon_kg_t2"].where(tree_table["class"] == "survivor", 0.0))
            .groupby(tree_table["plot_key"])
            .sum()
        )
        comp = comp.reindex(m["_key"], fill_value=0.0)
        c1_surv = c1_surv.reindex(m["_key"], fill_value=0.0).to_numpy()
        c2_surv = c2_surv.reindex(m["_key"], fill_value=0.0).to_numpy()
        a1 = m["area_1"].to_numpy(dtype=float)
        a2 = m["area_2"].to_numpy(dtype=float)
        if np.isnan(a1).any() or np.isnan(a2).any():
            raise EstimationError("components need effective_area_ha in both plot tables")
        # kg -> t, each survey over its own effective area (so the identity holds exactly)
        out["survivor_increment_t_ha"] = (c2_surv / a2 - c1_surv / a1) / 1000.0
        out["ingrowth_t_ha"] = comp["ingrowth_kg"].to_numpy() / a2 / 1000.0
        out["gross_growth_t_ha"] = out["survivor_increment_t_ha"] + out["ingrowth_t_ha"]
        out["mortality_t_ha"] = comp["mortality_kg"].to_numpy() / a1 / 1000.0
        out["residual_t_ha"] = out["net_change_t_ha"] - (
            out["gross_growth_t_ha"] + out["mortality_t_ha"]
        )
        unknown = sorted(set(tree_table["plot_key"]) - set(m["_key"]))
        if unknown:
            report["warnings"].append(
                Message(
                    "tree_table plots not in both plot tables: {plots}",
                    plots=", ".join(map(str, unknown)),
                )
            )
        worst = float(np.abs(out["residual_t_ha"]).max()) if len(out) else 0.0
        report["max_abs_residual_t_ha"] = worst
        if worst > 1e-6:
            report["warnings"].append(
                Message(
                    "tree components do not add up to the plot change (max residual {worst:.4g} "
                    "tC/ha): tree and plot inputs differ (thresholds, unusable trees?)",
                    worst=worst,
                )
            )
    yrs = out["years"].to_numpy(dtype=float)
    out["annual_net_t_ha_yr"] = out["net_change_t_ha"] / yrs
    if tree_table is not None:
        out["annual_gross_growth_t_ha_yr"] = out["gross_growth_t_ha"] / yrs
        out["annual_mortality_t_ha_yr"] = out["mortality_t_ha"] / yrs
    out["net_change_co2e_t_ha"] = out["net_change_t_ha"] * C_TO_CO2
    out["annual_net_co2e_t_ha_yr"] = out["annual_net_t_ha_yr"] * C_TO_CO2
    report["n_plots"] = int(len(out))
    return out, report
