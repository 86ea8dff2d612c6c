"""Outputs are complete or absent (issue 11): a cancelled run leaves no half-written output and
returns within a second of the cancel.

The feedback cancels itself from a ``setProgress`` hook at about 50 % (or at the first progress
report for the huge raster). Elapsed time is measured from the moment ``cancel()`` was called to the
return of ``processing.run``: < 1 s (generous; this is a behaviour check, not a benchmark).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from . import corpus as C
from .runners import CapturingFeedback

N_TREES = 60_000
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
SAMPLE_PARAMS = {
    "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
    "DBH_FIELD": "เส้นรอบวง_ซม",
    "DBH_UNIT": 2,
    "HEIGHT_FIELD": "ความสูง_ม",
    "PLOT_FIELD": "รหัสแปลง",
}


def _leftovers(folder: Path) -> list:
    """Files in ``folder`` (outputs, temporary partial files, sidecars)."""
    return sorted(p.name for p in folder.rglob("*") if p.is_file())


def _run_cancelled(processing, alg, params, feedback):
    from qgis.core import QgsProcessingException

    try:
        result = processing.run(alg, params, feedback=feedback)
    except QgsProcessingException:
        result = None  # a clean error is an acceptable way to stop
    end = time.perf_counter()
    assert feedback.cancel_time is not None, "the run never reached the cancel point"
    return result, end - feedback.cancel_time


@pytest.fixture(scope="module")
def big_world(tmp_path_factory):
    """The base world with a tree table of N_TREES rows (long enough to cancel mid-way)."""
    folder = tmp_path_factory.mktemp("big")
    world = C.base_world(folder)
    rows = [
        [
            f"P{i % 6 + 1}",
            str(i),
            C.BASE_TREES[i % 12][2],
            str(10 + i % 70),
            str(5 + i % 25),
            "alive",
            "",
        ]
        for i in range(N_TREES)
    ]
    world["trees"] = str(C.write_csv(folder / "big_trees.csv", C.TREE_HEADER, rows))
    # for the GDAL fast path: the bundled sample's layout (its column names do not clash with the
    # output columns, which would send treebiomass to the generic path), as a GeoPackage
    import csv

    from osgeo import gdal

    with open(SAMPLE / "trees_2568.csv", encoding="utf-8-sig", newline="") as fh:
        sample = list(csv.reader(fh))
    body = [sample[1 + i % (len(sample) - 1)] for i in range(N_TREES)]
    big_sample = C.write_csv(folder / "big_sample.csv", sample[0], body)
    gdal.VectorTranslate(str(folder / "big_sample.gpkg"), str(big_sample), format="GPKG")
    world["sample_gpkg"] = str(folder / "big_sample.gpkg")
    return world


@pytest.mark.parametrize("fast_io", [True, False], ids=["gdal-fast-path", "generic-path"])
def test_treebiomass_cancel(processing, big_world, tmp_path, fast_io, monkeypatch):
    from carbon_pool_plugin.algorithms.tree_biomass import TreeBiomassAlgorithm

    from .runners import tree_params

    monkeypatch.setattr(TreeBiomassAlgorithm, "FAST_IO", fast_io)
    out = tmp_path / "out"
    out.mkdir()
    feedback = CapturingFeedback(cancel_at=40)
    # a GeoPackage input: the GDAL fast path (copy in the background, then UPDATE) applies to it
    if fast_io:
        params = dict(SAMPLE_PARAMS, INPUT=big_world["sample_gpkg"], OUTPUT=str(out / "t.gpkg"))
    else:
        params = dict(tree_params(big_world), OUTPUT=str(out / "trees.gpkg"))
    from carbon_pool_plugin import qgis_io

    copies = []
    start = qgis_io.GpkgCopyWriter.start
    monkeypatch.setattr(
        qgis_io.GpkgCopyWriter, "start", lambda self: (copies.append(1), start(self))[1]
    )
    _result, elapsed = _run_cancelled(processing, "carbonpool:treebiomass", params, feedback)
    assert bool(copies) == fast_io, "the intended read/write path was not taken"
    assert elapsed < 1.0
    assert _leftovers(out) == [], "half-written output left behind"


def test_uncertainty_cancel(processing, tmp_path):
    from .runners import _biomass

    world = C.base_world(tmp_path / "w")
    trees = _biomass(processing, world, tmp_path / "w", "trees", CapturingFeedback())
    out = tmp_path / "out"
    out.mkdir()
    feedback = CapturingFeedback(cancel_at=50)
    params = {
        "TREES": trees,
        "TREE_PLOT_FIELD": "plot",
        "PLOTS": world["plots"],
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATA": world["strata"],
        "STRATUM_FIELD": "class_code",
        "ITERATIONS": 40_000,
        "CHUNK_SIZE": 500,
        "ERROR_BUDGET": False,
        "OUTPUT_SUMMARY": str(out / "summary.gpkg"),
        "OUTPUT_BUDGET": str(out / "budget.gpkg"),
    }
    _result, elapsed = _run_cancelled(processing, "carbonpool:uncertainty", params, feedback)
    assert elapsed < 1.0
    assert _leftovers(out) == [], "half-written output left behind"


def test_stratifiedestimate_cancel(processing, tmp_path):
    from .runners import run_stratifiedestimate

    world = C.base_world(tmp_path / "w")
    out = tmp_path / "out"
    out.mkdir()
    feedback = CapturingFeedback(cancel_at=50)
    from qgis.core import QgsProcessingException

    try:
        run_stratifiedestimate(processing, world, out, feedback)
    except QgsProcessingException:
        pass
    end = time.perf_counter()
    assert feedback.cancel_time is not None
    assert end - feedback.cancel_time < 1.0
    assert _leftovers(out) == []


@pytest.fixture(scope="module")
def huge(tmp_path_factory):
    return C.huge_vrt(tmp_path_factory.mktemp("huge"))


def test_huge_vrt_is_really_huge(huge):
    from osgeo import gdal

    ds = gdal.Open(huge)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (200_000, 200_000, 4)
    assert Path(huge).stat().st_size < 10_000


def test_window_fits_memory_budget_for_wide_rasters():
    """A window of a 200 000-pixel-wide raster must stay within the engine's memory budget."""
    from carbon_pool_plugin import raster_engine as engine

    xsize, arrays = 200_000, 10
    rows = engine.choose_block_rows(xsize, arrays)
    window_bytes = rows * xsize * arrays * 4 * 3  # the same estimate choose_block_rows uses
    assert window_bytes <= 160 * 1024 * 1024


@pytest.mark.parametrize("alg", ["vegetationindices"])
def test_huge_raster_blockwise_and_cancellable(processing, huge, tmp_path, alg, monkeypatch):
    """200 000 × 200 000 px (~320 GB of pixels): the run must start block by block (a first
    progress report arrives) and stop within a second of the cancel, leaving no output."""
    from carbon_pool_plugin import raster_engine as engine

    # the engine's own window sizes (no monkeypatch): its windows fit the memory budget
    info = engine.raster_info(engine.open_raster(huge))
    tiling = engine.plan_windows(info, 4 + 1 + 2)  # run_indices: 4 bands, 1 index, 2 temporaries
    assert tiling.rows * tiling.cols * 7 * 4 * 3 <= engine.BUDGET_MB * 1024 * 1024
    out = tmp_path / "out"
    out.mkdir()
    feedback = CapturingFeedback(cancel_at=0.0)
    params = {"INPUT": huge, "PRESET": 0, "INDICES": [0], "OUTPUT": str(out / "idx.tif")}
    started = time.perf_counter()
    result, elapsed = _run_cancelled(processing, "carbonpool:" + alg, params, feedback)
    assert feedback.cancel_time - started < 30, "no progress report: not block-wise"
    assert elapsed < 1.0
    assert _leftovers(out) == [], "partial raster left behind"


# --- every other algorithm, on the bundled sample municipality ----------------------------------
# (batchassessment has its own cancel test: tests/qgis/test_batch_assessment.py)
GPKG = str(SAMPLE / "sample_municipality.gpkg")
IMAGE = str(SAMPLE / "sample_image.tif")


@pytest.fixture(scope="module")
def sample_inputs(processing, sample_epochs, tmp_path_factory):
    """Finished upstream outputs of the sample chain (inputs of the algorithms cancelled below)."""
    folder = tmp_path_factory.mktemp("sample_inputs")
    layers = {name: f"{GPKG}|layername={name}" for name in ("green_space", "boundary", "plots")}
    est = processing.run(
        "carbonpool:stratifiedestimate",
        {
            "PLOTS": sample_epochs["2568"]["plots"],
            "DENSITY_FIELD": "carbon_t_ha",
            "PLOT_STRATUM_FIELD": "stratum",
            "STRATA": layers["green_space"],
            "STRATUM_FIELD": "class_code",
            "BOUNDARY": layers["boundary"],
            "OUTPUT": str(folder / "carbon_map.gpkg"),
            "OUTPUT_STRATA": str(folder / "strata.csv"),
        },
    )
    classes = str(folder / "classes.tif")
    processing.run(
        "carbonpool:classifygreenspace",
        {
            "INPUT": IMAGE,
            "PRESET": 0,
            "TRAINING": f"{GPKG}|layername=training",
            "CLASS_FIELD": "lc_code",
            "CLASSIFIER": 1,
            "SEED": 7,
            "OUTPUT": classes,
        },
    )
    centroids = processing.run(
        "native:centroids",
        {"INPUT": f"{GPKG}|layername=training", "OUTPUT": str(folder / "reference.gpkg")},
    )["OUTPUT"]
    return dict(
        layers,
        reference=centroids,
        trees1=sample_epochs["2568"]["trees"],
        trees2=sample_epochs["2572"]["trees"],
        plot_carbon=sample_epochs["2568"]["plots"],
        map=est["OUTPUT"],
        strata=est["OUTPUT_STRATA"],
        classes=classes,
        training=f"{GPKG}|layername=training",
    )


def _case_plotcarbon(s, out):
    return {
        "TREES": s["trees1"],
        "PLOTS": s["plots"],
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "DATE_FIELD": "date_1",
        "STATUS_FIELD": "status",
        "OUTPUT": str(out / "plot_carbon.gpkg"),
    }


def _case_stockchange(s, out):
    return {
        "TREES_T1": s["trees1"],
        "TREES_T2": s["trees2"],
        "PLOTS": s["plots"],
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "PLOT_STATUS_FIELD": "status",
        "DATE1_FIELD": "date_1",
        "DATE2_FIELD": "date_2",
        "STRATA": s["green_space"],
        "STRATUM_FIELD": "class_code",
        "OUTPUT_TREES": str(out / "t.csv"),
        "OUTPUT_PLOTS": str(out / "p.gpkg"),
        "OUTPUT_STRATA": str(out / "s.csv"),
        "OUTPUT_MAP": str(out / "m.gpkg"),
    }


def _case_samplesize(s, out):
    return {
        "STRATA": s["green_space"],
        "STRATUM_FIELD": "class_code",
        "OUTPUT": str(out / "sample_size.gpkg"),
    }


def _case_designplots(s, out):
    return {
        "STRATA": s["green_space"],
        "STRATUM_FIELD": "class_code",
        "PLOTS_PER_STRATUM": 5,
        "MIN_DISTANCE": 20.0,
        "SEED": 5,
        "OUTPUT_CENTRES": str(out / "centres.gpkg"),
        "OUTPUT_PLOTS": str(out / "plots.gpkg"),
        "FIELD_SHEET": str(out / "sheet.csv"),
        "GPX": str(out / "plots.gpx"),
    }


def _case_classifygreenspace(s, out):
    return {
        "INPUT": IMAGE,
        "PRESET": 0,
        "TRAINING": s["training"],
        "CLASS_FIELD": "lc_code",
        "CLASSIFIER": 1,
        "SEED": 7,
        "OUTPUT": str(out / "classes.tif"),
        "OUTPUT_MODEL": str(out / "model.json"),
        "OUTPUT_AREAS": str(out / "areas.gpkg"),
    }


def _case_greenspacepolygons(s, out):
    return {
        "INPUT": s["classes"],
        "GREEN_CLASSES": "1,2",
        "MIN_AREA_M2": 0,
        "BOUNDARY": s["boundary"],
        "OUTPUT": str(out / "green.gpkg"),
    }


def _case_accuracy_sample(s, out):
    return {
        "MODE": 0,
        "INPUT": s["classes"],
        "N_PER_CLASS": 30,
        "SEED": 3,
        "OUTPUT_POINTS": str(out / "points.gpkg"),
    }


def _case_accuracy_assess(s, out):
    return {
        "MODE": 1,
        "INPUT": s["classes"],
        "REFERENCE": s["reference"],
        "REF_FIELD": "lc_code",
        "OUTPUT_MATRIX": str(out / "matrix.csv"),
        "OUTPUT_CLASSES": str(out / "classes.gpkg"),
    }


def _case_carbonraster(s, out):
    return {
        "INPUT": s["classes"],
        "CLASS_DENSITY": "1:50;2:20;3:0",
        "BOUNDARY": s["boundary"],
        "OUTPUT": str(out / "carbon.tif"),
        "OUTPUT_TABLE": str(out / "zones.csv"),
    }


def _case_carbonreport(s, out):
    return {
        "CARBON_MAP": s["map"],
        "STRATA_TABLE": s["strata"],
        "TREES": s["trees1"],
        "BOUNDARY": s["boundary"],
        "MUNICIPALITY_TYPE": 1,
        "LANGUAGE": 1,
        "OUTPUT_PDF": str(out / "r.pdf"),
        "OUTPUT_HTML": str(out / "r.html"),
    }


def _case_exportgreenarea(s, out):
    return {
        "INPUT": s["map"],
        "BOUNDARY": s["boundary"],
        "YEAR": 2568,
        "OUTPUT_FOLDER": str(out / "greenarea"),
    }


# (algorithm, parameters, cancel trigger): the first progress report at or above a mark, or the
# first info message containing a text, chosen to land mid-run (while computing, or after some
# output was made and before the run ends)
CASES = {
    "plotcarbon": ("plotcarbon", _case_plotcarbon, {"cancel_at": 70}),
    "stockchange": ("stockchange", _case_stockchange, {"cancel_at": 60}),
    "samplesize": ("samplesize", _case_samplesize, {"cancel_on_info": "Stratum areas"}),
    "designplots-placing": ("designplots", _case_designplots, {"cancel_at": 20}),
    "designplots-report": ("designplots", _case_designplots, {"cancel_on_info": "Stratum:"}),
    "classifygreenspace-raster": (
        "classifygreenspace",
        _case_classifygreenspace,
        {"cancel_at": 30},
    ),
    "classifygreenspace-areas": (
        "classifygreenspace",
        _case_classifygreenspace,
        {"cancel_on_info": "Class 1"},
    ),
    "greenspacepolygons-raster": (
        "greenspacepolygons",
        _case_greenspacepolygons,
        {"cancel_at": 16},
    ),
    "greenspacepolygons-writing": (
        "greenspacepolygons",
        _case_greenspacepolygons,
        {"cancel_at": 80},
    ),
    "accuracy-sample": ("accuracyassessment", _case_accuracy_sample, {"cancel_on_info": "Class "}),
    "accuracy-assess": ("accuracyassessment", _case_accuracy_assess, {"cancel_at": 40}),
    "carbonraster-raster": ("carbonraster", _case_carbonraster, {"cancel_at": 0}),
    "carbonraster-table": ("carbonraster", _case_carbonraster, {"cancel_on_info": "Total "}),
    "carbonreport-layout": ("carbonreport", _case_carbonreport, {"cancel_at": 20}),
    "carbonreport-html": ("carbonreport", _case_carbonreport, {"cancel_at": 80}),
    "exportgreenarea-polygons": ("exportgreenarea", _case_exportgreenarea, {"cancel_at": 0}),
    "exportgreenarea-summary": (
        "exportgreenarea",
        _case_exportgreenarea,
        {"cancel_on_info": "Summary validated"},
    ),
}


def _feature_counts(folder: Path) -> dict:
    """Every file under ``folder``: its feature count per layer (vector), or its size class."""
    from osgeo import gdal

    counts = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
        layers = [ds.GetLayer(i) for i in range(ds.GetLayerCount())] if ds else []
        name = str(path.relative_to(folder))
        if layers:
            counts[name] = {lyr.GetName(): lyr.GetFeatureCount() for lyr in layers}
        else:
            counts[name] = path.stat().st_size > 0
    return counts


@pytest.mark.parametrize("case", sorted(CASES))
def test_cancel_leaves_outputs_complete_or_absent(processing, sample_inputs, tmp_path, case):
    """Cancelled mid-run: no output file at all, or (a run that ended before it noticed the
    cancel) results returned and every output as complete as an uncancelled run's."""
    alg, build, trigger = CASES[case]
    out = tmp_path / "out"
    out.mkdir()
    feedback = CapturingFeedback(**trigger)
    result, elapsed = _run_cancelled(
        processing, "carbonpool:" + alg, build(sample_inputs, out), feedback
    )
    assert elapsed < 1.0
    left = _leftovers(out)
    if not left:
        return
    assert result, f"cancelled run returned no results but left {left}"
    reference = tmp_path / "reference"
    reference.mkdir()
    processing.run("carbonpool:" + alg, build(sample_inputs, reference), feedback=None)
    assert _feature_counts(out) == _feature_counts(reference), "half-written output"
