"""The workbook format: which sheets a monitoring workbook may hold and what their columns mean.

This one table drives the loader, the blank template and the format page, so the three cannot drift apart.
Sheet and column names are Chinese because officials fill them in; the keys are English for the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .texts import DISTRICT  # noqa: F401  (re-exported: the word for the whole district in a 镇街 column)

ColumnKind = Literal["text", "int", "number", "year"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: ColumnKind = "text"
    required: bool = False
    help: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    help: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    # Columns that together identify a row; a repeat is an error naming both rows.
    unique: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


SOURCE = Column("source", "出处", help="数据来源或在规划中的位置，如“规划第二章第三节 主要指标表”。", aliases=("来源", "数据来源"))

INFO = Sheet(
    "info",
    "说明",
    "数据集的名称与性质。两列：项目 | 内容。",
    (
        Column("field", "项目", required=True),
        Column("value", "内容"),
    ),
)
# Rows of the 说明 sheet that the loader understands.
INFO_NAME = "数据集名称"
INFO_SAMPLE = "是否示例"
INFO_NOTE = "说明"

STRUCTURE = Sheet(
    "structure",
    "规划结构",
    "规划的章和节，每节一行。",
    (
        Column("chapter", "章", "int", True, "章序号，1–8。"),
        Column("chapter_title", "章标题", required=True),
        Column("section", "节", "int", True, "节序号。"),
        Column("section_title", "节标题", required=True),
        SOURCE,
    ),
    unique=("chapter", "section"),
)

INDICATORS = Sheet(
    "indicators",
    "指标",
    "主要指标表：每个指标一行，目标按规划原文填写。",
    (
        Column("code", "编号", "int", True, "规划指标表中的序号。", ("序号",)),
        Column("category", "类别", required=True, help="城镇化水平、市民化质量、城市功能、生态环境。"),
        Column("name", "指标", required=True, help="指标名称，不含单位。", aliases=("指标名称", "名称")),
        Column("unit", "单位", help="如 %、万人、人、年。"),
        Column("target_text", "2025年目标", required=True, help="按规划原文，如 >90、6以内、每年不少于2.3万人、﹝15﹞。", aliases=("目标", "2025年\n目标")),
        Column("attribute", "属性", required=True, help="预期性 或 约束性。"),
        Column("direction", "方向", help="越大越好 或 越小越好；空则按指标名称推断。"),
        Column("reference", "参照", help="相对目标（如“与经济增长基本同步”）所比照的序列名称，见“参照数据”。"),
        Column("chapter", "章", "int", help="规划中论述该指标的章。"),
        Column("section", "节", "int", help="规划中论述该指标的节。"),
        Column("base_year", "基期年份", "year"),
        Column("base_value", "基期值", "number", help="规划给出的基期数；规划未给出则留空。"),
        Column("base_note", "基期说明", help="基期数的原文，或为何留空。"),
        SOURCE,
    ),
    unique=("code",),
)

VALUES = Sheet(
    "values",
    "指标数据",
    "监测值：每个指标、镇街、年份一行。未填报的留空，不要填 0。",
    (
        Column("indicator", "指标", required=True, help="指标名称或编号。", aliases=("指标名称", "指标编号")),
        Column("town", "镇街", help="镇街名称；全区数据填“全区”或留空。", aliases=("乡镇", "街镇", "镇/街", "地区")),
        Column("year", "年份", "year", True, aliases=("年度",)),
        Column("value", "数值", "number", help="按指标单位填写。", aliases=("实际值", "完成值")),
        SOURCE,
        Column("note", "备注"),
    ),
    aliases=("监测数据", "数据"),
    unique=("indicator", "town", "year"),
)

TOWNS = Sheet(
    "towns",
    "镇街",
    "镇街名录：名称、类型、定位与别名。",
    (
        Column("name", "名称", required=True, aliases=("镇街", "镇街名称")),
        Column("kind", "类型", help="历史文化名镇、产城融合强镇、生态休闲小镇、宜居宜业街区。"),
        Column("positioning", "定位", help="规划第三章第三节中的发展定位。"),
        Column("aliases", "别名", help="多个别名用顿号“、”分隔。"),
        Column("stat_code", "统计代码", help="国家统计局统计用区划代码。"),
        SOURCE,
    ),
    unique=("name",),
)

PROJECTS = Sheet(
    "projects",
    "项目",
    "重大项目：规划7个专栏中的项目或举措，每项一行。规划未给出的数留空。",
    (
        Column("code", "编号", required=True, help="专栏号-序号，如 3-1。"),
        Column("name", "名称", required=True, aliases=("项目名称",)),
        Column("box", "专栏", "int", True, "专栏序号，1–7。"),
        Column("box_title", "专栏名称"),
        Column("chapter", "章", "int"),
        Column("section", "节", "int"),
        Column("towns", "镇街", help="规划写明的镇街，多个用顿号分隔；未写明则留空。"),
        Column("investment_yi", "总投资（亿元）", "number", help="规划给出的总投资；未披露则留空。", aliases=("总投资",)),
        Column("land_area", "用地面积", "number", help="数值按原文单位。"),
        Column("land_area_unit", "用地面积单位", help="平方公里、公顷、亩、平方米，按原文。"),
        Column("floor_area", "建筑面积", "number"),
        Column("floor_area_unit", "建筑面积单位"),
        Column("length_km", "长度（公里）", "number"),
        Column("scale_note", "其他规模", help="产能、班数、处理规模等原文表述。"),
        Column("summary", "原文摘要"),
        SOURCE,
    ),
    unique=("code",),
)

FACTS = Sheet(
    "facts",
    "基期数据",
    "规划第一章给出的2022年数据，原样记录；“对应指标”填主要指标编号（口径相同或相关时）。",
    (
        Column("name", "名称", required=True),
        Column("year", "年份", "year", True),
        Column("value", "数值", "number", True),
        Column("unit", "单位"),
        Column("indicator", "对应指标", "int", help="主要指标编号；无对应则留空。"),
        Column("quote", "原文"),
        SOURCE,
    ),
    unique=("name", "year"),
)

CITY_TARGETS = Sheet(
    "city_targets",
    "市级下达目标",
    "目标为“落实市里下达指标”的，按年份填写市里下达的数值。",
    (
        Column("indicator", "指标", required=True, help="指标名称或编号。"),
        Column("year", "年份", "year", True),
        Column("value", "目标值", "number", True),
        SOURCE,
    ),
    unique=("indicator", "year"),
)

REFERENCE = Sheet(
    "reference",
    "参照数据",
    "相对目标所比照的序列，如地区生产总值增长（%）。",
    (
        Column("name", "名称", required=True),
        Column("town", "镇街"),
        Column("year", "年份", "year", True),
        Column("value", "数值", "number", True),
        SOURCE,
    ),
    unique=("name", "town", "year"),
)

ASSESSMENTS = Sheet(
    "assessments",
    "人工研判",
    "无法自动判断的指标（如“完成‘十四五’规划目标”），由责任单位填写研判结论。",
    (
        Column("indicator", "指标", required=True),
        Column("town", "镇街"),
        Column("year", "年份", "year", True),
        Column("status", "研判结论", required=True, help="提前实现、快于预期、基本符合预期、滞后。"),
        Column("note", "说明"),
        Column("assessor", "研判单位"),
    ),
    unique=("indicator", "town", "year"),
)

PROGRESS = Sheet(
    "progress",
    "项目进展",
    "重大项目逐年进展：每个项目、年份一行。金额按“金额单位”填写（1亿元 = 10000万元）；未填报的留空，不要填 0。",
    (
        Column("project", "项目编号", required=True, help="“项目”工作表中的编号，如 3-1。", aliases=("编号", "项目")),
        Column("year", "年份", "year", True, aliases=("年度",)),
        Column("planned", "计划投资", "number", help="当年计划投资，按金额单位填写。"),
        Column("completed", "完成投资", "number", help="当年完成投资；累计完成投资为各年之和。"),
        Column("unit", "金额单位", help="亿元 或 万元；空则按亿元。", aliases=("单位",)),
        Column("status", "建设状态", help="谋划、在建、建成、运营等，按实际填写。", aliases=("状态",)),
        Column("start_year", "开工年份", "year", aliases=("开工时间",)),
        Column("end_year", "竣工年份", "year", help="计划或实际竣工年份。", aliases=("竣工时间",)),
        Column("lead_unit", "牵头单位", aliases=("责任单位",)),
        SOURCE,
    ),
    aliases=("项目进度",),
    unique=("project", "year"),
)

SHEETS: tuple[Sheet, ...] = (
    INFO, STRUCTURE, INDICATORS, VALUES, TOWNS, PROJECTS, FACTS, CITY_TARGETS, REFERENCE, ASSESSMENTS, PROGRESS,
)

TOWN_ALIAS_SEPARATORS = "、,，;；/"
