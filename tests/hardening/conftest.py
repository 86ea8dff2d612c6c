"""Hardening tests: reuse the session fixtures that load the real plugin (tests/qgis/conftest.py).

Pure-Python hardening tests (properties, parser) do not request them, so they also run with
``-p no:qgis``.
"""

from __future__ import annotations

from tests.qgis.conftest import plugin, processing, sample_epochs  # noqa: F401  (pytest fixtures)
