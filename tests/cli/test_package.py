"""The installable zip follows the plugins.qgis.org rules."""

from __future__ import annotations

import configparser
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_METADATA = (
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "repository",
    "tracker",
    "homepage",
    "hasProcessingProvider",
    "tags",
)


def test_zip_layout(plugin_zip):
    assert plugin_zip.stat().st_size < 25 * 1024 * 1024
    with zipfile.ZipFile(plugin_zip) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
    assert {n.split("/", 1)[0] for n in names} == {"carbon_pool_plugin"}
    for required in ("__init__.py", "metadata.txt", "LICENSE", "plugin.py"):
        assert f"carbon_pool_plugin/{required}" in names, required
    assert any(n.endswith(".qm") for n in names), "compiled translations missing"
    assert any(n.startswith("carbon_pool_plugin/data/equations/") for n in names)
    forbidden = [
        n
        for n in names
        if "__pycache__" in n
        or n.endswith((".pyc", ".pyo", ".so", ".dll", ".exe", ".ts"))
        or "/.git" in n
        or "/tests/" in n
    ]
    assert not forbidden, forbidden


def test_metadata_complete_and_single_source(plugin_zip):
    with zipfile.ZipFile(plugin_zip) as zf:
        packaged = zf.read("carbon_pool_plugin/metadata.txt").decode("utf-8")
    assert packaged == (ROOT / "metadata.txt").read_text(encoding="utf-8")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read_string(packaged)
    meta = parser["general"]
    for key in REQUIRED_METADATA:
        assert meta.get(key, "").strip(), key
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["hasProcessingProvider"] == "yes"
