"""Mediation: the "who is free" board follows bookings; the week's sessions are listed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from stationdesk.data import cases, mediation, uow
from stationdesk.data.mediation import MediatorStatus
from stationdesk.data.schema import MediationSession, SessionMediator
from stationdesk.data.uow import Change, unit_of_work
from stationdesk.domain.enums import CaseStatus, Permission, SessionStatus
from stationdesk.ui import theme
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
            mediator.name in view.sessions_panel.session_table.item(r, 3).text()
            and view.sessions_panel.session_table.item(r, 1)
            .text()
            .startswith(f"{at - timedelta(minutes=15):%H:%M}")
            for r in range(view.sessions_panel.session_table.rowCount())
        ),
        timeout=5000,
    )


def test_sessions_of_today_and_the_next_week_are_listed(view: MediationView, ctx, free) -> None:  # type: ignore[no-untyped-def]
    at, _mediator = free
    start = datetime.combine(at.date(), time())
    expected = mediation.sessions_between(ctx.db, start, start + timedelta(days=8))
    assert view.sessions_panel.session_table.rowCount() == len(expected)
    for row, session in enumerate(expected):
        assert view.sessions_panel.session_table.item(row, 2).text().startswith(session.case_no)


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


# ------------------------------------------------------------- outcomes and follow-ups


@pytest.fixture
def held(qtbot, ctx: AppContext, settle):  # type: ignore[no-untyped-def]
    """A view at the real time, with a session that began an hour ago for a case in
    mediation (its outcome not recorded yet) selected in the list."""
    from sqlalchemy import select

    from stationdesk.data.schema import Case

    with ctx.db.read() as s:
        case_id = s.scalar(
            select(Case.id)
            .where(Case.status == CaseStatus.IN_MEDIATION, Case.owner_staff_id.is_not(None))
            .order_by(Case.id)
            .limit(1)
        )
    assert case_id is not None
    at = uow.now()
    with unit_of_work(ctx.db, ctx.actor, Permission.EDIT_MEDIATION, "mediation.book") as w:
        session = w.add(MediationSession(case_id=case_id, starts_at=at - timedelta(hours=1),
                                         ends_at=at, room="第三调解室"))  # fmt: skip
        mediator_id = mediation.mediator_board(ctx.db, at)[0].id
        w.add(SessionMediator(session_id=session.id, mediator_id=mediator_id))
        session_id = session.id
    v = MediationView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)
    v.resize(1400, 900)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    settle()
    row = next(i for i, s in enumerate(v.sessions_panel.sessions.sessions) if s.id == session_id)
    v.sessions_panel.session_table.selectRow(row)
    return v, case_id, session_id


def test_recording_an_agreement_resolves_the_case_and_books_follow_ups(  # type: ignore[no-untyped-def]
    held, ctx, settle, qtbot, tmp_path
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from stationdesk.data import mediation_outcome

    view, case_id, session_id = held
    assert (
        view.sessions_panel.outcome_button.isEnabled()
        and not view.sessions_panel.agreement_button.isEnabled()
    )
    row = view.sessions_panel.session_table.currentRow()
    period = view.sessions_panel.session_table.item(row, 7)  # the case's mediation period
    assert period.text().endswith(("left", "over"))
    if period.text().endswith("over"):
        assert period.foreground().color() == theme.status_colour("overdue")
    qtbot.mouseClick(view.sessions_panel.outcome_button, Qt.MouseButton.LeftButton)
    dialog = view.sessions_panel.outcome_dialog
    assert dialog is not None and dialog.isVisible()
    save = dialog.box.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # no terms: refused, dialog stays
    settle()
    assert dialog.isVisible() and dialog.error.text() == "Write down the terms the parties agreed."
    assert cases.get_case(ctx.db, case_id).status == CaseStatus.IN_MEDIATION
    dialog.terms.setPlainText("双方互谅互让，赔偿500元。\n一周内履行完毕。")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    settle()
    assert not dialog.isVisible()
    assert cases.get_case(ctx.db, case_id).status == CaseStatus.RESOLVED
    assert (
        "Resolved" in view.sessions_panel.session_message.text()
        and "Follow-up" in view.sessions_panel.session_message.text()
    )
    row = next(i for i, s in enumerate(view.sessions_panel.sessions.sessions) if s.id == session_id)
    assert view.sessions_panel.session_table.item(row, 6).text() == "Agreement"
    view.sessions_panel.session_table.selectRow(row)
    assert (
        view.sessions_panel.agreement_button.isEnabled()
        and not view.sessions_panel.outcome_button.isEnabled()
    )
    out = tmp_path / "agreement.pdf"
    view.sessions_panel.export_agreement(session_id, out)
    settle()
    assert (
        out.read_bytes().startswith(b"%PDF")
        and "agreement.pdf" in view.sessions_panel.session_message.text()
    )

    # The officer's follow-ups tab lists both visits of the case; late ones turn red.
    view.tabs.setCurrentIndex(2)
    settle()
    panel = view.follow_ups
    panel.mine_only.setChecked(False)
    settle()
    case_no = cases.get_case(ctx.db, case_id).case_no
    rows = [
        r
        for r in range(panel.table.rowCount())
        if panel.table.item(r, 1).text().startswith(case_no)
    ]
    assert len(rows) == 2
    first_due = mediation_outcome.follow_ups(ctx.db, ctx.clock().date(), case_id=case_id)[0].due_on
    ctx.clock = lambda: datetime.combine(first_due + timedelta(days=1), time(9))
    panel.refresh()
    settle()
    late = next(
        r
        for r in range(panel.table.rowCount())
        if panel.table.item(r, 1).text().startswith(case_no)
    )
    assert panel.table.item(late, 3).text() == "Overdue"
    assert panel.table.item(late, 3).foreground().color() == theme.status_colour("overdue")
    assert "overdue" in panel.title.text()
    # Record the visit's result: it leaves the list.
    panel.table.selectRow(late)
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    result = panel.result_dialog
    assert result is not None
    result.text.setPlainText("协议已履行，双方关系缓和。")
    result.accept()
    settle()
    left = [
        r
        for r in range(panel.table.rowCount())
        if panel.table.item(r, 1).text().startswith(case_no)
    ]
    assert len(left) == 1 and "saved" in panel.message.text()


def test_no_agreement_refers_the_case(held, ctx, settle, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from stationdesk.domain.enums import MediationOutcome, ReferralTarget

    view, case_id, _session_id = held
    qtbot.mouseClick(view.sessions_panel.outcome_button, Qt.MouseButton.LeftButton)
    dialog = view.sessions_panel.outcome_dialog
    dialog.buttons_by_outcome[MediationOutcome.NO_AGREEMENT].setChecked(True)
    assert dialog.referral.currentData() == ReferralTarget.COURT  # picked for the officer
    assert not dialog.terms.isEnabled()
    dialog.referral.setCurrentIndex(dialog.referral.findData(ReferralTarget.LAW_ENFORCEMENT))
    qtbot.mouseClick(
        dialog.box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    settle()
    detail = cases.get_case(ctx.db, case_id)
    assert detail.status == CaseStatus.REFERRED
    assert detail.history[-1].reason.endswith("referred to Law-enforcement team")


def test_figures_tab_lists_every_mediator_and_month(view: MediationView, ctx, settle, free) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.data import mediation_figures

    at, _mediator = free
    view.tabs.setCurrentIndex(3)
    settle()
    expected = mediation_figures.mediator_figures(ctx.db, 6, at)
    assert view.figures.table.rowCount() == len(expected) > 0
    first = expected[0]
    assert view.figures.table.item(0, 0).text() == first.name
    assert view.figures.table.item(0, 2).text() == str(first.sessions)
    rate = first.agreement_rate
    assert view.figures.table.item(0, 8).text() == ("—" if rate is None else f"{rate:.0%}")


def test_deadline_note_counts_cases_past_their_mediation_period(
    view: MediationView, ctx, free
) -> None:  # type: ignore[no-untyped-def]
    from stationdesk.data import mediation_outcome

    at, _mediator = free
    alerts = mediation_outcome.mediation_deadlines(ctx.db, at)
    assert view.sessions_panel.deadline_note.isVisibleTo(view) == bool(alerts)
    if alerts:
        assert alerts[0].case_no in view.sessions_panel.deadline_note.text()
