"""Saving an officer's edit of a case when another workstation may have saved first.

Every edit from the case detail (status, owner, the case's facts) is saved here
against the version the officer loaded. When that version is stale, the edit is
merged three ways (:mod:`stationdesk.domain.merge`) with what the other workstation
saved: if the two touched different fields, the officer's fields are written on top
of the newer version and the result names who else changed the case; if they touched
the same field, nothing is saved and the result carries the original, their and the
officer's value of each such field for the officer to choose. Never a silent
overwrite.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from stationdesk.data.cases import CaseDetail, get_case
from stationdesk.data.database import Database
from stationdesk.data.schema import AuditEntry, Case, CaseStatusChange, Grid, Staff, User
from stationdesk.data.uow import Actor, ConflictError, NotFoundError, row_values, unit_of_work
from stationdesk.domain import workflow
from stationdesk.domain.enums import CaseCategory, CaseStatus, Permission, Priority, Team
from stationdesk.domain.merge import FieldConflict, MergeResult, three_way_merge

# The fields an officer edits, in the order a conflict lists them. "owner" is one
# field holding (officer id, team): who owns the case is one decision.
EDITABLE_FIELDS = (
    "status",
    "owner",
    "priority",
    "category",
    "grid_id",
    "address",
    "summary",
    "description",
    "notable",
)
CASE_UPDATE_ACTIONS = ("case.status", "case.assign", "case.edit")
MAX_MERGE_ROUNDS = 3
SUMMARY_MAX = 200
ADDRESS_MAX = 200


def case_fields(d: CaseDetail) -> dict[str, Any]:
    """The editable fields of a case, as the merge compares them."""
    return {
        "status": d.status,
        "owner": (d.owner_staff_id, d.owner_team),
        "priority": d.priority,
        "category": d.category,
        "grid_id": d.grid_id,
        "address": d.address,
        "summary": d.summary,
        "description": d.description,
        "notable": d.notable,
    }


@dataclass(frozen=True)
class SaveResult:
    """What became of an edit.

    ``detail`` is the case as saved (None when the officer must choose first).
    ``merged_with`` names who else saved the case since it was loaded (for "merged with
    changes from ..."); ``conflicts`` the fields both changed, with ``current`` the case
    as it is now and ``merge`` the merge to resolve.
    """

    detail: CaseDetail | None
    merged_with: tuple[str, ...] = ()
    conflicts: Mapping[str, FieldConflict] = field(default_factory=dict)
    current: CaseDetail | None = None
    merge: MergeResult | None = None

    @property
    def saved(self) -> bool:
        return self.detail is not None


class EditValueError(ValueError):
    """A value the form should never send (a program error, not the officer's)."""


def _check_values(changes: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise EditValueError(f"not editable: {sorted(unknown)}")
    out = dict(changes)
    for key, kind in (("status", CaseStatus), ("priority", Priority), ("category", CaseCategory)):
        if key in out:
            out[key] = kind(out[key])
    if "owner" in out:
        staff_id, team = out["owner"]
        out["owner"] = (staff_id, Team(team) if team else None)
    for key, limit in (("summary", SUMMARY_MAX), ("address", ADDRESS_MAX)):
        if key in out:
            out[key] = str(out[key]).strip()
            if len(out[key]) > limit:
                raise EditValueError(f"{key} is longer than {limit} characters")
    if "summary" in out and not out["summary"]:
        raise EditValueError("a case needs a summary")
    if "description" in out:
        out["description"] = str(out["description"]).strip()
    if "notable" in out:
        out["notable"] = bool(out["notable"])
    return out


def _action(changes: Mapping[str, Any]) -> str:
    keys = set(changes)
    if keys == {"status"}:
        return "case.status"
    if keys == {"owner"}:
        return "case.assign"
    return "case.edit"


def _apply(
    db: Database,
    actor: Actor,
    case_id: int,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str,
) -> None:
    """One transaction: version check first, then the workflow, then the update."""
    with unit_of_work(db, actor, Permission.EDIT_CASES, _action(changes)) as uow:
        case = uow.get(Case, case_id)
        if case.version != expected_version:
            # Before any workflow check: a stale edit is merged, not refused.
            raise ConflictError(
                Case.__tablename__, case_id, expected_version, case.version,
                row_values(case), dict(changes),
            )  # fmt: skip
        values: dict[str, Any] = {"updated_at": uow.at}
        history: list[tuple[CaseStatus, CaseStatus, str]] = []
        for key, value in changes.items():
            if key == "owner":
                values["owner_staff_id"], values["owner_team"] = value
            elif key != "status":
                values[key] = value
        if values.get("owner_staff_id") is not None and (
            uow.session.get(Staff, values["owner_staff_id"]) is None
        ):
            raise NotFoundError(Staff.__tablename__, values["owner_staff_id"])
        if values.get("grid_id") is not None and uow.session.get(Grid, values["grid_id"]) is None:
            raise NotFoundError(Grid.__tablename__, values["grid_id"])
        status = case.status
        if "status" in changes and changes["status"] != status:
            to = changes["status"]
            history.append((status, to, workflow.check_transition(status, to, reason) or ""))
            values["status"] = to
            if not to.is_open:
                values["closed_at"] = uow.at
            elif not status.is_open:
                values["closed_at"] = None
        elif "owner" in changes and status == CaseStatus.NEW and any(changes["owner"]):
            # Giving a new case an owner assigns it, as cases.assign_case does.
            history.append((status, CaseStatus.ASSIGNED, ""))
            values["status"] = CaseStatus.ASSIGNED
        uow.update(Case, case_id, expected_version, **values)
        for from_status, to_status, why in history:
            uow.add(
                CaseStatusChange(
                    case_id=case_id, from_status=from_status, to_status=to_status,
                    at=uow.at, by_user_id=actor.user_id, reason=why,
                )
            )  # fmt: skip


def changed_by(db: Database, case_id: int, since_version: int, to_version: int) -> tuple[str, ...]:
    """Who saved the case after ``since_version`` up to ``to_version``: "name (workstation)".

    Every save of a case is one audited update; the newest ``to - since`` of them are
    the saves in between.
    """
    n = to_version - since_version
    if n <= 0:
        return ()
    with db.read() as s:
        rows = s.execute(
            select(AuditEntry.user_id, AuditEntry.username, AuditEntry.workstation)
            .where(
                AuditEntry.object_table == Case.__tablename__,
                AuditEntry.object_id == case_id,
                AuditEntry.action.in_(CASE_UPDATE_ACTIONS),
                AuditEntry.outcome == "ok",
            )
            .order_by(AuditEntry.id.desc())
            .limit(n)
        ).all()
        names = dict(
            s.execute(
                select(User.id, User.display_name).where(
                    User.id.in_([r[0] for r in rows if r[0] is not None])
                )
            ).all()
        )
    who: dict[str, None] = {}
    for user_id, username, workstation in reversed(rows):
        name = (names.get(user_id) if user_id is not None else None) or username
        who.setdefault(f"{name} ({workstation})" if workstation else name, None)
    return tuple(who)


def save_case_edit(
    db: Database,
    actor: Actor,
    base: CaseDetail,
    mine: Mapping[str, Any],
    reason: str = "",
) -> SaveResult:
    """Save the fields in ``mine`` that differ from ``base`` (the case as loaded).

    On a stale version the edit is merged with what was saved meanwhile: disjoint
    changes are saved on the newer version (``merged_with`` says whose); changes to
    the same field come back as ``conflicts`` and nothing is saved. After the officer
    chose, call this again with ``base=result.current`` and the chosen values.
    Raises TransitionError, PermissionDeniedError, NotFoundError or EditValueError
    for an edit that cannot be saved at all.
    """
    base_fields = case_fields(base)
    wanted = _check_values(mine)
    changes = {k: v for k, v in wanted.items() if base_fields[k] != v}
    if not changes:
        return SaveResult(get_case(db, base.id))
    mine_fields = {**base_fields, **changes}
    expected = base.version
    merged_with: tuple[str, ...] = ()
    for _round in range(MAX_MERGE_ROUNDS):
        try:
            _apply(db, actor, base.id, expected, changes, reason)
        except ConflictError:
            current = get_case(db, base.id)
            merge = three_way_merge(base_fields, case_fields(current), mine_fields)
            merged_with = changed_by(db, base.id, base.version, current.version)
            if not merge.clean:
                return SaveResult(None, merged_with, merge.conflicts, current, merge)
            changes = merge.to_save()
            expected = current.version
            if not changes:  # they saved exactly this change already
                return SaveResult(current, merged_with)
            continue
        return SaveResult(get_case(db, base.id), merged_with)
    # Saved over and over by others while merging: the officer should look first.
    current = get_case(db, base.id)
    raise ConflictError(
        Case.__tablename__, base.id, base.version, current.version, case_fields(current), changes
    )
