"""The Thai translation is complete: every tr() string and every Designer string is translated, and
placeholders survive translation (a lost ``{n}`` would crash ``.format`` at run time)."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "carbon_pool_plugin" / "i18n" / "carbonpool_th.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d|%[sd]")


def _extractor():
    spec = importlib.util.spec_from_file_location(
        "i18n_extract", ROOT / "scripts" / "i18n_extract.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_source_string_is_in_the_ts():
    strings = _extractor().collect()
    in_ts = {(ctx, src) for ctx, src, _ in _messages()}
    missing = [
        (ctx, src) for ctx, sources in strings.items() for src in sources if (ctx, src) not in in_ts
    ]
    assert not missing, f"{len(missing)} strings not in the .ts (run make transup): {missing[:5]}"


def test_no_unfinished_translations():
    unfinished = [
        src
        for _ctx, src, t in _messages()
        if t is None or t.get("type") == "unfinished" or not t.text
    ]
    assert not unfinished, f"{len(unfinished)} unfinished: {unfinished[:5]}"


def test_placeholders_kept():
    bad = []
    for _ctx, src, t in _messages():
        if (
            t is not None
            and t.text
            and sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(t.text))
        ):
            bad.append(src)
    assert not bad, bad[:5]


def test_translations_are_thai():
    thai = re.compile("[\u0e00-\u0e7f]")
    texts = [t.text for _c, _s, t in _messages() if t is not None and t.text]
    assert texts and sum(bool(thai.search(x)) for x in texts) / len(texts) > 0.9
