"""Processing models shipped with the plugin (``carbon_pool_plugin/models/*.model3``).

The provider offers each model as ``carbonpool:<model name>`` next to the algorithms, so it appears
in the toolbox and runs with ``qgis_process run carbonpool:carbon_pool_yearly``; the same file also
opens in the model designer and runs by path (``qgis_process run <file>.model3``).

A model's child steps are looked up in the Processing registry when the model is read. While the
provider is still loading, its own algorithms are not registered yet, so the instance that QGIS
runs is re-read from the file in :meth:`ShippedModel.createInstance` (always after loading).
"""

from __future__ import annotations

from pathlib import Path
from typing import List

from qgis.core import QgsProcessingModelAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import PLUGIN_DIR, icon_path

MODELS_DIR = PLUGIN_DIR / "models"


def display_names() -> dict:
    """Translated display names; the file's model name stays the stable algorithm id."""
    return {
        "carbon_pool_yearly": tr("Yearly carbon workflow (trees → plots → estimate → report)"),
    }


class ShippedModel(QgsProcessingModelAlgorithm):
    """A ``.model3`` from the plugin folder, re-read for every run."""

    def __init__(self, path: str):
        super().__init__()
        self._path = str(path)
        self.fromFile(self._path)

    def createInstance(self):  # noqa: N802
        return ShippedModel(self._path)

    def displayName(self) -> str:  # noqa: N802
        return display_names().get(self.name(), self.name())

    def group(self) -> str:
        return tr("0 · Workflow models")

    def groupId(self) -> str:  # noqa: N802
        return "workflow"

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def path(self) -> str:
        return self._path


def model_paths() -> List[Path]:
    return sorted(MODELS_DIR.glob("*.model3")) if MODELS_DIR.is_dir() else []


def shipped_models() -> list:
    models = []
    for path in model_paths():
        model = ShippedModel(str(path))
        if model.name():
            models.append(model)
    return models


def add_shipped_models(provider) -> None:
    """Add the models to ``provider`` (from its ``loadAlgorithms``).

    Their child steps (our own algorithms) resolve only once the provider is registered, so the
    registered instances are re-read when the registry announces the provider; until then they
    lack their output parameters.
    """
    from qgis.core import QgsApplication

    models = shipped_models()
    for model in models:
        provider.addAlgorithm(model)
    registry = QgsApplication.processingRegistry()

    def on_added(provider_id: str) -> None:
        if provider_id != provider.id():
            return
        try:
            registry.providerAdded.disconnect(on_added)
        except TypeError:
            pass
        for model in models:
            model.fromFile(model.path())

    registry.providerAdded.connect(on_added)
