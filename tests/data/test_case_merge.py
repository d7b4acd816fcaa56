"""Two workstations, one case: the second save meets the version check.

Each workstation is its own ``Database`` object (its own engine and connections) on
the same database, as two PCs in the command room are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pytest

from stationdesk.data import case_merge, cases
from stationdesk.data.case_merge import save_case_edit
from stationdesk.data.database import Database
from stationdesk.data.schema import Staff
from stationdesk.data.uow import Actor
from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    Priority,
    StaffKind,
    Team,
)
from stationdesk.domain.merge import FieldConflict, Side
from stationdesk.domain.workflow import TransitionError


@pytest.fixture
def second(db: Database, duty: Actor) -> Iterator[tuple[Database, Actor]]:
    """The other workstation: another Database on the same URL, another officer's PC."""
    other = Database(db.url)
    yield other, replace(duty, workstation="command-room-2")
    other.dispose()


def _officers(db: Database) -> tuple[int, int]:
    with db.read() as s, s.begin():
        a = Staff(name="张伟", kind=StaffKind.POLICE, team=Team.COMMUNITY_POLICING)
        b = Staff(name="李娜", kind=StaffKind.POLICE, team=Team.LAW_ENFORCEMENT)
        s.add_all([a, b])
        s.flush()
        return a.id, b.id


def _case(db: Database, actor: Actor) -> cases.CaseDetail:
    draft = cases.CaseDraft(
        CaseCategory.DISPUTE_NEIGHBOUR, CaseSource.PHONE, Priority.NORMAL,
        datetime(2026, 11, 28, 8, 30), None, "幸福路 9 号", "楼上漏水",
    )  # fmt: skip
    created = cases.create_case(db, actor, draft)
    return cases.change_status(db, actor, created.id, created.version, CaseStatus.IN_PROGRESS)


def test_disjoint_edits_merge_automatically_and_name_the_other_workstation(
    db: Database, duty: Actor, second: tuple[Database, Actor]
) -> None:
    db2, other = second
    zhang, _li = _officers(db)
    mine = _case(db, duty)  # this workstation loads the case...
    theirs_loaded = cases.get_case(db2, mine.id)  # ...and so does the other one
    # The other workstation raises the priority and moves the case to mediation.
    first = save_case_edit(
        db2, other, theirs_loaded,
        {"priority": Priority.HIGH, "status": CaseStatus.IN_MEDIATION},
    )  # fmt: skip
    assert first.saved and not first.merged_with
    # This officer, on the stale version, assigns an officer and corrects the summary.
    result = save_case_edit(db, duty, mine, {"owner": (zhang, None), "summary": "楼上卫生间漏水"})
    assert result.saved and not result.conflicts
    assert result.merged_with == ("Duty (command-room-2)",)
    saved = cases.get_case(db, mine.id)
    # Both changes are there: nothing of the other workstation's was overwritten.
    assert saved.priority == Priority.HIGH and saved.status == CaseStatus.IN_MEDIATION
    assert saved.owner_staff_id == zhang and saved.summary == "楼上卫生间漏水"
    assert saved.version == theirs_loaded.version + 2


def test_the_same_field_is_not_saved_until_the_officer_chooses(
    db: Database, duty: Actor, second: tuple[Database, Actor]
) -> None:
    db2, other = second
    zhang, li = _officers(db)
    mine = _case(db, duty)
    theirs = save_case_edit(
        db2, other, cases.get_case(db2, mine.id),
        {"owner": (li, Team.LAW_ENFORCEMENT), "status": CaseStatus.RESOLVED},
    )  # fmt: skip
    assert theirs.saved
    result = save_case_edit(
        db, duty, mine,
        {"owner": (zhang, None), "status": CaseStatus.IN_MEDIATION, "priority": Priority.LOW},
    )  # fmt: skip
    assert not result.saved
    assert result.conflicts == {
        "owner": FieldConflict((None, None), (li, Team.LAW_ENFORCEMENT), (zhang, None)),
        "status": FieldConflict(
            CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.IN_MEDIATION
        ),
    }
    assert result.merged_with == ("Duty (command-room-2)",)
    current = result.current
    assert current is not None and current.version == theirs.detail.version  # type: ignore[union-attr]
    # Nothing of this officer's edit was written, not even the uncontested priority.
    assert cases.get_case(db, mine.id) == current
    assert current.priority == Priority.NORMAL

    # The officer keeps their owner and the other workstation's status.
    assert result.merge is not None
    chosen = result.merge.resolve({"owner": Side.MINE, "status": Side.THEIRS})
    final = save_case_edit(db, duty, current, chosen)
    assert final.saved and not final.merged_with
    saved = cases.get_case(db2, mine.id)
    assert saved.owner_staff_id == zhang and saved.owner_team is None
    assert saved.status == CaseStatus.RESOLVED and saved.priority == Priority.LOW


def test_status_edits_keep_the_workflow_and_history(db: Database, duty: Actor) -> None:
    case = _case(db, duty)
    with pytest.raises(TransitionError):
        save_case_edit(db, duty, case, {"status": CaseStatus.ESCALATED})  # needs a reason
    result = save_case_edit(db, duty, case, {"status": CaseStatus.ESCALATED}, reason="持刀威胁")
    assert result.detail is not None
    assert result.detail.history[-1].to_status == CaseStatus.ESCALATED
    assert result.detail.history[-1].reason == "持刀威胁"
    with pytest.raises(case_merge.EditValueError):
        save_case_edit(db, duty, result.detail, {"summary": "  "})


def test_a_new_case_given_an_owner_becomes_assigned(db: Database, duty: Actor) -> None:
    zhang, _li = _officers(db)
    draft = cases.CaseDraft(
        CaseCategory.THEFT, CaseSource.WALK_IN, Priority.HIGH, datetime(2026, 11, 28, 8),
        None, "", "电动车被盗",
    )  # fmt: skip
    new = cases.create_case(db, duty, draft)
    result = save_case_edit(db, duty, new, {"owner": (zhang, None)})
    assert result.detail is not None and result.detail.status == CaseStatus.ASSIGNED
    assert [h.to_status for h in result.detail.history] == [CaseStatus.NEW, CaseStatus.ASSIGNED]
