"""The 监测评估报告 as data: cover, sections, paragraphs built from judgements, tables and charts, for one view.

This module decides what the report says; report_docx.py and report_pdf.py only lay it out. Every sentence is put
together from catalogue phrases (texts.DOC_*) and figures the dashboard already computed for the pages (status,
reason, roll-ups, totals with their coverage): nothing is invented, a value nobody reported reads 未填报, and every
block that rests on 示例 figures says so (`sample`), so the layouts can mark each page that carries one.
下一步工作建议 is a heading and an empty paragraph: the tool never writes policy.

Not to be confused with report.py, the upload's validation report.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Callable, Literal, Union

from . import charts, project_charts, projects, task_charts, tasks, texts, towns
from .filters import Filters, available_years, describe
from .indicator_view import history, status_text
from .method import method_markdown, target_readings
from .model import Dataset, Indicator, chinese_number
from .numbers import fmt, format_value
from .overview import Card, cards
from .quality import flags_for
from .status import ASSESSABLE, STATUS_ORDER, Judgement, Status
from .targets import CUMULATIVE_FIRST_YEAR, TARGET_YEAR

# --------------------------------------------------------------------------- the blocks a report is made of


@dataclass(frozen=True)
class Heading:
    text: str  # numbered already: 一、主要指标完成情况 / （一）城镇化水平
    level: int  # 1 chapter, 2 section, 3 a heading inside the appendix


@dataclass(frozen=True)
class Text:
    text: str
    sample: bool = False  # rests on 示例 figures
    kind: Literal["body", "note", "blank"] = "body"  # blank: an empty paragraph left for the official


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""  # 表1 主要指标完成情况
    sample: bool = False
    widths: tuple[float, ...] = ()  # relative column widths; equal when empty


@dataclass(frozen=True)
class Figure:
    chart: Any = field(compare=False)  # an Altair chart, a Vega-Lite dict, or a Deferred one, as the pages draw it
    caption: str = ""  # 图1 …
    sample: bool = False
    width: int | None = None  # chart pixels; None keeps the chart's own
    height: int | None = None


Block = Union[Heading, Text, Table, Figure]


class Deferred:
    """A chart made only when it is drawn (chart_images calls to_dict): the 报告导出 page lists the report's
    captions, and making 1,000 indicators' history charts for it took half a minute (issue 13)."""

    def __init__(self, make: Callable[..., Any], *args: Any) -> None:
        self._make, self._args = make, args

    @functools.cached_property
    def chart(self) -> Any:
        return self._make(*self._args)

    def to_dict(self, **kwargs: Any) -> dict[str, Any]:
        return self.chart.to_dict(**kwargs)


@dataclass(frozen=True)
class DataVersion:
    """Which data the report or export was made from: the store's version, or a file read from the command line."""

    number: int | None
    saved_at: datetime | None
    editor: str
    file_name: str

    @classmethod
    def of(cls, info: Any) -> DataVersion:
        """From a store VersionInfo."""
        return cls(info.number, info.created_at, info.editor, info.file_name)

    @property
    def text(self) -> str:
        when = self.saved_at.strftime("%Y-%m-%d %H:%M") if self.saved_at else "—"
        if self.number is None:
            return texts.DOC_VERSION_FILE.format(file=self.file_name, time=when)
        return texts.DOC_VERSION_LINE.format(
            version=texts.VERSION_LABEL.format(number=self.number), time=when, editor=self.editor, file=self.file_name,
        )


@dataclass(frozen=True)
class Report:
    title: str  # the plan's title
    subtitle: str  # 2024年度实施监测报告
    cover_lines: tuple[tuple[str, str], ...]  # (label, value): 规划期, 报告年度, 范围, 数据版本, 生成时间
    sample_statement: str  # on the cover when 示例 figures are in it; "" otherwise
    header: str  # the running head of every page
    blocks: tuple[Block, ...]
    file_stem: str  # 西青区新型城镇化规划2024年度监测报告（精武镇）
    year: int | None
    scope: str

    @property
    def sample(self) -> bool:
        return bool(self.sample_statement)

    def headings(self, level: int | None = None) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]

    def text(self) -> str:
        """Everything a reader reads, in order: for tests and the page's preview."""
        parts: list[str] = [self.title, self.subtitle, *(f"{k}：{v}" for k, v in self.cover_lines), self.sample_statement]
        for b in self.blocks:
            if isinstance(b, (Heading, Text)):
                parts.append(b.text)
            elif isinstance(b, Table):
                parts += [b.caption, " ".join(b.columns), *(" ".join(r) for r in b.rows)]
            else:
                parts.append(b.caption)
        return "\n".join(p for p in parts if p)


# --------------------------------------------------------------------------- building it


class _Numbers:
    """Headings, tables and figures numbered in the order they appear."""

    def __init__(self) -> None:
        self.chapter = 0
        self.section = 0
        self.table = 0
        self.figure = 0

    def h1(self, title: str) -> Heading:
        self.chapter += 1
        self.section = 0
        return Heading(texts.DOC_H1.format(n=chinese_number(self.chapter), title=title), 1)

    def h2(self, title: str) -> Heading:
        self.section += 1
        return Heading(texts.DOC_H2.format(n=chinese_number(self.section), title=title), 2)

    def table_caption(self, title: str) -> str:
        self.table += 1
        return texts.DOC_TABLE_CAPTION.format(n=self.table, title=title)

    def figure_caption(self, title: str) -> str:
        self.figure += 1
        return texts.DOC_FIGURE_CAPTION.format(n=self.figure, title=title)


def report_year(dataset: Dataset, filters: Filters) -> int | None:
    """The year the report covers: the one chosen, else the latest year anyone reported anything for."""
    if filters.year is not None:
        return filters.year
    years = available_years(dataset)
    return years[-1] if years else None


def build(dataset: Dataset, filters: Filters, version: DataVersion, today: date | None = None,
          now: datetime | None = None) -> Report:
    """The report of one view: the filters in use are its scope (镇街, 章节, 部门) and its year."""
    today = today or date.today()
    now = now or datetime.now()
    year = report_year(dataset, filters)
    scope_filters = dataclasses.replace(filters, year=year)
    scope = describe(scope_filters, dataset)
    n = _Numbers()
    all_cards = cards(dataset, scope_filters)
    task_list = [r for r in tasks.task_rows(dataset, year, today) if tasks.keeps(r, scope_filters)] if dataset.tasks else []
    project_list = projects.select(projects.project_rows(dataset, year), scope_filters).rows

    blocks: list[Block] = [Heading(texts.DOC_NOTE_TITLE, 1)]
    blocks += _explanation(dataset, version, year, scope)
    blocks += _indicators(dataset, scope_filters, all_cards, year, n)
    blocks += _towns(dataset, scope_filters, n)
    blocks += _tasks(dataset, scope_filters, task_list, year, n)
    blocks += _projects(dataset, scope_filters, project_list, n)
    blocks += _problems(dataset, scope_filters, all_cards, task_list, project_list, year, n)
    blocks += [n.h1(texts.DOC_NEXT_STEPS), Text("", kind="blank")]
    blocks += _appendix(dataset, version, n)

    sample = any(getattr(b, "sample", False) for b in blocks)
    figures = dataset.sample_figures
    statement = texts.DOC_SAMPLE_STATEMENT.format(count=figures) if sample else ""
    subtitle = texts.DOC_SUBTITLE.format(year=year) if year else texts.DOC_SUBTITLE_NO_YEAR
    cover = (
        (texts.DOC_COVER_PERIOD, texts.DOC_PLAN_PERIOD),
        (texts.DOC_COVER_YEAR, f"{year}{texts.YEAR_SUFFIX}" if year else "—"),
        (texts.DOC_COVER_SCOPE, scope),
        (texts.DOC_COVER_VERSION, version.text),
        (texts.DOC_COVER_MADE, texts.DOC_MADE_BY.format(time=now.strftime("%Y-%m-%d %H:%M"), app=texts.APP_TITLE)),
    )
    who = texts.SEP.join(filters.towns) if filters.towns else ""
    stem = texts.DOC_FILE_STEM.format(year=year or "") + (f"{texts.PAREN_OPEN}{who}{texts.PAREN_CLOSE}" if who else "")
    header = texts.DOC_RUNNING_HEAD.format(subtitle=subtitle, scope=scope)
    return Report(texts.PLAN_TITLE, subtitle, cover, statement, header, tuple(blocks), _safe_stem(stem), year, scope)


def _safe_stem(stem: str) -> str:
    """A file name every system accepts: no path separators or characters Windows refuses, not too long."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem)[:120]


# --------------------------------------------------------------------------- 说明


def _explanation(dataset: Dataset, version: DataVersion, year: int | None, scope: str) -> list[Block]:
    lines = [Text(texts.DOC_NOTE.format(version=version.text, year=year or "—", scope=scope))]
    if dataset.sample_figures:
        lines.append(Text(texts.DOC_NOTE_SAMPLE.format(count=dataset.sample_figures), sample=True))
    return lines


# --------------------------------------------------------------------------- 主要指标完成情况


def _years_shown(dataset: Dataset, year: int | None) -> list[int]:
    return [y for y in dataset.index.years if year is None or y <= year]


def _indicators(dataset: Dataset, scope: Filters, all_cards: list[Card], year: int | None, n: _Numbers) -> list[Block]:
    blocks: list[Block] = [n.h1(texts.DOC_INDICATORS)]
    if not all_cards:
        return blocks + [Text(texts.DOC_NO_INDICATORS)]
    one_town = scope.towns[0] if len(scope.towns) == 1 else None
    judged = [c for c in all_cards if not (one_town and c.district_fallback)]
    tally = Counter(c.main.status for c in judged)
    parts = [texts.STATUS_COUNT.format(status=s.label, count=tally[s]) + texts.DOC_ITEMS for s in STATUS_ORDER if tally[s]]
    alerts = [c.indicator.name for c in judged if c.main.alert]
    whose = one_town or (texts.SEP.join(scope.towns) if scope.towns else texts.DISTRICT)
    summary = texts.DOC_INDICATOR_SUMMARY.format(
        count=len(all_cards), who=whose, judged=len(judged), parts="，".join(parts) or "—",
    )
    summary += texts.DOC_ALERTS.format(count=len(alerts), names=texts.SEP.join(alerts)) if alerts else texts.DOC_NO_ALERTS
    if one_town and len(judged) < len(all_cards):
        summary += texts.DOC_DISTRICT_NOT_COUNTED.format(town=one_town, count=len(all_cards) - len(judged))
    blocks.append(Text(summary, sample=any(c.main.sample for c in judged)))

    years = _years_shown(dataset, year)
    columns = (
        texts.DOC_COL_CATEGORY, texts.DOC_COL_INDICATOR, texts.TARGET_LABEL, texts.ATTRIBUTE_LABEL,
        texts.DOC_COL_BASE, *(f"{y}{texts.YEAR_SUFFIX}" for y in years), texts.DOC_COL_STATUS, texts.TREND_LABEL,
    )
    rows = []
    for c in all_cards:
        j = c.main
        series = {o.year: o.value for o in dataset.series(c.indicator.name, j.town)}
        name = c.indicator.label + (texts.DOC_DISTRICT_MARK if (scope.towns and j.town == texts.DISTRICT) else "")
        rows.append((
            c.indicator.category, name, c.indicator.target_text, c.indicator.attribute, _base_text(c.indicator, j),
            *(_figure_text(series.get(y)) for y in years), status_text(j), j.trend or "—",
        ))
    widths = (1.2, 3.0, 1.6, 1.0, 1.5, *(1.3 for _ in years), 1.7, 0.7)
    blocks.append(Table(columns, tuple(rows), n.table_caption(texts.DOC_INDICATOR_TABLE.format(who=whose)),
                        any(c.main.sample for c in all_cards), widths))
    blocks.append(Text(texts.DOC_INDICATOR_TABLE_NOTE, kind="note"))

    for category in dict.fromkeys(c.indicator.category for c in all_cards):
        members = [c for c in all_cards if c.indicator.category == category]
        blocks.append(n.h2(category))
        blocks.append(Text(_category_paragraph(category, members), sample=any(c.main.sample for c in members)))
        blocks += [Text(indicator_sentence(c, year, one_town), sample=c.main.sample) for c in members]
        gauges = charts.gauge_grid([(c.indicator, c.main) for c in members])
        blocks.append(Figure(gauges, n.figure_caption(texts.DOC_GAUGES.format(category=category)), any(c.main.sample for c in members)))
        for c in members:
            shown = history(dataset, c.indicator, c.main.town, year)
            if shown is None:
                continue
            caption = n.figure_caption(texts.DOC_HISTORY.format(
                name=c.indicator.label, who=c.main.town if scope.towns else texts.DISTRICT,
            ))
            blocks.append(Figure(Deferred(charts.history, shown, c.indicator), caption,
                                 any(p.sample for p in shown.points), width=520, height=200))
    return blocks


def _figure_text(value: float | None) -> str:
    """A figure in a table whose header carries the unit: 95.61, or 未填报."""
    return texts.NOT_REPORTED if value is None else fmt(value)


def _base_text(indicator: Indicator, j: Judgement) -> str:
    """The base the status was measured from (the plan's 基期值, or a town's first year), else the plan's."""
    if j.base_year is not None and j.base_value is not None:
        return texts.DOC_BASE.format(value=fmt(j.base_value), year=j.base_year)
    if indicator.base_value is not None and indicator.base_year is not None:
        return texts.DOC_BASE.format(value=fmt(indicator.base_value), year=indicator.base_year)
    return "—"


def _category_paragraph(category: str, members: list[Card]) -> str:
    """How many are 提前实现 / 快于预期 / 基本符合预期 / 滞后, and which are 预警; each indicator's reason follows."""
    by_status: dict[Status, list[str]] = {}
    for c in members:
        by_status.setdefault(c.main.status, []).append(c.indicator.name)
    parts = [
        texts.DOC_STATUS_PART.format(status=s.label, count=len(by_status[s]), names=texts.SEP.join(by_status[s]))
        for s in STATUS_ORDER if s in by_status and s in ASSESSABLE
    ]
    others = [
        texts.DOC_STATUS_PART.format(status=s.label, count=len(by_status[s]), names=texts.SEP.join(by_status[s]))
        for s in STATUS_ORDER if s in by_status and s not in ASSESSABLE
    ]
    text = texts.DOC_CATEGORY_HEAD.format(category=category, count=len(members), parts="，".join(parts) or "—")
    if others:
        text += texts.DOC_CATEGORY_OTHERS.format(parts="，".join(others))
    alerts = [c.indicator.name for c in members if c.main.alert]
    return text + (texts.DOC_ALERTS.format(count=len(alerts), names=texts.SEP.join(alerts)) if alerts else texts.DOC_NO_ALERTS)


def indicator_sentence(card: Card, year: int | None, one_town: str | None = None) -> str:
    """One indicator in one sentence: its status (预警, 示例 marked) and the reason it was given, or 未填报."""
    j = card.main
    name = card.indicator.name
    if one_town and card.district_fallback:
        name += texts.DOC_FALLBACK_MARK.format(town=one_town)
    if j.value is None and j.status == Status.NO_DATA:
        return texts.DOC_SENTENCE_NOT_REPORTED.format(name=name, year=year or "")
    status = status_text(j)
    if year is not None and j.year is not None and j.year < year:
        return texts.DOC_SENTENCE_EARLIER.format(name=name, year=year, latest=j.year, status=status, reason=j.reason)
    return texts.DOC_SENTENCE.format(name=name, status=status, reason=j.reason)


# --------------------------------------------------------------------------- 分镇街情况


def _towns(dataset: Dataset, scope: Filters, n: _Numbers) -> list[Block]:
    indicators = towns.town_indicators(dataset, scope)
    shown = towns.shown_towns(dataset, scope)
    if not indicators or not shown:
        return []
    blocks: list[Block] = [n.h1(texts.DOC_TOWNS)]
    judged = {(j.town, j.indicator): j for j in towns.matrix(dataset, scope)}
    rows = []
    for town in shown:
        cells_ = []
        for i in indicators:
            j = judged[(town.name, i.name)]
            cells_.append(texts.NOT_REPORTED if j.value is None else f"{fmt(j.value)} {status_text(j)}")
        rows.append((town.name, *cells_))
    sample = any(j.sample for j in judged.values())
    intro = texts.DOC_TOWNS_INTRO.format(indicators=len(indicators), towns=len(shown))
    blocks.append(Text(intro))
    blocks.append(Table((texts.TIP_TOWN, *(i.label for i in indicators)), tuple(rows),
                        n.table_caption(texts.DOC_TOWNS_TABLE), sample, (1.2, *(2.0 for _ in indicators))))
    for i in indicators:
        ranked, district = towns.ranking(dataset, i, scope)
        if not ranked:
            blocks.append(Text(texts.DOC_RANKING_NONE.format(name=i.label)))
            continue
        places = rank_places(ranked)
        order = texts.SEP.join(f"{places[j.town]}.{j.town}{format_value(j.value, i.unit)}" for j in ranked)
        text = texts.DOC_RANKING.format(name=i.label, order=order, district=format_value(district.value, i.unit))
        for town in scope.towns:
            place = places.get(town)
            text += (texts.DOC_RANK_OF.format(town=town, rank=place, count=len(ranked)) if place
                     else texts.DOC_RANK_NONE.format(town=town))
        blocks.append(Text(text, sample=any(j.sample for j in ranked) or district.sample))
    blocks.append(Figure(Deferred(charts.status_heatmap, list(judged.values()), indicators),
                         n.figure_caption(texts.DOC_TOWNS_HEATMAP), sample, width=560))
    return blocks


def rank_places(ranked: list[Judgement]) -> dict[str, int]:
    """Places in a ranking already sorted best first; equal values share a place (1, 1, 3), as in a league table."""
    places: dict[str, int] = {}
    for index, j in enumerate(ranked):
        tied = next((k for k, other in enumerate(ranked[:index]) if other.value == j.value), None)
        places[j.town] = places[ranked[tied].town] if tied is not None else index + 1
    return places


# --------------------------------------------------------------------------- 重点任务推进情况


def _task_status(row: tasks.TaskRow) -> str:
    words = row.status + (f"·{texts.OVERDUE_BADGE}" if row.overdue else "")
    return f"{words}{texts.PAREN_OPEN}{texts.SAMPLE}{texts.PAREN_CLOSE}" if row.sample else words


def _tasks(dataset: Dataset, scope: Filters, rows: list[tasks.TaskRow], year: int | None, n: _Numbers) -> list[Block]:
    blocks: list[Block] = [n.h1(texts.DOC_TASKS)]
    if not dataset.tasks:
        return blocks + [Text(texts.DOC_TASKS_NOT_IN_DATA)]
    if not rows:
        return blocks + [Text(texts.DOC_TASKS_NONE_IN_SCOPE.format(scope=describe(scope, dataset)))]
    if not dataset.task_progress:
        blocks.append(Text(texts.DOC_TASKS_NO_PROGRESS))
    expected = tasks.report_year(dataset, year)
    counts = Counter(r.status for r in rows)
    parts = texts.SEP.join(
        texts.STATUS_COUNT.format(status=s, count=counts[s]) + texts.DOC_ITEMS for s in tasks.STATUS_ORDER if counts[s]
    )
    sample = any(r.sample for r in rows)
    blocks.append(Text(texts.DOC_TASKS_SUMMARY.format(
        count=len(rows), parts=parts, overdue=sum(r.overdue for r in rows), year=expected or "—",
        unreported=sum(not r.reported for r in rows), pending=sum(not r.lead for r in rows),
    ), sample=sample))
    items = tasks.rollups(dataset, rows, scope, [])
    chart = task_charts.by_chapter(items)
    if chart is not None:
        blocks.append(Figure(chart, n.figure_caption(texts.CHART_TASKS_BY_CHAPTER), sample, width=480))
    for chapter in (r for r in items if r.section is None and r.tasks):
        members = [r for r in rows if r.chapter == chapter.chapter]
        blocks.append(n.h2(chapter.label))
        blocks.append(Text(texts.DOC_TASK_CHAPTER.format(
            count=chapter.tasks, parts=tasks.status_parts(chapter) or "—", overdue=chapter.overdue,
            year=expected or "—", unreported=chapter.unreported,
        ), sample=any(r.sample for r in members)))
        table_rows = tuple(
            (r.code, r.task.name, r.lead_label, r.deadline_label, _task_status(r), r.note or "—") for r in members
        )
        blocks.append(Table(
            (texts.TASK_COL_CODE, texts.TASK_COL_NAME, texts.TASK_COL_LEAD, texts.TASK_COL_DEADLINE, texts.TASK_COL_STATUS,
             texts.TASK_COL_NOTE),
            table_rows, n.table_caption(texts.DOC_TASK_TABLE.format(chapter=chapter.label)),
            any(r.sample for r in members), (0.8, 2.4, 2.0, 1.3, 1.3, 3.2),
        ))
    return blocks


# --------------------------------------------------------------------------- 重大项目建设情况


def _projects(dataset: Dataset, scope: Filters, shown: list[projects.ProjectRow], n: _Numbers) -> list[Block]:
    blocks: list[Block] = [n.h1(texts.DOC_PROJECTS)]
    if not dataset.projects:
        return blocks + [Text(texts.DOC_PROJECTS_NONE)]
    if not shown:
        every = projects.project_rows(dataset, scope.year)
        reason = projects.empty_reason(projects.select(every, scope), dataset)
        return blocks + [Text(reason or texts.DOC_PROJECTS_NONE)]
    sample = any(p.sample for r in shown for p in r.progress)
    metrics = projects.headline(shown, len(dataset.projects))
    sentence = "；".join(texts.DOC_METRIC.format(label=m.label, value=m.value, covers=m.covers) for m in metrics[1:])
    blocks.append(Text(texts.DOC_PROJECTS_SUMMARY.format(count=len(shown), total=len(dataset.projects), metrics=sentence),
                       sample=sample))
    rollup = projects.rollup(shown, "box", "total")
    table_rows = []
    for g in rollup.groups.itertuples():
        parts = rollup.parts[rollup.parts["group"] == g.group]
        status = " · ".join(f"{s}{int(parts[parts['status'] == s]['count'].sum())}" for s in projects.order_statuses(parts["status"]))
        amount = projects.fmt_yi(float(g.amount_yi)) if g.with_amount else texts.PROJECT_UNDISCLOSED
        table_rows.append((str(g.group), str(int(g.count)), amount,
                           texts.DISCLOSED_COUNTS.format(disclosed=int(g.with_amount), undisclosed=int(g.without_amount)), status))
    blocks.append(Table(
        (texts.COL_BOX, texts.METRIC_PROJECTS, texts.DOC_COL_DISCLOSED_TOTAL, texts.DOC_COL_DISCLOSURE, texts.COL_STATUS),
        tuple(table_rows), n.table_caption(texts.DOC_PROJECTS_BY_BOX), sample, (3.0, 0.9, 1.5, 2.2, 2.2),
    ))
    chart = project_charts.investment_by(rollup)
    if chart is not None:
        blocks.append(Figure(chart, n.figure_caption(texts.DOC_PROJECTS_CHART), sample, width=420))
    top = projects.largest(shown, "total", 5)
    if top:
        blocks.append(Table(
            (texts.COL_CODE, texts.COL_PROJECT, texts.COL_TOTAL_PLAIN, texts.COL_STATUS, texts.COL_COMPLETED),
            tuple((r.code, r.project.name, projects.investment_text(r.project), r.status_text, projects.fmt_yi(r.completed_yi))
                  for r in top),
            n.table_caption(texts.DOC_PROJECTS_LARGEST), any(p.sample for r in top for p in r.progress),
            (0.7, 3.6, 1.6, 1.3, 1.6),
        ))
    return blocks


# --------------------------------------------------------------------------- 存在的问题


def _problems(
    dataset: Dataset, scope: Filters, all_cards: list[Card], task_list: list[tasks.TaskRow],
    project_list: list[projects.ProjectRow], year: int | None, n: _Numbers,
) -> list[Block]:
    blocks: list[Block] = [n.h1(texts.DOC_PROBLEMS)]
    one_town = scope.towns[0] if len(scope.towns) == 1 else None

    blocks.append(n.h2(texts.DOC_PROBLEMS_LAGGING))
    lagging = [c for c in all_cards if c.main.status == Status.LAGGING]
    blocks += [Text(indicator_sentence(c, year, one_town), sample=c.main.sample) for c in lagging] or [Text(texts.DOC_NONE)]

    blocks.append(n.h2(texts.DOC_PROBLEMS_OVERDUE))
    overdue = [r for r in task_list if r.overdue]
    blocks += [Text(texts.DOC_OVERDUE_TASK.format(
        code=r.code, name=r.task.name, lead=r.lead_label, deadline=r.deadline_label, status=_task_status(r),
    ), sample=r.sample) for r in overdue] or [Text(texts.DOC_NONE)]
    late = [r for r in project_list if r.overdue]
    blocks += [Text(texts.DOC_OVERDUE_PROJECT.format(code=r.code, name=r.project.name, end=r.end_year, status=r.status),
                    sample=any(p.sample for p in r.progress)) for r in late]

    blocks.append(n.h2(texts.DOC_PROBLEMS_QUALITY))
    flag_rows = [
        (f.indicator, f.label, f.town, "" if f.year is None else str(f.year), f.detail)
        for c in all_cards for f in flags_for(dataset, c.indicator)
        if not scope.towns or f.town in (*scope.towns, texts.DISTRICT)
    ]
    if flag_rows:
        blocks.append(Table(
            (texts.TIP_INDICATOR, texts.DETAIL_COL_FLAG, texts.DETAIL_COL_TOWN, texts.DETAIL_COL_YEAR, texts.DETAIL_COL_NOTE),
            tuple(flag_rows), n.table_caption(texts.DOC_FLAGS_TABLE), False, (2.4, 1.8, 1.0, 0.7, 3.2),
        ))
    else:
        blocks.append(Text(texts.DOC_NONE))

    blocks.append(n.h2(texts.DOC_PROBLEMS_MISSING))
    missing = []
    for c in all_cards:
        town = c.main.town
        series = {o.year: o.value for o in dataset.series(c.indicator.name, town)}
        if year is not None and series.get(year) is None:
            missing.append(texts.DOC_MISSING_VALUE.format(name=c.indicator.name, town=town, year=year))
    text = "；".join(missing) + "。" if missing else ""
    unreported = [r for r in task_list if not r.reported]
    expected = tasks.report_year(dataset, year)
    if unreported and expected:
        text += texts.DOC_MISSING_TASKS.format(
            year=expected, count=len(unreported), codes=texts.SEP.join(f"{r.code} {r.task.name}" for r in unreported),
        )
    if project_list and year is not None:
        silent = [r for r in project_list if not any(p.year == year for p in r.progress)]
        if silent:
            text += texts.DOC_MISSING_PROJECTS.format(year=year, count=len(silent), codes=texts.SEP.join(r.code for r in silent))
    blocks.append(Text(text or texts.DOC_NONE))
    return blocks


# --------------------------------------------------------------------------- 附录


def _appendix(dataset: Dataset, version: DataVersion, n: _Numbers) -> list[Block]:
    blocks: list[Block] = [n.h1(texts.DOC_APPENDIX), n.h2(texts.DOC_APPENDIX_METHOD)]
    blocks += markdown_blocks(method_markdown())
    readings = target_readings(dataset)
    if readings:
        columns = tuple(readings[0])
        blocks.append(Table(columns, tuple(tuple(str(r[c]) for c in columns) for r in readings),
                            n.table_caption(texts.METHOD_TABLE_TITLE), False, (0.6, 3.0, 1.8, 1.4, 0.9, 1.0, 0.9)))
    blocks.append(n.h2(texts.DOC_APPENDIX_SOURCES))
    blocks.append(Text(texts.DOC_SOURCES_INTRO.format(version=version.text)))
    blocks.append(Table(
        (texts.DATASET_LABEL, texts.HISTORY_COL_FILE, texts.SAMPLE, texts.LOADED_AT_LABEL),
        tuple((s.name, s.file_name, texts.YES if s.is_sample else texts.NO, s.loaded_at.strftime("%Y-%m-%d %H:%M"))
              for s in dataset.sources),
        n.table_caption(texts.DOC_SOURCES_TABLE), any(s.is_sample for s in dataset.sources), (3.4, 2.6, 0.6, 1.6),
    ))
    cited = Counter(o.source for o in dataset.observations if o.value is not None and o.source)
    if cited:
        blocks.append(Text(texts.DOC_SOURCES_CITED.format(
            items="；".join(f"{name}{texts.PAREN_OPEN}{count}{texts.PAREN_CLOSE}" for name, count in cited.most_common()),
        ), kind="note"))
    blocks.append(Text(texts.DOC_SOURCES_PLAN.format(first=CUMULATIVE_FIRST_YEAR, last=TARGET_YEAR), kind="note"))
    return blocks


def markdown_blocks(markdown: str) -> list[Block]:
    """The 口径说明 page's Markdown (headings, bullet lists, tables, **bold**) as report blocks."""
    blocks: list[Block] = []
    table: list[list[str]] = []

    def flush() -> None:
        if table:
            header, *body = table
            blocks.append(Table(tuple(header), tuple(tuple(r) for r in body)))
            table.clear()

    for raw in markdown.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            cells_ = [_plain(c.strip()) for c in line.strip("|").split("|")]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells_):
                table.append(cells_)
            continue
        flush()
        if not line:
            continue
        if line.startswith("#"):
            blocks.append(Heading(_plain(line.lstrip("#").strip()), 3))
        elif line.startswith("- "):
            blocks.append(Text(texts.DOC_BULLET.format(text=_plain(line[2:]))))
        else:
            blocks.append(Text(_plain(line)))
    flush()
    return blocks


def _plain(text: str) -> str:
    return text.replace("**", "")

