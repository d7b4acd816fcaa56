"""At 1600×900 with the alerts dock open, the case filter bar and the roster toolbar
show every label, button and choice in full (nothing cut to "All catego…")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

from stationdesk.ui.context import AppContext
from stationdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, ctx: AppContext, settle) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx, persist=False, live=False)
    qtbot.addWidget(win)
    win.resize(1600, 900)
    win.show()
    settle()
    # The alert dock lists its alerts a moment after start: wait until it is at its
    # widest (a list of alerts, not the "No alerts." note).
    alerts = win.findChild(QWidget, "alertList")
    assert alerts is not None
    qtbot.waitUntil(alerts.isVisible, timeout=15_000)
    yield win
    win.close()


def _cut(widget: QWidget) -> str | None:
    """The text a widget shows cut off, or None when it shows it all."""
    fm = widget.fontMetrics()
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        return text if fm.horizontalAdvance(text) > field.width() else None
    if isinstance(widget, QLabel):
        text = widget.text()
        if widget.wordWrap() or not text:
            return None
        return text if fm.horizontalAdvance(text) > widget.contentsRect().width() else None
    if isinstance(widget, QPushButton | QToolButton):
        # The text plus the style's margins (a push button's usual minimum width is
        # only a preference: the fixed-width ◀ ▶ show their arrow in full).
        margin = widget.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, widget)
        needed = fm.horizontalAdvance(widget.text()) + 2 * margin
        return widget.text() if needed > widget.width() else None
    if isinstance(widget, QAbstractButton):  # radio buttons, check boxes
        return widget.text() if widget.width() < widget.sizeHint().width() else None
    return None


def _all_shown(root: QWidget) -> int:
    checked = 0
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QComboBox | QAbstractButton | QLabel) or not widget.isVisible():
            continue
        if widget.window() is not root.window():
            continue
        assert _cut(widget) is None, (type(widget).__name__, _cut(widget), widget.width())
        checked += 1
    return checked


def test_case_filter_bar_fits_next_to_the_alerts_dock(window: MainWindow, settle) -> None:  # type: ignore[no-untyped-def]
    dock = window.findChild(QWidget, "alertList")
    assert dock is not None and dock.isVisible()
    window.show_view("cases")
    settle()
    bar = window.view("cases").filters
    assert _all_shown(bar) >= 15
    # The widest choice fits too, not only the one shown first.
    combo = bar.category_combo
    longest = max(range(combo.count()), key=lambda i: combo.fontMetrics().horizontalAdvance(
        combo.itemText(i)))  # fmt: skip
    combo.setCurrentIndex(longest)
    settle()
    assert _cut(combo) is None


def test_roster_toolbar_fits_next_to_the_alerts_dock(window: MainWindow, settle) -> None:  # type: ignore[no-untyped-def]
    window.show_view("patrols")
    settle()
    board = window.view("patrols").show_week_board()
    settle()
    toolbar = [
        board.prev_button, board.week_label, board.next_button, board.this_week_button,
        board.by_grid, board.by_person, board.check_in_button, board.complete_button,
        board.missed_button, board.generate_button, board.rules_button,
    ]  # fmt: skip
    assert board.week_label.text().startswith("Week of 2026-")
    for widget in toolbar:
        assert widget.isVisible()
        assert _cut(widget) is None, (type(widget).__name__, _cut(widget), widget.width())
