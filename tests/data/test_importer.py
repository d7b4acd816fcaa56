"""Personnel import: all rows or none, every problem named by row and column."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stationdesk.data import migrate
from stationdesk.data.database import Database
from stationdesk.data.importer import (
    COLUMNS,
    KINDS,
    ImportIssue,
    ImportRejected,
    import_rows,
)
from stationdesk.data.schema import AuditEntry, ChangeLogEntry, Grid, Mediator, Staff
from stationdesk.data.uow import SYSTEM, Actor, PermissionDeniedError
from stationdesk.domain.enums import MediatorKind, Role, StaffKind, Team

STAFF_EN = [
    ["name", "kind", "team", "badge_no", "phone"],
    ["王建国", "police", "community_policing", "012345", "13800138000"],
    ["李秀英", "police", "command_room", "012346", "0531-88886666"],
    ["赵小军", "auxiliary", "law_enforcement", "", "139 0013 9000"],
]
STAFF_ZH = [
    ["姓名", "类别", "所属", "警号", "电话"],
    ["刘德明", "民警", "社区警务队", "223344", "15012345678"],
    ["陈静", "警务助理", "社区警务队", "", ""],
]


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    db = Database(str(tmp_path / "t.sqlite3"))
    migrate.upgrade(db)
    yield db
    db.dispose()


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def count(db: Database, model: type) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model)).scalar_one())


def rejected(db: Database, kind: str, path: Path) -> tuple[ImportIssue, ...]:
    with pytest.raises(ImportRejected) as info:
        import_rows(db, SYSTEM, kind, path)
    return info.value.issues


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_staff_csv_in_each_encoding(sqlite_db: Database, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "staff.csv", STAFF_EN, encoding)
    assert import_rows(sqlite_db, SYSTEM, "staff", path).rows_imported == 3
    with sqlite_db.read() as s:
        staff = {x.name: x for x in s.scalars(select(Staff))}
    assert staff["王建国"].badge_no == "012345" and staff["王建国"].team == Team.COMMUNITY_POLICING
    assert staff["李秀英"].phone == "0531-88886666"
    assert staff["赵小军"].kind == StaffKind.AUXILIARY and staff["赵小军"].badge_no is None
    assert staff["赵小军"].phone == "13900139000"  # normalised


def test_chinese_headers_and_values_in_gbk(sqlite_db: Database, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "人员.csv", STAFF_ZH, "gbk")
    assert import_rows(sqlite_db, SYSTEM, "staff", path).rows_imported == 2
    with sqlite_db.read() as s:
        kinds = {x.name: (x.kind, x.team) for x in s.scalars(select(Staff))}
    assert kinds == {
        "刘德明": (StaffKind.POLICE, Team.COMMUNITY_POLICING),
        "陈静": (StaffKind.ASSISTANT, Team.COMMUNITY_POLICING),
    }


def test_each_row_is_audited_and_logged(sqlite_db: Database, tmp_path: Path) -> None:
    before = count(sqlite_db, AuditEntry), count(sqlite_db, ChangeLogEntry)
    import_rows(sqlite_db, SYSTEM, "staff", write_csv(tmp_path / "s.csv", STAFF_EN))
    assert (count(sqlite_db, AuditEntry), count(sqlite_db, ChangeLogEntry)) == (
        before[0] + 3,
        before[1] + 3,
    )


def test_mediators_from_xlsx(sqlite_db: Database, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["姓名", "类型", "单位", "电话", "擅长", "语言", "每日容量"],
        ["周明", "调解员", "城关派出所人民调解室", 13700137000, "邻里、家庭", "普通话,方言", 4],
        [
            "孙律师",
            "resident_lawyer",
            "正信律师事务所",
            "",
            "labour, dispute_consumer",
            "普通话",
            None,
        ],
    ]
    result = import_rows(sqlite_db, SYSTEM, "mediators", write_xlsx(tmp_path / "m.xlsx", rows))
    assert result.rows_imported == 2 and result.kind == "mediators"
    with sqlite_db.read() as s:
        found = {m.name: m for m in s.scalars(select(Mediator))}
    assert found["周明"].kind == MediatorKind.STATION_MEDIATOR
    assert found["周明"].phone == "13700137000" and found["周明"].capacity_per_day == 4
    assert found["周明"].skills == "dispute_neighbour,dispute_family"
    assert found["孙律师"].skills == "dispute_labour,dispute_consumer"
    assert found["孙律师"].capacity_per_day == 3


def test_grids_need_a_known_police_officer(sqlite_db: Database, tmp_path: Path) -> None:
    import_rows(sqlite_db, SYSTEM, "staff", write_csv(tmp_path / "s.csv", STAFF_EN))
    with sqlite_db.engine.connect() as conn:
        aux_id = conn.execute(select(Staff.id).where(Staff.name == "赵小军")).scalar_one()
        conn.execute(Staff.__table__.update().where(Staff.id == aux_id).values(badge_no="F001"))
        conn.commit()
    bad = write_csv(tmp_path / "g.csv", [
        ["编号", "名称", "类型", "户数", "责任民警警号"],
        ["G01", "东关社区", "社区", "2100", "012345"],
        ["G02", "王家村", "村", "480", "999999"],
        ["G03", "后河村", "village", "many", "F001"],
    ])  # fmt: skip
    issues = rejected(sqlite_db, "grids", bad)
    assert [(i.row, i.column, i.code) for i in issues] == [
        (3, "officer_badge", "unknown_officer"),
        (4, "households", "integer"),
        (4, "officer_badge", "not_police"),
    ]
    assert count(sqlite_db, Grid) == 0
    good = write_csv(tmp_path / "g2.csv", [
        ["code", "name", "kind", "households", "officer_badge"],
        ["G01", "东关社区", "community", "2100", "012345"],
        ["G02", "王家村", "village", "", ""],
    ])  # fmt: skip
    assert import_rows(sqlite_db, SYSTEM, "grids", good).rows_imported == 2
    with sqlite_db.read() as s:
        grid = s.scalars(select(Grid).where(Grid.code == "G01")).one()
        assert grid.responsible_officer is not None and grid.responsible_officer.name == "王建国"
    issues = rejected(sqlite_db, "grids", good)  # the same codes again
    assert {(i.row, i.column, i.code) for i in issues} == {
        (2, "code", "exists"),
        (3, "code", "exists"),
    }


def test_one_bad_row_imports_nothing(sqlite_db: Database, tmp_path: Path) -> None:
    rows = [*STAFF_EN, ["钱多多", "police", "law_enforcement", "556677", "12345"]]
    issues = rejected(sqlite_db, "staff", write_csv(tmp_path / "s.csv", rows))
    assert issues == (ImportIssue(5, "phone", "phone_format", "12345"),)
    assert str(issues[0]) == "row 5, column phone: phone_format ('12345')"
    assert count(sqlite_db, Staff) == 0


def test_all_problems_are_reported_together(sqlite_db: Database, tmp_path: Path) -> None:
    rows = [
        ["name", "kind", "team", "badge_no", "phone"],
        ["", "police", "community_policing", "123456", ""],
        ["张三", "sheriff", "community_policing", "", ""],
        ["李四", "police", "the_band", "12AB", ""],
        ["王五", "police", "command_room", "", ""],
        ["", "", "", "", ""],  # blank lines are skipped
        ["赵六", "police", "command_room", "1" * 600, ""],
    ]
    issues = rejected(sqlite_db, "staff", write_csv(tmp_path / "s.csv", rows))
    assert [(i.row, i.column, i.code) for i in issues] == [
        (2, "name", "required"),
        (3, "kind", "enum"),
        (4, "badge_no", "badge_format"),
        (4, "team", "enum"),
        (5, "badge_no", "required"),
        (7, "badge_no", "too_long"),
    ]


def test_duplicates_in_the_file_and_in_the_database(sqlite_db: Database, tmp_path: Path) -> None:
    rows = [*STAFF_EN, ["王重名", "police", "command_room", "012345", ""]]
    issues = rejected(sqlite_db, "staff", write_csv(tmp_path / "s.csv", rows))
    assert [(i.row, i.column, i.code, i.value) for i in issues] == [
        (5, "badge_no", "duplicate", "012345")
    ]
    import_rows(sqlite_db, SYSTEM, "staff", write_csv(tmp_path / "ok.csv", STAFF_EN))
    again = [STAFF_EN[0], ["新人", "police", "command_room", "012346", ""]]
    issues = rejected(sqlite_db, "staff", write_csv(tmp_path / "again.csv", again))
    assert [(i.row, i.column, i.code) for i in issues] == [(2, "badge_no", "exists")]
    volunteers = [["name", "phone", "group"], ["吴大妈", "13811112222", "红袖标巡逻队"]] * 1
    import_rows(sqlite_db, SYSTEM, "volunteers", write_csv(tmp_path / "v.csv", volunteers))
    issues = rejected(sqlite_db, "volunteers", write_csv(tmp_path / "v2.csv", volunteers))
    assert [(i.row, i.code) for i in issues] == [(2, "exists")]


def test_formula_cells_are_refused(sqlite_db: Database, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["name", "phone", "group"],
        ["吴大妈", "13811112222", "红袖标巡逻队"],
        ['=HYPERLINK("http://example.invalid","x")', "13811113333", ""],
    ]
    issues = rejected(sqlite_db, "volunteers", write_xlsx(tmp_path / "v.xlsx", rows))
    assert [(i.row, i.column, i.code) for i in issues] == [(3, "name", "formula")]
    assert count(sqlite_db, Staff) == 0


def test_missing_columns_empty_files_and_unknown_kinds(sqlite_db: Database, tmp_path: Path) -> None:
    no_kind = write_csv(tmp_path / "s.csv", [["name", "team"], ["王五", "command_room"]])
    issues = rejected(sqlite_db, "staff", no_kind)
    assert [(i.row, i.column, i.code) for i in issues] == [(1, "kind", "missing_column")]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert [i.code for i in rejected(sqlite_db, "volunteers", empty)] == ["empty_file"]
    header_only = write_csv(tmp_path / "h.csv", [["name", "phone"]])
    assert [i.code for i in rejected(sqlite_db, "volunteers", header_only)] == ["empty_file"]
    assert [i.code for i in rejected(sqlite_db, "weapons", header_only)] == ["unknown_kind"]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert [i.code for i in rejected(sqlite_db, "staff", broken)] == ["unreadable"]


def test_import_needs_the_manage_station_permission(sqlite_db: Database, tmp_path: Path) -> None:
    duty = Actor(None, "duty", frozenset({Role.DUTY_OFFICER}))
    with pytest.raises(PermissionDeniedError):
        import_rows(sqlite_db, duty, "staff", write_csv(tmp_path / "s.csv", STAFF_EN))
    assert count(sqlite_db, Staff) == 0


def test_columns_are_documented_for_every_kind() -> None:
    assert set(COLUMNS) == set(KINDS)
    for specs in COLUMNS.values():
        assert any(s.required for s in specs)
        assert all(s.key and s.zh and s.description for s in specs)


cells = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
junk_tables = st.lists(st.lists(cells | st.sampled_from(["=1+1", "police", "邻里", "G01"]),
                                max_size=7), max_size=8)  # fmt: skip


@settings(max_examples=50, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    kind=st.sampled_from(KINDS),
    header=st.booleans(),
    table=junk_tables,
    raw=st.binary(max_size=300),
    use_raw=st.booleans(),
)
def test_junk_never_raises_anything_but_import_rejected(
    sqlite_db: Database,
    kind: str,
    header: bool,
    table: list[list[str]],
    raw: bytes,
    use_raw: bool,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("junk.xlsx" if use_raw and raw[:1] == b"P" else "junk.csv")
        if use_raw:
            path.write_bytes(raw)
        else:
            rows = ([[s.key for s in COLUMNS[kind]]] if header else []) + table
            write_csv(path, rows)
        try:
            result = import_rows(sqlite_db, SYSTEM, kind, path)
        except ImportRejected as exc:
            assert exc.issues and all(isinstance(i, ImportIssue) for i in exc.issues)
        else:
            assert result.rows_imported >= 1
