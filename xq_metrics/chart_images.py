"""Charts as files, without a browser: the same Altair or Vega-Lite specifications the pages draw, rendered by
vl-convert to PNG or SVG with the shipped CJK font (fonts.py). Used by the report and the pages' download buttons.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from typing import Any

from . import fonts

DEFAULT_WIDTH = 560  # pixels, for a chart that takes its width from the page (Streamlit's container width)
SCALE = 2  # PNG pixels per chart pixel: sharp on paper at the report's figure width


def spec_of(chart: Any, width: int | None = None, height: int | None = None) -> dict[str, Any]:
    """The Vega-Lite dict of an Altair chart or of a plain dict, sized for a file: a chart that takes its width
    from the page gets a fixed one, and every text falls back to the shipped CJK font."""
    spec = copy.deepcopy(chart) if isinstance(chart, dict) else chart.to_dict()
    if width is not None or ("width" not in spec and _sizable(spec)):
        spec["width"] = width or DEFAULT_WIDTH
    if height is not None:
        spec["height"] = height
    config = spec.setdefault("config", {})
    config.setdefault("font", fonts.FAMILY)
    config.setdefault("background", "white")
    return spec


def _sizable(spec: dict[str, Any]) -> bool:
    # A concatenation sizes itself from its parts; a width on it is not valid Vega-Lite.
    return not any(key in spec for key in ("hconcat", "vconcat", "concat", "facet", "repeat"))


def _version(spec: dict[str, Any]) -> str | None:
    """The Vega-Lite version the spec was written for, when vl-convert knows it (else its default)."""
    import vl_convert

    match = re.search(r"/v(\d+)\.(\d+)", str(spec.get("$schema", "")))
    if not match:
        return None
    wanted = f"{match.group(1)}.{match.group(2)}"
    known = vl_convert.get_vegalite_versions()
    if wanted in known:
        return wanted
    same_major = [v for v in known if v.split(".")[0] == match.group(1)]
    return same_major[-1] if same_major else None


def png(chart: Any, width: int | None = None, height: int | None = None, scale: float = SCALE) -> bytes:
    import vl_convert

    fonts.for_charts()
    spec = spec_of(chart, width, height)
    return vl_convert.vegalite_to_png(spec, vl_version=_version(spec), scale=scale)


def svg(chart: Any, width: int | None = None, height: int | None = None) -> bytes:
    import vl_convert

    fonts.for_charts()
    spec = spec_of(chart, width, height)
    return vl_convert.vegalite_to_svg(spec, vl_version=_version(spec)).encode("utf-8")


def figure_png(figure: Any) -> tuple[bytes, float, float]:
    """A report Figure as PNG, with its size in chart pixels (the image holds SCALE times as many).

    Cached by the chart's specification: the Word and PDF reports of one view draw the same charts."""
    spec = spec_of(figure.chart, figure.width, figure.height)
    return _cached_png(json.dumps(spec, ensure_ascii=False, sort_keys=True, default=str))


@functools.lru_cache(maxsize=256)
def _cached_png(spec_json: str) -> tuple[bytes, float, float]:
    import vl_convert

    fonts.for_charts()
    spec = json.loads(spec_json)
    image = vl_convert.vegalite_to_png(spec, vl_version=_version(spec), scale=SCALE)
    width, height = _png_size(image)
    return image, width / SCALE, height / SCALE


def _png_size(image: bytes) -> tuple[int, int]:
    # The IHDR chunk right after the signature holds the width and height as big-endian integers.
    return int.from_bytes(image[16:20], "big"), int.from_bytes(image[20:24], "big")
