"""Tree-level pipeline. Values are checked against the T-VER chain (science.md 1.3) and the
equation vectors of science.md 1.2 / 3.1; a small fake wood-density table keeps tests independent
of the bundled species data."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.biomass import FLAG_CODES, compute_tree_biomass, summarize
from carbon_pool_plugin.core.equations import EquationDisabledError, EquationLibrary
from carbon_pool_plugin.core.methods import MethodPack
from carbon_pool_plugin.core.units import C_TO_CO2

_FAKE = {
    # name: (genus, family, life_form, wd)
    "Samanea saman": ("Samanea", "Fabaceae", "tree", 0.529),  # GWDD v2 [C] science.md 5.2
    "Rhizophora apiculata": ("Rhizophora", "Rhizophoraceae", "mangrove", 0.8),
    "Cocos nucifera": ("Cocos", "Arecaceae", "palm", 0.530),
}


class FakeWD:
    """Implements the WoodDensityTable.lookup contract with a dataset-mean fallback."""

    def lookup(self, names: Sequence[str | None], stands: Any = None) -> pd.DataFrame:
        rows = []
        for name in names:
            hit = _FAKE.get(name) if name else None
            if hit:
                rows.append((name, name, hit[0], hit[1], hit[2], hit[3], 0.07, "species", True))
            else:
                rows.append((name, None, None, None, None, np.nan, np.nan, "dataset", False))
        df = pd.DataFrame(
            rows,
            columns=[
                "input_name",
                "accepted_name",
                "genus",
                "family",
                "life_form",
                "wd",
                "wd_sd",
                "wd_level",
                "matched",
            ],
        )
        mean = df["wd"].mean()
        df["wd"] = df["wd"].fillna(mean)
        df["wd_sd"] = df["wd_sd"].fillna(0.1)
        return df


@pytest.fixture(scope="module")
def lib() -> EquationLibrary:
    return EquationLibrary.load()


def _flags(result: pd.DataFrame, i: int) -> set:
    val = result["flags"].iloc[i]
    return set(val.split(";")) if val else set()


def test_tver_general_tree_chain(lib) -> None:
    # TGO Ogawa 0.933: D30/H20 AGB 465.54 kg [C]; BGB = x 0.27; C = x 0.47; CO2e = x 44/12
    trees = pd.DataFrame({"species": ["Samanea saman"], "dbh_cm": [30.0], "height_m": [20.0]})
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib, FakeWD())
    agb = 465.54
    assert r["agb_kg"].iloc[0] == pytest.approx(agb, abs=0.01)
    assert r["bgb_kg"].iloc[0] == pytest.approx(agb * 0.27, abs=0.01)
    assert r["carbon_kg"].iloc[0] == pytest.approx(agb * 1.27 * 0.47, abs=0.01)
    assert r["co2e_kg"].iloc[0] == pytest.approx(agb * 1.27 * 0.47 * C_TO_CO2, abs=0.02)
    assert r["equation_id"].iloc[0] == "tver_t1_general"
    assert r["height_source"].iloc[0] == "measured"
    assert r["flags"].iloc[0] == ""
    assert r["method"].iloc[0] == "tver" and r["eq_pack_version"].iloc[0] == "eqlib-2026.12.1"


def test_tver_worked_example_scaled(lib) -> None:
    # science.md 1.3 worked example: 100 t AGB -> 218.86 tCO2e. Use a user equation returning a
    # fixed 100,000 kg AGB to run the whole pipeline.
    lib2 = EquationLibrary.load()
    lib2.add_user_equation("fixed", "100000 + 0*D")
    trees = pd.DataFrame({"species": ["Samanea saman"], "dbh_cm": [30.0], "height_m": [20.0]})
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib2, FakeWD(), equation="fixed")
    assert summarize(r)["co2e_t"] == pytest.approx(218.86, abs=0.005)


def test_groups_rhizophora_palm(lib) -> None:
    # Rhizophora -> Komiyama 1987 Table 2 row, R 0.48, CF 0.4715; palm -> TGO palm (guarded),
    # R 0.41, CF 0.413 [science.md 1.3]
    trees = pd.DataFrame(
        {
            "species": ["Rhizophora apiculata", "Cocos nucifera"],
            "dbh_cm": [20.0, 25.0],
            "height_m": [12.0, 10.0],
        }
    )
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib, FakeWD())
    assert r["equation_id"].tolist() == ["tver_t2_rhizophora", "tver_t1_palm"]
    x = 20.0**2 * 12.0
    rh = 0.05466 * x**0.945 + 0.01579 * x**0.9124 + 0.0678 * x**0.5806
    assert r["agb_kg"].iloc[0] == pytest.approx(rh)
    assert r["carbon_kg"].iloc[0] == pytest.approx(rh * 1.48 * 0.4715)
    assert r["agb_kg"].iloc[1] == pytest.approx(94.0, abs=0.05)
    assert r["carbon_kg"].iloc[1] == pytest.approx(r["agb_kg"].iloc[1] * 1.41 * 0.413)
    assert "EQ_UNVERIFIED" in _flags(r, 1)


def test_bad_rows_flagged_not_dropped(lib) -> None:
    trees = pd.DataFrame(
        {
            "species": [
                "Samanea saman",
                None,
                "Foo barus",
                "Samanea saman",
                "Samanea saman",
                "Samanea saman",
            ],
            "dbh_cm": [np.nan, 20.0, 20.0, -3.0, 3.0, 20.0],
            "height_m": [10.0, 12.0, 12.0, 10.0, 3.0, 500.0],
        },
        index=[10, 11, 12, 13, 14, 15],
    )
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib, FakeWD(), height_model="none")
    assert len(r) == 6 and list(r.index) == [10, 11, 12, 13, 14, 15]
    assert "DBH_MISSING" in _flags(r, 0) and np.isnan(r["carbon_kg"].iloc[0])
    assert "SPECIES_MISSING" in _flags(r, 1) and np.isfinite(r["carbon_kg"].iloc[1])
    assert "SPECIES_UNMATCHED" in _flags(r, 2) and np.isfinite(r["carbon_kg"].iloc[2])
    assert "DBH_INVALID" in _flags(r, 3) and np.isnan(r["carbon_kg"].iloc[3])
    # T-VER sapling (< 4.5 cm): excluded from tree biomass (0), flagged
    assert "BELOW_MIN_DBH" in _flags(r, 4) and r["carbon_kg"].iloc[4] == 0.0
    # impossible height ignored; no model allowed -> H missing
    assert {"H_INVALID", "H_MISSING"} <= _flags(r, 5) and np.isnan(r["carbon_kg"].iloc[5])
    assert all(code in FLAG_CODES for i in range(6) for code in _flags(r, i))
    s = summarize(r)
    assert s["n_trees"] == 6 and s["n_flagged"] == 6
    assert s["unmatched_species"] == {"Foo barus": 1}


def test_height_modelled_feldpausch(lib) -> None:
    # Feldpausch et al. 2012 SE Asia Weibull (science.md 3.1):
    # H = 57.122 (1 - exp(-0.0332 D^0.8468))
    trees = pd.DataFrame({"species": ["Samanea saman"], "dbh_cm": [30.0], "height_m": [np.nan]})
    r = compute_tree_biomass(
        trees, MethodPack.load("tver"), lib, FakeWD(), height_model="feldpausch"
    )
    h = 57.122 * (1 - np.exp(-0.0332 * 30.0**0.8468))
    assert r["height_m"].iloc[0] == pytest.approx(h, rel=1e-6)
    assert r["height_source"].iloc[0] == "feldpausch"
    assert "H_MODELLED" in _flags(r, 0)


def test_height_local_fit_and_fallback(lib) -> None:
    rng = np.random.default_rng(1)
    d = rng.uniform(10, 60, 40)
    h = 2.0 * d**0.7 * np.exp(rng.normal(0, 0.05, 40))
    h[:5] = np.nan
    trees = pd.DataFrame({"species": ["Samanea saman"] * 40, "dbh_cm": d, "height_m": h})
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib, FakeWD())
    src = r["height_source"]
    assert (src.iloc[:5].str.startswith("local_")).all()
    assert (src.iloc[5:] == "measured").all()
    assert np.all(np.isfinite(r["carbon_kg"]))
    # two trees with height: cannot fit -> Feldpausch, flagged
    small = trees.iloc[:4].copy()
    small.loc[small.index[2:], "height_m"] = [20.0, 25.0]
    r = compute_tree_biomass(small, MethodPack.load("tver"), lib, FakeWD())
    assert r["height_source"].iloc[0] == "feldpausch"
    assert {"H_LOCAL_FAILED", "H_MODELLED"} <= _flags(r, 0)


def test_chave2014_wd_and_e(lib) -> None:
    # Chave 2014 Eq. 4 at rho 0.6, D30/H20 -> 581.62 kg [C]; unmatched species gets the
    # dataset-mean WD and the WD_DATASET flag; Eq. 7 without E -> E_MISSING
    trees = pd.DataFrame(
        {"species": ["X y"], "dbh_cm": [30.0], "height_m": [20.0], "wd_user": [0.6]}
    )
    r = compute_tree_biomass(trees, MethodPack.load("itree"), lib, FakeWD())
    assert r["agb_kg"].iloc[0] == pytest.approx(581.62, abs=0.01)
    assert r["wd_level"].iloc[0] == "user"
    trees2 = pd.DataFrame(
        {"species": ["Samanea saman", "X y"], "dbh_cm": [30.0, 30.0], "height_m": [20.0, 20.0]}
    )
    r2 = compute_tree_biomass(trees2, MethodPack.load("ipcc"), lib, FakeWD())
    assert "WD_DATASET" in _flags(r2, 1) and "WD_DATASET" not in _flags(r2, 0)
    r3 = compute_tree_biomass(
        trees2, MethodPack.load("ipcc"), lib, FakeWD(), equation="chave2014_eq7"
    )
    assert "E_MISSING" in _flags(r3, 0) and np.isnan(r3["agb_kg"].iloc[0])
    r4 = compute_tree_biomass(
        trees2, MethodPack.load("ipcc"), lib, FakeWD(), equation="chave2014_eq7", e_value=0.1
    )
    assert np.all(np.isfinite(r4["agb_kg"]))


def test_itree_open_grown_and_cap(lib) -> None:
    # i-Tree: x0.8 only where open_grown [P ITREE-F1/F2]; R 0.26; CF 0.5; 7,500 kg C cap [P]
    trees = pd.DataFrame(
        {
            "species": ["Samanea saman"] * 3,
            "dbh_cm": [30.0, 30.0, 200.0],
            "height_m": [20.0, 20.0, 40.0],
            "open_grown": [True, False, False],
            "wd_user": [0.6, 0.6, 0.9],
        }
    )
    r = compute_tree_biomass(trees, MethodPack.load("itree"), lib, FakeWD())
    assert r["agb_kg"].iloc[0] == pytest.approx(581.62 * 0.8, abs=0.01)
    assert r["agb_kg"].iloc[1] == pytest.approx(581.62, abs=0.01)
    assert r["carbon_kg"].iloc[1] == pytest.approx(581.62 * 1.26 * 0.5, abs=0.01)
    assert "OPEN_GROWN_ADJ" in _flags(r, 0) and "OPEN_GROWN_ADJ" not in _flags(r, 1)
    assert r["carbon_kg"].iloc[2] == 7500 and "C_CAPPED" in _flags(r, 2)


def test_komiyama2005_bgb_from_equation(lib) -> None:
    # Komiyama 2005: BGB from its own equation, not AGB x R
    trees = pd.DataFrame(
        {"species": ["Rhizophora apiculata"], "dbh_cm": [20.0], "height_m": [np.nan]}
    )
    r = compute_tree_biomass(trees, MethodPack.load("ipcc"), lib, FakeWD())
    assert r["equation_id"].iloc[0] == "komiyama2005_mangrove"
    assert r["bgb_kg"].iloc[0] == pytest.approx(0.199 * 0.8**0.899 * 20.0**2.22)
    assert np.isnan(r["root_shoot"].iloc[0])


def test_row_equation_and_disabled(lib) -> None:
    trees = pd.DataFrame(
        {
            "species": ["Samanea saman"] * 3,
            "dbh_cm": [30.0] * 3,
            "height_m": [20.0] * 3,
            "equation_id": ["tver_t2_moist_evergreen", "tver_t2_pine_2needle", "nope"],
        }
    )
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib, FakeWD())
    assert r["agb_kg"].iloc[0] == pytest.approx(521.54, abs=0.01)  # Ogawa 0.9326 [C]
    assert "EQ_DISABLED" in _flags(r, 1) and np.isnan(r["agb_kg"].iloc[1])
    assert "EQ_UNKNOWN" in _flags(r, 2) and np.isnan(r["agb_kg"].iloc[2])
    with pytest.raises(EquationDisabledError):
        compute_tree_biomass(
            trees.drop(columns="equation_id"),
            MethodPack.load("tver"),
            lib,
            FakeWD(),
            equation="tver_t2_pine_2needle",
        )


def test_bamboo_generic_flag_and_palm_without_dbh(lib) -> None:
    trees = pd.DataFrame(
        {
            "species": ["Bambusa sp.", "Cocos nucifera"],
            "dbh_cm": [8.0, np.nan],
            "height_m": [np.nan, 10.0],
            "life_form": ["bamboo", None],
        }
    )
    r = compute_tree_biomass(trees, MethodPack.load("tver"), lib, FakeWD())
    assert r["equation_id"].iloc[0] == "tver_t1_bamboo_khao_lam"
    assert "EQ_GENERIC_BAMBOO" in _flags(r, 0)
    # Kutintara 1995 ไผ่ข้าวหลาม: 0.17446 (D^2)^1.0437
    assert r["agb_kg"].iloc[0] == pytest.approx(0.17446 * (8.0**2) ** 1.0437)
    # TGO palm needs only H: a missing DBH is not an error here
    assert r["agb_kg"].iloc[1] == pytest.approx(94.0, abs=0.05)
    assert "DBH_MISSING" not in _flags(r, 1)


def test_custom_pack_unfilled_refused(lib) -> None:
    trees = pd.DataFrame({"species": ["Samanea saman"], "dbh_cm": [30.0], "height_m": [20.0]})
    with pytest.raises(ValueError, match="supply one"):
        compute_tree_biomass(trees, MethodPack.load("custom"), lib, FakeWD())


def test_real_wood_density_table_if_present(lib) -> None:
    wd_mod = pytest.importorskip("carbon_pool_plugin.core.wood_density")
    try:
        table = wd_mod.WoodDensityTable.load()
    except Exception as exc:  # data pack may not be ready
        pytest.skip(f"wood density table not loadable: {exc}")
    trees = pd.DataFrame(
        {
            "species": ["Samanea saman", "Qwerty asdf"],
            "dbh_cm": [30.0, 20.0],
            "height_m": [20.0, 15.0],
            "plot": ["p1", "p1"],
        }
    )
    r = compute_tree_biomass(trees, MethodPack.load("itree"), lib, table)
    assert len(r) == 2 and np.all(np.isfinite(r["carbon_kg"]))
    assert "SPECIES_UNMATCHED" in _flags(r, 1)


def test_quality_warning_when_many_trees_below_min_dbh() -> None:
    """T-VER's minimum DBH is 4.5 cm (tver.json, T-VER-P-TOOL-01-02): 3 of 10 trees below it
    (30 % > BELOW_MIN_SHARE_WARN 10 %) gives one warning naming the count; 1 of 10 none."""
    from carbon_pool_plugin.core.biomass import quality_warnings

    summary = {"n_trees": 10, "flag_counts": {"BELOW_MIN_DBH": 3}}
    (text,) = quality_warnings(summary, 4.5)
    assert "3 of 10 trees (30 %)" in text and "4.5 cm" in text
    assert quality_warnings({"n_trees": 10, "flag_counts": {"BELOW_MIN_DBH": 1}}, 4.5) == []
    assert quality_warnings(summary, None) == []  # the method sets no minimum


def test_sample_girths_read_as_millimetres_are_noticed(lib) -> None:
    """The bundled sample's girths (cm) read as DBH in mm: D = g / 10, so a large share of the
    trees falls below 4.5 cm (girth < 45 cm) and quality_warnings says so."""
    from pathlib import Path

    from carbon_pool_plugin.core.biomass import quality_warnings
    from carbon_pool_plugin.core.inventory import prepare_trees
    from carbon_pool_plugin.core.wood_density import WoodDensityTable

    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "trees_2568.csv"
    raw = pd.read_csv(sample, encoding="utf-8-sig", dtype=str)
    mapping = {"species": "ชื่อวิทยาศาสตร์", "dbh": "เส้นรอบวง_ซม", "height": "ความสูง_ม"}
    method = MethodPack.load("tver")
    girth = pd.to_numeric(raw["เส้นรอบวง_ซม"], errors="coerce")
    for unit, warned in (("mm", True), ("girth_cm", False)):
        prepared = prepare_trees(raw, mapping, unit)
        result = compute_tree_biomass(prepared.frame, method, lib, WoodDensityTable.load())
        summary = summarize(result)
        if unit == "mm":  # girth < 45 cm, among trees (palms and bamboos have no minimum)
            trees = result["life_form"].isin(["tree", "mangrove"]).to_numpy()
            expected = int((trees & (girth.to_numpy() > 0) & (girth.to_numpy() < 45.0)).sum())
            assert summary["flag_counts"]["BELOW_MIN_DBH"] == expected > 107
        assert bool(quality_warnings(summary, method.min_dbh_cm)) is warned
