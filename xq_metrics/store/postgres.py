"""The store on PostgreSQL (psycopg 3), chosen by XQ_STORE=postgresql://…, so several replicas share one store.

Every write is one transaction that first takes a transaction-scoped advisory lock, the PostgreSQL form of
SQLite's BEGIN IMMEDIATE: writes from every replica queue there, so the version number is max+1 of what is
committed, the login count is read and raised by one attempt at a time, and the lock is released by COMMIT,
ROLLBACK or a dropped connection (a killed process never leaves it held). Reads take no lock.

Connections are kept in a small per-process pool. A forked child never touches its parent's connections: it
starts its own (closing an inherited one would end the parent's session on the server).
"""

from __future__ import annotations

import json
import os
import threading
import time
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Iterator

import psycopg
from psycopg import errors, pq
from psycopg.types.json import Jsonb

from .. import texts
from .base import SqlStore, redact_url
from .interface import Clock, StoreUnavailable

# Any constant works; this one spells "xq_store". One lock per database: stores in two schemas of one database
# would only queue behind each other, never mix.
WRITE_LOCK_KEY = 0x78715F73746F7265
POOL_SIZE = 4
CONNECT_TIMEOUT_S = 10
PING_AFTER_IDLE_S = 10.0

_INHERITED: list[psycopg.Connection] = []  # connections a forked child must keep alive and never use


class PostgresStore(SqlStore):
    dialect = "postgres"

    def __init__(self, url: str, clock: Clock | None = None, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self._pool = _Pool(url, pool_size)
        super().__init__(clock)

    def __repr__(self) -> str:
        return f"PostgresStore({redact_url(self.url)!r})"

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        try:
            with self._pool.connection() as conn:
                yield conn
        except psycopg.OperationalError as exc:
            if isinstance(exc, errors.DiskFull):
                raise
            # The database went away mid-call (restart, network): a message, not a traceback. Nothing half-done
            # stays: an unfinished transaction is rolled back by the server when the connection drops.
            raise StoreUnavailable(texts.STORE_UNREACHABLE.format(url=redact_url(self.url), reason=_reason(exc))) from exc

    def _begin(self, conn: psycopg.Connection) -> None:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))

    def _commit(self, conn: psycopg.Connection) -> None:
        conn.execute("COMMIT")

    def _rollback(self, conn: psycopg.Connection) -> None:
        if not conn.closed and conn.info.transaction_status != pq.TransactionStatus.IDLE:
            try:
                conn.execute("ROLLBACK")
            except psycopg.Error:
                pass  # the connection is gone; the server rolls back on its own, and the pool drops it

    def _q(self, conn: psycopg.Connection, sql: str, params: tuple = ()) -> psycopg.Cursor:
        # The shared SQL uses "?" placeholders and never a literal "?" or "%".
        return conn.execute(sql.replace("?", "%s"), params or None)

    def _table_exists(self, conn: psycopg.Connection, name: str) -> bool:
        # A plain query sees what other transactions committed before this statement; to_regclass would consult
        # the catalog snapshot, which may predate a replica's migration we just waited for on the write lock.
        return conn.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = %s)",
            (name,),
        ).fetchone()[0]

    def _is_full(self, exc: BaseException) -> bool:
        return isinstance(exc, errors.DiskFull)

    def _t(self, value: datetime) -> datetime:
        return value

    def _dt(self, value: datetime) -> datetime:
        return value.astimezone()  # the server's time zone is not the dashboard's: show local time

    def _j(self, value: dict[str, object]) -> Jsonb:
        return Jsonb(value)

    def _dj(self, value: Any) -> dict[str, object]:
        return json.loads(value) if isinstance(value, (str, bytes)) else value


class _Pool:
    """A few idle connections per process, in autocommit mode (each write sends its own BEGIN/COMMIT)."""

    def __init__(self, url: str, size: int) -> None:
        self._url = url
        self._size = size
        self._idle: list[tuple[psycopg.Connection, float]] = []  # with when each was given back
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self.ping_after_s = PING_AFTER_IDLE_S

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection]:
        conn = self._take()
        try:
            yield conn
        finally:
            self._give(conn)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        if self._pid == os.getpid():
            for conn, _ in idle:
                conn.close()

    def _take(self) -> psycopg.Connection:
        with self._lock:
            if self._pid != os.getpid():
                _INHERITED.extend(conn for conn, _ in self._idle)
                self._idle, self._pid = [], os.getpid()
            candidates, self._idle = self._idle[::-1], []
        for conn, returned in candidates:
            if self._alive(conn, returned):
                with self._lock:  # the rest go back: only this thread emptied the list
                    self._idle = [c for c in candidates if c[0] is not conn and not c[0].closed] + self._idle
                return conn
        try:
            return psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreUnavailable(texts.STORE_UNREACHABLE.format(url=redact_url(self._url), reason=_reason(exc))) from None

    def _alive(self, conn: psycopg.Connection, returned: float) -> bool:
        """A connection idle for a while may have been cut (a database restart): ask once, cheaply, before use."""
        if conn.closed or conn.broken:
            return False
        if time.monotonic() - returned < self.ping_after_s:
            return True
        try:
            conn.execute("SELECT 1")
            return True
        except psycopg.Error:
            conn.close()
            return False

    def _give(self, conn: psycopg.Connection) -> None:
        healthy = (
            not conn.closed and not conn.broken and conn.info.transaction_status == pq.TransactionStatus.IDLE
        )
        with self._lock:
            if healthy and self._pid == os.getpid() and len(self._idle) < self._size:
                self._idle.append((conn, time.monotonic()))
                return
        if self._pid == os.getpid():
            conn.close()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
