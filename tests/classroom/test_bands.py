"""Which lessons a class may be given: its band's, another band's once confirmed, never older for 7–10."""

import pytest

from course.classroom.bands import (
    BandMismatch,
    LessonChoice,
    judge,
    needs_confirmation,
    offered_bands,
    refused,
)
from course.classroom.sessions import can_reveal
from course.content import load_course

COURSE = load_course()
BAND_OF = {lesson.id: lesson.ages for lesson in COURSE.lessons.values()}


def test_a_7_10_class_never_gets_an_older_bands_lesson():
    assert refused("7-10", "14-17") and refused("7-10", "11-13")
    assert not refused("7-10", "7-10")
    assert offered_bands("7-10") == ["7-10"]  # the picker lists nothing older
    choice = judge("7-10", ["grooming-7-10", "sextortion-14-17"], BAND_OF)
    assert choice == LessonChoice("7-10", (), ("sextortion-14-17",))
    assert not choice.allowed(confirmed=True)  # a tick does not change it


def test_other_bands_need_a_confirmation_for_older_classes():
    assert offered_bands("11-13") == ["11-13", "7-10", "14-17"]  # own band first, then the nearest
    assert offered_bands("14-17") == ["14-17", "11-13", "7-10"]
    assert needs_confirmation("11-13", "14-17") and needs_confirmation("14-17", "7-10")
    choice = judge("14-17", ["sextortion-14-17", "grooming-7-10"], BAND_OF)
    assert choice.other_band == ("grooming-7-10",) and not choice.refused
    assert not choice.allowed(confirmed=False) and choice.allowed(confirmed=True)
    assert judge("14-17", ["sextortion-14-17"], BAND_OF).allowed(confirmed=False)


def test_adult_strands_and_unknown_lessons_are_never_given_to_pupils():
    assert judge("14-17", ["grooming-parents", "no-such-lesson"], BAND_OF).refused == (
        "grooming-parents",
        "no-such-lesson",
    )


def test_creating_a_session_refuses_what_the_band_may_not_get(classroom):
    with pytest.raises(BandMismatch) as refusal:
        classroom.create("CE2", "7-10", ["sextortion-14-17"], paced=False, course=COURSE, confirmed=True)
    assert refusal.value.choice.refused == ("sextortion-14-17",)
    with pytest.raises(BandMismatch) as unconfirmed:
        classroom.create("3e B", "14-17", ["grooming-7-10"], paced=False, course=COURSE)
    assert unconfirmed.value.choice.other_band == ("grooming-7-10",)
    assert classroom.all_open() == []  # nothing was created
    session = classroom.create("3e B", "14-17", ["grooming-7-10"], paced=False, course=COURSE, confirmed=True)
    assert session.lessons == ("grooming-7-10",)
    # a parent evening gets the parents' lessons
    evening = classroom.create(
        "Soirée", "parents", ["grooming-parents"], paced=True, course=COURSE, kind="evening"
    )
    assert evening.lessons == ("grooming-parents",)


def test_answers_can_be_revealed_only_on_an_activity_step():
    lesson = COURSE.lessons["grooming-7-10"]
    kinds = [step.type for step in lesson.steps]
    assert [can_reveal(lesson, i) for i in range(len(kinds))] == [kind == "activity" for kind in kinds]
    assert not can_reveal(lesson, len(kinds)) and not can_reveal(lesson, -1)
