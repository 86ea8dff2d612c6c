"""Plugin wiring only: provider registration, menu, toolbar. No science here."""

from __future__ import annotations

from qgis.core import QgsApplication

from .i18n import install_translator, tr
from .paths import icon_path

MENU = "Carbon Pool"


class CarbonPoolPlugin:
    """QGIS plugin object. ``iface`` is ``None`` when loaded by ``qgis_process``."""

    def __init__(self, iface=None):
        self.iface = iface
        self.provider = None
        self.actions: list = []
        self.toolbar = None
        self.dock = None
        self.dock_action = None
        install_translator()

    # -- Processing ---------------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS API name)
        """Register the Processing provider once (idempotent; never touches ``iface``)."""
        from .algorithms.provider import PROVIDER_ID, CarbonPoolProvider

        registry = QgsApplication.processingRegistry()
        existing = registry.providerById(PROVIDER_ID)
        if existing is not None:
            self.provider = existing
            return
        provider = CarbonPoolProvider()
        if registry.addProvider(provider):
            self.provider = provider

    # -- GUI ----------------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        self.toolbar = self.iface.addToolBar(tr("Carbon Pool"))
        self.toolbar.setObjectName("CarbonPoolToolbar")
        action = QAction(QIcon(icon_path()), tr("Carbon Pool algorithms…"), self.iface.mainWindow())
        action.setObjectName("CarbonPoolShowToolbox")
        action.triggered.connect(self._show_toolbox)
        self.iface.addPluginToMenu(tr(MENU), action)
        self.toolbar.addAction(action)
        self.actions.append(action)
        # The Carbon Pool dock: created on first use, toggled from the menu and the toolbar.
        self.dock_action = QAction(
            QIcon(icon_path()), tr("Carbon Pool panel"), self.iface.mainWindow()
        )
        self.dock_action.setObjectName("CarbonPoolToggleDock")
        self.dock_action.setCheckable(True)
        self.dock_action.toggled.connect(self._toggle_dock)
        self.iface.addPluginToMenu(tr(MENU), self.dock_action)
        self.toolbar.addAction(self.dock_action)
        self.actions.append(self.dock_action)

    def _toggle_dock(self, checked: bool) -> None:
        if self.dock is None:
            if not checked:
                return
            from qgis.PyQt.QtCore import Qt

            from .ui.dock import CarbonPoolDock

            self.dock = CarbonPoolDock(self.iface, self.iface.mainWindow())
            self.dock.setToggleVisibilityAction(self.dock_action)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        self.dock.setUserVisible(checked)

    def _show_toolbox(self) -> None:
        from qgis.utils import iface

        if iface is not None:
            action = (
                iface.actionShowProcessingToolbox()
                if hasattr(iface, "actionShowProcessingToolbox")
                else None
            )
            if action is not None and not action.isChecked():
                action.trigger()

    def unload(self) -> None:
        if self.dock is not None:
            self.dock.cleanup()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        self.dock_action = None
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(tr(MENU), action)
            action.deleteLater()
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            registry = QgsApplication.processingRegistry()
            if registry.providerById(self.provider.id()) is not None:
                registry.removeProvider(self.provider)
            self.provider = None
