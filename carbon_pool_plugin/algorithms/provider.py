"""The ``carbonpool`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path, plugin_version

PROVIDER_ID = "carbonpool"


def algorithm_classes() -> list:
    """Every algorithm class the provider offers (imported here so the list has one home)."""
    from .accuracy_assessment import AccuracyAssessmentAlgorithm
    from .batch_assessment import BatchAssessmentAlgorithm
    from .carbon_raster import CarbonRasterAlgorithm
    from .carbon_report import CarbonReportAlgorithm
    from .classify_green_space import ClassifyGreenSpaceAlgorithm
    from .design_plots import DesignPlotsAlgorithm
    from .export_greenarea import ExportGreenAreaAlgorithm
    from .green_space_polygons import GreenSpacePolygonsAlgorithm
    from .plot_carbon import PlotCarbonAlgorithm
    from .sample_size import SampleSizeAlgorithm
    from .stock_change import StockChangeAlgorithm
    from .stratified_estimate import StratifiedEstimateAlgorithm
    from .tree_biomass import TreeBiomassAlgorithm
    from .uncertainty import UncertaintyAlgorithm
    from .vegetation_indices import VegetationIndicesAlgorithm

    return [
        TreeBiomassAlgorithm,
        ExportGreenAreaAlgorithm,
        PlotCarbonAlgorithm,
        StratifiedEstimateAlgorithm,
        StockChangeAlgorithm,
        SampleSizeAlgorithm,
        DesignPlotsAlgorithm,
        VegetationIndicesAlgorithm,
        ClassifyGreenSpaceAlgorithm,
        GreenSpacePolygonsAlgorithm,
        AccuracyAssessmentAlgorithm,
        CarbonRasterAlgorithm,
        CarbonReportAlgorithm,
        UncertaintyAlgorithm,
        BatchAssessmentAlgorithm,
    ]


class CarbonPoolProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Urban Carbon Pool")

    def longName(self) -> str:  # noqa: N802
        return tr("Urban Carbon Pool {version}").format(version=plugin_version())

    def versionInfo(self) -> str:  # noqa: N802
        return plugin_version()

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path()

    def loadAlgorithms(self) -> None:  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
        # Shipped Processing models (carbon_pool_plugin/models/*.model3), e.g. the yearly workflow.
        from .models import add_shipped_models

        add_shipped_models(self)
