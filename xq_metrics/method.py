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
            texts.METHOD_COL_CODE: indicator.code,
            texts.METHOD_COL_INDICATOR: indicator.label,
            texts.METHOD_COL_TARGET_TEXT: indicator.target_text,
            texts.METHOD_COL_READ_AS: target.kind_label + ("" if target.understood else texts.METHOD_UNREAD_NOTE),
            texts.METHOD_COL_TARGET_VALUE: "—" if target.value is None else f"{target.value:g}",
            texts.METHOD_COL_DIRECTION: texts.DIRECTION_UP if up else texts.DIRECTION_DOWN,
            texts.METHOD_COL_ATTRIBUTE: indicator.attribute,
        })
    return rows
