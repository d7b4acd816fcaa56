"""The overview's charts as one set: made on first show, fed one ``ChartData``.

The overview shows all of them; each wall-board page shows a few at a larger size.
Imports pyqtgraph (through stationdesk.ui.charts), so it is imported on first use.
Clicking a bar or a point asks for the matching case list (``open_cases``) or, where
no case filter fits, for the view that has the details (``open_view``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from stationdesk.data.cases import CaseFilter
from stationdesk.domain.enums import OPEN_STATUSES
from stationdesk.ui import charts as mod
from stationdesk.ui.chart_timeline import TimelineChart
from stationdesk.ui.i18n import format_day
from stationdesk.ui.labels import label
from stationdesk.ui.overview_data import CATEGORY_GROUPS, ChartData

CHART_NAMES = (
    "per_hour",
    "by_status",
    "by_grid",
    "trend",
    "coverage",
    "mediators",
    "agreement",
)


class ChartSet(QObject):
    """The named charts (a subset of :data:`CHART_NAMES`), drawn from one ChartData."""

    open_cases = Signal(object)  # CaseFilter
    open_view = Signal(str)

    def __init__(
        self,
        names: Sequence[str] = CHART_NAMES,
        font_scale: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.names = tuple(names)
        self.module = mod
        self.data: ChartData | None = None
        self._grid_ids: list[int] = []
        self._to_draw: list[str] = []
        self._drawn: Callable[[], None] | None = None
        self.widgets: dict[str, QWidget] = {}
        for name in self.names:
            widget = getattr(self, f"_make_{name}")(font_scale)
            self.widgets[name] = widget
            setattr(self, name, widget)

    # ------------------------------------------------------------------- making

    def _make_per_hour(self, scale: float) -> mod.StackedBarChart:
        chart = mod.StackedBarChart(
            self.tr("New cases per hour, last 24 hours"),
            [
                QCoreApplication.translate("OverviewView", name)
                for name, _members in CATEGORY_GROUPS
            ],
            font_scale=scale,
        )
        chart.setToolTip(self.tr("Click a bar to list the cases of that hour and category"))
        chart.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        chart.plot.scene().sigMouseClicked.connect(self._per_hour_clicked)
        return chart

    def _make_by_status(self, scale: float) -> mod.BarChart:
        # Horizontal: status names are long in English and would overlap under columns.
        chart = mod.BarChart(
            self.tr("Open cases by status"),
            horizontal=True,
            colour=mod.OKABE_ITO[0],
            clickable=True,
            font_scale=scale,
        )
        chart.setToolTip(self.tr("Click a bar to list the open cases with that status"))
        chart.bar_clicked.connect(self._status_clicked)
        return chart

    def _make_by_grid(self, scale: float) -> mod.BarChart:
        chart = mod.BarChart(
            self.tr("Open cases by grid"),
            horizontal=True,
            colour=mod.OKABE_ITO[1],
            clickable=True,
            font_scale=scale,
        )
        chart.setToolTip(self.tr("Click a grid to list its open cases"))
        chart.bar_clicked.connect(self._grid_clicked)
        return chart

    def _make_trend(self, scale: float) -> mod.LineChart:
        chart = mod.LineChart(
            self.tr("Overdue cases at the end of each day, last 30 days (last point: now)"),
            colour=mod.OKABE_ITO[4],
            clickable=True,
            font_scale=scale,
        )
        chart.setToolTip(self.tr("Click to list the cases overdue now"))
        chart.line_clicked.connect(lambda _i: self.open_cases.emit(CaseFilter(overdue_only=True)))
        return chart

    def _make_coverage(self, scale: float) -> mod.BarChart:
        chart = mod.BarChart(
            self.tr("Patrol coverage by grid today (hours of 24)"),
            horizontal=True,
            colour=mod.OKABE_ITO[0],
            clickable=True,
            value_format=self.tr("{:.1f} h"),
            top=36.0,  # 24 h and room for the value written after the bar ("24.0 小时")
            font_scale=scale,
        )
        chart.setToolTip(self.tr("Hours of today some patrol covers each grid; click for patrols"))
        chart.bar_clicked.connect(lambda _i: self.open_view.emit("patrols"))
        return chart

    def _make_mediators(self, scale: float) -> TimelineChart:
        chart = TimelineChart(
            self.tr("Mediators today"),
            self.tr("Available"),
            self.tr("Booked session"),
            font_scale=scale,
        )
        chart.setToolTip(self.tr("Availability and booked sessions of each mediator today"))
        chart.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        chart.plot.scene().sigMouseClicked.connect(lambda _e: self.open_view.emit("mediation"))
        return chart

    def _make_agreement(self, scale: float) -> mod.BarChart:
        chart = mod.BarChart(
            self.tr("Mediation agreement rate per week (full agreements of sessions held)"),
            colour=mod.OKABE_ITO[1],
            value_format="{:.0f}%",
            top=125.0,  # 100% and room for the value written above the bar
            font_scale=scale,
        )
        return chart

    # ------------------------------------------------------------------ drawing

    def draw(self, data: ChartData) -> None:
        """Feed every chart of the set its arrays (items are updated, not recreated)."""
        self.data = data
        self._to_draw = []
        for name in self.names:
            getattr(self, f"_draw_{name}")(data)

    def draw_in_turns(self, data: ChartData, drawn: Callable[[], None]) -> None:
        """Like :meth:`draw`, one chart per turn of the event loop, then ``drawn()``.

        Updating and painting all seven charts at once holds the UI thread for over
        100 ms; one at a time, the officer's typing and scrolling go on in between. A
        newer ``data`` arriving meanwhile takes over the remaining turns.
        """
        self.data = data
        self._drawn = drawn
        if not self._to_draw:
            QTimer.singleShot(0, self, self._draw_next)
        self._to_draw = list(self.names)

    @property
    def drawing(self) -> bool:
        """True while :meth:`draw_in_turns` still has charts to draw."""
        return bool(self._to_draw)

    def _draw_next(self) -> None:
        if not self._to_draw or self.data is None:
            return
        getattr(self, f"_draw_{self._to_draw.pop(0)}")(self.data)
        if self._to_draw:
            QTimer.singleShot(0, self, self._draw_next)
        elif self._drawn is not None:
            drawn, self._drawn = self._drawn, None
            drawn()

    def _draw_per_hour(self, data: ChartData) -> None:
        self.widgets["per_hour"].set_data(  # type: ignore[attr-defined]
            data.grouped_per_hour(), mod.hour_ticks(data.hour_starts)
        )

    def _draw_by_status(self, data: ChartData) -> None:
        self.widgets["by_status"].set_data(  # type: ignore[attr-defined]
            [label(s) for s in OPEN_STATUSES], [data.by_status.get(s, 0) for s in OPEN_STATUSES]
        )

    def _draw_by_grid(self, data: ChartData) -> None:
        self._grid_ids = [gid for gid, _name, _n in data.by_grid]
        self.widgets["by_grid"].set_data(  # type: ignore[attr-defined]
            [name for _gid, name, _n in data.by_grid], [n for _gid, _name, n in data.by_grid]
        )

    def _draw_trend(self, data: ChartData) -> None:
        days = [d for d, _n in data.trend]
        self.widgets["trend"].set_data(  # type: ignore[attr-defined]
            list(range(len(days))), [n for _d, n in data.trend], mod.day_ticks(days)
        )

    def _draw_coverage(self, data: ChartData) -> None:
        self.widgets["coverage"].set_data(  # type: ignore[attr-defined]
            [name for _gid, name, _h in data.coverage], [h for _gid, _name, h in data.coverage]
        )

    def _draw_mediators(self, data: ChartData) -> None:
        rows = data.mediators
        names = [
            m.name + (f" ({label_absence(m.absent_reason)})" if m.absent_reason else "")
            for m in rows
        ]
        self.widgets["mediators"].set_data(  # type: ignore[attr-defined]
            names,
            [m.available for m in rows],
            [m.booked for m in rows],
            data.at,
            self.tr("No active mediators"),
        )

    def _draw_agreement(self, data: ChartData) -> None:
        weeks = data.agreement
        rates = [(w.agreement_rate or 0.0) * 100 for w in weeks]
        chart = self.widgets["agreement"]
        # Every other week named (counted back from this week): twelve dates do not fit.
        names = [
            format_day(w.week_start) if (len(weeks) - 1 - i) % 2 == 0 else ""
            for i, w in enumerate(weeks)
        ]
        chart.set_data(names, rates)  # type: ignore[attr-defined]
        # Weeks without any held session say so instead of "0%".
        for text_item, week in zip(chart._value_labels, weeks, strict=False):  # type: ignore[attr-defined]
            if week.agreement_rate is None:
                text_item.setText("–")
            else:
                text_item.setToolTip(
                    self.tr("%1 of %2")
                    .replace("%1", str(week.agreement))
                    .replace("%2", str(week.with_outcome))
                )

    # ----------------------------------------------------------------- clicking

    def _per_hour_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.data is None:  # type: ignore[attr-defined]
            return
        chart = self.widgets["per_hour"]
        hit = chart.series_at(event.scenePos())  # type: ignore[attr-defined]
        if hit is None:
            slot = chart.slot_at(event.scenePos())  # type: ignore[attr-defined]
            if slot is None:
                return
            categories: frozenset = frozenset()
        else:
            group, slot = hit
            categories = frozenset(CATEGORY_GROUPS[group][1])
        start = self.data.hour_starts[slot]
        self.open_cases.emit(
            CaseFilter(
                categories=categories,
                reported_since=start,
                reported_before=start + timedelta(hours=1),
            )
        )

    def _status_clicked(self, index: int) -> None:
        self.open_cases.emit(CaseFilter(statuses=frozenset({OPEN_STATUSES[index]})))

    def _grid_clicked(self, index: int) -> None:
        if index < len(self._grid_ids):
            grid = self._grid_ids[index]
            self.open_cases.emit(CaseFilter(open_only=True, grid_ids=frozenset({grid})))


def label_absence(reason: str) -> str:
    if reason == "leave":
        return QCoreApplication.translate("ChartSet", "on leave")
    if reason == "court_day":
        return QCoreApplication.translate("ChartSet", "court day")
    return QCoreApplication.translate("ChartSet", "away")
