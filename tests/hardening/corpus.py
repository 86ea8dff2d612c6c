"""The bad-input corpus: small builder functions that write one awkward input each into a folder.

Everything is generated (CSV with the ``csv`` module, GeoPackage/GeoTIFF/VRT with GDAL/OGR), except
the few static files in ``tests/data/corpus/`` (a TIS-620 and a Windows-874 CSV with Thai text, so
the bytes under test are visible in the repository).

A *world* is the dict of inputs every algorithm runner understands::

    {"trees": path, "trees2": path, "plots": path, "strata": path, "image": path, "classes": path}

The base world is valid; each case copies it and replaces (or mutates) one input. Builders never
import QGIS, so they are cheap and also usable from plain Python.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

import numpy as np

DATA = Path(__file__).resolve().parents[1] / "data" / "corpus"
X0, Y0 = 640000.0, 1580000.0
EPSG = 32647

TREE_HEADER = ["plot", "tag", "species", "dbh_cm", "height_m", "status", "wd"]
# plot, tag, species, DBH cm, height m (two trees per plot, six plots in two strata)
BASE_TREES = [
    ["P1", "1", "Samanea saman", "30", "15", "alive", ""],
    ["P1", "2", "Hopea odorata", "25", "12", "alive", ""],
    ["P2", "1", "Mangifera indica", "40", "10", "alive", ""],
    ["P2", "2", "Tectona grandis", "35", "18", "alive", ""],
    ["P3", "1", "Azadirachta indica", "20", "9", "alive", ""],
    ["P3", "2", "Samanea saman", "50", "16", "alive", ""],
    ["P4", "1", "Hopea odorata", "28", "14", "alive", ""],
    ["P4", "2", "Mangifera indica", "33", "11", "alive", ""],
    ["P5", "1", "Tectona grandis", "45", "20", "alive", ""],
    ["P5", "2", "Azadirachta indica", "22", "10", "alive", ""],
    ["P6", "1", "Samanea saman", "60", "18", "alive", ""],
    ["P6", "2", "Hopea odorata", "18", "9", "alive", ""],
]
# plot id, stratum, carbon tC/ha, lower-left corner (20 m squares)
BASE_PLOTS = [
    ("P1", "A", 20.0, (X0 + 20, Y0 + 20)),
    ("P2", "A", 35.0, (X0 + 80, Y0 + 80)),
    ("P3", "A", 28.0, (X0 + 140, Y0 + 140)),
    ("P4", "B", 50.0, (X0 + 320, Y0 + 20)),
    ("P5", "B", 65.0, (X0 + 380, Y0 + 80)),
    ("P6", "B", 41.0, (X0 + 440, Y0 + 140)),
]
# stratum polygons: gs id, class code, lower-left corner, size (m)
BASE_STRATA = [
    ("GS-1", "A", (X0, Y0), 200.0),
    ("GS-2", "B", (X0 + 300, Y0), 200.0),
]
PLOT_FIELDS = [
    ("plot_id", "s"),
    ("stratum", "s"),
    ("carbon_t_ha", "d"),
    ("area_m2", "d"),
    ("fraction", "d"),
    ("date_1", "s"),
    ("date_2", "s"),
]
STRATA_FIELDS = [("gs_id", "s"), ("class_code", "s")]


def square(x0: float, y0: float, size: float) -> str:
    x1, y1 = x0 + size, y0 + size
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


# --------------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------------
def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence],
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_gpkg(
    path: Path,
    layer_name: str,
    geometry: str,
    fields: Sequence[tuple],
    rows: Sequence[tuple],
    epsg: Optional[int] = EPSG,
) -> str:
    """``rows`` = [(wkt or None, [values])]; ``fields`` = [(name, 's'|'d'|'i')]. Returns a URI."""
    from osgeo import ogr, osr

    kinds = {"s": ogr.OFTString, "d": ogr.OFTReal, "i": ogr.OFTInteger}
    gtypes = {
        "Polygon": ogr.wkbPolygon,
        "MultiPolygon": ogr.wkbMultiPolygon,
        "Point": ogr.wkbPoint,
        "LineString": ogr.wkbLineString,
        "None": ogr.wkbNone,
    }
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    srs = None
    if epsg is not None and geometry != "None":
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    layer = ds.CreateLayer(layer_name, srs, gtypes[geometry])
    for name, kind in fields:
        layer.CreateField(ogr.FieldDefn(name, kinds[kind]))
    defn = layer.GetLayerDefn()
    for wkt, values in rows:
        feat = ogr.Feature(defn)
        for (name, _kind), value in zip(fields, values):
            if value is None:
                feat.SetFieldNull(name)
            else:
                feat.SetField(name, value)
        if wkt:
            feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    ds = None
    return f"{path}|layername={layer_name}"


def write_raster(
    path: Path, arrays: np.ndarray, epsg: Optional[int] = EPSG, pixel: float = 10.0, nodata=None
) -> str:
    from osgeo import gdal, osr

    arrays = np.asarray(arrays)
    if arrays.ndim == 2:
        arrays = arrays[None]
    dtype = gdal.GDT_Byte if arrays.dtype == np.uint8 else gdal.GDT_UInt16
    ds = gdal.GetDriverByName("GTiff").Create(
        str(path), arrays.shape[2], arrays.shape[1], arrays.shape[0], dtype
    )
    ds.SetGeoTransform((X0, pixel, 0.0, Y0 + pixel * arrays.shape[1], 0.0, -pixel))
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    for i, band in enumerate(arrays, start=1):
        ds.GetRasterBand(i).WriteArray(band)
        if nodata is not None:
            ds.GetRasterBand(i).SetNoDataValue(nodata)
    ds = None
    return str(path)


# --------------------------------------------------------------------------------------------------
# the base world
# --------------------------------------------------------------------------------------------------
def plot_rows(plots=BASE_PLOTS, size: float = 20.0) -> List[tuple]:
    return [
        (square(x, y, size), [pid, st, c, size * size, 1.0, "2025-01-01", "2029-01-01"])
        for pid, st, c, (x, y) in plots
    ]


def strata_rows(strata=BASE_STRATA) -> List[tuple]:
    return [(square(x, y, s), [gid, code]) for gid, code, (x, y), s in strata]


def image_array(rows: int = 40, cols: int = 50, seed: int = 1) -> np.ndarray:
    """4-band (B, G, R, NIR) 16-bit reflectance x 10 000: vegetated left half, built-up right."""
    rng = np.random.default_rng(seed)
    img = np.empty((4, rows, cols), dtype=np.uint16)
    veg = np.zeros((rows, cols), dtype=bool)
    veg[:, : cols // 2] = True
    base = {0: (400, 900), 1: (700, 1100), 2: (500, 1500), 3: (4000, 2000)}
    for b, (v, u) in base.items():
        img[b] = np.where(veg, v, u) + rng.integers(0, 100, size=(rows, cols))
    return img


def class_array(rows: int = 40, cols: int = 50) -> np.ndarray:
    cls = np.full((rows, cols), 3, dtype=np.uint8)
    cls[:, : cols // 3] = 1
    cls[:, cols // 3 : cols // 2] = 2
    return cls


def base_world(folder: Path) -> Dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    trees2 = [r[:3] + [str(float(r[3]) + 2.0)] + r[4:] for r in BASE_TREES]
    return {
        "trees": str(write_csv(folder / "trees.csv", TREE_HEADER, BASE_TREES)),
        "trees2": str(write_csv(folder / "trees2.csv", TREE_HEADER, trees2)),
        "plots": write_gpkg(folder / "plots.gpkg", "plots", "Polygon", PLOT_FIELDS, plot_rows()),
        "strata": write_gpkg(
            folder / "strata.gpkg", "strata", "Polygon", STRATA_FIELDS, strata_rows()
        ),
        "image": write_raster(folder / "image.tif", image_array()),
        "classes": write_raster(folder / "classes.tif", class_array(), nodata=0),
    }


# --------------------------------------------------------------------------------------------------
# case builders: (folder, world) -> world
# --------------------------------------------------------------------------------------------------
def trees_with(change: Callable[[List[List[str]]], List[List[str]]], **csv_kw):
    """A builder replacing the tree table by ``change(copy of BASE_TREES)``."""

    def build(folder: Path, world: Dict[str, str]) -> Dict[str, str]:
        rows = change([list(r) for r in BASE_TREES])
        header = csv_kw.pop("header", TREE_HEADER)
        path = write_csv(folder / "case_trees.csv", header, rows, **csv_kw)
        return dict(world, trees=str(path))

    return build


def set_cell(row: int, column: str, value: str):
    def change(rows):
        rows[row][TREE_HEADER.index(column)] = value
        return rows

    return change


def scale_dbh(factor: float, offset: float = 0.0):
    def change(rows):
        for r in rows:
            r[3] = "{:.1f}".format(float(r[3]) * factor + offset)
        return rows

    return change


def static_trees(name: str):
    def build(folder: Path, world: Dict[str, str]) -> Dict[str, str]:
        target = folder / name
        shutil.copyfile(DATA / name, target)
        return dict(world, trees=str(target), tree_fields={"wd": None})

    return build


def utf8_bom_thai(folder, world):
    rows = [list(r) for r in BASE_TREES]
    rows[0][2] = "จามจุรี"  # Samanea saman, Thai name
    header = ["รหัสแปลง", "เลขป้าย", "ชนิดไม้", "dbh_cm", "height_m", "status", "wd"]
    path = write_csv(folder / "bom.csv", header, rows, encoding="utf-8-sig")
    return dict(world, trees=str(path), tree_fields={"plot": "รหัสแปลง", "species": "ชนิดไม้"})


def comma_decimal_semicolon(folder, world):
    rows = [list(r) for r in BASE_TREES]
    for r in rows:
        r[3] = r[3] + ",5"
        r[4] = r[4] + ",2"
    path = write_csv(folder / "semicolon.csv", TREE_HEADER, rows, delimiter=";")
    return dict(world, trees=str(path))


def xlsx_merged_header(folder, world):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "trees"
    ws.append(["บัญชีต้นไม้ แปลงถาวร ปี 2568 (Tree inventory)"] + [None] * 6)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    ws.append(TREE_HEADER)
    for r in BASE_TREES:
        ws.append([r[0], r[1], r[2], float(r[3]), float(r[4]), r[5], None])
    path = folder / "merged.xlsx"
    wb.save(path)
    return dict(world, trees=str(path))


def empty_tree_table(folder, world):
    return dict(world, trees=str(write_csv(folder / "empty.csv", TREE_HEADER, [])))


def nulls_everywhere_trees(folder, world):
    rows = [[""] * len(TREE_HEADER) for _ in BASE_TREES]
    return dict(world, trees=str(write_csv(folder / "nulls.csv", TREE_HEADER, rows)))


def corrupt_gpkg(key: str):
    def build(folder, world):
        path = folder / f"corrupt_{key}.gpkg"
        path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
        return dict(world, **{key: str(path)})

    return build


def missing_file(key: str, suffix: str = ".gpkg"):
    def build(folder, world):
        return dict(world, **{key: str(folder / f"does_not_exist{suffix}")})

    return build


def corrupt_raster(key: str):
    def build(folder, world):
        path = folder / f"corrupt_{key}.tif"
        path.write_bytes(b"II*\x00" + b"\xff" * 4000)
        return dict(world, **{key: str(path)})

    return build


def plots_with(change: Callable[[List[tuple]], List[tuple]], geometry="Polygon", epsg=EPSG):
    def build(folder, world):
        rows = change(plot_rows())
        uri = write_gpkg(folder / "case_plots.gpkg", "plots", geometry, PLOT_FIELDS, rows, epsg)
        return dict(world, plots=uri)

    return build


def strata_with(change: Callable[[List[tuple]], List[tuple]], geometry="Polygon", epsg=EPSG):
    def build(folder, world):
        rows = change(strata_rows())
        uri = write_gpkg(folder / "case_strata.gpkg", "strata", geometry, STRATA_FIELDS, rows, epsg)
        return dict(world, strata=uri)

    return build


def plots_by_location(change: Callable[[List[tuple]], List[tuple]]):
    """Plots without a stratum field (strata found by location), after ``change``."""

    def build(folder, world):
        rows = [(w, v[:1] + v[2:]) for w, v in change(plot_rows())]
        fields = PLOT_FIELDS[:1] + PLOT_FIELDS[2:]
        uri = write_gpkg(folder / "located_plots.gpkg", "plots", "Polygon", fields, rows)
        return dict(world, plots=uri, params={"stratifiedestimate": {"PLOT_STRATUM_FIELD": ""}})

    return build


def bowtie_plot(rows):
    rows = list(rows)
    x, y = X0 + 20, Y0 + 20
    bowtie = f"POLYGON(({x} {y},{x + 20} {y + 20},{x + 20} {y},{x} {y + 20},{x} {y}))"
    rows[0] = (bowtie, rows[0][1])
    return rows


def drop_plots(*ids):
    def change(rows):
        return [r for r in rows if r[1][0] not in ids]

    return change


def trees_in_unknown_plot(folder, world):
    rows = [list(r) for r in BASE_TREES]
    rows[0][0] = "P99"
    path = write_csv(folder / "orphans.csv", TREE_HEADER, rows)
    return dict(world, trees=str(path))


def duplicate_tags(folder, world):
    rows = [list(r) for r in BASE_TREES]
    rows[1][1] = rows[0][1]  # P1 tag 1 twice
    path = write_csv(folder / "dups.csv", TREE_HEADER, rows)
    trees2 = [r[:3] + [str(float(r[3]) + 2.0)] + r[4:] for r in rows]
    path2 = write_csv(folder / "dups2.csv", TREE_HEADER, trees2)
    return dict(world, trees=str(path), trees2=str(path2))


def move_plot_outside(rows):
    rows = list(rows)
    wkt, values = rows[0]
    rows[0] = (square(X0 + 5000, Y0 + 5000, 20.0), values)
    return rows


def bowtie_stratum(rows):
    rows = list(rows)
    x, y = X0, Y0
    bowtie = f"POLYGON(({x} {y},{x + 200} {y + 200},{x + 200} {y},{x} {y + 200},{x} {y}))"
    rows[0] = (bowtie, rows[0][1])
    return rows


def multipart_strata(rows):
    out = []
    for wkt, values in rows:
        inner = wkt[len("POLYGON") :]
        out.append((f"MULTIPOLYGON({inner})", values))
    return out


def reproject_rows(rows, to_epsg=4326):
    from osgeo import ogr, osr

    src = osr.SpatialReference()
    src.ImportFromEPSG(EPSG)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(to_epsg)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    tr = osr.CoordinateTransformation(src, dst)
    out = []
    for wkt, values in rows:
        geom = ogr.CreateGeometryFromWkt(wkt)
        geom.Transform(tr)
        out.append((geom.ExportToWkt(), values))
    return out


def null_plot_attributes(rows):
    out = []
    for i, (wkt, values) in enumerate(rows):
        values = list(values)
        if i == 0:
            values[2:5] = [None, None, None]  # carbon, area, fraction NULL
        out.append((wkt, values))
    return out


def null_stratum_codes(rows):
    return [(wkt, [v[0], None]) for wkt, v in rows]


def plot_area_nonpositive(rows):
    rows = list(rows)
    wkt, values = rows[1]
    values = list(values)
    values[3] = -400.0
    rows[1] = (wkt, values)
    return rows


def text_density(folder, world):
    rows = plot_rows()
    rows[2] = (rows[2][0], rows[2][1][:2] + [None] + rows[2][1][3:])
    fields = list(PLOT_FIELDS)
    fields[2] = ("carbon_t_ha", "s")
    rows = [(w, v[:2] + ["n/a" if v[2] is None else str(v[2])] + v[3:]) for w, v in rows]
    uri = write_gpkg(folder / "text_density.gpkg", "plots", "Polygon", fields, rows)
    return dict(world, plots=uri)


def stratum_without_plots(rows):
    rows = list(rows)
    rows.append((square(X0 + 700, Y0, 100.0), ["GS-3", "C"]))
    return rows


def empty_layer(key: str, layer_name: str, geometry: str, fields):
    def build(folder, world):
        uri = write_gpkg(folder / f"empty_{key}.gpkg", layer_name, geometry, fields, [])
        return dict(world, **{key: uri})

    return build


def wrong_geometry(key: str, layer_name: str, geometry: str, fields, base_rows):
    def build(folder, world):
        rows = []
        for wkt, values in base_rows():
            coords = wkt[len("POLYGON((") : -2].split(",")
            if geometry == "Point":
                rows.append(("POINT({})".format(coords[0]), values))
            else:
                rows.append(("LINESTRING({},{})".format(coords[0], coords[2]), values))
        uri = write_gpkg(folder / f"lines_{key}.gpkg", layer_name, geometry, fields, rows)
        return dict(world, **{key: uri})

    return build


def raster_without_crs(key: str):
    def build(folder, world):
        arr = image_array() if key == "image" else class_array()
        path = write_raster(folder / f"nocrs_{key}.tif", arr, epsg=None, nodata=None)
        return dict(world, **{key: path})

    return build


def raster_geographic(key: str):
    def build(folder, world):
        from osgeo import gdal

        path = folder / f"geo_{key}.tif"
        gdal.Warp(str(path), world[key], dstSRS="EPSG:4326")
        return dict(world, **{key: str(path)})

    return build


def single_band_image(folder, world):
    path = write_raster(folder / "one_band.tif", image_array()[:1])
    return dict(world, image=path)


def all_nodata_classes(folder, world):
    path = write_raster(folder / "nodata.tif", np.zeros((40, 50), np.uint8), nodata=0)
    return dict(world, classes=path)


def huge_vrt(folder: Path, size: int = 200_000, tile: Optional[str] = None) -> str:
    """A ``size`` x ``size`` 4-band VRT that stretches one small tile over the whole extent.

    The VRT file is a few kB; reading it all would be ~320 GB of 16-bit pixels.
    """
    from osgeo import gdal

    tile = tile or write_raster(folder / "tile.tif", image_array(64, 64))
    src = gdal.Open(tile)
    gt = src.GetGeoTransform()
    bands = []
    for b in range(1, 5):
        bands.append(
            f'<VRTRasterBand dataType="UInt16" band="{b}"><SimpleSource>'
            f'<SourceFilename relativeToVRT="0">{tile}</SourceFilename>'
            f"<SourceBand>{b}</SourceBand>"
            f'<SrcRect xOff="0" yOff="0" xSize="64" ySize="64"/>'
            f'<DstRect xOff="0" yOff="0" xSize="{size}" ySize="{size}"/>'
            f"</SimpleSource></VRTRasterBand>"
        )
    xml = (
        f'<VRTDataset rasterXSize="{size}" rasterYSize="{size}">'
        f"<SRS>EPSG:{EPSG}</SRS>"
        f"<GeoTransform>{gt[0]}, 1.0, 0, {gt[3]}, 0, -1.0</GeoTransform>"
        + "".join(bands)
        + "</VRTDataset>"
    )
    path = folder / "huge.vrt"
    path.write_text(xml, encoding="utf-8")
    return str(path)
