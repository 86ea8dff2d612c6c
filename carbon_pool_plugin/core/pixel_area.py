"""Pixel areas of a north-up raster grid, in m² (pure numpy).

- Projected CRS: ``|a·e − b·d|`` of the geotransform times the square of the linear unit (metres
  per CRS unit). This is the *map* area; a UTM grid cell differs from the ground area by the
  square of the point scale factor (≤ about ±0.1 % inside a zone).
- Geographic CRS: the exact area of an ellipsoidal quadrangle between latitudes φ1 and φ2 and a
  longitude span Δλ (radians), ``A = b²·Δλ/2 · [q(φ)]_{φ1}^{φ2}`` with
  ``q(φ) = sinφ/(1 − e² sin²φ) + (1/2e)·ln((1 + e sinφ)/(1 − e sinφ))`` (authalic latitude
  relation; Snyder 1987, Map Projections — A Working Manual, Eq. 3-12). Every pixel of a row has
  the same area, so one value per row is enough.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np

WGS84_A = 6378137.0
WGS84_INV_F = 298.257223563


def _q(phi: np.ndarray, e: float) -> np.ndarray:
    s = np.sin(phi)
    if e == 0.0:
        return 2.0 * s
    return s / (1.0 - e * e * s * s) + (1.0 / (2.0 * e)) * np.log((1.0 + e * s) / (1.0 - e * s))


def quadrangle_area(lat1_deg, lat2_deg, dlon_deg, a: float = WGS84_A, inv_f: float = WGS84_INV_F):
    """Area (m²) of ellipsoidal quadrangles; arrays broadcast."""
    f = 0.0 if not inv_f else 1.0 / inv_f
    b = a * (1.0 - f)
    e = math.sqrt(max(2.0 * f - f * f, 0.0))
    p1 = np.radians(np.asarray(lat1_deg, dtype=np.float64))
    p2 = np.radians(np.asarray(lat2_deg, dtype=np.float64))
    dl = np.radians(np.abs(np.asarray(dlon_deg, dtype=np.float64)))
    return np.abs(b * b * dl / 2.0 * (_q(p2, e) - _q(p1, e)))


def row_pixel_areas(
    geotransform: Sequence[float],
    row0: int,
    nrows: int,
    geographic: bool,
    linear_unit_m: float = 1.0,
    semi_major: float = WGS84_A,
    inv_flattening: float = WGS84_INV_F,
) -> np.ndarray:
    """Area in m² of one pixel in each of rows ``row0 … row0+nrows-1``."""
    gt = [float(v) for v in geotransform]
    if geographic:
        if gt[2] != 0.0 or gt[4] != 0.0:
            raise ValueError(
                "Rotated geographic rasters are not supported; warp to north-up first."
            )
        rows = np.arange(row0, row0 + nrows, dtype=np.float64)
        lat_top = gt[3] + rows * gt[5]
        lat_bottom = lat_top + gt[5]
        lat_top = np.clip(lat_top, -90.0, 90.0)
        lat_bottom = np.clip(lat_bottom, -90.0, 90.0)
        return quadrangle_area(lat_top, lat_bottom, gt[1], semi_major, inv_flattening)
    area = abs(gt[1] * gt[5] - gt[2] * gt[4]) * linear_unit_m * linear_unit_m
    return np.full(nrows, area, dtype=np.float64)
