"""Rasters without a CRS (issue E): warned about, measured as metres, refused without any georeferencing.

The corpus cases ``raster_no_crs`` / ``classes_no_crs`` check the warning for every mapping
algorithm; this file checks what the warning promises (areas as if the map units were metres,
reported as a non-fatal error) and the refusal of rasters whose pixels have no ground size.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from . import corpus as C
from .test_corpus import NO_CRS, Case, Error, Warn, check_case, run_case

AREA_ALGS = ("greenspacepolygons", "carbonraster", "accuracyassessment")


def _unreferenced(key: str):
    """A raster with neither CRS nor geotransform (pixel coordinates only)."""

    def build(folder: Path, world):
        from osgeo import gdal

        arr = C.image_array() if key == "image" else C.class_array()
        arr = arr if arr.ndim == 3 else arr[None]
        path = folder / f"unreferenced_{key}.tif"
        dtype = gdal.GDT_Byte if arr.dtype == np.uint8 else gdal.GDT_UInt16
        ds = gdal.GetDriverByName("GTiff").Create(
            str(path), arr.shape[2], arr.shape[1], arr.shape[0], dtype
        )
        for i, band in enumerate(arr, start=1):
            ds.GetRasterBand(i).WriteArray(band)
        ds = None
        return dict(world, **{key: str(path)})

    return build


UNREFERENCED_CLASSES = Case(
    "classes_unreferenced",
    "class raster without CRS and geotransform",
    AREA_ALGS,
    _unreferenced("classes"),
    Error(r"no georeferencing.*areas cannot be measured"),
)
UNREFERENCED_IMAGE = Case(
    "image_unreferenced",
    "image without CRS and geotransform (the class raster is the output: warn only)",
    ("classifygreenspace",),
    _unreferenced("image"),
    Warn(NO_CRS),
)


@pytest.mark.parametrize("alg", AREA_ALGS)
def test_unreferenced_class_raster_is_refused(processing, tmp_path, alg):
    check_case(processing, UNREFERENCED_CLASSES, alg, tmp_path)


def test_unreferenced_image_is_classified_with_a_warning(processing, tmp_path):
    check_case(processing, UNREFERENCED_IMAGE, "classifygreenspace", tmp_path)


@pytest.mark.parametrize("alg", AREA_ALGS + ("classifygreenspace",))
def test_no_crs_warning_is_a_reported_error(processing, tmp_path, alg):
    """The warning goes through ``reportError(…, fatalError=False)``: it shows in red in the log."""
    key = "image" if alg == "classifygreenspace" else "classes"
    case = Case("no_crs", "no CRS", (alg,), C.raster_without_crs(key), Warn(NO_CRS))
    result, feedback, _world, _outs = run_case(processing, case, alg, tmp_path)
    assert not isinstance(result, Exception), result
    assert any("metres" in str(e) and "CRS" in str(e) for e in feedback.errors), feedback.text()


def test_no_crs_areas_are_metres(processing, tmp_path):
    """Without a CRS the 10-unit pixels of the corpus raster count as 100 m² each."""
    from osgeo import gdal

    case = Case(
        "no_crs", "no CRS", ("carbonraster",), C.raster_without_crs("classes"), Warn(NO_CRS)
    )
    result, _feedback, world, _outs = run_case(processing, case, "carbonraster", tmp_path)
    assert not isinstance(result, Exception), result
    arr = gdal.Open(world["classes"]).ReadAsArray()
    density = {1: 50.0, 2: 20.0, 3: 0.0}  # the runner's CLASS_DENSITY
    expected_t = sum(density.get(int(c), 0.0) * 0.01 for c in arr.ravel())  # 100 m² = 0.01 ha
    assert result["TOTAL_TC"] == pytest.approx(expected_t)


@pytest.mark.parametrize(
    "alg", ["classifygreenspace", "greenspacepolygons", "carbonraster", "accuracyassessment"]
)
def test_help_documents_rasters_without_crs(plugin, alg):
    from qgis.core import QgsApplication

    help_text = QgsApplication.processingRegistry().algorithmById("carbonpool:" + alg)
    assert "coordinate reference system (CRS)" in help_text.shortHelpString()
