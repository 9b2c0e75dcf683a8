import pytest

from course.ui.preferences import choose_country, choose_language
from tests.conftest import COUNTRIES


@pytest.mark.parametrize(
    ("url", "session", "browser", "expected"),
    [
        ("en", "fr", "fr-FR", "en"),  # the URL wins
        (None, "en", "fr-FR", "en"),  # then the session
        (None, None, "en-GB", "en"),  # then the browser
        (None, None, "fr_CA", "fr"),
        (None, None, "de-DE", "fr"),  # unsupported: French, the home market
        ("xx", None, None, "fr"),  # malformed values are ignored
        (["en"], 3, "", "fr"),
        ("EN ", None, None, "en"),
    ],
)
def test_choose_language(url, session, browser, expected):
    assert choose_language(url, session, browser) == expected


@pytest.mark.parametrize(
    ("url", "session", "browser", "expected"),
    [
        ("be", None, "en-GB", "BE"),
        (None, "CH", "en-GB", "CH"),
        (None, None, "en-GB", "UK"),
        (None, None, "fr-CA", "CA"),
        (None, None, "en-US", "US"),
        (None, None, "fr", "FR"),
        (None, None, "de-AT", "FR"),
        ("<script>", None, None, "FR"),
    ],
)
def test_choose_country(url, session, browser, expected):
    assert choose_country(url, session, browser, COUNTRIES) == expected
