"""What an upload would change: rows added, removed and changed per table, old and new values side by side.

A workbook may hold only some sheets; the preview says which tables it updates and which it keeps as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Callable

from . import schema, texts
from .model import Dataset

ADDED, REMOVED, CHANGED = texts.CHANGE_ADDED, texts.CHANGE_REMOVED, texts.CHANGE_CHANGED


@dataclass(frozen=True)
class Table:
    sheet: schema.Sheet
    attribute: str  # the Dataset field holding its rows
    key: Callable[[object], tuple]


TABLES: tuple[Table, ...] = (
    Table(schema.STRUCTURE, "sections", lambda s: (s.chapter, s.section)),
    Table(schema.INDICATORS, "indicators", lambda i: (i.code,)),
    Table(schema.VALUES, "observations", lambda o: (o.indicator, o.town, o.year)),
    Table(schema.TOWNS, "towns", lambda t: (t.name,)),
    Table(schema.PROJECTS, "projects", lambda p: (p.code,)),
    Table(schema.PROGRESS, "progress", lambda p: (p.project, p.year)),
    Table(schema.FACTS, "facts", lambda f: (f.name, f.year)),
    Table(schema.CITY_TARGETS, "city_targets", lambda t: (t.indicator, t.year)),
    Table(schema.REFERENCE, "references", lambda r: (r.name, r.town, r.year)),
    Table(schema.ASSESSMENTS, "assessments", lambda a: (a.indicator, a.town, a.year)),
)


@dataclass(frozen=True)
class Change:
    table: str  # the sheet's Chinese name
    kind: str  # ADDED / REMOVED / CHANGED
    key: str
    field: str  # the changed attribute, "" for whole rows
    old: object
    new: object


@dataclass(frozen=True)
class TableSummary:
    table: str
    in_upload: bool  # False: the upload does not hold this sheet, the rows in use are kept
    added: int
    removed: int
    changed: int


@dataclass(frozen=True)
class Preview:
    changes: list[Change]
    tables: list[TableSummary]

    @property
    def empty(self) -> bool:
        return not self.changes


def preview(old: Dataset | None, new: Dataset, uploaded_sheets: set[str]) -> Preview:
    """Compare the data in use with the data after the upload; `uploaded_sheets` are the schema keys it holds."""
    changes: list[Change] = []
    tables: list[TableSummary] = []
    for table in TABLES:
        before = {table.key(r): r for r in (getattr(old, table.attribute) if old else ())}
        after = {table.key(r): r for r in getattr(new, table.attribute)}
        found: list[Change] = []
        for key in after.keys() - before.keys():
            found.append(Change(table.sheet.name, ADDED, _show(key), "", None, _row(table.sheet, after[key])))
        for key in before.keys() - after.keys():
            found.append(Change(table.sheet.name, REMOVED, _show(key), "", _row(table.sheet, before[key]), None))
        for key in before.keys() & after.keys():
            if before[key] == after[key]:
                continue
            for f in fields(before[key]):
                a, b = getattr(before[key], f.name), getattr(after[key], f.name)
                if a != b:
                    found.append(Change(table.sheet.name, CHANGED, _show(key), _header(table.sheet, f.name), a, b))
        found.sort(key=lambda c: (c.kind, c.key, c.field))
        changes.extend(found)
        tables.append(
            TableSummary(
                table.sheet.name, table.sheet.key in uploaded_sheets,
                sum(c.kind == ADDED for c in found), sum(c.kind == REMOVED for c in found),
                len({c.key for c in found if c.kind == CHANGED}),
            )
        )
    return Preview(changes, tables)


def _show(key: tuple) -> str:
    return " / ".join(str(k) for k in key)


def _row(sheet: schema.Sheet, item: object) -> str:
    shown = ((f.name, getattr(item, f.name)) for f in fields(item))
    return "；".join(f"{_header(sheet, name)}={value}" for name, value in shown if value not in (None, "", ()))


def _header(sheet: schema.Sheet, attribute: str) -> str:
    # Amounts converted to 亿元 carry a _yi suffix in the model but not in the sheet (项目进展's 计划投资).
    keys = (attribute, attribute.removesuffix("_yi"))
    return next((c.header for k in keys for c in sheet.columns if c.key == k), attribute)
