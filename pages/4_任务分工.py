"""任务分工: the plan's 重点任务 as a tree (chapter -> section -> task) and as a table, with roll-ups per chapter."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from xq_metrics import task_charts, tasks, texts

dataset, filters = ui.setup("PAGE_TASKS")
st.markdown(texts.TASKS_INTRO.format(count=len(dataset.tasks)))
if not dataset.tasks:
    st.info(texts.NO_TASKS)
    st.stop()

in_view = [r for r in tasks.task_rows(dataset, filters.year, date.today()) if tasks.keeps(r, filters)]
with st.sidebar:
    st.header(texts.FILTERS)
    chosen_statuses = st.multiselect(texts.FILTER_TASK_STATUS, list(tasks.STATUS_ORDER), key="t_status", placeholder=texts.ALL)
    behind_only = st.toggle(texts.BEHIND_ONLY, key="t_behind")
query = st.text_input(texts.SEARCH_TASKS, key="t_search", placeholder=texts.SEARCH_TASKS_PLACEHOLDER)
shown = tasks.select(in_view, filters, query, chosen_statuses, behind_only)

pending = sum(1 for r in shown if not r.lead)
if pending:
    st.info(texts.TASKS_PENDING.format(count=pending), icon=":material/help:")
year = tasks.report_year(dataset, filters.year)
metrics = [
    (texts.METRIC_TASKS, len(shown)),
    *((status, sum(1 for r in shown if r.status == status)) for status in tasks.STATUS_ORDER[:4]),
    (texts.METRIC_OVERDUE, sum(1 for r in shown if r.overdue)),
    (texts.METRIC_UNREPORTED.format(year=year) if year else texts.METRIC_UNREPORTED_NONE, sum(1 for r in shown if not r.reported)),
]
with st.container(horizontal=True, gap="medium"):  # wraps on a phone instead of stacking seven rows
    for label, value in metrics:
        st.metric(label, value, width=ui.METRIC_WIDTH)
if not shown:
    st.info(texts.NO_TASKS_MATCH.format(filters=ui.md(tasks.describe_choice(filters, dataset, query, chosen_statuses, behind_only))))
    st.stop()

items = tasks.rollups(dataset, shown, filters)
st.subheader(texts.ROLLUP_TITLE)
st.caption(texts.ROLLUP_NOTE)
ui.named_chart_or_notice(ui.chart_spec(task_charts.by_chapter, items), texts.NO_TASKS, texts.CHART_TASKS_BY_CHAPTER)
ui.named_table(
    tasks.rollup_table(items), texts.ROLLUP_TITLE,
    column_config={
        texts.ROLLUP_COL_BEHIND: st.column_config.ProgressColumn(
            texts.ROLLUP_COL_BEHIND, format="%d%%", min_value=0, max_value=100, width=130,
        ),
        texts.ROLLUP_COL_PLACE: st.column_config.TextColumn(texts.ROLLUP_COL_PLACE, width=260),
        texts.ROLLUP_COL_STATUSES: st.column_config.TextColumn(texts.ROLLUP_COL_STATUSES, width=170),
        texts.ROLLUP_COL_INDICATORS: st.column_config.TextColumn(texts.ROLLUP_COL_INDICATORS, width=170),
        texts.ROLLUP_COL_PROJECTS: st.column_config.TextColumn(texts.ROLLUP_COL_PROJECTS, width=170),
    },
)

tree_tab, table_tab = st.tabs([texts.TREE_TAB, texts.TABLE_TAB])
with tree_tab:
    nodes = tasks.tree(shown, items)
    for chapter in nodes:
        label = f"{ui.md(chapter.rollup.label)} · {tasks.status_parts(chapter.rollup)}"  # a label is Markdown too
        if chapter.rollup.overdue:
            label += f" · {texts.OVERDUE_BADGE}{chapter.rollup.overdue}"
        with st.expander(label, expanded=len(nodes) == 1 or bool(filters.chapters)):
            for section in chapter.sections:
                st.markdown(f"**{ui.md(section.rollup.label)}** · {ui.md(tasks.status_parts(section.rollup))}")
                for row in section.rows:
                    st.markdown(ui.task_markdown(row))
with table_tab:
    st.caption(texts.TABLE_NOTE.format(count=len(shown)))
    table = tasks.table(shown)
    st.dataframe(  # not sized to its rows: a long list stays in a scrolled box
        table, hide_index=True, width="stretch",
        column_config={
            texts.TASK_COL_NAME: st.column_config.TextColumn(texts.TASK_COL_NAME, pinned=True),
            texts.TASK_COL_DUE: st.column_config.DateColumn(texts.TASK_COL_DUE, format="YYYY-MM-DD"),
        },
    )
    ui.excel_button(table, texts.PAGE_TASKS)
