"""Where the store lives: one SQLAlchemy URL (SQLite file by default), migrated with Alembic."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from course.settings import settings

MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
MIGRATION_LOCK_KEY = 0x636F75727365  # any fixed number: "course" in ASCII, for pg_advisory_xact_lock
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}",  # a constant, never input
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)


def default_url() -> str:
    """COURSE_DATABASE_URL, or a SQLite file in COURSE_DATA_DIR (default ./data)."""
    current = settings()
    return current.database_url or _sqlite_file_url(current.data_dir, os.getcwd())


@functools.cache
def _sqlite_file_url(data_dir: str, cwd: str) -> str:  # asked on every click: resolve a folder once
    return f"sqlite:///{(Path(cwd) / data_dir).resolve() / 'course.db'}"


def make_engine(url: str | None = None) -> Engine:
    url = url or default_url()
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # WAL lets readers (dashboards) run while a pupil's answer is written; the busy timeout
    # makes concurrent writers wait instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision`."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Several servers share the database and may start at once: one migrates, the others
            # wait for its commit, then find nothing to do (without this, all but one would fail).
            connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK_KEY)))
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)
