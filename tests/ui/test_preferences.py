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


def test_reading_comfort_comes_from_the_url_then_the_session():
    from course.ui.preferences import Reading, choose_reading

    kept = Reading(size="larger", font="legible")
    assert choose_reading({}, None) == Reading()
    assert choose_reading({}, kept) == kept
    assert choose_reading({"size": "large", "contrast": "HIGH"}, kept) == Reading(
        size="large", font="legible", contrast="high"
    )
    assert choose_reading({"size": "huge", "rate": ["fast"]}, "not a reading") == Reading()  # ignored


def test_only_changed_reading_settings_go_in_the_url():
    from course.ui.preferences import Reading

    assert Reading().changed() == {}
    assert Reading(spacing="wide", rate="slow").changed() == {"spacing": "wide", "rate": "slow"}
