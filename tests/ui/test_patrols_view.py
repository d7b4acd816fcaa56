"""Patrols: the day's shifts and grid coverage, check-in, and a stale version's conflict."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from stationdesk.data import patrols, people
from stationdesk.data.patrols import PatrolShiftInfo
from stationdesk.domain.enums import PatrolStatus
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.patrols import PatrolsView


@pytest.fixture
def view(qtbot, ctx: AppContext, settle) -> Iterator[PatrolsView]:  # type: ignore[no-untyped-def]
    v = PatrolsView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)  # as in the main window: no offscreen size-hint warnings
    v.resize(1400, 900)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    settle()
    yield v


def shifts_today(ctx: AppContext) -> list[PatrolShiftInfo]:
    start = datetime.combine(ctx.clock().date(), time())
    return patrols.shifts_between(ctx.db, start, start + timedelta(days=1))


def planned_shift(view: PatrolsView, ctx: AppContext, settle) -> PatrolShiftInfo:  # type: ignore[no-untyped-def]
    """The next planned shift (today's night shift, or tomorrow's after 20:00), shown."""
    now = ctx.clock()
    upcoming = patrols.shifts_between(ctx.db, now, now + timedelta(days=2))
    shift = next(s for s in upcoming if s.status == PatrolStatus.PLANNED)
    if shift.starts_at.date() != view.day:
        view.set_day(shift.starts_at.date())
        settle()
    return shift


def shift_now(ctx: AppContext, shift_id: int) -> PatrolShiftInfo:
    now = ctx.clock()
    found = patrols.shifts_between(ctx.db, now - timedelta(days=1), now + timedelta(days=2))
    return next(s for s in found if s.id == shift_id)


def status_text(view: PatrolsView, shift_id: int) -> str:
    assert view.data is not None
    row = next(i for i, s in enumerate(view.data.shifts) if s.id == shift_id)
    return view.shift_table.item(row, 3).text()


def test_the_days_shifts_and_every_grids_coverage_are_shown(view: PatrolsView, ctx) -> None:  # type: ignore[no-untyped-def]
    expected = shifts_today(ctx)
    assert expected, "the demo station patrols every day"
    assert view.shift_table.rowCount() == len(expected)
    assert [view.shift_table.item(r, 1).text() for r in range(len(expected))] == [
        s.route for s in expected
    ]
    on_patrol = next(s for s in expected if s.status == PatrolStatus.ON_PATROL)
    row = expected.index(on_patrol)
    assert view.shift_table.item(row, 3).foreground().color() == theme.status_colour("ok")
    police = next(m for m in on_patrol.members if m.kind.value == "police")
    assert f"★{police.name}" in view.shift_table.item(row, 4).text()

    grids = people.list_grids(ctx.db)
    table = view.coverage_table
    assert table.columnCount() == len(grids)
    for col, grid in enumerate(grids):
        assert table.horizontalHeaderItem(col).text() == grid.name
        officer = table.item(2, col).text()
        assert officer.startswith("⚠") == grid.needs_attention, grid.name


def test_a_day_without_patrols_shows_every_grid_uncovered_in_red(
    view: PatrolsView, qtbot, settle
) -> None:  # type: ignore[no-untyped-def]
    view.set_day(view.day + timedelta(days=60))
    settle()
    assert view.shift_table.rowCount() == 0
    assert view.empty_label.isVisible()
    table = view.coverage_table
    assert table.columnCount() > 0
    for col in range(table.columnCount()):
        for row in (0, 1):  # day and night
            assert "No patrol" in table.item(row, col).text()
            assert table.item(row, col).foreground().color().name() == "#c62828"
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    settle()
    assert view.shift_table.rowCount() > 0


def test_check_in_puts_a_planned_shift_on_patrol(view: PatrolsView, ctx, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    shift = planned_shift(view, ctx, settle)
    assert view.select_shift(shift.id)
    assert view.check_in_button.isEnabled()
    assert not view.complete_button.isEnabled()  # only a crew on patrol can complete
    qtbot.mouseClick(view.check_in_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: status_text(view, shift.id) == "On patrol", timeout=5000)
    saved = shift_now(ctx, shift.id)
    assert saved.status == PatrolStatus.ON_PATROL
    assert saved.checked_in_at is not None
    # Still selected after the reload, and now it can be completed.
    assert view.selected_shift() is not None and view.selected_shift().id == shift.id
    assert view.complete_button.isEnabled()
    assert not view.check_in_button.isEnabled()


def test_a_stale_version_shows_the_conflict_and_reloads(
    view: PatrolsView, ctx, qtbot, settle
) -> None:  # type: ignore[no-untyped-def]
    shift = planned_shift(view, ctx, settle)
    assert view.select_shift(shift.id)
    # Another workstation marks it missed; this view still has the old version.
    patrols.set_status(ctx.db, ctx.actor, shift.id, shift.version, PatrolStatus.MISSED)
    qtbot.mouseClick(view.check_in_button, Qt.MouseButton.LeftButton)
    settle()
    assert view.message.isVisible()
    assert "changed by another workstation" in view.message.text()
    assert "reloaded" in view.message.text()
    qtbot.waitUntil(lambda: status_text(view, shift.id) == "Missed", timeout=5000)
    saved = shift_now(ctx, shift.id)
    assert saved.status == PatrolStatus.MISSED  # the other workstation's change stands
    assert not view.check_in_button.isEnabled()


def test_offline_blocks_status_changes_and_says_why(view: PatrolsView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    assert view.select_shift(planned_shift(view, ctx, settle).id)
    view.set_online(False)
    assert not view.check_in_button.isEnabled()
    assert "Offline" in view.check_in_button.toolTip()
    view.set_online(True)
    assert view.check_in_button.isEnabled()
