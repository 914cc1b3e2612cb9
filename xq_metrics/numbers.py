"""How figures are written for people: no trailing zeros, thousands separators, 未填报 for a missing value."""

from __future__ import annotations

from . import texts


def fmt(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def format_value(value: float | None, unit: str = "") -> str:
    return texts.NOT_REPORTED if value is None else fmt(value) + unit
