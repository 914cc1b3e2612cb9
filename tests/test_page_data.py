"""数据管理 under AppTest: logged out refused, then upload, report, preview, save, history, rollback."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from tests import messy
from tests import hostile
from tests.workbooks import workbook
import ui
from xq_metrics import auth, diff, texts, upload_worker
from xq_metrics.store import open_store

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/7_数据管理.py"
GOOD = workbook({"指标数据": [["指标", "镇街", "年份", "数值", "来源"], ["森林覆盖率", "全区", 2025, 25.9, "区林业局"]]})


@pytest.fixture()
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XQ_STORE", str(tmp_path / "page.sqlite3"))
    opened = open_store(str(tmp_path / "page.sqlite3"))
    auth.add_editor(opened, "张三", "correct-horse-1")
    return opened


def open_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def log_in(at: AppTest, password: str = "correct-horse-1") -> AppTest:
    at.text_input(key="login_name").input("张三")
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def test_logged_out_sees_history_but_cannot_upload(store) -> None:
    at = open_page()
    assert len(at.get("file_uploader")) == 0
    assert any("需要编辑人员登录" in i.value for i in at.info)
    assert at.dataframe[0].value["类型"].tolist() == ["初始数据"]  # seeded with the embedded default
    assert "rollback" not in {b.key for b in at.button}


def test_wrong_password_is_refused_and_counted(store) -> None:
    at = log_in(open_page(), "wrong-password")
    assert any("用户名或密码错误" in e.value for e in at.error)
    assert store.editor_record("张三").failed_count == 1


def test_upload_report_preview_save_history_rollback(store) -> None:
    at = log_in(open_page())
    assert any("已登录：张三" in s.value for s in at.success)
    at.file_uploader(key="upload_0").upload("2025年一季度.xlsx", GOOD).run()
    assert not at.exception, at.exception
    assert any("文件可以使用" in s.value for s in at.success)
    tables = at.dataframe[0].value
    assert dict(zip(tables["表"], tables["本次"]))["指标数据"] == "本次上传"
    assert "指标" not in set(tables["表"])  # tables the upload neither holds nor changes are not listed
    at.button(key="save").click().run()
    assert not at.exception, at.exception
    assert store.head().number == 2 and store.head().editor == "张三"
    assert any(o.year == 2025 and o.value == 25.9 for o in store.current().dataset.observations)
    assert any("已保存为第2版" in s.value for s in at.success)

    at.selectbox(key="history_version").set_value(1).run()
    # Going back to version 1 removes the saved 2025 figure: the loss is named and must be confirmed first.
    assert any("删除当前数据中的1行" in e.value for e in at.error)
    assert at.button(key="rollback").disabled
    at.checkbox(key="confirm_rollback_1").check().run()
    at.button(key="rollback").click().run()
    assert not at.exception, at.exception
    head = store.head()
    assert (head.number, head.kind, head.rolled_back_from) == (3, "rollback", 1)
    assert not any(o.year == 2025 for o in store.current().dataset.observations)
    # The history then shows the newest version, not a rollback preview of the one chosen before.
    assert at.selectbox(key="history_version").value == 3 and not at.expander

    at.selectbox(key="history_version").set_value(2).run()
    assert at.expander  # a rollback to version 2 is offered
    at.file_uploader(key="upload_1").upload("再报.xlsx", GOOD).run()
    at.button(key="save").click().run()
    assert not at.exception, at.exception
    assert store.head().number == 4
    assert at.selectbox(key="history_version").value == 4 and not at.expander


def test_a_long_rollback_preview_lists_its_first_rows_and_counts_the_rest(store, monkeypatch) -> None:
    monkeypatch.setattr(ui, "PREVIEW_ROWS", 2)
    at = log_in(open_page())
    rows = [["指标", "镇街", "年份", "数值"], *[["森林覆盖率", "全区", year, 20.0 + year % 10] for year in range(2001, 2011)]]
    at.file_uploader(key="upload_0").upload("十年.xlsx", workbook({"指标数据": rows})).run()
    at.button(key="save").click().run()
    at.selectbox(key="history_version").set_value(1).run()
    assert not at.exception, at.exception
    assert texts.PREVIEW_FIRST.format(total=10, shown=2) in [c.value for c in at.caption]
    assert len(at.expander[0].dataframe[0].value) == 2


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("宏.xlsx", hostile.vba_project(), "MACROS"),
        ("公式.xlsx", messy.formula_without_value(), "FORMULA_NO_VALUE"),
        ("旧格式.xls", hostile.legacy_xls(), "LEGACY_XLS"),
        ("数据.xlsx", hostile.csv_renamed(), "NOT_XLSX"),
    ],
)
def test_bad_files_are_explained_and_change_nothing(store, name: str, data: bytes, code: str) -> None:
    at = log_in(open_page())
    at.file_uploader(key="upload_0").upload(name, data).run()
    assert not at.exception, at.exception
    assert any("不能保存" in e.value for e in at.error)
    assert code in set(at.dataframe[0].value["代码"])
    assert "save" not in {b.key for b in at.button}  # no save button for a refused file
    assert store.head().number == 1


def test_cancel_changes_nothing(store) -> None:
    at = log_in(open_page())
    at.file_uploader(key="upload_0").upload("x.xlsx", GOOD).run()
    at.button(key="cancel").click().run()
    assert any("已取消" in s.value for s in at.success)
    assert store.head().number == 1


def test_an_office_table_is_read_and_the_figures_are_counted(store) -> None:
    from tests import office

    at = log_in(open_page())
    at.file_uploader(key="upload_0").upload("2024年各镇街.xlsx", office.towns_by_indicators()).run()
    assert not at.exception, at.exception
    assert any("全部读取" in s.value for s in at.success)
    figures = {m.label: int(m.value) for m in at.metric}
    assert figures["读取的数字"] == 15 and figures["未读取的数字"] == 0
    findings = at.dataframe[0].value
    assert "TOWNS_LAYOUT" in set(findings["代码"])


def test_ignored_figures_make_the_report_amber_not_green(store) -> None:
    at = log_in(open_page())
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值", "上年"], ["森林覆盖率", "全区", 2025, 25.2, 24.9]]})
    at.file_uploader(key="upload_0").upload("多一列.xlsx", data).run()
    assert not any("文件可以使用" in s.value for s in at.success)
    assert any("1个数字没有读取" in w.value for w in at.warning)


def test_a_loss_is_shown_in_red_and_saving_waits_for_the_counted_confirmation(store) -> None:
    at = log_in(open_page())
    data = workbook({"指标数据": [["指标", "镇街", "年份", "数值", "操作"], ["森林覆盖率", "全区", 2024, None, "删除"]]})
    at.file_uploader(key="upload_0").upload("删除.xlsx", data).run()
    assert any("删除当前数据中的1行" in e.value for e in at.error)
    assert at.button(key="save").disabled
    at.checkbox(key="confirm_0").check().run()
    assert not at.button(key="save").disabled
    at.button(key="save").click().run()
    assert not at.exception, at.exception
    assert store.head().number == 2
    assert ("森林覆盖率", 2024) not in {(o.indicator, o.year) for o in store.current().dataset.observations}


def test_replacing_a_table_is_offered_and_counted(store) -> None:
    at = log_in(open_page())
    data = workbook({"基期数据": [["名称", "年份", "数值"], ["常住人口", 2022, 85.1]]})
    at.file_uploader(key="upload_0").upload("基期.xlsx", data).run()
    assert not any("删除当前数据" in e.value for e in at.error)
    at.multiselect(key="replace_tables").set_value(["facts"]).run()
    assert not at.exception, at.exception
    assert any("删除当前数据中的29行" in e.value for e in at.error)


def test_a_rollback_preview_is_made_once_per_chosen_and_current_version(store, monkeypatch) -> None:
    made: list[int] = []
    real = upload_worker.rollback_preview

    def counted(location: str, number: int, limit: int) -> diff.PreviewPage:
        made.append(number)
        return real(location, number, limit)

    monkeypatch.setattr(upload_worker, "rollback_preview", counted)
    at = log_in(open_page())
    at.file_uploader(key="upload_0").upload("x.xlsx", GOOD).run()
    at.button(key="save").click().run()
    at.selectbox(key="history_version").set_value(1).run()
    at.checkbox(key="confirm_rollback_1").check().run()  # a rerun with the same versions: made before
    at.checkbox(key="confirm_rollback_1").uncheck().run()
    assert made == [1]
    at.file_uploader(key="upload_1").upload("y.xlsx", workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2024, 25.0]]})).run()
    at.button(key="save").click().run()
    at.selectbox(key="history_version").set_value(1).run()  # a new current version: made again
    assert made == [1, 1]


def test_an_upload_let_go_is_removed_from_streamlits_own_store_too(monkeypatch) -> None:
    # Streamlit keeps a session's uploaded files until the session ends: a new upload box (the page's next round)
    # removes nothing, and eight uploads of 2 MB stayed in the server (bench/soak.py). AppTest re-adds the file on
    # every run, so the release is checked against a manager of our own.
    from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
    from streamlit.runtime.uploaded_file_manager import UploadedFile, UploadedFileRec

    manager = MemoryUploadedFileManager("/upload")
    record = UploadedFileRec("file-1", "一季度.xlsx", "application/octet-stream", b"x" * 1000)
    manager.add_file("session-1", record)
    monkeypatch.setattr(ui, "get_script_run_ctx", lambda: SimpleNamespace(uploaded_file_mgr=manager, session_id="session-1"))
    ui.release(upload=UploadedFile(record, SimpleNamespace(upload_url="", delete_url="")))  # type: ignore[arg-type]
    assert manager.get_files("session-1", ["file-1"]) == []
