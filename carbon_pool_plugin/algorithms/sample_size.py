"""carbonpool:samplesize — number of permanent plots and their allocation to strata.

BioCarbon Fund Sourcebook formula with finite population (science.md §7.3), implemented once in
``core.sampling_stats.sample_size``; inputs prepared by ``core.plot_design.sample_size_plan``.
"""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import qgis_io
from ..i18n import localize
from .base import CarbonPoolAlgorithm

CONFIDENCES = [0.90, 0.95]
ALLOCATIONS = ["proportional", "neyman", "equal"]

TABLE_COLUMNS = [
    ("stratum", QVariant.String),
    ("area_ha", QVariant.Double),
    # N_h (plot-sized units in the stratum); not "N_h": GeoPackage/SQLite column names are
    # case-insensitive and would clash with n_h
    ("N_units", QVariant.Double),
    ("weight", QVariant.Double),
    ("mean", QVariant.Double),
    ("sd", QVariant.Double),
    ("cv", QVariant.Double),
    ("sd_source", QVariant.String),
    ("share", QVariant.Double),
    ("n_raw", QVariant.Double),
    ("n_h", QVariant.Int),
]


class SampleSizeAlgorithm(CarbonPoolAlgorithm):
    STRATA = "STRATA"
    STRATUM_FIELD = "STRATUM_FIELD"
    CV_TABLE = "CV_TABLE"
    PILOT_PLOTS = "PILOT_PLOTS"
    PILOT_STRATUM_FIELD = "PILOT_STRATUM_FIELD"
    PILOT_VALUE_FIELD = "PILOT_VALUE_FIELD"
    DEFAULT_CV = "DEFAULT_CV"
    PRECISION = "PRECISION"
    CONFIDENCE = "CONFIDENCE"
    PLOT_AREA_M2 = "PLOT_AREA_M2"
    ALLOCATION = "ALLOCATION"
    MIN_PER_STRATUM = "MIN_PER_STRATUM"
    OUTPUT = "OUTPUT"
    N_TOTAL = "N_TOTAL"
    N_SOURCEBOOK = "N_SOURCEBOOK"
    N_REQUIRED = "N_REQUIRED"
    T_VALUE = "T_VALUE"
    ACHIEVED_PRECISION = "ACHIEVED_PRECISION"

    GROUP_ID = "network"

    def name(self) -> str:
        return "samplesize"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Sample size and allocation of permanent plots")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "How many permanent sample plots are needed, and how many in each stratum, to "
            "estimate the mean carbon stock to a target precision (e.g. ±10 % of the mean) at "
            "90 % or 95 % confidence.\n\n"
            "Formula (BioCarbon Fund Sourcebook, Pearson, Walker & Brown): "
            "n = (Σ N_h s_h)² / (N² E² / t² + Σ N_h s_h²), with N_h = stratum area / plot area, "
            "E = mean × precision and t the Student t at n − strata degrees of freedom "
            "(iterated). N_SOURCEBOOK is this Neyman-allocation value; N_TOTAL is the number "
            "to place with the chosen allocation after rounding and the minimum per stratum.\n\n"
            "Variability per stratum: from pilot plots (mean and SD of a value field, at "
            "least 2 plots per stratum), else a coefficient of variation from the CV table "
            "(e.g. park:0.6;street:0.8), else the default CV. With CVs only, all strata are "
            "assumed to share one mean.\n\n"
            "The output table (stratum, area_ha, N_units = N_h, sd, cv, n_h) is the input "
            "ALLOCATION_TABLE of “Design permanent plot network”."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterFeatureSource(
            self.STRATA,
            self.tr("Green-space polygons (strata)"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
        )
        p.setHelp(
            self.tr(
                "Polygon layer of the green areas; areas are planar in a projected CRS in "
                "metres and ellipsoidal otherwise."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.STRATUM_FIELD,
            self.tr("Stratum field"),
            parentLayerParameterName=self.STRATA,
        )
        p.setHelp(self.tr("Field holding the stratum (e.g. class_code: park, street, …)."))
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.CV_TABLE, self.tr("Coefficient of variation per stratum"), optional=True
        )
        p.setHelp(
            self.tr(
                "Prior CV of plot carbon per stratum as stratum:cv pairs separated by ';', "
                "e.g. park:0.6;street:0.8 (0.6 = 60 %)."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.PILOT_PLOTS,
            self.tr("Pilot plots"),
            [QgsProcessing.SourceType.TypeVector],
            optional=True,
        )
        p.setHelp(
            self.tr(
                "Optional layer or table of measured pilot plots; the mean and standard "
                "deviation of the value field per stratum replace the CVs."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.PILOT_STRATUM_FIELD,
            self.tr("Pilot stratum field"),
            parentLayerParameterName=self.PILOT_PLOTS,
            optional=True,
        )
        p.setHelp(self.tr("Stratum of each pilot plot (same values as the stratum field)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.PILOT_VALUE_FIELD,
            self.tr("Pilot value field"),
            parentLayerParameterName=self.PILOT_PLOTS,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        p.setHelp(self.tr("Per-plot value, e.g. carbon in t/ha (plots with no trees are 0)."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.DEFAULT_CV,
            self.tr("Default CV"),
            type=QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.6,
            minValue=0.0,
        )
        p.setHelp(
            self.tr(
                "CV used for strata without pilot plots or a CV table entry (0.6 = 60 %; a "
                "planning prior, replace it with pilot data when you have it)."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.PRECISION,
            self.tr("Target precision (fraction of the mean)"),
            type=QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.1,
            minValue=0.001,
            maxValue=0.999,
        )
        p.setHelp(self.tr("Allowed error E as a fraction of the mean: 0.1 = ±10 %, 0.2 = ±20 %."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.CONFIDENCE,
            self.tr("Confidence level"),
            options=[self.tr("90 % (T-VER)"), self.tr("95 %")],
            defaultValue=0,
        )
        p.setHelp(
            self.tr(
                "T-VER applies its uncertainty deduction on the 90 % interval; 95 % is "
                "common in other reporting."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.PLOT_AREA_M2,
            self.tr("Plot area (m²)"),
            type=QgsProcessingParameterNumber.Type.Double,
            defaultValue=400.0,
            minValue=1.0,
        )
        p.setHelp(
            self.tr("400 m² = 0.04 ha circle (i-Tree); 1600 for 40 × 40 m; 10000 for the TGO plot.")
        )
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.ALLOCATION,
            self.tr("Allocation"),
            options=[
                self.tr("Proportional to area"),
                self.tr("Neyman (area × SD)"),
                self.tr("Equal"),
            ],
            defaultValue=0,
        )
        p.setHelp(
            self.tr(
                "How plots are shared among strata. Proportional and equal allocation need "
                "more plots than Neyman for the same precision; the total follows the choice."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.MIN_PER_STRATUM,
            self.tr("Minimum plots per stratum"),
            type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=2,
            minValue=0,
        )
        p.setHelp(
            self.tr(
                "Each stratum gets at least this many plots (2 are needed for a variance); "
                "capped at the number of plots that fit in the stratum."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Sample size per stratum"), QgsProcessing.SourceType.TypeVector
        )
        p.setHelp(
            self.tr(
                "Table: stratum, area_ha, N_units (= N_h, plot-sized units in the stratum), weight, "
                "mean, sd, cv, sd_source, share, n_raw and n_h (plots to place)."
            )
        )
        self.addParameter(p)
        for key, label in (
            (self.N_TOTAL, self.tr("Plots to place (sum of n_h)")),
            (self.N_SOURCEBOOK, self.tr("Sourcebook n (Neyman, unrounded)")),
            (self.N_REQUIRED, self.tr("Required n for the chosen allocation (unrounded)")),
            (self.T_VALUE, self.tr("Student t used")),
            (self.ACHIEVED_PRECISION, self.tr("Expected precision with n_h (fraction)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def _process(self, parameters, context, feedback, outputs):
        from ..core.plot_design import parse_key_values, sample_size_plan
        from .network_common import stratum_areas_ha

        source = self._required_source(parameters, self.STRATA, context)
        stratum_field = self.parameterAsString(parameters, self.STRATUM_FIELD, context)
        if source.fields().indexOf(stratum_field) < 0:
            raise QgsProcessingException(
                self.tr("Field “{field}” does not exist in the strata layer.").format(
                    field=stratum_field
                )
            )
        try:
            cv_table = parse_key_values(
                self.parameterAsString(parameters, self.CV_TABLE, context), float
            )
        except ValueError as err:
            raise QgsProcessingException(
                self.tr("Cannot read the CV table: {error}").format(error=err)
            ) from err

        areas, skipped, method = stratum_areas_ha(
            source,
            stratum_field,
            context.transformContext(),
            context.ellipsoid(),
            feedback,
            context=context,
        )
        if feedback.isCanceled():
            return {}
        if skipped:
            feedback.reportError(
                self.tr("{n} polygons without a stratum or geometry were skipped.").format(
                    n=skipped
                ),
                fatalError=False,
            )
        if not areas:
            raise QgsProcessingException(self.tr("No polygon with a stratum and an area."))
        feedback.pushInfo(
            self.tr("Stratum areas ({method}): {areas}").format(
                method=method,
                areas="; ".join("{} {:.2f} ha".format(k, v) for k, v in sorted(areas.items())),
            )
        )

        pilot = None
        pilot_source = self.parameterAsSource(parameters, self.PILOT_PLOTS, context)
        if pilot_source is not None:
            s_field = self.parameterAsString(parameters, self.PILOT_STRATUM_FIELD, context)
            v_field = self.parameterAsString(parameters, self.PILOT_VALUE_FIELD, context)
            if not s_field or not v_field:
                raise QgsProcessingException(
                    self.tr("Pilot plots need the pilot stratum field and the pilot value field.")
                )
            pilot = self._read_pilot(pilot_source, s_field, v_field, context)
            feedback.pushInfo(self.tr("Pilot plots read: {n}").format(n=len(pilot)))

        confidence = CONFIDENCES[self.parameterAsEnum(parameters, self.CONFIDENCE, context)]
        allocation = ALLOCATIONS[self.parameterAsEnum(parameters, self.ALLOCATION, context)]
        try:
            result, table, notes = sample_size_plan(
                areas,
                plot_area_m2=self.parameterAsDouble(parameters, self.PLOT_AREA_M2, context),
                cv_table=cv_table,
                default_cv=self.parameterAsDouble(parameters, self.DEFAULT_CV, context),
                pilot=pilot,
                precision=self.parameterAsDouble(parameters, self.PRECISION, context),
                confidence=confidence,
                allocation=allocation,
                min_per_stratum=self.parameterAsInt(parameters, self.MIN_PER_STRATUM, context),
            )
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        for note in notes:
            feedback.pushInfo(localize(note))
        feedback.setProgress(80)
        if feedback.isCanceled():
            return {}

        fields = QgsFields()
        for name, kind in TABLE_COLUMNS:
            fields.append(QgsField(name, kind))
        sink, dest_id = outputs.sink(
            self.OUTPUT, fields, QgsWkbTypes.Type.NoGeometry, source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = []
        for row in table.itertuples(index=False):
            f = QgsFeature(fields)
            values = []
            for name, kind in TABLE_COLUMNS:
                v = getattr(row, "N_h" if name == "N_units" else name)
                if kind == QVariant.Double:
                    v = None if pd.isna(v) else float(v)
                elif kind == QVariant.Int:
                    v = int(v)
                else:
                    v = str(v)
                values.append(v)
            f.setAttributes(values)
            features.append(f)
            feedback.pushInfo(
                self.tr(
                    "{stratum}: {area:.2f} ha, N_h {N:.0f}, sd {sd:.4g} ({src}) → n_h {n}"
                ).format(
                    stratum=row.stratum,
                    area=row.area_ha,
                    N=row.N_h,
                    sd=row.sd,
                    src=row.sd_source,
                    n=int(row.n_h),
                )
            )
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(self.tr("Could not write the output table."))
        feedback.pushInfo(
            self.tr(
                "Sourcebook n = {nsb:.2f} (t = {t:.4f}); required with {alloc} allocation "
                "{nreq:.2f}; plots to place: {n}; expected precision ±{p:.1f} %"
            ).format(
                nsb=result.n_sourcebook,
                t=result.t,
                alloc=allocation,
                nreq=result.n_required,
                n=result.n_total,
                p=100.0 * result.achieved_precision,
            )
        )
        feedback.setProgress(100)
        return {
            self.OUTPUT: dest_id,
            self.N_TOTAL: int(result.n_total),
            self.N_SOURCEBOOK: float(result.n_sourcebook),
            self.N_REQUIRED: float(result.n_required),
            self.T_VALUE: float(result.t),
            self.ACHIEVED_PRECISION: float(result.achieved_precision),
        }

    @staticmethod
    def _read_pilot(source, stratum_field: str, value_field: str, context=None) -> pd.DataFrame:
        fields = source.fields()
        si, vi = fields.indexOf(stratum_field), fields.indexOf(value_field)
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([si, vi])
        rows = []
        for f in qgis_io.iter_features(source, request, context):
            s, v = f.attribute(si), f.attribute(vi)
            if s is None or isinstance(s, QVariant) or v is None or isinstance(v, QVariant):
                continue
            rows.append((str(s), v))
        return pd.DataFrame(rows, columns=["stratum", "value"])
