"""Reports: the duty shift's summary agrees with the service and follows new cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from stationdesk.data import cases, uow
from stationdesk.data.cases import CaseDraft, CaseFilter
from stationdesk.data.shift_summary import duty_shift_containing, shift_summary
from stationdesk.data.uow import Change
from stationdesk.domain.enums import CaseCategory, CaseSource, Priority
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.reports import SHIFTS_OFFERED, ReportsView


@pytest.fixture
def at(ctx: AppContext) -> datetime:
    frozen = ctx.clock()
    ctx.clock = lambda: frozen
    return frozen


@pytest.fixture
def view(qtbot, ctx: AppContext, at: datetime, settle) -> Iterator[ReportsView]:  # type: ignore[no-untyped-def]
    v = ReportsView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)  # as in the main window: no offscreen size-hint warnings
    v.resize(1400, 900)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    settle()
    yield v


def figure(view: ReportsView, key: str) -> str:
    return view.figures[key].number.text()


def test_current_shift_summary_matches_the_service(view: ReportsView, ctx, at) -> None:  # type: ignore[no-untyped-def]
    start, end = duty_shift_containing(at)
    assert view.shift == (start, end)
    expected = shift_summary(ctx.db, start, end, as_of=at)
    for key in (
        "new_cases",
        "closed_cases",
        "open_cases",
        "overdue",
        "mediations_held",
        "mediations_coming",
        "patrols_missed",
    ):
        assert figure(view, key) == str(getattr(expected, key)), key
    assert figure(view, "patrols_completed") == (
        f"{expected.patrols_completed} of {expected.patrols_total}"
    )
    new = cases.count_cases(ctx.db, CaseFilter(reported_since=start, reported_before=end))
    assert view.case_table.rowCount() == new == expected.new_cases
    assert "running" in view.title.text()


def test_a_previous_shift_can_be_picked(view: ReportsView, ctx, at, settle) -> None:  # type: ignore[no-untyped-def]
    assert view.shift_picker.count() == SHIFTS_OFFERED
    assert "(current)" in view.shift_picker.itemText(0)
    view.shift_picker.setCurrentIndex(3)
    settle()
    start, end = view.shift
    assert end <= duty_shift_containing(at)[0]
    expected = shift_summary(ctx.db, start, end, as_of=at)
    assert figure(view, "new_cases") == str(expected.new_cases)
    assert figure(view, "open_cases") == str(expected.open_cases)
    assert view.case_table.rowCount() == expected.new_cases
    assert "ended" in view.title.text()


def test_a_new_case_appears_in_the_summary_and_the_list(view: ReportsView, ctx, at, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = int(figure(view, "new_cases"))
    rows_before = view.case_table.rowCount()
    seen: list[Change] = []
    uow.add_local_listener(seen.extend)
    try:
        draft = CaseDraft(
            category=CaseCategory.FRAUD,
            source=CaseSource.PHONE,
            priority=Priority.HIGH,
            reported_at=at,
            grid_id=None,
            address="南关街 8 号",
            summary="冒充客服退款诈骗",
        )
        created = cases.create_case(ctx.db, ctx.actor, draft)
    finally:
        uow.remove_local_listener(seen.extend)
    view.apply_changes(seen)
    qtbot.waitUntil(lambda: figure(view, "new_cases") == str(before + 1), timeout=5000)
    qtbot.waitUntil(lambda: view.case_table.rowCount() == rows_before + 1, timeout=5000)
    numbers = [view.case_table.item(r, 1).text() for r in range(view.case_table.rowCount())]
    assert created.case_no in numbers


def test_show_more_loads_the_rest_of_a_long_list(  # type: ignore[no-untyped-def]
    qtbot, ctx, at, settle, monkeypatch
) -> None:
    monkeypatch.setattr("stationdesk.ui.views.reports.PAGE_SIZE", 2)
    v = ReportsView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)
    v.show()
    qtbot.waitExposed(v)
    busy = next(
        i
        for i in range(SHIFTS_OFFERED)
        if shift_summary(ctx.db, *v.shift_picker.itemData(i)).new_cases >= 3
    )
    v.shift_picker.setCurrentIndex(busy)
    v.refresh()
    settle()
    total = shift_summary(ctx.db, *v.shift).new_cases
    assert v.case_table.rowCount() == 2
    assert v.more_button.isVisible()
    qtbot.mouseClick(v.more_button, Qt.MouseButton.LeftButton)
    settle()
    assert v.case_table.rowCount() == total
    assert not v.more_button.isVisible()
    reported = [v.case_table.item(r, 0).text() for r in range(total)]
    assert reported == sorted(reported)  # oldest first, no row twice
    assert len({v.case_table.item(r, 1).text() for r in range(total)}) == total
