#!/usr/bin/env python3
"""Refresh ``carbon_pool_plugin/i18n/carbonpool_<lang>.ts`` from the sources.

Two kinds of strings:

* code: every literal passed to ``tr("...")`` / ``self.tr("...")``. The plugin uses ONE translation
  context for code (``CarbonPool``, see ``carbon_pool_plugin/i18n.py``), which ``pylupdate5`` cannot
  express for module-level helpers (it names contexts after classes), so they are collected with
  :mod:`ast`;
* Qt Designer forms (``*.ui``): every ``<string>`` not marked ``notr="true"``, in the context Qt's
  ``uic`` uses at run time — the form's class name.

Existing translations are kept; new strings are marked unfinished. ``lrelease`` (qttools5-dev-tools)
compiles the result to ``.qm`` (``make transcompile``).
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "carbon_pool_plugin"
CODE_CONTEXT = "CarbonPool"

Strings = dict  # context -> {source text -> [locations]}


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT).as_posix()}:{line}"


def extract_code(paths: list[Path], found: Strings) -> None:
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            arg = node.args[0]
            if (
                name in ("tr", "Message")
                and isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
            ):
                found.setdefault(CODE_CONTEXT, {}).setdefault(arg.value, []).append(
                    _where(path, node.lineno)
                )


def extract_ui(paths: list[Path], found: Strings) -> None:
    for path in paths:
        root = ET.parse(path).getroot()
        context = root.findtext("class") or path.stem
        for node in root.iter("string"):
            if node.get("notr") == "true" or not (node.text or "").strip():
                continue
            found.setdefault(context, {}).setdefault(node.text, []).append(_where(path, 0))


def collect() -> Strings:
    found: Strings = {}
    extract_code(sorted(p for p in PLUGIN.rglob("*.py") if "__pycache__" not in p.parts), found)
    extract_ui(sorted(PLUGIN.rglob("*.ui")), found)
    return found


def read_ts(path: Path) -> dict:
    """Existing translations: (context, source) -> (translation, finished?)."""
    if not path.exists():
        return {}
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tnode = message.find("translation")
            text = (tnode.text or "") if tnode is not None else ""
            finished = tnode is not None and tnode.get("type") != "unfinished" and bool(text)
            out[(name, message.findtext("source") or "")] = (text, finished)
    return out


def write_ts(
    path: Path, lang: str, strings: Strings, imported: dict | None = None
) -> tuple[int, int]:
    """Write the .ts; ``imported`` ({source: translation}) overrides what the file had."""
    old = read_ts(path)
    # a translation survives a move between contexts (e.g. a string moved from code to a form)
    by_source = {src: val for (_ctx, src), val in old.items() if val[1]}
    root = ET.Element("TS", version="2.1", language=lang)
    total = unfinished = 0
    for context_name in sorted(strings):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context_name
        for source in sorted(strings[context_name]):
            msg = ET.SubElement(ctx, "message")
            for where in strings[context_name][source]:
                file_, line = where.rsplit(":", 1)
                ET.SubElement(msg, "location", filename="../../" + file_, line=line)
            ET.SubElement(msg, "source").text = source
            text, finished = old.get((context_name, source), by_source.get(source, ("", False)))
            if imported and (imported.get(source) or "").strip():
                text, finished = imported[source], True
            tnode = ET.SubElement(msg, "translation")
            tnode.text = text
            total += 1
            if not finished:
                tnode.set("type", "unfinished")
                unfinished += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return total, unfinished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="th")
    parser.add_argument(
        "--import-json",
        type=Path,
        nargs="*",
        default=[],
        help="JSON files {source: translation} to merge before writing",
    )
    args = parser.parse_args()
    ts = PLUGIN / "i18n" / f"carbonpool_{args.lang}.ts"
    imported: dict = {}
    for path in args.import_json:
        imported.update(json.loads(path.read_text(encoding="utf-8")))
    total, unfinished = write_ts(ts, args.lang, collect(), imported)
    print(f"{ts.relative_to(ROOT)}: {total} strings, {unfinished} unfinished")
    if unfinished:
        print("translate the unfinished entries (Qt Linguist or any text editor)", file=sys.stderr)


if __name__ == "__main__":
    main()
