"""Self-contained HTML5 version of the municipal carbon report (pure Python, no QGIS).

One UTF-8 file, no external resources: images (map and charts) are embedded as base64 PNG. The
markup is XHTML-style (every element closed, void elements self-closed, text escaped) so both
browsers and XML parsers read it.
"""

from __future__ import annotations

import base64
from html import escape
from typing import Dict, List, Optional, Sequence, Tuple

from .report_model import ReportData, Table

CSS = """
body{font-family:"Laksaman","TH Sarabun New","Sarabun","Loma","Garuda","Leelawadee UI","Tahoma",sans-serif;
margin:0;color:#222;background:#f4f4f4;line-height:1.5}
main{max-width:60rem;margin:0 auto;background:#fff;padding:0 2rem 2rem}
header.cover{background:#1b7837;color:#fff;padding:1.5rem 2rem;margin:0 -2rem 1.5rem;
display:flex;gap:1.5rem;align-items:center}
header.cover img{max-height:6rem;background:#fff;padding:.3rem}
header.cover h1{margin:0;font-size:1.7rem}
header.cover p{margin:.2rem 0 0;color:#e5f5e0}
h2{color:#1b7837;border-bottom:2px solid #a6dba0;padding-bottom:.2rem;margin-top:2rem}
h3{color:#1b7837;margin-bottom:.3rem}
.key{background:#f0f7ee;padding:1rem 1.5rem;margin:1rem 0}
.key .value{font-size:2rem;font-weight:bold;color:#1b7837}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.3rem 0 1rem}
th{background:#1b7837;color:#fff;text-align:left;padding:.3rem .5rem}
td{padding:.25rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.pairs td:first-child{width:45%;color:#444}
figure{margin:1rem 0}
figure img{max-width:100%;border:1px solid #ddd}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}
.muted{color:#666;font-size:.85rem}
footer{margin-top:2rem;color:#666;font-size:.85rem;border-top:1px solid #ddd;padding-top:.5rem}
"""


def _img(path: Optional[str], alt: str) -> str:
    if not path:
        return ""
    with open(path, "rb") as handle:
        data = base64.b64encode(handle.read()).decode("ascii")
    return '<img src="data:image/png;base64,{}" alt="{}" />'.format(data, escape(alt))


def _pairs(rows: Sequence[Tuple[str, str]]) -> str:
    if not rows:
        return ""
    body = "".join("<tr><td>{}</td><td>{}</td></tr>".format(escape(a), escape(b)) for a, b in rows)
    return '<table class="pairs"><tbody>{}</tbody></table>'.format(body)


def _table(table: Optional[Table]) -> str:
    if table is None:
        return ""
    right = list(table.align_right) + [False] * len(table.headers)
    head = "".join(
        "<th{}>{}</th>".format(' class="num"' if right[i] else "", escape(h))
        for i, h in enumerate(table.headers)
    )
    rows = []
    for row in table.rows:
        cells = "".join(
            "<td{}>{}</td>".format(' class="num"' if right[i] else "", escape(str(c)))
            for i, c in enumerate(row)
        )
        rows.append("<tr>{}</tr>".format(cells))
    return "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>".format(head, "".join(rows))


def build_html(
    data: ReportData,
    charts: Dict[str, str],
    map_png: Optional[str] = None,
    seq_map_png: Optional[str] = None,
    logo_png: Optional[str] = None,
    credits: str = "",
) -> str:
    """The complete HTML document as a string."""
    t = data.t
    parts: List[str] = [
        "<!DOCTYPE html>",
        '<html lang="{0}" xml:lang="{0}" xmlns="http://www.w3.org/1999/xhtml">'.format(data.lang),
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta name="generator" content="{}" />'.format(escape(data.prepared_with)),
        "<title>{} — {}</title>".format(escape(data.title), escape(data.municipality_name)),
        "<style>{}</style>".format(CSS),
        "</head>",
        "<body>",
        "<main>",
        '<header class="cover">',
        _img(logo_png, "logo") if logo_png else "",
        "<div><h1>{}</h1><p>{}</p></div>".format(escape(data.title), escape(data.subtitle)),
        "</header>",
        "<h2>{}</h2>".format(escape(data.municipality_name)),
        "<p>{}{}</p>".format(
            escape(data.municipality_type_label),
            (" · " + escape(t("muni_code")) + " " + escape(data.municipality_code))
            if data.municipality_code
            else "",
        ),
        '<div class="key"><div>{}</div><div class="value">{}</div><div class="muted">{}</div>'
        "</div>".format(
            escape(data.key_figure_label), escape(data.key_figure), escape(data.key_figure_ci)
        ),
        '<p class="muted">{} · {}</p>'.format(
            escape(t("generated_on", date=data.date_text)), escape(data.prepared_with)
        ),
    ]
    if map_png:
        parts += [
            "<h2>{}</h2>".format(escape(t("sec_map"))),
            '<figure>{}<figcaption class="muted">{}</figcaption></figure>'.format(
                _img(map_png, t("sec_map")), escape(credits)
            ),
        ]
    if seq_map_png:
        parts += [
            "<h2>{}</h2>".format(escape(t("sec_seq_map"))),
            "<figure>{}</figure>".format(_img(seq_map_png, t("sec_seq_map"))),
        ]
    parts.append("<h2>{}</h2>".format(escape(t("sec_summary"))))
    for key, rows in (
        ("sec_green", data.green_rows),
        ("sec_stock", data.stock_rows),
        ("sec_seq", data.seq_rows),
        ("sec_value", data.value_rows),
    ):
        parts.append("<h3>{}</h3>".format(escape(t(key))))
        parts.append(_pairs(rows))
    parts.append('<p class="muted">{}</p>'.format(escape(t("green_criterion_note"))))
    parts.append("<h2>{}</h2>".format(escape(t("sec_tables"))))
    parts.append("<h3>{}</h3>".format(escape(t("sec_strata"))))
    parts.append(
        _table(data.strata_table) or "<p>{}</p>".format(escape(t("missing_input", what="strata")))
    )
    if data.polygon_table is not None:
        parts.append(
            "<h3>{}</h3>".format(escape(t("sec_polygons", n=len(data.polygon_table.rows))))
        )
        parts.append(_table(data.polygon_table))
    if data.notes:
        parts.append("<h3>{}</h3>".format(escape(t("methods_notes"))))
        parts.append(
            "<ul>{}</ul>".format("".join("<li>{}</li>".format(escape(n)) for n in data.notes))
        )
    parts.append("<h2>{}</h2>".format(escape(t("sec_charts"))))
    parts.append('<div class="charts">')
    for key in ("by_class", "dbh", "species", "budget"):
        if charts.get(key):
            parts.append("<figure>{}</figure>".format(_img(charts[key], key)))
    parts.append("</div>")
    parts.append("<h2>{}</h2>".format(escape(t("sec_methods"))))
    parts.append(
        "<ul>{}</ul>".format(
            "".join("<li>{}</li>".format(escape(line)) for line in data.methods_lines)
        )
    )
    if data.equations_table is not None:
        parts.append(_table(data.equations_table))
    parts.append("<h3>{}</h3>".format(escape(t("methods_flags"))))
    parts.append(
        "<p>{}</p>".format(
            escape(", ".join(data.flag_lines) if data.flag_lines else t("not_available"))
        )
    )
    parts.append('<p class="muted">{}</p>'.format(escape(t("per_capita_refs"))))
    parts.append("<footer>{}</footer>".format(escape(credits)))
    parts += ["</main>", "</body>", "</html>"]
    return "\n".join(p for p in parts if p) + "\n"
