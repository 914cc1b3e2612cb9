"""The dashboard as an official sees it: real `streamlit run`, real chromium, Chinese text on screen."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, streamlit_server

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, url: str, charts: int):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    if charts:
        # A chart counts as drawn once vega-embed has put its canvas or svg into the element.
        page.wait_for_function(
            "n => document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, "
            "[data-testid='stVegaLiteChart'] svg.marks\").length >= n",
            arg=charts, timeout=90_000,
        )
    page.wait_for_timeout(500)
    return page


def shoot(page, name: str) -> None:
    """Streamlit scrolls inside its own container, so grow the window to the content before the screenshot."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], section.main, body')]"
        ".map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": 1400, "height": min(max(height, 1000), 6000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / name))


def test_overview_draws_all_18_gauges_with_chinese_names(server: str, browser) -> None:
    page = open_page(browser, server, charts=18)
    drawn = page.locator("[data-testid='stVegaLiteChart']").count()
    assert drawn == 18
    body = page.inner_text("body")
    for name in ("常住人口城镇化率", "城镇调查失业率", "森林覆盖率", "单位GDP能源消耗降低", "城镇生活垃圾无害化处理率"):
        assert name in body
    assert "示例" in body  # the sample data say so on the page
    shoot(page, "overview.png")
    page.close()


def test_indicator_page_shows_history_and_target_reading(server: str, browser) -> None:
    page = open_page(browser, f"{server}/指标详情", charts=1)
    body = page.inner_text("body")
    assert "目标解读" in body and "判断依据" in body
    shoot(page, "indicator.png")
    page.close()
