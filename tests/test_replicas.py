"""Two `streamlit run` replicas on one PostgreSQL store, seen in a real browser, directly and through nginx.

A version saved through one replica shows on the other at its next page load: the dataset cache (ui._dataset)
is keyed by the store's current version number, read from the database on every run, not by a process's
memory. Through nginx (deploy/nginx.conf, as shipped, only ports and paths changed) a browser keeps to one
replica (sticky cookie), its websocket and its upload pass the proxy, and another browser on the other replica
sees the saved version on its next load.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tests.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, free_port, streamlit_server
from tests.pgserver import PgServer
from tests.workbooks import workbook
from xq_metrics import auth, upload
from xq_metrics.store import Store, open_store

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")

NGINX = "/usr/sbin/nginx"
EDITOR, PASSWORD = "王五", "replica-pass-1"


def forest(value: float) -> bytes:
    return workbook({"指标数据": [["指标", "镇街", "年份", "数值"], ["森林覆盖率", "全区", 2025, value]]})


@pytest.fixture(scope="module")
def store_url(pg_server: PgServer) -> Iterator[str]:
    schema, url = pg_server.new_schema()
    store = open_store(url)
    auth.add_editor(store, EDITOR, PASSWORD)
    store.close()
    yield url
    pg_server.drop_schema(schema)


@pytest.fixture(scope="module")
def replicas(store_url: str) -> Iterator[tuple[str, str]]:
    ARTIFACTS.mkdir(exist_ok=True)
    env = {"XQ_STORE": store_url}
    with streamlit_server(env=env) as first, streamlit_server(env=env) as second:
        yield first, second


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def new_context(browser):
    return browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")


def load(context, url: str, expect: list[str]):
    page = context.new_page()
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    for text in expect:
        page.get_by_text(text).first.wait_for(timeout=60_000)
    return page


def reload(page, expect: list[str]) -> None:
    page.reload(wait_until="domcontentloaded")
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    for text in expect:
        page.get_by_text(text).first.wait_for(timeout=60_000)


def head(store_url: str) -> int:
    store = open_store(store_url)
    try:
        return store.head().number
    finally:
        store.close()


def test_a_version_saved_on_one_replica_shows_on_the_other_at_its_next_load(replicas, browser, store_url: str) -> None:
    first, second = replicas
    on_second = load(new_context(browser), f"{second}/?chapter=5", ["第1版"])
    on_first = load(new_context(browser), f"{first}/?chapter=5", ["第1版"])
    assert "31.5%" not in on_second.inner_text("body")

    store = open_store(store_url)  # a save as the first replica's page makes it (core API)
    editor = auth.login(store, EDITOR, PASSWORD)
    assert editor is not None
    checked = upload.check(store, forest(31.5), "森林覆盖率2025.xlsx")
    assert checked.ok
    assert upload.save(store, checked, editor).number == 2
    store.close()

    reload(on_second, ["第2版", "31.5%"])
    reload(on_first, ["第2版", "31.5%"])
    on_second.screenshot(path=str(ARTIFACTS / "replica-second-after-save.png"))
    on_first.context.close()
    on_second.context.close()


# --- through nginx -----------------------------------------------------------------------------------------


@contextlib.contextmanager
def nginx_in_front_of(first: str, second: str) -> Iterator[tuple[str, Path]]:
    """deploy/nginx.conf as shipped, with only the replicas' ports, the listen address and the log path changed."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: `make test` installs Debian's nginx-light")
    folder = Path(tempfile.mkdtemp(prefix="xq-nginx-"))
    folder.chmod(0o755)  # nginx's workers run as an unprivileged user
    port = free_port()
    site = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for old, new in [
        ("server 127.0.0.1:8501 ", f"server 127.0.0.1:{_port(first)} "),
        ("server 127.0.0.1:8502 ", f"server 127.0.0.1:{_port(second)} "),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("/var/log/nginx/xq-access.log", str(folder / "access.log")),
    ]:
        assert site.count(old) == 1, old
        site = site.replace(old, new)
    (folder / "xq.conf").write_text(site, encoding="utf-8")
    temp = " ".join(f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (folder / "nginx.conf").write_text(
        f"worker_processes 1;\ndaemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log info;\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{ {temp} include {folder}/xq.conf; }}\n",
        encoding="utf-8",
    )
    checked = subprocess.run([NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    proc = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {proc.stderr.read().decode(errors='replace')}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            if time.monotonic() > deadline:
                raise TimeoutError("nginx did not answer")
            time.sleep(0.2)
        yield url, folder / "access.log"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if ARTIFACTS.exists() and (folder / "access.log").exists():
            shutil.copy(folder / "access.log", ARTIFACTS / "nginx-access.log")
        shutil.rmtree(folder, ignore_errors=True)


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _served(log: Path) -> list[tuple[str, str, str]]:
    """(request line, route, upstream) for every request nginx logged."""
    pattern = re.compile(r'"(?P<request>[^"]*)" \d+ \d+ route=(?P<route>\S+) upstream=(?P<upstream>\S+)')
    return [(m["request"], m["route"], m["upstream"]) for m in map(pattern.search, log.read_text().splitlines()) if m]


def _logged_upstream(log: Path, route: str) -> str:
    deadline = time.monotonic() + 10  # nginx writes the line just after the response
    while time.monotonic() < deadline:
        for _, logged, upstream in reversed(_served(log)):
            if logged == route:
                return upstream
        time.sleep(0.05)
    raise AssertionError(f"nginx logged no request for route {route}")


def routes_to_each_replica(url: str, log: Path, first: str, second: str) -> dict[str, str]:
    """A route cookie value that nginx sends to each replica, found by asking (the hash is nginx's own)."""
    found: dict[str, str] = {}
    for i in range(64):
        route = f"probe{i:02d}"
        request = urllib.request.Request(f"{url}/_stcore/health", headers={"Cookie": f"xq_route={route}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert any(c.startswith(f"xq_route={route};") for c in response.headers.get_all("Set-Cookie") or [])
        upstream = _logged_upstream(log, route)
        found.setdefault(upstream, route)
        if len(found) == 2:
            break
    wanted = {f"127.0.0.1:{_port(first)}", f"127.0.0.1:{_port(second)}"}
    assert set(found) == wanted, found
    return found


def test_through_nginx_sticky_sessions_websocket_upload_and_the_other_replica_agrees(replicas, browser, store_url: str) -> None:
    first, second = replicas
    before = head(store_url)
    with nginx_in_front_of(first, second) as (url, log):
        fresh = urllib.request.urlopen(f"{url}/", timeout=10)
        cookies = fresh.headers.get_all("Set-Cookie") or []
        assert any(re.match(r"xq_route=[0-9a-f]{32}; Path=/; HttpOnly", c) for c in cookies), cookies  # a new browser gets a route

        routes = routes_to_each_replica(url, log, first, second)
        route_a, route_b = routes[f"127.0.0.1:{_port(first)}"], routes[f"127.0.0.1:{_port(second)}"]
        contexts = {}
        for name, route in (("a", route_a), ("b", route_b)):
            contexts[name] = new_context(browser)
            contexts[name].add_cookies([{"name": "xq_route", "value": route, "url": url}])

        viewer = load(contexts["b"], f"{url}/?chapter=5", [f"第{before}版"])
        editor_page = load(contexts["a"], f"{url}/数据管理", ["编辑人员登录"])
        editor_page.get_by_label("用户名").fill(EDITOR)
        editor_page.get_by_label("密码").fill(PASSWORD)
        editor_page.get_by_role("button", name="登录").click()
        editor_page.get_by_text(f"已登录：{EDITOR}").first.wait_for(timeout=30_000)
        upload_file = Path(tempfile.mkdtemp()) / "森林覆盖率2025.xlsx"
        upload_file.write_bytes(forest(32.5))
        editor_page.locator("input[type='file']").set_input_files(str(upload_file))
        editor_page.get_by_text("文件可以使用").wait_for(timeout=60_000)
        editor_page.get_by_role("button", name="保存为新版本").click()
        editor_page.get_by_text(f"已保存为第{before + 1}版").wait_for(timeout=60_000)

        reload(viewer, [f"第{before + 1}版", "32.5%"])
        viewer.screenshot(path=str(ARTIFACTS / "nginx-viewer-after-save.png"))
        for context in contexts.values():
            context.close()  # ends the websockets, so nginx logs them
        time.sleep(0.5)

        served = _served(log)
        by_route = {route: {u for _, r, u in served if r == route} for route in (route_a, route_b)}
        assert by_route == {route_a: {f"127.0.0.1:{_port(first)}"}, route_b: {f"127.0.0.1:{_port(second)}"}}
        requests_a = [req for req, r, _ in served if r == route_a]
        assert any(req.startswith("GET /_stcore/stream") for req in requests_a)  # the websocket went through
        assert any("/_stcore/upload_file/" in req for req in requests_a)  # and the upload, to the same replica
        assert any(req.startswith("GET /_stcore/stream") for req, r, _ in served if r == route_b)
    assert head(store_url) == before + 1
