"""What the teacher sees: who is where, how the class answered, and the most common mistakes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select

from course.activities import grade
from course.activities.result import InvalidAnswer
from course.content import Course
from course.content.models import Text
from course.progress.tables import attempts, learners, lesson_progress, quiz_runs


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
    answered: int
    correct: int
    picks: dict[str, int]  # answer id -> how many pupils gave it
    mistakes: list[Mistake]  # most common first


def progress_grid(engine, session_id: str) -> list[PupilProgress]:
    """Every pupil of the session with their furthest step per lesson and best quiz scores."""
    with engine.connect() as db:
        pupils = db.execute(
            select(learners.c.id, learners.c.nickname)
            .where(learners.c.session_id == session_id)
            .order_by(learners.c.created_at)
        ).all()
        steps = db.execute(
            select(
                lesson_progress.c.learner_id,
                lesson_progress.c.lesson_id,
                lesson_progress.c.furthest_step,
                lesson_progress.c.completed_at,
            )
            .join(learners, learners.c.id == lesson_progress.c.learner_id)
            .where(learners.c.session_id == session_id)
        ).all()
        scores = db.execute(
            select(quiz_runs.c.learner_id, quiz_runs.c.quiz_id, quiz_runs.c.score)
            .join(learners, learners.c.id == quiz_runs.c.learner_id)
            .where(learners.c.session_id == session_id, quiz_runs.c.finished_at.is_not(None))
        ).all()
    rows = []
    for learner_id, nickname in pupils:
        rows.append(
            PupilProgress(
                learner_id,
                nickname,
                {lesson: step for lid, lesson, step, _ in steps if lid == learner_id},
                frozenset(lesson for lid, lesson, _, done in steps if lid == learner_id and done),
                _best(score_rows for score_rows in scores if score_rows[0] == learner_id),
            )
        )
    return rows


def _best(rows) -> dict[str, int]:
    best: dict[str, int] = {}
    for _, quiz_id, score in rows:
        best[quiz_id] = max(score, best.get(quiz_id, 0))
    return best


def latest_answers(engine, session_id: str) -> dict[tuple[str, str, str], tuple[str, ...]]:
    """(learner, content, activity) -> the answer ids of that pupil's latest attempt."""
    with engine.connect() as db:
        rows = db.execute(
            select(attempts.c.learner_id, attempts.c.content_id, attempts.c.activity_id, attempts.c.answer)
            .where(attempts.c.session_id == session_id)
            .order_by(attempts.c.id)
        ).all()
    return {(learner, content, activity): tuple(answer) for learner, content, activity, answer in rows}


def question_stats(engine, course: Course, session_id: str) -> list[QuestionStats]:
    """Per activity answered in the session: answer counts, and the most common mistakes with feedback."""
    grouped: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for (_, content_id, activity_id), answer in latest_answers(engine, session_id).items():
        grouped.setdefault((content_id, activity_id), []).append(answer)
    stats = []
    for (content_id, activity_id), answers in grouped.items():
        activity = find_activity(course, content_id, activity_id)
        if activity is None:
            continue  # content removed since
        stats.append(_stats(content_id, activity, answers))
    return stats


def _stats(content_id: str, activity, answers: list[tuple[str, ...]]) -> QuestionStats:
    picks: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    feedback: dict[str, Text] = {}
    correct = 0
    for answer in answers:
        picks.update(answer)
        try:
            result = grade(activity, answer)
        except InvalidAnswer:
            continue
        correct += bool(result.correct)
        for item in result.feedback:
            if item.good is False:
                wrong[item.item_id] += 1
                feedback[item.item_id] = item.text
    mistakes = [Mistake(item, count, feedback[item]) for item, count in wrong.most_common()]
    return QuestionStats(content_id, activity.id, len(answers), correct, dict(picks), mistakes)


def find_activity(course: Course, content_id: str, activity_id: str):
    if content_id in course.quizzes:
        return next((q for q in course.quizzes[content_id].questions if q.id == activity_id), None)
    lesson = course.lessons.get(content_id)
    if lesson is None:
        return None
    return next(
        (
            step.activity
            for step in lesson.steps
            if step.type == "activity" and step.activity.id == activity_id
        ),
        None,
    )
