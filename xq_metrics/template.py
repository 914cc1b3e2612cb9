"""The blank template officials download: every sheet of the format, headers only, help as cell comments."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from . import schema, texts

REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")


def blank_template() -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in schema.SHEETS:
        ws = book.create_sheet(sheet.name)
        for index, column in enumerate(sheet.columns, start=1):
            cell = ws.cell(row=1, column=index, value=column.header)
            cell.font = Font(bold=True)
            if column.required:
                cell.fill = REQUIRED_FILL
            note = texts.TEMPLATE_REQUIRED_NOTE if column.required else ""
            if column.help or note:
                cell.comment = Comment(f"{column.help}{note}", texts.TEMPLATE_AUTHOR)
            ws.column_dimensions[cell.column_letter].width = max(10, len(column.header) * 2 + 4)
        ws.freeze_panes = "A2"
    info = book[schema.INFO.name]
    for row, field in enumerate((schema.INFO_NAME, schema.INFO_SAMPLE, schema.INFO_NOTE), start=2):
        info.cell(row=row, column=1, value=field)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def format_table(sheet: schema.Sheet) -> pd.DataFrame:
    """One row per column of a sheet, for the format page and the README."""
    return pd.DataFrame(
        [
            {
                texts.FORMAT_COL_HEADER: c.header,
                texts.FORMAT_COL_REQUIRED: texts.FORMAT_REQUIRED_YES if c.required else "",
                texts.FORMAT_COL_KIND: KIND_LABELS[c.kind],
                texts.FORMAT_COL_HELP: c.help,
                texts.FORMAT_COL_ALIASES: "、".join(a.replace("\n", "") for a in c.aliases),
            }
            for c in sheet.columns
        ]
    )


KIND_LABELS = texts.COLUMN_KIND_LABELS
