"""Every activity type played in the app, then read back from the store (ids only; polls as counts)."""

import html
import shutil

import pytest

from course.content import load_course
from course.progress import Store
from tests.conftest import ROOT, TODAY
from tests.ui.apptest import current_step, open_page, start, texts, use_database
from tests.ui.journey import answer_right, pick_first_nickname, walk_lesson

EXTRA = ROOT / "tests" / "data" / "every_activity" / "demo-14-17.yaml"


@pytest.fixture
def every_activity(content, monkeypatch, tmp_path):
    shutil.copy(EXTRA, content / "lessons" / "demo" / EXTRA.name)
    monkeypatch.setenv("COURSE_CONTENT_ROOT", str(content))
    course = load_course(content, today=TODAY)
    assert [str(p) for p in course.problems] == []
    return course.lessons["demo-14-17"], use_database(monkeypatch, tmp_path)


@pytest.mark.parametrize("locale", ["fr-FR", "en-GB"])
def test_every_activity_answered_right_is_stored(every_activity, locale):
    lesson, url = every_activity
    at = pick_first_nickname(open_page(start(locale, lesson=lesson.id), "lesson"))
    at = walk_lesson(at, lesson)
    assert current_step(at, lesson) == len(lesson.steps)
    store = Store.open(url)
    learner = store.learner_by_code(at.query_params["code"])
    stored = {a.activity_id: a for a in store.attempts(learner.id, lesson.id)}
    graded = [s.activity for s in lesson.steps if s.type == "activity" and s.activity.type != "poll"]
    assert list(stored) == [activity.id for activity in graded]
    assert all(stored[a.id].correct in (True, None) for a in graded)
    assert stored["story"].answer == ("tell",)  # the shortest way to help is played
    assert stored["profile"].answer == ("private:on", "location:off", "tags:on")
    assert stored["steps-in-order"].answer == ("stop", "keep", "tell")
    assert "opinion" not in stored
    assert store.poll_results("home", f"{lesson.id}/opinion") == {"agree": 1}


def test_hint_is_counted_and_wrong_order_gets_partial_feedback(every_activity):
    lesson, url = every_activity
    at = pick_first_nickname(open_page(start("en-GB", lesson=lesson.id), "lesson"))
    single = "lesson:demo-14-17:single"
    at = at.button(key=f"{single}:v0:hint").click().run()
    assert "A hint" in texts(at)
    at = answer_right(at, lesson.steps[0].activity, single)
    at = walk_lesson(at.button(key="lesson_next").click().run(), lesson, stop_before=3)
    order_key = "lesson:demo-14-17:steps-in-order:v0:order"
    for item in ("keep", "stop", "tell"):  # tapped in this order: a wrong one
        at = at.button(key=f"{order_key}:tap:{item}").click().run()
    at = at.button(key="lesson:demo-14-17:steps-in-order:v0:check").click().run()
    assert "Good start: you got 33% of it." in texts(at)
    store = Store.open(url)
    learner = store.learner_by_code(at.query_params["code"])
    stored = store.last_answers(learner.id, lesson.id)
    assert stored["single"].hints_used == 1
    assert stored["steps-in-order"].correct is False and stored["steps-in-order"].score == pytest.approx(
        1 / 3
    )


CHOOSE_FIRST = "Choose an answer, then press the button."


def test_checking_a_single_choice_with_nothing_chosen_stores_nothing_and_says_to_choose(every_activity):
    """The check button is in a form with the choices (a pick runs nothing on the server), so it can be
    pressed before anything is chosen: that is not an answer."""
    lesson, url = every_activity
    at = pick_first_nickname(open_page(start("en-GB", lesson=lesson.id), "lesson"))
    single = "lesson:demo-14-17:single"
    assert CHOOSE_FIRST not in texts(at)
    at = at.button(key=f"{single}:v0:check").click().run()
    assert not at.exception
    assert CHOOSE_FIRST in texts(at)
    assert at.radio(key=f"{single}:v0:choice").value is None  # still the question, nothing picked
    store = Store.open(url)
    learner = store.learner_by_code(at.query_params["code"])
    assert store.attempts(learner.id, lesson.id) == []
    at = answer_right(at, lesson.steps[0].activity, single)  # then chosen: checked, and no more message
    assert "That's right" in texts(at) and CHOOSE_FIRST not in texts(at)
    assert [a.activity_id for a in store.attempts(learner.id, lesson.id)] == ["single"]


def at_the_poll(lesson):
    """A new learner at the lesson's poll (every activity before it answered right); the poll."""
    at_step = next(
        i for i, s in enumerate(lesson.steps) if s.type == "activity" and s.activity.type == "poll"
    )
    at = walk_lesson(
        pick_first_nickname(open_page(start("en-GB", lesson=lesson.id), "lesson")), lesson, at_step
    )
    return at, lesson.steps[at_step].activity


def test_a_poll_with_nothing_chosen_counts_no_vote_and_says_to_choose(every_activity):
    lesson, url = every_activity
    at, poll = at_the_poll(lesson)
    at = at.button(key=f"lesson:{lesson.id}:{poll.id}:v0:vote:button").click().run()
    assert not at.exception
    assert CHOOSE_FIRST in texts(at)
    assert Store.open(url).poll_results("home", f"{lesson.id}/{poll.id}") == {}
    assert not [h for h in at.html if 'class="bars"' in h.value]  # no results: the question is still there


def test_a_poll_vote_shows_every_option_with_its_count(every_activity):
    lesson, _ = every_activity
    at, poll = at_the_poll(lesson)
    at = answer_right(at, poll, f"lesson:{lesson.id}:{poll.id}")  # votes for the first option
    assert not at.exception
    bars = [h.value for h in at.html if 'class="bars"' in h.value]
    assert bars and bars[0].count('role="listitem"') == len(poll.options)
    assert f"{html.escape(poll.options[0].text.en)}</div>" in bars[0] and "1 · 100 %" in bars[0]
    assert bars[0].count("0 · 0 %") == len(poll.options) - 1


def test_ordering_by_tapping_numbers_items_and_a_second_tap_takes_one_back(every_activity):
    lesson, _ = every_activity
    at = pick_first_nickname(open_page(start("en-GB", lesson=lesson.id), "lesson"))
    at = answer_right(at, lesson.steps[0].activity, "lesson:demo-14-17:single")
    at = walk_lesson(at.button(key="lesson_next").click().run(), lesson, stop_before=3)
    key = "lesson:demo-14-17:steps-in-order:v0:order"
    check = "lesson:demo-14-17:steps-in-order:v0:check"
    labels = {item.id: item.text.en for item in lesson.steps[3].activity.items}

    def label(item_id):
        return at.button(key=f"{key}:tap:{item_id}").label

    at = at.button(key=f"{key}:tap:stop").click().run()
    at = at.button(key=f"{key}:tap:keep").click().run()
    assert (label("stop"), label("keep"), label("tell")) == (
        f"1 · {labels['stop']}",
        f"2 · {labels['keep']}",
        labels["tell"],
    )
    assert at.button(key=check).disabled  # not every step is placed yet
    at = at.button(key=f"{key}:tap:stop").click().run()  # taken back: "keep" becomes number 1
    assert (label("stop"), label("keep")) == (labels["stop"], f"1 · {labels['keep']}")
    for item in ("tell", "stop"):
        at = at.button(key=f"{key}:tap:{item}").click().run()
    assert not at.button(key=check).disabled
    assert at.session_state[key] == ["keep", "tell", "stop"]


def test_an_unanswered_question_reads_the_store_once_a_session(every_activity, monkeypatch):
    """What was answered before this session cannot change during it: a question waiting for its
    answer no longer reads the store on every run of its page."""
    lesson, _ = every_activity
    reads = []
    last_answer = Store.last_answer
    monkeypatch.setattr(
        Store, "last_answer", lambda self, *args: reads.append(args) or last_answer(self, *args)
    )
    at = pick_first_nickname(open_page(start("en-GB", lesson=lesson.id), "lesson"))
    single = ("demo-14-17", "single")
    first = [args[1:3] for args in reads].count(single)
    assert first == 1
    for _ in range(3):
        at = at.run()
    assert [args[1:3] for args in reads].count(single) == first
