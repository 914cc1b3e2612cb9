"""The upload page's work on whole data sets (check, save, rollback), each in a child process.

Checking a workbook builds a data set, a change set and a preview of up to hundreds of thousands of small objects.
Made in the dashboard's own process, their memory stayed with the allocator after they were freed, in arenas that
a few live objects kept: eight uploads took a server from 188 to over 500 MB (issue 10, bench/soak.py). Here a
child of the fork server (isolation.py) does that work against the store, and hands back only what the page
shows: the findings, the counts and the first rows of the preview. Its memory goes back to the system when it
ends, and a file that exhausts it stops the child, not the dashboard.

Saving checks the file again in its own child, against the version its preview was made against, and saves as
upload.save does (onto the version current at save time, merging): what is saved is what was previewed, and the
page never holds the upload's data set. The CLI calls upload.py directly: its process ends after one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as replace_fields

from . import diff, language, texts, upload
from .diff import Confirmation, PreviewPage
from .findings import Finding
from .isolation import GB, MB, Failure, Limits, Outcome, limit_finding, run
from .report import totals
from .store import Editor, StoreError, VersionInfo, open_store

# The bench workbook (200,000 figures) checked against the plan's data took 470 MB of address space and 5 s of CPU
# here, its reading child apart (that has its own, tighter limits: isolation.READ_LIMITS). A data set of that size
# in use, a preview of every figure and a busy machine fit well inside these; a file built to exhaust us does not.
WORK_LIMITS = Limits(memory_bytes=4 * GB, cpu_seconds=300, wall_seconds=600, output_bytes=64 * MB)


@dataclass(frozen=True)
class CheckedFile(upload.Checked):
    """An upload as the page shows it, and what a save needs to check it again: never its data set."""

    file_name: str
    data: bytes
    base_version: int | None  # the version it was checked against
    replace: frozenset[str]  # tables the official chose to replace as a whole
    ok: bool
    green: bool
    headline: upload.Headline
    findings: list[Finding]
    same_as: VersionInfo | None  # a version that holds exactly this file already
    preview: PreviewPage | None


class Refused(Exception):
    """Nothing was saved or rolled back; the message says why, for the official."""


def check(location: str, data: bytes, file_name: str, replace: tuple[str, ...], limit: int) -> CheckedFile:
    """upload.check against the current version of the store at `location`, in a child; the first `limit` changes
    of its preview."""
    outcome = run(_check, location, data, file_name, tuple(replace), limit, language.current(), limits=WORK_LIMITS)
    if outcome.value is not None:
        # The file and its name as we sent them: the child does not send 2 MB back, and is not trusted to.
        return replace_fields(outcome.value, data=data, file_name=file_name, replace=frozenset(replace))
    assert outcome.failure is not None
    stopped = limit_finding(outcome.failure)
    errors, warnings, notes = totals([stopped])
    return CheckedFile(
        file_name, data, None, frozenset(replace), False, False, upload.Headline(errors, warnings, notes, 0, 0, 0),
        [stopped], None, None,
    )


def save(location: str, checked: CheckedFile, editor: Editor, confirmed: Confirmation | None = None) -> VersionInfo:
    """upload.save of `checked` in a child; Refused names what stopped it."""
    if not checked.ok or checked.preview is None:
        raise ValueError("a file with errors cannot be saved")
    return _answer(run(
        _save, location, checked.data, checked.file_name, tuple(checked.replace), checked.base_version, editor,
        confirmed, language.current(), limits=WORK_LIMITS,
    ))


def rollback_preview(location: str, number: int, limit: int) -> PreviewPage:
    """What making version `number` current again would change; Refused when the child was stopped."""
    outcome = run(_rollback_preview, location, number, limit, language.current(), limits=WORK_LIMITS)
    if outcome.value is None:
        raise Refused(_stopped(outcome.failure))
    return outcome.value


def rollback(location: str, number: int, editor: Editor, confirmed: Confirmation | None = None) -> VersionInfo:
    return _answer(run(_rollback, location, number, editor, confirmed, language.current(), limits=WORK_LIMITS))


@dataclass(frozen=True)
class _Done:
    version: VersionInfo | None
    refused: str = ""


def _answer(outcome: Outcome[_Done]) -> VersionInfo:
    if outcome.value is None:
        raise Refused(_stopped(outcome.failure))
    if outcome.value.version is None:
        raise Refused(outcome.value.refused)
    return outcome.value.version


def _stopped(failure: Failure | None) -> str:
    if failure is not None and failure.limit == "busy":
        return texts.WORK_BUSY  # it never started: nothing was written
    # The child may have been stopped after its write was committed: the official is told where to look.
    limit = failure.limit if failure is not None and failure.limit in texts.READ_LIMITS else "error"
    return texts.WORK_STOPPED.format(limit=texts.READ_LIMITS[limit])


# --------------------------------------------------------------------------- in the child


def _check(location: str, data: bytes, file_name: str, replace: tuple[str, ...], limit: int, speaking: str) -> CheckedFile:
    language.use(speaking)  # the findings are worded here, in the language of the page that asked
    checked = upload.check(open_store(location), data, file_name, replace=replace)
    return CheckedFile(
        "", b"", checked.base_version, frozenset(), checked.ok, checked.green, checked.headline, checked.findings,
        checked.same_as, diff.page(checked.preview, limit) if checked.preview else None,
    )


def _save(
    location: str, data: bytes, file_name: str, replace: tuple[str, ...], base_version: int | None, editor: Editor,
    confirmed: Confirmation | None, speaking: str,
) -> _Done:
    language.use(speaking)
    store = open_store(location)
    try:
        checked = upload.check(store, data, file_name, replace=replace, against=base_version)
        if not checked.ok:  # it passed at preview, against the same version: not expected, and never saved
            raise upload.SaveConflict(findings=checked.findings)
        return _Done(upload.save(store, checked, editor, confirmed))
    except (upload.SaveConflict, upload.ConfirmationRequired, StoreError) as refused:
        return _Done(None, str(refused))


def _rollback_preview(location: str, number: int, limit: int, speaking: str) -> PreviewPage:
    language.use(speaking)
    return diff.page(upload.rollback_preview(open_store(location), number), limit)


def _rollback(location: str, number: int, editor: Editor, confirmed: Confirmation | None, speaking: str) -> _Done:
    language.use(speaking)
    try:
        return _Done(upload.rollback(open_store(location), number, editor, confirmed))
    except (upload.SaveConflict, upload.ConfirmationRequired, StoreError) as refused:
        return _Done(None, str(refused))
