"""Editors: the officials allowed to upload and roll back. Passwords hashed with scrypt, logins slowed after failures.

`login` is the only way to get an `Editor`, and the store refuses every write without one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from . import texts
from .store import Editor, Store, _mint_editor

__all__ = [
    "AuthError", "Editor", "EditorInfo", "add_editor", "hash_password", "list_editors", "lock_duration", "locked_for",
    "login", "remove_editor", "verify_password",
]

MIN_PASSWORD_LENGTH = 8
MAX_NAME_LENGTH = 64
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
FREE_FAILURES = 2  # the third failure in a row starts the lock
MAX_LOCK = timedelta(minutes=15)
HASH_SCHEME = "scrypt"

Clock = Callable[[], datetime]


class AuthError(ValueError):
    """A request about editors that cannot be done; the message is for the official."""


@dataclass(frozen=True)
class EditorInfo:
    name: str
    created_at: datetime
    failed_count: int
    locked_until: datetime | None


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
    if not store.insert_editor(name, hash_password(password)):
        raise AuthError(texts.EDITOR_EXISTS.format(name=name))
    store.log(actor, "editor_added", texts.AUDIT_EDITOR_ADDED.format(name=name))


def remove_editor(store: Store, name: str, actor: str = texts.CLI_EDITOR) -> None:
    name = _clean_name(name)
    if not store.delete_editor(name):
        raise AuthError(texts.EDITOR_MISSING.format(name=name))
    store.log(actor, "editor_removed", texts.AUDIT_EDITOR_REMOVED.format(name=name))


def list_editors(store: Store) -> list[EditorInfo]:
    return [EditorInfo(r.name, r.created_at, r.failed_count, r.locked_until) for r in store.editor_records()]


def login(store: Store, name: str, password: str, clock: Clock | None = None) -> Editor | None:
    """An Editor when the password is right and the name is not locked; None otherwise (every attempt audited)."""
    now = (clock or _now)()
    name = unicodedata.normalize("NFC", name).strip()[:MAX_NAME_LENGTH]
    record = store.editor_record(name) if name else None
    if record is None:
        verify_password(password, _dummy_hash())  # the same work as for a real name: no hint which names exist
        store.log(name, "login_failed", texts.AUDIT_LOGIN_UNKNOWN)
        return None
    if record.locked_until is not None and now < record.locked_until:
        # No password check while locked: guessing during the lock tells nothing.
        store.log(name, "login_locked", texts.AUDIT_LOGIN_LOCKED)
        return None
    if verify_password(password, record.password_hash):
        store.reset_failures(name)
        store.log(name, "login", texts.AUDIT_LOGIN)
        return _mint_editor(record, now)
    count = store.add_failure(name, now, lock_duration)
    store.log(name, "login_failed", texts.AUDIT_LOGIN_FAILED.format(count=count))
    return None


def locked_for(store: Store, name: str, clock: Clock | None = None) -> timedelta:
    """How long `name` must wait before the next attempt (zero when not locked), for the login form's message."""
    record = store.editor_record(unicodedata.normalize("NFC", name).strip())
    now = (clock or _now)()
    if record is None or record.locked_until is None or record.locked_until <= now:
        return timedelta(0)
    return record.locked_until - now


def _clean_name(name: str) -> str:
    # NFC: the same Chinese name typed on two machines must be the same editor.
    name = unicodedata.normalize("NFC", name).strip()
    if not name:
        raise AuthError(texts.EDITOR_NAME_EMPTY)
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
