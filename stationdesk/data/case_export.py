"""Export the case list as filtered to CSV (UTF-8 with BOM, for Excel) or XLSX.

Rows are read page by page with the list's own keyset paging and written as they
come, so a large export never holds all cases in memory. Parties' resident ID and
phone numbers are masked as everywhere outside the audited full view. The caller
gets progress after each batch and may cancel between batches; the file is written
next to the target first and moved into place only when complete, and the export
is recorded in the audit trail with its filter and size.
"""

from __future__ import annotations

import csv
import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select

from stationdesk.data import audit, case_queries
from stationdesk.data.cases import CaseFilter, CaseRow, CaseSort, PageKey
from stationdesk.data.database import Database
from stationdesk.data.schema import Case, CaseParty
from stationdesk.data.uow import Actor, now
from stationdesk.domain.enums import PartyRole
from stationdesk.domain.validation import mask_phone, mask_resident_id

BATCH = 2000
TIME_FORMAT = "%Y-%m-%d %H:%M"
COLUMNS = (
    "case_no",
    "reported_at",
    "category",
    "priority",
    "status",
    "grid",
    "owner",
    "summary",
    "address",
    "resolution_due",
    "overdue",
    "repeat",
    "parties",
)
FORMATS = ("csv", "xlsx")


def _plain_label(value: enum.Enum | None) -> str:
    return "" if value is None else str(value.value)


@dataclass(frozen=True)
class ExportText:
    """The words of the file, in the officer's language (the UI passes translations)."""

    headers: Mapping[str, str] = field(default_factory=lambda: {c: c for c in COLUMNS})
    label: Callable[[enum.Enum | None], str] = _plain_label
    owner: Callable[[str], str] = str  # the list's owner text (a team's stored value too)
    yes: str = "yes"
    no: str = ""
    sheet_title: str = "cases"


@dataclass(frozen=True)
class ExportResult:
    rows: int
    path: Path
    cancelled: bool = False


class _Cancelled(Exception):
    pass


def party_text(name: str, role: str, resident_id: str, phone: str) -> str:
    """One party, masked: "李四 (Respondent) 110***********002X 138****8000"."""
    parts = [f"{name} ({role})" if role else name]
    if resident_id:
        parts.append(mask_resident_id(resident_id))
    if phone:
        parts.append(mask_phone(phone))
    return " ".join(p for p in parts if p)


def _extras(
    db: Database, ids: Sequence[int], text: ExportText
) -> tuple[dict[int, str], dict[int, str]]:
    """Address and masked parties of a batch of cases (the list rows do not carry them)."""
    addresses: dict[int, str] = {}
    parties: dict[int, list[str]] = {}
    with db.engine.connect() as conn:
        for case_id, address in conn.execute(
            select(Case.id, Case.address).where(Case.id.in_(list(ids)))
        ):
            addresses[case_id] = address or ""
        for case_id, name, role, rid, phone in conn.execute(
            select(
                CaseParty.case_id, CaseParty.name, CaseParty.role, CaseParty.resident_id,
                CaseParty.phone,
            )
            .where(CaseParty.case_id.in_(list(ids)))
            .order_by(CaseParty.case_id, CaseParty.id)
        ):  # fmt: skip
            role_text = text.label(PartyRole(role)) if role else ""
            parties.setdefault(case_id, []).append(
                party_text(name, role_text, rid or "", phone or "")
            )
    return addresses, {k: "; ".join(v) for k, v in parties.items()}


def _record(
    r: CaseRow, at: datetime, address: str, parties: str, text: ExportText
) -> dict[str, Any]:
    return {
        "case_no": r.case_no,
        "reported_at": r.reported_at,
        "category": text.label(r.category),
        "priority": text.label(r.priority),
        "status": text.label(r.status),
        "grid": r.grid_name,
        "owner": text.owner(r.owner_name),
        "summary": " ".join(r.summary.split()),
        "address": address,
        "resolution_due": r.resolution_due,
        "overdue": text.yes if r.is_overdue(at) else text.no,
        "repeat": text.yes if r.is_repeat else text.no,
        "parties": parties,
    }


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime(TIME_FORMAT)
    out = str(value)
    # A spreadsheet runs a cell that starts like a formula: typed text must stay text.
    if out[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + out
    return out


class _CsvWriter:
    def __init__(self, path: Path) -> None:
        self._file: TextIO = path.open("w", encoding="utf-8-sig", newline="")
        self._writer = csv.writer(self._file)

    def header(self, titles: Sequence[str]) -> None:
        self._writer.writerow(titles)

    def row(self, values: Sequence[Any]) -> None:
        self._writer.writerow([_csv_cell(v) for v in values])

    def close(self, complete: bool) -> None:
        self._file.close()


class _XlsxWriter:
    def __init__(self, path: Path, title: str) -> None:
        from openpyxl import Workbook  # imported on first use: keeps start-up fast

        self._path = path
        self._book = Workbook(write_only=True)
        self._sheet = self._book.create_sheet(title[:31] or "cases")
        self._sheet.freeze_panes = "A2"

    def header(self, titles: Sequence[str]) -> None:
        widths = {"case_no": 16, "reported_at": 17, "summary": 40, "address": 32, "parties": 48}
        for i, key in enumerate(COLUMNS):
            letter = chr(ord("A") + i)
            self._sheet.column_dimensions[letter].width = widths.get(key, 12)
        self._sheet.append(list(titles))

    def row(self, values: Sequence[Any]) -> None:
        from openpyxl.cell import WriteOnlyCell

        cells = []
        for value in values:
            cell = WriteOnlyCell(self._sheet, value=value)
            if isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # typed text, never a formula
            cells.append(cell)
        self._sheet.append(cells)

    def close(self, complete: bool) -> None:
        if complete:
            self._book.save(self._path)
            return
        # Cancelled: finish the sheet's temporary file, then remove it.
        self._sheet.close()
        writer = getattr(self._sheet, "_writer", None)
        if writer is not None:
            writer.cleanup()


def _filter_details(f: CaseFilter, sort: CaseSort) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fld in fields(f):
        value = getattr(f, fld.name)
        if value in (None, "", False, frozenset()):
            continue
        if isinstance(value, frozenset):
            value = sorted(v.value if isinstance(v, enum.Enum) else v for v in value)
        out[fld.name] = value
    out["sort"] = f"{sort.column} {'desc' if sort.descending else 'asc'}"
    return out


def export_cases(
    db: Database,
    actor: Actor,
    path: Path,
    case_filter: CaseFilter | None = None,
    sort: CaseSort | None = None,
    fmt: str = "csv",
    text: ExportText | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch: int = BATCH,
) -> ExportResult:
    """Write the cases the list shows with ``case_filter`` to ``path``, in list order.

    ``progress(done, total)`` is called after each batch; when ``cancelled()`` turns
    true the export stops, no file is left behind and ``cancelled`` is set.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    case_filter = case_filter or CaseFilter()
    sort = sort or CaseSort()
    text = text or ExportText()
    at = now()
    total = case_queries.count_cases(db, case_filter)
    tmp = path.with_name(path.name + ".part")
    writer: _CsvWriter | _XlsxWriter = (
        _CsvWriter(tmp) if fmt == "csv" else _XlsxWriter(tmp, text.sheet_title)
    )
    done = 0
    complete = False
    try:
        writer.header([text.headers.get(c, c) for c in COLUMNS])
        after: PageKey | None = None
        while True:
            page = case_queries.list_cases_page(db, case_filter, sort, after, limit=batch)
            if page.rows:
                addresses, parties = _extras(db, [r.id for r in page.rows], text)
                for r in page.rows:
                    record = _record(r, at, addresses.get(r.id, ""), parties.get(r.id, ""), text)
                    writer.row([record[c] for c in COLUMNS])
                done += len(page.rows)
            if progress is not None:
                progress(done, max(total, done))
            if cancelled is not None and cancelled():
                raise _Cancelled  # also after the last batch: Cancel means no file
            if page.next_key is None:
                break
            after = page.next_key
        complete = True
    except _Cancelled:
        return ExportResult(done, path, cancelled=True)
    finally:
        writer.close(complete)
        if not complete:
            tmp.unlink(missing_ok=True)
    try:
        # On record before the file appears: no export exists that the trail does not name.
        audit.record(
            db, actor, "case.export", Case.__tablename__, None,
            {**_filter_details(case_filter, sort), "rows": done, "format": fmt,
             "file": path.name},
        )  # fmt: skip
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return ExportResult(done, path)
