"""Fixtures that run a test against every store backend: SQLite in a temporary file, PostgreSQL in a fresh schema
of the session's throwaway server (tests/pgserver.py). Imported by conftest.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from tests.pgserver import PgServer, PostgresUnavailable
from xq_metrics.store import Clock, Store, open_store

BACKENDS = ("sqlite", "postgres")


@dataclass
class Backend:
    """One store location of one backend; `open` gives a store there (closed after the test)."""

    name: str
    url: str
    opened: list[Store] = field(default_factory=list)

    def open(self, clock: Clock | None = None) -> Store:
        store = open_store(self.url, clock)
        self.opened.append(store)
        return store


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = PgServer()
    try:
        server.start()
    except PostgresUnavailable as exc:
        server.stop()
        pytest.fail(f"the throwaway PostgreSQL server did not start, so the PostgreSQL tests cannot run: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A store URL in a fresh, empty schema, dropped after the test."""
    schema, url = pg_server.new_schema()
    yield url
    pg_server.drop_schema(schema)


def _location(request: pytest.FixtureRequest, name: str, tmp_path: Path) -> str:
    return str(tmp_path / "xq.sqlite3") if name == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """A store location on each backend in turn: the contract every backend must pass."""
    chosen = Backend(request.param, _location(request, request.param, tmp_path))
    yield chosen
    for store in chosen.opened:
        store.close()
