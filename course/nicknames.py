"""Generated nicknames (adjective + noun) so that no child ever types a name.

A nickname is stored as a language-neutral key, 'brave-otter', and shown in the visitor's
language; French adjectives agree with the noun's gender. Children get animals ("Kind Hedgehog");
teenagers get words they would pick themselves ("Silent Comet"): WORDS_BY_BAND.
"""

from __future__ import annotations

import random

# id: (English, French masculine, French feminine)
ADJECTIVES = {
    "brave": ("Brave", "courageux", "courageuse"),
    "calm": ("Calm", "calme", "calme"),
    "clever": ("Clever", "malin", "maligne"),
    "curious": ("Curious", "curieux", "curieuse"),
    "cheerful": ("Cheerful", "joyeux", "joyeuse"),
    "gentle": ("Gentle", "doux", "douce"),
    "quick": ("Quick", "rapide", "rapide"),
    "bright": ("Bright", "brillant", "brillante"),
    "kind": ("Kind", "gentil", "gentille"),
    "bold": ("Bold", "audacieux", "audacieuse"),
    "wise": ("Wise", "sage", "sage"),
    "sunny": ("Sunny", "radieux", "radieuse"),
    "patient": ("Patient", "patient", "patiente"),
    "nimble": ("Nimble", "agile", "agile"),
    "proud": ("Proud", "fier", "fière"),
    "friendly": ("Friendly", "amical", "amicale"),
}

# id: (English, French, French gender)
ANIMALS = {
    "otter": ("Otter", "Loutre", "f"),
    "fox": ("Fox", "Renard", "m"),
    "owl": ("Owl", "Chouette", "f"),
    "dolphin": ("Dolphin", "Dauphin", "m"),
    "panda": ("Panda", "Panda", "m"),
    "turtle": ("Turtle", "Tortue", "f"),
    "lynx": ("Lynx", "Lynx", "m"),
    "zebra": ("Zebra", "Zèbre", "m"),
    "koala": ("Koala", "Koala", "m"),
    "penguin": ("Penguin", "Manchot", "m"),
    "squirrel": ("Squirrel", "Écureuil", "m"),
    "hedgehog": ("Hedgehog", "Hérisson", "m"),
    "giraffe": ("Giraffe", "Girafe", "f"),
    "whale": ("Whale", "Baleine", "f"),
    "bee": ("Bee", "Abeille", "f"),
    "eagle": ("Eagle", "Aigle", "m"),
}


TEEN_ADJECTIVES = {
    "swift": ("Swift", "vif", "vive"),
    "silent": ("Silent", "silencieux", "silencieuse"),
    "solar": ("Solar", "solaire", "solaire"),
    "electric": ("Electric", "électrique", "électrique"),
    "cosmic": ("Cosmic", "cosmique", "cosmique"),
    "lucky": ("Lucky", "chanceux", "chanceuse"),
    "steady": ("Steady", "posé", "posée"),
    "urban": ("Urban", "urbain", "urbaine"),
    "arctic": ("Arctic", "arctique", "arctique"),
    "sharp": ("Sharp", "affûté", "affûtée"),
}

TEEN_NOUNS = {
    "comet": ("Comet", "Comète", "f"),
    "falcon": ("Falcon", "Faucon", "m"),
    "nova": ("Nova", "Nova", "f"),
    "orbit": ("Orbit", "Orbite", "f"),
    "pixel": ("Pixel", "Pixel", "m"),
    "storm": ("Storm", "Tempête", "f"),
    "wave": ("Wave", "Vague", "f"),
    "summit": ("Summit", "Sommet", "m"),
    "rocket": ("Rocket", "Fusée", "f"),
    "circuit": ("Circuit", "Circuit", "m"),
    "glacier": ("Glacier", "Glacier", "m"),
    "meteor": ("Meteor", "Météore", "m"),
    "wolf": ("Wolf", "Loup", "m"),
    "raven": ("Raven", "Corbeau", "m"),
    "tiger": ("Tiger", "Tigre", "m"),
    "canyon": ("Canyon", "Canyon", "m"),
}

CHILD_WORDS = (ADJECTIVES, ANIMALS)
TEEN_WORDS = (TEEN_ADJECTIVES, TEEN_NOUNS)
WORDS_BY_BAND = {"7-10": CHILD_WORDS, "11-13": CHILD_WORDS, "14-17": TEEN_WORDS}
_ALL_ADJECTIVES = {**ADJECTIVES, **TEEN_ADJECTIVES}
_ALL_NOUNS = {**ANIMALS, **TEEN_NOUNS}


def all_keys(band: str | None = None) -> list[str]:
    """Every nickname offered to `band` (children's words when no band is known)."""
    adjectives, nouns = WORDS_BY_BAND.get(band or "", CHILD_WORDS)
    return [f"{adjective}-{noun}" for adjective in adjectives for noun in nouns]


def is_nickname(key: object) -> bool:
    if not isinstance(key, str) or "-" not in key:
        return False
    adjective, noun = key.split("-", 1)
    return any(adjective in adjectives and noun in nouns for adjectives, nouns in (CHILD_WORDS, TEEN_WORDS))


def display(key: str, lang: str) -> str:
    """'brave-otter' -> 'Brave Otter' / 'Loutre courageuse'."""
    if not is_nickname(key):
        return "?"
    adjective, animal = key.split("-", 1)
    english, masculine, feminine = _ALL_ADJECTIVES[adjective]
    animal_en, animal_fr, gender = _ALL_NOUNS[animal]
    if lang == "fr":
        return f"{animal_fr} {feminine if gender == 'f' else masculine}"
    return f"{english} {animal_en}"


def suggest(
    count: int = 3,
    taken: set[str] | frozenset[str] = frozenset(),
    rng: random.Random | None = None,
    band: str | None = None,
) -> list[str]:
    """`count` different nicknames for `band`, none of them in `taken` (fewer if almost all are taken)."""
    free = [key for key in all_keys(band) if key not in taken]
    return (rng or random.SystemRandom()).sample(free, min(count, len(free)))
