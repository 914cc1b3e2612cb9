"""Excel exports (exports.py): a page's table, the current view, and the whole data set whose unchanged
re-upload changes nothing; numbers as numbers, 未填报 noted, text that looks like a formula kept as text."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from xq_metrics import exports, projects, schema, texts, upload
from xq_metrics.defaults import load_default
from xq_metrics.filters import Filters
from xq_metrics.loader import load
from xq_metrics.model import Observation, ProjectProgress
from xq_metrics.report_doc import DataVersion
from xq_metrics.store import open_store

ROOT = Path(__file__).resolve().parent.parent
VERSION = DataVersion(1, datetime(2025, 3, 1, 9, 30), "系统", "内置.zip")
HOSTILE = ("=cmd|' /C calc'!A0", "+SUM(A1:A9)", "-2+3", "@HYPERLINK(\"http://x\")", "=1+1")


def sheet_rows(data: bytes, name: str) -> list[list[object]]:
    book = load_workbook(io.BytesIO(data))
    return [[c.value for c in row] for row in book[name].iter_rows()]


# --------------------------------------------------------------------------- one table


@pytest.mark.parametrize(
    ("values", "header", "expected", "unit"),
    [
        (["95.61%", "未填报", "100%"], "数值", [95.61, None, 100], "%"),  # the unit moves to the header
        (["2.3万人", "1,234.5万人"], "数值", [2.3, 1234.5], "万人"),
        (["12.5", "3", None], "累计完成投资（亿元）", [12.5, 3, None], ""),
        (["120111100000", "120111200000"], "统计代码", ["120111100000", "120111200000"], ""),  # a code stays text
        (["0123", "0456"], "编号", ["0123", "0456"], ""),
        (["3-1", "3-2"], "编号", ["3-1", "3-2"], ""),
        (["5.1.1", "5.1.2"], "编号", ["5.1.1", "5.1.2"], ""),
        (["95%", "2.3万人"], "数值", ["95%", "2.3万人"], ""),  # two units: not one column of figures
        (["约200", "516"], "总投资", ["约200", "516"], ""),  # 约 is part of what the plan wrote
        (["—", "7"], "目标值", [None, 7], ""),
        ([1, 2.5, None], "个数", [1, 2.5, None], ""),
    ],
)
def test_a_column_of_figures_is_written_as_numbers(values: list, header: str, expected: list, unit: str) -> None:
    data = exports.table_xlsx(pd.DataFrame({header: values}), "表")
    rows = sheet_rows(data, "表")
    assert rows[0] == [f"{header}（{unit}）" if unit else header]
    got = [r[0] for r in rows[1:]]
    assert got + [None] * (len(expected) - len(got)) == expected  # a blank last row has no cell in the file


def test_未填报_is_an_empty_cell_with_a_note_and_the_header_is_frozen() -> None:
    frame = pd.DataFrame({"指标": ["甲", "乙"], "数值": ["1.5%", texts.NOT_REPORTED], "建设状态": ["在建", texts.NOT_REPORTED]})
    book = load_workbook(io.BytesIO(exports.table_xlsx(frame, "表")))
    ws = book["表"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:C3"
    assert ws["B3"].value is None and ws["B3"].comment.text == texts.NOT_REPORTED
    assert ws["C3"].value is None and ws["C3"].comment.text == texts.NOT_REPORTED
    assert ws["A1"].font.b and ws.column_dimensions["A"].width >= 6


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_looks_like_a_formula_is_written_as_text(text: str) -> None:
    data = exports.table_xlsx(pd.DataFrame({"名称": [text]}), "表")
    ws = load_workbook(io.BytesIO(data))["表"]
    assert ws["A2"].value == text and ws["A2"].data_type == "s"
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet  # no formula anywhere in the file


def test_sheet_names_follow_excels_rules() -> None:
    data = exports.table_xlsx(pd.DataFrame({"a": [1]}), "第五章/第一节:重点任务?进展情况[2024]很长很长很长很长很长很长")
    (name,) = load_workbook(io.BytesIO(data)).sheetnames
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")


def test_the_projects_table_leaves_with_amounts_as_numbers() -> None:
    data = load_default().dataset
    frame = projects.table(projects.project_rows(data))
    rows = sheet_rows(exports.table_xlsx(frame, "项目"), "项目")
    header = rows[0]
    completed = header.index("累计完成投资（亿元）")
    assert all(isinstance(r[completed], (int, float)) or r[completed] is None for r in rows[1:])
    total = header.index("总投资（亿元）")
    assert "约200" in [r[total] for r in rows[1:]]  # as the plan wrote it


# --------------------------------------------------------------------------- the whole data set: the round trip


@pytest.fixture()
def store(tmp_path: Path):
    opened = open_store(str(tmp_path / "xq.sqlite3"))
    upload.seed(opened)
    yield opened
    opened.close()


def test_an_exported_data_set_uploaded_unchanged_changes_nothing(store) -> None:
    current = store.current()
    data = exports.dataset_workbook(current.dataset, DataVersion.of(current))
    checked = upload.check(store, data, "完整数据.xlsx")
    assert checked.ok and checked.green, [f.message for f in checked.findings if f.severity == "error"]
    assert checked.preview is not None and checked.preview.empty, checked.preview.changes[:5]
    assert checked.headline.figures_read > 0 and checked.headline.figures_ignored == 0


def test_the_round_trip_holds_for_hostile_text_amounts_in_万元_and_odd_figures(store) -> None:
    """Names that look like formulas, an amount reported in 万元, figures that need every digit: each comes back."""
    base = store.current().dataset
    odd = dataclasses.replace(
        base,
        observations=base.observations + (
            Observation("森林覆盖率", texts.DISTRICT, 2021, 0.1 + 0.2, source=HOSTILE[0], note=HOSTILE[2]),
            Observation("城镇新增就业", "精武镇", 2021, 1 / 3, source=HOSTILE[3]),
        ),
        progress=base.progress + (
            ProjectProgress("3-1", 2021, planned_yi=301500 / 10000, completed_yi=12345.678 / 10000, unit="万元",
                            status=HOSTILE[1], lead_unit=HOSTILE[4]),
            ProjectProgress("3-2", 2021, planned_yi=0.7, unit=""),
        ),
    )
    data = exports.dataset_workbook(odd, VERSION)
    from xq_metrics.loader import load
    from xq_metrics.diff import preview

    result = load(data, file_name="完整数据.xlsx", base=odd)
    assert result.ok, [f.message for f in result.findings if f.severity == "error"]
    assert preview(odd, result.dataset, set(result.sheets)).empty


@pytest.mark.parametrize(("amount_yi", "unit"), [(30.15, "万元"), (1.2345678, "万元"), (1 / 3, "万元"), (7e-05, "万"),
                                                 (516.0, "亿元"), (0.1 + 0.2, "")])
def test_an_amount_goes_back_to_the_unit_it_was_reported_in_exactly(amount_yi: float, unit: str) -> None:
    from xq_metrics.money import to_yi

    typed = exports.as_typed(amount_yi, unit)
    assert to_yi(typed, unit) == amount_yi


def test_the_data_set_workbook_has_every_sheet_of_the_format_and_marks_sample_figures() -> None:
    data = load_default().dataset
    book = load_workbook(io.BytesIO(exports.dataset_workbook(data, VERSION)))
    assert book.sheetnames == [s.name for s in schema.SHEETS]
    info = {r[0]: r[1] for r in sheet_rows(exports.dataset_workbook(data, VERSION), "说明")[1:]}
    assert info[schema.INFO_SAMPLE] == texts.NO and str(data.sample_figures) in info[schema.INFO_NOTE]
    ws = book["指标数据"]
    noted = [c for row in ws.iter_rows(min_row=2) for c in row if c.comment is not None]
    assert noted and all(c.comment.text == texts.SAMPLE for c in noted)
    assert len(noted) == sum(1 for o in data.observations if o.sample and o.value is not None)
    assert ws.max_row - 1 == len(data.observations)


# --------------------------------------------------------------------------- the current view


def test_the_view_workbook_has_a_sheet_per_table_and_says_scope_version_and_sample() -> None:
    data = load_default().dataset
    content = exports.view_workbook(data, Filters(year=2024, towns=("精武镇",)), VERSION)
    book = load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["说明", "指标状态", "指标数值", "镇街状态", "重大项目情况", "任务推进情况"]
    info = {r[0]: r[1] for r in sheet_rows(content, "说明")[1:]}
    assert info["报告范围"] == "精武镇 · 2024年" and info["数据版本"].startswith("第1版")
    assert info["含示例数据"].startswith("是")
    status = sheet_rows(content, "指标状态")
    assert len(status) == 19
    town_rows = [r for r in status[1:] if r[6] == "精武镇"]
    assert {r[2] for r in town_rows} == {o.indicator for o in data.observations if o.town == "精武镇"}
    values = sheet_rows(content, "指标数值")
    assert all(r[2] <= 2024 for r in values[1:]) and {r[1] for r in values[1:]} == {"全区", "精武镇"}
    assert all(isinstance(r[3], float) or r[3] is None for r in values[1:])


def test_a_view_workbook_uploaded_changes_nothing(store) -> None:
    current = store.current()
    for filters in (Filters(), Filters(year=2024, towns=("精武镇",)), Filters(year=2023, chapters=(5,))):
        content = exports.view_workbook(current.dataset, filters, DataVersion.of(current))
        checked = upload.check(store, content, "视图.xlsx")
        assert checked.preview is None or checked.preview.empty


# --------------------------------------------------------------------------- the command line


def cli(*args: str, store: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "xq_metrics", *args, "--store", store], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_cli_writes_the_report_of_the_view_asked_for(tmp_path: Path) -> None:
    from docx import Document

    location = str(tmp_path / "xq.sqlite3")
    out = tmp_path / "报告.docx"
    run = cli("report", "--year", "2024", "--town", "精武", "--chapter", "第五章", "-o", str(out), store=location)
    assert run.returncode == 0, run.stderr
    assert "精武镇" in run.stdout and out.is_file()
    doc = Document(str(out))
    assert any(p.text.startswith("报告范围：精武镇 · 第五章 ") and p.text.endswith(" · 2024年") for p in doc.paragraphs)
    pdf = tmp_path / "r.pdf"
    run = cli("report", "--department", "发改委", "--format", "pdf", "-o", str(pdf), store=location)
    assert run.returncode == 0, run.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-" and "区发展改革委" in run.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--town", "火星镇"), "镇街“火星镇”"),
        (("--year", "2030"), "年份“2030”"),
        (("--chapter", "第九十章"), "章节“第九十章”"),
        (("--department", "宇宙局"), "部门“宇宙局”"),
        (("--format", "pdf", "-o", "x.docx"), "扩展名"),
    ],
)
def test_cli_refuses_a_scope_that_names_nothing(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    run = cli("report", *args, store=str(tmp_path / "xq.sqlite3"))
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob("*.pdf"))


def test_cli_reports_on_a_workbook_and_refuses_a_bad_one(tmp_path: Path) -> None:
    from xq_metrics.defaults import SAMPLE_WORKBOOK

    out = tmp_path / "r.docx"
    run = cli("report", str(SAMPLE_WORKBOOK), "-o", str(out), store=str(tmp_path / "xq.sqlite3"))
    assert run.returncode == 0, run.stderr
    assert out.is_file()
    bad = tmp_path / "bad.xlsx"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    run = cli("report", str(bad), "-o", str(tmp_path / "x.docx"), store=str(tmp_path / "xq.sqlite3"))
    assert run.returncode == 1 and "Traceback" not in run.stderr and not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("speaking", ["zh", "en"])
def test_the_view_workbook_uploaded_by_mistake_is_refused_in_one_clear_finding(speaking: str) -> None:
    """It looks half like the format (a 说明 sheet, 指标数值, 任务推进情况): one word, not a page of column findings."""
    from xq_metrics import language

    base = load_default().dataset
    with language.speaking(speaking):
        data = exports.view_workbook(base, Filters(), VERSION)
    result = load(data, "view.xlsx", base)
    assert result.dataset is None
    assert [(f.severity, f.code) for f in result.findings] == [("error", "VIEW_WORKBOOK")]
