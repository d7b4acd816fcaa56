"""Patrol roster tables: rotation templates and the slot claims
that make double booking impossible.

Defined on the one ``Base`` so Alembic and ``create_all`` see them; imported at the end of
stationdesk.data.schema.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from stationdesk.data.schema import Base, Versioned, _enum
from stationdesk.domain.enums import LeaveKind, ShiftKind


class RosterTemplate(Versioned, Base):
    """A rotation over ``weeks`` weeks; week one is the week of ``anchor`` (a Monday)."""

    __tablename__ = "roster_template"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    weeks: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[date] = mapped_column(Date)


class RosterTemplateLine(Base):
    """One recurring shift of a template, with one crew per rotation week.

    ``grid_ids`` and ``crews`` are JSON lists: a template is a plan, checked when it
    generates shifts, and the shifts it creates carry real foreign keys.
    """

    __tablename__ = "roster_template_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("roster_template.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    route: Mapped[str] = mapped_column(String(100))
    kind: Mapped[ShiftKind] = mapped_column(_enum(ShiftKind))
    start_time: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    weekdays: Mapped[str] = mapped_column(String(7), default="0123456")
    calendar: Mapped[str] = mapped_column(String(16), default="every_day")
    grid_ids: Mapped[str] = mapped_column(Text, default="[]")
    crews: Mapped[str] = mapped_column(Text, default="[]")
    __table_args__ = (Index("ix_roster_template_line_template", "template_id", "position"),)


class PatrolSlotClaim(Base):
    """A person's claim on one 30-minute slot, written with their shift membership.

    The primary key (staff, slot) is the database's own guard against double booking:
    two shifts of one person sharing a whole slot cannot both commit, from whichever
    workstation. See ``scheduling.claim_slots``.
    """

    __tablename__ = "patrol_slot_claim"
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    slot_start: Mapped[datetime] = mapped_column(DateTime, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("patrol_shift.id", ondelete="CASCADE"))
    __table_args__ = (Index("ix_patrol_slot_claim_shift", "shift_id", "staff_id"),)


class StaffLeave(Versioned, Base):
    """A period a person is away, ``first_day`` to ``last_day`` inclusive.

    ``last_day`` is None for leave "until further notice" (what the old yes/no flag
    meant). Who recorded it and when: ``created_by`` / ``created_at``; the audit log has
    the rest. The roster rules and the grid flags read "on leave on day d" from here.
    """

    __tablename__ = "staff_leave"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[LeaveKind] = mapped_column(_enum(LeaveKind))
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_staff_leave_staff_first", "staff_id", "first_day"),)


__all__ = ["PatrolSlotClaim", "RosterTemplate", "RosterTemplateLine", "StaffLeave"]
