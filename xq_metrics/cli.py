"""Command line: `python -m xq_metrics check FILE [--json] [--standalone]`.

Exit 0 when the file is usable, 1 when it has errors, 2 on wrong usage. Never a traceback for a bad file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from . import texts
from .defaults import load_plan
from .findings import Finding
from .loader import LoadResult, load
from .model import Dataset
from .quality import flags_for
from .status import evaluate
from .targets import parse


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m xq_metrics", description=texts.APP_TITLE)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="检查一个工作簿是否符合数据格式")
    check.add_argument("file", type=Path)
    check.add_argument("--json", action="store_true", help="以 JSON 输出")
    check.add_argument(
        "--standalone", action="store_true", help="不以内置规划数据为基础：工作簿须自带规划结构、指标和镇街"
    )
    args = parser.parse_args(argv)
    result = run_check(args.file, args.standalone)
    if args.json:
        json.dump(report(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text_report(args.file, result))
    return 0 if result.ok else 1


def run_check(path: Path, standalone: bool = False) -> LoadResult:
    if not path.is_file():
        from .findings import finding

        return LoadResult(None, [finding("NOT_XLSX", detail=f"找不到文件 {path}")])
    base = None if standalone else load_plan().dataset
    return load(path, base=base)


def report(result: LoadResult) -> dict[str, object]:
    """The JSON shape of a check: findings, and what the file holds once merged with the base."""
    out: dict[str, object] = {"ok": result.ok, "findings": [_finding(f) for f in result.findings]}
    data = result.dataset
    out["indicators"] = [_indicator(data, i) for i in data.indicators] if data else []
    out["towns"] = [t.name for t in data.towns] if data else []
    out["projects"] = [
        {"code": p.code, "name": p.name, "box": p.box, "chapter": p.chapter, "section": p.section,
         "town": "、".join(p.towns) or None, "investment_yi": p.investment_yi}
        for p in data.projects
    ] if data else []
    return out


def _finding(f: Finding) -> dict[str, object]:
    keep = ("severity", "code", "sheet", "row", "column", "header", "seen", "understood", "message", "hint")
    return {k: getattr(f, k) for k in keep}


def _indicator(data: Dataset, indicator) -> dict[str, object]:
    target = parse(indicator.target_text)
    judgement = evaluate(data, indicator)
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "category": indicator.category,
        "attribute": indicator.attribute,
        "chapter": indicator.chapter,
        "section": indicator.section,
        "target_text": indicator.target_text,
        "target": {"kind": target.kind, "value": target.value, "text": target.text},
        "base_year": indicator.base_year,
        "base_value": indicator.base_value,
        "status": judgement.status,
        "alert": judgement.alert,
        "trend": judgement.trend,
        "flags": sorted({f.code for f in flags_for(data, indicator)}),
        "values": [
            {"period": str(o.year), "town": o.town, "value": o.value}
            for o in sorted(data.observations, key=lambda o: (o.year, o.town))
            if o.indicator == indicator.name
        ],
    }


def text_report(path: Path, result: LoadResult) -> str:
    lines = [f"{path}：{'可以使用' if result.ok else '有错误，不能使用'}"]
    for f in result.findings:
        lines.append(f"[{texts.SEVERITY[f.severity]}] {f.code} {f.where}：{f.message} {f.hint}".rstrip())
    if result.dataset:
        d = result.dataset
        lines.append(f"指标 {len(d.indicators)} 个，监测值 {len(d.observations)} 条，镇街 {len(d.towns)} 个，项目 {len(d.projects)} 个。")
    return "\n".join(lines) + "\n"
