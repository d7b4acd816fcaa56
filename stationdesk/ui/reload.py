"""Coalesced background loads for views: a burst of changes becomes one reload.

A view owns one :class:`CoalescedLoad` per independent piece of data it shows. The
change feed and timers call :meth:`CoalescedLoad.request`; the load then runs on the
database worker at most once per interval, never twice at the same time, and while
the view is hidden it waits until the view is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer

from stationdesk.ui.worker import DbWorker

log = logging.getLogger(__name__)

T = TypeVar("T")

COALESCE_MS = 500


class CoalescedLoad(QObject, Generic[T]):
    """One reloadable piece of a view.

    ``make_job`` runs on the UI thread when the load starts and returns the function
    the worker runs (so it captures the view's parameters, such as the picked day, at
    that moment). ``on_done`` gets the result on the UI thread.
    """

    def __init__(
        self,
        worker: DbWorker,
        make_job: Callable[[], Callable[[], T]],
        on_done: Callable[[T], None],
        what: str,
        parent: QObject | None = None,
        interval_ms: int = COALESCE_MS,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._make_job = make_job
        self._on_done = on_done
        self._what = what
        self._in_flight = False
        self._again = False
        self._held = False
        self._wanted_while_held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._start)

    @property
    def loading(self) -> bool:
        return self._in_flight

    def request(self) -> None:
        """Reload soon; further requests until then are folded into the same load."""
        if self._held:
            self._wanted_while_held = True
        elif not self._timer.isActive():
            self._timer.start()

    def load_now(self) -> None:
        """Reload at once (an explicit refresh or a changed parameter)."""
        self._timer.stop()
        self._start()

    def hold(self, held: bool) -> None:
        """While held (view hidden), requests wait; releasing runs one if any came."""
        self._held = held
        if held:
            if self._timer.isActive():
                self._timer.stop()
                self._wanted_while_held = True
        elif self._wanted_while_held:
            self._wanted_while_held = False
            self.load_now()

    def _start(self) -> None:
        if self._in_flight:
            # The running load may have read the old state: run once more after it.
            self._again = True
            return
        self._in_flight = True
        self._worker.submit(self._make_job(), self._done, self._failed, self._what)

    def _finish(self) -> None:
        self._in_flight = False
        if self._again:
            self._again = False
            self.request()

    def _done(self, result: Any) -> None:
        if not shiboken6.isValid(self):
            return  # the view was closed while its data was on the way
        self._finish()
        self._on_done(result)

    def _failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._finish()
        # A failed read changes nothing on screen; the app's error handler says why.
        log.warning("loading %s failed: %s", self._what, exc, exc_info=exc)
        self._worker.failed.emit(self._what, exc)
