#!/usr/bin/env python3
"""Benchmark (not a test): our block-wise NDVI / classification against ``gdal_calc.py`` NDVI.

    .venv/bin/python scripts/bench_mapping.py              # 10,980 × 10,980 (a Sentinel-2 tile)
    .venv/bin/python scripts/bench_mapping.py --size 3000  # quick run

Generates a synthetic 4-band uint16 tile (B, G, R, NIR, reflectance × 10000, tiled GeoTIFF, nodata 0)
in a temporary folder, then runs every task in its own process and prints wall time, megapixels per
second and that process's peak resident memory (``ru_maxrss``). Target from issue 9: our NDVI at
least a quarter of ``gdal_calc.py``'s throughput, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_tile(path: Path, size: int) -> None:
    import numpy as np
    from osgeo import gdal, osr

    gdal.UseExceptions()
    ds = gdal.GetDriverByName("GTiff").Create(
        str(path), size, size, 4, gdal.GDT_UInt16, ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512"]
    )
    ds.SetGeoTransform((600000, 10, 0, 1600000, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32647)
    ds.SetProjection(srs.ExportToWkt())
    ends = np.array(
        [
            [300, 600, 300, 3500],
            [450, 850, 600, 2800],
            [600, 700, 500, 200],
            [1500, 1700, 2000, 2300],
        ],
        dtype=np.float32,
    )  # canopy, grass, water, built (DN)
    rng = np.random.default_rng(1)
    rows = 512
    coarse = rng.integers(0, 4, size=(size // 16 + 2, size // 16 + 2))
    for row0 in range(0, size, rows):
        n = min(rows, size - row0)
        r = (np.arange(row0, row0 + n) // 16)[:, None]
        c = (np.arange(size) // 16)[None, :]
        cls = coarse[r, c]
        for b in range(4):
            dn = ends[cls, b] + rng.normal(0, 40, cls.shape).astype(np.float32)
            ds.GetRasterBand(b + 1).WriteArray(np.clip(dn, 1, 10000).astype(np.uint16), 0, row0)
    for b in range(4):
        ds.GetRasterBand(b + 1).SetNoDataValue(0)
    ds = None


def worker(task: str, src: str, out: str) -> dict:
    from carbon_pool_plugin import raster_engine as engine
    from carbon_pool_plugin.core import classification as cl

    start = time.perf_counter()
    roles = cl.resolve_roles("aerial4")
    if task == "ndvi":
        engine.run_indices(src, out, roles, ["NDVI"])
    elif task == "indices4":
        engine.run_indices(src, out, roles, ["NDVI", "EVI", "SAVI", "NDWI"])
    elif task in ("classify_ml", "classify_rf"):
        import numpy as np
        from osgeo import gdal

        ds = engine.open_raster(src)
        info = engine.raster_info(ds)
        spec = cl.FeatureSpec.default(roles)
        win = (0, 0, min(info.xsize, 2048), min(info.ysize, 2048))
        refl = engine.read_reflectance(ds, info, roles, 0, win[3], 0, 0, win[2])
        feats = spec.compute(refl)
        ndvi = feats[spec.names.index("NDVI")]
        ndwi = feats[spec.names.index("NDWI")]
        truth = np.where(ndwi > 0.3, 3, np.where(ndvi > 0.7, 1, np.where(ndvi > 0.45, 2, 4)))
        lab = np.zeros(truth.shape, dtype=np.uint32)
        lab[::7, ::7] = truth[::7, ::7]
        mem = gdal.GetDriverByName("MEM").Create("", win[2], win[3], 1, gdal.GDT_UInt32)
        mem.GetRasterBand(1).WriteArray(lab)
        x, y = engine.extract_training(src, spec, mem, win)
        keep = cl.balanced_subsample(y, 5000, 0)
        kind = "gaussian_ml" if task == "classify_ml" else "random_forest"
        model = cl.fit_classifier(kind, x[keep], y[keep], spec, seed=0, rf_trees=50)
        engine.classify_raster(src, out, model)
    elif task == "gdal_calc":
        exe = shutil.which("gdal_calc.py") or "gdal_calc.py"
        subprocess.run(
            [
                exe,
                "-A",
                src,
                "--A_band=3",
                "-B",
                src,
                "--B_band=4",
                "--calc=(B.astype(numpy.float32)-A)/(B.astype(numpy.float32)+A)",
                "--type=Float32",
                "--NoDataValue=-9999",
                "--co=TILED=YES",
                "--co=COMPRESS=DEFLATE",
                "--co=ZLEVEL=1",
                "--co=BIGTIFF=IF_SAFER",
                "--quiet",
                "--outfile",
                out,
            ],
            check=True,
        )
    else:
        raise SystemExit("unknown task " + task)
    wall = time.perf_counter() - start
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return {"task": task, "wall_s": wall, "peak_rss_mb": max(_peak_self_mb(), kids)}


def _peak_self_mb() -> float:
    """This process's peak RSS. ``VmHWM`` first: Linux carries ``ru_maxrss`` across ``exec``, so a
    child of a large parent would report the parent's size."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return float(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10980, help="tile width = height in pixels")
    parser.add_argument(
        "--tasks",
        default="gdal_calc,ndvi,indices4,classify_ml",
        help="comma list: gdal_calc, ndvi, indices4, classify_ml, classify_rf",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--worker", nargs=3, metavar=("TASK", "SRC", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=2, metavar=("PATH", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_tile(Path(args.make[0]), int(args.make[1]))
        return 0
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return 0

    tmp = Path(tempfile.mkdtemp(prefix="bench_mapping_"))
    try:
        src = tmp / "tile.tif"
        t0 = time.perf_counter()
        # in a child process, so this parent stays small (its RSS would be inherited on fork)
        subprocess.run([sys.executable, __file__, "--make", str(src), str(args.size)], check=True)
        mpx = args.size * args.size / 1e6
        print(
            "tile {n}×{n} ({mpx:.1f} Mpx, 4 × uint16) generated in {t:.1f} s".format(
                n=args.size, mpx=mpx, t=time.perf_counter() - t0
            )
        )
        print("{:<12} {:>9} {:>10} {:>14}".format("task", "wall s", "Mpx/s", "peak RSS MB"))
        results = {}
        for task in [t.strip() for t in args.tasks.split(",") if t.strip()]:
            out = tmp / "{}.tif".format(task)
            proc = subprocess.run(
                [sys.executable, __file__, "--worker", task, str(src), str(out)],
                capture_output=True,
                text=True,
                env=dict(os.environ),
            )
            if proc.returncode != 0:
                print("{:<12} FAILED\n{}".format(task, proc.stderr[-2000:]))
                continue
            res = json.loads(proc.stdout.strip().splitlines()[-1])
            results[task] = res
            print(
                "{:<12} {:>9.1f} {:>10.1f} {:>14.0f}".format(
                    task, res["wall_s"], mpx / res["wall_s"], res["peak_rss_mb"]
                )
            )
            out.unlink(missing_ok=True)
        if "gdal_calc" in results and "ndvi" in results:
            ratio = results["gdal_calc"]["wall_s"] / results["ndvi"]["wall_s"]
            print(
                "NDVI throughput relative to gdal_calc.py: {:.2f}× (target ≥ 0.25×)".format(ratio)
            )
        worst = max((r["peak_rss_mb"] for r in results.values()), default=0.0)
        print("largest peak RSS: {:.0f} MB (target < 2048 MB)".format(worst))
    finally:
        if args.keep:
            print("kept", tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
