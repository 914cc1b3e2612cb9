"""The validation report as officials download it: their own workbook with the bad cells marked, plus a list.

Every text written here that came from a workbook is neutralised, so a cell reading "=HYPERLINK(...)" in an
upload stays text in the report. Marking means openpyxl reading the whole upload (411 s and 2.4 GB for a
5-million-cell file), so it is done only when asked for (the page's download button calls it on click) and in a
limited child process (isolation.py); a workbook it cannot mark within the limits gets the list alone.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from . import isolation, texts
from .findings import CAPPED, Finding, cap, clean, omitted_counts
from .isolation import MB, Limits
from .safety import neutralise, screen

# openpyxl needs about 30 times the sheet XML in memory; the screen lets through 200 MB of XML, so a large
# upload may well not be markable: it then gets the list of findings without its own cells.
REPORT_LIMITS = Limits(memory_bytes=1536 * MB, cpu_seconds=60, wall_seconds=90, output_bytes=64 * MB)

CELL_CHARACTERS = 32_767  # the most a workbook cell holds
FILLS = {
    "error": PatternFill("solid", fgColor="F8D7DA"), "warning": PatternFill("solid", fgColor="FFF3CD"),
    "info": PatternFill("solid", fgColor="DDEBF7"),
}


def report_columns() -> tuple[str, ...]:
    return (
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
    """Findings per severity and code; those a closing finding stands for are counted under their own code."""
    findings = list(findings)
    tally = Counter((f.severity, f.code) for f in findings if f.code != CAPPED)
    severity_of = {f.code: f.severity for f in findings if f.code != CAPPED}
    closing = next((f for f in findings if f.code == CAPPED), None)
    for code, n in omitted_counts(findings).items():
        # Each code keeps its first findings, so its severity is known; a code dropped whole only by the
        # total cap takes the closing finding's (error when any omitted one was an error).
        tally[(severity_of.get(code, closing.severity if closing else "warning"), code)] += n
    return [
        {texts.REPORT_COL_SEVERITY: texts.SEVERITY[severity], texts.REPORT_COL_CODE: code, texts.REPORT_COL_COUNT: n}
        for (severity, code), n in sorted(tally.items(), key=lambda item: (item[0][0] != "error", item[0][1]))
    ]


def totals(findings: Iterable[Finding]) -> tuple[int, int, int]:
    """(errors, warnings, notes), counting those a closing finding stands for: what the page's verdict line says."""
    by_label = {texts.SEVERITY[s]: i for i, s in enumerate(("error", "warning", "info"))}
    found = [0, 0, 0]
    for row in counts(findings):
        found[by_label[str(row[texts.REPORT_COL_SEVERITY])]] += int(row[texts.REPORT_COL_COUNT])  # type: ignore[call-overload]
    return found[0], found[1], found[2]


def report_workbook(
    original: bytes | None, file_name: str, findings: list[Finding], limits: Limits = REPORT_LIMITS
) -> bytes:
    """The upload with each finding's cell filled (red error, yellow warning) and commented, and a 检查结果 sheet.

    Never raises and never takes longer than `limits.wall_seconds`: a file that cannot be marked within the
    limits (or at all) gets the 检查结果 sheet alone, plus a 说明 sheet saying why when it was a workbook.
    """
    findings = cap(findings)  # whoever calls, at most MAX_FINDINGS comments
    if original is not None and not screen(original, file_name):
        outcome = isolation.run(_marked, original, findings, limits=limits)
        if outcome.value is not None:
            return outcome.value
        return _list_only(findings, note=texts.REPORT_NOT_MARKED)
    return _list_only(findings)


def _marked(original: bytes, findings: list[Finding]) -> bytes:
    """In the isolated child: openpyxl opens the upload, marks each finding's cell, adds the list."""
    # The official's own cells stay as they were: a text cell never runs as a formula in .xlsx, and an
    # apostrophe added to "-" would make the marked workbook fail its next upload.
    book = load_workbook(io.BytesIO(original))
    for f in findings:
        if not (f.sheet and f.row and f.column) or f.sheet not in book.sheetnames:
            continue
        cell = _writable(book[f.sheet], f"{f.column}{f.row}")
        if f.severity == "error" or cell.fill != FILLS["error"]:
            cell.fill = FILLS[f.severity]
        note = _cell_text(f"[{texts.SEVERITY[f.severity]} {f.code}] {f.message} {f.hint}")
        cell.comment = Comment(note if cell.comment is None else f"{cell.comment.text}\n{note}", texts.REPORT_AUTHOR)
    _add_list(book, findings)
    return _saved(book)


def _list_only(findings: list[Finding], note: str | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    _add_list(book, findings)
    if note:
        sheet = book.create_sheet(texts.REPORT_NOTE_SHEET)
        sheet.append([note])
        sheet.column_dimensions["A"].width = 100
    return _saved(book)


def _add_list(book: Workbook, findings: list[Finding]) -> None:
    sheet = book.create_sheet(texts.REPORT_SHEET, 0)
    sheet.append(list(report_columns()))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in finding_rows(findings):
        sheet.append([neutralise(_cell_text(v)) if isinstance(v, str) else v for v in row.values()])
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (8, 14, 6, 6, 50, 50, 14, 18, 14, 18)):
        sheet.column_dimensions[letter].width = width


def _cell_text(text: str) -> str:
    """Findings built by finding() are clean already; anything else must not make openpyxl refuse the sheet."""
    return clean(text, limit=CELL_CHARACTERS)


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _writable(sheet, ref: str):
    """A merged cell's note goes on the top-left cell of its range, the only one that can hold it."""
    for merged in sheet.merged_cells.ranges:
        if ref in merged:
            return sheet.cell(row=merged.min_row, column=merged.min_col)
    return sheet[ref]
