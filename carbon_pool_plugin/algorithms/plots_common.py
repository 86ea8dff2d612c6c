"""Adapter helpers shared by the plot / estimate / change algorithms (QGIS-aware, no science).

* field auto-detection (English and Thai field names),
* polygon areas in m² — ellipsoidal for a geographic CRS (``QgsDistanceArea`` with the context's
  ellipsoid), planar in a projected CRS,
* plot → polygon assignment by location (plot centroid within a polygon, spatial index),
* dates from QGIS values,
* the tree and plot field parameters of the plot, change and batch algorithms
  (:func:`add_tree_plot_fields`, :func:`add_plot_fields`) and reading trees and plots through
  them (:func:`read_trees`, :func:`read_plots`), and
* the strata / small-strata parameters shared by the estimate, change and batch algorithms.

Output styling on load lives in :mod:`.styling`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable, List, Optional, Sequence, Tuple

import pandas as pd
from qgis.core import (
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsSpatialIndex,
    QgsUnitTypes,
    QgsWkbTypes,
)

from .. import qgis_io
from ..i18n import tr

PLOT_FIELD_CANDIDATES = ("plot", "plot_id", "plotid", "plot_no", "รหัสแปลง", "แปลง")
TAG_FIELD_CANDIDATES = ("tag", "tree_tag", "tree_id", "tag_no", "เลขป้าย", "ป้าย")
STATUS_FIELD_CANDIDATES = ("status", "tree_status", "สถานะ")
SPECIES_FIELD_CANDIDATES = ("species", "scientific_name", "ชื่อวิทยาศาสตร์")
STRATUM_FIELD_CANDIDATES = ("stratum", "strata", "class_code", "ชั้นภูมิ")


def detect_field(names: Sequence[str], candidates: Iterable[str]) -> Optional[str]:
    """First field of ``names`` matching a candidate (case-insensitive, trimmed)."""
    lowered = {str(n).strip().lower(): n for n in names}
    for cand in candidates:
        if cand.lower() in lowered:
            return lowered[cand.lower()]
    return None


def to_iso_date(value: Any) -> Optional[str]:
    """QDate/QDateTime/date/str -> 'YYYY-MM-DD' (None when empty or null)."""
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime().date().isoformat()
    if hasattr(value, "toPyDate"):
        return value.toPyDate().isoformat()
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


class AreaMeasurer:
    """Areas in m²: ellipsoidal when the CRS is geographic, planar otherwise."""

    def __init__(self, crs, context):
        self.da = QgsDistanceArea()
        self.da.setSourceCrs(crs, context.transformContext())
        self.geographic = bool(crs.isValid() and crs.isGeographic())
        self.ellipsoid = None
        if self.geographic:
            ellipsoid = context.ellipsoid() or ""
            if not ellipsoid or ellipsoid.upper() == "NONE":
                ellipsoid = crs.ellipsoidAcronym() or "EPSG:7030"
            self.da.setEllipsoid(ellipsoid)
            self.ellipsoid = ellipsoid

    def describe(self, tr) -> str:
        if self.geographic:
            return tr("Areas are ellipsoidal (geographic CRS; ellipsoid {e}).").format(
                e=self.ellipsoid
            )
        return tr("Areas are planar in the layer's projected CRS.")

    def areas_m2(self, geometries: Sequence[QgsGeometry]) -> List[float]:
        """:meth:`area_m2` of each geometry. In a projected CRS in metres the planar area is the
        abstract geometry's own area — exactly what ``QgsDistanceArea`` returns without an
        ellipsoid (not ``QgsGeometry.area()``, which asks GEOS and may differ in the last bits) —
        asked directly instead of through ``measureArea`` + unit conversion (×1)."""
        planar_m = (
            not self.geographic
            and not self.da.willUseEllipsoid()
            and self.da.areaUnits() == QgsUnitTypes.AreaUnit.AreaSquareMeters
        )
        if not planar_m:
            return [self.area_m2(g) for g in geometries]
        return [0.0 if g is None or g.isNull() else float(g.constGet().area()) for g in geometries]

    def area_m2(self, geometry: QgsGeometry) -> float:
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return 0.0
        area = self.da.measureArea(geometry)
        return float(self.da.convertAreaMeasurement(area, QgsUnitTypes.AreaUnit.AreaSquareMeters))


def assign_by_location(
    points_geoms: Sequence[QgsGeometry],
    points_crs,
    polygons_geoms: Sequence[QgsGeometry],
    polygons_crs,
    context,
    feedback=None,
    polygons_source=None,
    polygon_fids: Optional[Sequence[int]] = None,
) -> List[Optional[int]]:
    """Index (row) of the polygon containing each point geometry's centroid, or None.

    Works for plot footprints (their centroid) and plot centres alike; CRSs may differ. When a
    point lies in several (overlapping) polygons the first row is taken.

    ``polygons_source`` (the feature source ``polygons_geoms`` were read from, in that order, with
    feature ids ``polygon_fids``): the spatial index is then bulk-loaded by QGIS straight from the
    source (no Python call per polygon).
    """
    index = None
    row_of = None
    if polygons_source is not None and polygon_fids is not None:
        request = QgsFeatureRequest().setNoAttributes()
        # no validity check: the polygons were read (and checked) by the caller
        index = QgsSpatialIndex(qgis_io.feature_iterator(polygons_source, request), feedback)
        row_of = {int(fid): row for row, fid in enumerate(polygon_fids)}
        if len(row_of) != len(polygons_geoms):
            index = row_of = None
    if index is None:
        index = QgsSpatialIndex()
        for i, geom in enumerate(polygons_geoms):
            if geom is not None and not geom.isNull():
                index.addFeature(i, geom.boundingBox())
    transform = None
    if points_crs.isValid() and polygons_crs.isValid() and points_crs != polygons_crs:
        transform = QgsCoordinateTransform(points_crs, polygons_crs, context.transformContext())
    engines = {}
    out: List[Optional[int]] = []
    for geom in points_geoms:
        if feedback is not None and feedback.isCanceled():
            break
        if geom is None or geom.isNull() or geom.isEmpty():
            out.append(None)
            continue
        centre = geom.centroid()
        if transform is not None:
            centre.transform(transform)
        hits = index.intersects(centre.boundingBox())
        if row_of is not None:
            hits = [row_of[h] for h in hits if h in row_of]
        hit = None
        for cand in sorted(hits):
            engine = engines.get(cand)
            if engine is None:
                poly = polygons_geoms[cand]
                if poly is None or poly.isNull():
                    continue
                engine = QgsGeometry.createGeometryEngine(poly.constGet())
                engine.prepareGeometry()
                engines[cand] = engine
            if engine.intersects(centre.constGet()):
                hit = cand
                break
        out.append(hit)
    return out


def geometry_list(geoms: Sequence[QgsGeometry]) -> Tuple[List[QgsGeometry], bool]:
    """(geometries, has_geometry) — False when the source is a table."""
    has = any(g is not None and not g.isNull() for g in geoms)
    return list(geoms), has


# ---- reading trees and plots -------------------------------------------------------------------
_MASS = ("agb_kg", "bgb_kg", "carbon_kg", "co2e_kg", "dbh_cm")


def read_trees(alg, source, parameters, context, plot_key, status_key, feedback, extra=()):
    """Trees as a DataFrame: plot, agb_kg, bgb_kg, carbon_kg, co2e_kg, dbh_cm, status, method.

    ``status`` is canonical alive/dead/new (Thai มีชีวิต/ตาย/ใหม่ accepted) or None; ``extra`` are
    ``(output name, parameter key, candidates)`` of further optional fields (tag, species).
    Returns ``(frame, used_fields_description)``.
    """
    from ..core.stock_map import normalize_tree_status

    names = source.fields().names()
    plot_field = alg.parameterAsString(parameters, plot_key, context) or detect_field(
        names, PLOT_FIELD_CANDIDATES
    )
    if not plot_field:
        raise QgsProcessingException(
            alg.tr(
                "No plot id field in the trees (looked for plot, plot_id, รหัสแปลง); "
                "choose it in “{p}”."
            ).format(p=plot_key)
        )
    missing = [c for c in ("agb_kg", "bgb_kg", "carbon_kg") if c not in names]
    if missing:
        raise QgsProcessingException(
            alg.tr(
                "The trees lack {cols}: use the output of “Tree biomass and carbon” "
                "(carbonpool:treebiomass)."
            ).format(cols=", ".join(missing))
        )
    status_field = None
    if status_key:
        status_field = alg.parameterAsString(parameters, status_key, context) or detect_field(
            names, STATUS_FIELD_CANDIDATES
        )
    wanted = {"plot": plot_field}
    for c in _MASS + ("method",):
        if c in names:
            wanted[c] = c
    if status_field:
        wanted["status_raw"] = status_field
    for out_name, key, candidates in extra:
        fname = alg.parameterAsString(parameters, key, context) or detect_field(names, candidates)
        if fname:
            wanted[out_name] = fname
    fields = list(dict.fromkeys(wanted.values()))
    raw, _ = qgis_io.read_frame(source, field_names=fields, feedback=feedback, context=context)
    frame = pd.DataFrame({k: raw[v].to_numpy() for k, v in wanted.items()}, index=raw.index)
    for c in _MASS:
        if c in frame.columns:
            frame[c] = pd.to_numeric(frame[c], errors="coerce")
    if "status_raw" in frame.columns:
        try:
            frame["status"] = normalize_tree_status(frame["status_raw"].tolist())
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
    used = ", ".join("{}←{}".format(k, v) for k, v in wanted.items())
    return frame, used


def tree_methods(*frames) -> List[str]:
    """The method packs the trees were computed with (their ``method`` column), sorted."""
    return sorted(
        {str(m) for frame in frames for m in frame.get("method", pd.Series([], dtype=object)) if m}
    )


def minimum_dbh(alg, parameters, context, methods: Sequence[str]) -> Tuple[float, str]:
    """``(minimum DBH in cm, where it comes from)``: the parameter ``alg.MIN_DBH`` when given,
    else the method pack's value when the trees share one pack (``methods``, see
    :func:`tree_methods`), else the T-VER default 4.5 cm. 0: no threshold."""
    from ..core.methods import MethodError, MethodPack

    if parameters.get(alg.MIN_DBH) not in (None, ""):
        return alg.parameterAsDouble(parameters, alg.MIN_DBH, context), tr("parameter")
    if len(methods) == 1:
        try:
            pack_value = MethodPack.load(methods[0]).min_dbh_cm
            return pack_value or 0.0, tr("method pack {m}").format(m=methods[0])
        except MethodError:
            pass
    return 4.5, tr("T-VER default")


def read_plots(alg, source, parameters, context, feedback, stratum_key, status_key, date_keys=()):
    """Plots as a DataFrame (plot_id, area_m2, fraction, stratum, status, date columns) from the
    field parameters :func:`add_plot_fields` added: ``alg.PLOT_ID_FIELD``,
    ``alg.PLOT_AREA_FIELD``, ``alg.FRACTION_FIELD``, ``stratum_key``, ``status_key`` and
    ``date_keys`` (``(column, key)`` pairs).

    Areas: the area field when given, else the polygon's area (ellipsoidal for a geographic CRS,
    planar otherwise); a point layer or a table then needs the area field.
    Returns ``(frame, geometries, area_note)``.
    """
    names = source.fields().names()
    id_field = alg.parameterAsString(parameters, alg.PLOT_ID_FIELD, context) or detect_field(
        names, ("plot_id",) + PLOT_FIELD_CANDIDATES
    )
    if not id_field:
        raise QgsProcessingException(
            alg.tr("No plot id field in the plots (looked for plot_id, plot, รหัสแปลง).")
        )

    def opt(key, candidates=()):
        if not key:
            return None
        value = alg.parameterAsString(parameters, key, context)
        if value:
            return value
        return detect_field(names, candidates) if candidates else None

    area_field = opt(alg.PLOT_AREA_FIELD)
    fraction_field = opt(alg.FRACTION_FIELD)
    stratum_field = opt(stratum_key, STRATUM_FIELD_CANDIDATES[:2])
    status_field = opt(status_key)
    date_fields = [(col, opt(key)) for col, key in date_keys]
    wanted = {"plot_id": id_field}
    for col, fname in (
        ("area_m2", area_field),
        ("fraction", fraction_field),
        ("stratum", stratum_field),
        ("status", status_field),
        *date_fields,
    ):
        if fname:
            wanted[col] = fname
    fields = list(dict.fromkeys(wanted.values()))
    raw, geoms = qgis_io.read_frame(
        source, field_names=fields, with_geometry=True, feedback=feedback, context=context
    )
    frame = pd.DataFrame({k: raw[v].to_numpy() for k, v in wanted.items()}, index=raw.index)
    for col, fname in date_fields:
        if fname:
            frame[col] = [to_iso_date(v) for v in frame[col]]
    area_note = ""
    if area_field:
        frame["area_m2"] = pd.to_numeric(frame["area_m2"], errors="coerce")
        area_note = alg.tr("Plot areas from field “{f}”.").format(f=area_field)
    else:
        geom_type = QgsWkbTypes.geometryType(source.wkbType())
        if geom_type != QgsWkbTypes.GeometryType.PolygonGeometry:
            raise QgsProcessingException(
                alg.tr(
                    "The plots are points or a table: choose the plot area field (m²); "
                    "only polygon footprints give an area by themselves."
                )
            )
        measurer = AreaMeasurer(source.sourceCrs(), context)
        frame["area_m2"] = [measurer.area_m2(g) for g in geoms]
        area_note = alg.tr("Plot areas from the footprint polygons. ") + measurer.describe(alg.tr)
    if fraction_field:
        frame["fraction"] = pd.to_numeric(frame["fraction"], errors="coerce")
    return frame, geoms, area_note


# ---- shared parameters -------------------------------------------------------------------------
def add_strata_parameters(alg, strata_help: str) -> None:
    """``alg.STRATA`` (green-space polygons) and its ``alg.STRATUM_FIELD``."""
    alg._add(
        QgsProcessingParameterFeatureSource(
            alg.STRATA,
            tr("Green-space polygons (strata)"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
        ),
        strata_help,
    )
    alg._add(
        QgsProcessingParameterField(
            alg.STRATUM_FIELD,
            tr("Stratum field of the polygons"),
            parentLayerParameterName=alg.STRATA,
            type=QgsProcessingParameterField.DataType.Any,
            optional=True,
        ),
        tr("Empty: detected (stratum, class_code)."),
    )


def add_small_strata_parameters(alg, small_help: str, merge_help: str) -> None:
    """``alg.SMALL_STRATA`` (merge / exclude / stop) and ``alg.MERGE_MAP``."""
    alg._add(
        QgsProcessingParameterEnum(
            alg.SMALL_STRATA,
            tr("Strata with fewer than 2 plots"),
            options=[
                tr("Merge (merge map, else whole-sample estimate)"),
                tr("Exclude (area and plots left out)"),
                tr("Stop with an error"),
            ],
            defaultValue=0,
        ),
        small_help,
    )
    alg._add(
        QgsProcessingParameterString(
            alg.MERGE_MAP, tr("Merge map"), optional=True, defaultValue=""
        ),
        merge_help,
    )


def add_min_dbh_parameter(alg, help_text: str) -> None:
    """The optional minimum tree DBH ``alg.MIN_DBH`` (cm), read by :func:`minimum_dbh`."""
    alg._add(
        QgsProcessingParameterNumber(
            alg.MIN_DBH,
            tr("Minimum tree DBH (cm)"),
            type=QgsProcessingParameterNumber.Type.Double,
            optional=True,
            minValue=0.0,
        ),
        help_text,
    )


def add_tree_plot_fields(
    alg, parent: str, plot_key: str, status_key: str, status_help: str
) -> None:
    """The trees' plot id field ``plot_key`` and status field ``status_key`` (fields of layer
    parameter ``parent``, both optional), read by :func:`read_trees`."""
    alg._field(
        plot_key,
        tr("Plot id field of the trees"),
        parent,
        tr("Empty: detected (plot, plot_id, รหัสแปลง)."),
    )
    alg._field(status_key, tr("Tree status field"), parent, status_help)


def add_plot_fields(
    alg, area_help: str, fraction_help: str, stratum, status, dates, dates_first=False
) -> None:
    """The field parameters of the plots ``alg.PLOTS`` that :func:`read_plots` reads, all
    optional, in this order: ``alg.PLOT_ID_FIELD``, ``alg.PLOT_AREA_FIELD`` and
    ``alg.FRACTION_FIELD`` (numeric), the stratum field, the status field and the date fields
    (with ``dates_first``, the date fields before the status field).

    ``stratum`` is ``(key, label, help)``, ``status`` ``(key, help)`` and ``dates`` a sequence of
    ``(key, label, help)``.
    """
    plots = alg.PLOTS
    alg._field(
        alg.PLOT_ID_FIELD,
        tr("Plot id field"),
        plots,
        tr("Empty: detected (plot_id, plot, รหัสแปลง)."),
    )
    alg._field(alg.PLOT_AREA_FIELD, tr("Plot area field (m²)"), plots, area_help, numeric=True)
    alg._field(
        alg.FRACTION_FIELD, tr("Measured fraction field"), plots, fraction_help, numeric=True
    )
    status_key, status_help = status
    status_field = (status_key, tr("Plot status field"), status_help)
    later = [*dates, status_field] if dates_first else [status_field, *dates]
    for key, label, help_text in [stratum, *later]:
        alg._field(key, label, plots, help_text)
