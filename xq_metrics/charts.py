"""Altair chart specifications. Pure functions of data: the pages only draw what these return."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from . import texts
from .model import Dataset, Indicator
from .numbers import fmt, format_value
from .status import Judgement, evaluate
from .targets import TARGET_YEAR, parse

STATUS_COLOURS = {
    texts.STATUS_AHEAD: "#1a7f37",
    texts.STATUS_FASTER: "#2da44e",
    texts.STATUS_ON_TRACK: "#0969da",
    texts.STATUS_LAGGING: "#d97706",
    texts.STATUS_AWAIT_CITY: "#8250df",
    texts.STATUS_MANUAL: "#8250df",
    texts.STATUS_NO_DATA: "#8c959f",
}
ALERT_COLOUR = "#cf222e"
TRACK_COLOUR = "#e5e7eb"
FONT = "WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
GAUGE_WIDTH, GAUGE_HEIGHT = 200, 120


def status_colour(j: Judgement) -> str:
    return ALERT_COLOUR if j.alert else STATUS_COLOURS[j.status]


def gauge_scale(indicator: Indicator, j: Judgement) -> float:
    """Upper end of the gauge: 100 for a share, else a little above the largest figure involved."""
    figures = [abs(x) for x in (j.progress_value, j.target_value, j.base_value, j.expected) if x is not None]
    top = max(figures, default=1.0) or 1.0
    # A share near its ceiling reads best on 0–100; a small rate (失业率 6%) would vanish there.
    if indicator.unit == "%" and 50 < top <= 100 and any(w in indicator.name for w in ("率", "比例", "比重")):
        return 100.0
    return _nice(top * 1.2)


def gauge(indicator: Indicator, j: Judgement) -> alt.LayerChart:
    """A half-circle gauge: grey track, coloured arc up to the value, a dark tick at the target."""
    scale = gauge_scale(indicator, j)

    def angle(x: float) -> float:
        return -math.pi / 2 + math.pi * min(max(x / scale, 0.0), 1.0)

    track = pd.DataFrame([{"start": angle(0), "end": angle(scale)}])
    cx, cy = GAUGE_WIDTH / 2, GAUGE_HEIGHT - 22
    arc = dict(innerRadius=55, outerRadius=78, x=cx, y=cy)
    layers: list[alt.Chart] = [
        alt.Chart(track).mark_arc(color=TRACK_COLOUR, **arc).encode(
            theta=alt.Theta("start:Q", scale=None), theta2="end:Q"
        )
    ]
    shown = j.progress_value
    value_text = format_value(shown, indicator.unit)
    if j.measured is not None:
        value_text = f"{texts.CUMULATIVE_SHORT}{value_text}"
    tooltip = {
        "指标": indicator.label, texts.TARGET_LABEL: indicator.target_text, "状态": j.status,
        texts.LATEST_LABEL: value_text, "年份": "" if j.year is None else str(j.year),
    }
    if shown is not None:
        filled = pd.DataFrame([{"start": angle(0), "end": angle(shown), **tooltip}])
        layers.append(
            alt.Chart(filled).mark_arc(color=status_colour(j), **arc).encode(
                theta=alt.Theta("start:Q", scale=None), theta2="end:Q", tooltip=list(tooltip)
            )
        )
    if j.target_value is not None:
        a = angle(j.target_value)
        tick = pd.DataFrame([{"start": a - 0.025, "end": a + 0.025}])
        layers.append(
            alt.Chart(tick).mark_arc(color="#1f2328", innerRadius=50, outerRadius=84, x=cx, y=cy).encode(
                theta=alt.Theta("start:Q", scale=None), theta2="end:Q"
            )
        )
    label = pd.DataFrame([{"text": value_text}])
    layers.append(
        alt.Chart(label).mark_text(
            x=cx, y=cy - 14, fontSize=17, fontWeight="bold", font=FONT,
            color=status_colour(j) if shown is not None else STATUS_COLOURS[texts.STATUS_NO_DATA],
        ).encode(text="text:N")
    )
    for x, end in ((cx - 66, "0"), (cx + 66, fmt(scale))):
        layers.append(
            alt.Chart(pd.DataFrame([{"text": end}]))
            .mark_text(x=x, y=cy + 12, fontSize=10, color="#6e7781", font=FONT)
            .encode(text="text:N")
        )
    return alt.layer(*layers).properties(width=GAUGE_WIDTH, height=GAUGE_HEIGHT).configure_view(stroke=None)


def history(
    dataset: Dataset, indicator: Indicator, town: str = texts.DISTRICT, until: int | None = None
) -> alt.LayerChart | None:
    """Reported values by year, the 2025 target line, and the expected straight path with each year's status."""
    series = [
        o for o in dataset.series(indicator.name, town) if o.value is not None and (until is None or o.year <= until)
    ]
    if not series:
        return None
    rows = []
    for obs in series:
        j = evaluate(dataset, indicator, town, obs.year)
        rows.append({"年份": obs.year, "数值": obs.value, "状态": j.status, "来源": obs.source})
    frame = pd.DataFrame(rows)
    latest = evaluate(dataset, indicator, town, until)
    first_year = min([int(frame["年份"].min()), *([latest.base_year] if latest.base_year else [])])
    years = alt.X("年份:O", title=None, axis=alt.Axis(labelAngle=0), scale=alt.Scale(domain=list(range(first_year, TARGET_YEAR + 1))))
    present = [s for s in STATUS_COLOURS if s in set(frame["状态"])]
    colour = alt.Color(
        "状态:N", scale=alt.Scale(domain=present, range=[STATUS_COLOURS[s] for s in present]),
        legend=alt.Legend(orient="bottom", title=None),
    )
    value_axis = alt.Y("数值:Q", title=indicator.unit or None, scale=alt.Scale(zero=False))
    layers: list[alt.Chart] = [
        alt.Chart(frame).mark_line(color="#57606a").encode(x=years, y=value_axis),
        alt.Chart(frame).mark_point(size=110, filled=True).encode(
            x=years, y="数值:Q", color=colour, tooltip=["年份", "数值", "状态", "来源"]
        ),
    ]
    target = parse(indicator.target_text)
    goal = latest.target_value if target.kind != "cumulative" else None
    if goal is not None:
        rule = pd.DataFrame([{"数值": goal, "说明": f"{texts.TARGET_LABEL} {indicator.target_text}"}])
        layers.append(alt.Chart(rule).mark_rule(color=ALERT_COLOUR, strokeDash=[6, 3]).encode(y="数值:Q", tooltip=["说明"]))
    if target.kind == "level" and latest.base_year is not None and latest.base_value is not None and target.value is not None:
        path = pd.DataFrame([
            {"年份": latest.base_year, "数值": latest.base_value, "说明": texts.BASE_LABEL},
            {"年份": TARGET_YEAR, "数值": target.value, "说明": texts.TARGET_LABEL},
        ])
        layers.append(
            alt.Chart(path).mark_line(color="#8c959f", strokeDash=[2, 2], point=True).encode(
                x=years, y="数值:Q", tooltip=["说明", "年份", "数值"]
            )
        )
    return (
        alt.layer(*layers).properties(height=300)
        .configure_axis(labelFont=FONT, titleFont=FONT).configure_legend(labelFont=FONT)
    )


def _nice(x: float) -> float:
    if x <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(x))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if x <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


TILE = 92  # pixels per tile of the schematic town map


def tile_map(tiles: list, indicator: Indicator | None, focus: str | None = None) -> alt.LayerChart:
    """A schematic (示意图) grid of the towns, coloured by the chosen indicator's status; click selects a town."""
    rows = []
    for t in tiles:
        j = t.judgement
        status = j.status if j else texts.STATUS_NO_DATA
        value = format_value(j.value, indicator.unit) if j and indicator else ""
        rows.append({
            "镇街": t.town, "列": t.column, "行": t.row, "类型": t.kind, "状态": status,
            "数值": value, "颜色": status_colour(j) if j else TRACK_COLOUR, "选中": t.town == focus,
        })
    frame = pd.DataFrame(rows)
    pick = alt.selection_point(name="town", fields=["镇街"], on="click")
    x = alt.X("列:O", axis=None)
    y = alt.Y("行:O", axis=None)
    tooltip = ["镇街", "类型", "状态", "数值"]
    base = alt.Chart(frame)
    layers = [
        base.mark_rect(cornerRadius=6, stroke="#ffffff", strokeWidth=4).encode(
            x=x, y=y, color=alt.Color("颜色:N", scale=None), tooltip=tooltip,
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45)),
        ).add_params(pick),
        base.mark_rect(fill=None, stroke="#1f2328", strokeWidth=3).encode(x=x, y=y).transform_filter("datum['选中']"),
        base.mark_text(font=FONT, fontSize=13, fontWeight="bold", color="#ffffff", dy=-8).encode(x=x, y=y, text="镇街:N", tooltip=tooltip),
        base.mark_text(font=FONT, fontSize=11, color="#ffffff", dy=10).encode(x=x, y=y, text="数值:N", tooltip=tooltip),
    ]
    columns = int(frame["列"].max()) + 1 if len(frame) else 1
    rows_count = int(frame["行"].max()) + 1 if len(frame) else 1
    return (
        alt.layer(*layers)
        .properties(width=TILE * columns, height=TILE * rows_count, title=alt.TitleParams(texts.TOWN_MAP_TITLE, font=FONT, anchor="start"))
        .configure_view(stroke=None)
    )


def status_heatmap(judgements: list[Judgement], indicators: list[Indicator]) -> alt.Chart:
    """Town x indicator, coloured by status, each cell labelled with its value (未填报 where missing)."""
    units = {i.name: i.unit for i in indicators}
    codes = {i.name: f"{i.code}. {i.name}" for i in indicators}
    frame = pd.DataFrame([
        {"镇街": j.town, "指标": codes[j.indicator], "状态": (texts.ALERT if j.alert else j.status),
         "数值": format_value(j.value, units[j.indicator]), "判断依据": j.reason}
        for j in judgements
    ])
    domain = [*STATUS_COLOURS, texts.ALERT]
    colours = [*STATUS_COLOURS.values(), ALERT_COLOUR]
    # Towns across (short names read level), indicators down (long names need the width).
    base = alt.Chart(frame).encode(
        x=alt.X("镇街:N", title=None, sort=None, axis=alt.Axis(labelAngle=0, labelFont=FONT, orient="top")),
        y=alt.Y("指标:N", title=None, sort=list(codes.values()), axis=alt.Axis(labelLimit=260, labelFont=FONT)),
    )
    return alt.layer(
        base.mark_rect(stroke="#ffffff").encode(
            color=alt.Color("状态:N", scale=alt.Scale(domain=domain, range=colours), legend=alt.Legend(orient="bottom", title=None, labelFont=FONT)),
            tooltip=["镇街", "指标", "状态", "数值", "判断依据"],
        ),
        base.mark_text(font=FONT, fontSize=11, color="#ffffff").encode(text="数值:N"),
    ).properties(height=80 + 40 * frame["指标"].nunique())


def ranking_bar(indicator: Indicator, towns: list[Judgement], district: Judgement) -> alt.LayerChart:
    """One indicator across towns, best first, with the district value as a reference line."""
    frame = pd.DataFrame([
        {"镇街": j.town, "数值": j.value, "状态": j.status, "显示": format_value(j.value, indicator.unit)} for j in towns
    ])
    present = [s for s in STATUS_COLOURS if s in set(frame["状态"])]
    bars = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("镇街:N", sort=None, title=None, axis=alt.Axis(labelFont=FONT)),
        x=alt.X("数值:Q", title=indicator.label, axis=alt.Axis(titleFont=FONT)),
        color=alt.Color("状态:N", scale=alt.Scale(domain=present, range=[STATUS_COLOURS[s] for s in present]), legend=alt.Legend(orient="top", title=None, labelFont=FONT)),
        tooltip=["镇街", "显示", "状态"],
    )
    layers: list[alt.Chart] = [bars]
    if district.value is not None:
        rule = pd.DataFrame([{"数值": district.value, "说明": f"{texts.DISTRICT} {format_value(district.value, indicator.unit)}"}])
        layers.append(alt.Chart(rule).mark_rule(color="#1f2328", strokeDash=[5, 3], size=2).encode(x="数值:Q", tooltip=["说明"]))
        layers.append(alt.Chart(rule).mark_text(font=FONT, align="left", dx=4, baseline="bottom", color="#1f2328").encode(x="数值:Q", text="说明:N", y=alt.value(-2)))
    # Room for the legend and the axis title as well as one band per town (the chart is fitted to this height).
    return alt.layer(*layers).properties(height=110 + 32 * len(frame))
