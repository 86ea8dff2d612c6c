"""The Carbon Pool dock: field auto-mapping, the workflow as background tasks, cancel, settings.

Also runs the shipped yearly-workflow model headless.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsProject, QgsVectorLayer

from carbon_pool_plugin.ui.dock import auto_map_fields, dbh_unit_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
GPKG = SAMPLE / "sample_municipality.gpkg"
MODEL = ROOT / "carbon_pool_plugin" / "models" / "carbon_pool_yearly.model3"


@pytest.mark.parametrize(
    "headers, expected, unit",
    [
        (
            ["ชนิดไม้", "เส้นรอบวง", "ความสูง"],
            {"speciesField": "ชนิดไม้", "dbhField": "เส้นรอบวง", "heightField": "ความสูง"},
            "girth_cm",
        ),
        (
            ["รหัสแปลง", "เลขป้าย", "ชื่อพื้นเมือง", "ชื่อวิทยาศาสตร์", "เส้นรอบวง_ซม", "ความสูง_ม", "ลำต้น"],
            {
                "speciesField": "ชื่อวิทยาศาสตร์",
                "dbhField": "เส้นรอบวง_ซม",
                "heightField": "ความสูง_ม",
                "treePlotField": "รหัสแปลง",
                "plotIdField": "รหัสแปลง",
                "stemsField": "ลำต้น",
            },
            "girth_cm",
        ),
        (
            ["Plot_ID", "Species", "DBH", "Height"],
            {
                "speciesField": "Species",
                "dbhField": "DBH",
                "heightField": "Height",
                "treePlotField": "Plot_ID",
                "plotIdField": "Plot_ID",
            },
            "cm",
        ),
        (["species", "dbh_mm"], {"speciesField": "species"}, None),
        (["species", "girth_m"], {"speciesField": "species"}, "girth_m"),
    ],
)
def test_auto_mapping_thai_and_english(headers, expected, unit):
    mapped = auto_map_fields(headers)
    for key, value in expected.items():
        assert mapped[key] == value
    if unit:
        dbh = mapped.get("dbhField") or next(h for h in headers if h != "species")
        assert dbh_unit_for(dbh, headers) == unit
    else:
        assert dbh_unit_for("dbh_mm", headers) == "mm"


def _layers():
    project = QgsProject.instance()
    project.clear()
    layers = {
        "green": QgsVectorLayer(f"{GPKG}|layername=green_space", "green_space", "ogr"),
        "plots": QgsVectorLayer(f"{GPKG}|layername=plots", "plots", "ogr"),
        "boundary": QgsVectorLayer(f"{GPKG}|layername=boundary", "boundary", "ogr"),
        "trees": QgsVectorLayer(str(SAMPLE / "trees_2568.csv"), "trees_2568", "ogr"),
        "trees2": QgsVectorLayer(str(SAMPLE / "trees_2572.csv"), "trees_2572", "ogr"),
    }
    assert all(layer.isValid() for layer in layers.values())
    project.addMapLayers(list(layers.values()))
    return layers


@pytest.fixture()
def dock(plugin, qgis_app):
    from carbon_pool_plugin.ui.dock import CarbonPoolDock

    layers = _layers()
    widget = CarbonPoolDock()
    ui = widget.ui
    ui.greenLayer.setLayer(layers["green"])
    ui.plotsLayer.setLayer(layers["plots"])
    ui.treesLayer.setLayer(layers["trees"])
    ui.boundaryLayer.setLayer(layers["boundary"])
    widget.layers = layers
    yield widget
    if widget.runner.is_running():
        widget.cancel()
        _wait(widget, qgis_app, 60)
    widget.cleanup()
    widget.deleteLater()
    QgsProject.instance().clear()


def _wait(widget, qgis_app, timeout=300.0, until=None):
    """Process events until the run finishes (or ``until()`` is true); never block the loop."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        qgis_app.processEvents()
        if until is not None and until():
            return True
        if until is None and not widget.runner.is_running():
            return True
        time.sleep(0.01)
    return False


def test_dock_maps_sample_layers(dock):
    ui = dock.ui
    assert dock.objectName() == "CarbonPoolDock"
    assert ui.speciesField.currentField() == "ชื่อวิทยาศาสตร์"
    assert ui.dbhField.currentField() == "เส้นรอบวง_ซม"
    assert ui.dbhUnit.currentIndex() == 2  # girth in cm
    assert ui.heightField.currentField() == "ความสูง_ม"
    assert ui.treePlotField.currentField() == "รหัสแปลง"
    assert ui.plotIdField.currentField() == "plot_id"
    assert ui.plotStratumField.currentField() == "stratum"
    assert ui.greenStratumField.currentField() == "class_code"
    assert ui.date1Field.currentField() == "date_1"
    # municipality from the boundary's attributes
    assert ui.muniName.text() == "เทศบาลเมืองตัวอย่าง"
    assert ui.muniType.currentIndex() == 1
    assert ui.population.value() == 38500


def test_full_run_as_tasks(dock, qgis_app, tmp_path):
    out = tmp_path / "results"
    dock.ui.trees2Layer.setLayer(dock.layers["trees2"])
    dock.ui.reportLanguage.setCurrentIndex(1)
    dock.ui.outputFolder.setFilePath(str(out))
    results = []
    dock.runner.finished.connect(results.append)
    steps = []
    dock.runner.stepStarted.connect(lambda i, n, label: steps.append(label))
    assert dock.run()
    assert not dock.ui.runButton.isEnabled() and dock.ui.cancelButton.isEnabled()
    assert _wait(dock, qgis_app, 600)
    result = results[-1]
    assert result.ok, result.message
    assert len(steps) == 6  # biomass ×2, plot carbon, estimate, stock change, report
    names = sorted(p.name for p in out.iterdir())
    for expected in (
        "trees_biomass.gpkg",
        "trees_biomass_remeasured.gpkg",
        "plot_carbon.gpkg",
        "carbon_map.gpkg",
        "carbon_strata.csv",
        "sequestration_map.gpkg",
        "carbon_report.pdf",
        "carbon_report.html",
    ):
        assert expected in names
    assert dock.runner.run_dir() is None
    est = result.results["estimate"]
    assert est["OUTPUT"] == str(out / "carbon_map.gpkg")
    assert est["TOTAL_TCO2E_CI95_LOW"] < est["TOTAL_TCO2E"] < est["TOTAL_TCO2E_CI95_HIGH"]
    text = dock.ui.totalLabel.text()
    assert "{:,.0f}".format(est["TOTAL_TCO2E"]) in text
    assert "{:,.0f}".format(est["TOTAL_TCO2E_CI95_LOW"]) in text
    assert dock.ui.openReportButton.isEnabled()
    assert dock._canvas is not None  # chart of carbon by stratum
    by_stratum = dock.carbon_by_stratum(result)
    assert set(by_stratum) == {"park", "institutional", "street", "riparian", "residential"}
    assert sum(by_stratum.values()) == pytest.approx(est["TOTAL_TCO2E"], rel=1e-6)
    loaded = [layer.source() for layer in QgsProject.instance().mapLayers().values()]
    assert any(str(out / "carbon_map.gpkg") in s for s in loaded)
    assert dock.ui.runButton.isEnabled()


def test_cancel_leaves_no_partial_output(dock, qgis_app, tmp_path):
    out = tmp_path / "results"
    dock.ui.outputFolder.setFilePath(str(out))
    results = []
    dock.runner.finished.connect(results.append)
    assert dock.run()
    run_dir = dock.runner.run_dir()
    assert run_dir is not None and run_dir.exists()
    # cancel while the first task runs
    assert _wait(dock, qgis_app, 60, until=lambda: dock.runner.current_task() is not None)
    dock.cancel()
    assert _wait(dock, qgis_app, 120)
    assert results and not results[-1].ok
    assert not out.exists() or not any(out.iterdir())
    assert not run_dir.exists()
    assert dock.ui.runButton.isEnabled() and not dock.ui.cancelButton.isEnabled()
    assert QgsApplication.taskManager().countActiveTasks() == 0 or _wait(
        dock, qgis_app, 30, until=lambda: QgsApplication.taskManager().countActiveTasks() == 0
    )


def test_settings_round_trip_via_project(dock, tmp_path):
    from carbon_pool_plugin.ui.dock import CarbonPoolDock

    ui = dock.ui
    ui.trees2Layer.setLayer(dock.layers["trees2"])
    ui.heightField.setField("")
    ui.dbhUnit.setCurrentIndex(3)
    ui.methodCombo.setCurrentIndex(2)
    ui.muniName.setText("เทศบาลทดสอบ")
    ui.muniType.setCurrentIndex(2)
    ui.population.setValue(12345)
    ui.yearBe.setValue(2570)
    ui.reportLanguage.setCurrentIndex(1)
    ui.outputFolder.setFilePath(str(tmp_path / "x"))
    dock.save_settings()
    project_file = tmp_path / "p.qgz"
    project = QgsProject.instance()
    assert project.write(str(project_file))
    project.clear()
    assert project.read(str(project_file))  # readProject -> the dock restores itself
    assert ui.treesLayer.currentLayer().name() == "trees_2568"
    assert ui.trees2Layer.currentLayer().name() == "trees_2572"
    assert ui.heightField.currentField() == ""
    assert ui.dbhField.currentField() == "เส้นรอบวง_ซม"
    assert ui.dbhUnit.currentIndex() == 3
    assert ui.methodCombo.currentIndex() == 2
    assert ui.muniName.text() == "เทศบาลทดสอบ"
    assert ui.muniType.currentIndex() == 2
    assert ui.population.value() == 12345
    assert ui.yearBe.value() == 2570
    assert ui.reportLanguage.currentIndex() == 1
    assert ui.outputFolder.filePath() == str(tmp_path / "x")
    # a new dock on the loaded project reads the same settings
    other = CarbonPoolDock()
    try:
        assert other.ui.muniName.text() == "เทศบาลทดสอบ"
        assert other.ui.dbhUnit.currentIndex() == 3
        assert other.ui.trees2Layer.currentLayer().name() == "trees_2572"
    finally:
        other.cleanup()
        other.deleteLater()


def test_dock_toggle_in_plugin(plugin, qgis_iface):
    import carbon_pool_plugin

    instance = carbon_pool_plugin.classFactory(qgis_iface)
    instance.initGui()
    try:
        assert instance.dock_action is not None and instance.dock_action.isCheckable()
        instance.dock_action.setChecked(True)
        assert instance.dock is not None
        assert instance.dock.objectName() == "CarbonPoolDock"
    finally:
        instance.unload()
        plugin.initProcessing()
    assert instance.dock is None


def test_model_runs_headless(processing, tmp_path):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert [c.algorithmId() for c in model.childAlgorithms().values()]
    out = tmp_path / "model"
    out.mkdir()
    result = processing.run(
        model,
        {
            "trees": str(SAMPLE / "trees_2568.csv"),
            "species_field": "ชื่อวิทยาศาสตร์",
            "dbh_field": "เส้นรอบวง_ซม",
            "dbh_unit": 2,
            "height_field": "ความสูง_ม",
            "method": 0,
            "plots": f"{GPKG}|layername=plots",
            "green_space": f"{GPKG}|layername=green_space",
            "boundary": f"{GPKG}|layername=boundary",
            "year": 2568,
            "language": 1,
            "municipality_type": 1,
            "stratifiedestimate:carbon_map": str(out / "carbon_map.gpkg"),
            "stratifiedestimate:carbon_strata": str(out / "strata.csv"),
            "carbonreport:report_pdf": str(out / "report.pdf"),
            "carbonreport:report_html": str(out / "report.html"),
        },
    )
    for name in ("carbon_map.gpkg", "strata.csv", "report.pdf", "report.html"):
        assert (out / name).stat().st_size > 0
    layer = QgsVectorLayer(result["stratifiedestimate:carbon_map"], "m", "ogr")
    assert layer.featureCount() == 353
    children = result["CHILD_RESULTS"]
    assert children["stratifiedestimate"]["TOTAL_TCO2E"] > 0


def test_model_registered_by_provider(plugin):
    alg = QgsApplication.processingRegistry().algorithmById("carbonpool:carbon_pool_yearly")
    assert alg is not None
    assert alg.shortHelpString()
    names = {p.name() for p in alg.parameterDefinitions()}
    assert {"trees", "dbh_field", "plots", "green_space", "carbonreport:report_pdf"} <= names
