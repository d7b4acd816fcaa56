"""The audit trail viewer (station director and administrator): filter, page, export, verify.

Everything runs on the worker: opening the trail (checked and audited), the searches
(newest first, 500 at a time), the CSV export (itself audited) and the chain check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import audit, audit_queries
from stationdesk.data.audit_queries import PAGE_SIZE, AuditFilter, AuditRow
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.ui import audit_labels
from stationdesk.ui.context import AppContext
from stationdesk.ui.export_dialog import ProgressDialog
from stationdesk.ui.i18n import date_pattern, format_datetime

log = logging.getLogger(__name__)

_ANY_DATE = QDate(2000, 1, 1)  # shown as "any" (the date edits' special value)
ROW_HEIGHT = 26
_Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """Audit rows as loaded; cheap ``data()`` (the table repaints per visible cell)."""

    COLUMNS = (
        "at",
        "username",
        "workstation",
        "action",
        "object_table",
        "object_id",
        "outcome",
        "old_values",
        "new_values",
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []
        self._headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Workstation"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("ID"),
            self.tr("Outcome"),
            self.tr("Old values"),
            self.tr("New values"),
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, key)
            if key == "at":
                return format_datetime(value, seconds=True)
            if value is None:
                return ""
            text = self._shown(row, key, value)
            return text if len(text) <= 200 else text[:200] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and key in ("old_values", "new_values"):
            return audit_labels.values_text(getattr(row, key), row.object_table) or None
        if role == Qt.ItemDataRole.ToolTipRole and key in ("action", "object_table"):
            return getattr(row, key) or None  # the stored code, for the record
        if role == Qt.ItemDataRole.ForegroundRole and row.outcome != "ok":
            from PySide6.QtGui import QColor

            return QColor("#b3261e")
        return None

    @staticmethod
    def _shown(row: AuditRow, key: str, value: Any) -> str:
        if key == "action":
            return audit_labels.action_label(row.action)
        if key == "object_table":
            return audit_labels.object_label(row.object_table)
        if key == "outcome":
            return audit_labels.outcome_label(row.outcome)
        if key in ("old_values", "new_values"):
            return audit_labels.values_text(value, row.object_table)
        return str(value)

    def set_rows(self, rows: list[AuditRow], *, append: bool = False) -> None:
        if append:
            if not rows:
                return
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
            return
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()


PD = TypeVar("PD", bound=ProgressDialog)


class AuditTrailDialog(QDialog):
    """Search the audit trail; only for readers of the trail (director, administrator)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.allowed = False
        self.has_more = False
        self._generation = 0  # a newer search makes older answers stale
        self._busy_jobs = 0
        self.progress_dialog: ProgressDialog | None = None  # an export or chain check
        self.setObjectName("auditTrail")
        self.setWindowTitle(self.tr("Audit trail"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setMinimumSize(900, 520)

        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText(self.tr("any user"))
        self.user_edit.setAccessibleName(self.tr("User"))
        self.table_combo = QComboBox()
        self.table_combo.setAccessibleName(self.tr("Object"))
        self.table_combo.addItem(self.tr("any object"), "")
        self.table_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.object_id_edit = QLineEdit()
        self.object_id_edit.setPlaceholderText(self.tr("any ID"))
        self.object_id_edit.setValidator(QIntValidator(0, 2_000_000_000, self))
        self.object_id_edit.setMaximumWidth(110)
        self.object_id_edit.setAccessibleName(self.tr("Object ID"))
        self.since_edit = self._date_edit(self.tr("From"))
        self.until_edit = self._date_edit(self.tr("To"))
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        for edit in (self.user_edit, self.object_id_edit):
            edit.returnPressed.connect(self.search)

        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("User"), self.user_edit),
            (self.tr("Object"), self.table_combo),
            (self.tr("ID"), self.object_id_edit),
            (self.tr("From"), self.since_edit),
            (self.tr("To"), self.until_edit),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.search_button)
        filters.addStretch(1)

        self.model = AuditModel(self)
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        vertical = self.view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never per-row sizing
        vertical.setDefaultSectionSize(ROW_HEIGHT)
        vertical.hide()
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((150, 100, 120, 160, 110, 70, 80, 220)):
            self.view.setColumnWidth(column, width)

        self.status_label = QLabel()
        self.status_label.setObjectName("auditStatus")
        self.status_label.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Load older entries"))
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.verify_button = QPushButton(self.tr("Check the chain"))
        self.verify_button.setToolTip(
            self.tr("Recompute every entry's hash: shows the first entry that was changed.")
        )
        self.verify_button.clicked.connect(self.verify)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._set_enabled(False)
        self.status_label.setText(self.tr("Opening the audit trail…"))
        db, actor = ctx.db, ctx.actor
        self._run(lambda: _open_trail(db, actor), self._opened)

    # ------------------------------------------------------------------ building

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText(self.tr("any"))
        edit.setDate(_ANY_DATE)
        edit.setDisplayFormat(date_pattern())
        return edit

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.user_edit,
            self.table_combo,
            self.object_id_edit,
            self.since_edit,
            self.until_edit,
            self.search_button,
            self.export_button,
            self.verify_button,
        ):
            widget.setEnabled(enabled)
        self.more_button.setEnabled(enabled and self.has_more)

    # ------------------------------------------------------------------ worker

    def _run(
        self,
        job: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Submit ``job``; its answer is dropped if this dialog is gone by then."""

        def on_done(result: Any) -> None:
            if shiboken6.isValid(self):
                self._busy_jobs -= 1
                done(result)

        def on_error(exc: Exception) -> None:
            if shiboken6.isValid(self):
                self._busy_jobs -= 1
                (failed or self._failed)(exc)

        self._busy_jobs += 1
        self.ctx.worker.submit(job, on_done, on_error, what="audit trail")

    @property
    def busy(self) -> bool:
        return self._busy_jobs > 0

    def _opened(self, tables: list[str]) -> None:
        self.allowed = True
        for table in tables:
            self.table_combo.addItem(audit_labels.object_label(table), table)
        self._set_enabled(True)
        self.search()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, PermissionDeniedError):
            self.allowed = False
            self._set_enabled(False)
            self.status_label.setText(
                self.tr("Only the station director and the administrator may read the audit trail.")
            )
            return
        log.warning("audit trail: %s", exc, exc_info=exc)
        self._set_enabled(self.allowed)
        self.status_label.setText(
            self.tr("The audit trail could not be read: {error}").format(error=_first_line(exc))
        )

    # ------------------------------------------------------------------ filters

    def current_filter(self) -> AuditFilter:
        object_id = self.object_id_edit.text().strip()
        return AuditFilter(
            user=self.user_edit.text().strip() or None,
            table=str(self.table_combo.currentData() or "") or None,
            object_id=int(object_id) if object_id.isdigit() else None,
            since=_date_of(self.since_edit),
            until=_date_of(self.until_edit),
        )

    def search(self) -> None:
        """Load the newest matching entries (a fresh list)."""
        if not self.allowed:
            return
        self._load(after_id=None)

    def load_more(self) -> None:
        if self.allowed and self.model.rows:
            self._load(after_id=self.model.rows[-1].id)

    def _load(self, after_id: int | None) -> None:
        self._generation += 1
        generation = self._generation
        f = self.current_filter()
        db = self.ctx.db
        self.status_label.setText(self.tr("Loading…"))
        self.more_button.setEnabled(False)

        def job() -> list[AuditRow]:
            return audit_queries.search_audit(
                db, f.user, f.table, f.object_id, f.since, f.until, PAGE_SIZE, after_id
            )

        def done(rows: list[AuditRow]) -> None:
            if generation != self._generation:
                return
            self.model.set_rows(rows, append=after_id is not None)
            self.has_more = len(rows) == PAGE_SIZE
            self.more_button.setEnabled(self.has_more)
            self.status_label.setText(
                self.tr("{n} entries shown, newest first.").format(n=len(self.model.rows))
                + (" " + self.tr("Older entries: “Load older entries”.") if self.has_more else "")
            )

        self._run(job, done)

    # ------------------------------------------------------------------ export, verify

    def choose_export_file(self) -> None:
        suggested = Path.home() / f"audit-{date.today():%Y%m%d}.csv"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit trail"), str(suggested), self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> AuditExportDialog:
        """Write every entry matching the filters to ``path`` (audited), with progress."""
        dialog = AuditExportDialog(self.ctx, path, self.current_filter(), self)
        self.status_label.setText(self.tr("Exporting…"))

        def ended(outcome: object) -> None:
            if isinstance(outcome, int):
                self.status_label.setText(
                    self.tr("{n} entries exported to {file}.").format(n=outcome, file=path)
                )
            else:
                self.status_label.setText(dialog.outcome.text())

        return self._open_progress(dialog, ended)

    def verify(self) -> ChainCheckDialog:
        """Recompute the chain with progress; the result also shows under the list."""
        dialog = ChainCheckDialog(self.ctx, self.chain_text, self)
        self.status_label.setText(self.tr("Checking the chain…"))
        return self._open_progress(dialog, lambda _o: self.status_label.setText(dialog.result))

    def _open_progress(self, dialog: PD, ended: Callable[[object], None]) -> PD:
        self._set_enabled(False)
        self.progress_dialog = dialog

        def on_ended(outcome: object) -> None:
            if shiboken6.isValid(self):
                self._set_enabled(self.allowed)
                ended(outcome)

        def closed(_result: int) -> None:
            if self.progress_dialog is dialog:
                self.progress_dialog = None
            dialog.deleteLater()

        dialog.ended.connect(on_ended)
        dialog.finished.connect(closed)
        dialog.open()
        dialog.start()
        return dialog

    def chain_text(self, report: audit.ChainReport) -> str:
        if report.ok:
            text = self.tr("The chain is intact: {n} entries checked.").format(n=report.checked)
            if report.warning:
                text += " " + self.tr("Note: {warning}").format(warning=report.warning)
            return text
        return self.tr(
            "The chain is BROKEN at entry {id}: {reason}. Report this to the "
            "administrator; the entries before it are intact."
        ).format(id=report.first_broken_id, reason=report.reason)


class AuditExportDialog(ProgressDialog):
    """The audit trail's CSV export: entries done of total, Cancel leaves no file."""

    def __init__(
        self, ctx: AppContext, path: Path, f: AuditFilter, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            QCoreApplication.translate("AuditExportDialog", "Export the audit trail"),
            QCoreApplication.translate("AuditExportDialog", "Exporting to %1…").replace(
                "%1", path.name
            ),
            QCoreApplication.translate("AuditExportDialog", "%v of %m entries"),
            parent,
        )
        self._db, self._actor, self._path, self._filter = ctx.db, ctx.actor, path, f
        self.count: int | None = None

    def work(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
        try:
            return audit_queries.export_csv(
                self._db, self._actor, self._path, self._filter, progress, cancelled
            )
        except audit.Cancelled:
            return None

    def show_outcome(self, outcome: object) -> None:
        if outcome is None:
            self.show_cancelled(self.tr("Cancelled: no file was written."))
        elif isinstance(outcome, int):
            self.count = outcome
            self.show_done(
                self.tr("Saved %1 entries to %2.")
                .replace("%1", f"{outcome:,}")
                .replace("%2", str(self._path)),
                outcome,
            )
        else:
            assert isinstance(outcome, Exception)
            if isinstance(outcome, PermissionDeniedError):
                self.show_failure(
                    self.tr("Only the station director and the administrator may export it.")
                )
                return
            if not isinstance(outcome, OSError):
                log.error("exporting the audit trail failed", exc_info=outcome)
            self.show_failure(self.file_failure_text(outcome))


class ChainCheckDialog(ProgressDialog):
    """The chain check: entries checked of total, Cancel stops it (it writes nothing)."""

    def __init__(
        self,
        ctx: AppContext,
        describe: Callable[[audit.ChainReport], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("ChainCheckDialog", "Check the audit chain"),
            QCoreApplication.translate(
                "ChainCheckDialog", "Recomputing the hash of every entry, oldest first…"
            ),
            QCoreApplication.translate("ChainCheckDialog", "%v of %m entries"),
            parent,
        )
        self._db = ctx.db
        self._describe = describe
        self.report: audit.ChainReport | None = None
        self.result = ""  # the text shown at the end

    def work(self, progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
        try:
            return audit.verify_audit_trail(self._db, progress=progress, cancelled=cancelled)
        except audit.Cancelled:
            return None

    def show_outcome(self, outcome: object) -> None:
        if outcome is None:
            self.result = self.tr("Check cancelled: nothing was checked to the end.")
            self.show_cancelled(self.result)
        elif isinstance(outcome, audit.ChainReport):
            self.report = outcome
            self.result = self._describe(outcome)
            if outcome.ok:
                self.show_done(self.result, outcome.checked)
            else:
                self.show_failure(self.result)
        else:
            assert isinstance(outcome, Exception)
            log.warning("audit chain check failed: %s", outcome, exc_info=outcome)
            self.result = self.tr("The chain could not be checked: %1").replace(
                "%1", _first_line(outcome)
            )
            self.show_failure(self.result)


def _open_trail(db: Any, actor: Any) -> list[str]:
    """On the worker: check and record the opening, then the tables for the filter."""
    audit_queries.open_audit_trail(db, actor)
    return audit_queries.audit_tables(db)


def _date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == _ANY_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
