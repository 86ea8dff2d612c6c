"""Monte Carlo uncertainty: measurement and model error, trees -> plots -> strata -> municipality.

Pure numpy (pandas only to prepare the inputs and to build the result tables). The engine takes
the tree table of :func:`carbon_pool_plugin.core.biomass.compute_tree_biomass` (or the
``carbonpool:treebiomass`` output), the equation library, the plots and the stratum areas, and
re-computes every tree ``iterations`` times with perturbed inputs.

Error sources (each can be switched on alone; ids are part of the random-stream definition)
-----------------------------------------------------------------------------------------------

====================  ==  =====================================================================
source                id  draw per iteration
====================  ==  =====================================================================
``dbh``                1  D* = D + sd_D z per tree, truncated to (0.1, 500) cm [P BIOMASS
                          ``AGBmonteCarlo``]. sd_D: ``chave2004`` = 0.0062 D + 0.0904 (Chave et
                          al. 2004; BIOMASS); ``chave2004_large`` adds BIOMASS's large errors
                          (sd 4.64 cm) on 5 % of the trees -- here a Bernoulli(0.05) draw per
                          tree and iteration instead of exactly round(5 %) trees; ``relative``
                          sd = value x D; ``absolute`` sd = value cm. Modelled heights follow
                          D*: H = H0 x f(D*)/f(D0) (log-scale models) or H0 + f(D*) - f(D0)
                          (H-scale models), f the tree's H-D model (BIOMASS re-predicts H from
                          the simulated D as well).
``height``             2  modelled heights: residual error of the H-D model, on the log scale
                          for Chave 2014 Eq. 6a (RSE 0.243) and local log-log fits,
                          H* = H exp(RSE z - RSE^2/2); on the H scale for Feldpausch 2012
                          (RSE 5.691 m SE Asia) and local Michaelis-Menten/Weibull fits,
                          H* = H + RSE z. Measured heights (option ``model_measured``):
                          H* = H (1 + rel z). Truncated to (1.3 m, max H + 15 m) as BIOMASS
                          for measured heights, (1.3 m, 100 m) for modelled ones.
``wood_density``       3  WD* = WD + sd_WD z, truncated to (0.08, 1.39) g cm-3 (the GWDD minimum
                          and maximum used by BIOMASS). sd_WD = the table's per-tree sd, else
                          the level sd (species 0.0708, genus 0.0941, family 0.1234; BIOMASS
                          ``sd_10``); ``user`` values are treated as exact; stand/dataset
                          levels without an sd get 0.176 (GWDD v1 sd over all records).
``model``              4  allometric residual error where the equation has an ``rse`` (natural-
                          log scale), or ``model_rse`` for equations without one: AGB* = AGB
                          exp(RSE z - RSE^2/2), one z per tree. Mean-preserving (the equation
                          already predicts the mean); BIOMASS adds N(0, RSE) on the log scale
                          without the -RSE^2/2 term, which raises its mean by exp(RSE^2/2).
``carbon_fraction``    5  CF* = CF + sd_CF z, **one z per iteration shared by all trees**: the
                          carbon fraction is a parameter, its error does not average out over
                          trees. (BIOMASS draws CF ~ N(47.13 %, 2.06 %) per tree, Thomas &
                          Martin 2012; a per-tree draw would make the error vanish in a sum.)
``root_shoot``         6  R* = max(0, R + sd_R z), one z per iteration shared by all trees
                          (parameter error, e.g. the IPCC 2019 Table 4.4 SD). Only trees whose
                          BGB comes from R; an equation's own BGB component is re-evaluated.
``sampling``           7  ``bootstrap``: plots resampled with replacement within each stratum;
                          ``analytic``: the AR-TOOL14 design-based variance is added (below).
====================  ==  =====================================================================

Random streams (determinism)
----------------------------
Every (source, iteration) pair has its own generator::

    Generator(PCG64(SeedSequence(seed, spawn_key=(source_id, iteration))))

i.e. child ``iteration`` of child ``source_id`` of ``SeedSequence(seed)``. Nothing depends on
the chunk an iteration falls into, on the number of threads, or on which other sources are on,
so the same seed gives bit-identical results for any chunk size, and a one-source run uses
exactly the draws of the combined run. Within a stream the draws are, in order: one standard
normal per tree the source affects (engine tree order: by equation id, then plot, then input
row; ``dbh``: trees whose equation uses D; ``height``: trees whose equation uses H and whose
height has a non-zero error; ``wood_density``: trees whose equation uses WD; ``model``: trees
whose equation has an RSE), then (``dbh`` with large errors) one uniform per such tree, then
any re-draws for values outside the truncation bounds (up to 100 times, then clipped).
``carbon_fraction``/``root_shoot``: one standard normal. ``sampling``: ``bootstrap`` one
uniform per used plot (plots ordered by final stratum); ``analytic`` one standard normal per
final stratum.

From trees to the municipality
------------------------------
Per iteration: tree carbon = (AGB* + BGB*) x CF* (capped at ``carbon_cap_kg`` if given), plot
density b_p = 44/12 x sum(carbon) / 1000 / A_eff [t CO2e ha-1] (as
:func:`.estimation.plot_carbon`); stratum means b_i and the total T = A sum_i w_i b_i exactly as
:func:`.sampling_stats.stratified_estimate` (AR-TOOL14 Eq. 12-14), including its merging /
pooling of strata with fewer than 2 plots (the structure is taken from the point estimate).
Factors that the tree table already carries (open-grown 0.8, sapling exclusion) are kept as the
ratio of the table's AGB to the re-evaluated nominal AGB, so the sapling / tree classification
stays the one made at the measured DBH. Trees that cannot be re-evaluated (equation unknown to
the library, missing predictor) keep their AGB; only model, CF and R errors reach them.
Without any error source the engine reproduces the point estimate (tested).

Combining with sampling error
-----------------------------
* ``analytic``: Var(T) = Var_MC(T) + Var_samp(T), Var_samp = A^2 SE(b)^2 from
  :func:`.sampling_stats.stratified_estimate` on the point plot values (law of total variance,
  with the sampling variance conditional on the measurements approximated by its value at the
  point estimate; conservative because the plot-to-plot spread already contains some
  measurement noise). sd = sqrt of that sum; mean = the MC mean; median and 2.5/97.5 %
  quantiles come from T_k + sqrt(Var_samp) z_k (z_k normal, one per iteration). Strata the same
  with their own A_i^2 s_i^2 / n_i; the total's z_k is the standardized sum of the strata z's
  (so strata and total are consistent). Plots carry no sampling error (they were measured).
* ``bootstrap``: in every iteration the perturbed plot values are resampled within strata and
  the estimator recomputed; the spread of T_k is the combined error. The plain bootstrap
  variance of a stratum mean is (n_i - 1)/n_i of s_i^2/n_i (slightly optimistic for small n_i).
* ``none``: measurement/model error only.

Error budget
------------
Each enabled source is also run alone (same draws); share_i = Var_i / sum_j Var_j. This is a
first-order (no-interaction) decomposition: sum_j Var_j need not equal the combined variance,
whose ratio is reported as ``interaction_ratio``.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Sequence, Tuple

import numpy as np
import pandas as pd

from . import height as hmod
from .equations import EquationLibrary
from .estimation import _norm_key, plot_carbon
from .messages import Message
from .sampling_stats import POOLED_LABEL, EstimationError, stratified_estimate
from .units import C_TO_CO2, KG_PER_T
from .wood_density import DATASET_FALLBACK_SD, LEVEL_SD

__all__ = [
    "DBH_ERRORS",
    "HEIGHT_ERRORS",
    "SAMPLING_MODES",
    "SOURCES",
    "SOURCE_IDS",
    "MonteCarloCanceled",
    "MonteCarloError",
    "MonteCarloOptions",
    "MonteCarloResult",
    "rng_for",
    "run_monte_carlo",
]

#: Stable stream ids of the error sources (never renumber: they define the random streams).
SOURCE_IDS: Dict[str, int] = {
    "dbh": 1,
    "height": 2,
    "wood_density": 3,
    "model": 4,
    "carbon_fraction": 5,
    "root_shoot": 6,
    "sampling": 7,
}
SOURCES: Tuple[str, ...] = tuple(SOURCE_IDS)
DBH_ERRORS: Tuple[str, ...] = ("none", "chave2004", "chave2004_large", "relative", "absolute")
HEIGHT_ERRORS: Tuple[str, ...] = ("none", "model", "model_measured")
SAMPLING_MODES: Tuple[str, ...] = ("analytic", "bootstrap", "none")

#: Chave et al. 2004 DBH measurement error, sd = a D + b (D cm) [P BIOMASS AGBmonteCarlo].
CHAVE2004_SD = (0.0062, 0.0904)
#: BIOMASS's "large" DBH errors: sd 4.64 cm on 5 % of the trees [P BIOMASS AGBmonteCarlo].
CHAVE2004_LARGE = (0.05, 4.64)
#: Truncation bounds [P BIOMASS AGBmonteCarlo]: D (cm), WD (g cm-3), H lower (m) / upper margin.
D_BOUNDS = (0.1, 500.0)
WD_BOUNDS = (0.08, 1.39)
H_LOWER = 1.3
H_UPPER_MARGIN = 15.0
_MAX_REDRAWS = 100
_BYTES_PER_CELL = 8 * 18  # float64 x (draws + temporaries) per tree and iteration, upper bound
_CO2E_T_PER_KG_C = C_TO_CO2 / KG_PER_T


class MonteCarloError(ValueError):
    """Invalid input or options for the Monte Carlo engine."""


class MonteCarloCanceled(RuntimeError):
    """Raised when ``is_canceled()`` returned True between chunks."""


def rng_for(seed: int, source: str, iteration: int) -> np.random.Generator:
    """The generator of one (source, iteration) stream (see the module docstring)."""
    ss = np.random.SeedSequence(int(seed), spawn_key=(SOURCE_IDS[source], int(iteration)))
    return np.random.Generator(np.random.PCG64(ss))


@dataclass
class MonteCarloOptions:
    """Options of :func:`run_monte_carlo` (see the module docstring for the error models).

    ``dbh_error_value``: fraction for ``relative`` (0.05 = 5 %), cm for ``absolute``.
    ``height_rel_sd``: fraction, measured heights (``height_error="model_measured"``).
    ``model_rse``: log-scale RSE for equations without their own ``rse`` (None: no error).
    ``cf_sd``: absolute sd of the carbon fraction (0 = off; BIOMASS uses 0.0206 around 0.4713).
    ``rs_sd``: absolute sd of R for every tree; None = the per-tree ``rs_sd`` column (from the
    method pack), missing = 0. ``chunk_size``: iterations per chunk (None = automatic so that a
    chunk's arrays stay below ``max_chunk_bytes`` summed over the threads). ``threads``: worker
    threads (None = min(2, CPUs)); results do not depend on it.
    """

    iterations: int = 1000
    seed: int = 42
    dbh_error: str = "none"
    dbh_error_value: float = 0.0
    height_error: str = "none"
    height_rel_sd: float = 0.0
    wd_error: bool = False
    model_error: bool = False
    model_rse: float | None = None
    cf_sd: float = 0.0
    rs_sd: float | None = None
    sampling: str = "analytic"
    small_strata: str = "merge"
    merge_map: Mapping[Any, Any] | None = None
    e_value: float | None = None
    carbon_cap_kg: float | None = None
    default_cf: float | None = None
    budget: bool = True
    chunk_size: int | None = None
    max_chunk_bytes: float = 200e6
    threads: int | None = None

    def validate(self) -> None:
        if int(self.iterations) < 2:
            raise MonteCarloError("iterations must be >= 2")
        if int(self.seed) < 0:
            raise MonteCarloError("seed must be a non-negative integer")
        if self.dbh_error not in DBH_ERRORS:
            raise MonteCarloError(f"dbh_error must be one of {DBH_ERRORS}, not {self.dbh_error!r}")
        if self.height_error not in HEIGHT_ERRORS:
            raise MonteCarloError(
                f"height_error must be one of {HEIGHT_ERRORS}, not {self.height_error!r}"
            )
        if self.sampling not in SAMPLING_MODES:
            raise MonteCarloError(
                f"sampling must be one of {SAMPLING_MODES}, not {self.sampling!r}"
            )
        for name in ("dbh_error_value", "height_rel_sd", "cf_sd"):
            v = float(getattr(self, name))
            if not (np.isfinite(v) and v >= 0):
                raise MonteCarloError(f"{name} must be a finite number >= 0")
        for name in ("model_rse", "rs_sd"):
            v = getattr(self, name)
            if v is not None and not (np.isfinite(float(v)) and float(v) >= 0):
                raise MonteCarloError(f"{name} must be a finite number >= 0")
        if self.dbh_error in ("relative", "absolute") and not self.dbh_error_value > 0:
            raise MonteCarloError(f"dbh_error {self.dbh_error!r} needs dbh_error_value > 0")
        if self.chunk_size is not None and int(self.chunk_size) < 1:
            raise MonteCarloError("chunk_size must be >= 1")

    def active_sources(self) -> List[str]:
        """Sources switched on (``sampling`` included unless ``none``)."""
        out = []
        if self.dbh_error != "none":
            out.append("dbh")
        if self.height_error != "none":
            out.append("height")
        if self.wd_error:
            out.append("wood_density")
        if self.model_error:
            out.append("model")
        if self.cf_sd > 0:
            out.append("carbon_fraction")
        if self.rs_sd is None or self.rs_sd > 0:
            out.append("root_shoot")  # dropped later if no tree has an R sd
        if self.sampling != "none":
            out.append("sampling")
        return out


@dataclass
class MonteCarloResult:
    """Output of :func:`run_monte_carlo`.

    ``summary``: one row per plot (t CO2e ha-1), stratum (t CO2e ha-1 as ``stratum_per_ha`` and
    t CO2e as ``stratum``) and the total (``total_per_ha``, ``total``), with point, mean,
    median, sd, q025, q975, unit, seed, iterations. ``budget``: source, variance (t CO2e^2 of
    the total), sd, share_pct, plus a ``combined`` row. ``samples``: per-iteration arrays
    (``plot`` N x P t CO2e/ha without sampling error; ``stratum`` N x M and ``total`` N, the
    combined draws; ``total_mc`` N measurement/model only; ``budget`` N x S one-source totals).
    """

    summary: pd.DataFrame
    budget: pd.DataFrame
    totals: Dict[str, Any]
    samples: Dict[str, np.ndarray]
    plot_ids: List[Any]
    strata: List[str]
    seed: int
    iterations: int
    chunk_size: int
    options: MonteCarloOptions
    notes: List[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------
# preparation
# ------------------------------------------------------------------------------------------------


@dataclass
class _HModel:
    label: str
    scale: str  # "log" or "linear"
    rse: float
    predict: Callable[[np.ndarray], np.ndarray] | None


@dataclass
class _Group:
    start: int
    stop: int
    eq: Any  # Equation or None (fixed trees)
    uses: Dict[str, bool]
    has_bgb: bool
    rse: float
    seg_starts: np.ndarray  # reduceat starts relative to the group slice
    seg_plots: np.ndarray  # plot index of each segment
    h_models: List[Tuple[int, np.ndarray]]  # (model index, column indices within the group)
    const: bool = False  # cf, R and sd_R are the same for every tree of the group


@dataclass
class _Prep:
    n: int
    dbh: np.ndarray
    height: np.ndarray
    wd: np.ndarray
    wd_sd: np.ndarray
    hs: np.ndarray
    h_lin_sd: np.ndarray  # H-scale sd per tree (0 where none)
    h_log_sd: np.ndarray  # log-scale sd per tree
    h_lo: np.ndarray
    h_hi: np.ndarray
    d_lo: np.ndarray
    d_hi: np.ndarray
    wd_lo: np.ndarray
    wd_hi: np.ndarray
    adj_agb: np.ndarray
    adj_bgb: np.ndarray
    agb0: np.ndarray
    bgb0: np.ndarray  # equation BGB (nominal, adjusted) where the equation has one, else NaN
    rs: np.ndarray
    rs_sd: np.ndarray
    cf: np.ndarray
    groups: List[_Group]
    h_models: List[_HModel]
    n_plots: int
    plot_factor: np.ndarray  # t CO2e ha-1 per kg C, per plot
    notes: List[str]
    draw_cols: Dict[str, np.ndarray | None] = field(default_factory=dict)  # None = all trees


_H_ALIASES = {
    "feldpausch": ("SEAsia",),
    "feldpausch_seasia": ("SEAsia",),
    "feldpausch_pantropical": ("Pantropical",),
}


def _height_models(
    labels: Sequence[str],
    dbh: np.ndarray,
    height: np.ndarray,
    source: np.ndarray,
    e_value: float | None,
    notes: List[str],
) -> Dict[str, _HModel]:
    """H-D model (prediction + residual error) for every modelled-height label in the table."""
    out: Dict[str, _HModel] = {}
    measured = source == "measured"
    for label in labels:
        if label in ("measured", "none", ""):
            continue
        if label in _H_ALIASES:
            region = _H_ALIASES[label][0]
            rse = hmod.FELDPAUSCH_COEFS[region][3]
            out[label] = _HModel(label, "linear", rse, lambda d, r=region: hmod.feldpausch(d, r))
        elif label == "chave_e6a":
            rse = hmod.CHAVE_E6A["rse"]
            pred = None
            if e_value is not None:
                pred = lambda d, e=float(e_value): hmod.chave_e6a(d, e)  # noqa: E731
            else:
                notes.append(
                    Message("Chave Eq. 6a heights: no E given, heights do not follow DBH error")
                )
            out[label] = _HModel(label, "log", rse, pred)
        elif label.startswith("local_") and label[6:] in hmod.LOCAL_MODELS:
            name = label[6:]
            try:
                model = hmod.fit_hd_models(dbh[measured], height[measured], models=(name,))[0]
            except hmod.HeightModelError as exc:
                notes.append(
                    Message(
                        "{label}: could not refit the H-D model ({error}); no height error",
                        label=label,
                        error=exc,
                    )
                )
                out[label] = _HModel(label, "linear", 0.0, None)
                continue
            if name == "loglog":
                out[label] = _HModel(label, "log", float(model.extra["rse_log"]), model.predict)
            else:
                out[label] = _HModel(label, "linear", float(model.rse), model.predict)
            notes.append(
                Message(
                    "{label}: refitted on {n} measured trees, RSE {rse:.4g} ({scale} scale)",
                    label=label,
                    n=int(measured.sum()),
                    rse=out[label].rse,
                    scale=out[label].scale,
                )
            )
        else:
            notes.append(
                Message(
                    "height source “{label}” unknown: no height error for those trees", label=label
                )
            )
            out[label] = _HModel(label, "linear", 0.0, None)
    return out


def _num(df: pd.DataFrame, col: str, default: float = np.nan) -> np.ndarray:
    if col not in df.columns:
        return np.full(len(df), default, dtype=float)
    return pd.to_numeric(df[col], errors="coerce").to_numpy(dtype=float)


def _evaluate(eq: Any, env: Mapping[str, Any]) -> Tuple[np.ndarray, np.ndarray | None]:
    """AGB and equation BGB with the library's compiled components (no validity checks).

    Same arithmetic as :meth:`EquationLibrary.evaluate` for valid (positive, finite) inputs:
    components in file order, AGB = ``agb`` or stem + branch + leaf.
    """
    out: Dict[str, np.ndarray] = {}
    for comp in eq.components:
        local = dict(env)
        local.update(comp.coefficients)
        local.update(out)
        out[comp.name] = comp.compiled.evaluate(local)
    if "agb" in out:
        agb = out["agb"]
    else:
        agb = 0.0
        for c in ("stem", "branch", "leaf"):
            if c in out:
                agb = agb + out[c]
    return np.asarray(agb, dtype=float), out.get("bgb")


def _prepare(
    trees: pd.DataFrame,
    plot_keys: pd.Series,
    plot_index: Dict[str, int],
    plot_eff_ha: np.ndarray,
    library: EquationLibrary,
    opts: MonteCarloOptions,
) -> _Prep:
    notes: List[str] = []
    keys = plot_keys.to_numpy(dtype=object)
    pidx = np.array([plot_index.get(k, -1) for k in keys], dtype=np.int64)
    agb_kg = _num(trees, "agb_kg")
    bgb_kg = _num(trees, "bgb_kg")
    carbon_kg = _num(trees, "carbon_kg")
    usable = (pidx >= 0) & np.isfinite(agb_kg) & np.isfinite(bgb_kg) & np.isfinite(carbon_kg)
    n_drop = int((~usable).sum())
    if n_drop:
        notes.append(
            Message(
                "{n} tree(s) without carbon or without a known plot left out (as plot_carbon)",
                n=n_drop,
            )
        )
    eq_col = (
        trees["equation_id"].astype(object).where(trees["equation_id"].notna(), None).to_numpy()
        if "equation_id" in trees.columns
        else np.full(len(trees), None, dtype=object)
    )
    eq_ids = sorted({str(e) for e in eq_col[usable] if e is not None})
    group_of_eq = {e: i for i, e in enumerate(eq_ids)}
    gidx = np.array(
        [group_of_eq.get(str(e), len(eq_ids)) if e is not None else len(eq_ids) for e in eq_col],
        dtype=np.int64,
    )
    rows = np.flatnonzero(usable)
    order = rows[np.lexsort((rows, pidx[rows], gidx[rows]))]
    n = int(order.size)

    dbh = _num(trees, "dbh_cm")[order]
    height = _num(trees, "height_m")[order]
    wd = _num(trees, "wd")[order]
    wd_sd = _num(trees, "wd_sd")[order]
    hs = _num(trees, "stem_height_m")[order]
    agb_t, bgb_t, c_t = agb_kg[order], bgb_kg[order], carbon_kg[order]
    tp = pidx[order]
    tg = gidx[order]

    # -- wood-density sd ------------------------------------------------------------------------
    level = (
        trees["wd_level"].astype(object).where(trees["wd_level"].notna(), "none").to_numpy()[order]
        if "wd_level" in trees.columns
        else np.full(n, "none", dtype=object)
    )
    fill = np.array(
        [LEVEL_SD.get(str(lv), 0.0 if str(lv) == "user" else DATASET_FALLBACK_SD) for lv in level]
    )
    wd_sd = np.where(np.isfinite(wd_sd) & (wd_sd >= 0), wd_sd, fill)

    # -- carbon fraction and root:shoot -------------------------------------------------------
    biomass_t = agb_t + bgb_t
    if "cf" in trees.columns:
        cf = _num(trees, "cf")[order]
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            cf = np.where(biomass_t > 0, c_t / biomass_t, np.nan)
        if "flags" in trees.columns:
            capped = trees["flags"].astype(str).str.contains("C_CAPPED").to_numpy()[order]
            cf = np.where(capped, np.nan, cf)
    if np.isnan(cf).any():
        ok = cf[np.isfinite(cf)]
        fallback = (
            opts.default_cf
            if opts.default_cf is not None
            else (float(np.median(ok)) if ok.size else 0.47)
        )
        cf = np.where(np.isfinite(cf), cf, fallback)
    if "root_shoot" in trees.columns:
        rs = _num(trees, "root_shoot")[order]
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            rs = np.where(agb_t > 0, bgb_t / agb_t, 0.0)
    if opts.rs_sd is not None:
        rs_sd = np.full(n, float(opts.rs_sd))
    else:
        rs_sd = _num(trees, "rs_sd")[order]
        rs_sd = np.where(np.isfinite(rs_sd) & (rs_sd >= 0), rs_sd, 0.0)

    # -- heights ------------------------------------------------------------------------------
    src = (
        trees["height_source"]
        .astype(object)
        .where(trees["height_source"].notna(), "none")
        .astype(str)
        .str.replace(hmod.INVALID_SUFFIX, "", regex=False)
        .to_numpy()[order]
        if "height_source" in trees.columns
        else np.where(np.isfinite(height), "measured", "none").astype(object)
    )
    labels = sorted({str(s) for s in src})
    hm = _height_models(labels, dbh, height, src, opts.e_value, notes)
    h_list = list(hm.values())
    h_index = {m.label: i for i, m in enumerate(h_list)}
    tree_hm = np.array([h_index.get(str(s), -1) for s in src], dtype=np.int64)
    h_lin_sd = np.zeros(n)
    h_log_sd = np.zeros(n)
    if opts.height_error != "none":
        for i, m in enumerate(h_list):
            sel = tree_hm == i
            if m.scale == "log":
                h_log_sd[sel] = m.rse
            else:
                h_lin_sd[sel] = m.rse
        if opts.height_error == "model_measured":
            meas = src == "measured"
            h_lin_sd[meas] = float(opts.height_rel_sd) * height[meas]
    finite_h = height[np.isfinite(height)]
    h_upper = (float(finite_h.max()) if finite_h.size else 50.0) + H_UPPER_MARGIN
    # measured heights: (1.3, max H + 15) as BIOMASS for given heights; modelled heights: the
    # 100 m sanity limit of height.py (BIOMASS does not truncate H-D model draws)
    h_upper_t = np.where(src == "measured", h_upper, max(h_upper, hmod.H_MAX_VALID))
    with np.errstate(invalid="ignore"):
        h_lo = np.fmin(H_LOWER, height)
        h_hi = np.fmax(h_upper_t, height)
        d_lo = np.fmin(D_BOUNDS[0], dbh)
        d_hi = np.fmax(D_BOUNDS[1], dbh)
        wd_lo = np.fmin(WD_BOUNDS[0], wd)
        wd_hi = np.fmax(WD_BOUNDS[1], wd)

    # -- groups, nominal evaluation, adjustment factors ---------------------------------------
    adj_agb = np.ones(n)
    adj_bgb = np.ones(n)
    agb0 = agb_t.copy()
    bgb0 = np.full(n, np.nan)
    groups: List[_Group] = []
    n_fixed = 0
    bounds = np.flatnonzero(np.diff(tg)) + 1
    starts = np.concatenate(([0], bounds)) if n else np.array([], dtype=np.int64)
    stops = np.concatenate((bounds, [n])) if n else np.array([], dtype=np.int64)
    for s0, s1 in zip(starts.tolist(), stops.tolist()):
        g = int(tg[s0])
        eid = eq_ids[g] if g < len(eq_ids) else None
        eq = library.get(eid) if (eid is not None and eid in library) else None
        sl = slice(s0, s1)
        uses = {p: False for p in ("D", "H", "WD")}
        has_bgb = False
        rse = 0.0
        if eq is not None and eq.status == "disabled":
            eq = None
        if eq is not None:
            env = {"D": dbh[sl], "H": height[sl], "WD": wd[sl], "Hs": hs[sl]}
            if opts.e_value is not None:
                env["E"] = float(opts.e_value)
            needed = [p for p in eq.predictors]
            if any(p not in env for p in needed) or any(
                not np.all(np.isfinite(env[p])) for p in needed if p != "E"
            ):
                eq = None
        if eq is not None:
            with np.errstate(all="ignore"):
                agb_nom, bgb_nom = _evaluate(eq, env)
            agb_nom = np.broadcast_to(agb_nom, (s1 - s0,)).astype(float)
            ok = np.isfinite(agb_nom) & (agb_nom > 0)
            with np.errstate(divide="ignore", invalid="ignore"):
                adj = np.where(ok, agb_t[sl] / agb_nom, 0.0)
            bad = ~ok & (agb_t[sl] != 0)
            if bad.any():  # cannot reproduce the table: hold those trees fixed
                eq = None
            else:
                adj_agb[sl] = adj
                agb0[sl] = agb_nom * adj
                uses = {p: eq.uses(p) for p in ("D", "H", "WD")}
                if bgb_nom is not None and "bgb" in eq.component_names:
                    bgb_nom = np.broadcast_to(bgb_nom, (s1 - s0,)).astype(float)
                    with np.errstate(divide="ignore", invalid="ignore"):
                        adj_bgb[sl] = np.where(bgb_nom > 0, bgb_t[sl] / bgb_nom, 0.0)
                    bgb0[sl] = bgb_nom * adj_bgb[sl]
                    rs[sl] = 0.0
                    rs_sd[sl] = 0.0
                    has_bgb = True
                if eq.rse is not None:
                    rse = float(eq.rse)
                elif opts.model_rse is not None:
                    rse = float(opts.model_rse)
        if eq is None:
            n_fixed += s1 - s0
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(agb_t[sl] > 0, bgb_t[sl] / agb_t[sl], 0.0)
            from_r = np.isfinite(rs[sl])
            rs[sl] = np.where(from_r, rs[sl], ratio)
            rs_sd[sl] = np.where(from_r, rs_sd[sl], 0.0)
        rs[sl] = np.where(np.isfinite(rs[sl]), rs[sl], 0.0)
        p = tp[sl]
        seg = np.concatenate(([0], np.flatnonzero(np.diff(p)) + 1)).astype(np.intp)
        hmods: List[Tuple[int, np.ndarray]] = []
        if uses["H"]:
            for i, m in enumerate(h_list):
                cols = np.flatnonzero(tree_hm[sl] == i)
                if cols.size and m.predict is not None:
                    hmods.append((i, cols))
        const = all(np.all(a[sl] == a[s0]) for a in (cf, rs, rs_sd))
        groups.append(_Group(s0, s1, eq, uses, has_bgb, rse, seg, p[seg], hmods, const))
    if n_fixed:
        notes.append(
            Message(
                "{n} tree(s) could not be re-evaluated (unknown/disabled equation or missing "
                "predictor): their AGB is held fixed; only model/CF/R errors apply",
                n=n_fixed,
            )
        )
    # trees each per-tree source draws for (stream order = engine tree order)
    affected = {k: np.zeros(n, dtype=bool) for k in ("dbh", "height", "wood_density", "model")}
    for g in groups:
        sl = slice(g.start, g.stop)
        if g.eq is not None:
            affected["dbh"][sl] = g.uses["D"]
            affected["wood_density"][sl] = g.uses["WD"] and bool(np.any(wd_sd[sl] > 0))
            if g.uses["H"]:
                affected["height"][sl] = (h_lin_sd[sl] > 0) | (h_log_sd[sl] > 0)
        affected["model"][sl] = g.rse > 0
    draw_cols = {k: (None if m.all() else np.flatnonzero(m)) for k, m in affected.items()}
    return _Prep(
        n=n,
        dbh=dbh,
        height=height,
        wd=wd,
        wd_sd=wd_sd,
        hs=hs,
        h_lin_sd=h_lin_sd,
        h_log_sd=h_log_sd,
        h_lo=h_lo,
        h_hi=h_hi,
        d_lo=d_lo,
        d_hi=d_hi,
        wd_lo=wd_lo,
        wd_hi=wd_hi,
        adj_agb=adj_agb,
        adj_bgb=adj_bgb,
        agb0=agb0,
        bgb0=bgb0,
        rs=rs,
        rs_sd=rs_sd,
        cf=cf,
        groups=groups,
        h_models=h_list,
        n_plots=len(plot_eff_ha),
        plot_factor=_CO2E_T_PER_KG_C / plot_eff_ha,
        notes=notes,
        draw_cols=draw_cols,
    )


# ------------------------------------------------------------------------------------------------
# simulation of one chunk
# ------------------------------------------------------------------------------------------------


def _redraw(
    values: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    gens: Sequence[np.random.Generator],
    value_of: Callable[[np.ndarray, int, np.ndarray], np.ndarray],
) -> None:
    """Re-draw (in place) the entries of ``values`` (rows = iterations) outside (lo, hi).

    ``value_of(z, row, cols)`` maps fresh standard normals to values. Each row uses its own
    generator, so the result of a row does not depend on the other rows.
    """
    if values.size == 0:
        return
    with np.errstate(invalid="ignore"):
        # fast path: two reductions prove that nothing is out of bounds (NaN fails it)
        if values.min() > np.max(lo) and values.max() < np.min(hi):
            return
        bad = ~((values > lo) & (values < hi))
    if not bad.any():
        return
    for r in np.flatnonzero(bad.any(axis=1)).tolist():
        cols = np.flatnonzero(bad[r])
        for _ in range(_MAX_REDRAWS):
            v = value_of(gens[r].standard_normal(cols.size), r, cols)
            with np.errstate(invalid="ignore"):
                ok = (v > lo[cols]) & (v < hi[cols])
            values[r, cols[ok]] = v[ok]
            cols = cols[~ok]
            if not cols.size:
                break
        if cols.size:
            values[r, cols] = np.clip(np.nan_to_num(values[r, cols]), lo[cols], hi[cols])


class _Chunk:
    """Draws and simulated plot values for iterations [i0, i1)."""

    def __init__(self, prep: _Prep, opts: MonteCarloOptions, i0: int, i1: int, sources: Sequence):
        self.prep = prep
        self.opts = opts
        self.i0 = i0
        self.c = i1 - i0
        n = prep.n
        seed = int(opts.seed)
        self.gens: Dict[str, List[np.random.Generator]] = {
            s: [rng_for(seed, s, it) for it in range(i0, i1)] for s in sources
        }
        self.z: Dict[str, np.ndarray] = {}
        for s in ("dbh", "height", "wood_density", "model"):
            if s in self.gens:
                self.z[s] = self._normals(s)
        self.large = None
        if "dbh" in self.gens and opts.dbh_error == "chave2004_large":
            cols = prep.draw_cols["dbh"]
            self.large = np.zeros((self.c, n), dtype=bool)
            for r, g in enumerate(self.gens["dbh"]):
                if cols is None:
                    self.large[r] = g.random(n) < CHAVE2004_LARGE[0]
                elif cols.size:
                    self.large[r, cols] = g.random(cols.size) < CHAVE2004_LARGE[0]
        self.zcf = None
        if "carbon_fraction" in self.gens:
            self.zcf = np.array([g.standard_normal() for g in self.gens["carbon_fraction"]])
        self.zrs = None
        if "root_shoot" in self.gens:
            self.zrs = np.array([g.standard_normal() for g in self.gens["root_shoot"]])
        # perturbed predictors are computed lazily per group and cached per chunk
        self._dbh: np.ndarray | None = None
        self._wd: np.ndarray | None = None

    def _normals(self, source: str) -> np.ndarray:
        """One standard normal per affected tree and iteration (0 for the other trees)."""
        cols = self.prep.draw_cols[source]
        n = self.prep.n
        if cols is None:
            z = np.empty((self.c, n))
            for r, g in enumerate(self.gens[source]):
                g.standard_normal(out=z[r])
        else:
            z = np.zeros((self.c, n))
            if cols.size:
                for r, g in enumerate(self.gens[source]):
                    z[r, cols] = g.standard_normal(cols.size)
        return z

    # -- predictors -------------------------------------------------------------------------
    def dbh(self) -> np.ndarray:
        if self._dbh is None:
            p, opts = self.prep, self.opts
            if opts.dbh_error in ("chave2004", "chave2004_large"):
                sd = CHAVE2004_SD[0] * p.dbh + CHAVE2004_SD[1]
            elif opts.dbh_error == "relative":
                sd = float(opts.dbh_error_value) * p.dbh
            else:
                sd = np.full(p.n, float(opts.dbh_error_value))
            if self.large is not None:
                sd = np.where(self.large, CHAVE2004_LARGE[1], sd)
            d = sd * self.z["dbh"]
            d += p.dbh
            sd2 = np.broadcast_to(sd, d.shape)

            def value_of(z: np.ndarray, r: int, cols: np.ndarray) -> np.ndarray:
                return p.dbh[cols] + sd2[r, cols] * z

            _redraw(d, p.d_lo, p.d_hi, self.gens["dbh"], value_of)
            self._dbh = d
        return self._dbh

    def wd(self) -> np.ndarray:
        if self._wd is None:
            p = self.prep
            w = p.wd_sd * self.z["wood_density"]
            w += p.wd

            def value_of(z: np.ndarray, r: int, cols: np.ndarray) -> np.ndarray:
                return p.wd[cols] + p.wd_sd[cols] * z

            _redraw(w, p.wd_lo, p.wd_hi, self.gens["wood_density"], value_of)
            self._wd = w
        return self._wd

    def heights(self, g: _Group, d: np.ndarray | None, with_error: bool) -> np.ndarray:
        """Heights of group ``g``: following D* (if ``d``) and with residual error."""
        p = self.prep
        sl = slice(g.start, g.stop)
        h0 = p.height[sl]
        base = np.broadcast_to(h0, (self.c, g.stop - g.start))
        if d is not None and g.h_models:
            base = base.copy()
            for i, cols in g.h_models:
                m = p.h_models[i]
                d0 = p.dbh[sl][cols]
                with np.errstate(all="ignore"):
                    f0 = m.predict(d0)
                    f1 = m.predict(d[:, cols].ravel()).reshape(self.c, cols.size)
                    if m.scale == "log":
                        base[:, cols] = h0[cols] * (f1 / f0)
                    else:
                        base[:, cols] = h0[cols] + (f1 - f0)
        if not with_error:
            return base
        z = self.z["height"][:, sl]
        lin = p.h_lin_sd[sl]
        lg = p.h_log_sd[sl]
        h = lin * z
        if np.any(lg > 0):
            f = lg * z
            f -= 0.5 * lg * lg
            np.exp(f, out=f)
            f *= base
            h += f
        else:
            h += base

        def value_of(zz: np.ndarray, r: int, cols: np.ndarray) -> np.ndarray:
            return base[r, cols] * np.exp(lg[cols] * zz - 0.5 * lg[cols] ** 2) + lin[cols] * zz

        _redraw(h, p.h_lo[sl], p.h_hi[sl], self.gens["height"], value_of)
        return h

    # -- one variant ------------------------------------------------------------------------
    def simulate(self, active: frozenset) -> np.ndarray:
        """Plot values (c x P, t CO2e ha-1) with the sources in ``active`` switched on."""
        p, c = self.prep, self.c
        acc = np.zeros((c, p.n_plots))
        dcf = None
        if "carbon_fraction" in active:
            dcf = float(self.opts.cf_sd) * self.zcf[:, None]
        for g in p.groups:
            sl = slice(g.start, g.stop)
            m = g.stop - g.start
            pert_d = "dbh" in active and g.uses["D"]
            pert_wd = "wood_density" in active and g.uses["WD"]
            pert_h = g.uses["H"] and ("height" in active or ("dbh" in active and bool(g.h_models)))
            if g.eq is not None and (pert_d or pert_wd or pert_h):
                d = self.dbh()[:, sl] if pert_d else p.dbh[sl]
                env: Dict[str, Any] = {
                    "D": d,
                    "WD": self.wd()[:, sl] if pert_wd else p.wd[sl],
                    "H": self.heights(g, d if pert_d else None, "height" in active)
                    if pert_h
                    else p.height[sl],
                    "Hs": p.hs[sl],
                }
                if self.opts.e_value is not None:
                    env["E"] = float(self.opts.e_value)
                with np.errstate(all="ignore"):
                    agb, bgb = _evaluate(g.eq, env)
                agb = np.broadcast_to(agb, (c, m)) * p.adj_agb[sl]
                bgb_eq = np.broadcast_to(bgb, (c, m)) * p.adj_bgb[sl] if g.has_bgb else None
            else:
                agb = np.broadcast_to(p.agb0[sl], (c, m))
                bgb_eq = np.broadcast_to(p.bgb0[sl], (c, m)) if g.has_bgb else None
            if "model" in active and g.rse > 0:
                s = g.rse
                f = s * self.z["model"][:, sl]
                f -= 0.5 * s * s
                np.exp(f, out=f)
                f *= agb
                agb = f
            rs, rs_sd, cf = p.rs[sl], p.rs_sd[sl], p.cf[sl]
            if g.const:  # one value per group: (c, 1) arrays instead of (c, m)
                rs, rs_sd, cf = rs[:1], rs_sd[:1], cf[:1]
            if bgb_eq is not None:
                biomass = agb + bgb_eq
            elif "root_shoot" in active and np.any(rs_sd > 0):
                biomass = agb * (1.0 + np.maximum(rs + rs_sd * self.zrs[:, None], 0.0))
            else:
                biomass = agb * (1.0 + rs)
            if dcf is not None:
                cf = np.clip(cf + dcf, 0.0, 1.0)
            carbon = biomass * cf
            if self.opts.carbon_cap_kg is not None:
                carbon = np.minimum(carbon, float(self.opts.carbon_cap_kg))
            carbon = np.ascontiguousarray(carbon, dtype=float)
            if carbon.shape != (c, m):
                carbon = np.broadcast_to(carbon, (c, m)).copy()
            sums = np.add.reduceat(carbon, g.seg_starts, axis=1)
            acc[:, g.seg_plots] += sums
        return acc * p.plot_factor


# ------------------------------------------------------------------------------------------------
# strata
# ------------------------------------------------------------------------------------------------


@dataclass
class _Design:
    names: List[str]  # final strata
    area: np.ndarray  # A_i (ha)
    weight: np.ndarray  # w_i
    n: np.ndarray  # n_i (pooled: all used plots)
    pooled: int  # index of the pooled pseudo-stratum or -1
    slots: np.ndarray  # used plot indices ordered by final stratum (pooled members last)
    slot_seg: np.ndarray  # reduceat starts of the real strata within slots
    real: np.ndarray  # indices (into names) of the real strata, in slot order
    boot_start: np.ndarray  # per slot: first slot of its resampling group
    boot_n: np.ndarray  # per slot: size of its resampling group
    area_total: float
    var_samp_stratum_ha: np.ndarray  # s_i^2 / n_i (t CO2e ha-1)^2
    var_samp_total: float  # A^2 SE(b)^2
    point: Any


def _design(
    point_values: pd.DataFrame, strata_area_ha: Mapping, opts: MonteCarloOptions
) -> _Design:
    res = stratified_estimate(
        point_values,
        strata_area_ha,
        confidence=(0.90, 0.95),
        small_strata=opts.small_strata,
        merge_map=opts.merge_map,
        value_col="value",
        stratum_col="stratum",
        value_kind="co2e",
    )
    tab = res.strata
    names = tab["stratum"].astype(str).tolist()
    pos = {s: i for i, s in enumerate(names)}
    label = (
        point_values["stratum"]
        .astype(str)
        .map(lambda s: None if s in res.excluded else res.merged.get(s, s))
    )
    final = label.map(lambda s: pos.get(s, -1) if s is not None else -1).to_numpy(dtype=np.int64)
    pooled = pos.get(POOLED_LABEL, -1)
    real_idx = [i for i in range(len(names)) if i != pooled]
    slots: List[int] = []
    seg: List[int] = []
    boot_start: List[int] = []
    boot_n: List[int] = []
    for i in real_idx:
        members = np.flatnonzero(final == i).tolist()
        seg.append(len(slots))
        boot_start += [len(slots)] * len(members)
        boot_n += [len(members)] * len(members)
        slots += members
    if pooled >= 0:
        members = np.flatnonzero(final == pooled).tolist()
        boot_start += [len(slots)] * len(members)
        boot_n += [len(members)] * len(members)
        slots += members
    n = tab["n"].to_numpy(dtype=float)
    var = tab["var"].to_numpy(dtype=float)
    return _Design(
        names=names,
        area=tab["area_ha"].to_numpy(dtype=float),
        weight=tab["weight"].to_numpy(dtype=float),
        n=n,
        pooled=pooled,
        slots=np.array(slots, dtype=np.intp),
        slot_seg=np.array(seg, dtype=np.intp),
        real=np.array(real_idx, dtype=np.intp),
        boot_start=np.array(boot_start, dtype=np.intp),
        boot_n=np.array(boot_n, dtype=np.intp),
        area_total=float(res.totals["area_ha"]),
        var_samp_stratum_ha=var / n,
        var_samp_total=float(res.totals["total_se"]) ** 2,
        point=res,
    )


def _strata_means(values: np.ndarray, d: _Design) -> np.ndarray:
    """Stratum means (rows x M) from slot values (rows x n_slots, ordered as ``d.slots``)."""
    rows = values.shape[0]
    out = np.empty((rows, len(d.names)))
    if d.real.size:
        n_real = d.n[d.real]
        if d.slot_seg.size:
            out[:, d.real] = np.add.reduceat(values[:, : int(n_real.sum())], d.slot_seg, axis=1)
            out[:, d.real] /= n_real
    if d.pooled >= 0:
        out[:, d.pooled] = values.sum(axis=1) / values.shape[1]
    return out


def _boot_pick(d: _Design, gens: Sequence[np.random.Generator]) -> np.ndarray:
    """Bootstrap slot indices (rows x slots): each plot slot draws a plot of its stratum."""
    u = np.empty((len(gens), d.slots.size))
    for r, g in enumerate(gens):
        g.random(out=u[r])
    return d.boot_start + np.minimum((u * d.boot_n).astype(np.intp), d.boot_n - 1)


def _wsum(strata: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Row-wise sum_i w_i x_i without BLAS (so a row's result does not depend on the others)."""
    return (strata * w).sum(axis=1)


# ------------------------------------------------------------------------------------------------
# driver
# ------------------------------------------------------------------------------------------------


def _auto_chunk(n_trees: int, n_plots: int, opts: MonteCarloOptions, threads: int) -> int:
    if opts.chunk_size is not None:
        return int(opts.chunk_size)
    per_iter = max(n_trees, 1) * _BYTES_PER_CELL + n_plots * 8 * 16
    return int(max(1, min(opts.iterations, opts.max_chunk_bytes // (per_iter * threads))))


def _stats(x: np.ndarray) -> Dict[str, np.ndarray]:
    q = np.quantile(x, [0.025, 0.5, 0.975], axis=0)
    return {
        "mean": x.mean(axis=0),
        "median": q[1],
        "sd": x.std(axis=0, ddof=1),
        "q025": q[0],
        "q975": q[2],
    }


def run_monte_carlo(
    trees: pd.DataFrame,
    plots: pd.DataFrame,
    strata_area_ha: Mapping[Any, float],
    library: EquationLibrary,
    options: MonteCarloOptions | None = None,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> MonteCarloResult:
    """Propagate measurement, model, conversion-factor and sampling error to the total.

    ``trees``: the tree table of ``compute_tree_biomass`` / ``carbonpool:treebiomass`` (live
    trees only): ``plot``, ``dbh_cm``, ``height_m``, ``height_source``, ``wd``, ``wd_sd``,
    ``wd_level``, ``equation_id``, ``agb_kg``, ``bgb_kg``, ``carbon_kg`` and, when present,
    ``cf``, ``root_shoot`` (else derived as carbon/biomass and BGB/AGB), ``rs_sd``,
    ``stem_height_m``, ``flags``. ``plots``: ``plot_id``, ``area_m2``, ``stratum`` and
    optional ``fraction`` (as :func:`.estimation.plot_carbon`). ``strata_area_ha``: {stratum:
    area ha} (as :func:`.sampling_stats.stratified_estimate`).
    """
    opts = options or MonteCarloOptions()
    opts.validate()
    if "plot" not in trees.columns:
        raise MonteCarloError("trees needs a 'plot' column")
    if "stratum" not in plots.columns:
        raise MonteCarloError("plots needs a 'stratum' column")
    iterations = int(opts.iterations)
    notes: List[str] = []

    # point estimate: plot values and design (the same code as the deterministic estimate)
    base = pd.DataFrame(
        {
            "plot": trees["plot"].to_numpy(),
            "agb_kg": _num(trees, "agb_kg"),
            "bgb_kg": _num(trees, "bgb_kg"),
            "carbon_kg": _num(trees, "carbon_kg"),
        }
    )
    table, report = plot_carbon(base, plots)
    notes += list(report.get("warnings", []))
    try:
        design = _design(
            pd.DataFrame({"stratum": table["stratum"], "value": table["co2e_t_ha"]}),
            strata_area_ha,
            opts,
        )
    except EstimationError as exc:
        raise MonteCarloError(str(exc)) from exc
    notes += list(design.point.notes)
    pkeys = _norm_key(table["plot_id"].reset_index(drop=True)).tolist()
    plot_index = {k: i for i, k in enumerate(pkeys)}
    eff_ha = table["effective_area_ha"].to_numpy(dtype=float)
    prep = _prepare(trees, _norm_key(trees["plot"]), plot_index, eff_ha, library, opts)
    notes += prep.notes

    active = opts.active_sources()
    if "root_shoot" in active and not np.any(prep.rs_sd > 0):
        active.remove("root_shoot")
        if opts.rs_sd is None:
            notes.append(Message("root:shoot error off: the method pack gives no sd for R"))
    if "model" in active and not any(g.rse > 0 for g in prep.groups):
        notes.append(
            Message("model error: no equation used has an RSE (give model_rse); no effect")
        )
    if "wood_density" in active and not any(g.uses["WD"] for g in prep.groups):
        notes.append(
            Message(
                "wood density error: no equation used needs wood density (e.g. the T-VER Ogawa "
                "equations take D and H only); no effect"
            )
        )
    tree_sources = [s for s in active if s != "sampling"]
    variants: List[frozenset] = [frozenset(tree_sources)]
    alone: List[str] = []
    if opts.budget:
        for s in tree_sources:
            alone.append(s)
            if frozenset([s]) not in variants:
                variants.append(frozenset([s]))
    sampling = opts.sampling if "sampling" in active else "none"

    threads = int(opts.threads) if opts.threads else max(1, min(2, os.cpu_count() or 1))
    chunk = _auto_chunk(prep.n, prep.n_plots, opts, threads)
    P, M = prep.n_plots, len(design.names)
    plot_s = np.empty((iterations, P))
    mc_strata = np.empty((iterations, M))
    comb_strata = np.empty((iterations, M))
    alone_tot = np.empty(
        (iterations, len(alone) + (1 if opts.budget and sampling != "none" else 0))
    )
    noise = np.zeros((iterations, M))
    b0 = table["co2e_t_ha"].to_numpy(dtype=float)
    slots_b0 = b0[design.slots][None, :]
    w = design.weight
    A = design.area_total

    def work(i0: int, i1: int) -> None:
        ch = _Chunk(prep, opts, i0, i1, active)
        res = {v: ch.simulate(v) for v in variants}
        pv = res[variants[0]]
        plot_s[i0:i1] = pv
        slot_vals = pv[:, design.slots]
        mc_strata[i0:i1] = _strata_means(slot_vals, design)
        pick = _boot_pick(design, ch.gens["sampling"]) if sampling == "bootstrap" else None
        if pick is not None:
            comb_strata[i0:i1] = _strata_means(np.take_along_axis(slot_vals, pick, 1), design)
        else:
            comb_strata[i0:i1] = mc_strata[i0:i1]
            if sampling == "analytic":
                noise[i0:i1] = np.array([g.standard_normal(M) for g in ch.gens["sampling"]])
        for j, s in enumerate(alone):
            sv = res[frozenset([s])][:, design.slots]
            alone_tot[i0:i1, j] = A * _wsum(_strata_means(sv, design), w)
        if opts.budget and sampling != "none":
            if pick is not None:
                fixed = np.broadcast_to(slots_b0, pick.shape)
                sm = _strata_means(np.take_along_axis(fixed, pick, 1), design)
                alone_tot[i0:i1, -1] = A * _wsum(sm, w)
            else:
                alone_tot[i0:i1, -1] = np.nan

    bounds = [(i, min(i + chunk, iterations)) for i in range(0, iterations, chunk)]
    done = 0
    if threads <= 1 or len(bounds) == 1:
        for i0, i1 in bounds:
            if is_canceled is not None and is_canceled():
                raise MonteCarloCanceled("canceled")
            work(i0, i1)
            done += 1
            if progress is not None:
                progress(done / len(bounds))
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            futures = [pool.submit(work, i0, i1) for i0, i1 in bounds]
            try:
                for f in futures:
                    f.result()
                    done += 1
                    if progress is not None:
                        progress(done / len(bounds))
                    if is_canceled is not None and is_canceled():
                        raise MonteCarloCanceled("canceled")
            finally:
                for f in futures:
                    f.cancel()

    # -- combine ----------------------------------------------------------------------------
    # matrix products are done row by row in a fixed way so results do not depend on chunks
    total_mc = A * _wsum(mc_strata, w)
    total_comb = A * _wsum(comb_strata, w)
    stratum_tot_scale = design.area
    var_samp_total = design.var_samp_total if sampling == "analytic" else 0.0
    summ: Dict[str, Dict[str, np.ndarray]] = {}
    st_density = comb_strata.copy()
    if sampling == "analytic":
        sd_i = np.sqrt(design.var_samp_stratum_ha)
        st_density = mc_strata + noise * sd_i
        a_i = design.area * sd_i
        denom = math.sqrt(float(np.sum(a_i**2))) or 1.0
        z_tot = _wsum(noise, a_i) / denom
        total_draw = total_mc + math.sqrt(var_samp_total) * z_tot
    else:
        total_draw = total_comb
    summ["plot"] = _stats(plot_s)
    summ["stratum_per_ha"] = _stats(st_density)
    summ["stratum"] = _stats(st_density * stratum_tot_scale)
    summ["total"] = _stats(total_draw)
    summ["total_per_ha"] = _stats(total_draw / A)
    if sampling == "analytic":
        mc_ha = _stats(mc_strata)
        summ["stratum_per_ha"]["mean"] = mc_ha["mean"]
        summ["stratum_per_ha"]["sd"] = np.sqrt(mc_ha["sd"] ** 2 + design.var_samp_stratum_ha)
        summ["stratum"]["mean"] = mc_ha["mean"] * stratum_tot_scale
        summ["stratum"]["sd"] = summ["stratum_per_ha"]["sd"] * stratum_tot_scale
        sd_mc = float(np.std(total_mc, ddof=1))
        summ["total"]["mean"] = np.float64(total_mc.mean())
        summ["total"]["sd"] = np.float64(math.sqrt(sd_mc**2 + var_samp_total))
        summ["total_per_ha"]["mean"] = summ["total"]["mean"] / A
        summ["total_per_ha"]["sd"] = summ["total"]["sd"] / A

    point_strata = design.point.strata["mean"].to_numpy(dtype=float)
    point_total = float(design.point.totals["total"])
    rows: List[Dict[str, Any]] = []
    plot_ids = table["plot_id"].tolist()

    def add(level: str, ids: Sequence[Any], point: Sequence[float], st: Dict, unit: str) -> None:
        for k, ident in enumerate(ids):
            rows.append(
                {
                    "level": level,
                    "id": str(ident),
                    "point": float(point[k]),
                    **{
                        key: float(np.atleast_1d(st[key])[k])
                        for key in ("mean", "median", "sd", "q025", "q975")
                    },
                    "unit": unit,
                }
            )

    add("plot", plot_ids, b0, summ["plot"], "t CO2e/ha")
    add("stratum_per_ha", design.names, point_strata, summ["stratum_per_ha"], "t CO2e/ha")
    add("stratum", design.names, point_strata * design.area, summ["stratum"], "t CO2e")
    add("total_per_ha", ["total"], [point_total / A], summ["total_per_ha"], "t CO2e/ha")
    add("total", ["total"], [point_total], summ["total"], "t CO2e")
    summary = pd.DataFrame(rows)
    summary["seed"] = int(opts.seed)
    summary["iterations"] = iterations

    # -- error budget -----------------------------------------------------------------------
    brows: List[Dict[str, Any]] = []
    for j, s in enumerate(alone):
        brows.append({"source": s, "variance": float(np.var(alone_tot[:, j], ddof=1))})
    if opts.budget and sampling != "none":
        v = var_samp_total if sampling == "analytic" else float(np.var(alone_tot[:, -1], ddof=1))
        brows.append({"source": "sampling", "variance": v})
    var_sum = float(sum(r["variance"] for r in brows))
    for r in brows:
        r["sd"] = math.sqrt(max(r["variance"], 0.0))
        r["share_pct"] = 100.0 * r["variance"] / var_sum if var_sum > 0 else float("nan")
    var_comb = float(summ["total"]["sd"]) ** 2
    brows.append(
        {
            "source": "combined",
            "variance": var_comb,
            "sd": math.sqrt(var_comb),
            "share_pct": float("nan"),
        }
    )
    budget = pd.DataFrame(brows, columns=["source", "variance", "sd", "share_pct"])
    budget["seed"] = int(opts.seed)
    budget["iterations"] = iterations

    tot = summary[summary["level"] == "total"].iloc[0]
    totals = {
        "point": point_total,
        "mean": float(tot["mean"]),
        "median": float(tot["median"]),
        "sd": float(tot["sd"]),
        "q025": float(tot["q025"]),
        "q975": float(tot["q975"]),
        "sd_mc": float(np.std(total_mc, ddof=1)),
        "sd_sampling_analytic": math.sqrt(design.var_samp_total),
        "area_ha": A,
        "sampling": sampling,
        "sources": list(active),
        "interaction_ratio": (var_sum / var_comb) if var_comb > 0 else float("nan"),
        "n_trees": prep.n,
        "n_plots": P,
        "chunk_size": chunk,
        "threads": threads,
        "seed": int(opts.seed),
        "iterations": iterations,
    }
    samples = {
        "plot": plot_s,
        "stratum": st_density,
        "stratum_mc": mc_strata,
        "total": total_draw,
        "total_mc": total_mc,
        "budget": alone_tot,
    }
    return MonteCarloResult(
        summary=summary,
        budget=budget,
        totals=totals,
        samples=samples,
        plot_ids=plot_ids,
        strata=design.names,
        seed=int(opts.seed),
        iterations=iterations,
        chunk_size=chunk,
        options=opts,
        notes=notes,
    )
