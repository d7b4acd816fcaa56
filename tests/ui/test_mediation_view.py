"""Mediation: the "who is free" board follows bookings; the week's sessions are listed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest

from stationdesk.data import cases, mediation, uow
from stationdesk.data.mediation import MediatorStatus
from stationdesk.data.schema import MediationSession, SessionMediator
from stationdesk.data.uow import Change, unit_of_work
from stationdesk.domain.enums import Permission, SessionStatus
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.mediation import MediationView


def a_free_moment(ctx: AppContext) -> tuple[datetime, MediatorStatus]:
    """The first half hour from now on at which some mediator is free."""
    t = ctx.clock().replace(minute=0, second=0) + timedelta(hours=1)
    for _ in range(7 * 48):
        free = [m for m in mediation.mediator_board(ctx.db, t) if m.free_now]
        if free:
            return t, free[0]
        t += timedelta(minutes=30)
    raise AssertionError("no mediator is free in the next week of the demo station")


@pytest.fixture
def free(ctx: AppContext) -> tuple[datetime, MediatorStatus]:
    at, mediator = a_free_moment(ctx)
    ctx.clock = lambda: at
    return at, mediator


@pytest.fixture
def view(qtbot, ctx: AppContext, settle, free) -> Iterator[MediationView]:  # type: ignore[no-untyped-def]
    v = MediationView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)  # as in the main window: no offscreen size-hint warnings
    v.resize(1400, 900)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    settle()
    yield v


def board_row(view: MediationView, name: str) -> tuple[str, str]:
    """(Now column text, its text colour) of the mediator called ``name``."""
    table = view.board_table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            now = table.item(row, 2)
            return now.text(), now.foreground().color().name()
    raise AssertionError(f"{name} is not on the board")


def book(ctx: AppContext, mediator_id: int, start: datetime, end: datetime) -> list[Change]:
    seen: list[Change] = []
    uow.add_local_listener(seen.extend)
    try:
        case_id = cases.list_cases_page(ctx.db, limit=1).rows[0].id
        with unit_of_work(ctx.db, ctx.actor, Permission.EDIT_MEDIATION, "mediation.book") as w:
            session = w.add(
                MediationSession(
                    case_id=case_id,
                    starts_at=start,
                    ends_at=end,
                    room="第一调解室",
                    status=SessionStatus.BOOKED,
                )
            )
            w.add(SessionMediator(session_id=session.id, mediator_id=mediator_id))
    finally:
        uow.remove_local_listener(seen.extend)
    return seen


def test_board_lists_every_active_mediator_free_first(view: MediationView, ctx, free) -> None:  # type: ignore[no-untyped-def]
    at, mediator = free
    board = mediation.mediator_board(ctx.db, at)
    assert view.board_table.rowCount() == len(board)
    text, colour = board_row(view, mediator.name)
    assert text == "Free"
    assert colour == "#1b7f3b"
    assert view.board_table.item(0, 2).text() == "Free"
    assert "free" in view.board_title.text()


def test_a_booked_session_makes_the_mediator_busy(view: MediationView, ctx, free, qtbot) -> None:  # type: ignore[no-untyped-def]
    at, mediator = free
    changes = book(ctx, mediator.id, at - timedelta(minutes=15), at + timedelta(minutes=45))
    view.apply_changes(changes)
    qtbot.waitUntil(lambda: board_row(view, mediator.name)[0].startswith("Busy"), timeout=5000)
    text, colour = board_row(view, mediator.name)
    assert colour == "#8a5300"  # amber
    now = mediation.mediator_board(ctx.db, at)
    status = next(m for m in now if m.id == mediator.id)
    assert not status.free_now
    if status.next_free is not None and status.next_free.date() == at.date():
        assert text == f"Busy until {status.next_free:%H:%M}"
    # The new session is in the week's list too.
    qtbot.waitUntil(
        lambda: any(
            mediator.name in view.session_table.item(r, 3).text()
            and view.session_table.item(r, 1)
            .text()
            .startswith(f"{at - timedelta(minutes=15):%H:%M}")
            for r in range(view.session_table.rowCount())
        ),
        timeout=5000,
    )


def test_sessions_of_today_and_the_next_week_are_listed(view: MediationView, ctx, free) -> None:  # type: ignore[no-untyped-def]
    at, _mediator = free
    start = datetime.combine(at.date(), time())
    expected = mediation.sessions_between(ctx.db, start, start + timedelta(days=8))
    assert view.session_table.rowCount() == len(expected)
    for row, session in enumerate(expected):
        assert view.session_table.item(row, 2).text().startswith(session.case_no)


def test_board_is_reloaded_every_minute_and_not_for_unrelated_changes(  # type: ignore[no-untyped-def]
    view: MediationView, ctx, qtbot, monkeypatch
) -> None:
    submitted: list[str] = []
    real_submit = ctx.worker.submit
    monkeypatch.setattr(
        ctx.worker,
        "submit",
        lambda fn, done=None, err=None, what="": (
            submitted.append(what),
            real_submit(fn, done, err, what),
        ),
    )
    view.apply_changes([Change("patrol_shift", 1, 2, "update")])
    qtbot.wait(700)
    assert submitted == []
    view._minute.timeout.emit()
    qtbot.wait(700)
    assert submitted == ["mediator board"]
