"""The case list's new filters and a case's timeline, on both back ends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from stationdesk.data import case_queries, case_timeline, cases
from stationdesk.data.case_merge import save_case_edit
from stationdesk.data.case_timeline import TimelineKind
from stationdesk.data.database import Database
from stationdesk.data.schema import (
    Grid,
    MediationSession,
    Mediator,
    SessionMediator,
    Staff,
    User,
)
from stationdesk.data.uow import Actor, PermissionDeniedError
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    MediatorKind,
    PartyRole,
    Priority,
    Role,
    SessionStatus,
    StaffKind,
    Team,
)

NOW = datetime(2026, 11, 28, 9, 0)


def _people(db: Database) -> tuple[int, int, int]:
    """Two officers and a grid whose responsible officer is the first."""
    with db.read() as s, s.begin():
        zhang = Staff(name="张伟", kind=StaffKind.POLICE, team=Team.COMMUNITY_POLICING)
        li = Staff(name="李娜", kind=StaffKind.POLICE, team=Team.LAW_ENFORCEMENT)
        s.add_all([zhang, li])
        s.flush()
        grid = Grid(code="G01", name="幸福村", responsible_officer_id=zhang.id)
        s.add(grid)
        s.flush()
        return zhang.id, li.id, grid.id


def _draft(**kw: object) -> cases.CaseDraft:
    values: dict[str, object] = dict(
        category=CaseCategory.DISPUTE_NEIGHBOUR, source=CaseSource.PHONE,
        priority=Priority.NORMAL, reported_at=NOW, grid_id=None, address="幸福路 1 号",
        summary="噪音", description="",
    )  # fmt: skip
    values.update(kw)
    return cases.CaseDraft(**values)  # type: ignore[arg-type]


def _ids(db: Database, f: cases.CaseFilter) -> set[int]:
    rows = cases.list_cases_page(db, f).rows
    assert cases.count_cases(db, f) == len(rows)
    return {r.id for r in rows}


def test_owner_text_and_date_filters(db: Database, duty: Actor) -> None:
    zhang, li, grid = _people(db)
    a = cases.create_case(db, duty, _draft(
        summary="楼上漏水", description="卫生间 Pipe 破裂 100%",
        parties=(cases.PartyInfo("欧阳娜娜", PartyRole.COMPLAINANT),),
        reported_at=NOW - timedelta(days=3), grid_id=grid,
    ))  # fmt: skip
    b = cases.create_case(db, duty, _draft(summary="电动车被盗", address="和平街 5 号"))
    c = cases.create_case(
        db, duty, _draft(summary="家庭纠纷", reported_at=NOW - timedelta(days=10))
    )
    save_case_edit(db, duty, a, {"owner": (zhang, None)})
    save_case_edit(db, duty, b, {"owner": (li, Team.LAW_ENFORCEMENT)})

    assert _ids(db, cases.CaseFilter(owner_staff_ids=frozenset({zhang}))) == {a.id}
    assert _ids(db, cases.CaseFilter(owner_teams=frozenset({Team.LAW_ENFORCEMENT}))) == {b.id}
    # Free text: description, address, a party's name, the case number.
    assert _ids(db, cases.CaseFilter(text="卫生间")) == {a.id}
    assert _ids(db, cases.CaseFilter(text="和平街")) == {b.id}
    assert _ids(db, cases.CaseFilter(text="欧阳")) == {a.id}
    assert _ids(db, cases.CaseFilter(text=c.case_no)) == {c.id}
    # Latin letters ignore case on both back ends; % and _ are just characters.
    assert _ids(db, cases.CaseFilter(text="pipe")) == {a.id}
    assert _ids(db, cases.CaseFilter(text="100%")) == {a.id}
    assert _ids(db, cases.CaseFilter(text="0_")) == set()
    # Reported since (inclusive) / before (exclusive).
    since = cases.CaseFilter(reported_since=NOW - timedelta(days=3), reported_before=NOW)
    assert _ids(db, since) == {a.id}
    # "My grid": the grids whose responsible officer is the signed-in user's staff record.
    with db.read() as s, s.begin():
        s.execute(update(User).where(User.id == duty.user_id).values(staff_id=zhang))
    assert case_queries.my_grid_ids(db, duty.user_id) == {grid}
    assert case_queries.my_grid_ids(db, None) == frozenset()
    assert _ids(db, cases.CaseFilter(grid_ids=frozenset({grid}))) == {a.id}


def test_timeline_has_history_notes_assignments_sessions_and_repeats(
    db: Database, duty: Actor, make_actor: Callable[..., Actor]
) -> None:
    zhang, li, _grid = _people(db)
    party = cases.PartyInfo("王五", PartyRole.RESPONDENT, "", "13800138000")
    earlier = cases.create_case(db, duty, _draft(
        reported_at=NOW - timedelta(days=20), address="别处", parties=(party,)
    ))  # fmt: skip
    case = cases.create_case(db, duty, _draft(parties=(party,)))
    unrelated = cases.create_case(db, duty, _draft(address="远处", reported_at=NOW))
    case = save_case_edit(db, duty, case, {"owner": (zhang, None)}).detail
    assert case is not None
    case = save_case_edit(db, duty, case, {"owner": (li, Team.LAW_ENFORCEMENT)}).detail
    assert case is not None
    cases.add_note(db, duty, case.id, "已联系物业")
    with db.read() as s, s.begin():
        mediator = Mediator(name="陈调解", kind=MediatorKind.STATION_MEDIATOR)
        s.add(mediator)
        s.flush()
        session = MediationSession(
            case_id=case.id, starts_at=NOW + timedelta(days=1),
            ends_at=NOW + timedelta(days=1, hours=1), room="调解室", status=SessionStatus.BOOKED,
        )  # fmt: skip
        s.add(session)
        s.flush()
        s.add(SessionMediator(session_id=session.id, mediator_id=mediator.id))
    detail = cases.get_case(db, case.id)
    timeline = case_timeline.case_timeline(db, detail, window_days=90)

    assert [(a.staff_name, a.team, a.previous_staff_name) for a in timeline.assignments] == [
        ("张伟", None, ""),
        ("李娜", Team.LAW_ENFORCEMENT, "张伟"),
    ]
    assert timeline.assignments[0].by == "Duty"
    assert [(s.room, s.mediators) for s in timeline.sessions] == [("调解室", ("陈调解",))]
    assert [r.id for r in timeline.related] == [earlier.id]  # same party, not itself
    # Its deadline comes along, so an overdue earlier report is marked as such.
    assert timeline.related[0].resolution_due == earlier.resolution_due
    assert timeline.related[0].is_overdue(NOW + timedelta(days=365))
    assert unrelated.id not in {r.id for r in timeline.related}
    entries = case_timeline.entries(detail, timeline)
    kinds = [e.kind for e in entries]
    assert kinds[0] == TimelineKind.MEDIATION  # booked for tomorrow: newest first
    assert set(kinds) == {
        TimelineKind.STATUS, TimelineKind.NOTE, TimelineKind.ASSIGNMENT,
        TimelineKind.MEDIATION, TimelineKind.RELATED,
    }  # fmt: skip
    assert [e.at for e in entries] == sorted((e.at for e in entries), reverse=True)
    assert case_timeline.entries(detail, timeline, [TimelineKind.NOTE])[0].item.text == (
        "已联系物业"  # type: ignore[union-attr]
    )

    # Audit entries: the director may read them (and that reading is on record)...
    director = make_actor("boss", Role.DIRECTOR)
    audit = case_timeline.case_audit_entries(db, director, case.id)
    actions = [a.action for a in audit]
    assert "case.create:insert" in actions and "case.note:insert" in actions
    assert actions.count("case.assign") == 2 and actions[0] == "audit.read"
    assign = next(a for a in audit if a.action == "case.assign")
    assert assign.new_values["owner_team"] == "law_enforcement"
    # ...a duty officer may not.
    with pytest.raises(PermissionDeniedError):
        case_timeline.case_audit_entries(db, duty, case.id)
    assert [h.to_status for h in detail.history] == [CaseStatus.NEW, CaseStatus.ASSIGNED]
