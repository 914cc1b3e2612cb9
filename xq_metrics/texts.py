"""Every user-visible Chinese string outside the workbook format (schema.py) lives here.

Keeping the wording in one place keeps it consistent across pages, the CLI and exports, and leaves room for a
second language later.
"""

from __future__ import annotations

APP_TITLE = "西青区新型城镇化规划监测看板"
PLAN_TITLE = "天津市西青区新型城镇化发展规划（2023—2025年）"
DISTRICT = "全区"
NOT_REPORTED = "未填报"
SAMPLE = "示例"
SAMPLE_BANNER = "当前显示的监测数值含**示例数据**（演示用，非统计部门发布的真实数据）。"
SAMPLE_BANNER_COUNT = "当前数据中有{count}个数值是**示例数据**（演示用，非统计部门发布的真实数据），图表和表格中逐项标有“示例”。"
DATASET_LINE = "数据：{version} · {time}由{editor}保存（{file}）· 历次上传见“数据管理”"
TARGET_LABEL = "2025年目标"
ATTRIBUTE_LABEL = "属性"
LATEST_LABEL = "最新值"
BASE_LABEL = "基期"
UNIT_YI = "亿元"
CUMULATIVE_SHORT = "累计"
CUMULATIVE_VALUE = "累计{value}"  # on a gauge: a five-year running total
STATUS_COUNT = "{status}{count}"  # 已完成3

# --- Findings: (message template, hint). Placeholders are filled by findings.finding(). ---
FINDINGS: dict[str, tuple[str, str]] = {
    "NOT_XLSX": ("文件不是有效的 .xlsx 工作簿：{detail}", "请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再上传。"),
    "VIEW_WORKBOOK": (
        "这是看板导出的“当前视图”工作簿，只供阅读和转发，不能作为数据上传。",
        "修改数据请用“报告导出”页的“整套数据”工作簿，或“数据格式”页的报送模板。",
    ),
    "NO_KNOWN_SHEET": (
        "工作簿中没有可识别的工作表（现有：{detail}）。",
        "工作表应命名为：{expected}。可下载空白模板对照。",
    ),
    "MISSING_SHEET": ("缺少工作表“{sheet}”。", "完整的数据集需要该工作表，可下载空白模板对照。"),
    "UNKNOWN_SHEET": ("工作表“{sheet}”不属于数据格式，已忽略。", "{nearest}"),
    "NO_HEADER": (
        "前{detail}行中找不到表头，表中{count}个数字无法读取。",
        "表头应包含：{expected}。也可以按以下格式报送：规划主要指标表（类别、序号、指标、2025年目标、属性、各年份列）；"
        "镇街×指标表（第一列为镇街，表头为指标名称并在括号中注明单位，年份写在工作表名称或标题中）。",
    ),
    "MISSING_COLUMN": ("缺少列“{header}”。", "请在表头行加入该列；可下载空白模板对照。"),
    "UNKNOWN_COLUMN": ("列“{header}”不属于数据格式，已忽略。", "{nearest}"),
    "MISSING_VALUE": ("“{header}”不能为空。", "请填写该单元格。"),
    "BAD_NUMBER": ("“{header}”应为数字，实际为“{seen}”。", "请只填写数字（可带 % 或本指标单位）；未填报请留空，不要填 0。"),
    "BAD_INT": ("“{header}”应为整数，实际为“{seen}”。", "请填写整数序号。"),
    "BAD_YEAR": ("“{header}”应为年份，实际为“{seen}”。", "请填写四位年份，如 2024。"),
    "NORMALISED": ("“{header}”的“{seen}”按“{understood}”读取。", "无需处理；如理解有误请修改原表。"),
    "DUPLICATE_KEY": ("与{detail}重复（{key}）。", "同一组合只能出现一次，请删除或合并重复行。"),
    "UNKNOWN_INDICATOR": ("未知指标“{seen}”。", "{nearest}"),
    "UNKNOWN_TOWN": ("未知镇街“{seen}”。", "{nearest}"),
    "UNKNOWN_SECTION": ("规划结构中没有第{seen}。", "请对照“规划结构”工作表填写章、节序号。"),
    "BAD_CHOICE": ("“{header}”只能是{expected}，实际为“{seen}”。", "请从可选值中选择。"),
    "UNREADABLE_SHEET": ("工作表“{sheet}”无法读取（{detail}）。", "文件可能已损坏：请用 Excel/WPS 打开后另存为 .xlsx 再上传。"),
    "NAME_CLASH": ("名称或别名“{seen}”已属于第{detail}行的“{other}”。", "每个名称和别名只能指向一个镇街、指标或部门，请删除重复的别名。"),
    "EMPTY_SHEET": ("工作表“{sheet}”没有数据，已忽略。", "空表不会删除或修改已有数据。"),
    "NOTES_SHEET": ("工作表“{sheet}”没有数据表格，按说明性内容跳过。", "其中的文字不会保存；如有数据，请按数据格式整理成表。"),
    "NOTE_ROWS": ("第{detail}行是注释、说明或落款，已跳过。", "这些行不会保存。"),
    "IGNORED_FIGURES": (
        "有{count}个数字没有读取，不会保存。",
        "请把这些数字放进数据格式中的列（见“数据格式”页），或删除后再上传；确认无需保存的可以忽略本提示。",
    ),
    "READ_AS_SHEET": ("工作表“{sheet}”按表头识别为“{detail}”工作表读取。", "如识别有误，请把工作表改名为数据格式中的名称。"),
    "PLAN_LAYOUT": (
        "工作表“{sheet}”按规划主要指标表格式读取：年份列{detail}中的数值作为全区数据，“2025年目标”“属性”“类别”列与当前规划比对。",
        "与当前规划不同的目标、属性、类别在预览中逐项列出，确认后才会修改规划。",
    ),
    "YEAR_COLUMNS": ("按年份分列读取：{detail}。", "每个年份列中的数字记入对应年份。"),
    "TOWNS_LAYOUT": ("工作表“{sheet}”按“镇街 × 指标”表读取：{detail}个指标列，每行一个镇街。", "表头中的指标名称按当前指标名录识别，括号中的单位与指标单位核对。"),
    "NO_YEAR": (
        "找不到年份：没有“{header}”列，工作表名称和标题中也没有年份。",
        "请加入“年份”列，或把工作表命名为“2024年”，或在标题中写明年份（如“2024年各镇街主要指标完成情况”）。",
    ),
    "YEAR_FROM_CONTEXT": ("没有“年份”列，按{detail}中的年份记为{understood}年。", "如年份有误，请加入“年份”列。"),
    "PERCENT_FORMAT": (
        "单元格为百分比格式，存储值{seen}显示为{understood}%，按{understood}读取。",
        "本指标以百分数填报（如 93.8 表示 93.8%）；无需处理。",
    ),
    "PLACEHOLDER": ("“{seen}”按未填报读取，不会修改已有数据。", "如要清除已有数值，请在单元格中填写“删除”。"),
    "NAME_READ_AS": ("“{seen}”按“{understood}”读取。", "无需处理；如理解有误请修改原表。"),
    "AMBIGUOUS_PROJECT": ("项目名称“{seen}”对应多个项目：{detail}。", "请填写项目编号（如 3-1）或完整的项目名称。"),
    "NEW_ROW_INCOMPLETE": ("新增的行（{key}）缺少：{detail}。", "当前数据中没有这一行，新增时这些列必须填写。"),
    "NEW_INDICATOR_CODE": ("新指标“{seen}”没有编号，按第{understood}号新增。", "如需指定编号，请填写“序号”或“编号”列。"),
    "DELETE_NOTHING": ("要删除的行（{key}）在当前数据中不存在，已忽略。", "请核对名称和年份。"),
    "DELETE_IN_KEY": ("“删除”不能填在“{header}”列。", "要删除整行，请在“操作”列填写“删除”；要清除某个数值，请在该单元格填写“删除”。"),
    "TOTAL_AS_DISTRICT": ("合计行按全区数据读取。", "如该行不是全区数据，请删除该行后再上传。"),
    "TOTAL_MISMATCH": ("合计{seen}与上面{detail}行之和{expected}不一致。", "请核对合计或各行数字；保存的是各行数字，合计只用于核对。"),
    "TOTAL_DIFFERS": ("合计行{seen}与{detail}的全区数据{expected}不一致，按后者保存。", "请核对两处数字。"),
    "TOTAL_ROW_SKIPPED": ("合计行不是项目，已用于核对后跳过。", "保存的是各项目的数字。"),
    "UNIT_SUSPECT": (
        "“{indicator}”的{seen}约是该指标通常数值（约{expected}）的{detail}倍，疑似单位错误：{likely}。",
        "请按指标单位换算后重新填写；系统不会自动换算。",
    ),
    "OUT_OF_RANGE": ("“{indicator}”的{seen}{unit}超出合理范围。", "比例类指标应在0到100之间、人数等不能为负数，请核对单位和小数点。"),
    "TOWN_ABOVE_DISTRICT": ("{town}的{seen}大于同年全区数{expected}。", "镇街数应不大于全区数，请核对单位（人/万人）或镇街。"),
    "ORPHANED_ROWS": (
        "新的“{sheet}”表中没有“{seen}”，但当前数据中有{detail}条记录引用它。",
        "更名或删除会使这些记录失去归属：请保留该名称（可在别名中加入新名称），或先上传改名后的数据。",
    ),
    "HIDDEN_SHEET": ("工作表“{sheet}”是隐藏工作表，已照常读取。", "如该表不应报送，请删除后再上传。"),
    "FORMULA_NO_VALUE": (
        "单元格是公式“{seen}”，但文件中没有保存计算结果。",
        "请用 Excel/WPS 打开并保存后再上传，或把公式复制为数值。",
    ),
    "ERROR_CELL": ("单元格为错误值“{seen}”。", "请修正公式或引用（如 #REF!、#DIV/0!）后再上传。"),
    "WRONG_UNIT": (
        "“{seen}”的单位“{typed}”与指标单位“{unit}”不一致。",
        "请换算为“{unit}”后只填写数字；系统不会自动换算。",
    ),
    "TARGET_UNREAD": ("无法识别目标“{seen}”，该指标将显示为需人工研判。", "可写成 100、>90、6以内、每年不少于2.3万人、〔15〕等形式。"),
    # Upload screening (safety.py): checked on the raw file before it is read.
    "FILE_TOO_BIG": ("文件大小为 {detail}，超过上限 {expected}。", "请删除无关的工作表、图片和格式后再上传；数据确实很多时请分批报送。"),
    "LEGACY_XLS": ("这是旧版 Excel 97-2003 文件（.xls），看板只接受 .xlsx。", "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再上传。"),
    "ENCRYPTED": ("文件设有打开密码，无法读取。", "请在 Excel 或 WPS 中取消密码后另存为 .xlsx，再上传。"),
    "BAD_EXTENSION": ("文件“{detail}”不是 .xlsx 文件，看板只接受 .xlsx（Excel 工作簿）。", "{advice}"),
    "ZIP_BOMB": ("文件解压后异常庞大（{detail}），疑似恶意构造，已拒绝。", "请用 Excel 或 WPS 打开后重新另存为 .xlsx；正常文件请删除多余的空行、空列和格式后再上传。"),
    "TOO_MANY_PARTS": ("文件内部包含 {detail} 个部件，超过上限 {expected} 个。", "请删除多余的工作表、图片和批注，另存为 .xlsx 后再上传。"),
    "MACROS": ("文件包含宏，看板不接受含宏的文件。", "请另存为不含宏的 Excel 工作簿（.xlsx）后再上传。"),
    "EXTERNAL_LINK": ("文件包含指向其他工作簿的外部链接。", "请在 Excel 中通过“数据 → 编辑链接 → 断开链接”把外部引用转为数值，另存为 .xlsx 后再上传。"),
    "XML_DTD": ("文件内部结构异常（{detail} 含 DTD 或实体声明），疑似被篡改，已拒绝。", "请用 Excel 或 WPS 打开后重新另存为 .xlsx，再上传。"),
    "TOO_LARGE": (
        "工作表的使用范围为 {detail}（{rows} 行、{columns} 列），超过上限（{max_rows} 行、{max_columns} 列，共不超过 {max_cells} 个单元格）。",
        "多为格式被应用到整行或整列：请删除数据区域以外的空行、空列，另存后再上传。",
    ),
    "UNKNOWN_PROJECT": ("未知项目编号“{seen}”。", "{nearest}编号见“项目”工作表，形如 3-1（专栏号-序号）。"),
    "BAD_AMOUNT_UNIT": ("“{header}”只能是亿元或万元，实际为“{seen}”。", "请填写“亿元”或“万元”（1亿元 = 10000万元）；留空按亿元。"),
    "COMPLETED_OVER_TOTAL": (
        "{detail}大于项目“{project}”的总投资{expected}。",
        "请核对金额单位（1亿元 = 10000万元）；如总投资已调整，请同时更新“项目”工作表的“总投资（亿元）”。",
    ),
    "END_BEFORE_START": ("竣工年份{seen}早于开工年份{expected}。", "请核对开工、竣工年份（竣工年份不早于开工年份）。"),
}
NEAREST = "是否应为“{name}”？"
NO_NEAREST = "请对照空白模板或现有名录。"

SEVERITY = {"error": "错误", "warning": "提示", "info": "说明"}
# What a figure an order of magnitude off most likely is (checks.UNIT_SUSPECT), by the power of ten it is off by.
LIKELY_PERCENT = "可能把百分数填成了小数（如 0.938 与 93.8%），或多写、少写了两位"
LIKELY_THOUSAND = "可能差了一千倍（如 千人 与 人）"
LIKELY_TEN_THOUSAND = "可能把“人”填成了“万人”（或“元/万元/亿元”之间相差一万倍）"
LIKELY_OTHER = "请核对单位和小数点"
SOURCE_UPLOADED = "上传文件：{file}"  # 出处 of a figure changed by an upload that gives none
YEAR_FROM_SHEET_NAME = "工作表名称"
YEAR_FROM_TITLE = "标题"
YEAR_HEADER = "年份"
ROW_IN_SHEET = "工作表“{sheet}”第{row}行"
ROW_NUMBER = "第{row}行"

# --- Hostile files (isolation.py, safety.py, findings.cap): refusals that name the limit. ---
FINDINGS["READ_LIMIT"] = (
    "文件过大或结构异常，已拒绝：读取时{limit}（{detail}）。",
    "请删除数据区域以外的空行、空列和格式，或把数据分成几个文件分别上传；如文件确实正常，请联系管理员。",
)
FINDINGS["SERVER_BUSY"] = ("服务器正在处理其他文件，本次上传未能检查。", "请稍候一分钟后重新上传；当前使用的数据没有任何变化。")
FINDINGS["TOO_MANY_SHEETS"] = ("工作簿包含 {detail} 张工作表，超过上限 {expected} 张。", "请删除无关的工作表，另存为 .xlsx 后再上传。")
FINDINGS["TOO_MANY_CELLS"] = (
    "各工作表的使用范围合计至少 {detail} 个单元格，超过上限 {expected} 个。",
    "请删除数据区域以外的内容和格式；数据确实很多时请分成几个文件分别上传。",
)
FINDINGS["FINDINGS_CAPPED"] = (
    "另有 {count} 条问题未逐条列出{errors}。",
    "每类问题最多列出 {per_code} 条、共 {total} 条：请先按已列出的问题修改，同类问题一并改正后重新上传。",
)
CAPPED_ERRORS = "（其中有错误）"
# What stopped the isolated reader, as the READ_LIMIT message says it.
READ_LIMITS = {
    "memory": "超出内存上限",
    "cpu": "超出计算时间上限",
    "time": "超出处理时限",
    "output": "读取结果超出大小上限",
    "crash": "读取程序意外终止",
    "error": "读取程序出错",
}

# --- Target kinds, shown on the indicator and method pages. ---
TARGET_KINDS = {
    "level": "达到水平值",
    "at_least": "不低于",
    "above": "高于",
    "at_most": "不高于",
    "below": "低于",
    "yearly_floor": "每年下限",
    "cumulative": "五年累计",
    "relative": "相对目标",
    "external": "市里下达",
    "qualitative": "定性目标",
}

# --- Status vocabulary of plan mid-term reviews, plus the two for "cannot judge". ---
STATUS_AHEAD = "提前实现"
STATUS_FASTER = "快于预期"
STATUS_ON_TRACK = "基本符合预期"
STATUS_LAGGING = "滞后"
STATUS_NO_DATA = "无数据"
STATUS_MANUAL = "需人工研判"
STATUS_AWAIT_CITY = "待市里下达"
STATUS_INSUFFICIENT = "数据不足"
# status.Status code -> the words; also the words an official may type in 人工研判.
STATUS_LABELS = {
    "ahead": STATUS_AHEAD, "faster": STATUS_FASTER, "on_track": STATUS_ON_TRACK, "lagging": STATUS_LAGGING,
    "await_city": STATUS_AWAIT_CITY, "manual": STATUS_MANUAL, "insufficient": STATUS_INSUFFICIENT,
    "no_data": STATUS_NO_DATA,
}
ALERT = "预警"
DIRECTION_UP = "越大越好"
DIRECTION_DOWN = "越小越好"
ATTRIBUTES = ("预期性", "约束性")

# --- Pages. ---
DATASET_LABEL = "数据集"
LOADED_AT_LABEL = "载入于"
PAGE_OVERVIEW = "总览"
PAGE_INDICATOR = "指标详情"
PAGE_METHOD = "口径说明"
PAGE_FORMAT = "数据格式"
OVERVIEW_INTRO = "规划主要指标共{count}项，按规划的四个类别分组；颜色表示进展状态，刻度线为2025年目标。"
FILTER_CATEGORY = "类别"
FILTER_ATTRIBUTE = "属性"
FILTER_STATUS = "状态"
FILTERS = "筛选"
ALL = "全部"
NOTHING_MATCHES = "没有符合筛选条件的指标。"
STATUS_COUNTS = "各状态指标数"
STATUS_COUNTS_TOWN = "{town}各状态指标数（该镇街自有数据的{count}项）"
DISTRICT_SHOWN_NOT_COUNTED = "另有{count}项指标{town}未分镇填报，下方按全区数据显示，不计入上面的统计。"
COUNTS_SAMPLE = "其中{count}项的状态依据示例数据，标有“示例”。"
YEAR_VALUE_LABEL = "{year}年值"
YEARLY_ALSO = "（当年{value}）"
OPEN_DETAIL = "查看指标详情"
TOWN_TARGET_LABEL = "镇街目标"
CUMULATIVE_CHART_NOTE = "五年累计目标：折线为逐年累计值，浅色柱为当年数值，虚线为按年平均分摊的累计预期路径，横线为五年累计目标。"
SAMPLE_POINTS_NOTE = "空心点为示例数据（演示用，非真实统计）。"
ALERT_COUNT = "其中预警（约束性滞后）{count}项"
TREND_LABEL = "趋势"
YEAR_SUFFIX = "年"
CHOOSE_INDICATOR = "选择指标"
TARGET_READ_AS = "目标解读"
DIRECTION_LABEL = "方向"
PLACE_IN_PLAN = "规划位置"
STATUS_REASON = "判断依据"
HISTORY = "历年数值"
VALUES_TABLE = "填报数值"
FLAGS = "数据质量提示"
NO_FLAGS = "未发现数据质量问题。"
BY_TOWN = "分镇街"
NO_TOWN_DATA = "该指标暂无分镇数据。"
BASE_FACTS = "规划第一章相关基期数据"
DOWNLOAD_TEMPLATE = "下载空白模板（.xlsx）"
FORMAT_INTRO = (
    "监测数据以 Excel 工作簿（.xlsx）报送。工作簿可只包含部分工作表，上传只修改文件中填写了的内容："
    "按每张表的对应列（如“指标+镇街+年份”）更新已有的行、新增没有的行；空单元格、空表、“—”“无”等不会删除或清空已有数据。"
    "要删除一行，在“操作”列填“删除”；要清空某个数值，在该单元格填“删除”；保存前都会列出数量请您确认。"
    "黄色表头为必填列；未填报的数值请留空，不要填 0。\n\n"
    "也可直接上传以下常见表格：规划主要指标表（类别、序号、指标、2025年目标、属性、各年份列）；"
    "镇街×指标表（第一列为镇街，表头为指标名称，括号中注明单位，年份写在工作表名称或标题中，可含合计行）；"
    "按项目名称填写的项目进展表（表头如“2024年完成投资（万元）”）。标题行、合计行、注释行会自动识别。"
)

# --- Chart labels (charts.py): titles of tooltips, lines and legends. ---
TIP_INDICATOR = "指标"
TIP_JUDGED = "状态"
TIP_VALUE = "数值"
TIP_YEAR_VALUE = "当年数值"
TIP_SOURCE = "来源"
TIP_NOTE = "说明"
TIP_TOWN = "镇街"
TARGET_LINE = "目标 {value}"
EXPECTED_PATH = "预期路径"
TOWN_TARGET = "{town}分解目标 {value}（按该镇街占全区的比重分解，见判断依据）"
DETAIL_COL_CUMULATIVE = "累计"
DETAIL_COL_SAMPLE = "示例"

# --- 口径说明 (method page). Placeholders are the thresholds in status.py and quality.py. ---
METHOD_MD = """
### 一、目标的读法
规划“2025年目标”一栏按原文读取为以下几类规则（下表列出每个指标的读法）：

| 类型 | 原文示例 | 判断方法 |
|---|---|---|
| 达到水平值 | 100、35、15.4 | 从基期到2025年按直线路径比较进度（见下） |
| 不低于 / 高于 | ≥90、不低于90、90以上 / >90 | 以下限本身判断：符合即“提前实现”，否则“滞后” |
| 不高于 / 低于 | 6以内、控制在6%以内、不超过6 / <6 | 以上限本身判断：符合即“基本符合预期”（控制类目标须每年保持），否则“滞后” |
| 每年下限 | 每年不少于2.3万人 | 逐年判断：当年值 ÷ 下限 ≥ {faster:.0%} 为“快于预期”，≥ 100% 为“基本符合预期”，否则“滞后” |
| 五年累计 | 〔15〕、﹝15﹞、累计15 | {first}—2025年逐年数值相加；2025年以前应完成量 = 目标 × 已填报年数 ÷ 5（未填报年份不按0计，在判断依据中列出），按完成比判断；到2025年须完成全部目标 |
| 相对目标 | 与经济增长基本同步 | 与“参照数据”同年数值比较：差值在 ±{tol:g} 个百分点以内为“基本符合预期”，高于为“快于预期”，低于为“滞后” |
| 市里下达 | 落实市里下达指标 | 按“市级下达目标”当年数值判断：达到为“基本符合预期”，否则“滞后”；未录入时显示“待市里下达” |
| 定性目标 | 完成“十四五”规划目标 | 显示“需人工研判”，由责任单位在“人工研判”表填写结论 |

无法识别的目标文字按“定性目标”处理，并在数据质量提示中列出，不作猜测。

### 二、进展状态
对“达到水平值”类目标：
- 基期：规划给出的基期值（第一章2022年数据，口径相同者）；规划未给出的，取最早填报年份的数值。镇街一律取本镇街最早填报值。
- 预期路径：从基期值到2025年目标值的直线。某年预期值 = 基期值 + (目标值 − 基期值) × (该年 − 基期年) ÷ (2025 − 基期年)。
- 进度比 = (实际值 − 基期值) ÷ (预期值 − 基期值)。
- 已达到目标（按指标方向）→ **提前实现**；进度比 ≥ {faster:.0%} → **快于预期**；≥ {on_track:.0%} → **基本符合预期**；否则 → **滞后**。
- 基期已达目标、之后又低于目标 → **滞后**。
- 只有一期数值且规划无基期值 → **数据不足**（还没有可比较的路径）。

镇街：用本镇街自己的数值序列判断。总量类指标（单位为人、万人、亿元等，各镇街相加为全区）的2025年目标是全区总量，镇街目标按该镇街最早填报年份占全区的比重分解（分解口径在判断依据中写明）；比例类指标直接套用全区目标。

其他：没有任何填报数值 → **无数据**（未填报不按0计算）。**约束性**指标“滞后”即为 **预警**（红色）。

### 三、趋势箭头
参照联合国可持续发展目标（SDG）仪表板的方法，比较“实际年均变化”与“为在2025年达到目标所需的年均变化”（均按指标方向计）：
- **↑** 实际年均变化 ≥ 所需；**↗** ≥ 所需的 {half:.0%}；**→** 不足一半；**↓** 向远离目标的方向变化。
- 所需年均变化 = (目标值 − 首期值) ÷ (2025 − 首期年)；实际年均变化 = (末期值 − 首期值) ÷ (末期年 − 首期年)。五年累计目标比较年均完成量与目标 ÷ 5。
- 少于两期数值、每年下限、相对目标、市里下达和定性目标不显示箭头。

### 四、数据质量提示
只提示、不修改数据：
- **基期已达目标**：规划基期值已满足2025年目标；**目标低于基期**：水平值目标位于基期值的反方向（如森林覆盖率基期24%、目标14%）。
- **数值超出合理范围**：以“率、比例、比重”结尾的百分比指标小于0或大于100（毛入园率等“毛”指标除外），人数、年数等为负数。
- **较上期变动超过{jump:.0%}**：与上一填报年份相比变动幅度超过{jump:.0%}。
- **序列缺少年份**：首末填报年份之间有年份未填报。
"""
METHOD_TABLE_TITLE = "各指标目标的读法"

# --- Global filters (sidebar, every page). ---
FILTER_TOWN = "镇街"
FILTER_CHAPTER = "章节"
FILTER_SECTION = "节"
FILTER_YEAR = "年份"
LATEST_YEAR = "最新年份"
VIEW_LABEL = "当前视图"
IGNORED_PARAMS = "链接中的{items}不存在，已忽略。"
IGNORED_MORE = "{label}的其余 {count} 个值"
UNEXPECTED_ERROR = "页面出现意外错误，已记录在服务器日志中（编号 {incident}）。请刷新页面重试；如仍出错，请把编号告知管理员。当前使用的数据没有任何变化。"
DISTRICT_FALLBACK = "{towns}暂无该指标的分镇数据，显示全区数据。"
NO_TOWN_VALUES = "该镇街暂无分镇数据"
NO_INDICATOR_IN_CHAPTER = "所选章节没有主要指标，请在侧栏调整“章节”。"

# --- 街镇 page. ---
PAGE_TOWNS = "街镇"
TOWN_MAP_TITLE = "镇街示意图（非行政边界）"
TOWN_MAP_NOTE = "示意图：各镇街按大致方位排列（西北至东南），不代表行政边界。点击方块可查看该镇街。"
COLOUR_BY = "着色指标"
FOCUS_TOWN = "查看镇街"
HEATMAP_TITLE = "镇街 × 指标 进展状态"
RANKING_TITLE = "单项指标镇街排名"
RANKING_INDICATOR = "排名指标"
PROFILE_TITLE = "镇街概况"
TOWN_KIND = "类型"
TOWN_POSITIONING = "规划定位"
TOWN_PROJECTS = "规划项目"
TOWN_STATUS = "指标进展"
NO_TOWN_PROJECTS = "规划专栏中未写明位于该镇街的项目。"
NO_TOWN_INDICATOR_IN_CHAPTER = "所选章节没有分镇街填报的指标，仅显示镇街概况。"

# --- 重大项目 page (xq_metrics/projects.py, project_charts.py, pages/3_重大项目.py). ---
PAGE_PROJECTS = "重大项目"
UNIT_WAN = "万元"
WAN_PER_YI = 10000
UNIT_NOTE = "金额单位：亿元（1亿元 = 10000万元，以万元填报的已换算为亿元）。"
PROJECTS_INTRO = (
    "规划7个专栏共{count}项重大项目和举措。规划只给出其中{disclosed}项的总投资，其余显示为“未披露”，不按0计算。"
    "累计完成投资 = “项目进展”各年完成投资之和（截至{year}）。"
)
PROJECT_UNDISCLOSED = "未披露"
PROJECT_STATUSES = ("谋划", "在建", "建成", "运营")
MULTI_TOWN = "多镇街"
NO_TOWN_STATED = "未写明镇街"
BOX_LABEL = "专栏{box} {title}"
UP_TO_YEAR = "{year}年"
FILTER_BOX = "专栏"
FILTER_PROJECT_STATUS = "建设状态"
SEARCH_PROJECTS = "搜索项目"
SEARCH_PLACEHOLDER = "名称、编号、镇街、牵头单位或原文关键词"
MEASURE_LABEL = "图表口径"
MEASURE_TOTAL = "总投资"
MEASURE_PLANNED = "累计计划投资"
MEASURE_COMPLETED = "累计完成投资"
METRIC_PROJECTS = "项目数"
METRIC_PROJECTS_OF = "全部{total}项"
METRIC_DISCLOSED_TOTAL = "已披露总投资"
DISCLOSED_COUNTS = "{disclosed}项已披露 / {undisclosed}项未披露"
REPORTED_COUNTS = "{reported}项已填报 / {unreported}项未填报"
METRIC_SHARE = "已披露项目完成比例"
SHARE_COVERS = "{count}项已披露且已填报"
EXCLUDED_NO_TOWN = "按镇街筛选时，规划未写明镇街的{count}项项目无法归属到镇街，未计入。"
NO_PROJECTS = "没有符合条件的项目：经{step}后剩余0项（此前{before}项）。"
NO_PROJECTS_TOWN_HINT = "规划写明镇街的项目只涉及{towns}；另有{no_town}项未写明镇街。"
STEP_TOWN = "镇街筛选（{value}）"
STEP_CHAPTER = "章节筛选（{value}）"
STEP_BOX = "专栏筛选（{value}）"
STEP_STATUS = "建设状态筛选（{value}）"
STEP_SEARCH = "搜索“{value}”"
PROJECT_TABLE = "项目清单"
PROJECT_TABLE_NOTE = "共{count}项。完成比例 = 累计完成投资 ÷ 总投资，总投资未披露的不计算。"
SORT_LABEL = "排序"
SORT_PLAN = "规划顺序"
SORT_LISTED = "默认顺序（总投资从高到低）"
SORT_OPTION = "{column}（{direction}）"
SORT_HIGH_FIRST = "从高到低"
SORT_LOW_FIRST = "从低到高"
SORT_EARLY_FIRST = "从早到晚"
SORT_LATE_FIRST = "从晚到早"
SORT_MISSING_LAST = "未披露、未填报的项目排在最后。"
COL_CODE = "编号"
COL_PROJECT = "项目名称"
COL_BOX = "专栏"
COL_PLACE = "章节"
COL_TOWNS = "镇街"
COL_TOTAL = "总投资（亿元）"
COL_PLANNED = "累计计划投资（亿元）"
COL_COMPLETED = "累计完成投资（亿元）"
COL_SHARE = "完成比例"
COL_PERIOD = "建设周期"
COL_STATUS = "建设状态"
COL_LAND = "用地面积"
COL_FLOOR = "建筑面积"
COL_LENGTH = "长度（公里）"
COL_SCALE = "其他规模"
COL_LEAD = "牵头单位"
COL_SOURCE = "出处"
COL_SUMMARY = "原文摘要"
COL_YEAR = "年份"
COL_PLANNED_YEAR = "计划投资（亿元）"
COL_COMPLETED_YEAR = "完成投资（亿元）"
COL_AS_GIVEN = "填报金额（原单位）"
COL_START = "开工年份"
COL_END = "竣工年份"
COL_PLACE_IN_PLAN = "规划位置"
COL_TOTAL_PLAIN = "总投资"
SHARE_HELP = "累计完成投资 ÷ 总投资；总投资未披露时不计算。"
PERIOD_FORMAT = "{start}—{end}年"
PLANNED_SHORT = "计划"
COMPLETED_SHORT = "完成"
CHARTS_TITLE = "投资结构与建设进展"
CHART_BY_BOX = "按专栏"
CHART_BY_CHAPTER = "按章"
CHART_BY_TOWN = "按镇街"
TAB_PLAN_VS_DONE = "计划与完成"
TAB_SCHEDULE = "建设周期"
TOWN_SPLIT_NOTE = (
    "写明多个镇街的项目整体计入“多镇街”（规划未给出各镇街的分摊，不拆分、不重复计算）；"
    "未写明镇街的计入“未写明镇街”。每个项目只计一次，各栏合计等于上方合计。"
)
CHART_PLAN_VS_DONE = "各项目计划投资与完成投资"
PLAN_VS_DONE_NOTE = "柱为截至所选年份的累计计划投资与累计完成投资；黑色竖线为规划给出的总投资（仅已披露项目）。"
CHART_LARGEST = "投资规模最大的项目"
LARGEST_NOTE = "按{measure}排序，只含有该数据的项目（{count}项）；{missing}项无该数据，未参与排序。"
CHART_SCHEDULE = "建设周期（开工—竣工）"
SCHEDULE_NOTE = "横条从开工年份年初到竣工年份年末；红线为今天（{today}），浅色底为规划期2023—2025年。{missing}项未填报开工或竣工年份，未列出。"
CHART_YEARLY = "逐年投资"
YEARLY_NOTE = "柱为当年完成投资（按专栏着色），黑点为当年计划投资；只计填报了当年金额的项目。"
NO_MEASURE_DATA = "所选项目均无{measure}数据。"
NO_PLAN_VS_DONE = "所选项目均未填报计划或完成投资。"
NO_SCHEDULE = "所选项目均未填报开工、竣工年份。"
NO_YEARLY = "所选项目均未填报逐年投资。"
TODAY_LABEL = "今天"
PLAN_PERIOD_LABEL = "规划期"
AXIS_YI = "亿元"
TIP_GROUP = "分组"
TIP_PROJECT = "项目"
TIP_STATUS = "建设状态"
TIP_AMOUNT = "金额（亿元）"
TIP_COUNT = "项目数"
TIP_KIND = "类别"
TIP_YEAR = "年份"
TIP_BOX = "专栏"
TIP_DATE = "日期"
GROUP_LABEL = "{amount}亿元 · {with_amount}项{given} / {without_amount}项{missing}"
GROUP_NONE = "{count}项均{missing}"
DISCLOSED = "已披露"
REPORTED = "已填报"
PANEL_TITLE = "项目详情"
CHOOSE_PROJECT = "选择项目"
CHOOSE_PROJECT_PLACEHOLDER = "输入编号或名称，或从列表中选择"
PANEL_HINT = "选择一个项目，查看它的全部信息、逐年进展图和逐年填报。"
PROJECT_YEARLY = "逐年进展"
NO_PROJECT_PROGRESS = "该项目暂无“项目进展”填报。"
NOT_STATED = "规划未写明"
OVER_TOTAL_ROW = "完成投资{amount}"
OVERDUE_STATUS = "{status} · 逾期"
OVER_TOTAL_CUMULATIVE = "截至{year}年累计完成投资{amount}亿元"

# --- Upload screening (safety.py): details of NOT_XLSX, ZIP_BOMB and BAD_EXTENSION. ---
SAFETY_EMPTY = "文件为空（0 字节）"
SAFETY_TEXT = "内容是文本（如 CSV），只是扩展名改成了 .xlsx"
SAFETY_NOT_ZIP = "内容无法识别，不是 Excel 工作簿"
SAFETY_NO_WORKBOOK = "文件中没有工作簿内容（xl/workbook.xml）"
SAFETY_COMPRESSION = "部件 {part} 使用了 Excel 不会使用的压缩方式"
SAFETY_UNREADABLE = "文件已损坏或不完整（{kind}）"
SAFETY_BOMB_TOTAL = "解压后共 {size}，上限 {limit}"
SAFETY_BOMB_RATIO = "部件 {part} 的压缩比为 {ratio}:1，上限 {limit}:1"
SAFETY_BAD_SHEET_XML = "部件 {part} 不是规范的 XML，无法安全读取"
SAFETY_BOMB_ARCHIVE_RATIO = "全部部件解压后共 {size}，压缩比为 {ratio}:1，上限 {limit}:1"
SAFETY_EXTENSION_ADVICE = {
    ".xls": "请在 Excel 或 WPS 中打开，另存为 .xlsx（Excel 工作簿）后再上传。",
    ".xlsm": "含宏的工作簿（.xlsm）不被接受：请另存为不含宏的 .xlsx（Excel 工作簿）。",
    ".csv": "CSV 文件请在 Excel 或 WPS 中打开，按空白模板整理后另存为 .xlsx（Excel 工作簿）。",
    ".et": "请在 WPS 中另存为 .xlsx（Excel 工作簿）后再上传。",
    "": "请另存为 .xlsx（Excel 工作簿）后再上传。",
}

# --- Versioned store (store.py) and editors (auth.py). ---
SYSTEM_EDITOR = "系统"
CLI_EDITOR = "命令行"
EDITOR_REQUIRED = "保存或回退数据需要已登录的编辑人员。"
VERSION_NOT_FOUND = "没有第{number}版。"
STORE_POSTGRES_PENDING = "暂不支持 PostgreSQL 存储（{url}）：目前只支持 SQLite 文件路径。"
AUDIT_SEED = "初始数据 {file_name}，生成第{number}版"
AUDIT_UPLOAD = "上传 {file_name}，生成第{number}版"
AUDIT_ROLLBACK = "回退到第{source}版，生成第{number}版"
AUDIT_LOGIN = "登录成功"
AUDIT_LOGIN_FAILED = "密码错误（连续第{count}次）"
AUDIT_LOGIN_UNKNOWN = "用户名不存在"
AUDIT_LOGIN_LOCKED = "登录尝试过多，锁定期间拒绝登录"
AUDIT_EDITOR_ADDED = "添加编辑人员“{name}”"
AUDIT_EDITOR_REMOVED = "删除编辑人员“{name}”"
PASSWORD_TOO_SHORT = "密码至少需要{min}个字符。"
EDITOR_NAME_EMPTY = "编辑人员名称不能为空。"
EDITOR_NAME_TOO_LONG = "编辑人员名称不能超过{max}个字符。"
EDITOR_EXISTS = "编辑人员“{name}”已存在。"
EDITOR_MISSING = "没有编辑人员“{name}”。"
LOGIN_FAILED = "用户名或密码错误。"
LOGIN_LOCKED = "登录失败次数过多，请{seconds}秒后再试。"

# --- Store package (store/): sessions, compare-and-swap saves, full disk, PostgreSQL; audit in words (audit.py). ---
SESSION_EXPIRED = "登录已过期或已退出，请重新登录后再保存。"
STALE_VERSION = "数据已被他人更新（本次基于第{based_on}版，当前为第{current}版），本次没有写入任何数据。"
STORE_FULL = "服务器磁盘已满，本次操作没有完成，已有数据没有任何变化。请联系系统管理员清理磁盘后再试。"
STORE_UNREACHABLE = "无法连接数据库（{url}）：{reason}"
STORE_SCHEMA_TOO_NEW = "数据库结构为第{found}版，比本程序支持的第{known}版新：请先升级本程序。"
STORE_URL_UNSUPPORTED = "不支持的数据存储地址：{url}（可用文件路径、sqlite:/// 或 postgresql://）。"
EDITOR_NAME_CONTROL = "编辑人员名称不能包含控制字符或不可见字符。"
LOGIN_BAD_AND_LOCKED = "用户名或密码错误。失败次数过多，请{seconds}秒后再试。"
AUDIT_LOGOUT = "退出登录"
AUDIT_LOGIN_UNKNOWN_COUNT = "用户名不存在（连续第{count}次）"
AUDIT_LOGIN_LOCKED_WAIT = "登录尝试过多，锁定期间拒绝登录（还需{seconds}秒）"
AUDIT_EDITOR_REMOVED_SESSIONS = "删除编辑人员“{name}”，结束其{sessions}个登录"
# One keyed catalogue: an audit row keeps a code and parameters; these put it into words when it is shown.
AUDIT_DETAILS = {
    "seed": AUDIT_SEED, "upload": AUDIT_UPLOAD, "rollback": AUDIT_ROLLBACK, "login": AUDIT_LOGIN,
    "logout": AUDIT_LOGOUT, "login_failed": AUDIT_LOGIN_FAILED, "login_unknown": AUDIT_LOGIN_UNKNOWN_COUNT,
    "login_locked": AUDIT_LOGIN_LOCKED_WAIT, "editor_added": AUDIT_EDITOR_ADDED,
    "editor_removed": AUDIT_EDITOR_REMOVED_SESSIONS,
}
AUDIT_DETAIL_UNREADABLE = "（无法显示的记录：{action}）"
AUDIT_CSV_FILE = "操作记录.csv"

# --- Command line: `python -m xq_metrics editors ...`. ---
CLI_EDITORS_HELP = "管理可以上传和回退数据的编辑人员"
CLI_EDITORS_ADD_HELP = "添加编辑人员（提示输入两次密码）"
CLI_EDITORS_LIST_HELP = "列出编辑人员"
CLI_EDITORS_REMOVE_HELP = "删除编辑人员"
CLI_EDITOR_NAME_HELP = "编辑人员名称"
CLI_STORE_HELP = "数据存储位置（默认：环境变量 XQ_STORE，否则为 var/xq.sqlite3）"
CLI_PASSWORD_STDIN_HELP = "从标准输入读取密码（供脚本使用）"
CLI_PASSWORD_PROMPT = "密码："
CLI_PASSWORD_AGAIN = "再次输入密码："
CLI_PASSWORD_MISMATCH = "两次输入的密码不一致。"
CLI_PASSWORD_MISSING = "标准输入中没有读到密码。"
CLI_EDITOR_ADDED = "已添加编辑人员“{name}”。"
CLI_EDITOR_REMOVED = "已删除编辑人员“{name}”。"
CLI_NO_EDITORS = "尚无编辑人员。"
CLI_EDITOR_LINE = "{name}\t添加于 {created}"
CLI_EDITOR_FAILURES = "\t连续失败 {count} 次"
CLI_EDITOR_LOCKED = "\t锁定至 {until}"
AMOUNT = "金额"
PROJECT_BOX_RANGE = "专栏{box}共{count}项（{first}至{last}）。"

# --- Validation report export. ---
REPORT_SHEET = "检查结果"
REPORT_AUTHOR = "数据检查"
REPORT_NOTE_SHEET = "说明"
REPORT_NOT_MARKED = "未能在原文件中标注问题单元格（文件过大或结构特殊）；请按“检查结果”工作表中的工作表、行、列逐条查找。"

# --- 数据管理 (upload, history, rollback). ---
PAGE_DATA = "数据管理"
VERSION_LABEL = "第{number}版"
LOGGED_IN_AS = "已登录：{name}"
LOGIN_TITLE = "编辑人员登录"
LOGIN_NAME = "用户名"
LOGIN_PASSWORD = "密码"
LOGIN_BUTTON = "登录"
LOGOUT_BUTTON = "退出登录"
LOGIN_NEEDED = (
    "查看无需登录；上传、保存和回退数据需要编辑人员登录。需要编辑账号的，请联系本看板的管理员开通"
    "（管理员在服务器上运行 python -m xq_metrics editors add 姓名）。"
    "登录后刷新页面仍保持登录；闲置{idle}小时或登录满{absolute}小时后需重新登录。"
)
UPLOAD_TITLE = "上传新数据"
UPLOAD_LABEL = "选择工作簿（.xlsx）"
UPLOAD_HELP = "只接受 Excel 工作簿 .xlsx。.xls、.xlsm、.csv、.et 等请在 Excel/WPS 中“另存为”.xlsx 后再上传。"
REPORT_TITLE = "检查结果"
REPORT_OK = "文件可以使用：其中{read}个数字全部读取。"
REPORT_OK_NO_FIGURES = "文件可以使用。"
REPORT_BAD = "文件有{errors}个错误，不能保存。请按下表修改后重新上传；当前使用的数据没有任何变化。"
REPORT_IGNORED = "文件可以保存，但其中有{ignored}个数字没有读取、不会保存（见下表“有…个数字没有读取”）。请核对后再保存。"
REPORT_COUNTS_LINE = "错误{errors}个 · 提示{warnings}条 · 说明{infos}条"
METRIC_FIGURES_READ = "读取的数字"
METRIC_FIGURES_CHANGED = "将新增或修改的数字"
METRIC_FIGURES_IGNORED = "未读取的数字"
REPORT_XLSX_BUILD = "生成标注问题单元格的工作簿"
LOSS_BANNER = "注意：保存将删除当前数据中的{removed}行、清空{blanked}个已有数值。请核对下表中标为“删除”“清空”的内容。"
PLAN_BANNER = "保存将修改规划内容{plan}项（指标目标、属性、镇街、项目等），请核对下表后确认。"
CONFIRM_BOX = "我已核对：确认删除{removed}行、清空{blanked}个已有数值、修改规划内容{plan}项"
REPLACE_TABLES = "以本文件替换整张表（可选）"
REPLACE_TABLES_HELP = "选中的表中，当前数据里有、而本文件没有的行将被删除。不选则只新增和更新，不删除任何行。"
REPLACE_NONE = "不替换，只新增和更新"
ROLLBACK_PREVIEW = "恢复第{number}版将带来的变化"
REPORT_COUNTS = "按代码统计"
REPORT_JSON = "下载检查结果（JSON）"
REPORT_XLSX = "下载标注问题单元格的工作簿（.xlsx）"
REPORT_JSON_FILE = "检查结果.json"
REPORT_XLSX_FILE = "检查结果.xlsx"
PREVIEW_TITLE = "与当前数据相比"
PREVIEW_TABLES = "各表变化"
PREVIEW_IN_UPLOAD = "本次上传"
PREVIEW_KEPT = "保持不变"
PREVIEW_EMPTY = "与当前数据相同，没有变化。"
PREVIEW_FIRST = "共 {total:,} 项变化，下表列出前 {shown:,} 项。"
SAME_FILE = "同一文件（SHA-256 相同）已于{time}保存为第{number}版。"
SAVE_BUTTON = "保存为新版本"
CANCEL_BUTTON = "取消"
SAVED = "已保存为第{number}版，所有用户即刻看到新数据。"
CANCELLED = "已取消，数据没有变化。"
HISTORY_TITLE = "版本历史"
HISTORY_CHOOSE = "选择版本"
DOWNLOAD_ORIGINAL = "下载该版本的原始文件"
ROLLBACK_BUTTON = "恢复为当前版本"
ROLLED_BACK = "已将第{source}版恢复为当前数据（第{number}版）。"
AUDIT_TITLE = "操作记录"
AUDIT_DOWNLOAD = "下载操作记录（CSV）"
AUDIT_FILE = "操作记录.csv"
KIND_LABELS = {"seed": "初始数据", "upload": "上传", "rollback": "回退"}
AUDIT_ACTIONS = {
    **KIND_LABELS, "login": "登录", "login_failed": "登录失败", "login_locked": "登录被锁定",
    "editor_added": "添加编辑人员", "editor_removed": "删除编辑人员",
}
AUDIT_ACTIONS.update({"logout": "退出登录", "login_unknown": "登录失败"})

# --- Status reasons (status.py): how each colour was reached, in words an official can check by hand. ---
REASON_ASSESSED = "{year}年人工研判（{assessor}）：{note}"
DEFAULT_ASSESSOR = "责任单位"
REASON_QUALITATIVE = "目标为定性表述，需责任单位填写人工研判。"
REASON_NO_VALUE = "尚无填报数值。"
REASON_AWAIT_CITY = "{year}年市级下达目标尚未录入。"
REASON_CITY = "{year}年实际值{value}，{verb}市级下达目标{target}。"
REACHED, NOT_REACHED = "达到", "未达到"
REASON_NO_REFERENCE = "缺少{year}年参照数据“{name}”。"
UNSPECIFIED = "未指定"
NO_UNIT = "无单位"
REASON_RELATIVE = "{year}年{value}，参照“{name}”{ref}，相差{gap}个百分点（±{tol}以内为基本同步）。"
REASON_SHARE_MISSING = "该指标为全区总量，缺少同年全区数值，无法把目标分解到镇街，暂不判断。"
REASON_SHARE = "（全区目标{goal}按{year}年该镇街占全区{share}分解为{town_goal}）"
REASON_FLOOR = "{year}年{value}，每年下限{goal}，比值{ratio}。"
REASON_CUMULATIVE_MET = "{years}年累计{total}，已达五年累计目标{goal}。"
REASON_CUMULATIVE = "{years}年累计{total}；按年均{per_year}，{n}年应完成{expected}，完成比{ratio}。"
REASON_CUMULATIVE_FINAL = "{years}年累计{total}，{final}年应完成五年累计目标{goal}，完成比{ratio}。"
REASON_CUMULATIVE_GAPS = "（{missing}年未填报，只按已填报年份折算，未填报不按0计）"
REASON_MET = "{year}年{value}，{word}目标{target}。"
MET_LEVEL, MET_BOUND = "已达到", "符合"
REASON_NOT_MET = "{year}年{value}，不符合目标{target}。"
REASON_NO_BASE = "只有{year}年一期数值，规划未给出基期值，尚无法判断进度；有下一年数值后按路径判断。"
REASON_FELL_BELOW = "基期{base_year}年{base}已满足目标，{year}年{value}不再满足目标{target}。"
REASON_PATH = "基期{base_year}年{base}，按直线路径{year}年应达{expected}，实际{value}，进度比{ratio}。"

# --- Data-quality flags (quality.py). {jump} is quality.JUMP_SHARE, so label and rule cannot disagree. ---
FLAG_LABELS = {
    "target_met_at_base": "基期已达目标",
    "target_behind_base": "目标低于基期（方向相反）",
    "out_of_range": "数值超出合理范围",
    "jump": "较上期变动超过{jump:.0%}",
    "missing_year": "序列缺少年份",
    "target_unread": "目标无法识别",
}
FLAG_TARGET_UNREAD = "目标“{target}”无法识别。"
FLAG_TARGET_BEHIND_BASE = "基期{base_year}年为{base:g}，2025年目标为{target:g}，目标落后于基期。"
FLAG_TARGET_MET_AT_BASE = "基期{base_year}年为{base:g}，已满足目标{target}。"
FLAG_OUT_OF_RANGE = "{year}年{value:g}{unit}超出合理范围。"
FLAG_JUMP = "{prev_year}年{prev:g}→{year}年{value:g}。"
FLAG_MISSING_YEARS = "缺少{years}数值。"
FLAG_YEAR = "{year}年"

# --- Command line: `python -m xq_metrics check FILE`. ---
CLI_CHECK_HELP = "检查一个工作簿是否符合数据格式"
CLI_JSON_HELP = "以 JSON 输出"
CLI_STANDALONE_HELP = "不以内置规划数据为基础：工作簿须自带规划结构、指标和镇街"
CLI_FILE_NOT_FOUND = "找不到文件 {path}"
CLI_REPORT_HEAD = "{path}：{verdict}"
CLI_USABLE = "可以使用"
CLI_UNUSABLE = "有错误，不能使用"
CLI_FINDING_LINE = "[{severity}] {code} {where}：{message} {hint}"
CLI_SUMMARY = "指标 {indicators} 个，监测值 {observations} 条，镇街 {towns} 个，项目 {projects} 个。"
CLI_UPLOAD_HELP = "检查并上传一个工作簿（与“数据管理”页相同的检查、预览和保存）"
CLI_UPLOAD_EDITOR_HELP = "编辑人员名称（保存时必填）"
CLI_DRY_RUN_HELP = "只检查和预览，不保存"
CLI_ALLOW_REMOVALS_HELP = "允许保存会删除行或清空已有数值的上传"
CLI_ALLOW_PLAN_HELP = "允许保存会修改规划内容（指标目标、属性、镇街、项目等）的上传"
CLI_REPLACE_HELP = "以本文件替换整张表（工作表名称，如 基期数据；可重复）"
CLI_UNKNOWN_SHEET = "没有工作表“{name}”。"
CLI_LOGIN_FAILED = "登录失败：用户名或密码错误，或登录尝试过多被暂时锁定。未保存。"
CLI_EDITOR_MISSING = "保存需要 --editor 编辑人员名称（只检查请加 --dry-run）。"
CLI_REMOVALS_REFUSED = "本次上传将删除{removed}行、清空{blanked}个已有数值，未保存。确认无误请加 --allow-removals 重新运行。"
CLI_PLAN_REFUSED = "本次上传将修改规划内容{plan}项，未保存。确认无误请加 --allow-plan-changes 重新运行。"
CLI_SAVED = "已保存为第{number}版。"

# --- Where a finding is (findings.Finding.where): sheet, Excel row, column letter and its header. ---
WHERE_SHEET = "工作表“{sheet}”"
WHERE_ROW = "第{row}行"
WHERE_COLUMN = "{column}列"
WHERE_HEADER = "（{header}）"

# --- Reading a workbook (reader.py, loader.py). ---
UPLOADED_FILE_NAME = "上传文件.xlsx"  # the name of a workbook handed over as bytes without one
UNKNOWN_CHAPTER_PLACE = "{chapter}章"  # {seen} of UNKNOWN_SECTION, after its 第
UNKNOWN_SECTION_PLACE = "{chapter}章第{section}节"

# --- Places in the plan (model.plan_place): numbers in Chinese numerals, e.g. 第五章第二节. ---
CHAPTER_LABEL = "第{chapter}章"
CHAPTER_SECTION_LABEL = "第{chapter}章第{section}节"
TITLED_PLACE = "{place} {title}"

# --- Upload preview (diff.py): kinds of change; also the count columns on the 数据管理 page. ---
CHANGE_ADDED = "新增"
CHANGE_REMOVED = "删除"
CHANGE_CHANGED = "修改"
CHANGE_BLANKED = "清空"
CHANGE_KINDS = {"added": CHANGE_ADDED, "removed": CHANGE_REMOVED, "changed": CHANGE_CHANGED, "blanked": CHANGE_BLANKED}
YES = "是"
NO = "否"
CONFIRM_NEEDED = "保存将删除{removed}行、清空{blanked}个已有数值、修改规划内容{plan}项，需要确认。"
SAVE_CONFLICT = "预览之后，其他人已修改了同样的内容（{fields}）。为免覆盖，本次没有保存：请重新上传，查看新的预览后再保存。"
SAVE_NO_LONGER_VALID = "预览之后数据已被他人修改，本文件按最新数据检查不再通过。本次没有保存：请重新上传查看检查结果。"
WORK_BUSY = "服务器正在处理其他文件，本次没有保存或回退，当前使用的数据没有任何变化。请稍候一分钟后再试。"
WORK_STOPPED = "处理被中止（{limit}）。如果这是保存或回退，它可能已经完成，也可能没有：请先在下方的历史记录中核对是否出现了新版本，再决定是否重试。"

# --- Validation report columns (report.py): the 检查结果 sheet and the tables on the 数据管理 page. ---
REPORT_COL_SEVERITY = "严重程度"
REPORT_COL_CODE = "代码"
REPORT_COL_SHEET = "工作表"
REPORT_COL_ROW = "行"
REPORT_COL_COLUMN = "列"
REPORT_COL_HEADER = "列名"
REPORT_COL_SEEN = "原值"
REPORT_COL_UNDERSTOOD = "理解为"
REPORT_COL_MESSAGE = "说明"
REPORT_COL_HINT = "处理建议"
REPORT_COL_COUNT = "数量"

# --- Blank template and format tables (template.py, pages/9_数据格式.py). ---
TEMPLATE_FILE_NAME = "西青区城镇化监测数据模板.xlsx"
TEMPLATE_AUTHOR = "模板"  # author of the header comments
TEMPLATE_REQUIRED_NOTE = "（必填）"
COLUMN_KIND_LABELS = {"text": "文字", "int": "整数", "number": "数字", "year": "年份"}
FORMAT_COL_HEADER = "列名"
FORMAT_COL_REQUIRED = "必填"
FORMAT_COL_KIND = "类型"
FORMAT_COL_HELP = "说明"
FORMAT_COL_ALIASES = "也可写作"
FORMAT_REQUIRED_YES = "是"
FORMAT_REQUIRED_NEW = "新增时"
FORMAT_ROLE_INFO = "可选；“是否示例”填“是”时，本文件的全部数值标为示例。"
FORMAT_ROLE_DATA = "各单位报送"
FORMAT_ROLE_CATALOGUE = "规划内容，由规划牵头部门维护"
FORMAT_SHEET_NOTE = "（{role}。按“{keys}”对应已有数据：已有的行只更新填写了的单元格，没有的行新增；空单元格和空表不会删除任何数据。）"
DOWNLOAD_TEMPLATE_DATA = "下载报送模板（各单位报送数据用）"
DOWNLOAD_TEMPLATE_FULL = "下载完整模板（含规划内容）"
TEMPLATE_DATA_FILE_NAME = "西青区城镇化监测报送模板.xlsx"

# --- 指标详情 page (indicator_view.py): target reading, base and the tables. ---
TARGET_UNREAD_NOTE = "（无法识别，按需人工研判处理）"
BASE_VALUE = "{year}年 {value:g}{unit}"
DETAIL_COL_YEAR = "年份"
DETAIL_COL_VALUE = "数值"
DETAIL_COL_STATUS = "状态"
DETAIL_COL_EXPECTED = "预期路径值"
DETAIL_COL_SOURCE = "来源"
DETAIL_COL_FLAG = "提示"
DETAIL_COL_TOWN = "镇街"
DETAIL_COL_NOTE = "说明"
DETAIL_COL_LATEST_YEAR = "最新年份"
DETAIL_COL_LATEST = LATEST_LABEL
DETAIL_COL_REASON = STATUS_REASON
DETAIL_COL_NAME = "名称"
DETAIL_COL_UNIT = "单位"
DETAIL_COL_QUOTE = "原文"

# --- 口径说明 page: each indicator's target as read (method.py). ---
METHOD_COL_CODE = "编号"
METHOD_COL_INDICATOR = "指标"
METHOD_COL_TARGET_TEXT = "2025年目标（原文）"
METHOD_COL_READ_AS = "读作"
METHOD_COL_TARGET_VALUE = "目标值"
METHOD_COL_DIRECTION = DIRECTION_LABEL
METHOD_COL_ATTRIBUTE = ATTRIBUTE_LABEL
METHOD_UNREAD_NOTE = "（无法识别）"

# --- 总览 and 街镇 pages: a town with no values, its projects. ---
NO_TOWN_VALUES_DISTRICT = NO_TOWN_VALUES + "（{towns}），以下为全区数据。"
TOWN_PROJECT_COL_NAME = "名称"

# --- 数据管理 page tables (pages/7_数据管理.py) and the seed version's file. ---
SEED_FILE_NAME = "内置数据（规划基础数据+示例监测数据）.zip"
PREVIEW_COL_TABLE = "表"
PREVIEW_COL_SCOPE = "本次"
PREVIEW_COL_KIND = "变化"
PREVIEW_COL_KEY = "键"
PREVIEW_COL_FIELD = "字段"
PREVIEW_COL_OLD = "原值"
PREVIEW_COL_NEW = "新值"
HISTORY_COL_VERSION = "版本"
HISTORY_COL_TIME = "时间"
HISTORY_COL_EDITOR = "保存人"
HISTORY_COL_KIND = "类型"
HISTORY_COL_FILE = "文件"
HISTORY_COL_SHA = "SHA-256"
HISTORY_COL_DATASET = DATASET_LABEL
HISTORY_COL_ROLLED_BACK_FROM = "回退自"
AUDIT_COL_TIME = "时间"
AUDIT_COL_EDITOR = "人员"
AUDIT_COL_ACTION = "操作"
AUDIT_COL_DETAIL = "说明"


# --- Streamlit's own controls, shown in Chinese (chrome.py replaces them in the browser as they appear). ---
# An empty translation hides the item: it has no use for an official ("Made with Streamlit", screen recording).
STREAMLIT_UI = {
    "Upload": "选择文件", "Browse files": "选择文件", "Drag and drop file here": "把文件拖到这里",
    "file upload": "上传文件", "Remove file": "移除文件", "Delete": "删除",
    "Select all": "全选", "Clear all": "全部清除", "Choose an option": "请选择", "Choose options": "请选择",
    "No results": "没有匹配的选项", "Remove": "移除", "Open": "展开", "Close": "关闭", "Clear": "清除",
    "Download as CSV": "下载为 CSV", "Search": "搜索", "Fullscreen": "全屏", "Close fullscreen": "退出全屏",
    "Exit fullscreen": "退出全屏", "Show/hide columns": "显示/隐藏列", "Add row": "添加行", "Delete row": "删除行",
    "Main menu": "主菜单", "Print": "打印", "Record screen": "", "Clear cache": "清除缓存", "Rerun": "重新运行",
    "Settings": "设置", "About": "关于", "Developer options": "", "Deploy": "", "Report a bug": "", "Get help": "",
    "Skip to main content": "跳到正文", "Collapse sidebar": "收起侧栏", "Expand sidebar": "展开侧栏",
    "Sidebar": "侧栏", "Link to heading": "标题链接", "Copy to clipboard": "复制", "Copied": "已复制",
    "Running...": "正在运行……", "Stop": "停止", "Please wait...": "请稍候……", "Connecting": "正在连接",
    "Connection error": "连接中断", "Press Enter to apply": "按回车确认", "Press Enter to submit form": "按回车提交",
    "Show password text": "显示密码", "Hide password text": "隐藏密码", "Toggle password visibility": "显示/隐藏密码",
    "Save as SVG": "保存为 SVG", "Save as PNG": "保存为 PNG", "View Source": "", "Open in Vega Editor": "",
    "View Compiled Vega": "", "Show data": "查看数据", "Hide data": "隐藏数据", "Download": "下载",
}
# [regular expression, replacement] for Streamlit strings with a number in them.
STREAMLIT_UI_PATTERNS = [
    ["^(\\d+)MB per file(.*)$", "每个文件不超过$1MB$2"],
    ["^Limit (\\d+)MB per file(.*)$", "每个文件不超过$1MB$2"],
    ["^(\\d+) options? available\\.?$", "共$1个选项"],
    ["^(\\d+) results? available\\.?$", "共$1个结果"],
    ["^Made with Streamlit.*$", ""],
    ["^File must be ([\\d.]+)MB or smaller\\.?$", "文件不能超过$1MB"],
]
PRINT_HEADER = "{app}{page} · {view} · 数据第{version}版 · 打印于{date}"

# --- 重点任务, 任务进展 and 部门 (schema.py, loader.py, deadlines.py, tasks.py; issue 14). ---
TASK_NOT_STARTED = "未启动"
TASK_IN_PROGRESS = "推进中"
TASK_DONE = "已完成"
TASK_LAGGING = "滞后"
TASK_NOT_REPORTED = "未报送"  # no 进展状态 for the task up to the year shown
# How offices write a status, and the status it is read as (each reading is reported as a warning).
TASK_STATUS_READINGS = (
    ("未开始", TASK_NOT_STARTED), ("尚未启动", TASK_NOT_STARTED), ("尚未开始", TASK_NOT_STARTED),
    ("未开展", TASK_NOT_STARTED), ("待启动", TASK_NOT_STARTED),
    ("进行中", TASK_IN_PROGRESS), ("正在推进", TASK_IN_PROGRESS), ("正在实施", TASK_IN_PROGRESS),
    ("实施中", TASK_IN_PROGRESS), ("有序推进", TASK_IN_PROGRESS), ("按计划推进", TASK_IN_PROGRESS),
    ("序时推进", TASK_IN_PROGRESS), ("按序时推进", TASK_IN_PROGRESS), ("持续推进", TASK_IN_PROGRESS),
    ("推进", TASK_IN_PROGRESS),
    ("完成", TASK_DONE), ("全部完成", TASK_DONE), ("已全部完成", TASK_DONE), ("已办结", TASK_DONE), ("办结", TASK_DONE),
    ("进度滞后", TASK_LAGGING), ("滞后于序时", TASK_LAGGING), ("未按期完成", TASK_LAGGING), ("延期", TASK_LAGGING),
)
PENDING_UNIT = "待明确"  # a task without a 牵头单位: the plan's 分工表 is not published, so none is guessed
DATE_FORMAT = "{year}年{month}月{day}日"
DEADLINE_BY = "{date}前完成"
DEADLINE_ONGOING = "长期任务（不判断是否逾期）"
DEADLINE_UNREAD_SHORT = "时限无法识别（不判断是否逾期）"
FINDINGS.update({
    "UNKNOWN_TASK": ("未知任务“{seen}”。", "{nearest}请填写“重点任务”工作表中的编号（如 5.1.1）或规划原文的任务名称。"),
    "AMBIGUOUS_TASK": ("任务名称“{seen}”对应多项任务：{detail}。", "请填写任务编号（如 5.1.1）或完整的任务名称，或在“具体内容”列写明内容开头。"),
    "TASK_HEADING_ROW": ("“{seen}”是章节标题行，不是任务，已跳过。", "无需处理。"),
    "UNKNOWN_DEPARTMENT": (
        "未知单位“{seen}”。",
        "{nearest}请在“部门”工作表中加入该单位，或把这种写法加入某单位的“别名”。",
    ),
    "ALL_TOWNS_READ": ("“{seen}”按“部门”名录中全部{detail}个镇街（人民政府、街道办事处）读取。", "如只涉及部分镇街，请逐一写明。"),
    "VAGUE_UNIT": ("“{seen}”未指明具体单位，未记录。", "请写明单位名称（见“部门”工作表）。"),
    "DEADLINE_READ": ("完成时限“{seen}”按“{understood}”读取。", "无需处理；如理解有误请写成具体日期，如 2025-06-30。"),
    "DEADLINE_UNREAD": (
        "无法识别完成时限“{seen}”，原样保存，不判断是否逾期。",
        "可写成 2025年底、2024年12月、2025-06-30 或 持续推进。",
    ),
    "YEAR_FROM_SPAN": (
        "没有“年度”列，标题中的规划期“{seen}”按首年{understood}年记录分工。",
        "如是某一年度的分工或进展，请在标题中写明年度（如“2024年度重点任务分工表”）或加入“年度”列。",
    ),
})
FILTER_DEPARTMENT = "部门"
NO_DEADLINE = "未定"
ALL_TOWNS_LABEL = "各镇街（{count}个）"
TASK_PROGRESS_LABEL = "{year}年进展"
ROLLUP_COL_PLACE = "章节"
ROLLUP_COL_TASKS = "任务数"
ROLLUP_COL_STATUSES = "任务进展"
ROLLUP_COL_OVERDUE = "逾期"
ROLLUP_COL_BEHIND = "滞后或逾期占比"
ROLLUP_COL_INDICATORS = "主要指标（按状态）"
ROLLUP_COL_PROJECTS = "重大项目"
ROLLUP_PROJECTS = "{count}项 · 已披露{disclosed}项{amount}亿元"
TASK_COL_CODE = "编号"
TASK_COL_PLACE = "章节"
TASK_COL_NAME = "任务"
TASK_COL_LEAD = "牵头单位"
TASK_COL_SUPPORT = "配合单位"
TASK_COL_DEADLINE = "完成时限"
TASK_COL_DUE = "最迟完成日"
TASK_COL_STATUS = "进展状态"
TASK_COL_OVERDUE = "逾期"
TASK_COL_YEAR = "进展年度"
TASK_COL_NOTE = "进展说明"
TASK_COL_EVIDENCE = "佐证材料"
DEPT_COL_NAME = "部门"
DEPT_COL_LEADS = "牵头任务"
DEPT_COL_SUPPORTS = "配合任务"
DEPT_COL_OVERDUE = "逾期"
DEPT_COL_LAGGING = "牵头任务滞后"
DEPT_COL_UNREPORTED = "牵头任务未报送最新年度进展"

# --- 任务分工 page (pages/4_任务分工.py). ---
PAGE_TASKS = "任务分工"
TASKS_INTRO = (
    "规划第三章至第七章共{count}项重点任务（每段段首的概括句为任务名称），按章、节排列。牵头单位、配合单位、完成时限取截至所选年份"
    "最近一次填报的分工；进展状态取最近一次报送，没有报送的显示“未报送”。**逾期** = 完成时限已过（时限当天仍不算逾期）且未“已完成”；"
    "“持续推进”等长期任务和无法识别的时限不判断逾期。"
)
TASKS_PENDING = "{count}项任务尚无牵头单位，显示为“待明确”：规划未公布《目标任务分工表》，看板不作推测。上传分工表后即显示。"
NO_TASKS = "当前数据中没有重点任务。"
NO_TASKS_MATCH = "没有符合条件的任务（{filters}）。"
METRIC_TASKS = "任务数"
METRIC_OVERDUE = "逾期"
METRIC_UNREPORTED = "{year}年未报送"
METRIC_UNREPORTED_NONE = "未报送进展"
FILTER_TASK_STATUS = "进展状态"
BEHIND_ONLY = "只看滞后或逾期"
SEARCH_TASKS = "搜索任务"
SEARCH_TASKS_PLACEHOLDER = "任务名称、编号、内容、单位或进展关键词"
ROLLUP_TITLE = "各章节进展"
ROLLUP_NOTE = (
    "任务按进展状态计数，各章合计等于下方任务总数；“滞后或逾期占比”越高越需关注（点击列名可排序）。"
    "主要指标按“总览”的状态计数，重大项目列出规划披露的总投资（未披露的不计入金额）。"
)
TREE_TAB = "按章节"
TABLE_TAB = "任务表"
TABLE_NOTE = "共{count}项，点击列名可排序。"
OVERDUE_BADGE = "逾期"
TASK_SHOWN = "显示{shown}项 / 共{total}项"
CHART_TASKS_BY_CHAPTER = "各章任务进展"
TIP_CHAPTER = "章"
TIP_TASK_STATUS = "进展状态"
TIP_TASKS = "任务数"

# --- 部门 page (pages/5_部门.py). ---
PAGE_DEPARTMENTS = "部门"
CHOOSE_DEPARTMENT = "选择部门"
CHOOSE_DEPARTMENT_PLACEHOLDER = "请选择一个部门"
DEPARTMENTS_INTRO = (
    "选择一个部门，查看它牵头或配合的重点任务、负责的主要指标和重大项目，以及逾期和未报送进展的任务。"
    "选择会写入链接（dept=…），复制链接即可分享同一视图。"
)
NO_DEPARTMENTS = (
    "当前数据中没有部门名录：规划未公布《目标任务分工表》，{count}项任务的牵头单位均为“待明确”。"
    "请在“数据管理”上传含“部门”和“任务进展”工作表的文件（见“数据格式”）。"
)
WORKLOAD_TITLE = "各部门任务一览"
WORKLOAD_NOTE = "按最新年度的分工统计；点击列名可排序。"
DEPT_METRIC_LEADS = "牵头任务"
DEPT_METRIC_SUPPORTS = "配合任务"
DEPT_METRIC_OVERDUE = "逾期"
DEPT_METRIC_UNREPORTED = "{year}年未报送"
DEPT_METRIC_INDICATORS = "负责指标"
DEPT_METRIC_PROJECTS = "负责项目"
DEPT_TOWN = "（{town}）"
DEPT_OVERDUE_TITLE = "逾期任务"
DEPT_OVERDUE_NOTE = "完成时限已过、尚未完成的任务（牵头或配合）。"
DEPT_UNREPORTED_TITLE = "未报送{year}年进展的牵头任务"
DEPT_LEADS_TITLE = "牵头的任务"
DEPT_SUPPORTS_TITLE = "配合的任务"
DEPT_INDICATORS_TITLE = "负责的主要指标"
DEPT_PROJECTS_TITLE = "负责的重大项目"
DEPT_NOTHING = "{name}在当前视图中没有牵头或配合的任务，也没有负责的指标和项目。"
DEPT_NONE_HERE = "无。"
DEPT_ALL_CLEAR = "没有逾期任务。"
DEPT_ALL_REPORTED = "牵头任务均已报送。"
IND_COL_INDICATOR = "指标"
IND_COL_LATEST = "最新值"
IND_COL_YEAR = "年份"
IND_COL_STATUS = "状态"
IND_COL_REASON = "判断依据"

# --- 总览: one line per chapter of the plan's tasks (app.py). ---
OVERVIEW_TASKS_TITLE = "重点任务进展（{count}项，按章）"
OVERVIEW_TASKS_LINE = "{chapter}：{parts}"
OVERVIEW_TASKS_OVERDUE = " · :red[逾期{count}]"
OVERVIEW_TASKS_LINK = "查看任务分工"

# --- 监测评估报告 (issue 15: report_doc.py, report_docx.py, report_pdf.py). Every sentence of the report is one of
# these phrases filled with figures the pages show; nothing else is written. ---
DOC_SUBTITLE = "{year}年度实施监测报告"
DOC_SUBTITLE_NO_YEAR = "实施监测报告"
DOC_DRAFT = "（初稿）"
DOC_PLAN_PERIOD = "2023—2025年"
DOC_FILE_STEM = "西青区新型城镇化规划{year}年度监测报告"
DOC_RUNNING_HEAD = "{subtitle} · {scope}"
DOC_COVER_PERIOD = "规划期"
DOC_COVER_YEAR = "报告年度"
DOC_COVER_SCOPE = "报告范围"
DOC_COVER_VERSION = "数据版本"
DOC_COVER_MADE = "生成时间"
DOC_MADE_BY = "{time}，由{app}生成"
DOC_VERSION_LINE = "{version}（{time}由{editor}保存，文件：{file}）"
DOC_VERSION_FILE = "文件 {file}（读取于{time}）"
DOC_SAMPLE_STATEMENT = (
    "本报告所用数据含示例数据（演示用，非统计部门发布的真实数据，共{count}个数值）。依据示例数据的数值、状态和语句均标“示例”，"
    "含示例内容的页面在页眉处标注“含示例数据”。正式报送前须以统计部门发布的数据替换。"
)
DOC_SAMPLE_MARK = "含示例数据"
DOC_SAMPLE_PAGE_MARK = "本页含示例数据"
DOC_TOC = "目录"
DOC_TOC_UPDATE = "（在 Word 或 WPS 中右键此处选择“更新域”即可生成或刷新目录）"
DOC_PAGE = "第 {page} 页"
DOC_PAGE_OF = "第 {page} 页 / 共 {pages} 页"
DOC_H1 = "{n}、{title}"
DOC_H2 = "（{n}）{title}"
DOC_TABLE_CAPTION = "表{n} {title}"
DOC_FIGURE_CAPTION = "图{n} {title}"
DOC_BULLET = "· {text}"
DOC_ITEMS = "项"
DOC_NONE = "无。"
DOC_NOTE_TITLE = "说明"
DOC_NOTE = (
    "本报告由监测看板依据{version}自动生成初稿，报告年度为{year}年，范围为：{scope}。文中的数值、进展状态和判断依据均取自数据，"
    "判断规则见附录“口径说明”；没有填报的数值写明“未填报”，不作推算，也不按0计算。“下一步工作建议”一节留空，由编写单位填写。"
)
DOC_NOTE_SAMPLE = "数据中含示例数据{count}个（演示用，非真实统计），凡依据示例数据的状态均标“示例”。"
DOC_INDICATORS = "主要指标完成情况"
DOC_NO_INDICATORS = "本报告范围内没有主要指标。"
DOC_INDICATOR_SUMMARY = "规划主要指标中纳入本报告范围的共{count}项，按{who}数据判断的{judged}项中：{parts}。"
DOC_ALERTS = "预警（约束性指标滞后）{count}项：{names}。"
DOC_NO_ALERTS = "无预警指标。"
DOC_DISTRICT_NOT_COUNTED = "另有{count}项指标{town}未分镇填报，表中按全区数据列出（标“全区”），不计入上述统计。"
DOC_DISTRICT_MARK = "（全区）"
DOC_FALLBACK_MARK = "（{town}未分镇填报，为全区数据）"
DOC_COL_CATEGORY = "类别"
DOC_COL_INDICATOR = "指标（单位）"
DOC_COL_BASE = "基期值"
DOC_COL_STATUS = "进展状态"
DOC_BASE = "{value}（{year}年）"
DOC_INDICATOR_TABLE = "主要指标完成情况（{who}）"
DOC_INDICATOR_TABLE_NOTE = (
    "注：2025年目标按规划原文；基期值为判断进度所用的基期（规划给出的基期值，镇街为本镇街最早填报值）；"
    "进展状态和趋势的判断方法见附录“口径说明”；“示例”表示该状态依据示例数据。"
)
DOC_STATUS_PART = "{status}{count}项（{names}）"
DOC_CATEGORY_HEAD = "{category}类指标{count}项：{parts}。"
DOC_CATEGORY_OTHERS = "另有{parts}。"
DOC_SENTENCE = "{name}：{status}。{reason}"
DOC_SENTENCE_EARLIER = "{name}：{year}年未填报，按{latest}年数值判断为{status}。{reason}"
DOC_SENTENCE_NOT_REPORTED = "{name}：{year}年未填报，尚无填报数值。"
DOC_GAUGES = "{category}类指标目标与实际（刻度线为2025年目标）"
DOC_HISTORY = "{name}历年数值与目标（{who}）"
DOC_TOWNS = "分镇街情况"
DOC_TOWNS_INTRO = "分镇街填报的指标{indicators}项，涉及本报告范围内的{towns}个镇街。各镇街数值和进展状态见下表，排名按指标方向由好到差。"
DOC_TOWNS_TABLE = "各镇街指标数值和进展状态"
DOC_TOWNS_HEATMAP = "镇街 × 指标进展状态"
DOC_RANKING = "{name}：{order}（全区{district}）。"
DOC_RANKING_NONE = "{name}：各镇街均未填报。"
DOC_RANK_OF = "{town}在{count}个填报镇街中列第{rank}位。"
DOC_RANK_NONE = "{town}未填报。"
DOC_TASKS = "重点任务推进情况"
DOC_TASKS_NOT_IN_DATA = "当前数据中还没有重点任务（“重点任务”“任务进展”工作表），本节暂无内容。"
DOC_TASKS_NONE_IN_SCOPE = "本报告范围（{scope}）内没有重点任务。"
DOC_TASKS_NO_PROGRESS = "各任务的分工和进展尚未按数据格式报送（“任务进展”工作表），以下任务均为“未报送”，牵头单位为“待明确”。"
DOC_TASKS_SUMMARY = (
    "纳入本报告范围的重点任务{count}项：{parts}；逾期{overdue}项；{year}年未报送进展{unreported}项；"
    "尚无牵头单位（待明确）{pending}项。"
)
DOC_TASK_CHAPTER = "本章重点任务{count}项：{parts}；逾期{overdue}项；{year}年未报送进展{unreported}项。"
DOC_TASK_TABLE = "{chapter}重点任务"
DOC_PROJECTS = "重大项目建设情况"
DOC_PROJECTS_NONE = "本报告范围内没有重大项目。"
DOC_PROJECTS_SUMMARY = "纳入本报告范围的重大项目{count}项（规划7个专栏共{total}项）。{metrics}。"
DOC_METRIC = "{label}：{value}（{covers}）"
DOC_COL_DISCLOSED_TOTAL = "已披露总投资（亿元）"
DOC_COL_DISCLOSURE = "披露情况"
DOC_PROJECTS_BY_BOX = "重大项目按专栏和建设状态"
DOC_PROJECTS_CHART = "各专栏已披露总投资（按建设状态）"
DOC_PROJECTS_LARGEST = "总投资最大的项目（只含已披露总投资的项目）"
DOC_PROBLEMS = "存在的问题"
DOC_PROBLEMS_LAGGING = "滞后和预警指标"
DOC_PROBLEMS_OVERDUE = "逾期任务和项目"
DOC_PROBLEMS_QUALITY = "数据质量提示"
DOC_PROBLEMS_MISSING = "未填报的数值"
DOC_OVERDUE_TASK = "{code} {name}：牵头单位{lead}，完成时限{deadline}，进展状态{status}。"
DOC_OVERDUE_PROJECT = "项目{code} {name}：竣工年份{end}已过，建设状态为{status}。"
DOC_FLAGS_TABLE = "数据质量提示（只提示，不修改数据）"
DOC_MISSING_VALUE = "{name}（{town}）{year}年未填报"
DOC_MISSING_TASKS = "{year}年未报送进展的重点任务{count}项：{codes}。"
DOC_MISSING_PROJECTS = "{year}年未填报项目进展的重大项目{count}项：{codes}。"
DOC_NEXT_STEPS = "下一步工作建议"
DOC_APPENDIX = "附录"
DOC_APPENDIX_METHOD = "口径说明"
DOC_APPENDIX_SOURCES = "数据来源"
DOC_SOURCES_INTRO = "本报告使用的数据为{version}，由以下工作簿汇总而成："
DOC_SOURCES_TABLE = "数据来源"
DOC_SOURCES_CITED = "各监测数值的出处（括号内为数值个数）：{items}。"
DOC_SOURCES_PLAN = "规划目标、基期值、镇街定位、重大项目和重点任务均按规划原文录入；五年累计目标按{first}—{last}年计。"
CLI_REPORT_HELP = "生成监测评估报告（Word 或 PDF），范围和年份同页面筛选"
CLI_REPORT_FILE_HELP = "用这个工作簿的数据（以内置规划为基础）；不填则用数据存储中的当前版本"
CLI_REPORT_YEAR_HELP = "报告年度，如 2024；不填为最新年份"
CLI_REPORT_TOWN_HELP = "只报告这个镇街（可重复）"
CLI_REPORT_CHAPTER_HELP = "只报告这一章，如 5 或 第五章（可重复）"
CLI_REPORT_DEPARTMENT_HELP = "只报告这个部门牵头或配合的内容，名称或别名（可重复）"
CLI_REPORT_FORMAT_HELP = "docx（Word）或 pdf；不填则按输出文件的扩展名，默认 docx"
CLI_REPORT_OUTPUT_HELP = "输出文件；不填则在当前目录按报告名称命名"
CLI_REPORT_UNKNOWN = "{items}不存在，未生成报告。可用的年份：{years}。"
CLI_REPORT_SUFFIX = "输出文件 {path} 的扩展名与格式 {format} 不一致，未生成报告。"
CLI_REPORT_UNWRITABLE = "无法写入 {path}：{reason}"
CLI_REPORT_WRITTEN = "已生成 {path}（{scope}）。"

# --- Excel exports (exports.py): any table, the current view, the whole data set. ---
EXPORT_SHEET_INDICATORS = "指标状态"
EXPORT_SHEET_VALUES = "指标数值"
EXPORT_SHEET_TOWNS = "镇街状态"
EXPORT_SHEET_PROJECTS = "重大项目情况"
EXPORT_SHEET_TASKS = "任务推进情况"
EXPORT_COL_JUDGED_YEAR = "判断年份"
EXPORT_INFO_SAMPLE = "含示例数据"
EXPORT_SAMPLE_YES = "是（数据中共{count}个示例数值；示例数值所在单元格为橙色底并有批注）"
EXPORT_INFO_TIME = "导出时间"
EXPORT_INFO_NOTE = "用途"
EXPORT_VIEW_NOTE = (
    "当前视图的数据，供查阅和转发；各表首行可筛选。空白单元格带“未填报”批注的，表示该数值没有填报（不是0）。"
    "如需修改数据，请在“报告导出”页下载“完整数据（可修改后上传）”工作簿。"
)
EXPORT_DATASET_NOTE = (
    "当前使用的全部数据，格式与“数据格式”页相同，可修改后在“数据管理”页上传；不修改直接上传不会产生任何变化。"
    "其中{count}个示例数值所在单元格为橙色底并有“示例”批注：保留不动的仍记为示例，修改后的数值按正式填报记录。"
)

# --- 报告导出 page (pages/6_报告导出.py) and the download buttons under every table and chart (ui.py). ---
PAGE_REPORT = "报告导出"
REPORT_PAGE_INTRO = (
    "按侧栏所选的镇街、章节、部门和年份，一键生成规划实施监测报告初稿（Word 可编辑，PDF 可直接打印），"
    "或把当前视图、全部数据下载为 Excel。报告中的数字、状态和判断依据与各页面一致；“下一步工作建议”留空由编写单位填写。"
)
REPORT_PAGE_REPORT = "监测报告"
REPORT_DOWNLOAD_DOCX = "下载 Word 报告（.docx）"
REPORT_DOWNLOAD_PDF = "下载 PDF 报告"
REPORT_DOWNLOAD_NOTE = "首次生成需十几秒（含全部图表），同一视图再次下载即时完成。Word 打开时如提示更新域，请选“是”以生成目录页码。"
REPORT_PAGE_EXPORTS = "数据下载（Excel）"
EXPORT_VIEW_BUTTON = "下载当前视图（指标、数值、镇街、项目、任务）"
EXPORT_DATASET_BUTTON = "下载完整数据（可修改后上传）"
EXPORT_VIEW_FILE = "监测看板_当前视图_{scope}"
EXPORT_DATASET_FILE = "监测看板_完整数据_第{number}版_{date}.xlsx"
REPORT_EXPORTS_NOTE = (
    "当前视图工作簿每张表一个工作表，另有“说明”表写明范围、数据版本和是否含示例数据。完整数据工作簿与“数据格式”页的格式相同，"
    "不修改直接上传不会产生任何变化。各页面的每张表格下方、每个图表下方也有下载按钮（Excel、PNG、SVG）。"
)
REPORT_PAGE_OUTLINE = "报告内容预览"
REPORT_OUTLINE_NOTE = "以下为报告各部分的文字（图表和表格只列标题），与下载的 Word、PDF 内容相同。"
REPORT_OUTLINE_EMPTY = "（本节留空，由编写单位填写。）"
DOWNLOAD_TABLE_XLSX = "下载 Excel"
DOWNLOAD_CHART_PNG = "PNG"
DOWNLOAD_CHART_SVG = "SVG"
GAUGES_FILES = "本组仪表图："  # before the PNG and SVG of a 类别's gauges on the overview
GAUGES_FILE = "{category}仪表图"
# Streamlit's chart toolbar (1.67) in Chinese as well.
STREAMLIT_UI.update({"Download as PNG": "下载为 PNG", "Copy Vega-Lite spec": "复制图表定义（Vega-Lite）"})

# The 数据集名称 of a view workbook (exports.view_workbook): an upload recognises it in any language and refuses it.
VIEW_EXPORT_NAME = "看板导出的当前视图（只供阅读）"

# Typography of joined words: 精武镇、杨柳青镇 · 目标：… · 18.5（2024年）
SEP = "、"
COLON = "："
PAREN_OPEN = "（"
PAREN_CLOSE = "）"

# The language switch names each language in itself, so it can be found whatever the page speaks.
LANGUAGE_LABEL = "语言 · Language"
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
HTML_LANG = "zh-CN"  # the page's lang attribute: fonts and screen readers follow it


# --- big data (issue 13) ---
# A long list shows one page (ui.paginate) or its largest items, and says how many are not shown.
PAGE_RANGE = "第 {first:,}–{last:,} 项，共 {total:,} 项"
HEATMAP_PAGED = "指标较多：热力图每页列出 {size} 项指标，翻页查看其他指标；任一指标的镇街排名可在下方“单项指标镇街排名”中选择。"
PROJECTS_TOP = (
    "项目较多：下表按总投资从大到小列出前 {shown:,} 项，其余 {hidden:,} 项未列出（可用搜索和筛选缩小范围）；"
    "“下载 Excel”含全部 {total:,} 项。"
)
PROJECT_CHOICE_LIMITED = "可选项目为上表所列的 {shown:,} 项；其他项目请先用搜索或筛选找到。"
CHART_TOP = "项目较多：图中只画出投资最大的 {shown:,} 项，其余 {hidden:,} 项未画出。"
LARGEST_LISTED = "按总投资从大到小列出前 {shown:,} 项，其余 {hidden:,} 项未列出；“下载 Excel”含全部 {total:,} 项。"


# The catalogue answers in the language of the current page run (language.py); keep this line last.
from .language import install as _install  # noqa: E402

_install(__name__)
