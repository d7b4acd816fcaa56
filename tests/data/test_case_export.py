"""Exporting the filtered case list: CSV and XLSX read back, masked, audited, cancellable."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from stationdesk.data import case_export, cases, migrate, users
from stationdesk.data.case_export import COLUMNS, ExportText
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry
from stationdesk.data.uow import SYSTEM, Actor
from stationdesk.domain.enums import CaseCategory, CaseSource, PartyRole, Priority, Role
from stationdesk.domain.validation import mask_phone, mask_resident_id, resident_id_check_char

FIRST17 = "11010519900307123"
RESIDENT_ID = FIRST17 + resident_id_check_char(FIRST17)
PHONE = "13912345678"
NOW = datetime.now().replace(microsecond=0)


@pytest.fixture
def station(tmp_path: Path) -> Iterator[tuple[Database, Actor]]:
    """SQLite only: the export reads through the list queries tested on both back ends."""
    db = Database(str(tmp_path / "station.sqlite3"))
    migrate.upgrade(db)
    users.create_user(db, SYSTEM, "duty", "Duty", "correct-horse-1", [Role.DUTY_OFFICER])
    yield db, users.sign_in(db, "duty", "correct-horse-1")
    db.dispose()


def _fill(db: Database, actor: Actor, n: int) -> list[cases.CaseDetail]:
    made = []
    for i in range(n):
        parties = (
            cases.PartyInfo("李四", PartyRole.COMPLAINANT, RESIDENT_ID, PHONE),
            cases.PartyInfo("王五", PartyRole.RESPONDENT),
        ) if i % 2 == 0 else ()  # fmt: skip
        made.append(cases.create_case(db, actor, cases.CaseDraft(
            CaseCategory.THEFT if i % 3 else CaseCategory.DISPUTE_FAMILY, CaseSource.PHONE,
            Priority.HIGH, NOW - timedelta(days=10, minutes=i), None, f"南街{i}号",
            '=HYPERLINK("http://x")' if i == 1 else f"案件{i}", parties=parties,
        )))  # fmt: skip
    return made


CHINESE = ExportText(
    headers={c: f"列{c}" for c in COLUMNS}, label=lambda e: f"<{e.value}>" if e else "",
    yes="是", no="否", sheet_title="案件",
)  # fmt: skip


def test_csv_is_utf8_with_bom_masked_and_in_list_order(
    station: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, duty = station
    made = _fill(db, duty, 7)
    path = tmp_path / "案件.csv"
    progress: list[tuple[int, int]] = []
    f = cases.CaseFilter(categories=frozenset({CaseCategory.THEFT}))
    result = case_export.export_cases(
        db, duty, path, f, fmt="csv", text=CHINESE, batch=2,
        progress=lambda done, total: progress.append((done, total)),
    )  # fmt: skip
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as "this is UTF-8"
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == [f"列{c}" for c in COLUMNS]
    thefts = [c for c in made if c.category == CaseCategory.THEFT]
    assert result.rows == len(thefts) == len(rows) - 1
    # Newest first, like the list.
    assert [r[0] for r in rows[1:]] == [c.case_no for c in thefts]
    by_no = {r[0]: dict(zip(COLUMNS, r, strict=True)) for r in rows[1:]}
    two = by_no[made[2].case_no]
    assert two["category"] == "<theft>" and two["overdue"] == "是"  # 10 days, HIGH: overdue
    assert two["address"] == "南街2号"
    assert "李四 (<complainant>)" in two["parties"] and "王五 (<respondent>)" in two["parties"]
    assert mask_resident_id(RESIDENT_ID) in two["parties"] and mask_phone(PHONE) in two["parties"]
    assert RESIDENT_ID not in raw.decode("utf-8-sig") and PHONE not in raw.decode("utf-8-sig")
    assert by_no[made[1].case_no]["summary"].startswith("'=")  # never a formula in Excel
    assert progress[-1] == (len(thefts), len(thefts)) and len(progress) >= 2
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "case.export")).one()
    assert '"rows": 4' in entry.new_values and "theft" in entry.new_values


def test_xlsx_reads_back_with_times_and_masking(
    station: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, duty = station
    made = _fill(db, duty, 5)
    path = tmp_path / "cases.xlsx"
    result = case_export.export_cases(db, duty, path, fmt="xlsx", text=CHINESE, batch=3)
    assert result.rows == 5 and not result.cancelled
    book = load_workbook(path, read_only=True)
    sheet = book["案件"]
    values = list(sheet.iter_rows(values_only=True))
    book.close()
    assert list(values[0]) == [f"列{c}" for c in COLUMNS]
    assert [v[0] for v in values[1:]] == [c.case_no for c in made]
    first = dict(zip(COLUMNS, values[1], strict=True))
    assert first["reported_at"] == made[0].reported_at  # a real date-time cell
    assert mask_phone(PHONE) in first["parties"]
    formula = dict(zip(COLUMNS, values[2], strict=True))["summary"]
    assert formula == '=HYPERLINK("http://x")'  # stored as text, not as a formula
    assert not any(PHONE in str(v) or RESIDENT_ID in str(v) for row in values for v in row)


def test_cancel_leaves_no_file_and_no_audit_entry(
    station: tuple[Database, Actor], tmp_path: Path
) -> None:
    db, duty = station
    _fill(db, duty, 6)
    path = tmp_path / "cases.xlsx"
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) >= 2  # after two batches

    result = case_export.export_cases(db, duty, path, fmt="xlsx", batch=2, cancelled=cancelled)
    assert result.cancelled and result.rows == 4
    assert not any(p.name.startswith("cases") for p in tmp_path.iterdir())
    with db.read() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "case.export")).all() == []
