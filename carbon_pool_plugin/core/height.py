"""Tree height from diameter (H-D models). D in cm at 1.30 m, H in m.

* Local models fitted to the trees that have a measured height (:func:`fit_local_hd`):

  - ``loglog``: ln H = a + b ln D, fitted by OLS on the log scale and back-transformed with the
    Baskerville (1972) correction: H = exp(a + b ln D) * exp(RSE_log^2 / 2), where RSE_log is the
    residual standard error on the log scale (df = n - 2);
  - ``michaelis_menten``: H = a D / (b + D);
  - ``weibull``: H = a (1 - exp(-b D^c)).

  Non-linear models are fitted with :func:`scipy.optimize.curve_fit` (bounded, several starts).
  The best model has the smallest residual standard error on the H scale,
  RSE = sqrt(sum((H - H_pred)^2) / (n - p)), p = number of parameters (2, 2, 3).

  Large inventories: when more than :data:`HD_FIT_MAX_TREES` trees have a valid (D, H) pair, the
  two non-linear models are fitted on a reproducible DBH-stratified subsample of that many trees
  (:func:`hd_fit_subsample`); log-log is closed-form OLS and always uses every tree. The RSE that
  ranks the models and is reported is always computed on *all* valid trees, with ``n`` = all of
  them (``extra["n_fit"]`` records the subsample size). Rationale: a two- or three-parameter curve
  is determined to well within its sampling error by a few thousand trees spread over the whole
  DBH range (the parameter standard errors shrink as 1/sqrt(n); with 5,000 trees they are already
  far below the between-model and between-site differences that matter for carbon), while the
  iterative fit on ~10^6 trees costs seconds per model. Stratifying by DBH (one tree drawn from each
  of ``cap`` equal-count DBH classes) keeps the large trees, which carry most of the biomass and
  pin the asymptote, in the sample. Fixed seed, input-order independent: the same trees give the
  same model. With ``n <= HD_FIT_MAX_TREES`` every tree is used and nothing changes.

* Regional models without local data:

  - Feldpausch et al. (2012) Weibull, coefficients from BIOMASS ``feldCoef`` (science.md §3.1);
  - Chave et al. (2014) Eq. 6a, with the environmental stress index E (BIOMASS ``retrieveH``):
    ln H = 0.893 - E + 0.760 ln D - 0.0340 (ln D)^2, RSE = 0.243, H = exp(ln H + RSE^2 / 2).

A measured height is kept when 1.3 m < H <= 100 m (T-VER tree definition: height > 1.30 m; 100 m as
a sanity limit); other measured values are treated as missing and their source is suffixed
``|invalid_h``.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

import numpy as np
from scipy.optimize import OptimizeWarning, curve_fit

H_MIN_VALID = 1.3  # m, exclusive (T-VER: a tree is taller than 1.30 m)
H_MAX_VALID = 100.0  # m, inclusive sanity limit

#: Feldpausch et al. 2012 Weibull coefficients (a, b, c) and RSE (m), BIOMASS feldCoef [P].
FELDPAUSCH_COEFS: dict[str, tuple[float, float, float, float]] = {
    "SEAsia": (57.122, 0.0332, 0.8468, 5.691),
    "Pantropical": (50.874, 0.0420, 0.7840, 5.479),
}

#: Chave et al. 2014 Eq. 6a (BIOMASS retrieveH) [P].
CHAVE_E6A = {"intercept": 0.893, "b_lnD": 0.760, "b_lnD2": -0.0340, "rse": 0.243}

#: At most this many trees are used to fit the non-linear H-D models (see the module docstring).
HD_FIT_MAX_TREES = 5000
#: Seed of the DBH-stratified subsample (fixed: the same trees always give the same model).
HD_FIT_SEED = 20250131

LOCAL_MODELS: tuple[str, ...] = ("loglog", "michaelis_menten", "weibull")
FILL_OPTIONS: tuple[str, ...] = ("local", "feldpausch", "chave", "none")
INVALID_SUFFIX = "|invalid_h"


class HeightModelError(ValueError):
    """Too few or invalid trees to fit a height-diameter model."""


class HeightFallbackWarning(UserWarning):
    """A local H-D fit was requested but a regional model was used instead."""


def _weibull(d: np.ndarray, a: float, b: float, c: float) -> np.ndarray:
    return a * (1.0 - np.exp(-b * np.power(d, c)))


def _michaelis(d: np.ndarray, a: float, b: float) -> np.ndarray:
    return a * d / (b + d)


@dataclass
class HDModel:
    """A fitted H-D model. ``params`` holds a, b (, c); log-log also holds ``cf`` (Baskerville
    factor exp(RSE_log^2 / 2)) and ``rse_log``. ``rse`` is on the H scale (m), df = n - p."""

    name: str
    params: dict[str, float]
    rse: float
    n: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return "local_" + self.name

    def predict(self, d: Any) -> np.ndarray:
        """Height (m) for diameters ``d`` (cm); NaN where D is missing or not positive."""
        d = np.asarray(d, dtype=float)
        out = np.full(d.shape, np.nan)
        ok = np.isfinite(d) & (d > 0)
        x = d[ok]
        p = self.params
        if self.name == "loglog":
            out[ok] = np.exp(p["a"] + p["b"] * np.log(x)) * p["cf"]
        elif self.name == "michaelis_menten":
            out[ok] = _michaelis(x, p["a"], p["b"])
        elif self.name == "weibull":
            out[ok] = _weibull(x, p["a"], p["b"], p["c"])
        else:
            raise ValueError(f"unknown H-D model {self.name!r}")
        return out


def _valid_pairs(d: Any, h: Any) -> tuple[np.ndarray, np.ndarray]:
    d = np.asarray(d, dtype=float).ravel()
    h = np.asarray(h, dtype=float).ravel()
    if d.shape != h.shape:
        raise HeightModelError("d and h must have the same length")
    ok = np.isfinite(d) & (d > 0) & valid_height_mask(h)
    return d[ok], h[ok]


def valid_height_mask(h: Any) -> np.ndarray:
    """True where a measured height is usable: finite and 1.3 m < H <= 100 m."""
    h = np.asarray(h, dtype=float)
    with np.errstate(invalid="ignore"):
        return np.isfinite(h) & (h > H_MIN_VALID) & (h <= H_MAX_VALID)


def _rse(h: np.ndarray, pred: np.ndarray, p: int) -> float:
    return float(np.sqrt(np.sum((h - pred) ** 2) / (len(h) - p)))


def hd_fit_subsample(
    d: np.ndarray, h: np.ndarray, cap: int = HD_FIT_MAX_TREES, seed: int = HD_FIT_SEED
) -> np.ndarray:
    """Indices of a DBH-stratified subsample of at most ``cap`` of the (D, H) pairs.

    The pairs are ordered by (D, H) (so the result does not depend on the input order), cut into
    ``cap`` classes of (nearly) equal count, and one pair is drawn from each class with a generator
    seeded by ``seed``; the indices come in (D, H) order, so the subsample, and the fit on it, is
    the same whatever the order of the input rows. Every index (in input order) when
    ``len(d) <= cap``.
    """
    n = len(d)
    if n <= cap:
        return np.arange(n)
    order = np.lexsort((h, d))  # by D, ties by H
    edges = (np.arange(cap + 1, dtype=np.int64) * n) // cap
    lo, width = edges[:-1], np.diff(edges)
    u = np.random.default_rng(seed).random(cap)
    pick = lo + np.minimum((u * width).astype(np.int64), width - 1)
    return order[pick]


def _fit_loglog(d: np.ndarray, h: np.ndarray) -> HDModel:
    x, y = np.log(d), np.log(h)
    b, a = np.polyfit(x, y, 1)
    rse_log = float(np.sqrt(np.sum((y - (a + b * x)) ** 2) / (len(y) - 2)))
    cf = float(np.exp(rse_log**2 / 2.0))
    model = HDModel("loglog", {"a": float(a), "b": float(b), "cf": cf}, np.nan, len(d))
    model.extra["rse_log"] = rse_log
    model.rse = _rse(h, model.predict(d), 2)
    return model


def _curve_fit_best(
    f: Callable[..., np.ndarray],
    d: np.ndarray,
    h: np.ndarray,
    starts: Sequence[Sequence[float]],
    bounds: tuple[Sequence[float], Sequence[float]],
) -> np.ndarray | None:
    best, best_rss = None, np.inf
    lo, hi = np.asarray(bounds[0], float), np.asarray(bounds[1], float)
    for p0 in starts:
        p0 = np.clip(np.asarray(p0, float), lo + 1e-9, hi - 1e-9)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", OptimizeWarning)
                warnings.simplefilter("ignore", RuntimeWarning)
                popt, _ = curve_fit(f, d, h, p0=p0, bounds=(lo, hi), maxfev=20000)
        except (RuntimeError, ValueError):
            continue
        rss = float(np.sum((h - f(d, *popt)) ** 2))
        if np.isfinite(rss) and rss < best_rss:
            best, best_rss = popt, rss
    return best


def _fit_michaelis(d: np.ndarray, h: np.ndarray) -> HDModel | None:
    hmax = float(np.max(h))
    starts = [(1.2 * hmax, float(np.median(d))), (hmax, 10.0), (2.0 * hmax, 3.0 * np.max(d))]
    popt = _curve_fit_best(_michaelis, d, h, starts, ((0.0, 0.0), (200.0, 5000.0)))
    if popt is None:
        return None
    model = HDModel("michaelis_menten", {"a": float(popt[0]), "b": float(popt[1])}, np.nan, len(d))
    model.rse = _rse(h, model.predict(d), 2)
    return model


def _fit_weibull(d: np.ndarray, h: np.ndarray) -> HDModel | None:
    hmax = float(np.max(h))
    starts = [
        (1.1 * hmax, 0.03, 0.8),
        (hmax, 0.05, 1.0),
        (1.5 * hmax, 0.01, 1.2),
        FELDPAUSCH_COEFS["SEAsia"][:3],
    ]
    popt = _curve_fit_best(_weibull, d, h, starts, ((0.0, 1e-8, 0.05), (200.0, 10.0, 4.0)))
    if popt is None:
        return None
    params = {"a": float(popt[0]), "b": float(popt[1]), "c": float(popt[2])}
    model = HDModel("weibull", params, np.nan, len(d))
    model.rse = _rse(h, model.predict(d), 3)
    return model


def fit_hd_models(
    d: Any, h: Any, min_trees: int = 10, models: Sequence[str] = LOCAL_MODELS
) -> list[HDModel]:
    """Fit the requested local models to the valid (D, H) pairs; successful fits, best RSE first.

    Raises :class:`HeightModelError` if fewer than ``max(min_trees, 4)`` valid pairs remain or no
    model could be fitted.
    """
    unknown = [m for m in models if m not in LOCAL_MODELS]
    if unknown:
        raise ValueError("unknown H-D model(s): {}".format(", ".join(unknown)))
    dv, hv = _valid_pairs(d, h)
    need = max(int(min_trees), 4)
    if len(dv) < need:
        raise HeightModelError(
            f"{len(dv)} trees with valid D and H; at least {need} are needed for a local H-D fit"
        )
    if np.ptp(dv) <= 0:
        raise HeightModelError("all valid trees have the same diameter")
    fitters = {"loglog": _fit_loglog, "michaelis_menten": _fit_michaelis, "weibull": _fit_weibull}
    n_params = {"loglog": 2, "michaelis_menten": 2, "weibull": 3}
    sub = None
    if len(dv) > HD_FIT_MAX_TREES:
        sub = hd_fit_subsample(dv, hv)
    fitted = []
    for name in models:
        if sub is None or name == "loglog":  # OLS is closed-form: always on every tree
            m = fitters[name](dv, hv)
        else:
            m = fitters[name](dv[sub], hv[sub])
            if m is not None:  # rank and report on all valid trees
                m.extra["n_fit"] = int(len(sub))
                m.n = len(dv)
                m.rse = _rse(hv, m.predict(dv), n_params[name])
        if m is not None and np.isfinite(m.rse):
            fitted.append(m)
    if not fitted:
        raise HeightModelError("no H-D model could be fitted")
    return sorted(fitted, key=lambda m: m.rse)


def fit_local_hd(
    d: Any, h: Any, min_trees: int = 10, models: Sequence[str] = LOCAL_MODELS
) -> HDModel:
    """Fit log-log, Michaelis-Menten and Weibull models; return the one with the smallest RSE."""
    return fit_hd_models(d, h, min_trees=min_trees, models=models)[0]


def _region_key(region: str) -> str:
    key = str(region).replace("-", "").replace("_", "").replace(" ", "").lower()
    for name in FELDPAUSCH_COEFS:
        if name.lower() == key:
            return name
    raise ValueError(
        "unknown Feldpausch region {!r}; choose {}".format(region, ", ".join(FELDPAUSCH_COEFS))
    )


def feldpausch(d: Any, region: str = "SEAsia") -> np.ndarray:
    """Feldpausch et al. (2012) H = a (1 - exp(-b D^c)); NaN where D is missing or <= 0."""
    a, b, c, _rse = FELDPAUSCH_COEFS[_region_key(region)]
    d = np.asarray(d, dtype=float)
    out = np.full(d.shape, np.nan)
    ok = np.isfinite(d) & (d > 0)
    out[ok] = _weibull(d[ok], a, b, c)
    return out


def chave_e6a(d: Any, E: Any) -> np.ndarray:
    """Chave et al. (2014) Eq. 6a, H = exp(0.893 - E + 0.760 ln D - 0.0340 (ln D)^2 + 0.243^2/2).

    ``E`` is the environmental stress index (scalar or one value per tree).
    """
    d = np.asarray(d, dtype=float)
    e = np.broadcast_to(np.asarray(E, dtype=float), d.shape)
    out = np.full(d.shape, np.nan)
    ok = np.isfinite(d) & (d > 0) & np.isfinite(e)
    lnd = np.log(d[ok])
    c = CHAVE_E6A
    lnh = c["intercept"] - e[ok] + c["b_lnD"] * lnd + c["b_lnD2"] * lnd**2
    out[ok] = np.exp(lnh + 0.5 * c["rse"] ** 2)
    return out


def fill_heights(
    d: Any,
    h: Any = None,
    option: str = "local",
    E: Any = None,
    min_trees: int = 10,
    region: str = "SEAsia",
    model: HDModel | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Keep valid measured heights and predict the others.

    ``option``: ``"local"`` (fit on the trees with valid D and H, or use ``model``; falls back to
    Feldpausch SEAsia with a :class:`HeightFallbackWarning` when too few trees), ``"feldpausch"``
    (``region``), ``"chave"`` (needs ``E``) or ``"none"`` (leave missing).

    Returns ``(h_filled, source)``; ``source`` holds ``"measured"``, ``"local_<model>"``,
    ``"feldpausch_seasia"``, ``"feldpausch_pantropical"``, ``"chave_e6a"`` or ``"none"``, suffixed
    ``"|invalid_h"`` where a measured height was present but invalid (<= 1.3 m or > 100 m).
    """
    option = str(option).strip().lower()
    if option not in FILL_OPTIONS:
        raise ValueError(f"unknown height option {option!r}; choose {FILL_OPTIONS}")
    d = np.asarray(d, dtype=float).ravel()
    h = np.full(d.shape, np.nan) if h is None else np.asarray(h, dtype=float).ravel()
    if h.shape != d.shape:
        raise ValueError("d and h must have the same length")

    measured = valid_height_mask(h)
    invalid = np.isfinite(h) & ~measured
    h_out = np.where(measured, h, np.nan)
    source = np.full(d.shape, "none", dtype=object)
    source[measured] = "measured"
    todo = ~measured

    pred: np.ndarray | None = None
    label = "none"
    if todo.any() and option != "none":
        if option == "local":
            if model is None:
                try:
                    model = fit_local_hd(d, h, min_trees=min_trees)
                except HeightModelError as exc:
                    warnings.warn(
                        f"local H-D fit not possible ({exc}); using Feldpausch SEAsia",
                        HeightFallbackWarning,
                        stacklevel=2,
                    )
            if model is not None:
                pred, label = model.predict(d), model.source
            else:
                pred, label = feldpausch(d, "SEAsia"), "feldpausch_seasia"
        elif option == "feldpausch":
            key = _region_key(region)
            pred, label = feldpausch(d, key), "feldpausch_" + key.lower()
        else:
            if E is None:
                raise ValueError("option 'chave' needs the environmental stress index E")
            pred, label = chave_e6a(d, E), "chave_e6a"

    if pred is not None:
        got = todo & np.isfinite(pred)
        h_out[got] = pred[got]
        source[got] = label
    source[invalid] = source[invalid] + INVALID_SUFFIX
    return h_out, source
