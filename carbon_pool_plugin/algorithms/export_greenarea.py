"""carbonpool:exportgreenarea — package for DCCE's GreenArea platform (proposed format).

Writes a GeoPackage of green-space polygons with carbon (the stratified estimate's carbon-stock map)
and a JSON summary validated against ``data/schema/greenarea_export.schema.json``. No network calls.
Both files are written into a staging folder next to the output folder and moved in only when both
are complete, so a failed or cancelled run leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorFileWriter,
)
from qgis.PyQt.QtCore import QVariant

from .. import qgis_io
from ..core.names import safe_file_name
from ..paths import plugin_version
from .base import CarbonPoolAlgorithm
from .plots_common import AreaMeasurer

LAYER_NAME = "green_space_carbon"
_ALL_NAMES = ("all", "total", "รวม", "ทั้งหมด")


def _first_field(fields, candidates):
    names = {n.lower(): n for n in fields.names()}
    for cand in candidates:
        if cand.lower() in names:
            return names[cand.lower()]
    return None


def _value(value):
    """QGIS attribute -> Python (NULL -> None)."""
    if value is None or isinstance(value, QVariant):
        return None
    return value


def _float(value):
    value = _value(value)
    try:
        return None if value is None or value == "" else float(value)
    except (TypeError, ValueError):
        return None


class ExportGreenAreaAlgorithm(CarbonPoolAlgorithm):
    INPUT = "INPUT"
    CO2E_FIELD = "CO2E_FIELD"
    STRATA = "STRATA"
    TOTAL_TC = "TOTAL_TC"
    TOTAL_TCO2E = "TOTAL_TCO2E"
    TOTAL_TCO2E_CI95_LOW = "TOTAL_TCO2E_CI95_LOW"
    TOTAL_TCO2E_CI95_HIGH = "TOTAL_TCO2E_CI95_HIGH"
    U90_PCT = "U90_PCT"
    ANNUAL_TCO2E_YR = "ANNUAL_TCO2E_YR"
    ANNUAL_TCO2E_YR_CI95_LOW = "ANNUAL_TCO2E_YR_CI95_LOW"
    ANNUAL_TCO2E_YR_CI95_HIGH = "ANNUAL_TCO2E_YR_CI95_HIGH"
    BOUNDARY = "BOUNDARY"
    MUNI_CODE = "MUNI_CODE"
    MUNI_NAME = "MUNI_NAME"
    MUNI_TYPE = "MUNI_TYPE"
    POPULATION = "POPULATION"
    YEAR = "YEAR"
    METHOD_VERSION = "METHOD_VERSION"
    EQUATION_PACK_VERSION = "EQUATION_PACK_VERSION"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_GPKG = "OUTPUT_GPKG"
    OUTPUT_JSON = "OUTPUT_JSON"
    GREEN_AREA_RAI = "GREEN_AREA_RAI"
    GREEN_SHARE_PCT = "GREEN_SHARE_PCT"
    M2_PER_PERSON = "M2_PER_PERSON"

    GROUP_ID = "reporting"

    def name(self) -> str:
        return "exportgreenarea"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Export for GreenArea (DCCE)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Packages the carbon-stock map for DCCE's Green Digital Platform (GreenArea): a "
            "GeoPackage of the green-space polygons with their carbon, plus a JSON summary "
            "(municipality code and type, year in B.E. and C.E., green area in rai and as a share "
            "of the municipality, m² per person, carbon stock and annual sequestration in tCO2e "
            "with 95 % intervals, method and equation pack versions, plugin version, timestamp).\n\n"
            "GreenArea publishes no exchange format or API, so this is a PROPOSED format; the JSON "
            "is validated against the schema shipped with the plugin "
            "(data/schema/greenarea_export.schema.json, documented in docs/greenarea_export.md). "
            "Nothing is uploaded: the algorithm makes no network connection. Both files appear "
            "only when both are complete."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterFeatureSource(
            self.INPUT,
            self.tr("Carbon-stock map (green-space polygons)"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
        )
        p.setHelp(
            self.tr(
                "The polygon output of the stratified estimate: one feature per green-space "
                "polygon with area_ha, co2e_t and its interval. Copied unchanged into the "
                "GeoPackage, with muni_code and year_be added."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.CO2E_FIELD,
            self.tr("Polygon CO2e field (t)"),
            defaultValue="co2e_t",
            parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        p.setHelp(
            self.tr(
                "Used only when no totals are given: the carbon stock is then the sum of "
                "this field, without an interval."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.STRATA,
            self.tr("Stratum table of the estimate"),
            [QgsProcessing.SourceType.TypeVector],
            optional=True,
        )
        p.setHelp(
            self.tr(
                "Optional: the stratified estimate's stratum table; its row stratum = ALL gives "
                "the total and its 95 % interval when the numbers below are empty."
            )
        )
        self.addParameter(p)

        def number(key, label, help_text, integer=False, default=None, minimum=None):
            kind = (
                QgsProcessingParameterNumber.Type.Integer
                if integer
                else QgsProcessingParameterNumber.Type.Double
            )
            param = QgsProcessingParameterNumber(
                key, label, type=kind, defaultValue=default, optional=default is None
            )
            if minimum is not None:
                param.setMinimum(minimum)
            param.setHelp(help_text)
            self.addParameter(param)

        number(
            self.TOTAL_TCO2E,
            self.tr("Carbon stock (tCO2e)"),
            self.tr("Municipal total from the stratified estimate (its TOTAL_TCO2E output)."),
        )
        number(
            self.TOTAL_TCO2E_CI95_LOW,
            self.tr("Carbon stock, 95 % interval low (tCO2e)"),
            self.tr("Lower bound of the 95 % confidence interval of the total."),
        )
        number(
            self.TOTAL_TCO2E_CI95_HIGH,
            self.tr("Carbon stock, 95 % interval high (tCO2e)"),
            self.tr("Upper bound of the 95 % confidence interval of the total."),
        )
        number(
            self.TOTAL_TC,
            self.tr("Carbon stock (tC)"),
            self.tr("Optional total in tonnes of carbon; otherwise tCO2e × 12/44."),
        )
        number(
            self.U90_PCT,
            self.tr("Uncertainty U90 (%)"),
            self.tr("Optional half-width of the 90 % interval relative to the mean (T-VER)."),
        )
        number(
            self.ANNUAL_TCO2E_YR,
            self.tr("Annual sequestration (tCO2e/yr)"),
            self.tr("Optional, from the stock-change algorithm; leave empty if not computed."),
        )
        number(
            self.ANNUAL_TCO2E_YR_CI95_LOW,
            self.tr("Annual sequestration, 95 % interval low"),
            self.tr("Lower bound of the 95 % interval of the annual sequestration."),
        )
        number(
            self.ANNUAL_TCO2E_YR_CI95_HIGH,
            self.tr("Annual sequestration, 95 % interval high"),
            self.tr("Upper bound of the 95 % interval of the annual sequestration."),
        )
        p = QgsProcessingParameterFeatureSource(
            self.BOUNDARY,
            self.tr("Municipality boundary"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        p.setHelp(
            self.tr(
                "Optional: its area gives the green share (%). Fields muni_code, name_th and "
                "population are used when the parameters below are empty."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.MUNI_CODE, self.tr("Municipality code"), optional=True
        )
        p.setHelp(self.tr("Code of the local government (e.g. the DLA code)."))
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.MUNI_NAME, self.tr("Municipality name"), optional=True
        )
        p.setHelp(self.tr("Name shown in the summary."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.MUNI_TYPE,
            self.tr("Municipality type"),
            options=[
                self.tr("City municipality (เทศบาลนคร)"),
                self.tr("Town municipality (เทศบาลเมือง)"),
                self.tr("Subdistrict municipality (เทศบาลตำบล)"),
                self.tr("Subdistrict administrative organisation (อบต.)"),
                self.tr("Special local administration (BMA, Pattaya)"),
            ],
            defaultValue=1,
        )
        p.setHelp(
            self.tr(
                "Sets the minimum green share of Criterion 1: 15 % (city, special), 20 % "
                "(town), 25 % (subdistrict municipality, SAO)."
            )
        )
        self.addParameter(p)
        number(
            self.POPULATION,
            self.tr("Population"),
            self.tr("Registered population, for m² of green space per person (0 = unknown)."),
            integer=True,
            default=0,
            minimum=0,
        )
        number(
            self.YEAR,
            self.tr("Inventory year (B.E. or C.E.)"),
            self.tr("Year of the inventory; values ≥ 2400 are Buddhist Era (พ.ศ.)."),
            integer=True,
            default=datetime.now().year + 543,
            minimum=1857,
        )
        p = QgsProcessingParameterString(
            self.METHOD_VERSION, self.tr("Method pack and version"), optional=True
        )
        p.setHelp(self.tr("From the tree biomass METHOD_VERSION output, e.g. “tver 1.0.0”."))
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.EQUATION_PACK_VERSION, self.tr("Equation pack version"), optional=True
        )
        p.setHelp(self.tr("From the tree biomass EQUATION_PACK_VERSION output."))
        self.addParameter(p)
        p = QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder"))
        p.setHelp(
            self.tr(
                "Receives greenarea_<code>_<year>.gpkg and greenarea_<code>_<year>.json; "
                "existing files of the same name are replaced."
            )
        )
        self.addParameter(p)
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_GPKG, self.tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile(self.OUTPUT_JSON, self.tr("JSON summary")))
        for key, label in (
            (self.GREEN_AREA_RAI, self.tr("Green area (rai)")),
            (self.GREEN_SHARE_PCT, self.tr("Green share (%)")),
            (self.M2_PER_PERSON, self.tr("Green area per person (m²)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # -- helpers ---------------------------------------------------------------------------------
    def _optional_number(self, parameters, key, context):
        value = parameters.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.parameterAsDouble(parameters, key, context)

    def _strata_total(self, source):
        """Total and interval from the stratum table's ALL row (or None)."""
        fields = source.fields()
        stratum = _first_field(fields, ("stratum", "stratum_id", "class_code", "ชั้นภูมิ"))
        if stratum is None:
            return None
        keys = {
            "tco2e": ("co2e_t", "total_co2e_t", "tco2e", "total_tco2e"),
            "low": ("co2e_t_ci95_low", "total_tco2e_ci95_low", "tco2e_ci95_low"),
            "high": ("co2e_t_ci95_high", "total_tco2e_ci95_high", "tco2e_ci95_high"),
            "tc": ("carbon_t", "total_tc", "tc"),
            "u90": ("u90_pct", "u_pct", "u90"),
        }
        names = {k: _first_field(fields, v) for k, v in keys.items()}
        if names["tco2e"] is None:
            return None
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in qgis_io.iter_features(source, request):
            label = _value(feature[stratum])
            if label is not None and str(label).strip().lower() in _ALL_NAMES:
                return {k: (_float(feature[n]) if n else None) for k, n in names.items()}
        return None

    # -- run -------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.greenarea import (
            MUNI_TYPE_KEYS,
            build_summary,
            load_schema,
            validate_summary,
            year_be_ce,
        )
        from ..core.units import C_TO_CO2, HA_M2

        source = self._required_source(parameters, self.INPUT, context)
        out_dir = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        muni_type = MUNI_TYPE_KEYS[self.parameterAsEnum(parameters, self.MUNI_TYPE, context)]
        year_be, _year_ce = year_be_ce(self.parameterAsInt(parameters, self.YEAR, context))
        muni_code = (self.parameterAsString(parameters, self.MUNI_CODE, context) or "").strip()
        muni_name = (self.parameterAsString(parameters, self.MUNI_NAME, context) or "").strip()
        population = self.parameterAsInt(parameters, self.POPULATION, context) or None

        # Areas as everywhere in the plugin (plots_common.AreaMeasurer): planar in a projected
        # CRS, ellipsoidal in a geographic one, so the green share matches stratifiedestimate's
        # and the report's.
        green_area = AreaMeasurer(source.sourceCrs(), context)

        def area_m2(geometry, measurer=green_area):
            return measurer.area_m2(geometry)

        # Boundary: area, and code/name/population when not given.
        muni_area = None
        boundary = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if boundary is not None:
            b_dist = AreaMeasurer(boundary.sourceCrs(), context)
            muni_area = 0.0
            b_fields = boundary.fields()
            for feature in qgis_io.iter_features(boundary, None, context, feedback):
                if feature.hasGeometry():
                    muni_area += area_m2(feature.geometry(), b_dist)
                attr = {n.lower(): _value(feature[n]) for n in b_fields.names()}
                if not muni_code and attr.get("muni_code"):
                    muni_code = str(attr["muni_code"])
                if not muni_name and (attr.get("name_th") or attr.get("name")):
                    muni_name = str(attr.get("name_th") or attr.get("name"))
                if not population and attr.get("population"):
                    try:
                        population = int(attr["population"])
                    except (TypeError, ValueError):
                        pass
            if muni_area <= 0:
                muni_area = None
        if not muni_code:
            raise QgsProcessingException(
                self.tr(
                    "No municipality code: give Municipality code or a boundary layer with "
                    "a muni_code field."
                )
            )

        # Green polygons: copy to the GeoPackage, measure the area.
        fields = source.fields()
        area_field = _first_field(fields, ("area_ha",))
        co2e_field = self.parameterAsString(parameters, self.CO2E_FIELD, context) or None
        if co2e_field and fields.indexOf(co2e_field) < 0:
            co2e_field = None
        keep = [f for f in fields if f.name().lower() != "fid"]
        out_fields = QgsFields()
        for field in keep:
            out_fields.append(QgsField(field))
        extra = []
        for name, kind in (("muni_code", QVariant.String), ("year_be", QVariant.Int)):
            if out_fields.indexOf(name) < 0:
                out_fields.append(QgsField(name, kind))
                extra.append(name)

        stem = "greenarea_{}_{}".format(safe_file_name(muni_code), year_be)  # Thai codes kept
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".{}-".format(stem), dir=str(out_dir.parent)))
        try:
            gpkg_tmp = staging / (stem + ".gpkg")
            options = QgsVectorFileWriter.SaveVectorOptions()
            options.driverName = "GPKG"
            options.layerName = LAYER_NAME
            options.fileEncoding = "UTF-8"
            writer = QgsVectorFileWriter.create(
                str(gpkg_tmp),
                out_fields,
                source.wkbType(),
                source.sourceCrs(),
                context.transformContext(),
                options,
            )
            if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
                raise QgsProcessingException(
                    self.tr("Could not create the GeoPackage: {err}").format(
                        err=writer.errorMessage()
                    )
                )
            total = max(source.featureCount(), 1)
            green_m2 = 0.0
            co2e_sum = 0.0
            polygons = 0
            try:
                for i, feature in enumerate(qgis_io.iter_features(source, None, context, feedback)):
                    if feedback.isCanceled():
                        del writer
                        return {}
                    attrs = [feature[f.name()] for f in keep]
                    attrs.extend(muni_code if n == "muni_code" else year_be for n in extra)
                    out = QgsFeature(out_fields)
                    out.setGeometry(feature.geometry())
                    out.setAttributes(attrs)
                    writer.addFeature(out)
                    polygons += 1
                    area_ha = _float(feature[area_field]) if area_field else None
                    green_m2 += (
                        area_ha * HA_M2 if area_ha is not None else area_m2(feature.geometry())
                    )
                    if co2e_field:
                        co2e_sum += _float(feature[co2e_field]) or 0.0
                    if i % 500 == 0:
                        feedback.setProgress(70.0 * i / total)
            except BaseException:
                del writer  # closed, so the staging folder can be removed
                raise
            del writer

            # Totals: numbers > stratum table ALL row > polygon sum.
            tco2e = self._optional_number(parameters, self.TOTAL_TCO2E, context)
            low = self._optional_number(parameters, self.TOTAL_TCO2E_CI95_LOW, context)
            high = self._optional_number(parameters, self.TOTAL_TCO2E_CI95_HIGH, context)
            tc = self._optional_number(parameters, self.TOTAL_TC, context)
            u90 = self._optional_number(parameters, self.U90_PCT, context)
            carbon_source = "estimate"
            if tco2e is None:
                strata = self.parameterAsSource(parameters, self.STRATA, context)
                row = self._strata_total(strata) if strata is not None else None
                if row is not None and row["tco2e"] is not None:
                    tco2e, low, high = row["tco2e"], row["low"], row["high"]
                    tc = tc if tc is not None else row["tc"]
                    u90 = u90 if u90 is not None else row["u90"]
                    carbon_source = "strata_table"
                elif co2e_field:
                    tco2e, low, high = co2e_sum, None, None
                    carbon_source = "polygon_sum"
                    feedback.reportError(
                        self.tr(
                            "No totals given: the carbon stock is the sum of {field} over the "
                            "polygons and has no interval."
                        ).format(field=co2e_field),
                        fatalError=False,
                    )
                else:
                    raise QgsProcessingException(
                        self.tr(
                            "No carbon stock: give the totals of the stratified estimate, its "
                            "stratum table, or a polygon CO2e field."
                        )
                    )
            if tc is None:
                tc = tco2e / C_TO_CO2
            seq = None
            annual = self._optional_number(parameters, self.ANNUAL_TCO2E_YR, context)
            if annual is not None:
                seq = {
                    "tco2e_per_year": annual,
                    "ci95_low": self._optional_number(
                        parameters, self.ANNUAL_TCO2E_YR_CI95_LOW, context
                    ),
                    "ci95_high": self._optional_number(
                        parameters, self.ANNUAL_TCO2E_YR_CI95_HIGH, context
                    ),
                }
            crs = source.sourceCrs()
            summary = build_summary(
                muni_code=muni_code,
                muni_type=muni_type,
                year=year_be,
                green_area_m2=green_m2,
                polygons=polygons,
                carbon_tco2e=tco2e,
                carbon_source=carbon_source,
                geopackage=stem + ".gpkg",
                layer=LAYER_NAME,
                plugin_version=plugin_version(),
                muni_name=muni_name or None,
                population=population,
                muni_area_m2=muni_area,
                carbon_tc=tc,
                carbon_ci95=(low, high),
                u90_pct=u90,
                sequestration=seq,
                method_pack=self.parameterAsString(parameters, self.METHOD_VERSION, context),
                equation_pack_version=self.parameterAsString(
                    parameters, self.EQUATION_PACK_VERSION, context
                ),
                qgis_version=Qgis.QGIS_VERSION,
                crs=crs.authid() if crs.isValid() else None,
            )
            errors, validator = validate_summary(summary, load_schema())
            if errors:
                raise QgsProcessingException(
                    self.tr("The summary does not validate against its schema: {errors}").format(
                        errors="; ".join(errors[:10])
                    )
                )
            feedback.pushInfo(
                self.tr("Summary validated against the schema ({validator}).").format(
                    validator=validator
                )
            )
            json_tmp = staging / (stem + ".json")
            with open(json_tmp, "w", encoding="utf-8") as handle:
                json.dump(summary, handle, ensure_ascii=False, indent=2)
                handle.write("\n")
            if feedback.isCanceled():
                return {}
            final_gpkg = out_dir / gpkg_tmp.name
            final_json = out_dir / json_tmp.name
            os.replace(str(gpkg_tmp), str(final_gpkg))
            os.replace(str(json_tmp), str(final_json))
        finally:
            shutil.rmtree(str(staging), ignore_errors=True)
        feedback.setProgress(100)
        green = summary["green_area"]
        feedback.pushInfo(
            self.tr(
                "GreenArea package: {rai:.1f} rai of green space ({pct}), {co2:.1f} tCO2e → {path}"
            ).format(
                rai=green["area_rai"],
                pct="–" if green["share_pct"] is None else "{:.1f} %".format(green["share_pct"]),
                co2=summary["carbon_stock"]["tco2e"],
                path=str(out_dir),
            )
        )
        return {
            self.OUTPUT_FOLDER: str(out_dir),
            self.OUTPUT_GPKG: str(final_gpkg),
            self.OUTPUT_JSON: str(final_json),
            self.GREEN_AREA_RAI: green["area_rai"],
            self.GREEN_SHARE_PCT: green["share_pct"],
            self.M2_PER_PERSON: green["m2_per_person"],
        }
