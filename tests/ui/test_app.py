"""The app under AppTest: every page in both languages, language and country choice, help panel."""

import pytest

from course.content import load_course
from course.locales import t
from tests.conftest import edit
from tests.ui.apptest import open_page, start, texts

PAGES = {
    "": "home.title",
    "learn": "learn.title",
    "parents": "parents.title",
    "teachers": "teachers.title",
    "help": "help.title",
}
LOCALES = {"fr": "fr-FR", "en": "en-GB"}


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("url_path", PAGES)
def test_every_page_renders_in_both_languages(url_path, lang):
    at = open_page(start(LOCALES[lang]), url_path)
    assert not at.exception
    assert at.title[0].value == t(PAGES[url_path], lang)
    assert at.query_params["lang"] == lang


def test_browser_locale_picks_language_and_country():
    at = start("en-US")
    assert at.title[0].value == "Staying safe online"
    assert at.query_params["lang"] == "en" and at.query_params["country"] == "US"


def test_url_language_wins_and_malformed_parameters_are_ignored():
    assert start("fr-FR", lang="en").title[0].value == "Staying safe online"
    at = start("de-DE", lang="<b>xx</b>", country="ZZ", band="99")
    assert not at.exception
    assert at.title[0].value == "En sécurité en ligne"
    assert at.query_params["lang"] == "fr" and at.query_params["country"] == "FR"


def test_language_switch_changes_the_page_and_the_url():
    at = start("fr-FR")
    at.button_group(key="lang_widget").set_value("en").run()
    assert at.title[0].value == "Staying safe online"
    assert at.query_params["lang"] == "en"
    assert at.button(key="help_button").label == "Need help now?"
    assert menu_titles(at)[:2] == ["Home", "Lessons"]  # the menu follows too
    at.button_group(key="lang_widget").set_value("fr").run()
    assert at.title[0].value == "En sécurité en ligne"
    assert menu_titles(at)[:2] == ["Accueil", "Leçons"]


def menu_titles(at) -> list[str]:
    return [info["page_name"] for info in at._registered_pages.values()]


def test_language_survives_a_page_change():
    at = start("fr-FR")
    at.button_group(key="lang_widget").set_value("en").run()
    at = open_page(at, "teachers")
    assert at.title[0].value == "For teachers"
    assert at.query_params["lang"] == "en"


def test_help_panel_shows_the_chosen_country_lines_in_the_chosen_language():
    at = start("fr-FR")
    at.button(key="help_button").click().run()
    shown = texts(at)
    assert "3018" in shown and "119" in shown
    assert "Numéros vérifiés en novembre 2026" in shown
    at.button(key="help_close").click().run()
    assert "3018" not in texts(at)

    at.selectbox(key="country_widget").set_value("BE").run()
    assert at.query_params["country"] == "BE"
    at.button(key="help_button").click().run()
    shown = texts(at)
    assert "116 000" in shown and "3018" not in shown


def test_help_panel_in_english_for_the_uk():
    at = start("en-GB")
    at.button(key="help_button").click().run()
    shown = texts(at)
    assert "Childline" in shown and "0800 1111" in shown and "999" in shown
    assert "Numbers checked in November 2026" in shown


def test_help_page_lists_the_same_lines():
    at = open_page(start("fr-FR", country="CH"), "help")
    assert "147" in texts(at)


def test_band_button_leads_to_the_lessons_of_that_band():
    at = start("fr-FR")
    at.button(key="home_band_7-10").click().run()
    assert at.query_params["band"] == "7-10"
    assert at.title[0].value == "Leçons"
    expected = [lesson.title.get("fr") for lesson in load_course().lessons_for("7-10")]
    cards = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert expected and [card.split(" ", 2)[-1] for card in cards] == expected


def test_broken_content_does_not_crash_and_is_listed_for_teachers(content, monkeypatch):
    edit(content, "lessons/demo/demo-7-10.yaml", "          feedback: {fr: Non., en: No.}\n", "")
    monkeypatch.setenv("COURSE_CONTENT_ROOT", str(content))
    at = start("en-GB", band="7-10")
    assert not at.exception
    learn = open_page(at, "learn")
    assert "No lessons here yet." in texts(learn)
    teachers = open_page(at, "teachers")
    assert not teachers.exception
    shown = texts(teachers)
    assert "1 content file(s) could not be loaded" in shown
    assert "lessons/demo/demo-7-10.yaml:29:11: steps[1].activity.options[1]: feedback missing" in shown
