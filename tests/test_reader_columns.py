"""The reader's column helpers on the grids they meet: rectangular (calamine), ragged, with notes in any cell."""

from __future__ import annotations

from datetime import datetime

import pytest

from xq_metrics import schema
from xq_metrics.reader import _SLOW, _column, _fast_number, _note_rows


@pytest.mark.parametrize(
    ("lines", "position", "expected"),
    [
        ([[1, "a"], [2, "b"]], 0, [1, 2]),
        ([[1, "a"], [2, "b"]], 1, ["a", "b"]),
        ([[1, "a"], [2]], 1, ["a", None]),  # a shorter row: None, not an error
        ([[1], [2]], 3, [None, None]),  # past every row
        ([[], [None, "x"]], 1, [None, "x"]),
        ([], 0, []),
    ],
)
def test_a_column_is_its_cells_top_to_bottom_with_none_where_a_row_is_short(lines, position, expected) -> None:
    assert _column(lines, position) == expected


NOTE = "注：数据来源于区统计局"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([["常住人口城镇化率", "全区", 2024, 95.0]], set()),
        ([[NOTE, None], ["常住人口城镇化率", 1.0]], {5}),
        ([[None, NOTE], [None, "常住人口城镇化率"]], {5}),  # a blank first cell: the first cell with text decides
        ([["  ", "填报人：张三"], [" ", 3.0]], {5}),
        ([[3.0, NOTE], [2024, NOTE]], set()),  # a figure first: a data row, whatever follows
        ([[float("nan"), NOTE], [True, NOTE], [datetime(2024, 1, 1), NOTE]], {5}),  # NaN is blank; a flag or date is not text
        ([[NOTE], [NOTE], ["合计", 1.0], [NOTE]], {5, 6, 8}),  # the same note leading several rows
        ([[], [None, None]], set()),
    ],
)
def test_note_rows_are_those_led_by_a_note(lines, expected) -> None:
    assert _note_rows(lines, 5, schema.VALUES) == expected


def test_the_info_sheet_has_no_note_rows() -> None:
    assert _note_rows([[NOTE, "x"]], 1, schema.INFO) == set()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (1.5, 1.5), (-0.0, -0.0), (3, 3.0), (None, None), ("", None),
        (float("nan"), _SLOW), (float("inf"), _SLOW), (float("-inf"), _SLOW),  # the full path says what is wrong
        (True, _SLOW), ("12", _SLOW), ("12%", _SLOW), (datetime(2024, 1, 1), _SLOW),
    ],
)
def test_a_number_cell_takes_the_fast_path_only_when_it_is_a_finite_number_or_empty(raw: object, expected: object) -> None:
    got = _fast_number(raw)
    assert got is expected if expected is _SLOW or expected is None else (got == expected and type(got) is float)
