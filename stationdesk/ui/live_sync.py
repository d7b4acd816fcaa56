"""The change feed for the UI: other workstations' commits and this one's, by signal.

:class:`~stationdesk.data.changes.ChangeWatcher` runs in a daemon thread (a poll on
SQLite, LISTEN/NOTIFY on PostgreSQL). This workstation's own commits arrive at
once through the unit of work's local listener, so a save shows up without waiting
for the next poll; the watcher later reads the same rows from the change log, and
those are dropped so each change reaches the views once.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, Signal

from stationdesk.data import uow
from stationdesk.data.changes import ChangeWatcher
from stationdesk.data.database import Database
from stationdesk.data.uow import Change

log = logging.getLogger(__name__)

JOIN_TIMEOUT_S = 10.0


class LiveSync(QObject):
    """Emits ``changes(list[Change])`` and ``state(str)`` on the UI thread.

    ``state`` is "online" or "offline: <reason>", as the watcher reports it.
    Qt queues signals emitted from another thread, so the slots run on the UI thread.
    """

    changes = Signal(object)
    state = Signal(str)

    def __init__(
        self, db: Database, parent: QObject | None = None, *, listen_local: bool = True
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.listen_local = listen_local
        self.online: bool | None = None
        self._lock = threading.Lock()
        self._local_seqs: set[int] = set()
        self._watcher: ChangeWatcher | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self._watcher = ChangeWatcher(self.db, self._from_watcher, self._on_state)
        self._thread = threading.Thread(
            target=self._run, args=(self._watcher,), name="stationdesk-live-sync", daemon=True
        )
        if self.listen_local:
            uow.add_local_listener(self._from_local)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and wait for the thread (idempotent)."""
        uow.remove_local_listener(self._from_local)
        if self._watcher is not None:
            self._watcher.stop()
        if self._thread is not None:
            self._thread.join(JOIN_TIMEOUT_S)
            if self._thread.is_alive():
                log.warning("live sync thread did not stop within %.0f s", JOIN_TIMEOUT_S)
        self._thread = None
        self._watcher = None

    def _run(self, watcher: ChangeWatcher) -> None:
        try:
            watcher.run()
        except Exception:  # the watcher handles database trouble; anything else is a bug
            log.exception("live sync stopped unexpectedly")
            self.state.emit("offline: live sync stopped")

    # Both callbacks run on other threads: the watcher's, or whichever thread committed.

    def _from_local(self, changes: list[Change]) -> None:
        if not changes:
            return
        with self._lock:
            self._local_seqs.update(c.seq for c in changes)
        self.changes.emit(list(changes))

    def _from_watcher(self, changes: list[Change]) -> None:
        with self._lock:
            fresh = [c for c in changes if c.seq not in self._local_seqs]
            self._local_seqs.difference_update(c.seq for c in changes)
            if changes:
                # Anything at or below what the watcher has read will not come again.
                last = changes[-1].seq
                self._local_seqs = {s for s in self._local_seqs if s > last}
        if fresh:
            self.changes.emit(fresh)

    def _on_state(self, state: str) -> None:
        self.online = state == "online"
        self.state.emit(state)
