"""Drive a real QGIS desktop for ``make screenshots`` (run by ``qgis --code``; see screenshots.sh).

Environment: CARBONPOOL_SHOTS (output folder for PNGs), CARBONPOOL_SHOT_PREFIX (file name prefix,
e.g. "" or "th_"), CARBONPOOL_SHOT_RUN ("1": run the workflow before grabbing).

Opens the Carbon Pool dock (its settings come from the sample project), runs the workflow as
background tasks, waits for them with a timer (the event loop keeps running), zooms to the styled
carbon-stock map, waits for the canvas to render, grabs the main window and the dock with
``QWidget.grab()`` and quits QGIS. Anything unexpected is written to ``driver.log`` and QGIS quits.
"""

from __future__ import annotations

import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface, plugins

OUT = Path(os.environ.get("CARBONPOOL_SHOTS", "docs/screenshots"))
PREFIX = os.environ.get("CARBONPOOL_SHOT_PREFIX", "")
RUN = os.environ.get("CARBONPOOL_SHOT_RUN", "1") == "1"
TIMEOUT = float(os.environ.get("CARBONPOOL_SHOT_TIMEOUT", "600"))
LOG = Path(os.environ.get("CARBONPOOL_SHOT_LOG", str(OUT / "driver.log")))
_state = {"start": time.monotonic(), "timers": []}


def log(message: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with open(LOG, "a", encoding="utf-8") as handle:
        handle.write("{:7.1f}s {}{}\n".format(time.monotonic() - _state["start"], PREFIX, message))


def later(ms: int, func) -> None:
    timer = QTimer()
    timer.setSingleShot(True)

    def fire():
        try:
            func()
        except Exception:  # noqa: BLE001 — any failure must end QGIS, not hang it
            log("ERROR\n" + traceback.format_exc())
            quit_qgis(1)

    timer.timeout.connect(fire)
    timer.start(ms)
    _state["timers"].append(timer)


def quit_qgis(code: int = 0) -> None:
    log("quit ({})".format(code))
    QgsProject.instance().setDirty(False)
    (OUT / "{}done".format(PREFIX)).write_text(str(code), encoding="utf-8")
    os._exit(code)  # QGIS asks questions on a normal close; the PNGs are already written


def grab(widget, name: str) -> None:
    pixmap = widget.grab()
    path = OUT / "{}{}.png".format(PREFIX, name)
    ok = pixmap.save(str(path), "PNG")
    log("saved {} {}x{} ok={}".format(path, pixmap.width(), pixmap.height(), ok))


def wait_for_plugin() -> None:
    plugin = plugins.get("carbon_pool_plugin")
    if plugin is None or getattr(plugin, "dock_action", None) is None:
        if time.monotonic() - _state["start"] > 120:
            log("plugin not loaded: {}".format(sorted(plugins)))
            quit_qgis(2)
        later(500, wait_for_plugin)
        return
    from qgis.PyQt.QtCore import QSettings

    from carbon_pool_plugin import i18n

    log(
        "plugin loaded; locale {} override {}; plugin translator {}".format(
            QSettings().value("locale/userLocale"),
            QSettings().value("locale/overrideFlag"),
            i18n._translator is not None,
        )
    )
    window = iface.mainWindow()
    window.showMaximized()  # no window manager under Xvfb: size it to the screen explicitly
    window.setGeometry(QgsApplication.primaryScreen().availableGeometry())
    plugin.dock_action.setChecked(True)
    dock = plugin.dock
    dock.restore_settings()
    dock.setMinimumWidth(430)
    _state["dock"] = dock
    later(1500, start_run if RUN else finish)


def start_run() -> None:
    dock = _state["dock"]
    Path(dock.ui.outputFolder.filePath()).mkdir(parents=True, exist_ok=True)
    grab(iface.mainWindow(), "dock_before_run")
    if not dock.run():
        log("run did not start: " + dock.ui.statusLabel.text())
        quit_qgis(3)
    log("run started")
    _state["run_started"] = time.monotonic()
    later(1000, poll_run)


def poll_run() -> None:
    dock = _state["dock"]
    if dock.runner.is_running():
        if time.monotonic() - _state["run_started"] > TIMEOUT:
            log("timeout; cancelling")
            dock.cancel()
            quit_qgis(4)
        later(1000, poll_run)
        return
    log("run finished: " + dock.ui.statusLabel.text())
    log("results: " + dock.ui.totalLabel.text())
    # Show the results: fold the input groups, scroll the dock to the bottom.
    for group in (dock.ui.treeFieldsGroup, dock.ui.plotFieldsGroup, dock.ui.methodGroup):
        group.setCollapsed(True)
    bar = dock.ui.scrollArea.verticalScrollBar()
    later(300, lambda: bar.setValue(bar.maximum()))
    later(800, show_map)


def show_map() -> None:
    project = QgsProject.instance()
    carbon = [
        lyr
        for lyr in project.mapLayers().values()
        if lyr.source().split("|")[0].endswith("carbon_map.gpkg")
    ]
    canvas = iface.mapCanvas()
    if carbon:
        layer = carbon[0]
        root = project.layerTreeRoot()
        for name in ("green_space",):
            for node in root.findLayers():
                if node.layer() is not None and node.layer().name() == name:
                    node.setItemVisibilityChecked(False)
        node = root.findLayer(layer.id())
        if node is not None:
            node.setExpanded(True)  # show the density legend
        iface.setActiveLayer(layer)
        canvas.setExtent(layer.extent().buffered(layer.extent().width() * 0.03))
    canvas.refreshAllLayers()
    _state["rendered"] = False

    def rendered():
        _state["rendered"] = True

    canvas.mapCanvasRefreshed.connect(rendered)
    _state["wait_render"] = time.monotonic()
    later(1000, wait_render)


def wait_render() -> None:
    if not _state["rendered"] and time.monotonic() - _state["wait_render"] < 30:
        later(500, wait_render)
        return
    later(1500, finish)


def finish() -> None:
    QgsApplication.processEvents()
    grab(iface.mainWindow(), "main_window")
    dock = _state.get("dock")
    if dock is not None:
        grab(dock, "dock")
    grab(iface.mapCanvas(), "carbon_map")
    quit_qgis(0)


log("driver loaded (run={})".format(RUN))
later(1000, wait_for_plugin)
