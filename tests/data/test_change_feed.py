"""The change feed: another workstation's commit reaches this one, also after a gap."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from stationdesk.data import cases
from stationdesk.data.changes import ChangeWatcher, changes_after
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor, Change, latest_change_seq
from stationdesk.domain.enums import CaseCategory, CaseSource, Priority


def _draft() -> cases.CaseDraft:
    return cases.CaseDraft(
        CaseCategory.FRAUD, CaseSource.PHONE, Priority.HIGH, datetime.now(), None, "", "电信诈骗"
    )


def test_changes_after_reads_the_log_in_order(db: Database, duty: Actor) -> None:
    seq = latest_change_seq(db)
    made = cases.create_case(db, duty, _draft())
    got = changes_after(db, seq)
    assert [c.seq for c in got] == sorted(c.seq for c in got)
    assert ("case_file", made.id, "insert") in {(c.table, c.row_id, c.action) for c in got}


def test_watcher_delivers_a_commit_from_another_connection(db: Database, duty: Actor) -> None:
    received: list[Change] = []
    states: list[str] = []
    arrived = threading.Event()

    def on_changes(batch: list[Change]) -> None:
        received.extend(batch)
        if any(c.table == "case_file" for c in batch):
            arrived.set()

    watcher = ChangeWatcher(db, on_changes, states.append)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while "online" not in states and time.monotonic() < deadline:
            time.sleep(0.05)
        other = Database(db.url)  # a second workstation: its own engine and pool
        try:
            made = cases.create_case(other, duty, _draft())
        finally:
            other.dispose()
        assert arrived.wait(5), "the change never arrived"
        assert any(c.table == "case_file" and c.row_id == made.id for c in received)
    finally:
        watcher.stop()
        thread.join(5)
    assert states[0] == "online"


def test_catch_up_after_being_away_misses_nothing(db: Database, duty: Actor) -> None:
    got: list[Change] = []
    watcher = ChangeWatcher(db, got.extend, lambda s: None, since=latest_change_seq(db))
    made = [cases.create_case(db, duty, _draft()).id for _ in range(3)]
    watcher.catch_up()  # what a reconnecting client does before listening again
    assert {c.row_id for c in got if c.table == "case_file"} == set(made)


def test_a_silent_link_is_noticed_within_15_s_and_nothing_is_missed(
    db: Database, duty: Actor
) -> None:
    """The cable pulled between this workstation and the server (a black-holing proxy: no
    RST, no FIN, the kernel's keepalives see nothing): the idle watcher goes offline
    within 15 s by its heartbeat, comes back when the link does, and then delivers what
    another workstation committed meanwhile."""
    if db.is_sqlite:
        pytest.skip("a file on the local disk has no link to lose")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "faults"))
    from tcp_proxy import TcpProxy

    url = db.url
    proxy = TcpProxy((url.host or "127.0.0.1", int(url.port or 5432)))
    app = Database(url.set(host="127.0.0.1", port=proxy.port))
    states: list[tuple[float, str]] = []
    received: list[Change] = []
    watcher = ChangeWatcher(app, received.extend, lambda s: states.append((time.monotonic(), s)))
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert _wait(lambda: any(s == "online" for _t, s in states), 10)
        cut = time.monotonic()
        proxy.set_mode("blackhole")
        assert _wait(lambda: any(s.startswith("offline") for _t, s in states), 15)
        noticed = next(t for t, s in states if s.startswith("offline")) - cut
        assert noticed < 15, noticed
        made = cases.create_case(db, duty, _draft())  # another workstation, directly
        proxy.set_mode("pass")
        assert _wait(lambda: states[-1][1] == "online", 10)
        assert _wait(
            lambda: any(c.table == "case_file" and c.row_id == made.id for c in received), 5
        )
    finally:
        watcher.stop()
        proxy.set_mode("pass")
        thread.join(10)
        proxy.close()
        app.dispose()
    assert not thread.is_alive()
    print(f"\n[measured] silent link -> watcher offline: {noticed:.1f} s")


def _wait(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


ROOT = Path(__file__).resolve().parents[2]
WRITER = """
import sys
from datetime import datetime
from stationdesk.data import cases, users
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import CaseCategory, CaseSource, Priority, Role
db = Database(sys.argv[1])
actor = Actor(None, "writer", frozenset({Role.DUTY_OFFICER}), workstation="other-process")
draft = cases.CaseDraft(CaseCategory.THEFT, CaseSource.PHONE, Priority.HIGH, datetime.now(),
                        None, "", "another process")
print(cases.create_case(db, actor, draft).id, flush=True)
db.dispose()
"""


def test_a_commit_in_another_process_arrives_promptly(db: Database) -> None:
    """Workstation A is another process; B's watcher shows A's case within a second
    (SQLite polls every 250 ms; PostgreSQL is woken by NOTIFY)."""
    import subprocess

    arrived: dict[int, float] = {}
    states: list[str] = []
    watcher = ChangeWatcher(
        db,
        lambda batch: arrived.update(
            {c.row_id: time.monotonic() for c in batch if c.table == "case_file"}
        ),
        states.append,
    )
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        assert _wait(lambda: "online" in states, 10)
        url = db.url.render_as_string(hide_password=False)
        done = subprocess.run(
            [sys.executable, "-c", WRITER, url],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            check=False,
        )
        committed = time.monotonic()
        assert done.returncode == 0, done.stderr
        case_id = int(done.stdout.split()[-1])
        assert _wait(lambda: case_id in arrived, 5), "the other process's case never arrived"
    finally:
        watcher.stop()
        thread.join(10)
    # The writer's exit follows its commit by its own teardown: an upper bound here.
    assert arrived[case_id] - committed < 1.0
