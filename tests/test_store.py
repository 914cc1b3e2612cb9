"""The versioned store on a real SQLite file: round trips, rollback, concurrent savers, crashes, refused writes."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import stat
import threading
from datetime import datetime
from pathlib import Path

import pytest

from xq_metrics import auth, texts
from xq_metrics.defaults import load_default
from xq_metrics.model import Dataset, Observation, SourceInfo
from xq_metrics.store import (
    DEFAULT_PATH, STORE_ENV, Editor, EditorRequired, SqliteStore, Store, VersionNotFound, open_store, sha256_of,
    summarise,
)

PASSWORD = "西青-correct-horse"


def tiny(name: str, value: float = 1.0) -> Dataset:
    return Dataset(
        sources=(SourceInfo(name, f"{name}.xlsx", False, datetime(2025, 1, 1, 8, 0)),),
        observations=(Observation("常住人口城镇化率", "全区", 2024, value),),
    )


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "xq.sqlite3")


@pytest.fixture
def editor(store: SqliteStore) -> Editor:
    auth.add_editor(store, "张三", PASSWORD)
    logged_in = auth.login(store, "张三", PASSWORD)
    assert logged_in is not None
    return logged_in


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


# --- basics -------------------------------------------------------------------------------------


def test_a_new_store_is_empty_in_wal_mode(store: SqliteStore) -> None:
    assert store.current() is None and store.head() is None and store.history() == []
    assert store.find_by_hash("0" * 64) is None
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"versions", "originals", "audit", "editors"} <= tables
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_save_current_history_original_round_trip(store: SqliteStore, editor: Editor) -> None:
    default = load_default(now=datetime(2025, 3, 1, 9, 0)).dataset
    assert default is not None
    first = store.save(b"file one", "一.xlsx", default, {"note": "第一次"}, editor)
    second = store.save(b"file two", "二.xlsx", tiny("二"), None, editor)
    assert (first.number, second.number) == (1, 2)
    assert first.summary == {"note": "第一次"} and second.summary == summarise(tiny("二"))

    current = store.current()
    assert current is not None and current.number == 2 and current.dataset == tiny("二")
    assert store.head() == second
    assert store.version(1).dataset == default
    history = store.history()
    assert [v.number for v in history] == [2, 1]
    assert [(v.kind, v.editor, v.file_name) for v in history] == [("upload", "张三", "二.xlsx"), ("upload", "张三", "一.xlsx")]
    assert history[1].sha256 == sha256_of(b"file one") and history[1] == first
    assert not hasattr(history[0], "dataset")
    assert store.original(1) == b"file one" and store.original(2) == b"file two"
    with pytest.raises(VersionNotFound):
        store.original(3)
    with pytest.raises(VersionNotFound):
        store.version(3)


def test_the_same_file_saved_twice_is_recognised(store: SqliteStore, editor: Editor) -> None:
    store.save(b"file A", "a.xlsx", tiny("A"), None, editor)
    store.save(b"file B", "b.xlsx", tiny("B"), None, editor)
    found = store.find_by_hash(sha256_of(b"file A"))
    assert found is not None and (found.number, found.file_name) == (1, "a.xlsx")
    assert store.find_by_hash(sha256_of(b"file A").upper()) == found
    assert store.find_by_hash(sha256_of(b"never saved")) is None


def test_rollback_adds_a_version_holding_the_old_snapshot(store: SqliteStore, editor: Editor) -> None:
    store.save(b"file A", "a.xlsx", tiny("A", 1.0), None, editor)
    store.save(b"file B", "b.xlsx", tiny("B", 2.0), None, editor)
    back = store.rollback(1, editor)
    assert (back.number, back.kind, back.rolled_back_from, back.file_name) == (3, "rollback", 1, "a.xlsx")
    current = store.current()
    assert current is not None and current.number == 3 and current.dataset == tiny("A", 1.0)
    assert [v.number for v in store.history()] == [3, 2, 1]
    assert store.original(3) == b"file A"
    assert store.find_by_hash(sha256_of(b"file A")).number == 3  # the newest version holding that file
    again = store.rollback(3, editor)  # a rollback of a rollback still finds the file
    assert store.original(again.number) == b"file A"
    with pytest.raises(VersionNotFound):
        store.rollback(99, editor)
    actions = [e.action for e in store.audit_log()]
    assert actions[:4] == ["rollback", "rollback", "upload", "upload"]


def test_seed_only_on_first_start(store: SqliteStore, editor: Editor) -> None:
    seeded = store.seed(tiny("规划"), "规划基础数据.xlsx", b"plan bytes")
    assert seeded is not None
    assert (seeded.number, seeded.kind, seeded.editor) == (1, "seed", texts.SYSTEM_EDITOR)
    assert store.seed(tiny("again"), "x.xlsx", b"other") is None
    store.save(b"upload", "u.xlsx", tiny("U"), None, editor)
    assert store.seed(tiny("again"), "x.xlsx", b"other") is None
    assert [v.number for v in store.history()] == [2, 1] and store.original(1) == b"plan bytes"
    assert [e.action for e in store.audit_log()].count("seed") == 1


# --- refused writes -------------------------------------------------------------------------------


def test_a_write_without_a_valid_editor_is_refused(tmp_path: Path, store: SqliteStore, editor: Editor) -> None:
    forged = Editor("张三", editor.issued_at, "0" * 64)
    renamed = Editor("李四", editor.issued_at, editor._token)
    other_store = SqliteStore(tmp_path / "other.sqlite3")
    auth.add_editor(other_store, "张三", PASSWORD)
    from_elsewhere = auth.login(other_store, "张三", PASSWORD)
    for bad in (None, "张三", forged, renamed, from_elsewhere):
        with pytest.raises(EditorRequired, match="编辑人员"):
            store.save(b"x", "x.xlsx", tiny("x"), None, bad)  # type: ignore[arg-type]
    store.save(b"ok", "ok.xlsx", tiny("ok"), None, editor)
    with pytest.raises(EditorRequired):
        store.rollback(1, forged)
    assert [v.number for v in store.history()] == [1]


def test_a_removed_editor_can_no_longer_write(store: SqliteStore, editor: Editor) -> None:
    auth.remove_editor(store, "张三")
    with pytest.raises(EditorRequired):
        store.save(b"x", "x.xlsx", tiny("x"), None, editor)
    auth.add_editor(store, "张三", PASSWORD)  # same name and password, new salt: the old login stays invalid
    with pytest.raises(EditorRequired):
        store.save(b"x", "x.xlsx", tiny("x"), None, editor)
    assert store.history() == []


def test_editor_repr_does_not_show_the_token(editor: Editor) -> None:
    assert editor._token not in repr(editor) and "张三" in repr(editor)


# --- concurrency and crashes ------------------------------------------------------------------------


def _processes() -> multiprocessing.context.BaseContext:
    # fork starts a child in milliseconds; spawn re-imports the test module in each (seconds on a small machine).
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _save_in_child(path: str, editor: Editor, index: int, barrier: threading.Barrier) -> None:
    store = SqliteStore(path)  # its own connection, in its own process
    barrier.wait(timeout=30)
    store.save(f"file {index}".encode(), f"{index}.xlsx", tiny(str(index)), None, editor)


def test_eight_concurrent_processes_get_versions_one_to_eight(store: SqliteStore, editor: Editor) -> None:
    context = _processes()
    barrier = context.Barrier(8)
    children = [
        context.Process(target=_save_in_child, args=(str(store.path), editor, i, barrier)) for i in range(8)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=60)
    assert [c.exitcode for c in children] == [0] * 8
    history = store.history()
    assert sorted(v.number for v in history) == list(range(1, 9))
    assert sorted(v.file_name for v in history) == sorted(f"{i}.xlsx" for i in range(8))
    for info in history:  # every version holds its own file and snapshot: nothing crossed over
        index = info.file_name.removesuffix(".xlsx")
        assert store.original(info.number) == f"file {index}".encode()
        assert store.version(info.number).dataset == tiny(index)
    assert integrity(store.path) == "ok"


def test_concurrent_threads_lose_and_duplicate_nothing(store: SqliteStore, editor: Editor) -> None:
    errors: list[BaseException] = []

    def saver(index: int) -> None:
        try:
            own = SqliteStore(store.path)
            for round_ in range(5):
                own.save(f"{index}-{round_}".encode(), f"{index}-{round_}.xlsx", tiny("t"), None, editor)
        except BaseException as exc:  # surfaced below: a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=saver, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(v.number for v in store.history()) == list(range(1, 41))
    assert len({v.file_name for v in store.history()}) == 40


def test_an_exception_before_commit_leaves_the_previous_version(store: SqliteStore, editor: Editor) -> None:
    store.save(b"good", "good.xlsx", tiny("good"), None, editor)

    def crash() -> None:
        # By now the version row, the original and the audit entry are inserted, but not committed.
        with sqlite3.connect(store.path, timeout=0) as spy:
            assert spy.execute("SELECT MAX(number) FROM versions").fetchone()[0] == 1  # not visible outside
        raise RuntimeError("power cut")

    store._before_commit = crash
    with pytest.raises(RuntimeError, match="power cut"):
        store.save(b"bad", "bad.xlsx", tiny("bad"), None, editor)
    with pytest.raises(RuntimeError):
        store.rollback(1, editor)
    store._before_commit = None
    current = store.current()
    assert current is not None and current.number == 1 and current.dataset == tiny("good")
    assert integrity(store.path) == "ok"
    assert count(store.path, "originals") == 1 and count(store.path, "versions") == 1
    assert store.save(b"next", "next.xlsx", tiny("next"), None, editor).number == 2


def _die_mid_save(path: str, editor: Editor) -> None:
    store = SqliteStore(path)
    store._before_commit = lambda: os.kill(os.getpid(), signal.SIGKILL)
    store.save(b"half", "half.xlsx", tiny("half"), None, editor)


def test_a_process_killed_mid_write_leaves_the_previous_version(store: SqliteStore, editor: Editor) -> None:
    store.save(b"good", "good.xlsx", tiny("good"), None, editor)
    child = _processes().Process(target=_die_mid_save, args=(str(store.path), editor))
    child.start()
    child.join(timeout=60)
    assert child.exitcode == -signal.SIGKILL
    current = store.current()
    assert current is not None and current.number == 1 and current.dataset == tiny("good")
    assert integrity(store.path) == "ok"
    assert count(store.path, "versions") == count(store.path, "originals") == 1
    assert store.save(b"next", "next.xlsx", tiny("next"), None, editor).number == 2


def test_the_version_number_is_guarded_by_a_unique_constraint(store: SqliteStore, editor: Editor) -> None:
    store.save(b"one", "one.xlsx", tiny("one"), None, editor)
    with sqlite3.connect(store.path) as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO versions (number, created_at, editor, file_name, sha256, summary, snapshot, kind)"
            " VALUES (1, '', '', '', '', '{}', x'', 'upload')"
        )


# --- choosing the store -----------------------------------------------------------------------------


def test_open_store_picks_sqlite_for_paths_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = open_store(tmp_path / "a.sqlite3")
    assert isinstance(opened, SqliteStore) and isinstance(opened, Store)
    assert open_store(f"sqlite:///{tmp_path}/b.sqlite3").path == tmp_path / "b.sqlite3"
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "env.sqlite3"))
    assert open_store().path == tmp_path / "env.sqlite3"


def test_default_location_is_var_under_the_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(STORE_ENV, raising=False)
    from xq_metrics.store import default_location

    assert Path(default_location()) == DEFAULT_PATH
    assert DEFAULT_PATH.parent.name == "var" and DEFAULT_PATH.parent.parent == Path(__file__).resolve().parent.parent


def test_postgres_is_not_implemented_yet_and_hides_the_password() -> None:
    with pytest.raises(NotImplementedError, match="PostgreSQL") as raised:
        open_store("postgresql://xq:s3cret@db.example/xq")
    assert "s3cret" not in str(raised.value)
    with pytest.raises(ValueError):
        open_store("mysql://db/xq")
