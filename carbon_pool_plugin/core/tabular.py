"""Cleaning user tables: numbers typed by people, and column names in Thai or English.

Field sheets come from Excel and Thai keyboards: decimal commas ("12,5"), Thai digits ("๑๒.๕"),
thousands separators, units typed into the cell ("45 cm"), blanks and words ("ไม่ได้วัด" — not
measured). :func:`to_numeric` converts what it safely can and returns a mask of what it could not,
so the caller flags those rows instead of dropping them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_UNIT_SUFFIX = re.compile(r"\s*(cm|mm|m|ซม\.?|มม\.?|ม\.?|เซนติเมตร|เมตร)\s*$", re.IGNORECASE)
_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


def _clean_number_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_THAI_DIGITS).strip()
    text = _UNIT_SUFFIX.sub("", text).replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(text):
        return text.replace(",", "")
    if _COMMA_DECIMAL.match(text):
        return text.replace(",", ".")
    return text


def to_numeric(values: Iterable) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Convert user values to float.

    Returns ``(numbers, missing, invalid)``: ``numbers`` is float64 with NaN where no number could be
    read; ``missing`` marks empty cells (None, NaN, blank text); ``invalid`` marks cells that held
    something that is not a number (text, ``inf``). Unique strings are parsed once, so a column of a
    million repeated values costs little.
    """
    series = pd.Series(list(values) if not isinstance(values, pd.Series) else values, dtype=object)
    series = series.where(series.notna(), None)
    numeric = pd.to_numeric(series, errors="coerce").astype("float64")
    kind = pd.api.types.infer_dtype(series, skipna=True)
    if kind in ("floating", "integer", "mixed-integer-float", "empty", "boolean", "decimal"):
        missing = series.isna().to_numpy()  # no text in the column: nothing blank to look for
    elif kind == "string" and len(series) > 1000:
        codes, uniques = pd.factorize(series)
        blank = np.array([not v.strip() for v in uniques] + [False], dtype=bool)
        missing = series.isna().to_numpy() | blank[codes]
    else:
        missing = series.isna().to_numpy() | series.map(
            lambda v: isinstance(v, str) and not v.strip()
        ).to_numpy(dtype=bool)
    leftover = numeric.isna().to_numpy() & ~missing
    if leftover.any():
        texts = series[leftover].astype(str)
        uniques = pd.unique(texts)
        parsed = pd.to_numeric(pd.Series([_clean_number_text(t) for t in uniques]), errors="coerce")
        lookup = dict(zip(uniques, parsed.to_numpy(dtype="float64")))
        numeric.loc[leftover] = texts.map(lookup).to_numpy(dtype="float64")
    out = numeric.to_numpy(dtype="float64", copy=True)
    infinite = np.isinf(out)
    out[infinite] = np.nan
    invalid = np.isnan(out) & ~missing
    return out, missing, invalid


def to_text(values: Iterable) -> np.ndarray:
    """Strings with surrounding space removed; empty or missing cells become ``None``."""
    series = pd.Series(list(values) if not isinstance(values, pd.Series) else values, dtype=object)
    series = series.where(series.notna(), None)
    if len(series) > 1000 and pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        codes, uniques = pd.factorize(series)  # each distinct text cleaned once
        table = np.array([str(v).strip() or None for v in uniques] + [None], dtype=object)
        return table[codes]
    cleaned = series.map(lambda v: v if v is None else (str(v).strip() or None))
    return cleaned.to_numpy(dtype=object)


def _norm_header(name: str) -> str:
    name = unicodedata.normalize("NFC", str(name)).strip().lower()
    return re.sub(r"[\s_\-./()]+", "", name)


#: Common column names on Thai and English field sheets, per role (normalised on comparison).
COLUMN_ALIASES: Mapping[str, Sequence[str]] = {
    "species": (
        "species",
        "scientific_name",
        "scientificname",
        "sci_name",
        "taxon",
        "ชื่อวิทยาศาสตร์",
        "ชนิดไม้",
        "ชนิดพันธุ์",
        "พรรณไม้",
        "ชื่อพรรณไม้",
        "ชื่อพื้นเมือง",
        "ชื่อไม้",
        "ชื่อท้องถิ่น",
    ),
    "dbh": ("dbh", "dbh_cm", "d", "diameter", "diam", "เส้นผ่านศูนย์กลาง", "เส้นผ่าศูนย์กลาง", "dbh(cm)"),
    "girth": (
        "girth",
        "gbh",
        "cbh",
        "circumference",
        "girth_cm",
        "เส้นรอบวง",
        "เส้นรอบวง_ซม",
        "เส้นรอบวง(ซม.)",
        "เส้นรอบวงที่1.30ม",
    ),
    "height": ("height", "h", "height_m", "ht", "tree_height", "ความสูง", "ความสูง_ม", "ความสูง(ม.)"),
    "plot": ("plot", "plot_id", "plotid", "plot_no", "รหัสแปลง", "แปลง", "แปลงที่", "เลขแปลง"),
    "tag": ("tag", "tree_tag", "tree_id", "treeid", "tree_no", "เลขป้าย", "ป้าย", "ต้นที่", "เลขต้น"),
    "status": ("status", "state", "สถานะ", "สภาพ"),
    "wood_density": ("wd", "wood_density", "wsg", "ความหนาแน่นเนื้อไม้"),
    "life_form": ("life_form", "lifeform", "habit", "รูปชีวิต", "ประเภท"),
    "stems": ("stems", "multi_stem", "ลำต้น", "ลำ"),
    "stratum": ("stratum", "strata", "class_code", "ชั้นภูมิ", "รหัสประเภท", "ประเภทพื้นที่"),
    "plot_area": ("area_m2", "plot_area", "plot_area_m2", "พื้นที่แปลง", "พื้นที่แปลง_ตรม"),
    "fraction": ("fraction", "measured_fraction", "สัดส่วน", "สัดส่วนในพื้นที่สีเขียว"),
    "date": ("date", "date_1", "date1", "survey_date", "measure_date", "วันที่", "วันที่วัด"),
    "date2": ("date_2", "date2", "remeasure_date", "วันที่วัดซ้ำ", "วันที่วัดครั้งที่2"),
}


def detect_columns(headers: Sequence[str]) -> dict[str, str]:
    """Guess which header plays which role (first exact alias match wins; each header used once).

    Prefers a scientific-name column over a Thai vernacular one for ``species`` because the
    species table resolves both.
    """
    normalised = {h: _norm_header(h) for h in headers}
    found: dict[str, str] = {}
    used: set[str] = set()
    for role, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            key = _norm_header(alias)
            match = next((h for h, n in normalised.items() if n == key and h not in used), None)
            if match is not None:
                found[role] = match
                used.add(match)
                break
    return found


_MM = re.compile(r"(mm|มม|มิลลิเมตร)", re.IGNORECASE)
_METRE = re.compile(r"(_m$|\(m\)$|\bm$|metre|meter|\(ม\.?\)$|_ม$|เมตร)", re.IGNORECASE)
_GIRTH_WORDS = ("girth", "gbh", "cbh", "circ", "เส้นรอบวง", "รอบวง")


def guess_dbh_unit(header: str, role: str | None = None) -> str:
    """Guess the unit of a stem-size column from its header: ``cm``, ``mm``, ``girth_cm``, ``girth_m``.

    ``role`` is the :func:`detect_columns` role (``"girth"`` or ``"dbh"``) when known; otherwise
    girth is recognised from words such as girth, GBH, CBH, เส้นรอบวง. Default: diameter in cm.
    """
    text = unicodedata.normalize("NFC", str(header or "")).strip().lower()
    girth = role == "girth" or any(word in text for word in _GIRTH_WORDS)
    if girth:
        if "ซม" in text or "cm" in text:
            return "girth_cm"
        return "girth_m" if _METRE.search(text) else "girth_cm"
    return "mm" if _MM.search(text) else "cm"


#: Encodings tried, in order, for a text file that is not UTF-8 (Thai field sheets saved by Excel
#: or older Thai software are Windows-874, a superset of TIS-620): (Python codec, name returned,
#: which Qt/QGIS understands).
FALLBACK_ENCODINGS: Sequence[tuple] = (("cp874", "windows-874"),)


def detect_text_encoding(path: str, max_bytes: int = 8 * 1024 * 1024) -> str | None:
    """``None`` when the first ``max_bytes`` of ``path`` are valid UTF-8 (with or without BOM);
    otherwise the first of :data:`FALLBACK_ENCODINGS` that decodes them.

    Raises ``ValueError`` naming the file when no known encoding fits.
    """
    import codecs

    with open(path, "rb") as fh:
        data = fh.read(max_bytes)
        complete = not fh.read(1)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=complete)
        return None
    except UnicodeDecodeError as err:
        first_bad = err.start
    for codec, encoding in FALLBACK_ENCODINGS:
        try:
            data.decode(codec)
            return encoding
        except UnicodeDecodeError:
            continue
    raise ValueError(
        "The file {p} is not UTF-8 (invalid byte at offset {o}) and not Thai Windows-874/TIS-620; "
        "save it as UTF-8 (Excel: CSV UTF-8).".format(p=path, o=first_bad)
    )
