"""QGIS layers <-> pandas, in bulk. The only QGIS-aware code between the algorithms and ``core``.

Reading asks QGIS only for the attributes (and geometry) needed, in one pass; QGIS ``NULL`` becomes
``None``. Writing builds features in batches and hands them to the sink with ``FastInsert``.
"""

from __future__ import annotations

import math
from typing import Iterable, Optional, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QVariant

from .i18n import tr

BATCH = 20000


def _null_to_none(values: list) -> list:
    return [None if isinstance(v, QVariant) else v for v in values]


def read_frame(
    source,
    field_names: Optional[Sequence[str]] = None,
    with_geometry: bool = False,
    feedback=None,
    progress_span: tuple[float, float] = (0.0, 30.0),
) -> tuple[pd.DataFrame, list]:
    """Read ``source`` (a ``QgsFeatureSource``) into a DataFrame of the requested fields.

    Returns ``(frame, geometries)``; ``geometries`` is empty unless ``with_geometry``. The frame's
    index is the 0-based row number; ``frame.attrs["fids"]`` keeps the feature ids.
    """
    all_fields = source.fields()
    names = list(field_names) if field_names is not None else all_fields.names()
    for name in names:
        if all_fields.indexOf(name) < 0:
            raise QgsProcessingException(
                tr("Field “{field}” does not exist in the input layer (fields: {fields}).").format(
                    field=name, fields=", ".join(all_fields.names())
                )
            )
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, all_fields)
    indices = [all_fields.indexOf(n) for n in names]
    total = max(source.featureCount(), 1)
    rows: list = []
    fids: list = []
    geoms: list = []
    lo, hi = progress_span
    for i, feature in enumerate(source.getFeatures(request)):
        attrs = feature.attributes()
        rows.append([attrs[j] for j in indices])
        fids.append(feature.id())
        if with_geometry:
            geoms.append(feature.geometry())
        if feedback is not None and i % BATCH == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(lo + (hi - lo) * i / total)
    frame = pd.DataFrame(rows, columns=names, dtype=object)
    if len(frame):
        frame = frame.apply(lambda col: pd.Series(_null_to_none(col.tolist()), dtype=object))
    frame.attrs["fids"] = fids
    return frame, geoms


def output_fields(base: QgsFields, columns: Iterable[tuple[str, str]]) -> QgsFields:
    """``base`` plus new fields ``(name, kind)`` with kind in double/int/string (replacing clashes)."""
    kinds = {"double": QVariant.Double, "int": QVariant.Int, "string": QVariant.String}
    new = list(columns)
    clash = {name for name, _ in new}
    fields = QgsFields()
    for field in base:
        if field.name() not in clash:
            fields.append(field)
    for name, kind in new:
        fields.append(QgsField(name, kinds[kind]))
    return fields


def _python_value(value):
    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def write_frame(
    sink,
    fields: QgsFields,
    frame: pd.DataFrame,
    geometries: Sequence = (),
    feedback=None,
    progress_span: tuple[float, float] = (80.0, 100.0),
) -> int:
    """Write every row of ``frame`` (columns in ``fields`` order) to ``sink``; returns the count."""
    names = fields.names()
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise QgsProcessingException("internal: columns missing for output: " + ", ".join(missing))
    columns = [frame[n].to_numpy(dtype=object) for n in names]
    n = len(frame)
    lo, hi = progress_span
    written = 0
    for start in range(0, n, BATCH):
        if feedback is not None and feedback.isCanceled():
            return written
        stop = min(start + BATCH, n)
        batch = []
        for i in range(start, stop):
            feature = QgsFeature(fields)
            feature.setAttributes([_python_value(col[i]) for col in columns])
            if geometries:
                feature.setGeometry(geometries[i])
            batch.append(feature)
        if not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("Could not write features to the output."))
        written += len(batch)
        if feedback is not None:
            feedback.setProgress(lo + (hi - lo) * stop / max(n, 1))
    return written
