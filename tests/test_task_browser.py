"""The 任务分工 and 部门 pages in a real browser at a desktop and a phone width: what must and must not show, no
sideways scrolling of the page, and a screenshot of each in artifacts/ to look at."""

from __future__ import annotations

import pytest

from tests.test_browser import browser, open_page, server, shoot  # noqa: F401  (module fixtures, reused)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(
    ("path", "charts", "present", "absent", "shot"),
    [
        # 第五章 opened: the tree shows each task with its 分工, status and deadline as read.
        ("/任务分工?chapter=5", 1, ("各章节进展", "5.1.1 有序推动城市更新", "区住房建设委", "2025年12月31日前完成", "逾期"),
         ("待明确", "森林覆盖率", "6.1.1"), "tasks"),
        # A copied link with an alias: the department's whole desk.
        ("/部门?dept=发改委", 0, ("区发展改革委", "牵头的任务", "负责的主要指标", "常住人口城镇化率", "各部门任务一览"),
         ("请选择一个部门",), "department"),
    ],
    ids=["tasks", "department"],
)
def test_task_pages_as_an_official_sees_them(
    server: str, browser, width: int, path: str, charts: int, present: tuple[str, ...], absent: tuple[str, ...],  # noqa: F811
    shot: str,
) -> None:
    page = open_page(browser, f"{server}{path}", charts=charts, width=width)
    page.get_by_text(present[1]).first.wait_for(timeout=60_000)
    # every widget drawn, not a placeholder still loading, before reading the page and shooting it
    page.wait_for_function("document.querySelectorAll(\"[data-testid='stSkeleton']\").length === 0", timeout=60_000)
    page.wait_for_timeout(1000)
    body = page.inner_text("body").replace("\n", "")
    assert all(text in body for text in present), [t for t in present if t not in body]
    assert not any(text in body for text in absent), [t for t in absent if t in body]
    # the page itself never scrolls sideways; wide tables scroll inside their own frame
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shoot(page, f"{shot}-{width}.png")
    page.close()
