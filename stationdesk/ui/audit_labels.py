"""Audit entries in the officer's words: actions, objects, fields and values, translated.

The audit trail stores codes ("case.status:insert", "case_file", {"to_status": "resolved"});
the audit viewer and the case timeline show them through these tables. A code the tables
do not know yet is shown as it is, so nothing recorded is ever hidden.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stationdesk.domain.enums import (
    CaseCategory,
    CaseSource,
    CaseStatus,
    MediationOutcome,
    MediatorKind,
    OutreachTopic,
    PartyRole,
    PatrolStatus,
    Priority,
    ReferralTarget,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
)
from stationdesk.ui.labels import label

CONTEXT = "AuditLabels"
VALUE_CHARS = 80
# Bookkeeping fields an officer does not need to read.
HIDDEN_FIELDS = frozenset({"id", "case_id", "version", "at", "created_at", "updated_at"})

ACTIONS: Mapping[str, str] = {
    "case.create": QT_TRANSLATE_NOOP("AuditLabels", "Case recorded"),
    "case.status": QT_TRANSLATE_NOOP("AuditLabels", "Status changed"),
    "case.assign": QT_TRANSLATE_NOOP("AuditLabels", "Owner changed"),
    "case.edit": QT_TRANSLATE_NOOP("AuditLabels", "Case edited"),
    "case.note": QT_TRANSLATE_NOOP("AuditLabels", "Note added"),
    "case.note.strike": QT_TRANSLATE_NOOP("AuditLabels", "Note struck through"),
    "case.export": QT_TRANSLATE_NOOP("AuditLabels", "Case list exported"),
    "personal_data.read": QT_TRANSLATE_NOOP("AuditLabels", "Full personal data viewed"),
    "audit.read": QT_TRANSLATE_NOOP("AuditLabels", "Audit entries viewed"),
    "audit.export": QT_TRANSLATE_NOOP("AuditLabels", "Audit trail exported"),
    "patrol.create": QT_TRANSLATE_NOOP("AuditLabels", "Patrol planned"),
    "patrol.status": QT_TRANSLATE_NOOP("AuditLabels", "Patrol status changed"),
    "handover.archive": QT_TRANSLATE_NOOP("AuditLabels", "Handover report archived"),
    "handover.acknowledge": QT_TRANSLATE_NOOP("AuditLabels", "Handover acknowledged"),
    "user.create": QT_TRANSLATE_NOOP("AuditLabels", "Account created"),
    "user.passwd": QT_TRANSLATE_NOOP("AuditLabels", "Password changed"),
    "user.unlock": QT_TRANSLATE_NOOP("AuditLabels", "Account unlocked"),
    "user.sign_in": QT_TRANSLATE_NOOP("AuditLabels", "Sign-in"),
    "user.sign_in_failed": QT_TRANSLATE_NOOP("AuditLabels", "Failed sign-in"),
    "user.sign_in_reset": QT_TRANSLATE_NOOP("AuditLabels", "Failed sign-ins reset"),
    "demo.generate": QT_TRANSLATE_NOOP("AuditLabels", "Demo station generated"),
    "settings.edit": QT_TRANSLATE_NOOP("AuditLabels", "Station settings changed"),
}

# Tables by what an officer calls them.
OBJECTS: Mapping[str, str] = {
    "app_user": QT_TRANSLATE_NOOP("AuditLabels", "Account"),
    "audit_entry": QT_TRANSLATE_NOOP("AuditLabels", "Audit trail"),
    "case_file": QT_TRANSLATE_NOOP("AuditLabels", "Case"),
    "case_note": QT_TRANSLATE_NOOP("AuditLabels", "Case note"),
    "case_party": QT_TRANSLATE_NOOP("AuditLabels", "Party"),
    "case_status_change": QT_TRANSLATE_NOOP("AuditLabels", "Status history"),
    "follow_up": QT_TRANSLATE_NOOP("AuditLabels", "Follow-up"),
    "grid": QT_TRANSLATE_NOOP("AuditLabels", "Grid"),
    "grid_staff": QT_TRANSLATE_NOOP("AuditLabels", "Grid staff"),
    "handover": QT_TRANSLATE_NOOP("AuditLabels", "Handover report"),
    "household_visit": QT_TRANSLATE_NOOP("AuditLabels", "Household visit"),
    "mediation_session": QT_TRANSLATE_NOOP("AuditLabels", "Mediation session"),
    "mediator": QT_TRANSLATE_NOOP("AuditLabels", "Mediator"),
    "mediator_availability": QT_TRANSLATE_NOOP("AuditLabels", "Mediator availability"),
    "mediator_exception": QT_TRANSLATE_NOOP("AuditLabels", "Mediator absence"),
    "mediator_relation": QT_TRANSLATE_NOOP("AuditLabels", "Declared relation"),
    "outreach_event": QT_TRANSLATE_NOOP("AuditLabels", "Outreach event"),
    "patrol_grid": QT_TRANSLATE_NOOP("AuditLabels", "Patrol route"),
    "patrol_member": QT_TRANSLATE_NOOP("AuditLabels", "Patrol member"),
    "patrol_shift": QT_TRANSLATE_NOOP("AuditLabels", "Patrol shift"),
    "session_mediator": QT_TRANSLATE_NOOP("AuditLabels", "Session mediator"),
    "staff": QT_TRANSLATE_NOOP("AuditLabels", "Staff member"),
    "station": QT_TRANSLATE_NOOP("AuditLabels", "Station"),
    "station_setting": QT_TRANSLATE_NOOP("AuditLabels", "Station setting"),
}

FIELDS: Mapping[str, str] = {
    "address": QT_TRANSLATE_NOOP("AuditLabels", "address"),
    "agreement_terms": QT_TRANSLATE_NOOP("AuditLabels", "agreement terms"),
    "attendees": QT_TRANSLATE_NOOP("AuditLabels", "attendance"),
    "case_no": QT_TRANSLATE_NOOP("AuditLabels", "case number"),
    "cases": QT_TRANSLATE_NOOP("AuditLabels", "cases"),
    "category": QT_TRANSLATE_NOOP("AuditLabels", "category"),
    "checked_in_at": QT_TRANSLATE_NOOP("AuditLabels", "checked in"),
    "closed_at": QT_TRANSLATE_NOOP("AuditLabels", "closed"),
    "completed_at": QT_TRANSLATE_NOOP("AuditLabels", "completed"),
    "day": QT_TRANSLATE_NOOP("AuditLabels", "day"),
    "description": QT_TRANSLATE_NOOP("AuditLabels", "description"),
    "display_name": QT_TRANSLATE_NOOP("AuditLabels", "name"),
    "due_on": QT_TRANSLATE_NOOP("AuditLabels", "due"),
    "ends_at": QT_TRANSLATE_NOOP("AuditLabels", "ends"),
    "first_response_due": QT_TRANSLATE_NOOP("AuditLabels", "first response due"),
    "follow_ups": QT_TRANSLATE_NOOP("AuditLabels", "follow-ups"),
    "from_status": QT_TRANSLATE_NOOP("AuditLabels", "from status"),
    "grid_id": QT_TRANSLATE_NOOP("AuditLabels", "grid"),
    "grids": QT_TRANSLATE_NOOP("AuditLabels", "grids"),
    "household": QT_TRANSLATE_NOOP("AuditLabels", "household"),
    "household_visits": QT_TRANSLATE_NOOP("AuditLabels", "household visits"),
    "is_repeat": QT_TRANSLATE_NOOP("AuditLabels", "repeat dispute"),
    "kind": QT_TRANSLATE_NOOP("AuditLabels", "kind"),
    "mediation_sessions": QT_TRANSLATE_NOOP("AuditLabels", "mediation sessions"),
    "mediator_id": QT_TRANSLATE_NOOP("AuditLabels", "mediator"),
    "mediators": QT_TRANSLATE_NOOP("AuditLabels", "mediators"),
    "missing_permission": QT_TRANSLATE_NOOP("AuditLabels", "missing permission"),
    "name": QT_TRANSLATE_NOOP("AuditLabels", "name"),
    "note": QT_TRANSLATE_NOOP("AuditLabels", "note"),
    "notes": QT_TRANSLATE_NOOP("AuditLabels", "notes"),
    "outcome": QT_TRANSLATE_NOOP("AuditLabels", "outcome"),
    "outreach_events": QT_TRANSLATE_NOOP("AuditLabels", "outreach events"),
    "owner_staff_id": QT_TRANSLATE_NOOP("AuditLabels", "owner"),
    "owner_team": QT_TRANSLATE_NOOP("AuditLabels", "team"),
    "parties": QT_TRANSLATE_NOOP("AuditLabels", "parties"),
    "patrol_shifts": QT_TRANSLATE_NOOP("AuditLabels", "patrol shifts"),
    "phone": QT_TRANSLATE_NOOP("AuditLabels", "phone"),
    "place": QT_TRANSLATE_NOOP("AuditLabels", "place"),
    "priority": QT_TRANSLATE_NOOP("AuditLabels", "priority"),
    "reason": QT_TRANSLATE_NOOP("AuditLabels", "reason"),
    "referral_target": QT_TRANSLATE_NOOP("AuditLabels", "referred to"),
    "reported_at": QT_TRANSLATE_NOOP("AuditLabels", "reported"),
    "resident_id": QT_TRANSLATE_NOOP("AuditLabels", "resident ID"),
    "resolution_due": QT_TRANSLATE_NOOP("AuditLabels", "resolution due"),
    "role": QT_TRANSLATE_NOOP("AuditLabels", "role"),
    "roles": QT_TRANSLATE_NOOP("AuditLabels", "roles"),
    "room": QT_TRANSLATE_NOOP("AuditLabels", "room"),
    "route": QT_TRANSLATE_NOOP("AuditLabels", "route"),
    "seed": QT_TRANSLATE_NOOP("AuditLabels", "random seed"),
    "shift_end": QT_TRANSLATE_NOOP("AuditLabels", "shift end"),
    "shift_start": QT_TRANSLATE_NOOP("AuditLabels", "shift start"),
    "source": QT_TRANSLATE_NOOP("AuditLabels", "source"),
    "staff": QT_TRANSLATE_NOOP("AuditLabels", "staff"),
    "staff_id": QT_TRANSLATE_NOOP("AuditLabels", "staff member"),
    "starts_at": QT_TRANSLATE_NOOP("AuditLabels", "starts"),
    "station": QT_TRANSLATE_NOOP("AuditLabels", "station"),
    "status": QT_TRANSLATE_NOOP("AuditLabels", "status"),
    "status_changes": QT_TRANSLATE_NOOP("AuditLabels", "status changes"),
    "strike_reason": QT_TRANSLATE_NOOP("AuditLabels", "reason for striking"),
    "summary": QT_TRANSLATE_NOOP("AuditLabels", "summary"),
    "text": QT_TRANSLATE_NOOP("AuditLabels", "text"),
    "to_status": QT_TRANSLATE_NOOP("AuditLabels", "to status"),
    "topic": QT_TRANSLATE_NOOP("AuditLabels", "topic"),
    "username": QT_TRANSLATE_NOOP("AuditLabels", "user name"),
    "users": QT_TRANSLATE_NOOP("AuditLabels", "accounts"),
    "value": QT_TRANSLATE_NOOP("AuditLabels", "value"),
    "visited_at": QT_TRANSLATE_NOOP("AuditLabels", "visited"),
    "volunteers": QT_TRANSLATE_NOOP("AuditLabels", "volunteers"),
    "what": QT_TRANSLATE_NOOP("AuditLabels", "what"),
}

KINDS: Mapping[str, str] = {
    "insert": QT_TRANSLATE_NOOP("AuditLabels", "%1 (added)"),
    "delete": QT_TRANSLATE_NOOP("AuditLabels", "%1 (removed)"),
}

OUTCOMES: Mapping[str, str] = {
    "ok": QT_TRANSLATE_NOOP("AuditLabels", "done"),
    "refused": QT_TRANSLATE_NOOP("AuditLabels", "refused"),
    "conflict": QT_TRANSLATE_NOOP("AuditLabels", "conflict"),
    "failed": QT_TRANSLATE_NOOP("AuditLabels", "failed"),
}

# Fields whose values are enum codes: shown by their label.
ENUM_FIELDS: Mapping[str, type[Enum]] = {
    "status": CaseStatus,
    "from_status": CaseStatus,
    "to_status": CaseStatus,
    "priority": Priority,
    "category": CaseCategory,
    "source": CaseSource,
    "owner_team": Team,
    "team": Team,
    "role": PartyRole,
    "outcome": MediationOutcome,
    "referral_target": ReferralTarget,
    "topic": OutreachTopic,
}
# "kind" and "status" mean different things on different tables.
TABLE_ENUM_FIELDS: Mapping[tuple[str, str], type[Enum]] = {
    ("patrol_shift", "kind"): ShiftKind,
    ("patrol_shift", "status"): PatrolStatus,
    ("mediation_session", "status"): SessionStatus,
    ("mediator", "kind"): MediatorKind,
    ("staff", "kind"): StaffKind,
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(action: str, outcome: str = "ok") -> str:
    """ "case.status:insert" -> "Status changed (added)"; refusals say so."""
    base, _sep, kind = action.partition(":")
    text = _t(ACTIONS[base]) if base in ACTIONS else action
    if kind in KINDS:
        text = _t(KINDS[kind]).replace("%1", text)
    if outcome not in ("ok", ""):
        text = _t("%1 — %2").replace("%1", text).replace("%2", outcome_label(outcome))
    return text


def object_label(table: str) -> str:
    return _t(OBJECTS[table]) if table in OBJECTS else table


def field_label(key: str) -> str:
    return _t(FIELDS[key]) if key in FIELDS else key


def outcome_label(outcome: str) -> str:
    return _t(OUTCOMES[outcome]) if outcome in OUTCOMES else outcome


def value_text(key: str, value: Any, table: str = "") -> str:
    """One recorded value as an officer reads it: enum labels, yes/no, shortened text."""
    kind = TABLE_ENUM_FIELDS.get((table, key)) or ENUM_FIELDS.get(key)
    if kind is not None and isinstance(value, str):
        try:
            return label(kind(value))
        except ValueError:
            pass
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
    if value in (None, ""):
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def change_lines(old: Mapping[str, Any], new: Mapping[str, Any], table: str = "") -> list[str]:
    """ "field: old → new" per changed field ("field: value" for a new row's filled fields)."""
    out = []
    for key in sorted({*old, *new}):
        if key in HIDDEN_FIELDS or key.endswith("_user_id") or key.endswith("hash"):
            continue
        value = new.get(key)
        if key not in old and value in (None, "", False):
            continue  # a new row's empty fields say nothing
        shown = value_text(key, value, table)
        if key in old:
            shown = f"{value_text(key, old.get(key), table)} → {shown}"
        out.append(_t("%1: %2").replace("%1", field_label(key)).replace("%2", shown))
    return out


def values_text(raw: str, table: str = "") -> str:
    """A stored JSON object of values as one line ("status: resolved; priority: high")."""
    if not raw:
        return ""
    try:
        values = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(values, dict):
        return raw
    return _t("; ").join(change_lines({}, values, table))


_YES_NO = (QT_TRANSLATE_NOOP("AuditLabels", "yes"), QT_TRANSLATE_NOOP("AuditLabels", "no"))
_SEPARATORS = (
    QT_TRANSLATE_NOOP("AuditLabels", "%1 — %2"),
    QT_TRANSLATE_NOOP("AuditLabels", "%1: %2"),
    QT_TRANSLATE_NOOP("AuditLabels", "; "),
)
