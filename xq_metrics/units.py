"""Units as the plan and the offices write them, in one place: which may follow a figure in a cell or a target,
which add up across towns, which can never be negative, and what makes an indicator a share.

The rules that use them live elsewhere (cells, targets, status, quality, checks); the vocabulary is declared once.
"""

from __future__ import annotations

# May follow a figure in a cell ("2.3万人"); whether it is the indicator's own unit is the loader's question.
TYPED_AFTER_FIGURE = (
    "%", "‰", "万人", "人", "年", "天", "万元", "亿元", "元", "个", "家", "座", "项", "公里", "万亩", "亩", "公顷",
    "平方米", "万平方米", "次", "户", "万户",
)
# May follow a figure inside a 2025年目标 ("每年不少于2.3万人"); they carry no rule of their own.
IN_TARGET_TEXT = ("个百分点", "百分点", "万人", "亿元", "万元", "公里", "%", "‰", "人", "年", "天", "元", "家", "个", "座", "项")
# Counts and amounts: town figures add up to the district's, so a district total splits into town shares.
ADDITIVE = ("人", "万人", "户", "万户", "亿元", "万元", "元", "个", "家", "座")
# Never negative.
COUNTS = ("人", "万人", "年", "天", "个", "座", "家")
# An indicator in % whose name ends so is a share: between 0 and 100 (gross rates, 毛入园率, excepted).
SHARE_WORDS = ("率", "比例", "比重", "覆盖率")
GROSS_MARK = "毛"


def is_share(name: str, unit: str) -> bool:
    return unit == "%" and name.endswith(SHARE_WORDS) and GROSS_MARK not in name
