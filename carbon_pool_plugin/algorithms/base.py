"""Small base class shared by every Carbon Pool algorithm (QGIS core style, no deep mixins)."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path, metadata

# Group ids are stable (models refer to them); display names are translated.
GROUPS = {
    "equations": "1 · Trees and equations",
    "baseline": "2 · Plots and baseline",
    "change": "3 · Monitoring and change",
    "network": "4 · Permanent plot network",
    "mapping": "5 · Green-space mapping",
    "reporting": "6 · Maps, reports and export",
}


class CarbonPoolAlgorithm(QgsProcessingAlgorithm):
    """Base: translation, icon, group, help URL, ``createInstance``."""

    GROUP_ID = "equations"

    def tr(self, text: str) -> str:  # noqa: D102
        return tr(text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def group(self) -> str:
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def helpUrl(self) -> str:  # noqa: N802
        return metadata().get("homepage", "") + "#" + self.name()
