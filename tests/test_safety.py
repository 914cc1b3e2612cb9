"""Upload screening: every hostile case is refused with its own code, fast, before any parser runs."""

from __future__ import annotations

import time
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
