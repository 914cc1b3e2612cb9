"""Every page on the big data set, server side only: `make bench-big` (issue 13).

    .venv/bin/python bench/big_pages.py [PAGE …] [--default] [--store PATH]

Copies the store holding the big data set (bench/big_store.py: 1,000 indicators, 200,000 values, 20,000
projects as the current version) to a temporary directory and runs each page in-process with Streamlit's AppTest,
twice: the first run pays what the page computes once per data version (caches), the warm run what every rerun
pays. For each page it prints both times, the number of elements drawn and the approximate bytes sent to the
browser: the size of the page's elements as Streamlit sends them (protobuf), charts and tables included.
`--default` measures the plan's own data instead (a fresh store). A benchmark, not a test: no goals are asserted,
and on a shared machine the times swing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PAGES = (
    "app.py", "pages/1_指标详情.py", "pages/2_街镇.py", "pages/3_重大项目.py", "pages/4_任务分工.py", "pages/5_部门.py",
    "pages/6_报告导出.py", "pages/7_数据管理.py", "pages/8_口径说明.py", "pages/9_数据格式.py",
)


def pad(text: str, width: int = 24) -> str:
    """Left-aligned in `width` terminal columns: a CJK character takes two."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - used, 1)


def elements(node) -> list:
    """Every element of an AppTest tree (blocks walked, widgets and charts included)."""
    children = getattr(node, "children", None)
    if children is None:
        return [node]
    found = []
    for child in children.values():
        found.extend(elements(child))
    return found


def payload(at) -> tuple[int, int]:
    """(elements, bytes): the page's elements as the protobuf messages the browser receives."""
    found = [e for e in elements(at._tree) if getattr(e, "proto", None) is not None]
    return len(found), sum(e.proto.ByteSize() for e in found)


def measure(page: str, timeout: float) -> dict[str, object]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    if page != "app.py":
        at.switch_page(page)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    start = time.perf_counter()
    at.run()
    warm = time.perf_counter() - start
    count, size = payload(at)
    errors = [(list(e.stack_trace) or [e.value])[-1].strip()[:120] for e in at.exception]
    return {"page": page, "first": first, "warm": warm, "elements": count, "bytes": size, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="*", help="pages to run (default: every page)")
    parser.add_argument("--default", action="store_true", help="the plan's own data (a fresh store), not the big set")
    parser.add_argument("--store", help="a big store to copy (default: bench/.cache/big.sqlite3, built when missing)")
    parser.add_argument("--timeout", type=float, default=1200)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xq-big-"))
    target = work / "big.sqlite3"
    if not args.default:
        if args.store:
            source = Path(args.store)
        else:
            import big_store
            import make_big

            source = big_store.build(make_big.CACHE / "big.sqlite3")
        shutil.copyfile(source, target)  # the pages never write, but the copy keeps the cached store pristine
    os.environ["XQ_STORE"] = str(target)
    print(f"{pad('page')}{'first':>8} {'warm':>8} {'elements':>9} {'sent':>10}")
    try:
        # The data set is read from the store once per version for every page: timed on its own, not in a page.
        r = measure("pages/9_数据格式.py", args.timeout)
        print(f"{pad('(data set, first load)')}{r['first']:>7.1f}s", flush=True)
        for page in args.pages or PAGES:
            r = measure(page, args.timeout)
            print(
                f"{pad(r['page'])}{r['first']:>7.1f}s {r['warm']:>7.1f}s {r['elements']:>9} {r['bytes'] / 1024:>8.0f}KB"
                + (f"  exception: {r['errors'][0]}" if r["errors"] else ""),
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
