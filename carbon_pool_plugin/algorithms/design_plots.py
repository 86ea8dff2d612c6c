"""carbonpool:designplots — design (or extend) a permanent sample-plot network.

Stratified random or systematic grid design, plot shapes of science.md §7.1–7.2, minimum
distance, exclusions, edge rule, stable plot ids, field sheet (CSV), GPX and plot registry.
The design itself is ``core.plot_design``; this module is the QGIS adapter.
"""

from __future__ import annotations

import csv
import datetime
import json
import os
import xml.etree.ElementTree as ET  # noqa: N817 - writing only (never parsing untrusted XML)
from typing import Dict, List, Optional

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import qgis_io
from ..i18n import localize
from ..paths import plugin_version
from .base import CarbonPoolAlgorithm

DESIGNS = ["random", "grid"]
EDGE_RULES = ["inside", "centre"]
INACTIVE = {"abandoned", "replaced"}
REGISTRY_TABLE = "carbonpool_plots"

PLOT_COLUMNS = [
    ("plot_id", QVariant.String),
    ("stratum", QVariant.String),
    ("polygon_id", QVariant.LongLong),
    ("shape", QVariant.String),
    ("size_m", QVariant.Double),
    ("area_m2", QVariant.Double),
    ("area_rai", QVariant.Double),
    ("in_polygon_fraction", QVariant.Double),
    ("utm_x", QVariant.Double),
    ("utm_y", QVariant.Double),
    ("utm_epsg", QVariant.Int),
    ("lon", QVariant.Double),
    ("lat", QVariant.Double),
    ("status", QVariant.String),
    ("origin", QVariant.String),
    ("seed", QVariant.LongLong),
]
SUBPLOT_COLUMNS = [
    ("plot_id", QVariant.String),
    ("subplot_no", QVariant.Int),
    ("subplot_id", QVariant.String),
    ("area_m2", QVariant.Double),
]
#: Field-sheet columns: (Thai / English header, record key or None for a blank column).
SHEET_COLUMNS = [
    ("รหัสแปลง / plot_id", "plot_id"),
    ("ชั้นภูมิ / stratum", "stratum"),
    ("รหัสพื้นที่สีเขียว / polygon_id", "polygon_id"),
    ("รูปร่างแปลง / shape", "shape"),
    ("รัศมีหรือความกว้าง (ม.) / size_m", "size_m"),
    ("ละติจูด / lat", "lat"),
    ("ลองจิจูด / lon", "lon"),
    ("UTM ตะวันออก / utm_x", "utm_x"),
    ("UTM เหนือ / utm_y", "utm_y"),
    ("UTM EPSG / utm_epsg", "utm_epsg"),
    ("สัดส่วนในพื้นที่สีเขียว / in_polygon_fraction", "in_polygon_fraction"),
    ("สถานะแปลง / plot_status", "status"),
    ("เลขป้าย / tag", None),
    ("ชนิดพันธุ์ไม้ / species", None),
    ("เส้นรอบวงหรือเส้นผ่านศูนย์กลาง (ซม.) / girth_or_dbh_cm", None),
    ("ความสูง (ม.) / height_m", None),
    ("สถานะต้นไม้ / status", None),
    ("หมายเหตุ / notes", None),
]


def _fields(columns) -> QgsFields:
    fields = QgsFields()
    for name, kind in columns:
        fields.append(QgsField(name, kind))
    return fields


def _value(v):
    if v is None or isinstance(v, QVariant):
        return None
    return v


class DesignPlotsAlgorithm(CarbonPoolAlgorithm):
    STRATA = "STRATA"
    STRATUM_FIELD = "STRATUM_FIELD"
    PLOTS_PER_STRATUM = "PLOTS_PER_STRATUM"
    PLOTS_FIELD = "PLOTS_FIELD"
    ALLOCATION_TABLE = "ALLOCATION_TABLE"
    DESIGN = "DESIGN"
    GRID_SPACING = "GRID_SPACING"
    PLOT_SHAPE = "PLOT_SHAPE"
    PLOT_SIZE = "PLOT_SIZE"
    MIN_DISTANCE = "MIN_DISTANCE"
    EXCLUSION = "EXCLUSION"
    EDGE_RULE = "EDGE_RULE"
    SEED = "SEED"
    EXISTING_PLOTS = "EXISTING_PLOTS"
    MUNICIPALITY_CODE = "MUNICIPALITY_CODE"
    STRATUM_CODE_MAP = "STRATUM_CODE_MAP"
    SUBPLOTS = "SUBPLOTS"
    OUTPUT_CENTRES = "OUTPUT_CENTRES"
    OUTPUT_PLOTS = "OUTPUT_PLOTS"
    OUTPUT_SUBPLOTS = "OUTPUT_SUBPLOTS"
    FIELD_SHEET = "FIELD_SHEET"
    GPX = "GPX"
    REGISTRY_GPKG = "REGISTRY_GPKG"
    N_PLOTS = "N_PLOTS"
    N_NEW = "N_NEW"
    N_EXISTING = "N_EXISTING"
    N_SHORTFALL = "N_SHORTFALL"
    N_REGISTERED = "N_REGISTERED"
    UTM_EPSG = "UTM_EPSG"

    GROUP_ID = "network"

    def name(self) -> str:
        return "designplots"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Design permanent plot network")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Places permanent sample plots in green-space strata: stratified random, or a "
            "systematic grid with a random start. Plot shapes: 0.04 ha circle (i-Tree), "
            "20 × 20 m, 40 × 40 m with 16 subplots of 10 × 10 m (GISTDA) or the TGO 100 × 100 m "
            "plot with 100 subplots numbered serpentine (1 at the SE corner running north to 10, "
            "then south to 20, …).\n\n"
            "Plots per stratum come from the samplesize table, a field, or one number. Existing "
            "permanent plots are kept untouched and count towards their stratum; only the "
            "shortfall is added, with ids <municipality>-<stratum code>-<nnnn> continuing after "
            "the existing ones. The same seed and inputs always give the same plots.\n\n"
            "Distances and areas are in metres: a geographic layer is projected to its UTM zone "
            "(47N or 48N in Thailand) for the design and the result is written back in the "
            "layer's CRS. When the plots do not fit (small polygons, minimum distance), the "
            "algorithm places what fits and reports the shortfall per stratum.\n\n"
            "Also writes a field sheet (CSV, UTF-8 with BOM, Thai/English headers), a GPX of "
            "plot centres and, optionally, the plot registry table carbonpool_plots in a "
            "GeoPackage."
        )

    # ------------------------------------------------------------------ parameters
    def initAlgorithm(self, config=None):  # noqa: N802
        def add(param, help_text):
            param.setHelp(help_text)
            self.addParameter(param)

        add(
            QgsProcessingParameterFeatureSource(
                self.STRATA,
                self.tr("Green-space polygons (strata)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            ),
            self.tr(
                "Polygons in which plots are placed; any CRS (geographic is projected to UTM)."
            ),
        )
        add(
            QgsProcessingParameterField(
                self.STRATUM_FIELD, self.tr("Stratum field"), parentLayerParameterName=self.STRATA
            ),
            self.tr("Field holding the stratum of each polygon (e.g. class_code)."),
        )
        add(
            QgsProcessingParameterNumber(
                self.PLOTS_PER_STRATUM,
                self.tr("Plots per stratum"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=10,
                minValue=0,
            ),
            self.tr(
                "Used when neither a plots field nor an allocation table is given. With the "
                "systematic grid, 0 keeps every grid point."
            ),
        )
        add(
            QgsProcessingParameterField(
                self.PLOTS_FIELD,
                self.tr("Plots per stratum field"),
                parentLayerParameterName=self.STRATA,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            ),
            self.tr(
                "Optional numeric field of the strata layer with the number of plots of the "
                "polygon's stratum (repeated on every polygon of the stratum)."
            ),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.ALLOCATION_TABLE,
                self.tr("Allocation table (from samplesize)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            ),
            self.tr(
                "Optional table with the fields stratum and n_h, e.g. the output of "
                "“Sample size and allocation of permanent plots”. Takes precedence."
            ),
        )
        add(
            QgsProcessingParameterEnum(
                self.DESIGN,
                self.tr("Design"),
                options=[
                    self.tr("Stratified random"),
                    self.tr("Systematic grid with random start"),
                ],
                defaultValue=0,
            ),
            self.tr(
                "Stratified random: uniform random centres per stratum. Systematic: one square "
                "grid over all strata with a random start; a stratum with more grid points than "
                "needed keeps an evenly spaced subset."
            ),
        )
        add(
            QgsProcessingParameterNumber(
                self.GRID_SPACING,
                self.tr("Grid spacing (m)"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=100.0,
                minValue=1.0,
            ),
            self.tr("Distance between grid points, in metres (systematic design only)."),
        )
        add(
            QgsProcessingParameterEnum(
                self.PLOT_SHAPE,
                self.tr("Plot shape"),
                options=[
                    self.tr("Circle 0.04 ha (radius 11.28 m, i-Tree)"),
                    self.tr("Square 20 × 20 m"),
                    self.tr("Square 40 × 40 m with 10 × 10 m subplots (GISTDA)"),
                    self.tr("Square 100 × 100 m TGO with serpentine 10 × 10 m subplots"),
                ],
                defaultValue=0,
            ),
            self.tr("Squares are oriented to grid north of the working (UTM) CRS."),
        )
        add(
            QgsProcessingParameterNumber(
                self.PLOT_SIZE,
                self.tr("Plot size override (m)"),
                type=QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            ),
            self.tr(
                "Optional: radius of the circle or side of the square, in metres. Subplots "
                "are kept only when the side is a multiple of 10 m."
            ),
        )
        add(
            QgsProcessingParameterNumber(
                self.MIN_DISTANCE,
                self.tr("Minimum distance between plot centres (m)"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=50.0,
                minValue=0.0,
            ),
            self.tr("Applies between new plots and to existing plots (of every stratum)."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.EXCLUSION,
                self.tr("Exclusion areas"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            ),
            self.tr("Optional polygons (buildings, water, …) where no plot may lie."),
        )
        add(
            QgsProcessingParameterEnum(
                self.EDGE_RULE,
                self.tr("Edge rule"),
                options=[
                    self.tr("Plot fully inside the polygon"),
                    self.tr("Centre inside; record the in-polygon fraction"),
                ],
                defaultValue=0,
            ),
            self.tr(
                "Fully inside: the whole footprint lies in the polygon minus exclusions. "
                "Centre inside: plots may straddle the edge; in_polygon_fraction records the "
                "share of the plot inside (effective area = area_m2 × fraction)."
            ),
        )
        add(
            QgsProcessingParameterNumber(
                self.SEED,
                self.tr("Random seed"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=1,
                minValue=0,
            ),
            self.tr("Same seed and inputs give identical plots; record it with the design."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.EXISTING_PLOTS,
                self.tr("Existing permanent plots"),
                [
                    QgsProcessing.SourceType.TypeVectorPoint,
                    QgsProcessing.SourceType.TypeVectorPolygon,
                ],
                optional=True,
            ),
            self.tr(
                "Optional points or footprints with a plot_id field (and optionally stratum and "
                "status). They are kept as they are; active ones count towards their stratum."
            ),
        )
        add(
            QgsProcessingParameterString(
                self.MUNICIPALITY_CODE, self.tr("Municipality code"), defaultValue="MUNI"
            ),
            self.tr("First part of every plot id, e.g. TH-SAMPLE-01."),
        )
        add(
            QgsProcessingParameterString(
                self.STRATUM_CODE_MAP, self.tr("Stratum codes"), optional=True
            ),
            self.tr(
                "Optional stratum:code pairs, e.g. park:PK;street:ST. Default: the first two "
                "letters of the stratum, upper-cased."
            ),
        )
        add(
            QgsProcessingParameterBoolean(
                self.SUBPLOTS, self.tr("Create subplots"), defaultValue=False
            ),
            self.tr("Write the 10 × 10 m subplots of 40 × 40 m and 100 × 100 m plots."),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CENTRES,
                self.tr("Plot centres"),
                QgsProcessing.SourceType.TypeVectorPoint,
            ),
            self.tr("Points: plot_id, stratum, polygon_id, areas, fraction, UTM and WGS84."),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PLOTS,
                self.tr("Plot footprints"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            ),
            self.tr("Polygons of the plots with the same fields as the centres."),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUBPLOTS,
                self.tr("Subplots"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            ),
            self.tr("Optional 10 × 10 m subplots (plot_id, subplot_no, subplot_id)."),
        )
        add(
            QgsProcessingParameterFileDestination(
                self.FIELD_SHEET, self.tr("Field sheet (CSV)"), fileFilter="CSV (*.csv)"
            ),
            self.tr(
                "One row per active plot, Thai/English headers, blank columns for tag, "
                "species, girth/DBH, height, status and notes; UTF-8 with BOM for Excel."
            ),
        )
        add(
            QgsProcessingParameterFileDestination(
                self.GPX, self.tr("Plot centres for GPS (GPX)"), fileFilter="GPX (*.gpx)"
            ),
            self.tr("GPX 1.1 waypoints named by plot_id (WGS84)."),
        )
        add(
            QgsProcessingParameterFileDestination(
                self.REGISTRY_GPKG,
                self.tr("Plot registry (GeoPackage)"),
                fileFilter="GeoPackage (*.gpkg)",
                optional=True,
                createByDefault=False,
            ),
            self.tr(
                "Optional project GeoPackage; plots not yet in its table carbonpool_plots are "
                "added with design parameters, seed, creation date and status. Existing "
                "layers in the file are not touched."
            ),
        )
        for key, label in (
            (self.N_PLOTS, self.tr("Plots in the network")),
            (self.N_NEW, self.tr("New plots")),
            (self.N_EXISTING, self.tr("Existing plots kept")),
            (self.N_SHORTFALL, self.tr("Plots that did not fit (shortfall)")),
            (self.N_REGISTERED, self.tr("Plots added to the registry")),
            (self.UTM_EPSG, self.tr("UTM zone EPSG code")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ------------------------------------------------------------------ run
    def _process(self, parameters, context, feedback, outputs):
        from ..core import plot_design as core
        from .network_common import (
            WGS84,
            FootprintFactory,
            GeosContainment,
            is_metric,
            layer_utm_epsg,
            locate,
            ring_geometry,
        )

        source = self._required_source(parameters, self.STRATA, context)
        stratum_field = self.parameterAsString(parameters, self.STRATUM_FIELD, context)
        s_idx = source.fields().indexOf(stratum_field)
        if s_idx < 0:
            raise QgsProcessingException(
                self.tr("Field “{field}” does not exist in the strata layer.").format(
                    field=stratum_field
                )
            )
        plots_field = self.parameterAsString(parameters, self.PLOTS_FIELD, context) or None
        design = DESIGNS[self.parameterAsEnum(parameters, self.DESIGN, context)]
        edge_rule = EDGE_RULES[self.parameterAsEnum(parameters, self.EDGE_RULE, context)]
        shape_key = core.SHAPE_KEYS[self.parameterAsEnum(parameters, self.PLOT_SHAPE, context)]
        size = None
        if parameters.get(self.PLOT_SIZE) not in (None, ""):
            size = self.parameterAsDouble(parameters, self.PLOT_SIZE, context)
        shape, shape_notes = core.make_shape(shape_key, size)
        for note in shape_notes:
            feedback.reportError(localize(note), fatalError=False)
        spacing = self.parameterAsDouble(parameters, self.GRID_SPACING, context)
        min_distance = self.parameterAsDouble(parameters, self.MIN_DISTANCE, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        muni = (self.parameterAsString(parameters, self.MUNICIPALITY_CODE, context) or "").strip()
        if not muni:
            raise QgsProcessingException(self.tr("The municipality code is empty."))
        try:
            code_map = core.parse_key_values(
                self.parameterAsString(parameters, self.STRATUM_CODE_MAP, context), str
            )
        except ValueError as err:
            raise QgsProcessingException(
                self.tr("Cannot read the stratum codes: {error}").format(error=err)
            ) from err
        want_subplots = self.parameterAsBoolean(parameters, self.SUBPLOTS, context)
        tctx = context.transformContext()

        # ---- CRS: work in metres ------------------------------------------------------
        src_crs = source.sourceCrs()
        utm = layer_utm_epsg(source, tctx)
        utm_crs = QgsCoordinateReferenceSystem("EPSG:{}".format(utm))
        if is_metric(src_crs):
            work_crs = src_crs
        else:
            work_crs = utm_crs
            feedback.pushInfo(
                self.tr(
                    "The strata layer is in {crs}, not in metres: the design is made in "
                    "{utm} (UTM zone from the layer centre) and written back in {crs}."
                ).format(crs=src_crs.authid() or src_crs.description(), utm=utm_crs.authid())
            )
        to_work = QgsCoordinateTransform(src_crs, work_crs, tctx)
        to_out = QgsCoordinateTransform(work_crs, src_crs, tctx)
        to_wgs = QgsCoordinateTransform(work_crs, WGS84, tctx)
        to_utm = QgsCoordinateTransform(work_crs, utm_crs, tctx)
        same_out = work_crs == src_crs
        feedback.pushInfo(
            self.tr("Working CRS {work}; UTM coordinates in EPSG:{utm}").format(
                work=work_crs.authid(), utm=utm
            )
        )

        # ---- strata polygons ------------------------------------------------------------
        attrs = [s_idx]
        p_idx = source.fields().indexOf(plots_field) if plots_field else -1
        if p_idx >= 0:
            attrs.append(p_idx)
        request = QgsFeatureRequest().setSubsetOfAttributes(attrs)
        geoms: List[QgsGeometry] = []
        strata: List[str] = []
        fids: List[int] = []
        field_counts: List = []
        bbox: List = []
        areas: List[float] = []
        skipped = 0
        total = max(source.featureCount(), 1)
        for i, f in enumerate(qgis_io.iter_features(source, request, context, feedback)):
            if i % 2000 == 0:
                if feedback.isCanceled():
                    return {}
                feedback.setProgress(15.0 * i / total)
            value = _value(f.attribute(s_idx))
            geom = f.geometry()
            if value is None or str(value) == "" or geom is None or geom.isEmpty():
                skipped += 1
                continue
            geom = QgsGeometry(geom)
            if not same_out:
                geom.transform(to_work)
            box = geom.boundingBox()
            geoms.append(geom)
            strata.append(str(value))
            fids.append(int(f.id()))
            field_counts.append(_value(f.attribute(p_idx)) if p_idx >= 0 else None)
            bbox.append((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
            areas.append(geom.area())
        if skipped:
            feedback.reportError(
                self.tr("{n} polygons without a stratum or geometry were skipped.").format(
                    n=skipped
                ),
                fatalError=False,
            )
        if not geoms:
            raise QgsProcessingException(self.tr("No polygon with a stratum and a geometry."))
        polys = core.PolygonSet(strata, bbox, areas)
        layer_strata = sorted(set(strata))

        # ---- plots per stratum ------------------------------------------------------------
        requests: Dict[str, Optional[int]] = {}
        alloc_source = self.parameterAsSource(parameters, self.ALLOCATION_TABLE, context)
        if alloc_source is not None:
            names = alloc_source.fields().names()
            if "stratum" not in names or "n_h" not in names:
                raise QgsProcessingException(
                    self.tr(
                        "The allocation table needs the fields stratum and n_h (found: {names})."
                    ).format(names=", ".join(names))
                )
            rows = [
                (_value(f["stratum"]), _value(f["n_h"]))
                for f in qgis_io.iter_features(
                    alloc_source,
                    QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry),
                    context,
                )
            ]
            counts, notes = core.allocation_from_table([r[0] for r in rows], [r[1] for r in rows])
            origin = self.tr("allocation table")
        elif p_idx >= 0:
            counts, notes = core.allocation_from_table(strata, field_counts)
            origin = self.tr("field {field}").format(field=plots_field)
        else:
            number = self.parameterAsInt(parameters, self.PLOTS_PER_STRATUM, context)
            if number == 0 and design == "random":
                raise QgsProcessingException(
                    self.tr("Plots per stratum must be > 0 for the stratified random design.")
                )
            counts = {s: (None if number == 0 else number) for s in layer_strata}
            notes = []
            origin = self.tr("{n} per stratum").format(n=number if number else self.tr("all"))
        for note in notes:
            feedback.reportError(localize(note), fatalError=False)
        unknown = sorted(set(counts) - set(layer_strata))
        if unknown:
            feedback.reportError(
                self.tr("Strata not in the strata layer are ignored: {list}").format(
                    list=", ".join(unknown)
                ),
                fatalError=False,
            )
        missing = sorted(set(layer_strata) - set(counts))
        if missing:
            feedback.reportError(
                self.tr("No plot count for these strata; they get no plots: {list}").format(
                    list=", ".join(missing)
                ),
                fatalError=False,
            )
        requests = {s: counts[s] for s in layer_strata if s in counts}
        feedback.pushInfo(
            self.tr("Plots per stratum ({origin}): {list}").format(
                origin=origin,
                list="; ".join(
                    "{} {}".format(s, "all" if n is None else n) for s, n in requests.items()
                ),
            )
        )

        # ---- exclusions -----------------------------------------------------------------
        exclusions: List[QgsGeometry] = []
        excl_source = self.parameterAsSource(parameters, self.EXCLUSION, context)
        if excl_source is not None:
            tr_ex = QgsCoordinateTransform(excl_source.sourceCrs(), work_crs, tctx)
            for f in qgis_io.iter_features(
                excl_source, QgsFeatureRequest().setNoAttributes(), context, feedback
            ):
                g = QgsGeometry(f.geometry())
                if g.isEmpty():
                    continue
                if excl_source.sourceCrs() != work_crs:
                    g.transform(tr_ex)
                exclusions.append(g)
            feedback.pushInfo(self.tr("Exclusion polygons: {n}").format(n=len(exclusions)))

        # ---- existing plots ---------------------------------------------------------------
        existing = self._read_existing(
            parameters, context, work_crs, geoms, strata, locate, feedback
        )
        for rec in existing["records"]:
            if rec["_poly"] >= 0:
                rec["polygon_id"] = fids[rec["_poly"]]
        for note in existing["notes"]:
            feedback.reportError(localize(note), fatalError=False)
        if existing["records"]:
            feedback.pushInfo(
                self.tr("Existing plots kept: {n} ({active} active)").format(
                    n=len(existing["records"]), active=sum(existing["counts"].values())
                )
            )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(20)

        d_min, d_cheb = core.separation(shape, min_distance)
        if d_min > min_distance:
            feedback.pushInfo(
                self.tr(
                    "Minimum distance raised from {d:g} m to {e:.2f} m so that plots never overlap."
                ).format(d=min_distance, e=d_min)
            )
        if d_cheb > 0:
            feedback.pushInfo(
                self.tr(
                    "Square plots never overlap: centres differ by at least {a:g} m in x or in y."
                ).format(a=d_cheb)
            )

        # ---- design ---------------------------------------------------------------------
        containment = GeosContainment(geoms, shape, edge_rule, exclusions)

        def progress(pct: float) -> None:
            feedback.setProgress(20.0 + 0.6 * pct)

        try:
            if design == "random":
                result = core.design_random(
                    polys,
                    requests,
                    containment,
                    shape,
                    edge_rule,
                    min_distance,
                    seed,
                    existing_xy=existing["xy"],
                    existing_counts=existing["counts"],
                    progress=progress,
                    is_canceled=feedback.isCanceled,
                )
            else:
                result = core.design_grid(
                    polys,
                    requests,
                    containment,
                    shape,
                    spacing,
                    edge_rule,
                    min_distance,
                    seed,
                    existing_xy=existing["xy"],
                    existing_counts=existing["counts"],
                    progress=progress,
                    is_canceled=feedback.isCanceled,
                )
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        if feedback.isCanceled():
            return {}
        for note in result.notes:
            feedback.pushInfo(localize(note))

        all_strata = sorted(set(requests) | set(existing["counts"]))
        codes, code_notes = core.stratum_codes(all_strata, code_map)
        for note in code_notes:
            feedback.reportError(localize(note), fatalError=False)
        new = core.assign_ids(result.plots, muni, codes, existing["ids"])

        # ---- per-stratum report -------------------------------------------------------------
        feedback.pushInfo(self.tr("Stratum: requested / existing / placed / shortfall"))
        for row in result.summary.itertuples(index=False):
            line = self.tr("{s}: {req} / {have} / {placed} / {short}").format(
                s=row.stratum,
                req="all"
                if row.requested is None or row.requested != row.requested
                else int(row.requested),
                have=int(row.existing),
                placed=int(row.placed),
                short=int(row.shortfall),
            )
            if row.shortfall > 0:
                feedback.reportError(
                    line
                    + " — "
                    + self.tr(
                        "too little room (polygon size, edge rule, exclusions or minimum "
                        "distance); {n} candidate positions tried."
                    ).format(n=int(row.candidates)),
                    fatalError=False,
                )
            else:
                feedback.pushInfo(line)

        # ---- records --------------------------------------------------------------------------
        def coords(x: float, y: float) -> Dict[str, float]:
            p = QgsPointXY(x, y)
            u = to_utm.transform(p) if work_crs != utm_crs else p
            g = to_wgs.transform(p)
            return {
                "utm_x": round(u.x(), 3),
                "utm_y": round(u.y(), 3),
                "utm_epsg": utm,
                "lon": round(g.x(), 8),
                "lat": round(g.y(), 8),
            }

        records: List[dict] = []
        for rec in existing["records"]:
            rec.update(coords(rec["x"], rec["y"]))
            records.append(rec)
        for p in new.itertuples(index=False):
            rec = {
                "plot_id": p.plot_id,
                "stratum": p.stratum,
                "polygon_id": fids[int(p.poly_idx)],
                "shape": shape.key,
                "size_m": round(shape.size, 4),
                "area_m2": round(shape.area_m2, 4),
                "area_rai": round(shape.area_rai, 6),
                "in_polygon_fraction": round(float(p.fraction), 4),
                "status": "active",
                "origin": "new",
                "seed": seed,
                "x": float(p.x),
                "y": float(p.y),
                "footprint": None,
            }
            rec.update(coords(rec["x"], rec["y"]))
            records.append(rec)
        feedback.setProgress(85)
        if feedback.isCanceled():
            return {}

        # ---- layers ---------------------------------------------------------------------------
        plot_fields = _fields(PLOT_COLUMNS)
        names = [n for n, _ in PLOT_COLUMNS]

        def out_geom(geom: QgsGeometry) -> QgsGeometry:
            g = QgsGeometry(geom)
            if not same_out:
                g.transform(to_out)
            return g

        centres, centres_id = outputs.sink(
            self.OUTPUT_CENTRES, plot_fields, QgsWkbTypes.Type.Point, src_crs
        )
        if centres is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_CENTRES))
        footprints, plots_id = outputs.sink(
            self.OUTPUT_PLOTS, plot_fields, QgsWkbTypes.Type.Polygon, src_crs
        )
        if footprints is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_PLOTS))
        footprint = FootprintFactory(shape)
        c_feats, p_feats = [], []
        for rec in records:
            attrs_out = [rec.get(n) for n in names]
            fc = QgsFeature(plot_fields)
            fc.setAttributes(attrs_out)
            fc.setGeometry(out_geom(QgsGeometry.fromPointXY(QgsPointXY(rec["x"], rec["y"]))))
            c_feats.append(fc)
            fp = QgsFeature(plot_fields)
            fp.setAttributes(attrs_out)
            geom = rec["footprint"]
            if geom is None:
                geom = footprint(rec["x"], rec["y"])
            fp.setGeometry(out_geom(geom))
            p_feats.append(fp)
        if not centres.addFeatures(c_feats, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.tr("Could not write the plot centres."))
        if not footprints.addFeatures(p_feats, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.tr("Could not write the plot footprints."))

        results = {self.OUTPUT_CENTRES: centres_id, self.OUTPUT_PLOTS: plots_id}
        sub_fields = _fields(SUBPLOT_COLUMNS)
        subplots_sink, subplots_id = outputs.sink(
            self.OUTPUT_SUBPLOTS, sub_fields, QgsWkbTypes.Type.Polygon, src_crs
        )
        if want_subplots and not shape.subplot:
            feedback.reportError(
                self.tr("The {shape} plot has no subplots; none written.").format(shape=shape.key),
                fatalError=False,
            )
        elif want_subplots and subplots_sink is None:
            feedback.reportError(
                self.tr("Subplots requested but no subplot output given; none written."),
                fatalError=False,
            )
        if subplots_sink is not None:
            sub_feats = []
            if want_subplots and shape.subplot:
                for rec in records:
                    if rec["origin"] != "new":
                        continue
                    for number, ring in shape.subplots(rec["x"], rec["y"]):
                        f = QgsFeature(sub_fields)
                        f.setAttributes(
                            [
                                rec["plot_id"],
                                number,
                                "{}-{:03d}".format(rec["plot_id"], number),
                                shape.subplot**2,
                            ]
                        )
                        f.setGeometry(out_geom(ring_geometry(ring)))
                        sub_feats.append(f)
            if not subplots_sink.addFeatures(sub_feats, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.tr("Could not write the subplots."))
            results[self.OUTPUT_SUBPLOTS] = subplots_id
        feedback.setProgress(90)

        # ---- field sheet, GPX, registry -------------------------------------------------------
        active = sorted(
            (r for r in records if r["status"] not in INACTIVE), key=lambda r: r["plot_id"]
        )
        sheet = self.parameterAsFileOutput(parameters, self.FIELD_SHEET, context)
        if sheet:
            self._write_sheet(sheet, active)
            results[self.FIELD_SHEET] = sheet
        gpx = self.parameterAsFileOutput(parameters, self.GPX, context)
        if gpx:
            self._write_gpx(gpx, active, muni)
            results[self.GPX] = gpx
        n_registered = 0
        registry = self.parameterAsFileOutput(parameters, self.REGISTRY_GPKG, context)
        if registry:
            design_params = {
                "design": design,
                "shape": shape.key,
                "size_m": round(shape.size, 4),
                "plot_area_m2": round(shape.area_m2, 4),
                "subplot_m": shape.subplot,
                "edge_rule": edge_rule,
                "min_distance_m": min_distance,
                "grid_spacing_m": spacing if design == "grid" else None,
                "exclusions": len(exclusions),
                "municipality": muni,
                "work_crs": work_crs.authid(),
                "plugin_version": plugin_version(),
            }
            try:
                n_registered, reg_notes = self._write_registry(
                    registry, records, design_params, src_crs, to_out, same_out, tctx
                )
            except OSError as err:
                raise QgsProcessingException(str(err)) from err
            for note in reg_notes:
                feedback.reportError(localize(note), fatalError=False)
            feedback.pushInfo(
                self.tr("Registry {path}: {n} plots added to {table}").format(
                    path=registry, n=n_registered, table=REGISTRY_TABLE
                )
            )
            results[self.REGISTRY_GPKG] = registry
        feedback.setProgress(100)

        n_new = len(new)
        n_existing = len(existing["records"])
        feedback.pushInfo(
            self.tr(
                "Network: {total} plots ({new} new, {existing} existing); shortfall {short}; "
                "seed {seed}"
            ).format(
                total=n_new + n_existing,
                new=n_new,
                existing=n_existing,
                short=result.n_shortfall,
                seed=seed,
            )
        )
        results.update(
            {
                self.N_PLOTS: n_new + n_existing,
                self.N_NEW: n_new,
                self.N_EXISTING: n_existing,
                self.N_SHORTFALL: result.n_shortfall,
                self.N_REGISTERED: n_registered,
                self.UTM_EPSG: utm,
            }
        )
        return results

    # ------------------------------------------------------------------ helpers
    def _read_existing(
        self, parameters, context, work_crs, geoms, strata, locate, feedback=None
    ) -> dict:
        """Existing plots: records (kept as they are), centres, active counts, ids."""
        out = {"records": [], "xy": np.empty((0, 2)), "counts": {}, "ids": [], "notes": []}
        src = self.parameterAsSource(parameters, self.EXISTING_PLOTS, context)
        if src is None:
            return out
        names = src.fields().names()
        if "plot_id" not in names:
            raise QgsProcessingException(
                self.tr("Existing plots need a plot_id field (found: {names}).").format(
                    names=", ".join(names)
                )
            )
        tr_w = QgsCoordinateTransform(src.sourceCrs(), work_crs, context.transformContext())
        polygonal = (
            QgsWkbTypes.geometryType(src.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
        )
        rows = []
        for f in qgis_io.iter_features(src, None, context, feedback):
            geom = QgsGeometry(f.geometry())
            if geom.isEmpty():
                out["notes"].append(
                    self.tr("Existing plot {id} has no geometry; ignored.").format(id=f["plot_id"])
                )
                continue
            if src.sourceCrs() != work_crs:
                geom.transform(tr_w)
            centre = geom.centroid().asPoint() if polygonal else geom.asPoint()
            rows.append((f, geom, centre))
        where = locate([r[2] for r in rows], geoms)
        xy = []
        ids = []
        for (f, geom, centre), k in zip(rows, where):
            pid = str(_value(f["plot_id"]) or "")
            stratum = _value(f["stratum"]) if "stratum" in names else None
            if stratum is None and k >= 0:
                stratum = strata[k]
            status = str(_value(f["status"]) or "active") if "status" in names else "active"
            fraction = None
            for key in ("in_polygon_fraction", "fraction"):
                if key in names and _value(f[key]) is not None:
                    fraction = float(f[key])
                    break
            area = float(f["area_m2"]) if "area_m2" in names and _value(f["area_m2"]) else None
            rec = {
                "plot_id": pid,
                "stratum": None if stratum is None else str(stratum),
                "polygon_id": None,
                "shape": str(_value(f["shape"]))
                if "shape" in names and _value(f["shape"])
                else None,
                "size_m": float(f["size_m"]) if "size_m" in names and _value(f["size_m"]) else None,
                "area_m2": area,
                "area_rai": None if area is None else round(area / 1600.0, 6),
                "in_polygon_fraction": fraction,
                "status": status,
                "origin": "existing",
                "seed": None,
                "x": centre.x(),
                "y": centre.y(),
                "footprint": geom if polygonal else None,
                "_poly": k,
            }
            out["records"].append(rec)
            xy.append((centre.x(), centre.y()))
            ids.append(pid)
            if rec["stratum"] is not None and status.lower() not in INACTIVE:
                out["counts"][rec["stratum"]] = out["counts"].get(rec["stratum"], 0) + 1
            if rec["stratum"] is None:
                out["notes"].append(
                    self.tr("Existing plot {id} lies in no stratum polygon.").format(id=pid)
                )
        out["xy"] = np.array(xy, dtype=float).reshape(-1, 2)
        out["ids"] = ids
        if not polygonal and out["records"]:
            out["notes"].append(
                self.tr(
                    "Existing plots are points: their footprints are drawn with the chosen shape."
                )
            )
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            out["notes"].append(
                self.tr("Duplicate existing plot ids: {list}").format(list=", ".join(dupes))
            )
        return out

    @staticmethod
    def _write_sheet(path: str, records: List[dict]) -> None:
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([h for h, _ in SHEET_COLUMNS])
            for rec in records:
                writer.writerow(
                    [
                        "" if key is None or rec.get(key) is None else rec[key]
                        for _, key in SHEET_COLUMNS
                    ]
                )

    @staticmethod
    def _write_gpx(path: str, records: List[dict], muni: str) -> None:
        ns = "http://www.topografix.com/GPX/1/1"
        ET.register_namespace("", ns)
        q = "{" + ns + "}"
        root = ET.Element(q + "gpx", {"version": "1.1", "creator": "Urban Carbon Pool QGIS plugin"})
        meta = ET.SubElement(root, q + "metadata")
        ET.SubElement(meta, q + "name").text = "{} permanent plots".format(muni)
        for rec in records:
            wpt = ET.SubElement(
                root,
                q + "wpt",
                {"lat": "{:.8f}".format(rec["lat"]), "lon": "{:.8f}".format(rec["lon"])},
            )
            ET.SubElement(wpt, q + "name").text = rec["plot_id"]
            ET.SubElement(wpt, q + "desc").text = "{} {} {}".format(
                rec["stratum"] or "", rec["shape"] or "", rec["status"]
            ).strip()
            ET.SubElement(wpt, q + "sym").text = "Flag, Green"
            ET.SubElement(wpt, q + "type").text = rec["stratum"] or ""
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)

    def _write_registry(self, path, records, design_params, src_crs, to_out, same_out, tctx):
        """Append plots whose plot_id is not yet in ``carbonpool_plots``; returns (n, notes)."""
        from osgeo import ogr, osr

        notes: List[str] = []
        exists = os.path.exists(path)
        if exists:
            ds = ogr.Open(path, 1)
        else:
            os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
            ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        if ds is None:
            raise OSError(self.tr("Cannot open or create the GeoPackage {path}").format(path=path))
        layer = ds.GetLayerByName(REGISTRY_TABLE)
        if layer is None:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(
                src_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL)
            )
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            layer = ds.CreateLayer(
                REGISTRY_TABLE, srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"]
            )
            if layer is None:
                raise OSError(self.tr("Cannot create the table {t}").format(t=REGISTRY_TABLE))
            for name, kind in (
                ("plot_id", ogr.OFTString),
                ("stratum", ogr.OFTString),
                ("polygon_id", ogr.OFTInteger64),
                ("shape", ogr.OFTString),
                ("size_m", ogr.OFTReal),
                ("area_m2", ogr.OFTReal),
                ("design", ogr.OFTString),
                ("seed", ogr.OFTInteger64),
                ("created", ogr.OFTDate),
                ("status", ogr.OFTString),
                ("origin", ogr.OFTString),
                ("utm_x", ogr.OFTReal),
                ("utm_y", ogr.OFTReal),
                ("utm_epsg", ogr.OFTInteger),
                ("lon", ogr.OFTReal),
                ("lat", ogr.OFTReal),
            ):
                layer.CreateField(ogr.FieldDefn(name, kind))
            ds.ExecuteSQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS idx_{t}_plot_id ON {t}(plot_id)".format(
                    t=REGISTRY_TABLE
                )
            )
        reg_wkt = layer.GetSpatialRef().ExportToWkt() if layer.GetSpatialRef() else ""
        reg_crs = QgsCoordinateReferenceSystem.fromWkt(reg_wkt) if reg_wkt else src_crs
        to_reg = QgsCoordinateTransform(src_crs, reg_crs, tctx)
        known: Dict[str, tuple] = {}
        layer.ResetReading()
        for feat in layer:
            known[feat.GetField("plot_id")] = (feat.GetField("lon"), feat.GetField("lat"))
        today = datetime.date.today()
        defn = layer.GetLayerDefn()
        added = 0
        layer.StartTransaction()
        for rec in records:
            pid = rec["plot_id"]
            if pid in known:
                lon, lat = known[pid]
                if lon is not None and (
                    abs(lon - rec["lon"]) > 1e-6 or abs(lat - rec["lat"]) > 1e-6
                ):
                    notes.append(
                        self.tr(
                            "Plot {id} is already registered at another position; the registry "
                            "entry is kept (pass the registered plots as existing plots)."
                        ).format(id=pid)
                    )
                continue
            feat = ogr.Feature(defn)
            for key in ("plot_id", "stratum", "shape", "status", "origin"):
                if rec.get(key) is not None:
                    feat.SetField(key, str(rec[key]))
            for key in ("polygon_id", "seed", "utm_epsg"):
                if rec.get(key) is not None:
                    feat.SetField(key, int(rec[key]))
            for key in ("size_m", "area_m2", "utm_x", "utm_y", "lon", "lat"):
                if rec.get(key) is not None:
                    feat.SetField(key, float(rec[key]))
            params = dict(design_params)
            if rec["origin"] != "new":
                params = {"note": "existing plot kept; not designed by this run"}
            feat.SetField("design", json.dumps(params, ensure_ascii=False, sort_keys=True))
            feat.SetField("created", today.year, today.month, today.day, 0, 0, 0, 0)
            pt = QgsPointXY(rec["x"], rec["y"])
            if not same_out:
                pt = to_out.transform(pt)
            if reg_crs != src_crs:
                pt = to_reg.transform(pt)
            feat.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({!r} {!r})".format(pt.x(), pt.y())))
            if layer.CreateFeature(feat) != 0:
                layer.RollbackTransaction()
                raise OSError(self.tr("Could not add plot {id} to the registry").format(id=pid))
            known[pid] = (rec["lon"], rec["lat"])
            added += 1
        layer.CommitTransaction()
        ds = None
        return added, notes
