"""Every test run gets its own store, so no test reads or writes the dashboard's var/ data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before any test imports openpyxl: the default workbooks are rebuilt in-process (test_docs) and must come out byte
# for byte as committed, which openpyxl does only with its own XML writer, not lxml's (see build_default_data.py).
os.environ.setdefault("OPENPYXL_LXML", "False")


@pytest.fixture(autouse=True, scope="session")
def isolated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "xq.sqlite3"
    os.environ["XQ_STORE"] = str(path)  # read by store.default_location() and inherited by `streamlit run`
    return path


# Every store backend (SQLite, and PostgreSQL on a throwaway server started once per run): see tests/backends.py.
from tests.backends import backend, pg_server, pg_url  # noqa: E402,F401
