"""街镇: the towns and streets side by side — schematic map, status heat map, ranking, and one town's profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import charts, texts
from xq_metrics.filters import Filters
from xq_metrics.model import Dataset, Indicator
from xq_metrics.numbers import format_value
from xq_metrics.paging import largest
from xq_metrics.towns import (
    HEATMAP_INDICATORS, PROFILE_INDICATORS, PROFILE_PROJECTS, matrix, profile, ranking, shown_towns, tiles,
    town_indicators,
)


def label(indicator: Indicator) -> str:
    return f"{indicator.code}. {indicator.label}"


def code(indicator: Indicator) -> str:
    return str(indicator.code)


def towns_view(dataset: Dataset, filters: Filters) -> None:
    """Everything below the banner: it follows the view, and reruns alone when a town is chosen (ui.view_page)."""
    indicators = town_indicators(dataset, filters)
    towns = shown_towns(dataset, filters)
    if not towns:
        st.info(texts.NO_TOWN_VALUES)
        return
    if not indicators:
        # Say once why the comparisons are empty instead of drawing blank charts.
        st.info(texts.NO_TOWN_INDICATOR_IN_CHAPTER if filters.chapters else texts.NO_TOWN_VALUES)

    # The map: coloured by one indicator; a click on a tile focuses that town.
    colour_by = ui.linked(st.selectbox, texts.COLOUR_BY, indicators, "town_colour", "colour", code=code, format_func=label) if indicators else None
    focus_options = [t.name for t in towns]
    if "town_focus" in st.session_state and st.session_state["town_focus"] not in focus_options:
        del st.session_state["town_focus"]
    picked_now = st.session_state.get("town_focus", focus_options[0])
    town_map = ui.chart_spec(charts.tile_map, tiles(dataset, colour_by, filters.year), colour_by, picked_now)
    event = ui.named_chart(
        town_map, texts.TOWN_MAP_TITLE, on_select="rerun", selection_mode="town", key="town_map", width="content"
    )
    picked = [p.get("town") for p in event.selection.get("town", [])] if event and event.selection else []
    if picked and picked[0] in focus_options and picked != st.session_state.get("town_map_last"):
        st.session_state["town_focus"] = picked[0]
        st.session_state["town_map_last"] = picked
        st.session_state["town_tab"] = texts.PROFILE_TITLE  # a tile clicked shows that town, right below the map
        st.rerun()
    st.caption(texts.TOWN_MAP_NOTE)
    focus = ui.linked(st.selectbox, texts.FOCUS_TOWN, focus_options, "town_focus", "focus")

    # The focused town, all towns by all indicators, or one indicator's ranking, one at a time: the town's profile
    # (words and a short table) first, so a first visit draws the map and no second chart.
    titles = [texts.PROFILE_TITLE] + ([texts.HEATMAP_TITLE, texts.RANKING_TITLE] if indicators else [])
    profile_tab, *chart_tabs = st.tabs(titles, on_change="rerun", key="town_tab")
    if profile_tab.open:
        with profile_tab:
            town_profile(dataset, filters, focus)
    if indicators:
        heat_tab, ranking_tab = chart_tabs
        if heat_tab.open:
            with heat_tab:
                # Readable columns only: with hundreds of indicators the map shows a page of them (issue 13).
                if len(indicators) > HEATMAP_INDICATORS:
                    st.caption(texts.HEATMAP_PAGED.format(size=HEATMAP_INDICATORS))
                columns = ui.paginate(indicators, HEATMAP_INDICATORS, key="heatmap_page")
                ui.named_chart(ui.chart_spec(charts.status_heatmap, matrix(dataset, filters, columns), columns), texts.HEATMAP_TITLE)
        if ranking_tab.open:
            with ranking_tab:
                ranked_by = ui.linked(st.selectbox, texts.RANKING_INDICATOR, indicators, "town_rank", "rank", code=code, format_func=label)
                ranked, district = ranking(dataset, ranked_by, filters)
                ui.named_chart_or_notice(
                    ui.chart_spec(charts.ranking_bar, ranked_by, ranked, district, filters.towns) if ranked else None,
                    texts.NO_TOWN_VALUES, f"{texts.RANKING_TITLE}_{ranked_by.name}",
                )


def town_profile(dataset: Dataset, filters: Filters, focus: str) -> None:
    """One town in words: its kind and positioning, its indicators' statuses and its projects."""
    p = profile(dataset, focus, filters)
    st.markdown(
        f"### {ui.md(p.town.name)}\n**{texts.TOWN_KIND}**{texts.COLON}{ui.md(p.town.kind or '—')}  \n"
        f"**{texts.TOWN_POSITIONING}**{texts.COLON}{ui.md(p.town.positioning or '—')}  \n:gray[{ui.md(p.town.source)}]"
    )
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{texts.TOWN_STATUS}**")
        if p.judgements:
            units = {i.name: i.unit for i in dataset.indicators}
            st.markdown("  \n".join(  # one element, not one a line: each element is a message on every rerun
                f"{ui.md(j.indicator)}{texts.COLON}{ui.md(format_value(j.value, units[j.indicator]))}{texts.PAREN_OPEN}{j.year}{texts.PAREN_CLOSE}{ui.status_badge(j)}"
                for j in ui.paginate(p.judgements, PROFILE_INDICATORS, key="profile_page")
            ))
        else:
            st.info(texts.NO_TOWN_VALUES)
    with right:
        st.markdown(f"**{texts.TOWN_PROJECTS}**")
        if p.projects:
            name = f"{p.town.name}_{texts.TOWN_PROJECTS}"
            listed, hidden = largest(p.projects, PROFILE_PROJECTS, lambda project: project.investment_yi)
            if hidden:
                st.caption(texts.LARGEST_LISTED.format(shown=len(listed), hidden=hidden, total=len(p.projects)))
                ui.text_table(pd.DataFrame(p.project_rows(listed)))
                ui.excel_button(lambda: pd.DataFrame(p.project_rows()), name)
            else:
                ui.named_table(pd.DataFrame(p.project_rows()), name, text=True)
        else:
            st.caption(texts.NO_TOWN_PROJECTS)


ui.view_page("PAGE_TOWNS", towns_view)
