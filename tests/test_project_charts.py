"""Project charts build, carry the expected fields and data, speak Chinese, and return None when empty."""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator

import pytest

from xq_metrics import project_charts, projects, texts
from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters
from xq_metrics.model import Dataset

TODAY = date(2025, 7, 2)


@pytest.fixture(scope="module")
def default() -> Dataset:
    result = load_default()
    assert result.ok
    return result.dataset


@pytest.fixture(scope="module")
def rows(default: Dataset) -> list[projects.ProjectRow]:
    return projects.project_rows(default)


def walk(spec: object) -> Iterator[tuple[str, object]]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            yield key, value
            yield from walk(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from walk(item)


def data(spec: dict) -> list[dict]:
    return [row for values in spec.get("datasets", {}).values() for row in values]


def fields(spec: dict) -> set[str]:
    return {str(v) for k, v in walk(spec) if k == "field"}


def assert_chinese_titles(spec: dict) -> None:
    """No English axis, legend or tooltip title reaches an official."""
    titles = [v for k, v in walk(spec) if k == "title" and isinstance(v, str)]
    assert titles
    for title in titles:
        assert not re.search(r"[A-Za-z]", title), title
    for key, value in walk(spec):
        if key in ("x", "y", "color") and isinstance(value, dict) and "field" in value:
            assert "title" in value, value  # never Altair's default (the English field name)


@pytest.mark.parametrize("by", ["box", "chapter", "town"])
@pytest.mark.parametrize("measure", ["total", "planned", "completed"])
def test_investment_by_group(default, rows, by, measure) -> None:
    rollup = projects.rollup(rows, by, measure, [t.name for t in default.towns])
    spec = project_charts.investment_by(rollup).to_dict()
    assert {"group", "status", "amount_yi", "count"} <= fields(spec)
    assert_chinese_titles(spec)
    bars = [r for r in data(spec) if "status" in r]
    labels = [r for r in data(spec) if "label" in r]
    assert sum(r["amount_yi"] for r in bars) == pytest.approx(rollup.groups["amount_yi"].sum())
    assert sum(r["count"] for r in bars) == 37
    assert len(labels) == len(rollup.groups)
    missing = "未披露" if measure == "total" else "未填报"
    assert all(r["label"].endswith(f"项{missing}") or f"项均{missing}" in r["label"] for r in labels)


@pytest.mark.parametrize("by", ["box", "chapter", "town"])
@pytest.mark.parametrize("measure", ["total", "planned", "completed"])
def test_the_pages_html_bars_are_the_vega_charts_bars(default, rows, by, measure) -> None:
    """The page draws investment_bars as HTML, the PNG, SVG and report investment_by: the same parts, colours, words."""
    rollup = projects.rollup(rows, by, measure, [t.name for t in default.towns])
    bars = project_charts.investment_bars(rollup)
    spec = project_charts.investment_by(rollup).to_dict()
    parts = {(r["group"], r["status"]): (r["amount_yi"], r["count"]) for r in data(spec) if "status" in r}
    assert {(b.group, p.status): (p.amount_yi, p.count) for b in bars.bars for p in b.segments} == parts
    labels = [(r["group"], r["label"]) for r in data(spec) if "label" in r]
    assert [(b.group, b.label) for b in bars.bars] == labels  # the groups in the chart's order
    [colour] = [v for k, v in walk(spec) if k == "color" and isinstance(v, dict) and v.get("field") == "status"]
    assert dict(bars.legend) == dict(zip(colour["scale"]["domain"], colour["scale"]["range"]))
    x = next(v for k, v in walk(spec) if k == "x" and isinstance(v, dict) and v.get("field") == "amount_yi")
    assert bars.end == pytest.approx(x["scale"]["domain"][1]) and bars.title == x["title"]
    assert bars.ticks[0] == 0 and bars.ticks[-1] <= bars.end and 3 <= len(bars.ticks) <= 6
    assert max(b.amount_yi for b in bars.bars) / bars.end == pytest.approx(1 / project_charts.ROOM)  # room for words


def test_bars_with_nothing_to_draw_are_none_as_the_chart_is(default) -> None:
    town_only = projects.select(projects.project_rows(default), Filters(towns=("辛口镇",))).rows
    assert project_charts.investment_bars(projects.rollup(town_only, "box", "total")) is None
    assert project_charts.investment_bars(projects.rollup([], "box", "total")) is None


def test_investment_by_box_shows_the_disclosed_totals(rows) -> None:
    spec = project_charts.investment_by(projects.rollup(rows, "box", "total")).to_dict()
    labels = {r["group"]: r["label"] for r in data(spec) if "label" in r}
    assert labels["专栏3 制造业升级提升工程"] == "522亿元 · 2项已披露 / 4项未披露"
    assert labels["专栏7 社会民生提升工程"] == "4项均未披露"


def test_investment_by_town_keeps_multi_town_as_one_group(default, rows) -> None:
    rollup = projects.rollup(rows, "town", "completed", [t.name for t in default.towns])
    spec = project_charts.investment_by(rollup).to_dict()
    groups = [r["group"] for r in data(spec) if "label" in r]
    assert groups.count(texts.MULTI_TOWN) == 1 and texts.NO_TOWN_STATED in groups
    assert not set(groups) & {"杨柳青镇、中北镇、精武镇、张家窝镇"}


def test_nothing_to_draw_gives_none(default) -> None:
    town_only = projects.select(projects.project_rows(default), Filters(towns=("辛口镇",))).rows  # 2-3 only, no figures
    assert [r.code for r in town_only] == ["2-3"]
    assert project_charts.investment_by(projects.rollup(town_only, "box", "total")) is None
    assert project_charts.plan_vs_done(town_only) is None
    assert project_charts.largest_projects(town_only, "completed") is None
    assert project_charts.schedule(town_only, TODAY) is None
    assert project_charts.yearly_investment(town_only) is None
    assert project_charts.project_years(town_only[0]) is None
    assert project_charts.investment_by(projects.rollup([], "box", "total")) is None


def test_plan_vs_done(rows) -> None:
    spec = project_charts.plan_vs_done(rows).to_dict()
    assert_chinese_titles(spec)
    assert {"project", "kind", "amount_yi"} <= fields(spec)
    bars = [r for r in data(spec) if "kind" in r]
    assert {r["kind"] for r in bars} == {texts.MEASURE_PLANNED, texts.MEASURE_COMPLETED}
    done = {r["project"]: r["amount_yi"] for r in bars if r["kind"] == texts.MEASURE_COMPLETED}
    assert done["3-2 金西盟智能化细胞工厂项目"] == pytest.approx(4.4)
    assert len(done) == 15
    ticks = {r["project"]: r["amount_yi"] for r in data(spec) if "kind" not in r}
    assert ticks == {
        "3-1 中芯西青12英寸晶圆代工生产线项目": 516, "1-1 南部产城示范中心先导区": 200,
        "3-2 金西盟智能化细胞工厂项目": 6,
    }


def test_largest_projects_rank_only_what_is_given(rows) -> None:
    spec = project_charts.largest_projects(rows, "total").to_dict()
    assert_chinese_titles(spec)
    ranked = [r["project"][:3] for r in data(spec) if "status" in r]
    assert ranked == ["3-1", "1-1", "3-2"]
    by_completed = project_charts.largest_projects(rows, "completed", top=5).to_dict()
    assert len([r for r in data(by_completed) if "status" in r]) == 5


@pytest.mark.parametrize("measure", ["total", "planned", "completed"])
@pytest.mark.parametrize("top", [1, 3, project_charts.LARGEST_TOP])
def test_the_largest_alone_draw_the_same_chart_as_every_row(rows, measure, top) -> None:
    # 重大项目 caches the chart by the largest rows, not by every project shown.
    whole = project_charts.largest_projects(rows, measure, top)
    alone = project_charts.largest_projects(projects.largest(rows, measure, top), measure, top)
    assert whole is not None and alone is not None and whole.to_dict() == alone.to_dict()


def test_the_yearly_chart_is_drawn_from_the_yearly_table(rows) -> None:
    whole = project_charts.yearly_investment(rows)
    table = project_charts.yearly_chart(projects.yearly(rows))
    assert whole is not None and table is not None and whole.to_dict() == table.to_dict()


def test_schedule_has_bars_plan_period_and_today(rows) -> None:
    spec = project_charts.schedule(rows, TODAY).to_dict()
    assert_chinese_titles(spec)
    bars = {r["project"][:3]: (r["start"], r["end"]) for r in data(spec) if "status" in r}
    assert bars["1-1"] == (2022, 2028)  # 2022—2027: the bar ends at the end of 2027
    assert len(bars) == 16
    today = [r for r in data(spec) if str(r.get("label", "")).startswith(texts.TODAY_LABEL)]
    assert today and today[0]["start"] == pytest.approx(project_charts.year_fraction(TODAY))
    assert today[0]["label"] == "今天 2025-07-02"
    assert any(r.get("label") == texts.PLAN_PERIOD_LABEL and (r["start"], r["end"]) == (2023, 2026) for r in data(spec))
    assert 2025.49 < project_charts.year_fraction(TODAY) < 2025.51


def test_schedule_today_defaults_to_the_real_date(rows) -> None:
    spec = project_charts.schedule(rows).to_dict()
    today = [r for r in data(spec) if str(r.get("label", "")).startswith(texts.TODAY_LABEL)]
    assert today[0]["label"].endswith(date.today().isoformat())


def test_yearly_investment(rows) -> None:
    spec = project_charts.yearly_investment(rows).to_dict()
    assert_chinese_titles(spec)
    rows_data = data(spec)
    completed = sum(r["amount_yi"] for r in rows_data if "box" in r)
    assert completed == pytest.approx(projects.totals(rows).completed_yi)
    planned = {r["year"]: r["amount_yi"] for r in rows_data if "box" not in r}
    assert set(planned) == {2023, 2024}
    assert sum(planned.values()) == pytest.approx(projects.totals(rows).planned_yi)


def test_project_years(rows) -> None:
    row = next(r for r in rows if r.code == "3-2")
    spec = project_charts.project_years(row).to_dict()
    assert_chinese_titles(spec)
    bars = {(r["year"], r["kind"]): r["amount_yi"] for r in data(spec)}
    assert bars == {
        (2023, "计划"): pytest.approx(2.0), (2023, "完成"): pytest.approx(1.8),
        (2024, "计划"): pytest.approx(2.5), (2024, "完成"): pytest.approx(2.6),
    }


def test_unknown_status_gets_a_colour(rows) -> None:
    scale = project_charts.status_scale(["在建", "停工", texts.NOT_REPORTED]).to_dict()
    assert scale["range"][0] == project_charts.STATUS_COLOURS["在建"]
    assert scale["range"][1] not in project_charts.STATUS_COLOURS.values()
