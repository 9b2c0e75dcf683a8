"""What the read-aloud control says for a text: its words, as a speech synthesiser should read them.

Content and UI texts are markdown with emoji and Streamlit's markers (`:material/key:`,
`:green[...]`); a synthesiser reads "asterisk asterisk" or a long emoji name for those. Here they
become plain words: markdown is stripped to its text, links to their words, the emoji that carry
meaning in the content become words of the language and the others are dropped, and numbers are
grouped as a speaker of the language says a phone number ("30 18" in French, "3 0 1 8" in English).
No Streamlit: course/ui/listen.py puts the result on the buttons.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

# The emoji of the content that mean something in the sentence (a tick, a warning, a red flag).
# The others (faces, hearts, objects in a chat) are dropped: "face with tears of joy" in the middle of
# a message reads worse than nothing. A language without an entry drops every emoji.
EMOJI_WORDS: Mapping[str, Mapping[str, str]] = {
    "fr": {
        "✓": "oui",
        "✅": "oui",
        "✗": "non",
        "❌": "non",
        "⚠": "attention",
        "🚩": "drapeau rouge",
        "🛑": "stop",
        "🔒": "cadenas",
        "🔐": "cadenas",
        "🔑": "clé",
        "📞": "téléphone",
        "☎": "téléphone",
        "🚨": "alerte",
    },
    "en": {
        "✓": "yes",
        "✅": "yes",
        "✗": "no",
        "❌": "no",
        "⚠": "warning",
        "🚩": "red flag",
        "🛑": "stop",
        "🔒": "lock",
        "🔐": "lock",
        "🔑": "key",
        "📞": "phone",
        "☎": "phone",
        "🚨": "alert",
    },
}

# Abbreviations and signs a synthesiser reads badly, per language (whole words only).
ABBREVIATIONS: Mapping[str, Mapping[str, str]] = {
    "fr": {"n°": "numéro", "&": "et", "p. ex.": "par exemple", "etc.": "et cetera"},
    "en": {"&": "and", "e.g.": "for example", "i.e.": "that is", "etc.": "et cetera"},
}

# Short emergency numbers said digit by digit ("nine one one"); in French "le 112" is "cent douze".
DIGIT_BY_DIGIT: Mapping[str, frozenset[str]] = {
    "en": frozenset({"112", "911", "999", "988", "111", "116"}),
}

# How a phone number's digits are grouped when said: French in pairs ("30 18"), English one by one.
# A language without an entry leaves numbers to the synthesiser.
PHONE_GROUPS: Mapping[str, int] = {"fr": 2, "en": 1}

MATERIAL_ICON = re.compile(r":material/[a-z0-9_]+:")
COLOURED = re.compile(r":[a-z]+\[([^\]]*)\]")  # :green[text] -> text
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [words](address) -> words; a picture -> its alt text
EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|~~|`)(?=\S)(.+?)(?<=\S)\1")
LINE_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
NUMBER = re.compile(r"(?<![\d,.])\d{3,}(?![\d,.]?\d)")
SPACES = re.compile(r"[ \t\u00a0\u202f]+")
SENTENCE_END = re.compile(r"[.!?:;…»\"')]$")


@functools.lru_cache(maxsize=4096)  # the same texts on every rerun: 0.1 ms each to make, once
def spoken(text: str, lang: str) -> str:
    """`text` (markdown) as words to read aloud in `lang`."""
    text = MATERIAL_ICON.sub("", text)
    text = COLOURED.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    for _ in range(2):  # ***both*** and **_nested_** marks
        text = EMPHASIS.sub(r"\2", text)
    text = LINE_MARK.sub("", text)
    text = _emoji_as_words(text, lang)
    text = _abbreviations(text, lang)
    text = NUMBER.sub(lambda match: _number(match.group(), lang), text)
    lines = [SPACES.sub(" ", line).strip() for line in text.replace("\\\n", "\n").splitlines()]
    return _sentences([line for line in lines if line])


def joined(parts: list[str]) -> str:
    """Several spoken texts read one after another, each its own sentence."""
    return _sentences([part for part in parts if part])


def _sentences(lines: list[str]) -> str:
    """Lines (list items, paragraphs) become sentences, so the voice pauses between them."""
    return " ".join(
        line if SENTENCE_END.search(line) or index == len(lines) - 1 else line + "."
        for index, line in enumerate(lines)
    )


def _emoji_as_words(text: str, lang: str) -> str:
    words = EMOJI_WORDS.get(lang, {})
    out = []
    for char in text:
        if char in words:
            out.append(f" {words[char]} ")
        elif _is_emoji_part(char):
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _is_emoji_part(char: str) -> bool:
    """A pictograph, a dingbat, a variation selector, a joiner or a skin tone: nothing to read."""
    code = ord(char)
    if code in (0x200D, 0xFE0F, 0xFE0E, 0x2640, 0x2642, 0x20E3) or 0x1F3FB <= code <= 0x1F3FF:
        return True
    return unicodedata.category(char) == "So" and (code >= 0x2190)


def _abbreviations(text: str, lang: str) -> str:
    for short, words in ABBREVIATIONS.get(lang, {}).items():
        before = r"(?<!\w)" if short[0].isalnum() else ""
        text = re.sub(before + re.escape(short) + r"(?!\w)", words, text)
    return text


def _number(digits: str, lang: str) -> str:
    """A phone number as it is said: French in pairs (3018 -> 30 18, 0800 -> 08 00), English digit by
    digit. Years (1900-2099) and other numbers are left to the synthesiser."""
    if digits in DIGIT_BY_DIGIT.get(lang, ()):
        return " ".join(digits)
    is_year = len(digits) == 4 and 1900 <= int(digits) <= 2099
    if len(digits) < 4 or is_year or (len(digits) > 4 and not digits.startswith("0")):
        return digits
    group = PHONE_GROUPS.get(lang)
    if group is None or len(digits) % group:
        return digits
    return " ".join(digits[i : i + group] for i in range(0, len(digits), group))
