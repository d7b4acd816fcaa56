"""A day timeline: one row per person, available windows and booked sessions as bars.

Used for today's mediator availability. x is the hour of the day (station-local time,
0-24), rows run top to bottom. Like the other charts it is made once and then fed new
arrays; a "now" line marks the current time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from stationdesk.ui.charts import (
    BACKGROUND,
    FOREGROUND,
    OKABE_ITO,
    _Chart,
    category_ticks,
    set_ticks,
    show_grid,
)

AVAILABLE = OKABE_ITO[5]  # sky blue
BOOKED = OKABE_ITO[4]  # vermillion
NOW_PEN = OKABE_ITO[6]  # black
ROW_HEIGHT = 0.7
BOOKED_HEIGHT = 0.4

Span = tuple[datetime, datetime]


def hours_of_day(at: datetime) -> float:
    return at.hour + at.minute / 60 + at.second / 3600


class TimelineChart(_Chart):
    """Rows of [available] bars with [booked] bars drawn over them."""

    def __init__(
        self,
        title: str,
        available_name: str,
        booked_name: str,
        parent: QWidget | None = None,
        *,
        font_scale: float = 1.0,
    ) -> None:
        self.row_axis = pg.AxisItem("left")
        self.hour_axis = pg.AxisItem("bottom")
        super().__init__(
            title, {"left": self.row_axis, "bottom": self.hour_axis}, parent, font_scale=font_scale
        )
        show_grid(self.plot_item, x=True, y=False)
        self.plot_item.getViewBox().invertY(True)  # first row at the top
        empty = np.zeros(0)
        self.available = pg.BarGraphItem(
            x0=empty, width=empty, y=empty, height=ROW_HEIGHT, brush=AVAILABLE, pen=None
        )
        self.booked = pg.BarGraphItem(
            x0=empty,
            width=empty,
            y=empty,
            height=BOOKED_HEIGHT,
            brush=BOOKED,
            pen=pg.mkPen(BACKGROUND, width=1),
        )
        self.plot.addItem(self.available)
        self.plot.addItem(self.booked)
        self.now_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(NOW_PEN, width=1))
        self.plot.addItem(self.now_line)
        self.set_legend([available_name, booked_name], [AVAILABLE, BOOKED])
        set_ticks(self.hour_axis, ([(float(h), f"{h:02d}:00") for h in range(0, 25, 3)], []))
        self.empty_text = pg.TextItem(color=FOREGROUND, anchor=(0.5, 0.5))
        self.empty_text.setFont(QFont(self.font()))
        self.plot.addItem(self.empty_text)
        self.rows = 0

    def set_data(
        self,
        names: Sequence[str],
        available: Sequence[Sequence[Span]],
        booked: Sequence[Sequence[Span]],
        now: datetime,
        empty_message: str = "",
    ) -> None:
        """``available[i]`` and ``booked[i]`` are row i's spans, all on ``now``'s day."""
        day = now.date()

        def arrays(rows: Sequence[Sequence[Span]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            x0, width, y = [], [], []
            for i, spans in enumerate(rows):
                for start, end in spans:
                    a = 0.0 if start.date() < day else hours_of_day(start)
                    b = 24.0 if end.date() > day else hours_of_day(end)
                    if b > a:
                        x0.append(a)
                        width.append(b - a)
                        y.append(float(i))
            return np.asarray(x0, float), np.asarray(width, float), np.asarray(y, float)

        ax0, aw, ay = arrays(available)
        bx0, bw, by = arrays(booked)
        self.available.setOpts(x0=ax0, width=aw, y=ay, height=ROW_HEIGHT)
        self.booked.setOpts(x0=bx0, width=bw, y=by, height=BOOKED_HEIGHT)
        self.rows = len(names)
        set_ticks(self.row_axis, category_ticks(names))
        self.now_line.setValue(hours_of_day(now))
        self.plot.setXRange(0, 24, padding=0)
        self.plot.setYRange(-0.6, max(self.rows, 1) - 0.4, padding=0)
        self.empty_text.setText("" if self.rows else empty_message)
        self.empty_text.setPos(12, 0)
