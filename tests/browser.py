"""Real-browser helpers: `streamlit run` on a free loopback port, driven by Debian's chromium via Playwright."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


# A chart counts as drawn once vega-embed has put its canvas or svg into the element; an overview gauge (an SVG
# image, ui.svg) once the browser has decoded it.
GAUGES = "img.xq-gauge"
CHARTS = f"[data-testid='stVegaLiteChart'], {GAUGES}"
DRAWN = (
    "document.querySelectorAll(\"[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg.marks\").length"
    f" + [...document.querySelectorAll('{GAUGES}')].filter(i => i.complete && i.naturalWidth > 0).length"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(env: dict[str, str] | None = None, timeout: float = 60) -> Iterator[str]:
    with streamlit_process(env, timeout) as (url, _):
        yield url


@contextlib.contextmanager
def streamlit_process(
    env: dict[str, str] | None = None, timeout: float = 60, script: str = "server.py"
) -> Iterator[tuple[str, subprocess.Popen]]:
    """The server's URL and its process (for its exit code and memory)."""
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", script, "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]
    log = open(ARTIFACTS / f"streamlit-{port}.log", "w") if ARTIFACTS.exists() else subprocess.DEVNULL
    # As `make run` starts it: two glibc malloc arenas (see the Makefile).
    server_env = {**os.environ, "MALLOC_ARENA_MAX": "2", **(env or {})}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=server_env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            time.sleep(0.3)
        else:
            raise TimeoutError("streamlit did not become healthy")
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
