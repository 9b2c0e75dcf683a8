"""The COURSE_* settings (course/settings.py): read, checked, documented and shown from one declaration."""

import ast
import dataclasses
import re

import pytest

from course import privacy
from course.cli import main
from course.settings import FIELDS, SettingError, Settings, settings, table, variable
from tests.conftest import ROOT


def test_every_setting_is_declared_with_its_variable_default_kind_and_description():
    assert {field.name for field in FIELDS} >= {"database_url", "session_days", "home_days", "teacher_token"}
    for field in FIELDS:
        meta = field.metadata
        assert meta["variable"] == "COURSE_" + field.name.upper(), field.name
        assert meta["description"] and "\n" not in meta["description"]
        assert meta["shown"] and meta["kind"].name
    assert [f.name for f in FIELDS if f.metadata["privacy"]] == ["session_days", "home_days"]
    assert Settings() == Settings.from_env({})


def test_values_are_read_and_an_empty_variable_keeps_the_default():
    given = Settings.from_env(
        {
            "COURSE_SESSION_DAYS": " 12 ",
            "COURSE_HOME_DAYS": "",
            "COURSE_ALLOWED_HOSTS": "Proxy.lan, ,other.lan",
            "COURSE_METRICS": "1",
            "COURSE_PUBLIC_URL": "https://course.example.org/",
            "COURSE_DATABASE_URL": "postgresql+psycopg://course@db/course",
            "HOME": "/root",
        }
    )
    assert given.session_days == 12 and given.home_days == 365
    assert given.allowed_hosts == ("proxy.lan", "other.lan")
    assert given.metrics is True
    assert given.public_url == "https://course.example.org/"
    assert given.database_url == "postgresql+psycopg://course@db/course"
    assert given.teacher_token is None and given.data_dir == "data"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (
            "COURSE_SESSION_DAYS",
            "thirty",
            "COURSE_SESSION_DAYS must be a whole number of days, 1 or more, not 'thirty'",
        ),
        ("COURSE_HOME_DAYS", "0", "COURSE_HOME_DAYS must be a whole number of days, 1 or more, not '0'"),
        ("COURSE_METRICS", "yes", "COURSE_METRICS must be 1 (on) or 0 (off), not 'yes'"),
        (
            "COURSE_PUBLIC_URL",
            "course.example.org",
            "COURSE_PUBLIC_URL must be a web address starting with https:// or http://, "
            "e.g. https://course.example.org, not 'course.example.org'",
        ),
        (
            "COURSE_DATABASE_URL",
            "a database",
            "COURSE_DATABASE_URL must be a SQLAlchemy database URL, "
            "e.g. postgresql+psycopg://user:password@host/database, not 'a database'",
        ),
    ],
)
def test_a_wrong_value_names_the_variable_and_what_it_expects(name, value, message):
    with pytest.raises(SettingError) as wrong:
        Settings.from_env({name: value})
    assert str(wrong.value) == message


def test_the_command_line_says_which_variable_is_wrong(monkeypatch, capsys):
    monkeypatch.setenv("COURSE_SESSION_DAYS", "-3")
    assert main(["purge"]) == 2
    assert "COURSE_SESSION_DAYS must be a whole number of days" in capsys.readouterr().err


def test_settings_follow_the_environment_as_it_changes(monkeypatch):
    """Nothing goes stale: tests, `serve` and the app itself write variables after the first read."""
    monkeypatch.setenv("COURSE_TEACHER_TOKEN", "first")
    assert settings().teacher_token == "first"
    monkeypatch.setenv("COURSE_TEACHER_TOKEN", "second")
    assert settings().teacher_token == "second"
    assert settings() is settings()  # parsed once per set of values
    assert variable("teacher_token") == "COURSE_TEACHER_TOKEN"


def test_the_privacy_page_figures_are_the_settings(monkeypatch):
    monkeypatch.setenv("COURSE_SESSION_DAYS", "12")
    monkeypatch.setenv("COURSE_HOME_DAYS", "40")
    kept = privacy.retention()
    assert (kept["class_sessions"], kept["home_learners"]) == (12, 40)
    for field in FIELDS:
        if field.metadata["privacy"]:
            assert getattr(settings(), field.name) in kept.values(), field.name


def test_the_readme_table_is_the_declared_settings(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table() in readme, "README.md's settings table differs: paste `python -m course settings` into it"
    assert main(["settings"]) == 0
    assert capsys.readouterr().out == table()


def test_serve_help_lists_every_variable(capsys):
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for field in FIELDS:
        assert field.metadata["variable"] in out


def test_no_other_module_reads_the_environment_for_a_course_setting():
    """COURSE_* variables are read in course/settings.py only (the token is written by access.py)."""
    readers = []
    for path in sorted((ROOT / "course").rglob("*.py")):
        if path.name == "settings.py" and path.parent.name == "course":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and re.fullmatch(r"COURSE_[A-Z_]+", node.value)
            ):
                readers.append(f"{path.relative_to(ROOT)}: {node.value}")
    assert readers == []


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().home_days = 1  # type: ignore[misc]
