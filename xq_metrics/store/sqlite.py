"""The store in one SQLite file (the default, `var/xq.sqlite3`).

SQLite is used the way that keeps it safe under several Streamlit sessions and processes at once: WAL, a busy
timeout, one short connection per call (safe from any thread or process, and SQLite opens in microseconds), and
every write inside `BEGIN IMMEDIATE`, which takes the write lock at once, so reads inside the transaction see
what the write will be based on.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from .base import SqlStore
from .interface import Clock, StoreFull

BUSY_TIMEOUT_MS = 10_000


class SqliteStore(SqlStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path, clock: Clock | None = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _create_private(self.path)
        self._keeper: sqlite3.Connection | None = None
        self._keeper_pid = 0
        try:
            self._use_wal()
            self._keep_open()
        except sqlite3.Error as exc:
            if self._is_full(exc):
                raise StoreFull() from exc
            raise
        super().__init__(clock)

    def close(self) -> None:
        if self._keeper is not None and self._keeper_pid == os.getpid():
            self._keeper.close()
        self._keeper = None

    def _keep_open(self) -> None:
        """Hold one idle connection for the life of the store, so the -wal and -shm files are never removed.

        SQLite deletes them when a process's last connection closes, and must create them again to read: on a
        full disk that fails, and viewers would lose the dashboard with the writers. Kept open, the files stay,
        reads go on, and only writes meet the full disk (StoreFull). It holds no transaction, so it never delays a
        checkpoint or a writer. Opened once per process: a forked child must not use its parent's connection.
        """
        if self._keeper_pid == os.getpid():
            return
        keeper = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        keeper.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # a read opens the WAL and holds it open
        self._keeper, self._keeper_pid = keeper, os.getpid()

    def _use_wal(self) -> None:
        # Switching to WAL needs the database to itself and does not wait on the busy timeout: processes that
        # open a new file together retry here (the switch is persistent, so later opens only read the mode).
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            with self._connection() as conn:
                if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                    return
                try:
                    conn.execute("PRAGMA journal_mode = WAL")
                    return
                except sqlite3.OperationalError as exc:
                    if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                        raise
            time.sleep(0.02)

    def __repr__(self) -> str:
        return f"SqliteStore({str(self.path)!r})"

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            yield conn
        finally:
            conn.close()

    def _begin(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")

    def _commit(self, conn: sqlite3.Connection) -> None:
        conn.execute("COMMIT")

    def _rollback(self, conn: sqlite3.Connection) -> None:
        if conn.in_transaction:  # SQLite may have rolled back already (e.g. after SQLITE_FULL)
            conn.execute("ROLLBACK")

    def _q(self, conn: sqlite3.Connection, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        return conn.execute(sql, params)

    def _table_exists(self, conn: sqlite3.Connection, name: str) -> bool:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None

    def _is_full(self, exc: BaseException) -> bool:
        code = getattr(exc, "sqlite_errorcode", None)
        return isinstance(exc, sqlite3.Error) and code is not None and code & 0xFF == sqlite3.SQLITE_FULL

    # Times as ISO text with their offset (the previous release's form); JSON as text.
    def _t(self, value: datetime) -> str:
        return value.isoformat()

    def _dt(self, value: str) -> datetime:
        return datetime.fromisoformat(value)

    def _j(self, value: dict[str, object]) -> str:
        return json.dumps(value, ensure_ascii=False)

    def _dj(self, value: str) -> dict[str, object]:
        return json.loads(value)


def _create_private(path: Path) -> None:
    # The file holds password hashes: readable by the service account only. SQLite gives -wal/-shm the same mode.
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
