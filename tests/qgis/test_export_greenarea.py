"""carbonpool:exportgreenarea — the GreenArea package validates against its schema and is atomic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from carbon_pool_plugin.core.greenarea import (
    _minimal_errors,
    build_summary,
    load_schema,
    normalize_muni_type,
    validate_summary,
    year_be_ce,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
GPKG = SAMPLE / "sample_municipality.gpkg"


@pytest.fixture()
def carbon_map(processing, tmp_path):
    """A stand-in carbon-stock map: the sample green space with area_ha and co2e_t fields."""
    step = processing.run(
        "native:fieldcalculator",
        {
            "INPUT": f"{GPKG}|layername=green_space",
            "FIELD_NAME": "area_ha",
            "FIELD_TYPE": 0,
            "FIELD_PRECISION": 6,
            "FORMULA": "$area / 10000",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    step = processing.run(
        "native:fieldcalculator",
        {
            "INPUT": step["OUTPUT"],
            "FIELD_NAME": "co2e_t",
            "FIELD_TYPE": 0,
            "FIELD_PRECISION": 6,
            "FORMULA": '"area_ha" * 250',
            "OUTPUT": str(tmp_path / "carbon_map.gpkg"),
        },
    )
    return step["OUTPUT"]


def test_export_validates_and_has_polygons(processing, carbon_map, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProject

    out = tmp_path / "greenarea"
    # a context with an ellipsoid, as qgis_process and most desktop projects have: areas must
    # still be planar in the projected CRS, as in stratifiedestimate and the report
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("EPSG:7030")
    result = processing.run(
        "carbonpool:exportgreenarea",
        {
            "INPUT": carbon_map,
            "BOUNDARY": f"{GPKG}|layername=boundary",
            "YEAR": 2568,
            "TOTAL_TCO2E": 62935.0,
            "TOTAL_TCO2E_CI95_LOW": 55000.0,
            "TOTAL_TCO2E_CI95_HIGH": 70870.0,
            "ANNUAL_TCO2E_YR": 1200.5,
            "ANNUAL_TCO2E_YR_CI95_LOW": 800.0,
            "ANNUAL_TCO2E_YR_CI95_HIGH": 1601.0,
            "METHOD_VERSION": "tver 1.0",
            "EQUATION_PACK_VERSION": "eqlib-test",
            "OUTPUT_FOLDER": str(out),
        },
        context=context,
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "greenarea_TH-SAMPLE-01_2568.gpkg",
        "greenarea_TH-SAMPLE-01_2568.json",
    ]
    assert not list(tmp_path.glob(".greenarea_*")), "staging folder left behind"
    summary = json.loads(Path(result["OUTPUT_JSON"]).read_text(encoding="utf-8"))
    errors, validator = validate_summary(summary)
    assert errors == []
    assert validator == "jsonschema"
    assert summary["official_format"] is False
    assert summary["municipality"]["code"] == "TH-SAMPLE-01"
    assert summary["municipality"]["population"] == 38500
    assert summary["municipality"]["type"] == "town_municipality"
    assert summary["year"] == {"be": 2568, "ce": 2025}
    green = summary["green_area"]
    # resources/sample/README.md: 251.7 ha = 20.5 % of the area, 65.4 m² per person, 353 polygons
    assert green["polygons"] == 353
    assert green["area_ha"] == pytest.approx(251.7, abs=0.1)
    assert green["area_rai"] == pytest.approx(green["area_ha"] * 6.25, rel=1e-6)
    assert green["share_pct"] == pytest.approx(20.5, abs=0.05)
    # the same area convention as stratifiedestimate and the report (planar in EPSG:32647): the
    # boundary's and the polygons' planar areas, summed here by hand
    boundary = QgsVectorLayer(f"{GPKG}|layername=boundary", "b", "ogr")
    muni_ha = sum(f.geometry().area() for f in boundary.getFeatures()) / 10000.0
    polygons = QgsVectorLayer(f"{GPKG}|layername=green_space", "g", "ogr")
    green_ha = sum(f.geometry().area() for f in polygons.getFeatures()) / 10000.0
    assert green["area_ha"] == pytest.approx(green_ha, abs=0.005)  # 2 decimals in the JSON
    # 20.5185 % (an ellipsoidal boundary area over planar area_ha gave 20.512 %)
    assert summary["municipality"]["area_ha"] == pytest.approx(muni_ha, abs=1e-4)
    assert green["share_pct"] == pytest.approx(100.0 * green_ha / muni_ha, abs=0.001)
    assert green["m2_per_person"] == pytest.approx(65.4, abs=0.05)
    assert green["target_share_pct"] == 20.0 and green["meets_target"] is True
    stock = summary["carbon_stock"]
    assert stock["tco2e"] == 62935.0 and stock["source"] == "estimate"
    assert (stock["tco2e_ci95_low"], stock["tco2e_ci95_high"]) == (55000.0, 70870.0)
    assert stock["tc"] == pytest.approx(62935.0 * 12 / 44, abs=1e-3)
    assert summary["annual_sequestration"]["tco2e_per_year"] == 1200.5
    assert summary["method"] == {"method_pack": "tver 1.0", "equation_pack_version": "eqlib-test"}
    assert result["GREEN_AREA_RAI"] == green["area_rai"]

    layer = QgsVectorLayer(f"{result['OUTPUT_GPKG']}|layername=green_space_carbon", "g", "ogr")
    assert layer.isValid()
    assert layer.featureCount() == 353
    assert layer.geometryType() == 2  # polygons
    names = layer.fields().names()
    for name in ("gs_id", "class_code", "co2e_t", "muni_code", "year_be"):
        assert name in names
    feature = next(layer.getFeatures())
    assert feature["muni_code"] == "TH-SAMPLE-01" and feature["year_be"] == 2568


def test_export_without_totals_sums_polygons(processing, carbon_map, tmp_path):
    result = processing.run(
        "carbonpool:exportgreenarea",
        {
            "INPUT": carbon_map,
            "MUNI_CODE": "X 1/2",
            "MUNI_TYPE": 0,
            "YEAR": 2025,
            "OUTPUT_FOLDER": str(tmp_path / "o"),
        },
    )
    summary = json.loads(Path(result["OUTPUT_JSON"]).read_text(encoding="utf-8"))
    assert validate_summary(summary)[0] == []
    assert Path(result["OUTPUT_JSON"]).name == "greenarea_X_1_2_2568.json"
    assert summary["carbon_stock"]["source"] == "polygon_sum"
    assert summary["carbon_stock"]["tco2e_ci95_low"] is None
    assert summary["green_area"]["share_pct"] is None  # no boundary: share unknown
    assert summary["green_area"]["target_share_pct"] == 15.0
    assert summary["annual_sequestration"] is None


def test_export_failure_leaves_nothing(processing, tmp_path):
    from qgis.core import QgsProcessingException

    layer = f"{GPKG}|layername=green_space"  # no co2e_t field and no totals -> error
    out = tmp_path / "o"
    with pytest.raises(QgsProcessingException):
        processing.run(
            "carbonpool:exportgreenarea",
            {"INPUT": layer, "MUNI_CODE": "X", "CO2E_FIELD": None, "OUTPUT_FOLDER": str(out)},
        )
    assert not any(out.glob("*")) if out.exists() else True
    assert not list(tmp_path.glob(".greenarea_*"))


def test_builtin_validator_agrees_with_jsonschema():
    schema = load_schema()
    good = build_summary(
        muni_code="A",
        muni_type="เทศบาลนคร",
        year=2568,
        green_area_m2=1.6e6,
        polygons=3,
        carbon_tco2e=10.0,
        carbon_source="polygon_sum",
        geopackage="a.gpkg",
        layer="green_space_carbon",
        plugin_version="0.1.0",
        population=1000,
        muni_area_m2=1e7,
    )
    assert _minimal_errors(good, schema, "$") == []
    assert validate_summary(good, schema)[0] == []
    bad = json.loads(json.dumps(good))
    bad["year"]["be"] = 1990
    bad["official_format"] = True
    bad["extra"] = 1
    del bad["carbon_stock"]["tco2e"]
    builtin = _minimal_errors(bad, schema, "$")
    assert len(builtin) == 4
    assert len(validate_summary(bad, schema)[0]) == 4
    assert good["green_area"]["area_rai"] == 1000.0 and good["green_area"]["share_pct"] == 16.0
    assert good["green_area"]["m2_per_person"] == 1600.0


@pytest.mark.parametrize(
    "text, key",
    [
        ("เทศบาลเมือง", "town_municipality"),
        ("town", "town_municipality"),
        ("ทต.", "subdistrict_municipality"),
        ("อบต.", "sao"),
        ("เทศบาลนครเชียงใหม่", "city_municipality"),
        (4, "special"),
    ],
)
def test_municipality_types(text, key):
    assert normalize_muni_type(text) == key


def test_years():
    assert year_be_ce(2568) == (2568, 2025)
    assert year_be_ce(2025) == (2568, 2025)
