"""指标详情: one indicator's history against its target, how the target was read, flags, towns, sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import charts, texts
from xq_metrics.indicator_view import indicator_detail

dataset, view = ui.setup(texts.PAGE_INDICATOR)

labels = {f"{i.code}. {i.label}": i for i in dataset.indicators if view.keeps_indicator(i)}
if not labels:
    st.info(texts.NO_INDICATOR_IN_CHAPTER)
    st.stop()
chosen = st.selectbox(texts.CHOOSE_INDICATOR, list(labels), key="indicator")
detail = indicator_detail(dataset, labels[chosen], view)
j = detail.judgement
if detail.district_fallback:
    st.info(texts.DISTRICT_FALLBACK.format(towns=ui.md("、".join(view.towns))))

left, right = st.columns([2, 3])
with left:
    st.markdown(
        f"**{texts.TARGET_LABEL}**：{ui.md(detail.indicator.target_text)}  \n"
        f"**{texts.TARGET_READ_AS}**：{ui.md(detail.target_reading)}  \n"
        f"**{texts.DIRECTION_LABEL}**：{detail.direction}  \n"
        f"**{texts.ATTRIBUTE_LABEL}**：{ui.md(detail.indicator.attribute)}  \n"
        f"**{texts.PLACE_IN_PLAN}**：{ui.md(detail.place)}  \n"
        f"**{texts.BASE_LABEL}**：{ui.md(detail.base)}"
    )
    st.markdown(f"**{ui.md(j.town)}** {ui.status_badge(j)} {texts.TREND_LABEL} {j.trend or '—'}")
    st.markdown(f"**{texts.STATUS_REASON}**：{ui.md(j.reason)}")
with right:
    ui.chart_or_notice(charts.history(dataset, detail.indicator, detail.town, view.year), texts.NOT_REPORTED)

st.subheader(texts.VALUES_TABLE)
st.dataframe(pd.DataFrame(detail.rows), hide_index=True, width="stretch")

st.subheader(texts.FLAGS)
if detail.flags:
    st.dataframe(pd.DataFrame(detail.flags), hide_index=True, width="stretch")
else:
    st.caption(texts.NO_FLAGS)

st.subheader(texts.BY_TOWN)
if detail.towns:
    st.dataframe(pd.DataFrame(detail.towns), hide_index=True, width="stretch")
else:
    st.info(texts.NO_TOWN_DATA)

if detail.facts:
    st.subheader(texts.BASE_FACTS)
    st.dataframe(pd.DataFrame(detail.facts), hide_index=True, width="stretch")
