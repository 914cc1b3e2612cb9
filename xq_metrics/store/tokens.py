"""Editor tokens: a login is a session row in the store, and an `Editor` carries that session's secret.

A login (auth.attempt) asks the store to open a session; the store keeps only the SHA-256 of the session's
random secret, so reading the database does not hand out live logins. Every write presents the Editor, and the
store checks its session: it exists, belongs to that editor, is not revoked (logout, `editors remove`), has been
used within IDLE_LIMIT and was opened less than ABSOLUTE_LIMIT ago. Each write refreshes `last_seen`.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

# A login unused for an hour ends; none lasts longer than a working day, however busy. Both are in the README.
IDLE_LIMIT = timedelta(hours=1)
ABSOLUTE_LIMIT = timedelta(hours=12)
SECRET_BYTES = 32

SessionState = Literal["ok", "revoked", "idle", "expired"]


@dataclass(frozen=True)
class Editor:
    """A logged-in editor. Only a successful login (auth.attempt) gets one from the store.

    `secret` is the session's bearer secret: a page may keep it in a cookie to resume the login after a reload
    (auth.resume), never in a URL. It is left out of repr so it does not end up in logs.
    """

    name: str
    issued_at: datetime
    secret: str = field(repr=False)


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def session_key(secret: str) -> str:
    """What the store keeps instead of the secret (the sessions table's primary key)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def session_state(issued_at: datetime, last_seen: datetime, revoked: bool, now: datetime) -> SessionState:
    if revoked:
        return "revoked"
    if now - issued_at >= ABSOLUTE_LIMIT or now < issued_at - timedelta(minutes=5):
        # A session "issued" well in the future means a clock jumped or a row was forged: refuse it too.
        return "expired"
    if now - last_seen >= IDLE_LIMIT:
        return "idle"
    return "ok"
