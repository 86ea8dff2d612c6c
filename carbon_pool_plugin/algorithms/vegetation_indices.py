"""carbonpool:vegetationindices — NDVI, EVI, SAVI, NDWI, NDBI from a multiband image, block by block."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from . import mapping_common as mc
from .base import CarbonPoolAlgorithm


class VegetationIndicesAlgorithm(CarbonPoolAlgorithm):
    INPUT = "INPUT"
    INDICES = "INDICES"
    OUTPUT = "OUTPUT"
    N_VALID = "N_VALID"
    BANDS = "BANDS"

    GROUP_ID = "mapping"

    def name(self) -> str:
        return "vegetationindices"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Vegetation and water indices")

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Computes spectral indices from a multiband image, one Float32 band per index "
            "(nodata −9999, band descriptions = index names):\n"
            "NDVI = (NIR − R)/(NIR + R); EVI = 2.5 (NIR − R)/(NIR + 6R − 7.5B + 1); "
            "SAVI = 1.5 (NIR − R)/(NIR + R + 0.5); NDWI (McFeeters) = (G − NIR)/(G + NIR); "
            "NDBI = (SWIR1 − NIR)/(SWIR1 + NIR).\n\n"
            "Digital numbers are converted to reflectance first (preset or scale/offset) — EVI and "
            "SAVI need true reflectance. Nodata pixels and zero denominators give nodata. The image "
            "is processed in full-width row blocks, so memory stays flat for any size; the output "
            "file appears only when it is complete."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        p = QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Multiband image"))
        p.setHelp(self.tr("Surface-reflectance image (GeoTIFF or any GDAL raster)."))
        self.addParameter(p)
        mc.add_band_role_parameters(self, self.INPUT)
        p = QgsProcessingParameterEnum(
            self.INDICES,
            self.tr("Indices"),
            options=["NDVI", "EVI", "SAVI", "NDWI", "NDBI"],
            allowMultiple=True,
            defaultValue=[0, 1, 2, 3],
        )
        p.setHelp(
            self.tr(
                "One output band per selected index, in this order. An index whose bands are not "
                "mapped (e.g. NDBI without SWIR1) is skipped with a warning."
            )
        )
        self.addParameter(p)
        p = QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Indices"))
        p.setHelp(self.tr("Float32 GeoTIFF, nodata −9999, one band per index."))
        self.addParameter(p)
        self.addOutput(
            QgsProcessingOutputNumber(self.N_VALID, self.tr("Valid NDVI/first-index pixels"))
        )
        self.addOutput(QgsProcessingOutputString(self.BANDS, self.tr("Output bands")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from .. import raster_engine as engine
        from ..core.classification import INDEX_NAMES, INDEX_ROLES

        _layer, path, _info, roles = mc.image_with_band_roles(self, parameters, self.INPUT, context)
        chosen = [INDEX_NAMES[i] for i in self.parameterAsEnums(parameters, self.INDICES, context)]
        names = []
        for name in chosen:
            if roles.has(*INDEX_ROLES[name]):
                names.append(name)
            else:
                feedback.reportError(
                    self.tr("{index} skipped: it needs the {roles} band(s).").format(
                        index=name, roles=", ".join(INDEX_ROLES[name])
                    ),
                    fatalError=False,
                )
        if not names:
            raise QgsProcessingException(self.tr("No index can be computed with these bands."))
        out_path = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        feedback.pushInfo(
            self.tr("Bands {bands}; reflectance = DN × {s} + {o}; indices {idx}").format(
                bands=", ".join("{}={}".format(k, v) for k, v in roles.bands().items()),
                s=roles.scale,
                o=roles.offset,
                idx=", ".join(names),
            )
        )
        try:
            result = engine.run_indices(
                path,
                out_path,
                roles,
                names,
                progress=mc.progress_fn(feedback, 0, 100),
                cancelled=mc.cancel_fn(feedback),
            )
        except engine.OperationCanceled:
            feedback.pushInfo(self.tr("Cancelled; no output was written."))
            return {}
        except (ValueError, RuntimeError) as err:
            raise QgsProcessingException(str(err)) from err
        valid = result["valid_pixels"]
        for name in names:
            feedback.pushInfo(
                self.tr("{index}: {n} valid pixels").format(index=name, n=valid[name])
            )
        return {
            self.OUTPUT: out_path,
            self.N_VALID: valid[names[0]],
            self.BANDS: ",".join(names),
        }
