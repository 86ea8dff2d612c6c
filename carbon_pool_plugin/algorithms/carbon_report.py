"""carbonpool:carbonreport — municipal carbon report as PDF (QGIS print layout) and HTML."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import tempfile

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRectangle,
)

from .. import qgis_io
from ..paths import plugin_version, resource_path
from .base import CarbonPoolAlgorithm

LANGUAGES = ["th", "en"]
DENSITY_UNITS = ["tc_ha", "tco2e_rai"]
DEFAULT_TEMPLATE = ("templates", "carbon_report_a4.qpt")
#: sequestration-map field, first present wins (stockchange OUTPUT_MAP writes seq_tco2e_rai_yr)
_SEQ_FIELDS = ("seq_tco2e_rai_yr", "seq_tco2e_ha_yr", "seq_tc_ha_yr", "annual_tco2e_rai")


class CarbonReportAlgorithm(CarbonPoolAlgorithm):
    CARBON_MAP = "CARBON_MAP"
    STRATA_TABLE = "STRATA_TABLE"
    TREES = "TREES"
    CHANGE_TABLE = "CHANGE_TABLE"
    SEQUESTRATION = "SEQUESTRATION"
    UNCERTAINTY = "UNCERTAINTY"
    CLASS_AREAS = "CLASS_AREAS"
    ACCURACY = "ACCURACY"
    BOUNDARY = "BOUNDARY"
    MUNICIPALITY_NAME = "MUNICIPALITY_NAME"
    MUNICIPALITY_CODE = "MUNICIPALITY_CODE"
    MUNICIPALITY_TYPE = "MUNICIPALITY_TYPE"
    POPULATION = "POPULATION"
    LANGUAGE = "LANGUAGE"
    DENSITY_UNIT = "DENSITY_UNIT"
    PRICE_THB_PER_TCO2E = "PRICE_THB_PER_TCO2E"
    DISCOUNT_RATE = "DISCOUNT_RATE"
    PRICE_CHANGE_RATE = "PRICE_CHANGE_RATE"
    HORIZON_YEARS = "HORIZON_YEARS"
    TEMPLATE = "TEMPLATE"
    LOGO = "LOGO"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_HTML = "OUTPUT_HTML"
    TOTAL_TCO2E = "TOTAL_TCO2E"
    GREEN_SHARE_PCT = "GREEN_SHARE_PCT"
    PAGES = "PAGES"
    COVER_SOURCE = "COVER_SOURCE"

    GROUP_ID = "reporting"

    def name(self) -> str:
        return "carbonreport"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Municipal carbon report (PDF and HTML)")

    def flags(self):
        # print layouts are QGraphicsScene objects: build and export them on the main thread,
        # as QGIS's own "Export print layout as PDF" algorithm does
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Writes the report a municipal GIS officer hands to the mayor and to DCCE, in Thai or "
            "English, as a PDF built with the QGIS print layout engine and as a self-contained "
            "HTML file with the same content.\n\n"
            "Pages: cover (from a layout template: put your logo and header there), carbon "
            "density map with legend, scale bar, north arrow and credits, [annual sequestration "
            "map], summary (green area in rai and % against the Thai criterion for the "
            "municipality type: เทศบาลนคร 15 %, เทศบาลเมือง 20 %, เทศบาลตำบล/อบต. 25 %; m² per "
            "person against WHO 9 and ONEP 15; carbon stock with 90 % and 95 % intervals, the "
            "T-VER deduction, annual sequestration, optional value in THB), tables per stratum "
            "and of the largest polygons, charts (carbon by class, DBH distribution, top species, "
            "error budget) and methods (equations with citations, method and equation pack "
            "versions, parameters, seed, data-quality flags). Dates are given in the Buddhist and "
            "Gregorian calendars.\n\n"
            "Inputs are the outputs of Stratified estimate (map and strata table) and, when "
            "available, Tree biomass, Stock change, Uncertainty and the green-space mapping "
            "algorithms. Sections whose input is missing are left out. Runs headless "
            "(qgis_process)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        def add(param, help_text):
            param.setHelp(help_text)
            self.addParameter(param)

        add(
            QgsProcessingParameterVectorLayer(
                self.CARBON_MAP,
                self.tr("Carbon stock map (Stratified estimate output)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            ),
            self.tr(
                "Green-space polygons with area_ha, density_tc_ha, density_tco2e_rai, co2e_t … "
                "(the OUTPUT of carbonpool:stratifiedestimate)."
            ),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.STRATA_TABLE,
                self.tr("Strata table (Stratified estimate output)"),
                [QgsProcessing.SourceType.TypeVector],
            ),
            self.tr(
                "One row per stratum plus the stratum = ALL total row (OUTPUT_STRATA of "
                "carbonpool:stratifiedestimate)."
            ),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.TREES,
                self.tr("Trees with carbon (Tree biomass output)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            ),
            self.tr(
                "Optional: for the DBH chart, the top species, the equations used and the "
                "data-quality flags."
            ),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.CHANGE_TABLE,
                self.tr("Stock change table"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            ),
            self.tr("Optional: the table of carbonpool:stockchange (annual sequestration)."),
        )
        add(
            QgsProcessingParameterVectorLayer(
                self.SEQUESTRATION,
                self.tr("Sequestration map"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            ),
            self.tr("Optional: polygons with annual sequestration; adds a map page."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.UNCERTAINTY,
                self.tr("Uncertainty budget table"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            ),
            self.tr(
                "Optional: the error budget of carbonpool:uncertainty (source and share of "
                "variance); adds the error-budget chart and the seed."
            ),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.CLASS_AREAS,
                self.tr("Classification area table"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            ),
            self.tr("Optional: class areas from the green-space mapping algorithms."),
        )
        add(
            QgsProcessingParameterFeatureSource(
                self.ACCURACY,
                self.tr("Classification accuracy table"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            ),
            self.tr("Optional: overall accuracy and kappa from carbonpool:accuracyassessment."),
        )
        add(
            QgsProcessingParameterVectorLayer(
                self.BOUNDARY,
                self.tr("Municipal boundary"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            ),
            self.tr(
                "The local government's polygon: its area gives the green share; its fields "
                "name_th/name_en, muni_code and population fill empty parameters below."
            ),
        )
        add(
            QgsProcessingParameterString(
                self.MUNICIPALITY_NAME, self.tr("Municipality name"), optional=True
            ),
            self.tr("Empty: taken from the boundary (name_th for Thai, name_en for English)."),
        )
        add(
            QgsProcessingParameterString(
                self.MUNICIPALITY_CODE, self.tr("Municipality code"), optional=True
            ),
            self.tr("Empty: taken from the boundary field muni_code."),
        )
        add(
            QgsProcessingParameterEnum(
                self.MUNICIPALITY_TYPE,
                self.tr("Municipality type"),
                options=[
                    self.tr("เทศบาลนคร (city municipality, green target 15 %)"),
                    self.tr("เทศบาลเมือง (town municipality, green target 20 %)"),
                    self.tr("เทศบาลตำบล (subdistrict municipality, green target 25 %)"),
                    self.tr("อบต. (subdistrict administrative organisation, green target 25 %)"),
                ],
                defaultValue=1,
            ),
            self.tr("Sets the minimum green share of the municipal area (criterion 1)."),
        )
        add(
            QgsProcessingParameterNumber(
                self.POPULATION,
                self.tr("Population (0 = from the boundary)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                minValue=0,
                defaultValue=0,
            ),
            self.tr("Registered population, for green area per person (m²/person)."),
        )
        add(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                self.tr("Report language"),
                options=["ไทย", "English"],
                defaultValue=0,
            ),
            self.tr("Language of the report; independent of the QGIS interface language."),
        )
        add(
            QgsProcessingParameterEnum(
                self.DENSITY_UNIT,
                self.tr("Map density unit"),
                options=[self.tr("tC per ha"), self.tr("tCO2e per rai")],
                defaultValue=0,
            ),
            self.tr("Unit of the carbon density map and its legend."),
        )
        add(
            QgsProcessingParameterNumber(
                self.PRICE_THB_PER_TCO2E,
                self.tr("Carbon price (THB per tCO2e, 0 = no valuation)"),
                type=QgsProcessingParameterNumber.Type.Double,
                minValue=0.0,
                defaultValue=0.0,
            ),
            self.tr("Price used for the indicative value of the stock and of sequestration."),
        )
        add(
            QgsProcessingParameterNumber(
                self.DISCOUNT_RATE,
                self.tr("Discount rate r (% per year)"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=7.0,
            ),
            self.tr(
                "Market discount rate of the InVEST valuation formula (InVEST's example is 7 %; "
                "use the rate your agency requires)."
            ),
        )
        add(
            QgsProcessingParameterNumber(
                self.PRICE_CHANGE_RATE,
                self.tr("Annual rate of change c (% per year)"),
                type=QgsProcessingParameterNumber.Type.Double,
                defaultValue=0.0,
            ),
            self.tr(
                "InVEST's c: V = Σ p·ΔC / ((1+r/100)^t (1+c/100)^t). A positive c lowers the value "
                "of carbon sequestered later; use a negative c for a price expected to rise."
            ),
        )
        add(
            QgsProcessingParameterNumber(
                self.HORIZON_YEARS,
                self.tr("Valuation horizon (years)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                minValue=0,
                defaultValue=20,
            ),
            self.tr("Number of years T of annual sequestration valued (t = 0 … T−1)."),
        )
        add(
            QgsProcessingParameterFile(
                self.TEMPLATE,
                self.tr("Cover layout template (.qpt)"),
                optional=True,
                fileFilter="QGIS layout template (*.qpt)",
            ),
            self.tr(
                "Empty: the shipped carbon_report_a4.qpt. Customise it in the QGIS layout "
                "designer (logo, header, colours); its labels use the @cp_* layout variables."
            ),
        )
        add(
            QgsProcessingParameterFile(
                self.LOGO,
                self.tr("Logo image"),
                optional=True,
                fileFilter="Images (*.png *.jpg *.jpeg *.svg)",
            ),
            self.tr("Optional municipal logo for the cover and the page headers."),
        )
        add(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF, self.tr("Report (PDF)"), fileFilter="PDF (*.pdf)"
            ),
            self.tr("The PDF report; written completely or not at all."),
        )
        add(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML,
                self.tr("Report (HTML)"),
                fileFilter="HTML (*.html)",
                optional=True,
            ),
            self.tr("Optional single-file HTML with the same content (images embedded)."),
        )
        self.addOutput(QgsProcessingOutputNumber(self.TOTAL_TCO2E, self.tr("Total stock (tCO2e)")))
        self.addOutput(
            QgsProcessingOutputNumber(self.GREEN_SHARE_PCT, self.tr("Green share of the area (%)"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Number of PDF pages")))
        self.addOutput(QgsProcessingOutputString(self.COVER_SOURCE, self.tr("Cover source")))

    # ------------------------------------------------------------------------------------------
    def _frame(self, parameters, key, context, feedback, required=False):
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, key))
            return None
        frame, _ = qgis_io.read_frame(source, feedback=None, context=context)
        return frame

    def _layer(self, parameters, key, context):
        value = parameters.get(key)
        if value in (None, ""):
            return None
        return self.parameterAsVectorLayer(parameters, key, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.report_model import (
            MUNI_TYPE_KEYS,
            ReportInputs,
            build_report_data,
            find_column,
        )

        lang = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        muni_type = MUNI_TYPE_KEYS[
            self.parameterAsEnum(parameters, self.MUNICIPALITY_TYPE, context)
        ]
        density_unit = DENSITY_UNITS[self.parameterAsEnum(parameters, self.DENSITY_UNIT, context)]
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        template = self.parameterAsFile(parameters, self.TEMPLATE, context)
        logo = self.parameterAsFile(parameters, self.LOGO, context)
        if template and not os.path.isfile(template):
            raise QgsProcessingException(
                self.tr("Layout template not found: {path}").format(path=template)
            )
        if logo and not os.path.isfile(logo):
            raise QgsProcessingException(self.tr("Logo not found: {path}").format(path=logo))

        # --- read inputs ----------------------------------------------------------------------
        carbon_layer = self._layer(parameters, self.CARBON_MAP, context)
        if carbon_layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CARBON_MAP))
        polygons, _ = qgis_io.read_frame(carbon_layer, context=context)
        strata = self._frame(parameters, self.STRATA_TABLE, context, feedback, required=True)
        trees = self._frame(parameters, self.TREES, context, feedback)
        change = self._frame(parameters, self.CHANGE_TABLE, context, feedback)
        budget = self._frame(parameters, self.UNCERTAINTY, context, feedback)
        class_areas = self._frame(parameters, self.CLASS_AREAS, context, feedback)
        accuracy = self._frame(parameters, self.ACCURACY, context, feedback)
        seq_layer = self._layer(parameters, self.SEQUESTRATION, context)
        boundary = self._layer(parameters, self.BOUNDARY, context)
        feedback.setProgress(10)
        if feedback.isCanceled():
            return {}

        for column in ("total_tco2e", "stratum"):
            if find_column(strata, column) is None:
                feedback.reportError(
                    self.tr("The strata table has no “{field}” field (fields: {fields}).").format(
                        field=column, fields=", ".join(map(str, strata.columns))
                    ),
                    fatalError=False,
                )

        name = self.parameterAsString(parameters, self.MUNICIPALITY_NAME, context).strip()
        code = self.parameterAsString(parameters, self.MUNICIPALITY_CODE, context).strip()
        population = self.parameterAsInt(parameters, self.POPULATION, context) or None
        boundary_ha = None
        if boundary is not None:
            boundary_ha, attrs = self._boundary(boundary, context)
            if not name:
                order = ("name_th", "name_en") if lang == "th" else ("name_en", "name_th")
                name = next((str(attrs[k]) for k in order if attrs.get(k)), "")
            if not code and attrs.get("muni_code"):
                code = str(attrs["muni_code"])
            if population is None and attrs.get("population"):
                try:
                    population = int(attrs["population"])
                except (TypeError, ValueError):
                    population = None
        else:
            feedback.reportError(
                self.tr("No municipal boundary: the green share and target are left out."),
                fatalError=False,
            )

        citations, methods, pack_version = self._science_metadata(trees)
        inputs = ReportInputs(
            lang=lang,
            municipality_name=name,
            municipality_type=muni_type,
            municipality_code=code,
            population=population,
            boundary_area_ha=boundary_ha,
            polygons=polygons,
            strata=strata,
            trees=trees,
            change=change,
            budget=budget,
            class_areas=class_areas,
            accuracy=accuracy,
            price_thb_per_tco2e=self.parameterAsDouble(
                parameters, self.PRICE_THB_PER_TCO2E, context
            ),
            discount_rate_pct=self.parameterAsDouble(parameters, self.DISCOUNT_RATE, context),
            price_change_pct=self.parameterAsDouble(parameters, self.PRICE_CHANGE_RATE, context),
            horizon_years=self.parameterAsInt(parameters, self.HORIZON_YEARS, context),
            density_unit=density_unit,
            generated=_dt.date.today(),
            plugin_version=plugin_version(),
            crs=carbon_layer.crs().authid(),
            equation_citations=citations,
            method_descriptions=methods,
            equation_pack_version=pack_version,
            parameters={
                "language": lang,
                "municipality_type": muni_type,
                "density_unit": density_unit,
            },
        )
        try:
            data = build_report_data(inputs)
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        for section in data.missing:
            feedback.pushInfo(self.tr("Section left out (no input): {name}").format(name=section))
        feedback.setProgress(20)

        work = tempfile.mkdtemp(prefix="carbonpool_report_")
        try:
            result = self._render(
                data,
                work,
                carbon_layer,
                seq_layer,
                boundary,
                template,
                logo,
                pdf_path,
                html_path,
                feedback,
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if not result:
            return {}
        pages, cover = result
        outputs = {
            self.OUTPUT_PDF: pdf_path,
            self.TOTAL_TCO2E: data.totals.get("total_tco2e"),
            self.GREEN_SHARE_PCT: data.totals.get("green_share_pct"),
            self.PAGES: pages,
            self.COVER_SOURCE: cover,
        }
        if html_path:
            outputs[self.OUTPUT_HTML] = html_path
        return outputs

    def _boundary(self, layer, context):
        # planimetric in a projected CRS (as stratifiedestimate and the sample README measure it),
        # ellipsoidal for geographic coordinates
        area = QgsDistanceArea()
        area.setSourceCrs(layer.crs(), context.transformContext())
        if layer.crs().isGeographic():
            area.setEllipsoid(layer.crs().ellipsoidAcronym() or "EPSG:7030")
        total_m2 = 0.0
        attrs = {}
        for feature in qgis_io.iter_features(layer, None, context):
            total_m2 += area.measureArea(feature.geometry())
            if not attrs:
                attrs = {
                    f.name(): (None if feature[f.name()] is None else feature[f.name()])
                    for f in layer.fields()
                }
        attrs = {k: v for k, v in attrs.items() if v is not None and str(v) != "NULL"}
        return (total_m2 / 10000.0 if total_m2 > 0 else None), attrs

    def _science_metadata(self, trees):
        """Citations of the equations and descriptions of the method packs used by the trees."""
        citations, methods, pack_version = {}, {}, ""
        try:
            from ..core.equations import EquationLibrary

            library = EquationLibrary.load()
            pack_version = library.pack_version
        except (ValueError, OSError) as err:  # the report still works without citations
            library = None
            pack_version = str(err)
        if trees is not None and library is not None and "equation_id" in trees.columns:
            for eq_id in set(trees["equation_id"].dropna().astype(str)):
                if eq_id in library:
                    eq = library.get(eq_id)
                    citations[eq_id] = (eq.name, eq.citation)
        if trees is not None and "method" in trees.columns:
            from ..core.methods import MethodPack

            for mid in set(trees["method"].dropna().astype(str)):
                try:
                    pack = MethodPack.load(mid)
                    methods[mid] = "{} {} — {}".format(pack.id, pack.version, pack.name)
                except (ValueError, OSError, KeyError):
                    methods[mid] = mid
        return citations, methods, pack_version

    def _render(
        self,
        data,
        work,
        carbon_layer,
        seq_layer,
        boundary,
        template,
        logo,
        pdf_path,
        html_path,
        feedback,
    ):
        from ..core.report_html import build_html
        from ..report_charts import make_report_charts
        from ..report_layout import (
            BRBG,
            YLGN,
            ReportLayoutBuilder,
            export_pdf,
            graduated_renderer,
            outline_style,
            render_region_png,
        )

        charts = make_report_charts(data, work)
        feedback.setProgress(35)
        if feedback.isCanceled():
            return None

        project = QgsProject()  # private, never QgsProject.instance()
        crs = carbon_layer.crs() if carbon_layer.crs().isValid() else QgsCoordinateReferenceSystem()
        project.setCrs(crs)
        carbon = carbon_layer.materialize(QgsFeatureRequest())
        carbon.setName(data.density_label)
        field = data.density_field
        if carbon.fields().indexOf(field) < 0:
            field = "density_tc_ha" if carbon.fields().indexOf("density_tc_ha") >= 0 else ""
        if field:
            graduated_renderer(carbon, field, YLGN, precision=1 if "tc_ha" in field else 2)
        else:
            feedback.reportError(
                self.tr("The carbon map has no density field; the map is drawn unclassified."),
                fatalError=False,
            )
        project.addMapLayer(carbon, False)
        map_layers = [carbon]
        extent = QgsRectangle(carbon.extent())
        if boundary is not None:
            bnd = boundary.materialize(
                QgsFeatureRequest().setDestinationCrs(crs, project.transformContext())
            )
            bnd.setName(data.t("layer_boundary"))
            outline_style(bnd)
            project.addMapLayer(bnd, False)
            map_layers = [bnd, carbon]
            extent = QgsRectangle(bnd.extent())

        builder = ReportLayoutBuilder(project, data)
        builder.set_variables(logo or "")
        template_path = template or str(resource_path(*DEFAULT_TEMPLATE))
        if builder.cover_from_template(template_path):
            cover = "template:" + os.path.basename(template_path)
        else:
            if template:
                raise QgsProcessingException(
                    self.tr("Could not load the layout template {path}").format(path=template)
                )
            feedback.reportError(
                self.tr("Shipped template not found; using the built-in cover."), fatalError=False
            )
            builder.cover_default()
            cover = "built-in"
        credits = data.t(
            "credits",
            muni=data.municipality_name or "-",
            version=data.prepared_with.split()[-1],
            crs=crs.authid(),
            date=data.date_text,
        )
        map_page = builder.map_page(data.t("sec_map"), map_layers, extent, crs, credits)
        seq_page = None
        if seq_layer is not None:
            seq = seq_layer.materialize(QgsFeatureRequest())
            seq_field = next((f for f in _SEQ_FIELDS if seq.fields().indexOf(f) >= 0), None)
            if seq_field:
                graduated_renderer(seq, seq_field, BRBG, classes=6, symmetric=True, precision=2)
                seq.setName(data.t("layer_seq") if seq_field == _SEQ_FIELDS[0] else seq_field)
                project.addMapLayer(seq, False)
                layers = [map_layers[0], seq] if boundary is not None else [seq]
                seq_page = builder.map_page(data.t("sec_seq_map"), layers, extent, crs, credits)
            else:
                feedback.reportError(
                    self.tr("The sequestration map has none of the fields {fields}.").format(
                        fields=", ".join(_SEQ_FIELDS)
                    ),
                    fatalError=False,
                )
        builder.summary_page()
        builder.tables_page()
        builder.charts_page(charts)
        builder.methods_page(credits)
        feedback.setProgress(60)
        if feedback.isCanceled():
            return None

        layout = builder.layout
        pages = layout.pageCollection().pageCount()
        tmp_pdf = os.path.join(work, "report.pdf")
        try:
            export_pdf(layout, tmp_pdf)
        except OSError as err:
            raise QgsProcessingException(str(err)) from err
        feedback.setProgress(80)
        tmp_html = None
        if html_path:
            map_png = os.path.join(work, "map.png")
            render_region_png(layout, map_page, builder.map_regions[0], map_png)
            seq_png = None
            if seq_page is not None:
                seq_png = os.path.join(work, "seq_map.png")
                render_region_png(layout, seq_page, builder.map_regions[1], seq_png)
            logo_png = None
            if logo and logo.lower().endswith(".png"):
                logo_png = logo
            html = build_html(data, charts, map_png, seq_png, logo_png, credits)
            tmp_html = os.path.join(work, "report.html")
            with open(tmp_html, "w", encoding="utf-8") as handle:
                handle.write(html)
        if feedback.isCanceled():
            return None
        # written completely or not at all: move the finished files into place
        _move_into_place(tmp_pdf, pdf_path)
        if tmp_html:
            _move_into_place(tmp_html, html_path)
        feedback.pushInfo(
            self.tr("Report written: {pdf} ({pages} pages, cover: {cover})").format(
                pdf=pdf_path, pages=pages, cover=cover
            )
        )
        feedback.setProgress(100)
        return pages, cover


def _move_into_place(tmp: str, final: str) -> None:
    folder = os.path.dirname(os.path.abspath(final))
    os.makedirs(folder, exist_ok=True)
    fd, staging = tempfile.mkstemp(
        prefix=".carbonpool_", suffix=os.path.splitext(final)[1], dir=folder
    )
    os.close(fd)
    try:
        shutil.copyfile(tmp, staging)
        qgis_io.default_file_mode(staging)
        os.replace(staging, final)
    except OSError:
        if os.path.exists(staging):
            os.unlink(staging)
        raise
