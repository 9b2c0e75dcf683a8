"""The parent evening's presenter screen: speaker notes, controls, the next slide and live vote counts."""

from __future__ import annotations

import streamlit as st

from course.classroom import evening
from course.classroom.answers_shown import tally
from course.content import Course
from course.ui import state
from course.ui.classroom_state import classroom, own_base_url
from course.ui.evening_parts import FOLLOW_SECONDS, evening_in_address, move, position
from course.ui.guard import guarded_fragment
from course.ui.handout_button import handout_button
from course.ui.state import Visitor


def render() -> None:
    """Speaker notes, controls, the next slide and live vote counts: open it in a second window."""
    who = state.visitor()
    session = evening_in_address(who)
    if session is None:
        return
    st.title(who.t("evening.console"))
    st.link_button(
        who.t("evening.open_projector"),
        f"{own_base_url()}/presenter?session={session.id}&lang={who.lang}&country={who.country}",
        icon=":material/open_in_new:",
    )
    st.caption(who.t("evening.console_help"))
    controls(session.id, who)
    handout_button(who, key="console_handout")


@guarded_fragment(run_every=FOLLOW_SECONDS * 2)
def controls(session_id: str, who: Visitor) -> None:
    session, course = classroom().get(session_id), state.course()
    if session is None:  # ended meanwhile
        return
    current = position(session)
    main = evening.main_button(course, current, session.revealed)  # the one primary button
    back, reveal, forward = st.columns(3)
    back.button(
        who.t("lesson.back"),
        icon=":material/arrow_back:",
        key="console_back",
        width="stretch",
        on_click=move,
        args=(session.id, -1),
    )
    reveal.button(
        who.t("dashboard.hide") if session.revealed else who.t("dashboard.reveal"),
        width="stretch",
        key="console_reveal",
        type="primary" if main == "reveal" else "secondary",
        disabled=not evening.revealable(course, current),
        on_click=classroom().reveal,
        args=(session.id, not session.revealed),
    )
    forward.button(
        who.t("lesson.next"),
        icon=":material/arrow_forward:",
        key="console_next",
        width="stretch",
        type="primary" if main == "next" else "secondary",
        on_click=move,
        args=(session.id, 1),
    )
    with st.container(border=True):
        st.markdown(f"**{who.t('evening.now')}** — {slide_title(course, current, who)}")
        st.markdown(speaker_notes(course, current, who))
        activity = evening.activity_at(course, current)
        lesson_id = current[0]
        if activity is not None and lesson_id and evening.votable(activity, session.id) is not None:
            poll = evening.poll_id(lesson_id, activity.id)
            _, voters = tally(state.store().poll_results(session.id, poll))
            st.metric(who.t("evening.votes_label"), voters)
    upcoming = evening.moved(course, session.lessons, current, 1)
    st.caption(f"{who.t('evening.next')} — {slide_title(course, upcoming, who)}")


def slide_title(course: Course, position: tuple[str | None, int], who: Visitor) -> str:
    lesson_id, index = position
    if lesson_id not in course.lessons:
        return who.t("evening.welcome_slide")
    lesson = course.lessons[lesson_id]
    step = lesson.steps[index]
    kind = who.t(f"evening.type.{step.type}")
    return f"{lesson.title.get(who.lang)} · {index + 1}/{len(lesson.steps)} ({kind})"


def speaker_notes(course: Course, position: tuple[str | None, int], who: Visitor) -> str:
    """The step's own notes if the author wrote some, else what to do with this kind of slide."""
    lesson_id, index = position
    if lesson_id not in course.lessons:
        return who.t("evening.notes.welcome")
    step = course.lessons[lesson_id].steps[index]
    if step.notes:
        return step.notes.get(who.lang)
    return who.t(f"evening.notes.{'activity' if step.type == 'activity' else 'default'}")
