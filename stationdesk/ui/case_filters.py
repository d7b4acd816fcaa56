"""The case list's filter bar: quick views, free text, status, category, priority,
grid, owner, report dates and the overdue / unassigned / repeat switches.

Every change is turned into a :class:`~stationdesk.data.cases.CaseFilter` the list
queries in SQL; typing in the search box waits for a pause first. The quick views
("Open", "Overdue", "Unassigned", "My grid") set the whole bar at once and show as
pressed while the bar is exactly that view.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QDate, QMargins, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stationdesk.data.cases import CaseFilter
from stationdesk.data.people import GridInfo, StaffInfo
from stationdesk.domain.enums import (
    DISPUTE_CATEGORIES,
    FIVE_PREVENTION,
    CaseCategory,
    CaseStatus,
    Priority,
    StaffKind,
    Team,
)
from stationdesk.ui.i18n import date_pattern
from stationdesk.ui.intake_widgets import make_searchable
from stationdesk.ui.labels import label

SEARCH_DEBOUNCE_MS = 250
ALL = "all"
ALL_OPEN = "open"
NO_DATE = QDate(2000, 1, 1)  # the date edits' "no limit" value (shown as a dash)
PRESETS = ("open", "overdue", "unassigned", "my_grid")


def _set_of(data: object) -> frozenset[Any]:
    return data if isinstance(data, frozenset) else frozenset()


def owner_key(kind: str, value: object) -> str:
    """The owner combo's item data: "staff:12" or "team:law_enforcement"."""
    return f"{kind}:{value}"


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FlowLayout(QLayout):
    """Items side by side at their preferred width, wrapping onto the next row.

    The filter bar next to the alerts dock (or in Chinese vs English) needs a
    different number of rows; its combos keep the width their longest choice needs.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.marginsRemoved(m)
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y = area.x(), y + row_height + self._spacing
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + m.bottom()


def fit_to_choices(combo: QComboBox) -> None:
    """Make a combo as wide as its longest choice, so no choice is shown cut off."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setMinimumWidth(combo.sizeHint().width())


class CaseFilterBar(QWidget):
    """Emits :attr:`changed` when the officer narrows or widens the list."""

    changed = Signal()
    search_entered = Signal()  # Return in the search box: the list gets the keyboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        self._grids: list[GridInfo] = []
        self._staff: list[StaffInfo] = []
        self._my_grids: frozenset[int] = frozenset()
        self._wanted_grid_ids: frozenset[int] = frozenset()
        self._wanted_owner: object = ALL
        # Exact bounds from elsewhere (the Overview) until the officer edits a date.
        self._exact: tuple[datetime | None, datetime | None] = (None, None)
        self._build()
        self._connect()
        self._sync_presets()

    # ----------------------------------------------------------------- build

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(6)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search case no., summary, description, address, parties (Ctrl+F)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(260)
        top.addWidget(self.search_edit, 1)
        top.addSpacing(8)
        top.addWidget(QLabel(self.tr("Quick views:")))
        self.preset_buttons: dict[str, QPushButton] = {}
        for key, text, tip in (
            ("open", self.tr("Open"), self.tr("All open cases, newest first")),
            ("overdue", self.tr("Overdue"), self.tr("Open cases past their deadline")),
            ("unassigned", self.tr("Unassigned"), self.tr("Open cases with no owner yet")),
            ("my_grid", self.tr("My grid"), ""),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.clicked.connect(lambda _on=False, k=key: self.apply_preset(k))
            self.preset_buttons[key] = button
            top.addWidget(button)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        top.addWidget(self.clear_button)
        outer.addLayout(top)

        # Wraps onto a second row when the list is narrow (alerts dock open).
        bar = FlowLayout(spacing=6)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All open"), ALL_OPEN)
        self.status_combo.addItem(self.tr("All statuses"), ALL)
        for status in CaseStatus:
            self.status_combo.addItem(label(status), frozenset({status}))
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), ALL)
        self.category_combo.addItem(self.tr("All disputes"), frozenset(DISPUTE_CATEGORIES))
        self.category_combo.addItem(self.tr("Five Prevention areas"), frozenset(FIVE_PREVENTION))
        for category in CaseCategory:
            self.category_combo.addItem(label(category), frozenset({category}))
        self.priority_combo = QComboBox()
        self.priority_combo.addItem(self.tr("All priorities"), ALL)
        self.priority_combo.addItem(
            self.tr("Urgent and high"), frozenset({Priority.URGENT, Priority.HIGH})
        )
        for priority in Priority:
            self.priority_combo.addItem(label(priority), frozenset({priority}))
        self.grid_combo = QComboBox()
        self.grid_edit = make_searchable(self.grid_combo)
        self.grid_combo.addItem(self.tr("All grids"), ALL)
        self.owner_combo = QComboBox()
        self.owner_edit = make_searchable(self.owner_combo)
        self.owner_combo.addItem(self.tr("All owners"), ALL)
        self.owner_combo.setToolTip(self.tr("Cases owned by an officer or a team"))
        for combo in (self.grid_combo, self.owner_combo):
            fit_to_choices(combo)  # again when the grids and officers arrive
        self.since_edit = self._date_edit(self.tr("Reported on or after this day"))
        self.until_edit = self._date_edit(self.tr("Reported on or before this day"))
        self.overdue_button = self._toggle(
            self.tr("Overdue"), self.tr("Only open cases past their resolution deadline")
        )
        self.unassigned_button = self._toggle(
            self.tr("Unassigned"), self.tr("Only cases with no officer and no team")
        )
        self.repeat_button = self._toggle(
            self.tr("Repeat"),
            self.tr("Only repeat reports (an earlier case at the same address or party)"),
        )
        for combo in (self.status_combo, self.category_combo, self.priority_combo):
            fit_to_choices(combo)
        for combo in (self.status_combo, self.category_combo, self.priority_combo,
                      self.grid_combo, self.owner_combo):  # fmt: skip
            bar.addWidget(combo)
        # The date range stays together when the bar wraps.
        dates = QWidget()
        dates_lay = QHBoxLayout(dates)
        dates_lay.setContentsMargins(0, 0, 0, 0)
        dates_lay.setSpacing(6)
        reported = QLabel(self.tr("Reported"))
        reported.setBuddy(self.since_edit)
        dates_lay.addWidget(reported)
        dates_lay.addWidget(self.since_edit)
        dates_lay.addWidget(QLabel("–"))
        dates_lay.addWidget(self.until_edit)
        bar.addWidget(dates)
        for button in (self.overdue_button, self.unassigned_button, self.repeat_button):
            bar.addWidget(button)
        outer.addLayout(bar)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)

    def _date_edit(self, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_pattern())
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDate(NO_DATE)
        edit.setToolTip(tip)
        return edit

    def _toggle(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        return button

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._search_typed)
        self.search_edit.returnPressed.connect(self._search_returned)
        self._search_timer.timeout.connect(self._emit_changed)
        for combo in (self.status_combo, self.category_combo, self.priority_combo):
            combo.currentIndexChanged.connect(self._widget_changed)
        self.grid_combo.currentIndexChanged.connect(self._grid_changed)
        self.owner_combo.currentIndexChanged.connect(self._owner_changed)
        self.grid_edit.editingFinished.connect(lambda: self._text_done(self.grid_combo))
        self.owner_edit.editingFinished.connect(lambda: self._text_done(self.owner_combo))
        for edit in (self.since_edit, self.until_edit):
            edit.dateChanged.connect(self._dates_edited)
        for button in (self.overdue_button, self.unassigned_button, self.repeat_button):
            button.toggled.connect(self._widget_changed)
        self.clear_button.clicked.connect(lambda: self.apply_preset("open"))

    # ---------------------------------------------------------------- people

    def set_people(
        self, grids: Sequence[GridInfo], staff: Sequence[StaffInfo], my_grids: frozenset[int]
    ) -> None:
        """Grids and officers to choose from, and the signed-in officer's grids."""
        self._grids, self._my_grids = list(grids), my_grids
        self._staff = [s for s in staff if s.kind != StaffKind.VOLUNTEER]
        self._syncing = True
        try:
            self.grid_combo.clear()
            self.grid_combo.addItem(self.tr("All grids"), ALL)
            for g in grids:
                self.grid_combo.addItem(g.name, frozenset({g.id}))
            self._select_data(self.grid_combo, self._wanted_grid_ids or ALL)
            self.owner_combo.clear()
            self.owner_combo.addItem(self.tr("All owners"), ALL)
            for team in Team:
                self.owner_combo.addItem(label(team), owner_key("team", team.value))
            for s in self._staff:
                self.owner_combo.addItem(s.name, owner_key("staff", s.id))
            self._select_data(self.owner_combo, self._wanted_owner)
            for combo in (self.grid_combo, self.owner_combo):
                fit_to_choices(combo)
        finally:
            self._syncing = False
        my_grid = self.preset_buttons["my_grid"]
        my_grid.setEnabled(bool(my_grids))
        if my_grids:
            names = sorted(g.name for g in grids if g.id in my_grids)
            my_grid.setToolTip(
                self.tr("Open cases in the grids you are responsible for: %1").replace(
                    "%1", self.tr(", ").join(names)
                )
            )
        else:
            my_grid.setToolTip(
                self.tr(
                    "Your account is not the responsible officer of any grid (or has no staff "
                    "record), so there is no grid of yours to show."
                )
            )
        self._sync_presets()

    # ---------------------------------------------------------------- public

    def preset_filter(self, key: str) -> CaseFilter:
        if key == "overdue":
            return CaseFilter(open_only=True, overdue_only=True)
        if key == "unassigned":
            return CaseFilter(open_only=True, unassigned_only=True)
        if key == "my_grid":
            return CaseFilter(open_only=True, grid_ids=self._my_grids)
        return CaseFilter(open_only=True)

    def apply_preset(self, key: str) -> None:
        """Set the whole bar to a quick view."""
        if key == "my_grid" and not self._my_grids:
            self._sync_presets()
            return
        self.set_filter(self.preset_filter(key))

    def set_filter(self, case_filter: CaseFilter, repeat_only: bool = False) -> None:
        """Show ``case_filter`` in the widgets, then tell the list."""
        self._syncing = True
        try:
            self.search_edit.setText(case_filter.text)
            if case_filter.statuses:
                self._select_data(self.status_combo, case_filter.statuses)
            else:
                self._select_data(self.status_combo, ALL_OPEN if case_filter.open_only else ALL)
            self._select_data(self.category_combo, case_filter.categories or ALL)
            self._select_data(self.priority_combo, case_filter.priorities or ALL)
            self._wanted_grid_ids = case_filter.grid_ids
            self._select_data(self.grid_combo, case_filter.grid_ids or ALL)
            self._wanted_owner = self._owner_data(case_filter)
            self._select_data(self.owner_combo, self._wanted_owner)
            self.overdue_button.setChecked(case_filter.overdue_only)
            self.unassigned_button.setChecked(case_filter.unassigned_only)
            self.repeat_button.setChecked(repeat_only or case_filter.repeat_only)
            self._show_dates(case_filter.reported_since, case_filter.reported_before)
        finally:
            self._syncing = False
        self._search_timer.stop()
        self._emit_changed()

    def current_filter(self) -> tuple[CaseFilter, bool]:
        """The filter the widgets describe, and whether only repeat reports are wanted."""
        status = self.status_combo.currentData()
        owner = self.owner_combo.currentData()
        since, before = self._dates()
        return (
            CaseFilter(
                statuses=status if isinstance(status, frozenset) else frozenset(),
                categories=_set_of(self.category_combo.currentData()),
                priorities=_set_of(self.priority_combo.currentData()),
                grid_ids=_set_of(self.grid_combo.currentData()),
                owner_staff_ids=self._owner_set(owner, "staff"),
                owner_teams=self._owner_set(owner, "team"),
                open_only=status == ALL_OPEN,
                overdue_only=self.overdue_button.isChecked(),
                unassigned_only=self.unassigned_button.isChecked(),
                text=self.search_edit.text().strip(),
                reported_since=since,
                reported_before=before,
            ),
            self.repeat_button.isChecked(),
        )

    def active_preset(self) -> str | None:
        case_filter, repeat_only = self.current_filter()
        if repeat_only:
            return None
        for key in PRESETS:
            if (key != "my_grid" or self._my_grids) and case_filter == self.preset_filter(key):
                return key
        return None

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # ------------------------------------------------------------- internals

    def _emit_changed(self) -> None:
        self._sync_presets()
        self.changed.emit()

    def _sync_presets(self) -> None:
        active = self.active_preset()
        for key, button in self.preset_buttons.items():
            button.setChecked(key == active)

    def _widget_changed(self, *_args: Any) -> None:
        if not self._syncing:
            self._emit_changed()

    def _search_typed(self, _text: str) -> None:
        if not self._syncing:
            self._search_timer.start()

    def _search_returned(self) -> None:
        self._search_timer.stop()
        self._emit_changed()
        self.search_entered.emit()

    def _grid_changed(self, _index: int) -> None:
        if not self._syncing:
            self._wanted_grid_ids = _set_of(self.grid_combo.currentData())
            self._emit_changed()

    def _owner_changed(self, _index: int) -> None:
        if not self._syncing:
            self._wanted_owner = self.owner_combo.currentData()
            self._emit_changed()

    def _text_done(self, combo: QComboBox) -> None:
        """Typed text that names no entry goes back to the chosen entry's name."""
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString) if text else 0
        if index >= 0 and index != combo.currentIndex():
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(combo.itemText(combo.currentIndex()))

    def _owner_data(self, f: CaseFilter) -> object:
        keys = [owner_key("staff", s) for s in sorted(f.owner_staff_ids)]
        keys += [owner_key("team", t.value) for t in sorted(f.owner_teams)]
        if len(keys) == 1:
            return keys[0]
        return frozenset(keys) if keys else ALL

    def _owner_set(self, owner: object, kind: str) -> frozenset[Any]:
        keys = owner if isinstance(owner, frozenset) else {owner}
        out: set[Any] = set()
        for key in keys:
            if isinstance(key, str) and key.startswith(kind + ":"):
                value = key.split(":", 1)[1]
                out.add(int(value) if kind == "staff" else Team(value))
        return frozenset(out)

    def _dates(self) -> tuple[datetime | None, datetime | None]:
        since, until = self.since_edit.date(), self.until_edit.date()
        exact_since, exact_before = self._exact
        return (
            exact_since
            if exact_since is not None
            else (None if since == NO_DATE else datetime.combine(since.toPython(), time())),
            exact_before
            if exact_before is not None
            else (
                None
                if until == NO_DATE
                else datetime.combine(until.toPython() + timedelta(days=1), time())
            ),
        )

    def _show_dates(self, since: datetime | None, before: datetime | None) -> None:
        self._exact = (since, before)
        for edit in (self.since_edit, self.until_edit):
            edit.blockSignals(True)
        self.since_edit.setDate(_qdate(since.date()) if since else NO_DATE)
        if before is None:
            self.until_edit.setDate(NO_DATE)
        else:
            # "Before 00:00" is the day before, shown inclusive.
            last = before - timedelta(microseconds=1)
            self.until_edit.setDate(_qdate(last.date()))
        for edit in (self.since_edit, self.until_edit):
            edit.blockSignals(False)

    def _dates_edited(self, _date: QDate) -> None:
        self._exact = (None, None)  # the officer's days replace any exact times
        if self.until_edit.date() != NO_DATE and self.since_edit.date() > self.until_edit.date():
            # A range that ends before it starts: move the end along.
            self.until_edit.blockSignals(True)
            self.until_edit.setDate(self.since_edit.date())
            self.until_edit.blockSignals(False)
        self._widget_changed()

    def _select_data(self, combo: QComboBox, value: object) -> None:
        """Choose the item holding ``value``; a set no item holds gets its own item."""
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return
        if isinstance(value, frozenset) and value:
            names = sorted(self._value_text(v) for v in value)
            combo.addItem(self.tr(", ").join(names), value)
            combo.setCurrentIndex(combo.count() - 1)
        else:
            combo.setCurrentIndex(0)

    def _value_text(self, value: object) -> str:
        if isinstance(value, str) and value.startswith(("staff:", "team:")):  # an owner
            kind, key = value.split(":", 1)
            if kind == "team":
                return label(Team(key))
            return next((s.name for s in self._staff if s.id == int(key)), f"#{key}")
        if isinstance(value, int):
            return next((g.name for g in self._grids if g.id == value), f"#{value}")
        return label(value)  # type: ignore[arg-type]
