"""A session is a class or a parent evening.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("class_sessions") as batch:
        batch.add_column(
            sa.Column(
                "kind", sa.String(16), nullable=False, server_default="class", comment="class or evening"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("class_sessions") as batch:
        batch.drop_column("kind")
