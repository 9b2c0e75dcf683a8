"""What the read-aloud control says: words, never markdown signs or emoji names."""

import pytest

from course.content.spoken import joined, spoken


def test_markdown_is_read_as_its_words():
    text = "**Stop** and *tell* a [grown-up](https://example.org) :material/key: :green[now]"
    assert spoken(text, "en") == "Stop and tell a grown-up now"


def test_list_items_and_paragraphs_become_sentences():
    assert spoken("- Block\n- Report\n\nTell someone", "en") == "Block. Report. Tell someone"
    assert spoken("# Title\n> quoted!", "en") == "Title. quoted!"


def test_meaningful_emoji_become_words_in_the_page_language():
    assert spoken("✓ Private account 🔒", "fr") == "oui Private account cadenas"
    assert spoken("⚠️ Careful 🚩", "en") == "warning Careful red flag"


def test_other_emoji_are_dropped():
    assert spoken("Haha 😂😂 see you 🏝️👋🏽", "en") == "Haha see you"
    assert spoken("🧑‍🤝‍🧑 friends 🤾‍♀️", "fr") == "friends"


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("Appelle le 3018", "fr", "Appelle le 30 18"),
        ("Call 3018", "en", "Call 3 0 1 8"),
        ("0800 1111", "en", "0 8 0 0 1 1 1 1"),
        ("0800 05 12", "fr", "08 00 05 12"),
        ("In 2024, 812 reports", "en", "In 2024, 812 reports"),
        ("en 2024", "fr", "en 2024"),
        ("Dial 911 or 999", "en", "Dial 9 1 1 or 9 9 9"),
        ("Le 112 ou le 119", "fr", "Le 112 ou le 119"),
        ("1,500 or 3.018", "en", "1,500 or 3.018"),
    ],
)
def test_numbers_are_grouped_as_the_language_says_a_phone_number(text, lang, said):
    assert spoken(text, lang) == said


def test_abbreviations_are_words():
    assert spoken("loi n° 2024-120", "fr") == "loi numéro 2024-120"
    assert spoken("Jessie & Friends, e.g. this", "en") == "Jessie and Friends, for example this"
    assert spoken("Jessie & Friends", "fr") == "Jessie et Friends"


def test_a_language_without_tables_drops_emoji_and_keeps_numbers():
    assert spoken("✓ 3018 & co", "de") == "3018 & co"


def test_parts_are_joined_as_sentences():
    assert joined(["Which one?", "A: Tell a grown-up", "", "B: Keep it secret"]) == (
        "Which one? A: Tell a grown-up. B: Keep it secret"
    )
