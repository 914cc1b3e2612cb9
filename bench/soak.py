"""Does the server give memory back? N uploads of a 2–3 MB workbook in one browser session, RSS before and after.

    .venv/bin/python bench/soak.py [--uploads 8] [--script server.py]

A real `streamlit run` (tests/browser.py, as `make run` starts it) driven by Debian's chromium: an editor logs
in, then uploads a different 2–3 MB workbook N times on the 数据管理 page, saving every other one and cancelling
the rest, as in issue 10 (188 MB -> 373 MB after eight). The server's resident memory (VmRSS of the streamlit
process; the isolation's fork server is a separate, constant process and printed apart) is read after login,
after each upload and after the last one has settled. A saved upload makes the data in use larger, so the
reference is a fresh server started on the same store afterwards: it holds the same data in use and never saw
an upload. Two goals against it, measured in the same run: no growth over the second half of the uploads
(STEADY), and the end within MARGIN of it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, streamlit_process  # noqa: E402
from xq_metrics import schema, texts  # noqa: E402

# Goals, as fractions of a fresh server holding the same data in use (measured in the same run):
MARGIN = 0.25  # after N uploads, at most this much above it
STEADY = 0.10  # over the second half of the uploads, memory grows by at most this much (no leak)
INDICATORS = 150
YEARS = tuple(range(2000, 2026))
TOWNS = ("杨柳青镇", "辛口镇", "张家窝镇", "精武镇", "中北镇", "王稳庄镇", "李七庄街", "西营门街", "大寺镇", "赤龙南街", "津门湖街")
CATEGORIES = ("城镇化水平", "市民化质量", "城市功能", "生态环境")
SETTLE_SECONDS = 5
SAVE_OR_CONFIRM = (
    "document.querySelector(\"[data-testid='stCheckbox']\") !== null || "
    "[...document.querySelectorAll('button')].some(b => b.innerText.includes('%s') && !b.disabled)" % texts.SAVE_BUTTON
)


def workbook(path: Path, round_: int) -> None:
    """The plan's own catalogue plus INDICATORS more indicators and their values: about 2.5 MB.

    The plan's sheets are copied as they are, so the upload orphans nothing in the data in use; the figures and
    their notes differ from round to round, so every upload is a new file with changes to save.
    """
    from openpyxl import load_workbook

    from xq_metrics.defaults import PLAN_WORKBOOK

    rng = random.Random(round_)
    plan = load_workbook(PLAN_WORKBOOK, read_only=True)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    names = []
    for ws in plan.worksheets:
        out = book.add_worksheet(ws.title)
        rows = list(ws.iter_rows(values_only=True))
        if ws.title == schema.INDICATORS.name:
            header = list(rows[0])
            for i in range(1, INDICATORS + 1):
                extra = {"编号": 100 + i, "类别": CATEGORIES[i % 4], "指标": f"监测指标{i:04d}", "单位": "%",
                         "2025年目标": ">90", "属性": "预期性", "章": 1 + i % 8, "出处": "压力测试"}
                rows.append(tuple(extra.get(h) for h in header))
            names = [r[header.index("指标")] for r in rows[1:]]
        for r, row in enumerate(rows):
            out.write_row(r, 0, row)
    values = book.add_worksheet(schema.VALUES.name)
    values.write_row(0, 0, ["指标", "镇街", "年份", "数值", "出处", "备注"])
    r = 1
    # Figures for the added indicators only: random figures for the plan's own would be refused as unit mistakes
    # against the data in use (UNIT_SUSPECT), and a refused upload measures nothing.
    for name in names[-INDICATORS:]:
        for place in (schema.DISTRICT, *TOWNS):
            for year in YEARS:
                values.write_row(r, 0, [
                    name, place, year, round(rng.uniform(20, 100), 2), f"{year}年统计年鉴第{rng.randint(1, 400)}页",
                    f"核对人{rng.randint(1, 10**6)}，复核{rng.randint(1, 10**6)}",
                ])
                r += 1
    book.close()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def children_rss_mb(pid: int) -> float:
    """Resident memory of the server's child processes (the isolation's fork server), for the record."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            total += rss_mb(int(entry.name))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=8)
    parser.add_argument("--script", default="server.py", help="what `streamlit run` serves")
    parser.add_argument("--mode", choices=("alternate", "cancel", "save"), default="alternate",
                        help="save every other upload (issue 10), or cancel or save them all")
    parser.add_argument("--env", nargs="*", default=[], help="NAME=VALUE for the server, e.g. MALLOC_ARENA_MAX=8")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from xq_metrics import auth
    from xq_metrics.store import open_store

    ARTIFACTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store_path = folder / "soak.sqlite3"
        auth.add_editor(open_store(str(store_path)), "压测", "soak-pass-1")
        files = []
        for n in range(args.uploads):
            path = folder / f"第{n + 1}轮.xlsx"
            workbook(path, n)
            files.append(path)
        print(f"{args.uploads} workbooks of {sum(p.stat().st_size for p in files) / len(files) / 1e6:.1f} MB on average")
        env = {"XQ_STORE": str(store_path), **dict(e.split("=", 1) for e in args.env)}
        with streamlit_process(env=env, script=args.script) as (url, server), sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = log_in(browser, url)
            baseline = rss_mb(server.pid)
            print(f"after login: server {baseline:.0f} MB, its children {children_rss_mb(server.pid):.0f} MB")
            saved = 1
            series: list[float] = []
            for n, path in enumerate(files):
                started = time.perf_counter()
                # After a save or a cancel the page swaps in a fresh, empty uploader: wait for the swap.
                page.wait_for_function("document.querySelectorAll(\"input[type='file']\").length === 1", timeout=60_000)
                page.get_by_text(texts.REPORT_TITLE).first.wait_for(state="detached", timeout=60_000)
                page.locator("input[type='file']").set_input_files(str(path))
                page.get_by_text(texts.REPORT_OK.split("：")[0]).wait_for(timeout=180_000)
                if args.mode == "save" or (args.mode == "alternate" and n % 2 == 0):
                    # The first file adds indicators: a plan change, saved only after its counted yes is ticked.
                    page.wait_for_function(SAVE_OR_CONFIRM, timeout=60_000)
                    if page.locator("[data-testid='stCheckbox']").count():
                        page.locator("[data-testid='stCheckbox'] label").first.click()
                    page.get_by_role("button", name=texts.SAVE_BUTTON).click()
                    saved += 1
                    page.get_by_text(texts.SAVED.format(number=saved)[:6]).wait_for(timeout=180_000)
                    action = "saved"
                else:
                    page.get_by_role("button", name=texts.CANCEL_BUTTON).click()
                    page.get_by_text(texts.CANCELLED).wait_for(timeout=60_000)
                    action = "cancelled"
                series.append(rss_mb(server.pid))
                print(f"upload {n + 1} ({action}, {time.perf_counter() - started:4.1f} s): server {series[-1]:.0f} MB")
            time.sleep(SETTLE_SECONDS)
            after = rss_mb(server.pid)
            children = children_rss_mb(server.pid)
            browser.close()
        # The same data in use, in a server that never saw an upload: what the data itself costs.
        with streamlit_process(env=env, script=args.script) as (url, server), sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            log_in(browser, url)
            fresh = rss_mb(server.pid)
            browser.close()
    growth = (after - fresh) / fresh
    half = series[len(series) // 2 - 1] if len(series) > 1 else baseline
    steady = (series[-1] - half) / fresh
    print(f"\nafter login {baseline:.0f} MB -> after {args.uploads} uploads {after:.0f} MB (+{after - baseline:.0f} MB)")
    print(f"a fresh server holding the same data in use: {fresh:.0f} MB")
    print(f"second half of the uploads: {half:.0f} -> {series[-1]:.0f} MB, {steady:+.0%} of fresh "
          f"(goal within {STEADY:.0%}: no growth once warm) {'ok' if steady <= STEADY else 'MISSED'}")
    print(f"after / fresh: {after / fresh:.2f} ({growth:+.0%}; goal within {MARGIN:.0%}) {'ok' if growth <= MARGIN else 'MISSED'}")
    print(f"isolation's fork server and children: {children:.0f} MB")


def log_in(browser, url: str):
    """A new browser session, logged in on the 数据管理 page, left to settle."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page.goto(f"{url}/数据管理")
    page.get_by_label(texts.LOGIN_NAME).fill("压测")
    page.get_by_label(texts.LOGIN_PASSWORD).fill("soak-pass-1")
    page.get_by_role("button", name=texts.LOGIN_BUTTON).click()
    page.get_by_text("已登录：压测").first.wait_for(timeout=60_000)
    time.sleep(SETTLE_SECONDS)
    return page


if __name__ == "__main__":
    main()
