"""The shift handover in the Reports view: generate, preview, save, print, archive, acknowledge.

The figures are collected on the database worker; the PDF is built on a thread of
this panel's own pool (the worker is serialized and must stay free for other views),
with its progress coming back by signal. reportlab, the reports package and QtPdf are
imported the first time they are needed, not when the view opens.

What the officer typed (the instructions) is never cleared by the panel: an error
leaves the form exactly as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QLocale, QObject, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import handover_collect, handovers, users
from stationdesk.data.handover_facts import HandoverData
from stationdesk.data.handovers import HandoverError, HandoverRecord
from stationdesk.data.uow import Change, PermissionDeniedError
from stationdesk.data.users import UserInfo
from stationdesk.domain.enums import Permission, permissions_of
from stationdesk.domain.validation import FieldError
from stationdesk.ui.context import AppContext
from stationdesk.ui.handover_archive import HASH_SHOWN, HandoverArchive, is_connection_error
from stationdesk.ui.i18n import current_language
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from stationdesk.ui.pdf_preview import PdfPreview, Progress

log = logging.getLogger(__name__)

HANDOVER_TABLES = frozenset({"handover"})
USER_TABLES = frozenset({"app_user"})
# Report languages are named in their own language, whatever the UI language.
REPORT_LANGUAGES = (("zh_CN", "中文"), ("en", "English"))
FILE_PREFIX = {"zh_CN": "交接班", "en": "handover"}

Shift = tuple[datetime, datetime]


@dataclass(frozen=True)
class HandoverRequest:
    """What the form said when Generate was pressed."""

    shift: Shift
    lang: str
    incoming_id: int | None
    incoming_name: str
    instructions: str
    full_edition: bool
    generated_at: datetime


@dataclass(frozen=True)
class Draft:
    """A generated report; ``archived`` once it has been handed over."""

    request: HandoverRequest
    pdf: bytes
    archived: HandoverRecord | None = None


def default_file_name(shift_start: datetime, lang: str) -> str:
    """交接班_20261128_0800.pdf / handover_20261128_0800.pdf"""
    return f"{FILE_PREFIX.get(lang, FILE_PREFIX['en'])}_{shift_start:%Y%m%d_%H%M}.pdf"


class _JobSignals(QObject):
    """From the pool thread to the panel (queued: the panel lives on the UI thread)."""

    progress = Signal(int, int, int)  # token, done, total
    built = Signal(int, object)  # token, PDF bytes
    failed = Signal(int, object)  # token, exception
    printed = Signal(int, int)  # token, pages
    print_failed = Signal(int, object)  # token, exception


def _build(
    signals: _JobSignals, token: int, data: HandoverData, r: HandoverRequest, outgoing: str
) -> None:
    """Runs on a pool thread: only plain values in, bytes or the exception out."""
    try:
        from stationdesk.reports.handover import build_handover_pdf

        pdf = build_handover_pdf(
            data,
            r.lang,
            outgoing=outgoing,
            incoming=r.incoming_name,
            generated_at=r.generated_at,
            progress=lambda done, total: signals.progress.emit(token, done, total),
        )
    except Exception as exc:
        signals.failed.emit(token, exc)
    else:
        signals.built.emit(token, pdf)


def _print(signals: _JobSignals, token: int, job: Callable[..., int]) -> None:
    """Runs on a pool thread: ``job(progress=...)`` prints and returns the page count."""
    try:
        pages = job(progress=lambda done, total: signals.progress.emit(token, done, total))
    except Exception as exc:
        signals.print_failed.emit(token, exc)
    else:
        signals.printed.emit(token, pages)


class HandoverPanel(QWidget):
    """Hand over the shift picked in the Reports view, and the archive of handovers."""

    def __init__(
        self,
        ctx: AppContext,
        shift_of: Callable[[], Shift],
        shift_text: Callable[[Shift], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._shift_of = shift_of
        self._shift_text = shift_text
        self._online = ctx.online
        self.draft: Draft | None = None
        self.preview: PdfPreview | None = None
        self._token = 0
        self._request: HandoverRequest | None = None  # the one being generated
        self._busy = False
        # Archived through resilience.save: once, not at all, or unknown until the
        # connection is back (no second archive meanwhile); the instructions stay.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.built.connect(self._on_built)
        self._signals.failed.connect(self._on_build_failed)
        self._signals.printed.connect(self._on_printed)
        self._signals.print_failed.connect(self._on_print_failed)

        # ---- the new handover
        self.shift_label = QLabel()
        self.shift_label.setWordWrap(True)
        self.language = QComboBox()
        for code, name in REPORT_LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(0 if self._ui_language() == "zh_CN" else 1)
        self.incoming = QComboBox()
        self.incoming.addItem(self.tr("Not named: any other officer may acknowledge"), None)
        self.full_edition = QCheckBox(self.tr("Full edition (unmasked ID and phone numbers)"))
        if ctx.actor.can(Permission.VIEW_PERSONAL_DATA):
            self.full_edition.setToolTip(
                self.tr("Generating and printing the full edition is recorded in the audit trail.")
            )
        else:
            self.full_edition.setEnabled(False)
            self.full_edition.setToolTip(
                self.tr(
                    "Only roles allowed to see personal data (station director, "
                    "administrator) may produce the full edition."
                )
            )
        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText(
            self.tr("Instructions received and tasks the incoming officer must follow up…")
        )
        self.instructions.setAccessibleName(self.tr("Instructions and pending tasks"))
        self.instructions.setMinimumHeight(self.fontMetrics().height() * 4)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Shift:"), self.shift_label)
        form.addRow(self.tr("Report language:"), self.language)
        form.addRow(self.tr("Incoming officer:"), self.incoming)
        form.addRow("", self.full_edition)
        instructions_label = QLabel(self.tr("Instructions and pending tasks:"))
        instructions_label.setBuddy(self.instructions)
        form.addRow(instructions_label)
        form.addRow(self.instructions)

        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setDefault(True)
        self.generate_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.save_button = QPushButton(self.tr("Save…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.archive_button = QPushButton(self.tr("Archive and hand over"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        generate_row = QHBoxLayout()
        generate_row.addWidget(self.generate_button)
        generate_row.addWidget(self.progress, 1)
        generate_row.addStretch(0)
        output_row = QHBoxLayout()
        output_row.addWidget(self.save_button)
        output_row.addWidget(self.print_button)
        output_row.addStretch(1)
        output_row.addWidget(self.archive_button)
        new_box = QGroupBox(self.tr("Hand over the shift"))
        new_layout = QVBoxLayout(new_box)
        new_layout.addLayout(form, 1)
        new_layout.addLayout(generate_row)
        new_layout.addLayout(output_row)
        new_layout.addWidget(self.message)

        self.archive_list = HandoverArchive(ctx)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(new_box, 1)
        left_layout.addWidget(self.archive_list, 1)

        # ---- the preview (QtPdf is loaded with the first document shown)
        self.preview_caption = QLabel()
        self.preview_caption.setWordWrap(True)
        self.preview_caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.placeholder = QLabel(
            self.tr("Generate the handover, or pick one from the archive, to see it here.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #5f6368;")
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.placeholder)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_caption)
        right_layout.addWidget(self.preview_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(320)
        left.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.splitter.setSizes([680, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        self.generate_button.clicked.connect(self.generate)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_draft)
        self.archive_button.clicked.connect(self.archive)
        self.archive_list.show_pdf.connect(self._show_pdf)
        self.archive_list.message.connect(self._say)
        self.archive_list.print_requested.connect(self._reprint)
        for combo in (self.language, self.incoming):
            combo.currentIndexChanged.connect(self._form_changed)
        self.full_edition.toggled.connect(self._form_changed)
        self.instructions.textChanged.connect(self._form_changed)

        self._users_load: CoalescedLoad[list[UserInfo]] = CoalescedLoad(
            ctx.worker, self._users_job, self._show_users, "incoming officers", self
        )
        self.shift_changed()

    # --------------------------------------------------------------- public API

    def refresh(self) -> None:
        self.archive_list.refresh()
        self._users_load.load_now()

    def apply_changes(self, changes: list[Change]) -> None:
        tables = {c.table for c in changes}
        if tables & HANDOVER_TABLES:
            self.archive_list.request_reload()  # e.g. acknowledged on another workstation
        if tables & USER_TABLES:
            self._users_load.request()

    def set_online(self, online: bool) -> None:
        self._online = online
        self.runner.set_online(online)
        self.archive_list.set_online(online)
        self._update_actions()

    def shift_changed(self) -> None:
        self.shift_label.setText(self._shift_text(self._shift_of()))
        self._form_changed()

    @property
    def building(self) -> bool:
        return self._busy

    @property
    def stale(self) -> bool:
        """The form no longer says what the generated report shows."""
        draft = self.draft
        if draft is None or draft.archived is not None:
            return False
        r, now_ = draft.request, self._form()
        return (r.shift, r.lang, r.incoming_id, r.instructions, r.full_edition) != now_

    def generate(self) -> None:
        """Collect the figures (database worker), then build the PDF (own thread)."""
        if self._busy:
            return
        shift, lang, incoming_id, instructions, full = self._form()
        request = HandoverRequest(
            shift=shift,
            lang=lang,
            incoming_id=incoming_id,
            incoming_name=self.incoming.currentText() if incoming_id is not None else "",
            instructions=instructions,
            full_edition=full,
            generated_at=self.ctx.clock().replace(microsecond=0),
        )
        self._token += 1
        token = self._token
        self._request = request
        self._busy = True
        self.progress.setRange(0, 0)  # busy until the build reports its size
        self.progress.setFormat("%p%")
        self.progress.show()
        self._say(self.tr("Collecting the shift's figures…"), "info")
        self._update_actions()
        db, actor = self.ctx.db, self.ctx.actor
        self.ctx.worker.submit(
            lambda: handover_collect.collect_handover(
                db,
                shift[0],
                shift[1],
                request.generated_at,
                actor=actor,
                full_personal_data=full,
                instructions=instructions,
            ),
            partial(self._collected, token, request),
            partial(self._collect_failed, token),
            "handover figures",
        )

    def save_to(self, path: str | Path) -> None:
        """Write the generated report's bytes, unchanged, to ``path``."""
        if self.draft is None:
            return
        Path(path).write_bytes(self.draft.pdf)

    def save(self) -> None:
        draft = self.draft
        if draft is None:
            return
        r = draft.request
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / default_file_name(r.shift[0], r.lang))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the handover report"), suggested, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self._after_output_audit(draft, "save", partial(self._save_now, path))

    def print_to(self, printer: QPrinter, progress: Progress | None = None) -> int:
        """Print the generated report on ``printer``; returns the pages printed.

        What Print… runs on the pool thread after its dialog: it reads only the
        draft's bytes and touches no widget. Raises PdfError if printing fails.
        """
        draft = self.draft
        if draft is None:
            return 0
        from stationdesk.ui.pdf_preview import print_pdf

        return print_pdf(draft.pdf, printer, progress)

    def print_draft(self) -> None:
        draft = self.draft
        if draft is None:
            return
        from stationdesk.ui.pdf_preview import ask_printer

        printer = ask_printer(self, draft.pdf, self.tr("Print the handover report"))
        if printer is None:
            return

        def start() -> None:
            if self.draft is not draft:  # generated again meanwhile
                self._say(self.tr("The report changed; print it again."), "error")
                return
            self._start_printing(partial(self.print_to, printer))

        self._after_output_audit(draft, "print", start)

    def archive(self) -> None:
        """Archive the generated report and hand over to the incoming officer."""
        draft = self.draft
        if draft is None or draft.archived is not None or self.runner.busy or self._busy:
            return
        if self.stale:
            self._say(self._stale_text(), "error")
            return
        db, actor, r = self.ctx.db, self.ctx.actor, draft.request
        self.runner.run(
            lambda: handovers.archive_handover(
                db,
                actor,
                r.shift[0],
                r.shift[1],
                draft.pdf,
                r.lang,
                r.instructions,
                r.incoming_id,
                generated_at=r.generated_at,
            ),
            on_saved=self._archived,
            on_error=self._archive_failed,
            what="archiving the handover",
        )
        self._update_actions()

    # ------------------------------------------------------------------ the form

    def _ui_language(self) -> str:
        lang = current_language()
        if lang is None:
            lang = "zh_CN" if QLocale().name().lower().startswith("zh") else "en"
        return lang

    def _form(self) -> tuple[Shift, str, int | None, str, bool]:
        return (
            self._shift_of(),
            str(self.language.currentData()),
            self.incoming.currentData(),
            self.instructions.toPlainText().strip(),
            self.full_edition.isEnabled() and self.full_edition.isChecked(),
        )

    def _form_changed(self, *_args: Any) -> None:
        self._update_actions()

    def _stale_text(self) -> str:
        return self.tr(
            "The form was changed after the report was generated: generate it again "
            "so that the archived report says what the form says."
        )

    def _update_actions(self) -> None:
        draft, actor = self.draft, self.ctx.actor
        idle = not self._busy
        self.generate_button.setEnabled(idle)
        has_draft = draft is not None and idle
        self.save_button.setEnabled(has_draft)
        self.print_button.setEnabled(has_draft)
        reason = ""
        if draft is None:
            reason = self.tr("Generate the report first.")
        elif draft.archived is not None:
            reason = self.tr("This report has been archived.")
        elif not actor.can(Permission.WRITE_HANDOVER):
            reason = self.tr("Your role may not archive handovers.")
        elif not self._online:
            reason = self.tr("Offline: the database cannot be reached.")
        elif self.stale:
            reason = self._stale_text()
        ready = not reason and idle and not self.runner.busy
        self.archive_button.setEnabled(ready)
        self.archive_button.setToolTip(reason)

    def _say(self, text: str, kind: str) -> None:
        colour, background = {
            "error": ("#8a1c1c", "#fdecea"),
            "ok": ("#1b5e20", "#e8f5e9"),
        }.get(kind, ("#0d3c61", "#e8f1fb"))
        self.message.setStyleSheet(
            f"color: {colour}; background: {background}; padding: 6px; border-radius: 4px;"
        )
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self.message.show()

    # --------------------------------------------------------------- generating

    def _collected(self, token: int, request: HandoverRequest, data: HandoverData) -> None:
        if not shiboken6.isValid(self) or token != self._token:
            return
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._say(self.tr("Building the report…"), "info")
        outgoing = self.ctx.actor.display_name or self.ctx.actor.username
        self._pool.start(partial(_build, self._signals, token, data, request, outgoing))

    def _collect_failed(self, token: int, exc: Exception) -> None:
        if not shiboken6.isValid(self) or token != self._token:
            return
        self._work_over()
        if isinstance(exc, PermissionDeniedError):
            text = self.tr("Your role may not see personal data: generate the masked edition.")
        elif isinstance(exc, FieldError):
            text = self.tr("This period cannot be reported: %1").replace("%1", str(exc))
        elif is_connection_error(exc):
            text = self.tr("The database cannot be reached; please try again shortly.")
        else:
            log.error("collecting the handover of %s failed", self._shift_of(), exc_info=exc)
            text = self.tr("The report could not be generated: %1").replace("%1", str(exc))
        self._say(text, "error")

    def _on_progress(self, token: int, done: int, total: int) -> None:
        if token != self._token:
            return
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _on_built(self, token: int, pdf: bytes) -> None:
        if token != self._token:
            return
        request = self._request
        self._work_over()
        if request is None:
            return
        self.draft = Draft(request, pdf)
        self.archive_list.clear_selection()
        pages = self._show_pdf(pdf, self._draft_caption(self.draft))
        if pages:
            self._say(
                self.tr(
                    "Report ready: %n page(s). Check it, then save, print or archive it.",
                    "",
                    pages,
                ),
                "ok",
            )
        self._update_actions()

    def _on_build_failed(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        self._work_over()
        log.error("building the handover PDF of %s failed", self._shift_of(), exc_info=exc)
        self._say(self.tr("The report could not be built: %1").replace("%1", str(exc)), "error")

    def _work_over(self) -> None:
        self._busy = False
        self._request = None
        self.progress.hide()
        self._update_actions()

    def _draft_caption(self, draft: Draft) -> str:
        r = draft.request
        edition = self.tr("full edition") if r.full_edition else self.tr("masked edition")
        return (
            self.tr("Generated, not archived yet: %1 · %2 · %3")
            .replace("%1", self._shift_text(r.shift))
            .replace("%2", self.language.itemText(self.language.findData(r.lang)))
            .replace("%3", edition)
        )

    def _show_pdf(self, pdf: bytes, caption: str) -> int:
        """Show ``pdf`` in the preview; returns its page count (0 if it cannot be shown)."""
        from stationdesk.ui.pdf_preview import PdfError, PdfPreview

        if self.preview is None:
            self.preview = PdfPreview()
            self.preview_stack.addWidget(self.preview)
        try:
            pages = self.preview.load(pdf)
        except PdfError as exc:
            log.error("the handover PDF cannot be shown (%d bytes)", len(pdf), exc_info=exc)
            self._say(self.tr("The report cannot be shown: %1").replace("%1", str(exc)), "error")
            return 0
        self.preview_stack.setCurrentWidget(self.preview)
        self.preview_caption.setText(caption + "  " + self.tr("(%n page(s))", "", pages))
        return pages

    # ------------------------------------------------------------------ output

    def _after_output_audit(self, draft: Draft, how: str, then: Callable[[], None]) -> None:
        """A full edition leaves the app only once its output is on the audit trail."""
        if not draft.request.full_edition:
            then()
            return
        db, actor, (start, end) = self.ctx.db, self.ctx.actor, draft.request.shift

        def refused(exc: Exception) -> None:
            log.warning("recording the full edition's %s failed: %s", how, exc, exc_info=exc)
            self._say(
                self.tr("The output could not be recorded in the audit trail, so it was not done."),
                "error",
            )

        self.ctx.worker.submit(
            lambda: handovers.record_full_edition_output(db, actor, start, end, how),
            lambda _none: then(),
            refused,
            "recording a full-edition output",
        )

    def _save_now(self, path: str) -> None:
        try:
            self.save_to(path)
        except OSError as exc:
            self._say(
                self.tr("The report could not be saved to %1: %2")
                .replace("%1", path)
                .replace("%2", exc.strerror or str(exc)),
                "error",
            )
            return
        self._say(self.tr("Saved to %1.").replace("%1", path), "ok")

    def _reprint(self, pdf: bytes, printer: QPrinter) -> None:
        from stationdesk.ui.pdf_preview import print_pdf

        self._start_printing(partial(print_pdf, pdf, printer))

    def _start_printing(self, job: Callable[..., int]) -> None:
        """Print on the pool thread (seconds per page), the progress bar counting pages."""
        if self._busy:
            self._say(self.tr("Wait until the report in progress is done."), "error")
            return
        self._token += 1
        self._busy = True
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Printing page %v of %m"))
        self.progress.show()
        self._say(self.tr("Printing…"), "info")
        self._update_actions()
        self._pool.start(partial(_print, self._signals, self._token, job))

    def _on_printed(self, token: int, pages: int) -> None:
        if token != self._token:
            return
        self._work_over()
        self._say(self.tr("Printed: %n page(s).", "", pages), "ok")

    def _on_print_failed(self, token: int, exc: Exception) -> None:
        if token != self._token:
            return
        self._work_over()
        from stationdesk.ui.pdf_preview import PdfError

        if isinstance(exc, PdfError):
            log.warning("printing a handover failed: %s", exc)
        else:
            log.error("printing a handover failed", exc_info=exc)
        self._say(self.tr("Printing failed: %1").replace("%1", str(exc)), "error")

    # ------------------------------------------------------------ archive, ack

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self._say(text, "error")

    def _find_archived(self) -> None:
        """Archived, confirmed through the work token after a reconnect: find the record."""
        draft, db = self.draft, self.ctx.db
        if draft is None:
            return
        r = draft.request

        def found(records: list[HandoverRecord]) -> None:
            if not shiboken6.isValid(self):
                return
            mine = [
                h
                for h in records
                if (h.shift_start, h.shift_end, h.generated_at)
                == (r.shift[0], r.shift[1], r.generated_at)
            ]
            if mine:
                self._archived(mine[0])

        self.ctx.worker.submit(
            lambda: handovers.list_handovers(db), found, self._archive_failed, "archived handover"
        )

    def _archived(self, record: HandoverRecord | None) -> None:
        if not shiboken6.isValid(self):
            return
        if record is None:
            self._find_archived()
            return
        if self.draft is not None:
            self.draft = replace(self.draft, archived=record)
        who = record.incoming_name or self.tr("the incoming officer")
        self._say(
            self.tr("Handed over to %1 and archived (SHA-256 %2…).")
            .replace("%1", who)
            .replace("%2", record.sha256[:HASH_SHOWN]),
            "ok",
        )
        self.archive_list.reload_selecting(record.id)
        self._update_actions()

    def _archive_failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        kept = self.tr("Nothing was archived; your instructions are kept.")
        if isinstance(exc, PermissionDeniedError):
            text = self.tr(
                "Your role may not archive handovers: ask a duty officer or the "
                "station director to do it."
            )
        elif isinstance(exc, HandoverError) and exc.code == "same_officer":
            text = self.tr("You cannot hand over to yourself: pick the incoming officer.")
        elif is_connection_error(exc):
            text = self.tr("The database cannot be reached; please try again shortly.")
        else:
            log.error("archiving the handover of %s failed", self._shift_of(), exc_info=exc)
            text = self.tr("The handover could not be archived: %1").replace("%1", str(exc))
        self._say(f"{text} {kept}", "error")
        self._update_actions()

    # ------------------------------------------------------------ incoming officers

    def _users_job(self) -> Callable[[], list[UserInfo]]:
        db = self.ctx.db
        return lambda: users.list_users(db)

    def _show_users(self, found: list[UserInfo]) -> None:
        me = self.ctx.actor.user_id
        # Only someone who may acknowledge (WRITE_HANDOVER) can take over the shift.
        officers = [
            u
            for u in found
            if u.active and u.id != me and Permission.WRITE_HANDOVER in permissions_of(u.roles)
        ]
        keep = self.incoming.currentData()
        self.incoming.blockSignals(True)
        while self.incoming.count() > 1:
            self.incoming.removeItem(1)
        for u in sorted(officers, key=lambda u: u.display_name):
            self.incoming.addItem(u.display_name, u.id)
        index = self.incoming.findData(keep) if keep is not None else 0
        self.incoming.setCurrentIndex(max(0, index))
        self.incoming.blockSignals(False)
        self._update_actions()

    # ------------------------------------------------------------ visibility

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._users_load.hold(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._users_load.hold(True)
