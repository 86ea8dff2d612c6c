"""The Carbon Pool dock: choose layers and fields, run the yearly workflow, see the result.

The layout lives in ``carbon_pool_dock.ui`` (loaded at runtime). The dock only collects settings and
runs the registered Processing algorithms through :class:`~.workflow.WorkflowRunner` (background
tasks); it never computes carbon itself. Settings are stored in the project (scope ``carbonpool``)
and restored when a project is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional

from qgis.core import (
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QComboBox, QVBoxLayout

from ..core.tabular import detect_columns, guess_dbh_unit
from ..i18n import tr
from .workflow import DBH_UNITS, METHODS, RunResult, WorkflowConfig, WorkflowRunner, build_steps

UI_PATH = Path(__file__).resolve().parent / "carbon_pool_dock.ui"
FORM_CLASS, _ = uic.loadUiType(str(UI_PATH))
SCOPE = "carbonpool"
LANGUAGES = ["th", "en"]

# field combo name -> (layer combo name, detect_columns role(s))
FIELD_ROLES = {
    "speciesField": ("treesLayer", ("species",)),
    "dbhField": ("treesLayer", ("girth", "dbh")),
    "heightField": ("treesLayer", ("height",)),
    "treePlotField": ("treesLayer", ("plot",)),
    "stemsField": ("treesLayer", ("stems",)),
    "plotIdField": ("plotsLayer", ("plot",)),
    "plotStratumField": ("plotsLayer", ("stratum",)),
    "plotAreaField": ("plotsLayer", ("plot_area",)),
    "fractionField": ("plotsLayer", ("fraction",)),
    "date1Field": ("plotsLayer", ("date",)),
    "date2Field": ("plotsLayer", ("date2",)),
    "greenStratumField": ("greenLayer", ("stratum",)),
}
LAYER_COMBOS = ("greenLayer", "plotsLayer", "treesLayer", "trees2Layer", "boundaryLayer")


def auto_map_fields(headers) -> Dict[str, str]:
    """Field combo name -> header for every role found in ``headers`` (Thai or English).

    Example: ``["ชนิดไม้", "เส้นรอบวง", "ความสูง"]`` maps species, DBH (girth) and height.
    """
    found = detect_columns(list(headers))
    out = {}
    for combo, (_layer, roles) in FIELD_ROLES.items():
        for role in roles:
            if role in found:
                out[combo] = found[role]
                break
    return out


def dbh_unit_for(header: str, headers) -> str:
    """Unit guessed for the DBH column ``header`` (girth vs diameter, cm/mm/m)."""
    found = detect_columns(list(headers))
    role = (
        "girth" if found.get("girth") == header else ("dbh" if found.get("dbh") == header else None)
    )
    return guess_dbh_unit(header, role)


class CarbonPoolDock(QgsDockWidget):
    """Dock widget (objectName ``CarbonPoolDock``) guiding the yearly carbon workflow."""

    def __init__(self, iface=None, parent=None, project: Optional[QgsProject] = None):
        super().__init__(parent)
        self.iface = iface
        self.project = project or QgsProject.instance()
        self.setObjectName("CarbonPoolDock")
        self.setWindowTitle(tr("Carbon Pool"))
        self.ui = FORM_CLASS()
        self.ui.setupUi(self._content())
        self._restoring = False
        self._quiet = False
        self._last: Optional[RunResult] = None
        self._report_path = ""
        self._canvas = None
        self.runner = WorkflowRunner(self, self.project)
        self._setup_widgets()
        self._connect()
        self.restore_settings()

    def _content(self):
        from qgis.PyQt.QtWidgets import QWidget

        widget = QWidget(self)
        widget.setObjectName("CarbonPoolDockContents")
        self.setWidget(widget)
        return widget

    # -- set-up ----------------------------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.greenLayer.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        ui.plotsLayer.setFilters(QgsMapLayerProxyModel.VectorLayer)
        ui.treesLayer.setFilters(QgsMapLayerProxyModel.VectorLayer)
        ui.trees2Layer.setFilters(QgsMapLayerProxyModel.VectorLayer)
        ui.trees2Layer.setAllowEmptyLayer(True)
        ui.boundaryLayer.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        ui.boundaryLayer.setAllowEmptyLayer(True)
        for name in LAYER_COMBOS:
            combo = getattr(ui, name)
            if hasattr(combo, "setProject"):  # QGIS >= 3.24; before, always QgsProject.instance()
                combo.setProject(self.project)
        ui.trees2Layer.setLayer(None)
        ui.boundaryLayer.setLayer(None)
        for name in FIELD_ROLES:  # empty until detected or chosen (never "the first field")
            getattr(ui, name).setAllowEmptyFieldName(True)
        for name in ("plotAreaField", "fractionField"):
            getattr(ui, name).setFilters(QgsFieldProxyModel.Numeric)
        ui.outputFolder.setStorageMode(QgsFileWidget.GetDirectory)
        ui.outputFolder.setDialogTitle(tr("Output folder"))
        ui.population.setSpecialValueText(tr("unknown"))
        ui.progressBar.setRange(0, 100)
        ui.progressBar.setValue(0)
        # Narrow docks: combos shrink to their minimum instead of forcing a horizontal scroll.
        ui.scrollArea.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        for combo in ui.scrollContents.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for group in (ui.layersGroup, ui.treeFieldsGroup, ui.plotFieldsGroup, ui.methodGroup):
            group.layout().setColumnStretch(1, 1)
        layout = QVBoxLayout(ui.chartContainer)
        layout.setContentsMargins(0, 0, 0, 0)
        self._sync_layers()

    def _connect(self) -> None:
        ui = self.ui
        # Programmatic changes (project loading, auto-mapping) never write the project; only
        # user actions (``activated``, edits) and Run do. Otherwise loading a project would
        # overwrite its stored settings while its layers are being added.
        for name in LAYER_COMBOS:
            getattr(ui, name).layerChanged.connect(self._on_layer_changed)
            getattr(ui, name).activated.connect(self.save_settings)
        for name in FIELD_ROLES:
            getattr(ui, name).activated.connect(self.save_settings)
        ui.dbhField.fieldChanged.connect(self._on_dbh_field_changed)
        for combo in (ui.dbhUnit, ui.methodCombo, ui.muniType, ui.reportLanguage):
            combo.activated.connect(self.save_settings)
        ui.population.valueChanged.connect(self.save_settings)
        ui.yearBe.valueChanged.connect(self.save_settings)
        ui.muniName.editingFinished.connect(self.save_settings)
        ui.outputFolder.fileChanged.connect(self.save_settings)
        ui.runButton.clicked.connect(self.run)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.openReportButton.clicked.connect(self.open_report)
        ui.openFolderButton.clicked.connect(self.open_folder)
        self.runner.stepStarted.connect(self._on_step_started)
        self.runner.progressChanged.connect(lambda v: self.ui.progressBar.setValue(int(v)))
        self.runner.message.connect(self.ui.statusLabel.setText)
        self.runner.finished.connect(self._on_finished)
        self.project.readProject.connect(self._on_project_read)

    def cleanup(self) -> None:
        """Disconnect from the project (called by the plugin's ``unload``)."""
        try:
            self.project.readProject.disconnect(self._on_project_read)
        except TypeError:
            pass
        if self.runner.is_running():
            # The running task references objects owned by this dock: stop it before deletion.
            task = self.runner.current_task()
            self.runner.cancel()
            if task is not None and hasattr(task, "waitForFinished"):
                task.waitForFinished(10000)

    # -- field mapping ---------------------------------------------------------------------------
    def _sync_layers(self) -> None:
        ui = self.ui
        for combo, (layer_combo, _roles) in FIELD_ROLES.items():
            getattr(ui, combo).setLayer(getattr(ui, layer_combo).currentLayer())

    def _on_layer_changed(self, _layer=None) -> None:
        if self._restoring:
            return
        combo = self.sender()
        changed = [n for n in LAYER_COMBOS if getattr(self.ui, n) is combo]
        self._quiet = True
        try:
            self._sync_layers()
            if "boundaryLayer" in changed:
                self.fill_municipality()
            self.auto_map([n for n in changed if n != "boundaryLayer"] if changed else None)
        finally:
            self._quiet = False

    def fill_municipality(self) -> None:
        """Take name, type and population from the boundary's attributes when still empty."""
        from ..core.greenarea import MUNI_TYPE_KEYS, normalize_muni_type

        layer = self.ui.boundaryLayer.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            return
        feature = next(layer.getFeatures(), None)
        if feature is None:
            return
        names = {n.lower(): n for n in layer.fields().names()}

        def attr(*keys):
            for key in keys:
                if key in names and feature[names[key]] not in (None, ""):
                    value = feature[names[key]]
                    return None if str(value) == "NULL" else value
            return None

        name = attr("name_th", "name", "ชื่อ")
        if name and not self.ui.muniName.text().strip():
            self.ui.muniName.setText(str(name))
        kind = normalize_muni_type(attr("muni_type", "muni_type_en", "type", "ประเภท"))
        if kind is not None:
            self.ui.muniType.setCurrentIndex(MUNI_TYPE_KEYS.index(kind))
        population = attr("population", "จำนวนประชากร")
        if population and self.ui.population.value() == 0:
            try:
                self.ui.population.setValue(int(population))
            except (TypeError, ValueError):
                pass

    def auto_map(self, layer_combos=None, overwrite: bool = True) -> Dict[str, str]:
        """Map the fields of the chosen layers from their headers (Thai or English aliases).

        ``layer_combos`` limits the mapping to those layer combos (default: trees, plots, green
        space). With ``overwrite`` every role of a remapped layer is reset (detected or empty);
        otherwise only empty combos are filled. Returns ``{field combo: header}`` of what was set.
        """
        ui = self.ui
        mapped = {}
        for layer_combo in layer_combos or ("treesLayer", "plotsLayer", "greenLayer"):
            layer = getattr(ui, layer_combo).currentLayer()
            if not isinstance(layer, QgsVectorLayer):
                continue
            found = auto_map_fields(layer.fields().names())
            for combo, (owner, _roles) in FIELD_ROLES.items():
                if owner != layer_combo:
                    continue
                widget = getattr(ui, combo)
                if widget.currentField() and not overwrite:
                    continue
                widget.setField(found.get(combo, ""))
                if combo in found:
                    mapped[combo] = found[combo]
        if "dbhField" in mapped:
            self._on_dbh_field_changed(mapped["dbhField"])
        return mapped

    def _on_dbh_field_changed(self, name: str) -> None:
        layer = self.ui.treesLayer.currentLayer()
        if self._restoring or not name or not isinstance(layer, QgsVectorLayer):
            return
        unit = dbh_unit_for(name, layer.fields().names())
        self.ui.dbhUnit.setCurrentIndex(DBH_UNITS.index(unit))

    # -- settings (per project) ------------------------------------------------------------------
    def _settings(self) -> Dict[str, object]:
        ui = self.ui
        values: Dict[str, object] = {}
        for name in LAYER_COMBOS:
            layer = getattr(ui, name).currentLayer()
            values[name] = layer.id() if layer is not None else ""
        for name in FIELD_ROLES:
            values[name] = getattr(ui, name).currentField()
        values["dbhUnit"] = DBH_UNITS[max(ui.dbhUnit.currentIndex(), 0)]
        values["method"] = METHODS[max(ui.methodCombo.currentIndex(), 0)]
        values["muniName"] = ui.muniName.text()
        values["muniType"] = ui.muniType.currentIndex()
        values["population"] = ui.population.value()
        values["yearBe"] = ui.yearBe.value()
        values["language"] = LANGUAGES[max(ui.reportLanguage.currentIndex(), 0)]
        values["outputFolder"] = ui.outputFolder.filePath()
        return values

    def save_settings(self, *_args) -> None:
        if self._restoring or self._quiet:
            return
        for key, value in self._settings().items():
            if isinstance(value, int):
                self.project.writeEntry(SCOPE, key, int(value))
            else:
                self.project.writeEntry(SCOPE, key, str(value))

    def restore_settings(self) -> None:
        """Read the dock's settings from the project (missing entries keep the widget value)."""
        ui, project = self.ui, self.project

        def text(key):
            value, ok = project.readEntry(SCOPE, key, "")
            return value if ok else None

        def number(key, default):
            value, ok = project.readNumEntry(SCOPE, key, default)
            return value if ok else None

        self._restoring = True
        try:
            for name in LAYER_COMBOS:
                layer_id = text(name)
                if layer_id is None:
                    continue
                layer = project.mapLayer(layer_id) if layer_id else None
                getattr(ui, name).setLayer(layer)
            self._sync_layers()
            for name in FIELD_ROLES:
                value = text(name)
                if value is not None:
                    getattr(ui, name).setField(value)
            unit = text("dbhUnit")
            if unit in DBH_UNITS:
                ui.dbhUnit.setCurrentIndex(DBH_UNITS.index(unit))
            method = text("method")
            if method in METHODS:
                ui.methodCombo.setCurrentIndex(METHODS.index(method))
            if text("muniName") is not None:
                ui.muniName.setText(text("muniName"))
            for key, widget in (("muniType", ui.muniType),):
                value = number(key, widget.currentIndex())
                if value is not None:
                    widget.setCurrentIndex(value)
            for key, widget in (("population", ui.population), ("yearBe", ui.yearBe)):
                value = number(key, widget.value())
                if value is not None:
                    widget.setValue(value)
            language = text("language")
            if language in LANGUAGES:
                ui.reportLanguage.setCurrentIndex(LANGUAGES.index(language))
            folder = text("outputFolder")
            if folder is not None:
                ui.outputFolder.setFilePath(folder)
        finally:
            self._restoring = False
        if not project.readEntry(SCOPE, "dbhField", "")[1]:
            self.auto_map(overwrite=False)  # nothing stored yet: detect from the headers

    def _on_project_read(self, *_args) -> None:
        self.restore_settings()

    # -- run -------------------------------------------------------------------------------------
    def config(self) -> Optional[WorkflowConfig]:
        """The workflow configuration, or ``None`` (with a message) when something is missing."""
        ui = self.ui
        values = self._settings()
        missing = []
        for name, label in (
            ("greenLayer", tr("green space layer")),
            ("plotsLayer", tr("plot layer")),
            ("treesLayer", tr("tree layer")),
        ):
            if not values[name]:
                missing.append(label)
        if not values["dbhField"]:
            missing.append(tr("DBH or girth field"))
        if not values["outputFolder"]:
            missing.append(tr("output folder"))
        if missing:
            self.ui.statusLabel.setText(
                tr("Please choose: {items}.").format(items=", ".join(missing))
            )
            return None
        return WorkflowConfig(
            green=values["greenLayer"],
            plots=values["plotsLayer"],
            trees=values["treesLayer"],
            trees2=values["trees2Layer"] or None,
            boundary=values["boundaryLayer"] or None,
            output_dir=values["outputFolder"],
            species_field=values["speciesField"] or None,
            dbh_field=values["dbhField"],
            dbh_unit=values["dbhUnit"],
            height_field=values["heightField"] or None,
            tree_plot_field=values["treePlotField"] or None,
            stems_field=values["stemsField"] or None,
            plot_id_field=values["plotIdField"] or None,
            plot_stratum_field=values["plotStratumField"] or None,
            plot_area_field=values["plotAreaField"] or None,
            fraction_field=values["fractionField"] or None,
            date1_field=values["date1Field"] or None,
            date2_field=values["date2Field"] or None,
            green_stratum_field=values["greenStratumField"] or None,
            method=values["method"],
            muni_name=ui.muniName.text().strip(),
            muni_type=ui.muniType.currentIndex(),
            population=ui.population.value(),
            year_be=ui.yearBe.value(),
            language=values["language"],
        )

    def run(self) -> bool:
        if self.runner.is_running():
            return False
        cfg = self.config()
        if cfg is None:
            return False
        self.save_settings()
        self._set_running(True)
        self.ui.progressBar.setValue(0)
        self.ui.totalLabel.setText(tr("Running…"))
        started = self.runner.start(build_steps(cfg), cfg.output_dir)
        if not started:
            self._set_running(False)
        return started

    def cancel(self) -> None:
        self.runner.cancel()

    def _set_running(self, running: bool) -> None:
        ui = self.ui
        ui.runButton.setEnabled(not running)
        ui.cancelButton.setEnabled(running)
        for group in (ui.layersGroup, ui.treeFieldsGroup, ui.plotFieldsGroup, ui.methodGroup):
            group.setEnabled(not running)

    def _on_step_started(self, index: int, count: int, label: str) -> None:
        self.ui.statusLabel.setText(
            tr("Step {i} of {n}: {step}…").format(i=index + 1, n=count, step=label)
        )

    def _on_finished(self, result: RunResult) -> None:
        self._set_running(False)
        self._last = result
        if not result.ok:
            self.ui.progressBar.setValue(0)
            self.ui.totalLabel.setText(result.message)
            return
        self.show_results(result)

    # -- results ---------------------------------------------------------------------------------
    def show_results(self, result: RunResult) -> None:
        est = result.results.get("estimate", {})
        chg = result.results.get("change", {})
        report = result.results.get("report", {})

        def num(value):
            try:
                return float(value)
            except (TypeError, ValueError):
                return None

        total = num(est.get("TOTAL_TCO2E"))
        low, high = num(est.get("TOTAL_TCO2E_CI95_LOW")), num(est.get("TOTAL_TCO2E_CI95_HIGH"))
        lines = []
        if total is not None:
            lines.append(tr("Carbon stock: <b>{total:,.0f} tCO2e</b>").format(total=total))
            if low is not None and high is not None:
                lines.append(
                    tr("95 % interval: {low:,.0f} – {high:,.0f} tCO2e").format(low=low, high=high)
                )
        annual = num(chg.get("ANNUAL_TCO2E_YR"))
        if annual is not None:
            lines.append(tr("Annual sequestration: {v:,.1f} tCO2e/yr").format(v=annual))
        lines.append(tr("Results in {folder}").format(folder=result.output_dir))
        self.ui.totalLabel.setText("<br>".join(lines))
        self._report_path = str(report.get("OUTPUT_PDF") or report.get("OUTPUT_HTML") or "")
        self.ui.openReportButton.setEnabled(
            bool(self._report_path) and Path(self._report_path).exists()
        )
        self.ui.openFolderButton.setEnabled(True)
        self.draw_chart(self.carbon_by_stratum(result))
        self._load_map(est.get("OUTPUT"))

    def carbon_by_stratum(self, result: RunResult) -> Dict[str, float]:
        """tCO2e per stratum from the estimate's stratum table (or the map polygons)."""
        est = result.results.get("estimate", {})
        out: Dict[str, float] = {}
        for key in ("OUTPUT_STRATA", "OUTPUT"):
            path = est.get(key)
            if not path or not Path(str(path).split("|")[0]).exists():
                continue
            layer = QgsVectorLayer(str(path), "strata", "ogr")
            names = [n.lower() for n in layer.fields().names()]
            stratum = next((n for n in ("stratum", "class_code") if n in names), None)
            value = next((n for n in ("total_tco2e", "co2e_t") if n in names), None)
            row_type = "row_type" if "row_type" in names else None
            if not layer.isValid() or stratum is None or value is None:
                continue
            real = {n.lower(): n for n in layer.fields().names()}
            for feature in layer.getFeatures():
                label = str(feature[real[stratum]])
                if label.upper() == "ALL" or (
                    row_type and str(feature[real[row_type]]).lower() == "total"
                ):
                    continue
                try:
                    amount = float(feature[real[value]])
                except (TypeError, ValueError):
                    continue
                out[label] = out.get(label, 0.0) + amount
            if out:
                break
        return out

    def draw_chart(self, values: Dict[str, float]) -> None:
        """Bar chart of carbon by stratum (matplotlib in the dock)."""
        container = self.ui.chartContainer
        if self._canvas is not None:
            container.layout().removeWidget(self._canvas)
            self._canvas.deleteLater()
            self._canvas = None
        if not values:
            return
        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        figure = Figure(figsize=(3.6, 2.2), dpi=90, tight_layout=True)
        axes = figure.add_subplot(111)
        labels = list(values)
        data = [values[k] / 1000.0 for k in labels]
        axes.barh(labels, data, color="#1b7837")
        axes.invert_yaxis()
        axes.set_xlabel(tr("Carbon stock (thousand tCO2e)"))
        axes.set_title(tr("Carbon by stratum"), fontsize=9)
        axes.tick_params(labelsize=8)
        self._canvas = FigureCanvasQTAgg(figure)
        self._canvas.setObjectName("CarbonPoolChart")
        container.layout().addWidget(self._canvas)

    def _load_map(self, path) -> None:
        """Add the carbon-stock map to the project (main thread, after the run)."""
        if not path or not Path(str(path).split("|")[0]).exists():
            return
        layer = QgsVectorLayer(str(path), tr("Carbon stock (tCO2e)"), "ogr")
        if not layer.isValid():
            return
        from ..paths import STYLES_DIR

        for name in ("carbon_density.qml", "carbon_stock.qml", "stock_map.qml"):
            qml = STYLES_DIR / name
            if qml.exists():
                layer.loadNamedStyle(str(qml))
                break
        self.project.addMapLayer(layer)

    def open_report(self) -> None:
        if self._report_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._report_path))

    def open_folder(self) -> None:
        if self._last is not None and self._last.output_dir:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._last.output_dir))
