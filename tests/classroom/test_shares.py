"""What the projector shows once answers are revealed: shares of the people who answered, right answers,
and which button leads on each slide of a parent evening."""

import pytest

from course.classroom import evening
from course.classroom.answers_shown import has_bars, right_ids, right_line, share, tally
from course.content import load_course
from course.progress import Store
from course.progress.store import VOTERS
from tests.activities import factories

COURSE = load_course()
PARENT_LESSONS = tuple(lesson.id for lesson in COURSE.lessons_for("parents"))


def parent_activity(kind: str):
    """(slide position, activity) of the first parent-course activity of type `kind`."""
    for position in evening.slides(COURSE, PARENT_LESSONS):
        activity = evening.activity_at(COURSE, position)
        if activity is not None and activity.type == kind:
            return position, activity
    raise AssertionError(f"no {kind} in the parent course")


def test_a_share_is_of_the_people_who_answered_not_of_all_ticks():
    # 2 pupils, each ticking the same 2 options: 4 ticks, but each option was picked by 2 of 2 pupils.
    assert share(2, respondents=2) == 100
    assert share(1, respondents=3) == 33
    assert share(2, respondents=3) == 67
    assert share(0, respondents=0) == 0  # nobody answered yet


def test_stored_poll_counts_give_the_voters_once_whatever_they_ticked():
    assert tally({"a": 2, "b": 1}) == ({"a": 2, "b": 1}, 3)  # one option per vote: voters = votes
    assert tally({"a": 2, "b": 2, VOTERS: 2}) == ({"a": 2, "b": 2}, 2)  # ticks of two voters
    assert tally({}) == ({}, 0)


def test_a_vote_ticking_several_options_counts_each_option_and_one_voter(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'votes.db'}")
    for _ in range(2):  # two parents, each ticking the same two habits
        store.vote_several("evening-1", "lesson/question", ["narrow", "private", "narrow"])
    counts, voters = tally(store.poll_results("evening-1", "lesson/question"))
    assert counts == {"narrow": 2, "private": 2} and voters == 2  # a repeated tick counts once
    assert {option: share(count, voters) for option, count in counts.items()} == {
        "narrow": 100,
        "private": 100,
    }
    store.vote("evening-1", "lesson/poll", "yes")  # the one-option vote is unchanged: no voter row
    assert store.poll_results("evening-1", "lesson/poll") == {"yes": 1}


def test_the_right_answers_of_every_kind_of_question():
    _, multiple = parent_activity("multiple_choice")
    assert right_ids(multiple) == [option.id for option in multiple.options if option.correct]
    assert 1 < len(right_ids(multiple)) < len(multiple.options)
    _, single = parent_activity("single_choice")
    assert len(right_ids(single)) == 1
    _, poll = parent_activity("poll")
    assert right_ids(poll) == [] and has_bars(poll)
    assert right_ids(factories.true_false(answer=False)) == ["false"]
    assert right_ids(factories.red_flag_chat(flags=("m2", "m4"))) == ["m2", "m4"]
    assert right_ids(factories.spot_details(personal=("name", "school"))) == ["name", "school"]
    assert not has_bars(factories.settings(("public", False, True), ("tags", False, True)))
    _, ordering = parent_activity("ordering")
    assert right_ids(ordering) == [] and not has_bars(ordering)  # an order is not a pick


def test_the_right_answer_line_names_one_answer_or_counts_the_marks():
    _, single = parent_activity("single_choice")
    labels = {option.id: option.text.en for option in single.options}
    right = next(option for option in single.options if option.correct)
    assert right_line(single, labels) == ("evening.right_answer", {"answer": right.text.en})
    _, multiple = parent_activity("multiple_choice")
    labels = {option.id: option.text.en for option in multiple.options}
    assert right_line(multiple, labels) == ("answers.right_marked", {"count": len(right_ids(multiple))})
    _, poll = parent_activity("poll")
    assert right_line(poll, {}) is None


@pytest.mark.parametrize("revealed", [False, True])
def test_reveal_is_the_main_button_only_on_a_question_with_answers_still_hidden(revealed):
    question, _ = parent_activity("single_choice")
    chat, _ = parent_activity("red_flag_chat")  # discussed, not voted on: nothing to reveal
    text = next(
        p for p in evening.slides(COURSE, PARENT_LESSONS) if p[0] and evening.activity_at(COURSE, p) is None
    )
    assert evening.revealable(COURSE, question)
    assert not evening.revealable(COURSE, evening.WELCOME)
    assert not evening.revealable(COURSE, chat) and not evening.revealable(COURSE, text)
    assert evening.main_button(COURSE, question, revealed) == ("next" if revealed else "reveal")
    for position in (evening.WELCOME, chat, text):
        assert evening.main_button(COURSE, position, revealed) == "next"


def test_only_a_tick_all_question_takes_several_ticks_from_a_phone():
    assert evening.ticks_several(parent_activity("multiple_choice")[1])
    assert not evening.ticks_several(parent_activity("single_choice")[1])
    assert not evening.ticks_several(parent_activity("poll")[1])
