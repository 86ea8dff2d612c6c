"""Block-wise raster processing with GDAL + numpy (no QGIS): indices, classification, areas, samples.

Every pass reads windows sized from a memory budget (:data:`BUDGET_MB`), so memory stays flat for
any raster size: full-width windows of ``rows`` rows (down to one row for very wide rasters), and
when even one full-width row does not fit, one-row windows of ``cols`` columns (see
:func:`plan_windows`). Windows are visited in row-major order, so a pixel's rank in the order of
reading is the same for every window size. Window heights follow the input's native block height
where the budget allows (each input block is decoded once) and outputs are created with blocks that
the windows fill completely (each output block is written once). The result does not depend on the
window size: features with a neighbourhood read a one-pixel halo, served from rows already read
(:class:`_HaloRows`) rather than by reading the neighbouring blocks again. Outputs are written to a
temporary file next to the destination and renamed at the end: a destination is either complete or
absent.

Inputs are opened read-only and without GDAL's PAM (``.aux.xml``) when they have no sidecar yet
(:func:`no_pam`), so processing never adds a file beside the user's raster.

Progress and cancellation are plain callables (``progress(fraction)``, ``cancelled() -> bool``) so the
algorithms can pass QGIS feedback and the tests and bench can pass nothing.
"""

from __future__ import annotations

import functools
import math
import os
import uuid
from contextlib import contextmanager
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
    block_x: int = 1
    georeferenced: bool = True

    @property
    def pixel_count(self) -> int:
        return self.xsize * self.ysize

    @property
    def has_crs(self) -> bool:
        """False when the raster has no CRS: its map units are then taken to be metres."""
        return bool(self.wkt)

    @property
    def pixel_size(self) -> tuple:
        """(width, height) of a pixel in map units."""
        gt = self.geotransform
        return math.hypot(gt[1], gt[4]), math.hypot(gt[2], gt[5])

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


@contextmanager
def no_pam():
    """GDAL's PAM off in this thread while the block runs (the caller's setting is restored after).

    A dataset opened inside the block never writes a ``<file>.aux.xml`` when it is closed (GDAL
    saves statistics, histograms or metadata set on a dataset there, even on one opened
    read-only; QGIS computes statistics when it loads a raster layer). PAM is decided when the
    dataset is opened, so only the open has to be inside the block. Thread-local, so rasters that
    other threads (QGIS's renderers) open meanwhile are unaffected.
    """
    key = "GDAL_PAM_ENABLED"
    previous = gdal.GetThreadLocalConfigOption(key, None)
    gdal.SetThreadLocalConfigOption(key, "NO")
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption(key, previous)


def _init_pam(ds: Optional[gdal.Dataset]) -> None:
    """Make ``ds`` settle its PAM state now (drivers such as GTiff do it lazily, on the first
    metadata or georeferencing request), so that it follows the current ``GDAL_PAM_ENABLED``."""
    if ds is None:
        return
    ds.GetMetadata()
    ds.GetGeoTransform(can_return_null=True)
    for b in range(1, ds.RasterCount + 1):
        ds.GetRasterBand(b).GetMetadata()


def has_pam_sidecar(path: str) -> bool:
    """Whether ``path`` already has a PAM sidecar (whose metadata GDAL should then still read)."""
    p = str(path)
    return any(os.path.exists(p + ext) for ext in (".aux.xml", ".aux", ".AUX.XML"))


@_gdal_exceptions
def open_raster(path: str) -> gdal.Dataset:
    """Open an input raster read-only; never creates a PAM sidecar beside it.

    Without a sidecar, PAM is switched off for this dataset (nothing to read, nothing may be
    written). An existing sidecar is still read (it can hold the CRS or nodata of, e.g., a PNG);
    the engine only reads pixels, so the sidecar is not rewritten.
    """
    flags = gdal.OF_RASTER | gdal.OF_READONLY
    try:
        if has_pam_sidecar(path):
            ds = gdal.OpenEx(str(path), flags)
        else:
            with no_pam():
                ds = gdal.OpenEx(str(path), flags)
                _init_pam(ds)
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
    block_x, block_y = ds.GetRasterBand(1).GetBlockSize() if ds.RasterCount else (1, 1)
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
        block_x=max(int(block_x), 1),
        georeferenced=ds.GetGeoTransform(can_return_null=True) is not None,
    )


#: Memory budget of one window (MB): the float32 arrays of a window, numpy temporaries included.
BUDGET_MB = 160.0
#: Bytes per pixel and array of the estimate: float32, ×3 for numpy temporaries.
_BYTES_PER_VALUE = 4 * 3
#: Block height of the GeoTIFFs the engine writes by default (see :func:`gtiff_options`).
OUT_BLOCK = 256


def _budget_values(arrays: int, budget_mb: float) -> int:
    """How many pixels a window of ``arrays`` arrays may have within ``budget_mb``."""
    return int(budget_mb * 1024 * 1024 // (max(int(arrays), 1) * _BYTES_PER_VALUE))


def choose_block_rows(xsize: int, arrays: int, budget_mb: float = BUDGET_MB) -> int:
    """The most full-width rows whose ``arrays`` float32 arrays (×3 for numpy temporaries) fit
    ``budget_mb``; at least 1 (when even one row does not fit, see :func:`choose_block_cols`)."""
    return max(1, _budget_values(arrays, budget_mb) // max(int(xsize), 1))


def choose_block_cols(xsize: int, arrays: int, budget_mb: float = BUDGET_MB) -> int:
    """Columns of a one-row window within ``budget_mb``: ``xsize`` when a full row fits."""
    return max(1, min(int(xsize), _budget_values(arrays, budget_mb)))


def _aligned_rows(budget_rows: int, native: int) -> int:
    """Window height within ``budget_rows``: a multiple of the input's native block height and of
    the output block height when possible, else of either, else of 16 (GeoTIFF tiles), else any."""
    native = max(int(native), 1)
    lcm = native * OUT_BLOCK // math.gcd(native, OUT_BLOCK)
    for unit in (lcm, native, OUT_BLOCK, 16):
        if unit > 1 and unit <= budget_rows:
            return budget_rows // unit * unit
    return budget_rows


@dataclass(frozen=True)
class Tiling:
    """Windows ``(row0, nrows, col0, ncols)`` covering a ``xsize`` × ``ysize`` grid in row-major order.

    Either full-width windows of ``rows`` rows, or (``cols`` < ``xsize``) one-row windows of
    ``cols`` columns, so the pixels of consecutive windows are always in row-major order.
    """

    xsize: int
    ysize: int
    rows: int
    cols: int

    @property
    def full_width(self) -> bool:
        return self.cols >= self.xsize

    def windows(self) -> Iterator[tuple]:
        for row0, n in iter_windows(self.ysize, self.rows):
            for col0 in range(0, self.xsize, self.cols):
                yield row0, n, col0, min(self.cols, self.xsize - col0)

    def row_band_done(self, col0: int, ncols: int) -> bool:
        """Whether a window ends its rows (the output blocks of those rows are then complete)."""
        return col0 + ncols >= self.xsize

    def done(self, row0: int, nrows: int, col0: int, ncols: int) -> float:
        """Fraction of the grid processed after this window."""
        total = max(self.xsize * self.ysize, 1)
        return (row0 * self.xsize + (col0 + ncols) * nrows) / total


def plan_windows(
    info: RasterInfo,
    arrays: int,
    block_rows: Optional[int] = None,
    block_cols: Optional[int] = None,
    halo: int = 0,
    budget_mb: Optional[float] = None,
) -> Tiling:
    """Windows of ``info``'s grid whose ``arrays`` float32 arrays fit ``budget_mb``.

    Full-width windows when one row (plus the ``halo`` columns) fits: as many rows as fit, rounded
    down to a multiple of the native block height (and of the output blocks) where that still
    fits. Otherwise one-row windows of as many columns as fit (rounded to the native block width).
    ``block_rows`` / ``block_cols`` force the window size (tests); forced columns mean one row.
    """
    xsize, ysize = info.xsize, info.ysize
    budget_mb = BUDGET_MB if budget_mb is None else budget_mb
    if block_rows or block_cols:
        cols = min(int(block_cols or xsize), xsize) if xsize else 1
        rows = 1 if cols < xsize else int(block_rows or choose_block_rows(xsize, arrays, budget_mb))
        return Tiling(xsize, ysize, max(rows, 1), max(cols, 1))
    width, tall = xsize + 2 * halo, 1 + 2 * halo  # a one-row window with its halo
    if _budget_values(arrays, budget_mb) >= width * tall:
        rows = choose_block_rows(width, arrays, budget_mb) - 2 * halo
        return Tiling(xsize, ysize, max(1, _aligned_rows(rows, info.block_y)), max(xsize, 1))
    cols = _budget_values(arrays, budget_mb) // tall - 2 * halo
    if info.block_x > 1 and cols >= info.block_x:
        cols = cols // info.block_x * info.block_x
    return Tiling(xsize, ysize, 1, max(cols, 1))


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


class _HaloRows:
    """Reflectance of consecutive full-width windows plus ``halo`` pixels on every side.

    The rows are read in the windows' own chunks (aligned with the input's blocks) and kept while a
    later window still needs them, so every input row is read once: the halo rows of a window
    belong to the chunks before and after it, and reading them on their own would decode those
    rows of blocks a second time. Holds at most about two windows of reflectance.
    """

    def __init__(self, ds: gdal.Dataset, info: RasterInfo, roles: BandRoles, halo: int, rows: int):
        self.ds, self.info, self.roles, self.halo = ds, info, roles, int(halo)
        self.rows = max(int(rows), 1)
        self.buf: Optional[Dict[str, np.ndarray]] = None
        self.lo = self.hi = 0  # buffered rows [lo, hi)

    def window(self, row0: int, nrows: int) -> Dict[str, np.ndarray]:
        h, info = self.halo, self.info
        need_lo, need_hi = max(row0 - h, 0), min(row0 + nrows + h, info.ysize)
        if self.buf is not None and need_lo > self.lo:
            self.buf = {k: v[need_lo - self.lo :] for k, v in self.buf.items()}
            self.lo = need_lo
        while self.hi < need_hi:
            n = min(self.rows, info.ysize - self.hi)
            chunk = read_reflectance(self.ds, info, self.roles, self.hi, n)
            if self.buf is None:
                self.buf, self.lo = chunk, self.hi
            else:
                self.buf = {k: np.concatenate([self.buf[k], chunk[k]]) for k in chunk}
            self.hi += n
        out = {}
        top = need_lo - (row0 - h)
        for role, arr in self.buf.items():
            win = np.full((nrows + 2 * h, info.xsize + 2 * h), np.nan, dtype=np.float32)
            win[top : top + need_hi - need_lo, h : h + info.xsize] = arr[
                need_lo - self.lo : need_hi - self.lo
            ]
            out[role] = win
        return out


def reflectance_windows(
    ds: gdal.Dataset, info: RasterInfo, roles: BandRoles, tiling: Tiling, halo: int = 0
) -> Iterator[tuple]:
    """``((row0, nrows, col0, ncols), reflectance)`` for every window of ``tiling``, in order; the
    reflectance includes ``halo`` pixels on every side (NaN outside the raster)."""
    stream = _HaloRows(ds, info, roles, halo, tiling.rows) if halo and tiling.full_width else None
    for win in tiling.windows():
        row0, n, col0, m = win
        if stream is not None:
            yield win, stream.window(row0, n)
        else:
            yield win, read_reflectance(ds, info, roles, row0, n, halo, col0, m)


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


def gtiff_options(rows: Optional[int] = None, base: Sequence[str] = GTIFF_OPTIONS) -> List[str]:
    """``base`` with a block height that windows of ``rows`` rows fill completely.

    Each output block is then written once (a compressed GeoTIFF block written in parts is
    rewritten, and appended to the file, every time). 256 × 256 tiles when ``rows`` is a multiple
    of 256; 256 × ``rows`` tiles when it is a multiple of 16; else strips of ``rows`` rows.
    """
    opts = [o for o in base if not o.upper().startswith(("TILED=", "BLOCKYSIZE=", "BLOCKXSIZE="))]
    if rows is None or rows % OUT_BLOCK == 0:
        return opts + ["TILED=YES"]
    if rows % 16 == 0:
        return opts + ["TILED=YES", "BLOCKYSIZE={}".format(rows)]
    return opts + ["TILED=NO", "BLOCKYSIZE={}".format(rows)]


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
        options: Optional[Sequence[str]] = None,
        tiling: Optional[Tiling] = None,
    ):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(
            ".{}.partial-{}.tif".format(self.path.stem, uuid.uuid4().hex[:8])
        )
        if options is None:
            options = gtiff_options(tiling.rows if tiling is not None else None)
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

    def write(self, band: int, row0: int, array: np.ndarray, col0: int = 0) -> None:
        self.ds.GetRasterBand(band).WriteArray(array, col0, row0)

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
    block_cols: Optional[int] = None,
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
    arrays = len(roles.bands()) + len(names) + 2
    tiling = plan_windows(info, arrays, block_rows, block_cols)
    valid_counts = {n: 0 for n in names}
    with AtomicRaster(
        dst, info, len(names), gdal.GDT_Float32, OUT_NODATA, names, tiling=tiling
    ) as out:
        for (row0, n, col0, m), refl in reflectance_windows(ds, info, roles, tiling):
            _check_cancel(cancelled)
            for b, name in enumerate(names, start=1):
                arr = compute_index(name, refl)
                ok = np.isfinite(arr)
                valid_counts[name] += int(ok.sum())
                arr[~ok] = OUT_NODATA
                out.write(b, row0, arr, col0)
            _release(ds, out.ds if tiling.row_band_done(col0, m) else None)
            _progress(progress, tiling.done(row0, n, col0, m))
        _check_cancel(cancelled)
        out.commit()
    return {"valid_pixels": valid_counts, "block_rows": tiling.rows, "block_cols": tiling.cols}


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
    block_rows: Optional[int] = None,
    cancelled: CancelFn = None,
    block_cols: Optional[int] = None,
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
    grid = RasterInfo(**dict(info.__dict__, xsize=ncols, ysize=nrows))
    arrays = len(spec.names) * 2 + len(spec.roles.bands()) + 4
    tiling = plan_windows(grid, arrays, block_rows, block_cols, spec.halo)
    for r, n, c, m in tiling.windows():
        _check_cancel(cancelled)
        lab = lab_band.ReadAsArray(c, r, m, n)
        if not (lab > 0).any():
            continue
        refl = read_reflectance(ds, info, spec.roles, row0 + r, n, spec.halo, col0 + c, m)
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
    block_cols: Optional[int] = None,
) -> tuple:
    ds = open_raster(src)
    info = raster_info(ds)
    roles.validate(info.band_count)
    tiling = plan_windows(info, 4, block_rows, block_cols)
    hist = np.zeros(bins, dtype=np.int64)
    edges = np.linspace(-1.0, 1.0, bins + 1)
    sub = BandRoles(red=roles.red, nir=roles.nir, scale=roles.scale, offset=roles.offset)
    for (row0, n, col0, m), refl in reflectance_windows(ds, info, sub, tiling):
        _check_cancel(cancelled)
        ndvi = compute_index("NDVI", refl)
        v = ndvi[np.isfinite(ndvi)]
        hist += np.histogram(v, bins=edges)[0]
        _release(ds)
        _progress(progress, tiling.done(row0, n, col0, m))
    return hist, edges


@_gdal_exceptions
def classify_raster(
    src: str,
    dst: str,
    model: ClassifierModel,
    block_rows: Optional[int] = None,
    progress: ProgressFn = None,
    cancelled: CancelFn = None,
    block_cols: Optional[int] = None,
) -> ClassStats:
    """Apply ``model`` block by block; writes a uint8 class raster (nodata 0)."""
    ds = open_raster(src)
    info = raster_info(ds)
    spec = model.features
    spec.roles.validate(info.band_count)
    arrays = len(spec.names) * 2 + 4
    if spec.halo:  # the halo stream holds about two more windows of reflectance
        arrays += 2 * len(spec.roles.bands())
    tiling = plan_windows(info, arrays, block_rows, block_cols, spec.halo)
    counts = np.zeros(256, dtype=np.int64)
    areas = np.zeros(256, dtype=np.float64)
    with AtomicRaster(dst, info, 1, gdal.GDT_Byte, 0, ["class"], tiling=tiling) as out:
        windows = reflectance_windows(ds, info, spec.roles, tiling, spec.halo)
        for (row0, n, col0, m), refl in windows:
            _check_cancel(cancelled)
            cls = model.predict_features(spec.compute(refl))
            out.write(1, row0, cls, col0)
            _accumulate(counts, areas, cls, info.row_areas(row0, n))
            _release(ds, out.ds if tiling.row_band_done(col0, m) else None)
            _progress(progress, tiling.done(row0, n, col0, m))
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
    block_cols: Optional[int] = None,
) -> ClassStats:
    """Counts and areas per class of band 1 (nodata and 0 excluded), optionally inside ``zones`` > 0."""
    ds = open_raster(path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    nodata = info.nodata[0]
    tiling = plan_windows(info, 3, block_rows, block_cols)
    counts = np.zeros(256, dtype=np.int64)
    areas = np.zeros(256, dtype=np.float64)
    for row0, n, col0, m in tiling.windows():
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, m, nodata, col0)
        if zones is not None:
            z = zones.GetRasterBand(1).ReadAsArray(col0, row0, m, n)
            cls = np.where(z > 0, cls, 0).astype(np.uint8)
        _accumulate(counts, areas, cls, info.row_areas(row0, n))
        _release(ds, zones)
        _progress(progress, tiling.done(row0, n, col0, m))
    return _stats(counts, areas)


def class_block(band, row0: int, nrows: int, ncols: int, nodata, col0: int = 0) -> np.ndarray:
    """Class codes 0–255 of a window (nodata and out-of-range values → 0)."""
    arr = band.ReadAsArray(col0, row0, ncols, nrows)
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
    block_cols: Optional[int] = None,
) -> List[tuple]:
    """Stratified random pixel centres: list of ``(code, row, col, x, y)``, seeded, block-invariant.

    The ``k``-th pixel of a class is its ``k``-th in row-major order, which is also the order in
    which the windows are read, whatever their size. The points are listed by class, then row and
    column.
    """
    from .core.accuracy import choose_sample_ordinals

    codes = sorted(sizes)
    ordinals = choose_sample_ordinals([counts[c] for c in codes], [sizes[c] for c in codes], seed)
    wanted = {c: o for c, o in zip(codes, ordinals)}
    seen = {c: 0 for c in codes}
    ds = open_raster(path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    tiling = plan_windows(info, 3, block_rows, block_cols)
    gt = info.geotransform
    out = []
    for row0, n, col0, m in tiling.windows():
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, m, info.nodata[0], col0).ravel()
        for c in codes:
            pos = np.flatnonzero(cls == c)
            lo, hi = seen[c], seen[c] + pos.size
            o = wanted[c]
            sel = o[(o >= lo) & (o < hi)] - lo
            for p in pos[sel]:
                r, col = row0 + int(p) // m, col0 + int(p) % m
                x = gt[0] + (col + 0.5) * gt[1] + (r + 0.5) * gt[2]
                y = gt[3] + (col + 0.5) * gt[4] + (r + 0.5) * gt[5]
                out.append((c, r, col, x, y))
            seen[c] = hi
    out.sort(key=lambda p: p[:3])  # by class, then row-major: the same list for any window size
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
            out[i] = int(class_block(band, row, 1, 1, info.nodata[0], col)[0, 0])
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
    block_cols: Optional[int] = None,
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
    tiling = plan_windows(info, 6, block_rows, block_cols)
    green = np.zeros(256, dtype=bool)
    green[[int(c) for c in green_codes]] = True
    canopy = np.zeros(256, dtype=bool)
    canopy[[int(c) for c in canopy_codes]] = True
    work = Path(workdir)
    work.mkdir(parents=True, exist_ok=True)
    mask_path = str(work / "green_mask.tif")
    opts = gtiff_options(tiling.rows, ["COMPRESS=DEFLATE", "ZLEVEL=1", "BIGTIFF=IF_SAFER"])
    mds = gdal.GetDriverByName("GTiff").Create(
        mask_path, info.xsize, info.ysize, 1, gdal.GDT_Byte, opts
    )
    mds.SetGeoTransform(info.geotransform)
    if info.wkt:
        mds.SetProjection(info.wkt)
    mband = mds.GetRasterBand(1)
    mband.SetNoDataValue(0)
    green_raw = 0.0
    for row0, n, col0, ncols in tiling.windows():
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, ncols, info.nodata[0], col0)
        m = np.where(cls == 0, 0, np.where(green[cls], 2, 1)).astype(np.uint8)
        mband.WriteArray(m, col0, row0)
        inside = m == 2
        if zone is not None:
            inside &= zone.GetRasterBand(1).ReadAsArray(col0, row0, ncols, n) > 0
        green_raw += float((inside.sum(axis=1) * info.row_areas(row0, n)).sum())
        _release(ds, mds if tiling.row_band_done(col0, ncols) else None, zone)
        _progress(progress, 0.2 * tiling.done(row0, n, col0, ncols))
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
    for row0, n, col0, ncols in tiling.windows():
        m = mband.ReadAsArray(col0, row0, ncols, n)
        mband.WriteArray((m == 2).astype(np.uint8), col0, row0)
        if tiling.row_band_done(col0, ncols):
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
    for row0, n, col0, ncols in tiling.windows():
        _check_cancel(cancelled)
        cls = class_block(band, row0, n, ncols, info.nodata[0], col0)
        pid = pband.ReadAsArray(col0, row0, ncols, n).astype(np.int64)
        ra = np.broadcast_to(info.row_areas(row0, n)[:, None], cls.shape)
        if zone is not None:
            z = zone.GetRasterBand(1).ReadAsArray(col0, row0, ncols, n) > 0
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
        _progress(progress, 0.5 + 0.5 * tiling.done(row0, n, col0, ncols))
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
    block_cols: Optional[int] = None,
) -> np.ndarray:
    """Write the mean density (tC/ha) of each pixel's class; return area m² per (zone, class).

    Classes without a density get 0 tC/ha; nodata stays nodata (−9999). The returned array has shape
    ``(n_zones + 1, 256)``; row 0 is outside every zone (or everything when there are no zones).
    """
    ds = open_raster(class_path)
    info = raster_info(ds)
    band = ds.GetRasterBand(1)
    tiling = plan_windows(info, 4, block_rows, block_cols)
    lut = np.zeros(256, dtype=np.float32)
    for code, value in density.items():
        lut[int(code)] = float(value)
    nz = int(n_zones) + 1
    areas = np.zeros(nz * 256)
    with AtomicRaster(
        dst, info, 1, gdal.GDT_Float32, OUT_NODATA, ["carbon_tC_per_ha"], tiling=tiling
    ) as out:
        for row0, n, col0, m in tiling.windows():
            _check_cancel(cancelled)
            cls = class_block(band, row0, n, m, info.nodata[0], col0)
            dens = lut[cls]
            dens[cls == 0] = OUT_NODATA
            out.write(1, row0, dens, col0)
            if zones is not None:
                z = zones.GetRasterBand(1).ReadAsArray(col0, row0, m, n).astype(np.int64)
                z = np.clip(z, 0, nz - 1)
            else:
                z = np.zeros(cls.shape, dtype=np.int64)
            key = (z * 256 + cls).ravel()
            w = np.broadcast_to(info.row_areas(row0, n)[:, None], cls.shape).ravel()
            areas += np.bincount(key, weights=w, minlength=nz * 256)
            _release(ds, out.ds if tiling.row_band_done(col0, m) else None, zones)
            _progress(progress, tiling.done(row0, n, col0, m))
        _check_cancel(cancelled)
        out.commit()
    return areas.reshape(nz, 256)
