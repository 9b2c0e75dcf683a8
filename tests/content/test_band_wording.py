"""What each band reads on the help card and in topic names, and the help card's phone numbers.

The safeguarding rules: a 7-10 child (and anyone before a band is chosen) reads no adult words and
meets no adult-only service; Take It Down is for 11-17 (and adults); numbers are tap-to-call.
"""

import re

import pytest
from pydantic import ValidationError

from course.content import load_course
from course.content.loader import helpline_band
from course.content.models import Helpline, Phone, Topic
from course.languages import released as released_languages
from tests.conftest import COUNTRIES, TODAY, edit

HELPLINES = "course/data/helplines.yaml"
TOPICS = "course/data/topics.yaml"

# Kept here, apart from checks.ADULT_WORDS, so that shortening that list cannot weaken this test.
ADULT_WORDS = [
    "sextortion", "sextorsion", "intimate", "intime", "intimes", "nude", "nudes", "nu", "nue", "nus",
    "nues", "naked", "sexual", "sexuel", "sexuelle", "sexuels", "sexuelles", "sexe", "porn", "porno",
    "grooming", "exploitation", "enticement", "sollicitation", "pédocriminalité", "abuse images",
    "StopNCII", "Pharos", "Take It Down", "clickandstop", "NSPCC", "CyberTipline", "Cybertip",
]  # fmt: skip
ADULT_ONLY = {"stopncii", "fr-pharos", "ch-clickandstop", "uk-nspcc"}
FROM_11 = {"take-it-down"}  # images taken under 18, for a file the young person has: not for 7-10


def adult_words_in(text: str) -> list[str]:
    return [
        word for word in ADULT_WORDS if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    ]


def card_text(line: Helpline, band: str | None, lang: str) -> str:
    """Everything the help card shows of `line` to `band`."""
    shown = [line.name, line.contact, line.purpose_for(band), line.who_for(band)]
    return " ".join(text.get(lang) for text in shown) + " " + (line.url or "")


@pytest.fixture(scope="module")
def course():
    return load_course()


# --- The shipped data -----------------------------------------------------------------------------


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_7_10_card_has_no_adult_word_and_no_adult_only_service(course, country):
    lines = course.helplines(country, "7-10")
    assert {line.id for line in lines}.isdisjoint(ADULT_ONLY | FROM_11)
    assert any(not line.emergency for line in lines), "someone to talk to besides the emergency number"
    assert any(line.emergency for line in lines)
    for line in lines:
        for lang in released_languages():
            assert adult_words_in(card_text(line, helpline_band("7-10"), lang)) == [], (line.id, lang)


@pytest.mark.parametrize("country", COUNTRIES)
def test_before_a_band_is_chosen_only_the_7_10_set_is_shown(course, country):
    assert course.helplines(country) == course.helplines(country, "7-10")
    assert course.helplines(country, "not-a-band") == course.helplines(country, "7-10")


@pytest.mark.parametrize("country", COUNTRIES)
def test_adult_only_services_reach_adults_only_and_take_it_down_from_11(course, country):
    for band in ("7-10", "11-13", "14-17"):
        shown = {line.id for line in course.helplines(country, band)}
        assert shown.isdisjoint(ADULT_ONLY), (country, band)
        assert ("take-it-down" in shown) == (band != "7-10"), (country, band)
    for band in ("parents", "teachers"):
        shown = {line.id for line in course.helplines(country, band)}
        assert "take-it-down" in shown and "stopncii" in shown


def test_each_country_card_for_each_band(course):
    """The lines each band sees, country by country, read as intended (talk lines first for 7-10)."""
    expected = {
        ("FR", "7-10"): ["fr-3018", "fr-119", "fr-emergency"],
        ("FR", "11-13"): ["fr-3018", "fr-119", "fr-17cyber", "fr-emergency", "take-it-down"],
        ("FR", "14-17"): ["fr-3018", "fr-119", "fr-17cyber", "fr-emergency", "take-it-down"],
        ("BE", "7-10"): ["be-child-focus", "be-ecoute-enfants", "be-emergency"],
        ("CH", "7-10"): ["ch-pro-juventute", "ch-emergency"],
        ("CA", "7-10"): ["ca-kids-help-phone", "ca-tel-jeunes", "ca-emergency"],
        ("CA", "11-13"): [
            "ca-kids-help-phone",
            "ca-tel-jeunes",
            "ca-cybertip",
            "ca-needhelpnow",
            "ca-emergency",
            "take-it-down",
        ],
        ("UK", "7-10"): ["uk-childline", "uk-emergency"],
        ("UK", "11-13"): ["uk-childline", "uk-ceop", "uk-emergency", "take-it-down"],
        ("US", "7-10"): ["us-988", "us-emergency"],
        ("US", "14-17"): ["us-cybertipline", "us-988", "us-emergency", "take-it-down"],
    }
    for (country, band), ids in expected.items():
        assert [line.id for line in course.helplines(country, band)] == ids, (country, band)


def test_7_10_wording_is_in_child_words(course):
    fr_3018 = next(line for line in course.helplines("FR", "7-10") if line.id == "fr-3018")
    assert "asks you for pictures or to go on camera" in fr_3018.purpose_for("7-10").get("en")
    assert "sextortion" in fr_3018.purpose_for("11-13").get("en")  # older bands keep the real words
    assert "sextortion" in fr_3018.purpose_for("parents").get("en")


def test_the_us_has_no_talk_about_anything_line_and_988_does_not_promise_one(course):
    """CONTENT_GUIDE §4 lists no US 'talk about anything' line: 988 is crisis support, said as such."""
    for band in ("7-10", "11-13", "14-17", "parents"):
        for line in course.helplines("US", band):
            for lang in released_languages():
                text = card_text(line, band, lang).lower()
                assert "anything" not in text and "parler de tout" not in text, (line.id, band)
    us_988 = next(line for line in course.helplines("US", "7-10") if line.id == "us-988")
    assert "right now" in us_988.purpose_for("7-10").get("en")


def test_topic_names_for_7_10_have_no_adult_word(course):
    for topic in course.topics:
        if topic.for_learners:
            for lang in released_languages():
                assert adult_words_in(topic.title_for("7-10").get(lang)) == [], (topic.id, lang)
    sextortion = course.topic("sextortion")
    assert sextortion.title_for("7-10").get("en") == "Someone asks for pictures or to go on camera"
    assert sextortion.title_for("14-17").get("en") == "Online blackmail (sextortion)"


WEB_ONLY = {
    "fr-17cyber",
    "fr-pharos",
    "ch-clickandstop",
    "ca-needhelpnow",
    "uk-ceop",
    "take-it-down",
    "stopncii",
}


@pytest.mark.parametrize("country", COUNTRIES)
def test_every_number_on_a_card_is_tap_to_call_or_text(course, country):
    """Every line with a phone number has its tel:/sms: links; only web services have none."""
    for line in course.all_helplines(country):
        assert bool(line.phones) != (line.id in WEB_ONLY), line.id
        for phone in line.phones:
            assert phone.number in line.contact.get("en") and phone.number in line.contact.get("fr")
            assert re.fullmatch(r"\+?\d+", phone.dial)


def test_phones_as_written_in_the_guide_dial_as_digits(course):
    phones = {phone.number: phone for line in course.all_helplines("CA") for phone in line.phones}
    assert phones["1-800-668-6868"].dial == "18006686868" and phones["1-800-668-6868"].call
    assert phones["686868"].text and not phones["686868"].call  # "text 686868"
    fr = {phone.number: phone for line in course.all_helplines("FR") for phone in line.phones}
    assert fr["114"].text and not fr["114"].call  # "114 by SMS"
    assert Phone(number="+33 1 23 45 67 89").dial == "+33123456789"


# --- The schema and the rules -----------------------------------------------------------------


def test_a_phone_number_must_be_dialable():
    with pytest.raises(ValidationError, match="must be a phone number"):
        Phone(number="call 3018")


def test_band_wording_replaces_purpose_and_who_for_its_bands_only():
    line = Helpline.model_validate(
        {
            "id": "x",
            "name": {"fr": "X", "en": "X"},
            "purpose": {"fr": "adulte", "en": "adult"},
            "contact": {"fr": "3018", "en": "3018"},
            "who": {"fr": "Tous", "en": "Anyone"},
            "band_wording": [{"bands": ["7-10"], "purpose": {"fr": "enfant", "en": "child"}}],
            "verified": "2026-11",
        }
    )
    assert line.purpose_for("7-10").get("en") == "child"
    assert line.who_for("7-10").get("en") == "Anyone"  # no own `who`: the general one
    assert line.purpose_for("11-13").get("en") == "adult"
    assert line.purpose_for(None).get("en") == "adult"  # the caller chooses the band (helpline_band)
    with pytest.raises(ValidationError):
        Topic.model_validate(
            {
                "id": "t",
                "title": {"fr": "T", "en": "T"},
                "icon": "🧪",
                "band_wording": [{"bands": ["parents"], "title": {"fr": "P", "en": "P"}}],
            }
        )


VALID_WORDING = (
    HELPLINES,
    "    url: https://takeitdown.ncmec.org\n",
    "    url: https://takeitdown.ncmec.org\n"
    "    band_wording:\n"
    "      - bands: ['7-10']\n"
    "        purpose: {fr: Une photo t'inquiète, en: A picture worries you}\n"
    "      - bands: ['11-13', '14-17']\n"
    "        who: {fr: Jeunes, en: Young people}\n",
)
VALID_PHONES = (
    HELPLINES,
    "        contact: {fr: '17', en: '17'}\n",
    "        contact: {fr: '17', en: '17'}\n        phones:\n          - number: '17'\n",
)
VALID_TOPIC = (
    TOPICS,
    "    for_learners: false\n",
    "    for_learners: false\n"
    "    band_wording:\n"
    "      - bands: ['7-10']\n"
    "        title: {fr: Démo des petits, en: Little ones' demo}\n",
)


def problems_in(root, *files: str) -> list[str]:
    return [str(p) for p in load_course(root, today=TODAY).problems if p.file in files]


def test_valid_band_wording_and_phones_pass(content):
    for change in (VALID_WORDING, VALID_PHONES, VALID_TOPIC):
        edit(content, *change)
    assert problems_in(content, HELPLINES, TOPICS) == []
    course = load_course(content, today=TODAY)
    line = course.everywhere[0]
    assert line.purpose_for("7-10").get("en") == "A picture worries you"
    assert line.who_for("14-17").get("en") == "Young people"
    assert course.countries["FR"].helplines[0].phones[0].dial == "17"
    assert course.topic("demo").title_for("7-10").get("en") == "Little ones' demo"


ADULT_WORD_HINT = "(give the line a purpose/who for 7-10 in band_wording, or take 7-10 out of for_ages)"
RULES = {
    "adult_word_on_the_7_10_card": (
        [(HELPLINES, "en: Image removal}", "en: Nude image removal}")],
        [
            f"course/data/helplines.yaml:66:41: everywhere[0].purpose.en: 'Nude': not words for 7-10 {ADULT_WORD_HINT}"
        ],
    ),
    "adult_only_service_shown_to_7_10": (
        [(HELPLINES, "name: {fr: Take It Down, en: Take It Down}", "name: {fr: StopNCII, en: StopNCII}")],
        [
            f"course/data/helplines.yaml:65:16: everywhere[0].name.fr: 'StopNCII': not words for 7-10 {ADULT_WORD_HINT}",
            f"course/data/helplines.yaml:65:30: everywhere[0].name.en: 'StopNCII': not words for 7-10 {ADULT_WORD_HINT}",
        ],
    ),
    "adult_word_in_the_7_10_wording": (
        [VALID_WORDING, (HELPLINES, "en: A picture worries you}", "en: Sextortion}")],
        [
            "course/data/helplines.yaml:72:49: everywhere[0].band_wording[0].purpose.en: 'Sextortion': "
            f"not words for 7-10 {ADULT_WORD_HINT}"
        ],
    ),
    "band_with_two_wordings": (
        [VALID_WORDING, (HELPLINES, "bands: ['11-13', '14-17']", "bands: ['11-13', '7-10']")],
        [
            "course/data/helplines.yaml:73:26: everywhere[0].band_wording[1].bands[1]: band 7-10 already has a wording "
            "(one wording per band)"
        ],
    ),
    "wording_that_changes_nothing": (
        [VALID_WORDING, (HELPLINES, "        who: {fr: Jeunes, en: Young people}\n", "")],
        [
            "course/data/helplines.yaml:73:9: everywhere[0].band_wording[1]: wording changes nothing "
            "(give it a purpose, a who or both)"
        ],
    ),
    "phone_not_in_the_contact_text": (
        [VALID_PHONES, (HELPLINES, "- number: '17'", "- number: '112'")],
        [
            "course/data/helplines.yaml:11:21: countries[0].helplines[0].phones[0].number: '112' is not in the "
            "English contact text (write the number exactly as the contact shows it)",
            "course/data/helplines.yaml:11:21: countries[0].helplines[0].phones[0].number: '112' is not in the "
            "French contact text (write the number exactly as the contact shows it)",
        ],
    ),
    "phone_to_neither_call_nor_text": (
        [VALID_PHONES, (HELPLINES, "- number: '17'\n", "- number: '17'\n            call: false\n")],
        [
            "course/data/helplines.yaml:11:13: countries[0].helplines[0].phones[0]: a number to neither call nor text "
            "(set call: true or text: true)"
        ],
    ),
    "phone_that_is_not_a_number": (
        [VALID_PHONES, (HELPLINES, "- number: '17'", "- number: 'seventeen'")],
        [
            "course/data/helplines.yaml:11:21: countries[0].helplines[0].phones[0].number: must be a phone number: "
            "digits, spaces and hyphens, with + in front if needed"
        ],
    ),
    "unquoted_phone": (
        [VALID_PHONES, (HELPLINES, "- number: '17'", "- number: 17")],
        [
            "course/data/helplines.yaml:11:21: countries[0].helplines[0].phones[0].number: expected text, got 17 "
            "(YAML reads unquoted numbers as numbers: put it in quotes)"
        ],
    ),
    "adult_word_in_a_7_10_topic_name": (
        [
            (TOPICS, "    for_learners: false\n", ""),
            (TOPICS, "title: {fr: Démo, en: Demo}", "title: {fr: Démo, en: Demo (grooming)}"),
        ],
        [
            "course/data/topics.yaml:4:27: topics[0].title.en: 'grooming': not words for 7-10 "
            "(give the topic a title for 7-10 in band_wording)"
        ],
    ),
    "a_7_10_topic_name_fixes_it": (
        [
            (TOPICS, "title: {fr: Démo, en: Demo}", "title: {fr: Démo, en: Demo (grooming)}"),
            VALID_TOPIC,
            (TOPICS, "    for_learners: false\n", ""),
        ],
        [],
    ),
}
RULES["topic_band_with_two_wordings"] = (  # one band twice in one wording, or in two
    [VALID_TOPIC, (TOPICS, "      - bands: ['7-10']\n", "      - bands: ['7-10', '7-10']\n")],
    [
        "course/data/topics.yaml:8:25: topics[0].band_wording[0].bands[1]: band 7-10 already has a wording "
        "(one wording per band)"
    ],
)


@pytest.mark.parametrize("case", RULES, ids=list(RULES))
def test_band_wording_and_phone_rules_give_exact_messages(content, case):
    edits, expected = RULES[case]
    for change in edits:
        edit(content, *change)
    assert problems_in(content, HELPLINES, TOPICS) == expected


def test_a_wording_for_a_band_that_does_not_see_the_line(content):
    edit(content, *VALID_WORDING)
    edit(content, HELPLINES, "    band_wording:\n", "    for_ages: ['14-17', 'adults']\n    band_wording:\n")
    problems = problems_in(content, HELPLINES)
    assert (
        "course/data/helplines.yaml:72:17: everywhere[0].band_wording[0].bands[0]: the line is not shown to 7-10 "
        "(add the band to for_ages, or remove it from this wording)"
    ) in problems
    assert (
        "course/data/helplines.yaml:74:17: everywhere[0].band_wording[1].bands[0]: the line is not shown to 11-13 "
        "(add the band to for_ages, or remove it from this wording)"
    ) in problems
    # the tiny course then has no line for 7-10 or 11-13 besides emergency numbers: reported per country
    assert len(problems) == 2 + 2 * 6
