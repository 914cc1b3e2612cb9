"""数据格式: the workbook format, sheet by sheet, and the two blank templates to download."""

from __future__ import annotations

import streamlit as st

import ui
from xq_metrics import schema, texts
from xq_metrics.template import blank_template, format_table, sheet_note

ui.setup("PAGE_FORMAT")
st.markdown(texts.FORMAT_INTRO)
data, full = st.columns(2)
data.download_button(
    texts.DOWNLOAD_TEMPLATE_DATA, blank_template("data"), file_name=texts.TEMPLATE_DATA_FILE_NAME, mime=ui.XLSX_MIME,
    type="primary",
)
full.download_button(texts.DOWNLOAD_TEMPLATE_FULL, blank_template("full"), file_name=texts.TEMPLATE_FILE_NAME, mime=ui.XLSX_MIME)
for sheet in schema.SHEETS:
    st.subheader(sheet.name)
    st.caption(f"{sheet.help}{sheet_note(sheet)}")
    ui.named_table(format_table(sheet), f"{texts.PAGE_FORMAT}_{sheet.name}", text=True)
