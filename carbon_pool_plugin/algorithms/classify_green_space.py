"""carbonpool:classifygreenspace — supervised (RF / Gaussian ML) or NDVI-Otsu land-cover map."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from .. import qgis_io
from . import mapping_common as mc
from .base import CarbonPoolAlgorithm

CLASSIFIERS = ["random_forest", "gaussian_ml", "ndvi_otsu"]
AREA_COLUMNS = [
    ("class", "int"),
    ("name", "string"),
    ("pixels", "int"),
    ("area_m2", "double"),
    ("area_rai", "double"),
    ("share_pct", "double"),
]


class ClassifyGreenSpaceAlgorithm(CarbonPoolAlgorithm):
    INPUT = "INPUT"
    TRAINING = "TRAINING"
    CLASS_FIELD = "CLASS_FIELD"
    CLASS_NAME_FIELD = "CLASS_NAME_FIELD"
    CLASSIFIER = "CLASSIFIER"
    TEXTURE = "TEXTURE"
    SEED = "SEED"
    RF_TREES = "RF_TREES"
    MAX_PIXELS_PER_CLASS = "MAX_PIXELS_PER_CLASS"
    HOLDOUT = "HOLDOUT"
    INPUT_MODEL = "INPUT_MODEL"
    OUTPUT = "OUTPUT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_AREAS = "OUTPUT_AREAS"
    CLASSIFIER_USED = "CLASSIFIER_USED"
    TRAINING_PIXELS = "TRAINING_PIXELS"
    HOLDOUT_ACCURACY = "HOLDOUT_ACCURACY"
    HOLDOUT_KAPPA = "HOLDOUT_KAPPA"
    OTSU_THRESHOLD = "OTSU_THRESHOLD"
    VALID_AREA_M2 = "VALID_AREA_M2"
    N_CLASSES = "N_CLASSES"

    GROUP_ID = "mapping"

    def name(self) -> str:
        return "classifygreenspace"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Classify green space from imagery")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Maps land cover (e.g. 1 tree canopy, 2 grass/shrub, 3 water, 4 built/bare) from a "
                "multiband image. Features: reflectance of the mapped bands, NDVI, NDWI (and NDBI with "
                "a SWIR band), optionally the 3×3 local variance of NDVI (texture).\n\n"
                "Classifiers: random forest (scikit-learn, if installed; otherwise Gaussian maximum "
                "likelihood is used with a warning), Gaussian maximum likelihood (pure numpy, always "
                "available), or an unsupervised NDVI threshold (Otsu) giving 1 = vegetation and "
                "4 = non-vegetation.\n\n"
                "Training polygons or points are rasterised on the image grid. Whole training "
                "features (not single pixels) are held out (HOLDOUT share per class) to report an honest "
                "hold-out accuracy before the final model is fitted on all of them. This is still not a "
                "map accuracy assessment: use ‘Accuracy assessment and area estimation’ with an "
                "independent stratified random sample for that.\n\n"
                "Outputs: a uint8 class raster (nodata 0, styled), a data-only JSON model (safe to "
                "share; it is never unpickled) that can be re-applied with ‘Existing model’, and a "
                "per-class area table (m², rai, %)."
            )
            + "\n\n"
            + mc.no_crs_help(False)
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Multiband image"))
        p.setHelp(self.tr("Surface-reflectance image to classify."))
        self.addParameter(p)
        mc.add_band_role_parameters(self, self.INPUT)
        p = QgsProcessingParameterFeatureSource(
            self.TRAINING,
            self.tr("Training polygons or points"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
            optional=True,
        )
        p.setHelp(
            self.tr(
                "Labelled areas or points (any CRS; reprojected to the image). Pixels whose centre "
                "falls in a polygon, or that contain a point, are used. Not needed for the Otsu mode "
                "or with an existing model."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.CLASS_FIELD,
            self.tr("Class code field"),
            parentLayerParameterName=self.TRAINING,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        p.setHelp(self.tr("Integer class codes 1–255 (0 is nodata in the output)."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.CLASS_NAME_FIELD,
            self.tr("Class name field"),
            parentLayerParameterName=self.TRAINING,
            optional=True,
        )
        p.setHelp(self.tr("Optional class names, stored in the model and the area table."))
        self.addParameter(p)
        p = QgsProcessingParameterEnum(
            self.CLASSIFIER,
            self.tr("Classifier"),
            options=[
                self.tr("Random forest (scikit-learn; falls back to maximum likelihood)"),
                self.tr("Gaussian maximum likelihood (no extra dependency)"),
                self.tr("Unsupervised NDVI threshold (Otsu): vegetation / non-vegetation"),
            ],
            defaultValue=0,
        )
        p.setHelp(
            self.tr(
                "Random forest needs scikit-learn (fixed random seed); maximum likelihood fits one "
                "Gaussian per class with equal priors; Otsu needs no training data."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterBoolean(
            self.TEXTURE, self.tr("Add NDVI texture"), defaultValue=False
        )
        p.setHelp(
            self.tr("Adds the 3×3 local variance of NDVI as a feature (helps canopy vs grass).")
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.SEED,
            self.tr("Random seed"),
            type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=42,
        )
        p.setHelp(self.tr("Seeds the hold-out split, the pixel subsample and the random forest."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.RF_TREES,
            self.tr("Random forest trees"),
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=1,
            maxValue=1000,
            defaultValue=100,
        )
        p.setHelp(self.tr("Number of trees of the random forest."))
        p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.MAX_PIXELS_PER_CLASS,
            self.tr("Maximum training pixels per class"),
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=10,
            defaultValue=20000,
        )
        p.setHelp(self.tr("Larger classes are randomly subsampled (seeded) to this many pixels."))
        p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.HOLDOUT,
            self.tr("Hold-out share of training features"),
            type=QgsProcessingParameterNumber.Type.Double,
            minValue=0.0,
            maxValue=0.9,
            defaultValue=0.3,
        )
        p.setHelp(
            self.tr(
                "Share of the training polygons/points per class kept aside to estimate accuracy "
                "(0 = no hold-out). Classes with one feature are never held out."
            )
        )
        p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(p)
        p = QgsProcessingParameterFile(
            self.INPUT_MODEL,
            self.tr("Existing model (JSON) to apply instead of training"),
            optional=True,
            fileFilter="Carbon Pool model (*.json *.npz)",
        )
        p.setHelp(
            self.tr(
                "A model written by this algorithm. Files without the plugin's format tag or with "
                "inconsistent shapes are refused; nothing is ever unpickled."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Class raster"))
        p.setHelp(self.tr("uint8 GeoTIFF, nodata 0, loaded with the green-class palette."))
        self.addParameter(p)
        p = QgsProcessingParameterFileDestination(
            self.OUTPUT_MODEL,
            self.tr("Model file"),
            fileFilter="JSON (*.json);;NumPy without pickle (*.npz)",
            optional=True,
            createByDefault=False,
        )
        p.setHelp(self.tr("Data-only model: class codes/names, features, band roles, parameters."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT_AREAS,
            self.tr("Class areas"),
            type=QgsProcessing.SourceType.TypeVector,
            optional=True,
        )
        p.setHelp(
            self.tr("One row per class: pixels, area m², area rai, share % of classified area.")
        )
        self.addParameter(p)
        self.addOutput(QgsProcessingOutputString(self.CLASSIFIER_USED, self.tr("Classifier used")))
        for key, label in (
            (self.TRAINING_PIXELS, self.tr("Training pixels used")),
            (self.HOLDOUT_ACCURACY, self.tr("Hold-out overall accuracy")),
            (self.HOLDOUT_KAPPA, self.tr("Hold-out kappa")),
            (self.OTSU_THRESHOLD, self.tr("NDVI threshold (Otsu)")),
            (self.VALID_AREA_M2, self.tr("Classified area (m²)")),
            (self.N_CLASSES, self.tr("Number of classes")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    # ----------------------------------------------------------------------------------------------
    def _process(self, parameters, context, feedback, outputs):
        from .. import raster_engine as engine
        from ..core import classification as cl
        from ..core.units import RAI_M2
        from ..paths import plugin_version

        layer, path, info, roles = mc.image_with_band_roles(self, parameters, self.INPUT, context)
        mc.check_raster_crs(feedback, layer, info, need_areas=False)
        texture = self.parameterAsBoolean(parameters, self.TEXTURE, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        kind = CLASSIFIERS[self.parameterAsEnum(parameters, self.CLASSIFIER, context)]
        model_file = self.parameterAsFile(parameters, self.INPUT_MODEL, context)
        results = {
            self.TRAINING_PIXELS: 0,
            self.HOLDOUT_ACCURACY: None,
            self.HOLDOUT_KAPPA: None,
            self.OTSU_THRESHOLD: None,
        }
        try:
            if model_file:
                model = cl.ClassifierModel.load(model_file)
                spec = cl.FeatureSpec(
                    roles=roles, indices=model.features.indices, texture=model.features.texture
                )
                if spec.names != model.features.names:
                    raise ValueError(
                        self.tr(
                            "The model needs the features {need} but the band roles give {have}."
                        ).format(need=", ".join(model.features.names), have=", ".join(spec.names))
                    )
                model.features = spec
                feedback.pushInfo(
                    self.tr("Applying model {kind} ({n} classes) from {f}").format(
                        kind=model.kind, n=len(model.classes), f=model_file
                    )
                )
            elif kind == "ndvi_otsu":
                if not roles.has("red", "nir"):
                    raise ValueError(self.tr("The NDVI threshold needs red and NIR bands."))
                hist, edges = engine.ndvi_histogram(
                    path,
                    roles,
                    progress=mc.progress_fn(feedback, 0, 30),
                    cancelled=mc.cancel_fn(feedback),
                )
                threshold = cl.otsu_threshold(hist, edges)
                results[self.OTSU_THRESHOLD] = threshold
                feedback.pushInfo(self.tr("Otsu NDVI threshold: {t:.4f}").format(t=threshold))
                spec = cl.FeatureSpec(roles=roles, indices=["NDVI"], texture=False)
                model = cl.ClassifierModel(
                    estimator=cl.OtsuNdviModel(threshold, 1, 4),
                    features=spec,
                    class_names={1: self.tr("vegetation"), 4: self.tr("non-vegetation")},
                    plugin_version=plugin_version(),
                    info={"ndvi_histogram_bins": int(hist.size)},
                )
            else:
                if kind == "random_forest" and not cl.sklearn_available():
                    feedback.reportError(
                        self.tr(
                            "scikit-learn is not installed: using Gaussian maximum likelihood "
                            "instead of random forest."
                        ),
                        fatalError=False,
                    )
                    kind = "gaussian_ml"
                spec = cl.FeatureSpec.default(roles, texture=texture)
                model = self._train(
                    parameters, context, feedback, path, info, layer, spec, kind, seed, results
                )
        except engine.OperationCanceled:
            return {}
        except (ValueError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from err
        if feedback.isCanceled():
            return {}

        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        feedback.pushInfo(self.tr("Features: {f}").format(f=", ".join(model.features.names)))
        try:
            stats = engine.classify_raster(
                path,
                out_path,
                model,
                progress=mc.progress_fn(feedback, 30, 95),
                cancelled=mc.cancel_fn(feedback),
            )
        except engine.OperationCanceled:
            feedback.pushInfo(self.tr("Cancelled; no output was written."))
            return {}
        except (ValueError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from err
        mc.style_class_raster_on_load(context, out_path)

        model_path = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
        if model_path:
            model.save(model_path)
            feedback.pushInfo(self.tr("Model written to {p}").format(p=model_path))

        total = stats.total_area_m2
        rows = []
        for code, px, area in zip(stats.codes, stats.pixels, stats.area_m2):
            code = int(code)
            rows.append(
                {
                    "class": code,
                    "name": model.class_names.get(code, str(code)),
                    "pixels": int(px),
                    "area_m2": float(area),
                    "area_rai": float(area) / RAI_M2,
                    "share_pct": 100.0 * float(area) / total if total else None,
                }
            )
            feedback.pushInfo(
                self.tr("Class {c} {n}: {a:.1f} rai ({s:.1f} %)").format(
                    c=code,
                    n=rows[-1]["name"],
                    a=rows[-1]["area_rai"],
                    s=rows[-1]["share_pct"] or 0.0,
                )
            )
        if feedback.isCanceled():  # the outputs are complete or absent
            qgis_io.remove_dataset(qgis_io.new_file_path(out_path))
            qgis_io.remove_dataset(model_path)
            return {}
        areas_dest = None
        if parameters.get(self.OUTPUT_AREAS) is not None:
            sink, areas_dest, fields = mc.table_sink(outputs, self.OUTPUT_AREAS, AREA_COLUMNS)
            mc.write_rows(sink, fields, rows)
        feedback.setProgress(100)
        results.update(
            {
                self.OUTPUT: out_path,
                self.CLASSIFIER_USED: model.kind,
                self.VALID_AREA_M2: total,
                self.N_CLASSES: len(model.classes),
            }
        )
        if model_path:
            results[self.OUTPUT_MODEL] = model_path
        if areas_dest:
            results[self.OUTPUT_AREAS] = areas_dest
        return results

    # ----------------------------------------------------------------------------------------------
    def _train(self, parameters, context, feedback, path, info, layer, spec, kind, seed, results):
        from .. import raster_engine as engine
        from ..core import accuracy as acc
        from ..core import classification as cl
        from ..paths import plugin_version

        source = self.parameterAsSource(parameters, self.TRAINING, context)
        if source is None:
            raise ValueError(self.tr("Training polygons or points are needed for this classifier."))
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        if not class_field:
            raise ValueError(self.tr("Choose the class code field of the training layer."))
        name_field = self.parameterAsString(parameters, self.CLASS_NAME_FIELD, context) or ""
        fields = [class_field] + ([name_field] if name_field else [])
        wkbs, attrs = mc.geometries_as_wkb(source, layer.crs(), context, fields, feedback)
        codes, names, keep_wkb = [], {}, []
        n_bad = 0
        for wkb, row in zip(wkbs, attrs):
            try:
                code = int(row[0])
            except (TypeError, ValueError):
                n_bad += 1
                continue
            if not 1 <= code <= 255:
                n_bad += 1
                continue
            codes.append(code)
            keep_wkb.append(wkb)
            if name_field and row[1] not in (None, "") and code not in names:
                names[code] = str(row[1])
        if n_bad:
            feedback.reportError(
                self.tr(
                    "{n} training features have no valid class code (1–255) and are ignored."
                ).format(n=n_bad),
                fatalError=False,
            )
        bounds = mc.geometry_bounds(keep_wkb)
        window = engine.window_of_bounds(info, bounds) if bounds else None
        if window is None:
            raise ValueError(self.tr("The training features do not overlap the image."))
        labels = engine.rasterize_wkb(
            info, keep_wkb, range(1, len(keep_wkb) + 1), engine.gdal.GDT_UInt32, window
        )
        x, groups = engine.extract_training(
            path, spec, labels, window, cancelled=mc.cancel_fn(feedback)
        )
        labels = None
        code_of = np.asarray([0] + codes, dtype=np.int64)
        y = code_of[groups]
        if y.size == 0:
            raise ValueError(self.tr("No valid image pixels fall inside the training features."))
        per_class = {int(c): int((y == c).sum()) for c in np.unique(y)}
        feedback.pushInfo(
            self.tr("Training pixels per class: {d}").format(
                d=", ".join("{}: {}".format(c, n) for c, n in per_class.items())
            )
        )
        small = [c for c, n in per_class.items() if n <= len(spec.names)]
        if small:
            feedback.reportError(
                self.tr(
                    "Classes {c} have no more training pixels than features; their statistics "
                    "are unreliable."
                ).format(c=", ".join(str(c) for c in small)),
                fatalError=False,
            )
        max_pc = self.parameterAsInt(parameters, self.MAX_PIXELS_PER_CLASS, context)
        keep = cl.balanced_subsample(y, max_pc, seed)
        x, y, groups = x[keep], y[keep], groups[keep]
        results[self.TRAINING_PIXELS] = int(y.size)
        holdout = self.parameterAsDouble(parameters, self.HOLDOUT, context)
        trees = self.parameterAsInt(parameters, self.RF_TREES, context)
        if holdout > 0:
            held = cl.group_holdout(y, groups, holdout, seed)
            if held.any() and np.unique(y[~held]).size >= 2:
                trial = cl.fit_classifier(kind, x[~held], y[~held], spec, seed, rf_trees=trees)
                pred = trial.estimator.predict(x[held])
                mat, _ = acc.confusion_matrix(pred, y[held], sorted(per_class))
                results[self.HOLDOUT_ACCURACY] = acc.overall_accuracy(mat)
                results[self.HOLDOUT_KAPPA] = acc.kappa(mat)
                feedback.pushInfo(
                    self.tr(
                        "Hold-out check on {n} pixels of {g} withheld training features: overall "
                        "accuracy {oa:.3f}, kappa {k:.3f} (optimistic: training sites are not a "
                        "probability sample)."
                    ).format(
                        n=int(held.sum()),
                        g=int(np.unique(groups[held]).size),
                        oa=results[self.HOLDOUT_ACCURACY],
                        k=results[self.HOLDOUT_KAPPA],
                    )
                )
            else:
                feedback.pushInfo(self.tr("Too few training features for a hold-out check."))
        if feedback.isCanceled():
            raise engine.OperationCanceled()
        model = cl.fit_classifier(
            kind,
            x,
            y,
            spec,
            seed,
            class_names=names,
            plugin_version=plugin_version(),
            rf_trees=trees,
        )
        feedback.setProgress(30)
        return model
