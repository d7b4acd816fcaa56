"""The same case saved at the same moment on several workstations, round after round.

Each workstation is its own ``Database`` (its own engine and connections) and its own
thread; a barrier releases their saves together, all based on the same version. On
SQLite and on the real PostgreSQL server, the database is then asked what it holds:
disjoint edits are all kept (merged), an edit of the same field is never silently
overwritten -- exactly one wins, the other comes back as a conflict to decide.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from faultkit import draft, duty_officer
from sqlalchemy import func, select

from stationdesk.data import cases, migrate
from stationdesk.data.case_merge import SaveResult, save_case_edit
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import CaseStatus

ROUNDS = 30
WORKSTATIONS = 3
_names = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def station(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Actor]]:
    """A migrated station database (its URL) and a duty officer."""
    if request.param == "sqlite":
        url = str(tmp_path / "station.sqlite3")
    else:
        server = request.getfixturevalue("pg_server")
        url = server.create_database(f"race{next(_names)}")
    db = Database(url)
    migrate.upgrade(db)
    duty = duty_officer(db)
    db.dispose()
    yield url, duty
    if request.param == "postgresql":
        server.drop_database(url.rsplit("/", 1)[1])


def race(
    url: str, duty: Actor, case_id: int, edits: list[dict[str, Any]]
) -> list[SaveResult | Exception]:
    """Every workstation loads the case, then all save their edit at once."""
    stations = [Database(url) for _ in edits]
    actors = [replace(duty, workstation=f"command-room-{i}") for i in range(len(edits))]
    start = threading.Barrier(len(edits))

    def one(i: int) -> SaveResult | Exception:
        base = cases.get_case(stations[i], case_id)
        start.wait(10)
        try:
            return save_case_edit(stations[i], actors[i], base, edits[i])
        except Exception as exc:  # reported, not raised: the test looks at all of them
            return exc

    try:
        with ThreadPoolExecutor(len(edits)) as pool:
            return list(pool.map(one, range(len(edits))))
    finally:
        for db in stations:
            db.dispose()


def edits_of(db: Database, case_id: int) -> int:
    with db.read() as s:
        query = select(func.count()).where(
            AuditEntry.object_table == "case_file",
            AuditEntry.object_id == case_id,
            AuditEntry.action == "case.edit",
        )
        return int(s.scalar(query) or 0)


def new_case(url: str, duty: Actor) -> cases.CaseDetail:
    db = Database(url)
    try:
        made = cases.create_case(db, duty, draft("race"))
        return cases.change_status(db, duty, made.id, made.version, CaseStatus.IN_PROGRESS)
    finally:
        db.dispose()


def check(url: str, fn: Callable[[Database], None]) -> None:
    db = Database(url)
    try:
        fn(db)
    finally:
        db.dispose()


def test_disjoint_edits_at_the_same_moment_are_all_kept(station: tuple[str, Actor]) -> None:
    url, duty = station
    case = new_case(url, duty)
    fields = ("address", "summary", "description")[:WORKSTATIONS]
    version = case.version
    for r in range(ROUNDS):
        edits = [{key: f"{key} {r} from {i}"} for i, key in enumerate(fields)]
        results = race(url, duty, case.id, edits)
        assert all(isinstance(x, SaveResult) and x.saved for x in results), results
        # The later savers were merged with the earlier ones and were told by whom.
        assert sum(1 for x in results if isinstance(x, SaveResult) and x.merged_with) >= 1

        def holds_every_edit(
            db: Database,
            r: int = r,
            edits: list[dict[str, Any]] = edits,
            expected: int = version + len(fields),
        ) -> None:
            now = cases.get_case(db, case.id)
            for edit in edits:
                for key, value in edit.items():
                    assert getattr(now, key) == value, (r, key)
            assert now.version == expected

        check(url, holds_every_edit)
        version += len(fields)
    check(url, lambda db: _assert_edits(db, case.id, ROUNDS * len(fields)))


def _assert_edits(db: Database, case_id: int, expected: int) -> None:
    assert edits_of(db, case_id) == expected  # one audited save per edit, no more


def test_the_same_field_at_the_same_moment_is_never_overwritten(
    station: tuple[str, Actor],
) -> None:
    url, duty = station
    case = new_case(url, duty)
    for r in range(ROUNDS):
        mine = [f"summary {r} from {i}" for i in range(2)]
        results = race(url, duty, case.id, [{"summary": text} for text in mine])
        assert all(isinstance(x, SaveResult) for x in results), results
        saved = [x for x in results if isinstance(x, SaveResult) and x.saved]
        refused = [x for x in results if isinstance(x, SaveResult) and not x.saved]
        assert len(saved) == 1 and len(refused) == 1, (r, results)
        winner = saved[0].detail
        assert winner is not None
        conflict = refused[0].conflicts["summary"]
        # The loser is shown the winner's value next to its own, to choose.
        assert refused[0].current is not None
        assert refused[0].current.summary == winner.summary
        assert {conflict.theirs, conflict.mine} == set(mine)

        def holds_the_winner(db: Database, winner: cases.CaseDetail = winner) -> None:
            now = cases.get_case(db, case.id)
            assert (now.summary, now.version) == (winner.summary, winner.version)

        check(url, holds_the_winner)
    check(url, lambda db: _assert_edits(db, case.id, ROUNDS))
