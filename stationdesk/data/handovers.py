"""Shift handover: what the outgoing duty officer hands over, and the signed archive.

:func:`collect_handover` gathers everything the report prints as plain frozen values
(no ORM objects), so the PDF can be built on any thread. Personal data is minimised:
resident ID and phone numbers come back masked unless the full edition is asked for,
which needs ``Permission.VIEW_PERSONAL_DATA`` and is itself audited. Only the cases
that came in or were flagged during the shift carry their parties at all.

The archive keeps the exact PDF bytes and their SHA-256, the outgoing officer (the
one who archives) and the incoming officer (the one who acknowledges).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from stationdesk.data import audit
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    CaseParty,
    FollowUp,
    Grid,
    Handover,
    HouseholdVisit,
    MediationSession,
    Mediator,
    OutreachEvent,
    PatrolGrid,
    PatrolMember,
    PatrolShift,
    SessionMediator,
    Staff,
    Station,
    User,
)
from stationdesk.data.uow import Actor, NotFoundError, PermissionDeniedError, now, unit_of_work
from stationdesk.domain.enums import (
    OPEN_STATUSES,
    CaseCategory,
    CaseStatus,
    MediationOutcome,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Permission,
    Priority,
    ReferralTarget,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
)
from stationdesk.domain.validation import (
    FieldError,
    mask_phone,
    mask_resident_id,
    validate_time_range,
)

DAY_SHIFT_START = time(8, 0)
NIGHT_SHIFT_START = time(20, 0)
SHIFT_LENGTH = timedelta(hours=12)
# "Coming" means within the next shift: mediation booked and follow-ups due.
LOOKAHEAD = timedelta(hours=12)
LONGEST_PERIOD = timedelta(days=31)

# Caps keep the printout readable; every capped list comes with its total count.
NEW_CASES_LIMIT = 500
OPEN_PER_PRIORITY_LIMIT = 20  # open cases not (yet) overdue, per priority; overdue: all
NOTABLE_LIMIT = 200
VISITS_LIMIT = 200
FOLLOW_UPS_LIMIT = 100
REPORT_LANGUAGES = ("zh_CN", "en")


class HandoverError(Exception):
    """Something the officer did that the handover rules refuse; ``code`` picks the text.

    Codes: ``same_officer`` (the outgoing officer cannot acknowledge their own
    handover), ``not_incoming`` (it names another incoming officer),
    ``already_acknowledged``, ``no_user`` (acknowledging needs a signed-in account),
    ``bad_pdf``, ``bad_language``.
    """

    MESSAGES = {
        "same_officer": "the outgoing officer cannot acknowledge their own handover",
        "not_incoming": "this handover is addressed to another incoming officer",
        "already_acknowledged": "this handover has already been acknowledged",
        "no_user": "only a signed-in officer can acknowledge a handover",
        "bad_pdf": "the document to archive is not a PDF",
        "bad_language": "the report language must be zh_CN or en",
    }

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(self.MESSAGES.get(code, code))
        self.code = code
        self.params = params


# ------------------------------------------------------------------------ values


@dataclass(frozen=True)
class PartyLine:
    """A party of a case; ID and phone are masked unless the edition is full."""

    name: str
    role: PartyRole
    resident_id: str
    phone: str


@dataclass(frozen=True)
class CaseLine:
    case_no: str
    reported_at: datetime
    category: CaseCategory
    priority: Priority
    status: CaseStatus
    grid: str
    owner: str  # the officer's name; "" when a team (or nobody) owns it
    owner_team: Team | None
    summary: str
    resolution_due: datetime | None
    overdue: bool
    parties: tuple[PartyLine, ...] = ()


@dataclass(frozen=True)
class PriorityCount:
    """Open cases of one priority carried over, and how many of them are overdue."""

    priority: Priority
    open: int
    overdue: int
    listed: int


@dataclass(frozen=True)
class SessionLine:
    starts_at: datetime
    ends_at: datetime
    case_no: str
    case_summary: str
    room: str
    status: SessionStatus
    outcome: MediationOutcome | None
    referral: ReferralTarget | None
    mediators: tuple[str, ...]


@dataclass(frozen=True)
class CrewMember:
    name: str
    kind: StaffKind


@dataclass(frozen=True)
class PatrolLine:
    starts_at: datetime
    ends_at: datetime
    route: str
    kind: ShiftKind
    status: PatrolStatus
    crew: tuple[CrewMember, ...]
    grids: tuple[str, ...]


@dataclass(frozen=True)
class VisitLine:
    visited_at: datetime
    grid: str
    officer: str
    household: str
    notes: str


@dataclass(frozen=True)
class OutreachLine:
    held_at: datetime
    grid: str
    topic: OutreachTopic
    place: str
    attendees: int


@dataclass(frozen=True)
class FollowUpLine:
    due_on: date
    case_no: str
    officer: str
    note: str
    overdue: bool


@dataclass(frozen=True)
class HandoverData:
    """Everything one handover report shows, as plain values.

    Lists marked "capped" hold at most the module's ``*_LIMIT`` rows; the matching
    ``*_total`` is the full count. Open cases reflect their state at ``as_of``.
    """

    station: str
    shift_start: datetime
    shift_end: datetime
    shift_kind: ShiftKind
    as_of: datetime
    full_personal_data: bool
    # New cases reported during the shift (capped), and counts over all of them.
    new_cases_total: int
    new_by_category: tuple[tuple[CaseCategory, int], ...]  # every category, enum order
    new_by_priority: tuple[tuple[Priority, int], ...]  # every priority, most urgent first
    new_cases: tuple[CaseLine, ...]
    # Open cases carried over: counts per priority, every overdue case plus the
    # OPEN_PER_PRIORITY_LIMIT due soonest of the others, by priority then deadline.
    open_by_priority: tuple[PriorityCount, ...]
    carried_over: tuple[CaseLine, ...]
    # Cases flagged notable that were reported or updated during the shift (capped).
    notable_total: int
    notable: tuple[CaseLine, ...]
    mediation_held: tuple[SessionLine, ...]  # started during the shift, not cancelled
    mediation_coming: tuple[SessionLine, ...]  # booked to start within LOOKAHEAD of the end
    patrols: tuple[PatrolLine, ...]  # overlapping the shift
    grids_total: int
    uncovered_grids: tuple[str, ...]
    visits_total: int
    visits: tuple[VisitLine, ...]  # capped
    outreach: tuple[OutreachLine, ...]
    follow_ups_total: int
    follow_ups: tuple[FollowUpLine, ...]  # pending, due by the end of the next shift (capped)
    instructions: str

    @property
    def open_total(self) -> int:
        return sum(p.open for p in self.open_by_priority)

    @property
    def overdue_total(self) -> int:
        return sum(p.overdue for p in self.open_by_priority)

    @property
    def new_urgent_or_high(self) -> int:
        return sum(n for p, n in self.new_by_priority if p in (Priority.URGENT, Priority.HIGH))

    @property
    def patrols_completed(self) -> int:
        return sum(1 for p in self.patrols if p.status == PatrolStatus.COMPLETED)

    @property
    def patrols_missed(self) -> int:
        return sum(1 for p in self.patrols if p.status == PatrolStatus.MISSED)

    @property
    def mediation_held_count(self) -> int:
        return sum(1 for s in self.mediation_held if s.status == SessionStatus.HELD)


@dataclass(frozen=True)
class HandoverRecord:
    """One archived handover (without the PDF bytes: see :func:`handover_pdf`)."""

    id: int
    shift_start: datetime
    shift_end: datetime
    outgoing_user_id: int | None
    outgoing_name: str
    incoming_user_id: int | None
    incoming_name: str
    generated_at: datetime
    acknowledged_at: datetime | None
    language: str
    instructions: str
    sha256: str
    pdf_size: int
    version: int

    @property
    def acknowledged(self) -> bool:
        return self.acknowledged_at is not None


# ------------------------------------------------------------------------ shifts


def current_shift(at: datetime) -> tuple[datetime, datetime]:
    """The duty shift ``at`` falls in: 08:00–20:00 (day) or 20:00–08:00 (night)."""
    day = at.date()
    if DAY_SHIFT_START <= at.time() < NIGHT_SHIFT_START:
        start = datetime.combine(day, DAY_SHIFT_START)
    elif at.time() >= NIGHT_SHIFT_START:
        start = datetime.combine(day, NIGHT_SHIFT_START)
    else:
        start = datetime.combine(day - timedelta(days=1), NIGHT_SHIFT_START)
    return start, start + SHIFT_LENGTH


def last_completed_shift(at: datetime) -> tuple[datetime, datetime]:
    """The shift before the current one (what a scheduled print at shift change wants)."""
    start, _ = current_shift(at)
    return start - SHIFT_LENGTH, start


def shift_kind(start: datetime, end: datetime) -> ShiftKind:
    if end - start == SHIFT_LENGTH and start.second == 0 and start.microsecond == 0:
        if start.time() == DAY_SHIFT_START:
            return ShiftKind.DAY
        if start.time() == NIGHT_SHIFT_START:
            return ShiftKind.NIGHT
    return ShiftKind.CUSTOM


# ------------------------------------------------------------------------ collect


def collect_handover(
    db: Database,
    start: datetime,
    end: datetime,
    at: datetime | None = None,
    *,
    actor: Actor | None = None,
    full_personal_data: bool = False,
    instructions: str = "",
) -> HandoverData:
    """Gather the handover of the shift [start, end) as plain values.

    ``at`` is the moment the figures describe (default: now): which cases are open
    and overdue, which patrols still count as covering. The full edition (unmasked
    resident ID and phone numbers) needs an ``actor`` with VIEW_PERSONAL_DATA; a
    refusal raises PermissionDeniedError and, like the reading itself, is audited.
    """
    validate_time_range(start, end, "end")
    if end - start > LONGEST_PERIOD:
        raise FieldError("end", "period_too_long", {"max_days": LONGEST_PERIOD.days})
    at = at or now()
    if full_personal_data:
        _check_full_edition(db, actor, start, end)
    with db.engine.connect() as conn:
        if not db.is_sqlite:
            # One snapshot for every query, so the counts agree with the lists
            # (SQLite's deferred read transaction already gives one).
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        station = conn.execute(select(Station.name).order_by(Station.id).limit(1)).scalar()
        new_total, new_cat, new_pri, new_cases = _new_cases(conn, start, end, at)
        open_counts, carried = _carried_over(conn, at)
        notable_total, notable = _notable(conn, start, end, at)
        parties = _parties_of(conn, new_cases + notable, full_personal_data)
        held = _sessions(conn, start, end, exclude_cancelled=True)
        coming = _sessions(conn, end, end + LOOKAHEAD, booked_only=True)
        patrols = _patrols(conn, start, end)
        grids_total, uncovered = _uncovered(conn, start, end, at)
        visits_total, visits = _visits(conn, start, end)
        outreach = _outreach(conn, start, end)
        follow_total, follow_ups = _follow_ups(conn, end + LOOKAHEAD, at)
    return HandoverData(
        station=station or "",
        shift_start=start,
        shift_end=end,
        shift_kind=shift_kind(start, end),
        as_of=at,
        full_personal_data=full_personal_data,
        new_cases_total=new_total,
        new_by_category=new_cat,
        new_by_priority=new_pri,
        new_cases=_with_parties(new_cases, parties),
        open_by_priority=open_counts,
        carried_over=carried,
        notable_total=notable_total,
        notable=_with_parties(notable, parties),
        mediation_held=held,
        mediation_coming=coming,
        patrols=patrols,
        grids_total=grids_total,
        uncovered_grids=uncovered,
        visits_total=visits_total,
        visits=visits,
        outreach=outreach,
        follow_ups_total=follow_total,
        follow_ups=follow_ups,
        instructions=instructions.strip(),
    )


def _check_full_edition(db: Database, actor: Actor | None, start: datetime, end: datetime) -> None:
    action = "handover.full_edition"
    details = {"shift_start": start, "shift_end": end}
    if actor is None or not actor.can(Permission.VIEW_PERSONAL_DATA):
        if actor is not None:
            audit.record_refusal(db, actor, action, Permission.VIEW_PERSONAL_DATA.value)
        raise PermissionDeniedError(
            actor or Actor(None, "(nobody)", frozenset()), Permission.VIEW_PERSONAL_DATA
        )
    # Recorded before the data is read: an attempt that then fails is still on record.
    audit.record(db, actor, action, "handover", None, details)


_owner = aliased(Staff)


def _case_select() -> Any:
    return (
        select(
            Case.id,
            Case.case_no,
            Case.reported_at,
            Case.category,
            Case.priority,
            Case.status,
            Grid.name,
            _owner.name,
            Case.owner_team,
            Case.summary,
            Case.resolution_due,
        )
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(_owner, _owner.id == Case.owner_staff_id)
    )


# Rows carry the case id until the parties are attached.
_Row = tuple[int, CaseLine]


def _case_line(r: Any, at: datetime) -> _Row:
    status = CaseStatus(r[5])
    due = r[10]
    team = Team(r[8]) if r[8] is not None else None
    return r[0], CaseLine(
        case_no=r[1],
        reported_at=r[2],
        category=CaseCategory(r[3]),
        priority=Priority(r[4]),
        status=status,
        grid=r[6] or "",
        owner=r[7] or "",
        owner_team=team,
        summary=r[9] or "",
        resolution_due=due,
        overdue=status.is_open and due is not None and due < at,
    )


def _new_cases(
    conn: Connection, start: datetime, end: datetime, at: datetime
) -> tuple[
    int,
    tuple[tuple[CaseCategory, int], ...],
    tuple[tuple[Priority, int], ...],
    list[_Row],
]:
    in_shift = and_(Case.reported_at >= start, Case.reported_at < end)
    by_cat = {c: 0 for c in CaseCategory}
    by_pri = {p: 0 for p in Priority}
    for category, priority, n in conn.execute(
        select(Case.category, Case.priority, func.count())
        .where(in_shift)
        .group_by(Case.category, Case.priority)
    ):
        by_cat[CaseCategory(category)] += int(n)
        by_pri[Priority(priority)] += int(n)
    rows = conn.execute(
        _case_select().where(in_shift).order_by(Case.reported_at, Case.id).limit(NEW_CASES_LIMIT)
    ).all()
    return (
        sum(by_cat.values()),
        tuple(by_cat.items()),
        tuple(by_pri.items()),
        [_case_line(r, at) for r in rows],
    )


def _carried_over(
    conn: Connection, at: datetime
) -> tuple[tuple[PriorityCount, ...], tuple[CaseLine, ...]]:
    open_ = Case.status.in_(OPEN_STATUSES)
    overdue = and_(open_, Case.resolution_due < at)
    counts = {
        Priority(p): (int(n), int(o or 0))
        for p, n, o in conn.execute(
            select(Case.priority, func.count(), func.count().filter(Case.resolution_due < at))
            .where(open_)
            .group_by(Case.priority)
        )
    }
    lines: list[CaseLine] = []
    result = []
    for priority in Priority:
        # Every overdue case, oldest deadline first...
        late = conn.execute(
            _case_select()
            .where(overdue, Case.priority == priority)
            .order_by(Case.resolution_due, Case.id)
        ).all()
        # ...then the ones due soonest (no deadline last).
        soon = conn.execute(
            _case_select()
            .where(
                open_,
                Case.priority == priority,
                or_(Case.resolution_due.is_(None), Case.resolution_due >= at),
            )
            .order_by(Case.resolution_due.asc().nulls_last(), Case.id)
            .limit(OPEN_PER_PRIORITY_LIMIT)
        ).all()
        listed = [_case_line(r, at)[1] for r in (*late, *soon)]
        lines += listed
        n_open, n_overdue = counts.get(priority, (0, 0))
        result.append(PriorityCount(priority, n_open, n_overdue, len(listed)))
    return tuple(result), tuple(lines)


def _notable(
    conn: Connection, start: datetime, end: datetime, at: datetime
) -> tuple[int, list[_Row]]:
    cond = and_(
        Case.notable.is_(True),
        or_(
            and_(Case.reported_at >= start, Case.reported_at < end),
            and_(Case.updated_at >= start, Case.updated_at < end),
        ),
    )
    total = conn.execute(select(func.count()).select_from(Case).where(cond)).scalar_one()
    rows = conn.execute(
        _case_select().where(cond).order_by(Case.reported_at, Case.id).limit(NOTABLE_LIMIT)
    ).all()
    return int(total), [_case_line(r, at) for r in rows]


_PartyMap = dict[int, tuple[PartyLine, ...]]


def _parties_of(conn: Connection, rows: Sequence[_Row], full: bool) -> _PartyMap:
    """The parties of the listed cases, masked unless ``full``."""
    ids = sorted({case_id for case_id, _ in rows})
    parties: dict[int, list[PartyLine]] = {}
    for chunk in _chunks(ids, 500):
        for case_id, name, role, resident_id, phone in conn.execute(
            select(
                CaseParty.case_id,
                CaseParty.name,
                CaseParty.role,
                CaseParty.resident_id,
                CaseParty.phone,
            )
            .where(CaseParty.case_id.in_(chunk))
            .order_by(CaseParty.case_id, CaseParty.id)
        ):
            resident_id = resident_id or ""
            phone = phone or ""
            if not full:
                resident_id = mask_resident_id(resident_id) if resident_id else ""
                phone = mask_phone(phone) if phone else ""
            parties.setdefault(case_id, []).append(
                PartyLine(name, PartyRole(role), resident_id, phone)
            )
    return {case_id: tuple(lines) for case_id, lines in parties.items()}


def _with_parties(rows: Iterable[_Row], parties: _PartyMap) -> tuple[CaseLine, ...]:
    return tuple(replace(line, parties=parties.get(cid, ())) for cid, line in rows)


def _chunks(values: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _sessions(
    conn: Connection,
    start: datetime,
    end: datetime,
    *,
    exclude_cancelled: bool = False,
    booked_only: bool = False,
) -> tuple[SessionLine, ...]:
    stmt = (
        select(
            MediationSession.id,
            MediationSession.starts_at,
            MediationSession.ends_at,
            Case.case_no,
            Case.summary,
            MediationSession.room,
            MediationSession.status,
            MediationSession.outcome,
            MediationSession.referral_target,
        )
        .join(Case, Case.id == MediationSession.case_id)
        .where(MediationSession.starts_at >= start, MediationSession.starts_at < end)
        .order_by(MediationSession.starts_at, MediationSession.id)
    )
    if exclude_cancelled:
        stmt = stmt.where(MediationSession.status != SessionStatus.CANCELLED)
    if booked_only:
        stmt = stmt.where(MediationSession.status == SessionStatus.BOOKED)
    rows = conn.execute(stmt).all()
    names: dict[int, list[str]] = {}
    for chunk in _chunks([r[0] for r in rows], 500):
        for sid, name in conn.execute(
            select(SessionMediator.session_id, Mediator.name)
            .join(Mediator, Mediator.id == SessionMediator.mediator_id)
            .where(SessionMediator.session_id.in_(chunk))
            .order_by(SessionMediator.session_id, Mediator.name)
        ):
            names.setdefault(sid, []).append(name)
    return tuple(
        SessionLine(
            starts_at=r[1],
            ends_at=r[2],
            case_no=r[3],
            case_summary=r[4] or "",
            room=r[5] or "",
            status=SessionStatus(r[6]),
            outcome=MediationOutcome(r[7]) if r[7] is not None else None,
            referral=ReferralTarget(r[8]) if r[8] is not None else None,
            mediators=tuple(names.get(r[0], ())),
        )
        for r in rows
    )


def _patrols(conn: Connection, start: datetime, end: datetime) -> tuple[PatrolLine, ...]:
    rows = conn.execute(
        select(
            PatrolShift.id,
            PatrolShift.starts_at,
            PatrolShift.ends_at,
            PatrolShift.route,
            PatrolShift.kind,
            PatrolShift.status,
        )
        .where(PatrolShift.starts_at < end, PatrolShift.ends_at > start)
        .order_by(PatrolShift.starts_at, PatrolShift.route, PatrolShift.id)
    ).all()
    ids = [r[0] for r in rows]
    crews: dict[int, list[CrewMember]] = {}
    grids: dict[int, list[str]] = {}
    for chunk in _chunks(ids, 500):
        for sid, name, kind in conn.execute(
            select(PatrolMember.shift_id, Staff.name, Staff.kind)
            .join(Staff, Staff.id == PatrolMember.staff_id)
            .where(PatrolMember.shift_id.in_(chunk))
            .order_by(PatrolMember.shift_id, Staff.kind, Staff.name)
        ):
            crews.setdefault(sid, []).append(CrewMember(name, StaffKind(kind)))
        for sid, gname in conn.execute(
            select(PatrolGrid.shift_id, Grid.name)
            .join(Grid, Grid.id == PatrolGrid.grid_id)
            .where(PatrolGrid.shift_id.in_(chunk))
            .order_by(PatrolGrid.shift_id, Grid.code)
        ):
            grids.setdefault(sid, []).append(gname)
    return tuple(
        PatrolLine(
            starts_at=r[1],
            ends_at=r[2],
            route=r[3],
            kind=ShiftKind(r[4]),
            status=PatrolStatus(r[5]),
            crew=tuple(crews.get(r[0], ())),
            grids=tuple(grids.get(r[0], ())),
        )
        for r in rows
    )


def _uncovered(
    conn: Connection, start: datetime, end: datetime, at: datetime
) -> tuple[int, tuple[str, ...]]:
    """Grids no patrol covered: only completed or running patrols count, and planned
    ones that may still happen (not yet over at ``at``); a missed patrol covers nothing."""
    covering = or_(
        PatrolShift.status.in_([PatrolStatus.COMPLETED, PatrolStatus.ON_PATROL]),
        and_(PatrolShift.status == PatrolStatus.PLANNED, PatrolShift.ends_at > at),
    )
    covered = (
        select(PatrolGrid.grid_id)
        .join(PatrolShift, PatrolShift.id == PatrolGrid.shift_id)
        .where(PatrolShift.starts_at < end, PatrolShift.ends_at > start, covering)
    )
    total = conn.execute(select(func.count()).select_from(Grid)).scalar_one()
    names = conn.execute(
        select(Grid.name).where(Grid.id.not_in(covered)).order_by(Grid.code)
    ).scalars()
    return int(total), tuple(names)


def _visits(conn: Connection, start: datetime, end: datetime) -> tuple[int, tuple[VisitLine, ...]]:
    cond = and_(HouseholdVisit.visited_at >= start, HouseholdVisit.visited_at < end)
    total = conn.execute(select(func.count()).select_from(HouseholdVisit).where(cond)).scalar_one()
    rows = conn.execute(
        select(
            HouseholdVisit.visited_at,
            Grid.name,
            Staff.name,
            HouseholdVisit.household,
            HouseholdVisit.purpose,
            HouseholdVisit.notes,
        )
        .join(Grid, Grid.id == HouseholdVisit.grid_id)
        .outerjoin(Staff, Staff.id == HouseholdVisit.officer_id)
        .where(cond)
        .order_by(HouseholdVisit.visited_at, HouseholdVisit.id)
        .limit(VISITS_LIMIT)
    ).all()
    return int(total), tuple(
        VisitLine(r[0], r[1] or "", r[2] or "", r[3] or "", _visit_notes(r[4], r[5]))
        for r in rows
    )


def _visit_notes(purpose: str | None, notes: str | None) -> str:
    """What the report's notes column says: the purpose, then the notes."""
    return " — ".join(part for part in (purpose, notes) if part)


def _outreach(conn: Connection, start: datetime, end: datetime) -> tuple[OutreachLine, ...]:
    rows = conn.execute(
        select(
            OutreachEvent.held_at,
            Grid.name,
            OutreachEvent.topic,
            OutreachEvent.place,
            OutreachEvent.attendees,
        )
        .outerjoin(Grid, Grid.id == OutreachEvent.grid_id)
        .where(OutreachEvent.held_at >= start, OutreachEvent.held_at < end)
        .order_by(OutreachEvent.held_at, OutreachEvent.id)
    ).all()
    return tuple(
        OutreachLine(r[0], r[1] or "", OutreachTopic(r[2]), r[3] or "", int(r[4] or 0))
        for r in rows
    )


def _follow_ups(
    conn: Connection, due_by: datetime, at: datetime
) -> tuple[int, tuple[FollowUpLine, ...]]:
    cond = and_(FollowUp.done_at.is_(None), FollowUp.due_on <= due_by.date())
    total = conn.execute(select(func.count()).select_from(FollowUp).where(cond)).scalar_one()
    rows = conn.execute(
        select(FollowUp.due_on, Case.case_no, Staff.name, FollowUp.note)
        .join(Case, Case.id == FollowUp.case_id)
        .outerjoin(Staff, Staff.id == FollowUp.officer_id)
        .where(cond)
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(FOLLOW_UPS_LIMIT)
    ).all()
    return int(total), tuple(
        FollowUpLine(r[0], r[1], r[2] or "", r[3] or "", r[0] < at.date()) for r in rows
    )


# ------------------------------------------------------------------------ archive


def _record(h: Any, names: dict[int, str], size: int) -> HandoverRecord:
    """From a Handover row or a Core row with the same column names."""
    return HandoverRecord(
        id=h.id,
        shift_start=h.shift_start,
        shift_end=h.shift_end,
        outgoing_user_id=h.outgoing_user_id,
        outgoing_name=names.get(h.outgoing_user_id or 0, ""),
        incoming_user_id=h.incoming_user_id,
        incoming_name=names.get(h.incoming_user_id or 0, ""),
        generated_at=h.generated_at,
        acknowledged_at=h.acknowledged_at,
        language=h.language,
        instructions=h.instructions,
        sha256=h.sha256,
        pdf_size=size,
        version=h.version,
    )


def _user_names(conn: Connection | Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = conn.execute(select(User.id, User.display_name).where(User.id.in_(wanted)))
    return {int(i): str(n) for i, n in rows}


def archive_handover(
    db: Database,
    actor: Actor,
    start: datetime,
    end: datetime,
    pdf: bytes,
    lang: str,
    instructions: str,
    incoming_user_id: int | None = None,
    *,
    generated_at: datetime | None = None,
) -> HandoverRecord:
    """Keep the printed handover: the exact PDF bytes, their SHA-256 and both officers.

    The acting user is the outgoing officer. ``incoming_user_id``, if given, is the
    only one who may acknowledge it. Reprint with :func:`handover_pdf`.
    """
    validate_time_range(start, end, "end")
    if lang not in REPORT_LANGUAGES:
        raise HandoverError("bad_language")
    if not pdf.startswith(b"%PDF-"):
        raise HandoverError("bad_pdf")
    if incoming_user_id is not None and incoming_user_id == actor.user_id:
        raise HandoverError("same_officer")
    digest = hashlib.sha256(pdf).hexdigest()
    with unit_of_work(db, actor, Permission.WRITE_HANDOVER, "handover.archive") as uow:
        handover = uow.add(
            Handover(
                shift_start=start,
                shift_end=end,
                outgoing_user_id=actor.user_id,
                incoming_user_id=incoming_user_id,
                generated_at=generated_at or uow.at,
                language=lang,
                instructions=instructions,
                pdf=pdf,
                sha256=digest,
            )
        )
        names = _user_names(uow.session, [actor.user_id, incoming_user_id])
        return _record(handover, names, len(pdf))


def acknowledge_handover(
    db: Database, actor: Actor, handover_id: int, expected_version: int
) -> HandoverRecord:
    """The incoming officer acknowledges the handover (audited).

    Refused with HandoverError when the actor is the outgoing officer, when another
    incoming officer was named, or when it was acknowledged already; a stale
    ``expected_version`` raises ConflictError.
    """
    if actor.user_id is None:
        raise HandoverError("no_user")
    try:
        with unit_of_work(db, actor, Permission.WRITE_HANDOVER, "handover.acknowledge") as uow:
            handover = uow.get(Handover, handover_id)
            if handover.acknowledged_at is not None:
                raise HandoverError("already_acknowledged")
            if handover.outgoing_user_id == actor.user_id:
                raise HandoverError("same_officer")
            if handover.incoming_user_id not in (None, actor.user_id):
                raise HandoverError("not_incoming")
            uow.update(
                Handover,
                handover_id,
                expected_version,
                incoming_user_id=actor.user_id,
                acknowledged_at=uow.at,
            )
            names = _user_names(uow.session, [handover.outgoing_user_id, actor.user_id])
            record = _record(handover, names, len(handover.pdf or b""))
    except HandoverError as exc:
        # The refused attempt is on record too (the transaction above rolled back).
        audit.record(
            db,
            actor,
            "handover.acknowledge",
            "handover",
            handover_id,
            {"refused": exc.code},
            outcome="refused",
        )
        raise
    return record


def list_handovers(db: Database, limit: int = 50) -> list[HandoverRecord]:
    """The latest archived handovers, newest shift first (the PDF bytes stay in the database)."""
    cols = [c for c in Handover.__table__.c if c.key != "pdf"]
    with db.engine.connect() as conn:
        rows = conn.execute(
            select(*cols, func.coalesce(func.length(Handover.pdf), 0))
            .order_by(Handover.shift_start.desc(), Handover.id.desc())
            .limit(limit)
        ).all()
        ids = [v for r in rows for v in (r.outgoing_user_id, r.incoming_user_id)]
        names = _user_names(conn, ids)
    return [_record(r, names, int(r[-1])) for r in rows]


def record_full_edition_output(
    db: Database, actor: Actor, start: datetime, end: datetime, output: str
) -> None:
    """Audit that a full edition (unmasked personal data) was printed or saved."""
    details = {"shift_start": start, "shift_end": end, "output": output}
    audit.record(db, actor, "handover.full_edition_output", "handover", None, details)


def handover_pdf(db: Database, handover_id: int) -> bytes:
    """The archived PDF exactly as it was stored (reprint)."""
    with db.engine.connect() as conn:
        row = conn.execute(select(Handover.pdf).where(Handover.id == handover_id)).first()
    if row is None or row[0] is None:
        raise NotFoundError("handover", handover_id)
    return bytes(row[0])


__all__ = [
    "DAY_SHIFT_START",
    "NIGHT_SHIFT_START",
    "CaseLine",
    "CrewMember",
    "FollowUpLine",
    "HandoverData",
    "HandoverError",
    "HandoverRecord",
    "OutreachLine",
    "PartyLine",
    "PatrolLine",
    "PriorityCount",
    "SessionLine",
    "VisitLine",
    "acknowledge_handover",
    "archive_handover",
    "collect_handover",
    "current_shift",
    "handover_pdf",
    "last_completed_shift",
    "list_handovers",
    "record_full_edition_output",
    "shift_kind",
]
