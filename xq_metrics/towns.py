"""The town view: every town's status and value per indicator, ranked comparisons and a town profile.

Towns come from the data set (the plan's 11 by default); only their places on the schematic tile map are
presentation hints kept here, and a town the hints do not know is still shown, in an extra row.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import texts
from .filters import Filters
from .model import Dataset, Indicator, Project, Town
from .money import investment_text
from .status import Judgement, evaluate
from .targets import direction_up, parse

# (column, row) on a schematic grid, west -> east and north -> south, roughly as the towns lie. Not a boundary map.
TILE_POSITIONS: dict[str, tuple[int, int]] = {
    "辛口镇": (0, 1),
    "杨柳青镇": (1, 0),
    "中北镇": (2, 0),
    "西营门街": (3, 0),
    "张家窝镇": (1, 1),
    "赤龙北街": (3, 1),
    "李七庄街": (2, 1),
    "津门湖街": (4, 1),
    "精武镇": (1, 2),
    "大寺镇": (2, 2),
    "赤龙南街": (3, 2),
    "王稳庄镇": (2, 3),
}
GRID_COLUMNS = 5
# What one page of 街镇 shows of a long list (issue 13); the plan's 5 town indicators and its projects fit.
HEATMAP_INDICATORS = 8  # columns of the heat map: every wrapped name still shown on a 1,400 px screen
PROFILE_INDICATORS = 20  # lines of a town's indicator statuses
PROFILE_PROJECTS = 50  # rows of a town's projects, the largest by investment


@dataclass(frozen=True)
class Tile:
    town: str
    column: int
    row: int
    kind: str
    judgement: Judgement | None  # None when no indicator is chosen for colouring


def tiles(dataset: Dataset, indicator: Indicator | None, year: int | None = None) -> list[Tile]:
    placed = [t for t in dataset.towns if t.name in TILE_POSITIONS]
    extra_row = max((TILE_POSITIONS[t.name][1] for t in placed), default=-1) + 1
    result = []
    unplaced = 0
    for town in dataset.towns:
        if town.name in TILE_POSITIONS:
            column, row = TILE_POSITIONS[town.name]
        else:
            column, row = unplaced % GRID_COLUMNS, extra_row + unplaced // GRID_COLUMNS
            unplaced += 1
        j = evaluate(dataset, indicator, town.name, year) if indicator else None
        result.append(Tile(town.name, column, row, town.kind, j))
    return result


def town_indicators(dataset: Dataset, filters: Filters) -> list[Indicator]:
    """Indicators some town reports, within the chosen chapters: the only ones a town comparison can show."""
    reported = dataset.index.town_reported
    return [i for i in dataset.indicators if i.name in reported and filters.keeps_indicator(i)]


def shown_towns(dataset: Dataset, filters: Filters) -> list[Town]:
    return [t for t in dataset.towns if not filters.towns or t.name in filters.towns]


def matrix(dataset: Dataset, filters: Filters, indicators: list[Indicator] | None = None) -> list[Judgement]:
    """Town x indicator judgements for the heat map (无数据 cells included, so gaps are visible): of `indicators`
    (the page of them shown), else of every indicator some town reports."""
    chosen = town_indicators(dataset, filters) if indicators is None else indicators
    return [
        evaluate(dataset, indicator, town.name, filters.year)
        for town in shown_towns(dataset, filters)
        for indicator in chosen
    ]


def ranking(dataset: Dataset, indicator: Indicator, filters: Filters) -> tuple[list[Judgement], Judgement]:
    """Every town with a value for one indicator, best first in the indicator's direction, and the district value.

    All towns, whatever the 镇街 filter: a chosen town is highlighted among the others, so its rank is not lost."""
    up = direction_up(indicator.name, indicator.direction, parse(indicator.target_text))
    rows = [evaluate(dataset, indicator, t.name, filters.year) for t in dataset.towns]
    rows = [j for j in rows if j.value is not None]
    rows.sort(key=lambda j: j.value or 0.0, reverse=up)
    return rows, evaluate(dataset, indicator, texts.DISTRICT, filters.year)


@dataclass(frozen=True)
class Profile:
    town: Town
    projects: list[Project]
    judgements: list[Judgement]

    def project_rows(self, projects: list[Project] | None = None) -> list[dict[str, object]]:
        """Rows of the town's projects table: all of them, or the ones given (a long list's largest)."""
        return [
            {texts.COL_CODE: p.code, texts.TOWN_PROJECT_COL_NAME: p.name,
             texts.COL_BOX: texts.BOX_LABEL.format(box=p.box, title=p.box_title),
             texts.COL_TOTAL: investment_text(p)}
            for p in (self.projects if projects is None else projects)
        ]


def profile(dataset: Dataset, town_name: str, filters: Filters) -> Profile:
    town = next(t for t in dataset.towns if t.name == town_name)
    projects = [p for p in dataset.projects if town_name in p.towns and filters.in_plan_place(p.chapter, p.section)]
    judgements = [
        evaluate(dataset, i, town_name, filters.year) for i in town_indicators(dataset, filters)
    ]
    return Profile(town, projects, [j for j in judgements if j.value is not None])
