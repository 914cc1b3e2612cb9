"""Time our check-and-load of a large workbook against plain pandas readers, in one run.

    .venv/bin/python bench/run.py [--repeat 3] [--profile] [--skip-openpyxl]

(a) xq_metrics.loader.load(path), which screens the bytes first: what an upload costs us
(b) pandas.read_excel(path, sheet_name=None, engine="openpyxl"): the common way to read a workbook
(c) pandas.read_excel(path, sheet_name=None, engine="calamine"): a bare calamine read of all sheets
Goals: b/a >= 4 (we are much faster than the usual way) and a/c <= 1.5 (checking costs little on top of reading).

Each time is the best of --repeat runs (time.perf_counter). Peak memory is measured separately, each reader in a
fresh process (peak RSS from /proc/self/status VmHWM, reset after imports; resource.getrusage where there is no
/proc), so one reader's allocations do not hide another's and tracemalloc does not slow the timed runs. --profile adds a cProfile of (a).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import pstats
import resource
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_big  # noqa: E402

GOAL_VS_OPENPYXL = 4.0
GOAL_VS_CALAMINE = 1.5


def ours(path: Path) -> object:
    from xq_metrics import loader

    # load() runs the byte screen itself before any parser: the whole upload path, screened once.
    result = loader.load(path)
    if result.dataset is None:
        raise SystemExit(f"the bench file was refused: {[f.code for f in result.findings if f.severity == 'error'][:5]}")
    return result


def pandas_openpyxl(path: Path) -> object:
    import pandas

    return pandas.read_excel(path, sheet_name=None, engine="openpyxl")


def pandas_calamine(path: Path) -> object:
    import pandas

    return pandas.read_excel(path, sheet_name=None, engine="calamine")


def calamine_only(path: Path) -> object:
    """Not a goal, for the profile: calamine's own cell grid without pandas, as the loader uses it."""
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    return [book.get_sheet_by_name(name).to_python(skip_empty_area=False) for name in book.sheet_names]


READERS: dict[str, Callable[[Path], object]] = {
    "a  screen + load": ours,
    "b  pandas openpyxl": pandas_openpyxl,
    "c  pandas calamine": pandas_calamine,
    "   calamine to_python": calamine_only,
}


def best_of(reader: Callable[[Path], object], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        reader(path)
        times.append(time.perf_counter() - start)
    return min(times)


def _memory_kb(field: str) -> int | None:
    """VmRSS / VmHWM of this process from /proc (Linux); None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _peak_in_child(name: str, path: str, out: multiprocessing.queues.Queue) -> None:
    import pandas  # noqa: F401  (imports are the baseline, not the reader's cost)
    import python_calamine  # noqa: F401

    from xq_metrics import loader, safety  # noqa: F401

    try:
        Path("/proc/self/clear_refs").write_text("5")  # high-water mark := current RSS, so imports do not count
    except OSError:
        pass  # then the peak may include an import-time spike: an upper bound
    before = _memory_kb("VmRSS")
    if before is None:  # no /proc: ru_maxrss, which on some systems carries the parent's size over exec
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        READERS[name](Path(path))
        out.put((before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        return
    READERS[name](Path(path))
    out.put((before, _memory_kb("VmHWM") or before))


def peak_memory(name: str, path: Path) -> tuple[float, float]:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_peak_in_child, args=(name, str(path), queue))
    child.start()
    before, after = queue.get()
    child.join()
    return before / 1024, after / 1024


def profile(path: Path, lines: int = 30) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    ours(path)
    profiler.disable()
    for sort in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort).print_stats(lines)
        print(f"\n--- cProfile of (a), by {sort} ---")
        print("\n".join(line for line in out.getvalue().splitlines() if line.strip())[:6000])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of (a)")
    parser.add_argument("--skip-openpyxl", action="store_true", help="skip (b), the slow one, when iterating")
    args = parser.parse_args()

    path = make_big.ensure()
    result = ours(path)
    dataset = result.dataset
    print(f"file: {path.relative_to(ROOT)}, {path.stat().st_size / 1e6:.1f} MB")
    if dataset is None:
        errors = [f for f in result.findings if f.severity == "error"][:5]
        raise SystemExit(f"the loader refused the bench file: {[(f.code, f.message) for f in errors]}")
    print(
        f"loaded: {len(dataset.indicators)} indicators, {len(dataset.observations)} values, {len(dataset.projects)} "
        f"projects, {len(dataset.towns)} towns; {len(result.findings)} findings"
    )

    from xq_metrics import safety

    data = path.read_bytes()
    screen = best_of(lambda _: safety.screen(data, path.name), path, args.repeat)
    times: dict[str, float] = {}
    for name, reader in READERS.items():
        if args.skip_openpyxl and reader is pandas_openpyxl:
            continue
        times[name] = best_of(reader, path, args.repeat)

    print(f"\nbest of {args.repeat} (seconds)")
    print(f"   screen alone             {screen:8.3f}")
    for name, seconds in times.items():
        print(f"{name:27} {seconds:8.3f}")
    a, c = times["a  screen + load"], times["c  pandas calamine"]
    if "b  pandas openpyxl" in times:
        b = times["b  pandas openpyxl"]
        print(f"\nb/a = {b / a:5.2f}   (goal >= {GOAL_VS_OPENPYXL})  {'ok' if b / a >= GOAL_VS_OPENPYXL else 'MISSED'}")
    print(f"a/c = {a / c:5.2f}   (goal <= {GOAL_VS_CALAMINE})  {'ok' if a / c <= GOAL_VS_CALAMINE else 'MISSED'}")

    print("\npeak memory, each in a fresh process (MB: after imports -> peak, reader's share)")
    for name in READERS:
        if args.skip_openpyxl and READERS[name] is pandas_openpyxl:
            continue
        before, after = peak_memory(name, path)
        print(f"{name:27} {before:7.0f} -> {after:7.0f}   +{after - before:6.0f}")

    if args.profile:
        profile(path)


if __name__ == "__main__":
    main()
