"""The HTML chrome.py puts on every page: workbook text inside it is escaped (the house rule for raw HTML)."""

from __future__ import annotations

import re

import pytest

import chrome

HOSTILE = [
    '</style><script>alert(1)</script>',
    '精武镇"; } body {display:none} /*',
    "杨柳青镇\\\n@import url(http://evil.example/x.css);",
    "</SCRIPT><img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_workbook_name_in_the_print_header_cannot_leave_its_css_string(name: str) -> None:
    html = chrome.page_html(f"西青区 · {name} · 数据版本 3")
    # Exactly our own closing tags (the screen's style and script, the print header's own style), and no markup,
    # quote or line break of the name left raw.
    assert len(re.findall(r"</style", html, flags=re.I)) == 2
    assert len(re.findall(r"</script", html, flags=re.I)) == 1
    header_html = chrome.print_header_html(f"西青区 · {name} · 数据版本 3")
    assert len(re.findall(r"</style", header_html, flags=re.I)) == 1 and not re.search(r"<script|</script", header_html, flags=re.I)
    assert "<img" not in html and "alert(1)</" not in html
    header = re.search(r"@top-left \{content: (\"[^\"]*\");", html)
    assert header is not None  # the whole name sits inside one CSS string
    assert "\n" not in header.group(1) and "<" not in header.group(1)


def test_script_literals_cannot_close_the_script() -> None:
    assert chrome._js({"a": "</script><b>"}) == '{"a": "\\u003c/script>\\u003cb>"}'


def test_the_login_cookie_is_written_as_a_literal() -> None:
    script = chrome._cookie_js("AbCdEfGhIjKlMnOpQr_-12")
    assert '"AbCdEfGhIjKlMnOpQr_-12"' in script and "<" not in script
