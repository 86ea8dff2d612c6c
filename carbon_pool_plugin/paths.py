"""Locations of bundled files, valid both in the installed plugin and in a source checkout.

The installed plugin folder holds ``metadata.txt``, ``LICENSE`` and ``resources/`` itself; in a git
checkout they live one level up (the top-level files are the single source and ``make package``
copies them in).
"""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
DATA_DIR = PLUGIN_DIR / "data"
STYLES_DIR = PLUGIN_DIR / "styles"
I18N_DIR = PLUGIN_DIR / "i18n"


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def metadata_path() -> Path:
    return _first_existing(PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (installed copy first, then the checkout)."""
    return _first_existing(
        PLUGIN_DIR.joinpath("resources", *parts), PLUGIN_DIR.parent.joinpath("resources", *parts)
    )


@lru_cache(maxsize=1)
def metadata() -> dict:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata_path(), encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


def plugin_version() -> str:
    return metadata().get("version", "0.0.0")


def icon_path() -> str:
    return str(resource_path("icons", "carbonpool.svg"))
