"""carbonpool:stockchange — carbon stock change between two measurements of permanent plots."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import qgis_io
from ..i18n import localize
from .base import CarbonPoolAlgorithm
from .plots_common import (
    SPECIES_FIELD_CANDIDATES,
    STRATUM_FIELD_CANDIDATES,
    TAG_FIELD_CANDIDATES,
    add_min_dbh_parameter,
    add_plot_fields,
    add_small_strata_parameters,
    add_strata_parameters,
    add_tree_plot_fields,
    assign_by_location,
    detect_field,
    minimum_dbh,
    read_plots,
    read_trees,
    tree_methods,
)
from .stratified_estimate import SMALL_STRATA, read_strata, stratum_areas
from .styling import attach_style

TREE_COLUMNS = [
    ("plot", "string"),
    ("tag", "string"),
    ("class", "string"),
    ("species_t1", "string"),
    ("species_t2", "string"),
    ("dbh_cm_t1", "double"),
    ("dbh_cm_t2", "double"),
    ("alive_t1", "int"),
    ("alive_t2", "int"),
    ("carbon_kg_t1", "double"),
    ("carbon_kg_t2", "double"),
    ("survivor_increment_kg", "double"),
    ("ingrowth_kg", "double"),
    ("mortality_kg", "double"),
    ("delta_kg", "double"),
    ("flags", "string"),
]

PLOT_COLUMNS = [
    ("plot_id", "string"),
    ("stratum", "string"),
    ("remeasured", "int"),
    ("date1", "string"),
    ("date2", "string"),
    ("years", "double"),
    ("c_t1_t_ha", "double"),
    ("c_t2_t_ha", "double"),
    ("net_change_t_ha", "double"),
    ("survivor_increment_t_ha", "double"),
    ("ingrowth_t_ha", "double"),
    ("gross_growth_t_ha", "double"),
    ("mortality_t_ha", "double"),
    ("residual_t_ha", "double"),
    ("annual_net_t_ha_yr", "double"),
    ("annual_gross_growth_t_ha_yr", "double"),
    ("annual_mortality_t_ha_yr", "double"),
    ("net_change_co2e_t_ha", "double"),
    ("annual_net_co2e_t_ha_yr", "double"),
]

STRATA_COLUMNS = [
    ("stratum", "string"),
    ("method", "string"),
    ("row_type", "string"),
    ("members", "string"),
    ("n", "int"),
    ("n_t1", "int"),
    ("n_t2", "int"),
    ("area_ha", "double"),
    ("years", "double"),
    ("c_t1_tc_ha", "double"),
    ("c_t2_tc_ha", "double"),
    ("net_change_tc_ha", "double"),
    ("net_change_tco2e", "double"),
    ("annual_tc_ha_yr", "double"),
    ("annual_sd", "double"),
    ("annual_se", "double"),
    ("annual_ci90_low", "double"),
    ("annual_ci90_high", "double"),
    ("annual_ci95_low", "double"),
    ("annual_ci95_high", "double"),
    ("u90_pct", "double"),
    ("annual_tco2e_yr", "double"),
    ("annual_tco2e_yr_ci90_low", "double"),
    ("annual_tco2e_yr_ci90_high", "double"),
    ("annual_tco2e_yr_ci95_low", "double"),
    ("annual_tco2e_yr_ci95_high", "double"),
    ("note", "string"),
]

MAP_COLUMNS = [
    ("stratum_used", "string"),
    ("area_ha", "double"),
    ("area_rai", "double"),
    ("seq_tc_ha_yr", "double"),
    ("seq_tco2e_ha_yr", "double"),
    ("seq_tco2e_rai_yr", "double"),
    ("seq_tco2e_yr", "double"),
    ("seq_tco2e_yr_ci95_low", "double"),
    ("seq_tco2e_yr_ci95_high", "double"),
    ("net_change_tco2e", "double"),
    ("seq_source", "string"),
]

TAG_PROBLEMS = ("DUPLICATE_TAG", "MISSING_TAG", "SPECIES_CHANGED", "DBH_SHRANK", "STATUS_REVERSED")


def _num(value):
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


class StockChangeAlgorithm(CarbonPoolAlgorithm):
    TREES_T1 = "TREES_T1"
    TREES_T2 = "TREES_T2"
    TAG_FIELD = "TAG_FIELD"
    PLOT_FIELD = "PLOT_FIELD"
    STATUS_FIELD = "STATUS_FIELD"
    SPECIES_FIELD = "SPECIES_FIELD"
    PLOTS = "PLOTS"
    PLOT_ID_FIELD = "PLOT_ID_FIELD"
    PLOT_AREA_FIELD = "PLOT_AREA_FIELD"
    FRACTION_FIELD = "FRACTION_FIELD"
    PLOT_STRATUM_FIELD = "PLOT_STRATUM_FIELD"
    PLOT_STATUS_FIELD = "PLOT_STATUS_FIELD"
    DATE1_FIELD = "DATE1_FIELD"
    DATE2_FIELD = "DATE2_FIELD"
    DATE1 = "DATE1"
    DATE2 = "DATE2"
    STRATA = "STRATA"
    STRATUM_FIELD = "STRATUM_FIELD"
    SMALL_STRATA = "SMALL_STRATA"
    MERGE_MAP = "MERGE_MAP"
    MIN_DBH = "MIN_DBH"
    DBH_SHRINK_TOLERANCE = "DBH_SHRINK_TOLERANCE"
    OUTPUT_TREES = "OUTPUT_TREES"
    OUTPUT_PLOTS = "OUTPUT_PLOTS"
    OUTPUT_STRATA = "OUTPUT_STRATA"
    OUTPUT_MAP = "OUTPUT_MAP"

    NET_CHANGE_TCO2E = "NET_CHANGE_TCO2E"
    ANNUAL_TCO2E_YR = "ANNUAL_TCO2E_YR"
    ANNUAL_TCO2E_YR_CI90_LOW = "ANNUAL_TCO2E_YR_CI90_LOW"
    ANNUAL_TCO2E_YR_CI90_HIGH = "ANNUAL_TCO2E_YR_CI90_HIGH"
    ANNUAL_TCO2E_YR_CI95_LOW = "ANNUAL_TCO2E_YR_CI95_LOW"
    ANNUAL_TCO2E_YR_CI95_HIGH = "ANNUAL_TCO2E_YR_CI95_HIGH"
    U90_PCT = "U90_PCT"
    DEDUCTION_PCT = "DEDUCTION_PCT"
    CONSERVATIVE_ANNUAL_TCO2E_YR = "CONSERVATIVE_ANNUAL_TCO2E_YR"
    YEARS = "YEARS"
    INDEPENDENT_NET_CHANGE_TCO2E = "INDEPENDENT_NET_CHANGE_TCO2E"
    INDEPENDENT_ANNUAL_TCO2E_YR = "INDEPENDENT_ANNUAL_TCO2E_YR"
    INDEPENDENT_U90_PCT = "INDEPENDENT_U90_PCT"
    N_PLOTS_REMEASURED = "N_PLOTS_REMEASURED"
    N_SURVIVORS = "N_SURVIVORS"
    N_MORTALITY = "N_MORTALITY"
    N_INGROWTH = "N_INGROWTH"
    N_NOT_RELOCATED = "N_NOT_RELOCATED"
    N_TAG_PROBLEMS = "N_TAG_PROBLEMS"

    GROUP_ID = "change"

    def name(self) -> str:
        return "stockchange"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Carbon stock change (two measurements)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Compares two measurements of the same permanent plots (tree tags).\n\n"
            "Per tree: survivor growth, mortality (alive → dead or not found), ingrowth (new "
            "tags and trees crossing the minimum DBH), with flags for duplicate or missing "
            "tags, changed species and DBH shrinking beyond the tolerance.\n"
            "Per plot: gross growth, mortality loss (negative), net change and annual rates "
            "(tC/ha/yr, fractional years from the measurement dates).\n"
            "Per stratum and in total: the stratified change from per-plot differences "
            "(AR-TOOL14 §6.2) with SE and 90/95 % intervals, and — as a check and for plots "
            "not re-measured — the difference of two independent stock estimates (AR-TOOL14 "
            "§6.1: u = √((u₁C₁)² + (u₂C₂)²)/|ΔC|). Losses stay negative.\n"
            "Map: annual sequestration (tCO2e/yr and per ha) of every green-space polygon."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        for key, label in (
            (self.TREES_T1, self.tr("Trees, first measurement (t1)")),
            (self.TREES_T2, self.tr("Trees, second measurement (t2)")),
        ):
            p = QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.SourceType.TypeVector]
            )
            p.setHelp(
                self.tr("Output of carbonpool:treebiomass for this measurement (same fields).")
            )
            self.addParameter(p)
        self._field(
            self.TAG_FIELD,
            self.tr("Tree tag field"),
            self.TREES_T1,
            self.tr("Tag unique within a plot. Empty: detected (tag, tree_id, เลขป้าย)."),
        )
        add_tree_plot_fields(
            self,
            self.TREES_T1,
            self.PLOT_FIELD,
            self.STATUS_FIELD,
            self.tr("alive/dead/new or มีชีวิต/ตาย/ใหม่. Empty: detected (status, สถานะ)."),
        )
        self._field(
            self.SPECIES_FIELD,
            self.tr("Species field"),
            self.TREES_T1,
            self.tr("Used to flag changed species. Empty: detected (species, ชื่อวิทยาศาสตร์)."),
        )
        p = QgsProcessingParameterFeatureSource(
            self.PLOTS, self.tr("Plots"), [QgsProcessing.SourceType.TypeVector]
        )
        p.setHelp(self.tr("Permanent plots with area, fraction, stratum, status and dates."))
        self.addParameter(p)
        add_plot_fields(
            self,
            area_help=self.tr("Empty: polygon area (ellipsoidal for a geographic CRS)."),
            fraction_help=self.tr("Optional share (0–1] of the plot tallied. Empty: 1."),
            stratum=(
                self.PLOT_STRATUM_FIELD,
                self.tr("Plot stratum field"),
                self.tr("Empty: field “stratum” if present, else by location in the strata."),
            ),
            status=(
                self.PLOT_STATUS_FIELD,
                self.tr("Plots with status “abandoned” and no date are not measured at that time."),
            ),
            dates=[
                (
                    self.DATE1_FIELD,
                    self.tr("First measurement date field"),
                    self.tr("Per-plot date of t1; an empty date means not measured at t1."),
                ),
                (
                    self.DATE2_FIELD,
                    self.tr("Second measurement date field"),
                    self.tr("Per-plot date of t2; an empty date means not re-measured."),
                ),
            ],
        )
        for key, label in (
            (self.DATE1, self.tr("First measurement date (if no field)")),
            (self.DATE2, self.tr("Second measurement date (if no field)")),
        ):
            p = QgsProcessingParameterString(key, label, optional=True, defaultValue="")
            p.setHelp(self.tr("YYYY-MM-DD (C.E.), used for every plot when no date field is set."))
            self.addParameter(p)
        add_strata_parameters(self, self.tr("Stratum areas and the sequestration map."))
        add_small_strata_parameters(
            self,
            self.tr("As in the stratified estimate; the choice is logged."),
            self.tr("small:target pairs, e.g. “street:residential”."),
        )
        add_min_dbh_parameter(
            self,
            self.tr(
                "Empty: the method pack's value (T-VER 4.5 cm); a tree crossing it is "
                "ingrowth. 0: no threshold."
            ),
        )
        p = QgsProcessingParameterNumber(
            self.DBH_SHRINK_TOLERANCE,
            self.tr("DBH shrink tolerance (cm)"),
            type=QgsProcessingParameterNumber.Type.Double,
            defaultValue=1.0,
            minValue=0.0,
        )
        p.setHelp(self.tr("A live tree whose DBH shrank by more than this is flagged DBH_SHRANK."))
        self.addParameter(p)
        for key, label, help_text, kind in (
            (
                self.OUTPUT_TREES,
                self.tr("Tree dynamics"),
                self.tr("One row per tag: class survivor/mortality/ingrowth/out_both, flags."),
                QgsProcessing.SourceType.TypeVector,
            ),
            (
                self.OUTPUT_PLOTS,
                self.tr("Plot change"),
                self.tr(
                    "Per plot: gross growth, mortality (negative), net change (tC/ha) and "
                    "annual rates."
                ),
                QgsProcessing.SourceType.TypeVector,
            ),
            (
                self.OUTPUT_STRATA,
                self.tr("Stratum change"),
                self.tr(
                    "Per stratum and ALL, for the paired (AR-TOOL14 §6.2) and independent "
                    "(§6.1) methods: annual change, SE, 90/95 % intervals, tCO2e/yr."
                ),
                QgsProcessing.SourceType.TypeVector,
            ),
            (
                self.OUTPUT_MAP,
                self.tr("Annual sequestration map"),
                self.tr("Green-space polygons with tCO2e/yr and tCO2e/ha/yr (losses negative)."),
                QgsProcessing.SourceType.TypeVectorPolygon,
            ),
        ):
            p = QgsProcessingParameterFeatureSink(key, label, kind)
            p.setHelp(help_text)
            self.addParameter(p)
        for key, label in (
            (self.NET_CHANGE_TCO2E, self.tr("Net change over the period (tCO2e)")),
            (self.ANNUAL_TCO2E_YR, self.tr("Annual net change (tCO2e/yr)")),
            (self.ANNUAL_TCO2E_YR_CI90_LOW, self.tr("Annual change, 90 % CI low")),
            (self.ANNUAL_TCO2E_YR_CI90_HIGH, self.tr("Annual change, 90 % CI high")),
            (self.ANNUAL_TCO2E_YR_CI95_LOW, self.tr("Annual change, 95 % CI low")),
            (self.ANNUAL_TCO2E_YR_CI95_HIGH, self.tr("Annual change, 95 % CI high")),
            (self.U90_PCT, self.tr("Uncertainty of the annual change (90 %, %)")),
            (self.DEDUCTION_PCT, self.tr("T-VER deduction (% of the 90 % half-width)")),
            (self.CONSERVATIVE_ANNUAL_TCO2E_YR, self.tr("Conservative annual removal (tCO2e/yr)")),
            (self.YEARS, self.tr("Mean interval (years)")),
            (self.INDEPENDENT_NET_CHANGE_TCO2E, self.tr("Independent-estimates change (tCO2e)")),
            (self.INDEPENDENT_ANNUAL_TCO2E_YR, self.tr("Independent-estimates change (tCO2e/yr)")),
            (self.INDEPENDENT_U90_PCT, self.tr("Independent-estimates uncertainty (90 %, %)")),
            (self.N_PLOTS_REMEASURED, self.tr("Plots re-measured")),
            (self.N_SURVIVORS, self.tr("Surviving trees")),
            (self.N_MORTALITY, self.tr("Dead or lost trees")),
            (self.N_INGROWTH, self.tr("Ingrowth trees")),
            (self.N_NOT_RELOCATED, self.tr("Trees not relocated")),
            (self.N_TAG_PROBLEMS, self.tr("Trees with tag problems")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ------------------------------------------------------------------------------------------
    def _process(self, parameters, context, feedback, outputs):
        from ..core.estimation import (
            EstimationError,
            fractional_years,
            independent_change,
            plot_carbon,
            plot_change,
            stratified_change,
            stratified_estimate,
            tree_dynamics,
            uncertainty_deduction,
        )
        from ..core.stock_map import (
            parse_merge_map,
            plot_is_abandoned,
            plot_keys,
            polygon_stock,
            status_for_core,
        )
        from ..core.units import C_TO_CO2, RAI_PER_HA

        sources = {
            key: self._required_source(parameters, key, context)
            for key in (self.TREES_T1, self.TREES_T2, self.PLOTS, self.STRATA)
        }
        extra = (
            ("tag", self.TAG_FIELD, TAG_FIELD_CANDIDATES),
            ("species", self.SPECIES_FIELD, SPECIES_FIELD_CANDIDATES),
        )
        trees = {}
        for label, key in (("t1", self.TREES_T1), ("t2", self.TREES_T2)):
            frame, used = read_trees(
                self,
                sources[key],
                parameters,
                context,
                self.PLOT_FIELD,
                self.STATUS_FIELD,
                feedback,
                extra=extra,
            )
            if "tag" not in frame.columns:
                raise QgsProcessingException(
                    self.tr("No tree tag field in {t} (looked for tag, tree_id, เลขป้าย).").format(
                        t=label
                    )
                )
            feedback.pushInfo(
                self.tr("{t}: {n} trees ({fields}).").format(t=label, n=len(frame), fields=used)
            )
            trees[label] = frame
        plots, plot_geoms, area_note = read_plots(
            self,
            sources[self.PLOTS],
            parameters,
            context,
            feedback,
            self.PLOT_STRATUM_FIELD,
            self.PLOT_STATUS_FIELD,
            date_keys=(("date1", self.DATE1_FIELD), ("date2", self.DATE2_FIELD)),
        )
        feedback.pushInfo(area_note)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(20)

        # ---- strata, plot strata, measurement occasions --------------------------------------
        strata_src = sources[self.STRATA]
        stratum_field = self.parameterAsString(
            parameters, self.STRATUM_FIELD, context
        ) or detect_field(strata_src.fields().names(), STRATUM_FIELD_CANDIDATES)
        if not stratum_field:
            raise QgsProcessingException(self.tr("Choose the stratum field of the polygons."))
        poly_raw, poly_geoms, poly_strata, poly_area, strata_note = read_strata(
            self, strata_src, stratum_field, context, feedback
        )
        feedback.pushInfo(strata_note)
        areas = stratum_areas(poly_strata, poly_area)
        if not areas:
            raise QgsProcessingException(
                self.tr(
                    "No polygon of the strata layer “{layer}” has a stratum (field “{field}”) "
                    "and an area ({n} feature(s) read): the estimate needs the area of each "
                    "stratum. Check the strata layer and its stratum field."
                ).format(layer=strata_src.sourceName(), field=stratum_field, n=len(poly_strata))
            )
        if "stratum" not in plots.columns or plots["stratum"].isna().all():
            if QgsWkbTypes.geometryType(sources[self.PLOTS].wkbType()) not in (
                QgsWkbTypes.GeometryType.PointGeometry,
                QgsWkbTypes.GeometryType.PolygonGeometry,
            ):
                raise QgsProcessingException(
                    self.tr("The plots have no stratum field and no geometry to locate them.")
                )
            hits = assign_by_location(
                plot_geoms,
                sources[self.PLOTS].sourceCrs(),
                poly_geoms,
                strata_src.sourceCrs(),
                context,
                feedback,
            )
            plots["stratum"] = [None if i is None else poly_strata[i] for i in hits]
            feedback.pushInfo(self.tr("Plot strata by location."))
        plots["stratum"] = [None if s is None else str(s) for s in plots["stratum"]]

        abandoned = (
            plot_is_abandoned(plots["status"].tolist())
            if "status" in plots.columns
            else np.zeros(len(plots), dtype=bool)
        )
        for col, key in (("date1", self.DATE1), ("date2", self.DATE2)):
            value = self.parameterAsString(parameters, key, context).strip()
            if col not in plots.columns:
                if not value:
                    raise QgsProcessingException(
                        self.tr("Give the {c} field or the {k} parameter.").format(c=col, k=key)
                    )
                plots[col] = None
            if value:
                # a common date fills missing dates; an abandoned plot (status is the current
                # state) is taken as not re-measured, so it gets no second date
                fill = plots[col].isna().to_numpy()
                if col == "date2":
                    fill &= ~abandoned
                plots.loc[fill, col] = value
        measured1 = plots["date1"].notna().to_numpy()
        measured2 = plots["date2"].notna().to_numpy()
        remeasured = measured1 & measured2
        not_re = plots.loc[measured1 & ~measured2, "plot_id"].tolist()
        if not_re:
            feedback.reportError(
                self.tr(
                    "{n} plot(s) measured at t1 but not re-measured (used only in the "
                    "independent-estimates change): {ids}"
                ).format(n=len(not_re), ids=", ".join(map(str, not_re))),
                fatalError=False,
            )

        # ---- thresholds ---------------------------------------------------------------------
        min_dbh, _ = minimum_dbh(self, parameters, context, tree_methods(*trees.values()))
        min_dbh_arg = min_dbh if min_dbh and min_dbh > 0 else None
        tol = self.parameterAsDouble(parameters, self.DBH_SHRINK_TOLERANCE, context)
        feedback.pushInfo(
            self.tr("Minimum DBH {d} cm; DBH shrink tolerance {t} cm.").format(
                d=min_dbh_arg or 0, t=tol
            )
        )
        for frame in trees.values():
            if "status" in frame.columns:
                frame["status"] = status_for_core(frame["status"].to_numpy())

        # ---- plot carbon at t1 and t2 --------------------------------------------------------
        try:
            pc = {}
            for label, mask, dcol in (("t1", measured1, "date1"), ("t2", measured2, "date2")):
                pl = plots.loc[mask, ["plot_id", "area_m2", "stratum"]].copy()
                if "fraction" in plots.columns:
                    pl["fraction"] = plots.loc[mask, "fraction"]
                pl["date"] = plots.loc[mask, dcol]
                keys = set(plot_keys(pl["plot_id"]).tolist())
                tr_frame = trees[label]
                on_plots = plot_keys(tr_frame["plot"]).isin(keys).to_numpy()
                outside = tr_frame.loc[~on_plots, "plot"]
                if len(outside):
                    counts = outside.astype(str).value_counts().sort_index()
                    feedback.reportError(
                        self.tr(
                            "WARNING: {t}: {n} tree(s) on plots not measured then or unknown, "
                            "not used: {list}"
                        ).format(
                            t=label,
                            n=int(counts.sum()),
                            list=", ".join("{} ({})".format(k, v) for k, v in counts.items()),
                        ),
                        fatalError=False,
                    )
                table, _report = plot_carbon(
                    tr_frame.loc[on_plots], pl.reset_index(drop=True), min_dbh_arg, "exclude"
                )
                pc[label] = table
            re_keys = set(plot_keys(plots.loc[remeasured, "plot_id"]).tolist())

            def on_re(frame, col):
                return frame.loc[plot_keys(frame[col]).isin(re_keys).to_numpy()]

            dyn, counts = tree_dynamics(
                on_re(trees["t1"], "plot"), on_re(trees["t2"], "plot"), tol, min_dbh_arg
            )
            change, change_report = plot_change(
                on_re(pc["t1"], "plot_id").reset_index(drop=True),
                on_re(pc["t2"], "plot_id").reset_index(drop=True),
                tree_table=dyn,
            )
            merge_map = parse_merge_map(self.parameterAsString(parameters, self.MERGE_MAP, context))
            small = SMALL_STRATA[self.parameterAsEnum(parameters, self.SMALL_STRATA, context)]
            years_mean = float(change["years"].mean())
            paired_net = stratified_change(
                change[["stratum", "net_change_t_ha"]],
                areas,
                small_strata=small,
                merge_map=merge_map,
                value_col="net_change_t_ha",
                value_kind="carbon",
            )
            paired = stratified_estimate(
                change[["stratum", "annual_net_t_ha_yr"]],
                areas,
                small_strata=small,
                merge_map=merge_map,
                value_col="annual_net_t_ha_yr",
                value_kind="carbon",
            )
            est = {
                label: stratified_estimate(
                    pc[label][["stratum", "carbon_t_ha"]],
                    areas,
                    small_strata=small,
                    merge_map=merge_map,
                    value_col="carbon_t_ha",
                    value_kind="carbon",
                )
                for label in ("t1", "t2")
            }
            mean_d1 = pd.to_datetime(pc["t1"]["date"]).mean()
            mean_d2 = pd.to_datetime(pc["t2"]["date"]).mean()
            years_ind = fractional_years(mean_d1, mean_d2)
            indep = independent_change(est["t1"], est["t2"], years_ind, on="co2e_total")
        except (ValueError, EstimationError) as err:
            raise QgsProcessingException(str(err)) from err
        for warning in change_report["warnings"]:
            feedback.pushWarning(localize(warning))
        for note in paired.notes:
            feedback.pushWarning(localize(note))
        if feedback.isCanceled():
            return {}
        feedback.setProgress(60)

        # ---- tables --------------------------------------------------------------------------
        tp = paired.totals
        a_total = float(tp["area_ha"])
        ann_co2e = tp["co2e_total"]
        hw90 = tp["co2e_total_hw90"]
        hw95 = tp["co2e_total_hw95"]
        ded = uncertainty_deduction(ann_co2e, hw90, "project")
        rows = []
        net_by = {r["stratum"]: r for r in paired_net.strata.to_dict("records")}
        for r in paired.strata.to_dict("records"):
            members = str(r["members"]).split(";")
            sel = change["stratum"].isin(members)
            area = float(r["area_ha"])
            rows.append(
                {
                    "stratum": r["stratum"],
                    "method": "paired (AR-TOOL14 6.2)",
                    "row_type": "stratum",
                    "members": r["members"],
                    "n": int(r["n"]),
                    "area_ha": area,
                    "years": float(change.loc[sel, "years"].mean()) if sel.any() else None,
                    "c_t1_tc_ha": float(change.loc[sel, "c_t1_t_ha"].mean()) if sel.any() else None,
                    "c_t2_tc_ha": float(change.loc[sel, "c_t2_t_ha"].mean()) if sel.any() else None,
                    "net_change_tc_ha": _num(net_by.get(r["stratum"], {}).get("mean")),
                    "net_change_tco2e": _num(
                        area * net_by.get(r["stratum"], {}).get("mean", np.nan) * C_TO_CO2
                    ),
                    "annual_tc_ha_yr": r["mean"],
                    "annual_sd": r["sd"],
                    "annual_se": r["se"],
                    "annual_ci90_low": r["ci90_low"],
                    "annual_ci90_high": r["ci90_high"],
                    "annual_ci95_low": r["ci95_low"],
                    "annual_ci95_high": r["ci95_high"],
                    "u90_pct": _num(r["u90_pct"]),
                    "annual_tco2e_yr": area * r["mean"] * C_TO_CO2,
                    "annual_tco2e_yr_ci90_low": area * r["ci90_low"] * C_TO_CO2,
                    "annual_tco2e_yr_ci90_high": area * r["ci90_high"] * C_TO_CO2,
                    "annual_tco2e_yr_ci95_low": area * r["ci95_low"] * C_TO_CO2,
                    "annual_tco2e_yr_ci95_high": area * r["ci95_high"] * C_TO_CO2,
                    "note": None if r["source"] == "plots" else str(r["source"]),
                }
            )
        rows.append(
            {
                "stratum": "ALL",
                "method": "paired (AR-TOOL14 6.2)",
                "row_type": "total",
                "n": int(tp["n_plots"]),
                "area_ha": a_total,
                "years": years_mean,
                "c_t1_tc_ha": None,
                "net_change_tc_ha": paired_net.totals["mean"],
                "net_change_tco2e": paired_net.totals["co2e_total"],
                "annual_tc_ha_yr": tp["mean"],
                "annual_se": tp["se"],
                "annual_ci90_low": tp["ci90_low"],
                "annual_ci90_high": tp["ci90_high"],
                "annual_ci95_low": tp["ci95_low"],
                "annual_ci95_high": tp["ci95_high"],
                "u90_pct": _num(tp["u90_pct"]),
                "annual_tco2e_yr": ann_co2e,
                "annual_tco2e_yr_ci90_low": ann_co2e - hw90,
                "annual_tco2e_yr_ci90_high": ann_co2e + hw90,
                "annual_tco2e_yr_ci95_low": ann_co2e - hw95,
                "annual_tco2e_yr_ci95_high": ann_co2e + hw95,
                "note": "; ".join(paired.notes) or None,
            }
        )
        s1 = {r["stratum"]: r for r in est["t1"].strata.to_dict("records")}
        s2 = {r["stratum"]: r for r in est["t2"].strata.to_dict("records")}
        for name in sorted(set(s1) & set(s2)):
            r1, r2 = s1[name], s2[name]
            area = float(r2["area_ha"])
            net = r2["mean"] - r1["mean"]
            h90 = math.hypot(r1["hw90"], r2["hw90"])
            h95 = math.hypot(r1["hw95"], r2["hw95"])
            ann = net / years_ind
            rows.append(
                {
                    "stratum": name,
                    "method": "independent (AR-TOOL14 6.1)",
                    "row_type": "stratum",
                    "members": r2["members"],
                    "n_t1": int(r1["n"]),
                    "n_t2": int(r2["n"]),
                    "area_ha": area,
                    "years": years_ind,
                    "c_t1_tc_ha": r1["mean"],
                    "c_t2_tc_ha": r2["mean"],
                    "net_change_tc_ha": net,
                    "net_change_tco2e": area * net * C_TO_CO2,
                    "annual_tc_ha_yr": ann,
                    "annual_ci90_low": ann - h90 / years_ind,
                    "annual_ci90_high": ann + h90 / years_ind,
                    "annual_ci95_low": ann - h95 / years_ind,
                    "annual_ci95_high": ann + h95 / years_ind,
                    "u90_pct": _num(h90 / abs(net) * 100.0) if net else None,
                    "annual_tco2e_yr": area * ann * C_TO_CO2,
                    "annual_tco2e_yr_ci90_low": area * (ann - h90 / years_ind) * C_TO_CO2,
                    "annual_tco2e_yr_ci90_high": area * (ann + h90 / years_ind) * C_TO_CO2,
                    "annual_tco2e_yr_ci95_low": area * (ann - h95 / years_ind) * C_TO_CO2,
                    "annual_tco2e_yr_ci95_high": area * (ann + h95 / years_ind) * C_TO_CO2,
                }
            )
        t1t, t2t = est["t1"].totals, est["t2"].totals
        ind_hw95 = math.hypot(t1t["co2e_total_hw95"], t2t["co2e_total_hw95"])
        rows.append(
            {
                "stratum": "ALL",
                "method": "independent (AR-TOOL14 6.1)",
                "row_type": "total",
                "n_t1": int(t1t["n_plots"]),
                "n_t2": int(t2t["n_plots"]),
                "area_ha": float(t2t["area_ha"]),
                "years": years_ind,
                "c_t1_tc_ha": t1t["mean"],
                "c_t2_tc_ha": t2t["mean"],
                "net_change_tc_ha": t2t["mean"] - t1t["mean"],
                "net_change_tco2e": indep.delta,
                "annual_tc_ha_yr": (t2t["mean"] - t1t["mean"]) / years_ind,
                "u90_pct": _num(indep.u90_pct),
                "annual_tco2e_yr": indep.annual,
                "annual_tco2e_yr_ci90_low": indep.annual - indep.annual_half_width_90,
                "annual_tco2e_yr_ci90_high": indep.annual + indep.annual_half_width_90,
                "annual_tco2e_yr_ci95_low": indep.annual - ind_hw95 / years_ind,
                "annual_tco2e_yr_ci95_high": indep.annual + ind_hw95 / years_ind,
                "note": "t1 {:.1f} ± {:.1f} tCO2e, t2 {:.1f} ± {:.1f} tCO2e (90 %)".format(
                    t1t["co2e_total"],
                    t1t["co2e_total_hw90"],
                    t2t["co2e_total"],
                    t2t["co2e_total_hw90"],
                ),
            }
        )
        strata_frame = pd.DataFrame(rows)
        for name, _k in STRATA_COLUMNS:
            if name not in strata_frame.columns:
                strata_frame[name] = None

        # ---- write ---------------------------------------------------------------------------
        results = {}

        def write(key, fields, frame, geometries, wkb, crs, span) -> bool:
            """Write ``frame`` to output ``key``; False if cancelled meanwhile."""
            sink, results[key] = outputs.sink(key, fields, wkb, crs)
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, key))
            qgis_io.write_frame(sink, fields, frame, geometries, feedback, span)
            del sink  # closed: moved into place by the caller's commit
            return not feedback.isCanceled()

        tfields = qgis_io.output_fields(QgsFields(), TREE_COLUMNS)
        tree_out = dyn.copy()
        tree_out["plot"] = tree_out["plot"].astype(str)
        tree_out["tag"] = tree_out["tag"].astype(str)
        tree_out["alive_t1"] = tree_out["alive_t1"].astype(int)
        tree_out["alive_t2"] = tree_out["alive_t2"].astype(int)
        no_geom = QgsWkbTypes.Type.NoGeometry
        if not write(
            self.OUTPUT_TREES,
            tfields,
            tree_out,
            (),
            no_geom,
            sources[self.TREES_T1].sourceCrs(),
            (60.0, 70.0),
        ):
            return {}

        plot_out = plots[["plot_id", "stratum", "date1", "date2"]].copy()
        plot_out["remeasured"] = remeasured.astype(int)
        keyed = change.assign(_k=plot_keys(change["plot_id"]).to_numpy()).set_index("_k")
        pkeys = plot_keys(plot_out["plot_id"]).to_numpy()
        for name, _k in PLOT_COLUMNS:
            if name in ("plot_id", "stratum", "remeasured", "date1", "date2"):
                continue
            if name in keyed.columns:
                plot_out[name] = keyed[name].reindex(pkeys).to_numpy()
            else:
                plot_out[name] = None
        keep = measured1 | measured2
        plot_out = plot_out.loc[keep].reset_index(drop=True)
        pgeoms = [g for g, k in zip(plot_geoms, keep) if k]
        pfields = qgis_io.output_fields(QgsFields(), PLOT_COLUMNS)
        wkb = sources[self.PLOTS].wkbType()
        has_geom = wkb != QgsWkbTypes.Type.NoGeometry
        geoms = pgeoms if has_geom else ()
        crs = sources[self.PLOTS].sourceCrs()
        if not write(self.OUTPUT_PLOTS, pfields, plot_out, geoms, wkb, crs, (70, 80)):
            return {}

        sfields = qgis_io.output_fields(QgsFields(), STRATA_COLUMNS)
        crs = strata_src.sourceCrs()
        if not write(self.OUTPUT_STRATA, sfields, strata_frame, (), no_geom, crs, (80, 85)):
            return {}

        try:
            poly = polygon_stock(
                pd.DataFrame(
                    {
                        "poly_key": range(len(poly_raw)),
                        "stratum": poly_strata,
                        "area_ha": poly_area,
                    }
                ),
                paired,
            )
        except (ValueError, EstimationError) as err:
            raise QgsProcessingException(str(err)) from err
        map_out = poly_raw.copy()
        map_out["stratum_used"] = poly["stratum_used"].to_numpy()
        map_out["area_ha"] = poly["area_ha"].to_numpy()
        map_out["area_rai"] = poly["area_rai"].to_numpy()
        map_out["seq_tc_ha_yr"] = poly["density_tc_ha"].to_numpy()
        map_out["seq_tco2e_ha_yr"] = poly["density_tco2e_ha"].to_numpy()
        map_out["seq_tco2e_rai_yr"] = [
            None if v is None or pd.isna(v) else v / RAI_PER_HA for v in poly["density_tco2e_ha"]
        ]
        map_out["seq_tco2e_yr"] = poly["co2e_t"].to_numpy()
        map_out["seq_tco2e_yr_ci95_low"] = poly["co2e_t_ci95_low"].to_numpy()
        map_out["seq_tco2e_yr_ci95_high"] = poly["co2e_t_ci95_high"].to_numpy()
        map_out["net_change_tco2e"] = [
            None if v is None or pd.isna(v) else v * years_mean for v in poly["co2e_t"]
        ]
        map_out["seq_source"] = poly["density_source"].to_numpy()
        mfields = qgis_io.output_fields(strata_src.fields(), MAP_COLUMNS)
        wkb = strata_src.wkbType()
        if not write(self.OUTPUT_MAP, mfields, map_out, poly_geoms, wkb, crs, (85, 100)):
            return {}
        attach_style(context, results[self.OUTPUT_MAP], "sequestration.qml")
        n_tag = int(
            dyn["flags"].fillna("").apply(lambda f: any(p in f for p in TAG_PROBLEMS)).sum()
        )
        flag_counts = ", ".join("{} {}".format(k, counts[k]) for k in TAG_PROBLEMS if counts[k])
        feedback.pushInfo(
            self.tr(
                "Trees: {s} survivors, {m} mortality ({nr} not relocated), {i} ingrowth; "
                "tag problems: {t} ({flags})."
            ).format(
                s=counts["n_survivor"],
                m=counts["n_mortality"],
                nr=counts["NOT_RELOCATED"],
                i=counts["n_ingrowth"],
                t=n_tag,
                flags=flag_counts or "-",
            )
        )
        feedback.pushInfo(
            self.tr(
                "Paired plots (AR-TOOL14 6.2): n = {n}, {y:.3f} yr; net {net:.1f} tCO2e; annual "
                "{a:.1f} tCO2e/yr (90 % CI {lo:.1f} – {hi:.1f}; U {u:.1f} %; deduction "
                "{d:.0f} % → conservative {c:.1f} tCO2e/yr)."
            ).format(
                n=tp["n_plots"],
                y=years_mean,
                net=paired_net.totals["co2e_total"],
                a=ann_co2e,
                lo=ann_co2e - hw90,
                hi=ann_co2e + hw90,
                u=tp["u90_pct"],
                d=ded.d_fraction * 100,
                c=ded.adjusted,
            )
        )
        feedback.pushInfo(
            self.tr(
                "Independent estimates (AR-TOOL14 6.1): {c1:.1f} → {c2:.1f} tCO2e over "
                "{y:.3f} yr: {d:.1f} tCO2e, {a:.1f} tCO2e/yr (U {u:.1f} %)."
            ).format(
                c1=indep.c1,
                c2=indep.c2,
                y=years_ind,
                d=indep.delta,
                a=indep.annual,
                u=indep.u90_pct,
            )
        )
        results.update(
            {
                self.NET_CHANGE_TCO2E: _num(paired_net.totals["co2e_total"]),
                self.ANNUAL_TCO2E_YR: _num(ann_co2e),
                self.ANNUAL_TCO2E_YR_CI90_LOW: _num(ann_co2e - hw90),
                self.ANNUAL_TCO2E_YR_CI90_HIGH: _num(ann_co2e + hw90),
                self.ANNUAL_TCO2E_YR_CI95_LOW: _num(ann_co2e - hw95),
                self.ANNUAL_TCO2E_YR_CI95_HIGH: _num(ann_co2e + hw95),
                self.U90_PCT: _num(tp["u90_pct"]),
                self.DEDUCTION_PCT: ded.d_fraction * 100.0,
                self.CONSERVATIVE_ANNUAL_TCO2E_YR: _num(ded.adjusted),
                self.YEARS: years_mean,
                self.INDEPENDENT_NET_CHANGE_TCO2E: _num(indep.delta),
                self.INDEPENDENT_ANNUAL_TCO2E_YR: _num(indep.annual),
                self.INDEPENDENT_U90_PCT: _num(indep.u90_pct),
                self.N_PLOTS_REMEASURED: int(len(change)),
                self.N_SURVIVORS: int(counts["n_survivor"]),
                self.N_MORTALITY: int(counts["n_mortality"]),
                self.N_INGROWTH: int(counts["n_ingrowth"]),
                self.N_NOT_RELOCATED: int(counts["NOT_RELOCATED"]),
                self.N_TAG_PROBLEMS: n_tag,
            }
        )
        return results
