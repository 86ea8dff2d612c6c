"""The GDAL fast paths (treebiomass read + copy, the stratifiedestimate map copy) give the same
output as the generic QGIS path."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsVectorLayer

from carbon_pool_plugin import qgis_io
from carbon_pool_plugin.algorithms.tree_biomass import TreeBiomassAlgorithm

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
PARAMS = {
    "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
    "DBH_FIELD": "เส้นรอบวง_ซม",
    "DBH_UNIT": 2,
    "HEIGHT_FIELD": "ความสูง_ม",
    "PLOT_FIELD": "รหัสแปลง",
    "STEMS_FIELD": "ลำต้น",
    "METHOD": 0,
    "EQUATION": "auto",
}


def _rows(path: Path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    rows = []
    for f in layer.getFeatures():
        geom = f.geometry()
        rows.append(
            (
                f.id(),
                [
                    None if v is None or v == "" or (hasattr(v, "isNull") and v.isNull()) else v
                    for v in f.attributes()
                ],
                geom.asWkt(6) if not geom.isNull() else None,
            )
        )
    return names, rows, layer.wkbType(), layer.crs().authid()


def _same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    return a == b


@pytest.fixture
def sample_gpkg(tmp_path):
    """The sample inventory as a GeoPackage with point geometries (plot-wise coordinates)."""
    path = tmp_path / "trees.gpkg"
    src = gdal.OpenEx(str(SAMPLE / "trees_2568.csv"), gdal.OF_VECTOR)
    gdal.VectorTranslate(
        str(path),
        src,
        format="GPKG",
        layerName="trees",
        SQLStatement='SELECT *, MakePoint(640000 + "เลขป้าย" * 3.0, 1580000 + length("รหัสแปลง") '
        "* 7.0, 32647) AS geom FROM trees_2568",
        SQLDialect="SQLite",
    )
    return path


def _second_layer(path: Path, limit: int = 3, name: str = "other") -> None:
    """Add a second layer to a GeoPackage (the first ``limit`` rows of the sample, -1: all)."""
    gdal.VectorTranslate(
        str(path),
        str(SAMPLE / "trees_2568.csv"),
        format="GPKG",
        accessMode="update",
        layerName=name,
        limit=limit,
    )


def _big_layers(path: Path) -> None:
    """Three more layers as big as the trees: about half the file is not the layer being copied
    (the test lowers the share above which the copy goes through GDAL to 30 %)."""
    for i in range(3):
        _second_layer(path, -1, "other{}".format(i))


def _styles(path: Path) -> None:
    """A QGIS style saved in the GeoPackage (``layer_styles``) and a view."""
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL(
        "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY, f_table_name TEXT, styleQML TEXT)"
    )
    ds.ExecuteSQL("INSERT INTO layer_styles VALUES (1, 'trees', '<qgis/>')")
    ds.ExecuteSQL('CREATE VIEW tall AS SELECT * FROM trees WHERE "ความสูง_ม" > 10')
    ds = None


def _delete_some(path: Path) -> None:
    """Delete every 7th feature: the ids left have gaps, which the output must keep."""
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL('DELETE FROM "{}" WHERE fid % 7 = 3'.format(ds.GetLayer(0).GetName()))
    ds = None


def _user_trigger(path: Path) -> None:
    """A user trigger naming a function plain SQLite lacks (dropped: ogr2ogr does not copy it)."""
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    name = ds.GetLayer(0).GetName()
    ds.ExecuteSQL(
        'CREATE TRIGGER audit AFTER UPDATE ON "{}" WHEN ST_SRID(NEW.geom) < 0 '
        "BEGIN SELECT 1; END".format(name)
    )
    ds = None


# layout of the input -> (the copy is a whole-file copy, the row-by-row UPDATE is used)
LAYOUTS = {
    "single-layer": (True, True),
    "attribute-table": (True, True),
    "id-gaps": (True, True),
    "two-layers": (True, True),
    "styles-and-view": (True, True),
    "user-trigger": (True, True),
    "no-spatial-index": (True, True),
    "null-cells": (True, True),
    "view-layer": (False, False),
    "foreign-key": (False, False),
    "big-other-layers": (False, False),
    "big-other-layers-vacuum": (True, True),
    "no-trigger-functions": (True, False),
}


def _check_gpkg(path: Path) -> None:
    """The output is a sound GeoPackage: SQLite integrity, and an R-tree that matches the rows."""
    import sqlite3

    con = sqlite3.connect(str(path))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rtree_%' "
            "AND name NOT LIKE '%\\_node' ESCAPE '\\' AND name NOT LIKE '%\\_parent' ESCAPE '\\' "
            "AND name NOT LIKE '%\\_rowid' ESCAPE '\\'"
        ).fetchall():
            assert con.execute("SELECT rtreecheck(?)", (table,)).fetchone()[0] == "ok"
            (count,) = con.execute('SELECT count(*) FROM "{}"'.format(table)).fetchone()
            (rows,) = con.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone()
            assert count == rows
    finally:
        con.close()


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_fast_path_matches_generic(processing, sample_gpkg, tmp_path, monkeypatch, layout):
    source = str(sample_gpkg)
    if layout == "attribute-table":
        source = str(tmp_path / "table.gpkg")
        gdal.VectorTranslate(source, str(SAMPLE / "trees_2568.csv"), format="GPKG")
    elif layout == "two-layers":
        _second_layer(sample_gpkg)
    elif layout == "big-other-layers":
        _big_layers(sample_gpkg)
        monkeypatch.setattr(qgis_io, "_MAX_FOREIGN_SHARE", 0.3)
    elif layout == "big-other-layers-vacuum":  # dropped from the copy, which is compacted
        _big_layers(sample_gpkg)
    elif layout == "styles-and-view":
        _styles(sample_gpkg)
    elif layout == "null-cells":  # NULLs arrive as masked arrays: the other cells stay text
        ds = gdal.OpenEx(str(sample_gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
        ds.ExecuteSQL('UPDATE trees SET "ชื่อวิทยาศาสตร์" = NULL, "ความสูง_ม" = NULL WHERE fid % 50 = 1')
        ds = None
    elif layout == "view-layer":  # a view registered as a layer: GDAL cannot drop it
        ds = gdal.OpenEx(str(sample_gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
        ds.ExecuteSQL("CREATE VIEW tall AS SELECT * FROM trees WHERE fid % 2 = 0")
        ds.ExecuteSQL(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) "
            "VALUES ('tall', 'features', 'tall', 32647)"
        )
        ds.ExecuteSQL(
            "INSERT INTO gpkg_geometry_columns VALUES ('tall', 'geom', 'POINT', 32647, 0, 0)"
        )
        ds = None
    elif layout == "foreign-key":  # the trees reference another layer: dropping it fails,
        # and the copy falls back to GDAL's (the whole-file attempt is abandoned)
        ds = gdal.OpenEx(str(sample_gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
        ds.ExecuteSQL("CREATE TABLE sites (id INTEGER PRIMARY KEY, name TEXT)")
        ds.ExecuteSQL("INSERT INTO sites VALUES (1, 'a')")
        ds.ExecuteSQL(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier) "
            "VALUES ('sites', 'attributes', 'sites')"
        )
        ds.ExecuteSQL("ALTER TABLE trees ADD COLUMN site INTEGER REFERENCES sites(id)")
        ds.ExecuteSQL("UPDATE trees SET site = 1")
        ds = None
    elif layout == "no-spatial-index":  # the output gets one all the same, as ogr2ogr's
        ds = gdal.OpenEx(str(sample_gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
        ds.ExecuteSQL("SELECT DisableSpatialIndex('trees', 'geom')")
        ds = None
    elif layout == "id-gaps":
        _delete_some(sample_gpkg)
    elif layout == "user-trigger":
        _user_trigger(sample_gpkg)
    elif layout == "no-trigger-functions":  # SQLite cannot prepare the row UPDATE: GDAL's way
        monkeypatch.setattr(qgis_io, "_GPKG_TRIGGER_FUNCTIONS", ())
    if layout != "attribute-table":
        source += "|layername=trees"
    used = []
    whole = []
    updated = []
    real = qgis_io.GpkgCopyWriter.finish
    real_update = qgis_io.GpkgCopyWriter._update_rows

    def spy(self, *args, **kwargs):
        used.append(True)
        self.wait_quietly()  # the background copy may fall back from a whole-file copy
        whole.append(self.whole_file is not None)
        return real(self, *args, **kwargs)

    def spy_update(self, *args, **kwargs):
        updated.append(real_update(self, *args, **kwargs))
        return updated[-1]

    monkeypatch.setattr(qgis_io.GpkgCopyWriter, "finish", spy)
    monkeypatch.setattr(qgis_io.GpkgCopyWriter, "_update_rows", spy_update)
    fast = processing.run(
        "carbonpool:treebiomass", {**PARAMS, "INPUT": source, "OUTPUT": str(tmp_path / "fast.gpkg")}
    )
    assert used, "the fast path was not taken for a GeoPackage -> GeoPackage run"
    assert whole == [LAYOUTS[layout][0]]
    assert any(updated) == LAYOUTS[layout][1]
    _check_gpkg(tmp_path / "fast.gpkg")
    if layout == "big-other-layers-vacuum":
        assert (tmp_path / "fast.gpkg").stat().st_size < 0.7 * sample_gpkg.stat().st_size
    out = gdal.OpenEx(str(tmp_path / "fast.gpkg"), gdal.OF_VECTOR)
    if out.GetLayer(0).GetGeometryColumn():
        found = out.ExecuteSQL("SELECT HasSpatialIndex('fast', 'geom')")
        assert found.GetNextFeature().GetField(0) == 1
        out.ReleaseResultSet(found)
    assert [out.GetLayer(i).GetName() for i in range(out.GetLayerCount())] == ["fast"]
    for sql in (
        "SELECT count(*) FROM sqlite_master WHERE name IN ('layer_styles', 'tall', 'audit')",
        "SELECT count(*) FROM sqlite_master WHERE name LIKE '%other%'",
    ):
        found = out.ExecuteSQL(sql)
        assert found.GetNextFeature().GetField(0) == 0, sql
        out.ReleaseResultSet(found)
    out = None
    monkeypatch.setattr(TreeBiomassAlgorithm, "FAST_IO", False)
    assert used == [True]  # the copy path was taken
    generic = processing.run(
        "carbonpool:treebiomass", {**PARAMS, "INPUT": source, "OUTPUT": str(tmp_path / "slow.gpkg")}
    )
    assert len(used) == 1
    for key in ("N_TREES", "N_FLAGGED", "AGB_T", "CARBON_T", "CO2E_T"):
        assert fast[key] == generic[key], key
    # a fraction of the trees at most is unmatched (a species column read as bytes would leave
    # every tree unmatched while fast and generic could still agree with each other)
    assert fast["N_FLAGGED"] < 0.3 * fast["N_TREES"]
    names_f, rows_f, type_f, crs_f = _rows(tmp_path / "fast.gpkg")
    names_g, rows_g, type_g, crs_g = _rows(tmp_path / "slow.gpkg")
    assert names_f == names_g
    assert (type_f, crs_f) == (type_g, crs_g)
    assert len(rows_f) == len(rows_g) > 900
    for (fid_f, attrs_f, geom_f), (fid_g, attrs_g, geom_g) in zip(rows_f, rows_g):
        assert fid_f == fid_g
        assert geom_f == geom_g
        for name, a, b in zip(names_f, attrs_f, attrs_g):
            assert _same(a, b), (fid_f, name, a, b)


def test_fast_path_not_used_for_memory_or_temporary(processing, sample_gpkg, monkeypatch):
    used = []
    monkeypatch.setattr(qgis_io.GpkgCopyWriter, "start", lambda self: used.append(True))
    result = processing.run(
        "carbonpool:treebiomass",
        {**PARAMS, "INPUT": str(sample_gpkg), "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert not used
    assert result["OUTPUT"].featureCount() == result["N_TREES"]
    layer = QgsVectorLayer(str(sample_gpkg), "trees", "ogr")
    layer.setSubsetString('"เลขป้าย" < 5')
    result = processing.run(
        "carbonpool:treebiomass", {**PARAMS, "INPUT": layer, "OUTPUT": "memory:"}
    )
    assert not used
    assert result["N_TREES"] == layer.featureCount()


@pytest.mark.parametrize("mode", [0, 1])
def test_stock_map_copy_path_matches_generic(
    processing, sample_epochs, tmp_path, monkeypatch, mode
):
    """carbonpool:stratifiedestimate: the GeoPackage copy + UPDATE map equals the QgsFeature one."""
    used = []
    finish_by_fid = qgis_io.GpkgCopyWriter.finish_by_fid

    def spy(self, *args, **kwargs):
        used.append(finish_by_fid(self, *args, **kwargs))
        return used[-1]

    monkeypatch.setattr(qgis_io.GpkgCopyWriter, "finish_by_fid", spy)
    gpkg = sample_epochs["gpkg"]
    params = {
        "PLOTS": sample_epochs["2568"]["plots"],
        "STRATA": gpkg + "|layername=green_space",
        "STRATUM_FIELD": "class_code",
        "PLOT_STRATUM_FIELD": "",
        "POLYGON_DENSITY": mode,
    }
    fast = processing.run(
        "carbonpool:stratifiedestimate",
        dict(params, OUTPUT=str(tmp_path / "fast.gpkg"), OUTPUT_STRATA="memory:"),
    )
    assert used == [True]  # the copy path was taken
    generic = processing.run(
        "carbonpool:stratifiedestimate",
        dict(params, OUTPUT="memory:", OUTPUT_STRATA="memory:"),
    )
    layer = generic["OUTPUT"]  # processing.run hands temporary outputs back as layers
    names_f, rows_f, wkb_f, crs_f = _rows(Path(fast["OUTPUT"]))
    assert names_f == layer.fields().names()
    rows_g = [
        [None if v is None or v == "" or (hasattr(v, "isNull") and v.isNull()) else v for v in a]
        for a in (f.attributes() for f in layer.getFeatures())
    ]
    geoms_g = [f.geometry().asWkt(6) for f in layer.getFeatures()]
    assert len(rows_f) == len(rows_g) == 353
    for (fid, attrs, wkt), other, gwkt in zip(rows_f, rows_g, geoms_g):
        assert fid == other[0]  # the input's feature ids are kept, as the generic sink does
        assert all(_same(a, b) for a, b in zip(attrs, other)), fid
        assert wkt == gwkt
    assert wkb_f == layer.wkbType() and crs_f == layer.crs().authid()
    assert fast["TOTAL_TCO2E"] == generic["TOTAL_TCO2E"]
    assert used == [True]  # memory output: the generic sink


def _add_column(path: Path, sql_type: str, name: str, expression: str) -> None:
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL('ALTER TABLE trees ADD COLUMN "{}" {}'.format(name, sql_type))
    ds.ExecuteSQL('UPDATE trees SET "{}" = {}'.format(name, expression))
    ds = None


@pytest.mark.parametrize(
    "sql_type, expression",
    [
        ("INTEGER", "fid % 6"),  # Integer64 in GDAL: 0..5, crown exposure 4-5 = open-grown
        ("MEDIUMINT", "CASE WHEN fid % 7 = 0 THEN NULL ELSE fid % 2 END"),  # Int32 with NULLs
    ],
)
def test_integer_open_grown_codes_read_as_qgis_does(
    processing, sample_gpkg, tmp_path, monkeypatch, sql_type, expression
):
    """Regression: the fast reader turned integer codes into floats ("1.0"), so no tree was
    open-grown and the i-Tree 0.8 factor was lost (AGB 503.3 t instead of 450.7 t)."""
    _add_column(sample_gpkg, sql_type, "open", expression)
    params = dict(PARAMS, INPUT=str(sample_gpkg), METHOD=1, OPEN_GROWN_FIELD="open")
    fast = processing.run("carbonpool:treebiomass", dict(params, OUTPUT=str(tmp_path / "f.gpkg")))
    monkeypatch.setattr(TreeBiomassAlgorithm, "FAST_IO", False)
    slow = processing.run("carbonpool:treebiomass", dict(params, OUTPUT=str(tmp_path / "s.gpkg")))
    assert fast["AGB_T"] == slow["AGB_T"]
    plain = processing.run(
        "carbonpool:treebiomass", dict(params, OPEN_GROWN_FIELD="", OUTPUT="memory:")
    )
    assert fast["AGB_T"] < plain["AGB_T"]  # some trees were open-grown (× 0.8)


def test_float32_column_read_in_full(processing, sample_gpkg, tmp_path, monkeypatch):
    """A GeoPackage FLOAT (single precision in GDAL) column is stored as a double, which QGIS reads
    in full; the Arrow stream would round it, so the fast reader steps aside."""
    _add_column(sample_gpkg, "FLOAT", "h32", 'CAST("ความสูง_ม" AS REAL) + 0.123456789')
    params = dict(PARAMS, INPUT=str(sample_gpkg), HEIGHT_FIELD="h32")
    fast = processing.run("carbonpool:treebiomass", dict(params, OUTPUT=str(tmp_path / "f.gpkg")))
    monkeypatch.setattr(TreeBiomassAlgorithm, "FAST_IO", False)
    slow = processing.run("carbonpool:treebiomass", dict(params, OUTPUT=str(tmp_path / "s.gpkg")))
    assert fast["AGB_T"] == slow["AGB_T"]


def test_fast_path_only_for_plain_geopackages(processing, sample_gpkg, tmp_path, monkeypatch):
    """CSV with open options (X/Y columns, types), other OGR formats (a shapefile's encoding is
    QGIS's to decide) and a GeoPackage with an OBJECTID fid column go through QGIS."""
    used = []
    monkeypatch.setattr(qgis_io.GpkgCopyWriter, "start", lambda self: used.append(True))
    csv = str(SAMPLE / "trees_2568.csv")
    other_format = tmp_path / "trees.geojson"  # any OGR format but GeoPackage
    gdal.VectorTranslate(str(other_format), str(sample_gpkg), format="GeoJSON")
    objectid = tmp_path / "objectid.gpkg"
    gdal.VectorTranslate(
        str(objectid), str(sample_gpkg), format="GPKG", layerCreationOptions=["FID=OBJECTID"]
    )
    for source in (
        csv + "|option:AUTODETECT_TYPE=YES",
        str(other_format),
        str(objectid),
    ):
        result = processing.run(
            "carbonpool:treebiomass",
            dict(PARAMS, INPUT=source, OUTPUT=str(tmp_path / "out.gpkg")),
        )
        assert result["N_TREES"] > 1000, source
    assert not used
    layer = QgsVectorLayer(str(tmp_path / "out.gpkg"), "out", "ogr")
    assert "OBJECTID" in layer.fields().names()  # kept as the generic sink keeps it


def test_names_and_paths_as_qgis_gives_them(processing, sample_gpkg, tmp_path, monkeypatch):
    """The output layer is named as QGIS's own sink names it (file name up to the first dot;
    letter case kept), also on the whole-file copy path (input with spaces in its name)."""
    import shutil

    whole = []
    real = qgis_io.GpkgCopyWriter.finish

    def spy(self, *args, **kwargs):
        self.wait_quietly()
        whole.append(self.whole_file is not None)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(qgis_io.GpkgCopyWriter, "finish", spy)
    odd = tmp_path / "ต้นไม้ 2568.gpkg"
    shutil.copyfile(sample_gpkg, odd)
    for name in ("my.trees.v2.gpkg", "Trees.gpkg"):
        processing.run(
            "carbonpool:treebiomass", dict(PARAMS, INPUT=str(odd), OUTPUT=str(tmp_path / name))
        )
    assert whole == [True, True]
    monkeypatch.setattr(TreeBiomassAlgorithm, "FAST_IO", False)
    processing.run(
        "carbonpool:treebiomass", dict(PARAMS, INPUT=str(odd), OUTPUT=str(tmp_path / "g.x.gpkg"))
    )
    names = {}
    for name in ("my.trees.v2.gpkg", "Trees.gpkg", "g.x.gpkg"):
        ds = gdal.OpenEx(str(tmp_path / name), gdal.OF_VECTOR)
        names[name] = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
        ds = None
    assert names["g.x.gpkg"] == ["g"]  # what QGIS's sink does
    assert names["my.trees.v2.gpkg"] == ["my"] and names["Trees.gpkg"] == ["Trees"]


def test_background_gdal_copy_stops_when_aborted(tmp_path):
    """Cancelling a run discards its output: the GDAL copy behind it (seconds for big tables, with
    its R-tree) stops at its next progress callback instead of running to the end."""
    import time

    n = 600_000
    csv = tmp_path / "points.csv"
    with open(csv, "w", encoding="utf-8") as handle:
        handle.write("x,y,v\n")
        handle.writelines(
            "{},{},{}\n".format(600000 + i % 1000, 1500000 + i // 1000, i) for i in range(n)
        )
    source = tmp_path / "points.gpkg"
    gdal.VectorTranslate(
        str(source),
        str(csv),
        format="GPKG",
        layerName="points",
        options=["-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-a_srs", "EPSG:32647"],
    )
    src = qgis_io.OgrFileSource(str(source), "points", None)
    timings = {}
    for abort in (False, True):
        writer = qgis_io.GpkgCopyWriter(src, str(tmp_path / "copy_{}.gpkg".format(abort)), "copy")
        started = time.perf_counter()
        writer.start()
        if abort:
            time.sleep(0.1)
            writer.abort()
        writer.wait_quietly()
        timings[abort] = time.perf_counter() - started
    # an aborted copy stops early: well before the full copy of the same table ends (relative,
    # so a fast machine does not make it flaky), and within the one second
    assert timings[True] < min(1.0, timings[False] / 2), timings


def test_wal_mode_input(processing, sample_gpkg, tmp_path, monkeypatch):
    """A GeoPackage QGIS has put in WAL mode (it does when editing): the whole-file copy gives the
    same result as the generic path and an output in the ordinary journal mode. (Reading a
    WAL-mode file through GDAL/QGIS may itself touch it; see the closing note of session 2.)"""
    import sqlite3

    con = sqlite3.connect(str(sample_gpkg))
    assert con.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    con.close()
    fast = processing.run(
        "carbonpool:treebiomass",
        dict(PARAMS, INPUT=str(sample_gpkg), OUTPUT=str(tmp_path / "f.gpkg")),
    )
    con = sqlite3.connect(str(tmp_path / "f.gpkg"))
    assert con.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
    con.close()
    _check_gpkg(tmp_path / "f.gpkg")
    monkeypatch.setattr(TreeBiomassAlgorithm, "FAST_IO", False)
    slow = processing.run(
        "carbonpool:treebiomass",
        dict(PARAMS, INPUT=str(sample_gpkg), OUTPUT=str(tmp_path / "s.gpkg")),
    )
    assert fast["CO2E_T"] == slow["CO2E_T"]
