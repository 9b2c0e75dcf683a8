"""A parent evening: the parent lessons as a sequence of slides, and what parents can vote on."""

from __future__ import annotations

from course.activities.order import shown_ids
from course.content import Course
from course.content.models import Text

WELCOME = (None, 0)  # the first slide: how to join, before any lesson


def slides(course: Course, lessons: tuple[str, ...]) -> list[tuple[str | None, int]]:
    """Every slide in order: the welcome slide, then each step of each lesson."""
    order = [WELCOME]
    for lesson_id in lessons:
        lesson = course.lessons.get(lesson_id)
        if lesson is not None:
            order += [(lesson_id, index) for index in range(len(lesson.steps))]
    return order


def moved(course: Course, lessons: tuple[str, ...], current: tuple[str | None, int], offset: int):
    """The slide `offset` slides away from `current` (staying within the deck)."""
    order = slides(course, lessons)
    index = order.index(current) if current in order else 0
    return order[max(0, min(len(order) - 1, index + offset))]


def votable(activity, session_id: str) -> list[tuple[str, Text | None]] | None:
    """The options a parent can vote for on a phone (no right answer is recorded per person), or None;
    in the evening's one order, so the slide and every phone list them alike."""
    if activity.type in ("poll", "single_choice", "multiple_choice"):
        texts = {option.id: option.text for option in activity.options}
        return [(option_id, texts[option_id]) for option_id in shown_ids(activity, session_id)]
    if activity.type == "true_false":
        return [("true", None), ("false", None)]
    return None


def poll_id(lesson_id: str, activity_id: str) -> str:
    return f"{lesson_id}/{activity_id}"
