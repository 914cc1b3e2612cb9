"""总览: the plan's 18 headline indicators as target-versus-actual gauges, grouped by 类别."""

from __future__ import annotations

import streamlit as st

import ui
from xq_metrics import charts, tasks, texts
from xq_metrics.numbers import format_value
from xq_metrics.overview import cards

dataset, view = ui.setup(texts.APP_TITLE)
st.markdown(f"**{texts.PLAN_TITLE}** · {texts.OVERVIEW_INTRO.format(count=len(dataset.indicators))}")

all_cards = cards(dataset, view)
categories = list(dict.fromkeys(i.category for i in dataset.indicators))
with st.sidebar:
    chosen_categories = st.multiselect(texts.FILTER_CATEGORY, categories, key="f_category", placeholder=texts.ALL)
    chosen_attributes = st.multiselect(texts.FILTER_ATTRIBUTE, list(texts.ATTRIBUTES), key="f_attribute", placeholder=texts.ALL)
    chosen_statuses = st.multiselect(texts.FILTER_STATUS, list(texts.STATUS_ORDER), key="f_status", placeholder=texts.ALL)

shown = [
    c for c in all_cards
    if (not chosen_categories or c.indicator.category in chosen_categories)
    and (not chosen_attributes or c.indicator.attribute in chosen_attributes)
    and (not chosen_statuses or c.main.status in chosen_statuses)
]

st.subheader(texts.STATUS_COUNTS)
for column, status in zip(st.columns(len(texts.STATUS_ORDER)), texts.STATUS_ORDER):
    column.metric(status, sum(1 for c in shown if c.main.status == status))
alerts = sum(1 for c in shown if c.main.alert)
if alerts:
    st.error(texts.ALERT_COUNT.format(count=alerts), icon=":material/warning:")
if view.towns and all(c.district_fallback for c in all_cards):
    st.info(texts.NO_TOWN_VALUES_DISTRICT.format(towns=ui.md("、".join(view.towns))))
if not shown:
    st.info(texts.NOTHING_MATCHES)
# The plan's work in one line per chapter, folded away so the gauges stay the page (issue 14).
task_lines = tasks.chapter_lines(dataset, view)
if task_lines:
    with st.expander(texts.OVERVIEW_TASKS_TITLE.format(count=sum(r.tasks for _, r in task_lines))):
        st.markdown("  \n".join(
            texts.OVERVIEW_TASKS_LINE.format(chapter=ui.md(label), parts=tasks.status_parts(r))
            + (texts.OVERVIEW_TASKS_OVERDUE.format(count=r.overdue) if r.overdue else "")
            for label, r in task_lines
        ))
        st.page_link("pages/7_任务分工.py", label=texts.OVERVIEW_TASKS_LINK, icon=":material/account_tree:")

for category in categories:
    members = [c for c in shown if c.indicator.category == category]
    if not members:
        continue
    st.subheader(ui.md(category))
    for start in range(0, len(members), 3):
        for column, card in zip(st.columns(3), members[start : start + 3]):
            indicator, j = card.indicator, card.main
            with column.container(border=True):
                who = "" if j.town == texts.DISTRICT and not view.towns else f" · {ui.md(j.town)}"
                st.markdown(f"**{indicator.code}. {ui.md(indicator.label)}**{who}")
                st.altair_chart(charts.gauge(indicator, j), width="content")
                year = f"（{j.year}{texts.YEAR_SUFFIX}）" if j.value is not None else ""
                arrow = f" · {texts.TREND_LABEL} {j.trend}" if j.trend else ""
                st.markdown(
                    f"{texts.TARGET_LABEL}：**{ui.md(indicator.target_text)}** · {ui.md(indicator.attribute)}  \n"
                    f"{texts.LATEST_LABEL}：**{ui.md(format_value(j.value, indicator.unit))}**{year}{arrow}  \n{ui.status_badge(j)}"
                )
                if len(card.towns) > 1 or (card.towns and card.towns[0] is not j):
                    st.markdown("  \n".join(
                        f"{ui.md(t.town)}：{ui.md(format_value(t.value, indicator.unit))} {ui.status_badge(t)}" for t in card.towns
                    ))
                if card.district_fallback:
                    st.caption(texts.DISTRICT_FALLBACK.format(towns=ui.md("、".join(view.towns))))
