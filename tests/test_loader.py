"""The loader on the plan's own data and on broken files: every finding names sheet, Excel row and column."""

from __future__ import annotations

import re

import pytest
from openpyxl import Workbook

from tests.workbooks import plan_with, sample_with, workbook
from xq_metrics import schema
from xq_metrics.defaults import PLAN_WORKBOOK, load_default, load_plan
from xq_metrics.findings import Finding
from xq_metrics.loader import load

PLAN_TEXT_PATH = PLAN_WORKBOOK.parent.parent.parent / "shared" / "seed" / "000_eabb749189e85ece.txt"


@pytest.fixture(scope="module")
def plan():
    result = load_plan()
    assert result.ok, result.findings
    return result.dataset


@pytest.fixture(scope="module")
def default():
    result = load_default()
    assert result.ok, result.findings
    return result.dataset


def only(findings: list[Finding], code: str) -> Finding:
    matches = [f for f in findings if f.code == code]
    assert len(matches) == 1, [(f.code, f.message) for f in findings]
    return matches[0]


# --- the plan as data -------------------------------------------------------------------------


def test_plan_has_every_chapter_section_indicator_town_and_project(plan) -> None:
    assert sorted(plan.chapters()) == list(range(1, 9))
    per_chapter = {c: sum(1 for s in plan.sections if s.chapter == c) for c in range(1, 9)}
    assert per_chapter == {1: 2, 2: 3, 3: 3, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4}
    assert [i.code for i in plan.indicators] == list(range(1, 19))
    assert {i.category for i in plan.indicators} == {"城镇化水平", "市民化质量", "城市功能", "生态环境"}
    assert [t.name for t in plan.towns] == [
        "杨柳青镇", "精武镇", "中北镇", "大寺镇", "张家窝镇", "王稳庄镇", "辛口镇", "李七庄街", "西营门街", "赤龙南街", "津门湖街",
    ]
    per_box = {b: sum(1 for p in plan.projects if p.box == b) for b in range(1, 8)}
    assert per_box == {1: 6, 2: 4, 3: 6, 4: 9, 5: 4, 6: 4, 7: 4}
    assert all(p.source and i.source for p in plan.projects for i in plan.indicators)
    assert not plan.is_sample and not plan.observations


@pytest.mark.parametrize(
    ("code", "name", "unit", "target", "attribute"),
    [
        (1, "常住人口城镇化率", "%", "完成“十四五”规划目标", "预期性"),
        (4, "学前三年毛入园率", "%", ">90", "预期性"),
        (8, "城镇调查失业率", "%", "6以内", "预期性"),
        (10, "城镇新增就业", "万人", "每年不少于2.3万人", "预期性"),
        (13, "城镇生活垃圾无害化处理率", "%", "100", "约束性"),
        (15, "单位GDP能源消耗降低", "%", "﹝15﹞", "约束性"),
        (17, "地表水达到或优于Ⅲ类水体比例", "%", "落实市里下达指标", "约束性"),
        (18, "森林覆盖率", "%", "14", "约束性"),
    ],
)
def test_indicators_as_the_plan_writes_them(plan, code, name, unit, target, attribute) -> None:
    indicator = next(i for i in plan.indicators if i.code == code)
    assert (indicator.name, indicator.unit, indicator.target_text, indicator.attribute) == (name, unit, target, attribute)


def test_baselines_from_chapter_one_kept_as_written(plan) -> None:
    by_code = {i.code: i for i in plan.indicators}
    assert (by_code[1].base_year, by_code[1].base_value) == (2022, 95.61)
    assert by_code[18].base_value == 24  # the plan's oddity: 24% in 2022, a 2025 target of 14
    assert by_code[16].base_value is None and "264" in by_code[16].base_note  # days, not a share: not converted
    facts = {f.name: f for f in plan.facts}
    assert facts["常住人口城镇化率"].value == 95.61
    assert any(f.value == 264 and f.unit == "天" and f.indicator == 16 for f in plan.facts)


@pytest.mark.parametrize(
    ("code", "investment", "town"),
    [("3-1", 516, ()), ("1-1", 200, ()), ("1-3", None, ("杨柳青镇",)), ("3-2", 6, ()), ("2-3", None, ("辛口镇",)), ("5-1", None, ())],
)
def test_project_investment_only_where_the_plan_gives_it(plan, code, investment, town) -> None:
    project = next(p for p in plan.projects if p.code == code)
    assert project.investment_yi == investment
    assert project.towns == town
    assert sum(1 for p in plan.projects if p.investment_yi is not None) == 3
    yuanbao = next(p for p in plan.projects if p.code == "1-3")  # the plan's figure for 其中元宝岛项目 only
    assert yuanbao.investment_note == "其中元宝岛项目总投资约33.97亿元" and yuanbao.land_area is None


def test_plan_oddities_kept(plan) -> None:
    youcheng = next(p for p in plan.projects if p.code == "3-5")
    assert (youcheng.land_area, youcheng.land_area_unit) == (4.08379, "平方米")


def test_every_quoted_figure_appears_in_the_plan_text(plan) -> None:
    if not PLAN_TEXT_PATH.exists():
        pytest.skip("shared/seed not beside the checkout")
    text = PLAN_TEXT_PATH.read_text(encoding="utf-8")
    for fact in plan.facts:
        assert fact.quote in text, fact
    for project in plan.projects:
        assert project.name.replace(" ", "") in text.replace(" ", ""), project.name


def test_default_adds_sample_values_and_says_so(default) -> None:
    assert default.is_sample
    assert [s.is_sample for s in default.sources] == [False, True]
    district = {o.indicator for o in default.observations if o.is_district}
    assert district == {i.name for i in default.indicators}
    assert {o.year for o in default.observations} == {2023, 2024}
    assert any(not o.is_district for o in default.observations)


# --- broken files -----------------------------------------------------------------------------


def test_missing_sheet_is_named_when_nothing_else_supplies_it() -> None:
    data = plan_with(lambda b: b.remove(b[schema.INDICATORS.name]))
    result = load(data)
    assert not result.ok
    f = only(result.findings, "MISSING_SHEET")
    assert f.sheet == "指标" and "缺少工作表" in f.message


def test_file_without_any_known_sheet() -> None:
    result = load(workbook({"Sheet1": [["a", "b"], [1, 2]]}))
    assert not result.ok
    assert {f.code for f in result.findings} >= {"NO_KNOWN_SHEET", "UNKNOWN_SHEET"}


def test_missing_column_names_sheet_and_header_row() -> None:
    def drop_target(book: Workbook) -> None:
        book[schema.INDICATORS.name].delete_cols(5)  # 2025年目标

    result = load(plan_with(drop_target))
    f = only(result.findings, "MISSING_COLUMN")
    assert (f.sheet, f.row, f.header) == ("指标", 1, "2025年目标")
    assert "缺少列" in f.message


def test_text_where_a_number_belongs_names_row_and_column(default) -> None:
    def spoil(book: Workbook) -> None:
        book[schema.VALUES.name]["D5"] = "较好"

    result = load(sample_with(spoil), base=load_plan().dataset)
    assert not result.ok and result.dataset is None
    f = only(result.findings, "BAD_NUMBER")
    assert (f.sheet, f.row, f.column, f.header, f.seen) == ("指标数据", 5, "D", "数值", "较好")
    assert "应为数字" in f.message and f.hint


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    def spoil(book: Workbook) -> None:
        ws = book[schema.VALUES.name]
        ws["D3"] = "abc"
        ws["C4"] = "去年"
        ws["A6"] = "不存在的指标"
        ws["B7"] = "火星镇"

    result = load(sample_with(spoil), base=load_plan().dataset)
    where = {(f.code, f.row, f.column) for f in result.findings if f.severity == "error"}
    assert where == {("BAD_NUMBER", 3, "D"), ("BAD_YEAR", 4, "C"), ("UNKNOWN_INDICATOR", 6, "A"), ("UNKNOWN_TOWN", 7, "B")}


def test_unknown_town_hints_the_nearest_name() -> None:
    result = load(sample_with(lambda b: b[schema.VALUES.name].__setitem__("B40", "杨柳清镇")), base=load_plan().dataset)
    f = only(result.findings, "UNKNOWN_TOWN")
    assert "杨柳青镇" in f.hint


def test_duplicate_key_names_both_rows() -> None:
    def duplicate(book: Workbook) -> None:
        ws = book[schema.VALUES.name]
        ws.append([c.value for c in ws[2]])

    data = sample_with(duplicate)
    result = load(data, base=load_plan().dataset)
    f = only(result.findings, "DUPLICATE_KEY")
    assert "第2行" in f.message and f.row > 2


def test_title_rows_aliases_placeholders_and_aliased_towns_are_accepted() -> None:
    data = workbook({
        "指标数据": [
            ["西青区城镇化监测数据（2025年一季度报送）"],
            [],
            ["指标名称", "乡镇", "年份", "实际值", "来源"],
            ["常住人口城镇化率（%）", "全区", "2025年", "96.1%", "区统计局"],
            ["城镇新增就业", "杨柳青", 2025, "—", "区人社局"],
            [],
            ["3", "  李七庄街道 ", "２０２５", "９２．５", ""],
        ]
    })
    result = load(data, base=load_plan().dataset)
    assert result.ok, result.findings
    added = {(o.indicator, o.town, o.year): o.value for o in result.dataset.observations}
    assert added[("常住人口城镇化率", "全区", 2025)] == 96.1
    assert added[("城镇新增就业", "杨柳青镇", 2025)] is None  # a placeholder is missing, never 0
    assert added[("外来务工人员随迁子女在公办学校接受义务教育比例", "李七庄街", 2025)] == 92.5
    normalised = [f for f in result.findings if f.code == "NORMALISED"]
    assert {(f.row, f.seen, f.understood) for f in normalised} >= {(4, "96.1%", "96.1")}
    assert all(f.severity == "warning" for f in normalised)
    placeholder = only(result.findings, "PLACEHOLDER")  # "—" is 未填报: it never changes a stored figure
    assert (placeholder.row, placeholder.seen, placeholder.severity) == (5, "—", "info")


def test_values_update_by_key_and_keep_the_rest() -> None:
    base = load_default().dataset
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2024, 25.0], ["森林覆盖率", "全区", 2025, 25.5]]})
    merged = load(data, base=base).dataset
    forest = {o.year: o.value for o in merged.series("森林覆盖率")}
    assert forest == {2023: 24.3, 2024: 25.0, 2025: 25.5}
    assert len(merged.observations) == len(base.observations) + 1
    assert merged.indicators == base.indicators and merged.projects == base.projects


def test_not_a_workbook() -> None:
    result = load(b"this is a csv,renamed,to xlsx\n1,2,3\n", file_name="数据.xlsx")
    assert not result.ok
    assert only(result.findings, "NOT_XLSX").sheet is None


@pytest.mark.parametrize(("value", "code"), [("中等", "BAD_CHOICE")])
def test_attribute_must_be_one_of_the_two(value: str, code: str) -> None:
    result = load(plan_with(lambda b: b[schema.INDICATORS.name].__setitem__("F3", value)))
    f = only(result.findings, code)
    assert (f.sheet, f.row, f.column) == ("指标", 3, "F")
    assert re.search("预期性.*约束性", f.message)


def test_a_target_the_parser_cannot_read_is_a_warning_not_a_guess() -> None:
    result = load(plan_with(lambda b: b[schema.INDICATORS.name].__setitem__("E4", "约7成")))
    assert result.ok  # a warning: the indicator is shown as 需人工研判
    f = only(result.findings, "TARGET_UNREAD")
    assert (f.sheet, f.row, f.column, f.seen, f.severity) == ("指标", 4, "E", "约7成", "warning")
    indicator = next(i for i in result.dataset.indicators if i.code == 3)
    from xq_metrics.status import evaluate

    assert evaluate(result.dataset, indicator).status_label == "需人工研判"


def test_renaming_an_indicator_that_has_values_is_refused() -> None:
    base = load_default().dataset
    result = load(plan_with(lambda b: b[schema.INDICATORS.name].__setitem__("C19", "森林覆盖率（新口径）")), base=base)
    assert not result.ok
    f = only(result.findings, "ORPHANED_ROWS")
    assert (f.sheet, f.seen) == ("指标", "森林覆盖率") and "2条" in f.message


def test_an_empty_town_sheet_is_ignored_and_removes_nothing() -> None:
    base = load_default().dataset
    result = load(workbook({"镇街": [["名称", "类型"]]}), base=base)
    assert result.ok
    f = only(result.findings, "EMPTY_SHEET")
    assert (f.sheet, f.severity) == ("镇街", "info")
    assert result.dataset.towns == base.towns and result.dataset.observations == base.observations


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "seen"),
    [("镇街", "D12", "杨柳青镇", "杨柳青镇"), ("镇街", "D12", "杨柳青", "杨柳青"), ("指标", "C19", "森林覆盖率", None)],
)
def test_a_name_or_alias_can_belong_to_one_entry_only(sheet: str, cell: str, value: str, seen: str | None) -> None:
    def clash(book: Workbook) -> None:
        if sheet == "指标":
            book[sheet]["C18"] = value  # indicator 17 renamed to indicator 18's name
        else:
            book[sheet][cell] = value  # 津门湖街 given 杨柳青镇's name or alias as an alias

    result = load(plan_with(clash))
    f = only(result.findings, "NAME_CLASH")
    assert f.sheet == sheet and f.severity == "error"
    if seen:
        assert f.seen == seen and "杨柳青镇" in f.message
