from course.activities import Feedback, Result, grade
from tests.activities.factories import feedback, invalid, ordering


def test_the_content_order_is_right():
    assert grade(ordering(), ["first", "second", "third"]) == Result(
        answer=("first", "second", "third"),
        correct=True,
        score=1.0,
        feedback=(
            Feedback("first", feedback("first"), True),
            Feedback("second", feedback("second"), True),
            Feedback("third", feedback("third"), True),
        ),
    )


def test_partly_right_order_scores_the_items_in_place_with_feedback_in_the_learners_order():
    assert grade(ordering(), ["third", "second", "first"]) == Result(
        answer=("third", "second", "first"),
        correct=False,
        score=1 / 3,
        feedback=(
            Feedback("third", feedback("third"), False),
            Feedback("second", feedback("second"), True),
            Feedback("first", feedback("first"), False),
        ),
    )


def test_no_item_in_place_scores_zero():
    result = grade(ordering(), ("second", "third", "first"))
    assert (result.answer, result.correct, result.score) == (("second", "third", "first"), False, 0.0)
    assert [f.good for f in result.feedback] == [False, False, False]


def test_a_missing_item_is_invalid():
    assert (
        invalid(ordering(), ["first", "second"]) == "missing items: third (each must be given exactly once)"
    )


def test_an_empty_order_is_invalid():
    assert invalid(ordering(), []) == "missing items: first, second, third (each must be given exactly once)"


def test_a_repeated_item_is_invalid():
    assert (
        invalid(ordering(), ["first", "second", "third", "first"]) == "item 'first' is given more than once"
    )
    assert invalid(ordering(), ["first", "first", "third"]) == "item 'first' is given more than once"


def test_an_unknown_item_is_invalid():
    assert (
        invalid(ordering(), ["first", "second", "fourth"])
        == "unknown item 'fourth' (expected one of: first, second, third)"
    )
