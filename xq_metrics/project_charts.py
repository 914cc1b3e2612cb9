"""Altair specifications for the projects page. Pure functions of project rows; the page only draws them.

Every chart has Chinese axis titles and tooltips; a chart with nothing to show returns None so the page can say
why instead of drawing an empty frame. Amounts are 亿元.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from . import palette, texts
from .charts import FONT
from .projects import Measure, ProjectRow, measure_label, measure_words, Rollup, fmt_yi, largest, order_statuses, statuses, yearly

# Construction stages, not judgements: colours of their own from the one palette, none of them the alert red.
STATUS_COLOURS: dict[str, str] = {
    "谋划": palette.CATEGORIES[4],
    "在建": palette.CATEGORIES[1],
    "建成": palette.CATEGORIES[2],
    "运营": palette.CATEGORIES[0],
}
OTHER_COLOURS = palette.CATEGORIES[3:]
TODAY_COLOUR = palette.INK
PLAN_PERIOD = (2023, 2025)
AMOUNT_FORMAT = ",.4~f"
LABEL_LIMIT = 320
ROW_HEIGHT = 28
# Streamlit fits a chart into its height including axis, title and a bottom legend: room for those below the rows.
FRAME_HEIGHT = 120


def _height(rows: int, per_row: int = ROW_HEIGHT) -> int:
    return max(rows, 1) * per_row + FRAME_HEIGHT


def _colour_of(status: str) -> str | None:
    return palette.TRACK if status == texts.NOT_REPORTED else STATUS_COLOURS.get(status)


def status_colours(present: list[str]) -> dict[str, str]:
    """The four usual statuses keep their colours; anything else the data says gets one of the spare colours."""
    others = iter(OTHER_COLOURS * 4)
    return {s: _colour_of(s) or next(others) for s in present}


def status_scale(present: list[str]) -> alt.Scale:
    colours = status_colours(present)
    return alt.Scale(domain=present, range=[colours[s] for s in present])


def _status_colour(present: list[str]) -> alt.Color:
    return alt.Color(
        "status:N", title=texts.TIP_STATUS, scale=status_scale(present), legend=alt.Legend(orient="bottom")
    )


def _style(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure_axis(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12, titleFontWeight="normal")
        # A vertical axis's title (亿元) reads level above the axis: CJK turned on its side is hard to read.
        .configure_axisY(titleAngle=0, titleAlign="left", titleAnchor="end", titleX=0, titleY=-12, titleBaseline="bottom")
        .configure_legend(labelFont=FONT, titleFont=FONT, labelFontSize=12, titleFontSize=12)
        .configure_text(font=FONT)
        .configure_view(stroke=None)
    )


def _label(row: ProjectRow) -> str:
    return f"{row.code} {row.project.name}"


def _amount_axis(measure_title: str, top: float, room: float = 1.0) -> alt.X:
    return alt.X(
        "amount_yi:Q", title=f"{measure_title}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}",
        scale=alt.Scale(domain=[0, top * room], nice=False), axis=alt.Axis(labelFlush=True),
    )


# --------------------------------------------------------------------------- by 专栏 / chapter / town


ROOM = 1.6  # the amount axis runs to this many times the largest group: room for the label after the longest bar


@dataclass(frozen=True)
class Segment:
    """One status's part of a group's bar."""
    status: str
    amount_yi: float
    count: int  # projects of the group in this status, with or without the measure
    colour: str
    tip: str  # the bar's tooltip in words, as the chart's: group, status, amount, projects


@dataclass(frozen=True)
class Bar:
    group: str
    segments: tuple[Segment, ...]  # in the legend's order; a status whose projects give no amount has no width
    amount_yi: float
    label: str  # 522亿元 · 2项已披露 / 4项未披露, or 4项均未披露: a group without a figure is said, never drawn as 0
    tip: str  # the label's tooltip: group, projects, how many give the measure and how many do not


@dataclass(frozen=True)
class InvestmentBars:
    """investment_by's bars as a description: the page draws it as HTML (ui.bar_chart), investment_by as Vega-Lite
    for the PNG, the SVG and the report. The same groups, parts, colours and words."""
    title: str  # 总投资（亿元）
    bars: tuple[Bar, ...]  # in the rollup's order
    end: float  # the axis's end, in 亿元: a bar's width is its amount over this
    ticks: tuple[float, ...]  # round amounts along the axis, 0 first
    legend: tuple[tuple[str, str], ...]  # (status, colour) of every status present


def _ticks(end: float, most: int = 5) -> tuple[float, ...]:
    """Round steps (1, 2 or 5 times a power of ten) from 0 to at most `end`, no more than `most` of them after 0."""
    raw = end / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return tuple(i * step for i in range(int(end // step) + 1))


def investment_bars(rollup: Rollup) -> InvestmentBars | None:
    """Stacked bars of one measure per group, coloured by status, each labelled with how many have a figure."""
    groups, parts = rollup.groups, rollup.parts
    if groups.empty or float(groups["amount_yi"].max()) <= 0:
        return None
    measure = measure_label(rollup.measure)
    amount_title = f"{measure}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}"
    given, missing = measure_words(rollup.measure)
    present = order_statuses(parts["status"])
    colours = status_colours(present)
    rank = {status: i for i, status in enumerate(present)}
    end = float(groups["amount_yi"].max()) * ROOM
    bars = []
    for group in groups.itertuples(index=False):
        own = sorted((p for p in parts.itertuples(index=False) if p.group == group.group), key=lambda p: rank[p.status])
        segments = tuple(
            Segment(p.status, float(p.amount_yi), int(p.count), colours[p.status], "\n".join((
                f"{texts.TIP_GROUP}{texts.COLON}{group.group}", f"{texts.TIP_STATUS}{texts.COLON}{p.status}",
                f"{amount_title}{texts.COLON}{fmt_yi(float(p.amount_yi))}", f"{texts.TIP_COUNT}{texts.COLON}{int(p.count)}",
            )))
            for p in own
        )
        tip = "\n".join((
            f"{texts.TIP_GROUP}{texts.COLON}{group.group}", f"{texts.TIP_COUNT}{texts.COLON}{int(group.count)}",
            f"{given}{texts.COLON}{int(group.with_amount)}", f"{missing}{texts.COLON}{int(group.without_amount)}",
        ))
        bars.append(Bar(str(group.group), segments, float(group.amount_yi), str(group.label), tip))
    return InvestmentBars(amount_title, tuple(bars), end, _ticks(end), tuple(colours.items()))


def investment_by(rollup: Rollup) -> alt.LayerChart | None:
    """investment_bars as a Vega-Lite chart, for the PNG, the SVG and the report."""
    groups, parts = rollup.groups, rollup.parts
    if groups.empty or float(groups["amount_yi"].max()) <= 0:
        return None
    measure = measure_label(rollup.measure)
    order = list(groups["group"])
    present = order_statuses(parts["status"])
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    top = float(groups["amount_yi"].max())
    x = _amount_axis(measure, top, room=ROOM)
    bars = alt.Chart(parts).mark_bar().encode(
        x=x, y=y, color=_status_colour(present), order=alt.Order("status:N"),
        tooltip=[
            alt.Tooltip("group:N", title=texts.TIP_GROUP), alt.Tooltip("status:N", title=texts.TIP_STATUS),
            alt.Tooltip("amount_yi:Q", title=f"{measure}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}", format=AMOUNT_FORMAT),
            alt.Tooltip("count:Q", title=texts.TIP_COUNT),
        ],
    )
    given, missing = measure_words(rollup.measure)
    labels = alt.Chart(groups).mark_text(align="left", dx=4, color="#57606a", fontSize=11).encode(
        x=x, y=y, text="label:N",
        tooltip=[
            alt.Tooltip("group:N", title=texts.TIP_GROUP), alt.Tooltip("count:Q", title=texts.TIP_COUNT),
            alt.Tooltip("with_amount:Q", title=given), alt.Tooltip("without_amount:Q", title=missing),
        ],
    )
    return _style(alt.layer(bars, labels).properties(height=_height(len(order))))


# --------------------------------------------------------------------------- per project


def plan_vs_done(rows: list[ProjectRow]) -> alt.LayerChart | None:
    """Cumulative planned and completed investment per project, with the plan's total investment as a tick."""
    shown = [r for r in rows if r.planned_yi is not None or r.completed_yi is not None]
    if not shown:
        return None
    shown.sort(key=lambda r: -max(r.planned_yi or 0.0, r.completed_yi or 0.0, r.total_yi or 0.0))
    order = [_label(r) for r in shown]
    records = []
    for r in shown:
        for kind, value in ((texts.MEASURE_PLANNED, r.planned_yi), (texts.MEASURE_COMPLETED, r.completed_yi)):
            if value is not None:
                records.append({
                    "project": _label(r), "kind": kind, "amount_yi": value, "text": fmt_yi(value),
                    "total": fmt_yi(r.total_yi, texts.PROJECT_UNDISCLOSED), "status": r.status,
                    # The label sits past the total's tick when the tick is further out: never under it.
                    "label_at": max(value, r.total_yi or 0.0),
                })
    frame = pd.DataFrame(records)
    totals = pd.DataFrame(
        [{"project": _label(r), "amount_yi": r.total_yi, "text": fmt_yi(r.total_yi)} for r in shown if r.total_yi is not None],
        columns=["project", "amount_yi", "text"],
    )
    top = max([float(frame["amount_yi"].max())] + ([float(totals["amount_yi"].max())] if not totals.empty else []))
    y = alt.Y("project:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    x = _amount_axis(texts.AMOUNT, top, room=1.12)
    kinds = [texts.MEASURE_PLANNED, texts.MEASURE_COMPLETED]
    colour = alt.Color(
        "kind:N", title=None, scale=alt.Scale(domain=kinds, range=[palette.TRACK_DARK, palette.CATEGORIES[0]]),
        legend=alt.Legend(orient="bottom"),
    )
    tooltip = [
        alt.Tooltip("project:N", title=texts.TIP_PROJECT), alt.Tooltip("kind:N", title=texts.TIP_KIND),
        alt.Tooltip("amount_yi:Q", title=texts.TIP_AMOUNT, format=AMOUNT_FORMAT),
        alt.Tooltip("total:N", title=f"{texts.COL_TOTAL_PLAIN}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}"),
        alt.Tooltip("status:N", title=texts.TIP_STATUS),
    ]
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, y=y, yOffset=alt.YOffset("kind:N", sort=kinds), color=colour, tooltip=tooltip
    )
    values = alt.Chart(frame).mark_text(align="left", dx=5, fontSize=10, color=palette.MUTED).encode(
        x=alt.X("label_at:Q", title=f"{texts.AMOUNT}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}", scale=alt.Scale(domain=[0, top * 1.12], nice=False)), y=y,
        yOffset=alt.YOffset("kind:N", sort=kinds), text="text:N",
    )
    layers: list[alt.Chart] = [bars]
    if not totals.empty:
        layers.append(
            alt.Chart(totals).mark_tick(color=palette.INK, thickness=2, size=2 * ROW_HEIGHT - 4).encode(
                x=x, y=y,
                tooltip=[
                    alt.Tooltip("project:N", title=texts.TIP_PROJECT),
                    alt.Tooltip("amount_yi:Q", title=f"{texts.COL_TOTAL_PLAIN}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}", format=AMOUNT_FORMAT),
                ],
            )
        )
    layers.append(values)
    return _style(alt.layer(*layers).properties(height=_height(len(order), 2 * ROW_HEIGHT)))


LARGEST_TOP = 10  # bars of largest_projects


def largest_projects(rows: list[ProjectRow], measure: Measure, top: int = LARGEST_TOP) -> alt.LayerChart | None:
    """The largest projects by one measure; projects without it are left out (the page says how many). Drawn
    from `largest(rows, measure, top)` alone, which a page may pass instead of every row."""
    ranked = largest(rows, measure, top)
    if not ranked:
        return None
    title = measure_label(measure)
    frame = pd.DataFrame([
        {
            "project": _label(r), "amount_yi": r.measure(measure), "text": fmt_yi(r.measure(measure)),
            "status": r.status, "box": r.box_label, "towns": texts.SEP.join(r.project.towns) or texts.NOT_STATED,
        }
        for r in ranked
    ])
    order = list(frame["project"])
    present = statuses(ranked)
    y = alt.Y("project:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    x = _amount_axis(title, float(frame["amount_yi"].max()), room=1.15)
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, y=y, color=_status_colour(present),
        tooltip=[
            alt.Tooltip("project:N", title=texts.TIP_PROJECT),
            alt.Tooltip("amount_yi:Q", title=f"{title}{texts.PAREN_OPEN}{texts.UNIT_YI}{texts.PAREN_CLOSE}", format=AMOUNT_FORMAT),
            alt.Tooltip("status:N", title=texts.TIP_STATUS), alt.Tooltip("box:N", title=texts.TIP_BOX),
            alt.Tooltip("towns:N", title=texts.COL_TOWNS),
        ],
    )
    values = alt.Chart(frame).mark_text(align="left", dx=3, fontSize=11, color="#57606a").encode(
        x=x, y=y, text="text:N"
    )
    return _style(alt.layer(bars, values).properties(height=_height(len(order))))


# --------------------------------------------------------------------------- schedule


def year_fraction(day: date) -> float:
    """A date as a fractional year: 1 July 2025 -> about 2025.5, on the same axis as the Gantt bars."""
    days = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.timetuple().tm_yday - 1) / days


def schedule(rows: list[ProjectRow], today: date | None = None) -> alt.LayerChart | None:
    """Start to end year per project (a year's bar covers the whole year), the plan period and today's line."""
    today = today or date.today()
    shown = [r for r in rows if r.start_year is not None and r.end_year is not None]
    if not shown:
        return None
    shown.sort(key=lambda r: (r.start_year, r.end_year, r.code))
    frame = pd.DataFrame([
        {
            "project": _label(r), "start": r.start_year, "end": (r.end_year or 0) + 1, "status": r.status,
            "start_year": str(r.start_year), "end_year": str(r.end_year), "lead": r.lead_unit,
        }
        for r in shown
    ])
    first = int(min(frame["start"].min(), PLAN_PERIOD[0], today.year))
    last = int(max(frame["end"].max(), PLAN_PERIOD[1] + 1, today.year + 1))
    order = list(frame["project"])
    x_axis = alt.Axis(
        values=[y + 0.5 for y in range(first, last)], labelExpr="floor(datum.value)", ticks=False, grid=False,
        labelFlush=False,
    )
    x = alt.X("start:Q", title=texts.TIP_YEAR, scale=alt.Scale(domain=[first, last], nice=False), axis=x_axis)
    y = alt.Y("project:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    height = _height(len(order))
    period = pd.DataFrame([{"start": PLAN_PERIOD[0], "end": PLAN_PERIOD[1] + 1, "label": texts.PLAN_PERIOD_LABEL}])
    grid = pd.DataFrame([{"start": y} for y in range(first, last + 1)])
    today_frame = pd.DataFrame([{"start": year_fraction(today), "label": f"{texts.TODAY_LABEL} {today.isoformat()}"}])
    layers = [
        alt.Chart(period).mark_rect(color="#ddf4ff", opacity=0.7).encode(
            x=x, x2="end:Q", tooltip=[alt.Tooltip("label:N", title=texts.TIP_KIND)]
        ),
        alt.Chart(grid).mark_rule(color="#eaeef2").encode(x=x),
        alt.Chart(frame).mark_bar(cornerRadius=3, height=ROW_HEIGHT - 8).encode(
            x=x, x2="end:Q", y=y, color=_status_colour(statuses(shown)),
            tooltip=[
                alt.Tooltip("project:N", title=texts.TIP_PROJECT), alt.Tooltip("start_year:N", title=texts.COL_START),
                alt.Tooltip("end_year:N", title=texts.COL_END), alt.Tooltip("status:N", title=texts.TIP_STATUS),
                alt.Tooltip("lead:N", title=texts.COL_LEAD),
            ],
        ),
        alt.Chart(today_frame).mark_rule(color=TODAY_COLOUR, strokeWidth=2).encode(
            x=x, tooltip=[alt.Tooltip("label:N", title=texts.TIP_DATE)]
        ),
        alt.Chart(today_frame).mark_text(color=TODAY_COLOUR, align="left", dx=4, y=-8, fontSize=11).encode(
            x=x, text="label:N"
        ),
    ]
    return _style(alt.layer(*layers).properties(height=height))


# --------------------------------------------------------------------------- by year


def yearly_investment(rows: list[ProjectRow]) -> alt.LayerChart | None:
    """Completed investment per year stacked by 专栏, with the year's planned investment as black points."""
    return yearly_chart(yearly(rows))


def yearly_chart(data: pd.DataFrame) -> alt.LayerChart | None:
    """yearly_investment from `projects.yearly(rows)`: a page caches the chart by that table, not by every row."""
    if data.empty:
        return None
    done = (
        data.dropna(subset=["completed_yi"]).groupby(["year", "box", "box_no"], as_index=False)
        .agg(amount_yi=("completed_yi", "sum"), count=("project", "count"))
    )
    planned = (
        data.dropna(subset=["planned_yi"]).groupby("year", as_index=False)
        .agg(amount_yi=("planned_yi", "sum"), count=("project", "count"))
    )
    years = sorted(set(data["year"]))
    x = alt.X("year:O", title=texts.TIP_YEAR, sort=years, axis=alt.Axis(labelAngle=0))
    y_title = texts.AXIS_YI
    boxes = list(dict.fromkeys(done.sort_values("box_no")["box"])) if not done.empty else []
    layers: list[alt.Chart] = []
    if not done.empty:
        layers.append(
            alt.Chart(done).mark_bar(size=48).encode(
                x=x, y=alt.Y("sum(amount_yi):Q", title=y_title, stack=True),
                color=alt.Color(
                    "box:N", title=texts.TIP_BOX, sort=boxes, legend=alt.Legend(orient="bottom", columns=2),
                    # No red among the 专栏: red means 预警 on every other page.
                    scale=alt.Scale(domain=boxes, range=list(palette.CATEGORIES[: len(boxes)])),
                ),
                order=alt.Order("box_no:Q"),
                tooltip=[
                    alt.Tooltip("year:O", title=texts.TIP_YEAR), alt.Tooltip("box:N", title=texts.TIP_BOX),
                    alt.Tooltip("amount_yi:Q", title=texts.COL_COMPLETED_YEAR, format=AMOUNT_FORMAT),
                    alt.Tooltip("count:Q", title=texts.TIP_COUNT),
                ],
            )
        )
    if not planned.empty:
        tip = [
            alt.Tooltip("year:O", title=texts.TIP_YEAR),
            alt.Tooltip("amount_yi:Q", title=texts.COL_PLANNED_YEAR, format=AMOUNT_FORMAT),
            alt.Tooltip("count:Q", title=texts.TIP_COUNT),
        ]
        layers.append(
            alt.Chart(planned).mark_line(color="#1f2328", strokeDash=[4, 3], point=alt.OverlayMarkDef(size=70, color="#1f2328"))
            .encode(x=x, y=alt.Y("amount_yi:Q", title=y_title), tooltip=tip)
        )
    return _style(alt.layer(*layers).properties(height=360))


def project_years(row: ProjectRow) -> alt.Chart | None:
    """One project's planned and completed investment per year (the project panel)."""
    records = [
        {"year": p.year, "kind": kind, "amount_yi": value, "text": fmt_yi(value)}
        for p in row.progress
        for kind, value in ((texts.PLANNED_SHORT, p.planned_yi), (texts.COMPLETED_SHORT, p.completed_yi))
        if value is not None
    ]
    if not records:
        return None
    frame = pd.DataFrame(records)
    kinds = [texts.PLANNED_SHORT, texts.COMPLETED_SHORT]
    x = alt.X("year:O", title=texts.TIP_YEAR, axis=alt.Axis(labelAngle=0))
    y = alt.Y("amount_yi:Q", title=texts.AXIS_YI)
    bars = alt.Chart(frame).mark_bar().encode(
        x=x, xOffset=alt.XOffset("kind:N", sort=kinds),
        y=y,
        color=alt.Color("kind:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds, range=[palette.TRACK_DARK, palette.CATEGORIES[0]]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[
            alt.Tooltip("year:O", title=texts.TIP_YEAR), alt.Tooltip("kind:N", title=texts.TIP_KIND),
            alt.Tooltip("amount_yi:Q", title=texts.TIP_AMOUNT, format=AMOUNT_FORMAT),
        ],
    )
    values = alt.Chart(frame).mark_text(dy=-6, fontSize=11, color="#57606a").encode(
        x=x, xOffset=alt.XOffset("kind:N", sort=kinds), y=y, text="text:N"
    )
    return _style(alt.layer(bars, values).properties(height=280))
