"""Vector outputs are complete or absent (issue 11): written under a temporary name, then moved.

For every algorithm with vector outputs, the target paths already hold a *previous* output (a
recognisable byte pattern) before the run:

- a run that fails right after its last vector sink was created (earlier outputs completely
  written aside) leaves every previous file byte-identical and no ``.carbonpool-*`` folder;
- a run cancelled right after its first vector sink was created does the same when the algorithm
  notices the cancel (and returns no results); otherwise its outputs are complete;
- a successful run replaces the previous files with complete outputs at the final paths, returns
  the final paths and leaves no temporary folder;
- QGIS's load-on-completion entries are keyed by the final paths;
- a shapefile output arrives with all its sidecars; an ``ogr:`` table added to an existing
  GeoPackage never deletes that file.

The failure and the cancel are injected by wrapping ``AtomicOutputs.sink`` (counting the sinks
that were really redirected to a temporary folder, so each test proves it exercised the path).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)

from carbon_pool_plugin.atomic_outputs import TEMP_PREFIX, AtomicOutputs

from . import corpus as C
from .runners import CapturingFeedback, _biomass
from .test_cancel import (  # noqa: F401  (sample_inputs is a pytest fixture)
    GPKG,
    SAMPLE,
    SAMPLE_PARAMS,
    _case_accuracy_assess,
    _case_accuracy_sample,
    _case_carbonraster,
    _case_classifygreenspace,
    _case_designplots,
    _case_greenspacepolygons,
    _case_plotcarbon,
    _case_samplesize,
    _case_stockchange,
    sample_inputs,
)

PREVIOUS = b"previous complete output, must survive a failed run\n" * 32


def _case_stratified_generic(s, out):
    # a feature limit sends the polygons through QGIS (the generic sink, not the GDAL copy)
    strata = QgsProcessingFeatureSourceDefinition(s["green_space"], False, 1_000_000)
    return {
        "PLOTS": s["plot_carbon"],
        "DENSITY_FIELD": "carbon_t_ha",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATA": strata,
        "STRATUM_FIELD": "class_code",
        "OUTPUT": str(out / "carbon_map.gpkg"),
        "OUTPUT_STRATA": str(out / "strata.csv"),
    }


def _case_stratified_fast(s, out):
    return dict(_case_stratified_generic(s, out), STRATA=s["green_space"])


def _case_uncertainty(s, out):
    return {
        "TREES": s["world_trees"],
        "TREE_PLOT_FIELD": "plot",
        "PLOTS": s["world"]["plots"],
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATA": s["world"]["strata"],
        "STRATUM_FIELD": "class_code",
        "ITERATIONS": 50,
        "SEED": 3,
        "OUTPUT_SUMMARY": str(out / "summary.gpkg"),
        "OUTPUT_BUDGET": str(out / "budget.csv"),
    }


def _case_treebiomass_fast(s, out):
    """A single-layer GeoPackage input: the GDAL copy path writes the output."""
    from osgeo import gdal

    source = out.parent / "trees_input.gpkg"
    if not source.exists():
        gdal.VectorTranslate(str(source), str(SAMPLE / "trees_2568.csv"), format="GPKG")
    return dict(SAMPLE_PARAMS, INPUT=str(source), OUTPUT=str(out / "trees.gpkg"))


def _case_treebiomass_generic(s, out):
    """The CSV input is read through QGIS and written through the generic sink."""
    return dict(SAMPLE_PARAMS, INPUT=str(SAMPLE / "trees_2568.csv"), OUTPUT=str(out / "trees.csv"))


# case: (algorithm, parameters, vector output keys (pre-filled), notices a cancel after its
# first sink). File outputs that are not vector sinks (rasters, field sheet, GPX, model JSON)
# are not pre-filled: they have their own complete-or-absent writers.
CASES = {
    "treebiomass-gdal-copy": ("treebiomass", _case_treebiomass_fast, ["OUTPUT"], True),
    "treebiomass-generic": ("treebiomass", _case_treebiomass_generic, ["OUTPUT"], True),
    "plotcarbon": ("plotcarbon", _case_plotcarbon, ["OUTPUT"], True),
    "stockchange": (
        "stockchange",
        _case_stockchange,
        ["OUTPUT_TREES", "OUTPUT_PLOTS", "OUTPUT_STRATA", "OUTPUT_MAP"],
        True,
    ),
    "stratifiedestimate": (
        "stratifiedestimate",
        _case_stratified_generic,
        ["OUTPUT", "OUTPUT_STRATA"],
        True,
    ),
    "greenspacepolygons": ("greenspacepolygons", _case_greenspacepolygons, ["OUTPUT"], True),
    "samplesize": ("samplesize", _case_samplesize, ["OUTPUT"], False),
    "designplots": ("designplots", _case_designplots, ["OUTPUT_CENTRES", "OUTPUT_PLOTS"], False),
    "uncertainty": ("uncertainty", _case_uncertainty, ["OUTPUT_SUMMARY", "OUTPUT_BUDGET"], False),
    "accuracy-sample": ("accuracyassessment", _case_accuracy_sample, ["OUTPUT_POINTS"], False),
    "accuracy-assess": (
        "accuracyassessment",
        _case_accuracy_assess,
        ["OUTPUT_MATRIX", "OUTPUT_CLASSES"],
        False,
    ),
    "classifygreenspace": ("classifygreenspace", _case_classifygreenspace, ["OUTPUT_AREAS"], False),
    "carbonraster": ("carbonraster", _case_carbonraster, ["OUTPUT_TABLE"], False),
}


@pytest.fixture(scope="module")
def inputs(processing, sample_inputs, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("atomic_world")
    world = C.base_world(folder / "w")
    trees = _biomass(processing, world, folder, "trees", CapturingFeedback())
    return dict(sample_inputs, world=world, world_trees=trees)


def _prefill(params: dict, keys) -> dict:
    """Write the previous output at every vector target; ``{path: bytes}``."""
    previous = {}
    for key in keys:
        path = Path(params[key])
        path.write_bytes(PREVIOUS)
        previous[path] = PREVIOUS
    return previous


def _temp_folders(folder: Path) -> list:
    return sorted(str(p) for p in folder.rglob(TEMP_PREFIX + "*"))


def _redirected(monkeypatch, after=None):
    """Wrap ``AtomicOutputs.sink``: record every sink written aside; ``after(n, key)`` runs
    once the n-th such sink (that of output ``key``) exists (to fail or cancel there)."""
    made = []
    real = AtomicOutputs.sink

    def sink(self, key, *args, **kwargs):
        result = real(self, key, *args, **kwargs)
        if result[0] is not None and self.temp_path(result[1]):
            made.append(key)
            if after is not None:
                after(len(made), key)
        return result

    monkeypatch.setattr(AtomicOutputs, "sink", sink)
    return made


def _is_dataset(path: Path) -> bool:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    return layer.isValid()


@pytest.mark.parametrize("case", sorted(CASES))
def test_failed_run_keeps_previous_outputs(processing, inputs, tmp_path, monkeypatch, case):
    alg, build, keys, _notices = CASES[case]
    out = tmp_path / "out"
    out.mkdir()
    params = build(inputs, out)
    previous = _prefill(params, keys)

    def fail(n, key):
        if n == len(keys):  # the last vector output: every earlier one is complete, aside
            raise RuntimeError("injected failure")

    made = _redirected(monkeypatch, fail)
    with pytest.raises(QgsProcessingException):
        processing.run("carbonpool:" + alg, params, feedback=CapturingFeedback())
    assert len(made) == len(keys), "the outputs were not written aside"
    for path, data in previous.items():
        assert path.read_bytes() == data, f"{path.name} changed by a failed run"
    assert _temp_folders(tmp_path) == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_cancelled_run_keeps_previous_outputs(processing, inputs, tmp_path, monkeypatch, case):
    alg, build, keys, notices = CASES[case]
    out = tmp_path / "out"
    out.mkdir()
    params = build(inputs, out)
    previous = _prefill(params, keys)
    feedback = CapturingFeedback()
    made = _redirected(monkeypatch, lambda n, key: n == 1 and feedback.cancel())
    try:
        result = processing.run("carbonpool:" + alg, params, feedback=feedback)
    except QgsProcessingException:
        result = None
    assert made, "no output was written aside"
    assert _temp_folders(tmp_path) == []
    if notices:
        assert not result, "the cancel was not noticed"
    if not result:
        for path, data in previous.items():
            assert path.read_bytes() == data, f"{path.name} changed by a cancelled run"
    else:  # finished before it looked at the cancel: complete outputs
        assert all(_is_dataset(path) for path in previous)


@pytest.mark.parametrize("case", sorted(CASES))
def test_successful_run_moves_outputs_into_place(processing, inputs, tmp_path, monkeypatch, case):
    alg, build, keys, _notices = CASES[case]
    out = tmp_path / "out"
    out.mkdir()
    params = build(inputs, out)
    previous = _prefill(params, keys)
    made = _redirected(monkeypatch)
    result = processing.run("carbonpool:" + alg, params, feedback=CapturingFeedback())
    assert sorted(made) == sorted(keys)
    for key in keys:
        assert result[key].split("|")[0] == params[key]  # the final path, not a temporary one
    for path in previous:
        assert path.read_bytes() != PREVIOUS and _is_dataset(path)
    assert _temp_folders(tmp_path) == []


def test_failed_run_keeps_previous_map_gdal_fast_path(processing, inputs, tmp_path, monkeypatch):
    from carbon_pool_plugin import qgis_io

    copies = []
    start = qgis_io.GpkgCopyWriter.start
    monkeypatch.setattr(
        qgis_io.GpkgCopyWriter, "start", lambda self: (copies.append(1), start(self))[1]
    )
    out = tmp_path / "out"
    out.mkdir()
    params = _case_stratified_fast(inputs, out)
    previous = _prefill(params, ["OUTPUT", "OUTPUT_STRATA"])

    def fail(n, key):
        if key == "OUTPUT_STRATA":  # the last sink: the map is complete (aside) by then
            raise RuntimeError("injected failure")

    _redirected(monkeypatch, fail)
    with pytest.raises(QgsProcessingException):
        processing.run("carbonpool:stratifiedestimate", params, feedback=CapturingFeedback())
    assert copies, "the GDAL fast path was not taken"
    assert _temp_folders(tmp_path) == []
    for path, data in previous.items():
        assert path.read_bytes() == data, f"{path.name} changed by a failed run"


def test_load_on_completion_keyed_by_final_paths(processing, inputs, tmp_path):
    """Outputs loaded into the project: QGIS loads (and styles) the final files."""
    out = tmp_path / "out"
    params = _case_stockchange(inputs, out)  # the folder does not exist yet: created
    names = {}
    for key in ("OUTPUT_PLOTS", "OUTPUT_MAP", "OUTPUT_STRATA"):
        definition = QgsProcessingOutputLayerDefinition(params[key], QgsProject.instance())
        definition.destinationName = "layer " + key
        names[key] = definition.destinationName
        params[key] = definition
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run("carbonpool:stockchange", params, context=context)
    loads = context.layersToLoadOnCompletion()
    assert sorted(loads) == sorted(result[key] for key in names)
    for key, name in names.items():
        dest = result[key]
        assert TEMP_PREFIX not in dest and Path(dest.split("|")[0]).parent == out
        assert Path(dest.split("|")[0]).is_file()
        details = loads[dest]
        assert details.name == name and details.outputName == key
        assert QgsVectorLayer(dest, "x", "ogr").isValid()
    # the sequestration map is styled on load, by its final id
    assert context.layerToLoadOnCompletionDetails(result["OUTPUT_MAP"]).postProcessor()
    assert _temp_folders(tmp_path) == []


def test_shapefile_output_with_sidecars(processing, inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = ["plot_carbon." + ext for ext in ("shp", "dbf", "shx", "prj", "cpg", "qix")]
    for name in stale:
        (out / name).write_bytes(PREVIOUS)
    params = dict(_case_plotcarbon(inputs, out), OUTPUT=str(out / "plot_carbon.shp"))
    result = processing.run("carbonpool:plotcarbon", params)
    assert result["OUTPUT"].split("|")[0] == str(out / "plot_carbon.shp")
    names = {p.name for p in out.iterdir()}
    assert {"plot_carbon." + ext for ext in ("shp", "dbf", "shx", "prj")} <= names
    assert names <= set(stale)  # nothing else (no temporary folder)
    # an old spatial index or encoding file would be read with the new data: replaced or gone
    assert all((out / name).read_bytes() != PREVIOUS for name in names)
    assert "plot_carbon.qix" not in names
    layer = QgsVectorLayer(result["OUTPUT"], "plots", "ogr")
    assert layer.isValid() and layer.featureCount() == result["N_PLOTS"] > 0
    assert layer.crs().isValid()


@pytest.mark.parametrize("fail", [False, True], ids=["success", "failure"])
def test_ogr_table_in_existing_geopackage(processing, inputs, tmp_path, monkeypatch, fail):
    """``ogr:`` names a table to add to an existing file: written in place, never deleted."""
    from osgeo import gdal

    existing = tmp_path / "project.gpkg"
    gdal.VectorTranslate(str(existing), GPKG, layers=["boundary"], format="GPKG")
    uri = "ogr:dbname='{}' table=\"plot_carbon\" (geom)".format(existing)
    params = dict(_case_plotcarbon(inputs, tmp_path), OUTPUT=uri)
    if fail:
        real = AtomicOutputs.sink

        def sink(self, key, *args, **kwargs):
            _kept = real(self, key, *args, **kwargs)  # the sink stays open in the traceback
            raise RuntimeError("injected failure")

        monkeypatch.setattr(AtomicOutputs, "sink", sink)
        with pytest.raises(QgsProcessingException):
            processing.run("carbonpool:plotcarbon", params)
    else:
        result = processing.run("carbonpool:plotcarbon", params)
        assert result["OUTPUT"] == "{}|layername=plot_carbon".format(existing)
        assert QgsVectorLayer(result["OUTPUT"], "x", "ogr").featureCount() > 0
    assert existing.is_file()
    assert QgsVectorLayer(f"{existing}|layername=boundary", "b", "ogr").featureCount() > 0
    assert _temp_folders(tmp_path) == []


def test_temporary_output_is_a_memory_layer(processing, inputs, tmp_path):
    params = dict(_case_samplesize(inputs, tmp_path), OUTPUT="TEMPORARY_OUTPUT")
    context = QgsProcessingContext()
    result = processing.run("carbonpool:samplesize", params, context=context)
    layer = result["OUTPUT"]  # processing.run hands back the memory layer itself
    assert isinstance(layer, QgsVectorLayer) and layer.featureCount() > 0
    assert layer.providerType() == "memory"
    assert list(tmp_path.iterdir()) == []
