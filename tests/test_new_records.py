"""A new row's record, built positionally from its edit (changes.apply), is the record keywords would build: every
table, every shape of edit (fields given or not, a field the record does not keep, a figure not given)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from xq_metrics import changes, schema
from xq_metrics.changes import Changeset, Edit
from xq_metrics.model import SourceInfo

SAMPLE = SourceInfo("示例", "示例.xlsx", True, datetime(2025, 1, 1))
REAL = SourceInfo("上报", "上报.xlsx", False, datetime(2025, 1, 1))


def by_keywords(sheet: schema.Sheet, edit: Edit, source: SourceInfo) -> object:
    """The record as the rule says, field by field: key, then the fields given, then the upload's sample flag;
    None for a field without a default that was not given; fields the record does not have left out."""
    cls = sheet.record
    names = {f.name for f in dataclasses.fields(cls)}
    values = {**dict(zip(sheet.identity_attributes, edit.key)), **edit.fields}
    if "sample" in names:
        values["sample"] = source.is_sample
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING and f.name not in values:
            values[f.name] = None
    return cls(**{k: v for k, v in values.items() if k in names})


def new_record(sheet: schema.Sheet, edit: Edit, source: SourceInfo) -> object:
    """The record `changes.apply` makes of one edit to an empty table."""
    (record,) = getattr(changes.apply(None, Changeset((edit,), source), (sheet,)), sheet.attribute)
    return record


CASES = [
    (schema.VALUES, ("常住人口城镇化率", "全区", 2024), {"value": 95.8}, REAL),
    (schema.VALUES, ("常住人口城镇化率", "精武镇", 2024), {"value": 1.5, "source": "区统计局", "note": "初值"}, SAMPLE),
    (schema.VALUES, ("常住人口城镇化率", "精武镇", 2024), {"note": "未报", "value": 2.0}, REAL),  # another order
    (schema.VALUES, ("常住人口城镇化率", "精武镇", 2024), {"source": "区统计局"}, REAL),  # no figure: 未填报
    (schema.PROGRESS, ("3-1", 2024), {"planned_yi": 1.0, "unit": "万元", "status": "在建"}, REAL),
    (schema.PROGRESS, ("3-1", 2024), {}, SAMPLE),
    (schema.INDICATORS, (7,), {"name": "新指标", "unit": "%", "departments": ("区统计局",)}, REAL),
    (schema.TOWNS, ("新镇",), {"aliases": ("新",)}, REAL),
    (schema.PROJECTS, ("9-1",), {"name": "新项目", "box": 9, "towns": ("精武镇",)}, REAL),
    (schema.CITY_TARGETS, ("常住人口城镇化率", 2025), {"value": 96.0}, SAMPLE),
    (schema.TASK_PROGRESS, ("5.1.1", 2024), {"lead": ("区发展改革委",), "deadline": "2025年底"}, REAL),
    (schema.TASK_PROGRESS, ("5.1.1", 2024), {"content": "具体内容", "status": "推进中"}, REAL),  # 具体内容 is not kept
    (schema.VALUES, ("常住人口城镇化率", "全区", 2024), {"sample": False, "value": 1.0}, SAMPLE),  # the upload's flag wins
]


@pytest.mark.parametrize(("sheet", "key", "fields", "source"), CASES)
def test_a_new_record_is_the_one_keywords_build(sheet: schema.Sheet, key: tuple, fields: dict, source: SourceInfo) -> None:
    edit = Edit(sheet.key, key, fields)
    built = new_record(sheet, edit, source)
    expected = by_keywords(sheet, edit, source)
    assert type(built) is type(expected)
    assert built == expected
    assert [getattr(built, f.name) for f in dataclasses.fields(built)] == [
        getattr(expected, f.name) for f in dataclasses.fields(expected)
    ]


def test_a_new_record_is_still_frozen() -> None:
    built = new_record(schema.VALUES, Edit("values", ("a", "全区", 2024), {"value": 1.0}), REAL)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 2.0  # type: ignore[misc]


@pytest.mark.parametrize("sheet", [s for s in schema.TABLES if s.record is not None], ids=lambda s: s.key)
def test_every_table_builds_a_new_record_from_its_key_alone(sheet: schema.Sheet) -> None:
    key = tuple(f"k{i}" for i in range(len(sheet.identity_attributes)))
    edit = Edit(sheet.key, key, {})
    assert new_record(sheet, edit, SAMPLE) == by_keywords(sheet, edit, SAMPLE)


def test_a_block_of_plain_rows_makes_the_records_its_edits_make() -> None:
    """A Block is the same change as one Edit per row: stored rows updated (a figure not given is kept, a new figure
    takes the upload's 出处 and 示例 flag), new rows made with defaults where nothing is given."""
    from xq_metrics.changes import Block
    from xq_metrics.defaults import load_default

    base = load_default().dataset
    stored = [o for o in base.observations if o.value is not None][:4]
    keys = [(o.indicator, o.town, o.year) for o in stored] + [("常住人口城镇化率", "精武镇", 2031), ("常住人口城镇化率", "全区", 2031)]
    block = Block(
        "values", keys,
        {"value": [1.0, None, stored[2].value, 4.0, 5.0, None], "source": [None, "区统计局", None, None, "区统计局", None],
         "note": [None, None, "核实", None, None, "初值"]},
        "指标数据", list(range(2, 8)), {"value": "D"},
    )
    for replace in (frozenset(), frozenset({"values"})):
        for source in (REAL, SAMPLE):
            by_block = changes.apply(base, Changeset((), source, replace, (block,)))
            by_edits = changes.apply(base, Changeset(tuple(block.edits()), source, replace))
            assert by_block.observations == by_edits.observations
            assert len(by_block.observations) == (6 if replace else len(base.observations) + 2)
