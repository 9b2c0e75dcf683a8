"""A parent evening: the parent lessons as a sequence of slides, and what parents can vote on."""

from __future__ import annotations

from course.activities import AnyActivity
from course.activities.base import ActivityBase
from course.activities.order import shown_ids
from course.content import Course
from course.content.models import Text

Slide = tuple[str | None, int]  # a lesson and a step's index (no lesson: the welcome slide)
WELCOME: Slide = (None, 0)  # the first slide: how to join, before any lesson


def slides(course: Course, lessons: tuple[str, ...]) -> list[Slide]:
    """Every slide in order: the welcome slide, then each step of each lesson."""
    order = [WELCOME]
    for lesson_id in lessons:
        lesson = course.lessons.get(lesson_id)
        if lesson is not None:
            order += [(lesson_id, index) for index in range(len(lesson.steps))]
    return order


def moved(course: Course, lessons: tuple[str, ...], current: Slide, offset: int) -> Slide:
    """The slide `offset` slides away from `current` (staying within the deck)."""
    order = slides(course, lessons)
    index = order.index(current) if current in order else 0
    return order[max(0, min(len(order) - 1, index + offset))]


def votable(activity: ActivityBase, session_id: str) -> list[tuple[str, Text | None]] | None:
    """The options a parent can vote for on a phone (no right answer is recorded per person), or None;
    in the evening's one order, so the slide and every phone list them alike."""
    if not activity.votable:
        return None
    texts = dict(activity.choices())
    return [(choice_id, texts[choice_id]) for choice_id in shown_ids(activity, session_id)]


def poll_id(lesson_id: str, activity_id: str) -> str:
    return f"{lesson_id}/{activity_id}"


def activity_at(course: Course, position: Slide) -> AnyActivity | None:
    """The activity shown on the slide at `position`, or None (the welcome slide, a text, a chat...)."""
    lesson_id, index = position
    lesson = course.lessons.get(lesson_id) if lesson_id else None
    if lesson is None or not 0 <= index < len(lesson.steps):
        return None
    step = lesson.steps[index]
    return step.activity if step.type == "activity" else None


def revealable(course: Course, position: Slide) -> bool:
    """Whether the slide has answers to reveal: a question the parents vote on from their phones."""
    activity = activity_at(course, position)
    return activity is not None and activity.votable


def main_button(course: Course, position: Slide, revealed: bool) -> str:
    """The presenter's main (primary) button on this slide: "reveal" on a question whose answers are
    still hidden, else "next" (a slide with nothing to reveal, or answers already on screen)."""
    return "reveal" if revealable(course, position) and not revealed else "next"


def ticks_several(activity) -> bool:
    """Whether a parent's one vote may tick several options (a tick-all-that-apply question)."""
    return activity.picks == "several"
