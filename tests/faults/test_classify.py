"""Real errors, as the drivers raise them, sorted into what the officer is told."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from stationdesk.data import resilience
from stationdesk.data.database import Database, NetworkShareError
from stationdesk.data.resilience import FaultCode, classify
from stationdesk.data.uow import SYSTEM, ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import Permission


def sqlite_error(tmp_path: Path, how: str) -> BaseException:
    path = tmp_path / "x.sqlite3"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE IF NOT EXISTS t (x)")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        if how == "busy":
            holder.execute("BEGIN IMMEDIATE")
            other = sqlite3.connect(path, timeout=0)
            other.execute("BEGIN IMMEDIATE")
        elif how == "read_only":
            ro = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
            ro.execute("INSERT INTO t VALUES (1)")
        else:
            path.write_bytes(b"not a database at all" * 10)
            sqlite3.connect(path).execute("SELECT * FROM t")
    except sqlite3.Error as exc:
        return exc
    finally:
        holder.close()
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("how", "code"),
    [
        ("busy", FaultCode.LOCKED),
        ("read_only", FaultCode.READ_ONLY),
        ("garbage", FaultCode.CORRUPT),
    ],
)
def test_sqlite_errors(tmp_path: Path, how: str, code: FaultCode) -> None:
    error = sqlite_error(tmp_path, how)
    assert classify(error).code is code
    # ... also wrapped by SQLAlchemy, as the services raise them.
    wrapped = OperationalError("statement", {}, error)  # type: ignore[arg-type]
    assert classify(wrapped).code is code
    assert classify(wrapped).detail.startswith(type(error).__name__)


def test_an_unreachable_server_is_offline() -> None:
    with pytest.raises(psycopg.OperationalError) as raw:
        psycopg.connect("host=127.0.0.1 port=1 user=x dbname=x connect_timeout=2")
    assert classify(raw.value).code is FaultCode.OFFLINE
    engine = create_engine("postgresql+psycopg://x@127.0.0.1:1/x")
    with pytest.raises(OperationalError) as wrapped:
        engine.connect().execute(text("SELECT 1"))
    assert classify(wrapped.value).code is FaultCode.OFFLINE
    assert "127.0.0.1" in classify(wrapped.value).detail


def test_what_the_officer_or_the_file_system_caused() -> None:
    assert classify(ConflictError("case_file", 1, 1, 2, {}, {})).code is FaultCode.CONFLICT
    denied = PermissionDeniedError(SYSTEM, Permission.EDIT_CASES)
    assert classify(denied).code is FaultCode.NOT_ALLOWED
    assert classify(NotFoundError("case_file", 9)).code is FaultCode.NOT_FOUND
    assert classify(NetworkShareError("x")).code is FaultCode.NETWORK_SHARE
    assert classify(OSError(errno.ENOSPC, "No space left")).code is FaultCode.DISK_FULL
    assert classify(OSError(errno.EROFS, "Read-only file system")).code is FaultCode.READ_ONLY
    assert classify(ValueError("a bug")).code is FaultCode.INTERNAL
    failed = resilience.SaveFailed(
        resilience.Fault(FaultCode.OFFLINE, "x"), resilience.SaveOutcome.UNKNOWN, "0" * 32
    )
    assert classify(failed) is failed.fault


def test_every_code_and_outcome_has_a_message() -> None:
    assert set(resilience.MESSAGES) == set(FaultCode)
    assert set(resilience.OUTCOME_MESSAGES) == set(resilience.SaveOutcome)


def test_save_passes_the_officers_own_errors_through(tmp_path: Path) -> None:
    db = Database(str(tmp_path / "station.sqlite3"))

    def refused() -> None:
        raise PermissionDeniedError(SYSTEM, Permission.EDIT_CASES)

    with pytest.raises(PermissionDeniedError):
        resilience.save(db, refused)
    db.dispose()
