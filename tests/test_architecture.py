"""The rules that keep the house in order, read from the code itself (issue 12).

- the core never imports Streamlit, and its layers only look down: domain ← ingest ← services (← pages);
- every sheet of the registry (schema.py) is known to the model, the loader's data set, diff and the template;
- the catalogue says everything in every language, with the same placeholders;
- no user-visible Chinese is written outside the catalogue, except the vocabulary modules that read the plan's and
  the workbooks' own words.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import string
from pathlib import Path

import pytest

from xq_metrics import diff, language, schema, texts, texts_en
from xq_metrics.defaults import load_default
from xq_metrics.model import Dataset
from xq_metrics.template import blank_template

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "xq_metrics"

# Each core module's layer; a module may import its own layer and those below, never above.
LAYERS: dict[str, int] = {}
for layer, names in enumerate((
    # 0 the catalogue and the plain helpers everything uses
    "texts texts_en language units cells cellscan fonts isolation_worker",
    # 1 domain: the plan's things and the rules about them
    "model schema targets deadlines money numbers names findings snapshot quality status palette filters paging",
    # 2 ingest: workbooks in, checked, compared
    "headers reader changes checks safety isolation loader diff defaults template report",
    # 3 services: storage, logins, views, charts, files, the command line
    "store audit auth upload upload_worker overview indicator_view towns projects tasks method charts project_charts task_charts "
    "chart_images exports report_doc report_docx report_pdf cli __main__ __init__",
)):
    LAYERS.update(dict.fromkeys(names.split(), layer))


def _core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """The xq_metrics modules `path` imports (a store submodule counts as `store`)."""
    found: set[str] = set()
    in_store = path.parent.name == "store"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            if node.level == 0 and parts[0] == "xq_metrics":
                found.update(parts[1:2] or [a.name for a in node.names])
            elif node.level == 1 and in_store:
                found.add("store")
            elif node.level >= 1:
                found.update([parts[0]] if node.module else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("xq_metrics."))
    return found


def _module(path: Path) -> str:
    return "store" if path.parent.name == "store" else path.stem


def test_every_core_module_has_a_layer() -> None:
    assert sorted({_module(p) for p in _core_modules()} - set(LAYERS)) == []


def test_the_core_never_imports_streamlit() -> None:
    offenders = [
        p.name for p in _core_modules()
        if re.search(r"^\s*(import streamlit|from streamlit)", p.read_text(encoding="utf-8"), flags=re.M)
    ]
    assert offenders == []


@pytest.mark.parametrize("path", _core_modules(), ids=lambda p: str(p.relative_to(CORE)))
def test_a_core_module_imports_only_its_layer_and_below(path: Path) -> None:
    mine = LAYERS[_module(path)]
    upward = sorted(m for m in _imports(path) if LAYERS.get(m, 0) > mine)
    # language.py reads texts_en on demand and texts installs language: the catalogue's own pair, same layer.
    assert upward == [], f"{path.name} (layer {mine}) imports {upward}"


# --- the registry ------------------------------------------------------------------------------------------------


def test_every_table_of_the_registry_is_a_field_of_the_data_set_holding_its_records() -> None:
    fields = {f.name for f in dataclasses.fields(Dataset)}
    for sheet in schema.TABLES:
        assert sheet.attribute in fields, sheet.name
        assert sheet.record is not None, sheet.name
        record_fields = {f.name for f in dataclasses.fields(sheet.record)}
        for column in sheet.columns:
            if column.stored and column is not schema.ACTION:
                assert column.attribute in record_fields, (sheet.name, column.header)


@pytest.mark.parametrize("sheet", [s for s in schema.TABLES], ids=lambda s: s.key)
def test_diff_sees_a_row_removed_from_every_table(sheet: schema.Sheet) -> None:
    """A sheet diff did not know would preview as "no change" and leave 保存 disabled."""
    base = load_default().dataset
    assert base is not None
    rows = getattr(base, sheet.attribute)
    if not rows:
        pytest.skip(f"the plan's data has no {sheet.name} rows to remove")
    changed = dataclasses.replace(base, **{sheet.attribute: type(rows)(rows[1:])})
    result = diff.preview(base, changed, {sheet.key})
    assert any(c.table == sheet.name and c.kind == "removed" for c in result.changes)


def test_the_full_template_has_every_sheet_with_every_column() -> None:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(blank_template("full")))
    for sheet in schema.SHEETS:
        headers = [c.value for c in book[sheet.name][1]]
        assert headers[: len(sheet.columns)] == [c.header for c in sheet.columns], sheet.name


# --- the catalogue -----------------------------------------------------------------------------------------------


def _entries(module: object) -> dict[str, object]:
    return {k: v for k, v in vars(module).items() if k.isupper() and k != "UNTRANSLATED"}


def _fields(value: object) -> set[str]:
    if isinstance(value, str):
        return {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
    if isinstance(value, dict):
        return set().union(*(_fields(v) for v in value.values())) if value else set()
    if isinstance(value, (tuple, list)):
        return set().union(*(_fields(v) for v in value)) if value else set()
    return set()


def test_every_catalogue_entry_is_said_in_english_or_kept_as_vocabulary() -> None:
    chinese, english = _entries(texts), _entries(texts_en)
    kept = texts_en.UNTRANSLATED
    assert sorted(set(chinese) - set(english) - kept) == [], "missing in texts_en.py"
    assert sorted(set(english) - set(chinese)) == [], "texts_en.py says what texts.py does not"
    assert sorted(kept & set(english)) == [], "kept in Chinese and translated as well"
    assert sorted(kept - set(chinese)) == []


@pytest.mark.parametrize("name", sorted(set(_entries(texts_en)) & set(_entries(texts)) - {"STREAMLIT_UI", "STREAMLIT_UI_PATTERNS"}))
def test_an_english_entry_has_the_shape_and_placeholders_of_the_chinese_one(name: str) -> None:
    zh, en = vars(texts)[name], vars(texts_en)[name]
    assert type(zh) is type(en)
    if isinstance(zh, dict):
        assert set(zh) == set(en)
    if isinstance(zh, (tuple, list)):
        assert len(zh) == len(en)
    assert _fields(zh) == _fields(en)


def test_the_catalogue_answers_in_the_language_of_the_run() -> None:
    with language.speaking("en"):
        assert texts.APP_TITLE == texts_en.APP_TITLE
        assert texts.DISTRICT == "全区"  # vocabulary stays as the workbooks write it
    assert texts.APP_TITLE == "西青区新型城镇化规划监测看板"
    with language.speaking("xx"):  # an unknown language is the default
        assert texts.APP_TITLE == "西青区新型城镇化规划监测看板"


# --- Chinese outside the catalogue -------------------------------------------------------------------------------

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
HAN = re.compile(r"[\u3400-\u9fff]")
# Modules whose Chinese literals are the plan's and the workbooks' own words, matched against input or written into
# the workbook format, not sentences for the screen.
VOCABULARY = {
    "texts", "texts_en",  # the catalogue
    "schema",  # sheet names, column headers and their choices: the workbook format
    "cells", "headers", "names", "units", "targets", "deadlines", "money",  # reading what offices type
    "loader", "reader",  # the same, at the sheet level (各镇街, 示例, 是)
    "model",  # 约束性 and the numerals of chapter names
    "defaults",  # the file names of the plan's workbooks
    "towns",  # the tile map's places, by the plan's names
    "filters",  # 第…章 in a link
    "projects", "project_charts",  # project statuses as workbooks write them (谋划/在建/建成/运营)
    "report_docx",  # Word's names for the Chinese fonts of a district document
    "template",  # the README's format table, written in Chinese by make docs
}
# Chinese typography kept where sentences are assembled for a Chinese document or a data value: the report's
# sentence joins, the export's number pattern, the preview's list of values, the CLI's JSON and a task's indent.
TYPOGRAPHY = {"report_doc", "report_pdf", "exports", "diff", "cli", "tasks"}


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value) for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and CJK.search(node.value)
    ]


FRONT = [ROOT / "app.py", ROOT / "ui.py", ROOT / "chrome.py", ROOT / "server.py", *sorted((ROOT / "pages").glob("*.py"))]


@pytest.mark.parametrize("path", [*_core_modules(), *FRONT], ids=lambda p: str(p.relative_to(ROOT)))
def test_no_chinese_is_written_outside_the_catalogue(path: Path) -> None:
    module = _module(path)
    if path.parent == CORE and module in VOCABULARY:
        return
    found = [(line, text) for line, text in _literals(path) if not text.endswith(".py")]  # page files are named in Chinese
    if path.parent == CORE and module in TYPOGRAPHY:
        found = [(line, text) for line, text in found if HAN.search(text)]  # punctuation may stay, words may not
    assert found == [], f"{path.name}: put these in texts.py"
