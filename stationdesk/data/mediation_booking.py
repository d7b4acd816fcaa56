"""Booking a mediation session for a case: suggestions, conflict check, the booking itself.

Double bookings are refused twice over. Inside the unit of work the service looks for a
session of the mediator or the room overlapping the new one and names it. And the
booking writes one claim row per 15-minute quantum for every mediator and for the room
(``schema_booking``) in the same transaction as the session: the primary keys make the
database refuse a second claim on a quantum, so even a writer that skipped the check
cannot commit a double booking. Writers are serialized anyway -- ``BEGIN IMMEDIATE`` on
SQLite, and on PostgreSQL the audit-chain advisory lock every unit of work takes before
the service runs (``uow.unit_of_work``) -- so the check sees every committed booking;
the claims are what makes that a property of the database rather than of this code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationdesk.data import audit
from stationdesk.data.database import Database
from stationdesk.data.mediation import _windows
from stationdesk.data.people import parse_skills
from stationdesk.data.rooms import RoomInfo, rooms_in
from stationdesk.data.schema import (
    Case,
    CaseParty,
    CaseStatusChange,
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    MediatorRelation,
    SessionMediator,
)
from stationdesk.data.schema_booking import (
    QUANTUM,
    MediationRoom,
    MediatorSlotClaim,
    RoomSlotClaim,
)
from stationdesk.data.uow import Actor, PermissionDeniedError, unit_of_work
from stationdesk.domain import workflow
from stationdesk.domain.conflict_of_interest import (
    Conflict,
    DeclaredRelation,
    EarlierCase,
    MediatorFacts,
    PartyFacts,
    find_conflicts,
)
from stationdesk.domain.enums import CaseCategory, CaseStatus, MediatorKind, Permission
from stationdesk.domain.enums import SessionStatus as SS
from stationdesk.domain.mediator_ranking import (
    Candidate,
    Ranked,
    align_up,
    free_starts,
    rank_mediators,
    split_languages,
)
from stationdesk.domain.scheduling import claim_slots

DEFAULT_LENGTH = timedelta(minutes=90)
HORIZON_DAYS = 14
OFFERS_PER_MEDIATOR = 8

# ------------------------------------------------------------------------- errors


class BookingRefusedError(Exception):
    """A booking the officer asked for that cannot be made; nothing was written.

    ``code``: case_closed | bad_time | inactive | absent | outside_hours | capacity.
    """

    def __init__(self, code: str, message: str, name: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.name = name  # the mediator or room concerned


class SlotTakenError(BookingRefusedError):
    """The mediator or the room is already booked then (by ``session_id`` of ``case_no``).

    ``detected_by`` is "check" (found by the service) or "constraint" (refused by the
    database's slot claims).
    """

    def __init__(
        self,
        resource: str,
        name: str,
        session_id: int | None,
        case_no: str,
        starts_at: datetime | None,
        ends_at: datetime | None,
        detected_by: str,
    ) -> None:
        when = f"{starts_at:%Y-%m-%d %H:%M}-{ends_at:%H:%M}" if starts_at and ends_at else "?"
        super().__init__(
            "slot_taken",
            f"{resource} {name} is already booked {when} (session {session_id}, case {case_no})",
            name,
        )
        self.resource = resource  # "mediator" | "room"
        self.session_id = session_id
        self.case_no = case_no
        self.starts_at = starts_at
        self.ends_at = ends_at
        self.detected_by = detected_by


class ConflictOfInterestError(BookingRefusedError):
    """A mediator has a conflict of interest and no override was given."""

    def __init__(self, conflicts: dict[str, tuple[Conflict, ...]]) -> None:
        names = ", ".join(
            f"{n}: {', '.join(c.kind.value for c in cs)}" for n, cs in conflicts.items()
        )
        super().__init__("conflict", f"conflict of interest ({names})", next(iter(conflicts), ""))
        self.conflicts = conflicts  # mediator name -> conflicts


# ------------------------------------------------------------------------- values


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
class CaseBrief:
    id: int
    case_no: str
    category: CaseCategory
    status: CaseStatus
    summary: str
    address: str
    version: int
    parties: tuple[PartyFacts, ...]

    @property
    def moves_to_mediation(self) -> bool:
        """Booking moves the case to "in mediation" (the workflow allows it from here)."""
        return self.status != CaseStatus.IN_MEDIATION and workflow.can_transition(
            self.status, CaseStatus.IN_MEDIATION
        )


@dataclass(frozen=True)
class BookingOptions:
    case: CaseBrief
    wanted_day: date
    length: timedelta
    language: str
    mediators: tuple[MediatorOption, ...]  # best first
    rooms: tuple[RoomInfo, ...]
    languages: tuple[str, ...]  # every language some mediator speaks


@dataclass(frozen=True)
class BookingRequest:
    case_id: int
    mediator_ids: tuple[int, ...]
    room_id: int
    starts_at: datetime
    ends_at: datetime
    override_justification: str = ""


@dataclass(frozen=True)
class BookedSession:
    session_id: int
    case_id: int
    case_status: CaseStatus
    starts_at: datetime
    ends_at: datetime
    room: str
    mediators: tuple[str, ...]
    overridden: tuple[Conflict, ...]


# ------------------------------------------------------------------------ loading


def _case_brief(s: Session, case_id: int) -> CaseBrief:
    from stationdesk.data.uow import NotFoundError

    c = s.get(Case, case_id)
    if c is None:
        raise NotFoundError("case_file", case_id)
    parties = tuple(PartyFacts(p.name, p.role, p.resident_id, p.phone) for p in c.parties)
    return CaseBrief(
        c.id, c.case_no, c.category, c.status, c.summary, c.address, c.version, parties
    )


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


def _conflicts(
    s: Session, case: CaseBrief, mediators: Sequence[Mediator]
) -> dict[int, tuple[Conflict, ...]]:
    """Conflicts of interest of each mediator with ``case`` (see domain.conflict_of_interest)."""
    ids = [m.id for m in mediators]
    relations: dict[int, list[DeclaredRelation]] = {}
    for r in s.scalars(select(MediatorRelation).where(MediatorRelation.mediator_id.in_(ids))):
        relations.setdefault(r.mediator_id, []).append(
            DeclaredRelation(r.related_name, r.relation, r.related_resident_id, r.related_address)
        )
    # Earlier cases these mediators mediated that share a party with this one (by ID or phone:
    # the rules need a resident ID or a phone to recognise a person).
    rids = [p.resident_id for p in case.parties if p.resident_id]
    phones = [p.phone for p in case.parties if p.phone]
    earlier: dict[int, dict[int, tuple[str, list[PartyFacts]]]] = {}
    if rids or phones:
        rows = s.execute(
            select(
                SessionMediator.mediator_id,
                Case.id,
                Case.case_no,
                CaseParty.name,
                CaseParty.role,
                CaseParty.resident_id,
                CaseParty.phone,
            )
            .join(MediationSession, MediationSession.id == SessionMediator.session_id)
            .join(Case, Case.id == MediationSession.case_id)
            .join(CaseParty, CaseParty.case_id == Case.id)
            .where(
                SessionMediator.mediator_id.in_(ids),
                MediationSession.status != SS.CANCELLED,
                Case.id != case.id,
                or_(CaseParty.resident_id.in_(rids), CaseParty.phone.in_(phones)),
            )
            .distinct()
        )
        for mid, cid, no, name, role, rid, phone in rows:
            entry = earlier.setdefault(mid, {}).setdefault(cid, (no, []))
            entry[1].append(PartyFacts(name, role, rid, phone))
    out: dict[int, tuple[Conflict, ...]] = {}
    for m in mediators:
        facts = MediatorFacts(
            m.id, m.name, m.resident_id, m.phone, m.address, tuple(relations.get(m.id, ()))
        )
        cases = [
            EarlierCase(cid, no, tuple(ps))
            for cid, (no, ps) in sorted(earlier.get(m.id, {}).items())
        ]
        out[m.id] = find_conflicts(facts, case.parties, case.address, cases)
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
        case = _case_brief(s, case_id)
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
        conflicts = _conflicts(s, case, mediators)
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


# ------------------------------------------------------------------------ booking


def _clashing_session(
    s: Session, request: BookingRequest, mediators: Sequence[Mediator], room: MediationRoom
) -> SlotTakenError | None:
    """The first booked session that overlaps the request for a mediator or the room."""
    overlap = and_(
        MediationSession.status != SS.CANCELLED,
        MediationSession.starts_at < request.ends_at,
        MediationSession.ends_at > request.starts_at,
    )
    cols = (MediationSession.id, Case.case_no, MediationSession.starts_at, MediationSession.ends_at)
    for m in mediators:
        row = s.execute(
            select(*cols)
            .join(Case, Case.id == MediationSession.case_id)
            .join(SessionMediator, SessionMediator.session_id == MediationSession.id)
            .where(overlap, SessionMediator.mediator_id == m.id)
            .order_by(MediationSession.starts_at)
            .limit(1)
        ).first()
        if row is not None:
            return SlotTakenError("mediator", m.name, row[0], row[1], row[2], row[3], "check")
    same_room = or_(
        MediationSession.room_id == room.id,
        and_(MediationSession.room_id.is_(None), MediationSession.room == room.name),
    )
    row = s.execute(
        select(*cols)
        .join(Case, Case.id == MediationSession.case_id)
        .where(overlap, same_room)
        .order_by(MediationSession.starts_at)
        .limit(1)
    ).first()
    if row is not None:
        return SlotTakenError("room", room.name, row[0], row[1], row[2], row[3], "check")
    return None


def _claim_holder(db: Database, request: BookingRequest) -> SlotTakenError:
    """After the database refused a claim: who holds it (read after our rollback)."""
    slots = claim_slots(request.starts_at, request.ends_at, QUANTUM)
    with db.read() as s:
        cols = (
            MediationSession.id,
            Case.case_no,
            MediationSession.starts_at,
            MediationSession.ends_at,
        )
        for mid in request.mediator_ids:
            row = s.execute(
                select(*cols, Mediator.name)
                .join(MediatorSlotClaim, MediatorSlotClaim.session_id == MediationSession.id)
                .join(Case, Case.id == MediationSession.case_id)
                .join(Mediator, Mediator.id == MediatorSlotClaim.mediator_id)
                .where(
                    MediatorSlotClaim.mediator_id == mid, MediatorSlotClaim.slot_start.in_(slots)
                )
                .limit(1)
            ).first()
            if row is not None:
                return SlotTakenError("mediator", row[4], *row[:4], "constraint")
        row = s.execute(
            select(*cols, MediationRoom.name)
            .join(RoomSlotClaim, RoomSlotClaim.session_id == MediationSession.id)
            .join(Case, Case.id == MediationSession.case_id)
            .join(MediationRoom, MediationRoom.id == RoomSlotClaim.room_id)
            .where(RoomSlotClaim.room_id == request.room_id, RoomSlotClaim.slot_start.in_(slots))
            .limit(1)
        ).first()
        if row is not None:
            return SlotTakenError("room", row[4], *row[:4], "constraint")
    return SlotTakenError("mediator", "", None, "", None, None, "constraint")


def _drop_cancelled_claims(
    s: Session, mediator_ids: list[int], room_id: int, slots: list[datetime]
) -> None:
    """Claims left behind by a session cancelled elsewhere (not through cancel_session)."""
    cancelled = select(MediationSession.id).where(MediationSession.status == SS.CANCELLED)
    s.execute(
        delete(MediatorSlotClaim).where(
            MediatorSlotClaim.mediator_id.in_(mediator_ids),
            MediatorSlotClaim.slot_start.in_(slots),
            MediatorSlotClaim.session_id.in_(cancelled),
        )
    )
    s.execute(
        delete(RoomSlotClaim).where(
            RoomSlotClaim.room_id == room_id,
            RoomSlotClaim.slot_start.in_(slots),
            RoomSlotClaim.session_id.in_(cancelled),
        )
    )


def _check_available(s: Session, m: Mediator, start: datetime, end: datetime) -> None:
    if not m.active:
        raise BookingRefusedError("inactive", f"{m.name} no longer mediates", m.name)
    absent = s.scalar(
        select(MediatorException.kind).where(
            MediatorException.mediator_id == m.id, MediatorException.day == start.date()
        )
    )
    if absent:
        raise BookingRefusedError("absent", f"{m.name} is away that day ({absent})", m.name)
    pattern = [
        (a.weekday, a.start_time, a.end_time)
        for a in s.scalars(
            select(MediatorAvailability).where(MediatorAvailability.mediator_id == m.id)
        )
    ]
    if not any(w0 <= start and end <= w1 for w0, w1 in _windows(pattern, start.date())):
        raise BookingRefusedError("outside_hours", f"{m.name} is not available then", m.name)
    day0 = datetime.combine(start.date(), time())
    booked = s.scalars(
        select(MediationSession.id)
        .join(SessionMediator, SessionMediator.session_id == MediationSession.id)
        .where(
            SessionMediator.mediator_id == m.id,
            MediationSession.status != SS.CANCELLED,
            MediationSession.starts_at >= day0,
            MediationSession.starts_at < day0 + timedelta(days=1),
        )
    ).all()
    if len(booked) >= m.capacity_per_day:
        raise BookingRefusedError("capacity", f"{m.name} is fully booked that day", m.name)


def _check_times(request: BookingRequest, at: datetime) -> None:
    start, end = request.starts_at, request.ends_at
    if not request.mediator_ids:
        raise BookingRefusedError("bad_time", "choose a mediator")
    if end <= start or start.date() != end.date():
        raise BookingRefusedError("bad_time", "a session ends after it starts, the same day")
    if align_up(start, QUANTUM) != start or align_up(end, QUANTUM) != end:
        raise BookingRefusedError("bad_time", "sessions start and end on the quarter hour")
    if end <= at:
        raise BookingRefusedError("bad_time", "the session would be over already")


def book_mediation(db: Database, actor: Actor, request: BookingRequest) -> BookedSession:
    """Book the mediators and the room for a session of the case, all or nothing.

    Refuses (BookingRefusedError and subclasses) a closed case, a slot outside the
    mediators' hours, a day at capacity, a taken mediator or room (SlotTakenError naming
    the clashing session) and a conflict of interest (ConflictOfInterestError) unless
    ``override_justification`` is given by someone allowed to override (else
    PermissionDeniedError, audited). An override is written to the audit trail with its
    justification. The case moves to "in mediation" when its workflow allows.
    """
    justification = request.override_justification.strip()
    if justification and not actor.can(Permission.OVERRIDE_CONFLICT):
        audit.record_refusal(
            db, actor, "mediation.conflict_override", Permission.OVERRIDE_CONFLICT.value
        )
        raise PermissionDeniedError(actor, Permission.OVERRIDE_CONFLICT)
    try:
        with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediation.book") as uow:
            s = uow.session
            _check_times(request, uow.at)
            case = _case_brief(s, request.case_id)
            if not case.status.is_open:
                raise BookingRefusedError("case_closed", f"case {case.case_no} is not open")
            mediators = [uow.get(Mediator, mid) for mid in dict.fromkeys(request.mediator_ids)]
            room = uow.get(MediationRoom, request.room_id)
            if not room.active:
                raise BookingRefusedError("inactive", f"room {room.name} is not in use", room.name)
            for m in mediators:
                _check_available(s, m, request.starts_at, request.ends_at)
            clash = _clashing_session(s, request, mediators, room)
            if clash is not None:
                raise clash
            conflicts = {
                m.name: cs
                for m, cs in zip(mediators, _conflicts(s, case, mediators).values(), strict=True)
                if cs
            }
            if conflicts and not justification:
                raise ConflictOfInterestError(conflicts)
            session = uow.add(
                MediationSession(
                    case_id=case.id,
                    starts_at=request.starts_at,
                    ends_at=request.ends_at,
                    room=room.name,
                    room_id=room.id,
                    status=SS.BOOKED,
                    conflict_override=justification if conflicts else "",
                )
            )
            for m in mediators:
                uow.add(SessionMediator(session_id=session.id, mediator_id=m.id))
            slots = claim_slots(request.starts_at, request.ends_at, QUANTUM)
            _drop_cancelled_claims(s, [m.id for m in mediators], room.id, slots)
            s.execute(
                insert(MediatorSlotClaim),
                [
                    {"mediator_id": m.id, "slot_start": q, "session_id": session.id}
                    for m in mediators
                    for q in slots
                ],
            )
            s.execute(
                insert(RoomSlotClaim),
                [{"room_id": room.id, "slot_start": q, "session_id": session.id} for q in slots],
            )
            if conflicts:
                audit.append(
                    s, [_override_entry(uow.at, actor, session.id, justification, conflicts)]
                )
            status = case.status
            if case.moves_to_mediation:
                uow.update(
                    Case, case.id, case.version, status=CaseStatus.IN_MEDIATION, updated_at=uow.at
                )
                uow.add(
                    CaseStatusChange(
                        case_id=case.id,
                        from_status=case.status,
                        to_status=CaseStatus.IN_MEDIATION,
                        at=uow.at,
                        by_user_id=actor.user_id,
                        reason="",
                    )
                )
                status = CaseStatus.IN_MEDIATION
            return BookedSession(
                session.id,
                case.id,
                status,
                request.starts_at,
                request.ends_at,
                room.name,
                tuple(m.name for m in mediators),
                tuple(c for cs in conflicts.values() for c in cs),
            )
    except IntegrityError as exc:
        # Our transaction is rolled back: nothing of this booking was written.
        raise _claim_holder(db, request) from exc


def _override_entry(
    at: datetime,
    actor: Actor,
    session_id: int,
    justification: str,
    conflicts: dict[str, tuple[Conflict, ...]],
) -> audit.AuditDraft:
    found: list[dict[str, Any]] = [
        {"mediator": name, "rule": c.kind.value, "party": c.party, "matched_on": c.matched_on,
         "relation": c.relation, "case_no": c.case_no}
        for name, cs in conflicts.items()
        for c in cs
    ]  # fmt: skip
    return audit.AuditDraft(
        at=at,
        user_id=actor.user_id,
        username=actor.username,
        workstation=actor.workstation,
        action="mediation.conflict_override",
        object_table=MediationSession.__tablename__,
        object_id=session_id,
        old_values={},
        new_values={"justification": justification, "conflicts": found},
    )


def cancel_session(db: Database, actor: Actor, session_id: int, expected_version: int) -> None:
    """Cancel a booked session; its mediators and room are free again at once."""
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediation.cancel") as uow:
        session = uow.get(MediationSession, session_id)
        if session.status != SS.BOOKED:
            raise BookingRefusedError("not_booked", f"session {session_id} is {session.status}")
        uow.update(MediationSession, session_id, expected_version, status=SS.CANCELLED)
        uow.session.execute(
            delete(MediatorSlotClaim).where(MediatorSlotClaim.session_id == session_id)
        )
        uow.session.execute(delete(RoomSlotClaim).where(RoomSlotClaim.session_id == session_id))


def declare_relation(
    db: Database,
    actor: Actor,
    mediator_id: int,
    name: str,
    relation: str,
    resident_id: str = "",
    address: str = "",
) -> int:
    """Record a mediator's declared relation (spouse, relative, neighbour, employer ...)."""
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "mediator.relation") as uow:
        uow.get(Mediator, mediator_id)
        row = uow.add(
            MediatorRelation(
                mediator_id=mediator_id,
                related_name=name.strip(),
                related_resident_id=resident_id.strip().upper(),
                related_address=address.strip(),
                relation=relation,
            )
        )
        return row.id


def claims_of(db: Database, session_id: int) -> tuple[int, int]:
    """How many (mediator, room) quantum claims a session holds."""
    from sqlalchemy import func

    with db.read() as s:
        mediator = s.scalar(
            select(func.count())
            .select_from(MediatorSlotClaim)
            .where(MediatorSlotClaim.session_id == session_id)
        )
        room = s.scalar(
            select(func.count())
            .select_from(RoomSlotClaim)
            .where(RoomSlotClaim.session_id == session_id)
        )
    return int(mediator or 0), int(room or 0)


__all__ = [
    "BookedSession",
    "BookingOptions",
    "BookingRefusedError",
    "BookingRequest",
    "CaseBrief",
    "ConflictOfInterestError",
    "MediatorOption",
    "SlotOffer",
    "SlotTakenError",
    "book_mediation",
    "booking_options",
    "cancel_session",
    "claims_of",
    "declare_relation",
]
