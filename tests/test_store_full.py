"""A full disk, for real: the store on a small tmpfs filled to the last byte, on SQLite and on PostgreSQL.

SQLite's file lives on the tmpfs; PostgreSQL's database lives in a tablespace on it (its WAL stays on the big
disk, as the table files are what grows). Every write that needs space must fail with StoreFull, whose message
says in Chinese that the disk is full and nothing changed, and nothing must change: no version, no count, no
audit row. Once space is freed, the store works on as before.

Mounting needs root (as `make test` and CI run); elsewhere these tests fail and say so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pwd
import secrets
import sqlite3
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.backends import BACKENDS
from tests.pgserver import PgServer
from tests.storetools import PASSWORD, count, integrity_ok, raw, tiny
from xq_metrics import auth, texts
from xq_metrics.store import Store, StoreFull, is_postgres, open_store

TMPFS_MB = {"sqlite": 4, "postgres": 40}  # PostgreSQL copies its template database (~8 MB) into the tablespace


@contextlib.contextmanager
def tmpfs(megabytes: int) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.fail("the full-disk tests mount a small tmpfs and need root (make test runs as root in CI)")
    folder = Path(tempfile.mkdtemp(prefix="xq-tiny-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0755", "tmpfs", str(folder)],
        capture_output=True, text=True,
    )
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.fail(f"could not mount a {megabytes} MB tmpfs for the full-disk test: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


@dataclass
class TinyDisk:
    url: str
    folder: Path
    before_fill: Callable[[], None]

    def fill(self) -> None:
        """Use up every free byte of the tmpfs (after letting the backend settle what it has in hand)."""
        self.before_fill()
        fd = os.open(self.folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for chunk in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
                try:
                    while os.write(fd, b"\0" * chunk) > 0:
                        pass
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
        finally:
            os.close(fd)
        assert os.statvfs(self.folder).f_bavail == 0

    def free(self) -> None:
        (self.folder / "filler").unlink()


@pytest.fixture(params=BACKENDS)
def tiny_disk(request: pytest.FixtureRequest) -> Iterator[TinyDisk]:
    with tmpfs(TMPFS_MB[request.param]) as folder:
        if request.param == "sqlite":
            path = folder / "xq.sqlite3"

            def checkpoint() -> None:
                # Empty the WAL into the file and truncate it, so the next write has to grow the WAL again.
                with sqlite3.connect(path) as conn:
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.close()

            yield TinyDisk(str(path), folder, checkpoint)
        else:
            server: PgServer = request.getfixturevalue("pg_server")
            if server.user is not None:
                account = pwd.getpwnam(server.user)
                os.chown(folder, account.pw_uid, account.pw_gid)
            name = "tiny_" + uuid.uuid4().hex[:12]
            with server.admin() as conn:
                conn.execute(f"CREATE TABLESPACE {name} LOCATION '{folder}'")
                conn.execute(f"CREATE DATABASE {name} TABLESPACE {name}")

            def checkpoint() -> None:
                with server.admin(name) as conn:
                    conn.execute("CHECKPOINT")

            try:
                yield TinyDisk(server.url(name), folder, checkpoint)
            finally:
                with server.admin() as conn:
                    conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
                    conn.execute(f"DROP TABLESPACE IF EXISTS {name}")


def refused_as_full(action: Callable[[], object]) -> StoreFull:
    with pytest.raises(StoreFull) as raised:
        action()
    message = str(raised.value)
    assert "磁盘已满" in message and "没有任何变化" in message and message == texts.STORE_FULL
    return raised.value


def test_a_full_disk_refuses_every_write_clearly_and_changes_nothing(tiny_disk: TinyDisk) -> None:
    store: Store = open_store(tiny_disk.url)
    try:
        # An editor added straight into the table, so the audit log is still empty and has no page to spare.
        raw(tiny_disk.url, "INSERT INTO editors (name, password_hash, created_at) VALUES (?, ?, ?)",
            ("张三", auth.hash_password(PASSWORD), "2025-06-01T09:00:00+08:00"))
        tiny_disk.fill()

        # First start on a full disk: the seed, a login's count, an audit row.
        refused_as_full(lambda: store.seed(tiny("规划"), "seed.zip", b"seed"))
        assert auth.attempt(store, "张三", "wrong password").refusal == "full"
        assert auth.attempt(store, "张三", PASSWORD).message == texts.STORE_FULL  # the right one is not let in either
        refused_as_full(lambda: store.log("命令行", "editor_added", {"name": "李四"}))
        tiny_disk.free()
        assert store.head() is None and store.audit_log() == []
        assert store.login_state("张三").failed_count == 0 and count(tiny_disk.url, "sessions") == 0

        # With data in place (a version larger than any free room a page may have), the disk fills again.
        editor = auth.login(store, "张三", PASSWORD)
        assert editor is not None
        big = tiny(secrets.token_urlsafe(400_000))
        first = store.save(b"first file", "first.xlsx", big, None, editor)
        tiny_disk.fill()
        refused_as_full(lambda: store.save(secrets.token_bytes(1 << 20), "second.xlsx", tiny("二"), None, editor))
        refused_as_full(lambda: store.rollback(1, editor))
        # Resuming refreshes the session, a write: never an error. SQLite must grow its WAL for it, so it cannot
        # and says None; PostgreSQL may fit the new row version into the page it already has, and then it can.
        resumed = auth.resume(store, editor.secret)
        assert resumed in (None, editor) if is_postgres(tiny_disk.url) else resumed is None
        tiny_disk.free()
        assert auth.resume(store, editor.secret) == editor  # ... and is there again once space is freed

        assert store.head() == first and store.current().dataset == big
        assert [v.number for v in store.history()] == [1] and store.original(1) == b"first file"
        assert count(tiny_disk.url, "originals") == 1 and integrity_ok(tiny_disk.url)
        assert [e.action for e in store.audit_log()] == ["upload", "login"]
        assert store.save(b"after", "after.xlsx", tiny("after"), None, editor, based_on=1).number == 2
    finally:
        store.close()
