"""报告导出 and the download buttons in a real browser: one click gives the Word and the PDF report of the view in
the link, a chart leaves as PNG and SVG, a table as Excel; screenshots at a desktop and a phone width."""

from __future__ import annotations

import io
import zipfile

import pytest

from tests.test_browser import browser, open_page, server, shoot  # noqa: F401  (module fixtures, reused)

pytestmark = pytest.mark.browser
REPORT = "/报告导出?town=精武镇&year=2024"


def settled(page) -> None:
    page.wait_for_function("document.querySelectorAll(\"[data-testid='stSkeleton']\").length === 0", timeout=60_000)
    page.wait_for_timeout(800)


def download(page, label: str, timeout: float = 180_000):
    """Click a download button by its words and return (file name, bytes) of what the browser saved."""
    with page.expect_download(timeout=timeout) as caught:
        page.locator("[data-testid='stDownloadButton'] button", has_text=label).first.click()
    saved = caught.value
    return saved.suggested_filename, open(saved.path(), "rb").read()


@pytest.mark.parametrize("width", [1280, 390])
def test_report_page_as_an_official_sees_it(server: str, browser, width: int) -> None:  # noqa: F811
    page = open_page(browser, f"{server}{REPORT}", charts=0, width=width)
    page.get_by_text("下载 Word 报告").first.wait_for(timeout=60_000)
    settled(page)
    body = page.inner_text("body").replace("\n", "")
    for text in ("当前视图：精武镇 · 2024年", "2024年度实施监测报告", "下载 PDF 报告", "下载当前视图", "下载完整数据",
                 "报告内容预览", "主要指标完成情况", "下一步工作建议", "示例"):
        assert text in body, text
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shoot(page, f"report-{width}.png")
    page.close()


def test_one_click_gives_the_word_and_the_pdf_report_of_the_view(server: str, browser) -> None:  # noqa: F811
    from docx import Document

    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN", accept_downloads=True)
    page.goto(f"{server}{REPORT}", wait_until="domcontentloaded")
    page.get_by_text("下载 Word 报告").first.wait_for(timeout=60_000)
    settled(page)
    name, data = download(page, "下载 Word 报告（.docx）")
    assert name == "西青区新型城镇化规划2024年度监测报告（精武镇）.docx"
    doc = Document(io.BytesIO(data))
    assert any(p.text == "报告范围：精武镇 · 2024年" for p in doc.paragraphs)
    assert len(doc.inline_shapes) > 10
    name, data = download(page, "下载 PDF 报告")
    assert name.endswith("（精武镇）.pdf") and data[:5] == b"%PDF-"
    name, data = download(page, "下载完整数据（可修改后上传）")
    assert name.endswith(".xlsx") and zipfile.is_zipfile(io.BytesIO(data))
    page.close()


def test_a_chart_leaves_as_png_and_svg_and_a_table_as_excel(server: str, browser) -> None:  # noqa: F811
    from openpyxl import load_workbook

    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="zh-CN", accept_downloads=True)
    page.goto(f"{server}/指标详情?indicator=13", wait_until="domcontentloaded")
    page.wait_for_function("document.querySelectorAll(\"[data-testid='stVegaLiteChart'] svg.marks, "
                           "[data-testid='stVegaLiteChart'] canvas\").length >= 1", timeout=90_000)
    settled(page)
    name, png = download(page, "PNG", timeout=60_000)
    assert name == "城镇生活垃圾无害化处理率_全区.png" and png[:8] == b"\x89PNG\r\n\x1a\n"
    name, svg = download(page, "SVG", timeout=60_000)
    text = svg.decode("utf-8")
    assert name.endswith(".svg") and text.startswith("<svg") and "预警" in text  # Chinese words, as text
    name, xlsx = download(page, "下载 Excel", timeout=60_000)
    assert name == "城镇生活垃圾无害化处理率_填报数值.xlsx"
    ws = load_workbook(io.BytesIO(xlsx)).active
    header = [c.value for c in ws[1]]
    assert header[:2] == ["年份", "数值（%）"] and ws.freeze_panes == "A2"
    assert [r[1] for r in ws.iter_rows(min_row=2, values_only=True)] == [100, 99.2]
    page.close()
