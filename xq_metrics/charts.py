"""Altair chart specifications. Pure functions of judgements already made: the pages only draw what these return.

Field names in the data frames are English (`year`, `value`, `status` …); every title, legend and tooltip label an
official reads comes from the catalogue (texts), and every colour from palette.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

import altair as alt
import pandas as pd

from . import palette, texts, units
from .indicator_view import History, status_text
from .model import Indicator
from .numbers import fmt, format_value
from .status import STATUS_ORDER, Judgement
from .targets import TARGET_YEAR

FONT = "WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
GAUGE_WIDTH, GAUGE_HEIGHT = 200, 120
_CX, _CY = GAUGE_WIDTH / 2, GAUGE_HEIGHT - 22  # the gauge's centre: the middle of its bottom edge, room for the scale
TILE = 68  # pixels per tile of the schematic town map: five columns fit a 390 px phone
HEAT_ROW, HEAT_FRAME = 34, 140


def _tip(field: str, title: str, kind: str = "N") -> alt.Tooltip:
    return alt.Tooltip(f"{field}:{kind}", title=title)


def _legend_colour(present: list[str], field: str = "status") -> alt.Color:
    """Colour by status label, in the order of the statuses, with the words (and symbols) in the legend."""
    labels = {s.label: s for s in STATUS_ORDER}
    ordered = [w for w in [*labels, texts.ALERT] if w in present]
    colours = [palette.ALERT_COLOUR if w == texts.ALERT else palette.STATUS_COLOURS[labels[w]] for w in ordered]
    return alt.Color(
        f"{field}:N", scale=alt.Scale(domain=ordered, range=colours),
        legend=alt.Legend(orient="bottom", title=None, labelFont=FONT, columns=4),
    )


def gauge_scale(indicator: Indicator, j: Judgement) -> float:
    """Upper end of the gauge: 100 for a share, else a little above the largest figure involved."""
    figures = [abs(x) for x in (j.progress_value, j.target_value, j.base_value, j.expected) if x is not None]
    top = max(figures, default=1.0) or 1.0
    # A share near its ceiling reads best on 0–100; a small rate (失业率 6%) would vanish there.
    if indicator.unit == "%" and 50 < top <= 100 and any(w in indicator.name for w in units.SHARE_WORDS):
        return 100.0
    return _nice(top * 1.2)


def gauge_text(indicator: Indicator, j: Judgement) -> str:
    """What the gauge prints: the figure judged, "累计" before a five-year running total."""
    text = format_value(j.progress_value, indicator.unit)
    return texts.CUMULATIVE_VALUE.format(value=text) if j.cumulative and j.progress_value is not None else text


@dataclass(frozen=True)
class Arc:
    start: float  # radians, 0 at twelve o'clock, clockwise (Vega's theta)
    end: float
    colour: str
    inner: int
    outer: int


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    size: int
    colour: str
    bold: bool = False


@dataclass(frozen=True)
class Gauge:
    """A half-circle gauge: grey track, coloured arc up to the value, a dark tick at the target, the figure and the
    scale's ends. Drawn twice from this one description: as Vega-Lite for files and the report (`gauge`), and as
    plain SVG on the overview (`gauge_svg`), where 18 Vega views cost more than half a second of a first visit."""

    track: Arc
    filled: Arc | None
    tick: Arc | None
    labels: tuple[Label, ...]
    tip: tuple[tuple[str, str], ...]  # (title, value) for the tooltip; empty without a value


def gauge_parts(indicator: Indicator, j: Judgement) -> Gauge:
    scale = gauge_scale(indicator, j)

    def angle(x: float) -> float:
        return -math.pi / 2 + math.pi * min(max(x / scale, 0.0), 1.0)

    shown = j.progress_value
    value_text = gauge_text(indicator, j)
    filled = tip = None
    if shown is not None:
        filled = Arc(angle(0), angle(shown), palette.colour(j), 55, 78)
        tip = (
            (texts.TIP_INDICATOR, indicator.label), (texts.TARGET_LABEL, indicator.target_text),
            (texts.TIP_JUDGED, status_text(j)), (texts.TIP_VALUE, value_text),
            (texts.TIP_YEAR, "" if j.year is None else str(j.year)),
        )
    tick = None
    if j.target_value is not None:
        a = angle(j.target_value)
        tick = Arc(a - 0.025, a + 0.025, palette.INK, 50, 84)
    colour = palette.colour(j) if shown is not None else palette.STATUS_COLOURS[STATUS_ORDER[-1]]
    labels = (
        Label(value_text, _CX, _CY - 14, 17, colour, bold=True),
        Label("0", _CX - 66, _CY + 12, 10, palette.MUTED),
        Label(fmt(scale), _CX + 66, _CY + 12, 10, palette.MUTED),
    )
    return Gauge(Arc(angle(0), angle(scale), palette.TRACK, 55, 78), filled, tick, labels, tip or ())


def gauge(indicator: Indicator, j: Judgement) -> dict[str, object]:
    """The gauge as a Vega-Lite dict (PNG and SVG files, the report).

    Written as a dict, not with Altair: building and validating 18 of them through Altair cost over a second."""
    parts = gauge_parts(indicator, j)
    theta = {"theta": {"field": "start", "type": "quantitative", "scale": None}, "theta2": {"field": "end"}}

    def arc(a: Arc, **extra: object) -> dict[str, object]:
        mark = {"type": "arc", "color": a.colour, "innerRadius": a.inner, "outerRadius": a.outer, "x": _CX, "y": _CY}
        return {"data": {"values": [{"start": a.start, "end": a.end, **extra}]}, "mark": mark, "encoding": dict(theta)}

    def label(t: Label) -> dict[str, object]:
        mark = {"type": "text", "x": t.x, "y": t.y, "fontSize": t.size, "font": FONT, "color": t.colour}
        if t.bold:
            mark["fontWeight"] = "bold"
        return {"data": {"values": [{"text": t.text}]}, "mark": mark, "encoding": {"text": {"field": "text", "type": "nominal"}}}

    layers: list[dict[str, object]] = [arc(parts.track)]
    if parts.filled is not None:
        fields = ("indicator", "target", "status", "value", "year")
        filled = arc(parts.filled, **{f: value for f, (_, value) in zip(fields, parts.tip)})
        filled["encoding"]["tooltip"] = [  # type: ignore[index]
            {"field": f, "type": "nominal", "title": title} for f, (title, _) in zip(fields, parts.tip)
        ]
        layers.append(filled)
    if parts.tick is not None:
        layers.append(arc(parts.tick))
    layers += [label(t) for t in parts.labels]
    return {"width": GAUGE_WIDTH, "height": GAUGE_HEIGHT, "config": {"view": {"stroke": None}}, "layer": layers}


def gauge_label(indicator: Indicator, j: Judgement) -> str:
    """What the gauge says in words, a line each (indicator, target, status, figure, year): its tooltip and the
    name a screen reader gives it."""
    return _words(indicator, gauge_parts(indicator, j))


def _words(indicator: Indicator, parts: Gauge) -> str:
    return "\n".join(f"{t}{texts.COLON}{v}" for t, v in parts.tip) or f"{indicator.label}{texts.COLON}{parts.labels[0].text}"


def gauge_svg(indicator: Indicator, j: Judgement) -> str:
    """The gauge as an SVG document for the page, where the browser draws it at once (no chart library).

    Every text is escaped: a unit or a name comes from an uploaded workbook."""
    parts = gauge_parts(indicator, j)
    body = [f"<title>{escape(_words(indicator, parts))}</title>"]
    body += [_svg_arc(a) for a in (parts.track, parts.filled, parts.tick) if a is not None]
    body += [
        f'<text x="{t.x:g}" y="{t.y:g}" font-size="{t.size}" fill="{t.colour}" text-anchor="middle" '
        f'dominant-baseline="central"{_BOLD if t.bold else ""}>{escape(t.text)}</text>'
        for t in parts.labels
    ]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{GAUGE_WIDTH}" height="{GAUGE_HEIGHT}" '
        f'viewBox="0 0 {GAUGE_WIDTH} {GAUGE_HEIGHT}" font-family="{FONT}">{"".join(body)}</svg>'
    )


_BOLD = ' font-weight="bold"'


def gauge_grid(items: list[tuple[Indicator, Judgement]]) -> dict[str, object]:
    """Several gauges as one figure, three to a row, each titled with its indicator: a 类别 of the overview as the
    report prints it and as the overview's files."""
    cells = []
    for indicator, j in items:
        cell = gauge(indicator, j)
        cell["title"] = {"text": f"{indicator.code}. {indicator.name}", "fontSize": 11, "limit": GAUGE_WIDTH + 20}
        cell.pop("config", None)
        cells.append(cell)
    rows = [{"hconcat": cells[i:i + 3]} for i in range(0, len(cells), 3)]
    return {"vconcat": rows, "config": {"view": {"stroke": None}}, "spacing": 12}  # what the tests and the page-speed bench find the overview's gauges by


def _svg_arc(a: Arc) -> str:
    """An annulus sector as one path: outer edge clockwise, inner edge back (what Vega draws for an arc mark)."""

    def point(r: int, t: float) -> str:
        return f"{_CX + r * math.sin(t):.2f},{_CY - r * math.cos(t):.2f}"

    large = 1 if a.end - a.start > math.pi else 0
    return (
        f'<path fill="{a.colour}" d="M{point(a.outer, a.start)}A{a.outer},{a.outer} 0 {large} 1 {point(a.outer, a.end)}'
        f'L{point(a.inner, a.end)}A{a.inner},{a.inner} 0 {large} 0 {point(a.inner, a.start)}Z"/>'
    )


def history(shown: History, indicator: Indicator) -> alt.LayerChart:
    """Figures by year against the target line and the expected path, each year's status as the point's colour.

    A five-year target shows the running total against the cumulative path and the yearly figures as bars, so
    the line never falls while the total rises. Points of 示例 figures are hollow."""
    frame = pd.DataFrame([
        {"year": p.year, "value": p.value, "measured": p.measured, "status": (texts.ALERT if p.alert else p.status.label),
         "sample": texts.SAMPLE if p.sample else "", "source": p.source,
         "shown": format_value(p.measured, indicator.unit), "own": format_value(p.value, indicator.unit)}
        for p in shown.points
    ])
    first_year = min([p.year for p in shown.points] + [y for y, _ in shown.path[:1]] + ([shown.base[0]] if shown.base else []))
    years = alt.X(
        "year:O", title=None, axis=alt.Axis(labelAngle=0, labelFont=FONT),
        scale=alt.Scale(domain=list(range(first_year, TARGET_YEAR + 1))),
    )
    figures = [p.measured for p in shown.points if p.measured is not None]
    figures += [v for _, v in shown.path] + ([shown.target] if shown.target is not None else [])
    figures += [shown.base[1]] if shown.base else []
    if shown.cumulative:
        figures.append(0.0)  # a running total starts from nothing
    domain = _domain(figures)
    unit = indicator.unit or None
    value_axis = alt.Y(
        "measured:Q", scale=alt.Scale(domain=domain, nice=False, zero=False),
        # A horizontal unit above the axis: a CJK title turned on its side is hard to read.
        axis=alt.Axis(title=unit, titleAngle=0, titleAlign="left", titleAnchor="end", titleX=0, titleY=-10,
                      titleFont=FONT, labelFont=FONT),
    )
    tooltip = [
        _tip("year", texts.TIP_YEAR), _tip("shown", texts.CUMULATIVE_SHORT if shown.cumulative else texts.TIP_VALUE),
        _tip("own", texts.TIP_YEAR_VALUE), _tip("status", texts.TIP_JUDGED), _tip("sample", texts.SAMPLE),
        _tip("source", texts.TIP_SOURCE),
    ]
    layers: list[alt.Chart] = []
    if shown.cumulative:
        layers.append(
            alt.Chart(frame).mark_bar(color=palette.TRACK, size=18, clip=True)
            .encode(x=years, y=alt.Y("value:Q", scale=alt.Scale(domain=domain, nice=False)), tooltip=tooltip)
        )
    layers.append(alt.Chart(frame).mark_line(color=palette.MUTED, clip=True).encode(x=years, y=value_axis))
    colour = _legend_colour(list(frame["status"].unique()))
    layers.append(
        alt.Chart(frame[frame["sample"] == ""]).mark_point(size=110, filled=True, clip=True)
        .encode(x=years, y="measured:Q", color=colour, tooltip=tooltip)
    )
    if (frame["sample"] != "").any():
        layers.append(
            alt.Chart(frame[frame["sample"] != ""]).mark_point(size=110, filled=False, strokeWidth=2.5, clip=True)
            .encode(x=years, y="measured:Q", color=colour, tooltip=tooltip)
        )
    if shown.target is not None:
        label = texts.TARGET_LINE.format(value=format_value(shown.target, indicator.unit))
        rule = pd.DataFrame([{"measured": shown.target, "note": label}])
        layers.append(
            alt.Chart(rule).mark_rule(color=palette.INK, strokeDash=[6, 3])
            .encode(y="measured:Q", tooltip=[_tip("note", texts.TARGET_LABEL)])
        )
    if shown.path:
        path = pd.DataFrame([{"year": y, "measured": v, "note": texts.EXPECTED_PATH} for y, v in shown.path])
        layers.append(
            alt.Chart(path).mark_line(
                color=palette.MUTED, strokeDash=[2, 2], point=alt.OverlayMarkDef(color=palette.MUTED, size=25), clip=True,
            )
            .encode(x=years, y="measured:Q", tooltip=[_tip("note", texts.TIP_NOTE), _tip("year", texts.TIP_YEAR),
                                                       _tip("measured", texts.TIP_VALUE, "Q")])
        )
    return alt.layer(*layers).properties(height=300).configure_legend(labelFont=FONT)


def _domain(figures: list[float]) -> list[float]:
    """A value axis that starts at a sensible base: the plan's base, the target and every figure in view, with
    room around them, so 95.78 → 95.93 reads as the small step it is, not a cliff."""
    low, high = min(figures), max(figures)
    pad = max((high - low) * 0.15, abs(high) * 0.02, 0.5 if high > 5 else 0.05)
    bottom = low - pad
    if low >= 0 > bottom:
        bottom = 0.0
    return [bottom, high + pad]


def _nice(x: float) -> float:
    if x <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(x))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if x <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def tile_map(tiles: list, indicator: Indicator | None, focus: str | None = None) -> alt.LayerChart:
    """A schematic (示意图) grid of the towns, coloured by the chosen indicator's status; click selects a town."""
    rows = []
    for t in tiles:
        j = t.judgement
        value = format_value(j.value, indicator.unit) if j and indicator else ""
        rows.append({
            "town": t.town, "column": t.column, "row": t.row, "kind": t.kind,
            "status": status_text(j) if j else texts.STATUS_LABELS["no_data"],
            "value": f"{palette.symbol(j)} {value}" if j else "", "colour": palette.colour(j) if j else palette.TRACK,
            "focus": t.town == focus,
        })
    frame = pd.DataFrame(rows)
    pick = alt.selection_point(name="town", fields=["town"], on="click")
    x = alt.X("column:O", axis=None)
    y = alt.Y("row:O", axis=None)
    tooltip = [_tip("town", texts.TIP_TOWN), _tip("kind", texts.TOWN_KIND), _tip("status", texts.TIP_JUDGED),
               _tip("value", texts.TIP_VALUE)]
    base = alt.Chart(frame)
    layers = [
        base.mark_rect(cornerRadius=6, stroke="#ffffff", strokeWidth=3).encode(
            x=x, y=y, color=alt.Color("colour:N", scale=None), tooltip=tooltip,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45)),
        ).add_params(pick),
        base.mark_rect(fill=None, stroke=palette.INK, strokeWidth=3).encode(x=x, y=y).transform_filter("datum.focus"),
        base.mark_text(font=FONT, fontSize=12, fontWeight="bold", color="#ffffff", dy=-8).encode(x=x, y=y, text="town:N", tooltip=tooltip),
        base.mark_text(font=FONT, fontSize=10, color="#ffffff", dy=9).encode(x=x, y=y, text="value:N", tooltip=tooltip),
    ]
    columns = int(frame["column"].max()) + 1 if len(frame) else 1
    rows_count = int(frame["row"].max()) + 1 if len(frame) else 1
    return (
        alt.layer(*layers)
        .properties(width=TILE * columns, height=TILE * rows_count,
                    title=alt.TitleParams(texts.TOWN_MAP_TITLE, font=FONT, anchor="start"))
        .configure_view(stroke=None)
    )


def status_heatmap(judgements: list[Judgement], indicators: list[Indicator]) -> alt.LayerChart:
    """Towns down the side (every name always readable), indicators across with their names wrapped; each cell
    carries the value, the status symbol and, where it rests on illustrative data, the 示例 mark."""
    units = {i.name: i.unit for i in indicators}
    labels = {i.name: _wrap(f"{i.code}. {i.name}") for i in indicators}
    frame = pd.DataFrame([
        {"town": j.town, "indicator": labels[j.indicator], "status": texts.ALERT if j.alert else j.status_label,
         "value": f"{palette.symbol(j)} {format_value(j.value, units[j.indicator])}",
         "sample": texts.SAMPLE if j.sample else "", "reason": j.reason, "full": status_text(j)}
        for j in judgements
    ])
    towns = list(dict.fromkeys(frame["town"])) if len(frame) else []
    base = alt.Chart(frame).encode(
        y=alt.Y("town:N", title=None, sort=towns, axis=alt.Axis(labelFont=FONT, labelLimit=120)),
        x=alt.X("indicator:N", title=None, sort=list(labels.values()), axis=alt.Axis(
            labelAngle=0, labelFont=FONT, orient="top", labelExpr="split(datum.label, '|')", labelLimit=200,
        )),
    )
    tooltip = [_tip("town", texts.TIP_TOWN), _tip("indicator", texts.TIP_INDICATOR), _tip("full", texts.TIP_JUDGED),
               _tip("value", texts.TIP_VALUE), _tip("reason", texts.STATUS_REASON)]
    return alt.layer(
        base.mark_rect(stroke="#ffffff").encode(color=_legend_colour(list(frame["status"].unique())), tooltip=tooltip),
        base.mark_text(font=FONT, fontSize=11, color="#ffffff", dy=-5).encode(text="value:N", tooltip=tooltip),
        base.mark_text(font=FONT, fontSize=9, color="#ffffff", dy=9).encode(text="sample:N", tooltip=tooltip),
    # Streamlit fits the whole chart into this height: the bands plus room for the wrapped names and the legend.
    ).properties(height=HEAT_ROW * max(len(towns), 1) + HEAT_FRAME)


def _wrap(label: str, width: int = 7) -> str:
    """Long CJK indicator names in lines of a few characters, for the top axis ("|" splits lines)."""
    return "|".join(label[i:i + width] for i in range(0, len(label), width))


def ranking_bar(indicator: Indicator, towns: list[Judgement], district: Judgement, chosen: tuple[str, ...] = ()) -> alt.LayerChart:
    """One indicator across every town that reports it, best first, the chosen town(s) outlined and the others
    kept, so a town's place among the 11 stays visible; the district value as a reference line."""
    frame = pd.DataFrame([
        {"town": j.town, "value": j.value, "status": texts.ALERT if j.alert else j.status_label,
         "shown": f"{format_value(j.value, indicator.unit)}" + (f"{texts.PAREN_OPEN}{texts.SAMPLE}{texts.PAREN_CLOSE}" if j.sample else ""),
         "chosen": j.town in chosen or not chosen}
        for j in towns
    ])
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("town:N", sort=None, title=None, axis=alt.Axis(labelFont=FONT)),
        x=alt.X("value:Q", title=indicator.label, axis=alt.Axis(titleFont=FONT)),
        color=_legend_colour(list(frame["status"].unique())),
        opacity=alt.condition("datum.chosen", alt.value(1.0), alt.value(0.35)),
        stroke=alt.condition("datum.chosen", alt.value(palette.INK), alt.value(None)) if chosen else alt.value(None),
        tooltip=[_tip("town", texts.TIP_TOWN), _tip("shown", texts.TIP_VALUE), _tip("status", texts.TIP_JUDGED)],
    )
    layers: list[alt.Chart] = [bars]
    if district.value is not None:
        note = f"{texts.DISTRICT} {format_value(district.value, indicator.unit)}"
        rule = pd.DataFrame([{"value": district.value, "note": note}])
        layers.append(alt.Chart(rule).mark_rule(color=palette.INK, strokeDash=[5, 3], size=2).encode(
            x="value:Q", tooltip=[_tip("note", texts.TIP_NOTE)]))
        layers.append(alt.Chart(rule).mark_text(font=FONT, align="left", dx=4, baseline="bottom", color=palette.INK).encode(
            x="value:Q", text="note:N", y=alt.value(-2)))
    # Room for the legend and the axis title as well as one band per town (the chart is fitted to this height).
    return alt.layer(*layers).properties(height=110 + 32 * len(frame))
