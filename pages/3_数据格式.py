"""数据格式: the workbook format, sheet by sheet, and the blank template to download."""

from __future__ import annotations

import streamlit as st

import ui
from xq_metrics import schema, texts
from xq_metrics.template import blank_template, format_table

ui.setup(texts.PAGE_FORMAT)
st.markdown(texts.FORMAT_INTRO)
st.download_button(
    texts.DOWNLOAD_TEMPLATE, blank_template(), file_name=texts.TEMPLATE_FILE_NAME,
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type="primary",
)
for sheet in schema.SHEETS:
    st.subheader(sheet.name)
    st.caption(sheet.help)
    st.dataframe(format_table(sheet), hide_index=True, width="stretch")
