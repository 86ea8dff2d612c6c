"""Build the municipal carbon report as a QGIS print layout (QgsPrintLayout) and export it.

QGIS-aware, headless-safe: everything happens in a private ``QgsProject`` created by the caller
(never ``QgsProject.instance()``), nothing needs a display. Used by ``carbonpool:carbonreport``.

Page 1 (the cover) comes from a layout template (``resources/templates/carbon_report_a4.qpt`` by
default) loaded with ``QgsLayout.loadFromTemplate``; its labels show layout variables
(``[% @cp_title %]`` …) that this module sets, and its picture ``cp_logo`` shows ``@cp_logo``. A
municipality customises the cover (logo, header band, colours, extra text) in the QGIS layout
designer and passes its own ``.qpt``. The other pages (map, summary, tables, charts, methods) are
built here, with the header/footer style taken from the same variables.
"""

from __future__ import annotations

import os
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProperty,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF
from qgis.PyQt.QtXml import QDomDocument

from .core.pdf_text import fix_thai_text_layer
from .report_charts import THAI_FONT_CANDIDATES

PAGE_W, PAGE_H = 210.0, 297.0
MARGIN = 15.0
CONTENT_W = PAGE_W - 2 * MARGIN
TOP = 27.0  # content starts below the page header
BOTTOM = PAGE_H - 16.0  # content ends above the footer
GREEN = QColor("#1b7837")
DARK = QColor("#222222")
GREY = QColor("#666666")
#: sequential YlGn (ColorBrewer, colour-blind safe) and diverging BrBG (colour-blind safe)
YLGN = ("#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837")
BRBG = ("#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571")

VARIABLES = (
    "cp_title",
    "cp_subtitle",
    "cp_municipality",
    "cp_muni_type",
    "cp_muni_code",
    "cp_key_label",
    "cp_key_value",
    "cp_key_ci",
    "cp_date",
    "cp_prepared",
    "cp_logo",
)


def qt_thai_font_family() -> str:
    """First installed Thai-capable family of :data:`THAI_FONT_CANDIDATES` (Qt side).

    Falls back to any family that supports the Thai writing system, then Qt's default.
    """
    database = QFontDatabase()
    thai = database.families(QFontDatabase.WritingSystem.Thai)
    installed = set(thai) or set(database.families())
    for name in THAI_FONT_CANDIDATES:
        if name in installed:
            return name
    return thai[0] if thai else QFont().defaultFamily()


def font_size_factor(family: str) -> float:
    """Point-size factor that gives ``family`` the Thai glyph size of Laksaman / Loma.

    The Windows "TH Sarabun" fonts draw Thai about 25 % smaller at a given size (they are set
    at 16 pt for body text); other Thai fonts get 1.0.
    """
    font = QFont(family)
    font.setPointSizeF(40.0)
    height = QFontMetricsF(font).tightBoundingRect("\u0e01").height()
    probe = QFont("Laksaman" if "Laksaman" in QFontDatabase().families() else family)
    probe.setPointSizeF(40.0)
    reference = QFontMetricsF(probe).tightBoundingRect("\u0e01").height()
    if height <= 0 or reference <= 0:
        return 1.0
    return max(1.0, min(1.5, round(0.9 * reference / height, 2)))


class ReportLayoutBuilder:
    """Assemble the pages of one report in a private project."""

    def __init__(self, project, data, font_family: Optional[str] = None):
        self.project = project
        self.data = data
        self.family = font_family or qt_thai_font_family()
        self.size_factor = font_size_factor(self.family)
        self.layout = QgsPrintLayout(project)
        self.layout.setName(data.title)
        self.template_used = False
        self.map_items: List[QgsLayoutItemMap] = []
        self.map_regions: List[QRectF] = []

    # --- fonts and primitives -----------------------------------------------------------------
    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size * self.size_factor)
        font.setBold(bold)
        return font

    def text_format(self, size: float, bold: bool = False, color: QColor = DARK) -> QgsTextFormat:
        fmt = QgsTextFormat()
        fmt.setFont(self.font(size, bold))
        fmt.setSize(size)
        fmt.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
        fmt.setColor(color)
        return fmt

    def _place(self, item, page: int, x: float, y: float, w: float, h: float) -> None:
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.attemptMove(
            QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters), True, False, page
        )

    def wrap(self, text: str, font: QFont, width: float) -> List[str]:
        """Greedy wrap at spaces to ``width`` mm (Thai phrases are separated by spaces)."""
        lines: List[str] = []
        for para in text.split("\n"):
            words = para.split(" ")
            line = ""
            for word in words:
                cand = word if not line else line + " " + word
                if line and QgsLayoutUtils.textWidthMM(font, cand) > width:
                    lines.append(line)
                    line = word
                else:
                    line = cand
            lines.append(line)
        return lines

    def label(
        self,
        page: int,
        x: float,
        y: float,
        w: float,
        text: str,
        size: float = 10,
        bold: bool = False,
        color: QColor = DARK,
        align=Qt.AlignLeft,
        item_id: str = "",
    ) -> float:
        """Add a wrapped label; returns its height in mm."""
        font = self.font(size, bold)
        lines = self.wrap(text, font, w - 1.0)
        line_h = QgsLayoutUtils.fontHeightMM(font) * 1.25
        h = max(line_h * len(lines) + 1.5, line_h)
        item = QgsLayoutItemLabel(self.layout)
        item.setText("\n".join(lines))
        item.setFont(font)
        item.setFontColor(color)
        item.setHAlign(align)
        item.setMargin(0.3)
        if item_id:
            item.setId(item_id)
        self.layout.addLayoutItem(item)
        self._place(item, page, x, y, w, h)
        return h

    def rect(self, page: int, x: float, y: float, w: float, h: float, color: QColor) -> None:
        shape = QgsLayoutItemShape(self.layout)
        shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        symbol = QgsFillSymbol.createSimple(
            {"color": color.name(), "outline_style": "no", "style": "solid"}
        )
        shape.setSymbol(symbol)
        self.layout.addLayoutItem(shape)
        self._place(shape, page, x, y, w, h)

    def table(
        self,
        page: int,
        x: float,
        y: float,
        w: float,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        align_right: Sequence[bool] = (),
        size: float = 8,
        max_h: Optional[float] = None,
        header: bool = True,
    ) -> float:
        """Add a text table (QgsLayoutItemTextTable) and return its height in mm."""
        table = QgsLayoutItemTextTable(self.layout)
        self.layout.addMultiFrame(table)
        columns = []
        scale = w / float(sum(widths))
        for i, head in enumerate(headers):
            col = QgsLayoutTableColumn(head)
            col.setWidth(widths[i] * scale - 2 * 1.0)
            right = bool(align_right[i]) if i < len(align_right) else False
            col.setHAlignment(Qt.AlignRight if right else Qt.AlignLeft)
            columns.append(col)
        table.setColumns(columns)
        table.setContents([list(r) for r in rows])
        table.setContentTextFormat(self.text_format(size))
        table.setHeaderTextFormat(self.text_format(size, bold=True, color=QColor("#ffffff")))
        table.setHeaderMode(
            QgsLayoutTable.HeaderMode.FirstFrame if header else QgsLayoutTable.HeaderMode.NoHeaders
        )
        table.setCellMargin(1.0)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor("#bbbbbb"))
        table.setHorizontalGrid(True)
        table.setVerticalGrid(False)
        table.setShowGrid(True)
        table.setBackgroundColor(QColor("#ffffff"))
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        if header:
            from qgis.core import QgsLayoutTableStyle

            style = QgsLayoutTableStyle()
            style.enabled = True
            style.cellBackgroundColor = GREEN
            table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, style)
        frame = QgsLayoutFrame(self.layout, table)
        table.addFrame(frame)
        height = self._table_height(headers if header else None, rows, columns, size, 1.0)
        if max_h is not None:
            height = min(height, max_h)
        self._place(frame, page, x, y, w, height)
        table.refresh()
        return height

    def _table_height(self, headers, rows, columns, size, margin) -> float:
        """Height the table needs: per row, the tallest wrapped cell plus the cell margins.

        (``QgsLayoutTable.totalHeight`` reports the frame height in QGIS 3.22, not the content's.)
        """
        font = self.font(size)
        bold = self.font(size, bold=True)
        line_h = QgsLayoutUtils.fontHeightMM(font) * 1.02
        total = 0.0
        all_rows = ([(list(headers), bold)] if headers else []) + [(list(r), font) for r in rows]
        for cells, fnt in all_rows:
            lines = 1
            for i, cell in enumerate(cells):
                width = max(columns[i].width(), 5.0) if i < len(columns) else 20.0
                lines = max(lines, len(self.wrap(str(cell), fnt, width)))
            total += lines * line_h + 2 * margin + 0.15
        return total + 0.5

    def pairs(self, page: int, y: float, rows: Sequence[Tuple[str, str]], size: float = 9) -> float:
        if not rows:
            return 0.0
        return self.table(
            page,
            MARGIN,
            y,
            CONTENT_W,
            ["", ""],
            [list(r) for r in rows],
            [46, 54],
            size=size,
            header=False,
        )

    def heading(self, page: int, y: float, text: str, size: float = 13) -> float:
        return self.label(page, MARGIN, y, CONTENT_W, text, size=size, bold=True, color=GREEN)

    def new_page(self) -> int:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
        self.layout.pageCollection().addPage(page)
        index = self.layout.pageCollection().pageCount() - 1
        self._decorate(index)
        return index

    def _decorate(self, page: int) -> None:
        """Header band with report title / municipality, footer with page numbers and date."""
        d = self.data
        self.rect(page, 0, 0, PAGE_W, 4.0, GREEN)
        logo = self.variables.get("cp_logo", "")
        x0 = MARGIN
        if logo:
            pic = QgsLayoutItemPicture(self.layout)
            pic.setPicturePath(logo)
            pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            self.layout.addLayoutItem(pic)
            self._place(pic, page, MARGIN, 7.0, 14.0, 14.0)
            x0 = MARGIN + 17.0
        self.label(page, x0, 8.0, 110, d.title, size=8.5, bold=True, color=GREEN)
        self.label(page, x0, 13.5, 110, d.municipality_name, size=8.5, color=GREY)
        self.label(
            page,
            PAGE_W - MARGIN - 60,
            8.0,
            60,
            d.municipality_type_label,
            size=8,
            color=GREY,
            align=Qt.AlignRight,
        )
        footer = QgsLayoutItemLabel(self.layout)
        footer.setText(
            "[% @cp_date %]    ·    "
            + d.t("page_of", page="[% @layout_page %]", pages="[% @layout_numpages %]")
        )
        footer.setFont(self.font(7.5))
        footer.setFontColor(GREY)
        footer.setHAlign(Qt.AlignRight)
        self.layout.addLayoutItem(footer)
        self._place(footer, page, MARGIN, PAGE_H - 11.0, CONTENT_W, 5.0)
        self.rect(page, MARGIN, PAGE_H - 12.5, CONTENT_W, 0.3, QColor("#bbbbbb"))

    # --- cover --------------------------------------------------------------------------------
    def set_variables(self, logo: str = "") -> None:
        d = self.data
        self.variables = {
            "cp_title": d.title,
            "cp_subtitle": d.subtitle,
            "cp_municipality": d.municipality_name,
            "cp_muni_type": d.municipality_type_label,
            "cp_muni_code": (d.t("muni_code") + " " + d.municipality_code)
            if d.municipality_code
            else "",
            "cp_key_label": d.key_figure_label,
            "cp_key_value": d.key_figure,
            "cp_key_ci": d.key_figure_ci,
            "cp_date": d.t("generated_on", date=d.date_text),
            "cp_prepared": d.prepared_with,
            "cp_logo": logo or "",
        }
        for key, value in self.variables.items():
            QgsExpressionContextUtils.setLayoutVariable(self.layout, key, value)

    def cover_from_template(self, template_path: str) -> bool:
        """Load page 1 from a ``.qpt``; False (nothing loaded) if it cannot be read."""
        if not template_path or not os.path.isfile(template_path):
            return False
        doc = QDomDocument()
        with open(template_path, "rb") as handle:
            if not doc.setContent(handle.read()):
                return False
        _items, ok = self.layout.loadFromTemplate(doc, QgsReadWriteContext(), True)
        if not ok or self.layout.pageCollection().pageCount() < 1:
            return False
        # the template's own variables would be replaced by loadFromTemplate: set ours again
        for key, value in self.variables.items():
            QgsExpressionContextUtils.setLayoutVariable(self.layout, key, value)
        installed = set(QFontDatabase().families())
        for item in self.layout.items():
            if isinstance(item, QgsLayoutItemLabel) and item.font().family() not in installed:
                font = item.font()
                font.setFamily(self.family)
                item.setFont(font)
        self._hide_missing_logo()
        # keep only the first page of the template; the rest is generated
        pages = self.layout.pageCollection()
        while pages.pageCount() > 1:
            pages.deletePage(pages.pageCount() - 1)
        self.template_used = True
        return True

    def cover_default(self) -> None:
        """The built-in cover (the same design as the shipped template)."""
        build_cover(self.layout, self.family)
        for key, value in self.variables.items():
            QgsExpressionContextUtils.setLayoutVariable(self.layout, key, value)
        self._hide_missing_logo()

    def _hide_missing_logo(self) -> None:
        """Without a logo, hide ``cp_logo`` and move the cover text beside it into its place."""
        logo = self.layout.itemById("cp_logo")
        if logo is None or self.variables.get("cp_logo"):
            return
        logo.setVisibility(False)
        box = logo.sceneBoundingRect()
        for item in self.layout.items():
            if not isinstance(item, QgsLayoutItemLabel):
                continue
            rect = item.sceneBoundingRect()
            beside = rect.left() >= box.right() - 0.5 and rect.top() < box.bottom()
            if beside and rect.bottom() > box.top():
                shift = rect.left() - box.left()
                item.attemptMove(
                    QgsLayoutPoint(
                        box.left(), rect.top(), QgsUnitTypes.LayoutUnit.LayoutMillimeters
                    )
                )
                item.attemptResize(
                    QgsLayoutSize(
                        rect.width() + shift,
                        rect.height(),
                        QgsUnitTypes.LayoutUnit.LayoutMillimeters,
                    )
                )

    # --- map page -----------------------------------------------------------------------------
    def map_page(
        self,
        title: str,
        layers: Sequence,
        extent: QgsRectangle,
        crs,
        credits: str,
    ) -> int:
        page = self.new_page()
        d = self.data
        y = self.heading(page, TOP, title)
        map_top = TOP + y
        map_h = 178.0
        item = QgsLayoutItemMap(self.layout)
        item.setCrs(crs)
        item.setLayers(list(layers))
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setFrameStrokeWidth(_stroke(0.3))
        self.layout.addLayoutItem(item)
        self._place(item, page, MARGIN, map_top, CONTENT_W, map_h)
        ext = QgsRectangle(extent)
        ext.scale(1.06)
        item.zoomToExtent(ext)
        self.map_items.append(item)
        # north arrow (QGIS's own SVG), top right inside the map
        arrow = north_arrow_svg()
        if arrow:
            pic = QgsLayoutItemPicture(self.layout)
            pic.setPicturePath(arrow)
            pic.setLinkedMap(item)
            pic.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
            pic.setBackgroundEnabled(True)
            pic.setBackgroundColor(QColor(255, 255, 255, 200))
            self.layout.addLayoutItem(pic)
            self._place(pic, page, MARGIN + CONTENT_W - 16, map_top + 3, 13, 17)
        else:
            self.label(page, MARGIN + CONTENT_W - 16, map_top + 3, 13, "N\n↑", size=14, bold=True)
        # legend
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(d.t("legend_title"))
        legend.setLinkedMap(item)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.removeAllChildren()
        for layer in layers:
            root.addLayer(layer)
        for style in (
            QgsLegendStyle.Style.Title,
            QgsLegendStyle.Style.Group,
            QgsLegendStyle.Style.Subgroup,
            QgsLegendStyle.Style.SymbolLabel,
        ):
            legend.setStyleFont(
                style, self.font(9.5 if style == QgsLegendStyle.Style.Title else 8, bold=False)
            )
        legend.setSymbolHeight(4.0)
        legend.setSymbolWidth(7.0)
        legend.setBackgroundEnabled(True)
        legend.setFrameEnabled(False)
        self.layout.addLayoutItem(legend)
        legend_y = map_top + map_h + 3
        self._place(legend, page, MARGIN, legend_y, 105, 50)
        legend.adjustBoxSize()
        legend.refresh()
        # scale bar
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setStyle("Single Box")
        bar.setLinkedMap(item)
        bar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        bar.setNumberOfSegments(4)
        bar.setNumberOfSegmentsLeft(0)
        bar.setUnitLabel("km" if d.lang == "en" else "กม.")
        bar.setTextFormat(self.text_format(8))
        bar.setHeight(2.5)
        self.layout.addLayoutItem(bar)
        self._place(bar, page, MARGIN + 112, legend_y + 2, 60, 12)
        bar.update()
        self.label(page, MARGIN + 112, legend_y + 16, CONTENT_W - 112, credits, size=7, color=GREY)
        self.map_regions.append(
            QRectF(MARGIN - 1, map_top - 1, CONTENT_W + 2, BOTTOM - map_top + 1)
        )
        return page

    # --- other pages --------------------------------------------------------------------------
    def summary_page(self) -> int:
        d = self.data
        page = self.new_page()
        y = TOP
        y += self.heading(page, y, d.t("sec_summary"), size=15)
        sections = (
            (d.t("sec_green"), d.green_rows, d.t("green_criterion_note")),
            (d.t("sec_stock"), d.stock_rows, ""),
            (d.t("sec_seq"), d.seq_rows, ""),
            (d.t("sec_value"), d.value_rows, ""),
        )
        for title, rows, note in sections:
            y += self.heading(page, y, title, size=11)
            y += self.pairs(page, y, rows, size=8.5) + 1.0
            if note:
                y += self.label(page, MARGIN, y, CONTENT_W, note, 7, color=GREY)
            y += 2.5
        return page

    def tables_page(self) -> int:
        d = self.data
        page = self.new_page()
        y = TOP
        y += self.heading(page, y, d.t("sec_tables"), size=15)
        y += self.heading(page, y, d.t("sec_strata"), size=11.5)
        if d.strata_table is not None:
            y += (
                self.table(
                    page,
                    MARGIN,
                    y,
                    CONTENT_W,
                    d.strata_table.headers,
                    d.strata_table.rows,
                    [30, 14, 10, 16, 20, 34, 11],
                    d.strata_table.align_right,
                    size=8,
                )
                + 5
            )
        else:
            y += self.label(page, MARGIN, y, CONTENT_W, d.t("missing_input", what="strata"), 9) + 4
        if d.polygon_table is not None:
            y += self.heading(page, y, d.t("sec_polygons", n=len(d.polygon_table.rows)), 11.5)
            y += (
                self.table(
                    page,
                    MARGIN,
                    y,
                    CONTENT_W,
                    d.polygon_table.headers,
                    d.polygon_table.rows,
                    [44, 30, 14, 14, 16, 16],
                    d.polygon_table.align_right,
                    size=8,
                    max_h=BOTTOM - y - 30,
                )
                + 5
            )
        if d.notes:
            y += self.heading(page, y, d.t("methods_notes"), size=10)
            text = "\n".join("• " + n for n in d.notes[:8])
            self.label(page, MARGIN, y, CONTENT_W, text, size=7.5, color=GREY)
        return page

    def charts_page(self, charts: Dict[str, str]) -> int:
        d = self.data
        page = self.new_page()
        y = TOP + self.heading(page, TOP, d.t("sec_charts"), size=15)
        w = (CONTENT_W - 4) / 2.0
        h = w * 3.4 / 5.2
        order = ["by_class", "dbh", "species", "budget"]
        for i, key in enumerate(order):
            path = charts.get(key)
            if not path:
                continue
            pic = QgsLayoutItemPicture(self.layout)
            pic.setPicturePath(path)
            pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            self.layout.addLayoutItem(pic)
            col, row = i % 2, i // 2
            self._place(pic, page, MARGIN + col * (w + 4), y + row * (h + 6), w, h)
        return page

    def methods_page(self, credits: str) -> int:
        d = self.data
        page = self.new_page()
        y = TOP
        y += self.heading(page, y, d.t("sec_methods"), size=15)
        for line in d.methods_lines:
            y += self.label(page, MARGIN, y, CONTENT_W, "• " + line, size=8.5) + 0.8
        y += 2
        if d.equations_table is not None:
            y += (
                self.table(
                    page,
                    MARGIN,
                    y,
                    CONTENT_W,
                    d.equations_table.headers,
                    d.equations_table.rows[:12],
                    [34, 12, 74],
                    d.equations_table.align_right,
                    size=7.5,
                    max_h=BOTTOM - y - 40,
                )
                + 4
            )
        y += self.heading(page, y, d.t("methods_flags"), size=10)
        flags = ", ".join(d.flag_lines) if d.flag_lines else d.t("not_available")
        y += self.label(page, MARGIN, y, CONTENT_W, flags, size=8) + 3
        y += self.label(page, MARGIN, y, CONTENT_W, d.t("per_capita_refs"), size=7.5, color=GREY)
        y += self.label(page, MARGIN, y, CONTENT_W, d.t("green_criterion_note"), 7.5, color=GREY)
        self.label(page, MARGIN, min(y + 2, BOTTOM - 8), CONTENT_W, credits, size=7.5, color=GREY)
        return page


def _stroke(width_mm: float):
    from qgis.core import QgsLayoutMeasurement

    return QgsLayoutMeasurement(width_mm, QgsUnitTypes.LayoutUnit.LayoutMillimeters)


def north_arrow_svg() -> Optional[str]:
    """Path of QGIS's own north-arrow SVG, or None when QGIS's SVG folder is not found."""
    from qgis.core import QgsApplication

    for folder in QgsApplication.svgPaths():
        for name in ("NorthArrow_02.svg", "NorthArrow_01.svg", "NorthArrow_04.svg"):
            path = os.path.join(folder, "arrows", name)
            if os.path.isfile(path):
                return path
    return None


def build_cover(layout, family: str) -> None:
    """The default cover page: items show the ``@cp_*`` layout variables.

    The shipped ``resources/templates/carbon_report_a4.qpt`` is this page saved as a template
    (``scripts``-free: ``save_default_template``).
    """
    collection = layout.pageCollection()
    if collection.pageCount() == 0:
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
        collection.addPage(page)

    def add_label(item_id, text, x, y, w, h, size, bold=False, color=DARK, align=Qt.AlignLeft):
        item = QgsLayoutItemLabel(layout)
        item.setId(item_id)
        item.setText(text)
        font = QFont(family)
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        item.setFontColor(color)
        item.setHAlign(align)
        item.setVAlign(Qt.AlignTop)
        layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        return item

    def add_rect(item_id, x, y, w, h, color):
        shape = QgsLayoutItemShape(layout)
        shape.setId(item_id)
        shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        shape.setSymbol(
            QgsFillSymbol.createSimple({"color": color, "outline_style": "no", "style": "solid"})
        )
        layout.addLayoutItem(shape)
        shape.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        shape.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))

    add_rect("cp_header", 0, 0, PAGE_W, 62, "#1b7837")
    add_rect("cp_header_stripe", 0, 62, PAGE_W, 2.5, "#a6dba0")
    logo = QgsLayoutItemPicture(layout)
    logo.setId("cp_logo")
    logo.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    logo.dataDefinedProperties().setProperty(
        QgsLayoutObject.DataDefinedProperty.PictureSource, QgsProperty.fromExpression("@cp_logo")
    )
    layout.addLayoutItem(logo)
    logo.attemptMove(QgsLayoutPoint(MARGIN, 10, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    logo.attemptResize(QgsLayoutSize(40, 40, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    white = QColor("#ffffff")
    add_label("cp_title", "[% @cp_title %]", 60, 12, 136, 30, 19, True, white)
    add_label("cp_subtitle", "[% @cp_subtitle %]", 60, 44, 136, 14, 10.5, False, QColor("#e5f5e0"))
    add_label("cp_municipality", "[% @cp_municipality %]", MARGIN, 82, CONTENT_W, 16, 24, True)
    add_label("cp_muni_type", "[% @cp_muni_type %]", MARGIN, 100, CONTENT_W, 9, 13, False, GREY)
    add_label("cp_muni_code", "[% @cp_muni_code %]", MARGIN, 110, CONTENT_W, 8, 10, False, GREY)
    add_rect("cp_key_box", MARGIN, 135, CONTENT_W, 52, "#f0f7ee")
    add_label("cp_key_label", "[% @cp_key_label %]", MARGIN + 6, 140, CONTENT_W - 12, 10, 13)
    add_label(
        "cp_key_value", "[% @cp_key_value %]", MARGIN + 6, 152, CONTENT_W - 12, 18, 30, True, GREEN
    )
    add_label("cp_key_ci", "[% @cp_key_ci %]", MARGIN + 6, 173, CONTENT_W - 12, 9, 11, False, GREY)
    add_label("cp_date", "[% @cp_date %]", MARGIN, 250, CONTENT_W, 8, 11)
    add_label("cp_prepared", "[% @cp_prepared %]", MARGIN, 259, CONTENT_W, 8, 9, False, GREY)
    add_rect("cp_footer", 0, PAGE_H - 8, PAGE_W, 8, "#1b7837")


def save_default_template(path: str, family: str = "Laksaman") -> None:
    """Write the default cover as a ``.qpt`` (used to produce the shipped template)."""
    from qgis.core import QgsProject

    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.setName("Urban Carbon Pool report (A4)")
    build_cover(layout, family)
    if not layout.saveAsTemplate(path, QgsReadWriteContext()):
        raise OSError("could not write " + path)


def graduated_renderer(
    layer,
    field: str,
    ramp_colors: Sequence[str],
    classes: int = 5,
    symmetric: bool = False,
    precision: int = 1,
):
    """Graduated fill renderer on ``field`` (Jenks; symmetric pretty breaks for diverging)."""
    from qgis.core import QgsClassificationJenks, QgsClassificationPrettyBreaks

    stops = [
        QgsGradientStop(i / (len(ramp_colors) - 1.0), QColor(c))
        for i, c in enumerate(ramp_colors[1:-1], start=1)
    ]
    ramp = QgsGradientColorRamp(QColor(ramp_colors[0]), QColor(ramp_colors[-1]), False, stops)
    renderer = QgsGraduatedSymbolRenderer(field)
    method = QgsClassificationPrettyBreaks() if symmetric else QgsClassificationJenks()
    if symmetric:
        method.setSymmetricMode(True, 0.0, False)
    method.setLabelFormat("%1 – %2")
    method.setLabelPrecision(precision)
    method.setLabelTrimTrailingZeroes(False)
    renderer.setClassificationMethod(method)
    symbol = QgsFillSymbol.createSimple(
        {"color": "#78c679", "outline_color": "#555555", "outline_width": "0.1"}
    )
    renderer.setSourceSymbol(symbol)
    renderer.setSourceColorRamp(ramp)
    index = layer.fields().indexOf(field)
    distinct = len(layer.uniqueValues(index, classes + 1)) if index >= 0 else classes
    renderer.updateClasses(layer, max(1, min(classes, distinct)))
    renderer.updateColorRamp(ramp)
    # a class holding one value (many polygons share a stratum's density) reads "16.3", not
    # "16.3 – 16.3"
    for i, rng in enumerate(renderer.ranges()):
        low = "{:.{p}f}".format(rng.lowerValue(), p=precision)
        if low == "{:.{p}f}".format(rng.upperValue(), p=precision):
            renderer.updateRangeLabel(i, low)
    layer.setRenderer(renderer)
    return renderer


def outline_style(layer, color: str = "#333333", width: float = 0.6) -> None:
    from qgis.core import QgsSingleSymbolRenderer

    symbol = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "style": "no", "outline_color": color, "outline_width": str(width)}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def _always_text():
    """ "Always render text as text" (QGIS 3.22 name first, then the QGIS ≥ 3.30 ``Qgis`` enum)."""
    value = getattr(QgsRenderContext, "TextFormatAlwaysText", None)
    if value is None:  # pragma: no cover - newer QGIS
        from qgis.core import Qgis

        value = Qgis.TextRenderFormat.AlwaysText
    return value


def export_pdf(layout, path: str) -> None:
    """Export with real text (not outlines) so the PDF is searchable; fonts are embedded.

    The text layer is then repaired (:func:`core.pdf_text.fix_thai_text_layer`) so that Thai
    reads back as the real characters in search, copy and ``pdftotext``.
    """
    exporter = QgsLayoutExporter(layout)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = 200
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.appendGeoreference = False
    settings.exportMetadata = True
    settings.textRenderFormat = _always_text()
    result = exporter.exportToPdf(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise OSError("PDF export failed ({}): {}".format(int(result), exporter.errorMessage()))
    # Qt maps Thai positional glyphs to PUA code points (or nothing) in the text layer
    fix_thai_text_layer(path)


def render_region_png(layout, page: int, region: QRectF, path: str, dpi: int = 150) -> None:
    """Render a page region (the map with legend, scale bar and north arrow) to PNG."""
    exporter = QgsLayoutExporter(layout)
    offset = layout.pageCollection().page(page).pos()
    rect = QRectF(region.x(), region.y() + offset.y(), region.width(), region.height())
    image = exporter.renderRegionToImage(rect, QSize(), dpi)
    if image.isNull() or not image.save(path, "PNG"):
        raise OSError("could not render the map image " + path)
