"""Which lessons a class of one age band may be given.

A class gets the lessons of its own band. A lesson of another learner band needs the teacher's explicit
confirmation; a class of a band that takes no older lessons (7–10: `older_lessons: never` in the bands
file) is never given a lesson written for older pupils, confirmed or not; an adult strand (parents,
teachers) is never given to pupils. The classes page and `Classroom.create` both ask here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from course import bands


def _rank(band: str | None) -> int | None:
    learners = bands.learners()
    return learners.index(band) if band in learners else None


def refused(class_band: str, lesson_band: str | None) -> bool:
    """True when a lesson of `lesson_band` may never be given to a class of `class_band`."""
    mine, theirs = _rank(class_band), _rank(lesson_band)
    if mine is None or theirs is None:
        return True  # an unknown lesson, an adult strand, or not a class of pupils
    return not bands.takes_older_lessons(class_band) and theirs > mine


def needs_confirmation(class_band: str, lesson_band: str | None) -> bool:
    """True for a lesson of another learner band that the class may get once the teacher confirms."""
    return lesson_band != class_band and not refused(class_band, lesson_band)


def offered_bands(class_band: str) -> list[str]:
    """The bands whose lessons the picker lists for a class: its own first, then the nearest others
    it may get (younger before older at the same distance)."""
    mine = _rank(class_band)
    if mine is None:
        return []
    learners = bands.learners()
    others = [band for band in learners if band != class_band and not refused(class_band, band)]
    others.sort(key=lambda band: (abs(learners.index(band) - mine), learners.index(band)))
    return [class_band, *others]


@dataclass(frozen=True)
class LessonChoice:
    """A teacher's choice of lessons for a class, judged."""

    band: str
    other_band: tuple[str, ...] = ()  # lessons of another band: allowed once confirmed
    refused: tuple[str, ...] = ()  # lessons this class may never get

    def allowed(self, confirmed: bool) -> bool:
        return not self.refused and (confirmed or not self.other_band)


def judge(class_band: str, lessons: Iterable[str], band_of: Mapping[str, str]) -> LessonChoice:
    """`band_of`: lesson id -> its band (a lesson missing from it is unknown, so refused)."""
    other, never = [], []
    for lesson in lessons:
        lesson_band = band_of.get(lesson)
        if refused(class_band, lesson_band):
            never.append(lesson)
        elif needs_confirmation(class_band, lesson_band):
            other.append(lesson)
    return LessonChoice(class_band, tuple(other), tuple(never))


class BandMismatch(ValueError):
    """Raised when a class would get lessons that do not fit its band (see `LessonChoice`)."""

    def __init__(self, choice: LessonChoice):
        self.choice = choice
        if choice.refused:
            reason = f"a {choice.band} class may not be given {', '.join(choice.refused)}"
        else:
            reason = f"lessons from another age band need confirming: {', '.join(choice.other_band)}"
        super().__init__(reason)
