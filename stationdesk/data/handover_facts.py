"""Shift handover facts: the duty shifts and the plain values a handover report prints.

Frozen values only (no ORM objects), so the PDF can be built on any thread;
:mod:`stationdesk.data.handover_collect` fills them from the database and
:mod:`stationdesk.data.handovers` archives the signed result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from stationdesk.domain.enums import (
    CaseCategory,
    CaseStatus,
    MediationOutcome,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Priority,
    ReferralTarget,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
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
