"""The audit log in words: every code from the one catalogue, odd rows still shown, every cell neutralised."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from xq_metrics import audit, texts
from xq_metrics.store import AuditEntry

WHEN = datetime(2025, 6, 1, 9, 30, 5, tzinfo=timezone(timedelta(hours=8)))


@pytest.mark.parametrize(
    ("action", "params", "words"),
    [
        ("seed", {"file_name": "内置.zip", "number": 1}, "初始数据 内置.zip，生成第1版"),
        ("upload", {"file_name": "一季度.xlsx", "number": 7}, "上传 一季度.xlsx，生成第7版"),
        ("rollback", {"source": 3, "number": 8}, "回退到第3版，生成第8版"),
        ("login", {}, "登录成功"),
        ("logout", {}, "退出登录"),
        ("login_failed", {"count": 2}, "密码错误（连续第2次）"),
        ("login_unknown", {"count": 1}, "用户名不存在（连续第1次）"),
        ("login_locked", {"seconds": 16}, "登录尝试过多，锁定期间拒绝登录（还需16秒）"),
        ("editor_added", {"name": "张三"}, "添加编辑人员“张三”"),
        ("editor_removed", {"name": "张三", "sessions": 0}, "删除编辑人员“张三”，结束其0个登录"),
        # Rows of the previous release keep their sentence, whatever their action.
        ("login_failed", {audit.LEGACY_DETAIL: "密码错误（连续第3次）"}, "密码错误（连续第3次）"),
        ("login", {audit.LEGACY_DETAIL: ""}, ""),
        # Odd rows never break the page: a code this release does not know, a parameter missing.
        ("password_changed", {"name": "张三"}, "（无法显示的记录：password_changed）"),
        ("upload", {"file_name": "x.xlsx"}, "（无法显示的记录：upload）"),
        ("rollback", {"source": {"nested": 1}, "number": 2}, "回退到第{'nested': 1}版，生成第2版"),
    ],
)
def test_render(action: str, params: dict[str, object], words: str) -> None:
    assert audit.render(action, params) == words


def test_every_action_the_store_and_auth_write_has_words_and_a_label() -> None:
    written = {"seed", "upload", "rollback", "login", "logout", "login_failed", "login_unknown", "login_locked",
               "editor_added", "editor_removed"}
    assert written <= set(texts.AUDIT_DETAILS) and written <= set(texts.AUDIT_ACTIONS)


@pytest.mark.parametrize(
    ("editor", "params", "shown_editor", "shown_detail"),
    [
        ("=cmd|' /C calc'!A0", {"count": 1}, "'=cmd|' /C calc'!A0", "用户名不存在（连续第1次）"),
        ("+1", {"count": 1}, "'+1", "用户名不存在（连续第1次）"),
        ("-1", {"count": 1}, "'-1", "用户名不存在（连续第1次）"),
        ("@SUM(A1)", {"count": 1}, "'@SUM(A1)", "用户名不存在（连续第1次）"),
        ("张三", {audit.LEGACY_DETAIL: "=HYPERLINK(\"http://x\")"}, "张三", "'=HYPERLINK(\"http://x\")"),
        ("张三", {audit.LEGACY_DETAIL: "\t=1"}, "张三", "'\t=1"),
    ],
)
def test_display_rows_are_neutralised(editor: str, params: dict[str, object], shown_editor: str, shown_detail: str) -> None:
    row = audit.display_row(AuditEntry(WHEN, editor, "login_unknown", params))
    assert row == {
        texts.AUDIT_COL_TIME: "2025-06-01 09:30:05", texts.AUDIT_COL_EDITOR: shown_editor,
        texts.AUDIT_COL_ACTION: "登录失败", texts.AUDIT_COL_DETAIL: shown_detail,
    }
