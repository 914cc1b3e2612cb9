"""Workbook -> validated Dataset, with every problem reported as a Finding (sheet, Excel row, column).

Three steps: `safety.screen` refuses hostile bytes before any parser runs; `reader.read_workbook` turns the
file into typed rows per known sheet (cell-level findings); `assemble` checks the rows against each other and
against the data set in use (`base`), and builds the Dataset. A workbook may hold only some sheets: what it
holds updates the base, the rest is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from . import cells, isolation, schema, texts
from .findings import Finding, cap, finding, has_errors, nearest_hint, sort_key
from .model import (
    Assessment, CityTarget, Dataset, Fact, Indicator, Observation, Project, ProjectProgress, ReferenceValue, Section,
    SourceInfo, Town,
)
from .projects import canonical_unit, code_from_excel_date, fmt_yi, project_hint, to_yi
from .reader import ParsedSheet, ParsedWorkbook, Row, read_workbook
from .safety import screen
from .targets import parse as parse_target

# Sheets a workbook must hold when nothing else supplies them.
REQUIRED_SHEETS = (schema.STRUCTURE, schema.INDICATORS, schema.TOWNS)
# Data sheets add to the data in use row by row; catalogue sheets replace their list.
UPSERT_SHEETS = {s.key for s in (schema.VALUES, schema.CITY_TARGETS, schema.REFERENCE, schema.ASSESSMENTS, schema.PROGRESS)}


@dataclass(frozen=True)
class LoadResult:
    dataset: Dataset | None  # None when the workbook has errors
    findings: list[Finding]
    sheets: frozenset[str] = frozenset()  # schema keys of the sheets the workbook held

    @property
    def ok(self) -> bool:
        return self.dataset is not None


def load(
    source: str | Path | bytes, file_name: str | None = None, base: Dataset | None = None, now: datetime | None = None
) -> LoadResult:
    """Screen the bytes, read, check against `base` (the data in use) and build the Dataset: one call, no raise."""
    name = file_name or (Path(source).name if isinstance(source, (str, Path)) else texts.UPLOADED_FILE_NAME)
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
    except OSError as exc:
        return LoadResult(None, [finding("NOT_XLSX", detail=str(exc))])
    refused = screen(data, name)
    if refused:
        return LoadResult(None, refused)
    parsed = isolation.read_workbook(data, name)  # in a limited child process: no file can take the server down
    if has_errors(parsed.findings) and not parsed.sheets:
        return LoadResult(None, cap(sorted(parsed.findings, key=sort_key)))
    result = assemble(parsed, base, now or datetime.now())
    return replace(result, findings=cap(result.findings))  # bounded however many rows are wrong


# --------------------------------------------------------------------------- assembling


def assemble(parsed: ParsedWorkbook, base: Dataset | None, now: datetime) -> LoadResult:
    findings = list(parsed.findings)
    sheets = parsed.sheets
    for sheet in sheets.values():
        if sheet.sheet.key not in UPSERT_SHEETS:  # data sheets are checked on resolved keys, in _upsert
            _check_duplicates(sheet, findings)
    if base is None:
        for sheet in REQUIRED_SHEETS:
            if sheet.key not in sheets:
                findings.append(finding("MISSING_SHEET", sheet=sheet.name))

    def rows(sheet: schema.Sheet) -> list[Row]:
        return [r for r in sheets[sheet.key].rows] if sheet.key in sheets else []

    def title(sheet: schema.Sheet) -> str:
        return sheets[sheet.key].title if sheet.key in sheets else sheet.name

    sections = _replace(sheets, schema.STRUCTURE, base.sections if base else (), _section)
    indicators = _replace(sheets, schema.INDICATORS, base.indicators if base else (), _indicator)
    towns = _replace(sheets, schema.TOWNS, base.towns if base else (), _town)
    for sheet, names in (
        (schema.TOWNS, lambda row: [row.values["name"], *cells.split_names(row.values["aliases"], schema.TOWN_ALIAS_SEPARATORS)]),
        (schema.INDICATORS, lambda row: [row.values["name"]]),
    ):
        _check_names(sheets.get(sheet.key), names, findings)
    resolve_indicator = _indicator_resolver(indicators)
    resolve_town = _town_resolver(towns)
    section_keys = {(s.chapter, s.section) for s in sections}
    chapters = {s.chapter for s in sections}

    def check_place(row: Row, sheet: schema.Sheet) -> None:
        chapter, section = row.values.get("chapter"), row.values.get("section")
        if chapter is None:
            return
        if chapter not in chapters or (section is not None and (chapter, section) not in section_keys):
            if section is None:
                place = texts.UNKNOWN_CHAPTER_PLACE.format(chapter=chapter)
            else:
                place = texts.UNKNOWN_SECTION_PLACE.format(chapter=chapter, section=section)
            findings.append(finding("UNKNOWN_SECTION", sheet=title(sheet), row=row.number, column=row.columns.get("chapter"), seen=place))

    def indicator_of(row: Row, sheet: schema.Sheet) -> str | None:
        raw = row.values["indicator"]
        if raw is None:
            return None
        name = resolve_indicator(raw)
        if name is None:
            findings.append(
                finding(
                    "UNKNOWN_INDICATOR", sheet=title(sheet), row=row.number, column=row.columns["indicator"],
                    header=sheet.column("indicator").header, seen=raw,
                    nearest=nearest_hint(str(raw), [i.name for i in indicators]),
                )
            )
        return name

    def town_of(row: Row, sheet: schema.Sheet, key: str = "town") -> str | None:
        raw = row.values.get(key)
        name = resolve_town(raw)
        if name is None:
            findings.append(
                finding(
                    "UNKNOWN_TOWN", sheet=title(sheet), row=row.number, column=row.columns.get(key),
                    header=sheet.column(key).header, seen=raw,
                    nearest=nearest_hint(str(raw), [t.name for t in towns] + [texts.DISTRICT]),
                )
            )
        return name

    def choice(row: Row, sheet: schema.Sheet, key: str, allowed: Iterable[str]) -> None:
        value = row.values.get(key)
        allowed = tuple(allowed)
        if value is not None and value not in allowed:
            findings.append(
                finding(
                    "BAD_CHOICE", sheet=title(sheet), row=row.number, column=row.columns.get(key),
                    header=sheet.column(key).header, seen=value, expected="、".join(allowed),
                )
            )

    for row in rows(schema.INDICATORS):
        check_place(row, schema.INDICATORS)
        choice(row, schema.INDICATORS, "attribute", texts.ATTRIBUTES)
        choice(row, schema.INDICATORS, "direction", (texts.DIRECTION_UP, texts.DIRECTION_DOWN))
        target_text = row.values["target_text"]
        if target_text is not None and not parse_target(str(target_text)).understood:
            # Read as 需人工研判, never guessed: say so while the file is still in the official's hands.
            findings.append(
                finding(
                    "TARGET_UNREAD", "warning", sheet=title(schema.INDICATORS), row=row.number,
                    column=row.columns.get("target_text"), header=schema.INDICATORS.column("target_text").header,
                    seen=target_text,
                )
            )

    projects = _replace(sheets, schema.PROJECTS, base.projects if base else (), _project)
    for row in rows(schema.PROJECTS):
        check_place(row, schema.PROJECTS)
        for raw in cells.split_names(row.values["towns"], schema.TOWN_ALIAS_SEPARATORS):
            town_of(Row(row.number, {"towns": raw}, row.columns), schema.PROJECTS, "towns")
    projects = tuple(
        Project(**{**p.__dict__, "towns": tuple(resolve_town(t) or t for t in p.towns)}) for p in projects
    )

    facts = _replace(sheets, schema.FACTS, base.facts if base else (), _fact)

    progress = _assemble_progress(sheets, title(schema.PROGRESS), projects, base.progress if base else (), findings)

    units = {i.name: i.unit for i in indicators}

    def unit_fits(row: Row, sheet: schema.Sheet, indicator: str) -> bool:
        """"2.3万人" for an indicator in 万人 is fine; "23000人", "2.3亿元" or "2.3%" is another unit, never converted."""
        typed = row.units.get("value", "")
        if not typed or cells.fold(typed) == cells.fold(units[indicator]):
            return True
        findings.append(
            finding(
                "WRONG_UNIT", sheet=title(sheet), row=row.number, column=row.columns.get("value"),
                header=sheet.column("value").header, seen=f"{row.values['value']:g}{typed}",
                unit=units[indicator] or texts.NO_UNIT, typed=typed,
            )
        )
        return False

    def city_row(row: Row) -> CityTarget | None:
        indicator = indicator_of(row, schema.CITY_TARGETS)
        if indicator is not None and not unit_fits(row, schema.CITY_TARGETS, indicator):
            return None
        return _city_target(row, indicator)

    def value_row(row: Row) -> Observation | None:
        indicator = indicator_of(row, schema.VALUES)
        if indicator is not None and not unit_fits(row, schema.VALUES, indicator):
            return None
        return _observation(row, indicator, town_of(row, schema.VALUES))

    observations = _upsert(
        sheets, schema.VALUES, base.observations if base else (), value_row,
        key=lambda o: (o.indicator, o.town, o.year), findings=findings,
    )
    city_targets = _upsert(
        sheets, schema.CITY_TARGETS, base.city_targets if base else (),
        city_row,
        key=lambda t: (t.indicator, t.year), findings=findings,
    )
    references = _upsert(
        sheets, schema.REFERENCE, base.references if base else (),
        lambda row: _reference(row, town_of(row, schema.REFERENCE)),
        key=lambda r: (r.name, r.town, r.year), findings=findings,
    )
    for row in rows(schema.ASSESSMENTS):
        choice(row, schema.ASSESSMENTS, "status", (texts.STATUS_AHEAD, texts.STATUS_FASTER, texts.STATUS_ON_TRACK, texts.STATUS_LAGGING))
    assessments = _upsert(
        sheets, schema.ASSESSMENTS, base.assessments if base else (),
        lambda row: _assessment(row, indicator_of(row, schema.ASSESSMENTS), town_of(row, schema.ASSESSMENTS)),
        key=lambda a: (a.indicator, a.town, a.year), findings=findings,
    )

    for sheet in (schema.STRUCTURE, schema.INDICATORS, schema.TOWNS, schema.PROJECTS):
        if sheet.key in sheets and not sheets[sheet.key].rows:
            findings.append(finding("EMPTY_SHEET", sheet=title(sheet)))
    findings.extend(_orphans(sheets, indicators, towns, projects, observations, city_targets, assessments, progress))
    findings.sort(key=sort_key)
    if has_errors(findings):
        return LoadResult(None, findings, frozenset(sheets))
    source = _source_info(parsed, now)
    dataset = Dataset(
        sources=((*base.sources, source) if base else (source,)),
        sections=sections,
        indicators=indicators,
        observations=observations,
        towns=towns,
        projects=projects,
        facts=facts,
        city_targets=city_targets,
        references=references,
        assessments=assessments,
        progress=progress,
    )
    return LoadResult(dataset, findings, frozenset(sheets))


def _check_names(parsed: ParsedSheet | None, names: Callable[[Row], list[object]], findings: list[Finding]) -> None:
    """One name or alias for one entry: 津门湖街 with the alias 杨柳青镇 would file 杨柳青镇's figures under it."""
    if parsed is None:
        return
    owner: dict[str, tuple[str, int]] = {}
    for row in parsed.rows:
        listed = [cells.text(n) for n in names(row) if cells.text(n)]
        if not listed:
            continue
        for name in listed:
            key = cells.fold(name)
            if key in owner and owner[key][1] != row.number:
                findings.append(
                    finding(
                        "NAME_CLASH", sheet=parsed.title, row=row.number, column=row.columns.get("name"), seen=name,
                        detail=owner[key][1], other=owner[key][0],
                    )
                )
            owner.setdefault(key, (listed[0], row.number))


def _orphans(
    sheets: dict[str, ParsedSheet], indicators: tuple[Indicator, ...], towns: tuple[Town, ...],
    projects: tuple[Project, ...], observations: tuple[Observation, ...], city_targets: tuple[CityTarget, ...],
    assessments: tuple[Assessment, ...], progress: tuple[ProjectProgress, ...],
) -> list[Finding]:
    """A catalogue that no longer lists what data in use refer to would orphan those rows: refuse, say which."""
    found: list[Finding] = []

    def check(sheet: schema.Sheet, known: set[str], used: list[str]) -> None:
        if sheet.key not in sheets:
            return  # the catalogue in use was not replaced, and new rows were checked against it already
        for name in sorted(set(used) - known):
            found.append(
                finding("ORPHANED_ROWS", sheet=sheets[sheet.key].title, seen=name, detail=used.count(name))
            )

    check(
        schema.INDICATORS, {i.name for i in indicators},
        [o.indicator for o in observations] + [t.indicator for t in city_targets] + [a.indicator for a in assessments],
    )
    check(
        schema.TOWNS, {t.name for t in towns} | {texts.DISTRICT},
        [o.town for o in observations] + [a.town for a in assessments],
    )
    check(schema.PROJECTS, {p.code for p in projects}, [p.project for p in progress])
    return found


def _check_duplicates(parsed: ParsedSheet, findings: list[Finding]) -> None:
    if not parsed.sheet.unique:
        return
    first_seen: dict[tuple[object, ...], int] = {}
    for row in parsed.rows:
        key = tuple(
            cells.fold(str(row.values[k])) if isinstance(row.values[k], str) else row.values[k]
            for k in parsed.sheet.unique
        )
        if any(part is None for part in key[:1]):
            continue
        if key in first_seen:
            shown = "、".join(f"{parsed.sheet.column(k).header}={row.values[k] or texts.DISTRICT}" for k in parsed.sheet.unique)
            findings.append(
                finding(
                    "DUPLICATE_KEY", sheet=parsed.title, row=row.number, column=row.columns[parsed.sheet.unique[0]],
                    detail=first_seen[key], key=shown,
                )
            )
        else:
            first_seen[key] = row.number


def _replace(sheets: dict[str, ParsedSheet], sheet: schema.Sheet, old: tuple, build: Callable[[Row], object]) -> tuple:
    """Catalogue sheets (structure, indicators, towns, projects, facts) replace the old list as a whole."""
    if sheet.key not in sheets:
        return old
    built = [build(row) for row in sheets[sheet.key].rows]
    return tuple(b for b in built if b is not None)


def _upsert(
    sheets: dict[str, ParsedSheet], sheet: schema.Sheet, old: tuple, build: Callable[[Row], object],
    key: Callable[[object], tuple], findings: list[Finding],
) -> tuple:
    """Data sheets add to what is in use: a row replaces the old row with the same key, others are kept.

    Two rows of the upload with one key (after names are resolved: 杨柳青 and 杨柳青镇 are one town) are an error
    naming both rows, never a silent last-one-wins.
    """
    if sheet.key not in sheets:
        return old
    parsed = sheets[sheet.key]
    merged = {key(item): item for item in old}
    first_row: dict[tuple, int] = {}
    for row in parsed.rows:
        item = build(row)
        if item is None:
            continue
        k = key(item)
        if k in first_row:
            findings.append(
                finding(
                    "DUPLICATE_KEY", sheet=parsed.title, row=row.number, column=row.columns.get(sheet.unique[0]),
                    detail=first_row[k], key="、".join(str(part) for part in k),
                )
            )
            continue
        first_row[k] = row.number
        merged[k] = item
    return tuple(merged.values())


def _assemble_progress(
    sheets: dict[str, ParsedSheet], progress_title: str, projects: tuple[Project, ...], old: tuple[ProjectProgress, ...],
    findings: list[Finding],
) -> tuple[ProjectProgress, ...]:
    """项目进展: a data sheet, upserted by (项目编号, 年份); amounts converted to 亿元 on the way in.

    Checked: the project code (or name) is known, the unit is 亿元 or 万元, 竣工年份 is not before 开工年份, and the
    completed investment (alone, then summed over the years so far) does not exceed a known 总投资.
    """
    rows = sheets[schema.PROGRESS.key].rows if schema.PROGRESS.key in sheets else []
    project_lookup = {cells.fold(p.name): p for p in projects} | {cells.fold(p.code): p for p in projects}
    built_progress: dict[int, ProjectProgress | None] = {}
    for row in rows:
        where = {"sheet": progress_title, "row": row.number}
        raw = cells.text(row.values["project"])
        project = project_lookup.get(cells.fold(raw)) if raw else None
        excel_date = code_from_excel_date(raw) if raw and project is None else None
        if excel_date is not None and cells.fold(excel_date) in project_lookup:
            project = project_lookup[cells.fold(excel_date)]
            findings.append(finding(
                "NORMALISED", "warning", column=row.columns["project"], header=schema.PROGRESS.column("project").header,
                seen=raw, understood=project.code, **where,
            ))
        if raw and project is None:
            findings.append(finding(
                "UNKNOWN_PROJECT", column=row.columns["project"], header=schema.PROGRESS.column("project").header,
                seen=raw, nearest=project_hint(raw, projects), **where,
            ))
        unit = canonical_unit(cells.text(row.values["unit"]))
        for key in ("planned", "completed"):
            typed = row.units.get(key, "")
            # "500万元" beside an empty 金额单位 must not be read as 500亿元: the unit typed in the cell decides,
            # and one that contradicts 金额单位 (or is not money) is refused.
            if not typed:
                continue
            if canonical_unit(typed) is None or (row.values["unit"] and canonical_unit(typed) != unit):
                findings.append(finding(
                    "WRONG_UNIT", column=row.columns.get(key), header=schema.PROGRESS.column(key).header,
                    seen=f"{row.values[key]:g}{typed}", typed=typed, unit=unit or texts.UNIT_YI, **where,
                ))
            elif not row.values["unit"]:
                unit = canonical_unit(typed)
        if unit is None:
            findings.append(finding(
                "BAD_AMOUNT_UNIT", column=row.columns.get("unit"), header=schema.PROGRESS.column("unit").header,
                seen=row.values["unit"], **where,
            ))
        elif row.values["unit"] and unit != cells.fold(cells.text(row.values["unit"])):
            findings.append(finding(
                "NORMALISED", "warning", column=row.columns.get("unit"), header=schema.PROGRESS.column("unit").header,
                seen=row.values["unit"], understood=unit, **where,
            ))
        start, end = row.values["start_year"], row.values["end_year"]
        if start is not None and end is not None and end < start:
            findings.append(finding(
                "END_BEFORE_START", column=row.columns.get("end_year"), header=schema.PROGRESS.column("end_year").header,
                seen=end, expected=start, **where,
            ))
        built_progress[row.number] = _progress(row, project.code if project else None, unit)
    progress = _upsert(
        sheets, schema.PROGRESS, old, lambda row: built_progress[row.number],
        key=lambda p: (p.project, p.year), findings=findings,
    )
    with_total = {p.code: p for p in projects if p.investment_yi is not None}
    over_total: set[str] = set()
    for row in rows:
        item = built_progress[row.number]
        if item is None or item.completed_yi is None or item.project not in with_total or item.project in over_total:
            continue
        total = with_total[item.project].investment_yi or 0.0
        cumulative = sum(p.completed_yi or 0.0 for p in progress if p.project == item.project and p.year <= item.year)
        if item.completed_yi > total:
            detail = texts.OVER_TOTAL_ROW.format(amount=f"{fmt_yi(row.values['completed'])}{item.unit or texts.UNIT_YI}")
        elif cumulative > total + 1e-9:
            detail = texts.OVER_TOTAL_CUMULATIVE.format(year=item.year, amount=fmt_yi(cumulative))
        else:
            continue
        over_total.add(item.project)
        findings.append(finding(
            "COMPLETED_OVER_TOTAL", sheet=progress_title, row=row.number, column=row.columns.get("completed"),
            header=schema.PROGRESS.column("completed").header, seen=row.values["completed"], detail=detail,
            project=f"{item.project} {with_total[item.project].name}", expected=f"{fmt_yi(total)}{texts.UNIT_YI}",
        ))
    return progress


def _indicator_resolver(indicators: tuple[Indicator, ...]) -> Callable[[object], str | None]:
    lookup: dict[str, str] = {}
    for ind in indicators:
        for alias in (ind.name, ind.label, f"{ind.name}({ind.unit})", str(ind.code)):
            lookup[cells.fold(alias)] = ind.name
    memo: dict[object, str | None] = {}  # a large upload names the same indicators over and over

    def resolve(raw: object) -> str | None:
        if raw not in memo:
            memo[raw] = lookup.get(cells.fold(cells.text(raw)))
        return memo[raw]

    return resolve


def _town_resolver(towns: tuple[Town, ...]) -> Callable[[object], str | None]:
    lookup = {cells.fold(texts.DISTRICT): texts.DISTRICT}
    for town in towns:
        for alias in (town.name, *town.aliases):
            lookup[cells.fold(alias)] = town.name

    memo: dict[object, str | None] = {}

    def resolve(raw: object) -> str | None:
        if raw not in memo:
            value = cells.text(raw)
            memo[raw] = texts.DISTRICT if not value else lookup.get(cells.fold(value))
        return memo[raw]

    return resolve


def _source_info(parsed: ParsedWorkbook, now: datetime) -> SourceInfo:
    info: dict[str, str] = {}
    if schema.INFO.key in parsed.sheets:
        for row in parsed.sheets[schema.INFO.key].rows:
            if row.values["field"]:
                info[cells.fold(str(row.values["field"]))] = cells.text(row.values["value"])
    name = info.get(cells.fold(schema.INFO_NAME)) or Path(parsed.file_name).stem
    sample = info.get(cells.fold(schema.INFO_SAMPLE), "") in {"是", "示例", "yes", "Y", "y", "1"}
    sample = sample or texts.SAMPLE in name
    return SourceInfo(name=name, file_name=parsed.file_name, is_sample=sample, loaded_at=now)


# Row builders: a row with an error finding is still built if its key fields are present, so every problem
# of the file is reported at once; the Dataset itself is only returned when there is no error.


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _section(row: Row) -> Section | None:
    v = row.values
    if v["chapter"] is None or v["section"] is None:
        return None
    return Section(v["chapter"], _s(v["chapter_title"]), v["section"], _s(v["section_title"]), _s(v["source"]))


def _indicator(row: Row) -> Indicator | None:
    v = row.values
    if v["code"] is None or v["name"] is None:
        return None
    return Indicator(
        code=v["code"], category=_s(v["category"]), name=_s(v["name"]), unit=_s(v["unit"]),
        target_text=_s(v["target_text"]), attribute=_s(v["attribute"]), direction=_s(v["direction"]),
        reference=_s(v["reference"]), chapter=v["chapter"], section=v["section"], base_year=v["base_year"],
        base_value=v["base_value"], base_note=_s(v["base_note"]), source=_s(v["source"]),
    )


def _town(row: Row) -> Town | None:
    v = row.values
    if v["name"] is None:
        return None
    return Town(
        name=_s(v["name"]), kind=_s(v["kind"]), positioning=_s(v["positioning"]),
        aliases=cells.split_names(v["aliases"], schema.TOWN_ALIAS_SEPARATORS), stat_code=_s(v["stat_code"]),
        source=_s(v["source"]),
    )


def _project(row: Row) -> Project | None:
    v = row.values
    if v["code"] is None or v["name"] is None or v["box"] is None:
        return None
    return Project(
        code=_s(v["code"]), name=_s(v["name"]), box=v["box"], box_title=_s(v["box_title"]), chapter=v["chapter"],
        section=v["section"], towns=cells.split_names(v["towns"], schema.TOWN_ALIAS_SEPARATORS),
        investment_yi=v["investment_yi"], land_area=v["land_area"], land_area_unit=_s(v["land_area_unit"]),
        floor_area=v["floor_area"], floor_area_unit=_s(v["floor_area_unit"]), length_km=v["length_km"],
        scale_note=_s(v["scale_note"]), summary=_s(v["summary"]), source=_s(v["source"]),
    )


def _fact(row: Row) -> Fact | None:
    v = row.values
    if v["name"] is None or v["year"] is None or v["value"] is None:
        return None
    return Fact(
        name=_s(v["name"]), year=v["year"], value=v["value"], unit=_s(v["unit"]), indicator=v["indicator"],
        quote=_s(v["quote"]), source=_s(v["source"]),
    )


def _observation(row: Row, indicator: str | None, town: str | None) -> Observation | None:
    v = row.values
    if indicator is None or town is None or v["year"] is None:
        return None
    return Observation(indicator, town, v["year"], v["value"], _s(v["source"]), _s(v["note"]))


def _city_target(row: Row, indicator: str | None) -> CityTarget | None:
    v = row.values
    if indicator is None or v["year"] is None or v["value"] is None:
        return None
    return CityTarget(indicator, v["year"], v["value"], _s(v["source"]))


def _reference(row: Row, town: str | None) -> ReferenceValue | None:
    v = row.values
    if v["name"] is None or town is None or v["year"] is None or v["value"] is None:
        return None
    return ReferenceValue(_s(v["name"]), town, v["year"], v["value"], _s(v["source"]))


def _progress(row: Row, project: str | None, unit: str | None) -> ProjectProgress | None:
    v = row.values
    if project is None or v["year"] is None:
        return None
    return ProjectProgress(
        project=project, year=v["year"], planned_yi=to_yi(v["planned"], unit), completed_yi=to_yi(v["completed"], unit),
        unit=_s(v["unit"]), status=_s(v["status"]), start_year=v["start_year"], end_year=v["end_year"],
        lead_unit=_s(v["lead_unit"]), source=_s(v["source"]),
    )


def _assessment(row: Row, indicator: str | None, town: str | None) -> Assessment | None:
    v = row.values
    if indicator is None or town is None or v["year"] is None or v["status"] is None:
        return None
    return Assessment(indicator, town, v["year"], _s(v["status"]), _s(v["note"]), _s(v["assessor"]))
