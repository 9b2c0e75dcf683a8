"""My progress: lessons done, quiz scores, what to do next. Only this learner's own data."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from course.classroom.gain import quiz_gain
from course.progress.overview import overview
from course.ui import routes, session_keys, state
from course.ui.gain_table import render_gain
from course.ui.learner_card import learner_badge, require_learner
from course.ui.links import go


def render() -> None:
    course, who = state.course(), state.visitor()
    st.title(who.t("progress.title"))
    learner = require_learner(who)
    if learner is None:
        return
    learner_badge(learner, who)
    store = state.store()
    view = overview(
        course,
        store.lesson_progress(learner.id),
        store.quiz_summaries(learner.id),
        st.session_state.get(session_keys.BAND),
    )
    if not view.rows:
        st.info(who.t("progress.nothing_yet"), icon=":material/explore:")
        if st.button(who.t("progress.choose_lessons"), key="progress_start"):
            go(routes.LEARN)
        return
    st.metric(who.t("progress.lessons_done"), f"{view.completed} / {len(view.rows)}")
    if view.next_lesson:
        title = course.lessons[view.next_lesson].title.get(who.lang)
        if st.button(
            who.t("progress.next", title=title),
            type="primary",
            key="progress_next",
            icon=":material/play_arrow:",
        ):
            go(routes.LESSON, lesson=view.next_lesson)
    table = []
    for row in view.rows:
        topic = course.topic(row.topic)
        band = course.lessons[row.lesson_id].ages  # a topic's name for 7-10 is in child words
        topic_title = topic.title_for(band).get(who.lang) if topic else row.topic
        status = (
            who.t("progress.done")
            if row.completed
            else who.t("progress.step_of", step=row.steps_done, total=row.steps)
            if row.steps_done
            else who.t("progress.not_started")
        )
        table.append(
            {
                who.t("progress.topic"): f"{topic.icon} {topic_title}" if topic else row.topic,
                who.t("progress.lesson"): course.lessons[row.lesson_id].title.get(who.lang),
                who.t("progress.status"): status,
                who.t("progress.quiz"): f"{row.best_score} %" if row.best_score is not None else "—",
            }
        )
    st.dataframe(table, hide_index=True, width="stretch")
    scores = {
        course.lessons[r.lesson_id].title.get(who.lang): r.best_score
        for r in view.rows
        if r.best_score is not None
    }
    if scores:
        st.subheader(who.t("progress.scores"))
        st.bar_chart(
            pd.DataFrame({who.t("progress.score"): scores}), horizontal=True, y_label="", x_label="%"
        )
    before_and_after(learner.id, [row.lesson_id for row in view.rows], who)


def before_and_after(learner_id: str, lesson_ids: list[str], who) -> None:
    """The learner's own before-check and quiz, per objective, for each lesson that has both."""
    course, store = state.course(), state.store()
    shown = False
    for lesson_id in lesson_ids:
        quiz = course.quizzes.get(course.lessons[lesson_id].quiz or "")
        if quiz is None or not quiz.before_check:
            continue
        gain = quiz_gain(quiz, store.attempts(learner_id, quiz.id))
        if not gain.overall.learners:
            continue
        if not shown:
            st.subheader(who.t("gain.mine"))
            shown = True
        st.markdown(f"**{course.lessons[lesson_id].title.get(who.lang)}**")
        render_gain(quiz, gain, who, class_view=False)
