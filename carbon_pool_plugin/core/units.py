"""Unit constants and conversions used throughout the carbon chain.

Sources (see docs/science.md):
- 1 rai = 1,600 m2 = 0.16 ha; 1 ha = 6.25 rai  [S NONARKARA], science.md section 0.
- 44/12 = molar-mass ratio CO2/C                [>=3 S], science.md section 0.
- DBH is the stem diameter at 1.30 m in cm (T-VER-S-TOOL-01-01 symbol note) [P TGO-img].
  Girth (circumference) C relates to diameter by D = C / pi.
"""

from __future__ import annotations

import math
import re
from typing import Any, Iterable, Union

import numpy as np
import pandas as pd

from .messages import Message

RAI_M2: float = 1600.0
HA_M2: float = 10000.0
RAI_PER_HA: float = HA_M2 / RAI_M2  # 6.25
HA_PER_RAI: float = RAI_M2 / HA_M2  # 0.16
C_TO_CO2: float = 44.0 / 12.0
KG_PER_T: float = 1000.0

#: DBH units accepted by :func:`dbh_to_cm` and the multiplier/divisor to reach cm diameter.
DBH_UNITS: tuple = ("cm", "mm", "m", "girth_cm", "girth_m", "girth_mm")

_UNIT_ALIASES = {
    "cm": "cm",
    "centimetre": "cm",
    "centimeter": "cm",
    "mm": "mm",
    "millimetre": "mm",
    "millimeter": "mm",
    "m": "m",
    "metre": "m",
    "meter": "m",
    "girth_cm": "girth_cm",
    "gbh_cm": "girth_cm",
    "circumference_cm": "girth_cm",
    "girth_m": "girth_m",
    "gbh_m": "girth_m",
    "circumference_m": "girth_m",
    "girth_mm": "girth_mm",
}

_TO_CM = {
    "cm": 1.0,
    "mm": 0.1,
    "m": 100.0,
    "girth_cm": 1.0 / math.pi,
    "girth_m": 100.0 / math.pi,
    "girth_mm": 0.1 / math.pi,
}


def normalize_dbh_unit(unit: str) -> str:
    """Return the canonical unit key for ``unit`` or raise ``ValueError``."""
    key = str(unit).strip().lower().replace(" ", "_").replace("-", "_")
    if key not in _UNIT_ALIASES:
        raise ValueError(
            "Unknown DBH unit {!r}; expected one of {}".format(unit, ", ".join(DBH_UNITS))
        )
    return _UNIT_ALIASES[key]


def dbh_to_cm(values: Any, unit: str) -> np.ndarray:
    """Convert stem diameters (or girths at 1.30 m) to diameter in cm.

    ``unit`` is one of ``cm``, ``mm``, ``m`` (diameters) or ``girth_cm``, ``girth_m``,
    ``girth_mm`` (circumference at 1.30 m, D = C / pi). Non-numeric entries become NaN.
    """
    factor = _TO_CM[normalize_dbh_unit(unit)]
    arr = pd.to_numeric(pd.Series(np.asarray(values, dtype=object).ravel()), errors="coerce")
    out = arr.to_numpy(dtype=float) * factor
    return out.reshape(np.shape(values)) if np.ndim(values) > 0 else out


_STEM_SPLIT = re.compile(r"[;|+/\s,]+")


def _parse_stems(value: Any) -> np.ndarray | None:
    """Parse one multi-stem entry into an array of floats (None when empty/invalid)."""
    if value is None:
        return None
    if isinstance(value, str):
        tokens = [t for t in _STEM_SPLIT.split(value.strip()) if t]
        if not tokens:
            return None
        try:
            return np.array([float(t) for t in tokens], dtype=float)
        except ValueError:
            return None
    if isinstance(value, (int, float, np.integer, np.floating)):
        return np.array([float(value)], dtype=float)
    try:
        arr = np.asarray(list(value), dtype=float)
    except (TypeError, ValueError):
        return None
    return arr if arr.size else None


def _qm(stems: np.ndarray | None) -> float:
    if stems is None:
        return float("nan")
    if not np.all(np.isfinite(stems)) or np.any(stems < 0):
        return float("nan")
    return float(np.sqrt(np.sum(stems**2)))


def quadratic_mean_stems(
    stems: Union[str, Iterable[float], float, pd.Series, None],
) -> Union[float, pd.Series]:
    """Equivalent single-stem diameter of a multi-stem tree: sqrt(sum d_i^2).

    Accepts a list of diameters, a number, or a string such as ``"12;8.5;6"``
    (separators ``;``, ``,``, ``|``, ``+``, ``/`` or whitespace; the decimal mark must be ``.``).
    A pandas Series of such entries returns a Series of floats (same index). Empty, negative or
    unparsable entries give NaN.
    """
    if isinstance(stems, pd.Series):
        return stems.map(lambda v: _qm(_parse_stems(v))).astype(float)
    if stems is not None and not isinstance(stems, (str, bytes)) and np.ndim(stems) == 0:
        try:
            if np.isnan(stems):  # type: ignore[arg-type]
                return float("nan")
        except TypeError:
            pass
    return _qm(_parse_stems(stems))


#: Median height/DBH ratio (m per cm) of correctly measured trees, used to tell a DBH column in
#: the wrong unit (plugin choice, checked on data): urban sample inventory 0.55–0.57; Nouragues
#: tropical forest (reference data, 2,050 trees) 1.16; boreal stand means (Hg/Dg) 0.71. Girths
#: taken for diameters divide the ratio by π (sample: 0.18); centimetres read as millimetres
#: multiply it by 10 (sample: 5.7). Old open-grown trees can approach the low limit, so the text
#: is a warning to check, not an error.
HD_RATIO_LOW = 0.25
HD_RATIO_HIGH = 2.5
#: below this many trees with both H and D the ratio is not used
HD_RATIO_MIN_TREES = 20


def detect_implausible_dbh_unit(
    dbh_cm: Any, height_m: Any = None, unit: str | None = None
) -> str | None:
    """Return a warning text when a column of DBH values (in cm) looks like the wrong unit.

    Heuristics (plugin choice, not from a cited source; see ``HD_RATIO_*``):
    - with heights for ≥ 20 trees: median H/D < 0.25 m/cm — probably girths entered as
      diameters; > 2.5 m/cm — probably centimetres read as millimetres (or metres as cm);
    - median > 150 cm: probably millimetres or girth entered as diameter;
    - median < 1 cm: probably metres;
    - median < 3 cm with ``unit="mm"``: probably centimetres;
    - any value > 500 cm: implausible for a single stem.
    ``height_m`` (same length as ``dbh_cm``) and ``unit`` (the chosen DBH unit) are optional.
    Returns ``None`` when nothing looks wrong or there are no usable values.
    """
    d_all = pd.to_numeric(pd.Series(np.asarray(dbh_cm, dtype=object).ravel()), errors="coerce")
    d_all = d_all.to_numpy(dtype=float)
    usable = np.isfinite(d_all) & (d_all > 0)
    if not usable.any():
        return None
    arr = d_all[usable]
    med = float(np.median(arr))
    mx = float(arr.max())
    unit = normalize_dbh_unit(unit) if unit else None
    if height_m is not None:
        h_all = pd.to_numeric(
            pd.Series(np.asarray(height_m, dtype=object).ravel()), errors="coerce"
        )
        h_all = h_all.to_numpy(dtype=float)
        if h_all.shape == d_all.shape:
            both = usable & np.isfinite(h_all) & (h_all > 0)
            if both.sum() >= HD_RATIO_MIN_TREES:
                ratio = float(np.median(h_all[both] / d_all[both]))
                if ratio < HD_RATIO_LOW and not (unit or "").startswith("girth"):
                    return Message(
                        "Median height/DBH is {ratio:.2f} m per cm (trees usually have "
                        "0.3–1.2): the DBH values look about π times too large — if the column "
                        "holds girths (circumference), choose the girth unit.",
                        ratio=ratio,
                    )
                if ratio > HD_RATIO_HIGH:
                    return Message(
                        "Median height/DBH is {ratio:.2f} m per cm (trees usually have "
                        "0.3–1.2): the DBH values look about 10 times too small — check the DBH "
                        "unit (centimetres read as millimetres?) and the height unit (metres).",
                        ratio=ratio,
                    )
    if med > 150.0:
        return Message(
            "Median DBH is {med:.1f} cm (> 150 cm): values are probably in millimetres or are "
            "girths (circumference); check the DBH unit.",
            med=med,
        )
    if med < 1.0:
        return Message(
            "Median DBH is {med:.3f} cm (< 1 cm): values are probably in metres; "
            "check the DBH unit.",
            med=med,
        )
    if med < 3.0 and unit == "mm":
        return Message(
            "Median DBH is {med:.2f} cm (< 3 cm) with the unit set to millimetres: the values "
            "are probably in centimetres; check the DBH unit.",
            med=med,
        )
    if mx > 500.0:
        return Message(
            "Maximum DBH is {mx:.1f} cm (> 500 cm): check for unit or typing errors.", mx=mx
        )
    return None


def per_ha_to_per_rai(value: Any) -> Any:
    """Convert a quantity per hectare to per rai (divide by 6.25)."""
    return np.asarray(value, dtype=float) / RAI_PER_HA


def per_rai_to_per_ha(value: Any) -> Any:
    """Convert a quantity per rai to per hectare (multiply by 6.25)."""
    return np.asarray(value, dtype=float) * RAI_PER_HA
