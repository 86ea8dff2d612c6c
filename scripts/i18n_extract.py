#!/usr/bin/env python3
"""Refresh ``carbon_pool_plugin/i18n/carbonpool_<lang>.ts`` from the ``tr("...")`` calls in the code.

The plugin uses ONE translation context (``CarbonPool``, see ``carbon_pool_plugin/i18n.py``), which
``pylupdate5`` cannot express for module-level ``tr()`` helpers (it names contexts after classes), so
the strings are collected here with :mod:`ast` and written in Qt Linguist's ``.ts`` format, keeping
existing translations. ``lrelease`` (qttools5-dev-tools) compiles the result to ``.qm``.
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "carbon_pool_plugin"
CONTEXT = "CarbonPool"


def extract_strings(paths: list[Path]) -> dict[str, list[str]]:
    """Map each literal passed to ``tr()``/``self.tr()`` to the places it occurs."""
    found: dict[str, list[str]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name != "tr":
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                where = f"{path.relative_to(ROOT).as_posix()}:{node.lineno}"
                found.setdefault(arg.value, []).append(where)
    return found


def source_files() -> list[Path]:
    return sorted(p for p in PLUGIN.rglob("*.py") if "__pycache__" not in p.parts)


def read_ts(path: Path) -> dict[str, tuple[str, str]]:
    """Existing translations: source -> (translation, type attribute)."""
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        tnode = message.find("translation")
        out[source] = (
            (tnode.text or "") if tnode is not None else "",
            tnode.get("type", "") if tnode is not None else "unfinished",
        )
    return out


def write_ts(path: Path, lang: str, strings: dict[str, list[str]]) -> tuple[int, int]:
    old = read_ts(path)
    root = ET.Element("TS", version="2.1", language=lang)
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    unfinished = 0
    for source in sorted(strings):
        msg = ET.SubElement(ctx, "message")
        for where in strings[source]:
            file_, line = where.rsplit(":", 1)
            ET.SubElement(msg, "location", filename="../../" + file_, line=line)
        ET.SubElement(msg, "source").text = source
        text, kind = old.get(source, ("", "unfinished"))
        tnode = ET.SubElement(msg, "translation")
        tnode.text = text
        if kind == "unfinished" or not text:
            tnode.set("type", "unfinished")
            unfinished += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return len(strings), unfinished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="th")
    args = parser.parse_args()
    strings = extract_strings(source_files())
    ts = PLUGIN / "i18n" / f"carbonpool_{args.lang}.ts"
    total, unfinished = write_ts(ts, args.lang, strings)
    print(f"{ts.relative_to(ROOT)}: {total} strings, {unfinished} unfinished")
    if unfinished:
        print("translate the unfinished entries (Qt Linguist or any text editor)", file=sys.stderr)


if __name__ == "__main__":
    main()
