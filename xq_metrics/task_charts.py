"""Altair specification for the 任务分工 page: tasks per chapter, stacked by 进展状态. A pure function of roll-ups."""

from __future__ import annotations

import altair as alt
import pandas as pd

from . import texts
from .project_charts import LABEL_LIMIT, _height, _style
from .model import plan_place
from .tasks import STATUS_ORDER, Rollup

# Done green, moving blue, not started and not reported grey, lagging orange: the colours of the status badges.
TASK_COLOURS: dict[str, str] = {
    texts.TASK_DONE: "#1a7f37",
    texts.TASK_IN_PROGRESS: "#0969da",
    texts.TASK_NOT_STARTED: "#8c959f",
    texts.TASK_LAGGING: "#d97706",
    texts.TASK_NOT_REPORTED: "#d0d7de",
}


def by_chapter(items: list[Rollup]) -> alt.TopLevelMixin | None:
    """One bar per chapter (第五章: short, so a phone keeps room for the bars; the title is in the tooltip), its
    tasks split by status, chapters in the plan's order; None with no task in view."""
    records = [
        {"chapter": plan_place(r.chapter), "title": r.label, "order": r.chapter, "status": status,
         "rank": STATUS_ORDER.index(status), "count": n}
        for r in items if r.section is None
        for status, n in r.by_status.items() if n
    ]
    if not records:
        return None
    frame = pd.DataFrame(records)
    chapters = list(dict.fromkeys(frame.sort_values("order")["chapter"]))
    present = [s for s in STATUS_ORDER if s in set(frame["status"])]
    chart = alt.Chart(frame).mark_bar().encode(
        y=alt.Y("chapter:N", sort=chapters, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        x=alt.X("sum(count):Q", title=texts.TIP_TASKS, axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color(
            "status:N", title=texts.TIP_TASK_STATUS, legend=alt.Legend(orient="bottom"),
            scale=alt.Scale(domain=present, range=[TASK_COLOURS[s] for s in present]),
        ),
        order=alt.Order("rank:Q"),
        tooltip=[
            alt.Tooltip("title:N", title=texts.TIP_CHAPTER), alt.Tooltip("status:N", title=texts.TIP_TASK_STATUS),
            alt.Tooltip("count:Q", title=texts.TIP_TASKS),
        ],
    ).properties(height=_height(len(chapters), 36))
    return _style(chart)
