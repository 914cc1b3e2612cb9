"""cells: reading single workbook cells the way officials type them.

The key promise: a missing figure is None, never 0, and anything not understood is ok=False so the loader can
report it instead of guessing.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from xq_metrics.cells import Cell, fold, integer, number, text, year


def assert_cell(cell: Cell, value: object, ok: bool = True) -> None:
    assert cell.value == value
    assert type(cell.value) is type(value)  # 2024 must be an int, 95.61 a float, missing exactly None
    assert cell.ok is ok


# --- number ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "units", "value", "ok"),
    [
        pytest.param(95.61, (), 95.61, True, id="float"),
        pytest.param(3, (), 3.0, True, id="int-becomes-float"),
        pytest.param("95.61%", (), 95.61, True, id="percent-sign"),
        pytest.param("９５．６１", (), 95.61, True, id="full-width"),
        pytest.param("1,234.5", (), 1234.5, True, id="thousands-separator"),
        pytest.param(" 12 ", (), 12.0, True, id="stray-spaces"),
        pytest.param("-0.5", (), -0.5, True, id="negative"),
        pytest.param("2.3万人", ("万人",), 2.3, True, id="own-unit"),
        # Missing: None, never 0.
        pytest.param("—", (), None, True, id="dash-placeholder"),
        pytest.param("无", (), None, True, id="none-word-placeholder"),
        pytest.param("N/A", (), None, True, id="na-placeholder"),
        pytest.param("", (), None, True, id="empty"),
        pytest.param(None, (), None, True, id="none"),
        pytest.param(float("nan"), (), None, True, id="nan-empty-cell"),
        # Not understood: report, do not guess.
        pytest.param("abc", (), None, False, id="letters"),
        pytest.param("2.3亿元", ("万人",), None, False, id="other-unit"),
        pytest.param("2.3万人", (), None, False, id="unit-not-allowed"),
        pytest.param(True, (), None, False, id="bool-is-not-a-number"),
        pytest.param(float("inf"), (), None, False, id="infinity"),
        pytest.param(datetime(2024, 1, 1), (), None, False, id="date-is-not-a-number"),
    ],
)
def test_number(raw: object, units: tuple[str, ...], value: float | None, ok: bool) -> None:
    assert_cell(number(raw, units=units), value, ok)


@pytest.mark.parametrize(
    ("raw", "changed"),
    [
        # Placeholders are read as missing: say so, so the loader can tell the official.
        pytest.param("—", True, id="dash-placeholder"),
        pytest.param("无", True, id="none-word-placeholder"),
        pytest.param("N/A", True, id="na-placeholder"),
        # Full-width digits are normalised: a reading that differs from what was typed.
        pytest.param("９５．６１", True, id="full-width"),
        pytest.param("95.61%", True, id="percent-sign-dropped"),
        # Typed as understood: no warning.
        pytest.param(95.61, False, id="float"),
        pytest.param("95.61", False, id="plain-text"),
        pytest.param("", False, id="blank"),
    ],
)
def test_number_changed(raw: object, changed: bool) -> None:
    assert number(raw).changed is changed


# --- year ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "value", "ok"),
    [
        pytest.param(2024, 2024, True, id="int"),
        pytest.param(2024.0, 2024, True, id="float-from-excel"),
        pytest.param("2024", 2024, True, id="text"),
        pytest.param("2024年", 2024, True, id="with-nian"),
        pytest.param("２０２４年", 2024, True, id="full-width"),
        pytest.param("2024年度", 2024, True, id="with-niandu"),
        pytest.param(datetime(2024, 12, 31, 8, 0), 2024, True, id="datetime-cell"),
        pytest.param(date(2024, 6, 30), 2024, True, id="date-cell"),
        pytest.param("", None, True, id="blank"),
        # Not a plausible year: never expand "24" to 2024 or accept 1800.
        pytest.param("24", None, False, id="two-digits"),
        pytest.param(1800, None, False, id="out-of-range"),
        pytest.param(2024.5, None, False, id="fraction"),
        pytest.param("明年", None, False, id="words"),
        pytest.param(True, None, False, id="bool"),
    ],
)
def test_year(raw: object, value: int | None, ok: bool) -> None:
    assert_cell(year(raw), value, ok)


# --- integer -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "value", "ok"),
    [
        pytest.param("3", 3, True, id="text"),
        pytest.param(3.0, 3, True, id="float-from-excel"),
        pytest.param(3.5, None, False, id="fraction"),
        pytest.param("3.5", None, False, id="fraction-text"),
        pytest.param("", None, True, id="blank"),
        pytest.param("abc", None, False, id="letters"),
    ],
)
def test_integer(raw: object, value: int | None, ok: bool) -> None:
    assert_cell(integer(raw), value, ok)


# --- fold and text ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        pytest.param("城镇\u3000化率", "城镇化率", id="ideographic-space"),
        pytest.param("城镇化率\n", "城镇化率", id="trailing-newline"),
        pytest.param("常住人口\r\n城镇化率 （%）", "常住人口城镇化率(%)", id="newline-space-full-width-brackets"),
        pytest.param("单位ＧＤＰ能耗", "单位GDP能耗", id="full-width-letters"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    """fold is for comparing names and headers typed in different ways."""
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        # The plan's own characters, kept as typed: folding would turn ﹝15﹞ into 〔15〕 and Ⅲ into III.
        pytest.param("﹝15﹞", "﹝15﹞", id="small-tortoise-brackets"),
        pytest.param("地表水达到或好于Ⅲ类水体比例（%）", "地表水达到或好于Ⅲ类水体比例（%）", id="roman-three-and-brackets"),
        pytest.param("  完成“十四五”规划目标 ", "完成“十四五”规划目标", id="trimmed-only"),
        pytest.param(3.0, "3", id="whole-float-plain"),
        pytest.param(None, "", id="none"),
        pytest.param(" \u3000\n", "", id="blank-text"),
        pytest.param(float("nan"), "", id="nan-is-blank"),
        pytest.param(2.5, "2.5", id="fraction"),
        pytest.param(7, "7", id="integer"),
    ],
)
def test_text(raw: object, kept: str) -> None:
    assert text(raw) == kept
