from course.content import load_course
from course.progress.overview import overview
from course.progress.store import LessonProgress, QuizSummary
from tests.conftest import TODAY, VALID

COURSE = load_course(VALID, today=TODAY)


def test_nothing_done_suggests_the_first_lesson_of_the_chosen_band():
    view = overview(COURSE, {}, {}, "7-10")
    assert [row.lesson_id for row in view.rows] == ["demo-7-10"]
    assert view.next_lesson == "demo-7-10" and view.completed == 0


def test_band_comes_from_progress_when_none_is_chosen():
    progress = {"demo-7-10": LessonProgress("demo-7-10", 2, 2, False)}
    view = overview(COURSE, progress, {}, None)
    assert view.band == "7-10"
    assert (view.rows[0].steps_done, view.rows[0].steps) == (2, 4)


def test_finished_lesson_with_a_passed_quiz():
    progress = {"demo-7-10": LessonProgress("demo-7-10", 4, 4, True)}
    quizzes = {"demo-7-10-quiz": QuizSummary("demo-7-10-quiz", 100, 50, True, 2)}
    view = overview(COURSE, progress, quizzes, "7-10")
    row = view.rows[0]
    assert row.completed and row.best_score == 100 and row.passed and row.quiz_id == "demo-7-10-quiz"
    assert view.next_lesson is None and view.completed == 1
