"""Summary for DCCE's GreenArea platform — our PROPOSED exchange format (no QGIS import).

science.md §8: the Green Digital Platform "GreenArea" (https://greenarea.dcce.go.th/) reports green
area (rai) and carbon storage (CO2eq) per local government, but no API, file format or exchange
schema was found. The summary built here is therefore a proposal, documented in
``docs/greenarea_export.md`` and described by ``data/schema/greenarea_export.schema.json``.

Criterion 1 minimum green share by local-government type (science.md §8): เทศบาลนคร / special LAO
15 %, เทศบาลเมือง 20 %, เทศบาลตำบล / อบต. 25 %. Per-capita references: WHO 9 m², ONEP 15 m².
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .units import HA_M2, RAI_PER_HA

FORMAT_ID = "carbonpool-greenarea-export"
FORMAT_VERSION = "0.1.0"
BE_OFFSET = 543

#: key -> (Thai name, English name, Criterion 1 minimum green share %)
MUNI_TYPES: Dict[str, Tuple[str, str, float]] = {
    "city_municipality": ("เทศบาลนคร", "city municipality", 15.0),
    "town_municipality": ("เทศบาลเมือง", "town municipality", 20.0),
    "subdistrict_municipality": ("เทศบาลตำบล", "subdistrict municipality", 25.0),
    "sao": ("องค์การบริหารส่วนตำบล", "subdistrict administrative organisation", 25.0),
    "special": ("องค์กรปกครองส่วนท้องถิ่นรูปแบบพิเศษ", "special local administration", 15.0),
}
MUNI_TYPE_KEYS: List[str] = list(MUNI_TYPES)

_TYPE_ALIASES = {
    "city": "city_municipality",
    "nakhon": "city_municipality",
    "เทศบาลนคร": "city_municipality",
    "ทน": "city_municipality",
    "town": "town_municipality",
    "mueang": "town_municipality",
    "เทศบาลเมือง": "town_municipality",
    "ทม": "town_municipality",
    "subdistrict": "subdistrict_municipality",
    "tambon": "subdistrict_municipality",
    "เทศบาลตำบล": "subdistrict_municipality",
    "ทต": "subdistrict_municipality",
    "sao": "sao",
    "tao": "sao",
    "อบต": "sao",
    "องค์การบริหารส่วนตำบล": "sao",
    "special": "special",
    "bangkok": "special",
    "pattaya": "special",
    "กรุงเทพมหานคร": "special",
    "เมืองพัทยา": "special",
}


def normalize_muni_type(value: Any) -> Optional[str]:
    """Map a Thai or English municipality type (or an index into :data:`MUNI_TYPE_KEYS`) to its key."""
    if value is None:
        return None
    if isinstance(value, int) and 0 <= value < len(MUNI_TYPE_KEYS):
        return MUNI_TYPE_KEYS[value]
    text = re.sub(r"[\s.\-]+", "", str(value).strip().lower())
    if not text:
        return None
    if text in MUNI_TYPES:
        return text
    for key in MUNI_TYPES:
        if text == key.replace("_", ""):
            return key
    if text in _TYPE_ALIASES:
        return _TYPE_ALIASES[text]
    for alias, key in sorted(_TYPE_ALIASES.items(), key=lambda kv: -len(kv[0])):
        if len(alias) > 3 and alias in text:
            return key
    return None


def year_be_ce(year: int) -> Tuple[int, int]:
    """Return ``(BE, CE)`` for a year given in either calendar (≥ 2400 is taken as B.E.)."""
    year = int(year)
    if year >= 2400:
        return year, year - BE_OFFSET
    return year + BE_OFFSET, year


def _num(value: Any) -> Optional[float]:
    if value is None:
        return None
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if math.isfinite(out) else None


def _round(value: Optional[float], digits: int = 3) -> Optional[float]:
    return None if value is None else round(float(value), digits)


def build_summary(
    *,
    muni_code: str,
    muni_type: str,
    year: int,
    green_area_m2: float,
    polygons: int,
    carbon_tco2e: float,
    carbon_source: str,
    geopackage: str,
    layer: str,
    plugin_version: str,
    muni_name: Optional[str] = None,
    population: Optional[int] = None,
    muni_area_m2: Optional[float] = None,
    carbon_tc: Optional[float] = None,
    carbon_ci95: Tuple[Optional[float], Optional[float]] = (None, None),
    u90_pct: Optional[float] = None,
    sequestration: Optional[Mapping[str, Optional[float]]] = None,
    method_pack: Optional[str] = None,
    equation_pack_version: Optional[str] = None,
    qgis_version: Optional[str] = None,
    crs: Optional[str] = None,
    generated: Optional[datetime] = None,
) -> Dict[str, Any]:
    """Assemble the GreenArea summary (a plain dict ready for ``json.dump``).

    ``sequestration`` holds ``tco2e_per_year`` and optionally ``ci95_low``/``ci95_high``; pass
    ``None`` when no stock change was computed.
    """
    key = normalize_muni_type(muni_type)
    if key is None:
        raise ValueError("Unknown municipality type: {!r}".format(muni_type))
    type_th, _type_en, target = MUNI_TYPES[key]
    be, ce = year_be_ce(year)
    green_m2 = float(green_area_m2)
    area_m2 = _num(muni_area_m2)
    if area_m2 is not None and area_m2 <= 0:
        area_m2 = None
    pop = int(population) if population not in (None, "") and int(population) > 0 else None
    share = None if area_m2 is None else 100.0 * green_m2 / area_m2
    per_person = None if pop is None else green_m2 / pop
    seq = None
    if sequestration is not None and _num(sequestration.get("tco2e_per_year")) is not None:
        seq = {
            "tco2e_per_year": _round(_num(sequestration.get("tco2e_per_year"))),
            "tco2e_per_year_ci95_low": _round(_num(sequestration.get("ci95_low"))),
            "tco2e_per_year_ci95_high": _round(_num(sequestration.get("ci95_high"))),
        }
    stamp = (generated or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return {
        "format": FORMAT_ID,
        "format_version": FORMAT_VERSION,
        "official_format": False,
        "municipality": {
            "code": str(muni_code),
            "name": muni_name or None,
            "type": key,
            "type_th": type_th,
            "population": pop,
            "area_ha": _round(None if area_m2 is None else area_m2 / HA_M2, 4),
            "area_rai": _round(None if area_m2 is None else area_m2 / HA_M2 * RAI_PER_HA, 3),
        },
        "year": {"be": be, "ce": ce},
        "green_area": {
            "polygons": int(polygons),
            "area_ha": _round(green_m2 / HA_M2, 4),
            "area_rai": _round(green_m2 / HA_M2 * RAI_PER_HA, 3),
            "share_pct": _round(share, 3),
            "m2_per_person": _round(per_person, 3),
            "target_share_pct": target,
            "meets_target": None if share is None else bool(share >= target),
        },
        "carbon_stock": {
            "tc": _round(_num(carbon_tc)),
            "tco2e": _round(float(carbon_tco2e)),
            "tco2e_ci95_low": _round(_num(carbon_ci95[0])),
            "tco2e_ci95_high": _round(_num(carbon_ci95[1])),
            "confidence_level": 0.95,
            "u90_pct": _round(_num(u90_pct), 3),
            "source": carbon_source,
        },
        "annual_sequestration": seq,
        "method": {
            "method_pack": method_pack or None,
            "equation_pack_version": equation_pack_version or None,
        },
        "software": {
            "name": "Urban Carbon Pool",
            "plugin_version": str(plugin_version),
            "qgis_version": qgis_version or None,
        },
        "generated": stamp.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "files": {"geopackage": geopackage, "layer": layer, "crs": crs or None},
    }


# -- validation ----------------------------------------------------------------------------------
def load_schema(path: Optional[Path] = None) -> Dict[str, Any]:
    if path is None:
        path = Path(__file__).resolve().parent.parent / "data" / "schema"
        path = path / "greenarea_export.schema.json"
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _minimal_errors(value: Any, schema: Mapping[str, Any], where: str) -> List[str]:
    """The subset of JSON Schema our schema uses (fallback when ``jsonschema`` is missing)."""
    errors: List[str] = []
    if "oneOf" in schema:
        passing = [s for s in schema["oneOf"] if not _minimal_errors(value, s, where)]
        if len(passing) != 1:
            errors.append("{}: must match exactly one alternative".format(where))
        return errors
    if "const" in schema and value != schema["const"]:
        errors.append("{}: must be {!r}".format(where, schema["const"]))
    if "enum" in schema and value not in schema["enum"]:
        errors.append("{}: must be one of {}".format(where, schema["enum"]))
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        if not any(_TYPES[k](value) for k in kinds):
            errors.append("{}: must be of type {}".format(where, "/".join(kinds)))
            return errors
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append("{}: below minimum {}".format(where, schema["minimum"]))
        if "maximum" in schema and value > schema["maximum"]:
            errors.append("{}: above maximum {}".format(where, schema["maximum"]))
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            errors.append("{}: must exceed {}".format(where, schema["exclusiveMinimum"]))
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            errors.append("{}: too short".format(where))
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append("{}: does not match {}".format(where, schema["pattern"]))
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                errors.append("{}: missing required property {!r}".format(where, name))
        props = schema.get("properties", {})
        for name, item in value.items():
            if name in props:
                errors.extend(_minimal_errors(item, props[name], "{}.{}".format(where, name)))
            elif schema.get("additionalProperties") is False:
                errors.append("{}: unexpected property {!r}".format(where, name))
    return errors


def validate_summary(
    summary: Mapping[str, Any], schema: Optional[Mapping[str, Any]] = None
) -> Tuple[List[str], str]:
    """Validate ``summary``; returns ``(errors, validator)`` where validator names what checked it.

    Uses the ``jsonschema`` package when installed (Debian: python3-jsonschema); a stock QGIS on
    Windows may not ship it, so a built-in check of the schema's keywords is the fallback.
    """
    schema = schema if schema is not None else load_schema()
    try:
        import jsonschema
    except ImportError:
        return _minimal_errors(summary, schema, "$"), "builtin"
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema)
    errors: Sequence = sorted(validator.iter_errors(summary), key=lambda e: list(e.path))
    return [
        "$.{}: {}".format(".".join(str(p) for p in err.path), err.message) for err in errors
    ], "jsonschema"
