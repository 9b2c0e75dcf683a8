"""The before-check that opens a learner lesson: a few parallel questions of its quiz, one at a time,
then "how sure am I?", with no feedback and no score. The quiz at the end is the after-check."""

from __future__ import annotations

import streamlit as st

from course.classroom.gain import CONFIDENCE_BEFORE, CONFIDENCE_SCALE
from course.content.models import Lesson, Quiz
from course.progress import Attempt, Learner
from course.ui import listen, state
from course.ui.answering import store_answering
from course.ui.guard import guarded
from course.ui.state import Visitor
from course.ui.widgets import render_activity
from course.ui.widgets.answer_state import choices_form, choose_first, current_result


def before_check_of(lesson: Lesson) -> Quiz | None:
    """The quiz whose before-check opens `lesson`, if it has one."""
    quiz = state.course().quizzes.get(lesson.quiz or "")
    return quiz if lesson.audience == "learner" and quiz is not None and quiz.before_check else None


def _done_key(quiz: Quiz) -> str:
    return f"before_done:{quiz.id}"


def pending(lesson: Lesson, learner: Learner | None) -> Quiz | None:
    """The before-check still to do before `lesson` starts: only for a lesson not started yet, and
    only once (the confidence answer closes it)."""
    quiz = before_check_of(lesson) if learner is not None else None
    if quiz is None or learner is None:
        return None
    key = _done_key(quiz)
    if key not in st.session_state:
        store = state.store()
        started = lesson.id in store.lesson_progress(learner.id)
        st.session_state[key] = (
            started or store.last_answer(learner.id, quiz.id, CONFIDENCE_BEFORE) is not None
        )
    return None if st.session_state[key] else quiz


def render(lesson: Lesson, quiz: Quiz, learner: Learner, who: Visitor) -> None:
    st.subheader(who.t("before.title"))
    st.caption(who.t("before.intro"))
    total = len(quiz.before_check)
    for index, question in enumerate(quiz.before_check):
        answering = store_answering(quiz.id, question, learner, silent=True)
        if current_result(answering) is None:
            st.progress(index / (total + 1), text=who.t("quiz.progress", number=index + 1, total=total + 1))
            render_activity(question, who, answering)
            return
    st.progress(total / (total + 1), text=who.t("quiz.progress", number=total + 1, total=total + 1))
    key = f"before_confidence:{quiz.id}"
    with choices_form(f"before_form:{quiz.id}"):  # the answer is sent with "start", in one run
        confidence_question(who, key)
        st.form_submit_button(
            who.t("before.start"),
            type="primary",
            key=f"before_start:{quiz.id}",
            icon=":material/arrow_forward:",
            icon_position="right",
            on_click=finish,
            args=(quiz, learner),
        )
    if st.session_state.get(f"{key}:choose_first"):
        choose_first(who)


def confidence_question(who: Visitor, key: str, **on_change) -> int | None:
    """'If this happened, I would know what to do': a 4-point scale, nothing typed."""
    listen.question(
        who.t("before.confidence"), {str(v): who.t(f"confidence.{v}") for v in CONFIDENCE_SCALE}, who
    )
    with listen.choices_box(key):
        return st.radio(
            f"**{who.t('before.confidence')}**",
            CONFIDENCE_SCALE,
            format_func=lambda value: who.t(f"confidence.{value}"),
            index=None,
            key=key,
            **on_change,
        )


@guarded
def finish(quiz: Quiz, learner: Learner) -> None:
    key = f"before_confidence:{quiz.id}"
    value = st.session_state.get(key)
    st.session_state[f"{key}:choose_first"] = value is None  # nothing chosen: not started, say so
    if value is None:
        return
    record_confidence(quiz, learner, CONFIDENCE_BEFORE, value)
    st.session_state[_done_key(quiz)] = True


def record_confidence(
    quiz: Quiz, learner: Learner, which: str, value: int, run_id: str | None = None
) -> None:
    version = state.course().versions.get(quiz.id, "")
    answer = (str(value),)
    attempt = Attempt(
        learner.id, quiz.id, which, answer, None, None, version, run_id=run_id, session_id=learner.session_id
    )
    state.store().record_attempt(attempt)
