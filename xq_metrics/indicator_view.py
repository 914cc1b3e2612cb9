"""Everything the indicator page shows about one indicator, as plain rows: the page only lays them out."""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from .filters import Filters
from .model import Dataset, Indicator, chinese_number
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
        reading += "（无法识别，按需人工研判处理）"
    section = next(
        (s for s in dataset.sections if s.chapter == indicator.chapter and s.section == indicator.section), None
    )
    place = section.label if section else (f"第{chinese_number(indicator.chapter)}章" if indicator.chapter else "—")
    if indicator.base_value is not None:
        base = f"{indicator.base_year}年 {indicator.base_value:g}{indicator.unit}"
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
            "年份": obs.year,
            "数值": format_value(obs.value, indicator.unit),
            "状态": j.status if obs.value is not None else texts.STATUS_NO_DATA,
            "预期路径值": "—" if j.expected is None else fmt(j.expected),
            "来源": obs.source,
        })
    flags = [{"提示": f.label, "镇街": f.town, "年份": f.year, "说明": f.detail} for f in flags_for(dataset, indicator)]
    towns = []
    for town in dataset.towns:
        if town.name not in reported or (filters.towns and town.name not in filters.towns):
            continue
        j = evaluate(dataset, indicator, town.name, filters.year)
        towns.append({
            "镇街": town.name,
            "最新年份": j.year,
            "最新值": format_value(j.value, indicator.unit),
            "状态": j.status,
            "判断依据": j.reason,
        })
    facts = [
        {"名称": f.name, "年份": f.year, "数值": f.value, "单位": f.unit, "原文": f.quote}
        for f in dataset.facts if f.indicator == indicator.code
    ]
    return IndicatorDetail(
        indicator, evaluate(dataset, indicator, focus, filters.year), focus,
        bool(filters.towns) and focus == texts.DISTRICT, reading, texts.DIRECTION_UP if up else texts.DIRECTION_DOWN,
        place, base, rows, flags, towns, facts,
    )
