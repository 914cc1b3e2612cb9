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
