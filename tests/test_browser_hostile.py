"""Issue 10 in a real browser against a real `streamlit run`: a crashing upload and a broken page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import hostile
from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DRAWN, streamlit_process
from xq_metrics import texts

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    return page


def log_in_and_upload(browser, url: str, upload: Path):
    page = open_page(browser, f"{url}/数据管理")
    page.get_by_label("用户名").fill("王五")
    page.get_by_label("密码").fill("hostile-pass-1")
    page.get_by_role("button", name="登录").click()
    page.get_by_text("已登录：王五").first.wait_for(timeout=30_000)
    page.locator("input[type='file']").set_input_files(str(upload))
    return page


@pytest.mark.parametrize(
    ("script", "case"),
    [("server.py", "far_cell_single_quotes"), ("tests/unscreened_server.py", "far_cell_single_quotes"),
     ("tests/unscreened_server.py", "wide_row_without_r")],
    ids=["screened", "screen-off-far-cell", "screen-off-positional-row"],
)
def test_a_crashing_upload_leaves_the_dashboard_up(browser, tmp_path: Path, script: str, case: str) -> None:
    """The file that made calamine abort the whole server: refused, and every page still works afterwards.

    With the screen switched off the file reaches the reader, whose child process is killed by its memory
    limit; the server only logs it.
    """
    from xq_metrics import auth
    from xq_metrics.store import open_store

    store_path = tmp_path / "hostile.sqlite3"
    auth.add_editor(open_store(str(store_path)), "王五", "hostile-pass-1")
    upload = tmp_path / "5KB.xlsx"
    upload.write_bytes(hostile.SCREEN_MISSED[case][0]())
    with streamlit_process(env={"XQ_STORE": str(store_path)}, script=script) as (url, server):
        page = log_in_and_upload(browser, url, upload)
        page.get_by_text("不能保存").wait_for(timeout=60_000)
        assert server.poll() is None  # the server is alive
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error" not in body
        page.screenshot(path=str(ARTIFACTS / f"hostile-upload-{case}-{Path(script).stem}.png"))
        page.close()
        overview = open_page(browser, url)
        overview.wait_for_function(f"n => {DRAWN} >= n", arg=18, timeout=90_000)
        assert "常住人口城镇化率" in overview.inner_text("body")
        overview.close()
        assert server.poll() is None
    log = (ARTIFACTS / f"streamlit-{url.rsplit(':', 1)[1]}.log").read_text(errors="replace")
    if script != "server.py":
        # The isolation's log line for the child its memory limit killed (calamine's own words follow it).
        assert "_read_in_child stopped" in log and "memory" in log and "memory allocation of" in log


def test_an_unexpected_error_shows_a_chinese_message_and_no_traceback(browser, tmp_path: Path) -> None:
    """A store that is not a database makes every page raise: the official reads Chinese, the log the details."""
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    with streamlit_process(env={"XQ_STORE": str(broken)}) as (url, server):
        page = open_page(browser, url)
        page.get_by_text("页面出现意外错误").wait_for(timeout=60_000)
        body = page.inner_text("body")
        incident = re.search(r"编号 ([0-9a-f]{8})", body)
        assert incident is not None
        for leak in ("Traceback", "DatabaseError", "sqlite", "file is not a database", "This app has encountered"):
            assert leak not in body
        page.screenshot(path=str(ARTIFACTS / "unexpected-error.png"))
        page.close()
        assert server.poll() is None
    log = (ARTIFACTS / f"streamlit-{url.rsplit(':', 1)[1]}.log").read_text(errors="replace")
    # The same number on the server, with the traceback an administrator needs.
    assert f"incident {incident.group(1)}" in log and "Traceback" in log and "DatabaseError" in log
    assert texts.UNEXPECTED_ERROR.startswith("页面出现意外错误")
