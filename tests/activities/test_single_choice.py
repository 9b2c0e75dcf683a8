from course.activities import Feedback, Result, grade
from tests.activities.factories import feedback, invalid, single_choice


def test_right_option_scores_one_with_its_own_feedback_only():
    assert grade(single_choice(), ["a"]) == Result(
        answer=("a",), correct=True, score=1.0, feedback=(Feedback("a", feedback("a"), True),)
    )


def test_wrong_option_scores_zero_with_its_own_feedback_only():
    assert grade(single_choice(), ("c",)) == Result(
        answer=("c",), correct=False, score=0.0, feedback=(Feedback("c", feedback("c"), False),)
    )


def test_no_option_is_invalid():
    assert invalid(single_choice(), []) == "expected exactly 1 option id, got 0"


def test_two_options_are_invalid():
    assert invalid(single_choice(), ["a", "b"]) == "expected exactly 1 option id, got 2"


def test_the_same_option_twice_is_invalid():
    assert invalid(single_choice(), ["a", "a"]) == "expected exactly 1 option id, got 2"


def test_unknown_option_is_invalid():
    assert invalid(single_choice(), ["z"]) == "unknown option 'z' (expected one of: a, b, c)"


def test_a_label_is_not_an_id():
    assert invalid(single_choice(), ["a (fr)"]) == "unknown option 'a (fr)' (expected one of: a, b, c)"
