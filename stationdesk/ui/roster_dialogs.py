"""Roster dialogs: generate shifts from a rotation template, and the roster rules.

Generation: pick a template and a period, look at the shifts it gives and the rules they
break, then save them all in one transaction (or none, if a double booking appeared in
the meantime). Rules: minimum rest, weekly hours, crew size and the check-in grace time,
for an administrator, like the case deadlines.
"""

from __future__ import annotations

from datetime import date, timedelta

import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import roster_settings, roster_templates
from stationdesk.data.patrols import DoubleBookingError
from stationdesk.data.roster_templates import GenerationPreview, TemplateInfo
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.domain.scheduling import RosterRules
from stationdesk.ui import theme
from stationdesk.ui.case_style import ERROR_STYLE
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import (
    date_pattern,
    format_day,
    format_day_time,
    format_time_range,
)
from stationdesk.ui.save_runner import CloseGuard, SaveRunner
from stationdesk.ui.week_board_model import ERROR_BG, WARNING_BG, WEEKDAYS, RosterWords
from stationdesk.ui.week_board_model import tr as board_tr

PREVIEW_COLUMNS = 6


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class GenerationDialog(CloseGuard, QDialog):
    """Template + period → preview with rule warnings → one all-or-nothing save."""

    def __init__(self, ctx: AppContext, monday: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: GenerationPreview | None = None
        self.saved_ids: list[int] = []
        # Saved through resilience.save: all shifts once, or none, or unknown until the
        # connection is back -- the dialog stays with its choice and says which.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(self._runner_busy)
        self.runner.notice.connect(self._runner_notice)
        self.setWindowTitle(self.tr("Generate shifts from a rotation"))
        self.setMinimumSize(820, 560)
        self.template_box = QComboBox()
        self.template_box.setAccessibleName(self.tr("Rotation template"))
        self.first_day = QDateEdit(_qdate(monday))
        self.last_day = QDateEdit(_qdate(monday + timedelta(days=27)))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())
            edit.dateChanged.connect(lambda _d: self.load_preview())
        self.template_box.currentIndexChanged.connect(lambda _i: self.load_preview())
        form = QFormLayout()
        form.addRow(self.tr("Template"), self.template_box)
        period = QHBoxLayout()
        period.addWidget(self.first_day)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.last_day)
        period.addStretch(1)
        form.addRow(self.tr("Period"), period)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, PREVIEW_COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Time"),
                self.tr("Route"),
                self.tr("Grids"),
                self.tr("Crew"),
                self.tr("Rule check"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for col in range(PREVIEW_COLUMNS - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PREVIEW_COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save all shifts"))
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self._templates: list[TemplateInfo] = []
        self._load_templates()

    # ------------------------------------------------------------------ loading

    def _load_templates(self) -> None:
        db = self.ctx.db

        def done(found: list[TemplateInfo]) -> None:
            if not shiboken6.isValid(self):
                return
            self._templates = found
            self.template_box.blockSignals(True)
            self.template_box.clear()
            for t in found:
                self.template_box.addItem(
                    self.tr("%1 (%2 weeks, %3 lines)")
                    .replace("%1", t.name)
                    .replace("%2", str(t.weeks))
                    .replace("%3", str(t.lines)),
                    t.id,
                )
            self.template_box.blockSignals(False)
            if not found:
                self.summary.setText(self.tr("No rotation templates yet."))
            self.load_preview()

        self.ctx.worker.submit(
            lambda: roster_templates.list_templates(db), done, self._failed, "templates"
        )

    def period(self) -> tuple[date, date]:
        return _date(self.first_day.date()), _date(self.last_day.date())

    def load_preview(self) -> None:
        template_id = self.template_box.currentData()
        first, last = self.period()
        self.save_button.setEnabled(False)
        self.preview = None
        if template_id is None:
            return
        if last < first:
            self.summary.setText(self.tr("The period ends before it starts."))
            self.table.setRowCount(0)
            return
        db, today = self.ctx.db, self.ctx.clock().date()

        def done(preview: GenerationPreview) -> None:
            if shiboken6.isValid(self) and (
                preview.template.id,
                preview.first_day,
                preview.last_day,
            ) == (self.template_box.currentData(), *self.period()):
                self.show_preview(preview)

        self.summary.setText(self.tr("Checking the rules…"))
        self.ctx.worker.submit(
            lambda: roster_templates.preview_generation(db, template_id, first, last, today),
            done,
            self._failed,
            "generation preview",
        )

    def show_preview(self, preview: GenerationPreview) -> None:
        self.preview = preview
        words = _PreviewWords(preview)
        by_shift: dict[int, list[tuple[bool, str]]] = {}
        general: list[str] = []
        for v in preview.violations:
            text = words.reason(v)
            key = -v.shift_id if v.shift_id is not None and v.shift_id < 0 else None
            other = v.params.get("other_shift_id")
            if key is None and isinstance(other, int) and other < 0:
                key = -other
            if key is None:
                general.append(text)
            else:
                by_shift.setdefault(key, []).append((v.code == "double_booking", text))
        self.table.setRowCount(len(preview.planned))
        for row, p in enumerate(preview.planned):
            crew = "、".join(preview.names.get(m, "?") for m in sorted(p.member_ids))
            grids = "、".join(preview.grid_names.get(g, "?") for g in sorted(p.grid_ids))
            found = by_shift.get(p.key, [])
            values = [
                f"{format_day(p.start)} {board_tr(WEEKDAYS[p.start.weekday()])}",
                format_time_range(p.start, p.end, day=False),
                p.route,
                grids,
                crew,
                "; ".join(t for _b, t in found) or "✓",
            ]
            for col, text in enumerate(values):
                item = _cell(text)
                if found:
                    blocking = any(b for b, _t in found)
                    item.setBackground(QBrush(ERROR_BG if blocking else WARNING_BG))
                    item.setToolTip("\n".join(t for _b, t in found))
                self.table.setItem(row, col, item)
        blocking = len(preview.blocking)
        warnings = len(preview.warnings)
        parts = [self.tr("%n shift(s) to create", "", len(preview.planned))]
        if blocking:
            parts.append(self.tr("%n double booking(s): cannot be saved", "", blocking))
        parts.append(self.tr("%n rule warning(s)", "", warnings))
        text = " · ".join(parts)
        if general:
            text += "\n" + "\n".join("⚠ " + g for g in general[:6])
            if len(general) > 6:
                text += "\n" + self.tr("… and %n more", "", len(general) - 6)
        self.summary.setText(text)
        self.summary.setStyleSheet(ERROR_STYLE if blocking else "")
        theme.set_status(self.summary, "" if blocking else "muted")
        # Never while a save is open or unknown, whatever the preview says.
        self.runner.update_button(self.save_button, bool(preview.planned) and not blocking)

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        preview = self.preview
        if preview is None or preview.blocking or self.runner.busy:
            return
        ctx, first, last = self.ctx, preview.first_day, preview.last_day
        template_id = preview.template.id

        def done(ids: list[int] | None) -> None:
            # None: confirmed through the work token after a reconnect; the board reloads.
            if shiboken6.isValid(self):
                self.saved_ids = ids or []
                self.accept()

        self.runner.run(
            lambda: roster_templates.apply_generation(ctx.db, ctx.actor, template_id, first, last),
            on_saved=done,
            on_error=self._failed,
            what="generate shifts",
        )
        self.save_button.setEnabled(False)

    def _runner_busy(self, busy: bool) -> None:
        preview = self.preview
        ready = preview is not None and bool(preview.planned) and not preview.blocking
        self.runner.update_button(self.save_button, ready)

    def _runner_notice(self, kind: str, text: str) -> None:
        # Not saved or unknown: the dialog stays as it is, with the template and period.
        if kind != "saved" and shiboken6.isValid(self):
            self.message.setText(text)
            self.message.show()

    def _failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, DoubleBookingError):
            text = (
                self.tr("Nothing was saved: %1 is already on patrol %2 (booked meanwhile?).")
                .replace("%1", exc.staff_name)
                .replace("%2", exc.clash.describe())
            )
            self.load_preview()
        elif isinstance(exc, PermissionDeniedError):
            text = self.tr("Your role may not change patrols. Nothing was saved.")
        else:
            text = self.tr("The shifts could not be generated: %1").replace("%1", str(exc))
        self.message.setText(text)
        self.message.show()


class _PreviewWords(RosterWords):
    """Rule texts for a preview: planned shifts have negative ids."""

    def __init__(self, preview: GenerationPreview) -> None:
        self.names = preview.names
        self.grid_names = preview.grid_names
        self.shifts = {}
        self._planned = {-p.key: p for p in preview.planned}

    def shift(self, shift_id: object) -> str:
        planned = self._planned.get(shift_id) if isinstance(shift_id, int) else None
        if planned is not None:
            return f"{planned.route} {format_day_time(planned.start)}"
        return super().shift(shift_id)


class RosterRulesDialog(CloseGuard, QDialog):
    """The station's roster rules, for an administrator."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.runner = SaveRunner(ctx, self)  # once, not at all, or unknown -- and said so
        self._loaded = False  # Save only once the current rules are shown
        self.runner.busy_changed.connect(
            lambda _busy: self.runner.update_button(self.save_button, self._loaded)
        )
        self.runner.notice.connect(self._runner_notice)
        self.setWindowTitle(self.tr("Roster rules"))
        note = QLabel(
            self.tr(
                "Every workstation checks patrol rosters against these rules. A saved "
                "roster may break them (it shows why); a double booking is never saved."
            )
        )
        note.setWordWrap(True)
        theme.set_status(note, "muted")
        self.min_rest = QSpinBox()
        self.min_rest.setRange(0, 48)
        self.min_rest.setSuffix(self.tr(" h"))
        self.max_hours = QSpinBox()
        self.max_hours.setRange(1, 168)
        self.max_hours.setSuffix(self.tr(" h"))
        self.min_crew = QSpinBox()
        self.min_crew.setRange(1, 20)
        self.grace = QSpinBox()
        self.grace.setRange(1, 720)
        self.grace.setSuffix(self.tr(" min"))
        form = QFormLayout()
        form.addRow(self.tr("Minimum rest between shifts"), self.min_rest)
        form.addRow(self.tr("Maximum hours per week"), self.max_hours)
        form.addRow(self.tr("Minimum crew (one a police officer)"), self.min_crew)
        form.addRow(self.tr("Check-in overdue after"), self.grace)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(note)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        db = ctx.db

        def done(rules: RosterRules) -> None:
            if shiboken6.isValid(self):
                self.show_rules(rules)
                self._loaded = True
                self.runner.update_button(self.save_button)

        ctx.worker.submit(
            lambda: roster_settings.roster_rules(db), done, self._failed, "roster rules: load"
        )

    def show_rules(self, rules: RosterRules) -> None:
        self.min_rest.setValue(int(rules.min_rest.total_seconds() // 3600))
        self.max_hours.setValue(int(rules.max_weekly_hours))
        self.min_crew.setValue(rules.min_crew)
        self.grace.setValue(int(rules.checkin_grace.total_seconds() // 60))

    def rules(self) -> RosterRules:
        return RosterRules(
            min_rest=timedelta(hours=self.min_rest.value()),
            max_weekly_hours=float(self.max_hours.value()),
            min_crew=self.min_crew.value(),
            checkin_grace=timedelta(minutes=self.grace.value()),
        )

    def save(self) -> None:
        ctx, rules = self.ctx, self.rules()
        self.runner.run(
            lambda: roster_settings.set_roster_rules(ctx.db, ctx.actor, rules),
            on_saved=lambda _none: self.accept() if shiboken6.isValid(self) else None,
            on_error=self._failed,
            what="roster rules: save",
        )

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self.message.setText(text)
            self.message.show()

    def _failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.runner.update_button(self.save_button)
        if isinstance(exc, PermissionDeniedError):
            text = self.tr("Your account may not change the station's settings. Nothing was saved.")
        else:
            text = self.tr("The settings could not be read or saved: %1").replace(
                "%1", str(exc) or type(exc).__name__
            )
        self.message.setText(text)
        self.message.show()


__all__ = ["GenerationDialog", "RosterRulesDialog"]
