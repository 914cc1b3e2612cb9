"""Property: an upload holding any subset of the data in use changes no stored value outside that subset, and no
stored value that the file leaves blank or fills with a placeholder."""

from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.workbooks import workbook
from xq_metrics import schema
from xq_metrics.changes import identity
from xq_metrics.defaults import load_default
from xq_metrics.loader import load

BASE = load_default().dataset
PERCENT = {i.name for i in BASE.indicators if i.unit == "%"}
OBSERVATIONS = [o for o in BASE.observations if o.value is not None]
PROGRESS = list(BASE.progress)
BLANKS = [None, "", "—", "无", "未填报", "N/A", " "]
BOOKKEEPING = {"sample", "source"}

# A cell is either left alone (a blank or a placeholder) or given a figure near the stored one.
figure = st.one_of(st.sampled_from(BLANKS), st.floats(min_value=0.5, max_value=1.5).map(lambda f: round(f, 3)))


@st.composite
def uploads(draw: st.DrawFn) -> tuple[list[list[object]], list[list[object]]]:
    chosen = draw(st.lists(st.sampled_from(OBSERVATIONS), max_size=12, unique_by=lambda o: (o.indicator, o.town, o.year)))
    values = []
    for o in chosen:
        factor = draw(figure)
        value = round(o.value * factor, 4) if isinstance(factor, float) else factor
        if isinstance(value, float) and o.indicator in PERCENT:
            value = min(value, 100.0)  # a share stays a share: the property is about merging, not range checks
        values.append([o.indicator, o.town, o.year, value, draw(st.sampled_from([None, "", "区统计局"]))])
    picked = draw(st.lists(st.sampled_from(PROGRESS), max_size=6, unique_by=lambda p: (p.project, p.year)))
    progress = []
    for p in picked:
        planned, completed = draw(figure), draw(figure)
        progress.append([
            p.project, p.year,
            round((p.planned_yi or 1.0) * planned, 4) if isinstance(planned, float) else planned,
            round((p.completed_yi or 0.5) * completed * 0.1, 4) if isinstance(completed, float) else completed,
            draw(st.sampled_from([None, "亿元"])), draw(st.sampled_from([None, "", "在建"])),
        ])
    return values, progress


def fields(dataset) -> dict[tuple, object]:
    return {
        (sheet.key, identity(sheet, r), f.name): getattr(r, f.name)
        for sheet in schema.TABLES for r in getattr(dataset, sheet.attribute) for f in dataclasses.fields(r)
    }


BEFORE = fields(BASE)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(uploads())
def test_an_upload_changes_nothing_outside_what_it_holds(upload: tuple[list, list]) -> None:
    values, progress = upload
    sheets = {}
    if values:
        sheets["指标数据"] = [["指标", "镇街", "年份", "数值", "出处"], *values]
    if progress:
        sheets["项目进展"] = [["项目编号", "年份", "计划投资", "完成投资", "金额单位", "建设状态"], *progress]
    sheets["基期数据"] = [["名称", "年份", "数值"]]  # an empty catalogue sheet: must remove nothing
    result = load(workbook(sheets), base=BASE)
    assert result.ok, [(f.code, f.message) for f in result.findings if f.severity == "error"]
    after = fields(result.dataset)
    assert after.keys() >= BEFORE.keys()  # nothing removed
    given_cells: set[tuple] = set()
    for row in values:
        key = ("values", (row[0], row[1], row[2]))
        if isinstance(row[3], float):
            given_cells |= {(*key, "value"), (*key, "sample"), (*key, "source")}
        if row[4]:
            given_cells.add((*key, "source"))
    for row in progress:
        key = ("progress", (row[0], row[1]))
        for position, name in ((2, "planned_yi"), (3, "completed_yi")):
            if isinstance(row[position], float):
                given_cells |= {(*key, name), (*key, "unit"), (*key, "sample"), (*key, "source")}
        if row[5]:
            given_cells.add((*key, "status"))
        if row[4]:
            given_cells.add((*key, "unit"))
    changed = {k for k in BEFORE if BEFORE[k] != after[k]}
    assert changed <= given_cells, sorted(changed - given_cells, key=str)
