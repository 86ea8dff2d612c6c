"""carbonpool:treebiomass — tree-by-tree biomass, carbon and CO2e from a field inventory."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from .. import qgis_io
from ..i18n import localize
from .base import CarbonPoolAlgorithm
from .styling import attach_style

DBH_UNITS = ["cm", "mm", "girth_cm", "girth_m"]
METHODS = ["tver", "itree", "ipcc", "custom"]
#: Same ids as ``core.biomass.HEIGHT_MODELS`` (the core rejects any other).
HEIGHT_MODELS = ["local", "feldpausch", "chave_e6a", "none"]
WD_DATABASES = ["gwdd_v2", "gwdd_v1"]

OUTPUT_COLUMNS = [
    ("accepted_name", "string"),
    ("dbh_cm", "double"),
    ("agb_kg", "double"),
    ("bgb_kg", "double"),
    ("biomass_kg", "double"),
    ("carbon_kg", "double"),
    ("co2e_kg", "double"),
    ("wd", "double"),
    ("wd_sd", "double"),
    ("wd_level", "string"),
    ("height_m", "double"),
    ("height_source", "string"),
    ("equation_id", "string"),
    ("method", "string"),
    ("flags", "string"),
]


class TreeBiomassAlgorithm(CarbonPoolAlgorithm):
    INPUT = "INPUT"
    SPECIES_FIELD = "SPECIES_FIELD"
    DBH_FIELD = "DBH_FIELD"
    DBH_UNIT = "DBH_UNIT"
    STEMS_FIELD = "STEMS_FIELD"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    WOOD_DENSITY_FIELD = "WOOD_DENSITY_FIELD"
    LIFE_FORM_FIELD = "LIFE_FORM_FIELD"
    PLOT_FIELD = "PLOT_FIELD"
    OPEN_GROWN_FIELD = "OPEN_GROWN_FIELD"
    METHOD = "METHOD"
    METHOD_FILE = "METHOD_FILE"
    EQUATION = "EQUATION"
    USER_EQUATIONS = "USER_EQUATIONS"
    HEIGHT_MODEL = "HEIGHT_MODEL"
    E_VALUE = "E_VALUE"
    WD_DATABASE = "WD_DATABASE"
    OUTPUT = "OUTPUT"
    N_TREES = "N_TREES"
    N_FLAGGED = "N_FLAGGED"
    AGB_T = "AGB_T"
    CARBON_T = "CARBON_T"
    CO2E_T = "CO2E_T"
    METHOD_VERSION = "METHOD_VERSION"
    EQUATION_PACK_VERSION = "EQUATION_PACK_VERSION"

    GROUP_ID = "equations"

    def name(self) -> str:
        return "treebiomass"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Tree biomass and carbon")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Computes above-ground biomass (AGB), below-ground biomass (BGB), carbon and CO2 "
            "equivalent for every tree of a field inventory, using the central equation library "
            "(T-VER Ogawa/Tsutsumi/Komiyama, palms, bamboo, lianas, Chave, Brown) and the species "
            "wood-density table (species → genus → family → stand → dataset fallback).\n\n"
            "The input can be any table or layer (GeoPackage, Shapefile, CSV, XLSX). DBH may be "
            "given in cm or mm, or as girth (circumference at 1.30 m). Rows that cannot be used are "
            "kept with empty carbon and a flag (DBH_MISSING, DBH_INVALID, SPECIES_UNMATCHED, …); "
            "the input is never modified. Every output row is stamped with the method pack and the "
            "equation used."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Tree inventory"), [QgsProcessing.SourceType.TypeVector]
        )
        p.setHelp(self.tr("Layer or table with one row per tree (GPKG, SHP, CSV, XLSX)."))
        self.addParameter(p)

        def field(key, label, help_text, optional=True, numeric=False):
            kind = (
                QgsProcessingParameterField.DataType.Numeric
                if numeric
                else QgsProcessingParameterField.DataType.Any
            )
            param = QgsProcessingParameterField(
                key, label, parentLayerParameterName=self.INPUT, type=kind, optional=optional
            )
            param.setHelp(help_text)
            self.addParameter(param)

        field(
            self.SPECIES_FIELD,
            self.tr("Species field"),
            self.tr(
                "Scientific or Thai species name; matched to the species table "
                "(synonyms, genus, family)."
            ),
        )
        field(
            self.DBH_FIELD,
            self.tr("DBH or girth field"),
            self.tr(
                "Stem diameter or girth at 1.30 m; its unit is set by DBH unit. Text, zero "
                "and negative values are flagged DBH_INVALID."
            ),
            optional=False,
        )
        p = QgsProcessingParameterEnum(
            self.DBH_UNIT,
            self.tr("DBH unit"),
            options=[
                self.tr("Diameter in cm"),
                self.tr("Diameter in mm"),
                self.tr("Girth (circumference) in cm"),
                self.tr("Girth (circumference) in m"),
            ],
            defaultValue=0,
        )
        p.setHelp(self.tr("Girth is converted once to diameter: D = girth / π."))
        self.addParameter(p)
        field(
            self.STEMS_FIELD,
            self.tr("Multi-stem field"),
            self.tr(
                'Optional: several stem diameters/girths in one cell ("45;30"), same unit '
                "as DBH; combined as √Σd², the diameter of one stem with the same basal area."
            ),
        )
        field(
            self.HEIGHT_FIELD,
            self.tr("Height field (m)"),
            self.tr(
                "Optional total tree height in metres; missing heights are modelled as set "
                "by Height model. Equations that need no height never require it."
            ),
        )
        field(
            self.WOOD_DENSITY_FIELD,
            self.tr("Wood density field (g/cm³)"),
            self.tr("Optional measured wood density; overrides the species table."),
        )
        field(
            self.LIFE_FORM_FIELD,
            self.tr("Life form field"),
            self.tr(
                "Optional: tree, palm, bamboo, liana, mangrove; otherwise taken from the "
                "species table."
            ),
        )
        field(
            self.PLOT_FIELD,
            self.tr("Plot id field"),
            self.tr(
                "Optional plot identifier; used for stand-level wood-density fallback and "
                "copied to the output for plot carbon."
            ),
        )
        field(
            self.OPEN_GROWN_FIELD,
            self.tr("Open-grown field"),
            self.tr(
                "Optional yes/no (or crown light exposure 4–5): the i-Tree method multiplies "
                "the biomass of open-grown urban trees by 0.8."
            ),
        )
        p = QgsProcessingParameterEnum(
            self.METHOD,
            self.tr("Method pack"),
            options=[
                self.tr("T-VER (TGO)"),
                self.tr("i-Tree compatible"),
                self.tr("IPCC 2019"),
                self.tr("Custom (method file)"),
            ],
            defaultValue=0,
        )
        p.setHelp(
            self.tr(
                "Fixes carbon fraction, root:shoot ratio, default equations and "
                "minimum DBH. Its id and version are stamped on every output row."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFile(
            self.METHOD_FILE,
            self.tr("Custom method pack (JSON)"),
            optional=True,
            fileFilter="JSON (*.json)",
        )
        p.setHelp(self.tr("Used when Method pack is Custom."))
        self.addParameter(p)
        p = QgsProcessingParameterString(self.EQUATION, self.tr("Equation"), defaultValue="auto")
        p.setHelp(
            self.tr(
                "“auto” picks the equation by species and life form from the method "
                "pack; or give an equation id from the library (e.g. chave2014_eq4)."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFile(
            self.USER_EQUATIONS,
            self.tr("User equation pack (CSV)"),
            optional=True,
            fileFilter="CSV (*.csv)",
        )
        p.setHelp(
            self.tr(
                "Optional CSV with the same columns as the bundled library; expressions "
                "are parsed safely (never executed as code)."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.HEIGHT_MODEL,
            self.tr("Height model for missing heights"),
            options=[
                self.tr("Local H–D model fitted on measured trees"),
                self.tr("Feldpausch et al. 2012 (South-East Asia)"),
                self.tr("Chave et al. 2014 Eq. 6a (needs E)"),
                self.tr("None"),
            ],
            defaultValue=0,
        )
        p.setHelp(
            self.tr(
                "The local model (log-log, Michaelis–Menten or Weibull, best by RSE) "
                "falls back to Feldpausch when too few trees have heights. The source "
                "of each height is recorded in height_source."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.E_VALUE,
            self.tr("Environmental stress E (Chave 2014)"),
            type=QgsProcessingParameterNumber.Type.Double,
            optional=True,
        )
        p.setHelp(
            self.tr(
                "Needed by Chave 2014 Eq. 7 and Eq. 6a; read it from the Chave E raster "
                "for your site."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.WD_DATABASE,
            self.tr("Wood density database"),
            options=[
                self.tr("Global Wood Density Database v2 (2026)"),
                self.tr("Global Wood Density Database v1 (2009)"),
            ],
            defaultValue=0,
        )
        p.setHelp(self.tr("Choose one database per project; it is recorded in the output."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Trees with biomass and carbon"))
        p.setHelp(
            self.tr(
                "Every input field plus accepted_name, dbh_cm, agb_kg, bgb_kg, biomass_kg, "
                "carbon_kg, co2e_kg, wd, wd_sd, wd_level, height_m, height_source, equation_id, "
                "method and flags."
            )
        )
        self.addParameter(p)
        for key, label in (
            (self.N_TREES, self.tr("Number of trees")),
            (self.N_FLAGGED, self.tr("Number of flagged trees")),
            (self.AGB_T, self.tr("Total AGB (t)")),
            (self.CARBON_T, self.tr("Total carbon (tC)")),
            (self.CO2E_T, self.tr("Total CO2e (t)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString(self.METHOD_VERSION, self.tr("Method pack")))
        self.addOutput(
            QgsProcessingOutputString(self.EQUATION_PACK_VERSION, self.tr("Equation pack version"))
        )

    def _reencoded_source(self, parameters, context, feedback):
        """The input re-opened with the right encoding when it is a CSV file that is not UTF-8.

        QGIS/OGR read CSV files as UTF-8; a Thai sheet saved as TIS-620/Windows-874 would come
        through as replacement characters (species unmatched, Thai text destroyed in the output).
        Returns ``None`` when nothing needs to change.
        """
        import os

        from qgis.core import QgsProcessingFeatureSource, QgsProviderRegistry, QgsVectorLayer

        from ..core.tabular import detect_text_encoding

        self._reencoded = False
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None or layer.providerType() != "ogr":
            return None
        if (layer.dataProvider().encoding() or "").upper() not in ("UTF-8", "UTF8", "SYSTEM"):
            return None  # the user chose an encoding for this layer: respect it
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if not path.lower().endswith((".csv", ".txt", ".tsv")) or not os.path.isfile(path):
            return None
        try:
            encoding = detect_text_encoding(path)
        except (OSError, ValueError) as err:
            raise QgsProcessingException(str(err)) from err
        if encoding is None:
            return None
        fixed = QgsVectorLayer(layer.source(), layer.name(), "ogr")
        fixed.setProviderEncoding(encoding)
        if layer.subsetString():
            fixed.setSubsetString(layer.subsetString())
        if not fixed.isValid():
            return None
        self._reencoded_layer = fixed  # keep the layer alive while its source is used
        self._reencoded = True
        feedback.reportError(
            self.tr(
                "The CSV file is not UTF-8; it was read as {enc} (Thai). Save it as UTF-8 to "
                "avoid this guess."
            ).format(enc=encoding),
            fatalError=False,
        )
        return QgsProcessingFeatureSource(fixed, context)

    #: Set to False (tests, debugging) to force the generic QgsFeature read/write path.
    FAST_IO = True

    def _fast_writer(self, source, fields, used, outputs):
        """GDAL fast path (GeoPackage point/table layer in, GeoPackage out), or None for the
        generic one: :func:`qgis_io.prepare_gpkg_copy`, reading the ``used`` columns on the way."""
        if not self.FAST_IO or getattr(self, "_reencoded", False):
            return None
        geometry = QgsWkbTypes.geometryType(source.wkbType())
        if geometry not in (QgsWkbTypes.PointGeometry, QgsWkbTypes.NullGeometry):
            return None  # crowns as polygons: QGIS checks their validity on the generic path
        return qgis_io.prepare_gpkg_copy(
            outputs, self.INPUT, self.OUTPUT, source, fields, OUTPUT_COLUMNS, read=used
        )

    def _process(self, parameters, context, feedback, outputs):
        from ..core.biomass import compute_tree_biomass, quality_warnings, summarize
        from ..core.equations import EquationLibrary
        from ..core.inventory import merge_flags, prepare_trees
        from ..core.methods import MethodPack
        from ..core.wood_density import WoodDensityTable

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        source = self._reencoded_source(parameters, context, feedback) or source

        def field_name(key):
            value = self.parameterAsString(parameters, key, context)
            return value or None

        mapping = {
            "species": field_name(self.SPECIES_FIELD),
            "dbh": field_name(self.DBH_FIELD),
            "stems": field_name(self.STEMS_FIELD),
            "height": field_name(self.HEIGHT_FIELD),
            "wood_density": field_name(self.WOOD_DENSITY_FIELD),
            "life_form": field_name(self.LIFE_FORM_FIELD),
            "plot": field_name(self.PLOT_FIELD),
            "open_grown": field_name(self.OPEN_GROWN_FIELD),
        }
        dbh_unit = DBH_UNITS[self.parameterAsEnum(parameters, self.DBH_UNIT, context)]
        method_id = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        method_file = self.parameterAsFile(parameters, self.METHOD_FILE, context)
        equation = (self.parameterAsString(parameters, self.EQUATION, context) or "auto").strip()
        user_pack = self.parameterAsFile(parameters, self.USER_EQUATIONS, context)
        height_model = HEIGHT_MODELS[self.parameterAsEnum(parameters, self.HEIGHT_MODEL, context)]
        e_value = None
        if parameters.get(self.E_VALUE) not in (None, ""):
            e_value = self.parameterAsDouble(parameters, self.E_VALUE, context)
        wd_db = WD_DATABASES[self.parameterAsEnum(parameters, self.WD_DATABASE, context)]

        try:
            if method_id == "custom":
                if not method_file:
                    raise ValueError(self.tr("The Custom method pack needs a method file (JSON)."))
                method = MethodPack.load(method_file)
            else:
                method = MethodPack.load(method_id)
            library = EquationLibrary.load()
            if user_pack:
                library.load_pack(user_pack)
            if equation != "auto" and equation not in library:
                raise ValueError(
                    self.tr("Unknown equation “{eq}”. Known ids: {ids}").format(
                        eq=equation, ids=", ".join(library.ids(include_disabled=False))
                    )
                )
            wd_table = WoodDensityTable.load(database=wd_db)
        except (ValueError, OSError, KeyError) as err:
            raise QgsProcessingException(str(err)) from err

        used = [f for f in mapping.values() if f]
        names = source.fields().names()
        absent = [f for f in used if f not in names]
        if absent:
            raise QgsProcessingException(
                self.tr(
                    "Field(s) {missing} not found in the tree table; its fields are: {fields}. "
                    "If the table has title or merged rows above the column names, delete them "
                    "so the names are in the first row."
                ).format(
                    missing=", ".join("“{}”".format(f) for f in absent),
                    fields=", ".join(names) or "-",
                )
            )
        fields = qgis_io.output_fields(source.fields(), OUTPUT_COLUMNS)
        writer = self._fast_writer(source, fields, used, outputs)
        if writer is not None:
            raw, geometries = writer.frame, []
            sink = None
            dest_id = writer.dest_id
            writer.start()  # copy the input to the output in the background meanwhile
        else:
            raw, geometries = qgis_io.read_frame(
                source, field_names=None, with_geometry=True, feedback=feedback, context=context
            )
        if feedback.isCanceled():
            return {}
        feedback.pushInfo(
            self.tr("Read {n} trees; fields used: {fields}").format(
                n=len(raw), fields=", ".join(used)
            )
        )
        if not len(raw):
            feedback.reportError(
                self.tr("The tree table has no rows: the output is empty and every total is 0."),
                fatalError=False,
            )
        try:
            prepared = prepare_trees(raw, mapping, dbh_unit)
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        for warning in prepared.warnings:
            feedback.reportError(localize(warning), fatalError=False)
        feedback.setProgress(40)
        try:
            result = compute_tree_biomass(
                prepared.frame,
                method,
                library,
                wd_table,
                equation=equation,
                height_model=height_model,
                e_value=e_value,
            )
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        if feedback.isCanceled():
            return {}
        feedback.setProgress(75)
        result["flags"] = merge_flags(prepared.flags, _drop_missing_where_invalid(prepared, result))
        # summaries before writing: with the fast writer they overlap the background copy
        summary = summarize(result)
        genus_only = _genus_only_names(result)
        for warning in quality_warnings(summary, method.min_dbh_cm):
            feedback.reportError(localize(warning), fatalError=False)

        if writer is not None:
            result.index = raw.index
            writer.finish(result, OUTPUT_COLUMNS, feedback)
        else:
            out = raw.copy()
            for name, _kind in OUTPUT_COLUMNS:
                out[name] = result[name].to_numpy()
            sink, dest_id = outputs.sink(self.OUTPUT, fields, source.wkbType(), source.sourceCrs())
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
            qgis_io.write_frame(sink, fields, out, geometries, feedback)
            del sink  # closed: moved into place when the run succeeds
            if feedback.isCanceled():
                return {}
        attach_style(context, dest_id, "trees_flags.qml")

        feedback.pushInfo(
            self.tr(
                "Trees: {n}; flagged: {f}; AGB {agb:.3f} t; carbon {c:.3f} tC; {co2:.3f} tCO2e"
            ).format(
                n=summary["n_trees"],
                f=summary["n_flagged"],
                agb=summary["agb_t"],
                c=summary["carbon_t"],
                co2=summary["co2e_t"],
            )
        )
        unmatched = summary.get("unmatched_species") or {}
        if unmatched:
            listing = ", ".join("{} ({})".format(k, v) for k, v in list(unmatched.items())[:20])
            feedback.reportError(
                self.tr("Species not found in the species table: {list}").format(list=listing),
                fatalError=False,
            )
        if genus_only:
            feedback.reportError(
                self.tr("Species matched only at genus level (check the spelling): {list}").format(
                    list=", ".join("{} ({})".format(k, v) for k, v in genus_only[:20])
                ),
                fatalError=False,
            )
        feedback.pushInfo(
            self.tr("Method {m} {v}; equation library {e}").format(
                m=method.id, v=method.version, e=library.pack_version
            )
        )
        return {
            self.OUTPUT: dest_id,
            self.N_TREES: summary["n_trees"],
            self.N_FLAGGED: summary["n_flagged"],
            self.AGB_T: summary["agb_t"],
            self.CARBON_T: summary["carbon_t"],
            self.CO2E_T: summary["co2e_t"],
            self.METHOD_VERSION: "{} {}".format(method.id, method.version),
            self.EQUATION_PACK_VERSION: library.pack_version,
        }


def _genus_only_names(result) -> list:
    """``[(name, count)]`` of the species names flagged SPECIES_GENUS_ONLY by the core."""
    if "species" not in result.columns:
        return []
    mask = result["flags"].fillna("").astype(str).str.contains("SPECIES_GENUS_ONLY", regex=False)
    if not mask.any():
        return []
    counts = result.loc[mask, "species"].astype(str).str.strip().value_counts()
    return [(str(k), int(v)) for k, v in counts.items()]


def _drop_missing_where_invalid(prepared, result):
    """The biomass flags without ``DBH_MISSING`` on rows already flagged ``DBH_INVALID``.

    An invalid DBH (text, zero, negative) reaches the biomass step as NaN, which it reports as
    missing; one reason per row is enough, and "missing" would be wrong (a value was given).
    """
    post = result["flags"].fillna("").astype(str)
    masks = getattr(prepared.flags, "masks", {})
    invalid = masks.get("DBH_INVALID")
    if invalid is None or not invalid.any():
        return post
    post = post.copy()
    rows = post.index[invalid]
    post.loc[rows] = [
        ";".join(c for c in text.split(";") if c and c != "DBH_MISSING") for text in post.loc[rows]
    ]
    return post
