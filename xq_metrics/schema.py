"""The workbook format: which sheets a monitoring workbook may hold and what their columns mean.

This one registry drives the reader, the loader's merge, the preview, the templates, the format page and the
README, so none of them can drift apart. Each sheet says which Dataset field holds its rows, which columns identify
a row, and whether offices (data) or the plan's owner (catalogue) fill it in. Sheet and column names are Chinese
because officials fill them in; the keys are English for the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from . import model, texts
from .texts import DISTRICT  # noqa: F401  (re-exported: the word for the whole district in a 镇街 column)

ColumnKind = Literal["text", "int", "number", "year"]
Role = Literal["info", "catalogue", "data"]
# A sheet whose rows another column names (a foreign key, as in frictionless Table Schema).
Reference = Literal["", "indicators", "towns", "projects", "tasks", "departments"]

# Typed in a cell of a non-key column, it blanks that stored field; in the 操作 column it removes the row.
# Removal is never implied by an empty cell: it must be written, and the preview asks to confirm it.
DELETE_MARK = "删除"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: ColumnKind = "text"
    required: bool = False
    help: str = ""
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()  # the only values allowed, when not empty
    references: Reference = ""  # the names in this column must be rows of that sheet
    multiple: bool = False  # several names in one cell, separated by TOWN_ALIAS_SEPARATORS
    field: str = ""  # the record's attribute, when it is not `key` (amounts stored in 亿元: planned_yi)
    # Other ways offices write a choice ("进行中" for 推进中): read as that choice, and said so in a warning.
    readings: tuple[tuple[str, str], ...] = ()
    # False: read to place the row (a 分工表's 具体内容 confirms which task it means), never stored.
    stored: bool = True

    @property
    def attribute(self) -> str:
        return self.field or self.key


@dataclass(frozen=True)
class Sheet:
    key: str
    name: str
    help: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    # Columns that together identify a row: an upload updates the stored row with the same identity, and a repeat
    # within the upload is an error naming both rows.
    identity: tuple[str, ...] = ()
    role: Role = "data"
    attribute: str = ""  # the Dataset field holding the rows
    record: type | None = None  # the model class of one row

    # Looked up once per cell of an upload (millions of times for a big one): kept, not searched.
    @cached_property
    def _by_key(self) -> dict[str, Column]:
        return {c.key: c for c in self.columns}

    def column(self, key: str) -> Column:
        return self._by_key[key]

    def has(self, key: str) -> bool:
        return key in self._by_key

    @cached_property
    def identity_attributes(self) -> tuple[str, ...]:
        """The record attributes that hold the row's identity, in identity order."""
        return tuple(self.column(k).attribute for k in self.identity)

    @cached_property
    def payload(self) -> tuple[Column, ...]:
        """The columns an upload stores beside the row's identity (not 操作, not the ones read only to place a row)."""
        return tuple(c for c in self.columns if c.key not in self.identity and c.key != ACTION.key and c.stored)

    @cached_property
    def figures(self) -> tuple[Column, ...]:
        """The columns holding figures: what "every figure is taken" counts."""
        return tuple(c for c in self.columns if c.kind == "number")


SOURCE = Column("source", "出处", help="数据来源或在规划中的位置，如“规划第二章第三节 主要指标表”。", aliases=("来源", "数据来源"))
ACTION = Column(
    "action", "操作", help="填“删除”表示从当前数据中删除本行（保存前需确认）；留空表示新增或更新。", choices=(DELETE_MARK,),
    aliases=("删除标记",),
)

INFO = Sheet(
    "info",
    "说明",
    "数据集的名称与性质。两列：项目 | 内容。",
    (
        Column("field", "项目", required=True),
        Column("value", "内容"),
    ),
    role="info",
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
        ACTION,
    ),
    identity=("chapter", "section"),
    role="catalogue",
    attribute="sections",
    record=model.Section,
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
        Column("attribute", "属性", required=True, help="预期性 或 约束性。", choices=texts.ATTRIBUTES),
        Column("direction", "方向", help="越大越好 或 越小越好；空则按指标名称推断。", choices=(texts.DIRECTION_UP, texts.DIRECTION_DOWN)),
        Column("reference", "参照", help="相对目标（如“与经济增长基本同步”）所比照的序列名称，见“参照数据”。"),
        Column("chapter", "章", "int", help="规划中论述该指标的章。"),
        Column("section", "节", "int", help="规划中论述该指标的节。"),
        Column("base_year", "基期年份", "year"),
        Column("base_value", "基期值", "number", help="规划给出的基期数；规划未给出则留空。"),
        Column("base_note", "基期说明", help="基期数的原文，或为何留空。"),
        Column(
            "departments", "责任单位", help="负责该指标的单位（“部门”工作表中的名称或别名），多个用顿号分隔。",
            aliases=("责任部门", "牵头单位"), references="departments", multiple=True,
        ),
        SOURCE,
        ACTION,
    ),
    identity=("code",),
    role="catalogue",
    attribute="indicators",
    record=model.Indicator,
)

VALUES = Sheet(
    "values",
    "指标数据",
    "监测值：每个指标、镇街、年份一行。未填报的留空，不要填 0。",
    (
        Column("indicator", "指标", required=True, help="指标名称或编号。", aliases=("指标名称", "指标编号"), references="indicators"),
        Column("town", "镇街", help="镇街名称；全区数据填“全区”或留空。", aliases=("乡镇", "街镇", "镇/街", "地区"), references="towns"),
        Column("year", "年份", "year", True, aliases=("年度",)),
        Column("value", "数值", "number", help="按指标单位填写。", aliases=("实际值", "完成值")),
        SOURCE,
        Column("note", "备注"),
        ACTION,
    ),
    aliases=("监测数据", "数据"),
    identity=("indicator", "town", "year"),
    attribute="observations",
    record=model.Observation,
)

TOWNS = Sheet(
    "towns",
    "镇街",
    "镇街名录：名称、类型、定位与别名。",
    (
        Column("name", "名称", required=True, aliases=("镇街", "镇街名称")),
        Column("kind", "类型", help="历史文化名镇、产城融合强镇、生态休闲小镇、宜居宜业街区。"),
        Column("positioning", "定位", help="规划第三章第三节中的发展定位。"),
        Column("aliases", "别名", help="多个别名用顿号“、”分隔。", multiple=True),
        Column("stat_code", "统计代码", help="国家统计局统计用区划代码。"),
        SOURCE,
        ACTION,
    ),
    identity=("name",),
    role="catalogue",
    attribute="towns",
    record=model.Town,
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
        Column("towns", "镇街", help="规划写明的镇街，多个用顿号分隔；未写明则留空。", references="towns", multiple=True),
        Column("investment_yi", "总投资（亿元）", "number", help="规划给出的总投资；未披露则留空。", aliases=("总投资",)),
        Column(
            "investment_note", "总投资原文",
            help="总投资的原文表述，如“约200亿元”；规划只给出其中部分项目的投资时写在这里，“总投资”留空。",
        ),
        Column("land_area", "用地面积", "number", help="数值按原文单位。"),
        Column("land_area_unit", "用地面积单位", help="平方公里、公顷、亩、平方米，按原文。"),
        Column("floor_area", "建筑面积", "number"),
        Column("floor_area_unit", "建筑面积单位"),
        Column("length_km", "长度（公里）", "number"),
        Column("scale_note", "其他规模", help="产能、班数、处理规模等原文表述。"),
        Column("summary", "原文摘要"),
        Column(
            "departments", "责任单位", help="负责该项目的单位（“部门”工作表中的名称或别名），多个用顿号分隔。",
            aliases=("责任部门",), references="departments", multiple=True,
        ),
        SOURCE,
        ACTION,
    ),
    identity=("code",),
    role="catalogue",
    attribute="projects",
    record=model.Project,
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
        ACTION,
    ),
    identity=("name", "year"),
    role="catalogue",
    attribute="facts",
    record=model.Fact,
)

CITY_TARGETS = Sheet(
    "city_targets",
    "市级下达目标",
    "目标为“落实市里下达指标”的，按年份填写市里下达的数值。",
    (
        Column("indicator", "指标", required=True, help="指标名称或编号。", references="indicators"),
        Column("year", "年份", "year", True),
        Column("value", "目标值", "number", True),
        SOURCE,
        ACTION,
    ),
    identity=("indicator", "year"),
    attribute="city_targets",
    record=model.CityTarget,
)

REFERENCE = Sheet(
    "reference",
    "参照数据",
    "相对目标所比照的序列，如地区生产总值增长（%）。",
    (
        Column("name", "名称", required=True),
        Column("town", "镇街", references="towns"),
        Column("year", "年份", "year", True),
        Column("value", "数值", "number", True),
        SOURCE,
        ACTION,
    ),
    identity=("name", "town", "year"),
    attribute="references",
    record=model.ReferenceValue,
)

ASSESSMENTS = Sheet(
    "assessments",
    "人工研判",
    "无法自动判断的指标（如“完成‘十四五’规划目标”），由责任单位填写研判结论。",
    (
        Column("indicator", "指标", required=True, references="indicators"),
        Column("town", "镇街", references="towns"),
        Column("year", "年份", "year", True),
        Column(
            "status", "研判结论", required=True, help="提前实现、快于预期、基本符合预期、滞后。",
            choices=(texts.STATUS_AHEAD, texts.STATUS_FASTER, texts.STATUS_ON_TRACK, texts.STATUS_LAGGING),
        ),
        Column("note", "说明"),
        Column("assessor", "研判单位"),
        ACTION,
    ),
    identity=("indicator", "town", "year"),
    attribute="assessments",
    record=model.Assessment,
)

PROGRESS = Sheet(
    "progress",
    "项目进展",
    "重大项目逐年进展：每个项目、年份一行。金额按“金额单位”填写（1亿元 = 10000万元）；未填报的留空，不要填 0。",
    (
        Column(
            "project", "项目编号", required=True, help="“项目”工作表中的编号，如 3-1；也可填项目名称。",
            aliases=("编号", "项目", "项目名称", "名称"), references="projects",
        ),
        Column("year", "年份", "year", True, aliases=("年度",)),
        Column("planned", "计划投资", "number", help="当年计划投资，按金额单位填写。", field="planned_yi"),
        Column("completed", "完成投资", "number", help="当年完成投资；累计完成投资为各年之和。", field="completed_yi"),
        Column("unit", "金额单位", help="亿元 或 万元；空则按亿元。", aliases=("单位",)),
        Column("status", "建设状态", help="谋划、在建、建成、运营等，按实际填写。", aliases=("状态",)),
        Column("start_year", "开工年份", "year", aliases=("开工时间",)),
        Column("end_year", "竣工年份", "year", help="计划或实际竣工年份。", aliases=("竣工时间",)),
        Column("lead_unit", "牵头单位", aliases=("责任单位",)),
        SOURCE,
        ACTION,
    ),
    aliases=("项目进度",),
    identity=("project", "year"),
    attribute="progress",
    record=model.ProjectProgress,
)

DEPARTMENTS = Sheet(
    "departments",
    "部门",
    "承担规划任务的单位：区级部门和镇街，每个单位一行。别名用于识别各单位的不同写法（如“发改委”即区发展改革委）。",
    (
        Column("name", "名称", required=True, aliases=("部门", "单位", "部门名称", "单位名称")),
        Column("aliases", "别名", help="其他写法，如 发改委、区发改委；多个用顿号“、”分隔。", aliases=("简称",), multiple=True),
        Column("town", "镇街", help="镇人民政府、街道办事处填所在镇街；区级部门留空。", references="towns"),
        SOURCE,
        ACTION,
    ),
    aliases=("部门名录", "单位名录", "责任单位名录"),
    identity=("name",),
    role="catalogue",
    attribute="departments",
    record=model.Department,
)

TASK_STATUSES = (texts.TASK_NOT_STARTED, texts.TASK_IN_PROGRESS, texts.TASK_DONE, texts.TASK_LAGGING)

TASKS = Sheet(
    "tasks",
    "重点任务",
    "规划第三章至第七章的重点任务，每项一行：原文每段以一句概括开头，该句为任务名称，其后为任务内容。",
    (
        Column("code", "编号", required=True, help="章.节.序号，如 5.1.1 为第五章第一节第1项。", aliases=("任务编号",)),
        Column("chapter", "章", "int", True),
        Column("section", "节", "int", True),
        Column("name", "任务", required=True, help="段首的概括句。", aliases=("任务名称", "重点任务")),
        Column("content", "内容", help="该段其余文字，按原文。", aliases=("任务内容", "具体内容")),
        SOURCE,
        ACTION,
    ),
    aliases=("任务清单", "重点任务清单"),
    identity=("code",),
    role="catalogue",
    attribute="tasks",
    record=model.Task,
)

TASK_PROGRESS = Sheet(
    "task_progress",
    "任务进展",
    "重点任务的分工和逐年进展：每个任务、年度一行。各单位常用的分工表（序号、重点任务、具体内容、牵头单位、配合单位、"
    "完成时限）可直接上传，年度写在标题或工作表名称中。",
    (
        Column(
            "task", "任务", required=True, help="“重点任务”工作表中的编号（如 5.1.1），或任务名称（可略有简写）。",
            aliases=("任务编号", "重点任务", "任务名称", "重点任务名称", "主要任务", "工作任务"), references="tasks",
        ),
        Column(
            "content", "具体内容", help="只用于核对是哪一项任务，不保存；任务内容以规划原文为准。",
            aliases=("任务内容", "工作内容", "主要内容", "内容"), stored=False,
        ),
        Column("year", "年度", "year", True, aliases=("年份",)),
        Column(
            "lead", "牵头单位", help="“部门”工作表中的名称或别名；几个单位用顿号或逗号分隔。",
            aliases=("牵头部门", "责任单位", "牵头责任单位", "责任部门"), references="departments", multiple=True,
        ),
        Column(
            "support", "配合单位", help="同上；“各镇街”表示全部镇街。",
            aliases=("配合部门", "协办单位", "参与单位"), references="departments", multiple=True,
        ),
        Column(
            "deadline", "完成时限", help="如 2025年底、2024年12月、2025-06-30、持续推进。",
            aliases=("时限", "完成时间", "时间节点", "完成期限", "时间要求"),
        ),
        Column(
            "status", "进展状态", help="、".join(TASK_STATUSES) + "。", choices=TASK_STATUSES,
            aliases=("状态", "推进状态", "完成状态"), readings=texts.TASK_STATUS_READINGS,
        ),
        Column("note", "进展说明", aliases=("进展情况", "工作进展", "完成情况", "推进情况")),
        Column("evidence", "佐证材料", help="文件名称、文号或链接说明，按文字填写。", aliases=("佐证", "证明材料", "支撑材料")),
        SOURCE,
        ACTION,
    ),
    aliases=(
        "任务分工", "分工表", "任务分工表", "目标任务分工表", "重点任务分工", "重点任务分工表", "年度重点任务", "重点任务进展",
        "任务进度",
    ),
    identity=("task", "year"),
    attribute="task_progress",
    record=model.TaskProgress,
)

SHEETS: tuple[Sheet, ...] = (
    INFO, STRUCTURE, INDICATORS, VALUES, TOWNS, PROJECTS, FACTS, CITY_TARGETS, REFERENCE, ASSESSMENTS, PROGRESS,
    DEPARTMENTS, TASKS, TASK_PROGRESS,
)

TOWN_ALIAS_SEPARATORS = "、,，;；/"

# Every sheet that holds rows of the Dataset: the plan's catalogue first, then the data, each in the order above.
TABLES: tuple[Sheet, ...] = tuple(s for s in SHEETS if s.role == "catalogue") + tuple(
    s for s in SHEETS if s.role == "data"
)
BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}
REFERENCED: dict[str, Sheet] = {
    "indicators": INDICATORS, "towns": TOWNS, "projects": PROJECTS, "tasks": TASKS, "departments": DEPARTMENTS,
}


def _merge_order(tables: tuple[Sheet, ...]) -> tuple[Sheet, ...]:
    """Catalogues first, each after the catalogues it names (a project's 责任单位 names the 部门 list, a 部门 its
    镇街), then the data: a name new in this upload is known when the row naming it is read."""
    ordered: list[Sheet] = []
    pending = [s for s in tables if s.role == "catalogue"]
    while pending:
        placed = {s.key for s in ordered}
        ready = next(
            (s for s in pending if all(
                REFERENCED[c.references].key in placed or REFERENCED[c.references] is s
                for c in s.columns if c.references
            )),
            pending[0],  # a cycle (none today) would merge in table order rather than hang
        )
        ordered.append(ready)
        pending.remove(ready)
    return (*ordered, *(s for s in tables if s.role != "catalogue"))


MERGE_ORDER: tuple[Sheet, ...] = _merge_order(TABLES)

