"""Workbooks as district offices really send them, built cell by cell: titles, merged cells, 合计 and 注 rows,
units in the headers, names typed loosely. Each builder returns the bytes of one file an official would upload."""

from __future__ import annotations

import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from xq_metrics.template import blank_template


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _title(ws, text: str, width: int) -> None:
    ws.append([text])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)
    ws.cell(ws.max_row, 1).font = Font(bold=True, size=14)
    ws.cell(ws.max_row, 1).alignment = Alignment(horizontal="center")


def _note(ws, text: str, width: int) -> None:
    ws.append([text])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=width)


# Five projects named the way an office writes them, with their 2024 figures in 万元.
PROGRESS_BY_NAME = [
    # (typed name, code it means, planned 万元, completed 万元, status, lead)
    ("南部产城示范中心先导区", "1-1", 320000, 301500, "在建", "区发展改革委"),
    ("元宝岛项目", "1-3", 95000, 90500, "在建", "杨柳青镇人民政府"),
    ("中芯西青12英寸晶圆代工生产线 ", "3-1", 1200000, 1180000, "在建", "区工业和信息化局"),
    ("东鹏饮料（华北区域总部）天津生产基地项目", "3-4", 50000, 42000, "在建", "区商务局"),
    ("梨双路改扩建工程", "5-4", 30000, 27500, "在建", "区住房建设委"),
]


def progress_by_name(with_code_and_year: bool = False) -> bytes:
    """项目进展 keyed by name, year and unit in the headers, a 合计 row and a 注 row.

    `with_code_and_year`: the same sheet after the office added 项目编号 and 年份 as an old hint asked; the figure
    columns keep their "2024年…（万元）" headers (the file that once blanked the stored 2024 figures)."""
    book = Workbook()
    ws = book.active
    ws.title = "项目进展"
    head = ["序号", "项目名称", "2024年计划投资（万元）", "2024年完成投资（万元）", "建设状态", "牵头单位"]
    if with_code_and_year:
        head = ["序号", "项目编号", "年份", "2024年计划投资（万元）", "2024年完成投资（万元）", "建设状态", "牵头单位"]
    _title(ws, "2024年西青区重大项目建设进展情况表", len(head))
    ws.append(["填报单位：区发展改革委", None, None, None, "填报日期：2025年1月10日"])
    ws.append(head)
    for number, (name, code, planned, completed, status, lead) in enumerate(PROGRESS_BY_NAME, start=1):
        key = [code, 2024] if with_code_and_year else [name]
        ws.append([number, *key, planned, completed, status, lead])
    planned_total = sum(p[2] for p in PROGRESS_BY_NAME)
    completed_total = sum(p[3] for p in PROGRESS_BY_NAME)
    ws.append([None, "合计", *([None] if with_code_and_year else []), planned_total, completed_total])
    _note(ws, "注：金额单位为万元；数据为快报数，以统计年报为准。", len(head))
    return _save(book)


# Town figures for 2024 as the statistics office types them; 合计 is the district figure.
TOWN_ROWS = [
    ("杨柳青", 93.8, 2.31, 0.42),
    ("中北镇人民政府", 97.1, 3.05, 0.35),
    ("精武镇", 91.2, 1.62, 0.21),
    ("李七庄街道", 100, 2.44, 0.18),
]


def towns_by_indicators(sheet_name: str = "2024年", total: float | None = None) -> bytes:
    """镇街 down the side, indicators with units in brackets across, the year in the sheet's name; a merged title,
    a 填报单位/日期 row, a 合计 row, a 注 row, and a 填报说明 prose sheet."""
    book = Workbook()
    ws = book.active
    ws.title = sheet_name
    head = ["镇街", "常住人口城镇化率（%）", "基本养老保险参保人数（万人）", "城镇新增就业（万人）"]
    _title(ws, "西青区各镇街新型城镇化主要指标完成情况", len(head))
    ws.append(["填报单位：区统计局", None, "填报日期：2025年1月"])
    ws.append(head)
    for row in TOWN_ROWS:
        ws.append(list(row))
    employment = round(sum(r[3] for r in TOWN_ROWS), 2) if total is None else total
    ws.append(["合计", 95.93, round(sum(r[2] for r in TOWN_ROWS), 2), employment])
    _note(ws, "注：1.城镇化率为常住人口口径；2.参保人数为年末数。", len(head))
    notes = book.create_sheet("填报说明")
    notes.append(["填报说明"])
    notes.append(["一、本表由各镇街统计站填报，区统计局汇总。"])
    notes.append(["二、请于每年1月15日前报送。"])
    return _save(book)


def plan_table(target: str = "每年不少于2.3万人", new_rows: list[list[object]] | None = None) -> bytes:
    """The plan's own 主要指标 table as an office keeps it: merged 类别, unit in the name, year columns, a changed
    2025年目标 when asked, new indicator rows, and the plan's merged footnote under it."""
    book = Workbook()
    ws = book.active
    ws.title = "主要指标"
    head = ["类别", "序号", "指标", "2025年\n目标", "属性", "2023年", "2024年"]
    _title(ws, "西青区新型城镇化发展主要指标完成情况", len(head))
    ws.append(head)
    ws.append(["城镇化水平", 1, "常住人口城镇化率（%）", "完成“十四五”规划目标", "预期性", 95.78, 95.93])
    ws.append([None, 2, "居民人均可支配收入增长（%）", "与经济增长基本同步", "预期性", 5.2, "—"])
    ws.merge_cells("A3:A4")
    ws.append(["市民化质量", 10, "城镇新增就业（万人）", target, "预期性", 2.45, 2.38])
    for row in new_rows or []:
        ws.append(row)
    _note(ws, "注：〔〕为五年累计数；带*号的为约束性指标。", len(head))
    return _save(book)


def percent_formatted(value: float = 0.938) -> bytes:
    """指标数据 where the 数值 cell is a number formatted as a percentage (shows 93.8%)."""
    book = Workbook()
    ws = book.active
    ws.title = "指标数据"
    ws.append(["指标", "镇街", "年份", "数值"])
    ws.append(["常住人口城镇化率", "全区", 2025, value])
    ws["D2"].number_format = "0.0%"
    return _save(book)


def employment_in_persons() -> bytes:
    """22500 typed in the 万人 indicator's 数值, the 备注 saying the unit is 人."""
    book = Workbook()
    ws = book.active
    ws.title = "指标数据"
    ws.append(["指标", "镇街", "年份", "数值", "备注"])
    ws.append(["城镇新增就业", "全区", 2025, 22500, "单位：人"])
    return _save(book)


def data_template_filled(kind: str = "full") -> bytes:
    """The blank template from 数据格式, filled in by an office that owns only data: catalogue sheets left empty."""
    book = load_workbook(io.BytesIO(blank_template(kind)))  # type: ignore[arg-type]
    book["说明"]["B2"] = "2025年一季度报送（区统计局）"
    book["指标数据"].append(["森林覆盖率", "全区", 2025, 25.6, "区生态环境局"])
    book["指标数据"].append(["城镇调查失业率", "全区", 2025, 4.9, "区人社局"])
    book["项目进展"].append(["3-2", 2025, 1.2, 0.9, "亿元", "在建", None, None, "区科技局"])
    book["市级下达目标"].append(["城市空气质量优良天数比例", 2025, 72.0, "市生态环境局"])
    return _save(book)


def notes_sheets(hidden: bool) -> bytes:
    """A values sheet plus a prose 说明 sheet and a 填报说明 sheet (hidden or not)."""
    book = Workbook()
    ws = book.active
    ws.title = "指标数据"
    ws.append(["指标", "镇街", "年份", "数值"])
    ws.append(["森林覆盖率", "全区", 2025, 25.4])
    prose = book.create_sheet("说明")
    prose.append(["本表数据由区统计局提供，均为快报数。"])
    prose.append(["如有疑问请联系：综合科。"])
    howto = book.create_sheet("填报说明")
    howto.append(["一、请勿修改表头。"])
    if hidden:
        prose.sheet_state = "hidden"
        howto.sheet_state = "hidden"
    return _save(book)
