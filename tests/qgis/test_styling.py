"""Every output layer issue 5 wants styled gets a post-processor when it is loaded on completion,
and applying it loads the bundled QML (renderer type as expected)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .layer_factory import RecordingFeedback, memory_layer, trees_layer
from .test_stock_change import T1, T2
from .test_stock_change import _plots as change_plots
from .test_stock_change import _strata as change_strata
from .test_stratified_estimate import _plots as estimate_plots
from .test_stratified_estimate import _strata as estimate_strata

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
IMAGE = str(SAMPLE / "sample_image.tif")
GPKG = str(SAMPLE / "sample_municipality.gpkg")


def _loaded(path):
    return QgsProcessingOutputLayerDefinition(str(path), QgsProject.instance())


def _tree_points():
    fields = [("plot", "s"), ("species", "s"), ("dbh", "s"), ("h", "d")]
    rows = [
        ("POINT(640000 1580000)", ["P1", "Tectona grandis", "30", 20.0]),
        ("POINT(640001 1580000)", ["P1", "x", "", None]),  # flagged: no DBH
    ]
    return memory_layer("Point", fields, rows, name="trees")


def _treebiomass(tmp_path, sample_epochs):
    params = {
        "INPUT": _tree_points(),
        "SPECIES_FIELD": "species",
        "DBH_FIELD": "dbh",
        "DBH_UNIT": 0,
        "HEIGHT_FIELD": "h",
        "METHOD": 0,
        "OUTPUT": _loaded(tmp_path / "trees.gpkg"),
    }
    return "carbonpool:treebiomass", params, "OUTPUT"


def _plotcarbon(tmp_path, sample_epochs):
    params = {
        "TREES": sample_epochs["2568"]["trees"],
        "PLOTS": GPKG + "|layername=plots",
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "DATE_FIELD": "date_1",
        "STATUS_FIELD": "status",
        "OUTPUT": _loaded(tmp_path / "plots.gpkg"),
    }
    return "carbonpool:plotcarbon", params, "OUTPUT"


def _stratifiedestimate(tmp_path, sample_epochs):
    params = {
        "PLOTS": estimate_plots(),
        "STRATA": estimate_strata(),
        "STRATUM_FIELD": "class_code",
        "OUTPUT": _loaded(tmp_path / "map.gpkg"),
        "OUTPUT_STRATA": str(tmp_path / "strata.gpkg"),
    }
    return "carbonpool:stratifiedestimate", params, "OUTPUT"


def _stockchange(tmp_path, sample_epochs):
    params = {
        "TREES_T1": trees_layer(T1, "t1"),
        "TREES_T2": trees_layer(T2, "t2"),
        "PLOTS": change_plots(),
        "PLOT_AREA_FIELD": "area_m2",
        "PLOT_STATUS_FIELD": "status",
        "DATE1_FIELD": "date_1",
        "DATE2_FIELD": "date_2",
        "STRATA": change_strata(),
        "STRATUM_FIELD": "class_code",
        "OUTPUT_TREES": str(tmp_path / "trees.csv"),
        "OUTPUT_PLOTS": str(tmp_path / "plots.gpkg"),
        "OUTPUT_STRATA": str(tmp_path / "strata.gpkg"),
        "OUTPUT_MAP": _loaded(tmp_path / "map.gpkg"),
    }
    return "carbonpool:stockchange", params, "OUTPUT_MAP"


def _classifygreenspace(tmp_path, sample_epochs):
    params = {
        "INPUT": IMAGE,
        "PRESET": 0,
        "TRAINING": GPKG + "|layername=training",
        "CLASS_FIELD": "lc_code",
        "CLASS_NAME_FIELD": "lc_name",
        "CLASSIFIER": 1,
        "SEED": 7,
        "OUTPUT": _loaded(tmp_path / "classes.tif"),
        "OUTPUT_MODEL": str(tmp_path / "model.json"),
        "OUTPUT_AREAS": str(tmp_path / "areas.gpkg"),
    }
    return "carbonpool:classifygreenspace", params, "OUTPUT"


@pytest.mark.parametrize(
    "make, renderer",
    [
        (_treebiomass, "categorizedSymbol"),
        (_plotcarbon, "RuleRenderer"),
        (_stratifiedestimate, "graduatedSymbol"),
        (_stockchange, "graduatedSymbol"),
        (_classifygreenspace, "paletted"),
    ],
    ids=["treebiomass", "plotcarbon", "stratifiedestimate", "stockchange", "classifygreenspace"],
)
def test_output_styled_on_load(processing, sample_epochs, tmp_path, make, renderer):
    alg_id, params, key = make(tmp_path, sample_epochs)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(alg_id, params, context=context)
    dest = result[key]
    assert context.willLoadLayerOnCompletion(dest)
    processor = context.layerToLoadOnCompletionDetails(dest).postProcessor()
    assert processor is not None
    if renderer == "paletted":
        layer = QgsRasterLayer(dest, "out", "gdal")
    else:
        layer = QgsVectorLayer(dest, "out", "ogr")
    assert layer.isValid()
    feedback = RecordingFeedback()
    processor.postProcessLayer(layer, context, feedback)
    assert layer.renderer().type() == renderer
