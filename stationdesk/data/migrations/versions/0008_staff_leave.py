"""staff leave: dated leave periods replace the yes/no staff.on_leave flag

Everyone flagged on leave gets one open-ended leave row (kind "other") from the day of
the upgrade: the flag meant "away until someone clears it", so the leave stays until an
officer ends or cancels it; a today-only row would silently put them back on the roster
tomorrow. The flag column goes: one source of truth for "on leave on day d".

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 09:00:00.000000
"""

from datetime import date, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MIGRATED_BY = "migration 0008"


def upgrade() -> None:
    op.create_table(
        "staff_leave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "annual",
                "sick",
                "training",
                "other",
                name="leavekind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_leave_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_leave")),
    )
    with op.batch_alter_table("staff_leave", schema=None) as batch_op:
        batch_op.create_index("ix_staff_leave_staff_first", ["staff_id", "first_day"])

    conn = op.get_bind()
    staff = sa.table("staff", sa.column("id", sa.Integer), sa.column("on_leave", sa.Boolean))
    away = [sid for (sid,) in conn.execute(sa.select(staff.c.id).where(staff.c.on_leave))]
    if away:
        leave = sa.table(
            "staff_leave",
            *(sa.column(c) for c in ("staff_id", "first_day", "last_day", "kind", "reason")),
            *(sa.column(c) for c in ("created_by", "created_at", "version")),
        )
        today, at = date.today(), datetime.now().replace(microsecond=0)
        conn.execute(
            leave.insert(),
            [
                dict(
                    staff_id=sid,
                    first_day=today,
                    last_day=None,
                    kind="other",
                    reason="",
                    created_by=MIGRATED_BY,
                    created_at=at,
                    version=1,
                )
                for sid in away
            ],
        )
    # SQLite 3.35+ drops a plain column in place; copying the table (batch recreate)
    # would mean dropping "staff", which half the schema references.
    with op.batch_alter_table("staff", recreate="never") as batch_op:
        batch_op.drop_column("on_leave")


def downgrade() -> None:
    with op.batch_alter_table("staff", recreate="never") as batch_op:
        batch_op.add_column(sa.Column("on_leave", sa.Boolean(), server_default="0", nullable=False))
    # Back to the flag: on leave today (or open-ended from before today).
    conn = op.get_bind()
    today = date.today()
    leave = sa.table(
        "staff_leave",
        sa.column("staff_id", sa.Integer),
        sa.column("first_day", sa.Date),
        sa.column("last_day", sa.Date),
    )
    away = sa.select(leave.c.staff_id).where(
        leave.c.first_day <= today, sa.or_(leave.c.last_day.is_(None), leave.c.last_day >= today)
    )
    staff = sa.table("staff", sa.column("id", sa.Integer), sa.column("on_leave", sa.Boolean))
    conn.execute(staff.update().where(staff.c.id.in_(away)).values(on_leave=True))
    with op.batch_alter_table("staff_leave", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_leave_staff_first")
    op.drop_table("staff_leave")
