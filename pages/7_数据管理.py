"""数据管理: log in, upload a workbook, read its check and preview, save or cancel; history and rollback."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from xq_metrics import audit, auth, diff, texts, upload, upload_worker
from xq_metrics.store import ABSOLUTE_LIMIT, IDLE_LIMIT, default_location

dataset, _ = ui.setup("PAGE_DATA")
store = ui.store()
location = default_location()  # checks, saves and rollbacks run in a child on the same store (upload_worker)
editor = st.session_state.get(ui.EDITOR_KEY)


# The version the history box shows after a save or a rollback: the new one, not a rollback preview of the version
# that was newest before (a preview of every figure just saved, on every rerun).
SHOW_VERSION = "history_show"


def confirm_box(needed: diff.Confirmation, key: str) -> diff.Confirmation | None:
    """The second, counted yes that a loss or a change of the plan needs; None until it is ticked."""
    if not needed.needed:
        return None
    text = texts.CONFIRM_BOX.format(removed=needed.removed, blanked=needed.blanked, plan=needed.plan)
    return needed if st.checkbox(text, key=key) else None


def change_table(preview: diff.PreviewPage, title: str) -> None:
    """The changes row by row: the first PREVIEW_ROWS of a long list, the rest counted."""
    if preview.empty:
        st.info(texts.PREVIEW_EMPTY)
    elif preview.total > len(preview.rows):
        st.caption(texts.PREVIEW_FIRST.format(total=preview.total, shown=len(preview.rows)))
        ui.table(pd.DataFrame(preview.rows))  # an Excel of the first rows only would read as the whole change
    else:
        ui.named_table(pd.DataFrame(preview.rows), title)


def rollback_preview(chosen: int, current: int) -> diff.PreviewPage | None:
    """What rolling back to `chosen` would change, made in a child once per chosen version, current version and
    language, like the upload's check; None, the reason shown, when the child was stopped."""
    key = (chosen, current, ui.language.current())
    if st.session_state.get("rollback_key") != key:
        try:
            st.session_state["rollback_preview"] = upload_worker.rollback_preview(location, chosen, ui.PREVIEW_ROWS)
        except upload_worker.Refused as exc:
            st.error(str(exc))
            return None
        st.session_state["rollback_key"] = key
    return st.session_state["rollback_preview"]


def loss_banner(needed: diff.Confirmation) -> None:
    if needed.removed or needed.blanked:
        st.error(texts.LOSS_BANNER.format(removed=needed.removed, blanked=needed.blanked), icon=":material/delete_forever:")
    if needed.plan:
        st.warning(texts.PLAN_BANNER.format(plan=needed.plan), icon=":material/edit_document:")


# --- who is working -------------------------------------------------------------------------
if editor is None:
    st.info(texts.LOGIN_NEEDED.format(
        idle=f"{IDLE_LIMIT.total_seconds() / 3600:g}", absolute=f"{ABSOLUTE_LIMIT.total_seconds() / 3600:g}",
    ))
    with st.form("login"):
        st.markdown(f"**{texts.LOGIN_TITLE}**")
        name = st.text_input(texts.LOGIN_NAME, key="login_name")
        password = st.text_input(texts.LOGIN_PASSWORD, type="password", key="login_password")
        if st.form_submit_button(texts.LOGIN_BUTTON, type="primary"):
            result = auth.attempt(store, name, password)
            if result.ok:
                st.session_state[ui.EDITOR_KEY] = result.editor
                ui.remember_login(result.editor)
                st.rerun()
            st.error(result.message)
else:
    left, right = st.columns([4, 1])
    left.success(texts.LOGGED_IN_AS.format(name=ui.md(editor.name)))
    if right.button(texts.LOGOUT_BUTTON, key="logout"):
        auth.logout(store, editor)
        del st.session_state[ui.EDITOR_KEY]
        ui.remember_login(None)
        st.rerun()

    # --- upload, check, preview, save ----------------------------------------------------------
    st.subheader(texts.UPLOAD_TITLE)
    st.caption(texts.UPLOAD_HELP)
    round_ = st.session_state.setdefault("upload_round", 0)  # a new key empties the uploader on save/cancel
    file = st.file_uploader(texts.UPLOAD_LABEL, key=f"upload_{round_}")
    if file is None:
        ui.release("checked", "checked_key")  # the official removed the file: so do we
    if file is not None:
        replace = tuple(st.session_state.get("replace_tables", ()))
        # Checked once per file, data version, tables to replace and language (findings are worded when checked).
        key = (file.file_id, ui.current_version().number, replace, ui.language.current())
        if st.session_state.get("checked_key") != key:
            st.session_state["checked"] = upload_worker.check(location, file.getvalue(), file.name, replace, ui.PREVIEW_ROWS)
            st.session_state["checked_key"] = key
        checked: upload_worker.CheckedFile = st.session_state["checked"]
        head = checked.headline
        st.subheader(texts.REPORT_TITLE)
        if not checked.ok:
            st.error(texts.REPORT_BAD.format(errors=head.errors))
        elif not checked.green:
            st.warning(texts.REPORT_IGNORED.format(ignored=head.figures_ignored))
        else:
            st.success(texts.REPORT_OK.format(read=head.figures_read) if head.figures_read else texts.REPORT_OK_NO_FIGURES)
        figures = st.columns(3)
        figures[0].metric(texts.METRIC_FIGURES_READ, head.figures_read)
        figures[1].metric(texts.METRIC_FIGURES_CHANGED, head.figures_changed)
        figures[2].metric(texts.METRIC_FIGURES_IGNORED, head.figures_ignored)
        st.caption(texts.REPORT_COUNTS_LINE.format(errors=head.errors, warnings=head.warnings, infos=head.infos))
        if checked.findings:
            ui.named_table(pd.DataFrame(checked.rows()), texts.REPORT_TITLE)
            with st.expander(texts.REPORT_COUNTS):
                ui.named_table(pd.DataFrame(checked.counts()), texts.REPORT_COUNTS)
            a, b = st.columns(2)
            a.download_button(texts.REPORT_JSON, checked.report_json(), file_name=texts.REPORT_JSON_FILE, mime="application/json")
            b.download_button(  # built only when clicked, in a limited child: it reads the whole upload
                texts.REPORT_XLSX, ui.later(checked.report_xlsx), file_name=texts.REPORT_XLSX_FILE, mime=ui.XLSX_MIME,
            )
        if checked.same_as is not None:
            st.info(texts.SAME_FILE.format(
                time=checked.same_as.created_at.strftime("%Y-%m-%d %H:%M"), number=checked.same_as.number,
            ))
        if checked.preview is not None:
            st.subheader(texts.PREVIEW_TITLE)
            needed = checked.confirmation
            loss_banner(needed)
            ui.named_table(pd.DataFrame(diff.table_rows(checked.preview)), texts.PREVIEW_TITLE)
            in_upload = {t.key: t.table for t in checked.preview.tables if t.in_upload}
            st.multiselect(
                texts.REPLACE_TABLES, list(in_upload), format_func=in_upload.get, key="replace_tables",
                help=texts.REPLACE_TABLES_HELP, placeholder=texts.REPLACE_NONE,
            )
            change_table(checked.preview, texts.PREVIEW_TITLE)
            confirmed = confirm_box(needed, key=f"confirm_{round_}")
            save, cancel = st.columns(2)
            blocked = checked.preview.empty or (needed.needed and confirmed is None)
            if save.button(texts.SAVE_BUTTON, type="primary", key="save", disabled=blocked):
                try:
                    saved = upload_worker.save(location, checked, editor, confirmed)
                except upload_worker.Refused as exc:
                    st.error(str(exc))
                else:
                    # The file and its report are not needed any more; the history shows the new version, not a
                    # rollback to the one that was newest before (a preview of every figure just saved).
                    ui.release("checked", "checked_key", upload=file)
                    st.session_state[SHOW_VERSION] = saved.number
                    st.session_state["upload_round"] = round_ + 1
                    st.session_state.pop("replace_tables", None)
                    st.session_state["flash"] = texts.SAVED.format(number=saved.number)
                    st.rerun()
            if cancel.button(texts.CANCEL_BUTTON, key="cancel"):
                ui.release("checked", "checked_key", upload=file)
                st.session_state["upload_round"] = round_ + 1
                st.session_state.pop("replace_tables", None)
                st.session_state["flash"] = texts.CANCELLED
                st.rerun()

if "flash" in st.session_state:
    st.success(st.session_state.pop("flash"))

# --- history: open to everyone; rollback for editors ------------------------------------------
st.subheader(texts.HISTORY_TITLE)
history = store.history()
ui.named_table(pd.DataFrame(upload.history_rows(history)), texts.HISTORY_TITLE)
numbers = [v.number for v in history]
if SHOW_VERSION in st.session_state:
    # Set before the box is drawn, so the box shows it too (a box whose value is only forgotten keeps its old label).
    st.session_state["history_version"] = st.session_state.pop(SHOW_VERSION)
chosen = st.selectbox(texts.HISTORY_CHOOSE, numbers, key="history_version",
                      format_func=lambda n: texts.VERSION_LABEL.format(number=n))
info = next(v for v in history if v.number == chosen)
st.download_button(
    texts.DOWNLOAD_ORIGINAL, ui.original_file(chosen), file_name=info.file_name, key="download_original"
)
back = rollback_preview(chosen, numbers[0]) if editor is not None and chosen != numbers[0] else None
if back is not None:
    with st.expander(texts.ROLLBACK_PREVIEW.format(number=chosen), expanded=True):
        loss_banner(back.confirmation)
        change_table(back, texts.ROLLBACK_PREVIEW.format(number=chosen))
        confirmed = confirm_box(back.confirmation, key=f"confirm_rollback_{chosen}")
        blocked = back.empty or (back.confirmation.needed and confirmed is None)
        if st.button(texts.ROLLBACK_BUTTON, key="rollback", disabled=blocked):
            try:
                restored = upload_worker.rollback(location, chosen, editor, confirmed)
            except upload_worker.Refused as exc:
                st.error(str(exc))
            else:
                st.session_state[SHOW_VERSION] = restored.number  # the restored copy is the newest version now
                st.session_state["flash"] = texts.ROLLED_BACK.format(source=chosen, number=restored.number)
                st.rerun()

if editor is not None:
    st.subheader(texts.AUDIT_TITLE)
    ui.named_table(pd.DataFrame(audit.display_rows(store, 50)), texts.AUDIT_TITLE)
    st.download_button(texts.AUDIT_DOWNLOAD, audit.export_csv(store), file_name=texts.AUDIT_FILE, mime="text/csv")
