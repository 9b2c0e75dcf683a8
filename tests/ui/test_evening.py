"""A parent evening under AppTest: presenter navigation, votes from several phones, counts only."""

import pytest
from sqlalchemy import func, select

from course.classroom import evening
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from course.progress.tables import attempts, learners, poll_counts
from tests.ui.apptest import open_page, registered, spaced, start, teacher, texts, use_database

COURSE = load_course()
PARENT_LESSONS = [lesson.id for lesson in COURSE.lessons_for("parents")]


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


def open_evening(at):
    at = open_page(at, "classes")
    at.text_input(key="new_evening_name").input("Réunion du 3 mars")
    at = next(b for b in at.button if b.key.startswith("FormSubmitter:new_evening")).click().run()
    return open_page(at, "console"), at.query_params["session"]


def first_poll():
    order = evening.slides(COURSE, tuple(PARENT_LESSONS))
    for position in order:
        lesson_id, index = position
        if lesson_id and COURSE.lessons[lesson_id].steps[index].type == "activity":
            activity = COURSE.lessons[lesson_id].steps[index].activity
            if activity.type == "poll":
                return order.index(position), lesson_id, activity
    raise AssertionError("the parent course has no poll")


def parent_phone(code: str):
    phone = open_page(start("fr-FR", **{"class": code}), "join")
    return open_page(phone, "vote")


def test_presenter_moves_slides_and_parents_vote_anonymously(db):
    console, session_id = open_evening(teacher())
    classroom = Classroom(Store.open(db))
    session = classroom.get(session_id)
    assert session.kind == "evening" and session.lessons == tuple(PARENT_LESSONS)
    assert "Accueil : comment se connecter" in texts(console)

    index, lesson_id, poll = first_poll()
    for _ in range(index):
        console = console.button(key="console_next").click().run()
    session = classroom.get(session_id)
    assert (session.current_lesson, session.current_step) == evening.slides(COURSE, session.lessons)[index]

    phones = [parent_phone(session.join_code) for _ in range(3)]
    choices = [poll.options[0].id, poll.options[0].id, poll.options[1].id]
    for phone, choice in zip(phones, choices, strict=True):
        assert spaced(poll.prompt.fr) in texts(phone)
        phone = phone.button(key=f"vote:{lesson_id}/{poll.id}:{choice}").click().run()
        assert "Merci, votre vote est compté." in texts(phone)
        assert not [b for b in phone.button if b.key.startswith("vote:")]  # one vote per browser
    assert Store.open(db).poll_results(session_id, f"{lesson_id}/{poll.id}") == {
        poll.options[0].id: 2,
        poll.options[1].id: 1,
    }
    with Store.open(db).engine.connect() as db_:
        assert db_.execute(select(func.count()).select_from(learners)).scalar() == 0
        assert db_.execute(select(func.count()).select_from(attempts)).scalar() == 0
        assert db_.execute(select(func.count()).select_from(poll_counts)).scalar() == 2  # one row per option

    projector = open_page(console, "presenter")
    assert not projector.exception
    assert "3 vote(s) pour l'instant" in texts(projector)
    console = open_page(projector, "console").button(key="console_reveal").click().run()
    projector = open_page(console, "presenter")
    results = [h.value for h in projector.html if 'class="bars hall"' in h.value]
    assert results and results[0].count('class="result"') == len(poll.options)
    assert "2 · 67 %" in results[0] and "1 · 33 %" in results[0]


def test_slides_are_teacher_only(db):
    console, session_id = open_evening(teacher())
    visitor = start("fr-FR", session=session_id)
    assert not {"presenter", "console"} & registered(visitor)


def test_phone_without_joining_is_told_to_join_first(db):
    phone = open_page(start("en-GB"), "vote")
    assert "Join the evening with the code on the screen first." in texts(phone)
