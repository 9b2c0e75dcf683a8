import subprocess
import sys

from course.activities import Feedback, Result, grade
from course.activities.ordering import initial_order
from tests.activities.factories import feedback, invalid, ordering
from tests.conftest import ROOT


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


def test_initial_order_is_a_fixed_shuffle_of_the_items():
    activity = ordering(("a", "b", "c", "d", "e"), activity_id="sextortion-steps")
    assert initial_order(activity) == ["d", "a", "c", "b", "e"]
    assert initial_order(activity) == initial_order(activity)


def test_initial_order_is_the_same_in_another_process_with_another_hash_seed():
    code = (
        "from course.activities.ordering import initial_order;"
        "from tests.activities.factories import ordering;"
        "print(initial_order(ordering(('a', 'b', 'c', 'd', 'e'), activity_id='sextortion-steps')))"
    )
    for seed in ("1", "2"):
        output = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert output == "['d', 'a', 'c', 'b', 'e']\n"


def test_initial_order_is_never_the_right_order():
    orders = [initial_order(ordering(activity_id=f"steps-{n}")) for n in range(60)]
    assert all(sorted(order) == ["first", "second", "third"] for order in orders)
    assert ["first", "second", "third"] not in orders
    assert len({tuple(order) for order in orders}) == 5


def test_a_shuffle_that_lands_on_the_right_order_is_turned_by_one():
    # "steps-4" is an id whose hashed order happens to be the content order.
    assert initial_order(ordering(activity_id="steps-4")) == ["second", "third", "first"]


def test_two_items_always_start_swapped():
    assert {tuple(initial_order(ordering(("x", "y"), activity_id=f"pair-{n}"))) for n in range(20)} == {
        ("y", "x")
    }
