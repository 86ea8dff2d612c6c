"""carbonpool:batchassessment — the yearly workflow for many municipalities in one call.

For every municipality code found in the trees, plots and green-space inputs, the registered
algorithms run one after the other — treebiomass → plotcarbon → stratifiedestimate, optionally
carbonreport and exportgreenarea — on that municipality's features only. The parameters of the
chain come from :func:`workflow_steps.build_steps` (the Carbon Pool dock's own chain), so nothing here
re-implements an algorithm.

Memory is bounded by the largest municipality: each input is read through a
``QgsFeatureRequest`` filter expression (compiled to the provider's SQL where it can be) into a
small in-memory layer for that municipality alone, which is dropped before the next one.

Each municipality is written into a private ``OUTPUT_FOLDER/.partial-<hash of code>-*`` folder; its
``done.json`` (with the hash of the settings) is written last, atomically, and only then is the
folder renamed to ``OUTPUT_FOLDER/<code>``. A folder ``<code>`` therefore always holds a complete
result, and a re-run skips it unless the settings changed or FORCE is set. A municipality whose
data make a step fail is reported in the summary (status failed, with the message) and the batch
goes on; a cancel stops between or inside steps and leaves no partial folder behind.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import traceback
from pathlib import Path

from qgis.core import (
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import qgis_io
from ..core.names import short_hash, unique_folder_names
from ..paths import plugin_version
from .base import CarbonPoolAlgorithm
from .plots_common import add_plot_fields, add_small_strata_parameters, add_tree_plot_fields

DONE_FILE = "done.json"
PARTIAL_PREFIX = ".partial-"
METHODS = ["tver", "itree", "ipcc"]  # = workflow_steps.METHODS = treebiomass METHOD 0..2
DBH_UNITS = ["cm", "mm", "girth_cm", "girth_m"]  # = treebiomass DBH_UNIT
LANGUAGES = ["th", "en"]
NAME_FIELD_CANDIDATES = ("name_th", "name_en", "name")

SUMMARY_COLUMNS = [
    ("code", "string"),
    ("name", "string"),
    ("status", "string"),
    ("n_trees", "int"),
    ("n_plots", "int"),
    ("area_ha", "double"),
    ("total_tco2e", "double"),
    ("ci95_low", "double"),
    ("ci95_high", "double"),
    ("u90_pct", "double"),
    ("folder", "string"),
    ("message", "string"),
]

#: parameters that do not change a municipality's result (left out of the settings hash)
_NOT_HASHED = ("OUTPUT_FOLDER", "OUTPUT_SUMMARY", "FORCE", "MUNICIPALITIES")


def partial_prefix(code: str) -> str:
    """Prefix of the private working folders of ``code``: a fixed-length hash, so no other
    code's folders ever match it (``A`` vs ``A-1``, Thai codes)."""
    return "{}{}-".format(PARTIAL_PREFIX, short_hash(code, 12))


#: a private working folder untouched this long belongs to a run that was killed: removed
STALE_PARTIAL_SECONDS = 6 * 3600


def remove_stale_partials(root: Path, code: str) -> None:
    """Remove ``code``'s working folders left by killed runs (not those of a run going on now in
    another QGIS: their folders are younger than :data:`STALE_PARTIAL_SECONDS`)."""
    qgis_io.remove_stale_folders(root, partial_prefix(code), STALE_PARTIAL_SECONDS)


def settings_hash(settings: dict) -> str:
    text = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_done(folder: Path):
    """The completion marker of ``folder`` as a dict, or None (missing or unreadable)."""
    try:
        with open(folder / DONE_FILE, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_json_atomic(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, default=str)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        qgis_io.default_file_mode(tmp)
        os.replace(tmp, str(path))
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def commit_folder(partial: Path, final: Path) -> None:
    """Rename the finished ``partial`` folder to ``final`` (an older ``final`` is replaced)."""
    old = None
    if final.exists():
        old = final.with_name("{}old-{}-{}".format(PARTIAL_PREFIX, final.name, os.getpid()))
        if old.exists():
            shutil.rmtree(str(old), ignore_errors=True)
        os.replace(str(final), str(old))
    try:
        os.replace(str(partial), str(final))
    except OSError:
        if old is not None:  # put the previous complete result back
            os.replace(str(old), str(final))
        raise
    if old is not None:
        shutil.rmtree(str(old), ignore_errors=True)


def _plain(value):
    """Child results as JSON-able values."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


class BatchAssessmentAlgorithm(CarbonPoolAlgorithm):
    TREES = "TREES"
    PLOTS = "PLOTS"
    STRATA = "STRATA"
    BOUNDARY = "BOUNDARY"
    MUNI_FIELD = "MUNI_FIELD"
    TREES_MUNI_FIELD = "TREES_MUNI_FIELD"
    PLOTS_MUNI_FIELD = "PLOTS_MUNI_FIELD"
    STRATA_MUNI_FIELD = "STRATA_MUNI_FIELD"
    BOUNDARY_MUNI_FIELD = "BOUNDARY_MUNI_FIELD"
    NAME_FIELD = "NAME_FIELD"
    MUNICIPALITIES = "MUNICIPALITIES"
    SPECIES_FIELD = "SPECIES_FIELD"
    DBH_FIELD = "DBH_FIELD"
    DBH_UNIT = "DBH_UNIT"
    STEMS_FIELD = "STEMS_FIELD"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    TREE_PLOT_FIELD = "TREE_PLOT_FIELD"
    TREE_STATUS_FIELD = "TREE_STATUS_FIELD"
    METHOD = "METHOD"
    PLOT_ID_FIELD = "PLOT_ID_FIELD"
    PLOT_AREA_FIELD = "PLOT_AREA_FIELD"
    FRACTION_FIELD = "FRACTION_FIELD"
    PLOT_STRATUM_FIELD = "PLOT_STRATUM_FIELD"
    PLOT_STATUS_FIELD = "PLOT_STATUS_FIELD"
    DATE_FIELD = "DATE_FIELD"
    STRATUM_FIELD = "STRATUM_FIELD"
    SMALL_STRATA = "SMALL_STRATA"
    MERGE_MAP = "MERGE_MAP"
    YEAR = "YEAR"
    MUNI_TYPE = "MUNI_TYPE"
    LANGUAGE = "LANGUAGE"
    REPORT = "REPORT"
    EXPORT = "EXPORT"
    FORCE = "FORCE"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    N_OK = "N_OK"
    N_FAILED = "N_FAILED"
    N_SKIPPED = "N_SKIPPED"

    GROUP_ID = "reporting"

    def name(self) -> str:
        return "batchassessment"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Batch assessment across municipalities")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Runs the yearly workflow — Tree biomass → Plot carbon → Stratified estimate, and "
            "optionally the report (PDF/HTML) and the GreenArea export — for every municipality "
            "in one call. The trees, plots and green-space polygons (and the optional boundaries) "
            "all carry a municipality-code field; each municipality is read and computed on its "
            "own, so memory is bounded by the largest municipality, not the province.\n\n"
            "Results go to Output folder/<code>/ (trees_biomass.gpkg, plot_carbon.gpkg, "
            "carbon_map.gpkg, carbon_strata.csv, [carbon_report.pdf/html], [greenarea/]) plus "
            "done.json, written last. A folder appears only when its municipality is complete.\n\n"
            "A municipality whose data make a step fail is listed in the summary table as failed, "
            "with the message, and the batch goes on. Re-running the batch skips municipalities "
            "already done with the same settings (resume after an interruption); tick Recompute "
            "to redo them. Municipalities with green space but no trees and no plots are skipped."
        )

    # -- parameters ------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        self._add(
            QgsProcessingParameterFeatureSource(
                self.TREES,
                self.tr("Tree inventory (all municipalities)"),
                [QgsProcessing.SourceType.TypeVector],
            ),
            self.tr("One row per tree with a municipality-code field (GPKG, CSV, PostGIS …)."),
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.PLOTS,
                self.tr("Plots (all municipalities)"),
                [QgsProcessing.SourceType.TypeVector],
            ),
            self.tr("Plot footprints, centres or a table, with the municipality-code field."),
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.STRATA,
                self.tr("Green-space polygons (all municipalities)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            ),
            self.tr("Green-space polygons with their stratum and the municipality-code field."),
        )
        self._add(
            QgsProcessingParameterFeatureSource(
                self.BOUNDARY,
                self.tr("Municipality boundaries"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            ),
            self.tr(
                "Optional: the green share, the name of each municipality and the report map "
                "extent. Needs the municipality-code field too."
            ),
        )
        self._add(
            QgsProcessingParameterString(
                self.MUNI_FIELD, self.tr("Municipality-code field"), defaultValue="muni_code"
            ),
            self.tr("Name of the code field in every input; the fields below override it."),
        )
        for key, label, parent in (
            (self.TREES_MUNI_FIELD, self.tr("Code field of the trees"), self.TREES),
            (self.PLOTS_MUNI_FIELD, self.tr("Code field of the plots"), self.PLOTS),
            (self.STRATA_MUNI_FIELD, self.tr("Code field of the green space"), self.STRATA),
            (self.BOUNDARY_MUNI_FIELD, self.tr("Code field of the boundaries"), self.BOUNDARY),
        ):
            self._field(key, label, parent, self.tr("Empty: the municipality-code field."))
        self._field(
            self.NAME_FIELD,
            self.tr("Name field of the boundaries"),
            self.BOUNDARY,
            self.tr("Empty: name_th, name_en or name when present; else the code is the name."),
        )
        self._add(
            QgsProcessingParameterString(
                self.MUNICIPALITIES,
                self.tr("Only these municipalities"),
                optional=True,
                defaultValue="",
            ),
            self.tr("Optional codes separated by commas or semicolons; empty: every code found."),
        )
        # -- trees (as carbonpool:treebiomass) ----------------------------------------------------
        self._field(
            self.SPECIES_FIELD,
            self.tr("Species field"),
            self.TREES,
            self.tr("Scientific or Thai species name (as in Tree biomass)."),
        )
        self._field(
            self.DBH_FIELD,
            self.tr("DBH or girth field"),
            self.TREES,
            self.tr("Stem diameter or girth at 1.30 m; its unit is set by DBH unit."),
            optional=False,
        )
        self._add(
            QgsProcessingParameterEnum(
                self.DBH_UNIT,
                self.tr("DBH unit"),
                options=[
                    self.tr("Diameter in cm"),
                    self.tr("Diameter in mm"),
                    self.tr("Girth (circumference) in cm"),
                    self.tr("Girth (circumference) in m"),
                ],
                defaultValue=0,
            ),
            self.tr("Girth is converted once to diameter: D = girth / π."),
        )
        self._field(
            self.STEMS_FIELD,
            self.tr("Multi-stem field"),
            self.TREES,
            self.tr('Optional: several stems in one cell ("45;30"), same unit as DBH.'),
        )
        self._field(
            self.HEIGHT_FIELD,
            self.tr("Height field (m)"),
            self.TREES,
            self.tr("Optional total height; missing heights use the local H–D model."),
        )
        add_tree_plot_fields(
            self,
            self.TREES,
            self.TREE_PLOT_FIELD,
            self.TREE_STATUS_FIELD,
            self.tr("Optional alive/dead/new (มีชีวิต/ตาย/ใหม่); empty: detected."),
        )
        self._add(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method pack"),
                options=[
                    self.tr("T-VER (TGO)"),
                    self.tr("i-Tree compatible"),
                    self.tr("IPCC 2019"),
                ],
                defaultValue=0,
            ),
            self.tr("Carbon fraction, root:shoot ratio, default equations, minimum DBH."),
        )
        # -- plots (as carbonpool:plotcarbon) -----------------------------------------------------
        add_plot_fields(
            self,
            area_help=self.tr("Empty: the polygon's area; required for points and tables."),
            fraction_help=self.tr("Optional share (0–1] of the plot that was tallied."),
            stratum=(
                self.PLOT_STRATUM_FIELD,
                self.tr("Plot stratum field"),
                self.tr("Optional stratum of each plot; empty: detected, else by location."),
            ),
            status=(
                self.PLOT_STATUS_FIELD,
                self.tr("Optional: plots with status “abandoned” are left out."),
            ),
            dates=[
                (
                    self.DATE_FIELD,
                    self.tr("Measurement date field"),
                    self.tr("Optional date of this measurement."),
                )
            ],
        )
        # -- estimate (as carbonpool:stratifiedestimate) ------------------------------------------
        self._field(
            self.STRATUM_FIELD,
            self.tr("Stratum field of the green space"),
            self.STRATA,
            self.tr("Empty: detected (stratum, class_code)."),
        )
        add_small_strata_parameters(
            self,
            self.tr("With “Stop”, such a municipality is reported as failed; the batch goes on."),
            self.tr("small:target pairs, e.g. “street:residential”, for every municipality."),
        )
        self._add(
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Inventory year (B.E.)"),
                type=QgsProcessingParameterNumber.Type.Integer,
                defaultValue=_dt.date.today().year + 543,
                minValue=1857,
            ),
            self.tr("Year of the inventory, e.g. 2568; recorded in the estimate and the export."),
        )
        self._add(
            QgsProcessingParameterEnum(
                self.MUNI_TYPE,
                self.tr("Municipality type"),
                options=[
                    self.tr("City municipality (เทศบาลนคร)"),
                    self.tr("Town municipality (เทศบาลเมือง)"),
                    self.tr("Subdistrict municipality (เทศบาลตำบล)"),
                    self.tr("Subdistrict administrative organisation (อบต.)"),
                ],
                defaultValue=1,
            ),
            self.tr("For the green-share criterion of the report and the export (all of them)."),
        )
        self._add(
            QgsProcessingParameterEnum(
                self.LANGUAGE,
                self.tr("Report language"),
                options=[self.tr("Thai"), self.tr("English")],
                defaultValue=0,
            ),
            self.tr("Language of the PDF/HTML reports."),
        )
        self._add(
            QgsProcessingParameterBoolean(
                self.REPORT, self.tr("Write the report (PDF and HTML)"), defaultValue=False
            ),
            self.tr("Runs carbonpool:carbonreport for each municipality."),
        )
        self._add(
            QgsProcessingParameterBoolean(
                self.EXPORT, self.tr("Write the GreenArea package"), defaultValue=False
            ),
            self.tr("Runs carbonpool:exportgreenarea for each municipality (into greenarea/)."),
        )
        self._add(
            QgsProcessingParameterBoolean(
                self.FORCE, self.tr("Recompute municipalities already done"), defaultValue=False
            ),
            self.tr(
                "Unticked: a municipality whose folder holds done.json with the same settings "
                "is skipped (resume). Edits of the input data are not detected: tick this."
            ),
        )
        self._add(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")),
            self.tr("Receives one folder per municipality code."),
        )
        self._add(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUMMARY, self.tr("Summary table"), QgsProcessing.SourceType.TypeVector
            ),
            self.tr(
                "One row per municipality: code, name, status (ok/failed/skipped), n_trees, "
                "n_plots, area_ha, total_tco2e, ci95_low/high, u90_pct, folder and message."
            ),
        )
        for key, label in (
            (self.N_OK, self.tr("Municipalities computed")),
            (self.N_FAILED, self.tr("Municipalities failed")),
            (self.N_SKIPPED, self.tr("Municipalities skipped")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # -- helpers ---------------------------------------------------------------------------------
    def _string(self, parameters, key, context):
        return (self.parameterAsString(parameters, key, context) or "").strip() or None

    def _code_field(self, parameters, key, source, default, context, label):
        name = self._string(parameters, key, context) or default
        if source.fields().lookupField(name) < 0:
            raise QgsProcessingException(
                self.tr("The {layer} have no municipality-code field “{field}”.").format(
                    layer=label, field=name
                )
            )
        return source.fields().at(source.fields().lookupField(name)).name()

    @staticmethod
    def _codes(source, field):
        """{code as text: original value} of ``field`` (provider-side DISTINCT, no full read)."""
        values = source.uniqueValues(source.fields().lookupField(field))
        out = {}
        for value in values:
            if value is None or (hasattr(value, "isNull") and value.isNull()):
                continue
            text = str(value).strip()
            if text and text != "NULL":
                out[text] = value
        return out

    @staticmethod
    def _extract(source, field, value, name, feedback):
        """The features of one municipality as a memory layer (filter pushed to the provider)."""
        request = QgsFeatureRequest()
        request.setFilterExpression(QgsExpression.createFieldEqualityExpression(field, value))
        layer = source.materialize(request, feedback)
        layer.setName(name)
        return layer

    def _source_id(self, parameters, key, context):
        layer = self.parameterAsVectorLayer(parameters, key, context)
        if layer is not None:
            return layer.source()
        value = parameters.get(key)
        return None if value in (None, "") else str(value)

    # -- run -------------------------------------------------------------------------------------
    def _process(self, parameters, context, feedback, outputs):
        from qgis import processing

        from ..workflow_steps import WorkflowConfig, _fit_parameters, build_steps

        sources = {
            key: self._required_source(parameters, key, context)
            for key in (self.TREES, self.PLOTS, self.STRATA)
        }
        boundary = self.parameterAsSource(parameters, self.BOUNDARY, context)
        default_field = self._string(parameters, self.MUNI_FIELD, context) or "muni_code"
        labels = {
            self.TREES: self.tr("trees"),
            self.PLOTS: self.tr("plots"),
            self.STRATA: self.tr("green-space polygons"),
            self.BOUNDARY: self.tr("boundaries"),
        }
        overrides = {
            self.TREES: self.TREES_MUNI_FIELD,
            self.PLOTS: self.PLOTS_MUNI_FIELD,
            self.STRATA: self.STRATA_MUNI_FIELD,
            self.BOUNDARY: self.BOUNDARY_MUNI_FIELD,
        }
        if boundary is not None:
            sources[self.BOUNDARY] = boundary
        code_fields = {
            key: self._code_field(
                parameters, overrides[key], src, default_field, context, labels[key]
            )
            for key, src in sources.items()
        }
        codes = {key: self._codes(src, code_fields[key]) for key, src in sources.items()}
        name_field = None
        if boundary is not None:
            name_field = self._string(parameters, self.NAME_FIELD, context)
            if not name_field:
                lowered = {n.lower(): n for n in boundary.fields().names()}
                name_field = next((lowered[c] for c in NAME_FIELD_CANDIDATES if c in lowered), None)

        everything = set(codes[self.TREES]) | set(codes[self.PLOTS]) | set(codes[self.STRATA])
        wanted = self._string(parameters, self.MUNICIPALITIES, context)
        if wanted:
            chosen = [c.strip() for c in re.split(r"[;,]", wanted) if c.strip()]
            unknown = [c for c in chosen if c not in everything]
            if unknown:
                feedback.reportError(
                    self.tr("Municipality code(s) not found in the inputs: {codes}").format(
                        codes=", ".join(unknown)
                    ),
                    fatalError=False,
                )
            municipalities = [c for c in dict.fromkeys(chosen)]
        else:
            municipalities = sorted(everything)
        if not municipalities:
            raise QgsProcessingException(
                self.tr("No municipality code found in the field “{f}” of the inputs.").format(
                    f=code_fields[self.TREES]
                )
            )

        # settings: every parameter that shapes a municipality's result
        settings = {}
        for definition in self.parameterDefinitions():
            key = definition.name()
            if key in _NOT_HASHED:
                continue
            if key in (self.TREES, self.PLOTS, self.STRATA, self.BOUNDARY):
                settings[key] = self._source_id(parameters, key, context)
            elif isinstance(definition, QgsProcessingParameterBoolean):
                settings[key] = self.parameterAsBoolean(parameters, key, context)
            elif isinstance(definition, QgsProcessingParameterEnum):
                settings[key] = self.parameterAsEnum(parameters, key, context)
            elif isinstance(definition, QgsProcessingParameterNumber):
                settings[key] = self.parameterAsDouble(parameters, key, context)
            else:
                settings[key] = self._string(parameters, key, context)
        report = self.parameterAsBoolean(parameters, self.REPORT, context)
        export = self.parameterAsBoolean(parameters, self.EXPORT, context)
        force = self.parameterAsBoolean(parameters, self.FORCE, context)
        out_root = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        out_root.mkdir(parents=True, exist_ok=True)

        fields = qgis_io.output_fields(QgsFields(), SUMMARY_COLUMNS)
        sink, summary_id = outputs.sink(
            self.OUTPUT_SUMMARY,
            fields,
            QgsWkbTypes.Type.NoGeometry,
            sources[self.STRATA].sourceCrs(),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_SUMMARY))

        base_cfg = dict(
            species_field=self._string(parameters, self.SPECIES_FIELD, context),
            dbh_field=self._string(parameters, self.DBH_FIELD, context),
            dbh_unit=DBH_UNITS[self.parameterAsEnum(parameters, self.DBH_UNIT, context)],
            height_field=self._string(parameters, self.HEIGHT_FIELD, context),
            tree_plot_field=self._string(parameters, self.TREE_PLOT_FIELD, context),
            stems_field=self._string(parameters, self.STEMS_FIELD, context),
            plot_id_field=self._string(parameters, self.PLOT_ID_FIELD, context),
            plot_stratum_field=self._string(parameters, self.PLOT_STRATUM_FIELD, context),
            plot_area_field=self._string(parameters, self.PLOT_AREA_FIELD, context),
            fraction_field=self._string(parameters, self.FRACTION_FIELD, context),
            date1_field=self._string(parameters, self.DATE_FIELD, context),
            green_stratum_field=self._string(parameters, self.STRATUM_FIELD, context),
            method=METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            muni_type=self.parameterAsEnum(parameters, self.MUNI_TYPE, context),
            year_be=self.parameterAsInt(parameters, self.YEAR, context),
            language=LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
        )
        # batch-only extras laid over the dock's step parameters, by step key
        extras = {
            "plots": {
                "TREE_STATUS_FIELD": self._string(parameters, self.TREE_STATUS_FIELD, context),
                "STATUS_FIELD": self._string(parameters, self.PLOT_STATUS_FIELD, context),
            },
            "estimate": {
                "SMALL_STRATA": self.parameterAsEnum(parameters, self.SMALL_STRATA, context),
                "MERGE_MAP": self._string(parameters, self.MERGE_MAP, context),
            },
        }
        n_steps = 3 + int(report) + int(export)
        multi = QgsProcessingMultiStepFeedback(len(municipalities) * n_steps, feedback)
        counts = {"ok": 0, "failed": 0, "skipped": 0}
        feedback.pushInfo(
            self.tr("{n} municipalities: {codes}").format(
                n=len(municipalities), codes=", ".join(municipalities)
            )
        )

        # names from every code in the inputs (not only those chosen): a run over a subset names
        # each folder as a full run does, so "A 1" and "A/1" never share one
        folder_names = unique_folder_names(sorted(everything | set(municipalities)))
        for index, code in enumerate(municipalities):
            if feedback.isCanceled():
                break
            step0 = index * n_steps
            multi.setCurrentStep(step0)
            final = out_root / folder_names[code]
            digest = settings_hash(dict(settings, municipality=code))
            feedback.pushInfo(
                self.tr("— Municipality {code} ({i}/{n})").format(
                    code=code, i=index + 1, n=len(municipalities)
                )
            )
            done = read_done(final) if final.is_dir() else None
            if done is not None and str(done.get("code", code)) != code:
                row = {"code": code, "name": code, "status": "failed", "folder": str(final)}
                row["message"] = self.tr(
                    "the folder {folder} holds the results of municipality {other}; not "
                    "overwritten (rename or move that folder)"
                ).format(folder=final, other=done.get("code"))
                self._add_row(sink, fields, row)
                counts["failed"] += 1
                feedback.reportError("{}: {}".format(code, row["message"]), fatalError=False)
                continue
            if done is not None and not force:
                if done.get("settings_hash") == digest:
                    row = dict(done.get("row") or {}, status="skipped")
                    row["message"] = self.tr("already done ({when}); not recomputed").format(
                        when=done.get("finished", "")
                    )
                    self._add_row(sink, fields, row)
                    counts["skipped"] += 1
                    feedback.pushInfo(
                        self.tr(
                            "{code}: skipped — already done with the same settings ({folder}); "
                            "tick Recompute to redo it."
                        ).format(code=code, folder=final)
                    )
                    continue
                feedback.pushInfo(
                    self.tr("{code}: the settings changed since it was done: recomputed.").format(
                        code=code
                    )
                )
            row = {"code": code, "name": code, "status": "failed", "folder": str(final)}
            if code not in codes[self.TREES] and code not in codes[self.PLOTS]:
                row.update(
                    status="skipped",
                    folder="",
                    message=self.tr("no trees and no plots (not inventoried)"),
                )
                self._add_row(sink, fields, row)
                counts["skipped"] += 1
                feedback.pushInfo(
                    self.tr("{code}: no trees and no plots, skipped.").format(code=code)
                )
                continue

            remove_stale_partials(out_root, code)
            partial = Path(tempfile.mkdtemp(prefix=partial_prefix(code), dir=str(out_root)))
            qgis_io.default_dir_mode(
                partial
            )  # mkdtemp makes it private (700); colleagues read results
            store = context.temporaryLayerStore()
            layers_before = set(store.mapLayers().keys())
            load_before = context.layersToLoadOnCompletion()
            results = {}
            cancelled = False
            try:
                missing = [
                    labels[key]
                    for key in (self.TREES, self.PLOTS, self.STRATA)
                    if code not in codes[key]
                ]
                if missing:
                    raise QgsProcessingException(
                        self.tr("no {what} with this code").format(what=", ".join(missing))
                    )
                layer_ids = {}
                for key, src in sources.items():
                    if code not in codes[key]:
                        continue
                    layer = self._extract(
                        src, code_fields[key], codes[key][code], "{}_{}".format(key, code), None
                    )
                    store.addMapLayer(layer)
                    layer_ids[key] = layer.id()
                    if key == self.BOUNDARY and name_field:
                        for feature in qgis_io.iter_features(layer, validate=False):
                            value = feature[name_field]
                            if value not in (None, "") and str(value) != "NULL":
                                row["name"] = str(value)
                                break
                if feedback.isCanceled():
                    cancelled = True
                    raise _Cancelled()
                cfg = WorkflowConfig(
                    green=layer_ids[self.STRATA],
                    plots=layer_ids[self.PLOTS],
                    trees=layer_ids[self.TREES],
                    output_dir=str(partial),
                    boundary=layer_ids.get(self.BOUNDARY),
                    muni_name=row["name"],
                    **base_cfg,
                )
                steps = [s for s in build_steps(cfg) if s.key in ("trees", "plots", "estimate")]
                if report:
                    steps += [s for s in build_steps(cfg) if s.key == "report"]
                registry_steps = [(s.key, s.alg_id, s.build) for s in steps]
                if export:
                    registry_steps.append(
                        (
                            "export",
                            "carbonpool:exportgreenarea",
                            self._export_builder(code, row, cfg),
                        )
                    )
                for offset, (key, alg_id, build) in enumerate(registry_steps):
                    multi.setCurrentStep(step0 + offset)
                    params = dict(build(results, partial))
                    params.update(
                        {k: v for k, v in extras.get(key, {}).items() if v not in (None, "")}
                    )
                    alg = context_alg(alg_id)
                    params = _fit_parameters(alg, params)
                    out = processing.run(
                        alg_id, params, context=context, feedback=multi, is_child_algorithm=True
                    )
                    if feedback.isCanceled():
                        cancelled = True
                        raise _Cancelled()
                    results[key] = dict(out or {})
                    self._fill_row(row, key, results[key])
                row.update(status="ok", message="")
                record = {
                    "code": code,
                    "name": row["name"],
                    "status": "ok",
                    "settings_hash": digest,
                    "settings": settings,
                    "plugin_version": plugin_version(),
                    "finished": _dt.datetime.now().isoformat(timespec="seconds"),
                    "row": row,
                    "outputs": _plain(_rewrite(results, str(partial), str(final))),
                }
                self._release(store, layers_before, context, load_before)
                write_json_atomic(partial / DONE_FILE, record)
                commit_folder(partial, final)
                counts["ok"] += 1
                feedback.pushInfo(
                    self.tr("{code}: ok — {co2:.1f} tCO2e → {folder}").format(
                        code=code, co2=row.get("total_tco2e") or 0.0, folder=final
                    )
                )
            except _Cancelled:
                pass
            except QgsProcessingException as err:
                row.update(status="failed", folder="", message=str(err).strip())
            except Exception as err:  # noqa: BLE001 — one municipality must not stop the batch
                row.update(
                    status="failed",
                    folder="",
                    message=self.tr("internal error {kind}: {err}").format(
                        kind=type(err).__name__, err=err
                    ),
                )
                feedback.reportError(traceback.format_exc(), fatalError=False)
            finally:
                self._release(store, layers_before, context, load_before)
                if partial.exists():
                    shutil.rmtree(str(partial), ignore_errors=True)
            if cancelled or feedback.isCanceled():
                feedback.reportError(
                    self.tr("Cancelled during {code}: nothing of it was kept.").format(code=code),
                    fatalError=False,
                )
                break
            if row["status"] == "failed":
                counts["failed"] += 1
                feedback.reportError(
                    self.tr("{code}: FAILED — {msg}").format(code=code, msg=row["message"]),
                    fatalError=False,
                )
            self._add_row(sink, fields, row)

        del sink  # closes the summary table now (a caught exception's traceback may keep frames)
        feedback.pushInfo(
            self.tr("Batch: {ok} ok, {failed} failed, {skipped} skipped.").format(**counts)
        )
        if feedback.isCanceled():
            return {}
        return {
            self.OUTPUT_FOLDER: str(out_root),
            self.OUTPUT_SUMMARY: summary_id,
            self.N_OK: counts["ok"],
            self.N_FAILED: counts["failed"],
            self.N_SKIPPED: counts["skipped"],
        }

    # -- per municipality ------------------------------------------------------------------------
    @staticmethod
    def _release(store, layers_before, context, load_before):
        """Drop this municipality's layers (inputs and child outputs) and load requests."""
        for layer_id in [lid for lid in store.mapLayers().keys() if lid not in layers_before]:
            store.removeMapLayer(layer_id)
        context.setLayersToLoadOnCompletion(load_before)

    @staticmethod
    def _fill_row(row, key, out):
        def num(name):
            value = out.get(name)
            try:
                return None if value is None else float(value)
            except (TypeError, ValueError):
                return None

        if key == "trees":
            row["n_trees"] = out.get("N_TREES")
        elif key == "plots":
            row["n_plots"] = out.get("N_PLOTS")
        elif key == "estimate":
            row["n_plots"] = out.get("N_PLOTS", row.get("n_plots"))
            row["area_ha"] = num("AREA_HA")
            row["total_tco2e"] = num("TOTAL_TCO2E")
            row["ci95_low"] = num("TOTAL_TCO2E_CI95_LOW")
            row["ci95_high"] = num("TOTAL_TCO2E_CI95_HIGH")
            row["u90_pct"] = num("U90_PCT")

    @staticmethod
    def _export_builder(code, row, cfg):
        def build(results, run_dir):
            est = results.get("estimate", {})
            trees = results.get("trees", {})
            params = {
                "INPUT": est.get("OUTPUT"),
                "STRATA": est.get("OUTPUT_STRATA"),
                "TOTAL_TCO2E": est.get("TOTAL_TCO2E"),
                "TOTAL_TCO2E_CI95_LOW": est.get("TOTAL_TCO2E_CI95_LOW"),
                "TOTAL_TCO2E_CI95_HIGH": est.get("TOTAL_TCO2E_CI95_HIGH"),
                "TOTAL_TC": est.get("TOTAL_TC"),
                "U90_PCT": est.get("U90_PCT"),
                "BOUNDARY": cfg.boundary,
                "MUNI_CODE": code,
                "MUNI_NAME": row.get("name"),
                "MUNI_TYPE": cfg.muni_type,
                "YEAR": cfg.year_be,
                "METHOD_VERSION": trees.get("METHOD_VERSION"),
                "EQUATION_PACK_VERSION": trees.get("EQUATION_PACK_VERSION"),
                "OUTPUT_FOLDER": str(Path(run_dir) / "greenarea"),
            }
            return {k: v for k, v in params.items() if v not in (None, "")}

        return build

    @staticmethod
    def _add_row(sink, fields, row):
        feature = QgsFeature(fields)
        feature.setAttributes([row.get(name) for name, _kind in SUMMARY_COLUMNS])
        sink.addFeature(feature)


class _Cancelled(Exception):
    """Internal: the user cancelled during a municipality."""


def context_alg(alg_id: str):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    if alg is None:
        raise QgsProcessingException("Algorithm not available: {}".format(alg_id))
    return alg


def _rewrite(value, prefix: str, target: str):
    if isinstance(value, str) and value.startswith(prefix):
        return target + value[len(prefix) :]
    if isinstance(value, dict):
        return {k: _rewrite(v, prefix, target) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rewrite(v, prefix, target) for v in value]
    return value
