"""口径说明: the exact rules behind every colour, with each indicator's target as read."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import texts
from xq_metrics.method import method_markdown, target_readings

dataset, _ = ui.setup("PAGE_METHOD")
st.markdown(method_markdown())
st.subheader(texts.METHOD_TABLE_TITLE)
ui.named_table(pd.DataFrame(target_readings(dataset)), texts.METHOD_TABLE_TITLE, text=True)
