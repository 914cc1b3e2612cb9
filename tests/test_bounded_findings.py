"""Findings and the report built in bounded time and space, and never broken by what a file quotes."""

from __future__ import annotations

import io
import time

import pytest
from openpyxl import load_workbook

from tests import hostile
from tests.workbooks import workbook
from xq_metrics import report
from xq_metrics.findings import CAPPED, MAX_FINDINGS, MAX_PER_CODE, MAX_TEXT, Finding, cap, clean, finding
from xq_metrics.isolation import GB, Limits


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("常住人口城镇化率", "常住人口城镇化率"),
        ("杨柳青\u3000镇", "杨柳青\u3000镇"),  # a full-width space is what the official typed: kept
        ("a\x01b", "a\\x01b"),  # illegal in a workbook cell: crashed the report
        ("a\x00b", "a\\x00b"),
        ("line\nbreak\ttab\r", "line\\nbreak\\ttab\\r"),
        ("常住人口\u200b城镇化率", "常住人口\\u200b城镇化率"),  # zero width: why the name does not match
        ("abc\u202edcba", "abc\\u202edcba"),  # a bidi override would reverse the rest of the line
        ("\ufeff指标", "\\ufeff指标"),
        ("a\u2028b", "a\\u2028b"),
        ("\ud800", "\\ud800"),  # a lone surrogate cannot even be encoded as UTF-8
        ("\x7f\x9f", "\\x7f\\x9f"),
    ],
)
def test_quoted_text_is_shown_with_control_characters_escaped(raw: str, shown: str) -> None:
    assert clean(raw) == shown
    f = finding("UNKNOWN_INDICATOR", seen=raw)
    assert f.seen == shown and shown in f.message
    f.message.encode("utf-8")  # every text of a finding can be written anywhere


@pytest.mark.parametrize("raw", ["字" * 32_767, "x" * 10_000 + "\x01", "\x01" * 5_000, 10**4000, 1e308])
def test_quoted_text_is_bounded(raw: object) -> None:
    f = finding("BAD_NUMBER", header="数值", seen=raw, detail=raw)
    assert len(f.seen or "") <= MAX_TEXT
    assert len(f.message) < 2 * MAX_TEXT


def test_every_field_a_template_quotes_is_bounded() -> None:
    names = "、".join(f"工作表{i}" for i in range(10_000))
    f = finding("NO_KNOWN_SHEET", detail=names, expected="指标数据")
    assert len(f.message) < MAX_TEXT + 100 and f.message.count("…") == 1
    g = finding("UNKNOWN_COLUMN", "warning", sheet="表\x01" * 100, header="列\n" * 100, nearest="x" * 1000)
    assert len(g.sheet or "") <= MAX_TEXT and len(g.header or "") <= MAX_TEXT and len(g.hint) <= MAX_TEXT
    assert "\x01" not in g.message and "\n" not in g.message


def _many(code: str, n: int, severity: str = "error") -> list[Finding]:
    return [finding(code, severity, sheet="指标数据", row=i + 2, column="D", header="数值", seen=i) for i in range(n)]


@pytest.mark.parametrize(
    ("groups", "kept", "omitted"),
    [
        ([("BAD_NUMBER", 5, "error")], {"BAD_NUMBER": 5}, 0),
        ([("BAD_NUMBER", MAX_PER_CODE, "error")], {"BAD_NUMBER": MAX_PER_CODE}, 0),
        ([("BAD_NUMBER", MAX_PER_CODE + 1, "error")], {"BAD_NUMBER": MAX_PER_CODE}, 1),
        ([("BAD_NUMBER", 100_000, "error")], {"BAD_NUMBER": MAX_PER_CODE}, 100_000 - MAX_PER_CODE),
        # 8 codes of 200: the total cap keeps 1,000, errors first.
        (
            [(f"C{i}", MAX_PER_CODE, "warning") for i in range(4)] + [(f"E{i}", MAX_PER_CODE, "error") for i in range(4)],
            {**{f"E{i}": MAX_PER_CODE for i in range(4)}, "C0": MAX_PER_CODE},
            3 * MAX_PER_CODE,
        ),
    ],
    ids=["few", "at-code-cap", "one-over", "a-hundred-thousand", "total-cap-errors-first"],
)
def test_cap(groups: list[tuple[str, int, str]], kept: dict[str, int], omitted: int, monkeypatch) -> None:
    from xq_metrics import texts

    for code, _, _ in groups:
        monkeypatch.setitem(texts.FINDINGS, code, ("{seen}", ""))
    findings = [f for code, n, severity in groups for f in _many(code, n, severity)]
    started = time.perf_counter()
    capped = cap(findings)
    assert time.perf_counter() - started < 2.0
    body = [f for f in capped if f.code != CAPPED]
    assert {code: sum(f.code == code for f in body) for code in kept} == kept
    assert len(body) == sum(kept.values()) <= MAX_FINDINGS
    closing = [f for f in capped if f.code == CAPPED]
    if omitted:
        (last,) = closing
        assert capped[-1] is last and last.seen == str(omitted) and f"{omitted:,}" in last.message
        assert last.severity == ("error" if any(s == "error" and n > kept.get(c, 0) for c, n, s in groups) else "warning")
    else:
        assert closing == [] and capped == findings
    # Counts stay honest: every finding is counted under its own code, kept or not.
    counted = {row["代码"]: row["数量"] for row in report.counts(capped)}
    assert counted == {code: n for code, n, _ in groups}


def test_capping_twice_counts_each_omitted_finding_once() -> None:
    """The reader caps in its child, the loader again: the closing findings merge, nothing is counted twice."""
    first = cap(_many("BAD_NUMBER", 500) + _many("BAD_YEAR", 50))
    second = cap(first + _many("UNKNOWN_TOWN", 300))
    (closing,) = [f for f in second if f.code == CAPPED]
    assert closing.seen == str(300 + 100)
    assert {row["代码"]: row["数量"] for row in report.counts(second)} == {"BAD_NUMBER": 500, "BAD_YEAR": 50, "UNKNOWN_TOWN": 300}
    assert report.totals(second) == (850, 0, 0)
    assert cap(second) == second


def test_the_report_workbook_takes_control_characters() -> None:
    """A control character quoted in a finding crashed the upload report (openpyxl refuses it in a cell)."""
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["火星指标", "全区", 2024, 1]]})
    findings = [
        finding("UNKNOWN_INDICATOR", sheet="指标数据", row=2, column="A", seen="火星\x01指标\x00"),
        Finding("error", "BAD_NUMBER", "指标数据", 2, "D", "raw \x02 message", "raw \x1f hint", seen="\x03"),
    ]
    book = load_workbook(io.BytesIO(report.report_workbook(data, "a.xlsx", findings)))
    rows = list(book["检查结果"].iter_rows(values_only=True))
    listed = [dict(zip(rows[0], row)) for row in rows[1:]]
    assert listed[0]["原值"] == "火星\\x01指标\\x00" and listed[1]["说明"] == "raw \\x02 message"
    assert "BAD_NUMBER" in book["指标数据"]["D2"].comment.text


def test_a_workbook_that_cannot_be_marked_within_the_limits_gets_the_list_and_says_why() -> None:
    data = hostile.plain_xlsx()
    findings = [finding("BAD_NUMBER", sheet="指标数据", row=2, column="D", header="数值", seen="较好")]
    tight = Limits(memory_bytes=1 * GB, cpu_seconds=5, wall_seconds=10, output_bytes=100)  # any marked workbook is larger
    started = time.monotonic()
    book = load_workbook(io.BytesIO(report.report_workbook(data, "a.xlsx", findings, limits=tight)))
    assert time.monotonic() - started < 10
    assert book.sheetnames == ["检查结果", "说明"]
    assert book["检查结果"].max_row == 2 and "未能在原文件中标注" in book["说明"]["A1"].value


def test_the_report_of_many_findings_is_built_from_the_capped_list() -> None:
    data = hostile.plain_xlsx()
    findings = _many("BAD_NUMBER", 200_000)
    started = time.monotonic()
    book = load_workbook(io.BytesIO(report.report_workbook(data, "a.xlsx", findings)))
    assert time.monotonic() - started < 60
    assert book["检查结果"].max_row == 1 + MAX_PER_CODE + 1
