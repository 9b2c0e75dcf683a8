"""Parents and teachers read lessons without a nickname, and nothing about them is stored."""

from sqlalchemy import func, select

from course.content import load_course
from course.progress import Store
from course.progress.tables import attempts, learners
from course.ui.pages.teachers import curriculum_rows
from tests.conftest import TODAY, edit
from tests.ui.apptest import current_step, open_page, start, texts, use_database
from tests.ui.journey import walk_lesson


def test_a_parent_reads_a_lesson_without_a_nickname(content, monkeypatch, tmp_path):
    for relative in ("lessons/demo/demo-7-10.yaml", "quizzes/demo/demo-7-10-quiz.yaml"):
        edit(content, relative, "audience: learner", "audience: parent")
        edit(content, relative, "ages: '7-10'", "ages: parents")
    monkeypatch.setenv("COURSE_CONTENT_ROOT", str(content))
    url = use_database(monkeypatch, tmp_path)
    lesson = load_course(content, today=TODAY).lessons["demo-7-10"]
    at = open_page(start("fr-FR", lesson=lesson.id), "lesson")
    assert not any(button.key.startswith("nickname:") for button in at.button)
    at = walk_lesson(at, lesson)
    assert current_step(at, lesson) == len(lesson.steps)
    assert "Vous avez terminé cette leçon." in texts(at)  # a calm end, in the adults' words
    with Store.open(url).engine.connect() as db:
        assert db.execute(select(func.count()).select_from(learners)).scalar() == 0
        assert db.execute(select(func.count()).select_from(attempts)).scalar() == 0


def test_curriculum_map_names_frameworks_for_every_learner_topic():
    course = load_course()
    rows = curriculum_rows(course, "en")
    assert [row[""].split(" ", 1)[1] for row in rows][:1] == ["Fake friends online (grooming)"]
    assert all(row["CRCN"] and row["Education for a Connected World"] for row in rows)
    assert "teaching" not in " ".join(row[""] for row in rows)
