"""A learner at home: a whole lesson and its quiz, then the store; a restart; bad links."""

import base64
import datetime
import io

import pytest
from pypdf import PdfReader

from course.classroom.gain import CONFIDENCE_BEFORE
from course.content import load_course
from course.progress import Store
from course.ui import session_keys
from course.ui.classroom_state import qr_png
from course.ui.pages.quiz import certificate_file
from course.ui.session_keys import ACTIVITY_STATE
from tests.test_certificate import labels
from tests.ui.apptest import current_step, open_page, start, texts, use_database
from tests.ui.journey import answer_right, pick_first_nickname, walk_lesson, walk_quiz

COURSE = load_course()
LESSON = COURSE.lessons["personal-details-7-10"]
QUIZ = COURSE.quizzes[LESSON.quiz]
LOCALES = {"fr": "fr-FR", "en": "en-GB"}


def open_lesson(locale="fr-FR", **query):
    return open_page(start(locale, lesson=LESSON.id, **query), "lesson")


@pytest.mark.parametrize("lang", LOCALES)
def test_whole_lesson_and_quiz_then_the_store_has_every_answer(lang, monkeypatch, tmp_path):
    url = use_database(monkeypatch, tmp_path)
    at = pick_first_nickname(open_lesson(LOCALES[lang]))
    code = at.query_params["code"]
    at = walk_lesson(at, LESSON)
    assert (
        "Bravo, tu as terminé cette leçon !" if lang == "fr" else "Well done, you finished this lesson!"
    ) in texts(at)

    at = at.button(key="lesson_quiz").click().run()
    assert at.query_params["quiz"] == QUIZ.id and at.query_params["code"] == code
    at = open_page(at, "quiz")  # AppTest stays on the page it opened unless told (st.switch_page ran above)
    at = walk_quiz(at, QUIZ)
    assert ("quiz réussi" if lang == "fr" else "quiz passed") in texts(at)
    assert any(button.label.startswith(("Télécharger", "Download")) for button in at.get("download_button"))

    store = Store.open(url)
    learner = store.learner_by_code(code)
    assert store.lesson_progress(learner.id)[LESSON.id].completed
    lesson_activities = [step.activity.id for step in LESSON.steps if step.type == "activity"]
    assert [a.activity_id for a in store.attempts(learner.id, LESSON.id)] == lesson_activities
    before, quiz_attempts = [], []
    for attempt in store.attempts(learner.id, QUIZ.id):
        (quiz_attempts if attempt.run_id else before).append(attempt)
    assert [a.activity_id for a in before] == [q.id for q in QUIZ.before_check] + [CONFIDENCE_BEFORE]
    assert [a.activity_id for a in quiz_attempts] == [q.id for q in QUIZ.questions]
    assert all(a.correct for a in quiz_attempts)
    assert all(
        isinstance(i, str) and " " not in i for a in quiz_attempts for i in a.answer
    )  # ids, not labels
    summary = store.quiz_summaries(learner.id)[QUIZ.id]
    assert (summary.best_score, summary.passed, summary.runs) == (100, True, 1)

    # The certificate is made when its button is pressed: it lists the lesson finished above.
    pdf = certificate_file(
        store, COURSE, learner, "Brave Otter", datetime.date(2026, 11, 21), labels(lang), lang
    )
    printed = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert LESSON.title.get(lang) in " ".join(printed.split())


def test_a_restart_resumes_at_the_furthest_step_with_answers_kept(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    activity_step = next(i for i, step in enumerate(LESSON.steps) if step.type == "activity")
    at = walk_lesson(pick_first_nickname(open_lesson()), LESSON, stop_before=activity_step + 2)
    code = at.query_params["code"]

    again = open_lesson(code=code)  # a new session, as after a refresh or a server restart
    assert not again.exception
    assert current_step(again, LESSON) == activity_step + 2
    again = again.button(key="lesson_back").click().run().button(key="lesson_back").click().run()
    assert current_step(again, LESSON) == activity_step
    assert "C'est ça, bravo !" in texts(again)  # the earlier answer comes back with its feedback


def test_a_quiz_left_halfway_resumes_at_its_first_unanswered_question(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = pick_first_nickname(open_page(start("en-GB", quiz=QUIZ.id), "quiz"))
    run_id = at.session_state[session_keys.quiz_run(QUIZ.id)]
    first, second = QUIZ.questions[:2]
    at = answer_right(at, first, f"quiz:{run_id}:{first.id}")
    at = at.button(key="quiz_next_0").click().run()
    at = answer_right(at, second, f"quiz:{run_id}:{second.id}")  # answered, "next" not pressed yet
    code = at.query_params["code"]

    again = open_page(start("en-GB", quiz=QUIZ.id, code=code), "quiz")  # a new session: a refresh
    assert not again.exception
    assert again.session_state[session_keys.quiz_run(QUIZ.id)] == run_id
    assert f"Question 3 of {len(QUIZ.questions)}" in again.get("progress")[0].proto.text
    third = QUIZ.questions[2]
    assert again.button(key=f"quiz:{run_id}:{third.id}:v0:check")  # to answer
    assert not [b for b in again.button if b.key.startswith("quiz_next")]  # no "next" yet


def test_resume_code_typed_on_another_device(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = walk_lesson(pick_first_nickname(open_lesson()), LESSON, stop_before=2)
    code = at.query_params["code"]
    other = open_lesson("en-GB")
    other.text_input(key="typed_code").input(f"{code[:3].lower()}-{code[3:]}")
    form_button = next(b for b in other.button if b.key.startswith("FormSubmitter:resume_form"))
    other = form_button.click().run()
    assert other.query_params.get("code") == code
    assert current_step(other, LESSON) == 2


def test_unknown_resume_code_says_so_and_offers_a_fresh_start(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = open_lesson("en-GB", code="ZZZZZZ")
    assert not at.exception
    assert "The code in this link doesn't work (any more)" in texts(at)
    assert "code" not in at.query_params
    assert any(b.key.startswith("nickname:") for b in at.button)


def test_wrong_typed_code_gets_a_clear_message(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = open_lesson("en-GB")
    at.text_input(key="typed_code").input("NOPE99")
    at = next(b for b in at.button if b.key.startswith("FormSubmitter:resume_form")).click().run()
    assert "We don't know this code." in texts(at)


def test_unknown_lesson_and_quiz_ids_are_handled(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = open_page(start("en-GB", lesson="../../etc/passwd"), "lesson")
    assert not at.exception and at.title[0].value == "Lesson not found"
    at = open_page(start("en-GB", quiz="<script>"), "quiz")
    assert not at.exception and at.title[0].value == "Quiz not found"


def test_two_tabs_of_one_learner_do_not_move_progress_back(monkeypatch, tmp_path):
    url = use_database(monkeypatch, tmp_path)
    first = walk_lesson(pick_first_nickname(open_lesson()), LESSON, stop_before=4)
    code = first.query_params["code"]
    second = open_lesson(code=code)
    second.button(key="lesson_back").click().run()  # the other tab steps back
    store = Store.open(url)
    progress = store.lesson_progress(store.learner_by_code(code).id)[LESSON.id]
    assert (progress.current_step, progress.furthest_step) == (3, 4)


def test_wrong_answer_gets_kind_feedback_and_a_retry(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    activity_step = next(i for i, step in enumerate(LESSON.steps) if step.type == "activity")
    at = walk_lesson(pick_first_nickname(open_lesson("en-GB")), LESSON, stop_before=activity_step)
    activity = LESSON.steps[activity_step].activity
    prefix = f"lesson:{LESSON.id}:{activity.id}:v0"
    at = at.button(key=f"{prefix}:check").click().run()  # nothing ticked
    assert "Not quite. Read the explanations below" in texts(at)
    at = at.button(key=f"lesson:{LESSON.id}:{activity.id}:retry_button").click().run()
    assert at.button(key=f"lesson:{LESSON.id}:{activity.id}:v1:check")


def test_my_progress_shows_lessons_and_scores(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = walk_lesson(pick_first_nickname(open_lesson("en-GB")), LESSON)
    at = walk_quiz(open_page(at.button(key="lesson_quiz").click().run(), "quiz"), QUIZ)
    progress = open_page(at, "progress")
    assert not progress.exception
    shown = texts(progress)
    assert "your code:" in shown
    assert progress.metric[0].value == f"1 / {len(COURSE.lessons_for('7-10'))}"


def test_finished_lesson_offers_a_parent_page_that_carries_nothing_about_the_child(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    lesson = COURSE.lessons["grooming-7-10"]
    at = walk_lesson(pick_first_nickname(open_page(start("fr-FR", lesson=lesson.id), "lesson")), lesson)
    link = next(m.value for m in at.markdown if m.value.startswith("[Page pour les parents]"))
    assert "lesson=grooming-parents" in link
    assert "code=" not in link and at.query_params["code"] not in link
    url = link.split("](", 1)[1].rstrip(")")
    qr = next(h.value for h in at.html if "QR code vers la page pour les parents" in h.value)
    assert base64.b64encode(qr_png(url, scale=5)).decode() in qr  # the QR code carries that same link


def test_retaking_a_quiz_leaves_nothing_of_the_finished_run_in_the_session(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = pick_first_nickname(open_page(start(quiz=QUIZ.id), "quiz"))
    sizes = []
    for _ in range(3):
        run_id = at.session_state[session_keys.quiz_run(QUIZ.id)]
        at = walk_quiz(at, QUIZ)
        assert any(key.startswith(f"quiz:{run_id}:") for key in at.session_state[ACTIVITY_STATE])
        at = at.button(key="quiz_again").click().run()
        assert at.session_state[session_keys.quiz_run(QUIZ.id)] != run_id  # a new run is on screen
        assert not any(key.startswith(f"quiz:{run_id}:") for key in at.session_state[ACTIVITY_STATE])
        assert not any(str(key).startswith(f"quiz:{run_id}:") for key in at.session_state)
        sizes.append(len(list(at.session_state)))
    assert sizes[0] == sizes[1] == sizes[2]  # the session does not grow with each retake
