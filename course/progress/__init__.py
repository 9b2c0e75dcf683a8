"""Progress store: learners, lesson progress, append-only attempts, quiz runs, anonymous poll counts."""

from course.progress.store import Attempt, Learner, LessonProgress, NicknameTaken, QuizSummary, Store

__all__ = ["Attempt", "Learner", "LessonProgress", "NicknameTaken", "QuizSummary", "Store"]
