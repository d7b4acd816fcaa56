"""Saving from a form without losing what the officer typed, whatever the database does.

:class:`SaveRunner` runs one service write on the database worker through
:func:`stationdesk.data.resilience.save`: a busy database is retried, and a lost
connection ends in one of three answers, each told to the officer in their language:

- **saved** -- committed exactly once (when only the work token could confirm it, the
  value is ``None`` and the form reloads what it shows);
- **not saved** -- certainly not committed: the form keeps the typed text, the officer
  tries again;
- **unknown** -- the connection went away during the save and the database cannot be
  asked yet. The form keeps the text and stays blocked for this save; as soon as the
  connection is back (``ctx.online`` turns true, or :meth:`SaveRunner.set_online`)
  the runner asks :func:`~stationdesk.data.resilience.save_outcome` with the save's
  token and tells "saved" or "not saved". Never a second save of the same work while
  the first one's fate is open.

Using it in a view (roster, booking, ...)::

    self.runner = SaveRunner(ctx, parent=self)          # one per form / panel
    self.runner.busy_changed.connect(self._update_enabled)  # no Save while busy
    self.runner.notice.connect(self._show_notice)       # (kind, translated text)

    def save(self) -> None:
        if not self.runner.can_save():                  # offline or a save open
            return
        values = self.read_form()                       # validated first, on the UI thread
        self.runner.run(
            lambda: bookings.book(ctx.db, ctx.actor, values),  # one service call
            on_saved=self._saved,           # value the service returned, or None:
                                            #   confirmed via its token -- reload
            on_not_saved=self._not_saved,   # translated text; nothing was committed;
                                            #   keep the form as it is
            on_error=self._refused,         # the officer's faults, raised unchanged:
                                            #   ConflictError, PermissionDeniedError,
                                            #   FieldError, ... (nothing committed)
            what="booking: book session",   # for the log
        )

``notice(kind, text)`` is emitted for every outcome (kind: ``saved``, ``not_saved``,
``unknown``); ``on_saved`` / ``on_not_saved`` also run for an outcome learned after a
reconnect. :func:`fault_text` and :func:`outcome_text` translate
:data:`resilience.MESSAGES` and :data:`resilience.OUTCOME_MESSAGES` for other uses.

**The connection state reaches every runner.** The main window calls
:func:`notify_online` whenever the live sync says the database went away or came back;
it passes the state to every living runner of that context -- including those of modal
dialogs and panels that have no ``set_online`` of their own -- so an open outcome is
asked at once on reconnect (the 2 s look at ``ctx.online`` stays as a fallback).
``busy_changed`` is emitted on such a change too, so a form re-checks ``can_save()``:
the enabled state of Save must always consult ``runner.can_save()`` (or ``busy``).

**A dialog cannot silently drop an open save.** A dialog that owns a runner mixes in
:class:`CloseGuard` (``class BookingDialog(CloseGuard, QDialog)``). Cancel, Escape and
the window's close button all end in ``QDialog.reject()``; while the runner is saving
or the outcome is unknown, :class:`CloseGuard` asks instead: "The last save has not been
confirmed yet. StationDesk will tell you as soon as the connection returns. Close
anyway?" -- *Keep open* is the default (Enter and Escape keep it). If the officer closes
anyway, :meth:`SaveRunner.hand_over` detaches the runner from the dialog: it is
re-parented to the application-wide :func:`closed_saves` object (so it outlives the
dialog), the dialog's callbacks are dropped, and its outcome -- learned on reconnect like
any other -- is emitted as ``closed_saves().notice(kind, text)``, the text naming the
dialog by its title. The main window shows it in the status bar and, once the outcome is
final (saved / not saved), in a message box. The runner then deletes itself.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    SIGNAL,
    QCoreApplication,
    QObject,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from stationdesk.data import resilience
from stationdesk.data.resilience import FaultCode, RetryPolicy, SaveOutcome
from stationdesk.ui.context import AppContext

log = logging.getLogger(__name__)

CONTEXT = "SaveRunner"

# The English texts are resilience's own (a test keeps them identical); written out here
# so lupdate finds them.
_FAULT_TEXTS: dict[FaultCode, str] = {
    FaultCode.OFFLINE: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The database cannot be reached. What you typed is kept; StationDesk reconnects "
        "by itself and then tells you whether the last save went through.",
    ),
    FaultCode.LOCKED: QT_TRANSLATE_NOOP(
        "SaveRunner", "The database is busy with another workstation's change. Try again."
    ),
    FaultCode.CONFLICT: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "Another workstation changed this record after you opened it. Look at their "
        "change, then merge or reload.",
    ),
    FaultCode.DISK_FULL: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The disk that holds the database is full. Ask the administrator to free space.",
    ),
    FaultCode.READ_ONLY: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The database cannot be written (read-only file, folder or server). Ask the administrator.",
    ),
    FaultCode.IO_ERROR: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The disk that holds the database reported an error. Stop and call the administrator.",
    ),
    FaultCode.CORRUPT: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The database file is damaged. Stop working on it; the administrator restores the "
        "latest backup.",
    ),
    FaultCode.NETWORK_SHARE: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The database file is on a network share, where SQLite can lose data. Keep it on "
        "a local disk, or use a PostgreSQL server for several workstations.",
    ),
    FaultCode.SCHEMA: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The database belongs to a different StationDesk version. Ask the administrator "
        "to upgrade it (stationdesk init) or to update this workstation.",
    ),
    FaultCode.LOGIN_REFUSED: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "The database server refused this workstation's login. Check the database user "
        "and password in the database settings.",
    ),
    FaultCode.NOT_ALLOWED: QT_TRANSLATE_NOOP("SaveRunner", "You are not allowed to do this."),
    FaultCode.NOT_FOUND: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "This record no longer exists; another workstation may have deleted it.",
    ),
    FaultCode.INTERNAL: QT_TRANSLATE_NOOP(
        "SaveRunner", "StationDesk hit an internal error. The details are in the log."
    ),
}

_OUTCOME_TEXTS: dict[SaveOutcome, str] = {
    SaveOutcome.COMMITTED: QT_TRANSLATE_NOOP("SaveRunner", "Your save went through."),
    SaveOutcome.NOT_COMMITTED: QT_TRANSLATE_NOOP(
        "SaveRunner", "Your save did not go through; nothing was changed."
    ),
    SaveOutcome.UNKNOWN: QT_TRANSLATE_NOOP(
        "SaveRunner",
        "It is not known yet whether your save went through. StationDesk checks as soon "
        "as the database is back; keep what you typed.",
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def fault_text(code: FaultCode) -> str:
    """:data:`resilience.MESSAGES` in the officer's language."""
    return _t(_FAULT_TEXTS[code])


def outcome_text(outcome: SaveOutcome) -> str:
    """:data:`resilience.OUTCOME_MESSAGES` in the officer's language."""
    return _t(_OUTCOME_TEXTS[outcome])


OnSaved = Callable[[Any], None]
OnNotSaved = Callable[[str], None]
OnError = Callable[[Exception], None]


class _ClosedSaves(QObject):
    """Owns the runners of closed dialogs and reports their outcomes (see the docstring)."""

    notice = Signal(str, str)  # kind, translated text naming the closed dialog


_closed_saves: _ClosedSaves | None = None
# Every living runner, so the connection state reaches modal dialogs too.
_runners: weakref.WeakSet[SaveRunner] = weakref.WeakSet()


def closed_saves() -> _ClosedSaves:
    """The application-wide owner of saves whose dialog was closed before the outcome."""
    global _closed_saves
    if _closed_saves is None or not shiboken6.isValid(_closed_saves):
        _closed_saves = _ClosedSaves(QCoreApplication.instance())
    return _closed_saves


def notify_online(ctx: AppContext, online: bool) -> None:
    """Tell every runner of ``ctx`` the connection state (the main window calls this)."""
    for runner in list(_runners):
        if shiboken6.isValid(runner) and runner._ctx is ctx:
            runner.set_online(online)


@dataclass
class _Pending:
    """A save whose fate is open: asked again when the connection is back."""

    token: str
    on_saved: OnSaved
    on_not_saved: OnNotSaved | None
    what: str
    asking: bool = False


class SaveRunner(QObject):
    """Runs one save at a time through :func:`resilience.save`; see the module docstring."""

    notice = Signal(str, str)  # kind (saved | not_saved | unknown), translated text
    busy_changed = Signal(bool)

    # Class attributes so tests (and a slow site) can change them for every runner.
    policy = RetryPolicy()
    recheck_ms = 2000  # while the outcome is unknown: how often to look at ctx.online

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._saving = False
        self._pending: _Pending | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.recheck_ms)
        self._timer.timeout.connect(self._recheck)
        self._online = ctx.online
        self._handed_over = ""  # the closed dialog's title once handed over
        self.close_box: QMessageBox | None = None  # "Close anyway?" while asked
        _runners.add(self)

    # ------------------------------------------------------------------ state

    @property
    def busy(self) -> bool:
        """Saving, or a save's outcome is not known yet: offer no Save."""
        return self._saving or self._pending is not None

    @property
    def outcome_unknown(self) -> bool:
        return self._pending is not None

    @property
    def pending_token(self) -> str | None:
        return self._pending.token if self._pending else None

    def can_save(self) -> bool:
        return self._ctx.online and not self.busy

    def why_not(self) -> str:
        """Why Save is offered not (translated), "" when :meth:`can_save`."""
        if self.outcome_unknown:
            return self.tr(
                "Not known yet whether the last save went through; StationDesk checks when "
                "the connection is back."
            )
        if self._saving:
            return self.tr("Saving…")
        if not self._ctx.online:
            return self.tr("Offline: nothing can be saved until the connection is back.")
        return ""

    def update_button(self, button: QWidget, ready: bool = True) -> None:
        """Enable a form's Save when the form is ``ready`` *and* :meth:`can_save`; the
        tooltip says why not. Call it from ``busy_changed`` and wherever the form's own
        readiness changes, never ``setEnabled(True)`` on Save directly."""
        why = self.why_not()
        button.setEnabled(ready and not why)
        button.setToolTip(why)

    def set_online(self, online: bool) -> None:
        """The connection state (:func:`notify_online`, or a view forwarding it); back
        online, an open outcome is asked. A change emits ``busy_changed`` so that the
        form re-checks :meth:`can_save`."""
        changed, self._online = online != self._online, online
        if online:
            self._recheck()
        if changed and shiboken6.isValid(self):
            self.busy_changed.emit(self.busy)

    # ------------------------------------------------------------------- saving

    def run(
        self,
        operation: Callable[[], Any],
        on_saved: OnSaved,
        on_not_saved: OnNotSaved | None = None,
        on_error: OnError | None = None,
        what: str = "",
    ) -> bool:
        """Queue one save; False (and nothing queued) when offline or busy.

        Offline, ``on_not_saved`` is called at once with the reason.
        """
        if self.busy:
            return False
        if not self._ctx.online:
            text = self.tr(
                "Offline: not saved — your text is kept; save again when the connection is back."
            )
            self.notice.emit("not_saved", text)
            if on_not_saved is not None:
                on_not_saved(text)
            return False
        db, policy = self._ctx.db, self.policy
        self._set_saving(True)
        self._ctx.worker.submit(
            lambda: resilience.save(db, operation, policy),
            lambda result: self._saved(result, on_saved),
            lambda exc: self._failed(exc, on_saved, on_not_saved, on_error, what),
            what or "save",
        )
        return True

    def _saved(self, result: resilience.SaveResult[Any], on_saved: OnSaved) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_saving(False)
        self.notice.emit("saved", self.tr("Saved."))
        if not self._handed_over:
            on_saved(None if result.reply_lost else result.value)

    def _failed(
        self,
        exc: Exception,
        on_saved: OnSaved,
        on_not_saved: OnNotSaved | None,
        on_error: OnError | None,
        what: str,
    ) -> None:
        if not shiboken6.isValid(self):
            return
        if not isinstance(exc, resilience.SaveFailed):
            self._set_saving(False)
            if on_error is not None and not self._handed_over:
                on_error(exc)
                return
            if not self._handed_over:
                log.error("%s failed", what or "a save", exc_info=exc)
            text = self.not_saved_text(fault_text(resilience.classify(exc).code))
            self.notice.emit("not_saved", text)
            if on_not_saved is not None and not self._handed_over:
                on_not_saved(text)
            return
        log.info("%s: %s (%s)", what or "save", exc.outcome, exc.fault.detail)
        if exc.outcome is SaveOutcome.UNKNOWN:
            self._pending = _Pending(exc.token, on_saved, on_not_saved, what)
            self._saving = False  # still busy: the outcome is open
            self._timer.start()
            self.busy_changed.emit(True)  # still busy; the form says why now
            self.notice.emit(
                "unknown",
                self.tr(
                    "Unknown whether it was saved — the connection was lost during the save. "
                    "Your text is kept; StationDesk checks when the connection returns."
                ),
            )
            return
        self._set_saving(False)
        if exc.fault.code is FaultCode.OFFLINE:
            reason = self.tr("The database could not be reached.")
        else:
            reason = fault_text(exc.fault.code)
        text = self.not_saved_text(reason)
        self.notice.emit("not_saved", text)
        if on_not_saved is not None and not self._handed_over:
            on_not_saved(text)

    def not_saved_text(self, reason: str) -> str:
        return self.tr("Not saved — your text is kept; try again.") + " " + reason

    # ----------------------------------------------------- the open outcome

    def check_outcome_now(self) -> None:
        """Ask the database now whether the open save committed (tests, a "Check" button)."""
        self._recheck(force=True)

    def _recheck(self, force: bool = False) -> None:
        pending = self._pending
        if pending is None:
            self._timer.stop()
            return
        if pending.asking or not (force or self._ctx.online):
            return
        pending.asking = True
        db, token = self._ctx.db, pending.token
        self._ctx.worker.submit(
            lambda: resilience.save_outcome(db, token),
            lambda outcome: self._answered(pending, outcome),
            lambda exc: self._answered(pending, SaveOutcome.UNKNOWN, exc),
            f"{pending.what or 'save'}: did it commit?",
        )

    def _answered(
        self, pending: _Pending, outcome: SaveOutcome, exc: Exception | None = None
    ) -> None:
        if not shiboken6.isValid(self) or self._pending is not pending:
            return
        pending.asking = False
        if exc is not None:
            log.warning("asking whether %s committed failed: %s", pending.token, exc)
        if outcome is SaveOutcome.UNKNOWN:
            return  # asked again on the next tick or reconnect
        self._pending = None
        self._timer.stop()
        self.busy_changed.emit(False)
        self._settled()
        if outcome is SaveOutcome.COMMITTED:
            self.notice.emit(
                "saved",
                self.tr("The connection is back. Saved: %1").replace(
                    "%1", outcome_text(SaveOutcome.COMMITTED)
                ),
            )
            if not self._handed_over:
                pending.on_saved(None)
            return
        text = (
            self.tr("The connection is back.")
            + " "
            + self.not_saved_text(outcome_text(SaveOutcome.NOT_COMMITTED))
        )
        self.notice.emit("not_saved", text)
        if pending.on_not_saved is not None and not self._handed_over:
            pending.on_not_saved(text)

    def _set_saving(self, saving: bool) -> None:
        was = self.busy
        self._saving = saving
        if self.busy != was:
            self.busy_changed.emit(self.busy)
            self._settled()

    def _settled(self) -> None:
        """The outcome is known while "Close anyway?" is asked: the question is moot;
        the dialog stays open and shows the outcome."""
        if not self.busy and self.close_box is not None:
            self.close_box.done(QMessageBox.StandardButton.No)

    # ------------------------------------------------- closing the dialog

    def confirm_close(self, dialog: QDialog, close: Callable[[], None]) -> bool:
        """May ``dialog`` close now? True when no save is open. Otherwise ask (without
        blocking; the question is :attr:`close_box`) and return False: the dialog stays
        open; if the officer closes anyway, the runner is handed over and ``close`` runs.
        """
        if not self.busy or self._handed_over:
            return True
        if self.close_box is not None:  # already asking
            self.close_box.activateWindow()
            return False
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            dialog.windowTitle(),
            self.tr(
                "The last save has not been confirmed yet. StationDesk will tell you as soon "
                "as the connection returns. Close anyway?"
            ),
            yes | no,
            dialog,
        )
        box.button(yes).setText(self.tr("Close anyway"))
        box.button(no).setText(self.tr("Keep open"))
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        self.close_box = box

        def answered(result: int) -> None:
            if not shiboken6.isValid(self):
                return
            self.close_box = None
            if result != yes or not shiboken6.isValid(dialog):
                return
            if self.busy:
                self.hand_over(dialog.windowTitle())
            close()

        box.finished.connect(answered)
        box.open()
        return False

    def hand_over(self, title: str) -> None:
        """The dialog closes with this save open: keep the runner alive under
        :func:`closed_saves`, drop the dialog's callbacks and report the outcome there."""
        if self._handed_over:
            return
        self._handed_over = title or QCoreApplication.applicationName()
        for signal, signature in (
            (self.notice, "notice(QString,QString)"),
            (self.busy_changed, "busy_changed(bool)"),
        ):
            if self.receivers(SIGNAL(signature)) > 0:
                signal.disconnect()  # the closed dialog's slots
        self.setParent(closed_saves())
        self.notice.connect(self._report_closed)
        log.info("save of the closed dialog %r handed over (open: %s)", title, self.pending_token)

    @property
    def handed_over(self) -> bool:
        return bool(self._handed_over)

    def _report_closed(self, kind: str, text: str) -> None:
        closed_saves().notice.emit(
            kind,
            self.tr("“%1” was closed before its save was confirmed. %2")
            .replace("%1", self._handed_over)
            .replace("%2", text),
        )
        if not self.busy:
            self.deleteLater()  # the outcome is final


class CloseGuard:
    """Mixin for a QDialog that owns ``self.runner`` (a :class:`SaveRunner`): Cancel,
    Escape and the close button ask first while a save is open; see the module docstring.
    Put it before QDialog: ``class BookingDialog(CloseGuard, QDialog)``."""

    runner: SaveRunner

    def reject(self) -> None:
        close = super().reject  # type: ignore[misc]
        if self.runner.confirm_close(self, close):  # type: ignore[arg-type]
            close()
