from course.activities import Feedback, Result, grade
from tests.activities.factories import feedback, invalid, multiple_choice


def test_exactly_the_right_options_in_any_order_are_right_and_stored_in_content_order():
    assert grade(multiple_choice(), ["b", "a"]) == Result(
        answer=("a", "b"),
        correct=True,
        score=1.0,
        feedback=(
            Feedback("a", feedback("a"), True),
            Feedback("b", feedback("b"), True),
            Feedback("c", feedback("c"), True),
            Feedback("d", feedback("d"), True),
        ),
    )


def test_half_the_right_options_scores_half_with_feedback_on_every_option():
    assert grade(multiple_choice(), ["a"]) == Result(
        answer=("a",),
        correct=False,
        score=0.5,
        feedback=(
            Feedback("a", feedback("a"), True),
            Feedback("b", feedback("b"), False),
            Feedback("c", feedback("c"), True),
            Feedback("d", feedback("d"), True),
        ),
    )


def test_a_wrong_pick_cancels_a_right_pick():
    result = grade(multiple_choice(), ["a", "b", "c"])
    assert (result.correct, result.score) == (False, 0.5)
    assert [f.good for f in result.feedback] == [True, True, False, True]


def test_selecting_everything_scores_zero():
    result = grade(multiple_choice(), ["d", "c", "b", "a"])
    assert (result.answer, result.correct, result.score) == (("a", "b", "c", "d"), False, 0.0)


def test_only_wrong_picks_never_go_below_zero():
    result = grade(multiple_choice(), ["c", "d"])
    assert (result.correct, result.score) == (False, 0.0)
    assert [f.good for f in result.feedback] == [False, False, False, False]


def test_empty_selection_scores_zero_and_still_explains_every_option():
    result = grade(multiple_choice(), [])
    assert (result.answer, result.correct, result.score) == ((), False, 0.0)
    assert [(f.item_id, f.good) for f in result.feedback] == [
        ("a", False),
        ("b", False),
        ("c", True),
        ("d", True),
    ]


def test_score_is_divided_by_the_number_of_right_options():
    result = grade(multiple_choice(correct=("a", "b", "c")), ["a", "b"])
    assert (result.correct, result.score) == (False, 2 / 3)


def test_duplicate_option_is_invalid():
    assert invalid(multiple_choice(), ["a", "b", "a"]) == "option 'a' is given more than once"


def test_unknown_option_is_invalid():
    assert invalid(multiple_choice(), ["a", "e"]) == "unknown option 'e' (expected one of: a, b, c, d)"


def test_without_right_options_only_the_empty_selection_is_right():
    nothing_right = multiple_choice(correct=())
    assert grade(nothing_right, []).correct is True
    assert grade(nothing_right, []).score == 1.0
    assert grade(nothing_right, ["a"]).correct is False
    assert grade(nothing_right, ["a"]).score == 0.0
