"""Quick timing of the Monte Carlo engine (not a test): wall time and peak RSS.

    .venv/bin/python scripts/bench_montecarlo.py [--trees 100000] [--iterations 1000]

Synthetic inventory: ``--trees`` trees in ``--plots`` plots over 5 strata, species drawn from the
bundled species table, 15 % of the heights missing (local H-D model), half of the trees on the
T-VER general equation (D, H) and half on Chave 2014 Eq. 4 (D, H, WD). All error sources on:
DBH (Chave 2004), height (model RSE + 5 % on measured heights), wood density, model error
(RSE 0.3 given, the bundled equations carry none), CF sd 0.0206, R sd 0.05, analytic sampling.
Peak RSS (``resource.getrusage``) is reported before and after the Monte Carlo run.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from carbon_pool_plugin.core.biomass import compute_tree_biomass  # noqa: E402
from carbon_pool_plugin.core.equations import EquationLibrary  # noqa: E402
from carbon_pool_plugin.core.methods import MethodPack  # noqa: E402
from carbon_pool_plugin.core.montecarlo import MonteCarloOptions, run_monte_carlo  # noqa: E402
from carbon_pool_plugin.core.wood_density import WoodDensityTable  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cpu_s() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def make_inventory(n_trees: int, n_plots: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    species_file = os.path.join(
        os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
        "carbon_pool_plugin",
        "data",
        "species",
        "species_th.csv",
    )
    names = pd.read_csv(species_file, encoding="utf-8-sig").iloc[:, 0].dropna().tolist()[:60]
    dbh = np.round(rng.lognormal(np.log(22.0), 0.6, n_trees).clip(4.5, 250.0), 1)
    h = np.round((45.0 * (1 - np.exp(-0.035 * dbh**0.85)) * rng.lognormal(0, 0.15, n_trees)), 1)
    h = np.where(rng.random(n_trees) < 0.15, np.nan, h.clip(1.5, 60.0))
    plot = rng.integers(0, n_plots, n_trees)
    trees = pd.DataFrame(
        {
            "species": rng.choice(names, n_trees),
            "dbh_cm": dbh,
            "height_m": h,
            "plot": ["P{:05d}".format(p) for p in plot],
            "equation_id": np.where(rng.random(n_trees) < 0.5, "tver_t1_general", "chave2014_eq4"),
        }
    )
    strata = ["park", "institutional", "street", "riparian", "residential"]
    plots = pd.DataFrame(
        {
            "plot_id": ["P{:05d}".format(p) for p in range(n_plots)],
            "area_m2": 400.0,
            "fraction": 1.0,
            "stratum": [strata[p % 5] for p in range(n_plots)],
        }
    )
    areas = {s: 50.0 + 10 * i for i, s in enumerate(strata)}
    return trees, plots, areas


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trees", type=int, default=100_000)
    ap.add_argument("--plots", type=int, default=1000)
    ap.add_argument("--iterations", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--chunk", type=int, default=None)
    ap.add_argument("--sampling", default="analytic")
    ap.add_argument("--no-budget", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    trees, plots, areas = make_inventory(args.trees, args.plots)
    lib = EquationLibrary.load()
    table = compute_tree_biomass(
        trees, MethodPack.load("tver"), lib, WoodDensityTable.load(), height_model="local"
    )
    table["rs_sd"] = 0.05
    t1 = time.perf_counter()
    rss_before = peak_mb()
    print(
        f"inventory: {len(table)} trees, {args.plots} plots, prepared in {t1 - t0:.1f} s; "
        f"peak RSS so far {rss_before:.0f} MB"
    )
    opts = MonteCarloOptions(
        iterations=args.iterations,
        seed=42,
        dbh_error="chave2004",
        height_error="model_measured",
        height_rel_sd=0.05,
        wd_error=True,
        model_error=True,
        model_rse=0.3,
        cf_sd=0.0206,
        sampling=args.sampling,
        budget=not args.no_budget,
        threads=args.threads,
        chunk_size=args.chunk,
    )
    t2, c2 = time.perf_counter(), cpu_s()
    res = run_monte_carlo(table, plots, areas, lib, opts)
    t3, c3 = time.perf_counter(), cpu_s()
    tot = res.totals
    print(
        "monte carlo: {it} iterations x {n} trees, sources {src}, budget {b}: {t:.2f} s wall, "
        "{cpu:.2f} s CPU (chunk {c}, threads {th}); load {load}; "
        "peak RSS {rss:.0f} MB (before MC {rb:.0f} MB)".format(
            it=args.iterations,
            n=tot["n_trees"],
            src="+".join(tot["sources"]),
            b=not args.no_budget,
            t=t3 - t2,
            cpu=c3 - c2,
            load=" ".join(f"{x:.1f}" for x in os.getloadavg()),
            c=tot["chunk_size"],
            th=tot["threads"],
            rss=peak_mb(),
            rb=rss_before,
        )
    )
    print(
        "total {m:.1f} t CO2e (point {p:.1f}), sd {sd:.1f}, 95 % [{lo:.1f}, {hi:.1f}]".format(
            m=tot["mean"], p=tot["point"], sd=tot["sd"], lo=tot["q025"], hi=tot["q975"]
        )
    )
    print(res.budget[["source", "variance", "share_pct"]].to_string(index=False))


if __name__ == "__main__":
    main()
