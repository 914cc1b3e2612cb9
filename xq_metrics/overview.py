"""What the overview shows for the current view: one card per indicator, for the chosen town(s) or the district."""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from .filters import Filters
from .model import Dataset, Indicator
from .status import Judgement, evaluate


@dataclass(frozen=True)
class Card:
    indicator: Indicator
    main: Judgement  # drawn as the gauge
    towns: tuple[Judgement, ...] = ()  # the chosen towns that report this indicator
    district_fallback: bool = False  # towns were chosen but none reports it: the district figure is shown


def cards(dataset: Dataset, filters: Filters) -> list[Card]:
    """With one town chosen its own figures drive the gauge; with several, the district does and each town is listed."""
    result = []
    for indicator in dataset.indicators:
        if not filters.keeps_indicator(indicator):
            continue
        reported = {o.town for o in dataset.observations if o.indicator == indicator.name and o.value is not None}
        towns = tuple(evaluate(dataset, indicator, t, filters.year) for t in filters.towns if t in reported)
        if len(filters.towns) == 1 and towns:
            main = towns[0]
        else:
            main = evaluate(dataset, indicator, texts.DISTRICT, filters.year)
        fallback = bool(filters.towns) and not towns
        result.append(Card(indicator, main, towns, fallback))
    return result
