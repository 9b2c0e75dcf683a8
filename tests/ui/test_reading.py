"""Reading settings as CSS, and the listen buttons' markup (no browser)."""

import html

import course.web
from course.ui import listen, reading
from course.ui.preferences import Reading
from course.web import fonts, scripts


def test_the_default_settings_add_no_css():
    assert reading.css(Reading()) == ""


def test_each_setting_changes_its_css():
    assert "font-size: 130%" in reading.css(Reading(size="larger"))
    assert "line-height" in reading.css(Reading(spacing="wide"))
    assert "color: #000" in reading.css(Reading(contrast="high"))
    assert fonts.FAMILY in reading.css(Reading(font="legible"))


def test_the_font_is_loaded_only_where_the_app_serves_it(monkeypatch):
    monkeypatch.setattr(course.web, "ROUTES_SERVED", False)
    assert "@font-face" not in reading.css(Reading(font="legible"))
    monkeypatch.setattr(course.web, "ROUTES_SERVED", True)
    css = reading.css(Reading(font="legible"))
    assert all(f"url('{fonts.url(weight)}')" in css for weight in fonts.FILES)
    assert all((fonts.FOLDER / name).stat().st_size > 10_000 for name in fonts.FILES.values())


def test_a_listen_button_carries_its_words_as_escaped_data():
    markup = listen.button('Say "hi" <now> & go', "en", "Listen: the question", "Listen")
    assert 'data-say="Say &quot;hi&quot; &lt;now&gt; &amp; go"' in markup
    assert 'lang="en"' in markup and 'aria-label="Listen: the question"' in markup
    assert "<script" not in markup and html.unescape(markup).count("<button") == 1


def test_read_aloud_runs_in_the_page_kit_and_no_inline_copy_is_allowed():
    assert scripts.READ_ALOUD.function in scripts.PAGE_KIT.code
    assert scripts.READ_ALOUD.csp_hash not in scripts.csp_hashes()  # never sent inline where a policy applies
