"""Workbook bytes -> typed rows per known sheet, with cell-level findings (sheet, Excel row, column).

Reads the files officials really make: title rows above the header, headers with odd spaces or aliases,
hidden sheets, and the plan's own indicator-table layout (指标 | 2023年 | 2024年 …) with the figures in year
columns. What calamine cannot see (formulas saved without a value, error cells) comes from cellscan.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import python_calamine
from openpyxl.utils import get_column_letter

from . import cells, schema, texts
from .cellscan import BadCell, scan
from .findings import Finding, finding, nearest_hint

HEADER_SCAN_ROWS = 10
_YEAR_HEADER = re.compile(r"^(\d{4})年?(?:度)?(?:实际值|完成值|完成情况|数值|实际)?$")
_CODES = {"int": "BAD_INT", "year": "BAD_YEAR", "number": "BAD_NUMBER"}


@dataclass(slots=True)
class Row:  # not frozen: built once per row of a large upload, and frozen dataclasses are slow to build
    number: int  # Excel row
    values: dict[str, object]  # column key -> typed value (None when empty)
    columns: dict[str, str]  # column key -> Excel letter, for findings
    units: dict[str, str] = field(default_factory=dict)  # column key -> unit typed after the figure


@dataclass
class ParsedSheet:
    sheet: schema.Sheet
    title: str  # as named in the workbook
    rows: list[Row] = field(default_factory=list)


@dataclass
class ParsedWorkbook:
    file_name: str
    sheets: dict[str, ParsedSheet]
    findings: list[Finding]


def read_workbook(source: str | Path | bytes, file_name: str | None = None) -> ParsedWorkbook:
    name = file_name or (Path(source).name if isinstance(source, (str, Path)) else texts.UPLOADED_FILE_NAME)
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for a file that is not a workbook
        return ParsedWorkbook(name, {}, [finding("NOT_XLSX", detail=type(exc).__name__)])

    findings: list[Finding] = []
    parsed: dict[str, ParsedSheet] = {}
    by_name = {cells.fold(alias): sheet for sheet in schema.SHEETS for alias in (sheet.name, *sheet.aliases)}
    hidden = {m.name for m in book.sheets_metadata if str(m.visible).rsplit(".", 1)[-1].lower() != "visible"}
    bad_cells = scan(data)
    unknown: list[str] = []
    for title in book.sheet_names:
        sheet = by_name.get(cells.fold(title))
        if sheet is None:
            unknown.append(title)
            continue
        if sheet.key in parsed:
            # 指标数据 and 数据 both mean the values sheet: reading one and dropping the other would lose rows.
            findings.append(finding("DUPLICATE_SHEET", sheet=title, detail=parsed[sheet.key].title))
            continue
        if title in hidden:
            findings.append(finding("HIDDEN_SHEET", "warning", sheet=title))
        grid = _grid(book, title, findings)
        if grid is None:
            continue
        bad = [c for c in bad_cells if c.sheet == title]
        try:
            if sheet is schema.VALUES and _find_header(sheet, grid)[0] is None and _wide_header(grid):
                parsed[sheet.key] = _read_wide(title, grid, bad, findings)
            else:
                parsed[sheet.key] = _read_sheet(sheet, title, grid, bad, findings)
        except Exception as exc:  # a sheet we cannot make sense of is refused, never a traceback
            findings.append(finding("UNREADABLE_SHEET", sheet=title, detail=type(exc).__name__))
    for title in unknown:
        grid = _grid(book, title, findings)
        if grid is None:
            continue
        if schema.VALUES.key not in parsed and _wide_header(grid):
            try:
                parsed[schema.VALUES.key] = _read_wide(title, grid, [c for c in bad_cells if c.sheet == title], findings)
            except Exception as exc:
                findings.append(finding("UNREADABLE_SHEET", sheet=title, detail=type(exc).__name__))
            continue
        known = [s.name for s in schema.SHEETS]
        findings.append(finding("UNKNOWN_SHEET", "warning", sheet=title, nearest=nearest_hint(title, known)))
    if not parsed:
        findings.append(
            finding(
                "NO_KNOWN_SHEET",
                detail="、".join(book.sheet_names) or "无",
                expected="、".join(s.name for s in schema.SHEETS),
            )
        )
    return ParsedWorkbook(name, parsed, findings)


def _grid(book: python_calamine.CalamineWorkbook, title: str, findings: list[Finding]) -> list[list[object]] | None:
    """The sheet's cells from A1, with each merged range filled from its top-left cell (类别 merged down)."""
    try:
        sheet = book.get_sheet_by_name(title)
        grid = sheet.to_python(skip_empty_area=False)
        for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
            if top >= len(grid) or left >= len(grid[top]):
                continue
            value = grid[top][left]
            for r in range(top, min(bottom, len(grid) - 1) + 1):
                for c in range(left, min(right, len(grid[r]) - 1) + 1):
                    if cells.is_blank(grid[r][c]):
                        grid[r][c] = value
        return grid
    except Exception as exc:  # calamine refuses damaged sheet XML with several error types
        findings.append(finding("UNREADABLE_SHEET", sheet=title, detail=type(exc).__name__))
        return None


def _read_sheet(
    sheet: schema.Sheet, title: str, grid: list[list[object]], bad: list[BadCell], findings: list[Finding]
) -> ParsedSheet:
    result = ParsedSheet(sheet, title)
    header_index, columns = _find_header(sheet, grid)
    if header_index is None:
        expected = "、".join(c.header for c in sheet.columns if c.required)
        findings.append(finding("NO_HEADER", sheet=title, detail=HEADER_SCAN_ROWS, expected=expected))
        return result
    header_row = header_index + 1
    for column in sheet.columns:
        if column.required and column.key not in columns:
            findings.append(finding("MISSING_COLUMN", sheet=title, row=header_row, header=column.header))
    known_headers = [c.header for c in sheet.columns]
    mapped = set(columns.values())
    for index, raw in enumerate(grid[header_index]):
        if index not in mapped and not cells.is_blank(raw):
            findings.append(
                finding(
                    "UNKNOWN_COLUMN", "warning", sheet=title, row=header_row, column=get_column_letter(index + 1),
                    header=cells.text(raw), nearest=nearest_hint(cells.text(raw), known_headers),
                )
            )
    if any(c.required and c.key not in columns for c in sheet.columns):
        return result
    letters = {key: get_column_letter(index + 1) for key, index in columns.items()}
    headers = {key: sheet.column(key).header for key in columns}
    broken = _bad_cell_findings(title, header_row, letters, headers, bad, findings)
    lines = grid[header_index + 1 :]
    first = header_row + 1
    mapped_columns = [c for c in sheet.columns if c.key in columns]
    # Column by column: the common cells take a fast path through map(); only the rest go through read_cell.
    by_key: dict[str, list[object]] = {}
    units: dict[int, dict[str, str]] = {}  # data-row index -> column key -> unit typed after the figure
    unreadable: set[tuple[int, str]] = set()  # cells already reported: empty there is not a second problem
    for column in mapped_columns:
        index = columns[column.key]
        raws = [line[index] if index < len(line) else None for line in lines]
        values = list(map(FAST[column.kind], raws))
        for i in [i for i, v in enumerate(values) if v is _SLOW]:
            where = {"sheet": title, "row": first + i, "column": letters[column.key], "header": column.header}
            cell = read_cell(column, raws[i], where, findings, required=False)
            values[i] = cell.value
            if not cell.ok:
                unreadable.add((first + i, column.key))
            if cell.unit:
                units.setdefault(i, {})[column.key] = cell.unit
        if broken:
            for row_number, key in broken:
                if key == column.key and 0 <= row_number - first < len(values):
                    values[row_number - first] = None
        by_key[column.key] = values
    keys = [*by_key, *(c.key for c in sheet.columns if c.key not in columns)]
    padding = (None,) * (len(keys) - len(by_key))
    required = [c for c in mapped_columns if c.required]
    skip = broken | unreadable
    broken_rows = {row_number for row_number, _ in broken}
    width = len(by_key)
    for i, row_values in enumerate(zip(*by_key.values())):
        number = first + i
        if row_values.count(None) == width and number not in broken_rows:
            continue  # blank rows separate blocks in real sheets
        values = dict(zip(keys, row_values + padding))
        for column in required:
            if values[column.key] is None and (number, column.key) not in skip:
                findings.append(
                    finding("MISSING_VALUE", sheet=title, row=number, column=letters[column.key], header=column.header)
                )
        result.rows.append(Row(number, values, letters, units.get(i, {})))
    return result


# Fast paths for cells that need no interpretation (most of a large file); anything else takes read_cell,
# which reports what it normalised. _SLOW means "not sure: take the full path".
_SLOW = object()


def _fast_text(raw: object) -> object:
    if raw is None or raw == "":
        return None
    if type(raw) is str:
        return raw.strip() or None
    return _SLOW


def _fast_number(raw: object) -> object:
    if raw is None or raw == "":
        return None
    if type(raw) is float and raw == raw and raw not in (float("inf"), float("-inf")):
        return raw
    if type(raw) is int:
        return float(raw)
    return _SLOW


def _fast_integer(raw: object) -> object:
    if raw is None or raw == "":
        return None
    if type(raw) is int or (type(raw) is float and raw.is_integer()):
        return int(raw)
    return _SLOW


def _fast_year(raw: object) -> object:
    if raw is None or raw == "":
        return None
    if (type(raw) is int or (type(raw) is float and raw.is_integer())) and 1990 <= raw <= 2100:
        return int(raw)
    return _SLOW


FAST: dict[str, Callable[[object], object]] = {
    "text": _fast_text, "number": _fast_number, "int": _fast_integer, "year": _fast_year,
}


def _find_header(sheet: schema.Sheet, grid: list[list[object]]) -> tuple[int | None, dict[str, int]]:
    """The first of the top rows that names most of the required columns (title rows above it are skipped)."""
    lookup = {cells.fold(alias): c.key for c in sheet.columns for alias in (c.header, *c.aliases)}
    required = [c.key for c in sheet.columns if c.required]
    for index, line in enumerate(grid[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for position, raw in enumerate(line):
            key = lookup.get(cells.fold(cells.text(raw)))
            if key is not None and key not in columns:
                columns[key] = position
        hits = sum(1 for key in required if key in columns)
        if hits and hits * 2 >= len(required):
            return index, columns
    return None, {}


def read_cell(
    column: schema.Column, raw: object, where: dict[str, object], findings: list[Finding], required: bool = True
) -> cells.Cell:
    """One cell by its column's kind; a reading that differs from the typing is reported, never silent."""
    if column.kind == "text":
        cell: cells.Cell = cells.Cell(cells.text(raw) or None)
    else:
        parse: Callable[[object], cells.Cell] = {
            "int": cells.integer, "year": cells.year, "number": lambda r: cells.number(r, units=None),
        }[column.kind]
        cell = parse(raw)
        if not cell.ok:
            findings.append(finding(_CODES[column.kind], seen=raw, **where))  # type: ignore[arg-type]
            return cells.Cell(None, ok=False)
        if cell.changed:
            understood = texts.NOT_REPORTED if cell.value is None else cell.value
            findings.append(finding("NORMALISED", "warning", seen=raw, understood=understood, **where))  # type: ignore[arg-type]
    if required and column.required and cell.value is None and cell.ok:
        findings.append(finding("MISSING_VALUE", **where))  # type: ignore[arg-type]
    return cell


def _bad_cell_findings(
    title: str, header_row: int, letters: dict[str, str], headers: dict[str, str], bad: list[BadCell],
    findings: list[Finding],
) -> set[tuple[int, str]]:
    """Errors for formula-without-value and error cells in the columns we read; returns (row, key) pairs hit."""
    key_of = {letter: key for key, letter in letters.items()}
    hit: set[tuple[int, str]] = set()
    for cell in bad:
        key = key_of.get(cell.column)
        if key is None or cell.row <= header_row:
            continue
        code = "FORMULA_NO_VALUE" if cell.problem == "formula_no_value" else "ERROR_CELL"
        findings.append(finding(code, sheet=title, row=cell.row, column=cell.column, header=headers[key], seen=cell.text))
        hit.add((cell.row, key))
    return hit


# --------------------------------------------------------------------------- the plan's own table layout


@dataclass(frozen=True)
class _WideHeader:
    index: int  # 0-based header row
    indicator: int | None  # 指标 column
    code: int | None  # 序号 column
    town: int | None
    source: int | None
    years: dict[int, int]  # column -> year


def _wide_header(grid: list[list[object]]) -> _WideHeader | None:
    """A header like the plan's table: 类别 | 序号 | 指标 | 2025年目标 | 属性, plus year columns with the figures."""
    names = {
        "indicator": {cells.fold(a) for a in ("指标", "指标名称", "名称")},
        "code": {cells.fold(a) for a in ("序号", "编号", "指标编号")},
        "town": {cells.fold(a) for a in (schema.VALUES.column("town").header, *schema.VALUES.column("town").aliases)},
        "source": {cells.fold(a) for a in ("来源", "出处", "数据来源")},
    }
    for index, line in enumerate(grid[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        years: dict[int, int] = {}
        for position, raw in enumerate(line):
            folded = cells.fold(cells.text(raw))
            match = _YEAR_HEADER.match(folded)
            if match and 1990 <= int(match.group(1)) <= 2100:
                years[position] = int(match.group(1))
                continue
            for key, options in names.items():
                if folded in options and key not in found:
                    found[key] = position
        if years and ("indicator" in found or "code" in found):
            return _WideHeader(
                index, found.get("indicator"), found.get("code"), found.get("town"), found.get("source"), years
            )
    return None


def _read_wide(title: str, grid: list[list[object]], bad: list[BadCell], findings: list[Finding]) -> ParsedSheet:
    header = _wide_header(grid)
    assert header is not None
    result = ParsedSheet(schema.VALUES, title)
    years = "、".join(f"{y}年" for y in header.years.values())
    findings.append(finding("WIDE_LAYOUT", "warning", sheet=title, row=header.index + 1, detail=years))
    value_column = schema.VALUES.column("value")
    letter = lambda position: get_column_letter(position + 1)  # noqa: E731
    name_column = header.indicator if header.indicator is not None else header.code
    assert name_column is not None
    broken = _bad_cell_findings(
        title, header.index + 1, {str(p): letter(p) for p in header.years}, {str(p): f"{y}年" for p, y in header.years.items()},
        bad, findings,
    )
    for number, line in enumerate(grid[header.index + 1 :], start=header.index + 2):
        def at(position: int | None) -> object:
            return line[position] if position is not None and position < len(line) else None

        indicator = cells.text(at(header.indicator)) or cells.text(at(header.code))
        if not indicator:
            continue
        for position, year in header.years.items():
            raw = at(position)
            if (number, str(position)) in broken or cells.is_blank(raw):
                continue  # an empty year cell in this layout is simply not reported
            where = {"sheet": title, "row": number, "column": letter(position), "header": f"{year}年"}
            cell = read_cell(value_column, raw, where, findings)
            if not cell.ok:
                continue
            columns = {"indicator": letter(name_column), "year": letter(position), "value": letter(position)}
            if header.town is not None:
                columns["town"] = letter(header.town)
            values = {
                "indicator": indicator, "town": cells.text(at(header.town)) or None, "year": year,
                "value": cell.value, "source": cells.text(at(header.source)) or None, "note": None,
            }
            result.rows.append(Row(number, values, columns, {"value": cell.unit} if cell.unit else {}))
    return result
