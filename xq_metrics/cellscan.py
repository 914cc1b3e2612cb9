"""What a value reader cannot see: formulas saved without their value, error cells (#REF!, #DIV/0!), and cells
shown as a percentage.

calamine reads the first two as empty, which would turn a broken figure into 未填报 without a word, and a cell
showing 93.8% as 0.938. This reads the sheet XML itself, but only for sheets whose bytes contain a formula, an
error or a percent style at all, so a plain workbook costs a few substring searches per sheet.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import Literal

from defusedxml.ElementTree import fromstring, iterparse
from openpyxl.utils import get_column_letter

from .cells import column_number

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")
_CELL_TAG = re.compile(rb"<c\b([^>]*)>")
_ATTRIBUTE = re.compile(rb"([\w:]+)\s*=\s*[\"']([^\"']*)[\"']")
_QUOTED = re.compile(r'"[^"]*"|\\.')
PERCENT_FORMATS = (9, 10)  # Excel's built-in 0% and 0.00%

Problem = Literal["formula_no_value", "error"]


@dataclass(frozen=True)
class BadCell:
    sheet: str
    row: int
    column: str  # Excel letter
    problem: Problem
    text: str  # the formula, or the error as Excel shows it


@dataclass(frozen=True)
class Scan:
    bad: list[BadCell]
    percent: frozenset[tuple[str, int, str]]  # (sheet, Excel row, column letter) of numbers shown as 0.0%


def scan(data: bytes) -> Scan:
    """Every formula without a saved value, every error cell and every percent-formatted cell. Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found: list[BadCell] = []
            percent: set[tuple[str, int, str]] = set()
            styles = _percent_styles(archive)
            for name, part in _sheet_parts(archive):
                xml = archive.read(part)
                if b"<f" in xml or b't="e"' in xml:
                    found.extend(_scan_sheet(name, xml))
                if styles and any(b's="%d"' % s in xml for s in styles):
                    percent.update((name, row, column) for row, column in _percent_cells(xml, styles))
            return Scan(found, frozenset(percent))
    except Exception:  # the byte screen and calamine report unreadable files; this only adds detail
        return Scan([], frozenset())


def sheet_sizes(data: bytes) -> dict[str, int]:
    """Each sheet's XML size, uncompressed, by sheet name, from the zip's directory; empty when it cannot be read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {name: archive.getinfo(part).file_size for name, part in _sheet_parts(archive)}
    except Exception:  # the byte screen and calamine report unreadable files
        return {}


def _percent_styles(archive: zipfile.ZipFile) -> set[int]:
    """Indices of the cell styles (cellXfs) whose number format shows a percentage."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    root = fromstring(archive.read("xl/styles.xml"))
    codes = {int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(f"{MAIN}numFmt")}
    percent_ids = set(PERCENT_FORMATS) | {i for i, code in codes.items() if "%" in _QUOTED.sub("", code)}
    xfs = root.find(f"{MAIN}cellXfs")
    if xfs is None:
        return set()
    return {index for index, xf in enumerate(xfs.iter(f"{MAIN}xf")) if int(xf.get("numFmtId", "0")) in percent_ids}


def _percent_cells(xml: bytes, styles: set[int]) -> list[tuple[int, str]]:
    wanted = {str(s).encode() for s in styles}
    found = []
    for match in _CELL_TAG.finditer(xml):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        if attributes.get(b"s") not in wanted or attributes.get(b"t", b"n") != b"n":
            continue
        ref = _REF.fullmatch(attributes.get(b"r", b"").decode("ascii", "ignore"))
        if ref:
            found.append((int(ref.group(2)), ref.group(1)))
    return found


def _sheet_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    workbook = fromstring(archive.read("xl/workbook.xml"))
    rels = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    parts = []
    for sheet in workbook.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(f"{REL}id"), "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if path in archive.namelist():
            parts.append((sheet.get("name", ""), path))
    return parts


def _scan_sheet(name: str, xml: bytes) -> list[BadCell]:
    found = []
    row_number, position = 0, 0
    for event, element in iterparse(io.BytesIO(xml), events=("start", "end")):
        if event == "start":
            # r is optional in OOXML: without it a row follows the previous one and a cell the previous cell.
            if element.tag == f"{MAIN}row":
                row_number = int(element.get("r") or row_number + 1)
                position = 0
            elif element.tag == f"{MAIN}c":
                match = _REF.fullmatch(element.get("r", ""))
                if match:
                    position = column_number(match.group(1))
                    row_number = int(match.group(2))
                else:
                    position += 1
            continue
        if element.tag != f"{MAIN}c":
            continue
        formula = element.find(f"{MAIN}f")
        value = element.find(f"{MAIN}v")
        cached = value is not None and (value.text or "") != ""
        letter = get_column_letter(position)
        if element.get("t") == "e":
            found.append(BadCell(name, row_number, letter, "error", value.text if value is not None else ""))
        elif formula is not None and not cached and element.get("t") != "inlineStr":
            found.append(BadCell(name, row_number, letter, "formula_no_value", "=" + (formula.text or "")))
        element.clear()
    return found
