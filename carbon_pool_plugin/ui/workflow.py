"""The yearly workflow as a chain of background Processing tasks (used by the Carbon Pool dock).

Each step is a ``QgsProcessingAlgRunnerTask`` running one registered ``carbonpool:`` algorithm;
the next step starts from the previous task's ``executed`` slot (main thread), with the previous
outputs as inputs. Nothing here re-implements an algorithm: the dock only builds parameters.

Every output goes to a private run folder (``tempfile.mkdtemp``); only when the LAST step succeeds
is the folder's content moved into the user's output folder. A failure or a cancel deletes the run
folder, so the output folder never holds a partial run.

As required by QGIS (style.md §4), the context, feedback and task of the running step are kept on
``self`` until ``executed`` fires, and project/GUI work happens only in the slots.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsMessageLog,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..i18n import tr

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


class WorkflowRunner(QObject):
    """Runs a list of :class:`WorkflowStep` one after the other as background tasks."""

    stepStarted = pyqtSignal(int, int, str)  # noqa: N815 (Qt signal names)
    progressChanged = pyqtSignal(float)  # noqa: N815
    message = pyqtSignal(str)
    finished = pyqtSignal(object)  # RunResult

    def __init__(self, parent=None, project: Optional[QgsProject] = None):
        super().__init__(parent)
        self.project = project
        self._steps: List[WorkflowStep] = []
        self._index = -1
        self._results: Dict[str, dict] = {}
        self._run_dir: Optional[Path] = None
        self._output_dir: Optional[Path] = None
        self._cancelled = False
        # Kept alive until ``executed`` fires (QGIS crashes otherwise).
        self._task = None
        self._context = None
        self._feedback = None

    # -- public ----------------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._index >= 0

    def run_dir(self) -> Optional[Path]:
        return self._run_dir

    def current_task(self):
        return self._task

    def start(self, steps: List[WorkflowStep], output_dir: str) -> bool:
        if self.is_running():
            return False
        registry = QgsApplication.processingRegistry()
        missing = [s.alg_id for s in steps if registry.algorithmById(s.alg_id) is None]
        if missing:
            self._emit_done(
                False,
                tr("Algorithm not available: {ids}. Is the plugin fully installed?").format(
                    ids=", ".join(sorted(set(missing)))
                ),
            )
            return False
        self._steps = list(steps)
        self._results = {}
        self._cancelled = False
        self._output_dir = Path(output_dir)
        self._run_dir = Path(tempfile.mkdtemp(prefix="carbonpool-run-"))
        self._index = 0
        self._start_step()
        return True

    def cancel(self) -> None:
        """Cancel the running task; the run folder is removed when its ``executed`` arrives."""
        if not self.is_running():
            return
        self._cancelled = True
        self.message.emit(tr("Cancelling…"))
        if self._task is not None:
            self._task.cancel()

    # -- internals -------------------------------------------------------------------------------
    def _start_step(self) -> None:
        step = self._steps[self._index]
        alg = QgsApplication.processingRegistry().algorithmById(step.alg_id)
        try:
            params = _fit_parameters(alg, step.build(self._results, self._run_dir))
        except (KeyError, ValueError, TypeError) as err:
            self._fail(
                tr("{step}: cannot prepare the parameters ({err}).").format(
                    step=step.label, err=err
                )
            )
            return
        self.stepStarted.emit(self._index, len(self._steps), step.label)
        context = QgsProcessingContext()
        context.setProject(self.project or QgsProject.instance())
        feedback = QgsProcessingFeedback()
        count = len(self._steps)
        index = self._index
        feedback.progressChanged.connect(
            lambda value: self.progressChanged.emit((index + value / 100.0) / count * 100.0)
        )
        context.setFeedback(feedback)
        task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
        task.executed.connect(self._on_executed)
        self._context, self._feedback, self._task = context, feedback, task
        QgsMessageLog.logMessage(
            tr("Starting {alg} with {params}").format(alg=step.alg_id, params=params), LOG_TAG
        )
        QgsApplication.taskManager().addTask(task)

    def _on_executed(self, ok: bool, results: dict) -> None:
        step = self._steps[self._index]
        # Release the finished step's objects only now (style.md §4).
        self._release()
        if self._cancelled:
            self._fail(tr("Cancelled: nothing was written to the output folder."))
            return
        if not ok:
            self._fail(
                tr("{step} failed; see the Processing log. Nothing was written.").format(
                    step=step.label
                )
            )
            return
        self._results[step.key] = dict(results)
        self._index += 1
        if self._index < len(self._steps):
            self._start_step()
        else:
            self._commit()

    def _release(self) -> None:
        if self._context is not None:
            self._context.temporaryLayerStore().removeAllMapLayers()
        self._task = self._context = self._feedback = None

    def _commit(self) -> None:
        """Move the complete run into the output folder and rewrite result paths."""
        run_dir, out_dir = self._run_dir, self._output_dir
        moved: List[str] = []
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            for entry in sorted(run_dir.iterdir()):
                target = out_dir / entry.name
                if target.is_dir() and entry.is_dir():
                    shutil.rmtree(str(target))
                elif target.exists():
                    target.unlink()
                shutil.move(str(entry), str(target))
                moved.append(str(target))
        except OSError as err:
            self._fail(
                tr("Could not move the results into {folder}: {err}").format(
                    folder=out_dir, err=err
                )
            )
            return
        prefix = str(run_dir)

        def rewrite(value):
            if isinstance(value, str) and value.startswith(prefix):
                return str(out_dir) + value[len(prefix) :]
            return value

        results = {k: {kk: rewrite(vv) for kk, vv in v.items()} for k, v in self._results.items()}
        shutil.rmtree(str(run_dir), ignore_errors=True)
        self._reset()
        self.progressChanged.emit(100.0)
        self._emit_done(True, tr("Finished."), str(out_dir), results, moved)

    def _fail(self, message: str) -> None:
        if self._run_dir is not None:
            shutil.rmtree(str(self._run_dir), ignore_errors=True)
        self._reset()
        self._emit_done(False, message)

    def _reset(self) -> None:
        self._index = -1
        self._run_dir = None
        self._steps = []

    def _emit_done(self, ok, message, output_dir="", results=None, files=None) -> None:
        self.message.emit(message)
        self.finished.emit(RunResult(ok, message, output_dir, results or {}, files or []))
