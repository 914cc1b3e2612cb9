"""`python -m xq_metrics check FILE [--json]`: the same loader, exit 0 usable / 1 errors, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workbooks import sample_with
from xq_metrics import schema
from xq_metrics.cli import main
from xq_metrics.defaults import PLAN_WORKBOOK, SAMPLE_WORKBOOK

ROOT = Path(__file__).resolve().parent.parent


def check_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_default_plan_json_has_the_documented_shape(capsys) -> None:
    code, out = check_json(capsys, str(PLAN_WORKBOOK), "--standalone")
    assert code == 0 and out["ok"] is True
    assert len(out["indicators"]) == 18 and len(out["towns"]) == 11 and len(out["projects"]) == 37
    first = out["indicators"][0]
    assert {"name", "unit", "category", "attribute", "target_text", "values", "target", "status", "alert", "trend", "flags"} <= set(first)
    chip = next(p for p in out["projects"] if p["name"].startswith("中芯西青"))
    assert (chip["box"], chip["chapter"], chip["investment_yi"]) == (3, 4, 516)
    forest = next(i for i in out["indicators"] if i["name"] == "森林覆盖率")
    assert forest["target"] == {"kind": "level", "value": 14.0, "text": "14"}
    assert "target_behind_base" in forest["flags"]


def test_the_sample_checked_alone_names_what_it_lacks_without_a_traceback(capsys) -> None:
    """Its rows name projects and indicators the file does not describe: nameless rows, not a crash."""
    code, out = check_json(capsys, str(SAMPLE_WORKBOOK), "--standalone")
    assert code == 1
    assert "NEW_ROW_INCOMPLETE" in {f["code"] for f in out["findings"]}


def test_sample_checked_against_the_plan(capsys) -> None:
    code, out = check_json(capsys, str(SAMPLE_WORKBOOK))
    assert code == 0
    employment = next(i for i in out["indicators"] if i["name"] == "城镇新增就业")
    assert {"period": "2024", "town": "全区", "value": 2.38} in employment["values"]
    assert employment["target"]["kind"] == "yearly_floor"
    garbage = next(i for i in out["indicators"] if i["name"] == "城镇生活垃圾无害化处理率")
    assert garbage["status"] == "滞后" and garbage["alert"] is True


def test_bad_file_exits_1_with_findings(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(sample_with(lambda b: b[schema.VALUES.name].__setitem__("D5", "较好")))
    code, out = check_json(capsys, str(bad))
    assert code == 1 and out["ok"] is False and out["indicators"] == []
    (finding,) = [f for f in out["findings"] if f["severity"] == "error"]
    assert {k: finding[k] for k in ("code", "sheet", "row", "column")} == {
        "code": "BAD_NUMBER", "sheet": "指标数据", "row": 5, "column": "D",
    }


@pytest.mark.parametrize("content", [b"", b"\x00" * 100, b"PK\x03\x04broken zip", "名称,数值\n".encode()])
def test_garbage_is_refused_without_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    run = subprocess.run(
        [sys.executable, "-m", "xq_metrics", "check", str(path), "--json"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert json.loads(run.stdout)["findings"][0]["code"] == "NOT_XLSX"


def test_missing_file_and_text_report(capsys, tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "nope.xlsx")]) == 1
    assert "有错误" in capsys.readouterr().out
    assert main(["check", str(SAMPLE_WORKBOOK)]) == 0
    assert "可以使用" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("builder", "name", "code"),
    [
        ("vba_project", "宏.xlsx", "MACROS"),
        ("external_link", "外链.xlsx", "EXTERNAL_LINK"),
        ("doctype_entity", "实体.xlsx", "XML_DTD"),
        ("declared_total_bomb", "炸弹.xlsx", "ZIP_BOMB"),
        ("huge_dimension", "巨表.xlsx", "TOO_LARGE"),
        ("legacy_xls", "旧.xls", "LEGACY_XLS"),
        ("encrypted_xlsx", "加密.xlsx", "ENCRYPTED"),
    ],
)
def test_hostile_files_are_refused_by_the_cli(tmp_path: Path, builder: str, name: str, code: str) -> None:
    from tests import hostile

    path = tmp_path / name
    path.write_bytes(getattr(hostile, builder)())
    run = subprocess.run(
        [sys.executable, "-m", "xq_metrics", "check", str(path), "--json"], cwd=ROOT, capture_output=True, text=True,
        timeout=60,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    out = json.loads(run.stdout)
    assert out["ok"] is False and code in {f["code"] for f in out["findings"]}


# --- `python -m xq_metrics upload`: the page's flow from the command line ----------------------------------------


def _upload(capsys, monkeypatch, store: Path, path: Path, *args: str, password: str = "correct-horse-1") -> tuple[int, dict]:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    code = main(["upload", str(path), "--store", str(store), "--json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture()
def cli_store(tmp_path: Path) -> Path:
    from xq_metrics import auth
    from xq_metrics.store import open_store

    path = tmp_path / "cli.sqlite3"
    auth.add_editor(open_store(path), "赵六", "correct-horse-1")
    return path


def _values_file(tmp_path: Path, *rows: list[object]) -> Path:
    from tests.workbooks import workbook

    path = tmp_path / "报送.xlsx"
    path.write_bytes(workbook({"指标数据": [["指标", "镇街", "年份", "数值"], *rows]}))
    return path


def test_upload_dry_run_prints_the_report_and_saves_nothing(capsys, monkeypatch, tmp_path: Path, cli_store: Path) -> None:
    from xq_metrics.store import open_store

    path = _values_file(tmp_path, ["森林覆盖率", "全区", 2025, 25.5])
    code, out = _upload(capsys, monkeypatch, cli_store, path, "--dry-run")
    assert code == 0 and out["ok"] is True and out["version"] is None and out["refused"] is None
    assert out["changes"] == {"values": {"added": 1, "changed": 0, "removed": 0, "blanked": 0}}
    assert out["figures"] == {"read": 1, "changed": 1, "ignored": 0}
    assert open_store(cli_store).head().number == 1  # seeded, nothing saved


def test_upload_saves_with_a_login_and_refuses_a_wrong_password(capsys, monkeypatch, tmp_path: Path, cli_store: Path) -> None:
    from xq_metrics.store import open_store

    path = _values_file(tmp_path, ["森林覆盖率", "全区", 2025, 25.5])
    code, out = _upload(capsys, monkeypatch, cli_store, path, "--editor", "赵六", "--password-stdin", password="wrong-pass")
    assert code == 1 and out["version"] is None and "登录失败" in out["refused"]
    code, out = _upload(capsys, monkeypatch, cli_store, path, "--editor", "赵六", "--password-stdin")
    assert code == 0 and out["version"] == 2
    head = open_store(cli_store).head()
    assert (head.number, head.editor) == (2, "赵六")


def test_upload_that_removes_needs_allow_removals(capsys, monkeypatch, tmp_path: Path, cli_store: Path) -> None:
    from xq_metrics.store import open_store

    path = _values_file(tmp_path, ["森林覆盖率", "全区", 2024, "删除"])
    code, out = _upload(capsys, monkeypatch, cli_store, path, "--editor", "赵六", "--password-stdin")
    assert code == 1 and out["confirmation"] == {"removed": 0, "blanked": 1, "plan": 0} and "--allow-removals" in out["refused"]
    assert open_store(cli_store).head().number == 1
    code, out = _upload(capsys, monkeypatch, cli_store, path, "--editor", "赵六", "--password-stdin", "--allow-removals")
    assert code == 0 and out["version"] == 2


def test_upload_of_a_bad_file_exits_1_with_findings(capsys, monkeypatch, tmp_path: Path, cli_store: Path) -> None:
    path = _values_file(tmp_path, ["森林覆盖率", "全区", 2025, "较好"])
    code, out = _upload(capsys, monkeypatch, cli_store, path, "--editor", "赵六", "--password-stdin")
    assert code == 1 and out["ok"] is False and out["version"] is None
    assert [f["code"] for f in out["findings"] if f["severity"] == "error"] == ["BAD_NUMBER"]
