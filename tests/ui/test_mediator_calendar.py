"""The calendar tab of the mediation view: editing a mediator's working hours and days
away changes what the "who is free" board says."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetSelectionRange

from stationdesk.data import mediation, mediator_calendar
from stationdesk.data.mediation import MediatorStatus
from stationdesk.ui.context import AppContext
from stationdesk.ui.mediator_calendar import FIRST_HOUR, WORKING, windows_from_slots
from stationdesk.ui.views.mediation import MediationView


def a_free_moment(ctx: AppContext) -> tuple[datetime, MediatorStatus]:
    """The first half hour from now on at which some mediator is free."""
    t = ctx.clock().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    for _ in range(7 * 48):
        free = [m for m in mediation.mediator_board(ctx.db, t) if m.free_now]
        if free and FIRST_HOUR <= t.hour < 20:
            return t, free[0]
        t += timedelta(minutes=30)
    raise AssertionError("no mediator is free in the next week of the demo station")


def board_row(view: MediationView, name: str) -> tuple[str, str]:
    """(Now column text, its text colour) of the mediator called ``name``."""
    table = view.board_table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == name:
            now = table.item(row, 2)
            return now.text(), now.foreground().color().name()
    raise AssertionError(f"{name} is not on the board")


@pytest.fixture
def free(ctx: AppContext) -> tuple[datetime, MediatorStatus]:
    at, mediator = a_free_moment(ctx)
    ctx.clock = lambda: at
    return at, mediator


@pytest.fixture
def view(qtbot, ctx: AppContext, settle, free) -> Iterator[MediationView]:  # type: ignore[no-untyped-def]
    at, mediator = free
    v = MediationView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)
    v.resize(1400, 900)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    v.tabs.setCurrentIndex(1)
    settle()
    v.calendar.set_mediator(mediator.id)
    settle()
    v.calendar.show_week(at.date())
    settle()
    yield v


def _row(at: datetime) -> int:
    return (at.hour - FIRST_HOUR) * 2 + at.minute // 30


def test_grid_shows_the_week_of_the_chosen_mediator(view: MediationView, free) -> None:  # type: ignore[no-untyped-def]
    at, mediator = free
    cal = view.calendar
    assert cal.week is not None and cal.week.mediator_id == mediator.id
    assert cal.week.monday == at.date() - timedelta(days=at.weekday())
    cell = cal.grid.item(_row(at), at.weekday())
    assert cell.background().color() == WORKING  # free now, so inside a working window
    header = cal.grid.horizontalHeaderItem(at.weekday()).text()
    assert f"{at:%m-%d}" in header


def test_not_working_then_working_again_moves_free_now(  # type: ignore[no-untyped-def]
    view: MediationView, free, settle, qtbot, ctx
) -> None:
    at, mediator = free
    cal = view.calendar
    version = cal.week.version  # type: ignore[union-attr]
    row, col = _row(at), at.weekday()
    cal.grid.setRangeSelected(QTableWidgetSelectionRange(row, col, row + 1, col), True)
    qtbot.mouseClick(cal.not_working, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: board_row(view, mediator.name)[0] != "Free", timeout=5000)
    assert cal.week is not None and cal.week.version == version + 1
    assert cal.grid.item(row, col).background().color() != WORKING
    assert "saved" in cal.message.text()
    # Double-click one half hour: working again, free again.
    cal.grid.scrollToItem(cal.grid.item(row, col))
    rect = cal.grid.visualItemRect(cal.grid.item(row, col))
    qtbot.mouseClick(cal.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(cal.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle()
    qtbot.waitUntil(lambda: board_row(view, mediator.name)[0] == "Free", timeout=5000)
    week = mediator_calendar.mediator_week(ctx.db, mediator.id, at.date())
    assert week.version == version + 2


def test_a_day_away_with_a_reason_then_removed(view: MediationView, free, settle, qtbot) -> None:  # type: ignore[no-untyped-def]
    at, mediator = free
    cal = view.calendar
    before = cal.exceptions.count()
    cal.grid.setCurrentCell(_row(at), at.weekday())
    qtbot.mouseClick(cal.add_exception_button, Qt.MouseButton.LeftButton)
    dialog = cal.exception_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.day.date() == QDate(at.year, at.month, at.day)
    dialog.kind.setCurrentIndex(dialog.kind.findData("court_day"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # no reason yet: refused
    assert dialog.isVisible() and dialog.error.isVisible()
    dialog.reason.setText("出庭作证")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: board_row(view, mediator.name)[0] == "Away (court day)", timeout=5000)
    assert cal.exceptions.count() == before + 1
    texts = [cal.exceptions.item(i).text() for i in range(cal.exceptions.count())]
    assert any("Court day" in t and "出庭作证" in t for t in texts)
    assert cal.grid.item(0, at.weekday()).text() == "Court day"
    # Remove it again.
    index = next(i for i, t in enumerate(texts) if "出庭作证" in t)
    cal.exceptions.setCurrentRow(index)
    qtbot.mouseClick(cal.remove_exception_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: board_row(view, mediator.name)[0] == "Free", timeout=5000)
    assert cal.exceptions.count() == before


def test_a_stale_calendar_says_so_and_reloads(
    view: MediationView, free, settle, qtbot, ctx
) -> None:  # type: ignore[no-untyped-def]
    at, mediator = free
    cal = view.calendar
    week = cal.week
    assert week is not None
    # Another workstation changes the pattern first.
    mediator_calendar.set_weekly_pattern(ctx.db, ctx.actor, mediator.id, week.version, week.windows)
    row, col = _row(at), at.weekday()
    cal.grid.setRangeSelected(QTableWidgetSelectionRange(row, col, row, col), True)
    qtbot.mouseClick(cal.not_working, Qt.MouseButton.LeftButton)
    settle()
    assert "Another workstation" in cal.message.text()
    assert cal.week is not None and cal.week.version == week.version + 1
    assert board_row(view, mediator.name)[0] == "Free"


def test_windows_from_slots_keeps_hours_outside_the_grid() -> None:
    from datetime import time

    from stationdesk.data.mediator_calendar import Window

    old = [Window(0, time(6), time(8)), Window(0, time(20), time(22))]
    rows = {2, 3, 26}  # 08:00-09:00 and 20:00-20:30
    assert windows_from_slots(0, rows, old) == [
        Window(0, time(6), time(7)),
        Window(0, time(8), time(9)),
        Window(0, time(20), time(20, 30)),
        Window(0, time(21), time(22)),
    ]
