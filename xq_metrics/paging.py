"""Long lists cut to what a person can read (issue 13): a page of them, or the largest few.

A data set of 1,000 indicators and 20,000 projects would otherwise draw 1,000 gauges, a heat map 1,000 columns
wide and a table of 20,000 rows, none of which anybody reads, on every run. The pages show one page or the top of
the list and say how many are not shown; what fits on one page is shown as before, in its own order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    number: int  # 1-based, within 1..pages
    pages: int
    first: int  # 1-based position of the first item shown; 0 when there is none
    last: int
    total: int


def pages(total: int, size: int) -> int:
    return max(1, -(-total // size))


def page(items: Sequence[T], number: int, size: int) -> Page[T]:
    """Page `number` of `items` cut into pages of `size`; a number past either end gives the nearest page."""
    count = pages(len(items), size)
    number = min(max(int(number), 1), count)
    start = (number - 1) * size
    shown = list(items[start : start + size])
    return Page(shown, number, count, start + 1 if shown else 0, start + len(shown), len(items))


def largest(items: Sequence[T], limit: int, amount: Callable[[T], float | None]) -> tuple[list[T], int]:
    """At most `limit` items: all of them in their own order when they fit, else the `limit` largest by `amount`
    (items without one last, ties in their own order). Returns them and how many were left out."""
    if len(items) <= limit:
        return list(items), 0
    ranked = sorted(items, key=lambda item: (amount(item) is None, -(amount(item) or 0.0)))
    return ranked[:limit], len(items) - limit
