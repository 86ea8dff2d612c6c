"""Baseline records: appended (never changed) to carbonpool_baselines in the project GeoPackage."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from osgeo import ogr

from carbon_pool_plugin.baseline_store import load_baselines
from carbon_pool_plugin.core.baseline import TABLE_NAME
from carbon_pool_plugin.core.equations import EquationLibrary
from carbon_pool_plugin.core.methods import MethodPack
from carbon_pool_plugin.paths import plugin_version


def _save(processing, sample_epochs, tmp_path, gpkg, name, **extra):
    params = {
        "PLOTS": sample_epochs["2568"]["plots"],
        "STRATA": sample_epochs["gpkg"] + "|layername=green_space",
        "STRATUM_FIELD": "class_code",
        "BOUNDARY": sample_epochs["gpkg"] + "|layername=boundary",
        "OUTPUT": str(tmp_path / (name + "_map.gpkg")),
        "OUTPUT_STRATA": str(tmp_path / (name + "_strata.csv")),
        "BASELINE_GPKG": str(gpkg),
        "BASELINE_NAME": name,
    }
    params.update(extra)
    return processing.run("carbonpool:stratifiedestimate", params)


def test_baseline_is_appended_never_updated(processing, sample_epochs, tmp_path):
    gpkg = tmp_path / "project.gpkg"
    first = _save(processing, sample_epochs, tmp_path, gpkg, "baseline 2568", YEAR=2568)
    records = load_baselines(str(gpkg))
    assert len(records) == 1
    rec = records[0]
    assert rec["baseline_id"] == first["BASELINE_ID"] and len(rec["baseline_id"]) == 36
    assert rec["name"] == "baseline 2568" and rec["year"] == 2568
    assert rec["municipality"] == "เทศบาลเมืองตัวอย่าง"  # from the boundary's name_th
    assert rec["method_pack"] == "tver"
    assert rec["method_version"] == MethodPack.load("tver").version
    assert rec["equation_pack_version"] == EquationLibrary.load().pack_version
    assert rec["plugin_version"] == plugin_version()
    assert rec["seed"] is None and rec["created_utc"].endswith("Z")
    assert rec["parameters"]["STRATUM_FIELD"] == "class_code"
    strata = {r["stratum"]: r for r in rec["strata"]}
    assert set(strata) == {"park", "institutional", "street", "riparian", "residential", "ALL"}
    assert strata["ALL"]["total_tco2e"] == pytest.approx(first["TOTAL_TCO2E"])
    assert rec["totals"]["co2e_total"] == pytest.approx(first["TOTAL_TCO2E"])

    second = _save(processing, sample_epochs, tmp_path, gpkg, "baseline 2568 bis")
    records = load_baselines(str(gpkg))
    assert [r["name"] for r in records] == ["baseline 2568", "baseline 2568 bis"]
    assert records[0] == rec, "the first record must not change"
    assert records[1]["baseline_id"] == second["BASELINE_ID"] != first["BASELINE_ID"]
    assert records[1]["year"] == 2025  # no YEAR: the plots' dates (C.E.)

    con = sqlite3.connect(str(gpkg))
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("UPDATE {} SET name = 'x'".format(TABLE_NAME))
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM {}".format(TABLE_NAME))
        kinds = dict(con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
    finally:
        con.close()
    assert kinds[TABLE_NAME] == "attributes"


def test_baseline_into_an_existing_geopackage_keeps_its_layers(processing, sample_epochs, tmp_path):
    gpkg = tmp_path / "town.gpkg"
    shutil.copy(sample_epochs["gpkg"], gpkg)
    before = ogr.Open(str(gpkg)).GetLayerCount()
    _save(processing, sample_epochs, tmp_path, gpkg, "b")
    ds = ogr.Open(str(gpkg))
    assert ds.GetDriver().GetName() == "GPKG"
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    assert len(names) == before + 1 and TABLE_NAME in names and "green_space" in names
    assert len(load_baselines(str(gpkg))) == 1


def test_no_baseline_without_a_path(processing, sample_epochs, tmp_path):
    result = processing.run(
        "carbonpool:stratifiedestimate",
        {
            "PLOTS": sample_epochs["2568"]["plots"],
            "STRATA": sample_epochs["gpkg"] + "|layername=green_space",
            "STRATUM_FIELD": "class_code",
            "OUTPUT": str(tmp_path / "m.gpkg"),
            "OUTPUT_STRATA": str(tmp_path / "s.csv"),
        },
    )
    assert result["BASELINE_ID"] == ""
    assert load_baselines(str(tmp_path / "none.gpkg")) == []


def test_no_baseline_record_when_the_outputs_could_not_be_written(
    processing, sample_epochs, tmp_path, monkeypatch
):
    """The record is appended only once the map and tables are in place: a run whose final move
    fails (e.g. the old map open in QGIS on Windows) leaves the baseline table as it was."""
    from qgis.core import QgsProcessingException

    from carbon_pool_plugin.atomic_outputs import AtomicOutputs

    gpkg = tmp_path / "project.gpkg"
    _save(processing, sample_epochs, tmp_path, gpkg, "good run", YEAR=2568)
    assert len(load_baselines(str(gpkg))) == 1

    def locked(self, staged):
        raise PermissionError(13, "in use", staged.final_file)

    monkeypatch.setattr(AtomicOutputs, "_move_into_place", locked)
    with pytest.raises(QgsProcessingException, match="could not replace"):
        _save(processing, sample_epochs, tmp_path, gpkg, "failed run", YEAR=2568)
    assert [r["name"] for r in load_baselines(str(gpkg))] == ["good run"]


_APPENDER = """
import json, sys, uuid
sys.path.insert(0, {root!r})
from carbon_pool_plugin.baseline_store import append_baseline
from carbon_pool_plugin.core.baseline import COLUMNS
for i in range({n}):
    record = {{name: None for name, _kind in COLUMNS}}
    record.update(baseline_id=str(uuid.uuid4()), name="{{}}-{{}}".format(sys.argv[1], i),
                  year=2568, created_utc="2025-01-01T00:00:00Z", parameters_json="{{}}",
                  strata_json="[]", totals_json="{{}}")
    append_baseline(sys.argv[2], record)
"""


def test_parallel_runs_appending_to_one_new_geopackage(tmp_path):
    """Two QGIS runs (processes) appending to the same, not yet existing baseline GeoPackage:
    every record lands once, and the file's own feature count agrees (they raced on creating
    the file and the table: "already exists", "not a GeoPackage", a stale count)."""
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    script = tmp_path / "append.py"
    n = 15
    script.write_text(_APPENDER.format(root=root, n=n), encoding="utf-8")
    for round_ in range(2):
        gpkg = tmp_path / "shared_{}.gpkg".format(round_)
        procs = [
            subprocess.Popen(
                [sys.executable, str(script), who, str(gpkg)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for who in ("a", "b")
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        names = sorted(r["name"] for r in load_baselines(str(gpkg)))
        assert names == sorted("{}-{}".format(w, i) for w in "ab" for i in range(n))
        with sqlite3.connect(str(gpkg)) as con:
            (count,) = con.execute(
                "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?", (TABLE_NAME,)
            ).fetchone()
        assert count in (None, 2 * n)  # GDAL may leave it NULL (unknown), never wrong
        assert not Path(str(gpkg) + ".lock").exists()


def test_append_leaves_the_gdal_exception_mode_alone(tmp_path):
    """GDAL's exception mode is process-wide: the store switched it on for good, changing how
    other plugins' (and QGIS's) GDAL calls fail. It must be as the caller had it."""
    import uuid

    from osgeo import gdal, ogr

    from carbon_pool_plugin.baseline_store import append_baseline
    from carbon_pool_plugin.core.baseline import COLUMNS

    def set_mode(on: bool) -> None:  # GDAL keeps a stack of handlers: pop in reverse order
        for module in (gdal, ogr) if on else (ogr, gdal):
            if bool(module.GetUseExceptions()) != on:
                module.UseExceptions() if on else module.DontUseExceptions()

    before = bool(gdal.GetUseExceptions())
    for mode in (False, True):
        set_mode(mode)
        record = {name: None for name, _kind in COLUMNS}
        record.update(
            baseline_id=str(uuid.uuid4()),
            name="n",
            year=2568,
            created_utc="2025-01-01T00:00:00Z",
            parameters_json="{}",
            strata_json="[]",
            totals_json="{}",
        )
        append_baseline(str(tmp_path / "b#{}.gpkg".format(mode)), record)
        assert (bool(gdal.GetUseExceptions()), bool(ogr.GetUseExceptions())) == (mode, mode)
        assert len(load_baselines(str(tmp_path / "b#{}.gpkg".format(mode)))) == 1
    set_mode(before)


def test_unusable_baseline_store_fails_before_the_outputs(processing, sample_epochs, tmp_path):
    """A baseline target that cannot take the record (here: not a GeoPackage) stops the run before
    its map and tables replace anything; the file is left alone."""
    from qgis.core import QgsProcessingException

    bad = tmp_path / "notes.gpkg"
    bad.write_text("not a database", encoding="utf-8")
    (tmp_path / "map.gpkg").write_bytes(b"last year's map")
    params = {
        "PLOTS": sample_epochs["2568"]["plots"],
        "STRATA": sample_epochs["gpkg"] + "|layername=green_space",
        "STRATUM_FIELD": "class_code",
        "OUTPUT": str(tmp_path / "map.gpkg"),
        "OUTPUT_STRATA": str(tmp_path / "strata.csv"),
        "BASELINE_GPKG": str(bad),
    }
    with pytest.raises(QgsProcessingException, match="not a GeoPackage"):
        processing.run("carbonpool:stratifiedestimate", params)
    assert (tmp_path / "map.gpkg").read_bytes() == b"last year's map"
    assert not (tmp_path / "strata.csv").exists()
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_baseline_store_failure_after_the_outputs_is_reported_not_fatal(
    processing, sample_epochs, tmp_path, monkeypatch
):
    """A store that fails only once the map and tables are in place (e.g. another run holding
    the lock too long) is reported; the run, whose outputs exist, is not reported as failed."""
    from carbon_pool_plugin import baseline_store

    from .layer_factory import RecordingFeedback

    def refuse(path, record):
        raise baseline_store.BaselineStoreError("locked by another run")

    monkeypatch.setattr(baseline_store, "append_baseline", refuse)
    feedback = RecordingFeedback()
    params = {
        "PLOTS": sample_epochs["2568"]["plots"],
        "STRATA": sample_epochs["gpkg"] + "|layername=green_space",
        "STRATUM_FIELD": "class_code",
        "OUTPUT": str(tmp_path / "map.gpkg"),
        "OUTPUT_STRATA": str(tmp_path / "strata.csv"),
        "BASELINE_GPKG": str(tmp_path / "project.gpkg"),
    }
    result = processing.run("carbonpool:stratifiedestimate", params, feedback=feedback)
    assert result["BASELINE_ID"] == ""
    assert (tmp_path / "map.gpkg").exists() and (tmp_path / "strata.csv").exists()
    assert any("baseline could not be saved" in m for m in feedback.messages)
