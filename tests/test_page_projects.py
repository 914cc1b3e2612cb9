"""The 重大项目 page under AppTest: renders, honours the sidebar and its own filters, never hides 未披露."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.pagetools import bar_charts, figures, list_tables, text_tables
from xq_metrics import texts
from xq_metrics.defaults import load_default
from xq_metrics.model import Dataset

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/3_重大项目.py"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    result = load_default()
    assert result.dataset is not None
    return result.dataset


def open_page() -> AppTest:
    # Page links resolve against the entrypoint: start at app.py as `streamlit run app.py` does, then switch.
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def table(at: AppTest) -> pd.DataFrame:
    return list_tables(at)[0]


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return figures(at)


def test_page_lists_every_project_and_shows_what_is_undisclosed() -> None:
    at = open_page()
    assert any("示例" in w.value for w in at.warning)
    assert len(table(at)) == 37
    shown = metrics(at)
    # 1-3's 33.97亿元 belongs to 其中元宝岛项目, not the whole 片区: no total of the item (issue 11)
    assert shown[texts.METRIC_DISCLOSED_TOTAL] == ("722亿元", "3项已披露 / 34项未披露")
    assert shown[texts.METRIC_PROJECTS][0] == "37"
    assert "15项已填报 / 22项未填报" in shown[texts.MEASURE_COMPLETED][1]
    assert table(at)[texts.COL_TOTAL].str.startswith(texts.PROJECT_UNDISCLOSED).sum() == 34
    totals = table(at).set_index(texts.COL_CODE)[texts.COL_TOTAL]
    assert totals["1-1"] == "约200" and "元宝岛" in totals["1-3"]  # the plan's 约 kept
    text = "\n".join(m.value for m in at.markdown)
    assert "1亿元 = 10000万元" in text and "各年完成投资之和" in text
    # The open tab's bars, as HTML; a project's years only once one is chosen: a first visit draws no Vega chart.
    [bars] = bar_charts(at)
    assert len(bars) == 7 and next(b for b in bars if b.group.startswith("专栏3")).label == "522亿元 · 2项已披露 / 4项未披露"
    assert not at.get("vega_lite_chart")
    assert at.selectbox(key="p_project").value is None and texts.PANEL_HINT in [c.value for c in at.caption]
    assert not at.info


def test_town_filter_keeps_projects_naming_the_town_and_says_how_many_had_none(dataset) -> None:
    at = open_page()
    at.multiselect(key="w_towns").set_value(["张家窝镇"]).run()
    assert not at.exception, at.exception
    shown = table(at)
    assert list(shown[texts.COL_CODE]) == ["4-3", "4-8", "7-1", "7-2"]
    assert all("张家窝镇" in towns for towns in shown[texts.COL_TOWNS])
    no_town = sum(1 for p in dataset.projects if not p.towns)
    assert any(f"未写明镇街的{no_town}项" in c.value for c in at.caption)
    assert metrics(at)[texts.METRIC_DISCLOSED_TOTAL] == (texts.PROJECT_UNDISCLOSED, "0项已披露 / 4项未披露")
    at.session_state["p_tab"] = texts.CHART_BY_TOWN  # the by-town tab, as a click on it would open it
    at.run()
    assert any(texts.MULTI_TOWN in c.value for c in at.caption)


def test_chapter_filter(dataset) -> None:
    at = open_page()
    at.multiselect(key="w_chapters").set_value([5]).run()
    assert not at.exception, at.exception
    expected = [p.code for p in dataset.projects if p.chapter == 5]
    assert list(table(at)[texts.COL_CODE]) == expected and len(expected) == 8
    assert metrics(at)[texts.METRIC_DISCLOSED_TOTAL][1] == "0项已披露 / 8项未披露"


def test_page_filters_box_status_and_search() -> None:
    at = open_page()
    at.multiselect(key="p_box").set_value([3]).run()
    assert not at.exception, at.exception
    assert list(table(at)[texts.COL_CODE]) == ["3-1", "3-2", "3-3", "3-4", "3-5", "3-6"]
    assert metrics(at)[texts.METRIC_DISCLOSED_TOTAL] == ("522亿元", "2项已披露 / 4项未披露")
    at.multiselect(key="p_status").set_value(["建成"]).run()
    assert list(table(at)[texts.COL_CODE]) == ["3-2", "3-4"]
    assert set(table(at)[texts.COL_STATUS]) == {"建成"}
    at.multiselect(key="p_box").set_value([]).run()
    at.multiselect(key="p_status").set_value([]).run()
    at.text_input(key="p_search").input("中芯").run()
    assert list(table(at)[texts.COL_CODE]) == ["3-1"]


def test_filter_that_leaves_nothing_says_why() -> None:
    at = open_page()
    at.multiselect(key="w_towns").set_value(["大寺镇"]).run()
    assert not at.exception, at.exception
    assert not at.get("vega_lite_chart") and not list_tables(at) and not bar_charts(at)
    assert any("没有符合条件的项目" in i.value and "大寺镇" in i.value for i in at.info)


def test_year_filter_sums_completed_investment_up_to_that_year() -> None:
    at = open_page()
    at.selectbox(key="w_year").set_value(2023).run()
    assert not at.exception, at.exception
    row = table(at).set_index(texts.COL_CODE).loc["3-2"]
    assert (row[texts.COL_COMPLETED], row[texts.COL_STATUS]) == ("1.8", "在建")


def test_measure_switch_and_project_panel() -> None:
    from tests.test_big_pages import charts_with

    at = open_page()
    at.segmented_control(key="p_measure").set_value("completed").run()
    assert not at.exception, at.exception
    [bars] = bar_charts(at)
    drawn = sum(amount for bar in bars for amount in bar.parts.values())
    assert drawn == pytest.approx(331.51, abs=0.005)  # 累计完成投资, not 总投资 (722)
    assert at.query_params["measure"] in ("completed", ["completed"])  # a copied link keeps it
    at.selectbox(key="p_project").set_value("3-2").run()
    assert not at.exception, at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "金西盟智能化细胞工厂项目" in text and "第四章第一节" in text and "专栏3" in text and "6亿元" in text
    years = text_tables(at)[-1]
    assert list(years[texts.COL_YEAR]) == ["2023", "2024"]
    assert years.iloc[1][texts.COL_AS_GIVEN] == "计划25000万元、完成26000万元"
    # The project's chart, and the chosen measure holds in the tab of the largest projects.
    assert len(at.get("vega_lite_chart")) == 1
    at.session_state["p_tab"] = texts.CHART_YEARLY  # a tab without the measure: its buttons are not drawn
    at.run()
    at.session_state["p_tab"] = texts.CHART_LARGEST
    at.run()
    assert at.segmented_control(key="p_measure").value == "completed"
    assert any(texts.MEASURE_COMPLETED in c.value for c in at.caption)


def test_only_the_open_tab_draws_its_chart() -> None:
    """The investment and progress charts are made when their tab is opened, not all seven on every run."""

    def drawn(at: AppTest) -> list[str]:
        return [c.proto.spec for c in at.get("vega_lite_chart")] + [repr(bars) for bars in bar_charts(at)]

    at = open_page()
    seen = drawn(at)
    assert len(seen) == 1
    for label in (texts.CHART_BY_CHAPTER, texts.CHART_BY_TOWN, texts.CHART_LARGEST, texts.CHART_YEARLY):
        at.session_state["p_tab"] = label
        at.run()
        assert not at.exception, at.exception
        now = drawn(at)
        assert len(now) == 1 and now[0] not in seen  # one tab's chart replaced by the opened tab's
        seen += now
    assert not bar_charts(at) and len(at.get("vega_lite_chart")) == 1  # the progress views are Vega charts


def test_the_list_sorts_by_a_figure_either_way_with_what_was_not_given_last() -> None:
    at = open_page()
    plan = list(table(at)[texts.COL_CODE])
    box = at.selectbox(key="p_order")
    assert box.value == 0 and box.options[0] == texts.SORT_PLAN
    by_total = texts.SORT_OPTION.format(column=texts.COL_TOTAL_PLAIN, direction=texts.SORT_HIGH_FIRST)
    box.select_index(box.options.index(by_total)).run()
    shown = table(at)
    # 3-1 (516), 1-1 (约200), 3-2 (6); then the 34 undisclosed in the plan's order: never as 0 among the figures.
    assert list(shown[texts.COL_CODE][:3]) == ["3-1", "1-1", "3-2"]
    assert list(shown[texts.COL_CODE][3:]) == [c for c in plan if c not in ("3-1", "1-1", "3-2")]
    assert any(texts.SORT_MISSING_LAST in c.value for c in at.caption)
    by_share = texts.SORT_OPTION.format(column=texts.COL_SHARE, direction=texts.SORT_LOW_FIRST)
    at.selectbox(key="p_order").select_index(box.options.index(by_share)).run()
    shares = list(table(at)[texts.COL_SHARE])
    assert shares[:3] == ["24.6%", "44.5%", "73.3%"] and set(shares[3:]) == {""}
    assert len(table(at)) == 37


@pytest.mark.parametrize(
    ("tab", "fields"),
    [
        (texts.CHART_LARGEST, ("project", "amount_yi", "towns")),
        (texts.CHART_YEARLY, ("year",)),
        (texts.TAB_PLAN_VS_DONE, ("project", "kind")),
        (texts.TAB_SCHEDULE, ("project", "start_year", "end_year")),
    ],
)
def test_each_progress_tab_draws_its_own_chart_when_opened(tab: str, fields: tuple[str, ...]) -> None:
    from tests.test_big_pages import charts_with

    at = open_page()
    at.session_state["p_tab"] = tab
    at.run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 1 and charts_with(at, *fields)
