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
TARGET_LABEL = "2025年目标"
ATTRIBUTE_LABEL = "属性"
LATEST_LABEL = "最新值"
BASE_LABEL = "基期"
UNIT_YI = "亿元"
CUMULATIVE_SHORT = "累计"

# --- Findings: (message template, hint). Placeholders are filled by findings.finding(). ---
FINDINGS: dict[str, tuple[str, str]] = {
    "NOT_XLSX": ("文件不是有效的 .xlsx 工作簿：{detail}", "请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再上传。"),
    "NO_KNOWN_SHEET": (
        "工作簿中没有可识别的工作表（现有：{detail}）。",
        "工作表应命名为：{expected}。可下载空白模板对照。",
    ),
    "MISSING_SHEET": ("缺少工作表“{sheet}”。", "完整的数据集需要该工作表，可下载空白模板对照。"),
    "UNKNOWN_SHEET": ("工作表“{sheet}”不属于数据格式，已忽略。", "{nearest}"),
    "NO_HEADER": ("前{detail}行中找不到表头。", "表头应包含：{expected}。"),
    "MISSING_COLUMN": ("缺少列“{header}”。", "请在表头行加入该列；可下载空白模板对照。"),
    "UNKNOWN_COLUMN": ("列“{header}”不属于数据格式，已忽略。", "{nearest}"),
    "MISSING_VALUE": ("“{header}”不能为空。", "请填写该单元格。"),
    "BAD_NUMBER": ("“{header}”应为数字，实际为“{seen}”。", "请只填写数字（可带 % 或本指标单位）；未填报请留空，不要填 0。"),
    "BAD_INT": ("“{header}”应为整数，实际为“{seen}”。", "请填写整数序号。"),
    "BAD_YEAR": ("“{header}”应为年份，实际为“{seen}”。", "请填写四位年份，如 2024。"),
    "NORMALISED": ("“{header}”的“{seen}”按“{understood}”读取。", "无需处理；如理解有误请修改原表。"),
    "DUPLICATE_KEY": ("与第{detail}行重复（{key}）。", "同一组合只能出现一次，请删除或合并重复行。"),
    "UNKNOWN_INDICATOR": ("未知指标“{seen}”。", "{nearest}"),
    "UNKNOWN_TOWN": ("未知镇街“{seen}”。", "{nearest}"),
    "UNKNOWN_SECTION": ("规划结构中没有第{seen}。", "请对照“规划结构”工作表填写章、节序号。"),
    "BAD_CHOICE": ("“{header}”只能是{expected}，实际为“{seen}”。", "请从可选值中选择。"),
    "DUPLICATE_SHEET": ("工作表“{sheet}”与“{detail}”是同一种工作表，不能同时出现。", "请把两表合并为一张后再上传。"),
    "UNREADABLE_SHEET": ("工作表“{sheet}”无法读取（{detail}）。", "文件可能已损坏：请用 Excel/WPS 打开后另存为 .xlsx 再上传。"),
    "NAME_CLASH": ("名称或别名“{seen}”已属于第{detail}行的“{other}”。", "每个名称和别名只能指向一个镇街或指标，请删除重复的别名。"),
    "EMPTY_SHEET": ("工作表“{sheet}”没有数据行，会清空该表的全部内容。", "如只想更新其他工作表，请删除这张空表后再上传。"),
    "ORPHANED_ROWS": (
        "新的“{sheet}”表中没有“{seen}”，但当前数据中有{detail}条记录引用它。",
        "更名或删除会使这些记录失去归属：请保留该名称（可在别名中加入新名称），或先上传改名后的数据。",
    ),
    "HIDDEN_SHEET": ("工作表“{sheet}”是隐藏工作表，已照常读取。", "如该表不应报送，请删除后再上传。"),
    "WIDE_LAYOUT": (
        "工作表“{sheet}”按规划主要指标表格式读取：年份列{detail}中的数值作为全区数据。",
        "类别、目标、属性以“指标”工作表为准，本表只读取各年份的数值。",
    ),
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

SEVERITY = {"error": "错误", "warning": "提示"}

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
STATUS_ORDER = (
    STATUS_AHEAD, STATUS_FASTER, STATUS_ON_TRACK, STATUS_LAGGING, STATUS_AWAIT_CITY, STATUS_MANUAL, STATUS_NO_DATA,
)
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
    "监测数据以 Excel 工作簿（.xlsx）报送。工作簿可只包含部分工作表：指标数据等按“指标+镇街+年份”更新，"
    "其余内容保持不变。黄色表头为必填列；未填报的数值请留空，不要填 0。"
)

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
- 只有一期数值且规划无基期值 → **需人工研判**。

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

# --- 重大项目 page (xq_metrics/projects.py, project_charts.py, pages/5_重大项目.py). ---
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
CHARTS_TITLE = "投资结构"
CHART_BY_BOX = "按专栏"
CHART_BY_CHAPTER = "按章"
CHART_BY_TOWN = "按镇街"
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
PROJECT_YEARLY = "逐年进展"
NO_PROJECT_PROGRESS = "该项目暂无“项目进展”填报。"
NOT_STATED = "规划未写明"
OVER_TOTAL_ROW = "完成投资{amount}"
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
LOGIN_NEEDED = "查看无需登录；上传、保存和回退数据需要编辑人员登录。编辑人员由管理员在命令行添加（见 README）。"
UPLOAD_TITLE = "上传新数据"
UPLOAD_LABEL = "选择工作簿（.xlsx）"
UPLOAD_HELP = "只接受 Excel 工作簿 .xlsx。.xls、.xlsm、.csv、.et 等请在 Excel/WPS 中“另存为”.xlsx 后再上传。"
REPORT_TITLE = "检查结果"
REPORT_OK = "文件可以使用：{errors}个错误，{warnings}条提示。"
REPORT_BAD = "文件有{errors}个错误，不能保存。请按下表修改后重新上传；当前使用的数据没有任何变化。"
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
KIND_LABELS = {"seed": "初始数据", "upload": "上传", "rollback": "回退"}
AUDIT_ACTIONS = {
    **KIND_LABELS, "login": "登录", "login_failed": "登录失败", "login_locked": "登录被锁定",
    "editor_added": "添加编辑人员", "editor_removed": "删除编辑人员",
}

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
REASON_SHARE_MISSING = "该指标为全区总量，缺少同年全区数值，无法把目标分解到镇街。"
REASON_SHARE = "（全区目标{goal}按{year}年该镇街占全区{share}分解为{town_goal}）"
REASON_FLOOR = "{year}年{value}，每年下限{goal}，比值{ratio}。"
REASON_CUMULATIVE_MET = "{years}年累计{total}，已达五年累计目标{goal}。"
REASON_CUMULATIVE = "{years}年累计{total}；按年均{per_year}，{n}年应完成{expected}，完成比{ratio}。"
REASON_CUMULATIVE_FINAL = "{years}年累计{total}，{final}年应完成五年累计目标{goal}，完成比{ratio}。"
REASON_CUMULATIVE_GAPS = "（{missing}年未填报，只按已填报年份折算，未填报不按0计）"
REASON_MET = "{year}年{value}，{word}目标{target}。"
MET_LEVEL, MET_BOUND = "已达到", "符合"
REASON_NOT_MET = "{year}年{value}，不符合目标{target}。"
REASON_NO_BASE = "规划未给出基期值，且只有一期数值，无法按路径判断。"
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

# --- Blank template and format tables (template.py, pages/3_数据格式.py). ---
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

# --- 数据管理 page tables (pages/6_数据管理.py) and the seed version's file. ---
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
HISTORY_COL_DATASET = DATASET_LABEL
HISTORY_COL_ROLLED_BACK_FROM = "回退自"
AUDIT_COL_TIME = "时间"
AUDIT_COL_EDITOR = "人员"
AUDIT_COL_ACTION = "操作"
AUDIT_COL_DETAIL = "说明"
