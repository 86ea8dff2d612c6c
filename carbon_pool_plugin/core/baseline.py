"""Baseline records: the content of one append-only row of ``carbonpool_baselines``.

Pure Python (no QGIS, no GDAL): :func:`build_record` assembles the record from an estimate
(municipality, year, method pack + version, equation pack version, parameters, seed, stratum
table and totals); :func:`to_json` serialises numpy/pandas values strictly (NaN/inf -> null, so
the JSON is valid everywhere); :func:`parse_record` turns a stored row back into Python objects.
Writing and reading the GeoPackage table is done by :mod:`carbon_pool_plugin.baseline_store`.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import uuid
from typing import Any, Dict, List, Mapping, Optional

import numpy as np
import pandas as pd

TABLE_NAME = "carbonpool_baselines"
SCHEMA_VERSION = 1

#: (column, kind) of the table, in order; kind is text / int.
COLUMNS = [
    ("baseline_id", "text"),
    ("name", "text"),
    ("municipality", "text"),
    ("year", "int"),
    ("created_utc", "text"),
    ("plugin_version", "text"),
    ("method_pack", "text"),
    ("method_version", "text"),
    ("equation_pack_version", "text"),
    ("parameters_json", "text"),
    ("seed", "int"),
    ("strata_json", "text"),
    ("totals_json", "text"),
    ("schema_version", "int"),
]
JSON_COLUMNS = ("parameters_json", "strata_json", "totals_json")


def _plain(value: Any) -> Any:
    """numpy/pandas scalars and containers -> JSON-safe Python (NaN/inf -> None)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        return v if math.isfinite(v) else None
    if isinstance(value, str):
        return value
    if isinstance(value, (_dt.date, _dt.datetime, pd.Timestamp)):
        return value.isoformat()
    if isinstance(value, pd.DataFrame):
        return [_plain(r) for r in value.to_dict("records")]
    if isinstance(value, pd.Series):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return str(value)


def to_json(value: Any) -> str:
    """Strict JSON (``allow_nan=False``), UTF-8 text kept readable (Thai names unescaped)."""
    return json.dumps(_plain(value), ensure_ascii=False, allow_nan=False, sort_keys=True)


def build_record(
    *,
    name: str,
    municipality: str,
    year: Optional[int],
    plugin_version: str,
    method_pack: str,
    method_version: str,
    equation_pack_version: str,
    parameters: Mapping[str, Any],
    strata: Any,
    totals: Mapping[str, Any],
    seed: Optional[int] = None,
    created_utc: Optional[_dt.datetime] = None,
    baseline_id: Optional[str] = None,
) -> Dict[str, Any]:
    """One baseline row (all values are str/int/None; JSON columns are strings)."""
    if not str(name or "").strip():
        raise ValueError("a baseline needs a name")
    when = created_utc or _dt.datetime.now(_dt.timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.timezone.utc)
    when = when.astimezone(_dt.timezone.utc)
    record = {
        "baseline_id": baseline_id or str(uuid.uuid4()),
        "name": str(name).strip(),
        "municipality": (str(municipality).strip() or None) if municipality is not None else None,
        "year": None if year is None else int(year),
        "created_utc": when.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "plugin_version": str(plugin_version),
        "method_pack": str(method_pack),
        "method_version": str(method_version),
        "equation_pack_version": str(equation_pack_version),
        "parameters_json": to_json(parameters),
        "seed": None if seed is None else int(seed),
        "strata_json": to_json(strata),
        "totals_json": to_json(totals),
        "schema_version": SCHEMA_VERSION,
    }
    return record


def parse_record(row: Mapping[str, Any]) -> Dict[str, Any]:
    """A stored row with its JSON columns decoded (``parameters``, ``strata``, ``totals``)."""
    out = dict(row)
    for col in JSON_COLUMNS:
        text = out.get(col)
        out[col[: -len("_json")]] = json.loads(text) if text else None
    return out


def latest(records: List[Mapping[str, Any]], name: Optional[str] = None) -> Optional[Mapping]:
    """The most recent record (by ``created_utc``, then insertion order), optionally by name."""
    chosen = [r for r in records if name is None or r.get("name") == name]
    if not chosen:
        return None
    return max(enumerate(chosen), key=lambda ir: (str(ir[1].get("created_utc")), ir[0]))[1]
