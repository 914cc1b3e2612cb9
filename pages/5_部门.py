"""部门: one department's tasks (led and supported), indicators and projects, what is overdue and what is unreported."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from xq_metrics import projects, tasks, texts
from xq_metrics.numbers import format_value
from xq_metrics.paging import largest

dataset, filters = ui.setup("PAGE_DEPARTMENTS")
names = tasks.department_names(dataset)
if not names:
    st.info(texts.NO_DEPARTMENTS.format(count=len(dataset.tasks)))
    st.stop()
st.markdown(texts.DEPARTMENTS_INTRO)

# The chooser is the global 部门 filter: its value comes from the filters, and a choice is written back to it.
st.session_state["dept_choice"] = filters.departments[0] if filters.departments and filters.departments[0] in names else None
chosen = st.selectbox(
    texts.CHOOSE_DEPARTMENT, names, key="dept_choice", placeholder=texts.CHOOSE_DEPARTMENT_PLACEHOLDER,
    on_change=ui.choose_department, args=("dept_choice",),
)
today = date.today()


def workload() -> None:
    st.subheader(texts.WORKLOAD_TITLE)
    st.caption(texts.WORKLOAD_NOTE)
    ui.named_table(tasks.workload(dataset, today), texts.WORKLOAD_TITLE)


if chosen is None:
    workload()
    st.stop()

v = tasks.department_view(dataset, chosen, filters, today)
st.markdown(f"### {ui.md(v.name)}" + (ui.md(texts.DEPT_TOWN.format(town=v.town)) if v.town else ""))
year = v.report_year
metrics = [
    (texts.DEPT_METRIC_LEADS, len(v.leads)),
    (texts.DEPT_METRIC_SUPPORTS, len(v.supports)),
    (texts.DEPT_METRIC_OVERDUE, len(v.overdue)),
    (texts.DEPT_METRIC_UNREPORTED.format(year=year) if year else texts.METRIC_UNREPORTED_NONE, len(v.unreported)),
    (texts.DEPT_METRIC_INDICATORS, len(v.indicators)),
    (texts.DEPT_METRIC_PROJECTS, len(v.projects)),
]
with st.container(horizontal=True, gap="medium"):
    for label, value in metrics:
        st.metric(label, value, width=ui.METRIC_WIDTH)
if v.empty:
    st.info(texts.DEPT_NOTHING.format(name=ui.md(v.name)))
    st.stop()

task_columns = {texts.TASK_COL_NAME: st.column_config.TextColumn(texts.TASK_COL_NAME, pinned=True),
                texts.TASK_COL_DUE: st.column_config.DateColumn(texts.TASK_COL_DUE, format="YYYY-MM-DD")}

st.subheader(texts.DEPT_OVERDUE_TITLE)
if v.overdue:
    st.error(texts.DEPT_OVERDUE_NOTE, icon=":material/schedule:")
    for row in v.overdue:
        st.markdown(ui.task_markdown(row))
else:
    st.success(texts.DEPT_ALL_CLEAR)

st.subheader(texts.DEPT_UNREPORTED_TITLE.format(year=year) if year else texts.METRIC_UNREPORTED_NONE)
if v.unreported:
    st.warning(texts.SEP.join(f"{r.code} {ui.md(r.task.name)}" for r in v.unreported), icon=":material/pending_actions:")
else:
    st.success(texts.DEPT_ALL_REPORTED)

for title, rows in ((texts.DEPT_LEADS_TITLE, v.leads), (texts.DEPT_SUPPORTS_TITLE, v.supports)):
    st.subheader(title)
    if rows:
        ui.named_table(tasks.table(rows), f"{v.name}_{title}", column_config=task_columns)
    else:
        st.caption(texts.DEPT_NONE_HERE)

st.subheader(texts.DEPT_INDICATORS_TITLE)
if v.indicators:
    units = {i.name: i.unit for i in dataset.indicators}
    for j in ui.paginate(v.indicators, tasks.DEPARTMENT_INDICATORS, key="dept_indicators_page"):
        year_text = f"{texts.PAREN_OPEN}{j.year}{texts.YEAR_SUFFIX}{texts.PAREN_CLOSE}" if j.value is not None else ""
        st.markdown(f"{ui.md(j.indicator)}{texts.COLON}{ui.md(format_value(j.value, units[j.indicator]))}{year_text} {ui.status_badge(j)}")
else:
    st.caption(texts.DEPT_NONE_HERE)
st.subheader(texts.DEPT_PROJECTS_TITLE)
if v.projects:
    # A department answering for thousands of projects: the largest are listed, all are in the Excel (issue 13).
    listed, hidden = largest(v.projects, projects.TABLE_ROWS, lambda r: r.total_yi)
    if hidden:
        st.caption(texts.LARGEST_LISTED.format(shown=len(listed), hidden=hidden, total=len(v.projects)))
    st.dataframe(projects.table(listed), hide_index=True, width="stretch",
                 column_config={texts.COL_PROJECT: st.column_config.TextColumn(texts.COL_PROJECT, pinned=True)})
    ui.excel_button(lambda: projects.table(v.projects), f"{v.name}_{texts.DEPT_PROJECTS_TITLE}")
else:
    st.caption(texts.DEPT_NONE_HERE)

workload()
