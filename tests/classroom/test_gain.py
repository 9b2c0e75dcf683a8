"""Learning gain: a seeded class, before-check against quiz, per objective, in the report and exports."""

import csv
import io
import json
from collections import defaultdict
from statistics import fmean

import pytest

from course.activities import grade
from course.classroom import reports
from course.classroom.exports import CSV_COLUMNS, GAIN_COLUMNS, csv_text, gain_csv_text, headers, xapi_jsonl
from course.classroom.gain import CONFIDENCE_AFTER, CONFIDENCE_BEFORE, Gain, quiz_gain
from course.content import load_course
from course.progress import Attempt
from tests.conftest import TODAY, VALID

COURSE = load_course(VALID, today=TODAY)
LESSON = COURSE.lessons["demo-7-10"]
QUIZ = COURSE.quizzes["demo-7-10-quiz"]
HOME = "https://course.example.org"
LESSON_OBJECTIVES = {objective.id: objective.text for objective in QUIZ.objectives}

# pupil -> (before-check answers, confidence before, quiz answers or None, confidence after)
SEED = {
    "brave-otter": (
        {"before-letter": ["c"], "before-statement": ["false"], "before-letters": ["e"]},
        1,
        {"several": ["a"], "statement": ["true"]},
        3,
    ),
    "calm-fox": (
        {"before-letter": ["d"], "before-statement": ["true"], "before-letters": ["e"]},
        2,
        {"several": ["b"], "statement": ["true"]},
        4,
    ),
    "kind-owl": (
        {"before-letter": ["d"], "before-statement": ["false"], "before-letters": ["f"]},
        4,
        None,
        None,
    ),
}


def _record(store, pupil, session_id, activity, answer, run_id=None):
    result = grade(activity, answer)
    store.record_attempt(
        Attempt(
            pupil.id,
            QUIZ.id,
            activity.id,
            result.answer,
            result.correct,
            result.score,
            "v1",
            run_id=run_id,
            session_id=session_id,
        )
    )


def _confidence(store, pupil, session_id, which, value, run_id=None):
    store.record_attempt(
        Attempt(
            pupil.id, QUIZ.id, which, (str(value),), None, None, "v1", run_id=run_id, session_id=session_id
        )
    )


def seed_class(classroom):
    session = classroom.create("CM2 B", "7-10", [LESSON.id], paced=False)
    store = classroom.store
    questions = {q.id: q for q in [*QUIZ.questions, *QUIZ.before_check]}
    for name, (before, sure_before, after, sure_after) in SEED.items():
        pupil = classroom.join(session, name)
        for activity_id, answer in before.items():
            _record(store, pupil, session.id, questions[activity_id], answer)
        _confidence(store, pupil, session.id, CONFIDENCE_BEFORE, sure_before)
        if after is None:
            continue
        run = store.open_quiz_run(pupil.id, QUIZ.id)
        for activity_id, answer in after.items():
            _record(store, pupil, session.id, questions[activity_id], answer, run)
        _confidence(store, pupil, session.id, CONFIDENCE_AFTER, sure_after, run)
        store.finish_quiz_run(run, 50, True)
        retake = store.open_quiz_run(pupil.id, QUIZ.id)  # a retake does not change the after-check
        for activity_id in after:
            _record(
                store,
                pupil,
                session.id,
                questions[activity_id],
                ["a"] if activity_id == "several" else ["true"],
                retake,
            )
    return session


@pytest.fixture
def seeded(classroom):
    return classroom, seed_class(classroom)


def test_gain_per_objective_pairs_pupils_who_did_both(seeded):
    classroom, session = seeded
    [(lesson, gain)] = reports.session_gains(classroom.engine, COURSE, session.id, session.lessons)
    assert lesson.id == LESSON.id
    # pick-letters: before 0 % and 50 %, after 100 % and 0 % (the owl did no quiz: not counted)
    assert gain.objectives["pick-letters"] == Gain(2, 25.0, 50.0)
    assert gain.objectives["pick-letters"].normalised == pytest.approx(1 / 3)
    assert gain.objectives["judge-statements"] == Gain(2, 50.0, 100.0)
    assert gain.objectives["judge-statements"].normalised == 1.0
    assert gain.overall == Gain(2, 37.5, 75.0)
    assert gain.overall.normalised == pytest.approx(0.6)
    assert gain.confidence == Gain(2, 1.5, 3.5)


def read_csv(text: str, columns: list[str], lang: str) -> list[dict[str, str]]:
    """The rows by column id, once the header row is checked to name the columns in `lang`."""
    header, *rows = csv.reader(io.StringIO(text))
    assert header == headers(columns, lang)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_the_gain_csv_carries_the_same_figures(seeded):
    classroom, session = seeded
    text = gain_csv_text(classroom.engine, COURSE, session.id, "CM2 B", session.lessons)
    rows = read_csv(text, GAIN_COLUMNS, "en")
    assert next(csv.reader(io.StringIO(text)))[:5] == ["Class", "Lesson", "Lesson id", "Quiz id", "Objective"]
    table = {
        row["objective"]: (row["pupils"], row["before_percent"], row["after_percent"], row["normalised_gain"])
        for row in rows
    }
    assert table == {
        "pick-letters": ("2", "25.0", "50.0", "0.333"),
        "judge-statements": ("2", "50.0", "100.0", "1.000"),
        "all": ("2", "37.5", "75.0", "0.600"),
        "confidence": ("2", "1.5", "3.5", ""),
    }
    assert {row["objective_name"] for row in rows} >= {"All objectives", LESSON_OBJECTIVES["pick-letters"].en}
    assert {row["lesson"] for row in rows} == {LESSON.title.en}


def test_the_gain_csv_follows_the_teachers_language(seeded):
    classroom, session = seeded
    text = gain_csv_text(classroom.engine, COURSE, session.id, "CM2 B", session.lessons, "fr")
    rows = read_csv(text, GAIN_COLUMNS, "fr")
    assert next(csv.reader(io.StringIO(text)))[:2] == ["Classe", "Leçon"]
    names = {row["objective"]: row["objective_name"] for row in rows}
    assert (
        names["all"] == "Tous les objectifs" and names["pick-letters"] == LESSON_OBJECTIVES["pick-letters"].fr
    )
    assert {row["lesson"] for row in rows} == {LESSON.title.fr}


def test_the_answers_csv_names_phase_and_objective(seeded):
    classroom, session = seeded
    rows = read_csv(csv_text(classroom.engine, session.id, "CM2 B", COURSE), CSV_COLUMNS, "en")
    marks = {(row["pupil"], row["activity_id"], row["phase"], row["objective"]) for row in rows}
    assert ("Brave Otter", "before-letter", "before", "pick-letters") in marks
    assert ("Calm Fox", "statement", "after", "judge-statements") in marks
    assert ("Kind Owl", CONFIDENCE_BEFORE, "before", "") in marks
    french = read_csv(csv_text(classroom.engine, session.id, "CM2 B", COURSE, "fr"), CSV_COLUMNS, "fr")
    marks = {(row["pupil"], row["activity_id"], row["phase"], row["objective"]) for row in french}
    assert ("Loutre courageuse", "before-letter", "avant", "pick-letters") in marks
    assert ("Renard calme", "statement", "après", "judge-statements") in marks


def test_xapi_statements_give_the_same_before_and_after(seeded):
    classroom, session = seeded
    statements = [
        json.loads(line) for line in xapi_jsonl(classroom.engine, session.id, HOME, COURSE).splitlines()
    ]
    scores = defaultdict(lambda: defaultdict(list))  # (objective, phase) -> learner -> scores
    for statement in statements:
        definition = statement["object"].get("definition", {}).get("extensions", {})
        phase, objective = (
            definition.get(f"{HOME}/extensions/phase"),
            definition.get(f"{HOME}/extensions/objective"),
        )
        if not objective or "score" not in statement["result"]:
            continue
        learner = statement["actor"]["account"]["name"]
        scores[(objective, phase)][learner].append(statement["result"]["score"]["scaled"])

    # the statements of the first run come first: keep, per learner, as many after-scores as questions
    def class_mean(objective, phase, per_learner_count):
        values = scores[(objective, phase)]
        paired = [learner for learner in values if learner in scores[(objective, "after")]]
        return 100 * fmean(fmean(values[learner][:per_learner_count]) for learner in paired)

    assert class_mean("pick-letters", "before", 2) == 25.0
    assert class_mean("pick-letters", "after", 1) == 50.0
    assert class_mean("judge-statements", "before", 1) == 50.0
    assert class_mean("judge-statements", "after", 1) == 100.0


def test_a_learner_alone_sees_their_own_gain():
    attempts = []
    questions = {q.id: q for q in [*QUIZ.questions, *QUIZ.before_check]}
    for activity_id, answer in SEED["brave-otter"][0].items():
        result = grade(questions[activity_id], answer)
        attempts.append(
            Attempt("me", QUIZ.id, activity_id, result.answer, result.correct, result.score, "v1")
        )
    assert quiz_gain(QUIZ, attempts).overall == Gain(0, None, None)  # no quiz yet: nothing to compare
    for activity_id, answer in SEED["brave-otter"][2].items():
        result = grade(questions[activity_id], answer)
        attempts.append(
            Attempt(
                "me", QUIZ.id, activity_id, result.answer, result.correct, result.score, "v1", run_id="r1"
            )
        )
    assert quiz_gain(QUIZ, attempts).overall == Gain(1, 50.0, 100.0)
