"""A large workbook in the project's format, for bench/run.py: 1,000 indicators, 200,000 values, 20,000 projects.

The headers come from xq_metrics.schema, so the file is what the loader expects. Written with xlsxwriter's
constant_memory mode (rows streamed to disk) and cached under bench/.cache/; the file name carries the sizes and
a format version, so changing either builds a new one.

    .venv/bin/python bench/make_big.py [--force]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from xq_metrics import schema  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
FORMAT_VERSION = 2  # 2: figures near each indicator's base, as real series are (no unit-mistake refusals)
INDICATORS = 1_000
VALUES = 200_000
PROJECTS = 20_000
YEARS = tuple(range(2016, 2026))
PLACES = VALUES // (INDICATORS * len(YEARS))  # the district plus towns: 20 places x 10 years x 1,000 indicators
CHAPTERS = 8
SECTIONS_PER_CHAPTER = 4
BOXES = 7

CATEGORIES = ("城镇化水平", "市民化质量", "城市功能", "生态环境")
TARGETS = ("100", ">90", "6以内", "每年不少于2.3万人", "﹝15﹞", "95.5", "不低于80", "与经济增长基本同步", "落实市里下达指标")
TOWN_STEMS = (
    "杨柳青", "辛口", "张家窝", "精武", "中北", "王稳庄", "李七庄", "西营门", "大寺", "赤龙南", "津门湖",
    "友谊南", "梨园头", "大沙河", "小南河", "曹庄子", "阎家庄", "侯台", "王兰庄",
)
UNITS = ("平方公里", "公顷", "亩", "平方米")


def path() -> Path:
    return CACHE / f"big-v{FORMAT_VERSION}-{INDICATORS}i-{VALUES}v-{PROJECTS}p.xlsx"


def build(target: Path) -> None:
    rng = random.Random(20250601)  # the same file on every machine
    towns = [f"{stem}{'镇' if i % 3 else '街'}" for i, stem in enumerate(TOWN_STEMS[: PLACES - 1])]
    places = [schema.DISTRICT, *towns]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp.xlsx")
    book = xlsxwriter.Workbook(str(tmp), {"constant_memory": True})

    def sheet(spec: schema.Sheet, rows: object) -> None:
        ws = book.add_worksheet(spec.name)
        keys = [c.key for c in spec.columns]
        ws.write_row(0, 0, [c.header for c in spec.columns])
        for r, values in enumerate(rows, start=1):
            ws.write_row(r, 0, [values.get(k) for k in keys])

    sheet(schema.INFO, [{"field": schema.INFO_NAME, "value": "基准测试大数据集"}, {"field": schema.INFO_SAMPLE, "value": "是"}])
    sheet(
        schema.STRUCTURE,
        (
            {"chapter": c, "chapter_title": f"第{c}章 发展任务", "section": s, "section_title": f"第{s}节 重点工作", "source": "基准"}
            for c in range(1, CHAPTERS + 1)
            for s in range(1, SECTIONS_PER_CHAPTER + 1)
        ),
    )
    bases = {i: round(rng.uniform(20, 90), 2) for i in range(1, INDICATORS + 1)}
    sheet(
        schema.INDICATORS,
        (
            {
                "code": i, "category": CATEGORIES[i % 4], "name": f"监测指标{i:04d}", "unit": "%",
                "target_text": TARGETS[i % len(TARGETS)], "attribute": "约束性" if i % 5 == 0 else "预期性",
                "chapter": 1 + i % CHAPTERS, "section": 1 + i % SECTIONS_PER_CHAPTER, "base_year": 2022,
                "base_value": bases[i], "base_note": "规划基期数", "source": "规划第二章第三节 主要指标表",
            }
            for i in range(1, INDICATORS + 1)
        ),
    )
    sheet(schema.TOWNS, ({"name": t, "kind": "宜居宜业街区", "positioning": "示例定位", "source": "基准"} for t in towns))

    def values() -> object:
        n = 0
        for i in range(1, INDICATORS + 1):
            for place in places:
                for year in YEARS:
                    n += 1
                    value: object = round(bases[i] * rng.uniform(0.85, 1.15), 2)
                    if n % 97 == 0:
                        value = None  # 未填报
                    elif n % 101 == 0:
                        value = f"{value}%"  # typed as officials type it: read with a NORMALISED warning
                    yield {
                        "indicator": f"监测指标{i:04d}", "town": place, "year": year, "value": value,
                        "source": f"{year}年统计年鉴", "note": "" if n % 13 else "初步数",
                    }

    sheet(schema.VALUES, values())
    sheet(
        schema.PROJECTS,
        (
            {
                "code": f"{1 + i % BOXES}-{i + 1}", "name": f"重点项目{i + 1:05d}", "box": 1 + i % BOXES,
                "box_title": f"专栏{1 + i % BOXES}", "chapter": 1 + i % CHAPTERS, "section": 1 + i % SECTIONS_PER_CHAPTER,
                "towns": "、".join(rng.sample(towns, 1 + i % 2)), "investment_yi": round(rng.uniform(0.5, 500), 2),
                "land_area": round(rng.uniform(1, 900), 1), "land_area_unit": UNITS[i % len(UNITS)],
                "floor_area": round(rng.uniform(1, 90), 1), "floor_area_unit": "万平方米",
                "length_km": round(rng.uniform(0.5, 30), 1) if i % 4 == 0 else None, "scale_note": "",
                "summary": "推进产城融合，完善公共服务配套设施，提升城镇综合承载能力。", "source": "规划专栏",
            }
            for i in range(PROJECTS)
        ),
    )
    book.close()
    tmp.replace(target)  # a half-written file is never mistaken for the cache


def ensure(force: bool = False) -> Path:
    target = path()
    if force or not target.exists():
        start = time.perf_counter()
        build(target)
        print(f"built {target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.1f} s")
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when cached")
    print(ensure(parser.parse_args().force))
