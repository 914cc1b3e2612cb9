"""The 任务分工 and 部门 pages under AppTest: render, honour the sidebar's 镇街/章节/年份/部门 and a copied link, and say
待明确 where the plan names no department."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from xq_metrics import tasks, texts
from xq_metrics.defaults import PLAN_WORKBOOK, load_default, load_plan
from xq_metrics.filters import Filters
from xq_metrics.store import open_store

ROOT = Path(__file__).resolve().parent.parent
TASKS_PAGE = "pages/4_任务分工.py"
DEPT_PAGE = "pages/5_部门.py"
DATA = load_default().dataset


def open_page(page: str, **params: list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, int]:
    return {m.label: int(m.value) for m in at.metric}


def expected(view: Filters) -> list[tasks.TaskRow]:
    return [r for r in tasks.task_rows(DATA, view.year, date.today()) if tasks.keeps(r, view)]


# --- 任务分工 -----------------------------------------------------------------------------------------------------------


def test_tasks_page_shows_the_tree_the_rollups_and_the_table() -> None:
    at = open_page(TASKS_PAGE)
    shown = metrics(at)
    assert shown[texts.METRIC_TASKS] == 62
    assert sum(shown[s] for s in tasks.STATUS_ORDER[:4]) + shown[texts.METRIC_UNREPORTED.format(year=2024)] >= 62
    assert shown[texts.METRIC_OVERDUE] == sum(1 for r in expected(Filters()) if r.overdue)
    assert [e.label.split(" · ")[0] for e in at.expander] == [
        "第三章 融入京津冀协同发展 优化城镇化发展格局", "第四章 聚集创新发展动力 建设现代化活力新城",
        "第五章 建设智慧绿色安全城区 打造高品质生活空间", "第六章 推进城乡融合发展 实现城乡共同繁荣",
        "第七章 健全城镇化发展机制 推进治理能力现代化",
    ]
    rollup, table = at.dataframe[0].value, at.dataframe[1].value
    assert len(table) == 62 and list(table["编号"][:2]) == ["3.1.1", "3.1.2"]
    chapters = rollup[~rollup["章节"].str.startswith("　")]
    assert chapters["任务数"].sum() == 62
    text = "\n".join(m.value for m in at.markdown)
    assert "**5.1.1 有序推动城市更新**" in text and "区住房建设委" in text
    assert len(at.get("vega_lite_chart")) == 1
    assert not any(texts.PENDING_UNIT in i.value for i in at.info)  # every task has a 分工 in the sample


@pytest.mark.parametrize(
    ("params", "view"),
    [
        ({"chapter": ["5"]}, Filters(chapters=(5,))),
        ({"chapter": ["6"], "section": ["6-2"]}, Filters(chapters=(6,), sections=((6, 2),))),
        ({"town": ["杨柳青镇"]}, Filters(towns=("杨柳青镇",))),
        ({"dept": ["区住建委"]}, Filters(departments=("区住房建设委",))),
        ({"town": ["辛口镇"], "chapter": ["6"], "year": ["2023"]}, Filters(towns=("辛口镇",), chapters=(6,), year=2023)),
    ],
    ids=["chapter", "section", "town", "department-alias", "town-chapter-year"],
)
def test_tasks_page_under_the_global_filters(params: dict[str, list[str]], view: Filters) -> None:
    at = open_page(TASKS_PAGE, **params)
    rows = expected(view)
    assert metrics(at)[texts.METRIC_TASKS] == len(rows)
    assert list(at.dataframe[1].value["编号"]) == [r.code for r in rows]
    assert len(at.expander) == len({r.chapter for r in rows})
    if view.chapters:
        assert all(e.proto.expanded for e in at.expander)


def test_tasks_page_search_status_and_behind_only() -> None:
    at = open_page(TASKS_PAGE)
    at.text_input(key="t_search").set_value("城中村").run()
    assert list(at.dataframe[1].value["编号"]) == ["5.1.2"]
    at.text_input(key="t_search").set_value("").run()
    at.multiselect(key="t_status").set_value([texts.TASK_DONE]).run()
    assert set(at.dataframe[1].value["进展状态"]) == {texts.TASK_DONE}
    at.multiselect(key="t_status").set_value([]).run()
    at.toggle(key="t_behind").set_value(True).run()
    assert {r.code for r in expected(Filters()) if r.behind} == set(at.dataframe[1].value["编号"])
    at.text_input(key="t_search").set_value("没有这样的任务").run()
    assert any("没有符合条件的任务" in i.value for i in at.info)


def test_unknown_or_hostile_department_in_a_link_is_dropped_with_a_notice() -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["dept"] = ["[点我](javascript:alert(1))", "区教育局"]
    at.run()
    notice = " ".join(w.value for w in at.warning)  # said once, on the page the link opens
    assert "已忽略" in notice and "\\[点我\\]\\(javascript" in notice
    at.switch_page(TASKS_PAGE).run()
    assert not at.exception
    assert at.multiselect(key="w_departments").value == ["区教育局"]
    assert metrics(at)[texts.METRIC_TASKS] == len(expected(Filters(departments=("区教育局",))))


# --- 部门 -----------------------------------------------------------------------------------------------------------


def test_department_page_without_a_choice_lists_every_department() -> None:
    at = open_page(DEPT_PAGE)
    assert at.selectbox(key="dept_choice").value is None
    workload = at.dataframe[0].value
    assert len(workload) == len(DATA.departments) and workload["牵头任务"].sum() == 62


def test_choosing_a_department_shows_what_it_answers_for_and_writes_the_link() -> None:
    at = open_page(DEPT_PAGE)
    at.selectbox(key="dept_choice").select("区教育局").run()
    assert not at.exception, at.exception
    view = tasks.department_view(DATA, "区教育局", Filters(), date.today())
    shown = metrics(at)
    assert shown[texts.DEPT_METRIC_LEADS] == len(view.leads) == 1
    assert shown[texts.DEPT_METRIC_INDICATORS] == 3 and shown[texts.DEPT_METRIC_PROJECTS] == 2
    assert shown[texts.DEPT_METRIC_OVERDUE] == len(view.overdue)
    text = "\n".join(m.value for m in at.markdown)
    assert "学前三年毛入园率" in text and "### 区教育局" in text
    assert at.query_params["dept"] in ("区教育局", ["区教育局"])
    # the choice is the global filter: the 任务分工 page now holds this department's tasks
    at.switch_page(TASKS_PAGE).run()
    assert metrics(at)[texts.METRIC_TASKS] == len(view.leads) + len(view.supports)


def test_a_copied_link_opens_the_department_under_a_chapter() -> None:
    at = open_page(DEPT_PAGE, dept=["发改委"], chapter=["5"])
    assert at.selectbox(key="dept_choice").value == "区发展改革委"
    view = tasks.department_view(DATA, "区发展改革委", Filters(chapters=(5,)), date.today())
    shown = metrics(at)
    assert shown[texts.DEPT_METRIC_LEADS] == len(view.leads) and shown[texts.DEPT_METRIC_INDICATORS] == 1
    assert "区发展改革委" in next(m.value for m in at.markdown if m.value.startswith("**当前视图**"))


def test_a_town_government_sees_its_tasks_and_projects() -> None:
    at = open_page(DEPT_PAGE, dept=["王稳庄镇"])
    assert at.selectbox(key="dept_choice").value == "王稳庄镇人民政府"
    text = "\n".join(m.value for m in at.markdown)
    assert "（王稳庄镇）" in text
    assert metrics(at)[texts.DEPT_METRIC_PROJECTS] == 1


@pytest.fixture()
def plan_only_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store holding only the plan: the departments and the 分工 it does not publish are absent."""
    path = tmp_path / "plan-only.sqlite3"
    open_store(str(path)).seed(load_plan().dataset, PLAN_WORKBOOK.name, PLAN_WORKBOOK.read_bytes())
    monkeypatch.setenv("XQ_STORE", str(path))
    return path


def test_with_the_plan_alone_every_lead_is_pending_never_guessed(plan_only_store: Path) -> None:
    at = open_page(TASKS_PAGE)
    assert any("62项任务尚无牵头单位" in i.value for i in at.info)
    table = at.dataframe[1].value
    assert set(table["牵头单位"]) == {texts.PENDING_UNIT} and set(table["进展状态"]) == {texts.TASK_NOT_REPORTED}
    assert not at.multiselect(key="w_towns").value and "w_departments" not in [w.key for w in at.multiselect]
    at.switch_page(DEPT_PAGE).run()
    assert not at.exception
    assert any("没有部门名录" in i.value and "待明确" in i.value for i in at.info)


HOSTILE = "**粗体**[点我](javascript:alert(1))<b>局</b>"


@pytest.fixture()
def hostile_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Names from a workbook with Markdown and HTML in them: a 部门 that leads a task, and a chapter title."""
    import dataclasses

    from xq_metrics.model import Department

    sections = tuple(dataclasses.replace(s, chapter_title=HOSTILE) if s.chapter == 5 else s for s in DATA.sections)
    progress = tuple(
        dataclasses.replace(p, lead=(HOSTILE,), note=HOSTILE) if p.task == "5.1.1" else p for p in DATA.task_progress
    )
    data = dataclasses.replace(
        DATA, departments=(*DATA.departments, Department(HOSTILE)), task_progress=progress, sections=sections,
    )
    path = tmp_path / "hostile.sqlite3"
    open_store(str(path)).seed(data, PLAN_WORKBOOK.name, PLAN_WORKBOOK.read_bytes())
    monkeypatch.setenv("XQ_STORE", str(path))
    return path


def test_names_from_a_workbook_are_shown_as_text(hostile_store: Path) -> None:
    escaped = "\\*\\*粗体\\*\\*\\[点我\\]\\(javascript\\:alert\\(1\\)\\)\\<b\\>局\\</b\\>"
    at = open_page(DEPT_PAGE, dept=[HOSTILE], chapter=["5"])
    markdown = "\n".join(m.value for m in at.markdown)
    assert escaped in markdown and "[点我](javascript" not in markdown
    at.switch_page(TASKS_PAGE).run()
    assert not at.exception
    markdown = "\n".join(m.value for m in at.markdown)
    assert escaped in markdown and "[点我](javascript" not in markdown
    assert all("[点我](javascript" not in e.label for e in at.expander)
