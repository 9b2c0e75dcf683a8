"""Reports and exports of a class: the grid, answer counts, common mistakes, CSV and xAPI."""

import csv
import io
import json
import re
import uuid

import pytest

from course.activities import grade
from course.classroom import reports
from course.classroom.exports import CSV_COLUMNS, VERBS, csv_text, xapi_jsonl
from course.classroom.reports import progress_grid, question_stats
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Attempt
from tests.conftest import TODAY, VALID
from tests.progress.conftest import BACKENDS, open_store

COURSE = load_course(VALID, today=TODAY)
LESSON = COURSE.lessons["demo-7-10"]
QUIZ = COURSE.quizzes["demo-7-10-quiz"]
PICK = LESSON.steps[1].activity  # single choice: 'right' is correct, 'wrong' is not
HOME = "https://course.example.org"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


@pytest.fixture(params=BACKENDS)
def class_with_answers(request, tmp_path):
    """On SQLite, and on PostgreSQL too when COURSE_TEST_DATABASE_URL is set (see tests/progress)."""
    with open_store(request.param, tmp_path) as store:
        yield _class_with_answers(Classroom(store))


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


def test_csv_has_one_row_per_pupil_and_answer_with_ids_only(class_with_answers):
    classroom, session, _ = class_with_answers
    rows = list(csv.DictReader(io.StringIO(csv_text(classroom.engine, session.id, session.class_name))))
    assert list(rows[0]) == CSV_COLUMNS
    assert [(r["nickname"], r["answer_ids"], r["correct"]) for r in rows] == [
        ("brave-otter", "wrong", "false"),
        ("calm-fox", "wrong", "false"),
        ("kind-owl", "right", "true"),
    ]
    assert all(ISO.match(r["answered_at"]) and r["class"] == "CM2 B" for r in rows)


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
