"""The bad-input corpus (issue 11), run against every algorithm each case applies to.

Each row of :data:`CASES` names a case, says which algorithms it applies to, how its input is built
(a builder from :mod:`tests.hardening.corpus`) and the documented outcome:

* ``Flag(code, rows)`` — the run succeeds, the output keeps every input row, and the rows ``rows``
  (0-based input order) carry ``code`` in their ``flags`` field;
* ``Warn(pattern)`` — the run succeeds, keeps every row, and the log matches ``pattern``;
* ``Ok()`` — the run succeeds and keeps every row;
* ``Error(pattern)`` — a :class:`QgsProcessingException` whose message matches ``pattern`` (so it
  names the layer, field, row or encoding) and is not a Python traceback.

"Keeps every row" is checked by counting: input rows == output rows, never a silent drop.
An expected outcome may differ per algorithm: ``expect`` is then a dict ``{algorithm: outcome}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Optional, Sequence, Tuple, Union

import pytest

from . import corpus as C

TREE_ALGS = ("treebiomass",)
TREE_CHAIN = ("treebiomass", "plotcarbon", "stockchange")
PLOT_ALGS = ("plotcarbon", "stratifiedestimate", "stockchange", "uncertainty")
STRATA_ALGS = ("stratifiedestimate", "stockchange", "uncertainty", "samplesize", "designplots")
IMAGE_ALGS = ("vegetationindices", "classifygreenspace")
CLASS_ALGS = ("greenspacepolygons", "carbonraster", "accuracyassessment")


@dataclass(frozen=True)
class Ok:
    def __str__(self) -> str:
        return "ok: runs, every row kept"


@dataclass(frozen=True)
class Flag:
    code: str
    rows: Tuple[int, ...]

    def __str__(self) -> str:
        return "flag {} on row(s) {}".format(self.code, ", ".join(map(str, self.rows)))


@dataclass(frozen=True)
class Warn:
    pattern: str

    def __str__(self) -> str:
        return "warning /{}/ in the log".format(self.pattern)


@dataclass(frozen=True)
class Error:
    pattern: str

    def __str__(self) -> str:
        return "QgsProcessingException /{}/".format(self.pattern)


Outcome = Union[Ok, Flag, Warn, Error]


@dataclass(frozen=True)
class Case:
    id: str
    description: str
    algorithms: Sequence[str]
    build: Callable[[Path, Dict], Dict]
    expect: Union[Outcome, Dict[str, Outcome]]
    xfail: Dict[str, str] = field(default_factory=dict)
    #: run in a separate QGIS process (the case can crash or corrupt the interpreter)
    isolate: bool = False
    #: further checks on the outputs: ``check(world, outs)``
    check: Optional[Callable[[Dict, Dict], None]] = None

    def outcome(self, alg: str) -> Outcome:
        return self.expect[alg] if isinstance(self.expect, dict) else self.expect


def _tree_rows(*cells):
    """A trees builder setting ``(row, column, value)`` cells."""

    def change(rows):
        for row, column, value in cells:
            rows[row][C.TREE_HEADER.index(column)] = value
        return rows

    return C.trees_with(change)


NO_CRS = r"(?i)(no CRS|without (a )?CRS|coordinate reference system)"


def _thai_read(outs, note=None):
    """The Thai species names survived the encoding (read correctly, matched, written back)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(outs["OUTPUT"], "out", "ogr")
    feats = list(layer.getFeatures())
    assert [f["species"] for f in feats][:2] == ["จามจุรี", "ตะเคียนทอง"]
    assert not any("SPECIES_UNMATCHED" in str(f["flags"] or "") for f in feats)
    if note is not None:
        assert feats[0]["note"] == note


_NO_SOURCE = r"(?i)(could not load source layer|not a valid|cannot|could not|no such file|unable)"

CASES = [
    # ---- DBH -------------------------------------------------------------------------------
    Case(
        "dbh_negative",
        "DBH -5",
        TREE_CHAIN,
        _tree_rows((0, "dbh_cm", "-5")),
        {"treebiomass": Flag("DBH_INVALID", (0,)), "plotcarbon": Ok(), "stockchange": Ok()},
    ),
    Case("dbh_zero", "DBH 0", TREE_ALGS, _tree_rows((1, "dbh_cm", "0")), Flag("DBH_INVALID", (1,))),
    Case(
        "dbh_text",
        "DBH typed as words",
        TREE_ALGS,
        _tree_rows((2, "dbh_cm", "ไม่ได้วัด")),
        Flag("DBH_INVALID", (2,)),
    ),
    Case(
        "dbh_huge",
        "DBH 1e9 cm",
        TREE_ALGS,
        _tree_rows((3, "dbh_cm", "1e9")),
        Flag("DBH_INVALID", (3,)),
    ),
    Case(
        "dbh_inf",
        "DBH 'inf'",
        TREE_ALGS,
        _tree_rows((4, "dbh_cm", "inf")),
        Flag("DBH_INVALID", (4,)),
    ),
    Case(
        "dbh_blank",
        "DBH empty cell",
        TREE_ALGS,
        _tree_rows((5, "dbh_cm", "")),
        Flag("DBH_MISSING", (5,)),
    ),
    Case(
        "dbh_in_mm",
        "every DBH typed in mm",
        TREE_ALGS,
        C.trees_with(C.scale_dbh(10.0)),
        Warn(r"millimetres"),
    ),
    Case(
        "dbh_girth_by_mistake",
        "girths of large trees given as DBH",
        TREE_ALGS,
        C.trees_with(C.scale_dbh(3.14159, 100.0)),
        Warn(r"girth"),
    ),
    Case(
        "dbh_in_metres",
        "DBH typed in metres",
        TREE_ALGS,
        C.trees_with(C.scale_dbh(0.01)),
        Warn(r"metres"),
    ),
    Case(
        "dbh_comma_decimal_cell",
        "one DBH '25,5' (decimal comma)",
        TREE_ALGS,
        _tree_rows((6, "dbh_cm", "25,5")),
        Ok(),
    ),
    # ---- height ----------------------------------------------------------------------------
    Case(
        "height_below_breast",
        "height 1.0 m (< 1.3 m)",
        TREE_ALGS,
        _tree_rows((0, "height_m", "1.0")),
        Flag("H_INVALID", (0,)),
    ),
    Case(
        "height_above_100",
        "height 150 m",
        TREE_ALGS,
        _tree_rows((1, "height_m", "150")),
        Flag("H_INVALID", (1,)),
    ),
    Case(
        "height_text",
        "height 'tall'",
        TREE_ALGS,
        _tree_rows((2, "height_m", "tall")),
        Flag("H_INVALID", (2,)),
    ),
    # ---- species ---------------------------------------------------------------------------
    Case(
        "species_unknown",
        "a species no table knows",
        TREE_ALGS,
        _tree_rows((0, "species", "Fooia barensis")),
        Flag("SPECIES_UNMATCHED", (0,)),
    ),
    Case(
        "species_misspelled",
        "'Samanea samon' (matches the genus only)",
        TREE_ALGS,
        _tree_rows((0, "species", "Samanea samon")),
        Warn(r"genus level.*Samanea samon"),
    ),
    Case(
        "species_blank",
        "no species",
        TREE_ALGS,
        _tree_rows((0, "species", "")),
        Flag("SPECIES_MISSING", (0,)),
    ),
    Case(
        "wd_implausible",
        "user wood density 5 g/cm³",
        TREE_ALGS,
        _tree_rows((0, "wd", "5")),
        Flag("WD_USER_INVALID", (0,)),
    ),
    # ---- identity --------------------------------------------------------------------------
    Case(
        "duplicate_tags",
        "(plot, tag) twice in both surveys",
        ("treebiomass", "stockchange"),
        C.duplicate_tags,
        {"treebiomass": Ok(), "stockchange": Warn(r"DUPLICATE_TAG")},
    ),
    Case(
        "trees_in_no_plot",
        "a tree whose plot id is in no plot",
        ("plotcarbon", "uncertainty"),
        C.trees_in_unknown_plot,
        Warn(r"P99"),
    ),
    Case(
        "nulls_everywhere_trees",
        "every tree cell empty",
        TREE_ALGS,
        C.nulls_everywhere_trees,
        Flag("DBH_MISSING", tuple(range(12))),
    ),
    Case(
        "empty_tree_table",
        "header, no rows (plots then hold zero carbon)",
        TREE_CHAIN,
        C.empty_tree_table,
        Ok(),
    ),
    # ---- encodings and formats -------------------------------------------------------------
    Case(
        "csv_tis620",
        "TIS-620 CSV with Thai names",
        TREE_ALGS,
        C.static_trees("trees_tis620.csv"),
        Warn(r"not UTF-8.*windows-874"),
        check=lambda world, outs: _thai_read(outs),
    ),
    Case(
        "csv_cp874",
        "Windows-874 CSV with Thai names and '…'",
        TREE_ALGS,
        C.static_trees("trees_cp874.csv"),
        Warn(r"not UTF-8.*windows-874"),
        check=lambda world, outs: _thai_read(outs, note="ต้นใหญ่ริมคลอง…"),
    ),
    Case("csv_utf8_bom", "UTF-8 with BOM, Thai headers", TREE_ALGS, C.utf8_bom_thai, Ok()),
    Case(
        "csv_semicolon_comma_decimal",
        "';' separated, decimal commas",
        TREE_ALGS,
        C.comma_decimal_semicolon,
        Ok(),
    ),
    Case(
        "xlsx_merged_header",
        "XLSX with a merged title row above the header",
        TREE_ALGS,
        C.xlsx_merged_header,
        Error(r"“species”.*not found.*merged rows"),
    ),
    Case(
        "corrupt_tree_file",
        "tree GeoPackage with garbage bytes",
        TREE_ALGS,
        C.corrupt_gpkg("trees"),
        Error(_NO_SOURCE),
    ),
    Case(
        "missing_tree_file",
        "tree table path does not exist",
        TREE_ALGS,
        C.missing_file("trees", ".csv"),
        Error(_NO_SOURCE),
    ),
    # ---- plots -----------------------------------------------------------------------------
    Case(
        "plot_outside_polygons",
        "a plot far outside every stratum polygon (stratum by field)",
        ("stratifiedestimate", "plotcarbon"),
        C.plots_with(C.move_plot_outside),
        Ok(),
    ),
    Case(
        "plot_outside_polygons_by_location",
        "a plot outside every polygon, strata by location",
        ("stratifiedestimate",),
        C.plots_by_location(C.move_plot_outside),
        Warn(r"outside every green-space polygon.*P1"),
    ),
    Case(
        "stratum_one_plot",
        "stratum A keeps one plot",
        ("stratifiedestimate", "uncertainty"),
        C.plots_with(C.drop_plots("P2", "P3")),
        Warn(r"(?i)(pool|merge|one plot|1 plot)"),
    ),
    Case(
        "stratum_zero_plots",
        "a stratum polygon without plots",
        ("stratifiedestimate", "uncertainty", "samplesize", "designplots"),
        C.strata_with(C.stratum_without_plots),
        Ok(),
    ),
    Case(
        "empty_plots",
        "plot layer without features",
        PLOT_ALGS,
        C.empty_layer("plots", "plots", "Polygon", C.PLOT_FIELDS),
        {
            "plotcarbon": Error(r"0 plot\(s\) to compute"),
            "stratifiedestimate": Error(r"0 plot\(s\)"),
            "stockchange": Error(r"0 plot\(s\)"),
            "uncertainty": Error(r"0 plot\(s\)"),
        },
    ),
    Case(
        "plots_are_lines",
        "plots as lines (area taken from the area field)",
        ("plotcarbon",),
        C.wrong_geometry("plots", "plots", "LineString", C.PLOT_FIELDS, C.plot_rows),
        Ok(),
    ),
    Case(
        "plot_invalid_geometry",
        "a self-intersecting (bow-tie) plot polygon",
        ("plotcarbon", "stratifiedestimate"),
        C.plots_with(C.bowtie_plot),
        Error(r"(?i)invalid geometry"),
        isolate=True,
    ),
    Case(
        "null_plot_attributes",
        "plot area, fraction and carbon NULL",
        ("plotcarbon", "stratifiedestimate"),
        C.plots_with(C.null_plot_attributes),
        Error(r"P1"),
    ),
    Case(
        "plot_area_negative",
        "plot area -400 m²",
        ("plotcarbon",),
        C.plots_with(C.plot_area_nonpositive),
        Error(r"P2"),
    ),
    Case(
        "density_text",
        "carbon density typed as text 'n/a'",
        ("stratifiedestimate",),
        C.text_density,
        Error(r"P3"),
    ),
    Case(
        "plots_geographic",
        "plots in EPSG:4326",
        ("plotcarbon",),
        C.plots_with(lambda r: C.reproject_rows(r), epsg=4326),
        Ok(),
    ),
    Case(
        "corrupt_plots",
        "plot GeoPackage with garbage bytes",
        ("stratifiedestimate",),
        C.corrupt_gpkg("plots"),
        Error(_NO_SOURCE),
    ),
    # ---- strata ----------------------------------------------------------------------------
    Case(
        "empty_strata",
        "strata layer without features",
        STRATA_ALGS,
        C.empty_layer("strata", "strata", "Polygon", C.STRATA_FIELDS),
        Error(r"(?i)strat"),
    ),
    Case(
        "strata_are_points",
        "strata as points (no area)",
        ("stratifiedestimate", "samplesize", "designplots"),
        C.wrong_geometry("strata", "strata", "Point", C.STRATA_FIELDS, C.strata_rows),
        {
            "stratifiedestimate": Error(r"area of the strata used is 0"),
            "samplesize": Error(r"no stratum with a positive area"),
            "designplots": Warn(r"A: .*too little room"),
        },
    ),
    Case(
        "strata_invalid_geometry",
        "a self-intersecting (bow-tie) stratum polygon",
        ("stratifiedestimate", "samplesize", "designplots"),
        C.strata_with(C.bowtie_stratum),
        Error(r"(?i)invalid geometry"),
        isolate=True,
    ),
    Case(
        "strata_multipart",
        "strata stored as MultiPolygon",
        STRATA_ALGS,
        C.strata_with(C.multipart_strata, geometry="MultiPolygon"),
        Ok(),
    ),
    Case(
        "strata_geographic",
        "strata in EPSG:4326",
        ("stratifiedestimate", "samplesize", "designplots"),
        C.strata_with(lambda r: C.reproject_rows(r), epsg=4326),
        Ok(),
    ),
    Case(
        "crs_mismatch",
        "plots in EPSG:4326, strata in UTM 47N",
        ("stratifiedestimate", "stockchange", "uncertainty"),
        C.plots_with(lambda r: C.reproject_rows(r), epsg=4326),
        Ok(),
    ),
    Case(
        "null_stratum_codes",
        "every stratum code NULL",
        ("stratifiedestimate", "samplesize"),
        C.strata_with(C.null_stratum_codes),
        Error(r"(?i)no (green-space )?polygon.*stratum"),
    ),
    Case(
        "corrupt_strata",
        "strata file with garbage bytes",
        STRATA_ALGS,
        C.corrupt_gpkg("strata"),
        Error(_NO_SOURCE),
    ),
    Case(
        "missing_strata",
        "strata path does not exist",
        ("samplesize", "designplots"),
        C.missing_file("strata"),
        Error(_NO_SOURCE),
    ),
    # ---- rasters ---------------------------------------------------------------------------
    Case(
        "raster_no_crs",
        "image without CRS",
        IMAGE_ALGS,
        C.raster_without_crs("image"),
        {"vegetationindices": Ok(), "classifygreenspace": Warn(NO_CRS)},
    ),
    Case(
        "classes_no_crs",
        "class raster without CRS",
        CLASS_ALGS,
        C.raster_without_crs("classes"),
        Warn(NO_CRS),
    ),
    Case(
        "raster_corrupt",
        "image file with garbage bytes",
        IMAGE_ALGS,
        C.corrupt_raster("image"),
        Error(_NO_SOURCE),
    ),
    Case(
        "classes_corrupt",
        "class raster with garbage bytes",
        CLASS_ALGS,
        C.corrupt_raster("classes"),
        Error(_NO_SOURCE),
    ),
    Case(
        "raster_single_band",
        "a one-band image",
        IMAGE_ALGS,
        C.single_band_image,
        Error(r"(?i)band"),
    ),
    Case(
        "classes_all_nodata",
        "class raster that is all nodata",
        CLASS_ALGS,
        C.all_nodata_classes,
        {
            "greenspacepolygons": Ok(),
            "carbonraster": Ok(),
            "accuracyassessment": Error(r"no classified pixels"),
        },
    ),
    Case(
        "classes_geographic",
        "class raster in EPSG:4326",
        CLASS_ALGS,
        C.raster_geographic("classes"),
        Ok(),
    ),
]

PARAMS = [
    pytest.param(
        case,
        alg,
        id=f"{case.id}-{alg}",
        marks=[pytest.mark.xfail(strict=True, reason=case.xfail[alg])] if alg in case.xfail else [],
    )
    for case in CASES
    for alg in case.algorithms
]


def test_corpus_size():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


# ------------------------------------------------------------------------------------------------
# running a case
# ------------------------------------------------------------------------------------------------
#: algorithm -> (world key of the input counted, output key whose rows must match it)
ROW_KEEPING = {
    "treebiomass": ("trees", "OUTPUT"),
    "plotcarbon": ("plots", "OUTPUT"),
    "stratifiedestimate": ("strata", "OUTPUT"),
    "stockchange": ("plots", "OUTPUT_PLOTS"),
}


def _count(uri: str) -> int:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "count", "ogr")
    assert layer.isValid(), uri
    return layer.featureCount()


def _flags(uri: str) -> list:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "flags", "ogr")
    return [str(f["flags"] or "") for f in layer.getFeatures()]


def run_case(processing, case: Case, alg: str, folder: Path):
    """Build the world of ``case``, run ``alg``: ``(result or exception, feedback, world, outs)``."""
    from .runners import RUNNERS, CapturingFeedback

    world = case.build(folder, C.base_world(folder / "base"))
    feedback = CapturingFeedback()
    run_dir = folder / "run"
    run_dir.mkdir()
    try:
        result, outs = RUNNERS[alg](processing, world, run_dir, feedback)
    except Exception as err:  # noqa: BLE001 - inspected by the caller
        return err, feedback, world, None
    return result, feedback, world, outs


def check_case(processing, case: Case, alg: str, folder: Path) -> None:
    """Run ``case`` on ``alg`` in ``folder`` and assert its documented outcome."""
    from qgis.core import QgsProcessingException

    expected = case.outcome(alg)
    result, feedback, world, outs = run_case(processing, case, alg, folder)

    if isinstance(expected, Error):
        assert isinstance(result, QgsProcessingException), (
            "expected a QgsProcessingException, got {!r}; log:\n{}".format(result, feedback.text())
        )
        message = str(result)
        assert "Traceback" not in message, message
        assert re.search(expected.pattern, message), message
        return

    if isinstance(result, Exception):
        raise AssertionError(
            "{} raised {}: {}\nlog:\n{}".format(alg, type(result).__name__, result, feedback.text())
        )
    log = feedback.text()
    assert "Traceback" not in log
    if alg in ROW_KEEPING:
        src_key, out_key = ROW_KEEPING[alg]
        assert _count(outs[out_key]) == _count(world[src_key]), "rows dropped"
    if isinstance(expected, Warn):
        assert re.search(expected.pattern, log), log
    elif isinstance(expected, Flag):
        flags = _flags(outs["OUTPUT"])
        for row in expected.rows:
            assert expected.code in flags[row].split(";"), (row, flags)
        others = [i for i, f in enumerate(flags) if expected.code in f.split(";")]
        assert set(others) == set(expected.rows), (others, flags)
    if case.check is not None and alg == "treebiomass":
        case.check(world, outs)


def _run_isolated(case: Case, alg: str, folder: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    proc = subprocess.run(
        [sys.executable, "-m", "tests.hardening.isolated", case.id, alg, str(folder)],
        cwd=str(root),
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 0, "isolated run failed (exit {}):\n{}\n{}".format(
        proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:]
    )


@pytest.mark.parametrize(("case", "alg"), PARAMS)
def test_corpus_case(request, tmp_path, case: Case, alg: str):
    if case.isolate:
        _run_isolated(case, alg, tmp_path)
        return
    check_case(request.getfixturevalue("processing"), case, alg, tmp_path)
