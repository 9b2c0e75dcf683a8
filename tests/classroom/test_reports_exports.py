"""Reports and exports of a class: the grid, answer counts, common mistakes, CSV and xAPI."""

import csv
import io
import json
import re
import uuid

import pytest

from course.activities import grade
from course.classroom import reports
from course.classroom.exports import CSV_COLUMNS, VERBS, csv_rows, csv_text, headers, xapi_jsonl
from course.classroom.reports import progress_grid, progress_text, question_stats, steps_reached
from course.content import load_course
from course.progress import Attempt
from tests.conftest import TODAY, VALID

COURSE = load_course(VALID, today=TODAY)
LESSON = COURSE.lessons["demo-7-10"]
QUIZ = COURSE.quizzes["demo-7-10-quiz"]
PICK = LESSON.steps[1].activity  # single choice: 'right' is correct, 'wrong' is not
HOME = "https://course.example.org"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture
def class_with_answers(classroom):
    """On SQLite, and on PostgreSQL too when COURSE_TEST_DATABASE_URL is set (see tests/conftest.py)."""
    return _class_with_answers(classroom)


def _class_with_answers(classroom):
    session = classroom.create("CM2 B", "7-10", [LESSON.id], paced=False)
    store = classroom.store
    pupils = [classroom.join(session, name) for name in ("brave-otter", "calm-fox", "kind-owl")]
    for pupil, answer in zip(pupils, (("wrong",), ("wrong",), ("right",)), strict=True):
        result = grade(PICK, answer)
        store.record_attempt(
            Attempt(
                pupil.id,
                LESSON.id,
                PICK.id,
                result.answer,
                result.correct,
                result.score,
                "v1",
                time_spent_ms=2500,
                session_id=session.id,
            )
        )
        store.record_step(pupil.id, LESSON.id, 2)
    store.complete_lesson(pupils[2].id, LESSON.id, len(LESSON.steps))
    run = store.open_quiz_run(pupils[2].id, QUIZ.id)
    store.finish_quiz_run(run, 100, True)
    other = classroom.create("Other class", "7-10", [LESSON.id], paced=False)
    stranger = classroom.join(other, "wise-bee")
    store.record_attempt(
        Attempt(stranger.id, LESSON.id, PICK.id, ("wrong",), False, 0.0, "v1", session_id=other.id)
    )
    return classroom, session, pupils


def test_progress_grid_shows_each_pupil_of_the_session_only(class_with_answers):
    classroom, session, pupils = class_with_answers
    grid = progress_grid(classroom.engine, session.id)
    assert [row.nickname for row in grid] == ["brave-otter", "calm-fox", "kind-owl"]
    assert grid[0].steps == {LESSON.id: 2} and not grid[0].completed
    assert grid[2].completed == {LESSON.id} and grid[2].best_scores == {QUIZ.id: 100}


def test_progress_grid_lists_pupils_who_have_not_started_in_the_order_they_joined(class_with_answers):
    classroom, session, pupils = class_with_answers
    late = classroom.join(session, "wise-owl")
    other_lesson = "another-lesson"
    classroom.store.record_step(pupils[0].id, other_lesson, 4)  # two lessons: the pupil is still one row
    grid = progress_grid(classroom.engine, session.id)
    assert [row.nickname for row in grid] == ["brave-otter", "calm-fox", "kind-owl", "wise-owl"]
    assert grid[0].steps == {LESSON.id: 2, other_lesson: 4}
    assert (grid[3].learner_id, grid[3].steps, grid[3].completed, grid[3].best_scores) == (
        late.id,
        {},
        set(),
        {},
    )


def test_question_stats_count_answers_and_rank_mistakes_with_their_feedback(class_with_answers):
    classroom, session, _ = class_with_answers
    (stats,) = question_stats(classroom.engine, COURSE, session.id)
    assert (stats.content_id, stats.activity_id, stats.answered, stats.correct) == (LESSON.id, PICK.id, 3, 1)
    assert stats.picks == {"wrong": 2, "right": 1}
    assert [(m.item_id, m.count, m.feedback.en) for m in stats.mistakes] == [("wrong", 2, "No.")]


def test_question_stats_grade_each_answer_once_per_content_version(class_with_answers, monkeypatch):
    classroom, session, _ = class_with_answers
    graded = []

    def counting(activity, answer):
        graded.append(answer)
        return grade(activity, answer)

    monkeypatch.setattr(reports, "grade", counting)
    monkeypatch.setitem(COURSE.versions, LESSON.id, uuid.uuid4().hex)  # content this process never graded
    first = question_stats(classroom.engine, COURSE, session.id)
    assert sorted(graded) == [("right",), ("wrong",)]  # two pupils gave the same answer: graded once
    assert question_stats(classroom.engine, COURSE, session.id) == first
    assert len(graded) == 2  # the live view's next refresh grades nothing again
    monkeypatch.setitem(COURSE.versions, LESSON.id, uuid.uuid4().hex)  # the lesson file changed
    assert question_stats(classroom.engine, COURSE, session.id) == first
    assert len(graded) == 4


def test_question_stats_for_one_question_leave_the_others_out(class_with_answers):
    classroom, session, pupils = class_with_answers
    other_question = QUIZ.questions[0]
    classroom.store.record_attempt(
        Attempt(pupils[0].id, QUIZ.id, other_question.id, ("x",), None, 0.0, "v1", session_id=session.id)
    )
    assert len(question_stats(classroom.engine, COURSE, session.id)) == 2
    (stats,) = question_stats(classroom.engine, COURSE, session.id, only=(LESSON.id, PICK.id))
    assert (stats.content_id, stats.activity_id, stats.picks) == (
        LESSON.id,
        PICK.id,
        {"wrong": 2, "right": 1},
    )
    assert question_stats(classroom.engine, COURSE, session.id, only=(LESSON.id, "nothing")) == []


def read_csv(text: str, lang: str) -> list[dict[str, str]]:
    """The rows by column id, once the header row is checked to name the columns in `lang`."""
    header, *rows = csv.reader(io.StringIO(text))
    assert header == headers(CSV_COLUMNS, lang)
    return [dict(zip(CSV_COLUMNS, row, strict=True)) for row in rows]


def test_csv_reads_like_the_dashboard_one_row_per_pupil_and_answer(class_with_answers):
    classroom, session, _ = class_with_answers
    rows = read_csv(
        csv_text(classroom.engine, session.id, session.class_name, COURSE, "en", session.lessons), "en"
    )
    assert headers(CSV_COLUMNS, "en")[:5] == ["Class", "Pupil", "Lesson", "Progress", "Best quiz score (%)"]
    steps = len(LESSON.steps)
    assert [(r["pupil"], r["progress"], r["quiz_score"], r["answer_ids"], r["correct"]) for r in rows] == [
        ("Brave Otter", f"3/{steps}", "", "wrong", "no"),  # the grid shows "3/4" for the furthest step 2
        ("Calm Fox", f"3/{steps}", "", "wrong", "no"),
        ("Kind Owl", "✓", "100", "right", "yes"),
    ]
    grid = {row.nickname: row for row in progress_grid(classroom.engine, session.id)}
    assert rows[0]["progress"] == progress_text(grid["brave-otter"], LESSON)  # one rule for both
    assert all(ISO.match(r["answered_at"]) and r["class"] == "CM2 B" for r in rows)
    assert {(r["lesson"], r["question"], r["activity_id"]) for r in rows} == {
        (LESSON.title.en, PICK.prompt.en, PICK.id)
    }


def test_csv_follows_a_french_teacher_headers_nicknames_and_words(class_with_answers):
    classroom, session, _ = class_with_answers
    text = csv_text(classroom.engine, session.id, session.class_name, COURSE, "fr", session.lessons)
    header = next(csv.reader(io.StringIO(text)))
    assert header[:5] == ["Classe", "Élève", "Leçon", "Avancement", "Meilleur score au quiz (%)"]
    assert "nickname" not in text and "brave-otter" not in text  # never the stored key
    rows = read_csv(text, "fr")
    assert [(r["pupil"], r["correct"], r["lesson"]) for r in rows] == [
        ("Loutre courageuse", "non", LESSON.title.fr),
        ("Renard calme", "non", LESSON.title.fr),
        ("Chouette gentille", "oui", LESSON.title.fr),
    ]


def test_csv_lists_every_pupil_of_the_grid_even_before_an_answer(class_with_answers):
    classroom, session, _ = class_with_answers
    classroom.join(session, "wise-owl")
    rows = csv_rows(classroom.engine, session.id, session.class_name, COURSE, "en", session.lessons)
    late = [row for row in rows if row["pupil"] == "Wise Owl"]
    assert late == [
        {"class": "CM2 B", "pupil": "Wise Owl", "lesson": LESSON.title.en, "progress": "—", "quiz_score": ""}
    ]


def test_csv_without_the_course_still_has_ids_and_nicknames(class_with_answers):
    classroom, session, _ = class_with_answers
    rows = read_csv(csv_text(classroom.engine, session.id, session.class_name), "en")
    assert [(r["pupil"], r["answer_ids"], r["correct"]) for r in rows] == [
        ("Brave Otter", "wrong", "no"),
        ("Calm Fox", "wrong", "no"),
        ("Kind Owl", "right", "yes"),
    ]


def test_steps_reached_count_from_one_as_the_dashboard_does():
    assert steps_reached(None, False, 4) is None
    assert steps_reached(0, False, 4) == 1 and steps_reached(2, False, 4) == 3
    assert steps_reached(4, True, 4) == 4  # a finished lesson stores the step count
    assert steps_reached(9, False, 4) == 4  # never beyond the lesson (a lesson made shorter since)
    assert steps_reached(2, False, None) == 3 and steps_reached(4, True, None) == 4


def test_question_stats_keep_first_mistakes_after_a_retry(class_with_answers):
    classroom, session, pupils = class_with_answers
    right = grade(PICK, ("right",))
    for pupil in pupils[:2]:  # both wrong pupils try again and get it right
        classroom.store.record_attempt(
            Attempt(pupil.id, LESSON.id, PICK.id, right.answer, True, 1.0, "v1", session_id=session.id)
        )
    (stats,) = question_stats(classroom.engine, COURSE, session.id)
    assert (stats.answered, stats.first_correct, stats.correct) == (3, 1, 3)
    assert [(m.item_id, m.count) for m in stats.mistakes] == [("wrong", 2)]  # the misconception stays
    assert stats.picks == {"right": 3}  # what the class answers now (the projector's bars)


def test_xapi_statements_have_the_required_fields_and_an_opaque_actor(class_with_answers):
    classroom, session, pupils = class_with_answers
    statements = [json.loads(line) for line in xapi_jsonl(classroom.engine, session.id, HOME).splitlines()]
    verbs = [s["verb"]["display"]["en-US"] for s in statements]
    assert verbs.count("answered") == 3 and verbs.count("experienced") == 3
    assert verbs.count("completed") == 1 and verbs.count("passed") == 1
    ids = {pupil.id for pupil in pupils}
    for statement in statements:
        uuid.UUID(statement["id"])
        assert statement["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": HOME, "name": statement["actor"]["account"]["name"]},
        }
        assert statement["actor"]["account"]["name"] in ids
        assert statement["verb"]["id"] in VERBS.values()
        assert statement["object"]["id"].startswith(f"{HOME}/activities/")
        assert ISO.match(statement["timestamp"])
        uuid.UUID(statement["context"]["registration"])
        score = statement["result"].get("score", {}).get("scaled")
        assert score is None or -1 <= score <= 1
    answered = next(s for s in statements if s["verb"]["display"]["en-US"] == "answered")
    assert answered["result"] == {
        "response": "wrong",
        "success": False,
        "score": {"scaled": 0.0},
        "duration": "PT2.50S",
    }
    assert len({s["id"] for s in statements}) == len(statements)
    assert "wise-bee" not in json.dumps(statements)


def test_xapi_furthest_step_matches_the_grid_and_activities_are_named(class_with_answers):
    classroom, session, pupils = class_with_answers
    lines = xapi_jsonl(classroom.engine, session.id, HOME, COURSE, "fr").splitlines()
    statements = [json.loads(line) for line in lines]
    steps = len(LESSON.steps)
    experienced = {
        s["actor"]["account"]["name"]: s for s in statements if s["verb"]["id"] == VERBS["experienced"]
    }
    extensions = experienced[pupils[0].id]["result"]["extensions"]
    assert extensions == {f"{HOME}/extensions/furthest-step": 3, f"{HOME}/extensions/steps": steps}
    assert experienced[pupils[2].id]["result"]["extensions"][f"{HOME}/extensions/furthest-step"] == steps
    lesson_name = experienced[pupils[0].id]["object"]["definition"]["name"]
    assert lesson_name == {"fr": LESSON.title.fr, "en": LESSON.title.en}
    assert list(lesson_name) == ["fr", "en"]  # the teacher's language first
    answered = next(s for s in statements if s["verb"]["id"] == VERBS["answered"])
    assert answered["object"]["definition"]["name"] == {"fr": PICK.prompt.fr, "en": PICK.prompt.en}
    assert answered["verb"]["display"] == {"en-US": "answered", "fr": "a répondu"}
    passed = next(s for s in statements if s["verb"]["id"] == VERBS["passed"])
    assert passed["object"]["definition"]["name"]["fr"] == QUIZ.title.fr
    assert all(s["context"]["language"] == "fr" for s in statements)
