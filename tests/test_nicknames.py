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
    assert len(nicknames.suggest(10, set(nicknames.all_keys()[:-2]))) == 2


def test_every_nickname_reads_well_in_both_languages():
    for key in nicknames.all_keys():
        for lang in ("fr", "en"):
            words = nicknames.display(key, lang).split(" ")
            assert len(words) == 2 and all(words), (key, lang)
