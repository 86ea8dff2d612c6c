"""ไผ่ไร่ (Gigantochloa albociliata) uses the TGO Table 1 row "ไผ่ไร่ และ ไผ่ผาก", not a generic bamboo.

Source: TGO T-VER-S-TOOL-01-01 Appendix 2 Table 1, W_T = 0.2425 (D²)^1.0751 (Kutintara 1995),
science.md §1.1. The Thai-to-Latin identification is recorded as general knowledge in the pack.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from carbon_pool_plugin.core.biomass import compute_tree_biomass
from carbon_pool_plugin.core.equations import EquationLibrary
from carbon_pool_plugin.core.methods import MethodPack
from carbon_pool_plugin.core.wood_density import WoodDensityTable


@pytest.mark.parametrize("name", ["Gigantochloa albociliata", "ไผ่ไร่"])
def test_phai_rai_uses_its_tgo_row(name):
    trees = pd.DataFrame({"species": [name], "dbh_cm": [6.0], "height_m": [np.nan], "plot": ["P1"]})
    out = compute_tree_biomass(
        trees, MethodPack.load("tver"), EquationLibrary.load(), WoodDensityTable.load()
    )
    row = out.iloc[0]
    assert row["equation_id"] == "tver_t1_bamboo_rai_phak"
    assert "EQ_GENERIC_BAMBOO" not in (row["flags"] or "")
    assert "SPECIES_UNMATCHED" not in (row["flags"] or "")
    # hand calculation: 0.2425 × (6²)^1.0751
    assert row["agb_kg"] == pytest.approx(0.2425 * math.pow(36.0, 1.0751), rel=1e-12)


def test_misspelled_binomial_is_flagged_but_genus_sp_is_not():
    trees = pd.DataFrame(
        {
            "species": ["Samanea samann", "Ficus sp.", "Samanea saman"],
            "dbh_cm": [30.0, 30.0, 30.0],
            "height_m": [20.0, 20.0, 20.0],
        }
    )
    out = compute_tree_biomass(
        trees, MethodPack.load("tver"), EquationLibrary.load(), WoodDensityTable.load()
    )
    flags = out["flags"].fillna("").tolist()
    assert "SPECIES_GENUS_ONLY" in flags[0]
    assert "SPECIES_GENUS_ONLY" not in flags[1]
    assert "SPECIES_GENUS_ONLY" not in flags[2]
