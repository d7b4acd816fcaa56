"""Lock the workstation after inactivity, without losing open work.

:class:`IdleLock` watches keyboard and mouse input for the whole application. After
``security/idle_minutes`` (QSettings, default 15) without any, every open StationDesk
window is covered by an opaque curtain and a modal dialog asks the signed-in officer's
password again. Nothing is closed or rebuilt: views, forms and dialogs keep what was
typed, and the focus goes back where it was. "Sign in as someone else" ends the session
the usual way (``MainWindow.sign_out``). Wrong passwords count towards the account's
lock-out like any sign-in.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stationdesk import APP_NAME
from stationdesk.ui.app import app_settings, first_line

if TYPE_CHECKING:
    from stationdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SETTINGS_IDLE_MINUTES = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 15.0
# A station may shorten or lengthen the time, not switch the lock off.
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1.0, 240.0
# Input that means a person is at the workstation (not hover, paint or timers).
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)
_COVERED_WINDOW_TYPES = frozenset({Qt.WindowType.Window, Qt.WindowType.Dialog})


def idle_minutes() -> float:
    """The configured idle time in minutes (default 15, kept within 1 to 240)."""
    raw = app_settings().value(SETTINGS_IDLE_MINUTES, DEFAULT_IDLE_MINUTES)
    try:
        minutes = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        log.warning("%s=%r is not a number; using %g", SETTINGS_IDLE_MINUTES, raw, 15.0)
        return DEFAULT_IDLE_MINUTES
    return min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES)


class Curtain(QWidget):
    """An opaque cover over one window's contents while the workstation is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setStyleSheet("#lockCurtain { background: #1f2a36; } QLabel { color: #e9edf1; }")
        text = QLabel(self.tr("Locked"))
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        elif watched is self.parent() and event.type() == QEvent.Type.ChildAdded:
            QTimer.singleShot(0, self.raise_)  # stay on top of widgets added meanwhile
        return False


class LockDialog(QDialog):
    """Asks the signed-in officer's password; cannot be dismissed any other way."""

    def __init__(self, lock: IdleLock, parent: QWidget) -> None:
        super().__init__(parent)
        self._lock = lock
        self.busy = False
        ctx = lock.window.ctx
        actor = ctx.actor
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("Locked — {app}").format(app=APP_NAME))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("StationDesk is locked"))
        heading.setObjectName("dialogHeading")
        layout.addWidget(heading)
        note = QLabel(
            self.tr(
                "Locked after a time without activity. {name} ({user}) is signed in: enter "
                "the password to go on. Open work is kept as it was."
            ).format(name=actor.display_name or actor.username, user=actor.username)
        )
        note.setObjectName("dialogNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("lockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(200)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing() + 8)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.switch_button = self.buttons.addButton(
            self.tr("Sign in as someone else"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.switch_button.clicked.connect(lock.switch_user)
        layout.addWidget(self.buttons)
        hint = self.sizeHint()
        self.setMinimumSize(max(hint.width(), 460), hint.height())
        self.password_edit.setFocus()

    def submit(self) -> None:
        from stationdesk.data import users

        password = self.password_edit.text()
        if not password:
            self.error_label.setText(self.tr("Enter your password."))
            return
        ctx = self._lock.window.ctx
        db, username = ctx.db, ctx.actor.username
        self.set_busy(True)
        self.error_label.setText("")
        ctx.worker.submit(
            lambda: users.sign_in(db, username, password),
            self._signed_in,
            self._failed,
            what="unlock",
        )

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.password_edit.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _signed_in(self, _actor: Any) -> None:
        self.set_busy(False)
        self._lock.unlock()

    def _failed(self, exc: Exception) -> None:
        from stationdesk.data.users import SignInError
        from stationdesk.ui.app import SignInDialog

        self.set_busy(False)
        if isinstance(exc, SignInError):
            self.error_label.setText(SignInDialog.message_for(exc.code))
        else:
            log.warning("unlocking failed: %s", exc, exc_info=exc)
            self.error_label.setText(
                self.tr("Cannot reach the database to check the password: {error}").format(
                    error=first_line(exc)
                )
            )
        self.password_edit.clear()
        self.password_edit.setFocus()

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: Any) -> None:
        if self._lock.is_locked:
            event.ignore()
        else:
            super().closeEvent(event)


class IdleLock(QObject):
    """Locks ``window`` (and every other open window) after ``timeout_ms`` without input."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: MainWindow, timeout_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: LockDialog | None = None
        self._curtains: list[Curtain] = []
        self._focus: QWidget | None = None
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._app = QApplication.instance()
        self.set_timeout_ms(
            timeout_ms if timeout_ms is not None else round(idle_minutes() * 60_000)
        )
        if self._app is not None:
            self._app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def set_timeout_ms(self, timeout_ms: int) -> None:
        self._timeout_ms = max(int(timeout_ms), 1)
        self._last_input = time.monotonic()
        # Checked a few times per period: locks at most a quarter period late.
        self._timer.start(max(25, min(self._timeout_ms // 4, 15_000)))

    def stop(self) -> None:
        """Stop watching (the window is closing). Idempotent."""
        self._timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Runs for every event of the application: keep it to one set lookup.
        if event.type() in ACTIVITY_EVENTS:
            self._last_input = time.monotonic()
        return False

    def idle_ms(self) -> int:
        return int((time.monotonic() - self._last_input) * 1000)

    def _check(self) -> None:
        if not self.is_locked and self.window.isVisible() and self.idle_ms() >= self._timeout_ms:
            self.lock()

    def lock(self) -> None:
        """Cover every window and ask for the password (nothing is closed)."""
        if self.is_locked or self._app is None:
            return
        log.info("workstation locked after %d s without input", self.idle_ms() // 1000)
        self._focus = QApplication.focusWidget()
        for _ in range(10):  # open menus and drop-down lists would stay above the curtains
            popup = QApplication.activePopupWidget()
            if popup is None or not popup.close():
                break
        self.dialog = LockDialog(self, self.window)
        for top in QApplication.topLevelWidgets():
            if (
                top is not self.dialog
                and top.isVisible()
                and top.windowType() in _COVERED_WINDOW_TYPES
            ):
                self._curtains.append(Curtain(top))
        self.dialog.open()
        self.dialog.activateWindow()
        self.locked.emit()

    def _remove_cover(self) -> None:
        for curtain in self._curtains:
            parent = curtain.parentWidget()
            if parent is not None:
                parent.removeEventFilter(curtain)
            curtain.hide()
            curtain.deleteLater()
        self._curtains.clear()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        self._last_input = time.monotonic()

    def unlock(self) -> None:
        """The right password: uncover everything and give the focus back."""
        self._remove_cover()
        focus, self._focus = self._focus, None
        if focus is not None:
            import shiboken6

            if shiboken6.isValid(focus) and focus.isVisible():
                focus.window().activateWindow()
                focus.setFocus()
        self.unlocked.emit()

    def switch_user(self) -> None:
        """Another officer takes the workstation: the usual sign-out."""
        self._remove_cover()
        self._focus = None
        self.unlocked.emit()
        self.window.sign_out()
