"""Method packs: carbon fraction, root:shoot ratio and accounting options per method.

Packs are JSON files in ``data/methods`` (``tver``, ``itree``, ``ipcc``, ``custom``); every value
carries its citation and evidence tag. Load with :meth:`MethodPack.load`.

Key fields (see the bundled files for full examples):

- ``carbon_fraction`` / ``root_shoot``: ``{group: {"value", "sd", "citation", "evidence"}}``.
  ``root_shoot`` may instead be ``{"type": "ipcc_zone_class", "zones": {...}}`` (IPCC 2019
  Table 4.4: R by ecological zone and stand AGB class <=125 / >125 t/ha).
- ``groups``: ordered rules mapping a tree to a parameter group by genus, family or life form;
  anything else is ``default_group``.
- ``default_equations`` (by life form), ``taxon_equations`` (genus or "Genus species" -> id).
- ``min_dbh_cm`` (+ ``applies_to`` life forms), ``sapling_rule`` (``exclude`` -> biomass 0,
  flagged; ``include`` -> computed, flagged), ``open_grown_factor``, ``carbon_cap_kg``,
  ``options`` (e.g. IPCC ``zone``, ``agb_class``).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any, Dict, List, Mapping, Sequence

import numpy as np
import pandas as pd

METHODS_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "methods"
)
BUILTIN_METHODS = ("tver", "itree", "ipcc", "custom")
LIFE_FORMS = ("tree", "palm", "bamboo", "liana", "mangrove")


class MethodError(ValueError):
    """Invalid or incomplete method pack."""


def _value(entry: Any) -> float | None:
    if isinstance(entry, Mapping):
        entry = entry.get("value")
    if entry is None:
        return None
    return float(entry)


def _deep_update(base: Dict[str, Any], other: Mapping[str, Any]) -> None:
    for key, val in other.items():
        if isinstance(val, Mapping) and isinstance(base.get(key), dict):
            _deep_update(base[key], val)
        else:
            base[key] = copy.deepcopy(val)


class MethodPack:
    """Parameters of one accounting method."""

    def __init__(self, data: Mapping[str, Any], path: str | None = None):
        self.data: Dict[str, Any] = copy.deepcopy(dict(data))
        self.path = path
        for key in ("id", "version", "carbon_fraction", "root_shoot"):
            if key not in self.data:
                raise MethodError(f"Method pack is missing {key!r}")
        self.options: Dict[str, Any] = dict(self.data.get("options") or {})

    # -- loading -------------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        id_or_path: str,
        values: Mapping[str, Any] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> MethodPack:
        """Load a bundled pack by id (tver, itree, ipcc, custom) or a JSON file by path.

        ``values`` deep-updates the pack (e.g. user factors for ``custom``:
        ``{"carbon_fraction": {"general": {"value": 0.5}}, "root_shoot": {...}}``;
        plain numbers are accepted: ``{"carbon_fraction": 0.5, "root_shoot": 0.25}``).
        ``options`` overrides pack options (e.g. ``{"zone": "tropical_dry"}``).
        """
        key = str(id_or_path).strip()
        if key.lower() in BUILTIN_METHODS:
            path = os.path.join(METHODS_DIR, key.lower() + ".json")
        else:
            path = key
        if not os.path.isfile(path):
            raise MethodError(f"Method pack not found: {id_or_path!r}")
        with open(path, encoding="utf-8") as fh:
            try:
                data = json.load(fh)
            except json.JSONDecodeError as exc:
                raise MethodError(f"{path}: invalid JSON: {exc}") from None
        if values:
            vals = dict(values)
            for factor in ("carbon_fraction", "root_shoot"):
                if factor in vals and not isinstance(vals[factor], Mapping):
                    vals[factor] = {"general": {"value": float(vals[factor]), "evidence": "user"}}
            _deep_update(data, vals)
        pack = cls(data, path)
        if options:
            pack.options.update(options)
        pack.validate()
        return pack

    @classmethod
    def custom(
        cls,
        carbon_fraction: float,
        root_shoot: float,
        **values: Any,
    ) -> MethodPack:
        """Custom pack with user factors (general group) plus optional extra fields."""
        vals: Dict[str, Any] = {"carbon_fraction": carbon_fraction, "root_shoot": root_shoot}
        vals.update(values)
        return cls.load("custom", values=vals)

    def validate(self) -> None:
        """Check factor ranges; unresolved (None) factors are reported when used."""
        for group, entry in (self.data.get("carbon_fraction") or {}).items():
            v = _value(entry)
            if v is not None and not (0.3 <= v <= 0.6):
                raise MethodError(f"carbon_fraction[{group}] = {v} outside 0.3-0.6")
        rs = self.data.get("root_shoot") or {}
        if rs.get("type") != "ipcc_zone_class":
            for group, entry in rs.items():
                if group in ("note",):
                    continue
                v = _value(entry)
                if v is not None and not (0.0 <= v <= 3.0):
                    raise MethodError(f"root_shoot[{group}] = {v} outside 0-3")
        sr = self.sapling_rule
        if sr not in ("exclude", "include"):
            raise MethodError(f"sapling_rule must be 'exclude' or 'include', not {sr!r}")
        if self.is_ipcc_table:
            zone = self.options.get("zone")
            if zone not in rs.get("zones", {}):
                raise MethodError(
                    "Unknown IPCC zone {!r}; choose one of {}".format(
                        zone, ", ".join(rs.get("zones", {}))
                    )
                )

    # -- simple attributes ---------------------------------------------------------------------
    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def version(self) -> str:
        return str(self.data["version"])

    @property
    def name(self) -> str:
        return str(self.data.get("name", self.id))

    @property
    def citations(self) -> Dict[str, str]:
        return dict(self.data.get("citations") or {})

    @property
    def default_group(self) -> str:
        return str(self.data.get("default_group") or "general")

    @property
    def min_dbh_cm(self) -> float | None:
        return _value(self.data.get("min_dbh_cm"))

    @property
    def min_dbh_applies_to(self) -> List[str]:
        entry = self.data.get("min_dbh_cm")
        if isinstance(entry, Mapping):
            return list(entry.get("applies_to") or LIFE_FORMS)
        return list(LIFE_FORMS)

    @property
    def sapling_rule(self) -> str:
        entry = self.data.get("sapling_rule") or {}
        if isinstance(entry, Mapping):
            return str(entry.get("rule") or "include")
        return str(entry)

    @property
    def open_grown_factor(self) -> float | None:
        return _value(self.data.get("open_grown_factor"))

    @property
    def carbon_cap_kg(self) -> float | None:
        return _value(self.data.get("carbon_cap_kg"))

    @property
    def cf_sd(self) -> float | None:
        """CF standard deviation, only when the pack marks it usable (``use: true``)."""
        entry = self.data.get("cf_sd") or {}
        if isinstance(entry, Mapping) and not entry.get("use", False):
            return None
        return _value(entry)

    @property
    def is_ipcc_table(self) -> bool:
        return (self.data.get("root_shoot") or {}).get("type") == "ipcc_zone_class"

    # -- groups and factors --------------------------------------------------------------------
    @property
    def groups(self) -> List[str]:
        names = [self.default_group]
        for rule in self.data.get("groups") or []:
            if rule.get("group") not in names:
                names.append(rule["group"])
        return names

    def group_of(
        self,
        genus: Sequence[str | None],
        family: Sequence[str | None] | None = None,
        life_form: Sequence[str | None] | None = None,
    ) -> np.ndarray:
        """Parameter group per tree (vectorized). First matching rule wins."""
        n = len(genus)

        def norm(values: Sequence[str | None] | None) -> np.ndarray:
            if values is None:
                return np.full(n, "", dtype=object)
            ser = pd.Series(list(values), dtype=object)
            ser = ser.where(ser.notna(), "")
            if n > 1000 and pd.api.types.infer_dtype(ser, skipna=True) == "string":
                codes, uniques = pd.factorize(ser)  # normalise each distinct name once
                return np.array([str(v).strip().lower() for v in uniques], dtype=object)[codes]
            ser = ser.astype(str).str.strip().str.lower()
            return ser.to_numpy(dtype=object)

        g, f, lf = norm(genus), norm(family), norm(life_form)
        out = np.full(n, self.default_group, dtype=object)
        assigned = np.zeros(n, dtype=bool)
        for rule in self.data.get("groups") or []:
            m = np.zeros(n, dtype=bool)
            if rule.get("genera"):
                m |= np.isin(g, [s.lower() for s in rule["genera"]])
            if rule.get("families"):
                m |= np.isin(f, [s.lower() for s in rule["families"]])
            if rule.get("life_forms"):
                m |= np.isin(lf, [s.lower() for s in rule["life_forms"]])
            m &= ~assigned
            out[m] = rule["group"]
            assigned |= m
        return out

    def _group_entry(self, table_name: str, group: str) -> Mapping[str, Any]:
        table = self.data.get(table_name) or {}
        entry = table.get(group, table.get(self.default_group))
        if entry is None:
            raise MethodError(f"{self.id}: no {table_name} for group {group!r}")
        return entry if isinstance(entry, Mapping) else {"value": entry}

    def carbon_fraction(self, group: str | None = None) -> float:
        entry = self._group_entry("carbon_fraction", group or self.default_group)
        v = _value(entry)
        if v is None:
            grp = group or self.default_group
            raise MethodError(
                f"Method {self.id!r} has no carbon fraction for group {grp!r}; supply one"
            )
        return v

    def root_shoot_entry(
        self, group: str | None = None, agb_class: str | None = None
    ) -> Mapping[str, Any]:
        """The R entry (value, sd, ...) for a group, or the IPCC zone/class cell."""
        if self.is_ipcc_table:
            rs = self.data["root_shoot"]
            zone = self.options.get("zone")
            cls_key = agb_class or self.options.get("agb_class") or "le125"
            cell = rs["zones"].get(zone, {}).get(cls_key)
            if cell is None:
                raise MethodError(f"No IPCC root:shoot for zone {zone!r}, class {cls_key!r}")
            return cell
        return self._group_entry("root_shoot", group or self.default_group)

    def root_shoot(self, group: str | None = None, agb_class: str | None = None) -> float:
        v = _value(self.root_shoot_entry(group, agb_class))
        if v is None:
            grp = group or self.default_group
            raise MethodError(
                f"Method {self.id!r} has no root:shoot ratio for group {grp!r}; supply one"
            )
        return v

    def root_shoot_sd(self, group: str | None = None, agb_class: str | None = None) -> float | None:
        entry = self.root_shoot_entry(group, agb_class)
        sd = entry.get("sd") if isinstance(entry, Mapping) else None
        return None if sd is None else float(sd)

    def root_shoot_for_stand(self, agb_t_ha: Any, planted: bool = False) -> np.ndarray:
        """IPCC R per stand from its AGB (t d.m./ha): class <=125 or >125 (vectorized).

        For non-IPCC packs returns the default-group R for every stand.
        """
        agb = np.asarray(agb_t_ha, dtype=float)
        if not self.is_ipcc_table:
            return np.full(agb.shape, self.root_shoot())
        thr = float(self.data["root_shoot"].get("threshold_t_ha", 125.0))
        low_key = "planted_le125" if planted else "le125"
        low = self.root_shoot(agb_class=low_key)
        high = self.root_shoot(agb_class="gt125")
        with np.errstate(invalid="ignore"):
            return np.where(np.isnan(agb), np.nan, np.where(agb <= thr, low, high))

    # -- equations -----------------------------------------------------------------------------
    @property
    def default_equations(self) -> Dict[str, str]:
        return dict(self.data.get("default_equations") or {})

    def default_equation(self, life_form: str | None = "tree") -> str:
        eqs = self.default_equations
        lf = (life_form or "tree").strip().lower()
        eid = eqs.get(lf) or eqs.get("tree")
        if not eid:
            raise MethodError(f"Method {self.id!r} defines no default equation")
        return str(eid)

    @property
    def taxon_equations(self) -> Dict[str, str]:
        return {str(k): str(v) for k, v in (self.data.get("taxon_equations") or {}).items()}

    def describe(self) -> Dict[str, Any]:
        """Short record for run logs/reports."""
        return {
            "method": self.id,
            "method_version": self.version,
            "name": self.name,
            "options": dict(self.options),
        }
