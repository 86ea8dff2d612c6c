"""Image classification core: band roles, spectral indices, Otsu, Gaussian ML, data-only random forest.

Pure numpy (scikit-learn is imported lazily and only to *fit* a random forest). No QGIS, no GDAL.

Band roles and presets
    A :class:`BandRoles` maps the roles blue/green/red/nir/swir1 to 1-based band numbers of the input
    raster (0 = absent) and converts digital numbers to surface reflectance with
    ``reflectance = DN * scale + offset``. Presets:

    - 4-band aerial / 10 m Sentinel-2 stack (B, G, R, NIR), reflectance × 10000 (scale 1e-4);
    - Sentinel-2 L2A 12-band stack (B1 B2 B3 B4 B5 B6 B7 B8 B8A B9 B11 B12): blue B2, green B3, red B4,
      NIR B8, SWIR1 B11; scale 1e-4; products of processing baseline 04.00 and later (from
      25 January 2022) carry BOA_ADD_OFFSET = -1000 DN, i.e. offset -0.1 in reflectance;
    - Landsat 8/9 Collection 2 Level-2 surface reflectance (SR_B1…SR_B7): blue B2, green B3, red B4,
      NIR B5, SWIR1 B6; scale 2.75e-5, offset -0.2 (USGS Landsat C2 L2 product guide).

Indices (reflectance in, float32 out, NaN where an input is missing or the denominator is 0)
    NDVI = (N - R) / (N + R)                      Rouse et al. 1974
    EVI  = 2.5 (N - R) / (N + 6 R - 7.5 B + 1)    Huete et al. 2002
    SAVI = 1.5 (N - R) / (N + R + 0.5)            Huete 1988, L = 0.5
    NDWI = (G - N) / (G + N)                      McFeeters 1996
    NDBI = (S1 - N) / (S1 + N)                    Zha et al. 2003

Model files are data only (JSON, or ``.npz`` read with ``allow_pickle=False``): a format tag, class
codes and names, feature list, band roles, plugin version and the fitted numbers. Nothing is ever
unpickled; a random forest is exported as its trees' node arrays and predicted by a small numpy
tree walker that reproduces scikit-learn's ``predict`` exactly.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np

ROLES: tuple = ("blue", "green", "red", "nir", "swir1")
INDEX_NAMES: tuple = ("NDVI", "EVI", "SAVI", "NDWI", "NDBI")
INDEX_ROLES: dict = {
    "NDVI": ("red", "nir"),
    "EVI": ("blue", "red", "nir"),
    "SAVI": ("red", "nir"),
    "NDWI": ("green", "nir"),
    "NDBI": ("swir1", "nir"),
}
SAVI_L: float = 0.5
TEXTURE_FEATURE = "NDVI_VAR3"
MODEL_FORMAT = "carbonpool.classifier"
MODEL_FORMAT_VERSION = 1
MAX_MODEL_BYTES = 512 * 1024 * 1024
PREDICT_CHUNK = 1 << 19


class ModelFileError(ValueError):
    """A model file that the plugin did not write, or that is damaged."""


# --------------------------------------------------------------------------------------------------
# Band roles and presets
# --------------------------------------------------------------------------------------------------
@dataclass
class BandRoles:
    """1-based band numbers per role (0 = absent) and the DN → reflectance conversion."""

    blue: int = 0
    green: int = 0
    red: int = 0
    nir: int = 0
    swir1: int = 0
    scale: float = 1.0
    offset: float = 0.0

    def bands(self) -> Dict[str, int]:
        """Role → band number for the roles that are present."""
        return {r: int(getattr(self, r)) for r in ROLES if int(getattr(self, r)) > 0}

    def has(self, *roles: str) -> bool:
        return all(int(getattr(self, r)) > 0 for r in roles)

    def validate(self, band_count: int) -> None:
        for role, band in self.bands().items():
            if band > band_count:
                raise ValueError(
                    "Band {b} ({role}) does not exist: the raster has {n} band(s).".format(
                        b=band, role=role, n=band_count
                    )
                )
        if not math.isfinite(self.scale) or self.scale == 0:
            raise ValueError("The reflectance scale must be a finite, non-zero number.")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> BandRoles:
        kwargs = {}
        for key in ROLES:
            kwargs[key] = int(data.get(key, 0) or 0)
        kwargs["scale"] = float(data.get("scale", 1.0))
        kwargs["offset"] = float(data.get("offset", 0.0))
        return cls(**kwargs)


#: Preset id → band roles. The order is the order of the PRESET enum of the algorithms.
PRESETS: Dict[str, BandRoles] = {
    "aerial4": BandRoles(blue=1, green=2, red=3, nir=4, scale=1e-4, offset=0.0),
    "sentinel2": BandRoles(blue=2, green=3, red=4, nir=8, swir1=11, scale=1e-4, offset=0.0),
    "sentinel2_pb04": BandRoles(blue=2, green=3, red=4, nir=8, swir1=11, scale=1e-4, offset=-0.1),
    "landsat89": BandRoles(blue=2, green=3, red=4, nir=5, swir1=6, scale=2.75e-5, offset=-0.2),
    "custom": BandRoles(scale=1.0, offset=0.0),
}
PRESET_IDS: tuple = tuple(PRESETS)


def resolve_roles(
    preset: str,
    overrides: Optional[Dict[str, int]] = None,
    scale: Optional[float] = None,
    offset: Optional[float] = None,
) -> BandRoles:
    """Preset roles, with any non-zero band override and an explicit scale/offset applied."""
    if preset not in PRESETS:
        raise ValueError("Unknown preset {p!r}; known: {k}".format(p=preset, k=", ".join(PRESETS)))
    base = PRESETS[preset]
    roles = BandRoles(**asdict(base))
    for role, band in (overrides or {}).items():
        if role not in ROLES:
            raise ValueError("Unknown band role {r!r}".format(r=role))
        if band is not None and int(band) > 0:
            setattr(roles, role, int(band))
        elif preset == "custom":
            setattr(roles, role, 0)
    if scale is not None:
        roles.scale = float(scale)
    if offset is not None:
        roles.offset = float(offset)
    return roles


def to_reflectance(
    dn: np.ndarray, scale: float, offset: float, nodata: Optional[float] = None
) -> np.ndarray:
    """DN → float32 reflectance; nodata and non-finite values become NaN."""
    arr = np.asarray(dn)
    out = arr.astype(np.float32) * np.float32(scale) + np.float32(offset)
    bad = ~np.isfinite(arr) if arr.dtype.kind == "f" else np.zeros(arr.shape, dtype=bool)
    if nodata is not None and math.isfinite(float(nodata)):
        bad |= arr == nodata
    elif nodata is not None:  # NaN nodata
        bad |= ~np.isfinite(arr)
    out[bad] = np.nan
    return out


# --------------------------------------------------------------------------------------------------
# Indices
# --------------------------------------------------------------------------------------------------
def safe_ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` in float32 with NaN where ``den`` is 0 or an input is NaN."""
    num = np.asarray(num, dtype=np.float32)
    den = np.asarray(den, dtype=np.float32)
    out = np.full(np.broadcast(num, den).shape, np.nan, dtype=np.float32)
    ok = np.isfinite(num) & np.isfinite(den) & (den != 0)
    np.divide(num, den, out=out, where=ok)
    return out


def available_indices(roles: BandRoles) -> List[str]:
    return [name for name in INDEX_NAMES if roles.has(*INDEX_ROLES[name])]


def compute_index(name: str, refl: Dict[str, np.ndarray]) -> np.ndarray:
    """One index from a role → reflectance mapping (float32, NaN where undefined)."""
    name = name.upper()
    if name not in INDEX_ROLES:
        raise ValueError("Unknown index {n!r}; known: {k}".format(n=name, k=", ".join(INDEX_NAMES)))
    missing = [r for r in INDEX_ROLES[name] if r not in refl]
    if missing:
        raise ValueError(
            "{n} needs the band role(s) {m}, which are not mapped.".format(
                n=name, m=", ".join(missing)
            )
        )
    f32 = np.float32
    if name == "NDVI":
        n, r = refl["nir"], refl["red"]
        return safe_ratio(n - r, n + r)
    if name == "EVI":
        n, r, b = refl["nir"], refl["red"], refl["blue"]
        return safe_ratio(f32(2.5) * (n - r), n + f32(6.0) * r - f32(7.5) * b + f32(1.0))
    if name == "SAVI":
        n, r = refl["nir"], refl["red"]
        return safe_ratio(f32(1.0 + SAVI_L) * (n - r), n + r + f32(SAVI_L))
    if name == "NDWI":
        g, n = refl["green"], refl["nir"]
        return safe_ratio(g - n, g + n)
    s, n = refl["swir1"], refl["nir"]
    return safe_ratio(s - n, s + n)


def local_variance3(x: np.ndarray) -> np.ndarray:
    """3×3 local variance (population) of ``x`` ignoring NaN; same shape, NaN where ``x`` is NaN.

    Outside the array counts as missing, so a caller that wants block-size invariance passes one
    halo row above and below (and strips them afterwards).
    """
    x = np.asarray(x, dtype=np.float64)
    valid = np.isfinite(x)
    x0 = np.where(valid, x, 0.0)
    xp = np.pad(x0, 1)
    vp = np.pad(valid.astype(np.float64), 1)
    rows, cols = x.shape
    s = np.zeros_like(x0)
    s2 = np.zeros_like(x0)
    n = np.zeros_like(x0)
    for dr in (0, 1, 2):
        for dc in (0, 1, 2):
            xs = xp[dr : dr + rows, dc : dc + cols]
            s += xs
            s2 += xs * xs
            n += vp[dr : dr + rows, dc : dc + cols]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = s / n
        var = np.maximum(s2 / n - mean * mean, 0.0)
    var[~valid] = np.nan
    return var.astype(np.float32)


@dataclass
class FeatureSpec:
    """Which features a classifier sees: reflectance of mapped bands, indices, optional texture."""

    roles: BandRoles
    indices: List[str] = field(default_factory=list)
    texture: bool = False

    @classmethod
    def default(cls, roles: BandRoles, texture: bool = False) -> FeatureSpec:
        wanted = [i for i in ("NDVI", "NDWI", "NDBI") if roles.has(*INDEX_ROLES[i])]
        if texture and "NDVI" not in wanted:
            raise ValueError("Texture needs NDVI (red and NIR bands).")
        return cls(roles=roles, indices=wanted, texture=texture)

    @property
    def names(self) -> List[str]:
        out = list(self.roles.bands()) + list(self.indices)
        if self.texture:
            out.append(TEXTURE_FEATURE)
        return out

    @property
    def halo(self) -> int:
        return 1 if self.texture else 0

    def compute(self, refl: Dict[str, np.ndarray]) -> np.ndarray:
        """Features (n_features, rows, cols) float32 from reflectance rows that include the halo.

        The halo (``self.halo`` rows above and below and columns left and right) is removed from
        the result. A pixel with any NaN feature is not classifiable.
        """
        h = self.halo
        layers = []
        for role in self.roles.bands():
            layers.append(refl[role])
        ndvi = None
        for name in self.indices:
            arr = compute_index(name, refl)
            if name == "NDVI":
                ndvi = arr
            layers.append(arr)
        if self.texture:
            if ndvi is None:
                ndvi = compute_index("NDVI", refl)
            layers.append(local_variance3(ndvi))
        stack = np.stack(layers).astype(np.float32, copy=False)
        if h:
            stack = stack[:, h : stack.shape[1] - h, h : stack.shape[2] - h]
        return stack

    def to_dict(self) -> dict:
        return {
            "roles": self.roles.to_dict(),
            "indices": list(self.indices),
            "texture": self.texture,
        }

    @classmethod
    def from_dict(cls, data: dict) -> FeatureSpec:
        indices = [str(i).upper() for i in data.get("indices", [])]
        for name in indices:
            if name not in INDEX_NAMES:
                raise ModelFileError("Unknown index in model file: {n}".format(n=name))
        return cls(
            roles=BandRoles.from_dict(data.get("roles", {})),
            indices=indices,
            texture=bool(data.get("texture", False)),
        )


def pixels_from_features(features: np.ndarray) -> tuple:
    """(n_features, rows, cols) → (X (n_valid, n_features), valid mask (rows, cols))."""
    nf = features.shape[0]
    flat = features.reshape(nf, -1)
    valid = np.isfinite(flat).all(axis=0)
    return np.ascontiguousarray(flat[:, valid].T), valid.reshape(features.shape[1:])


# --------------------------------------------------------------------------------------------------
# Otsu
# --------------------------------------------------------------------------------------------------
def otsu_threshold(hist: np.ndarray, edges: np.ndarray) -> float:
    """Otsu (1979) threshold from a histogram: maximises the between-class variance.

    Returns the upper edge of the last bin of the lower class; values ``> t`` form the upper class.
    When empty bins make several thresholds equally good, the middle of that run is taken.
    """
    hist = np.asarray(hist, dtype=np.float64)
    edges = np.asarray(edges, dtype=np.float64)
    if hist.ndim != 1 or edges.shape != (hist.size + 1,):
        raise ValueError("edges must have one element more than hist")
    total = hist.sum()
    if total <= 0:
        raise ValueError("Otsu threshold of an empty histogram")
    centers = 0.5 * (edges[:-1] + edges[1:])
    p = hist / total
    w0 = np.cumsum(p)
    mu = np.cumsum(p * centers)
    mu_t = mu[-1]
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma_b = (mu_t * w0 - mu) ** 2 / (w0 * (1.0 - w0))
    sigma_b[~np.isfinite(sigma_b)] = -1.0
    if hist.size == 1:
        return float(edges[1])
    sb = sigma_b[:-1]
    k = int(np.argmax(sb))
    # Empty bins between the modes give an exact plateau: take its middle, not its first bin.
    end = k
    while end + 1 < sb.size and sb[end + 1] == sb[k]:
        end += 1
    k = (k + end) // 2
    return float(edges[k + 1])


def otsu_from_values(values: np.ndarray, bins: int = 256, value_range=(-1.0, 1.0)) -> float:
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v)]
    hist, edges = np.histogram(v, bins=bins, range=value_range)
    return otsu_threshold(hist, edges)


# --------------------------------------------------------------------------------------------------
# Classifiers
# --------------------------------------------------------------------------------------------------
def _check_training(x: np.ndarray, y: np.ndarray) -> tuple:
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y).astype(np.int64)
    if x.ndim != 2 or y.ndim != 1 or x.shape[0] != y.shape[0]:
        raise ValueError("Training data must be X (n, d) and y (n,).")
    if x.shape[0] == 0:
        raise ValueError("No training pixels.")
    if not np.isfinite(x).all():
        raise ValueError("Training features contain NaN or infinite values.")
    classes = np.unique(y)
    if classes.size < 2:
        raise ValueError("At least two classes are needed to train a classifier.")
    return x, y, classes


class GaussianMLClassifier:
    """Gaussian maximum likelihood: one mean and covariance per class, equal priors.

    The covariance is regularised (shrunk 1 % toward its diagonal, plus a ridge of 1e-6 × the mean
    variance) so classes with few or collinear training pixels still give a positive-definite matrix.
    Predicts the class of largest log-likelihood ``-½ (ln|Σ| + (x-μ)ᵀ Σ⁻¹ (x-μ))``.
    """

    kind = "gaussian_ml"

    def __init__(self, shrinkage: float = 0.01, ridge: float = 1e-6):
        self.shrinkage = float(shrinkage)
        self.ridge = float(ridge)
        self.classes_: np.ndarray = np.zeros(0, dtype=np.int64)
        self.means_: np.ndarray = np.zeros((0, 0))
        self.covariances_: np.ndarray = np.zeros((0, 0, 0))
        self.counts_: np.ndarray = np.zeros(0, dtype=np.int64)
        self._prepared = None

    def fit(self, x: np.ndarray, y: np.ndarray) -> GaussianMLClassifier:
        x, y, classes = _check_training(x, y)
        d = x.shape[1]
        means, covs, counts = [], [], []
        for c in classes:
            xc = x[y == c]
            mu = xc.mean(axis=0)
            if xc.shape[0] > 1:
                cov = np.cov(xc, rowvar=False).reshape(d, d)
            else:
                cov = np.zeros((d, d))
            means.append(mu)
            covs.append(cov)
            counts.append(xc.shape[0])
        covs = np.array(covs)
        pooled_var = np.array([np.diag(c) for c in covs]).mean(axis=0)
        floor = np.maximum(pooled_var, 1e-12)
        regularized = []
        for cov in covs:
            diag = np.diag(np.maximum(np.diag(cov), floor * 1e-3))
            reg = (1.0 - self.shrinkage) * cov + self.shrinkage * diag
            reg = reg + np.eye(d) * (self.ridge * float(floor.mean()) + 1e-12)
            regularized.append(0.5 * (reg + reg.T))
        self.classes_ = classes.astype(np.int64)
        self.means_ = np.array(means)
        self.covariances_ = np.array(regularized)
        self.counts_ = np.array(counts, dtype=np.int64)
        self._prepared = None
        return self

    def _prepare(self):
        if self._prepared is None:
            inv_l, logdet = [], []
            for cov in self.covariances_:
                chol = np.linalg.cholesky(cov)
                inv_l.append(np.linalg.inv(chol))
                logdet.append(2.0 * np.log(np.diag(chol)).sum())
            self._prepared = (np.array(inv_l), np.array(logdet))
        return self._prepared

    def log_likelihood(self, x: np.ndarray) -> np.ndarray:
        """(n, k) log-likelihoods up to a common constant."""
        x = np.asarray(x, dtype=np.float64)
        inv_l, logdet = self._prepare()
        out = np.empty((x.shape[0], self.classes_.size))
        for k in range(self.classes_.size):
            z = (x - self.means_[k]) @ inv_l[k].T
            out[:, k] = -0.5 * (logdet[k] + np.einsum("ij,ij->i", z, z))
        return out

    def predict(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 0:
            return np.zeros(0, dtype=np.int64)
        return self.classes_[np.argmax(self.log_likelihood(x), axis=1)]

    def params_to_dict(self) -> dict:
        return {
            "shrinkage": self.shrinkage,
            "ridge": self.ridge,
            "means": self.means_.tolist(),
            "covariances": self.covariances_.tolist(),
            "counts": self.counts_.tolist(),
        }

    @classmethod
    def from_params(cls, params: dict, classes: Sequence[int], n_features: int):
        k, d = len(classes), n_features
        try:
            means = np.array(params["means"], dtype=np.float64)
            covs = np.array(params["covariances"], dtype=np.float64)
        except (KeyError, TypeError, ValueError) as err:
            raise ModelFileError("Model file: bad Gaussian parameters ({e})".format(e=err)) from err
        if means.shape != (k, d) or covs.shape != (k, d, d):
            raise ModelFileError(
                "Model file: means {m} / covariances {c} do not match {k} classes × {d} features".format(
                    m=means.shape, c=covs.shape, k=k, d=d
                )
            )
        if not (np.isfinite(means).all() and np.isfinite(covs).all()):
            raise ModelFileError("Model file: non-finite Gaussian parameters")
        model = cls(float(params.get("shrinkage", 0.01)), float(params.get("ridge", 1e-6)))
        model.classes_ = np.asarray(classes, dtype=np.int64)
        model.means_ = means
        model.covariances_ = covs
        model.counts_ = np.asarray(params.get("counts", [0] * k), dtype=np.int64)
        try:
            model._prepare()
        except np.linalg.LinAlgError as err:
            raise ModelFileError(
                "Model file: a covariance matrix is not positive definite"
            ) from err
        return model


def sklearn_available() -> bool:
    try:
        import sklearn.ensemble  # noqa: F401
    except ImportError:
        return False
    return True


class RandomForestModel:
    """A random forest as plain node arrays, predicted by a vectorised numpy tree walker.

    ``from_sklearn`` copies ``children_left/right``, ``feature``, ``threshold`` and the per-node class
    probabilities (``value`` normalised as scikit-learn's ``predict_proba`` does) out of a fitted
    ``sklearn.ensemble.RandomForestClassifier``. ``predict`` compares float32 features with float64
    thresholds and averages tree probabilities in tree order, exactly as scikit-learn does, so a saved
    model predicts the same classes as the live one — without ever unpickling anything.
    """

    kind = "random_forest"

    def __init__(self, classes: Sequence[int], trees: List[dict], n_features: int, meta=None):
        self.classes_ = np.asarray(classes, dtype=np.int64)
        self.trees = trees
        self.n_features = int(n_features)
        self.meta = dict(meta or {})

    @classmethod
    def fit(
        cls,
        x: np.ndarray,
        y: np.ndarray,
        seed: int = 0,
        n_estimators: int = 100,
        max_depth: Optional[int] = None,
        min_samples_leaf: int = 1,
    ) -> RandomForestModel:
        from sklearn.ensemble import RandomForestClassifier

        x, y, _classes = _check_training(x, y)
        clf = RandomForestClassifier(
            n_estimators=int(n_estimators),
            max_depth=max_depth,
            min_samples_leaf=int(min_samples_leaf),
            class_weight="balanced",
            random_state=int(seed),
            n_jobs=1,
        )
        clf.fit(x.astype(np.float32), y)
        return cls.from_sklearn(clf)

    @classmethod
    def from_sklearn(cls, clf) -> RandomForestModel:
        trees = []
        for est in clf.estimators_:
            t = est.tree_
            value = np.asarray(t.value)[:, 0, :].astype(np.float64)
            norm = value.sum(axis=1)
            norm[norm == 0.0] = 1.0
            trees.append(
                {
                    "children_left": np.asarray(t.children_left, dtype=np.int64),
                    "children_right": np.asarray(t.children_right, dtype=np.int64),
                    "feature": np.asarray(t.feature, dtype=np.int64),
                    "threshold": np.asarray(t.threshold, dtype=np.float64),
                    "proba": value / norm[:, None],
                }
            )
        meta = {
            "n_estimators": len(trees),
            "random_state": getattr(clf, "random_state", None),
            "sklearn_version": _sklearn_version(),
        }
        return cls(clf.classes_, trees, clf.n_features_in_, meta)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        x32 = np.asarray(x, dtype=np.float32)
        n = x32.shape[0]
        total = np.zeros((n, self.classes_.size), dtype=np.float64)
        for tree in self.trees:
            left, right = tree["children_left"], tree["children_right"]
            feat, thr = tree["feature"], tree["threshold"]
            node = np.zeros(n, dtype=np.int64)
            idx = np.arange(n)
            while idx.size:
                nd = node[idx]
                internal = left[nd] != -1
                if not internal.all():
                    idx = idx[internal]
                    nd = nd[internal]
                    if not idx.size:
                        break
                go_left = x32[idx, feat[nd]] <= thr[nd]
                node[idx] = np.where(go_left, left[nd], right[nd])
            total += tree["proba"][node]
        total /= len(self.trees)
        return total

    def predict(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 0:
            return np.zeros(0, dtype=np.int64)
        return self.classes_[np.argmax(self.predict_proba(x), axis=1)]

    def params_to_dict(self) -> dict:
        return {
            "meta": self.meta,
            "trees": [
                {key: np.asarray(val).tolist() for key, val in tree.items()} for tree in self.trees
            ],
        }

    @classmethod
    def from_params(cls, params: dict, classes: Sequence[int], n_features: int):
        k = len(classes)
        raw_trees = params.get("trees")
        if not isinstance(raw_trees, list) or not raw_trees:
            raise ModelFileError("Model file: a random forest needs a non-empty list of trees")
        trees = []
        for i, raw in enumerate(raw_trees):
            try:
                tree = {
                    "children_left": np.asarray(raw["children_left"], dtype=np.int64),
                    "children_right": np.asarray(raw["children_right"], dtype=np.int64),
                    "feature": np.asarray(raw["feature"], dtype=np.int64),
                    "threshold": np.asarray(raw["threshold"], dtype=np.float64),
                    "proba": np.asarray(raw["proba"], dtype=np.float64),
                }
            except (KeyError, TypeError, ValueError) as err:
                raise ModelFileError(
                    "Model file: tree {i} is malformed ({e})".format(i=i, e=err)
                ) from err
            _validate_tree(tree, k, n_features, i)
            trees.append(tree)
        return cls(classes, trees, n_features, params.get("meta"))


def _validate_tree(tree: dict, k: int, d: int, i: int) -> None:
    left, right = tree["children_left"], tree["children_right"]
    feat, thr, proba = tree["feature"], tree["threshold"], tree["proba"]
    n = left.shape[0]
    if n == 0 or any(a.ndim != 1 or a.shape[0] != n for a in (left, right, feat, thr)):
        raise ModelFileError("Model file: tree {i} has arrays of different lengths".format(i=i))
    if proba.shape != (n, k):
        raise ModelFileError(
            "Model file: tree {i} probabilities {s} do not match {n} nodes × {k} classes".format(
                i=i, s=proba.shape, n=n, k=k
            )
        )
    leaf = left == -1
    if not np.array_equal(leaf, right == -1):
        raise ModelFileError("Model file: tree {i} has half-leaf nodes".format(i=i))
    nodes = np.arange(n)
    internal = ~leaf
    # Children always come after their parent: the walk cannot loop and always ends in a leaf.
    if (left[internal] <= nodes[internal]).any() or (right[internal] <= nodes[internal]).any():
        raise ModelFileError("Model file: tree {i} is not a valid tree".format(i=i))
    if (left[internal] >= n).any() or (right[internal] >= n).any():
        raise ModelFileError("Model file: tree {i} refers to missing nodes".format(i=i))
    if ((feat[internal] < 0) | (feat[internal] >= d)).any():
        raise ModelFileError("Model file: tree {i} uses unknown features".format(i=i))
    if not (np.isfinite(thr[internal]).all() and np.isfinite(proba).all()):
        raise ModelFileError("Model file: tree {i} has non-finite numbers".format(i=i))


def _sklearn_version() -> Optional[str]:
    try:
        import sklearn

        return str(sklearn.__version__)
    except ImportError:  # pragma: no cover
        return None


class OtsuNdviModel:
    """Unsupervised two-class map: NDVI > threshold → vegetation, else non-vegetation."""

    kind = "ndvi_otsu"

    def __init__(self, threshold: float, green_code: int = 1, other_code: int = 4):
        self.threshold = float(threshold)
        self.classes_ = np.array([green_code, other_code], dtype=np.int64)

    def predict_ndvi(self, ndvi: np.ndarray) -> np.ndarray:
        return np.where(ndvi > self.threshold, self.classes_[0], self.classes_[1])

    def params_to_dict(self) -> dict:
        return {"threshold": self.threshold}

    @classmethod
    def from_params(cls, params: dict, classes: Sequence[int], n_features: int):
        if len(classes) != 2:
            raise ModelFileError("Model file: an NDVI threshold model has exactly two classes")
        try:
            threshold = float(params["threshold"])
        except (KeyError, TypeError, ValueError) as err:
            raise ModelFileError("Model file: missing NDVI threshold") from err
        if not math.isfinite(threshold):
            raise ModelFileError("Model file: non-finite NDVI threshold")
        return cls(threshold, int(classes[0]), int(classes[1]))


KINDS = {
    GaussianMLClassifier.kind: GaussianMLClassifier,
    RandomForestModel.kind: RandomForestModel,
    OtsuNdviModel.kind: OtsuNdviModel,
}


# --------------------------------------------------------------------------------------------------
# Model envelope and data-only persistence
# --------------------------------------------------------------------------------------------------
@dataclass
class ClassifierModel:
    """A fitted classifier with everything needed to apply it again."""

    estimator: object
    features: FeatureSpec
    class_names: Dict[int, str] = field(default_factory=dict)
    plugin_version: str = ""
    info: dict = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.estimator.kind

    @property
    def classes(self) -> List[int]:
        return [int(c) for c in self.estimator.classes_]

    def predict_features(self, features: np.ndarray) -> np.ndarray:
        """(n_features, rows, cols) → uint8 classes, 0 where any feature is NaN."""
        x, valid = pixels_from_features(features)
        out = np.zeros(valid.shape, dtype=np.uint8)
        if x.shape[0]:
            pred = np.empty(x.shape[0], dtype=np.uint8)
            # chunks bound the float64 temporaries of the likelihoods / tree walk
            for start in range(0, x.shape[0], PREDICT_CHUNK):
                xc = x[start : start + PREDICT_CHUNK]
                if isinstance(self.estimator, OtsuNdviModel):
                    pc = self.estimator.predict_ndvi(xc[:, self.features.names.index("NDVI")])
                else:
                    pc = self.estimator.predict(xc)
                pred[start : start + xc.shape[0]] = pc
            out[valid] = pred
        return out

    def to_dict(self) -> dict:
        return {
            "format": MODEL_FORMAT,
            "format_version": MODEL_FORMAT_VERSION,
            "kind": self.kind,
            "plugin_version": self.plugin_version,
            "classes": [{"code": c, "name": self.class_names.get(c, str(c))} for c in self.classes],
            "features": self.features.names,
            "feature_spec": self.features.to_dict(),
            "band_roles": self.features.roles.to_dict(),
            "info": self.info,
            "params": self.estimator.params_to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict) -> ClassifierModel:
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ModelFileError(
                "Not an Urban Carbon Pool classifier model (format tag {t!r} missing).".format(
                    t=MODEL_FORMAT
                )
            )
        version = data.get("format_version")
        if not isinstance(version, int) or version < 1 or version > MODEL_FORMAT_VERSION:
            raise ModelFileError(
                "Unsupported model format version {v!r} (this plugin reads ≤ {m}).".format(
                    v=version, m=MODEL_FORMAT_VERSION
                )
            )
        kind = data.get("kind")
        if kind not in KINDS:
            raise ModelFileError("Unknown classifier kind {k!r}.".format(k=kind))
        try:
            classes = [int(c["code"]) for c in data["classes"]]
            names = {int(c["code"]): str(c.get("name", c["code"])) for c in data["classes"]}
            spec = FeatureSpec.from_dict(data["feature_spec"])
            declared = [str(f) for f in data["features"]]
        except (KeyError, TypeError, ValueError) as err:
            raise ModelFileError("Model file is incomplete ({e}).".format(e=err)) from err
        if declared != spec.names:
            raise ModelFileError("Model file: feature list does not match its band roles/indices.")
        if len(set(classes)) != len(classes) or not all(1 <= c <= 255 for c in classes):
            raise ModelFileError("Model file: class codes must be unique integers 1–255.")
        params = data.get("params")
        if not isinstance(params, dict):
            raise ModelFileError("Model file: missing parameters.")
        estimator = KINDS[kind].from_params(params, classes, len(declared))
        if [int(c) for c in estimator.classes_] != classes:
            raise ModelFileError("Model file: class order mismatch.")
        return cls(
            estimator=estimator,
            features=spec,
            class_names=names,
            plugin_version=str(data.get("plugin_version", "")),
            info=dict(data.get("info") or {}),
        )

    def save(self, path) -> None:
        path = Path(path)
        payload = self.to_dict()
        if path.suffix.lower() == ".npz":
            text = json.dumps(payload, ensure_ascii=False)
            np.savez_compressed(path, model_json=np.array(text))
        else:
            path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path) -> ClassifierModel:
        path = Path(path)
        if not path.is_file():
            raise ModelFileError("Model file not found: {p}".format(p=path))
        if path.stat().st_size > MAX_MODEL_BYTES:
            raise ModelFileError("Model file is larger than 512 MB; refused.")
        if path.suffix.lower() == ".npz":
            try:
                with np.load(path, allow_pickle=False) as npz:
                    arr = npz["model_json"]
                    if arr.dtype.kind != "U" or arr.ndim != 0:
                        raise ModelFileError("Model file: unexpected content in .npz")
                    text = str(arr[()])
            except (ValueError, KeyError, OSError) as err:
                raise ModelFileError("Model file could not be read ({e}).".format(e=err)) from err
        else:
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError) as err:
                raise ModelFileError("Model file is not UTF-8 JSON ({e}).".format(e=err)) from err
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise ModelFileError("Model file is not valid JSON ({e}).".format(e=err)) from err
        return cls.from_dict(data)


def fit_classifier(
    kind: str,
    x: np.ndarray,
    y: np.ndarray,
    spec: FeatureSpec,
    seed: int = 0,
    class_names: Optional[Dict[int, str]] = None,
    plugin_version: str = "",
    rf_trees: int = 100,
) -> ClassifierModel:
    """Fit a Gaussian ML (``gaussian_ml``) or random forest (``random_forest``) model."""
    if kind == GaussianMLClassifier.kind:
        est = GaussianMLClassifier().fit(x, y)
    elif kind == RandomForestModel.kind:
        est = RandomForestModel.fit(x, y, seed=seed, n_estimators=rf_trees)
    else:
        raise ValueError("Unknown classifier {k!r}".format(k=kind))
    codes = [int(c) for c in est.classes_]
    if not all(1 <= c <= 255 for c in codes):
        raise ValueError("Class codes must be integers from 1 to 255 (0 is nodata).")
    counts = {int(c): int((np.asarray(y) == c).sum()) for c in codes}
    return ClassifierModel(
        estimator=est,
        features=spec,
        class_names=dict(class_names or {}),
        plugin_version=plugin_version,
        info={"seed": int(seed), "training_pixels": counts},
    )


def balanced_subsample(
    y: np.ndarray, max_per_class: int, seed: int = 0, groups: Optional[np.ndarray] = None
) -> np.ndarray:
    """Indices keeping at most ``max_per_class`` pixels per class (seeded, order preserved)."""
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    keep = []
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        if idx.size > max_per_class:
            idx = np.sort(rng.choice(idx, size=max_per_class, replace=False))
        keep.append(idx)
    return np.sort(np.concatenate(keep)) if keep else np.zeros(0, dtype=np.int64)


def group_holdout(
    y: np.ndarray, groups: np.ndarray, fraction: float = 0.3, seed: int = 0
) -> np.ndarray:
    """Boolean mask of held-out pixels: whole training features (groups), ~``fraction`` per class.

    A class with a single feature is never held out (it is needed for fitting).
    """
    y = np.asarray(y)
    groups = np.asarray(groups)
    rng = np.random.default_rng(seed)
    held = np.zeros(y.shape, dtype=bool)
    for c in np.unique(y):
        g = np.unique(groups[y == c])
        if g.size < 2:
            continue
        n_out = max(1, int(round(fraction * g.size)))
        n_out = min(n_out, g.size - 1)
        out = rng.choice(g, size=n_out, replace=False)
        held |= (y == c) & np.isin(groups, out)
    return held
