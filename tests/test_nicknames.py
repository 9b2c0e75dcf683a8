import random

from course import nicknames


def test_display_in_both_languages_with_french_agreement():
    assert nicknames.display("brave-otter", "en") == "Brave Otter"
    assert nicknames.display("brave-otter", "fr") == "Loutre courageuse"
    assert nicknames.display("brave-fox", "fr") == "Renard courageux"
    assert nicknames.display("<script>-x", "fr") == "?"


def test_suggestions_are_distinct_valid_and_avoid_taken_names():
    taken = set(nicknames.all_keys()[:250])
    picked = nicknames.suggest(3, taken, random.Random(1))
    assert len(set(picked)) == 3
    assert all(nicknames.is_nickname(key) and key not in taken for key in picked)
    last_two = set(nicknames.suggest(10, set(nicknames.all_keys()[:-2]), random.Random(2)))
    assert len(last_two) == 10 and all(nicknames.is_nickname(key) for key in last_two)


def test_numbers_come_only_once_few_pairs_are_free():
    pairs = nicknames.all_keys()
    many_free = set(pairs[: len(pairs) - nicknames.SPREAD])
    few_free = set(pairs[: len(pairs) - nicknames.SPREAD + 1])
    for seed in range(20):
        assert not set(nicknames.suggest(3, many_free, random.Random(seed))) & set(many_free)
        assert all(key.count("-") == 1 for key in nicknames.suggest(3, many_free, random.Random(seed)))
    drawn = {key for seed in range(50) for key in nicknames.suggest(3, few_free, random.Random(seed))}
    assert any(key.endswith("-2") for key in drawn) and any(key.count("-") == 1 for key in drawn)


def test_a_class_that_took_every_pair_is_offered_numbered_nicknames():
    pairs = nicknames.all_keys("14-17")
    offered = nicknames.suggest(3, set(pairs), random.Random(4), band="14-17")
    assert len(set(offered)) == 3 and all(key.endswith("-2") for key in offered)
    taken = set(pairs) | {nicknames.numbered(key, 2) for key in pairs}
    offered = nicknames.suggest(3, taken, random.Random(4), band="14-17")
    assert len(set(offered)) == 3 and all(key.endswith("-3") for key in offered)
    assert all(nicknames.is_nickname(key) for key in offered)
    assert nicknames.display("silent-comet-2", "en") == "Silent Comet 2"
    assert nicknames.display("silent-comet-12", "fr") == "Comète silencieuse 12"


def test_only_well_formed_numbers_make_a_nickname():
    for key in (
        "brave-otter-1",
        "brave-otter-0",
        "brave-otter-02",
        "brave-otter-x",
        "brave-otter-2-2",
        "brave-otter-",
    ):
        assert not nicknames.is_nickname(key) and nicknames.display(key, "en") == "?", key


def test_every_nickname_reads_well_in_both_languages():
    for key in nicknames.all_keys():
        for lang in ("fr", "en"):
            words = nicknames.display(key, lang).split(" ")
            assert len(words) == 2 and all(words), (key, lang)


def test_teenagers_are_offered_their_own_words_and_children_animals():
    teen = nicknames.suggest(5, band="14-17", rng=random.Random(3))
    child = nicknames.suggest(5, band="7-10", rng=random.Random(3))
    assert all(key.split("-", 1)[1] in nicknames.TEEN_NOUNS for key in teen)
    assert all(key.split("-", 1)[1] in nicknames.ANIMALS for key in child)
    assert all(nicknames.is_nickname(key) for key in teen + child)
    assert nicknames.display("silent-comet", "en") == "Silent Comet"
    assert nicknames.display("silent-comet", "fr") == "Comète silencieuse"  # agrees with the noun
    assert nicknames.display("swift-falcon", "fr") == "Faucon vif"
    assert not nicknames.is_nickname("silent-otter")  # words of two lists never mix


def test_every_teen_nickname_reads_in_both_languages():
    for key in nicknames.all_keys("14-17"):
        assert nicknames.display(key, "fr") != "?" and nicknames.display(key, "en") != "?"
