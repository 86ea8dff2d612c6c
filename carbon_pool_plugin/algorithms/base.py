"""Small base class shared by every Carbon Pool algorithm (QGIS core style, no deep mixins)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path, metadata

# Group ids are stable (models refer to them); display names are translated.
GROUPS = {
    "equations": "1 · Trees and equations",
    "baseline": "2 · Plots and baseline",
    "change": "3 · Monitoring and change",
    "network": "4 · Permanent plot network",
    "mapping": "5 · Green-space mapping",
    "reporting": "6 · Maps, reports and export",
}


class CarbonPoolAlgorithm(QgsProcessingAlgorithm):
    """Base: translation, icon, group, help URL, ``createInstance``."""

    GROUP_ID = "equations"

    def tr(self, text: str) -> str:  # noqa: D102
        return tr(text)

    def _add(self, param, help_text: str) -> None:
        """Add ``param`` with its help text."""
        param.setHelp(help_text)
        self.addParameter(param)

    def _field(self, key, label, parent, help_text, optional=True, numeric=False, default=None):
        """Add a field parameter of layer parameter ``parent`` (any type, or numeric only)."""
        kind = (
            QgsProcessingParameterField.DataType.Numeric
            if numeric
            else QgsProcessingParameterField.DataType.Any
        )
        self._add(
            QgsProcessingParameterField(
                key,
                label,
                defaultValue=default,
                parentLayerParameterName=parent,
                type=kind,
                optional=optional,
            ),
            help_text,
        )

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run :meth:`_process` with an :class:`~..atomic_outputs.AtomicOutputs`: its vector
        outputs are written under a temporary name and moved into place only when it returns
        results (a cancelled run returns ``{}``; an exception discards them too). Algorithms
        without vector outputs override ``processAlgorithm`` itself."""
        from ..atomic_outputs import AtomicOutputs

        with AtomicOutputs(self, parameters, context, feedback) as outputs:
            results = self._process(parameters, context, feedback, outputs)
            if results:
                outputs.commit()  # every sink of _process is closed: its frame is gone
            return results

    def _process(self, parameters, context, feedback, outputs):
        """The algorithm's work; make vector sinks with ``outputs.sink(key, fields, wkb, crs)``."""
        raise NotImplementedError

    def parameterAsSource(self, parameters, name, context):  # noqa: N802
        """The source, with QGIS's own invalid-geometry check switched off.

        QGIS 3.22 throws that check's abort through the Python feature iterator, which breaks the
        interpreter; the same check is made in Python by :func:`qgis_io.iter_features` (every read
        of a user layer goes through it), honouring the setting recorded here.
        """
        from .. import qgis_io

        source = super().parameterAsSource(parameters, name, context)
        return qgis_io.disable_qgis_geometry_check(
            source, qgis_io.parameter_geometry_check(parameters, name, context)
        )

    def _required_source(self, parameters, name, context):
        """:meth:`parameterAsSource`, or QGIS's invalid-source error when there is none."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def group(self) -> str:
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def helpUrl(self) -> str:  # noqa: N802
        return metadata().get("homepage", "") + "#" + self.name()

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's checks, without loading raster files as layers and with GDAL's PAM off.

        Checking a raster parameter loads it as a layer, and QGIS then computes statistics for
        its default rendering: GDAL saves them as ``<input>.aux.xml`` beside the user's raster (or
        inside a ``.vrt``) and they cost a pass over a huge raster. A raster given as a file is
        opened by the algorithm itself (:func:`mapping_common.gdal_raster_path`, which reports
        an unreadable file), so its check is skipped here.
        """
        from qgis.core import QgsProcessingParameterRasterLayer, QgsProperty

        from ..raster_engine import no_pam
        from .mapping_common import raster_file_value

        checked = dict(parameters)
        for definition in self.parameterDefinitions():
            key = definition.name()
            if isinstance(definition, QgsProcessingParameterRasterLayer) and raster_file_value(
                parameters.get(key), context
            ):
                checked[key] = QgsProperty.fromValue(parameters[key])
        with no_pam():
            return super().checkParameterValues(checked, context)
