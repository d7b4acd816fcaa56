"""The parties of a report in the intake form: one line of inputs per person."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.domain.enums import PartyRole
from stationdesk.ui.labels import label

ERROR_LABEL_STYLE = "color:#b3261e;"


@dataclass
class PartyRow:
    """The inputs of one party line."""

    frame: QWidget
    name: QLineEdit
    role: QComboBox
    resident_id: QLineEdit
    phone: QLineEdit
    remove: QToolButton
    error: QLabel

    def is_blank(self) -> bool:
        return not any(e.text().strip() for e in (self.name, self.resident_id, self.phone))

    def inputs(self) -> list[QWidget]:
        """In tab order."""
        return [self.name, self.role, self.resident_id, self.phone, self.remove]


class PartyEditor(QGroupBox):
    """Name, role, resident ID and phone of each party; lines are added and removed."""

    rows_changed = Signal()  # a line was added or removed (the tab order changes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Parties"))
        self.parties: list[PartyRow] = []
        lay = QVBoxLayout(self)
        header = QGridLayout()
        for c, title in enumerate(
            (self.tr("Name"), self.tr("Role"), self.tr("Resident ID"), self.tr("Phone"))
        ):
            header.addWidget(QLabel(title), 0, c)
        header.addWidget(QLabel(""), 0, 4)
        self._set_columns(header)
        lay.addLayout(header)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(4)
        lay.addLayout(self._rows)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add party (Alt+P)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_party_and_focus)
        row.addWidget(self.add_button)
        row.addStretch(1)
        lay.addLayout(row)

    def _set_columns(self, grid: QGridLayout) -> None:
        for c, stretch in enumerate((3, 2, 4, 3, 0)):
            grid.setColumnStretch(c, stretch)
        grid.setColumnMinimumWidth(4, 28)

    def add_party(self) -> PartyRow:
        frame = QWidget()
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 0, 0, 0)
        name = QLineEdit()
        name.setPlaceholderText(self.tr("Name"))
        role = QComboBox()
        for r in PartyRole:
            role.addItem(label(r), r)
        # The first line is usually who called, the second who they complain about.
        defaults = (PartyRole.COMPLAINANT, PartyRole.RESPONDENT)
        n = len(self.parties)
        role.setCurrentIndex(role.findData(defaults[n] if n < 2 else PartyRole.OTHER))
        rid = QLineEdit()
        rid.setPlaceholderText(self.tr("18 characters"))
        phone = QLineEdit()
        phone.setPlaceholderText(self.tr("Mobile or landline"))
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove this party"))
        remove.setAccessibleName(self.tr("Remove this party"))
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_LABEL_STYLE)
        error.hide()
        for c, w in enumerate((name, role, rid, phone, remove)):
            grid.addWidget(w, 0, c)
        grid.addWidget(error, 1, 0, 1, 5)
        self._set_columns(grid)
        party = PartyRow(frame, name, role, rid, phone, remove, error)
        remove.clicked.connect(lambda: self.remove_party(party))
        for edit in (name, rid, phone):
            edit.textChanged.connect(lambda *_a, p=party: self.clear_error(p))
        self.parties.append(party)
        self._rows.addWidget(frame)
        self.rows_changed.emit()
        return party

    def add_party_and_focus(self) -> None:
        self.add_party().name.setFocus()

    def remove_party(self, party: PartyRow) -> None:
        if party not in self.parties:
            return
        index = self.parties.index(party)
        self.parties.remove(party)
        party.frame.hide()
        party.frame.deleteLater()
        self.rows_changed.emit()
        if self.parties:
            self.parties[min(index, len(self.parties) - 1)].name.setFocus()
        else:
            self.add_button.setFocus()

    def clear_error(self, party: PartyRow) -> None:
        party.error.hide()
        for edit in (party.name, party.resident_id, party.phone):
            edit.setStyleSheet("")

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for p in self.parties:
            chain += p.inputs()
        return [*chain, self.add_button]
