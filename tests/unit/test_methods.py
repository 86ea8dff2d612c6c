"""Method packs: factors and their sources (science.md 1.3, 1.4, 4.1, 4.2, 4.3)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from carbon_pool_plugin.core.methods import MethodError, MethodPack
from carbon_pool_plugin.core.units import C_TO_CO2


def test_tver_factors() -> None:
    # science.md 1.3 [>=2 S NONARKARA, FARMFLOW]: R 0.27/0.48/0.41, CF 0.47/0.4715/0.413
    m = MethodPack.load("tver")
    assert (m.root_shoot("general"), m.root_shoot("rhizophora"), m.root_shoot("palm")) == (
        0.27,
        0.48,
        0.41,
    )
    assert m.carbon_fraction("general") == 0.47
    assert m.carbon_fraction("rhizophora") == 0.4715
    assert m.carbon_fraction("palm") == 0.413
    assert m.min_dbh_cm == 4.5  # T-VER-P-TOOL-01-02 tree definition [S WIKI]
    assert m.sapling_rule == "exclude"
    assert m.open_grown_factor is None
    assert m.cf_sd is None  # 0.0206 candidate recorded as [U], not used


def test_tver_worked_example() -> None:
    # science.md 1.3 [S NONARKARA]: 100 t AGB x 1.27 = 127 t x 0.47 = 59.69 tC x 44/12 = 218.86
    m = MethodPack.load("tver")
    total = 100.0 * (1 + m.root_shoot())
    carbon = total * m.carbon_fraction()
    assert total == pytest.approx(127.0)
    assert carbon == pytest.approx(59.69)
    assert carbon * C_TO_CO2 == pytest.approx(218.86, abs=0.005)


def test_tver_groups_and_equations() -> None:
    m = MethodPack.load("tver")
    groups = m.group_of(
        ["Rhizophora", "Cocos", "Samanea", None],
        ["Rhizophoraceae", "Arecaceae", "Fabaceae", None],
        ["mangrove", "palm", "tree", None],
    )
    assert groups.tolist() == ["rhizophora", "palm", "general", "general"]
    assert m.default_equation("tree") == "tver_t1_general"
    assert m.default_equation("palm") == "tver_t1_palm"
    assert m.default_equation("liana") == "tver_t1_liana"
    assert m.default_equation("mangrove") == "tver_t1_mangrove"
    assert m.default_equation("unknown") == "tver_t1_general"
    assert m.taxon_equations == {
        "Rhizophora": "tver_t2_rhizophora",
        "Gigantochloa albociliata": "tver_t1_bamboo_rai_phak",
    }


def test_itree_factors() -> None:
    # BHAM [P] CF 0.5; PYGUS [S] R 0.26 (Cairns 1997); ITREE-F1/F2 [P] open-grown 0.8;
    # ITREE-F3 [P] 7,500 kg C cap
    m = MethodPack.load("itree")
    assert m.carbon_fraction() == 0.5
    assert m.root_shoot() == 0.26
    assert m.open_grown_factor == 0.8
    assert m.carbon_cap_kg == 7500
    assert m.min_dbh_cm is None  # i-Tree minimum DBH is [U]


def test_ipcc_table_4_4() -> None:
    # IPCC 2019 Refinement Table 4.4 (Asia) [P]
    m = MethodPack.load("ipcc")
    assert m.carbon_fraction() == 0.47
    assert m.options["zone"] == "tropical_moist"
    assert m.root_shoot() == 0.323 and m.root_shoot_sd() == 0.073
    assert m.root_shoot(agb_class="gt125") == 0.246
    rf = MethodPack.load("ipcc", options={"zone": "tropical_rainforest"})
    assert rf.root_shoot() == 0.207 and rf.root_shoot(agb_class="gt125") == 0.212
    assert rf.root_shoot(agb_class="planted_le125") == 0.325
    dry = MethodPack.load("ipcc", options={"zone": "tropical_dry"})
    assert dry.root_shoot() == 0.44 and dry.root_shoot_sd() is None
    assert dry.root_shoot(agb_class="gt125") == 0.379
    r = m.root_shoot_for_stand([50.0, 125.0, 200.0, np.nan])
    assert r[:3].tolist() == [0.323, 0.323, 0.246] and np.isnan(r[3])
    with pytest.raises(MethodError, match="Unknown IPCC zone"):
        MethodPack.load("ipcc", options={"zone": "boreal"})


def test_custom_pack_requires_values() -> None:
    m = MethodPack.load("custom")
    with pytest.raises(MethodError, match="supply one"):
        m.carbon_fraction()
    c = MethodPack.custom(carbon_fraction=0.48, root_shoot=0.24)
    assert c.carbon_fraction() == 0.48 and c.root_shoot() == 0.24
    with pytest.raises(MethodError, match="outside"):
        MethodPack.custom(carbon_fraction=4.7, root_shoot=0.24)


def test_load_from_path(tmp_path) -> None:
    data = json.loads(open(MethodPack.load("tver").path, encoding="utf-8").read())
    data["id"] = "tver_local"
    data["root_shoot"]["general"]["value"] = 0.3
    p = tmp_path / "m.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    m = MethodPack.load(str(p))
    assert m.id == "tver_local" and m.root_shoot() == 0.3
    with pytest.raises(MethodError, match="not found"):
        MethodPack.load("no_such_pack")


def test_every_value_cited() -> None:
    for pid in ("tver", "itree", "ipcc"):
        m = MethodPack.load(pid)
        assert m.citations
        for entry in m.data["carbon_fraction"].values():
            assert entry.get("citation") and entry.get("evidence")
