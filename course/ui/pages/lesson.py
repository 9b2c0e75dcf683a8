"""The lesson player: one step at a time, back and next, progress saved at every step."""

from __future__ import annotations

import streamlit as st

from course.classroom.sessions import ClassSession
from course.content.models import Lesson
from course.progress import Learner
from course.ui import before_check, routes, session_keys, state
from course.ui.celebration import celebrate
from course.ui.classroom_state import classroom, public_base_url, qr_image, session_of
from course.ui.guard import guarded, guarded_fragment
from course.ui.learner_card import badge_once, require_learner
from course.ui.links import go
from course.ui.notice import not_found
from course.ui.state import Visitor
from course.ui.widgets.steps import render_step
from course.web import scripts

CELEBRATE = "celebrate"  # the lesson was just finished: celebrate once
FOLLOW_SECONDS = 2  # pupils' screens follow the teacher within this delay


def render() -> None:
    course, who = state.course(), state.visitor()
    lesson = course.lessons.get(st.query_params.get("lesson", ""))
    if lesson is None:
        not_found(who, "lesson", routes.LEARN, "lesson.back_to_list")
        return
    st.title(lesson.title.get(who.lang))
    learner = None
    if lesson.audience == "learner":  # adults read without a nickname; nothing of theirs is stored
        st.session_state.setdefault(session_keys.BAND, lesson.ages)  # nicknames offered in the band's words
        learner = require_learner(who)
        if learner is None:
            return
    if learner:
        badge_once(learner, who)
    session = session_of(learner)
    if learner is not None and session is not None and session.paced and lesson.id in session.lessons:
        paced(lesson, learner, session, who)
        return
    self_paced(lesson, learner, who)


@guarded_fragment
def self_paced(lesson: Lesson, learner: Learner | None, who: Visitor) -> None:
    """The step on screen, its answers and back/next: a click reruns only this part of the page."""
    quiz = before_check.pending(lesson, learner)
    if quiz is not None and learner is not None:
        before_check.render(lesson, quiz, learner, who)
        return
    step = current_step(lesson, learner)
    if step >= len(lesson.steps):
        finished(lesson, learner, who)
        return
    scroll_to_top(f"{lesson.id}:{step}")
    st.progress(
        (step + 1) / len(lesson.steps),
        text=who.t("lesson.progress", step=step + 1, total=len(lesson.steps), minutes=lesson.minutes),
    )
    answered = render_step(lesson, step, learner, who)
    navigation(lesson, step, learner, who, answered)


def paced(lesson: Lesson, learner: Learner, session: ClassSession, who: Visitor) -> None:
    """Teacher-paced: the class's step comes from the session; answers show only once revealed."""
    shown = (session.current_lesson, session.current_step, session.revealed)
    if session.current_lesson != lesson.id:
        st.info(who.t("lesson.wait_for_teacher"), icon=":material/hourglass_top:")
        follow_teacher(session.id, shown)
        return
    quiz = before_check.pending(lesson, learner) if session.current_step == 0 else None
    if quiz is not None:  # while the teacher is on the first step: after that, the class comes first
        before_check.render(lesson, quiz, learner, who)
        follow_teacher(session.id, shown)
        return
    step = min(session.current_step, len(lesson.steps) - 1)
    if st.session_state.get(step_key(lesson)) != step:
        st.session_state[step_key(lesson)] = step
        state.store().record_step(learner.id, lesson.id, step)
    scroll_to_top(f"{lesson.id}:{step}")
    st.progress(
        (step + 1) / len(lesson.steps),
        text=who.t("lesson.paced_progress", step=step + 1, total=len(lesson.steps)),
    )
    render_step(lesson, step, learner, who, hold=not session.revealed)
    st.caption(who.t("lesson.teacher_moves"))
    follow_teacher(session.id, shown)


@guarded_fragment(run_every=FOLLOW_SECONDS)
def follow_teacher(session_id: str, shown: tuple) -> None:
    """Polls the store (so it works across several servers) and reruns the page when the teacher moves."""
    session = classroom().get(session_id)
    if session is None or (session.current_lesson, session.current_step, session.revealed) != shown:
        st.rerun()


def talk_at_home(lesson: Lesson, who: Visitor) -> None:
    """A QR code for the grown-ups at home to the matching parent page; it carries nothing about the child."""
    course = state.course()
    parent_lesson = f"{lesson.topic}-parents"
    if parent_lesson in course.lessons:
        url = f"{public_base_url()}/lesson?lesson={parent_lesson}&lang={who.lang}&country={who.country}"
    else:
        url = f"{public_base_url()}/parents?lang={who.lang}&country={who.country}"
    with st.container(border=True):
        text, code = st.columns([3, 1], vertical_alignment="center")
        text.markdown(f":material/home: **{who.t('lesson.talk_at_home')}**")
        text.caption(who.t_band("lesson.talk_at_home_help", lesson.ages))
        text.markdown(f"[{who.t('lesson.talk_at_home_link')}]({url})")
        with code:
            qr_image(url, who.t("lesson.talk_at_home_alt"), width=130)


def scroll_to_top(marker: str) -> None:
    """A new step starts at the top of the page; `marker` changes the element so the script runs again."""
    st.html(scripts.tag(scripts.SCROLL_TO_TOP, marker), unsafe_allow_javascript=True)


def step_key(lesson: Lesson) -> str:
    return session_keys.lesson_step(lesson.id)


def current_step(lesson: Lesson, learner: Learner | None) -> int:
    """This session's step, else where the store says the learner stopped (the furthest step)."""
    key = step_key(lesson)
    if key not in st.session_state:
        progress = state.store().lesson_progress(learner.id).get(lesson.id) if learner else None
        st.session_state[key] = 0 if progress is None or progress.completed else progress.furthest_step
    return min(st.session_state[key], len(lesson.steps))


def navigation(lesson: Lesson, step: int, learner: Learner | None, who: Visitor, answered: bool) -> None:
    st.divider()
    with st.container(horizontal=True):  # a flex row: one block, not three
        step_buttons(lesson, step, learner, who, answered)


def step_buttons(lesson: Lesson, step: int, learner: Learner | None, who: Visitor, answered: bool) -> None:
    st.button(
        who.t("lesson.back"),
        icon=":material/arrow_back:",
        key="lesson_back",
        disabled=step == 0,
        on_click=move_to,
        args=(lesson, learner, step - 1),
        width="stretch",
    )
    last = step == len(lesson.steps) - 1
    skip = not (last or answered)  # an activity not answered yet: its "check" is the main action
    label = who.t("lesson.finish") if last else who.t("lesson.skip") if skip else who.t("lesson.next")
    st.button(
        label,
        icon=":material/arrow_forward:",
        icon_position="right",
        type="secondary" if skip else "primary",
        key="lesson_next",
        on_click=move_to,
        args=(lesson, learner, step + 1),
        width="stretch",
    )


@guarded
def move_to(lesson: Lesson, learner: Learner | None, step: int) -> None:
    if step >= len(lesson.steps):
        if learner:
            state.store().complete_lesson(learner.id, lesson.id, len(lesson.steps))
        st.session_state[CELEBRATE] = True
    elif learner:
        state.store().record_step(learner.id, lesson.id, step)
    st.session_state[step_key(lesson)] = step


def finished(lesson: Lesson, learner: Learner | None, who: Visitor) -> None:
    course = state.course()
    celebrate(lesson, who, st.session_state.pop(CELEBRATE, False))  # fits the band and the topic
    summary = next((step for step in lesson.steps if step.type == "summary"), None)
    if summary:
        st.subheader(who.t("lesson.what_i_learnt" if lesson.audience == "learner" else "lesson.key_points"))
        for point in summary.points:
            st.markdown(f"- {point.get(who.lang)}")
    st.info(who.t("lesson.who_to_tell"), icon=":material/support:")
    if lesson.audience == "learner":
        talk_at_home(lesson, who)
    quiz_col, again_col, list_col = st.columns(3)
    if lesson.quiz in course.quizzes and quiz_col.button(
        who.t("lesson.take_quiz"), type="primary", key="lesson_quiz", width="stretch"
    ):
        go(routes.QUIZ, quiz=lesson.quiz)
    if again_col.button(who.t("lesson.again"), key="lesson_again", width="stretch"):
        st.session_state[step_key(lesson)] = 0
        st.rerun()
    if list_col.button(who.t("lesson.back_to_list"), key="lesson_list", width="stretch"):
        go(routes.LIST_OF_AUDIENCE.get(lesson.audience, routes.LEARN), band=lesson.ages)
