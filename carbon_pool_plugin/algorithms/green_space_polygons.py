"""carbonpool:greenspacepolygons — class raster → green-space polygons and the Thai green-area targets."""

from __future__ import annotations

import math

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from . import mapping_common as mc
from .base import CarbonPoolAlgorithm

#: science.md §8, criterion 1: minimum green-area share by local-government type.
TARGETS = [15.0, 20.0, 25.0]
WHO_M2_PER_PERSON = 9.0
ONEP_M2_PER_PERSON = 15.0
POLY_COLUMNS = [
    ("poly_id", "int"),
    ("main_class", "int"),
    ("area_m2", "double"),
    ("area_rai", "double"),
    ("canopy_frac", "double"),
    ("inside_pct", "double"),
]


class GreenSpacePolygonsAlgorithm(CarbonPoolAlgorithm):
    INPUT = "INPUT"
    GREEN_CLASSES = "GREEN_CLASSES"
    CANOPY_CLASSES = "CANOPY_CLASSES"
    MIN_AREA_M2 = "MIN_AREA_M2"
    SMOOTH = "SMOOTH"
    BOUNDARY = "BOUNDARY"
    MUNI_TYPE = "MUNI_TYPE"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    OUTPUT = "OUTPUT"
    GREEN_AREA_M2 = "GREEN_AREA_M2"
    GREEN_AREA_RAI = "GREEN_AREA_RAI"
    GREEN_SHARE_PCT = "GREEN_SHARE_PCT"
    TARGET_PCT = "TARGET_PCT"
    MEETS_TARGET = "MEETS_TARGET"
    M2_PER_PERSON = "M2_PER_PERSON"
    REFERENCE_AREA_RAI = "REFERENCE_AREA_RAI"
    N_POLYGONS = "N_POLYGONS"

    GROUP_ID = "mapping"

    def name(self) -> str:
        return "greenspacepolygons"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Green-space polygons and green-area target")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Turns a class raster into green-space polygons: the green classes (e.g. 1,2) are "
                "sieved to the minimum mapping unit with GDAL's sieve filter (green or non-green patches "
                "smaller than it merge into their surroundings), polygonised (8-connected) and optionally "
                "simplified. Each polygon gets its main green class, area in m² and rai (from its pixels, "
                "exact also for geographic rasters) and canopy-cover fraction (share of canopy-class "
                "pixels).\n\n"
                "With a municipal boundary, the green share of the classified area inside it is compared "
                "with the Thai urban green-space criterion 1 for the local-government type: "
                "เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล / อบต. 25 %. With a population, green "
                "area per person is reported and compared in the log with the WHO minimum (9 m²) "
                "and the ONEP target (15 m²)."
            )
            + "\n\n"
            + mc.no_crs_help(True)
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Class raster"))
        p.setHelp(self.tr("Output of ‘Classify green space’ (or any integer class raster)."))
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.GREEN_CLASSES, self.tr("Green classes"), defaultValue="1,2"
        )
        p.setHelp(self.tr("Comma-separated class codes that count as green space."))
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.CANOPY_CLASSES, self.tr("Tree-canopy classes"), defaultValue="1"
        )
        p.setHelp(self.tr("Class codes counted as tree canopy for the canopy-cover fraction."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.MIN_AREA_M2,
            self.tr("Minimum mapping unit (m²)"),
            type=QgsProcessingParameterNumber.Type.Double,
            minValue=0.0,
            defaultValue=400.0,
        )
        p.setHelp(
            self.tr("Patches smaller than this are sieved away before polygonising (0 = keep all).")
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.SMOOTH,
            self.tr("Simplify tolerance (map units)"),
            type=QgsProcessingParameterNumber.Type.Double,
            minValue=0.0,
            defaultValue=0.0,
        )
        p.setHelp(
            self.tr(
                "0 keeps the pixel outlines; a positive value simplifies the outlines "
                "(topology-preserving). Areas stay the pixel areas."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.BOUNDARY,
            self.tr("Municipal boundary"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        p.setHelp(self.tr("Area for the green share; all its polygons together form one area."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.MUNI_TYPE,
            self.tr("Local-government type (green-area target)"),
            options=[
                self.tr("เทศบาลนคร / special LAO — 15 %"),
                self.tr("เทศบาลเมือง (town) — 20 %"),
                self.tr("เทศบาลตำบล / อบต. — 25 %"),
            ],
            defaultValue=1,
        )
        p.setHelp(
            self.tr(
                "Thai urban green-space criterion 1: minimum green share by type of local "
                "government (เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %)."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.POPULATION,
            self.tr("Population"),
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=0,
            optional=True,
        )
        p.setHelp(self.tr("Registered population for green area per person (overrides the field)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.POPULATION_FIELD,
            self.tr("Population field of the boundary"),
            parentLayerParameterName=self.BOUNDARY,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        p.setHelp(self.tr("Summed over the boundary features when Population is empty."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT,
            self.tr("Green-space polygons"),
            type=QgsProcessing.SourceType.TypeVectorPolygon,
        )
        p.setHelp(
            self.tr(
                "poly_id, main_class, area_m2, area_rai, canopy_frac, inside_pct (share in boundary)."
            )
        )
        self.addParameter(p)
        for key, label in (
            (self.GREEN_AREA_M2, self.tr("Green area (m²)")),
            (self.GREEN_AREA_RAI, self.tr("Green area (rai)")),
            (self.GREEN_SHARE_PCT, self.tr("Green share (%)")),
            (self.TARGET_PCT, self.tr("Target share (%)")),
            (self.MEETS_TARGET, self.tr("Meets target (1/0)")),
            (self.M2_PER_PERSON, self.tr("Green area per person (m²)")),
            (self.REFERENCE_AREA_RAI, self.tr("Reference (classified) area (rai)")),
            (self.N_POLYGONS, self.tr("Number of polygons")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def _process(self, parameters, context, feedback, outputs):
        from osgeo import gdal

        from .. import raster_engine as engine
        from ..core.units import RAI_M2

        layer, path = mc.gdal_raster_path(self, parameters, self.INPUT, context)
        green = mc.parse_codes(self.parameterAsString(parameters, self.GREEN_CLASSES, context))
        canopy = mc.parse_codes(self.parameterAsString(parameters, self.CANOPY_CLASSES, context))
        if not green:
            raise QgsProcessingException(self.tr("Give at least one green class code."))
        mmu = self.parameterAsDouble(parameters, self.MIN_AREA_M2, context)
        tolerance = self.parameterAsDouble(parameters, self.SMOOTH, context)
        target = TARGETS[self.parameterAsEnum(parameters, self.MUNI_TYPE, context)]
        try:
            info = engine.raster_info(engine.open_raster(path))
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        mc.check_raster_crs(feedback, layer, info, need_areas=True)
        workdir = QgsProcessingUtils.generateTempFilename("greenspace")

        zone = None
        population = None
        boundary = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if boundary is not None:
            pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
            wkbs, attrs = mc.geometries_as_wkb(
                boundary, layer.crs(), context, [pop_field] if pop_field else [], feedback
            )
            if not wkbs:
                raise QgsProcessingException(self.tr("The boundary layer has no polygons."))
            zone = engine.rasterize_wkb(
                info, wkbs, [1] * len(wkbs), gdal.GDT_Byte, path=workdir + "_zone.tif"
            )
            if pop_field:
                values = [a[0] for a in attrs if a[0] is not None]
                population = float(sum(float(v) for v in values)) if values else None
        if parameters.get(self.POPULATION) not in (None, ""):
            population = float(self.parameterAsInt(parameters, self.POPULATION, context))

        try:
            result = engine.green_polygons(
                path,
                green,
                canopy,
                mmu,
                workdir,
                zone=zone,
                progress=mc.progress_fn(feedback, 0, 80),
                cancelled=mc.cancel_fn(feedback),
            )
        except engine.OperationCanceled:
            return {}
        except (ValueError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from err

        fields = mc.table_fields(POLY_COLUMNS)
        sink, dest = outputs.sink(self.OUTPUT, fields, QgsWkbTypes.Type.Polygon, layer.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        n_written = self._write_polygons(
            sink, fields, result, green, mmu, tolerance, zone, feedback
        )
        del sink  # closed: moved into place by the caller's commit
        if n_written is None or feedback.isCanceled():
            return {}
        zone = None

        green_m2 = result.green_m2
        reference = result.valid_m2
        share = 100.0 * green_m2 / reference if reference else float("nan")
        meets = 1 if share >= target else 0
        per_person = green_m2 / population if population else None
        feedback.pushInfo(
            self.tr(
                "Minimum mapping unit {mmu:.0f} m² = {px} pixels; green area before/after: "
                "{raw:.1f} / {after:.1f} rai"
            ).format(
                mmu=mmu,
                px=result.sieve_pixels,
                raw=result.green_m2_raw / RAI_M2,
                after=green_m2 / RAI_M2,
            )
        )
        if boundary is not None:
            coverage = 100.0 * reference / result.zone_m2_total if result.zone_m2_total else 0.0
            feedback.pushInfo(
                self.tr("Boundary: {a:.1f} rai, of which {c:.1f} % classified.").format(
                    a=result.zone_m2_total / RAI_M2, c=coverage
                )
            )
            if coverage < 99.0:
                feedback.reportError(
                    self.tr(
                        "Only {c:.1f} % of the boundary is covered by classified pixels; the green "
                        "share refers to the covered part."
                    ).format(c=coverage),
                    fatalError=False,
                )
        feedback.pushInfo(
            self.tr(
                "Green share {s:.2f} % of {ref:.1f} rai; target for this type {t:.0f} %: {verdict}"
            ).format(
                s=share,
                ref=reference / RAI_M2,
                t=target,
                verdict=self.tr("met") if meets else self.tr("NOT met"),
            )
        )
        if per_person is not None:
            feedback.pushInfo(
                self.tr(
                    "Green area per person: {m:.1f} m² for {p:.0f} people (WHO minimum 9 m²: {who}; "
                    "ONEP target 15 m²: {onep})"
                ).format(
                    m=per_person,
                    p=population,
                    who=self.tr("met") if per_person >= WHO_M2_PER_PERSON else self.tr("NOT met"),
                    onep=self.tr("met") if per_person >= ONEP_M2_PER_PERSON else self.tr("NOT met"),
                )
            )
        feedback.setProgress(100)
        return {
            self.OUTPUT: dest,
            self.GREEN_AREA_M2: green_m2,
            self.GREEN_AREA_RAI: green_m2 / RAI_M2,
            self.GREEN_SHARE_PCT: share if math.isfinite(share) else None,
            self.TARGET_PCT: target,
            self.MEETS_TARGET: meets,
            self.M2_PER_PERSON: per_person,
            self.REFERENCE_AREA_RAI: reference / RAI_M2,
            self.N_POLYGONS: n_written,
        }

    def _write_polygons(self, sink, fields, result, green, mmu, tolerance, zone, feedback):
        """Write the polygons of ``result`` to ``sink``: their number, ``None`` if cancelled."""
        from osgeo import ogr

        from ..core.units import RAI_M2

        rows, geoms = [], []
        n_written = 0
        total = max(int(result.pixels.size), 1)
        for pid, wkb in result.features():
            if feedback.isCanceled():
                return None
            if wkb is None or pid >= result.pixels.size or result.pixels[pid] == 0:
                continue
            area = float(result.area_m2[pid])
            if mmu > 0 and area < mmu:
                continue  # 4-connected remnants of the 8-connected sieve
            main = max(green, key=lambda c: result.class_m2[c][pid])
            if tolerance > 0:
                g = ogr.CreateGeometryFromWkb(wkb).SimplifyPreserveTopology(tolerance)
                wkb = bytes(g.ExportToWkb())
            geom = QgsGeometry()
            geom.fromWkb(wkb)
            rows.append(
                {
                    "poly_id": pid,
                    "main_class": int(main),
                    "area_m2": area,
                    "area_rai": area / RAI_M2,
                    "canopy_frac": float(result.canopy_m2[pid]) / area if area else None,
                    "inside_pct": 100.0 * float(result.zone_m2[pid]) / area
                    if zone is not None and area
                    else None,
                }
            )
            geoms.append(geom)
            if len(rows) >= 5000:
                mc.write_rows(sink, fields, rows, geoms)
                n_written += len(rows)
                rows, geoms = [], []
                feedback.setProgress(80 + 20 * pid / total)
        mc.write_rows(sink, fields, rows, geoms)
        n_written += len(rows)
        return n_written
