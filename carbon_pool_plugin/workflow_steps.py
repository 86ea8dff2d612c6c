"""The yearly workflow as a list of Processing steps: which algorithm, with which parameters.

Shared by the Carbon Pool dock (which runs the steps as background tasks, see ``ui/workflow.py``)
and ``carbonpool:batchassessment`` (which runs them for one municipality after another). Nothing here
runs or re-implements an algorithm; it only builds parameter dictionaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import QgsMessageLog

from .i18n import tr

LOG_TAG = "Carbon Pool"

# Algorithm ids of the chain (stable; see algorithms/*.py).
TREE_BIOMASS = "carbonpool:treebiomass"
PLOT_CARBON = "carbonpool:plotcarbon"
STRATIFIED = "carbonpool:stratifiedestimate"
STOCK_CHANGE = "carbonpool:stockchange"
REPORT = "carbonpool:carbonreport"

DBH_UNITS = ["cm", "mm", "girth_cm", "girth_m"]  # = treebiomass DBH_UNIT enum order
METHODS = ["tver", "itree", "ipcc"]  # = treebiomass METHOD enum order (custom not offered)


@dataclass
class WorkflowConfig:
    """Everything the dock collects. Layers are given as layer ids of ``project`` or as sources."""

    green: str
    plots: str
    trees: str
    output_dir: str
    trees2: Optional[str] = None
    boundary: Optional[str] = None
    species_field: Optional[str] = None
    dbh_field: Optional[str] = None
    dbh_unit: str = "cm"
    height_field: Optional[str] = None
    tree_plot_field: Optional[str] = None
    stems_field: Optional[str] = None
    plot_id_field: Optional[str] = None
    plot_stratum_field: Optional[str] = None
    plot_area_field: Optional[str] = None
    fraction_field: Optional[str] = None
    date1_field: Optional[str] = None
    date2_field: Optional[str] = None
    green_stratum_field: Optional[str] = None
    method: str = "tver"
    muni_name: str = ""
    muni_type: int = 1
    population: int = 0
    year_be: int = 2568
    language: str = "th"


@dataclass
class WorkflowStep:
    key: str
    alg_id: str
    label: str
    build: Callable[[Dict[str, dict], Path], dict]
    optional: bool = False


@dataclass
class RunResult:
    ok: bool
    message: str
    output_dir: str = ""
    results: Dict[str, dict] = field(default_factory=dict)
    files: List[str] = field(default_factory=list)


def _clean(params: dict) -> dict:
    return {k: v for k, v in params.items() if v not in (None, "")}


def build_steps(cfg: WorkflowConfig) -> List[WorkflowStep]:
    """The chain for ``cfg``: treebiomass (×1 or ×2) → plotcarbon → stratifiedestimate →
    (stockchange when a re-measurement is set) → carbonreport."""
    unit = DBH_UNITS.index(cfg.dbh_unit) if cfg.dbh_unit in DBH_UNITS else 0
    method = METHODS.index(cfg.method) if cfg.method in METHODS else 0

    def biomass(source: str, name: str):
        def build(_results, run_dir):
            return _clean(
                {
                    "INPUT": source,
                    "SPECIES_FIELD": cfg.species_field,
                    "DBH_FIELD": cfg.dbh_field,
                    "DBH_UNIT": unit,
                    "HEIGHT_FIELD": cfg.height_field,
                    "PLOT_FIELD": cfg.tree_plot_field,
                    "STEMS_FIELD": cfg.stems_field,
                    "METHOD": method,
                    "EQUATION": "auto",
                    "OUTPUT": str(run_dir / name),
                }
            )

        return build

    def plot_carbon(trees_key: str, name: str):
        def build(results, run_dir):
            return _clean(
                {
                    "TREES": results[trees_key]["OUTPUT"],
                    "TREE_PLOT_FIELD": cfg.tree_plot_field,
                    "PLOTS": cfg.plots,
                    "PLOT_ID_FIELD": cfg.plot_id_field,
                    "PLOT_AREA_FIELD": cfg.plot_area_field,
                    "FRACTION_FIELD": cfg.fraction_field,
                    "STRATUM_FIELD": cfg.plot_stratum_field,
                    "DATE_FIELD": cfg.date1_field,
                    "OUTPUT": str(run_dir / name),
                }
            )

        return build

    def estimate(results, run_dir):
        # The plot-carbon output names its columns itself (plot_id, stratum, carbon_t_ha), so
        # the plot fields are left to the estimate's own detection.
        return _clean(
            {
                "PLOTS": results["plots"]["OUTPUT"],
                "DENSITY_FIELD": "carbon_t_ha",
                "STRATA": cfg.green,
                "STRATUM_FIELD": cfg.green_stratum_field,
                "BOUNDARY": cfg.boundary,
                "MUNICIPALITY": cfg.muni_name,
                "YEAR": cfg.year_be,
                "METHOD_LABEL": cfg.method,
                "OUTPUT": str(run_dir / "carbon_map.gpkg"),
                "OUTPUT_STRATA": str(run_dir / "carbon_strata.csv"),
            }
        )

    def change(results, run_dir):
        return _clean(
            {
                "TREES_T1": results["trees"]["OUTPUT"],
                "TREES_T2": results["trees2"]["OUTPUT"],
                "PLOT_FIELD": cfg.tree_plot_field,
                "PLOTS": cfg.plots,
                "PLOT_ID_FIELD": cfg.plot_id_field,
                "PLOT_AREA_FIELD": cfg.plot_area_field,
                "FRACTION_FIELD": cfg.fraction_field,
                "PLOT_STRATUM_FIELD": cfg.plot_stratum_field,
                "DATE1_FIELD": cfg.date1_field,
                "DATE2_FIELD": cfg.date2_field,
                "STRATA": cfg.green,
                "STRATUM_FIELD": cfg.green_stratum_field,
                "OUTPUT_TREES": str(run_dir / "change_trees.gpkg"),
                "OUTPUT_PLOTS": str(run_dir / "change_plots.gpkg"),
                "OUTPUT_STRATA": str(run_dir / "change_strata.csv"),
                "OUTPUT_MAP": str(run_dir / "sequestration_map.gpkg"),
            }
        )

    def report(results, run_dir):
        est = results.get("estimate", {})
        chg = results.get("change", {})
        # Report types: city, town, subdistrict, SAO (special LAOs share the city's 15 % target).
        muni_type = cfg.muni_type if 0 <= cfg.muni_type <= 3 else 0
        return _clean(
            {
                "CARBON_MAP": est.get("OUTPUT"),
                "STRATA_TABLE": est.get("OUTPUT_STRATA"),
                "TREES": results.get("trees", {}).get("OUTPUT"),
                "CHANGE_TABLE": chg.get("OUTPUT_STRATA"),
                "SEQUESTRATION": chg.get("OUTPUT_MAP"),
                "BOUNDARY": cfg.boundary,
                "MUNICIPALITY_NAME": cfg.muni_name,
                "MUNICIPALITY_TYPE": muni_type,
                "POPULATION": cfg.population,
                "LANGUAGE": 0 if cfg.language == "th" else 1,
                "OUTPUT_PDF": str(run_dir / "carbon_report.pdf"),
                "OUTPUT_HTML": str(run_dir / "carbon_report.html"),
            }
        )

    steps = [
        WorkflowStep(
            "trees", TREE_BIOMASS, tr("Tree biomass"), biomass(cfg.trees, "trees_biomass.gpkg")
        )
    ]
    if cfg.trees2:
        steps.append(
            WorkflowStep(
                "trees2",
                TREE_BIOMASS,
                tr("Tree biomass (re-measurement)"),
                biomass(cfg.trees2, "trees_biomass_remeasured.gpkg"),
            )
        )
    steps.append(
        WorkflowStep(
            "plots", PLOT_CARBON, tr("Plot carbon"), plot_carbon("trees", "plot_carbon.gpkg")
        )
    )
    steps.append(WorkflowStep("estimate", STRATIFIED, tr("Stratified estimate"), estimate))
    if cfg.trees2:
        steps.append(WorkflowStep("change", STOCK_CHANGE, tr("Stock change"), change))
    steps.append(WorkflowStep("report", REPORT, tr("Report"), report))
    return steps


def _fit_parameters(alg, params: dict) -> dict:
    """Keep only the parameters ``alg`` defines (logged), so the chain survives renamed options."""
    kept = {}
    for key, value in params.items():
        if alg.parameterDefinition(key) is not None:
            kept[key] = value
        else:
            QgsMessageLog.logMessage(
                tr("{alg}: parameter {key} is not defined, not passed.").format(
                    alg=alg.id(), key=key
                ),
                LOG_TAG,
            )
    return kept
