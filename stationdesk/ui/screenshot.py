"""``stationdesk screenshot``: render one view offscreen to a PNG (docs, reviews, tests).

Needs ``QT_QPA_PLATFORM=offscreen`` (the command sets it). No password is asked: the
window is built for a read-only look at the data, signed in as the first duty
officer (else administrator) account without touching the database, and nothing
is ever saved through it.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLocale, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from stationdesk.cli import CliError
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import Role
from stationdesk.ui import i18n
from stationdesk.ui.worker import DbWorker

log = logging.getLogger(__name__)

IDLE_TIMEOUT_S = 30.0
POLL_MS = 50


class ScreenshotError(CliError):
    """The picture could not be made; the message says why (one line, exit status 1)."""


def screenshot_actor(db: Database) -> Actor:
    """The first duty officer, else the first administrator, else a synthetic director."""
    from stationdesk.data import users

    accounts = [u for u in users.list_users(db) if u.active]
    for role in (Role.DUTY_OFFICER, Role.ADMIN):
        match = next((u for u in accounts if role in u.roles), None)
        if match is not None:
            return users.actor_of(match, workstation="screenshot")
    return Actor(None, "screenshot", frozenset({Role.DIRECTOR}))


def _spin(app: QApplication, ms: int) -> None:
    """Run the event loop for ``ms`` (timers fire, queued results are delivered)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def render_view(db: Database, view: str, output: Path, lang: str, size: tuple[int, int]) -> None:
    """Build the main window on ``view`` at ``size`` and save it to ``output``."""
    from stationdesk.ui.app import prepare_app
    from stationdesk.ui.context import AppContext
    from stationdesk.ui.main_window import VIEW_NAMES, MainWindow

    # "roster": the patrols view on its week board tab.
    board_tab = view == "roster"
    view = "patrols" if board_tab else view
    if view not in VIEW_NAMES:
        raise ScreenshotError(f"unknown view {view!r}; views: {', '.join(VIEW_NAMES)}")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    # An app that was already running (tests) gets its language and locale back.
    previous_language, previous_locale = i18n.current_language(), QLocale()
    previous_look = (app.style().name(), app.palette(), app.font(), app.styleSheet())
    prepare_app(app, lang)
    worker = DbWorker()
    window: MainWindow | None = None
    try:
        ctx = AppContext(db=db, worker=worker, actor=screenshot_actor(db))
        window = MainWindow(ctx, start_view=view, persist=False, live=False)
        small = window.minimumSize().boundedTo(QSize(*size))  # the CLI allows 320x240
        window.setMinimumSize(small)
        window.resize(*size)
        window.show()
        # The alert dock lists its alerts a moment after start; a picture shows them now.
        alerts = window.findChild(QWidget, "alertsDock")
        if alerts is not None:
            alerts.refresh()  # type: ignore[attr-defined]
        _wait_until_idle(app, worker)
        if board_tab:
            from stationdesk.ui.views.patrols import PatrolsView

            patrols_view = window.findChild(PatrolsView)
            if patrols_view is not None:
                patrols_view.show_week_board()
                _wait_until_idle(app, worker)
        pixmap = window.grab()
        output = output.expanduser()
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ScreenshotError(f"cannot create the folder {output.parent}: {exc}") from None
        fmt = "PNG" if output.suffix.lower() in ("", ".png") else None
        if pixmap.isNull() or not pixmap.save(str(output), fmt):
            raise ScreenshotError(
                f"could not write the picture to {output} (is the folder writable, and is "
                "the name ending in .png?)"
            )
    finally:
        if window is not None:
            window.close()
        worker.wait_idle(5)
        app.processEvents()  # deliver the last results while the views still exist
        worker.shutdown()
        if window is not None:
            window.deleteLater()
        if existing is not None:
            if previous_language:
                i18n.install_language(app, previous_language)
            else:
                i18n.uninstall_language(app)
            QLocale.setDefault(previous_locale)
            style, palette, font, sheet = previous_look
            app.setStyleSheet(sheet)
            app.setStyle(style)
            app.setPalette(palette)
            app.setFont(font)


def _wait_until_idle(app: QApplication, worker: DbWorker) -> None:
    """Until no database job is queued, twice in a row (results can queue new jobs)."""
    deadline = time.monotonic() + IDLE_TIMEOUT_S
    idle_in_a_row = 0
    while idle_in_a_row < 2:
        if time.monotonic() > deadline:
            raise ScreenshotError(
                f"the view was still loading after {IDLE_TIMEOUT_S:.0f} s; no picture taken"
            )
        _spin(app, POLL_MS)
        idle_in_a_row = idle_in_a_row + 1 if worker.pending == 0 else 0
    _spin(app, POLL_MS)  # one more round for layouts and repaints after the last result
