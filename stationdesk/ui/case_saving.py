"""Saving the detail panel's edits on the worker, with the two-workstation merge.

Every save (fields, status, owner, notes) goes through
:class:`~stationdesk.ui.save_runner.SaveRunner`: a lost connection ends in "saved",
"not saved" or "unknown -- checked when the connection is back" (``pending``), and the
panel keeps what was typed and stays blocked until the outcome is known.

An edit is saved against the version the panel loaded. When another workstation
saved first and changed other fields, the edit is saved on top of theirs and the
officer is told whose changes it was merged with; when it changed the same fields,
:class:`~stationdesk.ui.case_conflict.CaseConflictDialog` asks, per field, which
value to keep -- and nothing is saved until the officer chose.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from stationdesk.data import case_merge, cases, resilience
from stationdesk.data.case_merge import EDITABLE_FIELDS, SaveResult
from stationdesk.data.cases import CaseDetail
from stationdesk.data.uow import ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain import workflow
from stationdesk.domain.enums import CaseStatus
from stationdesk.domain.merge import Side
from stationdesk.domain.workflow import TransitionError
from stationdesk.ui.case_conflict import CaseConflictDialog, ConflictRow
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import SaveRunner, fault_text

log = logging.getLogger(__name__)

ValueText = Callable[[str, Any], str]  # (field, value) -> what the officer reads


class CaseSaver(QObject):
    """Runs one save at a time; the panel shows what comes back."""

    saved = Signal(object, object)  # CaseDetail, names it was merged with (tuple[str, ...])
    discarded = Signal(object)  # CaseDetail as it is now: the officer dropped the change
    failed = Signal(str)  # a message for the officer; nothing was saved
    # The connection was lost during the save and its outcome is not known yet: the
    # message says so; the panel stays blocked until saved/failed/note_added follows.
    pending = Signal(str)
    note_added = Signal(int, str)  # case id, the note text that was saved
    note_struck = Signal(int)  # case id

    def __init__(self, ctx: AppContext, value_text: ValueText, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._value_text = value_text
        self._parent = parent
        self.conflict_dialog: CaseConflictDialog | None = None
        self.runner = SaveRunner(ctx, self)
        self.runner.notice.connect(self._notice)

    @property
    def outcome_unknown(self) -> bool:
        return self.runner.outcome_unknown

    def set_online(self, online: bool) -> None:
        self.runner.set_online(online)

    def _notice(self, kind: str, text: str) -> None:
        if kind == "unknown":
            self.pending.emit(text)

    def field_titles(self) -> dict[str, str]:
        return {
            "status": self.tr("Status"),
            "owner": self.tr("Owner"),
            "priority": self.tr("Priority"),
            "category": self.tr("Category"),
            "grid_id": self.tr("Grid"),
            "address": self.tr("Address"),
            "summary": self.tr("Summary"),
            "description": self.tr("Description"),
            "notable": self.tr("Notable incident"),
        }

    def submit(self, base: CaseDetail, mine: Mapping[str, Any], reason: str = "") -> None:
        """Save ``mine`` (changed fields) against ``base``; a signal tells the outcome."""
        ctx, wanted = self._ctx, dict(mine)
        self.runner.run(
            lambda: case_merge.save_case_edit(ctx.db, ctx.actor, base, wanted, reason),
            lambda result: self._done(result, reason, base.id),
            self.failed.emit,
            self._error,
            f"case {base.id}: save {sorted(wanted)}",
        )

    def add_note(self, case_id: int, text: str) -> None:
        """Add a note; ``note_added`` (or ``failed`` / ``pending``) tells the outcome."""
        ctx = self._ctx
        self.runner.run(
            lambda: cases.add_note(ctx.db, ctx.actor, case_id, text),
            lambda _note: self.note_added.emit(case_id, text),
            self.failed.emit,
            self._error,
            f"case {case_id}: add note",
        )

    def strike_note(self, case_id: int, note_id: int, reason: str) -> None:
        ctx = self._ctx
        self.runner.run(
            lambda: cases.strike_note(ctx.db, ctx.actor, note_id, reason),
            lambda _none: self.note_struck.emit(case_id),
            self.failed.emit,
            self._error,
            f"note {note_id}: strike",
        )

    def _done(self, result: SaveResult | None, reason: str, case_id: int) -> None:
        if not shiboken6.isValid(self):
            return
        if result is None:
            # Committed, confirmed through its work token (the reply was lost): show the
            # case as it is now.
            ctx = self._ctx
            ctx.worker.submit(
                lambda: cases.get_case(ctx.db, case_id),
                lambda detail: self.saved.emit(detail, ()) if shiboken6.isValid(self) else None,
                self._error,
                f"case {case_id}: reload after a confirmed save",
            )
            return
        if result.detail is not None:
            self.saved.emit(result.detail, result.merged_with)
            return
        assert result.current is not None and result.merge is not None
        self._ask(result, reason)

    def _error(self, exc: Exception) -> None:
        if shiboken6.isValid(self):
            self.failed.emit(self.error_text(exc))

    # ------------------------------------------------------------------ conflict

    def conflict_rows(self, result: SaveResult, reason: str) -> list[ConflictRow]:
        """One row per field both workstations changed, in the form's order."""
        assert result.current is not None
        now_status = result.current.status
        titles = self.field_titles()
        rows = []
        for key in EDITABLE_FIELDS:
            conflict = result.conflicts.get(key)
            if conflict is None:
                continue
            texts = {side: self._value_text(key, conflict.value(side)) for side in Side}
            refused: dict[Side, str] = {}
            if key == "status":
                for side in (Side.BASE, Side.MINE):
                    to = CaseStatus(conflict.value(side))
                    if to == now_status:
                        continue
                    if not workflow.can_transition(now_status, to):
                        refused[side] = (
                            self.tr("A case cannot move from “%1” to “%2”.")
                            .replace("%1", label(now_status))
                            .replace("%2", label(to))
                        )
                    elif workflow.reason_required(now_status, to) and not reason.strip():
                        refused[side] = self.tr(
                            "Moving the case to “%1” needs a reason: change the status again."
                        ).replace("%1", label(to))
            rows.append(ConflictRow(key, titles[key], texts, refused))
        return rows

    def _ask(self, result: SaveResult, reason: str) -> None:
        who = self.tr(" and ").join(result.merged_with)
        dialog = CaseConflictDialog(self.conflict_rows(result, reason), who, self._parent)
        self.conflict_dialog = dialog
        current, merge = result.current, result.merge
        assert current is not None and merge is not None

        def done(_code: int) -> None:
            self.conflict_dialog = None
            dialog.deleteLater()
            if not shiboken6.isValid(self):
                return
            if dialog.choice == CaseConflictDialog.SAVE:
                chosen = merge.resolve(dialog.choices())
                # Saved against the version the officer has just compared with.
                self.submit(current, chosen, reason)
            else:
                self.discarded.emit(current)

        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()  # the keyboard goes to the dialog at once

    # ------------------------------------------------------------------ messages

    def error_text(self, exc: Exception) -> str:
        """A translated message for a failed save (and a log line for program errors)."""
        if isinstance(exc, TransitionError):
            if exc.code == "reason_required":
                return self.tr("Moving a case to “%1” needs a reason.").replace(
                    "%1", label(exc.to_status)
                )
            return (
                self.tr(
                    "A case cannot move from “%1” to “%2”. Its status may have changed: reload "
                    "to see it."
                )
                .replace("%1", label(exc.from_status))
                .replace("%2", label(exc.to_status))
            )
        if isinstance(exc, PermissionDeniedError):
            return self.tr(
                "Your account may not change cases. Ask the station director or an "
                "administrator for this permission. Nothing was saved."
            )
        if isinstance(exc, NotFoundError):
            if exc.table != "case_file":
                return self.tr(
                    "That officer or grid no longer exists; reload and choose again. "
                    "Nothing was saved."
                )
            return self.tr("This case no longer exists; it may have been removed elsewhere.")
        if isinstance(exc, ConflictError):
            return self.tr(
                "Other workstations keep changing this case. Reload, check it and try again."
            )
        code = resilience.classify(exc).code
        if code is not resilience.FaultCode.INTERNAL:  # the database's fault, not a defect
            log.info("saving a case change failed: %s", exc)
            return self.runner.not_saved_text(fault_text(code))
        log.error("saving a case change failed", exc_info=exc)
        return self.tr("Not saved: %1. What you typed is kept; try again.").replace(
            "%1", str(exc) or type(exc).__name__
        )
