"""总览: the plan's 18 headline indicators as target-versus-actual gauges, grouped by 类别."""

from __future__ import annotations

import streamlit as st

import ui
from xq_metrics import charts, texts
from xq_metrics.numbers import format_value
from xq_metrics.status import evaluate_all

dataset = ui.setup(texts.APP_TITLE)
st.markdown(f"**{texts.PLAN_TITLE}** · {texts.OVERVIEW_INTRO.format(count=len(dataset.indicators))}")

judgements = {j.indicator: j for j in evaluate_all(dataset)}
categories = list(dict.fromkeys(i.category for i in dataset.indicators))

with st.sidebar:
    st.header(texts.FILTERS)
    chosen_categories = st.multiselect(texts.FILTER_CATEGORY, categories, key="f_category", placeholder=texts.ALL)
    chosen_attributes = st.multiselect(texts.FILTER_ATTRIBUTE, list(texts.ATTRIBUTES), key="f_attribute", placeholder=texts.ALL)
    chosen_statuses = st.multiselect(texts.FILTER_STATUS, list(texts.STATUS_ORDER), key="f_status", placeholder=texts.ALL)

shown = [
    i for i in dataset.indicators
    if (not chosen_categories or i.category in chosen_categories)
    and (not chosen_attributes or i.attribute in chosen_attributes)
    and (not chosen_statuses or judgements[i.name].status in chosen_statuses)
]

st.subheader(texts.STATUS_COUNTS)
counts = st.columns(len(texts.STATUS_ORDER))
for column, status in zip(counts, texts.STATUS_ORDER):
    column.metric(status, sum(1 for i in shown if judgements[i.name].status == status))
alerts = sum(1 for i in shown if judgements[i.name].alert)
if alerts:
    st.error(texts.ALERT_COUNT.format(count=alerts), icon=":material/warning:")

if not shown:
    st.info(texts.NOTHING_MATCHES)
for category in categories:
    members = [i for i in shown if i.category == category]
    if not members:
        continue
    st.subheader(category)
    for start in range(0, len(members), 3):
        for column, indicator in zip(st.columns(3), members[start : start + 3]):
            j = judgements[indicator.name]
            with column.container(border=True):
                st.markdown(f"**{indicator.code}. {indicator.label}**")
                st.altair_chart(charts.gauge(indicator, j), width="content")
                latest = format_value(j.value, indicator.unit)
                year = f"（{j.year}{texts.YEAR_SUFFIX}）" if j.value is not None else ""
                arrow = f" · {texts.TREND_LABEL} {j.trend}" if j.trend else ""
                st.markdown(
                    f"{texts.TARGET_LABEL}：**{indicator.target_text}** · {indicator.attribute}  \n"
                    f"{texts.LATEST_LABEL}：**{latest}**{year}{arrow}  \n{ui.status_badge(j)}"
                )
