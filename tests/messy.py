"""Workbooks as officials really make them: each builder returns the bytes of one messy but honest case."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment

from tests.workbooks import workbook

HEADER = ["指标", "镇街", "年份", "数值", "来源"]


def plan_table_layout() -> bytes:
    """The plan's own 主要指标 table: title rows, 类别 merged down, units in the names, figures in year columns."""
    book = Workbook()
    ws = book.active
    ws.title = "主要指标"
    ws.append(["2023—2025年新型城镇化发展主要指标完成情况"])
    ws.append(["填报单位：区发展改革委"])
    ws.append(["类别", "序号", "指标", "2025年\n目标", "属性", "2023年", "2024年"])
    ws.append(["城镇\n化水平", 1, "常住人口城镇化率（%）", "完成“十四五”规划目标", "预期性", "95.78%", "95.93"])
    ws.append([None, 2, "居民人均可支配收入增长（%）", "与经济增长基本同步", "预期性", 5.2, "—"])
    ws.append(["市民\n化质量", 10, "城镇新增就业（万人）", "每年不少于2.3万人", "预期性", "2.45万人", None])
    ws.merge_cells("A4:A5")
    ws["A4"].alignment = Alignment(wrap_text=True)
    return _save(book)


def odd_headers_and_cells() -> bytes:
    return workbook({
        "指 标 数 据": [
            ["西青区监测数据（2025年第一季度）"],
            [],
            ["指标名称", "乡\u3000镇", "年\n份", "实际值", "数据来源"],
            ["常住人口城镇化率（%）", "全区", "2025年", "９６．１", "区统计局"],
            ["基本养老保险参保人数", " 杨柳青 ", 2025, "3.2万人", "区人社局"],
            ["城镇新增就业", "李七庄街道", "２０２５", "N/A", ""],
            [],
            ["基本医疗保险参保人数", "全区", 2025, "1,234", ""],
            ["学前三年毛入园率", "辛口", 2025, "无", ""],
        ]
    })


def hidden_values_sheet() -> bytes:
    book = Workbook()
    book.active.title = "封面"
    ws = book.create_sheet("指标数据")
    for row in ([*HEADER], ["森林覆盖率", "全区", 2025, 25.1, "区生态环境局"]):
        ws.append(row)
    ws.sheet_state = "hidden"
    return _save(book)


def year_as_date_serial() -> bytes:
    book, ws = _values_sheet()
    ws.append(["森林覆盖率", "全区", 45658, 25.1, ""])  # 2025-01-01 whose date format was lost
    ws.append(["城镇调查失业率", "全区", datetime(2025, 12, 31), 5.0, ""])
    return _save(book)


def formula_without_value() -> bytes:
    book, ws = _values_sheet()
    ws.append(["森林覆盖率", "全区", 2025, "=24.6+0.5", ""])  # openpyxl saves formulas without a cached value
    return _save(book)


def error_cell() -> bytes:
    book, ws = _values_sheet()
    ws.append(["森林覆盖率", "全区", 2025, None, ""])
    ws["D2"].value = "#REF!"
    ws["D2"].data_type = "e"
    return _save(book)


def duplicate_rows() -> bytes:
    return workbook({"指标数据": [HEADER, ["森林覆盖率", "全区", 2025, 25.1], [], ["森林覆盖率", "全区", "2025年", 25.3]]})


def unknown_names() -> bytes:
    return workbook({"指标数据": [HEADER, ["森林覆盖", "全区", 2025, 25.1], ["森林覆盖率", "杨柳清镇", 2025, 25.1]]})


def unreadable_number() -> bytes:
    return workbook({"指标数据": [HEADER, ["森林覆盖率", "全区", 2025, "约25"]]})


def wrong_unit() -> bytes:
    return workbook({"指标数据": [HEADER, ["城镇新增就业", "全区", 2025, "23000人"], ["基本养老保险参保人数", "全区", 2025, "23亿元"]]})


def _values_sheet():
    """A workbook whose one sheet is 指标数据 with its header: cells are then set as a case needs."""
    book = Workbook()
    ws = book.active
    ws.title = "指标数据"
    ws.append(HEADER)
    return book, ws


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
