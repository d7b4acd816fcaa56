"""Helpers shared by the fault tests (fixtures are in conftest.py)."""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tcp_proxy import TcpProxy

from stationdesk.data import cases, users
from stationdesk.data.changes import ChangeWatcher
from stationdesk.data.database import Database
from stationdesk.data.uow import SYSTEM, Actor, Change
from stationdesk.domain.enums import CaseCategory, CaseSource, Priority, Role

try:
    from tests.pgserver import PostgresServer
except ImportError:
    from pgserver import PostgresServer  # type: ignore[no-redef,unused-ignore]

PASSWORD = "correct-horse-1"


def wait_for(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def draft(summary: str) -> cases.CaseDraft:
    return cases.CaseDraft(
        CaseCategory.DISPUTE_NEIGHBOUR,
        CaseSource.WALK_IN,
        Priority.NORMAL,
        datetime.now().replace(microsecond=0),
        None,
        "幸福路 12 号",
        summary,
    )


def duty_officer(db: Database) -> Actor:
    """A duty officer's account, created and signed in."""
    users.create_user(db, SYSTEM, "duty", "Duty", PASSWORD, [Role.DUTY_OFFICER])
    return users.sign_in(db, "duty", PASSWORD)


def count_cases(db: Database, summary: str) -> int:
    from sqlalchemy import func, select

    from stationdesk.data.schema import Case

    with db.read() as s:
        return int(s.scalar(select(func.count()).where(Case.summary == summary)) or 0)


@dataclass
class WatchRecord:
    """What a running ChangeWatcher reported, with monotonic times."""

    states: list[tuple[float, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on_state(self, state: str) -> None:
        with self.lock:
            self.states.append((time.monotonic(), state))

    def on_changes(self, batch: list[Change]) -> None:
        with self.lock:
            self.changes.extend(batch)

    def first(self, prefix: str, after: float = 0.0) -> float | None:
        with self.lock:
            return next((t for t, s in self.states if s.startswith(prefix) and t >= after), None)

    def seconds_until(self, prefix: str, after: float) -> float:
        """Seconds from ``after`` to the first state starting with ``prefix``."""
        at = self.first(prefix, after)
        assert at is not None, f"no {prefix!r} state after that moment: {self.states}"
        return at - after

    def case_ids(self) -> set[int]:
        with self.lock:
            return {c.row_id for c in self.changes if c.table == "case_file"}


@contextlib.contextmanager
def running_watcher(db: Database) -> Iterator[WatchRecord]:
    record = WatchRecord()
    watcher = ChangeWatcher(db, record.on_changes, record.on_state)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: record.first("online") is not None, 10), record.states
        yield record
    finally:
        watcher.stop()
        thread.join(10)
        assert not thread.is_alive(), "the change watcher did not stop"


@dataclass
class PgStation:
    """One station database: the app goes through ``proxy``, ``other`` connects directly."""

    server: PostgresServer
    proxy: TcpProxy
    name: str
    app: Database
    other: Database
    duty: Actor

    def direct_conninfo(self) -> str:
        return self.server.conninfo(self.name)


# --- mounts (root only) ----------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


@dataclass
class Mount:
    path: Path

    def remount(self, options: str) -> None:
        result = run("mount", "-o", f"remount,{options}", str(self.path))
        assert result.returncode == 0, result.stderr


# --- SQLite writer processes (run with multiprocessing's spawn) ----------------------


def sqlite_writer(path: str, actor: Actor, rounds: int, tag: str) -> dict[str, int]:
    """``rounds`` times: record a case and add a note to it -- each one unit of work that
    reads (the next case number, the case) and then writes. Returns counts of outcomes."""
    from stationdesk.data.resilience import classify

    db = Database(path)
    outcome = {"saved": 0, "database is locked": 0}
    try:
        for i in range(rounds):
            try:
                made = cases.create_case(db, actor, draft(f"{tag} {i}"))
                cases.add_note(db, actor, made.id, f"{tag} 跟进 {i}")
                outcome["saved"] += 1
            except Exception as exc:
                if "database is locked" in str(exc):
                    outcome["database is locked"] += 1
                code = str(classify(exc).code)
                outcome[code] = outcome.get(code, 0) + 1
    finally:
        db.dispose()
    return outcome


def writer_until(path: str, actor: Actor, stop_file: str, tag: str) -> dict[str, int]:
    """Like :func:`sqlite_writer`, until ``stop_file`` exists."""
    from stationdesk.data.resilience import classify

    db = Database(path)
    outcome = {"saved": 0}
    try:
        while not os.path.exists(stop_file):
            try:
                made = cases.create_case(db, actor, draft(f"{tag} {outcome['saved']}"))
                cases.add_note(db, actor, made.id, f"{tag} 跟进")
                outcome["saved"] += 1
            except Exception as exc:
                code = str(classify(exc).code)
                outcome[code] = outcome.get(code, 0) + 1
    finally:
        db.dispose()
    return outcome


def deferred_writer(path: str, rounds: int, tag: str) -> dict[str, int]:
    """The control: the same read-then-write pattern in plain deferred transactions."""
    from sqlalchemy import text

    db = Database(path)
    outcome = {"saved": 0, "database is locked": 0}
    try:
        for i in range(rounds):
            try:
                with db.engine.begin() as conn:  # BEGIN (deferred), not BEGIN IMMEDIATE
                    n = conn.execute(text("SELECT count(*) FROM station_setting")).scalar()
                    conn.execute(
                        text("INSERT INTO station_setting (key, value) VALUES (:k, :v)"),
                        {"k": f"{tag}-{i}", "v": str(n)},
                    )
                outcome["saved"] += 1
            except Exception as exc:
                if "database is locked" not in str(exc):
                    raise
                outcome["database is locked"] += 1
    finally:
        db.dispose()
    return outcome
