"""Generated nicknames (adjective + noun) so that no child ever types a name.

A nickname is stored as a language-neutral key, 'brave-otter', and shown in the visitor's language:
`SAY` holds, per language code, its words for the ids and how it puts them together (French adjectives
agree with the noun's gender and come after it). Children get animals ("Kind Hedgehog"); teenagers get
words they would pick themselves ("Silent Comet"): WORDS_BY_BAND. A released language needs its words
for every id (a test says so). Once every pair is taken in a class (a whole year group joining one
session), the pairs come back with a number: 'brave-otter-2', "Brave Otter 2".
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable

from course import languages

# The ids (the stored keys), by kind of word.
ADJECTIVES = (
    "brave", "calm", "clever", "curious", "cheerful", "gentle", "quick", "bright", "kind", "bold",
    "wise", "sunny", "patient", "nimble", "proud", "friendly",
)  # fmt: skip
ANIMALS = (
    "otter", "fox", "owl", "dolphin", "panda", "turtle", "lynx", "zebra", "koala", "penguin",
    "squirrel", "hedgehog", "giraffe", "whale", "bee", "eagle",
)  # fmt: skip
TEEN_ADJECTIVES = (
    "swift", "silent", "solar", "electric", "cosmic", "lucky", "steady", "urban", "arctic", "sharp",
)  # fmt: skip
TEEN_NOUNS = (
    "comet", "falcon", "nova", "orbit", "pixel", "storm", "wave", "summit", "rocket", "circuit",
    "glacier", "meteor", "wolf", "raven", "tiger", "canyon",
)  # fmt: skip

CHILD_WORDS = (ADJECTIVES, ANIMALS)
TEEN_WORDS = (TEEN_ADJECTIVES, TEEN_NOUNS)
# The words each band is offered (every band has its entry: tests/test_bands.py); adults at a parent
# evening get the children's.
WORDS_BY_BAND = {
    "7-10": CHILD_WORDS,
    "11-13": CHILD_WORDS,
    "14-17": TEEN_WORDS,
    "parents": CHILD_WORDS,
    "teachers": CHILD_WORDS,
}

# English: id -> word, the adjective first.
ENGLISH = {
    "brave": "Brave",
    "calm": "Calm",
    "clever": "Clever",
    "curious": "Curious",
    "cheerful": "Cheerful",
    "gentle": "Gentle",
    "quick": "Quick",
    "bright": "Bright",
    "kind": "Kind",
    "bold": "Bold",
    "wise": "Wise",
    "sunny": "Sunny",
    "patient": "Patient",
    "nimble": "Nimble",
    "proud": "Proud",
    "friendly": "Friendly",
    "otter": "Otter",
    "fox": "Fox",
    "owl": "Owl",
    "dolphin": "Dolphin",
    "panda": "Panda",
    "turtle": "Turtle",
    "lynx": "Lynx",
    "zebra": "Zebra",
    "koala": "Koala",
    "penguin": "Penguin",
    "squirrel": "Squirrel",
    "hedgehog": "Hedgehog",
    "giraffe": "Giraffe",
    "whale": "Whale",
    "bee": "Bee",
    "eagle": "Eagle",
    "swift": "Swift",
    "silent": "Silent",
    "solar": "Solar",
    "electric": "Electric",
    "cosmic": "Cosmic",
    "lucky": "Lucky",
    "steady": "Steady",
    "urban": "Urban",
    "arctic": "Arctic",
    "sharp": "Sharp",
    "comet": "Comet",
    "falcon": "Falcon",
    "nova": "Nova",
    "orbit": "Orbit",
    "pixel": "Pixel",
    "storm": "Storm",
    "wave": "Wave",
    "summit": "Summit",
    "rocket": "Rocket",
    "circuit": "Circuit",
    "glacier": "Glacier",
    "meteor": "Meteor",
    "wolf": "Wolf",
    "raven": "Raven",
    "tiger": "Tiger",
    "canyon": "Canyon",
}

# French: adjective id -> (masculine, feminine); noun id -> (noun, its gender); the noun first.
FRENCH_ADJECTIVES = {
    "brave": ("courageux", "courageuse"),
    "calm": ("calme", "calme"),
    "clever": ("malin", "maligne"),
    "curious": ("curieux", "curieuse"),
    "cheerful": ("joyeux", "joyeuse"),
    "gentle": ("doux", "douce"),
    "quick": ("rapide", "rapide"),
    "bright": ("brillant", "brillante"),
    "kind": ("gentil", "gentille"),
    "bold": ("audacieux", "audacieuse"),
    "wise": ("sage", "sage"),
    "sunny": ("radieux", "radieuse"),
    "patient": ("patient", "patiente"),
    "nimble": ("agile", "agile"),
    "proud": ("fier", "fière"),
    "friendly": ("amical", "amicale"),
    "swift": ("vif", "vive"),
    "silent": ("silencieux", "silencieuse"),
    "solar": ("solaire", "solaire"),
    "electric": ("électrique", "électrique"),
    "cosmic": ("cosmique", "cosmique"),
    "lucky": ("chanceux", "chanceuse"),
    "steady": ("posé", "posée"),
    "urban": ("urbain", "urbaine"),
    "arctic": ("arctique", "arctique"),
    "sharp": ("affûté", "affûtée"),
}
FRENCH_NOUNS = {
    "otter": ("Loutre", "f"),
    "fox": ("Renard", "m"),
    "owl": ("Chouette", "f"),
    "dolphin": ("Dauphin", "m"),
    "panda": ("Panda", "m"),
    "turtle": ("Tortue", "f"),
    "lynx": ("Lynx", "m"),
    "zebra": ("Zèbre", "m"),
    "koala": ("Koala", "m"),
    "penguin": ("Manchot", "m"),
    "squirrel": ("Écureuil", "m"),
    "hedgehog": ("Hérisson", "m"),
    "giraffe": ("Girafe", "f"),
    "whale": ("Baleine", "f"),
    "bee": ("Abeille", "f"),
    "eagle": ("Aigle", "m"),
    "comet": ("Comète", "f"),
    "falcon": ("Faucon", "m"),
    "nova": ("Nova", "f"),
    "orbit": ("Orbite", "f"),
    "pixel": ("Pixel", "m"),
    "storm": ("Tempête", "f"),
    "wave": ("Vague", "f"),
    "summit": ("Sommet", "m"),
    "rocket": ("Fusée", "f"),
    "circuit": ("Circuit", "m"),
    "glacier": ("Glacier", "m"),
    "meteor": ("Météore", "m"),
    "wolf": ("Loup", "m"),
    "raven": ("Corbeau", "m"),
    "tiger": ("Tigre", "m"),
    "canyon": ("Canyon", "m"),
}


def _english(adjective: str, noun: str) -> str:
    return f"{ENGLISH[adjective]} {ENGLISH[noun]}"


def _french(adjective: str, noun: str) -> str:
    word, gender = FRENCH_NOUNS[noun]
    masculine, feminine = FRENCH_ADJECTIVES[adjective]
    return f"{word} {feminine if gender == 'f' else masculine}"


# How each language says a nickname, by code: (adjective id, noun id) -> the nickname.
SAY: dict[str, Callable[[str, str], str]] = {"en": _english, "fr": _french}


def all_keys(band: str | None = None) -> list[str]:
    """Every nickname offered to `band` (children's words when no band is known)."""
    adjectives, nouns = WORDS_BY_BAND.get(band or "", CHILD_WORDS)
    return [f"{adjective}-{noun}" for adjective in adjectives for noun in nouns]


SPREAD = 32  # the fewest free nicknames the offer is drawn from
KEY = re.compile(r"([a-z]+)-([a-z]+)(?:-([2-9]|[1-9][0-9]+))?")  # adjective-noun, a number from 2 on


def _parts(key: object) -> tuple[str, str, str] | None:
    """'brave-otter-2' -> ('brave', 'otter', '2'); 'brave-otter' -> ('brave', 'otter', ''); else None."""
    match = KEY.fullmatch(key) if isinstance(key, str) else None
    if match is None:
        return None
    adjective, noun, number = match.groups(default="")
    if not any(adjective in adjectives and noun in nouns for adjectives, nouns in (CHILD_WORDS, TEEN_WORDS)):
        return None
    return adjective, noun, number


def is_nickname(key: object) -> bool:
    return _parts(key) is not None


def display(key: str, lang: str) -> str:
    """'brave-otter' -> 'Brave Otter' / 'Loutre courageuse'; 'brave-otter-2' -> 'Brave Otter 2'."""
    parts = _parts(key)
    if parts is None:
        return "?"
    adjective, noun, number = parts
    say = SAY.get(lang) or SAY[languages.default()]  # a draft without its words yet
    return f"{say(adjective, noun)} {number}".rstrip()


def numbered(key: str, number: int) -> str:
    """The pair `key` the `number`th time it is given in a class: the first time without a number."""
    return key if number == 1 else f"{key}-{number}"


def suggest(
    count: int = 3,
    taken: set[str] | frozenset[str] = frozenset(),
    rng: random.Random | None = None,
    band: str | None = None,
) -> list[str]:
    """`count` different nicknames for `band`, none of them in `taken`, drawn from at least SPREAD free
    ones: pairs without a number while enough are free, then numbered ones too, so that a class of any
    size can join and pupils joining at the same moment rarely pick the same one."""
    rng = rng or random.SystemRandom()
    pairs = all_keys(band)
    free: list[str] = []
    for number in itertools.count(1):
        free += [key for key in (numbered(pair, number) for pair in pairs) if key not in taken]
        if len(free) >= max(count, SPREAD):
            return rng.sample(free, count)
    raise AssertionError("unreachable: a number with every pair free always comes")
