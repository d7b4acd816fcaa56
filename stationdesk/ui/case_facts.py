"""The facts of the case in the detail panel: number, status, deadlines, parties.

Deadlines past due are shown in red with how late they are; parties' resident ID
and phone numbers are masked.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.cases import CaseDetail
from stationdesk.domain import deadlines
from stationdesk.domain.enums import CaseStatus, Team
from stationdesk.domain.validation import mask_phone, mask_resident_id
from stationdesk.ui import theme
from stationdesk.ui.case_style import OVERDUE_STYLE, clear_layout, fmt_time, muted
from stationdesk.ui.labels import label


class CaseFactsView(QWidget):
    """Case number and status chip, summary, the facts form and the parties."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.case_no_label = QLabel()
        big = self.case_no_label.font()
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.35)
        self.case_no_label.setFont(big)
        self.case_no_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel()
        self.status_chip.setStyleSheet(
            "border:1px solid palette(mid); border-radius:3px; padding:1px 8px;"
        )
        self.loading_label = QLabel(self.tr("Loading…"))
        theme.set_status(self.loading_label, "muted")
        head.addWidget(self.case_no_label)
        head.addWidget(self.status_chip)
        head.addStretch(1)
        head.addWidget(self.loading_label)
        lay.addLayout(head)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        lay.addWidget(self.summary_label)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fact: dict[str, QLabel] = {}
        for key, title in (
            ("category", self.tr("Category")),
            ("source", self.tr("Source")),
            ("priority", self.tr("Priority")),
            ("grid", self.tr("Grid")),
            ("address", self.tr("Address")),
            ("reported", self.tr("Reported")),
            ("first_due", self.tr("First response due")),
            ("resolution_due", self.tr("Resolution due")),
            ("owner", self.tr("Owner")),
            ("flags", self.tr("Flags")),
            ("description", self.tr("Description")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact[key] = value
            facts.addRow(title, value)
        lay.addLayout(facts)
        self.parties_box = QGroupBox(self.tr("Parties"))
        self.parties_grid = QGridLayout(self.parties_box)

    def show_case(self, d: CaseDetail, now: datetime) -> None:
        self.case_no_label.setText(d.case_no)
        self.status_chip.setText(label(d.status))
        self.summary_label.setText(d.summary)
        self.fact["category"].setText(label(d.category))
        self.fact["source"].setText(label(d.source))
        self.fact["priority"].setText(label(d.priority))
        self.fact["grid"].setText(d.grid_name or "—")
        self.fact["address"].setText(d.address or "—")
        self.fact["reported"].setText(fmt_time(d.reported_at))
        self._set_due(
            self.fact["first_due"],
            d.first_response_due,
            d.status == CaseStatus.NEW
            and deadlines.is_overdue(d.status, d.first_response_due, now),
            now,
        )
        self._set_due(
            self.fact["resolution_due"],
            d.resolution_due,
            deadlines.is_overdue(d.status, d.resolution_due, now),
            now,
        )
        self.fact["owner"].setText(self.owner_text(d.owner_name, d.owner_team))
        theme.set_status(self.fact["owner"], "" if d.owner_name or d.owner_team else "muted")
        self.fact["flags"].setText(self.flags_text(d.is_repeat, d.notable))
        self.fact["description"].setText(d.description or "—")
        self._fill_parties(d)

    def _set_due(self, target: QLabel, due: datetime | None, overdue: bool, now: datetime) -> None:
        if due is None:
            target.setText("—")
            target.setStyleSheet("")
            return
        text = fmt_time(due)
        if overdue:
            text = (
                self.tr("%1 — overdue by %2")
                .replace("%1", text)
                .replace("%2", self._duration(now - due))
            )
        target.setText(text)
        target.setStyleSheet(OVERDUE_STYLE if overdue else "")

    def _duration(self, delta: timedelta) -> str:
        hours = int(delta.total_seconds() // 3600)
        if hours >= 48:
            return self.tr("%1 days").replace("%1", str(hours // 24))
        if hours >= 1:
            return self.tr("%1 h").replace("%1", str(hours))
        return self.tr("%1 min").replace("%1", str(max(1, int(delta.total_seconds() // 60))))

    def owner_text(self, name: str, team: Team | None) -> str:
        if name and team:
            return f"{name} ({label(team)})"
        return name or label(team) or self.tr("Unassigned")

    def flags_text(self, repeat: bool, notable: bool) -> str:
        flags = [self.tr("Repeat report")] if repeat else []
        if notable:
            flags.append(self.tr("Notable incident"))
        return " · ".join(flags) or "—"

    def _fill_parties(self, d: CaseDetail) -> None:
        clear_layout(self.parties_grid)
        if not d.parties:
            self.parties_grid.addWidget(muted(self.tr("No parties recorded.")), 0, 0)
            return
        for c, title in enumerate(
            (self.tr("Name"), self.tr("Role"), self.tr("Resident ID"), self.tr("Phone"))
        ):
            self.parties_grid.addWidget(muted(title), 0, c)
        masked_tip = self.tr("Masked: showing full personal data needs a separate permission.")
        for r, p in enumerate(d.parties, start=1):
            cells = (
                p.name,
                label(p.role),
                mask_resident_id(p.resident_id) if p.resident_id else "—",
                mask_phone(p.phone) if p.phone else "—",
            )
            for c, text in enumerate(cells):
                cell = QLabel(text)
                if c >= 2 and text != "—":
                    cell.setToolTip(masked_tip)
                self.parties_grid.addWidget(cell, r, c)
        self.parties_grid.setColumnStretch(0, 1)
