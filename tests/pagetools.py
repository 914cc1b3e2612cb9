"""What a page drew, read back from AppTest. The overview's gauges are SVG images in an HTML element (ui.svg),
not Vega charts: these helpers find them and decode what each one prints."""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pandas as pd

import ui

_IMAGE = re.compile(r'src="data:image/svg\+xml;base64,([^"]+)".*?alt="([^"]*)"', re.S)


@dataclass(frozen=True)
class DrawnGauge:
    label: str  # the image's words: 指标：…, 2025年目标：…, 状态：…, 数值：…, 年份：… (one a line)
    svg: str  # the SVG document as the browser receives it

    @property
    def indicator(self) -> str:
        return self.label.splitlines()[0].split("：", 1)[1]

    @property
    def figure(self) -> str:
        """The bold figure printed in the gauge's middle."""
        return html.unescape(re.search(r'font-weight="bold">([^<]*)<', self.svg).group(1))


def gauges(at: Any) -> list[DrawnGauge]:
    found = []
    for element in at.get("html"):
        body = element.proto.body
        if f'class="{ui.GAUGE_IMAGE}"' in body:
            data, label = _IMAGE.search(body).groups()
            found.append(DrawnGauge(html.unescape(label), base64.b64decode(data).decode()))
    return found


def text_tables(at: Any) -> list[pd.DataFrame]:
    """The tables a page shows as text (ui.text_table), read back as frames of strings."""
    found = []
    for element in at.markdown:
        lines = element.value.split("\n")
        if len(lines) >= 2 and lines[0].startswith("| ") and lines[1].startswith("|---"):
            header, *rows = [row_cells(line) for line in lines[:1] + lines[2:]]
            found.append(pd.DataFrame(rows, columns=header))
    return found


def row_cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\) \| ", line.removeprefix("| ").removesuffix(" |"))
    return [re.sub(r"\\(.)", r"\1", c) for c in cells]


class _ListTable(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def list_tables(at: Any) -> list[pd.DataFrame]:
    """The lists a page shows as HTML tables (ui.list_table), read back as an official reads them: frames of the
    cells' text, the pinned column first."""
    found = []
    for element in at.get("html"):
        body = element.proto.body
        if f'class="{ui.LIST_TABLE}' in body:
            header, *rows = list_table_rows(body)
            found.append(pd.DataFrame(rows, columns=header))
    return found


def list_table_rows(body: str) -> list[list[str]]:
    """The text of each cell of an HTML table, row by row, the header first."""
    parser = _ListTable()
    parser.feed(body)
    return parser.rows


class _Figures(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cards: list[list[str]] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div":
            self._depth += 1
            if self._depth == 2:
                self.cards.append([])
        elif tag == "p" and self._depth == 2:
            self.cards[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "div":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth == 2 and self.cards and self.cards[-1]:
            self.cards[-1][-1] += data


def figures(at: Any) -> dict[str, tuple[str, str]]:
    """The headline figures a page shows (ui.figures): label -> (value, what it covers)."""
    found: dict[str, tuple[str, str]] = {}
    for element in at.get("html"):
        if f'class="{ui.FIGURES}"' in element.proto.body:
            found.update({label: (value, covers) for label, value, covers in figure_cards(element.proto.body)})
    return found


def figure_cards(body: str) -> list[list[str]]:
    """The words of each card of a ui.figures block: label, value, what it covers."""
    parser = _Figures()
    parser.feed(body)
    return parser.cards


@dataclass(frozen=True)
class DrawnBar:
    group: str
    parts: dict[str, float]  # status -> amount, the parts drawn with a width
    label: str  # the words after the bar
    tips: tuple[str, ...]  # each part's hover words, then the label's


class _Bars(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bars: list[DrawnBar] = []
        self._label: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "data-group" in a:
            self.bars.append(DrawnBar(a["data-group"] or "", {}, "", ()))
        elif "data-status" in a:
            self.bars[-1].parts[a["data-status"] or ""] = float(a["data-amount"] or "nan")
            self._tip(a)
        elif a.get("class") == "xq-bars-label":
            self._tip(a)
            self._label = []

    def _tip(self, attrs: dict[str, str | None]) -> None:
        bar = self.bars[-1]
        self.bars[-1] = DrawnBar(bar.group, bar.parts, bar.label, bar.tips + (attrs.get("title") or "",))

    def handle_endtag(self, tag: str) -> None:
        if self._label is not None and tag == "span":
            bar = self.bars[-1]
            self.bars[-1] = DrawnBar(bar.group, bar.parts, "".join(self._label), bar.tips)
            self._label = None

    def handle_data(self, data: str) -> None:
        if self._label is not None:
            self._label.append(data)


def bar_charts(at: Any) -> list[list[DrawnBar]]:
    """The stacked bars a page draws as HTML (ui.bar_chart), one list of bars per chart."""
    return [drawn_bars(e.proto.body) for e in at.get("html") if f'class="{ui.BAR_CHART}"' in e.proto.body]


def drawn_bars(body: str) -> list[DrawnBar]:
    parser = _Bars()
    parser.feed(body)
    return parser.bars
