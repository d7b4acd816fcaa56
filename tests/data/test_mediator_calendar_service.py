"""A mediator's calendar on both back ends: weekly windows and exceptions, version
checked and audited, and "free now" / "next free" follow them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from stationdesk.data import mediation, mediator_calendar
from stationdesk.data.database import Database
from stationdesk.data.mediator_calendar import Window
from stationdesk.data.schema import AuditEntry, Mediator
from stationdesk.data.uow import Actor, ConflictError, PermissionDeniedError
from stationdesk.domain.enums import MediatorKind, Role

MONDAY = date(2026, 11, 23)


def _mediator(db: Database) -> tuple[int, int]:
    with db.read() as s, s.begin():
        m = Mediator(name="陈调解", kind=MediatorKind.STATION_MEDIATOR)
        s.add(m)
        s.flush()
        return m.id, m.version


def _free(db: Database, mediator_id: int, at: datetime) -> mediation.MediatorStatus:
    return next(m for m in mediation.mediator_board(db, at) if m.id == mediator_id)


def test_weekly_pattern_is_replaced_and_drives_free_now(db: Database, duty: Actor) -> None:
    mid, version = _mediator(db)
    tuesday_10 = datetime.combine(MONDAY + timedelta(days=1), time(10))
    assert not _free(db, mid, tuesday_10).free_now
    version = mediator_calendar.set_weekly_pattern(
        db, duty, mid, version,
        [Window(1, time(9), time(12)), Window(1, time(14), time(17)), Window(3, time(9), time(17))],
    )  # fmt: skip
    assert _free(db, mid, tuesday_10).free_now
    lunch = _free(db, mid, tuesday_10.replace(hour=12, minute=30))
    assert not lunch.free_now and lunch.next_free == tuesday_10.replace(hour=14)
    week = mediator_calendar.mediator_week(db, mid, MONDAY + timedelta(days=4))
    assert week.monday == MONDAY and week.version == version
    assert [(w.weekday, w.start) for w in week.windows] == [
        (1, time(9)),
        (1, time(14)),
        (3, time(9)),
    ]
    # Drop the afternoon: only the changed rows are touched, the version moves on.
    version2 = mediator_calendar.set_weekly_pattern(
        db, duty, mid, version, [Window(1, time(9), time(12)), Window(3, time(9), time(17))]
    )
    assert version2 == version + 1
    assert _free(db, mid, tuesday_10.replace(hour=15)).next_free == datetime.combine(
        MONDAY + timedelta(days=3), time(9)
    )
    with db.read() as s:
        actions = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.action.like("mediator.%")))
        )
    assert "mediator.availability:delete" in actions
    assert "mediator.availability:insert" in actions
    assert "mediator.availability" in actions  # the mediator's version bump


def test_stale_calendar_edits_are_conflicts(db: Database, duty: Actor) -> None:
    mid, version = _mediator(db)
    mediator_calendar.set_weekly_pattern(db, duty, mid, version, [Window(0, time(9), time(12))])
    with pytest.raises(ConflictError):
        mediator_calendar.set_weekly_pattern(db, duty, mid, version, [])
    with pytest.raises(ConflictError):
        mediator_calendar.add_exception(db, duty, mid, version, MONDAY, "leave", "年假")
    assert len(mediator_calendar.mediator_week(db, mid, MONDAY).windows) == 1


def test_bad_windows_are_refused(db: Database, duty: Actor) -> None:
    mid, version = _mediator(db)
    with pytest.raises(ValueError):
        mediator_calendar.set_weekly_pattern(db, duty, mid, version, [Window(0, time(12), time(9))])
    with pytest.raises(ValueError):
        mediator_calendar.set_weekly_pattern(
            db, duty, mid, version, [Window(0, time(9), time(12)), Window(0, time(11), time(13))]
        )
    assert mediator_calendar.mediator_week(db, mid, MONDAY).version == version


def test_exceptions_take_a_day_off_and_can_be_removed(db: Database, duty: Actor) -> None:
    mid, version = _mediator(db)
    version = mediator_calendar.set_weekly_pattern(
        db, duty, mid, version, [Window(d, time(9), time(17)) for d in range(5)]
    )
    wednesday_10 = datetime.combine(MONDAY + timedelta(days=2), time(10))
    assert _free(db, mid, wednesday_10).free_now
    with pytest.raises(ValueError):  # a reason is required
        mediator_calendar.add_exception(db, duty, mid, version, wednesday_10.date(), "leave", " ")
    version = mediator_calendar.add_exception(
        db, duty, mid, version, wednesday_10.date(), "court_day", "出庭"
    )
    status = _free(db, mid, wednesday_10)
    assert not status.free_now and status.absent_reason == "court_day"
    assert status.next_free == wednesday_10.replace(hour=9) + timedelta(days=1)
    with pytest.raises(ValueError):  # one exception a day
        mediator_calendar.add_exception(db, duty, mid, version, wednesday_10.date(), "leave", "x")
    week = mediator_calendar.mediator_week(db, mid, MONDAY)
    exc = week.exception_on(wednesday_10.date())
    assert exc is not None and exc.kind == "court_day" and exc.note == "出庭"
    mediator_calendar.remove_exception(db, duty, mid, version, exc.id)
    assert _free(db, mid, wednesday_10).free_now


def test_law_enforcement_officers_may_not_edit_calendars(db: Database, make_actor) -> None:  # type: ignore[no-untyped-def]
    mid, version = _mediator(db)
    officer = make_actor("le", Role.LAW_ENFORCEMENT_OFFICER)
    with pytest.raises(PermissionDeniedError):
        mediator_calendar.set_weekly_pattern(db, officer, mid, version, [])
