"""Report charts with matplotlib (Agg backend, no display): PNG files at 200 dpi.

No QGIS import. Thai labels need a Thai font (TLWG "Laksaman" by default, the same family the
QgsLayout text uses) and, because matplotlib 3.6 lays text out glyph by glyph without OpenType
shaping, Thai strings pass through :func:`thai_display_form`, which picks the positional glyph
variants (lowered / left-shifted tone marks and vowels, descender-less ญ ฐ) through the
Thai presentation code points U+F700–U+F71A that TLWG, Tahoma and other Thai fonts map.
"""

from __future__ import annotations

import os
from typing import List, Optional, Sequence, Tuple

#: Preferred Thai fonts, first installed wins, for the layout (QFontDatabase) and the charts
#: (matplotlib). All map the Thai presentation forms (U+F700–U+F71A), which the charts need
#: (:func:`thai_display_form`) and which ``core.pdf_text`` maps back to real Thai in the PDF
#: text layer. Laksaman (TLWG) is the free TH Sarabun, the Thai government's document font;
#: TH Sarabun New / Tahoma / Leelawadee are the usual Windows fonts. Noto Sans Thai comes last:
#: its positional mark glyphs are unencoded, so those marks are missing from the PDF text.
THAI_FONT_CANDIDATES: Tuple[str, ...] = (
    "Laksaman",
    "TH Sarabun New",
    "TH SarabunPSK",
    "Tahoma",
    "Loma",
    "Garuda",
    "Leelawadee UI",
    "Leelawadee",
    "Arundina Sans",
    "Noto Sans Thai",
)
DPI = 200
COLORS = ("#1b7837", "#5aae61", "#a6dba0", "#762a83", "#9970ab", "#c2a5cf")

_ASCENDERS = {"\u0e1b", "\u0e1d", "\u0e1f", "\u0e2c"}  # ป ฝ ฟ ฬ
_DESCLESS = {"\u0e0d": "\uf70f", "\u0e10": "\uf700"}  # ญ ฐ without descender
_LOW_DESCENDER = {"\u0e0e", "\u0e0f"}  # ฎ ฏ: below vowels go lower
_UPPER_LEFT = {
    "\u0e31": "\uf710",
    "\u0e34": "\uf701",
    "\u0e35": "\uf702",
    "\u0e36": "\uf703",
    "\u0e37": "\uf704",
    "\u0e47": "\uf712",
    "\u0e4d": "\uf711",
}
_TONES = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
_BELOW = "\u0e38\u0e39\u0e3a"


def thai_display_form(text: str) -> str:
    """Map Thai text to positional presentation forms for renderers without OpenType shaping.

    Only for display by matplotlib; the logical text (PDF, HTML) is never altered.
    """
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in text):
        return text
    # sara am = nikhahit + sara aa; a tone mark typed before it sits above the nikhahit
    chars: List[str] = []
    for ch in text:
        if ch == "\u0e33":
            j = len(chars)
            while j > 0 and chars[j - 1] in _TONES:
                j -= 1
            chars.insert(j, "\u0e4d")
            chars.append("\u0e32")
        else:
            chars.append(ch)
    out: List[str] = []
    base = ""
    base_index = -1
    has_upper = False
    for ch in chars:
        if "\u0e01" <= ch <= "\u0e2e":
            base, base_index, has_upper = ch, len(out), False
            out.append(ch)
        elif ch in _UPPER_LEFT:
            has_upper = True
            out.append(_UPPER_LEFT[ch] if base in _ASCENDERS else ch)
        elif ch in _TONES:
            k = _TONES.index(ch)
            if has_upper:
                out.append(chr(0xF713 + k) if base in _ASCENDERS else ch)
            else:
                out.append(chr((0xF705 if base in _ASCENDERS else 0xF70A) + k))
        elif ch in _BELOW:
            if base in _LOW_DESCENDER:
                out.append(chr(0xF718 + _BELOW.index(ch)))
            else:
                if base in _DESCLESS and base_index >= 0:
                    out[base_index] = _DESCLESS[base]
                out.append(ch)
        else:
            if not ("\u0e00" <= ch <= "\u0e7f"):
                base, has_upper = "", False
            out.append(ch)
    return "".join(out)


def _matplotlib():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    return matplotlib, plt, font_manager


def thai_font_name() -> Optional[str]:
    """The first installed font of :data:`THAI_FONT_CANDIDATES` known to matplotlib."""
    _mpl, _plt, font_manager = _matplotlib()
    names = {f.name for f in font_manager.fontManager.ttflist}
    for name in THAI_FONT_CANDIDATES:
        if name in names:
            return name
    return None


def _style(plt, matplotlib, font: Optional[str]) -> None:
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType if a chart is ever saved as PDF
    matplotlib.rcParams["ps.fonttype"] = 42
    if font:
        matplotlib.rcParams["font.family"] = [font, "DejaVu Sans"]
    matplotlib.rcParams["font.size"] = 9
    matplotlib.rcParams["axes.spines.top"] = False
    matplotlib.rcParams["axes.spines.right"] = False


def _save(fig, plt, path: str) -> str:
    fig.tight_layout()
    fig.savefig(path, dpi=DPI, facecolor="white")
    plt.close(fig)
    return path


def _empty(ax, message: str) -> None:
    ax.axis("off")
    ax.text(0.5, 0.5, thai_display_form(message), ha="center", va="center", fontsize=10)


def barh_chart(
    path: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    xlabel: str,
    empty_message: str,
    value_fmt: str = "{:,.0f}",
    italic: bool = False,
    color: str = COLORS[0],
    size: Tuple[float, float] = (5.2, 3.4),
) -> str:
    """Horizontal bars, largest on top, values written at the bar ends."""
    matplotlib, plt, _fm = _matplotlib()
    _style(plt, matplotlib, thai_font_name())
    fig, ax = plt.subplots(figsize=size)
    ax.set_title(thai_display_form(title), fontsize=11, loc="left")
    if not labels:
        _empty(ax, empty_message)
        return _save(fig, plt, path)
    pairs = list(zip(labels, values))[::-1]
    names = [thai_display_form(str(a)) for a, _ in pairs]
    vals = [float(b or 0.0) for _, b in pairs]
    bars = ax.barh(range(len(vals)), vals, color=color)
    ax.set_yticks(range(len(vals)))
    ax.set_yticklabels(names, fontstyle="italic" if italic else "normal")
    ax.set_xlabel(thai_display_form(xlabel))
    top = max(vals) if vals else 1.0
    ax.set_xlim(0, top * 1.22 if top > 0 else 1)
    for bar, v in zip(bars, vals):
        ax.text(
            bar.get_width() + top * 0.01,
            bar.get_y() + bar.get_height() / 2,
            value_fmt.format(v),
            va="center",
            fontsize=8,
        )
    return _save(fig, plt, path)


def column_chart(
    path: str,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    xlabel: str,
    ylabel: str,
    empty_message: str,
    color: str = COLORS[1],
    size: Tuple[float, float] = (5.2, 3.4),
) -> str:
    """Vertical bars (a histogram of pre-binned counts)."""
    matplotlib, plt, _fm = _matplotlib()
    _style(plt, matplotlib, thai_font_name())
    fig, ax = plt.subplots(figsize=size)
    ax.set_title(thai_display_form(title), fontsize=11, loc="left")
    if not labels or not any(values):
        _empty(ax, empty_message)
        return _save(fig, plt, path)
    ax.bar(range(len(values)), values, color=color, edgecolor="white")
    ax.set_xticks(range(len(values)))
    ax.set_xticklabels(list(labels), rotation=0, fontsize=7)
    ax.set_xlabel(thai_display_form(xlabel))
    ax.set_ylabel(thai_display_form(ylabel))
    for i, v in enumerate(values):
        if v:
            ax.text(i, v, "{:,}".format(int(v)), ha="center", va="bottom", fontsize=7)
    return _save(fig, plt, path)


def make_report_charts(data, folder: str) -> dict:
    """The four report charts of a :class:`~.core.report_model.ReportData` → {name: png path}."""
    t = data.t
    paths = {}
    labels, values = data.class_chart or ([], [])
    paths["by_class"] = barh_chart(
        os.path.join(folder, "chart_by_class.png"),
        t("chart_by_class"),
        labels,
        values,
        t("axis_tco2e"),
        t("chart_absent"),
    )
    labels, counts = data.dbh_chart or ([], [])
    paths["dbh"] = column_chart(
        os.path.join(folder, "chart_dbh.png"),
        t("chart_dbh"),
        labels,
        counts,
        t("axis_dbh"),
        t("axis_trees"),
        t("chart_absent"),
    )
    labels, values = data.species_chart or ([], [])
    paths["species"] = barh_chart(
        os.path.join(folder, "chart_species.png"),
        t("chart_species", n=len(labels)),
        labels,
        values,
        t("axis_tco2e"),
        t("chart_absent"),
        value_fmt="{:,.1f}",
        italic=True,
        color=COLORS[3],
    )
    labels, values = data.budget_chart or ([], [])
    paths["budget"] = barh_chart(
        os.path.join(folder, "chart_budget.png"),
        t("chart_budget"),
        labels,
        values,
        t("axis_share"),
        t("chart_absent"),
        value_fmt="{:.1f} %",
        color=COLORS[4],
    )
    return paths
