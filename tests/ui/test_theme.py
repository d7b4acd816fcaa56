"""The night-shift (dark) look, and window and table layouts remembered per user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from stationdesk.data.database import Database
from stationdesk.ui import theme
from stationdesk.ui.app import app_settings
from stationdesk.ui.context import AppContext
from stationdesk.ui.main_window import VIEW_NAMES, MainWindow


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio (1..21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def light_again(qapp: QApplication) -> Iterator[None]:
    """Whatever a test does, the application and the saved choice end light."""
    yield
    theme.apply_theme(theme.LIGHT, qapp)
    settings = app_settings()
    settings.remove(theme.SETTINGS_KEY)
    settings.remove("tables")
    settings.sync()


class Blank(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def refresh(self) -> None:
        pass


BLANKS = {name: Blank for name in VIEW_NAMES}


def test_dark_palette_reads_well(qapp: QApplication) -> None:
    p = theme.dark_palette()
    role = QPalette.ColorRole
    pairs = [
        (role.WindowText, role.Window, 7.0),
        (role.Text, role.Base, 7.0),
        (role.ButtonText, role.Button, 7.0),
        (role.HighlightedText, role.Highlight, 4.5),
        (role.PlaceholderText, role.Base, 4.5),
        (role.ToolTipText, role.ToolTipBase, 7.0),
    ]
    for fg, bg, least in pairs:
        ratio = contrast(p.color(fg), p.color(bg))
        assert ratio >= least, (fg, bg, round(ratio, 1))


def test_view_menu_switches_to_dark_and_the_next_window_remembers(
    qtbot,  # type: ignore[no-untyped-def]
    ctx: AppContext,
    qapp: QApplication,
    light_again: None,
) -> None:
    win = MainWindow(ctx, view_factories=BLANKS, live=False)
    qtbot.addWidget(win)
    assert theme.current_theme(qapp) == theme.LIGHT
    assert not win.dark_theme_action.isChecked()
    win.dark_theme_action.trigger()
    assert theme.current_theme(qapp) == theme.DARK
    window_colour = win.palette().color(QPalette.ColorRole.Window)
    assert window_colour.lightness() < 60
    # The named parts follow too: the status bar's light grey is gone.
    assert "#151a21" in qapp.styleSheet()
    win.close()
    assert app_settings().value(theme.SETTINGS_KEY) == theme.DARK

    theme.apply_theme(theme.LIGHT, qapp)  # as on a fresh start
    again = MainWindow(ctx, view_factories=BLANKS, live=False)
    qtbot.addWidget(again)
    assert theme.current_theme(qapp) == theme.DARK
    assert again.dark_theme_action.isChecked()
    again.dark_theme_action.trigger()
    assert theme.current_theme(qapp) == theme.LIGHT
    assert qapp.palette().color(QPalette.ColorRole.Window).name() == "#e9edf1"
    again.close()
    assert app_settings().value(theme.SETTINGS_KEY) == theme.LIGHT


def test_dark_overview_keeps_tiles_and_charts_readable(
    qapp: QApplication,
    demo_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    light_again: None,
) -> None:
    from stationdesk.ui.screenshot import render_view

    monkeypatch.setenv(theme.ENV_OVERRIDE, theme.DARK)
    out = tmp_path / "dark.png"
    render_view(demo_db, "overview", out, "zh_CN", (1400, 900))
    image = QImage(str(out))
    # The window is dark, the navigation darker still ...
    assert image.pixelColor(120, 893).lightness() < 60  # status bar, left of its labels
    assert image.pixelColor(700, 12).lightness() < 60  # menu bar
    assert image.pixelColor(60, 700).lightness() < 40
    # ... and the screenshot put the app's own look back afterwards.
    assert theme.current_theme(qapp) == theme.LIGHT


def test_tile_captions_stay_dark_on_their_light_face(
    qtbot,  # type: ignore[no-untyped-def]
    ctx: AppContext,
    qapp: QApplication,
    settle,  # type: ignore[no-untyped-def]
    light_again: None,
) -> None:
    theme.apply_theme(theme.DARK, qapp)
    win = MainWindow(ctx, persist=False, live=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    settle()
    # A window that remembers nothing keeps the look the application has.
    assert theme.current_theme(qapp) == theme.DARK
    overview = win.view("overview")
    assert overview is not None
    tiles = [w for w in overview.findChildren(QWidget) if w.objectName() == "tile"]
    assert tiles
    for tile in tiles:
        for caption in tile.findChildren(QLabel):
            caption.ensurePolished()
            text = caption.palette().color(QPalette.ColorRole.WindowText)
            # 4.5:1 (WCAG AA) on white; the alert tile's big red number is at 5.6:1.
            assert contrast(text, QColor("#ffffff")) >= 4.5, text.name()
    win.close()


def test_table_column_widths_are_remembered(
    qtbot,  # type: ignore[no-untyped-def]
    ctx: AppContext,
    settle,  # type: ignore[no-untyped-def]
    light_again: None,
) -> None:
    win = MainWindow(ctx, start_view="cases", live=False)
    qtbot.addWidget(win)
    win.show()
    settle()
    table = win.view("cases").table  # type: ignore[union-attr]
    table.setColumnWidth(1, 233)
    win.close()
    settle()

    again = MainWindow(ctx, start_view="cases", live=False)
    qtbot.addWidget(again)
    again.show()
    settle()
    assert again.view("cases").table.columnWidth(1) == 233  # type: ignore[union-attr]
    again.close()
    settle()
