"""One engine module for both back ends: embedded SQLite and a PostgreSQL server.

SQLite: WAL, foreign keys, ``synchronous=FULL``, a busy timeout, and write
transactions that begin with ``BEGIN IMMEDIATE`` -- deferred transactions that read
and then write fail with "database is locked" under concurrent writers even with a
busy timeout. PostgreSQL: psycopg 3 with ``pool_pre_ping``.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import logging
import os
import re
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

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
PING_TIMEOUT_S = 10.0
# Keepalives do not notice a peer whose kernel still acknowledges packets (a hung server,
# proxy or NAT); inside `replies_within` a reply that takes longer counts as a lost link.
_reply_timeout: ContextVar[float | None] = ContextVar("stationdesk_reply_timeout", default=None)


class DatabaseError(Exception):
    """A problem with the database an administrator can act on; str() is the message."""


class NetworkShareError(DatabaseError):
    pass


class DatabaseCorruptError(DatabaseError):
    pass


class DatabaseReadOnlyError(DatabaseError):
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


def _unescape_mount_field(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def filesystem_type(path: Path, mounts: str | None = None) -> str | None:
    """The type of the mounted filesystem holding ``path`` (Linux), else None.

    ``mounts`` is the text of ``/proc/mounts``; it is read when not given.
    """
    if mounts is None:
        if sys.platform.startswith("win"):
            return "smb" if str(path).startswith("\\\\") else None
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return None
    target = str(path.resolve())
    best, best_type = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape_mount_field(parts[1])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        # Later lines are mounted on top of earlier ones at the same point.
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def check_not_network_share(path: Path, mounts: str | None = None) -> None:
    """Raise NetworkShareError if ``path`` (existing or not yet created) is on a share."""
    fstype = filesystem_type(path, mounts)
    if fstype in NETWORK_FILESYSTEMS or (fstype or "").startswith("fuse.s"):
        raise NetworkShareError(
            f"{path} is on a network share ({fstype}). SQLite's locking and WAL do not work "
            "on network filesystems, so the data would be at risk. Keep the SQLite file on a "
            "local disk, or use a PostgreSQL server for several workstations."
        )


def check_writable(path: Path) -> None:
    """Raise DatabaseReadOnlyError unless SQLite can write ``path`` and its folder.

    WAL mode creates ``-wal`` and ``-shm`` files next to the database, so the folder
    must be writable too. (``os.access`` also reports a read-only mount.)
    """
    folder = path.parent
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    if not folder.is_dir():
        raise DatabaseError(f"{path} cannot be created: {folder} is a file, not a folder.")
    try:
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        read_only_mount = False
    if read_only_mount:
        why = "it is on a read-only disk or mount"
    elif path.exists() and not os.access(path, os.W_OK):
        why = "the file is read-only"
    elif not os.access(folder, os.W_OK | os.X_OK):
        why = f"the folder {folder} is read-only"
    else:
        return
    raise DatabaseReadOnlyError(
        f"{path} cannot be written: {why}. StationDesk must write the database file and "
        "create its -wal and -shm files beside it. Ask the administrator to make the file "
        "and its folder writable, or move the file to a writable local disk."
    )


def _sqlite_engine(url: URL) -> Engine:
    path = Path(url.database) if url.database and url.database != ":memory:" else None
    if path is not None:
        check_not_network_share(path)
        check_writable(path)
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


@contextmanager
def replies_within(seconds: float | None) -> Iterator[None]:
    """In this block (this thread), a PostgreSQL reply later than ``seconds`` is a lost link.

    The connection is closed and ``psycopg.OperationalError`` raised, so SQLAlchemy
    discards it like any other broken connection. ``None`` waits forever.
    """
    reset_token = _reply_timeout.set(seconds)
    try:
        yield
    finally:
        _reply_timeout.reset(reset_token)


_watched_class: Any = None


def reply_watched_connection_class() -> Any:
    """A psycopg ``Connection`` whose waits honour :func:`replies_within` (made on first use)."""
    global _watched_class
    if _watched_class is not None:
        return _watched_class
    import inspect

    import psycopg
    from psycopg import errors

    if "timeout" not in inspect.signature(psycopg.Connection.wait).parameters:
        # psycopg < 3.3: no bounded wait to build on; keepalives are all there is.
        log.warning("psycopg %s cannot bound reply waits; use 3.3 or later", psycopg.__version__)
        _watched_class = psycopg.Connection
        return _watched_class

    class ReplyWatchedConnection(psycopg.Connection[Any]):
        def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
            limit = _reply_timeout.get()
            if timeout is not None or limit is None:
                return super().wait(gen, interval=interval, timeout=timeout)
            try:
                return super().wait(gen, interval=interval, timeout=limit)
            except errors._WaitTimeout:
                # The protocol stream is in an unknown state: never reuse this connection.
                self.close()
                raise psycopg.OperationalError(
                    f"no reply from the database server within {limit:g} s; connection closed"
                ) from None

    _watched_class = ReplyWatchedConnection
    return _watched_class


def _pg_engine(url: URL) -> Engine:
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=4,
        max_overflow=4,
        connect_args={
            "connect_timeout": 5,
            "application_name": "stationdesk",
            **PG_KEEPALIVE,
        },
    )

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return reply_watched_connection_class().connect(*cargs, **cparams)

    return engine


# --- was the file closed cleanly last time? -------------------------------------------

SESSIONS_DIR = "open-sessions"


def _lock_file(fd: int) -> bool:
    """Take an exclusive lock on ``fd`` without waiting; False if another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class SessionMarker:
    """ "A StationDesk process has this SQLite file open": a file in the data folder.

    Written and locked when a session opens the file, removed when it ends cleanly
    (:meth:`release`, also at interpreter exit). A marker whose lock nobody holds was
    left by a process that died -- killed, crashed, or the computer lost power -- so
    the file is checked (``PRAGMA quick_check``) before it is used again. The lock,
    not the process id, tells a live session from a dead one (ids are reused).
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path.resolve()
        key = hashlib.sha1(str(self.db_path).encode("utf-8")).hexdigest()[:16]
        self.folder = data_dir() / SESSIONS_DIR
        self.prefix = f"{key}-"
        self.path = self.folder / f"{key}-{os.getpid()}-{uuid.uuid4().hex[:8]}.open"
        self._fd: int | None = None
        self.left_behind: list[Path] = []

    def acquire(self) -> bool:
        """Mark the file open; True if an earlier session of it did not end cleanly."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.left_behind = [p for p in self.folder.glob(f"{self.prefix}*.open") if _dead(p)]
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.write(fd, f"{self.db_path}\n".encode())
        if not _lock_file(fd):  # pragma: no cover - a fresh unique name
            log.warning("cannot lock the session marker %s", self.path)
        self._fd = fd
        atexit.register(self.release)
        return bool(self.left_behind)

    def checked(self) -> None:
        """The file was checked and is healthy: forget the sessions that died."""
        for stale in self.left_behind:
            try:
                stale.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("cannot remove the old session marker %s: %s", stale, exc)
        self.left_behind = []

    def release(self) -> None:
        """The session ends cleanly (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        atexit.unregister(self.release)
        # Remove it while still locked, so no one sees it unlocked and thinks it died
        # (Windows refuses to delete an open file: there it goes after the close).
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        os.close(fd)
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove the session marker %s: %s", self.path, exc)


def _dead(marker: Path) -> bool:
    """A marker no live process holds locked."""
    try:
        fd = os.open(marker, os.O_RDWR)
    except OSError:
        return False  # gone meanwhile, or not ours to read
    try:
        return _lock_file(fd)
    finally:
        os.close(fd)  # closing drops the probe's lock


def _first_lines(text: str, count: int = 3) -> str:
    lines = [line.strip() for line in text.replace("; ", "\n").splitlines() if line.strip()]
    more = f" (+{len(lines) - count} more)" if len(lines) > count else ""
    return "; ".join(lines[:count]) + more


def sqlite_corruption(exc: BaseException) -> str | None:
    """SQLite's own words if ``exc`` says the file is damaged or not a database."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    # SQLITE_CORRUPT = 11, SQLITE_NOTADB = 26 (extended codes keep them in the low byte)
    if code is not None and code & 0xFF in (11, 26):
        return str(orig)
    return None


def damaged_error(path: Path | str | None, complaint: str) -> DatabaseCorruptError:
    """The one-line error for a damaged SQLite file, with SQLite's own words."""
    return DatabaseCorruptError(
        f"The database file {path} is damaged (SQLite: {_first_lines(complaint)}). Do not "
        "keep working on it: restore the latest backup (`stationdesk restore FILE`) or call "
        "the administrator."
    )


class Database:
    """The station database: a read engine and a write engine over one pool."""

    engine: Engine
    write_engine: Engine

    def __init__(self, url: URL | str | None, *, password: str | None = None) -> None:
        self.url = url if isinstance(url, URL) else resolve_url(url)
        if password is not None:
            self.url = self.url.set(password=password)
        self._marker: SessionMarker | None = None
        if self.is_sqlite:
            self.engine = _sqlite_engine(self.url)
            self.write_engine = self.engine.execution_options(sqlite_immediate=True)
        else:
            self.engine = _pg_engine(self.url)
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
        # A server that accepts the connection but never answers is not "there" either.
        with replies_within(PING_TIMEOUT_S), self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    def open_session(self) -> bool:
        """Mark the SQLite file open for this session (GUI, CLI); True if the last session
        on it ended uncleanly, so the file should be checked (:meth:`check_integrity`)
        before use. Always False on PostgreSQL, which recovers and checks itself."""
        path = self.sqlite_path
        if path is None or self._marker is not None:
            return False
        marker = SessionMarker(path)
        try:
            unclean = marker.acquire()
        except OSError as exc:  # the data folder cannot be written: check to be safe
            log.warning("cannot write the session marker %s: %s", marker.path, exc)
            return True
        self._marker = marker
        return unclean and path.exists()

    def integrity_confirmed(self) -> None:
        """The file passed its check: the sessions that died no longer ask for one."""
        if self._marker is not None:
            self._marker.checked()

    def integrity_check(self, *, full: bool = False) -> str:
        """``PRAGMA quick_check`` on SQLite ("ok" when healthy); "ok" on PostgreSQL.

        ``full`` runs ``PRAGMA integrity_check`` (also checks that indexes match their
        tables; slower). A file too damaged to check (or not a database at all) gives
        SQLite's complaint instead of raising.
        """
        if not self.is_sqlite:
            return "ok"
        from sqlalchemy.exc import DBAPIError

        pragma = "integrity_check" if full else "quick_check"
        try:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql(f"PRAGMA {pragma}").fetchall()
        except DBAPIError as exc:
            complaint = sqlite_corruption(exc)
            if complaint is None:
                raise
            self.engine.dispose()  # do not keep connections to a damaged file
            return complaint
        return "; ".join(str(r[0]) for r in rows)

    def check_integrity(self, *, full: bool = False) -> None:
        """Raise DatabaseCorruptError, with one clear line, unless the SQLite file is healthy."""
        complaint = self.integrity_check(full=full)
        if complaint != "ok":
            raise self.damaged(complaint)
        self.integrity_confirmed()

    def damaged(self, complaint: str) -> DatabaseCorruptError:
        """The one-line error for this damaged file, with SQLite's own words."""
        return damaged_error(self.sqlite_path, complaint)

    def dispose(self) -> None:
        """Close every connection; the session (if one was opened) ended cleanly."""
        self.engine.dispose()
        if self._marker is not None:
            self._marker.release()
            self._marker = None
