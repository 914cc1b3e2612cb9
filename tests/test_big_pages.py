"""Issue 13 under AppTest: long lists are paged or cut to their largest, and a chart always shows the data in use.

Every chart's data is read back from what the page sends (the Vega-Lite spec and its datasets), so these tests see
what an official sees: after a save, a change of filter or of town, no chart keeps the figures of before.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Iterator

import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from xq_metrics import auth, paging, projects, texts, towns, upload
from xq_metrics.model import Dataset, Indicator, Observation, Project, ProjectProgress
from xq_metrics.numbers import format_value
from xq_metrics.overview import CARDS_PER_PAGE
from xq_metrics.store import Store, open_store

from tests.pagetools import gauges, list_tables, text_tables

ROOT = Path(__file__).resolve().parent.parent
EDITOR, PASSWORD = "张三", "correct-horse-1"
TOWN_INDICATOR = "学前三年毛入园率"  # reported by towns in the embedded data; the first a town comparison shows


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    location = str(tmp_path / "pages.sqlite3")
    monkeypatch.setenv("XQ_STORE", location)
    opened = open_store(location)
    upload.seed(opened)
    auth.add_editor(opened, EDITOR, PASSWORD)
    return opened


def save(store: Store, dataset: Dataset) -> int:
    editor = auth.login(store, EDITOR, PASSWORD)
    return store.save(b"test", "测试.xlsx", dataset, None, editor).number


def open_page(page: str = "app.py") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, at.exception
    return at


def _inline(node: Any) -> Iterator[dict[str, Any]]:
    """Rows written into a Vega-Lite spec itself ({"data": {"values": [...]}}), at any depth."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and isinstance(data.get("values"), list):
            yield from (row for row in data["values"] if isinstance(row, dict))
        for value in node.values():
            yield from _inline(value)
    elif isinstance(node, list):
        for value in node:
            yield from _inline(value)


def chart_rows(chart: Any) -> list[dict[str, Any]]:
    """Every row one chart draws, as the browser receives it: its named datasets and its inline values."""
    rows: list[dict[str, Any]] = []
    for named in chart.proto.datasets:
        rows += dataframe_util.convert_arrow_bytes_to_pandas_df(named.data.data).to_dict("records")
    if chart.proto.data.data:
        rows += dataframe_util.convert_arrow_bytes_to_pandas_df(chart.proto.data.data).to_dict("records")
    return rows + list(_inline(json.loads(chart.proto.spec)))


def charts_with(at: AppTest, *fields: str) -> list[list[dict[str, Any]]]:
    """The rows of every chart on the page that has all these fields (the heat map: town, indicator, full)."""
    found = [chart_rows(c) for c in at.get("vega_lite_chart")]
    return [rows for rows in found if any(all(f in r for f in fields) for r in rows)]


def drawn_text(at: AppTest) -> str:
    """Everything the page's charts and gauges draw, as one text."""
    charts = [chart_rows(c) for c in at.get("vega_lite_chart")]
    return json.dumps([charts, [g.svg for g in gauges(at)]], ensure_ascii=False, default=str)


def changed(dataset: Dataset, indicator: str, town: str, year: int, value: float) -> Dataset:
    return dataclasses.replace(dataset, observations=tuple(
        dataclasses.replace(o, value=value) if (o.indicator, o.town, o.year) == (indicator, town, year) else o
        for o in dataset.observations
    ))


# --------------------------------------------------------------------------- the core: index and paging


def test_the_index_finds_what_a_scan_finds_and_is_not_pickled() -> None:
    import pickle

    from xq_metrics.defaults import load_default

    data = load_default().dataset
    keys = {(o.indicator, o.town) for o in data.observations}
    for indicator, town in keys:
        scan = sorted((o for o in data.observations if (o.indicator, o.town) == (indicator, town)), key=lambda o: o.year)
        assert data.series(indicator, town) == scan
    assert data.series("森林覆盖率", "火星镇") == []
    for indicator in {o.indicator for o in data.observations}:
        assert data.index.reported_towns.get(indicator, frozenset()) == {
            o.town for o in data.observations if o.indicator == indicator and o.value is not None}
    assert list(data.index.years) == sorted({o.year for o in data.observations if o.value is not None})
    for code in {p.project for p in data.progress}:
        assert list(data.index.progress[code]) == sorted((p for p in data.progress if p.project == code), key=lambda p: p.year)
    assert data.sample_figures > 0
    copy = pickle.loads(pickle.dumps(data))
    assert copy == data and "index" not in copy.__dict__ and "sample_figures" not in copy.__dict__


def test_a_page_of_a_list_and_its_largest_items() -> None:
    items = list(range(1, 26))
    assert paging.pages(25, 10) == 3 and paging.pages(0, 10) == 1
    last = paging.page(items, 3, 10)
    assert (last.items, last.first, last.last, last.total, last.pages) == ([21, 22, 23, 24, 25], 21, 25, 25, 3)
    assert paging.page(items, 99, 10) == last and paging.page(items, 0, 10).items == items[:10]
    assert paging.page([], 1, 10) == paging.Page([], 1, 1, 0, 0, 0)
    sizes = {"a": 3.0, "b": None, "c": 5.0, "d": 3.0}
    assert paging.largest(list(sizes), 4, sizes.get) == (list(sizes), 0)  # what fits keeps its own order
    assert paging.largest(list(sizes), 3, sizes.get) == (["c", "a", "d"], 1)  # largest first, ties in order, None last


# --------------------------------------------------------------------------- no chart shows stale data


def test_a_saved_version_shows_at_once_on_every_chart(store: Store) -> None:
    original = store.current().dataset
    at = open_heat_map(open_page("pages/2_街镇.py"))
    heat = charts_with(at, "town", "indicator", "full")
    assert len(heat) == 1 and "77.77" not in drawn_text(at)

    # Another office saves: 中北镇's latest 学前三年毛入园率 is now 77.77. The next run of the same session shows it
    # on the tile map (coloured by that indicator), in the heat map and in the ranking.
    assert save(store, changed(original, TOWN_INDICATOR, "中北镇", 2024, 77.77)) == 2
    rerun(at)
    [heat] = charts_with(at, "town", "indicator", "full")
    cell = next(r for r in heat if r["town"] == "中北镇" and r["indicator"].replace("|", "").startswith("4."))
    assert "77.77" in cell["value"]
    tiles = next(rows for rows in charts_with(at, "town", "column", "row"))
    assert "77.77" in next(r["value"] for r in tiles if r["town"] == "中北镇")
    at.session_state["town_tab"] = texts.RANKING_TITLE
    ranking = next(rows for rows in charts_with(rerun(at), "town", "value", "chosen"))
    assert next(r["value"] for r in ranking if r["town"] == "中北镇") == pytest.approx(77.77)

    # The overview's gauges after a save of the district's figure; then the old figure back as version 3.
    at.switch_page("app.py").run()
    assert "88.88" not in drawn_text(at)
    assert save(store, changed(original, "常住人口城镇化率", "全区", 2024, 88.88)) == 3
    assert "88.88" in drawn_text(rerun(at))
    assert save(store, original) == 4
    assert "88.88" not in drawn_text(rerun(at)) and "77.77" not in drawn_text(at)
    at.switch_page("pages/2_街镇.py").run()
    assert "77.77" not in drawn_text(at)


def test_each_town_and_year_draws_its_own_figures(store: Store) -> None:
    data = store.current().dataset
    unit = data.indicator(TOWN_INDICATOR).unit

    def figure(town: str, year: int) -> str:
        value = next(o.value for o in data.series(TOWN_INDICATOR, town) if o.year == year)
        return format_value(value, unit)

    def gauge_text(at: AppTest) -> str:
        """What the 学前三年毛入园率 gauge prints in its middle."""
        [gauge] = [g for g in gauges(at) if g.indicator.startswith(TOWN_INDICATOR)]
        return gauge.figure

    assert len({figure(t, 2024) for t in ("中北镇", "大寺镇", "全区")}) == 3  # the test tells them apart
    at = open_page()
    assert gauge_text(at) == figure("全区", 2024)
    for town in ("中北镇", "大寺镇"):
        at.multiselect(key="w_towns").set_value([town]).run()
        assert gauge_text(at) == figure(town, 2024)
    at.selectbox(key="w_year").set_value(2023).run()
    assert gauge_text(at) == figure("大寺镇", 2023)

    # 街镇 under the same view: the heat map holds the chosen town only, its 2023 figures.
    at.session_state["town_tab"] = texts.HEATMAP_TITLE
    at.switch_page("pages/2_街镇.py").run()
    [heat] = charts_with(at, "town", "indicator", "full")
    assert {r["town"] for r in heat} == {"大寺镇"}
    cell = next(r for r in heat if r["indicator"].replace("|", "").startswith("4."))
    assert figure("大寺镇", 2023) in cell["value"]
    at.multiselect(key="w_towns").set_value(["中北镇"]).run()
    at.selectbox(key="w_year").set_value(2024).run()
    [heat] = charts_with(at, "town", "indicator", "full")
    assert {r["town"] for r in heat} == {"中北镇"}
    assert figure("中北镇", 2024) in next(r["value"] for r in heat if r["indicator"].replace("|", "").startswith("4."))


# --------------------------------------------------------------------------- long lists


EXTRA_INDICATORS = 40
EXTRA_PROJECTS = 300
EXTRA_PROGRESS = 60


def wide(dataset: Dataset) -> Dataset:
    """The embedded data plus 40 indicators of one 类别 reported by three places, and 300 projects in 中北镇."""
    category = dataset.indicators[0].category
    extra = tuple(
        Indicator(code=100 + i, category=category, name=f"测试指标{i:03d}", unit="%", target_text="95",
                  attribute="预期性", base_year=2022, base_value=50.0)
        for i in range(EXTRA_INDICATORS)
    )
    values = tuple(
        Observation(i.name, town, year, 50.0 + (n % 9) + (year - 2023))
        for n, i in enumerate(extra) for town in ("全区", "中北镇", "大寺镇") for year in (2023, 2024)
    )
    template = dataset.projects[0]
    new = tuple(
        dataclasses.replace(template, code=f"{template.box}-{900 + n}", name=f"测试项目{n:03d}", towns=("中北镇",),
                            investment_yi=float(n + 1), departments=())
        for n in range(EXTRA_PROJECTS)
    )
    progress = tuple(
        ProjectProgress(project=p.code, year=2024, planned_yi=1.0, completed_yi=0.5, status="在建",
                        start_year=2023, end_year=2026)
        for p in new[:EXTRA_PROGRESS]
    )
    return dataclasses.replace(
        dataset, indicators=dataset.indicators + extra, observations=dataset.observations + values,
        projects=dataset.projects + new, progress=dataset.progress + progress,
    )


def gauge_names(at: AppTest) -> list[str]:
    """The indicators whose gauges are drawn, in order."""
    return [g.indicator for g in gauges(at)]


def test_the_overview_shows_a_page_of_gauges_per_category(store: Store) -> None:
    data = store.current().dataset
    at = open_page()
    assert len(at.pagination) == 0 and len(gauge_names(at)) == 18  # the plan's 18 fit: nothing is paged
    save(store, wide(data))
    rerun(at)
    category = data.indicators[0].category
    members = sum(1 for i in data.indicators if i.category == category) + EXTRA_INDICATORS
    assert len(at.pagination) == 1 and at.pagination[0].num_pages == paging.pages(members, CARDS_PER_PAGE)
    assert len(gauge_names(at)) == 18 - (members - EXTRA_INDICATORS) + CARDS_PER_PAGE
    assert any(f"第 1–{CARDS_PER_PAGE} 项，共 {members} 项" in c.value for c in at.caption)
    first = gauge_names(at)
    at.pagination[0].select(at.pagination[0].num_pages).run()
    last = gauge_names(at)
    left = members - CARDS_PER_PAGE * (at.pagination[0].num_pages - 1)
    assert len(last) == 18 - (members - EXTRA_INDICATORS) + left
    assert "测试指标039（%）" in last and "测试指标039（%）" not in first
    # The headline still counts every indicator, not the page.
    assert sum(int(m.value) for m in at.metric) == 18 + EXTRA_INDICATORS


def test_the_town_page_pages_the_heat_map_and_cuts_the_profile(store: Store) -> None:
    data = store.current().dataset
    save(store, wide(data))
    at = open_heat_map(open_page("pages/2_街镇.py"))
    columns = len(towns.town_indicators(data, towns.Filters())) + EXTRA_INDICATORS
    heat_pages = next(p for p in at.pagination if p.key == "heatmap_page")
    assert heat_pages.num_pages == paging.pages(columns, towns.HEATMAP_INDICATORS)
    [heat] = charts_with(at, "town", "indicator", "full")
    assert len({r["indicator"] for r in heat}) == towns.HEATMAP_INDICATORS
    assert len(heat) == towns.HEATMAP_INDICATORS * len(data.towns)
    heat_pages.select(heat_pages.num_pages).run()
    [heat] = charts_with(at, "town", "indicator", "full")
    assert {r["indicator"].replace("|", "") for r in heat} == {f"{100 + i}. 测试指标{i:03d}" for i in range(35, 40)}

    at.session_state["town_tab"] = texts.PROFILE_TITLE
    at.selectbox(key="town_focus").set_value("中北镇").run()
    assert not at.exception
    own = sum(1 for p in data.projects if "中北镇" in p.towns) + EXTRA_PROJECTS
    table = text_tables(at)[0]
    assert len(table) == towns.PROFILE_PROJECTS and table.iloc[0][texts.TOWN_PROJECT_COL_NAME] == f"测试项目{EXTRA_PROJECTS - 1:03d}"
    assert any(f"其余 {own - towns.PROFILE_PROJECTS} 项未列出" in c.value for c in at.caption)
    assert any(p.key == "profile_page" for p in at.pagination)  # 中北镇 reports 45 indicators: 20 a page


def test_the_projects_page_lists_the_largest_and_draws_at_most_its_limit(store: Store) -> None:
    data = store.current().dataset
    at = open_page("pages/3_重大项目.py")
    assert len(list_tables(at)[0]) == len(data.projects)  # the plan's 37: all listed, in the plan's order
    assert list(list_tables(at)[0][texts.COL_CODE]) == [p.code for p in data.projects]
    assert not any("其余" in c.value for c in at.caption)
    at.selectbox(key="p_project").set_value(data.projects[0].code).run()  # chosen before the save below

    more = wide(data)
    save(store, more)
    rerun(at)
    total = len(data.projects) + EXTRA_PROJECTS
    table = list_tables(at)[0]
    assert len(table) == projects.TABLE_ROWS
    by_size = sorted(more.projects, key=lambda p: -(p.investment_yi or 0.0))
    assert list(table[texts.COL_PROJECT]) == [p.name for p in by_size[: projects.TABLE_ROWS]]  # the largest first
    assert any(f"其余 {total - projects.TABLE_ROWS:,} 项未列出" in c.value for c in at.caption)
    order = at.selectbox(key="p_order")
    assert order.value == 0 and order.options[0] == texts.SORT_LISTED and len(set(order.options)) == len(order.options)
    # The chooser offers the listed projects, and keeps the one chosen before the save (in the link) choosable.
    chooser = at.selectbox(key="p_project")
    assert chooser.options[: projects.TABLE_ROWS] == [f"{p.code} {p.name}" for p in by_size[: projects.TABLE_ROWS]]
    assert chooser.options[projects.TABLE_ROWS:] in ([], [f"{data.projects[0].code} {data.projects[0].name}"])
    assert chooser.value == data.projects[0].code
    # One bar pair per project on 计划与完成, one bar per project on the schedule: never more than CHART_ROWS.
    for tab, fields in ((texts.TAB_PLAN_VS_DONE, ("project", "kind", "label_at")), (texts.TAB_SCHEDULE, ("project", "start_year", "end_year"))):
        at.session_state["p_tab"] = tab
        at.run()
        drawn = next(rows for rows in charts_with(at, *fields))
        assert len({r["project"] for r in drawn if "project" in r}) == projects.CHART_ROWS
        assert sum("未画出" in c.value for c in at.caption) == 1


def test_a_project_named_in_a_link_stays_choosable_when_not_listed(store: Store) -> None:
    data = store.current().dataset
    save(store, wide(data))
    small = f"{data.projects[0].box}-900"  # 测试项目000, the smallest: not among the listed
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["project"] = [small]
    at.run()
    at.switch_page("pages/3_重大项目.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="p_project").value == small
    assert not at.warning or all(small not in w.value for w in at.warning)


# --------------------------------------------------------------------------- charts made once (ui.chart_spec)


def test_a_chart_is_made_once_for_the_same_arguments_and_language_and_each_caller_gets_its_own_copy() -> None:
    import ui
    from xq_metrics import language, texts_en

    made: list[tuple[int, ...]] = []

    def bars(values: tuple[int, ...], town: str) -> dict[str, Any]:
        made.append(values)
        return {"title": f"{texts.HEATMAP_TITLE} {town}", "data": {"values": [{"v": v} for v in values]}, "mark": "bar"}

    first = ui.chart_spec(bars, (1, 2), "中北镇")
    assert ui.chart_spec(bars, (1, 2), "中北镇") == first and len(made) == 1
    first["data"]["values"].clear()  # Streamlit edits the dict it draws: no other caller may see that
    assert ui.chart_spec(bars, (1, 2), "中北镇")["data"]["values"] == [{"v": 1}, {"v": 2}] and len(made) == 1
    # Any other figure, town or language is a chart of its own.
    assert ui.chart_spec(bars, (1, 3), "中北镇")["data"]["values"][1] == {"v": 3}
    assert ui.chart_spec(bars, (1, 2), "大寺镇")["title"].endswith("大寺镇")
    with language.speaking("en"):
        assert ui.chart_spec(bars, (1, 2), "中北镇")["title"] == f"{texts_en.HEATMAP_TITLE} 中北镇"
    assert ui.chart_spec(bars, (1, 2), "中北镇")["title"] == f"{texts.HEATMAP_TITLE} 中北镇"
    assert len(made) == 4
    # Equal arguments rebuilt from another data set are the same chart: nothing is made twice.
    ui.chart_spec(bars, tuple([1, 2]), "中北" + "镇")
    assert len(made) == 4


def open_heat_map(at: AppTest) -> AppTest:
    """街镇 with its heat map tab open, as a click on the tab opens it (the town's profile is the first tab)."""
    at.session_state["town_tab"] = texts_of_run(at).HEATMAP_TITLE
    return at.run()


def texts_of_run(at: AppTest) -> Any:
    from xq_metrics import texts_en

    return texts_en if at.session_state["language"] == "en" else texts


def one_chart(at: AppTest, *fields: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The spec and rows of the one chart on the page that has these fields."""
    [chart] = [c for c in at.get("vega_lite_chart") if any(all(f in r for f in fields) for r in chart_rows(c))]
    return json.loads(chart.proto.spec), chart_rows(chart)


def test_charts_made_once_still_follow_every_save_town_year_and_language(store: Store) -> None:
    from tests.test_pages import open_link
    from xq_metrics import language, texts_en

    original = store.current().dataset
    unit = original.indicator(TOWN_INDICATOR).unit

    def heat_cell(at: AppTest, town: str) -> str:
        _, heat = one_chart(at, "town", "indicator", "full")
        return next(r["value"] for r in heat if r["town"] == town and r["indicator"].replace("|", "").startswith("4."))

    def own(town: str, year: int, data: Dataset = original) -> str:
        return format_value(next(o.value for o in data.series(TOWN_INDICATOR, town) if o.year == year), unit)

    at = open_heat_map(open_page("pages/2_街镇.py"))
    at.multiselect(key="w_towns").set_value(["中北镇"]).run()
    assert own("中北镇", 2024) in heat_cell(at, "中北镇")

    # Another office saves: the same view's charts are made anew from the new figures (heat map, map, ranking).
    assert save(store, changed(original, TOWN_INDICATOR, "中北镇", 2024, 77.77)) == 2
    rerun(at)
    assert "77.77" in heat_cell(at, "中北镇")
    _, tiles = one_chart(at, "town", "column", "row")
    assert "77.77" in next(r["value"] for r in tiles if r["town"] == "中北镇")
    # Another town, another year, and back: each view draws its own figures, the saved one included.
    at.multiselect(key="w_towns").set_value(["大寺镇"]).run()
    _, heat = one_chart(at, "town", "indicator", "full")
    assert {r["town"] for r in heat} == {"大寺镇"} and own("大寺镇", 2024) in heat_cell(at, "大寺镇")
    at.selectbox(key="w_year").set_value(2023).run()
    assert own("大寺镇", 2023) in heat_cell(at, "大寺镇")
    at.selectbox(key="w_year").set_value(2024).run()
    at.multiselect(key="w_towns").set_value(["中北镇"]).run()
    assert "77.77" in heat_cell(at, "中北镇")

    # A second session in English on the same view: its own words, the same figures; the first keeps Chinese.
    with language.speaking("en"):
        english = open_heat_map(open_link("pages/2_街镇.py", lang="en", town="中北镇"))
    spec, _ = one_chart(english, "town", "column", "row")
    assert spec["title"]["text"] == texts_en.TOWN_MAP_TITLE and "77.77" in heat_cell(english, "中北镇")
    spec, _ = one_chart(rerun(at), "town", "column", "row")
    assert spec["title"]["text"] == texts.TOWN_MAP_TITLE

    # The earlier figures saved again: the charts made for them before are theirs again, and only theirs.
    assert save(store, original) == 3
    rerun(at)
    assert own("中北镇", 2024) in heat_cell(at, "中北镇") and "77.77" not in drawn_text(at)


def test_the_projects_charts_follow_a_saved_investment(store: Store) -> None:
    original = store.current().dataset
    at = open_page("pages/3_重大项目.py")
    at.session_state["p_tab"] = texts.CHART_LARGEST
    _, largest_rows = one_chart(at.run(), "project", "amount_yi", "towns")
    biggest = max(original.projects, key=lambda p: p.investment_yi or 0.0)
    assert next(r["amount_yi"] for r in largest_rows if r["project"].startswith(biggest.code)) == pytest.approx(biggest.investment_yi)
    grown = dataclasses.replace(original, projects=tuple(
        dataclasses.replace(p, investment_yi=987.6) if p.code == biggest.code else p for p in original.projects
    ))
    save(store, grown)
    _, largest_rows = one_chart(rerun(at), "project", "amount_yi", "towns")
    assert next(r["amount_yi"] for r in largest_rows if r["project"].startswith(biggest.code)) == pytest.approx(987.6)
    save(store, original)
    _, largest_rows = one_chart(rerun(at), "project", "amount_yi", "towns")
    assert next(r["amount_yi"] for r in largest_rows if r["project"].startswith(biggest.code)) == pytest.approx(biggest.investment_yi)
