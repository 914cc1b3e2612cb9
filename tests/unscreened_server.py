"""`streamlit run tests/unscreened_server.py`: the dashboard with the byte screen switched off.

Only for tests/test_browser_hostile.py: it shows that when a file the screen would miss reaches the reader, the
isolated child dies, not the server. Everything else is server.py.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

import ui  # noqa: E402
from xq_metrics import loader  # noqa: E402

loader.screen = lambda data, file_name: []
app = st.App(str(ROOT / "app.py"), on_script_error=ui.on_script_error)
