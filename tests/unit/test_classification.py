"""Band roles, indices, Otsu, Gaussian ML, data-only random forest, block-wise raster engine."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from osgeo import gdal, osr

from carbon_pool_plugin import raster_engine as engine
from carbon_pool_plugin.core import classification as cl
from carbon_pool_plugin.core.pixel_area import quadrangle_area, row_pixel_areas

HAS_SKLEARN = cl.sklearn_available()
needs_sklearn = pytest.mark.skipif(not HAS_SKLEARN, reason="scikit-learn not installed")


# --------------------------------------------------------------------------------------------------
# roles and indices
# --------------------------------------------------------------------------------------------------
def test_presets():
    s2 = cl.resolve_roles("sentinel2_pb04")
    assert (s2.blue, s2.green, s2.red, s2.nir, s2.swir1) == (2, 3, 4, 8, 11)
    assert s2.scale == 1e-4 and s2.offset == pytest.approx(-0.1)  # −1000 DN × 1e-4
    ls = cl.resolve_roles("landsat89")
    assert (ls.nir, ls.swir1, ls.scale, ls.offset) == (5, 6, 2.75e-5, -0.2)
    aerial = cl.resolve_roles("aerial4", {"nir": 0, "swir1": 5})
    assert aerial.nir == 4 and aerial.swir1 == 5  # 0 keeps the preset, non-zero overrides
    custom = cl.resolve_roles("custom", {"red": 1, "nir": 2}, scale=0.5)
    assert custom.bands() == {"red": 1, "nir": 2} and custom.scale == 0.5
    with pytest.raises(ValueError):
        cl.resolve_roles("aerial4").validate(3)


def test_reflectance_conversion_and_nodata():
    dn = np.array([[0, 10000, 2000]], dtype=np.uint16)
    refl = cl.to_reflectance(dn, 1e-4, -0.1, nodata=0)
    assert np.isnan(refl[0, 0])
    assert refl[0, 1] == pytest.approx(0.9)
    assert refl[0, 2] == pytest.approx(0.1)
    landsat = cl.to_reflectance(np.array([10000.0]), 2.75e-5, -0.2)
    assert landsat[0] == pytest.approx(0.075)


def test_index_formulas_against_hand_values():
    b, g, r, n, s = 0.05, 0.08, 0.04, 0.40, 0.20
    refl = {k: np.array([v], dtype=np.float32) for k, v in zip(cl.ROLES, (b, g, r, n, s))}
    hand = {
        "NDVI": (n - r) / (n + r),  # 0.818182
        "EVI": 2.5 * (n - r) / (n + 6 * r - 7.5 * b + 1),  # 0.9 / 1.265
        "SAVI": 1.5 * (n - r) / (n + r + 0.5),
        "NDWI": (g - n) / (g + n),
        "NDBI": (s - n) / (s + n),
    }
    assert hand["NDVI"] == pytest.approx(0.8181818)
    assert hand["EVI"] == pytest.approx(0.7114625)
    for name, value in hand.items():
        assert cl.compute_index(name, refl)[0] == pytest.approx(value, rel=1e-6), name


def test_indices_zero_division_and_missing():
    refl = {
        "red": np.array([0.0, np.nan, 0.1], dtype=np.float32),
        "nir": np.array([0.0, 0.3, -0.1], dtype=np.float32),
    }
    ndvi = cl.compute_index("NDVI", refl)
    assert np.isnan(ndvi[0]) and np.isnan(ndvi[1]) and np.isnan(ndvi[2])
    with pytest.raises(ValueError):
        cl.compute_index("EVI", refl)
    assert cl.available_indices(cl.resolve_roles("aerial4")) == ["NDVI", "EVI", "SAVI", "NDWI"]


def test_local_variance_nan_edges():
    x = np.array([[1.0, 2.0, np.nan], [3.0, 4.0, 5.0]])
    var = cl.local_variance3(x)
    assert np.isnan(var[0, 2])
    assert var[0, 0] == pytest.approx(np.var([1, 2, 3, 4]))
    assert var[1, 2] == pytest.approx(np.var([2, 4, 5]))


# --------------------------------------------------------------------------------------------------
# Otsu
# --------------------------------------------------------------------------------------------------
def test_otsu_bimodal():
    rng = np.random.default_rng(0)
    values = np.concatenate([rng.normal(0.1, 0.05, 5000), rng.normal(0.7, 0.05, 3000)])
    t = cl.otsu_from_values(values)
    assert 0.3 < t < 0.5
    hist = np.array([0, 10, 10, 0, 0, 0, 10, 10, 0, 0])
    edges = np.linspace(0, 1, 11)
    t = cl.otsu_threshold(hist, edges)
    assert 0.3 <= t <= 0.6
    assert ((values > t) == (np.arange(values.size) >= 5000)).mean() > 0.99


# --------------------------------------------------------------------------------------------------
# classifiers
# --------------------------------------------------------------------------------------------------
def _separable(n_per_class=(300, 300, 300), d=4, seed=0):
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for k, n in enumerate(n_per_class, start=1):
        center = np.zeros(d)
        center[(k - 1) % d] = 1.0
        xs.append(rng.normal(center, 0.08, size=(n, d)))
        ys.append(np.full(n, k))
    return np.vstack(xs), np.concatenate(ys)


def _spec(d=4):
    roles = cl.BandRoles(blue=1, green=2, red=3, nir=4, scale=1.0)
    return cl.FeatureSpec(roles=roles, indices=[], texture=False)


def test_gaussian_ml_separable_and_imbalanced():
    x, y = _separable((2000, 40, 300))
    xt, yt = _separable((500, 500, 500), seed=1)
    model = cl.GaussianMLClassifier().fit(x, y)
    pred = model.predict(xt)
    assert (pred == yt).mean() > 0.99
    assert (pred[yt == 2] == 2).mean() > 0.98  # the rare class is not swallowed


def test_gaussian_ml_singular_class_regularised():
    x, y = _separable((50, 50, 3))
    x[y == 3] = x[y == 3][0]  # identical pixels: zero covariance
    model = cl.GaussianMLClassifier().fit(x, y)
    assert np.isfinite(model.log_likelihood(x)).all()


def test_ml_model_json_roundtrip(tmp_path):
    x, y = _separable()
    model = cl.fit_classifier("gaussian_ml", x, y, _spec(), class_names={1: "tree canopy"})
    path = tmp_path / "ml.json"
    model.save(path)
    loaded = cl.ClassifierModel.load(path)
    xt, _ = _separable(seed=5)
    assert np.array_equal(loaded.estimator.predict(xt), model.estimator.predict(xt))
    assert loaded.class_names[1] == "tree canopy"
    assert loaded.features.names == ["blue", "green", "red", "nir"]


@needs_sklearn
def test_random_forest_walker_matches_sklearn():
    from sklearn.ensemble import RandomForestClassifier

    rng = np.random.default_rng(2)
    x = rng.normal(size=(600, 5))
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).astype(int) + 2 * (x[:, 2] > 0.5) + 1
    clf = RandomForestClassifier(n_estimators=25, random_state=4, n_jobs=1).fit(
        x.astype(np.float32), y
    )
    model = cl.RandomForestModel.from_sklearn(clf)
    xt = rng.normal(size=(5000, 5))
    assert np.array_equal(model.predict(xt), clf.predict(xt.astype(np.float32)))
    assert np.allclose(model.predict_proba(xt), clf.predict_proba(xt.astype(np.float32)))


@needs_sklearn
@pytest.mark.parametrize("suffix", [".json", ".npz"])
def test_rf_model_roundtrip_identical(tmp_path, suffix):
    x, y = _separable((200, 200, 200))
    model = cl.fit_classifier("random_forest", x, y, _spec(), seed=3, rf_trees=20)
    path = tmp_path / ("rf" + suffix)
    model.save(path)
    loaded = cl.ClassifierModel.load(path)
    xt = np.random.default_rng(9).normal(0.3, 0.5, size=(4000, 4))
    assert np.array_equal(loaded.estimator.predict(xt), model.estimator.predict(xt))
    xs, ys = _separable(seed=11)
    assert (loaded.estimator.predict(xs) == ys).mean() > 0.99


def _saved_ml(tmp_path) -> dict:
    x, y = _separable()
    model = cl.fit_classifier("gaussian_ml", x, y, _spec())
    return model.to_dict()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d.pop("format"),
        lambda d: d.update(format="sklearn-pickle"),
        lambda d: d.update(format_version=99),
        lambda d: d.update(kind="exec"),
        lambda d: d["params"].update(means=[[0.0, 1.0]]),
        lambda d: d["params"]["covariances"][0].pop(),
        lambda d: d.update(features=["blue", "green"]),
        lambda d: d["classes"].append({"code": 300, "name": "x"}),
    ],
)
def test_tampered_or_foreign_model_refused(tmp_path, tamper):
    data = _saved_ml(tmp_path)
    tamper(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(cl.ModelFileError):
        cl.ClassifierModel.load(path)


def test_non_json_and_pickle_npz_refused(tmp_path):
    garbage = tmp_path / "x.json"
    garbage.write_bytes(b"\x80\x04\x95 not json")
    with pytest.raises(cl.ModelFileError):
        cl.ClassifierModel.load(garbage)
    pickled = tmp_path / "p.npz"
    np.savez(pickled, model_json=np.array([{"format": "carbonpool.classifier"}], dtype=object))
    with pytest.raises(cl.ModelFileError):
        cl.ClassifierModel.load(pickled)


def test_cyclic_tree_refused():
    tree = {
        "children_left": [1, 0, -1],
        "children_right": [2, 2, -1],
        "feature": [0, 0, -2],
        "threshold": [0.5, 0.5, -2.0],
        "proba": [[0.5, 0.5], [0.5, 0.5], [1.0, 0.0]],
    }
    with pytest.raises(cl.ModelFileError):
        cl.RandomForestModel.from_params({"trees": [tree]}, [1, 2], 1)


def test_group_holdout_keeps_whole_features():
    y = np.repeat([1, 1, 1, 2, 2, 3], 9)
    groups = np.repeat(np.arange(6), 9)
    held = cl.group_holdout(y, groups, 0.3, seed=1)
    for g in range(6):
        assert held[groups == g].all() or not held[groups == g].any()
    assert not held[y == 3].any()  # single-feature class is never held out
    assert held[y == 1].any() and held[y == 2].any()


# --------------------------------------------------------------------------------------------------
# block-wise engine
# --------------------------------------------------------------------------------------------------
def _make_image(path, rows=300, cols=217, epsg=32647, gt=None):
    rng = np.random.default_rng(1)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 4, gdal.GDT_UInt16)
    ds.SetGeoTransform(gt or (640000, 10, 0, 1583600, 0, -10))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    yy, xx = np.mgrid[0:rows, 0:cols]
    veg = ((np.sin(xx / 9.0) + np.cos(yy / 7.0)) > 0.3).astype(float)
    water = ((xx - 150) ** 2 + (yy - 60) ** 2 < 400).astype(float)
    bands = [
        (0.03 * veg + 0.15 * (1 - veg)),
        (0.06 * veg + 0.17 * (1 - veg)),
        (0.03 * veg + 0.20 * (1 - veg)),
        (0.35 * veg + 0.24 * (1 - veg)),
    ]
    for b, arr in enumerate(bands, start=1):
        arr = np.where(water > 0, [0.06, 0.07, 0.05, 0.02][b - 1], arr)
        dn = np.clip((arr + rng.normal(0, 0.004, arr.shape)) * 10000, 1, 10000).astype(np.uint16)
        dn[:5, :7] = 0  # nodata corner
        dn[-1, -3:] = 0
        band = ds.GetRasterBand(b)
        band.WriteArray(dn)
        band.SetNoDataValue(0)
    truth = np.where(water > 0, 3, np.where(veg > 0, 1, 4)).astype(np.uint8)
    ds = None
    return truth


def test_indices_block_size_invariance(tmp_path):
    src = tmp_path / "img.tif"
    _make_image(src)
    roles = cl.resolve_roles("aerial4")
    names = ["NDVI", "EVI", "SAVI", "NDWI"]
    engine.run_indices(str(src), str(tmp_path / "a.tif"), roles, names, block_rows=64)
    engine.run_indices(str(src), str(tmp_path / "b.tif"), roles, names, block_rows=1000)
    a = gdal.Open(str(tmp_path / "a.tif")).ReadAsArray()
    b = gdal.Open(str(tmp_path / "b.tif")).ReadAsArray()
    assert np.array_equal(a, b)
    assert (a[:, :5, :7] == -9999).all()
    assert (a[0] != -9999).sum() == 300 * 217 - 35 - 3
    assert not list(tmp_path.glob(".*partial*"))


@pytest.mark.parametrize("texture", [False, True])
@pytest.mark.parametrize(
    "kind", ["gaussian_ml", pytest.param("random_forest", marks=needs_sklearn)]
)
def test_classification_block_size_invariance_and_accuracy(tmp_path, kind, texture):
    src = tmp_path / "img.tif"
    truth = _make_image(src)
    ds = engine.open_raster(str(src))
    info = engine.raster_info(ds)
    spec = cl.FeatureSpec.default(cl.resolve_roles("aerial4"), texture=texture)
    # training: every 10th pixel with its true class
    labels = gdal.GetDriverByName("MEM").Create("", info.xsize, info.ysize, 1, gdal.GDT_UInt32)
    lab = np.zeros(truth.shape, dtype=np.uint32)
    lab[::10, ::10] = truth[::10, ::10]
    labels.GetRasterBand(1).WriteArray(lab)
    x, g = engine.extract_training(str(src), spec, labels, (0, 0, info.xsize, info.ysize), 64)
    model = cl.fit_classifier(kind, x, g, spec, seed=1, rf_trees=20)
    s64 = engine.classify_raster(str(src), str(tmp_path / "c64.tif"), model, block_rows=64)
    s1k = engine.classify_raster(str(src), str(tmp_path / "c1k.tif"), model, block_rows=1000)
    a = gdal.Open(str(tmp_path / "c64.tif")).ReadAsArray()
    b = gdal.Open(str(tmp_path / "c1k.tif")).ReadAsArray()
    assert np.array_equal(a, b)
    assert np.array_equal(s64.pixels, s1k.pixels)
    valid = a > 0
    assert valid.sum() == truth.size - 38
    assert (a[valid] == truth[valid]).mean() > 0.97
    assert s64.area_m2.sum() == pytest.approx(valid.sum() * 100.0)


def test_cancel_leaves_no_output(tmp_path):
    src = tmp_path / "img.tif"
    _make_image(src)
    calls = {"n": 0}

    def cancelled():
        calls["n"] += 1
        return calls["n"] > 2

    dst = tmp_path / "out.tif"
    with pytest.raises(engine.OperationCanceled):
        engine.run_indices(
            str(src), str(dst), cl.resolve_roles("aerial4"), ["NDVI"], 64, cancelled=cancelled
        )
    assert not dst.exists()
    assert list(tmp_path.iterdir()) == [src]


def test_stratified_sample_block_invariant(tmp_path):
    src = tmp_path / "img.tif"
    truth = _make_image(src)
    cls_path = tmp_path / "truth.tif"
    ds = gdal.GetDriverByName("GTiff").Create(
        str(cls_path), truth.shape[1], truth.shape[0], 1, gdal.GDT_Byte
    )
    ds.SetGeoTransform((640000, 10, 0, 1583600, 0, -10))
    ds.GetRasterBand(1).WriteArray(truth)
    ds.GetRasterBand(1).SetNoDataValue(0)
    ds = None
    stats = engine.class_statistics(str(cls_path))
    counts = {int(c): int(p) for c, p in zip(stats.codes, stats.pixels)}
    sizes = {c: 10 for c in counts}
    a = engine.sample_stratified_points(str(cls_path), sizes, counts, seed=5, block_rows=64)
    b = engine.sample_stratified_points(str(cls_path), sizes, counts, seed=5, block_rows=1000)
    assert sorted(a) == sorted(b)
    assert len(a) == 30
    assert all(truth[r, c] == code for code, r, c, _x, _y in a)
    assert engine.values_at(str(cls_path), [(x, y) for *_r, x, y in a]).tolist() == [
        p[0] for p in a
    ]


# --------------------------------------------------------------------------------------------------
# memory-bounded windows
# --------------------------------------------------------------------------------------------------
def _info(xsize, ysize, block_y=1, block_x=None):
    return engine.RasterInfo(
        path="",
        xsize=xsize,
        ysize=ysize,
        band_count=4,
        geotransform=(0, 1, 0, 0, 0, -1),
        wkt="",
        geographic=False,
        linear_unit_m=1.0,
        semi_major=6378137.0,
        inv_flattening=298.257223563,
        nodata=[None] * 4,
        block_y=block_y,
        block_x=block_x or xsize,
    )


def _window_bytes(tiling, arrays, halo=0):
    return (tiling.rows + 2 * halo) * (tiling.cols + 2 * halo) * arrays * 4 * 3


@pytest.mark.parametrize("xsize", [217, 20_000, 200_000, 1_000_000, 5_000_000, 50_000_000])
@pytest.mark.parametrize("halo", [0, 1])
def test_windows_fit_the_budget_for_any_width(xsize, halo):
    budget = engine.BUDGET_MB * 1024 * 1024
    for arrays in (3, 10, 40):
        tiling = engine.plan_windows(_info(xsize, 1000, block_y=256), arrays, halo=halo)
        assert _window_bytes(tiling, arrays, halo) <= budget
        assert tiling.rows >= 1 and tiling.cols >= 1
        if tiling.cols < xsize:  # tiled horizontally: one row at a time, only when needed
            assert tiling.rows == 1
            assert (xsize + 2 * halo) * (1 + 2 * halo) * arrays * 12 > budget
        wins = list(tiling.windows())
        assert sum(n * m for _r, n, _c, m in wins) == xsize * 1000 or len(wins) > 10_000


def test_choose_block_rows_goes_down_to_one_row():
    assert engine.choose_block_rows(200_000, 10) * 200_000 * 10 * 12 <= 160 * 1024 * 1024
    assert engine.choose_block_rows(10_000_000, 10) == 1
    assert engine.choose_block_cols(10_000_000, 10) * 10 * 12 <= 160 * 1024 * 1024
    assert engine.choose_block_cols(217, 10) == 217


def test_window_height_follows_native_blocks():
    # narrow raster: a multiple of both the native block height and the output tiles
    assert engine.plan_windows(_info(1000, 50_000, block_y=512), 10).rows % 512 == 0
    assert engine.plan_windows(_info(1000, 50_000, block_y=384), 10).rows % 768 == 0
    assert engine.plan_windows(_info(1000, 50_000, block_y=1), 10).rows % 256 == 0
    # wider: the budget allows 128-row blocks but not 256 rows
    rows = engine.choose_block_rows(7000, 10)
    assert 128 <= rows < 256
    assert engine.plan_windows(_info(7000, 5000, block_y=128), 10).rows == 128
    # native blocks taller than the budget: any multiple of 16 that fits
    tiling = engine.plan_windows(_info(7000, 5000, block_y=512), 10)
    assert tiling.rows % 16 == 0 and _window_bytes(tiling, 10) <= 160 * 1024 * 1024


@pytest.mark.parametrize(
    "rows, expect",
    [(512, ("YES", None)), (64, ("YES", "64")), (9, ("NO", "9")), (None, ("YES", None))],
)
def test_output_blocks_match_windows(rows, expect):
    opts = dict(o.split("=", 1) for o in engine.gtiff_options(rows))
    assert (opts["TILED"], opts.get("BLOCKYSIZE")) == expect
    assert opts["COMPRESS"] == "DEFLATE"


def test_tiled_windows_are_row_major():
    tiling = engine.Tiling(xsize=10, ysize=3, rows=1, cols=4)
    wins = list(tiling.windows())
    assert wins[:3] == [(0, 1, 0, 4), (0, 1, 4, 4), (0, 1, 8, 2)]
    assert len(wins) == 9
    assert [tiling.row_band_done(c, m) for _r, _n, c, m in wins[:3]] == [False, False, True]
    assert tiling.done(*wins[-1]) == 1.0


def _run_all(src, cls_path, tmp_path, tag, **kw):
    """Every engine pass on ``src`` / ``cls_path`` with the window options ``kw``."""
    roles = cl.resolve_roles("aerial4")
    out = {}
    engine.run_indices(str(src), str(tmp_path / f"i_{tag}.tif"), roles, ["NDVI", "EVI"], **kw)
    out["indices"] = gdal.Open(str(tmp_path / f"i_{tag}.tif")).ReadAsArray()
    out["hist"] = engine.ndvi_histogram(str(src), roles, **kw)[0]
    stats = engine.class_statistics(str(cls_path), **kw)
    out["stats"] = (stats.codes.tolist(), stats.pixels.tolist(), stats.area_m2.tolist())
    counts = {int(c): int(p) for c, p in zip(stats.codes, stats.pixels)}
    sizes = {c: 7 for c in counts}
    out["sample"] = engine.sample_stratified_points(str(cls_path), sizes, counts, 3, **kw)
    areas = engine.carbon_raster(
        str(cls_path), str(tmp_path / f"c_{tag}.tif"), {1: 50.0, 3: 2.0}, **kw
    )
    out["carbon"] = (gdal.Open(str(tmp_path / f"c_{tag}.tif")).ReadAsArray(), areas)
    green = engine.green_polygons(str(cls_path), [1], [1], 500.0, str(tmp_path / f"g_{tag}"), **kw)
    out["green"] = (green.pixels.tolist(), green.green_m2, green.green_m2_raw, green.valid_m2)
    return out


def _truth_raster(src, path):
    truth = _make_image(src)
    ds = gdal.GetDriverByName("GTiff").Create(
        str(path), truth.shape[1], truth.shape[0], 1, gdal.GDT_Byte
    )
    ds.SetGeoTransform((640000, 10, 0, 1583600, 0, -10))
    ds.GetRasterBand(1).WriteArray(truth)
    ds.GetRasterBand(1).SetNoDataValue(0)
    ds = None
    return truth


def test_every_pass_is_invariant_to_horizontal_tiling(tmp_path, monkeypatch):
    src, cls_path = tmp_path / "img.tif", tmp_path / "truth.tif"
    _truth_raster(src, cls_path)
    ref = _run_all(src, cls_path, tmp_path, "ref", block_rows=1000)
    # 1-row windows of 50 columns, forced
    cols = _run_all(src, cls_path, tmp_path, "cols", block_cols=50)
    # a budget too small for one row: the engine tiles horizontally by itself
    monkeypatch.setattr(engine, "BUDGET_MB", 0.01)
    tiny = _run_all(src, cls_path, tmp_path, "tiny")
    for other in (cols, tiny):
        assert np.array_equal(ref["indices"], other["indices"])
        assert np.array_equal(ref["hist"], other["hist"])
        assert ref["stats"][:2] == other["stats"][:2]
        assert np.allclose(ref["stats"][2], other["stats"][2])
        assert ref["sample"] == other["sample"]
        assert np.array_equal(ref["carbon"][0], other["carbon"][0])
        assert np.allclose(ref["carbon"][1], other["carbon"][1])
        assert ref["green"][0] == other["green"][0]
        assert np.allclose(ref["green"][1:], other["green"][1:])


@pytest.mark.parametrize(
    "kw", [{"block_rows": 7}, {"block_rows": 1}, {"block_cols": 40}, {"block_cols": 16}]
)
def test_texture_halo_invariant_to_any_window(tmp_path, kw):
    src = tmp_path / "img.tif"
    truth = _make_image(src)
    spec = cl.FeatureSpec.default(cl.resolve_roles("aerial4"), texture=True)
    info = engine.raster_info(engine.open_raster(str(src)))
    labels = gdal.GetDriverByName("MEM").Create("", info.xsize, info.ysize, 1, gdal.GDT_UInt32)
    lab = np.zeros(truth.shape, dtype=np.uint32)
    lab[::10, ::10] = truth[::10, ::10]
    labels.GetRasterBand(1).WriteArray(lab)
    window = (0, 0, info.xsize, info.ysize)
    x, g = engine.extract_training(str(src), spec, labels, window, 1000)
    x2, g2 = engine.extract_training(str(src), spec, labels, window, **kw)
    assert np.array_equal(x, x2) and np.array_equal(g, g2)
    model = cl.fit_classifier("gaussian_ml", x, g, spec, seed=1)
    engine.classify_raster(str(src), str(tmp_path / "a.tif"), model, block_rows=1000)
    engine.classify_raster(str(src), str(tmp_path / "b.tif"), model, **kw)
    a = gdal.Open(str(tmp_path / "a.tif")).ReadAsArray()
    b = gdal.Open(str(tmp_path / "b.tif")).ReadAsArray()
    assert np.array_equal(a, b)


def test_halo_rows_are_read_once(tmp_path, monkeypatch):
    """With a texture halo, full-width windows read every input row exactly once."""
    src = tmp_path / "img.tif"
    truth = _make_image(src)
    spec = cl.FeatureSpec.default(cl.resolve_roles("aerial4"), texture=True)
    x = np.random.default_rng(0).random((40, len(spec.names))).astype(np.float32)
    model = cl.fit_classifier("gaussian_ml", x, np.repeat([1, 2], 20), spec, seed=1)
    reads = []
    real = engine.read_reflectance

    def counting(ds, info, roles, row0, nrows, halo=0, col0=0, ncols=None):
        reads.append((row0 - halo, nrows + 2 * halo))
        return real(ds, info, roles, row0, nrows, halo, col0, ncols)

    monkeypatch.setattr(engine, "read_reflectance", counting)
    engine.classify_raster(str(src), str(tmp_path / "c.tif"), model, block_rows=64)
    assert sum(n for _r, n in reads) == truth.shape[0]
    assert [r for r, _n in reads] == list(range(0, truth.shape[0], 64))


def test_written_blocks_match_windows(tmp_path):
    """Outputs get blocks the windows fill (a block written in parts is rewritten each time)."""
    src = tmp_path / "img.tif"
    _make_image(src)
    roles = cl.resolve_roles("aerial4")
    for rows, block in ((9, [217, 9]), (64, [256, 64]), (256, [256, 256])):
        dst = tmp_path / f"n{rows}.tif"
        engine.run_indices(str(src), str(dst), roles, ["NDVI"], block_rows=rows)
        assert gdal.Open(str(dst)).GetRasterBand(1).GetBlockSize() == block


def test_inputs_get_no_pam_sidecar(tmp_path):
    """Reading never writes ``<input>.aux.xml`` (GDAL would, e.g. after statistics)."""
    src = tmp_path / "img.tif"
    _make_image(src)
    ds = engine.open_raster(str(src))
    ds.GetRasterBand(1).ComputeStatistics(False)  # would mark the PAM dirty
    ds = None
    engine.run_indices(str(src), str(tmp_path / "o.tif"), cl.resolve_roles("aerial4"), ["NDVI"])
    assert not (tmp_path / "img.tif.aux.xml").exists()
    assert gdal.GetConfigOption("GDAL_PAM_ENABLED") is None  # restored


# --------------------------------------------------------------------------------------------------
# pixel areas
# --------------------------------------------------------------------------------------------------
def test_ellipsoid_area_whole_earth_and_equator_cell():
    lat = np.arange(-90, 90, 1.0)
    total = quadrangle_area(lat, lat + 1, 360.0).sum()
    assert total == pytest.approx(510_065_621.7e6, rel=1e-7)  # WGS 84 surface area
    # one 1°×1° cell at the equator ≈ 12,308.8 km²
    assert quadrangle_area(0.0, 1.0, 1.0) / 1e6 == pytest.approx(12_308.8, rel=1e-4)


def test_row_pixel_areas():
    proj = row_pixel_areas((0, 10, 0, 0, 0, -10), 0, 3, geographic=False)
    assert proj.tolist() == [100.0, 100.0, 100.0]
    feet = row_pixel_areas((0, 10, 0, 0, 0, -10), 0, 1, geographic=False, linear_unit_m=0.3048)
    assert feet[0] == pytest.approx(100 * 0.3048**2)
    geo = row_pixel_areas((100.0, 9e-5, 0, 14.3, 0, -9e-5), 0, 2, geographic=True)
    # ~9.7 m × 9.95 m near 14.3° N
    assert 95 < geo[0] < 97
    assert geo[0] < geo[1] or math.isclose(geo[0], geo[1], rel_tol=1e-4)
