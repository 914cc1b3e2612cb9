"""Shared Streamlit helpers for app.py and pages/: page set-up, the data set in use, the sidebar.

Only drawing lives here; every number comes from xq_metrics.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from xq_metrics import texts
from xq_metrics.defaults import PLAN_WORKBOOK, SAMPLE_WORKBOOK, load_default
from xq_metrics.model import Dataset
from xq_metrics.status import Judgement

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


def setup(title: str) -> Dataset:
    """Call first on every page: page config, the data set in use, and its banner."""
    st.set_page_config(page_title=f"{title} · {texts.APP_TITLE}", page_icon=":material/monitoring:", layout="wide")
    sidebar_nav()
    dataset = current_dataset()
    st.title(title)
    dataset_banner(dataset)
    return dataset


PAGES = (
    ("app.py", texts.PAGE_OVERVIEW, ":material/dashboard:"),
    ("pages/1_指标详情.py", texts.PAGE_INDICATOR, ":material/query_stats:"),
    ("pages/2_口径说明.py", texts.PAGE_METHOD, ":material/rule:"),
    ("pages/3_数据格式.py", texts.PAGE_FORMAT, ":material/table_view:"),
)


def sidebar_nav() -> None:
    with st.sidebar:
        st.markdown(f"**{texts.APP_TITLE}**")
        for path, label, icon in PAGES:
            st.page_link(path, label=label, icon=icon)
        st.divider()


def current_dataset() -> Dataset:
    stamp = tuple(p.stat().st_mtime_ns for p in (PLAN_WORKBOOK, SAMPLE_WORKBOOK))
    return _load(stamp)


@st.cache_resource(show_spinner=False)
def _load(_stamp: tuple[int, ...]) -> Dataset:
    # Loaded once per process (and again when a data file changes); the frozen Dataset is shared by sessions.
    result = load_default(datetime.now())
    if result.dataset is None:
        problems = "；".join(f"{f.where}：{f.message}" for f in result.findings if f.severity == "error")
        raise RuntimeError(f"内置数据无法载入：{problems}")
    return result.dataset


def dataset_banner(dataset: Dataset) -> None:
    loaded = max(s.loaded_at for s in dataset.sources).strftime("%Y-%m-%d %H:%M")
    names = "；".join(f"{s.name}" + (f" :orange-badge[{texts.SAMPLE}]" if s.is_sample else "") for s in dataset.sources)
    st.caption(f"{texts.DATASET_LABEL}：{names} · {texts.LOADED_AT_LABEL} {loaded}")
    if dataset.is_sample:
        st.warning(texts.SAMPLE_BANNER, icon=":material/info:")


def status_badge(j: Judgement) -> str:
    if j.alert:
        return f":red-badge[{texts.ALERT}·{j.status}]"
    return f":{STATUS_BADGE[j.status]}-badge[{j.status}]"
