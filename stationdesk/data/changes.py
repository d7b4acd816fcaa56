"""The change feed: what other workstations committed, as (table, id, version).

The change log is the source of truth. On PostgreSQL a LISTEN connection wakes the
watcher the moment something commits; NOTIFY is not stored, so after any reconnect
the watcher simply reads the log from the last sequence it saw. On SQLite the
watcher polls the log's sequence, which is one index lookup.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from stationdesk.data.database import (
    PG_KEEPALIVE,
    Database,
    replies_within,
    reply_watched_connection_class,
)
from stationdesk.data.schema import ChangeLogEntry
from stationdesk.data.uow import NOTIFY_CHANNEL, Change, latest_change_seq

log = logging.getLogger(__name__)

SQLITE_POLL_S = 0.25
PG_WAIT_S = 1.0
# A server (or a link) that does not answer the heartbeat this fast counts as gone.
# Keepalives alone miss a peer whose kernel still acknowledges packets.
HEARTBEAT_TIMEOUT_S = 5.0
# libpq TLS options a database URL may carry (``?sslmode=require`` and friends).
_TLS_PARAMS = frozenset({"sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl"})


def changes_after(db: Database, seq: int, limit: int = 10_000) -> list[Change]:
    stmt = (
        select(
            ChangeLogEntry.table_name,
            ChangeLogEntry.row_id,
            ChangeLogEntry.version,
            ChangeLogEntry.action,
            ChangeLogEntry.seq,
        )
        .where(ChangeLogEntry.seq > seq)
        .order_by(ChangeLogEntry.seq)
        .limit(limit)
    )
    with db.engine.connect() as conn:
        return [Change(t, int(r), int(v), a, int(s)) for t, r, v, a, s in conn.execute(stmt)]


class ChangeWatcher:
    """Runs in a background thread; calls back with batches of changes and state.

    ``on_state`` receives "online" or "offline: <reason>". A dead server, a cut link
    and a silent (black-holed) link are all noticed within ``PG_WAIT_S +
    HEARTBEAT_TIMEOUT_S`` (or the keepalive time); after reconnecting the watcher reads
    everything committed meanwhile from the change log.
    """

    def __init__(
        self,
        db: Database,
        on_changes: Callable[[list[Change]], None],
        on_state: Callable[[str], None],
        since: int | None = None,
    ) -> None:
        self.db = db
        self.on_changes = on_changes
        self.on_state = on_state
        self.last_seq = since
        self._stop = threading.Event()
        self._listen_conn: Any = None
        self._online: bool | None = None

    def stop(self) -> None:
        self._stop.set()

    def _set_online(self, online: bool, reason: str = "") -> None:
        if online != self._online:
            self._online = online
            self.on_state("online" if online else f"offline: {reason}")

    def catch_up(self) -> None:
        if self.last_seq is None:
            self.last_seq = latest_change_seq(self.db)
            return
        while True:
            batch = changes_after(self.db, self.last_seq)
            if not batch:
                return
            self.last_seq = batch[-1].seq
            self.on_changes(batch)

    def _open_listen(self) -> None:
        url = self.db.url
        # The same TLS settings as the pooled connections (a LAN server may require TLS).
        tls = {k: v for k, v in url.query.items() if k in _TLS_PARAMS and isinstance(v, str)}
        self._listen_conn = reply_watched_connection_class().connect(
            **tls,
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=url.username,
            password=url.password,
            autocommit=True,
            connect_timeout=5,
            application_name="stationdesk-listen",
            **PG_KEEPALIVE,
        )
        self._listen_conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def _close_listen(self) -> None:
        if self._listen_conn is not None:
            # Closing a broken socket may fail; it is gone either way.
            with contextlib.suppress(Exception):
                self._listen_conn.close()
            self._listen_conn = None

    def _wait(self) -> None:
        if self.db.is_sqlite:
            self._stop.wait(SQLITE_POLL_S)
            return
        if self._listen_conn is None:
            self._open_listen()
        # Any notification means "read the log"; the payload is only a hint.
        for _ in self._listen_conn.notifies(timeout=PG_WAIT_S, stop_after=1):
            pass
        # A heartbeat on the listen connection proves it is alive both ways.
        self._listen_conn.execute("SELECT 1")

    def run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                with replies_within(HEARTBEAT_TIMEOUT_S):
                    self.catch_up()
                    self._set_online(True)
                    backoff = 0.5
                    self._wait()
            except Exception as exc:  # any database trouble means offline, then retry
                log.info("change feed offline: %s", exc)
                self._close_listen()
                self._set_online(False, type(exc).__name__)
                self._stop.wait(backoff)
                backoff = min(backoff * 2, 2.0)
        self._close_listen()
