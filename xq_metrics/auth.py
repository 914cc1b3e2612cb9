"""Editors: the officials allowed to upload and roll back. Passwords hashed with scrypt, logins counted and locked.

`attempt` is the only way to get an `Editor`: the store counts the attempt and checks the lock in one
transaction before any password is checked, so parallel guessing tests at most the attempts the policy allows,
on every replica alike. The lock applies to any name typed, editor or not, with the same message, so it reveals
nothing about which names exist. A login is a session in the store that expires (store.tokens) and ends on
`logout` or when the editor is removed.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import math
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Literal

from . import texts
from .store import Editor, EditorRequired, Store, StoreFull

__all__ = [
    "AuthError", "Editor", "EditorInfo", "LoginResult", "add_editor", "attempt", "clean_typed_name", "hash_password",
    "list_editors", "lock_duration", "locked_for", "login", "logout", "remove_editor", "resume", "verify_password",
]

MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 64
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
FREE_FAILURES = 2  # the third attempt in a row without success starts the lock
MAX_LOCK = timedelta(minutes=15)
HASH_SCHEME = "scrypt"

Clock = Callable[[], datetime]
Refusal = Literal["bad", "locked", "full"]


class AuthError(ValueError):
    """A request about editors that cannot be done; the message is for the official."""


@dataclass(frozen=True)
class EditorInfo:
    name: str
    created_at: datetime
    failed_count: int
    locked_until: datetime | None


@dataclass(frozen=True)
class LoginResult:
    """What a login form shows: the editor, or why not ('bad', 'locked' or 'full') and how long to wait."""

    editor: Editor | None
    refusal: Refusal | None = None
    wait_seconds: int = 0

    @property
    def ok(self) -> bool:
        return self.editor is not None

    @property
    def message(self) -> str:
        if self.refusal == "full":
            return texts.STORE_FULL
        if self.refusal == "locked":
            return texts.LOGIN_LOCKED.format(seconds=self.wait_seconds)
        if self.refusal == "bad":
            if self.wait_seconds > 0:
                return texts.LOGIN_BAD_AND_LOCKED.format(seconds=self.wait_seconds)
            return texts.LOGIN_FAILED
        return texts.LOGGED_IN_AS.format(name=self.editor.name if self.editor else "")


def hash_password(password: str) -> str:
    """"scrypt$n$r$p$salt$hash" (base64): the parameters travel with the hash, so they can be raised later."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return "$".join((HASH_SCHEME, str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(key)))


def verify_password(password: str, encoded: str) -> bool:
    try:
        scheme, n, r, p, salt, key = encoded.split("$")
        if scheme != HASH_SCHEME:
            return False
        expected = base64.b64decode(key)
        actual = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def lock_duration(failures: int) -> timedelta | None:
    """No lock for the first failures, then 1 s, 2 s, 4 s … doubling, at most 15 minutes."""
    if failures <= FREE_FAILURES:
        return None
    exponent = min(failures - FREE_FAILURES - 1, 20)  # 2**20 s is far past the cap: no huge integers
    return min(timedelta(seconds=2**exponent), MAX_LOCK)


def add_editor(store: Store, name: str, password: str, actor: str = texts.CLI_EDITOR) -> None:
    name = _clean_name(name)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(texts.PASSWORD_TOO_SHORT.format(min=MIN_PASSWORD_LENGTH))
    if not store.insert_editor(name, hash_password(password), actor):
        raise AuthError(texts.EDITOR_EXISTS.format(name=name))


def remove_editor(store: Store, name: str, actor: str = texts.CLI_EDITOR) -> None:
    """Remove an editor; every login they have ends at once (their next save is refused)."""
    name = _clean_name(name)
    if not store.delete_editor(name, actor):
        raise AuthError(texts.EDITOR_MISSING.format(name=name))


def list_editors(store: Store) -> list[EditorInfo]:
    return [EditorInfo(r.name, r.created_at, r.failed_count, r.locked_until) for r in store.editor_records()]


def attempt(store: Store, name: str, password: str, now: datetime | None = None) -> LoginResult:
    """One login attempt, counted before the password is checked; every attempt leaves an audit row.

    A full disk refuses the login ('full') without checking the password: an attempt that cannot be counted
    must not be allowed to guess.
    """
    now = now or _now()
    typed = clean_typed_name(name)
    try:
        gate = store.begin_login(typed, now, lock_duration)
    except StoreFull:
        return LoginResult(None, "full")
    if not gate.allowed:
        return LoginResult(None, "locked", _seconds_until(gate.locked_until, now))
    # The same scrypt work for a name that is no editor: the answer's timing does not tell which names exist.
    right = verify_password(password, gate.password_hash or _dummy_hash()) and gate.password_hash is not None
    try:
        if right:
            return LoginResult(store.open_session(typed, now))
        action = "login_failed" if gate.password_hash is not None else "login_unknown"
        store.log(typed, action, {"count": gate.failed_count})
    except StoreFull:
        return LoginResult(None, "full")
    except EditorRequired:
        pass  # removed between the password check and the session: an ordinary refusal
    return LoginResult(None, "bad", _seconds_until(gate.locked_until, now))


def login(store: Store, name: str, password: str, clock: Clock | None = None) -> Editor | None:
    """An Editor when the password is right and the name is not locked; None otherwise (see `attempt`)."""
    return attempt(store, name, password, (clock or _now)()).editor


def resume(store: Store, session_secret: str, now: datetime | None = None) -> Editor | None:
    """The editor of a live login from its session secret (e.g. a cookie after a browser reload), or None.

    On a full disk the login cannot be refreshed, so it is not resumed (None): nothing can be saved then anyway,
    and the same secret resumes once space is freed, if it has not expired meanwhile.
    """
    try:
        return store.resume_session(session_secret, now or _now())
    except StoreFull:
        return None


def logout(store: Store, editor: Editor, now: datetime | None = None) -> None:
    """End this login: its secret no longer saves or resumes anything."""
    store.end_session(editor, now or _now())


def locked_for(store: Store, name: str, clock: Clock | None = None) -> timedelta:
    """How long `name` must wait before the next attempt (zero when not locked), for the login form's message."""
    state = store.login_state(clean_typed_name(name))
    now = (clock or _now)()
    if state.locked_until is None or state.locked_until <= now:
        return timedelta(0)
    return state.locked_until - now


def clean_typed_name(name: str) -> str:
    """A name as typed at the login, safe to count and record: NFC, no control or invisible characters, bounded.

    Only for logins: adding an editor refuses such a name instead (see _clean_name), so no editor has one.
    """
    text = unicodedata.normalize("NFC", str(name))
    text = "".join(ch for ch in text if not _invisible(ch))
    return text.strip()[:MAX_NAME_LENGTH]


def _invisible(ch: str) -> bool:
    # Cc control, Cf format (zero-width, bidi overrides), Cs/Co/Cn surrogates, private use, unassigned; Zl/Zp breaks.
    return unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _seconds_until(moment: datetime | None, now: datetime) -> int:
    if moment is None or moment <= now:
        return 0
    return math.ceil((moment - now).total_seconds())


def _clean_name(name: str) -> str:
    # NFC: the same Chinese name typed on two machines must be the same editor.
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise AuthError(texts.EDITOR_NAME_EMPTY)
    if any(_invisible(ch) for ch in name):
        raise AuthError(texts.EDITOR_NAME_CONTROL)
    if len(name) > MAX_NAME_LENGTH:
        raise AuthError(texts.EDITOR_NAME_TOO_LONG.format(max=MAX_NAME_LENGTH))
    return name


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    # maxmem above the 128*n*r bytes scrypt needs (16 MiB at the defaults), so stronger stored params still verify.
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=max(64 * 1024 * 1024, 256 * n * r)
    )


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _now() -> datetime:
    return datetime.now().astimezone()
