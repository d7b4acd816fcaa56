"""Mediator figures equal plain SQL counts of the same sessions (both back ends)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import text

from stationdesk.data import mediation_figures
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    MediationSession,
    Mediator,
    MediatorAvailability,
    MediatorException,
    SessionMediator,
)
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import MediationOutcome, MediatorKind, SessionStatus

AT = datetime(2026, 11, 28, 12, 0)


def _station(db: Database) -> tuple[int, int]:
    """Two mediators; a month of sessions in October and November."""

    with db.read() as s, s.begin():
        a = Mediator(name="甲", kind=MediatorKind.STATION_MEDIATOR)
        b = Mediator(name="乙", kind=MediatorKind.RESIDENT_LAWYER)
        s.add_all([a, b])
        s.flush()
        for wd in range(5):  # a: 8 h every weekday; b: 3 h on Mondays
            s.add(MediatorAvailability(mediator_id=a.id, weekday=wd, start_time=time(9),
                                       end_time=time(17)))  # fmt: skip
        s.add(MediatorAvailability(mediator_id=b.id, weekday=0, start_time=time(9),
                                   end_time=time(12)))  # fmt: skip
        s.add(MediatorException(mediator_id=a.id, day=date(2026, 11, 2), kind="leave"))
        ids = a.id, b.id
    return ids


def _sessions(db: Database, duty: Actor, a: int, b: int) -> None:
    from stationdesk.data import cases
    from stationdesk.domain.enums import CaseCategory, CaseSource, Priority

    case = cases.create_case(
        db,
        duty,
        cases.CaseDraft(CaseCategory.DISPUTE_FAMILY, CaseSource.PHONE, Priority.LOW, AT, None,
                        "", "纠纷"),
    )  # fmt: skip
    plan = [
        # (start, hours, mediators, status, outcome)
        (datetime(2026, 10, 5, 9), 2, (a,), SessionStatus.HELD, MediationOutcome.AGREEMENT),
        (datetime(2026, 10, 6, 9), 1, (a, b), SessionStatus.HELD, MediationOutcome.NO_AGREEMENT),
        (datetime(2026, 11, 3, 9), 1, (a,), SessionStatus.HELD, MediationOutcome.AGREEMENT),
        (datetime(2026, 11, 9, 10), 2, (b,), SessionStatus.HELD, MediationOutcome.PARTIAL),
        (datetime(2026, 11, 10, 9), 3, (a,), SessionStatus.CANCELLED, None),
        (datetime(2026, 11, 30, 9), 1, (a,), SessionStatus.BOOKED, None),
        (datetime(2026, 8, 3, 9), 1, (a,), SessionStatus.HELD, MediationOutcome.AGREEMENT),
    ]
    with db.read() as s, s.begin():
        for start, hours, who, status, outcome in plan:
            ms = MediationSession(case_id=case.id, starts_at=start,
                                  ends_at=start + timedelta(hours=hours), status=status,
                                  outcome=outcome)  # fmt: skip
            s.add(ms)
            s.flush()
            for m in who:
                s.add(SessionMediator(session_id=ms.id, mediator_id=m))


SQL = """
SELECT count(*),
       sum(CASE WHEN ms.outcome IS NOT NULL THEN 1 ELSE 0 END),
       sum(CASE WHEN ms.outcome = 'agreement' THEN 1 ELSE 0 END)
FROM mediation_session ms JOIN session_mediator sm ON sm.session_id = ms.id
WHERE sm.mediator_id = :m AND ms.status <> 'cancelled'
  AND ms.starts_at >= :start AND ms.starts_at < :end
"""


def test_figures_equal_sql_counts(db: Database, duty: Actor) -> None:
    a, b = _station(db)
    _sessions(db, duty, a, b)
    figures = mediation_figures.mediator_figures(db, 2, AT)
    assert [(f.name, f.month) for f in figures] == [
        ("乙", date(2026, 10, 1)), ("乙", date(2026, 11, 1)),  # resident lawyer
        ("甲", date(2026, 10, 1)), ("甲", date(2026, 11, 1)),  # station mediator
    ]  # fmt: skip
    months = {date(2026, 10, 1): date(2026, 11, 1), date(2026, 11, 1): date(2026, 12, 1)}
    with db.engine.connect() as conn:
        for f in figures:
            n, decided, agreed = conn.execute(
                text(SQL),
                {"m": f.mediator_id, "start": datetime.combine(f.month, time()),
                 "end": datetime.combine(months[f.month], time())},
            ).one()  # fmt: skip
            assert (f.sessions, f.with_outcome, f.agreements) == (n, decided or 0, agreed or 0)
    by = {(f.name, f.month.month): f for f in figures}
    # November: 21 weekdays, one on leave -> 20 x 8 h; 1 h held + 1 h booked.
    assert by[("甲", 11)].available_hours == 160
    assert by[("甲", 11)].booked_hours == 2
    assert by[("甲", 11)].utilisation == 2 / 160
    assert by[("甲", 10)].agreement_rate == 0.5
    assert by[("乙", 11)].agreement_rate == 0.0
    assert by[("乙", 11)].available_hours == 5 * 3  # five Mondays
    assert by[("乙", 10)].utilisation == 1 / 12


def test_weekly_agreement_rate(db: Database, duty: Actor) -> None:
    a, b = _station(db)
    _sessions(db, duty, a, b)
    weeks = mediation_figures.weekly_agreement_rate(db, 9, AT)
    assert len(weeks) == 9 and weeks[-1].monday == date(2026, 11, 23)
    rates = {w.monday: (w.with_outcome, w.agreements) for w in weeks}
    assert rates[date(2026, 10, 5)] == (2, 1)
    assert rates[date(2026, 11, 2)] == (1, 1)
    assert rates[date(2026, 11, 9)] == (1, 0)
    assert sum(w.with_outcome for w in weeks) == 4  # August is before the window
