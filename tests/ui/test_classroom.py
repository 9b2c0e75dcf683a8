"""A class under AppTest: one teacher and several pupils on one database."""

import html

import pytest

from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from course.ui import session_keys
from course.ui.widgets.feedback_view import item_labels
from tests.ui.apptest import open_page, registered, start, teacher, texts, use_database
from tests.ui.journey import answer_right, do_before_check

COURSE = load_course()
LESSON = COURSE.lessons["grooming-7-10"]
ACTIVITY_STEP = next(i for i, step in enumerate(LESSON.steps) if step.type == "activity")
ACTIVITY = LESSON.steps[ACTIVITY_STEP].activity
QUIZ = COURSE.quizzes[LESSON.quiz]


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


def create_session(at, paced: bool, lesson=LESSON):
    """The teacher opens a class for `lesson`'s band with that lesson; its dashboard and session id."""
    at = open_page(at, "classes")
    at.text_input(key="new_class_name").input("CM2 B")
    at.selectbox(key="new_class_band").set_value(lesson.ages)
    at.multiselect(key="new_class_lessons").set_value([lesson.id])
    at.toggle(key="new_class_paced").set_value(paced)
    at = next(b for b in at.button if b.key.startswith("FormSubmitter:new_session")).click().run()
    session_id = at.query_params["session"]
    return open_page(at, "dashboard"), session_id


def join(code: str, locale: str = "fr-FR"):
    pupil = open_page(start(locale, **{"class": code}), "join")
    assert not pupil.exception
    pupil = next(b for b in pupil.button if b.key.startswith("class_nickname:")).click().run()
    assert pupil.query_params.get("code"), "the pupil got a resume code"
    return pupil


def test_teacher_pages_do_not_exist_for_pupils_or_wrong_tokens(db):
    pupil = start("fr-FR")
    assert not {"classes", "dashboard"} & registered(pupil)
    intruder = start("fr-FR", token="guess")
    assert not {"classes", "dashboard"} & registered(intruder)
    assert "token" not in intruder.query_params
    intruder = open_page(intruder, "teachers")
    assert "Ce lien enseignant n'est pas (ou plus) valable." in texts(intruder)


def test_class_session_join_answer_and_dashboard(db):
    at, session_id = create_session(teacher(), paced=False)
    session = Classroom(Store.open(db)).get(session_id)
    assert session.class_name == "CM2 B" and session.lessons == (LESSON.id,)
    shown_code = [h.value for h in at.html if "letter-spacing" in h.value]
    assert (
        shown_code and f"{session.join_code[:3]}-{session.join_code[3:]}" in shown_code[0]
    )  # on the projector

    pupils = [join(session.join_code.lower()) for _ in range(3)]
    nicknames = {Store.open(db).learner_by_code(p.query_params["code"]).nickname for p in pupils}
    assert len(nicknames) == 3  # no two pupils share a nickname

    for index, pupil in enumerate(pupils):
        lesson = open_page(pupil, "learn")
        assert "Ta classe : **CM2 B**" in texts(lesson)
        lesson.query_params["lesson"] = LESSON.id
        lesson = do_before_check(open_page(lesson, "lesson"), QUIZ)
        for _ in range(ACTIVITY_STEP):
            lesson = lesson.button(key="lesson_next").click().run()
        prefix = f"lesson:{LESSON.id}:{ACTIVITY.id}"
        if index == 0:
            lesson = answer_right(lesson, ACTIVITY, prefix)
        else:
            lesson = lesson.button(key=f"{prefix}:v0:check").click().run()  # nothing ticked: wrong
        assert not lesson.exception

    dashboard = open_page(at, "dashboard")
    shown = texts(dashboard)
    assert "Ce que la classe n'a pas compris" in shown
    assert "1 bonne(s) réponse(s) sur 3" in shown
    grid = next(h.value for h in dashboard.html if 'class="grid"' in h.value)
    assert grid.count('<th scope="row">') == 3
    assert (
        '<th scope="col">Élève</th>' in grid
        and f'<th scope="col">{html.escape(LESSON.title.fr)}</th>' in grid
    )
    assert grid.count(f"<td>{ACTIVITY_STEP + 1}/{len(LESSON.steps)}</td>") == 3  # where each pupil is


def test_teacher_paced_steps_reach_pupils_and_answers_wait_for_the_reveal(db):
    at, session_id = create_session(teacher(), paced=True)
    classroom = Classroom(Store.open(db))
    code = classroom.get(session_id).join_code
    pupil = join(code)
    pupil.query_params["lesson"] = LESSON.id
    pupil = open_page(pupil, "lesson")
    assert "Avant de commencer : qu'est-ce que tu sais déjà ?" in texts(pupil)  # teacher on step 1
    pupil = do_before_check(pupil, QUIZ)
    assert pupil.session_state[session_keys.lesson_step(LESSON.id)] == 0
    assert not [b for b in pupil.button if b.key in ("lesson_next", "lesson_back")]

    for _ in range(ACTIVITY_STEP):
        at = at.button(key="pace_next").click().run()
    pupil = pupil.run()  # what the polling fragment does every 2 s
    assert pupil.session_state[session_keys.lesson_step(LESSON.id)] == ACTIVITY_STEP

    pupil = answer_right(pupil, ACTIVITY, f"lesson:{LESSON.id}:{ACTIVITY.id}")
    assert "Réponse enregistrée. Ton enseignant va bientôt montrer les réponses." in texts(pupil)
    assert "C'est ça, bravo !" not in texts(pupil)  # no right answer on the pupil's device yet

    at = at.button(key="pace_reveal").click().run()
    assert classroom.get(session_id).revealed
    pupil = pupil.run()
    assert "C'est ça, bravo !" in texts(pupil)
    bars = [h.value for h in at.html if 'class="bars hall"' in h.value]  # the projector's answer counts
    assert bars and bars[0].count('role="listitem"') == len(item_labels(ACTIVITY, "fr"))
    assert "1 · " in bars[0]  # the pupil's flags are counted


def test_wrong_join_codes_get_a_clear_message_and_are_rate_limited(db):
    pupil = open_page(start("en-GB"), "join")
    for attempt in range(6):
        pupil.text_input(key="typed_class_code").input("ZZZZZZ")
        pupil = next(b for b in pupil.button if b.key.startswith("FormSubmitter:join_form")).click().run()
        expected = "Too many wrong codes from this device" if attempt == 5 else "No class has this code."
        assert expected in texts(pupil), attempt


def test_teacher_removes_a_pupil_and_deletes_the_session(db):
    at, session_id = create_session(teacher(), paced=False)
    classroom = Classroom(Store.open(db))
    join(classroom.get(session_id).join_code)
    at = open_page(at, "dashboard")
    pupil_id = classroom.pupils(session_id)[0].id
    at = at.selectbox(key="remove_pupil").set_value(pupil_id).run()  # the button enables once one is chosen
    at = at.button(key="remove_pupil_button").click().run()
    assert classroom.pupils(session_id) == []
    at = at.checkbox(key="delete_sure").check().run()
    at = at.button(key="delete_session").click().run()
    assert classroom.get(session_id) is None


def test_a_pupil_cannot_open_another_sessions_dashboard(db):
    at, session_id = create_session(teacher(), paced=False)
    pupil = join(Classroom(Store.open(db)).get(session_id).join_code)
    pupil.query_params["session"] = session_id
    assert "dashboard" not in registered(pupil)
    pupil = pupil.run()
    assert "CM2 B" not in [t.value for t in pupil.title]


def test_shared_deployment_password_signs_a_teacher_in(db):
    from course.classroom.access import hash_password

    at = open_page(start("en-GB"), "teachers")
    at.secrets["teachers"] = {"password_hash": hash_password("staff room 42")}
    at = at.run()
    at.text_input(key="teacher_password_input").input("wrong")
    at = next(b for b in at.button if b.key.startswith("FormSubmitter:teacher_password")).click().run()
    assert "Wrong password." in texts(at) and "classes" not in registered(at)
    at.text_input(key="teacher_password_input").input("staff room 42")
    at = next(b for b in at.button if b.key.startswith("FormSubmitter:teacher_password")).click().run()
    assert "classes" in registered(at.run())
