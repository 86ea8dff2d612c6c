"""Urban Carbon Pool — QGIS plugin entry point.

QGIS (and ``qgis_process``) call :func:`classFactory`; everything else is imported lazily so that
loading the plugin stays cheap and the pure-Python ``core`` package never imports QGIS.
"""

from __future__ import annotations


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """Create the plugin instance. ``iface`` is ``None`` under ``qgis_process``."""
    from .plugin import CarbonPoolPlugin

    return CarbonPoolPlugin(iface)
