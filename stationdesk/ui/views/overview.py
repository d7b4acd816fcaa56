"""The command room's overview: figure tiles on top, four charts below.

The charts need pyqtgraph, which is slow to import, so ``stationdesk.ui.charts`` is
imported the first time this view is shown; until then only the (cheap) figures
are loaded and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
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

from stationdesk.data import dashboard, overview_queries
from stationdesk.data.cases import CaseFilter
from stationdesk.data.dashboard import OverviewTiles
from stationdesk.data.database import Database
from stationdesk.data.uow import Change
from stationdesk.domain.enums import DISPUTE_CATEGORIES, OPEN_STATUSES, CaseCategory, CaseStatus
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_time
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad

if TYPE_CHECKING:
    from stationdesk.ui.charts import BarChart, LineChart, StackedBarChart

HOURS = 24
TREND_DAYS = 30
MINUTE_MS = 60_000

# Twelve categories are too many colours for one glance: five groups, in the order
# they are stacked (bottom first).
# (QT_TRANSLATE_NOOP returns its text; PySide6's stub says "object".)
CATEGORY_GROUPS: tuple[tuple[str, tuple[CaseCategory, ...]], ...] = (  # type: ignore[assignment]
    (QT_TRANSLATE_NOOP("OverviewView", "Disputes"), DISPUTE_CATEGORIES),
    (QT_TRANSLATE_NOOP("OverviewView", "Assistance"), (CaseCategory.ASSISTANCE,)),
    (QT_TRANSLATE_NOOP("OverviewView", "Theft & fraud"), (CaseCategory.THEFT, CaseCategory.FRAUD)),
    (QT_TRANSLATE_NOOP("OverviewView", "Drugs"), (CaseCategory.DRUGS,)),
    (
        QT_TRANSLATE_NOOP("OverviewView", "Conflicts & public security"),
        (CaseCategory.CONFLICT, CaseCategory.PUBLIC_SECURITY),
    ),
)

# What each part of the view is computed from (change-feed table names).
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
CHART_TABLES = frozenset({"case_file", "grid"})

ALERT_RED = "#c62828"


@dataclass(frozen=True)
class ChartData:
    """Everything the four charts show, read in one background job."""

    at: datetime
    hour_starts: tuple[datetime, ...]
    per_hour: dict[CaseCategory, list[int]]
    by_status: dict[CaseStatus, int]
    by_grid: list[tuple[int, str, int]]
    trend: list[tuple[date, int]]

    def grouped_per_hour(self) -> list[list[int]]:
        """Cases per hour summed into :data:`CATEGORY_GROUPS` (one row per group)."""
        rows = []
        for _name, members in CATEGORY_GROUPS:
            rows.append([sum(self.per_hour[c][i] for c in members) for i in range(HOURS)])
        return rows


def load_chart_data(db: Database, at: datetime) -> ChartData:
    start = (at - timedelta(hours=HOURS - 1)).replace(minute=0, second=0, microsecond=0)
    return ChartData(
        at=at,
        hour_starts=tuple(start + timedelta(hours=i) for i in range(HOURS)),
        per_hour=dashboard.cases_per_hour(db, at, HOURS),
        by_status=dashboard.open_by_status(db),
        by_grid=dashboard.open_by_grid(db),
        trend=overview_queries.overdue_trend_to_now(db, at, TREND_DAYS),
    )


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


@dataclass
class _Charts:
    """The four chart widgets, made on first show."""

    module: ModuleType  # stationdesk.ui.charts
    per_hour: StackedBarChart
    by_status: BarChart
    by_grid: BarChart
    trend: LineChart

    def widgets(self) -> list[QWidget]:
        return [self.per_hour, self.by_status, self.by_grid, self.trend]


class OverviewView(QWidget):
    """Tiles and charts of the station's current picture."""

    # Clicking a tile or a bar: the case list should open with this filter.
    open_cases = Signal(object)  # CaseFilter
    # Clicking a tile that belongs to another view: "patrols" or "mediation".
    open_view = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tiles_data: OverviewTiles | None = None
        self.chart_data: ChartData | None = None
        self.charts: _Charts | None = None
        self._updated_at: datetime | None = None
        self._grid_ids: list[int] = []

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
        self.status_line.setStyleSheet("color: #5f6368;")

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
        if online and was_offline:
            self.refresh()

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

    def _show_chart_data(self, data: ChartData) -> None:
        self.chart_data = data
        if self.charts is not None:
            self._draw_charts(data)

    def _update_status_line(self) -> None:
        at = self._updated_at
        updated = self.tr("Updated %1").replace("%1", format_time(at)) if at else ""
        if not self._online:
            self.status_line.setText(
                self.tr("Offline: the database cannot be reached; figures may be out of date.")
                + ("  " + updated if updated else "")
            )
            self.status_line.setStyleSheet(f"color: {ALERT_RED}; font-weight: bold;")
        else:
            self.status_line.setText(updated)
            self.status_line.setStyleSheet("color: #5f6368;")

    # ------------------------------------------------------------------- charts

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts is None:
            self._make_charts()
        self._tiles_load.hold(False)
        self._charts_load.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Hidden: changes only mark the figures stale; they reload when shown again.
        self._tiles_load.hold(True)
        self._charts_load.hold(True)

    def _make_charts(self) -> None:
        from stationdesk.ui import charts as mod  # pyqtgraph: imported on first show only

        charts = _Charts(
            module=mod,
            per_hour=mod.StackedBarChart(
                self.tr("New cases per hour, last 24 hours"),
                [self.tr(name) for name, _members in CATEGORY_GROUPS],
            ),
            by_status=mod.BarChart(
                self.tr("Open cases by status"), colour=mod.OKABE_ITO[0], clickable=True
            ),
            by_grid=mod.BarChart(
                self.tr("Open cases by grid"),
                horizontal=True,
                colour=mod.OKABE_ITO[1],
                clickable=True,
            ),
            trend=mod.LineChart(
                self.tr("Overdue cases at the end of each day, last 30 days (last point: now)"),
                colour=mod.OKABE_ITO[4],
            ),
        )
        charts.by_status.setToolTip(self.tr("Click a bar to list the open cases with that status"))
        charts.by_grid.setToolTip(self.tr("Click a grid to list its open cases"))
        for i, widget in enumerate(charts.widgets()):
            self.chart_grid.addWidget(widget, i // 2, i % 2)
        self.chart_grid.setColumnStretch(0, 1)
        self.chart_grid.setColumnStretch(1, 1)
        charts.by_status.bar_clicked.connect(self._status_clicked)
        charts.by_grid.bar_clicked.connect(self._grid_clicked)
        self.charts = charts
        if self.chart_data is not None:
            self._draw_charts(self.chart_data)

    def _draw_charts(self, data: ChartData) -> None:
        charts = self.charts
        assert charts is not None
        mod = charts.module
        charts.per_hour.set_data(data.grouped_per_hour(), mod.hour_ticks(data.hour_starts))
        charts.by_status.set_data(
            [label(s) for s in OPEN_STATUSES], [data.by_status.get(s, 0) for s in OPEN_STATUSES]
        )
        self._grid_ids = [gid for gid, _name, _n in data.by_grid]
        charts.by_grid.set_data(
            [name for _gid, name, _n in data.by_grid], [n for _gid, _name, n in data.by_grid]
        )
        days = [d for d, _n in data.trend]
        charts.trend.set_data(
            list(range(len(days))), [n for _d, n in data.trend], mod.day_ticks(days)
        )

    def _status_clicked(self, index: int) -> None:
        self.open_cases.emit(CaseFilter(statuses=frozenset({OPEN_STATUSES[index]})))

    def _grid_clicked(self, index: int) -> None:
        if index < len(self._grid_ids):
            grid = self._grid_ids[index]
            self.open_cases.emit(CaseFilter(open_only=True, grid_ids=frozenset({grid})))
