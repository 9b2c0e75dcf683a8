"""The store on PostgreSQL, as several servers share it: migrations, servers starting together, limits.

The store's verbs run on PostgreSQL in tests/progress and tests/classroom (their fixtures take both
databases). Needs COURSE_TEST_DATABASE_URL (bash .ci/run sets it): without it these tests fail.
"""

from __future__ import annotations

import subprocess
import sys
import time

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert, inspect, select

from course.content import load_course
from course.progress.engine import downgrade, make_engine, migrate
from course.progress.store import now
from course.progress.tables import attempts, class_sessions, learners, metadata, poll_counts
from tests.conftest import ROOT, insert_learner

SERVERS = 4


def test_upgrade_creates_exactly_the_declared_schema_on_postgresql(postgresql):
    engine = make_engine(postgresql)
    try:
        migrate(engine)
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_and_upgrade_again_keeps_existing_data_on_postgresql(postgresql):
    engine = make_engine(postgresql)
    try:
        migrate(engine)
        downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
        migrate(engine, "0002")
        with engine.begin() as db:
            insert_learner(db)
            db.execute(
                insert(class_sessions).values(
                    id="s1", join_code="QWERTY", class_name="CM2", band="7-10", lessons=["a"],
                    paced=False, current_step=0, revealed=False, created_at=now(), expires_at=now(),
                )
            )  # fmt: skip
        migrate(engine)
        with engine.connect() as db:
            assert db.execute(select(learners.c.nickname)).scalars().all() == ["brave-otter"]
            assert db.execute(select(class_sessions.c.kind, class_sessions.c.lessons)).all() == [
                ("class", ["a"])
            ]
    finally:
        engine.dispose()


def test_servers_starting_together_on_an_empty_database_all_get_the_schema(postgresql):
    """N servers started at once each migrate on their first page: one does, the others wait."""
    start_at = time.time() + 4  # after every process has imported the app
    opener = (
        "import sys, time; from course.progress import Store; "
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time())); "
        "Store.open(sys.argv[1]).engine.dispose(); print('ok')"
    )
    servers = [
        subprocess.Popen(
            [sys.executable, "-c", opener, postgresql, str(start_at)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(SERVERS)
    ]
    outcomes = [server.communicate(timeout=120) for server in servers]
    failures = [err.strip().splitlines()[-1] for out, err in outcomes if out.strip() != "ok"]
    assert failures == []
    engine = make_engine(postgresql)
    try:
        with engine.connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() is not None
    finally:
        engine.dispose()


def test_every_id_of_the_shipped_course_fits_its_column():
    """PostgreSQL refuses a value longer than its VARCHAR (SQLite stores it): ids must fit."""
    course = load_course()
    limits = {
        "content id": attempts.c.content_id.type.length,
        "activity id": attempts.c.activity_id.type.length,
        "poll id": poll_counts.c.poll_id.type.length,
        "option id": poll_counts.c.option_id.type.length,
    }
    too_long = []
    for content in [*course.lessons.values(), *course.quizzes.values()]:
        activities = [step.activity for step in getattr(content, "steps", []) if step.type == "activity"]
        activities += list(getattr(content, "questions", []))
        values = {"content id": [content.id]}
        for activity in activities:
            values.setdefault("activity id", []).append(activity.id)
            values.setdefault("poll id", []).append(f"{content.id}/{activity.id}")
            values.setdefault("option id", []).extend(
                option.id for option in getattr(activity, "options", [])
            )
        for kind, ids in values.items():
            too_long += [f"{kind} {value!r}" for value in ids if len(value) > limits[kind]]
    assert too_long == []
