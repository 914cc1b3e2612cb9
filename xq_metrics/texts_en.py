"""The English catalogue: every name of texts.py that is worded for people, said in English.

language.py answers `texts.NAME` from here while a page run speaks English. Each value has the shape of its Chinese
counterpart (the same {placeholders}, dict keys and tuple lengths). Vocabulary is not here: the words that
workbooks contain, the store keeps or the plan itself uses (全区, 预期性, 在建, 亿元, 示例 …) are listed in
UNTRANSLATED and always read in Chinese, so an upload means the same whichever language the page speaks. Where an
English sentence names a sheet, a column or a cell word of the workbook format, that name stays in Chinese, as the
official sees it in the file.
"""

from __future__ import annotations

UNTRANSLATED: frozenset[str] = frozenset({
    # The 数据集名称 that marks a view workbook: an upload recognises it whichever language exported it.
    "VIEW_EXPORT_NAME",
    # The whole district: a value of every 镇街 column, a key of stored observations and of the name registry.
    "DISTRICT",
    # The sample mark: the loader finds 示例 in a data set's name; cells of the upload-format export are noted with it.
    "SAMPLE",
    # Units and their ratio: money.py keys amounts by these words, and workbooks type them (金额单位, column headers).
    "UNIT_YI", "UNIT_WAN", "WAN_PER_YI", "AXIS_YI",
    # Choices the workbook format accepts (schema.py choices), matched against what an official typed.
    "ATTRIBUTES", "DIRECTION_UP", "DIRECTION_DOWN",
    "STATUS_AHEAD", "STATUS_FASTER", "STATUS_ON_TRACK", "STATUS_LAGGING",
    "PROJECT_STATUSES",
    "TASK_NOT_STARTED", "TASK_IN_PROGRESS", "TASK_DONE", "TASK_LAGGING", "TASK_STATUS_READINGS",
    # The fifth value of the same 进展状态 column: ordered, counted and colored with the four above in tables built
    # at import (tasks.STATUS_ORDER, task_charts.TASK_COLOURS, ui.TASK_BADGE), so it must read like them.
    "TASK_NOT_REPORTED",
    # A column header of the workbook format, named in findings that point at the column.
    "YEAR_HEADER",
    # Cell words of the upload-format export (是否示例 = 否), read back by the loader.
    "YES", "NO",
    # Written into the store: editor names in versions and the audit log, file names of versions, a figure's 出处.
    "SYSTEM_EDITOR", "CLI_EDITOR", "SEED_FILE_NAME", "UPLOADED_FILE_NAME", "SOURCE_UPLOADED",
    # Inside the blank template, next to the format's own Chinese column help.
    "TEMPLATE_AUTHOR", "TEMPLATE_REQUIRED_NOTE",
    # The language switch names itself and each language in that language: the same whatever the page speaks.
    "LANGUAGE_LABEL", "LANGUAGE_NAMES",
})

APP_TITLE = "Xiqing New-Type Urbanization Plan Monitoring Dashboard"
PLAN_TITLE = "New-Type Urbanization Development Plan of Xiqing District, Tianjin (2023–2025)"
NOT_REPORTED = "not reported"
SAMPLE_BANNER = "The monitoring values shown include **sample data** (for demonstration only, not real figures published by the statistics authorities)."
SAMPLE_BANNER_COUNT = "{count} values in the current data are **sample data** (for demonstration only, not real figures published by the statistics authorities); each is marked as sample data in charts and tables."
DATASET_LINE = "Data: {version} · saved {time} by {editor} ({file}) · all uploads under “Data management”"
TARGET_LABEL = "2025 target"
ATTRIBUTE_LABEL = "Attribute"
LATEST_LABEL = "Latest value"
BASE_LABEL = "Baseline"
CUMULATIVE_SHORT = "Cumulative"
CUMULATIVE_VALUE = "Cumulative {value}"
STATUS_COUNT = "{status} {count}"

# --- Findings: (message template, hint). Placeholders are filled by findings.finding(). ---
FINDINGS: dict[str, tuple[str, str]] = {
    "NOT_XLSX": (
        "The file is not a valid .xlsx workbook: {detail}",
        "In Excel or WPS, use “Save As” → Excel Workbook (.xlsx), then upload again.",
    ),
    "VIEW_WORKBOOK": (
        "This is the dashboard's “current view” workbook: it is for reading and forwarding, not for uploading data.",
        "To change data, use the “whole data set” workbook on the Report export page, or the reporting template on the Data format page.",
    ),
    "NO_KNOWN_SHEET": (
        "The workbook has no sheet that can be recognized (it has: {detail}).",
        "Sheets should be named: {expected}. Download the blank template to compare.",
    ),
    "MISSING_SHEET": ("Sheet “{sheet}” is missing.", "A complete data set needs this sheet; download the blank template to compare."),
    "UNKNOWN_SHEET": ("Sheet “{sheet}” is not part of the data format and was ignored.", "{nearest}"),
    "NO_HEADER": (
        "No header row in the first {detail} rows: the {count} figures in this sheet cannot be read.",
        "The header row should contain: {expected}. These common layouts can also be submitted: the plan's main-indicator "
        "table (类别, 序号, 指标, 2025年目标, 属性 and one column per year); a town × indicator table (towns in the first "
        "column, indicator names as headers with the unit in brackets, the year in the sheet name or title).",
    ),
    "MISSING_COLUMN": ("Column “{header}” is missing.", "Add this column to the header row; download the blank template to compare."),
    "UNKNOWN_COLUMN": ("Column “{header}” is not part of the data format and was ignored.", "{nearest}"),
    "MISSING_VALUE": ("“{header}” cannot be empty.", "Fill in this cell."),
    "BAD_NUMBER": (
        "“{header}” should be a number but is “{seen}”.",
        "Enter a number only (a % sign or the indicator's unit may follow it); leave a figure that was not reported empty, do not enter 0.",
    ),
    "BAD_INT": ("“{header}” should be a whole number but is “{seen}”.", "Enter a whole serial number."),
    "BAD_YEAR": ("“{header}” should be a year but is “{seen}”.", "Enter a four-digit year, e.g. 2024."),
    "NORMALISED": ("“{seen}” in “{header}” was read as “{understood}”.", "Nothing to do; if this reading is wrong, correct the original sheet."),
    "DUPLICATE_KEY": ("Duplicates {detail} ({key}).", "Each combination may appear only once: delete or merge the duplicate rows."),
    "UNKNOWN_INDICATOR": ("Unknown indicator “{seen}”.", "{nearest}"),
    "UNKNOWN_TOWN": ("Unknown town “{seen}”.", "{nearest}"),
    "UNKNOWN_SECTION": ("The plan structure has no {seen}.", "Enter chapter and section numbers as listed in the sheet “规划结构”."),
    "BAD_CHOICE": ("“{header}” can only be {expected}, but is “{seen}”.", "Choose one of the allowed values."),
    "UNREADABLE_SHEET": (
        "Sheet “{sheet}” cannot be read ({detail}).",
        "The file may be damaged: open it in Excel/WPS, save it as .xlsx and upload again.",
    ),
    "NAME_CLASH": (
        "The name or alias “{seen}” already belongs to “{other}” in row {detail}.",
        "Each name and alias can point to only one town, indicator or department: delete the duplicate alias.",
    ),
    "EMPTY_SHEET": ("Sheet “{sheet}” has no data and was ignored.", "An empty sheet never deletes or changes existing data."),
    "NOTES_SHEET": (
        "Sheet “{sheet}” has no data table and was skipped as explanatory content.",
        "Its text is not saved; if it holds data, arrange the data as a table in the data format.",
    ),
    "NOTE_ROWS": ("Rows {detail} are notes, explanations or sign-offs and were skipped.", "These rows are not saved."),
    "IGNORED_FIGURES": (
        "{count} figures were not read and will not be saved.",
        "Put these figures in columns of the data format (see the “Data format” page), or delete them, and upload again; "
        "if they need not be saved, you can ignore this message.",
    ),
    "READ_AS_SHEET": (
        "Sheet “{sheet}” was recognized by its headers and read as the sheet “{detail}”.",
        "If this is wrong, rename the sheet to its name in the data format.",
    ),
    "PLAN_LAYOUT": (
        "Sheet “{sheet}” was read as the plan's main-indicator table: the figures in the year columns {detail} are "
        "district-wide data, and the columns “2025年目标”, “属性” and “类别” are compared with the current plan.",
        "Targets, attributes and categories that differ from the current plan are listed one by one in the preview; the "
        "plan changes only once you confirm.",
    ),
    "YEAR_COLUMNS": ("Read with one column per year: {detail}.", "The figures in each year's column are recorded for that year."),
    "TOWNS_LAYOUT": (
        "Sheet “{sheet}” was read as a “town × indicator” table: {detail} indicator columns, one town per row.",
        "Indicator names in the header are matched against the current list of indicators, and the units in brackets are "
        "checked against each indicator's unit.",
    ),
    "NO_YEAR": (
        "No year found: there is no “{header}” column, and neither the sheet name nor the title contains a year.",
        "Add a “年份” column, name the sheet after the year (e.g. “2024年”), or state the year in the title "
        "(e.g. “2024年各镇街主要指标完成情况”).",
    ),
    "YEAR_FROM_CONTEXT": (
        "There is no “年份” column: recorded as {understood} from the year in the {detail}.",
        "If the year is wrong, add a “年份” column.",
    ),
    "PERCENT_FORMAT": (
        "The cell is formatted as a percentage: its stored value {seen} shows as {understood}%, and is read as {understood}.",
        "This indicator is reported in percent (93.8 means 93.8%); nothing to do.",
    ),
    "PLACEHOLDER": (
        "“{seen}” was read as not reported; existing data is not changed.",
        "To clear an existing value, enter “删除” in the cell.",
    ),
    "NAME_READ_AS": ("“{seen}” was read as “{understood}”.", "Nothing to do; if this reading is wrong, correct the original sheet."),
    "AMBIGUOUS_PROJECT": (
        "Project name “{seen}” matches several projects: {detail}.",
        "Enter the project code (e.g. 3-1) or the project's full name.",
    ),
    "NEW_ROW_INCOMPLETE": (
        "The new row ({key}) is missing: {detail}.",
        "The current data has no such row; these columns are required to add one.",
    ),
    "NEW_INDICATOR_CODE": (
        "The new indicator “{seen}” has no code; added as no. {understood}.",
        "To choose its code, fill in the “序号” or “编号” column.",
    ),
    "DELETE_NOTHING": ("The row to delete ({key}) does not exist in the current data and was ignored.", "Check the name and year."),
    "DELETE_IN_KEY": (
        "“删除” cannot be entered in the “{header}” column.",
        "To delete a whole row, enter “删除” in the “操作” column; to clear one value, enter “删除” in that cell.",
    ),
    "TOTAL_AS_DISTRICT": ("The total row was read as district-wide data.", "If this row is not district-wide data, delete it and upload again."),
    "TOTAL_MISMATCH": (
        "The total {seen} differs from {expected}, the sum of the {detail} rows above.",
        "Check the total or the rows; the rows' figures are saved, the total is only used for checking.",
    ),
    "TOTAL_DIFFERS": (
        "The total row {seen} differs from the district-wide figure {expected} in {detail}; the latter is saved.",
        "Check both figures.",
    ),
    "TOTAL_ROW_SKIPPED": ("The total row is not a project: it was used for checking and skipped.", "The figures of the individual projects are saved."),
    "UNIT_SUSPECT": (
        "{seen} for “{indicator}” is about {detail} times the indicator's usual value (about {expected}); the unit is probably "
        "wrong: {likely}.",
        "Convert the figure to the indicator's unit and enter it again; the system never converts units by itself.",
    ),
    "OUT_OF_RANGE": (
        "{seen}{unit} for “{indicator}” is outside the plausible range.",
        "Ratio indicators lie between 0 and 100, and headcounts and the like cannot be negative: check the unit and the decimal point.",
    ),
    "TOWN_ABOVE_DISTRICT": (
        "{seen} for {town} is larger than the district-wide figure {expected} for the same year.",
        "A town's figure cannot exceed the district's: check the unit (人 or 万人) or the town.",
    ),
    "ORPHANED_ROWS": (
        "The new “{sheet}” sheet has no “{seen}”, but {detail} records in the current data refer to it.",
        "Renaming or deleting it would leave these records without an owner: keep the name (the new name can be added as an "
        "alias), or first upload the data with the name changed.",
    ),
    "HIDDEN_SHEET": ("Sheet “{sheet}” is hidden; it was read as usual.", "If this sheet should not be submitted, delete it and upload again."),
    "FORMULA_NO_VALUE": (
        "The cell holds the formula “{seen}”, but the file has no saved result for it.",
        "Open the file in Excel/WPS and save it before uploading, or paste the formulas as values.",
    ),
    "ERROR_CELL": ("The cell holds the error value “{seen}”.", "Correct the formula or reference (such as #REF! or #DIV/0!) and upload again."),
    "WRONG_UNIT": (
        "The unit “{typed}” of “{seen}” differs from the indicator's unit “{unit}”.",
        "Convert to “{unit}” and enter the number only; the system never converts units by itself.",
    ),
    "TARGET_UNREAD": (
        "The target “{seen}” cannot be read; the indicator will show as needing manual assessment.",
        "Targets can be written as 100, >90, 6以内, 每年不少于2.3万人, 〔15〕 and the like.",
    ),
    # Upload screening (safety.py): checked on the raw file before it is read.
    "FILE_TOO_BIG": (
        "The file is {detail}, above the limit of {expected}.",
        "Delete unrelated sheets, images and formatting and upload again; if there really is that much data, submit it in batches.",
    ),
    "LEGACY_XLS": (
        "This is an old Excel 97-2003 file (.xls); the dashboard accepts .xlsx only.",
        "Open it in Excel or WPS, save it as .xlsx (Excel Workbook) and upload again.",
    ),
    "ENCRYPTED": ("The file is protected by a password and cannot be read.", "Remove the password in Excel or WPS, save as .xlsx and upload again."),
    "BAD_EXTENSION": ("The file “{detail}” is not an .xlsx file; the dashboard accepts .xlsx (Excel Workbook) only.", "{advice}"),
    "ZIP_BOMB": (
        "The file expands to an abnormal size ({detail}) and looks maliciously crafted; it was refused.",
        "Open it in Excel or WPS and save it again as .xlsx; for a genuine file, delete surplus empty rows, columns and "
        "formatting before uploading.",
    ),
    "TOO_MANY_PARTS": (
        "The file contains {detail} internal parts, above the limit of {expected}.",
        "Delete surplus sheets, images and comments, save as .xlsx and upload again.",
    ),
    "MACROS": ("The file contains macros; the dashboard does not accept files with macros.", "Save it as an Excel Workbook (.xlsx) without macros and upload again."),
    "EXTERNAL_LINK": (
        "The file contains external links to other workbooks.",
        "In Excel, use “Data → Edit Links → Break Link” to turn external references into values, save as .xlsx and upload again.",
    ),
    "XML_DTD": (
        "The file's internal structure is abnormal ({detail} contains a DTD or entity declaration) and looks tampered with; it was refused.",
        "Open it in Excel or WPS, save it again as .xlsx and upload again.",
    ),
    "TOO_LARGE": (
        "The sheet's used range is {detail} ({rows} rows, {columns} columns), above the limit ({max_rows} rows, {max_columns} "
        "columns, no more than {max_cells} cells in all).",
        "This usually comes from formatting applied to whole rows or columns: delete the empty rows and columns outside the "
        "data, save and upload again.",
    ),
    "UNKNOWN_PROJECT": (
        "Unknown project code “{seen}”.",
        "{nearest} Project codes are listed in the sheet “项目”, in the form 3-1 (box number-item number).",
    ),
    "BAD_AMOUNT_UNIT": (
        "“{header}” can only be 亿元 or 万元, but is “{seen}”.",
        "Enter “亿元” or “万元” (1亿元 = 10000万元); empty means 亿元.",
    ),
    "COMPLETED_OVER_TOTAL": (
        "{detail} is more than the total investment {expected} of project “{project}”.",
        "Check the amount unit (1亿元 = 10000万元); if the total investment has changed, also update “总投资（亿元）” in the sheet “项目”.",
    ),
    "END_BEFORE_START": (
        "Completion year {seen} is earlier than start year {expected}.",
        "Check the start and completion years (completion cannot come before the start).",
    ),
    # --- Hostile files (isolation.py, safety.py, findings.cap): refusals that name the limit. ---
    "READ_LIMIT": (
        "The file is too large or abnormally structured and was refused: while it was read, {limit} ({detail}).",
        "Delete empty rows, columns and formatting outside the data, or split the data into several files and upload them "
        "one by one; if the file really is normal, contact the administrator.",
    ),
    "SERVER_BUSY": (
        "The server is busy with another file, so this upload could not be checked.",
        "Wait a minute and upload again; the data in use has not changed in any way.",
    ),
    "TOO_MANY_SHEETS": (
        "The workbook has {detail} sheets, above the limit of {expected}.",
        "Delete unrelated sheets, save as .xlsx and upload again.",
    ),
    "TOO_MANY_CELLS": (
        "The used ranges of the sheets add up to at least {detail} cells, above the limit of {expected}.",
        "Delete content and formatting outside the data; if there really is that much data, split it into several files and "
        "upload them one by one.",
    ),
    "FINDINGS_CAPPED": (
        "{count} more problems are not listed one by one{errors}.",
        "At most {per_code} problems of each kind and {total} in all are listed: fix the problems listed first, correct "
        "similar ones in the same way, then upload again.",
    ),
    # --- 重点任务, 任务进展 and 部门. ---
    "UNKNOWN_TASK": (
        "Unknown task “{seen}”.",
        "{nearest} Enter the task's code from the sheet “重点任务” (e.g. 5.1.1) or its name as worded in the plan.",
    ),
    "AMBIGUOUS_TASK": (
        "Task name “{seen}” matches several tasks: {detail}.",
        "Enter the task code (e.g. 5.1.1) or the task's full name, or give the beginning of its content in the “具体内容” column.",
    ),
    "TASK_HEADING_ROW": ("“{seen}” is a chapter or section heading, not a task; skipped.", "Nothing to do."),
    "UNKNOWN_DEPARTMENT": (
        "Unknown unit “{seen}”.",
        "{nearest} Add the unit to the sheet “部门”, or add this spelling to a unit's “别名”.",
    ),
    "ALL_TOWNS_READ": (
        "“{seen}” was read as all {detail} towns in the “部门” list (town governments and street offices).",
        "If only some towns are meant, name each of them.",
    ),
    "VAGUE_UNIT": ("“{seen}” does not name a specific unit and was not recorded.", "Write the unit's name (see the sheet “部门”)."),
    "DEADLINE_READ": (
        "Deadline “{seen}” was read as “{understood}”.",
        "Nothing to do; if this reading is wrong, write a specific date, e.g. 2025-06-30.",
    ),
    "DEADLINE_UNREAD": (
        "Deadline “{seen}” cannot be read: it is saved as written and never judged overdue.",
        "It can be written as 2025年底, 2024年12月, 2025-06-30 or 持续推进.",
    ),
    "YEAR_FROM_SPAN": (
        "There is no “年度” column: the assignments are recorded for {understood}, the first year of the plan period “{seen}” in the title.",
        "If these are the assignments or progress of one year, state the year in the title (e.g. “2024年度重点任务分工表”) or "
        "add a “年度” column.",
    ),
}
NEAREST = "Did you mean “{name}”?"
NO_NEAREST = "Compare with the blank template or the existing lists."

SEVERITY = {"error": "Error", "warning": "Warning", "info": "Note"}
# What a figure an order of magnitude off most likely is (checks.UNIT_SUSPECT), by the power of ten it is off by.
LIKELY_PERCENT = "a percentage may have been entered as a fraction (0.938 instead of 93.8%), or two digits added or dropped"
LIKELY_THOUSAND = "it may be a thousand times off (e.g. 千人 and 人)"
LIKELY_TEN_THOUSAND = "“人” may have been entered as “万人” (or 元/万元/亿元 mixed up, ten thousand times apart)"
LIKELY_OTHER = "check the unit and the decimal point"
YEAR_FROM_SHEET_NAME = "sheet name"
YEAR_FROM_TITLE = "title"
ROW_IN_SHEET = "sheet “{sheet}”, row {row}"
ROW_NUMBER = "row {row}"

CAPPED_ERRORS = " (errors among them)"
# What stopped the isolated reader, as the READ_LIMIT message says it.
READ_LIMITS = {
    "memory": "it exceeded the memory limit",
    "cpu": "it exceeded the computing time limit",
    "time": "it exceeded the processing time limit",
    "output": "the result exceeded the size limit",
    "crash": "the reader stopped unexpectedly",
    "error": "the reader failed",
}

# --- Target kinds, shown on the indicator and method pages. ---
TARGET_KINDS = {
    "level": "Level to reach",
    "at_least": "At least",
    "above": "Above",
    "at_most": "At most",
    "below": "Below",
    "yearly_floor": "Yearly floor",
    "cumulative": "Five-year cumulative",
    "relative": "Relative target",
    "external": "Assigned by the city",
    "qualitative": "Qualitative target",
}

# --- Status vocabulary of plan mid-term reviews, plus the two for "cannot judge". ---
STATUS_NO_DATA = "No data"
STATUS_MANUAL = "Needs manual assessment"
STATUS_AWAIT_CITY = "Awaiting city target"
STATUS_INSUFFICIENT = "Insufficient data"
# status.Status code -> the words.
STATUS_LABELS = {
    "ahead": "Achieved early", "faster": "Ahead of schedule", "on_track": "On track", "lagging": "Lagging",
    "await_city": STATUS_AWAIT_CITY, "manual": STATUS_MANUAL, "insufficient": STATUS_INSUFFICIENT,
    "no_data": STATUS_NO_DATA,
}
ALERT = "Alert"

# --- Pages. ---
DATASET_LABEL = "Data set"
LOADED_AT_LABEL = "Loaded at"
PAGE_OVERVIEW = "Overview"
PAGE_INDICATOR = "Indicator detail"
PAGE_METHOD = "Definitions"
PAGE_FORMAT = "Data format"
OVERVIEW_INTRO = "The plan's {count} main indicators, grouped in its four categories; color shows the progress status, the tick mark the 2025 target."
FILTER_CATEGORY = "Category"
FILTER_ATTRIBUTE = "Attribute"
FILTER_STATUS = "Status"
FILTERS = "Filters"
ALL = "All"
NOTHING_MATCHES = "No indicator matches the filters."
STATUS_COUNTS = "Indicators by status"
STATUS_COUNTS_TOWN = "{town}: indicators by status (the {count} with the town's own data)"
DISTRICT_SHOWN_NOT_COUNTED = "{count} more indicators are not reported by town for {town}; they are shown below with district-wide data and not counted above."
COUNTS_SAMPLE = "The status of {count} of them rests on sample data and is marked “示例” (sample)."
YEAR_VALUE_LABEL = "{year} value"
YEARLY_ALSO = " ({value} in the year)"
OPEN_DETAIL = "Open indicator detail"
TOWN_TARGET_LABEL = "Town target"
CUMULATIVE_CHART_NOTE = "Five-year cumulative target: the line is the running total year by year, light bars are each year's value, the dashed line is the expected cumulative path spread evenly over the years, and the horizontal line is the five-year target."
SAMPLE_POINTS_NOTE = "Hollow points are sample data (for demonstration, not real statistics)."
ALERT_COUNT = "{count} alerts among them (binding indicators lagging)"
TREND_LABEL = "Trend"
YEAR_SUFFIX = ""
CHOOSE_INDICATOR = "Choose an indicator"
TARGET_READ_AS = "Target read as"
DIRECTION_LABEL = "Direction"
PLACE_IN_PLAN = "Place in the plan"
STATUS_REASON = "Basis for status"
HISTORY = "Values by year"
VALUES_TABLE = "Reported values"
FLAGS = "Data quality flags"
NO_FLAGS = "No data quality problems found."
BY_TOWN = "By town"
NO_TOWN_DATA = "No town-level data for this indicator yet."
BASE_FACTS = "Related baseline data in Chapter 1 of the plan"
DOWNLOAD_TEMPLATE = "Download blank template (.xlsx)"
FORMAT_INTRO = (
    "Monitoring data is submitted as an Excel workbook (.xlsx). A workbook may contain only some of the sheets, and an upload "
    "changes only what the file fills in: rows that match by each sheet's key columns (such as “指标 + 镇街 + 年份”) are "
    "updated, and rows that do not exist yet are added; empty cells, empty sheets and placeholders such as “—” or “无” never "
    "delete or clear existing data. "
    "To delete a row, enter “删除” in the “操作” column; to clear a value, enter “删除” in its cell; the numbers are always "
    "listed for you to confirm before saving. "
    "Columns with a yellow header are required; leave a value that was not reported empty, do not enter 0.\n\n"
    "These common tables can also be uploaded as they are: the plan's main-indicator table (类别, 序号, 指标, 2025年目标, "
    "属性 and one column per year); a town × indicator table (towns in the first column, indicator names as headers with "
    "the unit in brackets, the year in the sheet name or title; a total row is allowed); and a project progress table by "
    "project name (headers such as “2024年完成投资（万元）”). Title rows, total rows and note rows are recognized automatically."
)

# --- Chart labels (charts.py): titles of tooltips, lines and legends. ---
TIP_INDICATOR = "Indicator"
TIP_JUDGED = "Status"
TIP_VALUE = "Value"
TIP_YEAR_VALUE = "Value in the year"
TIP_SOURCE = "Source"
TIP_NOTE = "Note"
TIP_TOWN = "Town"
TARGET_LINE = "Target {value}"
EXPECTED_PATH = "Expected path"
TOWN_TARGET = "Target share for {town}: {value} (the district target scaled by the town's share of the district; see the basis for status)"
DETAIL_COL_CUMULATIVE = "Cumulative"
DETAIL_COL_SAMPLE = "Sample"

# --- 口径说明 (method page). Placeholders are the thresholds in status.py and quality.py. ---
METHOD_MD = """
### 1. How targets are read
The plan's “2025年目标” column is read, as worded, as one of the following kinds of rule (the table below lists how each indicator's target is read):

| Kind | Example wording | How it is judged |
|---|---|---|
| Level to reach | 100, 35, 15.4 | Progress is compared along a straight path from the baseline to 2025 (see below) |
| At least / Above | ≥90, 不低于90, 90以上 / >90 | Judged against the floor itself: met means “Achieved early”, otherwise “Lagging” |
| At most / Below | 6以内, 控制在6%以内, 不超过6 / <6 | Judged against the ceiling itself: met means “On track” (a control target must hold every year), otherwise “Lagging” |
| Yearly floor | 每年不少于2.3万人 | Judged year by year: the year's value ÷ the floor ≥ {faster:.0%} is “Ahead of schedule”, ≥ 100% is “On track”, otherwise “Lagging” |
| Five-year cumulative | 〔15〕, ﹝15﹞, 累计15 | The values for {first}–2025 are added up; before 2025 the amount due = target × years reported ÷ 5 (years not reported do not count as 0 and are listed in the basis for status), judged by the completion ratio; by 2025 the whole target must be met |
| Relative target | 与经济增长基本同步 | Compared with the same year's value in “参照数据”: within ±{tol:g} percentage points is “On track”, above is “Ahead of schedule”, below is “Lagging” |
| Assigned by the city | 落实市里下达指标 | Judged by the year's value in “市级下达目标”: reached is “On track”, otherwise “Lagging”; shows “Awaiting city target” until it is entered |
| Qualitative target | 完成“十四五”规划目标 | Shows “Needs manual assessment”; the responsible unit enters its conclusion in the sheet “人工研判” |

Target wording that cannot be read is treated as a “Qualitative target” and listed in the data quality flags; nothing is guessed.

### 2. Progress status
For targets of the kind “Level to reach”:
- Baseline: the baseline value given by the plan (the 2022 data of Chapter 1, where the definition is the same); where the plan gives none, the value of the earliest reported year. For a town, always the town's own earliest reported value.
- Expected path: a straight line from the baseline value to the 2025 target. Expected value in a year = baseline + (target − baseline) × (year − baseline year) ÷ (2025 − baseline year).
- Progress ratio = (actual − baseline) ÷ (expected − baseline).
- Target reached (in the indicator's direction) → **Achieved early**; progress ratio ≥ {faster:.0%} → **Ahead of schedule**; ≥ {on_track:.0%} → **On track**; otherwise → **Lagging**.
- Target met at the baseline, then missed again → **Lagging**.
- Only one value and no baseline in the plan → **Insufficient data** (no path to compare against yet).

Towns: judged on the town's own series of values. For totals (indicators in units such as 人, 万人 or 亿元, whose town figures add up to the district's) the 2025 target is a district total, and a town's target is that total scaled by the town's share of the district in its earliest reported year (the scaling is stated in the basis for status); ratio indicators use the district target as it is.

Otherwise: no reported value at all → **No data** (a value not reported never counts as 0). A **binding** (约束性) indicator that is “Lagging” is an **Alert** (red).

### 3. Trend arrows
Following the method of the UN Sustainable Development Goals (SDG) dashboards, the actual average yearly change is compared with the average yearly change needed to reach the target in 2025 (both in the indicator's direction):
- **↑** actual yearly change ≥ needed; **↗** ≥ {half:.0%} of needed; **→** less than half; **↓** moving away from the target.
- Needed yearly change = (target − first value) ÷ (2025 − first year); actual yearly change = (last value − first value) ÷ (last year − first year). For five-year cumulative targets, the average yearly amount is compared with the target ÷ 5.
- No arrow with fewer than two values, nor for yearly floors, relative targets, targets assigned by the city or qualitative targets.

### 4. Data quality flags
Flags only; the data is never changed:
- **Target met at baseline**: the plan's baseline already meets the 2025 target; **Target behind baseline**: a level target lies on the wrong side of the baseline (e.g. forest coverage baseline 24%, target 14%).
- **Value out of range**: a percentage indicator whose name ends in 率, 比例 or 比重 below 0 or above 100 (except “gross” indicators with 毛, such as 毛入园率), or a negative headcount, number of years and the like.
- **Change from previous year over {jump:.0%}**: the value changed by more than {jump:.0%} from the previous reported year.
- **Years missing in series**: some years between the first and last reported years were not reported.
"""
METHOD_TABLE_TITLE = "How each indicator's target is read"

# --- Global filters (sidebar, every page). ---
FILTER_TOWN = "Town"
FILTER_CHAPTER = "Chapter"
FILTER_SECTION = "Section"
FILTER_YEAR = "Year"
LATEST_YEAR = "latest year"
VIEW_LABEL = "Current view"
IGNORED_PARAMS = "{items} in the link do not exist and were ignored."
IGNORED_MORE = "{count} more values of {label}"
UNEXPECTED_ERROR = "An unexpected error occurred on this page and was recorded in the server log (incident {incident}). Please reload the page and try again; if the error persists, give the incident number to the administrator. The data in use has not changed in any way."
DISTRICT_FALLBACK = "No town-level data for this indicator for {towns}; district-wide data is shown."
NO_TOWN_VALUES = "No town-level data for this town yet"
NO_INDICATOR_IN_CHAPTER = "The chosen chapters have no main indicators; change “Chapter” in the sidebar."

# --- 街镇 page. ---
PAGE_TOWNS = "Towns"
TOWN_MAP_TITLE = "Town diagram (not administrative boundaries)"
TOWN_MAP_NOTE = "Diagram: towns are placed roughly by location (northwest to southeast) and do not show administrative boundaries. Click a square to view that town."
COLOUR_BY = "Color by indicator"
FOCUS_TOWN = "View town"
HEATMAP_TITLE = "Town × indicator progress status"
RANKING_TITLE = "Town ranking by indicator"
RANKING_INDICATOR = "Rank by indicator"
PROFILE_TITLE = "Town profile"
TOWN_KIND = "Type"
TOWN_POSITIONING = "Role in the plan"
TOWN_PROJECTS = "Projects in the plan"
TOWN_STATUS = "Indicator progress"
NO_TOWN_PROJECTS = "The plan's boxes name no project located in this town."
NO_TOWN_INDICATOR_IN_CHAPTER = "The chosen chapters have no indicators reported by town; only the town profile is shown."

# --- 重大项目 page (xq_metrics/projects.py, project_charts.py, pages/3_重大项目.py). ---
PAGE_PROJECTS = "Major projects"
UNIT_NOTE = "Amounts in 亿元 (1亿元 = 100 million yuan = 10000万元; amounts reported in 万元 are converted to 亿元)."
PROJECTS_INTRO = (
    "The plan's 7 boxes list {count} major projects and measures. The plan gives the total investment of {disclosed} of "
    "them; the others show as “not disclosed” and never count as 0. "
    "Cumulative completed investment = the sum of the yearly completed investment in “项目进展” (up to {year})."
)
PROJECT_UNDISCLOSED = "not disclosed"
MULTI_TOWN = "Several towns"
NO_TOWN_STATED = "Town not stated"
BOX_LABEL = "Box {box} {title}"
UP_TO_YEAR = "{year}"
FILTER_BOX = "Box"
FILTER_PROJECT_STATUS = "Construction status"
SEARCH_PROJECTS = "Search projects"
SEARCH_PLACEHOLDER = "Name, code, town, lead unit or words of the plan's text"
MEASURE_LABEL = "Chart measure"
MEASURE_TOTAL = "Total investment"
MEASURE_PLANNED = "Cumulative planned investment"
MEASURE_COMPLETED = "Cumulative completed investment"
METRIC_PROJECTS = "Projects"
METRIC_PROJECTS_OF = "of {total} in all"
METRIC_DISCLOSED_TOTAL = "Disclosed total investment"
DISCLOSED_COUNTS = "{disclosed} disclosed / {undisclosed} not disclosed"
REPORTED_COUNTS = "{reported} reported / {unreported} not reported"
METRIC_SHARE = "Completion share of disclosed projects"
SHARE_COVERS = "{count} disclosed and reported"
EXCLUDED_NO_TOWN = "With a town filter, the {count} projects for which the plan names no town cannot be assigned to a town and are not counted."
NO_PROJECTS = "No project matches: none left after the {step} ({before} before it)."
NO_PROJECTS_TOWN_HINT = "The projects for which the plan names a town are only in {towns}; {no_town} more name no town."
STEP_TOWN = "town filter ({value})"
STEP_CHAPTER = "chapter filter ({value})"
STEP_BOX = "box filter ({value})"
STEP_STATUS = "construction status filter ({value})"
STEP_SEARCH = "search for “{value}”"
PROJECT_TABLE = "Project list"
PROJECT_TABLE_NOTE = "{count} projects. Completion share = cumulative completed investment ÷ total investment; not computed where the total investment is not disclosed."
SORT_LABEL = "Order"
SORT_PLAN = "Plan order"
SORT_LISTED = "Default order (total investment, high to low)"
SORT_OPTION = "{column} ({direction})"
SORT_HIGH_FIRST = "high to low"
SORT_LOW_FIRST = "low to high"
SORT_EARLY_FIRST = "earliest first"
SORT_LATE_FIRST = "latest first"
SORT_MISSING_LAST = "Projects without the figure (not disclosed, not reported) come last."
COL_CODE = "Code"
COL_PROJECT = "Project"
COL_BOX = "Box"
COL_PLACE = "Chapter"
COL_TOWNS = "Towns"
COL_TOTAL = "Total investment (亿元)"
COL_PLANNED = "Cumulative planned investment (亿元)"
COL_COMPLETED = "Cumulative completed investment (亿元)"
COL_SHARE = "Completion share"
COL_PERIOD = "Construction period"
COL_STATUS = "Construction status"
COL_LAND = "Land area"
COL_FLOOR = "Floor area"
COL_LENGTH = "Length (km)"
COL_SCALE = "Other scale"
COL_LEAD = "Lead unit"
COL_SOURCE = "Source"
COL_SUMMARY = "Summary of the plan's text"
COL_YEAR = "Year"
COL_PLANNED_YEAR = "Planned investment (亿元)"
COL_COMPLETED_YEAR = "Completed investment (亿元)"
COL_AS_GIVEN = "Amount as reported (original unit)"
COL_START = "Start year"
COL_END = "Completion year"
COL_PLACE_IN_PLAN = "Place in the plan"
COL_TOTAL_PLAIN = "Total investment"
SHARE_HELP = "Cumulative completed investment ÷ total investment; not computed where the total investment is not disclosed."
PERIOD_FORMAT = "{start}–{end}"
PLANNED_SHORT = "planned "
COMPLETED_SHORT = "completed "
CHARTS_TITLE = "Investment and progress"
CHART_BY_BOX = "By box"
CHART_BY_CHAPTER = "By chapter"
CHART_BY_TOWN = "By town"
TAB_PLAN_VS_DONE = "Planned and done"
TAB_SCHEDULE = "Schedule"
TOWN_SPLIT_NOTE = (
    "A project naming several towns counts as a whole under “Several towns” (the plan does not split it between towns, so it "
    "is neither split nor counted twice); a project naming no town counts under “Town not stated”. Each project counts once, "
    "and the bars add up to the total above."
)
CHART_PLAN_VS_DONE = "Planned and completed investment by project"
PLAN_VS_DONE_NOTE = "Bars are cumulative planned and completed investment up to the chosen year; the black tick is the total investment given by the plan (disclosed projects only)."
CHART_LARGEST = "Largest projects by investment"
LARGEST_NOTE = "Sorted by {measure}, only projects with this figure ({count}); {missing} projects have no such figure and are not ranked."
CHART_SCHEDULE = "Construction period (start–completion)"
SCHEDULE_NOTE = "Bars run from the start of the start year to the end of the completion year; the red line is today ({today}), the light band the plan period 2023–2025. {missing} projects without a reported start or completion year are not shown."
CHART_YEARLY = "Investment by year"
YEARLY_NOTE = "Bars are the year's completed investment (colored by box), black dots the year's planned investment; only projects that reported an amount for the year count."
NO_MEASURE_DATA = "None of the chosen projects has a figure for {measure}."
NO_PLAN_VS_DONE = "None of the chosen projects has reported planned or completed investment."
NO_SCHEDULE = "None of the chosen projects has reported start and completion years."
NO_YEARLY = "None of the chosen projects has reported yearly investment."
TODAY_LABEL = "Today"
PLAN_PERIOD_LABEL = "Plan period"
TIP_GROUP = "Group"
TIP_PROJECT = "Project"
TIP_STATUS = "Construction status"
TIP_AMOUNT = "Amount (亿元)"
TIP_COUNT = "Projects"
TIP_KIND = "Kind"
TIP_YEAR = "Year"
TIP_BOX = "Box"
TIP_DATE = "Date"
GROUP_LABEL = "{amount}亿元 · {with_amount} {given} / {without_amount} {missing}"
GROUP_NONE = "all {count} {missing}"
DISCLOSED = "disclosed"
REPORTED = "reported"
PANEL_TITLE = "Project detail"
CHOOSE_PROJECT = "Choose a project"
CHOOSE_PROJECT_PLACEHOLDER = "Type a code or name, or pick from the list"
PANEL_HINT = "Choose a project to see all it holds, its progress chart and its yearly reports."
PROJECT_YEARLY = "Progress by year"
NO_PROJECT_PROGRESS = "No “项目进展” reported for this project yet."
NOT_STATED = "not stated in the plan"
OVER_TOTAL_ROW = "Completed investment of {amount}"
OVERDUE_STATUS = "{status} · overdue"
OVER_TOTAL_CUMULATIVE = "Cumulative completed investment of {amount}亿元 up to {year}"

# --- Upload screening (safety.py): details of NOT_XLSX, ZIP_BOMB and BAD_EXTENSION. ---
SAFETY_EMPTY = "the file is empty (0 bytes)"
SAFETY_TEXT = "the content is text (such as CSV) with the extension changed to .xlsx"
SAFETY_NOT_ZIP = "the content cannot be recognized and is not an Excel workbook"
SAFETY_NO_WORKBOOK = "the file has no workbook content (xl/workbook.xml)"
SAFETY_COMPRESSION = "part {part} uses a compression method Excel never uses"
SAFETY_UNREADABLE = "the file is damaged or incomplete ({kind})"
SAFETY_BOMB_TOTAL = "{size} in all when expanded, limit {limit}"
SAFETY_BOMB_RATIO = "part {part} has a compression ratio of {ratio}:1, limit {limit}:1"
SAFETY_BAD_SHEET_XML = "part {part} is not well-formed XML and cannot be read safely"
SAFETY_BOMB_ARCHIVE_RATIO = "all parts expand to {size}, a compression ratio of {ratio}:1, limit {limit}:1"
SAFETY_EXTENSION_ADVICE = {
    ".xls": "Open it in Excel or WPS, save it as .xlsx (Excel Workbook) and upload again.",
    ".xlsm": "Workbooks with macros (.xlsm) are not accepted: save it as an .xlsx (Excel Workbook) without macros.",
    ".csv": "Open the CSV file in Excel or WPS, arrange it as in the blank template and save it as .xlsx (Excel Workbook).",
    ".et": "Save it in WPS as .xlsx (Excel Workbook) and upload again.",
    "": "Save it as .xlsx (Excel Workbook) and upload again.",
}

# --- Versioned store (store.py) and editors (auth.py). ---
EDITOR_REQUIRED = "Saving or rolling back data requires a logged-in editor."
VERSION_NOT_FOUND = "There is no version {number}."
STORE_POSTGRES_PENDING = "PostgreSQL storage is not supported yet ({url}): only SQLite file paths are."
AUDIT_SEED = "Initial data {file_name}, created version {number}"
AUDIT_UPLOAD = "Uploaded {file_name}, created version {number}"
AUDIT_ROLLBACK = "Rolled back to version {source}, created version {number}"
AUDIT_LOGIN = "Logged in"
AUDIT_LOGIN_FAILED = "Wrong password ({count} in a row)"
AUDIT_LOGIN_UNKNOWN = "Unknown user name"
AUDIT_LOGIN_LOCKED = "Too many login attempts: login refused while locked"
AUDIT_EDITOR_ADDED = "Added editor “{name}”"
AUDIT_EDITOR_REMOVED = "Removed editor “{name}”"
PASSWORD_TOO_SHORT = "The password needs at least {min} characters."
EDITOR_NAME_EMPTY = "The editor's name cannot be empty."
EDITOR_NAME_TOO_LONG = "The editor's name cannot be longer than {max} characters."
EDITOR_EXISTS = "Editor “{name}” already exists."
EDITOR_MISSING = "There is no editor “{name}”."
LOGIN_FAILED = "Wrong user name or password."
LOGIN_LOCKED = "Too many failed logins; try again in {seconds} seconds."

# --- Store package (store/): sessions, compare-and-swap saves, full disk, PostgreSQL; audit in words (audit.py). ---
SESSION_EXPIRED = "Your login has expired or you have logged out; log in again before saving."
STALE_VERSION = "The data has been updated by someone else (this was based on version {based_on}, the current one is version {current}); nothing was written."
STORE_FULL = "The server's disk is full, so the operation did not complete; the existing data has not changed in any way. Ask the system administrator to free disk space, then try again."
STORE_UNREACHABLE = "Cannot connect to the database ({url}): {reason}"
STORE_SCHEMA_TOO_NEW = "The database structure is version {found}, newer than version {known} supported by this program: upgrade the program first."
STORE_URL_UNSUPPORTED = "Unsupported data store address: {url} (use a file path, sqlite:/// or postgresql://)."
EDITOR_NAME_CONTROL = "The editor's name cannot contain control or invisible characters."
LOGIN_BAD_AND_LOCKED = "Wrong user name or password. Too many failed logins; try again in {seconds} seconds."
AUDIT_LOGOUT = "Logged out"
AUDIT_LOGIN_UNKNOWN_COUNT = "Unknown user name ({count} in a row)"
AUDIT_LOGIN_LOCKED_WAIT = "Too many login attempts: login refused while locked ({seconds} seconds left)"
AUDIT_EDITOR_REMOVED_SESSIONS = "Removed editor “{name}”, ending {sessions} logins"
# One keyed catalogue: an audit row keeps a code and parameters; these put it into words when it is shown.
AUDIT_DETAILS = {
    "seed": AUDIT_SEED, "upload": AUDIT_UPLOAD, "rollback": AUDIT_ROLLBACK, "login": AUDIT_LOGIN,
    "logout": AUDIT_LOGOUT, "login_failed": AUDIT_LOGIN_FAILED, "login_unknown": AUDIT_LOGIN_UNKNOWN_COUNT,
    "login_locked": AUDIT_LOGIN_LOCKED_WAIT, "editor_added": AUDIT_EDITOR_ADDED,
    "editor_removed": AUDIT_EDITOR_REMOVED_SESSIONS,
}
AUDIT_DETAIL_UNREADABLE = "(a record that cannot be shown: {action})"
AUDIT_CSV_FILE = "audit_log.csv"

# --- Command line: `python -m xq_metrics editors ...`. ---
CLI_EDITORS_HELP = "manage the editors who can upload and roll back data"
CLI_EDITORS_ADD_HELP = "add an editor (asks for the password twice)"
CLI_EDITORS_LIST_HELP = "list the editors"
CLI_EDITORS_REMOVE_HELP = "remove an editor"
CLI_EDITOR_NAME_HELP = "the editor's name"
CLI_STORE_HELP = "where the data is stored (default: the environment variable XQ_STORE, else var/xq.sqlite3)"
CLI_PASSWORD_STDIN_HELP = "read the password from standard input (for scripts)"
CLI_PASSWORD_PROMPT = "Password: "
CLI_PASSWORD_AGAIN = "Password again: "
CLI_PASSWORD_MISMATCH = "The two passwords differ."
CLI_PASSWORD_MISSING = "No password on standard input."
CLI_EDITOR_ADDED = "Added editor “{name}”."
CLI_EDITOR_REMOVED = "Removed editor “{name}”."
CLI_NO_EDITORS = "No editors yet."
CLI_EDITOR_LINE = "{name}\tadded {created}"
CLI_EDITOR_FAILURES = "\t{count} failures in a row"
CLI_EDITOR_LOCKED = "\tlocked until {until}"
AMOUNT = "Amount"
PROJECT_BOX_RANGE = "Box {box} has {count} projects ({first} to {last})."

# --- Validation report export. ---
REPORT_SHEET = "Check results"
REPORT_AUTHOR = "Data check"
REPORT_NOTE_SHEET = "Note"
REPORT_NOT_MARKED = "The problem cells could not be marked in the original file (it is too large or unusually structured); find each problem by the sheet, row and column listed in the “Check results” sheet."

# --- 数据管理 (upload, history, rollback). ---
PAGE_DATA = "Data management"
VERSION_LABEL = "Version {number}"
LOGGED_IN_AS = "Logged in: {name}"
LOGIN_TITLE = "Editor login"
LOGIN_NAME = "User name"
LOGIN_PASSWORD = "Password"
LOGIN_BUTTON = "Log in"
LOGOUT_BUTTON = "Log out"
LOGIN_NEEDED = (
    "Viewing needs no login; uploading, saving and rolling back data need an editor login. To get an editor account, ask "
    "this dashboard's administrator "
    "(who runs python -m xq_metrics editors add NAME on the server). "
    "You stay logged in when the page is reloaded; you must log in again after {idle} hours idle or {absolute} hours in all."
)
UPLOAD_TITLE = "Upload new data"
UPLOAD_LABEL = "Choose a workbook (.xlsx)"
UPLOAD_HELP = "Excel workbooks (.xlsx) only. Save .xls, .xlsm, .csv, .et and other files as .xlsx in Excel/WPS (“Save As”) before uploading."
REPORT_TITLE = "Check results"
REPORT_OK = "The file can be used: all {read} figures in it were read."
REPORT_OK_NO_FIGURES = "The file can be used."
REPORT_BAD = "The file has {errors} errors and cannot be saved. Correct them as listed below and upload again; the data in use has not changed in any way."
REPORT_IGNORED = "The file can be saved, but {ignored} figures in it were not read and will not be saved (see “figures were not read” below). Check them before saving."
REPORT_COUNTS_LINE = "{errors} errors · {warnings} warnings · {infos} notes"
METRIC_FIGURES_READ = "Figures read"
METRIC_FIGURES_CHANGED = "Figures to add or change"
METRIC_FIGURES_IGNORED = "Figures not read"
REPORT_XLSX_BUILD = "Building the workbook with problem cells marked"
LOSS_BANNER = "Caution: saving will delete {removed} rows and clear {blanked} existing values of the current data. Check the entries marked “Removed” and “Cleared” in the table below."
PLAN_BANNER = "Saving will change {plan} items of the plan (indicator targets, attributes, towns, projects and the like); check the table below before confirming."
CONFIRM_BOX = "I have checked: delete {removed} rows, clear {blanked} existing values and change {plan} items of the plan"
REPLACE_TABLES = "Replace whole tables with this file (optional)"
REPLACE_TABLES_HELP = "In the chosen tables, rows that are in the current data but not in this file will be deleted. Choose none to only add and update, never delete."
REPLACE_NONE = "No replacing: only add and update"
ROLLBACK_PREVIEW = "What restoring version {number} would change"
REPORT_COUNTS = "Counts by code"
REPORT_JSON = "Download check results (JSON)"
REPORT_XLSX = "Download the workbook with problem cells marked (.xlsx)"
REPORT_JSON_FILE = "check_results.json"
REPORT_XLSX_FILE = "check_results.xlsx"
PREVIEW_TITLE = "Compared with the current data"
PREVIEW_TABLES = "Changes by table"
PREVIEW_IN_UPLOAD = "In this upload"
PREVIEW_KEPT = "Unchanged"
PREVIEW_EMPTY = "Same as the current data: nothing changes."
PREVIEW_FIRST = "{total:,} changes in all; the table lists the first {shown:,}."
SAME_FILE = "The same file (identical SHA-256) was saved as version {number} at {time}."
SAVE_BUTTON = "Save as a new version"
CANCEL_BUTTON = "Cancel"
SAVED = "Saved as version {number}; every user sees the new data at once."
CANCELLED = "Cancelled; the data has not changed."
HISTORY_TITLE = "Version history"
HISTORY_CHOOSE = "Choose a version"
DOWNLOAD_ORIGINAL = "Download this version's original file"
ROLLBACK_BUTTON = "Restore as the current version"
ROLLED_BACK = "Restored version {source} as the current data (version {number})."
AUDIT_TITLE = "Audit log"
AUDIT_DOWNLOAD = "Download audit log (CSV)"
AUDIT_FILE = "audit_log.csv"
KIND_LABELS = {"seed": "Initial data", "upload": "Upload", "rollback": "Rollback"}
AUDIT_ACTIONS = {
    **KIND_LABELS, "login": "Login", "login_failed": "Login failed", "login_locked": "Login locked",
    "editor_added": "Editor added", "editor_removed": "Editor removed",
    "logout": "Logout", "login_unknown": "Login failed",
}

# --- Status reasons (status.py): how each colour was reached, in words an official can check by hand. ---
REASON_ASSESSED = "Manual assessment for {year} ({assessor}): {note}"
DEFAULT_ASSESSOR = "responsible unit"
REASON_QUALITATIVE = "The target is qualitative; the responsible unit needs to enter a manual assessment."
REASON_NO_VALUE = "No value reported yet."
REASON_AWAIT_CITY = "The city-assigned target for {year} has not been entered yet."
REASON_CITY = "Actual {value} in {year}, which {verb} the city-assigned target {target}."
REACHED, NOT_REACHED = "reaches", "does not reach"
REASON_NO_REFERENCE = "The reference data “{name}” for {year} is missing."
UNSPECIFIED = "not specified"
NO_UNIT = "no unit"
REASON_RELATIVE = "{value} in {year}, against {ref} for the reference “{name}”: a gap of {gap} percentage points (within ±{tol} counts as keeping pace)."
REASON_SHARE_MISSING = "This indicator is a district total and the district figure for the same year is missing, so the target cannot be scaled to the town; not judged yet."
REASON_SHARE = " (district target {goal} scaled to {town_goal} by the town's {share} share of the district in {year})"
REASON_FLOOR = "{value} in {year}, yearly floor {goal}, ratio {ratio}."
REASON_CUMULATIVE_MET = "{total} cumulative over {years}, meeting the five-year cumulative target {goal}."
REASON_CUMULATIVE = "{total} cumulative over {years}; at {per_year} a year, {expected} is due after {n} years; completion ratio {ratio}."
REASON_CUMULATIVE_FINAL = "{total} cumulative over {years}; the five-year cumulative target {goal} is due by {final}; completion ratio {ratio}."
REASON_CUMULATIVE_GAPS = " ({missing} not reported: prorated over the reported years only, with years not reported never counted as 0)"
REASON_MET = "{value} in {year}, which {word} the target {target}."
MET_LEVEL, MET_BOUND = "reaches", "meets"
REASON_NOT_MET = "{value} in {year}, which does not meet the target {target}."
REASON_NO_BASE = "Only one value ({year}) and no baseline in the plan, so progress cannot be judged yet; it will be judged along the path once the next year's value is in."
REASON_FELL_BELOW = "The baseline {base} in {base_year} met the target; {value} in {year} no longer meets the target {target}."
REASON_PATH = "Baseline {base} in {base_year}; along the straight path {expected} was due in {year}, actual {value}, progress ratio {ratio}."

# --- Data-quality flags (quality.py). {jump} is quality.JUMP_SHARE, so label and rule cannot disagree. ---
FLAG_LABELS = {
    "target_met_at_base": "Target met at baseline",
    "target_behind_base": "Target behind baseline (wrong direction)",
    "out_of_range": "Value out of range",
    "jump": "Change from previous year over {jump:.0%}",
    "missing_year": "Years missing in series",
    "target_unread": "Target cannot be read",
}
FLAG_TARGET_UNREAD = "The target “{target}” cannot be read."
FLAG_TARGET_BEHIND_BASE = "The baseline in {base_year} is {base:g} and the 2025 target {target:g}: the target lies behind the baseline."
FLAG_TARGET_MET_AT_BASE = "The baseline in {base_year} is {base:g}, which already meets the target {target}."
FLAG_OUT_OF_RANGE = "{value:g}{unit} in {year} is outside the plausible range."
FLAG_JUMP = "{prev:g} in {prev_year} → {value:g} in {year}."
FLAG_MISSING_YEARS = "No values for {years}."
FLAG_YEAR = "{year}"

# --- Command line: `python -m xq_metrics check FILE`. ---
CLI_CHECK_HELP = "check whether a workbook follows the data format"
CLI_JSON_HELP = "output JSON"
CLI_STANDALONE_HELP = "do not build on the built-in plan data: the workbook must bring its own plan structure, indicators and towns"
CLI_FILE_NOT_FOUND = "File not found: {path}"
CLI_REPORT_HEAD = "{path}: {verdict}"
CLI_USABLE = "can be used"
CLI_UNUSABLE = "has errors, cannot be used"
CLI_FINDING_LINE = "[{severity}] {code} {where}: {message} {hint}"
CLI_SUMMARY = "{indicators} indicators, {observations} monitoring values, {towns} towns, {projects} projects."
CLI_UPLOAD_HELP = "check and upload a workbook (the same checks, preview and saving as the “Data management” page)"
CLI_UPLOAD_EDITOR_HELP = "the editor's name (required to save)"
CLI_DRY_RUN_HELP = "only check and preview, do not save"
CLI_ALLOW_REMOVALS_HELP = "allow saving an upload that deletes rows or clears existing values"
CLI_ALLOW_PLAN_HELP = "allow saving an upload that changes the plan (indicator targets, attributes, towns, projects and the like)"
CLI_REPLACE_HELP = "replace a whole table with this file (the sheet name, e.g. 基期数据; may be repeated)"
CLI_UNKNOWN_SHEET = "There is no sheet “{name}”."
CLI_LOGIN_FAILED = "Login failed: wrong user name or password, or temporarily locked after too many attempts. Nothing was saved."
CLI_EDITOR_MISSING = "Saving needs --editor with the editor's name (add --dry-run to only check)."
CLI_REMOVALS_REFUSED = "This upload would delete {removed} rows and clear {blanked} existing values; nothing was saved. If that is right, run again with --allow-removals."
CLI_PLAN_REFUSED = "This upload would change {plan} items of the plan; nothing was saved. If that is right, run again with --allow-plan-changes."
CLI_SAVED = "Saved as version {number}."

# --- Where a finding is (findings.Finding.where): sheet, Excel row, column letter and its header. ---
WHERE_SHEET = "Sheet “{sheet}”"
WHERE_ROW = " row {row}"
WHERE_COLUMN = ", column {column}"
WHERE_HEADER = " ({header})"

# --- Reading a workbook (reader.py, loader.py). ---
UNKNOWN_CHAPTER_PLACE = "chapter {chapter}"  # {seen} of UNKNOWN_SECTION
UNKNOWN_SECTION_PLACE = "chapter {chapter}, section {section}"

# --- Places in the plan (model.plan_place). ---
CHAPTER_LABEL = "Chapter {chapter}"
CHAPTER_SECTION_LABEL = "Chapter {chapter} Section {section}"
TITLED_PLACE = "{place} {title}"

# --- Upload preview (diff.py): kinds of change; also the count columns on the 数据管理 page. ---
CHANGE_ADDED = "Added"
CHANGE_REMOVED = "Removed"
CHANGE_CHANGED = "Changed"
CHANGE_BLANKED = "Cleared"
CHANGE_KINDS = {"added": CHANGE_ADDED, "removed": CHANGE_REMOVED, "changed": CHANGE_CHANGED, "blanked": CHANGE_BLANKED}
CONFIRM_NEEDED = "Saving will delete {removed} rows, clear {blanked} existing values and change {plan} items of the plan; this needs confirming."
SAVE_CONFLICT = "Since the preview, someone else has changed the same entries ({fields}). To avoid overwriting them, nothing was saved: upload again, check the new preview, then save."
SAVE_NO_LONGER_VALID = "Since the preview, the data has been changed by someone else, and this file no longer passes the checks against the latest data. Nothing was saved: upload again to see the check results."
WORK_BUSY = "The server is busy with other files: nothing was saved or rolled back, and the data in use are unchanged. Please try again in a minute."
WORK_STOPPED = "The work was stopped ({limit}). If it was a save or a rollback, it may or may not have been completed: check the history below for a new version before trying again."

# --- Validation report columns (report.py): the 检查结果 sheet and the tables on the 数据管理 page. ---
REPORT_COL_SEVERITY = "Severity"
REPORT_COL_CODE = "Code"
REPORT_COL_SHEET = "Sheet"
REPORT_COL_ROW = "Row"
REPORT_COL_COLUMN = "Column"
REPORT_COL_HEADER = "Header"
REPORT_COL_SEEN = "Value found"
REPORT_COL_UNDERSTOOD = "Read as"
REPORT_COL_MESSAGE = "Message"
REPORT_COL_HINT = "What to do"
REPORT_COL_COUNT = "Count"

# --- Blank template and format tables (template.py, pages/9_数据格式.py). ---
TEMPLATE_FILE_NAME = "xiqing_urbanization_monitoring_template_full.xlsx"
COLUMN_KIND_LABELS = {"text": "Text", "int": "Whole number", "number": "Number", "year": "Year"}
FORMAT_COL_HEADER = "Header"
FORMAT_COL_REQUIRED = "Required"
FORMAT_COL_KIND = "Type"
FORMAT_COL_HELP = "Description"
FORMAT_COL_ALIASES = "Also accepted as"
FORMAT_REQUIRED_YES = "Yes"
FORMAT_REQUIRED_NEW = "For new rows"
FORMAT_ROLE_INFO = " Optional; when “是否示例” is “是”, every value in the file is marked as sample."
FORMAT_ROLE_DATA = "Submitted by each unit"
FORMAT_ROLE_CATALOGUE = "Content of the plan, maintained by the plan's lead department"
FORMAT_SHEET_NOTE = " ({role}. Matched to existing data by “{keys}”: existing rows update only the cells filled in, missing rows are added; empty cells and empty sheets never delete any data.)"
DOWNLOAD_TEMPLATE_DATA = "Download submission template (for units submitting data)"
DOWNLOAD_TEMPLATE_FULL = "Download full template (with the plan's content)"
TEMPLATE_DATA_FILE_NAME = "xiqing_urbanization_monitoring_submission_template.xlsx"

# --- 指标详情 page (indicator_view.py): target reading, base and the tables. ---
TARGET_UNREAD_NOTE = " (cannot be read; treated as needing manual assessment)"
BASE_VALUE = "{value:g}{unit} in {year}"
DETAIL_COL_YEAR = "Year"
DETAIL_COL_VALUE = "Value"
DETAIL_COL_STATUS = "Status"
DETAIL_COL_EXPECTED = "Expected path value"
DETAIL_COL_SOURCE = "Source"
DETAIL_COL_FLAG = "Flag"
DETAIL_COL_TOWN = "Town"
DETAIL_COL_NOTE = "Note"
DETAIL_COL_LATEST_YEAR = "Latest year"
DETAIL_COL_LATEST = LATEST_LABEL
DETAIL_COL_REASON = STATUS_REASON
DETAIL_COL_NAME = "Name"
DETAIL_COL_UNIT = "Unit"
DETAIL_COL_QUOTE = "Plan text"

# --- 口径说明 page: each indicator's target as read (method.py). ---
METHOD_COL_CODE = "Code"
METHOD_COL_INDICATOR = "Indicator"
METHOD_COL_TARGET_TEXT = "2025 target (as worded)"
METHOD_COL_READ_AS = "Read as"
METHOD_COL_TARGET_VALUE = "Target value"
METHOD_COL_DIRECTION = DIRECTION_LABEL
METHOD_COL_ATTRIBUTE = ATTRIBUTE_LABEL
METHOD_UNREAD_NOTE = " (cannot be read)"

# --- 总览 and 街镇 pages: a town with no values, its projects. ---
NO_TOWN_VALUES_DISTRICT = NO_TOWN_VALUES + " ({towns}); district-wide data is shown below."
TOWN_PROJECT_COL_NAME = "Name"

# --- 数据管理 page tables (pages/7_数据管理.py). ---
PREVIEW_COL_TABLE = "Table"
PREVIEW_COL_SCOPE = "This upload"
PREVIEW_COL_KIND = "Change"
PREVIEW_COL_KEY = "Key"
PREVIEW_COL_FIELD = "Field"
PREVIEW_COL_OLD = "Old value"
PREVIEW_COL_NEW = "New value"
HISTORY_COL_VERSION = "Version"
HISTORY_COL_TIME = "Time"
HISTORY_COL_EDITOR = "Saved by"
HISTORY_COL_KIND = "Type"
HISTORY_COL_FILE = "File"
HISTORY_COL_SHA = "SHA-256"
HISTORY_COL_DATASET = DATASET_LABEL
HISTORY_COL_ROLLED_BACK_FROM = "Rolled back from"
AUDIT_COL_TIME = "Time"
AUDIT_COL_EDITOR = "Person"
AUDIT_COL_ACTION = "Action"
AUDIT_COL_DETAIL = "Details"


# --- Streamlit's own controls: already in English, so nothing is replaced in the browser. ---
STREAMLIT_UI: dict[str, str] = {}
STREAMLIT_UI_PATTERNS: list[list[str]] = []
PRINT_HEADER = "{app}{page} · {view} · data version {version} · printed {date}"

# --- 重点任务, 任务进展 and 部门 (schema.py, loader.py, deadlines.py, tasks.py; issue 14). ---
PENDING_UNIT = "To be assigned"  # a task without a 牵头单位: the plan's 分工表 is not published, so none is guessed
DATE_FORMAT = "{year}-{month:02d}-{day:02d}"
DEADLINE_BY = "due by {date}"
DEADLINE_ONGOING = "standing task, never judged overdue"
DEADLINE_UNREAD_SHORT = "deadline cannot be read, never judged overdue"
FILTER_DEPARTMENT = "Department"
NO_DEADLINE = "Not set"
ALL_TOWNS_LABEL = "All towns ({count})"
TASK_PROGRESS_LABEL = "Progress in {year}"
ROLLUP_COL_PLACE = "Chapter / section"
ROLLUP_COL_TASKS = "Tasks"
ROLLUP_COL_STATUSES = "Task progress"
ROLLUP_COL_OVERDUE = "Overdue"
ROLLUP_COL_BEHIND = "Share lagging or overdue"
ROLLUP_COL_INDICATORS = "Main indicators (by status)"
ROLLUP_COL_PROJECTS = "Major projects"
ROLLUP_PROJECTS = "{count} · {disclosed} disclosed, {amount}亿元"
TASK_COL_CODE = "Code"
TASK_COL_PLACE = "Chapter / section"
TASK_COL_NAME = "Task"
TASK_COL_LEAD = "Lead unit"
TASK_COL_SUPPORT = "Supporting units"
TASK_COL_DEADLINE = "Deadline"
TASK_COL_DUE = "Due date"
TASK_COL_STATUS = "Progress status"
TASK_COL_OVERDUE = "Overdue"
TASK_COL_YEAR = "Progress year"
TASK_COL_NOTE = "Progress note"
TASK_COL_EVIDENCE = "Supporting evidence"
DEPT_COL_NAME = "Department"
DEPT_COL_LEADS = "Tasks led"
DEPT_COL_SUPPORTS = "Tasks supported"
DEPT_COL_OVERDUE = "Overdue"
DEPT_COL_LAGGING = "Led tasks lagging"
DEPT_COL_UNREPORTED = "Led tasks without progress for the latest year"

# --- 任务分工 page (pages/4_任务分工.py). ---
PAGE_TASKS = "Tasks & responsibilities"
TASKS_INTRO = (
    "The {count} key tasks of Chapters 3 to 7 of the plan (the summary sentence opening each paragraph is the task's name), "
    "by chapter and section. Lead unit, supporting units and deadline are taken from the latest assignment reported up to "
    "the chosen year; the progress status from the latest report, and “未报送” (not submitted) where none was submitted. "
    "**Overdue** = the deadline has passed (the deadline day itself is not overdue) and the task is not “已完成”; "
    "standing tasks such as “持续推进” and deadlines that cannot be read are never judged overdue."
)
TASKS_PENDING = "{count} tasks have no lead unit yet and show “To be assigned”: the plan's task assignment table (《目标任务分工表》) has not been published, and the dashboard does not guess. They show once an assignment table is uploaded."
NO_TASKS = "The current data has no key tasks."
NO_TASKS_MATCH = "No task matches ({filters})."
METRIC_TASKS = "Tasks"
METRIC_OVERDUE = "Overdue"
METRIC_UNREPORTED = "Not submitted for {year}"
METRIC_UNREPORTED_NONE = "Progress not submitted"
FILTER_TASK_STATUS = "Progress status"
BEHIND_ONLY = "Only lagging or overdue"
SEARCH_TASKS = "Search tasks"
SEARCH_TASKS_PLACEHOLDER = "Task name, code, content, unit or progress keywords"
ROLLUP_TITLE = "Progress by chapter and section"
ROLLUP_NOTE = (
    "Tasks are counted by progress status, and the chapters add up to the total number of tasks below; the higher the "
    "“Share lagging or overdue”, the more attention is needed (click a column name to sort). "
    "Main indicators are counted by their status on the “Overview”; major projects show the total investment disclosed by "
    "the plan (undisclosed amounts are not counted)."
)
TREE_TAB = "By chapter"
TABLE_TAB = "Task table"
TABLE_NOTE = "{count} tasks; click a column name to sort."
OVERDUE_BADGE = "Overdue"
TASK_SHOWN = "Showing {shown} of {total} tasks"
CHART_TASKS_BY_CHAPTER = "Task progress by chapter"
TIP_CHAPTER = "Chapter"
TIP_TASK_STATUS = "Progress status"
TIP_TASKS = "Tasks"

# --- 部门 page (pages/5_部门.py). ---
PAGE_DEPARTMENTS = "Departments"
CHOOSE_DEPARTMENT = "Choose a department"
CHOOSE_DEPARTMENT_PLACEHOLDER = "Choose one department"
DEPARTMENTS_INTRO = (
    "Choose a department to see the key tasks it leads or supports, the main indicators and major projects it is "
    "responsible for, and its overdue tasks and tasks without submitted progress. "
    "The choice is written into the link (dept=…): copy the link to share the same view."
)
NO_DEPARTMENTS = (
    "The current data has no list of departments: the plan's task assignment table (《目标任务分工表》) has not been published, and the lead unit "
    "of all {count} tasks is “To be assigned”. "
    "Upload a file with the sheets “部门” and “任务进展” under “Data management” (see “Data format”)."
)
WORKLOAD_TITLE = "Tasks by department"
WORKLOAD_NOTE = "Counted by the assignments of the latest year; click a column name to sort."
DEPT_METRIC_LEADS = "Tasks led"
DEPT_METRIC_SUPPORTS = "Tasks supported"
DEPT_METRIC_OVERDUE = "Overdue"
DEPT_METRIC_UNREPORTED = "Not submitted for {year}"
DEPT_METRIC_INDICATORS = "Indicators responsible"
DEPT_METRIC_PROJECTS = "Projects responsible"
DEPT_TOWN = " ({town})"
DEPT_OVERDUE_TITLE = "Overdue tasks"
DEPT_OVERDUE_NOTE = "Tasks past their deadline and not yet completed (led or supported)."
DEPT_UNREPORTED_TITLE = "Led tasks without submitted progress for {year}"
DEPT_LEADS_TITLE = "Tasks led"
DEPT_SUPPORTS_TITLE = "Tasks supported"
DEPT_INDICATORS_TITLE = "Main indicators responsible for"
DEPT_PROJECTS_TITLE = "Major projects responsible for"
DEPT_NOTHING = "{name} leads or supports no task in the current view, and is responsible for no indicator or project."
DEPT_NONE_HERE = "None."
DEPT_ALL_CLEAR = "No overdue tasks."
DEPT_ALL_REPORTED = "Progress submitted for all tasks led."
IND_COL_INDICATOR = "Indicator"
IND_COL_LATEST = "Latest value"
IND_COL_YEAR = "Year"
IND_COL_STATUS = "Status"
IND_COL_REASON = "Basis for status"

# --- 总览: one line per chapter of the plan's tasks (app.py). ---
OVERVIEW_TASKS_TITLE = "Key task progress ({count}, by chapter)"
OVERVIEW_TASKS_LINE = "{chapter}: {parts}"
OVERVIEW_TASKS_OVERDUE = " · :red[{count} overdue]"
OVERVIEW_TASKS_LINK = "Open tasks & responsibilities"

# --- 监测评估报告 (report_doc.py, report_docx.py, report_pdf.py). Every sentence of the report is one of these phrases
# filled with figures the pages show; nothing else is written. ---
DOC_SUBTITLE = "Implementation Monitoring Report {year}"
DOC_SUBTITLE_NO_YEAR = "Implementation Monitoring Report"
DOC_DRAFT = "(Draft)"
DOC_PLAN_PERIOD = "2023–2025"
DOC_FILE_STEM = "Xiqing New-Type Urbanization Plan Monitoring Report {year}"
DOC_RUNNING_HEAD = "{subtitle} · {scope}"
DOC_COVER_PERIOD = "Plan period"
DOC_COVER_YEAR = "Report year"
DOC_COVER_SCOPE = "Report scope"
DOC_COVER_VERSION = "Data version"
DOC_COVER_MADE = "Generated"
DOC_MADE_BY = "{time}, by {app}"
DOC_VERSION_LINE = "{version} (saved {time} by {editor}, file: {file})"
DOC_VERSION_FILE = "file {file} (read {time})"
DOC_SAMPLE_STATEMENT = (
    "The data used in this report includes sample data (for demonstration only, not real figures published by the "
    "statistics authorities; {count} values in all). Values, statuses and sentences resting on sample data are marked "
    "“示例” (sample), and pages with sample content say “Contains sample data” in the header. Before official "
    "submission, the sample data must be replaced with data published by the statistics authorities."
)
DOC_SAMPLE_MARK = "Contains sample data"
DOC_SAMPLE_PAGE_MARK = "This page contains sample data"
DOC_TOC = "Contents"
DOC_TOC_UPDATE = "(Right-click here in Word or WPS and choose “Update Field” to build or refresh the table of contents)"
DOC_PAGE = "Page {page}"
DOC_PAGE_OF = "Page {page} of {pages}"
DOC_H1 = "{n}. {title}"
DOC_H2 = "({n}) {title}"
DOC_TABLE_CAPTION = "Table {n} {title}"
DOC_FIGURE_CAPTION = "Figure {n} {title}"
DOC_BULLET = "· {text}"
DOC_ITEMS = ""
DOC_NONE = "None."
DOC_NOTE_TITLE = "Notes"
DOC_NOTE = (
    "This first draft was generated automatically by the monitoring dashboard from {version}; the report year is {year} and "
    "the scope: {scope}. Values, progress statuses and the basis for each status are all taken from the data, and the "
    "rules are set out in the appendix “Definitions”; values not reported say “not reported”, and are neither estimated nor "
    "counted as 0. The section “Next steps” is left blank for the drafting unit to fill in."
)
DOC_NOTE_SAMPLE = "The data includes {count} sample values (for demonstration, not real statistics); every status resting on sample data is marked “示例” (sample)."
DOC_INDICATORS = "Main indicators"
DOC_NO_INDICATORS = "No main indicators in the scope of this report."
DOC_INDICATOR_SUMMARY = "{count} of the plan's main indicators are in the scope of this report; of the {judged} judged on {who} data: {parts}."
DOC_ALERTS = " {count} alerts (binding indicators lagging): {names}."
DOC_NO_ALERTS = " No alerts."
DOC_DISTRICT_NOT_COUNTED = " {count} more indicators are not reported by town for {town}; the table lists them with district-wide data, marked “(district)”, and they are not counted above."
DOC_DISTRICT_MARK = " (district)"
DOC_FALLBACK_MARK = " (not reported by town for {town}: district-wide data)"
DOC_COL_CATEGORY = "Category"
DOC_COL_INDICATOR = "Indicator (unit)"
DOC_COL_BASE = "Baseline"
DOC_COL_STATUS = "Progress status"
DOC_BASE = "{value} ({year})"
DOC_INDICATOR_TABLE = "Main indicators ({who})"
DOC_INDICATOR_TABLE_NOTE = (
    "Note: 2025 targets as worded in the plan; the baseline is the one progress is judged from (the plan's baseline value; "
    "for a town, its earliest reported value); "
    "how progress status and trend are judged is set out in the appendix “Definitions”; “示例” means the status rests on sample data."
)
DOC_STATUS_PART = "{status}: {count} ({names})"
DOC_CATEGORY_HEAD = "{category} ({count} indicators): {parts}."
DOC_CATEGORY_OTHERS = " Also {parts}."
DOC_SENTENCE = "{name}: {status}. {reason}"
DOC_SENTENCE_EARLIER = "{name}: not reported for {year}; judged {status} on the value for {latest}. {reason}"
DOC_SENTENCE_NOT_REPORTED = "{name}: not reported for {year}; no value reported yet."
DOC_GAUGES = "{category}: targets and actual values (the tick marks the 2025 target)"
DOC_HISTORY = "{name}: values by year and target ({who})"
DOC_TOWNS = "Towns"
DOC_TOWNS_INTRO = "{indicators} indicators are reported by town, covering {towns} towns in the scope of this report. Each town's values and progress statuses are in the table below; rankings run from best to worst in each indicator's direction."
DOC_TOWNS_TABLE = "Indicator values and progress status by town"
DOC_TOWNS_HEATMAP = "Town × indicator progress status"
DOC_RANKING = "{name}: {order} (district: {district})."
DOC_RANKING_NONE = "{name}: no town has reported."
DOC_RANK_OF = " {town} is ranked no. {rank} of the {count} towns that reported."
DOC_RANK_NONE = " {town} has not reported."
DOC_TASKS = "Key tasks"
DOC_TASKS_NOT_IN_DATA = "The current data has no key tasks yet (sheets “重点任务” and “任务进展”), so this section is empty."
DOC_TASKS_NONE_IN_SCOPE = "No key tasks in the scope of this report ({scope})."
DOC_TASKS_NO_PROGRESS = "The assignment and progress of the tasks have not been submitted in the data format yet (sheet “任务进展”), so every task below is “未报送” (not submitted) and its lead unit “To be assigned”."
DOC_TASKS_SUMMARY = (
    "{count} key tasks are in the scope of this report: {parts}; {overdue} overdue; progress for {year} not submitted for "
    "{unreported}; no lead unit yet (to be assigned) for {pending}."
)
DOC_TASK_CHAPTER = "{count} key tasks in this chapter: {parts}; {overdue} overdue; progress for {year} not submitted for {unreported}."
DOC_TASK_TABLE = "Key tasks of {chapter}"
DOC_PROJECTS = "Major projects"
DOC_PROJECTS_NONE = "No major projects in the scope of this report."
DOC_PROJECTS_SUMMARY = "{count} major projects are in the scope of this report ({total} in the plan's 7 boxes). {metrics}."
DOC_METRIC = "{label}: {value} ({covers})"
DOC_COL_DISCLOSED_TOTAL = "Disclosed total investment (亿元)"
DOC_COL_DISCLOSURE = "Disclosure"
DOC_PROJECTS_BY_BOX = "Major projects by box and construction status"
DOC_PROJECTS_CHART = "Disclosed total investment by box (by construction status)"
DOC_PROJECTS_LARGEST = "Largest projects by total investment (projects with disclosed total investment only)"
DOC_PROBLEMS = "Problems"
DOC_PROBLEMS_LAGGING = "Lagging indicators and alerts"
DOC_PROBLEMS_OVERDUE = "Overdue tasks and projects"
DOC_PROBLEMS_QUALITY = "Data quality flags"
DOC_PROBLEMS_MISSING = "Values not reported"
DOC_OVERDUE_TASK = "{code} {name}: lead unit {lead}, deadline {deadline}, progress status {status}."
DOC_OVERDUE_PROJECT = "Project {code} {name}: completion year {end} has passed; construction status {status}."
DOC_FLAGS_TABLE = "Data quality flags (flags only; the data is not changed)"
DOC_MISSING_VALUE = "{name} ({town}) not reported for {year}"
DOC_MISSING_TASKS = "Key tasks without submitted progress for {year}: {count} ({codes})."
DOC_MISSING_PROJECTS = "Major projects without reported progress for {year}: {count} ({codes})."
DOC_NEXT_STEPS = "Next steps"
DOC_APPENDIX = "Appendix"
DOC_APPENDIX_METHOD = "Definitions"
DOC_APPENDIX_SOURCES = "Data sources"
DOC_SOURCES_INTRO = "The data used in this report is {version}, compiled from the following workbooks:"
DOC_SOURCES_TABLE = "Data sources"
DOC_SOURCES_CITED = "Sources of the monitoring values (number of values in brackets): {items}."
DOC_SOURCES_PLAN = "Plan targets, baselines, town roles, major projects and key tasks are all entered as worded in the plan; five-year cumulative targets count {first}–{last}."
CLI_REPORT_HELP = "generate the monitoring report (Word or PDF), with scope and year as in the page filters"
CLI_REPORT_FILE_HELP = "use this workbook's data (on top of the built-in plan); without it, the current version in the data store"
CLI_REPORT_YEAR_HELP = "report year, e.g. 2024; without it, the latest year"
CLI_REPORT_TOWN_HELP = "report on this town only (may be repeated)"
CLI_REPORT_CHAPTER_HELP = "report on this chapter only, e.g. 5 or 第五章 (may be repeated)"
CLI_REPORT_DEPARTMENT_HELP = "report only on what this department leads or supports, by name or alias (may be repeated)"
CLI_REPORT_FORMAT_HELP = "docx (Word) or pdf; without it, by the output file's extension, docx by default"
CLI_REPORT_OUTPUT_HELP = "output file; without it, named after the report in the current directory"
CLI_REPORT_UNKNOWN = "{items} do not exist; no report was generated. Years available: {years}."
CLI_REPORT_SUFFIX = "The extension of the output file {path} does not match the format {format}; no report was generated."
CLI_REPORT_UNWRITABLE = "Cannot write {path}: {reason}"
CLI_REPORT_WRITTEN = "Generated {path} ({scope})."

# --- Excel exports (exports.py): any table, the current view, the whole data set. ---
EXPORT_SHEET_INDICATORS = "Indicator status"
EXPORT_SHEET_VALUES = "Indicator values"
EXPORT_SHEET_TOWNS = "Town status"
EXPORT_SHEET_PROJECTS = "Major projects"
EXPORT_SHEET_TASKS = "Key task progress"
EXPORT_COL_JUDGED_YEAR = "Year judged"
EXPORT_INFO_SAMPLE = "Contains sample data"
EXPORT_SAMPLE_YES = "Yes ({count} sample values in the data; their cells are shaded orange and carry a comment)"
EXPORT_INFO_TIME = "Exported at"
EXPORT_INFO_NOTE = "Purpose"
EXPORT_VIEW_NOTE = (
    "The data of the current view, for reading and forwarding; every sheet can be filtered by its first row. An empty cell "
    "with a “not reported” comment means the value was not reported (it is not 0). "
    "To change data, download the workbook “Download full data (editable for upload)” on the “Report export” page."
)
EXPORT_DATASET_NOTE = (
    "All data in use, in the same format as on the “Data format” page: it can be edited and uploaded on the “Data "
    "management” page, and uploading it unchanged changes nothing. "
    "The cells of its {count} sample values are shaded orange with a “示例” comment: values left as they are stay sample "
    "values, values you change are recorded as officially reported."
)

# --- 报告导出 page (pages/6_报告导出.py) and the download buttons under every table and chart (ui.py). ---
PAGE_REPORT = "Report export"
REPORT_PAGE_INTRO = (
    "With the towns, chapters, departments and year chosen in the sidebar, generate a first draft of the plan "
    "implementation monitoring report in one click (Word to edit, PDF to print), "
    "or download the current view or all data as Excel. The report's figures, statuses and bases for status match the "
    "pages; “Next steps” is left blank for the drafting unit to fill in."
)
REPORT_PAGE_REPORT = "Monitoring report"
REPORT_DOWNLOAD_DOCX = "Download Word report (.docx)"
REPORT_DOWNLOAD_PDF = "Download PDF report"
REPORT_DOWNLOAD_NOTE = "The first download takes some ten seconds (it draws all charts); downloading the same view again is instant. If Word asks to update fields when opening, choose “Yes” to fill in the page numbers of the contents."
REPORT_PAGE_EXPORTS = "Data download (Excel)"
EXPORT_VIEW_BUTTON = "Download current view (indicators, values, towns, projects, tasks)"
EXPORT_DATASET_BUTTON = "Download full data (editable for upload)"
EXPORT_VIEW_FILE = "monitoring_dashboard_current_view_{scope}"
EXPORT_DATASET_FILE = "monitoring_dashboard_full_data_v{number}_{date}.xlsx"
REPORT_EXPORTS_NOTE = (
    "The current-view workbook has one sheet per table, plus a sheet “说明” giving the scope, the data version and whether "
    "it contains sample data. The full-data workbook has the same format as the “Data format” page, "
    "and uploading it unchanged changes nothing. Every table and every chart on the pages also has download buttons below it (Excel, PNG, SVG)."
)
REPORT_PAGE_OUTLINE = "Report preview"
REPORT_OUTLINE_NOTE = "The text of each part of the report (charts and tables by title only), the same as in the Word and PDF downloads."
REPORT_OUTLINE_EMPTY = "(This section is left blank for the drafting unit to fill in.)"
DOWNLOAD_TABLE_XLSX = "Download Excel"
DOWNLOAD_CHART_PNG = "PNG"
DOWNLOAD_CHART_SVG = "SVG"
GAUGES_FILES = "Gauges of this group:"  # before the PNG and SVG of a 类别's gauges on the overview
GAUGES_FILE = "{category} gauges"

# Typography of joined words: 精武镇, 杨柳青镇 · Target: … · 18.5 (2024)
SEP = ", "
COLON = ": "
PAREN_OPEN = " ("
PAREN_CLOSE = ")"

HTML_LANG = "en"  # the page's lang attribute: fonts and screen readers follow it

# --- big data (issue 13) ---
PAGE_RANGE = "Items {first:,}–{last:,} of {total:,}"
HEATMAP_PAGED = (
    "Many indicators: the heat map lists {size} indicators a page; turn the page for the others, or pick any "
    "indicator in the town ranking below."
)
PROJECTS_TOP = (
    "Many projects: the table lists the {shown:,} largest by total investment; {hidden:,} more are not listed "
    "(narrow with search and filters). The Excel download holds all {total:,}."
)
PROJECT_CHOICE_LIMITED = "The projects to choose from are the {shown:,} listed above; find others with search or filters first."
CHART_TOP = "Many projects: the chart draws the {shown:,} with the largest investment; {hidden:,} more are not drawn."
LARGEST_LISTED = "The {shown:,} largest by total investment are listed; {hidden:,} more are not. The Excel download holds all {total:,}."
