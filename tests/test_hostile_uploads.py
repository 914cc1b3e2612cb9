"""Issue 10, end to end: no file stops, hangs or exhausts the loader or the CLI, screened or not.

The screen is the first gate (tests/test_safety.py); these tests also take it away, to show that the isolated
reader alone keeps the process alive and turns a killed child into a clear finding.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import hostile
from xq_metrics import isolation, loader, safety
from xq_metrics.cli import main
from xq_metrics.defaults import load_plan

ROOT = Path(__file__).resolve().parent.parent
# Files that make calamine ask for 128-512 GB and abort: each killed the whole server before.
# (calamine itself refuses the character-reference and UTF-16 spellings; the screen refuses them first.)
CRASHERS = [
    "far_cell_single_quotes", "far_cell_spaced_equals", "far_cell_tabs", "wide_row_without_r",
    "far_cell_outside_worksheets",
]
# A functional bound (a hostile upload must not hold a session), not a benchmark: the wall limit of the read.
SECONDS = isolation.READ_LIMITS.wall_seconds


@pytest.fixture
def no_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the byte screen missed everything: only the isolation stands between the file and the process."""
    monkeypatch.setattr(loader, "screen", lambda data, name: [])


@pytest.mark.parametrize("case", CRASHERS)
def test_a_file_the_screen_misses_is_stopped_by_the_isolation(case: str, no_screen: None) -> None:
    build, _ = hostile.SCREEN_MISSED[case]
    started = time.monotonic()
    result = loader.load(build(), file_name="上传.xlsx", base=load_plan().dataset)
    assert time.monotonic() - started < SECONDS
    assert not result.ok
    (refusal,) = result.findings
    assert refusal.code == "READ_LIMIT"
    assert refusal.message.startswith("文件过大或结构异常，已拒绝") and "内存" in refusal.message
    # The process that asked is alive and reads the next file as usual.
    assert loader.load(hostile.plain_xlsx(), file_name="a.xlsx", base=load_plan().dataset).ok


@pytest.mark.parametrize("case", sorted(hostile.SCREEN_MISSED))
def test_every_issue_10_file_is_refused_by_the_loader_with_its_code(case: str) -> None:
    build, code = hostile.SCREEN_MISSED[case]
    result = loader.load(build(), file_name="上传.xlsx", base=load_plan().dataset)
    assert not result.ok and [f.code for f in result.findings] == [code]


def test_the_cli_survives_a_crashing_file_the_screen_misses(tmp_path: Path) -> None:
    """A fresh CLI process with the screen switched off: the child dies, the CLI reports and exits 1."""
    path = tmp_path / "远格.xlsx"
    path.write_bytes(hostile.far_cell_single_quotes())
    script = (
        "import sys; from xq_metrics import loader; loader.screen = lambda data, name: []; "
        "from xq_metrics.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, "check", str(path), "--json"], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    out = json.loads(run.stdout)
    assert [f["code"] for f in out["findings"]] == ["READ_LIMIT"]


@pytest.mark.parametrize("case", ["far_cell_single_quotes", "many_sheet_entries", "five_million_cells"])
def test_the_cli_refuses_issue_10_files(case: str, tmp_path: Path) -> None:
    build, code = hostile.SCREEN_MISSED[case]
    path = tmp_path / f"{case}.xlsx"
    path.write_bytes(build())
    run = subprocess.run(
        [sys.executable, "-m", "xq_metrics", "check", str(path), "--json"], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert [f["code"] for f in json.loads(run.stdout)["findings"]] == [code]


def test_a_reader_that_takes_too_long_is_stopped_at_the_wall_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The limits are real: the bench-sized 5-million-cell file under a 1-second CPU limit is stopped, named."""
    data = hostile.five_million_cells()
    tight = isolation.Limits(memory_bytes=isolation.READ_LIMITS.memory_bytes, cpu_seconds=1, wall_seconds=3, output_bytes=isolation.MB)
    started = time.monotonic()
    parsed = isolation.read_workbook(data, "大.xlsx", limits=tight)
    assert time.monotonic() - started < tight.wall_seconds + isolation.JOIN_SECONDS
    (refusal,) = parsed.findings
    assert refusal.code == "READ_LIMIT" and ("计算时间" in refusal.message or "处理时限" in refusal.message)


def test_a_file_whose_findings_would_fill_the_pipe_comes_back_capped() -> None:
    """Every one of 20,000 rows names an unknown indicator: the page gets 200 of them and one count of the rest."""
    from tests.workbooks import workbook

    rows = [["指标", "镇街", "年份", "数值"]] + [[f"火星指标{i}", "全区", 2024, 1] for i in range(20_000)]
    result = loader.load(workbook({"指标数据": rows}, text_formulas=False), file_name="a.xlsx", base=load_plan().dataset)
    codes = [f.code for f in result.findings]
    assert codes.count("UNKNOWN_INDICATOR") == 200 and codes[-1] == "FINDINGS_CAPPED"
    closing = result.findings[-1]
    assert closing.severity == "error" and "19,800" in closing.message
    assert not result.ok


def test_the_screen_is_still_the_first_gate() -> None:
    """A screened file is refused at once: the reader's child, started beside the screen, is stopped, not waited for."""
    started = time.monotonic()
    result = loader.load(hostile.far_cell_single_quotes(), file_name="a.xlsx")
    assert [f.code for f in result.findings] == ["TOO_LARGE"]
    assert time.monotonic() - started < 1.0
    assert safety.screen(hostile.plain_xlsx(), "a.xlsx") == []
