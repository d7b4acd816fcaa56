"""Forms that save through SaveRunner, on the embedded station (cheap): offline, what was
typed or chosen is kept and offered again; back online, the same save goes through once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select
from test_mediator_calendar import _row, free, view
from test_week_board import cell_index, new_person, shifts_of

from stationdesk.data.schema import MediatorException
from stationdesk.domain.enums import PatrolStatus, StaffKind
from stationdesk.ui.views.mediation import MediationView
from stationdesk.ui.views.patrols import PatrolsView
from stationdesk.ui.week_board import WeekBoard

__all__ = ["free", "view"]  # fixtures of the calendar tests


@pytest.fixture
def board(qtbot, ctx, settle) -> WeekBoard:  # type: ignore[no-untyped-def]
    patrols = PatrolsView(ctx)
    qtbot.addWidget(patrols)
    patrols.resize(1500, 950)
    patrols.show()
    qtbot.waitExposed(patrols)
    settle()
    b = patrols.show_week_board()
    settle()
    assert b.week is not None
    return b


def test_a_day_away_typed_while_offline_is_kept_and_saved_once_back_online(  # type: ignore[no-untyped-def]
    view: MediationView, free, ctx, settle, qtbot
) -> None:
    at, mediator = free
    cal = view.calendar
    before = cal.exceptions.count()
    cal.grid.setCurrentCell(_row(at), at.weekday())
    ctx.online = False  # the connection went; the view has not been told yet
    qtbot.mouseClick(cal.add_exception_button, Qt.MouseButton.LeftButton)
    dialog = cal.exception_dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("court_day"))
    dialog.reason.setText("断线时录入的出庭日")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    assert "Offline: not saved" in cal.message.text() and cal.message.isVisible()
    assert cal.exceptions.count() == before

    cal.set_online(False)
    assert not cal.add_exception_button.isEnabled()
    ctx.online = True
    cal.set_online(True)
    qtbot.mouseClick(cal.add_exception_button, Qt.MouseButton.LeftButton)
    again = cal.exception_dialog
    assert again is not None and again is not dialog
    assert again.reason.text() == "断线时录入的出庭日"  # offered again as typed
    assert again.kind.currentData() == "court_day"
    assert again.day.date() == QDate(at.year, at.month, at.day)
    again.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    qtbot.waitUntil(lambda: cal.exceptions.count() == before + 1, timeout=5000)
    assert "Day away added" in cal.message.text() and cal.kept_exception is None
    with ctx.db.read() as s:
        n = s.scalar(
            select(func.count()).where(
                MediatorException.mediator_id == mediator.id,
                MediatorException.note == "断线时录入的出庭日",
            )
        )
    assert n == 1


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_an_assignment_while_offline_keeps_the_person_picked_up(  # type: ignore[no-untyped-def]
    board: WeekBoard, ctx, settle, qtbot
) -> None:
    person = new_person(board, ctx, settle, "离线指派志愿者", StaffKind.VOLUNTEER)
    assert board.week is not None
    shift = next(s for s in board.week.shifts if s.status == PatrolStatus.PLANNED and s.grids)
    index = cell_index(board, shift.grids[0][0], shift)
    ctx.online = False
    board.set_online(False)
    board.drop(person, None, index.row(), index.column())
    assert "Offline: the roster cannot be changed" in board.message.text()
    assert board.carrying == (person, None)
    assert person not in {m.id for m in shifts_of(ctx.db, shift.id, shift.starts_at).members}

    ctx.online = True
    board.set_online(True)
    board.select_cell(index.row(), index.column())
    board.table.setFocus()
    qtbot.keyClick(board.table, Qt.Key.Key_Return)
    settle()
    settle()
    assert "assigned" in board.message.text() and board.carrying is None
    assert person in {m.id for m in shifts_of(ctx.db, shift.id, shift.starts_at).members}
