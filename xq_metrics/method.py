"""The 口径说明 text, filled with the thresholds the code really uses, so page and logic cannot disagree."""

from __future__ import annotations

from . import quality, status, texts
from .model import Dataset
from .targets import CUMULATIVE_FIRST_YEAR, direction_up, parse


def method_markdown() -> str:
    return texts.METHOD_MD.format(
        faster=status.FASTER, on_track=status.ON_TRACK, tol=status.RELATIVE_TOLERANCE, half=status.TREND_HALF,
        jump=quality.JUMP_SHARE, first=CUMULATIVE_FIRST_YEAR,
    )


def target_readings(dataset: Dataset) -> list[dict[str, object]]:
    rows = []
    for indicator in dataset.indicators:
        target = parse(indicator.target_text)
        up = direction_up(indicator.name, indicator.direction, target)
        rows.append({
            "编号": indicator.code,
            "指标": indicator.label,
            "2025年目标（原文）": indicator.target_text,
            "读作": target.kind_label + ("" if target.understood else "（无法识别）"),
            "目标值": "—" if target.value is None else f"{target.value:g}",
            "方向": texts.DIRECTION_UP if up else texts.DIRECTION_DOWN,
            "属性": indicator.attribute,
        })
    return rows
