#!/usr/bin/env python3
"""Assemble the installable plugin folder and (optionally) the zip for plugins.qgis.org.

The folder ``<out>/carbon_pool_plugin`` is what QGIS loads: the package sources, compiled
translations, data packs and styles, plus ``metadata.txt``, ``LICENSE``, ``CHANGELOG.md`` and the icons
and layout templates from the top-level ``resources/``. Never included: ``__pycache__``, ``*.pyc``,
translation sources, tests, sample data, VCS files.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "carbon_pool_plugin"
EXCLUDE_DIRS = {"__pycache__", ".git", ".pytest_cache", "tests"}
EXCLUDE_SUFFIXES = {".pyc", ".pyo", ".ts", ".pro", ".orig", ".rej", ".so", ".dll", ".exe"}
TOP_FILES = ["metadata.txt", "LICENSE", "CHANGELOG.md", "README.md"]
RESOURCE_DIRS = ["icons", "templates"]


def _wanted(path: Path) -> bool:
    return not (set(path.parts) & EXCLUDE_DIRS) and path.suffix not in EXCLUDE_SUFFIXES


def build(out: Path) -> Path:
    target = out / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    source = ROOT / PLUGIN
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if path.is_file() and _wanted(rel):
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
    for name in TOP_FILES:
        shutil.copy2(ROOT / name, target / name)
    for name in RESOURCE_DIRS:
        src = ROOT / "resources" / name
        if src.is_dir():
            shutil.copytree(src, target / "resources" / name)
    return target


def make_zip(folder: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    if zip_path.exists():
        zip_path.unlink()
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            rel = Path(PLUGIN) / path.relative_to(folder)
            if path.is_file() and _wanted(rel):
                zf.write(path, rel.as_posix())
    size_mb = zip_path.stat().st_size / 1e6
    if size_mb > 25:
        sys.exit(f"package too large: {size_mb:.1f} MB > 25 MB")
    print(f"wrote {zip_path} ({size_mb:.2f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="build/plugin", type=Path)
    parser.add_argument("--zip", type=Path, default=None)
    args = parser.parse_args()
    folder = build(ROOT / args.out if not args.out.is_absolute() else args.out)
    print(f"built {folder}")
    if args.zip:
        make_zip(folder, ROOT / args.zip if not args.zip.is_absolute() else args.zip)


if __name__ == "__main__":
    main()
