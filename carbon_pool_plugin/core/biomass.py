"""Tree-level pipeline: trees DataFrame -> AGB, BGB, carbon, CO2e and quality flags.

Chain (science.md section 0): AGB [kg] = f(D, H, WD) from the equation library; BGB = AGB x R
(or the equation's own ``bgb`` component, e.g. Komiyama 2005); biomass = AGB + BGB;
C = biomass x CF; CO2e = C x 44/12. Factors come from the :class:`MethodPack`.

Rows are never dropped: a tree that cannot be computed keeps NaN carbon and flags saying why.
Evaluation is vectorized per equation id (one library call per group of trees).
"""

from __future__ import annotations

import inspect
import re
from typing import Any, Dict, List

import numpy as np
import pandas as pd

from . import height as hmod
from .equations import EquationDisabledError, EquationError, EquationLibrary
from .messages import Message
from .methods import MethodError, MethodPack
from .units import C_TO_CO2, KG_PER_T

#: Every flag code this module can emit, with a short description (for reports and UI).
FLAG_CODES: Dict[str, str] = {
    "DBH_MISSING": "DBH missing; equation needs it",
    "DBH_INVALID": "DBH not a positive finite value, or > 500 cm",
    "BELOW_MIN_DBH": "DBH below the method's minimum (sapling rule applied)",
    "OUT_OF_RANGE": "D or H outside the equation's stated validity range",
    "SPECIES_MISSING": "No species name",
    "SPECIES_UNMATCHED": "Species name not found in the wood-density table",
    "SPECIES_GENUS_ONLY": "Species name with an epithet matched only its genus (check the spelling)",
    "WD_GENUS": "Wood density from the genus mean",
    "WD_FAMILY": "Wood density from the family mean",
    "WD_STAND": "Wood density from the stand (plot) mean",
    "WD_DATASET": "Wood density from the dataset mean",
    "WD_USER_INVALID": "User wood density outside the plausible range; table value used",
    "WD_MISSING": "No wood density; equation needs it",
    "H_MODELLED": "Height predicted from a height-diameter model",
    "H_INVALID": "Measured height not a valid tree height (1.3-100 m); ignored",
    "H_MISSING": "No height; equation needs it",
    "H_LOCAL_FAILED": "Local H-D model could not be fitted; Feldpausch SE Asia used",
    "HS_MISSING": "No stem height; equation needs it",
    "E_MISSING": "No environmental stress index E; equation needs it",
    "EQ_UNKNOWN": "Equation id not in the library",
    "EQ_DISABLED": "Equation is disabled (not computed)",
    "EQ_UNVERIFIED": "Equation has an unverified coefficient [U]",
    "EQ_GUARDED": "Equation is guarded; see its status note",
    "EQ_GENERIC_BAMBOO": "No species-specific bamboo equation chosen; method default used",
    "LIFE_FORM_UNKNOWN": "Life form not recognised; treated as tree",
    "SHRUB": "Shrub computed with the tree equation (T-VER counts shrubs outside trees)",
    "OPEN_GROWN_ADJ": "Open-grown factor applied to biomass",
    "C_CAPPED": "Carbon capped at the method's per-tree maximum",
    "R_CLASS_ASSUMED": "IPCC root:shoot AGB class assumed from method options (no stand AGB)",
    "NEGATIVE_AGB": "Equation returned a negative or non-finite biomass",
}

HEIGHT_MODELS = ("local", "feldpausch", "chave_e6a", "none")

_LIFE_FORM_ALIASES: Dict[str, str] = {
    "tree": "tree",
    "trees": "tree",
    "t": "tree",
    "ต้นไม้": "tree",
    "ไม้ยืนต้น": "tree",
    "palm": "palm",
    "palms": "palm",
    "arecaceae": "palm",
    "ปาล์ม": "palm",
    "bamboo": "bamboo",
    "bamboos": "bamboo",
    "ไผ่": "bamboo",
    "liana": "liana",
    "lianas": "liana",
    "vine": "liana",
    "climber": "liana",
    "เถาวัลย์": "liana",
    "mangrove": "mangrove",
    "mangroves": "mangrove",
    "shrub": "shrub",
    "shrubs": "shrub",
    "ไม้พุ่ม": "shrub",
    "ป่าชายเลน": "mangrove",
    "ไม้ป่าชายเลน": "mangrove",
}

_MAX_DBH_CM = 500.0
_WD_RANGE = (0.05, 1.5)
_TRUE_STRINGS = {"true", "t", "yes", "y", "1", "1.0", "open", "open_grown", "open-grown"}


def _col(df: pd.DataFrame, name: str, default: Any = np.nan) -> pd.Series:
    if name in df.columns:
        return df[name]
    return pd.Series(default, index=df.index, dtype=object if default is None else float)


def _num(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float)


def _clean_str(series: pd.Series) -> pd.Series:
    """Strip strings; empty / NaN / None -> None."""
    s = series.astype(object).where(series.notna(), None)
    if len(s) > 1000 and pd.api.types.infer_dtype(s, skipna=True) in ("string", "empty"):
        # text only: clean each distinct value once (a million rows hold a few hundred names)
        codes, uniques = pd.factorize(s)
        cleaned = [None if v is None else (str(v).strip() or None) for v in uniques]
        table = np.array(cleaned + [None], dtype=object)
        return pd.Series(table[codes], index=s.index, dtype=object)
    s = s.map(lambda v: None if v is None else (str(v).strip() or None))
    return s


def _map_each(series: pd.Series, func: Any) -> pd.Series:
    """``series.map(func)`` with ``func`` called once per distinct value (missing -> ``func(None)``).

    Only for columns of text/None, where equal values are the same value.
    """
    series = pd.Series(series)
    if len(series) <= 1000 or pd.api.types.infer_dtype(series, skipna=True) not in (
        "string",
        "empty",
    ):
        return series.map(lambda v: func(None if v is None or v is np.nan else v))
    codes, uniques = pd.factorize(series)
    table = np.array([func(v) for v in uniques] + [func(None)], dtype=object)
    return pd.Series(table[codes], index=series.index, dtype=object)


def _truthy(series: pd.Series) -> np.ndarray:
    s = series.astype(object).where(series.notna(), "")
    as_str = s.astype(str).str.strip().str.lower()
    return as_str.isin(_TRUE_STRINGS).to_numpy()


def _join_flags(index: pd.Index, masks: Dict[str, np.ndarray]) -> pd.Series:
    codes = sorted(masks)
    if 0 < len(codes) <= 63:
        # one bit per code, each distinct combination joined once
        bits = np.zeros(len(index), dtype=np.uint64)
        for k, code in enumerate(codes):
            bits[np.asarray(masks[code], dtype=bool)] |= np.uint64(1 << k)
        uniques, inverse = np.unique(bits, return_inverse=True)
        texts = np.array(
            [";".join(c for k, c in enumerate(codes) if int(u) >> k & 1) for u in uniques],
            dtype=object,
        )
        return pd.Series(texts[inverse], index=index, dtype=object)
    out = pd.Series("", index=index, dtype=object)
    for code in sorted(masks):
        m = masks[code]
        if m.any():
            add = np.where(out.to_numpy() == "", code, ";" + code)
            out = out.where(~m, out + add)
    return out


def _fit_heights(
    need: np.ndarray,
    dbh: np.ndarray,
    h_meas: np.ndarray,
    h_valid: np.ndarray,
    fit_mask: np.ndarray,
    height_model: str,
    e_value: float | None,
    flags: Dict[str, np.ndarray],
) -> tuple:
    """Return (heights for ``need`` rows, source labels array)."""
    n = len(dbh)
    h_out = np.where(h_valid, h_meas, np.nan)
    source = np.where(h_valid, "measured", "none").astype(object)
    targets = need & ~h_valid & np.isfinite(dbh) & (dbh > 0)
    if height_model == "none" or not targets.any():
        return h_out, source
    d_t = dbh[targets]
    label = height_model
    if height_model == "local":
        try:
            model = hmod.fit_local_hd(dbh[fit_mask], h_meas[fit_mask])
            pred = np.asarray(model.predict(d_t), dtype=float)
            label = "local_" + str(getattr(model, "name", "model"))
        except hmod.HeightModelError:
            flags["H_LOCAL_FAILED"] = flags.get("H_LOCAL_FAILED", np.zeros(n, bool)) | targets
            pred = np.asarray(hmod.feldpausch(d_t, region="SEAsia"), dtype=float)
            label = "feldpausch"
    elif height_model == "feldpausch":
        pred = np.asarray(hmod.feldpausch(d_t, region="SEAsia"), dtype=float)
    elif height_model == "chave_e6a":
        if e_value is None:
            raise ValueError("height_model 'chave_e6a' needs e_value (environmental stress E)")
        pred = np.asarray(hmod.chave_e6a(d_t, e_value), dtype=float)
    else:  # pragma: no cover - validated by caller
        raise ValueError(f"Unknown height model {height_model!r}")
    ok = np.isfinite(pred) & (pred > 0)
    idx = np.flatnonzero(targets)
    h_out[idx[ok]] = pred[ok]
    source[idx[ok]] = label
    modelled = np.zeros(n, dtype=bool)
    modelled[idx[ok]] = True
    flags["H_MODELLED"] = modelled
    return h_out, source


def compute_tree_biomass(
    trees: pd.DataFrame,
    method: MethodPack,
    library: EquationLibrary,
    wd_table: Any,
    equation: str = "auto",
    height_model: str = "local",
    e_value: float | None = None,
) -> pd.DataFrame:
    """Compute AGB, BGB, biomass, carbon and CO2e (kg) per tree.

    ``trees`` columns (normalized by the adapter): ``species``, ``dbh_cm``, ``height_m`` and
    optionally ``wd_user``, ``life_form``, ``plot``, ``open_grown``, ``stem_height_m`` and a
    per-row ``equation_id`` that overrides ``equation``. ``equation="auto"`` picks by taxon
    (method ``taxon_equations``) then by life form (method ``default_equations``).
    ``height_model`` fills missing heights where the equation needs H: ``local`` (fit on this
    data, Feldpausch SE Asia if it cannot be fitted), ``feldpausch``, ``chave_e6a`` (needs
    ``e_value``) or ``none``. Returns a copy of ``trees`` with result columns appended.
    """
    if height_model not in HEIGHT_MODELS:
        raise ValueError(
            "height_model must be one of {}, not {!r}".format(
                ", ".join(HEIGHT_MODELS), height_model
            )
        )
    if equation != "auto":
        eq = library.get(equation)  # raises EquationError for an unknown id
        if eq.status == "disabled":
            raise EquationDisabledError(f"Equation {equation!r} is disabled: {eq.status_note}")
    # fail early on incomplete factor tables (e.g. an unfilled custom pack)
    method.carbon_fraction()
    method.root_shoot()

    df = trees.copy()
    idx = df.index
    n = len(df)
    flags: Dict[str, np.ndarray] = {}

    def flag(code: str, mask: np.ndarray) -> None:
        mask = np.asarray(mask, dtype=bool)
        flags[code] = flags[code] | mask if code in flags else mask.copy()

    species = _clean_str(_col(df, "species", None)).reset_index(drop=True)
    dbh = _num(_col(df, "dbh_cm"))
    h_in = _num(_col(df, "height_m"))
    hs = _num(_col(df, "stem_height_m"))
    wd_user = _num(_col(df, "wd_user"))
    plot = _col(df, "plot", None).reset_index(drop=True)

    # -- species and wood density ------------------------------------------------------------
    has_species = species.notna().to_numpy()
    flag("SPECIES_MISSING", ~has_species)
    names = species.tolist()
    table_user = False
    if wd_table is not None:
        stands = plot.tolist() if "plot" in df.columns else None
        table_user = "user_wd" in inspect.signature(wd_table.lookup).parameters
        if table_user:
            lk = wd_table.lookup(names, stands=stands, user_wd=wd_user)
        else:
            lk = wd_table.lookup(names, stands=stands)
        lk = lk.reset_index(drop=True)
        if len(lk) != n:
            raise ValueError(f"Wood-density lookup returned {len(lk)} rows for {n} trees")
        wd = pd.to_numeric(lk["wd"], errors="coerce").to_numpy(dtype=float)
        wd_sd = (
            pd.to_numeric(lk["wd_sd"], errors="coerce").to_numpy(dtype=float)
            if "wd_sd" in lk
            else np.full(n, np.nan)
        )
        wd_level = lk["wd_level"].astype(object).where(lk["wd_level"].notna(), "none").to_numpy()
        matched = lk["matched"].fillna(False).astype(bool).to_numpy()
        genus = _clean_str(lk["genus"]) if "genus" in lk else pd.Series([None] * n)
        family = _clean_str(lk["family"]) if "family" in lk else pd.Series([None] * n)
        accepted = _clean_str(lk["accepted_name"]) if "accepted_name" in lk else species
        lk_life = _clean_str(lk["life_form"]) if "life_form" in lk else pd.Series([None] * n)
    else:
        wd = np.full(n, np.nan)
        wd_sd = np.full(n, np.nan)
        wd_level = np.full(n, "none", dtype=object)
        matched = np.zeros(n, dtype=bool)
        genus = species.map(lambda s: s.split()[0] if s else None)
        family = pd.Series([None] * n)
        accepted = species
        lk_life = pd.Series([None] * n)
    genus = genus.reset_index(drop=True)
    accepted = accepted.reset_index(drop=True)
    flag("SPECIES_UNMATCHED", has_species & ~matched)
    # a name with an epithet ("Samanea samann") that matched only its genus: probably misspelled
    # ("Ficus sp." is a genus on purpose and is not flagged)
    has_epithet = _map_each(
        species.reset_index(drop=True),
        lambda s: bool(
            s
            and len(s.split()) >= 2
            and s.split()[1].lower().rstrip(".") not in ("sp", "spp", "cf", "aff", "x", "×")
        ),
    ).to_numpy(dtype=bool)
    flag("SPECIES_GENUS_ONLY", has_species & matched & accepted.isna().to_numpy() & has_epithet)

    user_given = np.isfinite(wd_user)
    if table_user:  # the table applied user values itself (and used them in stand/dataset means)
        flag("WD_USER_INVALID", user_given & (wd_level != "user"))
    else:
        user_ok = user_given & (wd_user >= _WD_RANGE[0]) & (wd_user <= _WD_RANGE[1])
        flag("WD_USER_INVALID", user_given & ~user_ok)
        wd = np.where(user_ok, wd_user, wd)
        wd_sd = np.where(user_ok, np.nan, wd_sd)
        wd_level = np.where(user_ok, "user", wd_level).astype(object)

    # -- life form --------------------------------------------------------------------------
    lf_in = _clean_str(_col(df, "life_form", None)).reset_index(drop=True)
    lf_raw = lf_in.where(lf_in.notna(), lk_life)
    lf_norm = _map_each(lf_raw, lambda v: None if v is None else _LIFE_FORM_ALIASES.get(v.lower()))
    flag("LIFE_FORM_UNKNOWN", (lf_raw.notna() & lf_norm.isna()).to_numpy())
    flag("SHRUB", (lf_norm == "shrub").to_numpy())
    life_form = lf_norm.where(lf_norm.notna(), "tree").to_numpy(dtype=object)

    # -- equation selection -----------------------------------------------------------------
    if equation == "auto":
        defaults = method.default_equations
        tree_default = method.default_equation("tree")
        eq_ids = _map_each(pd.Series(life_form), lambda lf: defaults.get(lf, tree_default))
        generic_bamboo = life_form == "bamboo"
        tax_map = {k.lower(): v for k, v in method.taxon_equations.items()}
        if tax_map:
            names_for_tax = accepted.where(accepted.notna(), species)
            binom = _map_each(
                names_for_tax, lambda s: " ".join(s.split()[:2]).lower() if s else None
            )
            gen_l = _map_each(genus, lambda s: s.lower() if s else None)
            by_genus = gen_l.map(tax_map)
            by_binom = binom.map(tax_map)
            tax_eq = by_binom.where(by_binom.notna(), by_genus)
            eq_ids = tax_eq.where(tax_eq.notna(), eq_ids)
            generic_bamboo &= tax_eq.isna().to_numpy()
    else:
        eq_ids = pd.Series([equation] * n, dtype=object)
        generic_bamboo = np.zeros(n, dtype=bool)
    if "equation_id" in df.columns:
        row_eq = _clean_str(df["equation_id"]).reset_index(drop=True)
        eq_ids = row_eq.where(row_eq.notna(), eq_ids)
        generic_bamboo &= row_eq.isna().to_numpy()
    eq_ids = eq_ids.astype(object).to_numpy()
    flag("EQ_GENERIC_BAMBOO", generic_bamboo)

    unique_ids = [u for u in pd.unique(eq_ids) if u is not None]
    usable: Dict[str, Any] = {}
    for eid in unique_ids:
        m = eq_ids == eid
        if eid not in library:
            flag("EQ_UNKNOWN", m)
            continue
        eq = library.get(eid)
        if eq.status == "disabled":
            flag("EQ_DISABLED", m)
            continue
        usable[eid] = eq

    needs = {p: np.zeros(n, dtype=bool) for p in ("D", "H", "WD", "E", "Hs")}
    for eid, eq in usable.items():
        m = eq_ids == eid
        for p in needs:
            if eq.uses(p):
                needs[p] |= m

    # -- DBH checks -------------------------------------------------------------------------
    with np.errstate(invalid="ignore"):
        dbh_nan = np.isnan(dbh)
        dbh_bad = ~dbh_nan & (~np.isfinite(dbh) | (dbh <= 0) | (dbh > _MAX_DBH_CM))
    flag("DBH_MISSING", needs["D"] & dbh_nan)
    flag("DBH_INVALID", needs["D"] & dbh_bad)
    dbh_ok = np.where(dbh_bad, np.nan, dbh)
    below = np.zeros(n, dtype=bool)
    min_dbh = method.min_dbh_cm
    if min_dbh is not None:
        applies = np.isin(life_form, method.min_dbh_applies_to)
        with np.errstate(invalid="ignore"):
            below = applies & (dbh_ok < min_dbh)
        flag("BELOW_MIN_DBH", below)

    # -- heights ----------------------------------------------------------------------------
    h_given = ~np.isnan(h_in)
    h_valid = h_given & np.asarray(hmod.valid_height_mask(h_in), dtype=bool)
    flag("H_INVALID", h_given & ~h_valid)
    fit_mask = h_valid & np.isfinite(dbh_ok) & np.isin(life_form, ["tree", "mangrove"])
    height, h_source = _fit_heights(
        needs["H"], dbh_ok, h_in, h_valid, fit_mask, height_model, e_value, flags
    )
    with np.errstate(invalid="ignore"):
        hs_ok = np.where(np.isfinite(hs) & (hs > 0), hs, np.nan)

    # -- evaluate per equation ----------------------------------------------------------------
    comp = {k: np.full(n, np.nan) for k in ("stem", "branch", "leaf", "agb", "bgb")}
    for eid, eq in usable.items():
        m = eq_ids == eid
        res = library.evaluate(
            eid,
            D=dbh_ok[m],
            H=height[m],
            WD=wd[m],
            E=None if e_value is None else float(e_value),
            Hs=hs_ok[m],
        )
        for k in comp:
            comp[k][m] = getattr(res, k)
        rows = np.flatnonzero(m)
        flag("OUT_OF_RANGE", _scatter(n, rows, res.out_of_range))
        miss = res.missing_predictor
        for p, code in (
            ("H", "H_MISSING"),
            ("WD", "WD_MISSING"),
            ("E", "E_MISSING"),
            ("Hs", "HS_MISSING"),
        ):
            if eq.uses(p):
                vals = {"H": height, "WD": wd, "Hs": hs_ok}.get(p)
                if p == "E":
                    lacking = np.full(rows.size, e_value is None or not np.isfinite(e_value))
                else:
                    lacking = ~(np.isfinite(vals[m]) & (vals[m] > 0))
                if eq.uses("D"):
                    lacking = lacking & np.isfinite(dbh_ok[m])  # D problems flagged already
                flag(code, _scatter(n, rows, miss & lacking))
        for code in eq.flags:
            flag(code, m)
        if eq.uses("WD"):
            for level, code in (
                ("genus", "WD_GENUS"),
                ("family", "WD_FAMILY"),
                ("stand", "WD_STAND"),
                ("dataset", "WD_DATASET"),
            ):
                flag(code, m & (wd_level == level))

    agb = comp["agb"]
    with np.errstate(invalid="ignore"):
        neg = np.isfinite(agb) & (agb < 0)
    flag("NEGATIVE_AGB", neg)
    agb = np.where(neg, np.nan, agb)
    bgb_eq = comp["bgb"]

    if method.sapling_rule == "exclude":
        agb = np.where(below, 0.0, agb)
        bgb_eq = np.where(below, 0.0, bgb_eq)

    # -- open-grown adjustment ----------------------------------------------------------------
    factor = method.open_grown_factor
    if factor is not None and "open_grown" in df.columns:
        og = _truthy(df["open_grown"].reset_index(drop=True)) & np.isfinite(agb)
        agb = np.where(og, agb * factor, agb)
        bgb_eq = np.where(og, bgb_eq * factor, bgb_eq)
        flag("OPEN_GROWN_ADJ", og)

    # -- groups, BGB, carbon --------------------------------------------------------------------
    groups = method.group_of(genus.tolist(), family.tolist(), list(life_form))
    # one factor lookup per distinct group, not per tree
    group_code, distinct = pd.factorize(pd.Series(groups, dtype=object), use_na_sentinel=False)
    distinct = list(distinct)
    cf = np.array([method.carbon_fraction(g) for g in distinct], dtype=float)[group_code]
    rs = np.array([method.root_shoot(g) for g in distinct], dtype=float)[group_code]
    if method.is_ipcc_table:
        flag("R_CLASS_ASSUMED", np.isfinite(agb) & (agb > 0))
    bgb = np.where(np.isfinite(bgb_eq), bgb_eq, agb * rs)
    biomass = agb + bgb
    carbon = biomass * cf
    cap = method.carbon_cap_kg
    if cap is not None:
        with np.errstate(invalid="ignore"):
            capped = carbon > cap
        carbon = np.where(capped, cap, carbon)
        flag("C_CAPPED", capped)
    co2e = carbon * C_TO_CO2

    out = df
    out["life_form"] = life_form
    out["accepted_name"] = accepted.to_numpy(dtype=object)
    out["param_group"] = groups
    out["stem_kg"] = comp["stem"]
    out["branch_kg"] = comp["branch"]
    out["leaf_kg"] = comp["leaf"]
    out["agb_kg"] = agb
    out["bgb_kg"] = bgb
    out["biomass_kg"] = biomass
    out["carbon_kg"] = carbon
    out["co2e_kg"] = co2e
    out["cf"] = cf
    out["root_shoot"] = np.where(np.isfinite(bgb_eq), np.nan, rs)
    out["wd"] = wd
    out["wd_sd"] = wd_sd
    out["wd_level"] = wd_level
    out["height_m"] = height
    out["height_source"] = h_source
    out["equation_id"] = eq_ids
    out["method"] = method.id
    out["method_version"] = method.version
    out["eq_pack_version"] = library.pack_version
    out["flags"] = _join_flags(idx, {k: v for k, v in flags.items() if v.any()}).to_numpy()
    out.attrs["method"] = method.id
    out.attrs["method_version"] = method.version
    out.attrs["eq_pack_version"] = library.pack_version
    out.attrs["height_model"] = height_model
    return out


def _scatter(n: int, rows: np.ndarray, values: np.ndarray) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[rows] = np.asarray(values, dtype=bool).ravel()
    return out


def summarize(result: pd.DataFrame) -> Dict[str, Any]:
    """Totals (t) and quality counts for a :func:`compute_tree_biomass` result."""
    flags = result["flags"].fillna("").astype(str)
    # a million rows hold a few hundred distinct flag strings: split and test each one once
    row_code, distinct = pd.factorize(flags)
    per_distinct = np.bincount(row_code, minlength=len(distinct))
    counter: Dict[str, int] = {}
    for text, count in zip(distinct.tolist(), per_distinct.tolist()):
        if text != "":
            for code in text.split(";"):
                counter[code] = counter.get(code, 0) + int(count)
    flag_counts = {str(k): counter[k] for k in sorted(counter)}
    pattern = re.compile(r"(?:^|;)SPECIES_UNMATCHED(?:;|$)")
    hit = np.array([bool(pattern.search(t)) for t in distinct.tolist()] + [False], dtype=bool)
    unmatched_mask = pd.Series(hit[row_code], index=result.index)
    unmatched = result.loc[unmatched_mask, "species"] if "species" in result else pd.Series([])
    unmatched_counts = {
        str(k): int(v) for k, v in unmatched.astype(str).str.strip().value_counts().items()
    }

    def total_t(col: str) -> float:
        return float(np.nansum(result[col].to_numpy(dtype=float)) / KG_PER_T)

    return {
        "n_trees": int(len(result)),
        "n_computed": int(np.isfinite(result["carbon_kg"].to_numpy(dtype=float)).sum()),
        "n_flagged": int((flags != "").sum()),
        "agb_t": total_t("agb_kg"),
        "bgb_t": total_t("bgb_kg"),
        "biomass_t": total_t("biomass_kg"),
        "carbon_t": total_t("carbon_kg"),
        "co2e_t": total_t("co2e_kg"),
        "flag_counts": flag_counts,
        "unmatched_species": unmatched_counts,
        "method": result.attrs.get("method"),
        "method_version": result.attrs.get("method_version"),
        "eq_pack_version": result.attrs.get("eq_pack_version"),
    }


#: share of the trees below the method's minimum DBH above which the unit is questioned (plugin
#: choice: a field sheet measures trees from the minimum DBH up, so a large share points to a
#: DBH read in the wrong unit, e.g. girths or centimetres read as millimetres)
BELOW_MIN_SHARE_WARN = 0.10


def quality_warnings(summary: Dict[str, Any], min_dbh_cm: float | None) -> List[str]:
    """Warnings about the inventory as a whole, from a :func:`summarize` result."""
    warnings: List[str] = []
    n = summary.get("n_trees") or 0
    below = summary.get("flag_counts", {}).get("BELOW_MIN_DBH", 0)
    if n and min_dbh_cm is not None and below / n > BELOW_MIN_SHARE_WARN:
        warnings.append(
            Message(
                "{below} of {n} trees ({pct:.0f} %) are below the method's minimum DBH of "
                "{min_dbh:g} cm: if the field sheet only has measured trees, check the DBH unit "
                "(girth or millimetres?).",
                below=below,
                n=n,
                pct=100.0 * below / n,
                min_dbh=min_dbh_cm,
            )
        )
    return warnings


__all__: List[str] = [
    "FLAG_CODES",
    "HEIGHT_MODELS",
    "compute_tree_biomass",
    "quality_warnings",
    "summarize",
    "EquationError",
    "MethodError",
]
