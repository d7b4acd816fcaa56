"""The change feed: another workstation's commit reaches this one, also after a gap."""

from __future__ import annotations

import threading
import time
from datetime import datetime

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
