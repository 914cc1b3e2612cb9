"""The store's contract: every test here runs on SQLite and on a real PostgreSQL server (the `backend` fixture).

Every version with its original file and audit log; unique version numbers under concurrent saves; a crash
mid-save leaves the previous version current; no write without an editor's live login; compare-and-swap saves;
logins that expire and can be revoked; schema upgrades from the previous release.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.backends import Backend
from tests.storetools import PASSWORD, FakeClock, count, integrity_ok, processes, raw, run_all, tiny
from xq_metrics import audit, auth, texts
from xq_metrics.defaults import load_default
from xq_metrics.store import (
    ABSOLUTE_LIMIT, IDLE_LIMIT, SCHEMA_VERSION, Editor, EditorRequired, SessionExpired, StaleVersion, Store,
    StoreUnavailable, VersionNotFound, is_postgres, open_store, sha256_of, summarise,
)
from xq_metrics.store import migrations


@pytest.fixture
def store(backend: Backend) -> Store:
    return backend.open()


@pytest.fixture
def editor(store: Store) -> Editor:
    auth.add_editor(store, "张三", PASSWORD)
    logged_in = auth.login(store, "张三", PASSWORD)
    assert logged_in is not None
    return logged_in


# --- versions -----------------------------------------------------------------------------------------


def test_a_new_store_is_empty_and_at_the_latest_schema(backend: Backend, store: Store) -> None:
    assert store.current() is None and store.head() is None and store.history() == []
    assert store.find_by_hash("0" * 64) is None and store.audit_log() == []
    assert store.schema_version() == SCHEMA_VERSION == migrations.LATEST
    recorded = raw(backend.url, "SELECT version FROM schema_migrations ORDER BY version")
    assert [r[0] for r in recorded] == [m.version for m in migrations.MIGRATIONS]
    assert isinstance(store, Store)


def test_save_current_history_original_round_trip(store: Store, editor: Editor) -> None:
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
    assert history[0].created_at.tzinfo is not None
    assert store.original(1) == b"file one" and store.original(2) == b"file two"
    with pytest.raises(VersionNotFound, match="没有第3版"):
        store.original(3)
    with pytest.raises(VersionNotFound):
        store.version(3)


def test_the_same_file_saved_twice_is_recognised(store: Store, editor: Editor) -> None:
    store.save(b"file A", "a.xlsx", tiny("A"), None, editor)
    store.save(b"file B", "b.xlsx", tiny("B"), None, editor)
    found = store.find_by_hash(sha256_of(b"file A"))
    assert found is not None and (found.number, found.file_name) == (1, "a.xlsx")
    assert store.find_by_hash(sha256_of(b"file A").upper()) == found
    assert store.find_by_hash(sha256_of(b"never saved")) is None


def test_rollback_adds_a_version_holding_the_old_snapshot(store: Store, editor: Editor) -> None:
    store.save(b"file A", "a.xlsx", tiny("A", 1.0), {"name": "A", "counts": {"x": 1}}, editor)
    store.save(b"file B", "b.xlsx", tiny("B", 2.0), None, editor)
    back = store.rollback(1, editor)
    assert (back.number, back.kind, back.rolled_back_from, back.file_name) == (3, "rollback", 1, "a.xlsx")
    assert back.summary == {"name": "A", "counts": {"x": 1}} and store.head() == back
    current = store.current()
    assert current is not None and current.number == 3 and current.dataset == tiny("A", 1.0)
    assert [v.number for v in store.history()] == [3, 2, 1]
    assert store.original(3) == b"file A"
    assert store.find_by_hash(sha256_of(b"file A")).number == 3  # the newest version holding that file
    again = store.rollback(3, editor)  # a rollback of a rollback still finds the file
    assert store.original(again.number) == b"file A"
    with pytest.raises(VersionNotFound):
        store.rollback(99, editor)
    assert [e.action for e in store.audit_log()][:4] == ["rollback", "rollback", "upload", "upload"]


def test_seed_only_on_first_start(store: Store, editor: Editor) -> None:
    seeded = store.seed(tiny("规划"), "规划基础数据.xlsx", b"plan bytes")
    assert seeded is not None
    assert (seeded.number, seeded.kind, seeded.editor) == (1, "seed", texts.SYSTEM_EDITOR)
    assert store.seed(tiny("again"), "x.xlsx", b"other") is None
    store.save(b"upload", "u.xlsx", tiny("U"), None, editor)
    assert store.seed(tiny("again"), "x.xlsx", b"other") is None
    assert [v.number for v in store.history()] == [2, 1] and store.original(1) == b"plan bytes"
    assert [e.action for e in store.audit_log()].count("seed") == 1


def test_the_version_number_is_guarded_by_a_unique_constraint(backend: Backend, store: Store, editor: Editor) -> None:
    store.save(b"one", "one.xlsx", tiny("one"), None, editor)
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        raw(backend.url, "INSERT INTO versions (number, created_at, editor, file_name, sha256, summary, snapshot, kind)"
                         " VALUES (1, ?, '', '', '', '{}', ?, 'upload')", (datetime.now().astimezone().isoformat(), b""))
    assert count(backend.url, "versions") == 1


# --- compare-and-swap -----------------------------------------------------------------------------------


def test_save_based_on_the_head_succeeds_and_on_an_older_version_writes_nothing(backend: Backend, store: Store, editor: Editor) -> None:
    store.seed(tiny("规划"), "seed.zip", b"seed")
    assert store.save(b"A", "a.xlsx", tiny("A"), None, editor, based_on=1).number == 2
    audit_rows = count(backend.url, "audit")
    with pytest.raises(StaleVersion) as raised:
        store.save(b"B", "b.xlsx", tiny("B"), None, editor, based_on=1)  # someone saved version 2 meanwhile
    assert (raised.value.current, raised.value.based_on) == (2, 1)
    assert "第2版" in str(raised.value) and "没有写入" in str(raised.value)
    assert store.head().number == 2 and count(backend.url, "originals") == 2 and count(backend.url, "audit") == audit_rows
    assert store.find_by_hash(sha256_of(b"B")) is None
    with pytest.raises(StaleVersion) as raised:
        store.rollback(1, editor, based_on=1)
    assert raised.value.current == 2 and store.head().number == 2
    assert store.rollback(1, editor, based_on=2).number == 3
    assert store.save(b"B", "b.xlsx", tiny("B"), None, editor, based_on=3).number == 4
    assert store.save(b"C", "c.xlsx", tiny("C"), None, editor).number == 5  # no based_on: no comparison


def _cas_in_child(url: str, editor: Editor, index: int, barrier, results) -> None:
    store = open_store(url)
    barrier.wait(timeout=60)
    try:
        store.save(f"cas {index}".encode(), f"{index}.xlsx", tiny(str(index)), None, editor, based_on=1)
        results.put(("saved", index))
    except StaleVersion as exc:
        results.put(("stale", exc.current))


def test_of_eight_concurrent_saves_based_on_one_version_exactly_one_wins(backend: Backend, store: Store, editor: Editor) -> None:
    store.seed(tiny("规划"), "seed.zip", b"seed")
    context = processes()
    barrier, results = context.Barrier(8), context.Queue()
    codes = run_all(context, _cas_in_child, [(backend.url, editor, i, barrier, results) for i in range(8)])
    assert codes == [0] * 8
    outcomes = [results.get(timeout=10) for _ in range(8)]
    assert sorted(kind for kind, _ in outcomes) == ["saved"] + ["stale"] * 7
    assert {value for kind, value in outcomes if kind == "stale"} == {2}
    assert [v.number for v in store.history()] == [2, 1]


# --- editors and their logins ---------------------------------------------------------------------------


def test_a_write_without_a_valid_editor_is_refused(backend: Backend, tmp_path: Path, store: Store, editor: Editor) -> None:
    forged = Editor("张三", editor.issued_at, "0" * 43)
    renamed = Editor("李四", editor.issued_at, editor.secret)
    other = open_store(tmp_path / "other.sqlite3")
    auth.add_editor(other, "张三", PASSWORD)
    from_elsewhere = auth.login(other, "张三", PASSWORD)
    not_text = Editor("张三", editor.issued_at, None)  # type: ignore[arg-type]
    for bad in (None, "张三", forged, renamed, from_elsewhere, not_text, {"name": "张三", "secret": editor.secret}):
        with pytest.raises(EditorRequired, match="编辑人员"):
            store.save(b"x", "x.xlsx", tiny("x"), None, bad)  # type: ignore[arg-type]
        with pytest.raises(EditorRequired):
            store.rollback(1, bad)  # type: ignore[arg-type]
    store.save(b"ok", "ok.xlsx", tiny("ok"), None, editor)
    assert [v.number for v in store.history()] == [1]
    assert editor.secret not in repr(editor) and "张三" in repr(editor)
    # The database keeps only a hash of the session secret: reading it gives no login.
    keys = [r[0] for r in raw(backend.url, "SELECT id FROM sessions")]
    assert editor.secret not in keys and len(keys) == 1


def test_removing_an_editor_ends_their_live_logins(store: Store, editor: Editor) -> None:
    second = auth.login(store, "张三", PASSWORD)
    assert second is not None and second.secret != editor.secret
    auth.remove_editor(store, "张三")
    for login in (editor, second):
        with pytest.raises(EditorRequired):
            store.save(b"x", "x.xlsx", tiny("x"), None, login)
        assert auth.resume(store, login.secret) is None
    auth.add_editor(store, "张三", PASSWORD)  # same name and password again: the old logins stay dead
    with pytest.raises(EditorRequired):
        store.save(b"x", "x.xlsx", tiny("x"), None, editor)
    assert store.history() == []
    removed = next(e for e in store.audit_log() if e.action == "editor_removed")
    assert removed.params == {"name": "张三", "sessions": 2}
    assert audit.render(removed.action, removed.params) == "删除编辑人员“张三”，结束其2个登录"


def test_logout_ends_only_that_login(store: Store, editor: Editor) -> None:
    other = auth.login(store, "张三", PASSWORD)
    auth.logout(store, editor)
    with pytest.raises(SessionExpired, match="重新登录"):
        store.save(b"x", "x.xlsx", tiny("x"), None, editor)
    assert auth.resume(store, editor.secret) is None
    assert store.save(b"y", "y.xlsx", tiny("y"), None, other).number == 1
    auth.logout(store, editor)  # twice: nothing more happens
    assert [e.action for e in store.audit_log()].count("logout") == 1


def test_a_login_expires_when_idle_and_after_the_absolute_limit(backend: Backend) -> None:
    clock = FakeClock()
    store = backend.open(clock)
    auth.add_editor(store, "张三", PASSWORD)
    idle = auth.attempt(store, "张三", PASSWORD, clock.now).editor
    busy = auth.attempt(store, "张三", PASSWORD, clock.now).editor
    assert idle is not None and busy is not None
    saved = 0
    # Used every 50 minutes the busy login lives until the absolute limit; the idle one ends after an hour.
    while clock.now + timedelta(minutes=50) - busy.issued_at < ABSOLUTE_LIMIT:
        clock.advance(minutes=50)
        saved = store.save(f"{saved}".encode(), "x.xlsx", tiny("x"), None, busy).number
    assert saved == 14  # 14 × 50 minutes = 11 h 40 min
    with pytest.raises(SessionExpired):
        store.save(b"idle", "x.xlsx", tiny("x"), None, idle)
    clock.advance(minutes=25)  # 12 h 05 min after the login, 25 minutes after its last use
    with pytest.raises(SessionExpired):
        store.save(b"late", "x.xlsx", tiny("x"), None, busy)
    assert auth.resume(store, busy.secret, clock.now) is None
    assert store.head().number == 14


def test_a_login_issued_365_days_ago_is_refused(backend: Backend) -> None:
    clock = FakeClock()
    store = backend.open(clock)
    auth.add_editor(store, "张三", PASSWORD)
    old = auth.attempt(store, "张三", PASSWORD, clock.now).editor
    assert old is not None
    clock.advance(days=365)
    with pytest.raises(SessionExpired):
        store.save(b"x", "x.xlsx", tiny("x"), None, old)
    with pytest.raises(SessionExpired):
        store.rollback(1, old)
    assert store.history() == [] and auth.resume(store, old.secret, clock.now) is None


def test_idle_limit_is_refreshed_by_use_and_by_resume(backend: Backend) -> None:
    clock = FakeClock()
    store = backend.open(clock)
    auth.add_editor(store, "张三", PASSWORD)
    editor = auth.attempt(store, "张三", PASSWORD, clock.now).editor
    assert editor is not None
    clock.advance(seconds=IDLE_LIMIT.total_seconds() - 60)
    resumed = auth.resume(store, editor.secret, clock.now)
    assert resumed == editor  # same name, issue time and secret: the page can keep it
    clock.advance(seconds=IDLE_LIMIT.total_seconds() - 60)
    assert store.save(b"x", "x.xlsx", tiny("x"), None, editor).number == 1
    clock.advance(seconds=IDLE_LIMIT.total_seconds())
    with pytest.raises(SessionExpired):
        store.save(b"y", "y.xlsx", tiny("y"), None, editor)
    for nonsense in ("", "not a session", "0" * 43, None):
        assert auth.resume(store, nonsense, clock.now) is None  # type: ignore[arg-type]


# --- audit ---------------------------------------------------------------------------------------------------


def test_audit_rows_keep_codes_and_parameters_and_render_from_the_catalogue(store: Store, editor: Editor) -> None:
    store.seed(tiny("规划"), "seed.zip", b"seed")
    store.save(b"A", "一季度.xlsx", tiny("A"), None, editor)
    store.rollback(1, editor)
    assert auth.login(store, "张三", "wrong password") is None
    assert auth.login(store, "无此人", "wrong password") is None
    entries = store.audit_log()
    assert [(e.action, e.params) for e in entries[:5]] == [
        ("login_unknown", {"count": 1}), ("login_failed", {"count": 1}), ("rollback", {"source": 1, "number": 3}),
        ("upload", {"file_name": "一季度.xlsx", "number": 2}), ("seed", {"file_name": "seed.zip", "number": 1}),
    ]
    assert [audit.render(e.action, e.params) for e in entries[:5]] == [
        "用户名不存在（连续第1次）", "密码错误（连续第1次）", "回退到第1版，生成第3版", "上传 一季度.xlsx，生成第2版",
        "初始数据 seed.zip，生成第1版",
    ]
    assert entries[2].detail == "回退到第1版，生成第3版"  # the pages written before the codes still read .detail
    assert len(store.audit_log(2)) == 2 and store.audit_log(0) == []


def test_names_typed_at_the_login_are_recorded_safely_and_exported_neutralised(store: Store) -> None:
    hostile = ["=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@A1", "\t=1", "名\x00字\r\n=HYPERLINK(\"x\")", "x" * 500,
               "\u202e反向", "\u200b=zero-width"]
    for name in hostile:
        assert auth.attempt(store, name, "wrong password").refusal == "bad"
    recorded = [e.editor for e in store.audit_log()][::-1]
    assert recorded[0] == "=cmd|' /C calc'!A0"  # stored as typed (minus control characters): the log is honest
    assert recorded[4] == "=1" and recorded[5] == '名字=HYPERLINK("x")' and recorded[7] == "反向"
    assert recorded[6] == "x" * auth.MAX_NAME_LENGTH and recorded[8] == "=zero-width"
    assert all(ch.isprintable() for name in recorded for ch in name)
    rows = audit.display_rows(store)
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    exported = audit.export_csv(store).decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in exported and "'+SUM(1)" in exported and "'@A1" in exported
    assert exported.splitlines()[0] == "时间,人员,操作,说明"
    assert not any(line.startswith(("=", "+", "-", "@")) for line in exported.splitlines())
    for record in csv.reader(io.StringIO(exported)):
        for field in record:
            assert not field.startswith(("=", "+", "-", "@", "\t", "\r")), field


# --- concurrency and crashes ------------------------------------------------------------------------------------


def _save_in_child(url: str, editor: Editor, index: int, barrier) -> None:
    store = open_store(url)  # its own connection, in its own process
    barrier.wait(timeout=60)
    store.save(f"file {index}".encode(), f"{index}.xlsx", tiny(str(index)), None, editor)


@pytest.mark.parametrize("savers", [8, 32])
def test_concurrent_processes_get_versions_one_to_n(backend: Backend, store: Store, editor: Editor, savers: int) -> None:
    context = processes()
    barrier = context.Barrier(savers)
    codes = run_all(context, _save_in_child, [(backend.url, editor, i, barrier) for i in range(savers)])
    assert codes == [0] * savers
    history = store.history()
    assert sorted(v.number for v in history) == list(range(1, savers + 1))
    assert sorted(v.file_name for v in history) == sorted(f"{i}.xlsx" for i in range(savers))
    for info in history:  # every version holds its own file and snapshot: nothing crossed over
        index = info.file_name.removesuffix(".xlsx")
        assert store.original(info.number) == f"file {index}".encode()
        assert store.version(info.number).dataset == tiny(index)
    assert sorted(e.params["number"] for e in store.audit_log() if e.action == "upload") == list(range(1, savers + 1))
    assert integrity_ok(backend.url)


def test_concurrent_threads_lose_and_duplicate_nothing(backend: Backend, store: Store, editor: Editor) -> None:
    errors: list[BaseException] = []

    def saver(index: int) -> None:
        try:
            own = backend.open()
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


def test_an_exception_before_commit_leaves_the_previous_version(backend: Backend, store: Store, editor: Editor) -> None:
    store.save(b"good", "good.xlsx", tiny("good"), None, editor)
    audit_rows = count(backend.url, "audit")

    def crash() -> None:
        # By now the version row, the original and the audit entry are inserted, but not committed.
        assert raw(backend.url, "SELECT MAX(number) FROM versions")[0][0] == 1  # not visible outside
        raise RuntimeError("power cut")

    store._before_commit = crash  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError, match="power cut"):
        store.save(b"bad", "bad.xlsx", tiny("bad"), None, editor)
    with pytest.raises(RuntimeError):
        store.rollback(1, editor)
    store._before_commit = None  # type: ignore[attr-defined]
    current = store.current()
    assert current is not None and current.number == 1 and current.dataset == tiny("good")
    assert integrity_ok(backend.url)
    assert count(backend.url, "originals") == count(backend.url, "versions") == 1
    assert count(backend.url, "audit") == audit_rows
    assert store.save(b"next", "next.xlsx", tiny("next"), None, editor).number == 2


def _die_mid_save(url: str, editor: Editor) -> None:
    store = open_store(url)
    store._before_commit = lambda: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[attr-defined]
    store.save(b"half", "half.xlsx", tiny("half"), None, editor)


def test_a_process_killed_mid_write_leaves_the_previous_version(backend: Backend, store: Store, editor: Editor) -> None:
    store.save(b"good", "good.xlsx", tiny("good"), None, editor)
    assert run_all(processes(), _die_mid_save, [(backend.url, editor)]) == [-signal.SIGKILL]
    current = store.current()
    assert current is not None and current.number == 1 and current.dataset == tiny("good")
    assert integrity_ok(backend.url)
    assert count(backend.url, "versions") == count(backend.url, "originals") == 1
    # The killed writer held the write lock: it was released with its connection, so the next save goes through.
    assert store.save(b"next", "next.xlsx", tiny("next"), None, editor).number == 2


# --- choosing and opening the store ---------------------------------------------------------------------------


def test_two_stores_on_one_location_see_each_others_writes(backend: Backend, store: Store, editor: Editor) -> None:
    replica = backend.open()
    store.save(b"A", "a.xlsx", tiny("A"), None, editor)
    assert replica.head().number == 1 and replica.current().dataset == tiny("A")
    replica.save(b"B", "b.xlsx", tiny("B"), None, editor)  # a login is valid on every replica
    assert store.head().number == 2


def test_a_store_newer_than_this_program_is_refused(backend: Backend, store: Store) -> None:
    raw(backend.url, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', ?)",
        (datetime.now().astimezone().isoformat(),))
    with pytest.raises(StoreUnavailable, match="第99版"):
        backend.open()


# --- upgrading a store made by the previous release --------------------------------------------------------------

OLD_TIME = "2025-03-01T09:00:00+08:00"


def previous_release_store(url: str) -> None:
    """A store exactly as the previous release left it: its tables, no schema_migrations, its rows."""
    dialect = "postgres" if is_postgres(url) else "sqlite"
    for statement in migrations.MIGRATIONS[0].statements(dialect):
        raw(url, statement)
    summary = '{"name": "规划", "is_sample": false, "counts": {}}'
    from xq_metrics import snapshot

    blob = snapshot.dumps(tiny("规划"))
    raw(url, "INSERT INTO versions (number, created_at, editor, file_name, sha256, summary, snapshot, kind)"
             " VALUES (1, ?, '系统', 'seed.zip', ?, ?, ?, 'seed')", (OLD_TIME, sha256_of(b"seed"), summary, blob))
    raw(url, "INSERT INTO originals (number, data) VALUES (1, ?)", (b"seed",))
    raw(url, "INSERT INTO editors (name, password_hash, created_at, failed_count, locked_until) VALUES (?, ?, ?, 3, ?)",
        ("张三", auth.hash_password(PASSWORD), OLD_TIME, "2025-03-01T09:00:01+08:00"))
    raw(url, "INSERT INTO editors (name, password_hash, created_at) VALUES (?, ?, ?)",
        ("李四", auth.hash_password(PASSWORD), OLD_TIME))
    for action, detail in [("seed", "初始数据 seed.zip，生成第1版"), ("login_failed", "密码错误（连续第3次）"),
                           ("editor_added", "添加编辑人员“李四”"), ("login", "")]:
        raw(url, "INSERT INTO audit (time, editor, action, detail) VALUES (?, '张三', ?, ?)", (OLD_TIME, action, detail))


def test_a_store_of_the_previous_release_opens_upgraded_with_its_rows(backend: Backend) -> None:
    previous_release_store(backend.url)
    store = backend.open()
    assert store.schema_version() == migrations.LATEST
    assert [r[0] for r in raw(backend.url, "SELECT version FROM schema_migrations ORDER BY version")] == [1, 2]
    head = store.head()
    assert head is not None and (head.number, head.kind, head.editor) == (1, "seed", "系统")
    assert store.current().dataset == tiny("规划") and store.original(1) == b"seed"
    assert head.created_at == datetime.fromisoformat(OLD_TIME)
    # The old sentences survive and still display, with their actions.
    assert [(e.action, e.detail) for e in store.audit_log()] == [
        ("login", "登录成功"), ("editor_added", "添加编辑人员“李四”"), ("login_failed", "密码错误（连续第3次）"),
        ("seed", "初始数据 seed.zip，生成第1版"),
    ]
    assert [r[texts.AUDIT_COL_DETAIL] for r in audit.display_rows(store)][1:] == [
        "添加编辑人员“李四”", "密码错误（连续第3次）", "初始数据 seed.zip，生成第1版"]
    # The old failure count and lock moved to the throttle; the editors and their passwords still work.
    zhang = store.editor_record("张三")
    assert zhang is not None and zhang.failed_count == 3
    assert zhang.locked_until == datetime.fromisoformat("2025-03-01T09:00:01+08:00")
    editor = auth.login(store, "李四", PASSWORD)
    assert editor is not None
    assert store.save(b"new", "new.xlsx", tiny("new"), None, editor, based_on=1).number == 2
    assert backend.open().schema_version() == migrations.LATEST  # opening again changes nothing
    assert count(backend.url, "schema_migrations") == 2


def _open_in_child(url: str, barrier) -> None:
    barrier.wait(timeout=60)
    open_store(url).close()


def test_replicas_starting_together_upgrade_the_store_once(backend: Backend) -> None:
    previous_release_store(backend.url)
    context = processes()
    barrier = context.Barrier(6)
    assert run_all(context, _open_in_child, [(backend.url, barrier)] * 6) == [0] * 6
    assert [r[0] for r in raw(backend.url, "SELECT version FROM schema_migrations ORDER BY version")] == [1, 2]
    assert backend.open().current().dataset == tiny("规划")
