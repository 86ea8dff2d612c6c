"""Green-space mapping algorithms through processing.run on the sample image and training polygons."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import NULL, QgsProcessingException, QgsRasterLayer, QgsVectorLayer

from carbon_pool_plugin.core.classification import sklearn_available

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
IMAGE = str(SAMPLE / "sample_image.tif")
GPKG = str(SAMPLE / "sample_municipality.gpkg")
TRAINING = GPKG + "|layername=training"
BOUNDARY = GPKG + "|layername=boundary"


def _read(path) -> np.ndarray:
    ds = gdal.Open(str(path))
    return ds.ReadAsArray()


@pytest.fixture(scope="module")
def classified(processing, tmp_path_factory):
    out = tmp_path_factory.mktemp("classified")
    result = processing.run(
        "carbonpool:classifygreenspace",
        {
            "INPUT": IMAGE,
            "PRESET": 0,
            "TRAINING": TRAINING,
            "CLASS_FIELD": "lc_code",
            "CLASS_NAME_FIELD": "lc_name",
            "CLASSIFIER": 1,
            "SEED": 7,
            "OUTPUT": str(out / "classes.tif"),
            "OUTPUT_MODEL": str(out / "model.json"),
            "OUTPUT_AREAS": str(out / "areas.gpkg"),
        },
    )
    return result, out


def test_indices_bands_and_values(processing, tmp_path):
    out = tmp_path / "idx.tif"
    result = processing.run(
        "carbonpool:vegetationindices",
        {"INPUT": IMAGE, "PRESET": 0, "INDICES": [0, 1, 2, 3, 4], "OUTPUT": str(out)},
    )
    assert result["BANDS"] == "NDVI,EVI,SAVI,NDWI"  # NDBI skipped: no SWIR band
    ds = gdal.Open(str(out))
    assert ds.RasterCount == 4
    assert ds.GetRasterBand(1).GetDescription() == "NDVI"
    assert ds.GetRasterBand(1).GetNoDataValue() == -9999
    ndvi = ds.GetRasterBand(1).ReadAsArray()
    img = _read(IMAGE).astype(np.float64) * 1e-4
    red, nir = img[2], img[3]
    valid = (img > 0).all(axis=0)
    expect = (nir - red) / (nir + red)
    assert np.allclose(ndvi[valid], expect[valid], atol=1e-5)
    assert (ndvi[~valid] == -9999).all()
    assert result["N_VALID"] == int(valid.sum())
    assert not list(tmp_path.glob(".*partial*"))


def test_classification_accuracy_and_areas(classified):
    result, out = classified
    assert result["CLASSIFIER_USED"] == "gaussian_ml"
    assert result["HOLDOUT_ACCURACY"] > 0.8  # 4 classes: chance is ~0.25
    assert result["TRAINING_PIXELS"] >= 300
    classes = _read(out / "classes.tif")
    img = _read(IMAGE)
    valid = (img != 0).all(axis=0)
    assert ((classes > 0) == valid).all()
    assert set(np.unique(classes[valid])) <= {1, 2, 3, 4}
    areas = QgsVectorLayer(str(out / "areas.gpkg"), "areas", "ogr")
    rows = {f["class"]: f for f in areas.getFeatures()}
    assert sum(f["pixels"] for f in rows.values()) == int(valid.sum())
    assert sum(f["area_m2"] for f in rows.values()) == pytest.approx(valid.sum() * 100.0)
    assert sum(f["share_pct"] for f in rows.values()) == pytest.approx(100.0)
    assert rows[1]["name"] == "tree canopy"
    model = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert model["format"] == "carbonpool.classifier"
    assert model["kind"] == "gaussian_ml"


def test_reapply_saved_model_identical(processing, classified, tmp_path):
    _result, out = classified
    again = tmp_path / "again.tif"
    processing.run(
        "carbonpool:classifygreenspace",
        {
            "INPUT": IMAGE,
            "PRESET": 0,
            "INPUT_MODEL": str(out / "model.json"),
            "OUTPUT": str(again),
        },
    )
    assert np.array_equal(_read(again), _read(out / "classes.tif"))


def test_tampered_model_refused(processing, classified, tmp_path):
    _result, out = classified
    data = json.loads((out / "model.json").read_text(encoding="utf-8"))
    data["format"] = "something-else"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QgsProcessingException):
        processing.run(
            "carbonpool:classifygreenspace",
            {
                "INPUT": IMAGE,
                "PRESET": 0,
                "INPUT_MODEL": str(bad),
                "OUTPUT": str(tmp_path / "x.tif"),
            },
        )
    assert not (tmp_path / "x.tif").exists()


@pytest.mark.skipif(not sklearn_available(), reason="scikit-learn not installed")
def test_random_forest_with_texture(processing, tmp_path):
    result = processing.run(
        "carbonpool:classifygreenspace",
        {
            "INPUT": IMAGE,
            "PRESET": 0,
            "TRAINING": TRAINING,
            "CLASS_FIELD": "lc_code",
            "CLASSIFIER": 0,
            "TEXTURE": True,
            "RF_TREES": 30,
            "SEED": 1,
            "OUTPUT": str(tmp_path / "rf.tif"),
            "OUTPUT_MODEL": str(tmp_path / "rf.json"),
        },
    )
    assert result["CLASSIFIER_USED"] == "random_forest"
    assert result["HOLDOUT_ACCURACY"] > 0.8
    again = tmp_path / "rf2.tif"
    processing.run(
        "carbonpool:classifygreenspace",
        {
            "INPUT": IMAGE,
            "PRESET": 0,
            "INPUT_MODEL": str(tmp_path / "rf.json"),
            "OUTPUT": str(again),
        },
    )
    assert np.array_equal(_read(again), _read(tmp_path / "rf.tif"))


def test_otsu_two_classes(processing, tmp_path):
    result = processing.run(
        "carbonpool:classifygreenspace",
        {"INPUT": IMAGE, "PRESET": 0, "CLASSIFIER": 2, "OUTPUT": str(tmp_path / "otsu.tif")},
    )
    assert 0.1 < result["OTSU_THRESHOLD"] < 0.7
    values = set(np.unique(_read(tmp_path / "otsu.tif")))
    assert values == {0, 1, 4}


def test_green_polygons_and_target(processing, classified, tmp_path):
    _result, out = classified
    result = processing.run(
        "carbonpool:greenspacepolygons",
        {
            "INPUT": str(out / "classes.tif"),
            "GREEN_CLASSES": "1,2",
            "CANOPY_CLASSES": "1",
            "MIN_AREA_M2": 400,
            "BOUNDARY": BOUNDARY,
            "MUNI_TYPE": 1,
            "POPULATION_FIELD": "population",
            "OUTPUT": str(tmp_path / "green.gpkg"),
        },
    )
    assert result["TARGET_PCT"] == 20.0
    # The sample town's official green-space polygons cover 20.5 % of it, and ~85 % of their pixels
    # classify as green (paths, roofs, bare ground make up the rest). But the synthetic image also
    # has gardens and scattered trees in the built-up blocks (~21 % of the land outside the polygons
    # classifies as green), so the image-based green share is ~31 %, not 20 %.
    assert 20.0 < result["GREEN_SHARE_PCT"] < 40.0
    assert result["MEETS_TARGET"] in (0, 1)
    assert result["M2_PER_PERSON"] == pytest.approx(result["GREEN_AREA_M2"] / 38500)
    layer = QgsVectorLayer(str(tmp_path / "green.gpkg"), "g", "ogr")
    feats = list(layer.getFeatures())
    assert len(feats) == result["N_POLYGONS"] > 10
    assert all(f["area_m2"] >= 400 for f in feats)
    assert all(0.0 <= f["canopy_frac"] <= 1.0 for f in feats)
    assert all(f["main_class"] in (1, 2) for f in feats)
    # polygon areas are pixel areas: geometry area equals area_m2 without smoothing
    for f in feats[:50]:
        assert f.geometry().area() == pytest.approx(f["area_m2"], rel=1e-9)


def test_geographic_matches_projected(processing, classified, tmp_path):
    _result, out = classified
    geo = tmp_path / "classes_4326.tif"
    gdal.Warp(
        str(geo),
        str(out / "classes.tif"),
        dstSRS="EPSG:4326",
        resampleAlg="near",
        xRes=9e-5,
        yRes=9e-5,
        dstNodata=0,
    )
    common = {"GREEN_CLASSES": "1,2", "MIN_AREA_M2": 0, "OUTPUT": "TEMPORARY_OUTPUT"}
    projected = processing.run(
        "carbonpool:greenspacepolygons", dict(common, INPUT=str(out / "classes.tif"))
    )
    geographic = processing.run("carbonpool:greenspacepolygons", dict(common, INPUT=str(geo)))
    assert geographic["GREEN_AREA_M2"] == pytest.approx(projected["GREEN_AREA_M2"], rel=0.02)


def test_accuracy_sample_then_assess(processing, classified, tmp_path):
    _result, out = classified
    classes = str(out / "classes.tif")
    points = str(tmp_path / "points.gpkg")
    res = processing.run(
        "carbonpool:accuracyassessment",
        {"MODE": 0, "INPUT": classes, "N_PER_CLASS": 30, "SEED": 3, "OUTPUT_POINTS": points},
    )
    assert res["N_SAMPLES"] == 120
    layer = QgsVectorLayer(points, "p", "ogr")
    feats = list(layer.getFeatures())
    assert all(f["ref_class"] == NULL for f in feats)  # blank, to be labelled
    assert sorted({f["map_class"] for f in feats}) == [1, 2, 3, 4]
    # same seed → same points
    res2 = processing.run(
        "carbonpool:accuracyassessment",
        {
            "MODE": 0,
            "INPUT": classes,
            "N_PER_CLASS": 30,
            "SEED": 3,
            "OUTPUT_POINTS": "TEMPORARY_OUTPUT",
        },
    )
    pts2 = sorted((f["x"], f["y"]) for f in res2["OUTPUT_POINTS"].getFeatures())
    assert pts2 == sorted((f["x"], f["y"]) for f in feats)
    # Label every point with its map class: a perfect (and fake) reference.
    layer.startEditing()
    idx = layer.fields().indexOf("ref_class")
    for f in feats:
        layer.changeAttributeValue(f.id(), idx, f["map_class"])
    assert layer.commitChanges()
    res = processing.run(
        "carbonpool:accuracyassessment",
        {
            "MODE": 1,
            "INPUT": classes,
            "REFERENCE": points,
            "REF_FIELD": "ref_class",
            "OUTPUT_MATRIX": "TEMPORARY_OUTPUT",
            "OUTPUT_CLASSES": "TEMPORARY_OUTPUT",
        },
    )
    assert res["OVERALL_ACCURACY"] == pytest.approx(1.0)
    assert res["KAPPA"] == pytest.approx(1.0)
    rows = list(res["OUTPUT_CLASSES"].getFeatures())
    for f in rows:
        assert f["adj_area_m2"] == pytest.approx(f["mapped_m2"])


def test_accuracy_with_training_as_reference(processing, classified, tmp_path):
    _result, out = classified
    centroids = processing.run(
        "native:centroids", {"INPUT": TRAINING, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    res = processing.run(
        "carbonpool:accuracyassessment",
        {
            "MODE": 1,
            "INPUT": str(out / "classes.tif"),
            "REFERENCE": centroids["OUTPUT"],
            "REF_FIELD": "lc_code",
            "OUTPUT_CLASSES": "TEMPORARY_OUTPUT",
        },
    )
    assert res["N_SAMPLES"] == 40
    assert res["OVERALL_ACCURACY_SAMPLE"] > 0.9


def test_carbon_raster_totals(processing, classified, tmp_path):
    _result, out = classified
    res = processing.run(
        "carbonpool:carbonraster",
        {
            "INPUT": str(out / "classes.tif"),
            "CLASS_DENSITY": "1:45.2:38.1:52.3;2:5.0:3.1:6.9",
            "BOUNDARY": BOUNDARY,
            "ZONE_FIELD": "name_th",
            "OUTPUT": str(tmp_path / "carbon.tif"),
            "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
        },
    )
    carbon = _read(tmp_path / "carbon.tif")
    classes = _read(out / "classes.tif")
    assert np.allclose(carbon[classes == 1], 45.2)
    assert np.allclose(carbon[classes == 3], 0.0)
    assert (carbon[classes == 0] == -9999).all()
    assert res["TOTAL_TC_LOW"] < res["TOTAL_TC"] < res["TOTAL_TC_HIGH"]
    assert res["TOTAL_TCO2E"] == pytest.approx(res["TOTAL_TC"] * 44 / 12)
    rows = list(res["OUTPUT_TABLE"].getFeatures())
    zone = [f for f in rows if f["zone"] == "เทศบาลเมืองตัวอย่าง" and f["class"] == 1][0]
    assert zone["total_tc"] == pytest.approx(zone["area_ha"] * 45.2)
    # inside the boundary only: less than the whole image
    whole = float((classes == 1).sum() * 0.01 * 45.2 + (classes == 2).sum() * 0.01 * 5.0)
    assert res["TOTAL_TC"] < whole


def test_class_style_is_paletted(classified):
    from carbon_pool_plugin.algorithms.mapping_common import CLASS_STYLE

    _result, out = classified
    layer = QgsRasterLayer(str(out / "classes.tif"), "classes", "gdal")
    message, ok = layer.loadNamedStyle(str(CLASS_STYLE))
    assert ok, message
    assert layer.renderer().type() == "paletted"
    assert [c.value for c in layer.renderer().classes()][:4] == [1, 2, 3, 4]


def test_training_points(processing, tmp_path):
    centroids = processing.run(
        "native:centroids", {"INPUT": TRAINING, "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    result = processing.run(
        "carbonpool:classifygreenspace",
        {
            "INPUT": IMAGE,
            "PRESET": 0,
            "TRAINING": centroids["OUTPUT"],
            "CLASS_FIELD": "lc_code",
            "CLASSIFIER": 1,
            "HOLDOUT": 0,
            "OUTPUT": str(tmp_path / "pts.tif"),
        },
    )
    assert result["TRAINING_PIXELS"] == 40  # one pixel per point
    assert result["N_CLASSES"] == 4
