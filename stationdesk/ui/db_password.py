"""Asking for the database server's password when the keyring cannot supply it.

The dialog says *why* it asks: no keyring on this computer (then the password cannot
be remembered and is asked for every session), a locked keyring, nothing saved yet,
or a password the server refused. The password goes to the keyring only when the
officer ticks "Remember", never to a file.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stationdesk import APP_NAME

# Why the password is asked for: credentials.password_for's codes, plus "refused".
_REASONS = {
    "no_keyring": QT_TRANSLATE_NOOP(
        "DatabasePasswordDialog",
        "This computer has no system keyring (common on Linux without a desktop keyring), "
        "so StationDesk cannot remember the password: it asks for it each time it starts. "
        "The password is never written to a file.",
    ),
    "locked": QT_TRANSLATE_NOOP(
        "DatabasePasswordDialog",
        "The system keyring is locked or could not be opened, so the saved password could "
        "not be read. Unlock the keyring to have it filled in next time.",
    ),
    "failed": QT_TRANSLATE_NOOP(
        "DatabasePasswordDialog",
        "The system keyring could not be used, so the password cannot be remembered this time.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "DatabasePasswordDialog", "No password is saved for this database server yet."
    ),
    "refused": QT_TRANSLATE_NOOP(
        "DatabasePasswordDialog",
        "The database server refused the login: the password is wrong or has changed.",
    ),
}


def keyring_message(code: str) -> str:
    """The officer's explanation for a keyring problem code (translated)."""
    text = _REASONS.get(code, _REASONS["failed"])
    return QCoreApplication.translate("DatabasePasswordDialog", str(text))


class DatabasePasswordDialog(QDialog):
    """The password for one server login, with an optional "remember in the keyring"."""

    def __init__(
        self,
        where: str,
        login: str,
        reason: str,
        *,
        can_remember: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Database password — {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Password for the database server {where}").format(where=where))
        heading.setObjectName("dialogHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.reason_label = QLabel(keyring_message(reason))
        self.reason_label.setObjectName("dialogNote")
        self.reason_label.setWordWrap(True)
        layout.addWidget(self.reason_label)
        form = QFormLayout()
        login_label = QLabel(login)
        login_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Login"), login_label)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(200)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.remember_check = QCheckBox(self.tr("Remember in the system keyring"))
        self.remember_check.setEnabled(can_remember)
        if not can_remember:
            self.remember_check.setToolTip(keyring_message(reason))
        layout.addWidget(self.remember_check)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.error_label.setMinimumHeight(2 * self.error_label.fontMetrics().lineSpacing())
        hint = self.sizeHint()
        self.setMinimumSize(max(hint.width(), 480), hint.height())
        self.password_edit.setFocus()

    def password(self) -> str:
        return self.password_edit.text()

    def remember(self) -> bool:
        return self.remember_check.isEnabled() and self.remember_check.isChecked()

    def accept(self) -> None:
        if not self.password_edit.text():
            self.error_label.setText(self.tr("Enter the password, or cancel."))
            return
        super().accept()
