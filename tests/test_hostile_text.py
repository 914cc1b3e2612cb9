"""Hostile text from a link or a workbook (issue 10, items 9 and 10): never a traceback, a heading or a link."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from tests.test_pages import open_link
from xq_metrics import cells
from xq_metrics.defaults import load_default
from xq_metrics.filters import MAX_VALUES, SHOWN_LENGTH, Filters, from_params, parse_chapter

DATA = load_default().dataset
LONG = "9" * 5000  # past Python's 4,300-digit int() limit: int(LONG) raises


@pytest.mark.parametrize(
    ("params", "expected", "ignored"),
    [
        ({"year": ["²"]}, Filters(), ("年份“²”",)),  # str.isdigit() says yes, int() says no
        ({"year": ["٢٠٢٤"]}, Filters(), ("年份“٢٠٢٤”",)),  # Arabic-Indic digits: not a link's year
        ({"year": [LONG]}, Filters(), (f"年份“{'9' * (SHOWN_LENGTH - 1)}…”",)),
        ({"year": ["2024\x00"]}, Filters(), ("年份“2024\\x00”",)),
        ({"chapter": ["፩"]}, Filters(), ("章节“፩”",)),  # Ethiopic digit one
        ({"chapter": [LONG]}, Filters(), (f"章节“{'9' * (SHOWN_LENGTH - 1)}…”",)),
        ({"chapter": ["５"]}, Filters(chapters=(5,)), ()),  # full-width 5 is a 5, as typed in Chinese
        ({"section": [f"{LONG}-{LONG}"]}, Filters(), (f"节“{'9' * (SHOWN_LENGTH - 1)}…”",)),
        ({"section": ["٥-٣"]}, Filters(), ("节“٥-٣”",)),
        ({"town": ["镇" * 10_000]}, Filters(), (f"镇街“{'镇' * (SHOWN_LENGTH - 1)}…”",)),
        ({"town": ["火星\n===\n镇"]}, Filters(), ("镇街“火星\\n===\\n镇”",)),
    ],
    ids=["superscript-two", "arabic-indic", "5000-digit-year", "nul", "ethiopic", "5000-digit-chapter", "full-width",
         "5000-digit-section", "arabic-section", "long-town", "newline-town"],
)
def test_hostile_link_values_are_ignored_and_quoted_short(params, expected: Filters, ignored: tuple[str, ...]) -> None:
    parsed = from_params(params, DATA)
    assert parsed.filters == expected
    assert parsed.ignored == ignored


def test_a_link_with_thousands_of_values_reads_the_first_few() -> None:
    parsed = from_params({"town": ["杨柳青镇"] + ["火星镇"] * 10_000}, DATA)
    assert parsed.filters.towns == ("杨柳青镇",)
    assert len(parsed.ignored) == MAX_VALUES  # 19 unknown towns and one line for the rest
    assert "9981" in parsed.ignored[-1]


@pytest.mark.parametrize("raw", ["²", "፩", LONG, "第" + LONG + "章", "-1", "0x5", " 5 "])
def test_parse_chapter_never_raises(raw: str) -> None:
    number = parse_chapter(raw)
    assert number is None or 0 <= number < 1000


@pytest.mark.parametrize("page", ["app.py", "pages/1_指标详情.py", "pages/2_街镇.py", "pages/3_重大项目.py"])
@pytest.mark.parametrize(
    "params",
    [{"year": ["²"]}, {"chapter": ["፩"]}, {"year": [LONG]}, {"chapter": [LONG]}, {"section": [LONG]},
     {"town": ["http://evil.example\n===\n"]}],
    ids=["superscript-year", "ethiopic-chapter", "long-year", "long-chapter", "long-section", "link-heading-town"],
)
def test_a_page_opened_with_a_hostile_link_shows_a_notice_not_a_traceback(page: str, params: dict) -> None:
    at = open_link(page, **params)
    if page == "app.py":
        notice = " ".join(w.value for w in at.warning)
        assert "已忽略" in notice and len(notice) < 400


# --------------------------------------------------------------------------- a year typed as a date


@pytest.mark.parametrize(
    ("raw", "value", "ok"),
    [
        (date(2024, 6, 30), 2024, True),
        (datetime(2023, 1, 1, 0, 0), 2023, True),
        (date(1, 1, 1), None, False),  # read as year 1 before
        (datetime(1899, 12, 31), None, False),  # Excel's zero date: read as 1899
        (datetime(1900, 1, 1), None, False),
        (date(9999, 12, 31), None, False),  # read as 9999
        (time(0, 0), None, False),
        (timedelta(days=2024), None, False),
        (1989, None, False),
        (2100, 2100, True),
        (2101, None, False),
    ],
    ids=["date", "datetime", "date-min", "zero-date", "1900", "date-max", "time", "duration", "1989", "2100", "2101"],
)
def test_a_year_typed_as_a_date_is_a_year_only_when_it_is_one(raw: object, value: int | None, ok: bool) -> None:
    cell = cells.year(raw)
    assert (cell.value, cell.ok) == (value, ok)


# --------------------------------------------------------------------------- names in Markdown


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("杨柳青镇\n===", "\n"),  # a setext heading
        ("杨柳青镇\r\n---", "\n"),
        ("杨柳青镇\u2028# 标题", "\u2028"),
        ("http://evil.example/login", "http://"),
        ("HTTPS://evil.example", "HTTPS://"),
        ("www.evil.example", "www."),
        ("报送 a@evil.example", "a@e"),
        ("\x01控制字符", "\x01"),
    ],
)
def test_md_keeps_a_name_one_plain_line(name: str, absent: str) -> None:
    import ui

    shown = ui.md(name)
    plain = shown.replace("\\", "")
    assert absent not in plain
    assert "\n" not in shown and "\r" not in shown
    # What an official reads is the name itself, less the invisible joiner.
    assert plain.replace(ui.WORD_JOINER, "").replace(" ", "") in {
        name.replace("\n", "").replace("\r", "").replace("\u2028", "").replace(" ", ""),
        name.replace("\x01", "x01").replace(" ", ""),
    }


def test_md_bounds_a_name() -> None:
    import ui

    assert len(ui.md("名" * 100_000)) == ui.MD_MAX_LENGTH


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("a | b", "a | b"),  # a pipe in a name does not split the row
        ("第一行\n| 第二行 |", "第一行 | 第二行 |"),  # nor does a line break start a new row
        (None, ""),  # nothing reported: empty, never 0
        (float("nan"), ""),
        (95.61, "95.61"),
        (2025, "2025"),  # a year, not 2,025
        ("**粗体** <b>x</b> [链接](http://evil.example)", "**粗体** <b>x</b> [链接](http://evil.example)"),
    ],
)
def test_a_text_table_shows_each_cell_as_plain_text_in_its_own_column(monkeypatch: pytest.MonkeyPatch, cell: object, read: str) -> None:
    import pandas as pd

    import ui
    from tests.pagetools import row_cells

    shown: list[str] = []
    monkeypatch.setattr(ui.st, "markdown", shown.append)
    ui.text_table(pd.DataFrame([{"名称": "甲", "数值": cell, "单位": "%"}]))
    header, rule, row = shown[0].split("\n")
    assert row_cells(header) == ["名称", "数值", "单位"] and rule == "|---|---|---|"
    assert [c.replace(ui.WORD_JOINER, "") for c in row_cells(row)] == ["甲", read, "%"]


@pytest.mark.parametrize(
    ("cell", "read"),
    [
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),  # shown as typed, never markup
        ("</td></tr></table><script>alert(1)</script>", "</td></tr></table><script>alert(1)</script>"),
        ("第一行\n第二行", "第一行 第二行"),  # one row stays one row
        ("\x01控制字符", "\\x01控制字符"),
        (None, ""),  # nothing reported: empty, never 0
        (float("nan"), ""),
        (95.61, "95.61"),
    ],
)
def test_a_list_table_shows_each_cell_as_plain_text_in_its_own_column(monkeypatch: pytest.MonkeyPatch, cell: object, read: str) -> None:
    import pandas as pd

    import ui
    from tests.pagetools import list_table_rows

    shown: list[str] = []
    monkeypatch.setattr(ui.st, "html", shown.append)
    ui.list_table(pd.DataFrame([{"名称": cell, "数值": 1.5, "比例": 0.25}]), pinned="名称", shares=("比例",))
    [body] = shown
    assert body.count("<tr>") == 2 and body.count("<td") == 3 and "<script>" not in body and "<img" not in body
    assert list_table_rows(body) == [["名称", "数值", "比例"], [read, "1.5", "25.0%"]]


@pytest.mark.parametrize("share", [None, float("nan"), -0.2, 1.7])
def test_a_share_not_computed_is_empty_and_a_bar_never_leaves_its_track(monkeypatch: pytest.MonkeyPatch, share: object) -> None:
    import pandas as pd

    import ui

    shown: list[str] = []
    monkeypatch.setattr(ui.st, "html", shown.append)
    ui.list_table(pd.DataFrame([{"名称": "甲", "比例": share}], dtype=object), shares=("比例",))
    cell = shown[0].split("<td>", 2)[2]
    if share is None or share != share:
        assert cell.startswith("</td>") and ui.SHARE_BAR not in shown[0]  # not 0%: not computed
    else:
        assert f"width:{min(max(share, 0.0), 1.0):.1%}" in cell and f"{share:.1%}" in cell


def test_headline_figures_show_their_words_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui
    from tests.pagetools import figure_cards

    shown: list[str] = []
    monkeypatch.setattr(ui.st, "html", shown.append)
    hostile = "<img src=x onerror=alert(1)></div><div>"
    ui.figures([(hostile, "1亿元", "3项已披露"), ("项目数", "\x017", hostile)])
    [body] = shown
    assert "<img" not in body and body.count("<div>") == 2
    assert figure_cards(body) == [[hostile, "1亿元", "3项已披露"], ["项目数", "\\x017", hostile]]


def test_html_bars_show_group_names_and_tooltips_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import ui
    from tests.pagetools import drawn_bars
    from xq_metrics.project_charts import Bar, InvestmentBars, Segment

    hostile = '"><img src=x onerror=alert(1)><span title="'
    shown: list[str] = []
    monkeypatch.setattr(ui.st, "html", shown.append)
    ui.bar_chart(InvestmentBars(
        "总投资（亿元）", (Bar(hostile, (Segment("在建", 5.0, 1, "#56b4e9", f"分组：{hostile}\n建设状态：在建"),), 5.0, "5亿元", hostile),),
        8.0, (0.0, 5.0), (("在建", "#56b4e9"),),
    ))
    [body] = shown
    assert hostile not in body and "<img" not in body  # never raw: no attribute is left, no tag is opened
    [bar] = drawn_bars(body)
    assert bar.group == hostile and bar.parts == {"在建": 5.0} and bar.label == "5亿元"
    assert bar.tips == (f"分组：{hostile}\n建设状态：在建", hostile)  # each line of a tooltip kept, nothing run
