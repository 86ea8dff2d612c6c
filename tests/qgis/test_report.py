"""carbonpool:carbonreport: PDF (QgsLayout) and HTML, Thai and English, offscreen.

Always runs on small hand-built memory layers that follow the stratifiedestimate / treebiomass
contracts; additionally on the real chain treebiomass → plotcarbon → stratifiedestimate over the
sample municipality when those algorithms are registered.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from carbon_pool_plugin.core.report_model import fmt_num

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdftoppm", "pdfinfo"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext…) not installed")

STRATA_FIELDS = [
    ("stratum", QVariant.String),
    ("row_type", QVariant.String),
    ("area_ha", QVariant.Double),
    ("area_rai", QVariant.Double),
    ("n", QVariant.Int),
    ("mean_tc_ha", QVariant.Double),
    ("u90_pct", QVariant.Double),
    ("u95_pct", QVariant.Double),
    ("total_tc", QVariant.Double),
    ("total_tc_ci95_low", QVariant.Double),
    ("total_tc_ci95_high", QVariant.Double),
    ("total_tco2e", QVariant.Double),
    ("total_tco2e_ci90_low", QVariant.Double),
    ("total_tco2e_ci90_high", QVariant.Double),
    ("total_tco2e_ci95_low", QVariant.Double),
    ("total_tco2e_ci95_high", QVariant.Double),
    ("deduction_pct", QVariant.Double),
    ("conservative_total_tco2e", QVariant.Double),
    ("note", QVariant.String),
]


def _layer(uri, fields, rows, geoms=None):
    layer = QgsVectorLayer(uri, "mem", "memory")
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    feats = []
    for i, row in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        if geoms:
            f.setGeometry(QgsGeometry.fromWkt(geoms[i]))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def _square(x, y, s):
    return "POLYGON(({x} {y},{x2} {y},{x2} {y2},{x} {y2},{x} {y}))".format(
        x=x, y=y, x2=x + s, y2=y + s
    )


@pytest.fixture(scope="module")
def memory_inputs():
    """Hand-built layers following the contracts (EPSG:32647, a 2 x 2 km town)."""
    strata = _layer(
        "None",
        STRATA_FIELDS,
        [
            [
                "park",
                "stratum",
                30.0,
                187.5,
                12,
                90.0,
                11.0,
                13.0,
                2700.0,
                2400,
                3000,
                9900.0,
                8900,
                10900,
                8600,
                11200,
                25.0,
                None,
                None,
            ],
            [
                "street",
                "stratum",
                20.0,
                125.0,
                8,
                25.0,
                28.0,
                33.0,
                500.0,
                330,
                670,
                1833.3,
                1320,
                2346,
                1210,
                2456,
                75.0,
                None,
                None,
            ],
            [
                "ALL",
                "total",
                50.0,
                312.5,
                20,
                64.0,
                9.6,
                11.6,
                3200.0,
                2830,
                3570,
                11733.3,
                10607,
                12860,
                10372,
                13094,
                0.0,
                11733.3,
                "merged: none",
            ],
        ],
    )
    poly_fields = [
        ("gs_id", QVariant.String),
        ("name_th", QVariant.String),
        ("name_en", QVariant.String),
        ("class_code", QVariant.String),
        ("class_th", QVariant.String),
        ("class_en", QVariant.String),
        ("stratum_used", QVariant.String),
        ("area_ha", QVariant.Double),
        ("density_tc_ha", QVariant.Double),
        ("density_tco2e_rai", QVariant.Double),
        ("density_source", QVariant.String),
        ("co2e_t", QVariant.Double),
    ]
    rows, geoms = [], []
    for i in range(6):
        park = i < 3
        area = 10.0 if park else 20.0 / 3
        dens = 90.0 if park else 25.0
        rows.append(
            [
                "GS-{:04d}".format(i + 1),
                "สวนสาธารณะที่ {}".format(i + 1) if park else None,
                "Park {}".format(i + 1) if park else None,
                "park" if park else "street",
                "สวนสาธารณะ" if park else "พื้นที่สีเขียวริมถนน",
                "public park" if park else "street green",
                "park" if park else "street",
                area,
                dens,
                dens * 44 / 12 / 6.25,
                "stratum",
                area * dens * 44 / 12,
            ]
        )
        side = (area * 10000) ** 0.5
        geoms.append(_square(640200 + (i % 3) * 600, 1580200 + (i // 3) * 800, side))
    polygons = _layer("Polygon?crs=EPSG:32647", poly_fields, rows, geoms)
    boundary = _layer(
        "Polygon?crs=EPSG:32647",
        [
            ("name_th", QVariant.String),
            ("name_en", QVariant.String),
            ("muni_code", QVariant.String),
            ("population", QVariant.Int),
        ],
        [["เทศบาลเมืองทดสอบ", "Test Town Municipality", "TH-TEST-01", 12000]],
        [_square(640000, 1580000, 2000)],
    )
    tree_fields = [
        ("species", QVariant.String),
        ("accepted_name", QVariant.String),
        ("dbh_cm", QVariant.Double),
        ("carbon_kg", QVariant.Double),
        ("co2e_kg", QVariant.Double),
        ("equation_id", QVariant.String),
        ("method", QVariant.String),
        ("flags", QVariant.String),
    ]
    species = ["Samanea saman", "Tectona grandis", "Mangifera indica", "Cocos nucifera"]
    trees = _layer(
        "None",
        tree_fields,
        [
            [
                species[i % 4],
                species[i % 4],
                5.0 + i * 3.1,
                40.0 + i * 9,
                (40.0 + i * 9) * 44 / 12,
                "tver_t1_general",
                "tver",
                "SPECIES_FUZZY" if i % 7 == 0 else "",
            ]
            for i in range(30)
        ],
    )
    budget = _layer(
        "None",
        [("source", QVariant.String), ("share_pct", QVariant.Double), ("seed", QVariant.Int)],
        [["sampling", 81.0, 2568], ["allometry", 15.0, 2568], ["wood density", 4.0, 2568]],
    )
    change = _layer(
        "None",
        [
            ("stratum", QVariant.String),
            ("row_type", QVariant.String),
            ("years", QVariant.Double),
            ("annual_tco2e_yr", QVariant.Double),
            ("annual_tco2e_yr_ci95_low", QVariant.Double),
            ("annual_tco2e_yr_ci95_high", QVariant.Double),
        ],
        [["ALL", "total", 4.0, 321.5, 180.2, 462.8]],
    )
    return dict(
        strata=strata,
        polygons=polygons,
        boundary=boundary,
        trees=trees,
        budget=budget,
        change=change,
    )


def _run(processing, inputs, tmp_path, lang, **extra):
    params = {
        "CARBON_MAP": inputs["polygons"],
        "STRATA_TABLE": inputs["strata"],
        "TREES": inputs.get("trees"),
        "UNCERTAINTY": inputs.get("budget"),
        "CHANGE_TABLE": inputs.get("change"),
        "BOUNDARY": inputs["boundary"],
        "MUNICIPALITY_TYPE": 1,
        "LANGUAGE": 0 if lang == "th" else 1,
        "PRICE_THB_PER_TCO2E": 250.0,
        "DISCOUNT_RATE": 3.0,
        "PRICE_CHANGE_RATE": 0.0,
        "HORIZON_YEARS": 10,
        "OUTPUT_PDF": str(tmp_path / "report_{}.pdf".format(lang)),
        "OUTPUT_HTML": str(tmp_path / "report_{}.html".format(lang)),
    }
    params.update(extra)
    params = {k: v for k, v in params.items() if v is not None}
    return processing.run("carbonpool:carbonreport", params)


def _pdftext(path):
    """pdftotext -layout output, as is: the PDF's own text layer must read as real Thai."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))


def _check_fonts_embedded(path):
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.strip().splitlines()[2:]
    assert lines, "no fonts in the PDF"
    for line in lines:
        cols = line.split()
        # name type [type…] encoding emb sub uni object ID — emb is the 5th column from the end
        assert cols[-5] == "yes", "font not embedded: " + line


def _check_page_not_blank(path, tmp_path, page):
    from qgis.PyQt.QtGui import QImage

    prefix = tmp_path / "page{}".format(page)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    ]
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / len(values)
    assert variance > 0


def _check_html(path, expected_total, lang):
    text = Path(path).read_text(encoding="utf-8")
    HTMLParser().feed(text)
    root = ET.fromstring(text.split("\n", 1)[1])  # drop <!DOCTYPE html>
    assert root.get("lang") == lang
    assert expected_total in text
    assert "data:image/png;base64," in text
    assert "http://" not in text.replace("http://www.w3.org/1999/xhtml", "")
    return text


@needs_poppler
@pytest.mark.parametrize("lang", ["th", "en"])
def test_report_from_memory_layers(processing, memory_inputs, tmp_path, lang):
    result = _run(processing, memory_inputs, tmp_path, lang)
    pdf = Path(result["OUTPUT_PDF"])
    assert pdf.exists() and pdf.stat().st_size > 10000
    # readable by colleagues like any new file (not the 600 of a temporary file)
    umask = os.umask(0)
    os.umask(umask)
    for out in (pdf, Path(result["OUTPUT_HTML"])):
        assert out.stat().st_mode & 0o777 == 0o666 & ~umask, out
    assert result["COVER_SOURCE"] == "template:carbon_report_a4.qpt"
    # cover, map, summary, tables, charts, methods
    assert result["PAGES"] == 6
    assert _pages(pdf) == 6
    total = fmt_num(result["TOTAL_TCO2E"], 1)
    assert total == "11,733.3"
    text = _pdftext(pdf)
    assert total in text
    assert "TH-TEST-01" in text
    if lang == "th":
        # tone marks (lowered / left-shifted glyphs), SARA AM, below vowel + tone
        words = ("คาร์บอน", "พื้นที่สีเขียว", "เทศบาลเมืองทดสอบ", "พ.ศ. 25", "ต้นไม้", "จำนวน")
        words += ("ต่อปี", "ขั้นต่ำ", "คำอธิบายสัญลักษณ์", "แผนภูมิ")
        for word in words:
            assert word in text, word
        assert not re.search("[\uf700-\uf71a]", text), "Thai presentation forms in the text"
        assert "\u0e4d\u0e32" not in text, "SARA AM read back as NIKHAHIT + SARA AA"
    else:
        for word in ("Carbon stock", "Test Town Municipality", "B.E. 25", "Green share"):
            assert word in text, word
    _check_fonts_embedded(pdf)
    for page in (1, 2):
        _check_page_not_blank(pdf, tmp_path, page)
    html = _check_html(result["OUTPUT_HTML"], total, lang)
    if lang == "th":
        assert "คาร์บอน" in html and "เทศบาลเมืองทดสอบ" in html


def test_missing_strata_is_an_error(processing, memory_inputs, tmp_path):
    with pytest.raises(QgsProcessingException):
        processing.run(
            "carbonpool:carbonreport",
            {
                "CARBON_MAP": memory_inputs["polygons"],
                "STRATA_TABLE": "/nonexistent/strata.gpkg",
                "OUTPUT_PDF": str(tmp_path / "x.pdf"),
            },
        )
    assert not (tmp_path / "x.pdf").exists()


@needs_poppler
def test_minimal_inputs_and_custom_template(processing, memory_inputs, tmp_path):
    """Only map + strata (no boundary, trees, change, budget); a user template with a logo."""
    from qgis.core import QgsApplication

    template = Path(__file__).resolve().parents[2] / "resources" / "templates"
    custom = tmp_path / "my_cover.qpt"
    custom.write_text(
        (template / "carbon_report_a4.qpt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    logo = Path(QgsApplication.pkgDataPath()) / "images" / "splash" / "splash.png"
    result = processing.run(
        "carbonpool:carbonreport",
        {
            "CARBON_MAP": memory_inputs["polygons"],
            "STRATA_TABLE": memory_inputs["strata"],
            "LANGUAGE": 1,
            "TEMPLATE": str(custom),
            "LOGO": str(logo) if logo.exists() else "",
            "OUTPUT_PDF": str(tmp_path / "min.pdf"),
        },
    )
    assert result["PAGES"] == 6
    assert result["COVER_SOURCE"] == "template:my_cover.qpt"
    assert result["GREEN_SHARE_PCT"] is None
    text = _pdftext(tmp_path / "min.pdf")
    assert "11,733.3" in text
    assert "No change data" in text


# --- the real chain on the sample municipality ------------------------------------------------
REAL_CHAIN = ("carbonpool:treebiomass", "carbonpool:plotcarbon", "carbonpool:stratifiedestimate")


@pytest.fixture(scope="module")
def sample_outputs(processing, tmp_path_factory):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    missing = [a for a in REAL_CHAIN if registry.algorithmById(a) is None]
    if missing:
        pytest.skip("algorithms not registered yet: " + ", ".join(missing))
    out = tmp_path_factory.mktemp("sample_chain")
    gpkg = str(SAMPLE / "sample_municipality.gpkg")
    trees = processing.run(
        "carbonpool:treebiomass",
        {
            "INPUT": str(SAMPLE / "trees_2568.csv"),
            "SPECIES_FIELD": "ชื่อวิทยาศาสตร์",
            "DBH_FIELD": "เส้นรอบวง_ซม",
            "DBH_UNIT": 2,
            "HEIGHT_FIELD": "ความสูง_ม",
            "PLOT_FIELD": "รหัสแปลง",
            "STEMS_FIELD": "ลำต้น",
            "OUTPUT": str(out / "trees.gpkg"),
        },
    )["OUTPUT"]
    plots = processing.run(
        "carbonpool:plotcarbon",
        {
            "TREES": trees,
            "PLOTS": gpkg + "|layername=plots",
            "PLOT_AREA_FIELD": "area_m2",
            "FRACTION_FIELD": "fraction",
            "STRATUM_FIELD": "stratum",
            "DATE_FIELD": "date_1",
            "STATUS_FIELD": "status",
            "OUTPUT": str(out / "plot_carbon.gpkg"),
        },
    )["OUTPUT"]
    est = processing.run(
        "carbonpool:stratifiedestimate",
        {
            "PLOTS": plots,
            "DENSITY_FIELD": "carbon_t_ha",
            "PLOT_STRATUM_FIELD": "stratum",
            "STRATA": gpkg + "|layername=green_space",
            "STRATUM_FIELD": "class_code",
            "BOUNDARY": gpkg + "|layername=boundary",
            "OUTPUT": str(out / "carbon_map.gpkg"),
            "OUTPUT_STRATA": str(out / "strata.csv"),
        },
    )
    return dict(trees=trees, map=est["OUTPUT"], strata=est["OUTPUT_STRATA"], est=est, gpkg=gpkg)


@needs_poppler
@pytest.mark.parametrize("lang", ["th", "en"])
def test_report_on_sample_chain(processing, sample_outputs, tmp_path, lang):
    result = processing.run(
        "carbonpool:carbonreport",
        {
            "CARBON_MAP": sample_outputs["map"],
            "STRATA_TABLE": sample_outputs["strata"],
            "TREES": sample_outputs["trees"],
            "BOUNDARY": sample_outputs["gpkg"] + "|layername=boundary",
            "MUNICIPALITY_TYPE": 1,
            "LANGUAGE": 0 if lang == "th" else 1,
            "OUTPUT_PDF": str(tmp_path / "r.pdf"),
            "OUTPUT_HTML": str(tmp_path / "r.html"),
        },
    )
    assert result["PAGES"] == _pages(tmp_path / "r.pdf") == 6
    total = fmt_num(result["TOTAL_TCO2E"], 1)
    est_total = sample_outputs["est"].get("TOTAL_TCO2E")
    if est_total is not None:
        assert total == fmt_num(est_total, 1)
    assert total in _pdftext(tmp_path / "r.pdf")
    _check_fonts_embedded(tmp_path / "r.pdf")
    _check_html(tmp_path / "r.html", total, lang)
    # the sample town's green share is just above the 20 % criterion (resources/sample/README.md)
    assert result["GREEN_SHARE_PCT"] == pytest.approx(20.5, abs=0.3)


def test_map_legend_class_of_one_value_has_one_number(qgis_app):
    """Jenks puts the 3 polygons sharing 16.3 tCO2e/rai (one stratum's density) in a class of
    their own: its legend reads "16.3", not "16.3 – 16.3"; the other classes keep ranges."""
    from carbon_pool_plugin.report_layout import graduated_renderer

    layer = QgsVectorLayer("Polygon?crs=EPSG:32647&field=v:double", "map", "memory")
    features = []
    for i, value in enumerate([16.3, 16.3, 16.3, 40.0, 41.0, 80.0, 82.0]):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([value])
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(i, 0, i + 1, 1)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    renderer = graduated_renderer(layer, "v", ["#ffffcc", "#006837"], classes=3)
    labels = [r.label() for r in renderer.ranges()]
    assert labels[0] == "16.3"
    assert all("–" in label for label in labels[1:]) and len(labels) == 3
