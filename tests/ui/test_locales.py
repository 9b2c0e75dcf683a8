"""UI strings: the same keys and placeholders in every language."""

import re
import string

from course import languages
from course.locales import month_name, strings, t


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_released_language_has_the_default_languages_keys():
    reference = set(strings(languages.default()))
    for lang in languages.released():
        assert set(strings(lang)) == reference, lang


def test_placeholders_match_across_languages():
    reference = strings(languages.default())
    for lang in languages.released():
        for key, text in strings(lang).items():
            assert placeholders(text) == placeholders(reference[key]), (lang, key)


def test_no_string_is_empty():
    for lang in languages.released():
        assert all(value.strip() for value in strings(lang).values()), lang


def test_t_fills_placeholders_and_month_names_are_localised():
    assert t("lessons.minutes", "fr", minutes=7) == "7 min"
    assert t("help.verified", "en", month=month_name("2026-11", "en")).startswith(
        "Numbers checked in November 2026"
    )
    assert month_name("2026-11", "fr") == "novembre 2026"


def test_quick_exit_leaves_for_a_https_site():
    for lang in languages.released():
        assert re.fullmatch(r"https://[a-z0-9.-]+(/[a-z/]*)?", t("exit.url", lang))


def test_the_strings_follow_another_languages_file_and_come_back(tmp_path):
    """The strings are looked up once per language and languages file: a tree being checked with its
    own locale files gets its own strings, and the course's come back after it."""
    (tmp_path / "languages.yaml").write_text(
        "schema_version: 1\nlanguages:\n"
        "  - {code: fr, name: Français, english_name: French, status: released, default: true}\n",
        encoding="utf-8",
    )
    (tmp_path / "fr.yaml").write_text('activity.check: "Vérifie"\n', encoding="utf-8")
    course_text = t("activity.check", "fr")
    try:
        languages.use(tmp_path / "languages.yaml")
        assert t("activity.check", "fr") == "Vérifie"
    finally:
        languages.use(None)
    assert t("activity.check", "fr") == course_text != "Vérifie"
