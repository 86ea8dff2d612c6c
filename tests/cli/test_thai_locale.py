"""With QGIS's locale set to Thai, qgis_process shows the plugin's algorithms in Thai."""

from __future__ import annotations

import re
import zipfile

import pytest

from .conftest import QgisProcess

pytestmark = pytest.mark.cli


def test_help_is_thai_when_locale_is_thai(plugin_zip, tmp_path):
    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(plugin_zip) as zf:
        zf.extractall(plugins)
    profile = tmp_path / "profile"
    runner = QgisProcess(plugins, profile)
    runner("plugins", "enable", "carbon_pool_plugin")
    ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    assert ini.exists(), "qgis_process did not create the profile settings"
    with ini.open("a", encoding="utf-8") as handle:
        handle.write("\n[locale]\nuserLocale=th\noverrideFlag=true\n")
    text = runner("help", "carbonpool:treebiomass").stdout
    first_line = text.strip().splitlines()[0]
    assert re.search("[\u0e00-\u0e7f]", first_line), first_line
    assert "มวลชีวภาพ" in text
    assert "(carbonpool:treebiomass)" in first_line


def test_core_warnings_are_thai_when_locale_is_thai(plugin_zip, tmp_path):
    """Warnings the science core raises (here: girths given as diameters, median H/D 0.18 m per
    cm) reach a Thai officer in Thai, with the numbers filled in."""
    from pathlib import Path

    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(plugin_zip) as zf:
        zf.extractall(plugins)
    profile = tmp_path / "profile"
    runner = QgisProcess(plugins, profile)
    runner("plugins", "enable", "carbon_pool_plugin")
    ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    with ini.open("a", encoding="utf-8") as handle:
        handle.write("\n[locale]\nuserLocale=th\noverrideFlag=true\n")
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "trees_2568.csv"
    proc = runner(
        "run",
        "carbonpool:treebiomass",
        "--",
        f"INPUT={sample}",
        "SPECIES_FIELD=ชื่อวิทยาศาสตร์",
        "DBH_FIELD=เส้นรอบวง_ซม",
        "DBH_UNIT=0",  # wrong on purpose: the column holds girths
        "HEIGHT_FIELD=ความสูง_ม",
        f"OUTPUT={tmp_path / 'trees.gpkg'}",
    )
    text = proc.stdout + proc.stderr
    assert "ค่ามัธยฐานของความสูง/DBH คือ 0.18 ม. ต่อ ซม." in text, text[-2000:]
