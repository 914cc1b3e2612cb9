"""指标详情: one indicator's history against its target, how the target was read, flags, towns, sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import charts, texts
from xq_metrics.indicator_view import indicator_detail

dataset, filters = ui.setup("PAGE_INDICATOR")

shown = [i for i in dataset.indicators if filters.keeps_indicator(i)]
if not shown:
    st.info(texts.NO_INDICATOR_IN_CHAPTER)
    st.stop()
indicator = ui.linked(
    st.selectbox, texts.CHOOSE_INDICATOR, shown, "indicator", "indicator", code=lambda i: str(i.code),
    format_func=lambda i: f"{i.code}. {i.label}",
)
detail = indicator_detail(dataset, indicator, filters)
j = detail.judgement
if detail.district_fallback:
    st.info(texts.DISTRICT_FALLBACK.format(towns=ui.md(texts.SEP.join(filters.towns))))

left, right = st.columns([2, 3])
with left:
    target_line = f"**{texts.TARGET_LABEL}**{texts.COLON}{ui.md(detail.indicator.target_text)}"
    if detail.target_for_town:
        target_line += f"  \n**{texts.TOWN_TARGET_LABEL}**{texts.COLON}{ui.md(detail.target_for_town)}"
    st.markdown(
        f"{target_line}  \n"
        f"**{texts.TARGET_READ_AS}**{texts.COLON}{ui.md(detail.target_reading)}  \n"
        f"**{texts.DIRECTION_LABEL}**{texts.COLON}{detail.direction}  \n"
        f"**{texts.ATTRIBUTE_LABEL}**{texts.COLON}{ui.md(detail.indicator.attribute)}  \n"
        f"**{texts.PLACE_IN_PLAN}**{texts.COLON}{ui.md(detail.place)}  \n"
        f"**{texts.BASE_LABEL}**{texts.COLON}{ui.md(detail.base)}"
    )
    st.markdown(f"**{ui.md(j.town)}** {ui.status_badge(j)} {texts.TREND_LABEL} {j.trend or '—'}")
    st.markdown(f"**{texts.STATUS_REASON}**{texts.COLON}{ui.md(j.reason)}")
with right:
    ui.named_chart_or_notice(
        ui.chart_spec(charts.history, detail.history, detail.indicator) if detail.history else None, texts.NOT_REPORTED,
        f"{indicator.name}_{j.town}",
    )
    if detail.history and detail.history.cumulative:
        st.caption(texts.CUMULATIVE_CHART_NOTE)
    if detail.history and any(p.sample for p in detail.history.points):
        st.caption(texts.SAMPLE_POINTS_NOTE)

st.subheader(texts.VALUES_TABLE)
ui.named_table(pd.DataFrame(detail.rows), f"{indicator.name}_{texts.VALUES_TABLE}", text=True)

st.subheader(texts.FLAGS)
if detail.flags:
    ui.named_table(pd.DataFrame(detail.flags), f"{indicator.name}_{texts.FLAGS}", text=True)
else:
    st.caption(texts.NO_FLAGS)

st.subheader(texts.BY_TOWN)
if detail.towns:
    ui.named_table(pd.DataFrame(detail.towns), f"{indicator.name}_{texts.BY_TOWN}", text=True)
else:
    st.info(texts.NO_TOWN_DATA)

if detail.facts:
    st.subheader(texts.BASE_FACTS)
    ui.named_table(pd.DataFrame(detail.facts), f"{indicator.name}_{texts.BASE_FACTS}", text=True)
