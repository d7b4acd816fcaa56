"""Taking a report: the intake dialog.

Keyboard first (the tab order follows the call: source, category, priority, time,
grid, address, summary, description, parties). Nothing is saved until every field
is valid; each problem is shown beside its field and the first one gets the focus.
Before saving, earlier reports at the same address or with the same parties are
looked up and shown so the officer can mark a repeat dispute. Nothing typed is ever
lost: errors leave the form as it was.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import case_queries, cases, resilience, station_settings
from stationdesk.data.cases import CaseDetail, CaseDraft, PartyInfo, PriorCase
from stationdesk.data.people import GridInfo
from stationdesk.data.resilience import FaultCode
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.domain.deadlines import REPEAT_WINDOW_DAYS
from stationdesk.domain.enums import CaseCategory, CaseSource, PartyRole, Priority
from stationdesk.domain.validation import (
    FieldError,
    Validator,
    normalise_input,
    validate_max_length,
    validate_not_future,
    validate_phone,
    validate_required,
    validate_resident_id,
)
from stationdesk.ui.context import AppContext
from stationdesk.ui.field_errors import field_error_text
from stationdesk.ui.i18n import datetime_pattern
from stationdesk.ui.intake_parties import PartyEditor, PartyRow
from stationdesk.ui.intake_repeat import RepeatWarning
from stationdesk.ui.intake_widgets import (
    ConfirmDiscardDialog,
    ReportedAtEdit,
    from_qdatetime,
    make_searchable,
    to_qdatetime,
)
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import SaveRunner, fault_text

log = logging.getLogger(__name__)

SUMMARY_MAX = 200
ADDRESS_MAX = 200
NAME_MAX = 50
ERROR_LABEL_STYLE = "color:#b3261e;"
INVALID_STYLE = "border:2px solid #c62828;"
BANNER_STYLE = "background:#fbe3e3; color:#8b1a1a; border:1px solid #e0a0a0; padding:6px;"
SAVED_BANNER_STYLE = "background:#e3f4e6; color:#1b5e20; border:1px solid #9ccc9f; padding:6px;"
# While a save runs, its outcome is open, or it is saved: no second Save.
_NO_SAVE_STATES = ("checking", "saving", "pending", "saved")
DATETIME_DISPLAY = datetime_pattern()


class IntakeDialog(QDialog):
    """Record a new case; emits :attr:`created` with the saved case, then closes."""

    created = Signal(object)  # CaseDetail
    # editing | checking | confirm | saving | pending (connection lost during the save:
    # outcome asked when it is back) | saved (confirmed only after the reply was lost)
    state_changed = Signal(str)

    def __init__(
        self, ctx: AppContext, grids: Sequence[GridInfo] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._grids = list(grids)
        self._state = "editing"
        self._checked_key: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
        self._priors: list[PriorCase] = []
        self._online = ctx.online
        self._repeat_days = REPEAT_WINDOW_DAYS  # until the station's setting is read
        self._discard_box: ConfirmDiscardDialog | None = None
        self.runner = SaveRunner(ctx, self)
        self.runner.notice.connect(self._runner_notice)
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("New case"))
        # An explicit minimum keeps the layout from resizing the window's limits each time
        # a message appears (window managers and the offscreen platform dislike that).
        self.setMinimumSize(640, 480)
        self.resize(780, 680)
        self._build()
        self._set_grids(self._grids)
        self.add_party()
        self._load_reference()
        self._max_timer = QTimer(self)
        self._max_timer.timeout.connect(self._refresh_max_time)
        self._max_timer.start(30_000)
        self.source_combo.setFocus()

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        column = QVBoxLayout(body)
        form = QFormLayout()
        column.addLayout(form)
        column.addStretch(1)  # spare height goes below the form, not into a row
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        self.source_combo = QComboBox()
        for source in CaseSource:
            self.source_combo.addItem(label(source), source)
        self.source_combo.setCurrentIndex(self.source_combo.findData(CaseSource.PHONE))
        self.category_combo = QComboBox()
        for category in CaseCategory:
            self.category_combo.addItem(label(category), category)
        self.priority_combo = QComboBox()
        for priority in Priority:
            self.priority_combo.addItem(label(priority), priority)
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(Priority.NORMAL))
        self.reported_edit = ReportedAtEdit()
        self.reported_edit.setDisplayFormat(DATETIME_DISPLAY)
        self.reported_edit.setCalendarPopup(True)
        now = to_qdatetime(self._ctx.clock())
        self.reported_edit.setMaximumDateTime(now)
        self.reported_edit.setDateTime(now)
        self.grid_combo = QComboBox()
        make_searchable(self.grid_combo).setPlaceholderText(self.tr("Type part of the name"))
        self.address_edit = QLineEdit()
        self.address_edit.setPlaceholderText(self.tr("Street, building, unit"))
        self._address_model = QStringListModel(self)
        address_completer = QCompleter(self._address_model, self)
        address_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        address_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.address_edit.setCompleter(address_completer)
        self.summary_edit = QLineEdit()
        self.summary_edit.setPlaceholderText(self.tr("What happened, in one line (required)"))
        self.summary_count = QLabel()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setPlaceholderText(self.tr("Details (optional)"))
        self.description_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)

        summary_row = QWidget()
        srow = QHBoxLayout(summary_row)
        srow.setContentsMargins(0, 0, 0, 0)
        srow.addWidget(self.summary_edit, 1)
        srow.addWidget(self.summary_count)

        for key, title, widget in (
            ("source", self.tr("Source"), self.source_combo),
            ("category", self.tr("Category"), self.category_combo),
            ("priority", self.tr("Priority"), self.priority_combo),
            ("reported_at", self.tr("Reported at"), self.reported_edit),
            ("grid", self.tr("Grid"), self.grid_combo),
            ("address", self.tr("Address"), self.address_edit),
            ("summary", self.tr("Summary"), summary_row),
            ("description", self.tr("Description"), self.description_edit),
        ):
            form.addRow(title, self._with_error(key, widget))
        self.inputs.update(
            source=self.source_combo, category=self.category_combo,
            priority=self.priority_combo, reported_at=self.reported_edit,
            grid=self.grid_combo, address=self.address_edit, summary=self.summary_edit,
            description=self.description_edit,
        )  # fmt: skip
        for buddy_key in ("source", "category", "priority", "reported_at", "grid", "address"):
            holder = self.errors[buddy_key].parentWidget()
            lab = form.labelForField(holder) if holder is not None else None
            if isinstance(lab, QLabel):
                lab.setBuddy(self.inputs[buddy_key])

        self.party_editor = PartyEditor()
        form.addRow(self.party_editor)
        self.notable_check = QCheckBox(self.tr("Notable incident (for the shift handover)"))
        form.addRow("", self.notable_check)

        self.repeat_box = RepeatWarning()
        self.repeat_title = self.repeat_box.title
        self.repeat_list = self.repeat_box.list
        self.repeat_check = self.repeat_box.check
        outer.addWidget(self.repeat_box)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setToolTip(self.tr("Ctrl+Enter or Ctrl+S"))
        self.cancel_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setAutoDefault(False)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.status_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.buttons)
        outer.addLayout(bottom)

        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        QShortcut(QKeySequence("Alt+P"), self).activated.connect(self.add_party_and_focus)

        self.summary_edit.textChanged.connect(self._update_count)
        self._update_count()
        for key, signal in (
            ("summary", self.summary_edit.textChanged),
            ("address", self.address_edit.textChanged),
            ("grid", self.grid_combo.editTextChanged),
            ("reported_at", self.reported_edit.dateTimeChanged),
        ):
            signal.connect(lambda *_a, k=key: self._clear_error(k))
        self.party_editor.rows_changed.connect(self._update_tab_order)
        self._update_tab_order()

    def _with_error(self, key: str, widget: QWidget) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_LABEL_STYLE)
        error.hide()
        lay.addWidget(error)
        self.errors[key] = error
        return box

    # ----------------------------------------------------------------- parties

    @property
    def parties(self) -> list[PartyRow]:
        return self.party_editor.parties

    @property
    def add_party_button(self) -> QPushButton:
        return self.party_editor.add_button

    def add_party(self) -> PartyRow:
        return self.party_editor.add_party()

    def add_party_and_focus(self) -> None:
        self.party_editor.add_party_and_focus()

    def remove_party(self, party: PartyRow) -> None:
        self.party_editor.remove_party(party)

    def _update_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.source_combo, self.category_combo, self.priority_combo, self.reported_edit,
            self.grid_combo, self.address_edit, self.summary_edit, self.description_edit,
            *self.party_editor.tab_chain(), self.notable_check, self.repeat_check,
            self.save_button, self.cancel_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -------------------------------------------------------------- reference

    def set_grids(self, grids: Sequence[GridInfo]) -> None:
        self._set_grids(grids)

    def _set_grids(self, grids: Sequence[GridInfo]) -> None:
        self._grids = list(grids)
        typed = self.grid_combo.currentText()
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        for g in self._grids:
            self.grid_combo.addItem(g.name, g.id)
        self.grid_combo.setCurrentIndex(-1)
        self.grid_combo.setEditText(typed)
        self.grid_combo.blockSignals(False)

    def _load_reference(self) -> None:
        """Recent addresses (completer) and the station's repeat window, on the worker."""

        def done(addresses: list[str]) -> None:
            if shiboken6.isValid(self):
                self._address_model.setStringList(addresses)

        def window(days: int) -> None:
            if shiboken6.isValid(self):
                self._repeat_days = days

        db = self._ctx.db
        self._ctx.worker.submit(
            lambda: case_queries.recent_addresses(db),
            done,
            lambda exc: log.warning("recent addresses not loaded: %s", exc),
            "intake: recent addresses",
        )
        self._ctx.worker.submit(
            lambda: station_settings.repeat_window_days(db),
            window,
            lambda exc: log.warning("repeat window not read, using %s days: %s",
                                    REPEAT_WINDOW_DAYS, exc),
            "intake: repeat window",
        )  # fmt: skip

    def _refresh_max_time(self) -> None:
        self.reported_edit.setMaximumDateTime(to_qdatetime(self._ctx.clock()))

    def _update_count(self) -> None:
        n = len(self.summary_edit.text())
        self.summary_count.setText(f"{n}/{SUMMARY_MAX}")
        self.summary_count.setStyleSheet(ERROR_LABEL_STYLE if n > SUMMARY_MAX else "")

    # --------------------------------------------------------------- validate

    def validate(self) -> tuple[CaseDraft | None, list[FieldError]]:
        """The draft when everything is valid, else the errors (field order)."""
        # Checked in form order, so the first error is the first bad field on screen.
        v = Validator()
        now = self._ctx.clock()
        reported = from_qdatetime(self.reported_edit.dateTime())
        v.check(validate_not_future, reported, now, "reported_at")
        grid_id = self._grid_id()
        if grid_id == -1:
            v.add(FieldError("grid", "unknown_choice"))
        address = normalise_input(self.address_edit.text())
        v.check(validate_max_length, address, ADDRESS_MAX, "address")
        summary = v.check(validate_required, self.summary_edit.text(), "summary")
        if summary is not None:
            v.check(validate_max_length, summary, SUMMARY_MAX, "summary")
        parties: list[PartyInfo] = []
        for i, p in enumerate(self.parties):
            if p.is_blank():
                continue
            name = v.check(validate_required, p.name.text(), f"party.{i}.name")
            if name is not None:
                v.check(validate_max_length, name, NAME_MAX, f"party.{i}.name")
            rid = p.resident_id.text().strip()
            if rid:
                rid = v.check(validate_resident_id, rid, f"party.{i}.resident_id",
                              today=now.date()) or ""  # fmt: skip
            phone = p.phone.text().strip()
            if phone:
                phone = v.check(validate_phone, phone, f"party.{i}.phone") or ""
            parties.append(PartyInfo(name or "", PartyRole(p.role.currentData()), rid, phone))
        if not v.ok:
            return None, list(v.errors)
        draft = CaseDraft(
            # Qt hands enum (str) values back as plain str.
            category=CaseCategory(self.category_combo.currentData()),
            source=CaseSource(self.source_combo.currentData()),
            priority=Priority(self.priority_combo.currentData()),
            reported_at=reported,
            grid_id=grid_id,
            address=address,
            summary=summary or "",
            description=self.description_edit.toPlainText().strip(),
            parties=tuple(parties),
            is_repeat=False,
            notable=self.notable_check.isChecked(),
        )
        return draft, []

    def _grid_id(self) -> int | None:
        """None for no grid, -1 when the typed text names no grid."""
        text = self.grid_combo.currentText().strip()
        if not text:
            return None
        index = self.grid_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return -1
        return int(self.grid_combo.itemData(index))

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        self._clear_all_errors()
        first: QWidget | None = None
        party_messages: dict[int, list[str]] = {}
        for err in errors:
            text = field_error_text(err)
            if err.field.startswith("party."):
                _prefix, index_text, part = err.field.split(".")
                index = int(index_text)
                party = self.parties[index]
                widget: QWidget = {"name": party.name, "resident_id": party.resident_id,
                                   "phone": party.phone}[part]  # fmt: skip
                title = {"name": self.tr("Name"), "resident_id": self.tr("Resident ID"),
                         "phone": self.tr("Phone")}[part]  # fmt: skip
                party_messages.setdefault(index, []).append(f"{title}: {text}")
                widget.setStyleSheet(INVALID_STYLE)
            else:
                widget = self.inputs[err.field]
                self.errors[err.field].setText(text)
                self.errors[err.field].show()
                if err.field != "grid":  # a style sheet on the combo would hide its arrow
                    widget.setStyleSheet(INVALID_STYLE)
            first = first or widget
        for index, messages in party_messages.items():
            self.parties[index].error.setText("\n".join(messages))
            self.parties[index].error.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        """The message shown beside a field ('' when none), e.g. "party.0.resident_id"."""
        if field.startswith("party."):
            party = self.parties[int(field.split(".")[1])]
            return party.error.text() if party.error.isVisibleTo(self) else ""
        label_ = self.errors[field]
        return label_.text() if label_.isVisibleTo(self) else ""

    def _clear_error(self, key: str) -> None:
        self.errors[key].hide()
        self.inputs[key].setStyleSheet("")

    def _clear_all_errors(self) -> None:
        for key in self.errors:
            self._clear_error(key)
        for p in self.parties:
            self.party_editor.clear_error(p)
        self.banner.hide()

    # ------------------------------------------------------------------- save

    @property
    def state(self) -> str:
        return self._state

    def _set_state(self, state: str) -> None:
        self._state = state
        busy = state in _NO_SAVE_STATES
        self.save_button.setEnabled(not busy and self._online)
        self.status_label.setText(
            {"checking": self.tr("Looking for earlier reports…"),
             "saving": self.tr("Saving…"),
             "pending": self.tr("Waiting for the connection to learn whether it was saved…"),
             }.get(state, "")
        )  # fmt: skip
        self.cancel_button.setText(self.tr("Close") if state == "saved" else self.tr("Cancel"))
        self.save_button.setText(
            self.tr("Confirm and save") if state == "confirm" else self.tr("Save")
        )
        self.state_changed.emit(state)

    def set_online(self, online: bool) -> None:
        self._online = online
        self.save_button.setEnabled(online and self._state not in _NO_SAVE_STATES)
        self.runner.set_online(online)
        self.save_button.setToolTip(
            self.tr("Ctrl+Enter or Ctrl+S") if online else self.tr(
                "Offline: the database cannot be reached. What you typed is kept; save when "
                "the connection is back.")
        )  # fmt: skip

    def _premise_key(self, draft: CaseDraft) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        ids = tuple(sorted(p.resident_id for p in draft.parties if p.resident_id))
        phones = tuple(sorted(p.phone for p in draft.parties if p.phone))
        return draft.address, ids, phones

    def save(self) -> None:
        """Validate, look for earlier reports, then (after confirmation) create the case."""
        if self._state in _NO_SAVE_STATES:
            return
        draft, errors = self.validate()
        if draft is None:
            self.show_errors(errors)
            return
        self._clear_all_errors()
        if not self._online:
            self._show_banner(self.tr("Offline: the case was not saved. What you typed is kept."))
            return
        key = self._premise_key(draft)
        if key == self._checked_key:
            self._create(draft)
            return
        address, ids, phones = key
        days = self._repeat_days
        self._set_state("checking")

        def checked(priors: list[PriorCase]) -> None:
            if not shiboken6.isValid(self):
                return
            self._checked_key = key
            self._show_priors(priors)
            if priors:
                self._set_state("confirm")
                self.save_button.setFocus()
            else:
                # Validate again: anything typed while the check ran is saved too (and a
                # changed address or party is checked again).
                self._set_state("editing")
                self.save()

        self._ctx.worker.submit(
            lambda: cases.premise_history(self._ctx.db, address, ids, phones, days=days),
            checked,
            self._save_failed,
            "intake: premise history",
        )

    def _show_priors(self, priors: list[PriorCase]) -> None:
        self._priors = priors
        self.repeat_box.show_priors(priors, self._repeat_days, self._ctx.clock())

    def _create(self, draft: CaseDraft) -> None:
        repeat = bool(self._priors) and self.repeat_check.isChecked()
        final = dataclasses.replace(draft, is_repeat=repeat)
        self._set_state("saving")
        ctx = self._ctx

        def created(detail: CaseDetail | None) -> None:
            if not shiboken6.isValid(self):
                return
            if detail is None:
                # Committed, known only through its work token (the reply was lost): say
                # so, and let the officer close the form; the list shows the case.
                self._set_state("saved")
                self.banner.setStyleSheet(SAVED_BANNER_STYLE)
                self._show_banner(
                    self.tr(
                        "Saved: the case went through (the connection was lost as it was "
                        "confirmed). It appears in the case list; close this form."
                    )
                )
                return
            self._set_state("editing")
            self.created.emit(detail)
            super(IntakeDialog, self).accept()

        self.runner.run(
            lambda: cases.create_case(ctx.db, ctx.actor, final),
            created,
            self._not_saved,
            self._save_failed,
            "intake: create case",
        )

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind == "unknown" and shiboken6.isValid(self):
            self._set_state("pending")
            self._show_banner(text)

    def _not_saved(self, text: str) -> None:
        """A database fault: certainly not saved; everything typed stays."""
        if not shiboken6.isValid(self):
            return
        self._set_state("confirm" if self._priors else "editing")
        self._show_banner(text)

    def _save_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_state("confirm" if self._priors else "editing")
        fault = resilience.classify(exc)
        if isinstance(exc, PermissionDeniedError):
            text = self.tr("Your account may not record cases. Nothing was saved.")
        elif fault.code is not FaultCode.INTERNAL:  # e.g. the link dropped during the check
            log.info("intake: %s", fault.detail)
            text = self.runner.not_saved_text(fault_text(fault.code))
        else:
            log.error("saving a new case failed", exc_info=exc)
            text = self.tr(
                "The case was not saved: %1. What you typed is kept; try again."
            ).replace("%1", str(exc) or type(exc).__name__)
        self._show_banner(text)

    def _show_banner(self, text: str) -> None:
        if self._state != "saved":
            self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setText(text)
        self.banner.show()

    # ---------------------------------------------------------------- discard

    def has_typed_text(self) -> bool:
        texts = [self.summary_edit.text(), self.address_edit.text(),
                 self.description_edit.toPlainText(), self.grid_combo.currentText()]  # fmt: skip
        texts += [w.text() for p in self.parties for w in (p.name, p.resident_id, p.phone)]
        return any(t.strip() for t in texts)

    def reject(self) -> None:
        """Esc, Cancel or closing the window: ask before throwing typed text away."""
        if self._state == "saving":
            return  # the save finishes or fails first; nothing may be half-done
        if self._state == "saved" or not self.has_typed_text():
            super().reject()
            return
        if self._discard_box is not None:
            return
        box = ConfirmDiscardDialog(self)
        self._discard_box = box

        def done(result: int) -> None:
            self._discard_box = None
            box.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                super(IntakeDialog, self).reject()

        box.finished.connect(done)
        box.open()
        box.activateWindow()

    @property
    def discard_box(self) -> ConfirmDiscardDialog | None:
        return self._discard_box
