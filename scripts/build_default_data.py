"""Build the two default workbooks shipped with the dashboard.

    python scripts/build_default_data.py

writes

* data/规划基础数据.xlsx — the plan 天津市西青区新型城镇化发展规划（2023—2025年） itself, transcribed
  from its text: structure, the 18 headline indicators, the 2022 figures of 第一章第一节, the towns
  named in 第三章第三节 and the 37 items of the seven 专栏.  No figure is invented: where the plan gives
  no number the cell is empty, and the plan's wording is kept as it stands (oddities included).
* data/示例监测数据.xlsx — ILLUSTRATIVE monitoring values (示例), not real statistics.

The data are the literal tables below; the sheet layout comes from xq_metrics/schema.py.
The output is deterministic: fixed workbook properties and fixed zip timestamps.
"""

from __future__ import annotations

import datetime as _dt
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402
from openpyxl.writer.excel import ExcelWriter  # noqa: E402

from xq_metrics import schema  # noqa: E402

DATA_DIR = ROOT / "data"
PLAN_FILE = DATA_DIR / "规划基础数据.xlsx"
SAMPLE_FILE = DATA_DIR / "示例监测数据.xlsx"

PLAN_NAME = "天津市西青区新型城镇化发展规划（2023—2025年）"
FIXED_TIME = _dt.datetime(2023, 7, 1, 0, 0, 0)
SAMPLE_SOURCE = "示例数据（非真实统计）"


# ═════════════════════════════════════════════════════════════════════════════
# Workbook 1: 规划基础数据 — transcribed from the plan text
# ═════════════════════════════════════════════════════════════════════════════

PLAN_INFO = [
    {"field": schema.INFO_NAME, "value": PLAN_NAME},
    {"field": schema.INFO_SAMPLE, "value": "否"},
    {"field": schema.INFO_NOTE, "value": "本数据集按规划原文逐项摘录，原文表述照录；规划未给出数值之处留空。"},
]

# ── 规划结构：8章28节（原文各章节数：2、3、3、4、4、4、4、4） ───────────────────────────────────────────────────────────
STRUCTURE = [
    {"chapter": 1, "chapter_title": "规划背景", "section": 1, "section_title": "发展基础", "source": "第一章第一节"},
    {"chapter": 1, "chapter_title": "规划背景", "section": 2, "section_title": "发展趋势", "source": "第一章第二节"},
    {"chapter": 2, "chapter_title": "总体要求", "section": 1, "section_title": "指导思想", "source": "第二章第一节"},
    {"chapter": 2, "chapter_title": "总体要求", "section": 2, "section_title": "基本原则", "source": "第二章第二节"},
    {"chapter": 2, "chapter_title": "总体要求", "section": 3, "section_title": "主要目标", "source": "第二章第三节"},
    {"chapter": 3, "chapter_title": "融入京津冀协同发展 优化城镇化发展格局", "section": 1,
     "section_title": "全面融入京津冀协同发展", "source": "第三章第一节"},
    {"chapter": 3, "chapter_title": "融入京津冀协同发展 优化城镇化发展格局", "section": 2,
     "section_title": "持续优化“两心三带三区，多点支撑”空间格局", "source": "第三章第二节"},
    {"chapter": 3, "chapter_title": "融入京津冀协同发展 优化城镇化发展格局", "section": 3,
     "section_title": "加快推动街镇特色化发展", "source": "第三章第三节"},
    {"chapter": 4, "chapter_title": "聚集创新发展动力 建设现代化活力新城", "section": 1,
     "section_title": "强化特色产业支撑", "source": "第四章第一节"},
    {"chapter": 4, "chapter_title": "聚集创新发展动力 建设现代化活力新城", "section": 2,
     "section_title": "集聚创新创业动能", "source": "第四章第二节"},
    {"chapter": 4, "chapter_title": "聚集创新发展动力 建设现代化活力新城", "section": 3,
     "section_title": "建设津城西部消费之都", "source": "第四章第三节"},
    {"chapter": 4, "chapter_title": "聚集创新发展动力 建设现代化活力新城", "section": 4,
     "section_title": "打造大运河闪亮明珠", "source": "第四章第四节"},
    {"chapter": 5, "chapter_title": "建设智慧绿色安全城区 打造高品质生活空间", "section": 1,
     "section_title": "建设舒适便利的宜居之城", "source": "第五章第一节"},
    {"chapter": 5, "chapter_title": "建设智慧绿色安全城区 打造高品质生活空间", "section": 2,
     "section_title": "建设运行高效的智慧之城", "source": "第五章第二节"},
    {"chapter": 5, "chapter_title": "建设智慧绿色安全城区 打造高品质生活空间", "section": 3,
     "section_title": "建设低碳生态的绿色之城", "source": "第五章第三节"},
    {"chapter": 5, "chapter_title": "建设智慧绿色安全城区 打造高品质生活空间", "section": 4,
     "section_title": "建设富有韧性的安全之城", "source": "第五章第四节"},
    {"chapter": 6, "chapter_title": "推进城乡融合发展 实现城乡共同繁荣", "section": 1,
     "section_title": "加快城乡要素合理有序自由流动", "source": "第六章第一节"},
    {"chapter": 6, "chapter_title": "推进城乡融合发展 实现城乡共同繁荣", "section": 2,
     "section_title": "推进城乡基本公共服务普惠共享", "source": "第六章第二节"},
    {"chapter": 6, "chapter_title": "推进城乡融合发展 实现城乡共同繁荣", "section": 3,
     "section_title": "推进城乡基础设施一体化发展", "source": "第六章第三节"},
    {"chapter": 6, "chapter_title": "推进城乡融合发展 实现城乡共同繁荣", "section": 4,
     "section_title": "推进城乡产业协同发展", "source": "第六章第四节"},
    {"chapter": 7, "chapter_title": "健全城镇化发展机制 推进治理能力现代化", "section": 1,
     "section_title": "创新现代人口服务管理机制", "source": "第七章第一节"},
    {"chapter": 7, "chapter_title": "健全城镇化发展机制 推进治理能力现代化", "section": 2,
     "section_title": "完善城市社会治理体系", "source": "第七章第二节"},
    {"chapter": 7, "chapter_title": "健全城镇化发展机制 推进治理能力现代化", "section": 3,
     "section_title": "构建新型城镇化发展资金保障机制", "source": "第七章第三节"},
    {"chapter": 7, "chapter_title": "健全城镇化发展机制 推进治理能力现代化", "section": 4,
     "section_title": "提升政府行政管理效能", "source": "第七章第四节"},
    {"chapter": 8, "chapter_title": "规划实施保障", "section": 1, "section_title": "加强组织领导", "source": "第八章第一节"},
    {"chapter": 8, "chapter_title": "规划实施保障", "section": 2, "section_title": "完善政策配套", "source": "第八章第二节"},
    {"chapter": 8, "chapter_title": "规划实施保障", "section": 3, "section_title": "强化项目支撑", "source": "第八章第三节"},
    {"chapter": 8, "chapter_title": "规划实施保障", "section": 4, "section_title": "凝聚社会合力", "source": "第八章第四节"},
]

# ── 指标：第二章第三节“2023—2025年新型城镇化发展主要指标”表，18项 ───────────────────
_T = "第二章第三节 主要指标表 序号"
_NO_BASE = "规划未给出基期数"

INDICATORS = [
    {"code": 1, "category": "城镇化水平", "name": "常住人口城镇化率", "unit": "%",
     "target_text": "完成“十四五”规划目标", "attribute": "预期性",
     "chapter": 7, "section": 1,
     "base_year": 2022, "base_value": 95.61,
     "base_note": "第一章第一节：2022年末全区常住人口城镇化率达到95.61%",
     "source": _T + "1；论述见第七章第一节（促进农村转移人口市民化，提升城镇化的发展水平）"},
    {"code": 2, "category": "城镇化水平", "name": "居民人均可支配收入增长", "unit": "%",
     "target_text": "与经济增长基本同步", "attribute": "预期性",
     "reference": "地区生产总值增长",
     "chapter": 2, "section": 3,
     "base_note": "第一章给出2022年居民人均可支配收入47300元，为水平值而非增速",
     "source": _T + "2；论述见第二章第三节（主要目标：全区居民人均可支配收入增长与经济增长基本同步，正文各章无专门论述）"},
    {"code": 3, "category": "市民化质量", "name": "外来务工人员随迁子女在公办学校接受义务教育比例", "unit": "%",
     "target_text": "100", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "3；论述见第六章第二节（以公办学校为主，做好随迁子女义务教育保障工作）"},
    {"code": 4, "category": "市民化质量", "name": "学前三年毛入园率", "unit": "%",
     "target_text": ">90", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "4；论述见第六章第二节（推动城乡教育资源均衡配置；规划未专门论述学前教育）"},
    {"code": 5, "category": "市民化质量", "name": "每千常住人口拥有执业（助理）医师数", "unit": "人",
     "target_text": "落实市里下达指标", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "5；论述见第六章第二节（统筹城乡公共服务体系建设，提高医疗机构服务水平）"},
    {"code": 6, "category": "市民化质量", "name": "基本养老保险参保人数", "unit": "万人",
     "target_text": "23.32", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": "第一章给出户籍人口基本养老保险参保覆盖率93.06%，口径不同",
     "source": _T + "6；论述见第六章第二节（完善城乡社会保障与救助体系，积极实施全民参保计划）"},
    {"code": 7, "category": "市民化质量", "name": "基本医疗保险参保人数", "unit": "万人",
     "target_text": "65.97", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "7；论述见第六章第二节（完善城乡社会保障与救助体系，积极实施全民参保计划）"},
    {"code": 8, "category": "市民化质量", "name": "城镇调查失业率", "unit": "%",
     "target_text": "6以内", "attribute": "预期性", "direction": "越小越好",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "8；论述见第六章第二节（健全城乡就业公共服务体系，完善失业动态监测）"},
    {"code": 9, "category": "市民化质量", "name": "新增劳动力平均受教育年限", "unit": "年",
     "target_text": "15.4", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "9；论述见第六章第二节（推动城乡教育资源均衡配置；职业培训另见第七章第一节）"},
    {"code": 10, "category": "市民化质量", "name": "城镇新增就业", "unit": "万人",
     "target_text": "每年不少于2.3万人", "attribute": "预期性",
     "chapter": 6, "section": 2,
     "base_note": _NO_BASE,
     "source": _T + "10；论述见第六章第二节（健全城乡就业公共服务体系，深入推进“乐业西青”行动）"},
    {"code": 11, "category": "城市功能", "name": "制造业增加值占地区生产总值比重", "unit": "%",
     "target_text": "35", "attribute": "预期性",
     "chapter": 4, "section": 1,
     "base_note": "规划未给出基期数（第一章给出三大主导产业工业增加值占比66.8%，口径不同）",
     "source": _T + "11；论述见第四章第一节（巩固提升优势制造业，坚持制造业强区）"},
    {"code": 12, "category": "城市功能", "name": "城市公园绿地服务半径覆盖率", "unit": "%",
     "target_text": "80", "attribute": "预期性",
     "chapter": 6, "section": 3,
     "base_note": _NO_BASE,
     "source": _T + "12；论述见第六章第三节（加强“口袋公园”建设，不断完善区域公园绿地布局；另见第五章第三节合理布局口袋公园）"},
    {"code": 13, "category": "城市功能", "name": "城镇生活垃圾无害化处理率", "unit": "%",
     "target_text": "100", "attribute": "约束性",
     "chapter": 6, "section": 3,
     "base_year": 2022, "base_value": 100,
     "base_note": "第一章第一节：全区生活垃圾无害化处理率达到100%",
     "source": _T + "13；论述见第六章第三节（建立健全生活垃圾无害化处置体系）"},
    {"code": 14, "category": "城市功能", "name": "除特殊事项外政务服务事项网上可办比例", "unit": "%",
     "target_text": "100", "attribute": "预期性",
     "chapter": 7, "section": 4,
     "base_note": _NO_BASE,
     "source": _T + "14；论述见第七章第四节（提高数字化服务水平，政务服务事项“应上尽上、全程在线”）"},
    {"code": 15, "category": "生态环境", "name": "单位GDP能源消耗降低", "unit": "%",
     "target_text": "﹝15﹞", "attribute": "约束性", "direction": "越大越好",
     "chapter": 5, "section": 3,
     "base_note": "规划未给出基期数（表注：〔〕为五年累计数）",
     "source": _T + "15；论述见第五章第三节（推进绿色生产与生活方式，加快构建碳达峰“1+N”政策体系）"},
    {"code": 16, "category": "生态环境", "name": "城市空气质量优良天数比例", "unit": "%",
     "target_text": "落实市里下达指标", "attribute": "约束性",
     "chapter": 5, "section": 3,
     "base_note": "第一章给出2022年达标天数264天，为天数而非比例，未换算",
     "source": _T + "16；论述见第五章第三节（提升人居环境质量，强化PM2.5与臭氧协同治理）"},
    {"code": 17, "category": "生态环境", "name": "地表水达到或优于Ⅲ类水体比例", "unit": "%",
     "target_text": "落实市里下达指标", "attribute": "约束性",
     "chapter": 5, "section": 3,
     "base_note": _NO_BASE,
     "source": _T + "17；论述见第五章第三节（统筹水资源、水环境、水生态，加快实施水环境修复提升工程）"},
    {"code": 18, "category": "生态环境", "name": "森林覆盖率", "unit": "%",
     "target_text": "14", "attribute": "约束性",
     "chapter": 5, "section": 3,
     "base_year": 2022, "base_value": 24,
     "base_note": "第一章第一节“高标准建设绿色生态屏障……森林覆盖率达到24%”：该句论述绿色生态屏障，"
                  "24%可能是屏障区而非全区的覆盖率；原文如此，高于2025年目标14",
     "source": _T + "18；论述见第五章第三节（建设蓝绿交织生态城区，绿色生态屏障建设）"},
]

# ── 基期数据：第一章第一节给出的2022年（或截至2022年累计）数据 ──────────────────────────
_F1 = "第一章第一节（城镇综合承载能力大幅提高）"
_F2 = "第一章第一节（产城融合发展格局不断优化）"
_F3 = "第一章第一节（城区功能品质稳步提升）"
_F4 = "第一章第一节（城镇生态环境不断改善）"
_F5 = "第一章第一节（城乡融合发展持续推进）"

FACTS = [
    {"name": "常住人口城镇化率", "year": 2022, "value": 95.61, "unit": "%", "indicator": 1,
     "quote": "2022年末全区常住人口城镇化率达到95.61%", "source": _F1},
    {"name": "常住人口", "year": 2022, "value": 118.6, "unit": "万人",
     "quote": "常住人口增加到118.6万人", "source": _F1},
    {"name": "地区生产总值", "year": 2022, "value": 946.61, "unit": "亿元",
     "quote": "2022年，西青区实现地区生产总值946.61亿元", "source": _F1},
    {"name": "一般公共预算收入", "year": 2022, "value": 67, "unit": "亿元",
     "quote": "实现一般公共预算收入67亿元", "source": _F1},
    {"name": "全社会固定资产投资", "year": 2022, "value": 410, "unit": "亿元",
     "quote": "全社会固定资产投资达到410亿元", "source": _F1},
    {"name": "居民人均可支配收入", "year": 2022, "value": 47300, "unit": "元", "indicator": 2,
     "quote": "全区居民人均可支配收入达到47300元", "source": _F1},
    {"name": "三大主导产业工业增加值占比", "year": 2022, "value": 66.8, "unit": "%",
     "quote": "2022年电子信息、汽车及装备制造、生物医药三大主导产业实现工业增加值占比达到66.8%", "source": _F2},
    {"name": "5条重点产业链产值增速", "year": 2022, "value": 20, "unit": "%",
     "quote": "集成电路、车联网等5条重点产业链产值增速达到近20%", "source": _F2},
    {"name": "“雏鹰”“瞪羚”科技领军企业数", "year": 2022, "value": 450, "unit": "家",
     "quote": "全区“雏鹰”企业、“瞪羚”企业、科技领军企业达到450家", "source": _F2},
    {"name": "区级及以上创新创业平台", "year": 2022, "value": 28, "unit": "个",
     "quote": "建成众创空间、重点实验室、产业技术研究院等区级及以上创新创业平台28个", "source": _F2},
    {"name": "5G网络基站（累计）", "year": 2022, "value": 5721, "unit": "座",
     "quote": "累计建设5G网络基站5721座", "source": _F3},
    {"name": "在营公共充电桩", "year": 2022, "value": 6000, "unit": "个",
     "quote": "在营公共充电桩6000余个", "source": _F3},
    {"name": "集中供热普及率", "year": 2022, "value": 99.9, "unit": "%",
     "quote": "集中供热普及率达到99.9%", "source": _F3},
    {"name": "生活垃圾无害化处理率", "year": 2022, "value": 100, "unit": "%", "indicator": 13,
     "quote": "全区生活垃圾无害化处理率达到100%", "source": _F3},
    {"name": "PM2.5年均浓度", "year": 2022, "value": 38, "unit": "微克/立方米",
     "quote": "2022年大气PM2.5年均浓度降至38微克/立方米", "source": _F4},
    {"name": "PM2.5年均浓度同比改善", "year": 2022, "value": 7.3, "unit": "%",
     "quote": "同比改善7.3%", "source": _F4},
    {"name": "达标天数", "year": 2022, "value": 264, "unit": "天", "indicator": 16,
     "quote": "达标天数264天", "source": _F4},
    {"name": "达标天数同比增加", "year": 2022, "value": 23, "unit": "天",
     "quote": "同比增加23天", "source": _F4},
    {"name": "城镇污水处理率", "year": 2022, "value": 99.29, "unit": "%",
     "quote": "城镇污水处理率达到99.29%", "source": _F4},
    {"name": "重点建设用地安全利用率", "year": 2022, "value": 100, "unit": "%",
     "quote": "重点建设用地安全利用率达到100%", "source": _F4},
    {"name": "受污染耕地安全利用率", "year": 2022, "value": 91, "unit": "%",
     "quote": "受污染耕地安全利用率保持在91%以上", "source": _F4},
    {"name": "一级管控区内林地面积", "year": 2022, "value": 2.12, "unit": "万亩",
     "quote": "一级管控区内林地面积达到2.12万亩", "source": _F4},
    {"name": "生态屏障区蓝绿空间占比", "year": 2022, "value": 79, "unit": "%",
     "quote": "生态屏障区蓝绿空间占比达到79%", "source": _F4},
    {"name": "累计新增造林", "year": 2022, "value": 1.3, "unit": "万亩",
     "quote": "累计新增造林1.3万亩", "source": _F4},
    {"name": "累计植树", "year": 2022, "value": 100, "unit": "万株",
     "quote": "植树100万株", "source": _F4},
    {"name": "森林覆盖率", "year": 2022, "value": 24, "unit": "%", "indicator": 18,
     "quote": "森林覆盖率达到24%", "source": _F4},
    {"name": "户籍人口基本养老保险参保覆盖率", "year": 2022, "value": 93.06, "unit": "%", "indicator": 6,
     "quote": "全区户籍人口基本养老保险参保覆盖率达93.06%", "source": _F5},
    {"name": "累计建成高标准农田", "year": 2022, "value": 8.6, "unit": "万亩",
     "quote": "累计建成高标准农田8.6万亩", "source": _F5},
    {"name": "累计建成设施农业", "year": 2022, "value": 2.44, "unit": "万亩",
     "quote": "设施农业2.44万亩", "source": _F5},
    {"name": "修建公厕和卫生户厕", "year": 2022, "value": 1, "unit": "万座",
     "quote": "修建公厕和卫生户厕近万座", "source": _F5},
]

# ── 镇街：第三章第三节点名的11个镇街 ──────────────────────────────────────────────
_S33 = "第三章第三节 "

TOWNS = [
    {"name": "杨柳青镇", "kind": "历史文化名镇",
     "positioning": "突出杨柳青大运河国家文化公园建设……打造大运河畔最闪亮的明珠",
     "aliases": "杨柳青", "stat_code": "120111101", "source": _S33 + "做精历史文化名镇"},
    {"name": "精武镇", "kind": "历史文化名镇",
     "positioning": "打造以“青年城”为定位的大学城商圈，弘扬“德润精武”文化，加速升级文旅产业，激发精武文化产业消费活力",
     "aliases": "精武", "stat_code": "120111104", "source": _S33 + "做精历史文化名镇"},
    {"name": "中北镇", "kind": "产城融合强镇",
     "positioning": "坚持现代制造业引领区域发展……做实“花乡”特色品牌……打造“新中北、新城区、新商圈”地区品牌",
     "aliases": "中北", "stat_code": "120111100", "source": _S33 + "做大产城融合强镇"},
    {"name": "大寺镇", "kind": "产城融合强镇",
     "positioning": "着力推进汽车、医药、装备制造等产业链条，加快重点产业配套建设，持续提升产业综合承载能力",
     "aliases": "大寺", "stat_code": "120111105", "source": _S33 + "做大产城融合强镇"},
    {"name": "张家窝镇", "kind": "产城融合强镇",
     "positioning": "依托南站区域作为西部城市中心核心区的战略定位……全力打造“站产城”一体发展的京津冀城市群重要节点",
     "aliases": "张家窝", "stat_code": "120111103", "source": _S33 + "做大产城融合强镇"},
    {"name": "王稳庄镇", "kind": "生态休闲小镇",
     "positioning": "聚焦国家级车联网先导区建设……全力打造智能创新、大美稻香、绿色涵养、生态宜居、法治平安的智慧生态强镇",
     "aliases": "王稳庄", "stat_code": "120111106", "source": _S33 + "做优生态休闲小镇"},
    {"name": "辛口镇", "kind": "生态休闲小镇",
     "positioning": "依托“绿水青山就是金山银山”实践创新基地和全国乡村旅游重点镇建设……打造“七彩辛口”乡村旅游品牌",
     "aliases": "辛口", "stat_code": "120111102", "source": _S33 + "做优生态休闲小镇"},
    {"name": "李七庄街", "kind": "宜居宜业街区",
     "positioning": "以王兰庄国际商贸城市场采购贸易试点落地为契机，建设外贸转型升级示范区",
     "aliases": "李七庄街道、李七庄", "stat_code": "120111002", "source": _S33 + "做强宜居宜业街区"},
    {"name": "西营门街", "kind": "宜居宜业街区",
     "positioning": "围绕大健康、中医药产业，大力发展康养经济",
     "aliases": "西营门街道、西营门", "stat_code": "120111001", "source": _S33 + "做强宜居宜业街区"},
    {"name": "赤龙南街", "kind": "宜居宜业街区",
     "positioning": "以“五社联动”为抓手，突出“小而精”“小而优”“小而美”，建设“精致慢街区”",
     "aliases": "赤龙南街道、赤龙南", "stat_code": "120111003", "source": _S33 + "做强宜居宜业街区"},
    {"name": "津门湖街", "kind": "宜居宜业街区",
     "positioning": "围绕社区精细化服务水平提升，着力打造生态优美、人文宜居、品质时尚、智慧科技的现代化高品质街区",
     "aliases": "津门湖街道、津门湖", "stat_code": "120111005", "source": _S33 + "做强宜居宜业街区"},
]

# ── 项目：7个专栏共37项 ─────────────────────────────────────────────────────────
BOX_TITLES = {
    1: "城市空间格局提升工程",
    2: "特色小镇培育创建工程",
    3: "制造业升级提升工程",
    4: "打造九大消费场景",
    5: "路网基础设施提升工程",
    6: "生态治理提升工程",
    7: "社会民生提升工程",
}
# (chapter, section) after which each 专栏 stands in the text.
BOX_PLACE = {1: (3, 2), 2: (3, 3), 3: (4, 1), 4: (4, 3), 5: (5, 1), 6: (5, 3), 7: (6, 2)}

PROJECTS = [
    # 专栏1 城市空间格局提升工程（第三章第二节）
    {"code": "1-1", "name": "南部产城示范中心先导区",
     "investment_yi": 200, "investment_note": "约200亿元", "land_area": 2, "land_area_unit": "平方公里",
     "floor_area": 213.35, "floor_area_unit": "万平方米",
     "summary": "位于天津市外环线南部，西至荣乌联络线，东至津淄公路，南至赛达大道，总面积2平方公里，"
                "总建筑面积213.35万平方米，总投资约200亿元。先导区的建设将重塑城市形象，植入发展引擎……"},
    {"code": "1-2", "name": "南站综合片区",
     "land_area": 10, "land_area_unit": "平方公里", "scale_note": "规划面积10平方公里",
     "summary": "位于天津市西部，规划面积10平方公里，将建成一个集科技研发、商业商务、生活配套为一体的新型高端产业园区，"
                "为对接京津冀协同发展、承接首都优质资源的新平台。"},
    # The plan gives figures for 其中元宝岛项目 only: not the 片区's total or area, so they stay notes.
    {"code": "1-3", "name": "杨柳青大运河国家文化公园片区", "towns": "杨柳青镇",
     "investment_note": "其中元宝岛项目总投资约33.97亿元",
     "scale_note": "其中元宝岛项目规划面积50.35公顷，其中东岛19.87公顷、西岛30.48公顷",
     "summary": "位于杨柳青镇，其中元宝岛项目规划面积50.35公顷，其中东岛19.87公顷、西岛30.48公顷，"
                "项目总投资约33.97亿元，将推动文化和旅游融合发展，推动古镇复兴。"},
    {"code": "1-4", "name": "中北运河艺术之城片区", "towns": "中北镇",
     "land_area": 313, "land_area_unit": "公顷", "scale_note": "拟策划用地约313公顷",
     "summary": "位于中北镇，拟策划用地约313公顷，以天津美院、天津音乐学院为基础，依托中北镇运河文化，"
                "提升城市开放性，扩大城市影响力，形成良性区域社会生态。"},
    {"code": "1-5", "name": "西营门街运河文旅片区", "towns": "西营门街",
     "land_area": 47.98, "land_area_unit": "公顷",
     "floor_area": 85.71, "floor_area_unit": "万平方米",
     "summary": "该片区四至范围为东至快速路、南至芥园西道、西至中北镇、北至西青道，拟新建地块总面积约47.98公顷，"
                "总建筑面积约85.71万平方米。"},
    {"code": "1-6", "name": "中北侯台片区", "towns": "中北镇",
     "land_area": 700, "land_area_unit": "公顷", "scale_note": "总用地约700公顷",
     "summary": "位于中北镇，以“一心双轴，多组团”思路规划，总用地约700公顷，将打造集高品质住宅、假日休闲、"
                "综合服务、创新型商务商业为一体的生态宜居城区和开放活力片区。"},

    # 专栏2 特色小镇培育创建工程（第三章第三节）
    {"code": "2-1", "name": "杨柳青文化旅游特色小镇", "towns": "杨柳青镇",
     "summary": "依托大运河国家文化公园建设，围绕地域文化优势，以运河文化为魂，以运河古镇文化旅游产业为核心……"
                "打造集文化旅游观光、文化传承展示、创作学习交流、文化创意拓展等功能于一体的文化旅游类特色小镇。"},
    {"code": "2-2", "name": "中北运河商务小镇", "towns": "中北镇",
     "summary": "以“一轴两园三区四带”为总体发展思路……以汽车关键零部件制造业、高端装备制造业、战略性新兴产业为主导产业，"
                "重点建设华侨城运河水街、新城市中心二期、大悦汇商业综合体，打造商贸流通类特色小镇。"},
    {"code": "2-3", "name": "辛口镇沙窝萝卜特色小镇", "towns": "辛口镇",
     "summary": "以“沙窝”系农产品产业融合集聚区为产业动力……大力发展乡村特色旅游、农旅融合、田园康养等产业……"
                "打造传统农特类特色小镇。"},
    {"code": "2-4", "name": "精武镇尚武文化特色小镇", "towns": "精武镇",
     "summary": "围绕精武文化和天津民俗，发挥地缘和人才优势，培育市场主体，树立“精武文化品牌”，"
                "打造精武门•中华武林园、常青藤文化产业园等一批具有地区影响力的文旅产业载体，打造文化旅游类特色小镇。"},

    # 专栏3 制造业升级提升工程（第四章第一节）
    {"code": "3-1", "name": "中芯西青12英寸晶圆代工生产线项目",
     "investment_yi": 516, "scale_note": "一期建设2条12英寸晶圆代工厂生产线",
     "summary": "总投资516亿元，全部用于固定资产费用，包括建设厂房、购买设备、工器具及其他费用，"
                "一期建设2条12英寸晶圆代工厂生产线，建成达产后，主要以生产12英寸集成电路芯片产品为主。"},
    {"code": "3-2", "name": "金西盟智能化细胞工厂项目",
     "investment_yi": 6, "land_area": 18, "land_area_unit": "亩",
     "summary": "计划总投资6亿元，占地18亩，主要建设细胞药物研发制造及智能化细胞工厂自动化整体解决方案、细胞药物研发平台。"},
    {"code": "3-3", "name": "新宇涂镀项目",
     "scale_note": "高端彩涂料生产线4条，高端镀铝锌硅板材生产线两条，板材纵剪、横剪生产线各一条；"
                   "厂房40000、6000平方米，宿舍10000平方米（2栋）",
     "summary": "购置高端彩涂料生产线4条，两条高端镀铝锌硅板材生产线，板材纵剪生产线一条，板材横剪生产线一条，"
                "以及配套附属设施；建设1个40000平方米厂房和1个6000平方米厂房；建设2栋共10000平方米宿舍楼；"},
    {"code": "3-4", "name": "东鹏饮料集团华北区域总部暨天津生产基地项目",
     "land_area": 200, "land_area_unit": "亩",
     "scale_note": "6条以上饮料生产线，全面达产后年产值可达8至10亿元",
     "summary": "占地面积约200亩，将建设6条以上饮料生产线，全面达产后年产值可达8至10亿元。"},
    {"code": "3-5", "name": "西青友成工业研发项目",
     "land_area": 4.08379, "land_area_unit": "平方米",
     "summary": "建设汽车车灯模具研发制造项目，竞拍位于西青开发区地块，面积为4.08379平方米，"
                "打造友成华北地区集工业数据中台搭建、智能系统赋能质量管理、工业自动化生产于一体的智慧工厂基地项目。"},
    {"code": "3-6", "name": "南京肯特复合材料股份有限公司氟膜新材料项目",
     "floor_area": 20, "floor_area_unit": "万平方米",
     "scale_note": "计容总面积约2万平方米，容积率约1.0，建设厂房2栋",
     "summary": "预计总建筑面积约20万平方米，计容总面积约2万平方米，容积率约1.0，建设厂房2栋、办公楼、设备用房、门卫房等配套设施。"},

    # 专栏4 打造九大消费场景（第四章第三节）
    {"code": "4-1", "name": "扩容旅游消费",
     "summary": "重点推动杨柳青古镇、社会山文旅港、中北运河文化旅游区等文旅商圈建设。加快推动国潮小镇等重点文旅项目建成运营。"},
    {"code": "4-2", "name": "拓展文化消费",
     "summary": "策划举办西青区民俗文化旅游节、运河记忆非物质文化遗产宣传展示等大型节庆活动，打造西青特色节庆活动品牌……"
                "围绕音乐学院、美术学院打造音乐演出演艺、艺术展览展示等高端专业场景。引育杨柳青年画、风筝、剪纸等体验型项目。"},
    {"code": "4-3", "name": "扩大体育消费", "towns": "张家窝镇",
     "summary": "探索体育旅游融合新模式，推进张家窝镇体育公园建设。依托梅花体育用品等企业，聚焦健身休闲产业、体育用品制造，"
                "推动体育制造业转型升级……鼓励发展冰雪运动。"},
    {"code": "4-4", "name": "提振餐饮消费",
     "summary": "深入开展美食老字号振兴活动，深化“一品一方案”，大力推动狗不理包子、小李烧鸡、至美斋等品牌创新发展。"
                "优化餐饮行业布局……打造西青美食“新高地”。"},
    {"code": "4-5", "name": "促进康养消费",
     "summary": "依托西青区智慧养老服务中心，推广“互联网+养老”居家养老模式和居家养老示范项目。推动泰康养老项目建设，发展银发经济……"
                "持续打造中医药健康旅游品牌，实施中医药服务能力提升工程。"},
    {"code": "4-6", "name": "做强会展消费",
     "summary": "优化办展环境，提升西青会展业专业化、市场化、品牌化、规模化、国际化、低碳化水平……"
                "依托梅江会展中心、社会山国际会议酒店等载体，积极引育品牌化、国际化展会，优化会展业环境。"},
    {"code": "4-7", "name": "提升数字消费",
     "summary": "完善“互联网+”消费生态体系，推进智慧旅游建设，提升智慧旅游平台运维水平。"
                "大力培育新型消费，加速直播电商、跨境电商、社交电商、5G消费体验发展……打造电子商务集聚区。"},
    {"code": "4-8", "name": "提质夜间消费", "towns": "杨柳青镇、中北镇、精武镇、张家窝镇",
     "summary": "重点打造杨柳青镇、中北镇、精武镇、张家窝镇夜间经济聚集区。打造古镇夜游、商贸夜市，实施夜景灯光亮化工程……"
                "着力打造社会山国民夜市、《武传奇》精品文化演出等品牌……"},
    {"code": "4-9", "name": "丰富消费场景",
     "summary": "鼓励非遗展示、文化演出、商品市集进景区，培育打造一批体验式业态。以“让世界沉浸在年画里”为主题，"
                "探索杨柳青大运河国家化公园业态植入及运营模式……"},

    # 专栏5 路网基础设施提升工程（第五章第一节）
    {"code": "5-1", "name": "交通畅通项目",
     "summary": "开展轨道交通综合线路建设，协同推进地铁7号线、8号线、11号线、津静市郊铁路建设进度；"
                "加快推动津静公路立交桥重要入市口改造和津涞立交桥南侧匝道项目建设……推进南站科技商务区二期配套道路建设。"},
    {"code": "5-2", "name": "区内重点路网项目",
     "length_km": 6, "scale_note": "15条配套道路建设，总长约6公里",
     "summary": "完成琴韵道、宁华道、兴华九支北路等工程路网建设，完成天津市第95中学、当成中学周边等15条配套道路建设，总长约6公里。"
                "加快广乐道、海泰南道、储厚道等主干道路建设进度，提高路网通达度。"},
    {"code": "5-3", "name": "配套道路建设项目",
     "summary": "加强与市级部门沟通协作，加速推进全区开发项目配套道路建设，从优从速推动群众急难愁盼的建设项目。"},
    {"code": "5-4", "name": "梨双路改扩建工程",
     "length_km": 3.3,
     "summary": "涉及梨双公路拓宽及配套管线工程，总长约3.3公里。"},

    # 专栏6 生态治理提升工程（第五章第三节）
    {"code": "6-1", "name": "西青区绿色生态屏障一期建设项目",
     "summary": "包括生态绿廊区域的土方工程、绿化工程、水利设施及其他相关配套设施建设；生态片林区域的土方工程、植树造林、排溉设施等。"},
    {"code": "6-2", "name": "王稳庄镇水环境修复提升工程项目", "towns": "王稳庄镇",
     "scale_note": "设计污水处理规模为5.0万m³/d；1300亩人工湿地",
     "summary": "该项目整体分为两个实施环节：一是水系连通工程，将调整王稳庄镇的各个主要河道。二是1300亩人工湿地的建设，"
                "通过水系连通工程将引入湿地的污水进行净化提升。设计污水处理规模为5.0万m³/d……"},
    {"code": "6-3", "name": "西青区2021年设施农业建设项目二期东区",
     "land_area": 1792.01, "land_area_unit": "亩",
     "summary": "本项目总占地面积1792.01亩。项目建设内容主要为保暖式钢骨架大棚和节能日光温室及其他附属工程。"},
    {"code": "6-4", "name": "鸭淀水库围堤改造工程",
     "scale_note": "新筑北部围堤4.7km、新建连通涵闸一座、现状围堤加高1.5km及东南部林台边坡加固4.598km",
     "summary": "包括新筑北部围堤4.7km、新建连通涵闸一座、现状围堤加高1.5km及东南部林台边坡加固4.598km。"},

    # 专栏7 社会民生提升工程（第六章第二节）
    {"code": "7-1", "name": "张家窝市民运动中心", "towns": "张家窝镇",
     "summary": "该项目位于琴韵道与枫雅道交口。项目将服务于镇域内百姓体育健康需求，"
                "打造涵盖游泳馆、声光电健身房、多功能馆，餐饮配套等适合百姓的文体中心。"},
    {"code": "7-2", "name": "张家窝镇第一小学工程", "towns": "张家窝镇",
     "land_area": 21.9, "land_area_unit": "亩",
     "floor_area": 12959, "floor_area_unit": "平方米",
     "scale_note": "地上9361平方米，地下3598平方米；24班",
     "summary": "占地21.9亩，总建筑面积12959平方米（地上9361平方米，地下3598平方米），24班。"},
    {"code": "7-3", "name": "“大运河艺术之城”天津美术学院和天津音乐学院扩建项目",
     "scale_note": "天津美术学院扩建项目总建筑面积158000平方米；天津音乐学院扩建项目总建筑面积145000平方米（规划未给出合计数）",
     "summary": "天津美术学院扩建项目，总建筑面积158000平方米，项目主要建设内容包括教学主楼、教学组团、实训组团……"
                "天津音乐学院扩建项目，总建筑面积145000平方米，项目主要建设内容包括第一教学楼、第二教学楼、学生琴房……"},
    {"code": "7-4", "name": "天津市西青医院二期工程",
     "summary": "包括医教研综合保障中心、综合楼放射科扩建、感染性疾病科、液氧站、临时换热站及垃圾暂存站。"},
]


def _cn(n: int) -> str:
    return "一二三四五六七八九十"[n - 1]


def project_rows() -> list[dict]:
    """PROJECTS with box, box title, chapter/section and source filled in from the code."""
    rows = []
    for item in PROJECTS:
        box, no = (int(x) for x in item["code"].split("-"))
        chapter, section = BOX_PLACE[box]
        row = {
            "box": box,
            "box_title": BOX_TITLES[box],
            "chapter": chapter,
            "section": section,
            "source": f"第{_cn(chapter)}章第{_cn(section)}节 专栏{box}第{no}项",
        }
        row.update(item)
        rows.append(row)
    return rows


# ═════════════════════════════════════════════════════════════════════════════
# Workbook 2: 示例监测数据 — ILLUSTRATIVE values, NOT real statistics
# ═════════════════════════════════════════════════════════════════════════════

SAMPLE_INFO = [
    {"field": schema.INFO_NAME, "value": "示例监测数据（2023—2024年）"},
    {"field": schema.INFO_SAMPLE, "value": "是"},
    {"field": schema.INFO_NOTE, "value": "本表数值为演示用示例数据，非统计部门发布的真实数据。"},
]

# 全区：每个指标2023、2024年各一个示例值（单位同指标表）。
# 有意的组合：部分已达标（随迁子女、毛入园率、失业率、森林覆盖率），部分按进度推进，
# 制造业占比、公园绿地覆盖率明显滞后；约束性的垃圾无害化处理率2024年回落到99.2。
SAMPLE_DISTRICT = [
    {"indicator": "常住人口城镇化率", 2023: 95.78, 2024: 95.93},
    {"indicator": "居民人均可支配收入增长", 2023: 5.2, 2024: 4.6},
    {"indicator": "外来务工人员随迁子女在公办学校接受义务教育比例", 2023: 99.1, 2024: 100},
    {"indicator": "学前三年毛入园率", 2023: 92.4, 2024: 93.1},
    {"indicator": "每千常住人口拥有执业（助理）医师数", 2023: 3.25, 2024: 3.28},
    {"indicator": "基本养老保险参保人数", 2023: 22.41, 2024: 22.86},
    {"indicator": "基本医疗保险参保人数", 2023: 64.12, 2024: 65.05},
    {"indicator": "城镇调查失业率", 2023: 4.9, 2024: 5.1},
    {"indicator": "新增劳动力平均受教育年限", 2023: 15.1, 2024: 15.2},
    {"indicator": "城镇新增就业", 2023: 2.45, 2024: 2.38},
    {"indicator": "制造业增加值占地区生产总值比重", 2023: 30.2, 2024: 30.8},
    {"indicator": "城市公园绿地服务半径覆盖率", 2023: 68.5, 2024: 70.2},
    {"indicator": "城镇生活垃圾无害化处理率", 2023: 100, 2024: 99.2},
    {"indicator": "除特殊事项外政务服务事项网上可办比例", 2023: 98.6, 2024: 99.5},
    {"indicator": "单位GDP能源消耗降低", 2023: 3.1, 2024: 2.8},
    {"indicator": "城市空气质量优良天数比例", 2023: 70.1, 2024: 72.6},
    {"indicator": "地表水达到或优于Ⅲ类水体比例", 2023: 57.1, 2024: 61.5},
    {"indicator": "森林覆盖率", 2023: 24.3, 2024: 24.6},
]

TOWN_NAMES = [t["name"] for t in TOWNS]

# 分镇街：指标 -> 镇街 -> (2023, 2024)。None = 未填报（该行不写）。
# 城镇新增就业、基本养老保险参保人数的镇街合计约等于全区值。
SAMPLE_TOWNS = {
    "城镇新增就业": {
        "杨柳青镇": (0.28, 0.27), "精武镇": (0.24, 0.23), "中北镇": (0.36, 0.35),
        "大寺镇": (0.27, 0.26), "张家窝镇": (0.25, 0.26), "王稳庄镇": (0.12, 0.11),
        "辛口镇": (0.14, 0.13), "李七庄街": (0.26, 0.25), "西营门街": (0.19, 0.18),
        "赤龙南街": (0.11, 0.11), "津门湖街": (0.20, 0.20),
    },
    "学前三年毛入园率": {
        "杨柳青镇": (93.5, 94.0), "精武镇": (91.2, 92.0), "中北镇": (94.1, 94.6),
        "大寺镇": (90.6, 91.3), "张家窝镇": (92.8, 93.5), "王稳庄镇": (87.9, 89.2),
        "辛口镇": (88.4, 89.8), "李七庄街": (95.2, 95.6), "西营门街": (94.7, 95.1),
        "赤龙南街": (96.0, None), "津门湖街": (95.5, 96.2),
    },
    "城镇生活垃圾无害化处理率": {
        "杨柳青镇": (100, 100), "精武镇": (100, 100), "中北镇": (100, 100),
        "大寺镇": (100, 99.6), "张家窝镇": (100, 100), "王稳庄镇": (100, 97.5),
        "辛口镇": (100, 98.1), "李七庄街": (100, 100), "西营门街": (100, 100),
        "赤龙南街": (100, 100), "津门湖街": (100, 100),
    },
    "城市公园绿地服务半径覆盖率": {
        "杨柳青镇": (66.2, 68.0), "精武镇": (64.5, 66.1), "中北镇": (74.8, 76.3),
        "大寺镇": (58.3, 60.2), "张家窝镇": (69.0, 71.5), "王稳庄镇": (52.1, 54.0),
        "辛口镇": (55.6, 57.3), "李七庄街": (81.2, 82.0), "西营门街": (78.5, 79.6),
        "赤龙南街": (83.4, 84.1), "津门湖街": (None, 85.2),
    },
    "基本养老保险参保人数": {
        "杨柳青镇": (3.05, 3.11), "精武镇": (2.18, 2.23), "中北镇": (3.62, 3.70),
        "大寺镇": (2.26, 2.31), "张家窝镇": (2.04, 2.12), "王稳庄镇": (0.98, 1.00),
        "辛口镇": (1.21, 1.23), "李七庄街": (2.55, 2.60), "西营门街": (1.86, 1.89),
        "赤龙南街": (1.02, 1.04), "津门湖街": (1.58, 1.61),
    },
}

SAMPLE_CITY_TARGETS = [
    {"indicator": "每千常住人口拥有执业（助理）医师数", "year": 2023, "value": 3.2, "source": SAMPLE_SOURCE},
    {"indicator": "每千常住人口拥有执业（助理）医师数", "year": 2024, "value": 3.3, "source": SAMPLE_SOURCE},
    {"indicator": "城市空气质量优良天数比例", "year": 2023, "value": 70, "source": SAMPLE_SOURCE},
    {"indicator": "城市空气质量优良天数比例", "year": 2024, "value": 71, "source": SAMPLE_SOURCE},
    {"indicator": "地表水达到或优于Ⅲ类水体比例", "year": 2023, "value": 55, "source": SAMPLE_SOURCE},
    {"indicator": "地表水达到或优于Ⅲ类水体比例", "year": 2024, "value": 60, "source": SAMPLE_SOURCE},
]

# 参照数据：地区生产总值增长（%）。
SAMPLE_REFERENCE = [
    {"name": "地区生产总值增长", "town": schema.DISTRICT, "year": 2023, "value": 5.0, "source": SAMPLE_SOURCE},
    {"name": "地区生产总值增长", "town": schema.DISTRICT, "year": 2024, "value": 5.3, "source": SAMPLE_SOURCE},
]

SAMPLE_YEARS = (2023, 2024)

# 项目进展：16个项目2023、2024年的示例进展（非真实数据）。规划给出的总投资不变；其余项目总投资仍为未披露，
# 示例只给计划/完成投资。金额单位混用亿元与万元；None = 未填报（留空）。
# 编号 -> (金额单位, 牵头单位, 开工年份, 竣工年份, {年份: (计划投资, 完成投资, 建设状态)})
SAMPLE_PROGRESS = {
    "1-1": ("亿元", "区发展改革委", 2022, 2027, {2023: (25, 21.4, "在建"), 2024: (30, 27.9, "在建")}),
    "1-3": ("亿元", "杨柳青镇人民政府", 2021, 2025, {2023: (8, 7.6, "在建"), 2024: (9, 8.85, "在建")}),
    "1-4": ("亿元", "中北镇人民政府", 2025, 2027, {2023: (None, None, "谋划"), 2024: (None, None, "谋划")}),
    "2-1": ("万元", "杨柳青镇人民政府", 2022, 2025, {2023: (30000, 27500, "在建"), 2024: (35000, 36200, "在建")}),
    "3-1": ("亿元", "区发展改革委", 2022, 2026, {2023: (120, 98.5, "在建"), 2024: (150, 131.2, "在建")}),
    "3-2": ("万元", "区工业和信息化局", 2021, 2024, {2023: (20000, 18000, "在建"), 2024: (25000, 26000, "建成")}),
    "3-4": ("亿元", "区工业和信息化局", 2022, 2024, {2023: (3, 2.8, "在建"), 2024: (2, 1.9, "建成")}),
    "4-8": ("万元", "区商务局", 2022, 2023, {2023: (1200, 1150, "运营"), 2024: (1500, 1380, "运营")}),
    "5-2": ("亿元", "区住房建设委", 2022, 2025, {2023: (3.2, 2.9, "在建"), 2024: (3.5, 3.6, "在建")}),
    "5-4": ("万元", "区住房建设委", 2024, 2026, {2023: (None, None, "谋划"), 2024: (18000, 12600, "在建")}),
    "6-1": ("亿元", "区生态环境局", 2021, 2024, {2023: (4.5, 4.2, "在建"), 2024: (2, 2.1, "建成")}),
    "6-2": ("万元", "王稳庄镇人民政府", 2023, 2025, {2023: (8000, 6500, "在建"), 2024: (12000, 11800, "在建")}),
    "6-3": ("亿元", "区农业农村委", 2021, 2023, {2023: (1.2, 1.15, "建成"), 2024: (None, None, "运营")}),
    "7-1": ("万元", "张家窝镇人民政府", 2022, 2024, {2023: (9000, 8600, "在建"), 2024: (6000, 6150, "建成")}),
    "7-2": ("万元", "区教育局", 2022, 2024, {2023: (6500, 6300, "在建"), 2024: (3000, 2950, "建成")}),
    "7-4": ("亿元", "区卫生健康委", 2024, 2026, {2023: (None, None, "谋划"), 2024: (1.5, 0.9, "在建")}),
}


def sample_progress_rows() -> list[dict]:
    rows = []
    for code, (unit, lead, start, end, years) in SAMPLE_PROGRESS.items():
        for year in SAMPLE_YEARS:
            planned, completed, status = years[year]
            rows.append({"project": code, "year": year, "planned": planned, "completed": completed, "unit": unit,
                         "status": status, "start_year": start, "end_year": end, "lead_unit": lead,
                         "source": SAMPLE_SOURCE})
    return rows


def sample_value_rows() -> list[dict]:
    """指标数据 rows: district rows for every indicator, then the town rows."""
    rows = []
    for item in SAMPLE_DISTRICT:
        for year in SAMPLE_YEARS:
            rows.append({"indicator": item["indicator"], "town": schema.DISTRICT, "year": year,
                         "value": item[year], "source": SAMPLE_SOURCE})
    for indicator, by_town in SAMPLE_TOWNS.items():
        for town in TOWN_NAMES:
            for year, value in zip(SAMPLE_YEARS, by_town[town]):
                if value is None:  # deliberately not reported: no row, so the dashboard shows 未填报
                    continue
                rows.append({"indicator": indicator, "town": town, "year": year,
                             "value": value, "source": SAMPLE_SOURCE})
    return rows


# ═════════════════════════════════════════════════════════════════════════════
# Checks and writing
# ═════════════════════════════════════════════════════════════════════════════

def _check() -> None:
    names = {i["name"] for i in INDICATORS}
    assert [i["code"] for i in INDICATORS] == list(range(1, 19))
    assert len(STRUCTURE) == len({(r["chapter"], r["section"]) for r in STRUCTURE})
    assert len(FACTS) == len({f["name"] for f in FACTS})
    assert len(PROJECTS) == 37 and len({p["code"] for p in PROJECTS}) == 37
    assert len(TOWNS) == 11
    for p in PROJECTS:
        assert len(p["summary"]) <= 120, (p["code"], len(p["summary"]))
        for town in (p.get("towns") or "").split("、"):
            assert not town or town in TOWN_NAMES, (p["code"], town)
    assert [d["indicator"] for d in SAMPLE_DISTRICT] == [i["name"] for i in INDICATORS]
    for indicator, by_town in SAMPLE_TOWNS.items():
        assert indicator in names and set(by_town) == set(TOWN_NAMES), indicator
    for row in SAMPLE_CITY_TARGETS:
        assert row["indicator"] in names
    totals = {p["code"]: p.get("investment_yi") for p in PROJECTS}
    for code, (unit, _lead, start, end, years) in SAMPLE_PROGRESS.items():
        assert code in totals and unit in ("亿元", "万元") and start <= end and set(years) == set(SAMPLE_YEARS), code
        done = sum(c for _, c, _ in years.values() if c is not None) / (10000 if unit == "万元" else 1)
        assert totals[code] is None or done <= totals[code], code
    for i in INDICATORS:
        assert i["category"] in ("城镇化水平", "市民化质量", "城市功能", "生态环境")
        assert i["attribute"] in ("预期性", "约束性")


def _display_width(value) -> int:
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_sheet(wb: Workbook, sheet: schema.Sheet, records: list[dict]) -> None:
    ws = wb.create_sheet(sheet.name)
    columns = [c for c in sheet.columns if c is not schema.ACTION]  # the data remove nothing
    keys = [c.key for c in columns]
    unknown = {k for r in records for k in r} - set(keys)
    assert not unknown, (sheet.name, unknown)

    ws.append([c.header for c in columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for record in records:
        row = []
        for key in keys:
            value = record.get(key)
            if value == "":
                value = None
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            row.append(value)
        ws.append(row)
    ws.freeze_panes = "A2"

    for idx, col in enumerate(columns, start=1):
        widths = [_display_width(col.header)]
        widths += [_display_width(r[col.key]) for r in records if r.get(col.key) is not None]
        ws.column_dimensions[get_column_letter(idx)].width = min(max(max(widths) + 2, 8), 60)


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose members all carry one fixed timestamp, so the bytes do not depend on the clock."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=FIXED_TIME.timetuple()[:6])
            zinfo_or_arcname.compress_type = self.compression
            zinfo_or_arcname.external_attr = 0o600 << 16
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl streams worksheets through a temporary file; store them with the fixed timestamp too.
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes(), compress_type, compresslevel)


def write_workbook(path: Path, tables: dict[str, list[dict]]) -> None:
    """Write the given sheets (keyed by schema sheet key), in schema order."""
    wb = Workbook()
    wb.remove(wb.active)
    for sheet in schema.SHEETS:
        if sheet.key in tables:
            _write_sheet(wb, sheet, tables[sheet.key])
    props = wb.properties
    props.creator = "scripts/build_default_data.py"
    props.lastModifiedBy = "scripts/build_default_data.py"
    props.title = tables["info"][0]["value"]
    props.created = FIXED_TIME
    props.modified = FIXED_TIME

    buf = io.BytesIO()
    archive = _FixedTimeZip(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # not save_workbook(): that stamps the current time
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def main(out_dir: Path = DATA_DIR) -> None:
    _check()
    plan_file, sample_file = out_dir / PLAN_FILE.name, out_dir / SAMPLE_FILE.name
    write_workbook(plan_file, {
        "info": PLAN_INFO,
        "structure": STRUCTURE,
        "indicators": INDICATORS,
        "towns": TOWNS,
        "projects": project_rows(),
        "facts": FACTS,
    })
    write_workbook(sample_file, {
        "info": SAMPLE_INFO,
        "values": sample_value_rows(),
        "city_targets": SAMPLE_CITY_TARGETS,
        "reference": SAMPLE_REFERENCE,
        "progress": sample_progress_rows(),
    })
    for path in (plan_file, sample_file):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
