"""When the store is unreachable: a clear message and a retry, never a traceback; no answer is lost."""

from sqlalchemy.exc import OperationalError

from course.classroom import reports
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from tests.ui.apptest import open_page, start, teacher, texts, use_database
from tests.ui.journey import pick_first_nickname, walk_lesson

LESSON = load_course().lessons["personal-details-7-10"]
STEP = next(i for i, step in enumerate(LESSON.steps) if step.type == "activity")
ACTIVITY = LESSON.steps[STEP].activity


def test_an_unreachable_database_gives_a_clear_message(monkeypatch):
    monkeypatch.setenv(
        "COURSE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2"
    )
    at = open_page(start("en-GB", lesson=LESSON.id), "lesson")
    at = next(b for b in at.button if b.key.startswith("nickname:")).click().run()  # the first write
    assert not at.exception
    assert "The course cannot reach its database just now." in texts(at)
    assert at.button(key="store_retry")
    at = start("en-GB", code="ABCDEF")  # a resume code in the link: the first read
    assert not at.exception and "The course cannot reach its database just now." in texts(at)


def test_an_answer_that_cannot_be_saved_stays_on_screen_and_can_be_sent_again(monkeypatch, tmp_path):
    url = use_database(monkeypatch, tmp_path)
    at = walk_lesson(pick_first_nickname(open_page(start("en-GB", lesson=LESSON.id), "lesson")), LESSON, STEP)
    prefix = f"lesson:{LESSON.id}:{ACTIVITY.id}:v0"
    right = [part for part in ACTIVITY.parts if part.personal]
    for part in right:
        at.checkbox(key=f"{prefix}:pick:{part.id}").check()

    def unavailable(*_args, **_kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    original = Store.record_attempt
    monkeypatch.setattr(Store, "record_attempt", unavailable)
    at = at.button(key=f"{prefix}:check").click().run()
    assert not at.exception
    assert "Your answer could not be saved just now." in texts(at)
    assert all(at.checkbox(key=f"{prefix}:pick:{part.id}").value for part in right)  # nothing lost

    monkeypatch.setattr(Store, "record_attempt", original)
    at = at.button(key=f"{prefix}:check").click().run()
    assert "That's right, well done!" in texts(at)
    store = Store.open(url)
    learner = store.learner_by_code(at.query_params["code"])
    assert [a.activity_id for a in store.attempts(learner.id, LESSON.id)] == [ACTIVITY.id]


def test_live_views_that_lose_the_database_say_so_each_in_its_place(monkeypatch, tmp_path):
    use_database(monkeypatch, tmp_path)
    at = open_page(teacher(), "classes")
    at.text_input(key="new_class_name").input("CM2 B")
    at = next(b for b in at.button if b.key.startswith("FormSubmitter:new_session")).click().run()

    def unavailable(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(Classroom, "pupil_count", unavailable)  # the projector's count
    monkeypatch.setattr(Classroom, "pupils", unavailable)  # the "manage" box
    monkeypatch.setattr(reports, "progress_grid", unavailable)  # the teacher's live grid
    at = open_page(at, "dashboard")
    assert not at.exception
    notice = "Le parcours n'arrive pas à joindre sa base de données pour l'instant."
    assert texts(at).count(notice) == 3  # the two live views, and the page where "manage" failed
    retries = {b.key for b in at.button if b.key and b.key.startswith("store_retry")}
    assert retries == {
        "store_retry_failed:projector_view",
        "store_retry_failed:class_view",
        "store_retry_page",
    }
