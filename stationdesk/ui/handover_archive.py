"""The handover archive in the Reports view: past handovers, reprint, acknowledge.

Picking a handover loads its archived PDF bytes and asks for them to be previewed
(``show_pdf``); the SHA-256 of the bytes is checked against the record first. The
incoming officer acknowledges here; the list reloads when another workstation does.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import handovers
from stationdesk.data.handovers import HandoverError, HandoverRecord
from stationdesk.data.uow import ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import Permission
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_datetime, format_time
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

log = logging.getLogger(__name__)

ARCHIVE_LIMIT = 50
HASH_SHOWN = 8  # hex digits of the SHA-256 shown in the list (the tooltip has all)
ACKNOWLEDGED_COLUMN = 4


def is_connection_error(exc: BaseException) -> bool:
    from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError | DisconnectionError)


def period_text(start: datetime, end: datetime) -> str:
    text = f"{format_date(start)} {format_time(start)}–"
    return text + (format_time(end) if end.date() == start.date() else format_datetime(end))


class HandoverArchive(QGroupBox):
    """The latest archived handovers, newest shift first."""

    show_pdf = Signal(object, str)  # archived bytes, caption: for the panel's preview
    message = Signal(str, str)  # text, kind ("ok" | "error" | "info")
    print_requested = Signal(object, object)  # archived bytes, QPrinter: printed off-thread

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Handover archive"), parent)
        self.ctx = ctx
        self.records: list[HandoverRecord] = []
        self._online = ctx.online
        # Acknowledged through resilience.save: once, not at all, or unknown until the
        # connection is back; ``message`` says which.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self._loaded: tuple[int, bytes] | None = None  # the selected record's bytes
        self._select_after_load: int | None = None

        headers = [
            self.tr("Shift"),
            self.tr("Outgoing"),
            self.tr("Incoming"),
            self.tr("Generated"),
            self.tr("Acknowledged"),
            self.tr("SHA-256"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Archived handovers"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.empty = QLabel(self.tr("No handover has been archived yet."))
        theme.set_status(self.empty, "muted")
        self.empty.hide()
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addStretch(1)
        buttons.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)

        self.reprint_button.clicked.connect(self.reprint)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._load: CoalescedLoad[list[HandoverRecord]] = CoalescedLoad(
            ctx.worker, self._job, self._show, "handover archive", self
        )
        self._update_actions()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self._load.load_now()

    def request_reload(self) -> None:
        self._load.request()

    def reload_selecting(self, handover_id: int) -> None:
        """Reload now and select ``handover_id`` (a handover just archived)."""
        self._select_after_load = handover_id
        self._load.load_now()

    def set_online(self, online: bool) -> None:
        self._online = online
        self.runner.set_online(online)
        self._update_actions()

    def selected_record(self) -> HandoverRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        wanted = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((r for r in self.records if r.id == wanted), None)

    def select_record(self, handover_id: int) -> bool:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == handover_id:
                self.table.selectRow(row)
                return True
        return False

    def clear_selection(self) -> None:
        """Another document is previewed: nothing archived is selected any more."""
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.blockSignals(False)
        self._update_actions()

    def selected_pdf(self) -> bytes | None:
        """The selected handover's archived bytes, exactly as stored (None: not loaded yet)."""
        record = self.selected_record()
        if record is None or self._loaded is None or self._loaded[0] != record.id:
            return None
        return self._loaded[1]

    def reprint_to(self, printer: QPrinter) -> int:
        """Print the selected handover's archived bytes now; returns the pages printed."""
        pdf = self.selected_pdf()
        if pdf is None:
            return 0
        from stationdesk.ui.pdf_preview import print_pdf

        return print_pdf(pdf, printer)

    def reprint(self) -> None:
        """Reprint… : the print dialog, then the printing itself off the UI thread."""
        pdf = self.selected_pdf()
        if pdf is None:
            return
        from stationdesk.ui.pdf_preview import ask_printer

        printer = ask_printer(self, pdf, self.tr("Reprint the handover"))
        if printer is not None:
            self.print_requested.emit(pdf, printer)

    def acknowledge_selected(self) -> None:
        """The incoming officer acknowledges the selected handover (audited)."""
        record = self.selected_record()
        if record is None or self.runner.busy:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self.runner.run(
            lambda: handovers.acknowledge_handover(db, actor, record.id, record.version),
            on_saved=self._acknowledged,
            on_not_saved=lambda _text: self._load.load_now(),
            on_error=self._acknowledge_failed,
            what="acknowledging a handover",
        )
        self._update_actions()

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self.message.emit(text, "error")

    def error_text(self, code: str) -> str:
        """The officer's message for a HandoverError code ('' for a program error)."""
        texts = {
            "same_officer": self.tr(
                "You handed this shift over yourself: the incoming officer acknowledges it."
            ),
            "not_incoming": self.tr("This handover is addressed to another incoming officer."),
            "already_acknowledged": self.tr("This handover has already been acknowledged."),
            "no_user": self.tr("Only a signed-in officer can acknowledge a handover."),
        }
        return texts.get(code, "")

    # ------------------------------------------------------------------ actions

    def _update_actions(self) -> None:
        record = self.selected_record()
        loaded = self._loaded
        self.reprint_button.setEnabled(
            record is not None and loaded is not None and loaded[0] == record.id
        )
        why_not = self._why_not_acknowledge(record)
        self.acknowledge_button.setEnabled(not why_not and not self.runner.busy)
        self.acknowledge_button.setToolTip(why_not)

    def _why_not_acknowledge(self, record: HandoverRecord | None) -> str:
        actor = self.ctx.actor
        if record is None:
            return self.tr("Pick a handover in the list.")
        if record.acknowledged:
            return self.tr("Already acknowledged.")
        if actor.user_id is None:
            return self.error_text("no_user")
        if record.outgoing_user_id == actor.user_id:
            return self.error_text("same_officer")
        if record.incoming_user_id not in (None, actor.user_id):
            return self.error_text("not_incoming")
        if not actor.can(Permission.WRITE_HANDOVER):
            return self.tr("Your role may not acknowledge handovers.")
        if not self._online:
            return self.tr("Offline: the database cannot be reached.")
        return ""

    def _acknowledged(self, record: HandoverRecord | None) -> None:
        if not shiboken6.isValid(self):
            return
        if record is None:  # confirmed through the work token after a reconnect
            self.message.emit(self.tr("Handover acknowledged."), "ok")
        else:
            when = format_time(record.acknowledged_at)
            self.message.emit(self.tr("Handover acknowledged at %1.").replace("%1", when), "ok")
        self._load.load_now()
        self._update_actions()

    def _acknowledge_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, HandoverError) and self.error_text(exc.code):
            text = self.error_text(exc.code)
        elif isinstance(exc, ConflictError):
            text = self.tr(
                "Another workstation changed this handover first; the list has been reloaded."
            )
        elif isinstance(exc, NotFoundError):
            text = self.tr("This handover no longer exists; the list has been reloaded.")
        elif isinstance(exc, PermissionDeniedError):
            text = self.tr("Your role may not acknowledge handovers.")
        elif is_connection_error(exc):
            text = self.tr("The database cannot be reached; please try again shortly.")
        else:
            log.error("acknowledging a handover failed", exc_info=exc)
            text = self.tr("The handover could not be acknowledged: %1").replace("%1", str(exc))
        self.message.emit(text, "error")
        self._load.load_now()
        self._update_actions()

    # ------------------------------------------------------------------ the list

    def _job(self) -> Callable[[], list[HandoverRecord]]:
        db = self.ctx.db
        return lambda: handovers.list_handovers(db, ARCHIVE_LIMIT)

    def _show(self, records: list[HandoverRecord]) -> None:
        selected = self.selected_record()
        keep = self._select_after_load or (selected.id if selected is not None else None)
        self._select_after_load = None
        self.records = records
        table = self.table
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(records))
        for row, r in enumerate(records):
            self._fill_row(row, r)
        table.blockSignals(False)
        self.empty.setVisible(not records)
        if keep is None or not self.select_record(keep):
            self._update_actions()

    def _fill_row(self, row: int, r: HandoverRecord) -> None:
        # Acknowledging makes the acknowledging officer the incoming one: "by" is the
        # Incoming column, repeated in the tooltip.
        acknowledged = format_datetime(r.acknowledged_at) if r.acknowledged else self.tr("not yet")
        values = [
            period_text(r.shift_start, r.shift_end),
            r.outgoing_name,
            r.incoming_name or self.tr("(not named)"),
            format_datetime(r.generated_at),
            acknowledged,
            r.sha256[:HASH_SHOWN],
        ]
        for col, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, r.id)
            elif col == ACKNOWLEDGED_COLUMN:
                item.setToolTip(self.acknowledgement_text(r))
                if not r.acknowledged:
                    item.setForeground(Qt.GlobalColor.darkYellow)
            elif col == len(values) - 1:
                item.setToolTip(r.sha256)
            self.table.setItem(row, col, item)

    def acknowledgement_text(self, r: HandoverRecord) -> str:
        if r.acknowledged:
            return (
                self.tr("Acknowledged by %1 at %2.")
                .replace("%1", r.incoming_name)
                .replace("%2", format_datetime(r.acknowledged_at))
            )
        return self.tr("Not acknowledged yet.")

    def _selection_changed(self) -> None:
        record = self.selected_record()
        self._update_actions()
        if record is None:
            return
        if self._loaded is not None and self._loaded[0] == record.id:
            self._preview(record, self._loaded[1])  # archived bytes never change
            return
        db = self.ctx.db
        self.ctx.worker.submit(
            lambda: handovers.handover_pdf(db, record.id),
            partial(self._pdf_loaded, record.id),
            self._pdf_failed,
            "an archived handover",
        )

    def _pdf_loaded(self, handover_id: int, pdf: bytes) -> None:
        if not shiboken6.isValid(self):
            return
        self._loaded = (handover_id, pdf)
        record = self.selected_record()
        if record is not None and record.id == handover_id:
            self._preview(record, pdf)
        self._update_actions()

    def _pdf_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, NotFoundError):
            text = self.tr("This handover no longer exists; the list has been reloaded.")
            self._load.load_now()
        elif is_connection_error(exc):
            text = self.tr("The database cannot be reached; please try again shortly.")
        else:
            log.error("reading an archived handover failed", exc_info=exc)
            text = self.tr("The archived report could not be read: %1").replace("%1", str(exc))
        self.message.emit(text, "error")

    def _preview(self, record: HandoverRecord, pdf: bytes) -> None:
        digest = hashlib.sha256(pdf).hexdigest()
        if digest == record.sha256:
            check = self.tr("SHA-256 %1 matches the archive record.").replace("%1", digest)
        else:
            log.warning("archived handover %d: its bytes do not match its SHA-256", record.id)
            check = self.tr(
                "WARNING: the archived bytes do not match their SHA-256 record: "
                "do not rely on this copy."
            )
        caption = (
            self.tr("Archived handover %1 · %2 → %3.")
            .replace("%1", period_text(record.shift_start, record.shift_end))
            .replace("%2", record.outgoing_name)
            .replace("%3", record.incoming_name or self.tr("(not named)"))
        )
        self.show_pdf.emit(pdf, f"{caption} {self.acknowledgement_text(record)}\n{check}")

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._load.hold(True)
