"""mediation booking: rooms, slot claims, agreements

Rooms of the station, one claim row per (mediator, 15-minute quantum) and per (room,
quantum) under primary keys -- the database refuses a double booking -- and on each
session its room id and the justification of an overridden conflict of interest.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 14:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mediation_room",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("location", sa.String(length=100), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_room")),
        sa.UniqueConstraint("name", name=op.f("uq_mediation_room_name")),
    )
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("room_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("conflict_override", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_mediation_session_room_id_mediation_room"),
            "mediation_room",
            ["room_id"],
            ["id"],
        )
    op.create_table(
        "mediator_slot_claim",
        sa.Column("mediator_id", sa.Integer(), nullable=False),
        sa.Column("slot_start", sa.DateTime(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mediator_id"],
            ["mediator.id"],
            name=op.f("fk_mediator_slot_claim_mediator_id_mediator"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["mediation_session.id"],
            name=op.f("fk_mediator_slot_claim_session_id_mediation_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mediator_id", "slot_start", name=op.f("pk_mediator_slot_claim")),
    )
    op.create_index("ix_mediator_slot_claim_session", "mediator_slot_claim", ["session_id"])
    op.create_table(
        "room_slot_claim",
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("slot_start", sa.DateTime(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["room_id"],
            ["mediation_room.id"],
            name=op.f("fk_room_slot_claim_room_id_mediation_room"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["mediation_session.id"],
            name=op.f("fk_room_slot_claim_session_id_mediation_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("room_id", "slot_start", name=op.f("pk_room_slot_claim")),
    )
    op.create_index("ix_room_slot_claim_session", "room_slot_claim", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_room_slot_claim_session", table_name="room_slot_claim")
    op.drop_table("room_slot_claim")
    op.drop_index("ix_mediator_slot_claim_session", table_name="mediator_slot_claim")
    op.drop_table("mediator_slot_claim")
    with op.batch_alter_table("mediation_session", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_mediation_session_room_id_mediation_room"), type_="foreignkey"
        )
        batch_op.drop_column("conflict_override")
        batch_op.drop_column("room_id")
    op.drop_table("mediation_room")
