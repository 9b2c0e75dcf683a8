"""The dashboard's paper cards under AppTest: a photo (its reader stood in for) answers the class's
question, the cards read are listed with their pupils, a card is corrected by hand, and a quick tally is
saved; the photo is never kept in the session."""

import pytest
from streamlit.runtime.uploaded_file_manager import UploadedFile

from course import nicknames
from course.cards import reader
from course.cards.reader import CardSeen, PhotoReading
from course.classroom import cards
from course.classroom.reports import question_stats
from course.classroom.sessions import Classroom
from course.content import load_course
from course.progress import Store
from tests.ui.apptest import dashboard, texts, use_database

COURSE = load_course()
LESSON = COURSE.lessons["privacy-settings-11-13"]
STEP = 5
PICK = LESSON.steps[STEP].activity
PHOTO = b"\xff\xd8 a photo of the class \xff\xd9"


@pytest.fixture
def class_with_cards(monkeypatch, tmp_path):
    """A teacher-paced class answering with cards, on a single-choice question; (classroom, session)."""
    classroom = Classroom(Store.open(use_database(monkeypatch, tmp_path)))
    session = classroom.create("CM2 B", "11-13", [LESSON.id], paced=True)
    classroom.set_step(session.id, LESSON.id, STEP)
    classroom.use_cards(session.id)
    return classroom, classroom.get(session.id)


def photo_bytes_kept(at) -> list[str]:
    """Session state entries holding the photo (its bytes or the uploaded file)."""
    kept = []
    for key in at.session_state:
        value = at.session_state[key]
        if isinstance(value, UploadedFile | bytes) or (
            isinstance(value, str) and "photo of the class" in value
        ):
            kept.append(key)
    return kept


def test_a_photo_answers_the_question_and_the_cards_read_are_listed_and_correctable(
    class_with_cards, monkeypatch
):
    classroom, session = class_with_cards
    given: list[bytes] = []

    def read(data: bytes, max_card: int = 50) -> PhotoReading:
        given.append(data)
        return PhotoReading((CardSeen(4, "B"), CardSeen(11, "A"), CardSeen(12, "C")), unsure=(12,))

    monkeypatch.setattr(reader, "read_photo", read)
    at = dashboard(session.id)
    question = f"{session.id}:{LESSON.id}:{PICK.id}"
    at.camera_input(key=f"cards_camera:{question}:0").set_value(("class.jpg", PHOTO, "image/jpeg")).run()
    assert not at.exception
    assert given == [PHOTO]
    shown = texts(at)
    labels = [button.proto.label for button in at.get("download_button")]
    assert "Cartes-réponses à imprimer (40)" in labels  # the cards to print, from the same box
    assert "2 carte(s) lue(s), dont 2 nouvelle(s) dans cette classe." in shown
    assert "Carte(s) 12 incertaine(s)" in shown
    options = cards.letters(PICK, session.id)
    pupils = cards.pupils_by_card(classroom, session.id)
    assert list(pupils) == [4, 11]
    table = next(h.value for h in at.html if "Cartes lues pour cette question" in h.value)
    for number, letter in ((4, "B"), (11, "A")):
        assert nicknames.display(pupils[number].nickname, "fr") in table
        assert f"{letter} · " in table
        attempt = classroom.store.last_answer(pupils[number].id, LESSON.id, PICK.id)
        assert attempt is not None and attempt.answer == (options[letter],)
        assert attempt.content_version == COURSE.versions[LESSON.id]
    assert photo_bytes_kept(at) == []
    assert at.camera_input(key=f"cards_camera:{question}:1").label == "Reprendre la photo"

    at.selectbox(key=f"cards_fix_card:{question}").set_value(12)
    at.selectbox(key=f"cards_fix_letter:{question}").set_value("D")
    at.button(key=f"FormSubmitter:cards_fix:{question}-Corriger").click().run()
    assert not at.exception
    (stats,) = question_stats(classroom.engine, COURSE, session.id)
    assert stats.answered == 3 and stats.picks[options["D"]] == 1


def test_a_quick_tally_is_saved_and_counted(class_with_cards):
    classroom, session = class_with_cards
    at = dashboard(session.id)
    question = f"{session.id}:{LESSON.id}:{PICK.id}"
    right = PICK.right_answer()[0]
    at.number_input(key=f"tally:{question}:{right}").set_value(6)
    at.button(key=f"FormSubmitter:cards_tally:{question}-Enregistrer le décompte").click().run()
    assert not at.exception
    assert "Décompte enregistré : 6 réponse(s)." in texts(at)
    (stats,) = question_stats(classroom.engine, COURSE, session.id)
    assert stats.answered == 6 and stats.correct == 6


def test_the_projector_letters_the_options_of_a_card_class(class_with_cards):
    _, session = class_with_cards
    at = dashboard(session.id)
    shown = texts(at)
    for letter, option in cards.letters(PICK, session.id).items():
        text = next(o.text.fr for o in PICK.options if o.id == option).replace("\u00a0", " ")
        assert f"**{letter} · {text}**" in shown
    assert "Levez votre carte" in shown


def test_a_real_photo_of_the_class_is_read_and_counted_like_devices(class_with_cards):
    """No stand-in: a photo of 12 cards made as a camera would see them, read by course/cards/reader.py
    through the dashboard's camera, each answer stored for its card's pupil and counted in the bars."""
    from course.cards.synthetic import class_photo

    classroom, session = class_with_cards
    options = cards.letters(PICK, session.id)  # letter -> option id, in the class's order
    answers = {number: "AB"[number % 2] for number in range(1, 13)}
    photo = class_photo(answers, seed=3, distance_m=4.0, size=(2000, 1500))
    at = dashboard(session.id)
    question = f"{session.id}:{LESSON.id}:{PICK.id}"
    at.camera_input(key=f"cards_camera:{question}:0").set_value(("class.jpg", photo, "image/jpeg")).run()
    assert not at.exception
    pupils = cards.pupils_by_card(classroom, session.id)
    assert sorted(pupils) == list(range(1, 13))
    for number, letter in answers.items():
        stored = classroom.store.last_answer(pupils[number].id, LESSON.id, PICK.id)
        assert stored is not None and tuple(stored.answer) == (options[letter],), number
    [stats] = question_stats(classroom.engine, COURSE, session.id, (LESSON.id, PICK.id))
    assert stats.answered == 12 and stats.picks == {options["A"]: 6, options["B"]: 6}
    assert photo_bytes_kept(at) == []
