#!/usr/bin/env python3
"""Build the yearly-workflow Processing model with the PyQGIS model API and save it as .model3.

    .venv/bin/python scripts/make_model.py            # -> carbon_pool_plugin/models/carbon_pool_yearly.model3

The model chains carbonpool:treebiomass -> carbonpool:plotcarbon -> carbonpool:stratifiedestimate ->
carbonpool:carbonreport. It ships inside the plugin (carbon_pool_plugin/models/), where the provider
registers it as ``carbonpool:carbon_pool_yearly``; the same file opens in the model designer and
runs with ``qgis_process run <path to .model3> -- ...``.

The XML is never edited by hand: change this script and re-run it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "carbon_pool_plugin" / "models" / "carbon_pool_yearly.model3"
MODEL_NAME = "carbon_pool_yearly"
MODEL_GROUP = "Urban Carbon Pool"


def build_model():
    from qgis.core import (
        QgsApplication,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF, QSizeF

    registry = QgsApplication.processingRegistry()
    needed = [
        "carbonpool:treebiomass",
        "carbonpool:plotcarbon",
        "carbonpool:stratifiedestimate",
        "carbonpool:carbonreport",
    ]
    missing = [a for a in needed if registry.algorithmById(a) is None]
    if missing:
        sys.exit("make_model.py: algorithms not registered: " + ", ".join(missing))

    # (name, group, group id); the name is also the id when the provider registers the model.
    model = QgsProcessingModelAlgorithm(MODEL_NAME, MODEL_GROUP, "carbonpool")
    help_content = {
        "ALG_DESC": (
            "The yearly workflow of the Urban Carbon Pool plugin in one model: tree biomass and "
            "carbon from the field inventory (carbonpool:treebiomass), carbon per plot "
            "(carbonpool:plotcarbon), the stratified estimate over the green-space polygons with "
            "its carbon-stock map and stratum table (carbonpool:stratifiedestimate), and the "
            "municipal report as PDF and HTML (carbonpool:carbonreport). Open it in the model "
            "designer to change a step, or run it with qgis_process run <model file>."
        ),
        "ALG_CREATOR": "Urban Carbon Pool developers",
        "ALG_VERSION": "1",
    }
    y = {"value": 60.0}

    def add_param(definition, help_text, x=120.0):
        definition.setHelp(help_text)
        help_content[definition.name()] = help_text
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y["value"]))
        component.setSize(QSizeF(180, 30))
        y["value"] += 60.0
        model.addModelParameter(definition, component)

    vector = [QgsProcessing.SourceType.TypeVector]
    polygon = [QgsProcessing.SourceType.TypeVectorPolygon]

    def field_param(name, label, parent, help_text, optional=True, numeric=False):
        kind = (
            QgsProcessingParameterField.DataType.Numeric
            if numeric
            else QgsProcessingParameterField.DataType.Any
        )
        add_param(
            QgsProcessingParameterField(
                name, label, parentLayerParameterName=parent, type=kind, optional=optional
            ),
            help_text,
        )

    # -- model inputs ------------------------------------------------------------------------------
    add_param(
        QgsProcessingParameterFeatureSource("trees", "Tree inventory", vector),
        "Layer or table with one row per tree (CSV, XLSX, GPKG…), Thai or English headers.",
    )
    field_param("species_field", "Species field", "trees", "Scientific or Thai species name.")
    field_param(
        "dbh_field",
        "DBH or girth field",
        "trees",
        "Stem diameter or girth at 1.30 m; its unit is set by DBH unit.",
        optional=False,
    )
    add_param(
        QgsProcessingParameterEnum(
            "dbh_unit",
            "DBH unit",
            options=[
                "Diameter in cm",
                "Diameter in mm",
                "Girth (circumference) in cm",
                "Girth (circumference) in m",
            ],
            defaultValue=0,
        ),
        "0 cm, 1 mm, 2 girth in cm, 3 girth in m (girth is converted: D = girth / π).",
    )
    field_param(
        "height_field", "Height field (m)", "trees", "Optional total tree height in metres."
    )
    field_param(
        "stems_field", "Multi-stem field", "trees", 'Optional stem sizes in one cell, e.g. "45;30".'
    )
    field_param(
        "tree_plot_field",
        "Plot id field of the trees",
        "trees",
        "Empty: detected (plot_id, รหัสแปลง).",
    )
    add_param(
        QgsProcessingParameterEnum(
            "method",
            "Method pack",
            options=["T-VER (TGO)", "i-Tree compatible", "IPCC 2019"],
            defaultValue=0,
        ),
        "Carbon fraction, root:shoot ratio and default equations (0 T-VER, 1 i-Tree, 2 IPCC).",
    )
    add_param(
        QgsProcessingParameterFeatureSource("plots", "Sample plots", vector),
        "Plot footprints (polygons), centres (points) or a table of plots.",
    )
    field_param("plot_id_field", "Plot id field", "plots", "Empty: detected (plot_id, รหัสแปลง).")
    field_param(
        "plot_area_field",
        "Plot area field (m²)",
        "plots",
        "Nominal plot area in m²; empty: polygon area.",
        numeric=True,
    )
    field_param(
        "fraction_field",
        "Measured fraction field",
        "plots",
        "Optional share (0–1] of the plot that was measured.",
        numeric=True,
    )
    field_param(
        "plot_stratum_field",
        "Plot stratum field",
        "plots",
        "Empty: detected (stratum, class_code).",
    )
    field_param(
        "date_field", "Measurement date field", "plots", "Optional measurement date of each plot."
    )
    add_param(
        QgsProcessingParameterFeatureSource(
            "green_space", "Green-space polygons (strata)", polygon
        ),
        "Every green-space polygon with its stratum (class).",
    )
    field_param(
        "stratum_field",
        "Stratum field of the polygons",
        "green_space",
        "Empty: detected (stratum, class_code).",
    )
    add_param(
        QgsProcessingParameterFeatureSource(
            "boundary", "Municipality boundary", polygon, optional=True
        ),
        "Optional: map frame, municipality area and green share.",
    )
    add_param(
        QgsProcessingParameterString(
            "municipality", "Municipality", optional=True, defaultValue=""
        ),
        "Name shown in the report; empty: read from the boundary.",
    )
    add_param(
        QgsProcessingParameterNumber(
            "year",
            "Inventory year (B.E.)",
            type=QgsProcessingParameterNumber.Type.Integer,
            optional=True,
        ),
        "Year of the inventory, e.g. 2568; empty: from the plot dates.",
    )

    # Report options mirror the registered carbonreport (same option lists and defaults).
    report_alg = registry.algorithmById("carbonpool:carbonreport")
    report_inputs = {p.name() for p in report_alg.parameterDefinitions()}
    mirrored = {}
    for key, name, label, help_text in (
        (
            "MUNICIPALITY_TYPE",
            "municipality_type",
            "Municipality type",
            "Sets the green-share target.",
        ),
        ("LANGUAGE", "language", "Report language", "Language of the PDF and HTML report."),
    ):
        definition = report_alg.parameterDefinition(key)
        if definition is None:
            continue
        add_param(
            QgsProcessingParameterEnum(
                name,
                label,
                options=list(definition.options()),
                defaultValue=definition.defaultValue(),
            ),
            help_text,
        )
        mirrored[key] = name

    # -- children ----------------------------------------------------------------------------------
    def src_param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def src_child(child_id, output):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)]

    def src_static(value):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(value)]

    x = {"value": 480.0}

    def add_child(alg_id, child_id, description, sources, outputs, depends=()):
        alg = registry.algorithmById(alg_id)
        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(x["value"], 120.0 + 150.0 * len(model.childAlgorithms())))
        child.setSize(QSizeF(240, 30))
        for key, source in sources.items():
            if alg.parameterDefinition(key) is None:
                sys.exit("make_model.py: {} has no parameter {}".format(alg_id, key))
            child.addParameterSources(key, source)
        model_outputs = {}
        for output_name, (child_output, description_text, _final) in outputs.items():
            out = QgsProcessingModelOutput(output_name, description_text)
            out.setChildId(child_id)
            out.setChildOutputName(child_output)
            out.setMandatory(False)
            out.setDefaultValue("TEMPORARY_OUTPUT")
            out.setPosition(
                QPointF(x["value"] + 300.0, 120.0 + 150.0 * len(model.childAlgorithms()))
            )
            model_outputs[output_name] = out
        child.setModelOutputs(model_outputs)
        if depends:
            from qgis.core import QgsProcessingModelChildDependency

            child.setDependencies([QgsProcessingModelChildDependency(d) for d in depends])
        model.addChildAlgorithm(child)

    add_child(
        "carbonpool:treebiomass",
        "treebiomass",
        "Tree biomass and carbon",
        {
            "INPUT": src_param("trees"),
            "SPECIES_FIELD": src_param("species_field"),
            "DBH_FIELD": src_param("dbh_field"),
            "DBH_UNIT": src_param("dbh_unit"),
            "HEIGHT_FIELD": src_param("height_field"),
            "STEMS_FIELD": src_param("stems_field"),
            "PLOT_FIELD": src_param("tree_plot_field"),
            "METHOD": src_param("method"),
            "EQUATION": src_static("auto"),
        },
        {},  # intermediate: the model writes it to a temporary layer
    )
    add_child(
        "carbonpool:plotcarbon",
        "plotcarbon",
        "Plot carbon",
        {
            "TREES": src_child("treebiomass", "OUTPUT"),
            "TREE_PLOT_FIELD": src_param("tree_plot_field"),
            "PLOTS": src_param("plots"),
            "PLOT_ID_FIELD": src_param("plot_id_field"),
            "PLOT_AREA_FIELD": src_param("plot_area_field"),
            "FRACTION_FIELD": src_param("fraction_field"),
            "STRATUM_FIELD": src_param("plot_stratum_field"),
            "DATE_FIELD": src_param("date_field"),
        },
        {},
    )
    add_child(
        "carbonpool:stratifiedestimate",
        "stratifiedestimate",
        "Stratified estimate and carbon-stock map",
        {
            "PLOTS": src_child("plotcarbon", "OUTPUT"),
            "DENSITY_FIELD": src_static("carbon_t_ha"),
            "STRATA": src_param("green_space"),
            "STRATUM_FIELD": src_param("stratum_field"),
            "BOUNDARY": src_param("boundary"),
            "MUNICIPALITY": src_param("municipality"),
            "YEAR": src_param("year"),
        },
        {
            "carbon_map": ("OUTPUT", "Carbon-stock map", True),
            "carbon_strata": ("OUTPUT_STRATA", "Stratum table", True),
        },
    )
    report_sources = report_child_sources(report_inputs, mirrored, src_param, src_child)
    report_outputs = {}
    for key, name, label in (
        ("OUTPUT_PDF", "report_pdf", "Report (PDF)"),
        ("OUTPUT_HTML", "report_html", "Report (HTML)"),
    ):
        if key in report_inputs:
            report_outputs[name] = (key, label, True)
    add_child(
        "carbonpool:carbonreport",
        "carbonreport",
        "Municipal carbon report",
        report_sources,
        report_outputs,
    )
    model.setHelpContent(help_content)
    model.updateDestinationParameters()
    return model


def report_child_sources(report_inputs, mirrored, src_param, src_child):
    """Map the report's inputs to the model's."""
    wanted = {
        "CARBON_MAP": src_child("stratifiedestimate", "OUTPUT"),
        "STRATA_TABLE": src_child("stratifiedestimate", "OUTPUT_STRATA"),
        "TREES": src_child("treebiomass", "OUTPUT"),
        "BOUNDARY": src_param("boundary"),
        "MUNICIPALITY_NAME": src_param("municipality"),
    }
    sources = {k: v for k, v in wanted.items() if k in report_inputs}
    for key, name in mirrored.items():
        sources[key] = src_param(name)
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    import carbon_pool_plugin

    plugin = carbon_pool_plugin.classFactory(None)
    plugin.initProcessing()
    model = build_model()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(args.out)):
        sys.exit("could not write " + str(args.out))
    print(
        "wrote {} ({} steps, {} inputs)".format(
            args.out, len(model.childAlgorithms()), len(model.parameterComponents())
        )
    )
    app.exitQgis()


if __name__ == "__main__":
    main()
