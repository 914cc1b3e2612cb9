"""The global view filters (镇街, 章节, 年份, 部门): what they keep, and how they travel in a shareable link.

Pure functions: ui.py reads widgets and st.query_params and hands plain values here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from . import texts
from .cells import fold
from .model import Dataset, Indicator, Project, chinese_number, plan_place
from .names import DepartmentNames

# Names of the URL parameters; a link like ?town=杨柳青镇&chapter=5&year=2024 opens that view.
PARAM_TOWN = "town"
PARAM_CHAPTER = "chapter"
PARAM_SECTION = "section"
PARAM_YEAR = "year"
PARAM_DEPARTMENT = "dept"  # 部门 (issue 14): ?dept=区发展改革委


@dataclass(frozen=True)
class Filters:
    towns: tuple[str, ...] = ()  # empty: 全区
    chapters: tuple[int, ...] = ()  # empty: every chapter
    sections: tuple[tuple[int, int], ...] = ()  # empty: every section of the chosen chapters
    year: int | None = None  # None: the latest year with data
    departments: tuple[str, ...] = ()  # 部门 names of the 部门 list; empty: every department

    def answers(self, units: tuple[str, ...]) -> bool:
        """Whether what these 部门 answer for is in view: always without a 部门 filter."""
        return not self.departments or bool(set(units) & set(self.departments))

    def in_plan_place(self, chapter: int | None, section: int | None) -> bool:
        if self.sections:
            return (chapter, section) in self.sections
        if self.chapters:
            return chapter in self.chapters
        return True

    def focus(self, reported: set[str] | frozenset[str]) -> str:
        """Whose figures a view follows: the one chosen town when it reports them, else the district."""
        if len(self.towns) == 1 and self.towns[0] in reported:
            return self.towns[0]
        return texts.DISTRICT

    def keeps_indicator(self, indicator: Indicator) -> bool:
        return self.in_plan_place(indicator.chapter, indicator.section) and self.answers(indicator.departments)

    def keeps_project(self, project: Project) -> bool:
        if self.towns and not set(project.towns) & set(self.towns):
            return False
        return self.in_plan_place(project.chapter, project.section) and self.answers(project.departments)

    def to_params(self) -> dict[str, list[str]]:
        params: dict[str, list[str]] = {}
        if self.towns:
            params[PARAM_TOWN] = list(self.towns)
        if self.chapters:
            params[PARAM_CHAPTER] = [str(c) for c in self.chapters]
        if self.sections:
            params[PARAM_SECTION] = [f"{c}-{s}" for c, s in self.sections]
        if self.year is not None:
            params[PARAM_YEAR] = [str(self.year)]
        if self.departments:
            params[PARAM_DEPARTMENT] = list(self.departments)
        return params


@dataclass(frozen=True)
class ParsedParams:
    filters: Filters
    ignored: tuple[str, ...] = field(default=())  # values of a link that named nothing known


def from_params(params: Mapping[str, list[str]], dataset: Dataset) -> ParsedParams:
    """Read a link's parameters; anything unknown is dropped and reported, never an error page."""
    ignored: list[str] = []
    town_names = resolve_towns(dataset)
    towns = []
    for raw in params.get(PARAM_TOWN, []):
        name = town_names.get(fold(raw))
        if name is None:
            ignored.append(f"{texts.FILTER_TOWN}“{raw}”")
        elif name != texts.DISTRICT and name not in towns:
            towns.append(name)
    chapter_numbers = set(dataset.chapters())
    chapters = []
    for raw in params.get(PARAM_CHAPTER, []):
        number = parse_chapter(raw)
        if number is None or number not in chapter_numbers:
            ignored.append(f"{texts.FILTER_CHAPTER}“{raw}”")
        elif number not in chapters:
            chapters.append(number)
    section_keys = {(s.chapter, s.section) for s in dataset.sections}
    sections = []
    for raw in params.get(PARAM_SECTION, []):
        match = re.fullmatch(r"(\d+)-(\d+)", raw.strip())
        key = (int(match.group(1)), int(match.group(2))) if match else None
        if key is None or key not in section_keys or (chapters and key[0] not in chapters):
            ignored.append(f"{texts.FILTER_SECTION}“{raw}”")
        elif key not in sections:
            sections.append(key)
    year = None
    for raw in params.get(PARAM_YEAR, [])[:1]:
        if raw.strip().isdigit() and int(raw) in available_years(dataset):
            year = int(raw)
        else:
            ignored.append(f"{texts.FILTER_YEAR}“{raw}”")
    if sections and not chapters:
        chapters = sorted({c for c, _ in sections})
    departments = _departments(params.get(PARAM_DEPARTMENT, []), dataset, ignored)
    return ParsedParams(Filters(tuple(towns), tuple(chapters), tuple(sections), year, departments), tuple(ignored))


def _departments(raw_values: list[str], dataset: Dataset, ignored: list[str]) -> tuple[str, ...]:
    """部门 from a link: names or aliases of the 部门 list; anything else is dropped and reported."""
    names = DepartmentNames(dataset.departments, dataset.towns)
    chosen: list[str] = []
    for raw in raw_values:
        found = names.resolve(raw)
        if found is None:
            ignored.append(f"{texts.FILTER_DEPARTMENT}“{raw}”")
        elif found.name not in chosen:
            chosen.append(found.name)
    return tuple(chosen)


def resolve_towns(dataset: Dataset) -> dict[str, str]:
    lookup = {fold(texts.DISTRICT): texts.DISTRICT}
    for town in dataset.towns:
        for alias in (town.name, *town.aliases):
            lookup[fold(alias)] = town.name
    return lookup


def parse_chapter(raw: str) -> int | None:
    """5, "5", "第五章", "五" -> 5."""
    text = fold(raw).removeprefix("第").removesuffix("章")
    if text.isdigit():
        return int(text)
    for n in range(1, 20):
        if chinese_number(n) == text:
            return n
    return None


def available_years(dataset: Dataset) -> list[int]:
    reported = {o.year for o in dataset.observations if o.value is not None}
    reported |= {p.year for p in dataset.task_progress if p.status or p.note}  # a year of task reports only
    return sorted(reported)


def chapter_label(dataset: Dataset, chapter: int) -> str:
    return texts.TITLED_PLACE.format(place=plan_place(chapter), title=dataset.chapters().get(chapter, "")).strip()


def section_label(dataset: Dataset, key: tuple[int, int]) -> str:
    section = next(s for s in dataset.sections if (s.chapter, s.section) == key)
    return section.label


def describe(filters: Filters, dataset: Dataset) -> str:
    """One line saying which view this is, for the top of every page."""
    parts = ["、".join(filters.towns) if filters.towns else texts.DISTRICT]
    if filters.sections:
        parts.append("、".join(section_label(dataset, k) for k in filters.sections))
    elif filters.chapters:
        parts.append("、".join(chapter_label(dataset, c) for c in filters.chapters))
    parts.append(f"{filters.year}{texts.YEAR_SUFFIX}" if filters.year else texts.LATEST_YEAR)
    if filters.departments:
        parts.append("、".join(filters.departments))
    return " · ".join(parts)
