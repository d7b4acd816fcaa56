"""Community work rules: target periods, grid staffing flags, visit and outreach checks.

Pure functions over plain values (no database, no Qt). Field checks raise
`ValidationErrors` with stable codes the UI words in the officer's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from stationdesk.domain.enums import OutreachTopic
from stationdesk.domain.validation import (
    FieldError,
    Validator,
    normalise_input,
    validate_max_length,
    validate_not_future,
    validate_required,
)

__all__ = [
    "DEFAULT_VISIT_TARGET",
    "MAX_ATTENDANCE",
    "MAX_VISIT_TARGET",
    "GridFlag",
    "OutreachDraft",
    "Period",
    "PeriodKind",
    "VisitDraft",
    "check_outreach",
    "check_target",
    "check_visit",
    "grid_flag",
    "period_containing",
]

DEFAULT_VISIT_TARGET = 20
MAX_VISIT_TARGET = 10_000
MAX_ATTENDANCE = 100_000
# A visit logged weeks late is normal (paper notes typed up later); a year is a typo.
OLDEST_VISIT = timedelta(days=366)


# --- periods ------------------------------------------------------------------------


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True)
class Period:
    """A target period [start, end) of whole days."""

    kind: PeriodKind
    start: date
    end: date  # exclusive

    @property
    def first_moment(self) -> datetime:
        return datetime.combine(self.start, datetime.min.time())

    @property
    def end_moment(self) -> datetime:
        return datetime.combine(self.end, datetime.min.time())

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def previous(self) -> Period:
        return period_containing(self.start - timedelta(days=1), self.kind)

    def next(self) -> Period:
        return period_containing(self.end, self.kind)

    def elapsed_share(self, today: date) -> float:
        """How much of the period has passed by the end of ``today`` (0..1)."""
        total = (self.end - self.start).days
        done = (min(max(today, self.start - timedelta(days=1)), self.end) - self.start).days + 1
        return min(max(done / total, 0.0), 1.0)


def period_containing(day: date, kind: PeriodKind) -> Period:
    """The week (Monday first), month or quarter that ``day`` falls in."""
    if kind == PeriodKind.WEEK:
        start = day - timedelta(days=day.weekday())
        return Period(kind, start, start + timedelta(days=7))
    months = 3 if kind == PeriodKind.QUARTER else 1
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    month_after = first_month + months
    end = date(day.year + (month_after - 1) // 12, (month_after - 1) % 12 + 1, 1)
    return Period(kind, start, end)


# --- grid staffing ------------------------------------------------------------------


class GridFlag(StrEnum):
    """Why a grid needs the command room's attention ("" when it does not)."""

    NONE = ""
    NO_OFFICER = "no_officer"
    OFFICER_INACTIVE = "officer_inactive"
    OFFICER_ON_LEAVE = "officer_on_leave"


def grid_flag(officer_id: int | None, officer_active: bool, officer_on_leave: bool) -> GridFlag:
    """One officer for one grid: none, one who left the station, or one on leave today."""
    if officer_id is None:
        return GridFlag.NO_OFFICER
    if not officer_active:
        return GridFlag.OFFICER_INACTIVE
    if officer_on_leave:
        return GridFlag.OFFICER_ON_LEAVE
    return GridFlag.NONE


# --- household visits and outreach events -------------------------------------------


@dataclass(frozen=True)
class VisitDraft:
    """A household visit as typed: grid, officer, when, which household, why."""

    grid_id: int | None
    officer_id: int | None
    visited_at: datetime | None
    household: str
    address: str = ""
    purpose: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OutreachDraft:
    """A "Five Prevention" outreach event as typed."""

    topic: OutreachTopic | None
    grid_id: int | None
    held_at: datetime | None
    attendees: int | None
    place: str = ""
    organiser_id: int | None = None


def _text(v: Validator, value: str, field: str, n: int, required: bool = False) -> str:
    text = normalise_input(value)
    if required and v.check(validate_required, text, field) is None:
        return text
    v.check(validate_max_length, text, n, field)
    return text


def _choice(v: Validator, value: int | None, field: str) -> None:
    """A picked grid or person: required; a negative id is text that matched no entry."""
    if v.check(validate_required, value, field) is not None and value is not None and value < 0:
        v.add(FieldError(field, "unknown_choice"))


def check_visit(draft: VisitDraft, now: datetime) -> VisitDraft:
    """The draft cleaned up (text trimmed), or ValidationErrors naming every bad field."""
    v = Validator()
    _choice(v, draft.grid_id, "grid")
    _choice(v, draft.officer_id, "officer")
    if v.check(validate_required, draft.visited_at, "visited_at") is not None:
        assert draft.visited_at is not None
        v.check(validate_not_future, draft.visited_at, now, "visited_at")
        if draft.visited_at < now - OLDEST_VISIT:
            v.add(FieldError("visited_at", "too_old", {"days": OLDEST_VISIT.days}))
    household = _text(v, draft.household, "household", 100, required=True)
    address = _text(v, draft.address, "address", 200)
    # A purpose is a short label: one line.
    purpose = " ".join(_text(v, draft.purpose, "purpose", 100, required=True).split())
    notes = _text(v, draft.notes, "notes", 2000)
    v.raise_if_any()
    return VisitDraft(
        draft.grid_id, draft.officer_id, draft.visited_at, household, address, purpose, notes
    )


def check_outreach(draft: OutreachDraft, now: datetime) -> OutreachDraft:
    """The draft cleaned up, or ValidationErrors naming every bad field."""
    v = Validator()
    v.check(validate_required, draft.topic, "topic")
    _choice(v, draft.grid_id, "grid")
    if v.check(validate_required, draft.held_at, "held_at") is not None:
        assert draft.held_at is not None
        v.check(validate_not_future, draft.held_at, now, "held_at")
    if v.check(validate_required, draft.attendees, "attendees") is not None:
        assert draft.attendees is not None
        if not 0 <= draft.attendees <= MAX_ATTENDANCE:
            v.add(FieldError("attendees", "out_of_range", {"low": 0, "high": MAX_ATTENDANCE}))
    place = _text(v, draft.place, "place", 200)
    v.raise_if_any()
    return OutreachDraft(
        draft.topic, draft.grid_id, draft.held_at, draft.attendees, place, draft.organiser_id
    )


def check_target(value: object, field: str = "target") -> int:
    """A visit target: a whole number from 0 to 10,000 visits per period."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise FieldError(field, "not_whole_number")
    if not 0 <= value <= MAX_VISIT_TARGET:
        raise FieldError(field, "out_of_range", {"low": 0, "high": MAX_VISIT_TARGET})
    return value
