"""The leave dialog from the week board and the Grids tab: a person's leave, a refused
overlap with its message under the field, a new period the board then flags, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import func, select

from stationdesk.data import leave
from stationdesk.data.database import Database
from stationdesk.data.schema_roster import StaffLeave
from stationdesk.domain.enums import LeaveKind
from stationdesk.ui.context import AppContext
from stationdesk.ui.leave_dialog import LeaveDialog
from stationdesk.ui.views.community import CommunityView
from stationdesk.ui.views.patrols import PatrolsView
from stationdesk.ui.week_board import WeekBoard
from stationdesk.ui.week_board_model import BY_PERSON, ERROR_BG

# Showing a dialog on the offscreen platform: a limitation of the plugin, not ours.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DEMO_REASON = "年休假，回老家探亲"  # the demo's grid officer on leave


def leave_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(StaffLeave)) or 0)


def qdate(d):  # type: ignore[no-untyped-def]
    return QDate(d.year, d.month, d.day)


@pytest.fixture
def board(qtbot, ctx: AppContext, settle) -> Iterator[WeekBoard]:  # type: ignore[no-untyped-def]
    view = PatrolsView(ctx)
    qtbot.addWidget(view)
    view.resize(1500, 950)
    view.show()
    qtbot.waitExposed(view)
    settle()
    b = view.show_week_board()
    settle()
    assert b.week is not None
    yield b


def open_for(board: WeekBoard, staff_id: int, settle) -> LeaveDialog:  # type: ignore[no-untyped-def]
    for i in range(board.staff_list.count()):
        if board.staff_list.item(i).data(Qt.ItemDataRole.UserRole) == staff_id:
            board.staff_list.setCurrentRow(i)
    board.leave_button.click()
    settle()
    dialog = board.findChild(LeaveDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def away_officer(board: WeekBoard):  # type: ignore[no-untyped-def]
    assert board.week is not None
    return next(p for p in board.week.people if any(lv.reason == DEMO_REASON for lv in p.leave))


def test_the_dialog_lists_the_persons_leave_and_refuses_an_overlap_at_the_field(
    board: WeekBoard, ctx: AppContext, settle
) -> None:
    person = away_officer(board)
    dialog = open_for(board, person.id, settle)
    assert dialog.person.currentData() == person.id
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == DEMO_REASON
    assert "(today)" in dialog.table.item(0, 0).text()
    before = leave_count(ctx.db)
    period = person.leave[0]
    dialog.first_day.setDate(qdate(period.first_day + timedelta(days=1)))
    dialog.last_day.setDate(qdate(period.last_day + timedelta(days=3)))
    dialog.reason.setText("又请一次")
    dialog.add_button.click()
    settle()
    assert dialog.errors["first_day"].isVisible()
    assert "Overlaps leave already recorded: Annual leave" in dialog.errors["first_day"].text()
    assert not dialog.errors["last_day"].isVisible()
    assert "check the marked fields" in dialog.message.text()
    assert dialog.reason.text() == "又请一次"  # what was typed is kept
    assert leave_count(ctx.db) == before
    # Last day before the first: said under the last day.
    dialog.first_day.setDate(qdate(period.last_day + timedelta(days=10)))
    dialog.last_day.setDate(qdate(period.last_day + timedelta(days=8)))
    dialog.add_button.click()
    settle()
    assert not dialog.errors["first_day"].isVisible()
    assert dialog.errors["last_day"].text() == "The last day is before the first day."
    assert leave_count(ctx.db) == before
    dialog.close()


def test_new_leave_shows_on_the_board_with_its_reason_and_can_be_cancelled(
    board: WeekBoard, ctx: AppContext, settle
) -> None:
    assert board.week is not None
    # Someone rostered this week, not on leave yet.
    shift = next(s for s in board.week.shifts if s.members and s.starts_at >= ctx.clock())
    person = next(
        m for m in shift.members if m.id not in leave.on_leave(ctx.db, shift.starts_at.date())
    )
    dialog = open_for(board, person.id, settle)
    shown = dialog.table.rowCount()
    dialog.kind.setCurrentIndex(dialog.kind.findData(LeaveKind.SICK))
    dialog.first_day.setDate(qdate(shift.starts_at.date()))
    dialog.last_day.setDate(qdate(shift.starts_at.date()))
    dialog.reason.setText("发烧就医")
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    dialog.add_button.click()
    settle()
    assert changed and dialog.table.rowCount() == shown + 1
    assert "Leave recorded" in dialog.message.text() and dialog.reason.text() == ""
    settle()
    board.set_mode(BY_PERSON)
    problems = [board.problem_list.item(i).text() for i in range(board.problem_list.count())]
    assert any(f"{person.name} is on leave (Sick leave: 发烧就医)" in t for t in problems)
    row = next(
        r for r, item in enumerate(board.model.rows) if getattr(item, "id", None) == person.id
    )
    reds = [
        board.model.index(row, c)
        for c in range(board.model.columnCount())
        if board.model.index(row, c).data(Qt.ItemDataRole.BackgroundRole) is not None
        and board.model.index(row, c).data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_BG
    ]
    assert any("发烧就医" in i.data(Qt.ItemDataRole.ToolTipRole) for i in reds)
    # Cancel it again: the board is clear of it.
    new_row = next(r for r, p in enumerate(dialog.periods) if p.reason == "发烧就医")
    dialog.table.selectRow(new_row)
    assert dialog.cancel_button.isEnabled()
    dialog.cancel_button.click()  # asked first; "Keep it" changes nothing
    box = dialog.confirm_box
    assert box is not None and box.isVisible() and "发烧就医" not in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    settle()
    assert dialog.table.rowCount() == shown + 1
    dialog.cancel_button.click()
    assert dialog.confirm_box is not None
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    settle()
    settle()
    assert dialog.table.rowCount() == shown and "cancelled" in dialog.message.text()
    problems = [board.problem_list.item(i).text() for i in range(board.problem_list.count())]
    assert not any("发烧就医" in t for t in problems)
    dialog.close()


def test_the_grids_tab_opens_the_leave_of_the_selected_grids_officer(
    qtbot, ctx: AppContext, settle
) -> None:  # type: ignore[no-untyped-def]
    view = CommunityView(ctx)
    qtbot.addWidget(view)
    view.resize(1500, 950)
    view.show()
    qtbot.waitExposed(view)
    view.refresh()
    settle()
    tab = view.grids_tab
    row = next(r for r, g in enumerate(tab.records) if g.officer_on_leave)
    tab.table.selectRow(row)
    tab.leave_button.click()
    settle()
    dialog = tab.findChild(LeaveDialog)
    assert dialog is not None
    assert dialog.person.currentData() == tab.records[row].officer_id
    assert dialog.table.item(0, 3).text() == DEMO_REASON
    # Cancelling the leave clears the grid's flag.
    dialog.table.selectRow(0)
    dialog.cancel_button.click()
    assert dialog.confirm_box is not None
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    settle()
    settle()
    assert not tab.records[row].officer_on_leave
    assert not tab.table.item(row, 6).text().startswith("⚠")
    dialog.close()
    QApplication.processEvents()


def test_a_role_without_the_roster_permission_can_look_but_not_add(
    qtbot, ctx: AppContext, settle
) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from stationdesk.data import users

    community = users.sign_in(ctx.db, "zhang.community", "demo-password-1")
    dialog = LeaveDialog(replace(ctx, actor=community), [(1, "甲")], 1)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert not dialog.add_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert "may not record leave" in dialog.add_button.toolTip()


def test_open_ended_leave_is_ended_on_a_chosen_day(
    board: WeekBoard, ctx: AppContext, settle
) -> None:
    assert board.week is not None
    person = next(
        p
        for p in board.week.people
        if not p.leave and p.id not in leave.on_leave(ctx.db, ctx.clock().date())
    )
    dialog = open_for(board, person.id, settle)
    today = ctx.clock().date()
    dialog.first_day.setDate(qdate(today + timedelta(days=30)))
    dialog.open_ended.setChecked(True)
    dialog.reason.setText("借调市局")
    dialog.add_button.click()
    settle()
    row = next(r for r, p in enumerate(dialog.periods) if p.reason == "借调市局")
    assert dialog.table.item(row, 2).text() == "until further notice"
    dialog.table.selectRow(row)
    assert dialog.end_button.isEnabled()
    dialog.end_button.click()
    end = dialog.end_dialog
    assert end is not None and end.isVisible()
    # Not before the first day: the date edit stops there.
    assert end.day.minimumDate() == qdate(today + timedelta(days=30))
    end.day.setDate(qdate(today + timedelta(days=40)))
    end.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle()
    settle()
    row = next(r for r, p in enumerate(dialog.periods) if p.reason == "借调市局")
    assert dialog.periods[row].last_day == today + timedelta(days=40)
    assert dialog.table.item(row, 2).text() == (today + timedelta(days=40)).isoformat()
    assert "ends on" in dialog.message.text()
    dialog.table.selectRow(row)
    assert not dialog.end_button.isEnabled()  # it has a last day now
    dialog.close()
