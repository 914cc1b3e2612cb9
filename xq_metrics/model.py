"""Typed objects a validated workbook turns into. Plain frozen dataclasses: easy to test, safe to cache."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from . import texts
from .texts import DISTRICT


@dataclass(frozen=True)
class Section:
    chapter: int
    chapter_title: str
    section: int
    section_title: str
    source: str = ""

    @property
    def label(self) -> str:
        return texts.TITLED_PLACE.format(place=plan_place(self.chapter, self.section), title=self.section_title)


@dataclass(frozen=True)
class Indicator:
    code: int
    category: str
    name: str
    unit: str
    target_text: str
    attribute: str
    direction: str = ""  # "越大越好" / "越小越好" / "" = inferred
    reference: str = ""
    chapter: int | None = None
    section: int | None = None
    base_year: int | None = None
    base_value: float | None = None
    base_note: str = ""
    source: str = ""
    departments: tuple[str, ...] = ()  # 责任单位: the 部门 that answer for it, as named in the 部门 list

    @property
    def binding(self) -> bool:
        return self.attribute == "约束性"

    @property
    def label(self) -> str:
        return f"{self.name}（{self.unit}）" if self.unit else self.name


@dataclass(frozen=True)
class Observation:
    indicator: str  # indicator name, resolved from name, code or alias
    town: str  # DISTRICT for the whole district
    year: int
    value: float | None  # None: 未填报, never 0
    source: str = ""
    note: str = ""
    sample: bool = False  # the figure came from a workbook marked 示例

    @property
    def is_district(self) -> bool:
        return self.town == DISTRICT


@dataclass(frozen=True)
class Town:
    name: str
    kind: str = ""
    positioning: str = ""
    aliases: tuple[str, ...] = ()
    stat_code: str = ""
    source: str = ""


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    box: int
    box_title: str = ""
    chapter: int | None = None
    section: int | None = None
    towns: tuple[str, ...] = ()
    investment_yi: float | None = None
    investment_note: str = ""  # the total as written (约200亿元), or the part of the item it belongs to
    land_area: float | None = None
    land_area_unit: str = ""
    floor_area: float | None = None
    floor_area_unit: str = ""
    length_km: float | None = None
    scale_note: str = ""
    summary: str = ""
    source: str = ""
    departments: tuple[str, ...] = ()  # 责任单位, as named in the 部门 list


@dataclass(frozen=True)
class ProjectProgress:
    """One project's figures for one year (sheet 项目进展). Amounts are stored in 亿元, converted on loading."""

    project: str  # the 项目 sheet's 编号, e.g. "3-1"
    year: int
    planned_yi: float | None = None  # None: 未填报, never 0
    completed_yi: float | None = None
    unit: str = ""  # as given in the workbook: 亿元, 万元 or "" (= 亿元)
    status: str = ""  # 谋划 / 在建 / 建成 / 运营, or what the workbook says
    start_year: int | None = None
    end_year: int | None = None
    lead_unit: str = ""
    source: str = ""
    sample: bool = False


@dataclass(frozen=True)
class Fact:
    name: str
    year: int
    value: float
    unit: str = ""
    indicator: int | None = None
    quote: str = ""
    source: str = ""


@dataclass(frozen=True)
class CityTarget:
    indicator: str
    year: int
    value: float
    source: str = ""
    sample: bool = False


@dataclass(frozen=True)
class ReferenceValue:
    name: str
    town: str
    year: int
    value: float
    source: str = ""
    sample: bool = False


@dataclass(frozen=True)
class Assessment:
    indicator: str
    town: str
    year: int
    status: str
    note: str = ""
    assessor: str = ""
    sample: bool = False


@dataclass(frozen=True)
class Department:
    """One unit that can lead or support the plan's work (sheet 部门): a district office or a town government."""

    name: str
    aliases: tuple[str, ...] = ()  # other ways offices write it: 发改委 for 区发展改革委
    town: str = ""  # the town whose government this is; "" for a district office
    source: str = ""


@dataclass(frozen=True)
class Task:
    """One 重点任务 of the plan (sheet 重点任务): a paragraph of 第三章 to 第七章 and its lead phrase."""

    code: str  # 章.节.序, e.g. "5.1.1"
    chapter: int
    section: int
    name: str  # the paragraph's lead phrase: 有序推动城市更新
    content: str = ""  # the rest of the paragraph
    source: str = ""


@dataclass(frozen=True)
class TaskProgress:
    """Who does one task and how far it got, for one year (sheet 任务进展): the 分工表 and the yearly report."""

    task: str  # the task's code
    year: int
    lead: tuple[str, ...] = ()  # 牵头单位, names of the 部门 list
    support: tuple[str, ...] = ()  # 配合单位
    deadline: str = ""  # 完成时限 as written (2025年底, 2024年12月, 持续推进); deadlines.py reads it
    status: str = ""  # 未启动 / 推进中 / 已完成 / 滞后; "" = not reported
    note: str = ""  # 进展说明
    evidence: str = ""  # 佐证材料, as text
    source: str = ""
    sample: bool = False


@dataclass(frozen=True)
class SourceInfo:
    """One workbook that contributed to the data set in use."""

    name: str
    file_name: str
    is_sample: bool
    loaded_at: datetime


@dataclass(frozen=True)
class Dataset:
    sources: tuple[SourceInfo, ...]
    sections: tuple[Section, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    observations: tuple[Observation, ...] = ()
    towns: tuple[Town, ...] = ()
    projects: tuple[Project, ...] = ()
    facts: tuple[Fact, ...] = ()
    city_targets: tuple[CityTarget, ...] = ()
    references: tuple[ReferenceValue, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    progress: tuple[ProjectProgress, ...] = ()
    departments: tuple[Department, ...] = ()
    tasks: tuple[Task, ...] = ()
    task_progress: tuple[TaskProgress, ...] = ()

    @property
    def is_sample(self) -> bool:
        return any(s.is_sample for s in self.sources)

    @cached_property
    def sample_figures(self) -> int:
        """How many figures in use came from a workbook marked 示例 (a real upload replaces them one by one).
        Counted once per data set: every page's banner asks, on every run."""
        rows = (*self.observations, *self.city_targets, *self.references, *self.assessments, *self.progress)
        return sum(1 for r in rows if getattr(r, "sample", False))

    @property
    def name(self) -> str:
        return " + ".join(s.name for s in self.sources)

    def indicator(self, name: str) -> Indicator:
        return next(i for i in self.indicators if i.name == name)

    def chapters(self) -> dict[int, str]:
        return dict(self.index.chapters)

    def section(self, chapter: int | None, section: int | None) -> Section | None:
        """The section (节) of the plan's structure, or None when the structure does not hold it."""
        return self.index.sections.get((chapter, section))  # type: ignore[arg-type]

    def series(self, indicator: str, town: str = DISTRICT) -> list[Observation]:
        """Observations of one indicator and town, oldest first; 未填报 rows included."""
        return list(self.index.series.get((indicator, town), ()))

    @cached_property
    def index(self) -> DatasetIndex:
        """Look-ups by key, built once per data set on first use (a data set never changes): a page that judges
        1,000 indicators for 20 towns reads each indicator's own values, not all 200,000 each time (issue 13)."""
        return DatasetIndex.of(self)

    def __getstate__(self) -> dict[str, object]:
        # Derived values are rebuilt where they are used: a pickled data set (to or from a child) carries its fields.
        return {k: v for k, v in self.__dict__.items() if k not in _DERIVED}


_DERIVED = ("index", "sample_figures")


@dataclass(frozen=True)
class DatasetIndex:
    """A data set's rows grouped by the keys the pages look them up by. Every tuple keeps the data set's order,
    except series, which are oldest first."""

    series: dict[tuple[str, str], tuple[Observation, ...]]  # (indicator, town) -> observations, 未填报 included
    towns_of: dict[str, frozenset[str]]  # indicator -> towns (and 全区) with any row, 未填报 included
    reported_towns: dict[str, frozenset[str]]  # indicator -> towns (and 全区) with at least one value
    town_reported: frozenset[str]  # indicators some town (not the district) reports a value for
    years: tuple[int, ...]  # years with at least one value, oldest first
    progress: dict[str, tuple[ProjectProgress, ...]]  # project code -> its 项目进展 rows, oldest first
    assessments: dict[tuple[str, str], tuple[Assessment, ...]]  # (indicator, town) -> 人工研判 rows
    chapters: dict[int, str]  # chapter -> its title (the last row of the structure that gives it)
    sections: dict[tuple[int, int], Section]  # (chapter, section) -> the first row of the structure that gives it
    city_targets: dict[tuple[str, int], CityTarget]  # (indicator, year) -> the first 市级下达目标 given
    references: dict[tuple[str, str, int], ReferenceValue]  # (name, town, year) -> the first 参照数据 given

    @classmethod
    def of(cls, dataset: Dataset) -> DatasetIndex:
        series: dict[tuple[str, str], list[Observation]] = {}
        reported: dict[str, set[str]] = {}
        town_reported: set[str] = set()
        years: set[int] = set()
        for o in dataset.observations:
            series.setdefault((o.indicator, o.town), []).append(o)
            if o.value is not None:
                reported.setdefault(o.indicator, set()).add(o.town)
                years.add(o.year)
                if not o.is_district:
                    town_reported.add(o.indicator)
        towns_of: dict[str, set[str]] = {}
        for indicator, town in series:
            towns_of.setdefault(indicator, set()).add(town)
        progress: dict[str, list[ProjectProgress]] = {}
        for p in dataset.progress:
            progress.setdefault(p.project, []).append(p)
        assessments: dict[tuple[str, str], list[Assessment]] = {}
        for a in dataset.assessments:
            assessments.setdefault((a.indicator, a.town), []).append(a)
        city_targets: dict[tuple[str, int], CityTarget] = {}
        for t in dataset.city_targets:
            city_targets.setdefault((t.indicator, t.year), t)
        references: dict[tuple[str, str, int], ReferenceValue] = {}
        for r in dataset.references:
            references.setdefault((r.name, r.town, r.year), r)
        return cls(
            series={k: tuple(sorted(v, key=lambda o: o.year)) for k, v in series.items()},
            towns_of={k: frozenset(v) for k, v in towns_of.items()},
            reported_towns={k: frozenset(v) for k, v in reported.items()},
            town_reported=frozenset(town_reported),
            years=tuple(sorted(years)),
            progress={k: tuple(sorted(v, key=lambda p: p.year)) for k, v in progress.items()},
            assessments={k: tuple(v) for k, v in assessments.items()},
            chapters={s.chapter: s.chapter_title for s in dataset.sections},
            sections={k: v for k, v in reversed([((s.chapter, s.section), s) for s in dataset.sections])},
            city_targets=city_targets,
            references=references,
        )


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二: enough for chapter and section numbers."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def plan_place(chapter: int, section: int | None = None) -> str:
    """第五章, or 第五章第二节 when a section is given: the one way a place in the plan is written."""
    if section is None:
        return texts.CHAPTER_LABEL.format(chapter=chinese_number(chapter))
    return texts.CHAPTER_SECTION_LABEL.format(chapter=chinese_number(chapter), section=chinese_number(section))
