"""The downloadable validation report: bad cells marked in the official's own workbook, text neutralised."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from tests.workbooks import sample_with, workbook
from xq_metrics import schema
from xq_metrics.defaults import load_plan
from xq_metrics.loader import load
from xq_metrics.report import FILLS, counts, report_workbook


def test_bad_cells_are_marked_and_listed() -> None:
    def spoil(book) -> None:
        book[schema.VALUES.name]["D5"] = "较好"
        book[schema.VALUES.name]["D6"] = "95%"

    data = sample_with(spoil)
    findings = load(data, base=load_plan().dataset).findings
    book = load_workbook(io.BytesIO(report_workbook(data, "x.xlsx", findings)))
    assert book.sheetnames[0] == "检查结果"
    values = book[schema.VALUES.name]
    assert values["D5"].fill.fgColor.rgb.endswith(FILLS["error"].fgColor.rgb[-6:])
    assert "BAD_NUMBER" in values["D5"].comment.text
    assert values["D6"].fill.fgColor.rgb.endswith(FILLS["warning"].fgColor.rgb[-6:])
    listed = listed_rows(book)
    assert ("错误", "BAD_NUMBER", "指标数据", 5, "D") in [(r["严重程度"], r["代码"], r["工作表"], r["行"], r["列"]) for r in listed]
    assert counts(findings)[0] == {"严重程度": "错误", "代码": "BAD_NUMBER", "数量": 1}


def test_formula_like_text_stays_text_in_the_report() -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["=HYPERLINK(\"http://x\",\"点我\")", "全区", 2024, 1]]})
    findings = load(data, base=load_plan().dataset).findings
    book = load_workbook(io.BytesIO(report_workbook(data, "x.xlsx", findings)))
    seen = [row["原值"] for row in listed_rows(book) if row["代码"] == "UNKNOWN_INDICATOR"]
    assert seen and all(v.startswith("'=") for v in seen)
    assert all(cell.data_type != "f" for row in book["检查结果"].iter_rows(min_row=2) for cell in row)


def listed_rows(book) -> list[dict]:
    """The 检查结果 sheet as rows by header, whatever the order of its columns."""
    rows = list(book["检查结果"].iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_a_refused_file_still_gets_a_list() -> None:
    findings = load(b"not a workbook", file_name="x.xlsx").findings
    book = load_workbook(io.BytesIO(report_workbook(b"not a workbook", "x.xlsx", findings)))
    assert book.sheetnames == ["检查结果"] and book["检查结果"].max_row == 1 + len(findings)


def test_a_finding_on_a_merged_cell_is_noted_on_its_top_left_cell() -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "指标数据"
    ws.append(["指标", "镇街", "年份", "数值"])
    ws.append(["火星指标", "全区", 2024, 1])
    ws.append([None, "全区", 2025, 2])
    ws.merge_cells("A2:A3")
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    findings = load(data, base=load_plan().dataset).findings
    assert any(f.code == "UNKNOWN_INDICATOR" and f.row == 3 for f in findings)  # filled down, then unknown
    marked = load_workbook(io.BytesIO(report_workbook(data, "x.xlsx", findings)))["指标数据"]
    assert "UNKNOWN_INDICATOR" in marked["A2"].comment.text


def test_the_officials_own_cells_are_left_as_they_were() -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2024, "-"]]})
    findings = load(data, base=load_plan().dataset).findings
    book = load_workbook(io.BytesIO(report_workbook(data, "x.xlsx", findings)))
    assert book["指标数据"]["D2"].value == "-"  # re-uploading the marked workbook reads 未填报 again
