"""The embedded default data set: the plan itself plus the illustrative (示例) monitoring values."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .loader import LoadResult, load

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PLAN_WORKBOOK = DATA_DIR / "规划基础数据.xlsx"
SAMPLE_WORKBOOK = DATA_DIR / "示例监测数据.xlsx"


def load_plan(now: datetime | None = None) -> LoadResult:
    return load(PLAN_WORKBOOK, now=now)


def load_default(now: datetime | None = None) -> LoadResult:
    """The plan, then the sample values on top of it, as an official sees them on first start."""
    plan = load_plan(now)
    if plan.dataset is None:
        return plan
    sample = load(SAMPLE_WORKBOOK, base=plan.dataset, now=now)
    return LoadResult(sample.dataset, plan.findings + sample.findings)
