"""The report as a print-ready PDF: reportlab, A4, the shipped CJK font embedded (fonts.py), a table of contents
with page numbers and PDF bookmarks, "第 N 页 / 共 M 页" at the foot of every page, and the same content as the
Word document. Every page that carries a block resting on 示例 figures gets a 示例 mark in its header: a block
flags the page while it is drawn (a table or paragraph split over two pages flags both), and the page's end draws
the mark.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Frame, Image, KeepTogether, NextPageTemplate, PageBreak, PageTemplate,
    Paragraph, Spacer,
)
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle
from reportlab.platypus.tableofcontents import TableOfContents
from xml.sax.saxutils import escape

from . import fonts, texts
from .chart_images import figure_png
from .report_doc import Figure, Heading, Report, Table, Text

PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 2.2 * cm, 2.4 * cm, 2.2 * cm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
INK = colors.HexColor("#111111")
MUTED = colors.HexColor("#57606a")
SAMPLE_COLOUR = colors.HexColor("#b45309")
HEADER_FILL = colors.HexColor("#e7ebf0")
_FLAG = "_xq_sample_on_page"


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK", firstLineIndent=22,
                          textColor=INK, spaceAfter=4)
    return {
        "body": base,
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=14, firstLineIndent=0, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontSize=22, leading=32, alignment=TA_CENTER, firstLineIndent=0),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=18, leading=28, alignment=TA_CENTER, firstLineIndent=0),
        "cover": ParagraphStyle("cover", parent=base, fontSize=11.5, leading=20, firstLineIndent=0, leftIndent=1.2 * cm),
        "sample": ParagraphStyle("sample", parent=base, fontSize=11, leading=18, firstLineIndent=0, leftIndent=1.2 * cm,
                                 textColor=SAMPLE_COLOUR, borderColor=SAMPLE_COLOUR, borderWidth=0.8, borderPadding=6),
        "h1": ParagraphStyle("h1", parent=base, fontSize=15, leading=24, firstLineIndent=0, spaceBefore=10, spaceAfter=6),
        "h2": ParagraphStyle("h2", parent=base, fontSize=13, leading=20, firstLineIndent=0, spaceBefore=6, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontSize=11.5, leading=18, firstLineIndent=0, spaceBefore=4, spaceAfter=2),
        "caption": ParagraphStyle("caption", parent=base, fontSize=9.5, leading=14, alignment=TA_CENTER, firstLineIndent=0,
                                  spaceBefore=3, spaceAfter=8),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=11, firstLineIndent=0, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=11, firstLineIndent=0, spaceAfter=0,
                               alignment=TA_CENTER),
        "toc1": ParagraphStyle("toc1", parent=base, fontSize=11.5, leading=20, firstLineIndent=0, leftIndent=0),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=10, leading=16, firstLineIndent=0, leftIndent=1.2 * cm),
        "toc_title": ParagraphStyle("toc_title", parent=base, fontSize=16, leading=26, alignment=TA_CENTER, firstLineIndent=0,
                                    spaceAfter=10),
    }


# --------------------------------------------------------------------------- flowables that flag their page


class _Flags:
    """Mixin: drawing a block that rests on 示例 figures marks the page it lands on."""

    xq_sample = False

    def drawOn(self, canvas: Canvas, *args: Any, **kwargs: Any) -> None:  # noqa: N802  (reportlab's name)
        if self.xq_sample:
            setattr(canvas, _FLAG, True)
        super().drawOn(canvas, *args, **kwargs)  # type: ignore[misc]


class _Paragraph(_Flags, Paragraph):
    def split(self, width: float, height: float) -> list:  # the halves flag their own pages
        parts = super().split(width, height)
        for part in parts:
            part.xq_sample = self.xq_sample
        return parts


class _Table(_Flags, PdfTable):
    def split(self, width: float, height: float) -> list:
        parts = super().split(width, height)
        for part in parts:
            part.xq_sample = self.xq_sample
        return parts


class _Image(_Flags, Image):
    pass


class _Heading(Paragraph):
    """A heading that enters the table of contents and the PDF's bookmarks."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(escape(text), style)
        self.toc_text, self.toc_level, self.toc_key = text, level, key


def _paragraph(text: str, style: ParagraphStyle, sample: bool = False) -> _Paragraph:
    p = _Paragraph(escape(text).replace("\n", "<br/>"), style)
    p.xq_sample = sample
    return p


# --------------------------------------------------------------------------- the document


class _Document(BaseDocTemplate):
    def __init__(self, out: io.BytesIO, report: Report, styles: dict[str, ParagraphStyle], font: str) -> None:
        super().__init__(
            out, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=f"{report.title}{report.subtitle}", author=texts.APP_TITLE, subject=report.scope,
        )
        self.report, self.font = report, font
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, id="body", leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [frame], onPageEnd=self._page_end),
            PageTemplate("body", [frame], onPage=self._decorate, onPageEnd=self._page_end),
        ])

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802  (reportlab's name)
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(flowable.toc_text, flowable.toc_key, level=flowable.toc_level, closed=True)
            if flowable.toc_level <= 1:
                self.notify("TOCEntry", (flowable.toc_level, flowable.toc_text, self.page, flowable.toc_key))

    def _decorate(self, canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(self.font, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, PAGE_H - MARGIN_TOP + 0.8 * cm, _fit(self.report.header, self.font, 8, FRAME_W - 4 * cm))
        canvas.setStrokeColor(colors.HexColor("#d0d7de"))
        canvas.line(MARGIN_X, PAGE_H - MARGIN_TOP + 0.65 * cm, PAGE_W - MARGIN_X, PAGE_H - MARGIN_TOP + 0.65 * cm)
        canvas.restoreState()

    def _page_end(self, canvas: Canvas, doc: Any) -> None:
        if getattr(canvas, _FLAG, False):
            canvas.saveState()
            canvas.setFont(self.font, 9)
            text = f"【{texts.DOC_SAMPLE_PAGE_MARK}】"
            width = canvas.stringWidth(text, self.font, 9)
            canvas.setFillColor(SAMPLE_COLOUR)
            canvas.drawString(PAGE_W - MARGIN_X - width, PAGE_H - MARGIN_TOP + 0.8 * cm, text)
            canvas.restoreState()
        setattr(canvas, _FLAG, False)


def _fit(text: str, font: str, size: float, width: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while text and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text


def _numbered_canvas(font: str) -> type:
    """A canvas that writes "第 N 页 / 共 M 页" once it knows how many pages there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1:  # the cover carries no number
                    self.setFont(font, 9)
                    self.setFillColor(MUTED)
                    self.drawCentredString(PAGE_W / 2, MARGIN_BOTTOM - 1.1 * cm,
                                           texts.DOC_PAGE_OF.format(page=self._pageNumber, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


def render(report: Report) -> bytes:
    font = fonts.for_pdf()
    styles = _styles(font)
    story: list[Any] = _cover(report, styles)
    toc = TableOfContents(levelStyles=[styles["toc1"], styles["toc2"]], dotsMinLevel=0)
    story += [NextPageTemplate("body"), PageBreak(), Paragraph(texts.DOC_TOC, styles["toc_title"]), toc, PageBreak()]
    key = 0
    for block in report.blocks:
        if isinstance(block, Heading):
            key += 1
            level = min(block.level, 3) - 1
            style = styles[f"h{level + 1}"]
            story += [CondPageBreak(3 * cm), _Heading(block.text, style, level, f"h{key}")]
        elif isinstance(block, Text):
            story.append(_text(block, styles))
        elif isinstance(block, Table):
            story += _table(block, styles)
        elif isinstance(block, Figure):
            story.append(_figure(block, styles))
    out = io.BytesIO()
    doc = _Document(out, report, styles, font)
    doc.multiBuild(story, canvasmaker=_numbered_canvas(font))
    return out.getvalue()


def _cover(report: Report, styles: dict[str, ParagraphStyle]) -> list[Any]:
    story: list[Any] = [Spacer(1, 4 * cm), Paragraph(escape(report.title), styles["title"]), Spacer(1, 0.4 * cm),
                        Paragraph(escape(report.subtitle), styles["subtitle"]),
                        Paragraph(escape(texts.DOC_DRAFT), styles["subtitle"]), Spacer(1, 2.5 * cm)]
    for label, value in report.cover_lines:
        story.append(Paragraph(f"{escape(label)}：{escape(value)}", styles["cover"]))
    if report.sample_statement:
        story += [Spacer(1, 1 * cm), _paragraph(f"【{texts.SAMPLE}】{report.sample_statement}", styles["sample"], True)]
    return story


def _text(block: Text, styles: dict[str, ParagraphStyle]) -> Any:
    if block.kind == "blank":
        return Spacer(1, 2.5 * cm)  # left empty on purpose: the official writes this part
    return _paragraph(block.text, styles["note" if block.kind == "note" else "body"], block.sample)


def _caption(text: str, sample: bool, styles: dict[str, ParagraphStyle]) -> Paragraph:
    return _paragraph(text + (f"{texts.PAREN_OPEN}{texts.DOC_SAMPLE_MARK}{texts.PAREN_CLOSE}" if sample else ""), styles["caption"], sample)


def _table(block: Table, styles: dict[str, ParagraphStyle]) -> list[Any]:
    weights = block.widths if len(block.widths) == len(block.columns) else (1.0,) * len(block.columns)
    widths = [FRAME_W * w / sum(weights) for w in weights]
    data = [[Paragraph(escape(c), styles["head"]) for c in block.columns]]
    data += [[Paragraph(escape(str(v)), styles["cell"]) for v in row] for row in block.rows]
    table = _Table(data, colWidths=widths, repeatRows=1)
    table.xq_sample = block.sample
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8c959f")),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    parts: list[Any] = []
    if block.caption:
        parts.append(KeepTogether([_caption(block.caption, block.sample, styles), Spacer(1, 1)]))
    parts += [table, Spacer(1, 0.3 * cm)]
    return parts


def _figure(block: Figure, styles: dict[str, ParagraphStyle]) -> Any:
    image, width_px, height_px = figure_png(block)
    # 96 chart pixels to the inch (0.75 pt each), never wider than the text or taller than most of a page.
    width = min(FRAME_W, width_px * 0.75)
    height = width * height_px / width_px
    if height > FRAME_H * 0.8:
        height = FRAME_H * 0.8
        width = height * width_px / height_px
    picture = _Image(io.BytesIO(image), width=width, height=height)
    picture.xq_sample = block.sample
    return KeepTogether([picture, _caption(block.caption, block.sample, styles)])
