"""The 监测评估报告 as data (report_doc.py): its order, its numbers against the pages', every sentence from a
judgement, 未填报 where nothing was reported, 示例 marked, the scope honoured, and an empty 下一步工作建议."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date, datetime
from functools import lru_cache

import pytest

from xq_metrics import overview, projects, tasks, texts, towns
from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters
from xq_metrics.indicator_view import indicator_detail, status_text
from xq_metrics.model import Dataset
from xq_metrics.report_doc import DataVersion, Figure, Heading, Report, Table, Text, build, rank_places
from xq_metrics.status import Judgement, Status

VERSION = DataVersion(7, datetime(2025, 3, 1, 9, 30), "张三", "2024年监测数据.xlsx")
TODAY = date(2025, 3, 1)
NOW = datetime(2025, 3, 2, 10, 0)


@lru_cache(maxsize=1)
def default() -> Dataset:
    data = load_default().dataset
    assert data is not None
    return data


def report(filters: Filters = Filters(year=2024), dataset: Dataset | None = None) -> Report:
    return build(dataset or default(), filters, VERSION, TODAY, NOW)


def without_sample(dataset: Dataset) -> Dataset:
    """The same figures as if an office had reported them: no 示例 flag anywhere."""
    def clear(rows: tuple) -> tuple:
        return tuple(dataclasses.replace(r, sample=False) for r in rows)

    return dataclasses.replace(
        dataset, sources=tuple(dataclasses.replace(s, is_sample=False) for s in dataset.sources),
        observations=clear(dataset.observations), city_targets=clear(dataset.city_targets),
        references=clear(dataset.references), assessments=clear(dataset.assessments), progress=clear(dataset.progress),
        task_progress=clear(dataset.task_progress),
    )


def chapter_blocks(r: Report, title: str) -> list:
    """The blocks under one numbered chapter heading, up to the next."""
    start = next(i for i, b in enumerate(r.blocks) if isinstance(b, Heading) and b.level == 1 and b.text.endswith(title))
    end = next((i for i, b in enumerate(r.blocks[start + 1:], start + 1) if isinstance(b, Heading) and b.level == 1), len(r.blocks))
    return list(r.blocks[start + 1:end])


# --------------------------------------------------------------------------- order and cover


def test_the_sections_come_in_the_order_of_such_reports() -> None:
    assert [h.text for h in report().headings(1)] == [
        "说明", "一、主要指标完成情况", "二、分镇街情况", "三、重点任务推进情况", "四、重大项目建设情况", "五、存在的问题",
        "六、下一步工作建议", "七、附录",
    ]


def test_cover_names_plan_period_scope_and_data_version() -> None:
    r = report(Filters(year=2024, towns=("精武镇",)))
    assert r.title == texts.PLAN_TITLE and r.subtitle == "2024年度实施监测报告"
    cover = dict(r.cover_lines)
    assert cover["规划期"] == "2023—2025年" and cover["报告年度"] == "2024年"
    assert cover["报告范围"] == "精武镇 · 2024年"
    assert cover["数据版本"] == "第7版（2025-03-01 09:30由张三保存，文件：2024年监测数据.xlsx）"
    assert r.file_stem == "西青区新型城镇化规划2024年度监测报告（精武镇）"


def test_next_steps_is_a_heading_with_an_empty_paragraph_only() -> None:
    r = report()
    blocks = chapter_blocks(r, "下一步工作建议")
    assert blocks == [Text("", kind="blank")]


# --------------------------------------------------------------------------- numbers match the pages


def test_indicator_table_matches_the_overview_and_the_indicator_page() -> None:
    filters = Filters(year=2024)
    table = chapter_blocks(report(filters), "主要指标完成情况")[1]
    assert isinstance(table, Table)
    assert table.columns == ("类别", "指标（单位）", "2025年目标", "属性", "基期值", "2023年", "2024年", "进展状态", "趋势")
    cards = overview.cards(default(), filters)
    assert len(table.rows) == len(cards) == 18
    for row, card in zip(table.rows, cards):
        assert row[:4] == (card.indicator.category, card.indicator.label, card.indicator.target_text, card.indicator.attribute)
        assert row[7] == status_text(card.main) and row[8] == (card.main.trend or "—")
        # The figures of each year are the ones the 指标详情 page lists, without the unit the header carries.
        detail = indicator_detail(default(), card.indicator, filters)
        shown = {r["年份"]: r["数值"] for r in detail.rows}
        for column, year in ((5, 2023), (6, 2024)):
            expected = shown.get(year, texts.NOT_REPORTED)
            assert row[column] == (expected.removesuffix(card.indicator.unit) if expected != texts.NOT_REPORTED else expected)


def test_headline_and_category_counts_add_up_to_the_statuses() -> None:
    r = report()
    cards = overview.cards(default(), Filters(year=2024))
    tally = Counter(c.main.status for c in cards)
    summary = chapter_blocks(r, "主要指标完成情况")[0].text
    for status, count in tally.items():
        assert f"{status.label}{count}项" in summary
    alerts = [c.indicator.name for c in cards if c.main.alert]
    assert f"预警（约束性指标滞后）{len(alerts)}项：{'、'.join(alerts)}。" in summary
    for category in overview.categories(default()):
        members = [c for c in cards if c.indicator.category == category]
        paragraph = next(b.text for b in r.blocks if isinstance(b, Text) and b.text.startswith(f"{category}类指标"))
        assert paragraph.startswith(f"{category}类指标{len(members)}项：")
        for status, names in _by_status(members).items():
            assert f"{status.label}{len(names)}项（{'、'.join(names)}）" in paragraph


def _by_status(members: list) -> dict[Status, list[str]]:
    found: dict[Status, list[str]] = {}
    for c in members:
        found.setdefault(c.main.status, []).append(c.indicator.name)
    return found


def test_every_indicator_sentence_is_its_status_and_the_reason_it_was_given() -> None:
    r = report()
    sentences = {b.text for b in r.blocks if isinstance(b, Text)}
    for card in overview.cards(default(), Filters(year=2024)):
        j = card.main
        assert f"{card.indicator.name}：{status_text(j)}。{j.reason}" in sentences


def test_a_lagging_binding_indicator_is_listed_among_the_problems_as_alert() -> None:
    problems = " ".join(b.text for b in chapter_blocks(report(), "存在的问题") if isinstance(b, Text))
    lagging = [c for c in overview.cards(default(), Filters(year=2024)) if c.main.status == Status.LAGGING]
    assert lagging and any(c.main.alert for c in lagging)
    for c in lagging:
        assert f"{c.indicator.name}：{status_text(c.main)}。{c.main.reason}" in problems
    assert "预警·滞后" in problems


def test_projects_totals_carry_their_coverage_as_on_the_projects_page() -> None:
    blocks = chapter_blocks(report(), "重大项目建设情况")
    rows = projects.select(projects.project_rows(default(), 2024), Filters(year=2024)).rows
    for metric in projects.headline(rows, len(default().projects))[1:]:
        assert f"{metric.label}：{metric.value}（{metric.covers}）" in blocks[0].text
    assert "722亿元" in blocks[0].text and "未披露" in blocks[0].text
    by_box = next(b for b in blocks if isinstance(b, Table) and "专栏" in b.caption)
    assert sum(int(r[1]) for r in by_box.rows) == len(rows) == 37


def test_tasks_by_chapter_add_up_to_the_task_table() -> None:
    blocks = chapter_blocks(report(), "重点任务推进情况")
    rows = [r for r in tasks.task_rows(default(), 2024, TODAY)]
    counts = Counter(r.status for r in rows)
    for status, n in counts.items():
        assert f"{status}{n}项" in blocks[0].text
    tables = [b for b in blocks if isinstance(b, Table)]
    assert sum(len(t.rows) for t in tables) == len(rows) == 62
    codes = [row[0] for t in tables for row in t.rows]
    assert codes == [r.code for r in rows]


# --------------------------------------------------------------------------- 未填报, 示例, and the scope


def _drop(dataset: Dataset, indicator: str, year: int | None = None) -> Dataset:
    kept = tuple(o for o in dataset.observations if not (o.indicator == indicator and (year is None or o.year == year)))
    return dataclasses.replace(dataset, observations=kept)


@pytest.mark.parametrize(
    ("year_dropped", "expected"),
    [
        (2024, "森林覆盖率：2024年未填报，按2023年数值判断为"),  # an earlier value still judges it, and says so
        (None, "森林覆盖率：2024年未填报，尚无填报数值。"),  # nothing at all
    ],
)
def test_a_value_nobody_reported_reads_未填报(year_dropped: int | None, expected: str) -> None:
    r = report(dataset=_drop(default(), "森林覆盖率", year_dropped))
    body = r.text()
    assert expected in body
    table = chapter_blocks(r, "主要指标完成情况")[1]
    row = next(row for row in table.rows if row[1] == "森林覆盖率（%）")
    assert row[6] == texts.NOT_REPORTED
    missing = " ".join(b.text for b in chapter_blocks(r, "存在的问题") if isinstance(b, Text))
    assert "森林覆盖率（全区）2024年未填报" in missing


def test_sample_figures_are_stated_on_the_cover_and_marked_on_their_blocks() -> None:
    r = report()
    assert r.sample and "示例" in r.sample_statement and str(default().sample_figures) in r.sample_statement
    marked = [b for b in r.blocks if getattr(b, "sample", False)]
    assert marked and all("（示例）" in status_text(c.main) for c in overview.cards(default(), Filters(year=2024)))
    # The plan's own blocks (the method, 下一步工作建议) rest on no 示例 figure.
    assert not any(getattr(b, "sample", False) for b in chapter_blocks(r, "下一步工作建议"))


def test_without_sample_figures_nothing_is_marked() -> None:
    r = report(dataset=without_sample(default()))
    assert not r.sample and r.sample_statement == ""
    assert not any(getattr(b, "sample", False) for b in r.blocks)
    assert "（示例）" not in r.text() and "含示例数据" not in r.text()


def test_one_town_scope_reports_the_towns_own_figures_and_its_rank() -> None:
    town = "精武镇"
    filters = Filters(year=2024, towns=(town,))
    r = report(filters)
    table = chapter_blocks(r, "主要指标完成情况")[1]
    assert table.caption.endswith(f"（{town}）")
    own = {c.indicator.label for c in overview.cards(default(), filters) if not c.district_fallback}
    for row in table.rows:
        assert row[1].endswith("（全区）") != (row[1] in own)
    text = r.text()
    for indicator in towns.town_indicators(default(), filters):
        ranked, _ = towns.ranking(default(), indicator, filters)
        place = rank_places(ranked)[town]
        assert f"{town}在{len(ranked)}个填报镇街中列第{place}位。" in text
    # Tasks and projects of the town only.
    task_tables = [b for b in chapter_blocks(r, "重点任务推进情况") if isinstance(b, Table)]
    expected = [t.code for t in tasks.task_rows(default(), 2024, TODAY) if town in t.towns]
    assert [row[0] for t in task_tables for row in t.rows] == expected
    shown = projects.select(projects.project_rows(default(), 2024), filters).rows
    assert f"纳入本报告范围的重大项目{len(shown)}项" in text


def test_a_chapter_scope_keeps_that_chapters_indicators_and_tasks() -> None:
    r = report(Filters(year=2024, chapters=(5,)))
    table = chapter_blocks(r, "主要指标完成情况")[1]
    expected = [i.label for i in default().indicators if i.chapter == 5]
    assert [row[1] for row in table.rows] == expected
    task_tables = [b for b in chapter_blocks(r, "重点任务推进情况") if isinstance(b, Table)]
    assert task_tables and all(row[0].startswith("5.") for t in task_tables for row in t.rows)


def test_without_the_plans_tasks_the_section_says_they_are_not_in_the_data_yet() -> None:
    empty = dataclasses.replace(default(), tasks=(), task_progress=())
    assert chapter_blocks(report(dataset=empty), "重点任务推进情况") == [Text(texts.DOC_TASKS_NOT_IN_DATA)]
    unreported = dataclasses.replace(default(), task_progress=())
    blocks = chapter_blocks(report(dataset=unreported), "重点任务推进情况")
    assert blocks[0] == Text(texts.DOC_TASKS_NO_PROGRESS)


def test_a_year_of_task_reports_only_judges_indicators_on_their_latest_value_and_says_so() -> None:
    later = dataclasses.replace(default(), task_progress=default().task_progress + tuple(
        dataclasses.replace(p, year=2025) for p in default().task_progress[:3]
    ))
    r = report(Filters(), later)
    assert r.year == 2025
    assert "常住人口城镇化率：2025年未填报，按2024年数值判断为" in r.text()


def test_every_figure_has_a_chart_and_a_caption() -> None:
    figures = report().figures()
    # 4 gauge panels, one history per indicator with values, the towns' heat map, tasks and investment by 专栏.
    assert len(figures) == 4 + 18 + 3
    assert all(isinstance(f, Figure) and re.match(r"图\d+ ", f.caption) for f in figures)
    assert [int(f.caption.split()[0][1:]) for f in figures] == list(range(1, len(figures) + 1))


@pytest.mark.parametrize(
    ("values", "places"),
    [
        ([5.0, 4.0, 3.0], [1, 2, 3]),
        ([5.0, 5.0, 3.0], [1, 1, 3]),
        ([100.0, 100.0, 100.0, 99.6], [1, 1, 1, 4]),
        ([1.0], [1]),
    ],
)
def test_equal_values_share_a_place(values: list[float], places: list[int]) -> None:
    ranked = [Judgement("x", f"镇{i}", 2024, v, Status.ON_TRACK) for i, v in enumerate(values)]
    assert list(rank_places(ranked).values()) == places


def test_names_from_a_workbook_are_kept_as_written() -> None:
    """A hostile or odd name is text in the report, never markup or a formula (the layouts escape it)."""
    odd = "=HYPERLINK(\"x\")<b>镇</b>&*_"
    data = default()
    renamed = dataclasses.replace(
        data, towns=tuple(dataclasses.replace(t, name=odd) if t.name == "精武镇" else t for t in data.towns),
        observations=tuple(dataclasses.replace(o, town=odd) if o.town == "精武镇" else o for o in data.observations),
    )
    r = report(Filters(year=2024, towns=(odd,)), renamed)
    assert odd in r.text() and odd in dict(r.cover_lines)["报告范围"]

