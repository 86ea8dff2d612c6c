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
