"""Every page under AppTest: renders without exceptions, shows the plan's words, honours its filters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pagetools import gauges, text_tables
from xq_metrics.defaults import load_default

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
    assert len(gauges(at)) == 18
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
    shown = len(gauges(at))
    counts = {m.label: int(m.value) for m in at.metric}
    assert shown == (expected if expected is not None else counts["提前实现"])
    assert sum(counts.values()) == shown


def test_overview_filter_that_leaves_nothing() -> None:
    at = run("app.py")
    at.multiselect(key="f_status").set_value(["无数据"]).run()
    assert len(gauges(at)) == 0
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
    flags = text_tables(at)[1]
    assert "目标低于基期（方向相反）" in set(flags["提示"])


def test_method_page_shows_the_thresholds_in_use() -> None:
    at = run("pages/8_口径说明.py")
    text = "\n".join(m.value for m in at.markdown)
    assert "110%" in text and "90%" in text and "±1" in text
    readings = text_tables(at)[0]
    assert list(readings["读作"])[:2] == ["定性目标", "相对目标"]


def test_format_page_offers_the_data_and_the_full_template() -> None:
    at = run("pages/9_数据格式.py")
    buttons = at.get("download_button")
    assert [b.label for b in buttons[:2]] == ["下载报送模板（各单位报送数据用）", "下载完整模板（含规划内容）"]
    # Every format table also leaves as Excel (issue 15).
    assert sum(1 for b in buttons if b.label == "下载 Excel") == len(text_tables(at)) == 14
    assert [s.value for s in at.subheader][:3] == ["说明", "规划结构", "指标"]


# --- global filters (镇街 / 章节 / 年份) -------------------------------------------------------------

ALL_PAGES = ["app.py", "pages/1_指标详情.py", "pages/2_街镇.py", "pages/8_口径说明.py", "pages/9_数据格式.py"]


def view_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("**当前视图**"))


def test_filters_persist_across_pages_and_are_written_to_the_url() -> None:
    at = run("app.py")
    at.multiselect(key="w_towns").set_value(["杨柳青镇"]).run()
    at.multiselect(key="w_chapters").set_value([6]).run()
    at.selectbox(key="w_year").set_value(2023).run()
    for page in ALL_PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, page
        assert at.multiselect(key="w_towns").value == ["杨柳青镇"]
        assert at.multiselect(key="w_chapters").value == [6]
        assert at.selectbox(key="w_year").value == 2023
        assert "杨柳青镇" in view_line(at) and "第六章" in view_line(at) and "2023年" in view_line(at)
    # AppTest keeps a one-element list as a plain string.
    written = {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}
    assert written == {"town": ["杨柳青镇"], "chapter": ["6"], "year": ["2023"]}


def test_a_copied_link_opens_the_same_view() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["town"] = ["杨柳青镇"]
    at.query_params["chapter"] = ["6"]
    at.run()
    assert not at.exception
    assert at.multiselect(key="w_towns").value == ["杨柳青镇"]
    codes = {int(m.value[2:].split(".")[0]) for m in at.markdown if re.match(r"\*\*\d+\. ", m.value)}
    assert codes == {i.code for i in load_default().dataset.indicators if i.chapter == 6}
    assert any(m.value.startswith("**10. 城镇新增就业（万人）** · 杨柳青镇") for m in at.markdown)


def test_unknown_town_in_a_link_is_ignored_with_a_notice() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["town"] = ["火星镇"]
    at.query_params["chapter"] = ["<b>9</b>"]
    at.run()
    assert not at.exception
    notice = " ".join(w.value for w in at.warning)
    assert "火星镇" in notice and "已忽略" in notice
    assert at.multiselect(key="w_towns").value == []
    assert len(gauges(at)) == 18


@pytest.mark.parametrize("page", ALL_PAGES)
@pytest.mark.parametrize(
    "towns, chapters",
    [(["王稳庄镇"], []), (["杨柳青镇", "津门湖街"], [6]), ([], [8]), (["辛口镇"], [5])],
    ids=["one-town", "two-towns-ch6", "ch8", "town-ch5"],
)
def test_every_page_renders_under_filters(page: str, towns: list[str], chapters: list[int]) -> None:
    at = run("app.py")
    at.multiselect(key="w_towns").set_value(towns).run()
    at.multiselect(key="w_chapters").set_value(chapters).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception


def test_overview_with_one_town_shows_its_figures_or_says_it_falls_back() -> None:
    at = run("app.py")
    at.multiselect(key="w_towns").set_value(["辛口镇"]).run()
    titles = [m.value for m in at.markdown if m.value.startswith("**4. ")]
    assert titles == ["**4. 学前三年毛入园率（%）** · 辛口镇"]
    captions = " ".join(c.value for c in at.caption)
    assert "辛口镇暂无该指标的分镇数据，显示全区数据" in captions


def test_empty_filter_result_says_why() -> None:
    at = run("app.py")
    at.multiselect(key="w_chapters").set_value([8]).run()
    assert len(gauges(at)) == 0
    assert any("没有符合" in i.value for i in at.info)
    at.switch_page("pages/2_街镇.py").run()
    assert any("没有分镇街填报的指标" in i.value for i in at.info)
    at.switch_page("pages/1_指标详情.py").run()
    assert any("没有主要指标" in i.value for i in at.info)


def test_markup_in_a_link_or_a_name_is_shown_as_text() -> None:
    """A crafted link must not put a clickable javascript: link or HTML on an official's screen."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["town"] = ["[点我](javascript:alert(1))<script>x</script>"]
    at.run()
    notice = next(w.value for w in at.warning if "已忽略" in w.value)
    assert "\\[点我\\]\\(javascript" in notice and "\\<script\\>" in notice


def test_md_escapes_every_markdown_character() -> None:
    import ui

    # (the word joiner after "http" keeps GitHub-flavoured Markdown from linking the bare URL)
    assert ui.md("**粗体** [链接](http://x) <b>") == "\\*\\*粗体\\*\\* \\[链接\\]\\(http\u2060\\://x\\) \\<b\\>"


# --- in-page choices travel in the link (issue 11) ------------------------------------------------


def open_link(page: str, **params: str | list[str]) -> AppTest:
    """A copied link opened in a new browser: the entry point runs first, as `streamlit run app.py` does."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_a_link_opens_the_indicator_it_names_and_the_choice_is_written_back() -> None:
    at = open_link("pages/1_指标详情.py", indicator="6")
    assert at.selectbox(key="indicator").value.code == 6
    at.selectbox(key="indicator").select_index(0).run()
    assert at.query_params["indicator"] in ("1", ["1"])


def test_an_unknown_indicator_in_a_link_is_dropped_with_a_notice() -> None:
    at = open_link("pages/1_指标详情.py", indicator="<script>")
    assert any("不存在" in w.value for w in at.warning)
    assert at.selectbox(key="indicator").value.code == 1


def test_overview_filters_travel_in_the_link() -> None:
    at = open_link("app.py", category="生态环境", status="on_track")
    assert at.multiselect(key="f_category").value == ["生态环境"]
    assert [s.value for s in at.multiselect(key="f_status").value] == ["on_track"]
    cards = [m.value for m in at.markdown if re.match(r"\*\*\d+\. ", m.value)]
    assert cards and all(c.startswith(("**15.", "**16.", "**17.", "**18.")) for c in cards)


def test_every_overview_card_links_to_its_detail_page() -> None:
    at = run("app.py")
    links = [link for link in at.get("page_link") if link.proto.label == "查看指标详情"]
    assert len(links) == 18
    assert {link.proto.page for link in links} == {"指标详情"}


def test_one_town_counts_only_its_own_indicators() -> None:
    at = open_link("app.py", town="精武镇")
    assert any("精武镇各状态指标数（该镇街自有数据的5项）" in s.value for s in at.subheader)
    assert sum(int(m.value) for m in at.metric) == 5
    assert any("另有13项指标精武镇未分镇填报" in i.value for i in at.info)


def test_the_town_page_opens_on_the_map_and_the_towns_profile_and_draws_one_chart() -> None:
    """The heat map and the ranking are a tab away: a first visit makes and draws the map only."""
    from tests.test_big_pages import charts_with
    from xq_metrics import texts

    at = run("pages/2_街镇.py")
    assert [t.label for t in at.tabs] == [texts.PROFILE_TITLE, texts.HEATMAP_TITLE, texts.RANKING_TITLE]
    assert len(at.get("vega_lite_chart")) == 1 and charts_with(at, "town", "column", "row")
    at.selectbox(key="town_focus").set_value("精武镇").run()
    assert any(m.value.startswith("### 精武镇") for m in at.markdown)
    at.session_state["town_tab"] = texts.HEATMAP_TITLE
    at.run()
    assert len(at.get("vega_lite_chart")) == 2 and charts_with(at, "town", "indicator", "full")
    assert not any(m.value.startswith("### 精武镇") for m in at.markdown)  # the profile waits in its tab
    assert at.selectbox(key="town_focus").value == "精武镇"  # and keeps its town, as the map does


def test_a_choice_in_a_tab_not_open_is_kept_for_when_it_opens_again() -> None:
    """Streamlit drops the state of a widget a run does not draw; the ranking's indicator lives in the link too."""
    from xq_metrics import texts

    at = run("pages/2_街镇.py")
    at.session_state["town_tab"] = texts.RANKING_TITLE
    at.run()
    ranked_by = at.selectbox(key="town_rank")
    chosen = ranked_by.options[2]
    ranked_by.select(chosen).run()
    at.session_state["town_tab"] = texts.HEATMAP_TITLE
    at.run()
    assert not [s for s in at.selectbox if s.key == "town_rank"]  # not drawn while its tab is closed
    at.session_state["town_tab"] = texts.RANKING_TITLE
    at.run()
    assert not at.exception
    assert f"{at.selectbox(key='town_rank').value.code}. {at.selectbox(key='town_rank').value.label}" == chosen
