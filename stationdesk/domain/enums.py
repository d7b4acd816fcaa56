"""The station's vocabulary: every fixed list the code and the UI share.

Values are stable strings stored in the database; labels for people live in the
UI catalogue (ui/labels.py) and the report catalogue, never here.
"""

from __future__ import annotations

from enum import StrEnum


class StaffKind(StrEnum):
    POLICE = "police"
    AUXILIARY = "auxiliary"  # auxiliary officer (辅警)
    ASSISTANT = "assistant"  # police assistant (警务助理)
    VOLUNTEER = "volunteer"  # resident volunteer (群防群治)


class LeaveKind(StrEnum):
    """Why a person is away (a staff_leave row)."""

    ANNUAL = "annual"  # annual leave (年休假)
    SICK = "sick"  # sick leave (病假)
    TRAINING = "training"  # training or study away from the station (培训)
    OTHER = "other"  # personal or other leave (事假等)


class Team(StrEnum):
    """One room, two teams."""

    COMMAND_ROOM = "command_room"
    COMMUNITY_POLICING = "community_policing"
    LAW_ENFORCEMENT = "law_enforcement"


class MediatorKind(StrEnum):
    STATION_MEDIATOR = "station_mediator"
    RESIDENT_LAWYER = "resident_lawyer"
    COURT_LIAISON = "court_liaison"


class CaseCategory(StrEnum):
    DISPUTE_NEIGHBOUR = "dispute_neighbour"
    DISPUTE_FAMILY = "dispute_family"
    DISPUTE_PROPERTY = "dispute_property"
    DISPUTE_LABOUR = "dispute_labour"
    DISPUTE_CONSUMER = "dispute_consumer"
    DISPUTE_TRAFFIC = "dispute_traffic"
    ASSISTANCE = "assistance"
    # The "Five Prevention" areas.
    THEFT = "theft"
    FRAUD = "fraud"
    DRUGS = "drugs"
    CONFLICT = "conflict"
    PUBLIC_SECURITY = "public_security"

    @property
    def is_dispute(self) -> bool:
        return self.value.startswith("dispute_")


DISPUTE_CATEGORIES = tuple(c for c in CaseCategory if c.is_dispute)
FIVE_PREVENTION = (
    CaseCategory.THEFT,
    CaseCategory.FRAUD,
    CaseCategory.DRUGS,
    CaseCategory.CONFLICT,
    CaseCategory.PUBLIC_SECURITY,
)


class CaseSource(StrEnum):
    DISPATCH_110 = "dispatch_110"
    WALK_IN = "walk_in"
    PHONE = "phone"
    PATROL = "patrol"
    HOUSEHOLD_VISIT = "household_visit"
    GRID_REFERRAL = "grid_referral"


class Priority(StrEnum):
    URGENT = "urgent"
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 is most urgent; used for sorting."""
        return list(Priority).index(self)


class CaseStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    IN_MEDIATION = "in_mediation"
    ESCALATED = "escalated"  # handed to the law-enforcement team
    REFERRED = "referred"  # referred to another agency
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.REFERRED)


OPEN_STATUSES = tuple(s for s in CaseStatus if s.is_open)


class PartyRole(StrEnum):
    COMPLAINANT = "complainant"
    RESPONDENT = "respondent"
    VICTIM = "victim"
    SUSPECT = "suspect"
    WITNESS = "witness"
    OTHER = "other"


class SessionStatus(StrEnum):
    BOOKED = "booked"
    HELD = "held"
    CANCELLED = "cancelled"


class MediationOutcome(StrEnum):
    AGREEMENT = "agreement"
    PARTIAL = "partial"
    NO_AGREEMENT = "no_agreement"


class ReferralTarget(StrEnum):
    COURT = "court"
    LAW_ENFORCEMENT = "law_enforcement"
    OTHER_AGENCY = "other_agency"


class ShiftKind(StrEnum):
    DAY = "day"
    NIGHT = "night"
    CUSTOM = "custom"


class PatrolStatus(StrEnum):
    PLANNED = "planned"
    ON_PATROL = "on_patrol"
    COMPLETED = "completed"
    MISSED = "missed"


class AlertKind(StrEnum):
    """What the command room is alerted to (stationdesk.data.alerts)."""

    OVERDUE_CASE = "overdue_case"
    MISSED_CHECKIN = "missed_checkin"
    MEDIATION_SOON = "mediation_soon"
    UNASSIGNED_HIGH = "unassigned_high"
    MEDIATION_DEADLINE = "mediation_deadline"


class OutreachTopic(StrEnum):
    THEFT = "theft"
    FRAUD = "fraud"
    DRUGS = "drugs"
    CONFLICT = "conflict"
    PUBLIC_SECURITY = "public_security"


class Role(StrEnum):
    DUTY_OFFICER = "duty_officer"
    COMMUNITY_OFFICER = "community_officer"
    LAW_ENFORCEMENT_OFFICER = "law_enforcement_officer"
    MEDIATOR = "mediator"
    DIRECTOR = "director"
    ADMIN = "admin"


class Permission(StrEnum):
    """What a write (or a sensitive read) needs; roles grant permissions."""

    EDIT_CASES = "edit_cases"
    EDIT_PATROLS = "edit_patrols"
    EDIT_MEDIATION = "edit_mediation"
    EDIT_COMMUNITY_WORK = "edit_community_work"
    WRITE_HANDOVER = "write_handover"
    VIEW_PERSONAL_DATA = "view_personal_data"
    MANAGE_STATION = "manage_station"  # grids, staff, mediators, imports
    MANAGE_USERS = "manage_users"
    # Book a mediator despite a conflict of interest, with a written justification.
    OVERRIDE_CONFLICT = "override_conflict"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DUTY_OFFICER: frozenset(
        {
            Permission.EDIT_CASES,
            Permission.EDIT_PATROLS,
            Permission.EDIT_MEDIATION,
            Permission.EDIT_COMMUNITY_WORK,
            Permission.WRITE_HANDOVER,
        }
    ),
    Role.COMMUNITY_OFFICER: frozenset(
        {Permission.EDIT_CASES, Permission.EDIT_COMMUNITY_WORK, Permission.EDIT_MEDIATION}
    ),
    Role.LAW_ENFORCEMENT_OFFICER: frozenset({Permission.EDIT_CASES}),
    Role.MEDIATOR: frozenset({Permission.EDIT_MEDIATION}),
    Role.DIRECTOR: frozenset(
        {
            Permission.EDIT_CASES,
            Permission.EDIT_PATROLS,
            Permission.EDIT_MEDIATION,
            Permission.EDIT_COMMUNITY_WORK,
            Permission.WRITE_HANDOVER,
            Permission.VIEW_PERSONAL_DATA,
            Permission.OVERRIDE_CONFLICT,
        }
    ),
    Role.ADMIN: frozenset(set(Permission)),
}


def permissions_of(roles: frozenset[Role] | set[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)
