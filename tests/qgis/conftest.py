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


@pytest.fixture(scope="session")
def sample_epochs(processing, tmp_path_factory):
    """The sample inventories through carbonpool:treebiomass, then carbonpool:plotcarbon.

    ``{"2568": {"trees": path, "plots": path, "result": dict}, "2572": {...}, "gpkg": path}``.
    """
    from pathlib import Path

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample"
    gpkg = str(sample / "sample_municipality.gpkg")
    out = tmp_path_factory.mktemp("epochs")
    epochs = {"gpkg": gpkg}
    for year, date_field in (("2568", "date_1"), ("2572", "date_2")):
        trees = str(out / f"trees_{year}.gpkg")
        processing.run(
            "carbonpool:treebiomass",
            {
                "INPUT": str(sample / f"trees_{year}.csv"),
                "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
                "DBH_FIELD": "เส้นรอบวง_ซม",
                "DBH_UNIT": 2,
                "HEIGHT_FIELD": "ความสูง_ม",
                "PLOT_FIELD": "รหัสแปลง",
                "STEMS_FIELD": "ลำต้น",
                "METHOD": 0,
                "OUTPUT": trees,
            },
        )
        plots = str(out / f"plots_{year}.gpkg")
        result = processing.run(
            "carbonpool:plotcarbon",
            {
                "TREES": trees,
                "PLOTS": gpkg + "|layername=plots",
                "PLOT_AREA_FIELD": "area_m2",
                "FRACTION_FIELD": "fraction",
                "DATE_FIELD": date_field,
                "STATUS_FIELD": "status",
                "OUTPUT": plots,
            },
        )
        epochs[year] = {"trees": trees, "plots": plots, "result": result}
    return epochs
