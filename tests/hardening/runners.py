"""One runner per algorithm: build its parameters from a corpus *world* and run it.

Each runner returns ``(result, feedback, outputs)`` where ``outputs`` maps an output key to the
path written. Runners that need the tree biomass first (plot carbon, stock change, uncertainty)
run ``carbonpool:treebiomass`` on the world's tree table as a first step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict

from qgis.core import QgsProcessingFeedback


class CapturingFeedback(QgsProcessingFeedback):
    """Records every message (info, warning, error) and can cancel itself at a progress mark."""

    def __init__(self, cancel_at: float | None = None, cancel_on_info: str | None = None):
        super().__init__()
        self.messages: list = []
        self.errors: list = []
        self.cancel_at = cancel_at
        self.cancel_on_info = cancel_on_info
        self.cancel_time: float | None = None
        self.progress_seen: list = []

    def _cancel(self):
        import time

        if self.cancel_time is None:
            self.cancel_time = time.perf_counter()
            self.cancel()

    def setProgress(self, progress):  # noqa: N802
        self.progress_seen.append(progress)
        if self.cancel_at is not None and progress >= self.cancel_at:
            self._cancel()
        super().setProgress(progress)

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(info)
        if self.cancel_on_info and self.cancel_on_info in info:
            self._cancel()
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.messages.append(error)
        self.errors.append(error)
        super().reportError(error, fatalError)

    def text(self) -> str:
        return "\n".join(str(m) for m in self.messages)


def tree_params(world: Dict, source_key: str = "trees") -> Dict:
    names = {"plot": "plot", "species": "species", "wd": "wd", "height": "height_m"}
    names.update(world.get("tree_fields", {}))
    params = {
        "INPUT": world[source_key],
        "SPECIES_FIELD": names["species"],
        "DBH_FIELD": "dbh_cm",
        "HEIGHT_FIELD": names["height"],
        "PLOT_FIELD": names["plot"],
        "WOOD_DENSITY_FIELD": names["wd"],
        "METHOD": 0,
    }
    return {k: v for k, v in params.items() if v is not None}


def _with_overrides(world: Dict, alg: str, params: Dict) -> Dict:
    """``params`` updated by the case's per-algorithm overrides (``world["params"][alg]``)."""
    return dict(params, **world.get("params", {}).get(alg, {}))


def run_treebiomass(processing, world, folder: Path, feedback):
    out = str(folder / "trees_out.gpkg")
    params = dict(tree_params(world), OUTPUT=out)
    return processing.run("carbonpool:treebiomass", params, feedback=feedback), {"OUTPUT": out}


def _biomass(processing, world, folder: Path, key: str, feedback) -> str:
    """Tree biomass of world[key] (the first step of the plot/change/uncertainty runners)."""
    out = str(folder / f"{key}_biomass.gpkg")
    params = dict(tree_params(world, key), OUTPUT=out)
    processing.run("carbonpool:treebiomass", params, feedback=feedback)
    return out


def run_plotcarbon(processing, world, folder, feedback):
    trees = _biomass(processing, world, folder, "trees", feedback)
    out = str(folder / "plots_out.gpkg")
    params = {
        "TREES": trees,
        "TREE_PLOT_FIELD": "plot",
        "PLOTS": world["plots"],
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "STRATUM_FIELD": "stratum",
        "OUTPUT": out,
    }
    return processing.run("carbonpool:plotcarbon", params, feedback=feedback), {"OUTPUT": out}


def run_stratifiedestimate(processing, world, folder, feedback):
    outs = {"OUTPUT": str(folder / "map.gpkg"), "OUTPUT_STRATA": str(folder / "strata_out.gpkg")}
    params = {
        "PLOTS": world["plots"],
        "PLOT_ID_FIELD": "plot_id",
        "DENSITY_FIELD": "carbon_t_ha",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATA": world["strata"],
        "STRATUM_FIELD": "class_code",
        **outs,
    }
    params = _with_overrides(world, "stratifiedestimate", params)
    return processing.run("carbonpool:stratifiedestimate", params, feedback=feedback), outs


def run_stockchange(processing, world, folder, feedback):
    t1 = _biomass(processing, world, folder, "trees", feedback)
    t2 = _biomass(processing, world, folder, "trees2", feedback)
    outs = {
        "OUTPUT_TREES": str(folder / "change_trees.gpkg"),
        "OUTPUT_PLOTS": str(folder / "change_plots.gpkg"),
        "OUTPUT_STRATA": str(folder / "change_strata.gpkg"),
        "OUTPUT_MAP": str(folder / "change_map.gpkg"),
    }
    params = {
        "TREES_T1": t1,
        "TREES_T2": t2,
        "TAG_FIELD": "tag",
        "PLOT_FIELD": "plot",
        "PLOTS": world["plots"],
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "PLOT_STRATUM_FIELD": "stratum",
        "DATE1_FIELD": "date_1",
        "DATE2_FIELD": "date_2",
        "STRATA": world["strata"],
        "STRATUM_FIELD": "class_code",
        **outs,
    }
    return processing.run("carbonpool:stockchange", params, feedback=feedback), outs


def run_uncertainty(processing, world, folder, feedback):
    trees = _biomass(processing, world, folder, "trees", feedback)
    outs = {
        "OUTPUT_SUMMARY": str(folder / "mc_summary.gpkg"),
        "OUTPUT_BUDGET": str(folder / "mc_budget.gpkg"),
    }
    params = {
        "TREES": trees,
        "TREE_PLOT_FIELD": "plot",
        "PLOTS": world["plots"],
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "FRACTION_FIELD": "fraction",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATA": world["strata"],
        "STRATUM_FIELD": "class_code",
        "ITERATIONS": 50,
        "SEED": 3,
        "ERROR_BUDGET": False,
        **outs,
    }
    return processing.run("carbonpool:uncertainty", params, feedback=feedback), outs


def run_samplesize(processing, world, folder, feedback):
    outs = {"OUTPUT": str(folder / "sample_size.gpkg")}
    params = {"STRATA": world["strata"], "STRATUM_FIELD": "class_code", **outs}
    return processing.run("carbonpool:samplesize", params, feedback=feedback), outs


def run_designplots(processing, world, folder, feedback):
    outs = {
        "OUTPUT_CENTRES": str(folder / "centres.gpkg"),
        "OUTPUT_PLOTS": str(folder / "design_plots.gpkg"),
        "FIELD_SHEET": str(folder / "sheet.csv"),
        "GPX": str(folder / "plots.gpx"),
    }
    params = {
        "STRATA": world["strata"],
        "STRATUM_FIELD": "class_code",
        "PLOTS_PER_STRATUM": 2,
        "MIN_DISTANCE": 10.0,
        "GRID_SPACING": 30.0,
        "SEED": 5,
        **outs,
    }
    return processing.run("carbonpool:designplots", params, feedback=feedback), outs


def run_vegetationindices(processing, world, folder, feedback):
    outs = {"OUTPUT": str(folder / "indices.tif")}
    params = {"INPUT": world["image"], "PRESET": 0, "INDICES": [0, 1], **outs}
    return processing.run("carbonpool:vegetationindices", params, feedback=feedback), outs


def run_classifygreenspace(processing, world, folder, feedback):
    outs = {"OUTPUT": str(folder / "classified.tif")}
    params = {"INPUT": world["image"], "PRESET": 0, "CLASSIFIER": 2, **outs}
    return processing.run("carbonpool:classifygreenspace", params, feedback=feedback), outs


def run_greenspacepolygons(processing, world, folder, feedback):
    outs = {"OUTPUT": str(folder / "green.gpkg")}
    params = {"INPUT": world["classes"], "GREEN_CLASSES": "1,2", "MIN_AREA_M2": 0.0, **outs}
    return processing.run("carbonpool:greenspacepolygons", params, feedback=feedback), outs


def run_carbonraster(processing, world, folder, feedback):
    outs = {"OUTPUT": str(folder / "carbon.tif")}
    params = {"INPUT": world["classes"], "CLASS_DENSITY": "1:50;2:20;3:0", **outs}
    return processing.run("carbonpool:carbonraster", params, feedback=feedback), outs


def run_accuracyassessment(processing, world, folder, feedback):
    outs = {"OUTPUT_POINTS": str(folder / "acc_points.gpkg")}
    params = {"MODE": 0, "INPUT": world["classes"], "N_PER_CLASS": 5, "MIN_PER_CLASS": 2, **outs}
    return processing.run("carbonpool:accuracyassessment", params, feedback=feedback), outs


RUNNERS: Dict[str, Callable] = {
    "treebiomass": run_treebiomass,
    "plotcarbon": run_plotcarbon,
    "stratifiedestimate": run_stratifiedestimate,
    "stockchange": run_stockchange,
    "uncertainty": run_uncertainty,
    "samplesize": run_samplesize,
    "designplots": run_designplots,
    "vegetationindices": run_vegetationindices,
    "classifygreenspace": run_classifygreenspace,
    "greenspacepolygons": run_greenspacepolygons,
    "carbonraster": run_carbonraster,
    "accuracyassessment": run_accuracyassessment,
}
