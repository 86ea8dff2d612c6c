"""QGIS helpers shared by the plot-network algorithms (samplesize, designplots).

Areas and distances in metres, the UTM zone of a layer, GEOS containment of plot footprints
(prepared geometry engines, built lazily per polygon). Science lives in ``core.plot_design``.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPoint,
    QgsPointXY,
    QgsRectangle,
    QgsSpatialIndex,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import qgis_io
from ..core.plot_design import EDGE_INSIDE, Containment, PlotShape, utm_epsg

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for a projected CRS in metres (distances and areas can be taken as planar)."""
    return (not crs.isGeographic()) and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters


def layer_utm_epsg(source, transform_context) -> int:
    """UTM zone (EPSG) of the centre of ``source``'s extent (Thailand: 32647 / 32648)."""
    crs = source.sourceCrs()
    extent = source.sourceExtent()
    centre = extent.center()
    if crs != WGS84:
        centre = QgsCoordinateTransform(crs, WGS84, transform_context).transform(centre)
    return utm_epsg(centre.x(), centre.y())


def stratum_areas_ha(
    source,
    stratum_field: str,
    transform_context,
    ellipsoid: str = "",
    feedback=None,
    context=None,
) -> Tuple[Dict[str, float], int, str]:
    """Sum of polygon areas (ha) per stratum value.

    Planar in a metric projected CRS; ellipsoidal (``QgsDistanceArea``, the project ellipsoid or
    the CRS's own) otherwise. Returns ``(areas, n_skipped, method)``; features without a stratum
    or geometry are skipped. Invalid geometries: as the Processing setting says (``context``; see
    :func:`qgis_io.iter_features`).
    """
    crs = source.sourceCrs()
    planar = is_metric(crs)
    da = QgsDistanceArea()
    if not planar:
        da.setSourceCrs(crs, transform_context)
        for candidate in (ellipsoid, crs.ellipsoidAcronym(), "EPSG:7030"):  # 7030 = WGS 84
            if candidate and candidate.upper() != "NONE" and da.setEllipsoid(candidate):
                if da.willUseEllipsoid():
                    break
    fields = source.fields()
    idx = fields.indexOf(stratum_field)
    request = QgsFeatureRequest().setSubsetOfAttributes([idx])
    areas: Dict[str, float] = {}
    skipped = 0
    total = max(source.featureCount(), 1)
    for i, f in enumerate(qgis_io.iter_features(source, request, context, feedback)):
        if feedback is not None and i % 2000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(50.0 * i / total)
        value = f.attribute(idx)
        geom = f.geometry()
        if value is None or isinstance(value, QVariant) or str(value) == "" or geom.isEmpty():
            skipped += 1
            continue
        a = geom.area() if planar else da.measureArea(geom)
        areas[str(value)] = areas.get(str(value), 0.0) + a / 10000.0
    method = "planar" if planar else "ellipsoidal ({})".format(da.ellipsoid())
    return areas, skipped, method


def ring_geometry(ring: np.ndarray) -> QgsGeometry:
    return QgsGeometry.fromPolygonXY([[QgsPointXY(float(x), float(y)) for x, y in ring]])


class FootprintFactory:
    """Plot footprints as ``QgsGeometry``: one template at the origin, copied and translated
    (much faster than building every 64-gon from Python points)."""

    def __init__(self, shape: PlotShape) -> None:
        self._template = ring_geometry(shape.footprint(0.0, 0.0))

    def __call__(self, x: float, y: float) -> QgsGeometry:
        g = QgsGeometry(self._template)
        g.translate(float(x), float(y))
        return g


class GeosContainment(Containment):
    """Exact containment with GEOS prepared geometries in the metric working CRS.

    ``geometries[i]`` is polygon i; ``exclusions`` are subtracted (found with a spatial index and
    cached per polygon). "inside": the footprint polygon lies within the eligible area;
    "centre": the centre lies in it and the fraction = area(footprint ∩ eligible) / area(footprint).
    """

    def __init__(
        self,
        geometries: Sequence[QgsGeometry],
        shape: PlotShape,
        edge_rule: str = EDGE_INSIDE,
        exclusions: Sequence[QgsGeometry] = (),
    ) -> None:
        self.geometries = list(geometries)
        self.shape = shape
        self.edge_rule = edge_rule
        self.exclusions = [g for g in exclusions if g is not None and not g.isEmpty()]
        self._index: Optional[QgsSpatialIndex] = None
        if self.exclusions:
            self._index = QgsSpatialIndex()
            for k, g in enumerate(self.exclusions):
                self._index.addFeature(k, g.boundingBox())
        self._eligible: Dict[int, Tuple[QgsGeometry, object]] = {}
        self._footprint = FootprintFactory(shape)

    def eligible(self, poly_idx: int) -> Tuple[QgsGeometry, object]:
        hit = self._eligible.get(poly_idx)
        if hit is not None:
            return hit
        geom = QgsGeometry(self.geometries[poly_idx])
        if not geom.isGeosValid():
            fixed = geom.makeValid()
            if fixed is not None and not fixed.isEmpty():
                geom = fixed
        if self._index is not None:
            ids = self._index.intersects(geom.boundingBox())
            if ids:
                cut = QgsGeometry.unaryUnion([self.exclusions[k] for k in sorted(ids)])
                geom = geom.difference(cut)
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        self._eligible[poly_idx] = (geom, engine)
        return geom, engine

    def evaluate(self, poly_idx, xs, ys):
        geom, engine = self.eligible(int(poly_idx))
        n = len(xs)
        ok = np.zeros(n, dtype=bool)
        frac = np.zeros(n)
        if geom.isEmpty():
            return ok, frac
        for i in range(n):
            x, y = float(xs[i]), float(ys[i])
            if not engine.intersects(QgsPoint(x, y)):
                continue
            if self.edge_rule == EDGE_INSIDE:
                fp = self._footprint(x, y)
                if engine.contains(fp.constGet()):
                    ok[i], frac[i] = True, 1.0
            else:
                fp = self._footprint(x, y)
                inter = geom.intersection(fp)
                ok[i] = True
                frac[i] = min(1.0, inter.area() / fp.area()) if not inter.isEmpty() else 0.0
        return ok, frac


def locate(points: Sequence[QgsPointXY], geometries: Sequence[QgsGeometry]) -> List[int]:
    """Index of the polygon holding each point (first match), or -1."""
    index = QgsSpatialIndex()
    for k, g in enumerate(geometries):
        index.addFeature(k, g.boundingBox())
    out = []
    for p in points:
        found = -1
        pt = QgsGeometry.fromPointXY(p)
        for k in sorted(index.intersects(QgsRectangle(p.x(), p.y(), p.x(), p.y()))):
            if geometries[k].intersects(pt):
                found = k
                break
        out.append(found)
    return out
