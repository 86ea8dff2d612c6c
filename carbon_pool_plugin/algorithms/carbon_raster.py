"""carbonpool:carbonraster — class raster + measured class carbon densities → carbon map and totals."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingUtils,
)

from . import mapping_common as mc
from .base import CarbonPoolAlgorithm

TABLE_COLUMNS = [
    ("zone", "string"),
    ("class", "int"),
    ("area_ha", "double"),
    ("density_tc_ha", "double"),
    ("density_low", "double"),
    ("density_high", "double"),
    ("total_tc", "double"),
    ("total_tc_low", "double"),
    ("total_tc_high", "double"),
    ("total_tco2e", "double"),
]
ALL = "ALL"


def parse_density_string(text: str) -> dict:
    """ "1:45.2:38.1:52.3;2:5.0" → {1: (45.2, 38.1, 52.3), 2: (5.0, 5.0, 5.0)} (low/high optional)."""
    out = {}
    for item in str(text or "").split(";"):
        item = item.strip()
        if not item:
            continue
        parts = [p.strip() for p in item.split(":")]
        if len(parts) not in (2, 4):
            raise ValueError(item)
        code = int(parts[0])
        mean = float(parts[1])
        low, high = (float(parts[2]), float(parts[3])) if len(parts) == 4 else (mean, mean)
        out[code] = (mean, low, high)
    return out


def combine(areas_ha: np.ndarray, dens: np.ndarray) -> tuple:
    """Total and interval over classes, strata independent: half-widths added in quadrature.

    ``dens`` rows are (mean, low, high). Returns (total, low, high, low_correlated, high_correlated).
    """
    mean = float((areas_ha * dens[:, 0]).sum())
    lo_hw = areas_ha * (dens[:, 0] - dens[:, 1])
    hi_hw = areas_ha * (dens[:, 2] - dens[:, 0])
    low = mean - float(np.sqrt((lo_hw**2).sum()))
    high = mean + float(np.sqrt((hi_hw**2).sum()))
    return (
        mean,
        low,
        high,
        float((areas_ha * dens[:, 1]).sum()),
        float((areas_ha * dens[:, 2]).sum()),
    )


class CarbonRasterAlgorithm(CarbonPoolAlgorithm):
    INPUT = "INPUT"
    CLASS_DENSITY = "CLASS_DENSITY"
    DENSITY_TABLE = "DENSITY_TABLE"
    DENSITY_CLASS_FIELD = "DENSITY_CLASS_FIELD"
    DENSITY_MEAN_FIELD = "DENSITY_MEAN_FIELD"
    DENSITY_LOW_FIELD = "DENSITY_LOW_FIELD"
    DENSITY_HIGH_FIELD = "DENSITY_HIGH_FIELD"
    BOUNDARY = "BOUNDARY"
    ZONE_FIELD = "ZONE_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    TOTAL_TC = "TOTAL_TC"
    TOTAL_TC_LOW = "TOTAL_TC_LOW"
    TOTAL_TC_HIGH = "TOTAL_TC_HIGH"
    TOTAL_TCO2E = "TOTAL_TCO2E"
    AREA_HA = "AREA_HA"

    GROUP_ID = "mapping"

    def name(self) -> str:
        return "carbonraster"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Carbon map from class densities")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Gives every pixel the carbon density (tC/ha) of its class, measured on your plots (e.g. "
                "the stratum means and confidence limits of ‘Stratified estimate’), and sums carbon per "
                "class and per municipality: total = Σ area × density, with an interval that combines "
                "the class intervals as independent strata (half-widths added in quadrature); the "
                "fully correlated bounds Σ area × low / high are given in the log. CO2e = C × 44/12.\n\n"
                "Densities as text: code:mean[:low:high] separated by ‘;’, e.g. "
                "1:45.2:38.1:52.3;2:5.0:3.1:6.9 — or a table with class, mean, low and high fields. "
                "Classes without a density count as 0 tC/ha. Pixel areas come from the geotransform "
                "(projected CRS) or from the ellipsoid per row (geographic CRS). Map classification "
                "error is not included in the interval."
            )
            + "\n\n"
            + mc.no_crs_help(True)
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Class raster"))
        p.setHelp(self.tr("Integer class raster, e.g. from ‘Classify green space’."))
        self.addParameter(p)
        p = QgsProcessingParameterString(
            self.CLASS_DENSITY, self.tr("Class densities (tC/ha)"), optional=True, defaultValue=""
        )
        p.setHelp(self.tr("code:mean[:low:high];… e.g. 1:45.2:38.1:52.3;2:5.0:3.1:6.9"))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.DENSITY_TABLE,
            self.tr("Density table"),
            [QgsProcessing.SourceType.TypeVector],
            optional=True,
        )
        p.setHelp(self.tr("Alternative to the text: one row per class (e.g. a stratum table)."))
        self.addParameter(p)
        for key, label, optional in (
            (self.DENSITY_CLASS_FIELD, self.tr("Class code field"), True),
            (self.DENSITY_MEAN_FIELD, self.tr("Mean density field (tC/ha)"), True),
            (self.DENSITY_LOW_FIELD, self.tr("Lower limit field (tC/ha)"), True),
            (self.DENSITY_HIGH_FIELD, self.tr("Upper limit field (tC/ha)"), True),
        ):
            p = QgsProcessingParameterField(
                key,
                label,
                parentLayerParameterName=self.DENSITY_TABLE,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=optional,
            )
            p.setHelp(self.tr("Field of the density table; limits are optional (mean used)."))
            self.addParameter(p)
        p = QgsProcessingParameterFeatureSource(
            self.BOUNDARY,
            self.tr("Municipal boundaries"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
        p.setHelp(
            self.tr("Totals per polygon and for all of them; without it, for the whole raster.")
        )
        self.addParameter(p)
        p = QgsProcessingParameterField(
            self.ZONE_FIELD,
            self.tr("Boundary name field"),
            parentLayerParameterName=self.BOUNDARY,
            optional=True,
        )
        p.setHelp(self.tr("Labels the zones in the table (default: feature number)."))
        self.addParameter(p)
        p = QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Carbon density (tC/ha)"))
        p.setHelp(self.tr("Float32 GeoTIFF, nodata −9999."))
        self.addParameter(p)
        p = QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE,
            self.tr("Carbon per class and zone"),
            type=QgsProcessing.SourceType.TypeVector,
            optional=True,
        )
        p.setHelp(
            self.tr("Rows per zone × class and a class ‘0’ total row per zone (zone ALL = all).")
        )
        self.addParameter(p)
        for key, label in (
            (self.TOTAL_TC, self.tr("Total carbon (tC)")),
            (self.TOTAL_TC_LOW, self.tr("Total carbon lower limit (tC)")),
            (self.TOTAL_TC_HIGH, self.tr("Total carbon upper limit (tC)")),
            (self.TOTAL_TCO2E, self.tr("Total CO2e (t)")),
            (self.AREA_HA, self.tr("Classified area (ha)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def _densities(self, parameters, context) -> dict:
        text = self.parameterAsString(parameters, self.CLASS_DENSITY, context)
        table = self.parameterAsSource(parameters, self.DENSITY_TABLE, context)
        if text and text.strip():
            try:
                dens = parse_density_string(text)
            except ValueError as err:
                raise QgsProcessingException(
                    self.tr("Cannot read class density “{v}”: use code:mean[:low:high];…").format(
                        v=err
                    )
                ) from err
        elif table is not None:
            keys = [
                self.parameterAsString(parameters, k, context)
                for k in (
                    self.DENSITY_CLASS_FIELD,
                    self.DENSITY_MEAN_FIELD,
                    self.DENSITY_LOW_FIELD,
                    self.DENSITY_HIGH_FIELD,
                )
            ]
            if not keys[0] or not keys[1]:
                raise QgsProcessingException(self.tr("Choose the class and mean density fields."))
            from .. import qgis_io

            frame, _ = qgis_io.read_frame(table, [k for k in keys if k])
            dens = {}
            for _, row in frame.iterrows():
                if row[keys[0]] is None or row[keys[1]] is None:
                    continue
                mean = float(row[keys[1]])
                low = float(row[keys[2]]) if keys[2] and row[keys[2]] is not None else mean
                high = float(row[keys[3]]) if keys[3] and row[keys[3]] is not None else mean
                dens[int(row[keys[0]])] = (mean, low, high)
        else:
            raise QgsProcessingException(self.tr("Give class densities as text or as a table."))
        for code, (mean, low, high) in dens.items():
            if not 1 <= code <= 255:
                raise QgsProcessingException(
                    self.tr("Class code {c} is outside 1–255.").format(c=code)
                )
            if not (math.isfinite(mean) and low <= mean <= high and low >= 0):
                raise QgsProcessingException(
                    self.tr("Class {c}: need 0 ≤ low ≤ mean ≤ high (got {m}, {lo}, {hi}).").format(
                        c=code, m=mean, lo=low, hi=high
                    )
                )
        return dens

    def _process(self, parameters, context, feedback, outputs):
        from osgeo import gdal

        from .. import raster_engine as engine
        from ..core.units import C_TO_CO2, HA_M2

        layer, path = mc.gdal_raster_path(self, parameters, self.INPUT, context)
        dens = self._densities(parameters, context)
        try:
            info = engine.raster_info(engine.open_raster(path))
        except ValueError as err:
            raise QgsProcessingException(str(err)) from err
        mc.check_raster_crs(feedback, layer, info, need_areas=True)
        zones, names = None, []
        boundary = self.parameterAsSource(parameters, self.BOUNDARY, context)
        if boundary is not None:
            zone_field = self.parameterAsString(parameters, self.ZONE_FIELD, context)
            wkbs, attrs = mc.geometries_as_wkb(
                boundary, layer.crs(), context, [zone_field] if zone_field else [], feedback
            )
            if not wkbs:
                raise QgsProcessingException(self.tr("The boundary layer has no polygons."))
            names = [
                str(a[0]) if zone_field and a[0] is not None else str(i)
                for i, a in enumerate(attrs, start=1)
            ]
            tmp = QgsProcessingUtils.generateTempFilename("carbon_zones.tif")
            zones = engine.rasterize_wkb(
                info, wkbs, range(1, len(wkbs) + 1), gdal.GDT_UInt32, path=tmp
            )
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        try:
            areas = engine.carbon_raster(
                path,
                out_path,
                {c: v[0] for c, v in dens.items()},
                zones,
                len(names),
                progress=mc.progress_fn(feedback, 0, 90),
                cancelled=mc.cancel_fn(feedback),
            )
        except engine.OperationCanceled:
            return {}
        except (ValueError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from err
        zones = None
        areas_ha = areas / HA_M2
        present = [c for c in range(1, 256) if areas_ha[:, c].sum() > 0]
        missing = [c for c in present if c not in dens]
        if missing:
            feedback.reportError(
                self.tr("Classes without a density (counted as 0 tC/ha): {c}").format(
                    c=", ".join(str(c) for c in missing)
                ),
                fatalError=False,
            )
        dmat = np.array([dens.get(c, (0.0, 0.0, 0.0)) for c in present]).reshape(-1, 3)

        def zone_rows(label, a_ha):
            rows = []
            for i, c in enumerate(present):
                if a_ha[i] <= 0:
                    continue
                m, lo, hi = dmat[i]
                rows.append(
                    {
                        "zone": label,
                        "class": c,
                        "area_ha": float(a_ha[i]),
                        "density_tc_ha": m,
                        "density_low": lo,
                        "density_high": hi,
                        "total_tc": float(a_ha[i] * m),
                        "total_tc_low": float(a_ha[i] * lo),
                        "total_tc_high": float(a_ha[i] * hi),
                        "total_tco2e": float(a_ha[i] * m * C_TO_CO2),
                    }
                )
            total, low, high, low_c, high_c = combine(a_ha, dmat)
            rows.append(
                {
                    "zone": label,
                    "class": 0,
                    "area_ha": float(a_ha.sum()),
                    "total_tc": total,
                    "total_tc_low": low,
                    "total_tc_high": high,
                    "total_tco2e": total * C_TO_CO2,
                }
            )
            return rows, (total, low, high, low_c, high_c, float(a_ha.sum()))

        table = []
        if names:
            for z, label in enumerate(names, start=1):
                rows, t = zone_rows(label, areas_ha[z, present])
                table += rows
                feedback.pushInfo(
                    self.tr("{z}: {c:.1f} tC ({lo:.1f}–{hi:.1f}) on {a:.2f} ha").format(
                        z=label, c=t[0], lo=t[1], hi=t[2], a=t[5]
                    )
                )
            scope = areas_ha[1:, present].sum(axis=0)
        else:
            scope = areas_ha[:, present].sum(axis=0)
        rows, totals = zone_rows(ALL, scope)
        table += rows
        total, low, high, low_c, high_c, area_ha = totals
        feedback.pushInfo(
            self.tr(
                "Total {c:.1f} tC (independent strata: {lo:.1f}–{hi:.1f}; fully correlated: "
                "{loc:.1f}–{hic:.1f}) = {co2:.1f} tCO2e on {a:.2f} ha"
            ).format(
                c=total, lo=low, hi=high, loc=low_c, hic=high_c, co2=total * C_TO_CO2, a=area_ha
            )
        )
        results = {
            self.OUTPUT: out_path,
            self.TOTAL_TC: total,
            self.TOTAL_TC_LOW: low,
            self.TOTAL_TC_HIGH: high,
            self.TOTAL_TCO2E: total * C_TO_CO2,
            self.AREA_HA: area_ha,
        }
        if feedback.isCanceled():  # the outputs are complete or absent
            from .. import qgis_io

            qgis_io.remove_dataset(qgis_io.new_file_path(out_path))
            return {}
        if parameters.get(self.OUTPUT_TABLE) is not None:
            sink, dest, fields = mc.table_sink(outputs, self.OUTPUT_TABLE, TABLE_COLUMNS)
            mc.write_rows(sink, fields, table)
            results[self.OUTPUT_TABLE] = dest
        feedback.setProgress(100)
        return results
