import asyncio
import datetime
import os
import shutil
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml

from course.classroom.sessions import Classroom
from course.progress import Store
from tests.pgschema import fresh_schema

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "tests" / "data" / "valid"
TODAY = datetime.date(2026, 11, 21)
# The countries the course offers, as its helplines file declares them (the first is the default).
COUNTRIES = tuple(
    country["code"]
    for country in yaml.safe_load((ROOT / "course/data/helplines.yaml").read_text(encoding="utf-8"))[
        "countries"
    ]
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the tiny valid course in tests/data/valid, free to break."""
    root = tmp_path / "content"
    shutil.copytree(VALID, root)
    return root


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` by `new` in one file of a content copy (the text must be there)."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------------------------------ databases
# Stores for the tests: SQLite always, PostgreSQL too when COURSE_TEST_DATABASE_URL is set.
#
# `bash .ci/run` starts a throwaway PostgreSQL server and sets COURSE_TEST_DATABASE_URL
# (postgresql+psycopg://…). Each test that uses PostgreSQL gets a fresh, empty schema of that
# database (its URL sets the connection's search_path), migrated by the code under test, and dropped
# afterwards: tests never see each other's rows, even when two test runs share the server.

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


@contextmanager
def empty_database(backend: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on `backend`: a SQLite file in `tmp_path`, or a fresh schema of the
    PostgreSQL test database (its connections see only that schema; dropped afterwards)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'course.db'}"
        return
    with fresh_schema(postgresql_url()) as url:
        yield url


@contextmanager
def open_store(backend: str, tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty store on `backend` ("sqlite" or "postgresql"), closed afterwards."""
    with empty_database(backend, tmp_path) as url:
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


@pytest.fixture
def classroom(store) -> Classroom:
    """Class sessions on `store`'s backends."""
    return Classroom(store)


@pytest.fixture
def postgresql(tmp_path) -> Iterator[str]:
    """The URL of a fresh, empty schema of the PostgreSQL test database (not migrated); the test fails
    when COURSE_TEST_DATABASE_URL is not set."""
    with empty_database("postgresql", tmp_path) as url:
        yield url


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


T = TypeVar("T")


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run `coroutine` to its end in an event loop of its own. Not asyncio.run() here: Playwright's
    sync API keeps an event loop running in the tests' thread once a browser test has run."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()
