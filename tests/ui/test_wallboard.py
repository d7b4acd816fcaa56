"""The wall-board: the overview's figures full screen, turning pages, Esc leaves."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import Qt

from stationdesk.data import dashboard
from stationdesk.ui.context import AppContext
from stationdesk.ui.main_window import MainWindow
from stationdesk.ui.views.overview import OverviewView
from stationdesk.ui.wallboard import WallBoard


@pytest.fixture
def window(qtbot, ctx: AppContext, settle) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    frozen = ctx.clock()
    ctx.clock = lambda: frozen
    win = MainWindow(ctx, persist=False, live=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle()
    yield win
    win.close()


def test_rotates_shows_the_overview_figures_and_leaves_on_escape(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ctx, settle
) -> None:
    overview = window.view("overview")
    assert isinstance(overview, OverviewView)
    board = WallBoard(overview, interval_ms=150)
    qtbot.addWidget(board)
    board.showFullScreen()
    qtbot.waitExposed(board)
    settle()
    # The board draws the overview's figures once the overview has them all.
    qtbot.waitUntil(
        lambda: overview.chart_data is not None and board.chart_sets[0].data is not None,
        timeout=10_000,
    )
    assert board.isFullScreen()
    # Large type: the board's font is well above the window's.
    assert board.font().pointSizeF() >= 1.5 * window.font().pointSizeF()
    # The same figures as the overview, and as the service.
    expected = dashboard.overview_tiles(ctx.db, ctx.clock())
    for key, tile in board.tiles.items():
        assert int(tile.number.text()) == getattr(expected, key), key
    trend = board.chart_sets[0].trend
    _x, y = trend.curve.getData()
    assert len(y) == 30 and y[-1] == expected.overdue
    coverage = board.chart_sets[2].coverage.values
    assert np.allclose(coverage, [h for _g, _n, h in overview.chart_data.coverage])

    # Every page comes round, then the first again.
    shown = [board.page]
    board.pages.currentChanged.connect(shown.append)
    qtbot.waitUntil(lambda: len(shown) > board.pages.count(), timeout=10_000)
    n = board.pages.count()
    assert n >= 4
    assert all((b - a) % n == 1 for a, b in itertools.pairwise(shown))  # in order
    assert set(shown) == set(range(n))
    assert board.page_title.text()

    with qtbot.waitSignal(board.closed, timeout=2000):
        qtbot.keyClick(board, Qt.Key.Key_Escape)
    assert not board.isVisible()


def test_view_menu_action_opens_it_and_it_keeps_loading_behind_another_view(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, ctx, settle
) -> None:
    action = window.wallboard_action
    assert "F11" in [s.toString() for s in action.shortcuts()]
    window.show_view("patrols")  # the overview is hidden now
    action.trigger()
    board = window.wallboard
    assert isinstance(board, WallBoard) and board.isVisible()
    overview = window.view("overview")
    loads: list[object] = []
    overview.tiles_loaded.connect(loads.append)
    overview.apply_changes([dashboard_change()])
    qtbot.waitUntil(lambda: bool(loads), timeout=5000)
    settle()
    action.trigger()  # the same action leaves it
    qtbot.waitUntil(lambda: window.wallboard is None, timeout=2000)
    assert not action.isChecked()


def dashboard_change():  # type: ignore[no-untyped-def]
    from stationdesk.data.uow import Change

    return Change("case_file", 1, 2, "update")
