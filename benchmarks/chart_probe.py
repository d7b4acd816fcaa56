"""Probe process: four live series of 10k points each, redrawn offscreen.

``chart_probe.py SECONDS ROUNDS [plain]``: a 1400x900 window holds four of the product's
``LineChart`` widgets (``stationdesk.ui.charts``) in a 2x2 grid, as the overview lays
out its charts. Every frame each series moves on by 50 new points (a 10,000-point
window over a random walk), is handed to the chart with its public ``set_data``, and
the whole window is rendered with ``grab()``. Frames per second are counted over
SECONDS, ROUNDS times. With ``plain`` (or when the product module is missing) a bare
``pg.PlotWidget`` set up as DESIGN.md says is used instead: 1 px pen, no antialiasing,
``skipFiniteCheck``, clip to view and peak downsampling, no symbols.
"""

from __future__ import annotations

import os
import sys
import time

import common

POINTS = 10_000
STEP = 50
SERIES = 4


def main() -> None:
    seconds, rounds = float(sys.argv[1]), int(sys.argv[2])
    variant = sys.argv[3] if len(sys.argv) > 3 else "product"
    plain = variant == "plain"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

    app = QApplication.instance() or QApplication(sys.argv)
    shielded = common.shield_none_refcount()
    import pyqtgraph as pg

    source = "product LineChart"
    charts_module = None
    if not plain:
        try:
            from stationdesk.ui import charts as charts_module
        except ImportError:
            charts_module = None
    if charts_module is None:
        source = "plain PlotWidget (DESIGN.md settings)"
        pg.setConfigOptions(antialias=False)

    window = QWidget()
    window.resize(1400, 900)
    grid = QGridLayout(window)
    rng = np.random.default_rng(7)
    walks = [np.cumsum(rng.normal(size=POINTS * 20)) for _ in range(SERIES)]
    x = np.arange(POINTS, dtype=float)
    ticks = ([(float(i), f"{i // 1000}k") for i in range(0, POINTS + 1, 1000)], [])
    updaters = []
    for i in range(SERIES):
        if charts_module is not None:
            chart = charts_module.LineChart(f"series {i}")
            if variant in ("nosymbols", "nosymbols-nogrid"):  # experiments for the notes
                chart.curve.setSymbol(None)
            if variant == "nosymbols-nogrid":
                chart.plot_item.showGrid(x=False, y=False)
            if variant == "nosymbols-opaquegrid":
                chart.curve.setSymbol(None)
                for name in ("left", "bottom"):
                    axis = chart.plot_item.getAxis(name)
                    axis.setPen("#d5d9de")
                    axis.setTextPen("#202124")
                chart.plot_item.showGrid(x=True, y=True, alpha=1.0)
            updaters.append(lambda y, c=chart: c.set_data(x, y, ticks))
        else:
            chart = pg.PlotWidget()
            item = chart.getPlotItem()
            item.setClipToView(True)
            item.setDownsampling(auto=True, mode="peak")
            curve = item.plot(pen=pg.mkPen("#0072B2", width=1), skipFiniteCheck=True)
            updaters.append(lambda y, c=curve: c.setData(x, y, skipFiniteCheck=True))
        grid.addWidget(chart, i // 2, i % 2)
    window.show()
    app.processEvents()

    frame = 0

    def draw() -> None:
        nonlocal frame
        offset = (frame * STEP) % (len(walks[0]) - POINTS)
        for update, walk in zip(updaters, walks, strict=True):
            update(walk[offset : offset + POINTS])
        app.processEvents()
        window.grab()
        frame += 1

    for _ in range(3):  # warm-up: first layout, pyqtgraph caches
        draw()
    fps = []
    for _ in range(rounds):
        start, first = time.perf_counter(), frame
        while time.perf_counter() - start < seconds:
            draw()
        fps.append((frame - first) / (time.perf_counter() - start))
    common.emit_result({"fps": fps, "source": source, "none_refcount_shield": shielded})
    # Skip interpreter teardown: PySide6 can crash while garbage-collecting at exit.
    os._exit(0)


if __name__ == "__main__":
    main()
