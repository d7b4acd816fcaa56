"""More forms while the real PostgreSQL server goes away and comes back (issue #10).

The same private server, TCP proxy and live change feed as test_offline_forms.py; here
the mediation booking dialog, the week board and the household visit form. Afterwards
the database itself is asked what was saved: once or not at all, and the officer was
told which.
"""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, func, select
from test_offline_forms import (
    Desk,
    chain_lock,
    desk,
    desk_server,
    draft_for_note,
    waiting_on_lock,
)

from stationdesk.data import case_timeline, cases
from stationdesk.data.schema import HouseholdVisit, PatrolMember, Staff
from stationdesk.data.uow import SYSTEM, unit_of_work
from stationdesk.domain.enums import PatrolStatus, Permission, StaffKind
from stationdesk.ui.booking_dialog import BookingDialog
from stationdesk.ui.views.community import CommunityView
from stationdesk.ui.views.patrols import PatrolsView
from stationdesk.ui.week_board_model import column_of

__all__ = ["desk", "desk_server"]  # the fixtures, shared with test_offline_forms.py

pytestmark = [pytest.mark.pg, pytest.mark.slow]

# Showing a window makes the offscreen platform say it cannot pass size hints on.
IGNORE_SIZE_HINTS = pytest.mark.qt_log_ignore("This plugin does not support")


def idle(qtbot, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: desk.ctx.worker.pending == 0, timeout=15_000)


def open_dispute(desk: Desk) -> int:
    """A new neighbours' dispute, reported just now on another workstation."""
    return cases.create_case(desk.other, desk.ctx.actor, draft_for_note()).id


def future_sessions(desk: Desk, case_id: int, since: datetime) -> int:
    return len([s for s in case_timeline.sessions(desk.other, case_id) if s.starts_at >= since])


@IGNORE_SIZE_HINTS
def test_a_booking_cut_off_by_a_stop_is_unknown_then_answered_and_booked_once(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    case_id = open_dispute(desk)
    now = desk.ctx.clock()
    dialog = BookingDialog(desk.ctx, case_id)  # modal: no set_online, the runner watches ctx
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.mediator_tree.topLevelItemCount() > 0, timeout=15_000)
    idle(qtbot, desk)
    assert dialog.book_button.isEnabled(), dialog.why_not()
    mediator = dialog.mediator_tree.currentItem().text(0)
    slot = dialog.slot_list.currentItem().text()
    name = str(desk.other.url.database)

    with chain_lock(desk.server, name):
        dialog.book()
        qtbot.waitUntil(lambda: waiting_on_lock(desk.server, name), timeout=15_000)
        desk.server.stop("fast")  # the booking in flight loses its connection
    qtbot.waitUntil(lambda: dialog.runner.outcome_unknown, timeout=30_000)
    assert "Unknown whether it was saved" in dialog.message_text()
    assert not dialog.book_button.isEnabled()
    assert "Not known yet" in dialog.book_button.toolTip()
    dialog.book()  # pressed again anyway: nothing is queued
    assert dialog.runner.outcome_unknown and dialog.isVisible()

    desk.server.start()
    qtbot.waitUntil(lambda: not dialog.runner.outcome_unknown, timeout=40_000)
    text = dialog.message_text()
    assert "The connection is back" in text and "did not go through" in text
    assert dialog.isVisible()  # the choice is still there
    assert dialog.mediator_tree.currentItem().text(0) == mediator
    assert dialog.slot_list.currentItem().text() == slot
    assert future_sessions(desk, case_id, now) == 0  # and never can be: the token is fenced

    idle(qtbot, desk)
    qtbot.waitUntil(lambda: dialog.book_button.isEnabled(), timeout=15_000)
    with qtbot.waitSignal(dialog.booked, timeout=20_000):
        dialog.book()
    assert future_sessions(desk, case_id, now) == 1


@IGNORE_SIZE_HINTS
def test_a_booking_whose_reply_was_lost_is_confirmed_once(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    case_id = open_dispute(desk)
    now = desk.ctx.clock()
    dialog = BookingDialog(desk.ctx, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.mediator_tree.topLevelItemCount() > 0, timeout=15_000)
    idle(qtbot, desk)
    assert dialog.book_button.isEnabled(), dialog.why_not()

    def on_commit(_conn: object) -> None:
        desk.proxy.set_mode("mute")  # the COMMIT reaches the server; its reply does not
        threading.Timer(0.3, desk.proxy.set_mode, ("reset",)).start()

    event.listen(desk.ctx.db.engine, "commit", on_commit, once=True)
    booked: list[object] = []
    dialog.booked.connect(booked.append)
    dialog.book()
    qtbot.waitUntil(lambda: dialog.runner.outcome_unknown, timeout=30_000)
    assert "Unknown whether it was saved" in dialog.message_text()
    assert dialog.isVisible() and not dialog.book_button.isEnabled()

    desk.proxy.set_mode("pass")
    qtbot.waitUntil(lambda: bool(booked), timeout=40_000)
    assert booked == [None]  # confirmed through the token: the case panel reloads
    assert not dialog.isVisible()
    assert future_sessions(desk, case_id, now) == 1


def new_volunteer(desk: Desk, name: str) -> int:
    with unit_of_work(desk.other, SYSTEM, Permission.MANAGE_STATION, "test.staff") as uow:
        return int(uow.add(Staff(name=name, kind=StaffKind.VOLUNTEER)).id)


def members(desk: Desk, shift_id: int) -> set[int]:
    with desk.other.read() as s:
        rows = s.scalars(select(PatrolMember.staff_id).where(PatrolMember.shift_id == shift_id))
        return set(rows)


@IGNORE_SIZE_HINTS
def test_a_roster_assignment_while_offline_is_blocked_and_kept(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    volunteer = new_volunteer(desk, "断线志愿者")
    view = PatrolsView(desk.ctx)
    qtbot.addWidget(view)
    view.resize(1500, 950)
    desk.forms.append(view)
    view.show()
    board = view.show_week_board()
    qtbot.waitUntil(lambda: board.week is not None, timeout=15_000)
    idle(qtbot, desk)
    assert board.week is not None
    shift = next(s for s in board.week.shifts if s.status == PatrolStatus.PLANNED and s.grids)
    row = next(i for i, r in enumerate(board.model.rows) if r.id == shift.grids[0][0])
    col = column_of(shift, board.week.monday)
    assert col is not None

    desk.server.stop("fast")
    qtbot.waitUntil(lambda: not desk.ctx.online, timeout=15_000)
    board.drop(volunteer, None, row, col)
    assert board.message.isVisible()
    assert "Offline: the roster cannot be changed" in board.message.text()
    assert board.carrying == (volunteer, None)  # still picked up
    assert not any(b.isEnabled() for b in board._status_buttons.values())

    desk.server.start()
    qtbot.waitUntil(lambda: desk.ctx.online, timeout=15_000)
    idle(qtbot, desk)
    board.select_cell(row, col)
    board.table.setFocus()
    qtbot.keyClick(board.table, Qt.Key.Key_Return)  # put the carried person there
    qtbot.waitUntil(lambda: "assigned" in board.message.text(), timeout=20_000)
    assert board.carrying is None
    assert volunteer in members(desk, shift.id)


def count_visits(desk: Desk, household: str) -> int:
    with desk.other.read() as s:
        query = select(func.count()).where(HouseholdVisit.household == household)
        return int(s.scalar(query) or 0)


def visits_tab(qtbot, desk: Desk):  # type: ignore[no-untyped-def]
    view = CommunityView(desk.ctx)
    qtbot.addWidget(view)
    view.resize(1500, 950)
    desk.forms.append(view)
    view.show()
    view.refresh()
    view.tabs.setCurrentWidget(view.visits_tab)
    tab = view.visits_tab
    qtbot.waitUntil(lambda: tab.data is not None, timeout=15_000)
    idle(qtbot, desk)
    grid = tab.data.progress.grids[0]
    tab.grid_combo.setEditText(grid.name)
    tab._grid_chosen()
    tab.address_edit.setText("幸福路 9 号")
    tab.purpose_combo.setEditText("核实实有人口信息")
    return tab


@IGNORE_SIZE_HINTS
def test_a_visit_cut_off_by_a_stop_is_not_saved_and_the_officer_is_told(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    tab = visits_tab(qtbot, desk)
    household = "停机时走访的住户"
    tab.household_edit.setText(household)
    name = str(desk.other.url.database)
    with chain_lock(desk.server, name):
        tab.save()
        qtbot.waitUntil(lambda: waiting_on_lock(desk.server, name), timeout=15_000)
        desk.server.stop("fast")
    qtbot.waitUntil(lambda: tab.runner.outcome_unknown, timeout=30_000)
    assert "Unknown whether it was saved" in tab.form_message.text()
    assert tab.household_edit.text() == household and not tab.save_button.isEnabled()

    desk.server.start()
    qtbot.waitUntil(lambda: not tab.runner.outcome_unknown, timeout=40_000)
    assert "did not go through" in tab.form_message.text()
    assert tab.form_message.isVisible()
    assert tab.household_edit.text() == household  # kept for the retry
    assert count_visits(desk, household) == 0

    qtbot.waitUntil(lambda: tab.save_button.isEnabled(), timeout=15_000)
    tab.save()
    qtbot.waitUntil(lambda: tab.household_edit.text() == "", timeout=20_000)
    assert "logged" in tab.form_message.text()
    assert count_visits(desk, household) == 1


@IGNORE_SIZE_HINTS
def test_a_visit_whose_reply_was_lost_is_confirmed_once(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    tab = visits_tab(qtbot, desk)
    household = "回执丢失的走访"
    tab.household_edit.setText(household)

    def on_commit(_conn: object) -> None:
        desk.proxy.set_mode("mute")
        threading.Timer(0.3, desk.proxy.set_mode, ("reset",)).start()

    event.listen(desk.ctx.db.engine, "commit", on_commit, once=True)
    tab.save()
    qtbot.waitUntil(lambda: tab.runner.outcome_unknown, timeout=30_000)
    assert "Unknown whether it was saved" in tab.form_message.text()
    assert tab.household_edit.text() == household

    desk.proxy.set_mode("pass")
    qtbot.waitUntil(lambda: not tab.runner.outcome_unknown, timeout=40_000)
    qtbot.waitUntil(lambda: tab.household_edit.text() == "", timeout=10_000)
    assert household in tab.form_message.text() and "logged" in tab.form_message.text()
    assert count_visits(desk, household) == 1
