"""The idle lock: covers every window after inactivity, asks the same officer's password,
keeps open work; wrong passwords count towards lock-out; another officer signs out.
Also: the audit trail is offered only to the director and the administrator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from stationdesk.data import audit, users
from stationdesk.data.database import Database
from stationdesk.data.uow import SYSTEM
from stationdesk.domain.enums import Role
from stationdesk.ui.context import AppContext
from stationdesk.ui.idle_lock import SETTINGS_IDLE_MINUTES, Curtain, IdleLock, idle_minutes
from stationdesk.ui.main_window import VIEW_NAMES, MainWindow

PASSWORD = "watch-keeper-9"
TYPED = "张三报称楼上漏水 room 302"  # typed keys are ASCII: QTest cannot type Chinese


class FormView(QWidget):
    """A view with a half-filled form in it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("form"))
        layout.addWidget(self.edit)

    def refresh(self) -> None:
        pass


FORMS = {name: FormView for name in VIEW_NAMES}


@pytest.fixture
def make_window(qtbot: Any, sqlite_db: Database) -> Iterator[Callable[..., MainWindow]]:
    from stationdesk.ui.worker import DbWorker

    worker = DbWorker()
    windows: list[MainWindow] = []

    def make(username: str = "duty", *roles: Role) -> MainWindow:
        users.create_user(
            sqlite_db, SYSTEM, username, username.title(), PASSWORD, roles or [Role.DUTY_OFFICER]
        )
        actor = users.sign_in(sqlite_db, username, PASSWORD)
        ctx = AppContext(db=sqlite_db, worker=worker, actor=actor)
        win = MainWindow(ctx, view_factories=FORMS, persist=False, live=False)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        windows.append(win)
        return win

    yield make
    for win in windows:
        win.close()
    worker.wait_idle()
    QApplication.processEvents()
    worker.shutdown()


def settle(qtbot: Any, win: MainWindow) -> None:
    qtbot.waitUntil(lambda: win.ctx.worker.pending == 0, timeout=20_000)
    qtbot.wait(10)


def wait_locked(qtbot: Any, win: MainWindow, timeout_ms: int = 300) -> None:
    with qtbot.waitSignal(win.idle_lock.locked, timeout=10_000):
        win.idle_lock.set_timeout_ms(timeout_ms)


def type_into_form(qtbot: Any, win: MainWindow) -> QLineEdit:
    view = win.view("overview")
    assert isinstance(view, FormView)
    view.edit.setFocus()
    view.edit.setText("张三报称楼上漏水")  # as an input method would commit it
    qtbot.keyClicks(view.edit, " room 302")
    assert view.edit.text() == TYPED
    return view.edit


def unlock_with(qtbot: Any, win: MainWindow, password: str) -> None:
    dialog = win.idle_lock.dialog
    assert dialog is not None
    dialog.password_edit.setText(password)
    dialog.unlock_button.click()
    settle(qtbot, win)


def test_locks_when_idle_and_keeps_open_work(qtbot: Any, make_window: Any) -> None:
    win = make_window()
    edit = type_into_form(qtbot, win)
    view = win.view("overview")
    wait_locked(qtbot, win)
    dialog = win.idle_lock.dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    [curtain] = win.findChildren(Curtain)
    assert curtain.isVisible() and curtain.geometry() == win.rect()
    # What was on screen is covered, not destroyed.
    shot = win.grab().toImage()
    for x, y in (
        (5, 5),
        (win.width() // 4, win.height() // 3),
        (win.width() - 5, win.height() - 5),
    ):
        assert shot.pixelColor(x, y) == QColor("#1f2a36")
    assert win.view("overview") is view and edit.text() == TYPED

    unlock_with(qtbot, win, "not-my-password")
    assert win.idle_lock.is_locked
    assert "Wrong user name or password" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""

    with qtbot.waitSignal(win.idle_lock.unlocked, timeout=10_000):
        unlock_with(qtbot, win, PASSWORD)
    assert not win.idle_lock.is_locked and not win.findChildren(Curtain)
    assert edit.text() == TYPED
    assert QApplication.focusWidget() is edit
    qtbot.keyClicks(edit, ", settled")
    assert edit.text() == TYPED + ", settled"


def test_input_keeps_it_unlocked(qtbot: Any, make_window: Any) -> None:
    win = make_window()
    edit = type_into_form(qtbot, win)
    win.idle_lock.set_timeout_ms(1000)
    for _ in range(20):  # 2 s of typing, never a second apart
        qtbot.wait(100)
        qtbot.keyClick(edit, Qt.Key.Key_Right)
        assert not win.idle_lock.is_locked
    with qtbot.waitSignal(win.idle_lock.locked, timeout=5_000):
        pass  # and then nothing: it locks


def test_other_windows_are_covered_and_kept(qtbot: Any, make_window: Any) -> None:
    win = make_window()
    side = QDialog(win)  # a detail window or an intake form left open
    side.setWindowTitle("side")
    side_edit = QLineEdit(side)
    side_edit.setText(TYPED)
    side.show()
    qtbot.waitExposed(side)
    wait_locked(qtbot, win)
    covered = {
        c.parentWidget() for c in QApplication.instance().allWidgets() if isinstance(c, Curtain)
    }
    assert covered == {win, side}
    assert win.idle_lock.dialog not in covered
    unlock_with(qtbot, win, PASSWORD)
    assert side.isVisible() and side_edit.text() == TYPED
    assert not [w for w in QApplication.allWidgets() if isinstance(w, Curtain) and w.isVisible()]


def test_escape_does_not_unlock(qtbot: Any, make_window: Any) -> None:
    win = make_window()
    wait_locked(qtbot, win)
    dialog = win.idle_lock.dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert win.idle_lock.is_locked and dialog.isVisible()
    unlock_with(qtbot, win, PASSWORD)


def test_wrong_passwords_at_the_lock_count_towards_lock_out(
    qtbot: Any, make_window: Any, sqlite_db: Database
) -> None:
    win = make_window()
    wait_locked(qtbot, win)
    for _ in range(users.MAX_FAILURES):
        unlock_with(qtbot, win, "guessing-123")
    dialog = win.idle_lock.dialog
    assert dialog is not None
    unlock_with(qtbot, win, PASSWORD)  # too late: the account is locked now
    assert win.idle_lock.is_locked
    assert "locked after too many wrong passwords" in dialog.error_label.text()
    info = users.find_user(sqlite_db, "duty")
    assert info is not None and info.locked
    with qtbot.waitSignal(win.closed, timeout=10_000):
        dialog.switch_button.click()  # someone else (an administrator) takes over
    assert win.exit_reason == "sign_out"
    assert audit.verify_audit_trail(sqlite_db).ok


def test_sign_in_as_someone_else_signs_out(qtbot: Any, make_window: Any) -> None:
    win = make_window()
    type_into_form(qtbot, win)
    wait_locked(qtbot, win)
    with qtbot.waitSignal(win.closed, timeout=10_000):
        win.idle_lock.dialog.switch_button.click()
    assert win.exit_reason == "sign_out" and not win.idle_lock.is_locked


def test_idle_time_comes_from_the_settings(
    qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATIONDESK_CONFIG_DIR", str(tmp_path))
    settings = QSettings(str(tmp_path / "stationdesk.ini"), QSettings.Format.IniFormat)
    assert idle_minutes() == 15  # the default
    for value, minutes in (("5", 5), ("2.5", 2.5), ("0", 1), ("100000", 240)):
        settings.setValue(SETTINGS_IDLE_MINUTES, value)
        settings.sync()
        assert idle_minutes() == minutes
    settings.setValue(SETTINGS_IDLE_MINUTES, "5")
    settings.sync()
    win = make_window()
    assert win.idle_lock.timeout_ms == 5 * 60_000
    assert isinstance(win.idle_lock, IdleLock)


def test_the_lock_stops_with_the_window(qtbot: Any, make_window: Any) -> None:
    win = make_window()
    lock = win.idle_lock
    win.close()
    lock.set_timeout_ms(50)
    qtbot.wait(300)
    assert not lock.is_locked


# --- the audit trail in the window ------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "visible"),
    [
        ((Role.DUTY_OFFICER,), False),
        ((Role.MEDIATOR, Role.COMMUNITY_OFFICER), False),
        ((Role.LAW_ENFORCEMENT_OFFICER,), False),
        ((Role.DIRECTOR,), True),
        ((Role.ADMIN,), True),
    ],
)
def test_audit_trail_menu_only_for_director_and_admin(
    qtbot: Any, make_window: Any, roles: tuple[Role, ...], visible: bool
) -> None:
    win = make_window("officer", *roles)
    assert win.audit_action.isVisible() is visible


def test_audit_viewer_searches_exports_and_checks(
    qtbot: Any, make_window: Any, sqlite_db: Database, tmp_path: Path
) -> None:
    from stationdesk.data import audit_queries
    from stationdesk.ui.views.audit import AuditTrailDialog

    win = make_window("chief", Role.DIRECTOR)
    win.audit_action.trigger()
    settle(qtbot, win)
    viewer = win.findChild(AuditTrailDialog)
    assert viewer is not None and viewer.isVisible() and viewer.allowed
    total = viewer.model.rowCount()
    assert total >= 3  # accounts, sign-ins, opening the trail
    assert viewer.model.rows[0].action == "audit.read"  # opening it is on record
    assert "entries shown" in viewer.status_label.text()

    viewer.user_edit.setText("chief")
    viewer.search_button.click()
    settle(qtbot, win)
    assert {r.username for r in viewer.model.rows} == {"chief"}

    viewer.verify_button.click()  # a progress dialog; the result also under the list
    qtbot.waitUntil(lambda: "intact" in viewer.status_label.text(), timeout=20_000)
    viewer.progress_dialog.accept()

    out = tmp_path / "trail.csv"
    viewer.export_to(out)
    qtbot.waitUntil(lambda: "exported" in viewer.status_label.text(), timeout=20_000)
    assert out.is_file()
    viewer.progress_dialog.accept()
    assert audit_queries.search_audit(sqlite_db, user="chief", limit=1)[0].action == "audit.export"

    win.audit_action.trigger()  # a second time: the same window, raised
    assert win.findChildren(AuditTrailDialog) == [viewer]
    viewer.close()


def test_audit_viewer_refuses_others_even_if_opened_directly(
    qtbot: Any, make_window: Any, sqlite_db: Database
) -> None:
    from stationdesk.ui.views.audit import AuditTrailDialog

    win = make_window("duty", Role.DUTY_OFFICER)
    viewer = AuditTrailDialog(win.ctx, win)
    viewer.show()
    settle(qtbot, win)
    assert not viewer.allowed and viewer.model.rowCount() == 0
    assert "director" in viewer.status_label.text()
    assert not viewer.search_button.isEnabled()
    viewer.close()
