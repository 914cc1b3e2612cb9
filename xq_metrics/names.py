"""Names as officials type them -> the one name in the catalogue: towns, indicators, projects, tasks, 部门.

Offices write 中北镇人民政府, 中北 or 中北镇; 城镇新增就业（万人）; a project by a shortened name or by the name the plan
uses inside an item (元宝岛项目 in 1-3). Each resolver answers with the catalogue's name and whether that differs
from what was typed, so the loader can say "read as …" instead of changing a name in silence. One home for every
lookup: the loader, the filters and the pages all resolve through here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable

from . import texts
from .cells import fold
from .model import Department, Indicator, Project, Task, Town

# Written after a town's name by offices that sign as the government body, never part of the name itself.
_TOWN_BODY_SUFFIXES = ("人民政府", "街道办事处", "办事处", "街道办", "党工委", "党委", "政府")
_TOWN_KIND_SUFFIXES = ("街道", "镇", "街")
# Words for the whole district in a 镇街 column or as a row of a towns table.
DISTRICT_WORDS = ("全区", "合计", "总计", "全区合计", "西青区", "全区总计")
# A row that adds up the rows above it (in a projects table it is no project at all).
TOTAL_WORDS = ("合计", "总计", "小计", "全区合计", "全区总计", "总合计")
# Brackets and quotes that officials type in either width; dropped when comparing project names.
_PUNCTUATION = re.compile(r"[()（）\[\]【】〔〕﹝﹞“”\"'‘’《》<>·•、，,。.\-—_\s]")
_PROJECT_WORDS = ("项目", "工程", "建设")
# How alike a loosely typed project name must be to one name in the catalogue, and how much more than to the next.
SIMILAR = 0.8
SIMILAR_MARGIN = 0.15
_CJK = re.compile(r"[\u4e00-\u9fff]")
_UNIT_IN_NAME = re.compile(r"^(.*?)[(（]([^()（）]*)[)）]$")
_CODE = re.compile(r"^(\d+)[-－—–](\d+)$")
# Excel turns a typed 3-1 into 1 March: "2025-03-01 00:00:00" is read back as 3-1.
_EXCEL_DATE = re.compile(r"^\d{4}-(\d{2})-(\d{2})(?: 00:00:00)?$")


@dataclass(frozen=True)
class Resolved:
    name: str  # the catalogue's name (a project's code)
    changed: bool = False  # typed differently: report what it was read as


def split_unit(raw: str) -> tuple[str, str]:
    """"城镇新增就业（万人）" -> ("城镇新增就业", "万人"); a name without a bracketed tail has no unit."""
    match = _UNIT_IN_NAME.match(raw.strip())
    if not match or not match.group(1).strip():
        return raw.strip(), ""
    return match.group(1).strip(), match.group(2).strip()


class TownNames:
    def __init__(self, towns: Iterable[Town]) -> None:
        self.names = [t.name for t in towns]
        self._exact: dict[str, str] = {fold(texts.DISTRICT): texts.DISTRICT}
        for town in towns:
            for alias in (town.name, *town.aliases):
                self._exact[fold(alias)] = town.name
        self._memo: dict[str, Resolved | None] = {}

    def resolve(self, raw: object) -> Resolved | None:
        """None when the name is unknown. A blank cell is the district, as the format says."""
        typed = "" if raw is None else str(raw).strip()
        if typed not in self._memo:
            self._memo[typed] = self._resolve(typed)
        return self._memo[typed]

    def is_district_word(self, raw: object) -> bool:
        return fold(str(raw or "")) in {fold(w) for w in DISTRICT_WORDS}

    def _resolve(self, typed: str) -> Resolved | None:
        if not typed:
            return Resolved(texts.DISTRICT)
        key = fold(typed)
        if key in self._exact:
            name = self._exact[key]
            return Resolved(name, changed=name != typed and key != fold(name))
        if self.is_district_word(typed):
            return Resolved(texts.DISTRICT, changed=True)
        for candidate in _town_variants(key):
            if candidate in self._exact:
                return Resolved(self._exact[candidate], changed=True)
        return None


def _town_variants(key: str) -> list[str]:
    """中北镇人民政府 -> 中北镇, 中北; 李七庄街道办事处 -> 李七庄街道, 李七庄街, 李七庄."""
    stems = [key]
    for suffix in _TOWN_BODY_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            stems.append(key[: -len(suffix)])
    variants: list[str] = []
    for stem in stems:
        variants.append(stem)
        for kind in _TOWN_KIND_SUFFIXES:
            if stem.endswith(kind) and len(stem) > len(kind):
                variants.append(stem[: -len(kind)])
            variants.append(stem + kind)
    return variants


class IndicatorNames:
    def __init__(self, indicators: Iterable[Indicator]) -> None:
        self.indicators = {i.name: i for i in indicators}
        self._exact: dict[str, str] = {}
        for ind in self.indicators.values():
            for alias in (ind.name, ind.label, f"{ind.name}({ind.unit})", str(ind.code)):
                self._exact[fold(alias)] = ind.name
        self._memo: dict[object, tuple[Resolved | None, str]] = {}

    def resolve(self, raw: object) -> tuple[Resolved | None, str]:
        """(the indicator, the unit typed in brackets after its name, "" when none)."""
        if raw not in self._memo:
            self._memo[raw] = self._resolve(raw)
        return self._memo[raw]

    def _resolve(self, raw: object) -> tuple[Resolved | None, str]:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        typed = "" if raw is None else str(raw).strip()
        if not typed:
            return None, ""
        name, unit = split_unit(typed)
        found = self._exact.get(fold(name)) or self._exact.get(fold(typed))
        if found is None:
            return None, unit
        if fold(typed) == fold(self.indicators[found].label):
            unit = ""  # "常住人口城镇化率（%）" is the indicator's own label
        return Resolved(found, changed=fold(name) not in {fold(found), str(self.indicators[found].code)}), unit


class ProjectNames:
    """A project by its code (3-1, or the date Excel made of it), its name, a shortened name, or a name the plan
    uses inside one item only. An ambiguous name is never guessed: it resolves to nothing, with the candidates."""

    def __init__(self, projects: Iterable[Project]) -> None:
        self.projects = list(projects)
        self._by_code = {fold(p.code): p.code for p in self.projects}
        self._by_name = {_plain(p.name): p.code for p in self.projects}
        self._memo: dict[str, tuple[Resolved | None, tuple[str, ...]]] = {}

    def resolve(self, raw: object) -> tuple[Resolved | None, tuple[str, ...]]:
        """(the project code, or None; the candidate codes when a loose name fits several)."""
        typed = "" if raw is None else (str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw).strip())
        if typed not in self._memo:
            self._memo[typed] = self._resolve(typed)
        return self._memo[typed]

    def _resolve(self, typed: str) -> tuple[Resolved | None, tuple[str, ...]]:
        if not typed:
            return None, ()
        key = fold(typed)
        date = _EXCEL_DATE.match(typed)
        if date:
            key = f"{int(date.group(1))}-{int(date.group(2))}"
        code_match = _CODE.match(key)
        if code_match:
            code = f"{int(code_match.group(1))}-{int(code_match.group(2))}"
            if code in self._by_code:
                return Resolved(self._by_code[code], changed=code != fold(typed)), ()
        if key in self._by_code:
            return Resolved(self._by_code[key]), ()
        plain = _plain(typed)
        if plain in self._by_name:
            code = self._by_name[plain]
            name = next(p.name for p in self.projects if p.code == code)
            return Resolved(code, changed=fold(name) != key), ()
        core = _core(plain)
        if code_match or len(_CJK.findall(core)) < 2:
            return None, ()  # a code that is not in the catalogue, or too little to go on: never guessed
        by_name = [p.code for p in self.projects if core in _core(_plain(p.name)) or _core(_plain(p.name)) in core]
        if len(by_name) == 1:
            return Resolved(by_name[0], changed=True), ()
        if by_name:
            return None, tuple(by_name)
        inside = [p.code for p in self.projects if core in _plain(p.summary)]
        if len(inside) == 1:
            return Resolved(inside[0], changed=True), ()
        if inside:
            return None, tuple(inside)
        return self._similar(core)

    def _similar(self, core: str) -> tuple[Resolved | None, tuple[str, ...]]:
        """A name with a word added or dropped (东鹏饮料（华北区域总部）天津生产基地): the one clearly closest."""
        scored = sorted(
            ((difflib.SequenceMatcher(None, core, _core(_plain(p.name))).ratio(), p.code) for p in self.projects),
            reverse=True,
        )
        if scored and scored[0][0] >= SIMILAR and (len(scored) == 1 or scored[0][0] - scored[1][0] >= SIMILAR_MARGIN):
            return Resolved(scored[0][1], changed=True), ()
        return None, ()

    def name_of(self, code: str) -> str:
        return next((p.name for p in self.projects if p.code == code), code)


def is_total_word(raw: object) -> bool:
    return fold(str(raw or "")) in {fold(w) for w in TOTAL_WORDS}


def _plain(name: str) -> str:
    return _PUNCTUATION.sub("", fold(name))


def _core(plain: str) -> str:
    for word in _PROJECT_WORDS:
        if plain.endswith(word) and len(plain) > len(word) + 1:
            plain = plain[: -len(word)]
    return plain


# --------------------------------------------------------------------------- 重点任务 and 部门

# 5.1.1, 5-1-1, ５．１．１: a task's code (章.节.序).
_TASK_CODE = re.compile(r"^(\d+)[.\-－—–．、](\d+)[.\-－—–．、](\d+)$")
# Numbering an office puts before a task's name: 1. / （一） / 一、 / 第1项.
_ENUMERATION = re.compile(r"^(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．]|第[一二三四五六七八九十\d]+[项条])")
# How much of a 具体内容 cell must match the plan's paragraph to confirm a task.
CONTENT_PROBE = 12


class TaskNames:
    """A task by its code, its name as the plan writes it, a slightly shortened name, or — when the name alone
    fits several or none — the start of its content. An ambiguous name is never guessed."""

    def __init__(self, tasks: Iterable[Task]) -> None:
        self.tasks = list(tasks)
        self._codes = {t.code for t in self.tasks}
        self._by_name: dict[str, list[str]] = {}
        for t in self.tasks:
            self._by_name.setdefault(_plain(t.name), []).append(t.code)

    def resolve(self, raw: object, content: object = None) -> tuple[Resolved | None, tuple[str, ...]]:
        """(the task's code, or None; the candidate codes when a loose name fits several)."""
        typed = "" if raw is None else str(raw).strip()
        if not typed:
            return None, ()
        key = fold(typed)
        match = _TASK_CODE.match(key)
        if match:
            code = ".".join(str(int(g)) for g in match.groups())
            return (Resolved(code, changed=code != typed), ()) if code in self._codes else (None, ())
        head = _ENUMERATION.sub("", key).split("。")[0]  # a whole paragraph pasted into the name cell
        plain = _plain(head)
        if not plain:
            return None, ()
        exact = self._by_name.get(plain, [])
        if len(exact) == 1:
            return Resolved(exact[0], changed=_plain(key) != plain or key != fold(self.name_of(exact[0]))), ()
        candidates = exact or [
            t.code for t in self.tasks
            if len(_CJK.findall(plain)) >= 4 and (plain in _plain(t.name) or _plain(t.name) in plain)
        ]
        narrowed = self._by_content(candidates or [t.code for t in self.tasks], content)
        if len(narrowed) == 1:
            return Resolved(narrowed[0], changed=True), ()
        if len(candidates) == 1:
            return Resolved(candidates[0], changed=True), ()
        if candidates:
            return None, tuple(candidates)
        scored = sorted(
            ((difflib.SequenceMatcher(None, plain, _plain(t.name)).ratio(), t.code) for t in self.tasks), reverse=True
        )
        if scored and scored[0][0] >= SIMILAR and (len(scored) == 1 or scored[0][0] - scored[1][0] >= SIMILAR_MARGIN):
            return Resolved(scored[0][1], changed=True), ()
        return None, ()

    def _by_content(self, codes: list[str], content: object) -> list[str]:
        """The tasks among `codes` whose paragraph holds the start of the 具体内容 typed; [] when none is typed."""
        probe = _plain(str(content or ""))[:CONTENT_PROBE]
        if len(_CJK.findall(probe)) < 4:
            return []
        by_code = {t.code: t for t in self.tasks}
        return [c for c in codes if probe in _plain(by_code[c].content)]

    def name_of(self, code: str) -> str:
        return next((t.name for t in self.tasks if t.code == code), code)

    def is_heading(self, raw: object, sections: Iterable[tuple[str, str]]) -> bool:
        """A chapter or section title typed as a row of a 分工表 (一、融入京津冀协同发展…, 第五章 …): no task."""
        key = _ENUMERATION.sub("", fold(str(raw or "")))
        key = re.sub(r"^第[一二三四五六七八九十\d]+[章节]", "", key)
        plain = _plain(key)
        return bool(plain) and any(plain in (_plain(chapter), _plain(section)) for chapter, section in sections)


# Placed before the district's offices' names, and dropped when comparing: 西青区发展改革委 is 区发展改革委.
_DEPARTMENT_PREFIXES = ("天津市西青区", "西青区", "区")
# 区住房建设委（牵头）: a role written after a name is not part of it.
_ROLE_NOTE = re.compile(r"[(（](?:牵头|配合|负责|主责|协助|协办)[)）]$")
# "各镇街" in a 配合单位 cell: every town's government.
ALL_TOWNS = re.compile(r"各(?:相关|有关)?(?:镇街道?|街镇|镇、?街道?|镇\(街道?\)|镇\(街\))")
# "各有关部门", "相关单位": no one in particular; dropped with a warning, never guessed.
VAGUE_UNIT = re.compile(r"^(?:各|其他|其它)?(?:相关|有关)?(?:部门|单位|委办局|职能部门)$")


class DepartmentNames:
    """A 部门 by its name or an alias, with or without 西青区/区 before it, or a town for its government."""

    def __init__(self, departments: Iterable[Department], towns: Iterable[Town] = ()) -> None:
        self.departments = list(departments)
        self._exact: dict[str, str] = {}
        self._stems: dict[str, set[str]] = {}
        for d in self.departments:
            for alias in (d.name, *d.aliases):
                self._exact.setdefault(fold(alias), d.name)
                self._stems.setdefault(_department_stem(fold(alias)), set()).add(d.name)
        self._of_town = {d.town: d.name for d in self.departments if d.town}
        self._towns = TownNames(towns)

    @property
    def names(self) -> list[str]:
        return [d.name for d in self.departments]

    @property
    def town_units(self) -> list[str]:
        """The town governments of the list, in its order: what "各镇街" stands for."""
        return [d.name for d in self.departments if d.town]

    def resolve(self, raw: object) -> Resolved | None:
        typed = "" if raw is None else str(raw).strip()
        key = _ROLE_NOTE.sub("", fold(typed))
        if not key:
            return None
        if key in self._exact:
            name = self._exact[key]
            return Resolved(name, changed=fold(typed) != fold(name))
        stem = self._stems.get(_department_stem(key), set())
        if len(stem) == 1:
            return Resolved(next(iter(stem)), changed=True)
        town = self._towns.resolve(key)
        if town is not None and town.name in self._of_town:
            return Resolved(self._of_town[town.name], changed=True)
        return None


def _department_stem(key: str) -> str:
    for prefix in _DEPARTMENT_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            return key[len(prefix):]
    return key
