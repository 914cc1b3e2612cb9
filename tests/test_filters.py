"""The global view filters: what they keep, and the round trip through a shareable link."""

from __future__ import annotations

import pytest

from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters, from_params, parse_chapter
from xq_metrics.model import Project

DATA = load_default().dataset


@pytest.mark.parametrize(
    ("params", "expected", "ignored"),
    [
        ({}, Filters(), ()),
        ({"town": ["杨柳青镇"]}, Filters(towns=("杨柳青镇",)), ()),
        ({"town": ["杨柳青", " 李七庄街道 "]}, Filters(towns=("杨柳青镇", "李七庄街")), ()),  # aliases, stray spaces
        ({"town": ["全区"]}, Filters(), ()),
        ({"town": ["火星镇", "中北镇"]}, Filters(towns=("中北镇",)), ("镇街“火星镇”",)),
        ({"chapter": ["5"]}, Filters(chapters=(5,)), ()),
        ({"chapter": ["第五章"]}, Filters(chapters=(5,)), ()),
        ({"chapter": ["9"]}, Filters(), ("章节“9”",)),
        ({"chapter": ["5"], "section": ["5-3"]}, Filters(chapters=(5,), sections=((5, 3),)), ()),
        ({"section": ["5-3"]}, Filters(chapters=(5,), sections=((5, 3),)), ()),
        ({"chapter": ["4"], "section": ["5-3"]}, Filters(chapters=(4,)), ("节“5-3”",)),
        ({"section": ["5-9"]}, Filters(), ("节“5-9”",)),
        ({"year": ["2023"]}, Filters(year=2023), ()),
        ({"year": ["1999"]}, Filters(), ("年份“1999”",)),
        ({"year": ["<script>"]}, Filters(), ("年份“<script>”",)),
    ],
)
def test_link_parameters(params, expected: Filters, ignored: tuple[str, ...]) -> None:
    parsed = from_params(params, DATA)
    assert parsed.filters == expected
    assert parsed.ignored == ignored


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(towns=("杨柳青镇", "王稳庄镇")), Filters(chapters=(3, 5), sections=((5, 3),), year=2024)],
)
def test_round_trip_through_the_url(filters: Filters) -> None:
    assert from_params(filters.to_params(), DATA).filters == filters


@pytest.mark.parametrize(("raw", "number"), [("5", 5), ("第五章", 5), ("五", 5), ("第十章", 10), ("abc", None)])
def test_parse_chapter(raw: str, number: int | None) -> None:
    assert parse_chapter(raw) == number


def test_chapter_filter_keeps_only_its_indicators() -> None:
    kept = [i.name for i in DATA.indicators if Filters(chapters=(5,), sections=((5, 3),)).keeps_indicator(i)]
    assert "森林覆盖率" in kept
    assert all(i.chapter == 5 and i.section == 3 for i in DATA.indicators if i.name in kept)


@pytest.mark.parametrize(
    ("filters", "towns", "chapter", "kept"),
    [
        (Filters(), (), 3, True),
        (Filters(towns=("杨柳青镇",)), ("杨柳青镇",), 3, True),
        (Filters(towns=("杨柳青镇",)), ("中北镇", "杨柳青镇"), 3, True),
        (Filters(towns=("杨柳青镇",)), ("中北镇",), 3, False),
        (Filters(towns=("杨柳青镇",)), (), 3, False),  # no town stated: not "in" any town
        (Filters(chapters=(4,)), (), 3, False),
    ],
)
def test_project_filter(filters: Filters, towns: tuple[str, ...], chapter: int, kept: bool) -> None:
    assert filters.keeps_project(Project("1-1", "x", 1, chapter=chapter, section=2, towns=towns)) is kept
