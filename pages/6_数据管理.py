"""数据管理: log in, upload a workbook, read its check and preview, save or cancel; history and rollback."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import auth, report, texts, upload

dataset, _ = ui.setup(texts.PAGE_DATA)
store = ui.store()
editor = st.session_state.get(ui.EDITOR_KEY)

# --- who is working -------------------------------------------------------------------------
if editor is None:
    st.info(texts.LOGIN_NEEDED)
    with st.form("login"):
        st.markdown(f"**{texts.LOGIN_TITLE}**")
        name = st.text_input(texts.LOGIN_NAME, key="login_name")
        password = st.text_input(texts.LOGIN_PASSWORD, type="password", key="login_password")
        if st.form_submit_button(texts.LOGIN_BUTTON, type="primary"):
            wait = auth.locked_for(store, name)
            minted = None if wait.total_seconds() > 0 else auth.login(store, name, password)
            if minted is not None:
                st.session_state[ui.EDITOR_KEY] = minted
                st.rerun()
            wait = auth.locked_for(store, name)
            if wait.total_seconds() > 0:
                st.error(texts.LOGIN_LOCKED.format(seconds=int(wait.total_seconds()) + 1))
            else:
                st.error(texts.LOGIN_FAILED)
else:
    left, right = st.columns([4, 1])
    left.success(texts.LOGGED_IN_AS.format(name=ui.md(editor.name)))
    if right.button(texts.LOGOUT_BUTTON, key="logout"):
        del st.session_state[ui.EDITOR_KEY]
        st.rerun()

    # --- upload, check, preview, save ----------------------------------------------------------
    st.subheader(texts.UPLOAD_TITLE)
    st.caption(texts.UPLOAD_HELP)
    round_ = st.session_state.setdefault("upload_round", 0)  # a new key empties the uploader on save/cancel
    file = st.file_uploader(texts.UPLOAD_LABEL, key=f"upload_{round_}")
    if file is None:
        ui.release("checked", "checked_key")  # the official removed the file: so do we
    if file is not None:
        # Checked once per file and data version, not on every rerun of the page.
        key = (file.file_id, ui.current_version().number)
        if st.session_state.get("checked_key") != key:
            checked = upload.check(store, file.getvalue(), file.name)
            st.session_state["checked"] = checked
            st.session_state["checked_key"] = key
        checked = st.session_state["checked"]
        errors, warnings = report.totals(checked.findings)  # with those a capped list only counts
        st.subheader(texts.REPORT_TITLE)
        if checked.ok:
            st.success(texts.REPORT_OK.format(errors=errors, warnings=warnings))
        else:
            st.error(texts.REPORT_BAD.format(errors=errors))
        if checked.findings:
            st.dataframe(pd.DataFrame(checked.rows()), hide_index=True, width="stretch")
            st.caption(texts.REPORT_COUNTS)
            st.dataframe(pd.DataFrame(checked.counts()), hide_index=True)
            a, b = st.columns(2)
            a.download_button(texts.REPORT_JSON, checked.report_json(), file_name=texts.REPORT_JSON_FILE, mime="application/json")
            b.download_button(
                texts.REPORT_XLSX, checked.report_xlsx, file_name=texts.REPORT_XLSX_FILE,  # built on click, isolated
                mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        if checked.same_as is not None:
            st.info(texts.SAME_FILE.format(
                time=checked.same_as.created_at.strftime("%Y-%m-%d %H:%M"), number=checked.same_as.number,
            ))
        if checked.preview is not None:
            st.subheader(texts.PREVIEW_TITLE)
            st.dataframe(
                pd.DataFrame([
                    {texts.PREVIEW_COL_TABLE: t.table,
                     texts.PREVIEW_COL_SCOPE: texts.PREVIEW_IN_UPLOAD if t.in_upload else texts.PREVIEW_KEPT,
                     texts.CHANGE_ADDED: t.added, texts.CHANGE_REMOVED: t.removed, texts.CHANGE_CHANGED: t.changed}
                    for t in checked.preview.tables
                ]),
                hide_index=True,
            )
            if checked.preview.empty:
                st.info(texts.PREVIEW_EMPTY)
            else:
                if len(checked.preview.changes) > ui.PREVIEW_ROWS:
                    st.caption(texts.PREVIEW_FIRST.format(total=len(checked.preview.changes), shown=ui.PREVIEW_ROWS))
                st.dataframe(
                    pd.DataFrame([
                        {texts.PREVIEW_COL_TABLE: c.table, texts.PREVIEW_COL_KIND: c.kind, texts.PREVIEW_COL_KEY: c.key,
                         texts.PREVIEW_COL_FIELD: c.field,
                         texts.PREVIEW_COL_OLD: "" if c.old is None else str(c.old),
                         texts.PREVIEW_COL_NEW: "" if c.new is None else str(c.new)}
                        for c in checked.preview.changes[:ui.PREVIEW_ROWS]
                    ]),
                    hide_index=True, width="stretch",
                )
            save, cancel = st.columns(2)
            if save.button(texts.SAVE_BUTTON, type="primary", key="save", disabled=checked.preview.empty):
                saved = upload.save(store, checked, editor)
                ui.release("checked", "checked_key")  # the file, its data set and preview: not needed any more
                st.session_state["upload_round"] = round_ + 1
                st.session_state["flash"] = texts.SAVED.format(number=saved.number)
                st.rerun()
            if cancel.button(texts.CANCEL_BUTTON, key="cancel"):
                ui.release("checked", "checked_key")
                st.session_state["upload_round"] = round_ + 1
                st.session_state["flash"] = texts.CANCELLED
                st.rerun()

if "flash" in st.session_state:
    st.success(st.session_state.pop("flash"))

# --- history: open to everyone; rollback for editors ------------------------------------------
st.subheader(texts.HISTORY_TITLE)
history = store.history()
st.dataframe(
    pd.DataFrame([
        {texts.HISTORY_COL_VERSION: v.number, texts.HISTORY_COL_TIME: v.created_at.strftime("%Y-%m-%d %H:%M:%S"),
         texts.HISTORY_COL_EDITOR: v.editor, texts.HISTORY_COL_KIND: texts.KIND_LABELS.get(v.kind, v.kind),
         texts.HISTORY_COL_FILE: v.file_name, "SHA-256": v.sha256,
         texts.HISTORY_COL_DATASET: v.summary.get("name", ""), texts.HISTORY_COL_ROLLED_BACK_FROM: v.rolled_back_from}
        for v in history
    ]),
    hide_index=True, width="stretch",
)
numbers = [v.number for v in history]
chosen = st.selectbox(texts.HISTORY_CHOOSE, numbers, key="history_version",
                      format_func=lambda n: texts.VERSION_LABEL.format(number=n))
info = next(v for v in history if v.number == chosen)
left, right = st.columns(2)
left.download_button(
    texts.DOWNLOAD_ORIGINAL, ui.original_file(chosen), file_name=info.file_name, key="download_original"
)
if editor is not None and chosen != numbers[0]:
    if right.button(texts.ROLLBACK_BUTTON, key="rollback"):
        restored = store.rollback(chosen, editor)
        st.session_state["flash"] = texts.ROLLED_BACK.format(source=chosen, number=restored.number)
        st.rerun()

if editor is not None:
    st.subheader(texts.AUDIT_TITLE)
    st.dataframe(
        pd.DataFrame([
            {texts.AUDIT_COL_TIME: a.time.strftime("%Y-%m-%d %H:%M:%S"), texts.AUDIT_COL_EDITOR: a.editor,
             texts.AUDIT_COL_ACTION: texts.AUDIT_ACTIONS.get(a.action, a.action), texts.AUDIT_COL_DETAIL: a.detail}
            for a in store.audit_log(50)
        ]),
        hide_index=True, width="stretch",
    )
