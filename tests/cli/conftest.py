"""End-to-end fixtures: the built zip installed into a throw-away QGIS profile, run by qgis_process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _metadata_version() -> str:
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    raise RuntimeError("metadata.txt has no version")


@pytest.fixture(scope="session")
def plugin_zip(tmp_path_factory) -> Path:
    """The zip ``make package`` writes; built here when a test runs on its own."""
    zip_path = ROOT / "dist" / f"carbon_pool_plugin-{_metadata_version()}.zip"
    if not zip_path.exists():
        out = tmp_path_factory.mktemp("build")
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts" / "build_plugin.py"),
                "--out",
                str(out),
                "--zip",
                str(zip_path),
            ],
            check=True,
        )
    return zip_path


def _qgis_process_binary() -> str:
    for candidate in ("/usr/bin/qgis_process.bin", shutil.which("qgis_process") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("qgis_process is not installed")


class QgisProcess:
    """``qgis_process`` with the plugin installed from the zip in an isolated profile."""

    def __init__(self, plugins_dir: Path, profile: Path):
        self.binary = _qgis_process_binary()
        self.env = dict(os.environ)
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            QGIS_PLUGINPATH=str(plugins_dir),
            QGIS_CUSTOM_CONFIG_PATH=str(profile),
        )

    def __call__(
        self, *args: str, check: bool = True, timeout: int = 600
    ) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            [self.binary, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )
        if check and proc.returncode != 0:
            raise AssertionError(
                f"qgis_process {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
            )
        return proc

    def run_json(self, algorithm: str, **params: str) -> dict:
        args = ["--json", "run", algorithm, "--"] + [f"{k}={v}" for k, v in params.items()]
        proc = self(*args)
        start = proc.stdout.find("{")
        return json.loads(proc.stdout[start:])


@pytest.fixture(scope="session")
def qgis_process(plugin_zip, tmp_path_factory) -> QgisProcess:
    plugins_dir = tmp_path_factory.mktemp("plugins")
    with zipfile.ZipFile(plugin_zip) as zf:
        zf.extractall(plugins_dir)
    runner = QgisProcess(plugins_dir, tmp_path_factory.mktemp("profile"))
    runner("plugins", "enable", "carbon_pool_plugin")
    return runner
