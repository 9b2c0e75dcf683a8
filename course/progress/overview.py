"""What a learner has done and what to do next, computed from the store's summaries (no Streamlit)."""

from __future__ import annotations

from dataclasses import dataclass

from course import bands
from course.content import Course
from course.progress.store import LessonProgress, QuizSummary


@dataclass(frozen=True)
class LessonRow:
    lesson_id: str
    topic: str
    steps_done: int
    steps: int
    completed: bool
    quiz_id: str | None
    best_score: int | None
    passed: bool


@dataclass(frozen=True)
class Overview:
    band: str | None
    rows: list[LessonRow]
    next_lesson: str | None

    @property
    def completed(self) -> int:
        return sum(row.completed for row in self.rows)


def learner_band(course: Course, progress: dict[str, LessonProgress], chosen: str | None) -> str | None:
    """The band chosen in this session, else the band of the lesson touched most recently."""
    if bands.is_learner(chosen):
        return chosen
    touched = [course.lessons[lid].ages for lid in progress if lid in course.lessons]
    return touched[-1] if touched else None


def overview(
    course: Course, progress: dict[str, LessonProgress], quizzes: dict[str, QuizSummary], chosen: str | None
) -> Overview:
    band = learner_band(course, progress, chosen)
    rows = []
    for lesson in course.lessons_for(band) if band else []:
        done = progress.get(lesson.id)
        summary = quizzes.get(lesson.quiz) if lesson.quiz else None
        rows.append(
            LessonRow(
                lesson.id,
                lesson.topic,
                min(done.furthest_step, len(lesson.steps)) if done else 0,
                len(lesson.steps),
                bool(done and done.completed),
                lesson.quiz if lesson.quiz in course.quizzes else None,
                summary.best_score if summary else None,
                bool(summary and summary.passed),
            )
        )
    return Overview(band, rows, next_lesson(rows))


def next_lesson(rows: list[LessonRow]) -> str | None:
    """A lesson already started first, then the first one not done."""
    started = [row for row in rows if not row.completed and row.steps_done > 0]
    waiting = [row for row in rows if not row.completed]
    for group in (started, waiting):
        if group:
            return group[0].lesson_id
    return None
