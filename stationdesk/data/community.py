"""Community work: household visits against targets, and "Five Prevention" outreach.

Visit targets are station settings (``station_setting``, key ``community.visit_targets``):
a period (month by default), a station-wide number of visits per grid and period,
and per-grid overrides. Reading never fails: a missing or unreadable setting is the
default. Writing needs ``Permission.MANAGE_STATION``; logging visits and outreach
events ``Permission.EDIT_COMMUNITY_WORK``. Every write goes through the unit of work.

A visit's purpose is a short label of its own (migration 0007); visits logged before
it have none.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from stationdesk.data.database import Database
from stationdesk.data.schema import Grid, HouseholdVisit, OutreachEvent, Setting, Staff, User
from stationdesk.data.uow import Actor, NotFoundError, now, unit_of_work
from stationdesk.domain.community import (
    DEFAULT_VISIT_TARGET,
    OutreachDraft,
    Period,
    PeriodKind,
    VisitDraft,
    check_outreach,
    check_target,
    check_visit,
    period_containing,
)
from stationdesk.domain.enums import OutreachTopic, Permission
from stationdesk.domain.validation import FieldError, ValidationErrors

log = logging.getLogger(__name__)

TARGETS_KEY = "community.visit_targets"
VISIT_PAGE = 100


# ---------------------------------------------------------------------- targets


@dataclass(frozen=True)
class VisitTargets:
    """Visits expected per grid and period: a station-wide number, per-grid overrides."""

    period: PeriodKind = PeriodKind.MONTH
    default: int = DEFAULT_VISIT_TARGET
    per_grid: dict[int, int] = field(default_factory=dict, hash=False)

    def for_grid(self, grid_id: int) -> int:
        return self.per_grid.get(grid_id, self.default)


def encode_targets(targets: VisitTargets) -> str:
    return json.dumps(
        {
            "period": targets.period.value,
            "default": targets.default,
            "grids": {str(k): v for k, v in sorted(targets.per_grid.items())},
        },
        sort_keys=True,
    )


def decode_targets(text: str) -> VisitTargets:
    """The targets in ``text``; ValueError when they are not valid."""
    raw = json.loads(text)
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    grids = raw.get("grids", {})
    if not isinstance(grids, dict):
        raise ValueError("grids: expected an object")
    return VisitTargets(
        PeriodKind(raw.get("period", PeriodKind.MONTH.value)),
        check_target(raw.get("default", DEFAULT_VISIT_TARGET), "default"),
        {int(k): check_target(v, f"grid.{k}") for k, v in grids.items()},
    )


def visit_targets(db: Database) -> VisitTargets:
    """The station's visit targets (the defaults until an administrator sets them)."""
    with db.read() as s:
        text = s.scalar(select(Setting.value).where(Setting.key == TARGETS_KEY))
    if text is None:
        return VisitTargets()
    try:
        return decode_targets(text)
    except (ValueError, TypeError) as exc:
        log.warning("the stored visit targets are unreadable (%s); using the default", exc)
        return VisitTargets()


def set_visit_targets(db: Database, actor: Actor, targets: VisitTargets) -> None:
    """Store the targets (ValidationErrors for a number out of range; nothing saved)."""
    v_errors: list[FieldError] = []
    for name, number in [("default", targets.default)] + [
        (f"grid.{k}", n) for k, n in targets.per_grid.items()
    ]:
        try:
            check_target(number, name)
        except FieldError as exc:
            v_errors.append(exc)
    if v_errors:
        raise ValidationErrors(v_errors)
    value = encode_targets(targets)
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "settings.visit_targets") as uow:
        if targets.per_grid:
            known = set(uow.session.scalars(select(Grid.id).where(Grid.id.in_(targets.per_grid))))
            missing = sorted(set(targets.per_grid) - known)
            if missing:
                raise NotFoundError(Grid.__tablename__, missing[0])
        setting = uow.session.get(Setting, TARGETS_KEY)
        if setting is None:
            uow.add(Setting(key=TARGETS_KEY, value=value))
        elif setting.value != value:
            old = setting.value
            setting.value = value
            uow.session.flush()
            uow.touch(setting, {"key": TARGETS_KEY, "value": old}, {"value": value})


# ----------------------------------------------------------------------- visits


def log_visit(db: Database, actor: Actor, draft: VisitDraft, at: datetime | None = None) -> int:
    """Record a household visit; returns its id.

    Every bad field is reported at once (ValidationErrors) and nothing is saved; a
    grid or officer deleted meanwhile is reported the same way. ``at`` is "now"
    for the future-time check (tests).
    """
    clean = check_visit(draft, at or now())
    assert clean.grid_id is not None and clean.officer_id is not None
    assert clean.visited_at is not None
    with unit_of_work(db, actor, Permission.EDIT_COMMUNITY_WORK, "community.visit") as uow:
        errors = []
        if uow.session.get(Grid, clean.grid_id) is None:
            errors.append(FieldError("grid", "unknown_choice"))
        officer = uow.session.get(Staff, clean.officer_id)
        if officer is None or not officer.active:
            errors.append(FieldError("officer", "unknown_choice"))
        if errors:
            raise ValidationErrors(errors)
        visit = uow.add(
            HouseholdVisit(
                grid_id=clean.grid_id,
                officer_id=clean.officer_id,
                visited_at=clean.visited_at.replace(microsecond=0),
                household=clean.household,
                address=clean.address,
                purpose=clean.purpose,
                notes=clean.notes,
            )
        )
        return int(visit.id)


@dataclass(frozen=True)
class VisitInfo:
    id: int
    visited_at: datetime
    grid_id: int
    grid_name: str
    officer_id: int | None
    officer_name: str
    household: str
    address: str
    purpose: str
    notes: str


def recent_visits(
    db: Database,
    period: Period,
    grid_id: int | None = None,
    after: tuple[datetime, int] | None = None,
    limit: int = VISIT_PAGE,
) -> list[VisitInfo]:
    """Visits of ``period``, newest first, one page at a time (keyset: pass the last
    row's (visited_at, id) as ``after`` for the next page)."""
    stmt = (
        select(
            HouseholdVisit.id,
            HouseholdVisit.visited_at,
            HouseholdVisit.grid_id,
            Grid.name,
            HouseholdVisit.officer_id,
            Staff.name,
            HouseholdVisit.household,
            HouseholdVisit.address,
            HouseholdVisit.purpose,
            HouseholdVisit.notes,
        )
        .join(Grid, Grid.id == HouseholdVisit.grid_id)
        .outerjoin(Staff, Staff.id == HouseholdVisit.officer_id)
        .where(
            HouseholdVisit.visited_at >= period.first_moment,
            HouseholdVisit.visited_at < period.end_moment,
        )
        .order_by(HouseholdVisit.visited_at.desc(), HouseholdVisit.id.desc())
        .limit(limit)
    )
    if grid_id is not None:
        stmt = stmt.where(HouseholdVisit.grid_id == grid_id)
    if after is not None:
        stmt = stmt.where(tuple_(HouseholdVisit.visited_at, HouseholdVisit.id) < after)
    with db.read() as s:
        rows = s.execute(stmt).all()
    return [
        VisitInfo(vid, at, gid, gname, oid, oname or "", hh, addr, purpose, notes or "")
        for vid, at, gid, gname, oid, oname, hh, addr, purpose, notes in rows
    ]


@dataclass(frozen=True)
class Progress:
    """Visits done against the target of one grid or officer in a period."""

    id: int
    name: str
    done: int
    target: int
    # A grid's responsible officer; the grids an officer is responsible for.
    related: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.done / self.target if self.target else 1.0


@dataclass(frozen=True)
class VisitProgress:
    period: Period
    grids: tuple[Progress, ...]
    officers: tuple[Progress, ...]

    @property
    def done(self) -> int:
        return sum(p.done for p in self.grids)

    @property
    def target(self) -> int:
        return sum(p.target for p in self.grids)


def visit_progress(db: Database, period: Period | None = None) -> VisitProgress:
    """Visits per grid and per officer in ``period`` against the targets.

    A grid's target is its own; an officer's is the sum of the targets of the grids
    they are responsible for (helpers who visit have a count but no target).
    ``period`` defaults to the current period of the configured kind.
    """
    targets = visit_targets(db)
    if period is None:
        period = period_containing(now().date(), targets.period)
    in_period = (
        HouseholdVisit.visited_at >= period.first_moment,
        HouseholdVisit.visited_at < period.end_moment,
    )
    with db.read() as s:
        grids = s.execute(
            select(Grid.id, Grid.name, Grid.responsible_officer_id, Staff.name)
            .outerjoin(Staff, Staff.id == Grid.responsible_officer_id)
            .order_by(Grid.code)
        ).all()
        by_grid = dict(
            s.execute(
                select(HouseholdVisit.grid_id, func.count())
                .where(*in_period)
                .group_by(HouseholdVisit.grid_id)
            ).all()
        )
        by_officer: dict[int, tuple[str, int]] = {
            oid: (name, int(n))
            for oid, name, n in s.execute(
                select(HouseholdVisit.officer_id, Staff.name, func.count())
                .join(Staff, Staff.id == HouseholdVisit.officer_id)
                .where(*in_period)
                .group_by(HouseholdVisit.officer_id, Staff.name)
            )
            if oid is not None
        }
    grid_rows = tuple(
        Progress(
            gid, name, int(by_grid.get(gid, 0)), targets.for_grid(gid), (oname,) if oname else ()
        )
        for gid, name, _oid, oname in grids
    )
    officer_target: dict[int, int] = {}
    officer_grids: dict[int, list[str]] = {}
    officer_names: dict[int, str] = {}
    for gid, name, oid, oname in grids:
        if oid is not None:
            officer_target[oid] = officer_target.get(oid, 0) + targets.for_grid(gid)
            officer_grids.setdefault(oid, []).append(name)
            officer_names[oid] = oname or ""
    ids = set(officer_target) | set(by_officer)
    officers = [
        Progress(
            oid,
            by_officer[oid][0] if oid in by_officer else officer_names[oid],
            by_officer[oid][1] if oid in by_officer else 0,
            officer_target.get(oid, 0),
            tuple(officer_grids.get(oid, ())),
        )
        for oid in ids
    ]
    # Responsible officers first (furthest behind first), then helpers by count.
    officers.sort(key=lambda p: (p.target == 0, p.share if p.target else -p.done, p.name))
    return VisitProgress(period, grid_rows, tuple(officers))


# --------------------------------------------------------------------- outreach


def log_outreach(
    db: Database, actor: Actor, draft: OutreachDraft, at: datetime | None = None
) -> int:
    """Record an outreach event; returns its id (ValidationErrors: nothing saved)."""
    clean = check_outreach(draft, at or now())
    assert clean.held_at is not None and clean.topic is not None
    with unit_of_work(db, actor, Permission.EDIT_COMMUNITY_WORK, "community.outreach") as uow:
        if uow.session.get(Grid, clean.grid_id) is None:
            raise ValidationErrors([FieldError("grid", "unknown_choice")])
        event = uow.add(
            OutreachEvent(
                grid_id=clean.grid_id,
                topic=clean.topic,
                held_at=clean.held_at.replace(microsecond=0),
                place=clean.place,
                attendees=clean.attendees,
                organiser_id=clean.organiser_id or actor_staff_id(uow.session, actor),
            )
        )
        return int(event.id)


def actor_staff_id(session: Session, actor: Actor) -> int | None:
    """The staff member behind the signed-in account (None for system accounts)."""
    if actor.user_id is None:
        return None
    return session.scalar(select(User.staff_id).where(User.id == actor.user_id))


@dataclass(frozen=True)
class OutreachInfo:
    id: int
    held_at: datetime
    topic: OutreachTopic
    grid_id: int | None
    grid_name: str
    place: str
    attendees: int


@dataclass(frozen=True)
class OutreachSummary:
    """Events and attendance per topic and grid in a period."""

    period: Period
    grids: tuple[tuple[int, str], ...]  # every grid, by code
    events: dict[tuple[OutreachTopic, int | None], int] = field(hash=False)
    attendance: dict[tuple[OutreachTopic, int | None], int] = field(hash=False)
    recent: tuple[OutreachInfo, ...] = ()

    def per_topic(self) -> dict[OutreachTopic, int]:
        out = dict.fromkeys(OutreachTopic, 0)
        for (topic, _grid), n in self.events.items():
            out[topic] += n
        return out

    def per_grid(self) -> dict[int | None, int]:
        out: dict[int | None, int] = {gid: 0 for gid, _name in self.grids}
        for (_topic, grid), n in self.events.items():
            out[grid] = out.get(grid, 0) + n
        return out


def outreach_summary(db: Database, period: Period, recent: int = 50) -> OutreachSummary:
    """Counts per (topic, grid) of events held in ``period`` and the latest events."""
    cond = (OutreachEvent.held_at >= period.first_moment, OutreachEvent.held_at < period.end_moment)
    with db.read() as s:
        grids = tuple((gid, name) for gid, name in s.execute(
            select(Grid.id, Grid.name).order_by(Grid.code)
        ))  # fmt: skip
        events: dict[tuple[OutreachTopic, int | None], int] = {}
        attendance: dict[tuple[OutreachTopic, int | None], int] = {}
        for topic, gid, n, people in s.execute(
            select(
                OutreachEvent.topic,
                OutreachEvent.grid_id,
                func.count(),
                func.coalesce(func.sum(OutreachEvent.attendees), 0),
            )
            .where(*cond)
            .group_by(OutreachEvent.topic, OutreachEvent.grid_id)
        ):
            events[(topic, gid)] = int(n)
            attendance[(topic, gid)] = int(people)
        latest = s.execute(
            select(
                OutreachEvent.id,
                OutreachEvent.held_at,
                OutreachEvent.topic,
                OutreachEvent.grid_id,
                Grid.name,
                OutreachEvent.place,
                OutreachEvent.attendees,
            )
            .outerjoin(Grid, Grid.id == OutreachEvent.grid_id)
            .where(*cond)
            .order_by(OutreachEvent.held_at.desc(), OutreachEvent.id.desc())
            .limit(recent)
        ).all()
    return OutreachSummary(
        period,
        grids,
        events,
        attendance,
        tuple(
            OutreachInfo(i, at, topic, gid, gname or "", place, people)
            for i, at, topic, gid, gname, place, people in latest
        ),
    )
