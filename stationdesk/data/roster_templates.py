"""Rotation templates: stored, previewed against the roster, and applied all or nothing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from stationdesk.data.database import Database
from stationdesk.data.patrols import ShiftDraft, add_shift, shifts_between
from stationdesk.data.roster_board import (
    check_shifts,
    staff_and_grids,
    to_roster_shift,
)
from stationdesk.data.roster_settings import roster_rules
from stationdesk.data.schema_roster import RosterTemplate, RosterTemplateLine
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain.enums import PatrolStatus, Permission, ShiftKind
from stationdesk.domain.rotation import (
    CALENDARS,
    PlannedShift,
    RotationLine,
    RotationTemplate,
    generate_shifts,
    template_problems,
)
from stationdesk.domain.scheduling import RuleViolation


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    name: str
    weeks: int
    anchor: date
    lines: int
    version: int


@dataclass(frozen=True)
class GenerationPreview:
    """What applying a template would create, and the rules it would break.

    Planned shifts carry negative ids in ``violations`` (``-key``), existing shifts
    their own. ``clashes`` are the double bookings and leave errors that block saving.
    """

    template: RotationTemplate
    first_day: date
    last_day: date
    planned: tuple[PlannedShift, ...]
    violations: tuple[RuleViolation, ...]
    names: dict[int, str]  # staff id -> name
    grid_names: dict[int, str]

    @property
    def blocking(self) -> tuple[RuleViolation, ...]:
        return tuple(v for v in self.violations if v.code == "double_booking")

    @property
    def warnings(self) -> tuple[RuleViolation, ...]:
        return tuple(v for v in self.violations if v.code != "double_booking")


# ------------------------------------------------------------------ storing


def _line_row(template_id: int, position: int, line: RotationLine) -> RosterTemplateLine:
    return RosterTemplateLine(
        template_id=template_id,
        position=position,
        route=line.route.strip(),
        kind=line.kind,
        start_time=line.start,
        minutes=line.minutes,
        weekdays="".join(str(d) for d in sorted(line.weekdays)),
        calendar=line.calendar,
        grid_ids=json.dumps(sorted(line.grid_ids)),
        crews=json.dumps([sorted(c) for c in line.crews]),
    )


def _line(row: RosterTemplateLine) -> RotationLine:
    calendar = row.calendar if row.calendar in CALENDARS else "every_day"
    return RotationLine(
        row.route,
        row.kind,
        row.start_time,
        row.minutes,
        frozenset(int(g) for g in json.loads(row.grid_ids)),
        tuple(frozenset(int(p) for p in crew) for crew in json.loads(row.crews)),
        frozenset(int(d) for d in row.weekdays),
        calendar,
    )


def create_template(db: Database, actor: Actor, template: RotationTemplate) -> int:
    """Store a new template (ValueError listing its problems if it cannot generate)."""
    problems = template_problems(template)
    if problems:
        raise ValueError(f"the template cannot generate shifts: {', '.join(problems)}")
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "roster.template") as uow:
        row = uow.add(
            RosterTemplate(name=template.name.strip(), weeks=template.weeks, anchor=template.anchor)
        )
        for position, line in enumerate(template.lines):
            uow.add(_line_row(row.id, position, line))
        return row.id


def list_templates(db: Database) -> list[TemplateInfo]:
    with db.read() as s:
        counts = dict(
            s.execute(
                select(RosterTemplateLine.template_id, func.count()).group_by(
                    RosterTemplateLine.template_id
                )
            ).all()
        )
        return [
            TemplateInfo(t.id, t.name, t.weeks, t.anchor, int(counts.get(t.id, 0)), t.version)
            for t in s.scalars(select(RosterTemplate).order_by(RosterTemplate.name))
        ]


def load_template(db: Database, template_id: int) -> RotationTemplate:
    with db.read() as s:
        row = s.get(RosterTemplate, template_id)
        if row is None:
            raise LookupError(f"template {template_id} does not exist")
        lines = s.scalars(
            select(RosterTemplateLine)
            .where(RosterTemplateLine.template_id == template_id)
            .order_by(RosterTemplateLine.position)
        ).all()
        return RotationTemplate(row.id, row.name, row.weeks, row.anchor, tuple(map(_line, lines)))


# ------------------------------------------------------------------ generating


def preview_generation(
    db: Database, template_id: int, first_day: date, last_day: date, today: date
) -> GenerationPreview:
    """The shifts the template gives for the period, checked with the shifts already there.

    Leave is dated (stationdesk.data.leave), so ``today`` no longer matters; it stays for
    the callers.
    """
    template = load_template(db, template_id)
    planned = generate_shifts(template, first_day, last_day)
    start = datetime.combine(first_day, time())
    end = datetime.combine(last_day + timedelta(days=1), time())
    existing = [
        to_roster_shift(x)
        for x in shifts_between(db, start - timedelta(days=1), end + timedelta(days=1))
        if x.status != PatrolStatus.MISSED
    ]
    people, grids = staff_and_grids(db, first_day, last_day)
    rules = roster_rules(db)
    days = [first_day + timedelta(days=i) for i in range((last_day - first_day).days + 1)]
    found = check_shifts(
        existing + [p.as_roster_shift(-p.key) for p in planned],
        people,
        [g.id for g in grids],
        days,
        rules,
    )
    # Only what the new shifts cause or leave open: not old problems between old shifts.
    relevant = tuple(
        v
        for v in found
        if (v.shift_id is not None and v.shift_id < 0)
        or (v.code == "double_booking" and _negative(v.params.get("other_shift_id")))
        or v.code in ("coverage_gap", "weekly_hours")
    )
    return GenerationPreview(
        template,
        first_day,
        last_day,
        tuple(planned),
        relevant,
        {p.id: p.name for p in people},
        {g.id: g.name for g in grids},
    )


def _negative(value: object) -> bool:
    return isinstance(value, int) and value < 0


def apply_generation(
    db: Database, actor: Actor, template_id: int, first_day: date, last_day: date
) -> list[int]:
    """Create every shift of the template for the period in one transaction.

    All or nothing: a double booking (DoubleBookingError) or an unknown person
    (RosterError) saves none of them. Warnings do not stop it.
    """
    template = load_template(db, template_id)
    planned = generate_shifts(template, first_day, last_day)
    with unit_of_work(db, actor, Permission.EDIT_PATROLS, "roster.generate") as uow:
        return [add_shift(uow, _draft(p)).id for p in planned]


def _draft(p: PlannedShift) -> ShiftDraft:
    return ShiftDraft(p.route, p.kind, p.start, p.end, sorted(p.member_ids), sorted(p.grid_ids))


def simple_line(
    route: str,
    kind: ShiftKind,
    start_hour: int,
    hours: int,
    grid_ids: Sequence[int],
    crews: Sequence[Sequence[int]],
) -> RotationLine:
    """A line running every day (for demo data and tests)."""
    return RotationLine(
        route,
        kind,
        time(start_hour),
        hours * 60,
        frozenset(grid_ids),
        tuple(frozenset(c) for c in crews),
    )
