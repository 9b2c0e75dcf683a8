from course.activities import Feedback, Result, grade
from tests.activities.factories import feedback, invalid, spot_details


def test_picking_exactly_the_personal_parts_is_right_with_feedback_on_every_part():
    assert grade(spot_details(), ["school", "name"]) == Result(
        answer=("name", "school"),
        correct=True,
        score=1.0,
        feedback=(
            Feedback("name", feedback("name"), True),
            Feedback("pet", feedback("pet"), True),
            Feedback("school", feedback("school"), True),
        ),
    )


def test_one_personal_part_of_two_scores_half():
    result = grade(spot_details(), ["school"])
    assert (result.answer, result.correct, result.score) == (("school",), False, 0.5)
    assert [f.good for f in result.feedback] == [False, True, True]


def test_a_harmless_part_cancels_a_personal_one():
    result = grade(spot_details(), ["pet", "school"])
    assert (result.answer, result.correct, result.score) == (("pet", "school"), False, 0.0)
    assert [f.good for f in result.feedback] == [False, False, True]


def test_empty_selection_scores_zero():
    result = grade(spot_details(), [])
    assert (result.answer, result.correct, result.score) == ((), False, 0.0)
    assert [f.good for f in result.feedback] == [False, True, False]


def test_duplicate_part_is_invalid():
    assert invalid(spot_details(), ["name", "name"]) == "part 'name' is given more than once"


def test_unknown_part_is_invalid():
    assert invalid(spot_details(), ["age"]) == "unknown part 'age' (expected one of: name, pet, school)"
