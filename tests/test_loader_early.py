"""The reading child hands over the other sheets before it reads the largest one, and the loader makes their edits
meanwhile (`loader._build` with `early`). Whichever sheet is the largest — figures, a catalogue, 说明, notes — and
whatever the late sheet says, the upload comes out exactly as if it had been read in one piece: the same edits,
findings (in the same order) and data."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.workbooks import workbook
from xq_metrics import loader, reader
from xq_metrics.defaults import load_default
from xq_metrics.model import Dataset

BASE = load_default().dataset
NOW = datetime(2025, 3, 1, 9, 0)
FIGURES = [o for o in BASE.observations if o.value]
VALUES_HEADER = ["指标", "镇街", "年份", "数值", "出处"]
PROJECTS_HEADER = ["编号", "名称", "专栏", "总投资（亿元）"]


def values(count: int) -> list[list[object]]:
    """Figures the data in use holds, a little changed, then the same for the next years: plausible, no unit doubts."""
    rows = []
    for n in range(count):
        o = FIGURES[n % len(FIGURES)]
        rows.append([o.indicator, o.town, o.year + 10 * (n // len(FIGURES)), round(o.value * 0.99, 2), "区统计局"])
    return [VALUES_HEADER, *rows]


def projects(count: int) -> list[list[object]]:
    new = [[f"9-{n}", f"新项目{n}", 9, float(n)] for n in range(1, count)]
    return [PROJECTS_HEADER, ["1-1", "南部产城示范中心先导区", 1, 210.0], *new]


TOWNS_SHEET = [["名称", "别名"], ["精武镇", "精武、精武新镇"]]  # an alias the figures below use
NOTES = [["填报说明"], *[[f"第{n}条：按指标单位填写，未填报的留空。"] for n in range(400)]]
INFO = [["项目", "内容"], ["数据集名称", "2024年监测数据"], ["是否示例", "否"], *[["备注", "说明" * 20]] * 300]

CASES = {
    "figures largest, a catalogue and an alias before": {
        "镇街": TOWNS_SHEET, "项目": projects(5),
        "指标数据": [*values(300), ["常住人口城镇化率", "精武新镇", 2031, 66.0, "区统计局"]],
    },
    "two sheets of figures, the same key in both": {
        "数据": [*values(5), ["火星指标", "全区", 2024, 1.0, "区统计局"]],
        "指标数据": [*values(300), ["火星指标", "全区", 2024, 2.0, "区统计局"]],
        "项目": projects(3),
    },
    "a catalogue largest": {"指标数据": values(20), "项目": projects(400)},
    "说明 largest": {"说明": INFO, "指标数据": values(40), "镇街": TOWNS_SHEET},
    "notes largest": {"指标数据": values(40), "填报说明": NOTES, "项目": projects(4)},
    "the largest sheet full of mistakes": {
        "项目": projects(3),
        "指标数据": [VALUES_HEADER, *[["常住人口城镇化率", "月亮镇", "明年", "很多", None] for _ in range(200)]],
    },
}


def split(data: bytes) -> tuple[reader.ParsedWorkbook | None, reader.ParsedWorkbook]:
    handed: list[reader.ParsedWorkbook] = []
    final = reader.read_workbook(data, "上传.xlsx", early=handed.append)
    return (handed[0] if handed else None), final


def outcome(result: loader.LoadResult) -> tuple[list, list, Dataset | None]:
    edits = [tuple(e) for t in sorted(result.changes.tables) for e in result.changes.of(t)] if result.changes else []
    findings = [(f.code, f.severity, f.sheet, f.row, f.column, f.message) for f in result.findings]
    return edits, findings, result.dataset


@pytest.mark.parametrize("base", [BASE, None], ids=["on the data in use", "on nothing"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_an_upload_assembled_from_an_early_part_is_the_upload_read_in_one_piece(case: str, base: Dataset | None) -> None:
    data = workbook(CASES[case])
    early, final = split(data)
    assert early is not None and final.late  # the case splits at all
    built = loader._build(early, base, loader._source_info(early, NOW), frozenset())
    whole = loader.assemble(reader.read_workbook(data, "上传.xlsx"), base, NOW)
    assert outcome(loader.assemble(final, base, NOW, early=built)) == outcome(whole)


def test_the_sheets_before_the_largest_are_not_made_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not vacuous: with figures largest, only the figures are made after the child has finished."""
    early, final = split(workbook(CASES["figures largest, a catalogue and an alias before"]))
    assert early is not None and [s.title for s in early.sheets] == ["镇街", "项目"] and final.late == {"指标数据"}
    built = loader._build(early, BASE, loader._source_info(early, NOW), frozenset())
    made: list[str] = []
    sheet = loader._Edits.sheet
    monkeypatch.setattr(loader._Edits, "sheet", lambda self, s, base: made.append(s.key) or sheet(self, s, base))
    result = loader.assemble(final, BASE, NOW, early=built)
    assert made == ["values"] and result.ok
    by_alias = [o for o in result.dataset.observations if (o.indicator, o.town, o.year) == ("常住人口城镇化率", "精武镇", 2031)]
    assert [o.value for o in by_alias] == [66.0]  # 精武新镇, an alias the early 镇街 sheet gave


@pytest.mark.parametrize("case", ["a catalogue largest", "说明 largest"])
def test_a_late_catalogue_or_说明_makes_everything_again(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    early, final = split(workbook(CASES[case]))
    assert early is not None
    built = loader._build(early, BASE, loader._source_info(early, NOW), frozenset())
    made: list[str] = []
    sheet = loader._Edits.sheet
    monkeypatch.setattr(loader._Edits, "sheet", lambda self, s, base: made.append(s.key) or sheet(self, s, base))
    loader.assemble(final, BASE, NOW, early=built)
    assert len(made) == len(loader.schema.MERGE_ORDER)


def test_load_makes_the_early_part_while_the_child_reads_the_largest_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    build = loader._build

    def spy(parsed, base, source, replace, early=None):  # type: ignore[no-untyped-def]
        calls.append(early is not None)
        return build(parsed, base, source, replace, early)

    monkeypatch.setattr(loader, "_build", spy)
    data = workbook(CASES["figures largest, a catalogue and an alias before"])
    result = loader.load(data, "上传.xlsx", base=BASE, now=NOW)
    assert calls == [False, True] and result.ok
    assert outcome(result) == outcome(loader.assemble(reader.read_workbook(data, "上传.xlsx"), BASE, NOW))


def test_the_result_takes_the_sheets_handed_over_first_and_only_those() -> None:
    early, final = split(workbook(CASES["figures largest, a catalogue and an alias before"]))
    assert early is not None
    late = [s for s in final.sheets if s.title in final.late]
    final.share(early)
    assert [s.title for s in final.sheets] == ["镇街", "项目", "指标数据"]
    assert [s for s in final.sheets if s.title not in final.late] == early.sheets
    assert all(a is b for a, b in zip([s for s in final.sheets if s.title not in final.late], early.sheets))
    assert [s for s in final.sheets if s.title in final.late] == late and late[0] is final.sheets[2]
    _, again = split(workbook(CASES["a catalogue largest"]))
    kept = list(again.sheets)
    again.share(early)  # not its early part: nothing taken
    assert all(a is b for a, b in zip(again.sheets, kept)) and len(again.sheets) == len(kept)
