"""carbonpool:batchassessment: three municipalities derived from the sample (A = the 2568 inventory,
B = the 2572 inventory on a shifted copy, C = bad data: a stratum without plots), totals equal to
single-municipality runs, the failure reported, resume, recompute and cancel."""

from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from .layer_factory import RecordingFeedback

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
GPKG = str(SAMPLE / "sample_municipality.gpkg")
ALG = "carbonpool:batchassessment"

TREE_FIELDS = {
    "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
    "DBH_FIELD": "เส้นรอบวง_ซม",
    "DBH_UNIT": 2,
    "HEIGHT_FIELD": "ความสูง_ม",
    "STEMS_FIELD": "ลำต้น",
    "METHOD": 0,
}
PLOT_FIELDS = {
    "PLOT_AREA_FIELD": "area_m2",
    "FRACTION_FIELD": "fraction",
}


def _load_script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / (name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def batch_gpkg(tmp_path_factory):
    script = _load_script("make_batch_sample")
    out = tmp_path_factory.mktemp("batch_input") / "batch_input.gpkg"
    specs = [
        script.parse_spec(s)
        for s in ("A:2568:0", "B:2572:20000", "C:2568:40000:nostratum=riparian")
    ]
    return str(script.make_batch_sample(out, specs))


def _params(gpkg, folder, summary, **extra):
    params = {
        "TREES": gpkg + "|layername=trees",
        "PLOTS": gpkg + "|layername=plots",
        "STRATA": gpkg + "|layername=green_space",
        "BOUNDARY": gpkg + "|layername=boundary",
        "MUNI_FIELD": "muni_code",
        "TREE_PLOT_FIELD": "รหัสแปลง",
        "TREE_STATUS_FIELD": "สถานะ",
        "PLOT_STATUS_FIELD": "status",
        "STRATUM_FIELD": "class_code",
        "SMALL_STRATA": 2,  # stop with an error: C (no riparian plot) must fail
        "YEAR": 2568,
        "OUTPUT_FOLDER": str(folder),
        "OUTPUT_SUMMARY": str(summary),
        **TREE_FIELDS,
        **PLOT_FIELDS,
    }
    params.update(extra)
    return params


def _value(value):
    """CSV cells as Python values (the CSV writer quotes integers; NULL -> None)."""
    if value is None or str(value) in ("", "NULL"):
        return None
    try:
        return int(value) if str(value).lstrip("-").isdigit() else float(value)
    except (TypeError, ValueError):
        return value


def _summary(path):
    layer = QgsVectorLayer(str(path), "summary", "ogr")
    assert layer.isValid(), path
    rows = {}
    for feature in layer.getFeatures():
        row = {f.name(): _value(feature[f.name()]) for f in layer.fields()}
        rows[row["code"]] = row
    return rows


def _single_run(processing, tmp, year):
    """The same chain on the sample itself, one algorithm at a time."""
    trees = str(tmp / "trees_{}.gpkg".format(year))
    tree_run = processing.run(
        "carbonpool:treebiomass",
        {
            "INPUT": str(SAMPLE / "trees_{}.csv".format(year)),
            "PLOT_FIELD": "รหัสแปลง",
            "EQUATION": "auto",
            "OUTPUT": trees,
            **TREE_FIELDS,
        },
    )
    plots = str(tmp / "plots_{}.gpkg".format(year))
    processing.run(
        "carbonpool:plotcarbon",
        {
            "TREES": trees,
            "TREE_PLOT_FIELD": "รหัสแปลง",
            "TREE_STATUS_FIELD": "สถานะ",
            "PLOTS": GPKG + "|layername=plots",
            "STATUS_FIELD": "status",
            "OUTPUT": plots,
            **PLOT_FIELDS,
        },
    )
    est = processing.run(
        "carbonpool:stratifiedestimate",
        {
            "PLOTS": plots,
            "DENSITY_FIELD": "carbon_t_ha",
            "STRATA": GPKG + "|layername=green_space",
            "STRATUM_FIELD": "class_code",
            "SMALL_STRATA": 2,
            "YEAR": 2568,
            "OUTPUT": str(tmp / "map_{}.gpkg".format(year)),
            "OUTPUT_STRATA": str(tmp / "strata_{}.csv".format(year)),
        },
    )
    return tree_run, est


@pytest.fixture(scope="module")
def first_run(processing, batch_gpkg, tmp_path_factory):
    work = tmp_path_factory.mktemp("batch_run")
    folder, summary = work / "out", work / "summary.csv"
    feedback = RecordingFeedback()
    result = processing.run(ALG, _params(batch_gpkg, folder, summary), feedback=feedback)
    return {"result": result, "folder": folder, "summary": summary, "log": feedback.messages}


def test_registered(plugin):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(ALG)
    assert alg is not None
    assert alg.groupId() == "reporting"
    for key in ("MUNI_FIELD", "TREES_MUNI_FIELD", "REPORT", "EXPORT", "FORCE", "OUTPUT_SUMMARY"):
        assert alg.parameterDefinition(key) is not None, key


def test_three_municipalities(first_run, processing, tmp_path):
    result, folder = first_run["result"], first_run["folder"]
    assert (result["N_OK"], result["N_FAILED"], result["N_SKIPPED"]) == (2, 1, 0)
    rows = _summary(first_run["summary"])
    assert sorted(rows) == ["A", "B", "C"]

    # A and B equal the single-municipality runs of the same inventories
    for code, year in (("A", 2568), ("B", 2572)):
        row = rows[code]
        assert row["status"] == "ok", row
        assert row["name"].endswith(code)  # from the boundary's name_th
        trees, est = _single_run(processing, tmp_path, year)
        # B's polygons are shifted 20 km: their areas differ in the last bits (~1e-9 relative)
        tol = 1e-12 if code == "A" else 1e-7
        assert row["n_trees"] == trees["N_TREES"]
        assert row["n_plots"] == est["N_PLOTS"]
        assert math.isclose(row["total_tco2e"], est["TOTAL_TCO2E"], rel_tol=tol)
        assert math.isclose(row["ci95_low"], est["TOTAL_TCO2E_CI95_LOW"], rel_tol=tol)
        assert math.isclose(row["ci95_high"], est["TOTAL_TCO2E_CI95_HIGH"], rel_tol=tol)
        assert math.isclose(row["u90_pct"], est["U90_PCT"], rel_tol=tol)
        assert math.isclose(row["area_ha"], est["AREA_HA"], rel_tol=tol)
        sub = folder / code
        for name in ("trees_biomass.gpkg", "plot_carbon.gpkg", "carbon_map.gpkg"):
            assert (sub / name).is_file(), name
        done = json.loads((sub / "done.json").read_text(encoding="utf-8"))
        assert done["status"] == "ok" and done["code"] == code and done["settings_hash"]
        assert done["outputs"]["estimate"]["OUTPUT"].startswith(str(sub))
    assert rows["A"]["total_tco2e"] != rows["B"]["total_tco2e"]

    # C: the stratum without plots stops its estimate; reported, nothing written, batch went on
    c = rows["C"]
    assert c["status"] == "failed"
    assert "riparian" in c["message"], c["message"]
    assert c["n_trees"] and c["n_trees"] > 0  # the steps before the failure are reported
    assert not (folder / "C").exists()
    assert not list(folder.glob(".partial-*"))
    assert any("C: FAILED" in m for m in first_run["log"])
    # every output (the summary, the child algorithms' files) was moved into place
    assert not list(first_run["summary"].parent.rglob(".carbonpool-*"))
    assert result["OUTPUT_SUMMARY"] == str(first_run["summary"])


def test_resume_skips_finished(first_run, processing, batch_gpkg, tmp_path):
    folder = first_run["folder"]
    before = {c: (folder / c / "done.json").stat().st_mtime_ns for c in ("A", "B")}
    contents = {c: (folder / c / "done.json").read_bytes() for c in ("A", "B")}
    feedback = RecordingFeedback()
    summary = tmp_path / "summary2.csv"
    result = processing.run(ALG, _params(batch_gpkg, folder, summary), feedback=feedback)
    assert (result["N_OK"], result["N_FAILED"], result["N_SKIPPED"]) == (0, 1, 2)
    for code in ("A", "B"):
        assert (folder / code / "done.json").stat().st_mtime_ns == before[code]
        assert (folder / code / "done.json").read_bytes() == contents[code]
        assert any(m.startswith(code + ": skipped") for m in feedback.messages)
    # the carried-over rows keep their totals
    rows = _summary(summary)
    first = _summary(first_run["summary"])
    for code in ("A", "B"):
        assert rows[code]["status"] == "skipped"
        assert rows[code]["total_tco2e"] == first[code]["total_tco2e"]
    assert rows["C"]["status"] == "failed"


def test_force_and_changed_settings_recompute(first_run, processing, batch_gpkg, tmp_path):
    folder = first_run["folder"]
    done = folder / "A" / "done.json"
    mtime = done.stat().st_mtime_ns
    result = processing.run(
        ALG,
        _params(batch_gpkg, folder, tmp_path / "s.csv", MUNICIPALITIES="A", FORCE=True),
    )
    assert (result["N_OK"], result["N_FAILED"], result["N_SKIPPED"]) == (1, 0, 0)
    assert done.stat().st_mtime_ns != mtime
    hash_before = json.loads(done.read_text(encoding="utf-8"))["settings_hash"]

    feedback = RecordingFeedback()
    result = processing.run(
        ALG,
        _params(batch_gpkg, folder, tmp_path / "s2.csv", MUNICIPALITIES="A", YEAR=2569),
        feedback=feedback,
    )
    assert result["N_OK"] == 1
    assert json.loads(done.read_text(encoding="utf-8"))["settings_hash"] != hash_before
    assert any("settings changed" in m for m in feedback.messages)
    assert not list(folder.glob(".partial-*"))


class CancelInB(RecordingFeedback):
    """Cancels inside municipality B's tree-biomass run (a child algorithm)."""

    def __init__(self):
        super().__init__()
        self.in_b = False

    def pushInfo(self, info):  # noqa: N802
        super().pushInfo(info)
        if info.startswith("— Municipality B"):
            self.in_b = True
        elif self.in_b and info.startswith("Read ") and "trees" in info:
            self.cancel()


def test_cancel_keeps_finished_and_leaves_no_partial(processing, batch_gpkg, tmp_path):
    folder = tmp_path / "out"
    feedback = CancelInB()
    summary = tmp_path / "s.csv"
    previous = b"code,name,status\nX,previous run,ok\n"
    summary.write_bytes(previous)
    processing.run(ALG, _params(batch_gpkg, folder, summary), feedback=feedback)
    assert feedback.isCanceled() and feedback.in_b
    assert summary.read_bytes() == previous  # a cancelled batch keeps the previous summary
    assert not list(tmp_path.rglob(".carbonpool-*"))
    assert (folder / "A" / "done.json").is_file()
    assert (folder / "A" / "carbon_map.gpkg").is_file()
    assert not (folder / "B").exists()
    assert not (folder / "C").exists()
    assert not list(folder.glob(".partial-*"))
    assert any("Cancelled during B" in m for m in feedback.messages)


def test_missing_code_field(processing, batch_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException):
        processing.run(
            ALG,
            _params(batch_gpkg, tmp_path / "o", tmp_path / "s.csv", MUNI_FIELD="no_such_field"),
        )


def test_per_layer_code_field_and_export(processing, batch_gpkg, tmp_path):
    """A differently named code field in one layer (override), the report and the export."""
    renamed = tmp_path / "renamed.gpkg"
    from osgeo import gdal

    gdal.VectorTranslate(
        str(renamed),
        batch_gpkg,
        SQLStatement="SELECT *, muni_code AS muni FROM trees WHERE muni_code = 'A'",
        layerName="trees",
    )
    params = _params(
        batch_gpkg,
        tmp_path / "out",
        tmp_path / "s.csv",
        TREES=str(renamed) + "|layername=trees",
        TREES_MUNI_FIELD="muni",
        MUNICIPALITIES="A",
        EXPORT=True,
        REPORT=True,
        LANGUAGE=1,
    )
    result = processing.run(ALG, params)
    assert result["N_OK"] == 1, result
    assert (tmp_path / "out" / "A" / "carbon_report.pdf").stat().st_size > 10000
    assert (tmp_path / "out" / "A" / "carbon_report.html").is_file()
    files = list((tmp_path / "out" / "A" / "greenarea").glob("greenarea_A_2568.*"))
    assert sorted(p.suffix for p in files) == [".gpkg", ".json"]


def test_reads_one_municipality_at_a_time(processing, batch_gpkg, tmp_path, monkeypatch):
    """Every input reaches the children filtered to one municipality (memory ∝ the largest)."""
    from carbon_pool_plugin.algorithms.batch_assessment import BatchAssessmentAlgorithm

    seen = []
    original = BatchAssessmentAlgorithm._extract

    def spy(source, field, value, name, feedback):
        layer = original(source, field, value, name, feedback)
        seen.append((name, value, layer.featureCount(), source.featureCount()))
        return layer

    monkeypatch.setattr(BatchAssessmentAlgorithm, "_extract", staticmethod(spy))
    result = processing.run(
        ALG, _params(batch_gpkg, tmp_path / "o", tmp_path / "s.csv", MUNICIPALITIES="A;B")
    )
    assert result["N_OK"] == 2
    trees = {value: n for name, value, n, _total in seen if name.startswith("TREES")}
    assert trees == {"A": 1069, "B": 1162}
    assert all(n < total for _name, _value, n, total in seen)


def test_thai_codes_orphan_trees_and_similar_codes(processing, tmp_path):
    """Thai municipality codes get their own readable folders (they all became "municipality"
    and overwrote each other); a municipality whose trees match no plot fails with a clear
    message instead of reporting 0 tCO2e; codes A and A-1 keep apart."""
    import os
    import stat

    from osgeo import gdal

    script = _load_script("make_batch_sample")
    gpkg = tmp_path / "thai.gpkg"
    specs = [script.parse_spec(s) for s in ("บางพลี:2568:0", "บางบ่อ:2572:20000", "A-1:2568:40000")]
    script.make_batch_sample(gpkg, specs)
    ds = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("UPDATE trees SET \"รหัสแปลง\" = 'ZZ-' || \"รหัสแปลง\" WHERE muni_code = 'A-1'")
    ds = None
    folder, summary = tmp_path / "out", tmp_path / "summary.csv"
    feedback = RecordingFeedback()
    result = processing.run(
        ALG, _params(str(gpkg), folder, summary, SMALL_STRATA=0), feedback=feedback
    )
    rows = _summary(summary)
    assert rows["บางพลี"]["status"] == "ok" and rows["บางบ่อ"]["status"] == "ok"
    assert Path(rows["บางพลี"]["folder"]).name == "บางพลี"
    assert Path(rows["บางบ่อ"]["folder"]).name == "บางบ่อ"
    assert rows["บางพลี"]["total_tco2e"] != rows["บางบ่อ"]["total_tco2e"]  # 2568 vs 2572 data
    for code in ("บางพลี", "บางบ่อ"):
        done = json.loads((folder / code / "done.json").read_text(encoding="utf-8"))
        assert done["code"] == code
        mode = stat.S_IMODE(os.stat(folder / code).st_mode)
        assert mode & 0o055 == 0o055 & ~_umask()  # readable by colleagues, as umask allows
    assert rows["A-1"]["status"] == "failed"
    assert "No tree matched a plot" in rows["A-1"]["message"]
    assert result["N_OK"] == 2 and result["N_FAILED"] == 1
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_stale_working_folders_of_one_code_only(tmp_path):
    """A run cleans up its own code's folders left by killed runs, never another code's (A vs
    A-1 matched the same glob) nor a working folder of a run going on in another QGIS."""
    import os
    import time

    from carbon_pool_plugin.algorithms.batch_assessment import (
        STALE_PARTIAL_SECONDS,
        partial_prefix,
        remove_stale_partials,
    )

    old = time.time() - STALE_PARTIAL_SECONDS - 60
    folders = {
        "a_killed": tmp_path / (partial_prefix("A") + "k1"),
        "a_running": tmp_path / (partial_prefix("A") + "r1"),
        "a1_killed": tmp_path / (partial_prefix("A-1") + "k2"),
    }
    for name, path in folders.items():
        path.mkdir()
        if "killed" in name:
            os.utime(path, (old, old))
    assert not partial_prefix("A-1").startswith(partial_prefix("A"))
    remove_stale_partials(tmp_path, "A")
    assert not folders["a_killed"].exists()
    assert folders["a_running"].exists() and folders["a1_killed"].exists()


def test_subset_runs_never_share_a_folder(processing, tmp_path):
    """Codes that clean up to the same folder name ("A 1", "A/1") run one at a time
    (MUNICIPALITIES) still get their own folders: names come from every code in the inputs,
    and a folder holding another municipality's results is never overwritten."""
    script = _load_script("make_batch_sample")
    gpkg = tmp_path / "clash.gpkg"
    script.make_batch_sample(gpkg, [script.parse_spec(s) for s in ("A 1:2568:0", "A/1:2572:20000")])
    folder = tmp_path / "out"
    folders = {}
    for code in ("A 1", "A/1"):
        summary = tmp_path / "summary_{}.csv".format(len(folders))
        processing.run(
            ALG, _params(str(gpkg), folder, summary, SMALL_STRATA=0, MUNICIPALITIES=code)
        )
        row = _summary(summary)[code]
        assert row["status"] == "ok", row
        folders[code] = row["folder"]
    assert folders["A 1"] != folders["A/1"]
    for code, path in folders.items():
        assert json.loads((Path(path) / "done.json").read_text(encoding="utf-8"))["code"] == code
