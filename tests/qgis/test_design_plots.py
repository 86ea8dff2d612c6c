"""carbonpool:designplots through processing.run on the sample municipality's green space."""

from __future__ import annotations

import csv
import hashlib
import math
import time
import xml.etree.ElementTree as ET  # noqa: N817 - parses only files written by the test itself
from itertools import combinations
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
GPKG = SAMPLE / "sample_municipality.gpkg"
GREEN = "{}|layername=green_space".format(GPKG)
PLOTS = "{}|layername=plots".format(GPKG)
CODES = "park:PK;institutional:IN;street:ST;riparian:RP;residential:RS"


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.lines.append(error)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _run(processing, tmp_path, tag="run", feedback=None, **params):
    base = {
        "STRATA": GREEN,
        "STRATUM_FIELD": "class_code",
        "PLOTS_PER_STRATUM": 6,
        "MIN_DISTANCE": 60.0,
        "SEED": 2568,
        "MUNICIPALITY_CODE": "TH-SAMPLE-01",
        "STRATUM_CODE_MAP": CODES,
        "OUTPUT_CENTRES": str(tmp_path / "{}_centres.gpkg".format(tag)),
        "OUTPUT_PLOTS": str(tmp_path / "{}_plots.gpkg".format(tag)),
        "FIELD_SHEET": str(tmp_path / "{}_sheet.csv".format(tag)),
        "GPX": str(tmp_path / "{}.gpx".format(tag)),
    }
    base.update(params)
    result = processing.run("carbonpool:designplots", base, feedback=feedback)
    centres = QgsVectorLayer(result["OUTPUT_CENTRES"], "c", "ogr")
    plots = QgsVectorLayer(result["OUTPUT_PLOTS"], "p", "ogr")
    assert centres.isValid() and plots.isValid()
    return result, centres, plots


def _coord_hash(layer) -> str:
    rows = sorted(
        (f["plot_id"], round(f.geometry().asPoint().x(), 4), round(f.geometry().asPoint().y(), 4))
        for f in layer.getFeatures()
    )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _green():
    layer = QgsVectorLayer(GREEN, "green", "ogr")
    assert layer.isValid()
    return layer


@pytest.mark.parametrize("edge_rule", [0, 1])
def test_every_plot_inside_its_polygon(processing, tmp_path, edge_rule):
    result, centres, plots = _run(processing, tmp_path, EDGE_RULE=edge_rule, PLOTS_PER_STRATUM=8)
    green = _green()
    polygons = {f.id(): f for f in green.getFeatures()}
    assert plots.featureCount() == result["N_PLOTS"] == result["N_NEW"]
    straddling = 0
    for f in plots.getFeatures():
        poly = polygons[f["polygon_id"]]
        assert poly["class_code"] == f["stratum"]
        footprint = f.geometry()
        assert f["area_m2"] == pytest.approx(400.0)
        assert f["area_rai"] == pytest.approx(0.25)
        if edge_rule == 0:
            # the whole plot lies inside its polygon (1 mm tolerance for coordinate rounding)
            assert poly.geometry().buffer(0.001, 8).contains(footprint), f["plot_id"]
            assert f["in_polygon_fraction"] == 1.0
        else:
            assert poly.geometry().contains(footprint.centroid()), f["plot_id"]
            frac = poly.geometry().intersection(footprint).area() / footprint.area()
            assert f["in_polygon_fraction"] == pytest.approx(frac, abs=2e-4)
            straddling += frac < 0.999
    if edge_rule == 1:
        assert straddling > 0, "narrow street verges should give plots straddling the edge"


def test_min_distance_and_reproducible(processing, tmp_path):
    _, a, _ = _run(processing, tmp_path, "a", MIN_DISTANCE=80.0)
    _, b, _ = _run(processing, tmp_path, "b", MIN_DISTANCE=80.0)
    _, c, _ = _run(processing, tmp_path, "c", MIN_DISTANCE=80.0, SEED=7)
    assert _coord_hash(a) == _coord_hash(b), "same seed and inputs -> identical plots"
    assert _coord_hash(a) != _coord_hash(c)
    pts = [f.geometry().asPoint() for f in a.getFeatures()]
    assert len(pts) == 30
    dmin = min(p.distance(q) for p, q in combinations(pts, 2))
    assert dmin >= 80.0


def test_existing_plots_kept_only_shortfall_added(processing, tmp_path):
    before = hashlib.md5(GPKG.read_bytes()).hexdigest()
    feedback = LogFeedback()
    result, centres, plots = _run(
        processing,
        tmp_path,
        feedback=feedback,
        PLOTS_PER_STRATUM=12,
        EXISTING_PLOTS=PLOTS,
        MIN_DISTANCE=50.0,
    )
    assert hashlib.md5(GPKG.read_bytes()).hexdigest() == before, "inputs are never modified"
    existing = {f["plot_id"]: f for f in QgsVectorLayer(PLOTS, "e", "ogr").getFeatures()}
    out = {f["plot_id"]: f for f in centres.getFeatures()}
    assert result["N_EXISTING"] == len(existing) == 52
    # every existing plot is kept, unchanged (id, position, status)
    for pid, f in existing.items():
        assert pid in out
        o = out[pid]
        assert o["origin"] == "existing" and o["status"] == f["status"]
        assert o.geometry().asPoint().distance(f.geometry().centroid().asPoint()) < 1e-6
    kept = {f["plot_id"]: f for f in plots.getFeatures() if f["origin"] == "existing"}
    for pid, f in existing.items():
        assert (
            kept[pid].geometry().equals(f.geometry())
            or kept[pid].geometry().symDifference(f.geometry()).area() < 1e-6
        )
    # only the shortfall is added: 12 minus the active existing plots of each stratum
    active = {}
    for f in existing.values():
        if f["status"] == "active":
            active[f["stratum"]] = active.get(f["stratum"], 0) + 1
    new = [f for f in out.values() if f["origin"] == "new"]
    per = {}
    for f in new:
        per[f["stratum"]] = per.get(f["stratum"], 0) + 1
    expected = {s: 12 - n for s, n in active.items() if n < 12}  # park already has 14
    assert per == expected
    assert result["N_NEW"] == len(new) == sum(expected.values())
    # ids continue after the existing ones (e.g. park has PK-0001..0014 -> new start at 0015)
    assert sorted(f["plot_id"] for f in new if f["stratum"] == "street") == [
        "TH-SAMPLE-01-ST-{:04d}".format(k) for k in range(10, 14)
    ]
    pts = [f.geometry().asPoint() for f in out.values()]
    new_pts = [f.geometry().asPoint() for f in new]
    for p in new_pts:
        others = [q for q in pts if q is not p and q != p]
        assert min(p.distance(q) for q in others) >= 50.0
    assert "requested / existing / placed / shortfall" in feedback.text


def test_field_sheet_and_gpx(processing, tmp_path):
    result, centres, _ = _run(processing, tmp_path, EXISTING_PLOTS=PLOTS, PLOTS_PER_STRATUM=12)
    active = {f["plot_id"] for f in centres.getFeatures() if f["status"] == "active"}
    raw = Path(result["FIELD_SHEET"]).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM so Excel shows Thai"
    with open(result["FIELD_SHEET"], encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    assert header[0] == "รหัสแปลง / plot_id"
    for col in (
        "เลขป้าย / tag",
        "ชนิดพันธุ์ไม้ / species",
        "เส้นรอบวงหรือเส้นผ่านศูนย์กลาง (ซม.) / girth_or_dbh_cm",
        "ความสูง (ม.) / height_m",
        "สถานะต้นไม้ / status",
        "หมายเหตุ / notes",
    ):
        assert col in header
        assert all(r[header.index(col)] == "" for r in rows[1:])
    assert len(rows) - 1 == len(active)
    assert {r[0] for r in rows[1:]} == active
    tree = ET.parse(result["GPX"])
    ns = {"g": "http://www.topografix.com/GPX/1/1"}
    wpts = tree.getroot().findall("g:wpt", ns)
    assert len(wpts) == len(active)
    names = {w.find("g:name", ns).text for w in wpts}
    assert names == active
    by_id = {f["plot_id"]: f for f in centres.getFeatures()}
    for w in wpts:
        f = by_id[w.find("g:name", ns).text]
        assert float(w.get("lat")) == pytest.approx(f["lat"], abs=1e-7)
        assert float(w.get("lon")) == pytest.approx(f["lon"], abs=1e-7)
        assert 14.0 < float(w.get("lat")) < 14.6 and 100.0 < float(w.get("lon")) < 100.6


def test_geographic_input_uses_utm(processing, tmp_path):
    wgs = processing.run(
        "native:reprojectlayer",
        {
            "INPUT": GREEN,
            "TARGET_CRS": QgsCoordinateReferenceSystem("EPSG:4326"),
            "OUTPUT": str(tmp_path / "green_wgs84.gpkg"),
        },
    )["OUTPUT"]
    feedback = LogFeedback()
    result, centres, plots = _run(processing, tmp_path, STRATA=wgs, feedback=feedback)
    assert result["UTM_EPSG"] == 32647
    assert "EPSG:32647" in feedback.text and "not in metres" in feedback.text
    assert centres.crs().authid() == "EPSG:4326" and plots.crs().authid() == "EPSG:4326"
    to_utm = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsCoordinateReferenceSystem("EPSG:32647"),
        QgsProject.instance().transformContext(),
    )
    green = {f.id(): f for f in QgsVectorLayer(wgs, "g", "ogr").getFeatures()}
    pts = []
    for f in plots.getFeatures():
        p = f.geometry().centroid().asPoint()
        assert p.x() == pytest.approx(f["lon"], abs=1e-6)
        u = to_utm.transform(QgsPointXY(f["lon"], f["lat"]))
        assert u.x() == pytest.approx(f["utm_x"], abs=0.01)
        assert u.y() == pytest.approx(f["utm_y"], abs=0.01)
        pts.append(u)
        geom = QgsGeometry(f.geometry())
        geom.transform(to_utm)
        assert abs(geom.area() - 400.0) < 2.0  # metric footprint, not 0.04 square degrees
        poly = QgsGeometry(green[f["polygon_id"]].geometry())
        poly.transform(to_utm)
        assert poly.buffer(0.01, 8).contains(geom)
    assert min(p.distance(q) for p, q in combinations(pts, 2)) >= 60.0 - 1e-3


def test_shortfall_reported_and_terminates(processing, tmp_path):
    feedback = LogFeedback()
    t0 = time.perf_counter()
    result, centres, _ = _run(
        processing,
        tmp_path,
        feedback=feedback,
        PLOT_SHAPE=3,
        PLOTS_PER_STRATUM=40,
        MIN_DISTANCE=0.0,
    )
    assert time.perf_counter() - t0 < 120
    assert result["N_SHORTFALL"] > 0
    assert result["N_NEW"] + result["N_SHORTFALL"] == 5 * 40
    assert "street: 40 / 0 / 0 / 40" in feedback.text
    # TGO squares never overlap: centres differ by >= 100 m in x or y
    pts = [f.geometry().asPoint() for f in centres.getFeatures()]
    for p, q in combinations(pts, 2):
        assert max(abs(p.x() - q.x()), abs(p.y() - q.y())) >= 100.0 - 1e-6


def test_tgo_subplots_serpentine(processing, tmp_path):
    result, centres, _ = _run(
        processing,
        tmp_path,
        PLOT_SHAPE=3,
        PLOTS_PER_STRATUM=1,
        SUBPLOTS=True,
        OUTPUT_SUBPLOTS=str(tmp_path / "sub.gpkg"),
    )
    sub = QgsVectorLayer(result["OUTPUT_SUBPLOTS"], "s", "ogr")
    assert sub.featureCount() == 100 * result["N_NEW"] > 0
    centre = next(centres.getFeatures())
    cx, cy = centre.geometry().asPoint().x(), centre.geometry().asPoint().y()
    cells = {
        f["subplot_no"]: f.geometry().boundingBox()
        for f in sub.getFeatures()
        if f["plot_id"] == centre["plot_id"]
    }
    assert sorted(cells) == list(range(1, 101))
    # 1 at the SE corner, 10 at the NE corner, 11 next to 10 (west), 20 at the south end
    assert cells[1].xMaximum() == pytest.approx(cx + 50) and cells[1].yMinimum() == pytest.approx(
        cy - 50
    )
    assert cells[10].xMaximum() == pytest.approx(cx + 50) and cells[10].yMaximum() == pytest.approx(
        cy + 50
    )
    assert cells[11].xMaximum() == pytest.approx(cx + 40) and cells[11].yMaximum() == pytest.approx(
        cy + 50
    )
    assert cells[20].yMinimum() == pytest.approx(cy - 50)
    assert cells[100].xMinimum() == pytest.approx(cx - 50) and cells[
        100
    ].yMinimum() == pytest.approx(cy - 50)


def test_systematic_grid(processing, tmp_path):
    result, centres, _ = _run(
        processing, tmp_path, DESIGN=1, GRID_SPACING=100.0, PLOTS_PER_STRATUM=0, MIN_DISTANCE=0.0
    )
    pts = [f.geometry().asPoint() for f in centres.getFeatures()]
    assert len(pts) == result["N_NEW"] > 20 and result["N_SHORTFALL"] == 0
    x0, y0 = pts[0].x(), pts[0].y()
    for p in pts:
        for v in ((p.x() - x0) / 100.0, (p.y() - y0) / 100.0):
            assert abs(v - round(v)) < 1e-6, "grid points lie on one 100 m lattice"
    _, again, _ = _run(
        processing,
        tmp_path,
        "again",
        DESIGN=1,
        GRID_SPACING=100.0,
        PLOTS_PER_STRATUM=0,
        MIN_DISTANCE=0.0,
    )
    assert _coord_hash(again) == _coord_hash(centres)


def test_registry_adds_only_new_plots(processing, tmp_path):
    registry = tmp_path / "project.gpkg"
    r1, centres, _ = _run(processing, tmp_path, "r1", REGISTRY_GPKG=str(registry))
    assert r1["N_REGISTERED"] == centres.featureCount() == 30
    r2, _, _ = _run(processing, tmp_path, "r2", REGISTRY_GPKG=str(registry))
    assert r2["N_REGISTERED"] == 0
    r3, c3, _ = _run(
        processing,
        tmp_path,
        "r3",
        REGISTRY_GPKG=str(registry),
        EXISTING_PLOTS=r1["OUTPUT_CENTRES"],
        PLOTS_PER_STRATUM=7,
    )
    assert r3["N_NEW"] == 5 and r3["N_REGISTERED"] == 5
    table = QgsVectorLayer("{}|layername=carbonpool_plots".format(registry), "reg", "ogr")
    assert table.isValid() and table.featureCount() == 35
    f = next(table.getFeatures())
    assert f["status"] == "active" and f["seed"] == 2568 and '"design": "random"' in f["design"]
    assert len({g["plot_id"] for g in table.getFeatures()}) == 35


def test_allocation_table_from_samplesize(processing, tmp_path):
    ss = processing.run(
        "carbonpool:samplesize",
        {
            "STRATA": GREEN,
            "STRATUM_FIELD": "class_code",
            "CV_TABLE": "park:0.6;street:0.8",
            "OUTPUT": str(tmp_path / "plan.gpkg"),
        },
    )
    result, centres, _ = _run(
        processing, tmp_path, ALLOCATION_TABLE=ss["OUTPUT"], MIN_DISTANCE=50.0
    )
    assert result["N_NEW"] + result["N_SHORTFALL"] == ss["N_TOTAL"]
    table = {f["stratum"]: f["n_h"] for f in QgsVectorLayer(ss["OUTPUT"], "t", "ogr").getFeatures()}
    placed = {}
    for f in centres.getFeatures():
        placed[f["stratum"]] = placed.get(f["stratum"], 0) + 1
    for s, n in placed.items():
        assert n <= table[s]
    assert math.isclose(sum(table.values()), ss["N_TOTAL"])
