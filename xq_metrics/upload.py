"""The upload flow without the page: check a file against the data in use, preview it, save it, seed the store.

Nothing here writes unless `save` is called with an Editor, so checking and previewing can never change the
data in use.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime

from . import texts
from .defaults import PLAN_WORKBOOK, SAMPLE_WORKBOOK, load_default
from .diff import Preview, preview
from .findings import Finding
from .loader import LoadResult, load
from .report import counts, finding_rows, report_workbook
from .store import Editor, Store, VersionInfo, sha256_of, summarise

SEED_FILE_NAME = texts.SEED_FILE_NAME


@dataclass(frozen=True)
class UploadCheck:
    file_name: str
    data: bytes
    result: LoadResult
    preview: Preview | None  # None when the file has errors
    same_as: VersionInfo | None  # a version that holds exactly this file already

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def findings(self) -> list[Finding]:
        return self.result.findings

    def counts(self) -> list[dict[str, object]]:
        return counts(self.findings)

    def rows(self) -> list[dict[str, object]]:
        return finding_rows(self.findings)

    def report_json(self) -> bytes:
        body = {"file": self.file_name, "ok": self.ok, "findings": [f.to_dict() for f in self.findings]}
        return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")

    def report_xlsx(self) -> bytes:
        return report_workbook(self.data, self.file_name, self.findings)


def check(store: Store, data: bytes, file_name: str, now: datetime | None = None) -> UploadCheck:
    current = store.current()
    base = current.dataset if current else None
    result = load(data, file_name=file_name, base=base, now=now)
    change = None
    if result.dataset is not None:
        change = preview(base, result.dataset, set(result.sheets))
    return UploadCheck(file_name, data, result, change, store.find_by_hash(sha256_of(data)))


def save(store: Store, checked: UploadCheck, editor: Editor) -> VersionInfo:
    """The checked file becomes the current version for every user. Refuses a file with errors."""
    if checked.result.dataset is None:
        raise ValueError("a file with errors cannot be saved")
    dataset = checked.result.dataset
    return store.save(checked.data, checked.file_name, dataset, summarise(dataset), editor)


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

