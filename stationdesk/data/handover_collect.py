"""Gathering a shift's handover: what the outgoing duty officer hands over.

:func:`collect_handover` reads everything the report prints into the frozen values of
:mod:`stationdesk.data.handover_facts`. Personal data is minimised: resident ID and
phone numbers come back masked unless the full edition is asked for, which needs
``Permission.VIEW_PERSONAL_DATA`` and is itself audited. Only the cases that came in or
were flagged during the shift carry their parties at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import aliased

from stationdesk.data import audit
from stationdesk.data.database import Database
from stationdesk.data.handover_facts import (
    FOLLOW_UPS_LIMIT,
    LONGEST_PERIOD,
    LOOKAHEAD,
    NEW_CASES_LIMIT,
    NOTABLE_LIMIT,
    OPEN_PER_PRIORITY_LIMIT,
    VISITS_LIMIT,
    CaseLine,
    CrewMember,
    FollowUpLine,
    HandoverData,
    OutreachLine,
    PartyLine,
    PatrolLine,
    PriorityCount,
    SessionLine,
    VisitLine,
    shift_kind,
)
from stationdesk.data.schema import (
    Case,
    CaseParty,
    FollowUp,
    Grid,
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
)
from stationdesk.data.uow import Actor, PermissionDeniedError, now
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
        VisitLine(r[0], r[1] or "", r[2] or "", r[3] or "", _visit_notes(r[4], r[5])) for r in rows
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
