"""carbonpool:treebiomass through processing.run, on the sample inventory and on bad input."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsField, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from carbon_pool_plugin.core.units import C_TO_CO2

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


def _memory_trees(rows):
    layer = QgsVectorLayer("None", "trees", "memory")
    provider = layer.dataProvider()
    provider.addAttributes(
        [
            QgsField("plot", QVariant.String),
            QgsField("species", QVariant.String),
            QgsField("dbh", QVariant.String),
            QgsField("h", QVariant.Double),
        ]
    )
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    provider.addFeatures(features)
    return layer


def test_sample_inventory_girth_thai_headers(processing, tmp_path):
    source = SAMPLE / "trees_2568.csv"
    before = _md5(source)
    out = tmp_path / "trees.gpkg"
    result = processing.run(
        "carbonpool:treebiomass",
        {
            "INPUT": str(source),
            "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
            "DBH_FIELD": "เส้นรอบวง_ซม",
            "DBH_UNIT": 2,
            "HEIGHT_FIELD": "ความสูง_ม",
            "PLOT_FIELD": "รหัสแปลง",
            "STEMS_FIELD": "ลำต้น",
            "METHOD": 0,
            "EQUATION": "auto",
            "OUTPUT": str(out),
        },
    )
    assert _md5(source) == before, "the input must never be modified"
    layer = QgsVectorLayer(str(out), "out", "ogr")
    assert layer.isValid()
    n_input = QgsVectorLayer(str(source), "in", "ogr").featureCount()
    assert layer.featureCount() == n_input == result["N_TREES"], "no row may vanish"
    names = layer.fields().names()
    for column in (
        "agb_kg",
        "bgb_kg",
        "carbon_kg",
        "co2e_kg",
        "wd",
        "wd_level",
        "height_m",
        "height_source",
        "equation_id",
        "method",
        "flags",
        "ชื่อวิทยาศาสตร์",
    ):
        assert column in names
    carbon = sum(
        f["carbon_kg"]
        for f in layer.getFeatures()
        if f["carbon_kg"] is not None and not isinstance(f["carbon_kg"], QVariant)
    )
    assert result["CARBON_T"] == pytest.approx(carbon / 1000.0, rel=1e-9)
    assert result["CO2E_T"] == pytest.approx(result["CARBON_T"] * C_TO_CO2, rel=1e-9)
    flags = [f["flags"] or "" for f in layer.getFeatures()]
    # the sample's deliberate bad rows (resources/sample/README.md) are flagged, not dropped
    assert sum("DBH_INVALID" in f for f in flags) >= 3
    # blank scientific name (ไม้ไม่ทราบชนิด) and the misspelled "Samanea samann" (genus-level match)
    assert any("SPECIES_MISSING" in f for f in flags)
    misspelled = [f["flags"] for f in layer.getFeatures() if f["ชื่อวิทยาศาสตร์"] == "Samanea samann"]
    assert misspelled and all("SPECIES_GENUS_ONLY" in (f or "") for f in misspelled)
    assert result["N_FLAGGED"] == sum(1 for f in flags if f)
    assert {f["method"] for f in layer.getFeatures()} == {"tver"}


def test_tver_worked_numbers_per_tree(processing, tmp_path):
    """One Ogawa general-species tree, D 30 cm, H 20 m: AGB 465.54 kg (science.md §1.2 test vector),
    BGB = 0.27 × AGB, C = 1.27 × AGB × 0.47, CO2e = C × 44/12 (T-VER, science.md §1.3)."""
    layer = _memory_trees([("P1", "Tectona grandis", "30", 20.0)])
    out = tmp_path / "one.gpkg"
    processing.run(
        "carbonpool:treebiomass",
        {
            "INPUT": layer,
            "SPECIES_FIELD": "species",
            "DBH_FIELD": "dbh",
            "DBH_UNIT": 0,
            "HEIGHT_FIELD": "h",
            "METHOD": 0,
            "EQUATION": "auto",
            "OUTPUT": str(out),
        },
    )
    feature = next(QgsVectorLayer(str(out), "o", "ogr").getFeatures())
    assert feature["equation_id"] == "tver_t1_general"
    assert feature["agb_kg"] == pytest.approx(465.54, abs=0.01)
    assert feature["bgb_kg"] == pytest.approx(0.27 * feature["agb_kg"], rel=1e-12)
    assert feature["carbon_kg"] == pytest.approx(1.27 * feature["agb_kg"] * 0.47, rel=1e-12)
    assert feature["co2e_kg"] == pytest.approx(feature["carbon_kg"] * 44 / 12, rel=1e-12)


def test_bad_rows_are_flagged_not_dropped(processing, tmp_path):
    rows = [
        ("P1", "Samanea saman", "-3", 10.0),
        ("P1", "Samanea saman", "ไม่ได้วัด", 10.0),
        ("P1", "Nonexistus fakeus", "25", 12.0),
        ("P1", "Samanea saman", None, 10.0),
    ]
    out = tmp_path / "bad.gpkg"
    result = processing.run(
        "carbonpool:treebiomass",
        {
            "INPUT": _memory_trees(rows),
            "SPECIES_FIELD": "species",
            "DBH_FIELD": "dbh",
            "HEIGHT_FIELD": "h",
            "OUTPUT": str(out),
        },
    )
    features = list(QgsVectorLayer(str(out), "o", "ogr").getFeatures())
    assert len(features) == 4 == result["N_TREES"]
    assert "DBH_INVALID" in features[0]["flags"] and "DBH_INVALID" in features[1]["flags"]
    assert "DBH_MISSING" in features[3]["flags"]
    assert "SPECIES_UNMATCHED" in features[2]["flags"]
    for f in (features[0], features[1], features[3]):
        value = f["carbon_kg"]
        assert value is None or isinstance(value, QVariant) or math.isnan(value)


def test_missing_field_is_a_clear_error(processing, tmp_path):
    layer = _memory_trees([("P1", "Samanea saman", "20", 10.0)])
    with pytest.raises(QgsProcessingException):
        processing.run(
            "carbonpool:treebiomass",
            {"INPUT": layer, "DBH_FIELD": "no_such_field", "OUTPUT": str(tmp_path / "x.gpkg")},
        )


def test_unknown_equation_is_a_clear_error(processing, tmp_path):
    layer = _memory_trees([("P1", "Samanea saman", "20", 10.0)])
    with pytest.raises(QgsProcessingException, match="Unknown equation"):
        processing.run(
            "carbonpool:treebiomass",
            {
                "INPUT": layer,
                "DBH_FIELD": "dbh",
                "EQUATION": "nope",
                "OUTPUT": str(tmp_path / "x.gpkg"),
            },
        )


@pytest.mark.parametrize("year", ["2568", "2572"])
def test_xlsx_and_csv_give_the_same_totals(processing, tmp_path, year):
    """The workbook (read by GDAL, a blank species cell arrives as NULL) and the CSV of the same
    inventory give the same trees, flags and totals — regression: one NULL cell left every other
    name as bytes, so no species matched and CO2e was 5.8 % off."""
    params = {
        "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
        "DBH_FIELD": "เส้นรอบวง_ซม",
        "DBH_UNIT": 2,
        "HEIGHT_FIELD": "ความสูง_ม",
        "PLOT_FIELD": "รหัสแปลง",
        "STEMS_FIELD": "ลำต้น",
    }
    results = {}
    for ext in ("csv", "xlsx"):
        source = SAMPLE / f"trees_{year}.{ext}"
        out = tmp_path / f"trees_{ext}.gpkg"
        results[ext] = processing.run(
            "carbonpool:treebiomass", dict(params, INPUT=str(source), OUTPUT=str(out))
        )
        layer = QgsVectorLayer(str(out), "out", "ogr")
        unmatched = sum("SPECIES_UNMATCHED" in (f["flags"] or "") for f in layer.getFeatures())
        assert unmatched < 0.05 * layer.featureCount(), ext
    for key in ("N_TREES", "N_FLAGGED", "AGB_T", "CARBON_T", "CO2E_T"):
        assert results["xlsx"][key] == pytest.approx(results["csv"][key], rel=1e-9), key
