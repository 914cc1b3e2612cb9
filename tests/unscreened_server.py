"""`streamlit run tests/unscreened_server.py`: the dashboard with the byte screen switched off.

Only for tests/test_browser_hostile.py: it shows that when a file the screen would miss reaches the reader, the
isolated child dies, not the server. The upload's check runs in this process here (upload_worker's child would
screen with its own, unpatched loader), so the reading child is the only wall left. Everything else is server.py.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

import ui  # noqa: E402
from xq_metrics import isolation, loader, upload_worker  # noqa: E402

loader.screen = lambda data, file_name: []
upload_worker.run = lambda function, *args, limits: isolation.Outcome(value=function(*args))
app = st.App(str(ROOT / "app.py"), on_script_error=ui.on_script_error)
