"""Every page under AppTest: renders without exceptions, shows the plan's words, honours its filters."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]


def run(page: str) -> AppTest:
    """Start at app.py, as `streamlit run app.py` does, then switch: page links resolve against the entrypoint."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_and_says_sample(page: str) -> None:
    at = run(page)
    assert any("示例" in w.value for w in at.warning)


def test_overview_has_18_gauges_grouped_by_category() -> None:
    at = run("app.py")
    assert len(at.get("vega_lite_chart")) == 18
    assert [s.value for s in at.subheader][1:] == ["城镇化水平", "市民化质量", "城市功能", "生态环境"]
    text = "\n".join(m.value for m in at.markdown)
    assert "**18. 森林覆盖率（%）**" in text and "﹝15﹞" in text and "约束性" in text
    counts = {m.label: int(m.value) for m in at.metric}
    assert sum(counts.values()) == 18
    assert counts["滞后"] >= 1


@pytest.mark.parametrize(
    ("key", "choice", "expected"),
    [("f_category", ["生态环境"], 4), ("f_attribute", ["约束性"], 5), ("f_status", ["提前实现"], None)],
)
def test_overview_filters(key: str, choice: list[str], expected: int | None) -> None:
    at = run("app.py")
    at.multiselect(key=key).set_value(choice).run()
    assert not at.exception
    shown = len(at.get("vega_lite_chart"))
    counts = {m.label: int(m.value) for m in at.metric}
    assert shown == (expected if expected is not None else counts["提前实现"])
    assert sum(counts.values()) == shown


def test_overview_filter_that_leaves_nothing() -> None:
    at = run("app.py")
    at.multiselect(key="f_status").set_value(["无数据"]).run()
    assert len(at.get("vega_lite_chart")) == 0
    assert any("没有符合" in i.value for i in at.info)


def test_indicator_page_every_indicator() -> None:
    at = run("pages/1_指标详情.py")
    options = at.selectbox(key="indicator").options
    assert len(options) == 18
    for option in options:
        at.selectbox(key="indicator").select(option).run()
        assert not at.exception, option
        text = "\n".join(m.value for m in at.markdown)
        assert "目标解读" in text and "判断依据" in text
    at.selectbox(key="indicator").select("18. 森林覆盖率（%）").run()
    flags = at.dataframe[1].value
    assert "目标低于基期（方向相反）" in set(flags["提示"])


def test_method_page_shows_the_thresholds_in_use() -> None:
    at = run("pages/2_口径说明.py")
    text = "\n".join(m.value for m in at.markdown)
    assert "110%" in text and "90%" in text and "±1" in text
    readings = at.dataframe[0].value
    assert list(readings["读作"])[:2] == ["定性目标", "相对目标"]


def test_format_page_offers_the_template() -> None:
    at = run("pages/3_数据格式.py")
    assert len(at.get("download_button")) == 1
    assert [s.value for s in at.subheader][:3] == ["说明", "规划结构", "指标"]
