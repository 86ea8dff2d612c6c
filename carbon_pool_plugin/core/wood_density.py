"""Wood density (g cm-3 = t m-3) by species name, with a BIOMASS-style cascade.

Data: ``data/species/species_th.csv`` (species, synonyms, Thai names), ``genus_wd.csv`` and
``family_wd.csv`` (see ``data/species/README.md`` for sources). Two databases are selectable:

* ``gwdd_v2`` (default): GWDD v2 estimates as packaged in BIOMASS 3.0 ``wsg_estimates``
  (Fischer et al. 2026), mean and sd per taxon;
* ``gwdd_v1``: GWDD v1 (Chave et al. 2009; Zanne et al. 2009) "World" means as packaged in
  BIOMASS <= 2.2 ``wdData``; sd from the per-level ``sd_10`` defaults.

Cascade per tree (as ``BIOMASS::getWoodDensity``, re-implemented, not copied):

1. ``user``    valid user value (0.05 < wd <= 1.5 g cm-3);
2. ``species`` species value of the table (level as tabled, e.g. a genus-level v2 estimate);
3. ``genus``   genus mean;
4. ``family``  family mean;
5. ``stand``   mean / sd of the wood density already assigned (levels 1-4) to the same stand;
6. ``dataset`` mean / sd of all wood densities assigned (levels 1-4) in the input; if nothing was
   assigned at all, a bundled constant is used and ``wd_flag`` says so.

Species absent from ``species_th.csv`` fall to genus level even if GWDD has a species value:
extend the table or pass user values.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, List, Sequence, Tuple

import numpy as np
import pandas as pd

DATA_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "species"
)
SPECIES_FILE = "species_th.csv"
GENUS_FILE = "genus_wd.csv"
FAMILY_FILE = "family_wd.csv"

DATABASES: Dict[str, str] = {
    "gwdd_v2": "GWDD v2 (Fischer et al. 2026) via BIOMASS 3.0 wsg_estimates",
    "gwdd_v1": "GWDD v1 (Chave et al. 2009; Zanne et al. 2009) via BIOMASS <=2.2 wdData, World",
}
DEFAULT_DATABASE = "gwdd_v2"

#: sd_10 of BIOMASS (mean within-taxon SD over taxa with >= 10 records), g cm-3 [P].
LEVEL_SD: Dict[str, float] = {"species": 0.0708, "genus": 0.0941, "family": 0.1234}

#: Last-resort constants, used only when no tree of the input received a value [C].
#: v1: SE-Asia mean of species means; v2: mean of species estimates (science.md §5.1).
DATASET_FALLBACK_WD: Dict[str, float] = {"gwdd_v1": 0.573, "gwdd_v2": 0.598}
#: sd for that constant: GWDD v1 sd over all records (0.176) used as a proxy for both databases.
DATASET_FALLBACK_SD = 0.176
FLAG_DATASET_CONSTANT = "dataset_constant"
FLAG_USER_INVALID = "user_wd_invalid"

#: Accepted user wood densities (g cm-3), exclusive lower / inclusive upper bound.
USER_WD_RANGE: Tuple[float, float] = (0.05, 1.5)

LEVELS: Tuple[str, ...] = ("user", "species", "genus", "family", "stand", "dataset")
_ASSIGNED_LEVELS = ("user", "species", "genus", "family")

OUTPUT_COLUMNS: Tuple[str, ...] = (
    "input_name",
    "accepted_name",
    "genus",
    "family",
    "life_form",
    "wd",
    "wd_sd",
    "wd_level",
    "matched",
    "match_type",
    "wd_flag",
)

#: Old (conserved alternative) family names -> APG names.
FAMILY_ALIASES: Dict[str, str] = {
    "leguminosae": "fabaceae",
    "palmae": "arecaceae",
    "gramineae": "poaceae",
    "labiatae": "lamiaceae",
    "guttiferae": "clusiaceae",
    "compositae": "asteraceae",
    "cruciferae": "brassicaceae",
    "umbelliferae": "apiaceae",
}

# --------------------------------------------------------------------------------------------
# Name normalisation
# --------------------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_THAI_RE = re.compile("[\u0e00-\u0e7f]")
_LATIN_RE = re.compile("[A-Za-z]")
_PAREN_RE = re.compile(r"[\(\[][^\)\]]*[\)\]]")
_SPACE_RE = re.compile(r"\s+")
_EPITHET_RE = re.compile(r"^[a-z][a-z\-]+$")
_SP_RE = re.compile(r"^(sp|spp|ssp|species|indet|unknown|unk|nd)\.?\d*$")
_SPN_RE = re.compile(r"^sp\.?\d+$")
_NON_GENERA = frozenset(
    ("indet", "unknown", "unidentified", "unk", "sp", "spp", "na", "nan", "none")
)
_THAI_PREFIX = "\u0e15\u0e49\u0e19"  # "ต้น" (tree)
_THAI_WOOD_PREFIX = "\u0e44\u0e21\u0e49"  # "ไม้" (wood, tree); stripped only if nothing matched

# Thai combining marks: rank 0 = above/below vowels, 1 = tone marks, 2 = thanthakhat/nikhahit/
# yamakkan. Canonical typing order is consonant + vowel mark + tone mark + other sign.
_THAI_MARK_RANK: Dict[str, int] = {}
for _c in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47":
    _THAI_MARK_RANK[_c] = 0
for _c in "\u0e48\u0e49\u0e4a\u0e4b":
    _THAI_MARK_RANK[_c] = 1
for _c in "\u0e4c\u0e4d\u0e4e":
    _THAI_MARK_RANK[_c] = 2
_NIKHAHIT_SARA_AA = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")  # ํ (+tone) + า -> (tone +) ำ


def _is_thai(s: str) -> bool:
    return _THAI_RE.search(s) is not None


def _reorder_thai_marks(s: str) -> str:
    out: List[str] = []
    run: List[str] = []
    for ch in s:
        if ch in _THAI_MARK_RANK:
            run.append(ch)
            continue
        if run:
            out.extend(_sorted_marks(run))
            run = []
        out.append(ch)
    if run:
        out.extend(_sorted_marks(run))
    return "".join(out)


def _sorted_marks(run: List[str]) -> List[str]:
    marks = sorted(run, key=lambda c: _THAI_MARK_RANK[c])  # stable
    dedup: List[str] = []
    for m in marks:
        if not dedup or dedup[-1] != m:
            dedup.append(m)
    return dedup


def _normalize_thai(s: str) -> str:
    s = unicodedata.normalize("NFC", s).translate(_ZERO_WIDTH)
    s = _PAREN_RE.sub(" ", s)
    s = _SPACE_RE.sub("", s)
    s = s.replace("\u0e40\u0e40", "\u0e41")  # เเ (two sara e) -> แ
    s = _reorder_thai_marks(s)
    s = _NIKHAHIT_SARA_AA.sub("\\1\u0e33", s)
    if s.startswith(_THAI_PREFIX) and len(s) - len(_THAI_PREFIX) >= 2:
        s = s[len(_THAI_PREFIX) :]
    return s


def _normalize_scientific(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_ZERO_WIDTH)
    s = s.replace("_", " ").replace("\u00d7", " ")
    s = _PAREN_RE.sub(" ", s)
    s = _SPACE_RE.sub(" ", s).strip()
    if not s:
        return ""
    tokens = [t.strip(",;") for t in s.split(" ")]
    tokens = [t.lower() for t in tokens if t]
    if not tokens:
        return ""
    genus = tokens[0].rstrip(".")
    if genus in _NON_GENERA:
        return ""
    if not _EPITHET_RE.match(genus):
        return " ".join(tokens)
    i = 1
    epithet = ""
    while i < len(tokens):
        tok = tokens[i]
        if tok == "x" and i == 1:  # hybrid sign typed as a letter: "Citrus x limon"
            i += 1
            continue
        if tok in ("cf.", "cf"):  # "compare with": keep the tentative epithet
            i += 1
            continue
        if tok in ("aff.", "aff") or _SP_RE.match(tok) or _SPN_RE.match(tok):
            break  # genus-level identification
        if _EPITHET_RE.match(tok) and tok not in ("ex", "et"):
            epithet = tok
        break  # anything else (author, "L.", "var.") ends the binomial
    return genus + " " + epithet if epithet else genus


def normalize_name(s: str | None) -> str:
    """Normalise a scientific or Thai plant name to a matching key.

    Scientific names become lower-case ``"genus epithet"`` (or ``"genus"``): authors (``L.``,
    ``(Benth.) Merr.``), infraspecific parts, hybrid signs (``×``/``x``), underscores and extra
    spaces are dropped; ``sp.``/``spp.``/``sp. 2``/``aff.`` give the genus only; ``cf.`` is dropped
    and the epithet kept. Thai names: NFC, zero-width characters removed, spaces removed, Thai
    combining marks put in canonical order (vowel, tone, other), ``ํา`` -> ``ำ``, ``เเ`` -> ``แ``
    and a leading ``ต้น`` ("tree") removed. Returns ``""`` for empty or missing input.
    """
    if s is None:
        return ""
    if isinstance(s, float) and np.isnan(s):
        return ""
    s = str(s)
    if _is_thai(s):
        return _normalize_thai(s)
    return _normalize_scientific(s)


# --------------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------------


def _float(x: Any) -> float:
    if x is None:
        return float("nan")
    x = str(x).strip()
    if not x:
        return float("nan")
    return float(x)


def _split(x: str | None) -> List[str]:
    if not x:
        return []
    return [p.strip() for p in str(x).split(";") if p.strip()]


def _to_float_array(values: Any) -> np.ndarray:
    """Numbers per tree; anything not numeric (None, "", text) becomes NaN."""
    if isinstance(values, (np.ndarray, pd.Series)) and np.asarray(values).dtype.kind in "fiub":
        return np.asarray(values, dtype=float).ravel()
    return pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").to_numpy(
        dtype=float
    )


def _read_csv(path: str) -> List[Dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh)]


@dataclass(frozen=True)
class _Taxon:
    """Resolved information for one unique input name."""

    accepted_name: str | None
    genus: str | None
    family: str | None
    life_form: str | None
    wd: float
    wd_sd: float
    wd_level: str | None
    match_type: str  # accepted|synonym|thai_name|genus|family|none|missing


_MISSING = _Taxon(None, None, None, None, np.nan, np.nan, None, "missing")


class WoodDensityTable:
    """Species / genus / family wood density table for one database (``gwdd_v2`` or ``gwdd_v1``)."""

    def __init__(
        self,
        database: str,
        species: List[Dict[str, str]],
        genera: List[Dict[str, str]],
        families: List[Dict[str, str]],
        checksum: str = "",
    ) -> None:
        if database not in DATABASES:
            raise ValueError(
                "unknown wood density database {!r}; choose one of {}".format(
                    database, ", ".join(sorted(DATABASES))
                )
            )
        self._database = database
        self._checksum = checksum
        col = "wd_v2" if database == "gwdd_v2" else "wd_v1"
        self._species = species
        # key -> (row index, match type); first entry wins; collisions between rows are recorded
        self._index: Dict[str, Tuple[int, str]] = {}
        self.ambiguous_keys: Dict[str, List[str]] = {}
        self._sp_wd: List[Tuple[float, float, str | None]] = []
        for i, row in enumerate(species):
            wd = _float(row.get(col))
            level = (row.get(col + "_level") or "").strip() or ("species" if wd == wd else None)
            sd = _float(row.get("wd_v2_sd")) if database == "gwdd_v2" else float("nan")
            if wd == wd and sd != sd:
                sd = LEVEL_SD.get(level or "species", LEVEL_SD["species"])
            self._sp_wd.append((wd, sd, level if wd == wd else None))
            self._add_key(row["accepted_name"], i, "accepted")
            for syn in _split(row.get("synonyms")):
                self._add_key(syn, i, "synonym")
            for th in _split(row.get("thai_names")):
                self._add_key(th, i, "thai_name")

        # genus -> (family, life_form, wd, sd)
        self._genus: Dict[str, Tuple[str | None, str | None, float, float]] = {}
        self._genus_name: Dict[str, str] = {}
        g_life: Dict[str, set] = {}
        g_family: Dict[str, str] = {}
        for row in species:
            g = row["genus"].strip()
            g_life.setdefault(g.lower(), set()).add((row.get("life_form") or "").strip() or None)
            g_family.setdefault(g.lower(), row["family"].strip())
            self._genus_name.setdefault(g.lower(), g)
        for row in genera:
            g = row["genus"].strip()
            wd = _float(row.get(col))
            sd = _float(row.get("wd_v2_sd")) if database == "gwdd_v2" else float("nan")
            if wd == wd and sd != sd:
                sd = LEVEL_SD["genus"]
            lf = (row.get("life_form") or "").strip() or None
            self._genus[g.lower()] = (row["family"].strip() or None, lf, wd, sd)
            self._genus_name[g.lower()] = g
        for g, fam in g_family.items():
            if g not in self._genus:
                lfs = g_life.get(g, set())
                lf = next(iter(lfs)) if len(lfs) == 1 else None
                self._genus[g] = (fam, lf, float("nan"), float("nan"))
            elif self._genus[g][1] is None:
                lfs = g_life.get(g, set())
                if len(lfs) == 1:
                    fam0, _, wd0, sd0 = self._genus[g]
                    self._genus[g] = (fam0, next(iter(lfs)), wd0, sd0)

        # family -> (life_form, wd, sd)
        self._family: Dict[str, Tuple[str | None, float, float]] = {}
        self._family_name: Dict[str, str] = {}
        for row in families:
            f = row["family"].strip()
            fcol = "wd_v2" if database == "gwdd_v2" else "wd_v1"
            wd = _float(row.get(fcol))
            sd = _float(row.get("wd_v2_sd")) if database == "gwdd_v2" else float("nan")
            if wd == wd and sd != sd:
                sd = LEVEL_SD["family"]
            self._family[f.lower()] = ((row.get("life_form") or "").strip() or None, wd, sd)
            self._family_name[f.lower()] = f
        for fam, _lf, _wd, _sd in list(self._genus.values()):
            if fam and fam.lower() not in self._family:
                self._family[fam.lower()] = (None, float("nan"), float("nan"))
                self._family_name[fam.lower()] = fam

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def load(cls, database: str = DEFAULT_DATABASE, path: str | None = None) -> WoodDensityTable:
        """Load the bundled tables (or those in ``path``: a directory, or the species CSV whose
        directory also holds ``genus_wd.csv`` / ``family_wd.csv``)."""
        database = (database or DEFAULT_DATABASE).strip().lower()
        if path is None:
            folder, species_path = DATA_DIR, os.path.join(DATA_DIR, SPECIES_FILE)
        elif os.path.isdir(path):
            folder, species_path = path, os.path.join(path, SPECIES_FILE)
        else:
            folder, species_path = os.path.dirname(os.path.abspath(path)), path
        digest = hashlib.sha256()
        tables = []
        for p in (
            species_path,
            os.path.join(folder, GENUS_FILE),
            os.path.join(folder, FAMILY_FILE),
        ):
            if os.path.exists(p):
                with open(p, "rb") as fh:
                    digest.update(fh.read())
                tables.append(_read_csv(p))
            elif p == species_path:
                raise FileNotFoundError(p)
            else:
                tables.append([])
        return cls(database, tables[0], tables[1], tables[2], digest.hexdigest()[:12])

    def _add_key(self, name: str, row: int, kind: str) -> None:
        key = normalize_name(name)
        if not key:
            return
        prev = self._index.get(key)
        if prev is None:
            self._index[key] = (row, kind)
        elif prev[0] != row:
            names = self.ambiguous_keys.setdefault(key, [self._species[prev[0]]["accepted_name"]])
            names.append(self._species[row]["accepted_name"])

    # -- properties ----------------------------------------------------------------------------

    @property
    def database(self) -> str:
        return self._database

    @property
    def version(self) -> str:
        """Database label plus a checksum of the bundled tables (record it in project metadata)."""
        return f"{DATABASES[self._database]}; species tables sha256:{self._checksum}"

    @property
    def source(self) -> str:
        return DATABASES[self._database]

    def __len__(self) -> int:
        return len(self._species)

    # -- resolution ------------------------------------------------------------------------------

    def _genus_taxon(self, gkey: str, match_type: str) -> _Taxon:
        fam, lf, wd, sd = self._genus[gkey]
        taxon = _Taxon(None, self._genus_name[gkey], fam, lf, np.nan, np.nan, None, match_type)
        if wd == wd:
            return _Taxon(None, taxon.genus, fam, lf, wd, sd, "genus", match_type)
        return self._with_family(taxon)

    def _with_family(self, t: _Taxon) -> _Taxon:
        if t.family and t.family.lower() in self._family:
            flf, wd, sd = self._family[t.family.lower()]
            lf = t.life_form or flf
            if wd == wd:
                return _Taxon(
                    t.accepted_name, t.genus, t.family, lf, wd, sd, "family", t.match_type
                )
            return _Taxon(
                t.accepted_name, t.genus, t.family, lf, np.nan, np.nan, None, t.match_type
            )
        return t

    def _species_taxon(self, row: int, match_type: str) -> _Taxon:
        r = self._species[row]
        wd, sd, level = self._sp_wd[row]
        genus = r["genus"].strip()
        family = r["family"].strip() or None
        lf = (r.get("life_form") or "").strip() or None
        if wd == wd:
            return _Taxon(r["accepted_name"], genus, family, lf, wd, sd, level, match_type)
        gfam, _glf, gwd, gsd = self._genus.get(genus.lower(), (family, None, np.nan, np.nan))
        if gwd == gwd:
            return _Taxon(r["accepted_name"], genus, family, lf, gwd, gsd, "genus", match_type)
        t = _Taxon(r["accepted_name"], genus, family or gfam, lf, np.nan, np.nan, None, match_type)
        return self._with_family(t)

    def _resolve_key(self, key: str) -> _Taxon | None:
        if not key:
            return None
        hit = self._index.get(key)
        if hit is not None:
            return self._species_taxon(hit[0], hit[1])
        if _is_thai(key):
            return None
        gkey = key.split(" ")[0]
        if gkey in self._genus:
            return self._genus_taxon(gkey, "genus")
        if " " not in key:
            fkey = FAMILY_ALIASES.get(key, key)
            if fkey.endswith("aceae") and fkey in self._family:
                t = _Taxon(
                    None, None, self._family_name[fkey], None, np.nan, np.nan, None, "family"
                )
                return self._with_family(t)
        return None

    def _resolve(self, name: Any) -> _Taxon:
        if name is None or (isinstance(name, float) and np.isnan(name)):
            return _MISSING
        raw = str(name).translate(_ZERO_WIDTH).strip()
        if not raw:
            return _MISSING
        candidates = [normalize_name(raw)]
        if _is_thai(raw):
            # "จามจุรี (Samanea saman)", "จามจุรี (ก้ามปู)", "ราชพฤกษ์/คูน", "ไม้มะค่าโมง"
            latin = "".join(" " if _THAI_RE.match(ch) or ch in "()[]" else ch for ch in raw)
            if _LATIN_RE.search(latin):
                candidates.insert(0, normalize_name(latin))
            for part in re.split(r"[/,;()\[\]]", raw):
                if part.strip() and _is_thai(part):
                    candidates.append(normalize_name(part))
            for key in list(candidates):
                if key.startswith(_THAI_WOOD_PREFIX) and len(key) > len(_THAI_WOOD_PREFIX) + 1:
                    candidates.append(key[len(_THAI_WOOD_PREFIX) :])
        coarse = None
        for key in candidates:
            t = self._resolve_key(key)
            if t is None:
                continue
            if t.match_type in ("accepted", "synonym", "thai_name"):
                return t
            coarse = coarse or t
        if coarse is not None:
            return coarse
        genus = None
        key = candidates[-1] if not _is_thai(raw) else ""
        if key and _EPITHET_RE.match(key.split(" ")[0]):
            genus = key.split(" ")[0].capitalize()
        return _Taxon(None, genus, None, None, np.nan, np.nan, None, "none")

    def resolve_name(self, name: str | None) -> Dict[str, Any]:
        """Resolve one name; returns the taxon fields as a dict (convenience for UIs)."""
        t = self._resolve(name)
        return {
            "accepted_name": t.accepted_name,
            "genus": t.genus,
            "family": t.family,
            "life_form": t.life_form,
            "wd": t.wd,
            "wd_sd": t.wd_sd,
            "wd_level": t.wd_level,
            "match_type": t.match_type,
        }

    def _resolve_many(self, names: Sequence[Any]) -> Tuple[np.ndarray, List[_Taxon]]:
        """Factorise ``names`` and resolve each unique value once.

        Returns ``codes`` (one per input; ``len(taxa) - 1`` for missing) and ``taxa``.
        """
        values = pd.Series(names, dtype=object) if not isinstance(names, pd.Series) else names
        values = values.reset_index(drop=True).astype(object)
        codes, uniques = pd.factorize(values)
        taxa = [self._resolve(u) for u in uniques]
        taxa.append(_MISSING)
        codes = np.asarray(codes, dtype=np.int64).copy()
        codes[codes < 0] = len(taxa) - 1
        return codes, taxa

    # -- public API ------------------------------------------------------------------------------

    def lookup(
        self,
        names: Sequence[str | None],
        stands: Sequence[Any] | None = None,
        user_wd: Sequence[Any] | None = None,
        user_sd: Sequence[Any] | None = None,
    ) -> pd.DataFrame:
        """Assign wood density to each tree (row) by the cascade described in the module docstring.

        ``names`` may be scientific or Thai; ``stands`` (optional, any hashable per tree) enables
        the stand-mean level; ``user_wd`` (optional, g cm-3, NaN/None = not given) overrides the
        table where valid; ``user_sd`` gives its sd (default: species-level sd 0.0708).

        Returns one row per input, columns :data:`OUTPUT_COLUMNS`.
        """
        if isinstance(names, (pd.Series, np.ndarray)):
            names_s = pd.Series(names, dtype=object)
        else:
            names_s = pd.Series(list(names), dtype=object)
        names_s = names_s.reset_index(drop=True)
        n = len(names_s)
        codes, taxa = self._resolve_many(names_s)

        def col(attr: str, dtype: Any = object) -> np.ndarray:
            return np.asarray([getattr(t, attr) for t in taxa], dtype=dtype)[codes]

        wd = col("wd", float)
        sd = col("wd_sd", float)
        level = col("wd_level")
        match_type = col("match_type")
        flag = np.full(n, "", dtype=object)

        if user_wd is not None:
            uw = _to_float_array(user_wd)
            if len(uw) != n:
                raise ValueError("user_wd must have the same length as names")
            given = ~np.isnan(uw)
            lo, hi = USER_WD_RANGE
            valid = given & (uw > lo) & (uw <= hi)
            flag[given & ~valid] = FLAG_USER_INVALID
            if user_sd is not None:
                us = _to_float_array(user_sd)
                if len(us) != n:
                    raise ValueError("user_sd must have the same length as names")
                us = np.where(np.isfinite(us) & (us >= 0), us, LEVEL_SD["species"])
            else:
                us = np.full(n, LEVEL_SD["species"])
            wd = np.where(valid, uw, wd)
            sd = np.where(valid, us, sd)
            level = np.where(valid, "user", level).astype(object)

        assigned = ~np.isnan(wd)

        # dataset statistics over trees with a taxon/user value (BIOMASS: mean and sd of those)
        if assigned.any():
            ds_mean = float(np.mean(wd[assigned]))
            ds_sd = float(np.std(wd[assigned], ddof=1)) if assigned.sum() > 1 else float("nan")
            if ds_sd != ds_sd:
                ds_sd = DATASET_FALLBACK_SD
            ds_flag = ""
        else:
            ds_mean = DATASET_FALLBACK_WD[self._database]
            ds_sd = DATASET_FALLBACK_SD
            ds_flag = FLAG_DATASET_CONSTANT

        if stands is not None and (~assigned).any():
            # let pandas infer the dtype: numeric stand ids must not go through an object Index
            if isinstance(stands, pd.Series):
                st = stands
            elif isinstance(stands, np.ndarray):
                st = pd.Series(stands)
            else:
                st = pd.Series(list(stands))
            if len(st) != n:
                raise ValueError("stands must have the same length as names")
            scodes, suniq = pd.factorize(st.reset_index(drop=True))
            scodes = np.asarray(scodes, dtype=np.int64)
            m = len(suniq)
            ok = assigned & (scodes >= 0)
            cnt = np.bincount(scodes[ok], minlength=m).astype(float)
            s1 = np.bincount(scodes[ok], weights=wd[ok], minlength=m)
            s2 = np.bincount(scodes[ok], weights=wd[ok] ** 2, minlength=m)
            with np.errstate(invalid="ignore", divide="ignore"):
                smean = s1 / cnt
                svar = (s2 - cnt * smean**2) / (cnt - 1)
            ssd = np.sqrt(np.clip(np.where(cnt > 1, svar, np.nan), 0.0, None))
            ssd = np.where(np.isnan(ssd), ds_sd, ssd)  # a single assigned tree has no sd
            fill = ~assigned & (scodes >= 0)
            if m:  # no stand ids at all (every stand missing): nothing to fill from
                fill &= cnt[np.where(scodes >= 0, scodes, 0)] > 0
            idx = scodes[fill]
            wd[fill] = smean[idx]
            sd[fill] = ssd[idx]
            level[fill] = "stand"

        rest = np.isnan(wd)
        wd[rest] = ds_mean
        sd[rest] = ds_sd
        level[rest] = "dataset"
        if ds_flag:
            both = rest & (flag != "")
            flag[both] = flag[both] + ";" + ds_flag
            flag[rest & ~both] = ds_flag

        out = pd.DataFrame(
            {
                "input_name": names_s.to_numpy(dtype=object),
                "accepted_name": col("accepted_name"),
                "genus": col("genus"),
                "family": col("family"),
                "life_form": col("life_form"),
                "wd": wd,
                "wd_sd": sd,
                "wd_level": level,
                "matched": ~np.isin(match_type, ["none", "missing"]),
                "match_type": match_type,
                "wd_flag": flag,
            }
        )
        return out

    def life_form_of(self, names: Sequence[str | None]) -> pd.Series:
        """Life form (tree|palm|bamboo|liana|mangrove|shrub) per name; None when unknown."""
        codes, taxa = self._resolve_many(pd.Series(list(names), dtype=object))
        arr = np.asarray([t.life_form for t in taxa], dtype=object)[codes]
        return pd.Series(arr, dtype=object, name="life_form")

    @staticmethod
    def unmatched_summary(
        lookup_df: pd.DataFrame, include_genus_only: bool = False
    ) -> pd.DataFrame:
        """Input names that matched no taxon, with tree counts (most frequent first).

        Missing names are reported as ``"<missing>"``. With ``include_genus_only`` names that
        carried an epithet but matched only at genus level (e.g. typos) are listed too.
        """
        mt = lookup_df["match_type"]
        bad = mt.isin(["none", "missing"])
        if include_genus_only:
            keys = lookup_df["input_name"].map(normalize_name)
            bad |= (mt == "genus") & keys.str.contains(" ", regex=False)
        sub = lookup_df.loc[bad, "input_name"].astype(object)
        sub = sub.where(lookup_df.loc[bad, "match_type"] != "missing", "<missing>")
        if sub.empty:
            return pd.DataFrame(
                {"name": pd.Series([], dtype=object), "count": pd.Series([], dtype=int)}
            )
        counts = sub.astype(str).value_counts()
        res = pd.DataFrame(
            {"name": counts.index.astype(object), "count": counts.to_numpy(dtype=int)}
        )
        return res.sort_values(["count", "name"], ascending=[False, True]).reset_index(drop=True)
