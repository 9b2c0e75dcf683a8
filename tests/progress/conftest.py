"""Stores for the tests: SQLite always, PostgreSQL too when COURSE_TEST_DATABASE_URL is set.

`bash .ci/run` starts a throwaway PostgreSQL server and sets COURSE_TEST_DATABASE_URL
(postgresql+psycopg://…). Each test that uses PostgreSQL gets a fresh, empty schema of that
database (its URL sets the connection's search_path), migrated by the code under test, and dropped
afterwards: tests never see each other's rows, even when two test runs share the server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from course.progress import Store
from tests.pgschema import fresh_schema

TEST_DATABASE_ENV = "COURSE_TEST_DATABASE_URL"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get(TEST_DATABASE_ENV) else [])


def postgresql_url() -> str:
    """The test database's URL; fails (never skips) when it is not set."""
    url = os.environ.get(TEST_DATABASE_ENV)
    if not url:
        pytest.fail(
            f"{TEST_DATABASE_ENV} is not set: this test needs a PostgreSQL database, e.g. "
            f"{TEST_DATABASE_ENV}=postgresql+psycopg://postgres@127.0.0.1:5433/course_test "
            "(bash .ci/run installs PostgreSQL, starts a server on loopback and sets it)"
        )
    return url


def postgresql_schema() -> AbstractContextManager[str]:
    """A URL of the test database whose connections see only a new, empty schema; dropped after."""
    return fresh_schema(postgresql_url())


@contextmanager
def open_store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty store on `backend` ("sqlite" or "postgresql"), closed afterwards."""
    if backend == "sqlite":
        store = Store.open(f"sqlite:///{tmp_path / 'course.db'}")
        try:
            yield store
        finally:
            store.engine.dispose()
        return
    with postgresql_schema() as url:
        store = Store.open(url)
        try:
            yield store
        finally:
            store.engine.dispose()


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path) -> Iterator[Store]:
    """A migrated store on SQLite, and on PostgreSQL too when COURSE_TEST_DATABASE_URL is set."""
    with open_store(request.param, tmp_path) as opened:
        yield opened


def insert_learner(db, learner_id: str = "l1") -> None:
    """One learner row, written straight into the tables (for migration tests at old revisions)."""
    from sqlalchemy import insert

    from course.progress.store import now
    from course.progress.tables import learners

    db.execute(
        insert(learners).values(
            id=learner_id, nickname="brave-otter", resume_code="ABCDEF", created_at=now(), last_seen_at=now()
        )
    )
