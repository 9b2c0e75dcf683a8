"""Teacher sign-ins: one row per signed-in browser, so that signing out (here or everywhere) holds on
every server at once. The cookie carries only the row's random id and a signature.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "teacher_sign_ins",
        sa.Column("id", sa.String(32), primary_key=True, comment="random id, signed in the teacher's cookie"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False, index=True),
        sa.Column("revoked_at", sa.DateTime, nullable=True, comment="set by signing out"),
    )


def downgrade() -> None:
    op.drop_table("teacher_sign_ins")
