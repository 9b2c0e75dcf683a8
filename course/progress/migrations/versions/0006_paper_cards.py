"""Paper answer cards: a session may answer with cards, each card number is attached once to a pupil
made for it, and a teacher's quick tally keeps counts per option only.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("class_sessions") as batch:
        batch.add_column(
            sa.Column(
                "cards",
                sa.Boolean,
                nullable=False,
                server_default=sa.false(),
                comment="the class answers with paper cards: the projector letters the options A-D",
            )
        )
    op.create_table(
        "card_numbers",
        sa.Column("session_id", sa.String(32), primary_key=True),
        sa.Column(
            "number", sa.Integer, primary_key=True, comment="the number printed on a paper answer card"
        ),
        sa.Column(
            "learner_id",
            sa.String(32),
            sa.ForeignKey("learners.id", ondelete="CASCADE"),
            nullable=False,
            comment="the pupil made for the card when it was first read: a generated nickname, no name",
        ),
        sa.UniqueConstraint("learner_id", name="uq_card_numbers_learner"),
    )
    op.create_table(
        "tally_counts",
        sa.Column("session_id", sa.String(32), primary_key=True),
        sa.Column("content_id", sa.String(80), primary_key=True),
        sa.Column("activity_id", sa.String(80), primary_key=True),
        sa.Column("option_id", sa.String(80), primary_key=True),
        sa.Column(
            "count", sa.Integer, nullable=False, comment="hands counted by the teacher: nothing per person"
        ),
        sa.Column("counted_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("tally_counts")
    op.drop_table("card_numbers")
    with op.batch_alter_table("class_sessions") as batch:
        batch.drop_column("cards")
