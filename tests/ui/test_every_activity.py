"""Every activity type played in the app, then read back from the store (ids only; polls as counts)."""

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
    assert stored["story"].answer == ("pay", "tell-now")  # the recovery path is played first
    assert stored["profile"].answer == ("private:on", "location:off")
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
    at.session_state[order_key] = ["keep", "stop", "tell"]
    at = at.button(key="lesson:demo-14-17:steps-in-order:v0:check").click().run()
    assert "Good start: you got 33% of it." in texts(at)
    store = Store.open(url)
    learner = store.learner_by_code(at.query_params["code"])
    stored = store.last_answers(learner.id, lesson.id)
    assert stored["single"].hints_used == 1
    assert stored["steps-in-order"].correct is False and stored["steps-in-order"].score == pytest.approx(
        1 / 3
    )
