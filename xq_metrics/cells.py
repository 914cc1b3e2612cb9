"""Reading single cells the way officials type them: full-width digits, 95.61%, 2024年, 1,234, — for missing.

Each parser returns a `Cell` that says what was understood and whether that differs from what was seen, so the
loader can report a normalisation as a warning instead of silently changing a figure.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta
from typing import Generic, TypeVar

from . import units

T = TypeVar("T")

# Typed by officials to mean "no figure"; read as missing, never as 0.
PLACEHOLDERS = frozenset({"-", "--", "—", "——", "–", "无", "暂无", "N/A", "NA", "n/a", "na", "/", "空", "未填报", "不适用", "…"})

# Units officials type after a figure ("2.3万人"); which one is right is the indicator's business, see loader.
UNIT_SUFFIXES = units.TYPED_AFTER_FIGURE

_NUMBER = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$")
_YEAR = re.compile(r"^(\d{4})\s*年?(?:度)?$")
EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_SERIAL_RANGE = (32874, 73051)  # 1990-01-01 .. 2099-12-31
YEAR_RANGE = (1990, 2100)  # a monitoring year; a date cell's year outside it (1, 1899, 9999) is no year at all


@dataclass(frozen=True)
class Cell(Generic[T]):
    value: T | None
    ok: bool = True  # False: could not be read
    changed: bool = False  # True: understood differently from how it was typed
    unit: str = ""  # a unit typed after the figure, as read


_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Full-width to half-width and no white space of any width: for comparing names and headers.

    None (a row that lacked its name: the loader has said so, and still builds it to find every other problem)
    folds to "", which no name matches."""
    # Cached: a large upload repeats the same few hundred indicator and town names in every row.
    return "" if text is None else _SPACE.sub("", unicodedata.normalize("NFKC", text))


def is_blank(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    return isinstance(raw, str) and raw.strip() == ""


def text(raw: object) -> str:
    """A text cell, trimmed; numbers typed into a text column keep their plain form (3.0 -> "3")."""
    if type(raw) is str:
        return raw.strip()  # most cells: blank ones trim to "" too
    if is_blank(raw):
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    # Kept as typed (the plan's full-width brackets, Ⅲ): folding is only for comparing, see fold().
    return str(raw).strip()


def number(raw: object, units: tuple[str, ...] | None = ()) -> Cell[float]:
    """A number; `units` are suffixes that may follow it in the cell, None for any of UNIT_SUFFIXES."""
    if is_blank(raw):
        return Cell(None)
    if isinstance(raw, bool) or isinstance(raw, (datetime, date)):
        return Cell(None, ok=False)
    if isinstance(raw, (int, float)):
        return Cell(float(raw)) if math.isfinite(raw) else Cell(None, ok=False)
    typed = str(raw).strip()
    folded = unicodedata.normalize("NFKC", typed).strip()
    if folded in PLACEHOLDERS:
        return Cell(None, changed=True)
    match = _NUMBER.match(folded.replace(" ", ""))
    if not match:
        return Cell(None, ok=False)
    digits, suffix = match.groups()
    allowed = {"", "%"} | {fold(u) for u in (UNIT_SUFFIXES if units is None else units) if u}
    if suffix not in allowed:
        return Cell(None, ok=False)
    value = float(digits.replace(",", ""))
    return Cell(value, changed=folded != digits or typed != folded or "," in digits, unit=suffix)


def percent_shown(raw: float) -> float:
    """A number stored as 0.938 in a cell formatted as a percentage is shown, and meant, as 93.8."""
    return float(f"{raw * 100:.10g}")


def integer(raw: object) -> Cell[int]:
    cell = number(raw)
    if cell.value is None:
        return Cell(None, ok=cell.ok, changed=cell.changed)
    if not cell.value.is_integer():
        return Cell(None, ok=False)
    return Cell(int(cell.value), changed=cell.changed)


def year(raw: object) -> Cell[int]:
    """2024, 2024.0, "2024", "2024年", "2024年度" or a date cell (its year)."""
    if is_blank(raw):
        return Cell(None)
    if isinstance(raw, (datetime, date)):
        # Excel's zero date (1899-12-30/31), date.min and 9999-12-31 arrive as dates too: not years.
        if YEAR_RANGE[0] <= raw.year <= YEAR_RANGE[1]:
            return Cell(raw.year, changed=True)
        return Cell(None, ok=False)
    if isinstance(raw, (time, timedelta)):
        return Cell(None, ok=False)  # a time or a duration is never a year
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value = float(raw)
        if value.is_integer() and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]:
            return Cell(int(value))
        if EXCEL_SERIAL_RANGE[0] <= value <= EXCEL_SERIAL_RANGE[1]:
            # A date cell whose format was lost arrives as its serial number (45292 = 2024-01-01).
            return Cell((EXCEL_EPOCH + timedelta(days=value)).year, changed=True)
        return Cell(None, ok=False)
    folded = fold(str(raw))
    match = _YEAR.match(folded)
    if not match or not YEAR_RANGE[0] <= int(match.group(1)) <= YEAR_RANGE[1]:
        return Cell(None, ok=False)
    return Cell(int(match.group(1)), changed=folded != match.group(1))


def split_names(raw: object, separators: str) -> tuple[str, ...]:
    value = text(raw)
    if not value:
        return ()
    parts = re.split("[" + re.escape(separators) + "]", value)
    return tuple(p.strip() for p in parts if p.strip())


def column_number(letters: str) -> int:
    """A column's number from its letters (A -> 1, AA -> 27), for any letters a file claims, even past XFD."""
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - ord("A") + 1
    return number
