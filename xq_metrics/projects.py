"""The 7 专栏 as a portfolio: each project with its progress, filters, totals and roll-ups, as plain rows.

Pure functions of a Dataset; the projects page only lays out what these return and project_charts.py draws them.
Money is in 亿元 throughout (the loader converts 万元). A figure nobody gave stays None and is counted as
未披露 / 未填报, never as 0, so every total says how many projects it covers and how many it does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Literal

import pandas as pd

from . import texts
from .cells import fold
from .filters import Filters, chapter_label
from .model import Dataset, Project, ProjectProgress, plan_place
from .money import as_given, fmt_yi, investment_text, total_text  # noqa: F401  (total_text: for the projects page)

# --------------------------------------------------------------------------- one row per project

# What the projects page lists and draws of a long list, the largest first (issue 13); the plan's 37 fit.
TABLE_ROWS = 100  # rows of the project table, sized to its rows on the page (the Excel holds them all)
CHART_ROWS = 40  # bars of a chart with one bar per project (plan against completed, schedule)

Measure = Literal["total", "planned", "completed"]
GroupBy = Literal["box", "chapter", "town"]
MEASURES: tuple[Measure, ...] = ("total", "planned", "completed")


def measure_label(measure: str) -> str:
    return {"total": texts.MEASURE_TOTAL, "planned": texts.MEASURE_PLANNED, "completed": texts.MEASURE_COMPLETED}[measure]


def measure_words(measure: str) -> tuple[str, str]:
    """How a project with / without the measure is described: the plan 披露s a total, a workbook 填报s progress."""
    if measure == "total":
        return texts.DISCLOSED, texts.PROJECT_UNDISCLOSED
    return texts.REPORTED, texts.NOT_REPORTED


@dataclass(frozen=True)
class ProjectRow:
    project: Project
    box_label: str  # 专栏3 制造业升级提升工程
    chapter_label: str  # 第四章 聚集创新发展动力 建设现代化活力新城
    place: str  # 第四章第一节 强化特色产业支撑
    status: str  # the latest 建设状态 reported up to the year, else 未填报
    planned_yi: float | None  # 计划投资 summed over the years up to the year; None: none reported
    completed_yi: float | None  # 完成投资 summed likewise (累计完成投资)
    start_year: int | None
    end_year: int | None
    lead_unit: str
    progress: tuple[ProjectProgress, ...]  # rows up to the year, oldest first
    overdue: bool = False  # past its 竣工 year and not 建成 or 运营

    @property
    def status_text(self) -> str:
        return texts.OVERDUE_STATUS.format(status=self.status) if self.overdue else self.status

    @property
    def code(self) -> str:
        return self.project.code

    @property
    def total_yi(self) -> float | None:
        return self.project.investment_yi

    @property
    def share(self) -> float | None:
        """累计完成投资 ÷ 总投资; None when either is missing."""
        if self.total_yi is None or self.completed_yi is None or self.total_yi <= 0:
            return None
        return self.completed_yi / self.total_yi

    @property
    def town_group(self) -> str:
        """The project's group in a by-town roll-up: its town, 多镇街, or 未写明镇街 (never counted twice)."""
        towns = self.project.towns
        if not towns:
            return texts.NO_TOWN_STATED
        return towns[0] if len(towns) == 1 else texts.MULTI_TOWN

    @property
    def period(self) -> str:
        if self.start_year is None and self.end_year is None:
            return texts.NOT_REPORTED
        start = self.start_year if self.start_year is not None else "？"
        end = self.end_year if self.end_year is not None else "？"
        return texts.PERIOD_FORMAT.format(start=start, end=end)

    def measure(self, measure: Measure) -> float | None:
        return {"total": self.total_yi, "planned": self.planned_yi, "completed": self.completed_yi}[measure]


def box_label(project: Project) -> str:
    return texts.BOX_LABEL.format(box=project.box, title=project.box_title).strip()


def place_label(dataset: Dataset, project: Project) -> str:
    section = dataset.section(project.chapter, project.section)
    if section is not None:
        return section.label
    if project.chapter is not None:
        return plan_place(project.chapter)
    return texts.NOT_STATED


def progress_of(dataset: Dataset, code: str, year: int | None = None) -> tuple[ProjectProgress, ...]:
    """One project's 项目进展 rows up to `year` (all when None), oldest first."""
    return tuple(p for p in dataset.index.progress.get(code, ()) if year is None or p.year <= year)


def _sum(values: Iterable[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def _latest(rows: tuple[ProjectProgress, ...], attribute: str) -> object:
    for row in reversed(rows):
        value = getattr(row, attribute)
        if value not in (None, ""):
            return value
    return None


FINISHED = ("建成", "运营", "竣工", "已完成")  # a project past its 竣工 year in one of these is not late


def project_row(dataset: Dataset, project: Project, year: int | None = None, today: date | None = None) -> ProjectRow:
    progress = progress_of(dataset, project.code, year)
    status = str(_latest(progress, "status") or texts.NOT_REPORTED)
    end = _latest(progress, "end_year")
    # Late as of the year viewed (a view of 2023 does not know of later delays), else as of today.
    now = year if year is not None else (today or date.today()).year
    late = isinstance(end, int) and end < now and status not in FINISHED
    return ProjectRow(
        project=project,
        box_label=box_label(project),
        chapter_label=chapter_label(dataset, project.chapter) if project.chapter is not None else texts.NOT_STATED,
        place=place_label(dataset, project),
        status=status,
        planned_yi=_sum(p.planned_yi for p in progress),
        completed_yi=_sum(p.completed_yi for p in progress),
        start_year=_latest(progress, "start_year"),  # type: ignore[arg-type]
        end_year=_latest(progress, "end_year"),  # type: ignore[arg-type]
        lead_unit=str(_latest(progress, "lead_unit") or ""),
        progress=progress,
        overdue=late,
    )


def project_rows(dataset: Dataset, year: int | None = None) -> list[ProjectRow]:
    """Every project of the data set with its progress up to `year` (None: every year reported)."""
    return [project_row(dataset, p, year) for p in dataset.projects]


def statuses(rows: Iterable[ProjectRow]) -> list[str]:
    """The statuses present, the usual four first in their order, then what else the data says."""
    return order_statuses(r.status for r in rows)


def order_statuses(values: Iterable[str]) -> list[str]:
    """谋划, 在建, 建成, 运营 in that order, then other statuses the data uses, then 未填报."""
    present = set(values)
    known = [s for s in texts.PROJECT_STATUSES if s in present]
    others = sorted(s for s in present if s not in texts.PROJECT_STATUSES and s != texts.NOT_REPORTED)
    return known + others + ([texts.NOT_REPORTED] if texts.NOT_REPORTED in present else [])


# --------------------------------------------------------------------------- filtering


def matches(row: ProjectRow, query: str) -> bool:
    """Case- and width-insensitive search over code, name, 专栏, towns, lead unit, summary and source."""
    needle = fold(query).lower()
    if not needle:
        return True
    p = row.project
    haystack = " ".join(
        (p.code, p.name, row.box_label, row.place, texts.SEP.join(p.towns), row.lead_unit, p.summary, p.scale_note, p.source)
    )
    return needle in fold(haystack).lower()


@dataclass(frozen=True)
class Selection:
    rows: list[ProjectRow]
    steps: tuple[tuple[str, str, int], ...]  # (kind, filter applied, projects left), in the order applied
    excluded_no_town: int  # left out only because the plan states no town while a town filter is active
    before: int  # projects in the data set

    @property
    def empty_step(self) -> tuple[str, str, int] | None:
        """The filter that left nothing (kind, label), and how many projects were there before it."""
        before = self.before
        for kind, label, left in self.steps:
            if left == 0:
                return kind, label, before
            before = left
        return None


def select(
    rows: list[ProjectRow], filters: Filters, boxes: Iterable[int] = (), chosen_statuses: Iterable[str] = (),
    query: str = "",
) -> Selection:
    boxes, chosen_statuses = tuple(boxes), tuple(chosen_statuses)
    steps: list[tuple[str, str, int]] = []
    kept = list(rows)
    excluded_no_town = 0
    if filters.towns:
        excluded_no_town = sum(
            1 for r in kept if not r.project.towns and filters.in_plan_place(r.project.chapter, r.project.section)
        )
        kept = [r for r in kept if set(r.project.towns) & set(filters.towns)]
        steps.append(("town", texts.STEP_TOWN.format(value=texts.SEP.join(filters.towns)), len(kept)))
    if filters.chapters or filters.sections:
        kept = [r for r in kept if filters.in_plan_place(r.project.chapter, r.project.section)]
        value = texts.SEP.join(plan_place(c) for c in filters.chapters)
        if filters.sections:
            value = texts.SEP.join(plan_place(c, s) for c, s in filters.sections)
        steps.append(("chapter", texts.STEP_CHAPTER.format(value=value), len(kept)))
    # Same rule as every page's global filter: keep this in step with Filters.keeps_project.
    kept = [r for r in kept if filters.keeps_project(r.project)]
    if boxes:
        kept = [r for r in kept if r.project.box in boxes]
        steps.append(("box", texts.STEP_BOX.format(value=texts.SEP.join(f"{texts.FILTER_BOX}{b}" for b in boxes)), len(kept)))
    if chosen_statuses:
        kept = [r for r in kept if r.status in chosen_statuses]
        steps.append(("status", texts.STEP_STATUS.format(value=texts.SEP.join(chosen_statuses)), len(kept)))
    if query.strip():
        kept = [r for r in kept if matches(r, query)]
        steps.append(("search", texts.STEP_SEARCH.format(value=query.strip()), len(kept)))
    return Selection(kept, tuple(steps), excluded_no_town, len(rows))


def empty_reason(selection: Selection, dataset: Dataset) -> str:
    """Why the filters left nothing, naming the filter that did it."""
    step = selection.empty_step
    if step is None:
        return ""
    kind, label, before = step
    reason = texts.NO_PROJECTS.format(step=label, before=before)
    if kind == "town":
        named = {t for p in dataset.projects for t in p.towns}
        towns = texts.SEP.join(t.name for t in dataset.towns if t.name in named) or texts.NOT_STATED
        no_town = sum(1 for p in dataset.projects if not p.towns)
        reason += texts.NO_PROJECTS_TOWN_HINT.format(towns=towns, no_town=no_town)
    return reason


# --------------------------------------------------------------------------- totals and roll-ups


@dataclass(frozen=True)
class Totals:
    count: int
    total_yi: float  # disclosed total investment only
    disclosed: int  # projects whose total investment is given
    planned_yi: float
    planned_reported: int
    completed_yi: float
    completed_reported: int
    share_yi: float | None  # completed ÷ total over the projects that have both
    share_count: int

    @property
    def undisclosed(self) -> int:
        return self.count - self.disclosed

    @property
    def planned_unreported(self) -> int:
        return self.count - self.planned_reported

    @property
    def completed_unreported(self) -> int:
        return self.count - self.completed_reported


def totals(rows: list[ProjectRow]) -> Totals:
    both = [r for r in rows if r.share is not None]
    both_total = sum(r.total_yi or 0.0 for r in both)
    return Totals(
        count=len(rows),
        total_yi=sum(r.total_yi for r in rows if r.total_yi is not None),
        disclosed=sum(1 for r in rows if r.total_yi is not None),
        planned_yi=sum(r.planned_yi for r in rows if r.planned_yi is not None),
        planned_reported=sum(1 for r in rows if r.planned_yi is not None),
        completed_yi=sum(r.completed_yi for r in rows if r.completed_yi is not None),
        completed_reported=sum(1 for r in rows if r.completed_yi is not None),
        share_yi=(sum(r.completed_yi or 0.0 for r in both) / both_total) if both and both_total > 0 else None,
        share_count=len(both),
    )


def group_of(row: ProjectRow, by: GroupBy) -> tuple[str, int]:
    """(label, sort order) of the row's group; a project belongs to exactly one group."""
    if by == "box":
        return row.box_label, row.project.box
    if by == "chapter":
        return row.chapter_label, row.project.chapter if row.project.chapter is not None else 99
    return row.town_group, 0  # town order is set by rollup() from the data set's list


@dataclass(frozen=True)
class Rollup:
    by: GroupBy
    measure: Measure
    parts: pd.DataFrame  # group, order, status, amount_yi, count: one row per group and status
    groups: pd.DataFrame  # group, order, amount_yi, count, with_amount, without_amount, label


def rollup(rows: list[ProjectRow], by: GroupBy, measure: Measure, town_order: Iterable[str] = ()) -> Rollup:
    """Sums of one measure by 专栏, chapter or town, split by status; counts of projects with and without it."""
    order_of_town = {name: i for i, name in enumerate(town_order)}
    order_of_town[texts.MULTI_TOWN] = len(order_of_town)
    order_of_town[texts.NO_TOWN_STATED] = len(order_of_town) + 1
    parts: dict[tuple[str, str], dict[str, object]] = {}
    groups: dict[str, dict[str, object]] = {}
    for row in rows:
        label, order = group_of(row, by)
        if by == "town":
            order = order_of_town.get(label, len(order_of_town) - 2)
        value = row.measure(measure)
        group = groups.setdefault(
            label, {"group": label, "order": order, "amount_yi": 0.0, "count": 0, "with_amount": 0, "without_amount": 0}
        )
        group["count"] = int(group["count"]) + 1  # type: ignore[call-overload]
        if value is None:
            group["without_amount"] = int(group["without_amount"]) + 1  # type: ignore[call-overload]
        else:
            group["with_amount"] = int(group["with_amount"]) + 1  # type: ignore[call-overload]
            group["amount_yi"] = float(group["amount_yi"]) + value  # type: ignore[arg-type]
        part = parts.setdefault(
            (label, row.status), {"group": label, "order": order, "status": row.status, "amount_yi": 0.0, "count": 0}
        )
        part["count"] = int(part["count"]) + 1  # type: ignore[call-overload]
        if value is not None:
            part["amount_yi"] = float(part["amount_yi"]) + value  # type: ignore[arg-type]
    given, missing = measure_words(measure)
    for group in groups.values():
        if group["with_amount"]:
            group["label"] = texts.GROUP_LABEL.format(
                amount=fmt_yi(float(group["amount_yi"])), with_amount=group["with_amount"], given=given,  # type: ignore[arg-type]
                without_amount=group["without_amount"], missing=missing,
            )
        else:
            group["label"] = texts.GROUP_NONE.format(count=group["count"], missing=missing)
    columns = ["group", "order", "amount_yi", "count", "with_amount", "without_amount", "label"]
    group_frame = pd.DataFrame(list(groups.values()), columns=columns).sort_values("order", kind="stable")
    part_frame = pd.DataFrame(list(parts.values()), columns=["group", "order", "status", "amount_yi", "count"])
    return Rollup(by, measure, part_frame.sort_values("order", kind="stable"), group_frame.reset_index(drop=True))


def yearly(rows: list[ProjectRow]) -> pd.DataFrame:
    """Planned and completed investment per year and 专栏, from the rows that give an amount."""
    records = []
    for row in rows:
        for p in row.progress:
            if p.planned_yi is None and p.completed_yi is None:
                continue
            records.append({
                "year": p.year, "box": row.box_label, "box_no": row.project.box,
                "planned_yi": p.planned_yi, "completed_yi": p.completed_yi, "project": row.project.name,
            })
    return pd.DataFrame(records, columns=["year", "box", "box_no", "planned_yi", "completed_yi", "project"])


def size(row: ProjectRow) -> float | None:
    """How large a project is on a chart of planned against completed investment: its largest figure."""
    figures = [v for v in (row.planned_yi, row.completed_yi, row.total_yi) if v is not None]
    return max(figures) if figures else None


def largest(rows: list[ProjectRow], measure: Measure, top: int = 10) -> list[ProjectRow]:
    """The projects with the largest value of the measure; projects without it are not ranked."""
    given = [r for r in rows if r.measure(measure) is not None]
    return sorted(given, key=lambda r: -(r.measure(measure) or 0.0))[:top]


# --------------------------------------------------------------------------- what the page shows


def _size(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{fmt_yi(value)}{unit}"


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    covers: str  # how many projects the figure covers and how many it does not


def headline(shown: list[ProjectRow], all_count: int) -> list[Metric]:
    """The five totals above the project list, each with its coverage (亿元 to two decimals: a headline)."""
    t = totals(shown)

    def money(value: float, covered: int, missing: str) -> str:
        return total_text(round(value, 2), covered, missing)

    return [
        Metric(texts.METRIC_PROJECTS, str(t.count), texts.METRIC_PROJECTS_OF.format(total=all_count)),
        Metric(
            texts.METRIC_DISCLOSED_TOTAL, money(t.total_yi, t.disclosed, texts.PROJECT_UNDISCLOSED),
            texts.DISCLOSED_COUNTS.format(disclosed=t.disclosed, undisclosed=t.undisclosed),
        ),
        Metric(
            texts.MEASURE_PLANNED, money(t.planned_yi, t.planned_reported, texts.NOT_REPORTED),
            texts.REPORTED_COUNTS.format(reported=t.planned_reported, unreported=t.planned_unreported),
        ),
        Metric(
            texts.MEASURE_COMPLETED, money(t.completed_yi, t.completed_reported, texts.NOT_REPORTED),
            texts.REPORTED_COUNTS.format(reported=t.completed_reported, unreported=t.completed_unreported),
        ),
        Metric(
            texts.METRIC_SHARE, "—" if t.share_yi is None else f"{t.share_yi:.1%}",
            texts.SHARE_COVERS.format(count=t.share_count),
        ),
    ]


def table(rows: list[ProjectRow]) -> pd.DataFrame:
    """The project list as the page shows it: one row per project, Chinese headers, 亿元."""
    records = []
    for row in rows:
        p = row.project
        records.append({
            texts.COL_CODE: p.code,
            texts.COL_PROJECT: p.name,
            texts.COL_BOX: row.box_label,
            texts.COL_PLACE: row.place,
            texts.COL_TOWNS: texts.SEP.join(p.towns) or texts.NOT_STATED,
            texts.COL_TOTAL: investment_text(row.project, unit=False),
            texts.COL_PLANNED: fmt_yi(row.planned_yi),
            texts.COL_COMPLETED: fmt_yi(row.completed_yi),
            texts.COL_SHARE: row.share,
            texts.COL_PERIOD: row.period,
            texts.COL_STATUS: row.status_text,
            texts.COL_LEAD: row.lead_unit,
            texts.COL_LAND: _size(p.land_area, p.land_area_unit),
            texts.COL_FLOOR: _size(p.floor_area, p.floor_area_unit),
            texts.COL_LENGTH: "" if p.length_km is None else fmt_yi(p.length_km),
            texts.COL_SCALE: p.scale_note,
            texts.COL_SOURCE: p.source,
        })
    # What an official looks for first, at the left: the money, how far it has come, and whether it is late.
    columns = [
        texts.COL_CODE, texts.COL_PROJECT, texts.COL_TOTAL, texts.COL_COMPLETED, texts.COL_SHARE, texts.COL_STATUS,
        texts.COL_PERIOD, texts.COL_PLANNED, texts.COL_TOWNS, texts.COL_BOX, texts.COL_PLACE, texts.COL_LEAD,
        texts.COL_LAND, texts.COL_FLOOR, texts.COL_LENGTH, texts.COL_SCALE, texts.COL_SOURCE,
    ]
    return pd.DataFrame(records, columns=columns)


@dataclass(frozen=True)
class ProjectDetail:
    row: ProjectRow
    facts: list[tuple[str, str]]  # (label, value) in reading order; empty values left out
    years: pd.DataFrame  # one row per reported year


def project_detail(row: ProjectRow) -> ProjectDetail:
    p = row.project
    share = "" if row.share is None else f"{row.share:.1%}"
    facts = [
        (texts.COL_CODE, p.code),
        (texts.COL_BOX, row.box_label),
        (texts.COL_PLACE_IN_PLAN, row.place),
        (texts.COL_TOWNS, texts.SEP.join(p.towns) or texts.NOT_STATED),
        (texts.COL_TOTAL_PLAIN, investment_text(row.project)),
        (texts.MEASURE_PLANNED, _size(row.planned_yi, texts.UNIT_YI) or texts.NOT_REPORTED),
        (texts.MEASURE_COMPLETED, _size(row.completed_yi, texts.UNIT_YI) or texts.NOT_REPORTED),
        (texts.COL_SHARE, share),
        (texts.COL_STATUS, row.status_text),
        (texts.COL_PERIOD, row.period),
        (texts.COL_LEAD, row.lead_unit),
        (texts.COL_LAND, _size(p.land_area, p.land_area_unit)),
        (texts.COL_FLOOR, _size(p.floor_area, p.floor_area_unit)),
        (texts.COL_LENGTH, "" if p.length_km is None else fmt_yi(p.length_km)),
        (texts.COL_SCALE, p.scale_note),
        (texts.COL_SUMMARY, p.summary),
        (texts.COL_SOURCE, p.source),
    ]
    years = pd.DataFrame(
        [
            {
                texts.COL_YEAR: str(y.year),
                texts.COL_PLANNED_YEAR: fmt_yi(y.planned_yi),
                texts.COL_COMPLETED_YEAR: fmt_yi(y.completed_yi),
                texts.COL_AS_GIVEN: texts.SEP.join(
                    f"{label}{as_given(v, y.unit)}"
                    for label, v in ((texts.PLANNED_SHORT, y.planned_yi), (texts.COMPLETED_SHORT, y.completed_yi))
                    if v is not None
                ),
                texts.COL_STATUS: y.status or texts.NOT_REPORTED,
                texts.COL_START: "" if y.start_year is None else str(y.start_year),
                texts.COL_END: "" if y.end_year is None else str(y.end_year),
                texts.COL_LEAD: y.lead_unit,
                texts.COL_SOURCE: y.source,
            }
            for y in row.progress
        ],
        columns=[
            texts.COL_YEAR, texts.COL_PLANNED_YEAR, texts.COL_COMPLETED_YEAR, texts.COL_AS_GIVEN, texts.COL_STATUS,
            texts.COL_START, texts.COL_END, texts.COL_LEAD, texts.COL_SOURCE,
        ],
    )
    return ProjectDetail(row, [(k, v) for k, v in facts if v], years)


def list_orders() -> tuple[tuple[str, Callable[[ProjectRow], float | int | None], str, str], ...]:
    """The project list's orders besides the plan's, for ui.ordered: (column, value, largest first, smallest first).
    A function, so the words follow the language chosen for the run."""
    return (
        (texts.COL_TOTAL_PLAIN, lambda r: r.total_yi, texts.SORT_HIGH_FIRST, texts.SORT_LOW_FIRST),
        (texts.MEASURE_COMPLETED, lambda r: r.completed_yi, texts.SORT_HIGH_FIRST, texts.SORT_LOW_FIRST),
        (texts.COL_SHARE, lambda r: r.share, texts.SORT_HIGH_FIRST, texts.SORT_LOW_FIRST),
        (texts.MEASURE_PLANNED, lambda r: r.planned_yi, texts.SORT_HIGH_FIRST, texts.SORT_LOW_FIRST),
        (texts.COL_END, lambda r: r.end_year, texts.SORT_LATE_FIRST, texts.SORT_EARLY_FIRST),
    )
