"""The plugin loads like QGIS loads it and registers its provider exactly once."""

from __future__ import annotations

from qgis.core import QgsApplication

from carbon_pool_plugin.paths import plugin_version


def test_provider_registered(plugin):
    provider = QgsApplication.processingRegistry().providerById("carbonpool")
    assert provider is not None
    assert provider.name() == "Urban Carbon Pool"
    assert provider.versionInfo() == plugin_version()
    assert not provider.icon().isNull()


def test_init_processing_is_idempotent(plugin):
    before = len(QgsApplication.processingRegistry().providers())
    plugin.initProcessing()
    plugin.initProcessing()
    assert len(QgsApplication.processingRegistry().providers()) == before


def test_every_algorithm_documents_its_parameters(plugin):
    provider = QgsApplication.processingRegistry().providerById("carbonpool")
    algs = provider.algorithms()
    assert algs, "provider offers no algorithms"
    for alg in algs:
        assert alg.id().startswith("carbonpool:")
        assert alg.shortHelpString(), alg.id()
        for param in alg.parameterDefinitions():
            assert param.help(), f"{alg.id()} parameter {param.name()} has no help"


def test_gui_wiring_and_unload(plugin, qgis_iface):
    import carbon_pool_plugin

    instance = carbon_pool_plugin.classFactory(qgis_iface)
    instance.initGui()
    assert instance.actions
    instance.unload()
    assert not instance.actions
    assert QgsApplication.processingRegistry().providerById("carbonpool") is None
    # register again through the session's long-lived plugin object for the other tests
    plugin.initProcessing()
    assert QgsApplication.processingRegistry().providerById("carbonpool") is not None
