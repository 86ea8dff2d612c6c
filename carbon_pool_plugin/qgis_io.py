"""QGIS layers <-> pandas, in bulk. The only QGIS-aware code between the algorithms and ``core``.

Reading asks QGIS only for the attributes (and geometry) needed, in one pass; QGIS ``NULL`` becomes
``None``. Writing builds features in batches and hands them to the sink with ``FastInsert``.
"""

from __future__ import annotations

import math
import os
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .core.names import sqlite_uri
from .i18n import tr

BATCH = 20000


def _null_to_none(values: list) -> list:
    return [None if isinstance(v, QVariant) else v for v in values]


# --------------------------------------------------------------------------------------------------
# Invalid geometries.
#
# QGIS checks geometry validity inside the feature iterator of a QgsProcessingFeatureSource (the
# context's "Invalid features filtering": abort by default). On abort it throws a C++
# QgsProcessingException from ``nextFeature``; QGIS 3.22's bindings do not convert it when the
# iterator is driven from Python (``for f in source.getFeatures()``, ``materialize``, ...), which
# aborts QGIS or corrupts the interpreter. So every read of a user layer asks QGIS for no check
# (:func:`feature_iterator`) and :func:`iter_features` does the same check in Python, honouring
# the same setting, with a clean error or warning naming the layer and the feature ids.
# --------------------------------------------------------------------------------------------------
GeometryCheck = QgsFeatureRequest.InvalidGeometryCheck
#: the check mode chosen for a source (set by :func:`disable_qgis_geometry_check`)
_CHECK_ATTR = "_carbonpool_geometry_check"
#: feature ids named in an error or warning
MAX_IDS_NAMED = 10


def parameter_geometry_check(parameters: dict, key: str, context) -> GeometryCheck:
    """The invalid-geometry check QGIS would apply to the source parameter ``key``.

    The input's own override (the "advanced options" of a source parameter,
    ``QgsProcessingFeatureSourceDefinition.geometryCheck``) wins over the context's setting
    (Settings ▸ Options ▸ Processing ▸ General ▸ Invalid features filtering).
    """
    value = parameters.get(key) if parameters else None
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.flags & QgsProcessingFeatureSourceDefinition.Flag.FlagOverrideDefaultGeometryCheck
    ):
        return value.geometryCheck
    if context is None:
        return GeometryCheck.GeometryNoCheck
    return context.invalidGeometryCheck()


def disable_qgis_geometry_check(source, check: GeometryCheck):
    """Switch off QGIS's own validity check on ``source`` and remember ``check`` for
    :func:`iter_features`. Returns ``source``. Any later read of the source (also ``materialize``,
    a bulk-loaded spatial index, ...) can then no longer throw through Python."""
    if source is None:
        return None
    if isinstance(source, QgsProcessingFeatureSource):
        source.setInvalidGeometryCheck(GeometryCheck.GeometryNoCheck)
    try:
        setattr(source, _CHECK_ATTR, check)
    except (AttributeError, TypeError):  # pragma: no cover - sip wrappers take attributes
        pass
    return source


def geometry_check(source, context=None) -> GeometryCheck:
    """The check to apply in Python when reading ``source``: the one recorded by
    :func:`disable_qgis_geometry_check`, else the context's, else none. Never for points (as QGIS:
    a point is always valid) nor for tables."""
    try:
        if QgsWkbTypes.geometryType(source.wkbType()) in (
            QgsWkbTypes.GeometryType.PointGeometry,
            QgsWkbTypes.GeometryType.NullGeometry,
        ):
            return GeometryCheck.GeometryNoCheck
    except (AttributeError, TypeError):
        pass
    check = getattr(source, _CHECK_ATTR, None)
    if check is not None:
        return check
    if context is not None:
        return context.invalidGeometryCheck()
    return GeometryCheck.GeometryNoCheck


def feature_iterator(source, request: Optional[QgsFeatureRequest] = None):
    """``source.getFeatures(request)`` without QGIS's invalid-geometry check (see above).

    For a ``QgsProcessingFeatureSource`` the request's own check is overridden by the source's, so
    the source flag ``FlagSkipGeometryValidityChecks`` is needed; any other source (a layer) uses
    the request's check, set to none here. The result is a ``QgsFeatureIterator`` (usable for a
    bulk-loaded ``QgsSpatialIndex``); features are *not* validated — see :func:`iter_features`.
    """
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setInvalidGeometryCheck(GeometryCheck.GeometryNoCheck)
    if isinstance(source, QgsProcessingFeatureSource):
        return source.getFeatures(
            request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
        )
    return source.getFeatures(request)


def _ids_text(ids: Sequence, total: int) -> str:
    text = ", ".join(str(i) for i in ids[:MAX_IDS_NAMED])
    if total > MAX_IDS_NAMED:
        text += ", …"
    return text


def iter_features(
    source,
    request: Optional[QgsFeatureRequest] = None,
    context=None,
    feedback=None,
    validate: bool = True,
    check: Optional[GeometryCheck] = None,
):
    """The features of ``source`` (a feature source or layer), read safely; generator.

    QGIS is asked for no validity check (:func:`feature_iterator`); when ``validate`` and the
    request fetches geometries, each polygon/line geometry is checked here (``isGeosValid``, as
    QGIS does) according to ``check`` (default: :func:`geometry_check`):

    * ``GeometryNoCheck`` — used as they are;
    * ``GeometrySkipInvalid`` — left out, with a warning naming the layer and the feature ids;
    * ``GeometryAbortOnInvalid`` (the Processing default) — a ``QgsProcessingException`` naming the
      layer and the first feature ids with invalid geometry, suggesting “Fix geometries” or the
      Processing setting.
    """
    if check is None:
        check = geometry_check(source, context)
    iterator = feature_iterator(source, request)
    no_geometry = request is not None and bool(request.flags() & QgsFeatureRequest.Flag.NoGeometry)
    if not validate or no_geometry or check == GeometryCheck.GeometryNoCheck:
        yield from iterator
        return
    skipped: list = []
    try:
        for feature in iterator:
            if feature.hasGeometry() and not feature.geometry().isGeosValid():
                if check == GeometryCheck.GeometrySkipInvalid:
                    skipped.append(feature.id())
                    continue
                _abort_on_invalid(source, feature.id(), iterator, feedback)
            yield feature
    finally:
        if skipped and feedback is not None:
            feedback.pushWarning(
                tr(
                    "{n} feature(s) of the layer “{layer}” have an invalid geometry and were "
                    "skipped (Processing setting “Invalid features filtering”); feature id(s): "
                    "{ids}. Repair them with “Fix geometries” to use them."
                ).format(
                    n=len(skipped),
                    layer=_layer_name(source),
                    ids=_ids_text(skipped, len(skipped)),
                )
            )


def _layer_name(source) -> str:
    try:
        return source.sourceName() or "?"
    except (AttributeError, RuntimeError):  # pragma: no cover
        return "?"


def _abort_on_invalid(source, first_id, iterator, feedback) -> None:
    """Raise the invalid-geometry error, naming the first few feature ids (the rest of the layer
    is scanned for them, without yielding)."""
    ids = [first_id]
    for i, feature in enumerate(iterator):
        if len(ids) > MAX_IDS_NAMED:
            break
        if feedback is not None and i % 1000 == 0 and feedback.isCanceled():
            break
        if feature.hasGeometry() and not feature.geometry().isGeosValid():
            ids.append(feature.id())
    raise QgsProcessingException(
        tr(
            "The layer “{layer}” has features with an invalid geometry (feature id(s): {ids}). "
            "Repair the layer with “Fix geometries” (native:fixgeometries) and run again, or "
            "change “Invalid features filtering” (Settings ▸ Options ▸ Processing ▸ General, or "
            "the input's advanced options) to skip invalid features or not to check them."
        ).format(layer=_layer_name(source), ids=_ids_text(ids, len(ids)))
    )


def read_frame(
    source,
    field_names: Optional[Sequence[str]] = None,
    with_geometry: bool = False,
    feedback=None,
    progress_span: tuple[float, float] = (0.0, 30.0),
    context=None,
) -> tuple[pd.DataFrame, list]:
    """Read ``source`` (a ``QgsFeatureSource``) into a DataFrame of the requested fields.

    Returns ``(frame, geometries)``; ``geometries`` is empty unless ``with_geometry``. The frame's
    index is the 0-based row number; ``frame.attrs["fids"]`` keeps the feature ids. Read through
    :func:`iter_features`: with geometries, invalid ones are handled as the Processing setting
    says (``context``, or the check recorded on the source).
    """
    all_fields = source.fields()
    names = list(field_names) if field_names is not None else all_fields.names()
    for name in names:
        if all_fields.indexOf(name) < 0:
            raise QgsProcessingException(
                tr("Field “{field}” does not exist in the input layer (fields: {fields}).").format(
                    field=name, fields=", ".join(all_fields.names())
                )
            )
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, all_fields)
    indices = [all_fields.indexOf(n) for n in names]
    total = max(source.featureCount(), 1)
    rows: list = []
    fids: list = []
    geoms: list = []
    lo, hi = progress_span
    features = iter_features(source, request, context, feedback)
    for i, feature in enumerate(features):
        attrs = feature.attributes()
        rows.append([attrs[j] for j in indices])
        fids.append(feature.id())
        if with_geometry:
            geoms.append(feature.geometry())
        if feedback is not None and i % BATCH == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(lo + (hi - lo) * i / total)
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    if len(frame):
        frame = frame.apply(lambda col: pd.Series(_null_to_none(col.tolist()), dtype=object))
    frame.attrs["fids"] = fids
    return frame, geoms


def output_fields(base: QgsFields, columns: Iterable[tuple[str, str]]) -> QgsFields:
    """``base`` plus new fields ``(name, kind)`` with kind in double/int/string (replacing clashes)."""
    kinds = {"double": QVariant.Double, "int": QVariant.Int, "string": QVariant.String}
    new = list(columns)
    clash = {name for name, _ in new}
    fields = QgsFields()
    for field in base:
        if field.name() not in clash:
            fields.append(field)
    for name, kind in new:
        fields.append(QgsField(name, kinds[kind]))
    return fields


def _python_value(value):
    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def write_frame(
    sink,
    fields: QgsFields,
    frame: pd.DataFrame,
    geometries: Sequence = (),
    feedback=None,
    progress_span: tuple[float, float] = (80.0, 100.0),
) -> int:
    """Write every row of ``frame`` (columns in ``fields`` order) to ``sink``; returns the count."""
    names = fields.names()
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise QgsProcessingException("internal: columns missing for output: " + ", ".join(missing))
    columns = [frame[n].to_numpy(dtype=object) for n in names]
    n = len(frame)
    lo, hi = progress_span
    written = 0
    for start in range(0, n, BATCH):
        if feedback is not None and feedback.isCanceled():
            return written
        stop = min(start + BATCH, n)
        batch = []
        for i in range(start, stop):
            feature = QgsFeature(fields)
            feature.setAttributes([_python_value(col[i]) for col in columns])
            if geometries:
                feature.setGeometry(geometries[i])
            batch.append(feature)
        if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Could not write features to the output."))
        written += len(batch)
        if feedback is not None:
            feedback.setProgress(lo + (hi - lo) * stop / max(n, 1))
    return written


# --------------------------------------------------------------------------------------------------
# Fast path for file-based OGR sources and GeoPackage outputs (same results as the generic path).
#
# read: GDAL's columnar reader (``ogr.Layer.GetArrowStreamAsNumPy``, GDAL ≥ 3.6) instead of one
#       ``QgsFeature`` per row.
# write: the output GeoPackage starts as a copy of the input, made in a background thread while the
#       caller reads and computes, then gets the new columns, filled keyed by feature id:
#       - a single-layer GeoPackage input whose feature ids the output keeps is copied as a whole
#         file (its R-tree included: the geometries do not change, so there is nothing to rebuild),
#         the table renamed by GDAL to the output's layer name, and the rows updated with one
#         prepared ``UPDATE … WHERE fid = ?`` run for every row;
#       - any other input is copied by ``gdal.VectorTranslate`` (what ``ogr2ogr`` does — the I/O
#         floor) and filled with one SQL ``UPDATE … FROM`` a temporary SQLite table of results.
# Anything else (memory layers, filtered/selected/edited layers, CSV → memory, PostGIS, …) takes the
# generic QgsFeature path above.
# --------------------------------------------------------------------------------------------------
class OgrFileSource:
    """A file-based OGR layer that can be read directly with GDAL: ``path`` and ``layer_name``."""

    def __init__(self, path: str, layer_name: Optional[str], layer_index: Optional[int]):
        self.path = path
        self.layer_name = layer_name
        self.layer_index = layer_index

    def open(self):
        from osgeo import gdal

        ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        if ds is None:
            return None, None
        if self.layer_name:
            layer = ds.GetLayerByName(self.layer_name)
        else:
            layer = ds.GetLayer(self.layer_index or 0)
        return ds, layer


def _has_arrow_numpy() -> bool:
    try:
        from osgeo import gdal, ogr
    except ImportError:  # pragma: no cover
        return False
    return int(gdal.VersionInfo()) >= 3060000 and hasattr(ogr.Layer, "GetArrowStreamAsNumPy")


def ogr_file_source(parameters: dict, key: str, layer, context=None) -> Optional[OgrFileSource]:
    """The GeoPackage layer behind the source parameter ``key``, or ``None`` when it must be read
    by QGIS.

    ``None`` for anything but a plain GeoPackage layer with a ``fid`` column: other providers
    (memory, PostGIS, delimited text, …) and OGR formats (shapefile, CSV, XLSX: encodings and
    open options are QGIS's), subset strings, open options, layers with unsaved edits, "selected
    features only", feature limits or filters, and files GDAL cannot open.
    """
    import os

    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry

    if layer is None or not _has_arrow_numpy():
        return None
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1:
            return None
        if getattr(value, "filterExpression", ""):
            return None
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() or layer.isModified():
        return None
    provider = layer.dataProvider()
    if provider is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", provider.dataSourceUri())
    path = parts.get("path") or ""
    if not path or not os.path.isfile(path) or parts.get("subset"):
        return None
    if parts.get("openOptions"):
        return None  # e.g. a CSV's X/Y columns or type detection: only QGIS applies them
    layer_name = parts.get("layerName") or None
    layer_id = parts.get("layerId")
    index = int(layer_id) if layer_id not in (None, "") else None
    src = OgrFileSource(path, layer_name, index)
    ds, lyr = src.open()
    if lyr is None or lyr.GetFeatureCount() != layer.featureCount():
        return None
    # GeoPackage only: its text is UTF-8 by definition (a shapefile's may be re-encoded by QGIS's
    # provider encoding, a CSV's types and geometry come from open options), and its fid column
    # must be "fid", which QGIS shows as a field (an OBJECTID fid column would be dropped)
    if ds.GetDriver().ShortName != "GPKG" or (lyr.GetFIDColumn() or "").lower() != "fid":
        return None
    if lyr.GetLayerDefn().GetGeomFieldCount() > 1:
        return None
    return src


def _column_from_arrow(values) -> np.ndarray:
    """An Arrow/numpy column -> object/float array as :func:`read_frame` would give to ``core``.

    Text comes back as ``str`` (bytes decoded as UTF-8), integers as Python ``int`` (as QGIS gives
    them: ``1`` stays ``"1"`` as text, e.g. an open-grown code, and 64-bit ids keep every digit),
    doubles as float64 with NULL as NaN, other NULLs as ``None``. A column with NULLs arrives as
    a masked array and is converted the same way (one empty cell must not change the others).
    Raises ``ValueError`` for single-precision floats: GeoPackage stores them as doubles, which
    QGIS reads in full, while the Arrow stream rounds them to float32 (use the generic reader).
    """
    if values.dtype.kind == "f" and values.dtype.itemsize < 8:
        raise ValueError("float32 column")
    if isinstance(values, np.ma.MaskedArray):
        if values.dtype.kind == "f":
            return values.astype("float64").filled(np.nan)
        mask = np.ma.getmaskarray(values)
        data = _column_from_arrow(np.asarray(values.data))
        if data.dtype != object:
            data = data.astype(object)
        data[mask] = None
        return data
    if values.dtype.kind == "S":
        codes, uniques = pd.factorize(values)
        text = np.array([u.decode("utf-8", "replace") for u in uniques] + [None], dtype=object)
        return text[codes]
    if values.dtype.kind == "O":
        return np.array(
            [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in values],
            dtype=object,
        )
    if values.dtype.kind in "iub":
        return values.astype(object)  # Python ints (bools as such), as QGIS gives them
    return values


def read_frame_ogr(
    src: OgrFileSource, field_names: Sequence[str], feedback=None
) -> Optional[pd.DataFrame]:
    """Read ``field_names`` of ``src`` in bulk with GDAL; ``None`` if GDAL cannot (use read_frame).

    Rows are in the layer's natural order (the order QGIS and ``ogr2ogr`` iterate), so row ``i``
    is the ``i``-th feature of a copy. Empty text cells may come back as ``""`` rather than
    ``None``; ``core`` treats both as missing.
    """
    ds, layer = src.open()
    if layer is None:
        return None
    defn = layer.GetLayerDefn()
    all_names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    if any(name not in all_names for name in field_names):
        return None
    ignored = [n for n in all_names if n not in field_names] + ["OGR_GEOMETRY", "OGR_STYLE"]
    layer.SetIgnoredFields(ignored)
    chunks: dict = {name: [] for name in field_names}
    fids: list = []
    try:
        stream = layer.GetArrowStreamAsNumPy(["INCLUDE_FID=YES", "MAX_FEATURES_IN_BATCH=200000"])
        for batch in stream:
            fids.append(np.asarray(batch.get("fid", batch.get("OGC_FID", []))))
            for name in field_names:
                chunks[name].append(_column_from_arrow(batch[name]))
            if feedback is not None and feedback.isCanceled():
                break
    except (RuntimeError, KeyError, TypeError, ValueError):
        return None
    data = {}
    for name in field_names:
        parts = chunks[name]
        if not parts:
            data[name] = np.array([], dtype=object)
        elif any(p.dtype == object for p in parts):
            data[name] = np.concatenate([p.astype(object) for p in parts])
        else:
            data[name] = np.concatenate(parts)
    frame = pd.DataFrame(data, columns=list(field_names))
    frame.attrs["fids"] = np.concatenate(fids).tolist() if fids else []
    return frame


#: GeoPackage/SQLite system tables a whole-file copy keeps (GDAL updates their rows when it deletes
#: or renames a layer)
_GPKG_SYSTEM_TABLES = {
    "gpkg_spatial_ref_sys",
    "gpkg_contents",
    "gpkg_ogr_contents",
    "gpkg_geometry_columns",
    "gpkg_tile_matrix_set",
    "gpkg_tile_matrix",
    "gpkg_extensions",
    "gpkg_data_columns",
    "gpkg_data_column_constraints",
    "gpkg_metadata",
    "gpkg_metadata_reference",
    "sqlite_sequence",
    "sqlite_stat1",
    "sqlite_stat4",
}
#: the largest share of the file other objects may take for a whole-file copy to pay off (1M
#: points, GDAL 3.6: copying the file and dropping two other 1M-point layers + VACUUM took 3.3 s,
#: rebuilding the layer's R-tree in a GDAL copy ~12 s; kept well below that crossover for slow
#: disks); above ``_VACUUM_SHARE`` the copy is compacted with VACUUM once they are dropped
_MAX_FOREIGN_SHARE = 0.8
_VACUUM_SHARE = 0.05


class WholeFilePlan:
    """How to turn a byte copy of a GeoPackage into a copy of one of its layers.

    ``layers``: other vector layers to delete (through GDAL, which cleans their metadata and
    R-trees); ``objects``: other ``(type, name)`` SQLite objects to drop (QGIS's ``layer_styles``,
    user tables, views, user triggers — ``ogr2ogr`` would not copy them either); ``vacuum``: compact
    the file afterwards (they took a noticeable share of it).
    """

    def __init__(self, layer: str, layers: list, objects: list, vacuum: bool):
        #: the copied layer's table name in the input
        self.layer = layer
        self.layers = layers
        self.objects = objects
        self.vacuum = vacuum


def _gdal_trigger(name: str, layer: str) -> bool:
    """A trigger GDAL/GeoPackage itself created for ``layer`` (kept) or a system table's."""
    low, table = name.lower(), layer.lower()
    return (
        low.startswith("gpkg_")
        or low.startswith("rtree_{}_".format(table))
        or low in ("trigger_insert_feature_count_" + table, "trigger_delete_feature_count_" + table)
    )


def gpkg_whole_file_plan(src: OgrFileSource) -> Optional[WholeFilePlan]:
    """A :class:`WholeFilePlan` when a byte copy of ``src``'s file is the quickest complete copy of
    its layer, else ``None`` (copy through GDAL).

    Taken for a GeoPackage with no uncheckpointed write-ahead log whose other content (other
    layers, styles, user tables) is at most 80 % of the file, and no tile pyramids.
    """
    import sqlite3

    if not src.path.lower().endswith(".gpkg"):
        return None
    wal = src.path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        return None  # committed pages may still be in the log: copy through GDAL instead
    _ds, layer = src.open()
    if layer is None or _ds.GetDriver().ShortName != "GPKG":
        return None
    name = layer.GetName()
    layer = _ds = None
    low = name.lower()
    rtree = "rtree_{}_".format(low)
    try:
        uri = sqlite_uri(src.path) + "&immutable=1"
        con = sqlite3.connect(uri, uri=True)
        try:
            schema = con.execute(
                "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN "
                "('table', 'view', 'trigger', 'index')"
            ).fetchall()
            own_names = {n.lower() for k, n, t in schema if k == "index" and t.lower() == low}
            contents = con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall()
            layers = [t for t, kind in contents if t.lower() != low]
            if any(kind not in ("features", "attributes") for _t, kind in contents):
                return None  # tiles: not handled here
            tables = {n.lower() for k, n, _t in schema if k == "table"}
            if any(t.lower() not in tables for t, _kind in contents):
                return None  # a view registered as a layer, or a row whose table is gone
            other = {t.lower() for t in layers}
            objects = []
            for kind, obj, table in schema:
                obj_low, table_low = obj.lower(), table.lower()
                if kind == "index":
                    continue  # dropped with their table, or kept with the layer
                if kind == "trigger":
                    if table_low == low and not _gdal_trigger(obj, name):
                        objects.append((kind, obj))
                    continue
                if obj_low in _GPKG_SYSTEM_TABLES or obj_low == low or obj_low.startswith(rtree):
                    continue
                if obj_low in other or any(obj_low.startswith("rtree_" + t + "_") for t in other):
                    continue  # deleted with its layer
                objects.append((kind, obj))
            share = 0.0
            if layers or any(kind != "trigger" for kind, _ in objects):
                try:
                    pages = dict(con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
                except sqlite3.Error:
                    return None  # no dbstat: cannot tell how much would be dropped
                total = float(sum(pages.values())) or 1.0
                own = sum(
                    size
                    for table, size in pages.items()
                    if table.lower() in own_names
                    or table.lower() == low
                    or table.lower().startswith(rtree)
                )
                system = sum(
                    size
                    for table, size in pages.items()
                    if table.lower().startswith(("gpkg_", "sqlite_"))
                )
                share = (total - own - system) / total
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if share > _MAX_FOREIGN_SHARE:
        return None
    return WholeFilePlan(name, layers, objects, share > _VACUUM_SHARE)


#: the GDAL SQL functions GeoPackage R-tree triggers name
_GPKG_TRIGGER_FUNCTIONS = ("ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")


def _sqlite_snapshot(source: str, dest: str) -> None:
    """Copy the GeoPackage ``source`` to ``dest`` page by page with SQLite's backup API: under a
    read lock, so a run writing to the input at the same moment cannot tear the copy (a plain
    file copy could). The copy is put in the ordinary rollback-journal mode.

    A database in WAL mode (QGIS switches GeoPackages it edits to WAL) is copied as a file
    instead: a read-only SQLite connection would leave ``-wal``/``-shm`` files beside the user's
    input, and :func:`gpkg_whole_file_plan` already refused one with a pending log."""
    import shutil
    import sqlite3

    with open(source, "rb") as handle:
        header = handle.read(20)
    if len(header) == 20 and header[18] == 2:  # file format write version 2: WAL
        shutil.copyfile(source, dest)
        out = sqlite3.connect(dest)
        try:
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        return
    src = sqlite3.connect(sqlite_uri(source), uri=True)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
    finally:
        src.close()


def _refuse_geometry_update(*_args):
    raise ValueError("geometry columns are not updated by this writer")


def gpkg_destination(dest_id: str) -> Optional[tuple]:
    """``(path, layer_name)`` when a sink's destination is a whole GeoPackage file we may rewrite."""
    import os

    if not dest_id or "memory:" in dest_id or dest_id.lower().startswith(("postgres", "ogr:")):
        return None
    path, _sep, rest = dest_id.partition("|")
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return None
    # as QGIS names a new GeoPackage's layer: the file name up to its first dot (QFileInfo::baseName)
    layer_name = os.path.basename(path).split(".")[0]
    for part in rest.split("|"):
        if part.startswith("layername="):
            layer_name = part.split("=", 1)[1]
    return path, layer_name


def _sql_column(values: np.ndarray, kind: str) -> list:
    """One output column as a list of SQLite parameters (``NaN`` and ``None`` -> NULL)."""
    if kind == "double":
        return np.asarray(values, dtype="float64").tolist()  # sqlite3 binds NaN as NULL
    if kind == "int":
        return [_python_value(v) for v in values]
    return [None if v is None else str(v) for v in values.tolist()]


class GpkgCopyWriter:
    """Write ``input + new columns`` to a GeoPackage: copy in the background, then one UPDATE.

    Usage: ``w = GpkgCopyWriter(src, dest_path, layer_name); w.start()`` (before the heavy work),
    then ``w.finish(frame, kinds)`` where ``frame`` has one row per input feature in read order.
    The copy is ``gdal.VectorTranslate`` (GeoPackage, spatial index as QGIS writes it), feature ids
    renumbered 1..n like a QGIS sink; it releases the GIL, so it overlaps the caller's computing.
    """

    def __init__(
        self,
        src: OgrFileSource,
        dest_path: str,
        layer_name: str,
        kinds: Optional[Sequence[tuple[str, str]]] = None,
    ):
        self.src = src
        self.dest_path = dest_path
        self.layer_name = layer_name
        #: new columns (name, double/int/string), added by the background thread after the copy
        self.kinds = list(kinds) if kinds else []
        #: keep the input's feature ids (set with ``gdal_fids``, the input ids in copy order);
        #: default: renumbered 1..n in copy order
        self.keep_fids = False
        self.gdal_fids: list = []
        #: copy the input file as a whole (a :class:`WholeFilePlan`; needs keep_fids) or None
        self.whole_file: Optional[WholeFilePlan] = None
        self._fields_added: list = []
        self._thread = None
        self._error: Optional[BaseException] = None
        import threading

        #: set by :meth:`abort` (a cancelled or failed run): the GDAL copy stops at its next
        #: progress callback
        self._abort = threading.Event()

    def _copy(self) -> None:
        import os

        from osgeo import gdal

        try:
            if os.path.exists(self.dest_path):
                os.remove(self.dest_path)
            if self.whole_file:
                try:
                    self._copy_whole_file()
                    return
                except Exception:  # anything unexpected in the file: copy through GDAL instead
                    remove_dataset(self.dest_path)
                    self.whole_file = None
                    self._fields_added = []
            ds, layer = self.src.open()
            options = gdal.VectorTranslateOptions(
                format="GPKG",
                layers=[layer.GetName()],
                layerName=self.layer_name,
                options=[] if self.keep_fids else ["-unsetFid"],
                callback=lambda _pct, _msg, _data: 0 if self._abort.is_set() else 1,
            )
            layer = None
            out = gdal.VectorTranslate(self.dest_path, ds, options=options)
            if out is None:
                raise RuntimeError(gdal.GetLastErrorMsg() or "GDAL could not copy the input")
            if self.kinds:  # the new (empty) columns, still off the caller's critical path
                self._fields_added = self._add_fields(out, self.kinds)
            out = None
            ds = None
        except BaseException as err:  # reported in finish()
            self._error = err

    def _copy_whole_file(self) -> None:
        """Byte copy of a single-layer GeoPackage, its table renamed to the output layer name by
        GDAL (which also renames the R-tree, its triggers and the metadata rows)."""

        from osgeo import gdal

        plan = self.whole_file
        _sqlite_snapshot(self.src.path, self.dest_path)
        out = gdal.OpenEx(self.dest_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        if out is None:
            raise RuntimeError(gdal.GetLastErrorMsg() or "GDAL could not open the copy")
        for other in plan.layers:
            index = next(
                i for i in range(out.GetLayerCount()) if out.GetLayer(i).GetName() == other
            )
            if out.DeleteLayer(index) != 0:
                raise RuntimeError("could not drop the layer {} from the copy".format(other))
        for kind, name in plan.objects:
            out.ExecuteSQL('DROP {} IF EXISTS "{}"'.format(kind.upper(), name.replace('"', '""')))
        if plan.vacuum:
            out.ExecuteSQL("VACUUM")
        old_name = plan.layer
        if old_name != self.layer_name:
            # names differing only in case go through a temporary name (SQLite compares
            # table names without case)
            steps = [self.layer_name]
            if old_name.lower() == self.layer_name.lower():
                steps.insert(0, "cp_rename_{}".format(os.getpid()))
            for new_name in steps:
                gdal.ErrorReset()
                out.ExecuteSQL(
                    'ALTER TABLE "{}" RENAME TO "{}"'.format(
                        old_name.replace('"', '""'), new_name.replace('"', '""')
                    )
                )
                layer = out.GetLayerByName(new_name)
                if layer is None or layer.GetName() != new_name:
                    raise RuntimeError(
                        gdal.GetLastErrorMsg() or "could not rename the copied layer"
                    )
                layer = None
                old_name = new_name
        self._ensure_spatial_index(out)
        if self.kinds:
            self._fields_added = self._add_fields(out, self.kinds)
        out = None

    def _ensure_spatial_index(self, ds) -> None:
        """Give the copy an R-tree when the input had none (``ogr2ogr`` and QGIS's sink make
        one): the output's index setting does not depend on how it was produced."""
        layer = ds.GetLayerByName(self.layer_name)
        geom = layer.GetGeometryColumn() if layer is not None else ""
        layer = None
        if not geom:
            return  # attribute table
        args = "'{}', '{}'".format(self.layer_name.replace("'", "''"), geom.replace("'", "''"))
        found = ds.ExecuteSQL("SELECT HasSpatialIndex({})".format(args))
        has_index = found is not None and bool(found.GetNextFeature().GetField(0))
        if found is not None:
            ds.ReleaseResultSet(found)
        if not has_index:
            ds.ExecuteSQL("SELECT CreateSpatialIndex({})".format(args))

    def _update_rows(self, frame: pd.DataFrame, kinds) -> bool:
        """Fill the new columns of a whole-file copy: one prepared UPDATE per row, keyed by fid.

        The GeoPackage R-tree triggers only act when a geometry or a feature id changes (never
        here) but name GDAL's ``ST_*`` SQL functions, which this plain SQLite connection gets as
        stand-ins that refuse to run. Returns False, with nothing written, when SQLite cannot
        prepare the statement (e.g. another trigger needs a function only GDAL has).
        """
        import sqlite3

        names = [name for name, _ in kinds]
        columns = [_sql_column(frame[name].to_numpy(), kind) for name, kind in kinds]
        columns.append(self.gdal_fids)
        table = self.layer_name.replace('"', '""')
        assign = ", ".join('"{}" = ?'.format(name.replace('"', '""')) for name in names)
        con = sqlite3.connect(self.dest_path, isolation_level=None)
        try:
            for func in _GPKG_TRIGGER_FUNCTIONS:
                con.create_function(func, 1, _refuse_geometry_update, deterministic=True)
            # a fresh output file: no rollback journal (every row is rewritten once; a journal
            # would write the table a second time); a failed run removes the whole file.
            con.execute("PRAGMA journal_mode = OFF")
            con.execute("PRAGMA synchronous = OFF")
            fid_column = self._fid_column(con)
            sql = 'UPDATE "{}" SET {} WHERE "{}" = ?'.format(table, assign, fid_column)
            rows = zip(*columns)
            con.execute("BEGIN")
            first = next(rows, None)
            if first is not None:
                try:
                    changed = con.execute(sql, first).rowcount
                except sqlite3.OperationalError as err:
                    if "no such function" not in str(err):
                        raise  # disk full, locked, I/O: a real error
                    con.execute("ROLLBACK")  # not prepared: nothing written
                    return False
                changed += max(con.executemany(sql, rows).rowcount, 0)
                if changed != len(self.gdal_fids):
                    raise ValueError(
                        "{} of {} rows matched a feature id".format(changed, len(self.gdal_fids))
                    )
            con.execute(
                "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE lower(table_name) = lower(?)",
                (self.layer_name,),
            )
            con.execute("COMMIT")
        except (sqlite3.Error, ValueError) as err:
            raise QgsProcessingException(
                tr("Could not write features to the output.") + " " + str(err)
            ) from err
        finally:
            con.close()
        return True

    def _fid_column(self, con) -> str:
        """The integer primary key of the output table (GeoPackage: usually ``fid``)."""
        table = self.layer_name.replace("'", "''")
        for row in con.execute("PRAGMA table_info('{}')".format(table)):
            if row[5] == 1 and str(row[2]).upper() == "INTEGER":
                return str(row[1])
        return "fid"

    def _add_fields(self, ds, kinds) -> list:
        from osgeo import ogr

        layer = ds.GetLayerByName(self.layer_name)
        ogr_types = {"double": ogr.OFTReal, "int": ogr.OFTInteger, "string": ogr.OFTString}
        for name, kind in kinds:
            if layer.CreateField(ogr.FieldDefn(name, ogr_types[kind])) != 0:
                raise RuntimeError("could not add the field {}".format(name))
        return [tuple(k) for k in kinds]

    def start(self) -> None:
        import threading

        self._thread = threading.Thread(target=self._copy, name="carbonpool-gpkg-copy")
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            raise QgsProcessingException(
                tr("Could not write features to the output.") + " " + str(self._error)
            )

    def finish(self, frame: pd.DataFrame, kinds: Sequence[tuple[str, str]], feedback=None) -> int:
        """Add the columns ``kinds`` (name, double/int/string) filled from ``frame``."""
        import os
        import sqlite3
        import tempfile

        from osgeo import gdal, ogr

        names = [name for name, _ in kinds]
        n = len(frame)
        if self.whole_file:
            self.wait()
            if self._fields_added != [tuple(k) for k in kinds]:
                ds = ogr.Open(self.dest_path, 1)
                if ds is None:
                    raise QgsProcessingException(tr("Could not write features to the output."))
                self._add_fields(ds, kinds)
                ds = None
            if self._update_rows(frame, kinds):
                return n
            # fall through: SQLite could not prepare the row update here; use GDAL's connection
        # 1. results into a temporary SQLite table (Python binding cost; overlaps the copy)
        tmpdir = tempfile.mkdtemp(prefix="carbonpool_")
        res_path = os.path.join(tmpdir, "results.sqlite")
        sql_types = {"double": "REAL", "int": "INTEGER", "string": "TEXT"}
        try:
            con = sqlite3.connect(res_path)
            con.execute("PRAGMA journal_mode=OFF")
            con.execute("PRAGMA synchronous=OFF")
            cols = ", ".join('"c{}" {}'.format(i, sql_types[k]) for i, (_, k) in enumerate(kinds))
            con.execute("CREATE TABLE r (fid INTEGER PRIMARY KEY, {})".format(cols))
            columns = [self.gdal_fids if self.keep_fids else range(1, n + 1)]
            for name, kind in kinds:
                columns.append(_sql_column(frame[name].to_numpy(), kind))
            placeholders = ", ".join("?" * (len(kinds) + 1))
            con.execute("BEGIN")
            con.executemany("INSERT INTO r VALUES ({})".format(placeholders), zip(*columns))
            con.commit()
            con.close()
            if feedback is not None:
                feedback.setProgress(90)
            # 2. wait for the copy, then add the fields through OGR (GeoPackage metadata) ...
            self.wait()
            ds = ogr.Open(self.dest_path, 1)
            if ds is None:
                raise QgsProcessingException(tr("Could not write features to the output."))
            if self._fields_added != [tuple(k) for k in kinds]:
                self._add_fields(ds, kinds)
            layer = ds.GetLayerByName(self.layer_name)
            fid_column = layer.GetFIDColumn() or "fid"
            layer = None
            # 3. ... and fill them with one statement in one transaction, through GDAL's own
            # connection (the GeoPackage R-tree triggers call GDAL's ST_* SQL functions)
            table = self.layer_name.replace('"', '""')
            assign = ", ".join(
                '"{}" = r."c{}"'.format(name.replace('"', '""'), i) for i, name in enumerate(names)
            )
            ds.ExecuteSQL("PRAGMA synchronous = OFF")
            # a fresh output file: no rollback journal (the UPDATE rewrites every row; a journal
            # would write the table a second time). An interrupted run leaves no usable output
            # either way.
            ds.ExecuteSQL("PRAGMA journal_mode = OFF")
            ds.ExecuteSQL("ATTACH DATABASE '{}' AS cp_res".format(res_path.replace("'", "''")))
            ds.StartTransaction()
            gdal.ErrorReset()
            ds.ExecuteSQL(
                'UPDATE "{t}" SET {a} FROM cp_res.r AS r WHERE r.fid = "{t}"."{f}"'.format(
                    t=table, a=assign, f=fid_column
                )
            )
            if gdal.GetLastErrorType() >= gdal.CE_Failure:  # SQLite < 3.33: no UPDATE FROM
                gdal.ErrorReset()
                sets = ", ".join(
                    '"{}" = (SELECT r."c{}" FROM cp_res.r AS r WHERE r.fid = "{}"."{}")'.format(
                        name.replace('"', '""'), i, table, fid_column
                    )
                    for i, name in enumerate(names)
                )
                ds.ExecuteSQL('UPDATE "{}" SET {}'.format(table, sets))
            failed = gdal.GetLastErrorType() >= gdal.CE_Failure
            message = gdal.GetLastErrorMsg()
            ds.CommitTransaction()
            ds.ExecuteSQL("DETACH DATABASE cp_res")
            ds = None
            if failed:
                raise QgsProcessingException(
                    tr("Could not write features to the output.") + " " + message
                )
        finally:
            self.wait_quietly()
            try:
                os.remove(res_path)
                os.rmdir(tmpdir)
            except OSError:
                pass
        return n

    def finish_by_fid(self, frame: pd.DataFrame, fids: Sequence, kinds, feedback=None) -> bool:
        """:meth:`finish` with ``frame`` rows keyed by input feature id (``fids``, any order).

        Returns False (nothing written, the copy awaited) when the ids are not those of the
        copy; the caller then writes through the generic sink.
        """
        position = {int(f): i for i, f in enumerate(fids)}
        if len(position) != len(frame) or len(position) != len(self.gdal_fids):
            self.wait_quietly()
            return False
        try:
            rows = [position[f] for f in self.gdal_fids]
        except KeyError:
            self.wait_quietly()
            return False
        self.finish(frame.iloc[rows].reset_index(drop=True), kinds, feedback)
        return True

    def abort(self) -> None:
        """Stop the background copy soon (its output is being discarded)."""
        self._abort.set()

    def wait_quietly(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def set_fid_policy(writer: GpkgCopyWriter, src: OgrFileSource, existing: set) -> None:
    """Feature ids as the generic QGIS sink would write them, and whether to copy the whole file.

    A GeoPackage input's ``fid`` is one of its QGIS fields (``existing``: lower-case input field
    names), which the generic sink writes back as the feature id: keep the ids then; otherwise
    number them 1..n, as it would. Only an output keeping the ids may be a whole-file copy.
    ``writer.gdal_fids`` must be set (the input ids in read order).
    """
    _ds, lyr = src.open()
    writer.keep_fids = (
        lyr is not None
        and _ds.GetDriver().ShortName == "GPKG"
        and (lyr.GetFIDColumn() or "").lower() == "fid"
        and "fid" in existing
        and min(writer.gdal_fids, default=1) >= 1
    )
    lyr = _ds = None
    writer.whole_file = gpkg_whole_file_plan(src) if writer.keep_fids else None


def start_gpkg_copy(outputs, input_key, output_key, source, fields, kinds):
    """A started :class:`GpkgCopyWriter` for ``output_key`` = ``input_key`` + ``kinds``, or None
    (see :func:`prepare_gpkg_copy`). Pass the results with :meth:`GpkgCopyWriter.finish_by_fid`."""
    writer = prepare_gpkg_copy(outputs, input_key, output_key, source, fields, kinds)
    if writer is not None:
        writer.start()
    return writer


def prepare_gpkg_copy(outputs, input_key, output_key, source, fields, kinds, read=()):
    """A :class:`GpkgCopyWriter` (not started) for ``output_key`` = ``input_key`` + ``kinds``,
    or None.

    For algorithms whose output layer is every input feature plus new columns. Taken when the input
    is a plain GeoPackage layer (see :func:`ogr_file_source`), the output a GeoPackage file and
    no new column clashes with an input field; anything else returns ``None`` (use the generic
    sink). ``outputs`` is the run's :class:`~.atomic_outputs.AtomicOutputs`: the sink is created
    through it first, as QGIS would, so the destination id and loading on completion are
    unchanged; that empty temporary file is then replaced by the copy, which runs in the background
    while the caller reads and computes, and ``outputs.commit()`` moves it into place.

    The input columns ``read`` are read in bulk on the way (``writer.frame``, rows in copy
    order). The writer carries ``dest_id`` (the final id) and ``gdal_fids`` (the input's feature
    ids in copy order).
    """
    alg, parameters, context = outputs.alg, outputs.parameters, outputs.context
    existing = {name.lower() for name in source.fields().names()}
    if any(name.lower() in existing for name, _kind in kinds):
        return None  # replaced columns: the generic path handles the clash
    target = alg.parameterAsOutputLayer(parameters, output_key, context) or ""
    if not target.lower().endswith(".gpkg") or "memory:" in target:
        return None
    layer = alg.parameterAsVectorLayer(parameters, input_key, context)
    src = ogr_file_source(parameters, input_key, layer, context)
    if src is None:
        return None
    frame = read_frame_ogr(src, list(read))
    if frame is None or len(frame.attrs["fids"]) != source.featureCount():
        return None
    writer = gpkg_copy_writer(outputs, output_key, src, fields, source, kinds)
    if writer is None:
        return None
    writer.frame = frame
    writer.gdal_fids = [int(f) for f in frame.attrs["fids"]]
    set_fid_policy(writer, src, existing)
    return writer


def gpkg_copy_writer(outputs, output_key, src, fields, source, kinds) -> Optional[GpkgCopyWriter]:
    """A (not started) :class:`GpkgCopyWriter` writing ``output_key``'s temporary GeoPackage, or
    None when the output is not a whole GeoPackage file (then write through the generic sink)."""
    alg, parameters = outputs.alg, outputs.parameters
    sink, dest_id = outputs.sink(output_key, fields, source.wkbType(), source.sourceCrs())
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, output_key))
    del sink  # closes the (still empty) temporary file
    temp_id = outputs.temp_id(dest_id)
    dest = gpkg_destination(temp_id) if temp_id else None
    if dest is None:
        return None
    writer = GpkgCopyWriter(src, dest[0], dest[1], kinds)
    writer.dest_id = dest_id  # the final id: results, styling, loading on completion
    outputs.add_writer(writer)  # commit/discard wait for it
    return writer


# --------------------------------------------------------------------------------------------------
# Outputs are complete or absent: what a cancelled or failed run removes.
# --------------------------------------------------------------------------------------------------
def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: the process's umask, read once at import: reading it means setting it for a moment, which is
#: not safe while other threads (parallel Processing tasks) create files
_UMASK = _read_umask()


def default_file_mode(path: str) -> None:
    """Give a file written through ``tempfile.mkstemp`` (mode 600) the permissions a normally
    created file gets (0666 minus the umask), so colleagues on a shared drive can open it.
    Best effort: a file system that refuses modes (some network or FAT drives) keeps its own."""
    try:
        os.chmod(path, 0o666 & ~_UMASK)
    except OSError:
        pass


def default_dir_mode(path) -> None:
    """Give a folder made by ``tempfile.mkdtemp`` (mode 700) the permissions a normally created
    folder gets (0777 minus the umask)."""
    try:
        os.chmod(path, 0o777 & ~_UMASK)
    except OSError:
        pass


def remove_stale_folders(root, prefix: str, max_age_s: float, keep=None) -> None:
    """Remove the folders ``root/<prefix>*`` untouched for ``max_age_s`` seconds (left by runs
    that were killed; a run going on now keeps its folder younger), except those for which
    ``keep(path)`` is true. Best effort: an unreadable or vanished folder is skipped."""
    import shutil
    import time

    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if (
                entry.name.startswith(prefix)
                and entry.is_dir(follow_symlinks=False)
                and now - entry.stat(follow_symlinks=False).st_mtime > max_age_s
                and not (keep is not None and keep(entry.path))
            ):
                shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            pass


def remove_dataset(path) -> None:
    """Delete ``path`` and its SQLite sidecars (a cancelled or failed run leaves no output)."""
    import os

    if not path:
        return
    for name in (path, path + "-wal", path + "-shm", path + "-journal"):
        try:
            os.remove(name)
        except OSError:
            pass


def new_file_path(target: str) -> Optional[str]:
    """The file a plain-path output ``target`` writes as a whole (QGIS creates or overwrites it),
    or ``None`` for anything else: never delete a file the output was only added to (an
    ``ogr:`` URI naming a table in an existing GeoPackage), a database or a memory layer."""
    import re

    target = target or ""
    scheme = re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:", target)  # ogr:, postgres:, memory: (not C:)
    if not target or "|" in target or scheme:
        return None
    return target
