"""The command room's overview: figure tiles on top, four charts below.

The charts need pyqtgraph, which is slow to import, so ``stationdesk.ui.charts`` is
imported the first time this view is shown; until then only the (cheap) figures
are loaded and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import dashboard
from stationdesk.data.cases import CaseFilter
from stationdesk.data.dashboard import OverviewTiles
from stationdesk.data.uow import Change
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_time
from stationdesk.ui.overview_data import (  # noqa: F401 - re-exported for tests and callers
    CATEGORY_GROUPS,
    CHART_TABLES,
    HOURS,
    TREND_DAYS,
    ChartData,
    load_chart_data,
)
from stationdesk.ui.reload import CoalescedLoad

if TYPE_CHECKING:
    from stationdesk.ui.chart_set import ChartSet

MINUTE_MS = 60_000

# What the tiles are computed from (change-feed table names).
TILE_TABLES = frozenset(
    {
        "case_file",
        "patrol_shift",
        "patrol_grid",
        "grid",
        "mediator",
        "mediator_availability",
        "mediator_exception",
        "mediation_session",
        "session_mediator",
        "follow_up",
    }
)

ALERT_RED = "#c62828"

# Chart positions in the overview's grid: (row, column, column span), three columns.
CHART_LAYOUT = {
    "per_hour": (0, 0, 2),
    "by_status": (0, 2, 1),
    "by_grid": (1, 0, 1),
    "trend": (1, 1, 1),
    "agreement": (1, 2, 1),
    "coverage": (2, 0, 1),
    "mediators": (2, 1, 2),
}


class Tile(QPushButton):
    """A big number with a caption; a button so it can be clicked and focused."""

    def __init__(
        self,
        clickable: bool,
        parent: QWidget | None = None,
        *,
        number_scale: float = 2.6,
        caption_lines: int = 2,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.number = QLabel("–")
        self.caption = QLabel()
        for child in (self.number, self.caption):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * number_scale)
        font.setBold(True)
        self.number.setFont(font)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.number)
        layout.addWidget(self.caption, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(
            self.number.sizeHint().height() + caption_lines * self.fontMetrics().height() + 24
        )
        self.setMinimumWidth(120)
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._clickable = clickable
        self.set_alert(False)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))

    def set_alert(self, alert: bool) -> None:
        border = f"2px solid {ALERT_RED}" if alert else "1px solid #c4c9cf"
        background = "#fdecea" if alert else "#ffffff"
        hover = (
            f"QPushButton#tile:hover {{ border: 2px solid {ALERT_RED if alert else '#0072B2'}; }}"
        )
        self.setStyleSheet(
            f"QPushButton#tile {{ background: {background}; border: {border};"
            " border-radius: 6px; }" + (hover if self._clickable else "")
        )
        self.number.setStyleSheet(f"color: {ALERT_RED};" if alert else "color: #202124;")


class OverviewView(QWidget):
    """Tiles and charts of the station's current picture."""

    # Clicking a tile or a bar: the case list should open with this filter.
    open_cases = Signal(object)  # CaseFilter
    # Clicking a tile that belongs to another view: "patrols" or "mediation".
    open_view = Signal(str)
    # New figures, for the wall-board (which draws the same data in large type).
    tiles_loaded = Signal(object)  # OverviewTiles
    charts_loaded = Signal(object)  # ChartData
    online_changed = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tiles_data: OverviewTiles | None = None
        self.chart_data: ChartData | None = None
        self.charts: ChartSet | None = None
        self._updated_at: datetime | None = None
        self._kept_live = 0  # wall-boards showing this view's figures

        self.tiles: dict[str, Tile] = {}
        tiles_row = QHBoxLayout()
        tiles_row.setSpacing(8)
        specs: list[tuple[str, str, str, Callable[[], None] | None]] = [
            (
                "open_cases",
                self.tr("Open cases"),
                self.tr("Click to list all open cases"),
                lambda: self.open_cases.emit(CaseFilter(open_only=True)),
            ),
            (
                "overdue",
                self.tr("Overdue"),
                self.tr("Open cases past their resolution deadline; click to list them"),
                lambda: self.open_cases.emit(CaseFilter(overdue_only=True)),
            ),
            (
                "unassigned",
                self.tr("Unassigned"),
                self.tr("Open cases with no officer or team; click to list them"),
                lambda: self.open_cases.emit(CaseFilter(open_only=True, unassigned_only=True)),
            ),
            (
                "patrols_on_street",
                self.tr("Patrols on the street now"),
                self.tr("Patrol crews checked in and not finished; click for patrols"),
                lambda: self.open_view.emit("patrols"),
            ),
            (
                "grids_uncovered",
                self.tr("Grids without a patrol now"),
                self.tr("Grids no current patrol shift covers; click for patrols"),
                lambda: self.open_view.emit("patrols"),
            ),
            (
                "mediators_free",
                self.tr("Mediators free now"),
                self.tr(
                    "Mediators, lawyers and court liaisons free at this moment; click for mediation"
                ),
                lambda: self.open_view.emit("mediation"),
            ),
            (
                "follow_ups_due_today",
                self.tr("Follow-ups due today"),
                self.tr("Follow-up visits after agreements due today or earlier and not done"),
                None,
            ),
        ]
        for key, caption, tip, action in specs:
            tile = Tile(clickable=action is not None)
            tile.caption.setText(caption)
            tile.setToolTip(tip)
            tile.setAccessibleName(caption)
            if action is not None:
                tile.clicked.connect(action)
            self.tiles[key] = tile
            tiles_row.addWidget(tile)

        self.status_line = QLabel()
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignRight)
        theme.set_status(self.status_line, "muted")

        self.chart_area = QFrame()
        self.chart_grid = QGridLayout(self.chart_area)
        self.chart_grid.setContentsMargins(0, 0, 0, 0)
        self.chart_grid.setHorizontalSpacing(16)
        self.chart_grid.setVerticalSpacing(12)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(self.status_line)
        layout.addLayout(tiles_row)
        layout.addWidget(self.chart_area, 1)

        worker = ctx.worker
        self._tiles_load: CoalescedLoad[OverviewTiles] = CoalescedLoad(
            worker, self._tiles_job, self._show_tiles, "overview tiles", self
        )
        self._charts_load: CoalescedLoad[ChartData] = CoalescedLoad(
            worker, self._charts_job, self._show_chart_data, "overview charts", self
        )
        # Free mediators, patrols on the street and overdue counts change with time.
        self._minute = QTimer(self)
        self._minute.setInterval(MINUTE_MS)
        self._minute.timeout.connect(self._on_minute)
        self._minute.start()
        self._online = ctx.online
        self._update_status_line()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._tiles_load.load_now()
        self._charts_load.load_now()

    def apply_changes(self, changes: list[Change]) -> None:
        tables = {c.table for c in changes}
        if tables & TILE_TABLES:
            self._tiles_load.request()
        if tables & CHART_TABLES:
            self._charts_load.request()

    def set_online(self, online: bool) -> None:
        # Nothing here edits; offline only means the figures may be stale.
        was_offline = not self._online
        self._online = online
        self._update_status_line()
        self.online_changed.emit(online)
        if online and was_offline:
            self.refresh()

    @property
    def online(self) -> bool:
        return self._online

    def keep_live(self, live: bool) -> None:
        """While a wall-board shows these figures they load even when this view is hidden."""
        self._kept_live = max(0, self._kept_live + (1 if live else -1))
        held = self._kept_live == 0 and not self.isVisible()
        self._tiles_load.hold(held)
        self._charts_load.hold(held)

    # ------------------------------------------------------------------ loading

    def _tiles_job(self) -> Callable[[], OverviewTiles]:
        db, at = self.ctx.db, self.ctx.clock()
        return lambda: dashboard.overview_tiles(db, at)

    def _charts_job(self) -> Callable[[], ChartData]:
        db, at = self.ctx.db, self.ctx.clock()
        return lambda: load_chart_data(db, at)

    def _on_minute(self) -> None:
        self._tiles_load.request()
        last = self.chart_data
        now = self.ctx.clock()
        # The hourly bars move on the hour; the trend's last point with the day.
        if last is None or (last.at.date(), last.at.hour) != (now.date(), now.hour):
            self._charts_load.request()

    def _show_tiles(self, tiles: OverviewTiles) -> None:
        self.tiles_data = tiles
        for key, tile in self.tiles.items():
            tile.set_value(getattr(tiles, key))
        self.tiles["overdue"].set_alert(tiles.overdue > 0)
        self._updated_at = self.ctx.clock()
        self._update_status_line()
        self.tiles_loaded.emit(tiles)

    def _show_chart_data(self, data: ChartData) -> None:
        if self.charts is None:
            self._charts_shown(data)
        else:
            self.charts.draw_in_turns(data, lambda: self._charts_shown(data))

    def _charts_shown(self, data: ChartData) -> None:
        self.chart_data = data
        self.charts_loaded.emit(data)

    def _update_status_line(self) -> None:
        at = self._updated_at
        updated = self.tr("Updated %1").replace("%1", format_time(at)) if at else ""
        if not self._online:
            self.status_line.setText(
                self.tr("Offline: the database cannot be reached; figures may be out of date.")
                + ("  " + updated if updated else "")
            )
            theme.set_status(self.status_line, "overdue")
        else:
            self.status_line.setText(updated)
            theme.set_status(self.status_line, "muted")

    # ------------------------------------------------------------------- charts

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:
            self._make_charts()
        self._tiles_load.hold(False)
        self._charts_load.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Hidden: changes only mark the figures stale; they reload when shown again
        # (unless a wall-board shows them).
        if not self._kept_live:
            self._tiles_load.hold(True)
            self._charts_load.hold(True)

    def _make_charts(self) -> None:
        from stationdesk.ui.chart_set import ChartSet  # pyqtgraph: imported on first show only

        charts = ChartSet(parent=self)
        for name, widget in charts.widgets.items():
            row, column, span = CHART_LAYOUT[name]
            self.chart_grid.addWidget(widget, row, column, 1, span)
        for column in range(3):
            self.chart_grid.setColumnStretch(column, 1)
        charts.open_cases.connect(self.open_cases)
        charts.open_view.connect(self.open_view)
        self.charts = charts
        if self.chart_data is not None:
            charts.draw(self.chart_data)
