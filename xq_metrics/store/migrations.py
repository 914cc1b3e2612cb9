"""The store's schema, as explicit numbered steps recorded in a `schema_migrations` table.

Opening a store applies the steps it has not had yet, all in one transaction that holds the store's write lock,
so two replicas starting together migrate once and a failed step leaves the schema as it was (both SQLite and
PostgreSQL roll DDL back). A store created by the previous release has the tables of step 1 but no
`schema_migrations`: it is recorded as at step 1 and upgraded from there, its rows kept.

Step 1 is the previous release's schema (for PostgreSQL, its faithful translation). Step 2 adds login sessions,
the login throttle for any name typed, and audit parameters; the old audit sentences move into the parameters
under audit.LEGACY_DETAIL and the old per-editor failure counts move into the throttle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Dialect = Literal["sqlite", "postgres"]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sqlite: tuple[str, ...]
    postgres: tuple[str, ...]

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        return self.sqlite if dialect == "sqlite" else self.postgres


MIGRATIONS_TABLE = {
    "sqlite": "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL)",
    "postgres": "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL,"
    " applied_at timestamptz NOT NULL)",
}

_V1_SQLITE = (
    """CREATE TABLE versions (
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
    )""",
    "CREATE INDEX versions_by_sha256 ON versions (sha256)",
    """CREATE TABLE originals (
        number INTEGER PRIMARY KEY REFERENCES versions (number),
        data BLOB NOT NULL
    )""",
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        editor TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE editors (
        name TEXT UNIQUE NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    )""",
)

_V1_POSTGRES = (
    """CREATE TABLE versions (
        number integer UNIQUE NOT NULL CHECK (number > 0),
        created_at timestamptz NOT NULL,
        editor text NOT NULL,
        file_name text NOT NULL,
        sha256 text NOT NULL,
        summary jsonb NOT NULL,
        snapshot bytea NOT NULL,
        kind text NOT NULL CHECK (kind IN ('seed', 'upload', 'rollback')),
        rolled_back_from integer REFERENCES versions (number),
        CHECK ((kind = 'rollback') = (rolled_back_from IS NOT NULL))
    )""",
    "CREATE INDEX versions_by_sha256 ON versions (sha256)",
    """CREATE TABLE originals (
        number integer PRIMARY KEY REFERENCES versions (number),
        data bytea NOT NULL
    )""",
    """CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        time timestamptz NOT NULL,
        editor text NOT NULL,
        action text NOT NULL,
        detail text NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE editors (
        name text UNIQUE NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        failed_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz
    )""",
)

_V2_SQLITE = (
    # Failed logins are counted per name typed, editor or not, so a lock says nothing about which names exist.
    """CREATE TABLE login_throttle (
        name TEXT PRIMARY KEY,
        failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
        locked_until TEXT
    )""",
    "INSERT INTO login_throttle (name, failed_count, locked_until) SELECT name, failed_count, locked_until"
    " FROM editors WHERE failed_count > 0 OR locked_until IS NOT NULL",
    "ALTER TABLE editors DROP COLUMN failed_count",
    "ALTER TABLE editors DROP COLUMN locked_until",
    # id is the SHA-256 of the session secret: the database never holds a usable login.
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        editor TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        revoked_at TEXT
    )""",
    "CREATE INDEX sessions_by_editor ON sessions (editor)",
    "ALTER TABLE audit ADD COLUMN params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params))",
    "UPDATE audit SET params = json_object('legacy_detail', detail) WHERE detail <> ''",
    "ALTER TABLE audit DROP COLUMN detail",
)

_V2_POSTGRES = (
    """CREATE TABLE login_throttle (
        name text PRIMARY KEY,
        failed_count integer NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
        locked_until timestamptz
    )""",
    "INSERT INTO login_throttle (name, failed_count, locked_until) SELECT name, failed_count, locked_until"
    " FROM editors WHERE failed_count > 0 OR locked_until IS NOT NULL",
    "ALTER TABLE editors DROP COLUMN failed_count",
    "ALTER TABLE editors DROP COLUMN locked_until",
    """CREATE TABLE sessions (
        id text PRIMARY KEY,
        editor text NOT NULL,
        issued_at timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        revoked_at timestamptz
    )""",
    "CREATE INDEX sessions_by_editor ON sessions (editor)",
    "ALTER TABLE audit ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb",
    "UPDATE audit SET params = jsonb_build_object('legacy_detail', detail) WHERE detail <> ''",
    "ALTER TABLE audit DROP COLUMN detail",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "versions, originals, audit, editors (the previous release)", _V1_SQLITE, _V1_POSTGRES),
    Migration(2, "login sessions, login throttle per name, audit codes with parameters", _V2_SQLITE, _V2_POSTGRES),
)
LATEST = MIGRATIONS[-1].version


def pending(applied: int) -> tuple[Migration, ...]:
    return tuple(m for m in MIGRATIONS if m.version > applied)
