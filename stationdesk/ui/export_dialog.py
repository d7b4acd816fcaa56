"""Long jobs with a progress bar, Cancel and the result (ProgressDialog), and the
case list's export on it (the audit trail's export and chain check use it too).

The export runs on its own thread (not the database worker, so the list and the
detail stay responsive during a long export) and reports progress by signal. Cancel
stops it between batches and leaves no file behind; closing the dialog while it
runs cancels first.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import case_export
from stationdesk.data.case_export import COLUMNS, ExportResult, ExportText
from stationdesk.data.cases import CaseFilter, CaseSort
from stationdesk.domain.enums import CaseCategory, CaseStatus, PartyRole, Priority, Team
from stationdesk.ui.case_style import ERROR_STYLE
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label

log = logging.getLogger(__name__)


class ProgressDialog(QDialog):
    """A long job on its own thread: rows done of total, Cancel, then the outcome.

    The job runs on its own thread (not the database worker, so the window stays
    responsive) and reports ``progress(done, total)`` by signal; ``cancelled()`` turns
    true after Cancel and the job stops between batches. Subclasses say what runs
    (:meth:`work`) and what the outcome means (:meth:`show_outcome`).
    """

    progressed = Signal(int, int)  # done, total (emitted from the job's thread)
    _ended = Signal(object)  # the job's result or the exception
    ended = Signal(object)  # the same, once the dialog shows it

    def __init__(
        self, title: str, text: str, bar_format: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: Exception | None = None
        self.setWindowTitle(title)
        self.setMinimumSize(460, 160)
        lay = QVBoxLayout(self)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        lay.addWidget(self.text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first batch says how many
        self.bar.setFormat(bar_format)
        lay.addWidget(self.bar)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.hide()
        lay.addWidget(self.outcome)
        self.buttons = QDialogButtonBox()
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
        )
        self.close_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Close
        )
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        lay.addWidget(self.buttons)
        self.progressed.connect(self._show_progress)
        self._ended.connect(self._finish)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def work(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
        """The job (on its own thread: no widgets here)."""
        raise NotImplementedError

    def start(self) -> None:
        def run() -> None:
            try:
                outcome: object = self.work(self.progressed.emit, self._cancel.is_set)
            except Exception as exc:
                outcome = exc
            self._ended.emit(outcome)

        self._thread = threading.Thread(target=run, name="stationdesk-progress", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stop after the current batch; the dialog closes when the job has stopped."""
        if not self.running:
            self.reject()
            return
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.text.setText(QCoreApplication.translate("ProgressDialog", "Cancelling…"))

    def reject(self) -> None:  # Esc, Cancel or the close button
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def _show_progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self):
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _finish(self, outcome: object) -> None:
        if not shiboken6.isValid(self):
            return
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.text.hide()
        self.outcome.show()
        if isinstance(outcome, Exception):
            self.error = outcome
        self.show_outcome(outcome)
        self.ended.emit(outcome)

    # What the subclasses show --------------------------------------------------

    def show_outcome(self, outcome: object) -> None:
        raise NotImplementedError

    def show_cancelled(self, text: str) -> None:
        self.outcome.setText(text)
        self.bar.hide()

    def show_done(self, text: str, rows: int) -> None:
        self.bar.setRange(0, max(rows, 1))
        self.bar.setValue(rows)
        self.outcome.setText(text)

    def show_failure(self, text: str) -> None:
        self.bar.hide()
        self.outcome.setStyleSheet(ERROR_STYLE)
        self.outcome.setText(text)

    def file_failure_text(self, exc: Exception) -> str:
        """The message for an export that failed (a file that could not be written)."""
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            return QCoreApplication.translate(
                "ProgressDialog",
                "The file could not be written: %1. Choose another folder and try again.",
            ).replace("%1", reason)
        return QCoreApplication.translate("ProgressDialog", "The export failed: %1").replace(
            "%1", str(exc) or type(exc).__name__
        )


class ExportDialog(ProgressDialog):
    """Runs one case export; :attr:`result` holds its outcome when done."""

    def __init__(
        self,
        ctx: AppContext,
        path: Path,
        fmt: str,
        case_filter: CaseFilter,
        sort: CaseSort,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ExportDialog", "Export cases"),
            QCoreApplication.translate("ExportDialog", "Exporting to %1…").replace("%1", path.name),
            QCoreApplication.translate("ExportDialog", "%v of %m cases"),
            parent,
        )
        self._ctx = ctx
        self._path, self._fmt = path, fmt
        self._filter, self._sort = case_filter, sort
        self.result: ExportResult | None = None

    def start(self) -> None:
        self._words = self._text()  # translated here, on the UI thread
        super().start()

    def work(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
        return case_export.export_cases(
            self._ctx.db, self._ctx.actor, self._path, self._filter, self._sort, self._fmt,
            self._words, progress=progress, cancelled=cancelled,
        )  # fmt: skip

    def _text(self) -> ExportText:
        """The file's words, translated here on the UI thread."""
        headers = {
            "case_no": self.tr("Case no."),
            "reported_at": self.tr("Reported"),
            "category": self.tr("Category"),
            "priority": self.tr("Priority"),
            "status": self.tr("Status"),
            "grid": self.tr("Grid"),
            "owner": self.tr("Owner"),
            "summary": self.tr("Summary"),
            "address": self.tr("Address"),
            "resolution_due": self.tr("Resolution due"),
            "overdue": self.tr("Overdue"),
            "repeat": self.tr("Repeat report"),
            "parties": self.tr("Parties (ID and phone masked)"),
        }
        assert set(headers) == set(COLUMNS)
        labels = {
            v: label(v)
            for kind in (CaseCategory, CaseStatus, Priority, PartyRole, Team)
            for v in kind
        }
        teams = {t.value: label(t) for t in Team}
        return ExportText(
            headers=headers,
            label=lambda v: labels.get(v, "") if v is not None else "",
            owner=lambda owner: teams.get(owner, owner),
            yes=self.tr("yes"),
            no="",
            sheet_title=self.tr("Cases"),
        )

    def show_outcome(self, outcome: object) -> None:
        if isinstance(outcome, ExportResult):
            self.result = outcome
            if outcome.cancelled:
                self.show_cancelled(self.tr("Cancelled: no file was written."))
                return
            self.show_done(
                self.tr("Saved %1 cases to %2.")
                .replace("%1", f"{outcome.rows:,}")
                .replace("%2", str(outcome.path)),
                outcome.rows,
            )
            return
        assert isinstance(outcome, Exception)
        if not isinstance(outcome, OSError):
            log.error("exporting cases to %s failed", self._path, exc_info=outcome)
        self.show_failure(self.file_failure_text(outcome))
