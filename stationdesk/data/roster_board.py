"""The week board's data: a week of shifts, the people and grids, and every rule check.

One read gives the board everything it shows, as plain values: the shifts starting in
the week with their crews and grids, the station's active staff and grids, the days with
their public holidays and make-up working days, the roster rules and what breaks them,
and which shifts are overdue for check-in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from stationdesk.data.database import Database
from stationdesk.data.leave import LeavePeriod, leave_between
from stationdesk.data.patrols import OVERDUE_LOOKBACK, PatrolShiftInfo, shifts_between
from stationdesk.data.roster_settings import rules_in
from stationdesk.data.schema import Grid, Staff
from stationdesk.domain.enums import PatrolStatus, StaffKind
from stationdesk.domain.scheduling import (
    Person,
    RosterRules,
    RosterShift,
    RuleViolation,
    check_roster,
    holiday_name,
    is_working_day,
)

# Shifts this far either side of the week are read too, so a short rest or a clash over
# Monday or Sunday midnight is still seen.
CONTEXT = timedelta(days=1)


@dataclass(frozen=True)
class BoardPerson:
    id: int
    name: str
    kind: StaffKind
    on_leave: bool  # on leave on at least one day of the period read
    leave: tuple[LeavePeriod, ...] = ()  # the leave sharing a day with that period

    def leave_on(self, day: date) -> LeavePeriod | None:
        return next((p for p in self.leave if p.covers(day)), None)


@dataclass(frozen=True)
class BoardGrid:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class BoardDay:
    day: date
    holiday: str | None  # key of the public holiday this is a day off for
    make_up_day: bool  # a weekend day worked in lieu of a holiday (调休上班)


@dataclass(frozen=True)
class WeekRoster:
    monday: date
    days: tuple[BoardDay, ...]
    people: tuple[BoardPerson, ...]
    grids: tuple[BoardGrid, ...]
    shifts: tuple[PatrolShiftInfo, ...]  # shifts starting in the week
    violations: tuple[RuleViolation, ...]
    overdue: frozenset[int]  # planned shifts whose check-in is overdue
    rules: RosterRules


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def to_roster_shift(s: PatrolShiftInfo) -> RosterShift:
    return RosterShift(
        s.id,
        s.starts_at,
        s.ends_at,
        frozenset(m.id for m in s.members),
        frozenset(g for g, _name in s.grids),
    )


def check_shifts(
    shifts: list[RosterShift],
    people: tuple[BoardPerson, ...],
    grid_ids: list[int],
    days: list[date],
    rules: RosterRules,
) -> list[RuleViolation]:
    """The roster rules over ``shifts``, with everyone's dated leave.

    A violation for a person rostered on a leave day carries the leave's ``kind``,
    ``reason`` and days in its params, so the board can say why.
    """
    first, last = min(days) - CONTEXT, max(days) + CONTEXT
    persons = [
        Person(p.id, p.kind, frozenset(d for lv in p.leave for d in lv.days_in(first, last)))
        for p in people
    ]
    by_id = {p.id: p for p in people}
    found = check_roster(
        shifts,
        persons,
        grid_ids,
        days,
        min_rest=rules.min_rest,
        max_weekly_hours=rules.max_weekly_hours,
        min_crew=rules.min_crew,
    )
    return [_with_leave(v, by_id) if v.code == "on_leave" else v for v in found]


def _with_leave(v: RuleViolation, people: dict[int, BoardPerson]) -> RuleViolation:
    person = people.get(v.person_id or 0)
    leave = person.leave_on(v.day) if person is not None and v.day is not None else None
    if leave is None:
        return v
    return replace(
        v,
        params={
            **v.params,
            "kind": leave.kind.value,
            "reason": leave.reason,
            "first_day": leave.first_day.isoformat(),
            "last_day": leave.last_day.isoformat() if leave.last_day else "",
        },
    )


def staff_and_grids(
    db: Database, first: date, last: date
) -> tuple[tuple[BoardPerson, ...], tuple[BoardGrid, ...]]:
    """Active staff with their leave around ``first``..``last`` (a day either side), grids."""
    leave: dict[int, list[LeavePeriod]] = {}
    for period in leave_between(db, first - CONTEXT, last + CONTEXT):
        leave.setdefault(period.staff_id, []).append(period)
    with db.read() as s:
        people = tuple(
            BoardPerson(
                pid,
                name,
                kind,
                any(p.days_in(first, last) for p in leave.get(pid, ())),
                tuple(leave.get(pid, ())),
            )
            for pid, name, kind in s.execute(
                select(Staff.id, Staff.name, Staff.kind)
                .where(Staff.active.is_(True))
                .order_by(Staff.kind, Staff.name, Staff.id)
            )
        )
        grids = tuple(
            BoardGrid(gid, code, name)
            for gid, code, name in s.execute(
                select(Grid.id, Grid.code, Grid.name).order_by(Grid.code)
            )
        )
    return people, grids


def board_days(monday: date) -> tuple[BoardDay, ...]:
    days = [monday + timedelta(days=i) for i in range(7)]
    return tuple(BoardDay(d, holiday_name(d), d.weekday() >= 5 and is_working_day(d)) for d in days)


def load_week(db: Database, monday: date, now: datetime) -> WeekRoster:
    """Everything the week board shows for the week starting ``monday``."""
    monday = monday_of(monday)
    start = datetime.combine(monday, time())
    end = start + timedelta(days=7)
    loaded = shifts_between(db, start - CONTEXT, end + CONTEXT)
    people, grids = staff_and_grids(db, monday, monday + timedelta(days=6))
    with db.read() as s:
        rules = rules_in(s)
    days = board_days(monday)
    live = [to_roster_shift(x) for x in loaded if x.status != PatrolStatus.MISSED]
    week_ids = {x.id for x in loaded if start <= x.starts_at < end}
    found = check_shifts(live, people, [g.id for g in grids], [d.day for d in days], rules)
    violations = tuple(
        v
        for v in found
        if (v.shift_id is None and v.day is not None and monday <= v.day < end.date())
        or v.shift_id in week_ids
    )
    overdue = frozenset(
        x.id
        for x in loaded
        if x.id in week_ids
        and x.status == PatrolStatus.PLANNED
        and x.starts_at + rules.checkin_grace <= now < x.ends_at + OVERDUE_LOOKBACK
    )
    return WeekRoster(
        monday,
        days,
        people,
        grids,
        tuple(x for x in loaded if x.id in week_ids),
        violations,
        overdue,
        rules,
    )
