"""总览: the plan's 18 headline indicators as target-versus-actual gauges, grouped by 类别."""

from __future__ import annotations

import streamlit as st

import ui
from xq_metrics import charts, overview, tasks, texts
from xq_metrics.filters import Filters
from xq_metrics.model import Dataset
from xq_metrics.numbers import format_value
from xq_metrics.status import STATUS_ORDER


def overview_view(dataset: Dataset, filters: Filters) -> None:
    """Everything below the banner: it follows the view, and reruns alone when a town is chosen (ui.view_page)."""
    st.markdown(f"**{texts.PLAN_TITLE}** · {texts.OVERVIEW_INTRO.format(count=len(dataset.indicators))}")

    all_cards = overview.cards(dataset, filters)
    categories = overview.categories(dataset)
    with st.sidebar:
        chosen_categories = ui.linked(st.multiselect, texts.FILTER_CATEGORY, categories, "f_category", "category", placeholder=texts.ALL)
        chosen_attributes = ui.linked(
            st.multiselect, texts.FILTER_ATTRIBUTE, list(texts.ATTRIBUTES), "f_attribute", "attribute", placeholder=texts.ALL,
        )
        chosen_statuses = ui.linked(
            st.multiselect, texts.FILTER_STATUS, list(STATUS_ORDER), "f_status", "status", placeholder=texts.ALL,
            format_func=lambda s: s.label,
        )
    shown = overview.select(all_cards, chosen_categories, chosen_attributes, chosen_statuses)
    counted = overview.counts(shown, filters)

    town = filters.towns[0] if len(filters.towns) == 1 else None
    st.subheader(texts.STATUS_COUNTS_TOWN.format(town=ui.md(town), count=counted.counted) if town else texts.STATUS_COUNTS)
    for column, status in zip(st.columns(len(STATUS_ORDER)), STATUS_ORDER):
        column.metric(status.label, counted.by_status[status])
    if counted.alerts:
        st.error(texts.ALERT_COUNT.format(count=counted.alerts), icon=":material/warning:")
    if counted.district_shown:
        st.info(texts.DISTRICT_SHOWN_NOT_COUNTED.format(town=ui.md(town), count=counted.district_shown))
    if counted.sample:
        st.caption(texts.COUNTS_SAMPLE.format(count=counted.sample))
    if filters.towns and all(c.district_fallback for c in all_cards):
        st.info(texts.NO_TOWN_VALUES_DISTRICT.format(towns=ui.md(texts.SEP.join(filters.towns))))
    if not shown:
        st.info(texts.NOTHING_MATCHES)
    # The plan's work in one line per chapter, folded away so the gauges stay the page (issue 14).
    task_lines = tasks.chapter_lines(dataset, filters)
    if task_lines:
        with st.expander(texts.OVERVIEW_TASKS_TITLE.format(count=sum(r.tasks for _, r in task_lines))):
            st.markdown("  \n".join(
                texts.OVERVIEW_TASKS_LINE.format(chapter=ui.md(label), parts=tasks.status_parts(r))
                + (texts.OVERVIEW_TASKS_OVERDUE.format(count=r.overdue) if r.overdue else "")
                for label, r in task_lines
            ))
            st.page_link("pages/4_任务分工.py", label=texts.OVERVIEW_TASKS_LINK, icon=":material/account_tree:")

    value_label = texts.YEAR_VALUE_LABEL.format(year=filters.year) if filters.year else texts.LATEST_LABEL
    for category in categories:
        members = [c for c in shown if c.indicator.category == category]
        if not members:
            continue
        st.subheader(ui.md(category))
        # A category of hundreds of indicators shows a page of cards at a time (issue 13); the plan's fit on one.
        members = ui.paginate(members, overview.CARDS_PER_PAGE, key=f"cards_{category}")
        # Cards of one width that wrap: three to a row on a laptop, one on a phone, in the plan's order either way.
        with st.container(horizontal=True, gap="small"):
            for card in members:
                with st.container(border=True, width=ui.CARD_WIDTH):
                    overview_card(card, filters, value_label)
        # The category's gauges as one figure, as the report prints it (issue 15: every chart leaves as PNG or SVG).
        ui.chart_downloads(
            charts.gauge_grid([(c.indicator, c.main) for c in members]), texts.GAUGES_FILE.format(category=category),
            caption=texts.GAUGES_FILES,
        )


def overview_card(card: overview.Card, filters: Filters, value_label: str) -> None:
    indicator, j = card.indicator, card.main
    who = "" if j.town == texts.DISTRICT and not filters.towns else f" · {ui.md(j.town)}"
    st.markdown(f"**{indicator.code}. {ui.md(indicator.label)}**{who}")
    ui.svg(charts.gauge_svg(indicator, j), charts.gauge_label(indicator, j), charts.GAUGE_WIDTH, charts.GAUGE_HEIGHT)
    year = f"{texts.PAREN_OPEN}{j.year}{texts.YEAR_SUFFIX}{texts.PAREN_CLOSE}" if j.value is not None else ""
    arrow = f" · {texts.TREND_LABEL} {j.trend}" if j.trend else ""
    figure = charts.gauge_text(indicator, j)
    if j.cumulative and j.value is not None:
        figure += texts.YEARLY_ALSO.format(value=format_value(j.value, indicator.unit))
    lines = [
        f"{texts.TARGET_LABEL}{texts.COLON}**{ui.md(indicator.target_text)}** · {ui.md(indicator.attribute)}",
        f"{value_label}{texts.COLON}**{ui.md(figure)}**{year}{arrow}",
        ui.status_badge(j),
    ]
    if len(card.towns) > 1 or (card.towns and card.towns[0] is not j):
        lines += [f"{ui.md(t.town)}{texts.COLON}{ui.md(format_value(t.value, indicator.unit))} {ui.status_badge(t)}" for t in card.towns]
    st.markdown("  \n".join(lines))  # one element for the card's words: every element is a message on each filter change
    if card.district_fallback:
        st.caption(texts.DISTRICT_FALLBACK.format(towns=ui.md(texts.SEP.join(filters.towns))))
    st.page_link(
        "pages/1_指标详情.py", label=texts.OPEN_DETAIL, icon=":material/query_stats:",
        query_params={**filters.to_params(), "indicator": str(indicator.code)},
    )


ui.view_page("APP_TITLE", overview_view)
