"""core.pdf_text: the Thai text layer of a PDF laid out as Qt writes it, repaired in place."""

from __future__ import annotations

import shutil
import subprocess
import zlib

import pytest

from carbon_pool_plugin.core import pdf_text

# glyph code -> code point, as Qt's reverse-cmap ToUnicode gives them for a TLWG font
GLYPHS = {
    1: "\u0e04",  # ค
    2: "\u0e32",  # า  SARA AA
    3: "\u0e23",  # ร
    4: "\uf70e",  # ์  lowered THANTHAKHAT (presentation form)
    5: "\u0e1a",  # บ
    6: "\u0e2d",  # อ
    7: "\u0e19",  # น
    8: "\t",  # the space glyph's first code point
    9: "\u0e4d",  # ํ  NIKHAHIT
    10: "\u0e49",  # ้
    11: "\u0e1c",  # ผ
    12: "\u0e39",  # ู
    13: "\uf70b",  # ้  lowered MAI THO
}
# คาร์บอน น้ำ ผู้ : glyph order as shaped (SARA AM decomposed, tone before the below vowel)
SEQUENCE = [1, 2, 3, 4, 5, 6, 7, 8, 7, 9, 10, 2, 8, 11, 13, 12]
EXPECTED = "คาร์บอน น้ำ ผู้"


def _qt_like_pdf() -> bytes:
    cmap = "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
            "1 beginbfrange",
            "<0001> <{:04X}> [{}]".format(
                len(GLYPHS), " ".join("<{:04X}>".format(ord(GLYPHS[g])) for g in sorted(GLYPHS))
            ),
            "endbfrange",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    ).encode()
    lines = ["BT", "/F7 12 Tf 1 0 0 -1 0 0 Tm"]
    for k, g in enumerate(SEQUENCE):
        dx = "0" if GLYPHS[g] in "\u0e4d\u0e49\u0e39\uf70e\uf70b" else "6.5"
        lines.append(
            "{} {} Td <{:04X}> Tj".format("0" if k == 0 else dx, "-20" if k == 0 else 0, g)
        )
    lines.append("ET")
    content = zlib.compress("\n".join(lines).encode())
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources 6 0 R"
        b" /MediaBox [0 0 200 50] >>",
        4: b"<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n" + content + b"\nendstream",
        5: str(len(content)).encode(),
        6: b"<< /Font << /F7 7 0 R >> >>",
        7: b"<< /Type /Font /Subtype /Type0 /BaseFont /Loma /Encoding /Identity-H"
        b" /DescendantFonts [8 0 R] /ToUnicode 9 0 R >>",
        8: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Loma /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        9: b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    }
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num, body in objects.items():
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for num in sorted(objects):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_text_layer_is_repaired(tmp_path):
    path = tmp_path / "qt.pdf"
    original = _qt_like_pdf()
    path.write_bytes(original)
    assert pdf_text.fix_thai_text_layer(str(path)) == 2  # the CMap and the page content
    data = path.read_bytes()
    assert data.startswith(original)  # an incremental update: the original bytes stay
    pdf = pdf_text._Pdf(data)
    cmap = pdf_text._parse_cmap(pdf.obj(9)[1])
    assert cmap[4] == "\u0e4c" and cmap[13] == "\u0e49" and cmap[8] == " "
    content = pdf.obj(4)[1]
    assert b"/ActualText <FEFF0E190E490E33>" in content  # น้ำ
    assert b"/ActualText <FEFF0E1C0E390E49>" in content  # ผู้ in canonical order
    # glyph drawing unchanged apart from the spans and the invisible anchors
    assert content.count(b"> Tj") - content.count(b"3 Tr <") == len(SEQUENCE)
    # a second run finds nothing left to repair
    assert pdf_text.fix_thai_text_layer(str(path)) == 0
    if shutil.which("pdftotext"):
        out = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert out.split() == EXPECTED.split()


def test_not_a_classic_xref_is_left_alone(tmp_path):
    path = tmp_path / "other.pdf"
    path.write_bytes(b"%PDF-1.5\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n")
    before = path.read_bytes()
    assert pdf_text.fix_thai_text_layer(str(path)) == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "pua, char",
    [("\uf70a", "\u0e48"), ("\uf70e", "\u0e4c"), ("\uf700", "\u0e10"), ("\uf71a", "\u0e3a")],
)
def test_presentation_forms(pua, char):
    assert pdf_text.THAI_PUA[ord(pua)] == char
