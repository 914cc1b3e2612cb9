"""The global view filters (镇街, 章节, 年份, 部门): what they keep, and how they travel in a shareable link.

Pure functions: ui.py reads widgets and st.query_params and hands plain values here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from . import texts
from .cells import fold
from .findings import clean
from .model import Dataset, Indicator, Project, chinese_number, plan_place
from .names import DepartmentNames, TownNames

# Names of the URL parameters; a link like ?town=杨柳青镇&chapter=5&year=2024 opens that view.
PARAM_TOWN = "town"
PARAM_CHAPTER = "chapter"
PARAM_SECTION = "section"
PARAM_YEAR = "year"
PARAM_DEPARTMENT = "dept"  # 部门 (issue 14): ?dept=区发展改革委

# A link is typed by anyone: its values are bounded before they are read (a 5,000-digit year made int() raise,
# and every distinct long town name would sit in fold()'s cache), and only ASCII digits count as numbers
# ("²" and "፩" are digits to str.isdigit() but not to int()).
MAX_VALUES = 20  # per parameter; there are 11 towns and 8 chapters
MAX_VALUE_LENGTH = 64  # characters; the longest town alias or section is a few
SHOWN_LENGTH = 40  # of an ignored value, quoted back in the notice
_YEAR_VALUE = re.compile(r"[0-9]{4}")
_SECTION_VALUE = re.compile(r"([0-9]{1,3})-([0-9]{1,3})")
_CHAPTER_NUMBER = re.compile(r"[0-9]{1,3}")


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
    overflow: list[str] = []  # "and N more": said last

    def values(key: str, label: str) -> list[str]:
        raw_values = list(params.get(key, []))
        kept = []
        for raw in raw_values[:MAX_VALUES]:
            if len(raw) > MAX_VALUE_LENGTH:
                ignored.append(_quoted(label, raw))
            else:
                kept.append(raw)
        if len(raw_values) > MAX_VALUES:
            overflow.append(texts.IGNORED_MORE.format(label=label, count=len(raw_values) - MAX_VALUES))
        return kept

    town_names = TownNames(dataset.towns)
    towns = []
    for raw in values(PARAM_TOWN, texts.FILTER_TOWN):
        found = town_names.resolve(raw) if raw.strip() else None
        if found is None:
            ignored.append(_quoted(texts.FILTER_TOWN, raw))
        elif found.name != texts.DISTRICT and found.name not in towns:
            towns.append(found.name)
    chapter_numbers = set(dataset.chapters())
    chapters = []
    for raw in values(PARAM_CHAPTER, texts.FILTER_CHAPTER):
        number = parse_chapter(raw)
        if number is None or number not in chapter_numbers:
            ignored.append(_quoted(texts.FILTER_CHAPTER, raw))
        elif number not in chapters:
            chapters.append(number)
    section_keys = {(s.chapter, s.section) for s in dataset.sections}
    sections = []
    for raw in values(PARAM_SECTION, texts.FILTER_SECTION):
        match = _SECTION_VALUE.fullmatch(raw.strip())
        key = (int(match.group(1)), int(match.group(2))) if match else None
        if key is None or key not in section_keys or (chapters and key[0] not in chapters):
            ignored.append(_quoted(texts.FILTER_SECTION, raw))
        elif key not in sections:
            sections.append(key)
    year = None
    for raw in values(PARAM_YEAR, texts.FILTER_YEAR)[:1]:
        if _YEAR_VALUE.fullmatch(raw.strip()) and int(raw) in available_years(dataset):
            year = int(raw)
        else:
            ignored.append(_quoted(texts.FILTER_YEAR, raw))
    if sections and not chapters:
        chapters = sorted({c for c, _ in sections})
    departments = _departments(values(PARAM_DEPARTMENT, texts.FILTER_DEPARTMENT), dataset, ignored)
    return ParsedParams(
        Filters(tuple(towns), tuple(chapters), tuple(sections), year, departments), tuple(ignored + overflow),
    )


def _departments(raw_values: list[str], dataset: Dataset, ignored: list[str]) -> tuple[str, ...]:
    """部门 from a link: names or aliases of the 部门 list; anything else is dropped and reported."""
    names = DepartmentNames(dataset.departments, dataset.towns)
    chosen: list[str] = []
    for raw in raw_values:
        found = names.resolve(raw)
        if found is None:
            ignored.append(_quoted(texts.FILTER_DEPARTMENT, raw))
        elif found.name not in chosen:
            chosen.append(found.name)
    return tuple(chosen)


def _quoted(label: str, raw: str) -> str:
    """An ignored value as the notice quotes it: short, control characters escaped."""
    return f"{label}“{clean(raw, SHOWN_LENGTH)}”"


def parse_chapter(raw: str) -> int | None:
    """5, "5", "第五章", "五" -> 5."""
    if len(raw) > MAX_VALUE_LENGTH:
        return None
    text = fold(raw).removeprefix("第").removesuffix("章")
    if _CHAPTER_NUMBER.fullmatch(text):
        return int(text)
    for n in range(1, 20):
        if chinese_number(n) == text:
            return n
    return None


def available_years(dataset: Dataset) -> list[int]:
    reported = set(dataset.index.years)
    reported |= {p.year for p in dataset.task_progress if p.status or p.note}  # a year of task reports only
    return sorted(reported)


def chapter_label(dataset: Dataset, chapter: int) -> str:
    return texts.TITLED_PLACE.format(place=plan_place(chapter), title=dataset.chapters().get(chapter, "")).strip()


def section_label(dataset: Dataset, key: tuple[int, int]) -> str:
    section = next(s for s in dataset.sections if (s.chapter, s.section) == key)
    return section.label


def describe(filters: Filters, dataset: Dataset) -> str:
    """One line saying which view this is, for the top of every page."""
    parts = [texts.SEP.join(filters.towns) if filters.towns else texts.DISTRICT]
    if filters.sections:
        parts.append(texts.SEP.join(section_label(dataset, k) for k in filters.sections))
    elif filters.chapters:
        parts.append(texts.SEP.join(chapter_label(dataset, c) for c in filters.chapters))
    parts.append(f"{filters.year}{texts.YEAR_SUFFIX}" if filters.year else texts.LATEST_YEAR)
    if filters.departments:
        parts.append(texts.SEP.join(filters.departments))
    return " · ".join(parts)
