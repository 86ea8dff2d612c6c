#!/usr/bin/env python3
"""Derive several municipalities from the bundled sample into one GeoPackage (batch demo/tests).

    python scripts/make_batch_sample.py OUT.gpkg A:2568:0 B:2572:20000 [C:2568:40000:nostratum=riparian]

Each ``CODE:YEAR:DX[:OPTION]`` adds one municipality: the sample's trees of that year
(``resources/sample/trees_<YEAR>.csv``) and its plots, green space and boundary shifted DX metres
east, every row stamped with ``muni_code = CODE``. ``nostratum=S`` drops the plots of stratum S
(bad data: a stratum without plots). Layers: trees (table), plots, green_space, boundary.
Only GDAL (osgeo.ogr) is needed.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from osgeo import ogr, osr

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"
CODE_FIELD = "muni_code"
#: the inventory columns stay text, exactly as QGIS reads the sample CSVs (the girth column holds
#: entries such as "ไม่ได้วัด", which treebiomass flags; a Real field would turn them into 0)


def parse_spec(text: str) -> dict:
    parts = text.split(":")
    if len(parts) < 3:
        raise ValueError("municipality spec is CODE:YEAR:DX[:nostratum=S], got " + text)
    spec = {"code": parts[0], "year": parts[1], "dx": float(parts[2]), "nostratum": None}
    for option in parts[3:]:
        key, _, value = option.partition("=")
        if key != "nostratum":
            raise ValueError("unknown option " + option)
        spec["nostratum"] = value
    return spec


def _copy_layer(src_layer, dst_ds, name, specs):
    srs = src_layer.GetSpatialRef()
    out = dst_ds.CreateLayer(name, srs, src_layer.GetGeomType(), ["GEOMETRY_NAME=geom"])
    src_defn = src_layer.GetLayerDefn()
    names = [src_defn.GetFieldDefn(i).GetName() for i in range(src_defn.GetFieldCount())]
    if CODE_FIELD not in names:
        out.CreateField(ogr.FieldDefn(CODE_FIELD, ogr.OFTString))
    for i in range(src_defn.GetFieldCount()):
        out.CreateField(src_defn.GetFieldDefn(i))
    out_defn = out.GetLayerDefn()
    dst_ds.StartTransaction()
    for spec in specs:
        src_layer.ResetReading()
        for feature in src_layer:
            if spec["nostratum"] and name == "plots":
                if feature.GetField("stratum") == spec["nostratum"]:
                    continue
            new = ogr.Feature(out_defn)
            new.SetFrom(feature)
            new.SetField(CODE_FIELD, spec["code"])
            if name == "boundary":
                for label in ("name_th", "name_en"):
                    if feature.GetFieldIndex(label) >= 0:
                        new.SetField(label, "{} {}".format(feature.GetField(label), spec["code"]))
            geom = feature.GetGeometryRef()
            if geom is not None:
                geom = geom.Clone()
                _shift(geom, spec["dx"])
                new.SetGeometry(geom)
            out.CreateFeature(new)
    dst_ds.CommitTransaction()


def _shift(geom, dx: float) -> None:
    if geom.GetGeometryCount():
        for i in range(geom.GetGeometryCount()):
            _shift(geom.GetGeometryRef(i), dx)
        return
    for i in range(geom.GetPointCount()):
        x, y = geom.GetX(i), geom.GetY(i)
        geom.SetPoint_2D(i, x + dx, y)


def _trees(dst_ds, specs):
    out = dst_ds.CreateLayer("trees", None, ogr.wkbNone)
    header = None
    rows = []
    for spec in specs:
        path = SAMPLE / "trees_{}.csv".format(spec["year"])
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            head = next(reader)
            header = header or head
            if head != header:
                raise ValueError("{} has other columns than the first inventory".format(path))
            rows.extend((spec["code"], row) for row in reader)
    out.CreateField(ogr.FieldDefn(CODE_FIELD, ogr.OFTString))
    for column in header:
        out.CreateField(ogr.FieldDefn(column, ogr.OFTString))
    defn = out.GetLayerDefn()
    dst_ds.StartTransaction()
    for code, row in rows:
        feature = ogr.Feature(defn)
        feature.SetField(CODE_FIELD, code)
        for column, value in zip(header, row):
            if value.strip() != "":
                feature.SetField(column, value)
        out.CreateFeature(feature)
    dst_ds.CommitTransaction()
    return len(rows)


def make_batch_sample(out: Path, specs: list) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    src = ogr.Open(str(SAMPLE / "sample_municipality.gpkg"))
    dst = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    n_trees = _trees(dst, specs)
    for name in ("plots", "green_space", "boundary"):
        _copy_layer(src.GetLayerByName(name), dst, name, specs)
    dst = None
    src = None
    print(
        "{}: {} municipalities ({}), {} trees".format(
            out, len(specs), ", ".join(s["code"] for s in specs), n_trees
        )
    )
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2:
        print(__doc__)
        return 2
    osr.UseExceptions()
    ogr.UseExceptions()
    make_batch_sample(Path(argv[0]), [parse_spec(a) for a in argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
