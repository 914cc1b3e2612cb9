"""Everything the indicator page shows about one indicator, as plain rows: the page only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from .filters import Filters
from .model import Dataset, Indicator, plan_place
from .numbers import fmt, format_value
from .quality import flags_for
from .status import Judgement, evaluate
from .targets import direction_up, parse


@dataclass(frozen=True)
class IndicatorDetail:
    indicator: Indicator
    judgement: Judgement
    town: str  # whose series is shown: one chosen town, or the district
    district_fallback: bool  # towns were chosen but none reports this indicator
    target_reading: str
    direction: str
    place: str
    base: str
    rows: list[dict[str, object]]  # one per reported district year
    flags: list[dict[str, object]]
    towns: list[dict[str, object]]  # latest status per town
    facts: list[dict[str, object]]  # 第一章 figures linked to the indicator


def indicator_detail(dataset: Dataset, indicator: Indicator, filters: Filters = Filters()) -> IndicatorDetail:
    target = parse(indicator.target_text)
    up = direction_up(indicator.name, indicator.direction, target)
    reading = target.kind_label + (f" {target.value:g}" if target.value is not None else "")
    if not target.understood:
        reading += texts.TARGET_UNREAD_NOTE
    section = next(
        (s for s in dataset.sections if s.chapter == indicator.chapter and s.section == indicator.section), None
    )
    place = section.label if section else (plan_place(indicator.chapter) if indicator.chapter else "—")
    if indicator.base_value is not None:
        base = texts.BASE_VALUE.format(year=indicator.base_year, value=indicator.base_value, unit=indicator.unit)
    else:
        base = indicator.base_note or "—"

    reported = {o.town for o in dataset.observations if o.indicator == indicator.name and o.value is not None}
    # One chosen town that reports the indicator is followed on its own; otherwise the district is.
    focus = filters.towns[0] if len(filters.towns) == 1 and filters.towns[0] in reported else texts.DISTRICT
    rows = []
    for obs in dataset.series(indicator.name, focus):
        if filters.year is not None and obs.year > filters.year:
            continue
        j = evaluate(dataset, indicator, focus, obs.year)
        rows.append({
            texts.DETAIL_COL_YEAR: obs.year,
            texts.DETAIL_COL_VALUE: format_value(obs.value, indicator.unit),
            texts.DETAIL_COL_STATUS: j.status if obs.value is not None else texts.STATUS_NO_DATA,
            texts.DETAIL_COL_EXPECTED: "—" if j.expected is None else fmt(j.expected),
            texts.DETAIL_COL_SOURCE: obs.source,
        })
    flags = [
        {texts.DETAIL_COL_FLAG: f.label, texts.DETAIL_COL_TOWN: f.town, texts.DETAIL_COL_YEAR: f.year,
         texts.DETAIL_COL_NOTE: f.detail}
        for f in flags_for(dataset, indicator)
    ]
    towns = []
    for town in dataset.towns:
        if town.name not in reported or (filters.towns and town.name not in filters.towns):
            continue
        j = evaluate(dataset, indicator, town.name, filters.year)
        towns.append({
            texts.DETAIL_COL_TOWN: town.name,
            texts.DETAIL_COL_LATEST_YEAR: j.year,
            texts.DETAIL_COL_LATEST: format_value(j.value, indicator.unit),
            texts.DETAIL_COL_STATUS: j.status,
            texts.DETAIL_COL_REASON: j.reason,
        })
    facts = [
        {texts.DETAIL_COL_NAME: f.name, texts.DETAIL_COL_YEAR: f.year, texts.DETAIL_COL_VALUE: f.value,
         texts.DETAIL_COL_UNIT: f.unit, texts.DETAIL_COL_QUOTE: f.quote}
        for f in dataset.facts if f.indicator == indicator.code
    ]
    return IndicatorDetail(
        indicator, evaluate(dataset, indicator, focus, filters.year), focus,
        bool(filters.towns) and focus == texts.DISTRICT, reading, texts.DIRECTION_UP if up else texts.DIRECTION_DOWN,
        place, base, rows, flags, towns, facts,
    )
