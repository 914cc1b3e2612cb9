"""Data-quality flags: things a person should look at. They never change the data."""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from .model import Dataset, Indicator
from .targets import direction_up, parse

JUMP_SHARE = 0.5  # a change of more than half from the previous period
RATE_WORDS = ("率", "比例", "比重", "覆盖率")
COUNT_UNITS = ("人", "万人", "年", "天", "个", "座", "家")

FLAG_LABELS = {
    "target_met_at_base": "基期已达目标",
    "target_behind_base": "目标低于基期（方向相反）",
    "out_of_range": "数值超出合理范围",
    "jump": "较上期变动超过50%",
    "missing_year": "序列缺少年份",
    "target_unread": "目标无法识别",
}


@dataclass(frozen=True)
class Flag:
    code: str
    indicator: str
    town: str
    year: int | None
    detail: str

    @property
    def label(self) -> str:
        return FLAG_LABELS[self.code]


def flags_for(dataset: Dataset, indicator: Indicator) -> list[Flag]:
    target = parse(indicator.target_text)
    up = direction_up(indicator.name, indicator.direction, target)
    found: list[Flag] = []

    def add(code: str, town: str, year: int | None, detail: str) -> None:
        found.append(Flag(code, indicator.name, town, year, detail))

    if not target.understood:
        add("target_unread", texts.DISTRICT, None, f"目标“{target.text}”无法识别。")
    base = indicator.base_value
    if base is not None and target.value is not None and target.kind not in ("yearly_floor", "cumulative"):
        behind = target.value < base if up else target.value > base
        if target.kind == "level" and behind:
            add("target_behind_base", texts.DISTRICT, indicator.base_year,
                f"基期{indicator.base_year}年为{base:g}，2025年目标为{target.value:g}，目标落后于基期。")
        elif target.met(base, up):
            add("target_met_at_base", texts.DISTRICT, indicator.base_year,
                f"基期{indicator.base_year}年为{base:g}，已满足目标{target.text}。")

    towns = sorted({o.town for o in dataset.observations if o.indicator == indicator.name})
    for town in towns:
        series = dataset.series(indicator.name, town)
        for obs in series:
            if obs.value is not None and not plausible(indicator, obs.value):
                add("out_of_range", town, obs.year, f"{obs.year}年{obs.value:g}{indicator.unit}超出合理范围。")
        reported = [o for o in series if o.value is not None]
        for prev, cur in zip(reported, reported[1:]):
            assert prev.value is not None and cur.value is not None
            if prev.value != 0 and abs(cur.value - prev.value) > JUMP_SHARE * abs(prev.value):
                add("jump", town, cur.year, f"{prev.year}年{prev.value:g}→{cur.year}年{cur.value:g}。")
        if reported:
            years = {o.year for o in reported}
            gaps = [y for y in range(reported[0].year, reported[-1].year + 1) if y not in years]
            if gaps:
                add("missing_year", town, gaps[0], "缺少" + "、".join(f"{y}年" for y in gaps) + "数值。")
    return found


def plausible(indicator: Indicator, value: float) -> bool:
    # Gross rates (毛入园率) may pass 100% by definition.
    if indicator.unit == "%" and indicator.name.endswith(RATE_WORDS) and "毛" not in indicator.name:
        return 0 <= value <= 100
    if indicator.unit in COUNT_UNITS:
        return value >= 0
    return True
