import subprocess
import sys

from course.activities.order import in_order, shown_ids
from tests.activities.factories import multiple_choice, ordering, red_flag_chat, single_choice
from tests.conftest import ROOT

FOUR = ("a", "b", "c", "d")


def test_one_learner_sees_the_same_order_every_time():
    activity = single_choice(FOUR)
    assert shown_ids(activity, "learner-1") == shown_ids(activity, "learner-1")
    assert sorted(shown_ids(activity, "learner-1")) == list(FOUR)


def test_the_order_is_the_same_in_another_process_with_another_hash_seed():
    code = (
        "from course.activities.order import shown_ids;"
        "from tests.activities.factories import single_choice;"
        "print(shown_ids(single_choice(('a', 'b', 'c', 'd')), 'learner-1', 'run-1'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {f"{shown_ids(single_choice(FOUR), 'learner-1', 'run-1')}\n"}


def test_over_thirty_learners_every_option_comes_first_at_least_once():
    firsts = {shown_ids(single_choice(FOUR), f"learner-{n}")[0] for n in range(30)}
    assert firsts == set(FOUR)


def test_two_learners_and_two_runs_see_different_orders():
    activity = multiple_choice(FOUR + ("e", "f"), correct=("a", "b"))
    assert shown_ids(activity, "learner-1") != shown_ids(activity, "learner-2")
    assert shown_ids(activity, "learner-1", "run-1") != shown_ids(activity, "learner-1", "run-2")


def test_an_ordering_never_starts_in_the_right_order():
    orders = [shown_ids(ordering(), f"learner-{n}") for n in range(60)]
    assert all(sorted(order) == ["first", "second", "third"] for order in orders)
    assert ["first", "second", "third"] not in orders
    assert len({tuple(order) for order in orders}) == 5


def test_a_chat_keeps_its_conversation_order():
    chat = red_flag_chat()
    assert shown_ids(chat, "learner-1") == [message.id for message in chat.messages]


def test_labels_follow_the_shown_order():
    assert list(in_order({"a": "A", "b": "B", "c": "C"}, ["c", "a"])) == ["c", "a", "b"]
