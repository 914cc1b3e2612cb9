"""Real files: messy but honest ones get in with warnings that show the value as seen and as understood;
broken ones are refused with a finding naming sheet, row and column. The data in use never changes."""

from __future__ import annotations

import copy

import pytest

from tests import messy
from xq_metrics.defaults import load_default
from xq_metrics.findings import Finding
from xq_metrics.loader import LoadResult, load

BASE = load_default().dataset


def checked(data: bytes) -> LoadResult:
    before = copy.deepcopy(BASE)
    result = load(data, file_name="上传.xlsx", base=BASE)
    assert BASE == before  # checking a file never touches the data in use
    return result


def codes(findings: list[Finding], severity: str) -> set[str]:
    return {f.code for f in findings if f.severity == severity}


def test_plan_table_layout_is_read_as_district_values() -> None:
    result = checked(messy.plan_table_layout())
    assert result.ok, [(f.code, f.message) for f in result.findings if f.severity == "error"]
    values = {(o.indicator, o.year): o.value for o in result.dataset.observations if o.is_district}
    assert values[("常住人口城镇化率", 2023)] == 95.78  # "95.78%" read as 95.78
    assert values[("常住人口城镇化率", 2024)] == 95.93
    assert values[("居民人均可支配收入增长", 2024)] == 4.6  # "—" is 未填报: the stored figure stays
    assert values[("城镇新增就业", 2023)] == 2.45  # "2.45万人" in an indicator counted in 万人
    layout = next(f for f in result.findings if f.code == "PLAN_LAYOUT")
    assert (layout.sheet, layout.row, layout.severity) == ("主要指标", 3, "warning")
    seen = {(f.row, f.column, f.seen, f.understood) for f in result.findings if f.code == "NORMALISED"}
    assert (4, "F", "95.78%", "95.78") in seen
    placeholder = next(f for f in result.findings if f.code == "PLACEHOLDER")
    assert (placeholder.row, placeholder.column, placeholder.seen) == (5, "G", "—")


def test_odd_headers_full_width_digits_aliases_and_placeholders() -> None:
    result = checked(messy.odd_headers_and_cells())
    assert result.ok, [(f.code, f.message) for f in result.findings if f.severity == "error"]
    added = {(o.indicator, o.town, o.year): o.value for o in result.dataset.observations if o.year == 2025}
    assert added == {
        ("常住人口城镇化率", "全区", 2025): 96.1,
        ("基本养老保险参保人数", "杨柳青镇", 2025): 3.2,
        ("城镇新增就业", "李七庄街", 2025): None,
        ("基本医疗保险参保人数", "全区", 2025): 1234.0,
        ("学前三年毛入园率", "辛口镇", 2025): None,
    }
    normalised = {(f.row, f.seen, f.understood) for f in result.findings if f.code == "NORMALISED"}
    assert {(4, "2025年", "2025"), (4, "９６．１", "96.1"), (5, "3.2万人", "3.2"), (8, "1,234", "1234")} <= normalised
    assert {(f.row, f.seen) for f in result.findings if f.code == "PLACEHOLDER"} == {(6, "N/A"), (9, "无")}
    assert codes(result.findings, "error") == set()


def test_hidden_sheet_is_read_and_reported() -> None:
    result = checked(messy.hidden_values_sheet())
    assert result.ok
    assert any(o.year == 2025 and o.value == 25.1 for o in result.dataset.observations)
    assert "HIDDEN_SHEET" in codes(result.findings, "warning")


def test_year_given_as_a_date_or_a_lost_date_serial() -> None:
    result = checked(messy.year_as_date_serial())
    assert result.ok
    years = {o.indicator: o.year for o in result.dataset.observations if o.value in (25.1, 5.0)}
    assert years == {"森林覆盖率": 2025, "城镇调查失业率": 2025}


@pytest.mark.parametrize(
    ("build", "code", "row", "column", "seen"),
    [
        (messy.formula_without_value, "FORMULA_NO_VALUE", 2, "D", "=24.6+0.5"),
        (messy.error_cell, "ERROR_CELL", 2, "D", "#REF!"),
        (messy.unreadable_number, "BAD_NUMBER", 2, "D", "约25"),
        (messy.wrong_unit, "WRONG_UNIT", 2, "D", "23000人"),
    ],
)
def test_refused_with_sheet_row_column(build, code: str, row: int, column: str, seen: str) -> None:
    result = checked(build())
    assert not result.ok and result.dataset is None
    hit = [f for f in result.findings if f.code == code]
    assert hit, [(f.code, f.message) for f in result.findings]
    assert (hit[0].sheet, hit[0].row, hit[0].column, hit[0].seen) == ("指标数据", row, column, seen)
    assert hit[0].severity == "error" and hit[0].hint and hit[0].header == "数值"


def test_formula_hint_says_to_open_and_save() -> None:
    f = next(f for f in checked(messy.formula_without_value()).findings if f.code == "FORMULA_NO_VALUE")
    assert "请用 Excel/WPS 打开并保存后再上传" in f.hint


def test_wrong_unit_names_both_units() -> None:
    found = [f for f in checked(messy.wrong_unit()).findings if f.code == "WRONG_UNIT"]
    assert [(f.row, f.message) for f in found] == [
        (2, "“23000人”的单位“人”与指标单位“万人”不一致。"),
        (3, "“23亿元”的单位“亿元”与指标单位“万人”不一致。"),
    ]


def test_duplicate_names_both_rows() -> None:
    f = next(f for f in checked(messy.duplicate_rows()).findings if f.code == "DUPLICATE_KEY")
    assert f.row == 4 and "第2行" in f.message


def test_unknown_names_get_the_nearest_known_name() -> None:
    found = {f.code: f for f in checked(messy.unknown_names()).findings if f.severity == "error"}
    assert "森林覆盖率" in found["UNKNOWN_INDICATOR"].hint
    assert "杨柳青镇" in found["UNKNOWN_TOWN"].hint


def test_a_unit_in_the_cell_must_be_the_indicators_own() -> None:
    from tests.workbooks import workbook

    data = workbook({
        "指标数据": [messy.HEADER, ["城镇新增就业", "全区", 2025, "2.5%"], ["森林覆盖率", "全区", 2025, "25%"]],
        "市级下达目标": [["指标", "年份", "目标值"], ["城市空气质量优良天数比例", 2025, "264天"]],
    })
    found = {(f.sheet, f.row) for f in checked(data).findings if f.code == "WRONG_UNIT"}
    assert found == {("指标数据", 2), ("市级下达目标", 2)}  # 25% for a share in % is fine


@pytest.mark.parametrize(
    ("amount", "unit", "stored", "error"),
    [("500万元", None, 0.05, None), ("500万元", "万元", 0.05, None), ("500万元", "亿元", None, "WRONG_UNIT"), ("3亿元", None, 3.0, None)],
)
def test_project_amounts_take_the_unit_typed_in_the_cell(amount: str, unit: str | None, stored: float | None, error: str | None) -> None:
    from tests.workbooks import workbook

    data = workbook({"项目进展": [["项目编号", "年份", "计划投资", "金额单位"], ["7-1", 2025, amount, unit]]})
    result = checked(data)
    if error:
        assert error in codes(result.findings, "error")
    else:
        row = next(p for p in result.dataset.progress if p.project == "7-1" and p.year == 2025)
        assert row.planned_yi == pytest.approx(stored)


def test_two_sheets_of_one_kind_are_both_read_and_a_row_in_both_is_named() -> None:
    from tests.workbooks import workbook

    data = workbook({"指标数据": [messy.HEADER, ["森林覆盖率", "全区", 2025, 25.1]], "数据": [messy.HEADER, ["森林覆盖率", "全区", 2024, 25.0]]})
    result = checked(data)
    assert result.ok
    assert {o.year: o.value for o in result.dataset.series("森林覆盖率")}.items() >= {2024: 25.0, 2025: 25.1}.items()
    twice = workbook({"指标数据": [messy.HEADER, ["森林覆盖率", "全区", 2025, 25.1]], "数据": [messy.HEADER, ["森林覆盖率", "全区", 2025, 25.0]]})
    f = next(f for f in checked(twice).findings if f.code == "DUPLICATE_KEY")
    assert (f.sheet, f.row, f.severity) == ("数据", 2, "error") and "工作表“指标数据”第2行" in f.message


def test_category_merged_down_is_filled_from_its_top_cell() -> None:
    from tests.workbooks import plan_with

    def merge_category(book) -> None:
        ws = book["指标"]
        ws["B3"] = None  # 类别 of indicator 2, under the 城镇化水平 of indicator 1
        ws.merge_cells("B2:B3")

    result = checked(plan_with(merge_category))
    assert result.ok, [(f.code, f.message) for f in result.findings if f.severity == "error"]
    assert [i.category for i in result.dataset.indicators[:2]] == ["城镇化水平", "城镇化水平"]


def test_damaged_sheet_xml_is_a_finding_not_a_traceback() -> None:
    from tests.hostile import patched

    data = patched("xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2])  # cut off mid-element
    result = checked(data)
    assert not result.ok and "UNREADABLE_SHEET" in codes(result.findings, "error")


def test_a_damaged_sheet_leaves_the_sheets_after_it_read_and_no_parser_thread_behind() -> None:
    """calamine parses every sheet ahead on a thread of its own: one sheet failing there is that sheet's finding,
    and the thread ends with the reading, even when it ends in an error."""
    import threading

    from tests.hostile import repack
    from tests.workbooks import workbook
    from xq_metrics import reader

    def parsers() -> int:
        return sum(t.name.startswith("calamine") for t in threading.enumerate())

    rows = [messy.HEADER, ["森林覆盖率", "全区", 2024, 25.0]]
    broken = {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row><c"}
    data = repack(workbook({"指标数据": rows, "数据": rows}), replace=broken)
    parsed = reader.read_workbook(data, "坏.xlsx")
    assert {f.sheet for f in parsed.findings if f.code == "UNREADABLE_SHEET"} == {"指标数据"}
    assert [s.title for s in parsed.sheets] == ["数据"]
    assert parsers() == 0


def test_an_error_cell_without_a_reference_is_still_found() -> None:
    """r is optional in OOXML: a #REF! written without it must not slip through as 未填报."""
    import io as _io
    import zipfile

    def drop_reference(xml: bytes) -> bytes:
        assert b'<c r="D2" t="e">' in xml
        return xml.replace(b'<c r="D2" t="e">', b'<c t="e">')

    data = messy.error_cell()
    part = next(n for n in zipfile.ZipFile(_io.BytesIO(data)).namelist() if n.startswith("xl/worksheets/"))
    rebuilt = _rezip(data, part, drop_reference)
    f = next(f for f in checked(rebuilt).findings if f.code == "ERROR_CELL")
    assert (f.row, f.column) == (2, "D")


def _rezip(data: bytes, part: str, edit) -> bytes:
    import io as _io
    import zipfile

    source = zipfile.ZipFile(_io.BytesIO(data))
    out = _io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            body = source.read(item.filename)
            target.writestr(item, edit(body) if item.filename == part else body)
    return out.getvalue()
