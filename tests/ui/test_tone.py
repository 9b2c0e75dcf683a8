"""Words that fit the age: teenagers are not called children, nor offered cuddly-animal nicknames."""

from course import nicknames
from course.locales import t_band
from tests.ui.apptest import open_page, start, use_database


def test_teens_read_adult_and_children_read_grown_up():
    for key in ("lesson.discussion_home_help", "lesson.talk_at_home_help"):
        for band in ("11-13", "14-17"):
            assert "grown-up" not in t_band(key, "en", band)
        assert "grown-up" in t_band(key, "en", "7-10")
    assert t_band("lesson.discussion_home_help", "en", None) == t_band(
        "lesson.discussion_home_help", "en", "14-17"
    )


def test_a_teen_lesson_offers_teen_nicknames_and_a_child_lesson_animals(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    for lesson_id, words in (
        ("sextortion-14-17", nicknames.TEEN_NOUNS),
        ("grooming-7-10", nicknames.ANIMALS),
    ):
        at = open_page(start("en-GB", lesson=lesson_id), "lesson")
        offered = [b.key.split(":", 1)[1] for b in at.button if b.key and b.key.startswith("nickname:")]
        assert len(offered) == 3
        assert all(key.split("-", 1)[1] in words for key in offered), (lesson_id, offered)
