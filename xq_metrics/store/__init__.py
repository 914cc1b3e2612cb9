"""Versioned storage of the data set in use: every upload, rollback and login, behind one small interface.

`open_store` picks the backend from a path or URL (default: $XQ_STORE, else var/xq.sqlite3):
a path or `sqlite:///path` gives SqliteStore, `postgresql://…` gives PostgresStore. Both pass one contract test
suite. Every write needs an `Editor` holding a live login session, which only `auth.attempt` obtains (the seed
on first start is the one exception).

  interface.py   the Store protocol, its records and errors
  tokens.py      Editor and its login session (limits, secrets)
  base.py        the queries and rules both SQL backends share
  sqlite.py, postgres.py   the two backends
  migrations.py  the schema as numbered steps
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import texts
from .base import SqlStore, redact_url
from .interface import (
    AuditEntry, Clock, EditorRecord, EditorRequired, Kind, LoginGate, LoginState, SessionExpired, StaleVersion, Store,
    StoreError, StoreFull, StoreUnavailable, Version, VersionInfo, VersionNotFound, sha256_of, summarise,
)
from .migrations import LATEST as SCHEMA_VERSION
from .sqlite import SqliteStore
from .tokens import ABSOLUTE_LIMIT, IDLE_LIMIT, Editor

__all__ = [
    "ABSOLUTE_LIMIT", "AuditEntry", "Clock", "DEFAULT_PATH", "Editor", "EditorRecord", "EditorRequired", "IDLE_LIMIT",
    "Kind", "LoginGate", "LoginState", "SCHEMA_VERSION", "STORE_ENV", "SessionExpired", "SqlStore", "SqliteStore",
    "StaleVersion", "Store", "StoreError", "StoreFull", "StoreUnavailable", "Version", "VersionInfo",
    "VersionNotFound", "default_location", "is_postgres", "open_store", "redact_url", "sha256_of", "summarise",
]

STORE_ENV = "XQ_STORE"
DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "var" / "xq.sqlite3"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def default_location() -> str:
    return os.environ.get(STORE_ENV) or str(DEFAULT_PATH)


def is_postgres(location: str) -> bool:
    return location.lower().startswith(POSTGRES_SCHEMES)


def open_store(url_or_path: str | Path | None = None, clock: Clock | None = None) -> Store:
    """The store at a path or URL (default: $XQ_STORE, else var/xq.sqlite3), its schema brought up to date."""
    target = str(url_or_path) if url_or_path else default_location()
    if is_postgres(target):
        from .postgres import PostgresStore  # psycopg is needed only by those who use PostgreSQL

        return PostgresStore(target, clock)
    if target.lower().startswith(SQLITE_SCHEME):
        target = target[len(SQLITE_SCHEME):]
    elif "://" in target:
        raise StoreUnavailable(texts.STORE_URL_UNSUPPORTED.format(url=redact_url(target)))
    return SqliteStore(target, clock)
