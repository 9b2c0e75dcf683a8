"""Class sessions with join codes, failed join attempts (rate limit), one nickname per session.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "class_sessions",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("join_code", sa.String(12), nullable=False, unique=True),
        sa.Column(
            "class_name",
            sa.String(80),
            nullable=False,
            comment="typed by the teacher, e.g. 'CM2 B'; no pupil names",
        ),
        sa.Column("band", sa.String(16), nullable=False),
        sa.Column("lessons", sa.JSON, nullable=False, comment="lesson ids, in order"),
        sa.Column("paced", sa.Boolean, nullable=False, comment="teacher moves everyone step by step"),
        sa.Column("current_lesson", sa.String(80), nullable=True),
        sa.Column("current_step", sa.Integer, nullable=False),
        sa.Column(
            "revealed", sa.Boolean, nullable=False, comment="answers of the current step shown to the class"
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_class_sessions_expires_at", "class_sessions", ["expires_at"])
    op.create_table(
        "join_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "source", sa.String(64), nullable=False, comment="hashed browser session or network address"
        ),
        sa.Column("at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_join_failures_source_at", "join_failures", ["source", "at"])
    op.create_index("ux_learners_session_nickname", "learners", ["session_id", "nickname"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_learners_session_nickname", "learners")
    op.drop_index("ix_join_failures_source_at", "join_failures")
    op.drop_table("join_failures")
    op.drop_index("ix_class_sessions_expires_at", "class_sessions")
    op.drop_table("class_sessions")
