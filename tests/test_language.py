"""English as a second language: every page in English from the link or the sidebar's switch, Chinese by default,
and an upload reads the same in both (its vocabulary is never translated)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.pagetools import gauges
from tests.test_pages import open_link
from xq_metrics import language, texts, texts_en
from xq_metrics.defaults import load_default
from xq_metrics.loader import load

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
HAN = re.compile(r"[\u4e00-\u9fff]")


def _english_run(page: str) -> AppTest:
    """AppTest words the widgets' values in the test's own thread (a format_func runs there): it speaks English too."""
    with language.speaking("en"):
        return open_link(page, lang="en")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_english_from_the_link(page: str) -> None:
    at = _english_run(page)
    assert at.title[0].value in {v for k, v in vars(texts_en).items() if k.startswith(("PAGE_", "APP_TITLE"))}
    assert not HAN.search(at.title[0].value)
    # The sidebar's filters are labelled in English; the plan's own names (towns, chapters) stay as written.
    labels = [w.label for w in at.sidebar.multiselect]
    assert texts_en.FILTER_TOWN in labels and not any(HAN.search(label) for label in labels)


def test_the_overview_in_english_keeps_the_plans_names_and_says_sample_in_english() -> None:
    at = _english_run("app.py")
    assert [s.value for s in at.subheader][1:] == ["城镇化水平", "市民化质量", "城市功能", "生态环境"]
    assert len(gauges(at)) == 18
    assert at.warning and not any(HAN.search(w.value) for w in at.warning[:1])  # the 示例 banner, in English
    assert {m.label for m in at.metric} <= set(texts_en.STATUS_LABELS.values())


def test_the_sidebar_switch_changes_the_language_and_the_link() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert at.title[0].value == "西青区新型城镇化规划监测看板"
    at.sidebar.segmented_control[0].set_value("en").run()
    assert at.title[0].value == texts_en.APP_TITLE
    assert at.query_params["lang"] in ("en", ["en"])
    with language.speaking("en"):  # the page on screen speaks English (see _english_run)
        at.sidebar.segmented_control[0].set_value("zh").run()
    assert at.title[0].value == "西青区新型城镇化规划监测看板"
    assert "lang" not in at.query_params


def test_an_unknown_language_in_the_link_reads_as_chinese() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "klingon"
    at.run()
    assert not at.exception and at.title[0].value == "西青区新型城镇化规划监测看板"


def test_an_upload_reads_the_same_in_either_language() -> None:
    """Findings are worded in the page's language; what is read from the workbook is not."""
    from tests.office import towns_by_indicators

    data = towns_by_indicators(total=1.0)  # a 合计 row that does not add up: a finding to word
    base, now = load_default().dataset, datetime(2026, 1, 5)
    chinese = load(data, "a.xlsx", base, now)
    with language.speaking("en"):
        english = load(data, "a.xlsx", base, now)
    assert chinese.changes == english.changes and chinese.changes is not None
    assert [(f.code, f.sheet, f.row, f.column) for f in chinese.findings] == [
        (f.code, f.sheet, f.row, f.column) for f in english.findings
    ]
    assert chinese.findings and all(
        c.message != e.message for c, e in zip(chinese.findings, english.findings)
    )
    assert texts.APP_TITLE == "西青区新型城镇化规划监测看板"  # the test's own thread is back in Chinese


@pytest.mark.parametrize("word", ["提前实现", "快于预期", "基本符合预期", "滞后"])
def test_a_manual_assessment_reads_the_same_in_english(word: str) -> None:
    """人工研判 holds the workbook's words: an English page must not turn them into 'manual'."""
    from xq_metrics.status import Status

    chinese = Status.from_label(word)
    with language.speaking("en"):
        assert Status.from_label(word) == chinese is not None
        assert chinese.label != word  # shown in English
