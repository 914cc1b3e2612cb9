"""The plan's 2025年目标 column, read into rules.

The column is text, not numbers: "100", ">90", "6以内", "每年不少于2.3万人", "﹝15﹞", "与经济增长基本同步",
"落实市里下达指标", "完成“十四五”规划目标". `parse` says which kind of rule each one is; a text with figures
that fits no form is marked `understood=False` (a warning upstream), never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from . import texts, units

TargetKind = Literal[
    "level", "at_least", "above", "at_most", "below", "yearly_floor", "cumulative", "relative", "external",
    "qualitative",
]
TARGET_YEAR = 2025
# 〔〕为五年累计数: the 十四五 window.
CUMULATIVE_FIRST_YEAR = 2021

_NUM = r"(\d+(?:\.\d+)?)"
# Units that may follow a figure inside the target text; they carry no rule of their own.
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)\s*(?:" + "|".join(map(re.escape, units.IN_TARGET_TEXT)) + ")")

# (kind, pattern) in the order they are tried; the first match wins.
_FORMS: tuple[tuple[TargetKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("cumulative", rf"^[〔\[【(]{_NUM}[〕\]】)]$"),
        ("cumulative", rf"^(?:五年)?累计(?:下降|降低|减少|提高|提升|增长|增加|新增|完成)?{_NUM}$"),
        ("yearly_floor", rf"^(?:每年|年均|每年度)(?:不少于|不低于|至少|达到|新增)?{_NUM}(?:以上)?$"),
        ("at_least", rf"^(?:≥|>=|不低于|不少于|至少|达到){_NUM}(?:以上)?$"),
        ("at_least", rf"^{_NUM}(?:以上|及以上)$"),
        ("above", rf"^(?:>|高于|超过|大于){_NUM}$"),
        ("at_most", rf"^(?:≤|<=|不超过|不高于|不多于|控制在|低于或等于){_NUM}(?:以内|以下)?$"),
        ("at_most", rf"^{_NUM}(?:以内|以下)$"),
        ("below", rf"^(?:<|低于|少于|小于){_NUM}$"),
        ("level", rf"^(?:达到)?{_NUM}(?:左右)?$"),
    )
)
_RELATIVE_WORDS = ("同步", "快于", "高于经济增长", "不低于经济增长")
_EXTERNAL_WORDS = ("下达",)


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    value: float | None
    text: str
    understood: bool = True

    @property
    def kind_label(self) -> str:
        return texts.TARGET_KINDS[self.kind]

    @property
    def is_bound(self) -> bool:
        return self.kind in ("at_least", "above", "at_most", "below")

    def met(self, value: float, direction_up: bool) -> bool:
        """Whether a value satisfies the target (level targets: reached, in the indicator's direction)."""
        assert self.value is not None
        match self.kind:
            case "at_least":
                return value >= self.value
            case "above":
                return value > self.value
            case "at_most":
                return value <= self.value
            case "below":
                return value < self.value
            case _:
                return value >= self.value if direction_up else value <= self.value


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    folded = folded.replace("﹝", "〔").replace("﹞", "〕")
    folded = re.sub(r"\s+", "", folded)
    return _UNIT_AFTER_NUMBER.sub("", folded)


@lru_cache(maxsize=4096)
def parse(text: str) -> Target:
    raw = (text or "").strip()
    folded = normalise(raw)
    if not folded:
        return Target("qualitative", None, raw, understood=False)
    for kind, pattern in _FORMS:
        match = pattern.match(folded)
        if match:
            return Target(kind, float(match.group(1)), raw)
    if any(w in folded for w in _EXTERNAL_WORDS):
        return Target("external", None, raw)
    if any(w in folded for w in _RELATIVE_WORDS):
        return Target("relative", None, raw)
    # Words only (e.g. 完成“十四五”规划目标): a judgement for people. Figures we could not read: say so.
    return Target("qualitative", None, raw, understood=not re.search(r"\d", folded))


_DOWN_WORDS = ("失业率", "能耗", "消耗量", "排放", "浓度", "发生率", "死亡率", "差距", "事故")
_REDUCTION_ENDINGS = ("降低", "下降", "减少", "降低率", "下降率")


def direction_up(indicator_name: str, stated: str, target: Target) -> bool:
    """Whether more is better. The workbook's 方向 wins; a bound implies it; otherwise the name decides."""
    if stated == texts.DIRECTION_UP:
        return True
    if stated == texts.DIRECTION_DOWN:
        return False
    if target.kind in ("at_most", "below"):
        return False
    if target.kind in ("at_least", "above", "yearly_floor", "cumulative"):
        return True
    name = unicodedata.normalize("NFKC", indicator_name)
    if name.endswith(_REDUCTION_ENDINGS):
        return True  # the value is itself a reduction: a larger reduction is better
    return not any(word in name for word in _DOWN_WORDS)
