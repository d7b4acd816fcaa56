"""Alerts in the window: raised, shown, acknowledged (audited), gone on the other workstation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from stationdesk.data import cases, uow, users
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import Change
from stationdesk.domain.enums import AlertKind, CaseCategory, CaseSource, Priority
from stationdesk.ui.alerts_panel import AlertNotice, AlertsPanel, announce_text
from stationdesk.ui.context import AppContext
from stationdesk.ui.worker import DbWorker

DEMO_PASSWORD = "demo-password-1"  # tests/ui/conftest.py


@pytest.fixture
def later(ctx: AppContext) -> datetime:
    """The panel's clock ten minutes ahead: a case recorded now is then overdue for help."""
    at = datetime.now().replace(microsecond=0) + timedelta(minutes=10)
    ctx.clock = lambda: at
    return at


@pytest.fixture
def second(qtbot, demo_db: Database, later: datetime) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    """Another workstation on the same station database: own engine, worker, officer."""
    db = Database(demo_db.url)
    worker = DbWorker()
    actor = users.sign_in(db, "duty", DEMO_PASSWORD)
    yield AppContext(db=db, worker=worker, actor=actor, clock=lambda: later)
    worker.wait_idle()
    worker.shutdown()
    db.dispose()


_windows: list[QMainWindow] = []


@pytest.fixture(autouse=True)
def _forget_windows() -> Iterator[None]:
    from stationdesk.ui.alerts_panel import SETTINGS_SOUND
    from stationdesk.ui.app import app_settings

    app_settings().remove(SETTINGS_SOUND)  # as on a fresh installation
    yield
    app_settings().remove(SETTINGS_SOUND)
    _windows.clear()


def make_panel(qtbot, ctx: AppContext, **kw) -> AlertsPanel:  # type: ignore[no-untyped-def]
    """The dock in a window of its own (as the main window holds it)."""
    window = QMainWindow()
    window.setMinimumSize(900, 600)  # fixed limits: the offscreen platform warns otherwise
    qtbot.addWidget(window)
    panel = AlertsPanel(ctx, window, **kw)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    window.show()
    _windows.append(window)  # qtbot only closes it; the test must keep it alive
    panel.refresh()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=20_000)
    return panel


def urgent_case(ctx: AppContext) -> cases.CaseDetail:
    draft = cases.CaseDraft(
        CaseCategory.CONFLICT,
        CaseSource.DISPATCH_110,
        Priority.URGENT,
        datetime.now().replace(microsecond=0),
        None,
        "人民路 8 号",
        "两人持械对峙",
    )
    return cases.create_case(ctx.db, ctx.actor, draft)


def test_raised_shown_acknowledged_audited_and_gone_elsewhere(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, second: AppContext, settle
) -> None:
    beeps: list[int] = []
    here = make_panel(qtbot, ctx, beep=lambda: beeps.append(1))
    there = make_panel(qtbot, second)
    before = len(here.alerts)
    new_here: list[list] = []
    here.new_alerts.connect(new_here.append)
    here.sound.setChecked(True)

    committed: list[Change] = []
    uow.add_local_listener(committed.extend)
    try:
        case = urgent_case(ctx)
    finally:
        uow.remove_local_listener(committed.extend)
    here.apply_changes(committed)  # what the main window passes on
    there.apply_changes(committed)  # (the other workstation hears it from its feed)

    def listed(panel: AlertsPanel) -> bool:
        return any(
            a.object_id == case.id and a.kind == AlertKind.UNASSIGNED_HIGH for a in panel.alerts
        )

    qtbot.waitUntil(lambda: listed(here) and listed(there), timeout=10_000)
    assert len(here.alerts) == before + 1
    assert [a.object_id for a in new_here[-1]] == [case.id]  # announced once, as new
    assert beeps == [1]
    row = next(i for i, a in enumerate(here.alerts) if a.object_id == case.id)
    assert case.case_no in here.list.item(row).text()

    here.list.clearSelection()
    here.list.item(row).setSelected(True)
    ack: list[Change] = []
    uow.add_local_listener(ack.extend)
    try:
        here.ack_button.click()
        qtbot.waitUntil(lambda: not listed(here) and ctx.worker.pending == 0, timeout=10_000)
    finally:
        uow.remove_local_listener(ack.extend)
    assert {c.table for c in ack} == {"alert_ack"}
    with ctx.db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action.like("alert.acknowledge%"))
        ).one()
    assert entry.username == "duty"
    assert f"unassigned_high:{case.id}" in entry.new_values

    there.apply_changes(ack)
    qtbot.waitUntil(lambda: not listed(there), timeout=10_000)
    settle()


def test_a_new_alert_pops_a_notice_that_opens_the_panel(qtbot, ctx: AppContext, later) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, ctx)
    window = panel.parentWidget()
    notice = AlertNotice(window)
    panel.new_alerts.connect(lambda fresh: notice.announce(announce_text(panel, fresh)))
    case = urgent_case(ctx)
    panel.refresh()
    qtbot.waitUntil(notice.isVisible, timeout=10_000)
    assert case.case_no in notice.text.text()
    assert notice.geometry().right() <= window.width()
    with qtbot.waitSignal(notice.show_alerts):
        notice.open_button.click()
    assert not notice.isVisible()


def test_sound_is_off_by_default_and_the_real_beep_is_quiet_offscreen(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, later
) -> None:
    panel = make_panel(qtbot, ctx)  # the real QApplication.beep
    assert not panel.sound.isChecked()
    panel.sound.setChecked(True)
    fresh: list[list] = []
    panel.new_alerts.connect(fresh.append)
    urgent_case(ctx)
    panel.refresh()
    qtbot.waitUntil(lambda: bool(fresh), timeout=10_000)  # beeped; Qt warnings would fail
    panel.sound.setChecked(False)
