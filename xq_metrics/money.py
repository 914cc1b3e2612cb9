"""Money as the plan and the offices write it: amounts in 亿元 or 万元, shown in 亿元 (1亿元 = 10000万元).

A figure nobody gave stays None and is shown as 未填报 / 未披露, never as 0.
"""

from __future__ import annotations

from . import texts
from .cells import fold

# How many of each unit make one 亿元. Divided, not multiplied by 0.0001: 301500万元 is 30.15亿元, not 30.150000000000002.
PER_YI: dict[str, float] = {texts.UNIT_YI: 1.0, texts.UNIT_WAN: float(texts.WAN_PER_YI)}
_UNIT_SHORT = {"亿": texts.UNIT_YI, "万": texts.UNIT_WAN}


def canonical_unit(unit: str | None) -> str | None:
    """"亿元"/"亿"/"" -> 亿元, "万元"/"万" -> 万元; anything else -> None (unknown)."""
    folded = fold(unit or "")
    if not folded:
        return texts.UNIT_YI
    if folded in PER_YI:
        return folded
    return _UNIT_SHORT.get(folded)


def to_yi(amount: float | None, unit: str | None) -> float | None:
    """An amount in the given unit, in 亿元 (1亿元 = 10000万元). None stays None; an unknown unit gives None."""
    canonical = canonical_unit(unit)
    if amount is None or canonical is None:
        return None
    return amount / PER_YI[canonical]


def fmt_yi(value: float | None, missing: str | None = None) -> str:
    """亿元 to four decimals at most (1万元 = 0.0001亿元), no trailing zeros, no thousands separator (18000万元)."""
    if value is None:
        return texts.NOT_REPORTED if missing is None else missing
    return f"{value:.4f}".rstrip("0").rstrip(".")


def total_text(value: float, covered: int, missing: str) -> str:
    """A total in 亿元, or the word for "nobody gave a figure" when it covers no project (never a bare 0)."""
    return f"{fmt_yi(value)}{texts.UNIT_YI}" if covered else missing


def as_given(amount_yi: float | None, unit: str) -> str:
    """The amount back in the unit the workbook used, e.g. "20000万元"."""
    if amount_yi is None:
        return ""
    canonical = canonical_unit(unit) or texts.UNIT_YI
    return f"{fmt_yi(amount_yi * PER_YI[canonical])}{canonical}"


def investment_text(project: object, unit: bool = True) -> str:
    """A project's total as the plan writes it: "约200亿元" keeps its 约; a total the plan gives only for a part of
    the item (其中元宝岛项目) is no total of the item, and says so."""
    note = getattr(project, "investment_note", "")
    amount = getattr(project, "investment_yi")
    if amount is None:
        return f"{texts.PROJECT_UNDISCLOSED}{texts.PAREN_OPEN}{note}{texts.PAREN_CLOSE}" if note else texts.PROJECT_UNDISCLOSED
    if note:
        return note if unit else note.removesuffix(texts.UNIT_YI)
    return f"{fmt_yi(amount)}{texts.UNIT_YI}" if unit else fmt_yi(amount)
