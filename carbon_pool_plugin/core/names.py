"""File and folder names from user text (municipality codes and names), Thai included.

Plain Python, no QGIS import. Windows is the strictest target: ``<>:"/\\|?*``, control characters,
trailing dots and spaces and reserved device names (``CON``, ``NUL``, ``COM1`` …) are not allowed,
and names differ only by letter case collide.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Dict, Iterable

#: longest name made here, in UTF-8 bytes (a Thai letter is 3): room below the 255-byte limit
#: for prefixes and suffixes the batch adds (".partial-old-<name>-<pid>")
MAX_NAME_BYTES = 120

_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}


def safe_file_name(text: str, fallback: str = "municipality") -> str:
    """``text`` as a readable file or folder name.

    Letters, combining marks and digits of any script (Thai included) and ``.``, ``_``, ``-``
    are kept; every run of other characters becomes ``_``; leading/trailing dots, underscores
    and spaces go (no hidden files, no ``..``). Empty or reserved results get ``fallback``; a
    name longer than :data:`MAX_NAME_BYTES` is cut and gets a hash of the whole text.
    """
    out = []
    for ch in unicodedata.normalize("NFC", str(text)):
        if unicodedata.category(ch)[0] in "LMN" or ch in "._-":
            out.append(ch)
        elif not out or out[-1] != "_":
            out.append("_")
    name = "".join(out).strip("._ ")
    if not name or name.split(".")[0].upper() in _RESERVED:
        return fallback if not name else "{}_{}".format(fallback, name)
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:  # file systems allow 255 bytes a name
        cut = name.encode("utf-8")[: MAX_NAME_BYTES - 9].decode("utf-8", "ignore").rstrip("._ ")
        name = "{}_{}".format(cut, short_hash(text))
    return name


def short_hash(text: str, length: int = 8) -> str:
    """A short, stable hex digest of ``text`` (distinguishes names that clean up the same)."""
    return hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:length]


def unique_folder_names(codes: Iterable[str]) -> Dict[str, str]:
    """One folder name per code: :func:`safe_file_name`, plus ``_<hash>`` for every code whose
    name would clash with another's ignoring letter case (``A/1`` and ``A 1``, ``a`` and ``A``)."""
    codes = list(dict.fromkeys(str(c) for c in codes))
    base = {code: safe_file_name(code) for code in codes}
    counts: Dict[str, int] = {}
    for name in base.values():
        counts[name.lower()] = counts.get(name.lower(), 0) + 1
    return {
        code: name if counts[name.lower()] == 1 else "{}_{}".format(name, short_hash(code))
        for code, name in base.items()
    }


def sqlite_uri(path: str, mode: str = "ro") -> str:
    """``path`` as an SQLite URI (``file:…?mode=ro``); ``%``, ``?`` and ``#`` in it are characters
    of the file name, not URI syntax."""
    quoted = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return "file:{}?mode={}".format(quoted, mode)
