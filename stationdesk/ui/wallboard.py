"""The wall-board: the overview's figures full screen, in large type, page after page.

For the command room's wall display. It draws the overview's own data (the
:class:`~stationdesk.ui.views.overview.OverviewView` keeps loading it while a
wall-board is open, even when another view is on screen) and turns to the next page
every few seconds (``wallboard/interval_s`` in the settings, 20 by default). Esc (or
the View menu's action again) leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.dashboard import OverviewTiles
from stationdesk.ui import theme
from stationdesk.ui.i18n import format_time
from stationdesk.ui.overview_data import ChartData
from stationdesk.ui.views.overview import ALERT_RED, OverviewView, Tile

SETTINGS_INTERVAL = "wallboard/interval_s"
DEFAULT_INTERVAL_S = 20
MIN_INTERVAL_S = 3
FONT_SCALE = 1.7
TILE_NUMBER_SCALE = 7.0
CLOCK_MS = 1000

# Chart pages: (title, chart names, columns).
# (QT_TRANSLATE_NOOP returns its text; PySide6's stub says "object".)
CHART_PAGES: tuple[tuple[str, tuple[str, ...], int], ...] = (  # type: ignore[assignment]
    (QT_TRANSLATE_NOOP("WallBoard", "Cases"), ("per_hour", "trend"), 1),
    (QT_TRANSLATE_NOOP("WallBoard", "Open cases"), ("by_status", "by_grid"), 2),
    (QT_TRANSLATE_NOOP("WallBoard", "Patrols and mediators"), ("coverage", "mediators"), 2),
    (QT_TRANSLATE_NOOP("WallBoard", "Mediation results"), ("agreement",), 1),
)


def interval_from_settings() -> int:
    """The rotation interval in milliseconds (settings, at least MIN_INTERVAL_S)."""
    from stationdesk.ui.app import app_settings

    try:
        seconds = int(app_settings().value(SETTINGS_INTERVAL, DEFAULT_INTERVAL_S))
    except (TypeError, ValueError):
        seconds = DEFAULT_INTERVAL_S
    return max(seconds, MIN_INTERVAL_S) * 1000


class WallBoard(QWidget):
    """A top-level, full-screen window rotating between the figures' pages."""

    closed = Signal()

    def __init__(
        self,
        overview: OverviewView,
        interval_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("wallBoard")
        # A fixed minimum: otherwise the layout keeps changing the window's limits as
        # pages turn (and the offscreen platform warns about each change).
        self.setMinimumSize(640, 400)
        self.setWindowTitle(self.tr("StationDesk wall-board"))
        self.overview = overview
        self._closed = False
        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 9.0) * FONT_SCALE)
        self.setFont(big)

        self.page_title = QLabel()
        title_font = QFont(big)
        title_font.setBold(True)
        title_font.setPointSizeF(big.pointSizeF() * 1.3)
        self.page_title.setFont(title_font)
        self.page_count = QLabel()
        self.state = QLabel()
        self.clock = QLabel()
        self.clock.setFont(title_font)
        hint = QLabel(self.tr("Esc: leave the wall-board"))
        theme.set_status(hint, "muted")
        header = QHBoxLayout()
        header.addWidget(self.page_title)
        header.addSpacing(24)
        header.addWidget(self.page_count)
        header.addStretch(1)
        header.addWidget(self.state)
        header.addSpacing(24)
        header.addWidget(hint)
        header.addSpacing(24)
        header.addWidget(self.clock)

        self.pages = QStackedWidget()
        self.page_titles: list[str] = []
        self.tiles: dict[str, Tile] = {}
        self._add_tiles_page()
        from stationdesk.ui.chart_set import ChartSet  # pyqtgraph, as the overview has it

        self.chart_sets: list[ChartSet] = []
        for title, names, columns in CHART_PAGES:
            charts = ChartSet(names, font_scale=FONT_SCALE, parent=self)
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(32)
            for i, widget in enumerate(charts.widgets.values()):
                grid.addWidget(widget, i // columns, i % columns)
            self.pages.addWidget(page)
            self.page_titles.append(self.tr(title))
            self.chart_sets.append(charts)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addWidget(self.pages, 1)

        self.rotation = QTimer(self)
        self.rotation.setInterval(
            interval_ms if interval_ms is not None else interval_from_settings()
        )
        self.rotation.timeout.connect(self.next_page)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(CLOCK_MS)
        self._clock_timer.timeout.connect(self._tick)

        overview.tiles_loaded.connect(self.show_tiles)
        overview.charts_loaded.connect(self.show_charts)
        overview.online_changed.connect(self.set_online)
        overview.keep_live(True)
        if overview.tiles_data is not None:
            self.show_tiles(overview.tiles_data)
        if overview.chart_data is not None:
            self.show_charts(overview.chart_data)
        self.set_online(overview.online)
        self._show_page(0)
        self._tick()
        self.rotation.start()
        self._clock_timer.start()
        overview.refresh()

    # ------------------------------------------------------------------- pages

    def _add_tiles_page(self) -> None:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(24)
        for i, (key, source) in enumerate(self.overview.tiles.items()):
            tile = Tile(clickable=False, number_scale=TILE_NUMBER_SCALE, caption_lines=2)
            tile.caption.setText(source.caption.text())
            tile.setFont(self.font())
            tile.caption.setFont(self.font())
            # The tiles share the whole page (the overview's are one row of fixed height).
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.tiles[key] = tile
            grid.addWidget(tile, i // 4, i % 4)
        self.pages.addWidget(page)
        self.page_titles.append(self.tr("Now"))

    @property
    def page(self) -> int:
        return self.pages.currentIndex()

    def next_page(self) -> None:
        self._show_page((self.page + 1) % self.pages.count())

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.page_title.setText(self.page_titles[index])
        self.page_count.setText(f"{index + 1} / {self.pages.count()}")

    # -------------------------------------------------------------------- data

    def show_tiles(self, tiles: OverviewTiles) -> None:
        for key, tile in self.tiles.items():
            tile.set_value(getattr(tiles, key))
        self.tiles["overdue"].set_alert(tiles.overdue > 0)

    def show_charts(self, data: ChartData) -> None:
        for charts in self.chart_sets:
            charts.draw(data)

    def set_online(self, online: bool) -> None:
        if online:
            self.state.setText("")
        else:
            self.state.setText(self.tr("Offline: figures may be out of date"))
            self.state.setStyleSheet(f"color: {ALERT_RED}; font-weight: bold;")

    def _tick(self) -> None:
        self.clock.setText(format_time(self.overview.ctx.clock()))

    # ----------------------------------------------------------------- leaving

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.next_page()
            self.rotation.start()  # a page turned by hand stays its full time
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.rotation.stop()
            self._clock_timer.stop()
            for signal, slot in (
                (self.overview.tiles_loaded, self.show_tiles),
                (self.overview.charts_loaded, self.show_charts),
                (self.overview.online_changed, self.set_online),
            ):
                signal.disconnect(slot)
            self.overview.keep_live(False)
            self.closed.emit()
        super().closeEvent(event)


def install(window: QWidget) -> None:
    """Add the wall-board action (F11, Ctrl+Shift+W) to the main window's View menu.

    ``window`` is a :class:`stationdesk.ui.main_window.MainWindow`.
    """
    from PySide6.QtGui import QAction, QKeySequence

    w: object = window
    text = QCoreApplication.translate("WallBoard", "&Wall-board (full screen)")
    action = QAction(text, window)
    action.setCheckable(True)
    action.setShortcuts([QKeySequence("F11"), QKeySequence("Ctrl+Shift+W")])
    w.view_menu.addAction(action)  # type: ignore[attr-defined]
    w.wallboard = None  # type: ignore[attr-defined]

    def toggled(on: bool) -> None:
        board = w.wallboard  # type: ignore[attr-defined]
        if not on:
            if board is not None:
                board.close()
            return
        if board is not None:
            return
        overview = w._ensure_view("overview")  # type: ignore[attr-defined]
        if not isinstance(overview, OverviewView):
            action.setChecked(False)
            return
        board = WallBoard(overview, parent=window)
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def left() -> None:
            w.wallboard = None  # type: ignore[attr-defined]
            action.setChecked(False)

        board.closed.connect(left)
        w.wallboard = board  # type: ignore[attr-defined]
        board.showFullScreen()

    action.toggled.connect(toggled)
    w.wallboard_action = action  # type: ignore[attr-defined]
