"""Equation library against science.md test vectors and hand-computed values.

[C] vectors are copied from science.md (sections 1.2, 3.1, 3.5); the others are computed here
with the formula written out, each naming its source.
"""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest

from carbon_pool_plugin.core.equations import (
    DEFAULT_PATH,
    FORMS,
    EquationDisabledError,
    EquationError,
    EquationLibrary,
)


@pytest.fixture(scope="module")
def lib() -> EquationLibrary:
    return EquationLibrary.load()


# -- TGO T-VER-S-TOOL-01-01 Appendix 2 (science.md 1.2 test vectors [C], match CSCAN) -----------


@pytest.mark.parametrize(
    ("eq_id", "stem", "branch", "leaf", "total"),
    [
        ("tver_t1_general", 369.71, 84.29, 11.54, 465.54),  # Ogawa 0.933 set, Table 1
        ("tver_t2_ddf_mdf", 369.71, 84.29, 11.54, 465.54),  # Ogawa 0.933 set, Table 2 DDF/MDF
        ("tver_t2_moist_evergreen", 368.27, 140.78, 12.50, 521.54),  # Ogawa 0.9326 set
        ("tver_t2_dry_hill_evergreen", 414.30, 128.31, 9.84, 552.44),  # Tsutsumi 1983
    ],
)
def test_tgo_d30_h20_components(lib, eq_id, stem, branch, leaf, total) -> None:
    r = lib.evaluate(eq_id, D=[30.0], H=[20.0])
    assert r.stem[0] == pytest.approx(stem, abs=0.01)
    assert r.branch[0] == pytest.approx(branch, abs=0.01)
    assert r.leaf[0] == pytest.approx(leaf, abs=0.01)
    assert r.agb[0] == pytest.approx(total, abs=0.01)


@pytest.mark.parametrize(
    ("eq_id", "t_10_8", "t_50_25"),
    [
        ("tver_t1_general", 24.48, 1507.6),
        ("tver_t2_moist_evergreen", 26.85, 1705.3),
        ("tver_t2_dry_hill_evergreen", 31.05, 1756.1),
    ],
)
def test_tgo_more_vectors(lib, eq_id, t_10_8, t_50_25) -> None:
    # science.md 1.2: D10/H8 and D50/H25 totals [C]
    r = lib.evaluate(eq_id, D=np.array([10.0, 50.0]), H=np.array([8.0, 25.0]))
    assert r.agb[0] == pytest.approx(t_10_8, abs=0.01)
    assert r.agb[1] == pytest.approx(t_50_25, abs=0.1)


def test_ogawa_sets_are_distinct(lib) -> None:
    # science.md 9 #2: the two Ogawa sets share 0.0396 but differ elsewhere; never mixed
    a = lib.get("tver_t2_moist_evergreen").components
    b = lib.get("tver_t2_ddf_mdf").components
    assert a[0].coefficients == {"a": 0.0396, "b": 0.9326}
    assert b[0].coefficients == {"a": 0.0396, "b": 0.933}
    assert a[1].coefficients == {"a": 0.006003, "b": 1.027}
    assert b[1].coefficients == {"a": 0.00349, "b": 1.030}


def test_komiyama_1987_mangrove_rows(lib) -> None:
    # TGO Table 1/2 Komiyama et al. (1987) Rhizophora: Ws = 0.05466 (D2H)^0.945,
    # WB = 0.01579 (D2H)^0.9124, WL = 0.0678 (D2H)^0.5806; other mangroves 0.0449/0.9549,
    # 0.02412/0.8649, 0.09422/0.5439. Hand-computed at D 20 cm, H 12 m.
    x = 20.0**2 * 12.0
    rh = 0.05466 * x**0.945 + 0.01579 * x**0.9124 + 0.0678 * x**0.5806
    other = 0.0449 * x**0.9549 + 0.02412 * x**0.8649 + 0.09422 * x**0.5439
    assert lib.evaluate("tver_t2_rhizophora", D=20.0, H=12.0).agb == pytest.approx(rh)
    assert lib.evaluate("tver_t1_mangrove", D=20.0, H=12.0).agb == pytest.approx(rh)
    assert lib.evaluate("tver_t2_other_mangrove", D=20.0, H=12.0).agb == pytest.approx(other)
    assert lib.for_taxon("Rhizophora apiculata") == ["tver_t2_rhizophora"]


def test_three_needle_pine(lib) -> None:
    # TGO Table 2 three-needle pine (Pongsak 2524 BE): 0.02698 (D2H)^0.946 + 0.00018 (D2H)^1.455
    # + 0.00072 (D2H)^1.094, hand-computed at D 30, H 20
    x = 30.0**2 * 20.0
    expected = 0.02698 * x**0.946 + 0.00018 * x**1.455 + 0.00072 * x**1.094
    assert lib.evaluate("tver_t2_pine_3needle", D=30.0, H=20.0).agb == pytest.approx(expected)


def test_two_needle_pine_disabled(lib) -> None:
    # science.md 9 #3: stem coefficient 0.2141 physically implausible -> disabled
    eq = lib.get("tver_t2_pine_2needle")
    assert eq.status == "disabled"
    with pytest.raises(EquationDisabledError, match="disabled"):
        lib.evaluate("tver_t2_pine_2needle", D=30.0, H=20.0)
    assert "tver_t2_pine_2needle" not in lib.ids(include_disabled=False)


def test_tgo_palm_guarded(lib) -> None:
    # science.md 3.5 [C]: TGO palm H = 10 m -> 94.0 kg; intercept 0.666 is [U] -> guarded
    r = lib.evaluate("tver_t1_palm", H=10.0)
    assert float(r.agb) == pytest.approx(94.0, abs=0.05)
    assert r.status == "guarded"
    assert "EQ_UNVERIFIED" in r.flags


@pytest.mark.parametrize(
    ("eq_id", "a", "b", "squared"),
    [
        ("tver_t1_bamboo_bong_pa", 0.1466, 0.7187, False),  # Itthiphong (2557): 0.1466 D^0.7187
        ("tver_t1_bamboo_bong_dam", 0.49522, 0.8726, True),  # Kutintara 1995: 0.49522 (D^2)^0.8726
        ("tver_t1_bamboo_khao_lam", 0.17446, 1.0437, True),  # Kutintara 1995
        ("tver_t1_bamboo_rai_phak", 0.2425, 1.0751, True),  # Kutintara 1995
        ("tver_t1_liana", 0.8622, 2.0210, False),  # Chingchai et al. 2554: 0.8622 D^2.0210
    ],
)
def test_bamboo_and_liana(lib, eq_id, a, b, squared) -> None:
    # TGO Table 1 [P]; hand-computed at D = 6 cm
    d = 6.0
    expected = a * (d**2) ** b if squared else a * d**b
    assert float(lib.evaluate(eq_id, D=d).agb) == pytest.approx(expected)


def test_chave2014_eq4_vectors(lib) -> None:
    # science.md 3.1 [C], rho = 0.6: D10/H8 27.86; D30/H20 581.62; D50/H25 1960.06
    r = lib.evaluate("chave2014_eq4", D=[10, 30, 50], H=[8, 20, 25], WD=0.6)
    assert r.agb == pytest.approx([27.86, 581.62, 1960.06], abs=0.01)


def test_chave2014_eq7_needs_e(lib) -> None:
    # BIOMASS-modified Chave 2014 Eq. 7 [P]:
    # exp(-2.023977 - 0.89563505 E + 0.92023559 ln rho + 2.79495823 ln D - 0.04606298 (ln D)^2)
    d, rho, e = 30.0, 0.6, 0.1
    ln_d = math.log(d)
    expected = math.exp(
        -2.023977
        - 0.89563505 * e
        + 0.92023559 * math.log(rho)
        + 2.79495823 * ln_d
        - 0.04606298 * ln_d**2
    )
    assert float(lib.evaluate("chave2014_eq7", D=d, WD=rho, E=e).agb) == pytest.approx(expected)
    r = lib.evaluate("chave2014_eq7", D=[d], WD=[rho])  # no E
    assert r.missing_predictor[0] and np.isnan(r.agb[0])


@pytest.mark.parametrize(
    ("ft", "a", "b"), [("dry", -2.187, 0.916), ("moist", -2.977, 1.0), ("wet", -2.557, 0.940)]
)
def test_chave2005_with_h(lib, ft, a, b) -> None:
    # Chave et al. 2005 with H: exp(a + b ln(rho D^2 H)) [S MARIOJOSE, BIOMASAFP, REYMARK]
    expected = math.exp(a + b * math.log(0.6 * 30.0**2 * 20.0))
    assert float(lib.evaluate(f"chave2005_{ft}_h", D=30, H=20, WD=0.6).agb) == pytest.approx(
        expected
    )


def test_chave2005_moist_with_h_equals_00509(lib) -> None:
    # science.md 3.2: moist with H exp(-2.977 + ln(rho D2 H)) = 0.0509 rho D2 H
    agb = float(lib.evaluate("chave2005_moist_h", D=30, H=20, WD=0.6).agb)
    assert agb == pytest.approx(0.0509 * 0.6 * 900 * 20, rel=1e-3)


@pytest.mark.parametrize(
    ("ft", "a", "b"),
    [
        ("dry", -0.667, 1.784),
        ("moist", -1.499, 2.148),
        ("wet", -1.239, 1.980),
        ("mangrove", -1.349, 1.980),
    ],
)
def test_chave2005_without_h(lib, ft, a, b) -> None:
    # Chave et al. 2005 without H: rho exp(a + b lnD + 0.207 (lnD)^2 - 0.0281 (lnD)^3);
    # moist intercept -1.499 (5 sources), not -1.449 (science.md 9 #1)
    ln_d = math.log(30.0)
    expected = 0.6 * math.exp(a + b * ln_d + 0.207 * ln_d**2 - 0.0281 * ln_d**3)
    r = lib.evaluate(f"chave2005_{ft}_noh", D=30.0, WD=0.6)
    assert float(r.agb) == pytest.approx(expected)
    if ft == "moist":
        assert lib.get("chave2005_moist_noh").components[0].coefficients["a"] == -1.499


def test_brown1997(lib) -> None:
    # Brown 1997 (FAO 134) [S REYMARK, TREEMODELS]: moist exp(-2.134 + 2.530 lnD),
    # dry exp(-1.996 + 2.32 lnD), wet 21.297 - 6.953 D + 0.740 D^2; hand-computed at D = 30
    d = 30.0
    assert float(lib.evaluate("brown1997_moist", D=d).agb) == pytest.approx(
        math.exp(-2.134 + 2.530 * math.log(d))
    )
    assert float(lib.evaluate("brown1997_dry", D=d).agb) == pytest.approx(
        math.exp(-1.996 + 2.32 * math.log(d))
    )
    assert float(lib.evaluate("brown1997_wet", D=d).agb) == pytest.approx(
        21.297 - 6.953 * d + 0.740 * d**2
    )


def test_brown1997_dry_range_flag(lib) -> None:
    # TREEMODELS label "DBH 5-40 cm" [S] -> out_of_range outside it
    r = lib.evaluate("brown1997_dry", D=[3.0, 20.0, 50.0])
    assert r.out_of_range.tolist() == [True, False, True]
    assert np.all(np.isfinite(r.agb))


def test_komiyama2005(lib) -> None:
    # Komiyama et al. 2005 [S, 3 codes + WIKI]: AGB = 0.251 rho D^2.46; BGB = 0.199 rho^0.899 D^2.22
    r = lib.evaluate("komiyama2005_mangrove", D=[20.0], WD=[0.8])
    assert r.agb[0] == pytest.approx(0.251 * 0.8 * 20.0**2.46)
    assert r.bgb[0] == pytest.approx(0.199 * 0.8**0.899 * 20.0**2.22)
    assert r.has_bgb


def test_palm_vectors(lib) -> None:
    # science.md 3.5 [C]: Goodman 2013 D 30 -> 402.9 kg; Frangi & Lugo 1985 Hs 10 -> 81.5 kg
    assert float(lib.evaluate("goodman2013_palm", D=30.0).agb) == pytest.approx(402.9, abs=0.05)
    assert float(lib.evaluate("frangi_lugo1985_palm", Hs=10.0).agb) == pytest.approx(81.5)


def test_missing_and_invalid_predictors(lib) -> None:
    r = lib.evaluate("tver_t1_general", D=[30.0, np.nan, -1.0, 30.0], H=[20.0, 20.0, 20.0, np.nan])
    assert r.missing_predictor.tolist() == [False, True, True, True]
    assert np.isfinite(r.agb[0]) and np.all(np.isnan(r.agb[1:]))
    r = lib.evaluate("chave2014_eq4", D=[30.0], WD=[0.6])  # H not given at all
    assert r.missing_predictor.all() and np.isnan(r.agb).all()


def test_unknown_id(lib) -> None:
    with pytest.raises(EquationError, match="Unknown equation id"):
        lib.evaluate("nope", D=1.0)


def test_user_equation() -> None:
    lib = EquationLibrary.load()
    eq = lib.add_user_equation(
        "my_eq", "0.1 * D^2.4 * WD", name="Local fit", citation="Survey 2025", d_max_cm=80
    )
    assert eq.user and eq.predictors == ("D", "WD")
    r = lib.evaluate("my_eq", D=[10.0, 100.0], WD=0.5)
    assert r.agb[0] == pytest.approx(0.1 * 10**2.4 * 0.5)
    assert r.out_of_range.tolist() == [False, True]
    # components may reference earlier ones
    lib.add_user_equation("two_part", "0.05*D^2.5", component="stem")
    lib.add_user_equation("two_part", "0.2*stem", component="branch")
    r = lib.evaluate("two_part", D=10.0)
    assert float(r.agb) == pytest.approx(1.2 * 0.05 * 10**2.5)
    with pytest.raises(EquationError, match="built-in"):
        lib.add_user_equation("chave2014_eq4", "D")
    with pytest.raises(ValueError, match="not allowed"):
        lib.add_user_equation("evil", "__import__('os')")


def test_user_pack_csv(tmp_path) -> None:
    path = tmp_path / "pack.csv"
    path.write_text(
        "equation_id,component,form,a,b,expression,status,citation\n"
        "local_teak,agb,power_D,0.2,2.3,,active,Local teak study\n"
        "local_expr,agb,expr,,,exp(-2 + 2.5*ln(D)),guarded,Draft\n",
        encoding="utf-8",
    )
    lib = EquationLibrary.load()
    added = lib.load_pack(str(path))
    assert added == ["local_teak", "local_expr"]
    assert float(lib.evaluate("local_teak", D=10.0).agb) == pytest.approx(0.2 * 10**2.3)
    r = lib.evaluate("local_expr", D=10.0)
    assert r.status == "guarded" and r.flags == ("EQ_GUARDED",)
    with pytest.raises(EquationError, match="already exists"):
        lib.load_pack(str(path))


def test_bad_pack_rejected(tmp_path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("equation_id,component,form,a,b\nx,agb,power_D,1,\n", encoding="utf-8")
    with pytest.raises(EquationError, match="coefficient"):
        EquationLibrary.load(str(path))


def test_library_file_is_complete() -> None:
    # every bundled row carries citation, source key, evidence tag and pack version
    with open(DEFAULT_PATH, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        assert row["form"] in FORMS or row["form"] == "expr"
        for col in ("citation", "source_key", "evidence", "pack_version", "name", "status"):
            assert row[col], (row["equation_id"], col)
    lib = EquationLibrary.load()
    assert lib.pack_version == "eqlib-2026.12.1"
    required = {
        "tver_t1_general",
        "tver_t1_mangrove",
        "tver_t1_palm",
        "tver_t1_liana",
        "tver_t2_dry_hill_evergreen",
        "tver_t2_moist_evergreen",
        "tver_t2_ddf_mdf",
        "tver_t2_pine_2needle",
        "tver_t2_pine_3needle",
        "tver_t2_rhizophora",
        "tver_t2_other_mangrove",
        "chave2014_eq4",
        "chave2014_eq7",
        "komiyama2005_mangrove",
        "goodman2013_palm",
        "frangi_lugo1985_palm",
        "brown1997_moist",
        "brown1997_dry",
        "brown1997_wet",
    }
    assert required <= set(lib.ids())
