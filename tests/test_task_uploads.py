"""A 分工表 as district offices type it, uploaded through the page's flow (check, preview, save): every way of reading
it is a warning saying how, every row it cannot take is named, and nothing it does not hold changes (issue 14)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from tests.test_office_uploads import changed_fields, codes
from xq_metrics import auth, upload
from xq_metrics.store import open_store

PASSWORD = "correct-horse-1"
TITLE_2024 = "西青区2024年度新型城镇化重点任务分工表"
TITLE_PLAN = "《天津市西青区新型城镇化发展规划（2023—2025年）》目标任务分工表"
HEAD = ["序号", "重点任务", "具体内容", "牵头单位", "配合单位", "完成时限"]
# (序号, 重点任务 as typed, 具体内容 as typed, 牵头, 配合, 时限) and the task each row means.
ROWS = [
    (("一", "融入京津冀协同发展 优化城镇化发展格局", None, None, None, None), None),  # a chapter title between tasks
    ((1, "积极承接北京非首都功能疏解", "结合“站产城”一体化设计，大力推进南站科技商务区建设", "发改委", "区商务局、西青开发区管委会", "2025年底"), "3.1.1"),
    ((2, "推动城市更新", "适应城市发展，对接居民需求", "区住建委", "区规划资源分局，各镇街", "2024年12月"), "5.1.1"),
    ((3, "城乡基础设施一体化", "推进城乡基础设施统一建设、统一管护机制", "区城管委", "区水务局\n区住房建设委", "持续推进"), "6.3.2"),
    ((4, "深化农村土地制度改革", None, "区农业农村委", "区规划资源分局", "2025年6月底前"), "6.1.1"),
    ((5, "7.4.3", None, "区政务服务办", "网信办", "尽快"), "7.4.3"),
]


def split_table(title: str = TITLE_2024, sheet: str = "分工表", rows=ROWS, extra: tuple | None = None) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEAD))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(["填报单位：区发展改革委", None, None, None, "填报日期：2025年1月10日"])
    ws.append(HEAD)
    for cells, _ in rows:
        ws.append(list(cells))
        if cells[0] == "一":
            ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=len(HEAD))
    if extra:
        ws.append(list(extra))
    ws.append(["注：完成时限为最迟完成时间；“各镇街”指全区11个镇街。"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture()
def store(tmp_path: Path):
    opened = open_store(tmp_path / "split.sqlite3")
    upload.seed(opened)
    auth.add_editor(opened, "赵六", PASSWORD)
    return opened


@pytest.fixture()
def editor(store):
    return auth.login(store, "赵六", PASSWORD)


def test_a_split_table_as_offices_type_it_updates_only_its_rows(store, editor) -> None:
    before = store.current().dataset
    checked = upload.check(store, split_table(), "2024年分工表.xlsx")
    assert checked.ok, [(f.code, f.row, f.message) for f in checked.findings if f.severity == "error"]
    assert {"YEAR_FROM_CONTEXT", "TASK_HEADING_ROW", "NAME_READ_AS", "ALL_TOWNS_READ", "DEADLINE_READ",
            "DEADLINE_UNREAD", "NOTE_ROWS"} <= codes(checked.findings), codes(checked.findings)
    heading = next(f for f in checked.findings if f.code == "TASK_HEADING_ROW")
    assert heading.row == 4 and heading.severity == "info"
    read_as = {f.row: f.understood for f in checked.findings if f.code == "NAME_READ_AS" and f.column == "B"}
    assert read_as == {6: "5.1.1 有序推动城市更新", 7: "6.3.2 推进城乡基础设施一体化建管机制"}
    # what the preview shows and what saving stores
    tables = {t.table: t for t in checked.preview.tables if t.in_upload}
    assert set(tables) == {"任务进展"} and tables["任务进展"].changed == 5 and tables["任务进展"].removed == 0
    assert not checked.confirmation.removed and not checked.confirmation.blanked
    upload.save(store, checked, editor)
    after = store.current().dataset
    assert store.head().number == 2
    rows = {(p.task, p.year): p for p in after.task_progress}
    assert rows[("3.1.1", 2024)].lead == ("区发展改革委",)
    assert rows[("5.1.1", 2024)].support[0] == "区规划资源分局" and len(rows[("5.1.1", 2024)].support) == 12
    assert rows[("6.3.2", 2024)].support == ("区水务局", "区住房建设委")
    assert rows[("6.1.1", 2024)].deadline == "2025年6月底前"  # kept as written; read as 2025-06-30
    assert rows[("7.4.3", 2024)].deadline == "尽快"  # unread, kept, never guessed
    # the 2024 progress the offices reported before is kept: the 分工表 holds no 进展状态
    old = {(p.task, p.year): p for p in before.task_progress}
    for key in [("3.1.1", 2024), ("5.1.1", 2024), ("6.3.2", 2024), ("6.1.1", 2024), ("7.4.3", 2024)]:
        assert (rows[key].status, rows[key].note) == (old[key].status, old[key].note)
    changed = changed_fields(before, after)
    assert {(table, key) for table, key, _ in changed} == {("task_progress", key) for key in [
        ("3.1.1", 2024), ("5.1.1", 2024), ("6.3.2", 2024), ("6.1.1", 2024), ("7.4.3", 2024)]}
    assert {name for *_, name in changed} <= {"lead", "support", "deadline", "source", "sample"}


def test_the_plans_own_split_table_is_dated_by_its_period(store) -> None:
    checked = upload.check(store, split_table(TITLE_PLAN, sheet="Sheet1"), "分工表.xlsx")
    assert checked.ok
    assert "READ_AS_SHEET" in codes(checked.findings)  # not named as the format says: known by its header
    span = next(f for f in checked.findings if f.code == "YEAR_FROM_SPAN")
    assert span.understood == "2023"
    assert {c.key.split(" / ")[1] for c in checked.preview.changes if c.table == "任务进展"} == {"2023"}


def test_every_row_it_cannot_take_is_named(store) -> None:
    bad = [
        *ROWS,
        ((6, "发展低空经济", None, "区发改委", None, "2025年底"), None),
        ((7, "提高住房宜居水平", None, "区大数据局", "区住建委", "2025年底"), None),
        ((8, "推进城乡基础设施一体化", None, "区住建委", None, "2025年底"), None),
    ]
    checked = upload.check(store, split_table(rows=bad), "分工表.xlsx")
    assert not checked.ok and checked.preview is None
    errors = {(f.code, f.row, f.column) for f in checked.findings if f.severity == "error"}
    assert errors == {("UNKNOWN_TASK", 10, "B"), ("UNKNOWN_DEPARTMENT", 11, "D"), ("AMBIGUOUS_TASK", 12, "B")}
    unknown = next(f for f in checked.findings if f.code == "UNKNOWN_DEPARTMENT")
    assert "区大数据局" in unknown.message and "部门" in unknown.hint
    assert store.head().number == 1  # nothing saved


def test_a_task_twice_in_one_table_is_refused_naming_both_rows(store) -> None:
    twice = [*ROWS, ((6, "有序推动城市更新", None, "区住建委", None, "2025年底"), "5.1.1")]
    checked = upload.check(store, split_table(rows=twice), "分工表.xlsx")
    duplicate = next(f for f in checked.findings if f.code == "DUPLICATE_KEY")
    assert duplicate.row == 10 and "第6行" in duplicate.message


def test_a_split_table_without_any_year_says_where_to_put_it(store) -> None:
    checked = upload.check(store, split_table("重点任务分工表", sheet="分工"), "分工表.xlsx")
    assert not checked.ok and "NO_YEAR" in codes(checked.findings, "error")
