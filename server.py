"""The dashboard's entry point: `streamlit run server.py` (make run) serves app.py and pages/ as before.

It exists for two things Streamlit offers only here:
- `on_script_error`, so that an uncaught exception on any page or in a widget callback shows an official a message
  in the page's language with an incident number, never a traceback, and is logged on the server with its traceback
  under that number (ui.on_script_error). `streamlit run app.py` still works; there .streamlit/config.toml's
  showErrorDetails = "none" is the backstop (Streamlit's generic English notice, no details).
- routes of its own, for the first load of a page other than the overview (`page_routes`).
"""

from pathlib import Path

import streamlit as st
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from streamlit import config, file_util
from streamlit.source_util import page_icon_and_name

import ui

PAGES = Path(__file__).resolve().parent / "pages"

# Streamlit's client opened at /数据管理 first asks /数据管理/_stcore/health, gets a 404 and tries the root only
# 0.13–0.17 s later (bench/pages.py): every page but the overview started that much later. Its page names its base,
# the folder the page's name sits in, so the client asks there first and only. This works behind a proxy's prefix
# too (/xq/数据管理 → /xq/); the overview needs nothing (a path of one part is its own base).
BASE_SCRIPT = '<script>window.__streamlit = {BACKEND_BASE_URL: new URL(".", location.href).href};</script>'


def page_routes(pages: Path = PAGES) -> list[Route]:
    """Each page's own address (the names Streamlit gives pages/*.py) served Streamlit's index.html with its base
    named; every other address stays Streamlit's."""
    index = (Path(file_util.get_static_dir()) / "index.html").read_text(encoding="utf-8")
    served = index.replace("<head>", f"<head>\n    {BASE_SCRIPT}", 1)
    assert served != index, "Streamlit's index.html has no <head>"

    async def page(request: Request) -> HTMLResponse:
        # As Streamlit serves index.html: asked again on every visit, so an upgraded Streamlit's is never stale.
        return HTMLResponse(served, headers={"Cache-Control": "no-cache"})

    prefix = "/" + base if (base := (config.get_option("server.baseUrlPath") or "").strip("/")) else ""
    names = sorted(page_icon_and_name(path)[1] for path in pages.glob("*.py"))
    return [Route(f"{prefix}/{name}", page, methods=["GET", "HEAD"]) for name in names]


app = st.App("app.py", on_script_error=ui.on_script_error, routes=page_routes())
