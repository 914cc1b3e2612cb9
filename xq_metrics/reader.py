"""Workbook bytes -> typed rows per known sheet, with cell-level findings (sheet, Excel row, column).

Reads the tables district offices really send, each reported as a warning saying how it was read:
- the format's own sheets, with title rows above the header, headers with odd spaces, aliases, a year or a unit
  in them ("2024年计划投资（万元）"), and figures for several years side by side;
- the plan's own indicator table (类别 | 序号 | 指标 | 2025年目标 | 属性 | 2023年 | 2024年): targets and figures;
- towns × indicators (镇街 down the side, indicators with their units across, the year in the sheet's name, its
  title or a 年份 column), with a 合计 row;
- notes: footnote rows (注：…, 填报人：…) and prose sheets (填报说明) are skipped with an info finding.
Every figure in the file is either read or counted as ignored, so "green" can mean every figure was taken. What
calamine cannot see (formulas saved without a value, error cells, percent formatting) comes from cellscan.
"""

from __future__ import annotations

import io
import operator
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from math import isfinite
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal

import python_calamine
from openpyxl.utils import get_column_letter

from . import cells, headers, schema, texts
from .cellscan import BadCell, Scan, scan, sheet_sizes
from .findings import Finding, finding, nearest_hint
from .model import Indicator, Town
from .names import IndicatorNames, TownNames

HEADER_SCAN_ROWS = 10
_CODES = {"int": "BAD_INT", "year": "BAD_YEAR", "number": "BAD_NUMBER"}
Layout = Literal["table", "years", "plan", "towns"]


class Mark(Enum):
    """The 删除 marker typed in a cell: blank this stored field. An enum member, so it comes back from the reader's
    child process as the same object (and passes the child's allow-listed unpickler)."""

    DELETE = "delete"


DELETE = Mark.DELETE


@dataclass(slots=True)
class Row:  # not frozen: built once per row of a large upload, and frozen dataclasses are slow to build
    number: int  # Excel row
    values: dict[str, object]  # column key -> typed value (None: not given; DELETE: blank it)
    columns: dict[str, str]  # column key -> Excel letter, for findings
    units: dict[str, str] = field(default_factory=dict)  # column key -> unit typed after the figure or in the header
    delete: bool = False  # 操作 = 删除: remove the stored row with this identity
    rows: dict[str, int] = field(default_factory=dict)  # column key -> Excel row, where the value sits elsewhere

    def row_of(self, key: str) -> int:
        return self.rows.get(key, self.number)


@dataclass
class RowBlock:
    """Rows of one table read column by column, kept that way: a sheet of 200,000 rows crosses from the reading
    child to the server as a few lists, not 200,000 objects (pickling those cost more than reading the file), and
    the loader takes its plain rows straight from the columns. `row(i)` builds the Row where one is needed."""

    numbers: list[int]  # Excel row of each row
    values: dict[str, list[object]]  # column key -> one typed value per row, every column of the sheet
    letters: dict[str, str]  # column key -> Excel letter
    units: dict[str, str]  # column key -> unit written in the header
    cell_units: dict[int, dict[str, str]] = field(default_factory=dict)  # row index -> units typed after figures
    deletes: frozenset[int] = frozenset()  # row indexes with 操作 = 删除
    year_row: int = 0  # Excel row the year was read from, when it is the sheet's (name, title or a header)

    def __len__(self) -> int:
        return len(self.numbers)

    def row(self, index: int) -> Row:
        row = Row(
            self.numbers[index], {key: column[index] for key, column in self.values.items()}, self.letters,
            {**self.units, **self.cell_units.get(index, {})}, index in self.deletes,
        )
        if self.year_row:
            row.rows["year"] = self.year_row
        return row


@dataclass
class ParsedSheet:
    sheet: schema.Sheet
    title: str  # as named in the workbook
    rows: list[Row] = field(default_factory=list)  # rows built one by one (towns × indicators, the plan's table)
    layout: Layout = "table"
    header_row: int = 0  # Excel row of the header
    columns: frozenset[str] = frozenset()  # column keys the header names
    blocks: list[RowBlock] = field(default_factory=list)  # rows of the format's tables, column by column

    def __len__(self) -> int:
        return len(self.rows) + sum(len(b) for b in self.blocks)

    def each(self) -> Iterator[Row]:
        """Every row as a Row, in the sheet's order."""
        yield from self.rows
        for block in self.blocks:
            yield from (block.row(i) for i in range(len(block)))


@dataclass
class ParsedWorkbook:
    file_name: str
    sheets: list[ParsedSheet]
    findings: list[Finding]
    figures_read: int = 0
    figures_ignored: int = 0
    late: frozenset[str] = frozenset()  # titles of the sheets read after the caller was handed the others (`early`)

    def of(self, key: str) -> list[ParsedSheet]:
        return [s for s in self.sheets if s.sheet.key == key]

    def share(self, early: ParsedWorkbook) -> None:
        """Take the sheets read before the late ones from `early`, the part handed over first: the same sheets, so
        the copies that came again with this result are freed (a large upload's peak memory)."""
        kept = [s.title for s in self.sheets if s.title not in self.late]
        if kept == [s.title for s in early.sheets]:
            handed = iter(early.sheets)
            self.sheets = [s if s.title in self.late else next(handed) for s in self.sheets]

    @property
    def keys(self) -> frozenset[str]:
        """The sheets of the format this workbook holds rows for."""
        return frozenset(s.sheet.key for s in self.sheets if len(s))


@dataclass(frozen=True)
class Vocabulary:
    """The catalogue in use, so a towns × indicators table can be recognised by the names across its top."""

    indicators: tuple[Indicator, ...] = ()
    towns: tuple[Town, ...] = ()


def read_workbook(
    source: str | Path | bytes, file_name: str | None = None, vocabulary: Vocabulary | None = None,
    early: Callable[[ParsedWorkbook], None] | None = None,
) -> ParsedWorkbook:
    """The workbook's sheets, read. `early`, when given, is handed the other sheets just before the largest sheet is
    read (it is read last), so the caller can work on them meanwhile; the result is the same either way."""
    name = file_name or (Path(source).name if isinstance(source, (str, Path)) else texts.UPLOADED_FILE_NAME)
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types for a file that is not a workbook
        return ParsedWorkbook(name, [], [finding("NOT_XLSX", detail=type(exc).__name__)])
    titles = book.sheet_names  # asked before the parser thread borrows the workbook
    hidden = {m.name for m in book.sheets_metadata if str(m.visible).rsplit(".", 1)[-1].lower() != "visible"}
    by_name = {cells.fold(alias): sheet for sheet in schema.SHEETS for alias in (sheet.name, *sheet.aliases)}
    order = list(range(len(titles)))
    if early is not None and len(titles) > 1:
        sizes = sheet_sizes(data)
        order.append(order.pop(max(order, key=lambda i: sizes.get(titles[i], 0))))
    read: dict[int, tuple[list[ParsedSheet], list[Finding]]] = {}  # each sheet's own, put in the workbook's order
    # calamine parses without holding the GIL: its thread parses the sheets in order while this one scans the bytes
    # (cellscan) and reads the rows of each sheet parsed. Every sheet may be parsed ahead: the byte screen caps the
    # workbook's cells in all, and this process's memory limit holds whatever comes before the screen says no.
    parser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="calamine")
    try:
        parsing = deque(parser.submit(book.get_sheet_by_name, titles[i]) for i in order)
        reading = _Reading(vocabulary or Vocabulary(), scan(data))
        for index in order:
            title = titles[index]
            if early is not None and index == order[-1] and reading.parsed:
                early(ParsedWorkbook(name, list(reading.parsed), list(reading.findings), reading.read, reading.ignored))
            sheets, findings = len(reading.parsed), len(reading.findings)
            reading.sheet_of(title, parsing.popleft(), by_name.get(cells.fold(title)), title in hidden)
            read[index] = (reading.parsed[sheets:], reading.findings[findings:])
    finally:
        parser.shutdown(cancel_futures=True)
    parsed = [s for i in sorted(read) for s in read[i][0]]
    findings = [f for i in sorted(read) for f in read[i][1]]
    if not parsed and not any(f.severity == "error" for f in findings):
        findings.append(
            finding(
                "NO_KNOWN_SHEET", detail=texts.SEP.join(titles) or "无",
                expected=texts.SEP.join(s.name for s in schema.SHEETS),
            )
        )
    late = frozenset({titles[order[-1]]}) if early is not None and order else frozenset()
    return ParsedWorkbook(name, parsed, findings, reading.read, reading.ignored, late)


def _grid(
    parsing: Future[python_calamine.CalamineSheet], title: str, findings: list[Finding],
) -> list[list[object]] | None:
    """The sheet's cells from A1. A range merged down one column (类别) is filled from its top cell; a range merged
    across (a title, a footnote) keeps its text in the first cell only, so it never spills into figure columns."""
    try:
        sheet = parsing.result()
        grid = sheet.to_python(skip_empty_area=False)
        for (top, left), (bottom, right) in sheet.merged_cell_ranges or ():
            if left != right or top >= len(grid) or left >= len(grid[top]):
                continue
            value = grid[top][left]
            for r in range(top + 1, min(bottom, len(grid) - 1) + 1):
                if left < len(grid[r]) and cells.is_blank(grid[r][left]):
                    grid[r][left] = value
        return grid
    except Exception as exc:  # calamine refuses damaged sheet XML with several error types
        findings.append(finding("UNREADABLE_SHEET", sheet=title, detail=type(exc).__name__))
        return None


def is_figure(raw: object) -> bool:
    """A cell an official would read as a number (12, 95.6%, "2.3万人"); placeholders and text are not."""
    if isinstance(raw, bool) or cells.is_blank(raw):
        return False
    if isinstance(raw, (int, float)):
        return True
    if isinstance(raw, str):
        cell = cells.number(raw, units=None)
        return cell.ok and cell.value is not None
    return False


class _Reading:
    """The state of one workbook's reading: what was parsed, found, read and ignored."""

    def __init__(self, vocabulary: Vocabulary, scanned: Scan) -> None:
        self.parsed: list[ParsedSheet] = []
        self.findings: list[Finding] = []
        self.read = 0
        self.ignored = 0
        self.indicators = IndicatorNames(vocabulary.indicators)
        self.towns = TownNames(vocabulary.towns)
        self.scanned = scanned

    # ------------------------------------------------------------------- which layout

    def sheet_of(
        self, title: str, parsing: Future[python_calamine.CalamineSheet], named: schema.Sheet | None, hidden: bool,
    ) -> None:
        """One sheet, once calamine has parsed it: read, or a finding that says why not."""
        grid = _grid(parsing, title, self.findings)
        if grid is None:
            return
        if hidden:
            self.findings.append(finding("HIDDEN_SHEET", "warning", sheet=title))
        try:
            self.sheet(title, grid, named)
        except Exception as exc:  # a sheet we cannot make sense of is refused, never a traceback
            self.findings.append(finding("UNREADABLE_SHEET", sheet=title, detail=type(exc).__name__))

    def sheet(self, title: str, grid: list[list[object]], named: schema.Sheet | None) -> None:
        if not any(not cells.is_blank(c) for line in grid for c in line):
            if named is not None and named is not schema.INFO:
                self.findings.append(finding("EMPTY_SHEET", "info", sheet=title))
            return
        if named is not None:
            found = _find_header(named, grid, strict=False)
            if found is not None:
                self._table(named, title, grid, *found, guessed=False)
                return
        towns = self._towns_header(grid)
        if towns is None and named is not schema.INFO:
            # Not named as the format says: the format's sheet whose columns the header names best, if any fits fully.
            guesses = [(s, _find_header(s, grid, strict=True)) for s in _GUESS_ORDER if s is not named]
            fits = [(s, found) for s, found in guesses if found is not None]
            if fits:
                sheet, found = max(fits, key=lambda fit: (_score(fit[1][1]), -_GUESS_ORDER.index(fit[0])))
                self._table(sheet, title, grid, *found, guessed=True)
                return
        if towns is not None:
            self._towns(title, grid, *towns)
            return
        self._no_table(title, grid, named)

    def _no_table(self, title: str, grid: list[list[object]], named: schema.Sheet | None) -> None:
        figures = sum(1 for line in grid for c in line if is_figure(c))
        if figures == 0:
            self.findings.append(finding("NOTES_SHEET", "info", sheet=title))
        elif named is not None:
            expected = texts.SEP.join(c.header for c in named.columns if c.required)
            self.findings.append(finding("NO_HEADER", sheet=title, detail=HEADER_SCAN_ROWS, expected=expected, count=figures))
        else:
            known = [s.name for s in schema.SHEETS]
            self.findings.append(finding("UNKNOWN_SHEET", "warning", sheet=title, nearest=nearest_hint(title, known)))
            self._ignore(figures, sheet=title)

    def _ignore(self, count: int, **where: object) -> None:
        if count:
            self.ignored += count
            self.findings.append(finding("IGNORED_FIGURES", "warning", count=count, **where))  # type: ignore[arg-type]

    # ------------------------------------------------------------------- the format's own tables

    def _table(
        self, sheet: schema.Sheet, title: str, grid: list[list[object]], index: int, cells_: list[headers.HeaderCell],
        guessed: bool,
    ) -> None:
        header_row = index + 1
        lines = grid[index + 1:]
        first = header_row + 1
        plain = {c.key: c for c in cells_ if c.key is not None and c.year is None}
        by_year: dict[int, dict[str, headers.HeaderCell]] = {}
        unused: list[headers.HeaderCell] = []
        for cell in cells_:
            if cell.key is not None and cell.year is None:
                if plain[cell.key] is not cell:
                    unused.append(cell)  # a second 数值 column: its figures are not read, and say so
                continue
            if cell.key is not None and cell.key != "year" and sheet.column(cell.key).kind == "number":
                by_year.setdefault(cell.year, {}).setdefault(cell.key, cell)  # type: ignore[arg-type]
            elif cell.bare_year and sheet is schema.VALUES and "value" not in plain:
                by_year.setdefault(cell.year, {}).setdefault("value", cell)  # type: ignore[arg-type]
            elif cell.bare_year and sheet is schema.INDICATORS:
                by_year.setdefault(cell.year, {}).setdefault("@value", cell)  # type: ignore[arg-type]
            elif cell.key is not None:
                plain.setdefault(cell.key, cell)  # "2025年目标" is the target column, not a 2025 figure
            else:
                unused.append(cell)
        if guessed:
            self.findings.append(finding("READ_AS_SHEET", "warning", sheet=title, row=header_row, detail=sheet.name))
        notes = _note_rows(lines, first, sheet)
        if notes:
            self.findings.append(finding("NOTE_ROWS", "info", sheet=title, detail=_row_list(notes)))
        self._unused_columns(sheet, title, header_row, unused, lines, first, notes)

        year = self._context_year(sheet, title, grid[:index], header_row, plain, by_year)
        if year is False:
            return
        values_rows: list[Row] = []
        if "@value" in {k for group in by_year.values() for k in group}:
            plan_years = {y: g.pop("@value") for y, g in by_year.items() if "@value" in g}
            by_year = {y: g for y, g in by_year.items() if g}
            values_rows = self._plan_values(sheet, title, lines, first, plain, plan_years, notes)
            self.findings.append(finding(
                "PLAN_LAYOUT", "warning", sheet=title, row=header_row, detail=texts.SEP.join(f"{y}年" for y in plan_years),
            ))
        elif by_year:
            self.findings.append(finding(
                "YEAR_COLUMNS", "warning", sheet=title, row=header_row,
                detail=texts.SEP.join(c.text for group in by_year.values() for c in group.values()),
            ))
        missing = [
            c for c in sheet.columns
            if c.required and c.key not in plain and c.key in sheet.identity
            and not (c.key == "year" and (by_year or year))
            and not (sheet is schema.INDICATORS and c.key == "code" and "name" in plain)
        ]
        for column in missing:
            self.findings.append(finding("MISSING_COLUMN", sheet=title, row=header_row, header=column.header))
        if missing:
            return
        groups: list[tuple[int | None, dict[str, headers.HeaderCell]]] = (
            [(y, {**plain, **g}) for y, g in sorted(by_year.items())] if by_year else [(None, plain)]
        )
        parsed = ParsedSheet(
            sheet, title, layout="plan" if values_rows else ("years" if by_year else "table"), header_row=header_row,
            columns=frozenset(plain) | frozenset(k for g in by_year.values() for k in g) | ({"year"} if year else set()),
        )
        for group_year, columns in groups:
            block = self._rows(sheet, title, lines, first, columns, group_year or year, header_row, notes)
            if len(block):
                parsed.blocks.append(block)
        if sheet is schema.INDICATORS and parsed.layout == "plan":
            parsed.rows, parsed.blocks = list(parsed.each()), []
            _units_from_names(parsed.rows)
        if not len(parsed) and not values_rows:
            self.findings.append(finding("EMPTY_SHEET", "info", sheet=title))
        self.parsed.append(parsed)
        if values_rows:
            self.parsed.append(ParsedSheet(
                schema.VALUES, title, values_rows, layout="plan", header_row=header_row,
                columns=frozenset({"indicator", "year", "value"}),
            ))

    def _context_year(
        self, sheet: schema.Sheet, title: str, above: list[list[object]], header_row: int,
        plain: dict[str, headers.HeaderCell], by_year: dict,
    ) -> int | None | bool:
        """The year for a sheet without a 年份 column: from the sheet's name, else its title rows. False: refused."""
        if not sheet.has("year") or "year" in plain or by_year:
            return None
        year = headers.year_in(title)
        where = texts.YEAR_FROM_SHEET_NAME
        if year is None:
            # Title rows only: "填报日期：2025年1月" above the header dates the report, not its figures.
            titles = [line for line in above if not headers.is_note(next((c for c in line if not cells.is_blank(c)), None))]
            year = headers.year_in(" ".join(cells.text(c) for line in titles for c in line))
            where = texts.YEAR_FROM_TITLE
        if year is None and sheet is schema.TASK_PROGRESS:
            # The plan's own 目标任务分工表 names its period, not a year: its 分工 stands from the period's first year.
            kept = [line for line in above if not headers.is_note(next((c for c in line if not cells.is_blank(c)), None))]
            texts_above = " ".join([title, *(cells.text(c) for line in kept for c in line)])
            span = headers.span_in(texts_above)
            if span is not None:
                self.findings.append(finding(
                    "YEAR_FROM_SPAN", "warning", sheet=title, seen=f"{span[0]}—{span[1]}", understood=span[0],
                ))
                return span[0]
        if year is None:
            self.findings.append(finding(
                "NO_YEAR", sheet=title, row=header_row, header=sheet.column("year").header,
            ))
            return False
        self.findings.append(finding("YEAR_FROM_CONTEXT", "warning", sheet=title, detail=where, understood=year))
        return year

    def _unused_columns(
        self, sheet: schema.Sheet, title: str, header_row: int, unused: list[headers.HeaderCell],
        lines: list[list[object]], first: int, notes: set[int],
    ) -> None:
        known = [c.header for c in sheet.columns]
        for cell in unused:
            if not cell.text:
                figures = _column_figures(lines, cell.position, first, notes)
                self._ignore(figures, sheet=title, row=header_row, column=get_column_letter(cell.position + 1))
                continue
            if cells.fold(cell.text) in headers.ROW_NUMBER_HEADERS:
                continue  # 序号 numbers rows; its integers are not figures
            self.findings.append(finding(
                "UNKNOWN_COLUMN", "warning", sheet=title, row=header_row, column=get_column_letter(cell.position + 1),
                header=cell.text, nearest=nearest_hint(cell.text, known),
            ))
            figures = _column_figures(lines, cell.position, first, notes)
            self._ignore(figures, sheet=title, row=header_row, column=get_column_letter(cell.position + 1), header=cell.text)

    def _rows(
        self, sheet: schema.Sheet, title: str, lines: list[list[object]], first: int,
        columns: dict[str, headers.HeaderCell], year: int | None, header_row: int, notes: set[int],
    ) -> RowBlock:
        letters = {key: get_column_letter(cell.position + 1) for key, cell in columns.items()}
        header_units = {key: cell.unit for key, cell in columns.items() if cell.unit}
        broken = self._bad_cells(title, header_row, letters, sheet, notes)
        mapped = [c for c in sheet.columns if c.key in columns]
        # Column by column: the common cells take a fast path through map(); only the rest go through read_cell.
        by_key: dict[str, list[object]] = {}
        units: dict[int, dict[str, str]] = {}  # data-row index -> column key -> unit typed after the figure
        unreadable: set[tuple[int, str]] = set()  # cells already reported: empty there is not a second problem
        percent = self.scanned.percent
        for column in mapped:
            raws = _column(lines, columns[column.key].position)
            if column.kind in ("text", "year"):
                # Names and years repeat down a long sheet: each distinct cell is read once.
                read = {raw: FAST[column.kind](raw) for raw in set(raws)}
                values = list(map(read.__getitem__, raws))
            else:
                values = list(map(FAST[column.kind], raws))
            if column.kind == "number" and percent:
                for i in range(len(raws)):
                    if (title, first + i, letters[column.key]) in percent and isinstance(raws[i], float):
                        values[i] = _SLOW
            for i in [i for i, v in enumerate(values) if v is _SLOW] if _SLOW in values else ():
                number = first + i
                if number in notes:
                    values[i] = None
                    continue
                where = {"sheet": title, "row": number, "column": letters[column.key], "header": columns[column.key].text}
                if (title, number, letters[column.key]) in percent and isinstance(raws[i], float):
                    values[i] = self._percent(raws[i], where)
                    units.setdefault(i, {})[column.key] = "%"
                    continue
                cell = read_cell(column, raws[i], where, self.findings, required=False)
                values[i] = cell.value
                if not cell.ok:
                    unreadable.add((number, column.key))
                if cell.unit:
                    units.setdefault(i, {})[column.key] = cell.unit
            for row_number, key in broken:
                if key == column.key and 0 <= row_number - first < len(values):
                    values[row_number - first] = None
            by_key[column.key] = values
        # Rows that are kept: not a note, not blank (blank rows separate blocks in real sheets).
        width = len(by_key)
        broken_rows = {row_number for row_number, _ in broken}
        kept = [
            i for i, row_values in enumerate(zip(*by_key.values()))
            if first + i not in notes and (row_values.count(None) < width or first + i in broken_rows)
        ]
        numbers = [first + i for i in kept]
        # Most sheets keep every row: their columns are taken as they are, not copied cell by cell.
        values = by_key if len(kept) == len(lines) else {key: [column[i] for i in kept] for key, column in by_key.items()}
        for column in sheet.columns:
            values.setdefault(column.key, [None] * len(kept))
        if year is not None:
            values["year"] = [year] * len(kept)
        deletes: set[int] = set()
        actions = values.pop("action", None)
        for index, action in enumerate(actions or ()):
            if action is None:
                continue
            if cells.fold(str(action)) == schema.DELETE_MARK:
                deletes.add(index)
            else:
                self.findings.append(finding(
                    "BAD_CHOICE", sheet=title, row=numbers[index], column=letters.get("action"),
                    header=schema.ACTION.header, seen=action, expected=schema.DELETE_MARK,
                ))
        skip = broken | unreadable
        for column in (c for c in mapped if c.key in sheet.identity and c.required):
            names = values.get("name") if sheet is schema.INDICATORS and column.key == "code" else None
            for index, value in enumerate(values[column.key]):
                if value is None and (numbers[index], column.key) not in skip:
                    if names is not None and names[index] is not None:
                        continue  # identified by its name: the loader looks the code up
                    self.findings.append(finding(
                        "MISSING_VALUE", sheet=title, row=numbers[index], column=letters[column.key],
                        header=columns[column.key].text,
                    ))
        self.read += sum(1 for c in sheet.figures if c.key in by_key for v in values[c.key] if type(v) is float)
        cell_units = {kept_at: units[i] for kept_at, i in enumerate(kept) if i in units}
        year_row = header_row if year is not None else 0
        return RowBlock(numbers, values, letters, header_units, cell_units, frozenset(deletes), year_row)

    def _bad_cells(
        self, title: str, header_row: int, letters: dict[str, str], sheet: schema.Sheet, notes: set[int]
    ) -> set[tuple[int, str]]:
        """Errors for formula-without-value and error cells in the columns we read; returns (row, key) pairs hit."""
        return _bad_cell_findings(
            title, header_row, letters, {k: sheet.column(k).header for k in letters if sheet.has(k)},
            [c for c in self.scanned.bad if c.sheet == title and c.row not in notes], self.findings,
        )

    def _plan_values(
        self, sheet: schema.Sheet, title: str, lines: list[list[object]], first: int,
        plain: dict[str, headers.HeaderCell], years: dict[int, headers.HeaderCell], notes: set[int],
    ) -> list[Row]:
        """The plan's table: each year column holds the district's figure for the indicator of its row."""
        name_cell = plain.get("name") or plain.get("code")
        assert name_cell is not None
        value_column = schema.VALUES.column("value")
        letters = {y: get_column_letter(c.position + 1) for y, c in years.items()}
        broken = _bad_cell_findings(
            title, first - 1, {str(y): letters[y] for y in years}, {str(y): years[y].text for y in years},
            [c for c in self.scanned.bad if c.sheet == title and c.row not in notes], self.findings,
        )
        rows = []
        for number, line in enumerate(lines, start=first):
            if number in notes:
                continue
            at = lambda cell: line[cell.position] if cell.position < len(line) else None  # noqa: E731
            indicator = cells.text(at(name_cell)) or (cells.text(at(plain["code"])) if "code" in plain else "")
            if not indicator:
                self._ignore(sum(1 for c in years.values() if is_figure(at(c))), sheet=title, row=number)
                continue
            for year, cell in years.items():
                raw = at(cell)
                if (number, str(year)) in broken or cells.is_blank(raw):
                    continue  # an empty year cell in this layout is simply not reported
                where = {"sheet": title, "row": number, "column": letters[year], "header": cell.text}
                read = self._figure(value_column, raw, where)
                if not read.ok or read.value is None:
                    continue
                self.read += read.value is not DELETE
                columns = {"indicator": get_column_letter(name_cell.position + 1), "year": letters[year], "value": letters[year]}
                values = {"indicator": indicator, "town": None, "year": year, "value": read.value, "source": None, "note": None}
                unit = read.unit or cell.unit or headers.split_unit(cells.fold(indicator))[1]
                rows.append(Row(number, values, columns, {"value": unit} if unit else {}, rows={"year": first - 1}))
        return rows

    def _percent(self, raw: float, where: dict[str, object]) -> float:
        """0.938 in a cell formatted as 0.0% is what the official sees and means: 93.8 (%)."""
        shown = cells.percent_shown(raw)
        self.findings.append(finding("PERCENT_FORMAT", "warning", seen=raw, understood=shown, **where))  # type: ignore[arg-type]
        return shown

    def _figure(self, column: schema.Column, raw: object, where: dict[str, object]) -> cells.Cell:
        """One figure cell of the wide layouts, percent formatting included."""
        if (where["sheet"], where["row"], where["column"]) in self.scanned.percent and isinstance(raw, float):
            return cells.Cell(self._percent(raw, where), unit="%")
        return read_cell(column, raw, where, self.findings)

    # ------------------------------------------------------------------- towns × indicators

    def _towns_header(self, grid: list[list[object]]) -> tuple[int, int, list[tuple[int, str]]] | None:
        """(header row index, town column, [(column, indicator header)]) when a row names a town column and at least
        one indicator of the catalogue; every other header with text is kept, to be reported if unknown."""
        if not self.indicators.indicators:
            return None
        for index, line in enumerate(grid[:HEADER_SCAN_ROWS]):
            town_column = next((p for p, raw in enumerate(line) if cells.fold(cells.text(raw)) in headers.TOWN_HEADERS), None)
            if town_column is None:
                continue
            others = [(p, cells.text(raw)) for p, raw in enumerate(line) if p != town_column and cells.text(raw)]
            if any(self.indicators.resolve(text)[0] is not None for _, text in others):
                return index, town_column, others
        return None

    def _towns(self, title: str, grid: list[list[object]], index: int, town_column: int, columns: list[tuple[int, str]]) -> None:
        header_row = index + 1
        first = header_row + 1
        lines = grid[index + 1:]
        notes = _note_rows(lines, first, schema.VALUES)
        plain = {headers.parse(schema.VALUES, p, text).key: p for p, text in columns}
        year_position = plain.get("year")
        year = None
        if year_position is None:
            year = self._context_year(schema.VALUES, title, grid[:index], header_row, {}, {})
            if year is False:
                return
        indicator_columns = [(p, t) for p, t in columns if p != year_position and headers.parse(schema.VALUES, p, t).key is None]
        self.findings.append(finding(
            "TOWNS_LAYOUT", "warning", sheet=title, row=header_row, detail=len(indicator_columns),
        ))
        if notes:
            self.findings.append(finding("NOTE_ROWS", "info", sheet=title, detail=_row_list(notes)))
        value_column = schema.VALUES.column("value")
        town_letter = get_column_letter(town_column + 1)
        parsed = ParsedSheet(
            schema.VALUES, title, layout="towns", header_row=header_row,
            columns=frozenset({"indicator", "town", "year", "value"}),
        )
        bad = [c for c in self.scanned.bad if c.sheet == title and c.row not in notes]
        broken = _bad_cell_findings(
            title, header_row, {t: get_column_letter(p + 1) for p, t in indicator_columns}, {t: t for _, t in indicator_columns},
            bad, self.findings,
        )
        for number, line in enumerate(lines, start=first):
            if number in notes:
                continue
            at = lambda p: line[p] if p is not None and p < len(line) else None  # noqa: E731
            town = cells.text(at(town_column))
            figures = [(p, t) for p, t in indicator_columns if not cells.is_blank(at(p))]
            if not figures:
                continue
            if not town:
                self.findings.append(finding(
                    "MISSING_VALUE", sheet=title, row=number, column=town_letter, header=cells.text(grid[index][town_column]),
                ))
                continue
            row_year = year
            if year_position is not None:
                read = read_cell(schema.VALUES.column("year"), at(year_position), {
                    "sheet": title, "row": number, "column": get_column_letter(year_position + 1), "header": texts.YEAR_HEADER,
                }, self.findings)
                row_year = read.value
                if row_year is None:
                    continue
            for position, header_text in figures:
                letter = get_column_letter(position + 1)
                if (number, header_text) in broken:
                    continue
                raw = at(position)
                where = {"sheet": title, "row": number, "column": letter, "header": header_text}
                read = self._figure(value_column, raw, where)
                if not read.ok or read.value is None:
                    continue
                self.read += read.value is not DELETE
                unit = read.unit or headers.split_unit(cells.fold(header_text))[1]
                values = {"indicator": header_text, "town": town, "year": row_year, "value": read.value, "source": None, "note": None}
                row = Row(number, values, {"indicator": letter, "town": town_letter, "year": letter, "value": letter},
                          {"value": unit} if unit else {}, rows={"indicator": header_row})
                if year is not None:
                    row.rows["year"] = header_row
                parsed.rows.append(row)
        self.parsed.append(parsed)


# The order in which a sheet that is not named as the format says is tried against the format's sheets.
_GUESS_ORDER: tuple[schema.Sheet, ...] = (
    schema.VALUES, schema.PROGRESS, schema.CITY_TARGETS, schema.ASSESSMENTS, schema.REFERENCE, schema.INDICATORS,
    schema.PROJECTS, schema.FACTS, schema.STRUCTURE, schema.TOWNS, schema.TASK_PROGRESS, schema.TASKS,
    schema.DEPARTMENTS,
)


def _find_header(sheet: schema.Sheet, grid: list[list[object]], strict: bool) -> tuple[int, list[headers.HeaderCell]] | None:
    """The first of the top rows that names most of the required columns (title rows above it are skipped).

    A sheet named as the format says needs half its required columns; a sheet guessed by its header needs all of
    them and at least two columns, so a 镇街 column alone never makes a towns catalogue of a figures table."""
    required = [c.key for c in sheet.columns if c.required]
    for index, line in enumerate(grid[:HEADER_SCAN_ROWS]):
        cells_ = [headers.parse(sheet, position, raw) for position, raw in enumerate(line) if not cells.is_blank(raw)]
        keys = {c.key for c in cells_ if c.key is not None}
        if any(c.year is not None and (c.key is None or c.key != "year") for c in cells_) and sheet.has("year"):
            keys.add("year")  # figures by year across the top stand for the 年份 column
        if sheet is schema.INDICATORS and "name" in keys:
            keys.add("code")
        if sheet is schema.TASK_PROGRESS and len(keys & {"task", "lead", "support", "deadline", "status"}) >= 3:
            keys.add("year")  # a 分工表 dates itself in its title, not in a column (see _context_year)
        hits = sum(1 for key in required if key in keys)
        if strict:
            if hits == len(required) and len(keys) >= 2:
                return index, _with_blanks(sheet, line, cells_)
        elif hits and hits * 2 >= len(required):
            return index, _with_blanks(sheet, line, cells_)
        elif sheet.identity and all(k in keys for k in sheet.identity) and len(keys) > len(sheet.identity):
            # 编号 | 责任单位: an update of stored rows by their identity needs no other column of a new row.
            return index, _with_blanks(sheet, line, cells_)
    return None


def _score(found: list[headers.HeaderCell]) -> int:
    return len({c.key for c in found if c.key is not None}) + len({c.year for c in found if c.bare_year})


def _with_blanks(sheet: schema.Sheet, line: list[object], found: list[headers.HeaderCell]) -> list[headers.HeaderCell]:
    """Header cells plus the blank ones, so figures under a column without a header are counted as ignored."""
    by_position = {c.position: c for c in found}
    return [by_position.get(p) or headers.HeaderCell(p, "", None) for p in range(len(line))]


def _note_rows(lines: list[list[object]], first: int, sheet: schema.Sheet) -> set[int]:
    if sheet is schema.INFO:
        return set()
    # Most rows of a long sheet start with a name or a figure in their first cell, and the same few names lead many
    # rows: each distinct first cell is decided once. Any other row is decided by its first cell that is not blank.
    firsts = [line[0] if line else None for line in lines]
    decided: dict[object, bool | None] = {}
    for lead in set(firsts):
        if type(lead) in (float, int) and lead == lead:
            decided[lead] = False
        elif type(lead) is str and lead.strip():
            decided[lead] = headers.is_note(lead)
        else:
            decided[lead] = None
    notes = set()
    for number, line, lead in zip(range(first, first + len(lines)), lines, firsts):
        verdict = decided[lead]
        if verdict is None:
            text = next((c for c in line if not cells.is_blank(c)), None)
            verdict = isinstance(text, str) and headers.is_note(text)
        if verdict:
            notes.add(number)
    return notes


def _column(lines: list[list[object]], position: int) -> list[object]:
    """One column's cells, top to bottom, None where a row is shorter. Only the columns read are taken: transposing
    the whole grid took 0.3 s of the bench workbook's reading."""
    try:
        return list(map(operator.itemgetter(position), lines))  # calamine's grid is rectangular: the common case
    except IndexError:
        return [line[position] if position < len(line) else None for line in lines]


def _row_list(rows: Iterable[int]) -> str:
    return texts.SEP.join(str(r) for r in sorted(rows))


def _column_figures(lines: list[list[object]], position: int, first: int, notes: set[int]) -> int:
    return sum(
        1 for number, line in enumerate(lines, start=first)
        if number not in notes and position < len(line) and is_figure(line[position])
    )


def _units_from_names(rows: list[Row]) -> None:
    """The plan's table writes the unit in the name: 城镇新增就业（万人）."""
    for row in rows:
        name = row.values.get("name")
        if isinstance(name, str) and row.values.get("unit") is None:
            bare, unit = headers.split_unit(name.strip())
            if unit:
                row.values["name"], row.values["unit"] = bare, unit


# Fast paths for cells that need no interpretation (most of a large file); anything else takes read_cell,
# which reports what it normalised. _SLOW means "not sure: take the full path".
_SLOW = object()


def _fast_text(raw: object) -> object:
    if raw is None or raw == "":
        return None
    if type(raw) is str:
        stripped = raw.strip()
        return _SLOW if stripped == schema.DELETE_MARK or stripped in cells.PLACEHOLDERS else (stripped or None)
    return _SLOW


def _fast_number(raw: object) -> object:
    if type(raw) is float:  # most cells of a long sheet: asked first
        return raw if isfinite(raw) else _SLOW
    if raw is None or raw == "":
        return None
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


def read_cell(
    column: schema.Column, raw: object, where: dict[str, object], findings: list[Finding], required: bool = True
) -> cells.Cell:
    """One cell by its column's kind; a reading that differs from the typing is reported, never silent.

    删除 typed in a cell means "blank this stored field" (DELETE); a placeholder (—, 无, 未填报) means "no figure",
    which never changes a stored value."""
    if isinstance(raw, str) and cells.fold(raw) == schema.DELETE_MARK and column.key != "action":
        return cells.Cell(DELETE)  # type: ignore[arg-type]
    if column.kind == "text" and cells.text(raw) in cells.PLACEHOLDERS and column.key != "action":
        # "—" in 完成时限 or 建设状态 means nothing reported, as in a figure column: it never overwrites a stored text.
        findings.append(finding("PLACEHOLDER", "info", seen=raw, **where))  # type: ignore[arg-type]
        return cells.Cell(None, changed=True)
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
            if cell.value is None:
                findings.append(finding("PLACEHOLDER", "info", seen=raw, **where))  # type: ignore[arg-type]
            else:
                findings.append(finding("NORMALISED", "warning", seen=raw, understood=cell.value, **where))  # type: ignore[arg-type]
    if required and column.required and cell.value is None and cell.ok:
        findings.append(finding("MISSING_VALUE", **where))  # type: ignore[arg-type]
    return cell


def _bad_cell_findings(
    title: str, header_row: int, letters: dict[str, str], headers_: dict[str, str], bad: list[BadCell],
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
        findings.append(finding(code, sheet=title, row=cell.row, column=cell.column, header=headers_.get(key, key), seen=cell.text))
        hit.add((cell.row, key))
    return hit
