"""The demo's booked mediation sessions hold slot claims like real bookings, so the
database refuses a second booking of their mediators and rooms (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from stationdesk.data.database import Database
from stationdesk.data.demo import generate_demo
from stationdesk.data.schema import MediationSession, SessionMediator
from stationdesk.data.schema_booking import (
    QUANTUM,
    MediationRoom,
    MediatorSlotClaim,
    RoomSlotClaim,
)
from stationdesk.domain.enums import SessionStatus
from stationdesk.domain.scheduling import claim_slots


def test_booked_demo_sessions_hold_their_mediators_and_rooms(db: Database) -> None:
    generate_demo(db, cases=800, seed=5)  # "now" is the clock: bookings lie ahead of it
    with db.read() as s:
        rooms = {i: n for i, n in s.execute(select(MediationRoom.id, MediationRoom.name))}
        sessions = s.scalars(select(MediationSession)).all()
        mediators: dict[int, set[int]] = {}
        for sid, mid in s.execute(select(SessionMediator.session_id, SessionMediator.mediator_id)):
            mediators.setdefault(sid, set()).add(mid)
        mediator_claims = Counter(
            tuple(r) for r in s.execute(
                select(MediatorSlotClaim.session_id, MediatorSlotClaim.mediator_id,
                       MediatorSlotClaim.slot_start)
            )
        )  # fmt: skip
        room_claims = Counter(
            tuple(r)
            for r in s.execute(
                select(RoomSlotClaim.session_id, RoomSlotClaim.room_id, RoomSlotClaim.slot_start)
            )
        )
    assert all(x.room_id in rooms and rooms[x.room_id] == x.room for x in sessions)
    booked = [x for x in sessions if x.status == SessionStatus.BOOKED]
    assert booked, "the demo books sessions for today and the next days"
    want_mediators, want_rooms = Counter(), Counter()  # type: ignore[var-annotated]
    for x in booked:
        for q in claim_slots(x.starts_at, x.ends_at, QUANTUM):
            want_rooms[(x.id, x.room_id, q)] += 1
            for m in mediators[x.id]:
                want_mediators[(x.id, m, q)] += 1
    assert mediator_claims == want_mediators  # held sessions hold none
    assert room_claims == want_rooms

    # The database itself refuses a second claim on a booked mediator's or room's quarter
    # hour, whoever writes it.
    first, other = booked[0], booked[-1]
    mediator = min(mediators[first.id])
    for claim in (
        insert(RoomSlotClaim).values(
            room_id=first.room_id, slot_start=first.starts_at, session_id=other.id
        ),
        insert(MediatorSlotClaim).values(
            mediator_id=mediator, slot_start=first.starts_at, session_id=other.id
        ),
    ):
        with db.write_engine.connect() as conn, pytest.raises(IntegrityError):
            conn.execute(claim)
