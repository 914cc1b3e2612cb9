"""Projects as a portfolio: roll-ups that match the table, 未披露 counted not zeroed, units, towns, progress findings."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from tests.workbooks import workbook
from xq_metrics import money, projects, schema, texts
from xq_metrics.defaults import load_default, load_plan
from xq_metrics.filters import Filters
from xq_metrics.findings import Finding
from xq_metrics.loader import load
from xq_metrics.model import Dataset

HEADERS = [c.header for c in schema.PROGRESS.columns]  # 项目编号 年份 计划投资 完成投资 金额单位 建设状态 开工年份 竣工年份 …


@pytest.fixture(scope="module")
def default() -> Dataset:
    result = load_default()
    assert result.ok, result.findings
    return result.dataset


@pytest.fixture(scope="module")
def rows(default: Dataset) -> list[projects.ProjectRow]:
    return projects.project_rows(default)


def progress_book(*lines: list[object]) -> bytes:
    return workbook({schema.PROGRESS.name: [HEADERS, *lines]})


def only(findings: list[Finding], code: str) -> Finding:
    matches = [f for f in findings if f.code == code]
    assert len(matches) == 1, [(f.code, f.message) for f in findings]
    return matches[0]


# --- totals never hide what is missing ---------------------------------------------------------


def test_plan_discloses_three_totals_and_totals_say_so(rows) -> None:
    """The plan gives four investments, but 1-3's belongs to 其中元宝岛项目: it is a note, not the 片区's total."""
    t = projects.totals(rows)
    assert (t.count, t.disclosed, t.undisclosed) == (37, 3, 34)
    assert t.total_yi == pytest.approx(516 + 200 + 6)
    assert projects.total_text(t.total_yi, t.disclosed, texts.PROJECT_UNDISCLOSED) == "722亿元"
    assert {r.code: r.total_yi for r in rows if r.total_yi is not None} == {"1-1": 200, "3-1": 516, "3-2": 6}
    by_code = {r.code: r.project for r in rows}
    assert projects.investment_text(by_code["1-1"]) == "约200亿元"
    assert projects.investment_text(by_code["1-3"]) == "未披露（其中元宝岛项目总投资约33.97亿元）"


def test_a_total_covering_no_project_is_a_word_not_zero() -> None:
    assert projects.total_text(0.0, 0, texts.PROJECT_UNDISCLOSED) == "未披露"
    assert projects.total_text(0.0, 0, texts.NOT_REPORTED) == "未填报"


def test_plan_alone_has_no_progress_and_every_status_is_unreported() -> None:
    plan = load_plan().dataset
    plan_rows = projects.project_rows(plan)
    assert all(r.status == texts.NOT_REPORTED and r.completed_yi is None for r in plan_rows)
    t = projects.totals(plan_rows)
    assert (t.completed_reported, t.completed_unreported, t.share_yi) == (0, 37, None)


# --- roll-ups match the table ------------------------------------------------------------------


def table_amounts(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_numeric(frame[column].str.replace(",", "").str.removeprefix("约"), errors="coerce")


@pytest.mark.parametrize(("by", "column"), [("box", texts.COL_BOX), ("chapter", None), ("town", None)])
@pytest.mark.parametrize(("measure", "amount_column"), [
    ("total", texts.COL_TOTAL), ("planned", texts.COL_PLANNED), ("completed", texts.COL_COMPLETED),
])
def test_rollup_sums_match_the_table_and_the_total(default, rows, by, column, measure, amount_column) -> None:
    rollup = projects.rollup(rows, by, measure, [t.name for t in default.towns])
    frame = projects.table(rows)
    amounts = table_amounts(frame, amount_column)
    assert rollup.groups["amount_yi"].sum() == pytest.approx(amounts.sum(min_count=1))
    assert rollup.groups["count"].sum() == len(rows) == len(frame)
    assert (rollup.groups["with_amount"] + rollup.groups["without_amount"] == rollup.groups["count"]).all()
    assert rollup.groups["with_amount"].sum() == amounts.notna().sum()
    # the status split adds up to its group
    by_group = rollup.parts.groupby("group")[["amount_yi", "count"]].sum()
    for group in rollup.groups.itertuples():
        assert by_group.loc[group.group, "amount_yi"] == pytest.approx(group.amount_yi)
        assert by_group.loc[group.group, "count"] == group.count
    if column:
        per_box = amounts.groupby(frame[column]).sum()
        for group in rollup.groups.itertuples():
            assert per_box[group.group] == pytest.approx(group.amount_yi)


def test_rollup_by_box_and_chapter(rows) -> None:
    boxes = projects.rollup(rows, "box", "total").groups.set_index("group")
    assert boxes.loc["专栏3 制造业升级提升工程", "amount_yi"] == pytest.approx(522)
    assert boxes.loc["专栏3 制造业升级提升工程", ["with_amount", "without_amount"]].tolist() == [2, 4]
    assert boxes.loc["专栏7 社会民生提升工程", ["amount_yi", "with_amount", "without_amount"]].tolist() == [0, 0, 4]
    assert list(boxes["count"]) == [6, 4, 6, 9, 4, 4, 4]
    chapters = projects.rollup(rows, "chapter", "total").groups
    assert list(chapters["group"].str[:3]) == ["第三章", "第四章", "第五章", "第六章"]
    assert list(chapters["count"]) == [10, 15, 8, 4]
    assert chapters.loc[0, "amount_yi"] == pytest.approx(200)  # 第三章: 1-1 only; 1-3 discloses a part


def test_multi_town_project_is_counted_once_as_multi_town(default, rows) -> None:
    night = next(r for r in rows if r.code == "4-8")
    assert len(night.project.towns) == 4 and night.town_group == texts.MULTI_TOWN
    towns = projects.rollup(rows, "town", "completed", [t.name for t in default.towns]).groups.set_index("group")
    assert towns.loc[texts.MULTI_TOWN, "count"] == 1
    assert towns.loc[texts.MULTI_TOWN, "amount_yi"] == pytest.approx((1150 + 1380) / 10000)
    assert towns.loc[texts.NO_TOWN_STATED, "count"] == sum(1 for p in default.projects if not p.towns)
    assert list(towns.index[-2:]) == [texts.MULTI_TOWN, texts.NO_TOWN_STATED]
    # under a town filter the multi-town project is kept once, still in its own group
    kept = projects.select(rows, Filters(towns=("张家窝镇", "杨柳青镇"))).rows
    assert sum(1 for r in kept if r.code == "4-8") == 1
    groups = projects.rollup(kept, "town", "total", [t.name for t in default.towns]).groups
    assert groups["count"].sum() == len(kept)
    assert set(groups["group"]) == {"张家窝镇", "杨柳青镇", texts.MULTI_TOWN}


# --- units and progress ------------------------------------------------------------------------


@pytest.mark.parametrize(("amount", "unit", "expected"), [
    (20000, "万元", 2.0), (1, "亿元", 1.0), (3.5, "", 3.5), (3.5, None, 3.5), (500, "万", 0.05), (2, "亿", 2.0),
    (1, "千元", None), (None, "万元", None),
])
def test_amounts_are_converted_to_yi(amount, unit, expected) -> None:
    result = money.to_yi(amount, unit)
    assert result == (None if expected is None else pytest.approx(expected))


def test_wan_rows_are_stored_in_yi_with_the_unit_as_given(default) -> None:
    rows_32 = [p for p in default.progress if p.project == "3-2"]
    assert [(p.year, p.unit, p.planned_yi, p.completed_yi) for p in sorted(rows_32, key=lambda p: p.year)] == [
        (2023, "万元", pytest.approx(2.0), pytest.approx(1.8)), (2024, "万元", pytest.approx(2.5), pytest.approx(2.6)),
    ]
    assert money.as_given(1.8, "万元") == "18000万元"


def test_cumulative_completed_investment_is_the_sum_over_years_up_to_the_year(default) -> None:
    latest = {r.code: r for r in projects.project_rows(default)}
    in_2023 = {r.code: r for r in projects.project_rows(default, 2023)}
    assert latest["3-2"].completed_yi == pytest.approx(1.8 + 2.6)
    assert latest["3-2"].share == pytest.approx(4.4 / 6)
    assert in_2023["3-2"].completed_yi == pytest.approx(1.8)
    assert (in_2023["3-2"].status, latest["3-2"].status) == ("在建", "建成")
    assert latest["3-1"].completed_yi == pytest.approx(98.5 + 131.2)
    # a year with no amount adds nothing and is not a zero: 7-4 reports only 2024
    assert in_2023["7-4"].completed_yi is None and latest["7-4"].completed_yi == pytest.approx(0.9)
    assert latest["1-4"].completed_yi is None and latest["1-4"].status == "谋划"
    assert (latest["1-1"].start_year, latest["1-1"].end_year, latest["1-1"].period) == (2022, 2027, "2022—2027年")


def test_sample_progress_covers_a_mix_of_statuses(default) -> None:
    codes = {p.project for p in default.progress}
    assert len(codes) >= 15 and {p.year for p in default.progress} == {2023, 2024}
    assert {p.status for p in default.progress} >= {"谋划", "在建", "建成", "运营"}
    assert {p.unit for p in default.progress} == {"亿元", "万元"}
    assert all(p.source == "示例数据（非真实统计）" for p in default.progress)
    # the sample gives progress but never a total the plan does not give
    assert sum(1 for p in default.projects if p.investment_yi is not None) == 3


# --- filters -----------------------------------------------------------------------------------


def test_town_filter_says_how_many_were_left_out_for_having_no_town(default, rows) -> None:
    selection = projects.select(rows, Filters(towns=("张家窝镇",)))
    assert [r.code for r in selection.rows] == ["4-3", "4-8", "7-1", "7-2"]
    assert selection.excluded_no_town == sum(1 for p in default.projects if not p.towns) == 24
    # chapter and town together: only town-less projects of the chosen chapter count as left out for that reason
    both = projects.select(rows, Filters(towns=("张家窝镇",), chapters=(6,)))
    assert [r.code for r in both.rows] == ["7-1", "7-2"]
    assert both.excluded_no_town == 2  # 7-3, 7-4


def test_empty_selection_names_the_filter_that_emptied_it(default, rows) -> None:
    selection = projects.select(rows, Filters(towns=("大寺镇",)))
    assert selection.rows == [] and selection.empty_step == ("town", "镇街筛选（大寺镇）", 37)
    reason = projects.empty_reason(selection, default)
    assert "大寺镇" in reason and "张家窝镇" in reason and "24项未写明镇街" in reason
    later = projects.select(rows, Filters(chapters=(5,)), boxes=(3,))
    assert later.empty_step is not None and later.empty_step[0] == "box" and later.empty_step[2] == 8
    assert projects.empty_reason(projects.select(rows, Filters()), default) == ""


def test_page_filters_and_search(rows) -> None:
    assert [r.code for r in projects.select(rows, Filters(), boxes=(5,)).rows] == ["5-1", "5-2", "5-3", "5-4"]
    built = projects.select(rows, Filters(), chosen_statuses=("建成",)).rows
    assert built and all(r.status == "建成" for r in built)
    assert [r.code for r in projects.select(rows, Filters(), query="中芯").rows] == ["3-1"]
    assert [r.code for r in projects.select(rows, Filters(), query="３－１").rows] == ["3-1"]  # full-width typed
    assert "7-1" in [r.code for r in projects.select(rows, Filters(), query="张家窝镇人民政府").rows]


def test_statuses_keep_the_usual_order_then_others() -> None:
    assert projects.order_statuses(["运营", "未填报", "停工", "谋划"]) == ["谋划", "运营", "停工", "未填报"]


def test_project_detail_holds_everything(rows) -> None:
    detail = projects.project_detail(next(r for r in rows if r.code == "3-2"))
    facts = dict(detail.facts)
    assert facts["总投资"] == "6亿元" and facts["用地面积"] == "18亩" and facts["建设状态"] == "建成"
    assert facts["规划位置"] == "第四章第一节 强化特色产业支撑" and facts["专栏"] == "专栏3 制造业升级提升工程"
    assert facts["镇街"] == texts.NOT_STATED and facts["出处"]
    assert list(detail.years[texts.COL_YEAR]) == ["2023", "2024"]
    assert detail.years.iloc[0][texts.COL_AS_GIVEN] == "计划20000万元、完成18000万元"


# --- loader: the 项目进展 sheet ------------------------------------------------------------------


def test_progress_rows_upsert_by_project_and_year(default) -> None:
    result = load(progress_book(["3-2", 2024, None, 2.0, "亿元", "建成"], ["7-3", 2025, 1, 0.5, None, "在建"]), base=default)
    assert result.ok, result.findings
    progress = {(p.project, p.year): p for p in result.dataset.progress}
    assert len(progress) == len(default.progress) + 1
    assert progress[("3-2", 2024)].completed_yi == 2.0 and progress[("3-2", 2024)].unit == "亿元"
    assert progress[("3-2", 2023)].completed_yi == pytest.approx(1.8)  # kept
    assert progress[("7-3", 2025)].unit == "" and progress[("7-3", 2025)].planned_yi == 1.0  # empty unit = 亿元


def test_unknown_unit_is_an_error_naming_sheet_row_and_column(default) -> None:
    result = load(progress_book(["5-2", 2025, 1, 1, "亿元"], ["5-2", 2026, 100, 80, "千元"]), base=default)
    assert not result.ok
    f = only(result.findings, "BAD_AMOUNT_UNIT")
    assert (f.sheet, f.row, f.column, f.header, f.seen) == ("项目进展", 3, "E", "金额单位", "千元")
    assert "万元" in f.hint and "10000" in f.hint


def test_short_unit_is_read_with_a_warning(default) -> None:
    result = load(progress_book(["5-2", 2025, 5000, 4000, "万"]), base=default)
    assert result.ok
    f = only(result.findings, "NORMALISED")
    assert (f.row, f.column, f.understood) == (2, "E", "万元")
    row = next(p for p in result.dataset.progress if (p.project, p.year) == ("5-2", 2025))
    assert row.completed_yi == pytest.approx(0.4)


@pytest.mark.parametrize(("typed", "hint"), [
    ("3-9", "专栏3共6项（3-1至3-6）。"), ("中芯西青晶圆项目", "是否应为“3-1 中芯西青"), ("9-1", "是否应为“"),
])
def test_unknown_project_code_hints_the_nearest(default, typed, hint) -> None:
    result = load(progress_book(["3-1", 2025, 10, 9], [typed, 2025, 1, 1]), base=default)
    assert not result.ok
    f = only(result.findings, "UNKNOWN_PROJECT")
    assert (f.sheet, f.row, f.column, f.header, f.seen) == ("项目进展", 3, "A", "项目编号", typed)
    assert f.hint.startswith(hint) and "形如 3-1" in f.hint


def test_project_name_is_accepted_for_the_code(default) -> None:
    result = load(progress_book(["张家窝镇第一小学工程", 2025, 0.1, 0.1]), base=default)
    assert result.ok and ("7-2", 2025) in {(p.project, p.year) for p in result.dataset.progress}


def test_code_that_excel_turned_into_a_date_is_read_back(default) -> None:
    result = load(progress_book([datetime(2025, 3, 2), 2025, 1, 1]), base=default)
    assert result.ok, result.findings
    f = only(result.findings, "NAME_READ_AS")
    assert (f.row, f.column) == (2, "A") and f.understood.startswith("3-2 ")


def test_completed_larger_than_total_after_converting_units(default) -> None:
    result = load(progress_book(["3-2", 2025, 70000, 70000, "万元"]), base=default)  # 7亿元 > 6亿元
    assert not result.ok
    f = only(result.findings, "COMPLETED_OVER_TOTAL")
    assert (f.sheet, f.row, f.column, f.header) == ("项目进展", 2, "D", "完成投资")
    assert "70000万元" in f.message and "6亿元" in f.message and "金西盟" in f.message
    # the same figure in 万元 that stays below the total is fine: 50000万元 = 5亿元, but with 4.4 before it is 9.4
    cumulative = load(progress_book(["3-2", 2025, None, 1.7]), base=default)  # 4.4 + 1.7 = 6.1 > 6
    g = only(cumulative.findings, "COMPLETED_OVER_TOTAL")
    assert "累计" in g.message and "6.1亿元" in g.message and g.row == 2
    assert load(progress_book(["3-2", 2025, None, 1.5]), base=default).ok  # 5.9 ≤ 6


def test_completed_investment_without_a_known_total_is_not_checked(default) -> None:
    assert load(progress_book(["3-3", 2025, 900, 900, "亿元"]), base=default).ok  # 新宇涂镀: total 未披露


def test_end_before_start(default) -> None:
    result = load(progress_book(["7-4", 2025, None, None, None, "在建", 2026, 2024]), base=default)
    assert not result.ok
    f = only(result.findings, "END_BEFORE_START")
    assert (f.sheet, f.row, f.column, f.header, f.seen) == ("项目进展", 2, "H", "竣工年份", "2024")
    assert "2026" in f.message


def test_duplicate_project_year_is_reported(default) -> None:
    result = load(progress_book(["5-2", 2025, 1, 1], ["5-2", 2025, 2, 2]), base=default)
    f = only(result.findings, "DUPLICATE_KEY")
    assert (f.sheet, f.row) == ("项目进展", 3)
