"""carbonpool:samplesize through processing.run.

Hand calculations follow the BioCarbon Fund Sourcebook (Pearson, Walker & Brown), science.md §7.3:
n = (Σ N_h s_h)² / (N² E² / t² + Σ N_h s_h²), N_h = stratum area / plot area, N = Σ N_h,
E = mean × precision.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant
from scipy import stats

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
GREEN = "{}|layername=green_space".format(SAMPLE / "sample_municipality.gpkg")


def _strata_layer(rects):
    layer = QgsVectorLayer("Polygon?crs=EPSG:32647", "strata", "memory")
    layer.dataProvider().addAttributes([QgsField("stratum", QVariant.String)])
    layer.updateFields()
    feats = []
    for name, (x0, y0, x1, y1) in rects:
        f = QgsFeature(layer.fields())
        f.setAttributes([name])
        f.setGeometry(
            QgsGeometry.fromWkt(
                "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(x0, y0, x1, y1)
            )
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _table(path):
    layer = QgsVectorLayer(path, "t", "ogr")
    assert layer.isValid()
    return {f["stratum"]: f for f in layer.getFeatures()}


def test_hand_calculation_two_strata(processing, tmp_path):
    # a: 1000 x 1000 m = 100 ha, b: 1000 x 500 m = 50 ha; plot 400 m² -> N_a 2500, N_b 1250
    layer = _strata_layer([("a", (0, 0, 1000, 1000)), ("b", (2000, 0, 3000, 500))])
    result = processing.run(
        "carbonpool:samplesize",
        {
            "STRATA": layer,
            "STRATUM_FIELD": "stratum",
            "CV_TABLE": "a:0.5;b:1.0",
            "PRECISION": 0.1,
            "CONFIDENCE": 1,  # 95 %
            "PLOT_AREA_M2": 400,
            "ALLOCATION": 1,  # Neyman
            "MIN_PER_STRATUM": 2,
            "OUTPUT": str(tmp_path / "plan.gpkg"),
        },
    )
    t = result["T_VALUE"]
    # CVs only -> both strata share mean 1: s_a = 0.5, s_b = 1.0, E = 0.1
    n_a, n_b, s_a, s_b, e = 2500.0, 1250.0, 0.5, 1.0, 0.1
    n_total = n_a + n_b
    hand = (n_a * s_a + n_b * s_b) ** 2 / (n_total**2 * e**2 / t**2 + n_a * s_a**2 + n_b * s_b**2)
    assert result["N_SOURCEBOOK"] == pytest.approx(hand, rel=1e-10)
    assert result["N_REQUIRED"] == pytest.approx(hand, rel=1e-10)  # Neyman = Sourcebook
    # t is the 95 % two-sided Student t with df = n - 2 strata
    df = int(np.ceil(hand - 1e-9)) - 2
    assert t == pytest.approx(stats.t.ppf(0.975, df), rel=1e-3)
    table = _table(result["OUTPUT"])
    assert table["a"]["area_ha"] == pytest.approx(100.0)
    assert table["b"]["N_units"] == pytest.approx(1250.0)
    assert table["a"]["cv"] == pytest.approx(0.5)
    assert sum(f["n_h"] for f in table.values()) == result["N_TOTAL"] == int(np.ceil(hand))
    # Neyman: n_h ∝ N_h s_h -> equal shares here (2500 × 0.5 = 1250 × 1.0)
    assert abs(table["a"]["n_h"] - table["b"]["n_h"]) <= 1


def test_sample_green_space_cv_table(processing, tmp_path):
    result = processing.run(
        "carbonpool:samplesize",
        {
            "STRATA": GREEN,
            "STRATUM_FIELD": "class_code",
            "CV_TABLE": "park:0.6;street:0.8",
            "DEFAULT_CV": 0.6,
            "OUTPUT": str(tmp_path / "plan.gpkg"),
        },
    )
    table = _table(result["OUTPUT"])
    assert set(table) == {"park", "institutional", "street", "riparian", "residential"}
    # stratum areas from resources/sample/README.md
    assert table["park"]["area_ha"] == pytest.approx(32.73, abs=0.01)
    assert table["residential"]["area_ha"] == pytest.approx(123.20, abs=0.01)
    assert table["street"]["sd_source"] == "cv table"
    assert table["riparian"]["sd_source"] == "default cv"
    assert sum(f["n_h"] for f in table.values()) == result["N_TOTAL"]
    assert all(f["n_h"] >= 2 for f in table.values())
    # proportional allocation (default) needs at least the Neyman (Sourcebook) number
    assert result["N_REQUIRED"] >= result["N_SOURCEBOOK"]
    assert 1.6 < result["T_VALUE"] < 1.7  # 90 % (default), df ~ 100
    assert result["ACHIEVED_PRECISION"] <= 0.1 + 1e-9


def test_pilot_plots_give_sd_and_mean(processing, tmp_path):
    strata = _strata_layer([("a", (0, 0, 1000, 1000)), ("b", (2000, 0, 3000, 500))])
    pilot = QgsVectorLayer("None", "pilot", "memory")
    pilot.dataProvider().addAttributes(
        [QgsField("stratum", QVariant.String), QgsField("c_t_ha", QVariant.Double)]
    )
    pilot.updateFields()
    values = {"a": [80.0, 120.0, 100.0, 95.0], "b": [30.0, 60.0, 45.0]}
    feats = []
    for s, vals in values.items():
        for v in vals:
            f = QgsFeature(pilot.fields())
            f.setAttributes([s, v])
            feats.append(f)
    pilot.dataProvider().addFeatures(feats)
    result = processing.run(
        "carbonpool:samplesize",
        {
            "STRATA": strata,
            "STRATUM_FIELD": "stratum",
            "PILOT_PLOTS": pilot,
            "PILOT_STRATUM_FIELD": "stratum",
            "PILOT_VALUE_FIELD": "c_t_ha",
            "OUTPUT": str(tmp_path / "plan.gpkg"),
        },
    )
    table = _table(result["OUTPUT"])
    for s, vals in values.items():
        assert table[s]["mean"] == pytest.approx(np.mean(vals))
        assert table[s]["sd"] == pytest.approx(np.std(vals, ddof=1))
        assert table[s]["sd_source"].startswith("pilot")
    assert result["N_TOTAL"] >= 4


def test_geographic_areas_are_ellipsoidal(processing, tmp_path):
    wgs = processing.run(
        "native:reprojectlayer",
        {
            "INPUT": GREEN,
            "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:4326"),
            "OUTPUT": str(tmp_path / "green_wgs84.gpkg"),
        },
    )["OUTPUT"]
    planar = _table(
        processing.run(
            "carbonpool:samplesize",
            {"STRATA": GREEN, "STRATUM_FIELD": "class_code", "OUTPUT": str(tmp_path / "p.gpkg")},
        )["OUTPUT"]
    )
    geographic = _table(
        processing.run(
            "carbonpool:samplesize",
            {"STRATA": wgs, "STRATUM_FIELD": "class_code", "OUTPUT": str(tmp_path / "g.gpkg")},
        )["OUTPUT"]
    )
    for s in planar:
        # UTM scale factor near 100.3° E (~0.9996-0.9997) -> areas agree to < 0.2 %
        assert geographic[s]["area_ha"] == pytest.approx(planar[s]["area_ha"], rel=2e-3)
        assert geographic[s]["area_ha"] != pytest.approx(0.0)
