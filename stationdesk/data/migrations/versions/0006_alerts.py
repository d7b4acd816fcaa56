"""alerts and acknowledgements; indexes for the overview's figures

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 14:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Same text as stationdesk.data.schema.CASE_LATE_SQL (a migration must not change
# when the models do).
CASE_LATE_SQL = "closed_at IS NULL OR closed_at > resolution_due"


def upgrade() -> None:
    op.create_table(
        "alert_ack",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_key", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "overdue_case",
                "missed_checkin",
                "mediation_soon",
                "unassigned_high",
                "mediation_deadline",
                name="alertkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("object_table", sa.String(length=64), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_by_user_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=50), nullable=False),
        sa.Column("workstation", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_user_id"],
            ["app_user.id"],
            name=op.f("fk_alert_ack_acknowledged_by_user_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_ack")),
        sa.UniqueConstraint("alert_key", name=op.f("uq_alert_ack_alert_key")),
    )
    op.create_index("ix_alert_ack_at", "alert_ack", ["acknowledged_at"], unique=False)
    late = sa.text(CASE_LATE_SQL)
    op.create_index("ix_case_status_due", "case_file", ["status", "resolution_due"])
    op.create_index(
        "ix_case_late_closed",
        "case_file",
        ["closed_at", "resolution_due"],
        sqlite_where=late,
        postgresql_where=late,
    )
    op.create_index(
        "ix_case_late_due",
        "case_file",
        ["resolution_due", "closed_at"],
        sqlite_where=late,
        postgresql_where=late,
    )


def downgrade() -> None:
    op.drop_index("ix_case_late_due", table_name="case_file")
    op.drop_index("ix_case_late_closed", table_name="case_file")
    op.drop_index("ix_case_status_due", table_name="case_file")
    op.drop_index("ix_alert_ack_at", table_name="alert_ack")
    op.drop_table("alert_ack")
