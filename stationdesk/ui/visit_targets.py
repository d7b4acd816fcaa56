"""The station's household-visit targets, for the administrator: the period they count
over, the station-wide number per grid and per-grid overrides. The Visits tab opens it
and saves what it returns."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.community import VisitTargets
from stationdesk.data.grids import GridRecord
from stationdesk.domain.community import PeriodKind
from stationdesk.ui.labels import label


class TargetsDialog(QDialog):
    """The station's visit targets: period, station-wide number, per-grid overrides."""

    def __init__(
        self, targets: VisitTargets, grid_list: tuple[GridRecord, ...], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Household visit targets"))
        self.period_combo = QComboBox()
        for kind in PeriodKind:
            self.period_combo.addItem(label(kind), kind)
        self.period_combo.setCurrentIndex(self.period_combo.findData(targets.period))
        self.default_spin = QSpinBox()
        self.default_spin.setRange(0, 10_000)
        self.default_spin.setValue(targets.default)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period_combo)
        form.addRow(self.tr("Visits per grid (station-wide)"), self.default_spin)
        self.grid_spins: dict[int, QSpinBox] = {}
        for g in grid_list:
            spin = QSpinBox()
            spin.setRange(-1, 10_000)
            spin.setSpecialValueText(self.tr("station-wide"))
            spin.setValue(targets.per_grid.get(g.id, -1))
            self.grid_spins[g.id] = spin
            form.addRow(g.name, spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def targets(self) -> VisitTargets:
        return VisitTargets(
            PeriodKind(self.period_combo.currentData()),
            self.default_spin.value(),
            {gid: s.value() for gid, s in self.grid_spins.items() if s.value() >= 0},
        )
