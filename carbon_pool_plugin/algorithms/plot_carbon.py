"""carbonpool:plotcarbon — per-plot biomass, carbon and CO2e per hectare and per rai."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from .. import qgis_io
from ..i18n import localize
from .base import CarbonPoolAlgorithm
from .plots_common import (
    add_min_dbh_parameter,
    add_plot_fields,
    add_tree_plot_fields,
    minimum_dbh,
    read_plots,
    read_trees,
    tree_methods,
)
from .styling import attach_style

SAPLING_RULES = ["exclude", "include"]

PLOT_COLUMNS = [
    ("plot_id", "string"),
    ("stratum", "string"),
    ("date", "string"),
    ("n_trees", "int"),
    ("n_unusable", "int"),
    ("n_saplings", "int"),
    ("n_dead", "int"),
    ("agb_t_ha", "double"),
    ("bgb_t_ha", "double"),
    ("biomass_t_ha", "double"),
    ("carbon_t_ha", "double"),
    ("co2e_t_ha", "double"),
    ("agb_t_rai", "double"),
    ("bgb_t_rai", "double"),
    ("biomass_t_rai", "double"),
    ("carbon_t_rai", "double"),
    ("co2e_t_rai", "double"),
    ("area_m2", "double"),
    ("fraction", "double"),
    ("effective_area_m2", "double"),
    ("method", "string"),
]


class PlotCarbonAlgorithm(CarbonPoolAlgorithm):
    TREES = "TREES"
    TREE_PLOT_FIELD = "TREE_PLOT_FIELD"
    TREE_STATUS_FIELD = "TREE_STATUS_FIELD"
    PLOTS = "PLOTS"
    PLOT_ID_FIELD = "PLOT_ID_FIELD"
    PLOT_AREA_FIELD = "PLOT_AREA_FIELD"
    FRACTION_FIELD = "FRACTION_FIELD"
    STRATUM_FIELD = "STRATUM_FIELD"
    DATE_FIELD = "DATE_FIELD"
    STATUS_FIELD = "STATUS_FIELD"
    MIN_DBH = "MIN_DBH"
    SAPLING_RULE = "SAPLING_RULE"
    OUTPUT = "OUTPUT"
    N_PLOTS = "N_PLOTS"
    N_TREES = "N_TREES"
    N_ORPHAN_TREES = "N_ORPHAN_TREES"
    N_EXCLUDED_PLOTS = "N_EXCLUDED_PLOTS"
    N_SAPLINGS = "N_SAPLINGS"
    N_DEAD = "N_DEAD"
    N_UNUSABLE = "N_UNUSABLE"
    MEAN_CARBON_T_HA = "MEAN_CARBON_T_HA"

    GROUP_ID = "baseline"

    def name(self) -> str:
        return "plotcarbon"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Plot carbon (per hectare and per rai)")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Sums the trees of each sample plot (output of “Tree biomass and carbon”) and "
            "divides by the plot's effective area (area × measured fraction): AGB, BGB, "
            "biomass, carbon and CO2e in t/ha and t/rai (1 ha = 6.25 rai).\n\n"
            "Plots measured with no trees get zeros, not missing values. Trees whose plot id "
            "matches no plot are listed in the log (never silently dropped). Dead trees "
            "(status ตาย/dead) are not in the live-tree pool; trees below the minimum DBH "
            "are saplings, excluded or included as chosen. Plots with status “abandoned” are "
            "left out unless they have a measurement date in the date field."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterFeatureSource(
            self.TREES, self.tr("Trees with biomass"), [QgsProcessing.SourceType.TypeVector]
        )
        p.setHelp(self.tr("Output of carbonpool:treebiomass (agb_kg, bgb_kg, carbon_kg, …)."))
        self.addParameter(p)
        add_tree_plot_fields(
            self,
            self.TREES,
            self.TREE_PLOT_FIELD,
            self.TREE_STATUS_FIELD,
            self.tr(
                "Optional alive/dead/new (มีชีวิต/ตาย/ใหม่); empty: detected (status, "
                "สถานะ), else every tree is alive."
            ),
        )
        p = QgsProcessingParameterFeatureSource(
            self.PLOTS, self.tr("Plots"), [QgsProcessing.SourceType.TypeVector]
        )
        p.setHelp(self.tr("Plot footprints (polygons), plot centres (points) or a table of plots."))
        self.addParameter(p)
        add_plot_fields(
            self,
            area_help=self.tr(
                "Nominal plot area in m². Empty: the polygon's area (ellipsoidal for a "
                "geographic CRS); required for points and tables."
            ),
            fraction_help=self.tr(
                "Optional share (0–1] of the plot that was tallied (e.g. the part inside "
                "the green space); effective area = area × fraction. Empty: 1."
            ),
            stratum=(
                self.STRATUM_FIELD,
                self.tr("Stratum field"),
                self.tr("Optional stratum of each plot; copied to the output. Empty: detected."),
            ),
            status=(
                self.STATUS_FIELD,
                self.tr(
                    "Optional: plots with status “abandoned” (or ยกเลิก) are left out and "
                    "reported, unless the date field has a date for them (measured this time)."
                ),
            ),
            dates=[
                (
                    self.DATE_FIELD,
                    self.tr("Measurement date field"),
                    self.tr("Optional date of this measurement; copied to the output."),
                )
            ],
            dates_first=True,
        )
        add_min_dbh_parameter(
            self,
            self.tr(
                "Stems below it are saplings. Empty: the method pack's value (T-VER 4.5 cm, "
                "T-VER-P-TOOL-01-02); 0: no threshold."
            ),
        )
        p = QgsProcessingParameterEnum(
            self.SAPLING_RULE,
            self.tr("Saplings"),
            options=[self.tr("Exclude from the tree pool"), self.tr("Include")],
            defaultValue=0,
        )
        p.setHelp(
            self.tr("T-VER accounts saplings separately (exclude); they are counted either way.")
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Plot carbon"))
        p.setHelp(
            self.tr(
                "One feature per plot (geometry of the plots): plot_id, stratum, date, "
                "n_trees, n_unusable, n_saplings, n_dead, agb/bgb/biomass/carbon/co2e in t/ha "
                "and t/rai, area_m2, fraction, effective_area_m2, method."
            )
        )
        self.addParameter(p)
        for key, label in (
            (self.N_PLOTS, self.tr("Number of plots")),
            (self.N_TREES, self.tr("Number of trees summed")),
            (self.N_ORPHAN_TREES, self.tr("Trees whose plot id matches no plot")),
            (self.N_EXCLUDED_PLOTS, self.tr("Plots left out (abandoned)")),
            (self.N_SAPLINGS, self.tr("Saplings excluded")),
            (self.N_DEAD, self.tr("Dead trees")),
            (self.N_UNUSABLE, self.tr("Trees without biomass")),
            (self.MEAN_CARBON_T_HA, self.tr("Mean plot carbon (tC/ha, unweighted)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def _process(self, parameters, context, feedback, outputs):
        from ..core.estimation import EstimationError, plot_carbon
        from ..core.stock_map import plot_is_abandoned, plot_keys, status_for_core

        trees_src = self._required_source(parameters, self.TREES, context)
        plots_src = self._required_source(parameters, self.PLOTS, context)

        trees, used = read_trees(
            self,
            trees_src,
            parameters,
            context,
            self.TREE_PLOT_FIELD,
            self.TREE_STATUS_FIELD,
            feedback,
        )
        feedback.pushInfo(self.tr("Read {n} trees ({fields}).").format(n=len(trees), fields=used))
        if feedback.isCanceled():
            return {}
        plots, geoms, area_note = read_plots(
            self,
            plots_src,
            parameters,
            context,
            feedback,
            self.STRATUM_FIELD,
            self.STATUS_FIELD,
            date_keys=(("date", self.DATE_FIELD),),
        )
        feedback.pushInfo(area_note)
        feedback.setProgress(35)

        methods = tree_methods(trees)
        min_dbh, dbh_source = minimum_dbh(self, parameters, context, methods)
        min_dbh_arg = min_dbh if min_dbh and min_dbh > 0 else None
        if min_dbh_arg is not None and "dbh_cm" not in trees.columns:
            raise QgsProcessingException(
                self.tr("A minimum DBH needs the dbh_cm field of the trees (or set it to 0).")
            )
        rule = SAPLING_RULES[self.parameterAsEnum(parameters, self.SAPLING_RULE, context)]
        feedback.pushInfo(
            self.tr("Minimum DBH {d} cm ({src}); saplings: {rule}.").format(
                d=min_dbh if min_dbh_arg is not None else 0, src=dbh_source, rule=rule
            )
        )

        keep = np.ones(len(plots), dtype=bool)
        if "status" in plots.columns:
            abandoned = plot_is_abandoned(plots["status"].tolist())
            if "date" in plots.columns:
                measured = plots["date"].notna().to_numpy()
                kept_anyway = abandoned & measured
                if kept_anyway.any():
                    feedback.pushInfo(
                        self.tr(
                            "Abandoned plot(s) kept because they were measured on this date: {ids}"
                        ).format(ids=", ".join(map(str, plots.loc[kept_anyway, "plot_id"])))
                    )
                abandoned &= ~measured
            keep = ~abandoned
        excluded_ids = plots.loc[~keep, "plot_id"].tolist()
        if excluded_ids:
            feedback.reportError(
                self.tr("{n} abandoned plot(s) left out: {ids}").format(
                    n=len(excluded_ids), ids=", ".join(map(str, excluded_ids))
                ),
                fatalError=False,
            )
        plots_used = plots.loc[keep].copy()
        geoms_used = [g for g, k in zip(geoms, keep) if k]

        # trees of excluded plots are not orphans: take them out first and say so
        core_trees = trees.copy()
        if excluded_ids:
            excluded_keys = set(plot_keys(pd.Series(excluded_ids)).tolist())
            on_excluded = plot_keys(core_trees["plot"]).isin(excluded_keys).to_numpy()
            if on_excluded.any():
                feedback.pushInfo(
                    self.tr("{n} tree(s) on abandoned plots not used.").format(
                        n=int(on_excluded.sum())
                    )
                )
            core_trees = core_trees.loc[~on_excluded]
        n_new = 0
        if "status" in core_trees.columns:
            n_new = int((core_trees["status"] == "new").sum())
            core_trees["status"] = status_for_core(core_trees["status"].to_numpy())
        try:
            table, report = plot_carbon(
                core_trees, plots_used.reset_index(drop=True), min_dbh_arg, rule
            )
        except (ValueError, EstimationError) as err:
            raise QgsProcessingException(str(err)) from err
        if feedback.isCanceled():
            return {}
        feedback.setProgress(70)

        if not len(plots_used):
            raise QgsProcessingException(
                self.tr(
                    "0 plot(s) to compute: the plot layer is empty or every plot was left out "
                    "(abandoned)."
                )
            )
        if len(core_trees) and report["n_orphan_trees"] == len(core_trees):
            # not one tree on a plot: every plot would read zero carbon — an id mismatch
            raise QgsProcessingException(
                self.tr(
                    "No tree matched a plot: the {n} trees' plot ids (e.g. {trees}) are not "
                    "among the plot ids (e.g. {plots}). Check the plot id fields of the trees "
                    "and of the plots."
                ).format(
                    n=len(core_trees),
                    trees=", ".join(map(str, list(report["orphan_trees"])[:3])),
                    plots=", ".join(map(str, plots_used["plot_id"].head(3).tolist())),
                )
            )
        if not len(trees):
            feedback.reportError(
                self.tr("The tree table has no rows: every plot gets zero carbon."),
                fatalError=False,
            )
        if report["n_orphan_trees"]:
            listing = ", ".join(
                "{} ({})".format(k, v) for k, v in list(report["orphan_trees"].items())[:50]
            )
            feedback.reportError(
                self.tr(
                    "WARNING: {n} tree(s) have a plot id that matches no plot and were not "
                    "summed: {list}"
                ).format(n=report["n_orphan_trees"], list=listing),
                fatalError=False,
            )
        for warning in report["warnings"]:
            if "plot id(s) not in the plot table" not in warning:
                feedback.pushWarning(localize(warning))
        if report["plots_without_trees"]:
            feedback.pushInfo(
                self.tr("Plots measured with no trees (zeros): {ids}").format(
                    ids=", ".join(map(str, report["plots_without_trees"]))
                )
            )

        out = table.copy()
        out["method"] = ";".join(methods) if methods else None
        if "date" not in out.columns:
            out["date"] = None
        out["stratum"] = [None if s is None else str(s) for s in out["stratum"]]
        fields = qgis_io.output_fields(QgsFields(), PLOT_COLUMNS)
        wkb = plots_src.wkbType()
        sink, dest_id = outputs.sink(self.OUTPUT, fields, wkb, plots_src.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        has_geom = wkb != QgsWkbTypes.Type.NoGeometry
        qgis_io.write_frame(sink, fields, out, geoms_used if has_geom else (), feedback)
        del sink  # closed: moved into place by the caller's commit
        if feedback.isCanceled():
            return {}
        attach_style(context, dest_id, "plots_status.qml")

        mean_c = float(table["carbon_t_ha"].mean()) if len(table) else 0.0
        feedback.pushInfo(
            self.tr(
                "Plots: {p}; trees summed: {t}; saplings excluded: {s}; dead: {d}; new "
                "(ingrowth, alive): {new}; unusable: {u}; orphans: {o}; mean {c:.3f} tC/ha."
            ).format(
                p=len(table),
                t=report["n_trees_used"],
                s=report["n_saplings_excluded"],
                d=report["n_dead"],
                new=n_new,
                u=report["n_unusable"],
                o=report["n_orphan_trees"],
                c=mean_c,
            )
        )
        return {
            self.OUTPUT: dest_id,
            self.N_PLOTS: int(len(table)),
            self.N_TREES: int(report["n_trees_used"]),
            self.N_ORPHAN_TREES: int(report["n_orphan_trees"]),
            self.N_EXCLUDED_PLOTS: int(len(excluded_ids)),
            self.N_SAPLINGS: int(report["n_saplings_excluded"]),
            self.N_DEAD: int(report["n_dead"]),
            self.N_UNUSABLE: int(report["n_unusable"]),
            self.MEAN_CARBON_T_HA: mean_c,
        }
