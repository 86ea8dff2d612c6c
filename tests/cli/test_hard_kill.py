"""A run killed outright (SIGKILL: no Python cleanup, no ``finally``) never leaves a half-written
file under the output's name (issue 11): the sink writes under a hidden ``.carbonpool-*`` folder
and only a finished run moves it into place, so the previous output survives byte for byte."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from carbon_pool_plugin.atomic_outputs import TEMP_PREFIX

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
PREVIOUS = b"last year's complete output\n" * 100


def _big_inventory(path: Path, copies: int) -> Path:
    with open(SAMPLE / "trees_2568.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(rows[0])
        for _ in range(copies):
            writer.writerows(rows[1:])
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.parametrize("output", ["trees.gpkg", "trees.shp"])
def test_killed_run_leaves_the_previous_output(qgis_process, tmp_path, output):
    source = _big_inventory(tmp_path / "trees.csv", 300)  # ~300k trees: seconds of work
    out = tmp_path / "out"
    out.mkdir()
    target = out / output
    target.write_bytes(PREVIOUS)
    args = [
        qgis_process.binary,
        "run",
        "carbonpool:treebiomass",
        "--",
        f"INPUT={source}",
        "SPECIES_FIELD=ชื่อวิทยาศาสตร์",
        "DBH_FIELD=เส้นรอบวง_ซม",
        "DBH_UNIT=2",
        "HEIGHT_FIELD=ความสูง_ม",
        "PLOT_FIELD=รหัสแปลง",
        f"OUTPUT={target}",
    ]
    proc = subprocess.Popen(
        args, env=qgis_process.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while not any(p.name.startswith(TEMP_PREFIX) for p in out.iterdir()):
            assert proc.poll() is None, "the run ended before its output was being written"
            assert time.monotonic() < deadline, "no temporary output folder appeared"
            time.sleep(0.01)
        time.sleep(0.2)  # well inside the writing/computing
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert target.read_bytes() == PREVIOUS  # the previous output, untouched
    siblings = sorted(p.name for p in out.iterdir() if not p.name.startswith(TEMP_PREFIX))
    assert siblings == [output]  # nothing half-written beside it either
