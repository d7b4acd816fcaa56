"""One engine module for both back ends: embedded SQLite and a PostgreSQL server.

SQLite: WAL, foreign keys, ``synchronous=FULL``, a busy timeout, and write
transactions that begin with ``BEGIN IMMEDIATE`` -- deferred transactions that read
and then write fail with "database is locked" under concurrent writers even with a
busy timeout. PostgreSQL: psycopg 3 with ``pool_pre_ping``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

SQLITE_BUSY_TIMEOUT_MS = 30_000
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "9p",
        "afs",
        "fuse.sshfs",
        "ncpfs",
        "davfs",
        "glusterfs",
    }
)
# libpq keepalives: a black-holed (half-open) connection is noticed within ~15 s.
PG_KEEPALIVE = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 12_000,
}


class DatabaseError(Exception):
    """A problem with the database an administrator can act on; str() is the message."""


class NetworkShareError(DatabaseError):
    pass


def data_dir() -> Path:
    """The per-user data folder (platformdirs); tests point it elsewhere."""
    override = os.environ.get("STATIONDESK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("StationDesk", "StationDesk"))


def default_sqlite_path() -> Path:
    return data_dir() / "stationdesk.sqlite3"


def resolve_url(arg: str | None = None) -> URL:
    """``--db`` argument, else ``STATIONDESK_DB``, else the embedded default.

    A plain file path means SQLite; anything with ``://`` is a SQLAlchemy URL, and a
    bare ``postgresql://`` is given the psycopg 3 driver.
    """
    raw = arg or os.environ.get("STATIONDESK_DB") or str(default_sqlite_path())
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))
    url = make_url(raw)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe_url(url: URL) -> str:
    """What the status bar shows: the SQLite file, or host/database on PostgreSQL."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite · {url.database or ':memory:'}"
    port = f":{url.port}" if url.port else ""
    return f"PostgreSQL · {url.host or 'localhost'}{port}/{url.database or ''}"


def filesystem_type(path: Path) -> str | None:
    """The type of the mounted filesystem holding ``path`` (Linux), else None."""
    if sys.platform.startswith("win"):
        return "smb" if str(path).startswith("\\\\") else None
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def check_not_network_share(path: Path) -> None:
    fstype = filesystem_type(path.parent if not path.exists() else path)
    if fstype in NETWORK_FILESYSTEMS or (fstype or "").startswith("fuse.s"):
        raise NetworkShareError(
            f"{path} is on a network share ({fstype}). SQLite's locking and WAL do not work "
            "on network filesystems, so the data would be at risk. Keep the SQLite file on a "
            "local disk, or use a PostgreSQL server for several workstations."
        )


def _sqlite_engine(url: URL) -> Engine:
    path = Path(url.database) if url.database and url.database != ":memory:" else None
    if path is not None:
        check_not_network_share(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take over transaction control from the driver so BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """The station database: a read engine and a write engine over one pool."""

    engine: Engine
    write_engine: Engine

    def __init__(self, url: URL | str | None, *, password: str | None = None) -> None:
        self.url = url if isinstance(url, URL) else resolve_url(url)
        if password is not None:
            self.url = self.url.set(password=password)
        if self.is_sqlite:
            self.engine = _sqlite_engine(self.url)
            self.write_engine = self.engine.execution_options(sqlite_immediate=True)
        else:
            self.engine = create_engine(
                self.url,
                pool_pre_ping=True,
                pool_size=4,
                max_overflow=4,
                connect_args={
                    "connect_timeout": 5,
                    "application_name": "stationdesk",
                    **PG_KEEPALIVE,
                },
            )
            self.write_engine = self.engine

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def describe(self) -> str:
        return describe_url(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; it is never committed."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def integrity_check(self) -> str:
        """``PRAGMA quick_check`` on SQLite ("ok" when healthy); "ok" on PostgreSQL."""
        if not self.is_sqlite:
            return "ok"
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
        return "; ".join(str(r[0]) for r in rows)

    def dispose(self) -> None:
        self.engine.dispose()
