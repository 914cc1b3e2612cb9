"""Shared Streamlit helpers for app.py and pages/: page set-up, the data set in use, the sidebar.

Only drawing lives here; every number comes from xq_metrics.
"""

from __future__ import annotations

import logging
import re
import secrets

import streamlit as st

from xq_metrics import filters as view
from xq_metrics import texts, upload
from xq_metrics.findings import clean
from xq_metrics.model import Dataset
from xq_metrics.store import Store, VersionInfo, default_location, open_store
from xq_metrics.status import Judgement

_LOG = logging.getLogger("xq_metrics.pages")

MD_MAX_LENGTH = 2000  # characters of one name or text in Markdown; a longer one is cut with …

# Streamlit's named colours for badges and coloured text.
STATUS_BADGE = {
    texts.STATUS_AHEAD: "green",
    texts.STATUS_FASTER: "green",
    texts.STATUS_ON_TRACK: "blue",
    texts.STATUS_LAGGING: "orange",
    texts.STATUS_AWAIT_CITY: "violet",
    texts.STATUS_MANUAL: "violet",
    texts.STATUS_NO_DATA: "gray",
}


def setup(title: str) -> tuple[Dataset, view.Filters]:
    """Call first on every page: page config, navigation, the global filters, the data set in use and its banner."""
    st.set_page_config(page_title=f"{title} · {texts.APP_TITLE}", page_icon=":material/monitoring:", layout="wide")
    sidebar_nav()
    dataset = current_dataset()
    filters = global_filters(dataset)
    st.title(title)
    dataset_banner(dataset)
    st.markdown(f"**{texts.VIEW_LABEL}**：{md(view.describe(filters, dataset))}")
    return dataset, filters


EDITOR_KEY = "editor"  # the logged-in Editor of this browser session, minted by auth.login

# The view survives page changes in these session keys; widget keys are seeded from them on every run because
# each page's widgets are distinct widgets to Streamlit, even under the same key.
_STATE = "view_filters"
_NOTICE = "view_ignored"
_W_TOWNS, _W_CHAPTERS, _W_SECTIONS, _W_YEAR = "w_towns", "w_chapters", "w_sections", "w_year"
_LATEST = 0  # the year box's "最新年份": a selectbox shows None as an empty choice


def global_filters(dataset: Dataset) -> view.Filters:
    """The sidebar's 镇街 / 章节 / 节 / 年份, persisted across pages and mirrored in the URL."""
    if _STATE not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        parsed = view.from_params(params, dataset)
        st.session_state[_STATE] = parsed.filters
        st.session_state[_NOTICE] = parsed.ignored
    # Re-read against the data in use: a version saved meanwhile may no longer hold a chosen section.
    current = view.from_params(st.session_state[_STATE].to_params(), dataset).filters
    st.session_state[_STATE] = current
    st.session_state[_W_TOWNS] = list(current.towns)
    st.session_state[_W_CHAPTERS] = list(current.chapters)
    st.session_state[_W_SECTIONS] = list(current.sections)
    st.session_state[_W_YEAR] = current.year or _LATEST

    chapters = dataset.chapters()
    years = view.available_years(dataset)
    with st.sidebar:
        st.multiselect(
            texts.FILTER_TOWN, [t.name for t in dataset.towns], key=_W_TOWNS, placeholder=texts.DISTRICT,
            on_change=_remember_filters,
        )
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
        st.divider()
    for key in (view.PARAM_TOWN, view.PARAM_CHAPTER, view.PARAM_SECTION, view.PARAM_YEAR):
        values = current.to_params().get(key)
        if values:
            st.query_params[key] = values
        elif key in st.query_params:
            del st.query_params[key]
    if st.session_state.get(_NOTICE):
        st.warning(texts.IGNORED_PARAMS.format(items=md("、".join(st.session_state[_NOTICE]))), icon=":material/link_off:")
        st.session_state[_NOTICE] = ()
    return current


def _remember_filters() -> None:
    chapters = tuple(st.session_state[_W_CHAPTERS])
    sections = tuple(k for k in st.session_state.get(_W_SECTIONS, []) if k[0] in chapters)
    st.session_state[_STATE] = view.Filters(
        towns=tuple(st.session_state[_W_TOWNS]), chapters=chapters, sections=sections,
        year=st.session_state[_W_YEAR] or None,
    )


PAGES = (
    ("app.py", texts.PAGE_OVERVIEW, ":material/dashboard:"),
    ("pages/1_指标详情.py", texts.PAGE_INDICATOR, ":material/query_stats:"),
    ("pages/4_街镇.py", texts.PAGE_TOWNS, ":material/grid_view:"),
    ("pages/5_重大项目.py", texts.PAGE_PROJECTS, ":material/construction:"),
    ("pages/6_数据管理.py", texts.PAGE_DATA, ":material/upload_file:"),
    ("pages/2_口径说明.py", texts.PAGE_METHOD, ":material/rule:"),
    ("pages/3_数据格式.py", texts.PAGE_FORMAT, ":material/table_view:"),
)


def sidebar_nav() -> None:
    with st.sidebar:
        st.markdown(f"**{texts.APP_TITLE}**")
        for path, label, icon in PAGES:
            st.page_link(path, label=label, icon=icon)
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


def current_dataset() -> Dataset:
    """The current version for every session: a save or rollback elsewhere shows on the next rerun."""
    return _dataset(default_location(), current_version().number)


def original_file(number: int) -> bytes:
    return _original(default_location(), number)


@st.cache_data(show_spinner=False, max_entries=2)
def _original(location: str, number: int) -> bytes:
    # A version's original never changes: fetched once, not on every rerun of every viewer.
    return _store(location).original(number)


# Two: the version in use and, for the moment a save switches every session over, the one before. Each held
# version of a large upload is tens of MB (bench/soak.py).
@st.cache_resource(show_spinner=False, max_entries=2)
def _dataset(location: str, number: int) -> Dataset:
    return _store(location).version(number).dataset


def dataset_banner(dataset: Dataset) -> None:
    version = current_version()
    saved = version.created_at.strftime("%Y-%m-%d %H:%M")
    names = "；".join(md(s.name) + (f" :orange-badge[{texts.SAMPLE}]" if s.is_sample else "") for s in dataset.sources)
    st.caption(
        f"{texts.DATASET_LABEL}：{names} · {texts.VERSION_LABEL.format(number=version.number)} · "
        f"{texts.LOADED_AT_LABEL} {saved}（{md(version.editor)}）"
    )
    if dataset.is_sample:
        st.warning(texts.SAMPLE_BANNER, icon=":material/info:")


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


def release(*keys: str) -> None:
    """Drop what a page no longer needs from the session: a checked upload holds its file, data set and preview."""
    for key in keys:
        st.session_state.pop(key, None)


def chart_or_notice(chart: object | None, notice: str) -> None:
    """Draw the chart, or say why there is none: an empty chart tells an official nothing."""
    if chart is None:
        st.info(notice)
    else:
        st.altair_chart(chart, width="stretch")


def status_badge(j: Judgement) -> str:
    if j.alert:
        return f":red-badge[{texts.ALERT}·{j.status}]"
    return f":{STATUS_BADGE[j.status]}-badge[{j.status}]"


def on_script_error(exc: Exception) -> bool:
    """server.py's handler for any uncaught exception on a page: a Chinese message here, the traceback in the log.

    The incident number ties what an official reports to the log line. True tells Streamlit not to show its own
    exception box.
    """
    incident = secrets.token_hex(4)
    _LOG.error("uncaught exception on a page, incident %s", incident, exc_info=exc)
    st.error(texts.UNEXPECTED_ERROR.format(incident=incident), icon=":material/error:")
    return True
