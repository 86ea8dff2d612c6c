"""Permanent sample-plot network design: shapes, subplots, ids, candidates, thinning, shortfall.

Pure Python + numpy/scipy (matplotlib.path only for the optional pure-Python containment test);
no QGIS import. The QGIS adapter (``algorithms/design_plots.py``) supplies exact GEOS containment
through the :class:`Containment` protocol; :class:`PathContainment` is the pure-Python fallback
used by the unit tests.

Science (science.md section 7):

* 7.1 i-Tree Eco: circular plot of 0.04 ha (radius 11.284 m; 1/10 acre = 404.7 m^2 rounds to the
  0.04 ha used here and in the sample data).
* 7.2 Thai practice: TGO T-VER-S-TOOL-01-01 100 x 100 m plot in 100 subplots of 10 x 10 m,
  numbered serpentine 1-100 -- 1 at the SE corner, running north to 10, then (next column
  west) south to 20, and so on, oriented N. GISTDA 40 x 40 m plot with 16 subplots of 10 x 10 m
  (the GISTDA numbering is not published [U]; the TGO serpentine rule is used for it too so a
  crew learns one rule).
* 7.3 Sample size: BioCarbon Fund Sourcebook -- implemented once, in
  :func:`carbon_pool_plugin.core.sampling_stats.sample_size`; :func:`sample_size_plan` only
  prepares its inputs (CV table, pilot plots).

Every loop that searches for plot positions is bounded by a candidate budget and a stagnation
limit: an impossible request ends quickly with a shortfall, never with an endless loop.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from .messages import Message
from .sampling_stats import SampleSizeResult, sample_size
from .units import RAI_M2

__all__ = [
    "PlotShape",
    "SHAPE_KEYS",
    "make_shape",
    "serpentine_number",
    "serpentine_cells",
    "utm_epsg",
    "parse_key_values",
    "stratum_codes",
    "plot_number",
    "new_plot_ids",
    "PolygonSet",
    "Containment",
    "PathContainment",
    "DesignResult",
    "design_random",
    "design_grid",
    "assign_ids",
    "sample_size_plan",
    "allocation_from_table",
    "EDGE_INSIDE",
    "EDGE_CENTRE",
]

EDGE_INSIDE = "inside"  # the whole plot footprint lies inside the (eligible) polygon
EDGE_CENTRE = "centre"  # the centre lies inside; the in-polygon fraction is recorded

#: Vertices of the polygon drawn for a circular plot (as in resources/sample, a 64-gon).
CIRCLE_VERTICES = 64

#: Shape keys in the order of the algorithm's PLOT_SHAPE enum.
SHAPE_KEYS: Tuple[str, ...] = ("circle", "square20", "square40", "square100")

ProgressFn = Optional[Callable[[float], None]]
CancelFn = Optional[Callable[[], bool]]


# --------------------------------------------------------------------------------------------
# Plot shapes and subplots
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlotShape:
    """A plot footprint: a circle (``size`` = radius, m) or an N-oriented square (``size`` = side)."""

    key: str
    kind: str
    size: float
    subplot: Optional[float] = None

    @property
    def area_m2(self) -> float:
        """Nominal area (the drawn 64-gon of a circle is 0.16 % smaller; use this value)."""
        if self.kind == "circle":
            return math.pi * self.size**2
        return self.size**2

    @property
    def area_rai(self) -> float:
        return self.area_m2 / RAI_M2

    @property
    def half_extent(self) -> float:
        """Half the width of the footprint's bounding box."""
        return self.size if self.kind == "circle" else self.size / 2.0

    def footprint(self, x: float, y: float) -> np.ndarray:
        """Closed ring (k + 1, 2) of the footprint centred on (x, y)."""
        if self.kind == "circle":
            a = np.linspace(0.0, 2.0 * math.pi, CIRCLE_VERTICES, endpoint=False)
            ring = np.column_stack((x + self.size * np.cos(a), y + self.size * np.sin(a)))
        else:
            h = self.size / 2.0
            ring = np.array([[x - h, y - h], [x + h, y - h], [x + h, y + h], [x - h, y + h]])
        return np.vstack((ring, ring[:1]))

    def subplots(self, x: float, y: float) -> List[Tuple[int, np.ndarray]]:
        """``(number, closed ring)`` of every subplot, serpentine-numbered (science.md 7.2)."""
        if self.kind != "square" or not self.subplot:
            return []
        n = int(round(self.size / self.subplot))
        west = x - self.size / 2.0
        south = y - self.size / 2.0
        s = self.subplot
        out = []
        for number, col_w, row_s in serpentine_cells(n, n):
            x0 = west + col_w * s
            y0 = south + row_s * s
            ring = np.array([[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]])
            out.append((number, ring))
        return out


_BASE_SHAPES = {
    "circle": PlotShape("circle", "circle", math.sqrt(400.0 / math.pi)),  # 0.04 ha, r 11.284 m
    "square20": PlotShape("square20", "square", 20.0),
    "square40": PlotShape("square40", "square", 40.0, 10.0),  # GISTDA, 16 subplots
    "square100": PlotShape("square100", "square", 100.0, 10.0),  # TGO, 100 subplots
}


def make_shape(key: str, size: Optional[float] = None) -> Tuple[PlotShape, List[str]]:
    """The plot shape ``key`` (see :data:`SHAPE_KEYS`), optionally with another radius/side.

    Returns ``(shape, notes)``. With an override the 10 m subplots are kept only when the side is
    a whole multiple of 10 m.
    """
    if key not in _BASE_SHAPES:
        raise ValueError("unknown plot shape {!r}; one of {}".format(key, ", ".join(SHAPE_KEYS)))
    base = _BASE_SHAPES[key]
    notes: List[str] = []
    if size is None or size <= 0:
        return base, notes
    sub = base.subplot
    if sub:
        ratio = size / sub
        if abs(ratio - round(ratio)) > 1e-9 or round(ratio) < 1:
            notes.append(
                Message(
                    "plot side {size:g} m is not a multiple of the {sub:g} m subplot: no subplots",
                    size=size,
                    sub=sub,
                )
            )
            sub = None
    return PlotShape(base.key, base.kind, float(size), sub), notes


def serpentine_number(col_from_east: int, row_from_south: int, n_rows: int) -> int:
    """TGO serpentine number (1-based) of a subplot (science.md 7.2).

    Columns are counted from the east (0 = easternmost), rows from the south. Column 0 runs
    north (1 at the SE corner ... ``n_rows`` at the NE corner); column 1 runs south; and so on.
    """
    if col_from_east % 2 == 0:
        k = row_from_south
    else:
        k = n_rows - 1 - row_from_south
    return col_from_east * n_rows + k + 1


def serpentine_cells(n_cols: int, n_rows: int) -> List[Tuple[int, int, int]]:
    """``(number, col_from_west, row_from_south)`` for every cell, sorted by number."""
    cells = []
    for col_e in range(n_cols):
        for row_s in range(n_rows):
            cells.append(
                (serpentine_number(col_e, row_s, n_rows), n_cols - 1 - col_e, row_s),
            )
    return sorted(cells)


# --------------------------------------------------------------------------------------------
# CRS helper, parsing, codes and ids
# --------------------------------------------------------------------------------------------


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 UTM zone holding (lon, lat): Thailand is 47N (32647) west of
    102 deg E and 48N (32648) east of it."""
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise ValueError("longitude/latitude must be finite")
    zone = int(math.floor((lon + 180.0) / 6.0)) + 1
    zone = min(max(zone, 1), 60)
    return (32600 if lat >= 0 else 32700) + zone


def parse_key_values(text: Optional[str], kind: Callable = float) -> Dict[str, object]:
    """Parse ``"park:0.6;street:0.8"`` (also ``=`` and ``,``/newline separators) into a dict."""
    out: Dict[str, object] = {}
    if not text or not str(text).strip():
        return out
    for item in re.split(r"[;\n,]", str(text)):
        item = item.strip()
        if not item:
            continue
        parts = re.split(r"[:=]", item, maxsplit=1)
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ValueError(
                "cannot read {!r}: write key:value pairs separated by ';'".format(item)
            )
        key, value = parts[0].strip(), parts[1].strip()
        try:
            out[key] = kind(value)
        except (TypeError, ValueError) as err:
            raise ValueError("bad value {!r} for {!r}".format(value, key)) from err
    return out


def default_code(stratum: str) -> str:
    """First two letters/digits of the stratum name, upper-cased ("park" -> "PA")."""
    chars = [c for c in str(stratum) if c.isalnum()]
    code = "".join(chars[:2]).upper()
    return code or "XX"


def stratum_codes(
    strata: Iterable[str], code_map: Optional[Mapping[str, str]] = None
) -> Tuple[Dict[str, str], List[str]]:
    """Stratum -> code (``code_map`` first, else :func:`default_code`) and notes on clashes."""
    code_map = {str(k): str(v).strip() for k, v in (code_map or {}).items()}
    codes: Dict[str, str] = {}
    for s in strata:
        s = str(s)
        codes[s] = code_map.get(s) or default_code(s)
    notes = []
    seen: Dict[str, List[str]] = {}
    for s, c in codes.items():
        seen.setdefault(c, []).append(s)
    for c, members in sorted(seen.items()):
        if len(members) > 1:
            notes.append(
                Message(
                    "strata {strata} share the code {code}; their plots are numbered in one series",
                    strata=", ".join(sorted(members)),
                    code=c,
                )
            )
    return codes, notes


def plot_number(plot_id: str, prefix: str) -> Optional[int]:
    """The serial ``nnnn`` of ``<prefix>-nnnn``, or None if the id has another prefix."""
    text = str(plot_id or "")
    head = prefix + "-"
    if not text.startswith(head):
        return None
    tail = text[len(head) :]
    return int(tail) if tail.isdigit() else None


def new_plot_ids(prefix: str, existing_ids: Iterable[str], count: int) -> List[str]:
    """``count`` new ids ``<prefix>-nnnn`` continuing after the largest existing serial."""
    numbers = [plot_number(i, prefix) for i in existing_ids]
    start = max([n for n in numbers if n is not None], default=0) + 1
    return ["{}-{:04d}".format(prefix, start + k) for k in range(int(count))]


# --------------------------------------------------------------------------------------------
# Polygons and containment
# --------------------------------------------------------------------------------------------


@dataclass
class PolygonSet:
    """The strata polygons in a metric CRS: stratum, bounding box (xmin, ymin, xmax, ymax), area."""

    stratum: np.ndarray
    bbox: np.ndarray
    area: np.ndarray

    def __post_init__(self) -> None:
        self.stratum = np.asarray(self.stratum, dtype=object).astype(str)
        self.bbox = np.asarray(self.bbox, dtype=float).reshape(-1, 4)
        self.area = np.asarray(self.area, dtype=float)
        if not (len(self.stratum) == len(self.bbox) == len(self.area)):
            raise ValueError("stratum, bbox and area must have the same length")

    def __len__(self) -> int:
        return len(self.stratum)


class Containment:
    """Protocol: which candidate centres give a valid plot in polygon ``poly_idx``.

    ``evaluate`` returns ``(ok, fraction)`` arrays for centres (xs, ys): under
    :data:`EDGE_INSIDE` ok means the footprint lies inside the eligible area (the polygon minus
    exclusions) and fraction is 1; under :data:`EDGE_CENTRE` ok means the centre lies inside it
    and fraction is the share of the footprint area inside it.
    """

    def evaluate(
        self, poly_idx: int, xs: np.ndarray, ys: np.ndarray
    ) -> Tuple[np.ndarray, np.ndarray]:  # pragma: no cover - protocol
        raise NotImplementedError


class PathContainment(Containment):
    """Pure-Python containment with ``matplotlib.path`` (rings as (k, 2) arrays).

    ``polygons[i]`` is a list of rings: the exterior first, then holes; ``exclusions`` a list of
    exterior rings. "Inside" tests the densified footprint boundary against the polygon and
    every polygon/exclusion vertex against the footprint; the fraction is estimated on a
    25 x 25 lattice of points in the footprint. Exact enough for tests and simple shapes; the
    QGIS algorithm uses GEOS instead.
    """

    def __init__(
        self,
        polygons: Sequence[Sequence[np.ndarray]],
        shape: PlotShape,
        edge_rule: str = EDGE_INSIDE,
        exclusions: Sequence[np.ndarray] = (),
    ) -> None:
        from matplotlib.path import Path

        self._Path = Path
        self.shape = shape
        self.edge_rule = edge_rule
        self.rings = [[np.asarray(r, dtype=float) for r in poly] for poly in polygons]
        self.paths = [[Path(r) for r in poly] for poly in self.rings]
        self.excl = [np.asarray(r, dtype=float) for r in exclusions]
        self.excl_paths = [Path(r) for r in self.excl]
        ring = shape.footprint(0.0, 0.0)
        pts = []
        for a, b in zip(ring[:-1], ring[1:]):  # densify the boundary (every ~0.5 m)
            k = max(int(math.ceil(np.hypot(*(b - a)) / 0.5)), 1)
            t = np.arange(k) / k
            pts.append(a + t[:, None] * (b - a))
        self._boundary = np.vstack(pts)
        g = (np.arange(25) + 0.5) / 25 * 2 - 1
        gx, gy = np.meshgrid(g * shape.half_extent, g * shape.half_extent)
        lattice = np.column_stack((gx.ravel(), gy.ravel()))
        if shape.kind == "circle":
            lattice = lattice[np.hypot(lattice[:, 0], lattice[:, 1]) <= shape.size]
        self._lattice = lattice

    def _eligible(self, poly_idx: int, pts: np.ndarray) -> np.ndarray:
        paths = self.paths[poly_idx]
        ok = paths[0].contains_points(pts)
        for hole in paths[1:]:
            ok &= ~hole.contains_points(pts)
        for ex in self.excl_paths:
            ok &= ~ex.contains_points(pts)
        return ok

    def evaluate(self, poly_idx, xs, ys):
        xs = np.asarray(xs, dtype=float)
        ys = np.asarray(ys, dtype=float)
        n = len(xs)
        ok = np.zeros(n, dtype=bool)
        frac = np.zeros(n)
        centres = np.column_stack((xs, ys))
        inside_c = self._eligible(poly_idx, centres) if n else ok
        foreign = np.vstack(self.rings[poly_idx] + self.excl) if n else np.empty((0, 2))
        for i in np.flatnonzero(inside_c):
            x, y = xs[i], ys[i]
            if self.edge_rule == EDGE_INSIDE:
                if not self._eligible(poly_idx, self._boundary + (x, y)).all():
                    continue
                fp = self._Path(self.shape.footprint(x, y))
                if fp.contains_points(foreign, radius=-1e-9).any():
                    continue
                ok[i], frac[i] = True, 1.0
            else:
                inside = self._eligible(poly_idx, self._lattice + (x, y))
                ok[i], frac[i] = True, float(inside.mean())
        return ok, frac


# --------------------------------------------------------------------------------------------
# Design
# --------------------------------------------------------------------------------------------


@dataclass
class DesignResult:
    """``plots``: x, y, stratum, poly_idx, fraction (new plots, in placement order).
    ``summary``: one row per stratum: requested, existing, needed, placed, total, shortfall,
    candidates. ``notes``: log lines."""

    plots: pd.DataFrame
    summary: pd.DataFrame
    notes: List[str] = field(default_factory=list)

    @property
    def n_shortfall(self) -> int:
        return int(self.summary["shortfall"].sum()) if len(self.summary) else 0


def _stratum_rng(seed: int, stratum: str) -> np.random.Generator:
    """Independent, platform-stable stream per stratum (adding a stratum never shifts others)."""
    key = zlib.crc32(str(stratum).encode("utf-8"))
    return np.random.default_rng(np.random.SeedSequence([int(seed) & 0xFFFFFFFF, key]))


class _Accepted:
    """Accepted centres (existing + placed) with KD-trees rebuilt lazily.

    Two separations: ``d`` (Euclidean, the user's minimum distance) and ``cheb`` (Chebyshev,
    the side of a square plot: N-oriented squares of side a overlap iff max(|dx|, |dy|) < a).
    """

    def __init__(self, xy: np.ndarray, min_distance: float, cheb: float = 0.0) -> None:
        self.xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        self.d = float(min_distance)
        self.cheb = float(cheb)
        self._tree = None

    def far_enough(self, pts: np.ndarray) -> np.ndarray:
        ok = np.ones(len(pts), dtype=bool)
        if len(self.xy) == 0 or len(pts) == 0 or (self.d <= 0 and self.cheb <= 0):
            return ok
        if self._tree is None:
            self._tree = cKDTree(self.xy)
        if self.d > 0:
            dist, _ = self._tree.query(pts, k=1)
            ok &= dist >= self.d
        if self.cheb > 0:
            dist, _ = self._tree.query(pts, k=1, p=np.inf)
            ok &= dist >= self.cheb
        return ok

    def add(self, pts: np.ndarray) -> None:
        if len(pts):
            self.xy = np.vstack((self.xy, pts))
            self._tree = None


def separation(shape: PlotShape, min_distance: float) -> Tuple[float, float]:
    """(Euclidean, Chebyshev) centre separations: the user's minimum distance, raised so that
    footprints never overlap (circles: 2 r; N-oriented squares: Chebyshev distance >= side)."""
    if shape.kind == "circle":
        return max(float(min_distance), 2.0 * shape.size), 0.0
    return float(min_distance), shape.size


def _greedy_thin(pts: np.ndarray, d: float, cheb: float = 0.0) -> np.ndarray:
    """Indices of ``pts`` kept in order such that kept points are >= d apart (Euclidean) and
    >= cheb apart (Chebyshev); the first point of a conflicting pair wins."""
    n = len(pts)
    if (d <= 0 and cheb <= 0) or n < 2:
        return np.arange(n)
    tree = cKDTree(pts)
    found = []
    if d > 0:
        found.append(tree.query_pairs(r=d * (1 - 1e-12), output_type="ndarray"))
    if cheb > 0:
        found.append(tree.query_pairs(r=cheb * (1 - 1e-12), p=np.inf, output_type="ndarray"))
    pairs = np.vstack([f.reshape(-1, 2) for f in found])
    if len(pairs) == 0:
        return np.arange(n)
    neighbours: Dict[int, List[int]] = {}
    for a, b in pairs:  # a < b
        neighbours.setdefault(int(b), []).append(int(a))
    keep = np.ones(n, dtype=bool)
    for b in sorted(neighbours):
        if any(keep[a] for a in neighbours[b]):
            keep[b] = False
    return np.flatnonzero(keep)


def _requests_frame(requests: Mapping[str, Optional[int]], existing: Mapping[str, int]):
    rows = []
    for s in sorted(requests):
        req = requests[s]
        have = int(existing.get(s, 0))
        need = None if req is None else max(int(req) - have, 0)
        rows.append((s, req, have, need))
    return rows


def _search_boxes(polys: PolygonSet, idx: np.ndarray, shape: PlotShape, edge_rule: str):
    """Boxes where a valid centre can lie: the bbox, shrunk by the half-extent for "inside"."""
    box = polys.bbox[idx].copy()
    if edge_rule == EDGE_INSIDE:
        h = shape.half_extent
        box[:, 0] += h
        box[:, 1] += h
        box[:, 2] -= h
        box[:, 3] -= h
    w = box[:, 2] - box[:, 0]
    hgt = box[:, 3] - box[:, 1]
    ok = (w >= 0) & (hgt >= 0) & (polys.area[idx] > 0)
    return box, np.where(ok, np.maximum(w, 1e-9) * np.maximum(hgt, 1e-9), 0.0)


def design_random(
    polys: PolygonSet,
    requests: Mapping[str, int],
    containment: Containment,
    shape: PlotShape,
    edge_rule: str = EDGE_INSIDE,
    min_distance: float = 0.0,
    seed: int = 1,
    existing_xy: Optional[np.ndarray] = None,
    existing_counts: Optional[Mapping[str, int]] = None,
    max_candidates: Optional[int] = None,
    progress: ProgressFn = None,
    is_canceled: CancelFn = None,
) -> DesignResult:
    """Stratified random design: uniform random centres over each stratum, thinned to
    ``min_distance`` from every existing and already placed centre (all strata); footprints
    never overlap (:func:`separation`).

    Candidates: a polygon of the stratum is drawn with probability proportional to its search
    box (bbox, shrunk by the half footprint for the "inside" rule), a point uniform in that box,
    kept if the containment test passes in *that* polygon -- which makes centres uniform over the
    feasible area. Strata are processed in sorted order, each with its own seeded stream.

    Bounded: per stratum at most ``max_candidates`` (default 20,000 + 200 per plot needed)
    candidates, and the search stops after 20,000 + 20 per plot candidates without a new plot.
    """
    existing_counts = dict(existing_counts or {})
    d_min, d_cheb = separation(shape, min_distance)
    accepted = _Accepted(
        existing_xy if existing_xy is not None else np.empty((0, 2)), d_min, d_cheb
    )
    rows = _requests_frame(requests, existing_counts)
    plots: List[pd.DataFrame] = []
    summary = []
    notes: List[str] = []
    total_need = sum(r[3] or 0 for r in rows) or 1
    done_need = 0
    for stratum, req, have, need in rows:
        if req is None:
            raise ValueError("the random design needs a number of plots for every stratum")
        idx = np.flatnonzero(polys.stratum == stratum)
        box, weight = _search_boxes(polys, idx, shape, edge_rule)
        placed_xy = np.empty((0, 2))
        placed_poly = np.empty(0, dtype=int)
        placed_frac = np.empty(0)
        tried = 0
        if need and weight.sum() <= 0:
            notes.append(
                Message(
                    "stratum {stratum}: no polygon is large enough for a {shape} plot",
                    stratum=stratum,
                    shape=shape.key,
                )
            )
        elif need:
            rng = _stratum_rng(seed, stratum)
            prob = weight / weight.sum()
            budget = int(max_candidates or (20000 + 200 * need))
            patience = 20000 + 20 * need
            since_last = 0
            while len(placed_xy) < need and tried < budget and since_last < patience:
                if is_canceled is not None and is_canceled():
                    break
                remaining = need - len(placed_xy)
                m = int(min(max(256, 16 * remaining), 50000, budget - tried))
                tried += m
                since_last += m
                pick = rng.choice(len(idx), size=m, p=prob)
                u = rng.random((m, 2))
                b = box[pick]
                pts = np.column_stack(
                    (
                        b[:, 0] + u[:, 0] * (b[:, 2] - b[:, 0]),
                        b[:, 1] + u[:, 1] * (b[:, 3] - b[:, 1]),
                    )
                )
                far = np.flatnonzero(accepted.far_enough(pts))
                if len(far) == 0:
                    continue
                pts, pick = pts[far], pick[far]
                ok = np.zeros(len(pts), dtype=bool)
                frac = np.zeros(len(pts))
                order = np.argsort(pick, kind="stable")  # group candidates by polygon
                cuts = np.flatnonzero(np.diff(pick[order])) + 1
                for sel in np.split(order, cuts):
                    j = int(pick[sel[0]])
                    o, f = containment.evaluate(int(idx[j]), pts[sel, 0], pts[sel, 1])
                    ok[sel], frac[sel] = o, f
                good = np.flatnonzero(ok)
                if len(good) == 0:
                    continue
                keep = good[_greedy_thin(pts[good], d_min, d_cheb)][:remaining]
                accepted.add(pts[keep])
                placed_xy = np.vstack((placed_xy, pts[keep]))
                placed_poly = np.concatenate((placed_poly, idx[pick[keep]]))
                placed_frac = np.concatenate((placed_frac, frac[keep]))
                since_last = 0
                if progress is not None:
                    progress(min(100.0, 100.0 * (done_need + len(placed_xy)) / total_need))
        done_need += need or 0
        plots.append(
            pd.DataFrame(
                {
                    "x": placed_xy[:, 0],
                    "y": placed_xy[:, 1],
                    "stratum": stratum,
                    "poly_idx": placed_poly,
                    "fraction": placed_frac,
                }
            )
        )
        n_placed = len(placed_xy)
        summary.append(
            (stratum, req, have, need, n_placed, have + n_placed, need - n_placed, tried)
        )
    return _result(plots, summary, notes)


def _result(plots, summary, notes) -> DesignResult:
    frame = (
        pd.concat(plots, ignore_index=True)
        if plots
        else pd.DataFrame(columns=["x", "y", "stratum", "poly_idx", "fraction"])
    )
    table = pd.DataFrame(
        summary,
        columns=[
            "stratum",
            "requested",
            "existing",
            "needed",
            "placed",
            "total",
            "shortfall",
            "candidates",
        ],
    )
    return DesignResult(frame, table, notes)


def grid_points(box: np.ndarray, origin: Tuple[float, float], spacing: float) -> np.ndarray:
    """Points of the grid ``origin + (i, j) * spacing`` inside ``box`` (xmin, ymin, xmax, ymax)."""
    ox, oy = origin
    i0 = math.ceil((box[0] - ox) / spacing)
    i1 = math.floor((box[2] - ox) / spacing)
    j0 = math.ceil((box[1] - oy) / spacing)
    j1 = math.floor((box[3] - oy) / spacing)
    if i1 < i0 or j1 < j0:
        return np.empty((0, 2))
    gx = ox + np.arange(i0, i1 + 1) * spacing
    gy = oy + np.arange(j0, j1 + 1) * spacing
    xx, yy = np.meshgrid(gx, gy)
    return np.column_stack((xx.ravel(), yy.ravel()))


#: Refuse grids with more candidate points than this (ask for a larger spacing instead).
MAX_GRID_POINTS = 5_000_000


def design_grid(
    polys: PolygonSet,
    requests: Mapping[str, Optional[int]],
    containment: Containment,
    shape: PlotShape,
    spacing: float,
    edge_rule: str = EDGE_INSIDE,
    min_distance: float = 0.0,
    seed: int = 1,
    existing_xy: Optional[np.ndarray] = None,
    existing_counts: Optional[Mapping[str, int]] = None,
    progress: ProgressFn = None,
    is_canceled: CancelFn = None,
) -> DesignResult:
    """Systematic square grid with a random start, one grid for all strata.

    The start (ox, oy) is uniform in [0, spacing)^2 from ``seed``. Every grid point that gives a
    valid plot (edge rule, exclusions) and is >= ``min_distance`` from existing plots is a
    candidate of its polygon's stratum. A stratum with more candidates than it needs keeps a
    systematic subsample (every k-th point in north-to-south, west-to-east order, random start);
    ``None`` as the request keeps every grid point. Fewer candidates -> shortfall.
    """
    if not spacing > 0:
        raise ValueError("grid spacing must be > 0")
    existing_counts = dict(existing_counts or {})
    rng = np.random.default_rng(np.random.SeedSequence([int(seed) & 0xFFFFFFFF, 0x6A1D]))
    origin = (float(rng.random() * spacing), float(rng.random() * spacing))
    rows = _requests_frame(requests, existing_counts)
    wanted = [r[0] for r in rows]
    sel_all = np.flatnonzero(np.isin(polys.stratum, wanted))
    box, weight = _search_boxes(polys, sel_all, shape, edge_rule)
    n_est = float((weight / spacing**2).sum())
    if n_est > MAX_GRID_POINTS:
        raise ValueError(
            "a {:g} m grid gives about {:.0f} candidate points; use a larger spacing".format(
                spacing, n_est
            )
        )
    d_min, d_cheb = separation(shape, min_distance)
    accepted = _Accepted(
        existing_xy if existing_xy is not None else np.empty((0, 2)), d_min, d_cheb
    )
    notes = ["grid start (random): x0 = {:.2f}, y0 = {:.2f} (mod {:g} m)".format(*origin, spacing)]
    cand: Dict[str, List[Tuple[np.ndarray, np.ndarray, np.ndarray]]] = {s: [] for s in wanted}
    tried: Dict[str, int] = {s: 0 for s in wanted}
    seen: set = set()
    for k, (j, b) in enumerate(zip(sel_all, box)):
        if is_canceled is not None and is_canceled():
            break
        if weight[k] <= 0:
            continue
        pts = grid_points(b, origin, spacing)
        if len(pts) == 0:
            continue
        # a grid point belongs to one polygon at most; skip points already taken by another
        keys = [(round(p[0], 6), round(p[1], 6)) for p in pts]
        fresh = np.array([key not in seen for key in keys], dtype=bool)
        pts = pts[fresh]
        s = polys.stratum[j]
        tried[s] += len(pts)
        if len(pts) == 0:
            continue
        ok, frac = containment.evaluate(int(j), pts[:, 0], pts[:, 1])
        good = np.flatnonzero(ok)
        for p in pts[good]:
            seen.add((round(p[0], 6), round(p[1], 6)))
        if len(good):
            cand[s].append((pts[good], np.full(len(good), j), frac[good]))
        if progress is not None and k % 200 == 0:
            progress(90.0 * k / max(len(sel_all), 1))
    plots: List[pd.DataFrame] = []
    summary = []
    for stratum, req, have, need in rows:
        parts = cand[stratum]
        if parts:
            xy = np.vstack([p[0] for p in parts])
            pid = np.concatenate([p[1] for p in parts])
            frac = np.concatenate([p[2] for p in parts])
        else:
            xy, pid, frac = np.empty((0, 2)), np.empty(0, dtype=int), np.empty(0)
        order = np.lexsort((xy[:, 0], -xy[:, 1])) if len(xy) else np.empty(0, dtype=int)
        xy, pid, frac = xy[order], pid[order], frac[order]
        far = np.flatnonzero(accepted.far_enough(xy))
        far = far[_greedy_thin(xy[far], d_min, d_cheb)]
        xy, pid, frac = xy[far], pid[far], frac[far]
        if need is not None and len(xy) > need:
            if need == 0:
                take = np.empty(0, dtype=int)
            else:
                step = len(xy) / need
                start = _stratum_rng(seed, stratum).random() * step
                take = np.minimum(np.floor(start + step * np.arange(need)).astype(int), len(xy) - 1)
            xy, pid, frac = xy[take], pid[take], frac[take]
        accepted.add(xy)
        plots.append(
            pd.DataFrame(
                {
                    "x": xy[:, 0],
                    "y": xy[:, 1],
                    "stratum": stratum,
                    "poly_idx": pid,
                    "fraction": frac,
                }
            )
        )
        n_placed = len(xy)
        eff_need = n_placed if need is None else need
        summary.append(
            (
                stratum,
                req,
                have,
                eff_need,
                n_placed,
                have + n_placed,
                eff_need - n_placed,
                tried[stratum],
            )
        )
    return _result(plots, summary, notes)


def assign_ids(
    plots: pd.DataFrame,
    municipality: str,
    codes: Mapping[str, str],
    existing_ids: Iterable[str] = (),
) -> pd.DataFrame:
    """Add ``plot_id`` = ``<municipality>-<code>-<nnnn>``, numbered north->south, west->east
    within a code, continuing after the largest serial among ``existing_ids``."""
    out = plots.copy()
    out["plot_id"] = ""
    existing = list(existing_ids)
    if len(out) == 0:
        return out
    out["_code"] = [codes[str(s)] for s in out["stratum"]]
    for code in sorted(set(out["_code"])):
        sel = out.index[out["_code"] == code]
        sub = out.loc[sel]
        order = sub.sort_values(["y", "x"], ascending=[False, True], kind="mergesort").index
        prefix = "{}-{}".format(municipality, code)
        out.loc[order, "plot_id"] = new_plot_ids(prefix, existing, len(order))
    return out.drop(columns="_code")


# --------------------------------------------------------------------------------------------
# Sample size inputs and allocation tables
# --------------------------------------------------------------------------------------------


def sample_size_plan(
    area_ha: Mapping[str, float],
    *,
    plot_area_m2: float = 400.0,
    cv_table: Optional[Mapping[str, float]] = None,
    default_cv: float = 0.6,
    pilot: Optional[pd.DataFrame] = None,
    precision: float = 0.1,
    confidence: float = 0.90,
    allocation: str = "proportional",
    min_per_stratum: int = 2,
) -> Tuple[SampleSizeResult, pd.DataFrame, List[str]]:
    """Prepare s_h and means, then call :func:`sampling_stats.sample_size` (Sourcebook formula).

    Per stratum, in this order: pilot plots (``pilot`` with columns stratum, value; >= 2 plots
    give mean and SD), else ``cv_table[stratum]``, else ``default_cv``. A CV-only stratum takes
    its mean from its single pilot plot, else from the pooled pilot mean, else 1 (without pilot
    data all strata are assumed to share one mean, so only the CVs matter).

    Returns ``(result, table, notes)``; ``table`` is the allocation with the source of s_h, the
    CV and ``n_h`` (the plots to place).
    """
    cv_table = dict(cv_table or {})
    notes: List[str] = []
    keys = sorted(str(k) for k in area_ha)
    stats: Dict[str, Tuple[int, float, float]] = {}
    pooled_mean = None
    if pilot is not None and len(pilot):
        p = pd.DataFrame(
            {
                "stratum": pilot["stratum"].astype(str),
                "value": pd.to_numeric(pilot["value"], errors="coerce"),
            }
        ).dropna()
        if len(p):
            pooled_mean = float(p["value"].mean())
        for s, g in p.groupby("stratum"):
            v = g["value"].to_numpy(dtype=float)
            stats[str(s)] = (len(v), float(v.mean()), float(v.std(ddof=1)) if len(v) > 1 else 0.0)
        unknown = sorted(set(stats) - set(keys))
        if unknown:
            notes.append(
                Message(
                    "pilot plots in strata not in the layer ignored: {strata}",
                    strata=", ".join(unknown),
                )
            )
    sd: Dict[str, float] = {}
    mean: Dict[str, float] = {}
    source: Dict[str, str] = {}
    for s in keys:
        n, m, sdev = stats.get(s, (0, float("nan"), float("nan")))
        if n >= 2 and m > 0:
            mean[s], sd[s], source[s] = m, sdev, "pilot (n={})".format(n)
            continue
        cv = float(cv_table.get(s, default_cv))
        if cv < 0 or not math.isfinite(cv):
            raise ValueError("CV for {} must be >= 0".format(s))
        m = m if (n == 1 and m > 0) else (pooled_mean if pooled_mean else 1.0)
        mean[s], sd[s] = m, cv * m
        source[s] = "cv table" if s in cv_table else "default cv"
        if n == 1:
            source[s] += " (1 pilot plot: mean only)"
    unknown_cv = sorted(set(cv_table) - set(keys))
    if unknown_cv:
        notes.append(
            Message(
                "CV table strata not in the layer ignored: {strata}", strata=", ".join(unknown_cv)
            )
        )
    if pilot is None or not len(pilot):
        notes.append(
            Message("no pilot data: strata assumed to share one mean; precision is relative")
        )
    result = sample_size(
        {k: area_ha[k] for k in keys},
        sd,
        mean=mean,
        plot_area_ha=plot_area_m2 / 10000.0,
        precision=precision,
        confidence=confidence,
        allocation=allocation,
        min_per_stratum=min_per_stratum,
    )
    table = result.allocation.rename(columns={"n": "n_h"}).copy()
    table["cv"] = np.where(table["mean"] > 0, table["sd"] / table["mean"], np.nan)
    table["sd_source"] = [source[s] for s in table["stratum"]]
    return result, table, notes + list(result.notes)


def allocation_from_table(strata: Sequence, counts: Sequence) -> Tuple[Dict[str, int], List[str]]:
    """Stratum -> plots from a table/field (e.g. the ``samplesize`` output ``n_h``).

    Repeated strata must agree (a polygon field repeats the stratum value); if they differ the
    largest is used and noted. Missing or negative counts are ignored with a note.
    """
    out: Dict[str, int] = {}
    notes: List[str] = []
    conflict = set()
    for s, c in zip(strata, counts):
        if s is None:
            continue
        try:
            value = int(round(float(c)))
        except (TypeError, ValueError):
            notes.append(Message("no usable plot count for stratum {stratum}", stratum=s))
            continue
        if value < 0:
            notes.append(Message("negative plot count for stratum {stratum} ignored", stratum=s))
            continue
        key = str(s)
        if key in out and out[key] != value:
            conflict.add(key)
            value = max(value, out[key])
        out[key] = value
    if conflict:
        notes.append(
            Message(
                "different plot counts for one stratum, the largest used: {strata}",
                strata=", ".join(sorted(conflict)),
            )
        )
    return out, notes
