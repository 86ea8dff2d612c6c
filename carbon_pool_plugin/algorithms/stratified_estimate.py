"""carbonpool:stratifiedestimate — AR-TOOL14 stratified estimate, carbon-stock map, baseline record."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFields,
    QgsMapLayer,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import qgis_io
from ..i18n import localize
from .base import CarbonPoolAlgorithm
from .plots_common import (
    STRATUM_FIELD_CANDIDATES,
    AreaMeasurer,
    add_small_strata_parameters,
    add_strata_parameters,
    assign_by_location,
    detect_field,
    to_iso_date,
)
from .styling import attach_style

VALUE_KINDS = ["carbon", "biomass", "other"]
SMALL_STRATA = ["merge", "exclude", "error"]
POLYGON_MODES = ["stratum", "plots"]


def read_strata(alg, source, stratum_field, context, feedback, field_names=None):
    """Green-space polygons: (frame, geometries, stratum list, area_ha array, note).

    The frame holds every field, or only ``field_names`` when given; ``frame.attrs["fids"]`` the
    feature ids.
    """
    raw, geoms = qgis_io.read_frame(
        source, field_names=field_names, with_geometry=True, feedback=feedback, context=context
    )
    measurer = AreaMeasurer(source.sourceCrs(), context)
    area_ha = np.array(measurer.areas_m2(geoms), dtype=float) / 10000.0
    strata = [None if v is None or str(v).strip() == "" else str(v) for v in raw[stratum_field]]
    return raw, geoms, strata, area_ha, measurer.describe(alg.tr)


def stratum_areas(strata, area_ha) -> dict:
    areas: dict = {}
    for s, a in zip(strata, area_ha):
        if s is not None:
            areas[s] = areas.get(s, 0.0) + float(a)
    return areas


def parameters_for_record(alg, parameters) -> dict:
    """Parameter values as plain JSON-able values (layers by source, outputs by path)."""
    out = {}
    for key, value in parameters.items():
        if isinstance(value, QgsMapLayer):
            out[key] = value.source()
        elif hasattr(value, "sink"):
            out[key] = value.sink.staticValue()
        elif hasattr(value, "source") and hasattr(value, "selectedFeaturesOnly"):
            out[key] = value.source.staticValue()
        elif isinstance(value, (str, int, float, bool)) or value is None:
            out[key] = value
        else:
            out[key] = str(value)
    if isinstance(out.get("BASELINE_DB"), str):  # never store a password in the record
        from ..baseline_store import redact_conninfo

        out["BASELINE_DB"] = redact_conninfo(out["BASELINE_DB"])
    return out


class StratifiedEstimateAlgorithm(CarbonPoolAlgorithm):
    PLOTS = "PLOTS"
    PLOT_ID_FIELD = "PLOT_ID_FIELD"
    DENSITY_FIELD = "DENSITY_FIELD"
    PLOT_STRATUM_FIELD = "PLOT_STRATUM_FIELD"
    STRATA = "STRATA"
    STRATUM_FIELD = "STRATUM_FIELD"
    VALUE_KIND = "VALUE_KIND"
    CF = "CF"
    SMALL_STRATA = "SMALL_STRATA"
    MERGE_MAP = "MERGE_MAP"
    POLYGON_DENSITY = "POLYGON_DENSITY"
    MIN_PLOTS_IN_POLYGON = "MIN_PLOTS_IN_POLYGON"
    BOUNDARY = "BOUNDARY"
    OUTPUT = "OUTPUT"
    OUTPUT_STRATA = "OUTPUT_STRATA"
    BASELINE_GPKG = "BASELINE_GPKG"
    BASELINE_DB = "BASELINE_DB"
    BASELINE_NAME = "BASELINE_NAME"
    MUNICIPALITY = "MUNICIPALITY"
    YEAR = "YEAR"
    METHOD_LABEL = "METHOD_LABEL"

    TOTAL_TC = "TOTAL_TC"
    TOTAL_TCO2E = "TOTAL_TCO2E"
    TOTAL_TCO2E_CI95_LOW = "TOTAL_TCO2E_CI95_LOW"
    TOTAL_TCO2E_CI95_HIGH = "TOTAL_TCO2E_CI95_HIGH"
    TOTAL_TCO2E_CI90_LOW = "TOTAL_TCO2E_CI90_LOW"
    TOTAL_TCO2E_CI90_HIGH = "TOTAL_TCO2E_CI90_HIGH"
    U90_PCT = "U90_PCT"
    MEAN_TC_HA = "MEAN_TC_HA"
    AREA_HA = "AREA_HA"
    N_PLOTS = "N_PLOTS"
    DEDUCTION_PCT = "DEDUCTION_PCT"
    CONSERVATIVE_TCO2E = "CONSERVATIVE_TCO2E"
    BOUNDARY_AREA_HA = "BOUNDARY_AREA_HA"
    GREEN_SHARE_PCT = "GREEN_SHARE_PCT"
    BASELINE_ID = "BASELINE_ID"

    GROUP_ID = "baseline"

    def name(self) -> str:
        return "stratifiedestimate"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Stratified carbon estimate and carbon-stock map")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Stratified random-sampling estimate of the carbon stock of the green space "
            "(CDM AR-TOOL14 Eq. 12–17): per stratum n, mean, SD, SE, 90 % and 95 % "
            "confidence intervals (Student t, df = n − number of strata), U %, and the "
            "T-VER uncertainty deduction (T-VER-P-TOOL-01-02); whole municipality: weighted "
            "mean, total tC and tCO2e with intervals.\n\n"
            "Strata with 0 or 1 plot are merged (merge map, else the whole-sample estimate), "
            "excluded or rejected — always reported. Areas are ellipsoidal for a geographic "
            "CRS and planar in a projected CRS.\n\n"
            "The carbon-stock map holds every green-space polygon with its area (ha, rai), "
            "density, total tC and tCO2e and a 95 % interval; the density is the stratum mean "
            "or, optionally, the mean of the plots inside the polygon when there are enough "
            "(recorded in density_source).\n\n"
            "Optionally the result is saved as a named baseline in the project GeoPackage "
            "(table carbonpool_baselines, append-only)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterFeatureSource(
            self.PLOTS,
            self.tr("Plots with per-hectare values"),
            [QgsProcessing.SourceType.TypeVector],
        )
        p.setHelp(self.tr("Output of carbonpool:plotcarbon, or any plot layer/table."))
        self.addParameter(p)
        self._field(
            self.PLOT_ID_FIELD,
            self.tr("Plot id field"),
            self.PLOTS,
            self.tr("Empty: detected (plot_id, plot, รหัสแปลง); used in messages only."),
        )
        self._field(
            self.DENSITY_FIELD,
            self.tr("Per-hectare value to estimate"),
            self.PLOTS,
            self.tr(
                "Numeric per-hectare plot value: carbon_t_ha (default), biomass_t_ha, "
                "agb_t_ha, or any other (e.g. volume); set Value kind to match."
            ),
            numeric=True,
            default="carbon_t_ha",
        )
        self._field(
            self.PLOT_STRATUM_FIELD,
            self.tr("Plot stratum field"),
            self.PLOTS,
            self.tr(
                "Stratum of each plot. Empty: the field “stratum” if present, else by "
                "location (plot centroid within the green-space polygons)."
            ),
        )
        add_strata_parameters(
            self,
            self.tr("Every green-space polygon, with its stratum; stratum areas are summed."),
        )
        p = QgsProcessingParameterEnum(
            self.VALUE_KIND,
            self.tr("Value kind"),
            options=[
                self.tr("Carbon (tC/ha)"),
                self.tr("Biomass (t d.m./ha; carbon = biomass × CF)"),
                self.tr("Other (no carbon conversion)"),
            ],
            defaultValue=0,
        )
        p.setHelp(self.tr("CO2e = carbon × 44/12 (AR-TOOL14: C = 44/12 × CF × B)."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.CF,
            self.tr("Carbon fraction CF (biomass only)"),
            type=QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.47,
            minValue=0.0,
            maxValue=1.0,
        )
        p.setHelp(self.tr("T-VER/IPCC 0.47; i-Tree 0.5. Used only when Value kind is Biomass."))
        self.addParameter(p)
        add_small_strata_parameters(
            self,
            self.tr("A stratum needs 2 plots for a variance; the choice is logged."),
            self.tr(
                "small:target pairs, e.g. “street:residential;riparian:park”. Only strata "
                "with fewer than 2 plots are merged."
            ),
        )
        p = QgsProcessingParameterEnum(
            self.POLYGON_DENSITY,
            self.tr("Density of each polygon"),
            options=[
                self.tr("Stratum mean for every polygon"),
                self.tr("Mean of the plots inside the polygon when enough, else stratum mean"),
            ],
            defaultValue=0,
        )
        p.setHelp(
            self.tr(
                "With the stratum mean the polygon totals add up to the stratified total; "
                "the source of each polygon's density is recorded in density_source."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.MIN_PLOTS_IN_POLYGON,
            self.tr("Minimum plots inside a polygon"),
            type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=2,
            minValue=2,
        )
        p.setHelp(self.tr("For the plots-inside option (at least 2 for an interval)."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.BOUNDARY,
            self.tr("Municipality boundary"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        p.setHelp(self.tr("Optional: gives the municipality area and the green-space share."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Carbon-stock map"), QgsProcessing.SourceType.TypeVectorPolygon
        )
        p.setHelp(
            self.tr(
                "Every green-space polygon with its fields plus area_ha, area_rai, "
                "density_tc_ha, density_tco2e_rai, density_source, carbon_t and co2e_t with "
                "95 % intervals, n_plots_in_polygon; styled by density on load."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT_STRATA, self.tr("Stratum table"), QgsProcessing.SourceType.TypeVector
        )
        p.setHelp(
            self.tr(
                "One row per stratum and one row stratum = ALL (row_type total): area, n, "
                "mean, SD, SE, t, 90/95 % CI, U %, totals, deduction and conservative total."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFileDestination(
            self.BASELINE_GPKG,
            self.tr("Save as baseline in project GeoPackage"),
            fileFilter="GeoPackage (*.gpkg)",
            optional=True,
            createByDefault=False,
        )
        p.setHelp(
            self.tr(
                "Optional: appends one record to the table carbonpool_baselines of this "
                "GeoPackage (created if missing). Records are never changed or deleted."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.BASELINE_DB,
            self.tr("Save as baseline in PostgreSQL database"),
            optional=True,
            defaultValue="",
        )
        p.setHelp(
            self.tr(
                "Optional: a PostgreSQL connection, as a libpq string "
                "(dbname=carbon host=db.example.org port=5432 user=officer) or a URI "
                "(postgresql://officer@db.example.org:5432/carbon). Appends one record to the "
                "table carbonpool_baselines of that database (created if missing), so several "
                "municipalities can share one database; records are never changed or deleted. "
                "Prefer a password file (.pgpass) or service over a password in the string. "
                "Needs the Python module psycopg2."
            )
        )
        self.addParameter(p)
        for key, label, help_text in (
            (
                self.BASELINE_NAME,
                self.tr("Baseline name"),
                self.tr("Name of the baseline record (default: municipality + year)."),
            ),
            (
                self.MUNICIPALITY,
                self.tr("Municipality"),
                self.tr("Name or code; empty: read from the boundary (name_th, muni_code)."),
            ),
            (
                self.METHOD_LABEL,
                self.tr("Method pack label"),
                self.tr("Used when the plots carry no method field, e.g. “tver”."),
            ),
        ):
            p = QgsProcessingParameterString(key, label, optional=True, defaultValue="")
            p.setHelp(help_text)
            self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.YEAR,
            self.tr("Inventory year"),
            type=QgsProcessingParameterNumber.Type.Integer,
            optional=True,
        )
        p.setHelp(
            self.tr("Year of the baseline (e.g. 2568 B.E.); empty: from the plot dates (C.E.).")
        )
        self.addParameter(p)
        for key, label in (
            (self.TOTAL_TC, self.tr("Total carbon (tC)")),
            (self.TOTAL_TCO2E, self.tr("Total CO2e (t)")),
            (self.TOTAL_TCO2E_CI95_LOW, self.tr("Total CO2e, 95 % CI low")),
            (self.TOTAL_TCO2E_CI95_HIGH, self.tr("Total CO2e, 95 % CI high")),
            (self.TOTAL_TCO2E_CI90_LOW, self.tr("Total CO2e, 90 % CI low")),
            (self.TOTAL_TCO2E_CI90_HIGH, self.tr("Total CO2e, 90 % CI high")),
            (self.U90_PCT, self.tr("Uncertainty U (90 %, %)")),
            (self.MEAN_TC_HA, self.tr("Weighted mean (tC/ha)")),
            (self.AREA_HA, self.tr("Green-space area (ha)")),
            (self.N_PLOTS, self.tr("Plots used")),
            (self.DEDUCTION_PCT, self.tr("T-VER deduction (% of the 90 % half-width)")),
            (self.CONSERVATIVE_TCO2E, self.tr("Conservative total CO2e (t)")),
            (self.BOUNDARY_AREA_HA, self.tr("Municipality area (ha)")),
            (self.GREEN_SHARE_PCT, self.tr("Green-space share of the municipality (%)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString(self.BASELINE_ID, self.tr("Baseline id")))

    # ------------------------------------------------------------------------------------------
    def _process(self, parameters, context, feedback, outputs):
        from ..core.stock_map import POLYGON_COLUMNS, parse_merge_map

        plots_src = self.parameterAsSource(parameters, self.PLOTS, context)
        if plots_src is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PLOTS))
        strata_src = self.parameterAsSource(parameters, self.STRATA, context)
        if strata_src is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.STRATA))

        density_field = (
            self.parameterAsString(parameters, self.DENSITY_FIELD, context) or "carbon_t_ha"
        )
        if plots_src.fields().indexOf(density_field) < 0:
            raise QgsProcessingException(
                self.tr(
                    "The plots have no field “{f}”; choose the per-hectare value field."
                ).format(f=density_field)
            )
        stratum_field = self.parameterAsString(
            parameters, self.STRATUM_FIELD, context
        ) or detect_field(strata_src.fields().names(), STRATUM_FIELD_CANDIDATES)
        if not stratum_field:
            raise QgsProcessingException(
                self.tr("Choose the stratum field of the green-space polygons.")
            )
        value_kind = VALUE_KINDS[self.parameterAsEnum(parameters, self.VALUE_KIND, context)]
        cf = self.parameterAsDouble(parameters, self.CF, context)
        small = SMALL_STRATA[self.parameterAsEnum(parameters, self.SMALL_STRATA, context)]
        mode = POLYGON_MODES[self.parameterAsEnum(parameters, self.POLYGON_DENSITY, context)]
        min_plots = self.parameterAsInt(parameters, self.MIN_PLOTS_IN_POLYGON, context)
        try:
            merge_map = parse_merge_map(self.parameterAsString(parameters, self.MERGE_MAP, context))
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err

        # ---- stage 1: polygons and areas --------------------------------------------------
        # GeoPackage/OGR file in, GeoPackage out: the map is a copy of the polygons (made in the
        # background meanwhile) plus the new columns, so only the stratum field is read here.
        map_fields = qgis_io.output_fields(strata_src.fields(), POLYGON_COLUMNS)
        # Outputs are complete or absent (``outputs``, see the base class): a cancel or an error
        # leaves the previous files untouched (the baseline GeoPackage is only appended to, after
        # everything else succeeded).
        writer = qgis_io.start_gpkg_copy(
            outputs, self.STRATA, self.OUTPUT, strata_src, map_fields, POLYGON_COLUMNS
        )
        poly_raw, poly_geoms, poly_strata, poly_area, area_note = read_strata(
            self,
            strata_src,
            stratum_field,
            context,
            feedback,
            field_names=[stratum_field] if writer is not None else None,
        )
        results = self._estimate(
            parameters,
            context,
            feedback,
            plots_src,
            strata_src,
            density_field,
            stratum_field,
            value_kind,
            cf,
            small,
            mode,
            min_plots,
            merge_map,
            writer,
            map_fields,
            poly_raw,
            poly_geoms,
            poly_strata,
            poly_area,
            area_note,
            outputs,
        )
        return {} if feedback.isCanceled() else results

    def _estimate(
        self,
        parameters,
        context,
        feedback,
        plots_src,
        strata_src,
        density_field,
        stratum_field,
        value_kind,
        cf,
        small,
        mode,
        min_plots,
        merge_map,
        writer,
        map_fields,
        poly_raw,
        poly_geoms,
        poly_strata,
        poly_area,
        area_note,
        outputs,
    ):
        from ..core.estimation import EstimationError, stratified_estimate
        from ..core.stock_map import POLYGON_COLUMNS, STRATA_COLUMNS, polygon_stock, strata_table

        feedback.pushInfo(area_note)
        no_stratum = sum(1 for s in poly_strata if s is None)
        if no_stratum:
            feedback.reportError(
                self.tr(
                    "{n} green-space polygon(s) have no stratum: left out of the estimate."
                ).format(n=no_stratum),
                fatalError=False,
            )
        areas = stratum_areas(poly_strata, poly_area)
        if not areas:
            raise QgsProcessingException(self.tr("No green-space polygon has a stratum."))
        if feedback.isCanceled():
            return {}
        feedback.setProgress(30)

        # ---- stage 2: plots, their stratum and polygon --------------------------------------
        names = plots_src.fields().names()
        id_field = self.parameterAsString(parameters, self.PLOT_ID_FIELD, context) or detect_field(
            names, ("plot_id", "plot", "รหัสแปลง")
        )
        plot_stratum_field = self.parameterAsString(
            parameters, self.PLOT_STRATUM_FIELD, context
        ) or detect_field(names, ("stratum",))
        wanted = [f for f in (id_field, density_field, plot_stratum_field) if f]
        for extra in ("method", "date"):
            if extra in names:
                wanted.append(extra)
        wanted = list(dict.fromkeys(wanted))
        plots_raw, plot_geoms = qgis_io.read_frame(
            plots_src, field_names=wanted, with_geometry=True, feedback=feedback, context=context
        )
        plot_has_geom = QgsWkbTypes.geometryType(plots_src.wkbType()) in (
            QgsWkbTypes.GeometryType.PointGeometry,
            QgsWkbTypes.GeometryType.PolygonGeometry,
        )
        poly_index = [None] * len(plots_raw)
        if plot_has_geom:
            poly_index = assign_by_location(
                plot_geoms,
                plots_src.sourceCrs(),
                poly_geoms,
                strata_src.sourceCrs(),
                context,
                feedback,
                polygons_source=strata_src,
                polygon_fids=poly_raw.attrs.get("fids"),
            )
        ids = (
            [str(v) for v in plots_raw[id_field]]
            if id_field
            else [str(i + 1) for i in range(len(plots_raw))]
        )
        if plot_stratum_field:
            plot_strata = [
                None if v is None or str(v).strip() == "" else str(v)
                for v in plots_raw[plot_stratum_field]
            ]
            feedback.pushInfo(
                self.tr("Plot strata from the field “{f}”.").format(f=plot_stratum_field)
            )
        elif plot_has_geom:
            plot_strata = [None if i is None else poly_strata[i] for i in poly_index]
            feedback.pushInfo(
                self.tr("Plot strata by location (plot centroid within the green-space polygons).")
            )
        else:
            raise QgsProcessingException(
                self.tr("The plots have no stratum field and no geometry to locate them.")
            )
        lost = [pid for pid, s in zip(ids, plot_strata) if s is None]
        if lost:
            feedback.reportError(
                self.tr(
                    "WARNING: {n} plot(s) have no stratum (outside every green-space polygon "
                    "or empty field) and are left out: {ids}"
                ).format(n=len(lost), ids=", ".join(lost)),
                fatalError=False,
            )
        values = pd.DataFrame(
            {
                "plot_id": ids,
                "stratum": plot_strata,
                "value": pd.to_numeric(plots_raw[density_field], errors="coerce").to_numpy(
                    dtype=float
                ),
                "poly_key": poly_index,
            }
        )
        values = values[values["stratum"].notna()].reset_index(drop=True)
        counts = values.groupby("stratum").size().to_dict()
        feedback.pushInfo(
            self.tr("Plots per stratum: {c}").format(
                c=", ".join(
                    "{} {} ({:.2f} ha)".format(s, counts.get(s, 0), areas[s]) for s in sorted(areas)
                )
            )
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50)

        # ---- stage 3: the estimate (AR-TOOL14 Eq. 12-17) --------------------------------------
        try:
            result = stratified_estimate(
                values[["plot_id", "stratum", "value"]],  # plot_id: named in errors
                areas,
                confidence=(0.90, 0.95),
                small_strata=small,
                merge_map=merge_map,
                cf=cf if value_kind == "biomass" else None,
                value_kind=value_kind,
            )
            table = strata_table(result, areas, counts, value_kind, cf)
            poly_out = polygon_stock(
                pd.DataFrame(
                    {
                        "poly_key": list(range(len(poly_raw))),
                        "stratum": poly_strata,
                        "area_ha": poly_area,
                    }
                ),
                result,
                values[["poly_key", "value"]],
                mode=mode,
                min_plots=min_plots,
                value_kind=value_kind,
                cf=cf,
            )
        except (ValueError, EstimationError) as err:
            raise QgsProcessingException(str(err)) from err
        for note in result.notes:
            feedback.pushWarning(localize(note))
        all_row = table[table["row_type"] == "total"].iloc[0]
        tot = result.totals
        feedback.pushInfo(
            self.tr(
                "AR-TOOL14 / T-VER log: n = {n}, strata M = {m}, df = {df}, t90 = {t:.4f}, "
                "mean = {mean:.4f} {unit}/ha, SE = {se:.4f} {unit}/ha, 90 % half-width = "
                "{hw:.4f} {unit}/ha, U = {u:.2f} %, deduction d = {d:.0f} % of the half-width, "
                "conservative total = {cons:.3f} {unit} (project)."
            ).format(
                unit={"carbon": "tC", "biomass": "t"}.get(value_kind, density_field),
                n=tot["n_plots"],
                m=tot["n_strata"],
                df=tot["df"],
                t=tot["t90"],
                mean=tot["mean"],
                se=tot["se"],
                hw=tot["hw90"],
                u=tot["u90_pct"],
                d=all_row["deduction_pct"],
                cons=all_row["conservative_total"],
            )
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)

        # ---- stage 4: outputs ------------------------------------------------------------------
        written = False
        if writer is not None:
            dest_id = writer.dest_id
            written = writer.finish_by_fid(
                poly_out, poly_raw.attrs["fids"], POLYGON_COLUMNS, feedback
            )
            if not written:  # ids not those of the copy: read everything, generic sink
                poly_raw, poly_geoms = qgis_io.read_frame(
                    strata_src, with_geometry=True, feedback=feedback, context=context
                )
        if not written:
            sink, dest_id = outputs.sink(
                self.OUTPUT, map_fields, strata_src.wkbType(), strata_src.sourceCrs()
            )
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
            out = poly_raw.copy()
            for name, _kind in POLYGON_COLUMNS:
                out[name] = poly_out[name].to_numpy()
            qgis_io.write_frame(sink, map_fields, out, poly_geoms, feedback, (70.0, 85.0))
            del sink  # closed: moved into place by the caller's commit
            if feedback.isCanceled():
                return {}

        sfields = qgis_io.output_fields(QgsFields(), STRATA_COLUMNS)
        ssink, strata_id = outputs.sink(
            self.OUTPUT_STRATA, sfields, QgsWkbTypes.Type.NoGeometry, strata_src.sourceCrs()
        )
        if ssink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_STRATA))
        qgis_io.write_frame(ssink, sfields, table, (), feedback, (85.0, 90.0))
        del ssink
        if feedback.isCanceled():
            return {}
        attach_style(context, dest_id, "carbon_density.qml")

        def num(value):
            if value is None:
                return None
            value = float(value)
            return value if math.isfinite(value) else None

        results = {
            self.OUTPUT: dest_id,
            self.OUTPUT_STRATA: strata_id,
            self.TOTAL_TC: num(all_row["total_tc"]),
            self.TOTAL_TCO2E: num(all_row["total_tco2e"]),
            self.TOTAL_TCO2E_CI95_LOW: num(all_row["total_tco2e_ci95_low"]),
            self.TOTAL_TCO2E_CI95_HIGH: num(all_row["total_tco2e_ci95_high"]),
            self.TOTAL_TCO2E_CI90_LOW: num(all_row["total_tco2e_ci90_low"]),
            self.TOTAL_TCO2E_CI90_HIGH: num(all_row["total_tco2e_ci90_high"]),
            self.U90_PCT: num(tot["u90_pct"]),
            self.MEAN_TC_HA: num(all_row["mean_tc_ha"]),
            self.AREA_HA: num(tot["area_ha"]),
            self.N_PLOTS: int(tot["n_plots"]),
            self.DEDUCTION_PCT: num(all_row["deduction_pct"]),
            self.CONSERVATIVE_TCO2E: num(all_row["conservative_total_tco2e"]),
            self.BOUNDARY_AREA_HA: None,
            self.GREEN_SHARE_PCT: None,
            self.BASELINE_ID: "",
        }
        if results[self.TOTAL_TCO2E] is not None:
            feedback.pushInfo(
                self.tr(
                    "Green space {a:.2f} ha ({rai:.1f} rai): {c:.1f} tC, {co2:.1f} tCO2e "
                    "(95 % CI {lo:.1f} – {hi:.1f}); mean {m:.2f} tC/ha."
                ).format(
                    a=tot["area_ha"],
                    rai=all_row["area_rai"],
                    c=results[self.TOTAL_TC],
                    co2=results[self.TOTAL_TCO2E],
                    lo=results[self.TOTAL_TCO2E_CI95_LOW],
                    hi=results[self.TOTAL_TCO2E_CI95_HIGH],
                    m=results[self.MEAN_TC_HA],
                )
            )

        municipality = self.parameterAsString(parameters, self.MUNICIPALITY, context).strip()
        boundary = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if boundary is not None:
            braw, bgeoms = qgis_io.read_frame(
                boundary, with_geometry=True, feedback=feedback, context=context
            )
            measurer = AreaMeasurer(boundary.sourceCrs(), context)
            barea = sum(measurer.area_m2(g) for g in bgeoms) / 10000.0
            results[self.BOUNDARY_AREA_HA] = barea
            green = float(sum(poly_area))
            if barea > 0:
                results[self.GREEN_SHARE_PCT] = 100.0 * green / barea
                feedback.pushInfo(
                    self.tr("Municipality {b:.2f} ha; green space {g:.2f} ha = {p:.1f} %.").format(
                        b=barea, g=green, p=results[self.GREEN_SHARE_PCT]
                    )
                )
            if not municipality and len(braw):
                col = detect_field(braw.columns, ("name_th", "muni_code", "name", "name_en"))
                if col and braw[col].iloc[0]:
                    municipality = str(braw[col].iloc[0])

        # ---- stage 5: baseline record -------------------------------------------------------
        gpkg = self.parameterAsFileOutput(parameters, self.BASELINE_GPKG, context)
        database = self.parameterAsString(parameters, self.BASELINE_DB, context).strip()
        targets = [t for t in (gpkg, database) if t]
        if targets:
            # appended once the map and tables are in place (outputs.on_commit): a baseline
            # record never names outputs of a run that failed at the last step
            results[self.BASELINE_ID] = self._save_baseline(
                targets,
                parameters,
                context,
                feedback,
                plots_raw,
                municipality,
                result,
                table,
                outputs,
                results,
            )
        if gpkg:
            results[self.BASELINE_GPKG] = gpkg
        feedback.setProgress(100)
        return results

    def _save_baseline(
        self,
        targets,
        parameters,
        context,
        feedback,
        plots_raw,
        municipality,
        result,
        table,
        outputs,
        results,
    ):
        """Build one record; it is appended to every target (GeoPackage and/or PostgreSQL) when
        ``outputs`` commits. Returns the record's id."""
        from ..baseline_store import (
            BaselineStoreError,
            append_baseline,
            check_target,
            is_postgres_target,
            redact_conninfo,
        )
        from ..core.baseline import build_record
        from ..core.equations import EquationLibrary
        from ..core.methods import MethodError, MethodPack
        from ..paths import plugin_version

        methods = sorted(
            {str(m) for m in plots_raw.get("method", pd.Series([], dtype=object)) if m}
        )
        method = (
            ";".join(methods)
            or self.parameterAsString(parameters, self.METHOD_LABEL, context).strip()
            or "unknown"
        )
        versions = []
        for mid in method.split(";"):
            try:
                versions.append(MethodPack.load(mid).version)
            except MethodError:
                versions.append("unknown")
        year = None
        if parameters.get(self.YEAR) not in (None, ""):
            year = self.parameterAsInt(parameters, self.YEAR, context)
        elif "date" in plots_raw.columns:
            dates = pd.to_datetime(
                pd.Series([to_iso_date(v) for v in plots_raw["date"]]), errors="coerce"
            ).dropna()
            if len(dates):
                year = int(dates.dt.year.mode().iloc[0])
        name = self.parameterAsString(parameters, self.BASELINE_NAME, context).strip()
        if not name:
            name = "{} {}".format(municipality or "baseline", year or "").strip()
        totals = dict(result.totals)
        totals["strata_notes"] = list(result.notes)
        record = build_record(
            name=name,
            municipality=municipality,
            year=year,
            plugin_version=plugin_version(),
            method_pack=method,
            method_version=";".join(versions),
            equation_pack_version=EquationLibrary.load().pack_version,
            parameters=parameters_for_record(self, parameters),
            strata=table,
            totals=totals,
            seed=None,
        )
        baseline_id = str(record["baseline_id"])

        def save() -> None:
            # the outputs are in place by now: a store that fails is reported, not fatal (the run
            # did write its map and tables), and BASELINE_ID is emptied
            for target in targets:
                where = redact_conninfo(target) if is_postgres_target(target) else target
                try:
                    append_baseline(target, record)
                except (BaselineStoreError, RuntimeError, OSError) as err:
                    results[self.BASELINE_ID] = ""
                    feedback.reportError(
                        self.tr(
                            "The map and tables were written, but the baseline could not be "
                            "saved in {path}: {err}. Run again with the baseline target to "
                            "record it."
                        ).format(path=where, err=err),
                        fatalError=False,
                    )
                    continue
                feedback.pushInfo(
                    self.tr("Baseline “{name}” saved in {path} (id {id}).").format(
                        name=name, path=where, id=baseline_id
                    )
                )

        for target in targets:  # fail now, before the outputs are replaced, if a store is unusable
            try:
                check_target(target)
            except BaselineStoreError as err:
                where = redact_conninfo(target) if is_postgres_target(target) else target
                raise QgsProcessingException(
                    self.tr("Could not save the baseline in {path}: {err}").format(
                        path=where, err=err
                    )
                ) from err
        outputs.on_commit(save)
        return baseline_id
