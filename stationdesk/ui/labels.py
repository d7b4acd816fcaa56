"""People-facing names of the station's enums, translated through Qt's catalogue.

Source strings are English; the zh_CN catalogue (resources/translations) holds the
Chinese. ``QT_TRANSLATE_NOOP`` tables keep the strings visible to lupdate.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from stationdesk.domain.community import PeriodKind
from stationdesk.domain.enums import (
    AlertKind,
    CaseCategory,
    CaseSource,
    CaseStatus,
    LeaveKind,
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
_ENGLISH: dict[tuple[type, str], str] = {
    (StaffKind, StaffKind.POLICE.value): QT_TRANSLATE_NOOP("Labels", "Police officer"),
    (StaffKind, StaffKind.AUXILIARY.value): QT_TRANSLATE_NOOP("Labels", "Auxiliary officer"),
    (StaffKind, StaffKind.ASSISTANT.value): QT_TRANSLATE_NOOP("Labels", "Police assistant"),
    (StaffKind, StaffKind.VOLUNTEER.value): QT_TRANSLATE_NOOP("Labels", "Volunteer"),
    (LeaveKind, LeaveKind.ANNUAL.value): QT_TRANSLATE_NOOP("Labels", "Annual leave"),
    (LeaveKind, LeaveKind.SICK.value): QT_TRANSLATE_NOOP("Labels", "Sick leave"),
    (LeaveKind, LeaveKind.TRAINING.value): QT_TRANSLATE_NOOP("Labels", "Training"),
    (LeaveKind, LeaveKind.OTHER.value): QT_TRANSLATE_NOOP("Labels", "Other leave"),
    (Team, Team.COMMAND_ROOM.value): QT_TRANSLATE_NOOP("Labels", "Command room"),
    (Team, Team.COMMUNITY_POLICING.value): QT_TRANSLATE_NOOP("Labels", "Community policing team"),
    (Team, Team.LAW_ENFORCEMENT.value): QT_TRANSLATE_NOOP("Labels", "Law-enforcement team"),
    (MediatorKind, MediatorKind.STATION_MEDIATOR.value): QT_TRANSLATE_NOOP(
        "Labels", "Station mediator"
    ),
    (MediatorKind, MediatorKind.RESIDENT_LAWYER.value): QT_TRANSLATE_NOOP(
        "Labels", "Resident lawyer"
    ),
    (MediatorKind, MediatorKind.COURT_LIAISON.value): QT_TRANSLATE_NOOP("Labels", "Court liaison"),
    (CaseCategory, CaseCategory.DISPUTE_NEIGHBOUR.value): QT_TRANSLATE_NOOP(
        "Labels", "Neighbour dispute"
    ),
    (CaseCategory, CaseCategory.DISPUTE_FAMILY.value): QT_TRANSLATE_NOOP(
        "Labels", "Family dispute"
    ),
    (CaseCategory, CaseCategory.DISPUTE_PROPERTY.value): QT_TRANSLATE_NOOP(
        "Labels", "Property dispute"
    ),
    (CaseCategory, CaseCategory.DISPUTE_LABOUR.value): QT_TRANSLATE_NOOP(
        "Labels", "Labour dispute"
    ),
    (CaseCategory, CaseCategory.DISPUTE_CONSUMER.value): QT_TRANSLATE_NOOP(
        "Labels", "Consumer dispute"
    ),
    (CaseCategory, CaseCategory.DISPUTE_TRAFFIC.value): QT_TRANSLATE_NOOP(
        "Labels", "Traffic dispute"
    ),
    (CaseCategory, CaseCategory.ASSISTANCE.value): QT_TRANSLATE_NOOP(
        "Labels", "Request for assistance"
    ),
    (CaseCategory, CaseCategory.THEFT.value): QT_TRANSLATE_NOOP("Labels", "Theft"),
    (CaseCategory, CaseCategory.FRAUD.value): QT_TRANSLATE_NOOP("Labels", "Fraud"),
    (CaseCategory, CaseCategory.DRUGS.value): QT_TRANSLATE_NOOP("Labels", "Drug abuse"),
    (CaseCategory, CaseCategory.CONFLICT.value): QT_TRANSLATE_NOOP(
        "Labels", "Conflicts and disputes"
    ),
    (CaseCategory, CaseCategory.PUBLIC_SECURITY.value): QT_TRANSLATE_NOOP(
        "Labels", "Public-security incident"
    ),
    (CaseSource, CaseSource.DISPATCH_110.value): QT_TRANSLATE_NOOP("Labels", "110 dispatch"),
    (CaseSource, CaseSource.WALK_IN.value): QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    (CaseSource, CaseSource.PHONE.value): QT_TRANSLATE_NOOP("Labels", "Phone call"),
    (CaseSource, CaseSource.PATROL.value): QT_TRANSLATE_NOOP("Labels", "Patrol"),
    (CaseSource, CaseSource.HOUSEHOLD_VISIT.value): QT_TRANSLATE_NOOP("Labels", "Household visit"),
    (CaseSource, CaseSource.GRID_REFERRAL.value): QT_TRANSLATE_NOOP(
        "Labels", "Grid-worker referral"
    ),
    (Priority, Priority.URGENT.value): QT_TRANSLATE_NOOP("Labels", "Urgent"),
    (Priority, Priority.HIGH.value): QT_TRANSLATE_NOOP("Labels", "High"),
    (Priority, Priority.NORMAL.value): QT_TRANSLATE_NOOP("Labels", "Normal"),
    (Priority, Priority.LOW.value): QT_TRANSLATE_NOOP("Labels", "Low"),
    (CaseStatus, CaseStatus.NEW.value): QT_TRANSLATE_NOOP("Labels", "New"),
    (CaseStatus, CaseStatus.ASSIGNED.value): QT_TRANSLATE_NOOP("Labels", "Assigned"),
    (CaseStatus, CaseStatus.IN_PROGRESS.value): QT_TRANSLATE_NOOP("Labels", "In progress"),
    (CaseStatus, CaseStatus.IN_MEDIATION.value): QT_TRANSLATE_NOOP("Labels", "In mediation"),
    (CaseStatus, CaseStatus.ESCALATED.value): QT_TRANSLATE_NOOP("Labels", "Escalated"),
    (CaseStatus, CaseStatus.REFERRED.value): QT_TRANSLATE_NOOP("Labels", "Referred"),
    (CaseStatus, CaseStatus.RESOLVED.value): QT_TRANSLATE_NOOP("Labels", "Resolved"),
    (CaseStatus, CaseStatus.CLOSED.value): QT_TRANSLATE_NOOP("Labels", "Closed"),
    (PartyRole, PartyRole.COMPLAINANT.value): QT_TRANSLATE_NOOP("Labels", "Complainant"),
    (PartyRole, PartyRole.RESPONDENT.value): QT_TRANSLATE_NOOP("Labels", "Respondent"),
    (PartyRole, PartyRole.VICTIM.value): QT_TRANSLATE_NOOP("Labels", "Victim"),
    (PartyRole, PartyRole.SUSPECT.value): QT_TRANSLATE_NOOP("Labels", "Suspect"),
    (PartyRole, PartyRole.WITNESS.value): QT_TRANSLATE_NOOP("Labels", "Witness"),
    (PartyRole, PartyRole.OTHER.value): QT_TRANSLATE_NOOP("Labels", "Other party"),
    (SessionStatus, SessionStatus.BOOKED.value): QT_TRANSLATE_NOOP("Labels", "Booked"),
    (SessionStatus, SessionStatus.HELD.value): QT_TRANSLATE_NOOP("Labels", "Held"),
    (SessionStatus, SessionStatus.CANCELLED.value): QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    (MediationOutcome, MediationOutcome.AGREEMENT.value): QT_TRANSLATE_NOOP("Labels", "Agreement"),
    (MediationOutcome, MediationOutcome.PARTIAL.value): QT_TRANSLATE_NOOP(
        "Labels", "Partial agreement"
    ),
    (MediationOutcome, MediationOutcome.NO_AGREEMENT.value): QT_TRANSLATE_NOOP(
        "Labels", "No agreement"
    ),
    (ReferralTarget, ReferralTarget.COURT.value): QT_TRANSLATE_NOOP("Labels", "Court"),
    (ReferralTarget, ReferralTarget.LAW_ENFORCEMENT.value): QT_TRANSLATE_NOOP(
        "Labels", "Law-enforcement team"
    ),
    (ReferralTarget, ReferralTarget.OTHER_AGENCY.value): QT_TRANSLATE_NOOP(
        "Labels", "Other agency"
    ),
    (ShiftKind, ShiftKind.DAY.value): QT_TRANSLATE_NOOP("Labels", "Day shift"),
    (ShiftKind, ShiftKind.NIGHT.value): QT_TRANSLATE_NOOP("Labels", "Night shift"),
    (ShiftKind, ShiftKind.CUSTOM.value): QT_TRANSLATE_NOOP("Labels", "Custom shift"),
    (AlertKind, AlertKind.OVERDUE_CASE.value): QT_TRANSLATE_NOOP("Labels", "Case overdue"),
    (AlertKind, AlertKind.MISSED_CHECKIN.value): QT_TRANSLATE_NOOP(
        "Labels", "Patrol check-in missed"
    ),
    (AlertKind, AlertKind.MEDIATION_SOON.value): QT_TRANSLATE_NOOP(
        "Labels", "Mediation starts soon"
    ),
    (AlertKind, AlertKind.UNASSIGNED_HIGH.value): QT_TRANSLATE_NOOP(
        "Labels", "Urgent case unassigned"
    ),
    (AlertKind, AlertKind.MEDIATION_DEADLINE.value): QT_TRANSLATE_NOOP(
        "Labels", "Mediation period ending"
    ),
    (PatrolStatus, PatrolStatus.PLANNED.value): QT_TRANSLATE_NOOP("Labels", "Planned"),
    (PatrolStatus, PatrolStatus.ON_PATROL.value): QT_TRANSLATE_NOOP("Labels", "On patrol"),
    (PatrolStatus, PatrolStatus.COMPLETED.value): QT_TRANSLATE_NOOP("Labels", "Completed"),
    (PatrolStatus, PatrolStatus.MISSED.value): QT_TRANSLATE_NOOP("Labels", "Missed"),
    (OutreachTopic, OutreachTopic.THEFT.value): QT_TRANSLATE_NOOP("Labels", "Theft prevention"),
    (OutreachTopic, OutreachTopic.FRAUD.value): QT_TRANSLATE_NOOP("Labels", "Fraud prevention"),
    (OutreachTopic, OutreachTopic.DRUGS.value): QT_TRANSLATE_NOOP("Labels", "Drug prevention"),
    (OutreachTopic, OutreachTopic.CONFLICT.value): QT_TRANSLATE_NOOP(
        "Labels", "Conflict prevention"
    ),
    (OutreachTopic, OutreachTopic.PUBLIC_SECURITY.value): QT_TRANSLATE_NOOP(
        "Labels", "Public security"
    ),
    (Role, Role.DUTY_OFFICER.value): QT_TRANSLATE_NOOP("Labels", "Duty officer"),
    (Role, Role.COMMUNITY_OFFICER.value): QT_TRANSLATE_NOOP("Labels", "Community officer"),
    (Role, Role.LAW_ENFORCEMENT_OFFICER.value): QT_TRANSLATE_NOOP(
        "Labels", "Law-enforcement officer"
    ),
    (Role, Role.MEDIATOR.value): QT_TRANSLATE_NOOP("Labels", "Mediator"),
    (Role, Role.DIRECTOR.value): QT_TRANSLATE_NOOP("Labels", "Station director"),
    (Role, Role.ADMIN.value): QT_TRANSLATE_NOOP("Labels", "Administrator"),
    (PeriodKind, PeriodKind.WEEK.value): QT_TRANSLATE_NOOP("Labels", "Week"),
    (PeriodKind, PeriodKind.MONTH.value): QT_TRANSLATE_NOOP("Labels", "Month"),
    (PeriodKind, PeriodKind.QUARTER.value): QT_TRANSLATE_NOOP("Labels", "Quarter"),
}


def label(value: Enum | None) -> str:
    """The translated name of an enum value ('' for None)."""
    if value is None:
        return ""
    # Keyed by type too: StrEnum members of different enums with the same value
    # (CaseCategory.THEFT, OutreachTopic.THEFT) compare equal.
    return _t(_ENGLISH.get((type(value), value.value), str(value.value)))
