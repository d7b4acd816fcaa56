"""A dialog cannot silently drop a save whose fate is unknown (SaveRunner + CloseGuard).

On SQLite the link is cut at the driver: while cut, every statement fails the way a
closed connection does (SQLAlchemy marks it a disconnect, resilience classifies it
"offline"), so a save and the question "did it commit?" both fail -- the outcome is
unknown. The end-to-end case stops and starts a real PostgreSQL server
(tests/ui/test_offline_forms.py's private server, proxy and live change feed).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from sqlalchemy import event

# The real server, its proxy and live feed (only the end-to-end test starts them).
from test_offline_forms import desk, desk_server

from stationdesk.data import patrols, resilience
from stationdesk.data.resilience import RetryPolicy
from stationdesk.ui.context import AppContext
from stationdesk.ui.main_window import VIEW_NAMES, MainWindow
from stationdesk.ui.roster_dialogs import GenerationDialog
from stationdesk.ui.save_runner import SaveRunner, closed_saves, notify_online

__all__ = ["desk", "desk_server"]

ASK = "The last save has not been confirmed yet"


class StandIn(QLabel):
    """A view for the main window: the window's hooks, nothing else."""

    def __init__(self, _ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("view", parent)

    def refresh(self) -> None:
        pass

    def apply_changes(self, _changes: object) -> None:
        pass

    def set_online(self, _online: bool) -> None:
        pass


class Link:
    """The workstation's connection to the SQLite file, cut and restored at the driver."""

    def __init__(self, ctx: AppContext) -> None:
        self.cut = False
        self.failed = 0
        dialect = ctx.db.engine.dialect
        for name in ("do_execute", "do_execute_no_params"):
            event.listen(dialect, name, self._statement)

    def _statement(self, *_args: Any) -> None:
        if self.cut:
            self.failed += 1
            # What sqlite3 says on a connection that has gone: a disconnect to SQLAlchemy.
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")


@pytest.fixture
def link(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[Link]:
    # A save gives up asking after 0.2 s; the runner's own 2 s look is off, so only the
    # connection state (notify_online) makes it ask again.
    monkeypatch.setattr(SaveRunner, "policy", RetryPolicy(outcome_wait_s=0.2, outcome_poll_s=0.05))
    monkeypatch.setattr(SaveRunner, "recheck_ms", 3_600_000)
    cut = Link(ctx)
    yield cut
    cut.cut = False


def test_the_cut_link_is_a_lost_connection(ctx: AppContext, link: Link) -> None:
    link.cut = True
    with pytest.raises(resilience.SaveFailed) as failed:
        resilience.save(ctx.db, lambda: patrols.shifts_between(ctx.db, *week(ctx)), policy())
    assert failed.value.fault.code is resilience.FaultCode.OFFLINE
    assert failed.value.outcome is resilience.SaveOutcome.UNKNOWN


def policy() -> RetryPolicy:
    return RetryPolicy(outcome_wait_s=0.2, outcome_poll_s=0.05)


def week(ctx: AppContext) -> tuple[datetime, datetime]:
    start = datetime.combine(ctx.clock().date(), datetime.min.time())
    return start, start + timedelta(days=7)


def generation(qtbot, ctx: AppContext, settle, keep: bool = True) -> GenerationDialog:  # type: ignore[no-untyped-def]
    """The generation dialog on a free week beyond the demo roster, Save offered."""
    dialog = GenerationDialog(ctx, ctx.clock().date() + timedelta(days=21))
    if keep:  # closed by pytest-qt at the end
        qtbot.addWidget(dialog)
    dialog.last_day.setDate(dialog.first_day.date().addDays(6))
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    settle()
    assert dialog.preview is not None and not dialog.preview.blocking
    assert dialog.save_button.isEnabled()
    return dialog


def cut_save(qtbot, dialog: GenerationDialog, link: Link, settle) -> None:  # type: ignore[no-untyped-def]
    """Press Save while the link is down: the outcome is unknown; then the link is back
    (the runner has not been told yet)."""
    link.cut = True
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.runner.outcome_unknown, timeout=20_000)
    settle()
    link.cut = False
    assert "Unknown whether it was saved" in dialog.message.text()


def shifts_in(ctx: AppContext, dialog: GenerationDialog) -> int:
    return count_shifts(ctx, dialog.period())


def count_shifts(ctx: AppContext, period: tuple[date, date]) -> int:
    first, last = period
    start = datetime.combine(first, datetime.min.time())
    return len(
        patrols.shifts_between(ctx.db, start, start + timedelta(days=(last - first).days + 1))
    )


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_save_stays_disabled_while_unknown_whatever_the_period(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, link: Link, settle
) -> None:
    dialog = generation(qtbot, ctx, settle)
    before = shifts_in(ctx, dialog)
    cut_save(qtbot, dialog, link, settle)
    assert not dialog.save_button.isEnabled()
    assert "Not known yet" in dialog.save_button.toolTip()
    # Another period, then back: each preview loads (the link is up), Save stays off.
    for days in (7, -7):
        dialog.first_day.setDate(dialog.first_day.date().addDays(days))
        dialog.last_day.setDate(dialog.first_day.date().addDays(6))
        settle()
        settle()
        assert dialog.preview is not None and dialog.preview.planned
        assert not dialog.save_button.isEnabled()
    dialog.save()  # pressed anyway (Ctrl+S, a script): nothing is queued
    assert ctx.worker.pending == 0 and dialog.runner.outcome_unknown
    # The connection state reaches the modal dialog's runner: it asks, and says.
    notify_online(ctx, True)
    qtbot.waitUntil(lambda: not dialog.runner.outcome_unknown, timeout=20_000)
    assert "The connection is back" in dialog.message.text()
    assert "did not go through" in dialog.message.text()
    assert dialog.save_button.isEnabled() and shifts_in(ctx, dialog) == before


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_closing_with_an_unknown_save_asks_and_keeps_the_dialog_by_default(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, link: Link, settle
) -> None:
    dialog = generation(qtbot, ctx, settle)
    cut_save(qtbot, dialog, link, settle)
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)
    for close in (
        lambda: qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton),
        lambda: qtbot.keyClick(dialog, Qt.Key.Key_Escape),
        dialog.close,  # the window's close button
    ):
        close()
        box = dialog.runner.close_box
        assert box is not None and box.isVisible() and ASK in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        assert box.button(QMessageBox.StandardButton.No).text() == "Keep open"
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape keeps it too
        assert dialog.runner.close_box is None
        assert dialog.isVisible() and dialog.runner.outcome_unknown
        assert not dialog.runner.handed_over
    # Asked again, Enter takes the default: still open.
    dialog.reject()
    box = dialog.runner.close_box
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Unknown whether" in dialog.message.text()
    # The outcome arrives while the question is up: the question goes, the dialog says it.
    dialog.reject()
    assert dialog.runner.close_box is not None
    notify_online(ctx, True)
    qtbot.waitUntil(lambda: dialog.runner.close_box is None, timeout=20_000)
    assert dialog.isVisible() and "did not go through" in dialog.message.text()
    dialog.reject()  # nothing open any more: closes at once
    assert not dialog.isVisible()


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_closed_anyway_the_officer_is_still_told_after_the_reconnect(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, link: Link, settle
) -> None:
    window = MainWindow(
        ctx,
        view_factories=dict.fromkeys(VIEW_NAMES, StandIn),
        persist=False,
        live=False,
    )
    qtbot.addWidget(window)
    window.show()
    dialog = generation(qtbot, ctx, settle, keep=False)
    before, period = shifts_in(ctx, dialog), dialog.period()
    title = dialog.windowTitle()
    told: list[tuple[str, str]] = []

    def tell(kind: str, text: str) -> None:
        told.append((kind, text))

    closed_saves().notice.connect(tell)
    cut_save(qtbot, dialog, link, settle)
    window.set_connection_state("offline: the link is down")  # what the live sync says
    runner = dialog.runner
    dialog.close()
    box = runner.close_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()  # "Close anyway"
    assert not dialog.isVisible()
    assert runner.handed_over and runner.parent() is closed_saves()
    dialog.deleteLater()  # the dialog goes; the runner stays with the application
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)
    assert shiboken6.isValid(runner) and runner.outcome_unknown

    window.set_connection_state("online")  # the connection is back
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    kind, text = told[-1]
    assert kind == "not_saved" and title in text and "did not go through" in text
    assert window.statusBar().currentMessage() == text
    shown = window.closed_save_box
    assert shown is not None and shown.isVisible() and shown.text() == text
    shown.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(runner), timeout=5_000)  # done
    assert count_shifts(ctx, period) == before  # not saved: nothing was generated
    closed_saves().notice.disconnect(tell)
    window.close()


@pytest.mark.pg
@pytest.mark.slow
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_booking_closed_during_a_server_stop_is_still_answered(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    from test_offline_forms import chain_lock, waiting_on_lock
    from test_offline_forms_more import future_sessions, open_dispute

    from stationdesk.ui.booking_dialog import BookingDialog

    window = MainWindow(
        desk.ctx, view_factories=dict.fromkeys(VIEW_NAMES, StandIn), persist=False, live=False
    )
    qtbot.addWidget(window)
    desk.sync.state.connect(window.set_connection_state)  # the main window's own wiring
    window.show()
    case_id = open_dispute(desk)
    now = desk.ctx.clock()
    dialog = BookingDialog(desk.ctx, case_id, window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.mediator_tree.topLevelItemCount() > 0, timeout=15_000)
    qtbot.waitUntil(lambda: desk.ctx.worker.pending == 0, timeout=15_000)
    assert dialog.book_button.isEnabled(), dialog.why_not()
    name = str(desk.other.url.database)
    with chain_lock(desk.server, name):
        dialog.book()
        qtbot.waitUntil(lambda: waiting_on_lock(desk.server, name), timeout=15_000)
        desk.server.stop("fast")  # the booking in flight loses its connection
    qtbot.waitUntil(lambda: dialog.runner.outcome_unknown, timeout=30_000)

    runner = dialog.runner
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = runner.close_box
    assert box is not None and ASK in box.text() and dialog.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()  # "Close anyway"
    assert not dialog.isVisible() and runner.handed_over
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5_000)

    desk.server.start()
    qtbot.waitUntil(lambda: window.closed_save_box is not None, timeout=60_000)
    text = window.closed_save_box.text()
    assert "“Book mediation” was closed before its save was confirmed" in text
    assert "The connection is back" in text and "did not go through" in text
    assert future_sessions(desk, case_id, now) == 0  # and never can be: the token is fenced
    window.closed_save_box.close()
    desk.sync.state.disconnect(window.set_connection_state)
    window.close()
