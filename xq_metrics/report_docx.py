"""The report as a Word document (.docx) that officials edit and forward: python-docx, A4, the usual fonts of
district documents (黑体 headings, 仿宋 text, 宋体 tables), Word's own heading styles so the navigation pane and
the table of contents work, a TOC field that Word and WPS fill in on opening, page numbers in the footer, and the
charts as images. When 示例 figures are in the report the cover says so and every page's header carries the mark
(Word lays out the pages itself, so the header is the one place that reaches each of them).
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from . import texts
from .chart_images import figure_png
from .report_doc import Figure, Heading, Report, Table, Text

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
HEADING2_FONT = "楷体"
TABLE_FONT = "宋体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
TEXT_WIDTH_CM = 15.6  # A4 less the margins below
SAMPLE_COLOUR = RGBColor(0xB4, 0x53, 0x09)


def render(report: Report) -> bytes:
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    _cover(doc, report)
    _toc(doc, report)
    for block in report.blocks:
        if isinstance(block, Heading):
            _heading(doc, block)
        elif isinstance(block, Text):
            _text(doc, block)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Figure):
            _figure(doc, block)
    _header_footer(doc, report)
    doc.core_properties.title = f"{report.title}{report.subtitle}"
    doc.core_properties.subject = report.scope
    doc.core_properties.author = texts.APP_TITLE
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- page and styles


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.0), Cm(2.6)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.header_distance, section.footer_distance = Cm(1.5), Cm(1.4)
    # Word and WPS refresh the table of contents and page fields when the document is opened.
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _fonts(style_or_run, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, BODY_FONT, 14)
    normal.paragraph_format.first_line_indent = Pt(28)  # two characters
    normal.paragraph_format.line_spacing = Pt(26)
    normal.paragraph_format.space_after = Pt(0)
    for name, font, size in (("Heading 1", HEADING_FONT, 16), ("Heading 2", HEADING2_FONT, 15), ("Heading 3", BODY_FONT, 14)):
        style = styles[name]
        _fonts(style, font, size, bold=name != "Heading 1")
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.first_line_indent = Pt(0) if name == "Heading 1" else Pt(28)
        style.paragraph_format.keep_with_next = True
    caption = styles["Caption"]
    _fonts(caption, HEADING_FONT, 10.5, bold=False)
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.font.italic = False
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.paragraph_format.space_before = Pt(4)
    caption.paragraph_format.space_after = Pt(8)


# --------------------------------------------------------------------------- cover and contents


def _plain_paragraph(doc, text: str = "", size: float = 14, font: str = BODY_FONT, bold: bool = False,
                     align=WD_ALIGN_PARAGRAPH.LEFT, indent: bool = False):
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(28) if indent else Pt(0)
    p.paragraph_format.alignment = align
    if text:
        run = p.add_run(text)
        _fonts(run, font, size, bold)
    return p


def _cover(doc, report: Report) -> None:
    for _ in range(4):
        _plain_paragraph(doc)
    _plain_paragraph(doc, report.title, 22, TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _plain_paragraph(doc, report.subtitle, 20, TITLE_FONT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _plain_paragraph(doc, texts.DOC_DRAFT, 16, HEADING2_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    for _ in range(3):
        _plain_paragraph(doc)
    for label, value in report.cover_lines:
        p = _plain_paragraph(doc)
        p.paragraph_format.left_indent = Cm(1.5)
        _fonts(p.add_run(f"{label}："), HEADING_FONT, 12)
        _fonts(p.add_run(value), BODY_FONT, 12)
    if report.sample_statement:
        _plain_paragraph(doc)
        p = _plain_paragraph(doc)
        p.paragraph_format.left_indent = Cm(1.5)
        run = p.add_run(f"【{texts.SAMPLE}】{report.sample_statement}")
        _fonts(run, HEADING_FONT, 12, bold=True)
        run.font.color.rgb = SAMPLE_COLOUR
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (TOC, PAGE): Word computes it; the placeholder shows until it does."""
    _field_start(paragraph, instruction)
    if placeholder:
        _fonts(paragraph.add_run(placeholder), BODY_FONT, 12)
    _field_end(paragraph)


def _field_start(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    run = paragraph.add_run()
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = instruction
    run._r.append(code)
    run = paragraph.add_run()
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run._r.append(separate)


def _field_end(paragraph) -> None:
    run = paragraph.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def _toc(doc, report: Report) -> None:
    """A TOC field Word and WPS fill in with page numbers on opening (updateFields); until then, and in viewers
    that never update fields, it lists the headings, so the page is never blank."""
    _plain_paragraph(doc, texts.DOC_TOC, 16, HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    entries = [h for h in report.headings() if h.level <= 2]
    first = _plain_paragraph(doc)
    _field_start(first, 'TOC \\o "1-2" \\h \\z \\u')
    last = first
    for index, heading in enumerate(entries):
        p = first if index == 0 else _plain_paragraph(doc)
        p.paragraph_format.left_indent = Cm(0 if heading.level == 1 else 1.0)
        _fonts(p.add_run(heading.text), HEADING_FONT if heading.level == 1 else BODY_FONT, 12)
        last = p
    _field_end(last)
    _plain_paragraph(doc, texts.DOC_TOC_UPDATE, 10, BODY_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _header_footer(doc, report: Report) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.paragraph_format.first_line_indent = Pt(0)
    header.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _fonts(header.add_run(report.header), BODY_FONT, 9)
    if report.sample:
        run = header.add_run(f"　【{texts.DOC_SAMPLE_MARK}】")
        _fonts(run, HEADING_FONT, 9, bold=True)
        run.font.color.rgb = SAMPLE_COLOUR
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.first_line_indent = Pt(0)
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(footer.add_run("— "), LATIN_FONT, 10)
    _field(footer, "PAGE", "1")
    _fonts(footer.add_run(" —"), LATIN_FONT, 10)


# --------------------------------------------------------------------------- blocks


def _heading(doc, block: Heading) -> None:
    doc.add_paragraph(block.text, style=f"Heading {min(block.level, 3)}")


def _text(doc, block: Text) -> None:
    if block.kind == "blank":
        doc.add_paragraph()  # left empty on purpose: the official writes this part
        return
    p = doc.add_paragraph()
    if block.kind == "note":
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.line_spacing = Pt(18)
        _fonts(p.add_run(block.text), BODY_FONT, 10.5)
    else:
        p.add_run(block.text)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def _table(doc, block: Table) -> None:
    if block.caption:
        doc.add_paragraph(block.caption + (f"（{texts.DOC_SAMPLE_MARK}）" if block.sample else ""), style="Caption")
    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    weights = block.widths if len(block.widths) == len(block.columns) else (1.0,) * len(block.columns)
    widths = [Cm(TEXT_WIDTH_CM * w / sum(weights)) for w in weights]
    table.autofit = False  # the widths below, not Word's guess (LibreOffice and WPS read the grid)
    for column, width in zip(table.columns, widths):
        column.width = width
    for r, values in enumerate((block.columns, *block.rows)):
        row = table.rows[r]
        if r == 0:
            _repeat_header(row)
        for c, value in enumerate(values):
            cell = row.cells[c]
            cell.width = widths[c]
            p = cell.paragraphs[0]
            p.paragraph_format.first_line_indent = Pt(0)
            p.paragraph_format.line_spacing = 1.0
            p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER if r == 0 else WD_ALIGN_PARAGRAPH.LEFT
            _fonts(p.add_run(str(value)), HEADING_FONT if r == 0 else TABLE_FONT, 9, bold=False)
            if r == 0:
                shade = OxmlElement("w:shd")
                shade.set(qn("w:val"), "clear")
                shade.set(qn("w:fill"), "E7EBF0")
                cell._tc.get_or_add_tcPr().append(shade)
    doc.add_paragraph().paragraph_format.space_after = Pt(4)


def _figure(doc, block: Figure) -> None:
    image, width_px, _ = figure_png(block)
    # 96 chart pixels to the inch, never wider than the text.
    width = Cm(min(TEXT_WIDTH_CM, width_px / 96 * 2.54))
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.line_spacing = 1.0  # the body's exact line height would crop the picture to one line
    p.add_run().add_picture(io.BytesIO(image), width=width)
    doc.add_paragraph(block.caption + (f"（{texts.DOC_SAMPLE_MARK}）" if block.sample else ""), style="Caption")
