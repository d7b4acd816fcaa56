"""Shared look of the case screens: message styles, time format, small layout helpers."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLayout, QSizePolicy

from stationdesk.ui import theme
from stationdesk.ui.i18n import format_datetime

ERROR_STYLE = "background:#fbe3e3; color:#8b1a1a; border:1px solid #e0a0a0; padding:6px;"
INFO_STYLE = "background:#e6f0fa; color:#123e6b; border:1px solid #a9c6e6; padding:6px;"
OVERDUE_STYLE = "color:#8b1a1a; font-weight:bold;"
ERROR_LABEL_STYLE = "color:#b3261e;"  # a message under the field it is about
# Overdue rows: dark red on a pale red, readable on light and dark palettes alike
# because both colours are set (contrast ratio about 7:1).
OVERDUE_BACKGROUND = QColor("#fbe3e3")
OVERDUE_FOREGROUND = QColor("#8b1a1a")


def fmt_time(value: datetime | None) -> str:
    return format_datetime(value)


def muted(text: str) -> QLabel:
    widget = QLabel(text)
    theme.set_status(widget, "muted")
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return widget


def clear_layout(layout: QLayout) -> None:
    """Remove and delete everything in a layout (nested layouts included)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            clear_layout(inner)
