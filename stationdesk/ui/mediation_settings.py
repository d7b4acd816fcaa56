"""The station's mediation settings, for the administrator: when follow-up visits
fall after an agreement, how long a case may stay in mediation and how early
officers are warned.

Read and saved on the worker like the case deadlines (deadline_settings.py); saving
needs the "manage station" permission and is audited. A wrong value gets a message at
its field and nothing is saved. If another workstation saved the settings since they
were shown, nothing is saved either: the dialog says what is stored now and a second
Save replaces it with what the administrator typed.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import mediation_outcome
from stationdesk.data.mediation_outcome import MediationSettings
from stationdesk.data.station_settings import SettingsChangedError
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.domain.mediation_outcome import MAX_FOLLOW_UP_DAYS, MAX_PERIOD_DAYS
from stationdesk.ui import theme
from stationdesk.ui.case_style import ERROR_LABEL_STYLE, ERROR_STYLE
from stationdesk.ui.context import AppContext
from stationdesk.ui.save_runner import CloseGuard, SaveRunner

# Officers type "7, 30", "7，30" or "7 30"; any of these separates the days.
_SEPARATORS = re.compile(r"[\s,，、;；]+")


def _with_error(field: QWidget) -> tuple[QWidget, QLabel]:
    """The field with its (hidden) message label underneath."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(field)
    error = QLabel()
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_LABEL_STYLE)
    error.hide()
    lay.addWidget(error)
    return box, error


class MediationSettingsDialog(CloseGuard, QDialog):
    """Edit the follow-up days, the mediation period and its warning."""

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
        self.shown: MediationSettings | None = None  # as read; a save expects it unchanged
        self.setWindowTitle(self.tr("Mediation settings"))
        self.setMinimumSize(520, 400)  # fixed up front: a message shown later must not move it
        lay = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Agreements recorded from now on get follow-up visits on these days; visits "
                "already booked keep their dates. The mediation period counts from the "
                "case's move into mediation. All workstations of the station use the same "
                "settings."
            )
        )
        note.setWordWrap(True)
        theme.set_status(note, "muted")
        lay.addWidget(note)

        form = QFormLayout()
        self.follow_up_edit = QLineEdit()
        self.follow_up_edit.setPlaceholderText(self.tr("e.g. 7, 30"))
        self.follow_up_edit.setToolTip(
            self.tr("Days after the agreement, separated by commas (1 to %1 each)").replace(
                "%1", str(MAX_FOLLOW_UP_DAYS)
            )
        )
        follow_box, self.follow_up_error = _with_error(self.follow_up_edit)
        form.addRow(self.tr("Follow-up visits after (days)"), follow_box)
        self.period_days = QSpinBox()
        self.period_days.setRange(1, MAX_PERIOD_DAYS)
        self.period_days.setSuffix(self.tr(" days"))
        form.addRow(self.tr("Mediation period"), self.period_days)
        self.warning_days = QSpinBox()
        self.warning_days.setRange(0, MAX_PERIOD_DAYS)
        self.warning_days.setSuffix(self.tr(" days"))
        self.warning_days.setToolTip(self.tr("How many days before the period ends to warn"))
        warning_box, self.warning_error = _with_error(self.warning_days)
        form.addRow(self.tr("Warn before the end"), warning_box)
        lay.addLayout(form)
        lay.addStretch(1)

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
        self.follow_up_edit.textChanged.connect(lambda _t: self.follow_up_error.hide())
        self.warning_days.valueChanged.connect(lambda _v: self.warning_error.hide())
        self.period_days.valueChanged.connect(lambda _v: self.warning_error.hide())
        self._load()

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        db = self._ctx.db

        def done(settings: MediationSettings) -> None:
            if shiboken6.isValid(self):
                self.show_settings(settings)
                self._loaded = True
                self.runner.update_button(self.save_button)

        self._ctx.worker.submit(
            lambda: mediation_outcome.mediation_settings(db),
            done,
            lambda exc: self._failed(exc),
            "mediation settings: load",
        )

    def show_settings(self, settings: MediationSettings) -> None:
        self.shown = settings
        self.follow_up_edit.setText(", ".join(str(d) for d in settings.follow_up_days))
        self.period_days.setValue(settings.period_days)
        self.warning_days.setValue(settings.warning_days)

    # ------------------------------------------------------------------ checking

    def settings(self) -> MediationSettings | None:
        """The settings the inputs describe; None (and a message at the field) if wrong."""
        days = self._follow_up_days()
        period, warning = self.period_days.value(), self.warning_days.value()
        ok = days is not None
        if warning >= period:
            self.warning_error.setText(
                self.tr("The warning must come before the period ends (fewer than %1 days).")
                .replace("%1", str(period))
            )  # fmt: skip
            self.warning_error.show()
            if ok:
                self.warning_days.setFocus()
            ok = False
        return MediationSettings(days, period, warning) if ok and days else None

    def _follow_up_days(self) -> tuple[int, ...] | None:
        words = [w for w in _SEPARATORS.split(self.follow_up_edit.text()) if w]
        text = None
        if not words:
            text = self.tr("At least one follow-up visit is needed.")
        elif not all(w.isdigit() for w in words):
            text = self.tr("Whole numbers of days, separated by commas.")
        elif not all(1 <= int(w) <= MAX_FOLLOW_UP_DAYS for w in words):
            text = self.tr("Each from 1 to %1 days.").replace("%1", str(MAX_FOLLOW_UP_DAYS))
        if text is not None:
            self.follow_up_error.setText(text)
            self.follow_up_error.show()
            self.follow_up_edit.setFocus()
            return None
        return tuple(sorted({int(w) for w in words}))

    # ------------------------------------------------------------------- saving

    def save(self) -> None:
        settings = self.settings()
        if settings is None:
            return
        ctx, shown = self._ctx, self.shown
        self.message.hide()
        self.runner.run(
            lambda: mediation_outcome.set_mediation_settings(ctx.db, ctx.actor, settings, shown),
            on_saved=lambda _none: self.accept() if shiboken6.isValid(self) else None,
            on_error=self._failed,
            what="mediation settings: save",
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
        elif isinstance(exc, SettingsChangedError) and isinstance(exc.current, MediationSettings):
            # What the administrator typed stays; Save again stores it over the new values.
            self.shown = now = exc.current
            text = (
                self.tr(
                    "Another workstation changed these settings just now: follow-up visits "
                    "after %1 days, period %2 days, warning %3 days. Nothing was saved; "
                    "Save again to replace them with yours."
                )
                .replace("%1", ", ".join(str(d) for d in now.follow_up_days))
                .replace("%2", str(now.period_days))
                .replace("%3", str(now.warning_days))
            )
        else:
            text = self.tr("The settings could not be read or saved: %1").replace(
                "%1", str(exc) or type(exc).__name__
            )
        self.message.setText(text)
        self.message.show()
