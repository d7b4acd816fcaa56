"""Open forms while the real PostgreSQL server goes away and comes back.

The workstation reaches a private server through the fault tests' TCP proxy, listens
with the real change feed (LiveSync, wired to the forms as the main window does),
and pytest-qt types into the real intake form and case detail panel. Afterwards the
database itself is asked what was saved: every typed text exactly once, never twice.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy import event, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "faults"))
from tcp_proxy import TcpProxy

from stationdesk.data import cases, migrate, people, users
from stationdesk.data.audit import _CHAIN_LOCK_KEY
from stationdesk.data.database import Database
from stationdesk.data.resilience import RetryPolicy
from stationdesk.data.schema import Case, CaseNote
from stationdesk.ui.case_detail import CaseDetailPanel
from stationdesk.ui.context import AppContext
from stationdesk.ui.intake import IntakeDialog
from stationdesk.ui.live_sync import LiveSync
from stationdesk.ui.save_runner import SaveRunner
from stationdesk.ui.worker import DbWorker

try:
    from tests.pgserver import PostgresServer
except ImportError:
    from pgserver import PostgresServer  # type: ignore[no-redef,unused-ignore]

from test_intake import fill

from stationdesk.data.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.pg, pytest.mark.slow]

TEMPLATE = "desk_template"
_names = itertools.count()


@pytest.fixture(scope="module")
def desk_server() -> Iterator[PostgresServer]:
    """A private server this module stops and starts; a small demo station as template."""
    if __import__("os").environ.get("STATIONDESK_SKIP_PG", "") not in ("", "0"):
        pytest.skip("STATIONDESK_SKIP_PG is set")
    from stationdesk.data.demo import generate_demo

    server = PostgresServer()
    server.start()
    try:
        template = Database(server.create_database(TEMPLATE))
        migrate.upgrade(template)
        generate_demo(template, cases=60, seed=7)
        template.dispose()
        yield server
    finally:
        server.close()


@dataclass
class Desk:
    server: PostgresServer
    proxy: TcpProxy
    ctx: AppContext
    other: Database  # another workstation, straight to the server
    sync: LiveSync
    forms: list  # what the main window would tell about the connection

    def set_online(self, state: str) -> None:
        # MainWindow._on_state, in short: the context first, then every open form.
        online = state == "online"
        self.ctx.online = online
        for form in self.forms:
            form.set_online(online)


@pytest.fixture
def desk(qtbot, desk_server: PostgresServer) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    server = desk_server
    server.start()  # a previous test may have left it stopped
    name = f"desk{next(_names)}"
    with psycopg.connect(server.conninfo(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    proxy = TcpProxy((server.host, server.port))
    db = Database(f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/{name}")
    other = Database(server.url(name))
    worker = DbWorker()
    ctx = AppContext(db=db, worker=worker, actor=users.sign_in(db, "duty", DEMO_PASSWORD))
    sync = LiveSync(db)
    d = Desk(server, proxy, ctx, other, sync, [])
    sync.state.connect(d.set_online)
    sync.start()
    qtbot.waitUntil(lambda: sync.online is True, timeout=10_000)
    old_policy = SaveRunner.policy
    # Let a save give up quickly when the server stays away: the runner takes over.
    SaveRunner.policy = RetryPolicy(outcome_wait_s=1.0)
    try:
        yield d
    finally:
        SaveRunner.policy = old_policy
        server.start()
        proxy.set_mode("pass")
        sync.stop()
        worker.wait_idle()
        worker.shutdown()
        proxy.close()
        db.dispose()
        other.dispose()
        server.drop_database(name)


def count_cases(db: Database, summary: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(Case.summary == summary)) or 0)


def count_notes(db: Database, text: str) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).where(CaseNote.text == text)) or 0)


@contextlib.contextmanager
def chain_lock(server: PostgresServer, name: str) -> Iterator[psycopg.Connection]:
    """Another workstation holds the audit chain's lock: saves wait on the server."""
    conn = psycopg.connect(server.conninfo(name), autocommit=True)
    conn.execute("SELECT pg_advisory_lock(%s)", (_CHAIN_LOCK_KEY,))
    try:
        yield conn
    finally:
        with contextlib.suppress(psycopg.Error):
            conn.close()


def waiting_on_lock(server: PostgresServer, name: str) -> bool:
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT 1 FROM pg_stat_activity WHERE datname = %s AND application_name = "
            "'stationdesk' AND wait_event_type = 'Lock'",
            (name,),
        ).fetchone()
    return row is not None


def intake(qtbot, desk: Desk) -> IntakeDialog:  # type: ignore[no-untyped-def]
    dialog = IntakeDialog(desk.ctx, people.list_grids(desk.other))
    qtbot.addWidget(dialog)
    desk.forms.append(dialog)
    dialog.show()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: desk.ctx.worker.pending == 0, timeout=10_000)
    return dialog


def test_intake_is_blocked_while_the_server_is_stopped_and_keeps_the_text(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    dialog = intake(qtbot, desk)
    summary = "服务器停机时录入的纠纷"
    fill(qtbot, dialog, summary=summary)

    desk.server.stop("fast")
    qtbot.waitUntil(lambda: not desk.ctx.online, timeout=15_000)
    assert not dialog.save_button.isEnabled()
    assert "Offline" in dialog.save_button.toolTip()
    qtbot.keyClick(dialog, "s", modifier=qtbot_ctrl())  # Ctrl+S anyway
    assert dialog.banner.isVisible() and "Offline" in dialog.banner.text()
    assert dialog.summary_edit.text() == summary and dialog.isVisible()

    desk.server.start()
    qtbot.waitUntil(lambda: desk.ctx.online, timeout=15_000)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.created, timeout=20_000):
        dialog.save()
    assert count_cases(desk.other, summary) == 1


def test_a_save_cut_off_by_a_stop_is_unknown_until_the_server_is_back_then_not_saved(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    dialog = intake(qtbot, desk)
    summary = "停机打断的保存"
    fill(qtbot, dialog, summary=summary)
    name = desk.other.url.database
    with chain_lock(desk.server, str(name)):
        dialog.save()
        qtbot.waitUntil(lambda: waiting_on_lock(desk.server, str(name)), timeout=15_000)
        desk.server.stop("fast")  # the save in flight loses its connection mid-transaction
    qtbot.waitUntil(lambda: dialog.state == "pending", timeout=30_000)
    assert "Unknown whether it was saved" in dialog.banner.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.summary_edit.text() == summary  # the text stays until the answer is known

    desk.server.start()
    qtbot.waitUntil(lambda: dialog.state != "pending", timeout=30_000)
    assert "Not saved" in dialog.banner.text() and "did not go through" in dialog.banner.text()
    assert dialog.summary_edit.text() == summary and dialog.save_button.isEnabled()
    assert count_cases(desk.other, summary) == 0  # and it never can be: the token is fenced

    with qtbot.waitSignal(dialog.created, timeout=20_000):
        dialog.save()
    assert count_cases(desk.other, summary) == 1


def test_a_note_whose_reply_was_lost_is_confirmed_saved_once_the_link_is_back(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk
) -> None:
    case = cases.create_case(desk.other, desk.ctx.actor, draft_for_note())
    window = QWidget()  # a fixed frame: the panel's messages do not resize a top level
    window.setFixedSize(760, 1000)
    qtbot.addWidget(window)
    panel = CaseDetailPanel(desk.ctx, window)
    QVBoxLayout(window).addWidget(panel)
    desk.forms.append(panel)
    window.show()
    panel.show_case(case.id)
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=10_000)
    text = "回访：双方已和解（连接中断时保存）"
    panel.note_edit.setPlainText(text)

    def on_commit(_conn: object) -> None:
        desk.proxy.set_mode("mute")  # the COMMIT reaches the server; its reply does not
        threading.Timer(0.3, desk.proxy.set_mode, ("reset",)).start()  # then the link dies

    event.listen(desk.ctx.db.engine, "commit", on_commit, once=True)
    panel.add_note()
    qtbot.waitUntil(lambda: panel.saver.outcome_unknown, timeout=30_000)
    assert "Unknown whether it was saved" in panel.message_text()
    assert panel.note_edit.toPlainText() == text and not panel.add_note_button.isEnabled()

    desk.proxy.set_mode("pass")
    qtbot.waitUntil(lambda: not panel.saver.outcome_unknown, timeout=30_000)
    qtbot.waitUntil(lambda: panel.note_edit.toPlainText() == "", timeout=10_000)
    assert count_notes(desk.other, text) == 1  # committed once, and not saved again


def draft_for_note() -> cases.CaseDraft:
    from datetime import datetime

    from stationdesk.domain.enums import CaseCategory, CaseSource, Priority

    return cases.CaseDraft(
        CaseCategory.DISPUTE_NEIGHBOUR, CaseSource.WALK_IN, Priority.NORMAL,
        datetime.now().replace(microsecond=0, second=0), None, "幸福路 7 号", "漏水纠纷",
    )  # fmt: skip


def qtbot_ctrl():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier
