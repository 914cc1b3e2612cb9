"""重大项目: the 37 items of the plan's 7 专栏 as a portfolio — investment, progress, schedule, one project in full."""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from xq_metrics import project_charts, projects, texts
from xq_metrics.paging import largest

dataset, filters = ui.setup("PAGE_PROJECTS")


def measure_choice() -> str:
    """总投资, 累计计划 or 累计完成, for the charts that have one; kept in the link, as a tab that does not draw it
    drops the widget's state. Buttons, not a radio: the sidebar's language buttons have brought their code already."""
    return ui.linked(
        st.segmented_control, texts.MEASURE_LABEL, list(projects.MEASURES), "p_measure", "measure",
        default="total", format_func=projects.measure_label, required=True,
    )


rows = projects.project_rows(dataset, filters.year)
everything = projects.totals(rows)
up_to = texts.UP_TO_YEAR.format(year=filters.year) if filters.year else texts.LATEST_YEAR
st.markdown(
    texts.PROJECTS_INTRO.format(count=len(rows), disclosed=everything.disclosed, year=up_to) + "  \n" + texts.UNIT_NOTE
)

box_titles = {p.box: projects.box_label(p) for p in dataset.projects}
with st.sidebar:
    st.header(texts.FILTERS)
    chosen_boxes = st.multiselect(
        texts.FILTER_BOX, sorted(box_titles), key="p_box", placeholder=texts.ALL, format_func=box_titles.get
    )
    chosen_statuses = st.multiselect(
        texts.FILTER_PROJECT_STATUS, projects.statuses(rows), key="p_status", placeholder=texts.ALL
    )
query = st.text_input(texts.SEARCH_PROJECTS, key="p_search", placeholder=texts.SEARCH_PLACEHOLDER)

selection = projects.select(rows, filters, chosen_boxes, chosen_statuses, query)
shown = selection.rows
if filters.towns and selection.excluded_no_town:
    st.caption(texts.EXCLUDED_NO_TOWN.format(count=selection.excluded_no_town))

if not shown:
    st.info(ui.md(projects.empty_reason(selection, dataset)), icon=":material/filter_alt_off:")
else:
    # Each total carries, in grey below it, how many projects it covers: a total never hides missing data.
    ui.figures([(m.label, m.value, m.covers) for m in projects.headline(shown, len(rows))])

    st.subheader(texts.PROJECT_TABLE)
    st.caption(texts.PROJECT_TABLE_NOTE.format(count=len(shown)))
    # Thousands of projects: the largest are listed, the whole list is in the Excel (issue 13).
    listed, hidden = largest(shown, projects.TABLE_ROWS, lambda r: r.total_yi)
    if hidden:
        st.caption(texts.PROJECTS_TOP.format(shown=len(listed), hidden=hidden, total=len(shown)))
    # Sorted by the chooser, read as text, the name kept in view: what the grid offered, without its code and canvas.
    listed = ui.ordered(listed, projects.list_orders(), texts.SORT_LISTED if hidden else texts.SORT_PLAN, key="p_order")
    listed_table = projects.table(listed)
    ui.list_table(listed_table, pinned=texts.COL_PROJECT, shares=(texts.COL_SHARE,))
    ui.excel_button((lambda: projects.table(shown)) if hidden else listed_table, texts.PROJECT_TABLE)

    # Investment by 专栏, chapter and town and the four views of progress, one chart at a time: a first visit makes
    # and draws the open tab's chart only.
    st.subheader(texts.CHARTS_TITLE)
    tabs = st.tabs(
        [texts.CHART_BY_BOX, texts.CHART_BY_CHAPTER, texts.CHART_BY_TOWN, texts.CHART_LARGEST, texts.CHART_YEARLY,
         texts.TAB_PLAN_VS_DONE, texts.TAB_SCHEDULE],
        on_change="rerun", key="p_tab",
    )
    *by_tabs, largest_tab, yearly_tab, plan_tab, schedule_tab = tabs
    town_order = [town.name for town in dataset.towns]
    for tab, by in zip(by_tabs, ("box", "chapter", "town")):
        if not tab.open:
            continue
        with tab:
            measure = measure_choice()
            measure_name = projects.measure_label(measure)
            if by == "town":
                st.caption(texts.TOWN_SPLIT_NOTE)
            rollup = projects.rollup(shown, by, measure, town_order)
            bars = project_charts.investment_bars(rollup)
            if bars is None:
                st.info(texts.NO_MEASURE_DATA.format(measure=measure_name))
            else:
                # HTML bars, the first thing a visit draws: no chart library to fetch and run first (ui.bar_chart).
                ui.bar_chart(bars)
                ui.chart_downloads(lambda: project_charts.investment_by(rollup), f"{measure_name}_{by}")
    if largest_tab.open:
        with largest_tab:
            measure = measure_choice()
            measure_name = projects.measure_label(measure)
            missing = sum(1 for r in shown if r.measure(measure) is None)
            st.caption(texts.LARGEST_NOTE.format(measure=measure_name, count=len(shown) - missing, missing=missing))
            ui.named_chart_or_notice(
                # Cached by what the charts draw, not by every project shown (pickling 20,000 rows took 0.13 s a chart).
                ui.chart_spec(project_charts.largest_projects, projects.largest(shown, measure, project_charts.LARGEST_TOP), measure),
                texts.NO_MEASURE_DATA.format(measure=measure_name),
                texts.CHART_LARGEST,
            )
    if yearly_tab.open:
        with yearly_tab:
            st.caption(texts.YEARLY_NOTE)
            ui.named_chart_or_notice(ui.chart_spec(project_charts.yearly_chart, projects.yearly(shown)), texts.NO_YEARLY, texts.CHART_YEARLY)
    if plan_tab.open:
        with plan_tab:
            st.caption(texts.PLAN_VS_DONE_NOTE)
            # A bar per project: never more than a chart can show (issue 13).
            reported = [r for r in shown if r.planned_yi is not None or r.completed_yi is not None]
            drawn, hidden = largest(reported, projects.CHART_ROWS, projects.size)
            if hidden:
                st.caption(texts.CHART_TOP.format(shown=len(drawn), hidden=hidden))
            ui.named_chart_or_notice(ui.chart_spec(project_charts.plan_vs_done, drawn), texts.NO_PLAN_VS_DONE, texts.CHART_PLAN_VS_DONE)
    if schedule_tab.open:
        with schedule_tab:
            today = date.today()
            scheduled = [r for r in shown if r.start_year is not None and r.end_year is not None]
            st.caption(texts.SCHEDULE_NOTE.format(today=today.isoformat(), missing=len(shown) - len(scheduled)))
            drawn, hidden = largest(scheduled, projects.CHART_ROWS, lambda r: r.total_yi)
            if hidden:
                st.caption(texts.CHART_TOP.format(shown=len(drawn), hidden=hidden))
            ui.named_chart_or_notice(ui.chart_spec(project_charts.schedule, drawn, today), texts.NO_SCHEDULE, texts.CHART_SCHEDULE)

    st.subheader(texts.PANEL_TITLE)
    by_code = {r.code: r for r in shown}
    # The projects listed above (and one a link names), not thousands of choices sent on every run.
    choices = [r.code for r in listed]
    choices += [c for c in dict.fromkeys(st.query_params.get_all("project")) if c in by_code and c not in choices][:1]
    if len(listed) < len(shown):
        st.caption(texts.PROJECT_CHOICE_LIMITED.format(shown=len(listed)))
    # None until chosen (or named in the link): a first visit does not draw an arbitrary project's chart.
    code = ui.linked(
        st.selectbox, texts.CHOOSE_PROJECT, choices, "p_project", "project",
        format_func=lambda c: f"{c} {by_code[c].project.name}", index=None, placeholder=texts.CHOOSE_PROJECT_PLACEHOLDER,
    )
    if code is None:
        st.caption(texts.PANEL_HINT)
    else:
        detail = projects.project_detail(by_code[code])
        facts, chart_column = st.columns([3, 2])
        with facts:
            st.markdown(f"#### {ui.md(detail.row.project.name)}")
            st.markdown("  \n".join(f"**{label}**{texts.COLON}{ui.md(value)}" for label, value in detail.facts))
        with chart_column:
            st.markdown(f"**{texts.PROJECT_YEARLY}**")
            ui.named_chart_or_notice(
                ui.chart_spec(project_charts.project_years, detail.row), texts.NO_PROJECT_PROGRESS,
                f"{code}_{texts.PROJECT_YEARLY}",
            )
        if not detail.years.empty:
            ui.named_table(detail.years, f"{code}_{texts.PROJECT_YEARLY}", text=True)
