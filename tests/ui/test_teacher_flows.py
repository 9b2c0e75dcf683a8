"""A teacher's flows under AppTest: lessons that fit the class's band, first mistakes kept, the reveal
button only where there is something to reveal."""

import pytest

from course import nicknames
from course.activities import grade
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Attempt, Store
from tests.ui.apptest import open_page, teacher, texts, use_database

COURSE = load_course()
YOUNG = COURSE.lessons["grooming-7-10"]
OLDER = COURSE.lessons["sextortion-14-17"]


@pytest.fixture
def db(monkeypatch, tmp_path):
    return use_database(monkeypatch, tmp_path)


def classes_page(locale: str = "en-GB"):
    return open_page(teacher(locale), "classes")


def submit(at):
    return next(b for b in at.button if b.key.startswith("FormSubmitter:new_session")).click().run()


def picker_labels(at) -> list[str]:
    return list(at.multiselect(key="new_class_lessons").options)  # as shown (AppTest formats them)


def test_the_picker_shows_the_class_band_first_with_the_band_on_every_title(db):
    at = classes_page()
    at = at.selectbox(key="new_class_band").set_value("7-10").run()
    labels = picker_labels(at)
    assert labels and all(label.endswith("(Ages 7–10)") for label in labels)  # nothing older offered
    assert f"{YOUNG.title.en} (Ages 7–10)" in labels
    assert "A 7–10 class is never given lessons written for older pupils." in texts(at)
    at = at.selectbox(key="new_class_band").set_value("14-17").run()
    labels = picker_labels(at)
    bands = [label.rsplit("(", 1)[1] for label in labels]
    assert bands == sorted(bands, key=["Ages 14–17)", "Ages 11–13)", "Ages 7–10)"].index)  # own band first
    assert f"{OLDER.title.en} (Ages 14–17)" in labels and f"{YOUNG.title.en} (Ages 7–10)" in labels


def test_switching_to_7_10_drops_an_older_lesson_and_says_so(db):
    at = classes_page()
    at = at.selectbox(key="new_class_band").set_value("14-17").run()
    at = at.multiselect(key="new_class_lessons").set_value([OLDER.id, YOUNG.id]).run()
    at = at.selectbox(key="new_class_band").set_value("7-10").run()
    assert at.multiselect(key="new_class_lessons").value == [YOUNG.id]
    shown = texts(at)
    assert (
        f"Removed from the lessons, as the class is now for ages 7–10: {OLDER.title.en} (Ages 14–17)."
        in shown
    )
    at.text_input(key="new_class_name").input("Year 4")
    at = submit(at)
    session = Classroom(Store.open(db)).get(at.query_params["session"])
    assert session.band == "7-10" and session.lessons == (YOUNG.id,)


def test_another_bands_lesson_needs_the_box_ticked(db):
    at = classes_page()
    at = at.selectbox(key="new_class_band").set_value("14-17").run()
    at = at.multiselect(key="new_class_lessons").set_value([YOUNG.id]).run()
    assert "These lessons are written for another age band than the class's" in texts(at)
    at.text_input(key="new_class_name").input("Year 11")
    at = submit(at)
    assert "session" not in at.query_params
    assert "Confirm that this class gets lessons from another age band" in texts(at)
    assert Classroom(Store.open(db)).all_open() == []
    at = at.checkbox(key="new_class_confirm").check().run()
    at = submit(at)
    session = Classroom(Store.open(db)).get(at.query_params["session"])
    assert (session.band, session.lessons) == ("14-17", (YOUNG.id,))


def test_the_dashboard_keeps_first_mistakes_after_a_retry(db):
    classroom = Classroom(Store.open(db))
    session = classroom.create("CM2 B", "7-10", [YOUNG.id], paced=False)
    activity = next(step.activity for step in YOUNG.steps if step.type == "activity")
    assert activity.type == "red_flag_chat"
    wrong = grade(activity, (next(m.id for m in activity.messages if not m.red_flag),))
    right = grade(activity, tuple(m.id for m in activity.messages if m.red_flag))
    assert not wrong.correct and right.correct
    for name in ("brave-otter", "calm-fox"):
        pupil = classroom.join(session, name)
        for result in (wrong, right):  # wrong at first, right on the retry
            classroom.store.record_attempt(
                Attempt(
                    pupil.id, YOUNG.id, activity.id, result.answer, result.correct, result.score, "v1",
                    session_id=session.id,
                )
            )  # fmt: skip
    at = teacher()
    at.query_params["session"] = session.id
    at = open_page(at, "dashboard")
    shown = texts(at)
    assert "0 bonne(s) réponse(s) sur 2 au premier essai, 2 sur 2 maintenant" in shown
    assert "Aucune mauvaise réponse pour l'instant." not in shown
    assert "2 fois" in shown  # both first answers still count as the mistake
    assert nicknames.display("brave-otter", "fr") not in shown.split("Ce que la classe")[-1]  # no names


def test_reveal_is_the_main_button_only_on_a_question(db):
    classroom = Classroom(Store.open(db))
    session = classroom.create("CM2 B", "7-10", [YOUNG.id], paced=True)
    at = teacher()
    at.query_params["session"] = session.id
    at = open_page(at, "dashboard")
    assert YOUNG.steps[0].type != "activity"
    reveal = at.button(key="pace_reveal")
    assert reveal.disabled and reveal.proto.type == "secondary"
    step = next(i for i, s in enumerate(YOUNG.steps) if s.type == "activity")
    for _ in range(step):
        at = at.button(key="pace_next").click().run()
    reveal = at.button(key="pace_reveal")
    assert not reveal.disabled and reveal.proto.type == "primary"


def test_a_class_opens_its_dashboard_from_the_list_of_classes(db):
    session = Classroom(Store.open(db)).create("CM2 B", "7-10", [YOUNG.id], paced=False)
    at = classes_page()
    at = at.button(key=f"open_session_{session.id}").click().run()
    assert not at.exception
    assert at.query_params["session"] == session.id
    assert [title.value for title in at.title] == ["CM2 B"]  # the class's dashboard, not the list
