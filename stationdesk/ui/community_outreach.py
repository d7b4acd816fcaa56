"""The Outreach tab: log a "Five Prevention" event; events per topic and grid in the
period as a table and a bar chart (pyqtgraph, imported when the tab is first shown)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import community
from stationdesk.data.community import OutreachSummary
from stationdesk.data.uow import Change, PermissionDeniedError
from stationdesk.domain.community import OutreachDraft, Period
from stationdesk.domain.enums import OutreachTopic, Permission
from stationdesk.domain.validation import ValidationErrors
from stationdesk.ui.community_common import (
    ERROR_STYLE,
    GREY,
    INVALID_STYLE,
    MessageLine,
    colour,
    community_error_text,
    item,
    make_table,
)
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import datetime_pattern, format_datetime
from stationdesk.ui.intake_widgets import ReportedAtEdit, from_qdatetime, to_qdatetime
from stationdesk.ui.labels import label
from stationdesk.ui.reload import CoalescedLoad
from stationdesk.ui.save_runner import SaveRunner

if TYPE_CHECKING:
    from stationdesk.ui.charts import BarChart

log = logging.getLogger(__name__)

TABLES = frozenset({"outreach_event", "grid"})
TOPICS = tuple(OutreachTopic)
FIELDS = ("topic", "grid", "held_at", "attendees", "place")


class OutreachTab(QWidget):
    def __init__(
        self, ctx: AppContext, period: Callable[[], Period], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._period = period
        self.data: OutreachSummary | None = None
        self.chart: BarChart | None = None
        self._online = ctx.online
        # Saved through resilience.save: saved once, not saved, or unknown until the
        # connection is back; the typed event stays until it is saved.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_actions())
        self.runner.notice.connect(self._runner_notice)
        self._build_form()
        self.counts_table = make_table(
            [self.tr("Grid"), *(label(t) for t in TOPICS), self.tr("Total")]
        )
        self.counts_table.setSelectionMode(self.counts_table.SelectionMode.NoSelection)
        self.counts_table.horizontalHeader().setStretchLastSection(False)
        self.events_table = make_table(
            [
                self.tr("Time"),
                self.tr("Topic"),
                self.tr("Grid"),
                self.tr("Place"),
                self.tr("Attendance"),
            ],
            stretch=3,
        )
        self.summary = QLabel()
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.chart_box = QVBoxLayout()
        latest = QLabel(self.tr("Latest events in this period"))
        latest.setFont(bold)
        events = QVBoxLayout()
        events.addWidget(latest)
        events.addWidget(self.events_table, 1)
        lower = QHBoxLayout()
        lower.addLayout(self.chart_box, 2)
        lower.addLayout(events, 3)
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(self.counts_table, 3)
        right.addLayout(lower, 2)
        left = QVBoxLayout()
        left.addWidget(self.form_box)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.load: CoalescedLoad[OutreachSummary] = CoalescedLoad(
            ctx.worker, self._job, self._show, "outreach events", self
        )
        self._update_actions()

    def _build_form(self) -> None:
        self.form_box = QGroupBox(self.tr("Log an outreach event"))
        self.form_box.setFixedWidth(340)
        self.topic_combo = QComboBox()
        self.topic_combo.addItem("", None)
        for t in TOPICS:
            self.topic_combo.addItem(label(t), t)
        self.grid_combo = QComboBox()
        self.held_edit = ReportedAtEdit()
        self.held_edit.setDisplayFormat(datetime_pattern())
        self.held_edit.setCalendarPopup(True)
        self.held_edit.setDateTime(to_qdatetime(self.ctx.clock()))
        self.attendees_spin = QSpinBox()
        self.attendees_spin.setRange(-1, 100_000)
        self.attendees_spin.setSpecialValueText(" ")  # -1: not typed yet
        self.attendees_spin.setValue(-1)
        self.place_edit = QLineEdit()
        self.save_button = QPushButton(self.tr("Log event"))
        self.save_button.clicked.connect(self.save)
        self.form_message = MessageLine()
        self.inputs: dict[str, QWidget] = {
            "topic": self.topic_combo,
            "grid": self.grid_combo,
            "held_at": self.held_edit,
            "attendees": self.attendees_spin,
            "place": self.place_edit,
        }
        titles = {
            "topic": self.tr("Topic"),
            "grid": self.tr("Grid"),
            "held_at": self.tr("Held at"),
            "attendees": self.tr("Attendance"),
            "place": self.tr("Place"),
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

    def _job(self) -> Callable[[], OutreachSummary]:
        db, period = self.ctx.db, self._period()
        return lambda: community.outreach_summary(db, period)

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.chart is None:
            from stationdesk.ui import charts  # pyqtgraph: imported on first show only

            self.chart = charts.BarChart(
                self.tr("Events per topic"), horizontal=True, colour=charts.OKABE_ITO[1]
            )
            self.chart.setMinimumWidth(260)
            self.chart_box.addWidget(self.chart)
            if self.data is not None:
                self._draw_chart(self.data)

    def _show(self, data: OutreachSummary) -> None:
        if data.period != self._period():
            return
        self.data = data
        chosen = self.grid_combo.currentData()
        self.grid_combo.clear()
        self.grid_combo.addItem("", None)
        for gid, name in data.grids:
            self.grid_combo.addItem(name, gid)
        self.grid_combo.setCurrentIndex(max(self.grid_combo.findData(chosen), 0))
        self._fill_counts(data)
        self._fill_events(data)
        if self.chart is not None:
            self._draw_chart(data)
        self._update_actions()

    def _fill_counts(self, data: OutreachSummary) -> None:
        table = self.counts_table
        rows: list[tuple[str, int | None]] = [(name, gid) for gid, name in data.grids]
        if any(g is None for _t, g in data.events):
            rows.append((self.tr("(no grid)"), None))
        table.setRowCount(len(rows) + 1)
        for r, (name, gid) in enumerate(rows):
            table.setItem(r, 0, item(name))
            total = 0
            for c, topic in enumerate(TOPICS, start=1):
                n = data.events.get((topic, gid), 0)
                people = data.attendance.get((topic, gid), 0)
                total += n
                cell = item(str(n) if n else "·", align_right=True)
                if n:
                    cell.setToolTip(self.tr("%n attendee(s)", "", people))
                else:
                    colour(cell, GREY)
                table.setItem(r, c, cell)
            table.setItem(r, len(TOPICS) + 1, item(str(total), align_right=True))
        per_topic = data.per_topic()
        last = len(rows)
        table.setItem(last, 0, item(self.tr("All grids")))
        for c, topic in enumerate(TOPICS, start=1):
            table.setItem(last, c, item(str(per_topic[topic]), align_right=True))
        table.setItem(last, len(TOPICS) + 1, item(str(sum(per_topic.values())), align_right=True))
        for c in range(table.columnCount()):
            cell = table.item(last, c)
            font = cell.font()
            font.setBold(True)
            cell.setFont(font)
        people = sum(data.attendance.values())
        self.summary.setText(
            self.tr("%n event(s)", "", sum(per_topic.values()))
            + " — "
            + self.tr("%n attendee(s)", "", people)
        )

    def _fill_events(self, data: OutreachSummary) -> None:
        table = self.events_table
        table.setRowCount(len(data.recent))
        for r, e in enumerate(data.recent):
            table.setItem(r, 0, item(format_datetime(e.held_at)))
            table.setItem(r, 1, item(label(e.topic)))
            table.setItem(r, 2, item(e.grid_name))
            table.setItem(r, 3, item(e.place, e.place))
            table.setItem(r, 4, item(str(e.attendees), align_right=True))

    def _draw_chart(self, data: OutreachSummary) -> None:
        assert self.chart is not None
        per_topic = data.per_topic()
        self.chart.set_data([label(t) for t in TOPICS], [per_topic[t] for t in TOPICS])

    # ----------------------------------------------------------------- saving

    def draft(self) -> OutreachDraft:
        attendees = self.attendees_spin.value()
        return OutreachDraft(
            self.topic_combo.currentData(),
            self.grid_combo.currentData(),
            from_qdatetime(self.held_edit.dateTime()),
            None if attendees < 0 else attendees,
            self.place_edit.text(),
        )

    def error_text(self, field: str) -> str:
        label_ = self.errors[field]
        return label_.text() if label_.isVisibleTo(self) else ""

    def show_errors(self, errors: ValidationErrors) -> None:
        self._clear_errors()
        for key, err in errors.by_field().items():
            if key in self.inputs:
                self.errors[key].setText(community_error_text(err))
                self.errors[key].show()
                if not isinstance(self.inputs[key], QComboBox):
                    self.inputs[key].setStyleSheet(INVALID_STYLE)
        first = next((k for k in FIELDS if k in errors.by_field()), None)
        if first is not None:
            self.inputs[first].setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_errors(self) -> None:
        for key, error in self.errors.items():
            error.hide()
            self.inputs[key].setStyleSheet("")

    def save(self) -> None:
        if self.runner.busy or not self.save_button.isEnabled():
            return
        draft = self.draft()
        db, actor = self.ctx.db, self.ctx.actor

        def done(_eid: int | None) -> None:
            # None: confirmed through the work token after a reconnect -- logged once.
            if not shiboken6.isValid(self):
                return
            self._clear_errors()
            self.form_message.say(self.tr("Outreach event logged."), False)
            self.place_edit.clear()
            self.attendees_spin.setValue(-1)
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
                log.error("logging an outreach event failed", exc_info=exc)
                text = self.tr("The event could not be saved: %1").replace("%1", str(exc))
            self.form_message.say(text, True)

        self.runner.run(
            lambda: community.log_outreach(db, actor, draft),
            on_saved=done,
            on_error=failed,
            what="log outreach event",
        )
        self._update_actions()

    def _update_actions(self) -> None:
        allowed = self.ctx.actor.can(Permission.EDIT_COMMUNITY_WORK)
        self.save_button.setEnabled(self._online and allowed and not self.runner.busy)
        if not allowed:
            self.save_button.setToolTip(self.tr("Your role may not log community work."))
        elif not self._online:
            self.save_button.setToolTip(self.tr("Offline: the database cannot be reached."))
        elif self.runner.outcome_unknown:
            self.save_button.setToolTip(
                self.tr(
                    "Not known yet whether the last save went through; StationDesk checks "
                    "when the connection is back."
                )
            )
        else:
            self.save_button.setToolTip("")
