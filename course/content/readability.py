"""Readability of a text per language, with a published formula for each.

English: Flesch–Kincaid grade level (Kincaid et al., 1975):
    0.39 × words/sentence + 11.8 × syllables/word − 15.59   (a school grade; lower is easier)
French: Kandel & Moles (1958), Flesch's reading ease adapted to French:
    207 − 1.015 × words/sentence − 73.6 × syllables/word   (0–100; higher is easier)

Syllables: English words are counted with pyphen's hyphenation dictionary (shipped with the package,
works offline). French hyphenation dictionaries deliberately avoid breaks such as "é-cole", so
French syllables are counted as groups of written vowels, a final mute "e"/"es" not counted, and
"qu"/"gu" + vowel read as a consonant: the convention used when Kandel–Moles is computed by hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pyphen

SENTENCE_END = re.compile(r"[.!?…:;]+(?=\s|$)|\n\s*\n|\n\s*[-*]\s")
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+(?:['’][A-Za-zÀ-ÖØ-öø-ÿŒœÆæ]+)*")
MARKDOWN = re.compile(r"[*_#>`~\[\]()]|https?://\S+|\S+\.(?:fr|org|uk|gouv|ca|ch|be|com)\S*")
FRENCH_VOWELS = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]+")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(self.sentences, 1)

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / max(self.words, 1)

    def flesch_kincaid_grade(self) -> float:
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59

    def kandel_moles(self) -> float:
        return 207 - 1.015 * self.words_per_sentence - 73.6 * self.syllables_per_word


def measure(texts: list[str], lang: str) -> Readability:
    """Counts over several texts (each text ends at least one sentence)."""
    words = sentences = syllables = 0
    for text in texts:
        plain = MARKDOWN.sub(" ", text)
        found = WORD.findall(plain)
        if not found:
            continue
        words += len(found)
        syllables += sum(count_syllables(word, lang) for word in found)
        pieces = [piece for piece in SENTENCE_END.split(plain) if WORD.search(piece)]
        sentences += max(len(pieces), 1)
    return Readability(words, sentences, syllables)


def count_syllables(word: str, lang: str) -> int:
    return RULES[lang].syllables(word.lower())


@cache
def _english_dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US", left=1, right=1)


@cache
def _english_syllables(word: str) -> int:
    return len(_english_dictionary().positions(word)) + 1


@cache
def _french_syllables(word: str) -> int:
    word = re.sub(r"[qg]u(?=[aeioéèêy])", "k", word.replace("’", "'").split("'")[-1])
    groups = FRENCH_VOWELS.findall(word)
    count = len(groups)
    if count > 1 and re.search(r"[^aeiouyéèêëàâîïôûù]es?$", word):
        count -= 1
    return max(count, 1)


def check_band(reading: Readability, lang: str, band: str) -> tuple[float, str] | None:
    """(score, what is wrong) if the text is too hard for `band`, else None (also for a language or a
    band without a rule: `course check` reports those once, not per file)."""
    rule = RULES.get(lang)
    if reading.words < 40 or rule is None or band not in rule.limits:
        return None  # too little text for a formula to mean anything
    return rule.judge(reading, band)


@dataclass(frozen=True)
class Rule:
    """A language's published formula and its limit per band (a ceiling, or a floor when a higher
    score is easier)."""

    name: str
    syllables: Callable[[str], int]
    score: Callable[[Readability], float]
    limits: dict[str, float]
    higher_is_easier: bool = False
    digits: int = 1  # how the score is written in a message

    def judge(self, reading: Readability, band: str) -> tuple[float, str] | None:
        score, limit = self.score(reading), self.limits[band]
        if (score < limit) if self.higher_is_easier else (score > limit):
            side, shown = (
                ("below", f"{limit:.{self.digits}f}") if self.higher_is_easier else ("above", f"{limit}")
            )
            return score, f"{self.name} {score:.{self.digits}f} is {side} {shown} for {band}"
        return None


# The readability rule of each language, by code. Bands span about four school years; pupils at the
# younger end of a band are read to or read along in class, so the limit is the reading level reached in
# the band's last years: 7–10 ≈ US grade 4 (CM1), 11–13 ≈ grade 7 (5e), 14–17 ≈ grade 9 (3e/2de); adults
# get plain language (grade 12 at most). French thresholds follow Kandel–Moles' reading-ease bands for
# the same levels: ≥ 70 "easy" (primary school), ≥ 60 "fairly easy", ≥ 50 "standard", ≥ 40 for adults.
# A released language needs its rule, with a limit for every band of course/data/bands.yaml (a test and
# `course check` say so).
RULES: dict[str, Rule] = {
    "en": Rule(
        "Flesch-Kincaid grade",
        _english_syllables,
        Readability.flesch_kincaid_grade,
        {"7-10": 4.5, "11-13": 7.0, "14-17": 9.0, "parents": 12.0, "teachers": 12.0},
    ),
    "fr": Rule(
        "Kandel-Moles",
        _french_syllables,
        Readability.kandel_moles,
        {"7-10": 70.0, "11-13": 60.0, "14-17": 50.0, "parents": 40.0, "teachers": 40.0},
        higher_is_easier=True,
        digits=0,
    ),
}
