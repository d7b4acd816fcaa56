"""The case's timeline in the detail panel: one list, newest first, of everything.

Status changes, notes (struck-through ones stay readable), assignments, mediation
sessions, other reports at the same address or with the same parties (a click opens
them) and, for the director and the administrator, the audit entries -- loaded only
when asked for, because reading them is itself audited. Buttons above the list hide
or show each kind.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data import audit_queries, station_settings
from stationdesk.data.case_timeline import (
    AssignmentInfo,
    AuditItem,
    CaseTimeline,
    FollowUpEntry,
    SessionEntry,
    TimelineEntry,
    TimelineKind,
    case_audit_entries,
    case_timeline,
    entries,
)
from stationdesk.data.cases import CaseDetail, NoteInfo, PriorCase, StatusChangeInfo
from stationdesk.data.uow import PermissionDeniedError
from stationdesk.domain.enums import (
    Team,
)
from stationdesk.ui import audit_labels, theme
from stationdesk.ui.case_style import clear_layout, fmt_time, muted
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_date, format_time_range
from stationdesk.ui.labels import label

log = logging.getLogger(__name__)

CHIP_STYLE = "color:%s; border:1px solid %s; border-radius:3px; padding:0 4px;"
KIND_COLOURS = {
    TimelineKind.STATUS: "#0b57d0",
    TimelineKind.NOTE: "#3c4043",
    TimelineKind.ASSIGNMENT: "#146c2e",
    TimelineKind.MEDIATION: "#7b1fa2",
    TimelineKind.RELATED: "#9a5b00",
    TimelineKind.AUDIT: "#5f6368",
    TimelineKind.FOLLOW_UP: "#7b1fa2",
}
# The same kinds on the dark window: lighter tones (contrast at least 4.5:1 on #1b2129).
KIND_COLOURS_DARK = {
    TimelineKind.STATUS: "#8cbdf0",
    TimelineKind.NOTE: "#c9d1d9",
    TimelineKind.ASSIGNMENT: "#7ad694",
    TimelineKind.MEDIATION: "#d7a6f0",
    TimelineKind.RELATED: "#f2b85c",
    TimelineKind.AUDIT: "#9aa5b1",
    TimelineKind.FOLLOW_UP: "#d7a6f0",
}


def kind_colour(kind: TimelineKind) -> str:
    """The chip colour of a timeline kind in the current look."""
    dark = theme.current_theme() == theme.DARK
    return (KIND_COLOURS_DARK if dark else KIND_COLOURS)[kind]


@dataclass
class NoteWidgets:
    note: NoteInfo
    frame: QFrame
    text: QLabel
    reason: QLabel | None
    strike_button: QPushButton | None


class CaseTimelineWidget(QGroupBox):
    """Shows the timeline of one case; the panel hands it the facts it loaded."""

    strike_requested = Signal(int)  # note id
    open_case_requested = Signal(int)  # a linked report was clicked
    failed = Signal(str)  # the audit entries could not be read (a message for the officer)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        may_read_audit = audit_queries.may_read_audit(ctx.actor)
        self.setTitle(self.tr("Timeline"))
        self._detail: CaseDetail | None = None
        self._timeline: CaseTimeline | None = None
        self._can_edit = False
        self._why_not = ""
        self.note_widgets: dict[int, NoteWidgets] = {}
        self.entry_frames: list[tuple[TimelineEntry, QFrame]] = []
        lay = QVBoxLayout(self)
        # Two rows of three: the panel is narrow, and the list must not scroll sideways.
        chips = QGridLayout()
        chips.setSpacing(4)
        self.kind_buttons: dict[TimelineKind, QToolButton] = {}
        names = {
            TimelineKind.STATUS: self.tr("Status"),
            TimelineKind.NOTE: self.tr("Notes"),
            TimelineKind.ASSIGNMENT: self.tr("Assignments"),
            TimelineKind.MEDIATION: self.tr("Mediation"),
            TimelineKind.RELATED: self.tr("Related reports"),
            TimelineKind.AUDIT: self.tr("Audit"),
        }
        # Follow-up visits close the mediation chain: the Mediation chip shows them too.
        self._kind_names = {**names, TimelineKind.FOLLOW_UP: self.tr("Follow-up")}
        for i, (kind, text) in enumerate(names.items()):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setChecked(kind != TimelineKind.AUDIT)
            button.setAutoRaise(True)
            button.toggled.connect(lambda on, k=kind: self._kind_toggled(k, on))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.kind_buttons[kind] = button
            chips.addWidget(button, i // 3, i % 3)
        audit = self.kind_buttons[TimelineKind.AUDIT]
        audit.setVisible(may_read_audit)
        audit.setToolTip(
            self.tr("Show the audit entries about this case (your reading is recorded)")
        )
        lay.addLayout(chips)
        self.entries_layout = QVBoxLayout()
        self.entries_layout.setSpacing(4)
        lay.addLayout(self.entries_layout)

    # ------------------------------------------------------------------ public

    def show_case(self, detail: CaseDetail, timeline: CaseTimeline | None = None) -> None:
        """Show ``detail``'s history and notes with ``timeline``'s facts (None: the facts
        already shown, if they are this case's)."""
        other_case = self._detail is None or self._detail.id != detail.id
        if timeline is None and not other_case:
            timeline = self._timeline
        if timeline is not None:
            timeline = None if timeline.case_id != detail.id else self._with_shown_audit(timeline)
        self._detail, self._timeline = detail, timeline
        if other_case:  # audit entries are asked for case by case
            audit = self.kind_buttons[TimelineKind.AUDIT]
            audit.blockSignals(True)
            audit.setChecked(False)
            audit.blockSignals(False)
        self._rebuild()

    def set_timeline(self, timeline: CaseTimeline) -> None:
        if self._detail is not None and timeline.case_id == self._detail.id:
            self._timeline = self._with_shown_audit(timeline)
            self._rebuild()

    def refresh(self) -> None:
        """Load the timeline's facts of the shown case again, on the worker."""
        detail, db = self._detail, self._ctx.db
        if detail is None:
            return

        def job() -> CaseTimeline:
            return case_timeline(db, detail, station_settings.repeat_window_days(db))

        def done(timeline: CaseTimeline) -> None:
            if shiboken6.isValid(self):
                self.set_timeline(timeline)  # ignored if another case is shown by now

        self._ctx.worker.submit(
            job, done, lambda exc: log.warning("timeline not loaded: %s", exc), "case timeline"
        )

    def _with_shown_audit(self, timeline: CaseTimeline) -> CaseTimeline:
        """Keep audit entries already shown: they are read (and audited) only on request."""
        old = self._timeline
        if (
            old is not None
            and old.case_id == timeline.case_id
            and old.audit_loaded
            and not timeline.audit_loaded
        ):
            return dataclasses.replace(timeline, audit=old.audit, audit_loaded=True)
        return timeline

    def _load_audit(self) -> None:
        """The audit entries of the shown case (director and administrator; audited)."""
        if self._detail is None:
            return
        ctx, case_id = self._ctx, self._detail.id

        def done(items: tuple[AuditItem, ...]) -> None:
            current = self._timeline if shiboken6.isValid(self) else None
            if current is not None and current.case_id == case_id:
                self._timeline = dataclasses.replace(current, audit=items, audit_loaded=True)
                self._rebuild()

        def failed(exc: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            if isinstance(exc, PermissionDeniedError):
                self.failed.emit(self.tr("Only the station director and the administrator "
                                         "may read the audit trail."))  # fmt: skip
            else:
                log.warning("audit entries of case %s not read: %s", case_id, exc)
                self.failed.emit(self.tr("The audit entries could not be read: %1").replace(
                    "%1", str(exc) or type(exc).__name__))  # fmt: skip

        ctx.worker.submit(
            lambda: case_audit_entries(ctx.db, ctx.actor, case_id),
            done,
            failed,
            f"case {case_id}: audit entries",
        )

    @property
    def timeline(self) -> CaseTimeline | None:
        return self._timeline

    def shown_kinds(self) -> set[TimelineKind]:
        kinds = {k for k, b in self.kind_buttons.items() if b.isChecked() and b.isVisibleTo(self)}
        if TimelineKind.MEDIATION in kinds:
            kinds.add(TimelineKind.FOLLOW_UP)
        return kinds

    def set_can_edit(self, can_edit: bool, why_not: str) -> None:
        self._can_edit, self._why_not = can_edit, why_not
        for nw in self.note_widgets.values():
            if nw.strike_button is not None:
                nw.strike_button.setEnabled(can_edit)
                nw.strike_button.setToolTip(
                    why_not or self.tr("Mark this note as wrong; it stays readable")
                )

    # ------------------------------------------------------------------ building

    def _kind_toggled(self, kind: TimelineKind, on: bool) -> None:
        loaded = self._timeline is not None and self._timeline.audit_loaded
        if kind == TimelineKind.AUDIT and on and not loaded:
            self._load_audit()
        self._rebuild()

    def _rebuild(self) -> None:
        clear_layout(self.entries_layout)
        self.note_widgets = {}
        self.entry_frames = []
        d = self._detail
        if d is None:
            return
        shown = entries(d, self._timeline, self.shown_kinds() or {TimelineKind.STATUS})
        if self.kind_buttons[TimelineKind.AUDIT].isChecked() and (
            self._timeline is None or not self._timeline.audit_loaded
        ):
            self.entries_layout.addWidget(muted(self.tr("Loading the audit entries…")))
        if not shown:
            self.entries_layout.addWidget(muted(self.tr("Nothing to show.")))
        for entry in shown:
            frame = self._entry_frame(entry)
            self.entry_frames.append((entry, frame))
            self.entries_layout.addWidget(frame)
        self.set_can_edit(self._can_edit, self._why_not)

    def _entry_frame(self, entry: TimelineEntry) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(frame)
        lay.setContentsMargins(6, 3, 6, 3)
        lay.setSpacing(2)
        head = QHBoxLayout()
        chip = QLabel(self._kind_names[entry.kind])
        colour = kind_colour(entry.kind)
        chip.setStyleSheet(CHIP_STYLE % (colour, colour))
        head.addWidget(chip)
        item = entry.item
        who = getattr(item, "by", "") or getattr(item, "author", "")
        if isinstance(item, AuditItem):
            who = f"{item.username} @ {item.workstation}" if item.workstation else item.username
        head.addWidget(muted(" · ".join(p for p in (fmt_time(entry.at), who) if p)))
        head.addStretch(1)
        lay.addLayout(head)
        if isinstance(item, NoteInfo):
            self._note_body(item, frame, head, lay)
        elif isinstance(item, PriorCase):
            link = self._text(self._related_frame_text(item), rich=True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            link.setToolTip(self.tr("Open this report"))
            link.linkActivated.connect(self._link_clicked)
            lay.addWidget(link)
        else:
            for text in self._lines(item):
                lay.addWidget(self._text(text))
        return frame

    def _text(self, text: str, rich: bool = False) -> QLabel:
        widget = QLabel(text)
        widget.setWordWrap(True)
        widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return widget

    def _lines(self, item: Any) -> list[str]:
        if isinstance(item, StatusChangeInfo):
            if item.from_status is None:
                out = [self.tr("Recorded as %1").replace("%1", label(item.to_status))]
            else:
                out = [f"{label(item.from_status)} → {label(item.to_status)}"]
            if item.reason:
                out.append(self.tr("Reason: %1").replace("%1", item.reason))
            return out
        if isinstance(item, AssignmentInfo):
            now = self._owner(item.staff_name, item.team)
            before = self._owner(item.previous_staff_name, item.previous_team)
            return [self.tr("Owner: %1 (was: %2)").replace("%1", now).replace("%2", before)]
        if isinstance(item, SessionEntry):
            when = format_time_range(item.starts_at, item.ends_at)
            parts = [self.tr("Mediation session %1").replace("%1", when), label(item.status)]
            if item.room:
                parts.append(self.tr("room %1").replace("%1", item.room))
            if item.outcome is not None:
                parts.append(label(item.outcome))
            out = [" · ".join(parts)]
            if item.mediators:
                out.append(self.tr("With %1").replace("%1", self.tr(", ").join(item.mediators)))
            if item.agreement_terms:
                out.append(self.tr("Agreed: %1").replace("%1", item.agreement_terms))
            if item.referral_target is not None:
                out.append(self.tr("Referred to %1").replace("%1", label(item.referral_target)))
            return out
        if isinstance(item, FollowUpEntry):
            return self._follow_up_lines(item)
        if isinstance(item, AuditItem):
            return [self._audit_action(item), *self._audit_values(item)]
        return []

    def _follow_up_lines(self, item: FollowUpEntry) -> list[str]:
        due = format_date(item.due_on)
        if item.done_at is not None:
            out = [self.tr("Follow-up visit done (due %1)").replace("%1", due)]
        elif item.due_on < self._ctx.clock().date():
            out = [self.tr("Follow-up visit due %1 — overdue").replace("%1", due)]
        else:
            out = [self.tr("Follow-up visit due %1").replace("%1", due)]
        if item.officer:
            out.append(self.tr("Officer: %1").replace("%1", item.officer))
        if item.note:
            out.append(item.note)
        return out

    def _owner(self, name: str, team: Team | None) -> str:
        if name and team:
            return f"{name} ({label(team)})"
        return name or label(team) or self.tr("Unassigned")

    def _note_body(
        self, note: NoteInfo, frame: QFrame, head: QHBoxLayout, lay: QVBoxLayout
    ) -> None:
        strike: QPushButton | None = None
        if note.struck_at is None:
            strike = QPushButton(self.tr("Strike through…"))
            strike.clicked.connect(lambda _=False, nid=note.id: self.strike_requested.emit(nid))
            head.addWidget(strike)
        text = self._text(note.text)
        lay.addWidget(text)
        reason: QLabel | None = None
        if note.struck_at is not None:
            font = text.font()
            font.setStrikeOut(True)
            text.setFont(font)
            theme.set_status(text, "muted")
            reason = self._text(
                self.tr("Struck through %1. Reason: %2").replace("%1", fmt_time(note.struck_at))
                .replace("%2", note.strike_reason or "—")
            )  # fmt: skip
            italic = reason.font()
            italic.setItalic(True)
            reason.setFont(italic)
            lay.addWidget(reason)
        self.note_widgets[note.id] = NoteWidgets(note, frame, text, reason, strike)

    # ----------------------------------------------------------- linked reports

    def _link_clicked(self, href: str) -> None:
        kind, _sep, value = href.partition(":")
        if kind == "case" and value.isdigit():
            self.open_case_requested.emit(int(value))

    def _related_frame_text(self, p: PriorCase) -> str:
        matched = self.tr("same address") if p.matched_on == "address" else self.tr("same party")
        status = label(p.status)
        if p.is_overdue(self._ctx.clock()):
            colour = theme.status_colour("overdue").name()
            status += f' <b style="color:{colour}">{_escape(self.tr("overdue"))}</b>'
        return (
            f'<a href="case:{p.id}">{p.case_no}</a> · {label(p.category)} · '
            f"{status} · {matched} — {_escape(p.summary)}"
        )

    # ------------------------------------------------------------------ audit

    def _audit_action(self, a: AuditItem) -> str:
        return audit_labels.action_label(a.action, a.outcome)

    def _audit_values(self, a: AuditItem) -> list[str]:
        return audit_labels.change_lines(a.old_values, a.new_values, a.object_table)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
