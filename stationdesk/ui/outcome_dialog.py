"""Recording how a mediation session ended, and printing its agreement.

The dialog saves on the database worker; a refusal by the rules (no terms, nowhere
to refer the case, a case already closed...) is shown in the dialog in the officer's
words, and nothing is lost of what they typed.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from stationdesk.data import mediation_outcome
from stationdesk.data.mediation import SessionInfo
from stationdesk.data.mediation_outcome import OutcomeResult
from stationdesk.data.uow import ConflictError, NotFoundError, PermissionDeniedError
from stationdesk.domain.enums import MediationOutcome, ReferralTarget
from stationdesk.domain.mediation_outcome import OutcomeError
from stationdesk.ui import theme
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_time
from stationdesk.ui.labels import label
from stationdesk.ui.save_runner import CloseGuard, SaveRunner

log = logging.getLogger(__name__)


def outcome_message(exc: Exception) -> str:
    """A refused or failed outcome, in the officer's words."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("OutcomeDialog", text)

    texts = {
        "cancelled": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "This session was cancelled; it has no outcome."
        ),
        "recorded": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "This session's outcome has already been recorded."
        ),
        "not_started": QT_TRANSLATE_NOOP("OutcomeDialog", "This session has not started yet."),
        "terms_required": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "Write down the terms the parties agreed."
        ),
        "referral_required": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "Without an agreement the case must be referred: choose where to."
        ),
        "referral_not_allowed": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "A full agreement is not referred; choose no referral."
        ),
        "case_status": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "The case's status does not allow this outcome (is it closed?)."
        ),
        "no_agreement": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "This session ended without an agreement; there is nothing to print."
        ),
        "conflict": QT_TRANSLATE_NOOP(
            "OutcomeDialog",
            "The session or its case was changed by another workstation; reload and try again.",
        ),
        "permission": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "Your role may not record mediation outcomes."
        ),
        "not_found": QT_TRANSLATE_NOOP(
            "OutcomeDialog", "This session no longer exists (removed by another workstation?)."
        ),
        "failed": QT_TRANSLATE_NOOP("OutcomeDialog", "The outcome could not be saved: %1"),
    }
    if isinstance(exc, OutcomeError):
        return tr(texts[exc.code]) if exc.code in texts else str(exc)
    if isinstance(exc, ConflictError):
        return tr(texts["conflict"])
    if isinstance(exc, PermissionDeniedError):
        return tr(texts["permission"])
    if isinstance(exc, NotFoundError):
        return tr(texts["not_found"])
    log.error("mediation outcome failed", exc_info=exc)
    return tr(texts["failed"]).replace("%1", str(exc))


class OutcomeDialog(CloseGuard, QDialog):
    """Agreement / partial agreement / no agreement -> referral, for one session."""

    recorded = Signal(object)  # OutcomeResult

    def __init__(
        self, ctx: AppContext, session: SessionInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        # Saved through resilience.save: once or not at all, or unknown until the
        # connection is back -- the dialog keeps what was typed and says which.
        self.runner = SaveRunner(ctx, self)
        self.runner.busy_changed.connect(lambda _busy: self._update_save())
        self.runner.notice.connect(self._runner_notice)
        self.setWindowTitle(self.tr("Outcome of the mediation session"))
        self.setMinimumSize(580, 480)  # fixed up front: an error shown later must not move it
        when = f"{format_date(session.starts_at)} {format_time(session.starts_at)}"
        header = QLabel(f"<b>{escape(session.case_no)}</b> {escape(session.case_summary)}<br>"
                        f"{when} · {escape(self.tr(', ').join(session.mediators))}")  # fmt: skip
        header.setWordWrap(True)
        self.choices = QButtonGroup(self)
        row = QHBoxLayout()
        self.buttons_by_outcome: dict[MediationOutcome, QRadioButton] = {}
        for outcome in MediationOutcome:
            button = QRadioButton(label(outcome))
            self.choices.addButton(button)
            self.buttons_by_outcome[outcome] = button
            row.addWidget(button)
            button.toggled.connect(self._follow_choice)
        self.terms = QPlainTextEdit()
        self.terms.setPlaceholderText(self.tr("One term a line, as the parties agreed them"))
        self.referral = QComboBox()
        self.referral.addItem(self.tr("No referral"), None)
        for target in ReferralTarget:
            self.referral.addItem(label(target), target)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why, for the case's history (optional)"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        theme.set_status(self.note, "muted")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #8a1c1c; font-weight: bold;")
        self.error.hide()
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.box.accepted.connect(self.save)
        self.box.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(header)
        form.addRow(self.tr("Outcome"), row)
        form.addRow(self.tr("Terms agreed"), self.terms)
        form.addRow(self.tr("Refer the case to"), self.referral)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.note)
        form.addRow(self.error)
        form.addRow(self.box)
        self.buttons_by_outcome[MediationOutcome.AGREEMENT].setChecked(True)

    def chosen(self) -> MediationOutcome:
        return next(o for o, b in self.buttons_by_outcome.items() if b.isChecked())

    def _follow_choice(self) -> None:
        outcome = self.chosen()
        self.terms.setEnabled(outcome != MediationOutcome.NO_AGREEMENT)
        self.referral.setEnabled(outcome != MediationOutcome.AGREEMENT)
        if outcome == MediationOutcome.AGREEMENT:
            self.referral.setCurrentIndex(0)
            self.note.setText(self.tr("The case will be resolved and follow-up visits booked."))
        elif outcome == MediationOutcome.PARTIAL:
            self.note.setText(self.tr("The case stays in mediation unless you refer what is left."))
        else:
            if self.referral.currentIndex() == 0:
                self.referral.setCurrentIndex(1)
            self.note.setText(self.tr("The case will be referred."))

    def save(self) -> None:
        outcome = self.chosen()
        terms = self.terms.toPlainText() if outcome != MediationOutcome.NO_AGREEMENT else ""
        data = self.referral.currentData()  # Qt hands a StrEnum back as a plain str
        referral = ReferralTarget(data) if data else None
        reason = self.reason.text().strip() or self._default_reason(outcome, referral)
        ctx, s = self.ctx, self.session
        self.runner.run(
            lambda: mediation_outcome.record_outcome(
                ctx.db, ctx.actor, s.id, s.version, outcome, terms, referral, reason
            ),
            on_saved=self._saved,
            on_error=self._failed,
            what="mediation outcome",
        )

    def _runner_notice(self, kind: str, text: str) -> None:
        if kind != "saved" and shiboken6.isValid(self):
            self.error.setText(text)
            self.error.show()

    def _update_save(self) -> None:
        # Save only when the runner can save (not while a save is open or unknown);
        # Cancel stays: closing with an open save asks first (CloseGuard).
        self.runner.update_button(self.box.button(QDialogButtonBox.StandardButton.Save))

    def _default_reason(self, outcome: MediationOutcome, referral: ReferralTarget | None) -> str:
        text = self.tr("Mediation session %1: %2").replace(
            "%1", format_date(self.session.starts_at)
        )
        text = text.replace("%2", label(outcome))
        if referral is not None:
            text += self.tr(", referred to %1").replace("%1", label(referral))
        return text

    def _saved(self, result: OutcomeResult | None) -> None:
        # None: confirmed through the work token after a reconnect; the list reloads.
        if shiboken6.isValid(self):
            self.recorded.emit(result)
            self.accept()

    def _failed(self, exc: Exception) -> None:
        if shiboken6.isValid(self):
            self._update_save()
            self.error.setText(outcome_message(exc))
            self.error.show()


def save_agreement_pdf(ctx: AppContext, session_id: int, path: Path, lang: str) -> Path:
    """Build the session's agreement and write it to ``path`` (runs on the worker)."""
    from stationdesk.reports.agreement import build_agreement_pdf

    data = mediation_outcome.agreement_document(ctx.db, session_id)
    path.write_bytes(build_agreement_pdf(data, lang, generated_at=ctx.clock()))
    return path
