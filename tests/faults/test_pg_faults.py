"""PostgreSQL going away under a running workstation: stopped, killed, cut off, silent.

Each test runs a ChangeWatcher (what the open window listens with) and a save that is
in flight when the fault strikes -- held on the server by "another workstation"
holding the audit chain's lock, so it is really mid-transaction. Afterwards:

- the watcher went offline, came back, and delivered what others committed meanwhile;
- the save committed exactly once or not at all, and ``resilience.save`` says which.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import pytest
from faultkit import PgStation, count_cases, draft, running_watcher, wait_for
from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError

from stationdesk.data import cases, resilience
from stationdesk.data.audit import _CHAIN_LOCK_KEY
from stationdesk.data.database import Database
from stationdesk.data.schema import WorkToken
from stationdesk.data.uow import carrying_token, new_work_token

pytestmark = pytest.mark.pg

# The watcher must be back this soon after the server is reachable again (issue 10).
ONLINE_WITHIN_S = 5.0
# ... and must notice a silent link this soon.
SILENCE_DETECTED_WITHIN_S = 15.0


class ChainLock:
    """Another workstation holding the audit chain's lock: saves wait on the server."""

    def __init__(self, conninfo: str) -> None:
        self.conn = psycopg.connect(conninfo, autocommit=True)
        self.conn.execute("SELECT pg_advisory_lock(%s)", (_CHAIN_LOCK_KEY,))

    def release(self) -> None:
        with contextlib.suppress(psycopg.Error):  # gone with the server, if it was stopped
            self.conn.execute("SELECT pg_advisory_unlock(%s)", (_CHAIN_LOCK_KEY,))

    def close(self) -> None:
        self.release()
        self.conn.close()


def backend_pid(st: PgStation, application: str, waiting: bool = False) -> int | None:
    """The server process serving the app's connection (``waiting``: on a lock)."""
    with psycopg.connect(st.server.conninfo(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND application_name = %s "
            "AND (NOT %s OR wait_event_type = 'Lock')",
            (st.name, application, waiting),
        ).fetchone()
    return int(row[0]) if row else None


def tokens(db: Database) -> dict[str, str]:
    with db.read() as s:
        return {t: state for t, state in s.execute(select(WorkToken.token, WorkToken.state))}


def create(db: Database, st: PgStation, summary: str) -> Callable[[], cases.CaseDetail]:
    return lambda: cases.create_case(db, st.duty, draft(summary))


def report(label: str, seconds: float) -> None:
    print(f"\n[measured] {label}: {seconds:.2f} s")


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_server_stopped_and_started_during_a_save(pg_station: PgStation, mode: str) -> None:
    st = pg_station
    summary = f"saved across a {mode} stop"
    pool = ThreadPoolExecutor(1)
    with running_watcher(st.app) as watch:
        lock = ChainLock(st.direct_conninfo())
        saving = pool.submit(resilience.save, st.app, create(st.app, st, summary))
        assert wait_for(lambda: backend_pid(st, "stationdesk", waiting=True) is not None, 10)

        stopped = time.monotonic()
        st.server.stop(mode)
        assert wait_for(lambda: watch.first("offline", after=stopped) is not None, 5)
        report(f"{mode} stop -> watcher offline", watch.seconds_until("offline", stopped))
        lock.close()

        # The server returns, but this workstation cannot reach it yet while another
        # one records work: notifications of that are lost, the change log is not.
        st.proxy.set_mode("reset")
        st.server.start()
        made = {cases.create_case(st.other, st.duty, draft(f"meanwhile {i}")).id for i in range(3)}
        reachable = time.monotonic()
        st.proxy.set_mode("pass")

        assert wait_for(lambda: watch.first("online", after=reachable) is not None, ONLINE_WITHIN_S)
        report("reachable again -> watcher online", watch.seconds_until("online", reachable))
        assert wait_for(lambda: made <= watch.case_ids(), 5), "missed changes made meanwhile"
        result = saving.result(timeout=30)

    # The attempt in flight was cut off before COMMIT: not committed, and fenced so it
    # never can be; the retry committed. Exactly one case.
    assert result.attempts == 2 and not result.reply_lost
    assert result.value is not None and result.value.summary == summary
    assert count_cases(st.other, summary) == 1
    states = tokens(st.other)
    assert states[result.token] == "committed"
    assert list(states.values()).count("fenced") == 1


def test_connection_killed_mid_transaction(pg_station: PgStation) -> None:
    st = pg_station
    summary = "saved although its connection was killed"
    pool = ThreadPoolExecutor(1)
    with running_watcher(st.app) as watch:
        lock = ChainLock(st.direct_conninfo())
        saving = pool.submit(resilience.save, st.app, create(st.app, st, summary))
        assert wait_for(lambda: backend_pid(st, "stationdesk", waiting=True) is not None, 10)
        victims = (
            backend_pid(st, "stationdesk", waiting=True),
            backend_pid(st, "stationdesk-listen"),
        )
        killed = time.monotonic()
        lock.conn.execute("SELECT pg_terminate_backend(%s), pg_terminate_backend(%s)", victims)
        lock.close()
        made = {cases.create_case(st.other, st.duty, draft(f"meanwhile {i}")).id for i in range(3)}

        assert wait_for(lambda: watch.first("offline", after=killed) is not None, 5)
        assert wait_for(lambda: watch.first("online", after=killed) is not None, ONLINE_WITHIN_S)
        report("listen connection killed -> watcher online", watch.seconds_until("online", killed))
        assert wait_for(lambda: made <= watch.case_ids(), 5)
        result = saving.result(timeout=30)

    assert result.attempts == 2 and not result.reply_lost
    assert count_cases(st.other, summary) == 1
    assert list(tokens(st.other).values()).count("fenced") == 1


@pytest.mark.parametrize("cut", ["after_the_commit_arrived", "before_the_commit_arrived"])
def test_connection_lost_during_commit(pg_station: PgStation, cut: str) -> None:
    """The one case a client cannot tell by itself: was the COMMIT applied?"""
    st = pg_station
    summary = f"commit cut {cut}"

    def cut_link() -> None:
        st.proxy.set_mode("reset")
        st.proxy.set_mode("pass")

    def on_commit(_conn: Any) -> None:
        if cut == "after_the_commit_arrived":
            st.proxy.set_mode("mute")  # the COMMIT reaches the server, the reply is lost
            threading.Timer(0.5, cut_link).start()
        else:
            cut_link()

    event.listen(st.app.engine, "commit", on_commit, once=True)
    result = resilience.save(st.app, create(st.app, st, summary))

    assert count_cases(st.other, summary) == 1
    if cut == "after_the_commit_arrived":
        # Committed once: the token says so, and nothing is saved a second time.
        assert (result.attempts, result.reply_lost, result.value) == (1, True, None)
    else:
        assert (result.attempts, result.reply_lost) == (2, False)
    assert resilience.save_outcome(st.other, result.token) is resilience.SaveOutcome.COMMITTED


def test_black_holed_link_is_detected_and_does_not_stop_the_station(
    pg_station: PgStation,
) -> None:
    """A link that goes silent mid-transaction (the peer still acknowledges packets, so
    TCP keepalives see nothing): the heartbeat notices, the other workstations keep
    saving, and the save in flight commits once."""
    st = pg_station
    summary = "saved across a silent link"
    pool = ThreadPoolExecutor(2)
    patient = resilience.RetryPolicy(attempts=12, outcome_wait_s=45)
    with running_watcher(st.app) as watch:
        lock = ChainLock(st.direct_conninfo())
        saving = pool.submit(resilience.save, st.app, create(st.app, st, summary), patient)
        assert wait_for(lambda: backend_pid(st, "stationdesk", waiting=True) is not None, 10)

        silent = time.monotonic()
        st.proxy.set_mode("blackhole")
        # The save now gets the chain lock on the server and holds it, waiting for a
        # client that will never speak again.
        lock.close()
        other = pool.submit(
            resilience.save, st.other, create(st.other, st, "another workstation"), patient
        )

        assert wait_for(
            lambda: watch.first("offline", after=silent) is not None, SILENCE_DETECTED_WITHIN_S
        )
        report("silent link -> watcher offline", watch.seconds_until("offline", silent))
        other_result = other.result(timeout=30)
        report("silent client's locks -> other workstation saved", time.monotonic() - silent)
        # It met the lock (LOCKED after the server's lock_timeout), waited, retried.
        assert other_result.attempts >= 2
        other_case = other_result.value
        assert other_case is not None

        reachable = time.monotonic()
        st.proxy.set_mode("pass")
        assert wait_for(lambda: watch.first("online", after=reachable) is not None, ONLINE_WITHIN_S)
        report("link back -> watcher online", watch.seconds_until("online", reachable))
        assert wait_for(lambda: other_case.id in watch.case_ids(), 5)
        result = saving.result(timeout=60)
        report("silent link -> in-flight save settled", time.monotonic() - silent)

    assert result.attempts >= 2 and not result.reply_lost
    assert count_cases(st.other, summary) == 1
    assert count_cases(st.other, "another workstation") == 1


def test_the_outcome_question_is_final(pg_station: PgStation) -> None:
    st = pg_station
    unknown = new_work_token()
    assert resilience.save_outcome(st.app, unknown) is resilience.SaveOutcome.NOT_COMMITTED
    # The fenced token can never commit afterwards, however late its transaction runs.
    with pytest.raises(IntegrityError), carrying_token(unknown):
        cases.create_case(st.app, st.duty, draft("too late"))
    assert count_cases(st.other, "too late") == 0
    assert resilience.save_outcome(st.app, unknown) is resilience.SaveOutcome.NOT_COMMITTED

    # While the transaction holding a token is still open, the answer is "not yet".
    pool = ThreadPoolExecutor(1)
    held = new_work_token()
    lock = ChainLock(st.direct_conninfo())

    def save_under_token() -> cases.CaseDetail:
        with carrying_token(held):
            return cases.create_case(st.app, st.duty, draft("held"))

    saving = pool.submit(save_under_token)
    assert wait_for(lambda: backend_pid(st, "stationdesk", waiting=True) is not None, 10)
    assert resilience.save_outcome(st.other, held, wait_s=0.3) is resilience.SaveOutcome.UNKNOWN
    lock.close()
    saving.result(timeout=10)
    assert resilience.save_outcome(st.other, held) is resilience.SaveOutcome.COMMITTED


def test_a_server_that_stays_down_leaves_the_outcome_unknown(pg_station: PgStation) -> None:
    st = pg_station
    st.proxy.set_mode("reset")
    quick = resilience.RetryPolicy(outcome_wait_s=1.0)
    with pytest.raises(resilience.SaveFailed) as failed:
        resilience.save(st.app, create(st.app, st, "never"), quick)
    assert failed.value.fault.code is resilience.FaultCode.OFFLINE
    # Nothing reached the server, but the client cannot know that until it is back.
    assert failed.value.outcome is resilience.SaveOutcome.UNKNOWN
    st.proxy.set_mode("pass")
    outcome = resilience.save_outcome(st.app, failed.value.token)
    assert outcome is resilience.SaveOutcome.NOT_COMMITTED
    assert count_cases(st.other, "never") == 0
