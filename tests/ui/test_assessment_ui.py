"""Under AppTest: choices in the learner's (or class's) own order, feedback that does not give the
answer away, the before-check that opens a lesson, and the learner's own before → after."""

import html

import pytest

from course.activities import branching, grade
from course.activities.order import shown_ids
from course.classroom.gain import CONFIDENCE_AFTER, CONFIDENCE_BEFORE
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Attempt, Store
from course.ui import session_keys
from tests.activities.test_real_content import right_answer
from tests.ui.apptest import open_page, spaced, start, texts, use_database
from tests.ui.apptest import teacher as teacher_for_tests
from tests.ui.journey import (
    answer_values,
    before_check_pending,
    do_before_check,
    pick_first_nickname,
    set_inputs,
    walk_lesson,
    walk_quiz,
)
from tests.ui.test_classroom import create_session, join

COURSE = load_course()


def _lesson_with(kind: str, options: int = 3):
    """A learner lesson with a before-check and an activity of `kind` with at least `options` choices."""
    for lesson in COURSE.lessons.values():
        quiz = COURSE.quizzes.get(lesson.quiz or "")
        if lesson.audience != "learner" or quiz is None or not quiz.before_check:
            continue
        for index, step in enumerate(lesson.steps):
            if (
                step.type == "activity"
                and step.activity.type == kind
                and len(step.activity.options) >= options
            ):
                return lesson, index, step.activity
    raise AssertionError(f"no learner lesson with a {kind} activity")


SINGLE = _lesson_with("single_choice")
MULTIPLE = _lesson_with("multiple_choice", 4)


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


def open_lesson(lesson, locale="en-GB", **query):
    return open_page(start(locale, lesson=lesson.id, **query), "lesson")


def learner_of(db, at):
    return Store.open(db).learner_by_code(at.query_params["code"])


def test_a_new_lesson_opens_with_the_before_check_and_shows_no_feedback(db):
    lesson, _, _ = SINGLE
    quiz = COURSE.quizzes[lesson.quiz]
    at = pick_first_nickname(open_lesson(lesson))
    assert before_check_pending(at, lesson)
    assert "Before we start: what do you already know?" in texts(at)
    first = quiz.before_check[0]
    key = f"before:{quiz.id}:{first.id}:v0"
    at = set_inputs(at, key, answer_values(first, right=False)).button(key=f"{key}:check").click().run()
    page = texts(at)
    assert "Not quite yet" not in page and "That's right" not in page
    for feedback in _feedbacks(first):
        assert feedback not in page  # no explanation at all in the before-check
    at = do_before_check(at, quiz)  # answers the rest (the first is not asked again)
    assert not at.exception
    assert not before_check_pending(at, lesson)
    assert at.session_state[session_keys.lesson_step(lesson.id)] == 0  # the lesson starts at its first step

    learner = learner_of(db, at)
    stored = Store.open(db).attempts(learner.id, quiz.id)
    assert [a.activity_id for a in stored] == [q.id for q in quiz.before_check] + [CONFIDENCE_BEFORE]
    assert all(a.run_id is None for a in stored)
    assert stored[0].correct is False and stored[-1].answer == ("2",)

    again = open_lesson(lesson, code=at.query_params["code"])  # a new session: not asked twice
    assert not before_check_pending(again, lesson)


def test_starting_the_lesson_with_no_confidence_chosen_does_not_start_it(db):
    """The confidence scale and "Start the lesson" are one form: pressed with nothing chosen, nothing is
    recorded, the before-check stays, and the learner is asked to choose."""
    lesson, _, _ = SINGLE
    quiz = COURSE.quizzes[lesson.quiz]
    at = pick_first_nickname(open_lesson(lesson))
    for question in quiz.before_check:
        key = f"before:{quiz.id}:{question.id}:v0"
        at = set_inputs(at, key, answer_values(question)).button(key=f"{key}:check").click().run()
    at = at.button(key=f"before_start:{quiz.id}").click().run()
    assert not at.exception
    assert "Choose an answer, then press the button." in texts(at)
    assert before_check_pending(at, lesson)
    stored = Store.open(db).attempts(learner_of(db, at).id, quiz.id)
    assert CONFIDENCE_BEFORE not in [a.activity_id for a in stored]
    at = do_before_check(at, quiz, confidence=3)
    assert not before_check_pending(at, lesson)
    assert "Choose an answer, then press the button." not in texts(at)


def _feedbacks(activity) -> list[str]:
    if activity.type == "true_false":
        return [activity.feedback_if_true.en, activity.feedback_if_false.en]
    return [option.feedback.en for option in activity.options]


def test_choices_come_in_the_learners_own_order_on_every_visit(db):
    lesson, step, activity = SINGLE
    at = walk_lesson(pick_first_nickname(open_lesson(lesson)), lesson, stop_before=step)
    key = f"lesson:{lesson.id}:{activity.id}:v0:choice"
    shown = list(at.radio(key=key).options)
    learner = learner_of(db, at)
    labels = {option.id: option.text.en for option in activity.options}
    assert shown == [labels[i] for i in shown_ids(activity, learner.id)]

    again = open_lesson(lesson, code=at.query_params["code"])  # another device, or after a restart
    assert list(again.radio(key=key).options) == shown
    value = next(option.id for option in activity.options if option.correct)
    again.radio(key=key).set_value(value)  # sent with "check"
    again = again.button(key=f"lesson:{lesson.id}:{activity.id}:v0:check").click().run()
    assert Store.open(db).last_answer(learner.id, lesson.id, activity.id).answer == (value,)  # the id


def test_a_wrong_first_try_explains_only_what_was_picked(db):
    lesson, step, activity = MULTIPLE
    at = walk_lesson(pick_first_nickname(open_lesson(lesson)), lesson, stop_before=step)
    wrong = next(option for option in activity.options if not option.correct)
    prefix = f"lesson:{lesson.id}:{activity.id}"
    at = set_inputs(at, f"{prefix}:v0", {f"pick:{wrong.id}": True})
    at = at.button(key=f"{prefix}:v0:check").click().run()
    page = texts(at)
    assert wrong.feedback.en in page
    others = [option.feedback.en for option in activity.options if option.id != wrong.id]
    assert not any(feedback in page for feedback in others)
    if activity.hint:
        assert activity.hint.en in page

    at = at.button(key=f"{prefix}:retry_button").click().run()
    at = set_inputs(at, f"{prefix}:v1", {f"pick:{wrong.id}": True})
    at = at.button(key=f"{prefix}:v1:check").click().run()
    page = texts(at)
    assert all(option.feedback.en in page for option in activity.options)  # the second try: all of it


def test_a_class_shares_one_order_and_so_does_the_projector(db):

    lesson, step, activity = SINGLE

    _, session_id = create_session(teacher_for_tests(), paced=False, lesson=lesson)
    session = Classroom(Store.open(db)).get(session_id)
    key = f"lesson:{lesson.id}:{activity.id}:v0:choice"
    orders = []
    for _ in range(2):
        pupil = join(session.join_code, "en-GB")
        pupil = walk_lesson(open_lesson(lesson, code=pupil.query_params["code"]), lesson, stop_before=step)
        orders.append(list(pupil.radio(key=key).options))
    labels = {option.id: option.text.en for option in activity.options}
    assert orders[0] == orders[1] == [labels[i] for i in shown_ids(activity, session.id)]


def test_a_retaken_quiz_shows_its_choices_in_a_new_order_and_the_learner_sees_their_gain(db):
    lesson, _, _ = SINGLE
    quiz = COURSE.quizzes[lesson.quiz]
    at = walk_lesson(pick_first_nickname(open_lesson(lesson)), lesson)
    learner = learner_of(db, at)
    question = next(
        q
        for q in quiz.questions
        if q.type in ("single_choice", "multiple_choice")
        and shown_ids(q, learner.id, "take-1") != shown_ids(q, learner.id, "take-2")
    )
    at = open_page(start("en-GB", quiz=quiz.id, code=at.query_params["code"]), "quiz")
    at = walk_quiz(at, quiz)
    assert "One last question" in texts(at)
    run_id = at.session_state[session_keys.quiz_run(quiz.id)]
    at = at.radio(key=session_keys.in_quiz_run(run_id, "confidence:value")).set_value(4).run()
    page = texts(at)
    assert "Before the lesson and after" in page
    stored = Store.open(db).last_answer(learner.id, quiz.id, CONFIDENCE_AFTER, run_id)
    assert stored is not None and stored.answer == ("4",)
    assert "| All objectives | 100 % | 100 % |" in page  # all right before and after
    assert '| "I would know what to do" (1–4) | 2.0 | 4.0 |' in page

    at = at.button(key="quiz_again").click().run()
    run_2 = at.session_state[session_keys.quiz_run(quiz.id)]
    assert run_2 != run_id and at.session_state[session_keys.in_quiz_run(run_2, "take")] == 2
    assert quiz.questions.index(question) >= 0


def _right_answer(activity) -> list[str]:
    if activity.type == "branching":
        return list(branching.help_path(activity).choices)
    return list(right_answer(activity))


def _wrong_answer(activity) -> list[str]:
    if activity.type == "true_false":
        return ["false" if activity.answer else "true"]
    return [next(option.id for option in activity.options if not option.correct)]


def test_the_teacher_sees_the_class_gain_per_objective(db):

    lesson, _, _ = SINGLE
    quiz = COURSE.quizzes[lesson.quiz]
    at, session_id = create_session(teacher_for_tests(), paced=False, lesson=lesson)
    store = Store.open(db)
    classroom = Classroom(store)
    session = classroom.get(session_id)

    def record(pupil, activity, answer, run=None):
        result = grade(activity, answer)
        store.record_attempt(
            Attempt(pupil.id, quiz.id, activity.id, result.answer, result.correct, result.score, "v", run_id=run,
                    session_id=session.id)
        )  # fmt: skip

    # one pupil knew nothing before and everything after, the other everything both times
    for name, knew, sure_before, sure_after in (("calm-fox", False, 1, 4), ("kind-owl", True, 3, 3)):
        pupil = classroom.join(session, name)
        for question in quiz.before_check:
            record(pupil, question, _right_answer(question) if knew else _wrong_answer(question))
        store.record_attempt(Attempt(pupil.id, quiz.id, CONFIDENCE_BEFORE, (str(sure_before),), None, None, "v",
                                     session_id=session.id))  # fmt: skip
        run = store.open_quiz_run(pupil.id, quiz.id)
        for question in quiz.questions:
            if question.type != "poll":
                record(pupil, question, _right_answer(question), run)
        store.record_attempt(Attempt(pupil.id, quiz.id, CONFIDENCE_AFTER, (str(sure_after),), None, None, "v",
                                     run_id=run, session_id=session.id))  # fmt: skip

    dashboard = open_page(at, "dashboard")
    page = texts(dashboard)
    assert "Ce que la classe a appris" in page
    for objective in quiz.objectives:
        assert f"| {spaced(objective.text.fr)} | 2 | 50 % | 100 % | +100 % |" in page
    assert "| Tous les objectifs | 2 | 50 % | 100 % | +100 % |" in page
    assert "| « Je saurais quoi faire » (1 à 4) | 2 | 2,0 | 3,5 | +1,5 |" in page


def test_a_paced_class_and_its_projector_list_the_choices_in_one_order(db):

    lesson, step, activity = SINGLE
    at, session_id = create_session(teacher_for_tests(), paced=True, lesson=lesson)
    session = Classroom(Store.open(db)).get(session_id)
    pupil = join(session.join_code, "en-GB")
    pupil.query_params["lesson"] = lesson.id
    pupil = do_before_check(open_page(pupil, "lesson"), COURSE.quizzes[lesson.quiz])
    for _ in range(step):
        at = at.button(key="pace_next").click().run()
    pupil = pupil.run()
    key = f"lesson:{lesson.id}:{activity.id}:v0:choice"
    on_device = list(pupil.radio(key=key).options)
    labels = {option.id: option.text.en for option in activity.options}
    assert on_device == [labels[i] for i in shown_ids(activity, session.id)]
    pupil.radio(key=key).set_value(shown_ids(activity, session.id)[0])  # sent with "check"
    pupil = pupil.button(key=f"lesson:{lesson.id}:{activity.id}:v0:check").click().run()

    at = at.button(key="pace_reveal").click().run()
    bars = next(h.value for h in at.html if 'class="bars hall"' in h.value)
    french = [{o.id: o.text.fr for o in activity.options}[i] for i in shown_ids(activity, session.id)]
    places = [bars.find(html.escape(label)) for label in french]
    assert -1 not in places and places == sorted(places)  # the projector lists them in the room's order


def test_the_score_page_and_each_question_to_review_can_be_listened_to(db):
    """Read-aloud on the quiz's last page too: the score, and each question got wrong with why."""
    from tests.ui.journey import answer_right

    lesson, _, _ = SINGLE
    quiz = COURSE.quizzes[lesson.quiz]
    at = walk_lesson(pick_first_nickname(open_lesson(lesson)), lesson)
    at = open_page(start("en-GB", quiz=quiz.id, code=at.query_params["code"]), "quiz")
    wrong = next(q for q in quiz.questions if q.type == "single_choice")
    for index, question in enumerate(quiz.questions):
        run_id = at.session_state[session_keys.quiz_run(quiz.id)]
        prefix = f"quiz:{run_id}:{question.id}"
        if question is wrong:
            at = set_inputs(at, f"{prefix}:v0", answer_values(question, right=False))
            at = at.button(key=f"{prefix}:v0:check").click().run()
        else:
            at = answer_right(at, question, prefix)
        at = at.button(key=f"quiz_next_{index}").click().run()
    said = [html.unescape(element.value) for element in at.html if 'class="listen"' in element.value]
    assert any("Listen: this message" in button for button in said)
    review = [button for button in said if "Listen: the answer" in button]
    assert len(review) == 1 and spaced(wrong.prompt.en)[:30] in review[0]
