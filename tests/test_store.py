"""What is particular to the SQLite backend and to choosing a store; the shared contract is test_store_contract.py."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from tests.storetools import PASSWORD, tiny
from xq_metrics import auth
from xq_metrics.store import (
    DEFAULT_PATH, STORE_ENV, SqliteStore, Store, StoreUnavailable, default_location, migrations, open_store,
)
from xq_metrics.store.postgres import PostgresStore

# The previous release's schema, verbatim (xq_metrics/store.py before the store/ package): stores made by it
# must keep opening. Kept here, not imported, so that a change to migrations.py cannot hide a break.
PREVIOUS_RELEASE_SCHEMA = """
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


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "xq.sqlite3")


def test_a_new_store_is_a_private_file_in_wal_mode(store: SqliteStore) -> None:
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"versions", "originals", "audit", "editors", "sessions", "login_throttle", "schema_migrations"} <= tables
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_a_file_written_by_the_previous_release_opens_and_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(PREVIOUS_RELEASE_SCHEMA)
        conn.execute("INSERT INTO editors (name, password_hash, created_at, failed_count) VALUES (?, ?, ?, 1)",
                     ("张三", auth.hash_password(PASSWORD), "2025-03-01T09:00:00+08:00"))
        conn.execute("INSERT INTO audit (time, editor, action, detail) VALUES (?, ?, ?, ?)",
                     ("2025-03-01T09:00:00+08:00", "命令行", "editor_added", "添加编辑人员“张三”"))
    conn.close()
    store = SqliteStore(path)
    assert store.schema_version() == migrations.LATEST
    with sqlite3.connect(path) as conn:
        editor_columns = [r[1] for r in conn.execute("PRAGMA table_info(editors)")]
        audit_columns = [r[1] for r in conn.execute("PRAGMA table_info(audit)")]
    conn.close()
    assert editor_columns == ["name", "password_hash", "created_at"]
    assert audit_columns == ["id", "time", "editor", "action", "params"]
    (entry,) = store.audit_log()
    assert (entry.action, entry.detail) == ("editor_added", "添加编辑人员“张三”")
    assert store.editor_record("张三").failed_count == 1
    editor = auth.login(store, "张三", PASSWORD)
    assert editor is not None and store.save(b"x", "x.xlsx", tiny("x"), None, editor).number == 1


def test_a_failed_upgrade_step_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(PREVIOUS_RELEASE_SCHEMA)
        conn.execute("CREATE TABLE sessions (x INTEGER)")  # in the way of step 2
    conn.close()
    with pytest.raises(sqlite3.OperationalError, match="already exists"):
        SqliteStore(path)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = [r[1] for r in conn.execute("PRAGMA table_info(editors)")]
    conn.close()
    assert "schema_migrations" not in tables and "login_throttle" not in tables
    assert "failed_count" in columns


# --- choosing the store -----------------------------------------------------------------------------


def test_open_store_picks_sqlite_for_paths_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = open_store(tmp_path / "a.sqlite3")
    assert isinstance(opened, SqliteStore) and isinstance(opened, Store)
    assert open_store(f"sqlite:///{tmp_path}/b.sqlite3").path == tmp_path / "b.sqlite3"
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "env.sqlite3"))
    assert open_store().path == tmp_path / "env.sqlite3"


def test_open_store_picks_postgres_for_its_urls(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = open_store(pg_url)
    assert isinstance(opened, PostgresStore) and isinstance(opened, Store)
    opened.close()
    monkeypatch.setenv(STORE_ENV, pg_url.replace("postgresql://", "postgres://"))
    from_env = open_store()
    assert isinstance(from_env, PostgresStore) and from_env.schema_version() == migrations.LATEST
    from_env.close()


def test_default_location_is_var_under_the_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STORE_ENV, raising=False)
    assert Path(default_location()) == DEFAULT_PATH
    assert DEFAULT_PATH.parent.name == "var" and DEFAULT_PATH.parent.parent == Path(__file__).resolve().parent.parent


def test_an_unknown_scheme_or_an_unreachable_server_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StoreUnavailable, match="不支持") as raised:
        open_store("mysql://xq:s3cret@db/xq")
    assert "s3cret" not in str(raised.value)
    from tests.pgserver import free_port

    with pytest.raises(StoreUnavailable, match="无法连接数据库") as raised:
        open_store(f"postgresql://xq:s3cret@127.0.0.1:{free_port()}/xq?connect_timeout=2")
    assert "s3cret" not in str(raised.value) and "xq:***@127.0.0.1" in str(raised.value)
    with pytest.raises(StoreUnavailable) as raised:
        open_store(f"postgresql://127.0.0.1:{free_port()}/xq?password=s3cret&connect_timeout=2")
    assert "s3cret" not in str(raised.value)


def test_a_postgres_restart_costs_at_most_one_clear_error_and_no_data() -> None:
    """Replicas outlive a database restart: idle pooled connections are checked before use, and a call that meets
    a cut connection fails with a message (StoreUnavailable), never a traceback; the next call works."""
    from tests.pgserver import PgServer
    from tests.storetools import PASSWORD as STORE_PASSWORD

    server = PgServer().start()
    try:
        store = open_store(server.url())
        auth.add_editor(store, "张三", STORE_PASSWORD)
        editor = auth.login(store, "张三", STORE_PASSWORD)
        store.save(b"one", "one.xlsx", tiny("one"), None, editor)
        server.restart()
        store._pool.ping_after_s = 0  # type: ignore[attr-defined]  # every idle connection is checked
        assert store.head().number == 1
        server.restart()
        store._pool.ping_after_s = 3600  # type: ignore[attr-defined]  # not checked: the first use meets the cut
        with pytest.raises(StoreUnavailable, match="无法连接数据库"):
            store.head()
        assert store.save(b"two", "two.xlsx", tiny("two"), None, editor).number == 2  # the login survived too
        store.close()
    finally:
        server.stop()
