"""Helpers for the store tests: tiny data sets, a fake clock, raw SQL on either backend, process starters."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Any, Sequence

from xq_metrics.model import Dataset, Observation, SourceInfo
from xq_metrics.store import is_postgres

PASSWORD = "西青-correct-horse"
CST = timezone(timedelta(hours=8))


def tiny(name: str, value: float = 1.0) -> Dataset:
    return Dataset(
        sources=(SourceInfo(name, f"{name}.xlsx", False, datetime(2025, 1, 1, 8, 0)),),
        observations=(Observation("常住人口城镇化率", "全区", 2024, value),),
    )


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 6, 1, 9, 0, tzinfo=CST)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def raw(url: str, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Run SQL on the store's database directly (not through the store), written with ? placeholders."""
    if is_postgres(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            cur = conn.execute(sql.replace("?", "%s"), tuple(params) or None)
            return cur.fetchall() if cur.description else []
    with sqlite3.connect(url, isolation_level=None) as conn:
        rows = conn.execute(sql, tuple(params)).fetchall()
    conn.close()
    return rows


def count(url: str, table: str) -> int:
    return raw(url, f"SELECT COUNT(*) FROM {table}")[0][0]


def integrity_ok(url: str) -> bool:
    if is_postgres(url):
        # PostgreSQL has no integrity_check: every version must have its row, and its original or a source.
        orphans = raw(url, "SELECT COUNT(*) FROM originals o LEFT JOIN versions v ON v.number = o.number"
                           " WHERE v.number IS NULL")[0][0]
        return orphans == 0
    return raw(url, "PRAGMA integrity_check")[0][0] == "ok"


# Modules the child processes' targets live in, imported once by the fork server instead of once per child.
CHILD_MODULES = ["tests.test_store_contract", "tests.test_auth", "tests.storetools", "xq_metrics.store.postgres"]


def processes() -> multiprocessing.context.BaseContext:
    """Children for the concurrency tests, started by a fork server.

    A plain fork would copy this process's open SQLite connections into the child (SQLite forbids using them
    there, and its lock bookkeeping is copied with them); spawn re-imports everything in each child (seconds on
    a small machine). A fork server is a clean process that imports the test modules once and forks from there.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(CHILD_MODULES)
    return context


def run_all(context: multiprocessing.context.BaseContext, target, args_per_child: list[tuple], timeout: float = 120) -> list[int | None]:
    children = [context.Process(target=target, args=args) for args in args_per_child]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=timeout)
    for child in children:
        if child.is_alive():
            child.kill()
    return [c.exitcode for c in children]
