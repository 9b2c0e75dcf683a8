"""The store's tables (SQLAlchemy Core). Changing them needs a migration in migrations/versions/."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    false,
)

metadata = MetaData()

learners = Table(
    "learners",
    metadata,
    Column("id", String(32), primary_key=True, comment="random opaque id"),
    Column("nickname", String(64), nullable=False, comment="generated adjective-animal key, never typed"),
    Column(
        "resume_code", String(12), nullable=False, unique=True, comment="short code that restores progress"
    ),
    Column(
        "session_id", String(32), nullable=True, index=True, comment="class session, if joined with a code"
    ),
    Column("created_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime, nullable=False),
)

lesson_progress = Table(
    "lesson_progress",
    metadata,
    Column("learner_id", String(32), ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    Column("lesson_id", String(80), primary_key=True),
    Column("current_step", Integer, nullable=False),
    Column("furthest_step", Integer, nullable=False),
    Column("completed_at", DateTime, nullable=True),
    Column("updated_at", DateTime, nullable=False),
)

quiz_runs = Table(
    "quiz_runs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("learner_id", String(32), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
    Column("quiz_id", String(80), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime, nullable=True),
    Column("score", Integer, nullable=True, comment="percentage, set when finished"),
    Column("passed", Boolean, nullable=True),
    Index("ix_quiz_runs_learner_quiz", "learner_id", "quiz_id"),
)

attempts = Table(
    "attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("learner_id", String(32), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
    Column("session_id", String(32), nullable=True),
    Column("content_id", String(80), nullable=False, comment="lesson or quiz id"),
    Column("run_id", String(32), nullable=True, comment="quiz run, for quiz questions"),
    Column("activity_id", String(80), nullable=False),
    Column("answer", JSON, nullable=False, comment="option ids, never labels or typed text"),
    Column("correct", Boolean, nullable=True),
    Column("score", Float, nullable=True),
    Column("hints_used", Integer, nullable=False),
    Column("content_version", String(16), nullable=False),
    Column("time_spent_ms", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    # Serves every read by learner: (learner), (learner, content) and a quiz run's answers
    # (learner, content, run), and the cascade when a learner is deleted.
    Index("ix_attempts_learner_content_run", "learner_id", "content_id", "run_id"),
    Index("ix_attempts_session", "session_id"),
)

poll_counts = Table(
    "poll_counts",
    metadata,
    Column("scope", String(40), primary_key=True, comment="'home' or a session id"),
    Column("poll_id", String(160), primary_key=True, comment="content id/activity id"),
    Column("option_id", String(80), primary_key=True),
    Column("count", Integer, nullable=False),
)

class_sessions = Table(
    "class_sessions",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("join_code", String(12), nullable=False, unique=True),
    Column(
        "class_name", String(80), nullable=False, comment="typed by the teacher, e.g. 'CM2 B'; no pupil names"
    ),
    Column("band", String(16), nullable=False),
    Column("lessons", JSON, nullable=False, comment="lesson ids, in order"),
    Column("paced", Boolean, nullable=False, comment="teacher moves everyone step by step"),
    Column("kind", String(16), nullable=False, server_default="class", comment="class or evening"),
    Column("current_lesson", String(80), nullable=True),
    Column("current_step", Integer, nullable=False),
    Column("revealed", Boolean, nullable=False, comment="answers of the current step shown to the class"),
    Column(
        "cards",
        Boolean,
        nullable=False,
        server_default=false(),
        comment="the class answers with paper cards: the projector letters the options A-D",
    ),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False, index=True),
)

join_failures = Table(
    "join_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False, comment="hashed browser session or network address"),
    Column("at", DateTime, nullable=False),
    Index("ix_join_failures_source_at", "source", "at"),
)

teacher_sign_ins = Table(
    "teacher_sign_ins",
    metadata,
    Column("id", String(32), primary_key=True, comment="random id, signed in the teacher's cookie"),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False, index=True),
    Column("revoked_at", DateTime, nullable=True, comment="set by signing out"),
)

card_numbers = Table(
    "card_numbers",
    metadata,
    Column("session_id", String(32), primary_key=True),
    Column("number", Integer, primary_key=True, comment="the number printed on a paper answer card"),
    Column(
        "learner_id",
        String(32),
        ForeignKey("learners.id", ondelete="CASCADE"),
        nullable=False,
        comment="the pupil made for the card when it was first read: a generated nickname, no name",
    ),
    UniqueConstraint("learner_id", name="uq_card_numbers_learner"),
)

tally_counts = Table(
    "tally_counts",
    metadata,
    Column("session_id", String(32), primary_key=True),
    Column("content_id", String(80), primary_key=True),
    Column("activity_id", String(80), primary_key=True),
    Column("option_id", String(80), primary_key=True),
    Column("count", Integer, nullable=False, comment="hands counted by the teacher: nothing per person"),
    Column("counted_at", DateTime, nullable=False),
)

Index("ux_learners_session_nickname", learners.c.session_id, learners.c.nickname, unique=True)
