"""Output styling on load, shared by all algorithms.

A ``QgsProcessingLayerPostProcessorInterface`` applies a bundled QML style (``styles/<name>``) and
optionally renames the layer when Processing loads an output; :func:`attach_style` attaches it only
when the user asked to load that output. The algorithm never touches the project itself.
"""

from __future__ import annotations

from qgis.core import QgsProcessingLayerPostProcessorInterface

from ..paths import STYLES_DIR

#: Post-processors must outlive processAlgorithm (QGIS does not take ownership from Python):
#: keep a reference per destination id, as QGIS's own Python examples do.
_POST_PROCESSORS: dict = {}


def style_path(qml_name: str) -> str:
    """Absolute path of a bundled QML style."""
    return str(STYLES_DIR / qml_name)


class StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    """Applies a bundled QML style (``styles/<name>``) to a layer when it is loaded, and sets its
    name when ``layer_name`` is given."""

    def __init__(self, qml_name: str, layer_name: str = ""):
        super().__init__()
        self.qml_name = qml_name
        self.qml_path = style_path(qml_name)
        self.layer_name = layer_name

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if layer is None or not layer.isValid():
            return
        if self.layer_name:
            layer.setName(self.layer_name)
        message, ok = layer.loadNamedStyle(self.qml_path)
        if not ok and feedback is not None:
            feedback.reportError(message, fatalError=False)
        layer.triggerRepaint()


def attach_style(context, dest_id: str, qml_name: str, layer_name: str = "") -> bool:
    """Style ``dest_id`` on load if the user asked to load it (True when attached).

    Outputs that are not loaded (``qgis_process``, ``processing.run`` to a file) are left alone:
    the algorithm never touches the project itself.
    """
    if not dest_id or not context.willLoadLayerOnCompletion(dest_id):
        return False
    details = context.layerToLoadOnCompletionDetails(dest_id)
    if layer_name:
        details.name = layer_name
    processor = StyleOnLoad(qml_name, layer_name)
    _POST_PROCESSORS[dest_id] = processor
    details.setPostProcessor(processor)
    return True
