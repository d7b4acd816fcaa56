"""household visits: the purpose in its own column (visits logged before have none)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 14:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household_visit") as batch:
        batch.add_column(
            sa.Column("purpose", sa.String(length=100), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("household_visit") as batch:
        batch.drop_column("purpose")
