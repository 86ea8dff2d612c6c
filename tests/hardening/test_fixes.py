"""Regression tests for the defects the hardening corpus found and that were fixed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.sampling_stats import EstimationError, stratified_estimate
from carbon_pool_plugin.core.tabular import detect_text_encoding

from . import corpus as C


# ---- core (pure Python) -------------------------------------------------------------------------
def test_detect_text_encoding(tmp_path):
    utf8 = tmp_path / "u.csv"
    utf8.write_text("species\nจามจุรี\n", encoding="utf-8")
    bom = tmp_path / "b.csv"
    bom.write_text("species\nจามจุรี\n", encoding="utf-8-sig")
    assert detect_text_encoding(str(utf8)) is None
    assert detect_text_encoding(str(bom)) is None
    assert detect_text_encoding(str(C.DATA / "trees_tis620.csv")) == "windows-874"
    assert detect_text_encoding(str(C.DATA / "trees_cp874.csv")) == "windows-874"
    junk = tmp_path / "j.csv"
    junk.write_bytes(b"a,b\n\x81\x82\xff\xfe\n")
    with pytest.raises(ValueError, match="not UTF-8"):
        detect_text_encoding(str(junk))


def test_detect_text_encoding_chunk_boundary(tmp_path):
    """A multi-byte UTF-8 character cut by the read limit is not mistaken for bad bytes."""
    path = tmp_path / "long.csv"
    path.write_text("x" * 9 + "จ" * 10, encoding="utf-8")
    assert detect_text_encoding(str(path), max_bytes=10) is None


def test_missing_plot_values_name_the_plots():
    values = pd.DataFrame(
        {
            "plot_id": ["P1", "P2", "P3", "P4"],
            "stratum": ["A", "A", "B", "B"],
            "value": [1.0, np.nan, 3.0, 4.0],
        }
    )
    with pytest.raises(EstimationError, match=r"plot\(s\): P2"):
        stratified_estimate(values, {"A": 1.0, "B": 1.0})
    with pytest.raises(EstimationError, match=r"by stratum: A=1\)"):  # unchanged without ids
        stratified_estimate(values[["stratum", "value"]], {"A": 1.0, "B": 1.0})


# ---- through Processing ------------------------------------------------------------------------
def test_chave_height_model_runs(processing, tmp_path):
    """HEIGHT_MODEL 2 (Chave 2014 Eq. 6a) used to fail: the algorithm passed "chave", which the
    core rejects ("height_model must be one of local, feldpausch, chave_e6a, none")."""
    from qgis.core import QgsVectorLayer

    from .runners import tree_params

    world = C.base_world(tmp_path / "w")
    rows = [list(r) for r in C.BASE_TREES]
    rows[0][4] = ""  # one tree without height: modelled
    world["trees"] = str(C.write_csv(tmp_path / "t.csv", C.TREE_HEADER, rows))
    out = str(tmp_path / "out.gpkg")
    params = dict(tree_params(world), HEIGHT_MODEL=2, E_VALUE=0.05, EQUATION="chave2014_eq4")
    result = processing.run("carbonpool:treebiomass", dict(params, OUTPUT=out))
    assert result["N_TREES"] == 12
    first = next(QgsVectorLayer(out, "o", "ogr").getFeatures())
    assert first["height_source"] == "chave_e6a"
    assert "H_MODELLED" in first["flags"]


def test_invalid_dbh_is_not_also_missing(processing, tmp_path):
    from qgis.core import QgsVectorLayer

    from .runners import tree_params

    world = C.base_world(tmp_path / "w")
    rows = [list(r) for r in C.BASE_TREES]
    rows[0][3], rows[1][3], rows[2][3] = "-5", "abc", ""
    world["trees"] = str(C.write_csv(tmp_path / "t.csv", C.TREE_HEADER, rows))
    out = str(tmp_path / "out.gpkg")
    processing.run("carbonpool:treebiomass", dict(tree_params(world), OUTPUT=out))
    flags = [f["flags"] for f in QgsVectorLayer(out, "o", "ogr").getFeatures()]
    assert flags[:3] == ["DBH_INVALID", "DBH_INVALID", "DBH_MISSING"]


def test_user_encoding_choice_is_respected(processing, tmp_path):
    """A layer whose encoding the user set is not re-guessed."""
    from qgis.core import QgsVectorLayer

    from .runners import CapturingFeedback

    layer = QgsVectorLayer(str(C.DATA / "trees_tis620.csv"), "t", "ogr")
    layer.setProviderEncoding("TIS-620")
    feedback = CapturingFeedback()
    out = str(tmp_path / "out.gpkg")
    processing.run(
        "carbonpool:treebiomass",
        {"INPUT": layer, "SPECIES_FIELD": "species", "DBH_FIELD": "dbh_cm", "OUTPUT": out},
        feedback=feedback,
    )
    assert "not UTF-8" not in feedback.text()
    species = [f["species"] for f in QgsVectorLayer(out, "o", "ogr").getFeatures()]
    assert species[0] == "จามจุรี"
