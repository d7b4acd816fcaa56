"""The station's mediation rooms: a small registry the booking dialog offers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from stationdesk.data.database import Database
from stationdesk.data.schema_booking import MediationRoom
from stationdesk.data.uow import Actor, unit_of_work
from stationdesk.domain.enums import Permission


@dataclass(frozen=True)
class RoomInfo:
    id: int
    name: str
    location: str
    seats: int
    active: bool
    version: int


def _info(r: MediationRoom) -> RoomInfo:
    return RoomInfo(r.id, r.name, r.location, r.seats, r.active, r.version)


def rooms_in(session: Session, active_only: bool = True) -> list[RoomInfo]:
    stmt = select(MediationRoom).order_by(MediationRoom.sort_order, MediationRoom.name)
    if active_only:
        stmt = stmt.where(MediationRoom.active.is_(True))
    return [_info(r) for r in session.scalars(stmt)]


def list_rooms(db: Database, active_only: bool = True) -> list[RoomInfo]:
    """The rooms in the station's order (active ones only unless asked)."""
    with db.read() as s:
        return rooms_in(s, active_only)


def add_room(db: Database, actor: Actor, name: str, location: str = "", seats: int = 6) -> RoomInfo:
    """Register a mediation room (station management)."""
    name = name.strip()
    if not name:
        raise ValueError("a room needs a name")
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "room.create") as uow:
        last = uow.session.scalar(
            select(MediationRoom.sort_order).order_by(MediationRoom.sort_order.desc()).limit(1)
        )
        room = uow.add(
            MediationRoom(
                name=name, location=location, seats=seats, sort_order=(last or 0) + 1, active=True
            )
        )
        return _info(room)


def set_room_active(
    db: Database, actor: Actor, room_id: int, expected_version: int, active: bool
) -> RoomInfo:
    """Take a room out of use (or back); its past sessions keep it."""
    with unit_of_work(db, actor, Permission.MANAGE_STATION, "room.active") as uow:
        return _info(uow.update(MediationRoom, room_id, expected_version, active=active))
