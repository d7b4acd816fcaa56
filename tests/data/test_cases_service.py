"""The case list and case routing as the duty officer sees them, on both back ends."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from stationdesk.data import cases
from stationdesk.data.database import Database
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    PartyRole,
    Priority,
    Team,
)
from stationdesk.domain.workflow import TransitionError

NOW = datetime(2026, 11, 28, 9, 0)


def _make(db: Database, actor: Actor, n: int, **kw: object) -> list[cases.CaseDetail]:
    made = []
    priorities = list(Priority)
    for i in range(n):
        draft = cases.CaseDraft(
            category=CaseCategory.THEFT if i % 3 else CaseCategory.DISPUTE_FAMILY,
            source=CaseSource.DISPATCH_110,
            priority=priorities[i % 4],
            reported_at=NOW - timedelta(minutes=10 * i),
            grid_id=None,
            address=f"南街{i}号",
            summary=f"案件{i}",
        )
        made.append(cases.create_case(db, actor, draft))
    return made


def _all_pages(db: Database, f: cases.CaseFilter, sort: cases.CaseSort, size: int) -> list[int]:
    ids: list[int] = []
    key = None
    while True:
        page = cases.list_cases_page(db, f, sort, key, limit=size)
        ids += [r.id for r in page.rows]
        if page.next_key is None:
            return ids
        key = page.next_key


@pytest.mark.parametrize("column", ["reported_at", "priority", "case_no", "status", "grid"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_cover_every_case_once_in_order(
    db: Database, duty: Actor, column: str, descending: bool
) -> None:
    made = _make(db, duty, 23)
    sort = cases.CaseSort(column, descending)
    paged = _all_pages(db, cases.CaseFilter(), sort, size=5)
    one_go = [r.id for r in cases.list_cases_page(db, cases.CaseFilter(), sort, limit=1000).rows]
    assert paged == one_go
    assert sorted(paged) == sorted(c.id for c in made)


def test_priority_sort_puts_urgent_first(db: Database, duty: Actor) -> None:
    _make(db, duty, 8)
    rows = cases.list_cases_page(db, sort=cases.CaseSort("priority", False)).rows
    assert [r.priority for r in rows[:2]] == [Priority.URGENT, Priority.URGENT]
    assert rows[-1].priority == Priority.LOW


def test_filters_narrow_the_list(db: Database, duty: Actor) -> None:
    made = _make(db, duty, 9)
    cases.assign_case(db, duty, made[0].id, made[0].version, None, Team.COMMAND_ROOM)
    assert cases.count_cases(db, cases.CaseFilter(unassigned_only=True)) == 8
    thefts = cases.CaseFilter(categories=frozenset({CaseCategory.THEFT}))
    assert cases.count_cases(db, thefts) == 6
    assert [r.summary for r in cases.list_cases_page(db, cases.CaseFilter(text="案件4")).rows] == [
        "案件4"
    ]
    later = datetime.now() + timedelta(days=365)
    overdue = cases.CaseFilter(overdue_only=True)
    assert cases.count_cases(db, overdue) == 0 or all(
        r.is_overdue(later) for r in cases.list_cases_page(db, overdue).rows
    )


def test_workflow_refuses_a_jump_and_keeps_history(db: Database, duty: Actor) -> None:
    case = _make(db, duty, 1)[0]
    with pytest.raises(TransitionError):
        cases.change_status(db, duty, case.id, case.version, CaseStatus.CLOSED)
    case = cases.change_status(db, duty, case.id, case.version, CaseStatus.IN_PROGRESS)
    case = cases.change_status(db, duty, case.id, case.version, CaseStatus.RESOLVED)
    case = cases.change_status(
        db, duty, case.id, case.version, CaseStatus.IN_PROGRESS, "又吵起来了"
    )
    assert [h.to_status for h in case.history] == [
        CaseStatus.NEW,
        CaseStatus.IN_PROGRESS,
        CaseStatus.RESOLVED,
        CaseStatus.IN_PROGRESS,
    ]
    assert case.history[-1].reason == "又吵起来了" and case.history[-1].by == "Duty"


def test_notes_are_struck_through_never_deleted(db: Database, duty: Actor) -> None:
    case = _make(db, duty, 1)[0]
    note = cases.add_note(db, duty, case.id, "已电话联系")
    cases.strike_note(db, duty, note.id, "记错案件")
    (kept,) = cases.get_case(db, case.id).notes
    assert kept.text == "已电话联系" and kept.struck_at is not None
    assert kept.strike_reason == "记错案件"


def test_premise_history_finds_same_address_and_same_party(db: Database, duty: Actor) -> None:
    party = cases.PartyInfo("李四", PartyRole.RESPONDENT, "11010519491231002X", "13800138000")
    draft = cases.CaseDraft(
        CaseCategory.DISPUTE_NEIGHBOUR, CaseSource.PHONE, Priority.NORMAL,
        NOW - timedelta(days=10), None, "东关路1号", "噪音", parties=(party,),
    )  # fmt: skip
    first = cases.create_case(db, duty, draft)
    by_address = cases.premise_history(db, "东关路1号", at=NOW)
    by_party = cases.premise_history(db, "别处", resident_ids=["11010519491231002X"], at=NOW)
    assert [p.id for p in by_address] == [first.id] and by_address[0].matched_on == "address"
    assert [p.id for p in by_party] == [first.id] and by_party[0].matched_on == "party"
    assert cases.premise_history(db, "东关路1号", at=NOW + timedelta(days=200)) == []


def test_case_numbers_run_per_day(db: Database, duty: Actor) -> None:
    made = _make(db, duty, 3)
    numbers = [c.case_no for c in made]
    assert len(set(numbers)) == 3
    assert [n.split("-")[1] for n in numbers] == ["0001", "0002", "0003"]
