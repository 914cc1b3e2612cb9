"""报告导出: the 监测评估报告 of the view in use (Word and PDF), the view as one workbook, the whole data set."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

import ui
from xq_metrics import exports, report_doc, texts
from xq_metrics.store import default_location

dataset, filters = ui.setup("PAGE_REPORT")
version = ui.current_version()
location = default_location()
report = ui.report_outline(dataset, filters)
st.markdown(texts.REPORT_PAGE_INTRO)

st.subheader(texts.REPORT_PAGE_REPORT)
st.markdown(f"**{ui.md(report.title)} {ui.md(report.subtitle)}**  \n{texts.DOC_COVER_SCOPE}{texts.COLON}{ui.md(report.scope)}")
if report.sample:
    st.warning(report.sample_statement, icon=":material/info:")
with st.container(horizontal=True, gap="medium"):
    st.download_button(
        texts.REPORT_DOWNLOAD_DOCX, data=ui.later(lambda: ui.report_file("docx", dataset, filters, version, location)),
        file_name=f"{report.file_stem}.docx", mime=ui.DOCX_MIME, on_click="ignore", type="primary",
        icon=":material/description:", key="report_docx",
    )
    st.download_button(
        texts.REPORT_DOWNLOAD_PDF, data=ui.later(lambda: ui.report_file("pdf", dataset, filters, version, location)),
        file_name=f"{report.file_stem}.pdf", mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:",
        key="report_pdf",
    )
st.caption(texts.REPORT_DOWNLOAD_NOTE)

st.subheader(texts.REPORT_PAGE_EXPORTS)
stem = texts.EXPORT_VIEW_FILE.format(scope=report.scope.replace(" · ", "_"))
with st.container(horizontal=True, gap="medium"):
    st.download_button(
        texts.EXPORT_VIEW_BUTTON, data=ui.later(lambda: exports.view_workbook(dataset, filters, report_doc.DataVersion.of(version))),
        file_name=f"{ui.file_stem(stem)}.xlsx", mime=ui.XLSX_MIME, on_click="ignore", icon=":material/table_view:",
        key="export_view",
    )
    st.download_button(
        texts.EXPORT_DATASET_BUTTON,
        data=ui.later(lambda: exports.dataset_workbook(dataset, report_doc.DataVersion.of(version))),
        file_name=texts.EXPORT_DATASET_FILE.format(number=version.number, date=datetime.now().strftime("%Y%m%d")),
        mime=ui.XLSX_MIME, on_click="ignore", icon=":material/dataset:", key="export_dataset",
    )
st.caption(texts.REPORT_EXPORTS_NOTE)

st.subheader(texts.REPORT_PAGE_OUTLINE)
st.caption(texts.REPORT_OUTLINE_NOTE)
chapter: list[report_doc.Block] = []
chapters: list[tuple[str, list[report_doc.Block]]] = []
for block in report.blocks:
    if isinstance(block, report_doc.Heading) and block.level == 1:
        chapter = []
        chapters.append((block.text, chapter))
    else:
        chapter.append(block)
for title, blocks in chapters:
    with st.expander(ui.md(title)):
        lines = []
        for block in blocks:
            if isinstance(block, report_doc.Heading):
                lines.append(f"**{ui.md(block.text)}**")
            elif isinstance(block, report_doc.Text) and block.kind != "blank":
                lines.append(ui.md(block.text))
            elif isinstance(block, (report_doc.Table, report_doc.Figure)) and block.caption:
                lines.append(f":gray[{ui.md(block.caption)}]")
        st.markdown("\n\n".join(lines) or texts.REPORT_OUTLINE_EMPTY)
