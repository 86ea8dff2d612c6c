"""Make the text layer of a Qt-written PDF read back as real Thai (search, copy, pdftotext).

Qt's PDF engine (QGIS layout export) embeds each font as a subset whose ``/ToUnicode`` CMap
maps every glyph to the *first* code point in the font's ``cmap`` that selects it. Thai shaping
(HarfBuzz) draws some marks with positional glyph variants; in the TLWG fonts, Tahoma,
Arundina and most Thai fonts those variants are reachable only through the Thai presentation
forms in the Private Use Area (U+F700–U+F71A), so a lowered tone mark reads back as
U+F70E instead of U+0E4C. HarfBuzz also always decomposes SARA AM (ำ) into NIKHAHIT + SARA AA
(and moves NIKHAHIT before a tone mark), so ``น้ำ`` reads back as ``นํ้า``. Fonts without PUA
forms (Noto Sans/Serif Thai) are worse: their variant glyphs are unencoded, get no
``/ToUnicode`` entry and vanish from the extracted text.

:func:`fix_thai_text_layer` repairs a PDF in place with an *incremental update* (new versions
of the changed objects appended after the original bytes, which stay untouched):

* every ``/ToUnicode`` CMap is rewritten with the presentation forms mapped to the standard
  characters (and U+0009, the first code point of the space glyph in some fonts, to a space);
* in each page content stream, a NIKHAHIT glyph followed by tone-mark glyphs and a SARA AA
  glyph is wrapped in a ``/Span <</ActualText (…)>> BDC … EMC`` marked-content sequence whose
  text is the logical ``tone + ำ`` order.

The glyphs, their positions and the embedded fonts are not changed, so the page looks exactly
as before. Anything that does not have the layout Qt writes (cross-reference streams, unknown
operators around the glyphs) is left as it is. No QGIS import.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from typing import Dict, List, Optional, Tuple

#: Thai presentation forms in the Private Use Area (U+F700–U+F71A, the Microsoft/Apple layout
#: that TLWG, Tahoma and other Thai fonts map to their positional glyph variants) -> the
#: standard character.
THAI_PUA: Dict[int, str] = {
    0xF700: "\u0e10",
    0xF701: "\u0e34",
    0xF702: "\u0e35",
    0xF703: "\u0e36",
    0xF704: "\u0e37",
    0xF705: "\u0e48",
    0xF706: "\u0e49",
    0xF707: "\u0e4a",
    0xF708: "\u0e4b",
    0xF709: "\u0e4c",
    0xF70A: "\u0e48",
    0xF70B: "\u0e49",
    0xF70C: "\u0e4a",
    0xF70D: "\u0e4b",
    0xF70E: "\u0e4c",
    0xF70F: "\u0e0d",
    0xF710: "\u0e31",
    0xF711: "\u0e4d",
    0xF712: "\u0e47",
    0xF713: "\u0e48",
    0xF714: "\u0e49",
    0xF715: "\u0e4a",
    0xF716: "\u0e4b",
    0xF717: "\u0e4c",
    0xF718: "\u0e38",
    0xF719: "\u0e39",
    0xF71A: "\u0e3a",
}
_FIX = dict(THAI_PUA)
_FIX[0x09] = " "

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
TONES = "\u0e48\u0e49\u0e4a\u0e4b"
#: Thai combining marks (above and below vowels, tone marks, signs)
THAI_MARKS = (
    "\u0e31"
    + "".join(chr(c) for c in range(0x0E34, 0x0E3B))
    + "".join(chr(c) for c in range(0x0E47, 0x0E4F))
)

_GLYPH_LINE = re.compile(rb"^-?[\d.]+ -?[\d.]+ Td <([0-9A-Fa-f]+)> Tj$")
_GLYPH_LINE_TD = re.compile(rb"^(-?[\d.]+) (-?[\d.]+) Td ")
_MARKED = re.compile(rb"\b(BDC|BMC|EMC)\b")
_TF = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+-?[\d.]+\s+Tf\b")


class _Pdf:
    """Just enough of a PDF reader for files with classic cross-reference tables."""

    def __init__(self, data: bytes):
        self.data = data
        self.offsets: Dict[int, int] = {}
        self.trailer = b""
        self.startxref = 0
        self._read_xref()

    def _read_xref(self) -> None:
        found = re.findall(rb"startxref\s+(\d+)", self.data[-2048:])
        if not found:
            raise ValueError("no startxref")
        self.startxref = pos = int(found[-1])
        seen = set()
        first = True
        while pos not in seen:
            seen.add(pos)
            if not self.data.startswith(b"xref", pos):
                raise ValueError("not a classic cross-reference table")
            head = re.compile(rb"\s*(\d+)\s+(\d+)[ \t]*\r?\n")
            i = pos + 4
            while True:
                m = head.match(self.data, i)
                if not m:
                    break
                start, count = int(m.group(1)), int(m.group(2))
                i = m.end()
                for k in range(count):
                    entry = self.data[i : i + 20]
                    i += 20
                    if entry[17:18] == b"n":
                        self.offsets.setdefault(start + k, int(entry[:10]))
            t = self.data.find(b"trailer", i)
            if t < 0:
                raise ValueError("no trailer")
            trailer = self._dict_at(self.data.find(b"<<", t))
            if first:
                self.trailer, first = trailer, False
            prev = re.search(rb"/Prev\s+(\d+)", trailer)
            if not prev:
                break
            pos = int(prev.group(1))

    def _dict_at(self, start: int) -> bytes:
        """The ``<< … >>`` dictionary starting at ``start`` (nested dictionaries included)."""
        depth, i, data = 0, start, self.data
        while i < len(data):
            if data.startswith(b"<<", i):
                depth += 1
                i += 2
            elif data.startswith(b">>", i):
                depth -= 1
                i += 2
                if depth == 0:
                    return data[start:i]
            elif data[i : i + 1] == b"(":
                level = 0
                while i < len(data):
                    c = data[i : i + 1]
                    if c == b"\\":
                        i += 2
                        continue
                    level += c == b"("
                    level -= c == b")"
                    i += 1
                    if level == 0:
                        break
            else:
                i += 1
        raise ValueError("unterminated dictionary")

    def obj(self, num: int) -> Tuple[bytes, Optional[bytes]]:
        """(dictionary or value text, decoded stream or None) of object ``num``."""
        off = self.offsets.get(num)
        if off is None:
            return b"", None
        m = re.compile(rb"%d\s+0\s+obj\s*" % num).match(self.data, off)
        if not m:
            raise ValueError("object {} not at its offset".format(num))
        start = m.end()
        if not self.data.startswith(b"<<", start):
            end = self.data.find(b"endobj", start)
            return self.data[start:end].strip(), None
        head = self._dict_at(start)
        s = re.compile(rb"\s*stream\r?\n").match(self.data, start + len(head))
        if not s:
            return head, None
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
        if not length:
            raise ValueError("stream without /Length")
        n = int(length.group(1))
        if length.group(2):
            n = int(self.obj(n)[0])
        raw = self.data[s.end() : s.end() + n]
        if re.search(rb"/Filter\s*/FlateDecode", head):
            raw = zlib.decompress(raw)
        elif b"/Filter" in head:
            return head, None
        return head, raw

    def refs(self, text: bytes, key: bytes) -> List[int]:
        """Object numbers referenced by ``key`` (``/Key N 0 R`` or ``/Key [N 0 R …]``)."""
        m = re.search(re.escape(key) + rb"\s*(\[[^\]]*\]|\d+\s+0\s+R)", text)
        if not m:
            return []
        return [int(x) for x in re.findall(rb"(\d+)\s+0\s+R", m.group(1))]

    def resolve_dict(self, text: bytes, key: bytes) -> bytes:
        """The dictionary under ``key`` in ``text``, direct or through a reference."""
        m = re.search(re.escape(key) + rb"\s*(\d+)\s+0\s+R", text)
        if m:
            return self.obj(int(m.group(1)))[0]
        i = re.search(re.escape(key) + rb"\s*<<", text)
        if not i:
            return b""
        sub = _Pdf.__new__(_Pdf)
        sub.data = text
        return sub._dict_at(i.end() - 2)


def _parse_cmap(cmap: bytes) -> Dict[int, str]:
    """glyph code -> text of a ``/ToUnicode`` CMap (bfchar and bfrange sections)."""

    def utf16(hexstr: bytes) -> str:
        raw = bytes.fromhex(hexstr.decode("ascii"))
        return raw.decode("utf-16-be", errors="replace")

    out: Dict[int, str] = {}
    for body in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", body):
            out[int(src, 16)] = utf16(dst)
    for body in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        entry = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)")
        for lo, hi, dst in entry.findall(body):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for k, item in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", dst)):
                    out[lo + k] = utf16(item)
            else:
                base = utf16(dst[1:-1])
                for k in range(hi - lo + 1):
                    out[lo + k] = base[:-1] + chr(ord(base[-1]) + k) if base else ""
    return out


def _fix_text(value: str) -> str:
    return value.translate(_FIX)


def _write_cmap(mapping: Dict[int, str]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin",
        b"12 dict begin",
        b"begincmap",
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        b"/CMapName /Adobe-Identity-UCS def",
        b"/CMapType 2 def",
        b"1 begincodespacerange",
        b"<0000> <FFFF>",
        b"endcodespacerange",
    ]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i : i + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        for code, text in chunk:
            lines.append(b"<%04X> <%s>" % (code, text.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines += [
        b"endcmap",
        b"CMapName currentdict /CMap defineresource pop",
        b"end",
        b"end",
    ]
    return b"\n".join(lines) + b"\n"


def _num(value: float) -> bytes:
    text = "{:.6f}".format(value).rstrip("0").rstrip(".")
    return (text if text not in ("-0", "") else "0").encode()


def _actual_text(text: str) -> bytes:
    # canonical mark order: shaping may emit a tone mark's glyph before a below vowel's
    text = unicodedata.normalize("NFC", text)
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _is_mark(text: str) -> bool:
    return len(text) == 1 and text in THAI_MARKS


def _mark_clusters(content: bytes, fonts: Dict[bytes, Dict[int, str]]) -> Tuple[bytes, int]:
    """Wrap each Thai cluster drawn with marks in an ActualText span; (stream, spans added).

    A cluster is a base glyph followed by the glyphs of its combining marks (one
    ``x y Td <glyph> Tj`` line each, as Qt writes them), plus the SARA AA glyph when the marks
    end with NIKHAHIT and tone marks (a decomposed SARA AM). Its ActualText is the logical text,
    so extraction neither reorders the marks by their x position nor sees a gap after a mark
    shifted to the left.
    """
    lines = content.split(b"\n")
    out: List[bytes] = []
    current: Dict[int, str] = {}
    count = 0
    uses_tr = re.search(rb"\bTr\b", content) is not None

    def glyph_text(line: bytes) -> Optional[str]:
        g = _GLYPH_LINE.match(line)
        return current.get(int(g.group(1), 16)) if g else None

    actual = []  # enclosing marked-content sequences: True where one has an ActualText
    i = 0
    while i < len(lines):
        line = lines[i]
        tf = _TF.search(line)
        if tf:
            current = fonts.get(tf.group(1), {})
        for op in _MARKED.findall(line):
            if op == b"EMC":
                if actual:
                    actual.pop()
            else:
                actual.append(op == b"BDC" and b"/ActualText" in line)
        first = glyph_text(line)
        if first is None or any(actual):
            out.append(line)
            i += 1
            continue
        texts = [first]
        j = i + 1
        while j < len(lines):
            t = glyph_text(lines[j])
            if t is None or not _is_mark(t):
                break
            texts.append(t)
            j += 1
        marks = texts[1:] if not _is_mark(first) else texts
        if NIKHAHIT in marks and j < len(lines) and glyph_text(lines[j]) == SARA_AA:
            k = len(texts) - 1 - texts[::-1].index(NIKHAHIT)
            if all(t in TONES for t in texts[k + 1 :]):
                texts = texts[:k] + texts[k + 1 :] + [SARA_AM]
                j += 1
        if j - i < 2:
            out.append(line)
            i += 1
            continue
        out.append(b"/Span <</ActualText " + _actual_text("".join(texts)) + b">> BDC")
        out.extend(lines[i:j])
        if not _is_mark(first) and _is_mark(texts[-1]) and not uses_tr:
            # A span reaches to the end of its last glyph: a mark drawn left of the base's
            # right edge would leave a gap read as a space. Draw the base again, invisibly
            # (render mode 3), from the base's origin, then restore the line origin.
            sx = sum(float(_GLYPH_LINE_TD.match(x).group(1)) for x in lines[i + 1 : j])
            sy = sum(float(_GLYPH_LINE_TD.match(x).group(2)) for x in lines[i + 1 : j])
            base = _GLYPH_LINE.match(line).group(1)
            out.append(
                b"%s %s Td 3 Tr <%s> Tj 0 Tr %s %s Td"
                % (_num(-sx), _num(-sy), base, _num(sx), _num(sy))
            )
        out.append(b"EMC")
        count += 1
        i = j
    return b"\n".join(out), count


def fix_thai_text_layer(path: str) -> int:
    """Repair the Thai text layer of the PDF at ``path`` in place; the number of objects updated.

    0 means there was nothing to repair (or the file is not laid out as Qt writes it).
    """
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        pdf = _Pdf(data)
    except ValueError:
        return 0
    updates: Dict[int, bytes] = {}
    cmaps: Dict[int, Dict[int, str]] = {}  # font object -> fixed glyph map
    font_objects: Dict[int, int] = {}  # font object -> ToUnicode object
    pages: List[Tuple[int, bytes]] = []
    for num in sorted(pdf.offsets):
        try:
            head, _stream = pdf.obj(num)
        except (ValueError, zlib.error):
            continue
        if re.search(rb"/Type\s*/Font\b", head):
            ref = pdf.refs(head, b"/ToUnicode")
            if ref:
                font_objects[num] = ref[0]
        elif re.search(rb"/Type\s*/Page\b", head):
            pages.append((num, head))
    for font, cmap_num in font_objects.items():
        try:
            _head, stream = pdf.obj(cmap_num)
        except (ValueError, zlib.error):
            continue
        if stream is None:
            continue
        mapping = _parse_cmap(stream)
        fixed = {code: _fix_text(text) for code, text in mapping.items()}
        cmaps[font] = fixed
        if fixed != mapping and cmap_num not in updates:
            body = _write_cmap(fixed)
            updates[cmap_num] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)
    if not cmaps:
        return 0
    for _num, head in pages:
        try:
            font_dict = pdf.resolve_dict(pdf.resolve_dict(head, b"/Resources"), b"/Font")
        except ValueError:
            continue
        names = {
            name: int(obj)
            for name, obj in re.findall(rb"/([^\s/\[\]()<>{}%]+)\s+(\d+)\s+0\s+R", font_dict)
        }
        fonts = {name: cmaps.get(obj, {}) for name, obj in names.items()}
        for content in pdf.refs(head, b"/Contents"):
            if content in updates:
                continue
            try:
                _chead, stream = pdf.obj(content)
            except (ValueError, zlib.error):
                continue
            if stream is None:
                continue
            marked, count = _mark_clusters(stream, fonts)
            if count:
                packed = zlib.compress(marked, 6)
                updates[content] = (
                    b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream"
                    % (
                        len(packed),
                        packed,
                    )
                )
    if not updates:
        return 0
    with open(path, "wb") as handle:
        handle.write(_append_update(data, pdf, updates))
    return len(updates)


def _append_update(data: bytes, pdf: _Pdf, objects: Dict[int, bytes]) -> bytes:
    """``data`` followed by an incremental update that replaces ``objects``."""
    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for num in sorted(objects):
        out += b"%d 1\n%010d 00000 n \n" % (num, offsets[num])
    trailer = pdf.trailer
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))
    size = max(size, max(objects) + 1)
    parts = [b"/Size %d" % size]
    for key in (rb"/Root\s+\d+\s+\d+\s+R", rb"/Info\s+\d+\s+\d+\s+R", rb"/ID\s*\[[^\]]*\]"):
        m = re.search(key, trailer)
        if m:
            parts.append(m.group(0))
    parts.append(b"/Prev %d" % pdf.startxref)
    out += b"trailer\n<< " + b" ".join(parts) + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
