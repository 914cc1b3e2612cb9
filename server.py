"""The dashboard's entry point: `streamlit run server.py` (make run) serves app.py and pages/ as before.

It exists for one thing Streamlit offers only here: `on_script_error`, so that an uncaught exception on any page
or in a widget callback shows an official a message in the page's language with an incident number, never a
traceback, and is logged on the server with its traceback under that number (ui.on_script_error). `streamlit run app.py` still
works; there .streamlit/config.toml's showErrorDetails = "none" is the backstop (Streamlit's generic English
notice, no details).
"""

import streamlit as st

import ui

app = st.App("app.py", on_script_error=ui.on_script_error)
