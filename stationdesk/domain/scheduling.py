"""Patrol roster rules and booking overlaps, as pure functions over plain values.

All datetimes are naive station-local times (as stored).  Intervals are half-open,
[start, end): a shift ending at 08:00 and one starting at 08:00 do not overlap,
because that is a handover, not a double booking.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Literal, Protocol, TypeVar

import chinese_calendar

from stationdesk.domain.enums import StaffKind

__all__ = [
    "Interval",
    "Person",
    "RosterRules",
    "RosterShift",
    "RuleViolation",
    "Severity",
    "check_roster",
    "claim_slots",
    "coverage_gaps",
    "crew_violations",
    "day_part_of",
    "double_bookings",
    "find_overlap",
    "holiday_name",
    "is_working_day",
    "leave_violations",
    "overlaps",
    "rest_violations",
    "weekly_hours_violations",
]

Severity = Literal["error", "warning"]

DEFAULT_MIN_REST = timedelta(hours=8)
DEFAULT_MAX_WEEKLY_HOURS = 48.0
DEFAULT_MIN_CREW = 2
DEFAULT_DAY_WINDOW = (8, 20)
# A shift counts as covering a day or night part only if it overlaps it by this much,
# so a day shift that runs over to 20:30 does not make the night look covered.
MIN_COVERAGE_OVERLAP = timedelta(hours=1)
# The grain of the database's slot claims (see claim_slots).
SLOT = timedelta(minutes=30)
DEFAULT_CHECKIN_GRACE = timedelta(minutes=15)


@dataclass(frozen=True)
class RosterRules:
    """The station's roster settings; an administrator can change them."""

    min_rest: timedelta = DEFAULT_MIN_REST
    max_weekly_hours: float = DEFAULT_MAX_WEEKLY_HOURS
    min_crew: int = DEFAULT_MIN_CREW
    checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE

    def __post_init__(self) -> None:
        if not timedelta(0) <= self.min_rest <= timedelta(hours=48):
            raise ValueError("minimum rest must be 0 to 48 hours")
        if not 1 <= self.max_weekly_hours <= 168:
            raise ValueError("maximum weekly hours must be 1 to 168")
        if not 1 <= self.min_crew <= 20:
            raise ValueError("minimum crew must be 1 to 20")
        if not timedelta(minutes=1) <= self.checkin_grace <= timedelta(hours=12):
            raise ValueError("check-in grace must be 1 minute to 12 hours")


class Timed(Protocol):
    """Anything with a start and an end: intervals, shifts, bookings."""

    @property
    def start(self) -> datetime: ...
    @property
    def end(self) -> datetime: ...


TimedT = TypeVar("TimedT", bound=Timed)


@dataclass(frozen=True)
class Interval:
    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"interval ends ({self.end}) before it starts ({self.start})")

    @property
    def duration(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class RosterShift:
    shift_id: int
    start: datetime
    end: datetime
    member_ids: frozenset[int] = frozenset()
    grid_ids: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"shift {self.shift_id} ends before it starts")

    @property
    def interval(self) -> Interval:
        return Interval(self.start, self.end)


@dataclass(frozen=True)
class Person:
    id: int
    kind: StaffKind
    on_leave_days: frozenset[date] = frozenset()


@dataclass(frozen=True)
class RuleViolation:
    """One broken roster rule; `code` is stable and the UI words it from `params`.

    Codes: double_booking, on_leave (errors); short_rest, weekly_hours, crew_too_small,
    crew_no_police, coverage_gap (warnings).
    """

    code: str
    severity: Severity
    shift_id: int | None = None
    person_id: int | None = None
    grid_id: int | None = None
    day: date | None = None
    # Compared but not hashed: a dict cannot be hashed, the other fields identify it.
    params: dict[str, object] = field(default_factory=dict, hash=False)

    def sort_key(self) -> tuple[int, date, str, int, int, int]:
        return (
            0 if self.severity == "error" else 1,
            self.day or date.max,
            self.code,
            -1 if self.shift_id is None else self.shift_id,
            -1 if self.person_id is None else self.person_id,
            -1 if self.grid_id is None else self.grid_id,
        )


# --- intervals ----------------------------------------------------------------------


def overlaps(a: Timed, b: Timed) -> bool:
    """True if the two half-open intervals share any time."""
    return a.start < b.end and b.start < a.end


def _overlap_length(a: Timed, b: Timed) -> timedelta:
    return max(timedelta(0), min(a.end, b.end) - max(a.start, b.start))


def find_overlap(interval: Timed, existing: Iterable[TimedT]) -> TimedT | None:
    """The earliest-starting item of `existing` that overlaps `interval`, if any.

    Used before booking a mediator: the clash found is the one to show the officer.
    """
    clashes = [item for item in existing if overlaps(interval, item)]
    return min(clashes, key=lambda item: (item.start, item.end)) if clashes else None


def claim_slots(start: datetime, end: datetime, slot: timedelta = SLOT) -> list[datetime]:
    """Starts of the slot-grain periods lying wholly inside [start, end).

    The database stores one claim per (person, slot start) under a UNIQUE key, so two
    shifts of one person that share a whole slot cannot both be saved, whichever
    workstation writes first.  Only whole slots are claimed, so two shifts that merely
    touch (or share part of a slot without overlapping) never clash: the claims never
    refuse what `overlaps` allows.  Overlaps shorter than a slot are caught by the
    check inside the (serialized) write transaction.
    """
    midnight = datetime.combine(start.date(), time())
    first = midnight + slot * -((midnight - start) // slot)  # start rounded up to the grain
    out: list[datetime] = []
    cursor = first
    while cursor + slot <= end:
        out.append(cursor)
        cursor += slot
    return out


def day_part_of(
    moment: datetime, day_window: tuple[int, int] = DEFAULT_DAY_WINDOW
) -> tuple[date, str]:
    """The (day, "day" | "night") a moment belongs to; a night belongs to its first day."""
    day_start, day_end = day_window
    hour = moment.hour + moment.minute / 60
    if day_start <= hour < day_end:
        return moment.date(), "day"
    if hour < day_start:
        return moment.date() - timedelta(days=1), "night"
    return moment.date(), "night"


def _at(day: date, hour: int) -> datetime:
    # timedelta rather than time(hour) so that hour 24 means the next midnight.
    return datetime.combine(day, time()) + timedelta(hours=hour)


def _days_touched(item: Timed) -> list[date]:
    """Calendar days an interval has time on (an end at midnight does not count)."""
    first = item.start.date()
    last = (item.end - timedelta(microseconds=1)).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _shifts_by_person(shifts: Iterable[RosterShift]) -> dict[int, list[RosterShift]]:
    by_person: dict[int, list[RosterShift]] = defaultdict(list)
    for shift in shifts:
        for person_id in shift.member_ids:
            by_person[person_id].append(shift)
    for person_shifts in by_person.values():
        person_shifts.sort(key=lambda s: (s.start, s.end, s.shift_id))
    return by_person


# --- roster rules -------------------------------------------------------------------


def double_bookings(shifts: Iterable[RosterShift]) -> list[RuleViolation]:
    """Error for each pair of overlapping shifts that share a person.

    Reported once per pair, on the later-starting shift, with the other in params.
    """
    found: list[RuleViolation] = []
    for person_id, person_shifts in _shifts_by_person(shifts).items():
        for i, first in enumerate(person_shifts):
            for second in person_shifts[i + 1 :]:
                if second.start >= first.end:
                    break  # sorted by start: no later shift can overlap `first`
                found.append(
                    RuleViolation(
                        "double_booking",
                        "error",
                        shift_id=second.shift_id,
                        person_id=person_id,
                        day=second.start.date(),
                        params={"other_shift_id": first.shift_id},
                    )
                )
    return found


def rest_violations(
    shifts: Iterable[RosterShift], min_rest: timedelta = DEFAULT_MIN_REST
) -> list[RuleViolation]:
    """Warning when a person's rest between two shifts is shorter than `min_rest`.

    Back-to-back shifts (no gap) count as zero rest.  Overlapping shifts are left to
    `double_bookings` rather than reported twice.
    """
    found: list[RuleViolation] = []
    for person_id, person_shifts in _shifts_by_person(shifts).items():
        previous = person_shifts[0]
        for shift in person_shifts[1:]:
            rest = shift.start - previous.end
            if timedelta(0) <= rest < min_rest:
                found.append(
                    RuleViolation(
                        "short_rest",
                        "warning",
                        shift_id=shift.shift_id,
                        person_id=person_id,
                        day=shift.start.date(),
                        params={
                            "previous_shift_id": previous.shift_id,
                            "rest_minutes": int(rest.total_seconds() // 60),
                            "min_rest_minutes": int(min_rest.total_seconds() // 60),
                        },
                    )
                )
            # Measure the next rest from whichever shift ends last.
            if shift.end > previous.end:
                previous = shift
    return found


def _merge(intervals: Sequence[Timed]) -> list[tuple[datetime, datetime]]:
    merged: list[tuple[datetime, datetime]] = []
    for item in sorted(intervals, key=lambda i: i.start):
        if merged and item.start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], item.end))
        else:
            merged.append((item.start, item.end))
    return merged


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def weekly_hours_violations(
    shifts: Iterable[RosterShift], max_hours: float = DEFAULT_MAX_WEEKLY_HOURS
) -> list[RuleViolation]:
    """Warning when a person is rostered more than `max_hours` in one ISO week.

    A shift over Sunday midnight is split between the two weeks.  Overlapping shifts
    are counted once (a person cannot patrol twice at the same time; the clash itself
    is a double booking).  The violation's `day` is the Monday of the week.
    """
    found: list[RuleViolation] = []
    for person_id, person_shifts in _shifts_by_person(shifts).items():
        per_week: dict[date, timedelta] = defaultdict(timedelta)
        for start, end in _merge(person_shifts):
            cursor = start
            while cursor < end:
                week_end = _at(_monday(cursor.date()) + timedelta(days=7), 0)
                piece_end = min(end, week_end)
                per_week[_monday(cursor.date())] += piece_end - cursor
                cursor = piece_end
        for monday, worked in sorted(per_week.items()):
            hours = worked.total_seconds() / 3600
            if hours > max_hours:
                iso = monday.isocalendar()
                found.append(
                    RuleViolation(
                        "weekly_hours",
                        "warning",
                        person_id=person_id,
                        day=monday,
                        params={
                            "hours": round(hours, 2),
                            "max_hours": max_hours,
                            "iso_year": iso.year,
                            "iso_week": iso.week,
                        },
                    )
                )
    return found


def crew_violations(
    shifts: Iterable[RosterShift], people: Iterable[Person], min_crew: int = DEFAULT_MIN_CREW
) -> list[RuleViolation]:
    """Warnings for a shift with fewer than `min_crew` people or without a police officer.

    Auxiliaries, assistants and volunteers may not patrol without an officer, so a shift
    whose members are unknown to `people` counts as having no officer.
    """
    kinds = {person.id: person.kind for person in people}
    found: list[RuleViolation] = []
    for shift in shifts:
        day = shift.start.date()
        if len(shift.member_ids) < min_crew:
            found.append(
                RuleViolation(
                    "crew_too_small",
                    "warning",
                    shift_id=shift.shift_id,
                    day=day,
                    params={"crew": len(shift.member_ids), "min_crew": min_crew},
                )
            )
        if not any(kinds.get(m) == StaffKind.POLICE for m in shift.member_ids):
            found.append(
                RuleViolation("crew_no_police", "warning", shift_id=shift.shift_id, day=day)
            )
    return found


def coverage_gaps(
    shifts: Iterable[RosterShift],
    grid_ids: Iterable[int],
    days: Iterable[date],
    day_window: tuple[int, int] = DEFAULT_DAY_WINDOW,
) -> list[RuleViolation]:
    """Warning for each grid and day whose day part or night part has no patrol.

    With the default window the day part is 08:00–20:00 and the night part runs from
    20:00 to 08:00 the next morning (it belongs to the day it starts on).  A part is
    covered when at least one staffed shift for the grid overlaps it by an hour or more
    (`MIN_COVERAGE_OVERLAP`): the rule asks that every grid is patrolled in each part,
    not that an officer is there every minute.  Shifts without members cover nothing.
    """
    day_start, day_end = day_window
    if not 0 <= day_start < day_end <= 24:
        raise ValueError(f"day window must satisfy 0 <= start < end <= 24, got {day_window}")
    by_grid: dict[int, list[RosterShift]] = defaultdict(list)
    for shift in shifts:
        if shift.member_ids:
            for grid_id in shift.grid_ids:
                by_grid[grid_id].append(shift)

    found: list[RuleViolation] = []
    grids = sorted(set(grid_ids))
    for day in sorted(set(days)):
        parts = (
            ("day", Interval(_at(day, day_start), _at(day, day_end))),
            ("night", Interval(_at(day, day_end), _at(day + timedelta(days=1), day_start))),
        )
        for grid_id in grids:
            for part_name, part in parts:
                covered = any(
                    _overlap_length(shift, part) >= MIN_COVERAGE_OVERLAP
                    for shift in by_grid.get(grid_id, ())
                )
                if not covered:
                    found.append(
                        RuleViolation(
                            "coverage_gap",
                            "warning",
                            grid_id=grid_id,
                            day=day,
                            params={
                                "part": part_name,
                                "from": part.start.isoformat(sep=" ", timespec="minutes"),
                                "to": part.end.isoformat(sep=" ", timespec="minutes"),
                            },
                        )
                    )
    return found


def leave_violations(
    shifts: Iterable[RosterShift], people: Iterable[Person]
) -> list[RuleViolation]:
    """Error for each shift day a member is on leave (a night shift touches two days)."""
    leave = {person.id: person.on_leave_days for person in people if person.on_leave_days}
    found: list[RuleViolation] = []
    for shift in shifts:
        days = _days_touched(shift)
        for person_id in sorted(shift.member_ids):
            for day in days:
                if day in leave.get(person_id, ()):
                    found.append(
                        RuleViolation(
                            "on_leave",
                            "error",
                            shift_id=shift.shift_id,
                            person_id=person_id,
                            day=day,
                        )
                    )
    return found


def check_roster(
    shifts: Iterable[RosterShift],
    people: Iterable[Person],
    grid_ids: Iterable[int],
    days: Iterable[date],
    *,
    min_rest: timedelta = DEFAULT_MIN_REST,
    max_weekly_hours: float = DEFAULT_MAX_WEEKLY_HOURS,
    min_crew: int = DEFAULT_MIN_CREW,
    day_window: tuple[int, int] = DEFAULT_DAY_WINDOW,
) -> list[RuleViolation]:
    """Every rule above, errors first, then by day, rule, shift, person and grid."""
    shift_list = list(shifts)
    people_list = list(people)
    found = [
        *double_bookings(shift_list),
        *leave_violations(shift_list, people_list),
        *rest_violations(shift_list, min_rest),
        *weekly_hours_violations(shift_list, max_weekly_hours),
        *crew_violations(shift_list, people_list, min_crew),
        *coverage_gaps(shift_list, grid_ids, days, day_window),
    ]
    return sorted(found, key=RuleViolation.sort_key)


# --- public holidays ----------------------------------------------------------------

_HOLIDAY_KEYS = {holiday.value: holiday.name for holiday in chinese_calendar.Holiday}


def is_working_day(d: date) -> bool:
    """True on an official working day, including weekend make-up days (调休上班).

    Uses the State Council calendar shipped in `chinese_calendar`.  For a year that
    package does not know yet (it raises NotImplementedError) this falls back to
    Monday–Friday, so holidays of such years are not recognised until it is updated.
    """
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return d.weekday() < 5


def holiday_name(d: date) -> str | None:
    """Stable key of the public holiday `d` is a day off for, e.g. "national_day".

    None on working days (make-up working days included) and ordinary weekends, and
    for years `chinese_calendar` does not know.  The UI translates the key.
    """
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(d)
    except NotImplementedError:
        return None
    if not on_holiday or name is None:
        return None
    return _HOLIDAY_KEYS.get(name, str(name))
