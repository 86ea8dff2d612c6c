"""Inputs are byte-identical after every algorithm (issue 11): hash every input file before and after.

Each algorithm reads copies of its inputs from one folder (the corpus base world, plus the bundled
sample tree CSV/XLSX for the tree biomass); afterwards every file in that folder must have the same
SHA-256 and no file may have been added or removed (a GeoPackage opened for update would gain a
``-wal``/``-shm`` or change its header bytes).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from . import corpus as C
from .runners import RUNNERS, CapturingFeedback

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


def _hashes(folder: Path) -> dict:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _export_greenarea(processing, world, folder, feedback):
    outs = {"OUTPUT_FOLDER": str(folder / "export")}
    params = {"INPUT": world["map"], "CO2E_FIELD": "co2e_t", "MUNI_CODE": "TH-X", **outs}
    return processing.run("carbonpool:exportgreenarea", params, feedback=feedback), outs


def _carbon_report(processing, world, folder, feedback):
    outs = {"OUTPUT_HTML": str(folder / "report.html"), "OUTPUT_PDF": str(folder / "report.pdf")}
    params = {"CARBON_MAP": world["map"], "STRATA_TABLE": world["strata_table"], **outs}
    return processing.run("carbonpool:carbonreport", params, feedback=feedback), outs


def _sample_trees(processing, world, folder, feedback):
    """The bundled sample CSV (UTF-8 with BOM, Thai headers, girth) and XLSX."""
    outs = {}
    for kind in ("csv", "xlsx"):
        out = str(folder / f"sample_{kind}.gpkg")
        params = {
            "INPUT": world[f"sample_{kind}"],
            "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
            "DBH_FIELD": "เส้นรอบวง_ซม",
            "DBH_UNIT": 2,
            "HEIGHT_FIELD": "ความสูง_ม",
            "PLOT_FIELD": "รหัสแปลง",
            "STEMS_FIELD": "ลำต้น",
            "OUTPUT": out,
        }
        processing.run("carbonpool:treebiomass", params, feedback=feedback)
        outs[kind] = out
    return {}, outs


ALL = dict(RUNNERS)
ALL["treebiomass_sample"] = _sample_trees
ALL["exportgreenarea"] = _export_greenarea
ALL["carbonreport"] = _carbon_report


@pytest.fixture(scope="module")
def derived(processing, tmp_path_factory):
    """A stratified map and strata table (inputs of the export and report), built once."""
    folder = tmp_path_factory.mktemp("derived")
    world = C.base_world(folder / "world")
    result, outs = RUNNERS["stratifiedestimate"](processing, world, folder, CapturingFeedback())
    return outs


RASTER_ALGS = {
    "vegetationindices",
    "classifygreenspace",
    "greenspacepolygons",
    "carbonraster",
    "accuracyassessment",
}
PAM_SIDECAR = (
    "GDAL writes a PAM sidecar (<input>.tif.aux.xml with histogram and statistics) beside the "
    "input raster: QGIS computes them when it loads the raster parameter as a layer "
    "(default contrast enhancement), and GDAL saves them when the dataset closes"
)
_RUNS: dict = {}


def _run(processing, derived, tmp_path_factory, alg):
    """Run ``alg`` once on fresh copies; ``(hashes before, hashes after)``."""
    if alg in _RUNS:
        return _RUNS[alg]
    folder = tmp_path_factory.mktemp("readonly_" + alg)
    inputs = folder / "inputs"
    world = C.base_world(inputs)
    for kind in ("csv", "xlsx"):
        target = inputs / f"trees_2568.{kind}"
        shutil.copyfile(SAMPLE / f"trees_2568.{kind}", target)
        world[f"sample_{kind}"] = str(target)
    shutil.copyfile(derived["OUTPUT"], inputs / "map.gpkg")
    shutil.copyfile(derived["OUTPUT_STRATA"], inputs / "strata_table.gpkg")
    world["map"] = str(inputs / "map.gpkg")
    world["strata_table"] = str(inputs / "strata_table.gpkg")
    before = _hashes(inputs)
    run_dir = folder / "run"
    run_dir.mkdir()
    ALL[alg](processing, world, run_dir, CapturingFeedback())
    # drop QGIS's cached layers before comparing (a still-open GeoPackage could hold a WAL)
    from qgis.core import QgsProject

    QgsProject.instance().removeAllMapLayers()
    _RUNS[alg] = (before, _hashes(inputs))
    return _RUNS[alg]


@pytest.mark.parametrize("alg", sorted(ALL))
def test_input_bytes_unchanged(processing, derived, tmp_path_factory, alg):
    before, after = _run(processing, derived, tmp_path_factory, alg)
    changed = [name for name in before if before[name] != after.get(name)]
    assert changed == [], "inputs modified or removed: {}".format(changed)


@pytest.mark.parametrize("alg", sorted(ALL))
def test_no_files_added_beside_inputs(processing, derived, tmp_path_factory, alg):
    before, after = _run(processing, derived, tmp_path_factory, alg)
    added = sorted(set(after) - set(before))
    assert added == [], "files written into the input folder: {}".format(added)


def test_vrt_input_not_rewritten(processing, tmp_path):
    """A ``.vrt`` input stays byte-identical: GDAL writes statistics into the VRT itself (PAM off
    or not) when QGIS computes them on loading a layer, so raster files are never loaded as
    QGIS layers (the algorithms open them read-only with GDAL)."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    vrt = C.huge_vrt(inputs, size=500)
    before = _hashes(inputs)
    out = tmp_path / "out"
    for alg, extra in (
        ("vegetationindices", {"INDICES": [0]}),
        ("classifygreenspace", {"CLASSIFIER": 2}),
    ):
        params = {"INPUT": vrt, "PRESET": 0, "OUTPUT": str(out / f"{alg}.tif"), **extra}
        processing.run("carbonpool:" + alg, params, feedback=CapturingFeedback())
    assert _hashes(inputs) == before


def test_project_raster_layer_still_accepted(processing, tmp_path):
    """A raster already loaded in the project (a layer id) is used as it is."""
    from qgis.core import QgsProject, QgsRasterLayer

    world = C.base_world(tmp_path / "w")
    layer = QgsRasterLayer(world["classes"], "classes", "gdal")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    try:
        params = {
            "INPUT": layer.id(),
            "CLASS_DENSITY": "1:50;2:20",
            "OUTPUT": str(tmp_path / "c.tif"),
        }
        result = processing.run("carbonpool:carbonraster", params, feedback=CapturingFeedback())
        assert result["TOTAL_TC"] > 0
    finally:
        QgsProject.instance().removeAllMapLayers()
