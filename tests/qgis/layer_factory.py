"""Small hand-made memory layers for the plot / estimate / change tests."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

_KINDS = {"s": QVariant.String, "d": QVariant.Double, "i": QVariant.Int}


def memory_layer(geometry: str, fields, rows, crs: str = "EPSG:32647", name: str = "layer"):
    """``fields`` = [(name, 's'|'d'|'i')]; ``rows`` = [(wkt or None, [values...])]."""
    uri = geometry if geometry == "None" else "{}?crs={}".format(geometry, crs)
    layer = QgsVectorLayer(uri, name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, _KINDS[k]) for n, k in fields])
    layer.updateFields()
    features = []
    for wkt, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    provider.addFeatures(features)
    assert layer.isValid() and layer.featureCount() == len(rows)
    return layer


def square(x0: float, y0: float, width: float, height: float | None = None) -> str:
    h = width if height is None else height
    return "POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))".format(
        a=x0, b=y0, c=x0 + width, d=y0 + h
    )


TREE_FIELDS = [
    ("plot", "s"),
    ("tag", "s"),
    ("species", "s"),
    ("status", "s"),
    ("dbh_cm", "d"),
    ("agb_kg", "d"),
    ("bgb_kg", "d"),
    ("carbon_kg", "d"),
    ("co2e_kg", "d"),
    ("method", "s"),
]


def trees_layer(rows, name="trees"):
    """rows: (plot, tag, status, dbh_cm, agb_kg); T-VER: BGB = 0.27 AGB, C = 0.47 (AGB + BGB)."""
    out = []
    for plot, tag, status, dbh, agb in rows:
        bgb = None if agb is None else 0.27 * agb
        carbon = None if agb is None else 0.47 * (agb + bgb)
        co2e = None if carbon is None else carbon * 44.0 / 12.0
        out.append(
            (None, [plot, tag, "Samanea saman", status, dbh, agb, bgb, carbon, co2e, "tver"])
        )
    return memory_layer("None", TREE_FIELDS, out, name=name)


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps every message, so tests can check what the log says."""

    def __init__(self):
        super().__init__()
        self.messages = []

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.messages.append(error)
        super().reportError(error, fatalError)

    def text(self) -> str:
        return "\n".join(self.messages)
