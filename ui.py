"""Shared Streamlit helpers for app.py and pages/: page set-up, the data set in use, the sidebar.

Only drawing lives here; every number comes from xq_metrics.
"""

from __future__ import annotations

import base64
import ctypes
import dataclasses
import gc
import hashlib
import html
import json
import logging
import math
import pickle
import re
import secrets
import threading
from collections import OrderedDict
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Sequence, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.uploaded_file_manager import UploadedFile

import chrome
from xq_metrics import auth, language, paging, palette, texts, upload
from xq_metrics import filters as view
from xq_metrics.findings import clean
from xq_metrics.model import Dataset
from xq_metrics.numbers import fmt
from xq_metrics.status import Judgement
from xq_metrics.store import Editor, Store, VersionInfo, default_location, open_store
from xq_metrics.tasks import TaskRow, task_line

if TYPE_CHECKING:
    import pandas as pd

    from xq_metrics.project_charts import InvestmentBars

_LOG = logging.getLogger("xq_metrics.pages")

CARD_WIDTH = 256  # pixels of an overview card: three to a row beside the sidebar on a 1280 px screen
MD_MAX_LENGTH = 2000  # characters of one name or text in Markdown; a longer one is cut with …

def setup(page: str) -> tuple[Dataset, view.Filters]:
    """Call first on every page, with the catalogue key of its title ("PAGE_TOWNS"): the language, page config,
    navigation, the global filters, the data set in use and its banner. A key, not the words: the words depend on
    the language, which this run learns here."""
    title, cookie = _frame(page)
    version, dataset = _data_in_use()
    filters = global_filters(dataset)
    write_view_params(filters)
    st.title(title)
    dataset_banner(dataset, version)
    _view_line(title, dataset, filters, version.number, cookie)
    return dataset, filters


def view_page(page: str, body: Callable[[Dataset, view.Filters], None]) -> None:
    """setup() for a page all of whose content follows the view (总览, 街镇), drawn by body(dataset, filters).

    Everything below the banner is one fragment, and the fragment draws the sidebar's 镇街 box too: choosing a town
    reruns that fragment only, and the menu, the other filters, the title and the banner are neither run nor sent
    again (issue 13: the page redrawn for a town within 0.5 s). The page's own widgets are inside it as well."""
    title, cookie = _frame(page)
    version, dataset = _data_in_use()
    towns = st.sidebar.container()  # the 镇街 box keeps its place above the other filters; the fragment fills it
    global_filters(dataset, towns_drawn_by_view=True)
    st.title(title)
    dataset_banner(dataset, version)
    _view(title, version.number, cookie, towns, body)


@st.fragment
def _view(
    title: str, number: int, cookie: str | None, towns: Any, body: Callable[[Dataset, view.Filters], None]
) -> None:
    # A rerun of this fragment runs nothing outside it: what every run must do for the view is done here.
    st.session_state[_DOWNLOAD_KEYS] = {}
    version, dataset = _data_in_use()
    if version.number != number:
        st.rerun()  # another office saved since the page was drawn: redraw all of it, the banner included
    filters = _view_filters(dataset)
    with towns:
        _town_box(dataset)
    write_view_params(filters)
    _view_line(title, dataset, filters, number, cookie)
    body(dataset, filters)


def _frame(page: str) -> tuple[str, str | None]:
    """What every page does first: its language, config and menu. The title in this run's words, and the login
    cookie to set or clear (see _resume_login)."""
    speak()
    title = getattr(texts, page)
    chrome.page_config(title)
    st.session_state[_DOWNLOAD_KEYS] = {}  # download buttons are keyed afresh on every run (see _download_key)
    cookie = _resume_login()
    sidebar_nav()
    _forget_other_pages_params(page)
    return title, cookie


def _view_line(title: str, dataset: Dataset, filters: view.Filters, number: int, cookie: str | None) -> None:
    """The view in words below the banner, and the screen and print set-up whose header names it."""
    scope = view.describe(filters, dataset)
    st.markdown(f"**{texts.VIEW_LABEL}**{texts.COLON}{md(scope)}")
    chrome.inject(texts.PRINT_HEADER.format(
        app=texts.APP_TITLE, page="" if title == texts.APP_TITLE else f" · {title}", view=scope,
        version=number, date=datetime.now().strftime("%Y-%m-%d %H:%M"),
    ), cookie)


_LANGUAGE = "language"  # the session's language; in the link as ?lang=en (Chinese, the default, is not written)
_W_LANGUAGE = "w_language"
PARAM_LANGUAGE = "lang"


def speak() -> None:
    """This run speaks the session's language: from the link on the first visit, then from the sidebar's choice."""
    if _LANGUAGE not in st.session_state:
        st.session_state[_LANGUAGE] = st.query_params.get(PARAM_LANGUAGE, language.DEFAULT)
    st.session_state[_LANGUAGE] = language.use(st.session_state[_LANGUAGE])
    if st.session_state[_LANGUAGE] != language.DEFAULT:
        st.query_params[PARAM_LANGUAGE] = st.session_state[_LANGUAGE]
    elif PARAM_LANGUAGE in st.query_params:
        del st.query_params[PARAM_LANGUAGE]


def _language_chosen() -> None:
    if st.session_state.get(_W_LANGUAGE):
        st.session_state[_LANGUAGE] = st.session_state[_W_LANGUAGE]


_COOKIE_SET = "_login_cookie"  # the cookie this browser should hold: the editor's secret, "" to clear, None to leave


def _resume_login() -> str | None:
    """A reload keeps the login (until it expires or is revoked): the cookie brings its secret back."""
    pending = st.session_state.pop(_COOKIE_SET, None)
    if st.session_state.get(EDITOR_KEY) is None and pending is None:
        secret = chrome.login_cookie()
        if secret:
            editor = auth.resume(store(), secret)
            if editor is None:
                return ""  # expired or revoked: forget the cookie
            st.session_state[EDITOR_KEY] = editor
    return pending


def remember_login(editor: Editor | None) -> None:
    """After a login (editor) or a logout (None): the next run sets or clears the cookie."""
    st.session_state[_COOKIE_SET] = editor.secret if editor is not None else ""


EDITOR_KEY = "editor"  # the logged-in Editor of this browser session, minted by auth.login

# The view survives page changes in these session keys; widget keys are seeded from them on every run because
# each page's widgets are distinct widgets to Streamlit, even under the same key.
_STATE = "view_filters"
_NOTICE = "view_ignored"
_W_TOWNS, _W_CHAPTERS, _W_SECTIONS, _W_YEAR = "w_towns", "w_chapters", "w_sections", "w_year"
_W_DEPARTMENTS = "w_departments"
_LATEST = 0  # the year box's "最新年份": a selectbox shows None as an empty choice


def global_filters(dataset: Dataset, towns_drawn_by_view: bool = False) -> view.Filters:
    """The sidebar's 镇街 / 章节 / 节 / 年份 / 部门, persisted across pages and mirrored in the URL. On a view_page the
    镇街 box is drawn by the page's view fragment instead (_town_box)."""
    current = _view_filters(dataset)
    st.session_state[_W_CHAPTERS] = list(current.chapters)
    st.session_state[_W_SECTIONS] = list(current.sections)
    st.session_state[_W_YEAR] = current.year or _LATEST
    st.session_state[_W_DEPARTMENTS] = list(current.departments)

    chapters = dataset.chapters()
    years = view.available_years(dataset)
    with st.sidebar:
        if not towns_drawn_by_view:
            _town_box(dataset)
        st.multiselect(
            texts.FILTER_CHAPTER, list(chapters), key=_W_CHAPTERS, placeholder=texts.ALL,
            format_func=lambda c: view.chapter_label(dataset, c), on_change=_remember_filters,
        )
        if current.chapters:
            keys = [(s.chapter, s.section) for s in dataset.sections if s.chapter in current.chapters]
            st.multiselect(
                texts.FILTER_SECTION, keys, key=_W_SECTIONS, placeholder=texts.ALL,
                format_func=lambda k: view.section_label(dataset, k), on_change=_remember_filters,
            )
        st.selectbox(
            texts.FILTER_YEAR, [_LATEST, *reversed(years)], key=_W_YEAR,
            format_func=lambda y: texts.LATEST_YEAR if y == _LATEST else f"{y}{texts.YEAR_SUFFIX}", on_change=_remember_filters,
        )
        if dataset.departments or current.departments:
            st.multiselect(
                texts.FILTER_DEPARTMENT, [d.name for d in dataset.departments], key=_W_DEPARTMENTS, placeholder=texts.ALL,
                on_change=_remember_filters,
            )
        st.divider()
    if st.session_state.get(_NOTICE):
        st.warning(texts.IGNORED_PARAMS.format(items=md(texts.SEP.join(st.session_state[_NOTICE]))), icon=":material/link_off:")
        st.session_state[_NOTICE] = ()
    return current


def _view_filters(dataset: Dataset) -> view.Filters:
    """The view of this session: from the link on its first visit, then as chosen; re-read against the data in use
    (a version saved meanwhile may no longer hold a chosen section)."""
    if _STATE not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        parsed = view.from_params(params, dataset)
        st.session_state[_STATE] = parsed.filters
        st.session_state[_NOTICE] = parsed.ignored
    current = view.from_params(st.session_state[_STATE].to_params(), dataset).filters
    st.session_state[_STATE] = current
    return current


def _town_box(dataset: Dataset) -> None:
    st.session_state[_W_TOWNS] = list(st.session_state[_STATE].towns)
    st.multiselect(
        texts.FILTER_TOWN, [t.name for t in dataset.towns], key=_W_TOWNS, placeholder=texts.DISTRICT,
        on_change=_remember_filters,
    )


def write_view_params(current: view.Filters) -> None:
    """The view in the page's link, so a copied link opens the same view."""
    for key in (view.PARAM_TOWN, view.PARAM_CHAPTER, view.PARAM_SECTION, view.PARAM_YEAR, view.PARAM_DEPARTMENT):
        values = current.to_params().get(key)
        if values:
            st.query_params[key] = values
        elif key in st.query_params:
            del st.query_params[key]


T = TypeVar("T")
MAX_LINKED_VALUES = 50  # a link names a few choices; a longer list is not from this dashboard


def linked(
    widget: Callable[..., object], label: str, options: Sequence[T], key: str, param: str,
    code: Callable[[T], str] = str, default: T | None = None, **kwargs: object,
) -> Any:
    """A selectbox, multiselect or segmented control whose choice travels in the page's link (?indicator=6): read
    from the link on the session's first visit to the page (and whenever the widget was not drawn), else `default`,
    written back on every run, unknown values dropped with a notice."""
    by_code = {code(o): o for o in options}
    seeded = f"_linked_{key}"
    # Read again when Streamlit has dropped the widget's state: it was not drawn in a run (a tab not open), and
    # the link still holds the choice.
    if not st.session_state.get(seeded) or key not in st.session_state:
        raw = st.query_params.get_all(param)[:MAX_LINKED_VALUES]
        picked = [by_code[r] for r in raw if r in by_code]
        unknown = [r[:40] for r in raw if r not in by_code]
        if unknown:
            st.warning(texts.IGNORED_PARAMS.format(items=md(texts.SEP.join(unknown))), icon=":material/link_off:")
        if picked:
            st.session_state[key] = picked if widget is st.multiselect else picked[0]
        st.session_state[seeded] = True
    if default is not None and key not in st.session_state:
        st.session_state[key] = default  # as a value of the session, not the widget's default: the link may set it
    value = widget(label, list(options), key=key, **kwargs)
    chosen = value if isinstance(value, list) else ([] if value is None else [value])
    if chosen:
        st.query_params[param] = [code(v) for v in chosen]
        st.session_state.setdefault(_WRITTEN, set()).add(param)
    elif param in st.query_params:
        del st.query_params[param]
    return value


_WRITTEN = "_linked_params"  # the in-page choices this page wrote to the link
_PAGE = "_linked_page"


def _forget_other_pages_params(page: str) -> None:
    """A page's own choices (?indicator=6) belong to its link only: moving to another page drops them."""
    if st.session_state.get(_PAGE) != page:
        for param in st.session_state.get(_WRITTEN, set()):
            if param in st.query_params:
                del st.query_params[param]
        st.session_state[_WRITTEN] = set()
        st.session_state[_PAGE] = page


def _remember_filters() -> None:
    chapters = tuple(st.session_state[_W_CHAPTERS])
    sections = tuple(k for k in st.session_state.get(_W_SECTIONS, []) if k[0] in chapters)
    st.session_state[_STATE] = view.Filters(
        towns=tuple(st.session_state[_W_TOWNS]), chapters=chapters, sections=sections,
        year=st.session_state[_W_YEAR] or None, departments=tuple(st.session_state.get(_W_DEPARTMENTS, ())),
    )


def choose_department(key: str) -> None:
    """on_change of a page's 部门 chooser: the choice becomes the global 部门 filter, so the link carries it."""
    chosen = st.session_state.get(key)
    current = st.session_state.get(_STATE, view.Filters())
    st.session_state[_STATE] = dataclasses.replace(current, departments=(chosen,) if chosen else ())


# (file, catalogue key of its title, icon), in the menu's order.
PAGES = (
    ("app.py", "APP_TITLE", ":material/dashboard:"),
    ("pages/1_指标详情.py", "PAGE_INDICATOR", ":material/query_stats:"),
    ("pages/2_街镇.py", "PAGE_TOWNS", ":material/grid_view:"),
    ("pages/3_重大项目.py", "PAGE_PROJECTS", ":material/construction:"),
    ("pages/4_任务分工.py", "PAGE_TASKS", ":material/account_tree:"),
    ("pages/5_部门.py", "PAGE_DEPARTMENTS", ":material/apartment:"),
    ("pages/6_报告导出.py", "PAGE_REPORT", ":material/summarize:"),
    ("pages/7_数据管理.py", "PAGE_DATA", ":material/upload_file:"),
    ("pages/8_口径说明.py", "PAGE_METHOD", ":material/rule:"),
    ("pages/9_数据格式.py", "PAGE_FORMAT", ":material/table_view:"),
)
_MENU_LABEL = {"APP_TITLE": "PAGE_OVERVIEW"}  # the overview's menu entry is 总览, its title the app's name


def sidebar_nav() -> None:
    with st.sidebar:
        st.markdown(f"**{texts.APP_TITLE}**")
        for path, key, icon in PAGES:
            st.page_link(path, label=getattr(texts, _MENU_LABEL.get(key, key)), icon=icon)
        st.session_state[_W_LANGUAGE] = language.current()
        st.segmented_control(
            texts.LANGUAGE_LABEL, language.LANGUAGES, format_func=texts.LANGUAGE_NAMES.get, key=_W_LANGUAGE,
            on_change=_language_chosen,
        )
        editor = st.session_state.get(EDITOR_KEY)
        if editor is not None:
            st.caption(texts.LOGGED_IN_AS.format(name=md(editor.name)))
        st.divider()


def store() -> Store:
    return _store(default_location())


@st.cache_resource(show_spinner=False)
def _store(location: str) -> Store:
    # One store per location and process; seeded with the embedded default data on first start.
    opened = open_store(location)
    upload.seed(opened)
    return opened


def current_version() -> VersionInfo:
    head = store().head()
    assert head is not None  # seeded in _store
    return head


def _data_in_use() -> tuple[VersionInfo, Dataset]:
    """The current version and its data set for every session, from one look at the store (two could straddle a
    save): a save or rollback elsewhere shows on the next rerun."""
    version = current_version()
    return version, _dataset(default_location(), version.number)


def original_file(number: int) -> bytes:
    return _original(default_location(), number)


@st.cache_data(show_spinner=False, max_entries=2)
def _original(location: str, number: int) -> bytes:
    # A version's original never changes: fetched once, not on every rerun of every viewer.
    return _store(location).original(number)


# One: the version in use. A run that was drawing the one before when a save switched everyone over keeps its own
# reference until it ends; keeping it here as well held a second copy, tens of MB for a large upload, until the next
# save (bench/soak.py).
@st.cache_resource(show_spinner=False, max_entries=1)
def _dataset(location: str, number: int) -> Dataset:
    return _store(location).version(number).dataset


def dataset_banner(dataset: Dataset, version: VersionInfo) -> None:
    """The version in use in one line (not every file ever uploaded), and a banner when 示例 figures are in it."""
    saved = version.created_at.strftime("%Y-%m-%d %H:%M")
    st.caption(texts.DATASET_LINE.format(
        version=texts.VERSION_LABEL.format(number=version.number), time=saved, editor=md(version.editor),
        file=md(version.file_name),
    ))
    if dataset.sample_figures:
        st.warning(texts.SAMPLE_BANNER_COUNT.format(count=dataset.sample_figures), icon=":material/info:")


_MARKDOWN_SPECIAL = "\\`*_{}[]<>()#+-.!|~:$="
# A name is one line: a line break followed by === or --- made the name a heading.
_LINE_BREAKS = re.compile("\r\n|[\r\n\v\f\x85\u2028\u2029]")
# GitHub-flavoured Markdown links bare URLs and e-mail addresses even when their punctuation is escaped (the
# link is found in the text after escapes are resolved): a word joiner after the scheme, the "www" or the "@"
# breaks the pattern without changing what is seen.
_AUTOLINK = re.compile(r"(?i)(?:https?|ftp|mailto|xmpp)(?=:)|www(?=\.)|@")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """Text from a workbook or a link, safe inside st.markdown: no heading, link, emphasis or HTML in a name.

    Control characters are shown escaped (\\x01), as findings show them.
    """
    line = clean(_LINE_BREAKS.sub(" ", str(text)), limit=MD_MAX_LENGTH)
    line = _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, line)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in line)


PREVIEW_ROWS = 1_000  # changes listed on the page; the rest are counted (52,000 rows took 10 MB a rerun)


def release(*keys: str, upload: UploadedFile | None = None) -> None:
    """Drop what a page no longer needs from the session: a checked upload holds its file and report, and
    `upload`'s bytes are kept by Streamlit until the session ends (a new upload box removes nothing): 2 MB a round.

    Then hand the freed memory back to the system, not only to the allocator (bench/soak.py)."""
    for key in keys:
        st.session_state.pop(key, None)
    context = get_script_run_ctx()
    if upload is not None and context is not None:
        context.uploaded_file_mgr.remove_file(context.session_id, upload.file_id)
    gc.collect()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _libc() -> Any:
    try:
        return ctypes.CDLL("libc.so.6")  # glibc: malloc_trim returns free pages, also inside its arenas
    except OSError:
        return None


_LIBC = _libc()


def paginate(items: Sequence[T], size: int, key: str) -> list[T]:
    """One page of a long list, with page numbers and a line saying which part is shown (issue 13). A list that
    fits on one page is returned whole and nothing is drawn, so short lists look as they always did."""
    if len(items) <= size:
        return list(items)
    number = st.pagination(paging.pages(len(items), size), key=key)
    shown = paging.page(items, number, size)
    st.caption(texts.PAGE_RANGE.format(first=shown.first, last=shown.last, total=shown.total))
    return shown.items


def table(frame: object, **kwargs: object) -> None:
    """A table sized to its rows (up to a long page), so no row an official needs hides in a scrolled box."""
    st.dataframe(frame, hide_index=True, width="stretch", height="content", **kwargs)  # type: ignore[arg-type]


SPECS_KEPT = 300  # charts kept by chart_spec(): a few pages' worth for each of many views; the largest is ~60 KB of JSON
_SPECS: OrderedDict[bytes, str] = OrderedDict()
_SPECS_LOCK = threading.Lock()


def chart_spec(make: Callable[..., Any], *args: Any) -> dict[str, Any] | None:
    """make(*args) as a Vega-Lite dict (None when it draws nothing), built once for the same arguments and language.

    Building Altair charts was most of a rerun of 街镇 and 重大项目 (issue 13); the same view drawn again, by this
    official or another, reuses the dict. The key is the arguments themselves, pickled, with make's name and the
    language, not a description of them such as a version number and the filters: the chart functions are pure,
    so a cached chart is only ever one made from exactly the figures, view and words asked for, and a save, a
    town or a year can never bring back another. Each call gets its own copy: Streamlit edits the dict it draws."""
    key = hashlib.blake2b(
        pickle.dumps((make.__module__, make.__qualname__, language.current(), args), protocol=pickle.HIGHEST_PROTOCOL),
        digest_size=32,
    ).digest()
    with _SPECS_LOCK:
        made = _SPECS.get(key)
        if made is not None:
            _SPECS.move_to_end(key)
    if made is None:
        drawn = make(*args)
        made = json.dumps(drawn.to_dict(validate=False) if hasattr(drawn, "to_dict") else drawn, ensure_ascii=False)
        with _SPECS_LOCK:
            _SPECS[key] = made
            while len(_SPECS) > SPECS_KEPT:
                _SPECS.popitem(last=False)
    return json.loads(made)


def chart(spec: object, **kwargs: Any) -> Any:
    """Draw an Altair chart (or a Vega-Lite dict) without validating it against the schema on every run: the
    charts are validated by the tests, and validation cost more than building them."""
    if hasattr(spec, "to_dict"):
        spec = spec.to_dict(validate=False)  # type: ignore[union-attr]
    kwargs.setdefault("width", "stretch")
    return st.vega_lite_chart(spec, **kwargs)


def svg(markup: str, label: str, width: int, height: int) -> None:
    """An SVG document the core drew (charts.gauge_svg), shown as an image: the browser draws it at once, without
    a chart library (18 Vega views cost over half a second of a first visit to the overview, bench/pages.py).

    An image, because st.html keeps only HTML; as an image the SVG's own scripts and links could never run."""
    source = "data:image/svg+xml;base64," + base64.b64encode(markup.encode()).decode()
    text = html.escape(label)
    st.html(f'<img class="{GAUGE_IMAGE}" src="{source}" width="{width}" height="{height}" alt="{text}" title="{text}">')


GAUGE_IMAGE = "xq-gauge"  # how tests and the page-speed bench find the overview's gauges


def chart_or_notice(spec: object | None, notice: str) -> None:
    """Draw the chart, or say why there is none: an empty chart tells an official nothing."""
    if spec is None:
        st.info(notice)
    else:
        chart(spec)


METRIC_WIDTH = "content"  # metrics in a horizontal container wrap on a phone instead of stacking one per row
TASK_BADGE = {
    texts.TASK_DONE: "green",
    texts.TASK_IN_PROGRESS: "blue",
    texts.TASK_NOT_STARTED: "gray",
    texts.TASK_LAGGING: "orange",
    texts.TASK_NOT_REPORTED: "gray",
}


def task_badge(status: str, overdue: bool = False) -> str:
    """A task's 进展状态 as a badge, and a red 逾期 badge beside it when its deadline has passed."""
    badge = f":{TASK_BADGE.get(status, 'gray')}-badge[{md(status)}]"
    return badge + (f" :red-badge[{texts.OVERDUE_BADGE}]" if overdue else "")


def task_markdown(row: TaskRow) -> str:
    """One task as a short block: code, name and badges, then its 分工, deadline and latest progress."""
    lines = [f"**{row.code} {md(row.task.name)}** {task_badge(row.status, row.overdue)}"]
    lines += [f":gray[{label}]{texts.COLON}{md(value)}" for label, value in task_line(row)]
    return "  \n".join(lines)


def status_badge(j: Judgement) -> str:
    """The status as a coloured badge with its symbol and words; 预警 and 示例 marked on the badge itself."""
    sample = f" :orange-badge[{texts.SAMPLE}]" if j.sample else ""
    if j.alert:
        return f":red-badge[{palette.ALERT_SYMBOL} {texts.ALERT}·{j.status_label}]{sample}"
    return f":{palette.STATUS_BADGES[j.status]}-badge[{palette.symbol(j)} {j.status_label}]{sample}"


def on_script_error(exc: Exception) -> bool:
    """server.py's handler for any uncaught exception on a page: words in the page's language here, the traceback
    in the log.

    The incident number ties what an official reports to the log line. True tells Streamlit not to show its own
    exception box.
    """
    incident = secrets.token_hex(4)
    _LOG.error("uncaught exception on a page, incident %s", incident, exc_info=exc)
    st.error(texts.UNEXPECTED_ERROR.format(incident=incident), icon=":material/error:")
    return True


# --------------------------------------------------------------------------- exports (issue 15)
# Every table leaves as Excel, every chart as PNG and SVG, and the 报告导出 page's report and workbooks. Each file is
# made only when its button is clicked (a deferred download: no cost on the page's run), off the script thread,
# so these callables touch no Streamlit state: they get plain values.

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_DOWNLOAD_KEYS = "_download_keys"


def later(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """A file made when its button is clicked: Streamlit calls it off this run's thread, so it is handed the
    language of this run."""
    spoken = language.current()

    def made() -> bytes:
        with language.speaking(spoken):
            return make()

    return made


def _download_key(kind: str, name: str) -> str:
    """A stable key per button of this run: the name, numbered when a page uses it twice."""
    keys = st.session_state.setdefault(_DOWNLOAD_KEYS, {})
    base = f"dl_{kind}_{name}"
    count = keys.get(base, 0)
    keys[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


def file_stem(name: str) -> str:
    """A name as a file name: no character Windows refuses, at most 80 characters."""
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in name)[:80] or "table"


def excel_button(frame: object, name: str) -> None:
    """The table as a styled Excel file (Chinese headers, units, numbers as numbers, 未填报 noted). `frame` may be
    a function making it: a table longer than the page shows (20,000 projects) is then built only when clicked."""
    from xq_metrics import exports

    st.download_button(
        texts.DOWNLOAD_TABLE_XLSX, data=later(lambda: exports.table_xlsx(frame() if callable(frame) else frame, name)),
        file_name=f"{file_stem(name)}.xlsx",
        mime=XLSX_MIME, key=_download_key("xlsx", name), on_click="ignore", type="tertiary",
        icon=":material/table_view:",
    )


def text_table(frame: pd.DataFrame) -> None:
    """A short reference table as the page's own text: found with Ctrl+F, selected and printed like any words. The
    interactive grid (ui.table) is for lists to sort and scroll; each one costs a first visit about a quarter of a
    second (bench/pages.py: 数据格式's 14 tables as grids settled 0.66 s later)."""
    columns = list(frame.columns)
    lines = [_row(columns), "|" + "---|" * len(columns)]
    lines += [_row(row) for row in frame.itertuples(index=False)]
    st.markdown("\n".join(lines))


LIST_TABLE = "xq-list"  # chrome.py styles it; tests and the page-speed probes find it by this class
PINNED = "xq-pinned"  # its first column stays in view while the table scrolls sideways
SHARE_BAR = "xq-bar"


def list_table(frame: pd.DataFrame, pinned: str | None = None, shares: Sequence[str] = ()) -> None:
    """A list to read row by row (重大项目's projects) as one HTML table: sorted by the chooser above it (ui.ordered),
    found with Ctrl+F, printed like any text. `pinned` is shown first and stays in view while the other columns
    scroll sideways; `shares` (fractions of 1) are shown as a percentage with a bar, as the grid's progress column.

    Not a grid: a first visit paid about a quarter of a second for the grid's code and canvas (bench/pages.py). Not
    Markdown either: every cell of a Markdown table is an element of its own, and 37 rows of 17 columns cost a
    first visit twice what the same table costs as one block of HTML. Every cell is escaped."""
    columns = list(frame.columns)
    if pinned is not None:
        columns.remove(pinned)
        columns.insert(0, pinned)
    share_at = {columns.index(c) for c in shares}
    head = "".join(f"<th>{_html_text(c)}</th>" for c in columns)
    rows = [
        "<tr>" + "".join(_share_cell(v) if i in share_at else f"<td>{_html_text(_cell(v))}</td>" for i, v in enumerate(cells)) + "</tr>"
        for cells in frame[columns].itertuples(index=False)
    ]
    kind = f"{LIST_TABLE} {PINNED}" if pinned is not None else LIST_TABLE
    st.html(f'<div class="{kind}"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _html_text(value: object) -> str:
    return html.escape(clean(_LINE_BREAKS.sub(" ", str(value)), limit=MD_MAX_LENGTH))


def _share_cell(value: object) -> str:
    # Not computed (a total not disclosed) stays empty: an empty bar at 0% would read as nothing done.
    if not isinstance(value, (int, float)) or math.isnan(value):
        return "<td></td>"
    width = min(max(float(value), 0.0), 1.0)
    return (
        f'<td><span class="{SHARE_BAR}"><span style="width:{width:.1%}"></span></span>{value:.1%}</td>'
    )


FIGURES = "xq-figures"  # chrome.py styles them; tests read them back by this class


def figures(items: Sequence[tuple[str, str, str]]) -> None:
    """Headline figures as st.metric draws them, (label, value, what it covers in grey), in one wrapping row of one
    HTML block: five metrics in rows of columns were thirteen elements, each a message and a redraw of the page
    while it loads, and their own code to fetch on a first visit. Every word is escaped."""
    cards = "".join(
        f"<div><p>{_html_text(label)}</p><p>{_html_text(value)}</p><p><span>{_html_text(covers)}</span></p></div>"
        for label, value, covers in items
    )
    st.html(f'<div class="{FIGURES}">{cards}</div>')


BAR_CHART = "xq-bars"  # chrome.py styles it; tests read it back by this class


def bar_chart(bars: InvestmentBars) -> None:
    """Stacked horizontal bars (project_charts.investment_bars) as one HTML block: each part's words show on hover, as
    the chart's tooltips do; bars, axis and legend scale with the page from a laptop to a phone; Ctrl+F finds a group.

    Not a Vega chart: on 重大项目 the chart library's code, fetched and run after every other element's, was the
    largest part of a first visit (bench/pages.py: about 0.3 s of 1.8). Its PNG and SVG are the Vega-Lite chart's
    (project_charts.investment_by), the same bars. Every word is escaped."""
    def at(amount: float) -> str:
        return f"{100 * amount / bars.end:.3f}%"

    step = at(bars.ticks[1]) if len(bars.ticks) > 1 else "100%"
    rows = []
    for bar in bars.bars:
        parts = "".join(
            f'<span class="xq-bars-part" style="width:{at(p.amount_yi)};background:{p.colour}" title="{_tip(p.tip)}" '
            f'data-status="{_html_text(p.status)}" data-amount="{p.amount_yi!r}"></span>'
            for p in bar.segments if p.amount_yi > 0
        )
        rows.append(
            f'<div class="xq-bars-row" data-group="{_html_text(bar.group)}"><span class="xq-bars-name">{_html_text(bar.group)}</span>'
            f'<span class="xq-bars-track" style="background-size:{step} 100%">{parts}'
            f'<span class="xq-bars-label" title="{_tip(bar.tip)}">{_html_text(bar.label)}</span></span></div>'
        )
    ticks = "".join(f'<span style="left:{at(t)}">{_html_text(fmt(t))}</span>' for t in bars.ticks)
    legend = "".join(f'<span><i style="background:{colour}"></i>{_html_text(status)}</span>' for status, colour in bars.legend)
    st.html(
        f'<div class="{BAR_CHART}" role="figure" aria-label="{_html_text(bars.title)}">{"".join(rows)}'
        f'<div class="xq-bars-row xq-bars-axis"><span class="xq-bars-name"></span><span class="xq-bars-track">{ticks}</span></div>'
        f'<p class="xq-bars-title">{_html_text(bars.title)}</p>'
        f'<p class="xq-bars-legend"><b>{_html_text(texts.TIP_STATUS)}</b>{legend}</p></div>'
    )


def _tip(text: str) -> str:
    """Words of a tooltip (a title attribute), one line each."""
    return "&#10;".join(_html_text(line) for line in text.split("\n"))


def ordered(
    items: Sequence[T], orders: Sequence[tuple[str, Callable[[T], float | int | None], str, str]], own: str, key: str,
) -> list[T]:
    """The list in the order chosen above it: its own order (named `own`), or by one of `orders` either way. Each order
    is (column, its value, the words for largest first, for smallest first). An item without the value (未披露,
    未填报) comes last either way: a figure nobody gave is never read as 0."""
    options = range(1 + 2 * len(orders))  # 0: own order; then each order largest first, smallest first

    def label(option: int) -> str:
        if option == 0:
            return own
        column, _, large_first, small_first = orders[(option - 1) // 2]
        return texts.SORT_OPTION.format(column=column, direction=large_first if option % 2 else small_first)

    choice = st.selectbox(texts.SORT_LABEL, options, key=key, format_func=label, width=360)
    if not choice:
        return list(items)
    value = orders[(choice - 1) // 2][1]
    given = [item for item in items if value(item) is not None]
    missing = [item for item in items if value(item) is None]
    if missing:
        st.caption(texts.SORT_MISSING_LAST)
    return sorted(given, key=value, reverse=bool(choice % 2)) + missing  # type: ignore[arg-type, return-value]


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(md(_cell(c)) for c in cells) + " |"


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return fmt(value) if isinstance(value, float) else str(value)


def named_table(frame: object, name: str, text: bool = False, **kwargs: object) -> None:
    """The table (as text when `text`: ui.text_table) with its Excel download below it."""
    if text:
        text_table(frame)  # type: ignore[arg-type]
    else:
        table(frame, **kwargs)
    excel_button(frame, name)


def chart_downloads(chart: object, name: str, caption: str | None = None) -> None:
    """PNG and SVG of the chart, drawn on the server with the shipped CJK font (the same picture on any machine);
    `caption` says what they hold where the chart is not right above them. `chart` may be a function making it:
    a chart the page shows in another form (ui.bar_chart) is then made only when a button is clicked."""
    from xq_metrics import chart_images

    def made() -> object:
        return chart() if callable(chart) else chart

    stem = file_stem(name)
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        if caption:
            st.caption(caption, width="content")
        st.download_button(
            texts.DOWNLOAD_CHART_PNG, data=later(lambda: chart_images.png(made())), file_name=f"{stem}.png", mime="image/png",
            key=_download_key("png", name), on_click="ignore", type="tertiary", icon=":material/image:",
        )
        st.download_button(
            texts.DOWNLOAD_CHART_SVG, data=later(lambda: chart_images.svg(made())), file_name=f"{stem}.svg", mime="image/svg+xml",
            key=_download_key("svg", name), on_click="ignore", type="tertiary", icon=":material/image:",
        )


def named_chart(spec: object, name: str, **kwargs: Any) -> Any:
    """chart with its PNG and SVG downloads below it."""
    drawn = chart(spec, **kwargs)
    chart_downloads(spec, name)
    return drawn


def named_chart_or_notice(spec: object | None, notice: str, name: str) -> None:
    """chart_or_notice with the chart's PNG and SVG downloads."""
    if spec is None:
        st.info(notice)
    else:
        named_chart(spec, name)


_REPORT_CACHE: dict[tuple, bytes] = {}
_REPORT_CACHE_SIZE = 6


_REPORT_LOCK = threading.Lock()


def report_file(fmt: str, dataset: Dataset, filters: view.Filters, version: VersionInfo, location: str) -> bytes:
    """The Word or PDF report of this view, made once per data version, view, format and day."""
    from xq_metrics import report_doc

    key = (location, version.number, filters, fmt, datetime.now().date(), language.current())
    with _REPORT_LOCK:
        if key in _REPORT_CACHE:
            return _REPORT_CACHE[key]
    report = report_doc.build(dataset, filters, report_doc.DataVersion.of(version))
    if fmt == "pdf":
        from xq_metrics.report_pdf import render
    else:
        from xq_metrics.report_docx import render
    data = render(report)
    with _REPORT_LOCK:
        _REPORT_CACHE[key] = data
        while len(_REPORT_CACHE) > _REPORT_CACHE_SIZE:
            _REPORT_CACHE.pop(next(iter(_REPORT_CACHE)))
    return data


def report_outline(dataset: Dataset, filters: view.Filters) -> Any:
    """The report of this view as data, for the 报告导出 page (built once per data version, view and day)."""
    version = current_version()
    return _outline(
        default_location(), version.number, filters, datetime.now().date(), language.current(), version, dataset
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _outline(
    location: str, number: int, filters: view.Filters, day: object, speaking: str, _version: VersionInfo,
    _dataset: Dataset,
) -> Any:
    from xq_metrics import report_doc

    return report_doc.build(_dataset, filters, report_doc.DataVersion.of(_version))
