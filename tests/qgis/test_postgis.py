"""carbonpool:treebiomass against a real PostgreSQL + PostGIS server (issue 10, shared store).

The ``postgis`` fixture starts a throw-away cluster (``initdb`` + ``pg_ctl``) in a temporary
folder on a free local port — as the ``postgres`` user when the tests run as root — and creates a
database with the postgis extension. ``scripts/setup_postgis.sh`` (called by ``.ci/run``) installs
the Debian packages. Where no server can be started the tests are skipped, saying why.
"""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from tests.cli.conftest import plugin_zip, qgis_process  # noqa: F401  (fixtures reused)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
DB = "carbonpool_test"


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    if found:
        return found[0]
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostGIS:
    def __init__(self, host: str, port: int, user: str, dbname: str):
        self.host, self.port, self.user, self.dbname = host, port, user, dbname

    @property
    def conninfo(self) -> str:
        return f"dbname='{self.dbname}' host={self.host} port={self.port} user='{self.user}'"

    def ogr(self) -> str:
        return f"PG:dbname={self.dbname} host={self.host} port={self.port} user={self.user}"

    def table_uri(self, table: str, geometry: str | None = None) -> str:
        geom = f" ({geometry})" if geometry else ""
        return f'{self.conninfo} sslmode=disable table="public"."{table}"{geom}'

    def psql(self, sql: str) -> str:
        out = subprocess.run(
            [
                _pg_bin("psql") or "psql",
                "-h",
                self.host,
                "-p",
                str(self.port),
                "-U",
                self.user,
                "-d",
                self.dbname,
                "-At",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return out.stdout.strip()


@pytest.fixture(scope="session")
def postgis(tmp_path_factory):
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl or not _pg_bin("psql"):
        pytest.skip("PostgreSQL is not installed (bash scripts/setup_postgis.sh installs it)")
    if not glob.glob("/usr/share/postgresql/*/extension/postgis.control"):
        pytest.skip("PostGIS is not installed (bash scripts/setup_postgis.sh installs it)")
    base = tmp_path_factory.mktemp("pg")
    data, sockets = base / "data", base / "sock"
    sockets.mkdir()
    prefix: list = []
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chmod(base, 0o755)
        for d in (base, sockets):
            os.chown(d, pw.pw_uid, pw.pw_gid)
        for parent in base.parents:  # the postgres user must be able to reach the folder
            if str(parent) in ("/", "/tmp"):
                break
            os.chmod(parent, os.stat(parent).st_mode | 0o711)
        prefix = ["runuser", "-u", "postgres", "--"] if shutil.which("runuser") else None
        if prefix is None:
            pytest.skip("running as root without runuser: cannot start the server as postgres")
    port = _free_port()
    log = base / "server.log"

    def run(cmd):
        return subprocess.run(prefix + cmd, capture_output=True, text=True, timeout=120)

    res = run([initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
    if res.returncode != 0:
        pytest.skip(f"initdb failed, no PostgreSQL server for the tests: {res.stderr[-500:]}")
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    if os.geteuid() == 0:
        log.touch()
        os.chown(log, pwd.getpwnam("postgres").pw_uid, pwd.getpwnam("postgres").pw_gid)
    res = run([pg_ctl, "-D", str(data), "-o", options, "-l", str(log), "-w", "-t", "60", "start"])
    if res.returncode != 0:
        detail = log.read_text(errors="replace")[-800:] if log.exists() else res.stderr
        pytest.skip(f"the PostgreSQL server could not be started: {detail}")
    server = PostGIS("127.0.0.1", port, "postgres", "postgres")
    try:
        server.psql(f"CREATE DATABASE {DB}")
        server.dbname = DB
        server.psql("CREATE EXTENSION postgis")
    except subprocess.CalledProcessError as err:
        run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"])
        pytest.skip(f"could not create a PostGIS database: {err.stderr[-500:]}")
    yield server
    run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"])


def _load_table(postgis: PostGIS, source: Path, table: str, extra_sql: str = "") -> int:
    """Copy a file into PostGIS with ogr2ogr; returns the row count."""
    cmd = [
        "ogr2ogr",
        "-f",
        "PostgreSQL",
        postgis.ogr(),
        str(source),
        "-nln",
        table,
        "-overwrite",
        "-lco",
        "GEOMETRY_NAME=geom",
    ]
    if extra_sql:
        cmd += ["-dialect", "SQLite", "-sql", extra_sql]
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120)
    return int(postgis.psql(f'SELECT count(*) FROM "{table}"'))


TREE_PARAMS = {
    "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
    "DBH_FIELD": "เส้นรอบวง_ซม",
    "DBH_UNIT": 2,
    "HEIGHT_FIELD": "ความสูง_ม",
    "PLOT_FIELD": "รหัสแปลง",
    "STEMS_FIELD": "ลำต้น",
    "METHOD": 0,
    "EQUATION": "auto",
}


def test_treebiomass_reads_and_writes_postgis(processing, postgis, tmp_path):
    n = _load_table(postgis, SAMPLE / "trees_2568.csv", "trees_2568")
    source = QgsVectorLayer(postgis.table_uri("trees_2568"), "trees", "postgres")
    assert source.isValid(), "QGIS cannot open the PostGIS table"
    out_uri = "postgis:" + postgis.table_uri("trees_2568_biomass")
    result = processing.run(
        "carbonpool:treebiomass", {**TREE_PARAMS, "INPUT": source, "OUTPUT": out_uri}
    )
    assert result["N_TREES"] == n
    rows = int(postgis.psql('SELECT count(*) FROM "trees_2568_biomass"'))
    assert rows == n, "every tree must reach the database"
    total = float(postgis.psql('SELECT sum(carbon_kg) FROM "trees_2568_biomass"'))
    assert total / 1000 == pytest.approx(result["CARBON_T"], rel=1e-9)

    # the same run on the CSV gives the same numbers (PostGIS is only a store)
    local = processing.run(
        "carbonpool:treebiomass",
        {
            **TREE_PARAMS,
            "INPUT": str(SAMPLE / "trees_2568.csv"),
            "OUTPUT": str(tmp_path / "t.gpkg"),
        },
    )
    assert local["CARBON_T"] == pytest.approx(result["CARBON_T"], rel=1e-12)
    assert local["N_FLAGGED"] == result["N_FLAGGED"]

    # a PostGIS table read back by QGIS through a data source URI
    back = QgsVectorLayer(postgis.table_uri("trees_2568_biomass"), "back", "postgres")
    assert back.isValid() and back.featureCount() == n
    assert "co2e_kg" in back.fields().names()


def test_concurrent_qgis_process_runs_same_database(postgis, qgis_process, tmp_path):  # noqa: F811
    """Two municipalities processed at the same time into one database: no clash, no lost row."""
    counts = {}
    for muni, csv in (("muni_a", "trees_2568.csv"), ("muni_b", "trees_2572.csv")):
        counts[muni] = _load_table(postgis, SAMPLE / csv, f"{muni}_trees")
    results: dict = {}
    errors: list = []

    def run(muni: str) -> None:
        params = {k: str(v) for k, v in TREE_PARAMS.items()}
        params["INPUT"] = "postgres://" + postgis.table_uri(f"{muni}_trees")
        params["OUTPUT"] = "postgis:" + postgis.table_uri(f"{muni}_biomass")
        try:
            results[muni] = qgis_process.run_json("carbonpool:treebiomass", **params)
        except Exception as err:  # reported below, in the test thread
            errors.append(f"{muni}: {err}")

    threads = [threading.Thread(target=run, args=(m,)) for m in counts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not errors, "\n".join(errors)
    for muni, n in counts.items():
        out = results[muni]["results"]
        assert int(out["N_TREES"]) == n
        assert int(postgis.psql(f'SELECT count(*) FROM "{muni}_biomass"')) == n, muni
        total = float(postgis.psql(f'SELECT sum(carbon_kg) FROM "{muni}_biomass"'))
        assert total / 1000 == pytest.approx(float(out["CARBON_T"]), rel=1e-9)
    assert counts["muni_a"] != counts["muni_b"]


# ---- baseline records in a shared PostgreSQL database ------------------------------------------


def _baseline_params(sample_epochs, tmp_path, name: str, database: str) -> dict:
    return {
        "PLOTS": sample_epochs["2568"]["plots"],
        "STRATA": sample_epochs["gpkg"] + "|layername=green_space",
        "STRATUM_FIELD": "class_code",
        "BOUNDARY": sample_epochs["gpkg"] + "|layername=boundary",
        "OUTPUT": str(tmp_path / (name + "_map.gpkg")),
        "OUTPUT_STRATA": str(tmp_path / (name + "_strata.csv")),
        "BASELINE_DB": database,
        "BASELINE_NAME": name,
        "YEAR": 2568,
    }


def _fresh_database(postgis: PostGIS, name: str) -> PostGIS:
    postgis.psql(f"DROP DATABASE IF EXISTS {name}")
    postgis.psql(f"CREATE DATABASE {name}")
    return PostGIS(postgis.host, postgis.port, postgis.user, name)


def test_stratifiedestimate_appends_baseline_to_postgres(
    processing, sample_epochs, postgis, tmp_path
):
    from carbon_pool_plugin.baseline_store import load_baselines
    from carbon_pool_plugin.core.baseline import TABLE_NAME

    db = _fresh_database(postgis, "carbonpool_baselines_alg")
    assert load_baselines(db.conninfo) == []  # no table yet: nothing, no error
    first = processing.run(
        "carbonpool:stratifiedestimate",
        _baseline_params(sample_epochs, tmp_path, "baseline 2568", db.conninfo + " password=s3"),
    )
    records = load_baselines(db.conninfo)
    assert len(records) == 1
    rec = records[0]
    assert rec["baseline_id"] == first["BASELINE_ID"] and len(rec["baseline_id"]) == 36
    assert rec["name"] == "baseline 2568" and rec["year"] == 2568
    assert rec["totals"]["co2e_total"] == pytest.approx(first["TOTAL_TCO2E"])
    assert "s3" not in rec["parameters"]["BASELINE_DB"], "no password in the stored record"
    assert "BASELINE_GPKG" not in first or not first["BASELINE_GPKG"]

    # a second run (URI form) appends; the first record is unchanged
    uri = f"postgresql://{db.user}@{db.host}:{db.port}/{db.dbname}"
    second = processing.run(
        "carbonpool:stratifiedestimate",
        _baseline_params(sample_epochs, tmp_path, "baseline 2568 bis", uri),
    )
    records = load_baselines(uri)
    assert [r["name"] for r in records] == ["baseline 2568", "baseline 2568 bis"]
    assert records[0] == rec
    assert records[1]["baseline_id"] == second["BASELINE_ID"] != first["BASELINE_ID"]
    assert int(db.psql(f"SELECT count(*) FROM {TABLE_NAME}")) == 2

    # the database itself refuses changes, whoever connects
    for sql in (
        f"UPDATE {TABLE_NAME} SET name = 'x'",
        f"DELETE FROM {TABLE_NAME}",
        f"TRUNCATE {TABLE_NAME}",
    ):
        with pytest.raises(subprocess.CalledProcessError) as err:
            db.psql(sql)
        assert "append-only" in err.value.stderr, sql
    assert int(db.psql(f"SELECT count(*) FROM {TABLE_NAME}")) == 2


def test_stratifiedestimate_reports_an_unreachable_database(processing, sample_epochs, tmp_path):
    from qgis.core import QgsProcessingException

    params = _baseline_params(
        sample_epochs, tmp_path, "b", f"host=127.0.0.1 port={_free_port()} password=s3cret"
    )
    with pytest.raises(QgsProcessingException, match="PostgreSQL") as err:
        processing.run("carbonpool:stratifiedestimate", params)
    assert "s3cret" not in str(err.value)


def test_concurrent_baseline_appends_all_land(postgis):
    """Several runs appending at once (table not yet created): every record lands, once."""
    import uuid

    from carbon_pool_plugin.baseline_store import append_baseline, load_baselines
    from carbon_pool_plugin.core.baseline import COLUMNS

    db = _fresh_database(postgis, "carbonpool_baselines_conc")
    n = 8
    barrier = threading.Barrier(n)
    errors: list = []
    ids = [str(uuid.uuid4()) for _ in range(n)]

    def append(i: int) -> None:
        record = {name: None for name, _kind in COLUMNS}
        record.update(
            baseline_id=ids[i],
            name=f"muni_{i}",
            year=2568,
            created_utc="2025-01-01T00:00:00Z",
            parameters_json="{}",
            strata_json="[]",
            totals_json=json.dumps({"co2e_total": i}),
        )
        try:
            barrier.wait(timeout=60)
            append_baseline(db.conninfo, record)
        except Exception as err:  # reported below, in the test thread
            errors.append(f"{i}: {err}")

    threads = [threading.Thread(target=append, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, "\n".join(errors)
    records = load_baselines(db.conninfo)
    assert sorted(r["baseline_id"] for r in records) == sorted(ids)
    assert sorted(r["totals"]["co2e_total"] for r in records) == list(range(n))
