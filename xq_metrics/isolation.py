"""Run a parser on untrusted bytes in a child process with hard limits, so no file can crash, hang or exhaust us.

The byte screen (safety.py) is the fast first gate; this is the wall behind it. `run(function, *args,
limits=...)` calls `function(*args)` in a child forked from our own fork server (isolation_worker.py: a clean
single-threaded interpreter that has already imported the parsers), under `resource.setrlimit` limits on
address space and CPU time, with a wall-clock timeout and a cap on the size of the pickled result. Whatever the
child does — allocate 512 GB and abort (calamine), loop, segfault, return a gigantic object — the caller gets
an `Outcome` naming the limit, never a dead server. The per-call cost against a fresh interpreter per call is
in bench/isolation_cost.py and the README.

The result is unpickled with an allow-list (our dataclasses and enums, plain values, dates): a child whose
parser was subverted by a file could otherwise send a pickle that runs code in the server.

`function` must be importable by name in the child: a module-level function of an importable module.
"""

from __future__ import annotations

import builtins
import contextlib
import contextvars
import dataclasses
import enum
import gc
import importlib
import io
import json
import logging
import os
import pickle
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable, Generic, Iterator, Literal, TypeVar

from . import language, reader, texts
from .findings import Finding, cap, finding
from .isolation_worker import EARLY, EXITED, HEADER, JOB, NO_MEMORY, PID, RAISED, RESULT, TOO_BIG, frame, send_early

T = TypeVar("T")
MB = 1024 * 1024
GB = 1024 * MB

_LOG = logging.getLogger(__name__)

Limit = Literal["memory", "cpu", "time", "output", "crash", "error", "busy", "cancelled"]


@dataclass(frozen=True)
class Limits:
    memory_bytes: int  # RLIMIT_AS of the child: its whole address space, the preloaded modules included
    cpu_seconds: int  # RLIMIT_CPU: SIGXCPU at this many CPU seconds, SIGKILL one second later
    wall_seconds: float  # the parent kills the child after this long, whatever it is doing
    output_bytes: int  # the pickled result; a larger one is refused before it is sent


@dataclass(frozen=True)
class Failure:
    limit: Limit  # which limit stopped the child; crash (a signal), error (an exception), busy (no free slot),
    # cancelled (the caller no longer wanted the answer)
    detail: str  # the limit's value, the signal or the exception: for the log and the finding


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T | None = None
    failure: Failure | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failure is None


# Children at the same time; more wait for a free slot (at most their wall time), so a burst of uploads cannot
# multiply the memory limit by the number of sessions.
MAX_CHILDREN = 2
STDERR_KEPT = 4096  # bytes of the child's stderr kept at each end: its first lines name a failed allocation
JOIN_SECONDS = 5.0  # a child that has answered gets this long to exit before it is killed
RECEIVE_CHUNK = 1024 * 1024
_ALLOCATION_FAILED = (b"memory allocation of", b"MemoryError", b"Cannot allocate memory", b"std::bad_alloc")
_BOOT = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
    "from xq_metrics.isolation_worker import serve; serve(int(sys.argv[2]))"
)

_slots = threading.BoundedSemaphore(MAX_CHILDREN)


def run(
    function: Callable[..., T], *args: object, limits: Limits, cancel: threading.Event | None = None,
    early: Callable[[Any], None] | None = None,
) -> Outcome[T]:
    """`function(*args)` in a limited child process; never raises for anything the child does. Setting `cancel`
    kills the child and ends the call with a `cancelled` failure. `early` is called with what the child sends
    ahead of its result (isolation_worker.send_early), if it does, and the child's result has not failed yet."""
    started = time.monotonic()
    if not _slots.acquire(timeout=limits.wall_seconds):
        return Outcome(failure=Failure("busy", str(MAX_CHILDREN)), seconds=time.monotonic() - started)
    try:
        try:
            outcome = _Job(function, args, limits, started, cancel, early).run()
        except OSError as exc:  # the fork server could not be started or reached
            outcome = Outcome(failure=Failure("crash", f"{type(exc).__name__}: {exc}"), seconds=time.monotonic() - started)
    finally:
        _slots.release()
    if outcome.failure is not None and outcome.failure.limit != "cancelled":
        _LOG.warning(
            "isolated %s.%s stopped after %.1f s: %s (%s)",
            function.__module__, function.__qualname__, outcome.seconds, outcome.failure.limit, outcome.failure.detail,
        )
    return outcome


class Pending(Generic[T]):
    """`run` in a thread of its own: the child works while the caller does something else (the byte screen), on
    the second core. `result()` waits for the outcome; `cancel()` kills the child when the answer is not wanted."""

    def __init__(self, function: Callable[..., T], *args: object, limits: Limits) -> None:
        self._cancel = threading.Event()
        self._outcome: Outcome[T] = Outcome(failure=Failure("cancelled", ""))
        self._early: object = None
        self._early_or_done = threading.Event()
        context = contextvars.copy_context()  # the run's language, for the child's findings

        def sent_early(value: object) -> None:
            self._early = value
            self._early_or_done.set()

        def call() -> None:
            try:
                self._outcome = context.run(run, function, *args, limits=limits, cancel=self._cancel, early=sent_early)
            finally:
                self._early_or_done.set()

        self._thread = threading.Thread(target=call, name="isolated-call", daemon=True)
        self._thread.start()

    def early(self) -> object:
        """What the child sent ahead of its result, once it has (None if it ended without sending any). Handed over
        once and not kept: it may be large."""
        self._early_or_done.wait()
        value, self._early = self._early, None
        return value

    def result(self) -> Outcome[T]:
        self._thread.join()
        return self._outcome

    def cancel(self) -> None:
        """Stop the child without waiting for it: its thread kills it as soon as the child exists, and ends."""
        self._cancel.set()


# How often a job with a `cancel` event looks at it while it waits for the child.
CANCEL_POLL_SECONDS = 0.05


class _Job:
    """One call: ask the server for a child, send it the job, read its answer and its exit code."""

    def __init__(
        self, function: Callable[..., Any], args: tuple[object, ...], limits: Limits, started: float,
        cancel: threading.Event | None = None, early: Callable[[Any], None] | None = None,
    ) -> None:
        self.cancel = cancel
        self.early = early
        self.request = frame(JOB, pickle.dumps((function.__module__, function.__qualname__, args, limits), pickle.HIGHEST_PROTOCOL))
        self.limits = limits
        self.started = started
        self.deadline = started + limits.wall_seconds
        self.pid: int | None = None
        self.pidfd: int | None = None
        self.answer: tuple[bytes, bytes] | None = None
        self.exit_code: int | None = None
        self.failure: Failure | None = None
        self.stderr = bytearray()  # the first STDERR_KEPT bytes, then the last STDERR_KEPT
        self.stderr_seen = 0
        self.buffer = bytearray()

    def run(self) -> Outcome[Any]:
        job, errors = _SERVER.request()
        selector = selectors.DefaultSelector()
        try:
            selector.register(job, selectors.EVENT_READ)
            selector.register(errors, selectors.EVENT_READ)
            self._loop(job, errors, selector)
        finally:
            if self.exit_code is None:
                self._kill()
            selector.close()
            job.close()
            os.close(errors)
            if self.pidfd is not None:
                os.close(self.pidfd)
        return self._outcome()

    def _loop(self, job: socket.socket, errors: int, selector: selectors.BaseSelector) -> None:
        while self.exit_code is None:
            remaining = self.deadline - time.monotonic()
            # A cancelled job is ended once its child exists (before that there is nothing to kill: see _started).
            cancelled = self.cancel is not None and self.cancel.is_set() and self.pid is not None
            if remaining <= 0 or cancelled:
                if self.answer is None and self.failure is None:
                    self.failure = Failure("cancelled", "") if cancelled else Failure("time", f"{self.limits.wall_seconds:g} s")
                self._kill()
                self._wait_for_exit(job, errors, selector)
                return
            wait = min(remaining, CANCEL_POLL_SECONDS) if self.cancel is not None else remaining
            for key, _ in selector.select(wait):
                if key.fd == errors:
                    self._read_stderr(errors, selector)
                    continue
                chunk = job.recv(RECEIVE_CHUNK)
                if not chunk:  # the server went away: nobody will tell us the exit code
                    self.failure = self.failure or Failure("crash", "server")
                    self.exit_code = self.exit_code if self.exit_code is not None else 0
                    return
                self.buffer += chunk
                self._frames(job)
                if self.failure is not None and self.failure.limit == "output":
                    self._kill()
                    self._wait_for_exit(job, errors, selector)
                    return

    def _frames(self, job: socket.socket) -> None:
        while len(self.buffer) >= HEADER.size:
            tag, length = HEADER.unpack_from(self.buffer)
            if tag in (RESULT, EARLY) and length > self.limits.output_bytes:
                # The child checks this itself; a child that lies about it is not read either.
                self.failure = Failure("output", f"{length / MB:.0f} MB > {self.limits.output_bytes // MB} MB")
                return
            if len(self.buffer) < HEADER.size + length:
                return
            body = bytes(self.buffer[HEADER.size:HEADER.size + length])
            del self.buffer[:HEADER.size + length]
            if tag == PID:
                self._started(job, int(body))
            elif tag == EARLY:
                self._sent_early(body)
            elif tag == EXITED:
                self.exit_code = int(body)
            elif self.answer is None:
                self.answer = (tag, body)
                # Answered: the child only has to exit now.
                self.deadline = min(self.deadline, time.monotonic() + JOIN_SECONDS)

    def _started(self, job: socket.socket, pid: int) -> None:
        self.pid = pid
        try:
            self.pidfd = os.pidfd_open(pid)  # signals reach this process even if its number is reused later
        except (AttributeError, OSError):
            self.pidfd = None
        if self.cancel is not None and self.cancel.is_set():
            self.request = b""
            self._kill()  # never handed the file
            return
        job.settimeout(max(0.1, self.deadline - time.monotonic()))
        try:
            job.sendall(self.request)
        except socket.timeout:
            self.failure = Failure("time", f"{self.limits.wall_seconds:g} s")
        except OSError:
            pass  # the child died before reading its job: its exit code follows
        finally:
            job.settimeout(None)
            self.request = b""

    def _sent_early(self, body: bytes) -> None:
        if self.early is None or self.answer is not None:
            return
        try:
            with gc_paused():
                value = _AllowListUnpickler(io.BytesIO(body)).load()
        except Exception:  # garbled or outside the allow-list: the result, or its absence, will tell
            return
        self.early(value)

    def _read_stderr(self, errors: int, selector: selectors.BaseSelector) -> None:
        chunk = os.read(errors, 65536)
        if chunk:
            self._keep_stderr(chunk)
        else:
            selector.unregister(errors)  # the child closed it

    def _keep_stderr(self, chunk: bytes) -> None:
        self.stderr_seen += len(chunk)
        kept = self.stderr + chunk
        if len(kept) > 2 * STDERR_KEPT:
            kept = kept[:STDERR_KEPT] + b"\n[...]\n" + kept[-STDERR_KEPT:]
        self.stderr = kept

    def _kill(self) -> None:
        if self.exit_code is not None or self.pid is None:
            return
        try:
            if self.pidfd is not None:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)
        except (ProcessLookupError, OSError):
            pass

    def _wait_for_exit(self, job: socket.socket, errors: int, selector: selectors.BaseSelector) -> None:
        """After a kill: read until the server reports the exit, briefly, so nothing is left behind unreaped."""
        limit = time.monotonic() + JOIN_SECONDS
        while self.exit_code is None and time.monotonic() < limit:
            for key, _ in selector.select(max(0.0, limit - time.monotonic())):
                if key.fd == errors:
                    self._read_stderr(errors, selector)
                    continue
                chunk = job.recv(RECEIVE_CHUNK)
                if not chunk:
                    return
                # Frames after the kill only matter for the exit code; a half-read result is dropped.
                self.buffer += chunk
                while len(self.buffer) >= HEADER.size:
                    tag, length = HEADER.unpack_from(self.buffer)
                    if tag in (RESULT, EARLY) and length > self.limits.output_bytes:
                        self.buffer.clear()
                        break
                    if len(self.buffer) < HEADER.size + length:
                        break
                    if tag == EXITED:
                        self.exit_code = int(self.buffer[HEADER.size:HEADER.size + length])
                    del self.buffer[:HEADER.size + length]

    def _outcome(self) -> Outcome[Any]:
        if self.failure is None and self.answer is not None:
            tag, body = self.answer
            if tag == RESULT:
                try:
                    with gc_paused():
                        value = _AllowListUnpickler(io.BytesIO(body)).load()
                    return Outcome(value=value, seconds=time.monotonic() - self.started)
                except Exception as exc:  # outside the allow-list, or garbled: a child that misbehaved
                    self.failure = Failure("crash", f"{type(exc).__name__}: {exc}"[:200])
            elif tag == TOO_BIG:
                self.failure = Failure("output", f"{int(body) / MB:.0f} MB > {self.limits.output_bytes // MB} MB")
            elif tag == NO_MEMORY:
                self.failure = Failure("memory", f"{self.limits.memory_bytes // MB} MB")
            elif tag == RAISED:
                self.failure = Failure("error", body.decode("utf-8", "replace")[:200])
        if self.failure is None:
            self.failure = _death(self.exit_code, bytes(self.stderr), self.limits)
        if self.stderr:
            _LOG.warning("isolated child's stderr: %s", bytes(self.stderr).decode("utf-8", "replace"))
        return Outcome(failure=self.failure, seconds=time.monotonic() - self.started)


def _death(exit_code: int | None, stderr: bytes, limits: Limits) -> Failure:
    """Why a child ended without an answer: the signal that ended it, read with what it printed."""
    if any(marker in stderr for marker in _ALLOCATION_FAILED):
        return Failure("memory", f"{limits.memory_bytes // MB} MB")
    if exit_code is None:
        return Failure("crash", "unknown")
    if exit_code >= 0:
        return Failure("crash", f"exit {exit_code}")
    number = -exit_code
    name = signal.Signals(number).name if number in {s.value for s in signal.Signals} else str(number)
    if number in (signal.SIGXCPU, signal.SIGKILL):  # RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL at the hard
        return Failure("cpu", f"{limits.cpu_seconds} s")
    if number == signal.SIGALRM:  # the child's own wall-clock alarm
        return Failure("time", f"{limits.wall_seconds:g} s")
    return Failure("crash", name)


# --------------------------------------------------------------------------- the fork server, from our side


class _Server:
    """The one fork server of this process, started on first use and again if it died."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._control: socket.socket | None = None
        self._adopted = False

    def request(self) -> tuple[socket.socket, int]:
        """A new child's job socket and the read end of its stderr."""
        with self._lock:
            for attempt in range(2):
                control = self._ensure()
                job, job_child = socket.socketpair()
                errors_r, errors_w = os.pipe()
                try:
                    socket.send_fds(control, [b"F"], [job_child.fileno(), errors_w])
                except OSError:
                    job.close()
                    os.close(errors_r)
                    self._stop()
                    if attempt:
                        raise
                    continue
                finally:
                    job_child.close()
                    os.close(errors_w)
                return job, errors_r
        raise OSError("unreachable")

    def adopt(self, control: socket.socket) -> None:
        """In a child of the fork server: ask that server, through this socket, instead of starting one."""
        self._control, self._process, self._adopted = control, None, True

    def _ensure(self) -> socket.socket:
        if self._adopted:
            if self._control is None:
                raise OSError("the fork server is gone")
            return self._control
        if self._process is not None and self._process.poll() is None and self._control is not None:
            return self._control
        self._stop()
        ours, theirs = socket.socketpair()
        try:
            # A new interpreter (fork and exec): never a fork of this possibly multi-threaded process.
            self._process = subprocess.Popen(
                [sys.executable, "-c", _BOOT, json.dumps(sys.path), str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        self._control = ours
        return ours

    def _stop(self) -> None:
        if self._control is not None:
            self._control.close()  # the server exits on EOF
            self._control = None
        if self._process is not None:
            try:
                self._process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._process.poll() is None else None


_SERVER = _Server()


def use_server(control: socket.socket) -> None:
    """Called in every child of the fork server (isolation_worker): a job's own isolated jobs go to the same server."""
    _SERVER.adopt(control)


def server_pid() -> int | None:
    """The fork server's process id, None before the first job: for the soak benchmark's memory figures."""
    return _SERVER.pid


# --------------------------------------------------------------------------- the allow-listed unpickler

_SAFE_GLOBALS = {
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "complex"), ("builtins", "bytearray"),
    ("datetime", "datetime"), ("datetime", "date"), ("datetime", "time"), ("datetime", "timedelta"),
    ("datetime", "timezone"), ("collections", "OrderedDict"),
}


class _AllowListUnpickler(pickle.Unpickler):
    """Our dataclasses, named tuples, enums and plain values: nothing a subverted child could use to run code here."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _SAFE_GLOBALS:
            return getattr(builtins if module == "builtins" else importlib.import_module(module), name)
        if (module == "xq_metrics" or module.startswith("xq_metrics.")) and "." not in name:
            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and (
                dataclasses.is_dataclass(found) or issubclass(found, enum.Enum) or _is_named_tuple(found)
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed from an isolated child")


def _is_named_tuple(found: type) -> bool:
    """A NamedTuple of ours (changes.Edit): rebuilt by tuple.__new__, which runs nothing else."""
    return issubclass(found, tuple) and isinstance(getattr(found, "_fields", None), tuple)


_gc_lock = threading.Lock()
_gc_pauses = 0


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic GC while a million objects are built: a child's result rebuilt (1.9 s -> 0.7 s for the bench
    workbook), an upload's records and edits assembled (loader). Every full collection walks all of them, and none
    is cyclic garbage. Counted, because several sessions may do either at once."""
    global _gc_pauses
    with _gc_lock:
        _gc_pauses += 1
        if _gc_pauses == 1:
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0:
                gc.enable()


# --------------------------------------------------------------------------- the upload's reader, isolated

# A legitimate workbook at the byte screen's caps reads in a few seconds and a few hundred MB (the bench
# workbook: 1.3 M cells, 3 s, 420 MB of address space, a 33 MB result); these leave a wide margin for a busy
# machine and nothing for a file built to exhaust us.
READ_LIMITS = Limits(memory_bytes=1536 * MB, cpu_seconds=30, wall_seconds=45, output_bytes=128 * MB)


class Reading:
    """The upload's reader started in its limited child; the caller screens the bytes meanwhile, and either takes
    the result or cancels it (a refused file is never waited for)."""

    def __init__(
        self, data: bytes, file_name: str, vocabulary: reader.Vocabulary | None = None, limits: Limits = READ_LIMITS
    ) -> None:
        self.file_name = file_name
        self._pending = Pending(_read_in_child, data, file_name, vocabulary, language.current(), limits=limits)

    def result(self) -> reader.ParsedWorkbook:
        """The parsed workbook; a child that was stopped becomes one clear error finding."""
        outcome = self._pending.result()
        if outcome.value is not None:
            return outcome.value
        assert outcome.failure is not None
        return reader.ParsedWorkbook(self.file_name, [], [limit_finding(outcome.failure)])

    def early(self) -> reader.ParsedWorkbook | None:
        """The sheets read before the largest one, as soon as the child has them (see reader.read_workbook); None
        when it sent none (one sheet, or it failed first)."""
        value = self._pending.early()
        return value if isinstance(value, reader.ParsedWorkbook) else None

    def cancel(self) -> None:
        self._pending.cancel()


def read_workbook(
    data: bytes, file_name: str, vocabulary: reader.Vocabulary | None = None, limits: Limits = READ_LIMITS
) -> reader.ParsedWorkbook:
    """`reader.read_workbook` in a limited child; a child that was stopped becomes one clear error finding."""
    return Reading(data, file_name, vocabulary, limits).result()


def limit_finding(failure: Failure) -> Finding:
    if failure.limit == "busy":
        return finding("SERVER_BUSY")
    # "cancelled" only reaches here when the calling thread itself failed: a reading error, as far as anyone can say.
    limit = failure.limit if failure.limit in texts.READ_LIMITS else "error"
    return finding("READ_LIMIT", limit=texts.READ_LIMITS[limit], detail=failure.detail)


def _read_in_child(
    data: bytes, file_name: str, vocabulary: reader.Vocabulary | None, speaking: str
) -> reader.ParsedWorkbook:
    language.use(speaking)  # the findings are worded in the child, in the language of the page that asked

    def early(parsed: reader.ParsedWorkbook) -> None:
        parsed.findings = cap(parsed.findings)  # a million findings would not fit through the output cap
        send_early(parsed)

    parsed = reader.read_workbook(data, file_name, vocabulary, early)
    parsed.findings = cap(parsed.findings)
    return parsed
