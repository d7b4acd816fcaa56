"""Both workstations changed the same field of a case: the officer chooses per field.

Each field both sides changed gets a row with the value as it was when this
workstation opened the case, as the other workstation saved it, and the officer's
own; one of the three is chosen per row. The other workstation's value is chosen at
first, so pressing Enter keeps what is saved. Choosing "Discard my change" (or Esc)
saves nothing. A value that cannot be chosen (a status the workflow does not allow
from where the case is now) is shown, disabled, with the reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from stationdesk.domain.merge import Side
from stationdesk.ui import theme

VALUE_WIDTH = 220  # pixels: longer values are cut in the button; the tooltip has them all


@dataclass(frozen=True)
class ConflictRow:
    """One field in conflict, as the dialog shows it."""

    key: str
    title: str
    texts: Mapping[Side, str]
    # Side -> why it cannot be chosen (absent: it can).
    refused: Mapping[Side, str] = field(default_factory=dict)


class CaseConflictDialog(QDialog):
    """Per-field choice between original, theirs and mine; ``choices()`` after OK."""

    SAVE = 1
    DISCARD = 2

    def __init__(
        self, rows: Sequence[ConflictRow], who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.setMinimumSize(840, 340)
        self.choice = self.DISCARD
        self.radios: dict[str, dict[Side, QRadioButton]] = {}
        self._groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 saved this case after you opened it and changed the same fields as you. "
                "Nothing has been saved yet. Choose for each field which value to keep; your "
                "other changes are saved with it."
            ).replace("%1", who or self.tr("Another workstation"))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(16)
        headers = (
            self.tr("Field"),
            self.tr("When you opened it"),
            self.tr("Saved by the other workstation"),
            self.tr("Your change"),
        )
        for c, text in enumerate(headers):
            head = QLabel(text)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            grid.addWidget(head, 0, c)
        for r, row in enumerate(rows, start=1):
            grid.addWidget(QLabel(row.title), r, 0, Qt.AlignmentFlag.AlignTop)
            group = QButtonGroup(self)
            self._groups[row.key] = group
            self.radios[row.key] = {}
            for c, side in enumerate((Side.BASE, Side.THEIRS, Side.MINE), start=1):
                full = row.texts.get(side, "")
                one_line = " ".join(full.split()) or "—"
                radio = QRadioButton(
                    self.fontMetrics().elidedText(
                        one_line, Qt.TextElideMode.ElideRight, VALUE_WIDTH
                    )
                )
                radio.setToolTip(full)
                why = row.refused.get(side, "")
                if why:
                    radio.setEnabled(False)
                    radio.setToolTip(why)
                group.addButton(radio, c)
                self.radios[row.key][side] = radio
                grid.addWidget(radio, r, c, Qt.AlignmentFlag.AlignTop)
            self.radios[row.key][Side.THEIRS].setChecked(True)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        hint = QLabel(self.tr("Pointing at a value shows it in full."))
        theme.set_status(hint, "muted")
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save my choices"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = buttons.addButton(
            self.tr("Discard my change"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.discard_button.setToolTip(self.tr("Show the case as it is now; save nothing"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._choose_save)
        self.discard_button.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def choices(self) -> dict[str, Side]:
        """The side chosen for each field."""
        out = {}
        for key, radios in self.radios.items():
            for side, radio in radios.items():
                if radio.isChecked():
                    out[key] = side
        return out

    def choose(self, key: str, side: Side) -> None:
        """Select a side for a field (as a click would)."""
        self.radios[key][side].setChecked(True)

    def _choose_save(self) -> None:
        self.choice = self.SAVE
        self.accept()

    def reject(self) -> None:  # Esc or the window's close button: the safe choice
        self.choice = self.DISCARD
        super().reject()
