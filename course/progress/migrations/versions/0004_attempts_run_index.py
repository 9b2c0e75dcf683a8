"""Index a quiz run's answers: attempts (learner_id, content_id, run_id) replaces (learner_id, content_id).

The new index serves the same (learner_id, content_id) and learner_id lookups as its prefix, so the
old one would only cost a second write on every answer.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attempts_learner_content_run", "attempts", ["learner_id", "content_id", "run_id"])
    op.drop_index("ix_attempts_learner_content", "attempts")


def downgrade() -> None:
    op.create_index("ix_attempts_learner_content", "attempts", ["learner_id", "content_id"])
    op.drop_index("ix_attempts_learner_content_run", "attempts")
