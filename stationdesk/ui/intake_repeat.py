"""The repeat warning of the intake form: earlier reports at this address or party."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.cases import PriorCase
from stationdesk.ui.case_style import OVERDUE_BACKGROUND, OVERDUE_FOREGROUND
from stationdesk.ui.i18n import format_datetime
from stationdesk.ui.labels import label

REPEAT_STYLE = "QFrame#repeatBox { background:#fff4d6; border:1px solid #d9b44a; }"
SHOWN_ROWS = 6


class RepeatWarning(QFrame):
    """The premise history found before saving, and "mark as repeat dispute"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repeatBox")
        self.setStyleSheet(REPEAT_STYLE)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.list = QListWidget()
        self.check = QCheckBox(self.tr("Mark as repeat dispute"))
        lay.addWidget(self.title)
        lay.addWidget(self.list)
        lay.addWidget(self.check)
        self.hide()

    def show_priors(self, priors: Sequence[PriorCase], days: int, now: datetime) -> None:
        """Show the earlier reports (hidden, unmarked when there are none)."""
        self.list.clear()
        if not priors:
            self.hide()
            self.check.setChecked(False)
            return
        at_address = sum(1 for p in priors if p.matched_on == "address")
        with_party = len(priors) - at_address
        self.title.setText(
            self.tr(
                "This address/party had %1 case(s) in the last %2 days (%3 at this address, "
                "%4 with these parties). Check them before saving."
            ).replace("%1", str(len(priors))).replace("%2", str(days))
            .replace("%3", str(at_address)).replace("%4", str(with_party))
        )  # fmt: skip
        matched = {"address": self.tr("same address"), "party": self.tr("same party")}
        for p in priors:
            status = label(p.status)
            overdue = p.is_overdue(now)
            if overdue:
                status = self.tr("%1, overdue").replace("%1", status)
            item = QListWidgetItem(
                f"{p.case_no} · {format_datetime(p.reported_at)} · "
                f"{label(p.category)} · {status} · {matched.get(p.matched_on, '')}"
                f" — {p.summary}"
            )
            if overdue:  # highlighted as in the case list
                item.setBackground(QBrush(OVERDUE_BACKGROUND))
                item.setForeground(QBrush(OVERDUE_FOREGROUND))
            self.list.addItem(item)
        shown = min(len(priors), SHOWN_ROWS)
        self.list.setFixedHeight(
            self.list.sizeHintForRow(0) * shown + 2 * self.list.frameWidth() + 4
        )
        self.check.setChecked(True)
        self.show()
