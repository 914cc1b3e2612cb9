"""The page around the dashboard: a Chinese-only screen, a print layout, a local icon, and the login cookie.

Streamlit has no Chinese for its own controls ("Upload", "Select all", the table toolbar, the main menu). What it
does not let us configure is replaced in the browser from the catalogue (texts.STREAMLIT_UI) as elements appear,
or hidden where it has no use here ("Made with Streamlit", screen recording). Nothing is fetched from outside the
dashboard's own server: the page icon is a local file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import streamlit as st

from xq_metrics import texts

ICON = Path(__file__).resolve().parent / "static" / "icon.png"
COOKIE = "xq_login"  # the login's session secret: never in the URL; expires with the login itself

_CSS = """
<style>
/* Streamlit's own menu items that say English things and do nothing for an official. */
[data-testid="stMainMenuList"] li:has(a[href*="streamlit.io"]), [data-testid="stMainMenuList"] li:nth-last-child(1):has(span:empty) {display: none;}
/* A text table (ui.text_table) keeps its columns readable on a phone: it scrolls sideways instead of squeezing. */
[data-testid="stMarkdownContainer"] table {display: block; overflow-x: auto;}
[data-testid="stMarkdownContainer"] :is(th, td) {min-width: 4em;}
@media (max-width: 640px) {
  [data-testid="stMarkdownContainer"] table {width: max-content; max-width: none;}
  [data-testid="stMarkdownContainer"] :is(th, td) {max-width: 12em;}
}
/* A list table (ui.list_table): the look of the Markdown tables, sideways scrolling with its first column kept in view. */
.xq-list {overflow-x: auto;}
.xq-list table {border-collapse: collapse; font-size: 0.875rem; line-height: 1.4; width: max-content;}
.xq-list th {font-weight: 600; text-align: left; background: #f0f2f6; vertical-align: bottom;}
.xq-list :is(th, td) {border: 1px solid rgba(49, 51, 63, 0.1); padding: 0.25rem 0.5rem; max-width: 16em;}
.xq-list td {vertical-align: top;}
.xq-list tbody tr:nth-child(even) td {background: #fafbfc;}
.xq-pinned :is(th, td):first-child {position: sticky; left: 0; z-index: 1; min-width: 9em; background: #fff; box-shadow: 1px 0 0 rgba(49, 51, 63, 0.2);}
.xq-pinned th:first-child {background: #f0f2f6;}
.xq-pinned tbody tr:nth-child(even) td:first-child {background: #fafbfc;}
.xq-bar {display: block; width: 5em; height: 0.4rem; margin: 0.35rem 0 0.15rem; background: #e6eaf1; border-radius: 0.2rem;}
.xq-bar > span {display: block; height: 100%; background: #1f5f99; border-radius: 0.2rem;}
/* Headline figures (ui.figures) as st.metric draws them: label, large value, its coverage in a grey pill. */
.xq-figures {display: flex; flex-wrap: wrap; gap: 1rem 1.5rem;}
.xq-figures > div {flex: 1 1 15rem; max-width: calc((100% - 3rem) / 3);}
.xq-figures p {margin: 0;}
.xq-figures p:first-child {font-size: 0.875rem; line-height: 1.6;}
.xq-figures p:nth-child(2) {font-size: 2.25rem; line-height: 1.4; padding-bottom: 0.25rem;}
.xq-figures span {font-size: 0.75rem; color: rgba(49, 51, 63, 0.8); background: rgba(49, 51, 63, 0.06); border-radius: 0.75rem; padding: 0.125rem 0.375rem;}
/* Stacked bars (ui.bar_chart): group names in a column, bars from a shared axis with light grid lines, words after. */
.xq-bars {font-size: 0.75rem; color: #31333f; margin: 0.5rem 0;}
.xq-bars-row {display: grid; grid-template-columns: minmax(8em, 16em) 1fr; align-items: center; min-height: 1.75rem;}
.xq-bars-name {text-align: right; padding-right: 0.5rem; color: #57606a;}
.xq-bars-track {display: flex; align-items: center; position: relative; height: 1.75rem;
  background-image: linear-gradient(to right, #e6eaf1 1px, transparent 1px);}
.xq-bars-part {flex: none; height: 1.25rem;}
.xq-bars-label {flex: 0 1 auto; padding-left: 0.25rem; color: #57606a; white-space: nowrap;}
.xq-bars-axis .xq-bars-track {background: none; border-top: 1px solid #c9ced6; height: 1.25rem;}
.xq-bars-axis .xq-bars-track > span {position: absolute; top: 0.15rem; transform: translateX(-50%); color: #57606a;}
.xq-bars-axis .xq-bars-track > span:first-child {transform: none;}
.xq-bars p {font-size: 0.75rem; line-height: 1.4;}
.xq-bars-title {text-align: center; margin: 0.25rem 0 0.5rem 16em; color: #57606a;}
.xq-bars-legend {margin: 0 0 0 16em; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center;}
.xq-bars-legend i {display: inline-block; width: 0.7rem; height: 0.7rem; margin-right: 0.25rem; vertical-align: -0.05rem;}
@media (max-width: 640px) {
  .xq-bars-row {grid-template-columns: 1fr;}
  .xq-bars-name {text-align: left; padding: 0.25rem 0 0;}
  .xq-bars-axis .xq-bars-name {display: none;}
  .xq-bars-label {white-space: normal;}
  .xq-bars-title, .xq-bars-legend {margin-left: 0;}
  .xq-figures > div {max-width: none;}
  .xq-pinned :is(th, td):first-child {min-width: 7em; max-width: 9em;}
}
@media print {
  @page {size: A4; margin: 16mm 12mm 16mm 12mm;
    @bottom-right {content: counter(page) " / " counter(pages); font-size: 8pt; color: #444;}}
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stSidebarCollapsedControl"], [data-testid="stElementToolbar"], .stDownloadButton, .stButton,
  [data-testid="stFileUploader"], [data-testid="stPageLink"] {display: none !important;}
  [data-testid="stAppViewContainer"] > section, [data-testid="stMain"] {margin-left: 0 !important; padding: 0 !important;}
  [data-testid="stMainBlockContainer"] {max-width: 100% !important; padding: 18mm 0 0 0 !important;}
  [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stVegaLiteChart"], table,
  [data-testid="stHorizontalBlock"] > [data-testid="stLayoutWrapper"] {break-inside: avoid;}
  /* The words before a row of download buttons say what the buttons hold: nothing on paper. */
  [data-testid="stHorizontalBlock"]:has(.stDownloadButton) [data-testid="stCaptionContainer"] {display: none !important;}
  h1, h2, h3, [data-testid="stHeading"] {break-after: avoid;}
  .xq-list {overflow: visible;}
  .xq-list table {font-size: 7pt;}
  .xq-pinned :is(th, td):first-child {position: static; box-shadow: none;}
  /* Columns stay side by side on paper, and the overview's cards (a row that wraps) three to a row, as on a laptop. */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]) {display: flex !important; flex-wrap: nowrap !important; flex-direction: row !important; gap: 4mm !important;}
  [data-testid="stColumn"] {min-width: 0 !important; flex: 1 1 0 !important; width: auto !important;}
  [data-testid="stHorizontalBlock"] > [data-testid="stLayoutWrapper"]:has(> [data-testid="stVerticalBlock"]) {flex: 0 0 calc((100% - 2rem) / 3) !important;}
}
</style>
"""

_SCRIPT = """
<script>
(() => {
  document.documentElement.lang = %(lang)s;
  const words = %(words)s;
  const patterns = %(patterns)s.map(([re, to]) => [new RegExp(re), to]);
  const attrs = ["aria-label", "title", "placeholder"];
  // Streamlit's own English only: the page's words (Markdown, HTML blocks, charts) are neither walked on every change
  // nor ever swapped (a project named "Open" stays as written), and text without a Latin letter is not looked up.
  const own = '[data-testid="stMarkdownContainer"], [data-testid="stHtml"], [data-testid="stVegaLiteChart"]';
  const latin = /[A-Za-z]/;
  const swap = (text) => {
    const t = text.trim();
    if (!t || !latin.test(t)) return null;
    if (Object.hasOwn(words, t)) return text.replace(t, words[t]);
    for (const [re, to] of patterns) { if (re.test(t)) return text.replace(t, t.replace(re, to)); }
    return null;
  };
  const hide = (node) => {
    const item = node.parentElement && node.parentElement.closest("li, [role=menuitem], [role=option], a, button");
    if (item) item.style.display = "none";
  };
  const visitAttrs = (node) => {
    for (const a of attrs) { const v = node.getAttribute(a); if (v) { const s = swap(v); if (s !== null) node.setAttribute(a, s); } }
  };
  const visit = (node) => {
    if (node.nodeType === 3) {
      const s = swap(node.nodeValue);
      if (s === null) return;
      if (s.trim() === "") hide(node); else node.nodeValue = s;
      return;
    }
    if (node.nodeType !== 1 || node.matches(own)) return;
    visitAttrs(node);
    for (const child of node.childNodes) visit(child);
  };
  const ours = (node) => node !== null && node.closest(own) !== null;
  if (!window.__xqChinese) {
    window.__xqChinese = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") { if (!ours(r.target.parentElement)) visit(r.target); }
        else if (r.type === "attributes") { if (!ours(r.target)) visitAttrs(r.target); }
        else if (!ours(r.target)) r.addedNodes.forEach(visit);
      }
    });
    window.__xqChinese.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: attrs});
  }
  visit(document.body);
  %(cookie)s
})();
</script>
"""


def page_config(title: str) -> None:
    # The overview's title is the app's: say it once in the tab, not twice.
    tab = texts.APP_TITLE if title == texts.APP_TITLE else f"{title} · {texts.APP_TITLE}"
    st.set_page_config(page_title=tab, page_icon=str(ICON), layout="wide")


# Title, scope, data version and date in the margin of every printed page (a CSS page-margin box), in a print-only
# sheet of its own: adding a sheet that applies to the screen makes the browser restyle the whole page.
_PRINT_HEADER = """<style media="print">
@page {@top-left {content: @HEADER@; font-size: 8pt; color: #444; vertical-align: bottom; padding-bottom: 2mm;}}
</style>
"""


def inject(print_header: str, cookie: str | None = None) -> None:
    """The Chinese screen and print layout for this run; `cookie` sets ("secret") or clears ("") the login cookie.

    Two elements: the style and script, the same on every run (a town chosen leaves them as they are, and the
    browser neither restyles the page nor walks it again), and the print header, which names the view."""
    st.html(screen_html(cookie), unsafe_allow_javascript=True)
    st.html(print_header_html(print_header))


def page_html(print_header: str, cookie: str | None = None) -> str:
    """Everything inject() puts on the page."""
    return screen_html(cookie) + print_header_html(print_header)


def screen_html(cookie: str | None = None) -> str:
    """The style and script of inject(): nothing from the catalogue or a cookie can close the <script>."""
    script = _SCRIPT % {
        "words": _js(texts.STREAMLIT_UI), "patterns": _js(texts.STREAMLIT_UI_PATTERNS), "cookie": _cookie_js(cookie),
        "lang": _js(texts.HTML_LANG),
    }
    return _CSS + script


def print_header_html(print_header: str) -> str:
    """The print header holds workbook names (the view's towns, the data set): it is escaped for CSS."""
    return _PRINT_HEADER.replace("@HEADER@", _css_string(print_header))


def _js(value: object) -> str:
    """A JavaScript literal that no text can end the <script> with: every < is written as an escape."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def _css_string(text: str) -> str:
    """A CSS string literal: no quote, backslash, newline or angle bracket from a workbook can end it."""
    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\\n\r<>' else ch for ch in text)
    return f'"{escaped}"'


def login_cookie() -> str:
    """The session secret a reload brings back (empty when there is none)."""
    value = st.context.cookies.get(COOKIE, "")
    # A secret is a url-safe token we minted; anything else in the cookie is nobody's login.
    return value if isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9_-]{16,128}", value) else ""


def _cookie_js(cookie: str | None) -> str:
    if cookie is None:
        return ""
    if cookie == "":
        return f'document.cookie = "{COOKIE}=; Max-Age=0; Path=/; SameSite=Strict";'
    safe = _js(cookie)
    # No Max-Age: gone with the browser; the store ends the login earlier anyway (idle and absolute limits).
    return f'document.cookie = "{COOKIE}=" + {safe} + "; Path=/; SameSite=Strict";'
