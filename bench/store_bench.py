"""Store bench (`make bench-store`): PostgreSQL with 2 replicas beside SQLite with 1 process, measured in one run.

Saves per second: editors' saves through the store API (the default data set as the snapshot, the embedded
archive as the original), one process on SQLite against two processes (two replicas) on one PostgreSQL
database at once; PostgreSQL from one process is printed too.

Page loads per second: what the server does for a visit to 总览: a websocket session asks for the page and
reads until Streamlit reports the script finished (the browser's drawing is not counted: it happens on the
visitor's machine). Several visitors at once, against one `streamlit run` on SQLite and against two on one
PostgreSQL database (visitors spread over both, as nginx does).

The PostgreSQL server is a throwaway one started here, with fsync on (as SQLite's default, WAL with
synchronous=FULL, syncs each commit). Prints the figures and the ratios PostgreSQL ÷ SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import streamlit_server  # noqa: E402
from tests.pgserver import PgServer  # noqa: E402
from xq_metrics import auth, upload  # noqa: E402
from xq_metrics.defaults import load_default  # noqa: E402
from xq_metrics.store import open_store  # noqa: E402

PASSWORD = "bench-password-1"


def _saver(url: str, editor, count: int, barrier, results) -> None:
    store = open_store(url)
    dataset = load_default().dataset
    original = upload.seed_archive()
    barrier.wait()
    start = time.perf_counter()
    for i in range(count):
        store.save(original + str(i).encode(), "bench.zip", dataset, None, editor)
    results.put(time.perf_counter() - start)
    store.close()


def saves_per_second(url: str, processes: int, total: int) -> float:
    store = open_store(url)
    auth.add_editor(store, f"bench{processes}", PASSWORD)
    editor = auth.login(store, f"bench{processes}", PASSWORD)
    before = store.head().number if store.head() else 0
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes + 1), context.Queue()
    children = [
        context.Process(target=_saver, args=(url, editor, total // processes, barrier, results)) for _ in range(processes)
    ]
    for child in children:
        child.start()
    barrier.wait()
    start = time.perf_counter()
    for child in children:
        child.join()
    elapsed = time.perf_counter() - start
    saved = store.head().number - before
    store.close()
    assert saved == total // processes * processes, (saved, total)
    return saved / elapsed


async def _visit(url: str) -> None:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    async with websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream", max_size=None) as ws:
        ask = BackMsg()
        ask.rerun_script.query_string = ""
        ask.rerun_script.page_script_hash = ""  # the main page, 总览
        await ws.send(ask.SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(await asyncio.wait_for(ws.recv(), 120))
            if message.WhichOneof("type") == "script_finished":
                if message.script_finished != 0:  # 0: finished successfully
                    raise RuntimeError(f"the page failed on {url}: {message.script_finished}")
                return


async def _visitors(urls: list[str], visitors: int, loads: int) -> float:
    for url in urls:
        await _visit(url)  # warm each replica's caches first, as a running service has them
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(loads):
        queue.put_nowait(urls[i % len(urls)])

    async def visitor() -> None:
        while not queue.empty():
            await _visit(queue.get_nowait())

    start = time.perf_counter()
    await asyncio.gather(*(visitor() for _ in range(visitors)))
    return loads / (time.perf_counter() - start)


def page_loads_per_second(location: str, replicas: int, visitors: int, loads: int) -> float:
    env = {"XQ_STORE": location}
    with contextlib.ExitStack() as stack:
        urls = [stack.enter_context(streamlit_server(env=env, timeout=120)) for _ in range(replicas)]
        return asyncio.run(_visitors(urls, visitors, loads))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=60, help="saves per measurement (default 60)")
    parser.add_argument("--loads", type=int, default=24, help="page loads per measurement (default 24)")
    parser.add_argument("--visitors", type=int, default=4, help="visitors at once (default 4)")
    args = parser.parse_args()

    server = PgServer(durable=True).start()
    folder = Path(tempfile.mkdtemp(prefix="xq-bench-"))
    try:
        sqlite = str(folder / "bench.sqlite3")
        pg_saves = server.url()
        _, pg_pages = server.new_schema()
        _, pg_one = server.new_schema()

        s_sqlite = saves_per_second(sqlite, 1, args.saves)
        s_pg_one = saves_per_second(pg_one, 1, args.saves)
        s_pg_two = saves_per_second(pg_saves, 2, args.saves)
        print(f"saves/s   SQLite, 1 process:        {s_sqlite:8.1f}")
        print(f"saves/s   PostgreSQL, 1 process:    {s_pg_one:8.1f}")
        print(f"saves/s   PostgreSQL, 2 replicas:   {s_pg_two:8.1f}   ratio PostgreSQL(2) ÷ SQLite(1) = {s_pg_two / s_sqlite:.2f}")

        page_sqlite = str(folder / "pages.sqlite3")
        p_sqlite = page_loads_per_second(page_sqlite, 1, args.visitors, args.loads)
        p_pg_two = page_loads_per_second(pg_pages, 2, args.visitors, args.loads)
        print(f"pages/s   SQLite, 1 replica:        {p_sqlite:8.2f}")
        print(f"pages/s   PostgreSQL, 2 replicas:   {p_pg_two:8.2f}   ratio PostgreSQL(2) ÷ SQLite(1) = {p_pg_two / p_sqlite:.2f}")
        print(f"({args.saves} saves, {args.loads} loads of 总览 by {args.visitors} visitors at once, {os.cpu_count()} cores)")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
