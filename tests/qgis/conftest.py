"""Load the real plugin once per session, as QGIS does: ``classFactory`` then ``initProcessing``.

pytest-qgis's ``qgis_processing`` fixture registers only QGIS's own providers, not ours.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_iface, qgis_processing):
    import carbon_pool_plugin

    instance = carbon_pool_plugin.classFactory(qgis_iface)
    instance.initProcessing()
    yield instance


@pytest.fixture(scope="session")
def processing(plugin):
    """The ``qgis.processing`` module with our provider registered."""
    from qgis import processing as qgis_processing

    return qgis_processing
