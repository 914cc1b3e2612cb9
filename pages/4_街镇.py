"""街镇: the towns and streets side by side — schematic map, status heat map, ranking, and one town's profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import charts, texts
from xq_metrics.numbers import format_value
from xq_metrics.towns import matrix, profile, ranking, shown_towns, tiles, town_indicators

dataset, view = ui.setup(texts.PAGE_TOWNS)
indicators = town_indicators(dataset, view)
towns = shown_towns(dataset, view)
labels = {f"{i.code}. {i.label}": i for i in indicators}
if not towns:
    st.info(texts.NO_TOWN_VALUES)
    st.stop()
if not indicators:
    # Say once why the comparisons are empty instead of drawing blank charts.
    st.info(texts.NO_TOWN_INDICATOR_IN_CHAPTER if view.chapters else texts.NO_TOWN_VALUES)

# The map: coloured by one indicator; a click on a tile focuses that town.
colour_label = st.selectbox(texts.COLOUR_BY, list(labels) or [texts.NOT_REPORTED], key="town_colour")
colour_by = labels.get(colour_label)
focus_options = [t.name for t in towns]
if "town_focus" not in st.session_state or st.session_state["town_focus"] not in focus_options:
    st.session_state["town_focus"] = focus_options[0]
event = st.altair_chart(
    charts.tile_map(tiles(dataset, colour_by, view.year), colour_by, st.session_state["town_focus"]),
    on_select="rerun", selection_mode="town", key="town_map", width="content",
)
picked = [p.get("镇街") for p in event.selection.get("town", [])] if event and event.selection else []
if picked and picked[0] in focus_options and picked != st.session_state.get("town_map_last"):
    st.session_state["town_focus"] = picked[0]
    st.session_state["town_map_last"] = picked
    st.rerun()
st.caption(texts.TOWN_MAP_NOTE)

if indicators:
    st.subheader(texts.HEATMAP_TITLE)
    st.altair_chart(charts.status_heatmap(matrix(dataset, view), indicators), width="stretch")
    st.subheader(texts.RANKING_TITLE)
    rank_label = st.selectbox(texts.RANKING_INDICATOR, list(labels), key="town_rank")
    ranked, district = ranking(dataset, labels[rank_label], view)
    ui.chart_or_notice(charts.ranking_bar(labels[rank_label], ranked, district) if ranked else None, texts.NO_TOWN_VALUES)

st.subheader(texts.PROFILE_TITLE)
focus = st.selectbox(texts.FOCUS_TOWN, focus_options, key="town_focus")
p = profile(dataset, focus, view)
st.markdown(
    f"### {ui.md(p.town.name)}\n**{texts.TOWN_KIND}**：{ui.md(p.town.kind or '—')}  \n"
    f"**{texts.TOWN_POSITIONING}**：{ui.md(p.town.positioning or '—')}  \n:gray[{ui.md(p.town.source)}]"
)
left, right = st.columns(2)
with left:
    st.markdown(f"**{texts.TOWN_STATUS}**")
    if p.judgements:
        units = {i.name: i.unit for i in dataset.indicators}
        for j in p.judgements:
            st.markdown(f"{ui.md(j.indicator)}：{ui.md(format_value(j.value, units[j.indicator]))}（{j.year}）{ui.status_badge(j)}")
    else:
        st.info(texts.NO_TOWN_VALUES)
with right:
    st.markdown(f"**{texts.TOWN_PROJECTS}**")
    if p.projects:
        st.dataframe(
            pd.DataFrame([
                {texts.COL_CODE: x.code, texts.TOWN_PROJECT_COL_NAME: x.name,
                 texts.COL_BOX: texts.BOX_LABEL.format(box=x.box, title=x.box_title),
                 texts.COL_TOTAL: texts.PROJECT_UNDISCLOSED if x.investment_yi is None else format_value(x.investment_yi)}
                for x in p.projects
            ]),
            hide_index=True, width="stretch",
        )
    else:
        st.caption(texts.NO_TOWN_PROJECTS)
