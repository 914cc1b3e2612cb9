"""server.py: the routes it adds to Streamlit's, for the first load of every page but the overview."""

from __future__ import annotations

import asyncio
from pathlib import Path

from starlette.requests import Request
from streamlit import config, file_util

import server
import ui


def served(route) -> str:
    scope = {"type": "http", "method": "GET", "path": route.path, "headers": [], "query_string": b""}
    response = asyncio.run(route.endpoint(Request(scope)))
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
    return response.body.decode("utf-8")


def test_every_page_but_the_overview_has_its_route_and_nothing_else_does() -> None:
    pages = {Path(path).stem.split("_", 1)[1] for path, _, _ in ui.PAGES if path.startswith("pages/")}
    assert {route.path for route in server.page_routes()} == {f"/{name}" for name in pages}
    assert len(pages) == 9


def test_a_page_is_streamlits_index_with_its_base_named_before_any_script_runs() -> None:
    index = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    for route in server.page_routes():
        page = served(route)
        assert page.replace(f"\n    {server.BASE_SCRIPT}", "", 1) == index
        # window.__streamlit is read once, when Streamlit's bundle is first evaluated: the base must come before it.
        assert page.index(server.BASE_SCRIPT) < page.index('<script type="module"')
        assert page.count("<script") == index.count("<script") + 1


def test_under_a_base_url_path_the_routes_carry_it() -> None:
    original = config.get_option("server.baseUrlPath")
    try:
        config.set_option("server.baseUrlPath", "/xq/")
        assert "/xq/数据管理" in {route.path for route in server.page_routes()}
    finally:
        config.set_option("server.baseUrlPath", original)
    assert "/数据管理" in {route.path for route in server.page_routes()}
