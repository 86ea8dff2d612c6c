"""``AtomicOutputs`` on its own (issue 11): a minimal algorithm with two sink parameters, driven
by hand, so every edge case (missing folder, memory and ``ogr:`` targets, shapefile sidecars,
stale SQLite logs, discard twice, a sink left open, a writer replacing the sink's file) is checked
without a whole Carbon Pool run."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProject,
    QgsRemappingSinkDefinition,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from carbon_pool_plugin.atomic_outputs import TEMP_PREFIX, AtomicOutputs

CRS = QgsCoordinateReferenceSystem("EPSG:32647")
PREVIOUS = b"the previous run's output\n" * 64


class _Alg(QgsProcessingAlgorithm):
    """Just the sink parameters (``parameterAsSink`` and friends need their definitions)."""

    def name(self):
        return "atomic_test"

    def createInstance(self):
        return _Alg()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Output"))
        self.addParameter(QgsProcessingParameterFeatureSink("OTHER", "Other", optional=True))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        return {}


@pytest.fixture
def alg(qgis_app):
    algorithm = _Alg()
    algorithm.initAlgorithm()
    return algorithm


@pytest.fixture
def context(qgis_app):
    ctx = QgsProcessingContext()
    ctx.setProject(QgsProject.instance())
    return ctx


def _fields():
    fields = QgsFields()
    fields.append(QgsField("n", QVariant.Int))
    return fields


def _write(sink, n=3):
    features = []
    for i in range(n):
        feature = QgsFeature(_fields())
        feature.setAttributes([i])
        feature.setGeometry(QgsGeometry.fromWkt("POINT({} {})".format(640000 + i, 1580000)))
        features.append(feature)
    assert sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)


def _count(source: str) -> int:
    layer = QgsVectorLayer(source, "out", "ogr")
    assert layer.isValid(), source
    return layer.featureCount()


def _temp_folders(folder: Path) -> list:
    return sorted(str(p) for p in folder.rglob(TEMP_PREFIX + "*"))


def test_file_output_written_aside_then_moved(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert dest_id.split("|")[0] == str(target)  # the final id, at once
    temp = outputs.temp_path(dest_id)
    assert Path(temp).parent.name.startswith(TEMP_PREFIX)
    assert Path(temp).parent.parent == tmp_path  # same folder: the move is a rename
    assert Path(temp).name == "out.gpkg"  # same name: same GeoPackage layer name
    assert outputs.temp_id(dest_id).startswith(temp)
    _write(sink)
    del sink
    assert not target.exists()  # nothing under the final name before the commit
    outputs.commit()
    assert _count(dest_id) == 3
    assert _temp_folders(tmp_path) == []
    mask = os.umask(0)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    outputs.commit()  # a second commit is a no-op
    outputs.discard()  # and so is a discard after it
    assert _count(dest_id) == 3


def test_discard_keeps_the_previous_file(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    target.write_bytes(PREVIOUS)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink)
    del sink
    outputs.discard()
    outputs.discard()  # twice: no error
    assert target.read_bytes() == PREVIOUS
    assert _temp_folders(tmp_path) == []
    with pytest.raises(RuntimeError):
        outputs.commit()  # a discarded run cannot be committed
    with pytest.raises(RuntimeError):
        outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)


def test_context_manager_discards_on_exception_and_open_sink(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    target.write_bytes(PREVIOUS)
    kept = []
    with pytest.raises(ValueError):
        with AtomicOutputs(alg, {"OUTPUT": str(target)}, context) as outputs:
            sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
            kept.append(sink)  # still referenced: discard must close it before removing
            _write(sink)
            raise ValueError("boom")
    assert target.read_bytes() == PREVIOUS
    assert _temp_folders(tmp_path) == []
    from qgis.PyQt import sip

    assert sip.isdeleted(kept[0])


def test_context_manager_without_commit_discards(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    target.write_bytes(PREVIOUS)
    with AtomicOutputs(alg, {"OUTPUT": str(target)}, context) as outputs:
        sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
        _write(sink)
        del sink  # e.g. a return on cancel: no commit
    assert target.read_bytes() == PREVIOUS
    assert _temp_folders(tmp_path) == []


def test_commit_closes_a_sink_left_open(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink, 5)
    outputs.commit()  # no ``del sink``: closed (flushed) by commit before the move
    assert _count(dest_id) == 5
    assert _temp_folders(tmp_path) == []


def test_missing_target_folder_created_and_removed_on_discard(alg, context, tmp_path):
    target = tmp_path / "a" / "b" / "out.gpkg"
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert target.parent.is_dir()
    del sink
    outputs.discard()
    assert not (tmp_path / "a").exists()  # the folders this run made are gone again

    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink)
    del sink
    outputs.commit()
    assert _count(dest_id) == 3
    assert _temp_folders(tmp_path) == []


def test_two_outputs_in_one_missing_folder_discarded(alg, context, tmp_path):
    folder = tmp_path / "new"
    params = {"OUTPUT": str(folder / "a.gpkg"), "OTHER": str(folder / "b.csv")}
    outputs = AtomicOutputs(alg, params, context)
    sinks = [
        outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS),
        outputs.sink("OTHER", _fields(), QgsWkbTypes.Type.NoGeometry, CRS),
        outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS),  # asked again
        outputs.sink("OTHER", _fields(), QgsWkbTypes.Type.NoGeometry, CRS),
    ]
    assert len(_temp_folders(folder)) == 2
    del sinks
    outputs.discard()
    assert not folder.exists()


def test_sink_creation_failure_leaves_nothing(alg, context, tmp_path, monkeypatch):
    target = tmp_path / "new" / "out.gpkg"

    def refuse(*args):
        raise QgsProcessingException("could not create the layer")

    monkeypatch.setattr(alg, "parameterAsSink", refuse)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    with pytest.raises(QgsProcessingException):
        outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert list(tmp_path.iterdir()) == []  # neither a temporary folder nor the made folder


def test_memory_target_is_passed_through(alg, context, tmp_path):
    outputs = AtomicOutputs(alg, {"OUTPUT": "memory:"}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert sink is not None and dest_id and TEMP_PREFIX not in dest_id
    assert outputs.temp_path(dest_id) is None
    _write(sink)
    del sink
    outputs.commit()
    layer = context.getMapLayer(dest_id)
    assert layer is not None and layer.featureCount() == 3


def test_temporary_output_and_unset_optional_output(alg, context):
    outputs = AtomicOutputs(alg, {"OUTPUT": "TEMPORARY_OUTPUT"}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert sink is not None and context.getMapLayer(dest_id) is not None
    sink2, other_id = outputs.sink("OTHER", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert sink2 is None and not other_id  # not asked for: no sink, as parameterAsSink
    del sink
    outputs.commit()


def _gpkg_with_layer(path: Path, name: str) -> None:
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32647)
    layer = ds.CreateLayer(name, srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("n", ogr.OFTInteger))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("n", 7)
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (640000 1580000)"))
    layer.CreateFeature(feature)
    ds = None


@pytest.mark.parametrize("finish", ["commit", "discard"])
def test_ogr_table_in_existing_file_is_never_deleted(alg, context, tmp_path, finish):
    existing = tmp_path / "project.gpkg"
    _gpkg_with_layer(existing, "plots")
    uri = "ogr:dbname='{}' table=\"results\" (geom)".format(existing)
    outputs = AtomicOutputs(alg, {"OUTPUT": uri}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert dest_id == "{}|layername=results".format(existing)  # written in place
    assert outputs.temp_path(dest_id) is None
    _write(sink)
    del sink
    getattr(outputs, finish)()
    assert existing.is_file()  # a file this run did not create as a whole stays
    assert _count("{}|layername=plots".format(existing)) == 1
    assert _temp_folders(tmp_path) == []


def test_append_with_field_mapping_is_passed_through(alg, context, tmp_path):
    existing = tmp_path / "appended.gpkg"
    _gpkg_with_layer(existing, "appended")
    before = existing.stat().st_ino
    definition = QgsProcessingOutputLayerDefinition(str(existing))
    remap = QgsRemappingSinkDefinition()
    remap.setDestinationFields(_fields())
    remap.setDestinationWkbType(QgsWkbTypes.Type.Point)
    remap.setSourceCrs(CRS)
    remap.setDestinationCrs(CRS)
    from qgis.core import QgsProperty

    remap.setFieldMap({"n": QgsProperty.fromField("n")})
    definition.setRemappingDefinition(remap)
    assert definition.useRemapping()
    outputs = AtomicOutputs(alg, {"OUTPUT": definition}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert outputs.temp_path(dest_id) is None
    _write(sink, 2)
    del sink
    outputs.commit()
    assert existing.stat().st_ino == before  # appended to, not replaced
    assert _count(str(existing)) == 3
    assert _temp_folders(tmp_path) == []


def test_shapefile_sidecars_moved_and_stale_ones_removed(alg, context, tmp_path):
    target = tmp_path / "plots.shp"
    stale = {"plots.shp", "plots.shx", "plots.dbf", "plots.qix", "plots.sbn", "plots.shp.xml"}
    for name in stale:
        (tmp_path / name).write_bytes(PREVIOUS)
    unrelated = tmp_path / "plots.qml"  # a user's style file is not part of the dataset
    unrelated.write_bytes(PREVIOUS)
    other = tmp_path / "plots2.qix"
    other.write_bytes(PREVIOUS)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    written = sorted(os.listdir(Path(outputs.temp_path(dest_id)).parent))
    assert {"plots.shp", "plots.shx", "plots.dbf", "plots.prj"} <= set(written)
    _write(sink, 4)
    del sink
    # before the commit the old shapefile is complete and untouched
    assert all((tmp_path / name).read_bytes() == PREVIOUS for name in stale)
    outputs.commit()
    assert _count(dest_id) == 4
    for name in written:
        assert (tmp_path / name).is_file()
    for name in ("plots.qix", "plots.sbn", "plots.shp.xml"):
        assert not (tmp_path / name).exists(), name
    assert unrelated.read_bytes() == PREVIOUS and other.read_bytes() == PREVIOUS
    assert _temp_folders(tmp_path) == []


def test_table_without_geometry_to_shp_target_replaces_the_old_shapefile(alg, context, tmp_path):
    """A geometry-less table written to ``x.shp`` is a lone ``x.dbf`` (GDAL): the old ``x.shp``
    and ``x.shx`` must go, or ``x.shp`` would pair the old geometries with the new table."""
    target = tmp_path / "trees.shp"
    for name in ("trees.shp", "trees.shx", "trees.dbf", "trees.qix"):
        (tmp_path / name).write_bytes(PREVIOUS)
    definition = QgsProcessingOutputLayerDefinition(str(target), QgsProject.instance())
    definition.destinationName = "trees"
    outputs = AtomicOutputs(alg, {"OUTPUT": definition}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.NoGeometry, CRS)
    assert dest_id == str(tmp_path / "trees.dbf")  # the file that exists, not trees.shp
    assert list(context.layersToLoadOnCompletion()) == [dest_id]
    feature = QgsFeature(_fields())
    feature.setAttributes([7])
    assert sink.addFeatures([feature], QgsFeatureSink.Flag.FastInsert)
    del sink
    written = sorted(os.listdir(Path(outputs.temp_path(dest_id)).parent))
    assert "trees.dbf" in written and "trees.shp" not in written
    outputs.commit()
    assert sorted(os.listdir(tmp_path)) == written
    assert _count(str(tmp_path / "trees.dbf")) == 1


def test_stale_sqlite_log_at_the_target_removed(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(target) + suffix).write_bytes(PREVIOUS)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink)
    del sink
    outputs.commit()
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(str(target) + suffix).exists(), suffix
    assert _count(dest_id) == 3


def test_write_ahead_log_in_the_temporary_folder_is_folded_in(alg, context, tmp_path):
    """A writer that leaves a ``-wal`` beside its file: the move carries one complete file."""
    target = tmp_path / "out.gpkg"
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink)
    del sink
    temp = outputs.temp_path(dest_id)
    # a live WAL connection's files, copied aside: the database file alone lacks the new rows
    live = tmp_path / "live"
    live.mkdir()
    source = live / "db.gpkg"
    con = sqlite3.connect(str(source))
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x INTEGER)")
    con.commit()
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    con.commit()
    for suffix in ("", "-wal"):
        Path(temp + suffix).write_bytes(Path(str(source) + suffix).read_bytes())
    con.close()
    outputs.commit()
    assert not Path(str(target) + "-wal").exists()
    check = sqlite3.connect(str(target))
    assert check.execute("SELECT count(*) FROM t").fetchone()[0] == 100
    check.close()


def test_writer_replacing_the_sink_file(alg, context, tmp_path):
    """The GDAL fast path: close the sink, write ``temp_path`` with GDAL, commit."""
    from osgeo import gdal

    source = tmp_path / "source.gpkg"
    _gpkg_with_layer(source, "src")
    target = tmp_path / "copy.gpkg"
    target.write_bytes(PREVIOUS)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    del sink
    temp = outputs.temp_path(dest_id)
    os.remove(temp)
    gdal.VectorTranslate(temp, str(source), format="GPKG", layerName="copy")
    assert target.read_bytes() == PREVIOUS
    outputs.commit()
    assert _count(dest_id) == 1


class _Writer:
    def __init__(self, dest_path):
        self.dest_path = str(dest_path)
        self.waited = 0

    def wait_quietly(self):
        self.waited += 1


def test_registered_writers_awaited_and_in_place_files_removed(alg, context, tmp_path):
    in_place = tmp_path / "in_place.gpkg"  # a writer that made its whole file at the target
    in_place.write_bytes(PREVIOUS)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(tmp_path / "out.gpkg")}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    del sink
    aside = _Writer(outputs.temp_path(dest_id))
    direct = _Writer(in_place)
    outputs.add_writer(aside)
    outputs.add_writer(direct)
    outputs.add_writer(None)
    outputs.discard()
    assert aside.waited and direct.waited
    assert not in_place.exists()
    assert _temp_folders(tmp_path) == []

    outputs = AtomicOutputs(alg, {"OUTPUT": str(tmp_path / "out.gpkg")}, context)
    writer = _Writer(tmp_path / "elsewhere.gpkg")
    outputs.add_writer(writer)
    outputs.commit()
    assert writer.waited


def test_same_output_asked_twice_keeps_the_last(alg, context, tmp_path):
    target = tmp_path / "out.gpkg"
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    first, first_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(first, 1)
    second, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    assert first_id == dest_id
    assert len(_temp_folders(tmp_path)) == 1  # the first attempt's folder is gone
    _write(second, 6)
    del first, second
    outputs.commit()
    assert _count(dest_id) == 6


def test_load_on_completion_keyed_by_the_final_path(alg, context, tmp_path):
    target = tmp_path / "loaded.gpkg"
    definition = QgsProcessingOutputLayerDefinition(str(target), QgsProject.instance())
    definition.destinationName = "My layer"
    definition.createOptions = {"fileEncoding": "UTF-8"}
    outputs = AtomicOutputs(alg, {"OUTPUT": definition}, context)
    sink, dest_id = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    loads = context.layersToLoadOnCompletion()
    assert list(loads) == [dest_id]
    assert not any(TEMP_PREFIX in key for key in loads)
    details = context.layerToLoadOnCompletionDetails(dest_id)
    assert details.name == "My layer" and details.outputName == "OUTPUT"
    assert details.project is QgsProject.instance()
    from carbon_pool_plugin.algorithms.styling import attach_style

    assert attach_style(context, dest_id, "plots_status.qml")  # styling by the final id works
    assert context.layerToLoadOnCompletionDetails(dest_id).postProcessor() is not None
    _write(sink)
    del sink
    outputs.commit()
    assert _count(dest_id) == 3


def test_commit_failure_is_a_processing_error_and_discards(alg, context, tmp_path, monkeypatch):
    target = tmp_path / "out.gpkg"
    target.write_bytes(PREVIOUS)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context)
    sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    del sink

    def refuse(src, dst):
        raise PermissionError(13, "in use", dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(QgsProcessingException) as raised:
        outputs.commit()
    monkeypatch.undo()
    message = str(raised.value)
    assert str(target) in message and "open in QGIS" in message  # says which file and why
    assert target.read_bytes() == PREVIOUS
    assert _temp_folders(tmp_path) == []


@pytest.mark.parametrize(
    "names, expected",
    [
        # Thai: 3 bytes a letter in UTF-8; GDAL would cut 'ลำต้น' (15 bytes) after byte 10,
        # inside the 4th letter
        (["ลำต้น"], ["ลำต"]),
        (["รหัสแปลง", "รหัสแปลง_2"], ["รหั", "รห_1"]),
        (["height_source", "height_sou"], ["height_sou", "height_s_1"]),
        (["fid", "DBH", "dbh"], ["fid", "DBH", "dbh_1"]),
        (["exactly_10"], ["exactly_10"]),
    ],
)
def test_dbf_field_names(names, expected):
    from carbon_pool_plugin.atomic_outputs import dbf_field_names

    assert dbf_field_names(names) == expected
    assert all(len(n.encode("utf-8")) <= 10 for n in expected)


def test_shapefile_target_gets_valid_thai_field_names(alg, context, tmp_path):
    class Feedback:
        def __init__(self):
            self.warnings = []

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)

    fields = QgsFields()
    for name in ("ลำต้น", "เส้นรอบวง_ซม", "n"):
        fields.append(QgsField(name, QVariant.Int))
    feedback = Feedback()
    target = tmp_path / "trees.shp"
    outputs = AtomicOutputs(alg, {"OUTPUT": str(target)}, context, feedback)
    sink, dest_id = outputs.sink("OUTPUT", fields, QgsWkbTypes.Type.Point, CRS)
    feature = QgsFeature(fields)  # built with the original names: attributes go by position
    feature.setAttributes([1, 2, 3])
    feature.setGeometry(QgsGeometry.fromWkt("POINT(640000 1580000)"))
    assert sink.addFeatures([feature], QgsFeatureSink.Flag.FastInsert)
    del sink
    outputs.commit()
    layer = QgsVectorLayer(dest_id, "out", "ogr")
    assert layer.fields().names() == ["ลำต", "เส้", "n"]
    assert next(layer.getFeatures()).attributes() == [1, 2, 3]
    assert len(feedback.warnings) == 1 and "ลำต้น → ลำต" in feedback.warnings[0]


def test_failed_commit_puts_the_whole_old_shapefile_back(alg, context, tmp_path, monkeypatch):
    """Windows refuses to replace a file open in QGIS: the commit fails half-way through a
    shapefile's files. Every old file — sidecars the new dataset lacks (.qix, .cpg) included —
    must be back, byte for byte, and nothing new left at the target."""
    old_files = {
        n: PREVIOUS + n.encode()
        for n in ("out.shp", "out.shx", "out.dbf", "out.prj", "out.cpg", "out.qix")
    }
    for name, data in old_files.items():
        (tmp_path / name).write_bytes(data)
    outputs = AtomicOutputs(alg, {"OUTPUT": str(tmp_path / "out.shp")}, context)
    sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink)
    del sink
    real = os.replace

    def locked(src, dst):
        moving_in = ".previous" not in str(src) and ".previous" not in str(dst)
        if str(dst).endswith("out.dbf") and moving_in:
            raise PermissionError(13, "in use", str(dst))  # the new .dbf cannot move in
        return real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(QgsProcessingException):
        outputs.commit()
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(old_files)
    for name, data in old_files.items():
        assert (tmp_path / name).read_bytes() == data, name


def test_temporary_folders_of_killed_runs_are_cleaned_later(alg, context, tmp_path):
    """A killed run leaves its .carbonpool-* folder; the next run writing to that folder removes
    it once it is old (not a young one: another QGIS may be writing there right now)."""
    import time

    from carbon_pool_plugin.atomic_outputs import STALE_TEMP_SECONDS

    old = tmp_path / (TEMP_PREFIX + "killed")
    young = tmp_path / (TEMP_PREFIX + "running")
    for folder in (old, young):
        folder.mkdir()
        (folder / "out.gpkg").write_bytes(b"half")
    stamp = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (stamp, stamp))
    outputs = AtomicOutputs(alg, {"OUTPUT": str(tmp_path / "new.gpkg")}, context)
    sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    del sink
    outputs.commit()
    assert not old.exists() and young.exists()


@pytest.mark.parametrize("target", ["out.gpkg", "out.shp"])
def test_interrupted_commit_keeps_the_old_dataset(alg, context, tmp_path, monkeypatch, target):
    """Ctrl+C (or any non-OSError) in the middle of the final move: the old dataset is still at
    the target afterwards (a GeoPackage is one atomic rename; a shapefile is put back)."""
    from carbon_pool_plugin import qgis_io

    names = ["out.gpkg"] if target == "out.gpkg" else ["out.shp", "out.shx", "out.dbf", "out.qix"]
    for name in names:
        (tmp_path / name).write_bytes(PREVIOUS + name.encode())
    outputs = AtomicOutputs(alg, {"OUTPUT": str(tmp_path / target)}, context)
    sink, _dest = outputs.sink("OUTPUT", _fields(), QgsWkbTypes.Type.Point, CRS)
    _write(sink)
    del sink
    calls = []

    def interrupt(path):
        calls.append(path)
        if len(calls) == 2 or target == "out.gpkg":
            raise KeyboardInterrupt

    monkeypatch.setattr(qgis_io, "default_file_mode", interrupt)
    with pytest.raises(KeyboardInterrupt):
        with outputs:
            outputs.commit()
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    for name in names:
        assert (tmp_path / name).read_bytes() == PREVIOUS + name.encode(), name
