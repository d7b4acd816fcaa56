"""Booking suggestions for a case: the station's mediators ranked for it (skills,
language, workload, conflicts of interest), each with its next free slots and the rooms
free for them. Reads only; the booking itself is in mediation_booking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from stationdesk.data.booking_facts import CaseBrief, case_brief, conflicts_of
from stationdesk.data.database import Database
from stationdesk.data.mediation import _windows
from stationdesk.data.people import parse_skills
from stationdesk.data.rooms import RoomInfo, rooms_in
from stationdesk.data.schema import (
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    SessionMediator,
)
from stationdesk.data.schema_booking import QUANTUM
from stationdesk.domain.enums import MediatorKind
from stationdesk.domain.enums import SessionStatus as SS
from stationdesk.domain.mediator_ranking import (
    Candidate,
    Ranked,
    free_starts,
    rank_mediators,
    split_languages,
)

DEFAULT_LENGTH = timedelta(minutes=90)
HORIZON_DAYS = 14
OFFERS_PER_MEDIATOR = 8


@dataclass(frozen=True)
class SlotOffer:
    starts_at: datetime
    ends_at: datetime
    room_ids: tuple[int, ...]  # rooms free for the whole session, in the station's order


@dataclass(frozen=True)
class MediatorOption:
    ranked: Ranked
    organisation: str
    languages: str
    offers: tuple[SlotOffer, ...]

    @property
    def id(self) -> int:
        return self.ranked.candidate.mediator_id

    @property
    def name(self) -> str:
        return self.ranked.candidate.name

    @property
    def kind(self) -> MediatorKind:
        return self.ranked.candidate.kind


@dataclass(frozen=True)
class BookingOptions:
    case: CaseBrief
    wanted_day: date
    length: timedelta
    language: str
    mediators: tuple[MediatorOption, ...]  # best first
    rooms: tuple[RoomInfo, ...]
    languages: tuple[str, ...]  # every language some mediator speaks


def _busy(
    s: Session, start: datetime, end: datetime
) -> tuple[
    dict[int, list[tuple[datetime, datetime]]], list[tuple[int | None, str, datetime, datetime]]
]:
    """Booked time of every mediator and of every room between ``start`` and ``end``."""
    by_mediator: dict[int, list[tuple[datetime, datetime]]] = {}
    live = and_(
        MediationSession.status != SS.CANCELLED,
        MediationSession.starts_at < end,
        MediationSession.ends_at > start,
    )
    for mid, b0, b1 in s.execute(
        select(SessionMediator.mediator_id, MediationSession.starts_at, MediationSession.ends_at)
        .join(MediationSession, MediationSession.id == SessionMediator.session_id)
        .where(live)
    ):
        by_mediator.setdefault(mid, []).append((b0, b1))
    rooms = [
        (r[0], r[1], r[2], r[3])
        for r in s.execute(
            select(
                MediationSession.room_id,
                MediationSession.room,
                MediationSession.starts_at,
                MediationSession.ends_at,
            ).where(live)
        )
    ]
    return by_mediator, rooms


def _room_busy(
    rooms: Sequence[RoomInfo], sessions: Iterable[tuple[int | None, str, datetime, datetime]]
) -> dict[int, list[tuple[datetime, datetime]]]:
    # Sessions from before the room registry carry only the room's name.
    by_name = {r.name: r.id for r in rooms}
    out: dict[int, list[tuple[datetime, datetime]]] = {r.id: [] for r in rooms}
    for room_id, name, b0, b1 in sessions:
        rid = room_id if room_id is not None else by_name.get(name)
        if rid in out:
            out[rid].append((b0, b1))
    return out


def _load_calendar(
    s: Session, ids: Sequence[int], first: date, last: date
) -> tuple[dict[int, list[tuple[int, time, time]]], dict[tuple[int, date], str]]:
    patterns: dict[int, list[tuple[int, time, time]]] = {}
    for a in s.scalars(
        select(MediatorAvailability).where(MediatorAvailability.mediator_id.in_(ids))
    ):
        patterns.setdefault(a.mediator_id, []).append((a.weekday, a.start_time, a.end_time))
    exceptions = {
        (e.mediator_id, e.day): e.kind
        for e in s.scalars(
            select(MediatorException).where(
                MediatorException.mediator_id.in_(ids),
                MediatorException.day >= first,
                MediatorException.day <= last,
            )
        )
    }
    return patterns, exceptions


def _starts_per_day(busy: Iterable[tuple[datetime, datetime]]) -> dict[date, int]:
    out: dict[date, int] = {}
    for b0, _b1 in busy:
        out[b0.date()] = out.get(b0.date(), 0) + 1
    return out


def booking_options(
    db: Database,
    case_id: int,
    at: datetime,
    wanted_day: date | None = None,
    length: timedelta = DEFAULT_LENGTH,
    language: str = "",
    horizon_days: int = HORIZON_DAYS,
) -> BookingOptions:
    """Mediators for the case, best first, each with its next free slots and free rooms."""
    first = max(wanted_day or at.date(), at.date())
    not_before = max(at, datetime.combine(first, time()))
    last = first + timedelta(days=horizon_days)
    with db.read() as s:
        case = case_brief(s, case_id)
        mediators = s.scalars(
            select(Mediator).where(Mediator.active.is_(True)).order_by(Mediator.name)
        ).all()
        ids = [m.id for m in mediators]
        patterns, exceptions = _load_calendar(s, ids, first, last)
        # Whole days: the day's workload counts sessions before ``at`` too.
        busy, room_sessions = _busy(
            s, datetime.combine(first, time()), datetime.combine(last, time()) + timedelta(1)
        )
        rooms = rooms_in(s)
        conflicts = conflicts_of(s, case, mediators)
    room_busy = _room_busy(rooms, room_sessions)
    candidates, offers = [], {}
    for m in mediators:
        mine = busy.get(m.id, [])
        per_day = _starts_per_day(mine)
        found: list[SlotOffer] = []
        for offset in range(horizon_days + 1):
            day = first + timedelta(days=offset)
            if (m.id, day) in exceptions or per_day.get(day, 0) >= m.capacity_per_day:
                continue
            windows = _windows(patterns.get(m.id, []), day)
            last_end = datetime.min
            for start in free_starts(windows, mine, length, QUANTUM, not_before):
                if start < last_end:
                    continue  # offer back-to-back sessions, not every quarter hour
                end = start + length
                free_rooms = tuple(
                    r.id
                    for r in rooms
                    if not any(b0 < end and start < b1 for b0, b1 in room_busy[r.id])
                )
                if free_rooms:
                    found.append(SlotOffer(start, end, free_rooms))
                    last_end = end
            if len(found) >= OFFERS_PER_MEDIATOR:
                break
        found = found[:OFFERS_PER_MEDIATOR]
        first_free = found[0].starts_at if found else None
        load = per_day.get(first_free.date(), 0) if first_free else 0
        candidates.append(
            Candidate(
                m.id, m.name, m.kind, frozenset(parse_skills(m.skills)),
                split_languages(m.languages), m.capacity_per_day, first_free, load,
                conflicts.get(m.id, ()),
            )
        )  # fmt: skip
        offers[m.id] = (m.organisation, m.languages, tuple(found))
    ranked = rank_mediators(candidates, case.category, first, language)
    languages = sorted({x for m in mediators for x in split_languages(m.languages)})
    return BookingOptions(
        case,
        first,
        length,
        language,
        tuple(MediatorOption(r, *offers[r.candidate.mediator_id]) for r in ranked),
        tuple(rooms),
        tuple(languages),
    )
