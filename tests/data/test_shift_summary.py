"""Shift summary: the handover figures of one duty shift, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

import pytest

from stationdesk.data import cases, patrols
from stationdesk.data.cases import CaseDraft
from stationdesk.data.database import Database
from stationdesk.data.patrols import ShiftDraft
from stationdesk.data.schema import MediationSession
from stationdesk.data.shift_summary import (
    duty_shift_containing,
    previous_duty_shifts,
    shift_summary,
)
from stationdesk.data.uow import Actor, now, unit_of_work
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    PatrolStatus,
    Permission,
    Priority,
    SessionStatus,
    ShiftKind,
)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("moment", "start", "end"),
    [
        ("2026-03-02 07:59:59", "2026-03-01 20:00", "2026-03-02 08:00"),
        ("2026-03-02 08:00:00", "2026-03-02 08:00", "2026-03-02 20:00"),
        ("2026-03-02 19:59:59", "2026-03-02 08:00", "2026-03-02 20:00"),
        ("2026-03-02 20:00:00", "2026-03-02 20:00", "2026-03-03 08:00"),
        ("2026-03-02 23:30:00", "2026-03-02 20:00", "2026-03-03 08:00"),
    ],
)
def test_duty_shifts_run_from_eight_to_eight(moment: str, start: str, end: str) -> None:
    assert duty_shift_containing(at(moment)) == (at(start), at(end))


def test_previous_shifts_are_contiguous_newest_first() -> None:
    shifts = previous_duty_shifts(at("2026-03-02 10:00"), 4)
    assert shifts[0] == (at("2026-03-02 08:00"), at("2026-03-02 20:00"))
    assert len(shifts) == 4
    for newer, older in pairwise(shifts):
        assert older[1] == newer[0]


def _case(db: Database, actor: Actor, reported: datetime, category: CaseCategory) -> int:
    draft = CaseDraft(
        category=category,
        source=CaseSource.PHONE,
        priority=Priority.NORMAL,
        reported_at=reported,
        grid_id=None,
        address="南关街 3 号",
        summary="测试",
    )
    return cases.create_case(db, actor, draft).id


def _session(
    db: Database, actor: Actor, case_id: int, start: datetime, status: SessionStatus
) -> None:
    with unit_of_work(db, actor, Permission.EDIT_MEDIATION, "mediation.book") as w:
        w.add(
            MediationSession(
                case_id=case_id,
                starts_at=start,
                ends_at=start + timedelta(minutes=90),
                status=status,
            )
        )


def _patrol(db: Database, actor: Actor, start: datetime, status: PatrolStatus | None) -> None:
    sid = patrols.create_shift(
        db,
        actor,
        ShiftDraft("东片巡逻线", ShiftKind.CUSTOM, start, start + timedelta(hours=4), [], []),
    )
    if status is not None:
        patrols.set_status(db, actor, sid, 1, status)


def test_summary_counts_what_came_in_what_is_open_mediations_and_patrols(
    db: Database, duty: Actor
) -> None:
    moment = now()
    start, end = duty_shift_containing(moment)
    inside = max(start, moment - timedelta(minutes=30))
    # Two new cases in the shift (one resolved at once), one from before, one long overdue.
    _case(db, duty, inside, CaseCategory.THEFT)
    settled = _case(db, duty, inside, CaseCategory.THEFT)
    cases.change_status(db, duty, settled, 1, CaseStatus.RESOLVED)
    _case(db, duty, start - timedelta(hours=3), CaseCategory.FRAUD)
    old = _case(db, duty, moment - timedelta(days=60), CaseCategory.DISPUTE_NEIGHBOUR)
    # Mediations: one held in the shift, one booked within 24 h, one later, one cancelled.
    _session(db, duty, old, inside, SessionStatus.HELD)
    _session(db, duty, old, moment + timedelta(hours=3), SessionStatus.BOOKED)
    _session(db, duty, old, moment + timedelta(days=3), SessionStatus.BOOKED)
    _session(db, duty, old, moment + timedelta(hours=2), SessionStatus.CANCELLED)
    # Patrols starting in the shift: completed, missed, planned; and one from before it.
    _patrol(db, duty, start, PatrolStatus.COMPLETED)
    _patrol(db, duty, start, PatrolStatus.MISSED)
    _patrol(db, duty, start + timedelta(hours=1), None)
    _patrol(db, duty, start - timedelta(hours=6), PatrolStatus.MISSED)

    s = shift_summary(db, start, end, as_of=moment + timedelta(seconds=1))
    assert (s.start, s.end) == (start, end)
    assert s.as_of == moment + timedelta(seconds=1)
    assert s.new_cases == 2
    assert s.new_by_category == ((CaseCategory.THEFT, 2),)
    assert s.closed_cases == 1
    assert s.open_cases == 3  # the unsettled new one, the earlier one, the old one
    assert s.overdue == 1
    assert s.mediations_held == 1
    assert s.mediations_coming == 1
    assert (s.patrols_completed, s.patrols_missed, s.patrols_total) == (1, 1, 3)


def test_a_past_shift_counts_open_and_overdue_at_its_end(db: Database, duty: Actor) -> None:
    moment = now()
    start, end = duty_shift_containing(moment)
    before_start, before_end = previous_duty_shifts(moment, 2)[1]
    # Reported in the previous shift and resolved now: it was open at that shift's end.
    case_id = _case(db, duty, before_start + timedelta(minutes=5), CaseCategory.DRUGS)
    cases.change_status(db, duty, case_id, 1, CaseStatus.RESOLVED)
    _case(db, duty, max(start, moment - timedelta(minutes=1)), CaseCategory.ASSISTANCE)

    past = shift_summary(db, before_start, before_end, as_of=moment)
    assert past.as_of == before_end  # never later than the shift's end
    assert past.new_cases == 1
    assert past.open_cases == 1
    assert past.closed_cases == 0

    current = shift_summary(db, start, end, as_of=moment + timedelta(seconds=1))
    assert current.new_cases == 1
    assert current.closed_cases == 1
    assert current.open_cases == 1  # the assistance case; the drugs case is resolved


def test_an_empty_station_gives_zeros(db: Database) -> None:
    start, end = duty_shift_containing(now())
    s = shift_summary(db, start, end)
    assert s.new_cases == s.open_cases == s.overdue == s.patrols_total == 0
    assert s.new_by_category == ()
