"""Editors: scrypt hashes, login, the growing lock after failures (with a fake clock), audit, and the CLI."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from xq_metrics import auth
from xq_metrics.cli import main
from xq_metrics.store import EditorRequired, SqliteStore

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "西青城镇化2025"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2025, 6, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    store = SqliteStore(tmp_path / "xq.sqlite3")
    auth.add_editor(store, "张三", PASSWORD)
    return store


def fail(store: SqliteStore, clock: FakeClock, times: int = 1) -> None:
    for _ in range(times):
        assert auth.login(store, "张三", "wrong password", clock) is None


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


def test_the_password_itself_is_never_stored(store: SqliteStore) -> None:
    assert PASSWORD.encode() not in store.path.read_bytes()
    (record,) = store.editor_records()
    assert record.password_hash.startswith("scrypt$")


# --- editors ------------------------------------------------------------------------------------------


def test_add_list_remove(store: SqliteStore) -> None:
    auth.add_editor(store, "  李四 ", "abcdefgh")
    assert [e.name for e in auth.list_editors(store)] == ["张三", "李四"]
    auth.remove_editor(store, "李四")
    assert [e.name for e in auth.list_editors(store)] == ["张三"]
    actions = [e.action for e in store.audit_log()]
    assert actions[:2] == ["editor_removed", "editor_added"]


def test_short_password_empty_name_duplicate_and_unknown_are_clear_errors(store: SqliteStore) -> None:
    with pytest.raises(auth.AuthError, match="至少需要8个字符"):
        auth.add_editor(store, "李四", "1234567")
    with pytest.raises(auth.AuthError, match="不能为空"):
        auth.add_editor(store, "  ", PASSWORD)
    with pytest.raises(auth.AuthError, match="已存在"):
        auth.add_editor(store, "张三", PASSWORD)
    with pytest.raises(auth.AuthError, match="没有编辑人员"):
        auth.remove_editor(store, "王五")


# --- login --------------------------------------------------------------------------------------------


def test_login_mints_an_editor_the_store_accepts(store: SqliteStore) -> None:
    editor = auth.login(store, "张三", PASSWORD)
    assert editor is not None and editor.name == "张三"
    from xq_metrics.model import Dataset, SourceInfo

    dataset = Dataset(sources=(SourceInfo("t", "t.xlsx", False, datetime(2025, 1, 1)),))
    assert store.save(b"x", "t.xlsx", dataset, None, editor).editor == "张三"
    auth.remove_editor(store, "张三")
    with pytest.raises(EditorRequired):
        store.save(b"x", "t.xlsx", dataset, None, editor)


def test_wrong_password_and_unknown_name_are_refused_and_audited(store: SqliteStore) -> None:
    assert auth.login(store, "张三", "wrong password") is None
    assert auth.login(store, "王五", PASSWORD) is None
    assert auth.login(store, "", PASSWORD) is None
    log = store.audit_log()
    assert [(e.editor, e.action) for e in log[:3]] == [("", "login_failed"), ("王五", "login_failed"), ("张三", "login_failed")]
    assert "第1次" in log[2].detail
    assert auth.login(store, "张三", PASSWORD) is not None
    assert store.audit_log()[0].action == "login"


def test_failures_lock_with_a_growing_delay_and_success_resets(store: SqliteStore) -> None:
    clock = FakeClock()
    fail(store, clock, 2)
    assert auth.locked_for(store, "张三", clock) == timedelta(0)
    fail(store, clock)  # the third failure in a row: locked 1 s
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=1)
    assert auth.login(store, "张三", PASSWORD, clock) is None  # even the right password waits
    assert store.audit_log()[0].action == "login_locked"
    clock.advance(1)
    fail(store, clock)  # fourth: 2 s
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=2)
    clock.advance(2)
    fail(store, clock)  # fifth: 4 s
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=4)
    clock.advance(4)
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


def test_attempts_during_the_lock_do_not_extend_it(store: SqliteStore) -> None:
    clock = FakeClock()
    fail(store, clock, 3)
    fail(store, clock, 5)  # refused while locked, without checking the password
    assert store.editor_records()[0].failed_count == 3
    assert auth.locked_for(store, "张三", clock) == timedelta(seconds=1)


def test_lock_is_per_name(store: SqliteStore) -> None:
    clock = FakeClock()
    auth.add_editor(store, "李四", PASSWORD)
    fail(store, clock, 5)
    assert auth.login(store, "李四", PASSWORD, clock) is not None


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
    assert main(["editors", "list", "--store", "postgresql://db/xq"]) == 1
    assert "PostgreSQL" in capsys.readouterr().err
