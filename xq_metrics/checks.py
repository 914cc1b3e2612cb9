"""Checks across rows: what a single cell cannot tell, once the upload's edits are applied to the data in use.

- a catalogue change that would leave stored rows naming nothing (ORPHANED_ROWS);
- a name or alias claimed by two towns, indicators or 部门; a chapter or section the plan does not have;
- completed investment above a project's total;
- figures an order of magnitude away from what the indicator holds (22500 typed in a 万人 column), a share above
  100, a town above the district: the usual unit mistakes, named as such;
- 合计 rows: read as the district's figure in a towns table (or checked against the sum), skipped and checked in a
  projects table. Never an error: a total disagreeing with its rows is reported, the rows are what is kept.
"""

from __future__ import annotations

import math
import operator
import statistics
from collections import Counter, defaultdict
from typing import Iterable

from . import cells, quality, schema, texts
from .changes import Block, Changeset, Edit, identity
from .findings import Finding, finding
from .model import Dataset, Indicator
from .money import as_given, fmt_yi
from .status import is_additive
from .targets import parse as parse_target

# A figure this many times larger (or smaller) than what the indicator usually holds is a unit mistake.
MAGNITUDE_FACTOR = 50
# A 合计 that differs from the sum of its rows by more than this share is reported.
TOTAL_TOLERANCE = 0.005


def _likely(power: int) -> str:
    """What a figure off by 10^power most likely is (a percent typed as a share, 千 or 万 units)."""
    return {2: texts.LIKELY_PERCENT, 3: texts.LIKELY_THOUSAND, 4: texts.LIKELY_TEN_THOUSAND}.get(power, texts.LIKELY_OTHER)


def validate(base: Dataset | None, dataset: Dataset, changes: Changeset, titles: dict[str, str]) -> list[Finding]:
    found: list[Finding] = []
    found += _orphans(dataset, changes, titles)
    found += _name_clashes(dataset, changes)
    found += _places(dataset, changes)
    found += _over_total(dataset, changes)
    found += _magnitudes(base, dataset, changes)
    return found


def _at(edit: Edit, key: str | None = None) -> dict[str, object]:
    """Where an edit came from: its sheet and Excel row, and the column of `key` when given."""
    return {"sheet": edit.origin[0] or None, "row": edit.origin[1] or None, "column": edit.columns.get(key) if key else None}


# --------------------------------------------------------------------------- references


def _orphans(dataset: Dataset, changes: Changeset, titles: dict[str, str]) -> list[Finding]:
    """A catalogue that no longer lists what data in use refer to would orphan those rows: refuse, say which."""
    found: list[Finding] = []
    touched = changes.tables | changes.replace
    for target, sheet in schema.REFERENCED.items():
        if sheet.key not in touched:
            continue  # the catalogue in use was not changed, and new rows were checked against it already
        known = {_name_of(target, r) for r in getattr(dataset, sheet.attribute)} | (
            {texts.DISTRICT} if target == "towns" else set()
        )
        used: Counter[object] = Counter()
        for table in schema.TABLES:
            for column in table.columns:
                if column.references != target:
                    continue
                # Counted only where unknown: most of 200,000 figures name a known town, looked at in one pass.
                names = list(map(operator.attrgetter(column.attribute), getattr(dataset, table.attribute)))
                if column.multiple:
                    names = [name for value in names for name in value]
                unknown = set(names) - known - {None, ""}  # a district office names no town
                if unknown:
                    used.update(name for name in names if name in unknown)
        for name in sorted(used):
            found.append(finding(
                "ORPHANED_ROWS", sheet=titles.get(sheet.key, sheet.name), seen=name, detail=used[name],
            ))
    return found


def _name_of(target: str, record: object) -> str:
    return getattr(record, "code") if target in ("projects", "tasks") else getattr(record, "name")


def _name_clashes(dataset: Dataset, changes: Changeset) -> list[Finding]:
    """One name or alias for one entry: 津门湖街 with the alias 杨柳青镇 would file 杨柳青镇's figures under it."""
    found: list[Finding] = []
    for sheet, names in (
        (schema.TOWNS, lambda t: [t.name, *t.aliases]),
        (schema.INDICATORS, lambda i: [i.name]),
        (schema.DEPARTMENTS, lambda d: [d.name, *d.aliases]),
    ):
        edits = {e.key: e for e in changes.of(sheet.key) if not e.delete}
        if not edits:
            continue
        owner: dict[str, tuple[tuple, str]] = {}
        for record in getattr(dataset, sheet.attribute):
            key = identity(sheet, record)
            for name in names(record):
                folded = cells.fold(name)
                if folded in owner and owner[folded][0] != key:
                    other_key, other_name = owner[folded]
                    edit = edits.get(key) or edits.get(other_key)
                    if edit is not None:
                        found.append(finding(
                            "NAME_CLASH", **_at(edit, "name"), seen=name,  # type: ignore[arg-type]
                            other=other_name if edit is edits.get(key) else names(record)[0],
                        ))
                owner.setdefault(folded, (key, names(record)[0]))
    return found


def _places(dataset: Dataset, changes: Changeset) -> list[Finding]:
    found: list[Finding] = []
    sections = {(s.chapter, s.section) for s in dataset.sections}
    chapters = {s.chapter for s in dataset.sections}
    for sheet in (schema.INDICATORS, schema.PROJECTS, schema.TASKS):
        for edit in changes.of(sheet.key):
            chapter, section = edit.fields.get("chapter"), edit.fields.get("section")
            if not isinstance(chapter, int):
                continue
            if chapter not in chapters or (isinstance(section, int) and (chapter, section) not in sections):
                place = (
                    texts.UNKNOWN_CHAPTER_PLACE.format(chapter=chapter) if not isinstance(section, int)
                    else texts.UNKNOWN_SECTION_PLACE.format(chapter=chapter, section=section)
                )
                found.append(finding("UNKNOWN_SECTION", **_at(edit, "chapter"), seen=place))  # type: ignore[arg-type]
    return found


def _over_total(dataset: Dataset, changes: Changeset) -> list[Finding]:
    """Completed investment (alone, then summed over the years so far) above a known 总投资."""
    found: list[Finding] = []
    totals = {p.code: p for p in dataset.projects if p.investment_yi is not None}
    reported: set[str] = set()
    for edit in changes.of(schema.PROGRESS.key):
        code, year = edit.key
        if edit.delete or code not in totals or code in reported or edit.fields.get("completed_yi") is None:
            continue
        total = totals[code].investment_yi or 0.0
        completed = edit.fields["completed_yi"]
        cumulative = sum(p.completed_yi or 0.0 for p in dataset.progress if p.project == code and p.year <= year)
        if completed > total:  # type: ignore[operator]
            detail = texts.OVER_TOTAL_ROW.format(amount=as_given(completed, str(edit.fields.get("unit", ""))))  # type: ignore[arg-type]
        elif cumulative > total + 1e-9:
            detail = texts.OVER_TOTAL_CUMULATIVE.format(year=year, amount=fmt_yi(cumulative))
        else:
            continue
        reported.add(code)
        found.append(finding(
            "COMPLETED_OVER_TOTAL", **_at(edit, "completed"), header=schema.PROGRESS.column("completed").header,  # type: ignore[arg-type]
            seen=as_given(completed, str(edit.fields.get("unit", ""))), detail=detail,  # type: ignore[arg-type]
            project=f"{code} {totals[code].name}", expected=f"{fmt_yi(total)}{texts.UNIT_YI}",
        ))
    return found


# --------------------------------------------------------------------------- unit mistakes


def _figures(changes: Changeset) -> list[tuple[tuple, float, Edit | tuple[Block, int]]]:
    """(key, figure, where it came from) of every figure the upload gives 指标数据: an Edit, or a Block and its row,
    made into an Edit only for a finding (200,000 figures, a few findings)."""
    figures: list[tuple[tuple, float, Edit | tuple[Block, int]]] = [
        (e.key, e.fields["value"], e) for e in changes.singles(schema.VALUES.key)  # type: ignore[misc]
        if isinstance(e.fields.get("value"), float)
    ]
    for block in changes.blocks_of(schema.VALUES.key):
        column = block.fields.get("value", ())
        figures += [(block.keys[i], v, (block, i)) for i, v in enumerate(column) if isinstance(v, float)]
    return figures


def _magnitudes(base: Dataset | None, dataset: Dataset, changes: Changeset) -> list[Finding]:
    figures = _figures(changes)
    if not figures:
        return []
    district_name = texts.DISTRICT  # looked up once: this loop runs once per figure of the upload
    indicators = {i.name: i for i in dataset.indicators}
    edited = {key for key, _, _ in figures}
    stored: dict[tuple[str, bool], list[float]] = defaultdict(list)
    for o in base.observations if base is not None else ():
        if o.value and (o.indicator, o.town, o.year) not in edited:
            stored[(o.indicator, o.town == district_name)].append(abs(o.value))
    district = {(o.indicator, o.year): o.value for o in dataset.observations if o.value and o.town == district_name}
    town_count = max(len(dataset.towns), 1)
    references: dict[tuple[str, bool, int], float | None] = {}  # what a figure is compared with, per level and year
    additive = {name: is_additive(i) for name, i in indicators.items()}
    bounds = {name: quality.plausible_range(i) for name, i in indicators.items()}
    found: list[Finding] = []
    for (name, town, year), value, origin in figures:
        indicator = indicators[name]
        limits = bounds[name]
        if limits is not None and not limits[0] <= value <= limits[1]:
            found.append(finding("OUT_OF_RANGE", **_figure_at(origin), unit=indicator.unit, indicator=indicator.name))  # type: ignore[arg-type]
            continue
        level = (name, town == district_name, year)
        if level not in references:
            references[level] = _reference(indicator, town, year, stored, district, town_count)
        reference = references[level]
        if reference and value:
            ratio = abs(value) / reference
            if ratio >= MAGNITUDE_FACTOR or ratio <= 1 / MAGNITUDE_FACTOR:
                power = round(math.log10(ratio))
                times = f"{ratio:,.0f}" if ratio >= 1 else f"1/{1 / ratio:,.0f}"
                found.append(finding(
                    "UNIT_SUSPECT", **_figure_at(origin), indicator=indicator.label, expected=f"{reference:.3g}",  # type: ignore[arg-type]
                    detail=times, likely=_likely(abs(power)),
                ))
                continue
        if town != district_name and additive[name] and (name, year) in district:
            total = district[(name, year)]
            if value > total * (1 + TOTAL_TOLERANCE):
                found.append(finding(
                    "TOWN_ABOVE_DISTRICT", "warning", **_figure_at(origin), town=town, expected=f"{total:g}",  # type: ignore[arg-type]
                ))
    return found


def _figure_at(origin: Edit | tuple[Block, int]) -> dict[str, object]:
    """Where a figure of 指标数据 is, and the figure as typed, for a finding about it."""
    edit = origin if isinstance(origin, Edit) else origin[0].edit(origin[1])
    return {**_at(edit, "value"), "header": schema.VALUES.column("value").header, "seen": f"{edit.fields['value']:g}"}


def _reference(
    indicator: Indicator, town: str, year: int, stored: dict[tuple[str, bool], list[float]],
    district: dict[tuple[str, int], float], town_count: int,
) -> float | None:
    """What the indicator usually holds at this level: stored figures, else the plan's target or base."""
    level = town == texts.DISTRICT
    if stored.get((indicator.name, level)):
        return statistics.median(stored[(indicator.name, level)])
    if not level:
        total = district.get((indicator.name, year))
        if total is None:
            return None
        return abs(total) / town_count if is_additive(indicator) else abs(total)
    target = parse_target(indicator.target_text)
    if target.value and target.kind not in ("relative", "external", "qualitative"):
        return abs(target.value / 5 if target.kind == "cumulative" else target.value)
    return abs(indicator.base_value) if indicator.base_value else None


# --------------------------------------------------------------------------- 合计 rows


def totals(
    sheet: schema.Sheet, rows: Iterable[tuple[object, object, Edit]], edits: list[Edit],
    origins: dict[tuple, tuple[str, int, bool]], findings: list[Finding], indicators: Iterable[Indicator],
) -> list[Edit]:
    """合计 rows: the district's figure in a towns table unless the file states it elsewhere; checked against the
    sum of the rows where figures add up; in a projects table only checked. Returns the edits to keep."""
    kept: list[Edit] = []
    additive = {i.name for i in indicators if is_additive(i)}
    for _, _, edit in rows:
        if sheet is schema.VALUES:
            kept += _district_total(edit, edits, origins, findings, edit.key[0] in additive)
        elif sheet is schema.PROGRESS:
            _progress_total(edit, edits, findings)
    return kept


def _district_total(
    edit: Edit, edits: list[Edit], origins: dict, findings: list[Finding], additive: bool
) -> list[Edit]:
    name, _, year = edit.key
    value = edit.fields.get("value")
    where = {**_at(edit, "town"), "header": schema.VALUES.column("town").header}
    parts = [
        e.fields["value"] for e in edits
        if e.key[0] == name and e.key[2] == year and e.key[1] != texts.DISTRICT and e.origin[0] == edit.origin[0]
        and isinstance(e.fields.get("value"), float)
    ]
    if isinstance(value, float) and parts and additive:
        total = sum(parts)  # type: ignore[arg-type]
        if abs(total - value) > abs(value) * TOTAL_TOLERANCE:
            findings.append(finding(
                "TOTAL_MISMATCH", "warning", **where, seen=f"{value:g}", expected=f"{total:g}", detail=len(parts),  # type: ignore[arg-type]
            ))
    if edit.key in origins:
        title, number, _ = origins[edit.key]
        explicit = next((e for e in edits if e.key == edit.key), None)
        stated = explicit.fields.get("value") if explicit is not None else None
        if isinstance(value, float) and isinstance(stated, float) and abs(stated - value) > abs(stated) * TOTAL_TOLERANCE:
            findings.append(finding(
                "TOTAL_DIFFERS", "warning", **where, seen=f"{value:g}", expected=f"{stated:g}",  # type: ignore[arg-type]
                detail=texts.ROW_IN_SHEET.format(sheet=title, row=number),
            ))
        return []
    findings.append(finding("TOTAL_AS_DISTRICT", "warning", **where))  # type: ignore[arg-type]
    origins[edit.key] = (edit.origin[0], edit.origin[1], True)
    return [edit]


def _progress_total(edit: Edit, edits: list[Edit], findings: list[Finding]) -> None:
    _, year = edit.key
    findings.append(finding("TOTAL_ROW_SKIPPED", "info", **_at(edit)))  # type: ignore[arg-type]
    for attribute, key in (("planned_yi", "planned"), ("completed_yi", "completed")):
        stated = edit.fields.get(attribute)
        parts = [
            e.fields[attribute] for e in edits
            if e.origin[0] == edit.origin[0] and e.key[1] == year and isinstance(e.fields.get(attribute), float)
        ]
        if isinstance(stated, float) and parts:
            total = sum(parts)  # type: ignore[arg-type]
            if abs(total - stated) > abs(stated) * TOTAL_TOLERANCE:
                findings.append(finding(
                    "TOTAL_MISMATCH", "warning", **_at(edit, key), header=schema.PROGRESS.column(key).header,  # type: ignore[arg-type]
                    seen=fmt_yi(stated), expected=fmt_yi(total), detail=len(parts),
                ))
