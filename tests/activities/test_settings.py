from course.activities import Feedback, Result, grade
from course.activities.settings import answer_for, start_answer
from tests.activities.factories import feedback, invalid, settings

# The default profile: private (safe on, starts off), location (safe off, starts on), tags (safe off, starts off).


def test_start_answer_gives_the_starting_positions_in_content_order():
    assert start_answer(settings()) == ("private:off", "location:on", "tags:off")


def test_answer_for_writes_positions_in_content_order():
    positions = {"tags": True, "location": False, "private": True}
    assert answer_for(settings(), positions) == ("private:on", "location:off", "tags:on")


def test_every_toggle_safe_is_right_and_stored_in_content_order():
    assert grade(settings(), ["tags:off", "private:on", "location:off"]) == Result(
        answer=("private:on", "location:off", "tags:off"),
        correct=True,
        score=1.0,
        feedback=(
            Feedback("private", feedback("private"), True),
            Feedback("location", feedback("location"), True),
            Feedback("tags", feedback("tags"), True),
        ),
    )


def test_leaving_the_start_positions_scores_the_toggles_already_safe():
    assert grade(settings(), start_answer(settings())) == Result(
        answer=("private:off", "location:on", "tags:off"),
        correct=False,
        score=1 / 3,
        feedback=(
            Feedback("private", feedback("private"), False),
            Feedback("location", feedback("location"), False),
            Feedback("tags", feedback("tags"), True),
        ),
    )


def test_two_safe_toggles_of_three_score_two_thirds():
    result = grade(settings(), ["private:on", "location:on", "tags:off"])
    assert (result.correct, result.score) == (False, 2 / 3)
    assert [f.good for f in result.feedback] == [True, False, True]


def test_every_toggle_unsafe_scores_zero():
    result = grade(settings(), ["private:off", "location:on", "tags:on"])
    assert (result.correct, result.score) == (False, 0.0)


def test_malformed_positions_are_invalid():
    expected = "'{}' is not written toggle_id:on or toggle_id:off"
    for value in ("private=on", "private:yes", "private", "private:on:off", "private:"):
        assert invalid(settings(), [value, "location:off", "tags:off"]) == expected.format(value)


def test_a_missing_toggle_is_invalid():
    assert (
        invalid(settings(), ["private:on", "location:off"])
        == "missing toggles: tags (each must be given exactly once)"
    )
    assert (
        invalid(settings(), [])
        == "missing toggles: private, location, tags (each must be given exactly once)"
    )


def test_a_toggle_set_twice_is_invalid():
    assert (
        invalid(settings(), ["private:on", "private:off", "location:off", "tags:off"])
        == "toggle 'private' is given more than once"
    )


def test_an_unknown_toggle_is_invalid():
    assert (
        invalid(settings(), ["private:on", "location:off", "tags:off", "camera:on"])
        == "unknown toggle 'camera' (expected one of: private, location, tags)"
    )
