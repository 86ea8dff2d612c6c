"""Regression tests for the defects the hardening corpus found and that were fixed."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.sampling_stats import EstimationError, stratified_estimate
from carbon_pool_plugin.core.tabular import detect_text_encoding

from . import corpus as C
from .test_corpus import CASES, check_case


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


# ---- invalid geometries: no crash, the Processing setting honoured --------------------------------
def _bowtie_strata_world(tmp_path):
    world = C.base_world(tmp_path / "w")
    return C.strata_with(C.bowtie_stratum)(tmp_path, world)


def _extra_bowtie_strata_world(tmp_path):
    """The base strata plus a third polygon (stratum A, feature id 3) that is a bow-tie."""

    def add_bowtie(rows):
        rows = list(rows)
        x, y = C.X0 + 600, C.Y0
        bowtie = f"POLYGON(({x} {y},{x + 50} {y + 50},{x + 50} {y},{x} {y + 50},{x} {y}))"
        return rows + [(bowtie, rows[0][1])]

    world = C.base_world(tmp_path / "w")
    return C.strata_with(add_bowtie)(tmp_path, world)


def _context(check):
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(check)
    return context


@pytest.mark.parametrize("case", [c for c in CASES if c.isolate], ids=lambda c: c.id)
def test_isolated_corpus_cases_pass_in_process(processing, tmp_path, case):
    """The cases run in a separate process (they used to abort QGIS or corrupt the interpreter)
    also pass in this one: the feature iterators never throw through Python any more."""
    for alg in case.algorithms:
        check_case(processing, case, alg, tmp_path / alg)
        (tmp_path / alg / "alive.txt").write_text("ok", encoding="utf-8")


def test_invalid_geometry_abort_names_layer_and_ids_and_leaves_no_output(processing, tmp_path):
    from qgis.core import QgsFeatureRequest, QgsProcessingException

    from .runners import CapturingFeedback

    world = _bowtie_strata_world(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "carbonpool:stratifiedestimate",
            {
                "PLOTS": world["plots"],
                "PLOT_ID_FIELD": "plot_id",
                "DENSITY_FIELD": "carbon_t_ha",
                "PLOT_STRATUM_FIELD": "stratum",
                "STRATA": world["strata"],
                "STRATUM_FIELD": "class_code",
                "OUTPUT": str(out / "map.gpkg"),
                "OUTPUT_STRATA": str(out / "strata_out.gpkg"),
            },
            context=_context(QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid),
            feedback=CapturingFeedback(),
        )
    message = str(err.value)
    assert "case_strata" in message and "feature id(s): 1" in message
    assert "Fix geometries" in message and "Invalid features filtering" in message
    assert sorted(p.name for p in out.iterdir()) == [], "the map copy was left behind"


@pytest.mark.parametrize("alg", ["samplesize", "stratifiedestimate"])
def test_invalid_geometry_skip_and_no_check(processing, tmp_path, alg):
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from .runners import RUNNERS, CapturingFeedback

    world = _extra_bowtie_strata_world(tmp_path)
    skip = QgsFeatureRequest.InvalidGeometryCheck.GeometrySkipInvalid
    nocheck = QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
    results = {}
    for name, check in (("skip", skip), ("nocheck", nocheck)):
        feedback = CapturingFeedback()
        folder = tmp_path / name
        folder.mkdir()

        class Proc:  # processing.run with this context
            @staticmethod
            def run(alg_id, params, feedback=None, _check=check):
                return processing.run(alg_id, params, context=_context(_check), feedback=feedback)

        results[name] = RUNNERS[alg](Proc, world, folder, feedback)
        log = feedback.text()
        if name == "skip":
            assert re.search(r"invalid geometry and were skipped.*feature id\(s\): 3", log), log
        else:
            assert "invalid geometry" not in log, log
    if alg == "stratifiedestimate":
        counts = {
            k: QgsVectorLayer(v[1]["OUTPUT"], "m", "ogr").featureCount() for k, v in results.items()
        }
        assert counts == {"skip": 2, "nocheck": 3}


def test_input_override_of_the_geometry_check(processing, tmp_path):
    """The input's own "invalid features" option (QgsProcessingFeatureSourceDefinition) wins."""
    from qgis.core import (
        QgsFeatureRequest,
        QgsProcessingException,
        QgsProcessingFeatureSourceDefinition,
    )

    world = _bowtie_strata_world(tmp_path)
    check = QgsFeatureRequest.InvalidGeometryCheck
    flag = QgsProcessingFeatureSourceDefinition.Flag.FlagOverrideDefaultGeometryCheck

    def run(context_check, source_check):
        strata = QgsProcessingFeatureSourceDefinition(
            world["strata"], False, -1, flag, source_check
        )
        return processing.run(
            "carbonpool:samplesize",
            {"STRATA": strata, "STRATUM_FIELD": "class_code", "OUTPUT": "TEMPORARY_OUTPUT"},
            context=_context(context_check),
        )

    assert run(check.GeometryAbortOnInvalid, check.GeometryNoCheck)["N_TOTAL"] > 0
    with pytest.raises(QgsProcessingException, match="invalid geometry"):
        run(check.GeometryNoCheck, check.GeometryAbortOnInvalid)


def test_iter_features_on_a_layer(processing):
    """Plain layers (not Processing sources) go through the same check."""
    from qgis.core import (
        QgsFeature,
        QgsFeatureRequest,
        QgsGeometry,
        QgsProcessingException,
        QgsVectorLayer,
    )

    from carbon_pool_plugin import qgis_io

    from .runners import CapturingFeedback

    layer = QgsVectorLayer("Polygon?crs=EPSG:32647", "bowties", "memory")
    feats = []
    for wkt in (
        "POLYGON((0 0,1 0,1 1,0 1,0 0))",
        "POLYGON((0 0,1 1,1 0,0 1,0 0))",
        "POLYGON((0 0,2 0,2 2,0 2,0 0))",
        "POLYGON((0 0,2 2,2 0,0 2,0 0))",
    ):
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    check = QgsFeatureRequest.InvalidGeometryCheck
    assert len(list(qgis_io.iter_features(layer, check=check.GeometryNoCheck))) == 4
    feedback = CapturingFeedback()
    kept = list(qgis_io.iter_features(layer, feedback=feedback, check=check.GeometrySkipInvalid))
    assert [f.id() for f in kept] == [1, 3]
    assert "2 feature(s) of the layer “bowties”" in feedback.text()
    assert "feature id(s): 2, 4" in feedback.text()
    with pytest.raises(QgsProcessingException, match=r"“bowties”.*feature id\(s\): 2, 4\)"):
        list(qgis_io.iter_features(layer, check=check.GeometryAbortOnInvalid))
    no_geometry = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    assert (
        len(list(qgis_io.iter_features(layer, no_geometry, check=check.GeometryAbortOnInvalid)))
        == 4
    )
