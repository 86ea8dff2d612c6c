"""carbonpool:accuracyassessment — stratified reference sample, then accuracy and area estimates."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from . import mapping_common as mc
from .base import CarbonPoolAlgorithm

POINT_COLUMNS = [
    ("point_id", "int"),
    ("map_class", "int"),
    ("ref_class", "int"),
    ("x", "double"),
    ("y", "double"),
]
CLASS_COLUMNS = [
    ("class", "int"),
    ("n_map", "int"),
    ("n_ref", "int"),
    ("users_acc", "double"),
    ("users_ci95", "double"),
    ("producers_acc", "double"),
    ("producers_ci95", "double"),
    ("f1", "double"),
    ("mapped_px", "int"),
    ("mapped_m2", "double"),
    ("adj_area_m2", "double"),
    ("adj_ci95_m2", "double"),
    ("adj_area_rai", "double"),
    ("adj_ci95_rai", "double"),
    ("adj_share_pct", "double"),
]


class AccuracyAssessmentAlgorithm(CarbonPoolAlgorithm):
    MODE = "MODE"
    INPUT = "INPUT"
    N_PER_CLASS = "N_PER_CLASS"
    N_TOTAL = "N_TOTAL"
    MIN_PER_CLASS = "MIN_PER_CLASS"
    SEED = "SEED"
    REFERENCE = "REFERENCE"
    MAP_FIELD = "MAP_FIELD"
    REF_FIELD = "REF_FIELD"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    OUTPUT_MATRIX = "OUTPUT_MATRIX"
    OUTPUT_CLASSES = "OUTPUT_CLASSES"
    OVERALL_ACCURACY = "OVERALL_ACCURACY"
    OVERALL_ACCURACY_CI95 = "OVERALL_ACCURACY_CI95"
    OVERALL_ACCURACY_SAMPLE = "OVERALL_ACCURACY_SAMPLE"
    KAPPA = "KAPPA"
    N_SAMPLES = "N_SAMPLES"

    GROUP_ID = "mapping"

    def name(self) -> str:
        return "accuracyassessment"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Accuracy assessment and area estimation")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Two steps, following Olofsson et al. (2014, Remote Sensing of Environment 148: 42–57).\n\n"
                "SAMPLE: draws a stratified random sample of pixel centres from the class raster (map "
                "classes are the strata): N per class, or a total allocated in proportion to mapped area "
                "with a minimum per class. The points get an empty ref_class field: label each one from "
                "independent reference data (field visit, very-high-resolution imagery), never from the "
                "training data.\n\n"
                "ASSESS: from the labelled points, the error matrix of sample counts (rows = map, columns "
                "= reference), the area-weighted estimated proportions, overall accuracy, user's and "
                "producer's accuracy with 95 % confidence intervals, F1, kappa (reported, not "
                "recommended), and the error-adjusted area of every class with its 95 % interval "
                "(stratified estimator with mapped-area weights)."
            )
            + "\n\n"
            + mc.no_crs_help(True)
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterEnum(
            self.MODE,
            self.tr("Step"),
            options=[
                self.tr("SAMPLE: create reference points"),
                self.tr("ASSESS: accuracy and areas"),
            ],
            defaultValue=0,
        )
        p.setHelp(self.tr("Create the stratified sample first, label it, then assess."))
        self.addParameter(p)
        p = QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Class raster"))
        p.setHelp(self.tr("The map being assessed; its class areas are the strata weights."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.N_PER_CLASS,
            self.tr("Sample points per class"),
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=0,
            defaultValue=50,
        )
        p.setHelp(self.tr("Equal allocation; used when Total sample size is 0."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.N_TOTAL,
            self.tr("Total sample size"),
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=0,
            defaultValue=0,
        )
        p.setHelp(
            self.tr("If > 0: allocated in proportion to mapped area, with the minimum below.")
        )
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.MIN_PER_CLASS,
            self.tr("Minimum points per class"),
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=0,
            defaultValue=20,
        )
        p.setHelp(self.tr("Rare classes get at least this many points with a total sample size."))
        self.addParameter(p)
        p = QgsProcessingParameterNumber(
            self.SEED,
            self.tr("Random seed"),
            type=QgsProcessingParameterNumber.Type.Integer,
            defaultValue=42,
        )
        p.setHelp(self.tr("The same seed gives the same sample."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.REFERENCE,
            self.tr("Labelled reference points"),
            [QgsProcessing.SourceType.TypeVectorPoint],
            optional=True,
        )
        p.setHelp(self.tr("ASSESS: the sample with its reference class filled in."))
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.MAP_FIELD,
            self.tr("Map class field"),
            parentLayerParameterName=self.REFERENCE,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        p.setHelp(
            self.tr("Optional; empty reads the map class from the class raster at each point.")
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.REF_FIELD,
            self.tr("Reference class field"),
            parentLayerParameterName=self.REFERENCE,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        p.setHelp(self.tr("ASSESS: the reference label; empty values are skipped."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT_POINTS,
            self.tr("Reference sample points"),
            type=QgsProcessing.SourceType.TypeVectorPoint,
            optional=True,
        )
        p.setHelp(self.tr("SAMPLE: point_id, map_class, empty ref_class, x, y."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATRIX,
            self.tr("Error matrix"),
            type=QgsProcessing.SourceType.TypeVector,
            optional=True,
        )
        p.setHelp(
            self.tr(
                "ASSESS: rows kind=count (sample counts) and kind=proportion (estimated area "
                "proportions p_ij); columns ref_<class>."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT_CLASSES,
            self.tr("Per-class accuracy and adjusted areas"),
            type=QgsProcessing.SourceType.TypeVector,
            optional=True,
        )
        p.setHelp(
            self.tr(
                "ASSESS: user's/producer's accuracy ± 95 % CI, F1, mapped and error-adjusted area "
                "± 95 % CI in m² and rai."
            )
        )
        self.addParameter(p)
        for key, label in (
            (self.OVERALL_ACCURACY, self.tr("Overall accuracy (area-weighted)")),
            (self.OVERALL_ACCURACY_CI95, self.tr("Overall accuracy 95 % CI half-width")),
            (self.OVERALL_ACCURACY_SAMPLE, self.tr("Overall accuracy (sample counts)")),
            (self.KAPPA, self.tr("Kappa (sample counts)")),
            (self.N_SAMPLES, self.tr("Number of sample points")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def _process(self, parameters, context, feedback, outputs):
        from .. import raster_engine as engine

        layer, path = mc.gdal_raster_path(self, parameters, self.INPUT, context)
        try:
            mc.check_raster_crs(
                feedback, layer, engine.raster_info(engine.open_raster(path)), need_areas=True
            )
            stats = engine.class_statistics(
                path, progress=mc.progress_fn(feedback, 0, 40), cancelled=mc.cancel_fn(feedback)
            )
        except engine.OperationCanceled:
            return {}
        except (ValueError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from err
        if stats.codes.size == 0:
            raise QgsProcessingException(self.tr("The class raster has no classified pixels."))
        if self.parameterAsEnum(parameters, self.MODE, context) == 0:
            return self._sample(parameters, context, feedback, layer, path, stats, outputs)
        return self._assess(parameters, context, feedback, layer, path, stats, outputs)

    def _sample(self, parameters, context, feedback, layer, path, stats, outputs):
        from .. import raster_engine as engine
        from ..core.accuracy import allocate_stratified

        counts = {int(c): int(p) for c, p in zip(stats.codes, stats.pixels)}
        n_per = self.parameterAsInt(parameters, self.N_PER_CLASS, context)
        n_total = self.parameterAsInt(parameters, self.N_TOTAL, context)
        n_min = self.parameterAsInt(parameters, self.MIN_PER_CLASS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        codes = sorted(counts)
        try:
            if n_total > 0:
                sizes = allocate_stratified(
                    [counts[c] for c in codes], n_total=n_total, min_per_class=n_min
                )
            else:
                sizes = allocate_stratified([counts[c] for c in codes], n_per_class=max(n_per, 1))
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        size_of = {c: int(s) for c, s in zip(codes, sizes)}
        for c in codes:
            feedback.pushInfo(
                self.tr("Class {c}: {px} pixels mapped, {n} sample points").format(
                    c=c, px=counts[c], n=size_of[c]
                )
            )
        try:
            points = engine.sample_stratified_points(
                path, size_of, counts, seed, cancelled=mc.cancel_fn(feedback)
            )
        except engine.OperationCanceled:
            return {}
        if feedback.isCanceled():
            return {}  # before the output is created: nothing to remove
        if parameters.get(self.OUTPUT_POINTS) is None:
            raise QgsProcessingException(
                self.tr("SAMPLE needs the Reference sample points output.")
            )
        sink, dest, fields = mc.table_sink(
            outputs,
            self.OUTPUT_POINTS,
            POINT_COLUMNS,
            QgsWkbTypes.Type.Point,
            layer.crs(),
        )
        rows, geoms = [], []
        for i, (code, _r, _c, x, y) in enumerate(points, start=1):
            rows.append({"point_id": i, "map_class": code, "ref_class": None, "x": x, "y": y})
            geoms.append(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        mc.write_rows(sink, fields, rows, geoms)
        feedback.pushInfo(
            self.tr(
                "{n} points written. Fill ref_class from independent reference data, then run the "
                "ASSESS step."
            ).format(n=len(rows))
        )
        return {self.OUTPUT_POINTS: dest, self.N_SAMPLES: len(rows)}

    def _assess(self, parameters, context, feedback, layer, path, stats, outputs):
        from .. import raster_engine as engine
        from ..core import accuracy as acc
        from ..core.units import RAI_M2

        source = self.parameterAsSource(parameters, self.REFERENCE, context)
        if source is None:
            raise QgsProcessingException(self.tr("ASSESS needs the labelled reference points."))
        ref_field = self.parameterAsString(parameters, self.REF_FIELD, context)
        if not ref_field:
            raise QgsProcessingException(self.tr("Choose the reference class field."))
        map_field = self.parameterAsString(parameters, self.MAP_FIELD, context)
        wkbs, attrs = mc.geometries_as_wkb(
            source,
            layer.crs(),
            context,
            [ref_field] + ([map_field] if map_field else []),
            feedback,
        )
        refs, maps, xy = [], [], []
        skipped = 0
        for wkb, row in zip(wkbs, attrs):
            try:
                ref = int(row[0])
            except (TypeError, ValueError):
                skipped += 1
                continue
            geom = QgsGeometry()
            geom.fromWkb(wkb)
            pt = geom.asPoint() if not geom.isMultipart() else geom.asMultiPoint()[0]
            refs.append(ref)
            xy.append((pt.x(), pt.y()))
            if map_field:
                try:
                    maps.append(int(row[1]))
                except (TypeError, ValueError):
                    maps.append(0)
        if skipped:
            feedback.reportError(
                self.tr("{n} points without a reference class were skipped.").format(n=skipped),
                fatalError=False,
            )
        if not map_field:
            maps = engine.values_at(path, xy).tolist()
        refs = np.asarray(refs, dtype=np.int64)
        maps = np.asarray(maps, dtype=np.int64)
        ok = maps > 0
        if (~ok).any():
            feedback.reportError(
                self.tr("{n} points fall outside the classified area and were skipped.").format(
                    n=int((~ok).sum())
                ),
                fatalError=False,
            )
        refs, maps = refs[ok], maps[ok]
        if refs.size == 0:
            raise QgsProcessingException(self.tr("No usable reference points."))
        mapped = stats.as_dict()
        classes = sorted(set(mapped) | set(refs.tolist()) | set(maps.tolist()))
        matrix, cls = acc.confusion_matrix(maps, refs, classes)
        px = np.array([mapped.get(c, (0, 0.0))[0] for c in classes], dtype=np.int64)
        area_m2 = np.array([mapped.get(c, (0, 0.0))[1] for c in classes])
        missing = [
            c for c, n in zip(classes, matrix.sum(axis=1)) if n == 0 and mapped.get(c, (0,))[0] > 0
        ]
        if missing:
            raise QgsProcessingException(
                self.tr(
                    "Map classes {c} have no reference points; every mapped class (stratum) needs "
                    "samples for the area estimate."
                ).format(c=", ".join(str(c) for c in missing))
            )
        est = acc.olofsson_estimate(matrix, area_m2, cls)
        oa_sample = acc.overall_accuracy(matrix)
        kap = acc.kappa(matrix)
        n_map = matrix.sum(axis=1)
        n_ref = matrix.sum(axis=0)
        for i, c in enumerate(classes):
            feedback.pushInfo(
                self.tr(
                    "Class {c}: user's {u:.3f} ± {ui:.3f}, producer's {p:.3f} ± {pi:.3f}; mapped "
                    "{m:.1f} rai → adjusted {a:.1f} ± {ai:.1f} rai"
                ).format(
                    c=c,
                    u=est.users[i],
                    ui=acc.Z95 * est.users_se[i],
                    p=est.producers[i],
                    pi=acc.Z95 * est.producers_se[i],
                    m=area_m2[i] / RAI_M2,
                    a=est.area[i] / RAI_M2,
                    ai=est.area_ci95[i] / RAI_M2,
                )
            )
        feedback.pushInfo(
            self.tr(
                "Overall accuracy {oa:.3f} ± {ci:.3f} (area-weighted), {oas:.3f} (sample counts); "
                "kappa {k:.3f}; {n} points"
            ).format(
                oa=est.overall, ci=acc.Z95 * est.overall_se, oas=oa_sample, k=kap, n=int(refs.size)
            )
        )
        results = {
            self.OVERALL_ACCURACY: est.overall,
            self.OVERALL_ACCURACY_CI95: acc.Z95 * est.overall_se,
            self.OVERALL_ACCURACY_SAMPLE: oa_sample,
            self.KAPPA: kap,
            self.N_SAMPLES: int(refs.size),
        }
        if feedback.isCanceled():
            return {}  # before the outputs are created: nothing to remove
        if parameters.get(self.OUTPUT_MATRIX) is not None:
            columns = [("kind", "string"), ("map_class", "int")]
            columns += [("ref_{}".format(c), "double") for c in classes] + [("total", "double")]
            sink, dest, fields = mc.table_sink(outputs, self.OUTPUT_MATRIX, columns)
            rows = []
            for kind, mat in (("count", matrix), ("proportion", est.proportions)):
                for i, c in enumerate(classes):
                    row = {"kind": kind, "map_class": c, "total": float(mat[i].sum())}
                    row.update(
                        {"ref_{}".format(r): float(mat[i, j]) for j, r in enumerate(classes)}
                    )
                    rows.append(row)
            mc.write_rows(sink, fields, rows)
            results[self.OUTPUT_MATRIX] = dest
        if parameters.get(self.OUTPUT_CLASSES) is not None:
            sink, dest, fields = mc.table_sink(outputs, self.OUTPUT_CLASSES, CLASS_COLUMNS)
            rows = []
            for i, c in enumerate(classes):
                rows.append(
                    {
                        "class": c,
                        "n_map": int(n_map[i]),
                        "n_ref": int(n_ref[i]),
                        "users_acc": est.users[i],
                        "users_ci95": acc.Z95 * est.users_se[i],
                        "producers_acc": est.producers[i],
                        "producers_ci95": acc.Z95 * est.producers_se[i],
                        "f1": est.f1[i],
                        "mapped_px": int(px[i]),
                        "mapped_m2": float(area_m2[i]),
                        "adj_area_m2": float(est.area[i]),
                        "adj_ci95_m2": float(est.area_ci95[i]),
                        "adj_area_rai": float(est.area[i]) / RAI_M2,
                        "adj_ci95_rai": float(est.area_ci95[i]) / RAI_M2,
                        "adj_share_pct": 100.0 * float(est.area_proportion[i]),
                    }
                )
            mc.write_rows(sink, fields, rows)
            results[self.OUTPUT_CLASSES] = dest
        feedback.setProgress(100)
        return results
