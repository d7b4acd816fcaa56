"""pyqtgraph chart widgets for the command room: stacked bars, bars, a line.

Importing pyqtgraph costs start-up time, so this module is imported on first use
(when a view with charts is first shown), never at application start. Charts are
made once and then fed new numpy arrays (``setOpts`` / ``setData``); items are not
recreated on refresh. Pens are 1 px and antialiasing is off: wide antialiased pens
are what makes pyqtgraph slow on large series.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QVBoxLayout, QWidget

from stationdesk.ui.i18n import format_day

# Okabe & Ito's colour-blind-safe palette, ordered so neighbours in a stack differ
# in both hue and lightness; yellow (hard to see on white) comes last.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#000000",  # black
    "#F0E442",  # yellow
)
FOREGROUND = "#202124"
# Grid lines: an opaque light pen. Alpha-blended grid lines (pyqtgraph's default) are
# redrawn with blending over the whole plot on every frame and cost more than the data.
GRID_PEN = "#dadce0"
BAR_WIDTH = 0.72

Ticks = list[tuple[float, str]]


def _background() -> QColor:
    """The application's window colour when it is light, else white (charts stay light)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        colour = app.palette().color(QPalette.ColorRole.Window)
        if colour.lightness() >= 200:
            return colour
    return QColor("#ffffff")


BACKGROUND = _background()
pg.setConfigOptions(background=BACKGROUND, foreground=FOREGROUND, antialias=False)


# ------------------------------------------------------------------------- axes


def hour_ticks(slot_starts: Sequence[datetime], every: int = 3) -> tuple[Ticks, Ticks]:
    """Major ticks "HH:00" on hours divisible by ``every``; a minor tick on each hour.

    Slot ``i`` is drawn centred on x = i; the times are station-local, as stored.
    """
    major = [(float(i), f"{t:%H}:00") for i, t in enumerate(slot_starts) if t.hour % every == 0]
    minor = [(float(i), "") for i in range(len(slot_starts))]
    return major, minor


def day_ticks(days: Sequence[date], every: int = 5) -> tuple[Ticks, Ticks]:
    """Major ticks "MM-DD" every ``every`` days counted back from the last day."""
    last = len(days) - 1
    major = [(float(i), format_day(d)) for i, d in enumerate(days) if (last - i) % every == 0]
    minor = [(float(i), "") for i in range(len(days))]
    return major, minor


def category_ticks(names: Sequence[str]) -> tuple[Ticks, Ticks]:
    return [(float(i), name) for i, name in enumerate(names)], []


def nice_top(value: float) -> float:
    """The next "round" number at or above ``value`` (1, 2, 2.5, 5 x 10^n).

    The count axis's range moves in these steps, so it does not change (and the axis
    is not redrawn) every time a count changes by one.
    """
    if value <= 1:
        return 1.0
    magnitude = 10 ** np.floor(np.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if value <= step * magnitude:
            return float(step * magnitude)
    return float(10 * magnitude)


def set_ticks(axis: pg.AxisItem, ticks: Sequence[Ticks]) -> None:
    """Set explicit ticks only when they changed (setting them redraws the axis)."""
    wanted = [list(level) for level in ticks]
    if getattr(axis, "_stationdesk_ticks", None) != wanted:
        axis._stationdesk_ticks = wanted  # type: ignore[attr-defined]
        axis.setTicks(wanted)


def show_grid(item: pg.PlotItem, x: bool, y: bool) -> None:
    """Grid lines in an opaque light colour; axis text stays dark."""
    for name, on in (("bottom", x), ("left", y)):
        axis = item.getAxis(name)
        if on:
            axis.setPen(GRID_PEN)
            axis.setTextPen(FOREGROUND)
            axis.setGrid(255)
            # Behind the data (pyqtgraph puts axes, and so their grid lines, in front).
            axis.setZValue(-1)


class CountAxis(pg.AxisItem):
    """An axis of counts: whole-number ticks only (no "0.5 cases")."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        # Major level only: minor grid lines on a count axis are clutter.
        levels = [(s, o) for s, o in super().tickSpacing(minVal, maxVal, size) if s >= 1]
        return levels[:1] or [(1.0, 0.0)]


# ----------------------------------------------------------------------- charts


def _legend_html(names: Sequence[str], colours: Sequence[str]) -> str:
    items = (
        # Non-breaking spaces: a name is never split over two lines.
        f'<span style="color:{c}; font-size:large">■</span>&nbsp;'
        + escape(n).replace(" ", "&nbsp;")
        for n, c in zip(names, colours, strict=True)
    )
    return "&nbsp;&nbsp;&nbsp; ".join(items)


class _Chart(QWidget):
    """A title, a non-interactive plot (no pan, zoom or context menu) and a legend line."""

    def __init__(
        self,
        title: str,
        axis_items: dict[str, pg.AxisItem],
        parent: QWidget | None = None,
        *,
        font_scale: float = 1.0,
    ) -> None:
        super().__init__(parent)
        self.font_scale = font_scale
        if font_scale != 1.0:  # the wall-board: large type for reading across the room
            big = QFont(self.font())
            big.setPointSizeF(max(big.pointSizeF(), 9.0) * font_scale)
            self.setFont(big)
        self.title = QLabel(title)
        font = QFont(self.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.plot = pg.PlotWidget(axisItems=axis_items)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumHeight(int(160 * min(font_scale, 1.5)))
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        for axis in axis_items.values():
            axis.setStyle(tickFont=QFont(self.font()))
        # Room for the UI font's tick labels from the first paint on (pyqtgraph would
        # grow the axis only after drawing clipped labels once).
        item.getAxis("bottom").setHeight(QFontMetrics(self.font()).height() + 10)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setFont(QFont(self.font()))
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)

    @property
    def plot_item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()

    def set_legend(self, names: Sequence[str], colours: Sequence[str]) -> None:
        self.legend.setText(_legend_html(names, colours))
        self.legend.setVisible(bool(names))


class StackedBarChart(_Chart):
    """Series stacked in bars over slots (e.g. cases per hour by category group)."""

    def __init__(
        self,
        title: str,
        series_names: Sequence[str],
        colours: Sequence[str] = OKABE_ITO,
        parent: QWidget | None = None,
        *,
        font_scale: float = 1.0,
    ) -> None:
        self.bottom_axis = pg.AxisItem("bottom")
        super().__init__(
            title,
            {"bottom": self.bottom_axis, "left": CountAxis("left")},
            parent,
            font_scale=font_scale,
        )
        self.colours = tuple(colours[: len(series_names)])
        show_grid(self.plot_item, x=False, y=True)
        empty = np.zeros(0)
        # One item per series; refreshes only change their arrays.
        self.bars: list[pg.BarGraphItem] = []
        for colour in self.colours:
            bar = pg.BarGraphItem(
                x=empty,
                height=empty,
                y0=empty,
                width=BAR_WIDTH,
                brush=colour,
                pen=pg.mkPen(BACKGROUND, width=1),
            )
            self.plot.addItem(bar)
            self.bars.append(bar)
        self.set_legend(series_names, self.colours)

    def set_data(
        self, values: Sequence[Sequence[float]] | np.ndarray, ticks: tuple[Ticks, Ticks]
    ) -> None:
        """``values[series, slot]``; slot ``i`` is drawn at x = i."""
        values = np.asarray(values, dtype=float)
        slots = values.shape[1]
        x = np.arange(slots, dtype=float)
        bottom = np.zeros(slots)
        for bar, row in zip(self.bars, values, strict=True):
            bar.setOpts(x=x, height=row, y0=bottom.copy(), width=BAR_WIDTH)
            bottom += row
        self.totals = bottom
        set_ticks(self.bottom_axis, ticks)
        self.plot.setXRange(-0.6, slots - 0.4, padding=0)
        self.plot.setYRange(0, nice_top(float(bottom.max(initial=0)) * 1.05), padding=0)

    def slot_at(self, scene_pos: object) -> int | None:
        """The slot (x index) under a scene position, or None outside the bars."""
        view = self.plot_item.getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        index = round(view.mapSceneToView(scene_pos).x())
        return index if 0 <= index < len(getattr(self, "totals", ())) else None

    def series_at(self, scene_pos: object) -> tuple[int, int] | None:
        """(series, slot) of the stacked segment under a scene position, if any."""
        slot = self.slot_at(scene_pos)
        if slot is None:
            return None
        y = self.plot_item.getViewBox().mapSceneToView(scene_pos).y()
        base = 0.0
        for series, bar in enumerate(self.bars):
            height = float(bar.opts["height"][slot])
            if base <= y < base + height:
                return series, slot
            base += height
        return None


class BarChart(_Chart):
    """One bar per category, vertical or horizontal, with its value written at the end.

    ``bar_clicked(index)`` fires when the officer clicks anywhere in a bar's row or
    column (not only on the bar, so short bars are easy to hit).
    """

    bar_clicked = Signal(int)

    def __init__(
        self,
        title: str,
        horizontal: bool = False,
        colour: str = OKABE_ITO[0],
        clickable: bool = False,
        parent: QWidget | None = None,
        *,
        value_format: str = "{:.0f}",
        top: float | None = None,
        font_scale: float = 1.0,
    ) -> None:
        self.horizontal = horizontal
        self.value_format = value_format
        self.fixed_top = top
        self.category_axis = pg.AxisItem("left" if horizontal else "bottom")
        count_axis = CountAxis("bottom" if horizontal else "left")
        axes = (
            {"left": self.category_axis, "bottom": count_axis}
            if horizontal
            else {"bottom": self.category_axis, "left": count_axis}
        )
        super().__init__(title, axes, parent, font_scale=font_scale)
        show_grid(self.plot_item, x=horizontal, y=not horizontal)
        empty = np.zeros(0)
        if horizontal:
            self.bars = pg.BarGraphItem(
                x0=empty, width=empty, y=empty, height=BAR_WIDTH, brush=colour, pen=None
            )
            self.plot_item.getViewBox().invertY(True)  # first category at the top
        else:
            self.bars = pg.BarGraphItem(
                x=empty, height=empty, y0=empty, width=BAR_WIDTH, brush=colour, pen=None
            )
        self.plot.addItem(self.bars)
        self._value_labels: list[pg.TextItem] = []
        self._count = 0
        if clickable:
            self.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self.plot.scene().sigMouseClicked.connect(self._on_click)

    @property
    def values(self) -> np.ndarray:
        return np.asarray(self.bars.opts["width" if self.horizontal else "height"], dtype=float)

    def set_data(self, names: Sequence[str], values: Sequence[float] | np.ndarray) -> None:
        v = np.asarray(values, dtype=float)
        n = len(v)
        pos = np.arange(n, dtype=float)
        if self.horizontal:
            self.bars.setOpts(x0=np.zeros(n), width=v, y=pos, height=BAR_WIDTH)
        else:
            self.bars.setOpts(x=pos, height=v, y0=np.zeros(n), width=BAR_WIDTH)
        self._count = n
        set_ticks(self.category_axis, category_ticks(names))
        self._set_value_labels(pos, v)
        top = self.fixed_top or nice_top(float(v.max(initial=0)) * 1.15)
        if self.horizontal:
            self.plot.setXRange(0, top, padding=0)
            self.plot.setYRange(-0.6, n - 0.4, padding=0)
        else:
            self.plot.setXRange(-0.6, n - 0.4, padding=0)
            self.plot.setYRange(0, top, padding=0)

    def _set_value_labels(self, pos: np.ndarray, values: np.ndarray) -> None:
        # A small pool of text items, reused: labels are not recreated on refresh.
        anchor = (0, 0.5) if self.horizontal else (0.5, 1)
        while len(self._value_labels) < len(values):
            label = pg.TextItem(color=FOREGROUND, anchor=anchor)
            label.setFont(QFont(self.font()))
            self.plot.addItem(label)
            self._value_labels.append(label)
        for i, label in enumerate(self._value_labels):
            if i >= len(values):
                label.hide()
                continue
            label.setText(self.value_format.format(values[i]))
            if self.horizontal:
                label.setPos(values[i], pos[i])
            else:
                label.setPos(pos[i], values[i])
            label.show()

    def _on_click(self, event: object) -> None:
        button = event.button()  # type: ignore[attr-defined]
        if button != Qt.MouseButton.LeftButton or self._count == 0:
            return
        view = self.plot_item.getViewBox()
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        if not view.sceneBoundingRect().contains(scene_pos):
            return
        point = view.mapSceneToView(scene_pos)
        coord = point.y() if self.horizontal else point.x()
        index = round(coord)
        if 0 <= index < self._count:
            self.bar_clicked.emit(index)


MAX_POINTS_WITH_DOTS = 200


class LineChart(_Chart):
    """One line over time (e.g. the overdue trend), with a dot on each value."""

    line_clicked = Signal(int)  # the x index nearest the click

    def __init__(
        self,
        title: str,
        colour: str = OKABE_ITO[4],
        parent: QWidget | None = None,
        *,
        clickable: bool = False,
        font_scale: float = 1.0,
    ) -> None:
        self.bottom_axis = pg.AxisItem("bottom")
        super().__init__(
            title,
            {"bottom": self.bottom_axis, "left": CountAxis("left")},
            parent,
            font_scale=font_scale,
        )
        show_grid(self.plot_item, x=True, y=True)
        if clickable:
            self.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self.plot.scene().sigMouseClicked.connect(self._on_click)
        # Cheap on long series too: only what is in view, peak-downsampled.
        self.plot_item.setClipToView(True)
        self.plot_item.setDownsampling(auto=True, mode="peak")
        self.curve = self.plot_item.plot(
            np.zeros(0),
            np.zeros(0),
            pen=pg.mkPen(colour, width=1),
            symbol="o",
            symbolSize=5,
            symbolBrush=colour,
            symbolPen=None,
            skipFiniteCheck=True,
        )

    def set_data(
        self,
        x: Sequence[float] | np.ndarray,
        y: Sequence[float] | np.ndarray,
        ticks: tuple[Ticks, Ticks],
    ) -> None:
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        # A dot per point reads well on a 30-day trend but dominates drawing time on
        # long series: draw dots only while they can be told apart.
        symbol = "o" if len(x) <= MAX_POINTS_WITH_DOTS else None
        if symbol != self.curve.opts["symbol"]:
            self.curve.setSymbol(symbol)
        self.curve.setData(x, y, skipFiniteCheck=True)
        set_ticks(self.bottom_axis, ticks)
        if len(x):
            # Room on the right so the last date label is not cut off.
            x_range = (float(x[0]) - 0.5, float(x[-1]) + 1.5)
            if x_range != getattr(self, "_x_range", None):
                self._x_range = x_range
                self.plot.setXRange(*x_range, padding=0)
        top = nice_top(float(y.max(initial=0)) * 1.1)
        if top != getattr(self, "_top", None):
            self._top = top
            self.plot.setYRange(0, top, padding=0)

    def _on_click(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        x, _y = self.curve.getData()
        view = self.plot_item.getViewBox()
        scene_pos = event.scenePos()  # type: ignore[attr-defined]
        if x is None or not len(x) or not view.sceneBoundingRect().contains(scene_pos):
            return
        index = int(np.abs(x - view.mapSceneToView(scene_pos).x()).argmin())
        self.line_clicked.emit(index)
