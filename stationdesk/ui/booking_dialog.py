"""Book a mediation session for a case: ranked mediators, why, free slots, room, conflicts.

Suggestions and the booking run on the database worker. A mediator with a conflict of
interest is shown with the reason and cannot be booked -- unless the officer may override
and writes a justification, which the service records in the audit trail. When another
workstation took the slot meanwhile, the officer is told who and what, and the
suggestions reload; nothing was booked.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import booking_options as bo
from stationdesk.data import mediation_booking as mb
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.domain.enums import CaseStatus, Permission
from stationdesk.domain.mediator_ranking import split_languages
from stationdesk.ui import theme
from stationdesk.ui.booking_reasons import conflict_text, reason_text, taken_text, when_text
from stationdesk.ui.case_style import ERROR_STYLE, INFO_STYLE
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import date_pattern, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import CloseGuard, SaveRunner

log = logging.getLogger(__name__)
LENGTHS = (60, 90, 120)
BLOCKED = QColor("#8b1a1a")


class BookingDialog(CloseGuard, QDialog):
    """Choose a mediator, a slot and a room for one case, and book them."""

    booked = Signal(object)  # mb.BookedSession

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self._options: bo.BookingOptions | None = None
        self._generation = 0
        # Books through resilience.save: saved once, not saved, or unknown until the
        # connection is back -- the choices stay and Book stays blocked meanwhile.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_enabled())
        self.runner.notice.connect(self._runner_notice)
        self.setWindowTitle(self.tr("Book mediation"))
        self.resize(900, 680)
        self._build()
        self.reload()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        self.case_label = QLabel(self.tr("Loading…"))
        self.case_label.setWordWrap(True)
        lay.addWidget(self.case_label)
        row = QHBoxLayout()
        self.day_edit = QDateEdit()
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(date_pattern())
        today = self._ctx.clock().date()
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.day_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.length_combo = QComboBox()
        for minutes in LENGTHS:
            self.length_combo.addItem(self.tr("%1 min").replace("%1", str(minutes)), minutes)
        self.length_combo.setCurrentIndex(1)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("any language"), "")
        for text, widget in (
            (self.tr("From"), self.day_edit),
            (self.tr("Length"), self.length_combo),
            (self.tr("Parties need"), self.language_combo),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
        row.addStretch(1)
        lay.addLayout(row)
        self.day_edit.dateChanged.connect(lambda _d: self.reload())
        self.length_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.language_combo.currentIndexChanged.connect(lambda _i: self.reload())

        body = QGridLayout()
        self.mediator_tree = QTreeWidget()
        self.mediator_tree.setRootIsDecorated(False)
        self.mediator_tree.setHeaderLabels(
            [self.tr("Mediator"), self.tr("Kind"), self.tr("Score"), self.tr("Next free")]
        )
        # A dozen rows at most: sizing to the contents is cheap and nothing gets clipped.
        self.mediator_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mediator_tree.currentItemChanged.connect(lambda *_a: self._mediator_chosen())
        body.addWidget(QLabel(self.tr("Suggested mediators, best first")), 0, 0)
        body.addWidget(self.mediator_tree, 1, 0, 3, 1)
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.RichText)
        self.why_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why_label.setMinimumWidth(300)
        self.why_label.setContentsMargins(4, 2, 4, 2)
        # Scrolls rather than clips when the dialog is short and the reasons are many.
        why_area = QScrollArea()
        why_area.setWidgetResizable(True)
        why_area.setFrameShape(QFrame.Shape.NoFrame)
        why_area.setWidget(self.why_label)
        why_area.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        body.addWidget(why_area, 1, 1)
        self.slot_list = QListWidget()
        self.slot_list.currentRowChanged.connect(lambda _r: self._slot_chosen())
        body.addWidget(QLabel(self.tr("Next free slots")), 2, 1)
        body.addWidget(self.slot_list, 3, 1)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(1, 2)
        lay.addLayout(body, 1)

        room_row = QHBoxLayout()
        self.room_combo = QComboBox()
        room_caption = QLabel(self.tr("Room"))
        room_caption.setBuddy(self.room_combo)
        room_row.addWidget(room_caption)
        room_row.addWidget(self.room_combo, 1)
        lay.addLayout(room_row)

        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(ERROR_STYLE)
        self.conflict_label.hide()
        lay.addWidget(self.conflict_label)
        self.override_edit = QPlainTextEdit()
        self.override_edit.setPlaceholderText(
            self.tr(
                "Justification for booking despite the conflict (required, kept in the audit trail)"
            )
        )
        self.override_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.override_edit.textChanged.connect(self._update_enabled)
        self.override_edit.hide()
        lay.addWidget(self.override_edit)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        lay.addWidget(self.message_label)
        self.status_hint = QLabel()
        theme.set_status(self.status_hint, "muted")
        self.status_hint.setWordWrap(True)
        lay.addWidget(self.status_hint)

        buttons = QDialogButtonBox()
        self.book_button = QPushButton(self.tr("Book"))
        self.book_button.setDefault(True)
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.book_button.clicked.connect(self.book)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._update_enabled()

    # ------------------------------------------------------------------- loading

    def reload(self, message: str = "") -> None:
        self._generation += 1
        generation, ctx, case_id = self._generation, self._ctx, self._case_id
        qd = self.day_edit.date()
        day = date(qd.year(), qd.month(), qd.day())
        length = timedelta(minutes=int(self.length_combo.currentData() or 90))
        language = str(self.language_combo.currentData() or "")
        at = ctx.clock()

        def loaded(options: bo.BookingOptions) -> None:
            if shiboken6.isValid(self) and generation == self._generation:
                self._show(options)
                if message:
                    self._message(message)

        def failed(exc: Exception) -> None:
            if shiboken6.isValid(self):
                log.warning("booking options for case %s failed: %s", case_id, exc, exc_info=exc)
                self._message(
                    self.tr("The suggestions could not be loaded: %1").replace("%1", str(exc))
                )

        ctx.worker.submit(
            lambda: bo.booking_options(ctx.db, case_id, at, day, length, language),
            loaded,
            failed,
            f"case {case_id}: booking options",
        )

    def _show(self, o: bo.BookingOptions) -> None:
        self._options = o
        c = o.case
        self.case_label.setText(
            self.tr("Case %1 · %2 · %3")
            .replace("%1", c.case_no)
            .replace("%2", label(c.category))
            .replace("%3", c.summary)
        )
        if c.moves_to_mediation:
            hint = self.tr("Booking moves the case from “%1” to “%2”.")
            hint = hint.replace("%1", label(c.status)).replace("%2", label(CaseStatus.IN_MEDIATION))
        else:
            hint = self.tr("The case stays “%1”.").replace("%1", label(c.status))
        self.status_hint.setText(hint)
        self.language_combo.blockSignals(True)
        wanted = self.language_combo.currentData()
        while self.language_combo.count() > 1:
            self.language_combo.removeItem(1)
        for lang in o.languages:
            self.language_combo.addItem(lang, lang)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(wanted)))
        self.language_combo.blockSignals(False)
        previous = self._current_option()
        self.mediator_tree.blockSignals(True)
        self.mediator_tree.clear()
        for option in o.mediators:
            r = option.ranked
            first = r.candidate.first_free
            item = QTreeWidgetItem(
                [
                    ("⚠ " if r.blocked else "") + option.name,
                    label(option.kind),
                    str(r.score),
                    when_text(first) if first else "—",
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, option.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if r.blocked:
                for col in range(4):
                    item.setForeground(col, QBrush(BLOCKED))
                item.setToolTip(0, self.tr("Conflict of interest"))
            self.mediator_tree.addTopLevelItem(item)
        self.mediator_tree.blockSignals(False)
        keep = previous.id if previous is not None else None
        index = 0
        for i, option in enumerate(o.mediators):
            if option.id == keep:
                index = i
        if o.mediators:
            self.mediator_tree.setCurrentItem(self.mediator_tree.topLevelItem(index))
        self._mediator_chosen()

    # ------------------------------------------------------------------ choosing

    def _current_option(self) -> bo.MediatorOption | None:
        item = self.mediator_tree.currentItem()
        if item is None or self._options is None:
            return None
        mid = item.data(0, Qt.ItemDataRole.UserRole)
        return next((o for o in self._options.mediators if o.id == mid), None)

    def _mediator_chosen(self) -> None:
        option = self._current_option()
        self.slot_list.blockSignals(True)
        self.slot_list.clear()
        if option is None:
            self.why_label.clear()
        else:
            lines = [reason_text(r) for r in option.ranked.reasons]
            extra = [option.organisation, " / ".join(split_languages(option.languages))]
            self.why_label.setText(
                f"<b>{option.name}</b> · {label(option.kind)}<br>"
                + " · ".join(x for x in extra if x)
                + "<ul style='margin-left:-20px'>"
                + "".join(f"<li>{line}</li>" for line in lines)
                + "</ul>"
            )
            for offer in option.offers:
                item = QListWidgetItem(f"{when_text(offer.starts_at)}–{format_time(offer.ends_at)}")
                self.slot_list.addItem(item)
        self.slot_list.blockSignals(False)
        if self.slot_list.count():
            self.slot_list.setCurrentRow(0)
        conflicts = option.ranked.candidate.conflicts if option is not None else ()
        if conflicts:
            text = "\n".join(conflict_text(c) for c in conflicts)
            if self._ctx.actor.can(Permission.OVERRIDE_CONFLICT):
                text += "\n" + self.tr("You may book anyway with a written justification.")
            else:
                text += "\n" + self.tr(
                    "Booking is blocked. Only the station director or an administrator may "
                    "override a conflict of interest."
                )
            self.conflict_label.setText(text)
            self.conflict_label.show()
            self.override_edit.setVisible(self._ctx.actor.can(Permission.OVERRIDE_CONFLICT))
        else:
            self.conflict_label.hide()
            self.override_edit.hide()
        self._slot_chosen()

    def _current_offer(self) -> bo.SlotOffer | None:
        option = self._current_option()
        row = self.slot_list.currentRow()
        if option is None or not 0 <= row < len(option.offers):
            return None
        return option.offers[row]

    def _slot_chosen(self) -> None:
        offer = self._current_offer()
        previous = self.room_combo.currentData()
        self.room_combo.clear()
        if offer is not None and self._options is not None:
            for room in self._options.rooms:
                if room.id in offer.room_ids:
                    text = f"{room.name} · {room.location}" if room.location else room.name
                    self.room_combo.addItem(text, room.id)
            self.room_combo.setCurrentIndex(max(0, self.room_combo.findData(previous)))
        self._update_enabled()

    def why_not(self) -> str:
        """Why Book is disabled ("" when it is enabled)."""
        option = self._current_option()
        if self.runner.outcome_unknown:
            return self.tr(
                "Not known yet whether the booking went through; StationDesk checks when the "
                "connection is back."
            )
        if self.runner.busy:
            return self.tr("Booking…")
        if not self._ctx.online:
            return self.tr("Offline: nothing can be booked until the connection is back.")
        if not self._ctx.actor.can(Permission.EDIT_MEDIATION):
            return self.tr("Your account may not book mediation sessions.")
        if option is None:
            return self.tr("Choose a mediator.")
        if option.ranked.blocked:
            if not self._ctx.actor.can(Permission.OVERRIDE_CONFLICT):
                return self.tr(
                    "Conflict of interest: this mediator cannot be booked for this case."
                )
            if not self.override_edit.toPlainText().strip():
                return self.tr("Write why the conflict is overridden.")
        if self._current_offer() is None:
            return self.tr("This mediator has no free slot with a free room.")
        if self.room_combo.currentData() is None:
            return self.tr("Choose a room.")
        return ""

    def _update_enabled(self) -> None:
        why = self.why_not()
        self.book_button.setEnabled(not why)
        self.book_button.setToolTip(why)

    # ------------------------------------------------------------------- booking

    def book(self) -> None:
        if self.why_not():
            self._message(self.why_not())
            return
        option, offer = self._current_option(), self._current_offer()
        assert option is not None and offer is not None
        justification = self.override_edit.toPlainText().strip() if option.ranked.blocked else ""
        request = mb.BookingRequest(
            self._case_id,
            (option.id,),
            int(self.room_combo.currentData()),
            offer.starts_at,
            offer.ends_at,
            justification,
        )
        ctx = self._ctx

        def done(result: mb.BookedSession | None) -> None:
            # None: the reply was lost and the work token confirmed it -- booked once.
            if not shiboken6.isValid(self):
                return
            self.booked.emit(result)
            self.accept()

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            self._update_enabled()
            if isinstance(exc, mb.SlotTakenError):
                self.reload(taken_text(exc))
            elif isinstance(exc, mb.ConflictOfInterestError):
                self.reload(self.tr("A conflict of interest was found; nothing was booked."))
            elif isinstance(exc, PermissionDeniedError):
                self._message(self.tr("Your account may not do this; nothing was booked."))
            elif isinstance(exc, mb.BookingRefusedError):
                self.reload(self.tr("Not booked: %1").replace("%1", str(exc)))
            else:
                log.warning("booking for case %s failed: %s", self._case_id, exc, exc_info=exc)
                self._message(
                    self.tr("Not booked: %1").replace("%1", str(exc) or type(exc).__name__)
                )

        self.runner.run(
            lambda: mb.book_mediation(ctx.db, ctx.actor, request),
            on_saved=done,
            on_error=failed,
            what=f"case {self._case_id}: book mediation",
        )
        self._update_enabled()

    def _runner_notice(self, kind: str, text: str) -> None:
        # not saved / unknown: say so; the choices and the justification stay as they are.
        if kind != "saved" and shiboken6.isValid(self):
            self._message(text)
            self._update_enabled()

    def _message(self, text: str, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message_label.setVisible(bool(text))

    def message_text(self) -> str:
        return "" if self.message_label.isHidden() else self.message_label.text()
