"""The audit log in words: rows keep an action code and parameters; this turns them into what a page shows.

Everything that leaves here for display or download is neutralised (safety.neutralise), because the names in the
log are whatever someone typed at the login form, and a table's CSV download must not carry a formula.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Mapping

from . import texts
from .safety import neutralise

if TYPE_CHECKING:
    from .store import AuditEntry, Store

# Rows written before actions had parameters (the previous release) keep their sentence under this key.
LEGACY_DETAIL = "legacy_detail"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def render(action: str, params: Mapping[str, object]) -> str:
    """One audit row's detail in words, from texts.AUDIT_DETAILS. Never raises: an odd row still shows."""
    if LEGACY_DETAIL in params:
        return str(params[LEGACY_DETAIL])
    template = texts.AUDIT_DETAILS.get(action)
    if template is None:
        return texts.AUDIT_DETAIL_UNREADABLE.format(action=action)
    try:
        return template.format(**{str(k): v for k, v in params.items()})
    except (KeyError, IndexError, ValueError, AttributeError):
        return texts.AUDIT_DETAIL_UNREADABLE.format(action=action)


def action_label(action: str) -> str:
    return texts.AUDIT_ACTIONS.get(action, action)


def display_row(entry: AuditEntry) -> dict[str, str]:
    """Column name -> text, every cell neutralised: safe to draw and to download as CSV or a workbook."""
    cells = {
        texts.AUDIT_COL_TIME: entry.time.strftime(TIME_FORMAT),
        texts.AUDIT_COL_EDITOR: entry.editor,
        texts.AUDIT_COL_ACTION: action_label(entry.action),
        texts.AUDIT_COL_DETAIL: render(entry.action, entry.params),
    }
    return {column: neutralise(text) for column, text in cells.items()}


def display_rows(store: Store, limit: int | None = None) -> list[dict[str, str]]:
    """The newest `limit` audit rows ready for a page: codes in words, typed text neutralised."""
    return [display_row(entry) for entry in store.audit_log(limit)]


def export_csv(store: Store, limit: int | None = None) -> bytes:
    """The audit log as CSV (UTF-8 with BOM, so Excel and WPS read the Chinese), neutralised like the display."""
    rows = display_rows(store, limit)
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=[texts.AUDIT_COL_TIME, texts.AUDIT_COL_EDITOR, texts.AUDIT_COL_ACTION, texts.AUDIT_COL_DETAIL]
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")
