"""The store's interface: what the pages and auth.py may ask of any backend, its records and its errors.

Every backend (sqlite.py, postgres.py) passes the same contract tests (tests/test_store_contract.py).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Literal, Mapping, Protocol, runtime_checkable

from .. import audit, texts
from ..model import Dataset
from .tokens import Editor

Kind = Literal["seed", "upload", "rollback"]
Clock = Callable[[], datetime]
LockPolicy = Callable[[int], "timedelta | None"]


class StoreError(Exception):
    """The store cannot do what was asked (the message is for the official)."""


class EditorRequired(StoreError, PermissionError):
    """A write came without a live login this store issued: no page can save without one."""


class SessionExpired(EditorRequired):
    """The login was real but has ended (idle, too old, logged out or the editor removed)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or texts.SESSION_EXPIRED)


class VersionNotFound(StoreError, LookupError):
    pass


class StaleVersion(StoreError):
    """A save or rollback based on a version that is no longer current: nothing was written.

    The upload layer re-applies its changes onto `current` and tries again.
    """

    def __init__(self, current: int | None, based_on: int | None = None) -> None:
        self.current = current
        self.based_on = based_on
        super().__init__(texts.STALE_VERSION.format(based_on=based_on, current=current))


class StoreFull(StoreError):
    """The disk under the store is full: the write was rolled back and nothing changed."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or texts.STORE_FULL)


class StoreUnavailable(StoreError):
    """The store cannot be opened or reached (a bad URL, a database that is down, a newer schema)."""


@dataclass(frozen=True)
class EditorRecord:
    name: str
    password_hash: str
    created_at: datetime
    failed_count: int  # failed logins in a row for this name (kept per name typed, see LoginGate)
    locked_until: datetime | None


@dataclass(frozen=True)
class LoginState:
    failed_count: int
    locked_until: datetime | None


@dataclass(frozen=True)
class LoginGate:
    """The answer of `begin_login`: refused while locked, else the attempt is counted and may check a password.

    `password_hash` is None for a name that is no editor; auth.py then checks a dummy hash, so both take as long.
    """

    allowed: bool
    failed_count: int
    locked_until: datetime | None
    password_hash: str | None


@dataclass(frozen=True)
class VersionInfo:
    number: int
    created_at: datetime
    editor: str
    file_name: str
    sha256: str
    summary: dict[str, object]
    kind: Kind
    rolled_back_from: int | None


@dataclass(frozen=True)
class Version(VersionInfo):
    dataset: Dataset


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: an action code and its parameters, put into words only when shown."""

    time: datetime
    editor: str
    action: str
    params: Mapping[str, object]

    @property
    def detail(self) -> str:
        """The line in words (kept for pages written before the codes; new pages use audit.display_rows)."""
        return audit.render(self.action, self.params)


@runtime_checkable
class Store(Protocol):
    # --- versions: reads
    def current(self) -> Version | None: ...
    def head(self) -> VersionInfo | None: ...
    def version(self, number: int) -> Version: ...
    def history(self) -> list[VersionInfo]: ...
    def original(self, number: int) -> bytes: ...
    def find_by_hash(self, sha256: str) -> VersionInfo | None: ...

    # --- versions: writes. `based_on` makes them compare-and-swap: StaleVersion when the head moved meanwhile.
    def save(
        self, data: bytes, file_name: str, dataset: Dataset, summary: Mapping[str, object] | None, editor: Editor,
        based_on: int | None = None,
    ) -> VersionInfo: ...
    def rollback(self, number: int, editor: Editor, based_on: int | None = None) -> VersionInfo: ...
    def seed(self, dataset: Dataset, file_name: str, data: bytes) -> VersionInfo | None: ...

    # --- audit: codes and parameters (audit.py puts them into words)
    def audit_log(self, limit: int | None = None) -> list[AuditEntry]: ...
    def log(self, editor: str, action: str, params: Mapping[str, object] | None = None) -> None: ...

    # --- editors: the records auth.py works on. Passwords never reach the store, only their hashes.
    def editor_record(self, name: str) -> EditorRecord | None: ...
    def editor_records(self) -> list[EditorRecord]: ...
    def insert_editor(self, name: str, password_hash: str) -> bool: ...
    def delete_editor(self, name: str) -> bool: ...

    # --- logins: counted before the password is checked, sessions that expire and can be revoked
    def login_state(self, name: str) -> LoginState: ...
    def begin_login(self, name: str, now: datetime, lock_for: LockPolicy) -> LoginGate: ...
    def open_session(self, name: str, now: datetime) -> Editor: ...
    def resume_session(self, secret: str, now: datetime) -> Editor | None: ...
    def end_session(self, editor: Editor, now: datetime) -> bool: ...

    def schema_version(self) -> int: ...
    def close(self) -> None: ...


def summarise(dataset: Dataset) -> dict[str, object]:
    """What a version holds, for the history list: its name and how many rows of each kind."""
    counts = {
        f.name: len(value)
        for f in dataclasses.fields(dataset)
        if isinstance(value := getattr(dataset, f.name), tuple)
    }
    return {"name": dataset.name, "is_sample": dataset.is_sample, "counts": counts}


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
