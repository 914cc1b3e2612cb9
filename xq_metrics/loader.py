"""Workbook -> the edits it asks for, checked, and the Dataset they make; every problem is a Finding.

Three steps: `safety.screen` refuses hostile bytes; `reader.read_workbook`, in a limited child process started at
the same time, turns the file into typed rows (cell-level findings); `assemble` resolves the names in each row
against the catalogue in use, turns the rows into edits (changes.py), applies them to the data in use (`base`)
and checks the result. An upload changes only what it holds: what the file does not give is kept, and nothing is
removed unless the file says 删除 or the official replaces a table on the preview.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import cells, checks, deadlines, isolation, schema, texts
from .changes import NO_BLANKS, Block, Changeset, Edit, apply, identity
from .findings import Finding, cap, finding, has_errors, nearest_hint, sort_key
from .model import Dataset, Project, SourceInfo
from .money import canonical_unit, fmt_yi, to_yi
from .names import ALL_TOWNS, VAGUE_UNIT, DepartmentNames, IndicatorNames, ProjectNames, TaskNames, TownNames, is_total_word
from .reader import DELETE, ParsedSheet, ParsedWorkbook, Row, RowBlock, Vocabulary
from .safety import screen
from .targets import parse as parse_target

# Sheets a workbook must hold when nothing else supplies them.
REQUIRED_SHEETS = (schema.STRUCTURE, schema.INDICATORS, schema.TOWNS)
# In the plan's own table an existing indicator is found by its row; only these columns can change it there.
PLAN_TABLE_FIELDS = ("category", "target_text", "attribute")


@dataclass(frozen=True)
class LoadResult:
    dataset: Dataset | None  # None when the workbook has errors
    findings: list[Finding]
    sheets: frozenset[str] = frozenset()  # schema keys of the sheets the workbook holds rows for
    changes: Changeset | None = None  # what the upload asks for: applied again, at save time, on the newest version
    figures_read: int = 0
    figures_ignored: int = 0

    @property
    def ok(self) -> bool:
        return self.dataset is not None


def load(
    source: str | Path | bytes, file_name: str | None = None, base: Dataset | None = None, now: datetime | None = None,
    replace: Iterable[str] = (),
) -> LoadResult:
    """Screen the bytes, read, check against `base` (the data in use) and build the Dataset: one call, no raise.

    `replace`: tables (schema keys) to replace as a whole, as chosen on the preview: stored rows the file does not
    hold are removed."""
    name = file_name or (Path(source).name if isinstance(source, (str, Path)) else texts.UPLOADED_FILE_NAME)
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as exc:
        return LoadResult(None, [finding("NOT_XLSX", detail=str(exc))])
    now = now or datetime.now()
    # Read in a limited child process (no file, screened or not, can take the server down) while this process
    # screens the bytes on the other core; a file the screen refuses is not read to the end.
    reading = isolation.Reading(data, name, _vocabulary(base))
    try:
        refused = screen(data, name)
    except BaseException:
        reading.cancel()
        raise
    if refused:
        reading.cancel()
        return LoadResult(None, refused)
    # The child hands over the other sheets before it reads the largest: their edits are made meanwhile.
    first = reading.early()
    early = _build(first, base, _source_info(first, now), frozenset(replace)) if first is not None else None
    parsed = reading.result()
    if first is not None:
        parsed.share(first)
    del first
    if has_errors(parsed.findings) and not parsed.sheets:
        return LoadResult(None, cap(sorted(parsed.findings, key=sort_key)))
    if _source_info(parsed, now).name == texts.VIEW_EXPORT_NAME:
        # The view workbook looks half like the format: one clear word, not a page of findings about its columns.
        return LoadResult(None, [finding("VIEW_WORKBOOK", sheet=schema.INFO.name)])
    result = assemble(parsed, base, now, frozenset(replace), early)
    return dataclasses.replace(result, findings=cap(result.findings))  # bounded however many rows are wrong


def _vocabulary(base: Dataset | None) -> Vocabulary | None:
    return Vocabulary(base.indicators, base.towns) if base is not None else None


@isolation.gc_paused()
def assemble(
    parsed: ParsedWorkbook, base: Dataset | None, now: datetime, replace: frozenset[str] = frozenset(),
    early: _Built | None = None,
) -> LoadResult:
    """The rows, resolved, as edits of the data in use, applied and checked. `early`: `_build` of the sheets the
    reading child handed over first (the same workbook without `parsed.late`), reused where it still holds."""
    built = _build(parsed, base, _source_info(parsed, now), replace, early)
    findings = [*parsed.findings, *(f for sheet in built.sheets.values() for f in sheet.findings)]
    if base is None:
        for sheet in REQUIRED_SHEETS:
            if sheet.key not in parsed.keys:
                findings.append(finding("MISSING_SHEET", sheet=sheet.name))
    findings += checks.validate(base, built.dataset, built.changes, {s.sheet.key: s.title for s in parsed.sheets})
    findings = _once(findings)
    findings.sort(key=sort_key)
    ok = not has_errors(findings)
    return LoadResult(
        built.dataset if ok else None, findings, parsed.keys, built.changes, parsed.figures_read, parsed.figures_ignored,
    )


@dataclass(frozen=True)
class _Built:
    """What each sheet of the format asks for, in MERGE_ORDER: its edits and findings, and the catalogue its rows
    were resolved against; and the data with all of it applied."""

    source: SourceInfo
    sheets: dict[str, _Sheet]
    interims: dict[str, Dataset | None]
    changes: Changeset
    dataset: Dataset


_CATALOGUES = tuple(s for s in schema.MERGE_ORDER if s.role == "catalogue")


# A large upload's records and edits are built here: a quarter million objects, none cyclic garbage, that every
# full collection would walk again (2 s of the bench workbook's 5).
@isolation.gc_paused()
def _build(
    parsed: ParsedWorkbook, base: Dataset | None, source: SourceInfo, replace: frozenset[str], early: _Built | None = None,
) -> _Built:
    """`early`, built from the sheets read before `parsed.late`, gives every sheet the late ones hold no rows for,
    and the tables those sheets make, unless the late sheets change a catalogue (every row is read against it)
    or where the upload comes from (the records say so). The result is the same as without it."""
    stale = {s.sheet.key for s in parsed.sheets if s.title in parsed.late}
    if early is not None and (early.source != source or any(s.key in stale for s in _CATALOGUES)):
        early = None
    build = _Edits(parsed)
    sheets: dict[str, _Sheet] = {}
    interims: dict[str, Dataset | None] = {}
    edits: list[Edit] = []
    blocks: list[Block] = []
    interim = base
    for sheet in schema.MERGE_ORDER:
        if early is not None:
            interim = early.interims[sheet.key]  # made of the same catalogue edits
        elif sheet.role == "catalogue" or interim is base:
            # Rows name towns, indicators and projects as the catalogue stands after this upload's own changes to it.
            so_far = Changeset(tuple(edits), source, replace, tuple(blocks))
            interim = apply(base, so_far, _CATALOGUES) if edits or blocks else base
        reused = early is not None and sheet.key not in stale
        sheets[sheet.key] = early.sheets[sheet.key] if reused else build.sheet(sheet, interim)  # type: ignore[union-attr]
        interims[sheet.key] = interim
        edits += sheets[sheet.key].edits
        blocks += sheets[sheet.key].blocks
    changes = Changeset(tuple(edits), source, frozenset(replace) & {s.key for s in schema.TABLES}, tuple(blocks))
    made = {} if early is None else {
        s.key: getattr(early.dataset, s.attribute) for s in schema.TABLES
        if s.key not in stale and s.key in early.changes.tables | early.changes.replace
    }
    return _Built(source, sheets, interims, changes, apply(base, changes, made=made))


@isolation.gc_paused()  # the same records built again, at save time
def reapply(changes: Changeset, base: Dataset | None) -> tuple[Dataset | None, list[Finding]]:
    """The upload's edits on another version of the data (a save after someone else saved): checked again."""
    dataset = apply(base, changes)
    titles = changes.titles()
    findings = sorted(checks.validate(base, dataset, changes, titles), key=sort_key)
    return (None if has_errors(findings) else dataset), findings


def _once(findings: list[Finding]) -> list[Finding]:
    """A cell named in several rows of a wide table (a town, an indicator across the top) is reported once."""
    seen: set[tuple] = set()
    unique = []
    for f in findings:
        key = (f.code, f.sheet, f.row, f.column, f.seen, f.message)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


class _Edits:
    """Rows of one workbook -> edits, sheet by sheet, with the findings of resolving names and reading units."""

    def __init__(self, parsed: ParsedWorkbook) -> None:
        self.parsed = parsed

    def sheet(self, sheet: schema.Sheet, base: Dataset | None) -> _Sheet:
        context = _Context(base, [])
        stored = {identity(sheet, r) for r in (getattr(base, sheet.attribute) if base is not None else ())}
        taking = _Taking(sheet, context, stored)
        totals: list[tuple[ParsedSheet, Row, Edit]] = []
        for parsed in self.parsed.of(sheet.key):
            for step in context.edits(sheet, parsed):
                if isinstance(step, Block):
                    taking.block(parsed, step)
                    continue
                edit, total, row = step
                if edit is None:
                    continue
                if total and row is not None:  # 合计 rows are never plain: they come with their Row
                    totals.append((parsed, row, edit))
                    continue
                taking.one(parsed, edit)
        if totals:  # a 合计 is checked against every row of its sheet, and the district's row wherever it is
            every = [*taking.edits, *(e for b in taking.blocks for e in b.edits())]
            indicators = base.indicators if base else ()
            taking.edits += checks.totals(sheet, totals, every, taking.origins, context.findings, indicators)
        return _Sheet(taking.edits, taking.blocks, context.findings)


@dataclass(frozen=True)
class _Sheet:
    """What one sheet of the format asks for: edits made one by one, blocks of plain rows, and findings."""

    edits: list[Edit]
    blocks: list[Block]
    findings: list[Finding]


class _Taking:
    """The edits of one sheet kept in order: a key given twice is refused at its second row, a 删除 of nothing is
    said and dropped, a new row missing a required column is named."""

    def __init__(self, sheet: schema.Sheet, context: _Context, stored: set[tuple]) -> None:
        self.sheet = sheet
        self.context = context
        self.stored = stored
        self.edits: list[Edit] = []
        self.blocks: list[Block] = []
        self.origins: dict[tuple, tuple[str, int, bool]] = {}

    def one(self, parsed: ParsedSheet, edit: Edit) -> None:
        key, number = edit.key, edit.origin[1]
        if key in self.origins:
            title, first, _ = self.origins[key]
            self.context.findings.append(finding(
                "DUPLICATE_KEY", sheet=parsed.title, row=number, column=edit.columns.get(self.sheet.identity[0]),
                detail=_where(title, first, parsed.title), key=_show_key(self.sheet, key),
            ))
            return
        self.origins[key] = (parsed.title, number, False)
        if edit.delete:
            if key not in self.stored:
                self.context.findings.append(finding(
                    "DELETE_NOTHING", "warning", sheet=parsed.title, row=number,
                    column=edit.columns.get("action"), key=_show_key(self.sheet, key),
                ))
                return
        elif key not in self.stored and _missing(self.sheet, tuple(edit.fields)):
            self.context.complete(self.sheet, parsed, number, edit)
        self.edits.append(edit)

    def block(self, parsed: ParsedSheet, block: Block) -> None:
        """Plain rows, none a 删除, as `one` takes them, but all at once when no key among them was given before and a
        new row lacks nothing even when it gives no field."""
        keys = block.keys
        if len(set(keys)) != len(keys) or not self.origins.keys().isdisjoint(keys) or _missing(self.sheet, ()):
            for edit in block.edits():
                self.one(parsed, edit)
            return
        self.origins.update(zip(keys, zip(itertools.repeat(parsed.title), block.numbers, itertools.repeat(False))))
        self.blocks.append(block)


class _Context:
    """Name resolution against one catalogue state, and the row -> edit rules per column."""

    def __init__(self, base: Dataset | None, findings: list[Finding]) -> None:
        self.base = base
        self.findings = findings
        self.indicators = IndicatorNames(base.indicators if base else ())
        self.towns = TownNames(base.towns if base else ())
        self.next_code = max((i.code for i in base.indicators), default=0) + 1 if base else 1
        self._spelling: dict[tuple[str, str], dict[str, str]] = {}

    # Built when a sheet names them: a context is made per sheet, and 20,000 projects take a while to index.
    @functools.cached_property
    def projects(self) -> ProjectNames:
        return ProjectNames(self.base.projects if self.base else ())

    @functools.cached_property
    def tasks(self) -> TaskNames:
        return TaskNames(self.base.tasks if self.base else ())

    @functools.cached_property
    def departments(self) -> DepartmentNames:
        return DepartmentNames(self.base.departments if self.base else (), self.base.towns if self.base else ())

    # ----------------------------------------------------------------- rows to edits

    def edits(self, sheet: schema.Sheet, parsed: ParsedSheet) -> Iterator[tuple[Edit | None, bool, Row | None] | Block]:
        """(the edit or None, whether a 合计 row, the Row when one was built) per row, or a Block of plain rows, in
        row order. An edit carries its Excel row and column letters (`origin`, `columns`) for the findings."""
        for row in parsed.rows:
            yield (*self.edit(sheet, parsed, row), row)
        for block in parsed.blocks:
            if sheet not in _PLAIN_SHEETS:
                for index in range(len(block)):
                    row = block.row(index)
                    yield (*self.edit(sheet, parsed, row), row)
                continue
            for step in _PlainRows(self, sheet, parsed, block).steps():
                if isinstance(step, int):
                    row = block.row(step)
                    yield (*self.edit(sheet, parsed, row), row)
                else:
                    yield step if isinstance(step, Block) else (step, False, None)

    # ----------------------------------------------------------------- identity

    def edit(self, sheet: schema.Sheet, parsed: ParsedSheet, row: Row) -> tuple[Edit | None, bool]:
        """(the edit, whether the row is a 合计 row); None when the row cannot be placed (a finding says why)."""
        key: list[object] = []
        total = False
        if sheet is schema.PROGRESS and is_total_word(row.values.get("project")):
            # A 合计 row of a projects table is no project: checked against the rows above it, then skipped.
            key_ = (None, row.values.get("year"))
            fields, _ = self.fields(sheet, parsed, row, key_)
            return Edit(sheet.key, key_, fields, origin=(parsed.title, row.number), columns=row.columns), True
        for name in sheet.identity:
            value = row.values.get(name)
            if value is DELETE:
                self.findings.append(finding(
                    "DELETE_IN_KEY", sheet=parsed.title, row=row.number, column=row.columns.get(name),
                    header=sheet.column(name).header,
                ))
                return None, False
            column = sheet.column(name)
            if column.references == "towns" and parsed.layout == "towns" and self.towns.is_district_word(value):
                total = True
            resolved = self.resolve(sheet, column, parsed, row, value)
            if resolved is _UNRESOLVED:
                return None, False
            key.append(resolved)
        if sheet is schema.INDICATORS and key[0] is None:
            key[0] = self.indicator_code(parsed, row)
        if any(part is None for part in key):
            return None, False
        origin = (parsed.title, row.number)
        if row.delete:
            return Edit(sheet.key, tuple(key), delete=True, origin=origin, columns=row.columns), total
        fields, blanks = self.fields(sheet, parsed, row, tuple(key))
        return Edit(sheet.key, tuple(key), fields, frozenset(blanks), origin=origin, columns=row.columns), total

    def resolve(self, sheet: schema.Sheet, column: schema.Column, parsed: ParsedSheet, row: Row, value: object) -> object:
        # Where the cell is, for a finding: most cells resolve cleanly and need none.
        def where() -> dict[str, object]:
            return {
                "sheet": parsed.title, "row": row.row_of(column.key), "column": row.columns.get(column.key),
                "header": column.header,
            }

        if column.references == "indicators":
            found, unit = self.indicators.resolve(value)
            if found is None:
                if value is not None:
                    self.findings.append(finding(
                        "UNKNOWN_INDICATOR", seen=value, nearest=nearest_hint(str(value), self.indicators.indicators), **where(),
                    ))
                return _UNRESOLVED
            if unit and "value" in row.values and not row.units.get("value"):
                row.units["value"] = unit  # 城镇新增就业（人）: the unit is the one written after the name
            return found.name
        if column.references == "towns":
            found = self.towns.resolve(value)
            if found is None:
                self.findings.append(finding(
                    "UNKNOWN_TOWN", seen=value, nearest=nearest_hint(str(value), [*self.towns.names, texts.DISTRICT]),
                    **where(),
                ))
                return _UNRESOLVED
            if found.changed and not (parsed.layout == "towns" and self.towns.is_district_word(value)):
                self.findings.append(finding("NAME_READ_AS", "warning", seen=value, understood=found.name, **where()))
            return found.name
        if column.references == "projects":
            found, candidates = self.projects.resolve(value)
            if found is None:
                if candidates:
                    self.findings.append(finding(
                        "AMBIGUOUS_PROJECT", seen=value,
                        detail=texts.SEP.join(f"{c} {self.projects.name_of(c)}" for c in candidates[:5]), **where(),
                    ))
                else:
                    self.findings.append(finding(
                        "UNKNOWN_PROJECT", seen=value, nearest=project_hint(str(value), self.projects.projects),
                        **where(),
                    ))
                return _UNRESOLVED
            if found.changed:
                understood = f"{found.name} {self.projects.name_of(found.name)}"
                self.findings.append(finding("NAME_READ_AS", "warning", seen=value, understood=understood, **where()))
            return found.name
        if column.references == "tasks":
            return self.task(sheet, parsed, row, value, where())
        if isinstance(value, str):
            return value.strip()
        return value

    def task(self, sheet: schema.Sheet, parsed: ParsedSheet, row: Row, value: object, where: dict[str, object]) -> object:
        """A 分工表's 重点任务 cell: a code, the plan's name, a shortened name, confirmed by 具体内容 when given."""
        found, candidates = self.tasks.resolve(value, row.values.get("content"))
        if found is not None:
            if found.changed:
                understood = f"{found.name} {self.tasks.name_of(found.name)}"
                self.findings.append(finding("NAME_READ_AS", "warning", seen=value, understood=understood, **where))
            return found.name
        told = [c.key for c in sheet.columns if c.key not in ("task", "content", "year") and row.values.get(c.key) is not None]
        sections = [(s.chapter_title, s.section_title) for s in (self.base.sections if self.base else ())]
        if not told and self.tasks.is_heading(value, sections):
            # 一、融入京津冀协同发展…: a chapter or section title between the tasks of a 分工表, not a task.
            self.findings.append(finding("TASK_HEADING_ROW", "info", seen=value, **where))
        elif candidates:
            self.findings.append(finding(
                "AMBIGUOUS_TASK", seen=value, detail=texts.SEP.join(f"{c} {self.tasks.name_of(c)}" for c in candidates[:5]), **where,
            ))
        elif value is not None:
            names = [t.name for t in self.tasks.tasks]
            self.findings.append(finding("UNKNOWN_TASK", seen=value, nearest=nearest_hint(cells.fold(str(value)), names), **where))
        return _UNRESOLVED

    def units(self, value: object, where: dict[str, object]) -> tuple[str, ...]:
        """牵头单位 / 配合单位 / 责任单位: several 部门 in one cell, each resolved through the 部门 list."""
        # A line break between two names separates them as 、 does; folding would join them.
        text = cells.fold(re.sub(r"[\r\n]+", "、", cells.text(value)))
        names: list[str] = []
        collective = ALL_TOWNS.search(text)
        text = ALL_TOWNS.sub("、" + _ALL_TOWNS_MARK + "、", text)  # "各镇、街道" holds a separator: kept whole
        for part in cells.split_names(text, schema.TOWN_ALIAS_SEPARATORS):
            if part == _ALL_TOWNS_MARK and collective is not None:
                towns = self.departments.town_units
                if towns:
                    names += towns
                    self.findings.append(finding(
                        "ALL_TOWNS_READ", "warning", seen=collective.group(0), detail=len(towns), **where,  # type: ignore[arg-type]
                    ))
                    continue
                part = collective.group(0)  # no town government in the 部门 list: said so below
            if VAGUE_UNIT.match(part):
                self.findings.append(finding("VAGUE_UNIT", "warning", seen=part, **where))  # type: ignore[arg-type]
                continue
            found = self.departments.resolve(part)
            if found is None:
                self.findings.append(finding(
                    "UNKNOWN_DEPARTMENT", seen=part,
                    nearest=nearest_hint(part, [a for d in self.departments.departments for a in (d.name, *d.aliases)]),
                    **where,  # type: ignore[arg-type]
                ))
                continue
            if found.changed:
                self.findings.append(finding("NAME_READ_AS", "warning", seen=part, understood=found.name, **where))  # type: ignore[arg-type]
            names.append(found.name)
        return tuple(dict.fromkeys(names))

    def deadline(self, parsed: ParsedSheet, row: Row, fields: dict[str, object]) -> None:
        """完成时限 kept as written; how it is read (a last day, a standing task, or not at all) is said."""
        raw = row.values.get("deadline")
        if "deadline" not in fields or raw is None:
            return
        read = deadlines.read(raw)
        where = {
            "sheet": parsed.title, "row": row.number, "column": row.columns.get("deadline"),
            "header": schema.TASK_PROGRESS.column("deadline").header, "seen": read.text,
        }
        if read.kind == "date" and read.due is not None and fold_date(read.text) == read.due.isoformat():
            fields["deadline"] = read.due.isoformat()  # a date cell (2025-06-30 00:00:00) is kept as the date
        elif read.kind == "unread":
            self.findings.append(finding("DEADLINE_UNREAD", "warning", **where))  # type: ignore[arg-type]
        else:
            self.findings.append(finding("DEADLINE_READ", "warning", understood=read.reading, **where))  # type: ignore[arg-type]

    def indicator_code(self, parsed: ParsedSheet, row: Row) -> int | None:
        """An indicator row without 编号: the stored indicator of that name, or the next free number for a new one."""
        found, _ = self.indicators.resolve(row.values.get("name"))
        if found is not None:
            return self.indicators.indicators[found.name].code
        code = self.next_code
        self.next_code += 1
        self.findings.append(finding(
            "NEW_INDICATOR_CODE", "warning", sheet=parsed.title, row=row.number, column=row.columns.get("name"),
            seen=row.values.get("name"), understood=code,
        ))
        return code

    # ----------------------------------------------------------------- fields

    def fields(self, sheet: schema.Sheet, parsed: ParsedSheet, row: Row, key: tuple) -> tuple[dict[str, object], set[str]]:
        fields: dict[str, object] = {}
        blanks: set[str] = set()
        for column in sheet.payload:
            value = row.values.get(column.key)
            if value is None:
                continue
            if value is DELETE:
                blanks.add(column.attribute)
                continue
            if not (column.choices or column.references or column.multiple):
                # A figure or year the reader has typed, or plain text: the common cases, kept short (20,000
                # projects bring 150,000 such cells).
                fields[column.attribute] = value if column.kind != "text" else self.spelling(sheet, column, cells.text(value))
                continue
            where = {"sheet": parsed.title, "row": row.number, "column": row.columns.get(column.key), "header": column.header}
            if column.choices:
                typed = cells.fold(cells.text(value))
                value = next((c for c in column.choices if cells.fold(c) == typed), None)
                reading = next((c for seen, c in column.readings if cells.fold(seen) == typed), None)
                if value is None and reading is not None:
                    value = reading  # 进行中 is 推进中: read, and said so
                    self.findings.append(finding("NORMALISED", "warning", seen=row.values[column.key], understood=value, **where))  # type: ignore[arg-type]
                if value is None:
                    self.findings.append(finding(
                        "BAD_CHOICE", seen=row.values[column.key], expected=texts.SEP.join(column.choices), **where,
                    ))
                    continue
            if column.multiple and column.references == "departments":
                fields[column.attribute] = self.units(value, where)
            elif column.multiple:
                names = cells.split_names(value, schema.TOWN_ALIAS_SEPARATORS)
                if column.references == "towns":
                    names = tuple(self._town_in_list(n, where) for n in names)
                fields[column.attribute] = names
            elif column.references == "towns":
                town = self._town_in_list(cells.text(value), where)  # a 部门's 镇街
                fields[column.attribute] = "" if town == texts.DISTRICT else town
            elif column.kind == "text":
                fields[column.attribute] = self.spelling(sheet, column, cells.text(value))  # a choice, as stored
            else:
                fields[column.attribute] = value
        if sheet is schema.TASK_PROGRESS:
            self.deadline(parsed, row, fields)
        if sheet is schema.PROGRESS:
            _progress_amounts(row, fields, parsed.title, self.findings)
        elif sheet in (schema.VALUES, schema.CITY_TARGETS) and "value" in fields:
            self._unit_fits(sheet, parsed, row, key[0], fields)
        elif sheet is schema.INDICATORS and parsed.layout == "plan" and self.base is not None:
            existing = next((i for i in self.base.indicators if i.code == key[0]), None)
            if existing is not None:
                fields = {k: v for k, v in fields.items() if k in PLAN_TABLE_FIELDS}
        if sheet is schema.INDICATORS and fields.get("target_text") and not parse_target(str(fields["target_text"])).understood:
            # Read as 需人工研判, never guessed: say so while the file is still in the official's hands.
            self.findings.append(finding(
                "TARGET_UNREAD", "warning", sheet=parsed.title, row=row.number, column=row.columns.get("target_text"),
                header=schema.INDICATORS.column("target_text").header, seen=fields["target_text"],
            ))
        if sheet is schema.PROGRESS:
            start, end = fields.get("start_year"), fields.get("end_year")
            if isinstance(start, int) and isinstance(end, int) and end < start:
                self.findings.append(finding(
                    "END_BEFORE_START", sheet=parsed.title, row=row.number, column=row.columns.get("end_year"),
                    header=schema.PROGRESS.column("end_year").header, seen=end, expected=start,
                ))
        return fields, blanks

    def spelling(self, sheet: schema.Sheet, column: schema.Column, text: str) -> str:
        """A catalogue word typed with a line break or full-width letters takes the stored spelling (类别)."""
        if sheet.role != "catalogue" or self.base is None or column.key in ("name", "summary", "positioning"):
            return text
        return self._spellings(sheet, column).get(cells.fold(text), text)

    def _spellings(self, sheet: schema.Sheet, column: schema.Column) -> dict[str, str]:
        """fold(stored word) -> the stored word, per column: built once, not searched per cell (20,000 projects)."""
        key = (sheet.key, column.key)
        if key not in self._spelling:
            words: dict[str, str] = {}
            for record in getattr(self.base, sheet.attribute):
                stored = getattr(record, column.attribute)
                if isinstance(stored, str):
                    words.setdefault(cells.fold(stored), stored)
            self._spelling[key] = words
        return self._spelling[key]

    def _town_in_list(self, name: str, where: dict[str, object]) -> str:
        found = self.towns.resolve(name)
        if found is None:
            self.findings.append(finding(
                "UNKNOWN_TOWN", seen=name, nearest=nearest_hint(name, [*self.towns.names, texts.DISTRICT]), **where,  # type: ignore[arg-type]
            ))
            return name
        return found.name

    def _unit_fits(self, sheet: schema.Sheet, parsed: ParsedSheet, row: Row, indicator: str, fields: dict[str, object]) -> None:
        """"2.3万人" for an indicator in 万人 is fine; "23000人", "2.3亿元" or "2.3%" is another unit, never converted."""
        typed = row.units.get("value", "")
        unit = self.indicators.indicators[indicator].unit
        if not typed or cells.fold(typed) == cells.fold(unit):
            return
        value = fields.pop("value")
        self.findings.append(finding(
            "WRONG_UNIT", sheet=parsed.title, row=row.number, column=row.columns.get("value"),
            header=sheet.column("value").header, seen=f"{value:g}{typed}" if isinstance(value, float) else value,
            unit=unit or texts.NO_UNIT, typed=typed,
        ))

    def complete(self, sheet: schema.Sheet, parsed: ParsedSheet, number: int, edit: Edit) -> None:
        """A new row must bring every required column: one finding per row names all that are missing."""
        missing = _missing(sheet, tuple(edit.fields))
        for column in [c for c in missing if c.key not in parsed.columns]:
            # A column the sheet lacks is named once, at its header, not once per new row.
            self.findings.append(finding("MISSING_COLUMN", sheet=parsed.title, row=parsed.header_row, header=column.header))
        blank = [c.header for c in missing if c.key in parsed.columns]
        if blank:
            self.findings.append(finding(
                "NEW_ROW_INCOMPLETE", sheet=parsed.title, row=number, key=_show_key(sheet, edit.key),
                detail=texts.SEP.join(blank),
            ))


def _has_plain_rows(sheet: schema.Sheet) -> bool:
    """A sheet whose rows can need nothing but names looked up and figures kept: no catalogue spelling, choice,
    list, project or task to read, no amounts or deadlines (项目进展, 分工)."""
    return (
        sheet.role != "catalogue" and sheet not in (schema.PROGRESS, schema.TASK_PROGRESS)
        and not any(c.choices or c.references or c.multiple for c in sheet.payload)
        and all(sheet.column(k).references in ("", "indicators", "towns") for k in sheet.identity)
    )


# Sheets whose plain rows (names that resolve as typed, no unit to check, no 删除 in the key) are turned into edits
# straight from the reader's columns: 指标数据 of a large upload is 200,000 of them. Every other row, and every
# other sheet, takes `_Context.edit`; tests/test_loader_plain.py holds the two paths to the same edits and findings.
_PLAIN_SHEETS = tuple(s for s in schema.TABLES if _has_plain_rows(s))


class _PlainRows:
    """`_Context.edit` for the rows of a block that need no finding, from per-name lookups done once per name.

    `edit(index)` is None when the row is not plain: the caller then builds its Row and takes the full path."""

    def __init__(self, context: _Context, sheet: schema.Sheet, parsed: ParsedSheet, block: RowBlock) -> None:
        self.sheet = sheet
        self.title = parsed.title
        self.block = block
        self.context = context
        # Rows the full path must take: a name to say something about (found by `_resolved`), 删除, a unit in a cell.
        self.not_plain: set[int] = set(block.deletes)
        self.not_plain.update(block.cell_units)
        # Each key column looked up once per distinct value, then mapped: the identity of every row.
        self.keys = list(zip(*[self._resolved(sheet.column(name), block) for name in sheet.identity]))
        self.payload = [(c.attribute, block.values[c.key], c.kind == "text") for c in sheet.payload]

    def _resolved(self, column: schema.Column, block: RowBlock) -> list[object]:
        """The key part of each row; a row whose cell the full path must say something about is not plain."""
        typed = block.values[column.key]
        resolve = self._resolver(column, block)
        looked_up = {raw: resolve(raw) for raw in set(typed)}
        unresolved = {raw for raw, found in looked_up.items() if found is _UNRESOLVED}
        if unresolved:
            self.not_plain.update(i for i, raw in enumerate(typed) if raw in unresolved)
        return list(map(looked_up.__getitem__, typed))

    def _resolver(self, column: schema.Column, block: RowBlock) -> Callable[[object], object]:
        if column.references == "indicators":
            typed_unit = block.units.get("value", "")

            def resolve(raw: object) -> object:
                found, unit = self.context.indicators.resolve(raw)
                if found is None or (unit and "value" in self.block.values):
                    return _UNRESOLVED
                stored = self.context.indicators.indicators[found.name].unit
                if typed_unit and cells.fold(typed_unit) != cells.fold(stored):
                    return _UNRESOLVED  # WRONG_UNIT, said by the full path
                return found.name

            return resolve
        if column.references == "towns":
            def resolve(raw: object) -> object:
                found = self.context.towns.resolve(raw)
                return _UNRESOLVED if found is None or found.changed else found.name

            return resolve
        assert not column.references, column.key

        def resolve(raw: object) -> object:
            if raw is None or raw is DELETE:
                return _UNRESOLVED
            return raw.strip() if isinstance(raw, str) else raw

        return resolve

    def steps(self) -> Iterator[Block | Edit | int]:
        """In row order: runs of plain rows as Blocks, the edit of a plain row a Block cannot say (删除 among its
        figures), and the index of each row the full path takes."""
        odd = self._odd()
        start = 0
        for index in sorted(self.not_plain | odd):
            if index > start:
                yield self._run(start, index)
            start = index + 1
            edit = self.edit(index) if index in odd else None
            yield index if edit is None else edit
        if start < len(self.block):
            yield self._run(start, len(self.block))

    def _run(self, start: int, stop: int) -> Block:
        whole = start == 0 and stop == len(self.block)  # the common case: the columns as they are, not copied
        return Block(
            self.sheet.key, self.keys if whole else self.keys[start:stop],
            {a: column if whole else column[start:stop] for a, column, _ in self.payload},
            self.title, self.block.numbers if whole else self.block.numbers[start:stop], self.block.letters,
        )

    def _odd(self) -> set[int]:
        """Rows a Block cannot say: a 删除 among the figures (blanks), text where a number was typed."""
        odd: set[int] = set()
        for _, column, text in self.payload:
            if DELETE in column:
                odd.update(i for i, value in enumerate(column) if value is DELETE)
            if text and not set(map(type, column)) <= {str, type(None)}:
                odd.update(i for i, value in enumerate(column) if value is not None and not isinstance(value, str))
        return odd

    def edit(self, index: int) -> Edit | None:
        """The edit of one row, or None when it is not plain after all (text where a number was typed)."""
        if index in self.not_plain:
            return None
        fields: dict[str, object] = {}
        blanks: list[str] = []
        for attribute, column, text in self.payload:
            value = column[index]
            if value is None:
                continue
            if value is DELETE:
                blanks.append(attribute)
            elif text and not isinstance(value, str):
                return None
            else:
                fields[attribute] = value
        return Edit(  # positionally: keywords cost a third more, 200,000 times
            self.sheet.key, self.keys[index], fields, frozenset(blanks) if blanks else NO_BLANKS, False,
            (self.title, self.block.numbers[index]), self.block.letters,
        )



_MISSING: dict[tuple[str, tuple[str, ...]], tuple[schema.Column, ...]] = {}


def _missing(sheet: schema.Sheet, given: tuple[str, ...]) -> tuple[schema.Column, ...]:
    """Required columns a new row with these fields lacks: the rows of a sheet come in a few shapes only, so
    remembered by the sheet's key (hashing a Sheet hashes all its columns)."""
    shape = (sheet.key, given)
    if shape not in _MISSING:
        known = set(given) | set(sheet.identity_attributes)
        _MISSING[shape] = tuple(c for c in sheet.columns if c.required and c.attribute not in known)
    return _MISSING[shape]


_ALL_TOWNS_MARK = "\x00各镇街\x00"


class _Marker:
    def __repr__(self) -> str:
        return "UNRESOLVED"


_UNRESOLVED = _Marker()


def fold_date(text: str) -> str:
    """"2025-06-30 00:00:00" (a date cell read as text) and "2025-06-30" alike: the date part, folded."""
    return cells.fold(text).removesuffix("00:00:00")


def _show_key(sheet: schema.Sheet, key: tuple) -> str:
    return texts.SEP.join(
        f"{sheet.column(k).header}={texts.DISTRICT if v is None else v}" for k, v in zip(sheet.identity, key)
    )


def _where(title: str, number: int, here: str) -> str:
    return texts.ROW_IN_SHEET.format(sheet=title, row=number) if title != here else texts.ROW_NUMBER.format(row=number)


def _source_info(parsed: ParsedWorkbook, now: datetime) -> SourceInfo:
    info: dict[str, str] = {}
    for sheet in parsed.of(schema.INFO.key):
        for row in sheet.each():
            if row.values.get("field"):
                info[cells.fold(str(row.values["field"]))] = cells.text(row.values.get("value"))
    name = info.get(cells.fold(schema.INFO_NAME)) or Path(parsed.file_name).stem
    sample = info.get(cells.fold(schema.INFO_SAMPLE), "") in {"是", "示例", "yes", "Y", "y", "1"}
    sample = sample or texts.SAMPLE in name
    return SourceInfo(name=name, file_name=parsed.file_name, is_sample=sample, loaded_at=now)


def _progress_amounts(row: Row, fields: dict[str, object], title: str, findings: list[Finding]) -> None:
    """项目进展 amounts into 亿元, by 金额单位, else the unit typed in the cell or written in the header.

    "500万元" beside an empty 金额单位 must not be read as 500亿元: the unit typed decides, and one that contradicts
    金额单位 (or is not money) is refused, never converted."""
    stated = cells.text(row.values.get("unit")) if row.values.get("unit") not in (None, DELETE) else ""
    unit = canonical_unit(stated)
    where = {"sheet": title, "row": row.number}
    for key in ("planned", "completed"):
        typed = row.units.get(key, "")
        if not typed or schema.PROGRESS.column(key).attribute not in fields:
            continue
        if canonical_unit(typed) is None or (stated and canonical_unit(typed) != unit):
            findings.append(finding(
                "WRONG_UNIT", column=row.columns.get(key), header=schema.PROGRESS.column(key).header,
                seen=f"{row.values[key]:g}{typed}", typed=typed, unit=unit or texts.UNIT_YI, **where,  # type: ignore[arg-type]
            ))
            fields.pop(schema.PROGRESS.column(key).attribute)
        elif not stated:
            unit, stated = canonical_unit(typed), canonical_unit(typed) or ""
    if unit is None:
        findings.append(finding(
            "BAD_AMOUNT_UNIT", column=row.columns.get("unit"), header=schema.PROGRESS.column("unit").header,
            seen=row.values.get("unit"), **where,  # type: ignore[arg-type]
        ))
        return
    if row.values.get("unit") not in (None, DELETE) and unit != cells.fold(cells.text(row.values["unit"])):
        findings.append(finding(
            "NORMALISED", "warning", column=row.columns.get("unit"), header=schema.PROGRESS.column("unit").header,
            seen=row.values["unit"], understood=unit, **where,  # type: ignore[arg-type]
        ))
    for key in ("planned", "completed"):
        attribute = schema.PROGRESS.column(key).attribute
        if attribute in fields:
            fields[attribute] = to_yi(fields[attribute], unit)  # type: ignore[arg-type]
    if fields.keys() & {"planned_yi", "completed_yi"} or "unit" in fields:
        fields["unit"] = stated


def nearest_project(raw: str, projects: Iterable[Project]) -> Project | None:
    """The known project whose code or name is closest to what was typed (for a finding's hint)."""
    projects = list(projects)
    keys = {p.code: p for p in projects} | {p.name: p for p in projects}
    match = difflib.get_close_matches(raw, list(keys), n=1, cutoff=0.4)
    return keys[match[0]] if match else None


_CODE = re.compile(r"^(\d+)-(\d+)$")


def project_hint(raw: str, projects: Iterable[Project]) -> str:
    """For an unknown code: the range of its 专栏 when the 专栏 exists, else the nearest code or name."""
    projects = list(projects)
    match = _CODE.match(cells.fold(raw).replace("—", "-").replace("－", "-"))
    if match:
        in_box = [p for p in projects if p.box == int(match.group(1))]
        if in_box:
            return texts.PROJECT_BOX_RANGE.format(
                box=match.group(1), count=len(in_box), first=in_box[0].code, last=in_box[-1].code
            )
    near = nearest_project(raw, projects)
    return texts.NEAREST.format(name=f"{near.code} {near.name}") if near else ""
