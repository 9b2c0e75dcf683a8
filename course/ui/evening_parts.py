"""What the parent evening's three pages share: the evening in the address, the slide it is on, moving it."""

from __future__ import annotations

import streamlit as st

from course.activities.base import ActivityBase
from course.classroom import evening
from course.classroom.sessions import ClassSession
from course.content.base import Text
from course.ui import routes, state
from course.ui.classroom_state import classroom
from course.ui.guard import guarded
from course.ui.notice import not_found
from course.ui.state import Visitor
from course.ui.widgets.feedback_view import item_labels

FOLLOW_SECONDS = 1  # the projector follows the console within this delay; phones within twice it


def evening_in_address(who: Visitor) -> ClassSession | None:
    """The evening named by `?session=` in the address, or a "not found" page and None."""
    session = classroom().get(st.query_params.get("session", ""))
    if session is None or session.expired or session.kind != "evening":
        not_found(who, "dashboard", routes.CLASSES, "classes.title")
        return None
    return session


def position(session: ClassSession) -> tuple[str | None, int]:
    return (session.current_lesson, session.current_step) if session.current_lesson else evening.WELCOME


@guarded
def move(session_id: str, offset: int) -> None:
    session, course = classroom().get(session_id), state.course()
    if session is None:  # ended or expired meanwhile: nothing to move
        return
    lesson_id, step = evening.moved(course, session.lessons, position(session), offset)
    if lesson_id is None:
        classroom().set_step(session_id, "", 0)
    else:
        classroom().set_step(session_id, lesson_id, step)


def vote_labels(
    activity: ActivityBase, options: list[tuple[str, Text | None]], who: Visitor
) -> dict[str, str]:
    """What each option of a vote says, in the evening's order (worded as everywhere: item_labels)."""
    labels = item_labels(activity, who.lang)
    return {option_id: labels[option_id] for option_id, _ in options}
