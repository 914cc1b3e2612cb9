"""The plan's work: each 重点任务 with who leads it, its deadline and how far it got; roll-ups per chapter and
section; one department's view. Pure functions of a Dataset, for the 任务分工 and 部门 pages and the CLI.

A task's 牵头单位, 配合单位 and 完成时限 are the latest ones given up to the year in view (the 分工 of an earlier year
stands until a later one changes it); its status is the latest 进展状态 reported up to that year, else 未报送. The
plan names no department, so a task nobody was assigned to shows 待明确, never a guess. Overdue means the last
day of the 完成时限 has passed (as of today, or the end of the year in view when that is earlier) and the task is
not 已完成: the last day itself is still in time, and a standing or unreadable deadline is never overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

import pandas as pd

from . import texts
from .cells import fold
from .deadlines import Deadline, is_overdue, read
from .filters import Filters, describe
from .model import Dataset, Indicator, Task, TaskProgress, plan_place
from .overview import cards
from .projects import ProjectRow, project_rows
from .status import STATUS_ORDER as INDICATOR_STATUSES
from .status import Judgement

# The order statuses are shown and counted in: done first, then what is moving, then what needs attention.
STATUS_ORDER: tuple[str, ...] = (
    texts.TASK_DONE, texts.TASK_IN_PROGRESS, texts.TASK_NOT_STARTED, texts.TASK_LAGGING, texts.TASK_NOT_REPORTED,
)


@dataclass(frozen=True)
class TaskRow:
    task: Task
    place: str  # 第五章第一节 建设舒适便利的宜居之城
    lead: tuple[str, ...]  # 牵头单位; () = 待明确
    support: tuple[str, ...]
    deadline: Deadline
    status: str  # the latest 进展状态 up to the year, else 未报送
    status_year: int | None
    note: str  # the latest 进展说明 up to the year
    evidence: str
    reported: bool  # 进展状态 or 进展说明 given for the report year
    overdue: bool
    towns: tuple[str, ...]  # towns the task names in its text, or whose government does it
    history: tuple[TaskProgress, ...]  # rows up to the year, oldest first
    town_units: tuple[str, ...] = ()  # every town government of the 部门 list: shown together as 各镇街

    @property
    def code(self) -> str:
        return self.task.code

    @property
    def chapter(self) -> int:
        return self.task.chapter

    @property
    def section(self) -> int:
        return self.task.section

    @property
    def units(self) -> tuple[str, ...]:
        return (*self.lead, *self.support)

    @property
    def lead_label(self) -> str:
        return _units_label(self.lead, self.town_units) or texts.PENDING_UNIT

    @property
    def support_label(self) -> str:
        return _units_label(self.support, self.town_units)

    @property
    def deadline_label(self) -> str:
        return self.deadline.text or texts.NO_DEADLINE

    @property
    def behind(self) -> bool:
        """What needs a department's attention: reported 滞后, or overdue."""
        return self.status == texts.TASK_LAGGING or self.overdue

    @property
    def sample(self) -> bool:
        return any(p.sample for p in self.history)


def _units_label(units: tuple[str, ...], town_units: tuple[str, ...]) -> str:
    """The units in one line; all the town governments together read 各镇街, where the first of them stands."""
    if len(town_units) > 1 and set(town_units) <= set(units):
        first = min(units.index(u) for u in town_units)
        shown = [u for u in units if u not in town_units]
        shown.insert(first, texts.ALL_TOWNS_LABEL.format(count=len(town_units)))
        return texts.SEP.join(shown)
    return texts.SEP.join(units)


def report_year(dataset: Dataset, year: int | None = None) -> int | None:
    """The year whose reports are expected: the year in view, else the latest year anyone reported progress for."""
    if year is not None:
        return year
    reported = [p.year for p in dataset.task_progress if p.status or p.note]
    return max(reported, default=None)


def as_of(year: int | None, today: date) -> date:
    """The day overdue is judged on: today, or the last day of an earlier year in view."""
    return today if year is None or year >= today.year else date(year, 12, 31)


def task_rows(dataset: Dataset, year: int | None = None, today: date | None = None) -> list[TaskRow]:
    """Every task of the data set, in the plan's order, with its 分工 and progress up to `year` (None: all)."""
    today = today or date.today()
    due_day = as_of(year, today)
    expected = report_year(dataset, year)
    sections = {(s.chapter, s.section): s for s in dataset.sections}
    by_task: dict[str, list[TaskProgress]] = {}
    for p in dataset.task_progress:
        if year is None or p.year <= year:
            by_task.setdefault(p.task, []).append(p)
    town_units = {d.name: d.town for d in dataset.departments if d.town}
    all_towns = tuple(town_units)
    rows = []
    for task in dataset.tasks:
        history = tuple(sorted(by_task.get(task.code, ()), key=lambda p: p.year))
        status_row = _latest(history, "status")
        note_row = _latest(history, "note")
        lead = _latest_value(history, "lead") or ()
        support = _latest_value(history, "support") or ()
        deadline = read(_latest_value(history, "deadline") or "")
        status = status_row.status if status_row else texts.TASK_NOT_REPORTED
        section = sections.get((task.chapter, task.section))
        rows.append(TaskRow(
            task=task,
            place=section.label if section else plan_place(task.chapter, task.section),
            lead=lead, support=support, deadline=deadline, status=status,
            status_year=status_row.year if status_row else None,
            note=note_row.note if note_row else "",
            evidence=str(_latest_value(history, "evidence") or ""),
            reported=any(p.year == expected and (p.status or p.note) for p in history),
            overdue=is_overdue(deadline, "" if status == texts.TASK_NOT_REPORTED else status, due_day),
            towns=_towns_named(dataset, task, (*lead, *support), town_units),
            history=history,
            town_units=all_towns,
        ))
    return rows


def _latest(history: tuple[TaskProgress, ...], attribute: str) -> TaskProgress | None:
    return next((p for p in reversed(history) if getattr(p, attribute)), None)


def _latest_value(history: tuple[TaskProgress, ...], attribute: str) -> object:
    row = _latest(history, attribute)
    return getattr(row, attribute) if row else None


def _towns_named(dataset: Dataset, task: Task, units: tuple[str, ...], town_units: dict[str, str]) -> tuple[str, ...]:
    """Towns whose name (or alias) the task's text holds, and towns whose government leads or supports it."""
    text = fold(task.name + task.content)
    named = {t.name for t in dataset.towns if any(fold(n) in text for n in (t.name, *t.aliases) if n)}
    named |= {town_units[u] for u in units if u in town_units}
    return tuple(t.name for t in dataset.towns if t.name in named)


# --------------------------------------------------------------------------- filtering


def keeps(row: TaskRow, filters: Filters) -> bool:
    """The global filters: chapter and section, the towns the task names, and the 部门 that lead or support it."""
    if not filters.in_plan_place(row.chapter, row.section):
        return False
    if filters.towns and not set(row.towns) & set(filters.towns):
        return False
    return filters.answers(row.units)


def matches(row: TaskRow, query: str) -> bool:
    """Case- and width-insensitive search over code, name, content, units, deadline, status and progress."""
    needle = fold(query).lower()
    if not needle:
        return True
    haystack = " ".join((
        row.code, row.task.name, row.task.content, row.place, texts.SEP.join(row.units), row.deadline.text,
        row.status, row.note, row.evidence,
    ))
    return needle in fold(haystack).lower()


def select(
    rows: Iterable[TaskRow], filters: Filters, query: str = "", statuses: Iterable[str] = (), behind_only: bool = False,
) -> list[TaskRow]:
    chosen = tuple(statuses)
    return [
        r for r in rows
        if keeps(r, filters) and matches(r, query) and (not chosen or r.status in chosen) and (not behind_only or r.behind)
    ]


def describe_choice(
    filters: Filters, dataset: Dataset, query: str = "", statuses: Iterable[str] = (), behind_only: bool = False,
) -> str:
    """Which choices left no task: the view, the search, the statuses, 只看滞后或逾期."""
    parts = [describe(filters, dataset)]
    if query.strip():
        parts.append(texts.STEP_SEARCH.format(value=query.strip()))
    if tuple(statuses):
        parts.append(texts.SEP.join(statuses))
    if behind_only:
        parts.append(texts.BEHIND_ONLY)
    return " · ".join(parts)


# --------------------------------------------------------------------------- roll-ups


@dataclass(frozen=True)
class Rollup:
    """One chapter (section None) or section: its tasks by status, its indicators by status, its projects."""

    chapter: int
    section: int | None
    label: str
    tasks: int
    by_status: dict[str, int]  # every status of STATUS_ORDER, 0 included: the counts add up to `tasks`
    overdue: int
    unreported: int  # tasks without progress for the report year
    behind: int  # tasks 滞后 or overdue (each counted once)
    pending: int  # tasks without a 牵头单位 (待明确)
    indicators: int
    indicator_status: dict[str, int] = field(default_factory=dict)  # only statuses present
    alerts: int = 0
    projects: int = 0
    disclosed: int = 0  # projects whose total investment the plan gives
    investment_yi: float = 0.0  # their sum

    @property
    def behind_share(self) -> float | None:
        return self.behind / self.tasks if self.tasks else None

    @property
    def short_label(self) -> str:
        """第一节 建设舒适便利的宜居之城 under its chapter; the chapter's own label as it is."""
        return self.label.removeprefix(plan_place(self.chapter)) if self.section is not None else self.label


def rollups(
    dataset: Dataset, rows: list[TaskRow], filters: Filters, project_list: list[ProjectRow] | None = None,
) -> list[Rollup]:
    """One roll-up per chapter followed by one per section of it, for the chapters and sections that hold tasks,
    indicators or projects in view. Task counts come from `rows` (already filtered): they add up to the table."""
    judged = {c.indicator.name: c.main for c in cards(dataset, filters)}
    indicators = [i for i in dataset.indicators if i.name in judged]
    kept_projects = [r for r in (project_list if project_list is not None else project_rows(dataset, filters.year))
                     if filters.keeps_project(r.project)]
    result: list[Rollup] = []
    for chapter, title in sorted(dataset.chapters().items()):
        in_chapter = _rollup(
            chapter, None, texts.TITLED_PLACE.format(place=plan_place(chapter), title=title),
            [r for r in rows if r.chapter == chapter],
            [i for i in indicators if i.chapter == chapter], judged,
            [p for p in kept_projects if p.project.chapter == chapter],
        )
        if not (in_chapter.tasks or in_chapter.indicators or in_chapter.projects):
            continue
        result.append(in_chapter)
        for s in (s for s in dataset.sections if s.chapter == chapter):
            part = _rollup(
                chapter, s.section, s.label,
                [r for r in rows if (r.chapter, r.section) == (chapter, s.section)],
                [i for i in indicators if (i.chapter, i.section) == (chapter, s.section)], judged,
                [p for p in kept_projects if (p.project.chapter, p.project.section) == (chapter, s.section)],
            )
            if part.tasks or part.indicators or part.projects:
                result.append(part)
    return result


def _rollup(
    chapter: int, section: int | None, label: str, rows: list[TaskRow], indicators: list[Indicator],
    judged: dict[str, Judgement], projects: list[ProjectRow],
) -> Rollup:
    statuses = [judged[i.name].status for i in indicators]
    disclosed = [p.total_yi for p in projects if p.total_yi is not None]
    return Rollup(
        chapter=chapter, section=section, label=label, tasks=len(rows),
        by_status={s: sum(1 for r in rows if r.status == s) for s in STATUS_ORDER},
        overdue=sum(1 for r in rows if r.overdue),
        unreported=sum(1 for r in rows if not r.reported),
        behind=sum(1 for r in rows if r.behind),
        pending=sum(1 for r in rows if not r.lead),
        indicators=len(indicators),
        indicator_status={s.label: statuses.count(s) for s in INDICATOR_STATUSES if s in statuses},
        alerts=sum(1 for i in indicators if judged[i.name].alert),
        projects=len(projects), disclosed=len(disclosed), investment_yi=sum(disclosed),
    )


def rollup_table(items: list[Rollup]) -> pd.DataFrame:
    """The roll-ups as the page shows them: one row per chapter and section (sections indented), the statuses in one
    readable column so the indicators and projects stay on screen; 滞后或逾期占比 sorts the chapters that lag."""
    records = []
    for r in items:
        records.append({
            texts.ROLLUP_COL_PLACE: r.label if r.section is None else f"　{r.short_label}",
            texts.ROLLUP_COL_TASKS: r.tasks,
            texts.ROLLUP_COL_STATUSES: status_parts(r),
            texts.ROLLUP_COL_OVERDUE: r.overdue,
            texts.ROLLUP_COL_BEHIND: None if r.behind_share is None else round(r.behind_share * 100),
            texts.ROLLUP_COL_INDICATORS: _counts(r.indicator_status),
            texts.ROLLUP_COL_PROJECTS: texts.ROLLUP_PROJECTS.format(
                count=r.projects, disclosed=r.disclosed, amount=f"{r.investment_yi:g}",
            ) if r.projects else "",
        })
    return pd.DataFrame(records, columns=[
        texts.ROLLUP_COL_PLACE, texts.ROLLUP_COL_TASKS, texts.ROLLUP_COL_STATUSES, texts.ROLLUP_COL_OVERDUE,
        texts.ROLLUP_COL_BEHIND, texts.ROLLUP_COL_INDICATORS, texts.ROLLUP_COL_PROJECTS,
    ])


def _counts(counts: dict[str, int]) -> str:
    return " · ".join(texts.STATUS_COUNT.format(status=status, count=n) for status, n in counts.items() if n)


def status_parts(rollup: Rollup) -> str:
    """已完成3 · 推进中7 · 滞后1 (statuses with tasks only), for a chapter's heading."""
    return _counts({s: n for s, n in rollup.by_status.items() if n})


def chapter_lines(dataset: Dataset, filters: Filters, today: date | None = None) -> list[tuple[str, Rollup]]:
    """For the overview: one line per chapter holding tasks, as (chapter label, its roll-up)."""
    rows = [r for r in task_rows(dataset, filters.year, today) if keeps(r, filters)]
    return [(r.label, r) for r in rollups(dataset, rows, filters, []) if r.section is None and r.tasks]


# --------------------------------------------------------------------------- the tree


@dataclass(frozen=True)
class SectionNode:
    rollup: Rollup
    rows: list[TaskRow]


@dataclass(frozen=True)
class ChapterNode:
    rollup: Rollup
    sections: list[SectionNode]


def tree(rows: list[TaskRow], items: list[Rollup]) -> list[ChapterNode]:
    """Chapter -> section -> task, for the chapters and sections with tasks in view, each with its roll-up."""
    nodes: list[ChapterNode] = []
    for chapter in (r for r in items if r.section is None and r.tasks):
        sections = [
            SectionNode(s, [t for t in rows if (t.chapter, t.section) == (s.chapter, s.section)])
            for s in items if s.chapter == chapter.chapter and s.section is not None and s.tasks
        ]
        nodes.append(ChapterNode(chapter, sections))
    return nodes


# --------------------------------------------------------------------------- the table


def table(rows: list[TaskRow]) -> pd.DataFrame:
    """The task list as the page shows it: one row per task, status and deadline before the long text columns."""
    records = [{
        texts.TASK_COL_CODE: r.code,
        texts.TASK_COL_NAME: r.task.name,
        texts.TASK_COL_STATUS: r.status,
        texts.TASK_COL_OVERDUE: texts.YES if r.overdue else "",
        texts.TASK_COL_DEADLINE: r.deadline_label,
        texts.TASK_COL_LEAD: r.lead_label,
        texts.TASK_COL_SUPPORT: r.support_label,
        texts.TASK_COL_NOTE: r.note,
        texts.TASK_COL_YEAR: str(r.status_year) if r.status_year else "",
        texts.TASK_COL_DUE: r.deadline.due,
        texts.TASK_COL_PLACE: plan_place(r.chapter, r.section),
        texts.TASK_COL_EVIDENCE: r.evidence,
    } for r in rows]
    return pd.DataFrame(records, columns=[
        texts.TASK_COL_CODE, texts.TASK_COL_NAME, texts.TASK_COL_STATUS, texts.TASK_COL_OVERDUE, texts.TASK_COL_DEADLINE,
        texts.TASK_COL_LEAD, texts.TASK_COL_SUPPORT, texts.TASK_COL_NOTE, texts.TASK_COL_YEAR, texts.TASK_COL_DUE,
        texts.TASK_COL_PLACE, texts.TASK_COL_EVIDENCE,
    ])


def task_line(row: TaskRow) -> list[tuple[str, str]]:
    """(label, value) pairs of one task for the tree, in reading order; empty values left out."""
    pairs = [
        (texts.TASK_COL_LEAD, row.lead_label),
        (texts.TASK_COL_SUPPORT, row.support_label),
        (texts.TASK_COL_DEADLINE, row.deadline_label + (f"{texts.PAREN_OPEN}{row.deadline.reading}{texts.PAREN_CLOSE}" if not row.deadline.plain and row.deadline.reading else "")),
        (texts.TASK_PROGRESS_LABEL.format(year=row.status_year) if row.status_year else texts.TASK_COL_NOTE, row.note),
    ]
    return [(label, value) for label, value in pairs if value]


# --------------------------------------------------------------------------- one department


DEPARTMENT_INDICATORS = 20  # indicator statuses on one page of 部门 (issue 13); the plan gives one at most 3


@dataclass(frozen=True)
class DepartmentView:
    name: str
    town: str  # the town it is the government of, else ""
    leads: list[TaskRow]
    supports: list[TaskRow]
    overdue: list[TaskRow]  # led or supported, past the deadline and not 已完成
    unreported: list[TaskRow]  # led, without progress for the report year
    report_year: int | None
    indicators: list[Judgement]
    projects: list[ProjectRow]

    @property
    def empty(self) -> bool:
        return not (self.leads or self.supports or self.indicators or self.projects)


def department_view(
    dataset: Dataset, name: str, filters: Filters, today: date | None = None,
) -> DepartmentView:
    """Everything one 部门 leads or supports within the view's chapters and towns: tasks, indicators, projects."""
    scope = Filters(filters.towns, filters.chapters, filters.sections, filters.year)  # the 部门 is chosen here
    rows = [r for r in task_rows(dataset, filters.year, today) if keeps(r, scope)]
    leads = [r for r in rows if name in r.lead]
    supports = [r for r in rows if name in r.support and name not in r.lead]
    mine = Filters(filters.towns, filters.chapters, filters.sections, filters.year, (name,))
    department = next((d for d in dataset.departments if d.name == name), None)
    return DepartmentView(
        name=name,
        town=department.town if department else "",
        leads=leads,
        supports=supports,
        overdue=[r for r in (*leads, *supports) if r.overdue],
        unreported=[r for r in leads if not r.reported],
        report_year=report_year(dataset, filters.year),
        indicators=[c.main for c in cards(dataset, mine)],
        projects=[r for r in project_rows(dataset, filters.year) if mine.keeps_project(r.project)],
    )


def department_names(dataset: Dataset) -> list[str]:
    """The 部门 list in its order, then any unit named in the 分工 that the list no longer holds."""
    listed = [d.name for d in dataset.departments]
    named = {u for p in dataset.task_progress for u in (*p.lead, *p.support)}
    named |= {u for i in dataset.indicators for u in i.departments} | {u for p in dataset.projects for u in p.departments}
    return listed + sorted(named - set(listed))


def workload(dataset: Dataset, today: date | None = None) -> pd.DataFrame:
    """Per 部门: tasks led and supported, overdue and behind: which office has what on its desk."""
    rows = task_rows(dataset, None, today)
    records = []
    for name in department_names(dataset):
        led = [r for r in rows if name in r.lead]
        supported = [r for r in rows if name in r.support and name not in r.lead]
        records.append({
            texts.DEPT_COL_NAME: name, texts.DEPT_COL_LEADS: len(led), texts.DEPT_COL_SUPPORTS: len(supported),
            texts.DEPT_COL_OVERDUE: sum(1 for r in (*led, *supported) if r.overdue),
            texts.DEPT_COL_LAGGING: sum(1 for r in led if r.status == texts.TASK_LAGGING),
            texts.DEPT_COL_UNREPORTED: sum(1 for r in led if not r.reported),
        })
    return pd.DataFrame(records, columns=[
        texts.DEPT_COL_NAME, texts.DEPT_COL_LEADS, texts.DEPT_COL_SUPPORTS, texts.DEPT_COL_OVERDUE, texts.DEPT_COL_LAGGING,
        texts.DEPT_COL_UNREPORTED,
    ])
