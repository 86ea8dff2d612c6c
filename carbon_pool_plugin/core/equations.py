"""Allometric equation library: data-driven, one evaluator for every form.

Equations live in ``data/equations/equations.csv`` (one row per component). Each row names a
``form`` (a template expression in coefficient symbols ``a..f`` and predictors) or gives its own
``expression`` (``form=expr``). Every template and user expression is compiled by
:mod:`safe_expr`, so a single vectorized evaluator serves the whole library.

Components of one ``equation_id`` are evaluated in file order; later components may reference
earlier ones by name (``stem``, ``branch``, ``leaf``). AGB = the ``agb`` component when present,
otherwise stem + branch + leaf. A ``bgb`` component gives below-ground biomass directly.
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Sequence, Tuple

import numpy as np

from .safe_expr import COEFFICIENTS, PREDICTORS, CompiledExpression, compile_expression

DEFAULT_PATH = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "data",
    "equations",
    "equations.csv",
)

COMPONENTS: Tuple[str, ...] = ("stem", "branch", "leaf", "agb", "bgb")
STATUSES: Tuple[str, ...] = ("active", "guarded", "disabled")
COLUMNS: Tuple[str, ...] = (
    "equation_id",
    "component",
    "form",
    "a",
    "b",
    "c",
    "d",
    "e",
    "expression",
    "predictors",
    "life_form",
    "forest_type",
    "taxa",
    "d_min_cm",
    "d_max_cm",
    "h_min_m",
    "h_max_m",
    "status",
    "flag",
    "status_note",
    "rse",
    "name",
    "citation",
    "source_key",
    "evidence",
    "pack_version",
)
REQUIRED_COLUMNS: Tuple[str, ...] = ("equation_id", "component", "form")

#: Named templates. Units: D cm, H m, WD g cm-3, Hs m (stem height), D0 cm; result kg.
FORMS: Dict[str, str] = {
    "power_D": "a*D^b",
    "power_D2": "a*(D^2)^b",
    "power_D0": "a*D0^b",
    "power_D2H": "a*(D^2*H)^b",
    "power_rhoD2H": "a*(WD*D^2*H)^b",
    "exp_rhoD2H": "exp(a + b*ln(WD*D^2*H))",
    "exp_D2H": "exp(a + b*ln(D^2*H))",
    "exp_lnD": "exp(a + b*ln(D))",
    "chave05_noH": "WD*exp(a + b*ln(D) + c*ln(D)^2 + d*ln(D)^3)",
    "chave14_eq7": "exp(a + b*E + c*ln(WD) + d*ln(D) + e*ln(D)^2)",
    "ogawa_leaf": "1/(a/(stem + branch) + b)",
    "tgo_palm": "a + b*H^0.5*ln(H)",
    "linear_Hs": "a + b*Hs",
    "poly_D": "a + b*D + c*D^2",
    "komiyama05": "a*WD*D^b",
    "komiyama05_bgb": "a*WD^b*D^c",
}

#: Default pack version stamped on outputs of the bundled library.
PACK_VERSION = "eqlib-2026.12.1"

# Predictors that must be strictly positive (E may be negative).
_POSITIVE = frozenset({"D", "H", "WD", "Hs", "D0"})


class EquationError(ValueError):
    """Invalid equation data or a request the library cannot satisfy."""


class EquationDisabledError(EquationError):
    """Raised when evaluating an equation whose status is ``disabled``."""


def _f(value: Any) -> float | None:
    if value is None:
        return None
    s = str(value).strip()
    if s == "" or s.lower() in ("na", "nan", "none"):
        return None
    try:
        out = float(s)
    except ValueError:
        raise EquationError(f"Not a number: {value!r}") from None
    return None if math.isnan(out) else out


def _split(value: Any) -> Tuple[str, ...]:
    if value is None:
        return ()
    return tuple(t.strip() for t in str(value).split(";") if t.strip())


@dataclass
class Component:
    """One component row of an equation."""

    name: str
    form: str
    expression: str
    coefficients: Dict[str, float]
    compiled: CompiledExpression
    predictors: Tuple[str, ...]


@dataclass
class Equation:
    """All components of one ``equation_id`` plus metadata."""

    equation_id: str
    components: List[Component] = field(default_factory=list)
    status: str = "active"
    flags: Tuple[str, ...] = ()
    status_note: str = ""
    life_form: str = ""
    forest_type: Tuple[str, ...] = ()
    taxa: Tuple[str, ...] = ()
    d_min_cm: float | None = None
    d_max_cm: float | None = None
    h_min_m: float | None = None
    h_max_m: float | None = None
    rse: float | None = None
    name: str = ""
    citation: str = ""
    source_key: str = ""
    evidence: str = ""
    pack_version: str = PACK_VERSION
    user: bool = False

    @property
    def predictors(self) -> Tuple[str, ...]:
        """Predictors needed by any component, in canonical order."""
        used = set()
        for comp in self.components:
            used.update(comp.predictors)
        return tuple(p for p in PREDICTORS if p in used)

    @property
    def component_names(self) -> Tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def uses(self, predictor: str) -> bool:
        return predictor in self.predictors


@dataclass
class EquationResult:
    """Arrays (kg) per component (NaN where not given) and per-tree masks."""

    equation_id: str
    stem: np.ndarray
    branch: np.ndarray
    leaf: np.ndarray
    agb: np.ndarray
    bgb: np.ndarray
    out_of_range: np.ndarray
    missing_predictor: np.ndarray
    status: str
    flags: Tuple[str, ...]
    pack_version: str

    @property
    def has_bgb(self) -> bool:
        return bool(np.any(np.isfinite(self.bgb)))


def _compile_component(
    equation_id: str,
    component: str,
    form: str,
    expression: str,
    coefficients: Mapping[str, float],
    previous: Sequence[Component],
) -> Component:
    if component not in COMPONENTS:
        raise EquationError(
            "{}: unknown component {!r} (expected one of {})".format(
                equation_id, component, ", ".join(COMPONENTS)
            )
        )
    prev_names = {c.name: c for c in previous}
    if component in prev_names:
        raise EquationError(f"{equation_id}: component {component!r} given twice")
    if form == "expr":
        if not expression.strip():
            raise EquationError(f"{equation_id}/{component}: form 'expr' needs an expression")
        text = expression
    else:
        if form not in FORMS:
            raise EquationError(
                "{}/{}: unknown form {!r}; use one of {} or 'expr'".format(
                    equation_id, component, form, ", ".join(sorted(FORMS))
                )
            )
        text = FORMS[form]
    allowed = set(PREDICTORS) | set(COEFFICIENTS) | set(prev_names)
    compiled = compile_expression(text, allowed)
    missing_coef = sorted(n for n in compiled.names if n in COEFFICIENTS and n not in coefficients)
    if missing_coef:
        raise EquationError(
            "{}/{}: coefficient(s) {} missing for form {!r}".format(
                equation_id, component, ", ".join(missing_coef), form
            )
        )
    used = set(compiled.names)
    for name, comp in prev_names.items():
        if name in compiled.names:  # inherit what the referenced component needs
            used.update(comp.predictors)
    preds = tuple(p for p in PREDICTORS if p in used)
    return Component(component, form, text, dict(coefficients), compiled, preds)


_STATUS_RANK = {"active": 0, "guarded": 1, "disabled": 2}


class EquationLibrary:
    """A set of equations loaded from one or more CSV packs."""

    def __init__(self) -> None:
        self._eqs: Dict[str, Equation] = {}
        self.pack_version: str = PACK_VERSION
        self.sources: List[str] = []

    # -- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | None = None) -> EquationLibrary:
        """Load the bundled library (``path=None``) or the CSV at ``path``."""
        lib = cls()
        lib.load_pack(path or DEFAULT_PATH, _bundled=path is None)
        return lib

    def load_pack(self, path: str, replace: bool = False, _bundled: bool = False) -> List[str]:
        """Add the equations of a CSV pack (same columns). Returns the ids added."""
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
        if rows:
            missing = [c for c in REQUIRED_COLUMNS if c not in rows[0]]
            if missing:
                raise EquationError("{}: missing column(s) {}".format(path, ", ".join(missing)))
        added = self._add_rows(rows, replace=replace, user=not _bundled, origin=path)
        self.sources.append(path)
        if _bundled:
            versions = {self._eqs[i].pack_version for i in added if self._eqs[i].pack_version}
            if len(versions) == 1:
                self.pack_version = versions.pop()
        return added

    def _add_rows(
        self, rows: Iterable[Mapping[str, Any]], replace: bool, user: bool, origin: str
    ) -> List[str]:
        new: Dict[str, Equation] = {}
        order: List[str] = []
        for lineno, raw in enumerate(rows, start=2):
            row = {k: ("" if v is None else str(v)).strip() for k, v in raw.items() if k}
            eid = row.get("equation_id", "")
            if not eid or eid.startswith("#"):
                continue
            where = f"{os.path.basename(origin)} line {lineno}"
            if eid in self._eqs and not replace and eid not in new:
                raise EquationError(f"{where}: equation id {eid!r} already exists")
            eq = new.get(eid)
            if eq is None:
                eq = Equation(equation_id=eid, user=user)
                new[eid] = eq
                order.append(eid)
            status = (row.get("status") or "active").lower()
            if status not in STATUSES:
                raise EquationError(f"{where}: bad status {status!r}")
            coefs = {}
            for sym in COEFFICIENTS:
                try:
                    val = _f(row.get(sym))
                except EquationError as exc:
                    raise EquationError(f"{where}: coefficient {sym}: {exc}") from None
                if val is not None:
                    coefs[sym] = val
            try:
                comp = _compile_component(
                    eid,
                    row.get("component", "").lower(),
                    row.get("form", ""),
                    row.get("expression", ""),
                    coefs,
                    eq.components,
                )
            except ValueError as exc:
                raise EquationError(f"{where}: {exc}") from None
            declared = _split(row.get("predictors"))
            if declared and set(declared) != set(comp.predictors) and row.get("form") != "expr":
                raise EquationError(
                    "{}: declared predictors {} differ from the form's {}".format(
                        where, ";".join(declared), ";".join(comp.predictors)
                    )
                )
            eq.components.append(comp)
            self._merge_meta(eq, row, status)
        for eid in order:
            eq = new[eid]
            if eq.status == "guarded" and not eq.flags:
                eq.flags = ("EQ_GUARDED",)
            self._eqs[eid] = eq
        return order

    @staticmethod
    def _merge_meta(eq: Equation, row: Mapping[str, str], status: str) -> None:
        if _STATUS_RANK[status] > _STATUS_RANK[eq.status]:
            eq.status = status
        flags = set(eq.flags) | set(_split(row.get("flag")))
        eq.flags = tuple(sorted(flags))
        note = row.get("status_note", "")
        if note and note not in eq.status_note:
            eq.status_note = (eq.status_note + " | " + note) if eq.status_note else note
        for attr in ("life_form", "name", "citation", "source_key", "evidence", "pack_version"):
            if row.get(attr) and not getattr(eq, attr):
                setattr(eq, attr, row[attr])
        if row.get("forest_type") and not eq.forest_type:
            eq.forest_type = _split(row["forest_type"])
        if row.get("taxa") and not eq.taxa:
            eq.taxa = _split(row["taxa"])
        for attr in ("d_min_cm", "d_max_cm", "h_min_m", "h_max_m", "rse"):
            val = _f(row.get(attr))
            if val is not None and getattr(eq, attr) is None:
                setattr(eq, attr, val)

    # -- access --------------------------------------------------------------------------------
    def get(self, equation_id: str) -> Equation:
        try:
            return self._eqs[equation_id]
        except KeyError:
            raise EquationError(f"Unknown equation id {equation_id!r}") from None

    def ids(self, include_disabled: bool = True) -> List[str]:
        return [i for i, eq in self._eqs.items() if include_disabled or eq.status != "disabled"]

    def __contains__(self, equation_id: object) -> bool:
        return equation_id in self._eqs

    def __len__(self) -> int:
        return len(self._eqs)

    def for_taxon(self, name: str | None) -> List[str]:
        """Ids whose ``taxa`` list matches ``name`` (exact 'Genus species' first, then genus)."""
        if not name:
            return []
        words = str(name).strip().split()
        if not words:
            return []
        binomial = " ".join(words[:2]).lower()
        genus = words[0].lower()
        exact = [i for i, eq in self._eqs.items() if binomial in {t.lower() for t in eq.taxa}]
        by_genus = [
            i
            for i, eq in self._eqs.items()
            if i not in exact and genus in {t.lower() for t in eq.taxa}
        ]
        return exact + by_genus

    def add_user_equation(
        self, equation_id: str, expression: str, component: str = "agb", **meta: Any
    ) -> Equation:
        """Add (or extend) a user equation with a safe expression in D, H, WD, E, Hs, D0.

        Calling again with the same id and a different component appends that component.
        Built-in ids cannot be overwritten. ``meta`` may carry any CSV column (name, citation,
        d_min_cm, d_max_cm, h_min_m, h_max_m, status, life_form, ...); coefficients ``a..f`` may
        be given and referenced in the expression.
        """
        if not equation_id or not str(equation_id).strip():
            raise EquationError("Equation id must not be empty")
        existing = self._eqs.get(equation_id)
        if existing is not None and not existing.user:
            raise EquationError(f"{equation_id!r} is a built-in equation id")
        row = {k: ("" if v is None else str(v)) for k, v in meta.items()}
        unknown = sorted(k for k in row if k not in COLUMNS)
        if unknown:
            raise EquationError("Unknown metadata field(s): {}".format(", ".join(unknown)))
        row.update(equation_id=equation_id, component=component, form="expr", expression=expression)
        row.setdefault("evidence", "user")
        row.setdefault("pack_version", "user")
        if existing is None:
            self._add_rows([row], replace=False, user=True, origin="user")
            return self._eqs[equation_id]
        status = (row.get("status") or "active").lower()
        if status not in STATUSES:
            raise EquationError(f"Bad status {status!r}")
        coefs = {s: float(row[s]) for s in COEFFICIENTS if row.get(s, "").strip()}
        comp = _compile_component(
            equation_id, component, "expr", expression, coefs, existing.components
        )
        existing.components.append(comp)
        self._merge_meta(existing, row, status)
        return existing

    # -- evaluation ----------------------------------------------------------------------------
    def evaluate(
        self,
        equation_id: str,
        D: Any = None,
        H: Any = None,
        WD: Any = None,
        E: Any = None,
        Hs: Any = None,
        D0: Any = None,
    ) -> EquationResult:
        """Evaluate all components of ``equation_id`` on arrays (broadcast together).

        Trees lacking a needed predictor (None, NaN, or <= 0 for D/H/WD/Hs/D0) get NaN and
        ``missing_predictor`` True. ``out_of_range`` marks D/H outside the equation's known
        validity range. Disabled equations raise :class:`EquationDisabledError`.
        """
        eq = self.get(equation_id)
        if eq.status == "disabled":
            raise EquationDisabledError(
                "Equation {!r} is disabled: {}".format(equation_id, eq.status_note or "see notes")
            )
        given = {"D": D, "H": H, "WD": WD, "E": E, "Hs": Hs, "D0": D0}
        arrays = {k: np.asarray(v, dtype=float) for k, v in given.items() if v is not None}
        shape = np.broadcast_shapes(*(a.shape for a in arrays.values())) if arrays else ()
        n_shape = shape if shape else (1,)
        env: Dict[str, np.ndarray] = {}
        missing = np.zeros(n_shape, dtype=bool)
        with np.errstate(invalid="ignore"):
            for p in eq.predictors:
                if p not in arrays:
                    missing[...] = True
                    env[p] = np.full(n_shape, np.nan)
                    continue
                arr = np.broadcast_to(arrays[p], n_shape).astype(float)
                bad = ~np.isfinite(arr)
                if p in _POSITIVE:
                    bad |= ~(arr > 0)
                missing |= bad
                env[p] = np.where(bad, np.nan, arr)
        out: Dict[str, np.ndarray] = {}
        for comp in eq.components:
            local = dict(env)
            local.update(comp.coefficients)
            local.update(out)
            val = np.broadcast_to(comp.compiled.evaluate(local), n_shape).astype(float)
            out[comp.name] = np.where(missing, np.nan, val)
        nan = np.full(n_shape, np.nan)
        if "agb" in out:
            agb = out["agb"]
        elif any(c in out for c in ("stem", "branch", "leaf")):
            agb = np.zeros(n_shape)
            for c in ("stem", "branch", "leaf"):
                if c in out:
                    agb = agb + out[c]
        else:
            agb = nan.copy()
        oor = np.zeros(n_shape, dtype=bool)
        with np.errstate(invalid="ignore"):
            if "D" in arrays:
                d = np.broadcast_to(arrays["D"], n_shape)
                if eq.d_min_cm is not None:
                    oor |= d < eq.d_min_cm
                if eq.d_max_cm is not None:
                    oor |= d > eq.d_max_cm
            if "H" in arrays and eq.uses("H"):
                h = np.broadcast_to(arrays["H"], n_shape)
                if eq.h_min_m is not None:
                    oor |= h < eq.h_min_m
                if eq.h_max_m is not None:
                    oor |= h > eq.h_max_m

        def res(a: np.ndarray) -> np.ndarray:
            return np.array(a, dtype=float).reshape(shape)

        return EquationResult(
            equation_id=equation_id,
            stem=res(out.get("stem", nan)),
            branch=res(out.get("branch", nan)),
            leaf=res(out.get("leaf", nan)),
            agb=res(agb),
            bgb=res(out.get("bgb", nan)),
            out_of_range=np.array(oor).reshape(shape),
            missing_predictor=np.array(missing).reshape(shape),
            status=eq.status,
            flags=eq.flags,
            pack_version=eq.pack_version or self.pack_version,
        )


def form_expression(form: str) -> str:
    """The template expression of a named form."""
    try:
        return FORMS[form]
    except KeyError:
        raise EquationError(f"Unknown form {form!r}") from None
