"""Everything the indicator page shows about one indicator, as plain rows: the page only lays them out.

The history is judged here, once, and handed to the chart: for a town it is held to the town's share of the target
(path, target line and status alike), and a five-year cumulative target (﹝15﹞) is shown as the running total
against the cumulative path, with each year's own figure as a second series.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from .filters import Filters
from .model import Dataset, Indicator, plan_place
from .numbers import fmt, format_value
from .quality import flags_for
from .status import Judgement, Status, evaluate
from .targets import CUMULATIVE_FIRST_YEAR, TARGET_YEAR, direction_up, parse


@dataclass(frozen=True)
class HistoryPoint:
    year: int
    value: float | None  # the year's own figure
    measured: float | None  # what is judged: the figure, or the running total of a five-year target
    status: Status
    alert: bool
    sample: bool
    source: str
    expected: float | None  # where the expected path stands that year (cumulative for a five-year target)


@dataclass(frozen=True)
class History:
    points: tuple[HistoryPoint, ...]
    latest: Judgement
    cumulative: bool
    path: tuple[tuple[int, float], ...]  # the expected path: base -> target, or the five-year target pro rata
    target: float | None  # the line the figures aim at (a town's share of a district total)
    base: tuple[int, float] | None  # the plan's 2022 figure or the town's first year, drawn where the path starts


def history(dataset: Dataset, indicator: Indicator, town: str = texts.DISTRICT, until: int | None = None) -> History | None:
    target = parse(indicator.target_text)
    series = [
        o for o in dataset.series(indicator.name, town) if o.value is not None and (until is None or o.year <= until)
    ]
    if not series:
        return None
    latest = evaluate(dataset, indicator, town, until)
    cumulative = target.kind == "cumulative"
    points = []
    for obs in series:
        j = evaluate(dataset, indicator, town, obs.year)
        points.append(HistoryPoint(
            obs.year, obs.value, j.progress_value if cumulative else obs.value, j.status, j.alert, obs.sample,
            obs.source, j.expected,
        ))
    path: tuple[tuple[int, float], ...] = ()
    goal = latest.target_value
    base = (latest.base_year, latest.base_value) if latest.base_year is not None and latest.base_value is not None else None
    if cumulative and goal is not None:
        span = TARGET_YEAR - CUMULATIVE_FIRST_YEAR + 1
        path = tuple((y, goal * (y - CUMULATIVE_FIRST_YEAR + 1) / span) for y in range(CUMULATIVE_FIRST_YEAR, TARGET_YEAR + 1))
    elif target.kind == "level" and base is not None and goal is not None:
        path = (base, (TARGET_YEAR, goal))
    if target.kind in ("relative", "qualitative"):
        goal = None
    return History(tuple(points), latest, cumulative, path, goal, base)


@dataclass(frozen=True)
class IndicatorDetail:
    indicator: Indicator
    judgement: Judgement
    town: str  # whose series is shown: one chosen town, or the district
    district_fallback: bool  # towns were chosen but none reports this indicator
    target_reading: str
    target_for_town: str  # "" for the district; the town's share of a district total, in words
    direction: str
    place: str
    base: str
    history: History | None
    rows: list[dict[str, object]]  # one per reported year
    flags: list[dict[str, object]]
    towns: list[dict[str, object]]  # latest status per town
    facts: list[dict[str, object]]  # 第一章 figures linked to the indicator


def indicator_detail(dataset: Dataset, indicator: Indicator, filters: Filters = Filters()) -> IndicatorDetail:
    target = parse(indicator.target_text)
    up = direction_up(indicator.name, indicator.direction, target)
    reading = target.kind_label + (f" {target.value:g}" if target.value is not None else "")
    if not target.understood:
        reading += texts.TARGET_UNREAD_NOTE
    section = next(
        (s for s in dataset.sections if s.chapter == indicator.chapter and s.section == indicator.section), None
    )
    place = section.label if section else (plan_place(indicator.chapter) if indicator.chapter else "—")
    if indicator.base_value is not None:
        base = texts.BASE_VALUE.format(year=indicator.base_year, value=indicator.base_value, unit=indicator.unit)
        base += f"{texts.PAREN_OPEN}{indicator.base_note}{texts.PAREN_CLOSE}" if indicator.base_note else ""
    else:
        base = indicator.base_note or "—"

    reported = dataset.index.reported_towns.get(indicator.name, frozenset())
    focus = filters.focus(reported)
    shown = history(dataset, indicator, focus, filters.year)
    judgement = shown.latest if shown else evaluate(dataset, indicator, focus, filters.year)
    for_town = ""
    if focus != texts.DISTRICT and judgement.target_value is not None and target.value is not None and target.kind not in (
        "relative", "external", "qualitative"
    ) and judgement.target_value != target.value:
        for_town = texts.TOWN_TARGET.format(town=focus, value=format_value(judgement.target_value, indicator.unit))
    rows = [_row(p, indicator, shown.cumulative) for p in shown.points] if shown else []
    flags = [
        {texts.DETAIL_COL_FLAG: f.label, texts.DETAIL_COL_TOWN: f.town, texts.DETAIL_COL_YEAR: f.year,
         texts.DETAIL_COL_NOTE: f.detail}
        for f in flags_for(dataset, indicator)
    ]
    towns = []
    for town in dataset.towns:
        if town.name not in reported or (filters.towns and town.name not in filters.towns):
            continue
        j = evaluate(dataset, indicator, town.name, filters.year)
        towns.append({
            texts.DETAIL_COL_TOWN: town.name,
            texts.DETAIL_COL_LATEST_YEAR: j.year,
            texts.DETAIL_COL_LATEST: format_value(j.value, indicator.unit),
            texts.DETAIL_COL_STATUS: status_text(j),
            texts.DETAIL_COL_REASON: j.reason,
        })
    facts = [
        {texts.DETAIL_COL_NAME: f.name, texts.DETAIL_COL_YEAR: f.year, texts.DETAIL_COL_VALUE: f.value,
         texts.DETAIL_COL_UNIT: f.unit, texts.DETAIL_COL_QUOTE: f.quote}
        for f in dataset.facts if f.indicator == indicator.code
    ]
    return IndicatorDetail(
        indicator, judgement, focus, bool(filters.towns) and focus == texts.DISTRICT, reading, for_town,
        texts.DIRECTION_UP if up else texts.DIRECTION_DOWN, place, base, shown, rows, flags, towns, facts,
    )


def status_text(j: Judgement) -> str:
    """The status in words, with 预警 and the 示例 mark where they apply: never colour alone."""
    words = f"{texts.ALERT}·{j.status_label}" if j.alert else j.status_label
    return f"{words}{texts.PAREN_OPEN}{texts.SAMPLE}{texts.PAREN_CLOSE}" if j.sample else words


def _row(point: HistoryPoint, indicator: Indicator, cumulative: bool) -> dict[str, object]:
    row: dict[str, object] = {
        texts.DETAIL_COL_YEAR: point.year,
        texts.DETAIL_COL_VALUE: format_value(point.value, indicator.unit),
    }
    if cumulative:
        row[texts.DETAIL_COL_CUMULATIVE] = format_value(point.measured, indicator.unit)
    row[texts.DETAIL_COL_EXPECTED] = "—" if point.expected is None else fmt(point.expected)
    words = f"{texts.ALERT}·{point.status.label}" if point.alert else point.status.label
    row[texts.DETAIL_COL_STATUS] = words
    row[texts.DETAIL_COL_SAMPLE] = texts.SAMPLE if point.sample else ""
    row[texts.DETAIL_COL_SOURCE] = point.source
    return row
