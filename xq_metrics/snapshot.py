"""A Dataset as JSON bytes and back, exactly: the form a version is kept in by the store.

Fields are found from the dataclasses and their type hints, never listed here, so a field added to model.py
(with a default) is saved as soon as it exists, and an older snapshot without it loads with the default.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from datetime import date, datetime
from typing import Any

from .model import Dataset

FORMAT = "xq-metrics-dataset"
FORMAT_VERSION = 1


class SnapshotError(ValueError):
    """The bytes are not a snapshot this code can read."""


def dumps(dataset: Dataset) -> bytes:
    envelope = {"format": FORMAT, "version": FORMAT_VERSION, "dataset": encode(dataset)}
    # ensure_ascii=False keeps the Chinese readable (and the blob smaller) when someone opens the store.
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes) -> Dataset:
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SnapshotError(str(exc)) from exc
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise SnapshotError("not a dataset snapshot")
    if envelope.get("version") != FORMAT_VERSION:
        raise SnapshotError(f"unknown snapshot version {envelope.get('version')!r}")
    return decode(envelope["dataset"], Dataset)


def encode(value: Any) -> Any:
    """Dataclasses -> dicts of every field, tuples -> lists, datetimes -> ISO strings; JSON values as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list, set, frozenset)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return encode(value.value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot snapshot {type(value).__name__}")


def decode(value: Any, hint: Any) -> Any:
    """The inverse of `encode`, driven by the type hint the value is read into."""
    if hint is Any or hint is object:
        return value
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return _decode_union(value, [a for a in args if a is not type(None)])
    if origin is typing.Literal:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _decode_dataclass(value, hint)
    if origin in (tuple, list, set, frozenset):
        if origin is tuple and args and (len(args) != 2 or args[1] is not Ellipsis):
            return tuple(decode(item, arg) for item, arg in zip(value, args))
        item_hint = args[0] if args else Any
        return origin(decode(item, item_hint) for item in value)
    if origin is dict:
        key_hint, item_hint = args or (Any, Any)
        return {decode(key, key_hint): decode(item, item_hint) for key, item in value.items()}
    if hint is datetime:
        return datetime.fromisoformat(value)
    if hint is date:
        return date.fromisoformat(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint in (int, float) and isinstance(value, str):
        return hint(value)  # a dict key read back from JSON
    # Numbers stay as JSON wrote them: an int the loader put into a float field comes back an int.
    return value


def _decode_dataclass(value: Any, cls: type) -> Any:
    if not isinstance(value, dict):
        raise SnapshotError(f"{cls.__name__}: expected an object, got {type(value).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        # A field missing from an older snapshot takes its default; one without a default fails loudly below.
        if f.init and f.name in value:
            kwargs[f.name] = decode(value[f.name], hints[f.name])
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise SnapshotError(f"{cls.__name__}: {exc}") from exc


def _decode_union(value: Any, arms: list[Any]) -> Any:
    if len(arms) == 1:
        return decode(value, arms[0])
    for arm in arms:
        if _fits(value, arm):
            return decode(value, arm)
    return value


def _fits(value: Any, hint: Any) -> bool:
    origin = typing.get_origin(hint) or hint
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return isinstance(value, dict) and {f.name for f in dataclasses.fields(hint) if f.init} >= set(value)
    if origin in (tuple, list, set, frozenset):
        return isinstance(value, list)
    if origin is dict:
        return isinstance(value, dict)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint in (datetime, date):
        return isinstance(value, str)
    return isinstance(value, origin) if isinstance(origin, type) else False


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # model.py uses `from __future__ import annotations`: the hints are strings until resolved here.
    return typing.get_type_hints(cls)
