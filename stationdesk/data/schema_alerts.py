"""Command-room alerts and their acknowledgements.

Alerts themselves are worked out from the station's tables when asked
(stationdesk.data.alerts); only the acknowledgement is stored, one row per alert,
written through the unit of work (so it is audited and reaches every workstation
through the change feed).

Defined on the one ``Base`` so Alembic and ``create_all`` see them; imported at the end of
stationdesk.data.schema.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stationdesk.data.schema import Base, _enum
from stationdesk.domain.enums import AlertKind


class AlertAck(Base):
    """An alert someone has seen and acknowledged; it is not shown again anywhere."""

    __tablename__ = "alert_ack"
    id: Mapped[int] = mapped_column(primary_key=True)
    # Names one alert and what it was about, e.g. "overdue_case:123:202611281400"
    # (a moved deadline or session is a new alert).
    alert_key: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[AlertKind] = mapped_column(_enum(AlertKind))
    object_table: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[int] = mapped_column(Integer)
    acknowledged_at: Mapped[datetime] = mapped_column(DateTime)
    acknowledged_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    acknowledged_by: Mapped[str] = mapped_column(String(50))
    workstation: Mapped[str] = mapped_column(String(100), default="")
    __table_args__ = (Index("ix_alert_ack_at", "acknowledged_at"),)


__all__ = ["AlertAck"]
