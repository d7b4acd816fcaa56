"""The station's case deadlines and repeat window, for the director's administrator.

First response in minutes and resolution in hours per priority, a resolution time in
days for categories that need longer (or shorter), and how many days back intake
looks for earlier reports. Read and saved on the worker; saving needs the
"manage station" permission and is audited. Cases already recorded keep their
deadlines.
"""

from __future__ import annotations

from datetime import timedelta

import shiboken6
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import station_settings
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.domain.deadlines import DeadlinePolicy
from stationdesk.domain.enums import CaseCategory, Priority
from stationdesk.ui import theme
from stationdesk.ui.case_style import ERROR_STYLE
from stationdesk.ui.context import AppContext
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import CloseGuard, SaveRunner


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class DeadlineSettingsDialog(CloseGuard, QDialog):
    """Edit the station's deadline policy and repeat window."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        # Saved through resilience.save: once, not at all, or unknown until the connection
        # is back -- the dialog stays open with the values as typed and says which.
        self.runner = SaveRunner(ctx, self)
        self.runner.notice.connect(self._runner_notice)
        self._loaded = False  # Save only once the current settings are shown
        self.runner.busy_changed.connect(
            lambda _busy: self.runner.update_button(self.save_button, self._loaded)
        )
        self.setWindowTitle(self.tr("Case deadlines"))
        self.setMinimumSize(560, 520)
        lay = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "New cases get these deadlines; cases already recorded keep theirs. All "
                "workstations of the station use the same settings."
            )
        )
        note.setWordWrap(True)
        theme.set_status(note, "muted")
        lay.addWidget(note)

        by_priority = QGroupBox(self.tr("By priority"))
        grid = QGridLayout(by_priority)
        grid.addWidget(QLabel(self.tr("First response")), 0, 1)
        grid.addWidget(QLabel(self.tr("Resolution")), 0, 2)
        self.first_response: dict[Priority, QSpinBox] = {}
        self.resolution: dict[Priority, QSpinBox] = {}
        for r, priority in enumerate(Priority, start=1):
            grid.addWidget(QLabel(label(priority)), r, 0)
            self.first_response[priority] = _spin(1, 7 * 24 * 60, self.tr(" min"))
            self.resolution[priority] = _spin(1, 365 * 24, self.tr(" h"))
            grid.addWidget(self.first_response[priority], r, 1)
            grid.addWidget(self.resolution[priority], r, 2)
        lay.addWidget(by_priority)

        by_category = QGroupBox(self.tr("Resolution by category (instead of by priority)"))
        form = QGridLayout(by_category)
        self.category_on: dict[CaseCategory, QCheckBox] = {}
        self.category_days: dict[CaseCategory, QSpinBox] = {}
        for i, category in enumerate(CaseCategory):
            check = QCheckBox(label(category))
            days = _spin(1, 365, self.tr(" days"))
            days.setValue(15)
            days.setEnabled(False)
            check.toggled.connect(days.setEnabled)
            self.category_on[category], self.category_days[category] = check, days
            form.addWidget(check, i // 2, (i % 2) * 2)
            form.addWidget(days, i // 2, (i % 2) * 2 + 1)
        lay.addWidget(by_category)

        other = QFormLayout()
        self.repeat_days = _spin(1, station_settings.MAX_REPEAT_WINDOW_DAYS, self.tr(" days"))
        self.repeat_days.setToolTip(
            self.tr("Intake shows earlier reports at the same address or with the same party")
        )
        other.addRow(self.tr("Repeat window"), self.repeat_days)
        lay.addLayout(other)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the current settings are shown
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._load()

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        db = self._ctx.db

        def done(loaded: tuple[DeadlinePolicy, int]) -> None:
            if shiboken6.isValid(self):
                self.show_settings(*loaded)
                self._loaded = True
                self.runner.update_button(self.save_button)

        self._ctx.worker.submit(
            lambda: (station_settings.deadline_policy(db), station_settings.repeat_window_days(db)),
            done,
            lambda exc: self._failed(exc),
            "case deadlines: load",
        )

    def show_settings(self, policy: DeadlinePolicy, repeat_days: int) -> None:
        for p in Priority:
            self.first_response[p].setValue(int(policy.first_response[p].total_seconds() // 60))
            self.resolution[p].setValue(int(policy.resolution[p].total_seconds() // 3600) or 1)
        for c in CaseCategory:
            days = policy.category_resolution.get(c)
            self.category_on[c].setChecked(days is not None)
            if days is not None:
                self.category_days[c].setValue(max(1, days.days))
        self.repeat_days.setValue(repeat_days)

    def policy(self) -> DeadlinePolicy:
        """The policy the inputs describe."""
        return DeadlinePolicy(
            first_response={p: timedelta(minutes=self.first_response[p].value()) for p in Priority},
            resolution={p: timedelta(hours=self.resolution[p].value()) for p in Priority},
            category_resolution={
                c: timedelta(days=self.category_days[c].value())
                for c in CaseCategory
                if self.category_on[c].isChecked()
            },
        )

    # ------------------------------------------------------------------- saving

    def save(self) -> None:
        ctx, policy, days = self._ctx, self.policy(), self.repeat_days.value()
        self.message.hide()
        self.runner.run(
            lambda: station_settings.set_case_settings(ctx.db, ctx.actor, policy, days),
            on_saved=lambda _none: self.accept() if shiboken6.isValid(self) else None,
            on_error=self._failed,
            what="case deadlines: save",
        )

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self.message.setText(text)
            self.message.show()

    def _failed(self, exc: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.runner.update_button(self.save_button, self._loaded)
        if isinstance(exc, PermissionDeniedError):
            text = self.tr("Your account may not change the station's settings. Nothing was saved.")
        else:
            text = self.tr("The settings could not be read or saved: %1").replace(
                "%1", str(exc) or type(exc).__name__
            )
        self.message.setText(text)
        self.message.show()
