"""Correcting a recorded case's facts: category, priority, grid, address, summary...

The dialog only collects the officer's changes; the detail panel saves them against
the version it loaded (and merges with another workstation's save if need be).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.case_merge import ADDRESS_MAX, SUMMARY_MAX, case_fields
from stationdesk.data.cases import CaseDetail
from stationdesk.data.people import GridInfo
from stationdesk.domain.enums import CaseCategory, Priority
from stationdesk.ui.case_dialogs import CtrlEnterFilter
from stationdesk.ui.intake_widgets import make_searchable
from stationdesk.ui.labels import label

ERROR_LABEL_STYLE = "color:#b3261e;"


class CaseEditDialog(QDialog):
    """Edit the facts of one case; :meth:`changes` holds what the officer changed."""

    def __init__(
        self, detail: CaseDetail, grids: Sequence[GridInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._detail = detail
        self._changes: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Edit case %1").replace("%1", detail.case_no))
        self.setMinimumSize(520, 420)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.category_combo = QComboBox()
        for category in CaseCategory:
            self.category_combo.addItem(label(category), category)
        self.category_combo.setCurrentIndex(self.category_combo.findData(detail.category))
        self.priority_combo = QComboBox()
        for priority in Priority:
            self.priority_combo.addItem(label(priority), priority)
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(detail.priority))
        self.grid_combo = QComboBox()
        make_searchable(self.grid_combo)
        self.grid_combo.addItem(self.tr("— no grid —"), None)
        for g in grids:
            self.grid_combo.addItem(g.name, g.id)
        if detail.grid_id is not None and self.grid_combo.findData(detail.grid_id) < 0:
            self.grid_combo.addItem(detail.grid_name, detail.grid_id)
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(detail.grid_id)))
        self.address_edit = QLineEdit(detail.address)
        self.address_edit.setMaxLength(ADDRESS_MAX)
        self.summary_edit = QLineEdit(detail.summary)
        self.summary_edit.setMaxLength(SUMMARY_MAX)
        self.summary_error = QLabel()
        self.summary_error.setStyleSheet(ERROR_LABEL_STYLE)
        self.summary_error.hide()
        self.description_edit = QPlainTextEdit(detail.description)
        self.description_edit.setTabChangesFocus(True)
        self.notable_check = QCheckBox(self.tr("Notable incident (for the shift handover)"))
        self.notable_check.setChecked(detail.notable)
        summary_box = QWidget()
        sbox = QVBoxLayout(summary_box)
        sbox.setContentsMargins(0, 0, 0, 0)
        sbox.addWidget(self.summary_edit)
        sbox.addWidget(self.summary_error)
        self.grid_error = QLabel()
        self.grid_error.setStyleSheet(ERROR_LABEL_STYLE)
        self.grid_error.hide()
        grid_box = QWidget()
        gbox = QVBoxLayout(grid_box)
        gbox.setContentsMargins(0, 0, 0, 0)
        gbox.addWidget(self.grid_combo)
        gbox.addWidget(self.grid_error)
        for title, widget in (
            (self.tr("Category"), self.category_combo),
            (self.tr("Priority"), self.priority_combo),
            (self.tr("Grid"), grid_box),
            (self.tr("Address"), self.address_edit),
            (self.tr("Summary"), summary_box),
            (self.tr("Description"), self.description_edit),
        ):
            form.addRow(title, widget)
        form.addRow("", self.notable_check)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._ctrl_enter = CtrlEnterFilter(self.description_edit, self._accept_if_valid)
        self.summary_edit.textChanged.connect(lambda _t: self.summary_error.hide())
        self.grid_combo.editTextChanged.connect(lambda _t: self.grid_error.hide())
        self.category_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def changes(self) -> dict[str, Any]:
        """The fields the officer changed (empty: nothing to save)."""
        return dict(self._changes)

    def _grid_id(self) -> int | str | None:
        text = self.grid_combo.currentText().strip()
        index = self.grid_combo.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        return "unknown" if index < 0 else self.grid_combo.itemData(index)

    def _accept_if_valid(self) -> None:
        summary = " ".join(self.summary_edit.text().split())
        if not summary:
            self.summary_error.setText(self.tr("A case needs a summary."))
            self.summary_error.show()
            self.summary_edit.setFocus()
            return
        grid = self._grid_id()
        if grid == "unknown":
            self.grid_error.setText(
                self.tr("No grid is called “%1”: choose one from the list.").replace(
                    "%1", self.grid_combo.currentText().strip()
                )
            )
            self.grid_error.show()
            self.grid_combo.setFocus()
            return
        wanted = {
            "category": CaseCategory(self.category_combo.currentData()),
            "priority": Priority(self.priority_combo.currentData()),
            "grid_id": grid,
            "address": self.address_edit.text().strip(),
            "summary": summary,
            "description": self.description_edit.toPlainText().strip(),
            "notable": self.notable_check.isChecked(),
        }
        loaded = case_fields(self._detail)
        self._changes = {k: v for k, v in wanted.items() if loaded[k] != v}
        self.accept()
