#!/usr/bin/python3
"""Build the bundled FICTIONAL sample municipality in ``resources/sample/``.

"เทศบาลเมืองตัวอย่าง" (Tua Yang Town Municipality, code TH-SAMPLE-01) does not exist. Every
geometry, name, plot and tree below is synthetic, drawn from a fixed random seed, so the files
can be rebuilt byte for byte:

    make sample            # or: /usr/bin/python3 scripts/make_sample.py

Needs GDAL/OGR (osgeo) >= 3.6, numpy, openpyxl. No QGIS import. See resources/sample/README.md
for the content of every file and the deliberately bad rows.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import os
import statistics
import sys
import zipfile
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

# Timestamps written into the GeoPackage (gpkg_contents.last_change) must not depend on "now".
os.environ["OGR_CURRENT_DATE"] = "2025-01-01T00:00:00.000Z"

from osgeo import gdal, ogr, osr  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
gdal.SetConfigOption("OGR_CURRENT_DATE", "2025-01-01T00:00:00.000Z")
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")  # never write .aux.xml side files

SEED = 2568
EPSG = 32647
# Local origin (SW corner of the 4 x 3.5 km frame). About 100.30 E, 14.29 N: open rice land of the
# central plain between Suphan Buri and Ayutthaya, chosen so that the fictional town does not sit
# on top of a real city on a basemap.
X0 = 640000.0
Y0 = 1580000.0
WIDTH_M = 4000.0
HEIGHT_M = 3500.0

MUNI_CODE = "TH-SAMPLE-01"
MUNI_NAME_TH = "เทศบาลเมืองตัวอย่าง"
MUNI_NAME_EN = "Tua Yang Town Municipality"
MUNI_TYPE_TH = "เทศบาลเมือง"
MUNI_TYPE_EN = "town"
POPULATION = 38500
TARGET_GREEN_SHARE = 0.205

CLASSES = ["park", "institutional", "street", "riparian", "residential"]
CLASS_TH = {
    "park": "สวนสาธารณะ",
    "street": "พื้นที่สีเขียวริมถนน",
    "institutional": "พื้นที่สีเขียวในวัด/โรงเรียน/หน่วยงาน",
    "riparian": "พื้นที่สีเขียวริมคลอง",
    "residential": "พื้นที่สีเขียวในที่อยู่อาศัย/ที่ว่าง",
}
CLASS_EN = {
    "park": "public park",
    "street": "street green (verges, medians, green belts)",
    "institutional": "temple / school / government compound",
    "riparian": "canal-side green",
    "residential": "residential garden / vacant land",
}
STRATUM_CODE = {
    "park": "PK",
    "institutional": "IN",
    "street": "ST",
    "riparian": "RP",
    "residential": "RS",
}

LC_NAMES = {
    1: ("tree canopy", "เรือนยอดไม้"),
    2: ("grass/shrub", "หญ้า/ไม้พุ่ม"),
    3: ("water", "น้ำ"),
    4: ("built/bare", "สิ่งปลูกสร้าง/พื้นที่โล่ง"),
}

ALIVE, DEAD, NEW = "มีชีวิต", "ตาย", "ใหม่"
TREE_HEADERS = [
    "รหัสแปลง",
    "เลขป้าย",
    "ชื่อพื้นเมือง",
    "ชื่อวิทยาศาสตร์",
    "เส้นรอบวง_ซม",
    "ความสูง_ม",
    "สถานะ",
    "ลำต้น",
]


def P(x: float, y: float) -> Tuple[float, float]:
    """Local metres -> EPSG:32647."""
    return (X0 + x, Y0 + y)


# --------------------------------------------------------------------------------------------
# geometry helpers (OGR/GEOS)
# --------------------------------------------------------------------------------------------


def polygon(
    coords: Sequence[Tuple[float, float]], holes: Sequence[Sequence[Tuple[float, float]]] = ()
) -> ogr.Geometry:
    poly = ogr.Geometry(ogr.wkbPolygon)
    for ring_coords in [coords, *holes]:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring_coords:
            ring.AddPoint_2D(float(x), float(y))
        ring.AddPoint_2D(float(ring_coords[0][0]), float(ring_coords[0][1]))
        poly.AddGeometry(ring)
    return poly


def rect(x0: float, y0: float, x1: float, y1: float) -> ogr.Geometry:
    return polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)])


def rotated_rect(cx: float, cy: float, w: float, h: float, angle: float) -> ogr.Geometry:
    c, s = math.cos(angle), math.sin(angle)
    pts = []
    for dx, dy in [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]:
        pts.append((cx + dx * c - dy * s, cy + dx * s + dy * c))
    return polygon(pts)


def blob(
    rng: np.random.Generator,
    cx: float,
    cy: float,
    a: float,
    b: float,
    angle: float,
    n: int = 28,
    wobble: float = 0.12,
) -> ogr.Geometry:
    """Star-shaped (hence simple) organic outline around an ellipse."""
    k = rng.uniform(0, 2 * math.pi, 3)
    amp = rng.uniform(0.3, 1.0, 3) * wobble
    c, s = math.cos(angle), math.sin(angle)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        r = (
            1.0
            + amp[0] * math.sin(2 * t + k[0])
            + amp[1] * math.sin(3 * t + k[1])
            + amp[2] * math.sin(5 * t + k[2])
        )
        dx, dy = a * r * math.cos(t), b * r * math.sin(t)
        pts.append((cx + dx * c - dy * s, cy + dx * s + dy * c))
    return polygon(pts)


def circle(cx: float, cy: float, r: float, n: int = 64) -> ogr.Geometry:
    return polygon(
        [
            (cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
            for i in range(n)
        ]
    )


def line(coords: Sequence[Tuple[float, float]]) -> ogr.Geometry:
    g = ogr.Geometry(ogr.wkbLineString)
    for x, y in coords:
        g.AddPoint_2D(float(x), float(y))
    return g


def parts(geom: Optional[ogr.Geometry]) -> List[ogr.Geometry]:
    """Explode to single polygons (drops points/lines from collections)."""
    if geom is None or geom.IsEmpty():
        return []
    t = ogr.GT_Flatten(geom.GetGeometryType())
    if t == ogr.wkbPolygon:
        return [geom.Clone()]
    out: List[ogr.Geometry] = []
    if t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            out.extend(parts(geom.GetGeometryRef(i)))
    return out


def clean_parts(geom: ogr.Geometry, min_area: float, min_width: float = 0.0) -> List[ogr.Geometry]:
    """Single valid polygons of at least ``min_area``; ``min_width`` drops slivers (area/perimeter)."""
    out = []
    for g in parts(geom):
        if not g.IsValid():
            g = g.Buffer(0)
            if not g.IsValid():
                continue
        for h in parts(g):
            area = h.GetArea()
            if area < min_area:
                continue
            if min_width > 0 and 2.0 * area / h.Boundary().Length() < min_width:
                continue
            out.append(h)
    return out


def union_all(geoms: Sequence[ogr.Geometry]) -> ogr.Geometry:
    coll = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for p in parts(g):
            coll.AddGeometry(p)
    return coll.UnionCascaded()


# --------------------------------------------------------------------------------------------
# the town
# --------------------------------------------------------------------------------------------


def make_boundary(rng: np.random.Generator) -> ogr.Geometry:
    """Rectangle frame whose edges are pushed inwards by a smooth random amount (star-shaped)."""
    pts: List[Tuple[float, float]] = []
    step = 250.0
    sides = [
        ((0, 0), (1, 0), (0, 1)),  # south edge, moving east, inward = +y
        ((WIDTH_M, 0), (0, 1), (-1, 0)),
        ((WIDTH_M, HEIGHT_M), (-1, 0), (0, -1)),
        ((0, HEIGHT_M), (0, -1), (1, 0)),
    ]
    for (sx, sy), (dx, dy), (nx, ny) in sides:
        length = WIDTH_M if dx else HEIGHT_M
        n = int(length // step)
        phase = rng.uniform(0, 2 * math.pi)
        for i in range(n):
            t = i * step
            inset = 30.0 + 70.0 * (1 + math.sin(phase + t / 430.0)) + rng.uniform(0, 35)
            if i == 0:  # cut the corner diagonally
                inset = 110.0 + rng.uniform(0, 50)
                t = inset
            pts.append((sx + dx * t + nx * inset, sy + dy * t + ny * inset))
    return polygon([P(x, y) for x, y in pts])


class Road:
    def __init__(
        self,
        rid: str,
        name_th: str,
        name_en: str,
        axis: str,
        c: float,
        a: float,
        b: float,
        width: float,
        verges: Tuple[float, float],
        kind: str,
    ) -> None:
        self.rid, self.name_th, self.name_en = rid, name_th, name_en
        self.axis, self.c, self.a, self.b = axis, c, a, b  # axis "x": runs W-E at y = c
        self.width, self.verges, self.kind = width, verges, kind

    def centreline(self) -> ogr.Geometry:
        if self.axis == "x":
            return line([P(self.a, self.c), P(self.b, self.c)])
        return line([P(self.c, self.a), P(self.c, self.b)])

    def carriageway(self, extra: float = 0.0) -> ogr.Geometry:
        h = self.width / 2 + extra
        if self.axis == "x":
            return rect(*P(self.a, self.c - h), *P(self.b, self.c + h))
        return rect(*P(self.c - h, self.a), *P(self.c + h, self.b))

    def reach(self) -> float:
        return self.width / 2 + 1.0 + max(self.verges)


def make_roads(rng: np.random.Generator) -> List[Road]:
    def sec() -> Tuple[float, float]:
        return tuple(float(rng.choice([0.0, 0.0, 6.0, 8.0, 10.0])) for _ in range(2))  # type: ignore[return-value]

    return [
        Road(
            "R01", "ถนนเทศบาล 1", "Thesaban 1 Road", "x", 1500, -80, 4080, 16, (28.0, 14.0), "main"
        ),
        Road(
            "R02", "ถนนเทศบาล 2", "Thesaban 2 Road", "y", 1800, -80, 3580, 16, (26.0, 26.0), "main"
        ),
        Road("R03", "ถนนเทศบาล 3", "Thesaban 3 Road", "x", 520, -80, 4080, 8, sec(), "secondary"),
        Road("R04", "ถนนเทศบาล 4", "Thesaban 4 Road", "x", 2950, -80, 4080, 8, sec(), "secondary"),
        Road("R05", "ถนนเทศบาล 5", "Thesaban 5 Road", "x", 900, 1800, 4080, 8, sec(), "secondary"),
        Road("R06", "ถนนเทศบาล 6", "Thesaban 6 Road", "y", 620, -80, 3580, 8, sec(), "secondary"),
        Road("R07", "ถนนเทศบาล 7", "Thesaban 7 Road", "y", 2700, -80, 3580, 8, sec(), "secondary"),
        Road("R08", "ถนนเทศบาล 8", "Thesaban 8 Road", "y", 3420, -80, 3580, 8, sec(), "secondary"),
        Road("R09", "ซอยเทศบาล 9", "Soi Thesaban 9", "y", 1150, 1500, 3580, 6, sec(), "secondary"),
        Road("R10", "ซอยเทศบาล 10", "Soi Thesaban 10", "x", 3300, -80, 1800, 6, sec(), "secondary"),
    ]


def canal_coords() -> List[Tuple[float, float]]:
    pts = []
    for i in range(0, 85):
        x = -100.0 + i * 50.0
        y = 2100.0 + 200.0 * math.sin(2 * math.pi * x / 2200.0) + 0.05 * (x - 2000.0)
        pts.append(P(x, y))
    return pts


CANAL_HALF = 12.0
RIPARIAN_W = 30.0


def street_strips(roads: List[Road], rng: np.random.Generator) -> List[Tuple[ogr.Geometry, Road]]:
    """Green verges/belts: rectangles beside the carriageway, cut at every junction and every
    ~450 m (driveways), before clipping."""
    out = []
    for road in roads:
        crossings = []
        for other in roads:
            if other.axis == road.axis:
                continue
            if other.a - 1 <= road.c <= other.b + 1 and road.a <= other.c <= road.b:
                crossings.append((other.c, other.reach() + 4.0))
        crossings.sort()
        stops = [(road.a, 0.0)] + crossings + [(road.b, 0.0)]
        for (p0, g0), (p1, g1) in zip(stops[:-1], stops[1:]):
            s0, s1 = p0 + g0, p1 - g1
            if s1 - s0 < 40:
                continue
            n_pieces = max(1, int(math.ceil((s1 - s0) / 450.0)))
            edges = np.linspace(s0, s1, n_pieces + 1)
            for side, verge in zip((-1, 1), road.verges):
                if verge <= 0:
                    continue
                off0 = road.width / 2 + 1.0
                off1 = off0 + verge
                for e0, e1 in zip(edges[:-1], edges[1:]):
                    if road.kind == "secondary" and rng.random() < 0.15:
                        continue  # a frontage without a verge
                    q0, q1 = e0 + 2.0, e1 - 2.0
                    if side < 0:
                        lo, hi = road.c - off1, road.c - off0
                    else:
                        lo, hi = road.c + off0, road.c + off1
                    if road.axis == "x":
                        g = rect(*P(q0, lo), *P(q1, hi))
                    else:
                        g = rect(*P(lo, q0), *P(hi, q1))
                    out.append((g, road))
    return out


PARK_SPECS = [
    # name_th, name_en, cx, cy, a, b, angle, lake (a, b) or None
    (
        "สวนสาธารณะเฉลิมพระเกียรติ",
        "Chaloem Phra Kiat Public Park",
        1180,
        1000,
        265,
        205,
        0.25,
        (95, 68),
    ),
    ("สวนสุขภาพริมคลอง", "Canal-side Health Park", 2250, 2470, 215, 150, -0.15, None),
    ("สวนสาธารณะชุมชนตะวันออก", "East Community Park", 3060, 1210, 150, 130, 0.4, None),
]
POCKET_PARKS = [
    ("สวนหย่อมหน้าตลาดสด", "Fresh-market pocket park"),
    ("สวนหย่อมชุมชนบ้านใหม่", "Ban Mai community pocket park"),
    ("สวนหย่อมเฉลิมพระเกียรติ ๒", "Chaloem Phra Kiat pocket park 2"),
    ("ลานกีฬาชุมชนริมทาง", "Roadside community sports green"),
]
INSTITUTIONS = [
    ("วัดกลางตัวอย่าง", "Wat Klang Tua Yang", "temple"),
    ("วัดโพธิ์ทอง", "Wat Pho Thong", "temple"),
    ("วัดสว่างอารมณ์", "Wat Sawang Arom", "temple"),
    ("วัดใหม่ริมคลอง", "Wat Mai Rim Khlong", "temple"),
    ("วัดท่าน้ำ", "Wat Tha Nam", "temple"),
    ("วัดหนองบัว", "Wat Nong Bua", "temple"),
    ("มัสยิดตัวอย่าง", "Tua Yang Mosque", "religious"),
    ("ศาลเจ้าพ่อหลักเมือง", "City Pillar Shrine", "religious"),
    ("โรงเรียนเทศบาล 1 (วัดกลาง)", "Thesaban 1 School (Wat Klang)", "school"),
    ("โรงเรียนเทศบาล 2", "Thesaban 2 School", "school"),
    ("โรงเรียนเทศบาล 3", "Thesaban 3 School", "school"),
    ("โรงเรียนตัวอย่างวิทยาคม", "Tua Yang Witthayakhom School", "school"),
    ("โรงเรียนอนุบาลตัวอย่าง", "Tua Yang Kindergarten", "school"),
    ("วิทยาลัยเทคนิคตัวอย่าง", "Tua Yang Technical College", "school"),
    ("ศูนย์พัฒนาเด็กเล็กเทศบาล", "Municipal Child Development Centre", "school"),
    ("สำนักงานเทศบาลเมืองตัวอย่าง", "Tua Yang Town Hall", "office"),
    ("ที่ว่าการอำเภอตัวอย่าง", "Tua Yang District Office", "office"),
    ("โรงพยาบาลตัวอย่าง", "Tua Yang Hospital", "office"),
    ("สถานีตำรวจภูธรตัวอย่าง", "Tua Yang Police Station", "office"),
    ("สำนักงานที่ดินตัวอย่าง", "Tua Yang Land Office", "office"),
    ("สนามกีฬาเทศบาล", "Municipal Stadium", "office"),
    ("เรือนจำชั่วคราว (เดิม)", "Former temporary prison grounds", "office"),
]


class Town:
    """All vector layers of the sample, in EPSG:32647."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.boundary = make_boundary(rng)
        self.clip = self.boundary.Buffer(-3.0, 4)
        self.inner = self.boundary.Buffer(-12.0, 4)
        self.roads = make_roads(rng)
        self.canal_line = line(canal_coords())
        self.canal = self.canal_line.Buffer(CANAL_HALF, 8)
        self.ponds: List[Tuple[str, str, ogr.Geometry]] = []
        self.green: List[Dict] = []
        self._build()

    # -- helpers --------------------------------------------------------------------------
    def _add(
        self,
        geom: ogr.Geometry,
        cls: str,
        name_th: Optional[str] = None,
        name_en: Optional[str] = None,
    ) -> None:
        self.green.append({"geom": geom, "class": cls, "name_th": name_th, "name_en": name_en})
        self.occupied = self.occupied.Union(geom)

    def _free(self, cand: ogr.Geometry, margin: float) -> bool:
        if not cand.Within(self.inner):
            return False
        test = cand.Buffer(margin, 2) if margin > 0 else cand
        return not test.Intersects(self.occupied)

    def _random_point(self, margin: float = 40.0) -> Tuple[float, float]:
        return (
            X0 + self.rng.uniform(margin, WIDTH_M - margin),
            Y0 + self.rng.uniform(margin, HEIGHT_M - margin),
        )

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        rng = self.rng
        road_zone = union_all([r.carriageway(1.0) for r in self.roads])
        self.road_zone = road_zone
        pond = blob(rng, *P(3640, 3190), 135, 80, 0.1, n=24, wobble=0.06)
        self.ponds.append(("แก้มลิงหนองตัวอย่าง", "Nong Tua Yang retention pond", pond))
        self.occupied = union_all([road_zone, self.canal, pond])

        # 1. canal-side green: 30 m banks, cut by roads and into ~450 m pieces.
        ring = self.canal_line.Buffer(CANAL_HALF + RIPARIAN_W, 8).Difference(self.canal)
        ring = ring.Difference(road_zone.Buffer(2.0, 2)).Intersection(self.clip)
        pieces = []
        for gx in np.arange(-100.0, WIDTH_M + 100.0, 450.0):
            cell = rect(*P(gx, 1500.0), *P(gx + 450.0, 2800.0))
            pieces.extend(clean_parts(ring.Intersection(cell), 400.0, 8.0))
        for g in pieces:
            self._add(g, "riparian", "ริมคลองตัวอย่าง", "Khlong Tua Yang bank")

        # 2. street green.
        canal_zone = self.canal_line.Buffer(CANAL_HALF + RIPARIAN_W + 2.0, 8)
        for g, road in street_strips(self.roads, rng):
            g = g.Difference(canal_zone).Difference(pond.Buffer(5.0, 2)).Intersection(self.clip)
            for h in clean_parts(g, 150.0, 2.5):
                self._add(h, "street", "ริม" + road.name_th, road.name_en + " verge")

        # 3. large parks (the first one has a lake: a polygon with a hole).
        for name_th, name_en, cx, cy, a, b, ang, lake in PARK_SPECS:
            shape = blob(rng, *P(cx, cy), a, b, ang, n=36, wobble=0.10)
            if lake is not None:
                lake_geom = blob(
                    rng, *P(cx + 25, cy - 10), lake[0], lake[1], ang + 0.3, n=24, wobble=0.08
                )
                shape = shape.Difference(lake_geom)
                self.ponds.append(
                    ("บึง" + name_th.replace("สวนสาธารณะ", "สวน"), name_en + " lake", lake_geom)
                )
                self.occupied = self.occupied.Union(lake_geom)
            shape = shape.Difference(self.occupied.Buffer(4.0, 2)).Intersection(self.inner)
            best = max(parts(shape), key=lambda g: g.GetArea())
            self._add(best, "park", name_th, name_en)

        # 4. pocket parks, institutions, then residential/vacant patches (rejection sampling).
        for name_th, name_en in POCKET_PARKS:
            for _ in range(5000):
                x, y = self._random_point()
                area = rng.uniform(3000, 8000)
                w = math.sqrt(area * rng.uniform(0.7, 1.4))
                cand = rotated_rect(x, y, w, area / w, rng.uniform(-0.1, 0.1))
                if self._free(cand, 6.0):
                    self._add(cand, "park", name_th, name_en)
                    break
        for name_th, name_en, kind in INSTITUTIONS:
            for _ in range(5000):
                x, y = self._random_point(80)
                lo, hi = (6000, 30000) if kind in ("temple", "school", "office") else (5000, 9000)
                area = math.exp(rng.uniform(math.log(lo), math.log(hi)))
                aspect = rng.uniform(1.0, 1.8)
                w = math.sqrt(area * aspect)
                cand = rotated_rect(x, y, w, area / w, rng.uniform(-0.12, 0.12))
                if self._free(cand, 8.0):
                    self._add(cand, "institutional", name_th, name_en)
                    break
        muni_area = self.boundary.GetArea()
        n_res = 0
        for _ in range(20000):
            green_area = sum(g["geom"].GetArea() for g in self.green)
            if green_area / muni_area >= TARGET_GREEN_SHARE and n_res >= 60:
                break
            x, y = self._random_point(30)
            area = float(np.clip(math.exp(rng.normal(math.log(9000), 0.75)), 1200, 30000))
            ratio = rng.uniform(0.5, 1.0)
            a = math.sqrt(area / math.pi / ratio)
            cand = blob(
                rng,
                x,
                y,
                a,
                a * ratio,
                rng.uniform(0, math.pi),
                n=int(rng.integers(9, 15)),
                wobble=0.2,
            )
            if self._free(cand, 6.0):
                self._add(cand, "residential")
                n_res += 1

        # stable ids: by class, then north-to-south, west-to-east
        def key(g: Dict) -> Tuple[int, float, float]:
            c = g["geom"].Centroid()
            return (CLASSES.index(g["class"]), -round(c.GetY(), 3), round(c.GetX(), 3))

        self.green.sort(key=key)
        for i, g in enumerate(self.green, start=1):
            g["gs_id"] = "GS-{:04d}".format(i)


# --------------------------------------------------------------------------------------------
# plots
# --------------------------------------------------------------------------------------------

PLOT_RADIUS = 11.284  # m -> 400 m2 = 0.04 ha
SQUARE_SIDE = 40.0
# stratum -> list of (shape, kind) ; kind "full" (plot fully inside) or "edge" (straddles)
PLOT_DESIGN = {
    "park": [("square", "full")] * 3 + [("circle", "full")] * 11,
    "institutional": [("square", "full")] * 2 + [("circle", "full")] * 8,
    "street": [("circle", "edge")] * 2 + [("circle", "full")] * 7,
    "riparian": [("circle", "edge")] * 1 + [("circle", "full")] * 8,
    "residential": [("circle", "edge")] * 1 + [("circle", "full")] * 9,
}


def make_plots(town: Town, rng: np.random.Generator) -> List[Dict]:
    plots: List[Dict] = []
    centres: List[Tuple[float, float]] = []
    for cls in CLASSES:
        polys = [g for g in town.green if g["class"] == cls]
        areas = np.array([g["geom"].GetArea() for g in polys])
        weights = areas / areas.sum()
        chosen = []
        for shape, kind in PLOT_DESIGN[cls]:
            for _attempt in range(20000):
                g = polys[int(rng.choice(len(polys), p=weights))]
                geom = g["geom"]
                minx, maxx, miny, maxy = geom.GetEnvelope()
                x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
                pt = ogr.Geometry(ogr.wkbPoint)
                pt.AddPoint_2D(x, y)
                if not pt.Within(geom):
                    continue
                if any((x - cx) ** 2 + (y - cy) ** 2 < 70.0**2 for cx, cy in centres):
                    continue
                if shape == "circle":
                    x, y = round(x, 2), round(y, 2)
                    foot = circle(x, y, PLOT_RADIUS)
                else:
                    x, y = round(x), round(y)
                    h = SQUARE_SIDE / 2
                    foot = rect(x - h, y - h, x + h, y + h)
                pt = ogr.Geometry(ogr.wkbPoint)
                pt.AddPoint_2D(x, y)
                if not pt.Within(geom):
                    continue
                frac = foot.Intersection(geom).GetArea() / foot.GetArea()
                if kind == "full" and frac < 0.9999999:
                    continue
                if kind == "edge" and not (0.30 <= frac <= 0.95):
                    continue
                centres.append((x, y))
                chosen.append(
                    {
                        "x": x,
                        "y": y,
                        "foot": foot,
                        "shape": shape,
                        "class": cls,
                        "gs_id": g["gs_id"],
                        "fraction": 1.0 if kind == "full" else round(frac, 4),
                    }
                )
                break
            else:
                raise RuntimeError("could not place a {} plot in {}".format(shape, cls))
        chosen.sort(key=lambda p: (-p["y"], p["x"]))
        for i, p in enumerate(chosen, start=1):
            p["plot_id"] = "{}-{}-{:04d}".format(MUNI_CODE, STRATUM_CODE[cls], i)
            p["size_m"] = PLOT_RADIUS if p["shape"] == "circle" else SQUARE_SIDE
            p["area_m2"] = 400.0 if p["shape"] == "circle" else SQUARE_SIDE**2
            p["status"] = "active"
            p["note"] = None
        plots.extend(chosen)

    # field calendar: 3 plots a day, Monday-Saturday, in id order
    def calendar(start: dt.date, n: int) -> List[dt.date]:
        days, d = [], start
        while len(days) < n:
            if d.weekday() != 6:
                days.extend([d] * 3)
            d += dt.timedelta(days=1)
        return days[:n]

    d1 = calendar(dt.date(2025, 3, 3), len(plots))
    d2 = calendar(dt.date(2029, 3, 5), len(plots))
    for p, a, b in zip(plots, d1, d2):
        p["date_1"], p["date_2"] = a, b
    return plots


# --------------------------------------------------------------------------------------------
# trees
# --------------------------------------------------------------------------------------------

# Thai name, scientific name, life form, DBH lognormal median (cm), sigma, max DBH (cm)
SPECIES = {
    "SASA": ("จามจุรี", "Samanea saman", "tree", 32, 0.55, 120),
    "PTIN": ("ประดู่บ้าน", "Pterocarpus indicus", "tree", 24, 0.5, 75),
    "TEGR": ("สัก", "Tectona grandis", "tree", 20, 0.45, 55),
    "LASP": ("อินทนิลน้ำ", "Lagerstroemia speciosa", "tree", 17, 0.45, 50),
    "CAFI": ("ราชพฤกษ์", "Cassia fistula", "tree", 16, 0.45, 45),
    "DERE": ("หางนกยูงฝรั่ง", "Delonix regia", "tree", 26, 0.5, 70),
    "MAIN": ("มะม่วง", "Mangifera indica", "tree", 22, 0.5, 70),
    "AZIN": ("สะเดา", "Azadirachta indica", "tree", 18, 0.45, 50),
    "PEPT": ("นนทรี", "Peltophorum pterocarpum", "tree", 22, 0.5, 65),
    "SWMA": ("มะฮอกกานีใบใหญ่", "Swietenia macrophylla", "tree", 24, 0.45, 65),
    "DIAL": ("ยางนา", "Dipterocarpus alatus", "tree", 28, 0.5, 85),
    "FIBE": ("ไทรย้อยใบแหลม", "Ficus benjamina", "tree", 30, 0.55, 100),
    "FIRE": ("โพ", "Ficus religiosa", "tree", 40, 0.5, 110),
    "FIRA": ("มะเดื่ออุทุมพร", "Ficus racemosa", "tree", 24, 0.5, 70),
    "MIEL": ("พิกุล", "Mimusops elengi", "tree", 20, 0.45, 55),
    "TECA": ("หูกวาง", "Terminalia catappa", "tree", 22, 0.45, 60),
    "ACAU": ("กระถินณรงค์", "Acacia auriculiformis", "tree", 18, 0.45, 50),
    "ACMA": ("กระถินเทพา", "Acacia mangium", "tree", 18, 0.45, 45),
    "SESI": ("ขี้เหล็ก", "Senna siamea", "tree", 16, 0.45, 45),
    "TAIN": ("มะขาม", "Tamarindus indica", "tree", 26, 0.5, 80),
    "MIHO": ("ปีบ", "Millingtonia hortensis", "tree", 18, 0.45, 50),
    "ALSC": ("พญาสัตบรรณ", "Alstonia scholaris", "tree", 22, 0.5, 65),
    "ARHE": ("ขนุน", "Artocarpus heterophyllus", "tree", 18, 0.45, 50),
    "TARO": ("ชมพูพันธุ์ทิพย์", "Tabebuia rosea", "tree", 18, 0.45, 50),
    "SPCA": ("แคแสด", "Spathodea campanulata", "tree", 20, 0.45, 55),
    "PLRU": ("ลีลาวดี", "Plumeria rubra", "tree", 14, 0.4, 35),
    "POLO": ("อโศกอินเดีย", "Polyalthia longifolia", "tree", 13, 0.4, 35),
    "HOOD": ("ตะเคียนทอง", "Hopea odorata", "tree", 22, 0.5, 70),
    "SYCU": ("หว้า", "Syzygium cumini", "tree", 20, 0.45, 55),
    "LELE": ("กระถิน", "Leucaena leucocephala", "tree", 9, 0.35, 20),
    "NECA": ("กระทุ่ม", "Neolamarckia cadamba", "tree", 22, 0.45, 60),
    "EUCA": ("ยูคาลิปตัส", "Eucalyptus camaldulensis", "tree", 16, 0.4, 40),
    # palms: DBH nearly constant; heights from their own ranges
    "CONU": ("มะพร้าว", "Cocos nucifera", "palm", 27, 0.12, 38),
    "RORE": ("ปาล์มขวด", "Roystonea regia", "palm", 38, 0.12, 52),
    "ARCA": ("หมาก", "Areca catechu", "palm", 12, 0.12, 17),
    "BOFL": ("ตาล", "Borassus flabellifer", "palm", 40, 0.12, 55),
    # bamboo: one row per culm
    "DEAS": ("ไผ่ตง", "Dendrocalamus asper", "bamboo", 10, 0.15, 15),
    "THSI": ("ไผ่รวก", "Thyrsostachys siamensis", "bamboo", 5.5, 0.1, 7.5),
    "BABA": ("ไผ่ป่า", "Bambusa bambos", "bamboo", 8, 0.15, 12),
    "GIAL": ("ไผ่ไร่", "Gigantochloa albociliata", "bamboo", 6, 0.12, 9),
}
PALM_HEIGHT = {"CONU": (8, 18), "RORE": (8, 17), "ARCA": (5, 12), "BOFL": (9, 18)}
BAMBOO_HEIGHT = {"DEAS": (12, 18), "THSI": (6, 10), "BABA": (10, 16), "GIAL": (7, 11)}

MIX = {
    "park": {
        "SASA": 10,
        "PTIN": 8,
        "LASP": 6,
        "CAFI": 6,
        "DERE": 5,
        "PEPT": 5,
        "SWMA": 5,
        "DIAL": 5,
        "HOOD": 4,
        "ALSC": 4,
        "TARO": 4,
        "MIHO": 3,
        "TECA": 4,
        "SPCA": 2,
        "PLRU": 3,
        "TEGR": 3,
        "RORE": 4,
        "MIEL": 3,
        "POLO": 3,
        "TAIN": 2,
        "ACAU": 2,
        "FIBE": 2,
    },
    "street": {
        "PTIN": 14,
        "SASA": 8,
        "SWMA": 8,
        "TARO": 8,
        "LASP": 5,
        "CAFI": 5,
        "DERE": 4,
        "PEPT": 5,
        "POLO": 5,
        "RORE": 4,
        "ALSC": 4,
        "TECA": 3,
        "MIHO": 3,
        "SPCA": 2,
        "AZIN": 2,
    },
    "institutional": {
        "FIRE": 6,
        "FIBE": 4,
        "MIEL": 8,
        "BOFL": 5,
        "MAIN": 5,
        "TAIN": 6,
        "ARHE": 3,
        "PLRU": 5,
        "DIAL": 4,
        "SASA": 4,
        "PTIN": 4,
        "TECA": 4,
        "AZIN": 3,
        "MIHO": 3,
        "POLO": 5,
        "CONU": 3,
        "HOOD": 2,
        "SPCA": 1,
        "SESI": 2,
        "CAFI": 3,
    },
    "riparian": {
        "DEAS": 10,
        "THSI": 8,
        "BABA": 5,
        "GIAL": 5,
        "MAIN": 8,
        "FIBE": 5,
        "FIRA": 4,
        "SASA": 4,
        "SYCU": 4,
        "AZIN": 3,
        "LELE": 4,
        "SESI": 3,
        "CONU": 4,
        "NECA": 3,
        "EUCA": 2,
        "TECA": 2,
    },
    "residential": {
        "MAIN": 15,
        "ARHE": 8,
        "CONU": 10,
        "TAIN": 6,
        "ARCA": 6,
        "AZIN": 5,
        "SESI": 4,
        "LELE": 5,
        "PLRU": 4,
        "SYCU": 3,
        "BOFL": 2,
        "GIAL": 2,
        "EUCA": 2,
        "ACMA": 3,
        "ACAU": 3,
        "TECA": 2,
        "TEGR": 3,
    },
}
# trees per 400 m2 (uniform integer range), scaled by plot area x in-polygon fraction
DENSITY = {
    "park": (12, 32),
    "institutional": (8, 24),
    "street": (4, 12),
    "riparian": (10, 30),
    "residential": (2, 14),
}

MIN_DBH = 4.6
HD_A, HD_B, HD_C, HD_URBAN = 57.122, 0.0332, 0.8468, 0.6  # Feldpausch 2012 SE Asia, x 0.6 urban


def h_curve(d: float) -> float:
    return HD_URBAN * HD_A * (1.0 - math.exp(-HD_B * d**HD_C))


class Tree:
    """True state of one tree (recorded values are derived from it, bad rows are overlays)."""

    def __init__(
        self,
        plot_id: str,
        tag: int,
        sp: str,
        dbh: float,
        stems: Optional[List[float]],
        resid: float,
        status: str,
    ) -> None:
        self.plot_id, self.tag, self.sp = plot_id, tag, sp
        self.dbh, self.stems, self.resid, self.status = dbh, stems, resid, status

    @property
    def life(self) -> str:
        return SPECIES[self.sp][2]


def draw_dbh(rng: np.random.Generator, sp: str) -> float:
    _th, _sci, _life, med, sig, dmax = SPECIES[sp]
    if sp == "SASA" and rng.random() < 0.15:  # old rain trees: the few giants of the town
        return float(rng.uniform(65.0, dmax))
    for _ in range(100):
        d = float(math.exp(rng.normal(math.log(med), sig)))
        if MIN_DBH <= d <= dmax:
            return d
    return float(med)


def draw_height(rng: np.random.Generator, t: Tree, dbh: float) -> float:
    if t.life == "palm":
        lo, hi = PALM_HEIGHT[t.sp]
        return lo + (hi - lo) * (0.5 + 0.5 * math.tanh(t.resid * 3))
    if t.life == "bamboo":
        lo, hi = BAMBOO_HEIGHT[t.sp]
        return lo + (hi - lo) * (0.5 + 0.5 * math.tanh(t.resid * 3))
    h = h_curve(dbh) * math.exp(t.resid) + rng.normal(0, 0.3)
    return max(1.8, h)


def make_trees(plots: List[Dict], rng: np.random.Generator) -> Dict[str, List[Tree]]:
    trees: Dict[str, List[Tree]] = {}
    for p in plots:
        cls = p["class"]
        lo, hi = DENSITY[cls]
        n = int(round(rng.integers(lo, hi + 1) * p["area_m2"] / 400.0 * p["fraction"]))
        if p.get("zero_trees"):
            n = 0
        codes = sorted(MIX[cls])
        w = np.array([MIX[cls][c] for c in codes], dtype=float)
        w /= w.sum()
        lst = []
        for tag in range(1, n + 1):
            sp = codes[int(rng.choice(len(codes), p=w))]
            dbh = draw_dbh(rng, sp)
            stems = None
            if SPECIES[sp][2] == "tree" and dbh < 45 and rng.random() < 0.035:
                k = int(rng.integers(2, 4))
                shares = rng.dirichlet(np.ones(k) * 3.0)
                stems = sorted((dbh * np.sqrt(shares)).tolist(), reverse=True)
                if min(stems) < MIN_DBH:
                    stems = None
            lst.append(Tree(p["plot_id"], tag, sp, dbh, stems, float(rng.normal(0, 0.12)), ALIVE))
        trees[p["plot_id"]] = lst
    return trees


def girth_of(d: float) -> float:
    return round(math.pi * d, 1)


def fmt(v: Optional[float]) -> Optional[str]:
    return None if v is None else "{:.1f}".format(v)


def record(
    t: Tree,
    rng: np.random.Generator,
    dbh: float,
    stems: Optional[List[float]],
    status: str,
    height_missing: float = 0.15,
    girth: str = "value",
) -> Dict:
    th, sci = SPECIES[t.sp][0], SPECIES[t.sp][1]
    row = {
        "รหัสแปลง": t.plot_id,
        "เลขป้าย": t.tag,
        "ชื่อพื้นเมือง": th,
        "ชื่อวิทยาศาสตร์": sci,
        "เส้นรอบวง_ซม": None,
        "ความสูง_ม": None,
        "สถานะ": status,
        "ลำต้น": None,
    }
    if girth == "value":
        if stems:
            gs = [girth_of(s) for s in stems]
            row["ลำต้น"] = ";".join(fmt(g) for g in gs)  # type: ignore[misc]
            row["เส้นรอบวง_ซม"] = round(math.sqrt(sum(g * g for g in gs)), 1)
        else:
            row["เส้นรอบวง_ซม"] = girth_of(dbh)
    if status != DEAD and rng.random() >= height_missing:
        row["ความสูง_ม"] = round(draw_height(rng, t, dbh), 1)
    return row


def tree_tables(
    plots: List[Dict], trees: Dict[str, List[Tree]], rng: np.random.Generator
) -> Tuple[List[Dict], List[Dict], Dict]:
    by_id = {p["plot_id"]: p for p in plots}
    notes: Dict[str, List[str]] = {"bad_2568": [], "bad_2572": []}

    # ---- 2568 (first measurement) ----------------------------------------------------------
    rows1: List[Dict] = []
    standing_dead = set()
    all_trees = [t for pid in sorted(trees) for t in trees[pid]]
    cand_dead = [
        t
        for t in all_trees
        if t.life == "tree" and by_id[t.plot_id]["class"] in ("park", "riparian")
    ]
    for t in sorted(rng.choice(len(cand_dead), 2, replace=False).tolist()):
        standing_dead.add((cand_dead[t].plot_id, cand_dead[t].tag))
    for t in all_trees:
        status = DEAD if (t.plot_id, t.tag) in standing_dead else ALIVE
        t.status = status
        rows1.append(record(t, rng, t.dbh, t.stems, status))

    # ---- 2572 (re-measurement of the same tags) -------------------------------------------
    rows2: List[Dict] = []
    for pid in sorted(trees):
        p = by_id[pid]
        if p["status"] == "abandoned":
            continue
        years = (p["date_2"] - p["date_1"]).days / 365.25
        lst = trees[pid]
        n_alive = 0
        for t in lst:
            if t.status == DEAD:  # standing dead stays dead, last girth repeated
                rows2.append(record(t, rng, t.dbh, t.stems, DEAD))
                continue
            p_die = 0.10 if t.life == "bamboo" else 0.05
            if rng.random() < p_die:
                t.status = DEAD
                keep = rng.random() < 0.5
                rows2.append(
                    record(t, rng, t.dbh, t.stems, DEAD, girth="value" if keep else "blank")
                )
                continue
            n_alive += 1
            if t.life == "tree":
                if t.dbh < 15:
                    rate = rng.uniform(1.0, 3.0)
                elif t.dbh < 40:
                    rate = rng.uniform(2.0, 5.0)
                else:
                    rate = rng.uniform(3.0, 6.0)
                dg = rate * years  # girth increment, cm
            elif t.life == "palm":
                dg = rng.uniform(0.0, 1.0)
            else:
                dg = rng.uniform(0.0, 0.4)
            new_dbh = t.dbh + dg / math.pi
            new_stems = None
            if t.stems:
                scale = new_dbh / t.dbh
                new_stems = [s * scale for s in t.stems]
            t.dbh2, t.stems2 = new_dbh, new_stems
            rows2.append(record(t, rng, new_dbh, new_stems, ALIVE))
        if p.get("zero_trees") and not p.get("ingrowth_after_zero"):
            continue
        n_new = (
            int(rng.binomial(max(n_alive, 0), 0.08))
            if lst
            else 1
            if p.get("ingrowth_after_zero")
            else 0
        )
        codes = sorted(MIX[p["class"]])
        w = np.array([MIX[p["class"]][c] for c in codes], dtype=float)
        w /= w.sum()
        next_tag = max([t.tag for t in lst], default=0) + 1
        for k in range(n_new):
            sp = codes[int(rng.choice(len(codes), p=w))]
            d = rng.uniform(MIN_DBH, 6.5) if SPECIES[sp][2] == "tree" else draw_dbh(rng, sp)
            t = Tree(pid, next_tag + k, sp, d, None, float(rng.normal(0, 0.12)), NEW)
            rows2.append(record(t, rng, d, None, NEW))
    return rows1, rows2, notes


def inject_bad_rows(
    rows1: List[Dict], rows2: List[Dict], plots: List[Dict], rng: np.random.Generator
) -> Tuple[List[Dict], List[Dict]]:
    """Overlay deliberate errors. Returns (description list for 2568, for 2572)."""
    cls_of = {p["plot_id"]: p["class"] for p in plots}
    used = set()

    def pick(rows: List[Dict], cls: Optional[str], cond) -> Dict:
        cands = [
            r
            for r in rows
            if (cls is None or cls_of.get(r["รหัสแปลง"]) == cls)
            and r["สถานะ"] == ALIVE
            and not r["ลำต้น"]
            and (r["รหัสแปลง"], r["เลขป้าย"]) not in used
            and cond(r)
        ]
        r = cands[int(rng.integers(len(cands)))]
        used.add((r["รหัสแปลง"], r["เลขป้าย"]))
        return r

    def is_tree(r: Dict) -> bool:
        return r["ชื่อวิทยาศาสตร์"] in TREE_SCI

    bad1: List[Dict] = []

    def note(rows_bad: List[Dict], r: Dict, field: str, was, issue: str, flag: str) -> None:
        rows_bad.append(
            {
                "plot_id": r["รหัสแปลง"],
                "tag": r["เลขป้าย"],
                "field": field,
                "value": r[field],
                "true": was,
                "issue": issue,
                "flag": flag,
            }
        )

    r = pick(rows1, "park", lambda r: is_tree(r) and r["เส้นรอบวง_ซม"] > 40)
    was = r["เส้นรอบวง_ซม"]
    r["เส้นรอบวง_ซม"] = -was
    note(
        bad1,
        r,
        "เส้นรอบวง_ซม",
        was,
        "negative girth (sign typo)",
        "girth <= 0: row excluded from biomass",
    )

    r = pick(rows1, "street", is_tree)
    was = r["เส้นรอบวง_ซม"]
    r["เส้นรอบวง_ซม"] = "ไม่ได้วัด"
    note(
        bad1,
        r,
        "เส้นรอบวง_ซม",
        was,
        "text 'ไม่ได้วัด' (not measured) in a numeric field",
        "girth not numeric: row excluded, reported",
    )

    r = pick(rows1, "institutional", is_tree)
    was = r["เส้นรอบวง_ซม"]
    r["เส้นรอบวง_ซม"] = 0.0
    note(bad1, r, "เส้นรอบวง_ซม", was, "zero girth", "girth <= 0: row excluded from biomass")

    r = pick(rows1, "residential", is_tree)
    was = (r["ชื่อพื้นเมือง"], r["ชื่อวิทยาศาสตร์"])
    key_unknown = (r["รหัสแปลง"], r["เลขป้าย"])
    r["ชื่อพื้นเมือง"], r["ชื่อวิทยาศาสตร์"] = "ไม้ไม่ทราบชนิด", None
    note(
        bad1,
        r,
        "ชื่อพื้นเมือง",
        "{} / {}".format(*was),
        "unknown species, scientific name blank",
        "species unmatched: wood density from the plot/stand or dataset mean (cascade)",
    )

    r = pick(rows1, None, lambda r: r["ชื่อวิทยาศาสตร์"] == "Samanea saman")
    key_typo = (r["รหัสแปลง"], r["เลขป้าย"])
    r["ชื่อวิทยาศาสตร์"] = "Samanea samann"
    note(
        bad1,
        r,
        "ชื่อวิทยาศาสตร์",
        "Samanea saman",
        "misspelled scientific name (Thai name จามจุรี is right)",
        "matched only at genus level (Samanea): flag SPECIES_GENUS_ONLY, name listed in the log as "
        "'matched only at genus level (check the spelling)'",
    )

    r = pick(
        rows1,
        "park",
        lambda r: is_tree(r) and r["ความสูง_ม"] is not None and 20 <= r["ความสูง_ม"] < 30,
    )
    was = r["ความสูง_ม"]
    r["ความสูง_ม"] = 250.0
    note(
        bad1,
        r,
        "ความสูง_ม",
        was,
        "height 250 m (decimal point lost)",
        "height out of range: treated as missing, height from the H-D model",
    )

    r = pick(rows1, "riparian", lambda r: is_tree(r) and r["เส้นรอบวง_ซม"] < 40)
    was = r["เส้นรอบวง_ซม"]
    r["เส้นรอบวง_ซม"] = 11.0
    r["ความสูง_ม"] = 2.6
    key_sapling = (r["รหัสแปลง"], r["เลขป้าย"])
    note(
        bad1,
        r,
        "เส้นรอบวง_ซม",
        was,
        "girth 11.0 cm = DBH 3.5 cm, below the 4.5 cm T-VER tree threshold (sapling)",
        "below minimum DBH: not a tree (sapling); excluded from the tree pool",
    )

    ghost = {
        "รหัสแปลง": MUNI_CODE + "-PK-0099",
        "เลขป้าย": 1,
        "ชื่อพื้นเมือง": "ประดู่บ้าน",
        "ชื่อวิทยาศาสตร์": "Pterocarpus indicus",
        "เส้นรอบวง_ซม": 85.0,
        "ความสูง_ม": 14.5,
        "สถานะ": ALIVE,
        "ลำต้น": None,
    }
    rows1.append(ghost)
    note(
        bad1,
        ghost,
        "รหัสแปลง",
        None,
        "plot id not in the plots layer",
        "unknown plot: row excluded, reported",
    )

    # keep the two name problems in 2572 too (the crew copied the 2568 list)
    for row in rows2:
        k = (row["รหัสแปลง"], row["เลขป้าย"])
        if k == key_unknown:
            row["ชื่อพื้นเมือง"], row["ชื่อวิทยาศาสตร์"] = "ไม้ไม่ทราบชนิด", None
        elif k == key_typo:
            row["ชื่อวิทยาศาสตร์"] = "Samanea samann"
        elif k == key_sapling and row["เส้นรอบวง_ซม"] is not None:
            # the sapling really was a sapling: it crosses the 4.5 cm threshold by 2572
            row["เส้นรอบวง_ซม"] = 16.5 if row["สถานะ"] == ALIVE else 11.0
            if row["ความสูง_ม"] is not None:
                row["ความสูง_ม"] = 3.4

    # ---- 2572 inconsistencies ---------------------------------------------------------------
    bad2: List[Dict] = []
    alive2 = {(r["รหัสแปลง"], r["เลขป้าย"]): r for r in rows2 if r["สถานะ"] == ALIVE}
    r1 = {(r["รหัสแปลง"], r["เลขป้าย"]): r for r in rows1}

    def pick2(cls: str, cond) -> Dict:
        cands = [
            r
            for k, r in sorted(alive2.items())
            if cls_of.get(k[0]) == cls and k not in used and not r["ลำต้น"] and cond(r)
        ]
        r = cands[int(rng.integers(len(cands)))]
        used.add((r["รหัสแปลง"], r["เลขป้าย"]))
        return r

    r = pick2("street", lambda r: r["ชื่อวิทยาศาสตร์"] == "Pterocarpus indicus")
    r["ชื่อพื้นเมือง"], r["ชื่อวิทยาศาสตร์"] = "พะยูง", "Dalbergia cochinchinensis"
    note(
        bad2,
        r,
        "ชื่อวิทยาศาสตร์",
        "Pterocarpus indicus",
        "species changed between measurements (ประดู่บ้าน -> พะยูง)",
        "species changed: 2568 name kept, reported",
    )

    r = pick2("park", lambda r: is_tree(r) and r["เส้นรอบวง_ซม"] > 80)
    old = r1[(r["รหัสแปลง"], r["เลขป้าย"])]["เส้นรอบวง_ซม"]
    r["เส้นรอบวง_ซม"] = round(old * 0.82, 1)
    note(
        bad2,
        r,
        "เส้นรอบวง_ซม",
        old,
        "girth shrank from {:.1f} to {:.1f} cm (-18 %)".format(old, r["เส้นรอบวง_ซม"]),
        "negative growth beyond tolerance: reported",
    )

    r = pick2("institutional", is_tree)
    dup = dict(r)
    dup["เส้นรอบวง_ซม"] = round(r["เส้นรอบวง_ซม"] + 3.4, 1)
    dup["ความสูง_ม"] = None
    rows2.append(dup)
    note(
        bad2,
        dup,
        "เลขป้าย",
        "girth {:.1f} / {:.1f}".format(r["เส้นรอบวง_ซม"], dup["เส้นรอบวง_ซม"]),
        "tag entered twice in the same plot (second girth differs by +3.4 cm)",
        "duplicate plot+tag: reported; analysis keeps one",
    )
    return bad1, bad2


TREE_SCI = {v[1] for v in SPECIES.values() if v[2] == "tree"}


def sort_rows(rows: List[Dict]) -> None:
    rows.sort(key=lambda r: (r["รหัสแปลง"], r["เลขป้าย"]))  # stable: a duplicate keeps its order


def cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return "{:.1f}".format(v)
    return str(v)


def write_csv(path: str, rows: List[Dict]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(TREE_HEADERS)
        for r in rows:
            w.writerow([cell(r[h]) for h in TREE_HEADERS])


FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def write_xlsx(path: str, rows: List[Dict], sheet: str) -> None:
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(TREE_HEADERS)
    for c in ws[1]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append([r[h] for h in TREE_HEADERS])
    ws.freeze_panes = "A2"
    for col, width in zip("ABCDEFGH", (24, 8, 18, 28, 13, 11, 9, 16)):
        ws.column_dimensions[col].width = width
    fixed = dt.datetime(2025, 1, 1, 0, 0, 0)
    wb.properties.creator = "scripts/make_sample.py"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = None
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl keeps the fixed created/modified dates set above, but stamps "now" on every zip
    # entry: rewrite the archive with a fixed entry time.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            out.writestr(zi, data)


# --------------------------------------------------------------------------------------------
# GeoPackage
# --------------------------------------------------------------------------------------------


def srs() -> osr.SpatialReference:
    s = osr.SpatialReference()
    s.ImportFromEPSG(EPSG)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


FieldSpec = Tuple[str, int, str, int]  # name, ogr type, Thai alias, width


def create_layer(
    ds: ogr.DataSource, name: str, gtype: int, fields: Sequence[FieldSpec], description: str
) -> ogr.Layer:
    lyr = ds.CreateLayer(
        name,
        srs(),
        gtype,
        options=[
            "GEOMETRY_NAME=geom",
            "FID=fid",
            "SPATIAL_INDEX=YES",
            "DESCRIPTION=" + description,
        ],
    )
    for fname, ftype, alias, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        if alias:
            fd.SetAlternativeName(alias)
        lyr.CreateField(fd)
    return lyr


def add_feature(lyr: ogr.Layer, geom: ogr.Geometry, values: Dict) -> None:
    f = ogr.Feature(lyr.GetLayerDefn())
    for k, v in values.items():
        if v is None:
            f.SetFieldNull(k)
        elif isinstance(v, dt.date):
            f.SetField(k, v.year, v.month, v.day, 0, 0, 0, 0)
        else:
            f.SetField(k, v)
    f.SetGeometry(geom)
    lyr.CreateFeature(f)


def write_gpkg(path: str, town: Town, plots: List[Dict], training: List[Dict]) -> None:
    if os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(path)
    TS, TI, TR, TD = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal, ogr.OFTDate

    lyr = create_layer(
        ds,
        "boundary",
        ogr.wkbPolygon,
        [
            ("muni_code", TS, "รหัสเทศบาล", 16),
            ("name_th", TS, "ชื่อ (ไทย)", 0),
            ("name_en", TS, "ชื่อ (อังกฤษ)", 0),
            ("muni_type", TS, "ประเภท อปท.", 32),
            ("muni_type_en", TS, "ประเภท อปท. (อังกฤษ)", 16),
            ("population", TI, "จำนวนประชากร", 0),
            ("area_m2", TR, "พื้นที่ (ตร.ม.)", 0),
        ],
        "FICTIONAL sample municipality boundary",
    )
    ds.StartTransaction()
    add_feature(
        lyr,
        town.boundary,
        {
            "muni_code": MUNI_CODE,
            "name_th": MUNI_NAME_TH,
            "name_en": MUNI_NAME_EN,
            "muni_type": MUNI_TYPE_TH,
            "muni_type_en": MUNI_TYPE_EN,
            "population": POPULATION,
            "area_m2": round(town.boundary.GetArea(), 1),
        },
    )
    ds.CommitTransaction()

    lyr = create_layer(
        ds,
        "green_space",
        ogr.wkbPolygon,
        [
            ("gs_id", TS, "รหัสพื้นที่สีเขียว", 8),
            ("class_code", TS, "รหัสประเภท", 16),
            ("class_th", TS, "ประเภท (ไทย)", 0),
            ("class_en", TS, "ประเภท (อังกฤษ)", 0),
            ("name_th", TS, "ชื่อ (ไทย)", 0),
            ("name_en", TS, "ชื่อ (อังกฤษ)", 0),
            ("area_m2", TR, "พื้นที่ (ตร.ม.)", 0),
        ],
        "FICTIONAL green-space polygons, 5 classes, non-overlapping",
    )
    ds.StartTransaction()
    for g in town.green:
        add_feature(
            lyr,
            g["geom"],
            {
                "gs_id": g["gs_id"],
                "class_code": g["class"],
                "class_th": CLASS_TH[g["class"]],
                "class_en": CLASS_EN[g["class"]],
                "name_th": g["name_th"],
                "name_en": g["name_en"],
                "area_m2": round(g["geom"].GetArea(), 1),
            },
        )
    ds.CommitTransaction()

    plot_fields: List[FieldSpec] = [
        ("plot_id", TS, "รหัสแปลง", 32),
        ("stratum", TS, "ชั้นภูมิ", 16),
        ("gs_id", TS, "รหัสพื้นที่สีเขียว", 8),
        ("shape", TS, "รูปร่างแปลง", 8),
        ("size_m", TR, "รัศมี/ความกว้าง (ม.)", 0),
        ("area_m2", TR, "พื้นที่แปลง (ตร.ม.)", 0),
        ("fraction", TR, "สัดส่วนในพื้นที่สีเขียว", 0),
        ("date_1", TD, "วันที่วัดครั้งที่ 1", 0),
        ("date_2", TD, "วันที่วัดครั้งที่ 2", 0),
        ("status", TS, "สถานะแปลง", 16),
        ("note", TS, "หมายเหตุ", 0),
    ]
    lyr = create_layer(
        ds, "plots", ogr.wkbPolygon, plot_fields, "FICTIONAL permanent sample plot footprints"
    )
    ds.StartTransaction()
    for p in plots:
        add_feature(
            lyr,
            p["foot"],
            {
                k: p[k]
                for k in (
                    "plot_id",
                    "gs_id",
                    "shape",
                    "size_m",
                    "area_m2",
                    "fraction",
                    "date_1",
                    "date_2",
                    "status",
                    "note",
                )
            }
            | {"stratum": p["class"]},
        )
    ds.CommitTransaction()

    lyr = create_layer(
        ds,
        "plot_centres",
        ogr.wkbPoint,
        [
            ("plot_id", TS, "รหัสแปลง", 32),
            ("stratum", TS, "ชั้นภูมิ", 16),
            ("gs_id", TS, "รหัสพื้นที่สีเขียว", 8),
            ("shape", TS, "รูปร่างแปลง", 8),
            ("status", TS, "สถานะแปลง", 16),
        ],
        "FICTIONAL plot centres (same ids as plots)",
    )
    ds.StartTransaction()
    for p in plots:
        pt = ogr.Geometry(ogr.wkbPoint)
        pt.AddPoint_2D(p["x"], p["y"])
        add_feature(
            lyr,
            pt,
            {
                "plot_id": p["plot_id"],
                "stratum": p["class"],
                "gs_id": p["gs_id"],
                "shape": p["shape"],
                "status": p["status"],
            },
        )
    ds.CommitTransaction()

    lyr = create_layer(
        ds,
        "training",
        ogr.wkbPolygon,
        [
            ("train_id", TS, "รหัสตัวอย่าง", 8),
            ("lc_code", TI, "รหัสสิ่งปกคลุม", 0),
            ("lc_name", TS, "สิ่งปกคลุม (อังกฤษ)", 32),
            ("lc_name_th", TS, "สิ่งปกคลุม (ไทย)", 48),
            ("area_m2", TR, "พื้นที่ (ตร.ม.)", 0),
        ],
        "FICTIONAL labelled training polygons for sample_image.tif",
    )
    ds.StartTransaction()
    for t in training:
        add_feature(
            lyr,
            t["geom"],
            {
                "train_id": t["train_id"],
                "lc_code": t["lc_code"],
                "lc_name": LC_NAMES[t["lc_code"]][0],
                "lc_name_th": LC_NAMES[t["lc_code"]][1],
                "area_m2": round(t["geom"].GetArea(), 1),
            },
        )
    ds.CommitTransaction()

    lyr = create_layer(
        ds,
        "roads",
        ogr.wkbLineString,
        [
            ("road_id", TS, "รหัสถนน", 8),
            ("name_th", TS, "ชื่อถนน (ไทย)", 0),
            ("name_en", TS, "ชื่อถนน (อังกฤษ)", 0),
            ("road_class", TS, "ประเภทถนน", 16),
            ("width_m", TR, "ความกว้างผิวจราจร (ม.)", 0),
        ],
        "FICTIONAL road centrelines (context only)",
    )
    ds.StartTransaction()
    for r in town.roads:
        g = r.centreline().Intersection(town.boundary)
        add_feature(
            lyr,
            parts_line(g),
            {
                "road_id": r.rid,
                "name_th": r.name_th,
                "name_en": r.name_en,
                "road_class": r.kind,
                "width_m": r.width,
            },
        )
    ds.CommitTransaction()

    lyr = create_layer(
        ds,
        "water",
        ogr.wkbPolygon,
        [
            ("water_id", TS, "รหัสแหล่งน้ำ", 8),
            ("name_th", TS, "ชื่อ (ไทย)", 0),
            ("name_en", TS, "ชื่อ (อังกฤษ)", 0),
            ("area_m2", TR, "พื้นที่ (ตร.ม.)", 0),
        ],
        "FICTIONAL canal and ponds (context only)",
    )
    ds.StartTransaction()
    waters = [
        ("คลองตัวอย่าง", "Khlong Tua Yang (canal)", g)
        for g in parts(town.canal.Intersection(town.boundary))
    ]
    waters += [(a, b, g) for a, b, g in town.ponds]
    for i, (nth, nen, g) in enumerate(waters, start=1):
        add_feature(
            lyr,
            g,
            {
                "water_id": "W-{:02d}".format(i),
                "name_th": nth,
                "name_en": nen,
                "area_m2": round(g.GetArea(), 1),
            },
        )
    ds.CommitTransaction()
    ds = None


def parts_line(g: ogr.Geometry) -> ogr.Geometry:
    if ogr.GT_Flatten(g.GetGeometryType()) == ogr.wkbLineString:
        return g
    longest = max(
        (g.GetGeometryRef(i) for i in range(g.GetGeometryCount())), key=lambda x: x.Length()
    )
    return longest.Clone()


# --------------------------------------------------------------------------------------------
# image
# --------------------------------------------------------------------------------------------

FINE = 2.0  # m, land-cover grid
PIX = 10.0  # m, image grid
IMG_X0, IMG_Y1 = X0 - 100.0, Y0 + HEIGHT_M + 100.0
IMG_W, IMG_H = 420, 370
BAND_NAMES = ["Blue", "Green", "Red", "NIR"]
BAND_WAVELENGTH = ["490", "560", "665", "842"]
# fine cover types
CANOPY, GRASS, WATER, ROOF, PAVED, BARE = range(6)
ENDMEMBER = np.array(
    [
        [0.030, 0.060, 0.030, 0.350],  # canopy
        [0.045, 0.085, 0.060, 0.280],  # grass/shrub
        [0.060, 0.070, 0.050, 0.020],  # water
        [0.170, 0.190, 0.210, 0.240],  # roof
        [0.130, 0.140, 0.150, 0.170],  # paved
        [0.120, 0.150, 0.200, 0.250],  # bare soil
    ]
)
LC_OF_COVER = np.array([1, 2, 3, 4, 4, 4])
# canopy share inside each green class
CANOPY_SHARE = {
    "park": 0.62,
    "institutional": 0.55,
    "street": 0.45,
    "riparian": 0.60,
    "residential": 0.38,
}


def blur(a: np.ndarray, r: int, passes: int = 3) -> np.ndarray:
    """Separable box blur (repeated: ~Gaussian), edge-padded."""
    out = a.astype(np.float64)
    for _ in range(passes):
        for axis in (0, 1):
            pad = [(0, 0), (0, 0)]
            pad[axis] = (r + 1, r)
            c = np.cumsum(np.pad(out, pad, mode="edge"), axis=axis)
            if axis == 0:
                out = (c[2 * r + 1 :, :] - c[: -2 * r - 1, :]) / (2 * r + 1)
            else:
                out = (c[:, 2 * r + 1 :] - c[:, : -2 * r - 1]) / (2 * r + 1)
    return out


def norm_field(rng: np.random.Generator, shape: Tuple[int, int], r: int) -> np.ndarray:
    f = blur(rng.standard_normal(shape), r)
    return (f - f.mean()) / f.std()


def rasterize(
    geoms: Sequence[Tuple[ogr.Geometry, int]], nx: int, ny: int, res: float, init: int = 0
) -> np.ndarray:
    mem = gdal.GetDriverByName("MEM").Create("", nx, ny, 1, gdal.GDT_Byte)
    mem.SetGeoTransform((IMG_X0, res, 0, IMG_Y1, 0, -res))
    mem.SetProjection(srs().ExportToWkt())
    mem.GetRasterBand(1).Fill(init)
    vds = ogr.GetDriverByName("Memory").CreateDataSource("")
    lyr = vds.CreateLayer("l", srs(), ogr.wkbUnknown)
    lyr.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    for g, v in geoms:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("v", int(v))
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    gdal.RasterizeLayer(mem, [1], lyr, options=["ATTRIBUTE=v"])
    return mem.GetRasterBand(1).ReadAsArray()


def make_cover(town: Town, rng: np.random.Generator) -> np.ndarray:
    """Fine (2 m) cover map from the vector layers."""
    k = int(PIX / FINE)
    nx, ny = IMG_W * k, IMG_H * k
    # zone codes: 0 outside, 1 urban fabric, 10+i green class i, 20 road, 21 water
    zones: List[Tuple[ogr.Geometry, int]] = [(town.boundary, 1)]
    zones += [(g["geom"], 10 + CLASSES.index(g["class"])) for g in town.green]
    zones += [(r.carriageway(), 20) for r in town.roads]
    zones += [(town.canal, 21)] + [(g, 21) for _a, _b, g in town.ponds]
    zone = rasterize(zones, nx, ny, FINE)

    fine = norm_field(rng, (ny, nx), 3)
    coarse = norm_field(rng, (ny, nx), 20)
    veg = 0.55 * fine + 0.85 * coarse
    veg = (veg - veg.mean()) / veg.std()
    cover = np.full((ny, nx), BARE, dtype=np.uint8)

    # rural land around the town: paddy parcels 100 x 60 m (grass = growing rice, bare = fallow)
    py, px = np.mgrid[0:ny, 0:nx]
    parcel = (py // 30) * 1000 + (px // 50)
    u = rng.random(int(parcel.max()) + 1)
    rural = np.where(u[parcel] < 0.62, GRASS, BARE)
    rural = np.where(u[parcel] > 0.985, WATER, rural)
    rural = np.where(veg > 1.9, CANOPY, rural)  # farm-house trees
    cover = np.where(zone == 0, rural, cover)

    # urban fabric: blocky roofs, paved yards, gardens
    blocks = rng.random((ny // 6 + 1, nx // 6 + 1))
    blocks = np.kron(blocks, np.ones((6, 6)))[:ny, :nx]
    urban = np.where(
        blocks < 0.55, ROOF, np.where(blocks < 0.72, PAVED, np.where(blocks < 0.80, BARE, GRASS))
    )
    urban = np.where(veg > 1.25, CANOPY, urban)
    cover = np.where(zone == 1, urban, cover)

    for i, cls in enumerate(CLASSES):
        z = 10 + i
        thr = statistics.NormalDist().inv_cdf(1.0 - CANOPY_SHARE[cls])
        other = np.full((ny, nx), GRASS, dtype=np.uint8)
        if cls == "street":
            other = np.where(blocks < 0.25, PAVED, GRASS)  # footpaths
        elif cls == "residential":
            other = np.where(blocks < 0.22, BARE, np.where(blocks < 0.30, ROOF, GRASS))
        elif cls == "institutional":
            other = np.where(blocks < 0.20, ROOF, np.where(blocks < 0.32, PAVED, GRASS))
        cover = np.where(zone == z, np.where(veg > thr, CANOPY, other), cover)
    cover = np.where(zone == 20, PAVED, cover)
    cover = np.where(zone == 21, WATER, cover)
    return cover


def make_image(path: str, cover: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    k = int(PIX / FINE)
    ny, nx = cover.shape
    # fractions of each cover type per 10 m pixel
    frac = np.zeros((6, IMG_H, IMG_W))
    for c in range(6):
        frac[c] = (cover == c).reshape(IMG_H, k, IMG_W, k).mean(axis=(1, 3))
    refl = np.einsum("chw,cb->bhw", frac, ENDMEMBER)
    bright = 1.0 + 0.06 * norm_field(rng, (IMG_H, IMG_W), 4)
    refl = refl * bright[None] + rng.normal(0, 0.004, refl.shape)
    dn = np.clip(np.round(refl * 10000.0), 1, 10000).astype(np.uint16)
    # scene edge: a few nodata pixels in the north-west corner
    yy, xx = np.mgrid[0:IMG_H, 0:IMG_W]
    corner = (xx + yy) < 7
    dn[:, corner] = 0

    if os.path.exists(path):
        os.remove(path)
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(
        path,
        IMG_W,
        IMG_H,
        4,
        gdal.GDT_UInt16,
        options=[
            "COMPRESS=DEFLATE",
            "PREDICTOR=2",
            "ZLEVEL=9",
            "INTERLEAVE=PIXEL",
            "TILED=NO",
            "PHOTOMETRIC=MINISBLACK",
        ],
    )
    ds.SetGeoTransform((IMG_X0, PIX, 0, IMG_Y1, 0, -PIX))
    ds.SetProjection(srs().ExportToWkt())
    ds.SetMetadata(
        {
            "DESCRIPTION": "FICTIONAL 4-band image of the sample municipality (synthetic, not a real scene)",
            "REFLECTANCE_SCALE": "0.0001",
            "SEED": str(SEED),
            "GENERATOR": "scripts/make_sample.py",
        }
    )
    interp = [gdal.GCI_BlueBand, gdal.GCI_GreenBand, gdal.GCI_RedBand, gdal.GCI_Undefined]
    for b in range(4):
        band = ds.GetRasterBand(b + 1)
        band.SetDescription(BAND_NAMES[b])
        band.SetColorInterpretation(interp[b])
        band.SetNoDataValue(0)
        band.SetScale(0.0001)
        band.SetOffset(0.0)
        band.SetMetadata({"WAVELENGTH_NM": BAND_WAVELENGTH[b], "UNITS": "reflectance x 10000"})
        band.WriteArray(dn[b])
    ds.FlushCache()
    ds = None
    return frac


def make_training(town: Town, frac: np.ndarray, rng: np.random.Generator) -> List[Dict]:
    """~10 squares per land-cover class over pixels that are (nearly) pure in the image."""
    lc = np.zeros((4, IMG_H, IMG_W))
    for c in range(6):
        lc[LC_OF_COVER[c] - 1] += frac[c]
    inside = rasterize([(town.boundary.Buffer(-40.0, 4), 1)], IMG_W, IMG_H, PIX).astype(bool)
    out: List[Dict] = []
    n_id = 0
    for code in (1, 2, 3, 4):
        win = 3
        thr = 0.95 if code == 3 else 0.9
        pure = lc[code - 1] >= thr
        # all pixels of a win x win window pure, window inside the town
        ok = np.ones((IMG_H - win + 1, IMG_W - win + 1), dtype=bool)
        for dy in range(win):
            for dx in range(win):
                ok &= pure[dy : dy + IMG_H - win + 1, dx : dx + IMG_W - win + 1]
                ok &= inside[dy : dy + IMG_H - win + 1, dx : dx + IMG_W - win + 1]
        cand = np.argwhere(ok)
        order = rng.permutation(len(cand))
        spacing = 45.0 if code == 3 else 250.0
        chosen: List[Tuple[float, float]] = []
        for i in order:
            r, c = cand[i]
            x0 = IMG_X0 + c * PIX
            y1 = IMG_Y1 - r * PIX
            cx, cy = x0 + win * PIX / 2, y1 - win * PIX / 2
            if any((cx - a) ** 2 + (cy - b) ** 2 < spacing**2 for a, b in chosen):
                continue
            chosen.append((cx, cy))
            if len(chosen) == 10:
                break
        for cx, cy in sorted(chosen, key=lambda p: (-p[1], p[0])):
            n_id += 1
            h = win * PIX / 2 - 2.0
            out.append(
                {
                    "train_id": "TR-{:03d}".format(n_id),
                    "lc_code": code,
                    "geom": rect(cx - h, cy - h, cx + h, cy + h),
                }
            )
    return out


# --------------------------------------------------------------------------------------------
# README (generated, so the numbers and the bad-row list always match the data)
# --------------------------------------------------------------------------------------------


def md_table(header: Sequence[str], rows: Sequence[Sequence]) -> str:
    def esc(v) -> str:
        return "" if v is None else str(v).replace("|", "\\|")

    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(esc(v) for v in r) + " |" for r in rows]
    return "\n".join(out)


def write_readme(
    out_dir: str, s: Dict, plots: List[Dict], rows1: List[Dict], rows2: List[Dict]
) -> None:
    sizes = {
        n: os.path.getsize(os.path.join(out_dir, n))
        for n in sorted(os.listdir(out_dir))
        if n != "README.md"
    }
    n1: Dict[str, int] = {}
    n2: Dict[str, int] = {}
    for r in rows1:
        n1[r["รหัสแปลง"]] = n1.get(r["รหัสแปลง"], 0) + 1
    for r in rows2:
        n2[r["รหัสแปลง"]] = n2.get(r["รหัสแปลง"], 0) + 1
    st1: Dict[str, int] = {}
    st2: Dict[str, int] = {}
    for r in rows1:
        st1[r["สถานะ"]] = st1.get(r["สถานะ"], 0) + 1
    for r in rows2:
        st2[r["สถานะ"]] = st2.get(r["สถานะ"], 0) + 1
    L: List[str] = []
    a = L.append
    a("# Sample municipality — เทศบาลเมืองตัวอย่าง (FICTIONAL)")
    a("")
    a(
        '> **Everything in this folder is synthetic.** "เทศบาลเมืองตัวอย่าง" / "{}" (code `{}`) does '
        "not exist. "
        "The boundary, green spaces, names, plots, trees and the image were drawn from a random "
        "generator with a fixed "
        "seed. Any resemblance to a real place, temple, school or person is coincidental. Do not use "
        "these numbers "
        "for reporting.".format(MUNI_NAME_EN, MUNI_CODE)
    )
    a("")
    a(
        "The data exist to demonstrate and test the plugin: a complete, small, realistic-looking "
        "municipality with "
        "two field campaigns (2568 and 2572 B.E. = 2025 and 2029 C.E.) and a handful of deliberate errors."
    )
    a("")
    a("## Regenerate")
    a("")
    a(
        "```sh\nmake sample                              # = /usr/bin/python3 scripts/make_sample.py\n"
        "/usr/bin/python3 scripts/make_sample.py --out /tmp/x   # somewhere else\n```"
    )
    a("")
    a(
        "- Generator: `scripts/make_sample.py` (GDAL/OGR ≥ 3.6 Python bindings, numpy, openpyxl; no QGIS)."
    )
    a(
        "- Seed: `numpy.random.default_rng({})`; sub-streams use seeds {}–{} (town, plots, special "
        "plots, trees, "
        "image, training).".format(SEED, SEED, SEED + 5)
    )
    a(
        "- Re-running gives **byte-identical files** with the reference toolchain (Debian 12: Python "
        "3.11, GDAL 3.6.2, "
        "GEOS 3.11, numpy 1.24, openpyxl 3.0.9), checked with `md5sum`. How: the GeoPackage timestamps "
        "come from "
        "`OGR_CURRENT_DATE=2025-01-01T00:00:00.000Z`; the xlsx files have fixed document dates and "
        "fixed zip-entry "
        "times; the GeoTIFF has no date tag and no `.aux.xml`. Other GDAL/GEOS/numpy versions may "
        "change bytes "
        "(and, for a different numpy bit generator or GEOS, even coordinates); the content rules below "
        "still hold."
    )
    a(
        "- Everything is written in a fixed order (features by class, then north→south, west→east; "
        "tree rows by "
        "plot id, then tag)."
    )
    a("")
    a("## The municipality")
    a("")
    a(
        md_table(
            ["item", "value"],
            [
                ["code", MUNI_CODE],
                ["name (Thai)", MUNI_NAME_TH],
                ["name (English)", MUNI_NAME_EN],
                ["type", "{} ({})".format(MUNI_TYPE_TH, MUNI_TYPE_EN)],
                ["population", "{:,}".format(POPULATION)],
                ["CRS", "EPSG:{} (WGS 84 / UTM zone 47N)".format(EPSG)],
                [
                    "extent",
                    "≈ 4 × 3.5 km, SW frame corner at E {:.0f}, N {:.0f} (≈ 100.30° E, 14.29° N)".format(
                        X0, Y0
                    ),
                ],
                [
                    "area",
                    "{:.1f} ha ({:.0f} rai)".format(s["muni_area_ha"], s["muni_area_ha"] * 6.25),
                ],
                [
                    "green space",
                    "{:.1f} ha = {:.1f} % of the area ({} polygons); {:.1f} m² per person".format(
                        s["green_area_ha"],
                        100 * s["green_share"],
                        s["n_green"],
                        s["green_area_ha"] * 1e4 / POPULATION,
                    ),
                ],
            ],
        )
    )
    a("")
    a(
        "The location is open rice land of the central plain, chosen so the fictional town does not "
        "lie on a real "
        "city when shown over a basemap. The green share is just above the 20 % criterion for a เทศบาลเมือง "
        "(Thai urban green-space criterion 1), which makes the criterion check interesting."
    )
    a("")
    a(
        md_table(
            ["class_code", "class_th", "polygons", "area (ha)", "plots"],
            [
                [
                    c,
                    CLASS_TH[c],
                    s["per_class"][c],
                    "{:.2f}".format(s["area_per_class_ha"][c]),
                    s["plots_per_class"][c],
                ]
                for c in CLASSES
            ],
        )
    )
    a("")
    a("## Files")
    a("")
    a(
        md_table(
            ["file", "bytes", "content"],
            [
                [
                    "sample_municipality.gpkg",
                    sizes.get("sample_municipality.gpkg"),
                    "GeoPackage: boundary, green_space, plots, plot_centres, training, roads, water "
                    "(all EPSG:32647, R-tree spatial index on every layer)",
                ],
                [
                    "trees_2568.csv",
                    sizes.get("trees_2568.csv"),
                    "first tree measurement (2568 B.E.), UTF-8 with BOM, LF line ends, Thai headers",
                ],
                [
                    "trees_2572.csv",
                    sizes.get("trees_2572.csv"),
                    "re-measurement of the same plots and tags (2572 B.E.)",
                ],
                [
                    "trees_2568.xlsx",
                    sizes.get("trees_2568.xlsx"),
                    "the same rows as trees_2568.csv, one sheet `trees_2568`",
                ],
                [
                    "trees_2572.xlsx",
                    sizes.get("trees_2572.xlsx"),
                    "the same rows as trees_2572.csv, one sheet `trees_2572`",
                ],
                [
                    "sample_image.tif",
                    sizes.get("sample_image.tif"),
                    "4-band synthetic image (B, G, R, NIR), 10 m, uint16 reflectance × 10000",
                ],
                ["README.md", "", "this file (also generated)"],
            ],
        )
    )
    a("")
    a("Total without README: {:,} bytes.".format(sum(sizes.values())))
    a("")
    a("## GeoPackage layers")
    a("")
    a(
        "Thai aliases are given here; the generator also sets them as OGR *alternative names*, which "
        "GDAL ≥ 3.7 "
        "stores in `gpkg_data_columns` (GDAL 3.6 silently drops them, so the bundled file has none)."
    )
    a("")
    a("### `boundary` — 1 polygon")
    a("")
    a(
        md_table(
            ["field", "type", "Thai", "meaning"],
            [
                ["muni_code", "text", "รหัสเทศบาล", "municipality code, `{}`".format(MUNI_CODE)],
                ["name_th", "text", "ชื่อ (ไทย)", MUNI_NAME_TH],
                ["name_en", "text", "ชื่อ (อังกฤษ)", MUNI_NAME_EN],
                [
                    "muni_type",
                    "text",
                    "ประเภท อปท.",
                    "local-government type in Thai: `{}`".format(MUNI_TYPE_TH),
                ],
                [
                    "muni_type_en",
                    "text",
                    "ประเภท อปท. (อังกฤษ)",
                    "the same in English: `{}`".format(MUNI_TYPE_EN),
                ],
                [
                    "population",
                    "integer",
                    "จำนวนประชากร",
                    "registered population, {}".format(POPULATION),
                ],
                ["area_m2", "real", "พื้นที่ (ตร.ม.)", "polygon area, m²"],
            ],
        )
    )
    a("")
    a("### `green_space` — {} polygons".format(s["n_green"]))
    a("")
    a(
        "Single-part, valid, non-overlapping polygons, all inside the boundary (≥ 3 m from it). "
        "The big park `สวนสาธารณะเฉลิมพระเกียรติ` has a hole (its lake), to exercise polygons with "
        "interior rings."
    )
    a("")
    a(
        md_table(
            ["field", "type", "Thai", "meaning"],
            [
                [
                    "gs_id",
                    "text",
                    "รหัสพื้นที่สีเขียว",
                    "stable id `GS-0001`…, ordered by class (park, institutional, street, riparian, "
                    "residential), then north→south, west→east",
                ],
                [
                    "class_code",
                    "text",
                    "รหัสประเภท",
                    "`park` · `institutional` · `street` · `riparian` · `residential` (= plot stratum)",
                ],
                ["class_th", "text", "ประเภท (ไทย)", " · ".join(CLASS_TH[c] for c in CLASSES)],
                ["class_en", "text", "ประเภท (อังกฤษ)", " · ".join(CLASS_EN[c] for c in CLASSES)],
                [
                    "name_th",
                    "text",
                    "ชื่อ (ไทย)",
                    "name of parks, temples, schools, offices; `ริม<road>` for street green; "
                    "`ริมคลองตัวอย่าง` for canal banks; NULL for residential/vacant patches",
                ],
                ["name_en", "text", "ชื่อ (อังกฤษ)", "English name, NULL where name_th is NULL"],
                ["area_m2", "real", "พื้นที่ (ตร.ม.)", "polygon area, m² (0.1 m²)"],
            ],
        )
    )
    a("")
    a(
        "Shapes: 3 large parks (6–15 ha) and 4 pocket parks; 22 temple/school/office compounds (0.6–3 ha, "
        "rotated rectangles); street green as strips beside the carriageway, cut at junctions and "
        "every ~450 m "
        "(26–28 m green belts on the two main roads, 6–10 m verges on the others); 30 m canal banks cut into "
        "~450 m pieces and at bridges; irregular residential gardens / vacant lots (0.1–3 ha) filling "
        "the rest "
        "until the green share reaches {:.1f} %.".format(100 * TARGET_GREEN_SHARE)
    )
    a("")
    a("### `plots` — {} permanent sample plots (footprint polygons)".format(s["n_plots"]))
    a("")
    a(
        md_table(
            ["field", "type", "Thai", "meaning"],
            [
                [
                    "plot_id",
                    "text",
                    "รหัสแปลง",
                    "`<municipality code>-<stratum code>-<nnnn>`, e.g. `TH-SAMPLE-01-PK-0001`; stratum "
                    "codes PK park, IN institutional, ST street, RP riparian, RS residential; numbered "
                    "north→south within a stratum",
                ],
                ["stratum", "text", "ชั้นภูมิ", "= class_code of the green polygon"],
                ["gs_id", "text", "รหัสพื้นที่สีเขียว", "green polygon that contains the plot centre"],
                [
                    "shape",
                    "text",
                    "รูปร่างแปลง",
                    "`circle` (0.04 ha, radius 11.284 m) or `square` (40 × 40 m, axis-aligned)",
                ],
                ["size_m", "real", "รัศมี/ความกว้าง (ม.)", "radius (circle) or side (square), m"],
                [
                    "area_m2",
                    "real",
                    "พื้นที่แปลง (ตร.ม.)",
                    "nominal plot area: 400 (circle) or 1600 (square). The circle geometry is a 64-gon "
                    "(399.4 m²); use this field, not the geometry area",
                ],
                [
                    "fraction",
                    "real",
                    "สัดส่วนในพื้นที่สีเขียว",
                    "share of the plot inside its green polygon: 1.0, or < 1 for plots that straddle "
                    "the edge (trees were tallied only inside); effective area = area_m2 × fraction",
                ],
                [
                    "date_1",
                    "date",
                    "วันที่วัดครั้งที่ 1",
                    "first measurement, 2025-03-03…2025-03-22 (2568 B.E.)",
                ],
                [
                    "date_2",
                    "date",
                    "วันที่วัดครั้งที่ 2",
                    "re-measurement, 2029-03-05…2029-03-24 (2572 B.E.); NULL if abandoned",
                ],
                ["status", "text", "สถานะแปลง", "`active` or `abandoned`"],
                ["note", "text", "หมายเหตุ", "Thai + English remark for special plots, else NULL"],
            ],
        )
    )
    a("")
    a(
        "Every plot centre lies inside its green polygon; plots with fraction 1.0 lie wholly inside it; plot "
        "footprints do not overlap (centres ≥ 70 m apart)."
    )
    a("")
    a("### `plot_centres` — points, same ids")
    a("")
    a(
        "Fields `plot_id`, `stratum`, `gs_id`, `shape`, `status` as in `plots`. The point is the plot centre "
        "(= centroid of the footprint)."
    )
    a("")
    a(
        "### `training` — {} labelled polygons for image classification".format(
            sum(s["n_training"].values())
        )
    )
    a("")
    a(
        md_table(
            ["field", "type", "Thai", "meaning"],
            [
                ["train_id", "text", "รหัสตัวอย่าง", "`TR-001`…"],
                [
                    "lc_code",
                    "integer",
                    "รหัสสิ่งปกคลุม",
                    "1 tree canopy · 2 grass/shrub · 3 water · 4 built/bare",
                ],
                [
                    "lc_name",
                    "text",
                    "สิ่งปกคลุม (อังกฤษ)",
                    "tree canopy · grass/shrub · water · built/bare",
                ],
                [
                    "lc_name_th",
                    "text",
                    "สิ่งปกคลุม (ไทย)",
                    " · ".join(LC_NAMES[k][1] for k in (1, 2, 3, 4)),
                ],
                ["area_m2", "real", "พื้นที่ (ตร.ม.)", "polygon area, m²"],
            ],
        )
    )
    a("")
    a(
        "26 × 26 m squares over 3 × 3 image pixels that are ≥ 90 % (water ≥ 95 %) of one class in the "
        "generator's sub-pixel cover map, inside the town, ≥ 250 m apart (water ≥ 45 m); "
        "per class: {}.".format(
            ", ".join("{} = {}".format(LC_NAMES[k][0], s["n_training"][k]) for k in (1, 2, 3, 4))
        )
    )
    a("")
    a("### `roads` and `water` — context only")
    a("")
    a(
        "`roads`: centre lines clipped to the boundary (`road_id`, `name_th`, `name_en`, `road_class` "
        "main/secondary, "
        "`width_m` carriageway width). `water`: the canal `คลองตัวอย่าง` (24 m wide), the park lake "
        "and a retention "
        "pond (`water_id`, `name_th`, `name_en`, `area_m2`). Roads and water are not green space."
    )
    a("")
    a("## Tree tables (`trees_2568.*`, `trees_2572.*`)")
    a("")
    a(
        'CSV: UTF-8 **with BOM** (`encoding="utf-8-sig"`), comma-separated, LF line ends, one header '
        "row; numbers with a "
        "`.` decimal point and one decimal; empty cell = no value. XLSX: same rows, numbers as numeric "
        "cells, the "
        'one text-in-number cell as text. Read with `pandas.read_csv(path, encoding="utf-8-sig")` and '
        '`pandas.read_excel(path, engine="openpyxl")`.'
    )
    a("")
    a(
        md_table(
            ["column", "English", "meaning"],
            [
                ["รหัสแปลง", "plot id", "must match `plots.plot_id`"],
                [
                    "เลขป้าย",
                    "tree tag",
                    "integer, unique within a plot (1…n in 2568; ingrowth continues the numbering)",
                ],
                ["ชื่อพื้นเมือง", "Thai (vernacular) name", "e.g. จามจุรี"],
                ["ชื่อวิทยาศาสตร์", "scientific name", "binomial, e.g. *Samanea saman*"],
                [
                    "เส้นรอบวง_ซม",
                    "girth (circumference) at 1.30 m, cm",
                    "DBH = girth / π. For multi-stem trees this is the equivalent single-stem girth √(Σ gᵢ²)",
                ],
                [
                    "ความสูง_ม",
                    "total height, m",
                    "about 15 % blank (not measured); always blank for dead trees",
                ],
                ["สถานะ", "status", "`มีชีวิต` alive · `ตาย` dead · `ใหม่` new (ingrowth, 2572 only)"],
                [
                    "ลำต้น",
                    "stems",
                    "optional, multi-stem trees only: the girth of each stem in cm, `;`-separated, "
                    "e.g. `45.2;30.1` (takes precedence over เส้นรอบวง_ซม)",
                ],
            ],
        )
    )
    a("")
    a(
        md_table(
            ["", "2568 (trees_2568)", "2572 (trees_2572)"],
            [
                ["rows", s["n_rows_2568"], s["n_rows_2572"]],
                [
                    "มีชีวิต / ตาย / ใหม่",
                    "{} / {} / {}".format(st1.get(ALIVE, 0), st1.get(DEAD, 0), st1.get(NEW, 0)),
                    "{} / {} / {}".format(st2.get(ALIVE, 0), st2.get(DEAD, 0), st2.get(NEW, 0)),
                ],
            ],
        )
    )
    a("")
    a("How the trees were made:")
    a("")
    a(
        "- Trees per plot: uniform integer per 400 m², by stratum — park 12–32, institutional 8–24, "
        "street 4–12, "
        "riparian 10–30, residential 2–14 — times (plot area / 400) × fraction. Squares (1600 m²) hold "
        "~4× more rows."
    )
    a(
        "- DBH: species-specific log-normal, truncated to 4.6 cm … species maximum; 15 % of rain trees "
        "are old "
        "giants (65–120 cm). Palms have near-constant DBH; bamboo is one row per culm (5–15 cm)."
    )
    a(
        "- Height: Feldpausch et al. 2012 SE-Asia Weibull H = a(1 − exp(−b D^c)) (a 57.122, b 0.0332, "
        "c 0.8468) "
        "× 0.6 for open urban trees × a log-normal tree effect (σ 0.12) + noise (σ 0.3 m); palms and "
        "bamboo from "
        "species height ranges."
    )
    a("- Multi-stem: ~3.5 % of broadleaf trees < 45 cm DBH have 2–3 stems.")
    a(
        "- 2572: same plots and tags. Survivors grow (girth +1–3 cm/yr if DBH < 15 cm, +2–5 if 15–40, "
        "+3–6 if > 40; "
        "palms 0–1 cm in total, bamboo 0–0.4 cm); ~5 % die (bamboo culms 10 %): status `ตาย`, girth blank or "
        "the last value, no height; ~8 % ingrowth: new tags, status `ใหม่`, DBH 4.6–6.5 cm (palms/bamboo at "
        "full size). The two trees already dead in 2568 stay `ตาย` with their 2568 girth."
    )
    a("")
    a("### Species")
    a("")
    a(
        "Thai names follow the plugin's species table (Thai names there are general knowledge, "
        "to be verified against the BKF list). ไผ่ป่า "
        "*Bambusa bambos* "
        'is used instead of the ambiguous "ไผ่บงป่า". No bananas (not trees).'
    )
    a("")
    life_th = {"tree": "tree", "palm": "palm", "bamboo": "bamboo"}
    sp_rows = []
    for code in sorted(
        SPECIES, key=lambda c: (["tree", "palm", "bamboo"].index(SPECIES[c][2]), SPECIES[c][1])
    ):
        th, sci, life = SPECIES[code][0], SPECIES[code][1], SPECIES[code][2]
        strata = ", ".join(c for c in CLASSES if code in MIX[c])
        sp_rows.append([th, "*{}*".format(sci), life_th[life], strata])
    sp_rows.append(
        ["พะยูง", "*Dalbergia cochinchinensis*", "tree", "only in the 2572 species-change error"]
    )
    a(md_table(["Thai", "scientific", "life form", "strata where it occurs"], sp_rows))
    a("")
    a("## Special plots")
    a("")
    a(
        "- **Measured, no trees.** A plot whose status is `active` but has **no rows** in a tree table "
        "was measured "
        "and holds zero trees (a zero tally, carbon 0) — it is *not* missing data. Only `status = abandoned` "
        'means "not measured".'
    )
    a("- **Abandoned.** The abandoned plot has 2568 rows, `date_2` NULL and no 2572 rows.")
    a("")
    sp_plots = [
        [
            p["plot_id"],
            p["class"],
            p["gs_id"],
            p["fraction"],
            p["status"],
            n1.get(p["plot_id"], 0),
            n2.get(p["plot_id"], 0),
            p["note"],
        ]
        for p in plots
        if p["note"]
    ]
    a(
        md_table(
            ["plot_id", "stratum", "gs_id", "fraction", "status", "rows 2568", "rows 2572", "note"],
            sp_plots,
        )
    )
    a("")
    a("## Deliberately bad rows")
    a("")
    a(
        "Expected behaviour is described in words; the plugin's own flag codes may differ. \"true "
        'value" is what '
        "the generator used internally (and what 2572 grows from)."
    )
    a("")
    a("### trees_2568 ({} rows)".format(len(s["bad_2568"])))
    a("")
    a(
        md_table(
            [
                "รหัสแปลง",
                "เลขป้าย",
                "column",
                "value in file",
                "true value",
                "problem",
                "expected flag / handling",
            ],
            [
                [b["plot_id"], b["tag"], b["field"], b["value"], b["true"], b["issue"], b["flag"]]
                for b in s["bad_2568"]
            ],
        )
    )
    a("")
    a(
        "In 2572 these trees are measured correctly, except: the unknown species and the misspelled name are "
        "repeated (the crew copied the 2568 list), and the sapling is re-measured at girth 16.5 cm "
        "(DBH 5.3 cm), "
        "so it crosses the 4.5 cm threshold — it enters the tree pool as ingrowth by size, not as a new tag. "
        "The ghost-plot row has no 2572 counterpart."
    )
    a("")
    a("### trees_2572 ({} inconsistencies)".format(len(s["bad_2572"])))
    a("")
    a(
        md_table(
            [
                "รหัสแปลง",
                "เลขป้าย",
                "column",
                "value in file",
                "2568 / other value",
                "problem",
                "expected flag / handling",
            ],
            [
                [b["plot_id"], b["tag"], b["field"], b["value"], b["true"], b["issue"], b["flag"]]
                for b in s["bad_2572"]
            ],
        )
    )
    a("")
    a(
        "Apart from the shrinking tree above, no tree alive in both years has a smaller girth in 2572 "
        "than in "
        "2568 (rows whose 2568 girth is bad excluded)."
    )
    a("")
    a("## sample_image.tif")
    a("")
    a(
        "- {} × {} pixels, 10 m, EPSG:{}, origin (upper-left) E {:.0f}, N {:.0f}; covers the town and "
        "a 100 m "
        "margin.".format(IMG_W, IMG_H, EPSG, IMG_X0, IMG_Y1)
    )
    a(
        "- 4 bands uint16, descriptions `Blue`, `Green`, `Red`, `NIR` (band metadata WAVELENGTH_NM "
        "490/560/665/842, "
        "Sentinel-2-like); reflectance = DN × 0.0001 (band scale 0.0001, offset 0); nodata 0; DEFLATE + "
        "horizontal predictor."
    )
    a(
        "- Nodata: the {} pixels in the north-west corner with column + row < 7 (a scene edge).".format(
            28
        )
    )
    a(
        "- How: the vector layers are rasterised on a 2 m grid into six cover types, which are "
        "averaged to 10 m "
        "(so edges are mixed pixels) with these end-member reflectances, then ±6 % smooth brightness "
        "variation and "
        "σ 0.004 noise are added:"
    )
    a("")
    a(
        md_table(
            ["cover", "B", "G", "R", "NIR", "training class"],
            [
                [n, *["{:.3f}".format(v) for v in ENDMEMBER[i]], LC_NAMES[int(LC_OF_COVER[i])][0]]
                for i, n in enumerate(
                    ["tree canopy", "grass/shrub", "water", "roof", "paved (roads)", "bare soil"]
                )
            ],
        )
    )
    a("")
    a(
        "- Canopy share inside green polygons: "
        + ", ".join("{} {:.0f} %".format(c, 100 * CANOPY_SHARE[c]) for c in CLASSES)
        + " (blobby crowns from smoothed noise; the rest grass, plus footpaths, roofs or bare ground "
        "by class). "
        "Built-up land between green polygons: 12 m blocks of roofs / paved / bare / gardens with "
        "scattered trees. "
        "Outside the boundary: rice-field parcels (green rice, fallow, a few flooded)."
    )
    a("")
    a("## Caveats")
    a("")
    a(
        "- Fictional data: useful for testing workflows and code paths, not for calibrating anything."
    )
    a(
        "- Plot layout and sizes (0.04 ha circles, 40 × 40 m squares) follow i-Tree Eco (0.04 ha) "
        "and GISTDA (40 × 40 m) practice; the "
        "DCCE/KU "
        "protocol is not public, so nothing here claims to follow it."
    )
    a(
        "- The duplicate tag means a naive join of 2568 and 2572 on (plot, tag) yields one extra pair."
    )
    a("")
    a("## All plots")
    a("")
    a(
        md_table(
            [
                "plot_id",
                "stratum",
                "gs_id",
                "shape",
                "fraction",
                "status",
                "date_1",
                "date_2",
                "rows 2568",
                "rows 2572",
            ],
            [
                [
                    p["plot_id"],
                    p["class"],
                    p["gs_id"],
                    p["shape"],
                    p["fraction"],
                    p["status"],
                    p["date_1"],
                    p["date_2"] or "",
                    n1.get(p["plot_id"], 0),
                    n2.get(p["plot_id"], 0),
                ]
                for p in plots
            ],
        )
    )
    a("")
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------


def build(out_dir: str, quiet: bool = False) -> Dict:
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(SEED)
    town = Town(rng)
    plots = make_plots(town, np.random.default_rng(SEED + 1))

    # special plots: two vacant plots measured with no trees (one gets one ingrowth tree by
    # 2572), one street plot abandoned before the re-measurement (no 2572 rows, no date_2).
    prng = np.random.default_rng(SEED + 2)
    rs = [p for p in plots if p["class"] == "residential" and p["fraction"] == 1.0]
    z1, z2 = [rs[i] for i in sorted(prng.choice(len(rs), 2, replace=False).tolist())]
    z1["zero_trees"] = True
    z1["note"] = "วัดแล้ว ไม่พบต้นไม้ทั้ง 2 ครั้ง (measured, no trees in 2568 or 2572)"
    z2["zero_trees"] = True
    z2["ingrowth_after_zero"] = True
    z2["note"] = "วัดแล้ว ไม่พบต้นไม้ในปี 2568; พบไม้ใหม่ในปี 2572 (no trees in 2568, ingrowth by 2572)"
    st = [p for p in plots if p["class"] == "street" and p["fraction"] == 1.0]
    ab = st[int(prng.integers(len(st)))]
    ab["status"] = "abandoned"
    ab["date_2"] = None
    ab["note"] = "ยกเลิก: ขยายถนนปี 2571 (abandoned: road widening in 2571 B.E.)"
    for p in plots:
        if p["fraction"] < 1.0:
            p["note"] = "แปลงคร่อมขอบพื้นที่สีเขียว (plot straddles the green-space edge)"

    trng = np.random.default_rng(SEED + 3)
    trees = make_trees(plots, trng)
    rows1, rows2, _ = tree_tables(plots, trees, trng)
    bad1, bad2 = inject_bad_rows(rows1, rows2, plots, trng)
    sort_rows(rows1)
    sort_rows(rows2)

    irng = np.random.default_rng(SEED + 4)
    cover = make_cover(town, irng)
    frac = make_image(os.path.join(out_dir, "sample_image.tif"), cover, irng)
    training = make_training(town, frac, np.random.default_rng(SEED + 5))

    write_gpkg(os.path.join(out_dir, "sample_municipality.gpkg"), town, plots, training)
    write_csv(os.path.join(out_dir, "trees_2568.csv"), rows1)
    write_csv(os.path.join(out_dir, "trees_2572.csv"), rows2)
    write_xlsx(os.path.join(out_dir, "trees_2568.xlsx"), rows1, "trees_2568")
    write_xlsx(os.path.join(out_dir, "trees_2572.xlsx"), rows2, "trees_2572")

    summary = {
        "muni_area_ha": town.boundary.GetArea() / 1e4,
        "green_area_ha": sum(g["geom"].GetArea() for g in town.green) / 1e4,
        "n_green": len(town.green),
        "per_class": {c: sum(1 for g in town.green if g["class"] == c) for c in CLASSES},
        "area_per_class_ha": {
            c: round(sum(g["geom"].GetArea() for g in town.green if g["class"] == c) / 1e4, 2)
            for c in CLASSES
        },
        "n_plots": len(plots),
        "plots_per_class": {c: sum(1 for p in plots if p["class"] == c) for c in CLASSES},
        "n_rows_2568": len(rows1),
        "n_rows_2572": len(rows2),
        "n_training": {c: sum(1 for t in training if t["lc_code"] == c) for c in (1, 2, 3, 4)},
        "bad_2568": bad1,
        "bad_2572": bad2,
        "special_plots": {p["plot_id"]: p["note"] for p in plots if p["note"]},
    }
    summary["green_share"] = summary["green_area_ha"] / summary["muni_area_ha"]
    write_readme(out_dir, summary, plots, rows1, rows2)
    if not quiet:
        import json

        print(json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    return summary


def main(argv: Optional[Sequence[str]] = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out",
        default=os.path.join(os.path.dirname(here), "resources", "sample"),
        help="output folder (default: resources/sample)",
    )
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    build(args.out, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
