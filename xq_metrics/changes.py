"""What an upload says, as edits to the data in use, and how they are applied.

An upload changes only what it holds. Each row of the workbook becomes one `Edit`: the identity of a stored row
(指标 + 镇街 + 年份 …), the fields the file gives a value for, the fields it explicitly blanks (删除 typed in a cell),
or the removal of the row (操作 = 删除). An empty cell, a placeholder (—, 无, 未填报), an empty sheet or a column the
format does not know never appears in an edit, so it can never remove or blank anything. The one other way to
remove rows is `replace`: a table the official chose, on the preview, to replace as a whole. Plain rows of a long
sheet (names found as typed, figures and text only) stay columns: a `Block` says what their Edits would.

The same edits are applied twice: on the version the preview was made against, and again at save time on the
version current then, so two offices saving at once both keep their changes (`conflicts` refuses the save only
when both changed the same field).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, NamedTuple

from . import schema, texts
from .cells import fold
from .model import Dataset, SourceInfo

# Fields that describe where a figure came from: when a figure changes and the file gives no 出处, the old 出处
# would describe a figure that is no longer there, so it becomes the uploaded file.
_SOURCE = "source"
# The fields of an edit that gives none (a 删除 row): one shared empty mapping, which no one writes to.
_NOTHING: Mapping[str, object] = {}


class Edit(NamedTuple):
    """One row of the upload as a change to one stored row. A named tuple, not a dataclass: a large upload makes
    200,000 of them, and a tuple is built in a third of the time. Never changed after it is made."""

    table: str  # schema key of the sheet, e.g. "values"
    key: tuple  # the row's identity, names resolved to the catalogue's
    fields: Mapping[str, object] = _NOTHING  # record attribute -> new value
    blanks: frozenset[str] = frozenset()  # record attributes the file blanks on purpose
    delete: bool = False
    origin: tuple[str, int] = ("", 0)  # (sheet as named in the workbook, Excel row)
    columns: Mapping[str, str] = _NOTHING  # column key -> Excel letter, for findings


NO_BLANKS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Block:
    """Plain rows of one sheet kept as columns: what one Edit per row would say (each field given where its value is
    not None; nothing blanked, nothing removed), without an object per row. A long 指标数据 sheet is 200,000 rows;
    `edit(i)` and `edits()` make the Edits for a reader that needs them one by one."""

    table: str
    keys: list[tuple]
    fields: dict[str, list[object]]  # record attribute -> each row's value; None: not given
    title: str  # the sheet as named in the workbook
    numbers: list[int]  # Excel row of each row
    columns: Mapping[str, str]  # column key -> Excel letter, for findings

    def __len__(self) -> int:
        return len(self.keys)

    def edit(self, index: int) -> Edit:
        given = {name: column[index] for name, column in self.fields.items() if column[index] is not None}
        return Edit(self.table, self.keys[index], given, NO_BLANKS, False, (self.title, self.numbers[index]), self.columns)

    def edits(self) -> list[Edit]:
        return [self.edit(i) for i in range(len(self))]


@dataclass(frozen=True)
class Changeset:
    edits: tuple[Edit, ...]
    source: SourceInfo
    replace: frozenset[str] = frozenset()  # tables replaced as a whole: rows the file does not hold are removed
    blocks: tuple[Block, ...] = ()  # plain rows, column by column: edits too

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self._by_table) | {b.table for b in self.blocks}

    def singles(self, table: str) -> list[Edit]:
        """The table's edits made one by one (its blocks aside)."""
        return self._by_table.get(table, [])

    def blocks_of(self, table: str) -> list[Block]:
        return [b for b in self.blocks if b.table == table]

    def of(self, table: str) -> list[Edit]:
        """Every edit of the table, its blocks' rows made into Edits: for readers that are not in a hurry."""
        blocks = self.blocks_of(table)
        return [*self.singles(table), *(e for b in blocks for e in b.edits())] if blocks else self.singles(table)

    def titles(self) -> dict[str, str]:
        """Table -> the sheet its last edit came from, as named in the workbook."""
        titles = {e.table: e.origin[0] for e in self.edits}
        titles.update((b.table, b.title) for b in self.blocks)
        return titles

    @functools.cached_property
    def _by_table(self) -> dict[str, list[Edit]]:
        grouped: dict[str, list[Edit]] = {}
        # An upload's edits come a table at a time: grouped by runs, not one append per edit.
        for table, run in itertools.groupby(self.edits, operator.itemgetter(0)):
            grouped.setdefault(table, []).extend(run)
        return grouped


@dataclass(frozen=True)
class Conflict:
    table: str
    key: tuple
    field: str  # record attribute; "" for the whole row
    at_preview: object
    now: object


def identity(sheet: schema.Sheet, record: object) -> tuple:
    return tuple(getattr(record, a) for a in sheet.identity_attributes)


def apply(
    base: Dataset | None, changes: Changeset, tables: Iterable[schema.Sheet] = schema.TABLES,
    made: Mapping[str, tuple] = _NOTHING,  # type: ignore[assignment]
) -> Dataset:
    """The data in use with the edits applied; tables without edits (and not replaced) are the very same tuples.
    `made`: tables (by schema key) already made from the same base and the same edits of theirs, taken as they are."""
    updates: dict[str, tuple] = {}
    for sheet in tables:
        edits, blocks = changes.singles(sheet.key), changes.blocks_of(sheet.key)
        if not edits and not blocks and sheet.key not in changes.replace:
            continue
        if sheet.key in made:
            updates[sheet.attribute] = made[sheet.key]
            continue
        old = getattr(base, sheet.attribute) if base is not None else ()
        updates[sheet.attribute] = _apply_table(sheet, old, edits, blocks, sheet.key in changes.replace, changes.source)
    sources = ((*base.sources, changes.source) if base is not None else (changes.source,))
    if base is None:
        return Dataset(sources=sources, **updates)
    return dataclasses.replace(base, sources=sources, **updates)


def _apply_table(
    sheet: schema.Sheet, old: tuple, edits: list[Edit], blocks: list[Block], replace: bool, source: SourceInfo,
) -> tuple:
    rows = {identity(sheet, r): r for r in old}
    if replace:
        kept = {e.key for e in edits if not e.delete}.union(*(b.keys for b in blocks))
        rows = {k: r for k, r in rows.items() if k in kept}
    cls = record_class(sheet)
    layouts: dict[tuple[str, ...], tuple[Callable[[tuple], tuple], tuple[object, ...]]] = {}
    sample = source.is_sample
    for edit in edits:
        if edit.delete:
            rows.pop(edit.key, None)
        elif edit.key in rows:
            rows[edit.key] = _update(sheet, rows[edit.key], edit, source)
        else:
            # A new row, built positionally (see _layout); layouts looked up per table: 200,000 new figures.
            given = tuple(edit.fields)
            layout = layouts.get(given)
            if layout is None:
                layout = layouts[given] = _layout(cls, sheet.identity_attributes, given)
            pick, tail = layout
            rows[edit.key] = cls(*pick((*edit.key, *edit.fields.values(), sample, *tail)))
    for block in blocks:
        # Rows the table holds are updated one by one; new rows are made column by column.
        new = [i for i, key in enumerate(block.keys) if key not in rows]
        for i in (range(len(block)) if len(new) < len(block) else ()):
            if block.keys[i] in rows:
                rows[block.keys[i]] = _update(sheet, rows[block.keys[i]], block.edit(i), source)
        rows.update(zip([block.keys[i] for i in new], _new_records(sheet, cls, block, new, sample)))
    return tuple(rows.values())


def _new_records(sheet: schema.Sheet, cls: type, block: Block, rows: list[int], sample: bool) -> list[object]:
    """The records of these rows of a block, all new: the same records `_layout` makes of their Edits (a field not
    given takes its default, None where it has none), argument by argument for all rows at once."""
    everything = len(rows) == len(block)
    keys = block.keys if everything else [block.keys[i] for i in rows]
    parts = dict(zip(sheet.identity_attributes, zip(*keys))) if keys else {}
    arguments: list[Iterable[object]] = []
    for f in dataclasses.fields(cls):
        default = None if f.default is dataclasses.MISSING else f.default
        if f.name == "sample":
            arguments.append(itertools.repeat(sample))
        elif f.name in block.fields:
            column = block.fields[f.name] if everything else [block.fields[f.name][i] for i in rows]
            arguments.append(column if None not in column else [default if v is None else v for v in column])
        elif f.name in parts:
            arguments.append(parts[f.name])
        else:
            arguments.append(itertools.repeat(default))
    return list(map(cls, *arguments)) if keys else []


def _update(sheet: schema.Sheet, record: object, edit: Edit, source: SourceInfo) -> object:
    changed = {k: v for k, v in edit.fields.items() if not _same(getattr(record, k), v)}
    figures = {c.attribute for c in sheet.figures}
    new_figure = bool(figures & changed.keys())
    for name in edit.blanks:
        changed[name] = _empty(record, name)
    if new_figure:
        if hasattr(record, "sample"):
            changed["sample"] = source.is_sample
        if hasattr(record, _SOURCE) and _SOURCE not in edit.fields and _SOURCE not in edit.blanks:
            changed[_SOURCE] = texts.SOURCE_UPLOADED.format(file=source.file_name)
    return dataclasses.replace(record, **changed) if changed else record  # type: ignore[type-var]


def _same(old: object, new: object) -> bool:
    """"城镇\n化水平" typed with a line break in the cell is the stored 城镇化水平: no change to show or save."""
    if isinstance(old, str) and isinstance(new, str):
        return fold(old) == fold(new)
    return old == new


@functools.cache
def _layout(
    cls: type, identity: tuple[str, ...], given: tuple[str, ...]
) -> tuple[Callable[[tuple], tuple], tuple[object, ...]]:
    """How a new record of `cls` is made from an edit with these fields: which of (*key, *field values, sample,
    *tail) each of its fields takes, in order, and the tail. Rows come in a few shapes only, so 200,000 new rows
    are built positionally (half the cost of keywords) instead of through a dict each.

    The identity comes from the key; a field the edit gives overrides it; `sample` is the upload's own; a field not
    given keeps its default, or None when it has none: a figure not given is 未填报, never 0. A row missing a required
    column is an error the loader has reported; it is still built, so every other problem of the file is found at
    once. Fields of the sheet that are not the record's are left out (分工表's 具体内容 is read, not kept)."""
    given_at = {name: len(identity) + i for i, name in enumerate(given)}
    identity_at = {name: i for i, name in enumerate(identity)}
    sample_at = len(identity) + len(given)
    tail: list[object] = []
    positions: list[int] = []
    for f in dataclasses.fields(cls):
        if f.name == "sample":
            positions.append(sample_at)
        elif f.name in given_at:
            positions.append(given_at[f.name])
        elif f.name in identity_at:
            positions.append(identity_at[f.name])
        else:
            # Records are immutable and their defaults plain values: a default_factory would need a call per row.
            assert f.default_factory is dataclasses.MISSING, f"{cls.__name__}.{f.name}"
            positions.append(sample_at + 1 + len(tail))
            tail.append(None if f.default is dataclasses.MISSING else f.default)
    assert len(positions) > 1, cls  # itemgetter of one position gives the value, not a tuple
    return operator.itemgetter(*positions), tuple(tail)


def _empty(record: object, name: str) -> object:
    current = getattr(record, name)
    if isinstance(current, tuple):
        return ()
    if isinstance(current, str):
        return ""
    return None


def record_class(sheet: schema.Sheet) -> type:
    assert sheet.record is not None, sheet.key
    return sheet.record


def conflicts(at_preview: Dataset | None, now: Dataset | None, changes: Changeset) -> list[Conflict]:
    """Fields this upload changes that someone else changed after the preview: saving would overwrite them."""
    found: list[Conflict] = []
    for sheet in schema.TABLES:
        edits = changes.of(sheet.key)
        if not edits and sheet.key not in changes.replace:
            continue
        before = {identity(sheet, r): r for r in (getattr(at_preview, sheet.attribute) if at_preview else ())}
        after = {identity(sheet, r): r for r in (getattr(now, sheet.attribute) if now else ())}
        touched = {e.key for e in edits} | (set(before) | set(after) if sheet.key in changes.replace else set())
        for key in sorted(touched, key=str):
            old, new = before.get(key), after.get(key)
            if old == new:
                continue
            if old is None or new is None:
                found.append(Conflict(sheet.key, key, "", old, new))
                continue
            edit = next((e for e in edits if e.key == key), None)
            names = set(edit.fields) | set(edit.blanks) if edit and not edit.delete else {f.name for f in dataclasses.fields(old)}
            for name in sorted(names):
                if getattr(old, name) != getattr(new, name):
                    found.append(Conflict(sheet.key, key, name, getattr(old, name), getattr(new, name)))
    return found
