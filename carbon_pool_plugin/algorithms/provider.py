"""The ``carbonpool`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path, plugin_version

PROVIDER_ID = "carbonpool"


def algorithm_classes() -> list:
    """Every algorithm class the provider offers (imported here so the list has one home)."""
    from .tree_biomass import TreeBiomassAlgorithm

    return [TreeBiomassAlgorithm]


class CarbonPoolProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Urban Carbon Pool")

    def longName(self) -> str:  # noqa: N802
        return tr("Urban Carbon Pool {version}").format(version=plugin_version())

    def versionInfo(self) -> str:  # noqa: N802
        return plugin_version()

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path()

    def loadAlgorithms(self) -> None:  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
