"""Append-only baseline table in the project GeoPackage (GDAL/OGR + sqlite3, no QGIS).

The table ``carbonpool_baselines`` is an OGR attribute table (registered in ``gpkg_contents`` as
``attributes``), so the file stays a valid GeoPackage. A new file is created with the OGR GPKG
driver. Two SQLite triggers make the table append-only: any UPDATE or DELETE aborts.
Record content: :mod:`carbon_pool_plugin.core.baseline`.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any, Dict, List, Mapping

from .core.baseline import COLUMNS, TABLE_NAME, parse_record

_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS {t}_no_update BEFORE UPDATE ON {t} "
    "BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS {t}_no_delete BEFORE DELETE ON {t} "
    "BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END",
)


class BaselineStoreError(RuntimeError):
    pass


def _ogr():
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    ogr.UseExceptions()
    return ogr


def _open_or_create(path: str):
    ogr = _ogr()
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        ds = ogr.Open(path, 1)
        if ds is None or ds.GetDriver().GetName() != "GPKG":
            raise BaselineStoreError(f"{path} is not a GeoPackage")
        return ds
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    return driver.CreateDataSource(path)


def _ensure_table(ds) -> Any:
    ogr = _ogr()
    layer = ds.GetLayerByName(TABLE_NAME)
    if layer is not None:
        have = {
            layer.GetLayerDefn().GetFieldDefn(i).GetName()
            for i in range(layer.GetLayerDefn().GetFieldCount())
        }
        for name, kind in COLUMNS:  # forward-compatible: add columns of newer schemas
            if name not in have:
                layer.CreateField(
                    ogr.FieldDefn(name, ogr.OFTInteger64 if kind == "int" else ogr.OFTString)
                )
        return layer
    layer = ds.CreateLayer(
        TABLE_NAME,
        geom_type=ogr.wkbNone,
        options=["DESCRIPTION=Urban Carbon Pool baselines (append-only)"],
    )
    for name, kind in COLUMNS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger64 if kind == "int" else ogr.OFTString))
    return layer


def append_baseline(path: str, record: Mapping[str, Any]) -> str:
    """Append ``record`` (from :func:`core.baseline.build_record`) to ``path``; returns its id."""
    ogr = _ogr()
    ds = _open_or_create(path)
    try:
        layer = _ensure_table(ds)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, _kind in COLUMNS:
            value = record.get(name)
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
        layer.SyncToDisk()
    finally:
        ds = None  # noqa: F841  (closes the dataset)
    with sqlite3.connect(path) as con:
        for sql in _TRIGGERS:
            con.execute(sql.format(t=TABLE_NAME))
    return str(record["baseline_id"])


def load_baselines(path: str) -> List[Dict[str, Any]]:
    """Every stored baseline, oldest first, with JSON columns decoded (see ``parse_record``)."""
    if not os.path.exists(path):
        return []
    with sqlite3.connect("file:{}?mode=ro".format(path), uri=True) as con:
        con.row_factory = sqlite3.Row
        exists = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (TABLE_NAME,)
        ).fetchone()
        if not exists:
            return []
        rows = con.execute("SELECT * FROM {} ORDER BY fid".format(TABLE_NAME)).fetchall()
    return [parse_record({k: r[k] for k in r.keys() if k != "fid"}) for r in rows]
