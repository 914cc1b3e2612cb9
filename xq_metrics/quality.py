"""Data-quality flags: things a person should look at. They never change the data."""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import texts, units
from .model import Dataset, Indicator
from .targets import direction_up, parse

JUMP_SHARE = 0.5  # a change of more than half from the previous period


def flag_label(code: str) -> str:
    """The label of a flag code; the jump label states JUMP_SHARE as it is when asked."""
    return texts.FLAG_LABELS[code].format(jump=JUMP_SHARE)



@dataclass(frozen=True)
class Flag:
    code: str
    indicator: str
    town: str
    year: int | None
    detail: str

    @property
    def label(self) -> str:
        return flag_label(self.code)


def flags_for(dataset: Dataset, indicator: Indicator) -> list[Flag]:
    target = parse(indicator.target_text)
    up = direction_up(indicator.name, indicator.direction, target)
    found: list[Flag] = []

    def add(code: str, town: str, year: int | None, detail: str) -> None:
        found.append(Flag(code, indicator.name, town, year, detail))

    if not target.understood:
        add("target_unread", texts.DISTRICT, None, texts.FLAG_TARGET_UNREAD.format(target=target.text))
    base = indicator.base_value
    if base is not None and target.value is not None and target.kind not in ("yearly_floor", "cumulative"):
        behind = target.value < base if up else target.value > base
        if target.kind == "level" and behind:
            add("target_behind_base", texts.DISTRICT, indicator.base_year,
                texts.FLAG_TARGET_BEHIND_BASE.format(base_year=indicator.base_year, base=base, target=target.value))
        elif target.met(base, up):
            add("target_met_at_base", texts.DISTRICT, indicator.base_year,
                texts.FLAG_TARGET_MET_AT_BASE.format(base_year=indicator.base_year, base=base, target=target.text))

    towns = sorted(dataset.index.towns_of.get(indicator.name, ()))
    for town in towns:
        series = dataset.series(indicator.name, town)
        for obs in series:
            if obs.value is not None and not plausible(indicator, obs.value):
                detail = texts.FLAG_OUT_OF_RANGE.format(year=obs.year, value=obs.value, unit=indicator.unit)
                add("out_of_range", town, obs.year, detail)
        reported = [o for o in series if o.value is not None]
        for prev, cur in zip(reported, reported[1:]):
            assert prev.value is not None and cur.value is not None
            if prev.value != 0 and abs(cur.value - prev.value) > JUMP_SHARE * abs(prev.value):
                detail = texts.FLAG_JUMP.format(prev_year=prev.year, prev=prev.value, year=cur.year, value=cur.value)
                add("jump", town, cur.year, detail)
        if reported:
            years = {o.year for o in reported}
            gaps = [y for y in range(reported[0].year, reported[-1].year + 1) if y not in years]
            if gaps:
                missing = texts.SEP.join(texts.FLAG_YEAR.format(year=y) for y in gaps)
                add("missing_year", town, gaps[0], texts.FLAG_MISSING_YEARS.format(years=missing))
    return found


def plausible(indicator: Indicator, value: float) -> bool:
    bounds = plausible_range(indicator)
    return bounds is None or bounds[0] <= value <= bounds[1]


def plausible_range(indicator: Indicator) -> tuple[float, float] | None:
    """The lowest and highest figure the indicator can hold; None when any can be. Asked once per indicator by a
    check of 200,000 figures."""
    # Gross rates (毛入园率) may pass 100% by definition.
    if units.is_share(indicator.name, indicator.unit):
        return (0.0, 100.0)
    if indicator.unit in units.COUNTS:
        return (0.0, math.inf)
    return None
