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
from pathlib import Path
from typing import Dict, List, Optional

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
from ..workflow_steps import (  # noqa: F401 (re-exported for the dock)
    DBH_UNITS,
    LOG_TAG,
    METHODS,
    RunResult,
    WorkflowConfig,
    WorkflowStep,
    _fit_parameters,
    build_steps,
)


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
