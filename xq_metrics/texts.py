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
    "TARGET_UNREAD": ("无法识别目标“{seen}”，该指标将显示为需人工研判。", "可写成 100、>90、6以内、每年不少于2.3万人、〔15〕等形式。"),
}
NEAREST = "是否应为“{name}”？"
NO_NEAREST = "请对照空白模板或现有名录。"

SEVERITY = {"error": "错误", "warning": "提示"}

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
| 五年累计 | 〔15〕、﹝15﹞、累计15 | {first}—2025年逐年数值相加；应完成量 = 目标 × 已填报年数 ÷ 5，按完成比判断 |
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
