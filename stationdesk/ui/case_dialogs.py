"""Small dialogs and helpers of the case detail: Ctrl+Enter submits, "why?" dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from stationdesk.ui import theme

REASON_MAX = 500


class CtrlEnterFilter(QObject):
    """Ctrl+Enter in a multi-line text box submits it (plain Enter still breaks the line).

    Handled on the box itself rather than as a window shortcut, so it works the same
    in a dialog, in a panel, and whichever window the system considers active.
    """

    def __init__(self, edit: QPlainTextEdit, submit: Callable[[], None]) -> None:
        super().__init__(edit)
        self._submit = submit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key_event = event if isinstance(event, QKeyEvent) else None
            if (
                key_event is not None
                and key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours: no window shortcut may take it
                    return True
                self._submit()
                return True
        return super().eventFilter(watched, event)


class ReasonDialog(QDialog):
    """Asks why (escalation, referral, reopening, striking a note); OK needs a reason."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(420, 240)
        layout = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("Reason (required)"))
        layout.addWidget(self.edit)
        self.hint = QLabel()
        theme.set_status(self.hint, "muted")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._ctrl_enter = CtrlEnterFilter(self.edit, self._accept_if_valid)
        self.edit.textChanged.connect(self._update)
        self._update()
        self.edit.setFocus()

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def _valid(self) -> bool:
        return 0 < len(self.reason()) <= REASON_MAX

    def _update(self) -> None:
        n = len(self.reason())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._valid())
        self.hint.setText(self.tr("%1 of at most %2 characters").replace("%1", str(n))
                          .replace("%2", str(REASON_MAX)))  # fmt: skip

    def _accept_if_valid(self) -> None:
        if self._valid():
            self.accept()
