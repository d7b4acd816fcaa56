"""The Cases view: filter bar, the lazily paged case list and the selected case.

The duty officer's main screen. Keyboard first: Ctrl+F search, Ctrl+N new case,
F5 refresh, arrows move through the list, Enter goes to the case's actions and Esc
comes back to the list.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import case_queries, people
from stationdesk.data.cases import CaseDetail, CaseFilter
from stationdesk.data.people import GridInfo, StaffInfo
from stationdesk.data.uow import Change
from stationdesk.domain.enums import (
    CaseCategory,
    CaseStatus,
    Permission,
    Priority,
    Team,
)
from stationdesk.ui.case_detail import CaseDetailPanel
from stationdesk.ui.case_filters import CaseFilterBar
from stationdesk.ui.case_model import CASE_ID_ROLE, CaseListModel, Column
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label

if TYPE_CHECKING:  # the dialogs are imported when first opened (a faster start)
    from stationdesk.ui.deadline_settings import DeadlineSettingsDialog
    from stationdesk.ui.export_dialog import ExportDialog
    from stationdesk.ui.intake import IntakeDialog
    from stationdesk.ui.mediation_settings import MediationSettingsDialog

log = logging.getLogger(__name__)

SELECT_DEBOUNCE_MS = 120
OVERDUE_RECHECK_MS = 60_000
SPLITTER_KEY = "cases/splitter"
PEOPLE_TABLES = frozenset({"grid", "staff", "grid_staff"})
BANNER_STYLE = "background:#fbe3e3; color:#8b1a1a; border:1px solid #e0a0a0; padding:6px;"


class CasesView(QWidget):
    """Open, overdue and unassigned cases; the selected case on the right."""

    count_changed = Signal(int)  # cases matching the filter (for the status line)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._online = ctx.online
        self._grids: list[GridInfo] = []
        self._staff: list[StaffInfo] = []
        self._select_when_present: int | None = None
        self._people_loading = False
        self.intake_dialog: IntakeDialog | None = None
        self.export_dialog: ExportDialog | None = None
        self.deadlines_dialog: DeadlineSettingsDialog | None = None
        self.mediation_settings_dialog: MediationSettingsDialog | None = None
        self.model = CaseListModel(ctx, self)
        self._build()
        self._connect()
        self._apply_filter()  # the first page goes to the worker first: it is what is awaited
        self._load_people()
        self.set_online(ctx.online)

    # ----------------------------------------------------------------- build

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)

        head = QHBoxLayout()
        title = QLabel(self.tr("Cases"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        self.count_label = QLabel()
        self.loading_label = QLabel(self.tr("Loading…"))
        self.loading_label.setStyleSheet("color:#6b6b6b;")
        self.new_cases_button = QPushButton()
        self.new_cases_button.setFlat(True)
        self.new_cases_button.setStyleSheet("color:#0b57d0; text-decoration:underline;")
        self.new_cases_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_cases_button.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Load the list again (F5)"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Save the cases of this filter as an Excel workbook or a CSV file")
        )
        self.deadlines_button = QPushButton(self.tr("Deadlines…"))
        self.deadlines_button.setToolTip(
            self.tr("The station's response and resolution deadlines and the repeat window")
        )
        self.deadlines_button.setVisible(self._ctx.actor.can(Permission.MANAGE_STATION))
        self.mediation_settings_button = QPushButton(self.tr("Mediation…"))
        self.mediation_settings_button.setToolTip(
            self.tr("Follow-up visits after an agreement, the mediation period and its warning")
        )
        self.mediation_settings_button.setVisible(self._ctx.actor.can(Permission.MANAGE_STATION))
        self.new_button = QPushButton(self.tr("New case"))
        self.new_button.setToolTip(self.tr("Record a new report (Ctrl+N)"))
        self.new_button.setDefault(False)
        head.addWidget(title)
        head.addSpacing(12)
        head.addWidget(self.count_label)
        head.addWidget(self.loading_label)
        head.addWidget(self.new_cases_button)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        head.addWidget(self.deadlines_button)
        head.addWidget(self.mediation_settings_button)
        head.addWidget(self.export_button)
        head.addWidget(self.new_button)
        outer.addLayout(head)

        self.filters = CaseFilterBar()
        outer.addWidget(self.filters)
        # The bar's inputs, by the names the main window, benchmarks and tests use.
        f = self.filters
        self.search_edit, self.status_combo = f.search_edit, f.status_combo
        self.category_combo, self.priority_combo = f.category_combo, f.priority_combo
        self.grid_combo, self.owner_combo = f.grid_combo, f.owner_combo
        self.overdue_button, self.unassigned_button = f.overdue_button, f.unassigned_button
        self.repeat_button, self.clear_button = f.repeat_button, f.clear_button
        self.preset_buttons = f.preset_buttons

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        outer.addWidget(self.banner)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the detail
        vh = self.table.verticalHeader()
        vh.hide()
        # Fixed row height: per-row sizing costs seconds at 10k+ rows.
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The summary is the one column that may be cut: it goes last and takes the rest.
        header.moveSection(header.visualIndex(Column.SUMMARY), header.count() - 1)
        header.setSectionResizeMode(Column.SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(Column.REPORTED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the indicator drives CaseListModel.sort (SQL)
        self._size_columns()

        self.detail = CaseDetailPanel(self._ctx)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1040, 400])
        self._restore_splitter()
        outer.addWidget(self.splitter, 1)

        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)
        self._select_timer.setInterval(SELECT_DEBOUNCE_MS)
        self._overdue_timer = QTimer(self)
        self._overdue_timer.setInterval(OVERDUE_RECHECK_MS)
        self._overdue_timer.start()

    def _restore_splitter(self) -> None:
        from stationdesk.ui.app import app_settings  # per-user layout (QSettings)

        state = app_settings().value(SPLITTER_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)

    def _save_splitter(self) -> None:
        from stationdesk.ui.app import app_settings

        app_settings().setValue(SPLITTER_KEY, self.splitter.saveState())

    def _size_columns(self) -> None:
        """Widths from the text each column holds, in the language being shown."""
        fm = self.table.fontMetrics()
        pad = 28  # cell margins plus the sort arrow

        def width(samples: Iterable[str], column: Column, cap: int = 260) -> int:
            header = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            return min(cap, max(fm.horizontalAdvance(s) for s in [*samples, header]) + pad)

        widths = {
            Column.CASE_NO: width(["20240501-0001"], Column.CASE_NO),
            Column.REPORTED: width(["12-31 23:59"], Column.REPORTED),
            Column.CATEGORY: width([label(c) for c in CaseCategory], Column.CATEGORY, 140),
            Column.PRIORITY: width([label(p) for p in Priority], Column.PRIORITY),
            Column.STATUS: width([label(s) for s in CaseStatus], Column.STATUS),
            Column.GRID: width([g.name for g in self._grids] or ["某某社区"], Column.GRID, 160),
            # Officers' names are short; a team name may elide (the tooltip has it).
            Column.OWNER: width(["欧阳某某", label(Team.COMMAND_ROOM)], Column.OWNER, 110),
            Column.DUE: width(["12-31 23:59 "], Column.DUE),
        }
        for column, w in widths.items():
            self.table.setColumnWidth(column, w)
        if self.model.shows_full_dates:
            self._widen_dates()
        self.table.horizontalHeader().setMinimumSectionSize(40)

    def _widen_dates(self) -> None:
        """Some time carries its year: make room for it in both time columns."""
        fm = self.table.fontMetrics()
        wide = fm.horizontalAdvance("2024-12-31 23:59 ") + 28
        for column in (Column.REPORTED, Column.DUE):
            if self.table.columnWidth(column) < wide:
                self.table.setColumnWidth(column, wide)

    def _connect(self) -> None:
        m = self.model
        m.total_changed.connect(self._show_count)
        m.loading_changed.connect(self.loading_label.setVisible)
        m.new_cases_pending.connect(self._show_pending)
        m.load_failed.connect(self._show_load_failure)
        m.sort_changed.connect(self._show_sort)
        m.page_loaded.connect(self._after_page)
        m.full_dates_shown.connect(self._widen_dates)
        m.rowsInserted.connect(lambda *_a: self._after_page())
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(self._row_activated)
        self._select_timer.timeout.connect(self._show_current)
        self._overdue_timer.timeout.connect(m.recheck_overdue)
        self.filters.changed.connect(self._apply_filter)
        self.filters.search_entered.connect(self.table.setFocus)
        self.export_button.clicked.connect(self.export)
        self.deadlines_button.clicked.connect(self.edit_deadlines)
        self.mediation_settings_button.clicked.connect(self.edit_mediation_settings)
        self.splitter.splitterMoved.connect(lambda *_a: self._save_splitter())
        self.new_cases_button.clicked.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(self.new_case)
        self.detail.case_saved.connect(lambda case_id: self.model.refresh_cases([case_id]))
        self.detail.leave_requested.connect(self.table.setFocus)
        self.detail.open_case_requested.connect(self.open_case)
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_case),
            (QKeySequence.StandardKey.Find, self.filters.focus_search),
        ):  # F5 is the main window's Refresh action, which calls refresh()
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)

    # ---------------------------------------------------------------- public

    def refresh(self) -> None:
        """Load the list, its count, the people lists and the shown case again."""
        self.banner.hide()
        if not self.model.loading_first_page:  # just created: that load is current
            self.model.reload()
        self.detail.reload(keep_choices=True)
        if not self._people_loading:
            self._load_people()

    def apply_changes(self, changes: list[Change]) -> None:
        """Changes committed anywhere (this or another workstation)."""
        self.model.apply_changes(changes)
        self.detail.apply_changes(changes)
        if any(c.table in PEOPLE_TABLES for c in changes):
            self._load_people()

    def set_online(self, online: bool) -> None:
        """Offline: edits are blocked (with the reason in the tooltip), reading goes on."""
        self._online = online
        self.new_button.setEnabled(online)
        self.new_button.setToolTip(
            self.tr("Record a new report (Ctrl+N)") if online else self.tr(
                "Offline: the database cannot be reached, so new cases cannot be saved. "
                "The button comes back when the connection does.")
        )  # fmt: skip
        self.detail.set_online(online)
        if self.intake_dialog is not None:
            self.intake_dialog.set_online(online)

    def open_filtered(self, case_filter: CaseFilter) -> None:
        """Show the list narrowed as the Overview asks (overdue, a grid, a status...)."""
        self.filters.set_filter(case_filter)

    # The main window's open_cases() looks for this name.
    set_filter = open_filtered

    def clear_filters(self) -> None:
        self.filters.apply_preset("open")

    def current_filter(self) -> tuple[CaseFilter, bool]:
        """The filter the widgets describe, and whether only repeat reports are wanted."""
        return self.filters.current_filter()

    def open_case(self, case_id: int) -> None:
        """Show a case (a linked report clicked in the timeline), selected if listed."""
        if not self.select_case(case_id):
            self.table.clearSelection()
            self.detail.show_case(case_id)

    def edit_deadlines(self) -> DeadlineSettingsDialog:
        """The station's deadlines and repeat window (administrators)."""
        from stationdesk.ui.deadline_settings import DeadlineSettingsDialog

        dialog = DeadlineSettingsDialog(self._ctx, self)
        self.deadlines_dialog = dialog

        def closed(_result: int) -> None:
            if self.deadlines_dialog is dialog:
                self.deadlines_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def edit_mediation_settings(self) -> MediationSettingsDialog:
        """Follow-up days, mediation period and warning (administrators)."""
        from stationdesk.ui.mediation_settings import MediationSettingsDialog

        dialog = MediationSettingsDialog(self._ctx, self)
        self.mediation_settings_dialog = dialog

        def closed(_result: int) -> None:
            if self.mediation_settings_dialog is dialog:
                self.mediation_settings_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def export(self) -> None:
        """Ask where to save the cases of the current filter, then export them."""
        from PySide6.QtWidgets import QFileDialog

        xlsx, csv = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV, UTF-8 (*.csv)")
        name = self.tr("cases-%1").replace("%1", self._ctx.clock().strftime("%Y%m%d-%H%M"))
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export cases"), name + ".xlsx", f"{xlsx};;{csv}"
        )
        if path:
            fmt = "csv" if chosen == csv or path.lower().endswith(".csv") else "xlsx"
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str) -> ExportDialog:
        """Export the current filter and sort to ``path`` with a progress dialog."""
        if not path.suffix:
            path = path.with_suffix(f".{fmt}")
        case_filter, repeat_only = self.current_filter()
        if repeat_only:
            case_filter = replace(case_filter, repeat_only=True)
        from stationdesk.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self._ctx, path, fmt, case_filter, self.model.case_sort, self)
        self.export_dialog = dialog

        def closed(_result: int) -> None:
            if self.export_dialog is dialog:
                self.export_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        dialog.start()
        return dialog

    def new_case(self) -> None:
        """Open the intake dialog (Ctrl+N)."""
        if not self._online:
            return
        if self.intake_dialog is not None:
            self.intake_dialog.raise_()
            self.intake_dialog.activateWindow()
            return
        from stationdesk.ui.intake import IntakeDialog

        dialog = IntakeDialog(self._ctx, self._grids, self)
        self.intake_dialog = dialog
        dialog.created.connect(self._case_created)

        def closed(_result: int) -> None:
            if self.intake_dialog is dialog:
                self.intake_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        dialog.activateWindow()  # the keyboard goes to the dialog at once

    def select_case(self, case_id: int) -> bool:
        """Select a case's row if it is loaded; True when it was."""
        row = self.model.row_of_case(case_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    # --------------------------------------------------------------- filters

    def _apply_filter(self) -> None:
        self._select_when_present = None
        case_filter, repeat_only = self.filters.current_filter()
        self.model.set_filter(case_filter, repeat_only)

    # ------------------------------------------------------------ people data

    def _load_people(self) -> None:
        def done(result: tuple[list[GridInfo], list[StaffInfo], frozenset[int]]) -> None:
            if shiboken6.isValid(self):
                self._people_loading = False
                self._people_loaded(*result)

        def failed(exc: Exception) -> None:
            if shiboken6.isValid(self):
                self._people_loading = False
                log.warning("grids and staff not loaded: %s", exc, exc_info=exc)

        self._people_loading = True
        db, user_id = self._ctx.db, self._ctx.actor.user_id
        self._ctx.worker.submit(
            lambda: (
                people.list_grids(db),
                people.list_staff(db),
                case_queries.my_grid_ids(db, user_id),
            ),
            done,
            failed,
            "cases view: grids and staff",
        )

    def _people_loaded(
        self, grids: list[GridInfo], staff: list[StaffInfo], my_grids: frozenset[int]
    ) -> None:
        self._grids, self._staff = grids, staff
        self.filters.set_people(grids, staff, my_grids)
        self.detail.set_people(staff, grids)
        if self.intake_dialog is not None:
            self.intake_dialog.set_grids(grids)
        self._size_columns()

    # ------------------------------------------------------------ list events

    def _show_count(self, total: int) -> None:
        self.count_label.setText(
            self.tr("1 case") if total == 1 else self.tr("%1 cases").replace("%1", f"{total:,}")
        )
        self.count_changed.emit(total)

    def _show_pending(self, n: int) -> None:
        self.new_cases_button.setText(self.tr("%1 new case(s) — refresh").replace("%1", str(n)))
        self.new_cases_button.setToolTip(self.tr("New cases arrived; F5 shows them in order"))
        self.new_cases_button.setVisible(n > 0)

    def _show_load_failure(self, reason: str) -> None:
        self.banner.setText(
            self.tr("The case list could not be loaded: %1. Press F5 to try again.").replace(
                "%1", reason
            )
        )
        self.banner.show()

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if header.sortIndicatorSection() != column or header.sortIndicatorOrder() != order:
            header.blockSignals(True)
            header.setSortIndicator(column, order)
            header.blockSignals(False)
            header.viewport().update()

    def _after_page(self) -> None:
        self.banner.hide()
        wanted = self._select_when_present
        if wanted is not None and self.select_case(wanted):
            self._select_when_present = None
            return
        shown = self.detail.case_id
        if shown is not None and not self.table.selectionModel().hasSelection():
            row = self.model.row_of_case(shown)
            if row is not None:
                # Re-mark the shown case after a re-sort without reloading the panel.
                self.table.selectionModel().blockSignals(True)
                self.select_case(shown)
                self.table.selectionModel().blockSignals(False)
                self.table.viewport().update()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._select_timer.start()

    def _show_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.detail.show_case(int(self.model.data(index, CASE_ID_ROLE)))

    def _row_activated(self, _index: QModelIndex) -> None:
        if self._select_timer.isActive():
            self._select_timer.stop()
            self._show_current()
        self.detail.focus_detail()

    def _case_created(self, detail: CaseDetail) -> None:
        self._select_when_present = detail.id
        self.detail.show_case(detail.id)
        self.model.show_new_case(detail.id)
