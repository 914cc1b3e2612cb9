"""The plan's work as data (issue 14): the 62 重点任务 transcribed from the text, the 部门 list and its aliases,
完成时限 as offices write them, and 任务进展 uploads that follow the nothing-is-lost rule."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbooks import workbook
from xq_metrics import deadlines, schema, texts
from xq_metrics.defaults import load_default, load_plan
from xq_metrics.loader import load
from xq_metrics.names import DepartmentNames, TaskNames

ROOT = Path(__file__).resolve().parent.parent
PLAN_TEXT = ROOT.parent / "shared" / "seed" / "000_eabb749189e85ece.txt"
PLAN = load_plan().dataset
DEFAULT = load_default().dataset
_CHINESE = "一二三四五六七八九"


def tasks_in_text() -> list[tuple[int, int, str, str]]:
    """(chapter, section, lead phrase, rest of the paragraph) for every paragraph of 第三章 to 第七章 that opens
    with a lead phrase: a first sentence without a comma. 专栏 items (numbered) and figures are not tasks."""
    found = []
    chapter = section = 0
    for line in PLAN_TEXT.read_text(encoding="utf-8").splitlines():
        text = re.sub(r"\[bookmark: [^\]]*\]", "", line).strip()
        heading = re.match(r"^第(.)([章节])", text)
        if heading:
            number = _CHINESE.index(heading.group(1)) + 1
            chapter, section = (number, 0) if heading.group(2) == "章" else (chapter, number)
            continue
        if not (3 <= chapter <= 7 and section) or not text or re.match(r"^(\d|专栏|图|\[image)", text):
            continue
        lead, _, rest = text.partition("。")
        if rest and "，" not in lead and len(lead) <= 24:
            found.append((chapter, section, lead, rest))
    return found


@pytest.fixture(scope="module")
def from_text() -> list[tuple[int, int, str, str]]:
    if not PLAN_TEXT.exists():
        pytest.fail(f"{PLAN_TEXT} is missing: the transcription cannot be checked")
    return tasks_in_text()


# --- the transcription ---------------------------------------------------------------------------------------------


def test_every_task_of_chapters_three_to_seven_is_transcribed(from_text) -> None:
    per_chapter = {c: sum(1 for t in from_text if t[0] == c) for c in range(3, 8)}
    assert per_chapter == {c: sum(1 for t in PLAN.tasks if t.chapter == c) for c in range(3, 8)}
    assert len(PLAN.tasks) == len(from_text) == 62
    assert [(t.chapter, t.section, t.name, t.content) for t in PLAN.tasks] == from_text
    assert [t.code for t in PLAN.tasks][:3] == ["3.1.1", "3.1.2", "3.1.3"]
    assert all(t.code == f"{t.chapter}.{t.section}.{t.code.rsplit('.', 1)[1]}" and t.source for t in PLAN.tasks)


def test_readme_says_how_many_tasks_each_chapter_holds(from_text) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    counts = "、".join(
        f"第{_CHINESE[c - 1]}章{sum(1 for t in from_text if t[0] == c)}项" for c in range(3, 8)
    )
    assert f"{counts}，共{len(from_text)}项" in readme


def test_the_plan_names_no_department() -> None:
    assert not PLAN.departments and not PLAN.task_progress
    assert all(not i.departments for i in PLAN.indicators) and all(not p.departments for p in PLAN.projects)


def test_the_sample_gives_every_task_a_split_marked_sample() -> None:
    assert {p.task for p in DEFAULT.task_progress} == {t.code for t in DEFAULT.tasks}
    assert all(p.sample and p.lead and p.deadline for p in DEFAULT.task_progress)
    assert {p.year for p in DEFAULT.task_progress} == {2023, 2024}
    assert all(d.source.startswith(texts.SAMPLE) for d in DEFAULT.departments)
    towns = {d.town for d in DEFAULT.departments if d.town}
    assert towns == {t.name for t in DEFAULT.towns}


# --- names ---------------------------------------------------------------------------------------------------------

DEPARTMENTS = DepartmentNames(DEFAULT.departments, DEFAULT.towns)


@pytest.mark.parametrize(
    ("typed", "name", "changed"),
    [
        ("区发展改革委", "区发展改革委", False),
        ("发改委", "区发展改革委", True),
        ("区发改委", "区发展改革委", True),
        ("西青区发展改革委", "区发展改革委", True),  # 西青区 before the name
        ("天津市西青区住房建设委", "区住房建设委", True),
        ("住建委", "区住房建设委", True),
        ("区住房建设委（牵头）", "区住房建设委", True),  # a role written after the name
        ("区教育局 ", "区教育局", False),
        ("杨柳青镇", "杨柳青镇人民政府", True),  # a town stands for its government
        ("中北镇政府", "中北镇人民政府", True),
        ("李七庄街道", "李七庄街道办事处", True),
        ("区教委", None, False),
        ("火星办", None, False),
        ("", None, False),
    ],
)
def test_department_names_resolve_to_one_department(typed: str, name: str | None, changed: bool) -> None:
    found = DEPARTMENTS.resolve(typed)
    assert (found.name, found.changed) == (name, changed) if name else found is None


TASKS = TaskNames(PLAN.tasks)


@pytest.mark.parametrize(
    ("typed", "content", "code", "changed"),
    [
        ("5.1.1", None, "5.1.1", False),
        ("5-1-1", None, "5.1.1", True),
        ("５．１．１", None, "5.1.1", True),
        ("9.9.9", None, None, False),
        ("有序推动城市更新", None, "5.1.1", False),
        ("有序推动城市更新。", None, "5.1.1", True),
        ("1.有序推动城市更新", None, "5.1.1", True),
        ("（一）有序推动城市更新", None, "5.1.1", True),
        ("城中村改造", None, "5.1.2", True),  # slightly shortened
        ("推进“平急两用”公共基础设施", None, "5.4.4", True),
        ("有序推动城市更新。适应城市发展，对接居民需求", None, "5.1.1", True),  # the paragraph pasted whole
        ("城乡基础设施一体化", "推进城乡基础设施统一建设、统一管护机制", "6.3.2", True),  # ambiguous name, settled by 具体内容
        ("发展低空经济", None, None, False),
    ],
)
def test_task_names_resolve(typed: str, content: str | None, code: str | None, changed: bool) -> None:
    found, _ = TASKS.resolve(typed, content)
    assert (found.name, found.changed) == (code, changed) if code else found is None


def test_an_ambiguous_task_name_is_never_guessed() -> None:
    found, candidates = TASKS.resolve("城乡基础设施一体化")
    assert found is None and set(candidates) == {"6.3.1", "6.3.2"}


# --- 完成时限 --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kind", "due"),
    [
        ("2025年底", "date", date(2025, 12, 31)),
        ("2025年年底前", "date", date(2025, 12, 31)),
        ("2025年", "date", date(2025, 12, 31)),
        ("2024年12月", "date", date(2024, 12, 31)),
        ("2024年2月", "date", date(2024, 2, 29)),  # the month's last day, leap year included
        ("2025年6月底前", "date", date(2025, 6, 30)),
        ("2025-06-30", "date", date(2025, 6, 30)),
        ("2025/6/30", "date", date(2025, 6, 30)),
        ("2025.6", "date", date(2025, 6, 30)),
        ("2025年6月30日", "date", date(2025, 6, 30)),
        ("2025年上半年", "date", date(2025, 6, 30)),
        ("2025年第三季度", "date", date(2025, 9, 30)),
        ("2023—2025年", "date", date(2025, 12, 31)),
        ("规划期内", "date", date(2025, 12, 31)),
        ("45657", "date", date(2024, 12, 31)),  # a date cell that lost its format
        (datetime(2025, 3, 1), "date", date(2025, 3, 1)),
        ("持续推进", "ongoing", None),
        ("长期坚持", "ongoing", None),
        ("尽快", "unread", None),
        ("2024年2月30日", "unread", None),
        ("2024年13月", "unread", None),
        ("", "none", None),
    ],
)
def test_deadlines_as_offices_write_them(typed: object, kind: str, due: date | None) -> None:
    read = deadlines.read(typed)
    assert (read.kind, read.due) == (kind, due)


TODAY = date(2025, 3, 15)


@pytest.mark.parametrize(
    ("deadline", "status", "overdue"),
    [
        ("2025-03-15", texts.TASK_IN_PROGRESS, False),  # the last day itself is still in time
        ("2025-03-14", texts.TASK_IN_PROGRESS, True),  # yesterday
        ("2025-03-14", "", True),  # nothing reported is not done
        ("2025-03-14", texts.TASK_LAGGING, True),
        ("2025-03-14", texts.TASK_DONE, False),
        ("2024年底", texts.TASK_NOT_STARTED, True),
        ("持续推进", texts.TASK_IN_PROGRESS, False),  # standing: never overdue
        ("尽快", texts.TASK_IN_PROGRESS, False),  # unread: never guessed overdue
        ("", texts.TASK_IN_PROGRESS, False),  # no deadline
    ],
)
def test_overdue_at_its_boundaries(deadline: str, status: str, overdue: bool) -> None:
    assert deadlines.is_overdue(deadlines.read(deadline), status, TODAY) is overdue


# --- uploads of 任务进展, 部门 and 重点任务 ------------------------------------------------------------------------------

HEAD = ["任务", "年度", "牵头单位", "配合单位", "完成时限", "进展状态", "进展说明"]


def codes(result, severity: str | None = None) -> set[str]:
    return {f.code for f in result.findings if severity is None or f.severity == severity}


def stored(dataset, task: str, year: int):
    return next(p for p in dataset.task_progress if (p.task, p.year) == (task, year))


def test_an_upload_changes_only_what_it_holds() -> None:
    before = stored(DEFAULT, "5.1.1", 2024)
    rows = [HEAD, ["5.1.1", 2024, None, "", "—", "进行中", None], ["5.1.2", 2024, "区住房建设委", None, None, "删除", None]]
    result = load(workbook({"任务进展": rows}), base=DEFAULT)
    assert result.ok, [f.message for f in result.findings if f.severity == "error"]
    after = stored(result.dataset, "5.1.1", 2024)
    assert after == before  # 进行中 is 推进中, the status it had; blanks and placeholders change nothing
    assert "NORMALISED" in codes(result)
    blanked = stored(result.dataset, "5.1.2", 2024)
    assert blanked.status == "" and blanked.note == stored(DEFAULT, "5.1.2", 2024).note
    untouched = [p for p in DEFAULT.task_progress if p.task not in ("5.1.1", "5.1.2")]
    assert all(p in result.dataset.task_progress for p in untouched)


def test_removal_only_by_the_action_column() -> None:
    rows = [[*HEAD, "操作"], ["5.1.1", 2024, None, None, None, None, None, "删除"]]
    result = load(workbook({"任务进展": rows}), base=DEFAULT)
    assert result.ok
    assert ("5.1.1", 2024) not in {(p.task, p.year) for p in result.dataset.task_progress}
    assert len(result.dataset.task_progress) == len(DEFAULT.task_progress) - 1


@pytest.mark.parametrize(
    ("cell", "code", "severity"),
    [
        ("区教委", "UNKNOWN_DEPARTMENT", "error"),
        ("各有关部门", "VAGUE_UNIT", "warning"),
        ("区发改委，区住建委", "NAME_READ_AS", "warning"),
        ("各镇、街道", "ALL_TOWNS_READ", "warning"),
    ],
)
def test_units_that_do_not_resolve_are_named(cell: str, code: str, severity: str) -> None:
    result = load(workbook({"任务进展": [HEAD, ["5.1.1", 2024, "区住房建设委", cell, None, None, None]]}), base=DEFAULT)
    found = [f for f in result.findings if f.code == code]
    assert found and found[0].severity == severity and found[0].row == 2 and found[0].column == "D"
    assert result.ok is (severity != "error")


def test_several_units_in_one_cell_and_every_town() -> None:
    rows = [HEAD, ["5.1.1", 2024, "区发改委、区住建委", "各镇街\n区财政局", None, None, None]]
    result = load(workbook({"任务进展": rows}), base=DEFAULT)
    row = stored(result.dataset, "5.1.1", 2024)
    assert row.lead == ("区发展改革委", "区住房建设委")
    assert row.support[-1] == "区财政局" and len(row.support) == 12


def test_a_status_outside_the_four_is_refused() -> None:
    result = load(workbook({"任务进展": [HEAD, ["5.1.1", 2024, None, None, None, "差不多了", None]]}), base=DEFAULT)
    assert not result.ok and "BAD_CHOICE" in codes(result, "error")


def test_unknown_and_ambiguous_tasks_are_refused_naming_the_row() -> None:
    rows = [HEAD, ["发展低空经济", 2024, "区发改委", None, None, None, None], ["城乡基础设施一体化", 2024, None, None, None, "推进中", None]]
    result = load(workbook({"任务进展": rows}), base=DEFAULT)
    assert not result.ok
    assert {(f.code, f.row) for f in result.findings if f.severity == "error"} == {("UNKNOWN_TASK", 2), ("AMBIGUOUS_TASK", 3)}


def test_a_department_list_with_a_clashing_alias_is_refused() -> None:
    rows = [["名称", "别名"], ["区数据局", "发改委"]]
    result = load(workbook({"部门": rows}), base=DEFAULT)
    assert not result.ok and "NAME_CLASH" in codes(result, "error")


def test_a_new_department_and_its_tasks_in_one_upload() -> None:
    """The 部门 sheet is merged before the rows that name it, so one file can bring both."""
    sheets = {
        "任务进展": [HEAD, ["7.4.3", 2025, "区数据局", "区政务服务办", "2025年底", "推进中", "示例外的新单位"]],
        "部门": [["名称", "别名"], ["区数据局", "数据局、区大数据局"]],
    }
    result = load(workbook(sheets), base=DEFAULT)
    assert result.ok, [f.message for f in result.findings if f.severity == "error"]
    assert stored(result.dataset, "7.4.3", 2025).lead == ("区数据局",)


def test_removing_a_department_still_named_is_refused() -> None:
    rows = [["名称", "操作"], ["区民政局", "删除"]]
    result = load(workbook({"部门": rows}), base=DEFAULT)
    assert not result.ok and "ORPHANED_ROWS" in codes(result, "error")


def test_a_task_in_a_section_the_plan_lacks_is_refused() -> None:
    rows = [["编号", "章", "节", "任务", "内容"], ["9.9.1", 9, 9, "新任务", "内容"]]
    result = load(workbook({"重点任务": rows}), base=DEFAULT)
    assert not result.ok and "UNKNOWN_SECTION" in codes(result, "error")


def test_indicators_and_projects_name_their_departments() -> None:
    # An update of one column by the rows' 编号: the rest of the plan's rows is kept.
    sheets = {"指标": [["编号", "责任单位"], [13, "城管委、区生态环境局"]], "项目": [["编号", "责任单位"], ["5-4", "区教委"]]}
    result = load(workbook(sheets), base=DEFAULT)
    assert [(f.code, f.sheet) for f in result.findings if f.severity == "error"] == [("UNKNOWN_DEPARTMENT", "项目")]
    fixed = load(workbook({"指标": sheets["指标"]}), base=DEFAULT)
    indicator = next(i for i in fixed.dataset.indicators if i.code == 13)
    assert indicator.departments == ("区城市管理委", "区生态环境局")
    assert indicator.target_text == "100"  # the rest of the plan's row is kept


def test_the_templates_and_the_format_hold_the_new_sheets() -> None:
    from xq_metrics.template import format_markdown, sheets_for

    for sheet in (schema.DEPARTMENTS, schema.TASKS, schema.TASK_PROGRESS):
        assert sheet in sheets_for("full") and f"#### {sheet.name}\n" in format_markdown()
    assert schema.TASK_PROGRESS in sheets_for("data") and schema.TASKS not in sheets_for("data")
    # the 部门 list is merged before the catalogues and data that name it
    order = [s.key for s in schema.MERGE_ORDER]
    assert order.index("departments") < min(order.index("indicators"), order.index("projects"), order.index("task_progress"))


# --- property: a 任务进展 upload changes nothing it does not hold -----------------------------------------------------

BLANKS = [None, "", "—", "无", "未填报", "N/A", " "]
STORED = list(DEFAULT.task_progress)
COLUMNS = [("lead", "牵头单位"), ("support", "配合单位"), ("deadline", "完成时限"), ("status", "进展状态"), ("note", "进展说明")]
GIVEN = {
    "lead": st.sampled_from(["区发改委", "区住房建设委", "区教育局、区财政局"]),
    "support": st.sampled_from(["各镇街", "区水务局", "区城管委，区民政局"]),
    "deadline": st.sampled_from(["2025年底", "持续推进", "2026-06-30"]),
    "status": st.sampled_from(["推进中", "已完成", "进行中", "滞后"]),
    "note": st.text(alphabet="推进完成工作要点年度", min_size=1, max_size=12),
}


@st.composite
def task_uploads(draw: st.DrawFn) -> list[list[object]]:
    chosen = draw(st.lists(st.sampled_from(STORED), max_size=8, unique_by=lambda p: (p.task, p.year)))
    rows = []
    for p in chosen:
        cells = [draw(st.one_of(st.sampled_from(BLANKS), GIVEN[key])) for key, _ in COLUMNS]
        rows.append([p.task, p.year, *cells])
    return rows


def _fields(dataset) -> dict[tuple, object]:
    return {((p.task, p.year), f.name): getattr(p, f.name) for p in dataset.task_progress for f in dataclasses.fields(p)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task_uploads())
def test_a_task_upload_changes_nothing_outside_what_it_holds(rows: list[list[object]]) -> None:
    sheets = {"任务进展": [["任务", "年度", *(h for _, h in COLUMNS)], *rows], "部门": [["名称", "别名"]]}
    result = load(workbook(sheets), base=DEFAULT)
    assert result.ok, [(f.code, f.message) for f in result.findings if f.severity == "error"]
    before, after = _fields(DEFAULT), _fields(result.dataset)
    assert after.keys() == before.keys()  # nothing removed, nothing added
    given_cells = set()
    for row in rows:
        key = (row[0], row[1])
        for (name, _), value in zip(COLUMNS, row[2:]):
            if value not in BLANKS:
                given_cells |= {(key, name), (key, "sample"), (key, "source")}
    changed = {k for k in before if before[k] != after[k]}
    assert changed <= given_cells, sorted(changed - given_cells, key=str)
    assert after.keys() and result.dataset.departments == DEFAULT.departments  # an empty 部门 sheet removes nothing


@pytest.mark.parametrize(
    ("title", "year", "span"),
    [
        ("《天津市西青区新型城镇化发展规划（2023—2025年）》目标任务分工表", None, (2023, 2025)),  # a period, not a year
        ("《规划（2023—2025年）》2024年度重点任务分工表", 2024, (2023, 2025)),
        ("西青区2024年度重点任务分工表", 2024, None),
        ("2023-2025年 2024年", 2024, (2023, 2025)),
        ("2023年和2024年", None, None),  # two years: none is guessed
    ],
)
def test_a_title_dates_its_table_and_a_period_is_not_a_year(title: str, year: int | None, span) -> None:
    from xq_metrics import headers

    assert headers.year_in(title) == year and headers.span_in(title) == span
