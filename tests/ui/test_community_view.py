"""Community view: flagged grids, logging visits and outreach through the forms, field
messages, the administrator's reassignment with a stale version, volunteers' contacts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from stationdesk.data import community, grids, users
from stationdesk.data.database import Database
from stationdesk.data.schema import HouseholdVisit, OutreachEvent
from stationdesk.domain.community import GridFlag
from stationdesk.domain.enums import OutreachTopic
from stationdesk.ui.context import AppContext
from stationdesk.ui.views.community import CommunityView

DEMO_PASSWORD = "demo-password-1"


def _open(qtbot, ctx: AppContext, settle) -> CommunityView:  # type: ignore[no-untyped-def]
    v = CommunityView(ctx)
    qtbot.addWidget(v)
    v.setMinimumSize(640, 400)
    v.resize(1500, 950)
    v.show()
    qtbot.waitExposed(v)
    v.refresh()
    settle()
    return v


@pytest.fixture
def view(qtbot, ctx: AppContext, settle) -> Iterator[CommunityView]:  # type: ignore[no-untyped-def]
    yield _open(qtbot, ctx, settle)


def _count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _column(table, col: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_the_grid_whose_officer_is_on_leave_is_flagged(view: CommunityView, ctx) -> None:  # type: ignore[no-untyped-def]
    registry = grids.grid_registry(ctx.db)
    flagged = [g for g in registry if g.flag != GridFlag.NONE]
    assert flagged, "the demo station has a grid whose officer is on leave"
    table = view.grids_tab.table
    assert _column(table, 1) == [g.name for g in registry]
    for row, g in enumerate(registry):
        status = table.item(row, 6).text()
        assert status.startswith("⚠") == (g.flag != GridFlag.NONE), g.name
    row = registry.index(flagged[0])
    assert table.item(row, 4).text() == flagged[0].officer_name
    assert "1" in view.grids_tab.summary.text()
    # A duty officer may not change who looks after a grid.
    table.selectRow(0)
    assert not view.grids_tab.edit_button.isEnabled()


def _choose(combo, text: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findText(text, Qt.MatchFlag.MatchStartsWith))


def test_a_visit_logged_in_the_form_shows_in_progress_and_the_list(
    qtbot, view: CommunityView, ctx, settle
) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentWidget(view.visits_tab)
    settle()
    tab = view.visits_tab
    assert tab.data is not None
    grid = tab.data.progress.grids[0]
    before = grid.done
    row = [p.id for p in tab.data.progress.grids].index(grid.id)
    assert tab.grid_table.item(row, 2).text() == str(before)

    tab.grid_combo.setEditText(grid.name)
    tab._grid_chosen()
    assert tab.officer_combo.currentText().startswith(grid.related[0])  # its officer
    tab.household_edit.setText("测试家")
    tab.address_edit.setText("测试路1号")
    tab.purpose_combo.setEditText("核实实有人口信息")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: tab.grid_table.item(row, 2).text() == str(before + 1), timeout=10_000)
    assert tab.visit_table.item(0, 3).text() == "测试家"
    assert tab.visit_table.item(0, 5).text() == "核实实有人口信息"
    assert tab.household_edit.text() == ""  # ready for the next one
    assert all(not tab.error_text(f) for f in tab.errors)


def test_bad_visit_input_shows_field_messages_and_saves_nothing(
    qtbot, view: CommunityView, ctx, settle
) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentWidget(view.visits_tab)
    settle()
    tab = view.visits_tab
    visits = _count(ctx.db, HouseholdVisit)
    tab.grid_combo.setEditText("没有这个网格")
    tab.address_edit.setText("路" * 201)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: bool(tab.error_text("household")), timeout=10_000)
    assert tab.error_text("grid") and tab.error_text("officer") and tab.error_text("purpose")
    assert "200" in tab.error_text("address")
    assert not tab.error_text("notes")
    assert _count(ctx.db, HouseholdVisit) == visits
    assert tab.address_edit.text() == "路" * 201  # what was typed stays


def test_outreach_logged_in_the_form_is_counted(qtbot, view: CommunityView, ctx, settle) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentWidget(view.outreach_tab)
    settle()
    tab = view.outreach_tab
    assert tab.chart is not None  # made on first show
    before = tab.data.per_topic()[OutreachTopic.DRUGS]
    assert list(tab.chart.values) == [tab.data.per_topic()[t] for t in OutreachTopic]
    # Attendance not typed: a field message, nothing saved.
    tab.topic_combo.setCurrentIndex(tab.topic_combo.findData(OutreachTopic.DRUGS))
    tab.grid_combo.setCurrentIndex(1)
    events = _count(ctx.db, OutreachEvent)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: bool(tab.error_text("attendees")), timeout=10_000)
    assert _count(ctx.db, OutreachEvent) == events
    tab.attendees_spin.setValue(42)
    tab.place_edit.setText("村委会")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle()
    qtbot.waitUntil(lambda: tab.data.per_topic()[OutreachTopic.DRUGS] == before + 1, timeout=10_000)
    summary = community.outreach_summary(ctx.db, view.period())
    last = tab.counts_table.rowCount() - 1
    column = 1 + list(OutreachTopic).index(OutreachTopic.DRUGS)
    assert tab.counts_table.item(last, column).text() == str(before + 1)
    assert summary.per_topic() == tab.data.per_topic()
    assert tab.chart.values[list(OutreachTopic).index(OutreachTopic.DRUGS)] == before + 1


def test_an_administrator_reassigns_and_a_stale_edit_is_refused(
    qtbot, ctx, demo_db: Database, settle
) -> None:  # type: ignore[no-untyped-def]
    ctx.actor = users.sign_in(demo_db, "admin", DEMO_PASSWORD)
    view = _open(qtbot, ctx, settle)
    tab = view.grids_tab
    flagged = next(g for g in tab.records if g.flag == GridFlag.OFFICER_ON_LEAVE)
    spare = next(s for s in tab.staff if s.kind.value == "police" and not s.on_leave)
    tab.select_grid(flagged.id)
    assert tab.edit_button.isEnabled()
    # Another workstation changes the grid first; this view still holds the old version.
    grids.reassign_grid(demo_db, ctx.actor, flagged.id, flagged.version, spare.id, [])
    tab.save(flagged, spare.id, [])
    settle()
    qtbot.waitUntil(lambda: tab.message.isVisible(), timeout=10_000)
    assert flagged.name in tab.message.text()
    settle()
    fresh = next(g for g in tab.records if g.id == flagged.id)
    assert fresh.flag == GridFlag.NONE and fresh.version == flagged.version + 1
    row = [g.id for g in tab.records].index(flagged.id)
    assert not tab.table.item(row, 6).text().startswith("⚠")
    # With the fresh version the change goes through.
    tab.save(fresh, flagged.officer_id, [])
    settle()
    qtbot.waitUntil(
        lambda: next(g for g in tab.records if g.id == flagged.id).officer_id == flagged.officer_id,
        timeout=10_000,
    )


def test_volunteer_phones_are_masked_for_the_duty_officer(view: CommunityView, settle) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentWidget(view.volunteers_tab)
    settle()
    tab = view.volunteers_tab
    assert tab.people_table.rowCount() == 30
    phones = _column(tab.people_table, 2)
    assert all("****" in p for p in phones)
    assert not tab.reveal_button.isEnabled()
    tab.people_table.selectRow(0)
    settle()
    assert tab.patrols_table.rowCount() > 0
