"""tasks.py: each task's 分工 and status as of a year, overdue as of a day, roll-ups that add up to the table, the
global filters on tasks, one department's view, and the CLI's JSON of tasks and departments."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from tests.workbooks import workbook
from xq_metrics import cli, tasks, texts
from xq_metrics.defaults import SAMPLE_WORKBOOK, load_default, load_plan
from xq_metrics.filters import Filters, from_params
from xq_metrics.loader import load
from xq_metrics.model import TaskProgress

DATA = load_default().dataset
PLAN = load_plan().dataset
TODAY = date(2025, 3, 1)  # between the sample's 2024 reports and its 2025 deadlines


def row(code: str, rows=None) -> tasks.TaskRow:
    return next(r for r in (rows or tasks.task_rows(DATA, None, TODAY)) if r.code == code)


def with_progress(*progress: TaskProgress):
    """The default data with the given 任务进展 rows instead of the sample's for those tasks."""
    codes = {p.task for p in progress}
    kept = tuple(p for p in DATA.task_progress if p.task not in codes)
    return dataclasses.replace(DATA, task_progress=kept + progress)


# --- one task ----------------------------------------------------------------------------------------------------


def test_a_task_with_no_progress_row_is_pending_and_unreported() -> None:
    data = dataclasses.replace(DATA, task_progress=tuple(p for p in DATA.task_progress if p.task != "5.1.1"))
    r = row("5.1.1", tasks.task_rows(data, None, TODAY))
    assert (r.lead, r.lead_label, r.status, r.reported, r.overdue) == ((), texts.PENDING_UNIT, texts.TASK_NOT_REPORTED, False, False)
    assert r.deadline.kind == "none" and r.deadline_label == texts.NO_DEADLINE and not r.history


def test_the_plan_alone_shows_every_task_pending() -> None:
    rows = tasks.task_rows(PLAN, None, TODAY)
    assert len(rows) == 62 and all(r.lead_label == texts.PENDING_UNIT and r.status == texts.TASK_NOT_REPORTED for r in rows)
    assert tasks.report_year(PLAN) is None and not any(r.overdue for r in rows)


def test_the_split_of_an_earlier_year_stands_until_a_later_one_changes_it() -> None:
    data = with_progress(
        TaskProgress("5.1.1", 2023, lead=("区住房建设委",), support=("区财政局",), deadline="2024年底", status="推进中", note="a"),
        TaskProgress("5.1.1", 2024, status="已完成", note="b"),  # a report without a 分工
    )
    r = row("5.1.1", tasks.task_rows(data, None, TODAY))
    assert (r.lead, r.support, r.deadline.text, r.status, r.note, r.status_year) == (
        ("区住房建设委",), ("区财政局",), "2024年底", "已完成", "b", 2024)
    assert not r.overdue  # done, though its deadline has passed
    as_2023 = row("5.1.1", tasks.task_rows(data, 2023, TODAY))
    assert (as_2023.status, as_2023.note, len(as_2023.history)) == ("推进中", "a", 1)


@pytest.mark.parametrize(
    ("deadline", "today", "year", "overdue"),
    [
        ("2025-03-01", date(2025, 3, 1), None, False),  # the deadline is today: still in time
        ("2025-02-28", date(2025, 3, 1), None, True),  # yesterday
        ("", date(2025, 3, 1), None, False),  # none
        ("持续推进", date(2030, 1, 1), None, False),
        ("2024年6月", date(2025, 3, 1), 2023, False),  # seen as of the end of 2023, June 2024 was still to come
        ("2023年6月", date(2025, 3, 1), 2023, True),
    ],
)
def test_overdue_as_of_today_or_the_year_in_view(deadline: str, today: date, year: int | None, overdue: bool) -> None:
    data = with_progress(TaskProgress("6.1.4", 2023, lead=("区科技局",), deadline=deadline, status="推进中"))
    assert row("6.1.4", tasks.task_rows(data, year, today)).overdue is overdue


def test_reported_means_progress_for_the_latest_year_reported() -> None:
    rows = tasks.task_rows(DATA, None, TODAY)
    assert tasks.report_year(DATA) == 2024
    assert {r.code for r in rows if not r.reported} == {"4.3.3", "5.4.3", "7.3.1"}  # the sample's silent three
    assert row("4.3.3", rows).status == texts.TASK_IN_PROGRESS  # its 2023 status still shows, as of 2023
    assert row("4.3.3", rows).status_year == 2023


def test_towns_a_task_names_by_its_text_or_its_units() -> None:
    rows = tasks.task_rows(DATA, None, TODAY)
    assert {"杨柳青镇", "精武镇"} <= set(row("3.3.1", rows).towns)  # named in 做精历史文化名镇
    assert "王稳庄镇" in row("4.2.1", rows).towns  # 王稳庄镇人民政府 supports it
    plan_rows = tasks.task_rows(PLAN, None, TODAY)
    assert row("7.4.3", plan_rows).towns == ()


# --- filters and roll-ups -----------------------------------------------------------------------------------------

FILTERS = [
    Filters(),
    Filters(chapters=(5,)),
    Filters(chapters=(5,), sections=((5, 1), (5, 3))),
    Filters(towns=("杨柳青镇",)),
    Filters(departments=("区住房建设委",)),
    Filters(towns=("辛口镇",), chapters=(6,), year=2023),
]


@pytest.mark.parametrize("view", FILTERS, ids=range(len(FILTERS)))
def test_rollups_add_up_to_the_table(view: Filters) -> None:
    rows = [r for r in tasks.task_rows(DATA, view.year, TODAY) if tasks.keeps(r, view)]
    items = tasks.rollups(DATA, rows, view)
    chapters = [i for i in items if i.section is None]
    assert sum(c.tasks for c in chapters) == len(rows) == len(tasks.table(rows))
    for c in chapters:
        assert sum(c.by_status.values()) == c.tasks
        parts = [i for i in items if i.chapter == c.chapter and i.section is not None]
        for name in ("tasks", "overdue", "unreported", "behind", "indicators", "projects", "disclosed"):
            assert sum(getattr(p, name) for p in parts) == getattr(c, name), (c.label, name)
        for status in tasks.STATUS_ORDER:
            assert sum(p.by_status[status] for p in parts) == c.by_status[status]
    table = tasks.rollup_table(items)
    assert len(table) == len(items)
    assert [n.rollup.tasks for n in tasks.tree(rows, items)] == [c.tasks for c in chapters if c.tasks]
    assert sum(len(s.rows) for n in tasks.tree(rows, items) for s in n.sections) == len(rows)


def test_chapter_and_section_narrow_the_tasks() -> None:
    rows = tasks.task_rows(DATA, None, TODAY)
    assert {r.chapter for r in rows if tasks.keeps(r, Filters(chapters=(5,)))} == {5}
    kept = [r.code for r in rows if tasks.keeps(r, Filters(chapters=(5,), sections=((5, 1),)))]
    assert kept == ["5.1.1", "5.1.2", "5.1.3", "5.1.4", "5.1.5"]


def test_a_department_filter_keeps_what_it_leads_or_supports() -> None:
    view = Filters(departments=("区住房建设委",))
    rows = [r for r in tasks.task_rows(DATA, None, TODAY) if tasks.keeps(r, view)]
    assert rows and all("区住房建设委" in r.units for r in rows)
    assert all(view.keeps_project(p) == ("区住房建设委" in p.departments) for p in DATA.projects)
    assert [i.code for i in DATA.indicators if view.keeps_indicator(i)] == []
    assert [i.code for i in DATA.indicators if Filters(departments=("区教育局",)).keeps_indicator(i)] == [3, 4, 9]


def test_which_chapter_lags() -> None:
    rows = tasks.task_rows(DATA, 2024, TODAY)
    chapters = [i for i in tasks.rollups(DATA, rows, Filters()) if i.section is None and i.tasks]
    worst = max(chapters, key=lambda c: c.behind_share or 0)
    assert worst.chapter == 5 and worst.behind == 2
    assert tasks.status_parts(worst) == "已完成1 · 推进中12 · 滞后2"


@pytest.mark.parametrize(
    ("query", "statuses", "behind", "expected"),
    [
        ("城中村", (), False, {"5.1.2"}),
        ("５．１．１", (), False, {"5.1.1"}),  # full-width typing finds the code
        ("", ("已完成",), False, {"4.2.2", "4.4.1", "5.1.3", "6.3.2", "7.1.3", "7.4.3"}),
        ("", (), True, {"3.2.2", "4.4.2", "5.1.2", "5.2.2", "5.4.4", "6.1.4"}),
        ("区委网信办", ("推进中",), False, {"5.2.1", "5.2.2", "5.2.3"}),  # 7.4.3 is 已完成
    ],
)
def test_search_status_and_behind(query: str, statuses: tuple[str, ...], behind: bool, expected: set[str]) -> None:
    rows = tasks.task_rows(DATA, None, TODAY)
    assert {r.code for r in tasks.select(rows, Filters(), query, statuses, behind)} == expected


# --- one department -----------------------------------------------------------------------------------------------


def test_a_department_sees_everything_it_answers_for() -> None:
    v = tasks.department_view(DATA, "区科技局", Filters(), TODAY)
    assert [r.code for r in v.leads] == ["4.1.2", "4.2.2", "4.2.3", "6.1.4"]
    assert {r.code for r in v.supports} == {"3.2.4", "4.1.1", "4.2.1"}
    assert [r.code for r in v.overdue] == ["6.1.4"]  # 2024年底, 滞后
    assert v.unreported == [] and v.report_year == 2024
    assert v.indicators == [] and v.projects == []
    town = tasks.department_view(DATA, "王稳庄镇人民政府", Filters(), TODAY)
    assert town.town == "王稳庄镇" and [p.code for p in town.projects] == ["6-2"]
    assert {r.code for r in town.leads} == {"3.3.3"}


def test_a_department_view_under_a_chapter_filter() -> None:
    whole = tasks.department_view(DATA, "区发展改革委", Filters(), TODAY)
    chapter5 = tasks.department_view(DATA, "区发展改革委", Filters(chapters=(5,)), TODAY)
    assert {r.chapter for r in chapter5.leads} == {5} and len(chapter5.leads) < len(whole.leads)
    assert [j.indicator for j in chapter5.indicators] == ["单位GDP能源消耗降低"]
    assert [j.indicator for j in whole.indicators] == ["常住人口城镇化率", "居民人均可支配收入增长", "单位GDP能源消耗降低"]


def test_unreported_lead_tasks_and_the_workload_table() -> None:
    v = tasks.department_view(DATA, "区商务局", Filters(), TODAY)
    assert [r.code for r in v.unreported] == ["4.3.3"]
    table = tasks.workload(DATA, TODAY).set_index(texts.DEPT_COL_NAME)
    assert table.loc["区商务局", texts.DEPT_COL_UNREPORTED] == 1
    assert table[texts.DEPT_COL_LEADS].sum() == 62  # one lead each in the sample
    assert list(table.index[:2]) == ["区发展改革委", "区住房建设委"]


# --- links and the command line -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "kept", "ignored"),
    [
        (["区发展改革委"], ("区发展改革委",), ()),
        (["发改委", "区发改委"], ("区发展改革委",), ()),  # an alias, once
        (["杨柳青镇"], ("杨柳青镇人民政府",), ()),
        (["火星办"], (), ("部门“火星办”",)),
        (["<script>alert(1)</script>"], (), ("部门“<script>alert(1)</script>”",)),
    ],
)
def test_department_in_a_link(raw: list[str], kept: tuple[str, ...], ignored: tuple[str, ...]) -> None:
    parsed = from_params({"dept": raw}, DATA)
    assert parsed.filters.departments == kept and parsed.ignored == ignored
    assert from_params(parsed.filters.to_params(), DATA).filters == parsed.filters


def test_check_json_holds_tasks_and_departments(capsys) -> None:
    assert cli.main(["check", str(SAMPLE_WORKBOOK), "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert len(body["tasks"]) == 62
    first = body["tasks"][0]
    assert set(first) == {"code", "chapter", "section", "name", "departments", "deadline", "status", "overdue", "progress"}
    assert first["departments"] == {"lead": ["区发展改革委"], "support": ["区商务局", "西青开发区管委会", "张家窝镇人民政府"]}
    assert first["deadline"] == {"text": "2025年底", "kind": "date", "due": "2025-12-31"}
    assert [p["year"] for p in first["progress"]] == [2023, 2024]
    departments = {d["name"]: d for d in body["departments"]}
    assert "发改委" in departments["区发展改革委"]["aliases"] and departments["区发展改革委"]["indicators"] == [1, 2, 15]
    assert departments["杨柳青镇人民政府"]["town"] == "杨柳青镇"


def test_check_json_of_the_plan_alone_has_tasks_without_departments(capsys, tmp_path) -> None:
    path = tmp_path / "plan.xlsx"
    from xq_metrics.defaults import PLAN_WORKBOOK

    path.write_bytes(PLAN_WORKBOOK.read_bytes())
    assert cli.main(["check", str(path), "--json", "--standalone"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert len(body["tasks"]) == 62 and body["departments"] == []
    assert all(t["departments"] == {"lead": [], "support": []} and t["progress"] == [] for t in body["tasks"])


def test_a_file_with_errors_has_no_tasks_in_its_json(capsys, tmp_path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(workbook({"任务进展": [["任务", "年度"], ["不存在的任务", 2024]]}))
    assert cli.main(["check", str(path), "--json"]) == 1
    body = json.loads(capsys.readouterr().out)
    assert body["tasks"] == [] and body["departments"] == [] and body["findings"][0]["code"] == "UNKNOWN_TASK"


def test_an_uploaded_split_shows_on_the_department_view() -> None:
    """Done when: an upload of a filled-in 分工表 updates what each department sees."""
    rows = [["任务", "年度", "牵头单位", "配合单位", "完成时限", "进展状态"], ["6.4.1", 2025, "区科技局", "区农委", "2025年6月", "滞后"]]
    result = load(workbook({"任务进展": rows}), base=DATA)
    assert result.ok
    v = tasks.department_view(result.dataset, "区科技局", Filters(), date(2025, 7, 1))
    assert "6.4.1" in {r.code for r in v.leads} and "6.4.1" in {r.code for r in v.overdue}
    assert tasks.report_year(result.dataset) == 2025
    assert len(v.unreported) == 4  # its other tasks have not reported 2025 yet
