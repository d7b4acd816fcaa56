"""roster: rotation templates and patrol slot claims

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 14:00:00.000000
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("weeks", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_template")),
        sa.UniqueConstraint("name", name=op.f("uq_roster_template_name")),
    )
    op.create_table(
        "roster_template_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("route", sa.String(length=100), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("day", "night", "custom", name="shiftkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("weekdays", sa.String(length=7), nullable=False),
        sa.Column("calendar", sa.String(length=16), nullable=False),
        sa.Column("grid_ids", sa.Text(), nullable=False),
        sa.Column("crews", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["roster_template.id"],
            name=op.f("fk_roster_template_line_template_id_roster_template"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_template_line")),
    )
    with op.batch_alter_table("roster_template_line", schema=None) as batch_op:
        batch_op.create_index(
            "ix_roster_template_line_template", ["template_id", "position"], unique=False
        )
    op.create_table(
        "patrol_slot_claim",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("slot_start", sa.DateTime(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["patrol_shift.id"],
            name=op.f("fk_patrol_slot_claim_shift_id_patrol_shift"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_patrol_slot_claim_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("staff_id", "slot_start", name=op.f("pk_patrol_slot_claim")),
    )
    with op.batch_alter_table("patrol_slot_claim", schema=None) as batch_op:
        batch_op.create_index("ix_patrol_slot_claim_shift", ["shift_id", "staff_id"], unique=False)
    _claim_existing_shifts()


def _claim_existing_shifts() -> None:
    """Claim the slots of shifts already rostered (the first claim wins a slot)."""
    from stationdesk.domain.scheduling import claim_slots

    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT m.staff_id, s.id, s.starts_at, s.ends_at FROM patrol_member m "
            "JOIN patrol_shift s ON s.id = m.shift_id ORDER BY s.starts_at, s.id"
        )
    ).all()
    taken: set[tuple[int, object]] = set()
    claims = []
    for staff_id, shift_id, starts_at, ends_at in rows:
        if isinstance(starts_at, str):  # SQLite hands back text through a bare query
            starts_at, ends_at = datetime.fromisoformat(starts_at), datetime.fromisoformat(ends_at)
        for slot in claim_slots(starts_at, ends_at):
            if (staff_id, slot) not in taken:
                taken.add((staff_id, slot))
                claims.append({"staff_id": staff_id, "slot_start": slot, "shift_id": shift_id})
    if claims:
        table = sa.table(
            "patrol_slot_claim",
            sa.column("staff_id", sa.Integer()),
            sa.column("slot_start", sa.DateTime()),
            sa.column("shift_id", sa.Integer()),
        )
        conn.execute(sa.insert(table), claims)


def downgrade() -> None:
    with op.batch_alter_table("patrol_slot_claim", schema=None) as batch_op:
        batch_op.drop_index("ix_patrol_slot_claim_shift")
    op.drop_table("patrol_slot_claim")
    with op.batch_alter_table("roster_template_line", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_template_line_template")
    op.drop_table("roster_template_line")
    op.drop_table("roster_template")
