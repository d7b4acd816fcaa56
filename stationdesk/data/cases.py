"""Cases: the list the duty officer watches, intake, routing, notes, status history.

The list is read page by page with keyset paging on (sort column, id) so the first
page is as fast at a million cases as at a hundred, and sorting happens in SQL.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    Boolean,
    ColumnElement,
    DateTime,
    Integer,
    Select,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Case,
    CaseNote,
    CaseParty,
    CaseStatusChange,
    Grid,
    Staff,
    User,
)
from stationdesk.data.uow import Actor, UnitOfWork, now, unit_of_work
from stationdesk.domain.enums import (
    OPEN_STATUSES,
    CaseCategory,
    CaseSource,
    CaseStatus,
    PartyRole,
    Permission,
    Priority,
    Team,
)

PAGE_SIZE = 200


class CaseRow(NamedTuple):
    """One line of the case list (a named tuple: a page of 200 is built in microseconds)."""

    id: int
    case_no: str
    reported_at: datetime
    category: CaseCategory
    priority: Priority
    status: CaseStatus
    grid_name: str
    owner_name: str
    summary: str
    resolution_due: datetime | None
    is_repeat: bool
    version: int

    def is_overdue(self, at: datetime) -> bool:
        return self.status.is_open and self.resolution_due is not None and self.resolution_due < at


@dataclass(frozen=True)
class CaseFilter:
    """What the officer narrowed the list to; empty means everything."""

    statuses: frozenset[CaseStatus] = frozenset()
    categories: frozenset[CaseCategory] = frozenset()
    priorities: frozenset[Priority] = frozenset()
    grid_ids: frozenset[int] = frozenset()
    owner_staff_ids: frozenset[int] = frozenset()
    owner_teams: frozenset[Team] = frozenset()
    open_only: bool = False
    overdue_only: bool = False
    unassigned_only: bool = False
    repeat_only: bool = False
    text: str = ""  # case no., summary, description, address or a party's name
    reported_since: datetime | None = None
    reported_before: datetime | None = None


class _ContainsText(ColumnElement[bool]):
    """``column`` contains ``text``, ignoring the case of Latin letters, on both back ends.

    SQLite's LIKE already ignores ASCII case; PostgreSQL needs ILIKE. SQLAlchemy's own
    ``ilike`` wraps both sides in lower() on SQLite, which costs a call per row.
    """

    type = Boolean()
    _is_implicitly_boolean = True  # no "= 1" after it on back ends without a boolean type
    _traverse_internals = [
        ("column", InternalTraversal.dp_clauseelement),
        ("pattern", InternalTraversal.dp_clauseelement),
    ]

    def __init__(self, column: Any, text: str) -> None:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        self.column = column
        self.pattern = literal(f"%{escaped}%")


@compiles(_ContainsText)
def _contains_like(element: _ContainsText, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    pattern = compiler.process(element.pattern, **kw)
    return f"({column} LIKE {pattern} ESCAPE '\\')"


@compiles(_ContainsText, "postgresql")
def _contains_ilike(element: _ContainsText, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    pattern = compiler.process(element.pattern, **kw)
    return f"({column} ILIKE {pattern} ESCAPE '\\')"


class _Unindexed(ColumnElement[Any]):
    """``column`` as SQLite's ``+column``: the same value, but no index is used for it.

    The case list opens on open cases newest first. Given ``status IN (...)`` SQLite
    picks the status index and sorts every open case in a temporary B-tree (16-24 ms at
    100k, 250 ms at 1M); with ``+status`` it walks the reported-at index newest first
    and stops after one page (~1 ms at any size). PostgreSQL plans this well itself.
    """

    inherit_cache = True
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: Any) -> None:
        self.column = column
        self.type = column.type


@compiles(_Unindexed)
def _unindexed_plain(element: _Unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return str(compiler.process(element.column, **kw))


@compiles(_Unindexed, "sqlite")
def _unindexed_sqlite(element: _Unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.column, **kw)}"


CASE_NO_PATTERN = re.compile(r"\d{8}-\d{4}", re.ASCII)


def text_matches(text: str) -> ColumnElement[bool]:
    """The free-text search: case no., summary, description, address, parties' names.

    A whole case number finds that case through its unique index; anything else is a
    "contains" search over the text columns and the parties (an EXISTS per case).
    """
    if CASE_NO_PATTERN.fullmatch(text):
        return Case.case_no == text
    party_named = exists().where(CaseParty.case_id == Case.id, _ContainsText(CaseParty.name, text))
    return or_(
        *(
            _ContainsText(col, text)
            for col in (Case.case_no, Case.summary, Case.address, Case.description)
        ),
        party_named,
    )


# Priority sorts by urgency, not alphabetically.
_PRIORITY_RANK = case({p.value: p.rank for p in Priority}, value=Case.priority, else_=9)

SORT_COLUMNS: dict[str, Any] = {
    "reported_at": Case.reported_at,
    "case_no": Case.case_no,
    "priority": _PRIORITY_RANK,
    "status": Case.status,
    "category": Case.category,
    "resolution_due": Case.resolution_due,
    "grid": Grid.name,
}


@dataclass(frozen=True)
class CaseSort:
    column: str = "reported_at"
    descending: bool = True


@dataclass(frozen=True)
class PageKey:
    """Where the next page starts: the last row's sort value and id."""

    value: Any
    id: int


@dataclass(frozen=True)
class CasePage:
    rows: tuple[CaseRow, ...]
    next_key: PageKey | None


_owner = aliased(Staff)


def _list_select() -> Select:
    return (
        select(
            Case.id,
            Case.case_no,
            Case.reported_at,
            Case.category,
            Case.priority,
            Case.status,
            Grid.name,
            _owner.name,
            Case.owner_team,
            Case.summary,
            Case.resolution_due,
            Case.is_repeat,
            Case.version,
        )
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(_owner, _owner.id == Case.owner_staff_id)
    )


def filter_conditions(
    f: CaseFilter, at: Any = None, *, open_by_index: bool = True
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of a filter. ``at`` (a time or a bind parameter) is "now"
    for the overdue filter; ``open_by_index=False`` keeps SQLite from using the status
    index for the "open cases" condition (see :class:`_Unindexed`)."""
    conds: list[ColumnElement[bool]] = []
    if f.statuses:
        conds.append(Case.status.in_(sorted(f.statuses)))
    if f.open_only or f.overdue_only:
        status = Case.status if open_by_index else _Unindexed(Case.status)
        conds.append(status.in_(OPEN_STATUSES))
    if f.overdue_only:
        conds.append(Case.resolution_due < (now() if at is None else at))
    if f.unassigned_only:
        conds.append(and_(Case.owner_staff_id.is_(None), Case.owner_team.is_(None)))
    if f.repeat_only:
        conds.append(Case.is_repeat.is_(True))
    if f.categories:
        conds.append(Case.category.in_(sorted(f.categories)))
    if f.priorities:
        conds.append(Case.priority.in_(sorted(f.priorities)))
    if f.grid_ids:
        conds.append(Case.grid_id.in_(sorted(f.grid_ids)))
    if f.owner_staff_ids or f.owner_teams:
        owned = []
        if f.owner_staff_ids:
            owned.append(Case.owner_staff_id.in_(sorted(f.owner_staff_ids)))
        if f.owner_teams:
            owned.append(Case.owner_team.in_(sorted(f.owner_teams)))
        conds.append(or_(*owned))
    if f.reported_since is not None:
        conds.append(Case.reported_at >= f.reported_since)
    if f.reported_before is not None:
        conds.append(Case.reported_at < f.reported_before)
    text = f.text.strip()
    if text:
        conds.append(text_matches(text))
    return conds


def _row(r: Any) -> CaseRow:
    owner = r[7] or (r[8].value if r[8] is not None else "")
    return CaseRow(
        id=r[0],
        case_no=r[1],
        reported_at=r[2],
        category=r[3],
        priority=r[4],
        status=r[5],
        grid_name=r[6] or "",
        owner_name=owner,
        summary=r[9],
        resolution_due=r[10],
        is_repeat=bool(r[11]),
        version=r[12],
    )


# Bind parameters of the page statement that change from call to call.
_AT, _AFTER_VALUE, _AFTER_ID = "page_at", "page_after_value", "page_after_id"


@functools.lru_cache(maxsize=64)
def _page_statement(case_filter: CaseFilter, sort: CaseSort, after: str, limit: int) -> Select:
    """The page query for one filter, sort and kind of start (``after``: "" for the first
    page, "value" or "null" past a row with / without a sort value); built once.

    The time of the overdue filter and where the page starts are bind parameters.
    """
    col = SORT_COLUMNS[sort.column]
    at = bindparam(_AT, datetime.min, type_=DateTime)
    # Open cases newest first: the reported-at index beats the status index (see
    # _Unindexed); not with an overdue, grid or owner filter, which have better indexes.
    by_index = (
        sort.column != "reported_at"
        or case_filter.overdue_only
        or bool(case_filter.grid_ids or case_filter.owner_staff_ids)
    )
    stmt = _list_select().where(*filter_conditions(case_filter, at, open_by_index=by_index))
    after_id = bindparam(_AFTER_ID, 0, type_=Integer)
    past_id = Case.id < after_id if sort.descending else Case.id > after_id
    if after == "null":
        # NULLs sort last in both directions here; continue within the NULL block.
        stmt = stmt.where(col.is_(None), past_id)
    elif after == "value":
        value = bindparam(_AFTER_VALUE, None, type_=col.type)
        beyond = col < value if sort.descending else col > value
        stmt = stmt.where(or_(beyond, and_(col == value, past_id), col.is_(None)))
    if sort.descending:
        stmt = stmt.order_by(col.desc().nulls_last(), Case.id.desc())
    else:
        stmt = stmt.order_by(col.asc().nulls_last(), Case.id.asc())
    return stmt.limit(limit + 1)


def list_cases_page(
    db: Database,
    case_filter: CaseFilter = CaseFilter(),
    sort: CaseSort = CaseSort(),
    after: PageKey | None = None,
    limit: int = PAGE_SIZE,
) -> CasePage:
    """One page of the case list, sorted and filtered in SQL (keyset paging)."""
    kind = "" if after is None else "null" if after.value is None else "value"
    stmt = _page_statement(case_filter, sort, kind, limit)
    params: dict[str, Any] = {_AT: now()}
    if after is not None:
        params[_AFTER_ID] = after.id
        params[_AFTER_VALUE] = after.value
    if db.is_sqlite:
        rows = _sqlite_page_rows(db, stmt, params)
    else:
        with db.engine.connect() as conn:
            rows = [_row(r) for r in conn.execute(stmt, params)]
    next_key = None
    if len(rows) > limit:
        del rows[limit:]
        next_key = PageKey(_sort_value(rows[-1], sort.column), rows[-1].id)
    return CasePage(tuple(rows), next_key)


# --- the SQLite page read: compiled once, straight from the driver's cursor -----------
#
# SQLAlchemy's per-call work (cache key, execution context, result processing of the
# enum and time columns) and a frozen dataclass per row took 3-4x the query itself on
# a 200-row page. The statement is the same, compiled by SQLAlchemy once per filter;
# the values are converted here.

_CATEGORIES = {m.value: m for m in CaseCategory}
_PRIORITIES = {m.value: m for m in Priority}
_STATUSES = {m.value: m for m in CaseStatus}


@dataclass(frozen=True)
class _CompiledPage:
    sql: str
    names: tuple[str, ...]  # the positional parameters, in order
    values: dict[str, Any]  # their values as compiled (the filter's own)


@functools.lru_cache(maxsize=64)
def _compiled(stmt: Select, dialect: Any) -> _CompiledPage:
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    names = tuple(compiled.positiontup or ())
    return _CompiledPage(compiled.string, names, dict(compiled.construct_params()))


def _sqlite_value(value: Any) -> Any:
    """A parameter as SQLAlchemy stores it in SQLite (enums by value, times as text)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _sqlite_page_rows(db: Database, stmt: Select, params: dict[str, Any]) -> list[CaseRow]:
    page = _compiled(stmt, db.engine.dialect)
    args = [_sqlite_value(params[n] if n in params else page.values[n]) for n in page.names]
    conn = db.engine.raw_connection()  # from the pool, with the engine's pragmas
    try:
        raw = conn.driver_connection.execute(page.sql, args).fetchall()  # type: ignore[union-attr]
    finally:
        conn.close()
    new, fromiso = tuple.__new__, datetime.fromisoformat
    cats, prios, states = _CATEGORIES, _PRIORITIES, _STATUSES
    return [
        new(
            CaseRow,
            (
                id_,
                case_no,
                fromiso(reported),
                cats[category],
                prios[priority],
                states[status],
                grid or "",
                officer or team or "",  # an officer's name, else the owning team's value
                summary,
                None if due is None else fromiso(due),
                bool(repeat),
                version,
            ),
        )
        for (
            id_, case_no, reported, category, priority, status, grid, officer, team,
            summary, due, repeat, version,
        ) in raw
    ]  # fmt: skip


def _sort_value(row: CaseRow, column: str) -> Any:
    if column == "grid":
        return row.grid_name or None
    if column == "priority":
        return row.priority.rank
    value = getattr(row, column)
    return value.value if hasattr(value, "value") else value


def count_cases(db: Database, case_filter: CaseFilter = CaseFilter()) -> int:
    stmt = select(func.count()).select_from(Case).where(*filter_conditions(case_filter))
    with db.engine.connect() as conn:
        return int(conn.execute(stmt).scalar_one())


def case_rows_by_id(db: Database, ids: Sequence[int]) -> list[CaseRow]:
    """Fresh rows for the ids the change feed named (a list repaints only those)."""
    if not ids:
        return []
    with db.engine.connect() as conn:
        return [_row(r) for r in conn.execute(_list_select().where(Case.id.in_(list(ids))))]


# ---------------------------------------------------------------------------- detail


@dataclass(frozen=True)
class PartyInfo:
    name: str
    role: PartyRole
    resident_id: str = ""
    phone: str = ""


@dataclass(frozen=True)
class StatusChangeInfo:
    at: datetime
    from_status: CaseStatus | None
    to_status: CaseStatus
    by: str
    reason: str


@dataclass(frozen=True)
class NoteInfo:
    id: int
    at: datetime
    author: str
    text: str
    struck_at: datetime | None
    strike_reason: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    case_no: str
    category: CaseCategory
    source: CaseSource
    priority: Priority
    status: CaseStatus
    grid_id: int | None
    grid_name: str
    address: str
    summary: str
    description: str
    reported_at: datetime
    first_response_due: datetime | None
    resolution_due: datetime | None
    owner_staff_id: int | None
    owner_name: str
    owner_team: Team | None
    is_repeat: bool
    notable: bool
    version: int
    parties: tuple[PartyInfo, ...]
    history: tuple[StatusChangeInfo, ...]
    notes: tuple[NoteInfo, ...]


def get_case(db: Database, case_id: int) -> CaseDetail:
    from stationdesk.data.uow import NotFoundError

    with db.read() as s:
        c = s.get(Case, case_id)
        if c is None:
            raise NotFoundError("case_file", case_id)
        grid = s.get(Grid, c.grid_id) if c.grid_id else None
        owner = s.get(Staff, c.owner_staff_id) if c.owner_staff_id else None
        users = {u.id: u.display_name for u in s.scalars(select(User))}
        history = s.scalars(
            select(CaseStatusChange)
            .where(CaseStatusChange.case_id == case_id)
            .order_by(CaseStatusChange.at, CaseStatusChange.id)
        ).all()
        notes = s.scalars(
            select(CaseNote).where(CaseNote.case_id == case_id).order_by(CaseNote.at, CaseNote.id)
        ).all()
        return CaseDetail(
            id=c.id,
            case_no=c.case_no,
            category=c.category,
            source=c.source,
            priority=c.priority,
            status=c.status,
            grid_id=c.grid_id,
            grid_name=grid.name if grid else "",
            address=c.address,
            summary=c.summary,
            description=c.description,
            reported_at=c.reported_at,
            first_response_due=c.first_response_due,
            resolution_due=c.resolution_due,
            owner_staff_id=c.owner_staff_id,
            owner_name=owner.name if owner else "",
            owner_team=c.owner_team,
            is_repeat=c.is_repeat,
            notable=c.notable,
            version=c.version,
            parties=tuple(PartyInfo(p.name, p.role, p.resident_id, p.phone) for p in c.parties),
            history=tuple(
                StatusChangeInfo(
                    h.at, h.from_status, h.to_status, users.get(h.by_user_id or 0, ""), h.reason
                )
                for h in history
            ),
            notes=tuple(
                NoteInfo(
                    n.id,
                    n.at,
                    users.get(n.author_user_id or 0, ""),
                    n.text,
                    n.struck_at,
                    n.strike_reason,
                )
                for n in notes
            ),
        )


# ---------------------------------------------------------------------------- intake


@dataclass(frozen=True)
class CaseDraft:
    """What the intake form hands over, already validated by the domain rules."""

    category: CaseCategory
    source: CaseSource
    priority: Priority
    reported_at: datetime
    grid_id: int | None
    address: str
    summary: str
    description: str = ""
    parties: tuple[PartyInfo, ...] = field(default_factory=tuple)
    is_repeat: bool = False
    notable: bool = False


def next_case_no(uow: UnitOfWork, at: datetime) -> str:
    """Station case number: year-month-day plus a running number for that day."""
    prefix = at.strftime("%Y%m%d")
    last = uow.session.scalar(
        select(func.max(Case.case_no)).where(Case.case_no.like(f"{prefix}-%"))
    )
    seq = int(last.split("-")[1]) + 1 if last else 1
    return f"{prefix}-{seq:04d}"


def create_case(db: Database, actor: Actor, draft: CaseDraft) -> CaseDetail:
    """Record a new case with its parties and the first status-history line.

    Its deadlines come from the station's deadline policy (``station_settings``).
    """
    from stationdesk.data import station_settings
    from stationdesk.domain import deadlines

    with unit_of_work(db, actor, Permission.EDIT_CASES, "case.create") as uow:
        policy = station_settings.policy_in(uow.session)
        first_due, resolution_due = deadlines.due_times(
            draft.reported_at, draft.priority, draft.category, policy
        )
        case = Case(
            case_no=next_case_no(uow, uow.at),
            category=draft.category,
            source=draft.source,
            priority=draft.priority,
            status=CaseStatus.NEW,
            grid_id=draft.grid_id,
            address=draft.address,
            summary=draft.summary,
            description=draft.description,
            reported_at=draft.reported_at,
            created_at=uow.at,
            updated_at=uow.at,
            first_response_due=first_due,
            resolution_due=resolution_due,
            is_repeat=draft.is_repeat,
            notable=draft.notable,
            parties=[
                CaseParty(name=p.name, role=p.role, resident_id=p.resident_id, phone=p.phone)
                for p in draft.parties
            ],
        )
        uow.add(case)
        uow.add(
            CaseStatusChange(
                case_id=case.id,
                from_status=None,
                to_status=CaseStatus.NEW,
                at=uow.at,
                by_user_id=actor.user_id,
                reason="",
            )
        )
        case_id = case.id
    return get_case(db, case_id)


def change_status(
    db: Database,
    actor: Actor,
    case_id: int,
    expected_version: int,
    to: CaseStatus,
    reason: str = "",
) -> CaseDetail:
    """Move a case along the workflow; the history keeps who, when and why."""
    from stationdesk.domain import workflow

    with unit_of_work(db, actor, Permission.EDIT_CASES, "case.status") as uow:
        case = uow.get(Case, case_id)
        workflow.check_transition(case.status, to, reason or None)
        from_status = case.status
        changes: dict[str, Any] = {"status": to, "updated_at": uow.at}
        if not to.is_open:
            changes["closed_at"] = uow.at
        elif not from_status.is_open:
            changes["closed_at"] = None
        uow.update(Case, case_id, expected_version, **changes)
        uow.add(
            CaseStatusChange(
                case_id=case_id,
                from_status=from_status,
                to_status=to,
                at=uow.at,
                by_user_id=actor.user_id,
                reason=reason,
            )
        )
    return get_case(db, case_id)


def assign_case(
    db: Database,
    actor: Actor,
    case_id: int,
    expected_version: int,
    staff_id: int | None,
    team: Team | None = None,
) -> CaseDetail:
    """Give the case an owner (officer or team); a new case becomes assigned."""
    with unit_of_work(db, actor, Permission.EDIT_CASES, "case.assign") as uow:
        case = uow.get(Case, case_id)
        changes: dict[str, Any] = {
            "owner_staff_id": staff_id,
            "owner_team": team,
            "updated_at": uow.at,
        }
        moved = case.status == CaseStatus.NEW and (staff_id is not None or team is not None)
        if moved:
            changes["status"] = CaseStatus.ASSIGNED
        uow.update(Case, case_id, expected_version, **changes)
        if moved:
            uow.add(
                CaseStatusChange(
                    case_id=case_id,
                    from_status=CaseStatus.NEW,
                    to_status=CaseStatus.ASSIGNED,
                    at=uow.at,
                    by_user_id=actor.user_id,
                    reason="",
                )
            )
    return get_case(db, case_id)


def add_note(db: Database, actor: Actor, case_id: int, text: str) -> NoteInfo:
    """Append a note; notes are never edited or deleted."""
    with unit_of_work(db, actor, Permission.EDIT_CASES, "case.note") as uow:
        uow.get(Case, case_id)
        note = uow.add(
            CaseNote(case_id=case_id, author_user_id=actor.user_id, at=uow.at, text=text)
        )
        return NoteInfo(note.id, note.at, actor.display_name or actor.username, text, None, "")


def strike_note(db: Database, actor: Actor, note_id: int, reason: str) -> None:
    """Strike a wrong note through with a reason; its text stays readable."""
    with unit_of_work(db, actor, Permission.EDIT_CASES, "case.note.strike") as uow:
        note = uow.get(CaseNote, note_id)
        if note.struck_at is not None:
            return
        old = {"struck_at": None, "strike_reason": ""}
        note.struck_at, note.struck_by_user_id, note.strike_reason = uow.at, actor.user_id, reason
        uow.session.flush()
        uow.touch(note, old, {"struck_at": uow.at, "strike_reason": reason})


# ---------------------------------------------------------------------- premise history


@dataclass(frozen=True)
class PriorCase:
    id: int
    case_no: str
    reported_at: datetime
    category: CaseCategory
    status: CaseStatus
    summary: str
    matched_on: str  # "address" | "party"
    resolution_due: datetime | None = None

    def is_overdue(self, at: datetime) -> bool:
        return self.status.is_open and self.resolution_due is not None and self.resolution_due < at


def premise_history(
    db: Database,
    address: str,
    resident_ids: Sequence[str] = (),
    phones: Sequence[str] = (),
    days: int = 90,
    at: datetime | None = None,
) -> list[PriorCase]:
    """Cases in the last ``days`` at the same address or with the same party."""
    since = (at or now()) - timedelta(days=days)
    found: dict[int, PriorCase] = {}
    cols = (
        Case.id, Case.case_no, Case.reported_at, Case.category, Case.status, Case.summary,
        Case.resolution_due,
    )  # fmt: skip
    with db.engine.connect() as conn:
        if address.strip():
            stmt = select(*cols).where(Case.address == address.strip(), Case.reported_at >= since)
            for r in conn.execute(stmt.order_by(Case.reported_at.desc()).limit(50)):
                found[r[0]] = PriorCase(*r[:6], matched_on="address", resolution_due=r[6])
        ids = [v for v in resident_ids if v]
        tels = [v for v in phones if v]
        if ids or tels:
            party = or_(CaseParty.resident_id.in_(ids), CaseParty.phone.in_(tels))
            stmt = (
                select(*cols)
                .join(CaseParty, CaseParty.case_id == Case.id)
                .where(party, Case.reported_at >= since)
                .distinct()
            )
            for r in conn.execute(stmt.limit(50)):
                found.setdefault(r[0], PriorCase(*r[:6], matched_on="party", resolution_due=r[6]))
    return sorted(found.values(), key=lambda p: p.reported_at, reverse=True)
