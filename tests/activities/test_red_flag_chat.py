from course.activities import Feedback, Result, grade
from tests.activities.factories import feedback, invalid, red_flag_chat


def test_picking_exactly_the_red_flags_is_right_with_feedback_on_every_message():
    assert grade(red_flag_chat(), ["m4", "m2"]) == Result(
        answer=("m2", "m4"),
        correct=True,
        score=1.0,
        feedback=(
            Feedback("m1", feedback("m1"), True),
            Feedback("m2", feedback("m2"), True),
            Feedback("m3", feedback("m3"), True),
            Feedback("m4", feedback("m4"), True),
        ),
    )


def test_missing_a_red_flag_scores_half():
    result = grade(red_flag_chat(), ["m2"])
    assert (result.answer, result.correct, result.score) == (("m2",), False, 0.5)
    assert [f.good for f in result.feedback] == [True, True, True, False]


def test_flagging_a_harmless_message_costs_a_right_pick():
    result = grade(red_flag_chat(), ["m1", "m2", "m4"])
    assert (result.correct, result.score) == (False, 0.5)
    assert [f.good for f in result.feedback] == [False, True, True, True]


def test_only_harmless_messages_score_zero():
    result = grade(red_flag_chat(), ["m1", "m3"])
    assert (result.correct, result.score) == (False, 0.0)


def test_empty_selection_scores_zero():
    result = grade(red_flag_chat(), [])
    assert (result.answer, result.correct, result.score) == ((), False, 0.0)
    assert [f.good for f in result.feedback] == [True, False, True, False]


def test_duplicate_message_is_invalid():
    assert invalid(red_flag_chat(), ["m2", "m2", "m4"]) == "message 'm2' is given more than once"


def test_unknown_message_is_invalid():
    assert invalid(red_flag_chat(), ["m9"]) == "unknown message 'm9' (expected one of: m1, m2, m3, m4)"
