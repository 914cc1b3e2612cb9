"""How fast each page is for an official, against a bare Streamlit page, measured in one run: `make bench-pages`.

    .venv/bin/python bench/pages.py [--loads 5] [--pages 总览 街镇 …] [--store PATH]

Starts the dashboard as `make run` serves it (server.py) and a bare page (bench/bare_page.py: one Altair chart) with
the same server settings, and drives Debian's chromium, alternating the two with a fresh browser context for every
load. For every page it prints:
- settle: from navigation until the script is idle, no element is still a loading placeholder (Streamlit draws a
  skeleton while an element's code is fetched) and every chart is drawn, median, and its ratio to the bare page;
- sent: bytes the server sent over the websocket for that load;
- filter: for the overview and 街镇, from choosing one town in the sidebar until the view is redrawn, median;
- script: one warm run of the page's script in-process (streamlit.testing AppTest), median.
It is a benchmark, not a test: the machine is shared and noisy, so read the ratios, and run it more than once.
Goals (issue 13): settle <= 1.5x the bare page; filter <= 0.5 s; the overview's warm script run <= 0.3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_ARGS, GAUGES, free_port  # noqa: E402

PAGES = {
    "总览": ("/", "app.py"),
    "指标详情": ("/指标详情", "pages/1_指标详情.py"),
    "街镇": ("/街镇", "pages/2_街镇.py"),
    "重大项目": ("/重大项目", "pages/3_重大项目.py"),
    "数据管理": ("/数据管理", "pages/7_数据管理.py"),
    "口径说明": ("/口径说明", "pages/8_口径说明.py"),
    "数据格式": ("/数据格式", "pages/9_数据格式.py"),
}
FILTERED = ("总览", "街镇")
GOAL_SETTLE, GOAL_FILTER, GOAL_SCRIPT = 1.5, 0.5, 0.3
IDLE = "document.querySelector(\"[data-testid='stApp']\")?.dataset.testScriptState === 'notRunning'"
# Charts in a tab not shown (重大项目's 按章, 按镇街) are drawn only when the tab is opened: count what is visible.
# The overview's gauges are SVG images (ui.svg): drawn once the browser has decoded them.
_VISIBLE = f"[...document.querySelectorAll(\"[data-testid='stVegaLiteChart'], {GAUGES}\")].filter(e => e.offsetParent !== null)"
CHARTS = f"{_VISIBLE}.length"
DRAWN = f"{_VISIBLE}.filter(e => e.tagName === 'IMG' ? e.complete && e.naturalWidth > 0 : e.querySelector('canvas, svg.marks')).length"
# Streamlit fetches each kind of element's code when a page first uses it and shows a skeleton meanwhile; a chart is
# a skeleton, not a stVegaLiteChart, until then. Without this the overview "settled" before any of its 18 gauges
# existed, and their drawing ran into the next measurement (the filter change).
LOADING = "[...document.querySelectorAll(\"[data-testid='stSkeleton']\")].filter(e => e.offsetParent !== null).length"


def serve(script: str, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.address", "127.0.0.1", "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    import urllib.request

    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{script} did not start")


def settled(page) -> None:
    """Idle, nothing still loading, and every chart on the page drawn and the count no longer growing."""
    page.wait_for_function(IDLE, timeout=300_000)
    last = -1
    while True:
        page.wait_for_function(f"{DRAWN} >= {CHARTS} && {LOADING} === 0", timeout=300_000)
        count = page.evaluate(CHARTS)
        if count == last and page.evaluate(IDLE) and page.evaluate(LOADING) == 0:
            return
        last = count
        page.wait_for_timeout(250)


def load(browser, url: str) -> tuple[float, int]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received = [0]
    cdp.on("Network.webSocketFrameReceived", lambda e: received.__setitem__(0, received[0] + len(e["response"]["payloadData"])))
    start = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=300_000)
    page.wait_for_timeout(200)  # let the first script run begin
    settled(page)
    elapsed = time.perf_counter() - start - 0.25  # settled() waits 250 ms to see the count stand still
    context.close()
    return elapsed, received[0]


def filter_change(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=300_000)
    page.wait_for_timeout(200)
    settled(page)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    box.click()
    town = "精武镇"
    option = page.get_by_role("option", name=town, exact=True)
    option.wait_for(timeout=30_000)
    start = time.perf_counter()
    option.click()
    # The view line names the town once the page has been redrawn for it.
    page.wait_for_function(f"document.body.innerText.includes('当前视图：{town}')", timeout=300_000)
    settled(page)
    elapsed = time.perf_counter() - start - 0.25
    context.close()
    return elapsed


def script_time(script: str, runs: int = 5) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    if script != "app.py":
        at.switch_page(script).run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES), help="measure only these pages")
    parser.add_argument("--store", help="a store to measure with (e.g. one holding the big data set); default: a fresh one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    store = args.store or str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
    env = {**os.environ, "XQ_STORE": store}
    os.environ["XQ_STORE"] = store
    app, app_url = serve("server.py", env)
    bare, bare_url = serve("bench/bare_page.py", env)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            load(browser, app_url)  # warm both servers: the first load of a process pays its imports
            load(browser, bare_url)
            print(f"{'page':<8} {'settle':>8} {'bare':>7} {'ratio':>6} {'sent':>9} {'filter':>7} {'script':>7}")
            for name in args.pages:
                path, script = PAGES[name]
                ours, base, sent = [], [], []
                for _ in range(args.loads):
                    t, _bytes = load(browser, bare_url)
                    base.append(t)
                    t, size = load(browser, app_url + path)
                    ours.append(t)
                    sent.append(size)
                filt = statistics.median(filter_change(browser, app_url + path) for _ in range(args.loads)) if name in FILTERED else None
                run = script_time(script)
                ratio = statistics.median(ours) / statistics.median(base)
                print(
                    f"{name:<8} {statistics.median(ours):>7.2f}s {statistics.median(base):>6.2f}s {ratio:>5.2f}x "
                    f"{statistics.median(sent) / 1024:>7.0f}KB {'' if filt is None else f'{filt:.2f}s':>7} {run:>6.2f}s"
                    + ("" if ratio <= GOAL_SETTLE else "  (settle goal not met)")
                    + ("" if filt is None or filt <= GOAL_FILTER else "  (filter goal not met)")
                )
            browser.close()
    finally:
        for proc in (app, bare):
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()
