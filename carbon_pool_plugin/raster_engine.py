"""Block-wise raster processing with GDAL + numpy (no QGIS): indices, classification, areas, samples.

Every pass reads full-width windows of ``block_rows`` rows (a multiple of 256, sized from a memory
budget), so memory stays flat for any raster size, and the result does not depend on the block size
(features with a neighbourhood read a one-pixel halo). Outputs are written to a temporary file next
to the destination and renamed at the end: a destination is either complete or absent.

Progress and cancellation are plain callables (``progress(fraction)``, ``cancelled() -> bool``) so the
algorithms can pass QGIS feedback and the tests and bench can pass nothing.
"""

from __future__ import annotations

import functools
import math
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Sequence

import numpy as np
from osgeo import gdal, ogr, osr

from .core.classification import (
    INDEX_ROLES,
    BandRoles,
    ClassifierModel,
    FeatureSpec,
    compute_index,
    to_reflectance,
)
from .core.pixel_area import row_pixel_areas


def _gdal_exceptions(func):
    """Run ``func`` with GDAL/OGR/OSR exceptions on, restoring the caller's setting afterwards.

    The mode is process-wide; switching it on for good would change the behaviour of other
    plugins' and QGIS's own GDAL code running in the same Python.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        modules = [m for m in (gdal, ogr, osr) if not m.GetUseExceptions()]
        for m in modules:
            m.UseExceptions()
        try:
            return func(*args, **kwargs)
        finally:
            for m in reversed(modules):  # GDAL keeps a stack of error handlers
                m.DontUseExceptions()

    return wrapper


OUT_NODATA = -9999.0
ProgressFn = Optional[Callable[[float], None]]
CancelFn = Optional[Callable[[], bool]]


class OperationCanceled(Exception):
    """The user cancelled; partial outputs have been removed."""


def _progress(fn: ProgressFn, value: float) -> None:
    if fn is not None:
        fn(max(0.0, min(1.0, value)))


def _release(*datasets) -> None:
    """Write dirty blocks and drop cached ones: each window is read once, so GDAL's block cache
    (5 % of RAM by default) would otherwise only grow."""
    for ds in datasets:
        if ds is not None:
            ds.FlushCache()


def _check_cancel(fn: CancelFn) -> None:
    if fn is not None and fn():
        raise OperationCanceled()


# --------------------------------------------------------------------------------------------------
# Raster description
# --------------------------------------------------------------------------------------------------
@dataclass
class RasterInfo:
    path: str
    xsize: int
    ysize: int
    band_count: int
    geotransform: tuple
    wkt: str
    geographic: bool
    linear_unit_m: float
    semi_major: float
    inv_flattening: float
    nodata: List[Optional[float]]
    block_y: int

    @property
    def pixel_count(self) -> int:
        return self.xsize * self.ysize

    def srs(self) -> osr.SpatialReference:
        srs = osr.SpatialReference()
        if self.wkt:
            srs.ImportFromWkt(self.wkt)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        return srs

    def row_areas(self, row0: int, nrows: int) -> np.ndarray:
        return row_pixel_areas(
            self.geotransform,
            row0,
            nrows,
            self.geographic,
            self.linear_unit_m,
            self.semi_major,
            self.inv_flattening,
        )

    def mean_pixel_area(self) -> float:
        return float(self.row_areas(0, self.ysize).mean())


@_gdal_exceptions
def open_raster(path: str) -> gdal.Dataset:
    try:
        ds = gdal.Open(str(path), gdal.GA_ReadOnly)
    except RuntimeError as err:
        raise ValueError("Cannot open raster {p}: {e}".format(p=path, e=err)) from err
    if ds is None:
        raise ValueError("Cannot open raster {p}".format(p=path))
    return ds


@_gdal_exceptions
def raster_info(ds: gdal.Dataset) -> RasterInfo:
    wkt = ds.GetProjection() or ""
    geographic, unit, a, inv_f = False, 1.0, 6378137.0, 298.257223563
    if wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(wkt)
        geographic = bool(srs.IsGeographic())
        if not geographic:
            unit = float(srs.GetLinearUnits() or 1.0)
        a = float(srs.GetSemiMajor())
        inv_f = float(srs.GetInvFlattening())
    nodata = []
    for b in range(1, ds.RasterCount + 1):
        nodata.append(ds.GetRasterBand(b).GetNoDataValue())
    block_y = ds.GetRasterBand(1).GetBlockSize()[1] if ds.RasterCount else 1
    return RasterInfo(
        path=ds.GetDescription(),
        xsize=ds.RasterXSize,
        ysize=ds.RasterYSize,
        band_count=ds.RasterCount,
        geotransform=tuple(ds.GetGeoTransform()),
        wkt=wkt,
        geographic=geographic,
        linear_unit_m=unit,
        semi_major=a,
        inv_flattening=inv_f,
        nodata=nodata,
        block_y=max(int(block_y), 1),
    )


def choose_block_rows(xsize: int, arrays: int, budget_mb: float = 160.0) -> int:
    """Rows per window so that ``arrays`` float32 full-width rows fit ``budget_mb`` (multiple of 256)."""
    per_row = max(xsize, 1) * max(arrays, 1) * 4 * 3  # ×3: numpy temporaries
    rows = int(budget_mb * 1024 * 1024 // per_row)
    return max(256, (rows // 256) * 256)


def iter_windows(ysize: int, block_rows: int) -> Iterator[tuple]:
    block_rows = max(int(block_rows), 1)
    for row0 in range(0, ysize, block_rows):
        yield row0, min(block_rows, ysize - row0)


def read_reflectance(
    ds: gdal.Dataset,
    info: RasterInfo,
    roles: BandRoles,
    row0: int,
    nrows: int,
    halo: int = 0,
    col0: int = 0,
    ncols: Optional[int] = None,
) -> Dict[str, np.ndarray]:
    """Reflectance rows ``row0-halo … row0+nrows+halo`` × cols ``col0-halo … col0+ncols+halo``.

    Outside the raster is NaN, as is nodata.
    """
    ncols = info.xsize - col0 if ncols is None else ncols
    r_lo, r_hi = row0 - halo, row0 + nrows + halo
    c_lo, c_hi = col0 - halo, col0 + ncols + halo
    rr0, rr1 = max(r_lo, 0), min(r_hi, info.ysize)
    cc0, cc1 = max(c_lo, 0), min(c_hi, info.xsize)
    out = {}
    for role, band in roles.bands().items():
        arr = np.full((r_hi - r_lo, c_hi - c_lo), np.nan, dtype=np.float32)
        if rr1 > rr0 and cc1 > cc0:
            dn = ds.GetRasterBand(band).ReadAsArray(cc0, rr0, cc1 - cc0, rr1 - rr0)
            refl = to_reflectance(dn, roles.scale, roles.offset, info.nodata[band - 1])
            arr[rr0 - r_lo : rr1 - r_lo, cc0 - c_lo : cc1 - c_lo] = refl
        out[role] = arr
    return out


# --------------------------------------------------------------------------------------------------
# Output that is complete or absent
# --------------------------------------------------------------------------------------------------
GTIFF_OPTIONS = [
    "TILED=YES",
    "COMPRESS=DEFLATE",
    "ZLEVEL=1",
    "BIGTIFF=IF_SAFER",
    "NUM_THREADS=ALL_CPUS",
]


class AtomicRaster:
    """A raster written to a temporary GeoTIFF beside ``path`` and renamed when :meth:`commit` runs.

    Use as a context manager: leaving the block without ``commit()`` (an error, a cancel) deletes the
    temporary file and leaves ``path`` untouched. A non-GeoTIFF destination is converted with
    ``gdal.Translate`` from the finished temporary file.
    """

    @_gdal_exceptions
    def __init__(
        self,
        path: str,
        info: RasterInfo,
        bands: int,
        data_type: int,
        nodata: Optional[float],
        descriptions: Sequence[str] = (),
        options: Sequence[str] = GTIFF_OPTIONS,
    ):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(
            ".{}.partial-{}.tif".format(self.path.stem, uuid.uuid4().hex[:8])
        )
        driver = gdal.GetDriverByName("GTiff")
        self.ds = driver.Create(
            str(self.tmp), info.xsize, info.ysize, bands, data_type, options=list(options)
        )
        self.ds.SetGeoTransform(info.geotransform)
        if info.wkt:
            self.ds.SetProjection(info.wkt)
        for b in range(1, bands + 1):
            band = self.ds.GetRasterBand(b)
            if nodata is not None:
                band.SetNoDataValue(float(nodata))
            if b - 1 < len(descriptions):
                band.SetDescription(str(descriptions[b - 1]))
        self.committed = False

    def write(self, band: int, row0: int, array: np.ndarray) -> None:
        self.ds.GetRasterBand(band).WriteArray(array, 0, row0)

    @_gdal_exceptions
    def commit(self) -> None:
        self.ds.FlushCache()
        self.ds = None
        suffix = self.path.suffix.lower()
        if suffix in (".tif", ".tiff", ""):
            os.replace(self.tmp, self.path)
        else:
            tmp2 = self.path.with_name(
                ".{}.partial-{}{}".format(self.path.stem, uuid.uuid4().hex[:8], suffix)
            )
            try:
                gdal.Translate(str(tmp2), str(self.tmp))
                os.replace(tmp2, self.path)
            finally:
                for p in (self.tmp, tmp2):
                    if p.exists():
                        p.unlink()
        self.committed = True

    def abort(self) -> None:
        self.ds = None
        for p in (self.tmp, Path(str(self.tmp) + ".aux.xml")):
            try:
                if p.exists():
                    p.unlink()
            except OSError:  # pragma: no cover
                pass

    def __enter__(self) -> AtomicRaster:
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if not self.committed:
            self.abort()
        return False


# --------------------------------------------------------------------------------------------------
# Indices
# --------------------------------------------------------------------------------------------------
@_gdal_exceptions
def run_indices(
    src: str,
    dst: str,
    roles: BandRoles,
    indices: Sequence[str],
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
) -> dict:
    """Write one Float32 band per index (nodata −9999). Returns valid-pixel counts per index."""
    ds = open_raster(src)
    info = raster_info(ds)
    roles.validate(info.band_count)
    names = [i.upper() for i in indices]
    if not names:
        raise ValueError("Choose at least one index.")
    for name in names:
        if name not in INDEX_ROLES:
            raise ValueError("Unknown index {n}".format(n=name))
        if not roles.has(*INDEX_ROLES[name]):
            raise ValueError(
                "{n} needs the band role(s) {r}.".format(n=name, r=", ".join(INDEX_ROLES[name]))
            )
    rows = block_rows or choose_block_rows(info.xsize, len(roles.bands()) + len(names) + 2)
    valid_counts = {n: 0 for n in names}
    with AtomicRaster(dst, info, len(names), gdal.GDT_Float32, OUT_NODATA, names) as out:
        for row0, n in iter_windows(info.ysize, rows):
            _check_cancel(cancelled)
            refl = read_reflectance(ds, info, roles, row0, n)
            for b, name in enumerate(names, start=1):
                arr = compute_index(name, refl)
                ok = np.isfinite(arr)
                valid_counts[name] += int(ok.sum())
                arr[~ok] = OUT_NODATA
                out.write(b, row0, arr)
            _release(ds, out.ds)
            _progress(progress, (row0 + n) / info.ysize)
        _check_cancel(cancelled)
        out.commit()
    return {"valid_pixels": valid_counts, "block_rows": rows}


# --------------------------------------------------------------------------------------------------
# Training pixels and classification
# --------------------------------------------------------------------------------------------------
@_gdal_exceptions
def rasterize_wkb(
    info: RasterInfo,
    geometries: Sequence[bytes],
    values: Sequence[int],
    data_type: int = gdal.GDT_UInt32,
    window: Optional[tuple] = None,
    path: Optional[str] = None,
    all_touched: bool = False,
) -> gdal.Dataset:
    """Burn ``values`` of WKB geometries (already in the raster CRS) onto the raster grid.

    ``window = (col0, row0, ncols, nrows)`` restricts the grid; ``path`` writes a tiled GeoTIFF
    instead of an in-memory raster (for large grids). Later geometries overwrite earlier ones.
    """
    col0, row0, ncols, nrows = window or (0, 0, info.xsize, info.ysize)
    gt = list(info.geotransform)
    gt[0] = gt[0] + col0 * gt[1] + row0 * gt[2]
    gt[3] = gt[3] + col0 * gt[4] + row0 * gt[5]
    if path:
        target = gdal.GetDriverByName("GTiff").Create(
            str(path),
            ncols,
            nrows,
            1,
            data_type,
            options=["TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1"],
        )
    else:
        target = gdal.GetDriverByName("MEM").Create("", ncols, nrows, 1, data_type)
    target.SetGeoTransform(gt)
    if info.wkt:
        target.SetProjection(info.wkt)
    target.GetRasterBand(1).Fill(0)
    mem = ogr.GetDriverByName("Memory").CreateDataSource("burn")
    layer = mem.CreateLayer("burn", srs=info.srs() if info.wkt else None, geom_type=ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger64))
    defn = layer.GetLayerDefn()
    for wkb, value in zip(geometries, values):
        if wkb is None:
            continue
        feat = ogr.Feature(defn)
        feat.SetGeometry(ogr.CreateGeometryFromWkb(bytes(wkb)))
        feat.SetField("v", int(value))
        layer.CreateFeature(feat)
    options = ["ATTRIBUTE=v"]
    if all_touched:
        options.append("ALL_TOUCHED=TRUE")
    gdal.RasterizeLayer(target, [1], layer, options=options)
    target.FlushCache()
    return target


def window_of_bounds(info: RasterInfo, bounds: tuple) -> Optional[tuple]:
    """Pixel window (col0, row0, ncols, nrows) covering ``(xmin, ymin, xmax, ymax)``, or None."""
    gt = info.geotransform
    if gt[2] != 0 or gt[4] != 0:
        return (0, 0, info.xsize, info.ysize)
    xmin, ymin, xmax, ymax = bounds
    c0 = int(math.floor((xmin - gt[0]) / gt[1])) - 1
    c1 = int(math.ceil((xmax - gt[0]) / gt[1])) + 1
    r0 = int(math.floor((ymax - gt[3]) / gt[5])) - 1
    r1 = int(math.ceil((ymin - gt[3]) / gt[5])) + 1
    c0, r0 = max(c0, 0), max(r0, 0)
    c1, r1 = min(c1, info.xsize), min(r1, info.ysize)
    if c1 <= c0 or r1 <= r0:
        return None
    return (c0, r0, c1 - c0, r1 - r0)


@_gdal_exceptions
def extract_training(
    src: str,
    spec: FeatureSpec,
    labels: gdal.Dataset,
    window: tuple,
    block_rows: int = 512,
    cancelled: CancelFn = None,
) -> tuple:
    """Features of labelled pixels: returns ``(X, group_ids)`` for pixels where ``labels`` > 0.

    ``labels`` covers ``window`` of the image grid. Pixels with any NaN feature are dropped.
    """
    ds = open_raster(src)
    info = raster_info(ds)
    spec.roles.validate(info.band_count)
    col0, row0, ncols, nrows = window
    xs, gs = [], []
    lab_band = labels.GetRasterBand(1)
    for r, n in iter_windows(nrows, block_rows):
        _check_cancel(cancelled)
        lab = lab_band.ReadAsArray(0, r, ncols, n)
        if not (lab > 0).any():
            continue
        refl = read_reflectance(ds, info, spec.roles, row0 + r, n, spec.halo, col0, ncols)
        feats = spec.compute(refl)
        sel = lab > 0
        x = feats[:, sel].T
        g = lab[sel]
        ok = np.isfinite(x).all(axis=1)
        xs.append(x[ok])
        gs.append(g[ok])
    if not xs:
        return np.zeros((0, len(spec.names)), dtype=np.float32), np.zeros(0, dtype=np.int64)
    return np.concatenate(xs), np.concatenate(gs).astype(np.int64)


@dataclass
class ClassStats:
    """Pixel counts and areas (m²) per class code of a class raster."""

    codes: np.ndarray
    pixels: np.ndarray
    area_m2: np.ndarray

    @property
    def total_area_m2(self) -> float:
        return float(self.area_m2.sum())

    def as_dict(self) -> Dict[int, tuple]:
        return {
            int(c): (int(p), float(a)) for c, p, a in zip(self.codes, self.pixels, self.area_m2)
        }


def _accumulate(
    counts: np.ndarray, areas: np.ndarray, cls: np.ndarray, row_area: np.ndarray
) -> None:
    counts += np.bincount(cls.ravel(), minlength=256)[:256].astype(np.int64)
    w = np.broadcast_to(row_area[:, None], cls.shape)
    areas += np.bincount(cls.ravel(), weights=w.ravel(), minlength=256)[:256]


def _stats(counts: np.ndarray, areas: np.ndarray) -> ClassStats:
    codes = np.flatnonzero(counts[1:] > 0) + 1
    return ClassStats(codes=codes, pixels=counts[codes], area_m2=areas[codes])


@_gdal_exceptions
def ndvi_histogram(
    src: str,
    roles: BandRoles,
    bins: int = 512,
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
) -> tuple:
    ds = open_raster(src)
    info = raster_info(ds)
    roles.validate(info.band_count)
    rows = block_rows or choose_block_rows(info.xsize, 4)
    hist = np.zeros(bins, dtype=np.int64)
    edges = np.linspace(-1.0, 1.0, bins + 1)
    sub = BandRoles(red=roles.red, nir=roles.nir, scale=roles.scale, offset=roles.offset)
    for row0, n in iter_windows(info.ysize, rows):
        _check_cancel(cancelled)
        ndvi = compute_index("NDVI", read_reflectance(ds, info, sub, row0, n))
        v = ndvi[np.isfinite(ndvi)]
        hist += np.histogram(v, bins=edges)[0]
        _release(ds)
        _progress(progress, (row0 + n) / info.ysize)
    return hist, edges


@_gdal_exceptions
def classify_raster(
    src: str,
    dst: str,
    model: ClassifierModel,
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
) -> ClassStats:
    """Apply ``model`` block by block; writes a uint8 class raster (nodata 0)."""
    ds = open_raster(src)
    info = raster_info(ds)
    spec = model.features
    spec.roles.validate(info.band_count)
    rows = block_rows or choose_block_rows(info.xsize, len(spec.names) * 2 + 4)
    counts = np.zeros(256, dtype=np.int64)
    areas = np.zeros(256, dtype=np.float64)
    with AtomicRaster(dst, info, 1, gdal.GDT_Byte, 0, ["class"]) as out:
        for row0, n in iter_windows(info.ysize, rows):
            _check_cancel(cancelled)
            refl = read_reflectance(ds, info, spec.roles, row0, n, spec.halo)
            cls = model.predict_features(spec.compute(refl))
            out.write(1, row0, cls)
            _accumulate(counts, areas, cls, info.row_areas(row0, n))
            _release(ds, out.ds)
            _progress(progress, (row0 + n) / info.ysize)
        _check_cancel(cancelled)
        band = out.ds.GetRasterBand(1)
        band.SetDescription("class")
        out.commit()
    return _stats(counts, areas)


@_gdal_exceptions
def class_statistics(
    path: str,
    zones: Optional[gdal.Dataset] = None,
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
) -> ClassStats:
    """Counts and areas per class of band 1 (nodata and 0 excluded), optionally inside ``zones`` > 0."""
    ds = open_raster(path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    nodata = info.nodata[0]
    rows = block_rows or choose_block_rows(info.xsize, 3)
    counts = np.zeros(256, dtype=np.int64)
    areas = np.zeros(256, dtype=np.float64)
    for row0, n in iter_windows(info.ysize, rows):
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, info.xsize, nodata)
        if zones is not None:
            z = zones.GetRasterBand(1).ReadAsArray(0, row0, info.xsize, n)
            cls = np.where(z > 0, cls, 0).astype(np.uint8)
        _accumulate(counts, areas, cls, info.row_areas(row0, n))
        _release(ds, zones)
        _progress(progress, (row0 + n) / info.ysize)
    return _stats(counts, areas)


def class_block(band, row0: int, nrows: int, xsize: int, nodata) -> np.ndarray:
    """Class codes 0–255 of a window (nodata and out-of-range values → 0)."""
    arr = band.ReadAsArray(0, row0, xsize, nrows)
    bad = (arr < 1) | (arr > 255)
    if arr.dtype.kind == "f":
        bad |= ~np.isfinite(arr)
    if nodata is not None:
        bad |= arr == nodata
    return np.where(bad, 0, arr).astype(np.uint8)


@_gdal_exceptions
def sample_stratified_points(
    path: str,
    sizes: Dict[int, int],
    counts: Dict[int, int],
    seed: int,
    block_rows: Optional[int] = None,
    cancelled: CancelFn = None,
) -> List[tuple]:
    """Stratified random pixel centres: list of ``(code, row, col, x, y)``, seeded, block-invariant."""
    from .core.accuracy import choose_sample_ordinals

    codes = sorted(sizes)
    ordinals = choose_sample_ordinals([counts[c] for c in codes], [sizes[c] for c in codes], seed)
    wanted = {c: o for c, o in zip(codes, ordinals)}
    seen = {c: 0 for c in codes}
    ds = open_raster(path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    rows = block_rows or choose_block_rows(info.xsize, 3)
    gt = info.geotransform
    out = []
    for row0, n in iter_windows(info.ysize, rows):
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, info.xsize, info.nodata[0]).ravel()
        for c in codes:
            pos = np.flatnonzero(cls == c)
            lo, hi = seen[c], seen[c] + pos.size
            o = wanted[c]
            sel = o[(o >= lo) & (o < hi)] - lo
            for p in pos[sel]:
                r, col = row0 + int(p) // info.xsize, int(p) % info.xsize
                x = gt[0] + (col + 0.5) * gt[1] + (r + 0.5) * gt[2]
                y = gt[3] + (col + 0.5) * gt[4] + (r + 0.5) * gt[5]
                out.append((c, r, col, x, y))
            seen[c] = hi
    return out


@_gdal_exceptions
def values_at(path: str, xy: Sequence[tuple]) -> np.ndarray:
    """Band-1 class codes at map coordinates (raster CRS); 0 outside the raster or at nodata."""
    ds = open_raster(path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    inv = gdal.InvGeoTransform(info.geotransform)
    out = np.zeros(len(xy), dtype=np.int64)
    for i, (x, y) in enumerate(xy):
        col = int(math.floor(inv[0] + x * inv[1] + y * inv[2]))
        row = int(math.floor(inv[3] + x * inv[4] + y * inv[5]))
        if 0 <= col < info.xsize and 0 <= row < info.ysize:
            out[i] = int(class_block(band, row, 1, info.xsize, info.nodata[0])[0, col])
    return out


# --------------------------------------------------------------------------------------------------
# Green-space polygons
# --------------------------------------------------------------------------------------------------
@dataclass
class GreenPolygons:
    """Result of :func:`green_polygons`. Per-polygon arrays are indexed by polygon id (0 unused)."""

    gpkg: str
    layer: str
    pixels: np.ndarray
    area_m2: np.ndarray
    canopy_m2: np.ndarray
    zone_m2: np.ndarray
    class_m2: Dict[int, np.ndarray]
    green_m2_raw: float  # before the minimum mapping unit, inside the zone (or everywhere)
    green_m2: float  # after the minimum mapping unit, inside the zone
    valid_m2: float  # classified (non-nodata) area inside the zone
    zone_m2_total: float  # area of the zone raster (all pixels), 0 without a zone
    sieve_pixels: int

    def features(self) -> Iterator[tuple]:
        """(polygon id, WKB) for every polygon."""
        ds = ogr.Open(self.gpkg)
        layer = ds.GetLayerByName(self.layer)
        for feat in layer:
            geom = feat.GetGeometryRef()
            yield int(feat.GetFID()), bytes(geom.ExportToWkb()) if geom is not None else None
        ds = None


@_gdal_exceptions
def green_polygons(
    class_path: str,
    green_codes: Sequence[int],
    canopy_codes: Sequence[int],
    min_area_m2: float,
    workdir: str,
    zone: Optional[gdal.Dataset] = None,
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
) -> GreenPolygons:
    """Sieve (minimum mapping unit), polygonise (8-connected) and summarise the green classes.

    The binary map green / not green is sieved with ``gdal.SieveFilter`` (patches — green or not —
    smaller than ``min_area_m2`` merge into their neighbours), the green pixels are polygonised and
    every polygon's pixels are counted back on the grid, so polygon areas are exact pixel areas (also
    for geographic rasters) and the canopy fraction is the canopy share of the polygon's pixels.
    """
    ds = open_raster(class_path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    rows = block_rows or choose_block_rows(info.xsize, 6)
    green = np.zeros(256, dtype=bool)
    green[[int(c) for c in green_codes]] = True
    canopy = np.zeros(256, dtype=bool)
    canopy[[int(c) for c in canopy_codes]] = True
    work = Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    mask_path = str(work / "green_mask.tif")
    opts = ["TILED=YES", "COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"]
    mds = gdal.GetDriverByName("GTiff").Create(
        mask_path, info.xsize, info.ysize, 1, gdal.GDT_Byte, opts
    )
    mds.SetGeoTransform(info.geotransform)
    if info.wkt:
        mds.SetProjection(info.wkt)
    mband = mds.GetRasterBand(1)
    mband.SetNoDataValue(0)
    green_raw = 0.0
    for row0, n in iter_windows(info.ysize, rows):
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, info.xsize, info.nodata[0])
        m = np.where(cls == 0, 0, np.where(green[cls], 2, 1)).astype(np.uint8)
        mband.WriteArray(m, 0, row0)
        inside = m == 2
        if zone is not None:
            inside &= zone.GetRasterBand(1).ReadAsArray(0, row0, info.xsize, n) > 0
        green_raw += float((inside.sum(axis=1) * info.row_areas(row0, n)).sum())
        _release(ds, mds, zone)
        _progress(progress, 0.2 * (row0 + n) / info.ysize)
    mds.FlushCache()
    sieve_px = 0
    if min_area_m2 > 0:
        sieve_px = int(math.ceil(min_area_m2 / info.mean_pixel_area()))
        if sieve_px > 1:
            gdal.SieveFilter(mband, mband.GetMaskBand(), mband, sieve_px, 8)
            mds.FlushCache()
    _check_cancel(cancelled)
    _progress(progress, 0.35)
    # Keep only green as data (1), everything else nodata, then polygonise the data pixels.
    for row0, n in iter_windows(info.ysize, rows):
        m = mband.ReadAsArray(0, row0, info.xsize, n)
        mband.WriteArray((m == 2).astype(np.uint8), 0, row0)
        _release(mds)
    mds.FlushCache()
    gpkg = str(work / "green_polygons.gpkg")
    drv = ogr.GetDriverByName("GPKG")
    if Path(gpkg).exists():
        drv.DeleteDataSource(gpkg)
    vds = drv.CreateDataSource(gpkg)
    vlayer = vds.CreateLayer(
        "green", srs=info.srs() if info.wkt else None, geom_type=ogr.wkbPolygon
    )
    vlayer.CreateField(ogr.FieldDefn("dn", ogr.OFTInteger))
    vlayer.CreateField(ogr.FieldDefn("pid", ogr.OFTInteger64))
    gdal.Polygonize(mband, mband.GetMaskBand(), vlayer, 0, ["8CONNECTED=8"])
    _check_cancel(cancelled)
    vlayer.StartTransaction()
    max_fid = 0
    for feat in vlayer:
        fid = feat.GetFID()
        feat.SetField("pid", fid)
        vlayer.SetFeature(feat)
        max_fid = max(max_fid, fid)
    vlayer.CommitTransaction()
    _progress(progress, 0.5)
    # Polygon ids back on the grid (pixel edges are polygon edges: centres fall strictly inside).
    pid_path = str(work / "polygon_ids.tif")
    pds = gdal.GetDriverByName("GTiff").Create(
        pid_path, info.xsize, info.ysize, 1, gdal.GDT_UInt32, opts
    )
    pds.SetGeoTransform(info.geotransform)
    if info.wkt:
        pds.SetProjection(info.wkt)
    pds.GetRasterBand(1).Fill(0)
    gdal.RasterizeLayer(pds, [1], vlayer, options=["ATTRIBUTE=pid"])
    pds.FlushCache()
    vds = None
    mds = None
    size = max_fid + 1
    pixels = np.zeros(size, dtype=np.int64)
    area = np.zeros(size)
    can = np.zeros(size)
    zone_area = np.zeros(size)
    class_m2 = {int(c): np.zeros(size) for c in green_codes}
    valid_m2 = green_m2 = zone_total = 0.0
    pband = pds.GetRasterBand(1)
    for row0, n in iter_windows(info.ysize, rows):
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, info.xsize, info.nodata[0])
        pid = pband.ReadAsArray(0, row0, info.xsize, n).astype(np.int64)
        ra = np.broadcast_to(info.row_areas(row0, n)[:, None], cls.shape)
        if zone is not None:
            z = zone.GetRasterBand(1).ReadAsArray(0, row0, info.xsize, n) > 0
            zone_total += float(ra[z].sum())
        else:
            z = np.ones(cls.shape, dtype=bool)
        valid_m2 += float(ra[(cls > 0) & z].sum())
        green_m2 += float(ra[(pid > 0) & z].sum())
        sel = pid > 0
        p = pid[sel]
        a = ra[sel]
        c = cls[sel]
        pixels += np.bincount(p, minlength=size)
        area += np.bincount(p, weights=a, minlength=size)
        can += np.bincount(p, weights=a * canopy[c], minlength=size)
        zone_area += np.bincount(p, weights=a * z[sel], minlength=size)
        for code, arr in class_m2.items():
            arr += np.bincount(p, weights=a * (c == code), minlength=size)
        _release(ds, pds, zone)
        _progress(progress, 0.5 + 0.5 * (row0 + n) / info.ysize)
    pds = None
    return GreenPolygons(
        gpkg=gpkg,
        layer="green",
        pixels=pixels,
        area_m2=area,
        canopy_m2=can,
        zone_m2=zone_area,
        class_m2=class_m2,
        green_m2_raw=green_raw,
        green_m2=green_m2,
        valid_m2=valid_m2,
        zone_m2_total=zone_total,
        sieve_pixels=sieve_px,
    )


# --------------------------------------------------------------------------------------------------
# Carbon density raster
# --------------------------------------------------------------------------------------------------
@_gdal_exceptions
def carbon_raster(
    class_path: str,
    dst: str,
    density: Dict[int, float],
    zones: Optional[gdal.Dataset] = None,
    n_zones: int = 0,
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
) -> np.ndarray:
    """Write the mean density (tC/ha) of each pixel's class; return area m² per (zone, class).

    Classes without a density get 0 tC/ha; nodata stays nodata (−9999). The returned array has shape
    ``(n_zones + 1, 256)``; row 0 is outside every zone (or everything when there are no zones).
    """
    ds = open_raster(class_path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    rows = block_rows or choose_block_rows(info.xsize, 4)
    lut = np.zeros(256, dtype=np.float32)
    for code, value in density.items():
        lut[int(code)] = float(value)
    nz = int(n_zones) + 1
    areas = np.zeros(nz * 256)
    with AtomicRaster(dst, info, 1, gdal.GDT_Float32, OUT_NODATA, ["carbon_tC_per_ha"]) as out:
        for row0, n in iter_windows(info.ysize, rows):
            _check_cancel(cancelled)
            cls = class_block(band, row0, n, info.xsize, info.nodata[0])
            dens = lut[cls]
            dens[cls == 0] = OUT_NODATA
            out.write(1, row0, dens)
            if zones is not None:
                z = zones.GetRasterBand(1).ReadAsArray(0, row0, info.xsize, n).astype(np.int64)
                z = np.clip(z, 0, nz - 1)
            else:
                z = np.zeros(cls.shape, dtype=np.int64)
            key = (z * 256 + cls).ravel()
            w = np.broadcast_to(info.row_areas(row0, n)[:, None], cls.shape).ravel()
            areas += np.bincount(key, weights=w, minlength=nz * 256)
            _release(ds, out.ds, zones)
            _progress(progress, (row0 + n) / info.ysize)
        _check_cancel(cancelled)
        out.commit()
    return areas.reshape(nz, 256)
