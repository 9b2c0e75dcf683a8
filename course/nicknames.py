"""Generated nicknames (adjective + animal) so that no child ever types a name.

A nickname is stored as a language-neutral key, 'brave-otter', and shown in the visitor's
language; French adjectives agree with the animal's gender.
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


def all_keys() -> list[str]:
    return [f"{adjective}-{animal}" for adjective in ADJECTIVES for animal in ANIMALS]


def is_nickname(key: object) -> bool:
    if not isinstance(key, str) or "-" not in key:
        return False
    adjective, animal = key.split("-", 1)
    return adjective in ADJECTIVES and animal in ANIMALS


def display(key: str, lang: str) -> str:
    """'brave-otter' -> 'Brave Otter' / 'Loutre courageuse'."""
    if not is_nickname(key):
        return "?"
    adjective, animal = key.split("-", 1)
    english, masculine, feminine = ADJECTIVES[adjective]
    animal_en, animal_fr, gender = ANIMALS[animal]
    if lang == "fr":
        return f"{animal_fr} {feminine if gender == 'f' else masculine}"
    return f"{english} {animal_en}"


def suggest(
    count: int = 3, taken: set[str] | frozenset[str] = frozenset(), rng: random.Random | None = None
) -> list[str]:
    """`count` different nicknames, none of them in `taken` (fewer if almost all are taken)."""
    free = [key for key in all_keys() if key not in taken]
    return (rng or random.SystemRandom()).sample(free, min(count, len(free)))
