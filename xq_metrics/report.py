"""The validation report as officials download it: their own workbook with the bad cells marked, plus a list.

Every text written here that came from a workbook is neutralised, so a cell reading "=HYPERLINK(...)" in an
upload stays text in the report.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from . import texts
from .findings import Finding
from .safety import neutralise, screen

FILLS = {
    "error": PatternFill("solid", fgColor="F8D7DA"), "warning": PatternFill("solid", fgColor="FFF3CD"),
    "info": PatternFill("solid", fgColor="DDEBF7"),
}
REPORT_COLUMNS = (
    texts.REPORT_COL_SEVERITY, texts.REPORT_COL_SHEET, texts.REPORT_COL_ROW, texts.REPORT_COL_COLUMN,
    texts.REPORT_COL_MESSAGE, texts.REPORT_COL_HINT, texts.REPORT_COL_HEADER, texts.REPORT_COL_SEEN,
    texts.REPORT_COL_UNDERSTOOD, texts.REPORT_COL_CODE,
)


def finding_rows(findings: Iterable[Finding]) -> list[dict[str, object]]:
    """What an official reads first comes first: where, what, what to do; the code for support staff last."""
    return [
        {
            texts.REPORT_COL_SEVERITY: texts.SEVERITY[f.severity], texts.REPORT_COL_SHEET: f.sheet or "",
            texts.REPORT_COL_ROW: f.row or "", texts.REPORT_COL_COLUMN: f.column or "", texts.REPORT_COL_MESSAGE: f.message,
            texts.REPORT_COL_HINT: f.hint, texts.REPORT_COL_HEADER: f.header or "", texts.REPORT_COL_SEEN: f.seen or "",
            texts.REPORT_COL_UNDERSTOOD: f.understood or "", texts.REPORT_COL_CODE: f.code,
        }
        for f in findings
    ]


def counts(findings: Iterable[Finding]) -> list[dict[str, object]]:
    tally = Counter((f.severity, f.code) for f in findings)
    return [
        {texts.REPORT_COL_SEVERITY: texts.SEVERITY[severity], texts.REPORT_COL_CODE: code, texts.REPORT_COL_COUNT: n}
        for (severity, code), n in sorted(tally.items(), key=lambda item: (item[0][0] != "error", item[0][1]))
    ]


def report_workbook(original: bytes | None, file_name: str, findings: list[Finding]) -> bytes:
    """The upload with each finding's cell filled (red error, yellow warning) and commented, and a 检查结果 sheet."""
    book = _open(original, file_name)
    for f in findings:
        if not (f.sheet and f.row and f.column) or f.sheet not in book.sheetnames:
            continue
        cell = _writable(book[f.sheet], f"{f.column}{f.row}")
        if f.severity == "error" or cell.fill != FILLS["error"]:
            cell.fill = FILLS[f.severity]
        note = f"[{texts.SEVERITY[f.severity]} {f.code}] {f.message} {f.hint}"
        cell.comment = Comment(note if cell.comment is None else f"{cell.comment.text}\n{note}", texts.REPORT_AUTHOR)
    sheet = book.create_sheet(texts.REPORT_SHEET, 0)
    sheet.append(list(REPORT_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in finding_rows(findings):
        sheet.append([neutralise(v) if isinstance(v, str) else v for v in row.values()])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (8, 14, 6, 6, 50, 50, 14, 18, 14, 18)):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _writable(sheet, ref: str):
    """A merged cell's note goes on the top-left cell of its range, the only one that can hold it."""
    for merged in sheet.merged_cells.ranges:
        if ref in merged:
            return sheet.cell(row=merged.min_row, column=merged.min_col)
    return sheet[ref]


def _open(original: bytes | None, file_name: str) -> Workbook:
    # Only a file that passed the byte screen is handed to openpyxl; anything else gets a list-only report.
    if original is not None and not screen(original, file_name):
        try:
            # The official's own cells stay as they were: a text cell never runs as a formula in .xlsx, and an
            # apostrophe added to "-" would make the marked workbook fail its next upload.
            return load_workbook(io.BytesIO(original))
        except Exception:  # a workbook openpyxl cannot open still gets its list of findings
            pass
    book = Workbook()
    book.remove(book.active)
    return book
