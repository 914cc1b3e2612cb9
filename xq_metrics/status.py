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

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Mapping

from . import texts, units
from .model import Dataset, Indicator, Observation
from .numbers import fmt
from .targets import CUMULATIVE_FIRST_YEAR, TARGET_YEAR, Target, direction_up, parse

FASTER = 1.10  # progress at least 110% of the expected path
ON_TRACK = 0.90  # progress at least 90% of the expected path
RELATIVE_TOLERANCE = 1.0  # percentage points: "基本同步" means within ±1 point of the reference growth
TREND_HALF = 0.5  # ↗ when the observed rate is at least half of the rate needed


class Status(StrEnum):
    """A judgement as a code; the words an official reads come from the catalogue (texts.STATUS_LABELS)."""

    AHEAD = "ahead"
    FASTER = "faster"
    ON_TRACK = "on_track"
    LAGGING = "lagging"
    AWAIT_CITY = "await_city"
    MANUAL = "manual"
    INSUFFICIENT = "insufficient"  # a first year without a base: nothing to measure progress against yet
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return texts.STATUS_LABELS[self.value]

    @classmethod
    def from_label(cls, word: str) -> Status | None:
        """The status an official typed in 人工研判 (提前实现 …), or None: the workbook's words, whatever the
        page's language (the labels an official reads may be English)."""
        typed = {
            texts.STATUS_AHEAD: cls.AHEAD, texts.STATUS_FASTER: cls.FASTER, texts.STATUS_ON_TRACK: cls.ON_TRACK,
            texts.STATUS_LAGGING: cls.LAGGING,
        }
        return typed.get(word)


STATUS_ORDER: tuple[Status, ...] = tuple(Status)
# Statuses an official can give in 人工研判: the four of mid-term reviews.
ASSESSABLE = (Status.AHEAD, Status.FASTER, Status.ON_TRACK, Status.LAGGING)


@dataclass(frozen=True)
class Reason:
    """One sentence of a judgement's reason: a catalogue key and its figures, written out only when shown."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        words = {k: getattr(texts, v.key) if isinstance(v, Word) else v for k, v in self.params.items()}
        return getattr(texts, self.key).format(**words)


@dataclass(frozen=True)
class Word:
    """A word of the catalogue used inside a reason (达到 / 未达到), rendered in the reader's language."""

    key: str


@dataclass(frozen=True)
class Judgement:
    indicator: str
    town: str
    year: int | None  # the period judged; None when there is no value
    value: float | None
    status: Status
    reasons: tuple[Reason, ...] = ()
    alert: bool = False
    trend: str | None = None
    expected: float | None = None  # where the expected path stands in `year`
    target_value: float | None = None  # the number the value is held against (a town's share, a city target)
    base_year: int | None = None
    base_value: float | None = None
    ratio: float | None = None  # progress ratio r, where the rule uses one
    measured: float | None = None  # what is held against the target when it is not the latest value (累计)
    sample: bool = False  # a figure it rests on (value, base, city target, reference, assessment) is 示例

    @property
    def progress_value(self) -> float | None:
        return self.measured if self.measured is not None else self.value

    @property
    def reason(self) -> str:
        return "".join(r.text for r in self.reasons)

    @property
    def status_label(self) -> str:
        return self.status.label

    @property
    def cumulative(self) -> bool:
        return self.measured is not None


def evaluate(dataset: Dataset, indicator: Indicator, town: str = texts.DISTRICT, year: int | None = None) -> Judgement:
    """Status of one indicator for one town (or the district) in `year`, or in the latest year with a value."""
    target = parse(indicator.target_text)
    up = direction_up(indicator.name, indicator.direction, target)
    series = [o for o in dataset.series(indicator.name, town) if o.value is not None and (year is None or o.year <= year)]
    latest = series[-1] if series else None
    judged_year = latest.year if latest else year
    sample = [latest is not None and latest.sample]
    share: list[Reason] = []

    def result(status: Status, *reasons: Reason, **extra: object) -> Judgement:
        alert = indicator.binding and status == Status.LAGGING
        return Judgement(
            indicator.name, town, judged_year, latest.value if latest else None, status, (*reasons, *share), alert,
            trend=trend(series, target, up), sample=any(sample), **extra,  # type: ignore[arg-type]
        )

    if target.kind == "qualitative":
        # The latest assessment up to the year asked, whether or not a value was reported that year.
        manual = _assessment(dataset, indicator.name, town, year)
        assessed = Status.from_label(manual.status) if manual is not None else None
        if manual is not None and assessed is not None:
            sample.append(manual.sample)
            reason = Reason("REASON_ASSESSED", {
                "year": manual.year, "assessor": manual.assessor or Word("DEFAULT_ASSESSOR"), "note": manual.note,
            })
            return result(assessed, reason)
        return result(Status.MANUAL, Reason("REASON_QUALITATIVE"))
    if latest is None:
        return Judgement(indicator.name, town, year, None, Status.NO_DATA, (Reason("REASON_NO_VALUE"),))
    value = latest.value
    assert value is not None

    if target.kind == "external":
        city = dataset.index.city_targets.get((indicator.name, latest.year))
        if city is None:
            return result(Status.AWAIT_CITY, Reason("REASON_AWAIT_CITY", {"year": latest.year}))
        sample.append(city.sample)
        met = value >= city.value if up else value <= city.value
        reason = Reason("REASON_CITY", {
            "year": latest.year, "value": fmt(value), "verb": Word("REACHED" if met else "NOT_REACHED"),
            "target": fmt(city.value),
        })
        return result(Status.ON_TRACK if met else Status.LAGGING, reason, target_value=city.value)

    if target.kind == "relative":
        ref = dataset.index.references.get((indicator.reference, town, latest.year))
        if ref is None:
            return result(Status.NO_DATA, Reason("REASON_NO_REFERENCE", {
                "year": latest.year, "name": indicator.reference or Word("UNSPECIFIED"),
            }))
        sample.append(ref.sample)
        gap = value - ref.value
        if gap > RELATIVE_TOLERANCE:
            status = Status.FASTER
        elif gap >= -RELATIVE_TOLERANCE:
            status = Status.ON_TRACK
        else:
            status = Status.LAGGING
        return result(status, Reason("REASON_RELATIVE", {
            "year": latest.year, "value": fmt(value), "name": ref.name, "ref": fmt(ref.value), "gap": f"{gap:+.2f}",
            "tol": fmt(RELATIVE_TOLERANCE),
        }), target_value=ref.value)

    assert target.value is not None
    if town != texts.DISTRICT and is_additive(indicator):
        # The plan's figure is a district total; a town is held to its own share of it.
        found = town_share(dataset, indicator, town)
        if found is None:
            return result(Status.INSUFFICIENT, Reason("REASON_SHARE_MISSING"))
        year_of_share, fraction, district_sample = found
        sample.append(district_sample)
        share.append(Reason("REASON_SHARE", {
            "goal": fmt(target.value), "year": year_of_share, "share": f"{fraction:.1%}",
            "town_goal": fmt(target.value * fraction),
        }))
        target = replace(target, value=target.value * fraction)
    assert target.value is not None
    goal = target.value
    if target.kind == "yearly_floor":
        ratio = value / goal if goal else None
        status = _by_ratio(ratio) if value >= goal else Status.LAGGING
        reason = Reason("REASON_FLOOR", {"year": latest.year, "value": fmt(value), "goal": fmt(goal), "ratio": _pct(ratio)})
        return result(status, reason, target_value=goal, ratio=ratio)

    if target.kind == "cumulative":
        window = [o for o in series if CUMULATIVE_FIRST_YEAR <= o.year <= TARGET_YEAR]
        sample.extend(o.sample for o in window)
        total = sum(o.value for o in window if o.value is not None)
        span = TARGET_YEAR - CUMULATIVE_FIRST_YEAR + 1
        years = texts.SEP.join(str(o.year) for o in window)
        reported = {o.year for o in window}
        gaps = [y for y in range(CUMULATIVE_FIRST_YEAR, latest.year + 1) if y not in reported]
        gap_note = [Reason("REASON_CUMULATIVE_GAPS", {"missing": texts.SEP.join(map(str, gaps))})] if gaps else []
        # Pro rata to the years reported: an unreported year is neither counted as 0 nor as done.
        expected = goal * len(window) / span
        if total >= goal:
            reason = Reason("REASON_CUMULATIVE_MET", {"years": years, "total": fmt(total), "goal": fmt(goal)})
            return result(Status.AHEAD, reason, target_value=goal, expected=expected, measured=total)
        if latest.year >= TARGET_YEAR:
            # At the end of the window the whole five-year amount is due, however many years were reported.
            ratio = total / goal
            reason = Reason("REASON_CUMULATIVE_FINAL", {
                "years": years, "total": fmt(total), "final": TARGET_YEAR, "goal": fmt(goal), "ratio": _pct(ratio),
            })
            return result(
                Status.LAGGING, reason, *gap_note, target_value=goal, expected=goal, ratio=ratio, measured=total,
            )
        ratio = total / expected if expected else None
        reason = Reason("REASON_CUMULATIVE", {
            "years": years, "total": fmt(total), "per_year": fmt(goal / span), "n": len(window),
            "expected": fmt(expected), "ratio": _pct(ratio),
        })
        return result(
            _by_ratio(ratio), reason, *gap_note, target_value=goal, expected=expected, ratio=ratio, measured=total,
        )

    if target.met(value, up):
        word = Word("MET_LEVEL" if target.kind == "level" else "MET_BOUND")
        status = Status.ON_TRACK if target.kind in ("at_most", "below") else Status.AHEAD
        reason = Reason("REASON_MET", {"year": latest.year, "value": fmt(value), "word": word, "target": _goal_text(target, goal, share)})
        return result(status, reason, target_value=goal)
    if target.is_bound:
        reason = Reason("REASON_NOT_MET", {"year": latest.year, "value": fmt(value), "target": _goal_text(target, goal, share)})
        return result(Status.LAGGING, reason, target_value=goal)

    # A level target not yet reached: compare with the straight path from the base to 2025.
    base_year, base_value, base_sample = _base(indicator, town, series, latest)
    if base_year is None or base_value is None:
        # A first year without the plan's base: there is no path yet to measure it against.
        return result(Status.INSUFFICIENT, Reason("REASON_NO_BASE", {"year": latest.year}), target_value=goal)
    sample.append(base_sample)
    expected = base_value + (goal - base_value) * (latest.year - base_year) / (TARGET_YEAR - base_year)
    if target.met(base_value, up):
        # The base already met the target (or beat it: 森林覆盖率 24 against 14) and the value no longer does.
        # A straight path would run backwards here and call a fall 快于预期.
        reason = Reason("REASON_FELL_BELOW", {
            "base_year": base_year, "base": fmt(base_value), "year": latest.year, "value": fmt(value),
            "target": _goal_text(target, goal, share),
        })
        return result(
            Status.LAGGING, reason, expected=expected, target_value=goal, base_year=base_year, base_value=base_value,
        )
    ratio = (value - base_value) / (expected - base_value)
    reason = Reason("REASON_PATH", {
        "base_year": base_year, "base": fmt(base_value), "year": latest.year, "expected": fmt(expected),
        "value": fmt(value), "ratio": _pct(ratio),
    })
    return result(
        _by_ratio(ratio), reason, expected=expected, target_value=goal, base_year=base_year, base_value=base_value,
        ratio=ratio,
    )


def _goal_text(target: Target, goal: float, share: list[Reason]) -> str:
    """The target as written, or a town's share of it in figures (the sentence after it says how it was split)."""
    return fmt(goal) if share else target.text


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




def is_additive(indicator: Indicator) -> bool:
    """Town figures of a count add up to the district's, so the district target cannot apply to a town as is."""
    return indicator.unit in units.ADDITIVE


def town_share(dataset: Dataset, indicator: Indicator, town: str) -> tuple[int, float, bool] | None:
    """The town's share of the district in the earliest year both report (and whether either figure is 示例)."""
    district = {o.year: o for o in dataset.series(indicator.name) if o.value}
    for obs in dataset.series(indicator.name, town):
        if obs.value is not None and obs.year in district:
            total = district[obs.year]
            return obs.year, obs.value / total.value, obs.sample or total.sample  # type: ignore[operator]
    return None


def _base(
    indicator: Indicator, town: str, series: list[Observation], latest: Observation
) -> tuple[int | None, float | None, bool]:
    # The plan's 基期值 is a district figure; a town is measured from its own earliest value.
    if town == texts.DISTRICT and indicator.base_year is not None and indicator.base_value is not None and indicator.base_year < latest.year:
        return indicator.base_year, indicator.base_value, False
    earlier = [o for o in series if o.year < latest.year]
    return (earlier[0].year, earlier[0].value, earlier[0].sample) if earlier else (None, None, False)


def _by_ratio(ratio: float | None) -> Status:
    if ratio is None:
        return Status.ON_TRACK
    # 6.6 / 6.0 is 1.0999999999999999 in floating point; a person reads it as exactly 110%.
    ratio = round(ratio, 9)
    if ratio >= FASTER:
        return Status.FASTER
    if ratio >= ON_TRACK:
        return Status.ON_TRACK
    return Status.LAGGING


def _assessment(dataset: Dataset, indicator: str, town: str, year: int | None):
    rows = [a for a in dataset.index.assessments.get((indicator, town), ()) if year is None or a.year <= year]
    return max(rows, key=lambda a: a.year) if rows else None


def _pct(ratio: float | None) -> str:
    """109.8%, not a rounded 110% beside a 基本符合预期: the figure compared with the thresholds, as compared."""
    return "—" if ratio is None else f"{ratio:.1%}".replace(".0%", "%")
