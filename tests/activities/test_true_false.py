from course.activities import Feedback, Result, grade
from tests.activities.factories import feedback, invalid, true_false


def test_true_for_a_true_statement_is_right_with_the_true_feedback():
    assert grade(true_false(answer=True), ["true"]) == Result(
        answer=("true",), correct=True, score=1.0, feedback=(Feedback("true", feedback("true"), True),)
    )


def test_false_for_a_true_statement_is_wrong_with_the_false_feedback():
    assert grade(true_false(answer=True), ["false"]) == Result(
        answer=("false",), correct=False, score=0.0, feedback=(Feedback("false", feedback("false"), False),)
    )


def test_false_for_a_false_statement_is_right():
    assert grade(true_false(answer=False), ("false",)) == Result(
        answer=("false",), correct=True, score=1.0, feedback=(Feedback("false", feedback("false"), True),)
    )


def test_true_for_a_false_statement_is_wrong():
    assert grade(true_false(answer=False), ("true",)) == Result(
        answer=("true",), correct=False, score=0.0, feedback=(Feedback("true", feedback("true"), False),)
    )


def test_other_spellings_are_invalid():
    assert invalid(true_false(), ["yes"]) == "expected 'true' or 'false', got 'yes'"
    assert invalid(true_false(), ["True"]) == "expected 'true' or 'false', got 'True'"


def test_no_value_or_both_values_are_invalid():
    assert invalid(true_false(), []) == "expected exactly 1 value ('true' or 'false'), got 0"
    assert invalid(true_false(), ["true", "false"]) == "expected exactly 1 value ('true' or 'false'), got 2"
