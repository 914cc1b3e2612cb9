"""The README documents the format the code reads, and data/ is what the transcription script writes."""

from __future__ import annotations

import hashlib
import runpy
from pathlib import Path

import pytest

from xq_metrics import schema
from xq_metrics.defaults import PLAN_WORKBOOK, SAMPLE_WORKBOOK
from xq_metrics.template import format_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_readme_format_section_is_written_from_the_registry() -> None:
    """Regenerate with `make docs`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"<!-- format:start -->\n{format_markdown()}<!-- format:end -->\n" in readme
    for sheet in schema.SHEETS:
        assert f"#### {sheet.name}\n" in readme


def test_readme_starts_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8")[:800]
    assert "make run" in head and "make test" in head


def test_committed_data_match_the_transcription_script(tmp_path: Path) -> None:
    """Edits go into scripts/build_default_data.py and `make data`; a hand-edited .xlsx would drift from it."""
    module = runpy.run_path(str(ROOT / "scripts" / "build_default_data.py"))
    module["main"](tmp_path)
    for committed in (PLAN_WORKBOOK, SAMPLE_WORKBOOK):
        rebuilt = tmp_path / committed.name
        assert hashlib.sha256(rebuilt.read_bytes()).digest() == hashlib.sha256(committed.read_bytes()).digest()


def test_every_catalogue_name_is_declared_once() -> None:
    """A second `NAME = ...` in texts.py silently wins over the first (and its placeholders): never twice."""
    import collections
    import re

    source = (ROOT / "xq_metrics" / "texts.py").read_text(encoding="utf-8")
    names = re.findall(r"^([A-Z_][A-Z0-9_]*) = ", source, flags=re.M)
    assert [n for n, count in collections.Counter(names).items() if count > 1] == []
