"""The real lessons/, quizzes/ and course data pass every check."""

import datetime

from course.content import load_course
from tests.conftest import COUNTRIES


def test_shipped_content_has_no_problem():
    course = load_course(today=datetime.date.today())
    assert [str(p) for p in course.errors] == []
    assert [str(p) for p in course.warnings if p.what not in ("missing lesson", "missing quiz")] == []
    assert course.lessons and course.quizzes


def test_every_supported_country_has_helplines_and_an_emergency_number():
    course = load_course()
    for code in COUNTRIES:
        lines = course.all_helplines(code)
        assert any(line.emergency for line in lines), code
        assert all(line.verified == "2026-11" for line in lines), code


def test_french_helplines_include_3018_119_and_pharos_public_only():
    lines = load_course().helplines("FR", "parents")  # Pharos is for adults only
    contacts = " ".join(line.contact.get("fr") for line in lines)
    assert "3018" in contacts and "119" in contacts
    pharos = next(line for line in lines if "Pharos" in line.name.get("fr"))
    assert "public" in pharos.purpose.get("fr").lower() and "public" in pharos.purpose.get("en").lower()
