"""Build small workbooks for tests: the default data, edited cell by cell, saved to bytes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from openpyxl import Workbook, load_workbook

from xq_metrics.defaults import PLAN_WORKBOOK, SAMPLE_WORKBOOK


def edited(path: Path, edit: Callable[[Workbook], None]) -> bytes:
    book = load_workbook(path)
    edit(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def plan_with(edit: Callable[[Workbook], None]) -> bytes:
    return edited(PLAN_WORKBOOK, edit)


def sample_with(edit: Callable[[Workbook], None]) -> bytes:
    return edited(SAMPLE_WORKBOOK, edit)


def workbook(sheets: dict[str, list[list[object]]], text_formulas: bool = True) -> bytes:
    """Sheets from rows. Strings starting with "=" are stored as text unless `text_formulas` is False."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
            if text_formulas:
                for cell in ws[ws.max_row]:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
