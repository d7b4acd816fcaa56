"""Pieces the tabs of the Community view share: the period picker, table helpers,
field messages for the community forms and the message line."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from stationdesk.domain.community import Period, PeriodKind, period_containing
from stationdesk.domain.validation import FieldError
from stationdesk.ui.field_errors import field_error_text
from stationdesk.ui.i18n import format_date

translate = QCoreApplication.translate

GREEN = QColor("#1b7f3b")
RED = QColor("#c62828")
AMBER = QColor("#9a5b00")
GREY = QColor("#6b6f75")
RED_BACKGROUND = QColor("#fdecea")
AMBER_BACKGROUND = QColor("#fff4e0")
INVALID_STYLE = "border:2px solid #c62828;"
ERROR_STYLE = "color: #c62828;"


def item(text: str, tooltip: str = "", align_right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tooltip:
        cell.setToolTip(tooltip)
    if align_right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


def colour(cell: QTableWidgetItem, fg: QColor, bg: QColor | None = None) -> QTableWidgetItem:
    cell.setForeground(QBrush(fg))
    if bg is not None:
        cell.setBackground(QBrush(bg))
    return cell


def make_table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    """A read-only table with fixed row heights (no resize-to-contents per row)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
    rows.hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def community_error_text(err: FieldError) -> str:
    """Messages for the codes only the community forms raise; the rest as elsewhere."""
    p = err.params
    if err.code == "too_old":
        return translate("CommunityForms", "More than %1 days ago: check the date.").replace(
            "%1", str(p.get("days", "?"))
        )
    if err.code == "out_of_range":
        return (
            translate("CommunityForms", "Must be from %1 to %2.")
            .replace("%1", str(p.get("low", "?")))
            .replace("%2", str(p.get("high", "?")))
        )
    if err.code == "not_whole_number":
        return translate("CommunityForms", "Must be a whole number.")
    if err.code == "not_police_officer":
        return translate(
            "CommunityForms", "The responsible officer must be an active police officer."
        )
    if err.code == "not_helper":
        return translate(
            "CommunityForms", "Helpers must be active auxiliary officers or police assistants."
        )
    if err.code == "helper_is_officer":
        return translate("CommunityForms", "The responsible officer cannot also be a helper.")
    return field_error_text(err)


class MessageLine(QLabel):
    """A green or red line that says what happened, hiding itself after a while."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self.hide)

    def say(self, text: str, error: bool, keep: bool = False) -> None:
        """``keep``: stays until the next message (a save whose outcome is not known)."""
        fg, bg = ("#8a1c1c", "#fdecea") if error else ("#1b5e20", "#e8f5e9")
        self.setStyleSheet(f"color: {fg}; background: {bg}; padding: 6px; border-radius: 4px;")
        self.setText(text)
        self.show()
        if keep:
            self._timer.stop()
        else:
            self._timer.start()


class PeriodBar(QWidget):
    """◀ period ▶ and "This period": the period every tab shows."""

    changed = Signal(object)  # Period

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.period = period_containing(today, PeriodKind.MONTH)
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        for arrow in (self.prev_button, self.next_button):
            arrow.setFixedWidth(arrow.fontMetrics().horizontalAdvance("◀") * 3 + 16)
        self.current_button = QPushButton(self.tr("This period"))
        self.label = QLabel()
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00 – 0000-00-00"))
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prev_button.clicked.connect(lambda: self.set_period(self.period.previous()))
        self.next_button.clicked.connect(lambda: self.set_period(self.period.next()))
        self.current_button.clicked.connect(
            lambda: self.set_period(period_containing(self._today, self.period.kind))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.label, self.next_button, self.current_button):
            layout.addWidget(w)
        self._show()

    def set_today(self, today: date) -> None:
        was_current = self.period.contains(self._today)
        self._today = today
        if was_current and not self.period.contains(today):
            self.set_period(period_containing(today, self.period.kind))
        self._show()

    def set_kind(self, kind: PeriodKind) -> None:
        """Follow the station's target period (week, month or quarter)."""
        if kind != self.period.kind:
            self.set_period(period_containing(self.period.start, kind))

    @property
    def is_current(self) -> bool:
        return self.period.contains(self._today)

    def set_period(self, period: Period) -> None:
        if period == self.period:
            return
        self.period = period
        self._show()
        self.changed.emit(period)

    def text(self) -> str:
        return self.label.text()

    def _show(self) -> None:
        p = self.period
        if p.kind == PeriodKind.MONTH:
            text = self.tr("%1-%2").replace("%1", str(p.start.year))
            text = text.replace("%2", f"{p.start.month:02d}")
        elif p.kind == PeriodKind.QUARTER:
            text = (
                self.tr("%1 Q%2")
                .replace("%1", str(p.start.year))
                .replace("%2", str((p.start.month - 1) // 3 + 1))
            )
        else:
            text = self.tr("Week of %1").replace("%1", format_date(p.start))
        self.label.setText(text)
        self.label.setToolTip(
            self.tr("%1 to %2")
            .replace("%1", format_date(p.start))
            .replace("%2", format_date(p.end.fromordinal(p.end.toordinal() - 1)))
        )
        self.next_button.setEnabled(not p.contains(self._today))
        self.current_button.setEnabled(not p.contains(self._today))
