"""What the overview shows for the current view: one card per indicator, for the chosen town(s) or the district,
the cards the in-page filters keep, and the headline counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import texts
from .filters import Filters
from .model import Dataset, Indicator
from .status import STATUS_ORDER, Judgement, Status, evaluate


CARDS_PER_PAGE = 12  # gauges per 类别 on one page of the overview: four rows of three (the plan's largest has 8)


@dataclass(frozen=True)
class Card:
    indicator: Indicator
    main: Judgement  # drawn as the gauge
    towns: tuple[Judgement, ...] = ()  # the chosen towns that report this indicator
    district_fallback: bool = False  # towns were chosen but none reports it: the district figure is shown


@dataclass(frozen=True)
class Counts:
    """The headline: statuses of the indicators judged on the view's own figures, and what is left out of them."""

    by_status: dict[Status, int]
    alerts: int
    counted: int  # cards in the counts
    district_shown: int  # with one town chosen: cards shown with the district's figures, not counted
    sample: int  # counted cards whose status rests on 示例 figures


def cards(dataset: Dataset, filters: Filters) -> list[Card]:
    """With one town chosen its own figures drive the gauge; with several, the district does and each town is listed."""
    result = []
    reported_towns = dataset.index.reported_towns
    for indicator in dataset.indicators:
        if not filters.keeps_indicator(indicator):
            continue
        reported = reported_towns.get(indicator.name, frozenset())
        towns = tuple(evaluate(dataset, indicator, t, filters.year) for t in filters.towns if t in reported)
        focus = filters.focus(reported)
        main = towns[0] if focus != texts.DISTRICT else evaluate(dataset, indicator, texts.DISTRICT, filters.year)
        fallback = bool(filters.towns) and not towns
        result.append(Card(indicator, main, towns, fallback))
    return result


def select(
    all_cards: list[Card], categories: list[str] = (), attributes: list[str] = (), statuses: list[Status] = ()  # type: ignore[assignment]
) -> list[Card]:
    """The cards the overview's own filters (类别, 属性, 状态) keep; an empty choice keeps all."""
    return [
        c for c in all_cards
        if (not categories or c.indicator.category in categories)
        and (not attributes or c.indicator.attribute in attributes)
        and (not statuses or c.main.status in statuses)
    ]


def counts(shown: list[Card], filters: Filters) -> Counts:
    """With one town chosen only the town's own indicators are counted: a district figure says nothing of it."""
    own = [c for c in shown if not (len(filters.towns) == 1 and c.district_fallback)]
    tally = Counter(c.main.status for c in own)
    return Counts(
        {s: tally.get(s, 0) for s in STATUS_ORDER}, sum(1 for c in own if c.main.alert), len(own),
        len(shown) - len(own), sum(1 for c in own if c.main.sample),
    )


def categories(dataset: Dataset) -> list[str]:
    return list(dict.fromkeys(i.category for i in dataset.indicators))
