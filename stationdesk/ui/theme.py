"""Light and dark (night-shift) looks: the palette plus resources/style*.qss.

The light look is what ``app.prepare_app`` sets up at start. The dark one lays
``style-dark.qss`` over ``style.qss`` (which styles named parts with light colours)
and swaps the palette, so widgets that only use palette colours follow on their own.
Charts keep their light plot area in the dark look: pyqtgraph's axes and value labels
are drawn in fixed dark colours, and a light panel keeps them readable (the chart
titles and legends are labels and follow the palette).

The choice is a per-user setting (``ui/theme``); ``STATIONDESK_THEME=dark`` overrides it
(screenshots of the dark look for the user guide).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from stationdesk.ui import i18n

LIGHT, DARK = "light", "dark"
THEMES = (LIGHT, DARK)
SETTINGS_KEY = "ui/theme"
ENV_OVERRIDE = "STATIONDESK_THEME"

_DARK_ROLES = {
    QPalette.ColorRole.Window: "#1b2129",
    QPalette.ColorRole.WindowText: "#e6eaef",
    QPalette.ColorRole.Base: "#12171d",
    QPalette.ColorRole.AlternateBase: "#1a2028",
    QPalette.ColorRole.Text: "#e6eaef",
    QPalette.ColorRole.Button: "#2a323d",
    QPalette.ColorRole.ButtonText: "#e6eaef",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2f6aa8",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#2a323d",
    QPalette.ColorRole.ToolTipText: "#e6eaef",
    QPalette.ColorRole.PlaceholderText: "#8d99a6",
    QPalette.ColorRole.Link: "#8cbdf0",
    QPalette.ColorRole.LinkVisited: "#b79be8",
    QPalette.ColorRole.Light: "#3a4450",
    QPalette.ColorRole.Midlight: "#303944",
    QPalette.ColorRole.Mid: "#262e38",
    QPalette.ColorRole.Dark: "#0e1216",
    QPalette.ColorRole.Shadow: "#000000",
}


def normalize(name: object) -> str:
    """'dark' or 'light' (anything unknown is light)."""
    return DARK if str(name or "").strip().lower() == DARK else LIGHT


def saved_theme(settings: QSettings | None) -> str | None:
    """``STATIONDESK_THEME``, else the per-user setting (light when never chosen).

    None without settings and without the variable: leave the look as it is (a
    window that remembers nothing, e.g. a screenshot, keeps the application's look).
    """
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return normalize(override)
    if settings is None:
        return None
    return normalize(settings.value(SETTINGS_KEY, LIGHT, str))


def save_theme(settings: QSettings, name: str) -> None:
    settings.setValue(SETTINGS_KEY, normalize(name))


def dark_palette() -> QPalette:
    p = QPalette()
    for role, colour in _DARK_ROLES.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7a86"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#1b2129"))
    return p


def light_palette() -> QPalette:
    # The one prepare_app() installs; imported late (app.py imports the data layer).
    from stationdesk.ui.app import _palette

    return _palette()


def style_sheet(name: str) -> str:
    """style.qss, plus style-dark.qss over it for the dark look."""
    folder = i18n.resources_dir()
    parts = ["style.qss"] + (["style-dark.qss"] if normalize(name) == DARK else [])
    return "\n".join(
        (folder / part).read_text(encoding="utf-8") for part in parts if (folder / part).is_file()
    )


def current_theme(app: QApplication | None = None) -> str:
    """What the application shows now, judged by its palette (dark window = dark)."""
    app = app or _app()
    if app is None:
        return LIGHT
    return DARK if app.palette().color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def apply_theme(name: str | None, app: QApplication | None = None) -> bool:
    """Switch the whole application to ``name``; False when it already shows it (or None)."""
    app = app or _app()
    if name is None or app is None:
        return False
    name = normalize(name)
    if current_theme(app) == name:
        return False
    app.setPalette(dark_palette() if name == DARK else light_palette())
    app.setStyleSheet(style_sheet(name))
    # Widgets that set a palette of their own keep it; repolish the rest at once.
    for widget in app.topLevelWidgets():
        _repolish(widget)
    return True


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def _app() -> QApplication | None:
    instance = QApplication.instance()
    return instance if isinstance(instance, QApplication) else None


# --- colours chosen with the look -------------------------------------------------
# Text on the window or table base: the same colours as *[status=...] in the style
# sheets, so a coloured cell reads as well as a coloured label in either look.
_STATUS_COLOURS = {
    LIGHT: {"overdue": "#b3261e", "warning": "#8a5300", "ok": "#1b6e35", "muted": "#5f6b78"},
    DARK: {"overdue": "#ff8a80", "warning": "#f2b85c", "ok": "#7ad694", "muted": "#9aa5b1"},
}
# Text on a light, coloured background (a warning cell, a booked slot): dark in both
# looks, because the background stays light in both.
TEXT_ON_LIGHT = QColor("#202124")


def status_colour(status: str) -> QColor:
    """Text colour for 'overdue', 'warning', 'ok' or 'muted' on the current look's base."""
    return QColor(_STATUS_COLOURS[current_theme()][status])


def set_status(widget: QWidget, status: str) -> None:
    """Colour a label through the style sheets' ``*[status=...]`` rules ('' for none).

    The rules exist in the light and the dark sheet, so the label follows the look
    (a fixed ``color:`` in the widget's own style sheet would not).
    """
    if widget.property("status") == status:
        return
    widget.setProperty("status", status)
    _repolish(widget)
