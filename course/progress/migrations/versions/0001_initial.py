"""Learners, lesson progress, quiz runs, attempts and anonymous poll counts.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learners",
        sa.Column("id", sa.String(32), primary_key=True, comment="random opaque id"),
        sa.Column(
            "nickname", sa.String(64), nullable=False, comment="generated adjective-animal key, never typed"
        ),
        sa.Column(
            "resume_code",
            sa.String(12),
            nullable=False,
            unique=True,
            comment="short code that restores progress",
        ),
        sa.Column("session_id", sa.String(32), nullable=True, comment="class session, if joined with a code"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_learners_session_id", "learners", ["session_id"])
    op.create_table(
        "lesson_progress",
        sa.Column(
            "learner_id", sa.String(32), sa.ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("lesson_id", sa.String(80), primary_key=True),
        sa.Column("current_step", sa.Integer, nullable=False),
        sa.Column("furthest_step", sa.Integer, nullable=False),
        sa.Column("completed_at", sa.DateTime, nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "quiz_runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column(
            "learner_id", sa.String(32), sa.ForeignKey("learners.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("quiz_id", sa.String(80), nullable=False),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime, nullable=True),
        sa.Column("score", sa.Integer, nullable=True, comment="percentage, set when finished"),
        sa.Column("passed", sa.Boolean, nullable=True),
    )
    op.create_index("ix_quiz_runs_learner_quiz", "quiz_runs", ["learner_id", "quiz_id"])
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "learner_id", sa.String(32), sa.ForeignKey("learners.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("session_id", sa.String(32), nullable=True),
        sa.Column("content_id", sa.String(80), nullable=False, comment="lesson or quiz id"),
        sa.Column("run_id", sa.String(32), nullable=True, comment="quiz run, for quiz questions"),
        sa.Column("activity_id", sa.String(80), nullable=False),
        sa.Column("answer", sa.JSON, nullable=False, comment="option ids, never labels or typed text"),
        sa.Column("correct", sa.Boolean, nullable=True),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("hints_used", sa.Integer, nullable=False),
        sa.Column("content_version", sa.String(16), nullable=False),
        sa.Column("time_spent_ms", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_attempts_learner_content", "attempts", ["learner_id", "content_id"])
    op.create_index("ix_attempts_session", "attempts", ["session_id"])
    op.create_table(
        "poll_counts",
        sa.Column("scope", sa.String(40), primary_key=True, comment="'home' or a session id"),
        sa.Column("poll_id", sa.String(160), primary_key=True, comment="content id/activity id"),
        sa.Column("option_id", sa.String(80), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("poll_counts")
    op.drop_index("ix_attempts_session", "attempts")
    op.drop_index("ix_attempts_learner_content", "attempts")
    op.drop_table("attempts")
    op.drop_index("ix_quiz_runs_learner_quiz", "quiz_runs")
    op.drop_table("quiz_runs")
    op.drop_table("lesson_progress")
    op.drop_index("ix_learners_session_id", "learners")
    op.drop_table("learners")
