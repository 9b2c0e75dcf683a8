"""The schema is created and removed by Alembic, and matches the tables the code uses."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from course.progress.engine import downgrade, make_engine, migrate
from course.progress.tables import metadata
from tests.conftest import BACKENDS, empty_database, insert_learner


@contextmanager
def empty_engine(backend: str, tmp_path: Path) -> Iterator[Engine]:
    """An engine on an empty database (SQLite file, or a fresh PostgreSQL schema), not migrated."""
    with empty_database(backend, tmp_path) as url:
        engine = make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()


INDEXES_0003 = {
    "ix_attempts_learner_content": ["learner_id", "content_id"],
    "ix_attempts_session": ["session_id"],
}
INDEXES_0004 = {
    "ix_attempts_learner_content_run": ["learner_id", "content_id", "run_id"],
    "ix_attempts_session": ["session_id"],
}


def attempts_indexes(engine: Engine) -> dict[str, list[str]]:
    return {index["name"]: index["column_names"] for index in inspect(engine).get_indexes("attempts")}


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_creates_exactly_the_declared_schema(backend, tmp_path):
    with empty_engine(backend, tmp_path) as engine:
        migrate(engine)
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
            revision = MigrationContext.configure(connection).get_current_revision()
    assert differences == []
    assert revision == "0006"


@pytest.mark.parametrize("backend", BACKENDS)
def test_downgrade_to_base_and_upgrade_again(backend, tmp_path):
    with empty_engine(backend, tmp_path) as engine:
        migrate(engine)
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        migrate(engine)
        assert {"learners", "attempts", "lesson_progress", "quiz_runs", "poll_counts"} <= set(
            inspect(engine).get_table_names()
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_attempts_run_index_replaces_the_learner_content_index_and_back(backend, tmp_path):
    """0004 swaps (learner_id, content_id) for (learner_id, content_id, run_id), keeping the answers."""
    from sqlalchemy import insert, select

    from course.progress.store import now
    from course.progress.tables import attempts

    with empty_engine(backend, tmp_path) as engine:
        migrate(engine, "0003")
        assert attempts_indexes(engine) == INDEXES_0003
        with engine.begin() as db:
            insert_learner(db)
            db.execute(
                insert(attempts).values(
                    learner_id="l1",
                    content_id="quiz-x",
                    run_id="r1",
                    activity_id="q1",
                    answer=["o1"],
                    hints_used=0,
                    content_version="v1",
                    time_spent_ms=0,
                    created_at=now(),
                )
            )
        migrate(engine)
        assert attempts_indexes(engine) == INDEXES_0004
        downgrade(engine, "0003")
        assert attempts_indexes(engine) == INDEXES_0003
        migrate(engine)
        with engine.connect() as db:
            assert db.execute(select(attempts.c.run_id, attempts.c.answer)).all() == [("r1", ["o1"])]


def test_migrating_twice_is_harmless_and_sqlite_runs_in_wal_mode(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'twice.db'}")
    migrate(engine)
    migrate(engine)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_default_database_is_a_sqlite_file_in_the_data_folder(tmp_path, monkeypatch):
    from course.progress.engine import default_url

    monkeypatch.delenv("COURSE_DATABASE_URL", raising=False)
    monkeypatch.setenv("COURSE_DATA_DIR", str(tmp_path / "data"))
    assert default_url() == f"sqlite:///{tmp_path / 'data' / 'course.db'}"
    monkeypatch.setenv("COURSE_DATABASE_URL", "postgresql://school/db")
    assert default_url() == "postgresql://school/db"


def test_upgrade_keeps_existing_data(tmp_path):
    """A database at 0002 (before session kinds) keeps its learners and sessions through the upgrade."""
    from sqlalchemy import insert, select

    from course.progress.store import now
    from course.progress.tables import class_sessions, learners

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0002")
    with engine.begin() as db:
        insert_learner(db)
        db.execute(
            insert(class_sessions).values(
                id="s1",
                join_code="QWERTY",
                class_name="CM2",
                band="7-10",
                lessons=[],
                paced=False,
                current_step=0,
                revealed=False,
                created_at=now(),
                expires_at=now(),
            )
        )
    migrate(engine)
    with engine.connect() as db:
        assert db.execute(select(learners.c.nickname)).scalars().all() == ["brave-otter"]
        assert db.execute(select(class_sessions.c.kind)).scalars().all() == ["class"]
