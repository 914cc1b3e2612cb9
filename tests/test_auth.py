"""Editors: scrypt hashes, login, the lock after failures (with a fake clock), audit, and the CLI.

Everything that touches a store runs on SQLite and on PostgreSQL (the `backend` fixture), including the lock
under 32 parallel attempts.
"""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.backends import Backend
from tests.storetools import FakeClock, processes, raw, run_all
from xq_metrics import auth, texts
from xq_metrics.cli import main
from xq_metrics.store import EditorRequired, SqliteStore, Store, open_store

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "西青城镇化2025"


@pytest.fixture
def store(backend: Backend) -> Store:
    store = backend.open()
    auth.add_editor(store, "张三", PASSWORD)
    return store


def fail(store: Store, clock: FakeClock, times: int = 1, name: str = "张三") -> None:
    for _ in range(times):
        assert auth.login(store, name, "wrong password", clock) is None


# --- hashing ------------------------------------------------------------------------------------------


def test_hash_is_scrypt_with_salt_and_params() -> None:
    encoded = auth.hash_password(PASSWORD)
    scheme, n, r, p, salt, key = encoded.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(key)) == 32
    assert auth.hash_password(PASSWORD) != encoded  # a fresh salt each time
    assert auth.verify_password(PASSWORD, encoded)
    assert not auth.verify_password(PASSWORD + "x", encoded)


@pytest.mark.parametrize("stored", ["", "plain", "md5$1$2$3$4$5", "scrypt$x$8$1$AA==$AA==", "scrypt$16384$8$1$!!$!!"])
def test_a_malformed_hash_never_verifies(stored: str) -> None:
    assert auth.verify_password(PASSWORD, stored) is False


def test_the_password_itself_is_never_stored(backend: Backend, store: Store) -> None:
    stored = raw(backend.url, "SELECT password_hash FROM editors")
    assert PASSWORD not in repr(stored)
    if backend.name == "sqlite":
        assert PASSWORD.encode() not in Path(backend.url).read_bytes()
    (record,) = store.editor_records()
    assert record.password_hash.startswith("scrypt$")


# --- editors ------------------------------------------------------------------------------------------


def test_add_list_remove(store: Store) -> None:
    auth.add_editor(store, "  李四 ", "abcdefgh")
    assert [e.name for e in auth.list_editors(store)] == ["张三", "李四"]
    auth.remove_editor(store, "李四")
    assert [e.name for e in auth.list_editors(store)] == ["张三"]
    entries = store.audit_log()
    assert [(e.action, e.editor, e.params) for e in entries[:2]] == [
        ("editor_removed", texts.CLI_EDITOR, {"name": "李四", "sessions": 0}),
        ("editor_added", texts.CLI_EDITOR, {"name": "李四"}),
    ]


def test_short_password_empty_name_duplicate_and_unknown_are_clear_errors(store: Store) -> None:
    with pytest.raises(auth.AuthError, match="至少需要8个字符"):
        auth.add_editor(store, "李四", "1234567")
    with pytest.raises(auth.AuthError, match="不能为空"):
        auth.add_editor(store, "  ", PASSWORD)
    with pytest.raises(auth.AuthError, match="已存在"):
        auth.add_editor(store, "张三", PASSWORD)
    with pytest.raises(auth.AuthError, match="没有编辑人员"):
        auth.remove_editor(store, "王五")
    for hidden in ("张\u200b三", "李\x00四", "\u202e王五", "赵\n六"):
        with pytest.raises(auth.AuthError, match="控制字符"):
            auth.add_editor(store, hidden, PASSWORD)
    with pytest.raises(auth.AuthError, match="不能超过64个字符"):
        auth.add_editor(store, "长" * 65, PASSWORD)
    assert [e.name for e in auth.list_editors(store)] == ["张三"]


# --- login --------------------------------------------------------------------------------------------


def test_login_mints_an_editor_the_store_accepts(store: Store) -> None:
    editor = auth.login(store, "张三", PASSWORD)
    assert editor is not None and editor.name == "张三"
    from xq_metrics.model import Dataset, SourceInfo

    dataset = Dataset(sources=(SourceInfo("t", "t.xlsx", False, datetime(2025, 1, 1)),))
    assert store.save(b"x", "t.xlsx", dataset, None, editor).editor == "张三"
    auth.remove_editor(store, "张三")
    with pytest.raises(EditorRequired):
        store.save(b"x", "t.xlsx", dataset, None, editor)


def test_wrong_password_and_unknown_name_are_refused_and_audited(store: Store) -> None:
    assert auth.login(store, "张三", "wrong password") is None
    assert auth.login(store, "王五", PASSWORD) is None
    assert auth.login(store, "", PASSWORD) is None
    log = store.audit_log()
    assert [(e.editor, e.action) for e in log[:3]] == [("", "login_unknown"), ("王五", "login_unknown"), ("张三", "login_failed")]
    assert "第1次" in log[2].detail
    assert auth.login(store, "张三", PASSWORD) is not None
    assert store.audit_log()[0].action == "login"


def test_failures_lock_with_a_growing_delay_and_success_resets(store: Store) -> None:
    clock = FakeClock()
    fail(store, clock, 2)
    assert auth.locked_for(store, "张三", clock) == timedelta(0)
    fail(store, clock)  # the third failure in a row: locked 1 s
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=1)
    assert auth.login(store, "张三", PASSWORD, clock) is None  # even the right password waits
    assert store.audit_log()[0].action == "login_locked"
    clock.advance(seconds=1)
    fail(store, clock)  # fourth: 2 s
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=2)
    clock.advance(seconds=2)
    fail(store, clock)  # fifth: 4 s
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=4)
    clock.advance(seconds=4)
    assert auth.login(store, "张三", PASSWORD, clock) is not None
    (record,) = store.editor_records()
    assert (record.failed_count, record.locked_until) == (0, None)
    fail(store, clock, 2)
    assert auth.locked_for(store, "张三", clock) == timedelta(0)  # counting starts again


def test_lock_grows_to_at_most_fifteen_minutes() -> None:
    assert [auth.lock_duration(n) for n in range(1, 4)] == [None, None, timedelta(seconds=1)]
    assert auth.lock_duration(10) == timedelta(seconds=128)
    assert auth.lock_duration(13) == timedelta(minutes=15)
    assert auth.lock_duration(10_000) == timedelta(minutes=15)


def test_attempts_during_the_lock_do_not_extend_it(store: Store) -> None:
    clock = FakeClock()
    fail(store, clock, 3)
    fail(store, clock, 5)  # refused while locked, without checking the password
    assert store.editor_records()[0].failed_count == 3
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=1)


def test_lock_is_per_name(store: Store) -> None:
    clock = FakeClock()
    auth.add_editor(store, "李四", PASSWORD)
    fail(store, clock, 5)
    assert auth.login(store, "李四", PASSWORD, clock) is not None


@pytest.mark.parametrize(
    ("name", "password", "failures_before", "refusal", "wait", "message"),
    [
        ("张三", PASSWORD, 0, None, 0, "已登录：张三"),
        ("张三", "wrong password", 0, "bad", 0, "用户名或密码错误。"),
        ("无此人", PASSWORD, 0, "bad", 0, "用户名或密码错误。"),
        ("张三", "wrong password", 2, "bad", 1, "用户名或密码错误。失败次数过多，请1秒后再试。"),
        ("无此人", "wrong password", 2, "bad", 1, "用户名或密码错误。失败次数过多，请1秒后再试。"),
        ("张三", PASSWORD, 3, "locked", 1, "登录失败次数过多，请1秒后再试。"),
        ("无此人", PASSWORD, 3, "locked", 1, "登录失败次数过多，请1秒后再试。"),
        ("张三", PASSWORD, 12, "locked", 512, "登录失败次数过多，请512秒后再试。"),
        ("无此人", PASSWORD, 12, "locked", 512, "登录失败次数过多，请512秒后再试。"),
    ],
)
def test_attempt_results_are_the_same_for_names_that_exist_and_names_that_do_not(
    store: Store, name: str, password: str, failures_before: int, refusal: str | None, wait: int, message: str
) -> None:
    clock = FakeClock()
    for _ in range(failures_before):
        clock.now = max(clock.now, store.login_state(name).locked_until or clock.now)  # wait out the last lock
        assert auth.attempt(store, name, "wrong password", clock.now).refusal == "bad"
    result = auth.attempt(store, name, password, clock.now)
    assert (result.refusal, result.wait_seconds, result.message) == (refusal, wait, message)
    assert result.ok == (refusal is None) and (result.editor is not None) == result.ok
    if refusal == "locked":
        assert store.audit_log()[0].action == "login_locked"
        assert store.audit_log()[0].params == {"seconds": wait}
        assert auth.locked_for(store, name, clock) == timedelta(seconds=wait)


def _attempt_in_child(url: str, name: str, password: str, now: datetime, barrier, results) -> None:
    store = open_store(url)  # a replica of its own: the count lives in the database, not in a process
    barrier.wait(timeout=60)
    result = auth.attempt(store, name, password, now)
    results.put((result.refusal, result.editor is not None))


def _parallel_attempts(url: str, name: str, passwords: list[str], now: datetime) -> list[tuple[str | None, bool]]:
    context = processes()
    barrier, results = context.Barrier(len(passwords)), context.Queue()
    codes = run_all(context, _attempt_in_child, [(url, name, pw, now, barrier, results) for pw in passwords])
    assert codes == [0] * len(passwords)
    return [results.get(timeout=10) for _ in passwords]


@pytest.mark.parametrize("name", ["张三", "无此人"])
def test_32_parallel_guesses_check_at_most_the_allowed_number_of_passwords(backend: Backend, store: Store, name: str) -> None:
    now = FakeClock().now  # one instant for all: the whole burst falls inside one lock window
    outcomes = _parallel_attempts(backend.url, name, [f"guess {i}" for i in range(32)], now)
    checked = [o for o in outcomes if o[0] == "bad"]
    assert len(checked) == auth.FREE_FAILURES + 1 == 3  # the third attempt is counted and starts the lock
    assert sorted(o[0] for o in outcomes) == ["bad"] * 3 + ["locked"] * 29
    actions = [e.action for e in store.audit_log() if e.editor == name]
    assert actions.count("login_locked") == 29 and len(actions) == 32
    assert store.login_state(name).failed_count == 3


def test_32_parallel_right_passwords_during_a_lock_all_wait(backend: Backend, store: Store) -> None:
    clock = FakeClock()
    fail(store, clock, 3)  # locked for 1 s from now
    outcomes = _parallel_attempts(backend.url, "张三", [PASSWORD] * 32, clock.now)
    assert outcomes == [("locked", False)] * 32  # not one password was even checked
    assert store.login_state("张三").failed_count == 3
    clock.advance(seconds=1)
    assert auth.login(store, "张三", PASSWORD, clock) is not None


def test_the_lock_is_counted_in_the_database_so_it_holds_across_replicas(backend: Backend, store: Store) -> None:
    clock = FakeClock()
    replica = backend.open()
    fail(store, clock, 2)
    fail(replica, clock, 1)
    assert auth.attempt(store, "张三", PASSWORD, clock.now).refusal == "locked"
    assert auth.locked_for(replica, "张三", clock) == timedelta(seconds=1)


def test_a_name_is_counted_as_typed_but_cleaned(store: Store) -> None:
    clock = FakeClock()
    for typed in ("张三", " 张三 ", "张\u200b三"):  # the same name three times, however it was typed
        assert auth.attempt(store, typed, "wrong password", clock.now).refusal == "bad"
    assert store.login_state("张三").failed_count == 3
    assert auth.attempt(store, "\u00a0张三\t", PASSWORD, clock.now).refusal == "locked"


# --- command line ----------------------------------------------------------------------------------------


def cli(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "xq_metrics", *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
        env={**os.environ, **(env or {})}, timeout=60,
    )


def test_cli_add_list_remove_with_password_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite3")
    added = cli("editors", "add", "张三", "--store", db, "--password-stdin", stdin=PASSWORD + "\n")
    assert (added.returncode, added.stdout.strip()) == (0, "已添加编辑人员“张三”。"), added.stderr
    assert auth.login(SqliteStore(db), "张三", PASSWORD) is not None

    again = cli("editors", "add", "张三", "--store", db, "--password-stdin", stdin=PASSWORD + "\n")
    assert again.returncode == 1 and "已存在" in again.stderr and "Traceback" not in again.stderr

    listed = cli("editors", "list", env={"XQ_STORE": db})  # the store from the environment
    assert listed.returncode == 0 and listed.stdout.startswith("张三\t添加于 ")

    removed = cli("editors", "remove", "张三", "--store", db)
    assert (removed.returncode, removed.stdout.strip()) == (0, "已删除编辑人员“张三”。")


def test_cli_errors_exit_1_with_a_chinese_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    db = str(tmp_path / "errors.sqlite3")
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["editors", "add", "李四", "--store", db, "--password-stdin"]) == 1
    assert "至少需要8个字符" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["editors", "add", "李四", "--store", db, "--password-stdin"]) == 1
    assert "没有读到密码" in capsys.readouterr().err
    assert main(["editors", "remove", "张三", "--store", db]) == 1
    assert "没有编辑人员" in capsys.readouterr().err
    assert main(["editors", "list", "--store", db]) == 0
    assert capsys.readouterr().out.strip() == "尚无编辑人员。"


def test_cli_prompts_twice_and_refuses_a_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    db = str(tmp_path / "prompt.sqlite3")
    answers = iter([PASSWORD, PASSWORD, PASSWORD, "something else"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["editors", "add", "张三", "--store", db]) == 0
    assert main(["editors", "add", "李四", "--store", db]) == 1
    assert "不一致" in capsys.readouterr().err
    assert [e.name for e in auth.list_editors(SqliteStore(db))] == ["张三"]


def test_cli_reports_a_locked_editor_and_an_unsupported_store(tmp_path: Path, capsys) -> None:
    store = SqliteStore(tmp_path / "x.sqlite3")
    auth.add_editor(store, "张三", PASSWORD)
    fail(store, FakeClock(), 3)
    assert main(["editors", "list", "--store", str(store.path)]) == 0
    line = capsys.readouterr().out
    assert "连续失败 3 次" in line and "锁定至 2025-06-01 09:00:01" in line
    assert main(["editors", "list", "--store", "mysql://db/xq"]) == 1
    assert "不支持的数据存储地址" in capsys.readouterr().err
    from tests.pgserver import free_port

    assert main(["editors", "list", "--store", f"postgresql://xq@127.0.0.1:{free_port()}/xq"]) == 1
    assert "无法连接数据库" in capsys.readouterr().err


def test_cli_on_postgres_and_remove_ends_live_logins(pg_url: str) -> None:
    added = cli("editors", "add", "张三", "--password-stdin", stdin=PASSWORD + "\n", env={"XQ_STORE": pg_url})
    assert added.returncode == 0, added.stderr
    store = open_store(pg_url)
    editor = auth.login(store, "张三", PASSWORD)
    assert editor is not None
    listed = cli("editors", "list", "--store", pg_url)
    assert listed.returncode == 0 and listed.stdout.startswith("张三\t添加于 ")
    removed = cli("editors", "remove", "张三", "--store", pg_url)
    assert removed.returncode == 0, removed.stderr
    with pytest.raises(EditorRequired):
        store.save(b"x", "x.xlsx", _tiny(), None, editor)
    assert store.audit_log()[0].params == {"name": "张三", "sessions": 1}
    store.close()


def _tiny():
    from tests.storetools import tiny

    return tiny("x")
