"""The page's check, save and rollback in a child: the same answers as in process, and nothing built here."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests import hostile, messy
from tests.workbooks import workbook
from xq_metrics import auth, diff, isolation, loader, texts, upload, upload_worker
from xq_metrics.isolation import MB, Failure, Limits, Outcome
from xq_metrics.store import open_store

FOREST = {"指标数据": [["指标", "镇街", "年份", "数值", "来源"], ["森林覆盖率", "全区", 2025, 25.9, "区林业局"]]}
WATER = {"指标数据": [["指标", "镇街", "年份", "数值"], ["城镇生活垃圾无害化处理率", "全区", 2025, 100.0]]}
LOOSE = {"指标数据": [["指标", "镇街", "年份", "数值（%）"], ["森林覆盖率", "精武", 2025, "26.1%"], ["不存在的指标", "全区", 2025, 1]]}
TEN_YEARS = {"指标数据": [["指标", "镇街", "年份", "数值"], *[["森林覆盖率", "全区", y, 20.0 + y % 10] for y in range(2001, 2011)]]}


@pytest.fixture()
def location(tmp_path: Path) -> str:
    path = str(tmp_path / "worker.sqlite3")
    store = open_store(path)
    upload.seed(store)
    auth.add_editor(store, "张三", "correct-horse-1")
    return path


def editor(location: str) -> auth.Editor:
    result = auth.attempt(open_store(location), "张三", "correct-horse-1")
    assert result.editor is not None
    return result.editor


@pytest.mark.parametrize(
    "data",
    [workbook(FOREST), workbook(LOOSE), workbook(TEN_YEARS), messy.formula_without_value(), hostile.vba_project()],
    ids=["clean", "loose-and-unknown", "ten-rows", "formula", "macros"],
)
def test_a_check_in_the_child_says_what_a_check_in_process_says(location: str, data: bytes) -> None:
    here = upload.check(open_store(location), data, "一季度.xlsx")
    there = upload_worker.check(location, data, "一季度.xlsx", (), 3)
    assert (there.ok, there.green, there.headline, there.findings) == (here.ok, here.green, here.headline, here.findings)
    assert there.report_json() == here.report_json() and there.confirmation == here.confirmation
    assert (there.data, there.file_name, there.base_version) == (data, "一季度.xlsx", 1)
    if here.preview is None:
        assert there.preview is None
    else:
        assert there.preview == diff.page(here.preview, 3)
        assert there.preview.total == len(here.preview.changes) and len(there.preview.rows) == min(3, there.preview.total)


def test_the_dashboard_process_never_builds_the_upload(location: str, monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the upload was read in the dashboard's process")

    monkeypatch.setattr(loader, "load", refuse)
    monkeypatch.setattr(upload, "check", refuse)
    checked = upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)
    assert checked.ok and checked.preview is not None and not checked.preview.empty
    saved = upload_worker.save(location, checked, editor(location))
    assert saved.number == 2


def test_a_save_in_the_child_stores_what_was_previewed(location: str) -> None:
    checked = upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)
    saved = upload_worker.save(location, checked, editor(location))
    store = open_store(location)
    assert (saved.number, saved.editor, store.head().number) == (2, "张三", 2)
    expected = upload.check(store, workbook(FOREST), "x.xlsx", against=1).result.dataset
    assert expected is not None
    stored = store.current().dataset
    assert replace(stored, sources=()) == replace(expected, sources=())  # the same but for when each was read
    assert [s.file_name for s in stored.sources] == [s.file_name for s in expected.sources]


def test_two_offices_saving_from_the_same_version_both_keep_their_change(location: str) -> None:
    first = upload_worker.check(location, workbook(FOREST), "林业.xlsx", (), 10)
    second = upload_worker.check(location, workbook(WATER), "水务.xlsx", (), 10)
    upload_worker.save(location, first, editor(location))
    upload_worker.save(location, second, editor(location))  # previewed against version 1, saved onto version 2
    figures = {(o.indicator, o.year): o.value for o in open_store(location).current().dataset.observations}
    assert figures[("森林覆盖率", 2025)] == 25.9 and figures[("城镇生活垃圾无害化处理率", 2025)] == 100.0


def test_a_save_that_would_overwrite_a_newer_change_is_refused_with_the_field(location: str) -> None:
    mine = upload_worker.check(location, workbook(FOREST), "林业.xlsx", (), 10)
    theirs = {"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2025, 24.0]]}
    upload_worker.save(location, upload_worker.check(location, workbook(theirs), "另一份.xlsx", (), 10), editor(location))
    with pytest.raises(upload_worker.Refused, match="森林覆盖率"):
        upload_worker.save(location, mine, editor(location))
    assert open_store(location).head().number == 2


def test_a_loss_saves_only_with_its_counted_confirmation(location: str) -> None:
    ten = upload_worker.check(location, workbook(TEN_YEARS), "十年.xlsx", (), 10)
    upload_worker.save(location, ten, editor(location))
    back = upload_worker.rollback_preview(location, 1, 4)
    assert back.confirmation.removed == 10 and back.total == 10 and len(back.rows) == 4
    with pytest.raises(upload_worker.Refused, match=texts.CONFIRM_NEEDED.format(removed=10, blanked=0, plan=0)):
        upload_worker.rollback(location, 1, editor(location))
    restored = upload_worker.rollback(location, 1, editor(location), back.confirmation)
    assert (restored.number, restored.rolled_back_from) == (3, 1)


def test_an_upload_that_would_remove_rows_changes_nothing_until_the_count_is_confirmed(location: str) -> None:
    upload_worker.save(location, upload_worker.check(location, workbook(TEN_YEARS), "十年.xlsx", (), 10), editor(location))
    before = open_store(location).current()
    assert before is not None
    # 指标数据 replaced as a whole by a file of one figure: the other rows in use would go.
    replacing = upload_worker.check(location, workbook(FOREST), "替换.xlsx", ("values",), 10)
    assert replacing.confirmation.removed > 0
    wrong = replace(replacing.confirmation, removed=replacing.confirmation.removed - 1)
    for confirmed in (None, wrong):
        with pytest.raises(upload_worker.Refused, match="需要确认"):
            upload_worker.save(location, replacing, editor(location), confirmed)
        after = open_store(location).current()
        assert after is not None and after.number == before.number
        assert after.dataset == before.dataset  # every table, row and field as it was
    upload_worker.save(location, replacing, editor(location), replacing.confirmation)
    kept = [o for o in open_store(location).current().dataset.observations if o.indicator == "森林覆盖率"]
    assert [(o.year, o.value) for o in kept] == [(2025, 25.9)]


def test_a_logged_out_editor_cannot_save_through_the_child(location: str) -> None:
    who = editor(location)
    checked = upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)
    auth.logout(open_store(location), who)
    with pytest.raises(upload_worker.Refused):
        upload_worker.save(location, checked, who)
    assert open_store(location).head().number == 1


STARVED = Limits(memory_bytes=64 * MB, cpu_seconds=30, wall_seconds=60, output_bytes=MB)  # cannot even open the store


def test_a_child_that_is_stopped_is_a_finding_or_a_refusal_and_the_data_stay(location: str, monkeypatch) -> None:
    good = upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)
    monkeypatch.setattr(upload_worker, "WORK_LIMITS", STARVED)
    checked = upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)
    assert not checked.ok and checked.preview is None and [f.code for f in checked.findings] == ["READ_LIMIT"]
    assert any(words in checked.findings[0].message for words in texts.READ_LIMITS.values())
    with pytest.raises(upload_worker.Refused, match=texts.WORK_STOPPED.split("（")[0]):
        upload_worker.save(location, good, editor(location))
    with pytest.raises(upload_worker.Refused, match=texts.WORK_STOPPED.split("（")[0]):
        upload_worker.rollback_preview(location, 1, 10)
    assert open_store(location).head().number == 1


@pytest.mark.parametrize(
    ("limit", "code", "said"),
    [("busy", "SERVER_BUSY", "当前使用的数据没有任何变化"), ("time", "READ_LIMIT", "请先在下方的历史记录中核对")],
)
def test_a_child_never_started_is_told_apart_from_one_stopped_midway(location: str, monkeypatch, limit, code, said) -> None:
    good = upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)
    monkeypatch.setattr(upload_worker, "run", lambda *args, limits: Outcome(failure=Failure(limit, "2")))
    assert [f.code for f in upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10).findings] == [code]
    with pytest.raises(upload_worker.Refused, match=said):
        upload_worker.save(location, good, editor(location))


def test_the_workers_reading_child_comes_from_the_one_fork_server(location: str) -> None:
    """The worker asks the dashboard's fork server for its reading child: it never boots a server of its own."""
    upload_worker.check(location, workbook(FOREST), "x.xlsx", (), 10)  # the server is up
    server = isolation.server_pid()
    seen: set[int] = set()
    stop = threading.Event()

    def parent_of(pid: int | str) -> int:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])

    def watch() -> None:
        while not stop.is_set():
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    command = Path(f"/proc/{pid}/cmdline").read_bytes()
                    parent = parent_of(pid)
                    # A server a worker started has the worker, one of our server's children, as parent. The
                    # server's own children carry its command line too; other programs' servers are not ours.
                    ours = b"isolation_worker import serve" in command and parent_of(parent) == server
                except (OSError, ValueError, IndexError):
                    continue
                if ours and parent not in (os.getpid(), server):
                    seen.add(int(pid))
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        checked = upload_worker.check(location, workbook(TEN_YEARS), "十年.xlsx", (), 10)
    finally:
        stop.set()
        watcher.join()
    assert checked.ok and checked.preview is not None and checked.preview.total == 10
    assert isolation.server_pid() == server and not seen
