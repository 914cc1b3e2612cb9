"""What an upload would change: rows added, removed and changed per table, fields blanked, old and new side by side.

Read from the sheet registry, so every table of the format is compared. What would be lost (rows removed, stored
fields blanked) and what changes the plan itself (the catalogue tables: targets, towns, projects …) are counted
apart: the page puts them at the top in red and asks for a second confirmation naming the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from . import schema, texts
from .changes import identity
from .model import Dataset

Kind = Literal["added", "removed", "changed", "blanked"]
ADDED, REMOVED, CHANGED, BLANKED = "added", "removed", "changed", "blanked"
# Bookkeeping fields: shown when they change, never counted as a loss.
_BOOKKEEPING = ("sample", "source")


@dataclass(frozen=True)
class Change:
    table: str  # the sheet's Chinese name
    kind: Kind
    key: str
    field: str  # the changed column's header, "" for whole rows
    old: object
    new: object
    figure: bool = False  # the field holds a figure (数值, 计划投资 …)
    plan: bool = False  # a change of the plan itself (a catalogue table)

    @property
    def kind_label(self) -> str:
        return texts.CHANGE_KINDS[self.kind]


@dataclass(frozen=True)
class TableSummary:
    table: str
    in_upload: bool  # False: the upload does not hold this sheet, the rows in use are kept
    added: int
    removed: int
    changed: int  # rows with at least one changed field
    blanked: int = 0  # stored fields the upload empties on purpose (删除 in a cell)
    key: str = ""  # the registry key


@dataclass(frozen=True)
class Confirmation:
    """What saving would lose or change in the plan; any of it needs the official's second, counted yes."""

    removed: int
    blanked: int
    plan: int

    @property
    def needed(self) -> bool:
        return bool(self.removed or self.blanked or self.plan)


@dataclass(frozen=True)
class Preview:
    changes: list[Change]
    tables: list[TableSummary]

    @property
    def empty(self) -> bool:
        return not self.changes

    @property
    def figures_changed(self) -> int:
        return sum(1 for c in self.changes if c.figure and c.kind in (ADDED, CHANGED))

    @property
    def confirmation(self) -> Confirmation:
        return Confirmation(
            removed=sum(1 for c in self.changes if c.kind == REMOVED),
            blanked=sum(1 for c in self.changes if c.kind == BLANKED),
            plan=len({(c.table, c.key) for c in self.changes if c.plan and c.kind in (ADDED, CHANGED)}),
        )


@dataclass(frozen=True)
class PreviewPage:
    """A preview as a page shows it: its counts and tables in full, its changes only in their first rows.

    Small, so it crosses from the child that made it (upload_worker.py) and lives in a session; the page lists
    `rows` and counts the rest (47,000 rows drawn on every rerun held the server for seconds: bench/soak.py)."""

    tables: list[TableSummary]
    confirmation: Confirmation
    figures_changed: int
    total: int  # changes in all
    rows: list[dict[str, object]]  # change_rows(…, limit) of them

    @property
    def empty(self) -> bool:
        return not self.total


def page(result: Preview, limit: int) -> PreviewPage:
    return PreviewPage(
        result.tables, result.confirmation, result.figures_changed, len(result.changes), change_rows(result, limit)
    )


def preview(old: Dataset | None, new: Dataset, uploaded_sheets: set[str] | frozenset[str]) -> Preview:
    """Compare the data in use with the data after the upload; `uploaded_sheets` are the schema keys it holds."""
    changes: list[Change] = []
    tables: list[TableSummary] = []
    for sheet in schema.TABLES:
        before_rows = getattr(old, sheet.attribute) if old else ()
        after_rows = getattr(new, sheet.attribute)
        found = [] if before_rows is after_rows else _compare(sheet, before_rows, after_rows)
        changes.extend(found)
        tables.append(TableSummary(
            sheet.name, sheet.key in uploaded_sheets,
            sum(c.kind == ADDED for c in found), sum(c.kind == REMOVED for c in found),
            len({c.key for c in found if c.kind in (CHANGED, BLANKED)}), sum(c.kind == BLANKED for c in found),
            sheet.key,
        ))
    return Preview(changes, tables)


def _compare(sheet: schema.Sheet, before_rows: tuple, after_rows: tuple) -> list[Change]:
    plan = sheet.role == "catalogue"
    figures = {c.attribute for c in sheet.figures}
    before = {identity(sheet, r): r for r in before_rows}
    after = {identity(sheet, r): r for r in after_rows}
    found: list[Change] = []
    for key in after.keys() - before.keys():
        has_figure = any(getattr(after[key], f) is not None for f in figures)
        found.append(Change(sheet.name, ADDED, _show(key), "", None, _row(sheet, after[key]), has_figure, plan))
    for key in before.keys() - after.keys():
        found.append(Change(sheet.name, REMOVED, _show(key), "", _row(sheet, before[key]), None, False, plan))
    for key in before.keys() & after.keys():
        a_row, b_row = before[key], after[key]
        if a_row == b_row:
            continue
        for f in fields(a_row):
            a, b = getattr(a_row, f.name), getattr(b_row, f.name)
            if a == b:
                continue
            blanked = b in (None, "", ()) and a not in (None, "", ()) and f.name not in _BOOKKEEPING
            found.append(Change(
                sheet.name, BLANKED if blanked else CHANGED, _show(key), header(sheet, f.name), a, b,
                f.name in figures, plan and f.name not in _BOOKKEEPING,
            ))
    found.sort(key=lambda c: (c.kind, c.key, c.field))
    return found


def _show(key: tuple) -> str:
    return " / ".join(str(k) for k in key)


def _row(sheet: schema.Sheet, item: object) -> str:
    shown = ((f.name, getattr(item, f.name)) for f in fields(item))
    return "；".join(
        f"{header(sheet, name)}={_value(value)}" for name, value in shown if value not in (None, "", (), False)
    )


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return texts.SEP.join(str(v) for v in value)
    if isinstance(value, bool):
        return texts.YES if value else texts.NO
    return str(value)


def header(sheet: schema.Sheet, attribute: str) -> str:
    """The column header of a record attribute (planned_yi is 计划投资), for the preview."""
    if attribute == "sample":
        return texts.SAMPLE
    return next((c.header for c in sheet.columns if c.attribute == attribute), attribute)


def table_rows(result: Preview | PreviewPage) -> list[dict[str, object]]:
    """One row per table: whether the upload holds it, and how many rows it adds, changes, removes and blanks."""
    return [
        {
            texts.PREVIEW_COL_TABLE: t.table,
            texts.PREVIEW_COL_SCOPE: texts.PREVIEW_IN_UPLOAD if t.in_upload else texts.PREVIEW_KEPT,
            texts.CHANGE_ADDED: t.added, texts.CHANGE_CHANGED: t.changed, texts.CHANGE_REMOVED: t.removed,
            texts.CHANGE_BLANKED: t.blanked,
        }
        for t in result.tables
        if t.in_upload or t.added or t.changed or t.removed or t.blanked
    ]


def change_rows(result: Preview, limit: int | None = None) -> list[dict[str, object]]:
    """Every change, losses and changes of the plan first: what an official must see before saving."""
    ranked = sorted(result.changes, key=lambda c: (_rank(c), c.table))
    return [
        {
            texts.PREVIEW_COL_KIND: c.kind_label, texts.PREVIEW_COL_TABLE: c.table, texts.PREVIEW_COL_KEY: c.key,
            texts.PREVIEW_COL_FIELD: c.field, texts.PREVIEW_COL_OLD: "" if c.old is None else _value(c.old),
            texts.PREVIEW_COL_NEW: "" if c.new is None else _value(c.new),
        }
        for c in ranked[:limit]
    ]


def _rank(change: Change) -> int:
    if change.kind == REMOVED:
        return 0
    if change.kind == BLANKED:
        return 1
    if change.plan:
        return 2
    return 3 if change.kind == CHANGED else 4
