"""Wood density table, name matching and the BIOMASS-style cascade (science.md §5)."""

from __future__ import annotations

import csv
import math
import os
import time

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.wood_density import (
    DATA_DIR,
    DATASET_FALLBACK_WD,
    FLAG_DATASET_CONSTANT,
    FLAG_USER_INVALID,
    LEVEL_SD,
    OUTPUT_COLUMNS,
    WoodDensityTable,
    normalize_name,
)

LIFE_FORMS = {"tree", "palm", "bamboo", "liana", "mangrove", "shrub"}


@pytest.fixture(scope="module")
def v2() -> WoodDensityTable:
    return WoodDensityTable.load("gwdd_v2")


@pytest.fixture(scope="module")
def v1() -> WoodDensityTable:
    return WoodDensityTable.load("gwdd_v1")


def _one(table: WoodDensityTable, name: str) -> pd.Series:
    return table.lookup([name]).iloc[0]


# --- bundled data ----------------------------------------------------------------------------


def test_species_table_shape_and_vocabulary():
    with open(os.path.join(DATA_DIR, "species_th.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 60
    assert list(rows[0].keys()) == [
        "accepted_name", "synonyms", "thai_names", "english_name", "genus", "family", "life_form",
        "wd_v1", "wd_v1_level", "wd_v1_n", "wd_v2", "wd_v2_sd", "wd_v2_level", "wd_source", "note",
    ]  # fmt: skip
    names = [r["accepted_name"] for r in rows]
    assert len(set(names)) == len(names)
    for r in rows:
        assert r["life_form"] in LIFE_FORMS, r
        assert r["accepted_name"].split()[0] == r["genus"]
        assert r["family"].endswith("aceae")
        assert r["thai_names"], r["accepted_name"]
        assert "BKF" in r["note"], r["accepted_name"]  # Thai names flagged as unverified
        for col in ("wd_v1", "wd_v2"):
            if r[col]:
                assert 0.2 < float(r[col]) < 1.2
                assert r[col + "_level"] in ("species", "genus")
            else:
                assert r[col + "_level"] == ""
    tectona = next(r for r in rows if r["accepted_name"] == "Tectona grandis")
    assert tectona["family"] == "Lamiaceae"  # APG, not Verbenaceae


def test_no_name_maps_to_two_species(v2):
    assert v2.ambiguous_keys == {}


@pytest.mark.parametrize(
    "name, wd_v1, wd_v2, sd_v2",
    [
        # science.md §5.2 (v1 = World column, v2 = BIOMASS 3.0 wsg_estimates mean ± sd)
        ("Samanea saman", 0.495, 0.529, 0.090),
        ("Delonix regia", 0.579, 0.427, 0.113),
        ("Tamarindus indica", 0.978, 0.778, 0.130),
        ("Ficus elastica", 0.618, 0.490, 0.114),
        ("Xylia xylocarpa", 0.680, 0.814, 0.078),
        ("Tectona grandis", 0.601, 0.568, 0.060),
        ("Senna siamea", 0.660, 0.673, 0.104),
        ("Pongamia pinnata", 0.595, 0.557, 0.080),
        ("Shorea roxburghii", 0.700, 0.648, 0.062),
    ],
)
def test_species_values_v1_v2(v1, v2, name, wd_v1, wd_v2, sd_v2):
    r1, r2 = _one(v1, name), _one(v2, name)
    assert r1["wd_level"] == r2["wd_level"] == "species"
    assert r1["wd"] == pytest.approx(wd_v1)
    assert r1["wd_sd"] == pytest.approx(LEVEL_SD["species"])  # v1: sd_10 species default
    assert r2["wd"] == pytest.approx(wd_v2)
    assert r2["wd_sd"] == pytest.approx(sd_v2)


def test_database_selection_and_version(v1, v2):
    assert v2.database == "gwdd_v2" and v1.database == "gwdd_v1"
    assert WoodDensityTable.load().database == "gwdd_v2"  # default
    assert "GWDD v2" in v2.version and "sha256:" in v2.version
    assert "GWDD v1" in v1.version
    with pytest.raises(ValueError):
        WoodDensityTable.load("gwdd_v3")


def test_cocos_only_in_v2(v1, v2):
    assert _one(v2, "Cocos nucifera")["wd"] == pytest.approx(0.530)
    r = _one(v1, "Cocos nucifera")  # not in v1: Arecaceae family mean (§5.3)
    assert r["wd_level"] == "family"
    assert r["wd"] == pytest.approx(0.552)
    assert r["wd_sd"] == pytest.approx(LEVEL_SD["family"])


# --- matching ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, key",
    [
        ("Samanea saman", "samanea saman"),
        ("  samanea   SAMAN ", "samanea saman"),
        ("SAMANEA SAMAN", "samanea saman"),
        ("Samanea_saman", "samanea saman"),
        ("Samanea saman (Jacq.) Merr.", "samanea saman"),
        ("Tamarindus indica L.", "tamarindus indica"),
        ("Pongamia pinnata (L.) Pierre", "pongamia pinnata"),
        ("Azadirachta indica var. siamensis Valeton", "azadirachta indica"),
        ("Ficus sp.", "ficus"),
        ("Ficus spp.", "ficus"),
        ("Ficus sp. 2", "ficus"),
        ("Ficus sp2", "ficus"),
        ("Ficus L.", "ficus"),
        ("Ficus aff. benjamina", "ficus"),
        ("Ficus cf. benjamina", "ficus benjamina"),
        ("Bauhinia × blakeana", "bauhinia blakeana"),
        ("Citrus x aurantiifolia", "citrus aurantiifolia"),
        ("×Chitalpa tashkentensis", "chitalpa tashkentensis"),
        ("Indet. indet.", ""),
        ("", ""),
        (None, ""),
        (float("nan"), ""),
    ],
)
def test_normalize_scientific(raw, key):
    assert normalize_name(raw) == key


def test_normalize_thai():
    # zero-width space and the "tree" prefix
    assert normalize_name("ต้น\u200bจามจุรี") == "จามจุรี"
    assert normalize_name("ต้น จามจุรี") == "จามจุรี"
    # tone mark and sara u typed in the wrong order: "ธ์ุ" -> "ธุ์"
    assert normalize_name("ชมพูพันธ\u0e4c\u0e38ทิพย\u0e4c") == "ชมพูพันธุ์ทิพย์"
    # sara am typed as nikhahit + sara aa, and a doubled tone mark
    assert normalize_name("อินทนิลน\u0e49\u0e4d\u0e32") == "อินทนิลน้ำ"
    assert normalize_name("อินทนิลน\u0e49\u0e49\u0e33") == "อินทนิลน้ำ"
    # two sara e typed for sara ae
    assert normalize_name("\u0e40\u0e40คสด") == "แคสด"
    # the word "ต้น" alone is not stripped to nothing
    assert normalize_name("ต้น") == "ต้น"


def test_cascade_species_synonym_thai(v2):
    df = v2.lookup(
        [
            "Samanea saman",
            "Albizia saman",  # synonym (v1 stores it so)
            "จามจุรี",  # Thai name
            "ต้นจามจุรี",  # Thai with "tree" prefix
            "ก้ามปู",  # second Thai name
            "Cassia siamea",  # synonym of Senna siamea
            "Millettia pinnata",  # synonym of Pongamia pinnata
            "Michelia champaca",  # synonym (no wd: genus Magnolia unknown -> family unknown)
        ]
    )
    assert list(df.columns) == list(OUTPUT_COLUMNS)
    assert df["accepted_name"].iloc[:5].tolist() == ["Samanea saman"] * 5
    assert df["match_type"].iloc[:5].tolist() == [
        "accepted", "synonym", "thai_name", "thai_name", "thai_name",
    ]  # fmt: skip
    assert df["wd"].iloc[:5].tolist() == pytest.approx([0.529] * 5)
    assert (df["wd_level"].iloc[:5] == "species").all()
    assert df["accepted_name"].iloc[5] == "Senna siamea"
    assert df["wd"].iloc[5] == pytest.approx(0.673)
    assert df["accepted_name"].iloc[6] == "Pongamia pinnata"
    assert df["accepted_name"].iloc[7] == "Magnolia champaca"
    assert df["matched"].all()


def test_thai_spelling_variants(v2):
    names = ["ชมพูพันธ\u0e4c\u0e38ทิพย\u0e4c", "โพธิ์", "โพ", "\u200bโพธิ\u0e4c ", "ไทรย้อย ใบแหลม"]
    df = v2.lookup(names)
    fr = "Ficus religiosa"
    assert df["accepted_name"].tolist() == ["Tabebuia rosea", fr, fr, fr, "Ficus benjamina"]
    assert df["wd"].tolist() == pytest.approx([0.519, 0.416, 0.416, 0.416, 0.487])


def test_mixed_thai_and_scientific(v2):
    df = v2.lookup(
        ["จามจุรี (Samanea saman)", "ราชพฤกษ์/คูน", "มะม่วง (Mangifera)", "ไม้มะค่าโมง", "ไม้ปริศนา"]
    )
    assert df["accepted_name"].tolist()[:4] == [
        "Samanea saman",
        "Cassia fistula",
        "Mangifera indica",  # the species-level Thai match beats the genus-only Latin part
        "Afzelia xylocarpa",  # "ไม้" (wood) prefix dropped when nothing else matched
    ]
    assert df["match_type"].tolist() == ["accepted", "thai_name", "thai_name", "thai_name", "none"]


def test_matching_tolerance(v2):
    names = [
        "delonix regia",
        "DELONIX REGIA",
        "Delonix  regia (Bojer ex Hook.) Raf.",
        " Delonix_regia ",
        "Delonix Regia",
    ]
    df = v2.lookup(names)
    assert (df["accepted_name"] == "Delonix regia").all()
    assert df["wd"].tolist() == pytest.approx([0.427] * 5)


def test_cascade_genus_family(v1, v2):
    df = v2.lookup(["Ficus sp.", "Ficus lyrata", "Lagerstroemia floribunda", "Bambusa vulgaris"])
    # Ficus: v2 genus 0.429 ± 0.101 (§5.3)
    assert df["wd_level"].tolist() == ["genus", "genus", "genus", "family"]
    assert df["wd"].tolist() == pytest.approx([0.429, 0.429, 0.578, 0.542])
    assert df["wd_sd"].tolist() == pytest.approx([0.101, 0.101, 0.082, 0.156])
    assert df["genus"].tolist() == ["Ficus", "Ficus", "Lagerstroemia", "Bambusa"]
    assert df["match_type"].tolist() == ["genus", "genus", "accepted", "accepted"]
    assert df["life_form"].iloc[3] == "bamboo"
    # v1: genus means have no sd -> sd_10 genus default; Ficus v1 World 0.406
    r = _one(v1, "Ficus sp.")
    assert (r["wd"], r["wd_level"]) == (pytest.approx(0.406), "genus")
    assert r["wd_sd"] == pytest.approx(LEVEL_SD["genus"])
    # family: a Moraceae genus without its own value (Artocarpus has no v2 genus value)
    r = _one(v2, "Artocarpus altilis")
    assert (r["wd"], r["wd_sd"], r["wd_level"]) == (
        pytest.approx(0.490),
        pytest.approx(0.134),
        "family",
    )
    r = _one(v1, "Artocarpus altilis")  # v1 has the Artocarpus genus mean 0.486
    assert (r["wd"], r["wd_level"]) == (pytest.approx(0.486), "genus")
    r = _one(v1, "Psidium guajava")  # v1 Myrtaceae 0.766, sd_10 family default
    assert (r["wd"], r["wd_sd"], r["wd_level"]) == (
        pytest.approx(0.766),
        pytest.approx(LEVEL_SD["family"]),
        "family",
    )
    # a family given as the name, also under its old name
    df = v2.lookup(["Moraceae", "Leguminosae"])
    assert df["wd"].tolist() == pytest.approx([0.490, 0.658])
    assert (df["wd_level"] == "family").all()


def test_polyalthia_v2_is_a_genus_level_estimate(v1, v2):
    r = _one(v2, "Polyalthia longifolia")
    assert (r["wd"], r["wd_sd"], r["wd_level"]) == (
        pytest.approx(0.545),
        pytest.approx(0.1),
        "genus",
    )
    assert _one(v1, "Polyalthia longifolia")["wd_level"] == "species"


def test_cascade_stand_and_dataset(v2):
    names = ["Samanea saman", "Delonix regia", "Unknownus plantus", "Mangifera indica", "ไม้ปริศนา"]
    stands = ["A", "A", "A", "B", "C"]
    df = v2.lookup(names, stands=stands)
    # stand A: mean/sd of the values assigned in A (BIOMASS stand level)
    a = [0.529, 0.427]
    assert df.loc[2, "wd_level"] == "stand"
    assert df.loc[2, "wd"] == pytest.approx(np.mean(a))
    assert df.loc[2, "wd_sd"] == pytest.approx(np.std(a, ddof=1))
    # stand C has nothing assigned -> dataset mean/sd of all assigned trees
    assigned = [0.529, 0.427, 0.532]
    assert df.loc[4, "wd_level"] == "dataset"
    assert df.loc[4, "wd"] == pytest.approx(np.mean(assigned))
    assert df.loc[4, "wd_sd"] == pytest.approx(np.std(assigned, ddof=1))
    assert df.loc[4, "wd_flag"] == ""
    assert df["matched"].tolist() == [True, True, False, True, False]
    assert df.loc[2, "genus"] == "Unknownus"
    # without stands the unknown trees get the dataset mean
    df = v2.lookup(names)
    assert df["wd_level"].tolist()[2::2] == ["dataset", "dataset"]
    assert df.loc[2, "wd"] == pytest.approx(np.mean(assigned))


def test_stand_with_single_assigned_tree_uses_dataset_sd(v2):
    df = v2.lookup(["Samanea saman", "Nonexistent x", "Delonix regia"], stands=[1, 1, 2])
    assert df.loc[1, "wd_level"] == "stand"
    assert df.loc[1, "wd"] == pytest.approx(0.529)
    assert df.loc[1, "wd_sd"] == pytest.approx(np.std([0.529, 0.427], ddof=1))


def test_dataset_constant_only_when_nothing_assigned(v1, v2):
    df = v2.lookup(["Foo bar", None, ""])
    assert (df["wd_level"] == "dataset").all()
    assert df["wd"].tolist() == pytest.approx([DATASET_FALLBACK_WD["gwdd_v2"]] * 3)
    assert df["wd"].iloc[0] == pytest.approx(0.598)
    assert (df["wd_flag"] == FLAG_DATASET_CONSTANT).all()
    assert _one(v1, "Foo bar")["wd"] == pytest.approx(0.573)
    assert df["match_type"].tolist() == ["none", "missing", "missing"]
    both = v2.lookup(["Foo bar"], user_wd=[5.0])  # invalid user value, nothing else assigned
    assert both["wd_flag"].iloc[0] == FLAG_USER_INVALID + ";" + FLAG_DATASET_CONSTANT


def test_user_values_override_and_validation(v2):
    df = v2.lookup(
        ["Samanea saman", "Samanea saman", "Samanea saman", "Foo bar"],
        user_wd=[0.61, None, 3.0, "0.7"],
    )
    assert df["wd_level"].tolist() == ["user", "species", "species", "user"]
    assert df["wd"].tolist() == pytest.approx([0.61, 0.529, 0.529, 0.7])
    assert df["wd_sd"].iloc[0] == pytest.approx(LEVEL_SD["species"])
    assert df["wd_flag"].tolist() == ["", "", FLAG_USER_INVALID, ""]
    df = v2.lookup(["Foo"], user_wd=[0.5], user_sd=[0.02])
    assert df["wd_sd"].iloc[0] == pytest.approx(0.02)
    with pytest.raises(ValueError):
        v2.lookup(["a", "b"], user_wd=[0.5])


def test_unmatched_summary_counts(v2):
    names = ["Foo bar", "Foo bar", "Samanea saman", None, "Qux", "Foo bar", "", "Ficus xyz"]
    df = v2.lookup(names)
    summary = v2.unmatched_summary(df)
    assert list(summary.columns) == ["name", "count"]
    assert summary.to_dict("records") == [
        {"name": "Foo bar", "count": 3},
        {"name": "<missing>", "count": 2},
        {"name": "Qux", "count": 1},
    ]
    with_genus = v2.unmatched_summary(df, include_genus_only=True)
    assert "Ficus xyz" in with_genus["name"].tolist()
    assert v2.unmatched_summary(v2.lookup(["Samanea saman"])).empty


def test_life_form_of(v2):
    lf = v2.life_form_of(["Cocos nucifera", "ไผ่ตง", "Rhizophora sp.", "Bougainvillea", "Foo", None])
    assert lf.tolist() == ["palm", "bamboo", "mangrove", "liana", None, None]
    assert _one(v2, "Arecaceae")["life_form"] == "palm"


def test_lookup_accepts_series_with_any_index(v2):
    s = pd.Series(["Samanea saman", "Foo"], index=[10, 20])
    df = v2.lookup(s, stands=pd.Series(["A", "A"], index=[5, 6]))
    assert df.index.tolist() == [0, 1]
    assert df["wd"].tolist() == pytest.approx([0.529, 0.529])


def test_lookup_vectorized_one_million_rows(v2):
    base = ["Samanea saman", "จามจุรี", "Ficus sp.", "Foo bar", None, "มะม่วง", "Bambusa bambos"]
    n = 1_000_000
    names = np.array(base, dtype=object)[np.arange(n) % len(base)]
    stands = np.arange(n) % 97
    t0 = time.perf_counter()
    df = v2.lookup(names, stands=stands)
    elapsed = time.perf_counter() - t0
    assert len(df) == n
    assert not df["wd"].isna().any()
    assert elapsed < 20.0  # a few seconds in practice; generous for slow CI
    assert math.isclose(df["wd"].iloc[0], 0.529)


def test_stands_all_missing_falls_to_dataset_level():
    """Regression: stand ids all empty (no plot column) must not crash the stand step."""
    table = WoodDensityTable.load()
    out = table.lookup(["Nonexistus fakeus", "Samanea saman"], stands=[None, None])
    assert out["wd_level"].tolist() == ["dataset", "species"]
    assert out["wd"].iloc[0] == pytest.approx(out["wd"].iloc[1])
