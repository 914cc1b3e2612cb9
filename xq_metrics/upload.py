"""The upload flow without the page: check a file against the data in use, preview it, save it, seed the store.

Nothing here writes unless `save` is called with an Editor, so checking and previewing can never change the
data in use. Saving applies the upload's edits onto the version current at save time, not the one previewed:
two offices saving at once both keep their changes, and a save that would overwrite a field someone changed
after the preview is refused with the fields named. A save or rollback that removes rows, blanks stored fields
or changes the plan needs the official's confirmation of exactly those counts.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from . import schema, texts
from .changes import Conflict, conflicts
from .defaults import PLAN_WORKBOOK, SAMPLE_WORKBOOK, load_default
from .diff import Confirmation, Preview, PreviewPage, header, preview
from .findings import Finding
from .loader import LoadResult, load, reapply
from .model import Dataset
from .report import counts, finding_rows, report_workbook, totals
from .store import Editor, StaleVersion, Store, VersionInfo, sha256_of, summarise

SEED_FILE_NAME = texts.SEED_FILE_NAME
SAVE_ATTEMPTS = 64  # each attempt that loses the race lets one other save through: bounded by the saves at once


class ConfirmationRequired(Exception):
    """The save would remove, blank or change the plan: the official must confirm these exact counts first."""

    def __init__(self, needed: Confirmation) -> None:
        super().__init__(texts.CONFIRM_NEEDED.format(removed=needed.removed, blanked=needed.blanked, plan=needed.plan))
        self.needed = needed


class SaveConflict(Exception):
    """Someone saved a change to the same fields after this preview: saving now would overwrite it."""

    def __init__(self, found: list[Conflict] | None = None, findings: list[Finding] | None = None) -> None:
        self.conflicts = found or []
        self.findings = findings or []
        fields = texts.SEP.join(sorted({_conflict_label(c) for c in self.conflicts})[:10])
        super().__init__(texts.SAVE_CONFLICT.format(fields=fields) if self.conflicts else texts.SAVE_NO_LONGER_VALID)


@dataclass(frozen=True)
class Headline:
    """The report's first line: findings by severity and what happens to the figures in the file."""

    errors: int
    warnings: int
    infos: int
    figures_read: int
    figures_changed: int
    figures_ignored: int


class Checked:
    """A checked upload as reports and pages read it: this module's UploadCheck, or upload_worker.CheckedFile (the
    page's, made in a child, without the data set). Each provides these attributes, as fields or properties."""

    file_name: str
    data: bytes
    ok: bool
    green: bool  # usable and every figure in the file taken: the only state the page shows in green
    headline: Headline
    findings: list[Finding]
    preview: Preview | PreviewPage | None  # None when the file has errors

    @property
    def confirmation(self) -> Confirmation:
        return self.preview.confirmation if self.preview else Confirmation(0, 0, 0)

    def counts(self) -> list[dict[str, object]]:
        return counts(self.findings)

    def rows(self) -> list[dict[str, object]]:
        return finding_rows(self.findings)

    def report_json(self) -> bytes:
        return json.dumps(report(self), ensure_ascii=False, indent=2).encode("utf-8")

    def report_xlsx(self) -> bytes:
        return report_workbook(self.data, self.file_name, self.findings)


@dataclass(frozen=True)
class UploadCheck(Checked):
    file_name: str
    data: bytes
    result: LoadResult
    preview: Preview | None  # None when the file has errors
    same_as: VersionInfo | None  # a version that holds exactly this file already
    base_version: int | None = None  # the version the preview was made against
    replace: frozenset[str] = frozenset()  # tables the official chose to replace as a whole

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def green(self) -> bool:
        """Usable and every figure in the file taken: the only state the page shows in green."""
        return self.ok and self.result.figures_ignored == 0

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings

    @property
    def headline(self) -> Headline:
        errors, warnings, notes = totals(self.findings)  # those a capped list only counts included
        return Headline(
            errors, warnings, notes, self.result.figures_read, self.preview.figures_changed if self.preview else 0,
            self.result.figures_ignored,
        )


def check(
    store: Store, data: bytes, file_name: str, now: datetime | None = None, replace: Iterable[str] = (),
    against: int | None = None,
) -> UploadCheck:
    """The file read and checked against version `against` (the current one when None) and its preview."""
    current = store.current() if against is None else store.version(against)
    base = current.dataset if current else None
    result = load(data, file_name=file_name, base=base, now=now, replace=replace)
    change = None
    if result.dataset is not None:
        change = preview(base, result.dataset, set(result.sheets))
    return UploadCheck(
        file_name, data, result, change, store.find_by_hash(sha256_of(data)), current.number if current else None,
        frozenset(replace),
    )


def report(checked: Checked) -> dict[str, object]:
    """The JSON form of a check, shared by the page's download and `python -m xq_metrics upload --json`."""
    head = checked.headline
    body: dict[str, object] = {
        "file": checked.file_name, "ok": checked.ok, "green": checked.green,
        "figures": {"read": head.figures_read, "changed": head.figures_changed, "ignored": head.figures_ignored},
        "findings": [f.to_dict() for f in checked.findings],
    }
    if checked.preview is not None:
        body["changes"] = {
            t.key: {"added": t.added, "changed": t.changed, "removed": t.removed, "blanked": t.blanked}
            for t in checked.preview.tables if t.added or t.changed or t.removed or t.blanked
        }
        confirm = checked.confirmation
        body["confirmation"] = {"removed": confirm.removed, "blanked": confirm.blanked, "plan": confirm.plan}
    return body


def save(
    store: Store, checked: UploadCheck, editor: Editor, confirmed: Confirmation | None = None
) -> VersionInfo:
    """The checked file's edits, applied to the version current now, become the current version for every user.

    Refuses a file with errors; a save that loses data or changes the plan without `confirmed` equal to what the
    preview counted (ConfirmationRequired); and a save that would overwrite a field changed since the preview
    (SaveConflict)."""
    if checked.result.dataset is None or checked.result.changes is None:
        raise ValueError("a file with errors cannot be saved")
    needed = checked.confirmation
    if needed.needed and confirmed != needed:
        raise ConfirmationRequired(needed)
    at_preview: Dataset | None = None
    for _ in range(SAVE_ATTEMPTS):
        current = store.current()
        number = current.number if current else None
        if number == checked.base_version:
            dataset = checked.result.dataset
        else:
            if at_preview is None and checked.base_version is not None:
                at_preview = store.version(checked.base_version).dataset
            found = conflicts(at_preview, current.dataset if current else None, checked.result.changes)
            if found:
                raise SaveConflict(found)
            rebuilt, findings = reapply(checked.result.changes, current.dataset if current else None)
            if rebuilt is None:
                raise SaveConflict(findings=findings)
            dataset = rebuilt
        try:
            return store.save(checked.data, checked.file_name, dataset, summarise(dataset), editor, based_on=number)
        except StaleVersion:
            continue  # another save got in first: apply the edits again on top of it
    raise SaveConflict()


def history_rows(history: Iterable[VersionInfo]) -> list[dict[str, object]]:
    return [
        {texts.HISTORY_COL_VERSION: v.number, texts.HISTORY_COL_TIME: v.created_at.strftime("%Y-%m-%d %H:%M:%S"),
         texts.HISTORY_COL_EDITOR: v.editor, texts.HISTORY_COL_KIND: texts.KIND_LABELS.get(v.kind, v.kind),
         texts.HISTORY_COL_FILE: v.file_name, texts.HISTORY_COL_SHA: v.sha256,
         texts.HISTORY_COL_DATASET: v.summary.get("name", ""), texts.HISTORY_COL_ROLLED_BACK_FROM: v.rolled_back_from}
        for v in history
    ]


def rollback_preview(store: Store, number: int) -> Preview:
    """What making version `number` current again would change, counted like an upload's preview."""
    current = store.current()
    return preview(current.dataset if current else None, store.version(number).dataset, set())


def rollback(store: Store, number: int, editor: Editor, confirmed: Confirmation | None = None) -> VersionInfo:
    current = store.head()
    needed = rollback_preview(store, number).confirmation
    if needed.needed and confirmed != needed:
        raise ConfirmationRequired(needed)
    try:
        return store.rollback(number, editor, based_on=current.number if current else None)
    except StaleVersion as exc:
        raise SaveConflict() from exc


def seed(store: Store) -> VersionInfo | None:
    """On first start the store gets the embedded default (the plan plus the 示例 values), both files kept."""
    if store.head() is not None:
        return None
    result = load_default()
    if result.dataset is None:
        raise RuntimeError("the embedded default data do not load")
    return store.seed(result.dataset, SEED_FILE_NAME, seed_archive())


def seed_archive() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in (PLAN_WORKBOOK, SAMPLE_WORKBOOK):
            archive.writestr(path.name, path.read_bytes())
    return out.getvalue()


def _conflict_label(conflict: Conflict) -> str:
    sheet = schema.BY_KEY[conflict.table]
    key = " / ".join(str(k) for k in conflict.key)
    return f"{sheet.name} {key}" + (f" {header(sheet, conflict.field)}" if conflict.field else "")
