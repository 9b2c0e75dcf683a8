"""The accessibility statement: in each language, what is tested, what is not yet, how to report a
problem without giving an email address, and the month of its last review; the home and privacy pages
link to it."""

import pytest

from course.locales import month_name, t
from course.ui.pages.accessibility import REVIEWED
from tests.ui.apptest import open_page, spaced, start, texts


@pytest.mark.parametrize(("locale", "lang"), [("fr-FR", "fr"), ("en-GB", "en")])
def test_the_statement_says_what_is_tested_what_is_not_and_when_it_was_reviewed(locale, lang):
    at = open_page(start(locale, lang=lang), "accessibility")
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == t("accessibility.title", lang)
    assert [header.value for header in at.header] == [  # h2 sections under the h1: no level skipped
        t(f"accessibility.{part}_title", lang) for part in ("tested", "not_yet", "report")
    ]
    assert all(word in shown for word in ("WCAG", "2.2", "AA", "axe-core", "24×24"))
    assert spaced(t("accessibility.reviewed", lang, date=month_name(REVIEWED, lang))) in shown
    assert "@" not in shown  # no address to write to: the issue tracker or the site's own people


@pytest.mark.parametrize("path", ["home", "privacy"])
def test_home_and_privacy_link_to_the_statement(path):
    at = start("en-GB", lang="en") if path == "home" else open_page(start("en-GB", lang="en"), path)
    assert "accessibility" in [link.proto.page for link in at.get("page_link")]
