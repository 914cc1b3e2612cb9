"""A throwaway PostgreSQL server for the tests and the store bench: initdb in a temporary folder, a free port.

PostgreSQL refuses to run as root, so as root the server runs as an unprivileged user (`postgres` when Debian's
package created it, else `nobody`) through runuser; the folder is owned by that user and removed afterwards.
The server listens on 127.0.0.1 only, trusts local connections (it holds nothing but test data) and is stopped
when the session ends. When it cannot start, `start` raises with the reason and the server's log: the tests
that need it fail and say why, they never skip.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "xq"
DATABASE = "xq"


class PostgresUnavailable(RuntimeError):
    pass


def bindir() -> Path:
    """Where initdb and pg_ctl are: Debian keeps them in /usr/lib/postgresql/N/bin, off the PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise PostgresUnavailable(
        "PostgreSQL's initdb was not found (looked in /usr/lib/postgresql/*/bin and on PATH): "
        "`make test` installs Debian's postgresql package; or run `apt-get install postgresql`."
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    durable: bool = False  # tests: fsync off (a killed client is what they test, not a killed server)
    port: int = 0
    folder: Path = field(default_factory=Path)
    user: str | None = None
    _log: Path = field(default_factory=Path)

    def start(self) -> "PgServer":
        bins = bindir()
        self.folder = Path(tempfile.mkdtemp(prefix="xq-pg-"))
        data = self.folder / "data"
        self._log = self.folder / "server.log"
        self.user = _service_user()
        if self.user is not None:
            os.chown(self.folder, pwd.getpwnam(self.user).pw_uid, pwd.getpwnam(self.user).pw_gid)
        init = self._run([
            str(bins / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--no-locale",
            *([] if self.durable else ["--no-sync"]),
        ])
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed ({init.returncode}):\n{init.stdout}\n{init.stderr}")
        options = [
            "-c listen_addresses=127.0.0.1", f"-c unix_socket_directories={self.folder}", "-c max_connections=300",
            "-c shared_buffers=64MB",
        ]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        for attempt in range(3):  # a port found free may be taken before the server binds it
            self.port = free_port()
            started = self._run([
                str(bins / "pg_ctl"), "-D", str(data), "-l", str(self._log), "-w", "-t", "60",
                "-o", " ".join([f"-p {self.port}", *options]), "start",
            ])
            if started.returncode == 0:
                break
        else:
            log = self._log.read_text(errors="replace")[-4000:] if self._log.exists() else ""
            raise PostgresUnavailable(
                f"pg_ctl start failed ({started.returncode}):\n{started.stdout}\n{started.stderr}\n--- server log ---\n{log}"
            )
        with self.admin(database="postgres") as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        return self

    def restart(self) -> None:
        """Stop and start again on the same port and data (connections are cut, data kept)."""
        restarted = self._run([
            str(bindir() / "pg_ctl"), "-D", str(self.folder / "data"), "-l", str(self._log), "-m", "fast", "-w", "restart",
        ])  # -l: without it the new server would log into our pipe and keep it open
        if restarted.returncode != 0:
            raise PostgresUnavailable(f"pg_ctl restart failed:\n{restarted.stdout}\n{restarted.stderr}")

    def stop(self) -> None:
        if not self.folder.exists():
            return
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            self._run([str(bindir() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = DATABASE, schema: str | None = None) -> str:
        url = f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"
        if schema:
            url += "?options=" + quote(f"-csearch_path={schema}", safe="")
        return url

    def admin(self, database: str = DATABASE):
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True)

    def new_schema(self) -> tuple[str, str]:
        """A fresh, empty schema in the test database and a store URL that works inside it."""
        name = "t_" + uuid.uuid4().hex[:16]
        with self.admin() as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return name, self.url(schema=name)

    def drop_schema(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")

    def _run(self, cmd: list[str]) -> subprocess.CompletedProcess[str]:
        if self.user is not None:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.folder)


def _service_user() -> str | None:
    """None when we are not root (the server runs as us); else an unprivileged account to run it."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise PostgresUnavailable("running as root and neither a 'postgres' nor a 'nobody' account exists to run the server")
