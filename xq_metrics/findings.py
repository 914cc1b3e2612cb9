"""Findings: what the loader says about a workbook, each pinned to a sheet, an Excel row and a column."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Iterable, Literal

from . import texts

Severity = Literal["error", "warning", "info"]

# Any text a finding quotes from a file is cut to this many characters (with …): a 32,767-character cell or a
# list of 10,000 sheet names must not become a page-long message.
MAX_TEXT = 200
# At most this many findings per code, and in all; the rest are counted in one closing finding (CAPPED), so a
# file with a million bad cells is reported in bounded time and space, and still honestly.
MAX_PER_CODE = 200
MAX_FINDINGS = 1000
CAPPED = "FINDINGS_CAPPED"
# Control, format (zero-width, bidi), surrogate and line/paragraph separator characters are shown escaped
# (\x01, \u200b): invisible or disruptive in a table, illegal in a workbook cell, and the very thing an
# official must see to find why a name does not match.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BREAKDOWN = re.compile(r"([A-Z][A-Z0-9_]*)×(\d+)")


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
    sheet = None if sheet is None else _show(sheet)
    header = None if header is None else _show(header)
    shown_seen, shown_understood = _show(seen), _show(understood)
    values = {
        "sheet": sheet, "header": header, "seen": shown_seen, "understood": shown_understood,
        **{key: _show(value) for key, value in fields.items()},
    }
    return Finding(
        severity=severity,
        code=code,
        sheet=sheet,
        row=row,
        column=column,
        message=template.format_map(_Blank(values)),
        hint=hint.format_map(_Blank(values)),
        header=header,
        seen=None if seen is None else shown_seen,
        understood=None if understood is None else shown_understood,
    )


def cap(findings: list[Finding], per_code: int = MAX_PER_CODE, total: int = MAX_FINDINGS) -> list[Finding]:
    """At most `per_code` findings of each code and `total` in all, in their order, plus one closing finding.

    Errors are kept before warnings when the total is reached, so an official always sees what blocks the file.
    An earlier closing finding (the reader caps in its own process) is folded into the new one, so capping twice
    counts every omitted finding once.
    """
    omitted: Counter[str] = Counter()
    omitted_error = False
    candidates: list[tuple[int, Finding]] = []
    for position, f in enumerate(findings):
        if f.code == CAPPED:
            omitted.update({code: int(n) for code, n in _BREAKDOWN.findall(f.understood or "")})
            omitted_error = omitted_error or f.severity == "error"
        else:
            candidates.append((position, f))
    if not omitted and len(candidates) <= total and all(n <= per_code for n in Counter(f.code for _, f in candidates).values()):
        return list(findings)
    per: Counter[str] = Counter()
    keep: set[int] = set()
    for severity in ("error", "warning"):
        for position, f in candidates:
            if f.severity != severity:
                continue
            if per[f.code] < per_code and len(keep) < total:
                per[f.code] += 1
                keep.add(position)
            else:
                omitted[f.code] += 1
                omitted_error = omitted_error or f.severity == "error"
    kept = [f for position, f in candidates if position in keep]
    if omitted:
        kept.append(_closing(omitted, omitted_error, per_code, total))
    return kept


def omitted_counts(findings: Iterable[Finding]) -> Counter[str]:
    """Code -> how many findings of it a closing finding stands for."""
    counts: Counter[str] = Counter()
    for f in findings:
        if f.code == CAPPED:
            counts.update({code: int(n) for code, n in _BREAKDOWN.findall(f.understood or "")})
    return counts


def _closing(omitted: Counter[str], has_error: bool, per_code: int, total: int) -> Finding:
    count = sum(omitted.values())
    errors = texts.CAPPED_ERRORS if has_error else ""
    template, hint = texts.FINDINGS[CAPPED]
    # Built directly: the breakdown is the machine-readable part and must not be cut at MAX_TEXT.
    return Finding(
        severity="error" if has_error else "warning",
        code=CAPPED,
        sheet=None,
        row=None,
        column=None,
        message=template.format(count=f"{count:,}", errors=errors),
        hint=hint.format(per_code=per_code, total=total),
        seen=str(count),
        understood=texts.SEP.join(f"{code}×{n}" for code, n in omitted.most_common()),
    )


def clean(text: str, limit: int = MAX_TEXT) -> str:
    """Text from a file as a finding may quote it: control characters escaped, at most `limit` characters."""
    if len(text) > limit:
        text = text[: limit + 1]  # escaping only lengthens it: no need to look further
    if not text.isprintable():
        text = "".join(_escape(ch) for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(ch: str) -> str:
    if ch in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[ch]
    if unicodedata.category(ch) not in _ESCAPED_CATEGORIES:
        return ch  # full-width and other spaces stay as typed: officials type them and see them
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def nearest_hint(name: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(name, [k for k in known if k], n=1, cutoff=0.4)  # not a nameless row
    return texts.NEAREST.format(name=match[0]) if match else texts.NO_NEAREST


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_key(f: Finding) -> tuple[str, int, str]:
    return (f.sheet or "", f.row or 0, f.column or "")


def _show(value: object) -> str:
    if value is None:
        return ""
    try:
        if isinstance(value, float) and value.is_integer():
            return clean(str(int(value)))
        return clean(str(value))
    except ValueError:  # an int past Python's 4,300-digit str() limit
        return "…"


class _Blank(dict):
    """format_map helper: a placeholder without a value becomes empty instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""
