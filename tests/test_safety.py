"""Upload screening: every hostile case is refused with its own code, fast, before any parser runs."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from tests import hostile
from xq_metrics import safety
from xq_metrics.defaults import DATA_DIR
from xq_metrics.findings import Finding

# A functional bound (a hostile upload must not hold a worker), not a benchmark.
SECONDS = 1.0


def screened(data: bytes, file_name: str = "上传.xlsx") -> tuple[list[Finding], float]:
    start = time.perf_counter()
    found = safety.screen(data, file_name)
    return found, time.perf_counter() - start


@pytest.mark.parametrize("case", sorted(hostile.CASES))
def test_hostile_file_is_refused_with_its_code_within_a_second(case: str) -> None:
    build, code = hostile.CASES[case]
    data = build()
    found, seconds = screened(data)
    assert [f.code for f in found] == [code], [(f.code, f.message) for f in found]
    assert seconds < SECONDS
    (refusal,) = found
    assert refusal.severity == "error" and refusal.message and refusal.hint


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.xlsx")), ids=lambda p: p.name)
def test_default_data_files_pass(path: Path) -> None:
    assert safety.screen(path.read_bytes(), path.name) == []


def test_plain_openpyxl_workbook_passes() -> None:
    assert safety.screen(hostile.plain_xlsx(), "监测数据.xlsx") == []
    assert safety.screen(hostile.with_shared_strings(b'<?xml version="1.0"?><sst><si><t>a</t></si></sst>'), "a.xlsx") == []


@pytest.mark.parametrize(
    ("file_name", "advice"),
    [("报表.xls", ".xlsx"), ("报表.XLSM", "不含宏"), ("报表.csv", "CSV"), ("报表", ".xlsx"), ("报表.et", "WPS")],
)
def test_extension_other_than_xlsx_is_refused_with_advice(file_name: str, advice: str) -> None:
    (refusal,) = safety.screen(hostile.plain_xlsx(), file_name)
    assert refusal.code == "BAD_EXTENSION"
    assert file_name in refusal.message and advice in refusal.hint


def test_extension_is_read_from_the_last_path_component_and_ignores_case() -> None:
    assert safety.screen(hostile.plain_xlsx(), "C:\\报送\\西青.XLSX") == []
    assert safety.screen(hostile.plain_xlsx(), "dir.xlsx/报表.csv")[0].code == "BAD_EXTENSION"


def test_legacy_xls_named_xls_gets_one_finding_telling_to_save_as_xlsx() -> None:
    (refusal,) = safety.screen(hostile.legacy_xls(), "报表.xls")
    assert refusal.code == "LEGACY_XLS" and "另存为 .xlsx" in refusal.hint


def test_encrypted_file_says_to_remove_the_password() -> None:
    (refusal,) = safety.screen(hostile.encrypted_xlsx(), "报表.xlsx")
    assert "取消密码后另存" in refusal.hint


def test_macro_workbook_named_xlsm_reports_both_problems() -> None:
    found = safety.screen(hostile.vba_project(), "报表.xlsm")
    assert [f.code for f in found] == ["BAD_EXTENSION", "MACROS"]


def test_too_large_names_the_sheet_and_the_range() -> None:
    (refusal,) = safety.screen(hostile.huge_dimension(), "a.xlsx")
    assert refusal.sheet == "指标数据"
    assert "A1:XFD1048576" in refusal.message and "1048576" in refusal.message


def test_dimension_within_limits_passes() -> None:
    rows = safety.MAX_CELLS // 20  # 20 columns (A:T) times these rows is exactly the cell cap
    data = hostile.patched(
        "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b'ref="A1:D3"', f'ref="A1:T{rows}"'.encode())
    )
    assert safety.screen(data, "a.xlsx") == []


def test_a_small_part_that_compresses_well_is_not_a_bomb() -> None:
    data = hostile.with_part("xl/media/blank.bin", b"\x00" * (safety.RATIO_MIN_BYTES - 1))
    assert safety.screen(data, "a.xlsx") == []


def test_screen_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> list[Finding]:
        raise MemoryError("boom")

    monkeypatch.setattr(safety, "_parts", broken)
    (refusal,) = safety.screen(hostile.plain_xlsx(), "a.xlsx")
    assert refusal.code == "NOT_XLSX" and "MemoryError" in refusal.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 22 1234", "'+86 22 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("城镇化率", "城镇化率"),
        ("95.61", "95.61"),
        ("a=b", "a=b"),
        ("", ""),
        ("'=already", "'=already"),
    ],
)
def test_neutralise(text: str, expected: str) -> None:
    assert safety.neutralise(text) == expected


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="GR240000" t="n"><v>1</v></c>',  # within the row and column caps, far past the cell cap
        b'<c r="A2000000" t="n"><v>1</v></c>',  # under a small <dimension>, past the row cap
        b'<c t="n" r="ZZZZ2"><v>1</v></c>',  # r not first: the general pattern
    ],
)
def test_one_far_cell_under_a_small_dimension_is_refused(cell: bytes) -> None:
    """The cells decide what a reader allocates, not the <dimension> the file claims."""
    data = hostile.patched("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", b"<row r=\"5\">" + cell + b"</row></sheetData>"))
    started = time.perf_counter()
    found = safety.screen(data, "a.xlsx")
    assert [f.code for f in found] == ["TOO_LARGE"]
    assert time.perf_counter() - started < 1.0


# --------------------------------------------------------------------------- issue 10: what the old screen let through

# A functional bound per case: the 5-million-cell file is 19 MB and inflates to 125 MB before it is refused.
SCREEN_SECONDS = {"five_million_cells": 15.0}


@pytest.mark.parametrize("case", sorted(hostile.SCREEN_MISSED))
def test_issue_10_files_are_refused_by_the_screen(case: str) -> None:
    build, code = hostile.SCREEN_MISSED[case]
    data = build()
    found, seconds = screened(data)
    assert [f.code for f in found] == [code], [(f.code, f.message) for f in found]
    assert seconds < SCREEN_SECONDS.get(case, SECONDS)
    (refusal,) = found
    assert refusal.severity == "error" and refusal.message and refusal.hint


def test_a_far_cell_outside_worksheets_is_named_by_its_sheet() -> None:
    (refusal,) = safety.screen(hostile.far_cell_outside_worksheets(), "a.xlsx")
    assert refusal.sheet == "指标数据" and "XFD1048576" in refusal.message


def test_many_sheet_entries_say_how_many() -> None:
    (refusal,) = safety.screen(hostile.many_sheet_entries(), "a.xlsx")
    assert "10,000" in refusal.message and str(safety.MAX_SHEETS) in refusal.message


@pytest.mark.parametrize(
    "row",
    [
        b"<row r='4'><c r='A4' t='n'><v>1</v></c><c r = 'B4'><v>2</v></c></row>",  # other quoting and spacing
        b"<row><c><v>1</v></c><c><v>2</v></c></row>",  # no r at all: row 4, columns A and B by position
        b'<row r="4"><c t="n" r="A4"><v>1</v></c></row>',  # r not first
        b'<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="4"><x:c r="A4"><x:v>1</x:v></x:c></x:row>',
    ],
    ids=["quoting", "positional", "r-not-first", "prefixed"],
)
def test_unusual_but_small_sheets_pass(row: bytes) -> None:
    """Read as XML, an unusual spelling of a small sheet is what it is: small."""
    assert safety.screen(hostile.with_row(row), "a.xlsx") == []


def test_a_sheet_part_outside_worksheets_is_read_where_the_workbook_says() -> None:
    with zipfile.ZipFile(io.BytesIO(hostile.plain_xlsx())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    data = hostile._moved_sheet(sheet)
    assert safety.screen(data, "a.xlsx") == []
    from xq_metrics.reader import read_workbook

    parsed = read_workbook(data, "a.xlsx")
    assert [len(s) for s in parsed.of("values")] == [2]  # the reader finds it there too


@pytest.mark.parametrize(
    ("columns", "rows", "refused"),
    [(20, safety.MAX_TOTAL_CELLS // 20, False), (20, safety.MAX_TOTAL_CELLS // 20 + 1, True)],
    ids=["at-the-cap", "one-row-over"],
)
def test_total_cells_cap_is_exact(columns: int, rows: int, refused: bool) -> None:
    from openpyxl.utils import get_column_letter

    far = f'<row r="{rows}"><c r="{get_column_letter(columns)}{rows}"><v>1</v></c></row>'.encode()
    found = safety.screen(hostile.with_row(far), "a.xlsx")
    assert [f.code for f in found] == (["TOO_MANY_CELLS"] if refused else [])


def test_a_workbook_of_parts_that_each_compress_well_is_a_bomb_only_in_bulk() -> None:
    assert safety.screen(hostile.archive_of_small_bombs(parts=4), "a.xlsx") == []
    (refusal,) = safety.screen(hostile.archive_of_small_bombs(), "a.xlsx")
    assert refusal.code == "ZIP_BOMB" and "压缩比" in refusal.message
