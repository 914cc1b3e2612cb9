"""Header cells as offices write them: "2024年计划投资（万元）" is the 计划投资 column, for 2024, in 万元.

Also the words that mark rows and sheets that carry no data (注、填报说明 …) and the year a sheet's name or title
gives ("2024年各镇街主要指标完成情况"). Pure functions on cell text; reader.py decides what to do with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import cells, schema

# A year written before a header ("2024年计划投资") or alone ("2023年", "2024年度实际值").
_LEADING_YEAR = re.compile(r"^((?:19|20)\d{2})年?度?")
_TRAILING_UNIT = re.compile(r"^(.*?)[(（【\[]([^()（）【】\[\]]*)[)）】\]]$")
_ANY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"^((?:19|20)\d{2})\s*年?度?$")
# A period such as the plan's own "（2023—2025年）" in a title: not the year of the figures below it.
_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:—|–|-|~|～|至|到)+\s*((?:19|20)\d{2})\s*年")
# What may follow a year in a column of figures: "2023年", "2023年实际值", "2023年完成情况".
VALUE_WORDS = ("", "实际值", "完成值", "实际", "完成情况", "数值", "数据", "完成")
YEAR_RANGE = (1990, 2100)

# Rows whose first cell starts with one of these are notes, signatures or dates, never data.
_NOTE = re.compile(
    r"^(注|注释|附注|备注|说明|填报说明|填表说明|数据来源|资料来源|来源|填报单位|报送单位|填报人|填表人|审核人|"
    r"负责人|单位负责人|统计负责人|联系人|联系电话|电话|制表人|制表|填报日期|报送日期|日期)\s*(?:[:：]|\d|[一二三四五六七八九十]|[、.．]|$)"
)
# Column headers that number rows; their integers are not figures.
ROW_NUMBER_HEADERS = frozenset(cells.fold(h) for h in ("序号", "行号", "No", "No.", "编号"))
# A header naming the town column of a towns × indicators table.
TOWN_HEADERS = frozenset(
    cells.fold(h)
    for h in (
        schema.VALUES.column("town").header, *schema.VALUES.column("town").aliases, "镇街名称", "单位", "单位名称",
        "名称", "镇（街）", "镇(街)", "街镇名称", "乡镇街道", "镇街道",
    )
)


@dataclass(frozen=True)
class HeaderCell:
    position: int  # 0-based column
    text: str  # as typed, trimmed
    key: str | None  # the registry column it names, None when it names none
    year: int | None = None  # a year written in the header
    unit: str = ""  # a unit written in brackets after it

    @property
    def bare_year(self) -> bool:
        """"2023年" or "2023年实际值": a column of figures for that year."""
        return self.year is not None and self.key is None


@lru_cache(maxsize=64)
def _lookup(sheet: schema.Sheet) -> dict[str, str]:
    return {cells.fold(alias): c.key for c in sheet.columns for alias in (c.header, *c.aliases)}


def split_unit(folded: str) -> tuple[str, str]:
    match = _TRAILING_UNIT.match(folded)
    if not match or not match.group(1):
        return folded, ""
    return match.group(1), match.group(2)


def parse(sheet: schema.Sheet, position: int, raw: object) -> HeaderCell:
    text = cells.text(raw)
    folded = cells.fold(text)
    lookup = _lookup(sheet)
    if folded in lookup:  # "总投资（亿元）" is a header in its own right
        return HeaderCell(position, text, lookup[folded])
    rest, unit = split_unit(folded)
    year = None
    match = _LEADING_YEAR.match(rest)
    if match and YEAR_RANGE[0] <= int(match.group(1)) <= YEAR_RANGE[1]:
        year, rest = int(match.group(1)), rest[match.end():]
    if rest in lookup:
        return HeaderCell(position, text, lookup[rest], year, unit)
    if year is not None and rest in VALUE_WORDS:
        return HeaderCell(position, text, None, year, unit)
    return HeaderCell(position, text, None, None, unit)


def is_note(raw: object) -> bool:
    return isinstance(raw, str) and _NOTE.match(cells.fold(raw)) is not None


def year_in(text: str) -> int | None:
    """The one year a sheet name or title row names ("2024年", "2024年各镇街…"); None when none or several."""
    folded = cells.fold(text)
    bare = _BARE_YEAR.match(folded) or re.fullmatch(r"((?:19|20)\d{2})", folded)
    found = {int(bare.group(1))} if bare else {int(y) for y in _ANY_YEAR.findall(_YEAR_SPAN.sub("", folded))}
    found = {y for y in found if YEAR_RANGE[0] <= y <= YEAR_RANGE[1]}
    return found.pop() if len(found) == 1 else None


def span_in(text: str) -> tuple[int, int] | None:
    """The one period a title names ("…规划（2023—2025年）目标任务分工表" -> (2023, 2025)); None when none or several."""
    found = {(int(a), int(b)) for a, b in _YEAR_SPAN.findall(cells.fold(text))}
    found = {(a, b) for a, b in found if YEAR_RANGE[0] <= a <= b <= YEAR_RANGE[1]}
    return found.pop() if len(found) == 1 else None
