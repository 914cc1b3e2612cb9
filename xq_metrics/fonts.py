"""The CJK font shipped with the program (xq_metrics/fonts/, see its README): handed to vl-convert for chart
images and to reportlab for the PDF report, so Chinese renders on a machine without any CJK system font."""

from __future__ import annotations

import threading
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
CJK_FONT = FONT_DIR / "wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"  # the family name inside the file: what chart specs and documents ask for
PDF_FONT = "XQ-CJK"  # the name reportlab knows the embedded font by

_lock = threading.Lock()
_done: set[str] = set()


def for_charts() -> None:
    """Make vl-convert find the shipped font (once per process; vl-convert keeps it for every later render)."""
    with _lock:
        if "charts" in _done:
            return
        import vl_convert

        vl_convert.register_font_directory(str(FONT_DIR))
        _done.add("charts")


def for_pdf() -> str:
    """Register the shipped font with reportlab (once per process) and return the name to use in styles."""
    with _lock:
        if "pdf" not in _done:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            # Subfont 0 of the collection is the proportional face (1 is the monospaced one).
            pdfmetrics.registerFont(TTFont(PDF_FONT, str(CJK_FONT), subfontIndex=0))
            _done.add("pdf")
    return PDF_FONT
