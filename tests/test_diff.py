"""The upload preview: what is added, removed and changed, and which tables an upload keeps untouched."""

from __future__ import annotations

from tests.workbooks import workbook
from xq_metrics.defaults import load_default, load_plan
from xq_metrics.diff import ADDED, CHANGED, REMOVED, preview
from xq_metrics.loader import load
from xq_metrics.reader import read_workbook

BASE = load_default().dataset


def test_values_only_upload_updates_values_and_keeps_the_rest() -> None:
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2024, 25.0], ["森林覆盖率", "全区", 2025, 25.5]]})
    new = load(data, base=BASE).dataset
    result = preview(BASE, new, set(read_workbook(data).keys))
    by_table = {t.table: t for t in result.tables}
    assert by_table["指标数据"].in_upload and (by_table["指标数据"].added, by_table["指标数据"].changed) == (1, 1)
    assert not by_table["指标"].in_upload and by_table["指标"].added == by_table["指标"].changed == 0
    changed = next(c for c in result.changes if c.kind == CHANGED and c.field == "数值")
    assert (changed.key, changed.field, changed.old, changed.new) == ("森林覆盖率 / 全区 / 2024", "数值", 24.6, 25.0)


def test_catalogue_upload_shows_removed_and_changed_rows() -> None:
    plan = load_plan().dataset
    fewer = plan.__class__(**{**plan.__dict__, "towns": plan.towns[:-1]})
    result = preview(plan, fewer, {"towns"})
    removed = [c for c in result.changes if c.kind == REMOVED]
    assert [(c.table, c.key) for c in removed] == [("镇街", "津门湖街")]
    assert "津门湖街" in str(removed[0].old)


def test_same_data_is_an_empty_preview_and_first_upload_is_all_added() -> None:
    assert preview(BASE, BASE, set()).empty
    first = preview(None, BASE, {"values"})
    assert {c.kind for c in first.changes} == {ADDED}
    assert sum(t.added for t in first.tables) == len(first.changes)
