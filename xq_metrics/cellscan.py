"""Cells a value reader cannot see: formulas saved without their value, and error cells (#REF!, #DIV/0!).

calamine reads both as empty, which would turn a broken figure into 未填报 without a word. This reads the
sheet XML itself, but only for sheets whose bytes contain a formula or an error at all, so a plain workbook
costs one substring search per sheet.
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

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")

Problem = Literal["formula_no_value", "error"]


@dataclass(frozen=True)
class BadCell:
    sheet: str
    row: int
    column: str  # Excel letter
    problem: Problem
    text: str  # the formula, or the error as Excel shows it


def scan(data: bytes) -> list[BadCell]:
    """Every formula without a saved value and every error cell, in sheet order. Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            found: list[BadCell] = []
            for name, part in _sheet_parts(archive):
                xml = archive.read(part)
                if b"<f" not in xml and b't="e"' not in xml:
                    continue
                found.extend(_scan_sheet(name, xml))
            return found
    except Exception:  # the byte screen and calamine report unreadable files; this only adds detail
        return []


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
    row_number, column_number = 0, 0
    for event, element in iterparse(io.BytesIO(xml), events=("start", "end")):
        if event == "start":
            # r is optional in OOXML: without it a row follows the previous one and a cell the previous cell.
            if element.tag == f"{MAIN}row":
                row_number = int(element.get("r") or row_number + 1)
                column_number = 0
            elif element.tag == f"{MAIN}c":
                match = _REF.fullmatch(element.get("r", ""))
                if match:
                    column_number = _column_number(match.group(1))
                    row_number = int(match.group(2))
                else:
                    column_number += 1
            continue
        if element.tag != f"{MAIN}c":
            continue
        formula = element.find(f"{MAIN}f")
        value = element.find(f"{MAIN}v")
        cached = value is not None and (value.text or "") != ""
        letter = get_column_letter(column_number)
        if element.get("t") == "e":
            found.append(BadCell(name, row_number, letter, "error", value.text if value is not None else ""))
        elif formula is not None and not cached and element.get("t") != "inlineStr":
            found.append(BadCell(name, row_number, letter, "formula_no_value", "=" + (formula.text or "")))
        element.clear()
    return found


def _column_number(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - ord("A") + 1
    return number
