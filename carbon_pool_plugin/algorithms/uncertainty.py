"""carbonpool:uncertainty — Monte Carlo error from measurement to municipality, with sampling error."""

from __future__ import annotations

import math

from qgis.core import (
    QgsDistanceArea,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsUnitTypes,
    QgsWkbTypes,
)

from .. import qgis_io
from ..i18n import localize
from .base import CarbonPoolAlgorithm

METHODS = ["tver", "itree", "ipcc", "custom"]
DBH_ERRORS = ["none", "chave2004", "chave2004_large", "relative", "absolute"]
HEIGHT_ERRORS = ["none", "model", "model_measured"]
SAMPLING = ["analytic", "bootstrap", "none"]
TREE_COLUMNS = (
    "dbh_cm",
    "height_m",
    "height_source",
    "wd",
    "wd_sd",
    "wd_level",
    "equation_id",
    "agb_kg",
    "bgb_kg",
    "carbon_kg",
)
#: Status values that mark a dead / removed tree (not part of the live-tree pool).
DEAD_VALUES = {
    "dead",
    "d",
    "0",
    "false",
    "no",
    "removed",
    "cut",
    "felled",
    "missing",
    "gone",
    "ตาย",
    "ตายแล้ว",
    "ถูกตัด",
}

SUMMARY_COLUMNS = [
    ("level", "string"),
    ("id", "string"),
    ("point", "double"),
    ("mean", "double"),
    ("median", "double"),
    ("sd", "double"),
    ("q025", "double"),
    ("q975", "double"),
    ("unit", "string"),
    ("seed", "int"),
    ("iterations", "int"),
]
BUDGET_COLUMNS = [
    ("source", "string"),
    ("variance", "double"),
    ("sd", "double"),
    ("share_pct", "double"),
    ("seed", "int"),
    ("iterations", "int"),
]


class UncertaintyAlgorithm(CarbonPoolAlgorithm):
    TREES = "TREES"
    TREE_PLOT_FIELD = "TREE_PLOT_FIELD"
    TREE_STATUS_FIELD = "TREE_STATUS_FIELD"
    PLOTS = "PLOTS"
    PLOT_ID_FIELD = "PLOT_ID_FIELD"
    PLOT_AREA_FIELD = "PLOT_AREA_FIELD"
    FRACTION_FIELD = "FRACTION_FIELD"
    PLOT_STRATUM_FIELD = "PLOT_STRATUM_FIELD"
    STRATA = "STRATA"
    STRATUM_FIELD = "STRATUM_FIELD"
    STRATUM_AREA_FIELD = "STRATUM_AREA_FIELD"
    METHOD = "METHOD"
    METHOD_FILE = "METHOD_FILE"
    USER_EQUATIONS = "USER_EQUATIONS"
    E_VALUE = "E_VALUE"
    ITERATIONS = "ITERATIONS"
    SEED = "SEED"
    DBH_ERROR = "DBH_ERROR"
    DBH_ERROR_VALUE = "DBH_ERROR_VALUE"
    HEIGHT_ERROR = "HEIGHT_ERROR"
    HEIGHT_ERROR_VALUE = "HEIGHT_ERROR_VALUE"
    WD_ERROR = "WD_ERROR"
    MODEL_ERROR = "MODEL_ERROR"
    MODEL_RSE = "MODEL_RSE"
    CF_SD = "CF_SD"
    RS_SD = "RS_SD"
    SAMPLING = "SAMPLING"
    CHUNK_SIZE = "CHUNK_SIZE"
    ERROR_BUDGET = "ERROR_BUDGET"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_BUDGET = "OUTPUT_BUDGET"
    TOTAL_TCO2E_MEAN = "TOTAL_TCO2E_MEAN"
    TOTAL_TCO2E_Q025 = "TOTAL_TCO2E_Q025"
    TOTAL_TCO2E_Q975 = "TOTAL_TCO2E_Q975"
    TOTAL_TCO2E_SD = "TOTAL_TCO2E_SD"
    SEED_OUT = "SEED"
    ITERATIONS_OUT = "ITERATIONS"

    GROUP_ID = "baseline"

    def name(self) -> str:
        return "uncertainty"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Uncertainty (Monte Carlo)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Propagates the error of the measurements and models to every plot, stratum and "
            "the municipality total (t CO2e) by Monte Carlo, and combines it with the sampling "
            "error of the plot survey.\n\n"
            "Each iteration re-computes every tree of the Tree biomass output with a perturbed "
            "DBH (Chave et al. 2004: sd = 0.0062·D + 0.0904 cm, optionally with 5 % large "
            "errors as the BIOMASS R package; or a relative / absolute sd), height (residual "
            "error of the height–diameter model; optionally a relative error on measured "
            "heights), wood density (its per-tree sd), allometric model error (equations with "
            "an RSE), carbon fraction and root:shoot ratio (one draw per iteration), then "
            "re-computes plot densities and the AR-TOOL14 stratified total. Sampling error is "
            "added analytically (design-based variance) or by a stratified bootstrap of plots.\n\n"
            "Outputs: mean, median, sd and the 2.5 / 97.5 % quantiles per plot, stratum and "
            "total, and the error budget (variance of the total with each source alone and its "
            "share). The same seed gives bit-identical results for any chunk size."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        def add(param, help_text, advanced=False):
            param.setHelp(help_text)
            if advanced:
                param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)

        def field(key, label, parent, help_text, optional=False, numeric=False, advanced=False):
            kind = (
                QgsProcessingParameterField.DataType.Numeric
                if numeric
                else QgsProcessingParameterField.DataType.Any
            )
            add(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName=parent, type=kind, optional=optional
                ),
                help_text,
                advanced,
            )

        def number(key, label, help_text, default=None, minimum=None, integer=False, **kw):
            kind = (
                QgsProcessingParameterNumber.Type.Integer
                if integer
                else QgsProcessingParameterNumber.Type.Double
            )
            p = QgsProcessingParameterNumber(
                key, label, type=kind, defaultValue=default, optional=kw.get("optional", False)
            )
            if minimum is not None:
                p.setMinimum(minimum)
            if kw.get("maximum") is not None:
                p.setMaximum(kw["maximum"])
            add(p, help_text, kw.get("advanced", False))

        add(
            QgsProcessingParameterFeatureSource(
                self.TREES,
                self.tr("Trees (Tree biomass output)"),
                [QgsProcessing.SourceType.TypeVector],
            ),
            self.tr(
                "Output of Tree biomass and carbon: needs dbh_cm, height_m, height_source, wd, "
                "wd_sd, wd_level, equation_id, agb_kg, bgb_kg and carbon_kg."
            ),
        )
        field(
            self.TREE_PLOT_FIELD,
            self.tr("Tree plot id field"),
            self.TREES,
            self.tr("Plot identifier of each tree; matched to the plot id field."),
        )
        field(
            self.TREE_STATUS_FIELD,
            self.tr("Tree status field"),
            self.TREES,
            self.tr("Optional: trees marked dead / removed (dead, ตาย, …) are left out."),
            optional=True,
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.PLOTS, self.tr("Plots"), [QgsProcessing.SourceType.TypeVector]
            ),
            self.tr("Sample plots (polygons or a table), including plots without trees."),
        )
        field(
            self.PLOT_ID_FIELD,
            self.tr("Plot id field"),
            self.PLOTS,
            self.tr("Unique plot identifier."),
        )
        field(
            self.PLOT_AREA_FIELD,
            self.tr("Plot area field (m²)"),
            self.PLOTS,
            self.tr(
                "Optional nominal plot area in m²; otherwise the area of the plot "
                "polygon (planar in a projected CRS, ellipsoidal in a geographic one)."
            ),
            optional=True,
            numeric=True,
        )
        field(
            self.FRACTION_FIELD,
            self.tr("Measured fraction field"),
            self.PLOTS,
            self.tr(
                "Optional share of the plot that was measured (0–1]; effective area = "
                "area × fraction."
            ),
            optional=True,
            numeric=True,
        )
        field(
            self.PLOT_STRATUM_FIELD,
            self.tr("Plot stratum field"),
            self.PLOTS,
            self.tr("Stratum of each plot; must match the stratum field of the strata layer."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.STRATA,
                self.tr("Strata (green-space polygons)"),
                [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVector],
            ),
            self.tr(
                "Polygons of the strata; the area of each stratum is the sum of its "
                "polygons (or of the stratum area field)."
            ),
        )
        field(
            self.STRATUM_FIELD,
            self.tr("Stratum field"),
            self.STRATA,
            self.tr("Stratum code of each polygon."),
        )
        field(
            self.STRATUM_AREA_FIELD,
            self.tr("Stratum area field (m²)"),
            self.STRATA,
            self.tr(
                "Optional area in m² per row (e.g. for a table of strata); otherwise the "
                "polygon area (planar in a projected CRS, ellipsoidal in a geographic one)."
            ),
            optional=True,
            numeric=True,
            advanced=True,
        )
        add(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method pack"),
                options=[
                    self.tr("T-VER (TGO)"),
                    self.tr("i-Tree compatible"),
                    self.tr("IPCC 2019"),
                    self.tr("Custom (method file)"),
                ],
                defaultValue=0,
            ),
            self.tr(
                "The pack used by Tree biomass: gives the root:shoot sd (e.g. IPCC 2019 "
                "Table 4.4), the carbon cap and the default carbon fraction."
            ),
        )
        add(
            QgsProcessingParameterFile(
                self.METHOD_FILE,
                self.tr("Custom method pack (JSON)"),
                optional=True,
                fileFilter="JSON (*.json)",
            ),
            self.tr("Used when Method pack is Custom."),
            advanced=True,
        )
        add(
            QgsProcessingParameterFile(
                self.USER_EQUATIONS,
                self.tr("User equation pack (CSV)"),
                optional=True,
                fileFilter="CSV (*.csv)",
            ),
            self.tr("The user pack given to Tree biomass, if any (its rse column is used)."),
            advanced=True,
        )
        number(
            self.E_VALUE,
            self.tr("Environmental stress E (Chave 2014)"),
            self.tr(
                "As given to Tree biomass; needed to re-evaluate Chave Eq. 7 and Eq. 6a heights."
            ),
            optional=True,
            advanced=True,
        )
        number(
            self.ITERATIONS,
            self.tr("Iterations"),
            self.tr("Number of Monte Carlo iterations (1000 recommended)."),
            default=1000,
            minimum=2,
            integer=True,
            maximum=1000000,
        )
        number(
            self.SEED,
            self.tr("Random seed"),
            self.tr("The same seed and inputs give bit-identical results."),
            default=42,
            minimum=0,
            integer=True,
        )
        add(
            QgsProcessingParameterEnum(
                self.DBH_ERROR,
                self.tr("DBH measurement error"),
                options=[
                    self.tr("None"),
                    self.tr("Chave et al. 2004: sd = 0.0062·D + 0.0904 cm"),
                    self.tr("Chave 2004 with 5 % large errors (sd 4.64 cm, as BIOMASS)"),
                    self.tr("Relative (% of D)"),
                    self.tr("Absolute (cm)"),
                ],
                defaultValue=1,
            ),
            self.tr(
                "Normal error truncated to 0.1–500 cm. Modelled heights follow the "
                "simulated DBH through their H–D model."
            ),
        )
        number(
            self.DBH_ERROR_VALUE,
            self.tr("DBH error value (% or cm)"),
            self.tr("sd for the relative (%) or absolute (cm) DBH error."),
            default=5.0,
            minimum=0.0,
        )
        add(
            QgsProcessingParameterEnum(
                self.HEIGHT_ERROR,
                self.tr("Height error"),
                options=[
                    self.tr("None"),
                    self.tr("H–D model residual error (modelled heights)"),
                    self.tr("Model residual + relative error on measured heights"),
                ],
                defaultValue=1,
            ),
            self.tr(
                "Residual error of the H–D model: log scale for Chave Eq. 6a (RSE 0.243) "
                "and local log-log fits, metres for Feldpausch (RSE 5.691 m) and local "
                "Michaelis–Menten / Weibull fits."
            ),
        )
        number(
            self.HEIGHT_ERROR_VALUE,
            self.tr("Measured height error (%)"),
            self.tr("Relative sd of measured heights (third height option)."),
            default=5.0,
            minimum=0.0,
        )
        add(
            QgsProcessingParameterBoolean(
                self.WD_ERROR, self.tr("Wood density error"), defaultValue=True
            ),
            self.tr(
                "Per-tree sd of the wood density (species 0.0708, genus 0.0941, family "
                "0.1234 g/cm³ by default); truncated to 0.08–1.39 g/cm³."
            ),
        )
        add(
            QgsProcessingParameterBoolean(
                self.MODEL_ERROR, self.tr("Allometric model error"), defaultValue=True
            ),
            self.tr(
                "Log-normal residual error for equations with an RSE in the library "
                "(none of the bundled equations has one yet; see Model RSE)."
            ),
        )
        number(
            self.MODEL_RSE,
            self.tr("Model RSE for equations without one (log scale)"),
            self.tr(
                "Optional: residual standard error on the natural-log scale applied to "
                "equations that have no rse in the library."
            ),
            optional=True,
            minimum=0.0,
            advanced=True,
        )
        number(
            self.CF_SD,
            self.tr("Carbon fraction sd"),
            self.tr(
                "Absolute sd of the carbon fraction, one draw per iteration (0 = off). "
                "BIOMASS uses 0.0206 around 0.4713 (Thomas & Martin 2012)."
            ),
            default=0.0,
            minimum=0.0,
        )
        number(
            self.RS_SD,
            self.tr("Root:shoot sd"),
            self.tr(
                "Absolute sd of R, one draw per iteration. Empty: the method pack's sd "
                "(IPCC 2019 Table 4.4), none for T-VER / i-Tree."
            ),
            optional=True,
            minimum=0.0,
        )
        add(
            QgsProcessingParameterEnum(
                self.SAMPLING,
                self.tr("Sampling error"),
                options=[
                    self.tr("Analytic (AR-TOOL14 design-based variance added)"),
                    self.tr("Stratified bootstrap of plots"),
                    self.tr("None (measurement and model error only)"),
                ],
                defaultValue=0,
            ),
            self.tr(
                "Analytic: total variance = Monte Carlo variance + A²·SE². Bootstrap: "
                "plots resampled within strata in every iteration."
            ),
        )
        add(
            QgsProcessingParameterBoolean(
                self.ERROR_BUDGET, self.tr("Compute the error budget"), defaultValue=True
            ),
            self.tr(
                "Runs every source alone as well (same random draws) to split the variance of "
                "the total; costs extra time (about +70 % with all sources on)."
            ),
            advanced=True,
        )
        number(
            self.CHUNK_SIZE,
            self.tr("Iterations per chunk (0 = automatic)"),
            self.tr("Memory control only; results do not depend on it."),
            default=0,
            minimum=0,
            integer=True,
            advanced=True,
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY,
                self.tr("Uncertainty summary"),
                QgsProcessing.SourceType.TypeVector,
            ),
            self.tr(
                "level (plot, stratum_per_ha, stratum, total_per_ha, total), id, point, "
                "mean, median, sd, q025, q975, unit, seed, iterations."
            ),
        )
        add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_BUDGET, self.tr("Error budget"), QgsProcessing.SourceType.TypeVector
            ),
            self.tr(
                "Variance of the total with each source alone, its share (%), and the "
                "combined variance."
            ),
        )
        for key, label in (
            (self.TOTAL_TCO2E_MEAN, self.tr("Total t CO2e (mean)")),
            (self.TOTAL_TCO2E_Q025, self.tr("Total t CO2e (2.5 % quantile)")),
            (self.TOTAL_TCO2E_Q975, self.tr("Total t CO2e (97.5 % quantile)")),
            (self.TOTAL_TCO2E_SD, self.tr("Total t CO2e (sd)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        # SEED and ITERATIONS are also parameter names: Processing allows an output to share
        # a parameter's name, and returns the value actually used.
        self.addOutput(QgsProcessingOutputNumber(self.SEED_OUT, self.tr("Seed used")))
        self.addOutput(QgsProcessingOutputNumber(self.ITERATIONS_OUT, self.tr("Iterations run")))

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _areas_m2(source, geometries, context):
        """Areas in m²: ellipsoidal when the CRS is geographic, planar in a projected CRS
        (the convention of the plot-carbon and stratified-estimate algorithms)."""
        crs = source.sourceCrs()
        da = QgsDistanceArea()
        da.setSourceCrs(crs, context.transformContext())
        if crs.isValid() and crs.isGeographic():
            ellipsoid = context.ellipsoid() or ""
            if not ellipsoid or ellipsoid.upper() == "NONE":
                ellipsoid = crs.ellipsoidAcronym() or "EPSG:7030"
            da.setEllipsoid(ellipsoid)
        out = []
        for geom in geometries:
            if geom is None or geom.isNull() or geom.isEmpty():
                out.append(float("nan"))
                continue
            a = da.measureArea(geom)
            out.append(da.convertAreaMeasurement(a, QgsUnitTypes.AreaUnit.AreaSquareMeters))
        return out

    def _process(self, parameters, context, feedback, outputs):
        import numpy as np
        import pandas as pd

        from ..core.equations import EquationLibrary
        from ..core.methods import MethodPack
        from ..core.montecarlo import (
            MonteCarloCanceled,
            MonteCarloError,
            MonteCarloOptions,
            run_monte_carlo,
        )

        trees_src = self._required_source(parameters, self.TREES, context)
        plots_src = self._required_source(parameters, self.PLOTS, context)
        strata_src = self._required_source(parameters, self.STRATA, context)

        def fname(key):
            return self.parameterAsString(parameters, key, context) or None

        def optional_number(key):
            value = parameters.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                return None
            return self.parameterAsDouble(parameters, key, context)

        tree_plot = fname(self.TREE_PLOT_FIELD)
        tree_status = fname(self.TREE_STATUS_FIELD)
        missing = [c for c in TREE_COLUMNS if trees_src.fields().indexOf(c) < 0]
        if missing:
            raise QgsProcessingException(
                self.tr(
                    "The trees layer lacks {cols}: run “Tree biomass and carbon” first and use "
                    "its output."
                ).format(cols=", ".join(missing))
            )

        # -- method, equations --------------------------------------------------------------
        method_id = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        try:
            if method_id == "custom":
                method_file = self.parameterAsFile(parameters, self.METHOD_FILE, context)
                if not method_file:
                    raise ValueError(self.tr("The Custom method pack needs a method file (JSON)."))
                method = MethodPack.load(method_file)
            else:
                method = MethodPack.load(method_id)
            library = EquationLibrary.load()
            user_pack = self.parameterAsFile(parameters, self.USER_EQUATIONS, context)
            if user_pack:
                library.load_pack(user_pack)
            rs_sd_pack = method.root_shoot_sd()
            default_cf = method.carbon_fraction()
        except (ValueError, OSError, KeyError) as err:
            raise QgsProcessingException(str(err)) from err

        # -- read ---------------------------------------------------------------------------
        cols = list(TREE_COLUMNS) + [tree_plot] + ([tree_status] if tree_status else [])
        for optional in ("flags", "method", "stem_height_m"):
            if trees_src.fields().indexOf(optional) >= 0:
                cols.append(optional)
        trees, _ = qgis_io.read_frame(
            trees_src,
            field_names=list(dict.fromkeys(cols)),
            feedback=feedback,
            progress_span=(0.0, 5.0),
            context=context,
        )
        if feedback.isCanceled():
            return {}
        trees = trees.rename(columns={tree_plot: "plot"}) if tree_plot != "plot" else trees
        if tree_status:
            status = trees[tree_status].astype(object).where(trees[tree_status].notna(), "")
            dead = status.astype(str).str.strip().str.lower().isin(DEAD_VALUES).to_numpy()
            if dead.any():
                feedback.pushInfo(
                    self.tr("{n} dead/removed tree(s) left out (live-tree pool).").format(
                        n=int(dead.sum())
                    )
                )
            trees = trees.loc[~dead].reset_index(drop=True)
        if "method" in trees.columns:
            used = {str(m) for m in trees["method"].dropna().unique()}
            if used and used != {method.id}:
                feedback.reportError(
                    self.tr("Trees were computed with method {used}, not {m}.").format(
                        used=", ".join(sorted(used)), m=method.id
                    ),
                    fatalError=False,
                )
        if rs_sd_pack is not None:
            trees["rs_sd"] = float(rs_sd_pack)

        pid, parea = fname(self.PLOT_ID_FIELD), fname(self.PLOT_AREA_FIELD)
        pfrac, pstrat = fname(self.FRACTION_FIELD), fname(self.PLOT_STRATUM_FIELD)
        pcols = [c for c in (pid, parea, pfrac, pstrat) if c]
        praw, pgeoms = qgis_io.read_frame(
            plots_src,
            field_names=list(dict.fromkeys(pcols)),
            with_geometry=not parea,
            feedback=feedback,
            progress_span=(5.0, 7.0),
            context=context,
        )
        plots = pd.DataFrame({"plot_id": praw[pid].to_numpy(), "stratum": praw[pstrat].to_numpy()})
        if parea:
            plots["area_m2"] = pd.to_numeric(praw[parea], errors="coerce").to_numpy()
        else:
            if plots_src.wkbType() == QgsWkbTypes.Type.NoGeometry or (
                QgsWkbTypes.geometryType(plots_src.wkbType())
                != QgsWkbTypes.GeometryType.PolygonGeometry
            ):
                raise QgsProcessingException(
                    self.tr("Plots are not polygons: choose the plot area field.")
                )
            plots["area_m2"] = self._areas_m2(plots_src, pgeoms, context)
        if pfrac:
            plots["fraction"] = pd.to_numeric(praw[pfrac], errors="coerce").to_numpy()

        sfield, sarea = fname(self.STRATUM_FIELD), fname(self.STRATUM_AREA_FIELD)
        sraw, sgeoms = qgis_io.read_frame(
            strata_src,
            field_names=[c for c in (sfield, sarea) if c],
            with_geometry=not sarea,
            feedback=feedback,
            progress_span=(7.0, 10.0),
            context=context,
        )
        if sarea:
            area_m2 = pd.to_numeric(sraw[sarea], errors="coerce").to_numpy(dtype=float)
        else:
            area_m2 = np.asarray(self._areas_m2(strata_src, sgeoms, context), dtype=float)
        keys = sraw[sfield].astype(object).where(sraw[sfield].notna(), None)
        strata_area = {}
        for key, a in zip(keys.tolist(), area_m2.tolist()):
            if key is None or not math.isfinite(a):
                continue
            strata_area[str(key)] = strata_area.get(str(key), 0.0) + a / 10000.0
        if not strata_area:
            raise QgsProcessingException(
                self.tr(
                    "No polygon of the strata layer “{layer}” has a stratum (field “{field}”) "
                    "and an area ({n} feature(s) read): the estimate needs the area of each "
                    "stratum. Check the strata layer and its stratum field."
                ).format(layer=strata_src.sourceName(), field=sfield, n=len(sraw))
            )
        plots["stratum"] = plots["stratum"].map(lambda s: None if s is None else str(s))
        feedback.pushInfo(
            self.tr("{nt} trees, {np} plots, strata (ha): {st}").format(
                nt=len(trees),
                np=len(plots),
                st=", ".join("{} {:.2f}".format(k, v) for k, v in sorted(strata_area.items())),
            )
        )

        dbh_error = DBH_ERRORS[self.parameterAsEnum(parameters, self.DBH_ERROR, context)]
        dbh_value = self.parameterAsDouble(parameters, self.DBH_ERROR_VALUE, context)
        if dbh_error == "relative":
            dbh_value = dbh_value / 100.0
        chunk = self.parameterAsInt(parameters, self.CHUNK_SIZE, context)
        options = MonteCarloOptions(
            iterations=self.parameterAsInt(parameters, self.ITERATIONS, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            dbh_error=dbh_error,
            dbh_error_value=dbh_value if dbh_error in ("relative", "absolute") else 0.0,
            height_error=HEIGHT_ERRORS[
                self.parameterAsEnum(parameters, self.HEIGHT_ERROR, context)
            ],
            height_rel_sd=self.parameterAsDouble(parameters, self.HEIGHT_ERROR_VALUE, context)
            / 100.0,
            wd_error=self.parameterAsBool(parameters, self.WD_ERROR, context),
            model_error=self.parameterAsBool(parameters, self.MODEL_ERROR, context),
            model_rse=optional_number(self.MODEL_RSE),
            cf_sd=self.parameterAsDouble(parameters, self.CF_SD, context),
            rs_sd=optional_number(self.RS_SD),
            sampling=SAMPLING[self.parameterAsEnum(parameters, self.SAMPLING, context)],
            e_value=optional_number(self.E_VALUE),
            carbon_cap_kg=method.carbon_cap_kg,
            default_cf=default_cf,
            chunk_size=chunk if chunk > 0 else None,
            budget=self.parameterAsBool(parameters, self.ERROR_BUDGET, context),
        )
        feedback.setProgress(10)
        try:
            result = run_monte_carlo(
                trees,
                plots,
                strata_area,
                library,
                options,
                progress=lambda f: feedback.setProgress(10 + 85 * f),
                is_canceled=feedback.isCanceled,
            )
        except MonteCarloCanceled:
            return {}
        except (MonteCarloError, ValueError) as err:
            raise QgsProcessingException(str(err)) from err
        for note in result.notes:
            feedback.pushInfo(localize(note))

        # -- outputs ------------------------------------------------------------------------
        results = {}
        for key, frame, columns in (
            (self.OUTPUT_SUMMARY, result.summary, SUMMARY_COLUMNS),
            (self.OUTPUT_BUDGET, result.budget, BUDGET_COLUMNS),
        ):
            fields = qgis_io.output_fields(QgsFields(), columns)
            sink, dest = outputs.sink(key, fields, QgsWkbTypes.Type.NoGeometry)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, key))
            qgis_io.write_frame(sink, fields, frame, (), None)
            del sink
            results[key] = dest

        tot = result.totals
        feedback.pushInfo(
            self.tr(
                "Total {mean:.1f} t CO2e (point {point:.1f}); sd {sd:.1f}; 95 % interval "
                "[{lo:.1f}, {hi:.1f}]; seed {seed}, {it} iterations, sampling {samp}"
            ).format(
                mean=tot["mean"],
                point=tot["point"],
                sd=tot["sd"],
                lo=tot["q025"],
                hi=tot["q975"],
                seed=tot["seed"],
                it=tot["iterations"],
                samp=tot["sampling"],
            )
        )
        feedback.pushInfo(self.tr("Error budget (variance of the total, each source alone):"))
        for row in result.budget.itertuples(index=False):
            share = "" if not math.isfinite(row.share_pct) else "{:.1f} %".format(row.share_pct)
            feedback.pushInfo("  {:<16} sd {:>12.1f} t CO2e  {}".format(row.source, row.sd, share))
        if math.isfinite(tot["interaction_ratio"]):
            feedback.pushInfo(
                self.tr("Sum of one-source variances / combined variance = {r:.3f}").format(
                    r=tot["interaction_ratio"]
                )
            )
        feedback.setProgress(100)
        results.update(
            {
                self.TOTAL_TCO2E_MEAN: tot["mean"],
                self.TOTAL_TCO2E_Q025: tot["q025"],
                self.TOTAL_TCO2E_Q975: tot["q975"],
                self.TOTAL_TCO2E_SD: tot["sd"],
                self.SEED_OUT: tot["seed"],
                self.ITERATIONS_OUT: tot["iterations"],
            }
        )
        return results
