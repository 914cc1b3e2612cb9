"""The UI language: 简体中文 by default, English on request (?lang=en), for one page run at a time.

`texts.py` is the catalogue in Chinese and `texts_en.py` says the same in English. Code keeps reading `texts.NAME`;
while English is in use for the current run (a context variable: Streamlit runs each session's script in its own
thread), the English value answers instead. Vocabulary is never translated: words that workbooks contain and the
store keeps (全区, 预期性, 在建, 示例 …) are listed in `texts_en.UNTRANSLATED` and always read in Chinese, so an upload
means the same in either language.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

DEFAULT = "zh"
LANGUAGES = ("zh", "en")
_current: ContextVar[str] = ContextVar("xq_language", default=DEFAULT)
_MISSING = object()


def use(language: str | None) -> str:
    """Speak `language` from now on in this thread (anything unknown reads as the default); returns what is used."""
    chosen = language if language in LANGUAGES else DEFAULT
    _current.set(chosen)
    return chosen


def current() -> str:
    return _current.get()


@cache
def table(language: str) -> dict[str, Any]:
    """The catalogue's entries in `language` that differ from the Chinese one (empty for Chinese)."""
    if language == DEFAULT:
        return {}
    catalogue = importlib.import_module(f".texts_{language}", __package__)  # a new language: one texts_xx.py
    kept = catalogue.UNTRANSLATED
    return {k: v for k, v in vars(catalogue).items() if k.isupper() and k not in kept and k != "UNTRANSLATED"}


class _Catalogue(types.ModuleType):
    def __getattribute__(self, name: str) -> Any:
        language = _current.get()
        if language != DEFAULT and name.isupper():
            value = table(language).get(name, _MISSING)
            if value is not _MISSING:
                return value
        return super().__getattribute__(name)


def install(module_name: str) -> None:
    """Make the catalogue module answer in the current language (called once, at the end of texts.py)."""
    sys.modules[module_name].__class__ = _Catalogue


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak `language` for a block only: for work done on another thread, as a download made on click."""
    token = _current.set(language if language in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)
