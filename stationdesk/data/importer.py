"""Personnel, grid, mediator and volunteer import from CSV or XLSX.

All or nothing: every row is checked first and every problem is collected as an
:class:`ImportIssue` (row, column, code, value); if there is any, :class:`ImportRejected`
carries them all and nothing is written. Otherwise all rows go in through one unit of
work, so each row gets its audit entry and change-log row. Issues carry codes only;
the UI and the CLI turn them into sentences in the user's language.

Headers may be English or Chinese (see :data:`COLUMNS`); CSV may be UTF-8 (with or
without BOM) or GBK/GB18030; XLSX is read from its first sheet.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from stationdesk.data.database import Database
from stationdesk.data.schema import Grid, Mediator, Staff
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain.enums import CaseCategory, MediatorKind, Permission, StaffKind, Team

MAX_CELL = 500
MAX_ROWS = 10_000
MAX_FILE_BYTES = 20 * 1024 * 1024
KINDS = ("staff", "grids", "mediators", "volunteers")


@dataclass(frozen=True)
class ColumnSpec:
    """One accepted column: its English key, Chinese header, and what it holds."""

    key: str
    zh: str
    required: bool
    description: str
    aliases: tuple[str, ...] = ()
    max_length: int = 100

    def names(self) -> tuple[str, ...]:
        return (self.key, self.zh, *self.aliases)


_STAFF_KINDS = {"police": "police", "民警": "police", "auxiliary": "auxiliary", "辅警": "auxiliary",
                "assistant": "assistant", "警务助理": "assistant"}  # fmt: skip
_TEAMS = {"command_room": "command_room", "综合指挥室": "command_room", "指挥室": "command_room",
          "community_policing": "community_policing", "社区警务队": "community_policing",
          "law_enforcement": "law_enforcement", "执法办案队": "law_enforcement"}  # fmt: skip
_GRID_KINDS = {"village": "village", "村": "village", "community": "community", "社区": "community"}
_MEDIATOR_KINDS = {"station_mediator": "station_mediator", "调解员": "station_mediator",
                   "resident_lawyer": "resident_lawyer", "驻所律师": "resident_lawyer",
                   "court_liaison": "court_liaison", "法院联络员": "court_liaison"}  # fmt: skip
_SKILL_LABELS = {"邻里": "dispute_neighbour", "家庭": "dispute_family",
                 "财产": "dispute_property", "劳动": "dispute_labour",
                 "消费": "dispute_consumer", "交通": "dispute_traffic"}  # fmt: skip
_SKILLS = {
    **{c.value: c.value for c in CaseCategory if c.is_dispute},
    **{c.value.removeprefix("dispute_"): c.value for c in CaseCategory if c.is_dispute},
    **_SKILL_LABELS,
}

COLUMNS: dict[str, tuple[ColumnSpec, ...]] = {
    "staff": (
        ColumnSpec("name", "姓名", True, "full name", max_length=50),
        ColumnSpec("kind", "类别", True, "police | auxiliary | assistant (民警 | 辅警 | 警务助理)"),
        ColumnSpec(
            "team",
            "所属",
            True,
            "command_room | community_policing | law_enforcement "
            "(综合指挥室 | 社区警务队 | 执法办案队)",
            ("所属队伍",),
        ),
        ColumnSpec(
            "badge_no", "警号", False, "6-digit badge number; required for police", max_length=32
        ),
        ColumnSpec("phone", "电话", False, "mainland mobile or landline", ("手机", "联系电话")),
    ),
    "grids": (
        ColumnSpec("code", "编号", True, "unique grid code, e.g. G01", max_length=32),
        ColumnSpec("name", "名称", True, "village or community name"),
        ColumnSpec("kind", "类型", True, "village | community (村 | 社区)"),
        ColumnSpec("households", "户数", False, "number of households (whole number)"),
        ColumnSpec(
            "officer_badge",
            "责任民警警号",
            False,
            "badge number of the responsible police officer (must already be staff)",
            max_length=32,
        ),
    ),
    "mediators": (
        ColumnSpec("name", "姓名", True, "full name", max_length=50),
        ColumnSpec(
            "kind",
            "类型",
            True,
            "station_mediator | resident_lawyer | court_liaison (调解员 | 驻所律师 | 法院联络员)",
            ("类别",),
        ),
        ColumnSpec("organisation", "单位", False, "organisation", ("organization",)),
        ColumnSpec("phone", "电话", False, "mainland mobile or landline", ("手机", "联系电话")),
        ColumnSpec(
            "skills",
            "擅长",
            False,
            "dispute kinds separated by , or 、: neighbour, family, "
            "property, labour, consumer, traffic (邻里、家庭、财产、劳动、消费、交通)",
            max_length=200,
        ),
        ColumnSpec("languages", "语言", False, "languages and dialects, e.g. 普通话,方言"),
        ColumnSpec("capacity_per_day", "每日容量", False, "sessions per day, 1-20 (default 3)"),
    ),
    "volunteers": (
        ColumnSpec("name", "姓名", True, "full name", max_length=50),
        ColumnSpec("phone", "电话", False, "mainland mobile or landline", ("手机", "联系电话")),
        ColumnSpec("group", "队伍", False, "volunteer group, e.g. 红袖标巡逻队", ("所属队伍",)),
    ),
}


@dataclass(frozen=True)
class ImportIssue:
    """One problem: spreadsheet row (the header is row 1), column key, code, offending value."""

    row: int
    column: str
    code: str
    value: str = ""

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.code}" + (f" ({self.value!r})" if self.value else "")


class ImportRejected(Exception):
    """The file was not imported; ``issues`` lists every problem found."""

    def __init__(self, issues: Iterable[ImportIssue]) -> None:
        self.issues: tuple[ImportIssue, ...] = tuple(sorted(issues, key=_issue_order))
        super().__init__("; ".join(str(i) for i in self.issues[:20]))


@dataclass(frozen=True)
class ImportResult:
    kind: str
    rows_imported: int


def _issue_order(issue: ImportIssue) -> tuple[int, str, str]:
    return issue.row, issue.column, issue.code


# --- reading ----------------------------------------------------------------------------


def _normalise_header(text: str) -> str:
    text = text.replace("\ufeff", "").strip().strip("*").strip()
    return re.sub(r"\s+", "_", text.lower())


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phone and badge numbers typed as numbers
    return str(value)


def _read_csv(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRejected([ImportIssue(1, "", "encoding")])
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error:
        raise ImportRejected([ImportIssue(1, "", "unreadable")]) from None


def _read_xlsx(data: bytes) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            sheet = book.worksheets[0]
            rows = []
            for values in sheet.iter_rows(values_only=True):
                rows.append([_cell_text(v) for v in values])
                if len(rows) > MAX_ROWS + 1:
                    break
            return rows
        finally:
            book.close()
    except Exception:  # a damaged or foreign file: zip, XML and openpyxl errors alike
        raise ImportRejected([ImportIssue(1, "", "unreadable")]) from None


def read_table(path: Path) -> list[list[str]]:
    """The file's rows as text cells (XLSX formulas come back as their "=..." text)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportRejected([ImportIssue(1, "", "file_too_large", str(size))])
        data = path.read_bytes()
    except OSError:
        raise ImportRejected([ImportIssue(1, "", "unreadable", path.name)]) from None
    if data.startswith(b"\xd0\xcf\x11\xe0") or path.suffix.lower() == ".xls":
        raise ImportRejected([ImportIssue(1, "", "unsupported_format", path.suffix)])
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(data)
    return _read_csv(data)


# --- checking ---------------------------------------------------------------------------


@dataclass
class _Checker:
    kind: str
    issues: list[ImportIssue] = field(default_factory=list)
    marked: set[tuple[int, str]] = field(default_factory=set)

    def add(self, row: int, column: str, code: str, value: str = "") -> None:
        """Record a problem; only the first one per cell (a blanked cell is not "required")."""
        if (row, column) not in self.marked:
            self.marked.add((row, column))
            self.issues.append(ImportIssue(row, column, code, value[:80]))

    def choice(self, row: int, column: str, value: str, options: dict[str, str]) -> str | None:
        found = options.get(value) or options.get(value.lower())
        if found is None:
            self.add(row, column, "enum", value)
        return found

    def integer(self, row: int, column: str, value: str, low: int, high: int) -> int | None:
        try:
            number = int(value.replace(",", ""))
        except ValueError:
            self.add(row, column, "integer", value)
            return None
        if not low <= number <= high:
            self.add(row, column, "out_of_range", value)
            return None
        return number

    def phone(self, row: int, value: str) -> str:
        if not value:
            return ""
        try:
            from stationdesk.domain.validation import FieldError, validate_phone
        except ImportError:  # pragma: no cover - validation.py not there yet
            return value
        try:
            return validate_phone(value)
        except FieldError:
            self.add(row, "phone", "phone_format", value)
            return value


def _column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, as a spreadsheet names its columns."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _records(
    rows: list[list[str]], kind: str, checker: _Checker
) -> list[tuple[int, dict[str, str]]]:
    """Map the header to column keys and return (spreadsheet row, {key: cell}) per data row."""
    specs = COLUMNS[kind]
    skipped = 0
    while rows and not any(c.strip() for c in rows[0]):
        rows = rows[1:]  # blank lines before the header
        skipped += 1
    if not rows:
        raise ImportRejected([ImportIssue(1, "", "empty_file")])
    header = [_normalise_header(h) for h in rows[0]]
    position: dict[str, int] = {}
    for spec in specs:
        names = {_normalise_header(n) for n in spec.names()}
        for i, h in enumerate(header):
            if h in names:
                position.setdefault(spec.key, i)
    missing = [s.key for s in specs if s.required and s.key not in position]
    if missing:
        raise ImportRejected([ImportIssue(1 + skipped, k, "missing_column") for k in missing])
    if len(rows) - 1 > MAX_ROWS:
        raise ImportRejected([ImportIssue(MAX_ROWS + 2, "", "too_many_rows")])
    records = []
    for number, cells in enumerate(rows[1:], start=2 + skipped):
        if not any(c.strip() for c in cells):
            continue
        for i, cell in enumerate(cells):
            if i in position.values() or cell.strip():
                # A cell under no heading is named by its spreadsheet letter (A, B, ...).
                heading = header[i] if i < len(header) and header[i].strip() else ""
                column = next(
                    (k for k, p in position.items() if p == i), heading or _column_letter(i)
                )
                if cell.lstrip().startswith("="):
                    checker.add(number, column, "formula", cell)
                elif len(cell) > MAX_CELL:
                    checker.add(number, column, "too_long", cell)
        record: dict[str, str] = {}
        for spec in specs:
            at = position.get(spec.key)
            value = cells[at].strip() if at is not None and at < len(cells) else ""
            if len(value) > MAX_CELL or value.startswith("="):
                value = ""  # already reported above
            elif len(value) > spec.max_length:
                checker.add(number, spec.key, "too_long", value)
            if spec.required and not value:
                checker.add(number, spec.key, "required")
            record[spec.key] = value
        records.append((number, record))
    if not records:
        raise ImportRejected([ImportIssue(2, "", "empty_file")])
    return records


def _unique(checker: _Checker, row: int, column: str, key: str, value: str,
            seen: dict[str, int], existing: set[str]) -> None:  # fmt: skip
    if not key:
        return
    if key in seen:
        checker.add(row, column, "duplicate", value)
    elif key in existing:
        checker.add(row, column, "exists", value)
    seen.setdefault(key, row)


# --- one builder per kind: check rows, then the objects to add ------------------------------

Builder = Callable[[Any, _Checker, list[tuple[int, dict[str, str]]]], list[Any]]


def _build_staff(session: Any, c: _Checker, records: list[tuple[int, dict[str, str]]]) -> list[Any]:
    badges = {b for b in session.scalars(select(Staff.badge_no)) if b}
    seen: dict[str, int] = {}
    out = []
    for row, r in records:
        kind = c.choice(row, "kind", r["kind"], _STAFF_KINDS) if r["kind"] else None
        team = c.choice(row, "team", r["team"], _TEAMS) if r["team"] else None
        badge = r["badge_no"]
        if kind == "police" and not badge:
            c.add(row, "badge_no", "required")
        elif kind == "police" and not re.fullmatch(r"[0-9]{6}", badge):
            c.add(row, "badge_no", "badge_format", badge)
        _unique(c, row, "badge_no", badge, badge, seen, badges)
        phone = c.phone(row, r["phone"])
        if kind and team:
            out.append(Staff(name=r["name"], kind=StaffKind(kind), team=Team(team),
                             badge_no=badge or None, phone=phone))  # fmt: skip
    return out


def _build_grids(session: Any, c: _Checker, records: list[tuple[int, dict[str, str]]]) -> list[Any]:
    codes = set(session.scalars(select(Grid.code)))
    officers = {
        b: (i, k) for i, b, k in session.execute(select(Staff.id, Staff.badge_no, Staff.kind))
    }
    seen: dict[str, int] = {}
    out = []
    for row, r in records:
        _unique(c, row, "code", r["code"].upper(), r["code"], seen, {x.upper() for x in codes})
        kind = c.choice(row, "kind", r["kind"], _GRID_KINDS) if r["kind"] else None
        households = (
            c.integer(row, "households", r["households"], 0, 1_000_000) if r["households"] else 0
        )
        officer_id = None
        if r["officer_badge"]:
            found = officers.get(r["officer_badge"])
            if found is None:
                c.add(row, "officer_badge", "unknown_officer", r["officer_badge"])
            elif found[1] != StaffKind.POLICE:
                c.add(row, "officer_badge", "not_police", r["officer_badge"])
            else:
                officer_id = found[0]
        if kind:
            out.append(Grid(code=r["code"], name=r["name"], kind=kind, households=households or 0,
                            responsible_officer_id=officer_id))  # fmt: skip
    return out


def _build_mediators(
    session: Any, c: _Checker, records: list[tuple[int, dict[str, str]]]
) -> list[Any]:
    existing = {f"{n}|{p}" for n, p in session.execute(select(Mediator.name, Mediator.phone))}
    seen: dict[str, int] = {}
    out = []
    for row, r in records:
        kind = c.choice(row, "kind", r["kind"], _MEDIATOR_KINDS) if r["kind"] else None
        phone = c.phone(row, r["phone"])
        _unique(c, row, "name", f"{r['name']}|{phone}", r["name"], seen, existing)
        skills = []
        for part in re.split(r"[,，、;；/\s]+", r["skills"]):
            if part and (skill := c.choice(row, "skills", part, _SKILLS)) and skill not in skills:
                skills.append(skill)
        capacity = 3
        if r["capacity_per_day"]:
            capacity = c.integer(row, "capacity_per_day", r["capacity_per_day"], 1, 20) or 3
        if kind:
            out.append(Mediator(name=r["name"], kind=MediatorKind(kind),
                                organisation=r["organisation"], phone=phone,
                                skills=",".join(skills), languages=r["languages"],
                                capacity_per_day=capacity))  # fmt: skip
    return out


def _build_volunteers(
    session: Any, c: _Checker, records: list[tuple[int, dict[str, str]]]
) -> list[Any]:
    existing = {f"{n}|{p}" for n, p in session.execute(
        select(Staff.name, Staff.phone).where(Staff.kind == StaffKind.VOLUNTEER))}  # fmt: skip
    seen: dict[str, int] = {}
    out = []
    for row, r in records:
        phone = c.phone(row, r["phone"])
        _unique(c, row, "name", f"{r['name']}|{phone}", r["name"], seen, existing)
        out.append(Staff(name=r["name"], kind=StaffKind.VOLUNTEER, team=None, phone=phone,
                         volunteer_group=r["group"]))  # fmt: skip
    return out


_BUILDERS: dict[str, Builder] = {
    "staff": _build_staff,
    "grids": _build_grids,
    "mediators": _build_mediators,
    "volunteers": _build_volunteers,
}


def import_rows(db: Database, actor: Actor, kind: str, path: Path) -> ImportResult:
    """Import every row of ``path`` as ``kind``, or nothing (raises :class:`ImportRejected`).

    Checks that need the database (existing badge numbers, grid codes, officers) run
    inside the writing transaction, so two workstations importing at once cannot both
    pass them.
    """
    if kind not in _BUILDERS:
        raise ImportRejected([ImportIssue(0, "", "unknown_kind", kind)])
    checker = _Checker(kind)
    records = _records(read_table(Path(path)), kind, checker)
    with unit_of_work(db, actor, Permission.MANAGE_STATION, f"import.{kind}") as uow:
        objects = _BUILDERS[kind](uow.session, checker, records)
        if checker.issues:
            raise ImportRejected(checker.issues)  # rolls the transaction back
        for obj in objects:
            uow.add(obj)
    return ImportResult(kind, len(objects))
