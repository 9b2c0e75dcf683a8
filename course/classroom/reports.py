"""What the teacher sees: who is where, how the class answered, and the most common mistakes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select

from course.activities import Result, grade
from course.activities.result import InvalidAnswer
from course.classroom.cards import tallies
from course.classroom.gain import QuizGain, quiz_gain
from course.content import Course
from course.content.models import Lesson, Text
from course.progress.store import attempt_from_row
from course.progress.tables import attempts, learners, lesson_progress, quiz_runs

# Built once: the teacher's live view runs these every few seconds.
_PUPILS_AND_STEPS = (  # a pupil who has not started yet comes once, with no lesson
    select(
        learners.c.id,
        learners.c.nickname,
        lesson_progress.c.lesson_id,
        lesson_progress.c.furthest_step,
        lesson_progress.c.completed_at,
    )
    .select_from(learners.outerjoin(lesson_progress, lesson_progress.c.learner_id == learners.c.id))
    .where(learners.c.session_id == bindparam("p_session"))
    .order_by(learners.c.created_at, learners.c.id)
)
_SCORES = (
    select(quiz_runs.c.learner_id, quiz_runs.c.quiz_id, quiz_runs.c.score)
    .join(learners, learners.c.id == quiz_runs.c.learner_id)
    .where(learners.c.session_id == bindparam("p_session"), quiz_runs.c.finished_at.is_not(None))
)
_ANSWERS = (
    select(attempts.c.learner_id, attempts.c.content_id, attempts.c.activity_id, attempts.c.answer)
    .where(attempts.c.session_id == bindparam("p_session"))
    .order_by(attempts.c.id)
)
_ANSWERS_TO_ONE = _ANSWERS.where(
    attempts.c.content_id == bindparam("p_content"), attempts.c.activity_id == bindparam("p_activity")
)


@dataclass(frozen=True)
class PupilProgress:
    learner_id: str
    nickname: str
    steps: dict[str, int] = field(default_factory=dict)  # lesson id -> furthest step
    completed: frozenset[str] = frozenset()
    best_scores: dict[str, int] = field(default_factory=dict)  # quiz id -> best percentage


@dataclass(frozen=True)
class Mistake:
    item_id: str
    count: int
    feedback: Text


@dataclass(frozen=True)
class QuestionStats:
    content_id: str
    activity_id: str
    answered: int  # pupils who answered
    correct: int  # of them, right with their latest answer
    picks: dict[str, int]  # answer id -> how many pupils give it in their latest answer
    mistakes: list[Mistake]  # in first answers (a retry does not erase a misconception), most common first
    first_correct: int = 0  # pupils right at their first try


def progress_grid(engine, session_id: str) -> list[PupilProgress]:
    """Every pupil of the session with their furthest step per lesson and best quiz scores."""
    values = {"p_session": session_id}
    with engine.connect() as db:
        rows = db.execute(_PUPILS_AND_STEPS, values).all()
        scores = db.execute(_SCORES, values).all()
    pupils: dict[str, str] = {}  # in the order they joined
    reached: dict[str, dict[str, int]] = {}
    completed: dict[str, set[str]] = {}
    for learner_id, nickname, lesson, step, done in rows:
        pupils[learner_id] = nickname
        if lesson is None:
            continue  # not started yet
        reached.setdefault(learner_id, {})[lesson] = step
        if done:
            completed.setdefault(learner_id, set()).add(lesson)
    best: dict[str, dict[str, int]] = {}
    for learner_id, quiz_id, score in scores:
        mine = best.setdefault(learner_id, {})
        mine[quiz_id] = max(score, mine.get(quiz_id, 0))
    return [
        PupilProgress(
            learner_id,
            nickname,
            reached.get(learner_id, {}),
            frozenset(completed.get(learner_id, ())),
            best.get(learner_id, {}),
        )
        for learner_id, nickname in pupils.items()
    ]


def steps_reached(furthest_step: int | None, completed: bool, total: int | None) -> int | None:
    """How many steps of a lesson a pupil has reached, 1-based as the dashboard shows it ("3/10"):
    the store keeps the furthest step's index (0-based), and the step count once the lesson is done."""
    if furthest_step is None:
        return None
    if completed:
        return total or furthest_step
    return min(furthest_step + 1, total) if total else furthest_step + 1


def progress_text(pupil: PupilProgress, lesson: Lesson) -> str:
    """A lesson's cell of the grid: ✓ when finished, else the steps reached ("3/10"; — if not started)."""
    if lesson.id in pupil.completed:
        return "✓"
    reached = steps_reached(pupil.steps.get(lesson.id), False, len(lesson.steps))
    return "—" if reached is None else f"{reached}/{len(lesson.steps)}"


def quiz_score(pupil: PupilProgress, lesson: Lesson) -> int | None:
    """The pupil's best score (percent) on the lesson's quiz, None if they have not finished it."""
    return pupil.best_scores.get(lesson.quiz) if lesson.quiz else None


def grid_text(pupil: PupilProgress, lesson: Lesson) -> str:
    """The grid's cell: the progress, then the best quiz score ("3/10", "✓ · 80 %")."""
    score = quiz_score(pupil, lesson)
    return progress_text(pupil, lesson) + (f" · {score} %" if score is not None else "")


Answers = dict[tuple[str, str, str], tuple[str, ...]]


def first_and_latest_answers(
    engine, session_id: str, only: tuple[str, str] | None = None
) -> tuple[Answers, Answers]:
    """(learner, content, activity) -> the answer ids of that pupil's first attempt, and of their latest.

    `only`: (content id, activity id) of the one question wanted, e.g. the one on the projector now.
    """
    query, values = _ANSWERS, {"p_session": session_id}
    if only is not None:
        query, values = _ANSWERS_TO_ONE, {**values, "p_content": only[0], "p_activity": only[1]}
    with engine.connect() as db:
        rows = db.execute(query, values).all()
    first: Answers = {}
    latest: Answers = {}
    for learner, content, activity, answer in rows:  # oldest first
        first.setdefault((learner, content, activity), tuple(answer))
        latest[(learner, content, activity)] = tuple(answer)
    return first, latest


def latest_answers(engine, session_id: str, only: tuple[str, str] | None = None) -> Answers:
    """(learner, content, activity) -> the answer ids of that pupil's latest attempt."""
    return first_and_latest_answers(engine, session_id, only)[1]


def question_stats(
    engine, course: Course, session_id: str, only: tuple[str, str] | None = None
) -> list[QuestionStats]:
    """Per activity answered in the session (or only the one given): answer counts, how many were right
    at first try and are now, and the most common mistakes of first tries with their feedback. A quick
    tally's hands count as answers (course.classroom.cards)."""
    first, latest = first_and_latest_answers(engine, session_id, only)
    grouped: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for key, answer in latest.items():
        _, content_id, activity_id = key
        grouped.setdefault((content_id, activity_id), []).append((first[key], answer))
    for question, counts in tallies(engine, session_id, only).items():  # each hand: one first answer
        for option, count in counts.items():
            grouped.setdefault(question, []).extend([((option,), (option,))] * count)
    stats = []
    for (content_id, activity_id), answers in grouped.items():
        activity = find_activity(course, content_id, activity_id)
        if activity is None:
            continue  # content removed since
        stats.append(_stats(content_id, activity, answers, course.versions.get(content_id, "")))
    return stats


def _stats(
    content_id: str, activity, answers: list[tuple[tuple[str, ...], tuple[str, ...]]], version: str = ""
) -> QuestionStats:
    """`answers`: per pupil, (first answer, latest answer)."""
    picks: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    feedback: dict[str, Text] = {}
    correct = first_correct = 0
    for first, latest in answers:
        picks.update(latest)
        now = _graded(version, content_id, activity, latest)
        correct += bool(now is not None and now.correct)
        result = now if first == latest else _graded(version, content_id, activity, first)
        if result is None:
            continue
        first_correct += bool(result.correct)
        for item in result.feedback:
            if item.good is False:
                wrong[item.item_id] += 1
                feedback[item.item_id] = item.text
    mistakes = [Mistake(item, count, feedback[item]) for item, count in wrong.most_common()]
    return QuestionStats(content_id, activity.id, len(answers), correct, dict(picks), mistakes, first_correct)


# Pupils give the same answers again and again, and the live views grade them every few seconds:
# results are kept by content version (the hash of its file), activity and answer.
_GRADED: dict[tuple[str, str, str, tuple[str, ...]], Result | None] = {}
_GRADED_LIMIT = 20_000


def _graded(version: str, content_id: str, activity, answer: tuple[str, ...]) -> Result | None:
    """The result of `answer` (None if it is not a valid answer to `activity`), kept when the content
    has a version."""
    key = (version, content_id, activity.id, answer)
    if version and key in _GRADED:
        return _GRADED[key]
    try:
        result = grade(activity, answer)
    except InvalidAnswer:
        result = None
    if version:
        if len(_GRADED) >= _GRADED_LIMIT:
            _GRADED.clear()
        _GRADED[key] = result
    return result


def find_activity(course: Course | None, content_id: str, activity_id: str, before_check: bool = False):
    """A lesson's activity or a quiz's question (with `before_check`, its before-check questions too);
    None if the course no longer has it."""
    if course is None:
        return None
    quiz = course.quizzes.get(content_id)
    if quiz is not None:
        questions = [*quiz.questions, *quiz.before_check] if before_check else quiz.questions
        return next((question for question in questions if question.id == activity_id), None)
    lesson = course.lessons.get(content_id)
    steps = lesson.steps if lesson is not None else []
    return next((s.activity for s in steps if s.type == "activity" and s.activity.id == activity_id), None)


_SESSION_ATTEMPTS = (
    select(attempts)
    .where(
        attempts.c.session_id == bindparam("p_session"),
        attempts.c.content_id.in_(bindparam("p_ids", expanding=True)),
    )
    .order_by(attempts.c.id)
)


def session_gains(engine, course: Course, session_id: str, lesson_ids) -> list[tuple[Lesson, QuizGain]]:
    """Each lesson of the session that has a before-check, with the class's gain on its quiz."""
    pairs = [
        (lesson, course.quizzes[lesson.quiz])
        for lesson in (course.lessons.get(lid) for lid in lesson_ids)
        if lesson and lesson.quiz and lesson.quiz in course.quizzes
    ]
    pairs = [(lesson, quiz) for lesson, quiz in pairs if quiz.before_check]
    if not pairs:
        return []
    with engine.connect() as db:
        rows = db.execute(_SESSION_ATTEMPTS, {"p_session": session_id, "p_ids": [q.id for _, q in pairs]})
        found = [attempt_from_row(row) for row in rows.mappings()]
    return [(lesson, quiz_gain(quiz, found)) for lesson, quiz in pairs]
