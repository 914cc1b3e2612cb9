"""One palette for every chart and badge: status colours (colour-blind safe), their symbols, and the categorical
colours of other charts. A status is never shown by colour alone: each has a symbol and its words beside it.

Colours follow Okabe & Ito's colour-blind safe set; the two "good" statuses differ in lightness as well as hue,
and red is kept for 预警 alone, so no category colour of another chart (a 专栏) can be taken for an alert.
"""

from __future__ import annotations

from .status import Judgement, Status

STATUS_COLOURS: dict[Status, str] = {
    Status.AHEAD: "#00734f",
    Status.FASTER: "#2bb38c",
    Status.ON_TRACK: "#0072b2",
    Status.LAGGING: "#e69f00",
    Status.AWAIT_CITY: "#cc79a7",
    Status.MANUAL: "#6a51a3",
    Status.INSUFFICIENT: "#a6761d",
    Status.NO_DATA: "#8c959f",
}
# Shown with the status words everywhere (cards, heat map cells, tables), so colour is never the only cue.
STATUS_SYMBOLS: dict[Status, str] = {
    Status.AHEAD: "✔",
    Status.FASTER: "▲",
    Status.ON_TRACK: "●",
    Status.LAGGING: "▼",
    Status.AWAIT_CITY: "◷",
    Status.MANUAL: "✎",
    Status.INSUFFICIENT: "…",
    Status.NO_DATA: "○",
}
ALERT_COLOUR = "#d55e00"
ALERT_SYMBOL = "⚠"
# Streamlit's named badge colours nearest to the status colours, for text badges on the pages.
STATUS_BADGES: dict[Status, str] = {
    Status.AHEAD: "green",
    Status.FASTER: "green",
    Status.ON_TRACK: "blue",
    Status.LAGGING: "orange",
    Status.AWAIT_CITY: "violet",
    Status.MANUAL: "gray",
    Status.INSUFFICIENT: "gray",
    Status.NO_DATA: "gray",
}
TRACK = "#e5e7eb"
TRACK_DARK = "#afb8c1"  # a planned amount beside the completed one
INK = "#1f2328"
MUTED = "#57606a"
# Categories that carry no judgement (专栏, kinds of investment): no red, no status colour twice.
CATEGORIES = ("#0072b2", "#56b4e9", "#009e73", "#cc79a7", "#6a51a3", "#a6761d", "#999999", "#f0e442")


def colour(j: Judgement) -> str:
    return ALERT_COLOUR if j.alert else STATUS_COLOURS[j.status]


def symbol(j: Judgement) -> str:
    return ALERT_SYMBOL if j.alert else STATUS_SYMBOLS[j.status]
