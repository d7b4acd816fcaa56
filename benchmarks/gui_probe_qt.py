"""The Qt side of ``gui_probe.py``, imported only once the app has imported PySide6."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

import common
from PySide6.QtCore import QEvent, QEventLoop, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    """Watches every event of the application for the first painted page of data."""

    def __init__(self, app: QApplication, view: str, on_painted: Callable[[], None]) -> None:
        super().__init__()
        self.app = app
        self.view = view
        self.on_painted = on_painted
        self.window: Any = None
        self.shown_at: float | None = None
        self.painted_at: float | None = None
        self._pending = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and self.window is None and isinstance(obj, QMainWindow):
            self.window = obj
            self.shown_at = time.time()
        elif (
            kind == QEvent.Type.Paint
            and self.window is not None
            and not self._pending
            and self._is_data_paint(obj)
        ):
            self._pending = True
            # Runs after this paint event (and the rest of the paint pass) is done.
            QTimer.singleShot(0, self._painted)
        return False

    def _is_data_paint(self, obj: QObject) -> bool:
        view = self.window.view(self.view)
        if view is None:
            return False
        if self.view == "cases":
            return obj is view.table.viewport() and view.model.rowCount() > 0
        tile = view.tiles["open_cases"]
        return obj is tile.number and view.tiles_data is not None

    def _painted(self) -> None:
        self.painted_at = time.time()
        self.app.removeEventFilter(self)
        self.on_painted()


def wait_until(cond: Callable[[], bool], timeout_s: float = 60.0) -> bool:
    """Run the event loop (not a busy loop) until ``cond()`` holds or time runs out."""
    if cond():
        return True
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    timer = QTimer()
    timer.setInterval(5)

    def check() -> None:
        if cond() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    return cond()


class Heartbeat:
    """A 10 ms timer on the UI thread; the longest gap between ticks is the stall."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.marks: list[tuple[str, int]] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def mark(self, phase: str) -> None:
        self.marks.append((phase, len(self.ticks)))

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def max_gap_ms(self, first: int = 0, last: int | None = None) -> float:
        ticks = self.ticks[first : (len(self.ticks) if last is None else last) + 1]
        return max(((b - a) * 1000.0 for a, b in itertools.pairwise(ticks)), default=0.0)

    def by_phase(self) -> dict[str, float]:
        """Longest gap per phase; a gap belongs to the phase in which it ended."""
        bounds = [*self.marks, ("end", len(self.ticks))]
        return {
            name: round(self.max_gap_ms(max(start - 1, 0), end - 1), 1)
            for (name, start), (_next, end) in itertools.pairwise(bounds)
        }


def extended(probe: FirstPaint, rows_wanted: int, result: dict[str, Any]) -> None:
    from stationdesk.data.cases import CaseFilter
    from stationdesk.ui.case_model import Column

    window = probe.window
    worker = window.ctx.worker
    cases_view = window.view("cases")
    if cases_view is None:
        window.show_view("cases")
        cases_view = window.view("cases")
    model, table = cases_view.model, cases_view.table
    idle = lambda: worker.pending == 0 and not model.is_fetching  # noqa: E731

    def load_more(pages: int | None = None, rows: int | None = None) -> None:
        loaded = 0
        while (pages is None or loaded < pages) and (rows is None or model.rowCount() < rows):
            if not model.canFetchMore(QModelIndex()) and (
                not wait_until(idle, 60) or not model.canFetchMore(QModelIndex())
            ):
                break
            model.fetchMore(QModelIndex())
            wait_until(idle, 60)
            table.scrollToBottom()  # the view paints the rows it scrolls over
            QApplication.processEvents()
            loaded += 1

    # 1. The list scrolled through ROWS rows (all cases, if the opening filter -- open
    #    cases -- runs out before that).
    wait_until(idle, 60)
    load_more(rows=rows_wanted)
    wait_until(idle, 60)
    result["list_filter"] = "as opened"
    if model.rowCount() < rows_wanted and not model.canFetchMore(QModelIndex()):
        model.set_filter(CaseFilter())
        wait_until(idle, 60)
        load_more(rows=rows_wanted)
        wait_until(idle, 60)
        result["list_filter"] = "all cases"
    QApplication.processEvents()
    result["list_rows"] = model.rowCount()
    result["list_rss_mb"] = common.rss_mb()

    # 2. The overview's first show builds its charts (pyqtgraph import): not a refresh.
    start = time.perf_counter()
    window.show_view("overview")
    result["overview_first_show_ms"] = (time.perf_counter() - start) * 1000.0
    overview = window.view("overview")
    wait_until(lambda: worker.pending == 0 and overview.chart_data is not None, 120)
    window.show_view("cases")
    wait_until(idle, 60)

    # 3. The heartbeat while the list and the dashboard refresh.
    beat = Heartbeat()
    beat.start()
    beat.mark("list refresh")
    cases_view.refresh()
    wait_until(idle, 60)
    beat.mark("list sort")
    model.sort(int(Column.PRIORITY), Qt.SortOrder.AscendingOrder)
    wait_until(idle, 60)
    beat.mark("list filter")
    opened_on_open_cases = model.case_filter == CaseFilter(open_only=True)
    model.set_filter(CaseFilter() if opened_on_open_cases else CaseFilter(open_only=True))
    wait_until(idle, 60)
    beat.mark("list scroll")
    load_more(pages=5)
    beat.mark("dashboard refresh")
    old_tiles, old_charts = overview.tiles_data, overview.chart_data
    window.show_view("overview")
    overview.refresh()
    wait_until(
        lambda: (
            worker.pending == 0
            and overview.chart_data is not old_charts
            and overview.tiles_data is not old_tiles
        ),
        120,
    )
    QApplication.processEvents()  # paint the new figures
    beat.stop()
    result["ui_max_stall_ms"] = beat.max_gap_ms()
    result["ui_stall_by_phase"] = beat.by_phase()
    result["heartbeat_ticks"] = len(beat.ticks)
