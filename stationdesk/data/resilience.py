"""When the database fails under a save: what happened, what the officer is told, what next.

- :func:`classify` turns any exception from the data layer into a :class:`Fault` with
  a stable code (``offline``, ``locked``, ``disk_full``, ...) and a plain message. The
  GUI shows its own translation of the message, looked up by code.
- Every unit of work commits a client-made token with its changes
  (:func:`stationdesk.data.uow.carrying_token`). After a save lost its connection --
  possibly during COMMIT -- :func:`save_outcome` answers "did it commit?". A "no" is
  final: the question fences the token, so a transaction still open on the server for a
  vanished client can never commit afterwards.
- :func:`save` runs one save with that logic: a transient fault is retried, and the
  save either committed exactly once or not at all, and the result says which.
"""

from __future__ import annotations

import enum
import errno
import logging
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session

from stationdesk.data.database import (
    Database,
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    NetworkShareError,
    replies_within,
)
from stationdesk.data.schema import WorkToken
from stationdesk.data.uow import (
    PG_WRITE_LIMITS,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    carrying_token,
    new_work_token,
    now,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


class FaultCode(enum.StrEnum):
    OFFLINE = "offline"  # server down, link cut or silent: reconnects by itself
    LOCKED = "locked"  # another workstation holds what this save needs: try again
    CONFLICT = "conflict"  # the row changed since it was read: merge or reload
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"  # read-only file, folder, mount, or a standby server
    IO_ERROR = "io_error"  # the disk reported an error
    CORRUPT = "corrupt"
    NETWORK_SHARE = "network_share"  # SQLite on a network filesystem
    SCHEMA = "schema"  # database made by another StationDesk version
    LOGIN_REFUSED = "login_refused"  # the server refused the database user or password
    NOT_ALLOWED = "not_allowed"  # the signed-in officer lacks the permission
    NOT_FOUND = "not_found"  # deleted by another workstation
    INTERNAL = "internal"  # a defect in StationDesk: logged with its traceback


# English originals; the GUI translates by code (and this text is its source string).
MESSAGES: dict[FaultCode, str] = {
    FaultCode.OFFLINE: (
        "The database cannot be reached. What you typed is kept; StationDesk reconnects "
        "by itself and then tells you whether the last save went through."
    ),
    FaultCode.LOCKED: "The database is busy with another workstation's change. Try again.",
    FaultCode.CONFLICT: (
        "Another workstation changed this record after you opened it. Look at their "
        "change, then merge or reload."
    ),
    FaultCode.DISK_FULL: (
        "The disk that holds the database is full. Ask the administrator to free space."
    ),
    FaultCode.READ_ONLY: (
        "The database cannot be written (read-only file, folder or server). Ask the administrator."
    ),
    FaultCode.IO_ERROR: (
        "The disk that holds the database reported an error. Stop and call the administrator."
    ),
    FaultCode.CORRUPT: (
        "The database file is damaged. Stop working on it; the administrator restores the "
        "latest backup."
    ),
    FaultCode.NETWORK_SHARE: (
        "The database file is on a network share, where SQLite can lose data. Keep it on "
        "a local disk, or use a PostgreSQL server for several workstations."
    ),
    FaultCode.SCHEMA: (
        "The database belongs to a different StationDesk version. Ask the administrator "
        "to upgrade it (stationdesk init) or to update this workstation."
    ),
    FaultCode.LOGIN_REFUSED: (
        "The database server refused this workstation's login. Check the database user "
        "and password in the database settings."
    ),
    FaultCode.NOT_ALLOWED: "You are not allowed to do this.",
    FaultCode.NOT_FOUND: "This record no longer exists; another workstation may have deleted it.",
    FaultCode.INTERNAL: "StationDesk hit an internal error. The details are in the log.",
}

_RETRYABLE = frozenset({FaultCode.OFFLINE, FaultCode.LOCKED})
# Faults of the database itself (not of the officer's input or rights).
_DATABASE_FAULTS = frozenset(
    {
        FaultCode.OFFLINE,
        FaultCode.LOCKED,
        FaultCode.DISK_FULL,
        FaultCode.READ_ONLY,
        FaultCode.IO_ERROR,
        FaultCode.CORRUPT,
        FaultCode.LOGIN_REFUSED,
    }
)


@dataclass(frozen=True)
class Fault:
    code: FaultCode
    detail: str  # the first line of the underlying error, for the log and "details"

    @property
    def message(self) -> str:
        return MESSAGES[self.code]

    @property
    def retryable(self) -> bool:
        return self.code in _RETRYABLE


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:300] if lines else ''}".rstrip(": ")


# SQLite primary result codes (the low byte of the extended code).
_SQLITE_CODES = {
    5: FaultCode.LOCKED,  # SQLITE_BUSY
    6: FaultCode.LOCKED,  # SQLITE_LOCKED
    8: FaultCode.READ_ONLY,  # SQLITE_READONLY
    10: FaultCode.IO_ERROR,  # SQLITE_IOERR
    11: FaultCode.CORRUPT,  # SQLITE_CORRUPT
    13: FaultCode.DISK_FULL,  # SQLITE_FULL
    14: FaultCode.READ_ONLY,  # SQLITE_CANTOPEN: in practice a folder it may not write
    26: FaultCode.CORRUPT,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATEs (exact codes first, then two-character classes).
_PG_STATES = {
    "57P01": FaultCode.OFFLINE,  # admin_shutdown (fast/immediate stop, pg_terminate_backend)
    "57P02": FaultCode.OFFLINE,  # crash_shutdown
    "57P03": FaultCode.OFFLINE,  # cannot_connect_now (starting up, recovering)
    "57P05": FaultCode.OFFLINE,  # idle_session_timeout
    "25P03": FaultCode.OFFLINE,  # idle_in_transaction_session_timeout
    "40001": FaultCode.LOCKED,  # serialization_failure
    "40P01": FaultCode.LOCKED,  # deadlock_detected
    "55P03": FaultCode.LOCKED,  # lock_not_available (lock_timeout)
    "57014": FaultCode.LOCKED,  # query_canceled (statement_timeout)
    "53300": FaultCode.LOCKED,  # too_many_connections
    "53100": FaultCode.DISK_FULL,
    "25006": FaultCode.READ_ONLY,  # read_only_sql_transaction (a standby server)
    "42501": FaultCode.READ_ONLY,  # insufficient_privilege (database user may not write)
    "XX001": FaultCode.CORRUPT,
    "XX002": FaultCode.CORRUPT,
    "08": FaultCode.OFFLINE,  # connection_exception
    "28": FaultCode.LOGIN_REFUSED,  # invalid_authorization_specification
    "58": FaultCode.IO_ERROR,  # system_error
}

_ERRNOS = {
    errno.ENOSPC: FaultCode.DISK_FULL,
    errno.EDQUOT: FaultCode.DISK_FULL,
    errno.EROFS: FaultCode.READ_ONLY,
    errno.EACCES: FaultCode.READ_ONLY,
    errno.EPERM: FaultCode.READ_ONLY,
    errno.EIO: FaultCode.IO_ERROR,
    errno.ECONNREFUSED: FaultCode.OFFLINE,
    errno.ECONNRESET: FaultCode.OFFLINE,
    errno.ETIMEDOUT: FaultCode.OFFLINE,
    errno.EHOSTUNREACH: FaultCode.OFFLINE,
    errno.ENETUNREACH: FaultCode.OFFLINE,
}


def _dbapi_code(orig: BaseException) -> FaultCode | None:
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        return _SQLITE_CODES.get(code & 0xFF) if code is not None else None
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(orig, psycopg.Error):
        state = orig.sqlstate
        if state is None:
            # No SQLSTATE: libpq itself failed (refused, reset, closed, no reply).
            lost = isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError)
            return FaultCode.OFFLINE if lost else None
        return _PG_STATES.get(state) or _PG_STATES.get(state[:2])
    return None


def _code_of(exc: BaseException) -> FaultCode:
    if isinstance(exc, ConflictError):
        return FaultCode.CONFLICT
    if isinstance(exc, PermissionDeniedError):
        return FaultCode.NOT_ALLOWED
    if isinstance(exc, NotFoundError):
        return FaultCode.NOT_FOUND
    if isinstance(exc, NetworkShareError):
        return FaultCode.NETWORK_SHARE
    if isinstance(exc, DatabaseCorruptError):
        return FaultCode.CORRUPT
    if isinstance(exc, DatabaseReadOnlyError):
        return FaultCode.READ_ONLY
    # migrate imports Alembic: if it is not loaded, its errors cannot be the cause.
    migrate = sys.modules.get("stationdesk.data.migrate")
    if migrate is not None and isinstance(
        exc, migrate.SchemaTooNewError | migrate.SchemaOutdatedError
    ):
        return FaultCode.SCHEMA
    if isinstance(exc, PoolTimeoutError):
        return FaultCode.LOCKED  # every pooled connection busy
    if isinstance(exc, DBAPIError):
        code = _dbapi_code(exc.orig) if exc.orig is not None else None
        if code is not None:
            return code
        if exc.connection_invalidated:
            return FaultCode.OFFLINE
        return FaultCode.INTERNAL
    code = _dbapi_code(exc)
    if code is not None:
        return code
    if isinstance(exc, OSError) and exc.errno in _ERRNOS:
        return _ERRNOS[exc.errno]
    return FaultCode.INTERNAL


def classify(exc: BaseException) -> Fault:
    """What kind of failure ``exc`` is, for the officer and for the retry decision."""
    if isinstance(exc, SaveFailed):
        return exc.fault
    orig = getattr(exc, "orig", None)
    return Fault(_code_of(exc), _first_line(orig if isinstance(orig, BaseException) else exc))


# --- did an interrupted save commit? ------------------------------------------------


class SaveOutcome(enum.StrEnum):
    COMMITTED = "committed"
    NOT_COMMITTED = "not_committed"  # final: it never will
    UNKNOWN = "unknown"  # the database cannot tell yet (unreachable): ask again later


OUTCOME_MESSAGES: dict[SaveOutcome, str] = {
    SaveOutcome.COMMITTED: "Your save went through.",
    SaveOutcome.NOT_COMMITTED: "Your save did not go through; nothing was changed.",
    SaveOutcome.UNKNOWN: (
        "It is not known yet whether your save went through. StationDesk checks as soon "
        "as the database is back; keep what you typed."
    ),
}

# How long the question waits for a transaction that still holds the token.
OUTCOME_LOCK_WAIT_S = 5.0


def save_outcome(db: Database, token: str, *, wait_s: float = OUTCOME_LOCK_WAIT_S) -> SaveOutcome:
    """Did the unit of work that carried ``token`` commit?

    NOT_COMMITTED is final. On PostgreSQL the answer is made final by writing a
    "fenced" row under the token: a transaction of a vanished client that still holds
    the token is waited for (up to ``wait_s``; the server ends such a transaction
    itself) and can never commit after this. UNKNOWN when the database cannot be
    reached or that transaction is still open: ask again later.
    """
    try:
        try:
            return _outcome(db, token, fence=not db.is_sqlite, wait_s=wait_s)
        except IntegrityError:
            # The token is there: the lost transaction committed (or an earlier question
            # fenced it). Read which.
            return _outcome(db, token, fence=False, wait_s=wait_s)
    except (DBAPIError, PoolTimeoutError) as exc:
        log.info("outcome of save %s not known yet: %s", token, _first_line(exc))
        return SaveOutcome.UNKNOWN


def _outcome(db: Database, token: str, *, fence: bool, wait_s: float) -> SaveOutcome:
    # On SQLite no fence is needed: a transaction lives only in its own process, and
    # is rolled back by the time its caller sees the exception (or the process died).
    engine = db.write_engine if fence else db.engine  # a plain read needs no write lock
    with replies_within(wait_s + 5), Session(engine) as session, session.begin():
        if fence:
            session.execute(PG_WRITE_LIMITS)
            session.execute(
                text("SELECT set_config('lock_timeout', :ms, true)"),
                {"ms": f"{int(wait_s * 1000)}ms"},
            )
            session.execute(insert(WorkToken).values(token=token, at=now(), state="fenced"))
            return SaveOutcome.NOT_COMMITTED
        state = session.scalar(select(WorkToken.state).where(WorkToken.token == token))
    return SaveOutcome.COMMITTED if state == "committed" else SaveOutcome.NOT_COMMITTED


# --- one save, committed once or not at all -------------------------------------------


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3
    first_delay_s: float = 0.25
    max_delay_s: float = 2.0
    # After a lost connection: how long to keep asking whether the save committed
    # (a restarting server is usually back within seconds).
    outcome_wait_s: float = 15.0
    outcome_poll_s: float = 0.5


@dataclass(frozen=True)
class SaveResult(Generic[T]):
    """A save that committed, exactly once."""

    value: T | None
    token: str
    attempts: int
    # The commit was confirmed through its token, not its reply: ``value`` is None and
    # the view reloads what it shows.
    reply_lost: bool = False


class SaveFailed(Exception):
    """A save that did not commit (``outcome`` NOT_COMMITTED), or that may have (UNKNOWN:
    ask :func:`save_outcome` with ``token`` when the database is back)."""

    def __init__(self, fault: Fault, outcome: SaveOutcome, token: str) -> None:
        super().__init__(f"{fault.message} {OUTCOME_MESSAGES[outcome]} ({fault.detail})")
        self.fault = fault
        self.outcome = outcome
        self.token = token


def _await_outcome(db: Database, token: str, policy: RetryPolicy) -> SaveOutcome:
    deadline = time.monotonic() + policy.outcome_wait_s
    while True:
        outcome = save_outcome(db, token)
        if outcome is not SaveOutcome.UNKNOWN or time.monotonic() >= deadline:
            return outcome
        time.sleep(policy.outcome_poll_s)


def save(
    db: Database, operation: Callable[[], T], policy: RetryPolicy | None = None
) -> SaveResult[T]:
    """Run ``operation`` (one service call, i.e. one unit of work) so that it commits
    exactly once or not at all.

    A locked database is retried with back-off. After a lost connection the token
    tells whether the attempt committed; only a fenced (certainly not committed)
    attempt is retried. Faults of the officer's making (conflict, permission,
    validation) are raised unchanged: nothing was committed. Database faults end in
    :class:`SaveFailed`, which carries the outcome.
    """
    policy = policy or RetryPolicy()
    delay = policy.first_delay_s
    attempt = 0
    while True:
        attempt += 1
        token = new_work_token()
        try:
            with carrying_token(token):
                value = operation()
            return SaveResult(value, token, attempt)
        except SQLAlchemyError as exc:
            fault = classify(exc)
            if fault.code not in _DATABASE_FAULTS:
                raise
            log.info("save attempt %d failed (%s): %s", attempt, fault.code, fault.detail)
            outcome = SaveOutcome.NOT_COMMITTED  # the server answered: it rolled back
            if fault.code is FaultCode.OFFLINE:
                outcome = _await_outcome(db, token, policy)
                if outcome is SaveOutcome.COMMITTED:
                    return SaveResult(None, token, attempt, reply_lost=True)
            final = outcome is SaveOutcome.UNKNOWN or not fault.retryable
            if final or attempt >= policy.attempts:
                raise SaveFailed(fault, outcome, token) from exc
            if fault.code is FaultCode.LOCKED:
                time.sleep(delay)
                delay = min(delay * 2, policy.max_delay_s)
