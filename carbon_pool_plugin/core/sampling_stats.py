"""Sampling statistics: stratified estimation, uncertainty deduction, change, sample size.

Pure Python + numpy/pandas/scipy (no QGIS). Every formula cites science.md (docs/science.md
in the shared reference sheet) and the equation it implements:

* Stratified random sampling of a stock -- CDM AR-TOOL14 v04.2 Eq. 12-17 (science.md 6.1):

  - Eq. 12/13  b = sum_i w_i b_i,  w_i = A_i / A
  - Eq. 14     b_i = sum_p b_p,i / n_i
  - Eq. 15     s_i^2 = [n_i sum b_p,i^2 - (sum b_p,i)^2] / [n_i (n_i - 1)]  (sample variance),
               SE(b) = sqrt(sum_i w_i^2 s_i^2 / n_i)        (no finite-population correction)
  - Eq. 16/17  u_C = t_VAL * SE(b) / b, t_VAL two-sided Student t at 90 %, df = n - M

  The textbook form of Eq. 15 is algebraically identical to sum (b - mean)^2 / (n - 1); the
  latter (two-pass, numerically stable) is what is computed. The test-suite checks equality.
  95 % intervals are reported in addition (science.md section 9 item 7: compute both, apply
  the T-VER deduction on 90 %).
* Change from re-measured permanent plots -- AR-TOOL14 section 6.2 (science.md 6.2).
* Change as a difference of two independent estimates -- AR-TOOL14 section 6.1, Eq. 11 and
  Eq. 22-23 (science.md 6.3).
* Uncertainty deduction -- T-VER-P-TOOL-01-02 == AR-TOOL14 Appendix 2 (science.md 6.4).
* Sample size -- BioCarbon Fund Sourcebook (Pearson, Walker & Brown) (science.md 7.3).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .messages import Message

try:  # shared constants (core/units.py); keep a local fallback so this module stands alone
    from .units import C_TO_CO2
except ImportError:  # pragma: no cover - only when units.py is absent
    C_TO_CO2 = 44.0 / 12.0

__all__ = [
    "EstimationError",
    "POOLED_LABEL",
    "StratifiedResult",
    "DeductionResult",
    "ChangeResult",
    "SampleSizeResult",
    "t_two_sided",
    "mean_uncertainty",
    "stratified_estimate",
    "stratified_change",
    "uncertainty_deduction",
    "deduction_fraction",
    "independent_change",
    "update_stock",
    "sample_size",
]

#: Label of the pseudo-stratum that carries the whole-sample estimate for small strata that
#: have no merge target (``small_strata="merge"`` without a ``merge_map`` entry).
POOLED_LABEL = "other (pooled)"

#: Float guard for band edges of the deduction table (percentage points).
_EDGE_TOL = 1e-9

#: AR-TOOL14 Appendix 2 / T-VER-P-TOOL-01-02 table: (upper bound of U %, deduction fraction).
DEDUCTION_TABLE: Tuple[Tuple[float, float], ...] = (
    (10.0, 0.0),
    (15.0, 0.25),
    (20.0, 0.50),
    (30.0, 0.75),
    (math.inf, 1.0),
)


class EstimationError(ValueError):
    """Raised when an estimate cannot be computed honestly (never a silent NaN)."""


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def _level_key(confidence: float) -> str:
    """0.90 -> '90', 0.95 -> '95', 0.975 -> '97.5'."""
    pct = round(float(confidence) * 100.0, 6)
    return str(int(pct)) if float(pct).is_integer() else (f"{pct:g}")


def _levels(confidence: Union[float, Sequence[float]]) -> List[float]:
    levels = [float(confidence)] if np.isscalar(confidence) else [float(c) for c in confidence]
    for c in levels:
        if not 0.0 < c < 1.0:
            raise ValueError(f"confidence levels must lie strictly between 0 and 1, got {c!r}")
    if not any(abs(c - 0.90) < 1e-12 for c in levels):
        levels.append(0.90)  # always: the T-VER deduction is applied on the 90 % interval
    return sorted(set(levels))


def t_two_sided(confidence: float, df: float) -> float:
    """Two-sided Student t quantile: t such that P(|T_df| <= t) = confidence.

    AR-TOOL14 writes t_VAL for 90 % as t(0.1, df) (two-sided alpha = 0.10), e.g.
    t(0.1, 33) = 1.692 (science.md 6.1 worked example).
    """
    if not df > 0:
        raise EstimationError(
            f"degrees of freedom must be > 0 (df = n - M = {df!r}); add plots or merge strata"
        )
    return _t_ppf(0.5 + confidence / 2.0, df)


def _t_ppf(q: float, df: float) -> float:
    """Student t quantile, = ``scipy.stats.t.ppf(q, df)`` for df > 0 (the same ``stdtrit`` call,
    without importing ``scipy.stats``, which costs about a second on a cold start)."""
    from scipy.special import stdtrit

    if not df > 0 or not 0.0 <= q <= 1.0:
        return math.nan
    if q == 1.0:
        return math.inf
    if q == 0.0:
        return -math.inf
    return float(stdtrit(df, q))


def mean_uncertainty(
    mean: float,
    sd: float,
    n: int,
    confidence: float = 0.90,
    df: float | None = None,
) -> Dict[str, float]:
    """Uncertainty of a single-stratum mean from summary statistics (AR-TOOL14 Eq. 15-17).

    SE = s / sqrt(n); half-width = t(confidence, df) * SE, df = n - 1 unless given;
    U % = half-width / |mean| * 100. Worked example (science.md 6.1): mean 45.328, n 34,
    s 12.776 -> SE 2.191, t 1.692, half-width 3.707, U 8.18 %.
    """
    if n < 2:
        raise EstimationError(f"a mean needs n >= 2 plots for a variance (n = {n!r})")
    df = n - 1 if df is None else df
    se = float(sd) / math.sqrt(n)
    t = t_two_sided(confidence, df)
    hw = t * se
    u = math.inf if mean == 0 else hw / abs(mean) * 100.0
    return {
        "mean": float(mean),
        "sd": float(sd),
        "n": int(n),
        "df": float(df),
        "se": se,
        "t": t,
        "half_width": hw,
        "u_pct": u,
    }


# --------------------------------------------------------------------------------------------
# Stratified estimate (AR-TOOL14 Eq. 12-17)
# --------------------------------------------------------------------------------------------


@dataclass
class StratifiedResult:
    """Result of :func:`stratified_estimate`.

    ``strata``: one row per stratum used (after merging) with area_ha, weight (w_i), n, mean
    (b_i), sd (s_i), var (s_i^2), se (s_i/sqrt n_i), w2_var_n (w_i^2 s_i^2/n_i), and per
    confidence level t/hw/ci_low/ci_high/u_pct (t at the global df = n - M), plus ``members``
    (original strata) and ``source`` ("plots", "merged", "pooled whole sample").

    ``totals``: mean, se, df, t90, t95, hw90, hw95, ci90_low/high, ci95_low/high, u90_pct,
    u95_pct, total (= A * mean), total_se, total_hw90/95, total_ci90/95 (low, high) and the flat
    total_ci90_low ... keys, n_plots, n_strata, area_ha, area_excluded_ha, value_kind and, when
    the values are carbon/biomass, the t CO2e equivalents (co2e_factor, co2e_mean, co2e_total,
    co2e_total_ci90/95 ...).

    ``notes``: human-readable log of every merge, exclusion and assumption.
    """

    strata: pd.DataFrame
    totals: Dict[str, Any]
    notes: List[str] = field(default_factory=list)
    merged: Dict[str, str] = field(default_factory=dict)
    excluded: List[str] = field(default_factory=list)

    def deduction(self, kind: str = "project", on: str = "total") -> DeductionResult:
        """Apply :func:`uncertainty_deduction` to the ``total`` (or ``mean``) at 90 %."""
        if on == "total":
            return uncertainty_deduction(self.totals["total"], self.totals["total_hw90"], kind)
        if on == "mean":
            return uncertainty_deduction(self.totals["mean"], self.totals["hw90"], kind)
        if on == "co2e_total" and "co2e_total" in self.totals:
            return uncertainty_deduction(
                self.totals["co2e_total"], self.totals["co2e_total_hw90"], kind
            )
        raise ValueError(f"on must be 'total', 'mean' or 'co2e_total' (got {on!r})")

    def log(self) -> Dict[str, Any]:
        """The per-run log asked for by science.md 6.4: n, df, t, mean, SE, hw90, U %."""
        t = self.totals
        return {
            k: t[k]
            for k in (
                "n_plots",
                "n_strata",
                "df",
                "t90",
                "mean",
                "se",
                "hw90",
                "u90_pct",
                "total",
                "total_hw90",
            )
        }


_CO2E_FACTORS = {"carbon": C_TO_CO2, "co2e": 1.0, "other": None}


def _co2e_factor(value_kind: str | None, cf: float | None) -> Tuple[str, float | None]:
    if value_kind is None:
        value_kind = "biomass" if cf is not None else "carbon"
    value_kind = str(value_kind).lower()
    if value_kind == "biomass":
        if cf is None:
            raise ValueError("value_kind='biomass' needs the carbon fraction cf")
        if not 0.0 < cf <= 1.0:
            raise ValueError(f"carbon fraction cf must be in (0, 1], got {cf!r}")
        return value_kind, C_TO_CO2 * float(cf)
    if value_kind not in _CO2E_FACTORS:
        raise ValueError(f"value_kind must be carbon, biomass, co2e or other (got {value_kind!r})")
    if cf is not None:
        raise ValueError(f"cf is only meaningful for biomass values (value_kind={value_kind!r})")
    return value_kind, _CO2E_FACTORS[value_kind]


def _prepare_values(values: pd.DataFrame, stratum_col: str, value_col: str) -> pd.DataFrame:
    missing = [c for c in (stratum_col, value_col) if c not in values.columns]
    if missing:
        raise ValueError("values is missing column(s) {}".format(", ".join(missing)))
    df = pd.DataFrame(
        {
            "stratum": values[stratum_col],
            "value": pd.to_numeric(values[value_col], errors="coerce"),
        }
    )
    if df["stratum"].isna().any():
        raise EstimationError(
            f"{int(df['stratum'].isna().sum())} plot(s) have no stratum; assign one before "
            "estimating"
        )
    df["stratum"] = df["stratum"].astype(str)
    bad = ~np.isfinite(df["value"].to_numpy(dtype=float))
    if bad.any():
        where = df.loc[bad, "stratum"].value_counts().sort_index()
        named = ""
        if "plot_id" in values.columns:  # name the plots, so the user can find the rows
            ids = [str(v) for v in values["plot_id"].to_numpy()[bad][:20]]
            named = "; plot(s): " + ", ".join(ids) + (" …" if int(bad.sum()) > 20 else "")
        raise EstimationError(
            f"{int(bad.sum())} plot value(s) are missing/non-finite (by stratum: "
            + ", ".join(f"{k}={v}" for k, v in where.items())
            + named
            + "); a plot with no trees is 0, an unusable plot must be fixed or removed explicitly"
        )
    return df


def _prepare_areas(strata_area_ha: Mapping[Any, float]) -> Dict[str, float]:
    areas: Dict[str, float] = {}
    for key, val in strata_area_ha.items():
        a = float(val)
        if not np.isfinite(a) or a < 0:
            raise EstimationError(f"stratum {key!r} has an invalid area {val!r} ha")
        k = str(key)
        if k in areas:
            raise EstimationError(f"stratum {k!r} is given twice in strata_area_ha")
        areas[k] = a
    if not areas:
        raise EstimationError("strata_area_ha is empty")
    return areas


def _resolve_merge_target(
    name: str, merge_map: Mapping[str, str], areas: Mapping[str, float]
) -> str:
    seen = [name]
    cur = name
    while cur in merge_map:
        cur = merge_map[cur]
        if cur in seen:
            raise EstimationError("merge_map has a cycle: {}".format(" -> ".join(seen + [cur])))
        if cur not in areas:
            raise EstimationError(
                f"merge_map sends stratum {name!r} to {cur!r}, which is not in strata_area_ha"
            )
        seen.append(cur)
    return cur


def stratified_estimate(
    values: pd.DataFrame,
    strata_area_ha: Mapping[Any, float],
    confidence: Union[float, Sequence[float]] = (0.90, 0.95),
    small_strata: str = "merge",
    merge_map: Mapping[Any, Any] | None = None,
    cf: float | None = None,
    *,
    value_col: str = "value",
    stratum_col: str = "stratum",
    value_kind: str | None = None,
) -> StratifiedResult:
    """Stratified random-sampling estimate of a per-hectare quantity (AR-TOOL14 Eq. 12-17).

    Parameters
    ----------
    values:
        One row per plot: ``stratum`` and ``value`` (per-ha value b_p,i, e.g. tC/ha); other
        column names via ``stratum_col`` / ``value_col``. Plots with no trees must be 0.
        Missing values raise :class:`EstimationError` (never silently dropped).
    strata_area_ha:
        Area A_i (ha) of every stratum, including strata without plots. A = sum A_i.
    confidence:
        Levels reported; 0.90 is always added (T-VER deduction, science.md 9 item 7).
    small_strata:
        What to do with strata holding 0 or 1 plot (no variance):

        * ``"merge"`` -- strata listed in ``merge_map`` are collapsed into their target
          (areas added, plots pooled; chains are followed, cycles rejected). Small strata with
          no entry are given the **whole-sample** estimate: they form one pseudo-stratum
          ``POOLED_LABEL`` whose area is their summed area and whose mean, SD and n are those of
          all plots used (unweighted). Because that pooled mean shares plots with every other
          stratum, the total variance adds the covariance term
          ``2 w_o sum_i w_i s_i^2 / n`` (Cov(b_i, pooled mean) = s_i^2 / n) and uses
          s_all^2 / n for the pooled mean (conservative: it includes between-strata variance).
          The pseudo-stratum counts in M. All of this is written to ``notes``.
        * ``"exclude"`` -- the strata (their plots and their area) are left out; A shrinks and
          the excluded area is reported (totals['area_excluded_ha'] and notes).
        * ``"error"`` -- raise :class:`EstimationError` naming the strata.
    merge_map:
        {small stratum: target stratum}. Entries for strata with >= 2 plots are ignored (noted).
    cf:
        Carbon fraction. If given, values are biomass (t d.m./ha) and CO2e = 44/12 * cf * value
        (AR-TOOL14: C_TREE = 44/12 * CF * B_TREE). If None, values are carbon (tC/ha) and
        CO2e = 44/12 * value. Override with ``value_kind`` ('carbon', 'biomass', 'co2e',
        'other'). CF and 44/12 are constants (no uncertainty propagated, as in AR-TOOL14).

    Degrees of freedom: df = n - M (n plots used, M strata rows in the result). df <= 0 raises.
    The relative uncertainty uses |mean| so that it is also defined for (negative) changes.
    """
    if small_strata not in ("merge", "exclude", "error"):
        raise ValueError(
            f"small_strata must be 'merge', 'exclude' or 'error' (got {small_strata!r})"
        )
    levels = _levels(confidence)
    value_kind, co2e_factor = _co2e_factor(value_kind, cf)
    df = _prepare_values(values, stratum_col, value_col)
    areas = _prepare_areas(strata_area_ha)
    notes: List[str] = []

    unknown = sorted(set(df["stratum"]) - set(areas))
    if unknown:
        raise EstimationError(
            "plots belong to stratum/strata without an area: {}".format(
                ", ".join(map(repr, unknown))
            )
        )

    counts = df.groupby("stratum")["value"].size().reindex(list(areas), fill_value=0)
    small = sorted(s for s, c in counts.items() if c < 2)
    label = {s: s for s in areas}  # original stratum -> final stratum label
    merged: Dict[str, str] = {}
    excluded: List[str] = []
    pooled: List[str] = []

    if small:
        desc = ", ".join(f"{s!r} (n={counts[s]}, {areas[s]:.6g} ha)" for s in small)
        if small_strata == "error":
            raise EstimationError(
                f"strata with fewer than 2 plots cannot have a variance: {desc}; merge them, "
                "exclude them or add plots"
            )
        if small_strata == "exclude":
            excluded = small
            for s in small:
                del label[s]
            notes.append(
                Message(
                    "excluded strata with < 2 plots (area and plots left out of A and n): {desc}",
                    desc=desc,
                )
            )
        else:
            mmap = {str(k): str(v) for k, v in (merge_map or {}).items()}
            ignored = sorted(k for k in mmap if k in areas and k not in small)
            if ignored:
                notes.append(
                    Message(
                        "merge_map entries ignored (stratum has >= 2 plots): {strata}",
                        strata=", ".join(ignored),
                    )
                )
            unknown_keys = sorted(k for k in mmap if k not in areas)
            if unknown_keys:
                notes.append(
                    Message(
                        "merge_map keys not among the strata: {keys}", keys=", ".join(unknown_keys)
                    )
                )
            small_map = {k: v for k, v in mmap.items() if k in small}
            for s in small:
                if s in small_map:
                    target = _resolve_merge_target(s, small_map, areas)
                    label[s] = target
                    merged[s] = target
            # After merging, any final stratum still holding < 2 plots goes to the pool.
            final_counts: Dict[str, int] = {}
            for s, lab in label.items():
                final_counts[lab] = final_counts.get(lab, 0) + int(counts[s])
            for s, lab in list(label.items()):
                if final_counts[lab] < 2:
                    label[s] = POOLED_LABEL
                    merged[s] = POOLED_LABEL
                    pooled.append(s)
            for s in sorted(merged):
                if merged[s] != POOLED_LABEL:
                    notes.append(
                        Message(
                            "stratum {s!r} (n={n}, {area:.6g} ha) merged into {target!r} "
                            "(merge_map)",
                            s=s,
                            n=counts[s],
                            area=areas[s],
                            target=merged[s],
                        )
                    )
            if pooled:
                notes.append(
                    Message(
                        "strata with < 2 plots and no merge target were given the whole-sample "
                        "estimate as pseudo-stratum {label!r}: {strata}. Its mean/SD/n are those "
                        "of all plots used; the total variance includes the covariance of the "
                        "pooled mean with the other stratum means.",
                        label=POOLED_LABEL,
                        strata=", ".join(sorted(pooled)),
                    )
                )

    used = df[df["stratum"].isin(list(label))].copy()
    used["final"] = used["stratum"].map(label)
    n_total = int(len(used))
    area_total = float(sum(areas[s] for s in label))
    area_excluded = float(sum(areas[s] for s in excluded))
    if area_total <= 0:
        raise EstimationError("total area of the strata used is 0 ha")

    # ---- per-stratum statistics (Eq. 14, Eq. 15), vectorised --------------------------------
    real = used[used["final"] != POOLED_LABEL]
    g = real.groupby("final")["value"]
    tab = pd.DataFrame({"n": g.size(), "mean": g.mean(), "var": g.var(ddof=1)})
    tab.index.name = "stratum"
    tab["source"] = "plots"
    if pooled:
        if n_total < 2:
            raise EstimationError(
                f"only {n_total} plot(s) in the whole sample: no variance for the pooled estimate"
            )
        allv = used["value"].to_numpy(dtype=float)
        tab.loc[POOLED_LABEL, ["n", "mean", "var"]] = [
            n_total,
            float(allv.mean()),
            float(allv.var(ddof=1)),
        ]
        tab.loc[POOLED_LABEL, "source"] = "pooled whole sample"
    if tab.empty:
        raise EstimationError("no stratum with >= 2 plots is left to estimate from")
    finals = sorted(set(label.values()))
    tab = tab.reindex(finals)
    tab["n"] = tab["n"].astype(int)
    tab["area_ha"] = [sum(areas[s] for s, lab in label.items() if lab == f) for f in finals]
    tab["members"] = [";".join(sorted(s for s, lab in label.items() if lab == f)) for f in finals]
    for f in finals:
        if tab.at[f, "source"] == "plots" and tab.at[f, "members"] != f:
            tab.at[f, "source"] = "merged"
    tab["weight"] = tab["area_ha"] / area_total  # Eq. 13
    tab["sd"] = np.sqrt(tab["var"])
    tab["se"] = tab["sd"] / np.sqrt(tab["n"])
    tab["w2_var_n"] = tab["weight"] ** 2 * tab["var"] / tab["n"]  # Eq. 15 terms

    m_strata = int(len(tab))
    dof = n_total - m_strata
    if dof <= 0:
        raise EstimationError(
            f"degrees of freedom df = n - M = {n_total} - {m_strata} = {dof} <= 0: too few plots "
            "for the number of strata; merge strata or add plots"
        )
    tvals = {_level_key(c): t_two_sided(c, dof) for c in levels}

    # ---- totals (Eq. 12, 15, 16/17) ---------------------------------------------------------
    mean = float((tab["weight"] * tab["mean"]).sum())  # Eq. 12
    var_b = float(tab["w2_var_n"].sum())  # Eq. 15
    if pooled:
        w_o = float(tab.at[POOLED_LABEL, "weight"])
        own = tab.index != POOLED_LABEL
        cov = 2.0 * w_o * float((tab.loc[own, "weight"] * tab.loc[own, "var"]).sum()) / n_total
        var_b += cov
        notes.append(
            Message("covariance term added to Var(b) for the pooled estimate: {cov:.6g}", cov=cov)
        )
    se = math.sqrt(var_b)

    for key, t in tvals.items():
        tab["t" + key] = t
        tab["hw" + key] = t * tab["se"]
        tab[f"ci{key}_low"] = tab["mean"] - tab["hw" + key]
        tab[f"ci{key}_high"] = tab["mean"] + tab["hw" + key]
        with np.errstate(divide="ignore", invalid="ignore"):
            tab[f"u{key}_pct"] = np.where(
                tab["mean"] != 0, tab["hw" + key] / tab["mean"].abs() * 100.0, np.inf
            )

    totals: Dict[str, Any] = {
        "mean": mean,
        "se": se,
        "df": int(dof),
        "n_plots": n_total,
        "n_strata": m_strata,
        "area_ha": area_total,
        "area_excluded_ha": area_excluded,
        "total": area_total * mean,  # B = A * b
        "total_se": area_total * se,
        "value_kind": value_kind,
    }
    for key, t in tvals.items():
        hw = t * se
        totals["t" + key] = t
        totals["hw" + key] = hw
        totals[f"ci{key}_low"] = mean - hw
        totals[f"ci{key}_high"] = mean + hw
        totals[f"u{key}_pct"] = (hw / abs(mean) * 100.0) if mean != 0 else math.inf
        thw = area_total * hw
        totals["total_hw" + key] = thw
        totals["total_ci" + key] = (totals["total"] - thw, totals["total"] + thw)
        totals[f"total_ci{key}_low"] = totals["total"] - thw
        totals[f"total_ci{key}_high"] = totals["total"] + thw
    if co2e_factor is not None:
        totals["co2e_factor"] = co2e_factor
        totals["co2e_mean"] = co2e_factor * mean
        totals["co2e_total"] = co2e_factor * totals["total"]
        for key in tvals:
            h = co2e_factor * totals["total_hw" + key]
            totals["co2e_total_hw" + key] = h
            totals["co2e_total_ci" + key] = (totals["co2e_total"] - h, totals["co2e_total"] + h)
        if value_kind == "biomass":
            totals["cf"] = float(cf)  # type: ignore[arg-type]
            totals["carbon_mean"] = float(cf) * mean  # type: ignore[arg-type]
            totals["carbon_total"] = float(cf) * totals["total"]  # type: ignore[arg-type]

    cols = ["area_ha", "weight", "n", "mean", "sd", "var", "se", "w2_var_n"]
    for key in tvals:
        cols += ["t" + key, "hw" + key, f"ci{key}_low", f"ci{key}_high", f"u{key}_pct"]
    cols += ["members", "source"]
    strata = tab[cols].reset_index()
    return StratifiedResult(
        strata=strata, totals=totals, notes=notes, merged=merged, excluded=excluded
    )


def stratified_change(
    diff_values: pd.DataFrame,
    strata_area_ha: Mapping[Any, float],
    years: float | None = None,
    confidence: Union[float, Sequence[float]] = (0.90, 0.95),
    small_strata: str = "merge",
    merge_map: Mapping[Any, Any] | None = None,
    cf: float | None = None,
    *,
    value_col: str = "value",
    stratum_col: str = "stratum",
    value_kind: str | None = None,
) -> StratifiedResult:
    """Change from re-measured permanent plots (AR-TOOL14 section 6.2; science.md 6.2).

    ``diff_values`` holds one row per permanent plot with the per-plot difference
    Delta b_p = b_p,t2 - b_p,t1 (per ha; e.g. the ``net_change_t_ha`` column of
    :func:`carbon_pool_plugin.core.estimation.plot_change`). Then Delta b = sum w_i Delta b_i,
    SE = sqrt(sum w_i^2 s^2_Delta,i / n_i) and u = t_VAL * SE / |Delta b| -- i.e.
    :func:`stratified_estimate` applied to the differences. Losses stay negative.

    If ``years`` (the common re-measurement interval, fractional years) is given, annual
    figures are added to ``totals`` (annual_mean, annual_total, annual_total_ci90 ...), all
    divided by the constant T (Eq. 11). For unequal intervals pass per-plot annual differences
    as the values instead.
    """
    res = stratified_estimate(
        diff_values,
        strata_area_ha,
        confidence=confidence,
        small_strata=small_strata,
        merge_map=merge_map,
        cf=cf,
        value_col=value_col,
        stratum_col=stratum_col,
        value_kind=value_kind,
    )
    res.notes.append(Message("values are per-plot differences (permanent plots, AR-TOOL14 6.2)"))
    if years is not None:
        years = float(years)
        if not years > 0:
            raise EstimationError(f"years must be > 0 (got {years!r})")
        t = res.totals
        t["years"] = years
        t["annual_mean"] = t["mean"] / years
        t["annual_se"] = t["se"] / years
        t["annual_total"] = t["total"] / years
        for key in [k[len("total_hw") :] for k in list(t) if k.startswith("total_hw")]:
            h = t["total_hw" + key] / years
            t["annual_total_hw" + key] = h
            t["annual_total_ci" + key] = (t["annual_total"] - h, t["annual_total"] + h)
        if "co2e_total" in t:
            t["annual_co2e_total"] = t["co2e_total"] / years
    return res


# --------------------------------------------------------------------------------------------
# Uncertainty deduction (T-VER-P-TOOL-01-02 == AR-TOOL14 Appendix 2)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeductionResult:
    """u_pct (U = 90 % half-width / |value| * 100), d_fraction, adjusted value and the inputs."""

    u_pct: float
    d_fraction: float
    adjusted: float
    value: float
    half_width_90: float
    deduction: float
    kind: str


def deduction_fraction(u_pct: float) -> float:
    """Deduction d as a fraction of the 90 % half-width (science.md 6.4 table).

    U <= 10 -> 0; 10 < U <= 15 -> 0.25; 15 < U <= 20 -> 0.50; 20 < U <= 30 -> 0.75;
    U > 30 -> 1.0. Values within 1e-9 percentage points of an edge count as on the edge
    (e.g. 9/60*100 evaluates to 15.000000000000002 in floating point and must give 25 %).
    """
    u = float(u_pct)
    if np.isnan(u) or u < 0:
        raise ValueError(f"U % must be a non-negative number (got {u_pct!r})")
    for upper, d in DEDUCTION_TABLE:
        if u <= upper + _EDGE_TOL:
            return d
    return 1.0  # pragma: no cover - inf bound catches everything


def uncertainty_deduction(
    value: float, half_width_90: float, kind: str = "project"
) -> DeductionResult:
    """Conservative adjustment (T-VER-P-TOOL-01-02 == AR-TOOL14 Appendix 2; science.md 6.4).

    U = half_width_90 / |value| * 100; d from :func:`deduction_fraction`;
    project (stock/removal): X - d * half-width; baseline: X + d * half-width.
    Example: 60 +- 9 -> U 15 % -> d 0.25 -> 2.25 -> project 57.75, baseline 62.25.
    A zero value with a positive half-width has U = inf (d = 1).
    """
    kind = str(kind).lower()
    if kind not in ("project", "baseline"):
        raise ValueError(f"kind must be 'project' or 'baseline' (got {kind!r})")
    value = float(value)
    hw = float(half_width_90)
    if not np.isfinite(value) or not np.isfinite(hw) or hw < 0:
        raise ValueError(f"value and a non-negative half-width are required ({value!r}, {hw!r})")
    if value == 0:
        u = 0.0 if hw == 0 else math.inf
    else:
        u = hw / abs(value) * 100.0
    d = deduction_fraction(u)
    ded = d * hw
    adjusted = value - ded if kind == "project" else value + ded
    return DeductionResult(
        u_pct=u,
        d_fraction=d,
        adjusted=adjusted,
        value=value,
        half_width_90=hw,
        deduction=ded,
        kind=kind,
    )


# --------------------------------------------------------------------------------------------
# Change from two independent estimates (AR-TOOL14 6.1, Eq. 11, 22-23)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeResult:
    """Delta = C2 - C1 with its 90 % half-width and relative uncertainty; annual = Delta / T."""

    c1: float
    c2: float
    delta: float
    half_width_90: float
    u90_pct: float
    years: float | None
    annual: float | None
    annual_half_width_90: float | None


def _value_and_hw(est: Any, on: str) -> Tuple[float, float]:
    if isinstance(est, StratifiedResult):
        t = est.totals
        return float(t[on]), float(t["hw90" if on == "mean" else on + "_hw90"])
    if isinstance(est, Mapping):
        if "half_width_90" in est:
            return float(est["value"]), float(est["half_width_90"])
        val = float(est[on] if on in est else est["value"])
        return val, abs(val) * float(est["u90_pct"]) / 100.0
    val, hw = est  # (value, half_width_90)
    return float(val), float(hw)


def independent_change(
    est1: Any, est2: Any, years: float | None = None, on: str = "total"
) -> ChangeResult:
    """Difference of two independent stock estimates (AR-TOOL14 6.1; science.md 6.3).

    Delta C = C_t2 - C_t1; u_Delta = sqrt((u1 C1)^2 + (u2 C2)^2) / |Delta C|, u relative 90 %
    uncertainties, so u_k C_k is the 90 % half-width of C_k. Annual rate Delta C / T (Eq. 11),
    T in (fractional) years. Use the undiscounted previous stock. ``est1``/``est2``: a
    :class:`StratifiedResult` (``on`` = 'total', 'mean' or 'co2e_total'), a mapping with
    value + half_width_90 or value/total + u90_pct, or a (value, half_width_90) tuple.
    """
    c1, h1 = _value_and_hw(est1, on)
    c2, h2 = _value_and_hw(est2, on)
    delta = c2 - c1
    hw = math.sqrt(h1**2 + h2**2)
    u = (hw / abs(delta) * 100.0) if delta != 0 else math.inf
    annual = ahw = None
    if years is not None:
        if not float(years) > 0:
            raise EstimationError(f"years must be > 0 (got {years!r})")
        annual = delta / float(years)
        ahw = hw / float(years)
    return ChangeResult(
        c1=c1,
        c2=c2,
        delta=delta,
        half_width_90=hw,
        u90_pct=u,
        years=None if years is None else float(years),
        annual=annual,
        annual_half_width_90=ahw,
    )


def update_stock(c1: float, u1_pct: float, delta: float, u_delta_pct: float) -> Tuple[float, float]:
    """Update a stock with a change (AR-TOOL14 Eq. 22-23; science.md 6.3).

    C2 = C1 + Delta; u2 = sqrt((u1 C1)^2 + (u_Delta Delta)^2) / C2 (returned in %).
    """
    c2 = float(c1) + float(delta)
    num = math.hypot(u1_pct / 100.0 * c1, u_delta_pct / 100.0 * delta)
    u2 = (num / abs(c2) * 100.0) if c2 != 0 else math.inf
    return c2, u2


# --------------------------------------------------------------------------------------------
# Sample size (BioCarbon Fund Sourcebook; science.md 7.3)
# --------------------------------------------------------------------------------------------


@dataclass
class SampleSizeResult:
    """n_total (sum of the allocation), the unrounded requirement and the allocation table."""

    n_total: int
    n_required: float
    n_sourcebook: float
    t: float
    df: int | None
    allocation: pd.DataFrame
    achieved_precision: float
    notes: List[str] = field(default_factory=list)


def _as_mapping(x: Any, keys: Sequence[str], name: str) -> Dict[str, float] | None:
    if x is None:
        return None
    if isinstance(x, Mapping):
        out = {str(k): float(v) for k, v in x.items()}
        missing = [k for k in keys if k not in out]
        if missing:
            raise ValueError("{} is missing strata: {}".format(name, ", ".join(missing)))
        return {k: out[k] for k in keys}
    return {k: float(x) for k in keys}


def _largest_remainder(raw: np.ndarray, total: int) -> np.ndarray:
    """Integers summing to ``total`` closest to ``raw`` (Hamilton / largest-remainder)."""
    base = np.floor(raw).astype(int)
    short = int(total - base.sum())
    if short > 0:
        rem = raw - base
        # stable tie-break: larger remainder first, then larger raw, then input order
        order = np.lexsort((np.arange(len(raw)), -raw, -rem))
        base[order[:short]] += 1
    return base


def sample_size(
    stratum_area_ha: Mapping[Any, float],
    sd: Union[None, float, Mapping[Any, float]] = None,
    *,
    cv: Union[None, float, Mapping[Any, float]] = None,
    mean: Union[None, float, Mapping[Any, float]] = None,
    plot_area_ha: float,
    precision: float = 0.1,
    confidence: float = 0.95,
    allocation: str = "proportional",
    min_per_stratum: int = 2,
    t_value: float | None = None,
    max_iter: int = 50,
) -> SampleSizeResult:
    """Number of plots for a target precision, and their allocation to strata.

    BioCarbon Fund Sourcebook (science.md 7.3), with N_h = A_h / plot area, N = sum N_h,
    E = mean * precision (mean = area-weighted mean of the stratum means):

        n = (sum N_h s_h)^2 / (N^2 E^2 / t^2 + sum N_h s_h^2)

    This is Cochran's (1977, Eq. 5.26) total for **Neyman** allocation n_h ~ N_h s_h, with
    finite-population correction. For any allocation n_h = a_h n the same derivation gives
    n = sum(W_h^2 s_h^2 / a_h) / (E^2/t^2 + sum W_h s_h^2 / N), W_h = N_h / N, which equals the
    Sourcebook formula for Neyman and is larger for proportional (a_h = W_h) and equal
    (a_h = 1/L) allocation -- using the Neyman total with another allocation would miss the
    precision target. ``n_required`` follows the chosen allocation; ``n_sourcebook`` is always
    the Sourcebook (Neyman) value for reference.

    s_h: ``sd`` (same units as the mean) or ``cv`` (fraction, e.g. 0.4) * mean_h. ``mean`` may be
    per stratum or one number. t: ``t_value`` if given (Sourcebook: t ~ 2 at 95 %); otherwise
    iterated: start from the normal quantile, then t(confidence, df = n - L) with L strata (the
    AR-TOOL14 df) until n repeats (max ``max_iter``; if it oscillates the larger n is kept).

    Rounding: n_total = ceil(n_required); allocation by largest remainder so it sums to n_total;
    then each stratum is raised to ``min_per_stratum`` (and capped at floor(N_h) plots that
    fit) and n_total is re-reported as the sum. ``achieved_precision`` is the relative 95 %
    (``confidence``) half-width expected with the final allocation.
    """
    if allocation not in ("proportional", "neyman", "equal"):
        raise ValueError(f"allocation must be proportional, neyman or equal (got {allocation!r})")
    if not plot_area_ha > 0:
        raise ValueError("plot_area_ha must be > 0")
    if not 0 < precision < 1:
        raise ValueError(f"precision is a fraction of the mean, e.g. 0.1 (got {precision!r})")
    if not 0 < confidence < 1:
        raise ValueError("confidence must be in (0, 1)")
    notes: List[str] = []
    areas = {str(k): float(v) for k, v in stratum_area_ha.items()}
    bad = [k for k, v in areas.items() if not np.isfinite(v) or v < 0]
    if bad:
        raise ValueError("invalid stratum area for {}".format(", ".join(bad)))
    zero = [k for k, v in areas.items() if v == 0]
    if zero:
        notes.append(Message("strata with zero area left out: {strata}", strata=", ".join(zero)))
    keys = sorted(k for k in areas if areas[k] > 0)  # deterministic, independent of input order
    if not keys:
        raise ValueError("no stratum with a positive area")

    means = _as_mapping(mean, keys, "mean")
    if sd is not None:
        sds = _as_mapping(sd, keys, "sd")
    elif cv is not None:
        if means is None:
            raise ValueError("cv needs the mean(s)")
        cvs = _as_mapping(cv, keys, "cv")
        sds = {k: cvs[k] * means[k] for k in keys}  # type: ignore[index]
    else:
        raise ValueError("give sd (with mean) or cv (with mean)")
    if means is None:
        raise ValueError("the mean is needed for E = mean * precision")
    assert sds is not None
    if any(v < 0 or not np.isfinite(v) for v in sds.values()):
        raise ValueError("standard deviations must be finite and >= 0")

    a = np.array([areas[k] for k in keys])
    N_h = a / float(plot_area_ha)
    N = float(N_h.sum())
    W = N_h / N
    s = np.array([sds[k] for k in keys])
    m = np.array([means[k] for k in keys])
    overall_mean = float((W * m).sum())
    if overall_mean <= 0:
        raise ValueError("the (area-weighted) mean must be > 0")
    E = overall_mean * precision
    L = len(keys)

    if allocation == "neyman":
        tot = float((N_h * s).sum())
        share = (N_h * s / tot) if tot > 0 else W.copy()
    elif allocation == "proportional":
        share = W.copy()
    else:
        share = np.full(L, 1.0 / L)

    def n_for(t: float) -> Tuple[float, float]:
        v = (E / t) ** 2
        sourcebook = float((N_h * s).sum() ** 2 / (N**2 * v + (N_h * s**2).sum()))
        pos = share > 0
        num = float((W[pos] ** 2 * s[pos] ** 2 / share[pos]).sum())
        req = num / (v + float((W * s**2).sum()) / N)
        return req, sourcebook

    if t_value is not None:
        t = float(t_value)
        n_req, n_sb = n_for(t)
        dof: int | None = None
        notes.append(Message("t fixed at {t:.4g}", t=t))
    else:
        from scipy import stats

        t = float(stats.norm.ppf(0.5 + confidence / 2.0))
        n_req, n_sb = n_for(t)
        seen: List[int] = []
        history: List[Tuple[float, float, float, int]] = []
        dof = None
        for _ in range(max_iter):
            n_int = max(int(math.ceil(n_req - 1e-9)), L + 1)
            if n_int in seen:
                if seen[-1] != n_int:  # oscillation: keep the step with the larger n
                    n_req, n_sb, t, dof = max(history[-2:], key=lambda h: h[0])
                    notes.append(Message("t iteration oscillated; the larger n was kept"))
                break
            seen.append(n_int)
            dof = max(n_int - L, 1)
            t = float(stats.t.ppf(0.5 + confidence / 2.0, dof))
            n_req, n_sb = n_for(t)
            history.append((n_req, n_sb, t, dof))
        notes.append(
            Message(
                "t iterated with df = n - {L} strata: t = {t:.4f} (df {dof})", L=L, t=t, dof=dof
            )
        )

    n_total_formula = int(math.ceil(n_req - 1e-9))
    n_alloc = _largest_remainder(n_total_formula * share, n_total_formula)
    cap = np.floor(N_h + 1e-9).astype(int)
    raised = n_alloc < min_per_stratum
    n_final = np.maximum(n_alloc, min_per_stratum)
    if raised.any():
        notes.append(
            Message(
                "raised to min_per_stratum={m}: {strata}",
                m=min_per_stratum,
                strata=", ".join(k for k, r in zip(keys, raised) if r),
            )
        )
    over = n_final > cap
    if over.any():
        notes.append(
            Message(
                "capped at the number of plots that fit (floor N_h): {strata}",
                strata=", ".join(k for k, o in zip(keys, over) if o),
            )
        )
        n_final = np.minimum(n_final, cap)
    n_total = int(n_final.sum())
    if n_total != n_total_formula:
        notes.append(
            Message(
                "n_total re-reported after rounding constraints: {n} (formula {formula})",
                n=n_total,
                formula=n_total_formula,
            )
        )

    with np.errstate(divide="ignore", invalid="ignore"):
        var_terms = np.where(n_final > 0, W**2 * s**2 / np.maximum(n_final, 1), np.inf)
    var_terms = np.where((s == 0), 0.0, var_terms)
    v_ach = float(var_terms.sum() - (W * s**2).sum() / N)
    achieved = t * math.sqrt(max(v_ach, 0.0)) / overall_mean

    table = pd.DataFrame(
        {
            "stratum": keys,
            "area_ha": a,
            "N_h": N_h,
            "weight": W,
            "mean": m,
            "sd": s,
            "share": share,
            "n_raw": n_req * share,
            "n": n_final.astype(int),
        }
    )
    return SampleSizeResult(
        n_total=n_total,
        n_required=n_req,
        n_sourcebook=n_sb,
        t=t,
        df=dof,
        allocation=table,
        achieved_precision=achieved,
        notes=notes,
    )
