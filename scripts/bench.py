#!/usr/bin/env python3
"""Speed and memory benchmarks against what a user would pick instead (``make bench``).

Never a timed test: run by hand or ``make bench``; results are printed and appended to
``docs/benchmarks.md`` together with a description of the machine.

Cases (``--cases``, default all):

``treebiomass``  1M trees (GeoPackage points, the sample inventory's Thai columns). Compared with
                 a plain ``ogr2ogr`` copy of the same layer to the same format and spatial-index
                 setting (the I/O floor) and with QGIS's ``native:fieldcalculator`` computing one
                 expression. Goal (issue 3): the time ``carbonpool:treebiomass`` adds above the floor
                 is at most ¼ of what the field calculator adds above it.
``plots``        20k plots over 200k green-space polygons: ``native:joinattributesbylocation`` +
                 ``native:aggregate`` (what a user chains by hand), and our plot/stratum algorithm
                 when it is registered (goal issue 4: ≤ 0.5 ×).
``batch``        100 municipalities (trees, plots and green space with ``muni_code``):
                 ``carbonpool:batchassessment`` (treebiomass → plotcarbon → stratifiedestimate per
                 municipality, one municipality in memory at a time), against the I/O floor and one
                 ``treebiomass`` call over the whole tree table (what the tree step alone costs).
``mapping``, ``montecarlo``  delegated to ``scripts/bench_mapping.py`` / ``scripts/bench_montecarlo.py``
                 when those scripts exist (run with ``--quick`` when this run is quick).

QGIS algorithms run with ``processing.run`` in one ``QgsApplication`` in a child process; the time
reported for them is the ``processing.run`` call (QGIS start-up excluded, printed separately), the
peak RSS is the child's (``os.wait4``). Data are generated with fixed seeds and cached in
``bench-cache/`` (delete it to regenerate).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench-cache"
DOC = ROOT / "docs" / "benchmarks.md"
SEED = 2568
CASES = ("treebiomass", "plots", "design", "batch", "mapping", "montecarlo")

# Column names of resources/sample/trees_2568.csv
C_PLOT, C_TAG, C_NAME_TH, C_SPECIES, C_GIRTH, C_HEIGHT, C_STATUS, C_STEMS = (
    "รหัสแปลง",
    "เลขป้าย",
    "ชื่อพื้นเมือง",
    "ชื่อวิทยาศาสตร์",
    "เส้นรอบวง_ซม",
    "ความสูง_ม",
    "สถานะ",
    "ลำต้น",
)


# ------------------------------------------------------------------------------------------------
# data generators (fixed seeds, cached)
# ------------------------------------------------------------------------------------------------
def _species_pool():
    import pandas as pd

    sample = pd.read_csv(ROOT / "resources" / "sample" / "trees_2568.csv", encoding="utf-8-sig")
    pairs = sample[[C_NAME_TH, C_SPECIES]].dropna().value_counts()
    names_th = [p[0] for p in pairs.index]
    names_sci = [p[1] for p in pairs.index]
    weights = pairs.to_numpy(dtype=float)
    return names_th, names_sci, weights / weights.sum()


def _csv_to_gpkg(csv_path: Path, out: Path, layer: str, geom: str, srs: str = "EPSG:32647"):
    from osgeo import gdal

    gdal.UseExceptions()
    open_opts = (
        ["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", "KEEP_GEOM_COLUMNS=NO"]
        if geom == "point"
        else ["GEOM_POSSIBLE_NAMES=wkt", "KEEP_GEOM_COLUMNS=NO"]
    )
    src = gdal.OpenEx(str(csv_path), gdal.OF_VECTOR, open_options=open_opts)
    tmp = out.with_suffix(".tmp.gpkg")
    if tmp.exists():
        tmp.unlink()
    gdal.VectorTranslate(
        str(tmp),
        src,
        format="GPKG",
        layerName=layer,
        dstSRS=srs,
        srcSRS=srs,
        geometryType="POINT" if geom == "point" else "POLYGON",
    )
    src = None
    tmp.rename(out)


def make_trees(n: int, out: Path, municipalities: int = 0, seed: int = SEED) -> Path:
    """``n`` trees as GeoPackage points with the sample inventory's columns (+ ``muni_code``)."""
    if out.exists():
        return out
    import numpy as np
    import pandas as pd

    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    names_th, names_sci, p = _species_pool()
    trees_per_plot = 20
    n_plots = max(1, n // trees_per_plot)
    plot_of = np.sort(rng.integers(0, n_plots, n))
    sp = rng.choice(len(names_sci), size=n, p=p)
    girth = np.round(rng.lognormal(np.log(70.0), 0.6, n), 1)
    height = np.round(np.clip(1.3 + 30 * (1 - np.exp(-0.03 * girth / np.pi)), 1.5, 45), 1)
    height = np.round(height * rng.normal(1.0, 0.12, n), 1)
    height[rng.random(n) < 0.15] = np.nan  # heights not measured
    height[rng.random(n) < 0.001] = 250.0  # typing errors (cm for m)
    girth_out = girth.astype(object)
    girth_out[rng.random(n) < 0.005] = None
    stems = np.full(n, None, dtype=object)
    multi = np.flatnonzero(rng.random(n) < 0.02)
    second = np.round(girth[multi] * rng.uniform(0.4, 0.9, multi.size), 1)
    stems[multi] = [f"{a};{b}" for a, b in zip(girth[multi], second)]
    species = np.array(names_sci, dtype=object)[sp]
    species[rng.random(n) < 0.002] = None
    status = np.where(rng.random(n) < 0.003, "ตาย", "มีชีวิต")
    side = int(np.ceil(np.sqrt(n_plots)))
    px = 600000 + (np.arange(n_plots) % side) * 200.0
    py = 1500000 + (np.arange(n_plots) // side) * 200.0
    x = np.round(px[plot_of] + rng.uniform(-20, 20, n), 2)
    y = np.round(py[plot_of] + rng.uniform(-20, 20, n), 2)
    frame = {
        C_PLOT: np.char.add("BENCH-", np.char.zfill(plot_of.astype(str), 6)),
        C_TAG: np.arange(n) % trees_per_plot + 1,
        C_NAME_TH: np.array(names_th, dtype=object)[sp],
        C_SPECIES: species,
        C_GIRTH: girth_out,
        C_HEIGHT: height,
        C_STATUS: status,
        C_STEMS: stems,
    }
    types = ["String", "Integer", "String", "String", "Real", "Real", "String", "String"]
    if municipalities:
        muni = (plot_of * municipalities) // n_plots
        frame = {"muni_code": np.char.add("TH-BENCH-", np.char.zfill(muni.astype(str), 4)), **frame}
        types = ["String"] + types
    frame.update(x=x, y=y)
    types += ["Real", "Real"]
    out.parent.mkdir(parents=True, exist_ok=True)
    csv = out.with_suffix(".csv")
    pd.DataFrame(frame).to_csv(csv, index=False, encoding="utf-8")
    csv.with_suffix(".csvt").write_text(",".join(f'"{t}"' for t in types), encoding="utf-8")
    _csv_to_gpkg(csv, out, "trees", "point")
    csv.unlink()
    csv.with_suffix(".csvt").unlink()
    print(f"  generated {out.name}: {n} trees in {time.perf_counter() - t0:.1f} s", flush=True)
    return out


def make_polygons_and_plots(n_poly: int, n_plots: int, out: Path, seed: int = SEED + 1) -> Path:
    """``n_poly`` green-space polygons (5 classes) and ``n_plots`` square plots inside them."""
    if out.exists():
        return out
    import numpy as np
    import pandas as pd

    t0 = time.perf_counter()
    rng = np.random.default_rng(seed)
    classes = np.array(["park", "institutional", "street", "riparian", "residential"])
    side = int(np.ceil(np.sqrt(n_poly)))
    cell = 60.0
    i = np.arange(n_poly)
    x0 = 600000 + (i % side) * cell + rng.uniform(0, 8, n_poly)
    y0 = 1500000 + (i // side) * cell + rng.uniform(0, 8, n_poly)
    w = rng.uniform(30, 50, n_poly)
    h = rng.uniform(30, 50, n_poly)
    cls = classes[rng.integers(0, len(classes), n_poly)]

    def rect_wkt(ax, ay, bw, bh):
        return [
            f"POLYGON(({a:.2f} {b:.2f},{a + c:.2f} {b:.2f},{a + c:.2f} {b + d:.2f},"
            f"{a:.2f} {b + d:.2f},{a:.2f} {b:.2f}))"
            for a, b, c, d in zip(ax, ay, bw, bh)
        ]

    poly = pd.DataFrame(
        {
            "wkt": rect_wkt(x0, y0, w, h),
            "gs_id": np.char.add("G", np.char.zfill(i.astype(str), 7)),
            "class_code": cls,
            "area_m2": np.round(w * h, 2),
        }
    )
    host = np.sort(rng.choice(n_poly, size=n_plots, replace=False))
    size = 10.0
    px = x0[host] + rng.uniform(1, 1, n_plots) + (w[host] - size - 2) * rng.random(n_plots)
    py = y0[host] + 1 + (h[host] - size - 2) * rng.random(n_plots)
    density = np.round(rng.gamma(4.0, 12.0, n_plots), 3)
    plots = pd.DataFrame(
        {
            "wkt": rect_wkt(px, py, np.full(n_plots, size), np.full(n_plots, size)),
            "plot_id": np.char.add("P", np.char.zfill(np.arange(n_plots).astype(str), 6)),
            "stratum": cls[host],
            "area_m2": size * size,
            "carbon_t_ha": density,
            "co2e_t_ha": np.round(density * 44 / 12, 3),
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".build.gpkg")
    if tmp.exists():
        tmp.unlink()
    for name, frame, types in (
        ("green_space", poly, "String,String,String,Real"),
        ("plots", plots, "String,String,String,Real,Real,Real"),
    ):
        csv = out.parent / f"{out.stem}_{name}.csv"
        frame.to_csv(csv, index=False)
        csv.with_suffix(".csvt").write_text(types, encoding="utf-8")
        part = out.parent / f"{out.stem}_{name}.gpkg"
        _csv_to_gpkg(csv, part, name, "polygon")
        subprocess.run(
            ["ogr2ogr", "-f", "GPKG"]
            + (["-update"] if tmp.exists() else [])
            + [str(tmp), str(part), name],
            check=True,
        )
        for f in (csv, csv.with_suffix(".csvt"), part):
            f.unlink()
    tmp.rename(out)
    print(
        f"  generated {out.name}: {n_poly} polygons, {n_plots} plots in "
        f"{time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    return out


def make_batch_plots(n: int, out: Path, municipalities: int) -> Path:
    """Plots and green space matching :func:`make_trees` ``(n, municipalities)``: one 20 m square
    plot (400 m²) per plot id at its grid position and one 100 m green-space square around it,
    strata cycling through 5 classes, every feature stamped with its ``muni_code``."""
    if out.exists():
        return out
    import numpy as np
    import pandas as pd

    t0 = time.perf_counter()
    classes = np.array(["park", "institutional", "street", "riparian", "residential"])
    n_plots = max(1, n // 20)  # = make_trees: 20 trees per plot
    p = np.arange(n_plots)
    side = int(np.ceil(np.sqrt(n_plots)))
    px = 600000 + (p % side) * 200.0
    py = 1500000 + (p // side) * 200.0
    muni = np.char.add("TH-BENCH-", np.char.zfill(((p * municipalities) // n_plots).astype(str), 4))
    stratum = classes[p % len(classes)]

    def squares(half):
        return [
            f"POLYGON(({x - half:.2f} {y - half:.2f},{x + half:.2f} {y - half:.2f},"
            f"{x + half:.2f} {y + half:.2f},{x - half:.2f} {y + half:.2f},"
            f"{x - half:.2f} {y - half:.2f}))"
            for x, y in zip(px, py)
        ]

    plot_ids = np.char.add("BENCH-", np.char.zfill(p.astype(str), 6))
    layers = (
        (
            "plots",
            pd.DataFrame(
                {
                    "wkt": squares(10.0),
                    "muni_code": muni,
                    "plot_id": plot_ids,
                    "stratum": stratum,
                    "area_m2": 400.0,
                }
            ),
            "String,String,String,String,Real",
        ),
        (
            "green_space",
            pd.DataFrame(
                {
                    "wkt": squares(50.0),
                    "muni_code": muni,
                    "gs_id": np.char.add("G", p.astype(str)),
                    "class_code": stratum,
                }
            ),
            "String,String,String,String",
        ),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".build.gpkg")
    if tmp.exists():
        tmp.unlink()
    for name, frame, types in layers:
        csv = out.parent / f"{out.stem}_{name}.csv"
        frame.to_csv(csv, index=False)
        csv.with_suffix(".csvt").write_text(types, encoding="utf-8")
        part = out.parent / f"{out.stem}_{name}.gpkg"
        _csv_to_gpkg(csv, part, name, "polygon")
        subprocess.run(
            ["ogr2ogr", "-f", "GPKG"]
            + (["-update"] if tmp.exists() else [])
            + [str(tmp), str(part), name],
            check=True,
        )
        for f in (csv, csv.with_suffix(".csvt"), part):
            f.unlink()
    tmp.rename(out)
    print(
        f"  generated {out.name}: {n_plots} plots in {municipalities} municipalities in "
        f"{time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    return out


# ------------------------------------------------------------------------------------------------
# running and measuring
# ------------------------------------------------------------------------------------------------
REPEAT = 1


def measure(cmd: list, env: dict | None = None) -> dict:
    """Best of ``REPEAT`` runs of ``cmd`` (least wall time; peak RSS is the largest seen)."""
    runs = [_measure_once(cmd, env) for _ in range(REPEAT)]
    best = min(runs, key=lambda r: (r["rc"] != 0, r["wall"]))
    best["rss_mib"] = max(r["rss_mib"] for r in runs)
    if "BENCH " in best["stdout"]:  # algorithm runs: keep the run whose algorithm time is least

        def alg_time(r):
            lines = [ln for ln in r["stdout"].splitlines() if ln.startswith("BENCH ")]
            return sum(json.loads(lines[-1][6:])["steps"]) if lines else float("inf")

        best = min(runs, key=alg_time) | {"rss_mib": best["rss_mib"]}
    return best


def _measure_once(cmd: list, env: dict | None = None) -> dict:
    """Run ``cmd``; wall time (s) and the child's peak RSS (MiB) via ``os.wait4``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # read stdout before waiting so a chatty child never blocks on a full pipe
    stdout = proc.stdout.read()
    stderr = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    result = {
        "wall": wall,
        "rss_mib": usage.ru_maxrss / 1024.0,
        "rc": proc.returncode,
        "stdout": stdout.decode("utf-8", "replace"),
        "stderr": stderr.decode("utf-8", "replace"),
    }
    return result


def run_algorithms(steps: list) -> dict:
    """Run QGIS algorithms ``[(alg_id, params), ...]`` in one child QgsApplication.

    Returns wall (whole child), startup (s), per-step seconds, ``alg`` (sum of steps), RSS.
    """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("QGIS_CUSTOM_CONFIG_PATH", str(CACHE / "qgis-profile"))
    res = measure([sys.executable, str(Path(__file__)), "_run", json.dumps(steps)], env=env)
    if res["rc"] != 0:
        raise RuntimeError(f"algorithm run failed ({res['rc']}):\n{res['stderr'][-3000:]}")
    line = [ln for ln in res["stdout"].splitlines() if ln.startswith("BENCH ")][-1]
    info = json.loads(line[6:])
    res.update(info)
    res["alg"] = sum(info["steps"])
    return res


def _child_run(steps_json: str) -> None:
    """Child process: start QGIS once, register providers, time each ``processing.run``."""
    t0 = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication, QgsProcessingFeedback

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from qgis.analysis import QgsNativeAlgorithms

    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        registry.addProvider(QgsNativeAlgorithms())
    import carbon_pool_plugin

    plugin = carbon_pool_plugin.classFactory(None)
    plugin.initProcessing()
    from qgis import processing

    startup = time.perf_counter() - t0
    times = []
    outputs = []
    for alg, params in json.loads(steps_json):
        params = {k: (outputs[-1] if v == "@previous" else v) for k, v in params.items()}
        t1 = time.perf_counter()
        result = processing.run(alg, params, feedback=QgsProcessingFeedback())
        times.append(time.perf_counter() - t1)
        outputs.append(result.get("OUTPUT"))
    print("BENCH " + json.dumps({"startup": startup, "steps": times}), flush=True)
    app.exitQgis()


def registered_algorithms() -> set:
    """Ids of our algorithms, read from the provider module without starting QGIS twice."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = (
        "import sys, json; sys.path.insert(0, {!r})\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "import carbon_pool_plugin; p = carbon_pool_plugin.classFactory(None); p.initProcessing()\n"
        "print('ALGS ' + json.dumps([a.id() for a in p.provider.algorithms()]))\n"
    ).format(str(ROOT))
    code = code
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    for line in out.stdout.splitlines():
        if line.startswith("ALGS "):
            return set(json.loads(line[5:]))
    return set()


def ogr_copy(src: Path, dst: Path, layer: str | None = None) -> dict:
    if dst.exists():
        dst.unlink()
    cmd = ["ogr2ogr", "-f", "GPKG", str(dst), str(src)] + ([layer] if layer else [])
    res = measure(cmd)
    if res["rc"] != 0:
        raise RuntimeError(res["stderr"])
    return res


def fresh(path: Path) -> str:
    if path.exists():
        path.unlink()
    return str(path)


# ------------------------------------------------------------------------------------------------
# cases
# ------------------------------------------------------------------------------------------------
def case_treebiomass(quick: bool, work: Path) -> list:
    n = 100_000 if quick else 1_000_000
    src = make_trees(n, CACHE / f"trees_{n}.gpkg")
    rows = []
    floor = ogr_copy(src, work / "floor.gpkg")
    rows.append(("treebiomass", f"{n} trees", "ogr2ogr copy (I/O floor)", floor["wall"], floor))
    calc = run_algorithms(
        [
            (
                "native:fieldcalculator",
                {
                    "INPUT": str(src),
                    "FIELD_NAME": "dbh_cm",
                    "FIELD_TYPE": 0,
                    "FIELD_LENGTH": 0,
                    "FIELD_PRECISION": 0,
                    "FORMULA": f'"{C_GIRTH}" / pi()',
                    "OUTPUT": fresh(work / "fieldcalc.gpkg"),
                },
            )
        ]
    )
    rows.append(
        ("treebiomass", f"{n} trees", "native:fieldcalculator (1 expression)", calc["alg"], calc)
    )
    params = {
        "SPECIES_FIELD": C_SPECIES,
        "DBH_FIELD": C_GIRTH,
        "DBH_UNIT": 2,
        "HEIGHT_FIELD": C_HEIGHT,
        "PLOT_FIELD": C_PLOT,
        "STEMS_FIELD": C_STEMS,
        "METHOD": 0,
        "EQUATION": "auto",
        "HEIGHT_MODEL": 0,
    }
    ours = run_algorithms(
        [
            (
                "carbonpool:treebiomass",
                {**params, "INPUT": str(src), "OUTPUT": fresh(work / "treebiomass.gpkg")},
            )
        ]
    )
    rows.append(("treebiomass", f"{n} trees", "carbonpool:treebiomass", ours["alg"], ours))
    # The same layer inside GeoPackages holding other layers: the output still starts as a copy
    # of the whole file, the other layers dropped (and the file compacted when they were big).
    variants = [("single-layer input", ours)]
    for label, path in (
        (
            "input GeoPackage with a small 2nd layer",
            make_two_layer_copy(src, CACHE / f"trees_{n}_2layers.gpkg"),
        ),
        (
            "input GeoPackage holding 3 inventory years",
            make_three_years(src, CACHE / f"trees_{n}_3years.gpkg"),
        ),
    ):
        run = run_algorithms(
            [
                (
                    "carbonpool:treebiomass",
                    {
                        **params,
                        "INPUT": f"{path}|layername=trees",
                        "OUTPUT": fresh(work / "tb_v.gpkg"),
                    },
                )
            ]
        )
        rows.append(
            ("treebiomass", f"{n} trees", f"carbonpool:treebiomass, {label}", run["alg"], run)
        )
        variants.append((label, run))
    added_calc = calc["alg"] - floor["wall"]
    notes = []
    for label, run in variants:
        added_ours = run["alg"] - floor["wall"]
        ratio = added_ours / added_calc if added_calc > 0 else float("inf")
        notes.append(
            f"{label}: added above floor: ours {added_ours:.2f} s, field calculator "
            f"{added_calc:.2f} s → {ratio:.2f} (goal ≤ 0.25: {'met' if ratio <= 0.25 else 'NOT met'})"
        )
    return rows, notes


def make_three_years(src: Path, out: Path) -> Path:
    """``src`` plus two earlier inventories of the same size (``trees_2563``, ``trees_2564``)."""
    if out.exists():
        return out
    from osgeo import gdal

    gdal.UseExceptions()
    shutil.copyfile(src, out)
    for name in ("trees_2563", "trees_2564"):
        gdal.VectorTranslate(
            str(out), str(src), format="GPKG", accessMode="update", layers=["trees"], layerName=name
        )
    return out


def make_two_layer_copy(src: Path, out: Path) -> Path:
    """``src`` plus a 3-row ``notes`` table (cached)."""
    if out.exists():
        return out
    from osgeo import gdal

    gdal.UseExceptions()
    shutil.copyfile(src, out)
    ds = gdal.OpenEx(str(out), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.CreateLayer("notes", geom_type=100)  # wkbNone: an attribute table
    ds = None
    return out


def case_plots(quick: bool, work: Path, algs: set) -> tuple:
    n_poly, n_plots = (20_000, 2_000) if quick else (200_000, 20_000)
    gpkg = make_polygons_and_plots(n_poly, n_plots, CACHE / f"plots_{n_plots}_{n_poly}.gpkg")
    poly_uri = f"{gpkg}|layername=green_space"
    plot_uri = f"{gpkg}|layername=plots"
    label = f"{n_plots} plots / {n_poly} polygons"
    rows = []
    floor = ogr_copy(gpkg, work / "poly_floor.gpkg", "green_space")
    rows.append(("plots", label, "ogr2ogr copy of polygons (I/O floor)", floor["wall"], floor))
    qgis = run_algorithms(
        [
            (
                "native:joinattributesbylocation",
                {
                    "INPUT": plot_uri,
                    "JOIN": poly_uri,
                    "PREDICATE": [5],  # within
                    "JOIN_FIELDS": ["gs_id"],
                    "METHOD": 1,  # first matching only
                    "DISCARD_NONMATCHING": False,
                    "PREFIX": "",
                    "OUTPUT": fresh(work / "joined.gpkg"),
                },
            ),
            (
                "native:aggregate",
                {
                    "INPUT": "@previous",
                    "GROUP_BY": '"gs_id"',
                    "AGGREGATES": [
                        {
                            "aggregate": "first_value",
                            "delimiter": ",",
                            "input": '"gs_id"',
                            "length": 8,
                            "name": "gs_id",
                            "precision": 0,
                            "type": 10,
                        },
                        {
                            "aggregate": "count",
                            "delimiter": ",",
                            "input": '"plot_id"',
                            "length": 0,
                            "name": "n_plots",
                            "precision": 0,
                            "type": 2,
                        },
                        {
                            "aggregate": "mean",
                            "delimiter": ",",
                            "input": '"carbon_t_ha"',
                            "length": 0,
                            "name": "carbon_t_ha",
                            "precision": 0,
                            "type": 6,
                        },
                        {
                            "aggregate": "stdev",
                            "delimiter": ",",
                            "input": '"carbon_t_ha"',
                            "length": 0,
                            "name": "carbon_sd",
                            "precision": 0,
                            "type": 6,
                        },
                    ],
                    "OUTPUT": fresh(work / "aggregated.gpkg"),
                },
            ),
        ]
    )
    rows.append(
        ("plots", label, "native:joinattributesbylocation + native:aggregate", qgis["alg"], qgis)
    )
    notes = []
    alg = "carbonpool:stratifiedestimate"
    if alg in algs:
        params = {
            "PLOTS": plot_uri,
            "DENSITY_FIELD": "carbon_t_ha",
            "STRATA": poly_uri,
            "STRATUM_FIELD": "class_code",
            "OUTPUT": fresh(work / "stock_map.gpkg"),
            "OUTPUT_STRATA": fresh(work / "strata.gpkg"),
        }
        try:
            ours = run_algorithms([(alg, params)])
            rows.append(("plots", label, alg, ours["alg"], ours))
            notes.append(f"{alg} / QGIS chain = {ours['alg'] / qgis['alg']:.2f} (goal ≤ 0.5)")
        except RuntimeError as err:
            notes.append(f"{alg} could not be run with the bench parameters: {str(err)[-300:]}")
    else:
        notes.append(f"{alg} not registered yet: only the QGIS chain was timed")
    return rows, notes


def case_design(quick: bool, work: Path, algs: set) -> tuple:
    """Plot network design (issue 7): 5,000 plots over 100k green polygons.

    QGIS has no stratified-allocation tool; the closest a user would run is ``Random points in
    polygons`` (one point in every polygon, no allocation, no ids, no field sheet), which is timed
    beside ours for scale, with the ogr2ogr copy of the polygons as the I/O floor.
    """
    n_poly, n_plots = (10_000, 500) if quick else (100_000, 5_000)
    gpkg = make_polygons_and_plots(n_poly, n_plots, CACHE / f"plots_{n_plots}_{n_poly}.gpkg")
    poly_uri = f"{gpkg}|layername=green_space"
    label = f"{n_plots} plots / {n_poly} polygons"
    rows = []
    floor = ogr_copy(gpkg, work / "design_floor.gpkg", "green_space")
    rows.append(("design", label, "ogr2ogr copy of polygons (I/O floor)", floor["wall"], floor))
    qgis = run_algorithms(
        [
            (
                "native:randompointsinpolygons",
                {
                    "INPUT": poly_uri,
                    "POINTS_NUMBER": 1,
                    "MIN_DISTANCE": 0,
                    "MIN_DISTANCE_GLOBAL": 0,
                    "MAX_TRIES_PER_POINT": 10,
                    "SEED": 1,
                    "INCLUDE_POLYGON_ATTRIBUTES": True,
                    "OUTPUT": fresh(work / "random_points.gpkg"),
                },
            )
        ]
    )
    rows.append(
        ("design", label, "native:randompointsinpolygons (1 per polygon)", qgis["alg"], qgis)
    )
    notes = []
    alg = "carbonpool:designplots"
    if alg in algs:
        params = {
            "STRATA": poly_uri,
            "STRATUM_FIELD": "class_code",
            "PLOTS_PER_STRATUM": n_plots // 5,
            "DESIGN": 0,
            "PLOT_SHAPE": 0,
            "MIN_DISTANCE": 30,
            "EDGE_RULE": 0,
            "SEED": 1,
            "MUNICIPALITY_CODE": "BENCH",
            "OUTPUT_CENTRES": fresh(work / "design_centres.gpkg"),
            "OUTPUT_PLOTS": fresh(work / "design_plots.gpkg"),
            "FIELD_SHEET": fresh(work / "design_sheet.csv"),
            "GPX": fresh(work / "design.gpx"),
        }
        try:
            ours = run_algorithms([(alg, params)])
            rows.append(("design", label, alg, ours["alg"], ours))
            notes.append(
                f"{alg}: {ours['alg']:.2f} s for {n_plots} plots with ids, footprints, field sheet "
                f"and GPX; random points in every polygon: {qgis['alg']:.2f} s"
            )
        except RuntimeError as err:
            notes.append(f"{alg} could not be run with the bench parameters: {str(err)[-300:]}")
    return rows, notes


def case_batch(quick: bool, work: Path, algs: set) -> tuple:
    n = 100_000 if quick else 500_000
    src = make_trees(n, CACHE / f"batch_100muni_{n}.gpkg", municipalities=100, seed=SEED + 2)
    label = f"100 municipalities, {n} trees"
    rows = []
    floor = ogr_copy(src, work / "batch_floor.gpkg")
    rows.append(("batch", label, "ogr2ogr copy (I/O floor)", floor["wall"], floor))
    tree_params = {
        "INPUT": str(src),
        "SPECIES_FIELD": C_SPECIES,
        "DBH_FIELD": C_GIRTH,
        "DBH_UNIT": 2,
        "HEIGHT_FIELD": C_HEIGHT,
        "PLOT_FIELD": C_PLOT,
        "METHOD": 0,
        "OUTPUT": fresh(work / "batch_trees.gpkg"),
    }
    one = run_algorithms([("carbonpool:treebiomass", tree_params)])
    rows.append(
        ("batch", label, "carbonpool:treebiomass, whole table in one call", one["alg"], one)
    )
    notes = []
    alg = "carbonpool:batchassessment"
    if alg not in algs:
        notes.append(f"{alg} not registered yet: only tree biomass timed")
        return rows, notes
    plots = make_batch_plots(n, CACHE / f"batch_100muni_{n}_plots.gpkg", municipalities=100)
    folder = work / "batch_out"
    shutil.rmtree(folder, ignore_errors=True)
    params = {
        "TREES": str(src),
        "PLOTS": f"{plots}|layername=plots",
        "STRATA": f"{plots}|layername=green_space",
        "MUNI_FIELD": "muni_code",
        "SPECIES_FIELD": C_SPECIES,
        "DBH_FIELD": C_GIRTH,
        "DBH_UNIT": 2,
        "HEIGHT_FIELD": C_HEIGHT,
        "TREE_PLOT_FIELD": C_PLOT,
        "TREE_STATUS_FIELD": C_STATUS,
        "METHOD": 0,
        "PLOT_ID_FIELD": "plot_id",
        "PLOT_AREA_FIELD": "area_m2",
        "PLOT_STRATUM_FIELD": "stratum",
        "STRATUM_FIELD": "class_code",
        "OUTPUT_FOLDER": str(folder),
        "OUTPUT_SUMMARY": fresh(work / "batch_summary.csv"),
        "FORCE": True,
    }
    try:
        ours = run_algorithms([(alg, params)])
        rows.append(("batch", label, f"{alg} (3 steps × 100 municipalities)", ours["alg"], ours))
        done = len(list(folder.glob("*/done.json")))
        notes.append(
            f"{alg}: {done}/100 municipalities done; "
            f"{ours['alg'] / one['alg']:.2f} × one whole-table treebiomass call "
            f"(peak RSS {ours['rss_mib']:.0f} MiB vs {one['rss_mib']:.0f} MiB)"
        )
    except RuntimeError as err:
        notes.append(f"{alg} could not be run with the bench parameters: {str(err)[-300:]}")
    shutil.rmtree(folder, ignore_errors=True)
    return rows, notes


#: Options that shrink the delegated benchmarks for --quick when a script has no --quick itself.
QUICK_ARGS = {
    "mapping": (("--size", "2048"),),
    "montecarlo": (("--trees", "20000"), ("--iterations", "200")),
}


def case_external(name: str, quick: bool) -> tuple:
    script = ROOT / "scripts" / f"bench_{name}.py"
    if not script.exists():
        return [], [f"scripts/bench_{name}.py does not exist yet: case skipped"]
    source = script.read_text(encoding="utf-8")
    extra: list = []
    if quick and '"--quick"' in source:
        extra = ["--quick"]
    elif quick:  # smaller sizes through the script's own options, where it has them
        for flag, value in QUICK_ARGS.get(name, ()):
            if '"{}"'.format(flag) in source:
                extra += [flag, value]
    cmd = [sys.executable, str(script)] + extra
    res = measure(cmd)
    text = (res["stdout"] + res["stderr"]).strip()
    print(text)
    status = "ok" if res["rc"] == 0 else f"FAILED (exit {res['rc']})"
    rows = [(name, "see script output", f"scripts/bench_{name}.py", res["wall"], res)]
    return rows, [f"scripts/bench_{name}.py {status}; its own output:\n\n```\n{text[-4000:]}\n```"]


# ------------------------------------------------------------------------------------------------
# report
# ------------------------------------------------------------------------------------------------
def machine() -> dict:
    from osgeo import gdal

    cpu = "unknown"
    mem = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    qgis = "unknown"
    try:
        from qgis.core import Qgis

        qgis = Qgis.QGIS_VERSION
    except ImportError:
        pass
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "ram": mem,
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
        "qgis": qgis,
        "gdal": gdal.__version__,
    }


def report(rows: list, notes: list, quick: bool, write: bool) -> None:
    info = machine()
    header = (
        f"## {info['date']}{' (quick)' if quick else ''}\n\n"
        f"Machine: {info['nproc']} cores, {info['ram']} RAM, {info['cpu']}; {info['os']}; "
        f"Python {info['python']}, QGIS {info['qgis']}, GDAL {info['gdal']}; "
        f"load average at the end {os.getloadavg()[0]:.1f}; best of {REPEAT} run(s) per tool.\n\n"
    )
    lines = [
        "| case | data | tool | time (s) | child wall (s) | peak RSS (MiB) | × floor |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    floors = {}
    for case, data, tool, seconds, res in rows:
        if "floor" in tool:
            floors[case] = seconds
        base = floors.get(case)
        ratio = f"{seconds / base:.2f}" if base else ""
        lines.append(
            f"| {case} | {data} | {tool} | {seconds:.2f} | {res['wall']:.2f} | "
            f"{res['rss_mib']:.0f} | {ratio} |"
        )
    body = "\n".join(lines) + "\n"
    if notes:
        body += "\n" + "\n".join(f"- {n}" for n in notes) + "\n"
    text = header + body
    print("\n" + text)
    if write:
        DOC.parent.mkdir(parents=True, exist_ok=True)
        if not DOC.exists():
            DOC.write_text(
                "# Benchmarks\n\nAppended by `make bench` (`scripts/bench.py`). QGIS algorithm times are "
                "the `processing.run` call in one QgsApplication (start-up excluded, it is in the "
                "child wall time); ogr2ogr is the plain copy, the I/O floor. Peak RSS is the child "
                "process's.\n\n",
                encoding="utf-8",
            )
        with DOC.open("a", encoding="utf-8") as fh:
            fh.write(text + "\n")
        print(f"appended to {DOC.relative_to(ROOT)}")


def main(argv=None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "_run":
        _child_run(argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (minutes, not hours)")
    parser.add_argument(
        "--cases", default=",".join(CASES), help="comma-separated: " + ", ".join(CASES)
    )
    parser.add_argument(
        "--no-write", action="store_true", help="do not append to docs/benchmarks.md"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs per tool; the fastest is reported (noisy machines)",
    )
    args = parser.parse_args(argv)
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error("unknown case(s): " + ", ".join(unknown))
    if shutil.which("ogr2ogr") is None:
        print("bench: ogr2ogr not found (apt-get install gdal-bin)", file=sys.stderr)
        return 2
    global REPEAT
    REPEAT = max(1, args.repeat)
    CACHE.mkdir(exist_ok=True)
    work = CACHE / "work"
    work.mkdir(exist_ok=True)
    algs = registered_algorithms() if ({"plots", "design", "batch"} & set(cases)) else set()
    rows: list = []
    notes: list = []
    for case in cases:
        print(f"== {case}{' (quick)' if args.quick else ''}", flush=True)
        if case == "treebiomass":
            r, n = case_treebiomass(args.quick, work)
        elif case == "plots":
            r, n = case_plots(args.quick, work, algs)
        elif case == "design":
            r, n = case_design(args.quick, work, algs)
        elif case == "batch":
            r, n = case_batch(args.quick, work, algs)
        else:
            r, n = case_external(case, args.quick)
        for row in r:
            print(f"  {row[2]}: {row[3]:.2f} s, peak RSS {row[4]['rss_mib']:.0f} MiB", flush=True)
        for note in n:
            print("  " + note.splitlines()[0], flush=True)
        rows += r
        notes += n
    report(rows, notes, args.quick, not args.no_write)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
