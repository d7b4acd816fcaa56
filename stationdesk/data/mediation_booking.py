"""Booking a mediation session for a case -- conflict check, slot claims, the booking
itself -- and cancelling one. The suggestions are in booking_options, the facts about
the case and its mediators' conflicts of interest in booking_facts.

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

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from stationdesk.data import audit
from stationdesk.data.booking_facts import case_brief, conflicts_of
from stationdesk.data.database import Database
from stationdesk.data.mediation import _windows
from stationdesk.data.schema import (
    Case,
    CaseStatusChange,
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    MediatorRelation,
    SessionMediator,
)
from stationdesk.data.schema_booking import QUANTUM, MediationRoom, MediatorSlotClaim, RoomSlotClaim
from stationdesk.data.uow import Actor, PermissionDeniedError, unit_of_work
from stationdesk.domain.conflict_of_interest import Conflict
from stationdesk.domain.enums import CaseStatus, Permission
from stationdesk.domain.enums import SessionStatus as SS
from stationdesk.domain.mediator_ranking import align_up
from stationdesk.domain.scheduling import claim_slots

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
            case = case_brief(s, request.case_id)
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
                for m, cs in zip(mediators, conflicts_of(s, case, mediators).values(), strict=True)
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
    "BookingRefusedError",
    "BookingRequest",
    "ConflictOfInterestError",
    "SlotTakenError",
    "book_mediation",
    "cancel_session",
    "claims_of",
    "declare_relation",
]
