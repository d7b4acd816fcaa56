"""Background work: one serialized database thread, results back by signal.

The UI thread never runs a query. Service calls are queued on :class:`DbWorker`,
which runs them one at a time on its own thread (so a SQLite connection and the
order of writes stay simple) and hands the result to a callback on the UI thread.
Exceptions are handed to ``on_error`` -- or logged with context and announced on
``failed`` -- never swallowed.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Job = tuple[
    Callable[[], Any], Callable[[Any], None] | None, Callable[[Exception], None] | None, str
]


class DbWorker(QObject):
    """Runs database jobs in submission order on one background thread."""

    _finished = Signal(object, object)  # callback, result  (delivered on the UI thread)
    failed = Signal(str, object)  # what was being done, the exception
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._finished.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="stationdesk-db", daemon=True)
        self._thread.start()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        what: str = "",
    ) -> None:
        """Queue ``fn``; ``on_done(result)`` or ``on_error(exc)`` run on the UI thread."""
        with self._lock:
            self._pending += 1
            if self._pending == 1:
                self.busy_changed.emit(True)
        self._jobs.put((fn, on_done, on_error, what or getattr(fn, "__name__", "job")))

    @property
    def pending(self) -> int:
        return self._pending

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            fn, on_done, on_error, what = job
            try:
                result = fn()
            except Exception as exc:
                self._finished.emit(_Failure(on_error, what), exc)
            else:
                self._finished.emit(on_done, result)

    @Slot(object, object)
    def _deliver(self, callback: Any, result: Any) -> None:
        with self._lock:
            self._pending -= 1
            idle = self._pending == 0
        try:
            if isinstance(callback, _Failure):
                callback.handle(self, result)
            elif callback is not None:
                callback(result)
        finally:
            if idle:
                self.busy_changed.emit(False)

    def wait_idle(self, timeout_s: float = 30.0) -> bool:
        """For tests and shutdown: block until queued jobs ran (does not deliver)."""
        done = threading.Event()
        self._jobs.put((done.set, None, None, "barrier"))  # type: ignore[arg-type]
        with self._lock:
            self._pending += 1
        return done.wait(timeout_s)

    def shutdown(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=10)


class _Failure:
    def __init__(self, on_error: Callable[[Exception], None] | None, what: str) -> None:
        self.on_error = on_error
        self.what = what

    def handle(self, worker: DbWorker, exc: Exception) -> None:
        if self.on_error is not None:
            self.on_error(exc)
            return
        log.warning("background job %r failed: %s", self.what, exc, exc_info=exc)
        worker.failed.emit(self.what, exc)
