"""The blank templates officials download, and the format tables of the format page and the README.

Two templates, from the one registry: the data template for the offices that report figures (指标数据, 项目进展,
市级下达目标, 参照数据, 人工研判), and the full template with the plan's catalogue for its owner. In either, a sheet
left empty is ignored on upload: it never removes anything.
"""

from __future__ import annotations

import io
from typing import Literal

import pandas as pd
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill

from . import schema, texts

REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
Kind = Literal["data", "full"]


def sheets_for(kind: Kind) -> tuple[schema.Sheet, ...]:
    return tuple(s for s in schema.SHEETS if kind == "full" or s.role in ("info", "data"))


def blank_template(kind: Kind = "full") -> bytes:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets_for(kind):
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
    """One row per column of a sheet, for the format page."""
    return pd.DataFrame(
        [
            {
                texts.FORMAT_COL_HEADER: c.header,
                texts.FORMAT_COL_REQUIRED: _required(sheet, c),
                texts.FORMAT_COL_KIND: texts.COLUMN_KIND_LABELS[c.kind],
                texts.FORMAT_COL_HELP: c.help,
                texts.FORMAT_COL_ALIASES: "、".join(a.replace("\n", "") for a in c.aliases),
            }
            for c in sheet.columns
        ]
    )


def sheet_note(sheet: schema.Sheet) -> str:
    """Who fills the sheet in and how its rows are matched to the data in use."""
    if sheet.role == "info":
        return texts.FORMAT_ROLE_INFO
    keys = "＋".join(sheet.column(k).header for k in sheet.identity)
    role = texts.FORMAT_ROLE_CATALOGUE if sheet.role == "catalogue" else texts.FORMAT_ROLE_DATA
    return texts.FORMAT_SHEET_NOTE.format(role=role, keys=keys)


def format_markdown() -> str:
    """The README's format section, sheet by sheet, written from the registry (a test keeps them equal)."""
    blocks = []
    for sheet in schema.SHEETS:
        lines = [f"#### {sheet.name}", f"{sheet.help}{sheet_note(sheet)}", ""]
        lines.append("| 列名 | 必填 | 类型 | 说明 |")
        lines.append("|---|---|---|---|")
        for c in sheet.columns:
            lines.append(f"| {c.header} | {_required(sheet, c)} | {texts.COLUMN_KIND_LABELS[c.kind]} | {c.help} |")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _required(sheet: schema.Sheet, column: schema.Column) -> str:
    if not column.required:
        return ""
    return texts.FORMAT_REQUIRED_YES if column.key in sheet.identity else texts.FORMAT_REQUIRED_NEW

