"""targets.parse, Target.met and direction_up: how the plan's 2025年目标 column becomes a rule.

Every status on the dashboard starts here, so a misread target silently mis-judges an indicator.
"""

from __future__ import annotations

import pytest

from xq_metrics import texts
from xq_metrics.targets import Target, TargetKind, direction_up, parse


def target(kind: TargetKind, value: float | None, text: str = "") -> Target:
    """A Target built by hand, to test Target.met without going through parse."""
    return Target(kind, value, text or f"{kind} {value}")


def assert_parsed(text: str, kind: TargetKind, value: float | None, understood: bool = True) -> None:
    parsed = parse(text)
    assert parsed.kind == kind
    assert parsed.value == value
    assert parsed.understood is understood


# --- parse: one form at a time -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("100", 100.0, id="integer"),
        pytest.param("35", 35.0, id="two-digits"),
        pytest.param("15.4", 15.4, id="one-decimal"),
        pytest.param("23.32", 23.32, id="two-decimals"),
        # Officials type with a Chinese IME: full-width digits must read the same.
        pytest.param("１００", 100.0, id="full-width-digits"),
        pytest.param(" 35 ", 35.0, id="stray-spaces"),
    ],
)
def test_level(text: str, value: float) -> None:
    assert_parsed(text, "level", value)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        # Strict lower bound: 90 itself does not meet ">90".
        pytest.param(">90", "above", 90.0, id="above-ascii"),
        pytest.param("＞90", "above", 90.0, id="above-full-width"),
        # Non-strict lower bound, in every way the plan and officials write it.
        pytest.param("≥90", "at_least", 90.0, id="at-least-sign"),
        pytest.param(">=90", "at_least", 90.0, id="at-least-ascii"),
        pytest.param("不低于90", "at_least", 90.0, id="at-least-words"),
        pytest.param("90以上", "at_least", 90.0, id="at-least-suffix"),
        pytest.param("90%以上", "at_least", 90.0, id="at-least-percent-suffix"),
        # Non-strict upper bound: the unemployment rate's "6以内".
        pytest.param("6以内", "at_most", 6.0, id="at-most-suffix"),
        pytest.param("控制在6%以内", "at_most", 6.0, id="at-most-controlled-percent"),
        pytest.param("不超过6", "at_most", 6.0, id="at-most-words"),
        pytest.param("6 以内", "at_most", 6.0, id="at-most-space"),
        # Strict upper bound.
        pytest.param("<6", "below", 6.0, id="below-ascii"),
        pytest.param("低于6", "below", 6.0, id="below-words"),
    ],
)
def test_bounds(text: str, kind: TargetKind, value: float) -> None:
    assert_parsed(text, kind, value)


def test_yearly_floor() -> None:
    """The unit 万人 is dropped, the figure kept: the floor is compared with values in 万人."""
    assert_parsed("每年不少于2.3万人", "yearly_floor", 2.3)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("﹝15﹞", id="plan-small-tortoise-brackets"),
        pytest.param("〔15〕", id="tortoise-brackets"),
        pytest.param("[15]", id="square-brackets"),
        pytest.param("累计15", id="words"),
        pytest.param("累计下降15%", id="words-reduction-percent"),
    ],
)
def test_cumulative(text: str) -> None:
    """〔〕 marks a five-year total in Chinese plans; reading it as a level of 15 would be wrong."""
    assert_parsed(text, "cumulative", 15.0)


def test_relative() -> None:
    assert_parsed("与经济增长基本同步", "relative", None)


def test_external() -> None:
    assert_parsed("落实市里下达指标", "external", None)


@pytest.mark.parametrize(
    ("text", "understood"),
    [
        # Words only: a judgement for people, and that is understood.
        pytest.param("完成“十四五”规划目标", True, id="words-only"),
        # Figures that fit no form: flagged, never guessed into a number.
        pytest.param("约7成", False, id="figure-no-form"),
        pytest.param("2.3万人左右吧", False, id="figure-with-chatter"),
        pytest.param("", False, id="empty"),
    ],
)
def test_qualitative(text: str, understood: bool) -> None:
    assert_parsed(text, "qualitative", None, understood)


# --- The plan's own 18 targets, as written in the plan ---------------------------------------------------------------

PLAN_TARGETS: list[tuple[int, str, TargetKind, float | None]] = [
    (1, "完成“十四五”规划目标", "qualitative", None),
    (2, "与经济增长基本同步", "relative", None),
    (3, "100", "level", 100.0),
    (4, ">90", "above", 90.0),
    (5, "落实市里下达指标", "external", None),
    (6, "23.32", "level", 23.32),
    (7, "65.97", "level", 65.97),
    (8, "6以内", "at_most", 6.0),
    (9, "15.4", "level", 15.4),
    (10, "每年不少于2.3万人", "yearly_floor", 2.3),
    (11, "35", "level", 35.0),
    (12, "80", "level", 80.0),
    (13, "100", "level", 100.0),
    (14, "100", "level", 100.0),
    (15, "﹝15﹞", "cumulative", 15.0),
    (16, "落实市里下达指标", "external", None),
    (17, "落实市里下达指标", "external", None),
    (18, "14", "level", 14.0),
]


@pytest.mark.parametrize(
    ("code", "text", "kind", "value"),
    [pytest.param(*row, id=f"indicator-{row[0]:02d}") for row in PLAN_TARGETS],
)
def test_plan_targets(code: int, text: str, kind: TargetKind, value: float | None) -> None:
    """All 18 plan targets must be understood; none may fall through to an unread warning."""
    assert_parsed(text, kind, value, understood=True)


def test_plan_has_18_targets() -> None:
    assert [row[0] for row in PLAN_TARGETS] == list(range(1, 19))


def test_kind_label_comes_from_texts() -> None:
    assert parse("﹝15﹞").kind_label == texts.TARGET_KINDS["cumulative"] == "五年累计"


# --- Target.met: strict vs non-strict at the bound -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("kind", "bound", "value", "met"),
    [
        pytest.param("at_least", 90.0, 89.9, False, id="at-least-below"),
        pytest.param("at_least", 90.0, 90.0, True, id="at-least-at-bound"),
        pytest.param("at_least", 90.0, 90.1, True, id="at-least-above"),
        pytest.param("above", 90.0, 89.9, False, id="above-below"),
        pytest.param("above", 90.0, 90.0, False, id="above-at-bound-strict"),
        pytest.param("above", 90.0, 90.1, True, id="above-above"),
        pytest.param("at_most", 6.0, 5.9, True, id="at-most-below"),
        pytest.param("at_most", 6.0, 6.0, True, id="at-most-at-bound"),
        pytest.param("at_most", 6.0, 6.1, False, id="at-most-above"),
        pytest.param("below", 6.0, 5.9, True, id="below-below"),
        pytest.param("below", 6.0, 6.0, False, id="below-at-bound-strict"),
        pytest.param("below", 6.0, 6.1, False, id="below-above"),
    ],
)
def test_met_bounds(kind: TargetKind, bound: float, value: float, met: bool) -> None:
    # A bound carries its own direction; the indicator's direction must not change the answer.
    assert target(kind, bound).met(value, direction_up=True) is met
    assert target(kind, bound).met(value, direction_up=False) is met


@pytest.mark.parametrize(
    ("up", "value", "met"),
    [
        pytest.param(True, 29.9, False, id="up-short"),
        pytest.param(True, 30.0, True, id="up-at-target"),
        pytest.param(True, 30.1, True, id="up-beyond"),
        pytest.param(False, 29.9, True, id="down-beyond"),
        pytest.param(False, 30.0, True, id="down-at-target"),
        pytest.param(False, 30.1, False, id="down-short"),
    ],
)
def test_met_level_follows_direction(up: bool, value: float, met: bool) -> None:
    """A level target is reached in the indicator's direction, so 'more' is not always 'better'."""
    assert target("level", 30.0).met(value, direction_up=up) is met


# --- direction_up --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "stated", "target_text", "up"),
    [
        # Unemployment: less is better, read from the name even with a plain level target.
        pytest.param("城镇调查失业率", "", "5.5", False, id="unemployment-by-name"),
        # A reduction is itself the value: a larger reduction is better, though the name has 消耗.
        pytest.param("单位GDP能源消耗降低", "", "15", True, id="energy-reduction-by-name"),
        pytest.param("单位GDP能源消耗降低", "", "﹝15﹞", True, id="energy-reduction-cumulative"),
        pytest.param("常住人口城镇化率", "", "80", True, id="plain-rate-up"),
        # The workbook's 方向 column wins over the name.
        pytest.param("常住人口城镇化率", texts.DIRECTION_DOWN, "80", False, id="stated-down-overrides"),
        pytest.param("城镇调查失业率", texts.DIRECTION_UP, "5.5", True, id="stated-up-overrides"),
        # An upper bound means less is better, whatever the name says.
        pytest.param("常住人口城镇化率", "", "6以内", False, id="at-most-implies-down"),
        pytest.param("常住人口城镇化率", "", "<6", False, id="below-implies-down"),
    ],
)
def test_direction_up(name: str, stated: str, target_text: str, up: bool) -> None:
    assert direction_up(name, stated, parse(target_text)) is up


def test_direction_words_are_the_plan_vocabulary() -> None:
    """The tests above pass 方向 through texts; pin the words the workbook uses."""
    assert (texts.DIRECTION_UP, texts.DIRECTION_DOWN) == ("越大越好", "越小越好")
