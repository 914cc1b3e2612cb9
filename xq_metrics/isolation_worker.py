"""The fork server behind isolation.py, and the child that runs one job under hard limits.

The server is a fresh single-threaded interpreter started once by the parent (`isolation._Server`). It imports
the parsers (PRELOAD) and then only waits on its control socket: each request carries a job socket and a stderr
pipe, the server forks, and the child runs the job. Forking this quiet process is safe, unlike forking the
multi-threaded Streamlit server, and costs milliseconds, unlike starting a new interpreter and importing
openpyxl and calamine for every upload (bench/isolation_cost.py measures both).

Every child gets a control socket of its own to this server, so a job of a NESTING module may run isolated jobs
itself (the upload worker's reading child: upload_worker.py) without starting a second server. Every other child
closes it before its job runs: a parser subverted by a file cannot ask for children with limits of its choosing.

Frames on a job socket, each `tag (1 byte) | length (8 bytes, big-endian) | body`:
  server -> parent  P pid            right after the fork
  parent -> child   J pickle         (module, qualified name, args, Limits)
  child  -> parent  A pickle         part of the answer sent ahead, at most once, if the job calls `send_early`
  child  -> parent  R pickle         the result, or O size (too large), M (MemoryError), E text (exception)
  server -> parent  X exit code      once the child is reaped: negative for a signal
"""

from __future__ import annotations

import gc
import importlib
import os
import pickle
import resource
import selectors
import signal
import socket
import struct
import sys
from typing import Any, BinaryIO

HEADER = struct.Struct(">cQ")
PID, JOB, EARLY, RESULT, TOO_BIG, NO_MEMORY, RAISED, EXITED = b"P", b"J", b"A", b"R", b"O", b"M", b"E", b"X"
PRELOAD = ("xq_metrics.reader", "xq_metrics.report", "xq_metrics.isolation", "xq_metrics.upload_worker")
MAX_FDS = 2  # a job socket and a stderr pipe per request
NESTING = ("xq_metrics.upload_worker",)  # modules whose jobs may run isolated jobs of their own (see the docstring)


def frame(tag: bytes, body: bytes = b"") -> bytes:
    return HEADER.pack(tag, len(body)) + body


# The running job's answer stream and output cap, for `send_early`; None outside a job.
_early: tuple[BinaryIO, int] | None = None


def send_early(value: object) -> None:
    """From inside a job: hand the parent part of the answer now (an A frame) and go on working; the parent may
    start on it while the job finishes. Once per job; a value over the output cap is not sent (it is optional)."""
    global _early
    if _early is None:
        return
    writer, cap = _early
    _early = None
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    if len(payload) <= cap:
        writer.write(frame(EARLY, payload))
        writer.flush()


def serve(control_fd: int) -> None:
    """The server loop: fork a child per request, report each child's exit code on its job socket."""
    for name in PRELOAD:
        importlib.import_module(name)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ^C in a terminal reaches the parent, which stops us
    control = socket.socket(fileno=control_fd)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)  # a handler (not SIG_IGN) so the wakeup fd is written
    children: dict[int, int] = {}  # pid -> the server's copy of its job socket
    controls: list[socket.socket] = [control]  # the parent's, then one per living child (see the docstring)
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ)
    selector.register(wake_r, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            if key.fileobj is wake_r:
                _drain(wake_r)
                _reap(children)
                continue
            asking: socket.socket = key.fileobj  # type: ignore[assignment]
            try:
                message, fds, _, _ = socket.recv_fds(asking, 16, MAX_FDS)
            except OSError:
                message, fds = b"", []
            if not message:
                if asking is control:  # the parent is gone: so are we (running children end at their own limits)
                    os._exit(0)
                selector.unregister(asking)  # a child ended
                controls.remove(asking)
                asking.close()
                continue
            if len(fds) != MAX_FDS:
                for fd in fds:
                    os.close(fd)
                continue
            job_fd, err_fd = fds
            ours, theirs = socket.socketpair()
            pid = os.fork()
            if pid == 0:
                selector.close()
                for fd in (wake_r, wake_w, ours.fileno(), *(c.fileno() for c in controls), *children.values()):
                    os.close(fd)
                signal.set_wakeup_fd(-1)
                for number in (signal.SIGCHLD, signal.SIGINT):
                    signal.signal(number, signal.SIG_DFL)
                os._exit(_child(job_fd, err_fd, theirs))
            theirs.close()
            controls.append(ours)
            selector.register(ours, selectors.EVENT_READ)
            os.close(err_fd)
            try:
                os.write(job_fd, frame(PID, str(pid).encode()))
            except OSError:
                pass  # the parent gave up already; the child will find its socket closed
            children[pid] = job_fd
        _reap(children)


def _reap(children: dict[int, int]) -> None:
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        fd = children.pop(pid, None)
        if fd is None:
            continue
        try:
            os.write(fd, frame(EXITED, str(os.waitstatus_to_exitcode(status)).encode()))
        except OSError:
            pass
        os.close(fd)


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except BlockingIOError:
        pass


# --------------------------------------------------------------------------- the child


def _child(job_fd: int, err_fd: int, control: socket.socket) -> int:
    os.dup2(err_fd, 2)  # what the parser prints ("memory allocation of … failed") reaches the parent
    os.close(err_fd)
    with socket.socket(fileno=job_fd) as job, job.makefile("rb") as reader, job.makefile("wb") as writer:
        return run_job(reader, writer, control)


def run_job(reader: BinaryIO, writer: BinaryIO, control: socket.socket | None = None) -> int:
    """Read one job, set the limits, run it, write one answer. Also the body of run_once."""
    tag, body = read_frame(reader)
    if tag != JOB:
        return 2
    module, name, args, limits = pickle.loads(body)
    del body
    if control is not None and module in NESTING:
        importlib.import_module("xq_metrics.isolation").use_server(control)
    elif control is not None:
        control.close()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash must not write a core file of gigabytes
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    # The kernel ends us at the wall time too (SIGALRM's default action), even inside native code that never
    # returns to Python; the parent kills us as well, this is for when the parent is gone.
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(max(1, int(limits.wall_seconds + 1)))
    global _early
    _early = (writer, limits.output_bytes)
    try:
        function = _resolve(module, name)
        result = function(*args)
        del args
        gc.disable()  # pickling a million objects must not trigger collections: this process ends right after
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        del result
        answer = frame(TOO_BIG, str(len(payload)).encode()) if len(payload) > limits.output_bytes else None
    except MemoryError:
        answer, payload = frame(NO_MEMORY), b""
    except Exception as exc:
        answer, payload = frame(RAISED, f"{type(exc).__name__}: {exc}"[:1000].encode("utf-8", "replace")), b""
    try:
        if answer is None:
            writer.write(HEADER.pack(RESULT, len(payload)))
            writer.write(payload)
        else:
            writer.write(answer)
        writer.flush()
    except (OSError, MemoryError):
        return 3
    return 0


def _resolve(module: str, name: str) -> Any:
    target: Any = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


def read_frame(reader: BinaryIO, limit: int | None = None) -> tuple[bytes, bytes]:
    """One frame; (b"", b"") at end of stream. A body longer than `limit` is not read: (tag, None-size marker)."""
    header = reader.read(HEADER.size)
    if len(header) < HEADER.size:
        return b"", b""
    tag, length = HEADER.unpack(header)
    if limit is not None and length > limit:
        raise OverflowError(length)
    body = reader.read(length)
    if len(body) < length:
        return b"", b""
    return tag, body


def run_once() -> None:
    """One job from stdin to stdout in this fresh interpreter: the alternative bench/isolation_cost.py measures."""
    for name in PRELOAD:
        importlib.import_module(name)
    sys.exit(run_job(sys.stdin.buffer, sys.stdout.buffer))


if __name__ == "__main__":
    serve(int(sys.argv[1]))
