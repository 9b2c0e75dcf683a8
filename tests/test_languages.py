"""The languages, bands and countries are declared once: every released language has all it needs, and
no Python module writes a language or a country code outside the tables that register them."""

from __future__ import annotations

import ast

import pytest
import yaml

from course import languages, nicknames
from course.content import language_checks, load_course
from course.locales import strings
from tests.conftest import ROOT, TODAY


@pytest.fixture(scope="module")
def course():
    return load_course(today=TODAY)


def test_the_languages_file_has_one_released_default():
    registry = languages.registry()
    assert registry.default in registry.released
    assert set(registry.released) | set(registry.drafts) == set(registry.codes)
    assert all(languages.name(code) != code for code in registry.codes)  # each named in itself


@pytest.mark.parametrize("code", languages.released())
def test_every_released_language_has_its_strings_and_rules(code, course):
    assert languages.registry().locale_file(code).is_file()
    assert set(strings(code)) == set(strings(languages.default()))
    assert all(f"date.month.{month}" in strings(code) for month in range(1, 13))  # month names
    assert language_checks.missing_rules(code, [band.id for band in course.bands]) == []
    assert nicknames.display("brave-otter", code) != "?"


def test_course_check_has_nothing_to_say_about_the_languages(course):
    assert [str(problem) for problem in language_checks.check(band.id for band in course.bands)] == []


def test_a_broken_languages_file_is_refused(tmp_path):
    path = tmp_path / "languages.yaml"
    entries = [
        {"code": "fr", "name": "Français", "english_name": "French", "status": "draft", "default": True}
    ]
    path.write_text(yaml.safe_dump({"schema_version": 1, "languages": entries}), encoding="utf-8")
    with pytest.raises(languages.LanguagesError, match="the default language 'fr' must be released"):
        languages.read(path)


def test_every_band_and_country_is_declared_once(course):
    bands = [band.id for band in course.bands]
    assert len(bands) == len(set(bands)) and bands
    helplines = yaml.safe_load((ROOT / "course/data/helplines.yaml").read_text(encoding="utf-8"))
    codes = [country["code"] for country in helplines["countries"]]
    assert len(codes) == len(set(codes)) and list(course.countries) == codes
    assert course.default_country == codes[0]


# Where a language code may be written in Python: the per-language tables, and English that belongs to
# someone else (Streamlit's own interface, xAPI's verbs).
LANGUAGE_CODES_ALLOWED = {
    "course/content/readability.py": "RULES",
    "course/content/quality.py": "FORBIDDEN",
    "course/content/typography.py": "SPACING",
    "course/nicknames.py": "SAY",
    "course/content/spoken.py": "EMOJI_WORDS, ABBREVIATIONS, DIGIT_BY_DIGIT, PHONE_GROUPS (read-aloud)",
    "course/ui/header.py": "Streamlit speaks English: nothing to translate for it",
    "course/classroom/exports.py": "xAPI's verbs are displayed in en-US",
}
COUNTRY_CODES_ALLOWED = {"course/ui/preferences.py": "browsers say GB where the course says UK"}


def written(codes: set[str]) -> dict[str, list[int]]:
    """Python files under course/ with a string constant equal to one of `codes`, and its lines."""
    found: dict[str, list[int]] = {}
    for path in sorted((ROOT / "course").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in codes:
                found.setdefault(path.relative_to(ROOT).as_posix(), []).append(node.lineno)
    return found


def test_no_module_writes_a_language_code_outside_its_tables():
    found = written(set(languages.codes()))
    assert {path: lines for path, lines in found.items() if path not in LANGUAGE_CODES_ALLOWED} == {}


def test_no_module_writes_a_country_code(course):
    found = written(set(course.countries))
    assert {path: lines for path, lines in found.items() if path not in COUNTRY_CODES_ALLOWED} == {}


def test_a_ui_string_written_twice_in_a_locale_file_stops_with_both_places(tmp_path):
    """Two merged branches may add the same key: YAML would keep the last one, silently."""
    from course import locales

    path = tmp_path / "xx.yaml"
    path.write_text('cards.title: "Answer cards"\nother: "x"\ncards.title: "Paper cards"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"xx\.yaml:3:1: 'cards\.title' is written twice"):
        locales._read(path)
