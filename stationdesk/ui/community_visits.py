"""The Visits tab: log a household visit, progress per grid and officer against the
targets of the period, the period's visits page by page; the targets are edited in
visit_targets.TargetsDialog."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import community, grids
from stationdesk.data.community import VisitInfo, VisitProgress, VisitTargets
from stationdesk.data.database import Database
from stationdesk.data.grids import GridRecord, StaffChoice
from stationdesk.data.uow import Change, PermissionDeniedError
from stationdesk.domain.community import Period, VisitDraft
from stationdesk.domain.enums import Permission
from stationdesk.domain.validation import ValidationErrors
from stationdesk.ui.community_common import (
    AMBER,
    ERROR_STYLE,
    GREEN,
    INVALID_STYLE,
    RED,
    MessageLine,
    colour,
    community_error_text,
    item,
    make_table,
)
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import datetime_pattern, format_datetime
from stationdesk.ui.intake_widgets import (
    ReportedAtEdit,
    from_qdatetime,
    make_searchable,
    to_qdatetime,
)
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner
from stationdesk.ui.visit_targets import TargetsDialog

log = logging.getLogger(__name__)

TABLES = frozenset({"household_visit", "grid", "grid_staff", "staff", "station_setting"})
DATETIME_DISPLAY = datetime_pattern()
FIELDS = ("grid", "officer", "visited_at", "household", "address", "purpose", "notes")


@dataclass(frozen=True)
class VisitsData:
    period: Period
    targets: VisitTargets
    progress: VisitProgress
    visits: tuple[VisitInfo, ...]
    grids: tuple[GridRecord, ...]
    staff: tuple[StaffChoice, ...]


def load_visits(db: Database, period: Period, page: int = community.VISIT_PAGE) -> VisitsData:
    return VisitsData(
        period,
        community.visit_targets(db),
        community.visit_progress(db, period),
        tuple(community.recent_visits(db, period, limit=page)),
        tuple(grids.grid_registry(db)),
        tuple(grids.assignable_staff(db)),
    )


class VisitsTab(QWidget):
    targets_loaded = Signal(object)  # the station's target PeriodKind

    def __init__(
        self, ctx: AppContext, period: Callable[[], Period], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._period = period
        self.data: VisitsData | None = None
        self.visits: list[VisitInfo] = []
        self._online = ctx.online
        # Visits and targets are saved through resilience.save: saved once, not saved, or
        # unknown until the connection is back; the typed visit stays until it is saved.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self._more_loading = False
        self._build_form()

        self.grid_table = make_table(
            [self.tr("Grid"), self.tr("Officer"), self.tr("Visits"), self.tr("Target"), "%"],
            stretch=1,
        )
        self.officer_table = make_table(
            [self.tr("Officer"), self.tr("Grids"), self.tr("Visits"), self.tr("Target"), "%"],
            stretch=1,
        )
        self.visit_table = make_table(
            [
                self.tr("Time"),
                self.tr("Grid"),
                self.tr("Officer"),
                self.tr("Household"),
                self.tr("Address"),
                self.tr("Purpose"),
            ],
            stretch=5,
        )
        self.totals = QLabel()
        self.targets_button = QPushButton(self.tr("Targets…"))
        self.targets_button.clicked.connect(self.edit_targets)
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.clicked.connect(self.load_more)
        self.more_button.hide()

        head = QHBoxLayout()
        head.addWidget(self.totals, 1)
        head.addWidget(self.targets_button)
        tables = QHBoxLayout()
        tables.addWidget(self._titled(self.tr("Progress per grid"), self.grid_table))
        tables.addWidget(self._titled(self.tr("Progress per officer"), self.officer_table))
        right = QVBoxLayout()
        right.addLayout(head)
        right.addLayout(tables, 3)
        right.addWidget(self._titled(self.tr("Visits in this period"), self.visit_table), 2)
        right.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QVBoxLayout()
        left.addWidget(self.form_box)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)

        self.load: CoalescedLoad[VisitsData] = CoalescedLoad(
            ctx.worker, self._job, self._show, "household visits", self
        )
        self._update_actions()

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        v.addWidget(heading)
        v.addWidget(widget, 1)
        return box

    def _build_form(self) -> None:
        self.form_box = QGroupBox(self.tr("Log a household visit"))
        self.form_box.setFixedWidth(360)
        self.grid_combo = QComboBox()
        make_searchable(self.grid_combo)
        self.grid_combo.activated.connect(lambda _i: self._grid_chosen())
        self.officer_combo = QComboBox()
        make_searchable(self.officer_combo)
        self.visited_edit = ReportedAtEdit()
        self.visited_edit.setDisplayFormat(DATETIME_DISPLAY)
        self.visited_edit.setCalendarPopup(True)
        self.visited_edit.setDateTime(to_qdatetime(self.ctx.clock()))
        self.household_edit = QLineEdit()
        self.household_edit.setPlaceholderText(self.tr("e.g. the Wang family"))
        self.address_edit = QLineEdit()
        self.purpose_combo = QComboBox()
        self.purpose_combo.setEditable(True)
        self.purpose_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.purpose_combo.addItems(
            [
                "",
                self.tr("Fraud prevention advice"),
                self.tr("Check on elderly residents living alone"),
                self.tr("Verify resident registration"),
                self.tr("Look for brewing disputes"),
                self.tr("Hand out safety leaflets"),
                self.tr("Register rented housing"),
                self.tr("Follow-up after mediation"),
            ]
        )
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.save_button = QPushButton(self.tr("Log visit"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.form_message = MessageLine()
        self.inputs: dict[str, QWidget] = {
            "grid": self.grid_combo,
            "officer": self.officer_combo,
            "visited_at": self.visited_edit,
            "household": self.household_edit,
            "address": self.address_edit,
            "purpose": self.purpose_combo,
            "notes": self.notes_edit,
        }
        titles = {
            "grid": self.tr("Grid"),
            "officer": self.tr("Officer"),
            "visited_at": self.tr("Visited at"),
            "household": self.tr("Household"),
            "address": self.tr("Address"),
            "purpose": self.tr("Purpose"),
            "notes": self.tr("Notes"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self.form_box)
        for key in FIELDS:
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(self.inputs[key])
            column.addWidget(error)
            form.addRow(titles[key], column)
        form.addRow(self.save_button)
        form.addRow(self.form_message)

    # ---------------------------------------------------------------- loading

    def _job(self) -> Callable[[], VisitsData]:
        db, period = self.ctx.db, self._period()
        return lambda: load_visits(db, period)

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.table in TABLES for c in changes):
            self.load.request()

    def set_online(self, online: bool) -> None:
        self._online = online
        self.runner.set_online(online)
        self._update_actions()

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self.form_message.say(text, True, keep=kind == "unknown")

    def _show(self, data: VisitsData) -> None:
        if data.period != self._period():
            return  # an older period's answer; the current one is on its way
        first = self.data is None
        self.data = data
        self._fill_choices(data, keep=not first)
        self._fill_progress(data)
        self.visits = list(data.visits)
        self._fill_visits()
        self._update_actions()
        self.targets_loaded.emit(data.targets.period)

    def _fill_choices(self, data: VisitsData, keep: bool) -> None:
        grid_text = self.grid_combo.currentText() if keep else ""
        officer_id = self.officer_combo.currentData() if keep else None
        self.grid_combo.clear()
        for g in data.grids:
            self.grid_combo.addItem(g.name, g.id)
        self.grid_combo.setCurrentIndex(-1)
        self.grid_combo.setEditText(grid_text)
        self.officer_combo.clear()
        for s in data.staff:
            self.officer_combo.addItem(f"{s.name} ({label(s.kind)})", s.id)
        self.officer_combo.setCurrentIndex(self.officer_combo.findData(officer_id))

    def _grid_chosen(self) -> None:
        """Picking a grid proposes its responsible officer (still changeable)."""
        if self.data is None:
            return
        gid = self._grid_id()
        grid = next((g for g in self.data.grids if g.id == gid), None)
        if grid is not None and grid.officer_id is not None:
            index = self.officer_combo.findData(grid.officer_id)
            if index >= 0:
                self.officer_combo.setCurrentIndex(index)

    def _fill_progress(self, data: VisitsData) -> None:
        pace = data.period.elapsed_share(self.ctx.clock().date())
        sep = self.tr(", ")
        for table, rows in ((self.grid_table, data.progress.grids),
                            (self.officer_table, data.progress.officers)):  # fmt: skip
            table.setRowCount(len(rows))
            for r, p in enumerate(rows):
                share = item(f"{p.share:.0%}" if p.target else "—", align_right=True)
                if p.target and p.done >= p.target:
                    colour(share, GREEN)
                elif p.target and p.share < pace * 0.8:
                    colour(share, RED if p.share < pace * 0.5 else AMBER)
                    share.setToolTip(
                        self.tr("Behind: %1 of the period has passed").replace("%1", f"{pace:.0%}")
                    )
                related = sep.join(p.related)
                table.setItem(r, 0, item(p.name))
                table.setItem(r, 1, item(related or "—", related))
                table.setItem(r, 2, item(str(p.done), align_right=True))
                table.setItem(r, 3, item(str(p.target) if p.target else "—", align_right=True))
                table.setItem(r, 4, share)
        progress = data.progress
        self.totals.setText(
            self.tr("%1 of %2 visits done (target period: %3)")
            .replace("%1", str(progress.done))
            .replace("%2", str(progress.target))
            .replace("%3", label(data.targets.period))
        )

    def _fill_visits(self) -> None:
        table = self.visit_table
        table.setRowCount(len(self.visits))
        for r, v in enumerate(self.visits):
            purpose = item(v.purpose, "\n".join(x for x in (v.purpose, v.notes) if x))
            table.setItem(r, 0, item(format_datetime(v.visited_at)))
            table.setItem(r, 1, item(v.grid_name))
            table.setItem(r, 2, item(v.officer_name))
            table.setItem(r, 3, item(v.household))
            table.setItem(r, 4, item(v.address, v.address))
            table.setItem(r, 5, purpose)
        full_page = len(self.visits) % community.VISIT_PAGE == 0 and bool(self.visits)
        self.more_button.setVisible(full_page)

    def load_more(self) -> None:
        """The next page of the period's visits (keyset paging on time and id)."""
        if not self.visits or self._more_loading:
            return
        last = self.visits[-1]
        db, period, after = self.ctx.db, self._period(), (last.visited_at, last.id)
        self._more_loading = True

        def done(page: list[VisitInfo]) -> None:
            self._more_loading = False
            if period != self._period():
                return
            self.visits += page
            self._fill_visits()
            if len(page) < community.VISIT_PAGE:
                self.more_button.hide()

        def failed(exc: Exception) -> None:
            self._more_loading = False
            self.ctx.worker.failed.emit("household visits", exc)

        self.ctx.worker.submit(
            lambda: community.recent_visits(db, period, after=after),
            done,
            failed,
            "more household visits",
        )

    # ----------------------------------------------------------------- saving

    def _grid_id(self) -> int | None:
        text = self.grid_combo.currentText().strip()
        if not text:
            return None
        index = self.grid_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return int(self.grid_combo.itemData(index)) if index >= 0 else -1

    def _officer_id(self) -> int | None:
        text = self.officer_combo.currentText().strip()
        if not text:
            return None
        index = self.officer_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return int(self.officer_combo.itemData(index)) if index >= 0 else -1

    def draft(self) -> VisitDraft:
        return VisitDraft(
            self._grid_id(),
            self._officer_id(),
            from_qdatetime(self.visited_edit.dateTime()),
            self.household_edit.text(),
            self.address_edit.text(),
            self.purpose_combo.currentText(),
            self.notes_edit.toPlainText(),
        )

    def error_text(self, field: str) -> str:
        label_ = self.errors[field]
        return label_.text() if label_.isVisibleTo(self) else ""

    def show_errors(self, errors: ValidationErrors) -> None:
        self._clear_errors()
        first: QWidget | None = None
        for key, err in errors.by_field().items():
            if key not in self.inputs:
                continue
            self.errors[key].setText(community_error_text(err))
            self.errors[key].show()
            if not isinstance(self.inputs[key], QComboBox):  # a style would hide the arrow
                self.inputs[key].setStyleSheet(INVALID_STYLE)
            first = first or self.inputs[key]
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_errors(self) -> None:
        for key, error in self.errors.items():
            error.hide()
            self.inputs[key].setStyleSheet("")

    def save(self) -> None:
        """Log the visit; bad fields are marked and what was typed stays."""
        if self.runner.busy or not self.save_button.isEnabled():
            return
        draft = self.draft()
        db, actor = self.ctx.db, self.ctx.actor

        def done(_vid: int | None) -> None:
            # None: confirmed through the work token after a reconnect -- logged once.
            if not shiboken6.isValid(self):
                return
            self._clear_errors()
            self.form_message.say(
                self.tr("Visit to %1 logged.").replace("%1", draft.household.strip()), False
            )
            for edit in (self.household_edit, self.address_edit):
                edit.clear()
            self.notes_edit.clear()
            self._update_actions()
            self.load.load_now()

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            self._update_actions()
            if isinstance(exc, ValidationErrors):
                self.show_errors(exc)
                return
            if isinstance(exc, PermissionDeniedError):
                text = self.tr("Your role may not log community work.")
            else:
                log.error("logging a household visit failed", exc_info=exc)
                text = self.tr("The visit could not be saved: %1").replace("%1", str(exc))
            self.form_message.say(text, True)

        self.runner.run(
            lambda: community.log_visit(db, actor, draft),
            on_saved=done,
            on_error=failed,
            what="log household visit",
        )
        self._update_actions()

    def _update_actions(self) -> None:
        allowed = self.ctx.actor.can(Permission.EDIT_COMMUNITY_WORK)
        self.save_button.setEnabled(self._online and allowed and not self.runner.busy)
        self.save_button.setToolTip(
            ""
            if allowed and self._online and not self.runner.outcome_unknown
            else self.tr("Your role may not log community work.")
            if not allowed
            else self.tr("Offline: the database cannot be reached.")
            if not self._online
            else self.tr(
                "Not known yet whether the last save went through; StationDesk checks when "
                "the connection is back."
            )
        )
        admin = self.ctx.actor.can(Permission.MANAGE_STATION)
        self.targets_button.setVisible(admin)
        self.targets_button.setEnabled(
            admin and self._online and self.data is not None and not self.runner.busy
        )

    # ---------------------------------------------------------------- targets

    def edit_targets(self) -> None:
        if self.data is None:
            return
        dialog = TargetsDialog(self.data.targets, self.data.grids, self)
        dialog.accepted.connect(lambda: self._save_targets(dialog.targets()))
        dialog.open()

    def _save_targets(self, targets: VisitTargets) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def failed(exc: Exception) -> None:
            if isinstance(exc, ValidationErrors):
                text = "; ".join(community_error_text(e) for e in exc.errors)
            else:
                log.error("saving visit targets failed", exc_info=exc)
                text = str(exc)
            self.form_message.say(
                self.tr("The targets were not saved: %1").replace("%1", text), True
            )

        self.runner.run(
            lambda: community.set_visit_targets(db, actor, targets),
            on_saved=lambda _none: self.load.load_now() if shiboken6.isValid(self) else None,
            on_error=failed,
            what="visit targets",
        )
