"""Recurring patrol rotations: a template of several weeks that generates shifts.

A template has a number of weeks and lines. Each line is one recurring shift (route,
grids, start time, length, days) with one crew per rotation week, so a crew can walk
days in week one and nights in week two. Week one of the rotation is the week of the
template's anchor Monday; the rotation repeats from there, forwards and backwards.

Days follow one of three calendars:

* ``every_day``: the weekdays the line names, holidays included (patrols do not stop);
* ``working_days``: official working days from the State Council calendar, so public
  holidays are skipped and weekend make-up working days (调休上班) are included;
* ``days_off``: weekends and public holidays, but not make-up working days.

Pure functions: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from stationdesk.domain.enums import ShiftKind
from stationdesk.domain.scheduling import SLOT, RosterShift, is_working_day

__all__ = [
    "CALENDARS",
    "Calendar",
    "PlannedShift",
    "RotationLine",
    "RotationTemplate",
    "generate_shifts",
    "rotation_week",
    "template_problems",
]

Calendar = Literal["every_day", "working_days", "days_off"]
CALENDARS: tuple[Calendar, ...] = ("every_day", "working_days", "days_off")
MAX_WEEKS = 12
MAX_PERIOD_DAYS = 366


@dataclass(frozen=True)
class RotationLine:
    route: str
    kind: ShiftKind
    start: time
    minutes: int
    grid_ids: frozenset[int]
    crews: tuple[frozenset[int], ...]  # one crew per rotation week
    weekdays: frozenset[int] = frozenset(range(7))  # 0 = Monday
    calendar: Calendar = "every_day"


@dataclass(frozen=True)
class RotationTemplate:
    id: int
    name: str
    weeks: int
    anchor: date  # a Monday: week one of the rotation
    lines: tuple[RotationLine, ...]


@dataclass(frozen=True)
class PlannedShift:
    """A shift a template would create; ``key`` is its place in the preview."""

    key: int
    route: str
    kind: ShiftKind
    start: datetime
    end: datetime
    grid_ids: frozenset[int]
    member_ids: frozenset[int]
    line: int
    week: int

    def as_roster_shift(self, shift_id: int | None = None) -> RosterShift:
        return RosterShift(
            self.key if shift_id is None else shift_id,
            self.start,
            self.end,
            self.member_ids,
            self.grid_ids,
        )


def template_problems(template: RotationTemplate) -> list[str]:
    """Why the template cannot generate shifts (stable codes; empty when it can)."""
    problems: list[str] = []
    if not template.name.strip():
        problems.append("no_name")
    if not 1 <= template.weeks <= MAX_WEEKS:
        problems.append("weeks_out_of_range")
    if template.anchor.weekday() != 0:
        problems.append("anchor_not_monday")
    if not template.lines:
        problems.append("no_lines")
    grain = int(SLOT.total_seconds() // 60)
    for i, line in enumerate(template.lines, start=1):
        if not line.route.strip():
            problems.append(f"line_{i}_no_route")
        if len(line.crews) != template.weeks:
            problems.append(f"line_{i}_crews_not_per_week")
        if not grain <= line.minutes <= 24 * 60 or line.minutes % grain:
            problems.append(f"line_{i}_length")
        if (line.start.hour * 60 + line.start.minute) % grain or line.start.second:
            problems.append(f"line_{i}_start")
        if not line.grid_ids:
            problems.append(f"line_{i}_no_grids")
        if line.calendar == "every_day" and not line.weekdays:
            problems.append(f"line_{i}_no_days")
    return problems


def rotation_week(template: RotationTemplate, day: date) -> int:
    """0-based week of the rotation that ``day`` falls in."""
    return ((day - template.anchor).days // 7) % template.weeks


def _runs_on(line: RotationLine, day: date, working: Callable[[date], bool]) -> bool:
    if line.calendar == "working_days":
        return working(day)
    if line.calendar == "days_off":
        return not working(day)
    return day.weekday() in line.weekdays


def generate_shifts(
    template: RotationTemplate,
    first_day: date,
    last_day: date,
    *,
    working: Callable[[date], bool] = is_working_day,
) -> list[PlannedShift]:
    """The shifts ``template`` gives from ``first_day`` to ``last_day`` inclusive.

    A shift belongs to the day it starts on. ValueError for a template with problems
    or a period that is empty or longer than a year.
    """
    problems = template_problems(template)
    if problems:
        raise ValueError(f"the template cannot generate shifts: {', '.join(problems)}")
    if last_day < first_day:
        raise ValueError("the period ends before it starts")
    if (last_day - first_day).days + 1 > MAX_PERIOD_DAYS:
        raise ValueError(f"the period is longer than {MAX_PERIOD_DAYS} days")
    out: list[PlannedShift] = []
    day = first_day
    while day <= last_day:
        week = rotation_week(template, day)
        for index, line in enumerate(template.lines):
            if not _runs_on(line, day, working):
                continue
            start = datetime.combine(day, line.start)
            out.append(
                PlannedShift(
                    len(out) + 1,
                    line.route,
                    line.kind,
                    start,
                    start + timedelta(minutes=line.minutes),
                    line.grid_ids,
                    line.crews[week],
                    index,
                    week,
                )
            )
        day += timedelta(days=1)
    return out


def people_in(template: RotationTemplate) -> set[int]:
    return {p for line in template.lines for crew in line.crews for p in crew}


def grids_in(lines: Iterable[RotationLine]) -> set[int]:
    return {g for line in lines for g in line.grid_ids}
