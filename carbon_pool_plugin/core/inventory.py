"""From a user's tree table (any column names, typed numbers) to the standard columns of
:func:`carbon_pool_plugin.core.biomass.compute_tree_biomass`.

The adapter (Processing algorithm or dock) only says which column plays which role; everything about
reading people's numbers lives here, so it is tested without QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .tabular import to_numeric, to_text
from .units import dbh_to_cm, detect_implausible_dbh_unit, normalize_dbh_unit, quadratic_mean_stems

#: Roles understood by :func:`prepare_trees` (keys of ``mapping``).
ROLES = (
    "species",
    "dbh",
    "height",
    "wood_density",
    "life_form",
    "plot",
    "stems",
    "open_grown",
    "stem_height",
)

_TRUE = {"1", "true", "yes", "y", "t", "ใช่", "open", "open-grown", "4", "5"}


@dataclass
class PreparedTrees:
    """Standardised trees plus per-row flags found while reading the user's values."""

    frame: pd.DataFrame
    flags: Sequence = field(default_factory=list)
    warnings: list = field(default_factory=list)


class FlagMasks(Sequence):
    """Per-row flag sets kept as one boolean mask per code (row ``i`` -> ``set`` of codes).

    Behaves like the list of sets it replaces (``len``, indexing, iteration) while
    :func:`merge_flags` combines the masks with numpy instead of a loop over rows.
    """

    def __init__(self, n: int):
        self.n = n
        self.masks: Dict[str, np.ndarray] = {}

    def add(self, mask: np.ndarray, code: str) -> None:
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        self.masks[code] = self.masks[code] | mask if code in self.masks else mask.copy()

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return {code for code, mask in self.masks.items() if mask[i]}


def _flag_rows(flags: FlagMasks, mask: np.ndarray, code: str) -> None:
    flags.add(mask, code)


def prepare_trees(
    raw: pd.DataFrame, mapping: Mapping[str, Optional[str]], dbh_unit: str
) -> PreparedTrees:
    """Standardise ``raw`` using ``mapping`` (role -> column name or None).

    Output columns: species, dbh_cm, height_m, wd_user, life_form, plot, open_grown,
    stem_height_m. DBH cells that are empty get ``DBH_MISSING``; text, zero or negative values get
    ``DBH_INVALID`` (the row stays, with NaN DBH). Multi-stem trees: when the ``stems`` column holds
    several values (``"45;30"``, same unit as DBH) the DBH is √Σd² (one stem with the same basal area).
    """
    unit = normalize_dbh_unit(dbh_unit)
    n = len(raw)
    flags = FlagMasks(n)
    warnings: list = []
    col = {role: mapping.get(role) for role in ROLES}
    if not col["dbh"] and not col["stems"]:
        raise ValueError("A DBH (or girth) column is required.")
    out = pd.DataFrame(index=raw.index)

    if col["species"]:
        out["species"] = to_text(raw[col["species"]])
    else:
        out["species"] = np.full(n, None, dtype=object)

    dbh = np.full(n, np.nan)
    missing = np.ones(n, dtype=bool)
    invalid = np.zeros(n, dtype=bool)
    if col["dbh"]:
        values, missing, invalid = to_numeric(raw[col["dbh"]])
        dbh = dbh_to_cm(values, unit)
    if col["stems"]:
        stems_text = pd.Series(to_text(raw[col["stems"]]), index=raw.index, dtype=object)
        has_stems = stems_text.notna().to_numpy()
        if has_stems.any():
            qm = quadratic_mean_stems(stems_text[has_stems].str.replace(",", ";", regex=False))
            qm_cm = dbh_to_cm(qm.to_numpy(dtype=float), unit)
            ok = np.isfinite(qm_cm)
            idx = np.flatnonzero(has_stems)
            dbh[idx[ok]] = qm_cm[ok]
            missing[idx[ok]] = False
            invalid[idx[ok]] = False
            bad_stems = idx[~ok]
            invalid[bad_stems] = invalid[bad_stems] | missing[bad_stems]
            _flag_rows(flags, np.isin(np.arange(n), idx[ok]), "MULTI_STEM")
    nonpositive = np.isfinite(dbh) & (dbh <= 0)
    invalid = invalid | nonpositive
    dbh[invalid] = np.nan
    _flag_rows(flags, missing & ~invalid, "DBH_MISSING")
    _flag_rows(flags, invalid, "DBH_INVALID")
    out["dbh_cm"] = dbh

    def numeric(role: str, flag: Optional[str]) -> np.ndarray:
        if not col[role]:
            return np.full(n, np.nan)
        values, _missing, bad = to_numeric(raw[col[role]])
        if flag:
            _flag_rows(flags, bad, flag)
        return values

    out["height_m"] = numeric("height", "H_INVALID")
    warning = detect_implausible_dbh_unit(dbh, out["height_m"].to_numpy(), unit)
    if warning:
        warnings.append(warning)
    out["wd_user"] = numeric("wood_density", "WD_INVALID")
    out["stem_height_m"] = numeric("stem_height", "H_INVALID")
    out["life_form"] = to_text(raw[col["life_form"]]) if col["life_form"] else None
    out["plot"] = to_text(raw[col["plot"]]) if col["plot"] else None
    if col["open_grown"]:
        text = pd.Series(to_text(raw[col["open_grown"]]), dtype=object)
        out["open_grown"] = text.map(
            lambda v: v is not None and str(v).strip().lower() in _TRUE
        ).to_numpy()
    else:
        out["open_grown"] = False
    return PreparedTrees(frame=out, flags=flags, warnings=warnings)


def merge_flags(pre: Sequence, post: pd.Series) -> list:
    """Union of the reading flags and the biomass flags, as sorted ``;``-joined strings.

    ``pre`` is :attr:`PreparedTrees.flags` (or any list of code sets); ``post`` the ``;``-joined
    biomass flags. Vectorised: each row's codes become a bit mask, and each distinct mask is
    turned into its string once.
    """
    post_text = pd.Series(post).fillna("").astype(str).to_numpy(dtype=object)
    if not isinstance(pre, FlagMasks):
        masks = FlagMasks(len(pre))
        for code in sorted({c for codes in pre for c in codes}):
            masks.add(np.fromiter((code in codes for codes in pre), bool, len(pre)), code)
        pre = masks
    if len(pre) != len(post_text):
        raise ValueError(
            "merge_flags: {} reading flags for {} rows".format(len(pre), len(post_text))
        )
    post_codes, post_index = pd.factorize(post_text)
    post_sets = [{c for c in text.split(";") if c} for text in post_index]
    codes = sorted(set(pre.masks).union(*post_sets) if post_sets else set(pre.masks))
    if not codes:
        return [""] * len(post_text)
    if len(codes) > 63:  # pragma: no cover - far more codes than exist
        return [";".join(sorted(set(pre[i]) | post_sets[post_codes[i]])) for i in range(len(pre))]
    bit = {code: np.uint64(1) << np.uint64(k) for k, code in enumerate(codes)}
    bits = np.zeros(len(post_text), dtype=np.uint64)
    for code, mask in pre.masks.items():
        bits[mask] |= bit[code]
    post_bits = np.array(
        [sum(1 << codes.index(c) for c in sets) for sets in post_sets], dtype=np.uint64
    )
    bits |= post_bits[post_codes]
    return bits_to_strings(bits, codes)


def bits_to_strings(bits: np.ndarray, codes: List[str]) -> list:
    """Bit masks (bit ``k`` = ``codes[k]``, codes sorted) to ``;``-joined strings, once per mask."""
    uniques, inverse = np.unique(bits, return_inverse=True)
    texts = np.empty(len(uniques), dtype=object)
    for j, value in enumerate(uniques):
        value = int(value)
        texts[j] = ";".join(code for k, code in enumerate(codes) if value >> k & 1)
    return texts[inverse].tolist()
