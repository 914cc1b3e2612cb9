"""The town view: tiles from the data, heat map cells, ranking and profile under filters."""

from __future__ import annotations

from dataclasses import replace

from xq_metrics import charts, texts
from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters
from xq_metrics.model import Town
from xq_metrics.status import Status, evaluate, town_share
from xq_metrics.towns import TILE_POSITIONS, matrix, profile, ranking, tiles, town_indicators

DATA = load_default().dataset


def test_every_town_gets_a_tile_and_an_unknown_one_an_extra_row() -> None:
    grown = replace(DATA, towns=(*DATA.towns, Town("新设街", aliases=("新设街道",))))
    placed = tiles(grown, None)
    assert [t.town for t in placed] == [t.name for t in grown.towns]
    extra = next(t for t in placed if t.town == "新设街")
    assert extra.row == 1 + max(r for name, (_, r) in TILE_POSITIONS.items() if name in {t.name for t in DATA.towns})
    assert len({(t.column, t.row) for t in placed}) == len(placed)  # no two towns on one tile


def test_town_indicators_are_the_ones_towns_report() -> None:
    names = [i.name for i in town_indicators(DATA, Filters())]
    assert names == ["学前三年毛入园率", "基本养老保险参保人数", "城镇新增就业", "城市公园绿地服务半径覆盖率", "城镇生活垃圾无害化处理率"]
    assert town_indicators(DATA, Filters(chapters=(8,))) == []


def test_matrix_covers_chosen_towns_and_shows_gaps() -> None:
    cells = matrix(DATA, Filters(towns=("津门湖街", "赤龙南街")))
    assert {j.town for j in cells} == {"津门湖街", "赤龙南街"}
    assert len(cells) == 2 * 5
    park_2023 = evaluate(DATA, DATA.indicator("城市公园绿地服务半径覆盖率"), "津门湖街", 2023)
    assert park_2023.status == Status.NO_DATA  # the sample leaves this cell 未填报


def test_ranking_is_best_first_with_district_reference() -> None:
    indicator = DATA.indicator("学前三年毛入园率")
    rows, district = ranking(DATA, indicator, Filters())
    values = [j.value for j in rows]
    assert values == sorted(values, reverse=True)
    assert district.town == texts.DISTRICT and district.value is not None
    chart = charts.ranking_bar(indicator, rows, district).to_dict()
    assert len(chart["layer"]) == 3


def test_additive_indicator_is_split_by_the_towns_share() -> None:
    indicator = DATA.indicator("基本养老保险参保人数")
    year, share, _ = town_share(DATA, indicator, "杨柳青镇")
    j = evaluate(DATA, indicator, "杨柳青镇")
    assert year == 2023 and 0 < share < 1
    assert abs(j.target_value - 23.32 * share) < 1e-9
    assert "分解" in j.reason
    rate = evaluate(DATA, DATA.indicator("学前三年毛入园率"), "杨柳青镇")
    assert rate.target_value == 90  # a share of a rate makes no sense: the district target applies


def test_profile_lists_the_towns_projects_within_the_chapter_filter() -> None:
    whole = profile(DATA, "杨柳青镇", Filters())
    assert whole.town.kind == "历史文化名镇"
    assert {p.code for p in whole.projects} == {"1-3", "2-1", "4-8"}
    assert {p.code for p in profile(DATA, "杨柳青镇", Filters(chapters=(3,))).projects} == {"1-3", "2-1"}


def test_tile_map_and_heatmap_specs_build() -> None:
    indicator = DATA.indicator("学前三年毛入园率")
    spec = charts.tile_map(tiles(DATA, indicator), indicator, "杨柳青镇").to_dict()
    assert [p["name"] for p in spec["params"]] == ["town"]  # the click selection the page listens to
    heat = charts.status_heatmap(matrix(DATA, Filters()), town_indicators(DATA, Filters())).to_dict()
    # Towns down the side, one band each, so no town's name is dropped for lack of width.
    assert heat["layer"][0]["encoding"]["y"]["field"] == "town" and heat["height"] == charts.HEAT_ROW * len(DATA.towns) + charts.HEAT_FRAME
