"""The gauge, drawn twice from one description (charts.gauge_parts): as Vega-Lite for files and the report, and as
plain SVG on the overview. Both must show the same arcs, colours and words, and the SVG must survive any name a
workbook can hold."""

from __future__ import annotations

import dataclasses
import math
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from xq_metrics import charts, overview, palette, texts
from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters
from xq_metrics.model import Indicator
from xq_metrics.status import Judgement

SVG = "{http://www.w3.org/2000/svg}"
CARDS = overview.cards(load_default().dataset, Filters())


def card(code: int) -> overview.Card:
    return next(c for c in CARDS if c.indicator.code == code)


def arcs_of_svg(svg: str) -> list[tuple[str, float, float, int, int]]:
    """(colour, start, end, inner, outer) of every arc path, the angles read back from the path's points."""
    cx, cy = charts.GAUGE_WIDTH / 2, charts.GAUGE_HEIGHT - 22
    found = []
    for path in ET.fromstring(svg).iter(f"{SVG}path"):
        numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", path.get("d"))]
        x0, y0, outer, _, _, _, _, x1, y1, xi, yi, inner = numbers[:12]
        start, end = math.atan2(x0 - cx, cy - y0), math.atan2(x1 - cx, cy - y1)
        assert math.hypot(xi - cx, yi - cy) == pytest.approx(inner, abs=0.02)
        found.append((path.get("fill"), start, end, int(inner), int(outer)))
    return found


def arcs_of_vega(spec: dict) -> list[tuple[str, float, float, int, int]]:
    return [
        (layer["mark"]["color"], layer["data"]["values"][0]["start"], layer["data"]["values"][0]["end"],
         layer["mark"]["innerRadius"], layer["mark"]["outerRadius"])
        for layer in spec["layer"] if layer["mark"]["type"] == "arc"
    ]


def texts_of_svg(svg: str) -> list[tuple[str, str, bool]]:
    return [(t.text or "", t.get("fill"), t.get("font-weight") == "bold") for t in ET.fromstring(svg).iter(f"{SVG}text")]


def texts_of_vega(spec: dict) -> list[tuple[str, str, bool]]:
    return [
        (layer["data"]["values"][0]["text"], layer["mark"]["color"], layer["mark"].get("fontWeight") == "bold")
        for layer in spec["layer"] if layer["mark"]["type"] == "text"
    ]


def variant(code: int, **changes: object) -> tuple[Indicator, Judgement]:
    c = card(code)
    return c.indicator, dataclasses.replace(c.main, **changes)


@pytest.mark.parametrize(
    ("case", "code", "changes", "arcs"),
    [
        ("every plan indicator as judged", None, {}, None),
        ("no value: track and target tick only", 4, {"value": None, "measured": None, "year": None}, 2),
        ("no target: track and value only", 4, {"target_value": None}, 2),
        ("over the scale: the arc stops at its end", 4, {"value": 10_000.0, "measured": None}, 3),
        ("below zero: the arc stays at its start", 8, {"value": -3.0, "measured": None}, 3),
        ("an alert draws in the alert colour", 5, {"alert": True}, 3),
    ],
)
def test_the_page_svg_and_the_vega_lite_gauge_draw_the_same(case: str, code: int | None, changes: dict, arcs: int | None) -> None:
    pairs = [(c.indicator, c.main) for c in CARDS] if code is None else [variant(code, **changes)]
    for indicator, j in pairs:
        svg, spec = charts.gauge_svg(indicator, j), charts.gauge(indicator, j)
        drawn, declared = arcs_of_svg(svg), arcs_of_vega(spec)
        assert [(c, i, o) for c, _, _, i, o in drawn] == [(c, i, o) for c, _, _, i, o in declared]
        for (_, s1, e1, _, _), (_, s2, e2, _, _) in zip(drawn, declared):
            assert (s1, e1) == (pytest.approx(s2, abs=1e-3), pytest.approx(e2, abs=1e-3))
        assert texts_of_svg(svg) == texts_of_vega(spec)
        assert arcs is None or len(drawn) == arcs
        assert all(-math.pi / 2 - 0.03 <= a <= math.pi / 2 + 0.03 for _, s, e, _, _ in drawn for a in (s, e))
    if changes.get("alert"):
        assert drawn[1][0] == palette.ALERT_COLOUR


def test_a_gauge_says_in_words_what_it_shows() -> None:
    indicator, j = card(4).indicator, card(4).main
    lines = charts.gauge_label(indicator, j).splitlines()
    assert lines[0] == f"{texts.TIP_INDICATOR}：{indicator.label}"
    assert lines[3] == f"{texts.TIP_VALUE}：{charts.gauge_text(indicator, j)}" and lines[4] == f"{texts.TIP_YEAR}：{j.year}"
    unreported = variant(4, value=None, measured=None, year=None)
    assert charts.gauge_label(*unreported) == f"{indicator.label}：{charts.gauge_text(*unreported)}"
    assert "未填报" in charts.gauge_label(*unreported)  # never 0


@pytest.mark.parametrize(
    "hostile",
    ['<script>alert(1)</script>', '"><svg onload=alert(1)>', "A&B ]]> <!-- x", "万人\u202e</text>"],
)
def test_names_from_a_workbook_stay_text_in_the_svg(hostile: str) -> None:
    c = card(6)
    indicator = dataclasses.replace(c.indicator, name=hostile, unit=hostile)
    svg = charts.gauge_svg(indicator, c.main)
    root = ET.fromstring(svg)  # well-formed: nothing the names hold closed or opened an element
    assert {el.tag for el in root.iter()} <= {f"{SVG}{t}" for t in ("svg", "title", "path", "text")}
    assert not any(name.startswith("on") for el in root.iter() for name in el.attrib)
    assert hostile in root.find(f"{SVG}title").text
    assert any(hostile in (t.text or "") for t in root.iter(f"{SVG}text"))


def test_the_page_shows_the_svg_as_an_image_whose_words_are_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    import base64

    import ui

    class Img(HTMLParser):
        found: list[dict[str, str | None]] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.append({"tag": tag, **dict(attrs)})

    label = 'x" onerror="alert(1)\n<b>'
    shown: list[str] = []
    monkeypatch.setattr(ui.st, "html", shown.append)
    ui.svg("<svg/>", label, 200, 120)
    parser = Img()
    parser.feed(shown[0])
    [img] = parser.found
    assert img["tag"] == "img" and img["alt"] == label and img["title"] == label and "onerror" not in img
    assert base64.b64decode(img["src"].removeprefix("data:image/svg+xml;base64,")) == b"<svg/>"


def test_a_category_figure_holds_its_gauges_three_to_a_row() -> None:
    members = [(c.indicator, c.main) for c in CARDS if c.indicator.category == CARDS[2].indicator.category]
    figure = charts.gauge_grid(members)
    cells = [cell for row in figure["vconcat"] for cell in row["hconcat"]]
    assert [len(row["hconcat"]) for row in figure["vconcat"]] == [3] * (len(members) // 3) + ([len(members) % 3] if len(members) % 3 else [])
    assert [cell["title"]["text"] for cell in cells] == [f"{i.code}. {i.name}" for i, _ in members]
