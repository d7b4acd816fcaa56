"""The station's schema: one ORM model per table.

Enum columns are stored as their string values (native_enum=False) so SQLite and
PostgreSQL hold the same text and migrations stay simple. Every editable row has a
``version`` column the unit of work checks and bumps (optimistic concurrency).
Times are stored as naive station-local time: every workstation of a station shares
one time zone and China has no daylight saving, so local wall-clock times are
unambiguous and match what officers type and read.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

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

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Mixin: editable rows carry a version the ORM checks on every UPDATE."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Station(Versioned, Base):
    __tablename__ = "station"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")


class Staff(Versioned, Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    badge_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    kind: Mapped[StaffKind] = mapped_column(_enum(StaffKind))
    team: Mapped[Team | None] = mapped_column(_enum(Team))
    phone: Mapped[str] = mapped_column(String(32), default="")
    volunteer_group: Mapped[str] = mapped_column(String(100), default="")
    # Leave is dated: stationdesk.data.leave (table staff_leave).
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Grid(Versioned, Base):
    """A village or community with one responsible community officer."""

    __tablename__ = "grid"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(16), default="community")  # village | community
    households: Mapped[int] = mapped_column(Integer, default=0)
    responsible_officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    visit_target_per_month: Mapped[int] = mapped_column(Integer, default=20)
    responsible_officer: Mapped[Staff | None] = relationship()


class GridStaff(Base):
    """Auxiliary officers and police assistants attached to a grid."""

    __tablename__ = "grid_staff"
    grid_id: Mapped[int] = mapped_column(
        ForeignKey("grid.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)


class Mediator(Versioned, Base):
    __tablename__ = "mediator"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[MediatorKind] = mapped_column(_enum(MediatorKind))
    organisation: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    resident_id: Mapped[str] = mapped_column(String(18), default="")
    # Comma-separated CaseCategory values and free-text languages/dialects.
    skills: Mapped[str] = mapped_column(String(200), default="")
    languages: Mapped[str] = mapped_column(String(100), default="")
    capacity_per_day: Mapped[int] = mapped_column(Integer, default=3)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MediatorAvailability(Base):
    """Weekly pattern: weekday 0 = Monday."""

    __tablename__ = "mediator_availability"
    id: Mapped[int] = mapped_column(primary_key=True)
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"))
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    __table_args__ = (Index("ix_mediator_availability_mediator", "mediator_id", "weekday"),)


class MediatorException(Base):
    """Leave, court days and other exceptions to the weekly pattern."""

    __tablename__ = "mediator_exception"
    id: Mapped[int] = mapped_column(primary_key=True)
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # leave | court_day | other
    note: Mapped[str] = mapped_column(String(200), default="")
    __table_args__ = (Index("ix_mediator_exception_day", "mediator_id", "day"),)


class MediatorRelation(Base):
    """A declared relation of a mediator (family, neighbour, employer...) used by the
    conflict-of-interest check before a booking."""

    __tablename__ = "mediator_relation"
    id: Mapped[int] = mapped_column(primary_key=True)
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id", ondelete="CASCADE"))
    related_name: Mapped[str] = mapped_column(String(50))
    related_resident_id: Mapped[str] = mapped_column(String(18), default="")
    related_address: Mapped[str] = mapped_column(String(200), default="")
    relation: Mapped[str] = mapped_column(String(32))  # spouse | relative | neighbour | ...
    __table_args__ = (
        Index("ix_mediator_relation_resident_id", "related_resident_id"),
        Index("ix_mediator_relation_mediator", "mediator_id"),
    )


# Cases that are or were overdue at some time: the partial indexes' condition.
CASE_LATE_SQL = "closed_at IS NULL OR closed_at > resolution_due"


class Case(Versioned, Base):
    __tablename__ = "case_file"  # "case" is an SQL keyword
    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    category: Mapped[CaseCategory] = mapped_column(_enum(CaseCategory))
    source: Mapped[CaseSource] = mapped_column(_enum(CaseSource))
    priority: Mapped[Priority] = mapped_column(_enum(Priority))
    status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus), default=CaseStatus.NEW)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    address: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    reported_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_response_due: Mapped[datetime | None] = mapped_column(DateTime)
    resolution_due: Mapped[datetime | None] = mapped_column(DateTime)
    owner_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    owner_team: Mapped[Team | None] = mapped_column(_enum(Team))
    is_repeat: Mapped[bool] = mapped_column(Boolean, default=False)
    notable: Mapped[bool] = mapped_column(Boolean, default=False)
    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseParty.id"
    )
    __table_args__ = (
        Index("ix_case_reported", "reported_at", "id"),
        Index("ix_case_status_reported", "status", "reported_at"),
        Index("ix_case_grid_status", "grid_id", "status"),
        Index("ix_case_category_reported", "category", "reported_at"),
        Index("ix_case_priority_reported", "priority", "reported_at"),
        Index("ix_case_owner", "owner_staff_id", "status"),
        Index("ix_case_resolution_due", "resolution_due"),
        Index("ix_case_address", "address"),
        # The overview's figures (migration 0006): open/overdue counts, and the overdue
        # trend over "late" rows only (still open, or closed after the deadline).
        Index("ix_case_status_due", "status", "resolution_due"),
        Index(
            "ix_case_late_closed",
            "closed_at",
            "resolution_due",
            sqlite_where=text(CASE_LATE_SQL),
            postgresql_where=text(CASE_LATE_SQL),
        ),
        Index(
            "ix_case_late_due",
            "resolution_due",
            "closed_at",
            sqlite_where=text(CASE_LATE_SQL),
            postgresql_where=text(CASE_LATE_SQL),
        ),
    )


class CaseParty(Base):
    __tablename__ = "case_party"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[PartyRole] = mapped_column(_enum(PartyRole))
    resident_id: Mapped[str] = mapped_column(String(18), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    case: Mapped[Case] = relationship(back_populates="parties")
    __table_args__ = (
        Index("ix_case_party_case", "case_id"),
        Index("ix_case_party_resident_id", "resident_id"),
        Index("ix_case_party_phone", "phone"),
    )


class CaseStatusChange(Base):
    """Append-only status history: who moved the case, when and why."""

    __tablename__ = "case_status_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    from_status: Mapped[CaseStatus | None] = mapped_column(_enum(CaseStatus))
    to_status: Mapped[CaseStatus] = mapped_column(_enum(CaseStatus))
    at: Mapped[datetime] = mapped_column(DateTime)
    by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    reason: Mapped[str] = mapped_column(String(500), default="")
    __table_args__ = (Index("ix_case_status_change_case", "case_id", "at"),)


class CaseNote(Base):
    """Append-only notes; a wrong note is struck through with a reason, never deleted."""

    __tablename__ = "case_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    author_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    text: Mapped[str] = mapped_column(Text)
    struck_at: Mapped[datetime | None] = mapped_column(DateTime)
    struck_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    strike_reason: Mapped[str] = mapped_column(String(500), default="")
    __table_args__ = (Index("ix_case_note_case", "case_id", "at"),)


class MediationSession(Versioned, Base):
    __tablename__ = "mediation_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    room: Mapped[str] = mapped_column(String(50), default="")
    # The registered room (schema_booking.MediationRoom); ``room`` keeps its name as booked.
    room_id: Mapped[int | None] = mapped_column(ForeignKey("mediation_room.id"))
    status: Mapped[SessionStatus] = mapped_column(
        _enum(SessionStatus), default=SessionStatus.BOOKED
    )
    # Why a conflict of interest was overridden for this booking ("" = none was).
    conflict_override: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[MediationOutcome | None] = mapped_column(_enum(MediationOutcome))
    agreement_terms: Mapped[str] = mapped_column(Text, default="")
    referral_target: Mapped[ReferralTarget | None] = mapped_column(_enum(ReferralTarget))
    __table_args__ = (
        Index("ix_mediation_session_starts", "starts_at"),
        Index("ix_mediation_session_case", "case_id"),
    )


class SessionMediator(Base):
    __tablename__ = "session_mediator"
    session_id: Mapped[int] = mapped_column(
        ForeignKey("mediation_session.id", ondelete="CASCADE"), primary_key=True
    )
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id"), primary_key=True)
    __table_args__ = (Index("ix_session_mediator_mediator", "mediator_id"),)


class FollowUp(Versioned, Base):
    """A follow-up visit after an agreement, on the responsible officer's list."""

    __tablename__ = "follow_up"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("mediation_session.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    due_on: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(String(500), default="")
    __table_args__ = (Index("ix_follow_up_due", "due_on", "done_at"),)


class PatrolShift(Versioned, Base):
    __tablename__ = "patrol_shift"
    id: Mapped[int] = mapped_column(primary_key=True)
    route: Mapped[str] = mapped_column(String(100))
    kind: Mapped[ShiftKind] = mapped_column(_enum(ShiftKind))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[PatrolStatus] = mapped_column(_enum(PatrolStatus), default=PatrolStatus.PLANNED)
    checked_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    __table_args__ = (Index("ix_patrol_shift_starts", "starts_at"),)


class PatrolMember(Base):
    __tablename__ = "patrol_member"
    shift_id: Mapped[int] = mapped_column(
        ForeignKey("patrol_shift.id", ondelete="CASCADE"), primary_key=True
    )
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    __table_args__ = (Index("ix_patrol_member_staff", "staff_id"),)


class PatrolGrid(Base):
    __tablename__ = "patrol_grid"
    shift_id: Mapped[int] = mapped_column(
        ForeignKey("patrol_shift.id", ondelete="CASCADE"), primary_key=True
    )
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"), primary_key=True)
    __table_args__ = (Index("ix_patrol_grid_grid", "grid_id"),)


class HouseholdVisit(Base):
    __tablename__ = "household_visit"
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int] = mapped_column(ForeignKey("grid.id"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    visited_at: Mapped[datetime] = mapped_column(DateTime)
    household: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    purpose: Mapped[str] = mapped_column(String(100), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_household_visit_grid", "grid_id", "visited_at"),)


class OutreachEvent(Base):
    __tablename__ = "outreach_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grid.id"))
    topic: Mapped[OutreachTopic] = mapped_column(_enum(OutreachTopic))
    held_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    attendees: Mapped[int] = mapped_column(Integer, default=0)
    organiser_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    __table_args__ = (Index("ix_outreach_event_held", "held_at"),)


class Handover(Versioned, Base):
    """A shift handover: the archived PDF, its hash and both officers."""

    __tablename__ = "handover"
    id: Mapped[int] = mapped_column(primary_key=True)
    shift_start: Mapped[datetime] = mapped_column(DateTime)
    shift_end: Mapped[datetime] = mapped_column(DateTime)
    outgoing_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    incoming_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    generated_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    instructions: Mapped[str] = mapped_column(Text, default="")
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (Index("ix_handover_shift", "shift_start"),)


class User(Versioned, Base):
    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    roles: Mapped[str] = mapped_column(String(200), default="")  # comma-separated Role values
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[datetime | None] = mapped_column(DateTime)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuditEntry(Base):
    """Append-only, hash-chained audit trail of every write and sensitive read."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(50))
    workstation: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(64))
    object_table: Mapped[str] = mapped_column(String(64), default="")
    object_id: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    old_values: Mapped[str] = mapped_column(Text, default="")
    new_values: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(16), default="ok")  # ok | refused
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (Index("ix_audit_entry_object", "object_table", "object_id"),)


class ChangeLogEntry(Base):
    """Monotonic log of committed changes; the change feed reads it to catch up."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    version: Mapped[int] = mapped_column(Integer, default=0)
    action: Mapped[str] = mapped_column(String(16))  # insert | update | delete


class WorkToken(Base):
    """One row per committed unit of work, keyed by the client's idempotency token.

    When the connection is lost during a save, the client asks whether its token is
    here (``data/resilience.py``). If it is not, that question writes a ``fenced`` row
    for it, so the lost transaction can never commit afterwards: the answer is final.
    """

    __tablename__ = "work_token"
    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16))  # committed | fenced


class Setting(Base):
    """Station-wide settings shared by all workstations (deadlines, windows, ...)."""

    __tablename__ = "station_setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


__all__ = [
    "AuditEntry",
    "Base",
    "Case",
    "CaseNote",
    "CaseParty",
    "CaseStatusChange",
    "ChangeLogEntry",
    "FollowUp",
    "Grid",
    "GridStaff",
    "Handover",
    "HouseholdVisit",
    "MediationSession",
    "Mediator",
    "MediatorAvailability",
    "MediatorException",
    "MediatorRelation",
    "OutreachEvent",
    "PatrolGrid",
    "PatrolMember",
    "PatrolShift",
    "SessionMediator",
    "Setting",
    "Staff",
    "Station",
    "User",
    "WorkToken",
]

# Tables of later features live in their own modules; importing them registers them on Base.
from stationdesk.data import schema_alerts, schema_booking, schema_roster  # noqa: E402,F401
