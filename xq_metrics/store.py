"""Versioned storage of the data set in use: every upload, rollback and login, kept behind one small interface.

`Store` is the interface the pages use; `SqliteStore` is the only implementation and `open_store` picks it, so a
server database later changes `open_store` and a new class, nothing else. Every write needs an `Editor`, which
only `auth.login` hands out (the seed on first start is the one exception).

SQLite is used the way that keeps it safe under several Streamlit sessions at once: WAL, a busy timeout, one
short connection per call, and every write inside `BEGIN IMMEDIATE`, so a version number is max+1 taken under the
write lock (the UNIQUE constraint guards it anyway) and a crash mid-write leaves the previous version intact.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, Iterator, Literal, Mapping, Protocol, runtime_checkable

from . import snapshot, texts
from .model import Dataset

STORE_ENV = "XQ_STORE"
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "var" / "xq.sqlite3"
BUSY_TIMEOUT_MS = 10_000
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"

Kind = Literal["seed", "upload", "rollback"]
Clock = Callable[[], datetime]

SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    number INTEGER UNIQUE NOT NULL CHECK (number > 0),
    created_at TEXT NOT NULL,
    editor TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    summary TEXT NOT NULL CHECK (json_valid(summary)),
    snapshot BLOB NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('seed', 'upload', 'rollback')),
    rolled_back_from INTEGER REFERENCES versions (number),
    CHECK ((kind = 'rollback') = (rolled_back_from IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS versions_by_sha256 ON versions (sha256);
CREATE TABLE IF NOT EXISTS originals (
    number INTEGER PRIMARY KEY REFERENCES versions (number),
    data BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    editor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS editors (
    name TEXT UNIQUE NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    failed_count INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);
"""
VERSION_COLUMNS = "number, created_at, editor, file_name, sha256, summary, kind, rolled_back_from"


class StoreError(Exception):
    """The store cannot do what was asked (the message is for the official)."""


class EditorRequired(StoreError, PermissionError):
    """A write came without an editor this store issued: no page can save without a login."""


class VersionNotFound(StoreError, LookupError):
    pass


class StaleVersion(StoreError):
    """A save or rollback was based on a version that is no longer the current one: nothing was written."""

    def __init__(self, current: int | None) -> None:
        super().__init__(texts.STALE_VERSION.format(number=current))
        self.current = current


@dataclass(frozen=True)
class Editor:
    """A logged-in editor. Only `auth.login` mints one; the store checks its token on every write.

    The token is an HMAC keyed with the editor's stored password hash, so it cannot be made without a successful
    login (or write access to the database itself), and it stops working when the editor is removed or their
    password changes.
    """

    name: str
    issued_at: str
    _token: str = field(repr=False)


@dataclass(frozen=True)
class EditorRecord:
    name: str
    password_hash: str
    created_at: datetime
    failed_count: int
    locked_until: datetime | None


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
    time: datetime
    editor: str
    action: str
    detail: str


@runtime_checkable
class Store(Protocol):
    def current(self) -> Version | None: ...
    def head(self) -> VersionInfo | None: ...
    def version(self, number: int) -> Version: ...
    def history(self) -> list[VersionInfo]: ...
    def original(self, number: int) -> bytes: ...
    def find_by_hash(self, sha256: str) -> VersionInfo | None: ...
    def save(
        self, data: bytes, file_name: str, dataset: Dataset, summary: Mapping[str, object] | None, editor: Editor,
        based_on: int | None = None,
    ) -> VersionInfo: ...
    def rollback(self, number: int, editor: Editor, based_on: int | None = None) -> VersionInfo: ...
    def seed(self, dataset: Dataset, file_name: str, data: bytes) -> VersionInfo | None: ...
    def audit_log(self, limit: int | None = None) -> list[AuditEntry]: ...
    def log(self, editor: str, action: str, detail: str = "") -> None: ...
    # Editors: the records auth.py works on. Passwords never reach the store, only their hashes.
    def editor_record(self, name: str) -> EditorRecord | None: ...
    def editor_records(self) -> list[EditorRecord]: ...
    def insert_editor(self, name: str, password_hash: str) -> bool: ...
    def delete_editor(self, name: str) -> bool: ...
    def add_failure(self, name: str, now: datetime, lock_for: Callable[[int], timedelta | None]) -> int: ...
    def reset_failures(self, name: str) -> None: ...


def default_location() -> str:
    return os.environ.get(STORE_ENV) or str(DEFAULT_PATH)


def open_store(url_or_path: str | Path | None = None) -> Store:
    """The store at a path or URL (default: $XQ_STORE, else var/xq.sqlite3). The one place to add a backend."""
    target = str(url_or_path) if url_or_path else default_location()
    if target.lower().startswith(POSTGRES_SCHEMES):
        raise NotImplementedError(texts.STORE_POSTGRES_PENDING.format(url=_without_password(target)))
    if target.lower().startswith(SQLITE_SCHEME):
        target = target[len(SQLITE_SCHEME):]
    elif "://" in target:
        raise ValueError(f"unsupported store URL: {_without_password(target)}")
    return SqliteStore(target)


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


class SqliteStore:
    def __init__(self, path: str | Path, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self._clock = clock or _now
        # Test seam: called inside a write transaction just before COMMIT, to simulate a crash there.
        self._before_commit: Callable[[], None] | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(self.path)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode = WAL")
        with self._write() as conn:
            for statement in _statements(SCHEMA):
                conn.execute(statement)

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    # ----------------------------------------------------------------------- versions

    def current(self) -> Version | None:
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {VERSION_COLUMNS}, snapshot FROM versions ORDER BY number DESC LIMIT 1"
            ).fetchone()
        return None if row is None else _version(row)

    def head(self) -> VersionInfo | None:
        """The latest version without its snapshot: cheap, to tell whether a cached Dataset is still current."""
        with self._connect() as conn:
            row = conn.execute(f"SELECT {VERSION_COLUMNS} FROM versions ORDER BY number DESC LIMIT 1").fetchone()
        return None if row is None else _info(row)

    def version(self, number: int) -> Version:
        with self._connect() as conn:
            row = conn.execute(f"SELECT {VERSION_COLUMNS}, snapshot FROM versions WHERE number = ?", (number,)).fetchone()
        if row is None:
            raise VersionNotFound(texts.VERSION_NOT_FOUND.format(number=number))
        return _version(row)

    def history(self) -> list[VersionInfo]:
        with self._connect() as conn:
            rows = conn.execute(f"SELECT {VERSION_COLUMNS} FROM versions ORDER BY number DESC").fetchall()
        return [_info(row) for row in rows]

    def original(self, number: int) -> bytes:
        with self._connect() as conn:
            # A rollback keeps no copy of the file: follow it back to the version that brought the file.
            seen: set[int] = set()
            while number not in seen:
                seen.add(number)
                row = conn.execute(
                    "SELECT v.rolled_back_from, o.data FROM versions v LEFT JOIN originals o ON o.number = v.number"
                    " WHERE v.number = ?",
                    (number,),
                ).fetchone()
                if row is None:
                    break
                if row[1] is not None:
                    return bytes(row[1])
                if row[0] is None:
                    break
                number = row[0]
        raise VersionNotFound(texts.VERSION_NOT_FOUND.format(number=number))

    def find_by_hash(self, sha256: str) -> VersionInfo | None:
        with self._connect() as conn:
            row = conn.execute(
                f"SELECT {VERSION_COLUMNS} FROM versions WHERE sha256 = ? ORDER BY number DESC LIMIT 1",
                (sha256.lower(),),
            ).fetchone()
        return None if row is None else _info(row)

    def save(
        self, data: bytes, file_name: str, dataset: Dataset, summary: Mapping[str, object] | None, editor: Editor,
        based_on: int | None = None,
    ) -> VersionInfo:
        """A new version; with `based_on`, only if that is still the current version (else StaleVersion)."""
        _require_editor_object(editor)
        blob = snapshot.dumps(dataset)  # outside the write lock: other writers wait only for the inserts
        summary_json = json.dumps(dict(summary) if summary is not None else summarise(dataset), ensure_ascii=False)
        with self._write() as conn:
            self._check_editor(conn, editor)
            number = _next_number(conn)
            if based_on is not None and number - 1 != based_on:
                raise StaleVersion(number - 1)
            info = self._insert_version(
                conn, number, editor.name, file_name, sha256_of(data), summary_json, blob, "upload", None
            )
            conn.execute("INSERT INTO originals (number, data) VALUES (?, ?)", (number, data))
            self._audit(conn, editor.name, "upload", texts.AUDIT_UPLOAD.format(file_name=file_name, number=number))
        return info

    def rollback(self, number: int, editor: Editor, based_on: int | None = None) -> VersionInfo:
        _require_editor_object(editor)
        with self._write() as conn:
            self._check_editor(conn, editor)
            if based_on is not None and _next_number(conn) - 1 != based_on:
                raise StaleVersion(_next_number(conn) - 1)
            row = conn.execute(
                "SELECT file_name, sha256, summary, snapshot FROM versions WHERE number = ?", (number,)
            ).fetchone()
            if row is None:
                raise VersionNotFound(texts.VERSION_NOT_FOUND.format(number=number))
            new = _next_number(conn)
            info = self._insert_version(conn, new, editor.name, row[0], row[1], row[2], row[3], "rollback", number)
            self._audit(conn, editor.name, "rollback", texts.AUDIT_ROLLBACK.format(source=number, number=new))
        return info

    def seed(self, dataset: Dataset, file_name: str, data: bytes) -> VersionInfo | None:
        """The embedded data as version 1 on first start; a no-op once any version exists."""
        if self.head() is not None:
            return None  # every start calls this: skip the snapshot work (the check is repeated under the lock)
        blob = snapshot.dumps(dataset)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM versions LIMIT 1").fetchone() is not None:
                return None
            summary_json = json.dumps(summarise(dataset), ensure_ascii=False)
            info = self._insert_version(
                conn, 1, texts.SYSTEM_EDITOR, file_name, sha256_of(data), summary_json, blob, "seed", None
            )
            conn.execute("INSERT INTO originals (number, data) VALUES (?, ?)", (1, data))
            self._audit(conn, texts.SYSTEM_EDITOR, "seed", texts.AUDIT_SEED.format(file_name=file_name, number=1))
        return info

    # ----------------------------------------------------------------------- audit

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT time, editor, action, detail FROM audit ORDER BY id DESC LIMIT ?", (-1 if limit is None else limit,)
            ).fetchall()
        return [AuditEntry(datetime.fromisoformat(r[0]), r[1], r[2], r[3]) for r in rows]

    def log(self, editor: str, action: str, detail: str = "") -> None:
        with self._write() as conn:
            self._audit(conn, editor, action, detail)

    # ----------------------------------------------------------------------- editors

    def editor_record(self, name: str) -> EditorRecord | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT name, password_hash, created_at, failed_count, locked_until FROM editors WHERE name = ?",
                (name,),
            ).fetchone()
        return None if row is None else _editor_record(row)

    def editor_records(self) -> list[EditorRecord]:
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT name, password_hash, created_at, failed_count, locked_until FROM editors ORDER BY created_at, name"
            ).fetchall()
        return [_editor_record(r) for r in rows]

    def insert_editor(self, name: str, password_hash: str) -> bool:
        """False when the name is taken."""
        with self._write() as conn:
            try:
                conn.execute(
                    "INSERT INTO editors (name, password_hash, created_at) VALUES (?, ?, ?)",
                    (name, password_hash, self._clock().isoformat()),
                )
            except sqlite3.IntegrityError:
                return False
        return True

    def delete_editor(self, name: str) -> bool:
        with self._write() as conn:
            return conn.execute("DELETE FROM editors WHERE name = ?", (name,)).rowcount > 0

    def add_failure(self, name: str, now: datetime, lock_for: Callable[[int], timedelta | None]) -> int:
        """Count one failed login and set the lock the policy asks for, in one transaction; the new count."""
        with self._write() as conn:
            row = conn.execute(
                "UPDATE editors SET failed_count = failed_count + 1 WHERE name = ? RETURNING failed_count", (name,)
            ).fetchone()
            if row is None:
                return 0
            lock = lock_for(row[0])
            if lock is not None:
                conn.execute(
                    "UPDATE editors SET locked_until = ? WHERE name = ?", ((now + lock).isoformat(), name)
                )
            return row[0]

    def reset_failures(self, name: str) -> None:
        with self._write() as conn:
            conn.execute("UPDATE editors SET failed_count = 0, locked_until = NULL WHERE name = ?", (name,))

    # ----------------------------------------------------------------------- plumbing

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # One short connection per call: safe from any thread or process, and SQLite opens in microseconds.
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._connect() as conn:
            # IMMEDIATE takes the write lock now, so reads inside (max+1) see what the write will be based on.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                if self._before_commit is not None:
                    self._before_commit()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _check_editor(self, conn: sqlite3.Connection, editor: Editor) -> None:
        row = conn.execute("SELECT password_hash FROM editors WHERE name = ?", (editor.name,)).fetchone()
        if row is None or not hmac.compare_digest(_token(row[0], editor.name, editor.issued_at), editor._token):
            raise EditorRequired(texts.EDITOR_REQUIRED)

    def _insert_version(
        self, conn: sqlite3.Connection, number: int, editor: str, file_name: str, sha256: str, summary_json: str,
        blob: bytes, kind: Kind, rolled_back_from: int | None,
    ) -> VersionInfo:
        created = self._clock()
        conn.execute(
            "INSERT INTO versions (number, created_at, editor, file_name, sha256, summary, snapshot, kind,"
            " rolled_back_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (number, created.isoformat(), editor, file_name, sha256, summary_json, blob, kind, rolled_back_from),
        )
        return VersionInfo(number, created, editor, file_name, sha256, json.loads(summary_json), kind, rolled_back_from)

    def _audit(self, conn: sqlite3.Connection, editor: str, action: str, detail: str) -> None:
        conn.execute(
            "INSERT INTO audit (time, editor, action, detail) VALUES (?, ?, ?, ?)",
            (self._clock().isoformat(), editor, action, detail),
        )


# --------------------------------------------------------------------------- editor tokens (auth.py mints)


def _token(password_hash: str, name: str, issued_at: str) -> str:
    message = f"{name}\x00{issued_at}".encode("utf-8")
    return hmac.new(password_hash.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _mint_editor(record: EditorRecord, now: datetime) -> Editor:
    """For auth.login only, right after the password was verified against `record`."""
    issued_at = now.isoformat()
    return Editor(record.name, issued_at, _token(record.password_hash, record.name, issued_at))


def _require_editor_object(editor: object) -> None:
    if not isinstance(editor, Editor):
        raise EditorRequired(texts.EDITOR_REQUIRED)


# --------------------------------------------------------------------------- rows


def _info(row: tuple) -> VersionInfo:
    number, created_at, editor, file_name, sha256, summary, kind, rolled_back_from = row[:8]
    return VersionInfo(
        number, datetime.fromisoformat(created_at), editor, file_name, sha256, json.loads(summary), kind,
        rolled_back_from,
    )


def _version(row: tuple) -> Version:
    info = _info(row)
    return Version(**{f.name: getattr(info, f.name) for f in dataclasses.fields(info)}, dataset=snapshot.loads(row[8]))


def _editor_record(row: tuple) -> EditorRecord:
    name, password_hash, created_at, failed_count, locked_until = row
    return EditorRecord(
        name, password_hash, datetime.fromisoformat(created_at), failed_count,
        datetime.fromisoformat(locked_until) if locked_until else None,
    )


def _next_number(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM versions").fetchone()[0]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _create_private(path: Path) -> None:
    # The file holds password hashes: readable by the service account only. SQLite gives -wal/-shm the same mode.
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass


def _without_password(url: str) -> str:
    scheme, _, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    return f"{scheme}://{credentials.split(':')[0]}:***@{host}" if at else url


def _now() -> datetime:
    return datetime.now().astimezone()
