"""People-facing names of the station's enums, translated through Qt's catalogue.

Source strings are English; the zh_CN catalogue (resources/translations) holds the
Chinese. ``QT_TRANSLATE_NOOP`` tables keep the strings visible to lupdate.
"""

from __future__ import annotations

from enum import Enum

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
    Role,
    SessionStatus,
    ShiftKind,
    StaffKind,
    Team,
)

CONTEXT = "Labels"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# Written out (not generated) so lupdate finds every string; translated at call time
# so a language switch takes effect.
_ENGLISH: dict[Enum, str] = {
    StaffKind.POLICE: QT_TRANSLATE_NOOP("Labels", "Police officer"),
    StaffKind.AUXILIARY: QT_TRANSLATE_NOOP("Labels", "Auxiliary officer"),
    StaffKind.ASSISTANT: QT_TRANSLATE_NOOP("Labels", "Police assistant"),
    StaffKind.VOLUNTEER: QT_TRANSLATE_NOOP("Labels", "Volunteer"),
    Team.COMMAND_ROOM: QT_TRANSLATE_NOOP("Labels", "Command room"),
    Team.COMMUNITY_POLICING: QT_TRANSLATE_NOOP("Labels", "Community policing team"),
    Team.LAW_ENFORCEMENT: QT_TRANSLATE_NOOP("Labels", "Law-enforcement team"),
    MediatorKind.STATION_MEDIATOR: QT_TRANSLATE_NOOP("Labels", "Station mediator"),
    MediatorKind.RESIDENT_LAWYER: QT_TRANSLATE_NOOP("Labels", "Resident lawyer"),
    MediatorKind.COURT_LIAISON: QT_TRANSLATE_NOOP("Labels", "Court liaison"),
    CaseCategory.DISPUTE_NEIGHBOUR: QT_TRANSLATE_NOOP("Labels", "Neighbour dispute"),
    CaseCategory.DISPUTE_FAMILY: QT_TRANSLATE_NOOP("Labels", "Family dispute"),
    CaseCategory.DISPUTE_PROPERTY: QT_TRANSLATE_NOOP("Labels", "Property dispute"),
    CaseCategory.DISPUTE_LABOUR: QT_TRANSLATE_NOOP("Labels", "Labour dispute"),
    CaseCategory.DISPUTE_CONSUMER: QT_TRANSLATE_NOOP("Labels", "Consumer dispute"),
    CaseCategory.DISPUTE_TRAFFIC: QT_TRANSLATE_NOOP("Labels", "Traffic dispute"),
    CaseCategory.ASSISTANCE: QT_TRANSLATE_NOOP("Labels", "Request for assistance"),
    CaseCategory.THEFT: QT_TRANSLATE_NOOP("Labels", "Theft"),
    CaseCategory.FRAUD: QT_TRANSLATE_NOOP("Labels", "Fraud"),
    CaseCategory.DRUGS: QT_TRANSLATE_NOOP("Labels", "Drug abuse"),
    CaseCategory.CONFLICT: QT_TRANSLATE_NOOP("Labels", "Conflicts and disputes"),
    CaseCategory.PUBLIC_SECURITY: QT_TRANSLATE_NOOP("Labels", "Public-security incident"),
    CaseSource.DISPATCH_110: QT_TRANSLATE_NOOP("Labels", "110 dispatch"),
    CaseSource.WALK_IN: QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    CaseSource.PHONE: QT_TRANSLATE_NOOP("Labels", "Phone call"),
    CaseSource.PATROL: QT_TRANSLATE_NOOP("Labels", "Patrol"),
    CaseSource.HOUSEHOLD_VISIT: QT_TRANSLATE_NOOP("Labels", "Household visit"),
    CaseSource.GRID_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Grid-worker referral"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Labels", "Urgent"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Labels", "Normal"),
    Priority.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    CaseStatus.NEW: QT_TRANSLATE_NOOP("Labels", "New"),
    CaseStatus.ASSIGNED: QT_TRANSLATE_NOOP("Labels", "Assigned"),
    CaseStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "In progress"),
    CaseStatus.IN_MEDIATION: QT_TRANSLATE_NOOP("Labels", "In mediation"),
    CaseStatus.ESCALATED: QT_TRANSLATE_NOOP("Labels", "Escalated"),
    CaseStatus.REFERRED: QT_TRANSLATE_NOOP("Labels", "Referred"),
    CaseStatus.RESOLVED: QT_TRANSLATE_NOOP("Labels", "Resolved"),
    CaseStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    PartyRole.COMPLAINANT: QT_TRANSLATE_NOOP("Labels", "Complainant"),
    PartyRole.RESPONDENT: QT_TRANSLATE_NOOP("Labels", "Respondent"),
    PartyRole.VICTIM: QT_TRANSLATE_NOOP("Labels", "Victim"),
    PartyRole.SUSPECT: QT_TRANSLATE_NOOP("Labels", "Suspect"),
    PartyRole.WITNESS: QT_TRANSLATE_NOOP("Labels", "Witness"),
    PartyRole.OTHER: QT_TRANSLATE_NOOP("Labels", "Other party"),
    SessionStatus.BOOKED: QT_TRANSLATE_NOOP("Labels", "Booked"),
    SessionStatus.HELD: QT_TRANSLATE_NOOP("Labels", "Held"),
    SessionStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    MediationOutcome.AGREEMENT: QT_TRANSLATE_NOOP("Labels", "Agreement"),
    MediationOutcome.PARTIAL: QT_TRANSLATE_NOOP("Labels", "Partial agreement"),
    MediationOutcome.NO_AGREEMENT: QT_TRANSLATE_NOOP("Labels", "No agreement"),
    ReferralTarget.COURT: QT_TRANSLATE_NOOP("Labels", "Court"),
    ReferralTarget.LAW_ENFORCEMENT: QT_TRANSLATE_NOOP("Labels", "Law-enforcement team"),
    ReferralTarget.OTHER_AGENCY: QT_TRANSLATE_NOOP("Labels", "Other agency"),
    ShiftKind.DAY: QT_TRANSLATE_NOOP("Labels", "Day shift"),
    ShiftKind.NIGHT: QT_TRANSLATE_NOOP("Labels", "Night shift"),
    ShiftKind.CUSTOM: QT_TRANSLATE_NOOP("Labels", "Custom shift"),
    PatrolStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planned"),
    PatrolStatus.ON_PATROL: QT_TRANSLATE_NOOP("Labels", "On patrol"),
    PatrolStatus.COMPLETED: QT_TRANSLATE_NOOP("Labels", "Completed"),
    PatrolStatus.MISSED: QT_TRANSLATE_NOOP("Labels", "Missed"),
    OutreachTopic.THEFT: QT_TRANSLATE_NOOP("Labels", "Theft prevention"),
    OutreachTopic.FRAUD: QT_TRANSLATE_NOOP("Labels", "Fraud prevention"),
    OutreachTopic.DRUGS: QT_TRANSLATE_NOOP("Labels", "Drug prevention"),
    OutreachTopic.CONFLICT: QT_TRANSLATE_NOOP("Labels", "Conflict prevention"),
    OutreachTopic.PUBLIC_SECURITY: QT_TRANSLATE_NOOP("Labels", "Public security"),
    Role.DUTY_OFFICER: QT_TRANSLATE_NOOP("Labels", "Duty officer"),
    Role.COMMUNITY_OFFICER: QT_TRANSLATE_NOOP("Labels", "Community officer"),
    Role.LAW_ENFORCEMENT_OFFICER: QT_TRANSLATE_NOOP("Labels", "Law-enforcement officer"),
    Role.MEDIATOR: QT_TRANSLATE_NOOP("Labels", "Mediator"),
    Role.DIRECTOR: QT_TRANSLATE_NOOP("Labels", "Station director"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Labels", "Administrator"),
}


def label(value: Enum | None) -> str:
    """The translated name of an enum value ('' for None)."""
    if value is None:
        return ""
    return _t(_ENGLISH.get(value, str(value.value)))
