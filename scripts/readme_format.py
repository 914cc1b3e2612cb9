"""Rewrite the README's workbook format section from the sheet registry: `make docs`.

The section sits between the two marker comments; tests/test_docs.py fails when it differs from the registry.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xq_metrics.template import format_markdown  # noqa: E402

START, END = "<!-- format:start -->\n", "<!-- format:end -->\n"


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}{format_markdown()}{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main()
