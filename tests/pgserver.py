"""A throwaway PostgreSQL server for the test suite.

Starts a real server (initdb + pg_ctl) in a temporary directory, listening on
127.0.0.1 only, with durability switched off for speed. No pytest plugin and no
running system cluster are needed: just the server binaries (Debian package
``postgresql``, which ``scripts/setup.sh`` installs).

Debian's server refuses to run as root, so when the tests run as root the server
runs as the ``postgres`` system user through ``runuser``.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
_DB_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")


class PostgresNotFoundError(RuntimeError):
    """The PostgreSQL server binaries are not installed."""


class PostgresServerError(RuntimeError):
    """The server could not be initialised, started or stopped."""


def find_bin_dir() -> Path | None:
    """Directory holding initdb/pg_ctl/postgres, newest Debian version first."""
    override = os.environ.get("STATIONDESK_PG_BINDIR")
    if override:
        return Path(override)
    versioned = []
    for candidate in Path("/usr/lib/postgresql").glob("*/bin"):
        try:
            major = int(candidate.parent.name)
        except ValueError:
            continue
        if (candidate / "pg_ctl").is_file():
            versioned.append((major, candidate))
    if versioned:
        return max(versioned)[1]
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl and shutil.which("initdb"):
        return Path(pg_ctl).resolve().parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """One PostgreSQL cluster in a temporary directory, on a loopback TCP port.

    ``start()`` creates the cluster the first time and (re)starts it after that;
    the port and the data stay the same across ``stop()``/``start()``,
    ``restart()`` and ``stop_immediate()`` (a simulated crash), so URLs handed
    out earlier keep working. ``close()`` stops the server and deletes its files.
    """

    def __init__(self, bin_dir: Path | str | None = None, port: int | None = None) -> None:
        self._bin_dir = Path(bin_dir) if bin_dir is not None else None
        self._port = port
        self._base: Path | None = None
        self._running = False
        self._atexit_registered = False
        self._as_postgres_user = os.geteuid() == 0
        self.locale = "C.UTF-8"

    # --- public API -------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise PostgresServerError("server has not been started")
        return self._port

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def base_url(self) -> str:
        """SQLAlchemy URL of the server without a database name."""
        return f"postgresql+psycopg://{SUPERUSER}@{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._running

    @property
    def log_file(self) -> Path:
        return self._dir / "postgres.log"

    def url(self, name: str) -> str:
        """SQLAlchemy URL of database ``name`` on this server."""
        return f"{self.base_url}/{_check_name(name)}"

    def conninfo(self, name: str = "postgres") -> str:
        """libpq connection string, for connecting with psycopg directly."""
        return f"host={self.host} port={self.port} user={SUPERUSER} dbname={_check_name(name)}"

    def start(self) -> None:
        if self._running:
            return
        if self._base is None:
            self._init_cluster()
        self._start_with_port_retry()
        self._running = True
        if not self._atexit_registered:
            atexit.register(self._stop_at_exit)
            self._atexit_registered = True

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``mode`` as for ``pg_ctl stop -m``: smart, fast, immediate)."""
        if not self._running:
            return
        result = self._pg_ctl("stop", "-m", mode, "-w", "-t", "60")
        if result.returncode != 0:
            raise PostgresServerError(f"pg_ctl stop -m {mode} failed:\n{self._describe(result)}")
        self._running = False

    def stop_immediate(self) -> None:
        """Kill the server without a clean shutdown, as a crash would.

        The server runs with ``synchronous_commit=off``, so commits made in the
        last moments before this may be lost, unless made with
        ``SET synchronous_commit = on``. ``start()`` recovers the cluster.
        """
        self.stop("immediate")

    def restart(self) -> None:
        """Stop (fast) and start again on the same port with the same data."""
        self.stop()
        self.start()

    def create_database(self, name: str) -> str:
        """Create an empty UTF-8 database and return its SQLAlchemy URL."""
        with self._admin_connection() as conn:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
                    sql.Identifier(_check_name(name))
                )
            )
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop the database if it exists, disconnecting anyone still using it."""
        with self._admin_connection() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(_check_name(name))
                )
            )

    def close(self) -> None:
        """Stop the server and remove its temporary directory."""
        try:
            if self._running:
                self.stop()
        finally:
            if self._base is not None:
                shutil.rmtree(self._base, ignore_errors=True)
                self._base = None

    def __enter__(self) -> PostgresServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- internals ------------------------------------------------------

    @property
    def _dir(self) -> Path:
        if self._base is None:
            raise PostgresServerError("server has not been initialised")
        return self._base

    @property
    def _data_dir(self) -> Path:
        return self._dir / "data"

    def _bin(self, name: str) -> str:
        bin_dir = self._bin_dir or find_bin_dir()
        if bin_dir is None or not (bin_dir / name).is_file():
            where = bin_dir or "/usr/lib/postgresql/*/bin or PATH"
            raise PostgresNotFoundError(
                f"PostgreSQL server program {name!r} not found in {where}. Install the "
                "server (Debian: apt-get install postgresql, or run scripts/setup.sh), "
                "or set STATIONDESK_SKIP_PG=1 to skip the PostgreSQL tests locally."
            )
        return str(bin_dir / name)

    def _command(self, *args: str) -> list[str]:
        if self._as_postgres_user:
            return ["runuser", "-u", SUPERUSER, "--", *args]
        return list(args)

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "LC_ALL": "C", "PGPORT": str(self._port or 5432)}
        env.pop("PGDATA", None)
        return subprocess.run(
            self._command(*args),
            cwd=self._dir,  # the postgres user may not be allowed into our cwd
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def _pg_ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self._run(self._bin("pg_ctl"), "-D", str(self._data_dir), *args)

    @staticmethod
    def _describe(result: subprocess.CompletedProcess[str]) -> str:
        return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}".strip()

    def _make_base_dir(self) -> Path:
        # pytest's tmp_path lives under a 0700 directory the postgres user cannot
        # enter, so use a directory of our own in a world-traversable place.
        candidates = [None, "/tmp", "/var/tmp"] if self._as_postgres_user else [None]
        for parent in candidates:
            base = Path(tempfile.mkdtemp(prefix="stationdesk-pg-", dir=parent))
            if not self._as_postgres_user:
                return base
            user = pwd.getpwnam(SUPERUSER)
            os.chown(base, user.pw_uid, user.pw_gid)
            check = subprocess.run(
                ["runuser", "-u", SUPERUSER, "--", "test", "-w", str(base)],
                capture_output=True,
                check=False,
            )
            if check.returncode == 0:
                return base
            shutil.rmtree(base, ignore_errors=True)
        raise PostgresServerError(
            f"no temporary directory the {SUPERUSER!r} user can write to (tried TMPDIR, /tmp)"
        )

    def _init_cluster(self) -> None:
        initdb = self._bin("initdb")
        self._bin("pg_ctl")
        if self._as_postgres_user:
            try:
                pwd.getpwnam(SUPERUSER)
            except KeyError as exc:
                raise PostgresServerError(
                    f"running as root, but there is no {SUPERUSER!r} system user to run "
                    "the server as (the Debian postgresql package creates it)"
                ) from exc
        self._base = self._make_base_dir()
        errors = []
        for locale_name in ("C.UTF-8", "C"):
            args = [initdb, "-D", str(self._data_dir), "-A", "trust", "-U", SUPERUSER]
            args += ["--encoding=UTF8", f"--locale={locale_name}", "--no-sync"]
            result = self._run(*args)
            if result.returncode == 0:
                self.locale = locale_name
                return
            errors.append(self._describe(result))
            # initdb leaves nothing useful behind after a failure.
            shutil.rmtree(self._data_dir, ignore_errors=True)
        self.close()
        raise PostgresServerError("initdb failed:\n" + "\n---\n".join(errors))

    def _start_with_port_retry(self) -> None:
        fixed_port = self._port is not None
        for _attempt in range(5):
            if self._port is None:
                self._port = _free_port()
            if self._start_once():
                self._wait_until_ready()
                return
            log_tail = self._log_tail()
            if fixed_port or "could not bind" not in log_tail:
                raise PostgresServerError(
                    f"PostgreSQL did not start on 127.0.0.1:{self._port}; server log:\n{log_tail}"
                )
            self._port = None  # another process took the port: try a new one
        raise PostgresServerError("PostgreSQL did not start: no free port found")

    def _start_once(self) -> bool:
        options = " ".join(
            [
                f"-p {self._port}",
                f"-k {self._dir}",
                "-c listen_addresses=127.0.0.1",
                "-c fsync=off",
                "-c full_page_writes=off",
                "-c synchronous_commit=off",
            ]
        )
        # pg_ctl's own output goes to a file, not a pipe: the server it leaves
        # running must not hold our pipe open.
        with open(self._dir / "pg_ctl.out", "ab") as out:
            result = subprocess.run(
                self._command(
                    self._bin("pg_ctl"),
                    "-D",
                    str(self._data_dir),
                    "-l",
                    str(self.log_file),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ),
                cwd=self._dir,
                env={**os.environ, "LC_ALL": "C"},
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                # Ctrl-C in the test terminal must not kill the server under a test.
                start_new_session=True,
                timeout=90,
                check=False,
            )
        return result.returncode == 0

    def _wait_until_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.conninfo(), connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PostgresServerError(
                        f"PostgreSQL on port {self._port} does not accept connections: "
                        f"{exc}\n{self._log_tail()}"
                    ) from exc
                time.sleep(0.1)

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            text = ""
        with contextlib.suppress(OSError):
            text += (self._dir / "pg_ctl.out").read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    @contextlib.contextmanager
    def _admin_connection(self) -> Iterator[psycopg.Connection[Any]]:
        with psycopg.connect(self.conninfo(), autocommit=True, connect_timeout=10) as conn:
            yield conn

    def _stop_at_exit(self) -> None:
        # Last resort if the test session dies without tearing down its fixtures.
        if self._running:
            with contextlib.suppress(Exception):
                self.close()


def _check_name(name: str) -> str:
    if not _DB_NAME.match(name):
        raise ValueError(f"not a plain database name: {name!r}")
    return name
