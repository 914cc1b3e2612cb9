"""The loader's two ways from a row to an edit agree: plain rows taken straight from the reader's columns
(`_PlainRows`) give exactly the edits, findings and data the full path (`_Context.edit`) gives, for any mix of
clean, loose, unknown, blank, 删除 and unit-bearing cells."""

from __future__ import annotations

from datetime import datetime
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbooks import workbook
from xq_metrics import loader, reader
from xq_metrics.changes import Block
from xq_metrics.defaults import load_default

BASE = load_default().dataset
NOW = datetime(2025, 3, 1, 9, 0)
INDICATORS = [i for i in BASE.indicators if i.unit]
INDICATOR = st.one_of(
    st.sampled_from([i.name for i in INDICATORS]),
    st.sampled_from([i.code for i in INDICATORS]),  # by its number
    st.sampled_from([f" {i.name} " for i in INDICATORS[:3]]),
    st.sampled_from([f"{i.name}（{i.unit}）" for i in INDICATORS[:3]]),  # the unit after the name
    st.sampled_from(["火星指标", None, "删除"]),
)
TOWN = st.sampled_from(["杨柳青镇", "杨柳青", "精武镇", "全区", "全 区", None, "月亮镇", "删除"])
YEAR = st.sampled_from([2023, 2024, 2025, "2024年", None, "删除"])
VALUE = st.one_of(
    st.floats(min_value=0, max_value=120, allow_nan=False).map(lambda f: round(f, 2)),
    st.sampled_from([None, "—", "删除", "12%", "3万人", "abc", 0]),
)
TEXT = st.sampled_from([None, "区统计局", " 区统计局 ", "删除", 3])
ACTION = st.sampled_from([None, None, None, "删除", "改"])


@st.composite
def sheets(draw: st.DrawFn) -> dict[str, list[list[object]]]:
    value_header = draw(st.sampled_from(["数值", "数值（%）", "数值（人）"]))
    rows = draw(st.lists(st.tuples(INDICATOR, TOWN, YEAR, VALUE, TEXT, TEXT, ACTION), min_size=1, max_size=25))
    values = [["指标", "镇街", "年份", value_header, "出处", "备注", "操作"], *map(list, rows)]
    targets = draw(st.lists(st.tuples(INDICATOR, YEAR, VALUE, TEXT), max_size=8))
    references = draw(st.lists(st.tuples(st.sampled_from(["地区生产总值增长", " 一般公共预算收入 ", None]), TOWN, YEAR, VALUE), max_size=8))
    book = {"指标数据": values}
    if targets:
        book["市级下达目标"] = [["指标", "年份", "目标值", "出处"], *map(list, targets)]
    if references:
        book["参照数据"] = [["名称", "镇街", "年份", "数值"], *map(list, references)]
    return book


def assembled(data: bytes, plain: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list, object]:
    with monkeypatch.context() as patch:
        if not plain:
            patch.setattr(loader, "_PLAIN_SHEETS", ())
        result = loader.assemble(reader.read_workbook(data, "上传.xlsx"), BASE, NOW)
    everything = [e for t in sorted(result.changes.tables) for e in result.changes.of(t)] if result.changes else []
    edits = sorted(
        ((e.table, e.key, dict(e.fields), e.blanks, e.delete, e.origin, dict(e.columns)) for e in everything), key=repr,
    )
    findings = [(f.code, f.severity, f.sheet, f.row, f.column, f.message) for f in result.findings]
    return edits, findings, result.dataset


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(book=sheets())
def test_plain_rows_give_what_the_full_path_gives(book: dict[str, list[list[object]]], monkeypatch: pytest.MonkeyPatch) -> None:
    data = workbook(book)
    assert assembled(data, True, monkeypatch) == assembled(data, False, monkeypatch)


def test_a_clean_sheet_takes_the_plain_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not vacuous: the rows of a clean 指标数据 sheet are all made by the plain path."""
    made: list[object] = []  # the steps of the plain path: Blocks of plain rows, an index for each other row
    original = loader._PlainRows.steps

    def spy(self: loader._PlainRows) -> Iterator[object]:
        for step in original(self):
            made.append(step)
            yield step

    monkeypatch.setattr(loader._PlainRows, "steps", spy)
    rows = [[o.indicator, o.town, o.year, o.value] for o in BASE.observations if o.value is not None][:30]
    result = loader.assemble(reader.read_workbook(workbook({"指标数据": [["指标", "镇街", "年份", "数值"], *rows]})), BASE, NOW)
    assert result.ok and [type(step) for step in made] == [Block] and len(made[0]) == len(rows)
    assert result.changes is not None and result.changes.blocks == tuple(made)


def test_assembling_and_reapplying_pause_the_cyclic_collector_and_restore_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large upload builds a quarter million records and edits: no full collection may walk them meanwhile."""
    import gc

    from xq_metrics import checks

    seen: list[bool] = []
    validate = checks.validate

    def spy(*args: object) -> list:
        seen.append(gc.isenabled())
        return validate(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(checks, "validate", spy)
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], [INDICATORS[0].name, "全区", 2024, 95.0]]})
    assert gc.isenabled()
    result = loader.assemble(reader.read_workbook(data, "上传.xlsx"), BASE, NOW)
    assert result.ok and gc.isenabled()
    dataset, _ = loader.reapply(result.changes, BASE)
    assert dataset is not None and gc.isenabled()
    assert seen == [False, False]
