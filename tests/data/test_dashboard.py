"""The overview's figures equal plain SQL counts on a demo station (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, or_, select

from stationdesk.data import dashboard, overview_queries
from stationdesk.data.database import Database
from stationdesk.data.demo import generate_demo
from stationdesk.data.schema import Case
from stationdesk.domain.enums import OPEN_STATUSES, CaseCategory

NOW = datetime(2026, 11, 20, 15, 37, 12)


@pytest.fixture
def station(db: Database) -> Database:
    generate_demo(db, cases=1500, seed=11, now=NOW)
    return db


def naive_overdue_at(db: Database, end: datetime) -> int:
    """Due before ``end`` and not closed by then: one plain count."""
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).where(
                    Case.resolution_due < end,
                    or_(Case.closed_at.is_(None), Case.closed_at >= end),
                )
            ).scalar_one()
        )


def test_overdue_trend_equals_a_count_per_day(station: Database) -> None:
    days = 30
    trend = dashboard.overdue_trend(station, NOW.date(), days)
    assert [d for d, _n in trend] == [
        NOW.date() - timedelta(days=days - 1 - i) for i in range(days)
    ]
    expected = [
        naive_overdue_at(station, datetime.combine(d + timedelta(days=1), time()))
        for d, _n in trend
    ]
    assert [n for _d, n in trend] == expected
    assert max(expected) > 0


def test_overdue_trend_of_an_earlier_window_counts_later_closures(station: Database) -> None:
    """A window ending before today: cases closed after it still count inside it."""
    end = NOW.date() - timedelta(days=10)
    trend = dashboard.overdue_trend(station, end, 14)
    expected = [
        naive_overdue_at(station, datetime.combine(d + timedelta(days=1), time()))
        for d, _n in trend
    ]
    assert [n for _d, n in trend] == expected


def test_trend_to_now_ends_on_the_overdue_tile(station: Database) -> None:
    trend = overview_queries.overdue_trend_to_now(station, NOW, 30)
    tiles = dashboard.overview_tiles(station, NOW)
    assert len(trend) == 30 and trend[-1] == (NOW.date(), tiles.overdue)


def test_tiles_equal_plain_counts(station: Database) -> None:
    tiles = dashboard.overview_tiles(station, NOW)
    open_ = Case.status.in_(OPEN_STATUSES)
    with station.engine.connect() as conn:
        rows = conn.execute(
            select(Case.resolution_due, Case.owner_staff_id, Case.owner_team).where(open_)
        ).all()
    assert tiles.open_cases == len(rows) > 0
    assert tiles.overdue == sum(1 for due, _s, _t in rows if due is not None and due < NOW)
    assert tiles.unassigned == sum(1 for _d, s, t in rows if s is None and t is None)


def test_cases_per_hour_equals_the_reported_times(station: Database) -> None:
    per_hour = dashboard.cases_per_hour(station, NOW, 24)
    start = NOW.replace(minute=0, second=0) - timedelta(hours=23)
    with station.engine.connect() as conn:
        rows = conn.execute(
            select(Case.reported_at, Case.category).where(
                Case.reported_at >= start, Case.reported_at <= NOW
            )
        ).all()
    expected = {c: [0] * 24 for c in CaseCategory}
    for reported, category in rows:
        expected[category][int((reported - start).total_seconds() // 3600)] += 1
    assert per_hour == expected
    assert sum(map(sum, per_hour.values())) == len(rows) > 0


def test_an_empty_station_has_zero_figures(db: Database) -> None:
    assert all(n == 0 for _d, n in dashboard.overdue_trend(db, date(2026, 1, 31), 30))
    assert sum(map(sum, dashboard.cases_per_hour(db, NOW).values())) == 0


def test_mediators_free_agrees_with_the_mediator_board(station: Database) -> None:
    from stationdesk.data.mediation import mediator_board

    day = NOW.date()
    seen = []
    for hour in (3, 9, 10, 11, 14, 15, 16, 20):
        at = datetime.combine(day, time(hour, 17))
        free = sum(1 for m in mediator_board(station, at, horizon_days=0) if m.free_now)
        assert dashboard.overview_tiles(station, at).mediators_free == free, at
        seen.append(free)
    assert max(seen) > 0 and min(seen) == 0  # both states occur: the test can fail


def test_agreement_rate_per_week_counts_the_held_sessions(station: Database) -> None:
    from stationdesk.data.schema import MediationSession

    weeks = overview_queries.agreement_rate_by_week(station, NOW, 12)
    monday = NOW.date() - timedelta(days=NOW.weekday())
    assert [w.week_start for w in weeks][-1] == monday
    with station.engine.connect() as conn:
        rows = conn.execute(
            select(MediationSession.starts_at, MediationSession.outcome).where(
                MediationSession.outcome.is_not(None)
            )
        ).all()
    for week in weeks:
        held = [o for t, o in rows if week.week_start <= t.date() < week.week_start + timedelta(7)]
        assert week.with_outcome == len(held)
        assert week.agreement == sum(1 for o in held if o == "agreement")
    assert sum(w.with_outcome for w in weeks) > 0


def test_mediator_day_and_patrol_coverage_match_the_rows(station: Database) -> None:
    from stationdesk.data.mediation import sessions_between
    from stationdesk.data.patrols import shifts_between
    from stationdesk.domain.enums import PatrolStatus, SessionStatus

    day = NOW.date()
    start = datetime.combine(day, time())
    end = start + timedelta(days=1)
    timeline = overview_queries.mediator_timeline(station, day)
    sessions = [
        s for s in sessions_between(station, start, end) if s.status != SessionStatus.CANCELLED
    ]
    assert sum(len(m.booked) for m in timeline) == sum(len(s.mediators) for s in sessions) > 0
    assert all(m.available == () for m in timeline if m.absent_reason)

    coverage = {gid: hours for gid, _name, hours in overview_queries.patrol_coverage(station, day)}
    for shift in shifts_between(station, start, end):
        if shift.status != PatrolStatus.MISSED:
            hours = (min(shift.ends_at, end) - max(shift.starts_at, start)).total_seconds() / 3600
            for gid, _name in shift.grids:
                assert coverage[gid] >= hours - 1e-9
    assert all(0 <= h <= 24 for h in coverage.values()) and max(coverage.values()) > 0
