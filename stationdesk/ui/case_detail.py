"""The selected case: facts, parties (masked), status history, notes, and the edits.

Everything is loaded and saved on the database worker. Saves carry the version the
panel loaded; when another workstation saved first, the officer sees what changed
and chooses to reload or to apply their change again -- never a silent overwrite.
Typed note text survives every error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import cases
from stationdesk.data.cases import CaseDetail, NoteInfo
from stationdesk.data.people import GridInfo, StaffInfo
from stationdesk.data.uow import Change, ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain import deadlines, workflow
from stationdesk.domain.enums import CaseStatus, Permission, StaffKind, Team
from stationdesk.domain.validation import mask_phone, mask_resident_id
from stationdesk.domain.workflow import TransitionError
from stationdesk.ui.context import AppContext
from stationdesk.ui.intake import make_searchable
from stationdesk.ui.labels import label

log = logging.getLogger(__name__)

TIME_FORMAT = "%Y-%m-%d %H:%M"
REASON_MAX = 500
ERROR_STYLE = "background:#fbe3e3; color:#8b1a1a; border:1px solid #e0a0a0; padding:6px;"
INFO_STYLE = "background:#e6f0fa; color:#123e6b; border:1px solid #a9c6e6; padding:6px;"
OVERDUE_STYLE = "color:#8b1a1a; font-weight:bold;"
MUTED_STYLE = "color:#6b6b6b;"


def fmt_time(value: datetime | None) -> str:
    return value.strftime(TIME_FORMAT) if value else ""


@dataclass(frozen=True)
class CaseEdit:
    """One change the officer asked for, kept so it can be applied again after a conflict."""

    kind: str  # "status" | "assign"
    to: CaseStatus | None = None
    reason: str = ""
    staff_id: int | None = None
    team: Team | None = None


@dataclass
class NoteWidgets:
    note: NoteInfo
    frame: QFrame
    text: QLabel
    reason: QLabel | None
    strike_button: QPushButton | None


class CtrlEnterFilter(QObject):
    """Ctrl+Enter in a multi-line text box submits it (plain Enter still breaks the line).

    Handled on the box itself rather than as a window shortcut, so it works the same
    in a dialog, in a panel, and whichever window the system considers active.
    """

    def __init__(self, edit: QPlainTextEdit, submit: Callable[[], None]) -> None:
        super().__init__(edit)
        self._submit = submit
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key_event = event if isinstance(event, QKeyEvent) else None
            if (
                key_event is not None
                and key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()  # ours: no window shortcut may take it
                    return True
                self._submit()
                return True
        return super().eventFilter(watched, event)


# --------------------------------------------------------------------------- dialogs


class ReasonDialog(QDialog):
    """Asks why (escalation, referral, reopening, striking a note); OK needs a reason."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumSize(420, 240)
        layout = QVBoxLayout(self)
        text = QLabel(prompt)
        text.setWordWrap(True)
        layout.addWidget(text)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("Reason (required)"))
        layout.addWidget(self.edit)
        self.hint = QLabel()
        self.hint.setStyleSheet(MUTED_STYLE)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._ctrl_enter = CtrlEnterFilter(self.edit, self._accept_if_valid)
        self.edit.textChanged.connect(self._update)
        self._update()
        self.edit.setFocus()

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def _valid(self) -> bool:
        return 0 < len(self.reason()) <= REASON_MAX

    def _update(self) -> None:
        n = len(self.reason())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self._valid())
        self.hint.setText(self.tr("%1 of at most %2 characters").replace("%1", str(n))
                          .replace("%2", str(REASON_MAX)))  # fmt: skip

    def _accept_if_valid(self) -> None:
        if self._valid():
            self.accept()


class ConflictDialog(QDialog):
    """What another workstation saved since this panel loaded the case."""

    RELOAD = 1
    APPLY_MINE = 2

    def __init__(self, rows: Sequence[tuple[str, str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.setMinimumSize(720, 320)
        self.choice = self.RELOAD
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Another workstation saved this case after you opened it, so your change "
                "was NOT saved. Compare, then reload or apply your change again on top of "
                "theirs."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("When you opened it"), self.tr("Saved by the other "
             "workstation"), self.tr("Your change")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bold = QFont()
        bold.setBold(True)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 2 and cells[1] != cells[2]:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # A handful of rows: sizing them to their wrapped text is cheap here.
        header.sectionResized.connect(lambda *_a: self._fit_rows())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.reload_button = buttons.addButton(
            self.tr("Reload"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.reload_button.setToolTip(self.tr("Show the case as it is now; drop your change"))
        self.apply_button = buttons.addButton(
            self.tr("Apply mine again"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setToolTip(self.tr("Save your change on top of the current version"))
        self.reload_button.setDefault(True)
        self.reload_button.clicked.connect(self._choose_reload)
        self.apply_button.clicked.connect(self._choose_apply)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.table.resizeRowsToContents()

    def _choose_reload(self) -> None:
        self.choice = self.RELOAD
        self.accept()

    def _choose_apply(self) -> None:
        self.choice = self.APPLY_MINE
        self.accept()

    def reject(self) -> None:  # Esc or the window's close button: the safe choice
        self.choice = self.RELOAD
        super().reject()


# ----------------------------------------------------------------------------- panel


class CaseDetailPanel(QWidget):
    """Shows one case and edits it through the worker."""

    case_loaded = Signal(int)
    case_saved = Signal(int)  # committed here: the list refreshes that row
    leave_requested = Signal()  # Esc: back to the list

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
        self.conflict_dialog: ConflictDialog | None = None
        self.reason_dialog: ReasonDialog | None = None
        self.note_widgets: dict[int, NoteWidgets] = {}
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
        self.placeholder.setStyleSheet(MUTED_STYLE)
        self.stack.addWidget(self.placeholder)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.stack.addWidget(self.scroll_area)
        body = QWidget()
        self.scroll_area.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(10, 8, 10, 8)

        head = QHBoxLayout()
        self.case_no_label = QLabel()
        big = self.case_no_label.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.35)
        self.case_no_label.setFont(big)
        self.case_no_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel()
        self.status_chip.setStyleSheet(
            "border:1px solid palette(mid); border-radius:3px; padding:1px 8px;"
        )
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setStyleSheet(MUTED_STYLE)
        head.addWidget(self.case_no_label)
        head.addWidget(self.status_chip)
        head.addStretch(1)
        head.addWidget(self.loading_label)
        lay.addLayout(head)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        lay.addWidget(self.summary_label)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        lay.addWidget(self.message_label)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact: dict[str, QLabel] = {}
        for key, title in (
            ("category", self.tr("Category")),
            ("source", self.tr("Source")),
            ("priority", self.tr("Priority")),
            ("grid", self.tr("Grid")),
            ("address", self.tr("Address")),
            ("reported", self.tr("Reported")),
            ("first_due", self.tr("First response due")),
            ("resolution_due", self.tr("Resolution due")),
            ("owner", self.tr("Owner")),
            ("flags", self.tr("Flags")),
            ("description", self.tr("Description")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact[key] = value
            facts.addRow(title, value)
        lay.addLayout(facts)
        self.description_label = QLabel()
        self.description_label.setWordWrap(True)
        self.description_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.description_label)

        lay.addWidget(self._build_actions())
        self.parties_box = QGroupBox(self.tr("Parties"))
        self.parties_grid = QGridLayout(self.parties_box)
        lay.addWidget(self.parties_box)
        self.history_box = QGroupBox(self.tr("Status history"))
        self.history_grid = QGridLayout(self.history_box)
        lay.addWidget(self.history_box)
        lay.addWidget(self._build_notes())
        lay.addStretch(1)

        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        esc.activated.connect(self.leave_requested)

    def _build_actions(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status and owner"))
        grid = QGridLayout(box)
        self.status_combo = QComboBox()
        self.status_button = QPushButton(self.tr("Change status"))
        self.status_button.clicked.connect(self._change_status_clicked)
        move_label = QLabel(self.tr("Move to"))
        move_label.setBuddy(self.status_combo)
        grid.addWidget(move_label, 0, 0)
        grid.addWidget(self.status_combo, 0, 1)
        grid.addWidget(self.status_button, 0, 2)
        self.staff_combo = QComboBox()
        self._staff_edit = make_searchable(self.staff_combo)
        self.team_combo = QComboBox()
        self.team_combo.addItem(self.tr("— no team —"), None)
        for team in Team:
            self.team_combo.addItem(label(team), team)
        self.assign_button = QPushButton(self.tr("Assign"))
        self.assign_button.clicked.connect(self._assign_clicked)
        officer_label = QLabel(self.tr("Officer"))
        officer_label.setBuddy(self.staff_combo)
        team_label = QLabel(self.tr("Team"))
        team_label.setBuddy(self.team_combo)
        grid.addWidget(officer_label, 1, 0)
        grid.addWidget(self.staff_combo, 1, 1, 1, 2)
        grid.addWidget(team_label, 2, 0)
        grid.addWidget(self.team_combo, 2, 1)
        grid.addWidget(self.assign_button, 2, 2)
        grid.setColumnStretch(1, 1)
        for combo in (self.status_combo, self.staff_combo, self.team_combo):
            # Long team names must not push the panel wider than the splitter gives it.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.staff_combo.currentIndexChanged.connect(self._update_enabled)
        self.team_combo.currentIndexChanged.connect(self._update_enabled)
        self.status_combo.currentIndexChanged.connect(self._update_enabled)
        return box

    def _build_notes(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notes"))
        lay = QVBoxLayout(box)
        self.notes_layout = QVBoxLayout()
        self.notes_layout.setSpacing(6)
        lay.addLayout(self.notes_layout)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("New note… (Ctrl+Enter adds it)"))
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        lay.addWidget(self.note_edit)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_note_button = QPushButton(self.tr("Add note"))
        self.add_note_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_note_button.clicked.connect(self.add_note)
        row.addWidget(self.add_note_button)
        lay.addLayout(row)
        self._note_ctrl_enter = CtrlEnterFilter(self.note_edit, self.add_note)
        self.note_edit.textChanged.connect(self._update_enabled)
        return box

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

    def set_people(self, staff: Sequence[StaffInfo], grids: Sequence[GridInfo]) -> None:
        """Officers who can own a case and the grids (for the grid-officer suggestion)."""
        self._staff = [s for s in staff if s.kind != StaffKind.VOLUNTEER]
        self._grids = {g.id: g for g in grids}
        if self._detail is not None:
            self._fill_owner_choices(self._detail, keep=True)

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
        generation, case_id = self._generation, self._case_id
        self.loading_label.show()
        self._ctx.worker.submit(
            lambda: cases.get_case(self._ctx.db, case_id),
            lambda d: self._loaded(generation, d, keep_choices, info),
            lambda exc: self._load_failed(generation, exc),
            "case detail: load",
        )

    def apply_changes(self, changes: Sequence[Change]) -> None:
        """Reload when the shown case (or any case's notes) changed elsewhere."""
        if self._case_id is None:
            return
        mine = self._detail
        saved_elsewhere = any(
            c.table == "case_file"
            and c.row_id == self._case_id
            and (mine is None or c.version > mine.version)
            for c in changes
        )
        notes = any(c.table in ("case_note", "case_party") for c in changes)
        if saved_elsewhere:
            self.reload(
                keep_choices=True,
                info=self.tr("Updated by another workstation at %1.").replace(
                    "%1", self._ctx.clock().strftime("%H:%M")
                ),
            )
        elif notes:
            self.reload(keep_choices=True)

    def set_online(self, online: bool) -> None:
        self._online = online
        self._update_enabled()

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

    def _loaded(self, generation: int, d: CaseDetail, keep_choices: bool, info: str) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.loading_label.hide()
        self._populate(d, keep_choices)
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

    def _populate(self, d: CaseDetail, keep_choices: bool = False) -> None:
        same_case = self._detail is not None and self._detail.id == d.id
        self._detail = d
        self.stack.setCurrentWidget(self.scroll_area)
        now = self._ctx.clock()
        self.case_no_label.setText(d.case_no)
        self.status_chip.setText(label(d.status))
        self.summary_label.setText(d.summary)
        self.fact["category"].setText(label(d.category))
        self.fact["source"].setText(label(d.source))
        self.fact["priority"].setText(label(d.priority))
        self.fact["grid"].setText(d.grid_name or "—")
        self.fact["address"].setText(d.address or "—")
        self.fact["reported"].setText(fmt_time(d.reported_at))
        self._set_due(
            self.fact["first_due"],
            d.first_response_due,
            d.status == CaseStatus.NEW
            and deadlines.is_overdue(d.status, d.first_response_due, now),
            now,
        )
        self._set_due(
            self.fact["resolution_due"],
            d.resolution_due,
            deadlines.is_overdue(d.status, d.resolution_due, now),
            now,
        )
        self.fact["owner"].setText(self._owner_text(d.owner_name, d.owner_team))
        self.fact["owner"].setStyleSheet("" if d.owner_name or d.owner_team else MUTED_STYLE)
        flags = [self.tr("Repeat report")] if d.is_repeat else []
        if d.notable:
            flags.append(self.tr("Notable incident"))
        self.fact["flags"].setText(" · ".join(flags) or "—")
        self.description_label.setText(d.description or "—")
        self._fill_parties(d)
        self._fill_history(d)
        self._fill_notes(d)
        self._fill_status_choices(d, keep_choices and same_case)
        self._fill_owner_choices(d, keep_choices and same_case)
        self._update_enabled()

    def _set_due(self, target: QLabel, due: datetime | None, overdue: bool, now: datetime) -> None:
        if due is None:
            target.setText("—")
            target.setStyleSheet("")
            return
        text = fmt_time(due)
        if overdue:
            text = (
                self.tr("%1 — overdue by %2")
                .replace("%1", text)
                .replace("%2", self._duration(now - due))
            )
        target.setText(text)
        target.setStyleSheet(OVERDUE_STYLE if overdue else "")

    def _duration(self, delta: timedelta) -> str:
        hours = int(delta.total_seconds() // 3600)
        if hours >= 48:
            return self.tr("%1 days").replace("%1", str(hours // 24))
        if hours >= 1:
            return self.tr("%1 h").replace("%1", str(hours))
        return self.tr("%1 min").replace("%1", str(max(1, int(delta.total_seconds() // 60))))

    def _owner_text(self, name: str, team: Team | None) -> str:
        if name and team:
            return f"{name} ({label(team)})"
        return name or label(team) or self.tr("Unassigned")

    def _fill_parties(self, d: CaseDetail) -> None:
        _clear(self.parties_grid)
        if not d.parties:
            self.parties_grid.addWidget(_muted(self.tr("No parties recorded.")), 0, 0)
            return
        for c, title in enumerate(
            (self.tr("Name"), self.tr("Role"), self.tr("Resident ID"), self.tr("Phone"))
        ):
            self.parties_grid.addWidget(_muted(title), 0, c)
        masked_tip = self.tr("Masked: showing full personal data needs a separate permission.")
        for r, p in enumerate(d.parties, start=1):
            cells = (
                p.name,
                label(p.role),
                mask_resident_id(p.resident_id) if p.resident_id else "—",
                mask_phone(p.phone) if p.phone else "—",
            )
            for c, text in enumerate(cells):
                cell = QLabel(text)
                if c >= 2 and text != "—":
                    cell.setToolTip(masked_tip)
                self.parties_grid.addWidget(cell, r, c)
        self.parties_grid.setColumnStretch(0, 1)

    def _fill_history(self, d: CaseDetail) -> None:
        _clear(self.history_grid)
        for r, h in enumerate(reversed(d.history)):  # newest first
            if h.from_status is None:
                change = self.tr("Recorded as %1").replace("%1", label(h.to_status))
            else:
                change = f"{label(h.from_status)} → {label(h.to_status)}"
            self.history_grid.addWidget(_muted(fmt_time(h.at)), r * 2, 0)
            self.history_grid.addWidget(QLabel(change), r * 2, 1)
            self.history_grid.addWidget(_muted(h.by or "—"), r * 2, 2)
            if h.reason:
                why = QLabel(self.tr("Reason: %1").replace("%1", h.reason))
                why.setWordWrap(True)
                self.history_grid.addWidget(why, r * 2 + 1, 1, 1, 2)
        self.history_grid.setColumnStretch(1, 1)

    def _fill_notes(self, d: CaseDetail) -> None:
        _clear(self.notes_layout)
        self.note_widgets = {}
        if not d.notes:
            self.notes_layout.addWidget(_muted(self.tr("No notes yet.")))
        for note in reversed(d.notes):  # newest first
            self.notes_layout.addWidget(self._note_frame(note))

    def _note_frame(self, note: NoteInfo) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(6, 4, 6, 4)
        head = QHBoxLayout()
        head.addWidget(_muted(f"{fmt_time(note.at)} · {note.author or '—'}"))
        head.addStretch(1)
        strike: QPushButton | None = None
        if note.struck_at is None:
            strike = QPushButton(self.tr("Strike through…"))
            strike.setToolTip(self.tr("Mark this note as wrong; it stays readable"))
            strike.clicked.connect(lambda _=False, nid=note.id: self.strike_note(nid))
            head.addWidget(strike)
        lay.addLayout(head)
        text = QLabel(note.text)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(text)
        reason: QLabel | None = None
        if note.struck_at is not None:
            font = text.font()
            font.setStrikeOut(True)
            text.setFont(font)
            text.setStyleSheet(MUTED_STYLE)
            reason = QLabel(
                self.tr("Struck through %1. Reason: %2").replace("%1", fmt_time(note.struck_at))
                .replace("%2", note.strike_reason or "—")
            )  # fmt: skip
            reason.setWordWrap(True)
            italic = reason.font()
            italic.setItalic(True)
            reason.setFont(italic)
            lay.addWidget(reason)
        self.note_widgets[note.id] = NoteWidgets(note, frame, text, reason, strike)
        return frame

    def _fill_status_choices(self, d: CaseDetail, keep: bool) -> None:
        previous = self.status_combo.currentData() if keep else None
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for status in workflow.next_statuses(d.status):
            text = label(status)
            if workflow.reason_required(d.status, status):
                text = self.tr("%1 (needs a reason)").replace("%1", text)
            self.status_combo.addItem(text, status)
        if previous is not None:
            index = self.status_combo.findData(previous)
            if index >= 0:
                self.status_combo.setCurrentIndex(index)
        self.status_combo.blockSignals(False)

    def _fill_owner_choices(self, d: CaseDetail, keep: bool) -> None:
        previous = (self.staff_combo.currentData(), self.team_combo.currentData()) if keep else None
        grid = self._grids.get(d.grid_id or -1)
        officer_id = grid.officer_id if grid else None
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        by_id = {s.id: s for s in self._staff}
        if officer_id is not None and officer_id in by_id:
            officer = by_id[officer_id]
            self.staff_combo.addItem(
                self._staff_text(officer, self.tr("(grid officer)")), officer.id
            )
        self.staff_combo.addItem(self.tr("— no officer —"), None)
        for s in self._staff:
            if s.id != officer_id:
                self.staff_combo.addItem(self._staff_text(s), s.id)
        if d.owner_staff_id is not None and self.staff_combo.findData(d.owner_staff_id) < 0:
            self.staff_combo.addItem(d.owner_name, d.owner_staff_id)  # e.g. now inactive
        if previous is not None:
            staff_choice, team_choice = previous
        elif d.owner_staff_id is not None or d.owner_team is not None:
            staff_choice, team_choice = d.owner_staff_id, d.owner_team
        else:  # unassigned: suggest the grid's officer
            staff_choice, team_choice = officer_id, None
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(staff_choice)))
        self._staff_edit.setCursorPosition(0)  # show the name, not the tail
        self.staff_combo.blockSignals(False)
        self.team_combo.blockSignals(True)
        self.team_combo.setCurrentIndex(max(0, self.team_combo.findData(team_choice)))
        self.team_combo.blockSignals(False)

    def _staff_text(self, s: StaffInfo, mark: str = "") -> str:
        text = f"{s.name} {mark}" if mark else s.name
        if s.team is not None:
            text += f" · {label(s.team)}"
        if s.on_leave:
            text += " " + self.tr("(on leave)")
        return text

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
        has_next = self.status_combo.count() > 0
        owner_changed = d is not None and (
            self.staff_combo.currentData() != d.owner_staff_id
            or self.team_combo.currentData() != d.owner_team
        )
        note_typed = bool(self.note_edit.toPlainText().strip())
        for widget, enabled in (
            (self.status_combo, can_edit and has_next),
            (self.status_button, can_edit and has_next),
            (self.staff_combo, can_edit),
            (self.team_combo, can_edit),
            (self.assign_button, can_edit and owner_changed),
            (self.add_note_button, can_edit and note_typed),
        ):
            widget.setEnabled(enabled)
            widget.setToolTip(why)
        if not why:
            self.add_note_button.setToolTip(self.tr("Ctrl+Enter"))
            if not has_next and d is not None:
                self.status_button.setToolTip(self.tr("No further status from here."))
        for nw in self.note_widgets.values():
            if nw.strike_button is not None:
                nw.strike_button.setEnabled(can_edit)
                nw.strike_button.setToolTip(
                    why or self.tr("Mark this note as wrong; it stays readable")
                )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()
        if not busy and self._reload_when_idle:
            self._reload_when_idle = False
            self.reload(keep_choices=True)

    # ----------------------------------------------------------------- edits

    def _change_status_clicked(self) -> None:
        d = self._detail
        data = self.status_combo.currentData()
        if d is None or data is None:
            return
        to = CaseStatus(data)  # Qt hands enum (str) values back as plain str
        if workflow.reason_required(d.status, to):
            self._ask_reason(
                self.tr("Reason for “%1”").replace("%1", label(to)),
                self.tr("Why does this case move from “%1” to “%2”? The reason is kept in its "
                        "history.").replace("%1", label(d.status)).replace("%2", label(to)),
                lambda reason: self.submit_edit(CaseEdit("status", to=to, reason=reason)),
            )  # fmt: skip
            return
        self.submit_edit(CaseEdit("status", to=to))

    def _assign_clicked(self) -> None:
        staff_id = self.staff_combo.currentData()
        team = self.team_combo.currentData()
        self.submit_edit(CaseEdit("assign", staff_id=staff_id, team=Team(team) if team else None))

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

    def submit_edit(self, edit: CaseEdit, version: int | None = None) -> None:
        """Save a status change or an assignment against the loaded version."""
        d = self._detail
        if d is None or self._busy:
            return
        if not self._online:
            self._show_message(self.tr("Offline: the change was not saved. Try again when the "
                                       "connection is back."))  # fmt: skip
            return
        base, expected = d, d.version if version is None else version
        ctx, case_id = self._ctx, d.id

        def job() -> CaseDetail:
            if edit.kind == "status":
                assert edit.to is not None
                return cases.change_status(
                    ctx.db, ctx.actor, case_id, expected, edit.to, edit.reason
                )
            return cases.assign_case(ctx.db, ctx.actor, case_id, expected, edit.staff_id, edit.team)

        self._hide_message()
        self._set_busy(True)
        ctx.worker.submit(
            job,
            lambda fresh: self._edit_saved(case_id, fresh),
            lambda exc: self._edit_failed(case_id, base, edit, exc),
            f"case {case_id}: {edit.kind}",
        )

    def _edit_saved(self, case_id: int, fresh: CaseDetail) -> None:
        if not shiboken6.isValid(self):
            return
        if self._case_id == case_id:
            self._generation += 1  # a load started before the save is older than this
            self._populate(fresh)
            self._show_message(self.tr("Saved."), error=False)
        self.case_saved.emit(case_id)
        self._set_busy(False)

    def _edit_failed(self, case_id: int, base: CaseDetail, edit: CaseEdit, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, ConflictError) and self._case_id == case_id:
            # Fetch the case as it is now to show what the other workstation changed.
            self._ctx.worker.submit(
                lambda: cases.get_case(self._ctx.db, case_id),
                lambda fresh: self._show_conflict(base, fresh, edit),
                lambda exc2: self._edit_error(exc2),
                "case detail: conflict reload",
            )
            return
        self._edit_error(exc)

    def _edit_error(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        self._show_message(self.error_text(exc))

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
            return self.tr("This case no longer exists; it may have been removed elsewhere.")
        if isinstance(exc, ConflictError):
            return self.tr("Another workstation changed this case. Reload and try again.")
        log.error("saving a case change failed", exc_info=exc)
        return self.tr("Not saved: %1. What you typed is kept; try again.").replace(
            "%1", str(exc) or type(exc).__name__
        )

    def _show_conflict(self, base: CaseDetail, fresh: CaseDetail, edit: CaseEdit) -> None:
        if not shiboken6.isValid(self):
            return
        dialog = ConflictDialog(self.conflict_rows(base, fresh, edit), self)
        self.conflict_dialog = dialog

        def done(_result: int) -> None:
            self.conflict_dialog = None
            dialog.deleteLater()
            self._generation += 1
            self._busy = False
            self._populate(fresh)
            if dialog.choice == ConflictDialog.APPLY_MINE:
                self.submit_edit(edit, fresh.version)
            else:
                self._show_message(self.tr("Reloaded: your change was not saved."), error=False)
                self._set_busy(False)

        dialog.finished.connect(done)
        dialog.open()
        dialog.activateWindow()  # the keyboard goes to the dialog at once

    def conflict_rows(
        self, base: CaseDetail, fresh: CaseDetail, edit: CaseEdit
    ) -> list[tuple[str, str, str, str]]:
        """(field, as you opened it, as saved elsewhere, your change) for the dialog."""
        unchanged = self.tr("(not changed by you)")
        mine: dict[str, str] = {}
        if edit.kind == "status" and edit.to is not None:
            mine["status"] = label(edit.to)
            if edit.reason:
                mine["status"] += " — " + edit.reason
        elif edit.kind == "assign":
            staff = {s.id: s.name for s in self._staff}
            name = staff.get(edit.staff_id or -1, "")
            mine["owner"] = self._owner_text(name, edit.team)

        def flags(d: CaseDetail) -> str:
            out = [self.tr("Repeat report")] if d.is_repeat else []
            if d.notable:
                out.append(self.tr("Notable incident"))
            return " · ".join(out) or "—"

        fields: list[tuple[str, str, Callable[[CaseDetail], str]]] = [
            ("status", self.tr("Status"), lambda d: label(d.status)),
            ("owner", self.tr("Owner"), lambda d: self._owner_text(d.owner_name, d.owner_team)),
            ("priority", self.tr("Priority"), lambda d: label(d.priority)),
            ("category", self.tr("Category"), lambda d: label(d.category)),
            ("grid", self.tr("Grid"), lambda d: d.grid_name or "—"),
            ("address", self.tr("Address"), lambda d: d.address or "—"),
            ("summary", self.tr("Summary"), lambda d: d.summary),
            ("description", self.tr("Description"), lambda d: d.description or "—"),
            ("resolution_due", self.tr("Resolution due"), lambda d: fmt_time(d.resolution_due)),
            ("flags", self.tr("Flags"), flags),
        ]
        rows = []
        for key, title, show in fields:
            before, after = show(base), show(fresh)
            if before != after or key in mine:
                rows.append((title, before, after, mine.get(key, unchanged)))
        if not any(r[1] != r[2] for r in rows):
            rows.append(
                (self.tr("Version"), str(base.version), str(fresh.version),
                 self.tr("(the other save changed nothing shown here)"))
            )  # fmt: skip
        return rows

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
        ctx, case_id = self._ctx, d.id
        self._hide_message()
        self._set_busy(True)

        def saved(_note: NoteInfo) -> None:
            if not shiboken6.isValid(self):
                return
            # Clear only what was saved: text typed meanwhile stays.
            if self.note_edit.toPlainText().strip() == text:
                self.note_edit.clear()
            self._set_busy(False)
            self.reload(keep_choices=True)
            self.case_saved.emit(case_id)

        ctx.worker.submit(
            lambda: cases.add_note(ctx.db, ctx.actor, case_id, text),
            saved,
            self._edit_error,
            f"case {case_id}: add note",
        )

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
        ctx = self._ctx
        case_id = self._case_id
        self._set_busy(True)

        def struck(_result: object) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.reload(keep_choices=True, info=self.tr("Note struck through."))
            if case_id is not None:
                self.case_saved.emit(case_id)

        ctx.worker.submit(
            lambda: cases.strike_note(ctx.db, ctx.actor, note_id, reason),
            struck,
            self._edit_error,
            f"note {note_id}: strike",
        )

    # -------------------------------------------------------------- messages

    def _show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message_label.show()

    def _hide_message(self) -> None:
        self.message_label.hide()
        self.message_label.clear()


def _muted(text: str) -> QLabel:
    widget = QLabel(text)
    widget.setStyleSheet(MUTED_STYLE)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return widget


def _clear(layout: QLayout) -> None:
    """Remove and delete everything in a layout (nested layouts included)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif (inner := item.layout()) is not None:
            _clear(inner)
