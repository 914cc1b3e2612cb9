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


def history(dataset: Dataset, indicator: Indicator, town: str = texts.DISTRICT) -> alt.LayerChart | None:
    """Reported values by year, the 2025 target line, and the expected straight path with each year's status."""
    series = [o for o in dataset.series(indicator.name, town) if o.value is not None]
    if not series:
        return None
    rows = []
    for obs in series:
        j = evaluate(dataset, indicator, town, obs.year)
        rows.append({"年份": obs.year, "数值": obs.value, "状态": j.status, "来源": obs.source})
    frame = pd.DataFrame(rows)
    latest = evaluate(dataset, indicator, town)
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
