"""The shell's safety pieces as plain functions and under AppTest: quick exit's data is the weather
site and its marks, the help panel fits the page's reader, Streamlit's English has a French
text, and a lesson ends with a celebration that fits its band and topic (never balloons)."""

from __future__ import annotations

import pytest

from course.content import load_course
from course.languages import released
from course.locales import t
from course.ui import celebration, header, quick_exit, session_keys
from course.ui.header import STREAMLIT_TEXTS, streamlit_texts
from course.ui.state import Visitor
from tests.ui.apptest import open_page, start, texts

COURSE = load_course()


def test_exit_config_is_the_weather_url_and_the_marks():
    for lang in released():
        config = quick_exit.exit_config(Visitor(lang, "FR"))
        assert config == {
            "url": t("exit.url", lang),
            "flag": quick_exit.EXIT_FLAG,
            "cookie": quick_exit.EXIT_COOKIE,
        }


def test_only_the_exit_cookie_blocks_the_app():
    assert quick_exit.has_left({quick_exit.EXIT_COOKIE: "1"})
    assert not quick_exit.has_left({})
    assert not quick_exit.has_left({quick_exit.EXIT_COOKIE: ""})


def test_streamlit_texts_have_a_translation_in_every_language():
    assert streamlit_texts("en") == {}
    french = streamlit_texts("fr")
    assert set(french) == set(STREAMLIT_TEXTS)
    assert all(english != text for english, text in french.items() if english != "Notifications")
    assert french["Skip to main content"] == "Aller au contenu principal"


@pytest.mark.parametrize(
    "path,lesson_audience,expected",
    [
        ("parents", None, "parents"),
        ("teachers", None, "teachers"),
        ("classes", None, "teachers"),
        ("dashboard", None, "teachers"),
        ("lesson", "parent", "parents"),
        ("lesson", "teacher", "teachers"),
        ("lesson", "learner", None),
        ("learn", None, None),
        ("", None, None),
    ],
)
def test_help_audience(path, lesson_audience, expected):
    assert header.help_reader(path, lesson_audience) == expected


@pytest.mark.parametrize("page", ["parents", "teachers"])
def test_help_panel_on_adult_pages_lists_adult_lines(page):
    at = open_page(start("en-GB", country="UK"), page)
    at.button(key="help_button").click().run()
    assert not at.exception
    shown = texts(at)
    assert "If you are worried about a child" in shown  # the adults' introduction
    for line in COURSE.helplines("UK", page):
        assert line.name.get("en") in shown


def test_help_panel_for_a_child_keeps_the_child_set():
    at = start("en-GB", country="UK")
    at.button(key="help_button").click().run()
    assert "If you are worried about a child" not in texts(at)


@pytest.mark.parametrize(
    "band,topic,kind",
    [
        ("7-10", "privacy-settings", "light"),
        ("11-13", "ai-fakes", "light"),
        ("7-10", "sextortion", "calm"),
        ("11-13", "grooming", "calm"),
        ("14-17", "personal-details", "calm"),
        ("parents", "sharenting", "calm"),
    ],
)
def test_celebration_fits_band_and_topic(band, topic, kind):
    assert celebration.kind(band, topic) == kind


def finished(lesson_id: str, lang: str = "en"):
    lesson = COURSE.lessons[lesson_id]
    at = start({"en": "en-GB", "fr": "fr-FR"}[lang], lesson=lesson_id)
    at = open_page(at, "lesson")
    at.session_state[session_keys.lesson_step(lesson.id)] = len(lesson.steps)
    at.session_state["celebrate"] = True
    return at.run()


def test_no_balloons_after_a_sextortion_lesson():
    at = finished("sextortion-parents")
    assert not at.exception
    assert len(at.get("balloons")) == 0
    assert "You have finished this lesson" in texts(at)
    assert "Well done" not in texts(at)
    assert not any('class="lesson-stars"' in element.proto.body for element in at.get("html"))
