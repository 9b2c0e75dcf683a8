"""A class answering with paper cards or a quick tally: what is stored, and what the reports and exports
make of it (the same as devices would have given)."""

import csv
import dataclasses
import io
import json

import pytest
from sqlalchemy import func, select

from course import nicknames
from course.activities import grade
from course.activities.order import shown_ids
from course.cards.reader import CardSeen, PhotoReading
from course.classroom import cards
from course.classroom.exports import csv_rows, csv_text, xapi_jsonl
from course.classroom.reports import question_stats
from course.content import load_course
from course.progress import Attempt
from course.progress.tables import attempts, card_numbers, tally_counts

COURSE = load_course()
LESSON = COURSE.lessons["privacy-settings-11-13"]
STEP = 5
PICK = LESSON.steps[STEP].activity  # single choice, four options
TRUE_FALSE_LESSON = COURSE.lessons["disclosure-teachers"]
TRUE_FALSE = TRUE_FALSE_LESSON.steps[5].activity
VERSION = COURSE.versions[LESSON.id]
HOME = "https://course.example.org"


def at_question(classroom, lesson=LESSON, step=STEP, band="11-13"):
    session = classroom.create("CM2 B", band, [lesson.id], paced=True)
    classroom.set_step(session.id, lesson.id, step)
    return classroom.get(session.id)


def photo(*cards_shown: tuple[int, str], unsure: tuple[int, ...] = ()) -> PhotoReading:
    return PhotoReading(tuple(CardSeen(number, answer) for number, answer in cards_shown), unsure)


def stored(classroom, session_id: str) -> list[tuple[str, tuple[str, ...]]]:
    """(pupil's nickname, answer ids) of every attempt of the session, oldest first."""
    pupils = {pupil.id: pupil.nickname for pupil in classroom.pupils(session_id)}
    with classroom.engine.connect() as db:
        rows = db.execute(
            select(attempts.c.learner_id, attempts.c.answer)
            .where(attempts.c.session_id == session_id)
            .order_by(attempts.c.id)
        ).all()
    return [(pupils[learner], tuple(answer)) for learner, answer in rows]


def test_letters_are_the_options_in_the_order_the_class_sees_them(classroom):
    session = at_question(classroom)
    assert list(cards.letters(PICK, session.id).values()) == shown_ids(PICK, session.id)
    assert list(cards.letters(PICK, session.id)) == ["A", "B", "C", "D"]
    labels = cards.lettered({o.id: o.text.en for o in PICK.options}, PICK, session.id)
    first = shown_ids(PICK, session.id)[0]
    assert labels[first] == "A · " + next(o.text.en for o in PICK.options if o.id == first)
    assert list(cards.letters(TRUE_FALSE, session.id).items()) == [("A", "true"), ("B", "false")]


def test_each_card_read_answers_as_its_own_pupil_with_a_generated_nickname(classroom):
    session = at_question(classroom)
    options = cards.letters(PICK, session.id)
    outcome = cards.record_photo(classroom, session, PICK, photo((7, "B"), (3, "A")), version=VERSION)
    assert [card.number for card in outcome.read] == [3, 7] and outcome.new == (3, 7)
    by_card = cards.pupils_by_card(classroom, session.id)
    assert list(by_card) == [3, 7]
    assert all(nicknames.is_nickname(pupil.nickname) for pupil in by_card.values())
    assert {p.id for p in classroom.pupils(session.id)} == {p.id for p in by_card.values()}  # the grid's
    attempt = classroom.store.last_answer(by_card[7].id, LESSON.id, PICK.id)
    result = grade(PICK, (options["B"],))
    assert attempt == Attempt(
        by_card[7].id,
        LESSON.id,
        PICK.id,
        (options["B"],),
        result.correct,
        result.score,
        VERSION,
        session_id=session.id,
    )
    assert classroom.store.lesson_progress(by_card[7].id)[LESSON.id].furthest_step == STEP
    again = cards.record_photo(classroom, session, PICK, photo((7, "B"), (9, "C")), version=VERSION)
    assert again.new == (9,)  # card 7 keeps its pupil: a number is attached once
    assert cards.pupils_by_card(classroom, session.id)[7] == by_card[7]


def test_a_card_counts_once_per_question_and_a_retaken_photo_replaces_its_answer(classroom):
    session = at_question(classroom)
    options = cards.letters(PICK, session.id)
    cards.record_photo(classroom, session, PICK, photo((1, "A"), (2, "B")), version=VERSION)
    cards.record_photo(
        classroom, session, PICK, photo((1, "A"), (2, "B")), version=VERSION
    )  # the same photo twice
    cards.record_photo(
        classroom, session, PICK, photo((2, "D"), (3, "C")), version=VERSION
    )  # card 1 hidden this time
    pupil = {n: p.nickname for n, p in cards.pupils_by_card(classroom, session.id).items()}
    assert sorted(stored(classroom, session.id)) == sorted(
        [(pupil[1], (options["A"],)), (pupil[2], (options["D"],)), (pupil[3], (options["C"],))]
    )
    (stats,) = question_stats(classroom.engine, COURSE, session.id)
    assert stats.answered == 3 and sum(stats.picks.values()) == 3


def test_after_the_reveal_a_retaken_photo_keeps_first_answers_and_adds_new_cards(classroom):
    session = at_question(classroom)
    options = cards.letters(PICK, session.id)
    cards.record_photo(classroom, session, PICK, photo((1, "A")), version=VERSION)
    classroom.reveal(session.id)
    outcome = cards.record_photo(
        classroom, classroom.get(session.id), PICK, photo((1, "B"), (2, "C")), version=VERSION
    )
    assert outcome.kept == (1,) and [(c.number, c.letter) for c in outcome.read] == [(1, "A"), (2, "C")]
    assert sorted(answer for _, answer in stored(classroom, session.id)) == sorted(
        [(options["A"],), (options["C"],)]
    )


def test_a_correction_by_hand_replaces_the_read_and_no_answer_removes_it(classroom):
    session = at_question(classroom)
    options = cards.letters(PICK, session.id)
    cards.record_photo(classroom, session, PICK, photo((1, "A"), (2, "B")), version=VERSION)
    classroom.reveal(session.id)  # a misread stays correctable after the reveal
    cards.correct(classroom, classroom.get(session.id), PICK, 1, "C", version=VERSION)
    cards.correct(classroom, session, PICK, 2, None, version=VERSION)
    read = {card.number: card.letter for card in cards.card_answers(classroom, session, PICK)}
    assert read == {1: "C", 2: None}
    assert [answer for _, answer in stored(classroom, session.id)] == [(options["C"],)]
    (stats,) = question_stats(classroom.engine, COURSE, session.id)
    assert stats.answered == 1 and stats.picks == {options["C"]: 1}  # the misread is no first answer
    with pytest.raises(ValueError, match="not 'E'"):
        cards.correct(classroom, session, PICK, 1, "E", version=VERSION)


def test_unsure_cards_and_letters_the_question_lacks_record_nothing(classroom):
    session = at_question(classroom, TRUE_FALSE_LESSON, 5, band="teachers")
    outcome = cards.record_photo(
        classroom, session, TRUE_FALSE, photo((1, "A"), (2, "C"), (4, "B"), unsure=(4, 5)), version=VERSION
    )
    assert [card.number for card in outcome.read] == [1]
    assert outcome.off == (2,) and outcome.unsure == (4, 5)
    assert [answer for _, answer in stored(classroom, session.id)] == [("true",)]
    assert list(cards.pupils_by_card(classroom, session.id)) == [1]


def test_only_one_pick_among_four_options_at_most_is_answered_by_card(classroom):
    ticks = COURSE.lessons["ai-fakes-7-10"].steps[1].activity  # several to tick
    five = COURSE.lessons["getting-help-parents"].steps[6].activity  # a poll of five: nothing is right
    assert cards.by_card(PICK) and cards.by_card(TRUE_FALSE)
    assert not cards.by_card(ticks) and not cards.by_tally(ticks)
    assert not cards.by_card(five) and not cards.by_tally(five)
    session = at_question(classroom)
    with pytest.raises(ValueError, match="cannot be answered with a card"):
        cards.record_photo(classroom, session, ticks, photo((1, "A")), version=VERSION)


def test_a_tally_counts_in_the_bars_and_misconceptions_and_a_new_tally_replaces_it(classroom):
    session = at_question(classroom)
    right = PICK.right_answer()[0]
    wrong = next(o.id for o in PICK.options if not o.correct)
    cards.record_tally(classroom, session, PICK, {right: 1, wrong: 9})
    cards.record_tally(classroom, session, PICK, {right: 5, wrong: 3})
    (stats,) = question_stats(classroom.engine, COURSE, session.id, (LESSON.id, PICK.id))
    assert stats.answered == 8 and stats.correct == 5 and stats.first_correct == 5
    assert stats.picks == {right: 5, wrong: 3}
    assert [(m.item_id, m.count) for m in stats.mistakes] == [(wrong, 3)]
    assert classroom.pupils(session.id) == []  # a tally makes no pupils
    cards.record_tally(classroom, session, PICK, {right: 0})
    assert question_stats(classroom.engine, COURSE, session.id) == []
    with pytest.raises(ValueError, match="no option"):
        cards.record_tally(classroom, session, PICK, {"nope": 1})


def test_a_tally_is_in_the_csv_without_a_pupil_and_in_xapi_as_the_class_group(classroom):
    session = at_question(classroom)
    right = PICK.right_answer()[0]
    cards.record_tally(classroom, session, PICK, {right: 2})
    rows = list(csv.DictReader(io.StringIO(csv_text(classroom.engine, session.id, "CM2 B", COURSE, "en"))))
    assert [(row["Pupil"], row["Answer ids"], row["Right"]) for row in rows] == [
        ("Quick tally", right, "yes")
    ] * 2
    (statement,) = [
        json.loads(line) for line in xapi_jsonl(classroom.engine, session.id, HOME, COURSE).splitlines()
    ]
    assert statement["actor"]["objectType"] == "Group"
    assert statement["result"] == {
        "response": right,
        "success": True,
        "extensions": {f"{HOME}/extensions/count": 2},
    }


def device_class_with_the_same_answers(classroom, card_session):
    """A class whose pupils answered on devices what the cards of `card_session` answered: same
    nicknames, same option ids, recorded as store_answering records them."""
    session = at_question(classroom)
    for card in cards.card_answers(classroom, card_session, PICK):
        pupil = classroom.join(session, card.nickname)
        option = cards.letters(PICK, card_session.id)[card.letter]
        result = grade(PICK, (option,))
        classroom.store.record_step(pupil.id, LESSON.id, STEP)
        classroom.store.record_attempt(
            Attempt(
                pupil.id,
                LESSON.id,
                PICK.id,
                result.answer,
                result.correct,
                result.score,
                VERSION,
                0,
                0,
                run_id=None,
                session_id=session.id,
            )
        )
    return session


def comparable_statement(line: str) -> dict:
    statement = json.loads(line)
    for varying in ("id", "actor", "timestamp"):
        statement.pop(varying)
    statement["context"].pop("registration")
    return statement


def test_card_answers_report_and_export_exactly_as_the_same_answers_from_devices(classroom):
    by_cards = at_question(classroom)
    cards.record_photo(
        classroom, by_cards, PICK, photo((1, "A"), (2, "B"), (3, "B"), (4, "C"), unsure=(5,)), version=VERSION
    )
    cards.record_photo(classroom, by_cards, PICK, photo((2, "D"), (6, "A")), version=VERSION)  # a retake
    cards.correct(classroom, by_cards, PICK, 5, "B", version=VERSION)  # the unsure card, by hand
    by_devices = device_class_with_the_same_answers(classroom, by_cards)
    engine = classroom.engine

    def stats_of(session):  # mistakes of equal counts come in the order answers were stored
        return [
            dataclasses.replace(stats, mistakes=sorted(stats.mistakes, key=lambda m: (-m.count, m.item_id)))
            for stats in question_stats(engine, COURSE, session.id)
        ]

    assert stats_of(by_cards) == stats_of(by_devices)

    def csv_of(session):
        rows = csv_rows(engine, session.id, "CM2 B", COURSE, "en", (LESSON.id,))
        return sorted(tuple(sorted({**row, "answered_at": ""}.items())) for row in row_list(rows))

    def row_list(rows):
        return [{key: str(value) for key, value in row.items()} for row in rows]

    assert csv_of(by_cards) == csv_of(by_devices)
    assert len(csv_of(by_cards)) == 6

    def xapi_of(session):
        lines = xapi_jsonl(engine, session.id, HOME, COURSE, "en").splitlines()
        return sorted(json.dumps(comparable_statement(line), sort_keys=True) for line in lines)

    assert xapi_of(by_cards) == xapi_of(by_devices)


def test_deleting_the_session_deletes_its_cards_and_tallies(classroom):
    session = at_question(classroom)
    cards.record_photo(classroom, session, PICK, photo((1, "A")), version=VERSION)
    cards.record_tally(classroom, session, PICK, {PICK.right_answer()[0]: 3})
    classroom.delete(session.id)
    with classroom.engine.connect() as db:
        for table in (card_numbers, tally_counts, attempts):
            assert db.execute(select(func.count()).select_from(table)).scalar_one() == 0
