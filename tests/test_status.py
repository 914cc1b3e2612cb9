"""status.evaluate and status.trend: each rule at its thresholds and one step either side.

The thresholds are the mid-term-review vocabulary officials act on; an off-by-one at 110% or 90% changes a
colour on the dashboard and the sentence in a report.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from xq_metrics import status, targets, texts
from xq_metrics.model import Assessment, CityTarget, Dataset, Indicator, Observation, ReferenceValue, SourceInfo
from xq_metrics.status import Judgement, Status, evaluate, trend
from xq_metrics.targets import parse

DISTRICT = texts.DISTRICT
TOWN = "杨柳青镇"
NAME = "常住人口城镇化率"  # a neutral "more is better" name; direction comes from 方向 where a case needs it

AHEAD = Status.AHEAD
FASTER = Status.FASTER
ON_TRACK = Status.ON_TRACK
LAGGING = Status.LAGGING
NO_DATA = Status.NO_DATA
MANUAL = Status.MANUAL
AWAIT_CITY = Status.AWAIT_CITY
INSUFFICIENT = Status.INSUFFICIENT

Values = dict[int, float | None]


def make_indicator(
    target_text: str,
    *,
    name: str = NAME,
    attribute: str = "预期性",
    direction: str = "",
    reference: str = "",
    base_year: int | None = None,
    base_value: float | None = None,
    unit: str = "%",
) -> Indicator:
    return Indicator(
        code=1, category="测试", name=name, unit=unit, target_text=target_text, attribute=attribute,
        direction=direction, reference=reference, base_year=base_year, base_value=base_value,
    )


def make_dataset(
    indicator: Indicator,
    values: Values | None = None,
    *,
    town_values: dict[str, Values] | None = None,
    city_targets: tuple[CityTarget, ...] = (),
    references: tuple[ReferenceValue, ...] = (),
    assessments: tuple[Assessment, ...] = (),
) -> Dataset:
    """A one-indicator data set; `values` are the district's, `town_values` any town's."""
    by_town: dict[str, Values] = {DISTRICT: values or {}, **(town_values or {})}
    observations = tuple(
        Observation(indicator.name, town, year, value) for town, series in by_town.items() for year, value in series.items()
    )
    source = SourceInfo("测试", "test.xlsx", is_sample=True, loaded_at=datetime(2025, 1, 1))
    return Dataset(
        sources=(source,), indicators=(indicator,), observations=observations, city_targets=city_targets,
        references=references, assessments=assessments,
    )


def judge(indicator: Indicator, values: Values | None = None, *, town: str = DISTRICT, year: int | None = None,
          **extra: object) -> Judgement:
    return evaluate(make_dataset(indicator, values, **extra), indicator, town=town, year=year)  # type: ignore[arg-type]


def test_constants() -> None:
    """Pin the rule constants; the threshold cases below are built from them."""
    assert (status.FASTER, status.ON_TRACK, status.RELATIVE_TOLERANCE, status.TREND_HALF) == (1.10, 0.90, 1.0, 0.5)
    assert (targets.TARGET_YEAR, targets.CUMULATIVE_FIRST_YEAR) == (2025, 2021)


# --- Level targets: straight path from the base to 2025 ------------------------------------------------------------

BASE_YEAR = 2022
YEAR = 2024


def expected_on_path(base: float, goal: float, year: int) -> float:
    """E = B + (T - B) * (y - base year) / (2025 - base year)."""
    return base + (goal - base) * (year - BASE_YEAR) / (targets.TARGET_YEAR - BASE_YEAR)


# Up: B=0, T=30, so E(2024)=20; A = B + r*(E-B).
UP_E = expected_on_path(0.0, 30.0, YEAR)
# Down (越小越好): B=30, T=0, so E(2024)=10; progress is measured downwards.
DOWN_E = expected_on_path(30.0, 0.0, YEAR)


@pytest.mark.parametrize(
    ("base", "goal", "direction", "value", "expected_status"),
    [
        pytest.param(0.0, 30.0, "", UP_E * status.FASTER, FASTER, id="up-r-at-faster"),
        pytest.param(0.0, 30.0, "", 21.9, ON_TRACK, id="up-r-just-under-faster"),
        pytest.param(0.0, 30.0, "", UP_E * status.ON_TRACK, ON_TRACK, id="up-r-at-on-track"),
        pytest.param(0.0, 30.0, "", 17.9, LAGGING, id="up-r-just-under-on-track"),
        pytest.param(0.0, 30.0, "", 30.0, AHEAD, id="up-target-reached"),
        pytest.param(0.0, 30.0, "", 29.9, FASTER, id="up-just-short-of-target"),
        pytest.param(30.0, 0.0, texts.DIRECTION_DOWN, 30.0 - (30.0 - DOWN_E) * status.FASTER, FASTER, id="down-r-at-faster"),
        pytest.param(30.0, 0.0, texts.DIRECTION_DOWN, 8.1, ON_TRACK, id="down-r-just-under-faster"),
        pytest.param(30.0, 0.0, texts.DIRECTION_DOWN, 30.0 - (30.0 - DOWN_E) * status.ON_TRACK, ON_TRACK,
                     id="down-r-at-on-track"),
        pytest.param(30.0, 0.0, texts.DIRECTION_DOWN, 12.1, LAGGING, id="down-r-just-under-on-track"),
        pytest.param(30.0, 0.0, texts.DIRECTION_DOWN, 0.0, AHEAD, id="down-target-reached"),
    ],
)
def test_level_path(base: float, goal: float, direction: str, value: float, expected_status: str) -> None:
    ind = make_indicator(f"{goal:g}", direction=direction, base_year=BASE_YEAR, base_value=base)
    j = judge(ind, {YEAR: value})
    assert j.status == expected_status
    assert (j.year, j.value) == (YEAR, value)
    assert j.alert is False  # 预期性: never a 预警


def test_level_threshold_values_are_the_spec_figures() -> None:
    """The constant-built values above are exactly the spec's 22 and 18 (up) and 8 and 12 (down)."""
    assert (UP_E, UP_E * status.FASTER, UP_E * status.ON_TRACK) == (20.0, 22.0, 18.0)
    assert (DOWN_E, 30.0 - 20.0 * status.FASTER, 30.0 - 20.0 * status.ON_TRACK) == (10.0, 8.0, 12.0)


def test_level_judgement_details() -> None:
    """The reason a person checks rests on these numbers: expected, ratio, base."""
    j = judge(make_indicator("30", base_year=BASE_YEAR, base_value=0.0), {YEAR: 22.0})
    assert j.expected == 20.0
    assert j.ratio == pytest.approx(1.10)
    assert (j.base_year, j.base_value, j.target_value) == (2022, 0.0, 30.0)


def test_no_plan_base_uses_earliest_reported_value() -> None:
    j = judge(make_indicator("30"), {2022: 0.0, 2023: 5.0, 2024: 22.0})
    assert (j.base_year, j.base_value) == (2022, 0.0)
    assert j.expected == 20.0
    assert j.status == FASTER


def test_no_plan_base_and_one_value_is_insufficient_data_not_a_call_for_a_person() -> None:
    """With no base and a single value there is no path to compare with: never guess, and say why."""
    j = judge(make_indicator("30"), {2024: 10.0})
    assert j.status == INSUFFICIENT and j.status.label == "数据不足"
    assert j.value == 10.0 and "只有2024年一期数值" in j.reason


def test_no_plan_base_but_target_met_with_one_value() -> None:
    """A single value already at the target needs no path."""
    assert judge(make_indicator("30"), {2024: 31.0}).status == AHEAD


@pytest.mark.parametrize(
    ("attribute", "alert"),
    [
        pytest.param("约束性", True, id="binding-is-alert"),
        pytest.param("预期性", False, id="expected-is-not-alert"),
    ],
)
def test_target_equal_to_base_and_value_falls(attribute: str, alert: bool) -> None:
    """Base 100 = target 100: the path is flat, so any value below 100 is lagging (no division by zero)."""
    ind = make_indicator("100", name="城镇生活污水集中处理率", attribute=attribute, base_year=2022, base_value=100.0)
    j = judge(ind, {2024: 99.2})
    assert j.status == LAGGING
    assert j.alert is alert
    assert j.value == 99.2


def test_target_equal_to_base_and_value_holds() -> None:
    ind = make_indicator("100", attribute="约束性", base_year=2022, base_value=100.0)
    j = judge(ind, {2024: 100.0})
    assert (j.status, j.alert) == (AHEAD, False)


# --- Bounds: judged by the bound itself ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("target_text", "value", "expected_status"),
    [
        pytest.param("≥90", 90.0, AHEAD, id="at-least-at-bound"),
        pytest.param("≥90", 89.9, LAGGING, id="at-least-just-under"),
        pytest.param(">90", 90.1, AHEAD, id="above-just-over"),
        pytest.param(">90", 90.0, LAGGING, id="above-at-bound-is-not-met"),
        pytest.param("6以内", 6.0, ON_TRACK, id="at-most-at-bound"),
        pytest.param("6以内", 5.0, ON_TRACK, id="at-most-well-under"),
        pytest.param("6以内", 6.1, LAGGING, id="at-most-just-over"),
        pytest.param("<6", 5.9, ON_TRACK, id="below-just-under"),
        pytest.param("<6", 6.0, LAGGING, id="below-at-bound-is-not-met"),
    ],
)
def test_bounds(target_text: str, value: float, expected_status: str) -> None:
    j = judge(make_indicator(target_text, base_year=2022, base_value=50.0), {2024: value})
    assert j.status == expected_status
    assert j.target_value == parse(target_text).value


def test_binding_bound_not_met_is_alert() -> None:
    j = judge(make_indicator("6以内", name="城镇调查失业率", attribute="约束性"), {2024: 6.5})
    assert (j.status, j.alert) == (LAGGING, True)


# --- Yearly floor ----------------------------------------------------------------------------------------------------

FLOOR = 2.3


@pytest.mark.parametrize(
    ("value", "expected_status"),
    [
        pytest.param(FLOOR * status.FASTER, FASTER, id="ratio-at-faster"),
        pytest.param(2.52, ON_TRACK, id="just-under-faster"),
        pytest.param(FLOOR, ON_TRACK, id="at-floor"),
        pytest.param(2.29, LAGGING, id="just-under-floor"),
    ],
)
def test_yearly_floor(value: float, expected_status: str) -> None:
    j = judge(make_indicator("每年不少于2.3万人", name="城镇新增就业人数", unit="万人"), {2024: value})
    assert j.status == expected_status
    assert j.target_value == FLOOR
    assert j.ratio == pytest.approx(value / FLOOR)


def test_yearly_floor_constant_value_is_spec_figure() -> None:
    assert FLOOR * status.FASTER == 2.53


def test_yearly_floor_is_judged_in_the_year_asked() -> None:
    """Each year must clear the floor: asking for 2023 judges 2023's value, not the latest one."""
    ind = make_indicator("每年不少于2.3万人", name="城镇新增就业人数", unit="万人")
    values: Values = {2022: 2.0, 2023: 2.53, 2024: 2.0}
    j = judge(ind, values, year=2023)
    assert (j.year, j.value, j.status) == (2023, 2.53, FASTER)
    assert judge(ind, values).status == LAGGING  # latest year, 2024


# --- Cumulative five-year total --------------------------------------------------------------------------------------

WINDOW = targets.TARGET_YEAR - targets.CUMULATIVE_FIRST_YEAR + 1
TWO_YEARS_EXPECTED = 15.0 * 2 / WINDOW  # 6.0


def cumulative_indicator() -> Indicator:
    return make_indicator("﹝15﹞", name="单位GDP能源消耗降低")


@pytest.mark.parametrize(
    ("first", "second", "expected_status"),
    [
        pytest.param(TWO_YEARS_EXPECTED * status.FASTER - 3.0, 3.0, FASTER, id="ratio-at-faster"),
        pytest.param(3.0, 3.0, ON_TRACK, id="on-pro-rata"),
        pytest.param(TWO_YEARS_EXPECTED * status.ON_TRACK - 2.7, 2.7, ON_TRACK, id="ratio-at-on-track"),
        pytest.param(2.65, 2.65, LAGGING, id="just-under-on-track"),
        pytest.param(7.5, 7.5, AHEAD, id="total-reaches-target"),
        pytest.param(10.0, 6.0, AHEAD, id="total-beyond-target"),
    ],
)
def test_cumulative(first: float, second: float, expected_status: str) -> None:
    j = judge(cumulative_indicator(), {2021: first, 2022: second})
    assert j.status == expected_status
    assert j.expected == TWO_YEARS_EXPECTED


def test_cumulative_spec_figure_at_faster() -> None:
    """Spec: two years summing to 6.6 (ratio 1.10) -> 快于预期, as a person computes it."""
    assert judge(cumulative_indicator(), {2021: 3.3, 2022: 3.3}).status == FASTER


def test_cumulative_spec_figure_at_on_track() -> None:
    """Spec: 5.4 (ratio 0.90) -> 基本符合预期, 5.3 -> 滞后."""
    assert judge(cumulative_indicator(), {2021: 2.7, 2022: 2.7}).status == ON_TRACK
    assert judge(cumulative_indicator(), {2021: 2.65, 2022: 2.65}).status == LAGGING


def test_cumulative_counts_only_reported_years_in_window() -> None:
    """未填报 years are not reported years: n stays 2, and a year before 2021 is outside the window."""
    j = judge(cumulative_indicator(), {2020: 9.0, 2021: 3.0, 2022: None, 2023: 3.0})
    assert j.expected == TWO_YEARS_EXPECTED
    assert j.ratio == pytest.approx(1.0)
    assert j.status == ON_TRACK


# --- Relative: income growth against GDP growth -----------------------------------------------------------------------

GDP = "地区生产总值增长"
GDP_GROWTH = 5.0


def relative_indicator() -> Indicator:
    return make_indicator("与经济增长基本同步", name="居民人均可支配收入增长", reference=GDP)


@pytest.mark.parametrize(
    ("income", "expected_status"),
    [
        pytest.param(GDP_GROWTH + status.RELATIVE_TOLERANCE + 0.5, FASTER, id="gap-over-plus-tolerance"),
        pytest.param(GDP_GROWTH + status.RELATIVE_TOLERANCE, ON_TRACK, id="gap-exactly-plus-tolerance"),
        pytest.param(GDP_GROWTH, ON_TRACK, id="gap-zero"),
        pytest.param(GDP_GROWTH - status.RELATIVE_TOLERANCE, ON_TRACK, id="gap-exactly-minus-tolerance"),
        pytest.param(GDP_GROWTH - status.RELATIVE_TOLERANCE - 0.5, LAGGING, id="gap-under-minus-tolerance"),
    ],
)
def test_relative(income: float, expected_status: str) -> None:
    refs = (ReferenceValue(GDP, DISTRICT, 2024, GDP_GROWTH),)
    j = judge(relative_indicator(), {2024: income}, references=refs)
    assert j.status == expected_status
    assert j.target_value == GDP_GROWTH


def test_relative_without_reference_for_that_year() -> None:
    """A reference from another year must not be used: no data rather than a wrong comparison."""
    refs = (ReferenceValue(GDP, DISTRICT, 2023, GDP_GROWTH),)
    j = judge(relative_indicator(), {2024: 5.0}, references=refs)
    assert j.status == NO_DATA
    assert j.value == 5.0


# --- External: targets handed down by the city ---------------------------------------------------------------------

EXTERNAL_NAME = "单位地区生产总值二氧化碳排放降低"


@pytest.mark.parametrize(
    ("city", "value", "expected_status"),
    [
        pytest.param(None, 4.0, AWAIT_CITY, id="no-city-target"),
        pytest.param(3.0, 3.0, ON_TRACK, id="met-at-city-target"),
        pytest.param(3.0, 4.0, ON_TRACK, id="met-beyond"),
        pytest.param(3.0, 2.9, LAGGING, id="not-met"),
    ],
)
def test_external(city: float | None, value: float, expected_status: str) -> None:
    ind = make_indicator("落实市里下达指标", name=EXTERNAL_NAME)
    cities = () if city is None else (CityTarget(EXTERNAL_NAME, 2024, city),)
    j = judge(ind, {2024: value}, city_targets=cities)
    assert j.status == expected_status
    assert j.target_value == city


def test_external_city_target_of_another_year_is_not_used() -> None:
    ind = make_indicator("落实市里下达指标", name=EXTERNAL_NAME)
    j = judge(ind, {2024: 4.0}, city_targets=(CityTarget(EXTERNAL_NAME, 2023, 3.0),))
    assert j.status == AWAIT_CITY


# --- Qualitative ---------------------------------------------------------------------------------------------------

QUAL_NAME = "规划目标完成情况"


def test_qualitative_without_assessment_needs_a_person() -> None:
    j = judge(make_indicator("完成“十四五”规划目标", name=QUAL_NAME), {}, year=2024)
    assert j.status == MANUAL


@pytest.mark.parametrize("assessed", [AHEAD, ON_TRACK, LAGGING], ids=["ahead", "on-track", "lagging"])
def test_qualitative_takes_the_assessment(assessed: str) -> None:
    ind = make_indicator("完成“十四五”规划目标", name=QUAL_NAME, attribute="约束性")
    rows = (Assessment(QUAL_NAME, DISTRICT, 2024, assessed.label, note="按进度推进", assessor="区发展改革委"),)
    j = judge(ind, {}, year=2024, assessments=rows)
    assert j.status == assessed
    assert j.alert is (assessed == LAGGING)  # a binding qualitative target judged lagging is still a 预警


def test_qualitative_assessment_of_another_town_is_not_used() -> None:
    ind = make_indicator("完成“十四五”规划目标", name=QUAL_NAME)
    rows = (Assessment(QUAL_NAME, TOWN, 2024, AHEAD.label),)
    assert judge(ind, {}, year=2024, assessments=rows).status == MANUAL


# --- No data: None is 未填报, never 0 --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "values",
    [
        pytest.param({}, id="no-rows"),
        pytest.param({2023: None, 2024: None}, id="only-not-reported"),
    ],
)
@pytest.mark.parametrize(
    "target_text",
    ["30", "≥90", "6以内", "每年不少于2.3万人", "﹝15﹞", "与经济增长基本同步", "落实市里下达指标"],
    ids=["level", "at-least", "at-most", "yearly-floor", "cumulative", "relative", "external"],
)
def test_no_value_is_no_data(values: Values, target_text: str) -> None:
    """Were None read as 0, '6以内' would be met and a floor would lag: both are false statements."""
    j = judge(make_indicator(target_text, base_year=2022, base_value=10.0, reference=GDP), values)
    assert j.status == NO_DATA
    assert j.value is None
    assert j.alert is False


def test_latest_not_reported_falls_back_to_last_reported_value() -> None:
    """A 未填报 latest year must not be judged as a value of 0 (which would be 滞后)."""
    j = judge(make_indicator("30", base_year=2022, base_value=0.0), {2023: 12.0, 2024: None})
    assert (j.year, j.value) == (2023, 12.0)
    assert j.status == FASTER  # E(2023)=10, r=1.2


# --- Towns --------------------------------------------------------------------------------------------------------

def test_town_uses_its_own_series_and_not_the_district_base() -> None:
    """The plan's 基期值 is a district figure; applied to a town it would call 滞后 快于预期."""
    ind = make_indicator("30", base_year=2022, base_value=0.0)
    j = judge(ind, {2024: 5.0}, town=TOWN, town_values={TOWN: {2023: 20.0, 2024: 22.0}})
    assert (j.town, j.year, j.value) == (TOWN, 2024, 22.0)
    assert (j.base_year, j.base_value) == (2023, 20.0)
    assert j.expected == 25.0  # 20 + (30-20) * 1/2
    assert j.status == LAGGING  # r = 2/5; with the district base it would be 22/20 = 快于预期


def test_district_is_not_mixed_with_town_rows() -> None:
    ind = make_indicator("30", base_year=2022, base_value=0.0)
    j = judge(ind, {2024: 22.0}, town_values={TOWN: {2024: 1.0, 2025: 2.0}})
    assert (j.town, j.year, j.value, j.status) == (DISTRICT, 2024, 22.0, FASTER)


def test_town_with_one_value_does_not_borrow_district_base() -> None:
    ind = make_indicator("30", base_year=2022, base_value=0.0)
    j = judge(ind, {}, town=TOWN, town_values={TOWN: {2024: 22.0}})
    assert j.status == INSUFFICIENT


def test_town_without_values_is_no_data() -> None:
    ind = make_indicator("30", base_year=2022, base_value=0.0)
    j = judge(ind, {2024: 22.0}, town=TOWN)
    assert (j.status, j.value) == (NO_DATA, None)


# --- Trend arrows (SDG dashboard method) ---------------------------------------------------------------------------

def series(values: Values, name: str = NAME) -> list[Observation]:
    return [Observation(name, DISTRICT, y, v) for y, v in sorted(values.items())]


# Up: first 2022 = 0, target 30 -> 10 a year needed; observed over 2022-2024.
NEEDED = 10.0


@pytest.mark.parametrize(
    ("last", "arrow"),
    [
        pytest.param(2 * NEEDED * 1.0, "↑", id="ratio-at-one"),
        pytest.param(2 * NEEDED * 1.5, "↑", id="ratio-over-one"),
        pytest.param(2 * NEEDED * 0.99, "↗", id="ratio-just-under-one"),
        pytest.param(2 * NEEDED * status.TREND_HALF, "↗", id="ratio-at-half"),
        pytest.param(2 * NEEDED * 0.49, "→", id="ratio-just-under-half"),
        pytest.param(0.0, "→", id="standing-still"),
        pytest.param(-0.2, "↓", id="moving-away"),
    ],
)
def test_trend_up(last: float, arrow: str) -> None:
    assert trend(series({2022: 0.0, 2024: last}), parse("30"), up=True) == arrow


@pytest.mark.parametrize(
    ("last", "arrow"),
    [
        pytest.param(30.0 - 2 * NEEDED, "↑", id="ratio-at-one"),
        pytest.param(30.0 - 2 * NEEDED * status.TREND_HALF, "↗", id="ratio-at-half"),
        pytest.param(30.0 - 2 * NEEDED * 0.49, "→", id="ratio-just-under-half"),
        pytest.param(30.2, "↓", id="rising-is-moving-away"),
    ],
)
def test_trend_down(last: float, arrow: str) -> None:
    """Direction 越小越好: falling towards the target is progress, rising is ↓."""
    assert trend(series({2022: 30.0, 2024: last}), parse("0"), up=False) == arrow


def test_trend_uses_first_and_last_only() -> None:
    """A dip in the middle does not matter: (20-0)/2 = 10 a year is on pace."""
    assert trend(series({2022: 0.0, 2023: -5.0, 2024: 20.0}), parse("30"), up=True) == "↑"


@pytest.mark.parametrize(
    ("values", "target_text"),
    [
        pytest.param({2024: 20.0}, "30", id="single-value"),
        pytest.param({}, "30", id="no-value"),
        pytest.param({2023: 2.0, 2024: 2.6}, "每年不少于2.3万人", id="yearly-floor"),
        pytest.param({2023: 50.0, 2024: 60.0}, "完成“十四五”规划目标", id="qualitative"),
    ],
)
def test_trend_none(values: Values, target_text: str) -> None:
    assert trend(series(values), parse(target_text), up=True) is None


def test_evaluate_carries_trend_over_reported_values_only() -> None:
    """evaluate drops 未填报 rows before the trend: a None year must not break or bend the arrow."""
    j = judge(make_indicator("30", base_year=2022, base_value=0.0), {2022: 0.0, 2023: None, 2024: 10.0})
    assert j.trend == "↗"
    j = judge(make_indicator("30", direction=texts.DIRECTION_DOWN), {2022: 30.0, 2023: None, 2024: 31.0})
    assert j.trend == "↓"


# --- Cases found in review ----------------------------------------------------------------------------------------------


def test_a_fall_below_a_target_the_base_already_beat_is_lagging() -> None:
    """森林覆盖率: base 24 beats the target 14; a fall to 13 must be 滞后 (and 预警: 约束性), never 快于预期."""
    forest = make_indicator("14", name="森林覆盖率", base_year=2022, base_value=24.0, attribute="约束性")
    j = judge(forest, {2023: 20.0, 2024: 13.0})
    assert (j.status, j.alert) == (LAGGING, True)
    assert judge(forest, {2023: 20.0, 2024: 15.0}).status == AHEAD


def test_cumulative_at_the_end_of_the_window_needs_the_whole_amount() -> None:
    """3+3+3 reported for 2023–2025 is 9 of 15: at 2025 that is 滞后, whatever the pro rata of reported years says."""
    j = judge(cumulative_indicator(), {2023: 3.0, 2024: 3.0, 2025: 3.0})
    assert j.status == LAGGING and j.expected == 15.0
    assert "2021、2022年未填报" in j.reason


def test_an_assessment_later_than_the_last_value_counts() -> None:
    indicator = make_indicator("完成“十四五”规划目标", name="常住人口城镇化率")
    later = (Assessment(indicator.name, DISTRICT, 2025, LAGGING.label, "未完成", "区发展改革委"),)
    assert judge(indicator, {2023: 95.8, 2024: 95.9}, assessments=later).status == LAGGING
    assert judge(indicator, {2023: 95.8, 2024: 95.9}, assessments=later, year=2024).status == MANUAL
