"""Mediation booking tables: rooms and the slot claims
that keep a mediator or room from being booked twice.

A booking writes one claim row per 15-minute quantum of the session for each mediator
and for the room, in the same transaction as the session. The primary keys
(mediator, quantum) and (room, quantum) make a second booking of the same quantum
impossible in the database itself, whichever workstation commits first. Cancelling a
session deletes its claims (and the claims go with a deleted session: ON DELETE CASCADE).

Defined on the one ``Base`` so Alembic and ``create_all`` see them; imported at the end of
stationdesk.data.schema.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stationdesk.data.schema import Base, Versioned

# The grain of the claims: sessions start and end on the quarter hour.
QUANTUM = timedelta(minutes=15)


class MediationRoom(Versioned, Base):
    """A room of the station where mediation sessions are held."""

    __tablename__ = "mediation_room"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    location: Mapped[str] = mapped_column(String(100), default="")
    seats: Mapped[int] = mapped_column(Integer, default=6)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MediatorSlotClaim(Base):
    """Mediator ``mediator_id`` is taken by ``session_id`` for the quantum at ``slot_start``."""

    __tablename__ = "mediator_slot_claim"
    mediator_id: Mapped[int] = mapped_column(ForeignKey("mediator.id"), primary_key=True)
    slot_start: Mapped[datetime] = mapped_column(DateTime, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("mediation_session.id", ondelete="CASCADE"))
    __table_args__ = (Index("ix_mediator_slot_claim_session", "session_id"),)


class RoomSlotClaim(Base):
    """Room ``room_id`` is taken by ``session_id`` for the quantum at ``slot_start``."""

    __tablename__ = "room_slot_claim"
    room_id: Mapped[int] = mapped_column(ForeignKey("mediation_room.id"), primary_key=True)
    slot_start: Mapped[datetime] = mapped_column(DateTime, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("mediation_session.id", ondelete="CASCADE"))
    __table_args__ = (Index("ix_room_slot_claim_session", "session_id"),)


__all__ = ["QUANTUM", "MediationRoom", "MediatorSlotClaim", "RoomSlotClaim"]
