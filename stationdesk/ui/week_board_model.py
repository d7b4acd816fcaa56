"""The week board's table model: rows per grid or per person, a column per day and shift.

Every cell is computed once when a week arrives (text, colour, tooltip, the shifts it
holds, the reasons it is coloured), so ``data()`` is a dictionary look-up and a board of
200 people paints fast. Rule texts are worded here from the domain's stable codes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from stationdesk.data.patrols import PatrolShiftInfo
from stationdesk.data.roster_board import BoardPerson, WeekRoster
from stationdesk.domain.enums import LeaveKind, PatrolStatus, StaffKind
from stationdesk.domain.scheduling import RuleViolation, day_part_of
from stationdesk.ui import theme
from stationdesk.ui.i18n import format_date, format_day, format_time, format_time_range
from stationdesk.ui.labels import label

CTX = "WeekBoard"
MIME_TYPE = "application/x-stationdesk-roster-move"
PARTS = ("day", "night")
COLUMNS = 14
BY_GRID, BY_PERSON = "grid", "person"

ERROR_BG = QColor("#f8d7da")
WARNING_BG = QColor("#fff1cc")
OVERDUE_BG = QColor("#ffe0b2")
HOLIDAY_BG = QColor("#eef6ee")
ERROR_FG = QColor("#8a1c1c")
ON_PATROL_FG = QColor("#1b7f3b")
MUTED_FG = QColor("#6b6f75")

KIND_MARKS = {
    StaffKind.POLICE: "★",
    StaffKind.AUXILIARY: "☆",
    StaffKind.ASSISTANT: "△",
    StaffKind.VOLUNTEER: "◇",
}
KIND_ORDER = (StaffKind.POLICE, StaffKind.AUXILIARY, StaffKind.ASSISTANT, StaffKind.VOLUNTEER)

HOLIDAYS = {
    "new_years_day": QT_TRANSLATE_NOOP("WeekBoard", "New Year's Day"),
    "spring_festival": QT_TRANSLATE_NOOP("WeekBoard", "Spring Festival"),
    "tomb_sweeping_day": QT_TRANSLATE_NOOP("WeekBoard", "Tomb-Sweeping Day"),
    "labour_day": QT_TRANSLATE_NOOP("WeekBoard", "Labour Day"),
    "dragon_boat_festival": QT_TRANSLATE_NOOP("WeekBoard", "Dragon Boat Festival"),
    "mid_autumn_festival": QT_TRANSLATE_NOOP("WeekBoard", "Mid-Autumn Festival"),
    "national_day": QT_TRANSLATE_NOOP("WeekBoard", "National Day"),
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("WeekBoard", "Mon"),
    QT_TRANSLATE_NOOP("WeekBoard", "Tue"),
    QT_TRANSLATE_NOOP("WeekBoard", "Wed"),
    QT_TRANSLATE_NOOP("WeekBoard", "Thu"),
    QT_TRANSLATE_NOOP("WeekBoard", "Fri"),
    QT_TRANSLATE_NOOP("WeekBoard", "Sat"),
    QT_TRANSLATE_NOOP("WeekBoard", "Sun"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def holiday_label(key: str) -> str:
    return tr(HOLIDAYS[key]) if key in HOLIDAYS else key


@dataclass
class Cell:
    shifts: list[PatrolShiftInfo] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    severity: int = 0  # 0 none, 1 warning, 2 overdue, 3 error
    text: str = ""


def column_of(shift: PatrolShiftInfo, monday: date) -> int | None:
    """Board column of a shift (by the day part it starts in), None outside the week."""
    day, part = day_part_of(shift.starts_at)
    offset = (day - monday).days
    if not 0 <= offset < 7:
        return None
    return offset * 2 + PARTS.index(part)


def slot_of(column: int, monday: date) -> tuple[date, str]:
    return monday + timedelta(days=column // 2), PARTS[column % 2]


class RosterWords:
    """Words the board uses for shifts and broken rules (translated at call time)."""

    def __init__(self, week: WeekRoster) -> None:
        self.names = {p.id: p.name for p in week.people}
        self.grid_names = {g.id: g.name for g in week.grids}
        self.shifts = {s.id: s for s in week.shifts}

    def when(self, shift: PatrolShiftInfo) -> str:
        return format_time_range(shift.starts_at, shift.ends_at)

    def shift(self, shift_id: object) -> str:
        found = self.shifts.get(shift_id) if isinstance(shift_id, int) else None
        if found is None:
            return QCoreApplication.translate("WeekBoard", "another shift (%1)").replace(
                "%1", str(shift_id)
            )
        return f"{found.route} {self.when(found)}"

    def person(self, person_id: int | None) -> str:
        return self.names.get(person_id or 0, "?")

    def reason(self, v: RuleViolation) -> str:
        p = v.params
        who = self.person(v.person_id)
        if v.code == "double_booking":
            return (
                QCoreApplication.translate("WeekBoard", "Double booking: %1 is also on %2")
                .replace("%1", who)
                .replace("%2", self.shift(p.get("other_shift_id")))
            )
        if v.code == "on_leave":
            if "kind" not in p:
                return QCoreApplication.translate("WeekBoard", "%1 is on leave").replace("%1", who)
            kind = label(LeaveKind(str(p["kind"])))
            if p.get("reason"):
                return (
                    QCoreApplication.translate("WeekBoard", "%1 is on leave (%2: %3)")
                    .replace("%1", who)
                    .replace("%2", kind)
                    .replace("%3", str(p["reason"]))
                )
            return (
                QCoreApplication.translate("WeekBoard", "%1 is on leave (%2)")
                .replace("%1", who)
                .replace("%2", kind)
            )
        if v.code == "short_rest":
            rest = int(str(p.get("rest_minutes", 0)))
            need = int(str(p.get("min_rest_minutes", 0)))
            return (
                QCoreApplication.translate(
                    "WeekBoard", "Short rest: %1 has %2 h %3 min after %4 (at least %5 h)"
                )
                .replace("%1", who)
                .replace("%2", str(rest // 60))
                .replace("%3", f"{rest % 60:02d}")
                .replace("%4", self.shift(p.get("previous_shift_id")))
                .replace("%5", f"{need / 60:g}")
            )
        if v.code == "weekly_hours":
            return (
                QCoreApplication.translate(
                    "WeekBoard", "Too many hours: %1 is rostered %2 h this week (at most %3 h)"
                )
                .replace("%1", who)
                .replace("%2", f"{float(str(p.get('hours', 0))):g}")
                .replace("%3", f"{float(str(p.get('max_hours', 0))):g}")
            )
        if v.code == "crew_too_small":
            return (
                QCoreApplication.translate("WeekBoard", "Crew too small: %1 of at least %2")
                .replace("%1", str(p.get("crew")))
                .replace("%2", str(p.get("min_crew")))
            )
        if v.code == "crew_no_police":
            return QCoreApplication.translate("WeekBoard", "No police officer in the crew")
        if v.code == "coverage_gap":
            part = (
                QCoreApplication.translate("WeekBoard", "day")
                if p.get("part") == "day"
                else QCoreApplication.translate("WeekBoard", "night")
            )
            return (
                QCoreApplication.translate(
                    "WeekBoard", "Coverage gap: no patrol in %1 on the %2 of %3"
                )
                .replace("%1", self.grid_names.get(v.grid_id or 0, "?"))
                .replace("%2", part)
                .replace("%3", format_day(v.day))
            )
        return v.code


class WeekBoardModel(QAbstractTableModel):
    """A week of patrols as a grid × shift or person × shift table."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.week: WeekRoster | None = None
        self.mode = BY_GRID
        self.rows: list[Any] = []  # BoardGrid or BoardPerson
        self.cells: dict[tuple[int, int], Cell] = {}
        self.row_reasons: dict[int, list[str]] = {}
        self.problems: list[str] = []
        self.words: RosterWords | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ filling

    def set_week(self, week: WeekRoster, mode: str | None = None) -> None:
        self.beginResetModel()
        self.week = week
        if mode is not None:
            self.mode = mode
        self._build()
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        if self.week is not None and mode != self.mode:
            self.set_week(self.week, mode)
        self.mode = mode

    def _build(self) -> None:
        week = self.week
        assert week is not None
        words = self.words = RosterWords(week)
        by_grid = self.mode == BY_GRID
        self.rows = list(week.grids if by_grid else week.people)
        row_of = {r.id: i for i, r in enumerate(self.rows)}
        cells: dict[tuple[int, int], Cell] = defaultdict(Cell)
        shift_cells: dict[int, list[tuple[int, int]]] = defaultdict(list)
        person_cells: dict[tuple[int, int], tuple[int, int]] = {}  # (person, shift) -> cell
        for shift in week.shifts:
            col = column_of(shift, week.monday)
            if col is None:
                continue
            keys = [g for g, _n in shift.grids] if by_grid else [m.id for m in shift.members]
            for key in keys:
                row = row_of.get(key)
                if row is None:
                    continue
                cells[(row, col)].shifts.append(shift)
                shift_cells[shift.id].append((row, col))
                if not by_grid:
                    person_cells[(key, shift.id)] = (row, col)

        def flag(where: list[tuple[int, int]], severity: int, reason: str) -> None:
            for key in where:
                cell = cells[key]
                cell.severity = max(cell.severity, severity)
                if reason not in cell.reasons:
                    cell.reasons.append(reason)

        self.row_reasons = {}
        problems: list[str] = []
        shifts_of_person: dict[int, list[int]] = defaultdict(list)
        for shift in week.shifts:
            for m in shift.members:
                shifts_of_person[m.id].append(shift.id)
        for v in week.violations:
            reason = words.reason(v)
            problems.append(reason)
            severity = 3 if v.severity == "error" else 1
            if v.code == "coverage_gap":
                if by_grid and v.grid_id in row_of and v.day is not None:
                    col = (v.day - week.monday).days * 2 + PARTS.index(str(v.params["part"]))
                    flag([(row_of[v.grid_id], col)], severity, reason)
                continue
            if v.code == "weekly_hours" and v.person_id is not None:
                targets = shifts_of_person.get(v.person_id, [])
                if not by_grid and v.person_id in row_of:
                    self.row_reasons.setdefault(row_of[v.person_id], []).append(reason)
            else:
                targets = [v.shift_id] if v.shift_id is not None else []
            for sid in targets:
                if by_grid or v.person_id is None:
                    flag(shift_cells.get(sid, []), severity, reason)
                elif (v.person_id, sid) in person_cells:
                    flag([person_cells[(v.person_id, sid)]], severity, reason)
        for sid in week.overdue:
            shift = words.shifts[sid]
            reason = (
                QCoreApplication.translate(
                    "WeekBoard", "Check-in overdue: %1 should have checked in by %2"
                )
                .replace("%1", shift.route)
                .replace("%2", format_time(shift.starts_at + week.rules.checkin_grace))
            )
            problems.append(reason)
            flag(shift_cells.get(sid, []), 2, reason)
        for (_row, _col), cell in cells.items():
            cell.text = self._cell_text(cell)
        self.cells = dict(cells)
        self.problems = problems

    def _cell_text(self, cell: Cell) -> str:
        if not cell.shifts:
            return ""
        if self.mode == BY_PERSON:
            return " / ".join(s.route for s in cell.shifts)
        # Compact: the leader (police first) and how many more; the tooltip has everyone.
        parts = []
        for s in cell.shifts:
            members = sorted(s.members, key=lambda m: (KIND_ORDER.index(m.kind), m.name))
            if not members:
                parts.append(QCoreApplication.translate("WeekBoard", "(no crew)"))
                continue
            lead = KIND_MARKS[members[0].kind] + members[0].name
            parts.append(f"{lead}+{len(members) - 1}" if len(members) > 1 else lead)
        return " | ".join(parts)

    # ------------------------------------------------------------------ reading

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def cell(self, row: int, col: int) -> Cell | None:
        return self.cells.get((row, col))

    def _foreground(self, cell: object, column: int) -> QBrush | None:
        """Text colour chosen with the cell's background (light cells keep dark text)."""
        shifts = getattr(cell, "shifts", ())
        severity = getattr(cell, "severity", 0)
        if severity >= 3:
            return QBrush(ERROR_FG)
        holiday = self.week is not None and self.week.days[column // 2].holiday
        on_light = bool(severity) or holiday  # a pale background in either look
        if any(s.status == PatrolStatus.ON_PATROL for s in shifts):
            return QBrush(ON_PATROL_FG if on_light else theme.status_colour("ok"))
        if shifts and all(
            s.status in (PatrolStatus.COMPLETED, PatrolStatus.MISSED) for s in shifts
        ):
            return QBrush(MUTED_FG if on_light else theme.status_colour("muted"))
        return QBrush(theme.TEXT_ON_LIGHT) if on_light else None

    def tooltip(self, row: int, col: int) -> str:
        cell = self.cells.get((row, col))
        if cell is None or self.words is None:
            return ""
        lines = []
        for s in cell.shifts:
            crew = "、".join(m.name for m in s.members) or QCoreApplication.translate(
                "WeekBoard", "(no crew)"
            )
            lines.append(f"{s.route} {self.words.when(s)} · {label(s.status)}\n  {crew}")
        lines += ["⚠ " + r for r in cell.reasons]
        return "\n".join(lines)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        key = (index.row(), index.column())
        cell = self.cells.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None or not cell.text:
                return "" if cell is None or not cell.reasons else "—"
            return ("⚠ " if cell.severity >= 3 else "⏰ " if cell.severity == 2 else "") + cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell is not None and cell.severity:
                return QBrush(
                    (None, WARNING_BG, OVERDUE_BG, ERROR_BG)[cell.severity]  # type: ignore[arg-type]
                )
            if self.week is not None and self.week.days[index.column() // 2].holiday:
                return QBrush(HOLIDAY_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(cell, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(*key) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.data(index, Qt.ItemDataRole.DisplayRole)
            reasons = "; ".join(cell.reasons) if cell else ""
            return f"{text} {reasons}".strip()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        week = self.week
        if week is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = week.days[section // 2]
            night = section % 2 == 1
            if role == Qt.ItemDataRole.DisplayRole:
                part = (
                    QCoreApplication.translate("WeekBoard", "Night")
                    if night
                    else QCoreApplication.translate("WeekBoard", "Day")
                )
                head = f"{tr(WEEKDAYS[day.day.weekday()])} {day.day.day}"
                if day.holiday:
                    head += " " + QCoreApplication.translate("WeekBoard", "(holiday)")
                elif day.make_up_day:
                    head += " " + QCoreApplication.translate("WeekBoard", "(workday)")
                return f"{head}\n{part}"
            if role == Qt.ItemDataRole.ToolTipRole:
                when = format_date(day.day)
                if day.holiday:
                    return (
                        when
                        + "\n"
                        + QCoreApplication.translate("WeekBoard", "Public holiday: %1").replace(
                            "%1", holiday_label(day.holiday)
                        )
                    )
                if day.make_up_day:
                    return (
                        when
                        + "\n"
                        + QCoreApplication.translate(
                            "WeekBoard", "Weekend day worked in lieu of a public holiday"
                        )
                    )
                return when
            if role == Qt.ItemDataRole.FontRole and (day.holiday or day.make_up_day):
                return self._bold
            return None
        if not 0 <= section < len(self.rows):
            return None
        item = self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(item, BoardPerson):
                mark = KIND_MARKS[item.kind]
                leave = (
                    " " + QCoreApplication.translate("WeekBoard", "(on leave)")
                    if item.on_leave
                    else ""
                )
                warn = "⚠ " if section in self.row_reasons else ""
                return f"{warn}{mark} {item.name}{leave}"
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            if isinstance(item, BoardPerson):
                return "\n".join([label(item.kind), *self.row_reasons.get(section, [])])
            return item.code
        if role == Qt.ItemDataRole.ForegroundRole and section in self.row_reasons:
            return QBrush(ERROR_FG)
        return None

    # ------------------------------------------------------------- drag & drop

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        base |= Qt.ItemFlag.ItemIsDropEnabled
        cell = self.cells.get((index.row(), index.column()))
        if self.mode == BY_PERSON and cell is not None and cell.shifts:
            base |= Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def carried(self, row: int, col: int) -> tuple[int, int] | None:
        """(person, shift) a person-mode cell would move, else None."""
        cell = self.cells.get((row, col))
        if self.mode != BY_PERSON or cell is None or not cell.shifts:
            return None
        return self.rows[row].id, cell.shifts[0].id

    def mimeData(self, indexes: Any) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            carried = self.carried(index.row(), index.column())
            if carried is not None:
                mime.setData(MIME_TYPE, encode_move(*carried))
                break
        return mime

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and parent.isValid()

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Hands the drop to the board (``on_drop``); the model itself changes nothing."""
        if not data.hasFormat(MIME_TYPE) or not parent.isValid():
            return False
        move = decode_move(bytes(data.data(MIME_TYPE).data()))
        if move is None:
            return False
        handler = getattr(self, "on_drop", None)
        if handler is not None:
            handler(move[0], move[1], parent.row(), parent.column())
        # False: the view must not remove the source row; the board reloads instead.
        return False


def encode_move(staff_id: int, from_shift: int | None) -> bytes:
    return json.dumps({"staff_id": staff_id, "from_shift": from_shift}).encode()


def decode_move(raw: bytes) -> tuple[int, int | None] | None:
    try:
        value = json.loads(raw.decode())
        staff = int(value["staff_id"])
        source = value.get("from_shift")
        return staff, int(source) if source is not None else None
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
