"""The Mediation view's Figures tab: per mediator and month, sessions, hours booked
against hours offered, and the agreement rate. Loaded on the worker when the tab is
first shown and again when sessions change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSpinBox, QVBoxLayout, QWidget

from stationdesk.data import mediation_figures
from stationdesk.data.database import Database
from stationdesk.data.mediation_figures import MediatorMonth
from stationdesk.ui.context import AppContext
from stationdesk.ui.i18n import format_month
from stationdesk.ui.mediation_tables import cell, read_only_table
from stationdesk.ui.reload import CoalescedLoad

FIGURE_MONTHS = 6
FIGURE_TABLES = frozenset({"mediation_session", "session_mediator"})


def load_figures(db: Database, months: int, at: datetime) -> tuple[MediatorMonth, ...]:
    return tuple(mediation_figures.mediator_figures(db, months, at))


class MediationFiguresTab(QWidget):
    """The mediators' monthly figures over the last few months."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        line = self.fontMetrics().height()
        self.table = read_only_table(
            [
                self.tr("Mediator"),
                self.tr("Month"),
                self.tr("Sessions"),
                self.tr("Hours booked"),
                self.tr("Hours offered"),
                self.tr("Utilisation"),
                self.tr("With outcome"),
                self.tr("Agreements"),
                self.tr("Agreement rate"),
            ],
            line + 8,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(8, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.months = QSpinBox()
        self.months.setRange(1, 24)
        self.months.setValue(FIGURE_MONTHS)
        self.months.setSuffix(self.tr(" months"))
        self.months.valueChanged.connect(lambda _v: self._load.load_now())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(
            QLabel(
                self.tr(
                    "Utilisation: hours booked over hours offered by the weekly pattern. "
                    "Agreement rate: agreements over sessions with an outcome."
                )
            ),
            1,
        )
        bar.addWidget(self.months)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._load: CoalescedLoad[tuple[MediatorMonth, ...]] = CoalescedLoad(
            ctx.worker, self._job, self._show, "mediator figures", self
        )

    def refresh(self) -> None:
        self._load.load_now()

    def request(self) -> None:
        self._load.request()

    def hold(self, held: bool) -> None:
        self._load.hold(held)

    def _job(self) -> Callable[[], tuple[MediatorMonth, ...]]:
        db, at, months = self.ctx.db, self.ctx.clock(), self.months.value()
        return lambda: load_figures(db, months, at)

    def _show(self, figures: tuple[MediatorMonth, ...]) -> None:
        table = self.table
        table.setRowCount(len(figures))

        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value:.0%}"

        for row, f in enumerate(figures):
            cells = [
                f.name,
                format_month(f.month),
                str(f.sessions),
                f"{f.booked_hours:g}",
                f"{f.available_hours:g}",
                pct(f.utilisation),
                str(f.with_outcome),
                str(f.agreements),
                pct(f.agreement_rate),
            ]
            for col, text in enumerate(cells):
                item = cell(text)
                if col >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, col, item)
