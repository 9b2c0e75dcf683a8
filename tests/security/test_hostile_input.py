"""Hostile input: nothing typed into a URL or a form is rendered as markup, run, or sent to SQL as code."""

import csv
import io
import pathlib
import re

import pytest

from course.classroom.exports import csv_text
from course.classroom.sessions import Classroom
from course.locales import strings
from course.privacy import tables
from course.progress import Store
from course.progress.tables import metadata
from course.ui.routes import ROUTES
from course.ui.safe import plain
from tests.conftest import ROOT
from tests.ui.apptest import open_page, registered, start, teacher, use_database

PAYLOADS = [
    "<script>alert('PWNED')</script>",
    "[PWNED](javascript:alert(1))",
    "' OR 1=1; DROP TABLE learners; -- PWNED",
    "**PWNED** <img src=x onerror=alert(1)>",
]
PARAMS = ["lang", "country", "band", "lesson", "quiz", "code", "class", "evening", "session", "token"]
PUBLIC_PAGES = [route.path for route in ROUTES if not route.teacher]
TEACHER_ONLY = {route.path for route in ROUTES if route.teacher}


def rendered(at) -> str:
    kinds = (
        "title",
        "subheader",
        "markdown",
        "caption",
        "error",
        "warning",
        "info",
        "success",
        "code",
        "html",
    )
    return "\n".join(str(element.value) for kind in kinds for element in getattr(at, kind))


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_url_parameters_are_never_rendered_or_run(db, page, payload):
    at = open_page(start("fr-FR", **dict.fromkeys(PARAMS, payload)), "" if page == "home" else page)
    assert not at.exception
    assert "PWNED" not in rendered(at)
    assert not {"classes", "dashboard", "presenter", "console"} & registered(at)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_teacher_pages_ignore_hostile_parameters(db, payload):
    at = teacher()
    for page in ("classes", "dashboard", "presenter", "console"):
        at.query_params.update(dict.fromkeys(PARAMS, payload))
        at = open_page(at, page)
        assert not at.exception, page
        assert "PWNED" not in rendered(at), page


def test_teacher_pages_are_not_registered_for_anonymous_visitors_or_pupils(db):
    for probe in (start("fr-FR"), start("en-GB", token="x" * 32), start("fr-FR", token="")):
        assert not set(TEACHER_ONLY) & registered(probe)


def test_a_class_name_is_shown_as_text_not_markdown(db):
    name = "[Click me](javascript:alert(1)) **bold**"
    session = Classroom(Store.open(db)).create(name, "7-10", [], paced=False)
    at = teacher()
    at.query_params["session"] = session.id
    at = open_page(at, "dashboard")
    assert at.title[0].value == plain(name)
    assert "](javascript" not in at.title[0].value


def test_csv_export_keeps_a_formula_like_class_name_as_text(db):
    classroom = Classroom(Store.open(db))
    session = classroom.create('=HYPERLINK("http://evil")', "7-10", [], paced=False)
    pupil = classroom.join(session, "brave-otter")
    from course.progress import Attempt

    classroom.store.record_attempt(Attempt(pupil.id, "l", "a", ("x",), True, 1.0, "v", session_id=session.id))
    row = next(csv.DictReader(io.StringIO(csv_text(classroom.engine, session.id, session.class_name))))
    assert row["Class"].startswith("'=")  # English headers by default


def test_store_code_builds_sql_only_from_expressions():
    """No textual SQL in the store or classroom code: every value reaches the database as a parameter."""
    for path in [*(ROOT / "course" / "progress").glob("*.py"), *(ROOT / "course" / "classroom").glob("*.py")]:
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\btext\(|exec_driver_sql|\.execute\(f[\"']", source), path.name


def test_privacy_page_describes_every_table_of_the_store():
    described = {table.name for table in tables("en")}
    assert described == set(metadata.tables) - {"alembic_version"}
    for lang in ("fr", "en"):
        assert all(f"privacy.table.{name}" in strings(lang) for name in described)
    assert "email" not in {column for table in tables("en") for column in table.columns}


def test_the_privacy_page_renders(db):
    at = open_page(start("en-GB"), "privacy")
    assert not at.exception
    shown = rendered(at)
    assert "What this site keeps" in shown and "**learners**" in shown and "30 days" in shown


def test_resume_codes_and_join_codes_have_enough_entropy():
    from course.classroom.sessions import JOIN_CODE_LENGTH
    from course.progress.codes import CODE_ALPHABET, RESUME_CODE_LENGTH

    assert len(CODE_ALPHABET) ** JOIN_CODE_LENGTH > 500_000_000  # with 5 tries a minute per browser
    assert len(CODE_ALPHABET) ** RESUME_CODE_LENGTH > 500_000_000
    assert not set("0O1IL") & set(CODE_ALPHABET)


def test_the_python_sources_never_allow_unsafe_html_from_users():
    for path in (ROOT / "course").rglob("*.py"):
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path
    assert pathlib.Path(ROOT / "course" / "ui" / "safe.py").exists()
