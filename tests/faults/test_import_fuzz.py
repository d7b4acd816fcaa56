"""Random and malicious CSV/XLSX files through every importer kind (hypothesis).

The contract (issue 2 and ``stationdesk import``): ``importer.import_rows(db, actor,
kind, path)`` validates every row first and imports all rows or none; a rejected file
raises ``importer.ImportRejected`` whose ``issues`` each name the row and the column
(a problem of the whole file -- unreadable, empty, wrong encoding -- names row 1).
Whatever the file holds -- wrong columns, GBK or UTF-16 text, huge cells, spreadsheet
formulas, duplicate keys, dates typed every way a clerk might, or plain garbage -- the
importer never crashes and never imports part of a file.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stationdesk.data import importer, migrate
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry, Base, WorkToken

KINDS = ("staff", "grids", "mediators", "volunteers")
# Headers a clerk's sheet might carry (Chinese and English), plus junk.
HEADERS = [
    "name", "姓名", "kind", "类别", "team", "队伍", "badge_no", "警号", "phone", "电话",
    "code", "编号", "grid", "网格", "officer", "责任民警", "resident_id", "身份证号",
    "organisation", "单位", "skills", "特长", "languages", "语言", "capacity_per_day",
    "group", "队伍名称", "start", "开始日期", "date", "日期", "", " ", "name", "unused",
]  # fmt: skip
NASTY = [
    "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1:A2)",
    "\t=1", "'=1", "0x41", "NaN", "None", "null", "TRUE", "1e309", "-0", "٣", "１２３",
    "\u202eevil", "\x00", "a\r\nb", '"', '""', ",", ";", "\\", "' OR 1=1 --", "<script>",
    "110101199003077777", "11010119900307777X", "13800138000", "+86 138 0013 8000",
    "张三", "欧阳 娜娜", "𠀀𪚥", "🙂", "G01", "g01", " G01 ", "G01\u00a0",
]  # fmt: skip
ODD_DATES = [
    "2024-03-05", "2024/3/5", "2024.03.05", "20240305", "2024年3月5日", "3/5/2024",
    "5/3/2024", "05-03-24", "45356", "2024-02-30", "0000-00-00", "9999-12-31", "昨天",
    "2024-03-05T08:00", "2024-03-05 25:61", "Mar 5 2024",
]  # fmt: skip

cell = st.one_of(
    st.sampled_from(NASTY),
    st.sampled_from(ODD_DATES),
    st.text(max_size=30),
    st.integers(-(10**20), 10**20).map(str),
    st.just("长" * 5_000),  # a huge cell
)


@st.composite
def sheets(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=8))
    width = draw(st.integers(0, len(header) + 2))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=width + 1), max_size=6))
    if rows and draw(st.booleans()):
        rows.append(list(rows[0]))  # a duplicate key
    return header, rows


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str, sep: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


def write_xlsx(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *rows] if header else rows:
        # openpyxl refuses control characters; a real sheet cannot hold them either.
        sheet.append(
            [
                re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", v) if isinstance(v, str) else v
                for v in row
            ]
        )
    book.save(path)


def fingerprint(db: Database) -> dict[str, int]:
    """Rows per table (the audit trail and work tokens may grow on a refusal)."""
    skip = {AuditEntry.__tablename__, WorkToken.__tablename__}
    with db.read() as s:
        return {
            name: int(s.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in Base.metadata.tables.items()
            if name not in skip
        }


# Problems of the whole file, which has no column to name (the header row stands in).
FILE_LEVEL = {
    "encoding",
    "unreadable",
    "empty_file",
    "file_too_large",
    "unsupported_format",
    "too_many_rows",
}


def names_row_and_column(issue: Any) -> bool:
    if not isinstance(issue.row, int) or issue.row < 1:
        return False
    return bool(issue.column) or issue.code in FILE_LEVEL


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> tuple[Database, Any]:
    db = Database(str(tmp_path_factory.mktemp("import") / "station.sqlite3"))
    migrate.upgrade(db)
    from stationdesk.data import users
    from stationdesk.data.uow import SYSTEM
    from stationdesk.domain.enums import Role

    users.create_user(db, SYSTEM, "admin", "Admin", "correct-horse-1", [Role.ADMIN])
    return db, users.sign_in(db, "admin", "correct-horse-1")


def check_import(station: tuple[Database, Any], path: Path, kind: str) -> None:
    db, admin = station
    before = fingerprint(db)
    try:
        result = importer.import_rows(db, admin, kind, path)
    except importer.ImportRejected as rejected:
        assert fingerprint(db) == before, "a rejected file changed the database"
        assert rejected.issues, "rejected without saying why"
        unnamed = [repr(i) for i in rejected.issues if not names_row_and_column(i)]
        assert not unnamed, f"issues that do not name their row and column: {unnamed[:5]}"
        return
    table = {"staff": "staff", "volunteers": "staff", "grids": "grid", "mediators": "mediator"}
    grew = fingerprint(db)[table[kind]] - before[table[kind]]
    assert 0 <= grew <= result.rows_imported, (grew, result.rows_imported)


FUZZ = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(
    sheet=sheets(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "latin-1"]),
    sep=st.sampled_from([",", "\t", ";"]),
)
def test_any_csv_is_imported_whole_or_refused_with_reasons(
    station: tuple[Database, Any],
    tmp_path: Path,
    kind: str,
    sheet: tuple[list[str], list[list[str]]],
    encoding: str,
    sep: str,
) -> None:
    path = tmp_path / f"{kind}.csv"
    write_csv(path, *sheet, encoding=encoding, sep=sep)
    check_import(station, path, kind)


xlsx_cell = st.one_of(
    cell,
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(date(1900, 3, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)),
    st.booleans(),
    st.none(),
)


@pytest.mark.parametrize("kind", KINDS)
@FUZZ
@given(
    header=st.lists(st.sampled_from(HEADERS), max_size=8),
    rows=st.lists(st.lists(xlsx_cell, max_size=8), max_size=5),
)
def test_any_xlsx_is_imported_whole_or_refused_with_reasons(
    station: tuple[Database, Any],
    tmp_path: Path,
    kind: str,
    header: list[str],
    rows: list[list[Any]],
) -> None:
    path = tmp_path / f"{kind}.xlsx"
    write_xlsx(path, header, rows)
    check_import(station, path, kind)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(blob=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_garbage_bytes_are_refused_not_crashed_on(
    station: tuple[Database, Any], tmp_path: Path, kind: str, blob: bytes, suffix: str
) -> None:
    path = tmp_path / f"garbage{suffix}"
    path.write_bytes(blob)
    check_import(station, path, kind)
