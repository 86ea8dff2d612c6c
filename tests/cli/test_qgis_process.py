"""qgis_process sees, enables and runs the plugin from the built zip (QGIS 3.22 syntax)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.cli


def test_plugin_enabled_and_provider_listed(qgis_process):
    plugins = qgis_process("plugins").stdout
    assert "carbon_pool_plugin" in plugins
    listing = qgis_process("list").stdout
    assert "Urban Carbon Pool" in listing
    assert "carbonpool:treebiomass" in listing


def test_help_documents_every_parameter(qgis_process):
    text = qgis_process("help", "carbonpool:treebiomass").stdout
    for key in (
        "INPUT",
        "SPECIES_FIELD",
        "DBH_FIELD",
        "DBH_UNIT",
        "HEIGHT_FIELD",
        "WOOD_DENSITY_FIELD",
        "LIFE_FORM_FIELD",
        "PLOT_FIELD",
        "METHOD",
        "EQUATION",
        "OUTPUT",
    ):
        assert key in text, key
