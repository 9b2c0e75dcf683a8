import os

import pytest

from course.progress import Store


@pytest.fixture(params=["sqlite"] + (["postgresql"] if os.environ.get("COURSE_TEST_DATABASE_URL") else []))
def store(request, tmp_path) -> Store:
    """A migrated store on SQLite, and on PostgreSQL too when COURSE_TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        yield Store.open(f"sqlite:///{tmp_path / 'course.db'}")
        return
    from sqlalchemy import text

    store = Store.open(os.environ["COURSE_TEST_DATABASE_URL"])
    yield store
    with store.engine.begin() as db:
        for table in ("attempts", "quiz_runs", "lesson_progress", "poll_counts", "learners"):
            db.execute(text(f"DELETE FROM {table}"))
