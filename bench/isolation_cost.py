"""What isolating the reader costs per upload: our fork server against a fresh `python` per call, in one run.

    .venv/bin/python bench/isolation_cost.py [--calls 20] [--skip-big]

(a) isolation.run: a child forked from the fork server, which has imported the parsers once
(b) a fresh interpreter per call (`python -c ... run_once()`), the same child code, paying the imports each time
(c) no isolation: the same function in this process
Each for a call that does nothing (len of a few bytes), for reading the plan's own workbook (23 KB), and for
reading the bench workbook (bench/make_big.py, 6.5 MB, 1.3 million cells; --skip-big leaves it out). Times are
the median of --calls (3 for the big one); the first call of (a) also starts the fork server and is shown apart.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from xq_metrics import isolation, isolation_worker  # noqa: E402
from xq_metrics.defaults import PLAN_WORKBOOK  # noqa: E402

_ONCE = "import sys; sys.path[:0] = [sys.argv[1]]; from xq_metrics.isolation_worker import run_once; run_once()"


def fresh_interpreter(function: Callable[..., object], *args: object, limits: isolation.Limits) -> object:
    """(b): one new interpreter for this call; the job and its answer in the fork server's frames."""
    request = isolation_worker.frame(
        isolation_worker.JOB, pickle.dumps((function.__module__, function.__qualname__, args, limits), pickle.HIGHEST_PROTOCOL)
    )
    done = subprocess.run([sys.executable, "-c", _ONCE, str(ROOT)], input=request, capture_output=True, check=True)
    tag, body = isolation_worker.HEADER.unpack_from(done.stdout)[0], done.stdout[isolation_worker.HEADER.size:]
    if tag != isolation_worker.RESULT:
        raise RuntimeError(f"the child answered {tag!r}")
    return pickle.loads(body)


def median_seconds(call: Callable[[], object], times: int) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    limits = isolation.READ_LIMITS

    started = time.perf_counter()
    isolation.run(len, b"x", limits=limits)
    print(f"first call of (a), which starts the fork server: {time.perf_counter() - started:.3f} s")

    plan = PLAN_WORKBOOK.read_bytes()
    cases: list[tuple[str, Callable[..., object], tuple[object, ...], int]] = [
        ("nothing (len)", len, (b"x",), args.calls),
        (f"read the plan ({len(plan) / 1e3:.0f} KB)", isolation._read_in_child, (plan, PLAN_WORKBOOK.name), args.calls),
    ]
    if not args.skip_big:
        import make_big

        big = make_big.ensure().read_bytes()
        cases.append((f"read the bench file ({len(big) / 1e6:.1f} MB)", isolation._read_in_child, (big, "big.xlsx"), 3))

    print(f"\nmedian seconds per call ({args.calls} calls; 3 for the bench file)")
    print(f"{'':34} {'(a) fork server':>16} {'(b) fresh python':>17} {'(c) in process':>15} {'a - c':>8} {'b - c':>8}")
    for label, function, call_args, times in cases:
        a = median_seconds(lambda: isolation.run(function, *call_args, limits=limits), times)
        b = median_seconds(lambda: fresh_interpreter(function, *call_args, limits=limits), times)
        c = median_seconds(lambda: function(*call_args), times)
        print(f"{label:34} {a:16.3f} {b:17.3f} {c:15.3f} {a - c:+8.3f} {b - c:+8.3f}")


if __name__ == "__main__":
    main()
