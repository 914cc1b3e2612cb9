"""Findings: what the loader says about a workbook, each pinned to a sheet, an Excel row and a column."""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Iterable, Literal

from . import texts

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str
    sheet: str | None
    row: int | None  # Excel row number, 1-based
    column: str | None  # Excel column letter
    message: str
    hint: str = ""
    header: str | None = None
    seen: str | None = None
    understood: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def where(self) -> str:
        parts = [
            texts.WHERE_SHEET.format(sheet=self.sheet) if self.sheet else "",
            texts.WHERE_ROW.format(row=self.row) if self.row else "",
        ]
        if self.column:
            parts.append(texts.WHERE_COLUMN.format(column=self.column))
            parts.append(texts.WHERE_HEADER.format(header=self.header) if self.header else "")
        return "".join(parts)


def finding(
    code: str,
    severity: Severity = "error",
    sheet: str | None = None,
    row: int | None = None,
    column: str | None = None,
    header: str | None = None,
    seen: object = None,
    understood: object = None,
    **fields: object,
) -> Finding:
    template, hint = texts.FINDINGS[code]
    values = {"sheet": sheet, "header": header, "seen": _show(seen), "understood": _show(understood), **fields}
    return Finding(
        severity=severity,
        code=code,
        sheet=sheet,
        row=row,
        column=column,
        message=template.format_map(_Blank(values)),
        hint=hint.format_map(_Blank(values)),
        header=header,
        seen=None if seen is None else _show(seen),
        understood=None if understood is None else _show(understood),
    )


def nearest_hint(name: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(name, list(known), n=1, cutoff=0.4)
    return texts.NEAREST.format(name=match[0]) if match else texts.NO_NEAREST


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_key(f: Finding) -> tuple[str, int, str]:
    return (f.sheet or "", f.row or 0, f.column or "")


def _show(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Blank(dict):
    """format_map helper: a placeholder without a value becomes empty instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""
