"""Every COURSE_* environment variable the app reads, in one place: `Settings`, a frozen dataclass.

Each field declares its variable, its default, its kind (how its text is read and checked), a one-line
description and whether it concerns privacy (how long data is kept). The README's table of settings
(`python -m course settings` prints it; a test compares them) and the privacy page's figures are made
from these declarations; nothing else in the code reads a COURSE_* variable.

How the environment is read: `settings()` returns the settings of the environment as it is now. It
looks the variables up on each call (a few dictionary reads) and parses and checks each distinct set of
values once (cached), so no value can go stale: `python -m course serve` writes COURSE_TEACHER_TOKEN for
the Streamlit app it starts in the same process, the app writes one when none was given
(`access.publish_new_token`), and tests set variables with monkeypatch; the next call sees them.
`Settings.from_env(mapping)` reads any mapping, for tests that want no environment at all.

A value the app cannot use stops it with a `SettingError` that names the variable and says what it
expects. An empty variable counts as unset.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


class SettingError(ValueError):
    """A COURSE_* variable holds a value the app cannot use; the message names it."""


@dataclass(frozen=True)
class Kind:
    """How a setting's text is read: `parse` turns it into the value or raises ValueError saying what
    was expected; `name` is what the README calls it."""

    name: str
    parse: Callable[[str], object]


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if days < 1:
        raise ValueError("a whole number of days, 1 or more")
    return days


def _web_address(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("a web address starting with https:// or http://, e.g. https://course.example.org")
    return text


def _database_url(text: str) -> str:
    from sqlalchemy.engine import make_url  # only when one is given
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(text)
    except (ArgumentError, ValueError):
        raise ValueError(
            "a SQLAlchemy database URL, e.g. postgresql+psycopg://user:password@host/database"
        ) from None
    return text


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip().lower() for name in text.split(",") if name.strip())


def _switch(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValueError("1 (on) or 0 (off)")
    return text == "1"


TEXT = Kind("text", str)
FOLDER = Kind("folder", str)
DAYS = Kind("days", _days)
WEB_ADDRESS = Kind("web address", _web_address)
DATABASE_URL = Kind("SQLAlchemy URL", _database_url)
NAMES = Kind("names, comma-separated", _names)
SWITCH = Kind("0 or 1", _switch)


def _setting(variable: str, default: object, description: str, kind: Kind, shown: str, privacy: bool = False):
    """A field of `Settings`; `shown` is its default as the README says it."""
    metadata = {
        "variable": variable,
        "description": description,
        "kind": kind,
        "shown": shown,
        "privacy": privacy,
    }
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    database_url: str | None = _setting(
        "COURSE_DATABASE_URL",
        None,
        "any SQLAlchemy URL (PostgreSQL for several servers)",
        DATABASE_URL,
        "`sqlite:///data/course.db`",
    )
    data_dir: str = _setting(
        "COURSE_DATA_DIR", "data", "where the default SQLite file lives", FOLDER, "`./data`"
    )
    cache_dir: str | None = _setting(
        "COURSE_CACHE_DIR",
        None,
        "where compressed copies of Streamlit's files are kept (made once per Streamlit version)",
        FOLDER,
        "`$XDG_CACHE_HOME/course`, else `~/.cache/course`",
    )
    session_days: int = _setting(
        "COURSE_SESSION_DAYS",
        30,
        "class sessions and parent evenings are deleted this long after they open",
        DAYS,
        "`30`",
        privacy=True,
    )
    home_days: int = _setting(
        "COURSE_HOME_DAYS",
        365,
        "learners outside any class are deleted after this long without a visit",
        DAYS,
        "`365`",
        privacy=True,
    )
    public_url: str | None = _setting(
        "COURSE_PUBLIC_URL",
        None,
        "the address pupils and parents join at (behind a proxy)",
        WEB_ADDRESS,
        "the browser's address, or this machine's network address instead of localhost",
    )
    network_address: str | None = _setting(
        "COURSE_NETWORK_ADDRESS",
        None,
        "this machine's address on the school network, when it has several (cable and Wi-Fi)",
        TEXT,
        "found at start",
    )
    teacher_token: str | None = _setting(
        "COURSE_TEACHER_TOKEN",
        None,
        "the secret in the teacher link (set the same one on every server)",
        TEXT,
        "made at start",
    )
    content_root: str | None = _setting(
        "COURSE_CONTENT_ROOT",
        None,
        "where `lessons/`, `quizzes/` and `course/data/` are read from",
        FOLDER,
        "this checkout",
    )
    allowed_hosts: tuple[str, ...] = _setting(
        "COURSE_ALLOWED_HOSTS",
        (),
        "more names the server answers to (it always answers to this machine and the public URL's host)",
        NAMES,
        "none",
    )
    metrics: bool = _setting(
        "COURSE_METRICS", False, "`1` shows Streamlit's `/_stcore/metrics` (hidden otherwise)", SWITCH, "`0`"
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """The settings `env` gives (variables it lacks, or leaves empty, keep their default)."""
        values = {}
        for setting in dataclasses.fields(cls):
            variable = setting.metadata["variable"]
            text = (env.get(variable) or "").strip()
            if not text:
                continue
            try:
                values[setting.name] = setting.metadata["kind"].parse(text)
            except ValueError as wrong:
                raise SettingError(f"{variable} must be {wrong}, not {text!r}") from None
        return cls(**values)


FIELDS = dataclasses.fields(Settings)
VARIABLES = tuple(setting.metadata["variable"] for setting in FIELDS)


def variable(name: str) -> str:
    """The environment variable of the setting `name`: variable("teacher_token") -> "COURSE_TEACHER_TOKEN"."""
    for setting in FIELDS:
        if setting.name == name:
            return setting.metadata["variable"]
    raise KeyError(name)


def cache_folder(given: Settings) -> Path:
    """COURSE_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME, else ~/.cache) + course."""
    if given.cache_dir:
        return Path(given.cache_dir)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "course"


def settings() -> Settings:
    """The settings of the environment as it is now (see the module's docstring)."""
    return _parsed(tuple(os.environ.get(name) for name in VARIABLES))


@functools.lru_cache(maxsize=16)
def _parsed(values: tuple[str | None, ...]) -> Settings:
    return Settings.from_env({name: value for name, value in zip(VARIABLES, values, strict=True) if value})


def table() -> str:
    """The README's table of settings (Markdown), as `python -m course settings` prints it."""
    rows = ["| variable | kind | default | meaning |", "| --- | --- | --- | --- |"]
    for setting in FIELDS:
        meta = setting.metadata
        meaning = meta["description"] + (" (privacy: shown on `/privacy`)" if meta["privacy"] else "")
        rows.append(f"| `{meta['variable']}` | {meta['kind'].name} | {meta['shown']} | {meaning} |")
    return "\n".join(rows) + "\n"
