"""What the store keeps, for how long, and how to delete it: the privacy page is generated from this
and from the store's own table definitions, so a new table cannot be added without being described."""

from __future__ import annotations

from dataclasses import dataclass

from course.classroom.sessions import FAILURE_WINDOW
from course.locales import t
from course.progress.tables import metadata
from course.settings import settings

NOT_STORED = ("alembic_version",)  # the schema version, no personal data


@dataclass(frozen=True)
class TableInfo:
    name: str
    purpose: str
    columns: list[str]


def tables(lang: str) -> list[TableInfo]:
    """Every table of the store, with what it is for and its columns."""
    return [
        TableInfo(name, t(f"privacy.table.{name}", lang), [column.name for column in table.columns])
        for name, table in metadata.tables.items()
        if name not in NOT_STORED
    ]


def retention() -> dict[str, int]:
    """Days before data is deleted automatically (by `python -m course purge`): COURSE_SESSION_DAYS and
    COURSE_HOME_DAYS, the settings marked privacy in course/settings.py."""
    current = settings()
    return {
        "class_sessions": current.session_days,
        "home_learners": current.home_days,
        "join_failures_minutes": int(FAILURE_WINDOW.total_seconds() // 60),
    }
