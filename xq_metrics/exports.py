"""Excel exports: any table a page shows, the current view as one workbook, and the whole data set in the upload
format (so it can be edited and uploaded again: unchanged, it changes nothing).

Every workbook is written with xlsxwriter: Chinese headers with units, numbers as numbers, 未填报 as an empty cell
with a note, a frozen header row with a filter, columns as wide as their text. Text is always written as text
(`write_string`), so a name typed as "=HYPERLINK(…)" or "-5%" stays the characters it was and never runs as a
formula; no apostrophe is added either, so the data-set workbook reads back exactly.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterable, Sequence

import pandas as pd
import xlsxwriter
import xlsxwriter.worksheet

from . import projects, schema, tasks, texts
from .filters import Filters, describe
from .indicator_view import status_text
from .money import PER_YI, canonical_unit
from .overview import cards
from .report_doc import DataVersion, report_year

MAX_WIDTH = 48  # characters: longer text wraps
MIN_WIDTH = 6
# A figure as the pages write it: 1,234.5 or 95.61% or 2.3万人 (the unit, if any, moves to the header).
_FIGURE = re.compile(r"^([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)([^\d\s,.;:，。；：、（）()]{0,4})$")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Cell:
    value: object  # str, int, float, date or None (an empty cell)
    note: str = ""  # a comment on the cell: why it is empty (未填报), or that it is 示例
    sample: bool = False


# --------------------------------------------------------------------------- writing sheets


class _ExactSheet(xlsxwriter.worksheet.Worksheet):
    """xlsxwriter writes numbers with 16 significant digits; a stored 0.30000000000000004 needs 17 to read back
    as itself. Python's repr is the shortest text that does, so the data-set workbook round-trips exactly."""

    def _xml_number_element(self, number: float, attributes: list = []) -> None:  # noqa: B006  (xlsxwriter's signature)
        attr = "".join(f' {key}="{self._escape_attributes(value)}"' for key, value in attributes)
        self.fh.write(f"<c{attr}><v>{number!r}</v></c>")


class _Book:
    """One workbook being written, with its shared formats."""

    def __init__(self) -> None:
        self.out = io.BytesIO()
        self.book = xlsxwriter.Workbook(self.out, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
        })
        self.head = self.book.add_format({
            "bold": True, "bg_color": "#E7EBF0", "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center",
        })
        self.text = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.number = self.book.add_format({"valign": "top"})
        self.day = self.book.add_format({"valign": "top", "num_format": "yyyy-mm-dd"})
        self.sample = self.book.add_format({"valign": "top", "bg_color": "#FDEBD3", "text_wrap": True})
        self.missing = self.book.add_format({"valign": "top", "bg_color": "#F3F4F6"})
        self.names: set[str] = set()

    def sheet(self, name: str, columns: Sequence[str], rows: Iterable[Sequence[Cell]], filter_: bool = True) -> None:
        ws = self.book.add_worksheet(self._name(name), worksheet_class=_ExactSheet)
        widths = [_display_width(c) for c in columns]
        for c, header in enumerate(columns):
            ws.write_string(0, c, header, self.head)
        count = 0
        for r, row in enumerate(rows, start=1):
            count = r
            for c, cell in enumerate(row):
                self._write(ws, r, c, cell)
                if cell.value is not None:
                    widths[c] = max(widths[c], _display_width(_shown(cell.value)))
        for c, width in enumerate(widths):
            ws.set_column(c, c, min(max(width + 2, MIN_WIDTH), MAX_WIDTH))
        ws.freeze_panes(1, 0)
        if filter_ and columns and count:
            ws.autofilter(0, 0, count, len(columns) - 1)

    def _write(self, ws: Any, r: int, c: int, cell: Cell) -> None:
        value = cell.value
        fmt = self.sample if cell.sample else None
        if value is None:
            ws.write_blank(r, c, None, fmt or (self.missing if cell.note else None))
        elif isinstance(value, bool):
            ws.write_string(r, c, texts.YES if value else texts.NO, fmt or self.text)
        elif isinstance(value, (int, float)):
            if isinstance(value, float) and not math.isfinite(value):
                ws.write_blank(r, c, None)
            else:
                ws.write_number(r, c, value, fmt or self.number)
        elif isinstance(value, (datetime, date)):
            ws.write_datetime(r, c, datetime(value.year, value.month, value.day), self.day)
        else:
            ws.write_string(r, c, str(value), fmt or self.text)  # never a formula, whatever it starts with
        if cell.note:
            ws.write_comment(r, c, cell.note, {"author": texts.APP_TITLE, "x_scale": 1.4})

    def _name(self, name: str) -> str:
        """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
        base = _SHEET_NAME_BAD.sub("_", name).strip("'")[:31] or "Sheet"
        candidate, n = base, 2
        while candidate in self.names:
            candidate = f"{base[:28]}({n})"
            n += 1
        self.names.add(candidate)
        return candidate

    def close(self) -> bytes:
        self.book.close()
        return self.out.getvalue()


def _display_width(text: str) -> int:
    """Columns a text takes in Excel: a CJK character is about two Latin ones."""
    longest = max((line for line in str(text).split("\n")), key=len, default="")
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in longest)


def _shown(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


# --------------------------------------------------------------------------- a page's table


def frame_cells(frame: pd.DataFrame) -> tuple[list[str], list[list[Cell]]]:
    """A page's table as cells: a column whose every figure is written as a number (with one unit) becomes
    numbers with the unit in its header; 未填报 and 未披露 become empty cells that say so in a note."""
    columns = [str(c) for c in frame.columns]
    converted = [_column(list(frame.iloc[:, i])) for i in range(len(columns))]
    headers = []
    for name, (_, unit) in zip(columns, converted):
        headers.append(f"{name}{texts.PAREN_OPEN}{unit}{texts.PAREN_CLOSE}" if unit and unit not in name else name)
    rows = [[converted[c][0][r] for c in range(len(columns))] for r in range(len(frame))]
    return headers, rows


def _missing_words() -> tuple[str, ...]:
    return (texts.NOT_REPORTED, texts.PROJECT_UNDISCLOSED)


def _column(values: list[object]) -> tuple[list[Cell], str]:
    cells: list[Cell | None] = []
    numbers: dict[int, float] = {}
    units: set[str] = set()
    textual = False
    for index, value in enumerate(values):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
            cells.append(Cell(None))
            continue
        if isinstance(value, str):
            stripped = value.strip()
            if stripped in _missing_words():
                cells.append(Cell(None, stripped))
                continue
            if stripped in ("", "—", "-"):
                cells.append(Cell(None))
                continue
            match = _FIGURE.match(stripped)
            digits = match.group(1).lstrip("+-").replace(",", "") if match else ""
            code_like = match is not None and "." not in digits and (len(digits) >= 12 or (len(digits) > 1 and digits[0] == "0"))
            if match and not code_like:
                numbers[index] = float(match.group(1).replace(",", ""))
                units.add(match.group(2))
            else:
                textual = True
            cells.append(None)
            continue
        if hasattr(value, "item"):  # numpy scalars
            value = value.item()
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        cells.append(Cell(value))
    numeric = numbers and not textual and len(units) == 1
    result: list[Cell] = []
    for index, cell in enumerate(cells):
        if cell is not None:
            result.append(cell)
        elif numeric:
            number = numbers[index]
            result.append(Cell(int(number) if number.is_integer() and abs(number) < 1e15 else number))
        else:
            result.append(Cell(str(values[index])))
    return result, (next(iter(units)) if numeric else "")


def table_xlsx(frame: pd.DataFrame, name: str) -> bytes:
    """One table of a page as a workbook of one sheet."""
    book = _Book()
    headers, rows = frame_cells(frame)
    book.sheet(name, headers, rows)
    return book.close()


# --------------------------------------------------------------------------- the current view


def view_workbook(dataset: Any, filters: Filters, version: DataVersion, today: date | None = None,
                  now: datetime | None = None) -> bytes:
    """The view under the filters in use as one workbook: 说明, indicators and their status, the figures, towns,
    projects and tasks, one sheet each. For reading and forwarding; the data-set workbook is the one to edit."""
    today = today or date.today()
    now = now or datetime.now()
    year = report_year(dataset, filters)
    scope = Filters(filters.towns, filters.chapters, filters.sections, year, filters.departments)
    book = _Book()
    all_cards = cards(dataset, scope)
    sample = any(c.main.sample for c in all_cards)
    _info_sheet(book, [
        (schema.INFO_NAME, texts.VIEW_EXPORT_NAME),
        (texts.DOC_COVER_SCOPE, describe(scope, dataset)),
        (texts.DOC_COVER_YEAR, f"{year}{texts.YEAR_SUFFIX}" if year else "—"),
        (texts.DOC_COVER_VERSION, version.text),
        (texts.EXPORT_INFO_SAMPLE, texts.EXPORT_SAMPLE_YES.format(count=dataset.sample_figures) if sample else texts.NO),
        (texts.EXPORT_INFO_TIME, now.strftime("%Y-%m-%d %H:%M")),
        (texts.EXPORT_INFO_NOTE, texts.EXPORT_VIEW_NOTE),
    ])

    indicator_rows = []
    for c in all_cards:
        j, i = c.main, c.indicator
        indicator_rows.append([
            Cell(i.code), Cell(i.category), Cell(i.name), Cell(i.unit or None), Cell(i.target_text), Cell(i.attribute),
            Cell(j.town), Cell(j.year), _figure(j.value, j.sample), _figure(j.measured, j.sample) if j.cumulative else Cell(None),
            Cell(status_text(j)), Cell(texts.ALERT if j.alert else None), Cell(j.trend), Cell(j.reason),
            Cell(texts.SAMPLE if j.sample else None),
        ])
    book.sheet(texts.EXPORT_SHEET_INDICATORS, (
        texts.METHOD_COL_CODE, texts.DOC_COL_CATEGORY, texts.TIP_INDICATOR, texts.DETAIL_COL_UNIT, texts.TARGET_LABEL,
        texts.ATTRIBUTE_LABEL, texts.TIP_TOWN, texts.EXPORT_COL_JUDGED_YEAR, texts.TIP_VALUE, texts.CUMULATIVE_SHORT,
        texts.DOC_COL_STATUS, texts.ALERT, texts.TREND_LABEL, texts.STATUS_REASON, texts.SAMPLE,
    ), indicator_rows)

    kept = {c.indicator.name: c.indicator for c in all_cards}
    towns = set(scope.towns) | {texts.DISTRICT}
    figures = sorted(
        (o for o in dataset.observations
         if o.indicator in kept and o.town in towns and (year is None or o.year <= year)),
        key=lambda o: (kept[o.indicator].code, o.town != texts.DISTRICT, o.town, o.year),
    )
    book.sheet(texts.EXPORT_SHEET_VALUES, (
        texts.TIP_INDICATOR, texts.TIP_TOWN, texts.COL_YEAR, texts.TIP_VALUE, texts.DETAIL_COL_UNIT, texts.SAMPLE,
        texts.COL_SOURCE,
    ), ([Cell(o.indicator), Cell(o.town), Cell(o.year), _figure(o.value, o.sample), Cell(kept[o.indicator].unit or None),
         Cell(texts.SAMPLE if o.sample else None), Cell(o.source or None)] for o in figures))

    from . import towns as town_view

    matrix = town_view.matrix(dataset, scope)
    if matrix:
        units = {i.name: i.unit for i in dataset.indicators}
        book.sheet(texts.EXPORT_SHEET_TOWNS, (
            texts.TIP_TOWN, texts.TIP_INDICATOR, texts.DETAIL_COL_UNIT, texts.EXPORT_COL_JUDGED_YEAR, texts.TIP_VALUE,
            texts.DOC_COL_STATUS, texts.STATUS_REASON,
        ), ([Cell(j.town), Cell(j.indicator), Cell(units.get(j.indicator) or None), Cell(j.year), _figure(j.value, j.sample),
             Cell(status_text(j)), Cell(j.reason)] for j in matrix))

    shown = projects.select(projects.project_rows(dataset, year), scope).rows
    headers, rows = frame_cells(projects.table(shown))
    book.sheet(texts.EXPORT_SHEET_PROJECTS, headers, rows)

    if dataset.tasks:
        task_list = [r for r in tasks.task_rows(dataset, year, today) if tasks.keeps(r, scope)]
        headers, rows = frame_cells(tasks.table(task_list))
        book.sheet(texts.EXPORT_SHEET_TASKS, headers, rows)

    return book.close()


def _figure(value: float | None, sample: bool) -> Cell:
    if value is None:
        return Cell(None, texts.NOT_REPORTED)
    return Cell(value, texts.SAMPLE if sample else "", sample)


def _info_sheet(book: _Book, rows: list[tuple[str, str]]) -> None:
    book.sheet(schema.INFO.name, (schema.INFO.column("field").header, schema.INFO.column("value").header),
               ([Cell(k), Cell(v)] for k, v in rows), filter_=False)


# --------------------------------------------------------------------------- the whole data set, upload format


def dataset_workbook(dataset: Any, version: DataVersion, now: datetime | None = None) -> bytes:
    """Every stored row in the upload format, sheet by sheet as the registry defines them. Uploaded unchanged it
    changes nothing; edited, it is an ordinary upload. 示例 figures are shaded and noted, and 是否示例 is 否: a
    figure an official types here is a reported one, while the figures left as they are keep their 示例 mark."""
    now = now or datetime.now()
    book = _Book()
    _info_sheet(book, [
        (schema.INFO_NAME, dataset.name),
        (schema.INFO_SAMPLE, texts.NO),
        (schema.INFO_NOTE, texts.EXPORT_DATASET_NOTE.format(count=dataset.sample_figures)),
        (texts.DOC_COVER_VERSION, version.text),
        (texts.EXPORT_INFO_TIME, now.strftime("%Y-%m-%d %H:%M")),
    ])
    for sheet in schema.SHEETS:
        if sheet is schema.INFO:
            continue
        columns = [c for c in sheet.columns if c.stored and c is not schema.ACTION and c.key != schema.ACTION.key]
        records = getattr(dataset, sheet.attribute)
        book.sheet(sheet.name, [c.header for c in columns], ([_stored(sheet, c, r) for c in columns] for r in records))
    return book.close()


def _stored(sheet: schema.Sheet, column: schema.Column, record: object) -> Cell:
    value = getattr(record, column.attribute)
    sample = bool(getattr(record, "sample", False)) and column.kind == "number"
    if sheet is schema.PROGRESS and column.attribute in ("planned_yi", "completed_yi") and value is not None:
        value = as_typed(value, getattr(record, "unit", ""))
    if value is None or value == "" or value == ():
        return Cell(None)
    if isinstance(value, tuple):
        return Cell("、".join(str(v) for v in value))  # the upload format's separator, in any language
    if column.kind == "text":
        return Cell(str(value))
    return Cell(value, texts.SAMPLE if sample else "", sample)


def as_typed(amount_yi: float, unit: str) -> float:
    """An amount stored in 亿元 back in the unit it was reported in, as the shortest figure that converts back to
    exactly the stored amount (301500万元 for 30.15亿元), so a re-upload changes nothing."""
    per = PER_YI.get(canonical_unit(unit) or texts.UNIT_YI, 1.0)
    if per == 1.0:
        return amount_yi
    for digits in range(0, 12):
        typed = round(amount_yi * per, digits)
        if typed / per == amount_yi:
            return typed
    return amount_yi * per
