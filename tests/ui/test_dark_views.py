"""The night-shift look: every coloured cell and label stays readable on the dark window.

A cell that sets a background also sets its text colour; labels and the alert list take
their colours from the look (palette or the style sheets' status rules), not fixed greys.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QWidget

from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.main_window import MainWindow


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color()
    return value if isinstance(value, QColor) else None


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    theme.apply_theme(theme.DARK, qapp)
    yield
    theme.apply_theme(theme.LIGHT, qapp)


@pytest.fixture
def window(qtbot, ctx: AppContext, settle, dark: None) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx, persist=False, live=False)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    settle()
    yield win
    win.close()


def _cells_read_well(model, base: QColor) -> int:  # type: ignore[no-untyped-def]
    """Every cell's text against its own background (or the table base); cells checked."""
    checked = 0
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            if not index.data(Qt.ItemDataRole.DisplayRole):
                continue
            bg = _colour(index.data(Qt.ItemDataRole.BackgroundRole))
            fg = _colour(index.data(Qt.ItemDataRole.ForegroundRole))
            if bg is not None:
                assert fg is not None, f"cell {r},{c} sets a background but no text colour"
            text = fg or QApplication.palette().color(QPalette.ColorRole.Text)
            ratio = contrast(text, bg or base)
            assert ratio >= 4.5, (r, c, index.data(), text.name(), (bg or base).name(), ratio)
            checked += 1
    return checked


def _label_reads_well(label: QLabel) -> None:
    label.ensurePolished()
    text = label.palette().color(QPalette.ColorRole.WindowText)
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    assert contrast(text, window) >= 4.5, (label.text(), text.name(), window.name())


def test_alert_list_and_overview_status_line_follow_the_dark_look(
    window: MainWindow,
    settle,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    alerts = window.findChild(QListWidget, "alertList")
    assert alerts is not None
    qtbot.waitUntil(lambda: alerts.count() > 0, timeout=10_000)
    alerts.ensurePolished()
    base = alerts.palette().color(QPalette.ColorRole.Base)
    assert base.lightness() < 60  # the list is dark like the rest of the window
    for i in range(alerts.count()):
        fg = alerts.item(i).foreground()
        text = (
            fg.color()
            if fg.style() != Qt.BrushStyle.NoBrush
            else alerts.palette().color(QPalette.ColorRole.Text)
        )
        assert contrast(text, base) >= 7, text.name()
    overview = window.view("overview")
    _label_reads_well(overview.status_line)


def test_patrol_day_week_board_and_legends_read_well_in_the_dark(
    window: MainWindow,
    settle,  # type: ignore[no-untyped-def]
) -> None:
    window.show_view("patrols")
    settle()
    patrols = window.view("patrols")
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert _cells_read_well(patrols.shift_table.model(), base) > 0
    assert _cells_read_well(patrols.coverage_table.model(), base) > 0
    _label_reads_well(patrols.marks_legend)
    board = patrols.show_week_board()
    settle()
    assert _cells_read_well(board.model, base) > 0


def test_mediation_board_sessions_and_calendar_read_well_in_the_dark(
    window: MainWindow,
    settle,  # type: ignore[no-untyped-def]
) -> None:
    window.show_view("mediation")
    settle()
    view = window.view("mediation")
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    tables = [w for w in view.findChildren(QWidget) if hasattr(w, "model") and w.isVisible()]
    checked = sum(
        _cells_read_well(t.model(), base) for t in tables if callable(getattr(t, "model", None))
    )
    assert checked > 0
    view.tabs.setCurrentIndex(1)  # the mediator's calendar
    settle()
    mediator = view.calendar.mediator.itemData(max(view.calendar.mediator.count() - 1, 0))
    view.calendar.set_mediator(mediator)
    settle()
    backgrounds = [
        view.calendar.grid.item(r, c)
        for r in range(view.calendar.grid.rowCount())
        for c in range(view.calendar.grid.columnCount())
    ]
    coloured = [
        i for i in backgrounds if i is not None and i.background().style() != Qt.BrushStyle.NoBrush
    ]
    assert coloured, "the calendar shows working hours"
    for item in coloured:
        assert item.foreground().style() != Qt.BrushStyle.NoBrush, item.text()
        assert contrast(item.foreground().color(), item.background().color()) >= 4.5


def _labels_read_well(root: QWidget) -> int:
    """Every visible label with text against its own background; labels checked."""
    checked = 0
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        label.ensurePolished()
        palette = label.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        ground = palette.color(QPalette.ColorRole.Window)
        assert contrast(text, ground) >= 4.5, (label.text()[:60], text.name(), ground.name())
        checked += 1
    return checked


def _open_dispute(ctx: AppContext) -> int:
    from sqlalchemy import select

    from stationdesk.data.schema import Case
    from stationdesk.domain.enums import CaseCategory, CaseStatus

    with ctx.db.read() as s:
        return int(
            s.scalars(
                select(Case.id)
                .where(
                    Case.category == CaseCategory.DISPUTE_FAMILY,
                    Case.status.in_([CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS]),
                )
                .order_by(Case.id.desc())
                .limit(1)
            ).one()
        )


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_case_detail_panel_hints_read_well_in_the_dark(
    qtbot,
    ctx: AppContext,
    settle,
    dark: None,  # type: ignore[no-untyped-def]
) -> None:
    from stationdesk.ui.case_detail import CaseDetailPanel

    panel = CaseDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    settle()
    assert panel.placeholder.isVisible()
    _label_reads_well(panel.placeholder)  # "Select a case in the list…"
    panel.show_case(_open_dispute(ctx))
    settle()
    assert panel.detail is not None
    # A case without an owner shows "not assigned" in the muted colour of the look.
    theme.set_status(panel.fact["owner"], "muted")
    assert _labels_read_well(panel) > 5


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_booking_dialog_reads_well_in_the_dark(
    qtbot,
    ctx: AppContext,
    settle,
    dark: None,  # type: ignore[no-untyped-def]
) -> None:
    from stationdesk.ui.booking_dialog import BookingDialog

    dialog = BookingDialog(ctx, _open_dispute(ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    assert dialog.status_hint.property("status") == "muted"
    dialog.status_hint.setText(dialog.status_hint.text() or "hint")
    dialog.status_hint.show()
    assert _labels_read_well(dialog) > 3
    dialog.reject()
