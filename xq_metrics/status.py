"""Is an indicator on track? Status in the vocabulary of plan mid-term reviews, with a reason a person can check.

The rules (also shown on the 口径说明 page, generated from the constants here):
- progress ratio r = actual progress / expected progress, where the expected path runs straight from the
  base (the plan's 基期值, else the earliest reported value) to the 2025 target; for a five-year cumulative
  target the expected amount is pro rata to the years reported; for a yearly floor r = value / floor.
- target reached -> 提前实现; r >= FASTER -> 快于预期; r >= ON_TRACK -> 基本符合预期; else 滞后.
- a bound (>90, 6以内) is judged by the bound itself; a lagging 约束性 indicator is a 预警.
- trend arrows compare the observed annual change with the change needed per year (SDG dashboard method).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import texts
from .model import Dataset, Indicator, Observation
from .numbers import fmt
from .targets import CUMULATIVE_FIRST_YEAR, TARGET_YEAR, Target, direction_up, parse

FASTER = 1.10  # progress at least 110% of the expected path
ON_TRACK = 0.90  # progress at least 90% of the expected path
RELATIVE_TOLERANCE = 1.0  # percentage points: "基本同步" means within ±1 point of the reference growth
TREND_HALF = 0.5  # ↗ when the observed rate is at least half of the rate needed


@dataclass(frozen=True)
class Judgement:
    indicator: str
    town: str
    year: int | None  # the period judged; None when there is no value
    value: float | None
    status: str
    reason: str
    alert: bool = False
    trend: str | None = None
    expected: float | None = None  # where the expected path stands in `year`
    target_value: float | None = None  # the number the value is held against (a city target for external)
    base_year: int | None = None
    base_value: float | None = None
    ratio: float | None = None  # progress ratio r, where the rule uses one
    measured: float | None = None  # what is held against the target when it is not the latest value (累计)

    @property
    def progress_value(self) -> float | None:
        return self.measured if self.measured is not None else self.value


def evaluate(dataset: Dataset, indicator: Indicator, town: str = texts.DISTRICT, year: int | None = None) -> Judgement:
    """Status of one indicator for one town (or the district) in `year`, or in the latest year with a value."""
    target = parse(indicator.target_text)
    up = direction_up(indicator.name, indicator.direction, target)
    series = [o for o in dataset.series(indicator.name, town) if o.value is not None and (year is None or o.year <= year)]
    latest = series[-1] if series else None
    judged_year = latest.year if latest else year

    share_note = ""

    def result(status: str, reason: str, **extra: object) -> Judgement:
        alert = indicator.binding and status == texts.STATUS_LAGGING
        return Judgement(
            indicator.name, town, judged_year, latest.value if latest else None, status, reason + share_note, alert,
            trend=trend(series, target, up), **extra,  # type: ignore[arg-type]
        )

    if target.kind == "qualitative":
        # The latest assessment up to the year asked, whether or not a value was reported that year.
        manual = _assessment(dataset, indicator.name, town, year)
        if manual is not None:
            reason = texts.REASON_ASSESSED.format(
                year=manual.year, assessor=manual.assessor or texts.DEFAULT_ASSESSOR, note=manual.note
            )
            return result(manual.status, reason.rstrip("："))
        return result(texts.STATUS_MANUAL, texts.REASON_QUALITATIVE)
    if latest is None:
        return Judgement(indicator.name, town, year, None, texts.STATUS_NO_DATA, texts.REASON_NO_VALUE)
    value = latest.value
    assert value is not None

    if target.kind == "external":
        city = next((t for t in dataset.city_targets if t.indicator == indicator.name and t.year == latest.year), None)
        if city is None:
            return result(texts.STATUS_AWAIT_CITY, texts.REASON_AWAIT_CITY.format(year=latest.year))
        met = value >= city.value if up else value <= city.value
        status = texts.STATUS_ON_TRACK if met else texts.STATUS_LAGGING
        reason = texts.REASON_CITY.format(
            year=latest.year, value=fmt(value), verb=texts.REACHED if met else texts.NOT_REACHED, target=fmt(city.value)
        )
        return result(status, reason, target_value=city.value)

    if target.kind == "relative":
        ref = next(
            (r for r in dataset.references if r.name == indicator.reference and r.town == town and r.year == latest.year),
            None,
        )
        if ref is None:
            return result(
                texts.STATUS_NO_DATA,
                texts.REASON_NO_REFERENCE.format(year=latest.year, name=indicator.reference or texts.UNSPECIFIED),
            )
        gap = value - ref.value
        if gap > RELATIVE_TOLERANCE:
            status = texts.STATUS_FASTER
        elif gap >= -RELATIVE_TOLERANCE:
            status = texts.STATUS_ON_TRACK
        else:
            status = texts.STATUS_LAGGING
        return result(
            status,
            texts.REASON_RELATIVE.format(
                year=latest.year, value=fmt(value), name=ref.name, ref=fmt(ref.value), gap=f"{gap:+.2f}",
                tol=fmt(RELATIVE_TOLERANCE),
            ),
            target_value=ref.value,
        )

    assert target.value is not None
    if town != texts.DISTRICT and is_additive(indicator):
        # The plan's figure is a district total; a town is held to its own share of it.
        share = town_share(dataset, indicator, town)
        if share is None:
            return result(texts.STATUS_MANUAL, texts.REASON_SHARE_MISSING)
        year_of_share, fraction = share
        share_note = texts.REASON_SHARE.format(
            goal=fmt(target.value), year=year_of_share, share=f"{fraction:.1%}", town_goal=fmt(target.value * fraction)
        )
        target = replace(target, value=target.value * fraction)
    assert target.value is not None
    goal = target.value
    if target.kind == "yearly_floor":
        ratio = value / goal if goal else None
        status = _by_ratio(ratio) if value >= goal else texts.STATUS_LAGGING
        reason = texts.REASON_FLOOR.format(year=latest.year, value=fmt(value), goal=fmt(goal), ratio=_pct(ratio))
        return result(status, reason, target_value=goal, ratio=ratio)

    if target.kind == "cumulative":
        window = [o for o in series if CUMULATIVE_FIRST_YEAR <= o.year <= TARGET_YEAR]
        total = sum(o.value for o in window if o.value is not None)
        span = TARGET_YEAR - CUMULATIVE_FIRST_YEAR + 1
        years = "、".join(str(o.year) for o in window)
        reported = {o.year for o in window}
        gaps = [y for y in range(CUMULATIVE_FIRST_YEAR, latest.year + 1) if y not in reported]
        gap_note = texts.REASON_CUMULATIVE_GAPS.format(missing="、".join(map(str, gaps))) if gaps else ""
        # Pro rata to the years reported: an unreported year is neither counted as 0 nor as done.
        expected = goal * len(window) / span
        if total >= goal:
            reason = texts.REASON_CUMULATIVE_MET.format(years=years, total=fmt(total), goal=fmt(goal))
            return result(texts.STATUS_AHEAD, reason, target_value=goal, expected=expected, measured=total)
        if latest.year >= TARGET_YEAR:
            # At the end of the window the whole five-year amount is due, however many years were reported.
            ratio = total / goal
            reason = texts.REASON_CUMULATIVE_FINAL.format(
                years=years, total=fmt(total), final=TARGET_YEAR, goal=fmt(goal), ratio=_pct(ratio)
            )
            return result(texts.STATUS_LAGGING, reason + gap_note, target_value=goal, expected=goal, ratio=ratio, measured=total)
        ratio = total / expected if expected else None
        reason = texts.REASON_CUMULATIVE.format(
            years=years, total=fmt(total), per_year=fmt(goal / span), n=len(window), expected=fmt(expected),
            ratio=_pct(ratio),
        )
        return result(
            _by_ratio(ratio), reason + gap_note, target_value=goal, expected=expected, ratio=ratio, measured=total,
        )

    if target.met(value, up):
        word = texts.MET_LEVEL if target.kind == "level" else texts.MET_BOUND
        status = texts.STATUS_ON_TRACK if target.kind in ("at_most", "below") else texts.STATUS_AHEAD
        reason = texts.REASON_MET.format(year=latest.year, value=fmt(value), word=word, target=target.text)
        return result(status, reason, target_value=goal)
    if target.is_bound:
        reason = texts.REASON_NOT_MET.format(year=latest.year, value=fmt(value), target=target.text)
        return result(texts.STATUS_LAGGING, reason, target_value=goal)

    # A level target not yet reached: compare with the straight path from the base to 2025.
    base_year, base_value = _base(indicator, town, series, latest)
    if base_year is None or base_value is None:
        return result(texts.STATUS_MANUAL, texts.REASON_NO_BASE, target_value=goal)
    expected = base_value + (goal - base_value) * (latest.year - base_year) / (TARGET_YEAR - base_year)
    if target.met(base_value, up):
        # The base already met the target (or beat it: 森林覆盖率 24 against 14) and the value no longer does.
        # A straight path would run backwards here and call a fall 快于预期.
        reason = texts.REASON_FELL_BELOW.format(
            base_year=base_year, base=fmt(base_value), year=latest.year, value=fmt(value), target=target.text
        )
        return result(
            texts.STATUS_LAGGING, reason, expected=expected, target_value=goal, base_year=base_year, base_value=base_value,
        )
    ratio = (value - base_value) / (expected - base_value)
    reason = texts.REASON_PATH.format(
        base_year=base_year, base=fmt(base_value), year=latest.year, expected=fmt(expected), value=fmt(value),
        ratio=_pct(ratio),
    )
    return result(
        _by_ratio(ratio), reason, expected=expected, target_value=goal, base_year=base_year, base_value=base_value,
        ratio=ratio,
    )


def evaluate_all(dataset: Dataset, town: str = texts.DISTRICT, year: int | None = None) -> list[Judgement]:
    return [evaluate(dataset, indicator, town, year) for indicator in dataset.indicators]


def trend(series: list[Observation], target: Target, up: bool) -> str | None:
    """↑ on or above the annual change needed, ↗ at least half of it, → less, ↓ moving away (SDG method)."""
    if target.value is None or target.kind == "yearly_floor" or len(series) < 2:
        return None
    first, last = series[0], series[-1]
    assert first.value is not None and last.value is not None
    years = last.year - first.year
    if years <= 0:
        return None
    sign = 1 if up else -1
    if target.kind == "cumulative":
        observed = sum(o.value for o in series if o.value is not None) / len(series)
        needed = target.value / (TARGET_YEAR - CUMULATIVE_FIRST_YEAR + 1)
    else:
        observed = sign * (last.value - first.value) / years
        remaining = TARGET_YEAR - first.year
        needed = sign * (target.value - first.value) / remaining if remaining > 0 else 0.0
    if observed < 0:
        return "↓"
    if needed <= 0:
        return "↑"  # already at the target when the series began, and not moving away
    ratio = observed / needed
    if ratio >= 1:
        return "↑"
    if ratio >= TREND_HALF:
        return "↗"
    return "→"


ADDITIVE_UNITS = ("人", "万人", "户", "万户", "亿元", "万元", "元", "个", "家", "座")


def is_additive(indicator: Indicator) -> bool:
    """Town figures of a count add up to the district's, so the district target cannot apply to a town as is."""
    return indicator.unit in ADDITIVE_UNITS


def town_share(dataset: Dataset, indicator: Indicator, town: str) -> tuple[int, float] | None:
    """The town's share of the district in the earliest year both report."""
    district = {o.year: o.value for o in dataset.series(indicator.name) if o.value}
    for obs in dataset.series(indicator.name, town):
        if obs.value is not None and obs.year in district:
            return obs.year, obs.value / district[obs.year]
    return None


def _base(
    indicator: Indicator, town: str, series: list[Observation], latest: Observation
) -> tuple[int | None, float | None]:
    # The plan's 基期值 is a district figure; a town is measured from its own earliest value.
    if town == texts.DISTRICT and indicator.base_year is not None and indicator.base_value is not None and indicator.base_year < latest.year:
        return indicator.base_year, indicator.base_value
    earlier = [o for o in series if o.year < latest.year]
    return (earlier[0].year, earlier[0].value) if earlier else (None, None)


def _by_ratio(ratio: float | None) -> str:
    if ratio is None:
        return texts.STATUS_ON_TRACK
    # 6.6 / 6.0 is 1.0999999999999999 in floating point; a person reads it as exactly 110%.
    ratio = round(ratio, 9)
    if ratio >= FASTER:
        return texts.STATUS_FASTER
    if ratio >= ON_TRACK:
        return texts.STATUS_ON_TRACK
    return texts.STATUS_LAGGING


def _assessment(dataset: Dataset, indicator: str, town: str, year: int | None):
    rows = [a for a in dataset.assessments if a.indicator == indicator and a.town == town and (year is None or a.year <= year)]
    return max(rows, key=lambda a: a.year) if rows else None




def _pct(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio:.0%}"
