"""完成时限 as offices write them -> the last day a task may be finished on, and whether it is overdue.

A 分工表 says 2025年底, 2024年12月, 2025年6月底前, 2025-06-30, 2023—2025年 or 持续推进. Each is read as the last day
it allows (a month means its last day, a year its 31 December, a range its last year), "持续推进" and the like as
a standing task that is never overdue, and anything else as unread: kept as written, never guessed, never overdue.
The loader reports every reading that is not a plain date, so the official sees how each cell was understood.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from . import texts
from .cells import EXCEL_EPOCH, EXCEL_SERIAL_RANGE, fold
from .targets import TARGET_YEAR

Kind = Literal["date", "ongoing", "unread", "none"]

# Words for a task that has no end: read as standing, never overdue.
ONGOING = (
    "持续推进", "持续开展", "持续", "长期坚持", "长期推进", "长期", "常态化", "常态化推进", "常态化开展", "每年", "逐年推进",
    "年年推进",
)
# The plan period's end: "规划期内" and "规划期末" mean the end of 2025, the year of every target of the plan.
PLAN_PERIOD = ("规划期内", "规划期末", "规划期", "十四五期间", "十四五末")
# What may follow a deadline without changing it: 2025年底前, 2024年12月以前, 2025年内.
_TAIL = r"(?:以前|之前|前|以内|内|完成|止)?"
_Y = r"((?:19|20)\d{2})"
_ISO = re.compile(rf"^{_Y}[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?:00:00:00)?{_TAIL}$")
_DAY = re.compile(rf"^{_Y}年(\d{{1,2}})月(\d{{1,2}})[日号]{_TAIL}$")
_MONTH = re.compile(rf"^{_Y}(?:年(\d{{1,2}})月(?:份)?(?:底|末|末前|底前)?|[-/.](\d{{1,2}})){_TAIL}$")
_YEAR = re.compile(rf"^{_Y}(?:年(?:年底|年末|底|末|度|内|全年)?)?{_TAIL}$")
_HALF = re.compile(rf"^{_Y}年(上半年|年中|下半年){_TAIL}$")
_QUARTER = re.compile(rf"^{_Y}年第?([一二三四1-4])季度(?:末|底)?{_TAIL}$")
_RANGE = re.compile(rf"^{_Y}年?(?:—|-|–|~|～|至|到)+{_Y}年?(?:底|末)?{_TAIL}$")
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Deadline:
    text: str  # as written
    kind: Kind
    due: date | None = None  # the last day the task may be finished on

    @property
    def plain(self) -> bool:
        """Written as the date itself (2025-06-30): nothing to report about how it was read."""
        return self.kind == "date" and self.due is not None and fold(self.text) == self.due.isoformat()

    @property
    def reading(self) -> str:
        """How it was read, in words, for the finding and the pages."""
        if self.kind == "date" and self.due is not None:
            return texts.DEADLINE_BY.format(date=chinese_date(self.due))
        if self.kind == "ongoing":
            return texts.DEADLINE_ONGOING
        return texts.DEADLINE_UNREAD_SHORT if self.kind == "unread" else ""


def read(raw: object) -> Deadline:
    """One 完成时限 cell: a date, a datetime, or the text an office typed."""
    if isinstance(raw, datetime):
        return Deadline(raw.date().isoformat(), "date", raw.date())
    if isinstance(raw, date):
        return Deadline(raw.isoformat(), "date", raw)
    text = "" if raw is None else str(raw).strip()
    key = fold(text).removeprefix("于").removeprefix("在")
    if not key:
        return Deadline(text, "none")
    if key in ONGOING:
        return Deadline(text, "ongoing")
    if key.rstrip("内前") in PLAN_PERIOD:
        return Deadline(text, "date", date(TARGET_YEAR, 12, 31))
    due = _due(key)
    return Deadline(text, "date", due) if due is not None else Deadline(text, "unread")


def _due(key: str) -> date | None:
    for pattern, build in (
        (_ISO, lambda m: _safe(int(m[1]), int(m[2]), int(m[3]))),
        (_DAY, lambda m: _safe(int(m[1]), int(m[2]), int(m[3]))),
        (_MONTH, lambda m: _month_end(int(m[1]), int(m[2] or m[3]))),
        (_YEAR, lambda m: date(int(m[1]), 12, 31)),
        (_HALF, lambda m: date(int(m[1]), 6, 30) if m[2] in ("上半年", "年中") else date(int(m[1]), 12, 31)),
        (_QUARTER, lambda m: _month_end(int(m[1]), 3 * _QUARTERS[m[2]])),
        (_RANGE, lambda m: date(max(int(m[1]), int(m[2])), 12, 31)),
    ):
        match = pattern.match(key)
        if match:
            return build(match)
    if _SERIAL.match(key) and EXCEL_SERIAL_RANGE[0] <= float(key) <= EXCEL_SERIAL_RANGE[1]:
        # A date cell whose format was lost arrives as its serial number (45657 = 2024-12-31).
        return (EXCEL_EPOCH + timedelta(days=float(key))).date()
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # 2024年2月30日: not a day, so not read


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def chinese_date(day: date) -> str:
    return texts.DATE_FORMAT.format(year=day.year, month=day.month, day=day.day)


def is_overdue(deadline: Deadline, status: str, today: date) -> bool:
    """Past its last day and not 已完成. The last day itself is still in time; a standing or unread deadline is
    never overdue (nothing is guessed)."""
    return deadline.due is not None and deadline.due < today and status != texts.TASK_DONE
