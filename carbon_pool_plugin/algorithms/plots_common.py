"""Adapter helpers shared by the plot / estimate / change algorithms (QGIS-aware, no science).

* field auto-detection (English and Thai field names),
* polygon areas in m² — ellipsoidal for a geographic CRS (``QgsDistanceArea`` with the context's
  ellipsoid), planar in a projected CRS,
* plot → polygon assignment by location (plot centroid within a polygon, spatial index),
* dates from QGIS values, and
* the strata / small-strata parameters shared by the estimate, change and batch algorithms.

Output styling on load lives in :mod:`.styling`.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsSpatialIndex,
    QgsUnitTypes,
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


# ---- shared parameters -------------------------------------------------------------------------
def _add(alg, param, help_text: str) -> None:
    param.setHelp(help_text)
    alg.addParameter(param)


def add_strata_parameters(alg, strata_help: str) -> None:
    """``alg.STRATA`` (green-space polygons) and its ``alg.STRATUM_FIELD``."""
    _add(
        alg,
        QgsProcessingParameterFeatureSource(
            alg.STRATA,
            tr("Green-space polygons (strata)"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
        ),
        strata_help,
    )
    _add(
        alg,
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
    _add(
        alg,
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
    _add(
        alg,
        QgsProcessingParameterString(
            alg.MERGE_MAP, tr("Merge map"), optional=True, defaultValue=""
        ),
        merge_help,
    )
