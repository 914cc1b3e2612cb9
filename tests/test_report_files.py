"""The report as files: the .docx read back with python-docx, the PDF read with poppler (pdftotext, pdffonts,
pdftoppm), and Chinese in text and charts on a machine without any CJK system font."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm

from xq_metrics import chart_images, fonts, texts
from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters
from xq_metrics.report_doc import DataVersion, Report, build
from xq_metrics.report_docx import render as render_docx
from xq_metrics.report_pdf import render as render_pdf

ROOT = Path(__file__).resolve().parent.parent
VERSION = DataVersion(3, datetime(2025, 3, 1, 9, 30), "张三", "2024年监测数据.xlsx")


@pytest.fixture(scope="module")
def town_report() -> Report:
    data = load_default().dataset
    assert data is not None
    return build(data, Filters(year=2024, towns=("精武镇",)), VERSION, date(2025, 3, 1))


@pytest.fixture(scope="module")
def docx_file(town_report: Report):
    return Document(io.BytesIO(render_docx(town_report)))


@pytest.fixture(scope="module")
def pdf_file(town_report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(render_pdf(town_report))
    return path


def _poppler(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is missing: `make test` installs Debian's poppler-utils")
    return found


def pdf_pages(path: Path, layout: bool = True) -> list[str]:
    """The text of each page; without layout, a table's cells come one after the other (a cell stays whole)."""
    flags = ["-layout"] if layout else []
    out = subprocess.run([_poppler("pdftotext"), *flags, str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


# --------------------------------------------------------------------------- Word


def test_docx_headings_are_the_reports_in_words_own_heading_styles(docx_file, town_report: Report) -> None:
    found = [(p.style.name, p.text) for p in docx_file.paragraphs if p.style.name.startswith("Heading")]
    expected = [(f"Heading {min(h.level, 3)}", h.text) for h in town_report.headings()]
    assert found == expected


def test_docx_tables_hold_the_reports_rows(docx_file, town_report: Report) -> None:
    tables = town_report.tables()
    assert len(docx_file.tables) == len(tables)
    for word, table in zip(docx_file.tables, tables):
        cells = [[c.text for c in row.cells] for row in word.rows]
        assert cells[0] == list(table.columns)
        assert cells[1:] == [list(r) for r in table.rows]
    first = docx_file.tables[0]
    assert first.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # the header row repeats on every page


def test_docx_has_every_figure_a4_a_toc_field_and_page_numbers(docx_file, town_report: Report) -> None:
    assert len(docx_file.inline_shapes) == len(town_report.figures())
    assert all(shape.width <= Cm(15.7) for shape in docx_file.inline_shapes)
    section = docx_file.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    body = docx_file.element.body.xml
    assert 'TOC \\o "1-2"' in body
    assert "PAGE" in section.footer._element.xml
    captions = [p.text for p in docx_file.paragraphs if p.style.name == "Caption"]
    assert [c.split("（")[0] for c in captions if c.startswith("图")] == [f.caption.split("（")[0] for f in town_report.figures()]


def test_docx_states_the_sample_data_on_the_cover_and_in_every_pages_header(docx_file, town_report: Report) -> None:
    cover = "\n".join(p.text for p in docx_file.paragraphs[:30])
    assert town_report.sample_statement in cover
    header = docx_file.sections[0].header.paragraphs[0].text
    assert texts.DOC_SAMPLE_MARK in header and "精武镇" in header


def test_docx_next_steps_is_left_empty(docx_file) -> None:
    paragraphs = docx_file.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text.endswith("下一步工作建议"))
    assert paragraphs[at + 1].text == "" and paragraphs[at + 2].style.name == "Heading 1"


# --------------------------------------------------------------------------- PDF


def test_pdf_is_a4_with_the_cjk_font_embedded(pdf_file: Path) -> None:
    info = subprocess.run([_poppler("pdfinfo"), str(pdf_file)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    listed = subprocess.run([_poppler("pdffonts"), str(pdf_file)], capture_output=True, text=True, check=True).stdout
    embedded = [line for line in listed.splitlines() if "WenQuanYi" in line]
    assert embedded and all(" yes yes " in line for line in embedded)


def test_pdf_text_has_the_headings_captions_and_sentences(pdf_file: Path, town_report: Report) -> None:
    """Every heading, caption and sentence of the report is in the PDF's text (a table's rows are checked in the
    Word test: the same Report feeds both, and pdftotext interleaves the lines of neighbouring cells)."""
    text = re.sub(r"\s+", "", "".join(pdf_pages(pdf_file, layout=False)))
    for block in town_report.blocks:
        words = getattr(block, "text", "") or getattr(block, "caption", "")
        assert re.sub(r"\s+", "", words) in text, words
    assert "城市公园绿地服务半径覆盖率：滞后（示例）。" in text


def test_pdf_has_a_table_of_contents_with_page_numbers_and_numbered_pages(pdf_file: Path) -> None:
    pages = pdf_pages(pdf_file)
    toc = pages[1]
    assert texts.DOC_TOC in toc
    assert re.search(r"一、主要指标完成情况[ .·]*\d+", toc)
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert f"第 {number} 页 / 共 {total} 页" in page


def test_pdf_marks_exactly_the_pages_that_carry_sample_content(pdf_file: Path) -> None:
    pages = pdf_pages(pdf_file)
    carried = 0
    for page in pages[1:]:  # the cover states it in words
        sample = "（示例）" in page or "示例数据）" in page
        marked = texts.DOC_SAMPLE_PAGE_MARK in page
        assert marked == sample, page[:300]
        carried += sample
    assert carried >= 3
    assert texts.DOC_SAMPLE_PAGE_MARK not in pages[1]  # the contents page rests on nothing


def test_pdf_pages_render_to_images(pdf_file: Path, tmp_path: Path) -> None:
    subprocess.run([_poppler("pdftoppm"), "-r", "40", "-png", "-f", "1", "-l", "4", str(pdf_file), str(tmp_path / "p")],
                   check=True)
    shots = sorted(tmp_path.glob("p-*.png"))
    assert len(shots) == 4 and all(s.stat().st_size > 2000 for s in shots)


# --------------------------------------------------------------------------- a machine without CJK fonts

_PROBE = textwrap.dedent("""
    import sys, vl_convert
    sys.path.insert(0, {root!r})
    from xq_metrics import chart_images, report_pdf
    from xq_metrics.report_doc import Report, Text, Heading
    spec = {{"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "title": "城镇化率指标",
             "data": {{"values": [{{"a": "杨柳青镇", "b": 3}}]}}, "mark": "bar",
             "encoding": {{"x": {{"field": "a", "type": "nominal"}}, "y": {{"field": "b", "type": "quantitative"}}}}}}
    if sys.argv[1] == "bare":
        pdf = vl_convert.vegalite_to_pdf(spec)
    else:
        chart_images.png(spec)  # registers the shipped font, as every chart image does
        pdf = vl_convert.vegalite_to_pdf(spec)
        report = Report("西青区", "监测报告", (), "", "页眉", (Heading("一、主要指标", 1), Text("常住人口城镇化率")), "r", 2024, "全区")
        open(sys.argv[3], "wb").write(report_pdf.render(report))
    open(sys.argv[2], "wb").write(pdf)
""")


def test_chinese_renders_without_any_system_font(tmp_path: Path) -> None:
    """What a fresh machine with only `make run` has: no CJK font under /usr/share/fonts. The charts and the report
    still render Chinese from the shipped font, and without it they would not (the check can fail)."""
    if os.geteuid() != 0:
        pytest.fail("this test hides the system fonts in a private mount namespace and needs root (make test runs as root)")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    probe = tmp_path / "probe.py"
    probe.write_text(_PROBE.format(root=str(ROOT)), encoding="utf-8")
    hidden = f"mount --bind {empty} /usr/share/fonts && fc-list | wc -l && exec {sys.executable} {probe} \"$@\""
    results = {}
    for mode in ("bare", "shipped"):
        chart, report = tmp_path / f"{mode}-chart.pdf", tmp_path / f"{mode}-report.pdf"
        run = subprocess.run(["unshare", "--mount", "sh", "-c", hidden, "sh", mode, str(chart), str(report)],
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert run.stdout.split()[0] == "0"  # fontconfig sees no font at all in there
        results[mode] = subprocess.run([_poppler("pdftotext"), str(chart), "-"], capture_output=True, text=True).stdout
        if mode == "shipped":
            words = subprocess.run([_poppler("pdftotext"), str(report), "-"], capture_output=True, text=True).stdout
            assert "常住人口城镇化率" in words and "一、主要指标" in words
    assert "城镇化率指标" not in results["bare"]  # vl-convert alone draws empty boxes
    assert "城镇化率指标" in results["shipped"] and "杨柳青镇" in results["shipped"]


def test_chart_files_carry_chinese_text() -> None:
    from xq_metrics import charts
    from xq_metrics.indicator_view import history

    data = load_default().dataset
    indicator = data.indicators[5]
    shown = history(data, indicator)
    chart = charts.history(shown, indicator)
    svg = chart_images.svg(chart).decode("utf-8")
    assert svg.startswith("<svg")
    for point in shown.points:  # the legend names each point's status in words
        assert (texts.ALERT if point.alert else point.status.label) in svg
    png = chart_images.png(chart)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert fonts.CJK_FONT.is_file() and fonts.CJK_FONT.stat().st_size > 4_000_000
