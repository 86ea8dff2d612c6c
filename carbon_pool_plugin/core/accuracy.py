"""Accuracy assessment and area estimation for a classified map (pure numpy).

Conventions follow Olofsson et al. (2014) "Good practices for estimating area and assessing accuracy
of land change", Remote Sensing of Environment 148: 42–57 (also Olofsson et al. 2013, RSE 129:
122–131; Cochran 1977 for the stratified estimator):

- error matrix of sample counts ``n[i, j]``: rows ``i`` = map class (= stratum), columns ``j`` =
  reference class; ``n_i.`` the row totals;
- ``W_i = A_m,i / A_tot`` the mapped-area weight of stratum ``i``;
- estimated area proportions ``p_ij = W_i n_ij / n_i.`` (Eq. 4); area of reference class ``j``
  ``p_.j = Σ_i p_ij`` (Eq. 9), ``Â_j = A_tot p_.j``;
- ``SE(p_.j) = sqrt(Σ_i W_i² (n_ij/n_i.)(1 − n_ij/n_i.)/(n_i. − 1))`` (Eq. 10), 95 % CI = ±1.96 SE;
- user's accuracy ``U_i = p_ii/p_i.``, producer's ``P_j = p_jj/p_.j``, overall ``O = Σ p_jj``
  (Eq. 1–3) with the variances of Olofsson et al. (2013, Eq. 5–7);
- kappa and F1 from the sample counts (kappa is reported because it is asked for, not recommended).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

import numpy as np

Z95 = 1.96  # as used by Olofsson et al. (2014) for their published intervals


def confusion_matrix(
    map_classes: Sequence[int], ref_classes: Sequence[int], classes: Optional[Sequence[int]] = None
) -> tuple:
    """(matrix, classes): rows = map class, columns = reference class, sample counts."""
    m = np.asarray(map_classes).astype(np.int64)
    r = np.asarray(ref_classes).astype(np.int64)
    if m.shape != r.shape:
        raise ValueError("map and reference labels differ in length")
    if classes is None:
        classes = np.unique(np.concatenate([m, r]))
    classes = np.asarray(classes, dtype=np.int64)
    index = {int(c): i for i, c in enumerate(classes)}
    k = classes.size
    mat = np.zeros((k, k), dtype=np.int64)
    for a, b in zip(m.tolist(), r.tolist()):
        if a in index and b in index:
            mat[index[a], index[b]] += 1
    return mat, classes


def overall_accuracy(matrix: np.ndarray) -> float:
    mat = np.asarray(matrix, dtype=np.float64)
    total = mat.sum()
    return float(np.trace(mat) / total) if total else float("nan")


def kappa(matrix: np.ndarray) -> float:
    """Cohen's kappa from sample counts."""
    mat = np.asarray(matrix, dtype=np.float64)
    n = mat.sum()
    if n == 0:
        return float("nan")
    po = np.trace(mat) / n
    pe = float((mat.sum(axis=0) * mat.sum(axis=1)).sum()) / (n * n)
    return float((po - pe) / (1.0 - pe)) if pe < 1.0 else float("nan")


def _div(a, b):
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    out = np.full(np.broadcast(a, b).shape, np.nan)
    np.divide(a, b, out=out, where=b != 0)
    return out


def sample_class_metrics(matrix: np.ndarray) -> Dict[str, np.ndarray]:
    """Per-class user's, producer's accuracy and F1 from sample counts (no area weighting)."""
    mat = np.asarray(matrix, dtype=np.float64)
    diag = np.diag(mat)
    users = _div(diag, mat.sum(axis=1))
    producers = _div(diag, mat.sum(axis=0))
    f1 = _div(2 * users * producers, users + producers)
    return {"users": users, "producers": producers, "f1": f1}


@dataclass
class AreaEstimate:
    """Olofsson et al. (2014) stratified estimates; arrays are in class order."""

    classes: np.ndarray
    counts: np.ndarray  # n_ij
    weights: np.ndarray  # W_i
    proportions: np.ndarray  # p_ij
    area_proportion: np.ndarray  # p_.j
    area_proportion_se: np.ndarray
    area: np.ndarray  # Â_j, in the unit of mapped_area
    area_se: np.ndarray
    area_ci95: np.ndarray  # half-width
    users: np.ndarray
    users_se: np.ndarray
    producers: np.ndarray
    producers_se: np.ndarray
    overall: float
    overall_se: float
    f1: np.ndarray
    total_area: float

    def as_rows(self) -> List[dict]:
        rows = []
        for i, c in enumerate(self.classes):
            rows.append(
                {
                    "class": int(c),
                    "users": float(self.users[i]),
                    "users_ci95": float(Z95 * self.users_se[i]),
                    "producers": float(self.producers[i]),
                    "producers_ci95": float(Z95 * self.producers_se[i]),
                    "f1": float(self.f1[i]),
                    "area": float(self.area[i]),
                    "area_ci95": float(self.area_ci95[i]),
                    "area_proportion": float(self.area_proportion[i]),
                }
            )
        return rows


def olofsson_estimate(
    matrix: np.ndarray, mapped_area: Sequence[float], classes: Optional[Sequence[int]] = None
) -> AreaEstimate:
    """Stratified (map classes = strata) estimates of area, accuracy and their standard errors.

    ``matrix[i, j]`` are sample counts (map ``i``, reference ``j``); ``mapped_area[i]`` the mapped area
    (or pixel count) of map class ``i``. A stratum with fewer than two samples contributes zero
    variance (its SE term is undefined); such strata should be avoided by the sample design.
    """
    n = np.asarray(matrix, dtype=np.float64)
    k = n.shape[0]
    if n.shape != (k, k):
        raise ValueError("the error matrix must be square")
    a_map = np.asarray(mapped_area, dtype=np.float64)
    if a_map.shape != (k,):
        raise ValueError("one mapped area per class is needed")
    if (a_map < 0).any() or a_map.sum() <= 0:
        raise ValueError("mapped areas must be non-negative with a positive total")
    total = float(a_map.sum())
    w = a_map / total
    n_i = n.sum(axis=1)
    if ((n_i == 0) & (w > 0)).any():
        raise ValueError("every mapped class needs at least one reference sample")
    frac = _div(n, n_i[:, None])  # n_ij / n_i.
    frac = np.nan_to_num(frac)
    p = w[:, None] * frac
    p_dot_j = p.sum(axis=0)
    p_i_dot = p.sum(axis=1)
    denom = np.where(n_i > 1, n_i - 1.0, np.inf)
    var_pj = ((w[:, None] ** 2) * frac * (1.0 - frac) / denom[:, None]).sum(axis=0)
    se_pj = np.sqrt(var_pj)

    diag = np.diag(p)
    users = _div(diag, p_i_dot)
    producers = _div(diag, p_dot_j)
    overall = float(diag.sum())
    u = np.nan_to_num(users)
    users_var = u * (1.0 - u) / denom
    overall_var = float((w**2 * u * (1.0 - u) / denom).sum())

    # Producer's accuracy variance (Olofsson et al. 2013 Eq. 7), with N_i. = mapped area of i.
    n_hat_j = (a_map[:, None] * frac).sum(axis=0)  # estimated reference total of class j
    producers_var = np.full(k, np.nan)
    for j in range(k):
        if n_hat_j[j] <= 0:
            continue
        pj = producers[j]
        term1 = a_map[j] ** 2 * (1.0 - pj) ** 2 * u[j] * (1.0 - u[j]) / denom[j]
        others = [i for i in range(k) if i != j]
        term2 = pj**2 * sum(
            a_map[i] ** 2 * frac[i, j] * (1.0 - frac[i, j]) / denom[i] for i in others
        )
        producers_var[j] = (term1 + term2) / n_hat_j[j] ** 2
    f1 = _div(2 * users * producers, users + producers)
    cls = np.arange(k) if classes is None else np.asarray(classes, dtype=np.int64)
    return AreaEstimate(
        classes=cls,
        counts=n,
        weights=w,
        proportions=p,
        area_proportion=p_dot_j,
        area_proportion_se=se_pj,
        area=p_dot_j * total,
        area_se=se_pj * total,
        area_ci95=Z95 * se_pj * total,
        users=users,
        users_se=np.sqrt(users_var),
        producers=producers,
        producers_se=np.sqrt(producers_var),
        overall=overall,
        overall_se=float(np.sqrt(overall_var)),
        f1=f1,
        total_area=total,
    )


def allocate_stratified(
    mapped_counts: Sequence[int],
    n_total: Optional[int] = None,
    n_per_class: Optional[int] = None,
    min_per_class: int = 0,
) -> np.ndarray:
    """Sample size per stratum.

    - ``n_per_class``: equal allocation (capped by the stratum size);
    - ``n_total``: proportional to mapped area, but every class gets at least ``min_per_class``
      (Olofsson et al. 2014 §5.1.1 recommend shifting samples toward rare classes); the remainder is
      shared in proportion to area with the largest-remainder rule so the sizes sum to ``n_total``.
    Never more samples than pixels in a stratum.
    """
    counts = np.asarray(mapped_counts, dtype=np.int64)
    if (counts < 0).any():
        raise ValueError("mapped counts must be non-negative")
    if n_per_class is not None and n_per_class > 0:
        return np.minimum(counts, int(n_per_class))
    if n_total is None or n_total <= 0:
        raise ValueError("give n_total or n_per_class")
    present = counts > 0
    floor = np.where(present, np.minimum(counts, int(min_per_class)), 0)
    remaining = int(n_total) - int(floor.sum())
    alloc = floor.astype(np.int64)
    if remaining > 0:
        room = counts - alloc
        weights = np.where(room > 0, counts, 0).astype(np.float64)
        for _ in range(10):
            if remaining <= 0 or weights.sum() == 0:
                break
            share = remaining * weights / weights.sum()
            add = np.minimum(np.floor(share).astype(np.int64), room)
            leftover = remaining - int(add.sum())
            order = np.argsort(-(share - np.floor(share)), kind="stable")
            for i in order:
                if leftover <= 0:
                    break
                if add[i] < room[i] and weights[i] > 0:
                    add[i] += 1
                    leftover -= 1
            alloc += add
            room = counts - alloc
            remaining = int(n_total) - int(alloc.sum())
            weights = np.where(room > 0, counts, 0).astype(np.float64)
    return alloc


def choose_sample_ordinals(
    counts: Sequence[int], sizes: Sequence[int], seed: int
) -> List[np.ndarray]:
    """For each stratum, sorted random ordinals (0 … count-1) of the pixels to sample, seeded.

    A raster scan that counts the pixels of each class in order can turn ordinals into positions,
    block by block, so the choice is independent of the block size.
    """
    rng = np.random.default_rng(seed)
    out = []
    for count, size in zip(counts, sizes):
        count, size = int(count), int(size)
        if size <= 0 or count <= 0:
            out.append(np.zeros(0, dtype=np.int64))
            continue
        out.append(
            np.sort(rng.choice(count, size=min(size, count), replace=False)).astype(np.int64)
        )
    return out
