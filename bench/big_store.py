"""A store whose current version is the bench's big data set, for `bench/pages.py --store` (issue 13).

    .venv/bin/python bench/big_store.py [PATH]     (default: bench/.cache/big.sqlite3)

Version 1 is the embedded default data; version 2 the big workbook loaded on top of the plan's data alone, saved
by an editor made for the bench. Rebuilt when the big workbook changes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_big  # noqa: E402

from xq_metrics import auth, upload  # noqa: E402
from xq_metrics.defaults import load_plan  # noqa: E402
from xq_metrics.loader import load  # noqa: E402
from xq_metrics.store import open_store, summarise  # noqa: E402

EDITOR, PASSWORD = "基准测试", "bench-password-1"


def build(target: Path) -> Path:
    source = make_big.ensure()
    marker = target.with_suffix(".from")
    if target.exists() and marker.exists() and marker.read_text() == source.name:
        return target
    for stale in target.parent.glob(target.name + "*"):
        stale.unlink()
    start = time.perf_counter()
    store = open_store(target)
    upload.seed(store)
    auth.add_editor(store, EDITOR, PASSWORD)
    result = load(source, base=load_plan().dataset)
    if result.dataset is None:
        raise SystemExit([f.message for f in result.findings if f.severity == "error"][:5])
    editor = auth.login(store, EDITOR, PASSWORD)
    store.save(source.read_bytes(), source.name, result.dataset, summarise(result.dataset), editor)
    marker.write_text(source.name)
    print(f"built {target} in {time.perf_counter() - start:.1f} s")
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else make_big.CACHE / "big.sqlite3"))
