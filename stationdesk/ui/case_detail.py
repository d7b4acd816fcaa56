"""The selected case: facts, parties (masked), timeline, notes, and the edits.

Everything is loaded and saved on the database worker. Saves carry the version the
panel loaded; when another workstation saved first, the edit is merged with theirs
or the officer chooses per field (:mod:`stationdesk.ui.case_saving`) -- never a
silent overwrite. Typed note text survives every error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import case_timeline, cases, station_settings
from stationdesk.data.case_timeline import CaseTimeline
from stationdesk.data.cases import CaseDetail
from stationdesk.data.people import GridInfo, StaffInfo
from stationdesk.data.uow import Change, NotFoundError
from stationdesk.domain import workflow
from stationdesk.domain.enums import CaseStatus, Permission, StaffKind, Team
from stationdesk.ui import theme
from stationdesk.ui.case_actions import CaseActionsBox
from stationdesk.ui.case_dialogs import CtrlEnterFilter, ReasonDialog
from stationdesk.ui.case_edit import CaseEditDialog
from stationdesk.ui.case_facts import CaseFactsView
from stationdesk.ui.case_saving import CaseSaver
from stationdesk.ui.case_style import (
    ERROR_STYLE,
    INFO_STYLE,
    muted,
)
from stationdesk.ui.case_timeline import CaseTimelineWidget, NoteWidgets
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_time
from stationdesk.ui.labels import label

log = logging.getLogger(__name__)


class CaseDetailPanel(QWidget):
    """Shows one case and edits it through the worker."""

    case_loaded = Signal(int)
    case_saved = Signal(int)  # committed here: the list refreshes that row
    leave_requested = Signal()  # Esc: back to the list
    open_case_requested = Signal(int)  # a linked report in the timeline was clicked

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id: int | None = None
        self._detail: CaseDetail | None = None
        self._generation = 0
        self._staff: list[StaffInfo] = []
        self._grids: dict[int, GridInfo] = {}
        self._busy = False
        self._online = ctx.online
        self._reload_when_idle = False
        self.reason_dialog: ReasonDialog | None = None
        self.edit_dialog: CaseEditDialog | None = None
        self.booking_dialog: Any = None
        self.saver = CaseSaver(ctx, self.value_text, self)
        self.saver.saved.connect(self._edit_saved)
        self.saver.discarded.connect(self._edit_discarded)
        self.saver.failed.connect(self._edit_error)
        self.saver.pending.connect(self._show_message)  # stays busy until the outcome
        self.saver.note_added.connect(self._note_added)
        self.saver.note_struck.connect(self._note_struck)
        self.setMinimumWidth(400)  # parties and actions fit without a sideways scroll
        self._build()
        self._update_enabled()

    # --------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.placeholder = QLabel(self.tr("Select a case in the list to see it here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        theme.set_status(self.placeholder, "muted")
        self.stack.addWidget(self.placeholder)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.stack.addWidget(self.scroll_area)
        body = QWidget()
        self.scroll_area.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(10, 8, 10, 8)

        self.facts = CaseFactsView()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        lay.addWidget(self.message_label)
        lay.addWidget(self.facts)
        # Shown by their old names: the rest of the panel and the tests use them.
        self.case_no_label = self.facts.case_no_label
        self.status_chip = self.facts.status_chip
        self.loading_label = self.facts.loading_label
        self.fact = self.facts.fact
        self.parties_box = self.facts.parties_box

        self.actions = CaseActionsBox()
        self.actions.status_requested.connect(self._status_requested)
        self.actions.assign_requested.connect(self._assign_requested)
        self.actions.edit_requested.connect(self.edit_case)
        self.actions.book_requested.connect(self.book_mediation)
        for combo in (self.status_combo, self.staff_combo, self.team_combo):
            combo.currentIndexChanged.connect(self._update_enabled)
        lay.addWidget(self.actions)
        lay.addWidget(self.parties_box)
        lay.addWidget(self._build_note_editor())
        self.timeline = CaseTimelineWidget(self._ctx)
        self.timeline.strike_requested.connect(self.strike_note)
        self.timeline.open_case_requested.connect(self.open_case_requested)
        self.timeline.failed.connect(self._show_message)
        lay.addWidget(self.timeline)
        lay.addStretch(1)

        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.leave_requested)

    def _build_note_editor(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notes"))
        lay = QVBoxLayout(box)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("New note… (Ctrl+Enter adds it)"))
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        lay.addWidget(self.note_edit)
        row = QHBoxLayout()
        hint = muted(self.tr("Notes are kept in the timeline below, newest first."))
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.add_note_button = QPushButton(self.tr("Add note"))
        self.add_note_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_note_button.clicked.connect(self.add_note)
        row.addWidget(self.add_note_button)
        lay.addLayout(row)
        self._note_ctrl_enter = CtrlEnterFilter(self.note_edit, self.add_note)
        self.note_edit.textChanged.connect(self._update_enabled)
        return box

    # The actions box's inputs, by the names the rest of the panel and the tests use.
    @property
    def status_combo(self) -> QComboBox:
        return self.actions.status_combo

    @property
    def status_button(self) -> QPushButton:
        return self.actions.status_button

    @property
    def staff_combo(self) -> QComboBox:
        return self.actions.staff_combo

    @property
    def team_combo(self) -> QComboBox:
        return self.actions.team_combo

    @property
    def assign_button(self) -> QPushButton:
        return self.actions.assign_button

    @property
    def edit_button(self) -> QPushButton:
        return self.actions.edit_button

    @property
    def note_widgets(self) -> dict[int, NoteWidgets]:
        return self.timeline.note_widgets

    # ---------------------------------------------------------------- public

    @property
    def case_id(self) -> int | None:
        return self._case_id

    @property
    def detail(self) -> CaseDetail | None:
        return self._detail

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def conflict_dialog(self) -> Any:
        return self.saver.conflict_dialog

    def set_people(self, staff: Sequence[StaffInfo], grids: Sequence[GridInfo]) -> None:
        """Officers who can own a case and the grids (for the grid-officer suggestion)."""
        self._staff = [s for s in staff if s.kind != StaffKind.VOLUNTEER]
        self._grids = {g.id: g for g in grids}
        if self._detail is not None:
            self.actions.fill_owner_choices(self._detail, self._staff, self._grids, keep=True)

    def show_case(self, case_id: int | None) -> None:
        """Load and show a case (None: the placeholder)."""
        if case_id == self._case_id and self._detail is not None:
            return
        self._case_id = case_id
        self._detail = None
        self._hide_message()
        if case_id is None:
            self._generation += 1
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.reload()

    def reload(self, keep_choices: bool = False, info: str = "") -> None:
        if self._case_id is None:
            return
        if self._busy:
            self._reload_when_idle = True
            return
        self._generation += 1
        generation, case_id, db = self._generation, self._case_id, self._ctx.db

        def job() -> tuple[CaseDetail, CaseTimeline]:
            detail = cases.get_case(db, case_id)
            days = station_settings.repeat_window_days(db)
            return detail, case_timeline.case_timeline(db, detail, days)

        self.loading_label.show()
        self._ctx.worker.submit(
            job,
            lambda loaded: self._loaded(generation, *loaded, keep_choices, info),
            lambda exc: self._load_failed(generation, exc),
            "case detail: load",
        )

    def apply_changes(self, changes: Sequence[Change]) -> None:
        """Reload when the shown case (or anything on its timeline) changed elsewhere."""
        if self._case_id is None:
            return
        mine = self._detail
        saved_elsewhere = any(
            c.table == "case_file"
            and c.row_id == self._case_id
            and (mine is None or c.version > mine.version)
            for c in changes
        )
        timeline = any(c.table in ("case_note", "case_party", "mediation_session") for c in changes)
        if saved_elsewhere:
            self.reload(
                keep_choices=True,
                info=self.tr("Updated by another workstation at %1.").replace(
                    "%1", format_time(self._ctx.clock())
                ),
            )
        elif timeline:
            self.reload(keep_choices=True)

    def set_online(self, online: bool) -> None:
        self._online = online
        self._update_enabled()
        self.saver.set_online(online)

    def focus_detail(self) -> None:
        """Enter on a list row: put the keyboard where the next action is."""
        for widget in (self.status_combo, self.note_edit):
            if widget.isEnabled() and widget.isVisible():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.scroll_area.setFocus(Qt.FocusReason.OtherFocusReason)

    def message_text(self) -> str:
        return self.message_label.text() if self.message_label.isVisible() else ""

    # --------------------------------------------------------------- loading

    def _loaded(
        self,
        generation: int,
        d: CaseDetail,
        timeline: CaseTimeline,
        keep_choices: bool,
        info: str,
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.loading_label.hide()
        self._populate(d, keep_choices, timeline)
        if info:
            self._show_message(info, error=False)
        self.case_loaded.emit(d.id)

    def _load_failed(self, generation: int, exc: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.loading_label.hide()
        if isinstance(exc, NotFoundError):
            self._show_message(self.tr("This case no longer exists."))
            return
        log.warning("loading case %s failed: %s", self._case_id, exc, exc_info=exc)
        self._show_message(
            self.tr("The case could not be loaded: %1").replace(
                "%1", str(exc) or type(exc).__name__
            )
        )

    def _populate(
        self, d: CaseDetail, keep_choices: bool = False, timeline: CaseTimeline | None = None
    ) -> None:
        same_case = self._detail is not None and self._detail.id == d.id
        self._detail = d
        self.stack.setCurrentWidget(self.scroll_area)
        self.facts.show_case(d, self._ctx.clock())
        self.timeline.show_case(d, timeline)
        self.actions.fill_status_choices(d, keep_choices and same_case)
        self.actions.fill_owner_choices(d, self._staff, self._grids, keep_choices and same_case)
        self._update_enabled()

    def value_text(self, key: str, value: Any) -> str:
        """A field's value as the conflict dialog shows it."""
        if key == "owner":
            staff_id, team = value
            names = {s.id: s.name for s in self._staff}
            d = self._detail
            if d is not None and d.owner_staff_id is not None:
                names.setdefault(d.owner_staff_id, d.owner_name)
            name = names.get(staff_id, f"#{staff_id}") if staff_id is not None else ""
            return self.facts.owner_text(name, Team(team) if team else None)
        if key == "grid_id":
            grid = self._grids.get(value) if value is not None else None
            return grid.name if grid else ("—" if value is None else f"#{value}")
        if key in ("status", "priority", "category"):
            return label(value)
        if key == "notable":
            return self.facts.flags_text(False, bool(value))
        return str(value) if value not in (None, "") else "—"

    # ---------------------------------------------------------------- enable

    def _update_enabled(self) -> None:
        d = self._detail
        allowed = self._ctx.actor.can(Permission.EDIT_CASES)
        can_edit = d is not None and allowed and self._online and not self._busy
        if not self._online:
            why = self.tr(
                "Offline: the database cannot be reached. Changes are blocked until the "
                "connection is back; what you typed is kept."
            )
        elif not allowed:
            why = self.tr("Your account may not change cases.")
        elif self._busy:
            why = self.tr("Saving…")
        else:
            why = ""
        self.actions.update_enabled(d, can_edit, why)
        note_typed = bool(self.note_edit.toPlainText().strip())
        self.add_note_button.setEnabled(can_edit and note_typed)
        self.add_note_button.setToolTip(why or self.tr("Ctrl+Enter"))
        self.timeline.set_can_edit(can_edit, why)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()
        if not busy and self._reload_when_idle:
            self._reload_when_idle = False
            self.reload(keep_choices=True)

    # ----------------------------------------------------------------- edits

    def _status_requested(self, to: CaseStatus) -> None:
        d = self._detail
        if d is None:
            return
        if workflow.reason_required(d.status, to):
            self._ask_reason(
                self.tr("Reason for “%1”").replace("%1", label(to)),
                self.tr("Why does this case move from “%1” to “%2”? The reason is kept in its "
                        "history.").replace("%1", label(d.status)).replace("%2", label(to)),
                lambda reason: self.submit_changes({"status": to}, reason),
            )  # fmt: skip
            return
        self.submit_changes({"status": to})

    def _assign_requested(self, staff_id: int | None, team: Team | None) -> None:
        self.submit_changes({"owner": (staff_id, team)})

    def edit_case(self) -> None:
        """Open the dialog that corrects the case's facts."""
        d = self._detail
        if d is None or self._busy or self.edit_dialog is not None:
            return
        dialog = CaseEditDialog(d, list(self._grids.values()), self)
        self.edit_dialog = dialog

        def done(result: int) -> None:
            self.edit_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.changes():
                self.submit_changes(dialog.changes(), base=d)

        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()

    def book_mediation(self) -> None:
        """Open the booking dialog for the shown case (see ui/booking_dialog.py)."""
        from stationdesk.ui.booking_dialog import BookingDialog

        d = self._detail
        if d is None or self._busy or self.booking_dialog is not None:
            return
        dialog = BookingDialog(self._ctx, d.id, self)
        self.booking_dialog = dialog

        def booked(result: Any) -> None:
            self.reload(keep_choices=True, info=self.tr("Mediation session booked."))
            self.case_saved.emit(result.case_id)

        def done(_result: int) -> None:
            self.booking_dialog = None
            dialog.deleteLater()

        dialog.booked.connect(booked)
        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()

    def _ask_reason(self, title: str, prompt: str, then: Callable[[str], None]) -> None:
        dialog = ReasonDialog(title, prompt, self)
        self.reason_dialog = dialog

        def done(result: int) -> None:
            self.reason_dialog = None
            if result == QDialog.DialogCode.Accepted:
                then(dialog.reason())
            dialog.deleteLater()

        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()  # the keyboard goes to the dialog at once

    def submit_changes(
        self, mine: dict[str, Any], reason: str = "", base: CaseDetail | None = None
    ) -> None:
        """Save changed fields (status, owner, facts) against the loaded version."""
        d = base or self._detail
        if d is None or self._busy:
            return
        if not self._online:
            self._show_message(self.tr("Offline: the change was not saved. Try again when the "
                                       "connection is back."))  # fmt: skip
            return
        self._hide_message()
        self._set_busy(True)
        self.saver.submit(d, mine, reason)

    def _edit_saved(self, fresh: CaseDetail, merged_with: tuple[str, ...]) -> None:
        if self._case_id == fresh.id:
            self._generation += 1  # a load started before the save is older than this
            self._populate(fresh)
            self.timeline.refresh()
            if merged_with:
                self._show_message(
                    self.tr(
                        "Saved. Merged with changes from %1: they saved this case after you "
                        "opened it and changed other fields; both changes are kept."
                    ).replace("%1", self.tr(" and ").join(merged_with)),
                    error=False,
                )
            else:
                self._show_message(self.tr("Saved."), error=False)
        self.case_saved.emit(fresh.id)
        self._set_busy(False)

    def _edit_discarded(self, current: CaseDetail) -> None:
        if self._case_id == current.id:
            self._generation += 1
            self._populate(current)
            self.timeline.refresh()
            self._show_message(self.tr("Reloaded: your change was not saved."), error=False)
        self.case_saved.emit(current.id)  # the list shows the other workstation's save
        self._set_busy(False)

    def _edit_error(self, message: str) -> None:
        self._set_busy(False)
        self._show_message(message)

    # ----------------------------------------------------------------- notes

    def add_note(self) -> None:
        d = self._detail
        text = self.note_edit.toPlainText().strip()
        if d is None or not text or self._busy:
            return
        if not self._online:
            self._show_message(self.tr("Offline: the note was not saved. It is kept here; add "
                                       "it when the connection is back."))  # fmt: skip
            return
        self._hide_message()
        self._set_busy(True)
        self.saver.add_note(d.id, text)

    def _note_added(self, case_id: int, text: str) -> None:
        # Clear only what was saved: text typed meanwhile stays.
        if self.note_edit.toPlainText().strip() == text:
            self.note_edit.clear()
        self._set_busy(False)
        self.reload(keep_choices=True)
        self.case_saved.emit(case_id)

    def strike_note(self, note_id: int) -> None:
        if self._detail is None or self._busy:
            return
        self._ask_reason(
            self.tr("Strike through a note"),
            self.tr("Why is this note wrong? It stays readable, struck through, with your reason."),
            lambda reason: self._strike(note_id, reason),
        )

    def _strike(self, note_id: int, reason: str) -> None:
        if not self._online:
            self._show_message(self.tr("Offline: nothing was changed."))
            return
        case_id = self._case_id
        if case_id is None:
            return
        self._set_busy(True)
        self.saver.strike_note(case_id, note_id, reason)

    def _note_struck(self, case_id: int) -> None:
        self._set_busy(False)
        self.reload(keep_choices=True, info=self.tr("Note struck through."))
        self.case_saved.emit(case_id)

    # -------------------------------------------------------------- messages

    def _show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message_label.show()

    def _hide_message(self) -> None:
        self.message_label.hide()
        self.message_label.clear()
