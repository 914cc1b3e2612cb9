"""Screenshots of dashboard pages as an official sees them: `python scripts/screenshots.py PATH [PATH ...]`.

Each PATH is a page with its query, e.g. "/" or "/街镇?town=杨柳青镇". Starts `streamlit run` on a free loopback
port, drives Debian's chromium, and writes artifacts/shot-N.png, grown to the page's full height.
`--width 390` shoots at a phone's width (default 1400).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

SETTLE_MS = 6000  # charts render after the page's first paint


def main(paths: list[str], width: int = 1400) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for index, path in enumerate(paths):
            page = browser.new_page(viewport={"width": width, "height": 1000}, locale="zh-CN")
            page.goto(url + path)
            page.wait_for_selector("[data-testid='stApp']")
            page.wait_for_timeout(SETTLE_MS)
            height = page.evaluate(
                "() => Math.max(...[...document.querySelectorAll('[data-testid=\"stMain\"], body')]"
                ".map(e => e.scrollHeight))"
            )
            page.set_viewport_size({"width": width, "height": min(max(height, 1000), 6000)})
            page.wait_for_timeout(1500)
            out = ARTIFACTS / f"shot-{index}.png"
            page.screenshot(path=str(out))
            print(out, path)
            page.close()
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen = 1400
    if "--width" in args:
        at = args.index("--width")
        chosen = int(args[at + 1])
        del args[at:at + 2]
    main(args or ["/"], chosen)
