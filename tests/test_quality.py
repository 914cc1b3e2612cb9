"""quality.flags_for: data-quality flags a person should look at.

A flag that fires on clean data trains people to ignore flags; one that stays quiet lets a typo into a report.
"""

from __future__ import annotations

import copy
from datetime import datetime

import pytest

from xq_metrics import texts
from xq_metrics.model import Dataset, Indicator, Observation, SourceInfo
from xq_metrics import quality
from xq_metrics.quality import JUMP_SHARE, Flag, flags_for

DISTRICT = texts.DISTRICT
TOWN = "杨柳青镇"

Values = dict[int, float | None]


def make_indicator(
    name: str = "常住人口城镇化率",
    target_text: str = "80",
    *,
    unit: str = "%",
    base_year: int | None = None,
    base_value: float | None = None,
    direction: str = "",
) -> Indicator:
    return Indicator(
        code=1, category="测试", name=name, unit=unit, target_text=target_text, attribute="预期性",
        direction=direction, base_year=base_year, base_value=base_value,
    )


def make_dataset(indicator: Indicator, values: Values | None = None, town: str = DISTRICT) -> Dataset:
    observations = tuple(Observation(indicator.name, town, y, v) for y, v in (values or {}).items())
    source = SourceInfo("测试", "test.xlsx", is_sample=True, loaded_at=datetime(2025, 1, 1))
    return Dataset(sources=(source,), indicators=(indicator,), observations=observations)


def flags(indicator: Indicator, values: Values | None = None, town: str = DISTRICT) -> list[Flag]:
    return flags_for(make_dataset(indicator, values, town), indicator)


def codes(found: list[Flag]) -> list[str]:
    return [f.code for f in found]


# --- Base and target ---------------------------------------------------------------------------------------------

def test_target_met_at_base() -> None:
    """Base 100, target 100: the indicator is 'achieved' before the plan starts; worth a look, not an error."""
    found = flags(make_indicator("城镇生活污水集中处理率", "100", base_year=2022, base_value=100.0))
    assert codes(found) == ["target_met_at_base"]
    assert (found[0].town, found[0].year) == (DISTRICT, 2022)


def test_target_behind_base() -> None:
    """森林覆盖率: base 24 but the plan's target reads 14: the target lies behind the base in its own direction."""
    found = flags(make_indicator("森林覆盖率", "14", base_year=2022, base_value=24.0))
    assert codes(found) == ["target_behind_base"]
    assert found[0].year == 2022


@pytest.mark.parametrize(
    ("target_text", "base", "direction"),
    [
        pytest.param("80", 70.0, "", id="level-ahead-of-base"),
        pytest.param("14", 24.0, texts.DIRECTION_DOWN, id="level-below-base-when-less-is-better"),
        pytest.param("﹝15﹞", 20.0, "", id="cumulative-not-compared-with-base"),
        pytest.param("每年不少于2.3万人", 2.5, "", id="yearly-floor-not-compared-with-base"),
    ],
)
def test_no_base_flag(target_text: str, base: float, direction: str) -> None:
    """Neither base flag may fire when the target is ahead of the base, or is a total or a yearly floor."""
    assert codes(flags(make_indicator("指标", target_text, base_year=2022, base_value=base, direction=direction))) == []


# --- Values out of range -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "unit", "value", "flagged"),
    [
        pytest.param("城镇生活污水集中处理率", "%", 100.5, True, id="rate-over-100"),
        pytest.param("城镇生活污水集中处理率", "%", 100.0, False, id="rate-at-100"),
        pytest.param("城镇生活污水集中处理率", "%", -0.1, True, id="rate-negative"),
        pytest.param("城镇新增就业人数", "万人", -0.5, True, id="negative-count"),
        pytest.param("城镇新增就业人数", "万人", 0.0, False, id="zero-count"),
        # A gross rate counts pupils of any age over the cohort: above 100 by definition.
        pytest.param("学前教育毛入园率", "%", 102.0, False, id="gross-rate-over-100"),
        pytest.param("地区生产总值增长", "亿元", -3.0, False, id="money-may-be-negative"),
    ],
)
def test_out_of_range(name: str, unit: str, value: float, flagged: bool) -> None:
    found = flags(make_indicator(name, "80", unit=unit), {2024: value})
    assert [(f.code, f.year) for f in found] == ([("out_of_range", 2024)] if flagged else [])


# --- Jumps between reported years -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("values", "jump_years"),
    [
        pytest.param({2023: 10.0, 2024: 15.0}, [], id="up-exactly-half-not-flagged"),
        pytest.param({2023: 10.0, 2024: 15.1}, [2024], id="up-over-half"),
        pytest.param({2023: 10.0, 2024: 5.0}, [], id="down-exactly-half-not-flagged"),
        pytest.param({2023: 10.0, 2024: 4.9}, [2024], id="down-over-half"),
        pytest.param({2022: 10.0, 2023: 12.0, 2024: 20.0}, [2024], id="compared-with-previous-not-first"),
        # The previous *reported* year: a 未填报 year in between is skipped, not read as 0.
        pytest.param({2022: 10.0, 2023: None, 2024: 14.0}, [], id="across-not-reported-small"),
        pytest.param({2022: 10.0, 2023: None, 2024: 16.0}, [2024], id="across-not-reported-big"),
    ],
)
def test_jump(values: Values, jump_years: list[int]) -> None:
    found = flags(make_indicator(), values)
    assert [f.year for f in found if f.code == "jump"] == jump_years


# --- Missing years -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("values", "missing"),
    [
        pytest.param({2022: 50.0, 2024: 55.0}, [2023], id="row-missing"),
        pytest.param({2022: 50.0, 2023: None, 2024: 55.0}, [2023], id="not-reported"),
        pytest.param({2022: 50.0, 2023: 52.0, 2024: 55.0}, [], id="complete"),
        # Only gaps *inside* the reported span: a series that simply has not started yet is not missing years.
        pytest.param({2023: None, 2024: 55.0}, [], id="leading-not-reported"),
        pytest.param({2023: 52.0, 2024: None}, [], id="trailing-not-reported"),
    ],
)
def test_missing_year(values: Values, missing: list[int]) -> None:
    found = flags(make_indicator(), values)
    assert [f.year for f in found if f.code == "missing_year"] == missing


def test_missing_year_reported_per_town() -> None:
    found = flags(make_indicator(), {2022: 50.0, 2024: 55.0}, town=TOWN)
    assert [(f.code, f.town, f.year) for f in found] == [("missing_year", TOWN, 2023)]


# --- Target text -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("target_text", "flagged"),
    [
        pytest.param("约7成", True, id="figure-no-form"),
        pytest.param("", True, id="empty"),
        pytest.param("完成“十四五”规划目标", False, id="words-only"),
        pytest.param("﹝15﹞", False, id="plan-cumulative"),
    ],
)
def test_target_unread(target_text: str, flagged: bool) -> None:
    found = flags(make_indicator("指标", target_text))
    assert codes(found) == (["target_unread"] if flagged else [])


# --- All together, and the data left alone ----------------------------------------------------------------------------

def test_clean_indicator_has_no_flags() -> None:
    ind = make_indicator("常住人口城镇化率", "80", base_year=2022, base_value=70.0)
    assert flags(ind, {2022: 70.0, 2023: 72.0, 2024: 74.0}) == []


def test_every_code_has_a_label() -> None:
    assert set(texts.FLAG_LABELS) == {
        "target_met_at_base", "target_behind_base", "out_of_range", "jump", "missing_year", "target_unread",
    }
    assert Flag("jump", "x", DISTRICT, 2024, "").label == f"较上期变动超过{JUMP_SHARE:.0%}"


def test_jump_label_states_the_threshold_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """The label is not a hard-coded 50%: it says whatever JUMP_SHARE the rule applies."""
    monkeypatch.setattr(quality, "JUMP_SHARE", 0.3)
    assert Flag("jump", "x", DISTRICT, 2024, "").label == "较上期变动超过30%"


def test_flags_never_change_the_data() -> None:
    """Flags are advice: the values judged and shown must be exactly what was reported."""
    ind = make_indicator("城镇生活污水集中处理率", "约7成", base_year=2022, base_value=100.0)
    dataset = make_dataset(ind, {2021: 10.0, 2022: 150.0, 2023: None, 2024: -5.0})
    before = copy.deepcopy(dataset)
    found = flags_for(dataset, ind)
    assert set(codes(found)) == {"target_unread", "out_of_range", "jump", "missing_year"}
    assert dataset == before
    assert [o.value for o in dataset.series(ind.name)] == [10.0, 150.0, None, -5.0]


@pytest.mark.parametrize(
    ("name", "unit", "value", "expected"),
    [
        ("常住人口城镇化率", "%", 100.0, True),
        ("常住人口城镇化率", "%", 100.5, False),  # a share above 100
        ("常住人口城镇化率", "%", -0.1, False),
        ("学前教育毛入园率", "%", 104.0, True),  # a gross rate may pass 100
        ("地区生产总值增长", "%", -3.0, True),  # a growth in % is no share
        ("城镇新增就业", "人", 0.0, True),
        ("城镇新增就业", "万人", -1.0, False),  # a count is never negative
        ("城镇新增就业", "万人", float("inf"), True),
        ("一般公共预算收入", "亿元", -2.0, True),  # an amount may be negative
        ("一般公共预算收入", "亿元", float("nan"), True),  # unbounded: nothing to check
        ("常住人口城镇化率", "%", float("nan"), False),
    ],
)
def test_a_figure_is_plausible_within_its_indicators_range(name: str, unit: str, value: float, expected: bool) -> None:
    indicator = make_indicator(name=name, unit=unit)
    assert quality.plausible(indicator, value) is expected
    bounds = quality.plausible_range(indicator)
    assert (bounds is None or bounds[0] <= value <= bounds[1]) is expected  # what checks._magnitudes asks
