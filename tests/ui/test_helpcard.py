"""The help card under AppTest: what a child reads, before and after choosing a band, and tap-to-call.

Before a band is chosen the help dialog cannot know who is reading: it shows the 7-10 set in 7-10
words (people to talk to and the "danger now" numbers), never an adult-only service.
"""

import pytest

from course.content import load_course
from course.progress import Store
from tests.conftest import COUNTRIES
from tests.content.test_band_wording import adult_words_in
from tests.ui.apptest import open_page, start, texts, use_database

LOCALES = {"fr": "fr-FR", "en": "en-GB"}
ADULT_ONLY_NAMES = ["StopNCII", "Pharos", "clickandstop", "NSPCC", "internet-signalement", "stopncii.org"]


def help_dialog(at) -> str:
    """The texts the help dialog adds to the page."""
    before = texts(at).splitlines()
    at.button(key="help_button").click().run()
    assert not at.exception
    after = texts(at).splitlines()
    added = [line for line in after if line not in before]
    assert added, "the dialog did not open"
    return "\n".join(added)


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("country", COUNTRIES)
def test_help_dialog_before_a_band_shows_no_adult_service_and_no_adult_word(country, lang):
    shown = help_dialog(start(LOCALES[lang], country=country))
    assert adult_words_in(shown) == [], (country, lang)
    assert [name for name in ADULT_ONLY_NAMES if name.lower() in shown.lower()] == []
    assert "Take It Down" not in shown
    assert "](tel:" in shown  # the emergency number at least is one tap away


@pytest.mark.parametrize("country", COUNTRIES)
def test_help_page_before_a_band_shows_the_same_child_safe_set(country):
    shown = texts(open_page(start("en-GB", country=country), "help"))
    assert adult_words_in(shown) == [] and "Take It Down" not in shown
    for line in load_course().helplines(country, "7-10"):
        assert line.name.get("en") in shown


def chosen_band(band: str, country: str, locale: str = "en-GB"):
    at = open_page(start(locale, country=country, band=band), "learn")
    assert at.session_state["band"] == band
    return at


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_7_10_help_card_reads_child_words(country):
    for locale in LOCALES.values():
        shown = help_dialog(chosen_band("7-10", country, locale))
        assert adult_words_in(shown) == [], (country, locale)
        assert [name for name in ADULT_ONLY_NAMES if name.lower() in shown.lower()] == []


def test_the_7_10_card_says_pictures_and_camera_where_adults_read_sextortion():
    shown = help_dialog(chosen_band("7-10", "FR"))
    assert "asks you for pictures or to go on camera" in shown
    older = help_dialog(chosen_band("14-17", "FR"))
    assert "sextortion" in older and "Take It Down" in older
    assert "Pharos" not in older  # adults only


def test_numbers_are_tap_to_call_and_text():
    shown = help_dialog(start("en-GB", country="CA"))
    assert "[Call 1-800-668-6868](tel:18006686868)" in shown
    assert "[Text 686868](sms:686868)" in shown
    assert "[Call 911](tel:911)" in shown
    fr = help_dialog(start("fr-FR", country="FR"))
    assert "[Appeler le 3018](tel:3018)" in fr and "[Appeler le 119](tel:119)" in fr
    assert "[Envoyer un SMS au 114](sms:114)" in fr and "(tel:114)" not in fr  # 114 takes SMS only


def test_7_10_lessons_name_their_topic_in_child_words():
    at = chosen_band("7-10", "FR")
    captions = "\n".join(caption.value for caption in at.caption)
    assert "Someone asks for pictures or to go on camera" in captions
    assert adult_words_in(captions) == []
    older = "\n".join(caption.value for caption in chosen_band("14-17", "FR").caption)
    assert "Online blackmail (sextortion)" in older


def test_my_progress_names_7_10_topics_in_child_words(monkeypatch, tmp_path):
    url = use_database(monkeypatch, tmp_path)
    store = Store.open(url)
    learner = store.create_learner("Calm Otter")
    store.record_step(learner.id, "sextortion-7-10", 1)
    at = open_page(start("en-GB", code=learner.resume_code), "progress")
    assert not at.exception
    topics = at.dataframe[0].value.iloc[:, 0].tolist()
    assert any("Someone asks for pictures or to go on camera" in topic for topic in topics)
    assert adult_words_in(" ".join(topics)) == []
