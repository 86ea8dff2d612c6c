"""Shared test configuration: headless Qt and a report header naming the versions in use."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "resources" / "sample"


def pytest_report_header(config):
    lines = []
    try:
        import numpy
        import pandas

        lines.append(f"numpy {numpy.__version__}, pandas {pandas.__version__}")
    except ImportError:  # pragma: no cover
        pass
    if config.pluginmanager.has_plugin("pytest_qgis") or config.pluginmanager.has_plugin("qgis"):
        try:
            from osgeo import gdal
            from qgis.core import Qgis
            from qgis.PyQt.QtCore import QT_VERSION_STR

            lines.append(f"QGIS {Qgis.QGIS_VERSION}, GDAL {gdal.__version__}, Qt {QT_VERSION_STR}")
        except ImportError:  # pragma: no cover
            lines.append("QGIS not importable")
    return lines
