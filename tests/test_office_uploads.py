"""Uploads that never lose data, and that read the workbooks district offices actually send (issue 9).

Each scenario is built by tests/office.py the way an office types it, uploaded through the same flow as the page
(check, preview, save), and the store is compared field by field with what it held before: nothing that the file
does not hold may change.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests import office
from tests.workbooks import workbook
from xq_metrics import auth, schema, upload
from xq_metrics.changes import identity
from xq_metrics.diff import Confirmation
from xq_metrics.findings import Finding
from xq_metrics.model import Dataset
from xq_metrics.store import open_store

PASSWORD = "correct-horse-1"
BOOKKEEPING = {"sample", "source"}  # follow a changed figure: 示例 mark and 出处 of the new figure


@pytest.fixture()
def store(tmp_path: Path):
    opened = open_store(tmp_path / "office.sqlite3")
    upload.seed(opened)
    auth.add_editor(opened, "王五", PASSWORD)
    return opened


@pytest.fixture()
def editor(store):
    minted = auth.login(store, "王五", PASSWORD)
    assert minted is not None
    return minted


def fields(dataset: Dataset) -> dict[tuple, object]:
    """Every stored field of every table: (table, row identity, field) -> value."""
    found = {}
    for sheet in schema.TABLES:
        for record in getattr(dataset, sheet.attribute):
            for f in dataclasses.fields(record):
                found[(sheet.key, identity(sheet, record), f.name)] = getattr(record, f.name)
    return found


def changed_fields(before: Dataset, after: Dataset) -> dict[tuple, tuple[object, object]]:
    a, b = fields(before), fields(after)
    return {k: (a.get(k), b.get(k)) for k in a.keys() | b.keys() if a.get(k) != b.get(k)}


def codes(findings: list[Finding], severity: str | None = None) -> set[str]:
    return {f.code for f in findings if severity is None or f.severity == severity}


def save(store, editor, data: bytes, name: str = "报送.xlsx", confirm: bool = False, replace=()) -> upload.UploadCheck:
    checked = upload.check(store, data, name, replace=replace)
    assert checked.ok, [(f.code, f.sheet, f.row, f.column, f.message) for f in checked.findings if f.severity == "error"]
    upload.save(store, checked, editor, checked.confirmation if confirm else None)
    return checked


# --- 1. project progress keyed by name: every figure taken, nothing else touched ----------------------------------


@pytest.mark.parametrize("with_code_and_year", [False, True], ids=["by-name", "code-and-year-added"])
def test_progress_by_name_with_year_and_unit_in_the_header(store, editor, with_code_and_year: bool) -> None:
    before = store.current().dataset
    checked = save(store, editor, office.progress_by_name(with_code_and_year))
    assert checked.green and checked.headline.figures_ignored == 0
    assert codes(checked.findings, "error") == set()
    assert {"YEAR_COLUMNS", "NOTE_ROWS", "TOTAL_ROW_SKIPPED"} <= codes(checked.findings)
    if not with_code_and_year:
        read_as = {f.row: f.understood for f in checked.findings if f.code == "NAME_READ_AS"}
        assert read_as[5].startswith("1-3 ") and read_as[7].startswith("3-4 ")  # 元宝岛项目, a name with words added
    after = store.current().dataset
    stored = {(p.project, p.year): p for p in after.progress}
    for _, code, planned, completed, status, lead in office.PROGRESS_BY_NAME:
        row = stored[(code, 2024)]
        assert (row.planned_yi, row.completed_yi) == (pytest.approx(planned / 10000), pytest.approx(completed / 10000))
        assert (row.status, row.lead_unit, row.sample) == (status, lead, False)
    touched = {k[1] for k in changed_fields(before, after)}
    assert touched == {(code, 2024) for _, code, *_ in office.PROGRESS_BY_NAME}
    # the start and end years the file does not give are kept, never blanked
    assert all(stored[(code, 2024)].start_year is not None for _, code, *_ in office.PROGRESS_BY_NAME if code != "5-4")


def test_a_total_row_that_disagrees_is_reported_not_refused(store) -> None:
    data = office.progress_by_name()
    book = load_workbook(io.BytesIO(data))
    book["项目进展"]["D9"] = 999999  # the 合计 of 完成投资
    out = io.BytesIO()
    book.save(out)
    checked = upload.check(store, out.getvalue(), "合计有误.xlsx")
    assert checked.ok
    mismatch = next(f for f in checked.findings if f.code == "TOTAL_MISMATCH")
    assert (mismatch.row, mismatch.column, mismatch.severity) == (9, "D", "warning")
    assert "99.9999" in mismatch.message and "164.15" in mismatch.message


# --- 2. the dashboard's own template, catalogue sheets left empty --------------------------------------------------


@pytest.mark.parametrize("kind", ["full", "data"])
def test_a_filled_template_with_empty_sheets_changes_only_the_data(store, editor, kind: str) -> None:
    before = store.current().dataset
    checked = save(store, editor, office.data_template_filled(kind))
    assert checked.green and codes(checked.findings, "error") == set()
    assert all(f.severity == "info" for f in checked.findings if f.code == "EMPTY_SHEET")
    assert len(checked.findings) < 15  # a few notes, never hundreds of consequences
    after = store.current().dataset
    assert after.facts == before.facts and len(after.facts) == 30  # the empty 基期数据 sheet removed nothing
    assert after.indicators == before.indicators and after.towns == before.towns
    assert {k[0] for k in changed_fields(before, after)} == {"values", "progress", "city_targets"}
    assert checked.confirmation == Confirmation(0, 0, 0)


# --- 3. placeholders and blanks keep what is stored -----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["—", "无", "未填报", "N/A", None, " "])
def test_a_placeholder_or_blank_never_removes_a_stored_value(store, editor, typed) -> None:
    before = store.current().dataset
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值", "出处"], ["森林覆盖率", "全区", 2024, typed, None]]})
    checked = upload.check(store, data, "占位.xlsx")
    assert checked.ok and checked.preview is not None and checked.preview.empty
    assert store.current().dataset == before


def test_the_plan_table_with_a_dash_keeps_the_stored_year(store, editor) -> None:
    before = store.current().dataset
    stored = next(o for o in before.observations if (o.indicator, o.town, o.year) == ("居民人均可支配收入增长", "全区", 2024))
    save(store, editor, office.plan_table(), confirm=True)
    after = store.current().dataset
    kept = next(o for o in after.observations if (o.indicator, o.town, o.year) == ("居民人均可支配收入增长", "全区", 2024))
    assert kept == stored


# --- 4. towns × indicators, the table offices make most ------------------------------------------------------------


@pytest.mark.parametrize("sheet_name", ["2024年", "2024", "各镇街2024年数据"])
def test_towns_by_indicators_with_year_in_the_sheet_name(store, editor, sheet_name: str) -> None:
    before = store.current().dataset
    checked = save(store, editor, office.towns_by_indicators(sheet_name))
    assert checked.green, [(f.code, f.message) for f in checked.findings]
    assert {"TOWNS_LAYOUT", "YEAR_FROM_CONTEXT", "NOTE_ROWS", "NOTES_SHEET", "TOTAL_AS_DISTRICT"} <= codes(checked.findings)
    read_as = {(f.seen, f.understood) for f in checked.findings if f.code == "NAME_READ_AS"}
    assert {("杨柳青", "杨柳青镇"), ("中北镇人民政府", "中北镇"), ("李七庄街道", "李七庄街")} <= read_as
    after = store.current().dataset
    values = {(o.indicator, o.town, o.year): o.value for o in after.observations}
    assert values[("常住人口城镇化率", "中北镇", 2024)] == 97.1
    assert values[("基本养老保险参保人数", "李七庄街", 2024)] == 2.44
    assert values[("城镇新增就业", "全区", 2024)] == pytest.approx(1.16)  # the 合计 row, read as the district
    assert values[("常住人口城镇化率", "全区", 2024)] == 95.93
    expected = {(i, t, 2024) for i in ("常住人口城镇化率", "基本养老保险参保人数", "城镇新增就业")
                for t in ("杨柳青镇", "中北镇", "精武镇", "李七庄街", "全区")}
    assert {k[1] for k in changed_fields(before, after)} <= expected


def test_a_towns_table_whose_total_is_not_the_sum_is_reported(store) -> None:
    checked = upload.check(store, office.towns_by_indicators(total=2.0), "合计.xlsx")
    assert checked.ok
    f = next(f for f in checked.findings if f.code == "TOTAL_MISMATCH")
    assert (f.row, f.severity) == (8, "warning") and "1.16" in f.message


def test_a_towns_table_without_any_year_says_where_to_put_it(store) -> None:
    checked = upload.check(store, office.towns_by_indicators("镇街数据"), "无年份.xlsx")
    assert not checked.ok
    f = next(f for f in checked.findings if f.code == "NO_YEAR")
    assert f.sheet == "镇街数据" and "工作表命名为“2024年”" in f.hint


# --- 5. the plan's table: targets honoured, footnotes skipped, new indicators added ---------------------------------


def test_an_edited_target_is_a_plan_change_that_needs_confirmation(store, editor) -> None:
    data = office.plan_table("每年不少于2.5万人")
    checked = upload.check(store, data, "主要指标.xlsx")
    assert checked.ok and "BAD_NUMBER" not in codes(checked.findings)  # the merged 注 row is not read as figures
    assert "NOTE_ROWS" in codes(checked.findings)
    change = next(c for c in checked.preview.changes if c.table == "指标" and c.field == "2025年目标")
    assert (change.key, change.old, change.new, change.plan) == ("10", "每年不少于2.3万人", "每年不少于2.5万人", True)
    assert checked.confirmation == Confirmation(0, 0, 1)
    with pytest.raises(upload.ConfirmationRequired):
        upload.save(store, checked, editor)
    assert store.head().number == 1
    upload.save(store, checked, editor, Confirmation(0, 0, 1))
    employment = next(i for i in store.current().dataset.indicators if i.code == 10)
    assert employment.target_text == "每年不少于2.5万人"


def test_a_new_indicator_row_is_added_or_named_once_with_what_it_lacks(store, editor) -> None:
    complete = ["生态环境", 19, "人均公园绿地面积（平方米）", "15", "预期性", 14.2, 14.6]
    lacking = ["生态环境", 20, "新能源公交占比（%）", "90", None, 80, 85]
    refused = upload.check(store, office.plan_table(new_rows=[complete, lacking]), "新指标.xlsx")
    incomplete = [f for f in refused.findings if f.code == "NEW_ROW_INCOMPLETE"]
    assert [(f.row, f.severity) for f in incomplete] == [(7, "error")] and "属性" in incomplete[0].message
    assert "UNKNOWN_INDICATOR" not in codes(refused.findings)
    save(store, editor, office.plan_table(new_rows=[complete]), confirm=True)
    added = next(i for i in store.current().dataset.indicators if i.code == 19)
    assert (added.name, added.unit, added.category, added.attribute) == ("人均公园绿地面积", "平方米", "生态环境", "预期性")
    assert {o.year: o.value for o in store.current().dataset.series("人均公园绿地面积")} == {2023: 14.2, 2024: 14.6}


@pytest.mark.parametrize("hidden", [False, True])
def test_prose_sheets_are_notes_not_a_blocked_upload(store, hidden: bool) -> None:
    checked = upload.check(store, office.notes_sheets(hidden), "含说明.xlsx")
    assert checked.ok and checked.green
    notes = [f for f in checked.findings if f.code == "NOTES_SHEET"]
    assert {f.sheet for f in notes} == {"说明", "填报说明"} and {f.severity for f in notes} == {"info"}


# --- 6. silent misreadings caught ----------------------------------------------------------------------------------


def test_excel_percent_formatting_is_read_as_the_percentage_shown(store) -> None:
    checked = upload.check(store, office.percent_formatted(0.938), "百分比.xlsx")
    assert checked.ok
    f = next(f for f in checked.findings if f.code == "PERCENT_FORMAT")
    assert (f.row, f.column, f.seen, f.understood, f.severity) == (2, "D", "0.938", "93.8", "warning")
    value = next(o for o in checked.result.dataset.observations if (o.indicator, o.year) == ("常住人口城镇化率", 2025))
    assert value.value == 93.8


@pytest.mark.parametrize(
    ("rows", "code", "words"),
    [
        ([["城镇新增就业", "全区", 2025, 22500, "单位：人"]], "UNIT_SUSPECT", "人"),
        ([["常住人口城镇化率", "全区", 2025, 0.9612, ""]], "UNIT_SUSPECT", "小数"),
        ([["基本养老保险参保人数", "全区", 2025, 232000, ""]], "UNIT_SUSPECT", "万人"),
        ([["常住人口城镇化率", "全区", 2025, 961.2, ""]], "OUT_OF_RANGE", "0到100"),
    ],
)
def test_a_figure_in_another_unit_is_refused_naming_the_mistake(store, rows, code: str, words: str) -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值", "备注"], *rows]})
    checked = upload.check(store, data, "单位.xlsx")
    assert not checked.ok
    f = next(f for f in checked.findings if f.code == code)
    assert (f.sheet, f.row, f.column) == ("指标数据", 2, "D") and words in f.message + f.hint


def test_a_town_above_the_district_is_a_warning(store) -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["基本养老保险参保人数", "精武镇", 2024, 30]]})
    checked = upload.check(store, data, "镇街.xlsx")
    f = next(f for f in checked.findings if f.code == "TOWN_ABOVE_DISTRICT")
    assert f.severity == "warning" and "精武镇" in f.message


# --- 7. 合计 and loosely typed town names in the long sheet ----------------------------------------------------------


@pytest.mark.parametrize(("typed", "town"), [("合计", "全区"), ("中北镇人民政府", "中北镇"), ("中北", "中北镇"), ("杨柳青", "杨柳青镇")])
def test_loosely_typed_towns_resolve_with_a_warning(store, typed: str, town: str) -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["城镇调查失业率", typed, 2025, 4.8]]})
    checked = upload.check(store, data, "镇街名.xlsx")
    assert checked.ok and "UNKNOWN_TOWN" not in codes(checked.findings)
    assert any(o.town == town and o.year == 2025 for o in checked.result.dataset.observations)
    if typed != town:
        assert next(f for f in checked.findings if f.code == "NAME_READ_AS").understood == town


# --- 8. green means every figure is taken ---------------------------------------------------------------------------


def test_figures_in_a_column_that_is_not_read_are_counted_and_the_report_is_not_green(store) -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值", "上年同期"], ["森林覆盖率", "全区", 2025, 25.2, 24.9],
                                  ["城镇调查失业率", "全区", 2025, 4.9, 5.1]]})
    checked = upload.check(store, data, "多一列.xlsx")
    assert checked.ok and not checked.green
    f = next(f for f in checked.findings if f.code == "IGNORED_FIGURES")
    assert (f.column, f.severity) == ("E", "warning") and "2个数字" in f.message
    assert (checked.headline.figures_read, checked.headline.figures_ignored) == (2, 2)


def test_a_sheet_of_figures_the_format_does_not_know_is_not_green(store) -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2025, 25.2]],
                     "透视表": [["a", "b"], [1, 2], [3, 4]]})
    checked = upload.check(store, data, "多一表.xlsx")
    assert checked.ok and not checked.green and checked.headline.figures_ignored == 4


# --- 9. removal only when the file says so, counted and confirmed ---------------------------------------------------


def test_a_delete_marker_removes_a_row_and_a_cell_marker_blanks_a_field_after_confirmation(store, editor) -> None:
    before = store.current().dataset
    data = workbook({"指标数据": [
        ["指标", "镇街", "年份", "数值", "操作"],
        ["森林覆盖率", "全区", 2024, None, "删除"],
        ["城镇调查失业率", "全区", 2024, "删除", None],
    ]})
    checked = upload.check(store, data, "删除.xlsx")
    assert checked.ok and checked.confirmation == Confirmation(removed=1, blanked=1, plan=0)
    with pytest.raises(upload.ConfirmationRequired):
        upload.save(store, checked, editor, Confirmation(removed=0, blanked=1, plan=0))  # counts must match exactly
    upload.save(store, checked, editor, checked.confirmation)
    after = store.current().dataset
    assert ("森林覆盖率", "全区", 2024) not in {(o.indicator, o.town, o.year) for o in after.observations}
    blanked = next(o for o in after.observations if (o.indicator, o.town, o.year) == ("城镇调查失业率", "全区", 2024))
    assert blanked.value is None
    assert set(changed_fields(before, after)) == {
        *{("values", ("森林覆盖率", "全区", 2024), f.name) for f in dataclasses.fields(before.observations[0])},
        ("values", ("城镇调查失业率", "全区", 2024), "value"),
    }


def test_replacing_a_whole_table_is_chosen_and_counted(store, editor) -> None:
    data = workbook({"基期数据": [["名称", "年份", "数值"], ["常住人口", 2022, 85.1]]})
    kept = upload.check(store, data, "基期.xlsx")
    assert kept.confirmation.removed == 0
    replaced = upload.check(store, data, "基期.xlsx", replace=["facts"])
    assert replaced.confirmation.removed == 29
    upload.save(store, replaced, editor, replaced.confirmation)
    assert len(store.current().dataset.facts) == 1


def test_rollback_counts_what_it_would_remove_and_needs_confirmation(store, editor) -> None:
    save(store, editor, workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2025, 25.2]]}))
    back = upload.rollback_preview(store, 1)
    assert back.confirmation == Confirmation(removed=1, blanked=0, plan=0)
    with pytest.raises(upload.ConfirmationRequired):
        upload.rollback(store, 1, editor)
    upload.rollback(store, 1, editor, back.confirmation)
    assert store.head().rolled_back_from == 1


# --- 10. saves that merge ---------------------------------------------------------------------------------------------


def test_two_offices_saving_from_the_same_version_keep_both_changes(store, editor) -> None:
    a = upload.check(store, workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2025, 25.2]]}), "a.xlsx")
    b = upload.check(store, workbook({"项目进展": [["项目编号", "年份", "完成投资"], ["3-2", 2025, 0.8]]}), "b.xlsx")
    upload.save(store, a, editor)
    upload.save(store, b, editor)  # previewed on version 1, saved on top of version 2
    current = store.current().dataset
    assert any((o.indicator, o.year, o.value) == ("森林覆盖率", 2025, 25.2) for o in current.observations)
    assert any((p.project, p.year, p.completed_yi) == ("3-2", 2025, 0.8) for p in current.progress)


def test_a_save_that_would_overwrite_a_field_changed_since_the_preview_is_refused(store, editor) -> None:
    first = upload.check(store, workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2024, 25.0]]}), "a.xlsx")
    second = upload.check(store, workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2024, 26.0]]}), "b.xlsx")
    upload.save(store, first, editor)
    with pytest.raises(upload.SaveConflict) as refused:
        upload.save(store, second, editor)
    assert "森林覆盖率" in str(refused.value) and "数值" in str(refused.value)
    assert store.head().number == 2
