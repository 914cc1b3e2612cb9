"""The isolation: whatever a child does, the caller gets an Outcome naming the limit, and carries on."""

from __future__ import annotations

import os
import signal
import threading
import time
from datetime import date, datetime

import pytest

from tests import hostile
from xq_metrics import isolation
from xq_metrics.findings import Finding
from xq_metrics.isolation import GB, MB, Limits

LIMITS = Limits(memory_bytes=1 * GB, cpu_seconds=2, wall_seconds=6, output_bytes=4 * MB)


@pytest.mark.parametrize(
    ("function", "args", "limit"),
    [
        (hostile.allocate, (3 * GB,), "memory"),
        (hostile.abort_like_calamine, (), "memory"),
        (hostile.spin, (), "cpu"),
        (hostile.sleep_forever, (), "time"),
        (hostile.big_result, (8 * MB,), "output"),
        (hostile.segfault, (), "crash"),
        (hostile.raise_error, (), "error"),
        (hostile.evil_pickle, (), "crash"),
    ],
    ids=["python-memory", "native-abort", "cpu", "wall-time", "output", "segfault", "exception", "evil-pickle"],
)
def test_every_way_a_child_can_go_wrong_is_named_and_the_caller_carries_on(function, args, limit: str) -> None:
    started = time.monotonic()
    outcome = isolation.run(function, *args, limits=LIMITS)
    assert outcome.failure is not None and outcome.failure.limit == limit, outcome
    assert outcome.value is None
    # Bounded: the wall limit plus the time to reap the child.
    assert time.monotonic() - started < LIMITS.wall_seconds + isolation.JOIN_SECONDS
    assert isolation.run(hostile.echo, "still here", limits=LIMITS).value == "still here"


def test_the_evil_pickle_never_ran(tmp_path, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(os, "system", lambda command: calls.append(command) or 0)
    isolation.run(hostile.evil_pickle, limits=LIMITS)
    assert calls == []


def test_plain_values_dates_and_our_dataclasses_come_back() -> None:
    value = {"a": [1, 2.5, None, "文字"], "b": (date(2024, 1, 2), datetime(2024, 1, 2, 3, 4)), "c": {1, 2}}
    assert isolation.run(hostile.echo, value, limits=LIMITS).value == value
    finding = Finding("error", "BAD_NUMBER", "指标数据", 5, "D", "消息")
    assert isolation.run(hostile.echo, finding, limits=LIMITS).value == finding


def test_a_child_that_fills_its_stderr_pipe_is_read_not_blocked() -> None:
    outcome = isolation.run(hostile.shout_on_stderr, 2000, limits=LIMITS)  # about 400 KB
    assert outcome.value == 2000


def test_the_child_is_another_process_and_is_gone_afterwards() -> None:
    outcome = isolation.run(hostile.pid, limits=LIMITS)
    assert outcome.ok and outcome.value != os.getpid()
    isolation.run(hostile.sleep_forever, limits=Limits(GB, 2, 0.5, MB))
    server = isolation.server_pid()
    assert server is not None
    deadline = time.monotonic() + 5
    while _children_of(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _children_of(server) == []  # killed and reaped: no zombie, no orphan still sleeping


def test_a_dead_fork_server_is_started_again() -> None:
    assert isolation.run(hostile.echo, 1, limits=LIMITS).ok
    server = isolation.server_pid()
    assert server is not None
    os.kill(server, signal.SIGKILL)
    time.sleep(0.1)
    assert isolation.run(hostile.echo, 2, limits=LIMITS).value == 2
    assert isolation.server_pid() not in (None, server)


def test_calls_from_many_threads_all_get_their_own_answer() -> None:
    results: dict[int, object] = {}

    def call(n: int) -> None:
        results[n] = isolation.run(hostile.echo, n, limits=LIMITS).value

    threads = [threading.Thread(target=call, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {n: n for n in range(8)}


def test_a_caller_that_finds_every_slot_taken_is_told_so_in_bounded_time() -> None:
    slow = Limits(GB, 5, 3, MB)
    threads = [threading.Thread(target=isolation.run, args=(hostile.sleep_forever,), kwargs={"limits": slow})
               for _ in range(isolation.MAX_CHILDREN)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    outcome = isolation.run(hostile.echo, 1, limits=Limits(GB, 1, 0.5, MB))
    for t in threads:
        t.join()
    assert outcome.failure is not None and outcome.failure.limit == "busy"
    assert isolation.limit_finding(outcome.failure).code == "SERVER_BUSY"


def _children_of(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


@pytest.mark.parametrize("started_first", [True, False], ids=["child-running", "child-not-yet-there"])
def test_a_cancelled_call_returns_at_once_and_its_child_is_killed(started_first: bool) -> None:
    """The loader cancels the reader when the byte screen refuses the file: the refusal never waits for the child."""
    pending = isolation.Pending(hostile.sleep_forever, limits=LIMITS)
    if started_first:
        time.sleep(0.5)
    began = time.monotonic()
    pending.cancel()
    assert time.monotonic() - began < 0.1
    outcome = pending.result()
    assert outcome.failure is not None and outcome.failure.limit == "cancelled"
    assert time.monotonic() - began < LIMITS.wall_seconds / 2  # killed, not timed out
    server = isolation.server_pid()
    assert server is not None
    deadline = time.monotonic() + 5
    while _children_of(server) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _children_of(server) == []


def test_a_pending_call_gives_the_same_answer_as_a_direct_one() -> None:
    assert isolation.Pending(hostile.echo, "同一个", limits=LIMITS).result().value == "同一个"


def test_only_the_upload_worker_may_ask_the_fork_server_for_children_of_its_own() -> None:
    # A parser that a file subverted could otherwise start children with limits of its own choosing.
    outcome = isolation.run(hostile.nested_parent_pids, limits=LIMITS)
    assert outcome.value == (isolation.server_pid(), None)


@pytest.mark.parametrize(("then", "ok"), [("return", True), ("raise", False), ("abort", False)])
def test_what_a_child_sends_early_reaches_the_caller_before_its_result_whatever_follows(then: str, ok: bool) -> None:
    pending = isolation.Pending(hostile.early_then, {"sheets": [1, 2]}, then, limits=LIMITS)
    assert pending.early() == {"sheets": [1, 2]}  # once: the second send_early is not sent
    outcome = pending.result()
    assert outcome.ok is ok and (outcome.value == "done" if ok else outcome.failure is not None)


def test_a_child_that_sends_nothing_early_ends_the_wait_with_none() -> None:
    pending = isolation.Pending(hostile.echo, 5, limits=LIMITS)
    assert pending.early() is None and pending.result().value == 5


def test_an_evil_pickle_sent_early_is_dropped_unrun(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(os, "system", lambda command: calls.append(command) or 0)
    pending = isolation.Pending(hostile.early_evil, limits=LIMITS)
    assert pending.early() is None and pending.result().value == "done"
    assert calls == []
