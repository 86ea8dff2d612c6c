"""Helpers shared by the green-space mapping algorithms (plain functions, no mixins).

Band-role parameters, raster paths, geometries in the raster CRS as WKB, table sinks, feedback
adapters for :mod:`carbon_pool_plugin.raster_engine`, and styling a class raster with
``styles/green_classes.qml`` when it is loaded (through :mod:`.styling`).
"""

from __future__ import annotations

from typing import List, Optional, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .. import qgis_io
from ..core.classification import PRESET_IDS, ROLES, BandRoles, resolve_roles
from ..i18n import tr
from ..paths import STYLES_DIR
from .styling import attach_style

PRESET = "PRESET"
ROLE_PARAMS = {
    "blue": "BLUE_BAND",
    "green": "GREEN_BAND",
    "red": "RED_BAND",
    "nir": "NIR_BAND",
    "swir1": "SWIR1_BAND",
}
SCALE = "SCALE"
OFFSET = "OFFSET"
CLASS_STYLE = STYLES_DIR / "green_classes.qml"


def preset_labels() -> List[str]:
    return [
        tr("4-band aerial / 10 m stack (B, G, R, NIR; reflectance × 10000)"),
        tr("Sentinel-2 L2A 12-band stack (scale 1e-4, no offset)"),
        tr("Sentinel-2 L2A 12-band stack, processing baseline ≥ 04.00 (offset −1000 DN)"),
        tr("Landsat 8/9 Collection 2 Level-2 (scale 2.75e-5, offset −0.2)"),
        tr("Custom (band numbers below)"),
    ]


def add_band_role_parameters(alg, input_key: str) -> None:
    """PRESET, the five band-role numbers, SCALE and OFFSET."""
    p = QgsProcessingParameterEnum(
        PRESET, tr("Sensor preset"), options=preset_labels(), defaultValue=0
    )
    p.setHelp(
        tr(
            "Which band is blue/green/red/NIR/SWIR1 and how DN become reflectance "
            "(reflectance = DN × scale + offset). Sentinel-2 L2A products from 25 January 2022 "
            "(processing baseline 04.00) carry an offset of −1000 DN. Band numbers below that are "
            "not 0 override the preset."
        )
    )
    alg.addParameter(p)
    labels = {
        "blue": tr("Blue band"),
        "green": tr("Green band"),
        "red": tr("Red band"),
        "nir": tr("Near-infrared (NIR) band"),
        "swir1": tr("Short-wave infrared 1 (SWIR1) band"),
    }
    for role in ROLES:
        p = QgsProcessingParameterNumber(
            ROLE_PARAMS[role],
            labels[role],
            type=QgsProcessingParameterNumber.Type.Integer,
            minValue=0,
            defaultValue=0,
        )
        p.setHelp(
            tr(
                "1-based band number of this role in the input raster; 0 keeps the preset "
                "(or, with the Custom preset, means the band is absent)."
            )
        )
        alg.addParameter(p)
    p = QgsProcessingParameterNumber(
        SCALE, tr("Reflectance scale"), type=QgsProcessingParameterNumber.Type.Double, optional=True
    )
    p.setHelp(
        tr(
            "Multiplier from DN to reflectance; empty uses the preset (Custom: the band's own "
            "scale metadata, else 1)."
        )
    )
    alg.addParameter(p)
    p = QgsProcessingParameterNumber(
        OFFSET,
        tr("Reflectance offset"),
        type=QgsProcessingParameterNumber.Type.Double,
        optional=True,
    )
    p.setHelp(
        tr(
            "Added after scaling; empty uses the preset (Custom: the band's offset metadata, else 0)."
        )
    )
    alg.addParameter(p)


def _optional_number(alg, parameters, key, context) -> Optional[float]:
    if parameters.get(key) in (None, ""):
        return None
    return alg.parameterAsDouble(parameters, key, context)


def band_roles_from_parameters(alg, parameters, context, ds) -> BandRoles:
    """Resolve PRESET + overrides + SCALE/OFFSET against the open GDAL dataset ``ds``."""
    preset = PRESET_IDS[alg.parameterAsEnum(parameters, PRESET, context)]
    overrides = {
        role: alg.parameterAsInt(parameters, key, context) for role, key in ROLE_PARAMS.items()
    }
    scale = _optional_number(alg, parameters, SCALE, context)
    offset = _optional_number(alg, parameters, OFFSET, context)
    if preset == "custom":
        first = next((b for b in overrides.values() if b and b <= ds.RasterCount), None)
        if first is not None:
            band = ds.GetRasterBand(first)
            if scale is None:
                scale = band.GetScale() or 1.0
            if offset is None:
                offset = band.GetOffset() or 0.0
    try:
        roles = resolve_roles(preset, overrides, scale, offset)
        roles.validate(ds.RasterCount)
    except ValueError as err:
        raise QgsProcessingException(str(err)) from err
    return roles


def image_with_band_roles(alg, parameters, key: str, context):
    """``(layer, path, info, roles)`` of the multiband image parameter ``key``: what
    :func:`gdal_raster_path` gives, its :func:`raster_engine.raster_info` and the band roles of
    :func:`band_roles_from_parameters`."""
    from .. import raster_engine as engine

    layer, path = gdal_raster_path(alg, parameters, key, context)
    try:
        ds = engine.open_raster(path)
        info = engine.raster_info(ds)
    except ValueError as err:
        raise QgsProcessingException(str(err)) from err
    return layer, path, info, band_roles_from_parameters(alg, parameters, context, ds)


class RasterFile:
    """A raster parameter given as a file: its name, source and CRS, without a QGIS layer."""

    def __init__(self, path: str, crs: QgsCoordinateReferenceSystem):
        self._path = path
        self._crs = crs

    def name(self) -> str:
        import os

        return os.path.splitext(os.path.basename(self._path))[0]

    def source(self) -> str:
        return self._path

    def crs(self) -> QgsCoordinateReferenceSystem:
        return self._crs


def raster_file_value(value, context) -> Optional[str]:
    """The path when a raster parameter value is a plain file (not a layer of the project or the
    context, a layer object or an expression), else None."""
    import os

    if not isinstance(value, str) or not value or not os.path.isfile(value):
        return None
    project = context.project() if context is not None else None
    if project is not None and project.mapLayer(value) is not None:
        return None
    return value


def gdal_raster_path(alg, parameters, key: str, context):
    """(layer, path) of a raster parameter that GDAL can open.

    A raster given as a file is not loaded as a QGIS layer: QGIS would compute statistics for its
    rendering, which GDAL saves beside the user's file (``<input>.aux.xml``) or into it (a
    ``.vrt``), and which cost a pass over a huge raster. The file is opened read-only instead and
    a :class:`RasterFile` stands for the layer. A project layer is used as it is; one QGIS has to
    load is loaded with GDAL's PAM off.
    """
    from .. import raster_engine as engine

    path = raster_file_value(parameters.get(key), context)
    if path is not None:
        try:
            ds = engine.open_raster(path)
            wkt = ds.GetProjection() or ""
            ds = None
        except ValueError as err:
            raise QgsProcessingException(
                tr("Could not load source layer for {key}: {err}").format(key=key, err=err)
            ) from err
        crs = QgsCoordinateReferenceSystem.fromWkt(wkt) if wkt else QgsCoordinateReferenceSystem()
        return RasterFile(path, crs), path
    with engine.no_pam():
        layer = alg.parameterAsRasterLayer(parameters, key, context)
    if layer is None:
        raise QgsProcessingException(alg.invalidRasterError(parameters, key))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            tr("The raster “{name}” must be a file GDAL can read (provider: {p}).").format(
                name=layer.name(), p=layer.providerType()
            )
        )
    return layer, layer.source()


def no_crs_help(need_areas: bool) -> str:
    """The help paragraph on rasters without a CRS (see :func:`check_raster_crs`)."""
    if need_areas:
        return tr(
            "A raster without a coordinate reference system (CRS) is processed with a warning: "
            "areas assume its map units are metres and vector layers are not reprojected onto "
            "it. A raster without any georeferencing (pixel coordinates only) is refused, since "
            "its areas cannot be measured."
        )
    return tr(
        "A raster without a coordinate reference system (CRS) is processed with a warning: the "
        "class areas assume its map units are metres and vector layers are not reprojected "
        "onto it."
    )


def check_raster_crs(feedback, layer, info, need_areas: bool) -> None:
    """Warn about a raster without CRS (areas assume metres); refuse one without any
    georeferencing when the outputs are areas (its "metres" would be pixels)."""
    if info.has_crs:
        return
    name = layer.name() if layer is not None else info.path
    if need_areas and not info.georeferenced:
        raise QgsProcessingException(
            tr(
                "The raster “{name}” has no georeferencing (no coordinate reference system and "
                "no geotransform), so the ground size of its pixels is unknown and areas cannot "
                "be measured. Georeference it first (e.g. with the Georeferencer)."
            ).format(name=name)
        )
    width, height = info.pixel_size
    feedback.reportError(
        tr(
            "Warning: the raster “{name}” has no coordinate reference system (CRS). Areas are "
            "computed as if its map units were metres (pixel {w:g} × {h:g} units) and vector "
            "layers are used without reprojection. If that is wrong, assign the CRS (Raster ▸ "
            "Projections ▸ Assign Projection) and run again."
        ).format(name=name, w=width, h=height),
        False,
    )


def geometries_as_wkb(
    source,
    crs: QgsCoordinateReferenceSystem,
    context,
    field_names: Sequence[str] = (),
    feedback=None,
) -> tuple:
    """(list of WKB bytes in ``crs``, list of attribute tuples) for every feature of ``source``.

    Invalid geometries are handled as everywhere else (:func:`qgis_io.iter_features`)."""
    request = QgsFeatureRequest()
    request.setDestinationCrs(crs, context.transformContext())
    fields = source.fields()
    idx = [fields.indexOf(n) for n in field_names]
    wkbs, attrs = [], []
    for feature in qgis_io.iter_features(source, request, context, feedback):
        geom = feature.geometry()
        if geom is None or geom.isNull() or geom.isEmpty():
            continue
        values = feature.attributes()
        row = tuple(None if i < 0 else _plain(values[i]) for i in idx)
        wkbs.append(bytes(geom.asWkb()))
        attrs.append(row)
    return wkbs, attrs


def _plain(value):
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def geometry_bounds(wkbs: Sequence[bytes]) -> Optional[tuple]:
    from osgeo import ogr

    xmin = ymin = float("inf")
    xmax = ymax = float("-inf")
    for wkb in wkbs:
        g = ogr.CreateGeometryFromWkb(wkb)
        a, b, c, d = g.GetEnvelope()  # minx, maxx, miny, maxy
        xmin, xmax, ymin, ymax = min(xmin, a), max(xmax, b), min(ymin, c), max(ymax, d)
    if xmin == float("inf"):
        return None
    return (xmin, ymin, xmax, ymax)


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------
_KINDS = {"int": QVariant.Int, "double": QVariant.Double, "string": QVariant.String}


def table_fields(columns: Sequence[tuple]) -> QgsFields:
    fields = QgsFields()
    for name, kind in columns:
        fields.append(QgsField(name, _KINDS[kind]))
    return fields


def table_sink(outputs, key, columns, geometry_type=None, crs=None):
    """``(sink, dest_id, fields)`` of output ``key`` made through ``outputs`` (an
    :class:`~carbon_pool_plugin.atomic_outputs.AtomicOutputs`: complete or absent)."""
    fields = table_fields(columns)
    wkb_type = QgsWkbTypes.Type.NoGeometry if geometry_type is None else geometry_type
    sink, dest = outputs.sink(key, fields, wkb_type, crs or QgsCoordinateReferenceSystem())
    if sink is None:
        raise QgsProcessingException(outputs.alg.invalidSinkError(outputs.parameters, key))
    return sink, dest, fields


def write_rows(sink, fields: QgsFields, rows: Sequence[dict], geometries: Sequence = ()) -> None:
    names = fields.names()
    batch = []
    for i, row in enumerate(rows):
        feature = QgsFeature(fields)
        feature.setAttributes([_clean(row.get(n)) for n in names])
        if geometries:
            feature.setGeometry(geometries[i])
        batch.append(feature)
    if batch and not sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert):
        raise QgsProcessingException(tr("Could not write features to the output."))


def _clean(value):
    import math

    import numpy as np

    if value is None:
        return None
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(float(value)) else float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


# --------------------------------------------------------------------------------------------------
# Feedback adapters and styling
# --------------------------------------------------------------------------------------------------
def progress_fn(feedback, lo: float, hi: float):
    def report(fraction: float) -> None:
        feedback.setProgress(lo + (hi - lo) * fraction)

    return report


def cancel_fn(feedback):
    return feedback.isCanceled


def style_class_raster_on_load(context, dest: str) -> None:
    """Style a class raster with ``styles/green_classes.qml`` when Processing loads it."""
    attach_style(context, dest, CLASS_STYLE.name)


def parse_codes(text: str) -> List[int]:
    """ "1,2" or "1 2; 5" → [1, 2, 5]."""
    out = []
    for part in str(text or "").replace(";", ",").replace(" ", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            code = int(part)
        except ValueError as err:
            raise QgsProcessingException(
                tr("“{v}” is not a class code (integers 1–255 expected).").format(v=part)
            ) from err
        if not 1 <= code <= 255:
            raise QgsProcessingException(tr("Class code {v} is outside 1–255.").format(v=code))
        out.append(code)
    return sorted(set(out))
