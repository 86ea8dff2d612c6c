"""The per-distinct-value fast paths (used above 1000 rows) give what the per-row paths give."""

from __future__ import annotations

import numpy as np
import pandas as pd

from carbon_pool_plugin.core import biomass, tabular
from carbon_pool_plugin.core.inventory import FlagMasks, bits_to_strings, merge_flags
from carbon_pool_plugin.core.methods import MethodPack

TEXT = [" Hopea odorata ", "", None, "Samanea saman", "  ", "ตะเคียนทอง", "12,5", "45 cm", "x", "7"]
N = 4000  # > 1000: fast paths; chunks of 800 below: per-row paths


def _big(values):
    rng = np.random.default_rng(1)
    return pd.Series([values[i] for i in rng.integers(0, len(values), N)], dtype=object)


def _chunked(func, series):
    parts = [func(series.iloc[i : i + 800].reset_index(drop=True)) for i in range(0, N, 800)]
    return parts


def test_to_text_and_to_numeric_match_row_paths():
    s = _big(TEXT)
    fast = tabular.to_text(s)
    slow = np.concatenate(_chunked(tabular.to_text, s))
    assert fast.tolist() == slow.tolist()
    num_f, miss_f, bad_f = tabular.to_numeric(s)
    parts = _chunked(tabular.to_numeric, s)
    np.testing.assert_array_equal(num_f, np.concatenate([p[0] for p in parts]))
    np.testing.assert_array_equal(miss_f, np.concatenate([p[1] for p in parts]))
    np.testing.assert_array_equal(bad_f, np.concatenate([p[2] for p in parts]))
    floats = pd.Series(np.where(np.arange(N) % 7 == 0, np.nan, np.arange(N) * 0.5))
    f2, m2, b2 = tabular.to_numeric(floats)
    assert m2.sum() == np.isnan(floats).sum() and not b2.any()


def test_clean_str_and_map_each_match_row_paths():
    s = _big(TEXT)
    fast = biomass._clean_str(s)
    slow = pd.concat(_chunked(biomass._clean_str, s), ignore_index=True)
    assert fast.tolist() == slow.tolist()
    cleaned = fast
    func = lambda v: None if v is None else v.lower()  # noqa: E731
    assert biomass._map_each(cleaned, func).tolist() == [
        None if v is None else v.lower() for v in cleaned
    ]


def test_group_of_matches_row_path():
    method = MethodPack.load("tver")
    genus = _big(["Rhizophora", "Cocos", None, "Hopea", " rhizophora "]).tolist()
    family = _big(["Arecaceae", None, "Dipterocarpaceae"]).tolist()
    life = _big(["tree", "palm", "mangrove", None]).tolist()
    fast = method.group_of(genus, family, life)
    slow = np.concatenate(
        [
            method.group_of(genus[i : i + 800], family[i : i + 800], life[i : i + 800])
            for i in range(0, N, 800)
        ]
    )
    assert fast.tolist() == slow.tolist()


def test_join_and_merge_flags_bit_masks():
    rng = np.random.default_rng(2)
    masks = {c: rng.random(N) < 0.2 for c in ("WD_GENUS", "H_MODELLED", "DBH_MISSING")}
    joined = biomass._join_flags(pd.RangeIndex(N), masks).tolist()
    expected = [";".join(c for c in sorted(masks) if masks[c][i]) for i in range(N)]
    assert joined == expected
    pre = FlagMasks(N)
    pre.add(masks["DBH_MISSING"], "DBH_INVALID")
    pre.add(rng.random(N) < 0.1, "MULTI_STEM")
    as_sets = [set(pre[i]) for i in range(N)]
    merged = merge_flags(pre, pd.Series(joined))
    assert merged == merge_flags(as_sets, pd.Series(joined))  # list-of-sets input still works
    assert merged == [
        ";".join(sorted(as_sets[i] | {c for c in joined[i].split(";") if c})) for i in range(N)
    ]
    assert bits_to_strings(np.array([0, 5], dtype=np.uint64), ["A", "B", "C"]) == ["", "A;C"]
