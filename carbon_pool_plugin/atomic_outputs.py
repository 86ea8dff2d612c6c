"""Vector outputs that are complete or absent: written under a temporary name, then moved.

A Processing sink normally writes straight to its final path, so a run that is cancelled, fails or
is killed leaves a half-written file there, and the file that was there before is gone the moment
the sink is created. :class:`AtomicOutputs` makes the sink write to a hidden temporary folder next
to the target instead (``<folder>/.carbonpool-XXXXXXXX/<same file name>``: same file system, so
the final move is a rename; same file name, so the GeoPackage layer name and every shapefile
sidecar are those of the final file) and moves the finished files into place only when the
algorithm succeeded. Usage in ``processAlgorithm``::

    with AtomicOutputs(self, parameters, context) as outputs:
        results = self._process(parameters, context, feedback, outputs)
        if results:            # a cancelled run returns {} and keeps nothing
            outputs.commit()   # every sink of _process is closed: its frame is gone
        return results

and in the body ``sink, dest_id = outputs.sink(self.OUTPUT, fields, wkb_type, crs)`` instead of
``self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, crs)``. Leaving the
``with`` block without :meth:`AtomicOutputs.commit` (a return on cancel, an exception) discards:
the temporary folders go, the file previously at the target is untouched.

``dest_id`` is already the *final* destination id, and QGIS's load-on-completion entry is re-keyed
to it at once, so ``attach_style(context, dest_id, ...)``, the results and QGIS's loading after the
run all name the final path. Targets that are not a plain file path (memory layers, databases,
``ogr:`` URIs naming a table in an existing file, appends with field mapping) are passed to
``parameterAsSink`` unchanged and never deleted: the output is added to something this run did
not create as a whole.

Sinks must be closed before :meth:`~AtomicOutputs.commit` (``del sink``, or return from the
function holding it); as a safety net commit and discard close any sink made here that is still
open. A hard kill of QGIS can leave a hidden ``.carbonpool-*`` folder next to the target (never a
half-written file under the final name); the next run writing to that folder removes it once it
is :data:`STALE_TEMP_SECONDS` old.

PyQGIS adapter code, no GUI calls.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import weakref
from typing import Callable, Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsWkbTypes,
)

from . import qgis_io
from .i18n import tr

#: prefix of the hidden temporary folders made next to each target
TEMP_PREFIX = ".carbonpool-"

#: files that belong to a dataset with the main file's stem, by main-file extension (lower case):
#: those left at the destination by an older dataset and not written by the new one are removed,
#: or a stale spatial index (.qix), encoding (.cpg) or projection would be read with the new data
SIDECARS: Dict[str, Tuple[str, ...]] = {
    ".shp": (
        ".shx",
        ".dbf",
        ".prj",
        ".cpg",
        ".qix",
        ".sbn",
        ".sbx",
        ".qpj",
        ".fix",
        ".atx",
        ".aih",
        ".ain",
        ".ixs",
        ".mxs",
        ".fbn",
        ".fbx",
        ".shp.xml",
    ),
    ".tab": (".dat", ".id", ".map", ".ind"),
    # a lone dBase table written for a ``.shp`` target replaces a whole older shapefile
    ".dbf": (".shp", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".shp.xml"),
    ".csv": (".csvt", ".prj"),
}

#: sub-folder of a temporary folder holding the older dataset while the new one moves in
_ASIDE = ".previous"

#: SQLite (GeoPackage, SpatiaLite) files next to the main file: an old write-ahead log or journal
#: must never meet a new database
SQLITE_SUFFIXES = ("-wal", "-shm", "-journal")


def _cut_utf8(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes at a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def dbf_field_names(names: List[str], limit: int = 10) -> List[str]:
    """Field names a shapefile (dBase) can hold: at most ``limit`` bytes, unique ignoring case.

    GDAL cuts longer names at byte 10, which splits a Thai letter (3 bytes in UTF-8) and leaves
    an invalid name such as ``ลำต\ufffd``; here a name is cut at a character boundary and a clash
    gets ``_1``, ``_2``, … (also within the limit). Names that fit are kept as they are.
    """
    out: List[str] = []
    seen = set()
    for name in names:
        candidate = _cut_utf8(name, limit)
        number = 1
        while candidate.lower() in seen:
            suffix = "_{}".format(number)
            candidate = _cut_utf8(name, limit - len(suffix)) + suffix
            number += 1
        seen.add(candidate.lower())
        out.append(candidate)
    return out


#: a temporary folder untouched this long was left by a killed run (QGIS closed mid-write): the
#: next run writing to the same folder removes it
STALE_TEMP_SECONDS = 6 * 3600


def _remove_stale_temp_folders(folder: str) -> None:
    """Remove ``.carbonpool-*`` folders in ``folder`` left by killed runs, except one holding
    ``.previous``: an older dataset a killed commit had moved aside is never deleted
    automatically."""
    qgis_io.remove_stale_folders(
        folder,
        TEMP_PREFIX,
        STALE_TEMP_SECONDS,
        keep=lambda path: os.path.isdir(os.path.join(path, _ASIDE)),
    )


def _same_path(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _inside(path: str, folder: str) -> bool:
    path = os.path.normcase(os.path.abspath(path))
    folder = os.path.normcase(os.path.abspath(folder))
    return path.startswith(folder + os.sep)


class _Staged:
    """One sink written under a temporary folder (``tmpdir``) for the final folder ``folder``."""

    def __init__(self, key: str, target: str, folder: str, tmpdir: str, created: List[str]):
        self.key = key
        self.target = target  # parameterAsOutputLayer, as given (may be relative)
        self.folder = folder  # absolute final folder
        self.tmpdir = tmpdir
        self.created = created  # folders made for the target (deepest last)
        self.temp_id = ""
        self.final_id = ""
        self.file_name = ""  # the main file's name (same in tmpdir and folder)
        self.sink_ref: Optional[Callable] = None

    @property
    def temp_file(self) -> str:
        return os.path.join(self.tmpdir, self.file_name)

    @property
    def final_file(self) -> str:
        return os.path.join(self.folder, self.file_name)


class AtomicOutputs:
    """The vector outputs of one run of ``alg``: each complete at its final path, or absent.

    See the module documentation for the usage. :meth:`sink` replaces ``alg.parameterAsSink``;
    :meth:`commit` moves everything into place (after every sink is closed); :meth:`discard`
    (cancel, error; also what leaving the ``with`` block without a commit does) removes the
    temporary files and leaves the previous files at the targets untouched.
    """

    def __init__(self, alg, parameters: dict, context, feedback=None):
        self.alg = alg
        self.parameters = parameters
        self.context = context
        #: where renamed shapefile fields are reported (optional)
        self.feedback = feedback
        self._staged: List[_Staged] = []
        self._sinks: list = []  # weak references to every sink made here (closed at the end)
        self._writers: list = []
        self._state = "open"  # open -> committed | discarded
        self._on_commit: list = []

    # -- context manager ----------------------------------------------------------------------
    def __enter__(self) -> AtomicOutputs:
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        self.discard()  # nothing left to discard after a commit
        return False

    # -- sinks --------------------------------------------------------------------------------
    def sink(
        self,
        key: str,
        fields,
        wkb_type=QgsWkbTypes.Type.NoGeometry,
        crs: Optional[QgsCoordinateReferenceSystem] = None,
        *extra,
    ):
        """``(sink, dest_id)`` as ``alg.parameterAsSink(parameters, key, context, fields,
        wkb_type, crs, *extra)`` would return them, ``dest_id`` naming the final path; the sink
        writes under a temporary folder until :meth:`commit` when the target is a plain file.

        ``sink`` is None (and ``dest_id`` empty) for an optional output that was not asked for,
        as with ``parameterAsSink``. Asking again for the same ``key`` replaces the earlier
        temporary output of that key.
        """
        if self._state != "open":
            raise RuntimeError("AtomicOutputs.sink() after commit() or discard()")
        if crs is None:
            crs = QgsCoordinateReferenceSystem()
        target = self.alg.parameterAsOutputLayer(self.parameters, key, self.context) or ""
        value = self.parameters.get(key)
        definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
        path = qgis_io.new_file_path(target)
        if path is None or (definition is not None and definition.useRemapping()):
            # memory layer, database, a table added to an existing file, an append: as QGIS does
            sink, dest_id = self.alg.parameterAsSink(
                self.parameters, key, self.context, fields, wkb_type, crs, *extra
            )
            self._track(sink)
            return sink, dest_id
        fields = self._dbf_safe(path, fields)  # a new shapefile: names GDAL would mangle
        created: List[str] = []  # folders made for this target, kept across a repeated key
        for old in [s for s in self._staged if s.key == key]:
            created += self._drop(old)
        folder = os.path.dirname(os.path.abspath(path))
        try:
            created += self._make_folder(folder)
            _remove_stale_temp_folders(folder)
            tmpdir = tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=folder)
        except OSError as err:
            self._remove_created(created)
            raise QgsProcessingException(
                "{} {}".format(self.alg.invalidSinkError(self.parameters, key), err)
            ) from err
        staged = _Staged(key, path, folder, tmpdir, created)
        self._staged.append(staged)
        temp_target = os.path.join(tmpdir, os.path.basename(path))
        if definition is not None:
            redirected = QgsProcessingOutputLayerDefinition(definition)  # name, options, project
            redirected.sink = QgsProperty.fromValue(temp_target)
        else:
            redirected = QgsProcessingOutputLayerDefinition(temp_target)
        parameters = dict(self.parameters)
        parameters[key] = redirected
        try:
            sink, temp_id = self.alg.parameterAsSink(
                parameters, key, self.context, fields, wkb_type, crs, *extra
            )
        except BaseException:  # e.g. QGIS cannot create the file: leave nothing behind
            self._drop(staged)
            self._remove_created(created)
            raise
        if sink is None or not temp_id:  # no sink after all: nothing to move
            self._drop(staged)
            self._remove_created(created)
            return sink, ""
        self._track(sink)
        staged.sink_ref = self._sinks[-1]
        temp_file, sep, rest = temp_id.partition("|")
        if not _same_path(os.path.dirname(temp_file), tmpdir):
            raise QgsProcessingException(
                tr("Could not write features to the output.") + " " + temp_id
            )
        qgis_temp_id = temp_id  # QGIS's key for loading on completion
        staged.file_name = os.path.basename(temp_file)
        stem, ext = os.path.splitext(staged.file_name)
        if ext.lower() == ".shp" and not os.path.exists(staged.temp_file):
            # a table without geometry "as a shapefile" is a lone dBase file: name that file,
            # or the result (and the layer loaded on completion) would point at nothing
            for dbf in (stem + ".dbf", stem + ".DBF"):
                if os.path.exists(os.path.join(tmpdir, dbf)):
                    staged.file_name = dbf
                    temp_id = os.path.join(tmpdir, dbf) + sep + rest
                    break
        staged.temp_id = temp_id
        # the final id spelled as the target was (relative stays relative), as QGIS would return
        staged.final_id = os.path.join(os.path.dirname(path), staged.file_name) + sep + rest
        self._rekey_load_on_completion(qgis_temp_id, staged.final_id, target)
        return sink, staged.final_id

    def _dbf_safe(self, target: str, fields):
        """``fields`` renamed for a shapefile/dBase target (see :func:`dbf_field_names`), each
        renaming reported; anything else unchanged. Features keep their attribute order, so a
        sink made with the renamed fields takes features built with the original ones."""
        path = (target or "").split("|", 1)[0].lower()
        if not path.endswith((".shp", ".dbf")):
            return fields
        names = fields.names()
        safe = dbf_field_names(names)
        if safe == names:
            return fields
        renamed = QgsFields(fields)
        for index, (old, new) in enumerate(zip(names, safe)):
            if old != new:
                renamed.rename(index, new)
        if self.feedback is not None:
            pairs = ", ".join(
                "{} → {}".format(old, new) for old, new in zip(names, safe) if old != new
            )
            self.feedback.pushWarning(
                tr(
                    "Shapefile field names hold at most 10 bytes (a Thai letter takes 3); "
                    "renamed: {pairs}. Write to a GeoPackage to keep the full names."
                ).format(pairs=pairs)
            )
        return renamed

    def temp_path(self, dest_id: str) -> Optional[str]:
        """The temporary file written for the final ``dest_id`` (or the temporary id itself), or
        None when that output is written in place (memory, database, ``ogr:``) or unknown.

        For writers that replace the sink's file with their own (e.g. a GDAL copy): write here,
        then :meth:`commit` moves it. Close the sink first.
        """
        staged = self._find(dest_id)
        return staged.temp_file if staged is not None else None

    def temp_id(self, dest_id: str) -> Optional[str]:
        """The temporary destination id (``path|layername=...`` as QGIS returned it) of the final
        ``dest_id``, or None (see :meth:`temp_path`)."""
        staged = self._find(dest_id)
        return staged.temp_id if staged is not None else None

    def add_writer(self, writer) -> None:
        """Register a background writer (an object with ``wait_quietly()`` and ``dest_path``,
        e.g. ``qgis_io.GpkgCopyWriter``): commit and discard wait for it first. On discard its
        ``dest_path`` is removed when it is not under a temporary folder of this object (a file
        the run created at the final path as a whole); ``None`` is ignored."""
        if writer is not None:
            self._writers.append(writer)

    # -- end of the run -----------------------------------------------------------------------
    def commit(self) -> None:
        """Move every finished output into place. Call once, after every sink is closed.

        Per output: stale sidecars of an older dataset at the destination are removed (shapefile
        ``.qix``/``.cpg``/..., SQLite ``-wal``/``-shm``/``-journal``), the new files get the
        default permissions and are renamed into the target folder (the main file last; a
        GeoPackage is one atomic rename), the temporary folder is removed. An output whose move
        fails raises ``QgsProcessingException``; the outputs not yet moved are discarded.
        """
        if self._state == "committed":
            return
        if self._state == "discarded":
            raise RuntimeError("AtomicOutputs.commit() after discard()")
        self._close_all()
        current = None
        try:
            for staged in list(self._staged):
                current = staged
                if staged.file_name:
                    self._move_into_place(staged)
                shutil.rmtree(staged.tmpdir, ignore_errors=True)
                self._staged.remove(staged)
        except OSError as err:
            self.discard()
            path = current.final_file if current is not None and current.file_name else ""
            raise QgsProcessingException(
                tr("Could not write features to the output.")
                + " "
                + tr(
                    "The finished output could not replace {path}: is it open in QGIS or "
                    "another program? Remove that layer or choose another file name. ({error})"
                ).format(path=path or getattr(err, "filename", ""), error=err.strerror or err)
            ) from err
        self._state = "committed"
        for callback in self._on_commit:
            callback()
        self._on_commit = []

    def on_commit(self, callback) -> None:
        """Run ``callback()`` once every output is in place (e.g. record the run in a baseline
        table only for outputs that exist); dropped on discard."""
        self._on_commit.append(callback)

    def discard(self) -> None:
        """Remove every temporary output (cancel, error). Safe to call twice and after commit.

        The files at the targets are left as they were; a folder made for a target is removed
        again when empty. Files of registered writers outside the temporary folders (written at
        the final path as a whole) are removed, as ``qgis_io.abandon_writer`` does.
        """
        if self._state != "open":
            return
        self._state = "discarded"
        for writer in self._writers:  # a background copy need not finish to be thrown away
            abort = getattr(writer, "abort", None)
            if abort is not None:
                abort()
        self._close_all()
        for writer in self._writers:
            path = getattr(writer, "dest_path", "")
            if path and not any(_inside(path, s.tmpdir) for s in self._staged):
                qgis_io.remove_dataset(path)
        for staged in self._staged:
            shutil.rmtree(staged.tmpdir, ignore_errors=True)
        for staged in reversed(self._staged):  # all temporary folders gone: folders now empty
            self._remove_created(staged.created)
        self._staged = []
        self._writers = []

    # -- internals ----------------------------------------------------------------------------
    def _track(self, sink) -> None:
        if sink is not None:
            self._sinks.append(weakref.ref(sink))

    def _close_all(self) -> None:
        """Close sinks still open (a forgotten ``del sink``, a traceback holding the frame) and
        wait for the background writers: nothing may write while files are moved or removed."""
        from qgis.PyQt import sip

        for ref in self._sinks:
            sink = ref()
            if sink is not None and not sip.isdeleted(sink):
                sip.delete(sink)  # the C++ writer's destructor flushes and closes the file
        self._sinks = []
        for writer in self._writers:
            writer.wait_quietly()

    def _drop(self, staged: _Staged) -> List[str]:
        """Forget an earlier temporary output of the same key (its file is being replaced);
        the folders that were made for it."""
        from qgis.PyQt import sip

        sink = staged.sink_ref() if staged.sink_ref is not None else None
        if sink is not None and not sip.isdeleted(sink):
            sip.delete(sink)
        for writer in self._writers:
            if _inside(getattr(writer, "dest_path", "") or "", staged.tmpdir):
                writer.wait_quietly()
        shutil.rmtree(staged.tmpdir, ignore_errors=True)
        self._staged.remove(staged)
        return staged.created

    def _find(self, dest_id: str) -> Optional[_Staged]:
        for staged in self._staged:
            if dest_id and dest_id in (staged.final_id, staged.temp_id):
                return staged
        return None

    def _rekey_load_on_completion(self, temp_id: str, final_id: str, target: str = "") -> None:
        """QGIS keyed the layer to load after the run by the temporary id: key it by the final.

        ``parameterAsOutputLayer`` also registered the ``target`` as given; when the final id
        names another file (a lone ``.dbf`` for a ``.shp`` target) that entry would load nothing.
        """
        layers = self.context.layersToLoadOnCompletion()
        if temp_id not in layers:
            return
        details = layers.pop(temp_id)
        if target and target != final_id.split("|", 1)[0]:
            layers.pop(target, None)
        layers[final_id] = details
        self.context.setLayersToLoadOnCompletion(layers)

    @staticmethod
    def _make_folder(folder: str) -> List[str]:
        """Create ``folder`` and missing parents; the folders created (outermost first)."""
        missing = []
        here = folder
        while here and not os.path.isdir(here):
            missing.append(here)
            parent = os.path.dirname(here)
            if parent == here:
                break
            here = parent
        missing.reverse()
        os.makedirs(folder, exist_ok=True)
        return missing

    @staticmethod
    def _remove_created(created: List[str]) -> None:
        for folder in reversed(created):
            try:
                os.rmdir(folder)  # only when empty: another output may have been moved there
            except OSError:
                break

    @staticmethod
    def _checkpoint(path: str) -> None:
        """Fold a SQLite write-ahead log into ``path`` (a log must not travel separately)."""
        if not os.path.exists(path + "-wal"):
            return
        try:
            con = sqlite3.connect(path)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()  # the last connection removes -wal and -shm
        except sqlite3.Error:
            pass  # not SQLite: the files are moved as they are

    def _move_into_place(self, staged: _Staged) -> None:
        """Replace the dataset at the target with the new one, all or nothing.

        Every file of the older dataset there (the files being replaced, and stale sidecars the
        new one does not have) is first moved aside into the temporary folder; then the new files
        are moved in, the main file last (a reader finds it complete with its sidecars). If any
        step fails (e.g. Windows refuses to replace a file open in QGIS) the new files are taken
        out again and the old ones put back, so the target holds the complete old dataset.
        """
        self._checkpoint(staged.temp_file)
        names = sorted(n for n in os.listdir(staged.tmpdir) if n != _ASIDE)
        main = staged.file_name
        stem, ext = os.path.splitext(main)
        # the older dataset: what the new one replaces, its SQLite logs, and sidecars the new one
        # lacks (also the main file itself when the new dataset has none: a table without
        # geometry written to a ``.shp`` target is a lone ``.dbf``, and QGIS deletes the old .shp)
        old = list(names) + [main] + [main + suffix for suffix in SQLITE_SUFFIXES]
        old += [stem + side for side in SIDECARS.get(ext.lower(), ())]
        old += [stem + side.upper() for side in SIDECARS.get(ext.lower(), ())]
        aside = os.path.join(staged.tmpdir, _ASIDE)
        present = [n for n in dict.fromkeys(old) if os.path.isfile(os.path.join(staged.folder, n))]
        if names == [main] and set(present) <= {main}:
            # one file replacing at most its own older version (a GeoPackage, a CSV): a single
            # atomic rename, no moment without a file at the target
            source = os.path.join(staged.tmpdir, main)
            qgis_io.default_file_mode(source)
            os.replace(source, staged.final_file)
            return
        moved_aside: List[str] = []
        moved_in: List[str] = []
        try:
            for name in dict.fromkeys(old):
                current = os.path.join(staged.folder, name)
                if os.path.isfile(current):
                    os.makedirs(aside, exist_ok=True)
                    os.replace(current, os.path.join(aside, name))
                    moved_aside.append(name)
            order = [n for n in names if n != main] + ([main] if main in names else [])
            for name in order:
                source = os.path.join(staged.tmpdir, name)
                if os.path.isfile(source):
                    qgis_io.default_file_mode(source)
                os.replace(source, os.path.join(staged.folder, name))
                moved_in.append(name)
        except BaseException:  # also Ctrl+C: never leave the target without its old dataset
            for name in reversed(moved_in):  # best effort: the old dataset back as it was
                try:
                    os.replace(os.path.join(staged.folder, name), os.path.join(staged.tmpdir, name))
                except OSError:
                    pass
            for name in moved_aside:
                try:
                    os.replace(os.path.join(aside, name), os.path.join(staged.folder, name))
                except OSError:
                    pass
            raise
