"""Input widgets the intake form and the case screens share.

A combo box that finds Chinese names by any part, the report-time editor that Tab
leaves in one step, conversions between Python and Qt date-times, and the "discard
what you typed?" question.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


def make_searchable(combo: QComboBox) -> QLineEdit:
    """Editable combo whose completer matches anywhere in the text, case-insensitively.

    Chinese names are typed through an input method into a line edit, so a plain
    combo's type-ahead does not work for them; a "contains" completer does.
    """
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setCompletionColumn(0)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    edit = combo.lineEdit()
    assert edit is not None  # an editable combo always has one
    return edit


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, value.second)


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class ReportedAtEdit(QDateTimeEdit):
    """Tab leaves the field (QDateTimeEdit would step through its five sections);
    Left/Right still move between year, month, day, hour and minute."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class ConfirmDiscardDialog(QDialog):
    """ "Discard this report?" with Keep editing as the safe default (Esc, Enter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discard this report?"))
        self.setMinimumSize(360, 120)  # explicit: the layout must not resize the window
        lay = QVBoxLayout(self)
        text = QLabel(self.tr("What you typed will be lost."))
        text.setWordWrap(True)
        lay.addWidget(text)
        buttons = QDialogButtonBox()
        self.discard_button = buttons.addButton(
            self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.keep_button = buttons.addButton(
            self.tr("Keep editing"), QDialogButtonBox.ButtonRole.RejectRole
        )
        # Enter must never discard by accident: only Keep editing is a default button.
        self.discard_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        self.setFocusProxy(self.keep_button)
        self.discard_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(self.reject)
        lay.addWidget(buttons)
