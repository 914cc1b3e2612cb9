"""What SQLite and PostgreSQL share: every query and rule of the store, written once against a small dialect.

A backend says how to connect, how to take the store's single write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL:
a transaction-scoped advisory lock), how it stores times and JSON, and which of its errors mean a full disk.
Everything else (version numbers, compare-and-swap, the editor's session check, the login throttle, the audit
rows) lives here, so both backends keep the same guarantees by construction and the contract tests prove it.

Every write runs in one transaction under the write lock: a version number is max+1 read under the lock (the
UNIQUE constraint guards it anyway), its original, its audit row and the session refresh commit together or not
at all, and a crash before COMMIT leaves the previous version current.
"""

from __future__ import annotations

import json
import math
import re
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Callable, ClassVar, Iterator, Mapping

from .. import snapshot, texts
from ..model import Dataset
from . import migrations
from .interface import (
    AuditEntry, Clock, EditorRecord, EditorRequired, Kind, LockPolicy, LoginGate, LoginState, SessionExpired,
    StaleVersion, StoreFull, StoreUnavailable, Version, VersionInfo, VersionNotFound, sha256_of, summarise,
)
from .tokens import ABSOLUTE_LIMIT, Editor, new_secret, session_key, session_state

VERSION_COLUMNS = "number, created_at, editor, file_name, sha256, summary, kind, rolled_back_from"
EDITOR_COLUMNS = (
    "e.name, e.password_hash, e.created_at, COALESCE(t.failed_count, 0), t.locked_until"
    " FROM editors e LEFT JOIN login_throttle t ON t.name = e.name"
)
SESSION_LOOKUP = (
    "SELECT s.editor, s.issued_at, s.last_seen, s.revoked_at FROM sessions s JOIN editors e ON e.name = s.editor"
    " WHERE s.id = ?"
)


class SqlStore:
    """The store on a SQL database; subclasses provide the dialect (see the methods at the end)."""

    dialect: ClassVar[migrations.Dialect]

    def __init__(self, clock: Clock | None = None) -> None:
        self._clock: Clock = clock or _now
        # Test seam: called inside a write transaction just before COMMIT, to simulate a crash there.
        self._before_commit: Callable[[], None] | None = None
        self._migrate()

    # ----------------------------------------------------------------------- versions: reads

    def current(self) -> Version | None:
        with self._connection() as conn:
            row = self._q(
                conn, f"SELECT {VERSION_COLUMNS}, snapshot FROM versions ORDER BY number DESC LIMIT 1"
            ).fetchone()
        return None if row is None else self._version(row)

    def head(self) -> VersionInfo | None:
        """The latest version without its snapshot: cheap, to tell whether a cached Dataset is still current."""
        with self._connection() as conn:
            row = self._q(conn, f"SELECT {VERSION_COLUMNS} FROM versions ORDER BY number DESC LIMIT 1").fetchone()
        return None if row is None else self._info(row)

    def version(self, number: int) -> Version:
        with self._connection() as conn:
            row = self._q(
                conn, f"SELECT {VERSION_COLUMNS}, snapshot FROM versions WHERE number = ?", (number,)
            ).fetchone()
        if row is None:
            raise VersionNotFound(texts.VERSION_NOT_FOUND.format(number=number))
        return self._version(row)

    def history(self) -> list[VersionInfo]:
        with self._connection() as conn:
            rows = self._q(conn, f"SELECT {VERSION_COLUMNS} FROM versions ORDER BY number DESC").fetchall()
        return [self._info(row) for row in rows]

    def original(self, number: int) -> bytes:
        asked = number
        with self._connection() as conn:
            # A rollback keeps no copy of the file: follow it back to the version that brought the file.
            seen: set[int] = set()
            while number not in seen:
                seen.add(number)
                row = self._q(
                    conn,
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
        raise VersionNotFound(texts.VERSION_NOT_FOUND.format(number=asked))

    def find_by_hash(self, sha256: str) -> VersionInfo | None:
        with self._connection() as conn:
            row = self._q(
                conn, f"SELECT {VERSION_COLUMNS} FROM versions WHERE sha256 = ? ORDER BY number DESC LIMIT 1",
                (sha256.lower(),),
            ).fetchone()
        return None if row is None else self._info(row)

    # ----------------------------------------------------------------------- versions: writes

    def save(
        self, data: bytes, file_name: str, dataset: Dataset, summary: Mapping[str, object] | None, editor: Editor,
        based_on: int | None = None,
    ) -> VersionInfo:
        _require_editor_object(editor)
        blob = snapshot.dumps(dataset)  # outside the write lock: other writers wait only for the inserts
        described = _plain_json(dict(summary) if summary is not None else summarise(dataset))
        with self._write() as conn:
            now = self._clock()
            self._check_editor(conn, editor, now)
            number = self._next_number(conn, based_on)
            info = self._insert_version(
                conn, number, now, editor.name, file_name, sha256_of(data), described, blob, "upload", None
            )
            self._q(conn, "INSERT INTO originals (number, data) VALUES (?, ?)", (number, data))
            self._audit(conn, now, editor.name, "upload", {"file_name": file_name, "number": number})
        return info

    def rollback(self, number: int, editor: Editor, based_on: int | None = None) -> VersionInfo:
        _require_editor_object(editor)
        with self._write() as conn:
            now = self._clock()
            self._check_editor(conn, editor, now)
            row = self._q(
                conn, "SELECT file_name, sha256, summary, snapshot FROM versions WHERE number = ?", (number,)
            ).fetchone()
            if row is None:
                raise VersionNotFound(texts.VERSION_NOT_FOUND.format(number=number))
            new = self._next_number(conn, based_on)
            info = self._insert_version(
                conn, new, now, editor.name, row[0], row[1], self._dj(row[2]), bytes(row[3]), "rollback", number
            )
            self._audit(conn, now, editor.name, "rollback", {"source": number, "number": new})
        return info

    def seed(self, dataset: Dataset, file_name: str, data: bytes) -> VersionInfo | None:
        """The embedded data as version 1 on first start; a no-op once any version exists."""
        if self.head() is not None:
            return None  # every start calls this: skip the snapshot work (the check is repeated under the lock)
        blob = snapshot.dumps(dataset)
        with self._write() as conn:
            if self._q(conn, "SELECT 1 FROM versions LIMIT 1").fetchone() is not None:
                return None
            now = self._clock()
            info = self._insert_version(
                conn, 1, now, texts.SYSTEM_EDITOR, file_name, sha256_of(data), _plain_json(summarise(dataset)), blob,
                "seed", None,
            )
            self._q(conn, "INSERT INTO originals (number, data) VALUES (?, ?)", (1, data))
            self._audit(conn, now, texts.SYSTEM_EDITOR, "seed", {"file_name": file_name, "number": 1})
        return info

    # ----------------------------------------------------------------------- audit

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        sql = "SELECT time, editor, action, params FROM audit ORDER BY id DESC"
        if limit is not None:
            sql += f" LIMIT {max(int(limit), 0)}"
        with self._connection() as conn:
            rows = self._q(conn, sql).fetchall()
        return [AuditEntry(self._dt(r[0]), r[1], r[2], self._dj(r[3])) for r in rows]

    def log(self, editor: str, action: str, params: Mapping[str, object] | None = None) -> None:
        with self._write() as conn:
            self._audit(conn, self._clock(), editor, action, params or {})

    # ----------------------------------------------------------------------- editors

    def editor_record(self, name: str) -> EditorRecord | None:
        with self._connection() as conn:
            row = self._q(conn, f"SELECT {EDITOR_COLUMNS} WHERE e.name = ?", (name,)).fetchone()
        return None if row is None else self._editor_record(row)

    def editor_records(self) -> list[EditorRecord]:
        with self._connection() as conn:
            rows = self._q(conn, f"SELECT {EDITOR_COLUMNS} ORDER BY e.created_at, e.name").fetchall()
        return [self._editor_record(r) for r in rows]

    def insert_editor(self, name: str, password_hash: str, actor: str) -> bool:
        """False when the name is taken. The editor and its audit row are written together."""
        with self._write() as conn:
            now = self._clock()
            row = self._q(
                conn,
                "INSERT INTO editors (name, password_hash, created_at) VALUES (?, ?, ?)"
                " ON CONFLICT (name) DO NOTHING RETURNING name",
                (name, password_hash, self._t(now)),
            ).fetchone()
            if row is None:
                return False
            self._audit(conn, now, actor, "editor_added", {"name": name})
        return True

    def delete_editor(self, name: str, actor: str) -> bool:
        """Remove an editor and end every login they have, in one transaction; False when there is none."""
        with self._write() as conn:
            now = self._clock()
            if self._q(conn, "DELETE FROM editors WHERE name = ? RETURNING name", (name,)).fetchone() is None:
                return False
            live = self._q(
                conn, "SELECT issued_at, last_seen FROM sessions WHERE editor = ? AND revoked_at IS NULL", (name,)
            ).fetchall()
            ended = sum(session_state(self._dt(r[0]), self._dt(r[1]), False, now) == "ok" for r in live)
            self._q(
                conn, "UPDATE sessions SET revoked_at = ? WHERE editor = ? AND revoked_at IS NULL", (self._t(now), name)
            )
            self._audit(conn, now, actor, "editor_removed", {"name": name, "sessions": ended})
        return True

    # ----------------------------------------------------------------------- logins

    def login_state(self, name: str) -> LoginState:
        with self._connection() as conn:
            row = self._q(conn, "SELECT failed_count, locked_until FROM login_throttle WHERE name = ?", (name,)).fetchone()
        if row is None:
            return LoginState(0, None)
        return LoginState(row[0], self._dt(row[1]) if row[1] is not None else None)

    def begin_login(self, name: str, now: datetime, lock_for: LockPolicy) -> LoginGate:
        """Check the lock and count this attempt as a failure, atomically, before any password is checked.

        Parallel attempts queue on the write lock, so each sees the count and lock the previous one left: while
        a lock holds, every attempt is refused without a password check (and audited). A success later deletes
        the count (open_session). Works the same for a name that is no editor.
        """
        with self._write() as conn:
            row = self._q(conn, "SELECT failed_count, locked_until FROM login_throttle WHERE name = ?", (name,)).fetchone()
            count = row[0] if row is not None else 0
            locked = self._dt(row[1]) if row is not None and row[1] is not None else None
            if locked is not None and now < locked:
                wait = math.ceil((locked - now).total_seconds())
                self._audit(conn, now, name, "login_locked", {"seconds": wait})
                return LoginGate(False, count, locked, None)
            count += 1
            lock = lock_for(count)
            locked = now + lock if lock is not None else None
            self._q(
                conn,
                "INSERT INTO login_throttle (name, failed_count, locked_until) VALUES (?, ?, ?) ON CONFLICT (name)"
                " DO UPDATE SET failed_count = excluded.failed_count, locked_until = excluded.locked_until",
                (name, count, self._t(locked) if locked is not None else None),
            )
            found = self._q(conn, "SELECT password_hash FROM editors WHERE name = ?", (name,)).fetchone()
        return LoginGate(True, count, locked, found[0] if found is not None else None)

    def open_session(self, name: str, now: datetime) -> Editor:
        """For auth.attempt only, right after the password was verified: clear the count, start a session."""
        secret = new_secret()
        with self._write() as conn:
            if self._q(conn, "SELECT 1 FROM editors WHERE name = ?", (name,)).fetchone() is None:
                raise EditorRequired(texts.EDITOR_REQUIRED)  # removed between the password check and now
            self._q(conn, "DELETE FROM login_throttle WHERE name = ?", (name,))
            # Sessions past the absolute limit can never be used again: drop them so the table stays small.
            old = self._q(conn, "SELECT id, issued_at FROM sessions WHERE editor = ?", (name,)).fetchall()
            for key, issued in old:
                if now - self._dt(issued) >= ABSOLUTE_LIMIT:
                    self._q(conn, "DELETE FROM sessions WHERE id = ?", (key,))
            self._q(
                conn, "INSERT INTO sessions (id, editor, issued_at, last_seen, revoked_at) VALUES (?, ?, ?, ?, NULL)",
                (session_key(secret), name, self._t(now), self._t(now)),
            )
            self._audit(conn, now, name, "login", {})
        return Editor(name, now, secret)

    def resume_session(self, secret: str, now: datetime) -> Editor | None:
        """The editor of a live session (and its idle time restarts), or None."""
        if not isinstance(secret, str) or not secret:
            return None
        key = session_key(secret)
        with self._write() as conn:
            row = self._q(conn, SESSION_LOOKUP, (key,)).fetchone()
            if row is None:
                return None
            issued = self._dt(row[1])
            if session_state(issued, self._dt(row[2]), row[3] is not None, now) != "ok":
                return None
            self._q(conn, "UPDATE sessions SET last_seen = ? WHERE id = ?", (self._t(now), key))
        return Editor(row[0], issued, secret)

    def end_session(self, editor: Editor, now: datetime) -> bool:
        if not isinstance(editor, Editor) or not isinstance(editor.secret, str):
            return False
        with self._write() as conn:
            row = self._q(
                conn, "UPDATE sessions SET revoked_at = ? WHERE id = ? AND editor = ? AND revoked_at IS NULL RETURNING id",
                (self._t(now), session_key(editor.secret), editor.name),
            ).fetchone()
            if row is None:
                return False
            self._audit(conn, now, editor.name, "logout", {})
        return True

    # ----------------------------------------------------------------------- schema

    def schema_version(self) -> int:
        with self._connection() as conn:
            if not self._table_exists(conn, "schema_migrations"):
                return 0
            return self._q(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self) -> None:
        if self.schema_version() == migrations.LATEST:
            return  # the usual case: no write lock taken when opening an up-to-date store
        with self._write() as conn:
            if self._table_exists(conn, "schema_migrations"):
                applied = self._q(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]
            else:
                self._q(conn, migrations.MIGRATIONS_TABLE[self.dialect])
                # The previous release made its tables without recording a version: they are step 1.
                applied = 1 if self._table_exists(conn, "versions") else 0
                if applied:
                    self._record_migration(conn, migrations.MIGRATIONS[0])
            if applied > migrations.LATEST:
                raise StoreUnavailable(texts.STORE_SCHEMA_TOO_NEW.format(found=applied, known=migrations.LATEST))
            for step in migrations.pending(applied):
                for statement in step.statements(self.dialect):
                    self._q(conn, statement)
                self._record_migration(conn, step)

    def _record_migration(self, conn: Any, step: migrations.Migration) -> None:
        self._q(
            conn, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (step.version, step.name, self._t(self._clock())),
        )

    # ----------------------------------------------------------------------- shared plumbing

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One transaction under the store's write lock; a full disk becomes StoreFull after the rollback."""
        try:
            with self._connection() as conn:
                self._begin(conn)
                try:
                    yield conn
                    if self._before_commit is not None:
                        self._before_commit()
                    self._commit(conn)
                except BaseException:
                    self._rollback(conn)
                    raise
        except Exception as exc:
            if self._is_full(exc):
                raise StoreFull() from exc
            raise

    def _check_editor(self, conn: Any, editor: Editor, now: datetime) -> None:
        """The editor's session is live: it exists, is theirs, not revoked, not idle, not too old. Refreshed."""
        if not isinstance(editor.secret, str) or not editor.secret:
            raise EditorRequired(texts.EDITOR_REQUIRED)
        key = session_key(editor.secret)
        row = self._q(conn, SESSION_LOOKUP, (key,)).fetchone()
        if row is None or row[0] != editor.name:
            raise EditorRequired(texts.EDITOR_REQUIRED)
        if session_state(self._dt(row[1]), self._dt(row[2]), row[3] is not None, now) != "ok":
            raise SessionExpired()
        self._q(conn, "UPDATE sessions SET last_seen = ? WHERE id = ?", (self._t(now), key))

    def _next_number(self, conn: Any, based_on: int | None) -> int:
        head = self._q(conn, "SELECT COALESCE(MAX(number), 0) FROM versions").fetchone()[0]
        if based_on is not None and head != based_on:
            raise StaleVersion(current=head, based_on=based_on)
        return head + 1

    def _insert_version(
        self, conn: Any, number: int, created: datetime, editor: str, file_name: str, sha256: str,
        summary: dict[str, object], blob: bytes, kind: Kind, rolled_back_from: int | None,
    ) -> VersionInfo:
        self._q(
            conn,
            "INSERT INTO versions (number, created_at, editor, file_name, sha256, summary, snapshot, kind,"
            " rolled_back_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (number, self._t(created), editor, file_name, sha256, self._j(summary), blob, kind, rolled_back_from),
        )
        return VersionInfo(number, created, editor, file_name, sha256, summary, kind, rolled_back_from)

    def _audit(self, conn: Any, now: datetime, editor: str, action: str, params: Mapping[str, object]) -> None:
        self._q(
            conn, "INSERT INTO audit (time, editor, action, params) VALUES (?, ?, ?, ?)",
            (self._t(now), editor, action, self._j(_plain_json(dict(params)))),
        )

    def _info(self, row: tuple) -> VersionInfo:
        number, created_at, editor, file_name, sha256, summary, kind, rolled_back_from = row[:8]
        return VersionInfo(
            number, self._dt(created_at), editor, file_name, sha256, self._dj(summary), kind, rolled_back_from
        )

    def _version(self, row: tuple) -> Version:
        info = self._info(row)
        return Version(**vars(info), dataset=snapshot.loads(bytes(row[8])))

    def _editor_record(self, row: tuple) -> EditorRecord:
        name, password_hash, created_at, failed_count, locked_until = row
        return EditorRecord(
            name, password_hash, self._dt(created_at), failed_count,
            self._dt(locked_until) if locked_until is not None else None,
        )

    # ----------------------------------------------------------------------- the dialect (subclasses)

    def _connection(self) -> Any:  # a context manager yielding a connection in autocommit mode
        raise NotImplementedError

    def _begin(self, conn: Any) -> None:
        raise NotImplementedError

    def _commit(self, conn: Any) -> None:
        raise NotImplementedError

    def _rollback(self, conn: Any) -> None:
        raise NotImplementedError

    def _q(self, conn: Any, sql: str, params: tuple = ()) -> Any:
        raise NotImplementedError

    def _table_exists(self, conn: Any, name: str) -> bool:
        raise NotImplementedError

    def _is_full(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def _t(self, value: datetime) -> Any:
        raise NotImplementedError

    def _dt(self, value: Any) -> datetime:
        raise NotImplementedError

    def _j(self, value: dict[str, object]) -> Any:
        raise NotImplementedError

    def _dj(self, value: Any) -> dict[str, object]:
        raise NotImplementedError

    def close(self) -> None:
        pass


def _require_editor_object(editor: object) -> None:
    if not isinstance(editor, Editor):
        raise EditorRequired(texts.EDITOR_REQUIRED)


def _plain_json(value: dict[str, object]) -> dict[str, object]:
    # The same value either backend would give back (tuples become lists, keys strings).
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _now() -> datetime:
    return datetime.now().astimezone()


def redact_url(url: str) -> str:
    """A database URL fit for a message: the password replaced by ***."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    rest = re.sub(r"(?i)(password=)[^&]*", r"\1***", rest)
    credentials, at, host = rest.rpartition("@")
    if at and ":" in credentials:
        return f"{scheme}://{credentials.split(':')[0]}:***@{host}"
    return f"{scheme}://{rest}"
