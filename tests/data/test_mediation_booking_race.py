"""Two (or four) workstations book the same slot at the same moment: exactly one wins.

Each thread is a workstation with its own Database (own engine and connections). Checked
in the database afterwards: one live session holds the slot and all its claims, the
losers got SlotTakenError naming the mediator or room and the winning session, and
nothing of theirs was written. Run on SQLite and PostgreSQL, many rounds each.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from test_mediation_booking import Station, make_station

from stationdesk.data import mediation_booking as mb
from stationdesk.data.database import Database
from stationdesk.data.schema import MediationSession, SessionMediator
from stationdesk.data.schema_booking import MediatorSlotClaim, RoomSlotClaim
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import SessionStatus

ROUNDS = 12
SLOTS = [(9, 0), (10, 30), (14, 0), (15, 30)]


def race(st: Station, actor: Actor, url: object, requests: list[mb.BookingRequest]) -> list[object]:
    barrier = threading.Barrier(len(requests))
    results: list[object] = [None] * len(requests)

    def workstation(i: int) -> None:
        db = Database(url)  # type: ignore[arg-type]
        try:
            barrier.wait()
            results[i] = mb.book_mediation(db, actor, requests[i])
        except Exception as exc:  # the loser's error is the result under test
            results[i] = exc
        finally:
            db.dispose()

    threads = [threading.Thread(target=workstation, args=(i,)) for i in range(len(requests))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def check_round(st: Station, results: list[object], resource: str, expect: str) -> None:
    won = [r for r in results if isinstance(r, mb.BookedSession)]
    lost = [r for r in results if not isinstance(r, mb.BookedSession)]
    assert len(won) == 1, results
    winner = won[0]
    for exc in lost:
        assert isinstance(exc, mb.SlotTakenError), exc
        assert (exc.resource, exc.session_id, exc.detected_by) == (
            resource,
            winner.session_id,
            expect,
        )
    with st.db.read() as s:
        live = s.scalar(
            select(func.count())
            .select_from(MediationSession)
            .where(
                MediationSession.starts_at == winner.starts_at,
                MediationSession.status == SessionStatus.BOOKED,
            )
        )
        assert live == 1
        during = (winner.starts_at, winner.ends_at)
        holders = set(s.scalars(select(MediatorSlotClaim.session_id).where(
            MediatorSlotClaim.slot_start >= during[0], MediatorSlotClaim.slot_start < during[1]
        )))  # fmt: skip
        rooms = set(s.scalars(select(RoomSlotClaim.session_id).where(
            RoomSlotClaim.slot_start >= during[0], RoomSlotClaim.slot_start < during[1]
        )))  # fmt: skip
        assert holders == rooms == {winner.session_id}
        orphans = s.scalar(
            select(func.count())
            .select_from(SessionMediator)
            .where(SessionMediator.session_id.not_in(select(MediationSession.id)))
        )
        assert orphans == 0


@pytest.mark.parametrize("skip_check", [False, True], ids=["service", "database-only"])
def test_simultaneous_bookings_of_one_slot(
    db: Database, duty: Actor, skip_check: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Normal path: the loser is caught by the check because writers are serialized
    (BEGIN IMMEDIATE / the audit-chain advisory lock). With the check switched off the
    slot claims alone still let exactly one through."""
    st = make_station(db)
    if skip_check:
        monkeypatch.setattr(mb, "_clashing_session", lambda *a: None)
    expect = "constraint" if skip_check else "check"
    for n in range(ROUNDS):
        day = st.day + timedelta(days=n)  # one a day: the daily capacity is not what is tested
        h, m = SLOTS[n % len(SLOTS)]
        start = st.at(h, m, day)
        end = start + timedelta(minutes=90)
        cases = [st.new_case() for _ in range(3)]
        if n % 2 == 0:  # the same mediator, different rooms
            reqs = [
                mb.BookingRequest(c, (st.family,), st.rooms[i % 2], start, end)
                for i, c in enumerate(cases[:2])
            ]
            resource = "mediator"
        else:  # different mediators, the same room
            reqs = [
                mb.BookingRequest(cases[0], (st.family,), st.rooms[0], start, end),
                mb.BookingRequest(cases[1], (st.neighbour,), st.rooms[0], start, end),
            ]
            resource = "room"
        results = race(st, duty, db.engine.url, reqs)
        check_round(st, results, resource, expect)


def test_four_workstations_one_mediator(db: Database, duty: Actor) -> None:
    st = make_station(db)
    for n in range(4):
        start = st.at(*SLOTS[n], st.day + timedelta(days=n))
        reqs = [
            mb.BookingRequest(
                st.new_case(), (st.family,), st.rooms[i % 2], start, start + timedelta(minutes=90)
            )
            for i in range(4)
        ]
        check_round(st, race(st, duty, db.engine.url, reqs), "mediator", "check")
