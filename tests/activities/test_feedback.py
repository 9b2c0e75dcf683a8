from course.activities import grade
from course.activities.feedback import feedback_to_show
from tests.activities.factories import multiple_choice, ordering, settings, single_choice


def ids(lines):
    return [line.item_id for line in lines]


def test_a_wrong_first_try_explains_only_the_options_picked():
    activity = multiple_choice(("a", "b", "c", "d"), correct=("a", "b"))
    result = grade(activity, ["a", "c"])
    assert ids(feedback_to_show(activity, result, full=False)) == ["a", "c"]


def test_a_right_answer_or_a_second_try_explains_every_option():
    activity = multiple_choice(("a", "b", "c", "d"), correct=("a", "b"))
    assert ids(feedback_to_show(activity, grade(activity, ["a", "b"]), full=False)) == ["a", "b", "c", "d"]
    assert ids(feedback_to_show(activity, grade(activity, ["a", "c"]), full=True)) == ["a", "b", "c", "d"]


def test_the_explanations_follow_the_shown_order():
    activity = multiple_choice(("a", "b", "c", "d"), correct=("a", "b"))
    result = grade(activity, ["a", "b"])
    assert ids(feedback_to_show(activity, result, full=True, order=["d", "b", "a", "c"])) == [
        "d",
        "b",
        "a",
        "c",
    ]


def test_a_wrong_first_ordering_or_settings_marks_no_part():
    steps = ordering()
    assert feedback_to_show(steps, grade(steps, ["second", "first", "third"]), full=False) == []
    assert ids(feedback_to_show(steps, grade(steps, ["second", "first", "third"]), full=True)) == [
        "second",
        "first",
        "third",
    ]
    switches = settings(("location", False, True), ("private", True, False))
    assert feedback_to_show(switches, grade(switches, ["location:on", "private:on"]), full=False) == []


def test_a_single_choice_explains_the_choice_made():
    activity = single_choice(("a", "b", "c"), correct="a")
    assert ids(feedback_to_show(activity, grade(activity, ["b"]), full=False)) == ["b"]
