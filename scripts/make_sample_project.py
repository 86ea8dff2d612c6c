#!/usr/bin/env python3
"""Write a small QGIS project over the bundled sample municipality (relative paths).

    .venv/bin/python scripts/make_sample_project.py --out build/screenshots/sample_project.qgz \
        [--output-folder DIR] [--language th|en]

QGIS writes a layer path relative only when the project file and the data share the first folder of
their paths, so keep the project inside the repository (``make screenshots`` uses build/screenshots/).

Layers: boundary, green space (styled by class), plots, and the two tree tables. The Carbon Pool
dock's settings (scope ``carbonpool``) are stored in the project, so opening it fills the dock.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "sample"


def build(out: Path, output_folder: str = "", language: str = "th") -> None:
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsCoordinateReferenceSystem,
        QgsFillSymbol,
        QgsProject,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    gpkg = SAMPLE / "sample_municipality.gpkg"
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:32647"))
    project.setTitle("เทศบาลเมืองตัวอย่าง — sample (fictional)")
    project.writeEntryBool("Paths", "/Absolute", False)  # relative paths (same top folder only)

    def vector(uri, name, provider="ogr"):
        layer = QgsVectorLayer(str(uri), name, provider)
        if not layer.isValid():
            sys.exit("invalid layer: {}".format(uri))
        return layer

    boundary = vector("{}|layername=boundary".format(gpkg), "boundary")
    boundary.setRenderer(
        boundary.renderer().__class__(
            QgsFillSymbol.createSimple(
                {"color": "0,0,0,0", "outline_color": "60,60,60", "outline_width": "0.6"}
            )
        )
    )
    green = vector("{}|layername=green_space".format(gpkg), "green_space")
    colours = {
        "park": "27,120,55",
        "institutional": "90,174,97",
        "street": "166,219,160",
        "riparian": "64,146,180",
        "residential": "217,240,211",
    }
    categories = [
        QgsRendererCategory(
            code,
            QgsFillSymbol.createSimple(
                {"color": rgb, "outline_color": "80,80,80", "outline_width": "0.1"}
            ),
            code,
        )
        for code, rgb in colours.items()
    ]
    green.setRenderer(QgsCategorizedSymbolRenderer("class_code", categories))
    plots = vector("{}|layername=plots".format(gpkg), "plots")
    plots.setRenderer(
        plots.renderer().__class__(
            QgsFillSymbol.createSimple(
                {"color": "255,200,0,180", "outline_color": "120,60,0", "outline_width": "0.3"}
            )
        )
    )
    trees = vector(SAMPLE / "trees_2568.csv", "trees_2568")
    trees2 = vector(SAMPLE / "trees_2572.csv", "trees_2572")
    project.addMapLayers([green, plots, boundary, trees, trees2])

    scope = "carbonpool"
    for key, value in {
        "greenLayer": green.id(),
        "plotsLayer": plots.id(),
        "treesLayer": trees.id(),
        "trees2Layer": trees2.id(),
        "boundaryLayer": boundary.id(),
        "speciesField": "ชื่อวิทยาศาสตร์",
        "dbhField": "เส้นรอบวง_ซม",
        "dbhUnit": "girth_cm",
        "heightField": "ความสูง_ม",
        "treePlotField": "รหัสแปลง",
        "stemsField": "ลำต้น",
        "plotIdField": "plot_id",
        "plotStratumField": "stratum",
        "plotAreaField": "area_m2",
        "fractionField": "fraction",
        "date1Field": "date_1",
        "date2Field": "date_2",
        "greenStratumField": "class_code",
        "method": "tver",
        "muniName": "เทศบาลเมืองตัวอย่าง",
        "language": language,
        "outputFolder": output_folder,
    }.items():
        project.writeEntry(scope, key, value)
    for key, value in {"muniType": 1, "population": 38500, "yearBe": 2568}.items():
        project.writeEntry(scope, key, value)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not project.write(str(out)):
        sys.exit("could not write {}".format(out))
    print("wrote {}".format(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--output-folder", default="")
    parser.add_argument("--language", default="th", choices=["th", "en"])
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    build(args.out.resolve(), args.output_folder, args.language)
    app.exitQgis()


if __name__ == "__main__":
    main()
