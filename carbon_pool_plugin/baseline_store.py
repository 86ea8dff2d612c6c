"""Append-only baseline table in the project GeoPackage or a shared PostgreSQL database (no QGIS).

The table ``carbonpool_baselines`` is an OGR attribute table (registered in ``gpkg_contents`` as
``attributes``), so the file stays a valid GeoPackage. A new file is created with the OGR GPKG
driver. Two SQLite triggers make the table append-only: any UPDATE or DELETE aborts.

``target`` may also be a PostgreSQL connection (libpq ``"dbname=... host=... user=..."`` or a
``postgresql://`` URI): the same table is then kept in that database through psycopg2, with a
trigger refusing UPDATE, DELETE and TRUNCATE (see :func:`is_postgres_target`).
Record content: :mod:`carbon_pool_plugin.core.baseline`.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Mapping

from .core.baseline import COLUMNS, TABLE_NAME, parse_record
from .core.names import sqlite_uri
from .raster_engine import _gdal_exceptions

_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS {t}_no_update BEFORE UPDATE ON {t} "
    "BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS {t}_no_delete BEFORE DELETE ON {t} "
    "BEGIN SELECT RAISE(ABORT, '{t} is append-only'); END",
)


class BaselineStoreError(RuntimeError):
    pass


def _ogr():
    """OGR; callers run under :func:`raster_engine._gdal_exceptions` (exceptions on for the call,
    the process-wide setting restored after: other plugins rely on theirs)."""
    from osgeo import ogr

    return ogr


def _open_or_create(path: str):
    ogr = _ogr()
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        ds = ogr.Open(path, 1)
        if ds is None or ds.GetDriver().GetName() != "GPKG":
            raise BaselineStoreError(f"{path} is not a GeoPackage")
        return ds
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    return driver.CreateDataSource(path)


def _ensure_table(ds) -> Any:
    ogr = _ogr()
    layer = ds.GetLayerByName(TABLE_NAME)
    if layer is not None:
        have = {
            layer.GetLayerDefn().GetFieldDefn(i).GetName()
            for i in range(layer.GetLayerDefn().GetFieldCount())
        }
        for name, kind in COLUMNS:  # forward-compatible: add columns of newer schemas
            if name not in have:
                layer.CreateField(
                    ogr.FieldDefn(name, ogr.OFTInteger64 if kind == "int" else ogr.OFTString)
                )
        return layer
    layer = ds.CreateLayer(
        TABLE_NAME,
        geom_type=ogr.wkbNone,
        options=["DESCRIPTION=Urban Carbon Pool baselines (append-only)"],
    )
    for name, kind in COLUMNS:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTInteger64 if kind == "int" else ogr.OFTString))
    return layer


#: how long an append waits for another run's lock, and the age after which a lock is taken to
#: be left by a killed run (an append takes well under a second)
LOCK_TIMEOUT_S = 60.0
LOCK_STALE_S = 300.0


@contextmanager
def _file_lock(path: str) -> Iterator[None]:
    """Serialise appends to one GeoPackage across processes (two QGIS runs, a batch and the
    dock): creating the file, the table and its triggers is not safe to race. A lock file
    ``<path>.lock`` made with ``O_EXCL`` works on every OS and network drive."""
    lock = path + ".lock"
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            try:
                if time.time() - os.path.getmtime(lock) > LOCK_STALE_S:
                    os.remove(lock)  # left by a run that was killed
                    continue
            except OSError:
                continue  # released meanwhile
            if time.monotonic() > deadline:
                raise BaselineStoreError(
                    f"{path} is being written by another run (lock file {lock}); try again, or "
                    "delete the lock file if no other run is going on"
                ) from None
            time.sleep(0.05)
            continue
        try:
            os.write(fd, str(os.getpid()).encode("ascii"))
        finally:
            os.close(fd)
        break
    try:
        yield
    finally:
        try:
            os.remove(lock)
        except OSError:
            pass


def check_target(path: str) -> None:
    """Raise :class:`BaselineStoreError` now if a baseline could not be appended to ``path``
    (an unreachable database, a file that is not a GeoPackage, a folder that cannot be written),
    so a run fails before it replaces its outputs rather than after."""
    if is_postgres_target(path):
        _pg_connect(path).close()
        return
    if os.path.exists(path):
        try:
            with open(path, "rb") as handle:
                header = handle.read(16)
        except OSError as err:
            raise BaselineStoreError(f"{path}: {err}") from err
        if header != b"SQLite format 3\x00":
            raise BaselineStoreError(f"{path} is not a GeoPackage")
        if not os.access(path, os.W_OK):
            raise BaselineStoreError(f"{path} cannot be written")
        return
    folder = os.path.dirname(os.path.abspath(path))
    while folder and not os.path.isdir(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if not os.access(folder, os.W_OK):
        raise BaselineStoreError(f"{path} cannot be created: the folder {folder} is not writable")


def append_baseline(path: str, record: Mapping[str, Any]) -> str:
    """Append ``record`` (from :func:`core.baseline.build_record`) to ``path``; returns its id.

    ``path`` is a GeoPackage file or a PostgreSQL connection (:func:`is_postgres_target`).
    """
    if is_postgres_target(path):
        return _pg_append(path, record)
    with _file_lock(path):
        return _gpkg_append(path, record)


@_gdal_exceptions
def _gpkg_append(path: str, record: Mapping[str, Any]) -> str:
    ogr = _ogr()
    ds = _open_or_create(path)
    try:
        layer = _ensure_table(ds)
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, _kind in COLUMNS:
            value = record.get(name)
            if value is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, value)
        layer.CreateFeature(feature)
        layer.SyncToDisk()
    finally:
        ds = None  # noqa: F841  (closes the dataset)
    with sqlite3.connect(path) as con:
        for sql in _TRIGGERS:
            con.execute(sql.format(t=TABLE_NAME))
    return str(record["baseline_id"])


def load_baselines(path: str) -> List[Dict[str, Any]]:
    """Every stored baseline, oldest first, with JSON columns decoded (see ``parse_record``).

    ``path`` is a GeoPackage file or a PostgreSQL connection (:func:`is_postgres_target`).
    """
    if is_postgres_target(path):
        return _pg_load(path)
    if not os.path.exists(path):
        return []
    with sqlite3.connect(sqlite_uri(path), uri=True) as con:
        con.row_factory = sqlite3.Row
        exists = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (TABLE_NAME,)
        ).fetchone()
        if not exists:
            return []
        rows = con.execute("SELECT * FROM {} ORDER BY fid".format(TABLE_NAME)).fetchall()
    return [parse_record({k: r[k] for k in r.keys() if k != "fid"}) for r in rows]


# ---- PostgreSQL -------------------------------------------------------------------------------
# The same table in a shared PostgreSQL database (a province keeps one database for all its
# municipalities). Columns as in the GeoPackage, JSON as text (stored verbatim, so a record reads
# back exactly as written) plus ``fid bigserial`` for insertion order. A trigger raises on UPDATE,
# DELETE and TRUNCATE. Appends are single INSERTs: concurrent runs never read-modify-write; the
# one-time table set-up is serialised with a transaction-level advisory lock.

_PG_PREFIXES = ("postgresql://", "postgres://")
_PG_LOCK_KEY = 0x43504231  # "CPB1": serialises CREATE TABLE / ALTER TABLE / CREATE TRIGGER
_PG_FUNCTION = "carbonpool_baselines_append_only"
_PG_FUNCTION_SQL = (
    "CREATE OR REPLACE FUNCTION {f}() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP "
    "USING ERRCODE = 'insufficient_privilege'; END $$"
)
_PG_TRIGGERS = (
    ("{t}_no_update_delete", "BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW"),
    ("{t}_no_truncate", "BEFORE TRUNCATE ON {t} FOR EACH STATEMENT"),
)


def is_postgres_target(target: str) -> bool:
    """True for a PostgreSQL connection: ``postgresql://`` URI, ``PG:`` or libpq ``key=value``."""
    text = (target or "").strip()
    if text.lower().startswith(_PG_PREFIXES) or text.startswith("PG:"):
        return True
    return bool(re.match(r"^\s*(dbname|host|hostaddr|port|user|service)\s*=", text))


def redact_conninfo(target: str) -> str:
    """The connection without its password (safe for messages and the stored parameters)."""
    text = re.sub(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1***", target or "")
    return re.sub(r"(://[^/@:]*:)[^@/]*@", r"\1***@", text)


def _pg_dsn(target: str) -> str:
    text = target.strip()
    return text[3:] if text.startswith("PG:") else text


def _pg_connect(target: str):
    try:
        import psycopg2
    except ImportError as err:
        raise BaselineStoreError(
            "baselines in PostgreSQL need the Python module psycopg2 (Debian/Ubuntu: "
            "apt install python3-psycopg2; otherwise: pip install psycopg2-binary)"
        ) from err
    try:
        return psycopg2.connect(_pg_dsn(target), connect_timeout=30)
    except psycopg2.Error as err:
        raise BaselineStoreError(
            "cannot connect to PostgreSQL ({}): {}".format(
                redact_conninfo(target), str(err).strip()
            )
        ) from err


def _pg_ensure_table(con) -> None:
    pg_type = {"int": "bigint", "text": "text"}
    with con, con.cursor() as cur:  # one transaction: committed on success
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))
        cur.execute("SELECT to_regclass(%s)", (TABLE_NAME,))
        if cur.fetchone()[0] is None:
            cols = ", ".join("{} {}".format(n, pg_type[k]) for n, k in COLUMNS)
            cur.execute(
                "CREATE TABLE {t} (fid bigserial PRIMARY KEY, {c})".format(t=TABLE_NAME, c=cols)
            )
            cur.execute(
                "COMMENT ON TABLE {} IS 'Urban Carbon Pool baselines (append-only)'".format(
                    TABLE_NAME
                )
            )
        else:  # forward-compatible: add columns of newer schemas
            cur.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) "
                "AND attnum > 0 AND NOT attisdropped",
                (TABLE_NAME,),
            )
            have = {r[0] for r in cur.fetchall()}
            for name, kind in COLUMNS:
                if name not in have:
                    cur.execute(
                        "ALTER TABLE {} ADD COLUMN {} {}".format(TABLE_NAME, name, pg_type[kind])
                    )
        cur.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass(%s)", (TABLE_NAME,))
        triggers = {r[0] for r in cur.fetchall()}
        for name, when in _PG_TRIGGERS:
            name = name.format(t=TABLE_NAME)
            if name not in triggers:
                cur.execute(_PG_FUNCTION_SQL.format(f=_PG_FUNCTION))
                cur.execute(
                    "CREATE TRIGGER {n} {w} EXECUTE PROCEDURE {f}()".format(
                        n=name, w=when.format(t=TABLE_NAME), f=_PG_FUNCTION
                    )
                )


def _pg_append(target: str, record: Mapping[str, Any]) -> str:
    con = _pg_connect(target)  # first: a clear error when psycopg2 is missing
    import psycopg2

    try:
        _pg_ensure_table(con)
        names = [n for n, _k in COLUMNS]
        with con, con.cursor() as cur:
            cur.execute(
                "INSERT INTO {} ({}) VALUES ({})".format(
                    TABLE_NAME, ", ".join(names), ", ".join(["%s"] * len(names))
                ),
                [record.get(n) for n in names],
            )
    except psycopg2.Error as err:
        raise BaselineStoreError(
            "PostgreSQL ({}): {}".format(redact_conninfo(target), str(err).strip())
        ) from err
    finally:
        con.close()
    return str(record["baseline_id"])


def _pg_load(target: str) -> List[Dict[str, Any]]:
    con = _pg_connect(target)  # first: a clear error when psycopg2 is missing
    import psycopg2

    try:
        con.set_session(readonly=True, autocommit=True)
        with con.cursor() as cur:
            cur.execute("SELECT to_regclass(%s)", (TABLE_NAME,))
            if cur.fetchone()[0] is None:
                return []
            cur.execute("SELECT * FROM {} ORDER BY fid".format(TABLE_NAME))
            keys = [d[0] for d in cur.description]
            rows = cur.fetchall()
    except psycopg2.Error as err:
        raise BaselineStoreError(
            "PostgreSQL ({}): {}".format(redact_conninfo(target), str(err).strip())
        ) from err
    finally:
        con.close()
    return [parse_record({k: v for k, v in zip(keys, r) if k != "fid"}) for r in rows]
